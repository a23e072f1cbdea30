"""Dates across languages: the same news text in English and Russian should resolve to the same days.

There is no gold for resolved dates here, so this bench reads WMT22's English-Russian document
pairs (``../shared/eval/multilingual/wmt22-enru-docs.jsonl``: one news story and its translation)
and measures, for each system, how well the calendar days found in the English text agree with
those found in the Russian one (multiset F1 over the pairs, micro-averaged). Agreement is not
accuracy: a translation may drop or add a date, and an error made in both languages agrees with
itself; it does show a resolver that reads the two languages differently, or finds dates in
numbers that are not dates ("38%" -> 1938).

The documents carry no publication date; every system gets the same anchor, ``PUBLISHED`` (a
Thursday in the week the set's stories ran), so relative dates ("on Monday", "в понедельник")
resolve against it. Systems:

- Nutgraf: ``nutgraf.analyze.dates.extract_dates``;
- dateparser 1.5 ``search.search_dates`` with the same anchor (``RELATIVE_BASE``) and the text's
  language, the library Nutgraf's date module chose not to depend on (see its docstring).

The last lines count Nutgraf's bare weekdays ("on Friday", "в пятницу") that resolve after the
anchor because their clause speaks of the future, in each language.

    python bench/dates.py        # needs ../shared; prints one table
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from datetime import datetime
from pathlib import Path

from nutgraf.analyze.dates import extract_dates

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
PAIRS = SHARED / "eval" / "multilingual" / "wmt22-enru-docs.jsonl"
PUBLISHED = datetime(2021, 12, 9, 12)
"""A Thursday of December 2021, when the set's stories ran ("в субботу, 11 декабря" in its first)."""
BARE_WEEKDAY = re.compile(
    r"^(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$"
    r"|^во?\s+(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)$",
    re.IGNORECASE,
)


def nutgraf_days(text: str, language: str) -> list[str]:
    return [m.date for m in extract_dates(text, language, PUBLISHED) if m.date]


def dateparser_days(text: str, language: str) -> list[str]:
    from dateparser.search import search_dates

    found = search_dates(text, languages=[language], settings={"RELATIVE_BASE": PUBLISHED}) or []
    return [moment.date().isoformat() for _surface, moment in found]


def load_pairs() -> list[dict[str, str]]:
    pairs: dict[str, dict[str, str]] = {}
    with PAIRS.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            pairs.setdefault(record["id"].rsplit("/", 1)[0], {})[record["lang"]] = record["text"]
    return [pair for pair in pairs.values() if {"en", "ru"} <= pair.keys()]


WARM_UP = {"en": "\n\nThe council meets on Monday.", "ru": "\n\nСовет соберётся в понедельник."}
"""A bare weekday for the warm-up, so that a model loaded for the tense of its clause loads then."""


def agreement(pairs: list[dict[str, str]], system) -> tuple[float, float, float]:
    """Micro F1 of the English days against the Russian ones, days per document, CPU ms per document
    (after one warm-up document per language)."""
    shared = total = 0
    spent = 0.0
    for language in ("en", "ru"):  # load models and tables before the clock runs, for both systems
        system(pairs[0][language] + WARM_UP[language], language)
    for pair in pairs:
        days = {}
        for language in ("en", "ru"):
            started = time.process_time()
            days[language] = Counter(system(pair[language], language))
            spent += time.process_time() - started
        shared += sum((days["en"] & days["ru"]).values())
        total += sum(days["en"].values()) + sum(days["ru"].values())
    documents = 2 * len(pairs)
    return 100 * 2 * shared / max(total, 1), total / documents, 1000 * spent / documents


def main() -> None:
    if not PAIRS.exists():
        print(f"skipped: {PAIRS} not found")
        return
    pairs = load_pairs()
    systems = [("Nutgraf", nutgraf_days), ("dateparser search_dates", dateparser_days)]
    rows = [(name, *agreement(pairs, system)) for name, system in systems]
    print(f"{len(pairs)} WMT22 English-Russian document pairs, anchored at {PUBLISHED:%Y-%m-%d (%A)}")
    print()
    print("system | en-ru agreement F1 | x dateparser | days found per document | ms/document")
    print("--- | ---: | ---: | ---: | ---:")
    baseline = rows[-1][1] or 1.0
    for name, f1, per_document, ms in rows:
        print(f"{name} | {f1:.1f} | {f1 / baseline:.2f} | {per_document:.1f} | {ms:.2f}")
    print()
    anchor = PUBLISHED.date().isoformat()
    for language in ("en", "ru"):
        weekdays = [
            m
            for pair in pairs
            for m in extract_dates(pair[language], language, PUBLISHED)
            if m.date and BARE_WEEKDAY.match(m.text.strip())
        ]
        ahead = sum(1 for m in weekdays if m.date > anchor)
        print(
            f"{language}: {len(weekdays)} bare weekdays, {ahead} resolved after the anchor"
            " (their clause speaks of the future)"
        )


if __name__ == "__main__":
    main()
