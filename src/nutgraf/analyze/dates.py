"""Date expressions in news text, resolved to calendar dates.

A story's date is what groups it with other reports of the same event and orders a timeline, and
news text gives dates in every form: "6 декабря 2024 года", "March 13-14", "on Monday", "накануне".
Candidate spans are found with regular expressions built from each language module's tables
(``MONTHS`` plus the date tables at the end of ``nutgraf.lang.en``/``ru``: ``WEEKDAY_NUMBERS``,
``RELATIVE_DATES``, ``RELATIVE_YEARS``, range and year words), so a new language adds data, not code.

They are resolved with datetime arithmetic, not dateparser: dateparser 1.5 resolves one span in
0.6-1.3 ms (measured here on "14 марта", "on Monday", "last week"), so an article with ten dates
would cost ~10 ms against our ~3 ms budget for the whole article, and once the span is found the
day, month and year are already in hand. dateparser also picks the year of "14 марта" by its own
rule, not the publication-date anchoring described below.

Resolution anchors on the publication date when known. A date without a year takes the
publication year ("inferred-year"); in January-February a later month goes to whichever year puts
the date nearer the publication ("December 20" in an article of January 5 is last December).
Without a publication date, yearless dates take the latest year written in the text, and relative
expressions stay unresolved. A weekday with no direction word ("on Friday", "в пятницу") is the
latest such day on or before publication, unless its clause speaks of the future ("the union will
meet on Friday", "школы возобновят работу в понедельник"): then it is the next one. The tense is
read from each language's future cues (and, in Russian, the verbs' forms via pymorphy), within the
clause and after a speech verb ("said on Monday it would close" says when it was said).

Speed: the patterns run over a lower-cased copy of the text without ``re.IGNORECASE`` and each
begins with a literal character (leading prepositions, weekdays and word boundaries are checked
backwards in Python), which lets ``re`` skip ahead to candidate characters in C; case-insensitive
patterns with a leading look-behind were 3-6x slower on Russian text (measured here).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

from nutgraf.lang import get_language
from nutgraf.lang.contract import section
from nutgraf.model import DateMention

__all__ = ["extract_dates"]

YEAR_BOUNDARY_MONTHS = 2
"""Articles published in January-February may mean last year by a later month name ("December 20")
with no year; after February a yearless month is this year's. Two months: a January/February review
of "November 28" or "December 20" is common, one of "August 5" already rare."""

MAX_NEW_YEAR_RANGE_MONTHS = 3
"""A range whose closing month comes before its opening one crosses New Year; spanning more months
than this it is more likely two unrelated numbers ("с 25 ноября по 10 января" is a season, "28
марта - 3 февраля" is not a range)."""

YEAR_PATTERN = r"(?:1[89]\d\d|2[01]\d\d)"
"""Four-digit numbers we take for years: 1800-2199 (older ones are history, not news dates)."""

BACK_WINDOW = 32
"""Characters looked back for a preposition or weekday before a date ("this coming ", "воскресенье, "
are the longest, 13 characters)."""

TENSE_WINDOW = 400
"""Characters looked back for the start of a weekday's sentence, and ahead for its end, when reading
its tense: a sentence is rarely longer, and a text without full stops is not parsed whole."""
OPENING_TAIL_WORDS = 2
"""Words after a weekday that still belong to an opening adverbial phrase ("On Sunday morning, ...")."""

LEAP_YEAR = 2000
"""Validates a yearless "29 февраля" before any year is known."""

DASHES = "-–—‒‑"
_DAY = r"(?P<d{n}>\d\d?)(?!\d|[.,]\d)"
_YEAR_END = r"(?!\w|[-–—]\d|[.,]\d)"
_SENTENCE_OPENERS = frozenset('.!?:;"«“„(—–-\n')


@dataclass(frozen=True, slots=True)
class _Pattern:
    """One candidate pattern; ``extend`` says what may stand before it and belong to the mention:
    "prep" ("on", "в"), "weekday" (a weekday, then a preposition) or "direction" ("next", "в
    следующий")."""

    kind: str
    regex: re.Pattern[str]
    extend: str = ""


@dataclass(frozen=True, slots=True)
class _Grammar:
    """Compiled patterns and lookup tables of one language."""

    patterns: tuple[_Pattern, ...]
    months: dict[str, int]
    weekdays: dict[str, int]
    directions: dict[str, int]
    directions_after: dict[str, int]
    relative: dict[str, tuple[str, int] | tuple[str, int, str]]
    relative_years: dict[str, int]
    capitalized: bool
    weekday_bare: bool
    weekday_not_after: frozenset[str]
    relative_not_before: frozenset[str]
    relative_prepositions: dict[str, tuple[str, ...]]
    prep_before: re.Pattern[str] | None
    weekday_before: re.Pattern[str] | None
    direction_before: re.Pattern[str] | None
    tense: _Tense


@dataclass(frozen=True, slots=True)
class _Tense:
    """What says that a weekday lies after publication: future cues, the tense of its clause's verbs
    (``clause_tenses``: one of ``ahead_tenses``, none in the past), "until" among the two words
    before it; and what bounds the words read: clause words, speech verbs, the conjunction that
    opens reported speech, the words that open an adverbial phrase."""

    future_cues: re.Pattern[str] | None
    clause_tenses: Callable[[list[str], tuple[int, int], tuple[int, int]], set[str]] | None
    ahead_tenses: frozenset[str]
    until: frozenset[str]
    past_auxiliaries: frozenset[str]
    introductions: frozenset[str]
    clause_words: frozenset[str]
    speech_verbs: frozenset[str]


@dataclass(slots=True)
class _Found:
    """A candidate span with what its pattern read; resolved once the text's anchor year is known."""

    start: int
    end: int
    kind: str
    day: int | None = None
    month: int | None = None
    year: int | None = None
    year_offset: int | None = None
    day2: int | None = None
    month2: int | None = None
    year2: int | None = None
    year2_offset: int | None = None
    unit: str = ""
    offset: int = 0
    part: str = ""
    weekday: int = 0
    forward: bool = False
    """A weekday without a direction word whose clause speaks of the future ("will meet on Friday")."""


def extract_dates(text: str, language: str, published: datetime | None = None) -> list[DateMention]:
    """Date expressions of ``text`` in order, without overlaps, each resolved when it can be.

    ``published`` anchors yearless and relative dates; without it yearless dates take the latest
    year written in the text and relative ones are returned with ``date=None``.
    """
    grammar = _grammar(language)
    lowered = _lower(text)
    found = _select([item for pattern in grammar.patterns for item in _scan(pattern, text, lowered, grammar)])
    anchor_day = _as_date(published)
    anchor_year = None if anchor_day else _latest_year(found)
    mentions = []
    for item in found:
        if item.kind == "weekday" and item.offset == 0 and anchor_day is not None:
            item.forward = _points_forward(item, text, lowered, grammar.tense)
        mention = _resolve(item, text, anchor_day, anchor_year)
        if mention is not None:
            mentions.append(mention)
    return mentions


# --- Patterns --------------------------------------------------------------------------------------


def _alternation(words: Iterable[str], abbreviations: frozenset[str] = frozenset()) -> str:
    """A regex matching any of the (lower-case) phrases as whole words, longest first. It is built
    as a trie (branches share their prefixes: "(?:янв|январ(?:ь|я|...))"), which made the Russian
    month pattern about 4x faster than a flat alternation of its 85 forms. Abbreviations may carry
    a dot ("mar.")."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for atom in _atoms(word.lower()):
            node = node.setdefault(atom, {})
        node[""] = r"(?!\w)\.?" if word in abbreviations else r"(?!\w)"
    return f"(?:{_emit(trie)})" if trie else r"(?!x)x"


def _atoms(phrase: str) -> list[str]:
    """Regex atoms of a phrase: escaped characters, with any run of spaces as ``\\s+``."""
    atoms: list[str] = []
    for index, part in enumerate(phrase.split()):
        if index:
            atoms.append(r"\s+")
        atoms.extend(re.escape(char) for char in part)
    return atoms


def _emit(node: dict[str, Any]) -> str:
    """The regex of a trie node: its children first (longest match first), then its word end."""
    branches = [atom + _emit(child) for atom, child in sorted(node.items()) if atom]
    if "" in node:
        branches.append(node[""])
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def _abbreviations(months: dict[str, int]) -> frozenset[str]:
    """Month forms that are a strict prefix of another form of the same month ("mar", "сент")."""
    return frozenset(
        a for a, n in months.items() if any(b != a and b.startswith(a) and m == n for b, m in months.items())
    )


def _before(alternation: str, group: str, separator: str = r"\s+") -> re.Pattern[str]:
    """A pattern for words right before a position: searched in a short window ending there."""
    return re.compile(rf"(?<!\w)(?P<{group}>{alternation}){separator}$")


@cache
def _grammar(language: str) -> _Grammar:
    """Patterns of ``language`` built from its module's tables; a language without tables gets ISO
    and dotted numeric dates only."""
    module = get_language(language)
    months: dict[str, int] = {k.lower(): v for k, v in section(module, "MONTHS").items()}
    weekdays: dict[str, int] = {k.lower(): v for k, v in section(module, "WEEKDAY_NUMBERS").items()}
    directions: dict[str, int] = {_normal(k): v for k, v in section(module, "WEEKDAY_DIRECTIONS").items()}
    directions_after = {_normal(k): v for k, v in section(module, "WEEKDAY_DIRECTIONS_AFTER").items()}
    relative_years: dict[str, int] = {_normal(k): v for k, v in section(module, "RELATIVE_YEARS").items()}
    relative: dict[str, tuple[str, int] | tuple[str, int, str]] = {
        phrase: ("year", off) for phrase, off in relative_years.items()
    }
    relative.update((_normal(k), v) for k, v in section(module, "RELATIVE_DATES").items())
    preps = section(module, "DATE_PREPOSITIONS")

    month = _alternation(months, _abbreviations(months))
    of_words = section(module, "DATE_OF_WORDS")
    of = rf"(?:{_alternation(of_words)}\s+)?" if of_words else ""
    suffixes = section(module, "DATE_DAY_SUFFIXES")
    suffix = f"(?:{_alternation(suffixes)})?" if suffixes else ""
    year_words = section(module, "DATE_YEAR_WORDS")
    year_suffixes = section(module, "DATE_YEAR_SUFFIXES")
    year_suffix = f"(?:{'|'.join(map(re.escape, year_suffixes))})?" if year_suffixes else ""
    year_word = rf"(?:\s*{_alternation(year_words)})?" if year_words else ""
    openers = _alternation(section(module, "DATE_RANGE_OPENERS"))
    closers = _alternation(section(module, "DATE_RANGE_CLOSERS"))
    dash = rf"\s*[{DASHES}]\s*"

    def day(n: str, first: bool = False) -> str:
        guard = "" if first else r"(?<![\w.,])"  # a first day's left edge is checked in _read
        return guard + _DAY.format(n=n) + suffix

    def year(n: str) -> str:
        return rf"(?P<y{n}>{YEAR_PATTERN}){year_suffix}{_YEAR_END}{year_word}"

    def any_year(n: str) -> str:
        if not relative_years:
            return year(n)
        return rf"(?:{year(n)}|(?P<r{n}>{_alternation(relative_years)}))"

    patterns: list[_Pattern] = [
        _Pattern("iso", re.compile(r"(?P<y1>\d{4})-(?P<m1>\d\d)-(?P<d1>\d\d)(?![\d-]|\.\d)"), "prep"),
        _Pattern("dotted", re.compile(rf"(?P<d1>\d\d?)\.(?P<m1>\d\d?)\.{year('1')}"), "prep"),
    ]
    if months:
        patterns += [
            _Pattern(
                "range",
                re.compile(
                    rf"{day('1', True)}(?:\s+(?P<m1>{month})(?:,?\s+{year('1')})?)?{dash}"
                    rf"{day('2')}\s+(?P<m2>{month})(?:,?\s+{any_year('2')})?"
                ),
                "prep",
            ),
            _Pattern(
                "range",
                re.compile(
                    rf"{openers}\s+{day('1')}(?:\s+(?P<m1>{month})(?:,?\s+{year('1')})?)?\s+{closers}\s+"
                    rf"{day('2')}\s+(?P<m2>{month})(?:,?\s+{any_year('2')})?"
                ),
            ),
            _Pattern(
                "date",
                re.compile(rf"{day('1', True)}\s+{of}(?P<m1>{month})(?:,?\s+{any_year('1')})?"),
                "weekday",
            ),
            _Pattern("month", re.compile(rf"(?P<m1>{month})\s+{of}{any_year('1')}"), "prep"),
        ]
        if section(module, "DATE_MONTH_FIRST"):
            patterns += [
                _Pattern(
                    "range",
                    re.compile(
                        rf"(?P<m1>{month})\s+{day('1')}{dash}(?:(?P<m2>{month})\s+)?{day('2')}"
                        rf"(?:,?\s+{any_year('2')})?"
                    ),
                    "prep",
                ),
                _Pattern(
                    "range",
                    re.compile(
                        rf"{openers}\s+(?P<m1>{month})\s+{day('1')}(?:,?\s+{year('1')})?\s+{closers}\s+"
                        rf"(?:(?P<m2>{month})\s+)?{day('2')}(?:,?\s+{any_year('2')})?"
                    ),
                ),
                _Pattern(
                    "date",
                    re.compile(rf"(?P<m1>{month})\s+{day('1')}(?:,?\s+{any_year('1')})?"),
                    "weekday",
                ),
            ]
    if year_words:
        pattern = rf"(?P<y1>{YEAR_PATTERN}){year_suffix}{_YEAR_END}\s*{_alternation(year_words)}"
        patterns.append(_Pattern("year", re.compile(pattern), "prep"))
    cues = section(module, "DATE_YEAR_CUES")
    if cues:
        patterns.append(
            _Pattern("year", re.compile(rf"{_alternation(cues)}\s+(?P<y1>{YEAR_PATTERN}){_YEAR_END}"))
        )
    if relative:
        patterns.append(_Pattern("relative", re.compile(rf"(?P<rel>{_alternation(relative)})")))
    if weekdays:
        patterns.append(_Pattern("weekday", re.compile(rf"(?P<wd>{_alternation(weekdays)})"), "direction"))
    return _Grammar(
        patterns=tuple(patterns),
        months=months,
        weekdays=weekdays,
        directions=directions,
        directions_after=directions_after,
        relative=relative,
        relative_years=relative_years,
        capitalized=bool(section(module, "DATE_CAPITALIZED")),
        weekday_bare=bool(section(module, "WEEKDAY_BARE")),
        weekday_not_after=frozenset(section(module, "WEEKDAY_NOT_AFTER")),
        relative_not_before=frozenset(section(module, "RELATIVE_DATE_NOT_BEFORE")),
        relative_prepositions=dict(section(module, "RELATIVE_DATE_PREPOSITIONS")),
        prep_before=_before(_alternation(preps), "prep") if preps else None,
        weekday_before=_before(_alternation(weekdays), "wd", r",?\s+") if weekdays else None,
        direction_before=_before(_alternation(directions), "dir") if directions else None,
        tense=_tense(module),
    )


def _tense(module: Any) -> _Tense:
    cues = section(module, "WEEKDAY_FUTURE_CUES")
    alternatives = "|".join(rf"(?<!\w){cue}" if cue[:1].isalpha() else cue for cue in cues)
    reported = section(module, "REPORTED_CONJUNCTIONS")
    return _Tense(
        future_cues=re.compile(rf"(?:{alternatives})(?!\w)") if cues else None,
        clause_tenses=section(module, "clause_tenses"),
        ahead_tenses=frozenset(section(module, "WEEKDAY_AHEAD_TENSES")),
        until=frozenset(section(module, "WEEKDAY_UNTIL")),
        past_auxiliaries=frozenset(section(module, "WEEKDAY_PAST_AUXILIARIES")),
        introductions=frozenset(section(module, "WEEKDAY_INTRODUCTIONS")),
        clause_words=frozenset((*section(module, "CLAUSE_CONJUNCTIONS"), *reported)),
        speech_verbs=frozenset(w.lower() for w in section(module, "SPEECH_VERBS")),
    )


def _normal(phrase: str) -> str:
    return " ".join(phrase.lower().split())


# --- Finding ---------------------------------------------------------------------------------------


def _lower(text: str) -> str:
    """A lower-cased copy with the same offsets (the rare letter whose lower case is longer, like
    "İ", stays as it is)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(low if len(low) == 1 else char for char, low in ((c, c.lower()) for c in text))


def _scan(pattern: _Pattern, text: str, lowered: str, grammar: _Grammar) -> list[_Found]:
    """Every acceptable match of one pattern; after a rejected match the search goes on from the next
    character, so a false start ("Иванов 2024 года" read as "в 2024 года") hides nothing."""
    found = []
    search = pattern.regex.search
    position = 0
    while match := search(lowered, position):
        item = _read(pattern, match, text, lowered, grammar)
        if item is None:
            position = match.start() + 1
            continue
        found.append(item)
        position = match.end()
    return found


def _read(
    pattern: _Pattern, match: re.Match[str], text: str, lowered: str, grammar: _Grammar
) -> _Found | None:
    """What one match says, or None when the context shows it is not a date."""
    start = match.start()
    if start and (lowered[start - 1].isalnum() or lowered[start - 1] == "_"):
        return None
    if start and lowered[start].isdigit() and lowered[start - 1] in ".,":
        return None
    if grammar.capitalized and not all(
        not text[match.start(group)].islower() for group in ("m1", "m2", "wd") if _has(match, group)
    ):
        return None
    item = _Found(start, match.end(), pattern.kind)
    if pattern.kind == "relative":
        return item if _read_relative(item, match.group("rel"), text, lowered, grammar) else None
    if pattern.kind == "weekday":
        return item if _read_weekday(item, match.group("wd"), text, lowered, grammar) else None
    groups = match.groupdict()
    item.year = _number(groups.get("y1"))
    if pattern.kind != "year":
        item.day = _number(groups.get("d1"))
        item.month = _month(groups.get("m1"), grammar)
        item.year_offset = _relative_year(groups.get("r1"), grammar)
        item.day2 = _number(groups.get("d2"))
        item.month2 = _month(groups.get("m2"), grammar)
        item.year2 = _number(groups.get("y2"))
        item.year2_offset = _relative_year(groups.get("r2"), grammar)
        if pattern.kind == "range":
            item.month = item.month or item.month2
            item.month2 = item.month2 or item.month
        if pattern.kind in {"iso", "dotted"}:
            item.kind = "date"
        if not _valid_parts(item):
            return None
    if pattern.extend == "weekday":
        item.start = _extend(item.start, text, lowered, grammar.weekday_before, grammar.capitalized)
    if pattern.extend in {"prep", "weekday"}:
        item.start = _extend(item.start, text, lowered, grammar.prep_before, False)
    return item


def _has(match: re.Match[str], group: str) -> bool:
    return group in match.re.groupindex and match.start(group) >= 0


def _extend(start: int, text: str, lowered: str, before: re.Pattern[str] | None, capitalized: bool) -> int:
    """``start`` moved back over the words ``before`` finds right before it ("on ", "Monday, ")."""
    if before is None:
        return start
    match = before.search(lowered, max(0, start - BACK_WINDOW), start)
    if match is None or (capitalized and not text[match.start()].isupper()):
        return start
    return match.start()


def _read_relative(item: _Found, phrase: str, text: str, lowered: str, grammar: _Grammar) -> bool:
    """Fill a relative expression; reject a capitalised one mid-sentence (the BBC's "Today
    programme"), one before a blocking word ("the last week of March") and a preposition use
    ("накануне выборов")."""
    key = _normal(phrase)
    item.unit, item.offset, *part = grammar.relative[key]
    item.part = part[0] if part else ""
    if text[item.start].isupper() and not _opens_sentence(text, item.start):
        return False
    following = _next_word(lowered, item.end)
    if following in grammar.relative_not_before:
        return False
    endings = grammar.relative_prepositions.get(key)
    return not (endings and following.endswith(endings))


def _read_weekday(item: _Found, weekday: str, text: str, lowered: str, grammar: _Grammar) -> bool:
    """Fill a weekday with its direction word, after it where the language puts it there ("lundi
    dernier": ``WEEKDAY_DIRECTIONS_AFTER``) or before it; without one it is a date only where the
    language allows bare weekdays, and not in a name ("Black Friday", "The Sunday Times")."""
    item.weekday = grammar.weekdays[weekday]
    after = _WORD_AFTER.match(lowered, item.end) if grammar.directions_after else None
    if after is not None and after.group(1) in grammar.directions_after:
        item.offset = grammar.directions_after[after.group(1)]
        item.end = after.end()
        return True
    before = grammar.direction_before
    match = before.search(lowered, max(0, item.start - BACK_WINDOW), item.start) if before else None
    if match is not None:
        item.offset = grammar.directions[_normal(match.group("dir"))]
        item.start = match.start()
        return True
    if not grammar.weekday_bare or _previous_word(lowered, item.start) in grammar.weekday_not_after:
        return False
    following = _WORD_AFTER.match(text, item.end)
    return not (grammar.capitalized and following is not None and following.group(1)[0].isupper())


def _valid_parts(item: _Found) -> bool:
    """Day and month numbers that can exist (in a leap year); a range must run forwards, across New
    Year only when it is short ("28 декабря - 3 января", not "28 марта - 3 февраля")."""
    if item.month is None or not 1 <= item.month <= 12:
        return False
    if item.day is not None and not _exists(item.year or LEAP_YEAR, item.month, item.day):
        return False
    if item.kind != "range":
        return True
    if item.month2 is None or item.day2 is None or item.day is None:
        return False
    if not _exists(item.year2 or LEAP_YEAR, item.month2, item.day2):
        return False
    first, last = (item.month, item.day), (item.month2, item.day2)
    if item.year is not None and item.year2 is not None:
        return (item.year, *first) < (item.year2, *last)
    return first < last or 12 - item.month + item.month2 <= MAX_NEW_YEAR_RANGE_MONTHS


def _select(found: list[_Found]) -> list[_Found]:
    """Non-overlapping candidates, longest first (so "с 13 по 14 марта" beats "14 марта"), in text order."""
    chosen: list[_Found] = []
    for item in sorted(found, key=lambda f: (f.start - f.end, f.start)):
        if all(item.end <= other.start or item.start >= other.end for other in chosen):
            chosen.append(item)
    return sorted(chosen, key=lambda f: f.start)


# --- Resolving -------------------------------------------------------------------------------------


def _resolve(item: _Found, text: str, published: date | None, anchor_year: int | None) -> DateMention | None:
    """The mention of one candidate with its date, or with ``date=None`` when nothing anchors it."""
    surface = text[item.start : item.end]
    if item.kind in {"relative", "weekday"}:
        if published is None:
            return DateMention(surface, None, "unresolved", None, item.start, item.end)
        day = _relative_day(item, published)
        if item.part:
            first, last = _part_of_unit(item, day, published)
            end = last.isoformat() if last > first else None
            return DateMention(surface, first.isoformat(), "relative", end, item.start, item.end)
        granularity = "day" if item.kind == "weekday" or item.unit == "day" else item.unit
        return DateMention(surface, day.isoformat(), "relative", None, item.start, item.end, granularity)
    if item.kind == "year":
        assert item.year is not None
        first = date(item.year, 1, 1).isoformat()
        return DateMention(surface, first, "year", None, item.start, item.end, "year")
    assert item.month is not None
    if item.kind == "month":
        year, certainty = _year_of(item.year, item.year_offset, published, None, None)
        if year is None:
            return DateMention(surface, None, "unresolved", None, item.start, item.end)
        return DateMention(
            surface,
            date(year, item.month, 1).isoformat(),
            "month" if certainty == "exact" else certainty,
            None,
            item.start,
            item.end,
            "month",
        )
    if item.kind == "range":
        return _resolve_range(item, surface, published, anchor_year)
    assert item.day is not None
    year, certainty = _year_of(item.year, item.year_offset, published, anchor_year, (item.month, item.day))
    if year is None or not _exists(year, item.month, item.day):
        return DateMention(surface, None, "unresolved", None, item.start, item.end)
    return DateMention(
        surface, date(year, item.month, item.day).isoformat(), certainty, None, item.start, item.end
    )


def _resolve_range(
    item: _Found, surface: str, published: date | None, anchor_year: int | None
) -> DateMention | None:
    """A range: the closing date's year (written or inferred) decides the opening one, and a range
    that crosses New Year ("28 декабря - 3 января") closes in the next year."""
    assert (
        item.day is not None and item.month is not None and item.day2 is not None and item.month2 is not None
    )
    first, last = (item.month, item.day), (item.month2, item.day2)
    if item.year is not None:
        start_year, certainty = item.year, "exact"
        end_year, _ = _year_of(item.year2, item.year2_offset, published, None, None)
        if end_year is None:
            end_year = start_year + (last < first)
    else:
        end_year, certainty = _year_of(item.year2, item.year2_offset, published, None, None)
        if end_year is not None:
            start_year = end_year - (last < first)
        elif item.year2_offset is not None:  # "прошлого года" with no publication date
            return DateMention(surface, None, "unresolved", None, item.start, item.end)
        else:
            inferred, certainty = _year_of(None, None, published, anchor_year, first)
            if inferred is None:
                return DateMention(surface, None, "unresolved", None, item.start, item.end)
            start_year, end_year = inferred, inferred + (last < first)
    if not (_exists(start_year, *first) and _exists(end_year, *last)):
        return DateMention(surface, None, "unresolved", None, item.start, item.end)
    opening, closing = date(start_year, *first), date(end_year, *last)
    if closing < opening:
        return None
    return DateMention(surface, opening.isoformat(), certainty, closing.isoformat(), item.start, item.end)


def _year_of(
    written: int | None,
    offset: int | None,
    published: date | None,
    anchor_year: int | None,
    month_day: tuple[int, int] | None,
) -> tuple[int | None, str]:
    """The year of a date and how it was found: written ("exact"), relative to publication ("relative"),
    or inferred from publication or the text ("inferred-year"); (None, "unresolved") without an anchor.
    ``month_day`` is None where a missing year may not be inferred."""
    if written is not None:
        return written, "exact"
    if offset is not None:
        return (published.year + offset, "relative") if published else (None, "unresolved")
    if month_day is None:
        return None, "unresolved"
    if published is not None:
        return _nearest_year(*month_day, published), "inferred-year"
    if anchor_year is not None:
        return anchor_year, "inferred-year"
    return None, "unresolved"


def _nearest_year(month: int, day: int, published: date) -> int:
    """The publication year, or the year before when an early-year article names a later month and
    that puts the date nearer the publication."""
    years = [published.year]
    if published.month <= YEAR_BOUNDARY_MONTHS and month > published.month:
        years.append(published.year - 1)
    dated = [date(year, month, day) for year in years if _exists(year, month, day)]
    if not dated:
        return published.year
    return min(dated, key=lambda candidate: abs((candidate - published).days)).year


def _relative_day(item: _Found, published: date) -> date:
    """Day, week (its Monday), month (its 1st) or year (Jan 1) ``offset`` units from publication;
    a weekday is the latest such day on or before publication (the earliest on or after it when its
    clause speaks of the future), or strictly before/after it with a direction word."""
    if item.kind == "weekday":
        back = (published.weekday() - item.weekday) % 7
        if item.offset < 0:
            return published - timedelta(days=back or 7)
        if item.offset > 0:
            return published + timedelta(days=(item.weekday - published.weekday()) % 7 or 7)
        if item.forward:
            return published + timedelta(days=(item.weekday - published.weekday()) % 7)
        return published - timedelta(days=back)
    if item.unit == "day":
        return published + timedelta(days=item.offset)
    if item.unit == "week":
        return published - timedelta(days=published.weekday()) + timedelta(weeks=item.offset)
    if item.unit == "month":
        months = published.year * 12 + published.month - 1 + item.offset
        return date(months // 12, months % 12 + 1, 1)
    return date(published.year + item.offset, 1, 1)


def _part_of_unit(item: _Found, first_day: date, published: date) -> tuple[date, date]:
    """The days of a week, month or year (starting ``first_day``) that "later this week" (part
    "rest": after publication) or "earlier this month" (part "past": before it) leave, as a range,
    so that the timeline neither pins the event to a Monday nor places what is ahead in the past;
    "by the end of the year" (part "end") is the unit's last day, the deadline it names."""
    if item.unit == "week":
        last_day = first_day + timedelta(days=6)
    elif item.unit == "month":
        following = date(first_day.year + first_day.month // 12, first_day.month % 12 + 1, 1)
        last_day = following - timedelta(days=1)
    else:
        last_day = date(first_day.year, 12, 31)
    if item.part == "end":
        return last_day, last_day
    if item.part == "rest":
        return min(max(first_day, published + timedelta(days=1)), last_day), last_day
    return first_day, max(first_day, min(last_day, published - timedelta(days=1)))


_CLAUSE_BREAK = re.compile(r"[,;:()\[\]—–]|\s-\s")
_SENTENCE_BREAK = re.compile(r"[.!?…][\"»”’)]*\s|\n")
_TENSE_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _points_forward(item: _Found, text: str, lowered: str, tense: _Tense) -> bool:
    """Whether a weekday with no direction word lies after publication: its clause speaks of the
    future. The clause is read from its start (a comma, a dash, "and", "that") to its end; a weekday
    right after a speech verb says when something was said ("said on Monday it would close"), and
    one after a speech verb is read only in what was said ("said it would hold a meeting on
    Friday"). "Until" just before it ("until midday Monday") points forward unless the clause is in
    the past; an adverbial phrase opening the sentence takes the main clause's tense. Without a cue
    word, the tense of the clause's verbs decides (the language's ``clause_tenses``)."""
    if tense.future_cues is None and tense.clause_tenses is None and not tense.until:
        return False
    window = max(0, item.start - TENSE_WINDOW)
    sentence_start = max(
        (m.end() for m in _SENTENCE_BREAK.finditer(lowered, window, item.start)), default=window
    )
    limit = min(len(lowered), item.end + TENSE_WINDOW)
    sentence_end = next((m.start() for m in _SENTENCE_BREAK.finditer(lowered, item.end, limit)), limit)
    breaks_before = _CLAUSE_BREAK.finditer(lowered, sentence_start, item.start)
    clause_start = max((m.end() for m in breaks_before), default=sentence_start)
    preceding = list(_TENSE_WORD.finditer(lowered, sentence_start, item.start))
    before = [m.group() for m in preceding if m.start() >= clause_start]
    opening = clause_start == sentence_start and (not before or before[0] in tense.introductions)
    cut = max((i + 1 for i, word in enumerate(before) if word in tense.clause_words), default=0)
    before = before[cut:]
    if tense.until.intersection(before[-2:]):
        return not tense.past_auxiliaries.intersection(before)
    spoken = max((i + 1 for i, word in enumerate(before) if word in tense.speech_verbs), default=0)
    if spoken and spoken == len(before):
        return False  # "said on Monday": when it was said
    before = before[spoken:]
    following = list(_TENSE_WORD.finditer(lowered, item.end, sentence_end))
    breaks = list(_CLAUSE_BREAK.finditer(lowered, item.end, sentence_end))
    if breaks and opening and sum(m.end() <= breaks[0].start() for m in following) <= OPENING_TAIL_WORDS:
        # an adverbial phrase opening the sentence takes the main clause's tense: "On Friday, the
        # union will...", "At the museum on Sunday morning, Ms Truss will..."
        breaks = breaks[1:]
    clause_end = breaks[0].start() if breaks else sentence_end
    after = []
    for match in following:
        word = match.group()
        if match.end() > clause_end or word in tense.clause_words:
            break
        after.append(word)
        if word in tense.speech_verbs:
            break  # "В субботу министр предупредила, ...": the weekday says when it was said
    words = before + after
    if tense.future_cues is not None and tense.future_cues.search(" ".join(words)):
        return True
    if tense.clause_tenses is None:
        return False
    inside = list(_TENSE_WORD.finditer(lowered, item.start, item.end))
    sentence = [text[m.start() : m.end()] for m in (*preceding, *inside, *following)]
    weekday = (len(preceding), len(preceding) + len(inside))
    tenses = tense.clause_tenses(sentence, (weekday[0] - len(before), weekday[1] + len(after)), weekday)
    return bool(tenses & tense.ahead_tenses) and "past" not in tenses


def _latest_year(found: list[_Found]) -> int | None:
    """The latest year written in the text's date expressions: the anchor of yearless dates when the
    publication date is unknown."""
    years = [y for item in found for y in (item.year, item.year2) if y is not None]
    return max(years, default=None)


# --- Small helpers ---------------------------------------------------------------------------------


def _as_date(published: datetime | date | None) -> date | None:
    if published is None:
        return None
    return published.date() if isinstance(published, datetime) else published


def _number(value: str | None) -> int | None:
    return int(value) if value else None


def _month(value: str | None, grammar: _Grammar) -> int | None:
    if value is None:
        return None
    if value.isdigit():
        return int(value)
    return grammar.months.get(value.lower().rstrip("."))


def _relative_year(value: str | None, grammar: _Grammar) -> int | None:
    return grammar.relative_years[_normal(value)] if value else None


def _exists(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


_WORD_AFTER = re.compile(r"\s+(\w+)")
_WORD_BEFORE = re.compile(r"(\w+)\W*$")


def _next_word(text: str, end: int) -> str:
    match = _WORD_AFTER.match(text, end)
    return match.group(1).lower() if match else ""


def _previous_word(text: str, start: int) -> str:
    match = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return match.group(1).lower() if match else ""


def _opens_sentence(text: str, start: int) -> bool:
    """True when only sentence-opening punctuation or nothing stands before ``start``."""
    position = start - 1
    while position >= 0 and text[position] in " \t\r\xa0":
        position -= 1
    return position < 0 or text[position] in _SENTENCE_OPENERS
