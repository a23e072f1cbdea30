"""Every field of a document sanitised at the door, and untrusted text made safe for a terminal.

Scraped input carries what no later stage expects: lone surrogates (JSON's ``"\\ud800"``), NULs
(PostgreSQL refuses them in text), terminal escape sequences, publication dates nothing was ever
published on (``9999-12-31``). :func:`sanitize_document` mends all of them in one place, before any
stage sees the document, so that one bad field costs that field and never the article or its batch:

* a lone surrogate becomes U+FFFD (a surrogate pair is joined into the character it encodes);
* escape sequences (``ESC [ 2 J``, ``ESC ] 0 ; title BEL``), NUL and the other C0 controls except
  tab, newline and carriage return are removed, and so is DEL; vertical tab and form feed become a
  newline and the information separators (U+001C to U+001F) a space, so no words run together;
* a publication date before 1900 or more than a year after today is dropped with a warning
  (:class:`nutgraf.model.IngestWarning`); the article is kept, dated as if it had carried no date.

:func:`terminal_safe` is the other end: what the CLI prints of untrusted text keeps no character a
terminal acts on (C0 and C1 controls, escape sequences, bidirectional overrides and isolates).
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from datetime import date, datetime, timedelta

from nutgraf.model import IngestWarning, RawDocument

__all__ = [
    "MAX_AHEAD",
    "MIN_PUBLISHED",
    "clean_field",
    "date_warning",
    "latest_published",
    "sane_published",
    "sanitize_document",
    "terminal_safe",
    "terminal_safe_json",
]

log = logging.getLogger(__name__)

MIN_PUBLISHED = datetime(1900, 1, 1)
"""The earliest publication date kept: older ones are typing or parsing errors in news metadata
(and before 1900 a time zone's offset is not what the date arithmetic downstream assumes)."""

MAX_AHEAD = timedelta(days=366)
"""How far after today a publication date may lie (embargoed copy, a clock set wrong) and be kept."""

_ESCAPE_7BIT = (
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves, clear screen
    r"|\x1b[\]PX^_][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)"  # OSC (window title), DCS, ...: to BEL or ST
    r"|\x1b[ -/]*[0-~]"  # the other escapes (character sets, keypad modes, reset)
)
_ESCAPE_8BIT = r"\x9b[0-?]*[ -/]*[@-~]|[\x90\x98\x9d\x9e\x9f][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)"
_FIELD_ESCAPES = re.compile(_ESCAPE_7BIT)
_TERMINAL_ESCAPES = re.compile(f"{_ESCAPE_7BIT}|{_ESCAPE_8BIT}")
"""Escape sequences are removed whole: what is left of one once its ESC alone is gone (``[2J``,
``]0;title``) is noise. An unterminated string sequence loses only its first characters, so a
stray ``ESC ]`` never swallows the rest of an article. Whatever control is left is removed after."""

_SUSPECT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_FIELD_CONTROLS = {
    **dict.fromkeys([*range(0x00, 0x09), *range(0x0E, 0x1C), 0x7F]),
    0x0B: "\n",
    0x0C: "\n",
    **dict.fromkeys(range(0x1C, 0x20), " "),
}

_TERMINAL_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_TERMINAL_REMOVE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]+")
_JSON_UNSAFE = re.compile(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")

_TEXT_FIELDS = ("origin", "content", "source_key")
_OPTIONAL_FIELDS = ("url", "title", "outlet", "language", "external_id", "author", "folder_outlet")


def _mend_surrogates(text: str) -> str:
    """Lone surrogates to U+FFFD; a high and low surrogate side by side become their character."""
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def clean_field(value: str) -> str:
    """A text field as every stage can take it (see the module's description); a clean string is
    returned as it is, so sanitising changes nothing, the hashes included, for well-formed input."""
    if not _SUSPECT.search(value):
        return value
    if "\x1b" in value:
        value = _FIELD_ESCAPES.sub("", value)
    value = value.translate(_FIELD_CONTROLS)
    if _SURROGATE.search(value):
        value = _mend_surrogates(value)
    return value


def latest_published(now: datetime | None = None) -> datetime:
    """The latest publication date kept: a year (and a day) after ``now``."""
    return (now or datetime.now()) + MAX_AHEAD


def sane_published(value: datetime | date | None, *, now: datetime | None = None) -> datetime | None:
    """``value`` when it lies in :data:`MIN_PUBLISHED` .. :func:`latest_published`, else None."""
    if value is None:
        return None
    if not isinstance(value, datetime):
        value = datetime.combine(value, datetime.min.time())
    naive = value.replace(tzinfo=None)  # a zone moves it by hours: nothing at this scale
    return value if MIN_PUBLISHED <= naive <= latest_published(now) else None


def date_warning(origin: str, value: datetime | date) -> IngestWarning:
    """The warning for a publication date :func:`sane_published` dropped (also logged)."""
    reason = (
        f"published date {value.isoformat()} is outside {MIN_PUBLISHED:%Y-%m-%d} .. "
        f"{latest_published():%Y-%m-%d}: dropped, the article is kept"
    )
    log.info("%s: %s", origin, reason)
    return IngestWarning(origin, reason, "published")


def sanitize_document(raw: RawDocument) -> tuple[RawDocument, list[IngestWarning]]:
    """``raw`` with every field sanitised, and the warnings for what was dropped; ``raw`` itself is
    never changed (a clean document comes back as the same object)."""
    changes: dict[str, object] = {}
    for name in _TEXT_FIELDS:
        value = getattr(raw, name)
        if isinstance(value, str) and (cleaned := clean_field(value)) != value:
            changes[name] = cleaned
    for name in _OPTIONAL_FIELDS:
        value = getattr(raw, name)
        if isinstance(value, str) and (cleaned := clean_field(value)) != value:
            changes[name] = cleaned if cleaned.strip() else None
    warnings: list[IngestWarning] = []
    if raw.published is not None and sane_published(raw.published) is None:
        origin = changes.get("origin", raw.origin)
        warnings.append(date_warning(origin, raw.published))  # type: ignore[arg-type]
        changes["published"] = None
    return (replace(raw, **changes) if changes else raw), warnings  # type: ignore[arg-type]


def terminal_safe(text: str) -> str:
    """``text`` with nothing a terminal acts on: escape sequences (7- and 8-bit) go whole, C0
    controls but tab and newline, DEL, C1 controls and bidirectional overrides and isolates go, and
    a lone surrogate (which no terminal encoding can write) becomes U+FFFD."""
    if not _TERMINAL_UNSAFE.search(text):
        return text
    text = _TERMINAL_ESCAPES.sub("", text)
    if _SURROGATE.search(text):
        text = _mend_surrogates(text)
    return _TERMINAL_REMOVE.sub("", text)


def terminal_safe_json(encoded: str) -> str:
    """JSON text (from ``json.dumps(..., ensure_ascii=False)``, which already escapes C0 controls)
    with DEL, the C1 controls, bidirectional overrides and lone surrogates written as ``\\uXXXX``
    escapes: the same data, readable by any JSON parser, and inert on a terminal."""
    if not _JSON_UNSAFE.search(encoded):
        return encoded
    return _JSON_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", encoded)
