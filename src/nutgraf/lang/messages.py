"""The web UI's own words, per language: a message catalogue in each language's folder.

A language gives its catalogue as the data module ``nutgraf.lang.<code>.messages``:

- ``MESSAGES: dict[str, str]``, message id -> text, with ``{name}`` placeholders for the values a
  label holds ("Story {id}"); a label that counts something has one entry per plural form, its id
  ending in the form's CLDR name ("articles.one", "articles.few", "articles.many");
- ``PLURAL_FORMS``, the forms its catalogue writes, and ``plural(n)``, the form a count takes
  (English: "one" for 1, else "other"; Russian: one/few/many by the last two digits).

``translator(code)`` gives a :class:`Translator`, which looks a message up in the language's
catalogue, then in English's (``FALLBACK``): a language without a catalogue reads English, and a
catalogue lacking a message shows it in English (``tests/lang/test_messages.py`` keeps every
catalogue's ids and placeholders the same as English's). Nothing here escapes: the web templates
do (``nutgraf.web.i18n``).
"""

from __future__ import annotations

import importlib
import re
import string
from datetime import date
from functools import cache
from types import ModuleType
from typing import Any

__all__ = [
    "FALLBACK",
    "PLURAL_CATEGORIES",
    "Translator",
    "accept_language",
    "catalogue",
    "placeholders",
    "plural_base",
    "translator",
]

FALLBACK = "en"
"""The language whose catalogue every other falls back to, and the UI's language by default."""

PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")
"""CLDR's plural categories: a message id ending in ".one" (etc.) is a plural form."""

_CODE = re.compile(r"[a-z]{2,3}")
_LANGUAGE_RANGE = re.compile(r"\s*([A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*|\*)\s*(?:;\s*q\s*=\s*([0-9.]+))?\s*")


@cache
def catalogue(code: str | None) -> ModuleType | None:
    """The messages module of language ``code``, or None when it has none (imported once)."""
    if not code or not _CODE.fullmatch(code):
        return None
    name = f"nutgraf.lang.{code}.messages"
    try:
        module = importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name is not None and name.startswith(exc.name):  # the module or its folder is absent
            return None
        raise
    return module


def plural_base(key: str) -> str | None:
    """The id a plural form belongs to ("articles" for "articles.few"), or None for a plain id."""
    base, _, form = key.rpartition(".")
    return base if base and form in PLURAL_CATEGORIES else None


def placeholders(text: str) -> set[str]:
    """The names of the ``{name}`` placeholders of a message."""
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


class Translator:
    """The UI's words in one language, English where its catalogue lacks one.

    ``translate("digest.heading")`` is a label; ``translate("articles", n=3)`` picks the plural form
    of 3 ("3 articles", "3 статьи") and fills its ``{n}``; other values fill their placeholders
    (``translate("story.number", id=7)``). An id no catalogue has is a KeyError unless ``default``
    is given."""

    def __init__(self, code: str) -> None:
        module = catalogue(code)
        english = catalogue(FALLBACK)
        if english is None:  # pragma: no cover - the package ships it
            raise RuntimeError(f"nutgraf.lang.{FALLBACK}.messages is missing")
        self.code = code if module is not None else FALLBACK
        self._module = module or english
        self._english = english
        self.messages: dict[str, str] = dict(self._module.MESSAGES)

    def plural(self, n: int) -> str:
        """The plural form of count ``n`` in this language."""
        return str(self._module.plural(n))

    def text(self, key: str, n: int | None = None, default: str | None = None) -> str:
        """The message ``key`` unfilled (its plural form for ``n``), or ``default`` when no
        catalogue has it."""
        for module in (self._module, self._english):
            messages = module.MESSAGES
            if n is not None:
                form = f"{key}.{module.plural(n)}"
                if form in messages:
                    return str(messages[form])
            if key in messages:
                return str(messages[key])
        if default is not None:
            return default
        raise KeyError(f"no message {key!r} in the {self.code} or {FALLBACK} catalogue")

    def __call__(self, key: str, n: int | None = None, default: str | None = None, **values: Any) -> str:
        text = self.text(key, n, default)
        if n is not None:
            values.setdefault("n", n)
        return text.format_map(values) if values else text

    def date(self, value: date, year: bool = True) -> str:
        """A day as this language writes it in a label ("04 Mar 2026", "04 мар. 2026")."""
        month = self(f"month.{value.month}")
        key = "date.day" if year else "date.day_month"
        return self(key, day=f"{value.day:02d}", month=month, year=value.year)


@cache
def translator(code: str | None) -> Translator:
    """The :class:`Translator` of language ``code`` (English's when it has no catalogue)."""
    return Translator(code if code and catalogue(code) is not None else FALLBACK)


def accept_language(header: str | None, available: tuple[str, ...]) -> str | None:
    """The language of ``available`` a browser's ``Accept-Language`` header prefers most
    (``"ru-RU,ru;q=0.9,en;q=0.8"`` -> ``"ru"``), matched by primary subtag; None when it names
    none of them (or the header cannot be read). Ranges are tried by weight, then in order; a
    weight of 0 rules a language out, and ``*`` matches nothing in particular."""
    if not header:
        return None
    ranges: list[tuple[float, int, str]] = []
    excluded: set[str] = set()
    for number, part in enumerate(header[:1000].split(",")):
        match = _LANGUAGE_RANGE.fullmatch(part)
        if not match:
            continue
        try:
            weight = float(match.group(2)) if match.group(2) is not None else 1.0
        except ValueError:
            continue
        primary = match.group(1).split("-")[0].lower()
        if weight <= 0:
            excluded.add(primary)
            continue
        ranges.append((-weight, number, primary))
    for _, _, primary in sorted(ranges):
        if primary in available and primary not in excluded:
            return primary
    return None
