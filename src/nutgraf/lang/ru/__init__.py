"""Russian: sentence splitting (razdel), month names in every case, and Russian site furniture."""

from __future__ import annotations

import re
from functools import cache as _cache
from functools import lru_cache

from razdel import sentenize

CODE = "ru"
NAME = "Русский"
ENGLISH_NAME = "Russian"
CODE_ALIASES: frozenset[str] = frozenset({"rus", "russian", "русский"})
"""Other names of the language a record's language field may give."""
UPPERCASE = "А-ЯЁ"
LOWERCASE = "а-яё"
"""Its letters, as regex class bodies (``nutgraf.lang.letters``)."""
FOLDS = {"ё": "е"}
"""Read "ё" as "е" wherever words are matched: most texts write "е" for both."""

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

FURNITURE_LINES: frozenset[str] = frozenset(
    {
        "нет времени читать?",
        "получить краткое содержание",
        "краткое содержание",
        "реклама",
        "поделиться",
        "комментарии",
        "подписаться",
        "подписывайтесь",
        "новости партнеров",
        "новости партнёров",
        "все новости",
        "главное",
        "самое читаемое",
        "популярное",
        "в тренде",
        "читать далее",
        "читать полностью",
        "версия для печати",
        "наверх",
    }
)

FURNITURE_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^читайте (также|ещё|еще|нас)\b.{0,200}$",
        r"^(также|ещё|еще) по теме\b.{0,200}$",
        r"^подписывайтесь на .{1,120}$",
        r"^подпишитесь на .{1,120}$",
        r"^поделиться\s*:?.{0,80}$",
        r"^(нашли|заметили) ошибку.{0,120}$",
        r"^при (использовании|перепечатке|цитировании) материалов.{0,160}$",
        r"^мнение (редакции|автора) может не совпадать.{0,120}$",
        r"^(фото|видео|источник фото)\s*:\s*.{1,80}$",
        r"^все права защищены\.?$",
    )
)

NAVIGATION_MARKERS: frozenset[str] = frozenset(
    {
        "предыдущая статья",
        "следующая статья",
        "предыдущая новость",
        "следующая новость",
        "читайте также",
        "читайте также:",
        "также по теме",
        "ещё по теме",
        "еще по теме",
        "по теме",
    }
)

SITE_PHRASES: tuple[str, ...] = (
    *"""вы вас вам вами ваш ваша ваше ваши вашего вашей вашему вашим вашем ваших вашими вашу
    мы нас нам нами наш наша наше наши нашего нашей нашему нашим нашем наших нашими нашу""".split(),
    "эта статья",
    "этой статье",
    "эту статью",
    "этот материал",
    "этого материала",
    "этом материале",
    "материал подготовлен",
    "мнение редакции",
    "все права защищены",
)
"""Words and phrases by which a line speaks for the site rather than reports (see the English
module): to the reader ("Подписывайтесь на наш канал"), of the page itself ("Материал подготовлен
при поддержке...") or as a notice ("Мнение редакции может не совпадать с мнением автора")."""

_CYRILLIC_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")


def verb_mood(line: str) -> str | None:
    """Whether a line states or commands: "indicative" when it holds a finite verb, a short
    participle or a predicative word ("Толчок произошёл на глубине 12 километров", "Япония
    расположена...", "Пострадавших нет"), "imperative" when it opens with a command or speaks to
    the reader in the second person ("Подписывайтесь...", "Смотрите также"), None when it has no
    verb ("Глубина очага — 10 километров"). Each word's likeliest pymorphy3 reading, cached."""
    words = [word.lower() for word in _CYRILLIC_WORD.findall(line)]
    if not words:
        return None
    first = _word_tag(words[0])
    if first.POS == "VERB" and ("impr" in first or "2per" in first):
        return "imperative"
    for word in words:
        tag = _word_tag(word)
        if (tag.POS == "VERB" and "indc" in tag) or tag.POS in ("PRTS", "PRED"):
            return "indicative"
    return None


@lru_cache(maxsize=65536)
def _word_tag(word: str):
    return morph().parse(word)[0].tag


def split_sentences(paragraph: str) -> list[tuple[int, int]]:
    """Sentence spans of one paragraph (character offsets), by razdel's rules."""
    return [(s.start, s.stop) for s in sentenize(paragraph)]


def _razdel_abbreviations() -> frozenset[str]:
    try:  # razdel's own list (pinned 0.5.0); its module path is not public API
        from razdel.segmenters.sokr import INITIALS, SOKRS
    except ImportError:  # pragma: no cover - another razdel layout
        return frozenset("тыс млн млрд руб долл коп г гг в вв ст ч п пп т см др проф акад ул д обл".split())
    return frozenset(SOKRS | INITIALS)


ABBREVIATIONS: frozenset[str] = _razdel_abbreviations()
"""Lower-case words after which a full stop does not end a sentence when the text has no case to
tell ("тыс. человек", "в 2016 г. в Москве", "проф. иванов"): razdel's own abbreviations, which it
applies itself only when the next word is lower-case. Single letters (initials, "т. е.") are
abbreviations too (``nutgraf.lang``)."""

CLAUSE_OPENERS: frozenset[str] = frozenset(
    """и но а или либо что чтобы который которая которое которые которого которой которому которым
    которых котором когда где куда откуда если хотя потому поскольку пока после прежде однако причем
    причём ведь зато поэтому словно будто""".split()
)
"""Words that open a clause: where a sentence with no punctuation may be cut into clause-sized
pieces (``nutgraf.lang``)."""


STEMMER = "russian"
"""Snowball algorithm name for PyStemmer."""

STOPWORDS: frozenset[str] = frozenset(
    """а без более больше будет будут бы был была были было быть в вам вас весь во вот все всего всех вы
    где да даже для до его ее её ей ему если есть еще ещё же за здесь и из или им их к как какой когда
    кого кто ли либо между меня мне много может мы на над надо наш не него нее неё ней нельзя нет ни
    нибудь никогда ним них ничего но ну о об однако он она они оно от очень по под после потом потому
    при про раз с сам свой своя свои себя себе со так также такой там те тем то того тоже той только том
    тот у уже хотя чего чей чем что чтобы чье чья эта эти это этого этой этом этот я который которая
    которое которые которых котором которой сказал сказала заявил заявила отметил отметила сообщил
    сообщила сообщает словам этом году года""".split()
)

DANGLING_STARTS: tuple[str, ...] = (
    "он",
    "она",
    "оно",
    "они",
    "его",
    "её",
    "ее",
    "их",
    "ему",
    "ей",
    "им",
    "этот",
    "эта",
    "это",
    "эти",
    "этого",
    "этой",
    "этим",
    "этих",
    "тот",
    "та",
    "те",
    "однако",
    "но",
    "а",
    "также",
    "кроме того",
    "при этом",
    "тем не менее",
    "в свою очередь",
    "впрочем",
    "зато",
    "поэтому",
    "тогда",
    "там",
    "в то же время",
    "вместе с тем",
    "помимо этого",
    "более того",
    "к тому же",
    "об этом",
    "по его",
    "по её",
    "по ее",
    "по их",
    # demonstratives and pronouns after a preposition: "В эту сумму входят...", "У них..."
    "эту",
    "этому",
    "этими",
    "такой",
    "такая",
    "такое",
    "такие",
    "таким образом",
    "в этом",
    "в этой",
    "в эту",
    "в этот",
    "в это",
    "в этих",
    "на этом",
    "на этой",
    "на эту",
    "на этот",
    "на это",
    "к этому",
    "для этого",
    "после этого",
    "до этого",
    "кроме этого",
    "из них",
    "из этих",
    "у него",
    "у неё",
    "у нее",
    "у них",
    "для него",
    "для них",
    "в нём",
    "в нем",
    "в ней",
    "в них",
    "с ним",
    "с ней",
    "с ними",
)
"""Openings that point back to an earlier sentence (see the English module). "По его/их ..." covers
"по его словам", "по их подсчётам", "по её мнению", "по их данным": whose words or count is in the
sentence before; "По данным МЧС" names its source and stands alone."""
POINTING_PRONOUNS: tuple[str, ...] = tuple("он она оно они его её ее их ему ей им этот эта это эти".split())
"""Pronouns that point back when they open the main clause after a short phrase: "По данным
полиции, он..." needs the sentence that says who."""
COMMENTARY_VERBS: tuple[str, ...] = (
    *(
        f"{stem}{ending}"
        for stem, endings in (
            ("свидетельству", ("ет", "ют", "я")),
            ("свидетельствовал", ("", "а", "о", "и")),
            ("сигнализиру", ("ет", "ют", "я")),
            ("сигнализировал", ("", "а", "о", "и")),
            ("иллюстриру", ("ет", "ют", "я")),
            ("подчеркива", ("ет", "ют", "я")),
            ("подчёркива", ("ет", "ют", "я")),
        )
        for ending in endings
    ),
    *(f"{form} на" for form in ("указывает", "указывают", "указывая")),
)
"""Verbs by which a sentence interprets what the article told ("Встреча свидетельствует о...",
"..., подчёркивая стремление сторон"); see the English module. Only present-tense forms of
"подчёркивать": "Путин подчеркнул" reports what was said."""
COMMENTARY_PARTICIPLE_ENDINGS: tuple[str, ...] = ("я",)
"""After a comma only a verbal adverb of commentary is one ("..., свидетельствуя о..."): "...,
свидетельствует доклад" names who said it."""
DROPPABLE_OPENINGS: tuple[str, ...] = (
    "однако",
    "но",
    "а",
    "кроме того",
    "тем не менее",
    "при этом",
    "между тем",
    "впрочем",
    "также,",
)
"""Openings that only tie a sentence to the one before, and may be dropped when that one is not in
the summary: "Однако в порту пообещали, что..." says "В порту пообещали, что..."."""
DANGLING_EXCEPTIONS: tuple[str, ...] = (
    "в этом году",
    "в этом месяце",
    "в этом сезоне",
    "в этом квартале",
    "этим летом",
    "этой весной",
    "этой осенью",
    "этой зимой",
    "этим утром",
    "этим вечером",
    "этой ночью",
    *(f"в этот {day}" for day in ("понедельник", "вторник", "четверг")),
    *(f"в эту {day}" for day in ("среду", "пятницу", "субботу")),
    "в это воскресенье",
)
"""Openings that start like a pointer back but name a time ("В этом году выручка выросла..."); "в
этот день" recalls a day named before and still points back."""

CREDIT_LABELS: tuple[str, ...] = (
    "источник:",
    "источники:",
    "фото:",
    "фотография:",
    "видео:",
    "иллюстрация:",
    "инфографика:",
    "текст:",
    "автор:",
    "автор фото:",
)
"""Openings of credit lines ("Источник: ТАСС", "Фото: пресс-служба"; see the English module)."""

WEEKDAYS: frozenset[str] = frozenset(
    "понедельник вторник среда среду четверг пятница пятницу суббота субботу воскресенье пн вт ср чт пт сб вс".split()
)


# --- Named entities and lemmas ---------------------------------------------------------------------
# Russian NER is slovnet's news model with navec embeddings, the files natasha 1.6 ships inside its
# wheel; they are loaded directly (not through natasha's pipeline), so natasha's pymorphy2 (which
# imports pkg_resources, gone from setuptools 81) is never imported. Lemmas come from pymorphy3 with
# its Russian dictionaries package. 23 articles/s for NER alone on ods-ru-news (measured here).

NATASHA_EMBEDDING = "data/emb/navec_news_v1_1B_250K_300d_100q.tar"
NATASHA_NER_MODEL = "data/model/slovnet_ner_news_v1.tar"
NER_BATCH = 4
"""Texts slovnet tags in one array. slovnet pads every text of a batch to the longest, so the texts
are tagged shortest first (``recognize``) and batches are small: on 300 RT articles (1,200 words
on average, 169 to 4,499) padding made batches of 8 in arrival order cost 1.78 words for each real
one, 1.24 sorted; NER took 20.3 s of one core in arrival order, 15.9 s sorted in 8s, 13.3 s in 4s
and 13.9 s one by one, with identical spans. Chosen on RT; reported on ods-ru-news, not used to
choose it (63 articles, measured on one core): 2.26 s in arrival order in 8s (the
old setting, the baseline) against 0.99 s shortest first in 4s, identical spans. A cost setting
that changes no output."""

_NAME_GRAMMEMES = {"PER": {"Surn", "Name", "Patr"}, "LOC": {"Geox"}, "ORG": {"Orgn", "Abbr"}}


@_cache
def slovnet_ner():
    """slovnet NER with navec embeddings, loaded once per process (about 0.8 s)."""
    import importlib.util
    from pathlib import Path

    from nutgraf.errors import ModelError

    spec = importlib.util.find_spec("natasha")  # located, not imported: natasha imports pymorphy2
    try:
        from navec import Navec
        from slovnet import NER
    except ImportError as exc:
        raise ModelError(
            "Russian NER needs natasha 1.6 (slovnet, navec): pip install natasha==1.6.0"
        ) from exc
    if spec is None or not spec.submodule_search_locations:
        raise ModelError("Russian NER needs natasha 1.6's packaged models: pip install natasha==1.6.0")
    base = Path(next(iter(spec.submodule_search_locations)))
    ner = NER.load(str(base / NATASHA_NER_MODEL), batch_size=NER_BATCH)
    ner.navec(Navec.load(str(base / NATASHA_EMBEDDING)))
    return ner


PARSE_CACHE = 16_384
"""Word forms whose pymorphy3 parses each process keeps. Entity names, search keys and weekday
tenses all ask for parses of forms that recur across articles (names, "заявил", "президент"): the
63 ods-ru-news articles hold 17,723 Russian words, 7,144 of them distinct, and parsing them took
0.57 s with the cache against 2.17 s without. A full cache (16,384 distinct RT forms) holds 15 MB.
A capacity bound, measured on ods-ru-news and RT, not tuned to a score."""


class _CachedMorph:
    """pymorphy3's analyser with each word form parsed once (``parse`` memoised, bounded); the rest
    of its interface passes through."""

    def __init__(self, analyzer) -> None:
        self._analyzer = analyzer
        self.parse = lru_cache(maxsize=PARSE_CACHE)(analyzer.parse)

    def __getattr__(self, name: str):
        return getattr(self._analyzer, name)


@_cache
def morph():
    """pymorphy3's analyser over its Russian dictionaries (the pymorphy3-dicts-ru package), its
    parses memoised per word form (``PARSE_CACHE``): every reader of Russian words shares them."""
    import pymorphy3

    return _CachedMorph(pymorphy3.MorphAnalyzer(lang="ru"))


_FINITE_VERB = re.compile(r"(?:[уюая]т|[еиё]т|[еиё]м|л[аои]?)(?:ся|сь)?$")
"""Endings of the finite verb forms news uses (3rd person and "we" in the present or future, the
past): only such words are looked up, since pymorphy3 takes up to a millisecond per new word."""


def clause_tenses(words: list[str], clause: tuple[int, int], weekday: tuple[int, int]) -> set[str]:
    """The tenses ("past", "pres", "futr") of the finite verbs in a weekday's clause (``clause`` is
    its span in its sentence's ``words``, ``weekday`` the weekday phrase's), each by its likeliest
    reading: Russian says the future with the verb's form ("возобновят", "начнутся"), not a word."""
    low, high = clause
    start, end = weekday
    verbs = [
        word for word in (*words[low:start], *words[end:high]) if word.lower() not in WEEKDAY_REPORTING_VERBS
    ]
    return verb_tenses(verbs)


def verb_tenses(words: list[str]) -> set[str]:
    """The tenses ("past", "pres", "futr") of the verbs among ``words`` by their likeliest reading."""
    lowered = (word.lower() for word in words)
    return {tense for word in lowered if _FINITE_VERB.search(word) and (tense := _verb_tense(word))}


@lru_cache(maxsize=65536)
def _verb_tense(word: str) -> str | None:
    tag = morph().parse(word)[0].tag
    return str(tag.tense) if tag.POS == "VERB" and tag.tense else None


def lemmatize_word(word: str) -> set[str]:
    """Every dictionary form pymorphy3 gives a word ("паромом" -> {"паром"}), "ё" read as "е": the
    search keys a word shares with its other forms (``nutgraf.lang.keys``)."""
    return {parse.normal_form.replace("ё", "е") for parse in morph().parse(word.lower())}


def recognize(texts: list[str]) -> list[list[tuple[int, int, str]]]:
    """Named-entity spans (start, end, PER/ORG/LOC) of each text, batched shortest first so that
    little of each batch is padding (``NER_BATCH``); returned in the order given."""
    ner = slovnet_ner()
    order = sorted(range(len(texts)), key=lambda number: len(texts[number]))
    found: list[list[tuple[int, int, str]]] = [[] for _ in texts]
    for number, markup in zip(order, ner.map([texts[number] for number in order]), strict=True):
        found[number] = [(span.start, span.stop, span.type) for span in markup.spans]
    return found


_SURNAME = re.compile(r"^(?P<base>[А-ЯЁ][а-яё-]+?(?:ов|ев|ёв|ин|ын))(?:а|у|ым|ом|е|ой|ою|ых|ыми|ы)?$")
"""Russian surnames in -ов/-ев/-ин/-ын decline regularly; pymorphy only guesses unknown ones
("Абенов" -> "абен" but "Абенова" -> "абенов"), so the suffix rule decides their base."""


def surname_base(word: str) -> str | None:
    """The masculine base of a declined -ов/-ев/-ин surname ("Королёвой" -> "королёв"), else None."""
    match = _SURNAME.match(word)
    return match.group("base").lower() if match else None


@_cache
def lemma(word: str, label: str | None = None) -> str:
    """Dictionary form of one word. For entity words a parse with a name grammeme (surname, first
    name, place) wins; a name that pymorphy only knows as another word ("Мамедли" as a verb) stays
    as written, lower-cased."""
    lowered = word.lower().replace("ё", "е")
    if not any("а" <= ch <= "я" for ch in lowered):
        return lowered
    parses = morph().parse(word)
    if label == "PER":
        first_name = [p for p in parses if {"Name", "nomn", "sing"} <= set(p.tag.grammemes)]
        base = surname_base(word)
        if base is not None and not first_name:
            return base.replace("ё", "е")
    if label:
        wanted = _NAME_GRAMMEMES.get(label, set())
        for parse in parses:
            if wanted & set(parse.tag.grammemes):
                return parse.normal_form.replace("ё", "е")
        nouns = [p for p in parses if p.tag.POS in {"NOUN", "ADJF"}]
        if not nouns:
            return lowered
        return nouns[0].normal_form.replace("ё", "е")
    return parses[0].normal_form.replace("ё", "е") if parses else lowered


def entity_lemma(surface: str, label: str) -> str:
    """Dictionary form of an entity name: every word lemmatised ("Владимиром Путиным" -> "владимир путин")."""
    return " ".join(lemma(word, label) for word in re.findall(r"[\w-]+", surface))


def is_nominative(surface: str, label: str) -> bool:
    """True when every word of a name can be nominative ("Светлана Королёва", not "Королёвой"):
    such a form is the display name; lemmas would turn a woman's surname masculine."""
    words = re.findall(r"[\w-]+", surface)
    if not words:
        return False
    for word in words:
        if not any("а" <= ch <= "я" for ch in word.lower()):
            continue
        if (
            label == "PER"
            and _SURNAME.match(word)
            and word.lower().endswith(("ов", "ев", "ёв", "ин", "ын", "ова", "ева", "ёва", "ина", "ына"))
        ):
            continue  # the masculine or feminine nominative of a surname
        parses = morph().parse(word)
        if parses and not any(
            "nomn" in parse.tag for parse in parses if parse.tag.POS in {"NOUN", "ADJF", None}
        ):
            return False
    return True


# --- Date expressions (read by nutgraf.analyze.dates) ---------------------------------------------
# Month names come from MONTHS. Weekday abbreviations in WEEKDAYS are left out of date finding:
# "ср." means "compare", "вс" and "пн" occur in other abbreviations.

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


# --- Quotes, attribution and cited sources -------------------------------------------------------

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

CITATION_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(pattern)
    for pattern in (
        r"(?:^|\n)[А-ЯЁA-Z][А-ЯЁA-Z .'-]{2,40}, [^()\n]{1,30}\((?P<name>[^()\n]{2,60})\) [—–-]",
        r"\b(?:как )?(?:сообщает|сообщают|сообщило|сообщила|сообщил|передаёт|передает|пишет|пишут|информирует)"
        r" (?P<name>«?[А-ЯЁA-Z][^,.;:()\n]{1,60}?»?)(?=[,.;:()]|\s(?:со ссылкой|в|на|по)\b|$)",
        r"\b[Пп]о (?:данным|информации|сведениям|оценкам) (?P<name>[^,.;:()\n]{2,70}?)(?=[,.;:()]|\s(?:на|в|к|за)\s|$)",
        r"\bсо ссылкой на (?P<name>[^,.;:()\n]{2,60}?)(?=[,.;:()]|$)",
        r"(?:^|\n)Источник:\s*(?P<name>[^\n]{2,80})",
        r"\[\s*Источник:\s*(?P<name>[^\]]{2,80})\]",
    )
)

SOURCE_DESCRIPTORS: tuple[str, ...] = (
    "информационное агентство",
    "агентство",
    "агентства",
    "издание",
    "издания",
    "газета",
    "газеты",
    "телеканал",
    "телеканала",
    "портал",
    "портала",
    "сайт",
    "сайта",
)


def nominative(surface: str, label: str) -> str:
    """A name put in the nominative for display: "Союзного государства" -> "Союзное государство",
    "Совете Федерации" -> "Совет Федерации", "Светланы Королёвой" -> "Светлана Королёва".

    Persons: every word. Organisations and places: the head noun (the first noun) and the adjectives
    before it, agreeing with it; the genitive complements after the head stay as they are."""
    words = surface.split()

    def inflect(word: str, grammemes: set[str], prefer: set[str] | None = None) -> str:
        parses = morph().parse(word)
        if prefer:
            parses = [p for p in parses if prefer & set(p.tag.grammemes)] or parses
        for parse in parses:
            form = parse.inflect(grammemes)
            if form is not None:
                text = form.word
                return text.capitalize() if word[:1].isupper() else text
        return word

    if label == "PER":
        out = []
        for word in words:
            parses = [p for p in morph().parse(word) if {"Surn", "Name", "Patr"} & set(p.tag.grammemes)]
            gender = next((g for g in ("femn", "masc") if parses and g in parses[0].tag), None)
            wanted = {"nomn", "sing"} | ({gender} if gender else set())
            out.append(inflect(word, wanted, {"Surn", "Name", "Patr"}) if parses else word)
        return " ".join(out)
    head = None
    for index, word in enumerate(words):
        parses = morph().parse(word)
        if parses and parses[0].tag.POS == "NOUN":
            head = index
            break
    if head is None:
        return surface
    head_parse = morph().parse(words[head])[0]
    number = "plur" if "plur" in head_parse.tag else "sing"
    out = list(words)
    out[head] = inflect(words[head], {"nomn", number})
    gender = head_parse.tag.gender
    for index in range(head):
        wanted = {"nomn", number} | ({gender} if gender and number == "sing" else set())
        out[index] = inflect(words[index], wanted)
    return " ".join(out)


# --- Figures (nutgraf.analyze.figures): number words, scales, units and cue phrases. ---
# Keys are lower-case with "е" for "ё" (the analyzer folds "ё" before looking them up).


def _figure_forms(stems: str, endings: str) -> list[str]:
    """Every ``stem + ending`` for space-separated stems and endings ("-" is the bare stem)."""
    tails = ["" if e == "-" else e for e in endings.split()]
    return [stem + tail for stem in stems.split() for tail in tails]


_NOUN_ENDINGS = "- а у ом е ы ов ам ами ах"

FIGURE_SCALES: dict[str, float] = {
    **dict.fromkeys(_figure_forms("тысяч", "а и - у ам ами ах ей е"), 1e3),
    "тыс": 1e3,
    "тыс.": 1e3,
    **dict.fromkeys(_figure_forms("миллион", _NOUN_ENDINGS), 1e6),
    "млн": 1e6,
    "млн.": 1e6,
    **dict.fromkeys(_figure_forms("миллиард", _NOUN_ENDINGS), 1e9),
    "млрд": 1e9,
    "млрд.": 1e9,
    **dict.fromkeys(_figure_forms("триллион", _NOUN_ENDINGS), 1e12),
    "трлн": 1e12,
    "трлн.": 1e12,
}
"""Words of scale after a number ("50 млрд", "8 тысяч", "$50 миллиардов")."""

FIGURE_NUMBER_WORDS: dict[str, float] = {
    "один": 1,
    "одна": 1,
    "одну": 1,
    "два": 2,
    "две": 2,
    "двух": 2,
    "три": 3,
    "трех": 3,
    "четыре": 4,
    "четырех": 4,
    "пять": 5,
    "шесть": 6,
    "семь": 7,
    "восемь": 8,
    "девять": 9,
    "десять": 10,
    "двадцать": 20,
    "тридцать": 30,
    "сорок": 40,
    "пятьдесят": 50,
    "сто": 100,
    "полтора": 1.5,
    "полторы": 1.5,
}
"""Number words, read as a figure only before a word of scale ("два миллиона", "полтора миллиарда")."""

FIGURE_UNITS: dict[str, str] = {
    # currencies
    **dict.fromkeys(_figure_forms("доллар", "- а ов ам ами ах"), "USD"),
    "долл.": "USD",
    "долларов сша": "USD",
    "доллара сша": "USD",
    "евро": "EUR",
    **dict.fromkeys(_figure_forms("рубл", "ь я ей ю ям ями ях ем"), "RUB"),
    "руб.": "RUB",
    "руб": "RUB",
    "российских рублей": "RUB",
    "белорусских рублей": "BYN",
    "белорусского рубля": "BYN",
    "белорусских рубля": "BYN",
    "фунтов стерлингов": "GBP",
    "фунта стерлингов": "GBP",
    "фунтов": "GBP",
    "фунта": "GBP",
    "тенге": "KZT",
    **dict.fromkeys(_figure_forms("манат", "- а ов"), "AZN"),
    **dict.fromkeys(_figure_forms("юан", "ь я ей ям ями ях"), "CNY"),
    **dict.fromkeys(_figure_forms("гривн", "а ы у ам ами ах"), "UAH"),
    "гривен": "UAH",
    "иен": "JPY",
    "иены": "JPY",
    "йен": "JPY",
    "йены": "JPY",
    "рупий": "INR",
    "лир": "TRY",
    "сомов": "KGS",
    "сумов": "UZS",
    "лари": "GEL",
    "драмов": "AMD",
    "франков": "CHF",
    "злотых": "PLN",
    # shares
    **dict.fromkeys(_figure_forms("процент", "- а ов ам ами ах"), "percent"),
    "проц.": "percent",
    "процентных пунктов": "pp",
    "процентных пункта": "pp",
    "процентного пункта": "pp",
    "процентный пункт": "pp",
    "п.п.": "pp",
    "п. п.": "pp",
    # length
    **dict.fromkeys(_figure_forms("километр", "- а ов ам ами ах"), "km"),
    "км": "km",
    **dict.fromkeys(_figure_forms("метр", "- а ов ам ами ах"), "m"),
    "м": "m",
    **dict.fromkeys(_figure_forms("сантиметр", "- а ов ам ами ах"), "cm"),
    "см": "cm",
    **dict.fromkeys(_figure_forms("миллиметр", "- а ов ам ами ах"), "mm"),
    "мм": "mm",
    "миль": "mi",
    "мили": "mi",
    # mass
    **dict.fromkeys(_figure_forms("килограмм", "- а ов ам ами ах"), "kg"),
    "кг": "kg",
    **dict.fromkeys(_figure_forms("грамм", "- а ов ам ами ах"), "g"),
    **dict.fromkeys(_figure_forms("тонн", "а ы - у ам ами ах"), "tonnes"),
    # area
    **dict.fromkeys(_figure_forms("гектар", "- а ов ам ами ах"), "ha"),
    "га": "ha",
    "квадратных километров": "km2",
    "квадратного километра": "km2",
    "квадратных километра": "km2",
    "кв. км": "km2",
    "кв км": "km2",
    "км²": "km2",
    "квадратных метров": "m2",
    "квадратного метра": "m2",
    "квадратных метра": "m2",
    "кв. м": "m2",
    "кв. метров": "m2",
    "кв м": "m2",
    "м²": "m2",
    "соток": "ares",
    # speed
    "метров в секунду": "m/s",
    "метра в секунду": "m/s",
    "метр в секунду": "m/s",
    "м/с": "m/s",
    "километров в час": "km/h",
    "километра в час": "km/h",
    "километр в час": "km/h",
    "км/ч": "km/h",
    "миль в час": "mph",
    "мили в час": "mph",
    "миля в час": "mph",
    "узлов": "knots",
    # volume, power, energy, temperature
    **dict.fromkeys(_figure_forms("литр", "- а ов ам ами ах"), "l"),
    **dict.fromkeys(_figure_forms("баррел", "ь я ей ям ями ях"), "barrels"),
    "кубометров": "m3",
    "кубических метров": "m3",
    "куб. м": "m3",
    "м³": "m3",
    **dict.fromkeys(_figure_forms("мегаватт", "- а ов ам ами ах"), "MW"),
    "мвт": "MW",
    **dict.fromkeys(_figure_forms("гигаватт", "- а ов ам ами ах"), "GW"),
    "гвт": "GW",
    "квт": "kW",
    "квт·ч": "kWh",
    "квт*ч": "kWh",
    "мвт·ч": "MWh",
    "гвт·ч": "GWh",
    "градусов цельсия": "°C",
    "градуса цельсия": "°C",
    "градусов": "degrees",
    "градуса": "degrees",
    "градус": "degrees",
    "°c": "°C",
    "°с": "°C",
    # sub-units: "<factor> <unit>"
    **dict.fromkeys(_figure_forms("копе", "йка йки ек йку"), "0.01 RUB"),
    **dict.fromkeys(_figure_forms("цент", "- а ов"), "0.01 USD"),
    **dict.fromkeys(_figure_forms("евроцент", "- а ов"), "0.01 EUR"),
    "пенсов": "0.01 GBP",
}
"""Unit words after a number (and its scale), normalised: ISO currency codes, "percent", SI-style symbols;
a value "<factor> <unit>" scales the number ("50 копеек" -> 0.5 RUB)."""

FIGURE_COUNTED: dict[str, str] = {
    **dict.fromkeys(
        """человек человека людей граждан гражданина жителей жителя пассажиров пассажира военнослужащих
        военнослужащего военных солдат детей ребенка взрослых студентов студента школьников учеников
        работников работника сотрудников сотрудника рабочих пациентов пациента мигрантов беженцев
        пострадавших пострадавшего погибших раненых раненого туристов туриста зрителей болельщиков
        посетителей участников участника заключенных задержанных избирателей пожарных спасателей
        волонтеров добровольцев членов журналистов пользователей клиентов абонентов эвакуированных
        жертв мужчин женщин бойцов""".split(),
        "people",
    ),
    "рабочих мест": "jobs",
    "рабочие места": "jobs",
    "рабочих места": "jobs",
    "рабочее место": "jobs",
    "рабочего места": "jobs",
    "новых рабочих мест": "jobs",
    "вакансий": "jobs",
    "домохозяйств": "households",
    "семей": "households",
    "семьи": "households",
    "домов": "homes",
    "жилых домов": "homes",
    "квартир": "homes",
    "зданий": "buildings",
    "здания": "buildings",
    "автомобилей": "vehicles",
    "машин": "vehicles",
    "единиц техники": "vehicles",
    "рейсов": "flights",
    "рейса": "flights",
    "беспилотников": "drones",
    "беспилотника": "drones",
    "бпла": "drones",
    "дронов": "drones",
    "дрона": "drones",
    "ракет": "missiles",
    "ракеты": "missiles",
    "самолетов": "aircraft",
    "самолета": "aircraft",
    "судов": "ships",
    "кораблей": "ships",
    "случаев": "cases",
    "случая": "cases",
    "заражений": "cases",
    "голосов": "votes",
    "голоса": "votes",
    "мандатов": "seats",
    "школ": "schools",
    "компаний": "companies",
    "предприятий": "companies",
    "стран": "countries",
}
"""Nouns that make a bare number a count ("3 400 человек", "1 200 рабочих мест"), mapped to a language-independent unit."""

FIGURE_APPROX: tuple[str, ...] = (
    "почти",
    "около",
    "порядка",
    "примерно",
    "приблизительно",
    "ориентировочно",
    "более",
    "более чем",
    "больше",
    "свыше",
    "до",
    "менее",
    "меньше",
    "не менее",
    "не более",
    "не меньше",
    "не больше",
    "чуть более",
    "чуть менее",
    "чуть больше",
    "чуть меньше",
    "почти что",
    "как минимум",
    "минимум",
    "максимум",
    "по меньшей мере",
    "по крайней мере",
    "по оценкам",
    "под",
)
"""Phrases right before a figure that make it approximate (bounds count: "более", "до")."""

FIGURE_APPROX_LOOSE: tuple[str, ...] = ("почти", "примерно", "около")
"""Approximate cues that may stand before the verb of the figure ("почти достиг $60 млрд")."""

FIGURE_APPROX_CONDITIONAL: frozenset[str] = frozenset({"до"})
"""Approximate cues that mean "up to" only when no change verb or range opening stands before them
("до 5 тысяч человек" is a bound; "выросла до 5%" and "от 3 до 5%" are not)."""

FIGURE_APPROX_AFTER: tuple[str, ...] = ("с лишним", "с небольшим", "с гаком")
"""Phrases right after a figure that make it approximate."""

FIGURE_CHANGE_STEMS: tuple[str, ...] = (
    "вырос",
    "выраст",
    "рост",
    "прирост",
    "увелич",
    "сократ",
    "сокращ",
    "сниз",
    "сниж",
    "упал",
    "упад",
    "паден",
    "подорож",
    "подешев",
    "прибав",
    "повыс",
    "повыш",
    "пониз",
    "понижен",
    "уменьш",
    "обвал",
    "подскоч",
    "опусти",
    "опуст",
    "подня",
    "поднима",
    "потеря",
    "ускор",
    "замедл",
    "изменен",
    "больше",
    "меньше",
    "выше",
    "ниже",
)
"""Word beginnings that make a nearby percentage a change ("выросла на 5,7%", "на 5,7% больше")."""

FIGURE_CHANGE_WORDS: frozenset[str] = frozenset({"плюс", "минус"})
"""Whole words that make a nearby percentage a change."""

FIGURE_CHANGE_PREPOSITIONS: frozenset[str] = frozenset({"на"})
"""A preposition right before a percentage that states a change ("на 5,7% больше")."""

FIGURE_LEVEL_PREPOSITIONS: frozenset[str] = frozenset({"до", "с", "со", "от"})
"""A preposition right before a figure that states a level, not a change ("выросла до 5%")."""

FIGURE_YEAR_PREPOSITIONS: frozenset[str] = frozenset(
    {"в", "во", "с", "со", "до", "к", "по", "от", "за", "после"}
)
"""Words before a four-digit number that make it a year even with a noun after it."""

FIGURE_PERIODS: tuple[tuple[str, str], ...] = (
    (r"\b((?:19|20)\d\d)(?:-?м)?\s*(?:году|года|год|г\.|гг\.)", r"\1"),
    (r"\b(?:в|за)\s+((?:19|20)\d\d)\b(?![-–/]\d)", r"\1"),
    (
        r"\b(?:в|за)\s+прошл(?:ом|ый)\s+году?\b|\bв\s+минувшем\s+году\b|\bпрошлого\s+года\b|\bминувшего\s+года\b",
        "прошлый год",
    ),
    (r"\b(?:в|за)\s+(?:этом|текущем|этот|текущий)\s+году?\b|\b(?:этого|текущего)\s+года\b", "этот год"),
    (r"\bв\s+(?:следующем|будущем)\s+году\b|\b(?:следующего|будущего)\s+года\b", "следующий год"),
    (r"\bза\s+(?:последний|минувший)\s+год\b|\bза\s+год\b", "за год"),
    (r"\bв\s+год\b|\bежегодно\b|\bгодовых\b", "в год"),
    (r"\bв\s+прошлом\s+месяце\b|\bпрошлого\s+месяца\b", "прошлый месяц"),
    (r"\bв\s+(?:этом|текущем)\s+месяце\b", "этот месяц"),
    (r"\bв\s+месяц\b|\bежемесячно\b", "в месяц"),
    (r"\bв\s+сутки\b|\bв\s+день\b|\bежедневно\b", "в день"),
    (r"\b(?:сейчас|ныне|в\s+настоящее\s+время|на\s+данный\s+момент)\b", "сейчас"),
)
"""When a figure holds (regex, normalised label; ``\\1`` is the year): the nearest in the sentence wins.
"Сейчас" keeps an older year away: "завод открыт в 2016 году, сейчас на нём работают 1 350 человек"."""

FIGURE_GROUP_SEPARATORS = " \u00a0\u2009\u202f"
"""Characters that group thousands ("3 400", or a no-break/thin space); "," and "." are decimal points."""

# --- Quote attribution (nutgraf.analyze.quotes) ---------------------------------------------------

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


# --- Quote attribution rules (read by nutgraf.analyze.quotes) -----------------------------------

PLURAL_VERB_ENDINGS: tuple[str, ...] = ("ли",)
"""A past-tense plural ("выразили") takes no single person as its subject ("Соболезнования семье
Сарсании выразили клубы")."""


# --- Patterns that read text before its language is known (joined over every language) ---------

LIST_JOINERS: tuple[str, ...] = ("и",)
"""Joins the last two names of a list ("министр Нурия Сафина и вице-премьер Тимур Алиев")."""
SOURCE_LIST_OPENINGS: tuple[str, ...] = ("источник",)
"""A credit line that lists its sources ("Источник: ТАСС, РИА Новости")."""
NAME_PARTICLES: tuple[str, ...] = tuple(
    "фон дер де ден ван ди да дю дос дель делла ле ла тер цу бен бин ибн аль эль".split()
)
"""Lower-case words inside a name, before its last word ("Урсула фон дер Ляйен")."""
FIGURE_ALTERNATIVE_WORDS: tuple[str, ...] = ("или", "около")
SCALE_WORDS: tuple[str, ...] = ("млрд", "млн", "тыс", "трлн")
COPYRIGHT_WORDS: tuple[str, ...] = ("копирайт",)
DATELINE_PREFIXES: tuple[str, ...] = ("опубликовано", "обновлено", "дата публикации")
DATE_TRAILERS: tuple[str, ...] = ("мск", "msk", "г.", "года", "год")
DATELINE_MONTHS = (
    r"(?:январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-я]*"
    r"|(?:янв|фев|мар|апр|авг|сен|сент|окт|ноя|дек)\.?"
)
"""Month names as a wire dateline writes them ("МОСКВА, 10 авг", "16 мая (ТАСС)")."""
