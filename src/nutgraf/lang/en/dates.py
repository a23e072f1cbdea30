"""English date words (read by ``nutgraf.analyze.dates``): month and weekday names, relative dates,
and the words around a date that tell which day it is.

Weekday abbreviations in ``WEEKDAYS`` ("Sun", "Wed") are left out of date finding: "the Sun" is a
newspaper, so only full weekday names count.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}

WEEKDAYS: frozenset[str] = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun".split()
)


DATE_CAPITALIZED = True
"""Month and weekday names are written with a capital ("may" is a verb, "May 5" a date)."""
DATE_MONTH_FIRST = True
"""Dates are also written month first ("March 10, 2026", "March 13-14")."""
DATE_PREPOSITIONS: tuple[str, ...] = ("on", "in")
"""A preposition right before a date belongs to the mention ("on March 10", "in January 2025")."""
DATE_DAY_SUFFIXES: tuple[str, ...] = ("st", "nd", "rd", "th")
DATE_OF_WORDS: tuple[str, ...] = ("of",)
"""Joins a day or month to what follows ("10th of March", "March of 2024")."""
DATE_YEAR_WORDS: tuple[str, ...] = ()
DATE_YEAR_CUES: tuple[str, ...] = ("in", "since", "during")
"""Words that make a bare four-digit number a year ("in 2024"); alone, 2024 may be a count. "by 2030"
and "until 2030" are left out: targets in the future would become the anchor year of a dateless text."""
DATE_RANGE_OPENERS: tuple[str, ...] = ("from", "between")
DATE_RANGE_CLOSERS: tuple[str, ...] = ("to", "and", "until", "till", "through")

WEEKDAY_NUMBERS: dict[str, int] = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
WEEKDAY_DIRECTIONS: dict[str, int] = {"on": 0, "this": 0, "last": -1, "next": 1, "this coming": 1}
"""Words before a weekday: 0 = the latest such day on or before publication (the next, from publication
on, when its clause speaks of the future: ``WEEKDAY_FUTURE_CUES``), -1 strictly before, +1 after."""
WEEKDAY_BARE = True
"""A weekday with no word before it is a date too ("Monday's vote")."""
WEEKDAY_NOT_AFTER: frozenset[str] = frozenset(
    "black good cyber super ash holy maundy shrove easter giving bloody blue every each a an one".split()
)
"""Words that make a weekday a name, not a date ("Black Friday", "Super Tuesday"), or any such day
("every Friday", "on a Sunday", "one Tuesday in June")."""

WEEKDAY_FUTURE_CUES: tuple[str, ...] = (
    "will",
    "'ll",
    "won't",
    "shall",
    r"would(?!\s+have)",
    r"(?:is|are|was|were|'s|'re)\s+due",
    r"(?:expected|scheduled|set|planned|planning|plans?|going|due)\s+to",
    r"(?:scheduled|planned)\s+for",
    r"(?:is|are)\s+to",
    "upcoming",
)
"""Regex fragments (whole words, lower case) that put a bare weekday in its clause after publication:
"The club will parade the trophy on Sunday", "a consultation is due to begin on Monday", "the union
said it would hold a meeting on Friday", "training is expected to go ahead on Monday". Words that
are adjectives as often ("the long planned date of ... appeared close to collapse on Sunday")
count only with their "to"/"for". Without a cue a bare weekday is the latest such day on or before
publication, as news mostly reports what happened."""
WEEKDAY_INTRODUCTIONS: tuple[str, ...] = (
    "at",
    "in",
    "on",
    "during",
    "by",
    "from",
    "over",
    "later",
    "earlier",
)
"""A sentence opening with one of these opens with an adverbial phrase, and the tense of a weekday in
it is the main clause's after the comma: "At the Museum of Liverpool on Sunday, Ms Truss will
have discussions"."""
WEEKDAY_UNTIL: tuple[str, ...] = ("until", "till", "through")
"""Right before a weekday, or a word before it, they point forward ("a red flag warning until
Friday", "the warning lasts until midday Monday")..."""
WEEKDAY_PAST_AUXILIARIES: tuple[str, ...] = ("had", "was", "were")
"""...unless the clause is in the past ("the road had been closed until Monday")."""
CLAUSE_CONJUNCTIONS: tuple[str, ...] = (
    "and",
    "but",
    "while",
    "whereas",
    "although",
    "though",
    "because",
    "so",
    "after",
    "before",
    "when",
    "since",
    "which",
    "who",
)
"""Words that open another clause: the tense of "the plant closed on Friday and workers will..."
is read only up to "and"."""

WEEKDAY_AHEAD_TENSES: tuple[str, ...] = ("futr", "pres")
"""Tenses (``clause_tenses``) that put a bare weekday after publication. English news tells what is
scheduled in the present ("Villa face Norwich on Tuesday", "talks resume on Monday", "the ban comes
into force on Sunday") and what happened in the past; a present perfect ("has confirmed on Monday")
is the past."""
WEEKDAY_REPORTING_VERBS: frozenset[str] = frozenset(
    "says adds tells reports writes announces claims confirms declares states warns notes insists "
    "argues admits reveals".split()
)
"""Present-tense verbs that report what was said: "..., reports a member of Congress on Tuesday"
tells when it was said, in the past."""
TIME_NOUNS: frozenset[str] = frozenset("morning afternoon evening night noon midday midnight".split())
"""Nouns a weekday may head or qualify ("Tuesday night", "midnight on Sunday")."""


RELATIVE_DATES: dict[str, tuple[str, int] | tuple[str, int, str]] = {
    "today": ("day", 0),
    "tonight": ("day", 0),
    "this morning": ("day", 0),
    "this afternoon": ("day", 0),
    "this evening": ("day", 0),
    "yesterday": ("day", -1),
    "last night": ("day", -1),
    "the day before yesterday": ("day", -2),
    "tomorrow": ("day", 1),
    "the day after tomorrow": ("day", 2),
    "this week": ("week", 0),
    "earlier this week": ("week", 0, "past"),
    "later this week": ("week", 0, "rest"),
    "last week": ("week", -1),
    "next week": ("week", 1),
    "this month": ("month", 0),
    "earlier this month": ("month", 0, "past"),
    "later this month": ("month", 0, "rest"),
    "last month": ("month", -1),
    "next month": ("month", 1),
    "earlier this year": ("year", 0, "past"),
    "later this year": ("year", 0, "rest"),
    "by the end of the week": ("week", 0, "end"),
    "by the end of this week": ("week", 0, "end"),
    "by the end of the month": ("month", 0, "end"),
    "by the end of this month": ("month", 0, "end"),
    "by the end of the year": ("year", 0, "end"),
    "by the end of this year": ("year", 0, "end"),
}
"""Relative expressions: (unit, offset) from the publication date; units are day, week, month, year.
A third element takes part of the unit: "rest" is the range of its days after publication ("later
this week"), "past" the range before it ("earlier this month"), "end" its last day ("by the end of
the year")."""
RELATIVE_YEARS: dict[str, int] = {"this year": 0, "last year": -1, "next year": 1}
"""Relative years: alone ("last year") or after a month or a day ("March 10 last year")."""
RELATIVE_DATE_NOT_BEFORE: frozenset[str] = frozenset({"of"})
"""A relative phrase followed by these words is no date ("the last week of March")."""
RELATIVE_DATE_PREPOSITIONS: dict[str, tuple[str, ...]] = {}
