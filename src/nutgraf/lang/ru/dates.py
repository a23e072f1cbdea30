"""Russian date words (read by ``nutgraf.analyze.dates``): month names in every case, weekday
names, relative dates, and the words around a date that tell which day it is.

Weekday abbreviations in ``WEEKDAYS`` are left out of date finding: "ср." means "compare", "вс" and
"пн" occur in other abbreviations.
"""

from __future__ import annotations

_MONTH_STEMS = (
    ("январ", "янв"),
    ("феврал", "фев"),
    ("март", "мар"),
    ("апрел", "апр"),
    ("ма", "мая"),
    ("июн", "июн"),
    ("июл", "июл"),
    ("август", "авг"),
    ("сентябр", "сен", "сент"),
    ("октябр", "окт"),
    ("ноябр", "ноя", "нояб"),
    ("декабр", "дек"),
)
_ENDINGS = ("ь", "я", "е", "ю", "ём", "ем")


def _month_forms() -> dict[str, int]:
    forms: dict[str, int] = {}
    for number, (stem, *abbreviations) in enumerate(_MONTH_STEMS, start=1):
        if stem == "ма":  # май: мая, мае, маю, маем
            for form in ("май", "мая", "мае", "маю", "маем"):
                forms[form] = number
        elif stem in {"март", "август"}:  # март, марта, марте, марту, мартом
            for ending in ("", "а", "е", "у", "ом"):
                forms[stem + ending] = number
        else:
            for ending in _ENDINGS:
                forms[stem + ending] = number
        for abbreviation in abbreviations:
            forms.setdefault(abbreviation, number)
    return forms


MONTHS: dict[str, int] = _month_forms()

WEEKDAYS: frozenset[str] = frozenset(
    "понедельник вторник среда среду четверг пятница пятницу суббота субботу воскресенье пн вт ср чт пт сб вс".split()
)


DATE_CAPITALIZED = False
DATE_MONTH_FIRST = False
DATE_PREPOSITIONS: tuple[str, ...] = ("в", "во")
"""A preposition right before a date belongs to the mention ("в январе 2025 года")."""
DATE_DAY_SUFFIXES: tuple[str, ...] = ("-го",)
DATE_OF_WORDS: tuple[str, ...] = ()
DATE_YEAR_WORDS: tuple[str, ...] = ("года", "году", "годом", "год", "г.")
"""Words after a year number; with one, a bare four-digit number is a year ("в 2024 году")."""
DATE_YEAR_SUFFIXES: tuple[str, ...] = ("-м", "-го", "-й")
"""Endings written onto a year number ("в 2024-м году")."""
DATE_YEAR_CUES: tuple[str, ...] = ()
DATE_RANGE_OPENERS: tuple[str, ...] = ("с", "со")
DATE_RANGE_CLOSERS: tuple[str, ...] = ("по", "до")

WEEKDAY_NUMBERS: dict[str, int] = {
    "понедельник": 0,
    "вторник": 1,
    "среда": 2,
    "среду": 2,
    "четверг": 3,
    "пятница": 4,
    "пятницу": 4,
    "суббота": 5,
    "субботу": 5,
    "воскресенье": 6,
    # genitive, after "к утру", "к вечеру", "до": "к утру четверга"
    "понедельника": 0,
    "вторника": 1,
    "среды": 2,
    "четверга": 3,
    "пятницы": 4,
    "субботы": 5,
    "воскресенья": 6,
}
WEEKDAY_DIRECTIONS: dict[str, int] = {
    "в": 0,
    "во": 0,
    "в этот": 0,
    "в эту": 0,
    "в это": 0,
    "в прошлый": -1,
    "в прошлую": -1,
    "в прошлое": -1,
    "в минувший": -1,
    "в минувшую": -1,
    "в минувшее": -1,
    "в следующий": 1,
    "в следующую": 1,
    "в следующее": 1,
    "в ближайший": 1,
    "в ближайшую": 1,
    "в ближайшее": 1,
    "к утру": 0,
    "к середине дня": 0,
    "к вечеру": 0,
    "к ночи": 0,
    "утром": 0,
    "днём": 0,
    "днем": 0,
    "вечером": 0,
    "в ночь на": 0,
}
"""Words before a weekday: 0 = the latest such day on or before publication (the next, from publication
on, when its clause speaks of the future: ``WEEKDAY_FUTURE_CUES``), -1 strictly before, +1 after."""
WEEKDAY_BARE = False
"""A weekday needs a preposition to be a date ("в понедельник"; "понедельник" alone is a noun)."""
WEEKDAY_FUTURE_CUES: tuple[str, ...] = (
    r"будет",
    r"будут",
    r"планиру\w+",
    r"намерен\w*",
    r"предстоит",
    r"ожидается",
    r"ожидаются",
    r"собира\w+ся",
    r"должн\w*(?!\s+был)",
)
"""Regex fragments (whole words, lower case) that put a weekday in its clause after publication;
a verb in the future tense ("Школы возобновят работу в понедельник") does too (``clause_tenses``)."""
WEEKDAY_AHEAD_TENSES: tuple[str, ...] = ("futr", "pres")
"""Tenses (``clause_tenses``) that put a bare weekday after publication: the future, and the present
that tells what is scheduled ("Выставка открывается в понедельник")."""
WEEKDAY_REPORTING_VERBS: frozenset[str] = frozenset(
    "сообщает сообщают пишет пишут передаёт передает передают заявляет заявляют отмечает отмечают "
    "информирует информируют говорит говорят говорится сообщается уточняет уточняют".split()
)
"""Present-tense verbs that report what was said or found ("Во вторник Минздрав сообщает о 500
новых случаях"): they say when it was reported, not that it lies ahead."""
CLAUSE_CONJUNCTIONS: tuple[str, ...] = (
    "и",
    "а",
    "но",
    "однако",
    "хотя",
    "когда",
    "после",
    "пока",
    "поскольку",
    "потому",
    "который",
    "которая",
    "которое",
    "которые",
)
"""Words that open another clause: "завод закрылся в пятницу и откроется в понедельник" reads each
weekday's tense on its own side of "и"."""
WEEKDAY_NOT_AFTER: frozenset[str] = frozenset()

RELATIVE_DATES: dict[str, tuple[str, int] | tuple[str, int, str]] = {
    "сегодня": ("day", 0),
    "вчера": ("day", -1),
    "накануне": ("day", -1),
    "позавчера": ("day", -2),
    "завтра": ("day", 1),
    "послезавтра": ("day", 2),
    "на этой неделе": ("week", 0),
    "на текущей неделе": ("week", 0),
    "на прошлой неделе": ("week", -1),
    "на минувшей неделе": ("week", -1),
    "на предыдущей неделе": ("week", -1),
    "на следующей неделе": ("week", 1),
    "на будущей неделе": ("week", 1),
    "в этом месяце": ("month", 0),
    "в текущем месяце": ("month", 0),
    "в прошлом месяце": ("month", -1),
    "в минувшем месяце": ("month", -1),
    "в следующем месяце": ("month", 1),
    "в будущем месяце": ("month", 1),
    "в этом году": ("year", 0),
    "в текущем году": ("year", 0),
    "в нынешнем году": ("year", 0),
    "в прошлом году": ("year", -1),
    "в минувшем году": ("year", -1),
    "в позапрошлом году": ("year", -2),
    "в следующем году": ("year", 1),
    "в будущем году": ("year", 1),
    "позднее на этой неделе": ("week", 0, "rest"),
    "до конца недели": ("week", 0, "end"),
    "до конца этой недели": ("week", 0, "end"),
    "до конца месяца": ("month", 0, "end"),
    "до конца этого месяца": ("month", 0, "end"),
    "до конца года": ("year", 0, "end"),
    "до конца этого года": ("year", 0, "end"),
    "до конца текущего года": ("year", 0, "end"),
    "ранее на этой неделе": ("week", 0, "past"),
    "в начале этой недели": ("week", 0, "past"),
    "в начале этого месяца": ("month", 0, "past"),
}
"""Relative expressions: (unit, offset) from the publication date; units are day, week, month, year.
A third element takes part of the unit: "rest" is the range of its days after publication
("позднее на этой неделе"), "past" the range before it ("ранее на этой неделе"), "end" its last day
("до конца года")."""
RELATIVE_YEARS: dict[str, int] = {
    "этого года": 0,
    "текущего года": 0,
    "нынешнего года": 0,
    "прошлого года": -1,
    "минувшего года": -1,
    "позапрошлого года": -2,
    "следующего года": 1,
    "будущего года": 1,
}
"""Relative years: alone ("итоги прошлого года") or after a month or a day ("в марте прошлого года")."""
RELATIVE_DATE_NOT_BEFORE: frozenset[str] = frozenset()
RELATIVE_DATE_PREPOSITIONS: dict[str, tuple[str, ...]] = {
    "накануне": ("ов", "ев", "ёв", "ого", "его", "ых", "их", "ии", "ния", "тия", "та", "ды", "чи"),
}
"""Relative words that are also prepositions: "накануне" before a genitive ("накануне выборов",
"накануне саммита") means "on the eve of", not "the day before publication". The endings are genitive
endings that a verb or a nominative after the adverb ("Накануне глава заявил") does not have; chosen
on the 84 uses of "накануне" in rt-summaries-ru, where they separate all but "начала" and -я/-и nouns."""
