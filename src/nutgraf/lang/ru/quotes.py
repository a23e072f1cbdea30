"""Russian quote attribution cues (read by ``nutgraf.analyze.quotes``): speech verbs, role words,
and the words that tell a quote's speaker from the other names around it."""

from __future__ import annotations

SPEECH_VERBS: tuple[str, ...] = (
    *tuple(
        form
        for stem in (
            "сказал",
            "заявил",
            "отметил",
            "подчеркнул",
            "добавил",
            "сообщил",
            "пояснил",
            "заметил",
            "уточнил",
            "рассказал",
            "охарактеризовал",
            "признал",
            "высказал",
            "указал",
            "напомнил",
            "предупредил",
            "констатировал",
            "заверил",
            "пообещал",
            "призвал",
            "объяснил",
            "ответил",
            "написал",
            "выразил",
            "не исключил",
        )
        for form in (stem, stem + "а", stem + "и")
    ),
    "считает",
    "уверен",
    "уверена",
    "убежден",
    "убеждена",
    "убеждён",
    "убеждёна",
    "полагает",
    "говорит",
    "вспоминает",
    "не исключает",
)
"""Verbs (past tense in every gender and number, plus common present forms) that attribute speech."""

REPORTED_CONJUNCTIONS: tuple[str, ...] = ("что",)

ROLE_WORDS: frozenset[str] = frozenset(
    """министр президент премьер председатель спикер пресс-секретарь секретарь помощник советник директор
    глава руководитель начальник губернатор мэр посол посланник спецпосланник представитель официальный
    командующий генерал профессор учёный ученый исследователь аналитик экономист эксперт политолог
    депутат сенатор лидер основатель вице-премьер заместитель управляющий капитан тренер юрист адвокат
    прокурор судья следователь куратор инженер врач корреспондент редактор журналист историк социолог
    член инспектор канцлер король патриарх сотрудник волонтёр волонтер координатор атаман""".split()
)


QUOTE_PRONOUNS: tuple[str, ...] = ("он", "она")
"""Pronouns that stand for a speaker named earlier ("..., — сказал он")."""
QUOTE_ADVERBS: tuple[str, ...] = ("также", "тоже", "ещё", "еще", "затем", "позже")
"""Adverbs between a pronoun and its speech verb ("он также отметил")."""
CLAUSE_LINKS: tuple[str, ...] = (
    "а", "но", "и", "однако", "хотя", "тогда как", "в то время как", "когда", "потому что",
)  # fmt: skip
"""Conjunctions that, after a comma, open a clause with a subject of its own (see ``en``)."""
COORDINATORS: tuple[str, ...] = ("и", "а", "но", "или")
"""Before "что", these add a second reported clause to the first: the statement began before them."""
SUBJECT_PRONOUNS: tuple[str, ...] = ("он", "она", "они", "оно", "мы", "я", "вы")
"""A pronoun right before a speech verb is its subject, whoever is named before it."""
PREPOSITIONS: tuple[str, ...] = tuple(
    "в во на о об обо по к ко у для от из при за между перед после без против с со".split()
)
"""A person after one of these is its object, not a subject."""
RELATIVES: tuple[str, ...] = tuple(
    """который которая которое которые которого которой которому которым которых котором которую
    где чей чья чьё чьи""".split()
)
"""Words that open a relative clause: a person named inside one is not the subject of the verb
after it."""
DETERMINERS: tuple[str, ...] = ()
DEFINITE_ARTICLES: tuple[str, ...] = ()
"""Russian has no articles: role descriptions ("вице-премьер") may point back without one."""


PLURAL_VERB_ENDINGS: tuple[str, ...] = ("ли",)
"""A past-tense plural ("выразили") takes no single person as its subject ("Соболезнования семье
Сарсании выразили клубы")."""


# Read in text before its language is known: joined over every registered language
# (``nutgraf.lang.every``).
NAME_PARTICLES: tuple[str, ...] = tuple(
    "фон дер де ден ван ди да дю дос дель делла ле ла тер цу бен бин ибн аль эль".split()
)
"""Lower-case words inside a name, before its last word ("Урсула фон дер Ляйен")."""
