"""Plain-text normalisation: characters, broken lines, datelines and the headline line."""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime
from functools import cache

from nutgraf.lang import all_languages, alternation, every, letters
from nutgraf.lang.contract import section

__all__ = [
    "join_broken_lines",
    "normalize_text",
    "parse_dateline",
    "split_title",
    "title_from_sentence",
    "url_date",
]

MAX_TITLE_CHARS = 200
MAX_TITLE_WORDS = 30
"""A first line longer than this is body text (seed 001 opens with a 40-word sentence), not a headline."""

FALLBACK_TITLE_CHARS = 110
"""When a text has no headline line, its first sentence cut to this length stands in as the title."""

DATELINE_SEARCH_LINES = 4
"""Datelines ("March 10, 2026 · 14:05") sit within the first few lines under the headline."""

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_TERMINAL = tuple('.!?…:;"»”’)]')
_CONTINUES = re.compile(rf"^[{letters('lower')},.;:)»”]")

_TIME = r"(?:\d{1,2}(?::\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?|h\d{2}))"
"""A clock time: "10:05", "10:05 pm", and French "14h32"."""
_PREFIX = rf"(?:(?:{alternation(every('DATELINE_PREFIXES'))})\s*:?\s*)?"
_TRAILER = rf"(?:\s*(?:{alternation(every('DATE_TRAILERS'))}))?"
_SEP = r"[\s,·|•—–-]*"
_TIME_SEP = (
    rf"(?:{_SEP}(?:{alternation(every('DATELINE_TIME_JOINERS'))})?{_SEP})"
    if every("DATELINE_TIME_JOINERS")
    else _SEP
)
"""Between a date and its time: punctuation, or a word that joins them ("le 10 mars 2026 à 14h32")."""


@cache
def _dateline_patterns() -> tuple[re.Pattern[str], ...]:
    months = sorted({m for module in all_languages() for m in module.MONTHS}, key=len, reverse=True)
    month = "(?P<month>" + "|".join(re.escape(m) for m in months) + r")\.?"
    weekdays = sorted({w for module in all_languages() for w in module.WEEKDAYS}, key=len, reverse=True)
    weekday = "(?:(?:" + "|".join(re.escape(w) for w in weekdays) + r")\.?,?\s+)?"
    day = rf"(?P<day>\d{{1,2}})(?:{alternation(every('DATE_DAY_SUFFIXES'))})?"
    year = r"(?P<year>\d{4})"
    day_first = [
        word
        for module in all_languages()
        if not section(module, "DATE_MONTH_FIRST")
        for word in section(module, "DATELINE_PREFIXES")
    ]
    bodies = [
        (_PREFIX, rf"{month}\s+{day},?\s+{year}"),
        (_PREFIX, rf"{day}\s+{month},?\s+{year}"),
        (_PREFIX, r"(?P<iso>\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?"),
        (_PREFIX, r"(?P<dmy>\d{1,2}\.\d{1,2}\.\d{4})"),
    ]
    if day_first:
        # "10/03/2026" is the 10th of March after a day-first language's "Publié le", and unread
        # after none: an English page may mean the 3rd of October.
        bodies.append((rf"(?:{alternation(day_first)})\s*:?\s*", r"(?P<dmy>\d{1,2}/\d{1,2}/\d{4})"))
    return tuple(
        re.compile(
            rf"^{prefix}(?:{_TIME}{_SEP})?{weekday}{body}{_TRAILER}(?:{_TIME_SEP}{_TIME})?{_TRAILER}\.?$",
            re.IGNORECASE,
        )
        for prefix, body in bodies
    )


def normalize_text(text: str) -> str:
    """NFC, one kind of newline and space, no zero-width characters, no trailing spaces."""
    text = unicodedata.normalize("NFC", text).translate(_ZERO_WIDTH)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(lines).strip()


def join_broken_lines(text: str) -> str:
    """Re-join lines broken mid-sentence (the next line starts lower-case or with a comma/period)."""
    lines = text.split("\n")
    out: list[str] = []
    for line in lines:
        if (
            out
            and out[-1].strip()
            and line.strip()
            and not out[-1].rstrip().endswith(_TERMINAL)
            and _CONTINUES.match(line.lstrip())
        ):
            line = line.strip()
            glue = "" if line[0] in ",.;:)»”" else " "
            out[-1] = out[-1].rstrip() + glue + line
        else:
            out.append(line)
    return "\n".join(out)


_CLOCK = re.compile(r"(\d{1,2})[:h](\d{2})")


def parse_dateline(line: str) -> datetime | None:
    """The date of a line that holds nothing but a date (and time), else None."""
    stripped = line.strip()
    if len(stripped) > 60:
        return None
    for pattern in _dateline_patterns():
        match = pattern.match(stripped)
        if not match:
            continue
        groups = match.groupdict()
        try:
            if groups.get("iso"):
                parsed = datetime.strptime(groups["iso"], "%Y-%m-%d")
            elif groups.get("dmy"):
                parsed = datetime.strptime(groups["dmy"].replace("/", "."), "%d.%m.%Y")
            else:
                number = _month_number(groups["month"])
                parsed = datetime(int(groups["year"]), number, int(groups["day"]))
        except ValueError:
            return None
        clock = _CLOCK.search(
            stripped,
            match.end("year") if groups.get("year") else match.end("dmy") if groups.get("dmy") else 0,
        )
        if clock and int(clock.group(1)) < 24:
            parsed = parsed.replace(hour=int(clock.group(1)), minute=int(clock.group(2)))
        return parsed
    return None


_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/_-](0?[1-9]|1[0-2])[/_-](0?[1-9]|[12]\d|3[01])(?=[/_.-]|$)")
"""A year/month/day in a URL's path: news sites file stories by date ("/2026/05/16/cup-final")."""


def url_date(url: str | None) -> datetime | None:
    """The date a news URL's path gives (what htmldate tries first), or None: the publication date
    of a document that carries none in its metadata or its text."""
    if not url:
        return None
    path = url.split("?", 1)[0].split("#", 1)[0]
    path = path.split("://", 1)[-1].partition("/")[2]
    match = _URL_DATE.search("/" + path)
    if match is None:
        return None
    try:
        return datetime(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:  # "/2026/02/30/"
        return None


def _month_number(name: str) -> int:
    key = name.lower().rstrip(".")
    for module in all_languages():
        if key in module.MONTHS:
            return module.MONTHS[key]
    raise ValueError(name)


def take_dateline(lines: list[str]) -> tuple[list[str], datetime | None]:
    """Remove the first dateline among the top lines, and the datelines right after it ("Updated:
    ...", "Mis à jour le ..." under "Published: ..."); returns the remaining lines and the first's
    date, the publication."""
    seen = 0
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        seen += 1
        if seen > DATELINE_SEARCH_LINES:
            break
        parsed = parse_dateline(line)
        if parsed is not None:
            end = index + 1
            while end < len(lines) and lines[end].strip() and parse_dateline(lines[end]) is not None:
                end += 1
            return lines[:index] + lines[end:], parsed
    return lines, None


def _headline_like(line: str) -> bool:
    stripped = line.strip()
    if not stripped or len(stripped) > MAX_TITLE_CHARS or len(stripped.split()) > MAX_TITLE_WORDS:
        return False
    # A headline does not end like a sentence; "?" and "!" headlines exist, a full stop does not.
    return not stripped.endswith((".", ",", ";", ":", "…")) or stripped.endswith("...")


def split_title(lines: list[str]) -> tuple[str | None, list[str]]:
    """The first real headline line and the lines after it; (None, lines) when the text has none."""
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        rest = lines[index + 1 :]
        if _headline_like(line) and any(r.strip() for r in rest):
            return line.strip(), rest
        return None, lines
    return None, lines


def title_from_sentence(sentence: str) -> str:
    """A stand-in title for a text without a headline: its first sentence, cut at a word boundary."""
    sentence = sentence.strip()
    if len(sentence) <= FALLBACK_TITLE_CHARS:
        return sentence.rstrip(".")
    cut = sentence[:FALLBACK_TITLE_CHARS].rsplit(" ", 1)[0]
    return cut.rstrip(",;:—– ") + "…"
