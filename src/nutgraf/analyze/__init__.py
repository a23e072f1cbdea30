"""Understanding articles: entities, quotes, citations, dates, figures.

``understand`` is the stage function. It takes a batch of clean articles and returns them with
their analysis filled in. It is batched because NER runs fastest over many texts at once (spaCy's
``nlp.pipe``, slovnet's ``map``). It is pure: models load lazily once per process, and the alias
table is read from package data, so the stage runs the same in-process, in a process pool or on a
Dask worker.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections import defaultdict
from functools import cache
from importlib import resources

from nutgraf.analyze.citations import extract_citations
from nutgraf.analyze.dates import extract_dates
from nutgraf.analyze.entities import ALIAS_FILE, alias_index, link_entities, name_spans, ner_text
from nutgraf.analyze.figures import extract_figures
from nutgraf.analyze.quotes import extract_quotes
from nutgraf.lang import get_language
from nutgraf.lang.contract import section
from nutgraf.model import Article, Entity, Mention

__all__ = [
    "MAX_ANALYSED_CHARS",
    "analysed_length",
    "curated_person_names",
    "extract_citations",
    "extract_dates",
    "extract_figures",
    "extract_quotes",
    "link_entities",
    "people_in",
    "person_names",
    "recognize",
    "understand",
]


MAX_ANALYSED_CHARS = 200_000
"""Entities, quotes, citations, dates and figures are found in the first 200,000 characters of an
article (about 30,000 words, ten times a long feature; cut at the last paragraph break before it).
NER takes about 20 s a megabyte, and the quote, citation and date finders grow faster than the
text (on invented news text: 1 MB 3.4 s together, 10 MB 310 s), so analysing all of a 10 MB page
took more than eight minutes; 200,000 characters take a few seconds. What an article is
about, who it quotes and when things happened is told at its top. The stored text stays whole
(search finds any word of it); only what is analysed is bounded."""

NER_CHUNK_CHARS = 20_000
"""Longer texts go to NER in pieces of at most this many characters, cut at paragraph breaks.
spaCy refuses a text over 1,000,000 characters, and its memory grows faster than the length of
one text: one 100,000-character piece takes about 350 MB, five 20,000-character pieces about
140 MB together, for the same entities (a name never spans a paragraph break)."""

NER_GROUP_CHARS = 100_000
"""The pieces of long texts go to the recognizer at most this many characters at a time, so that
spaCy's batch of 32 texts never holds 32 long pieces at once."""


def _chunks(text: str) -> list[tuple[int, str]]:
    """(offset, piece) of ``text`` cut at paragraph breaks (else line breaks, else anywhere) into
    pieces of at most ``NER_CHUNK_CHARS``."""
    pieces: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > NER_CHUNK_CHARS:
        limit = start + NER_CHUNK_CHARS
        cut = text.rfind("\n\n", start, limit)
        if cut <= start:
            cut = text.rfind("\n", start, limit)
        if cut <= start:
            cut = limit
        pieces.append((start, text[start:cut]))
        start = cut
    pieces.append((start, text[start:]))
    return pieces


def recognize(texts: list[str], language: str) -> list[list[tuple[int, int, str]]]:
    """NER spans for texts of one language; languages without a model get none. A text longer than
    ``NER_CHUNK_CHARS`` is read in paragraph-aligned pieces, its spans shifted back into place. A
    title-case headline is read in sentence case (``entities.ner_text``: same length, same spans),
    and the spans are names as ``entities.name_spans`` trims and keeps them (no title, nationality
    word or sentence-opening common word; no edge punctuation or line break)."""
    recognizer = section(get_language(language), "recognize")
    if recognizer is None or not texts:
        return [[] for _ in texts]
    views = [ner_text(text, language) for text in texts]
    if all(len(view) <= NER_CHUNK_CHARS for view in views):
        found = recognizer(views)
    else:
        pieces = [_chunks(view) for view in views]
        spans = iter(
            _recognize_grouped(recognizer, [piece for chunks in pieces for _offset, piece in chunks])
        )
        found = [
            [
                (start + offset, end + offset, label)
                for offset, _piece in chunks
                for start, end, label in next(spans)
            ]
            for chunks in pieces
        ]
    return [name_spans(text, language, spans) for text, spans in zip(texts, found, strict=True)]


def _recognize_grouped(recognizer, pieces: list[str]) -> list[list[tuple[int, int, str]]]:
    """The recognizer over ``pieces``, called on consecutive groups of at most ``NER_GROUP_CHARS``
    characters (a piece longer than that alone)."""
    found: list[list[tuple[int, int, str]]] = []
    group: list[str] = []
    size = 0
    for piece in pieces:
        if group and size + len(piece) > NER_GROUP_CHARS:
            found += recognizer(group)
            group, size = [], 0
        group.append(piece)
        size += len(piece)
    if group:
        found += recognizer(group)
    return found


def analysed_length(text: str) -> int:
    """How much of ``text`` is analysed: all of it up to ``MAX_ANALYSED_CHARS``, else up to the
    last paragraph break before that (else line break, else space, else the limit itself)."""
    if len(text) <= MAX_ANALYSED_CHARS:
        return len(text)
    for separator in ("\n\n", "\n", " "):
        cut = text.rfind(separator, 0, MAX_ANALYSED_CHARS)
        if cut > 0:
            return cut
    return MAX_ANALYSED_CHARS


def person_names(entities: list[Entity]) -> list[str]:
    """Full names, in every language the entities carry, of the persons among ``entities``: what the
    summary's surname rule needs ("Shirokova said..." only with the sentence that introduced her)."""
    names = {
        name
        for entity in entities
        if entity.type == "PER"
        for name in (entity.name, *(entity.names or {}).values())
        if name
    }
    return sorted(names)


def people_in(text: str, language: str, title: str | None = None) -> list[str]:
    """The persons one text names (:func:`person_names`), found as ``understand`` finds them: NER
    over the headline and body, linked to canonical names. For a one-off summary; a batch of
    articles is faster through ``understand``."""
    head = f"{title}\n\n" if title else ""
    text = text[: analysed_length(text)]
    spans = recognize([head + text], language)[0]
    entities, _mentions = link_entities(head + text, language, spans, alias_index(language))
    return person_names(entities)


@cache
def curated_person_names() -> tuple[str, ...]:
    """Every name (in each language) of the persons in the curated alias table: the only names
    :func:`people_in` can return that the text need not spell out, since a mention links to the
    table's entry by any of its aliases ("Putin" alone gives "Vladimir Putin" and "Владимир
    Путин"). Read from the table's file, without building the index (a second at start-up)."""
    raw = resources.files("nutgraf.analyze").joinpath(ALIAS_FILE).read_text(encoding="utf-8")
    return tuple(
        sorted(
            {
                name
                for entry in json.loads(raw)
                if entry.get("type") == "PER"
                for name in entry.get("names", {}).values()
                if name
            }
        )
    )


def understand(articles: list[Article]) -> list[Article]:
    """Fill in entities, quotes, citations, dates and figures of each article (in place; returned),
    found in its first ``MAX_ANALYSED_CHARS`` characters (all of a news article)."""
    by_language: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        by_language[article.language].append(article)
    for language, group in by_language.items():
        aliases = alias_index(language)
        # The headline is read with the body: a name may appear only there ("Putin, Lukashenko to ...").
        heads = [f"{a.title}\n\n" for a in group]
        bodies = [a.text[: analysed_length(a.text)] for a in group]
        spans = recognize([head + body for head, body in zip(heads, bodies, strict=True)], language)
        for article, head, body, article_spans in zip(group, heads, bodies, spans, strict=True):
            entities, all_mentions = link_entities(head + body, language, article_spans, aliases)
            mentions = _body_mentions(all_mentions, len(head))
            sentences = article.sentences
            if len(body) < len(article.text):
                sentences = sentences[: bisect_right([s.end for s in sentences], len(body))]
            article.entities = entities
            article.quotes = extract_quotes(body, language, mentions, sentences)
            article.citations = extract_citations(body, language, mentions, aliases)
            article.dates = extract_dates(body, language, article.published)
            article.figures = extract_figures(body, language)
            _resolve_label_speakers(article, mentions)
    return articles


def _body_mentions(mentions: list[Mention], offset: int) -> list[Mention]:
    """Mentions in the body, with offsets into the body text (the headline came first)."""
    body = []
    for mention in mentions:
        if mention.start >= offset:
            mention.start -= offset
            mention.end -= offset
            body.append(mention)
    return body


def _resolve_label_speakers(article: Article, mentions: list[Mention]) -> None:
    """A quote whose speaker was named only by a label line still gets the entity if one matches."""
    by_surface = {m.text: m.entity_id for m in mentions if m.type == "PER"}
    for quote in article.quotes:
        if quote.speaker and quote.speaker_entity_id is None:
            quote.speaker_entity_id = by_surface.get(quote.speaker)
