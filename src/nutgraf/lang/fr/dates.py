"""French date words (read by ``nutgraf.analyze.dates``): month and weekday names, relative dates,
and the words around a date that tell which day it is."""

from __future__ import annotations

MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        [
            ("janvier", "janv"),
            ("février", "fevrier", "févr", "fevr", "fév"),
            ("mars",),
            ("avril", "avr"),
            ("mai",),
            ("juin",),
            ("juillet", "juil"),
            ("août", "aout"),
            ("septembre", "sept"),
            ("octobre", "oct"),
            ("novembre", "nov"),
            ("décembre", "decembre", "déc"),
        ],
        start=1,
    )
    for name in names
}
"""Month names, written lower-case in French ("le 10 mars 2026"), with the abbreviations pages use."""

WEEKDAYS: frozenset[str] = frozenset("lundi mardi mercredi jeudi vendredi samedi dimanche".split())


DATE_CAPITALIZED = False
"""Month and weekday names are written lower-case ("mardi 10 mars")."""
DATE_MONTH_FIRST = False
DATE_PREPOSITIONS: tuple[str, ...] = ("le", "en", "depuis le", "dès le")
"""A word right before a date belongs to the mention ("le 10 mars", "en janvier 2025")."""
DATE_DAY_SUFFIXES: tuple[str, ...] = ("er",)
"""The first of a month is an ordinal ("1er avril")."""
DATE_YEAR_CUES: tuple[str, ...] = ("en", "depuis", "durant", "pendant", "dès")
"""Words that make a bare four-digit number a year ("en 2025"); "d'ici 2030" is left out (a target)."""
DATE_RANGE_OPENERS: tuple[str, ...] = ("du",)
DATE_RANGE_CLOSERS: tuple[str, ...] = ("au",)
""""du 13 au 14 mars"."""

WEEKDAY_NUMBERS: dict[str, int] = {
    "lundi": 0,
    "mardi": 1,
    "mercredi": 2,
    "jeudi": 3,
    "vendredi": 4,
    "samedi": 5,
    "dimanche": 6,
}
WEEKDAY_DIRECTIONS: dict[str, int] = {"ce": 0, "le": 0, "dès": 0, "depuis": 0}
"""Words before a weekday (0 = the latest such day on or before publication, the next when its
clause speaks of the future). French gives the direction after the weekday: ``WEEKDAY_DIRECTIONS_AFTER``."""
WEEKDAY_DIRECTIONS_AFTER: dict[str, int] = {"dernier": -1, "passé": -1, "prochain": 1}
""""lundi dernier" (strictly before publication), "lundi prochain" (strictly after)."""
WEEKDAY_BARE = True
"""A weekday with no word before it is a date ("Le ministre a annoncé lundi que...")."""
WEEKDAY_NOT_AFTER: frozenset[str] = frozenset({"chaque", "un", "tous", "les", "du", "au"})
"""Words that make a weekday any such day or a name: "chaque lundi", "un mardi", "tous les lundis",
"le lundi de Pâques" is caught by its capital; "du lundi au vendredi" is a weekly span."""
WEEKDAY_FUTURE_CUES: tuple[str, ...] = (
    r"va",
    r"vont",
    r"doit",
    r"doivent",
    r"devrait",
    r"devraient",
    r"prévue?s?",
    r"programmée?s?",
    r"s['’]apprête(?:nt)?",
    r"compte(?:nt)?",
    r"entend(?:ent)?",
)
"""Regex fragments (whole words, lower case) that put a weekday in its clause after publication
("La réunion doit avoir lieu lundi", "le vote est prévu mardi"); a verb in the future tense
("reprendra lundi") does too (``clause_tenses``)."""
WEEKDAY_AHEAD_TENSES: tuple[str, ...] = ("futr", "pres")
"""Tenses that put a bare weekday after publication: the future, and the present that tells what is
scheduled ("Le sommet s'ouvre lundi"). French news tells what happened in the passé composé."""
WEEKDAY_UNTIL: tuple[str, ...] = ("jusqu'à", "jusqu’à", "jusqu'au", "jusqu’au")
WEEKDAY_PAST_AUXILIARIES: tuple[str, ...] = ("avait", "avaient", "était", "étaient")
CLAUSE_CONJUNCTIONS: tuple[str, ...] = (
    "et",
    "mais",
    "tandis",
    "alors",
    "car",
    "lorsque",
    "quand",
    "puisque",
    "qui",
    "que",
    "qu'il",
    "qu'elle",
    "qu'ils",
    "qu’il",
    "qu’elle",
    "dont",
    "où",
)
"""Words that open another clause: "l'usine a fermé vendredi et rouvrira lundi" reads each weekday's
tense on its own side of "et"."""
WEEKDAY_REPORTING_VERBS: frozenset[str] = frozenset(
    "annonce annoncent indique indiquent rapporte rapportent affirme affirment déclare déclarent "
    "précise précisent souligne soulignent explique expliquent estime estiment écrit écrivent".split()
)
"""Present-tense verbs that report what was said: they tell when it was said, not that it lies ahead."""


RELATIVE_DATES: dict[str, tuple[str, int] | tuple[str, int, str]] = {
    "aujourd'hui": ("day", 0),
    "aujourd’hui": ("day", 0),
    "ce matin": ("day", 0),
    "cet après-midi": ("day", 0),
    "ce soir": ("day", 0),
    "cette nuit": ("day", 0),
    "hier": ("day", -1),
    "hier soir": ("day", -1),
    "avant-hier": ("day", -2),
    "demain": ("day", 1),
    "après-demain": ("day", 2),
    "cette semaine": ("week", 0),
    "plus tôt cette semaine": ("week", 0, "past"),
    "en début de semaine": ("week", 0, "past"),
    "plus tard cette semaine": ("week", 0, "rest"),
    "la semaine dernière": ("week", -1),
    "la semaine passée": ("week", -1),
    "la semaine prochaine": ("week", 1),
    "ce mois-ci": ("month", 0),
    "le mois dernier": ("month", -1),
    "le mois passé": ("month", -1),
    "le mois prochain": ("month", 1),
    "plus tôt cette année": ("year", 0, "past"),
    "plus tard cette année": ("year", 0, "rest"),
    "d'ici la fin de la semaine": ("week", 0, "end"),
    "d’ici la fin de la semaine": ("week", 0, "end"),
    "d'ici la fin du mois": ("month", 0, "end"),
    "d’ici la fin du mois": ("month", 0, "end"),
    "d'ici la fin de l'année": ("year", 0, "end"),
    "d’ici la fin de l’année": ("year", 0, "end"),
    "d'ici à la fin de l'année": ("year", 0, "end"),
}
"""Relative expressions: (unit, offset) from the publication date (see the English module)."""
RELATIVE_YEARS: dict[str, int] = {
    "cette année": 0,
    "l'année dernière": -1,
    "l’année dernière": -1,
    "l'an dernier": -1,
    "l’an dernier": -1,
    "l'an passé": -1,
    "l’an passé": -1,
    "l'année prochaine": 1,
    "l’année prochaine": 1,
    "l'an prochain": 1,
    "l’an prochain": 1,
}
"""Relative years: alone ("l'an dernier") or after a month or a day ("en mars de l'an dernier")."""
RELATIVE_DATE_NOT_BEFORE: frozenset[str] = frozenset({"de", "du", "des"})
"""A relative phrase followed by these is no date ("la semaine dernière de mars" is rare; "cette
semaine de grève" is a span, not this week)."""
