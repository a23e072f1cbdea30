"""Russian backends, functions over slovnet's NER and pymorphy3: named entities (``recognize``),
lemmas and the nominative of names, search keys' dictionary forms, the tenses of a weekday's clause.
The models load when first used, once per process.

Russian NER is slovnet's news model with navec embeddings, the files natasha 1.6 ships inside its
wheel; they are loaded directly (not through natasha's pipeline), so natasha's pymorphy2 (which
imports pkg_resources, gone from setuptools 81) is never imported. Lemmas come from pymorphy3 with
its Russian dictionaries package. 23 articles/s for NER alone on ods-ru-news (measured here).
"""

from __future__ import annotations

import re
from functools import cache as _cache
from functools import lru_cache

from nutgraf.lang.ru.dates import WEEKDAY_REPORTING_VERBS

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


_ANY_NAME = frozenset({"Surn", "Name", "Patr", "Geox", "Orgn", "Trad", "Abbr"})
_FIRST_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def common_opening(sentence: str) -> bool:
    """Whether the capitalised word that opens ``sentence`` is a common word there, not a name, by
    pymorphy3's dictionary: a word it knows, none of whose readings is a name ("Паводок в Ишиме",
    "Губка живёт", "Иркутские учёные"; not "Лаптевых", a surname, nor "Кречет-2", unknown).
    ``nutgraf.analyze.entities`` asks it only of a one-word mention that opens a sentence and that
    its article writes nowhere else, neither in lower case nor capitalised inside a sentence."""
    match = _FIRST_WORD.match(sentence)
    if not match:
        return False
    word = match.group().lower()
    analyzer = morph()
    if not analyzer.word_is_known(word):
        return False
    return not any(parse.tag.grammemes & _ANY_NAME for parse in analyzer.parse(word))
