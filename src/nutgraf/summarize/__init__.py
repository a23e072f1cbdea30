"""Summaries: "No time to read? Get a summary" for an article (extractive, unsupervised, offline).

The sentences are chosen by :func:`nutgraf.summarize.article.select_sentences` (lede, centrality,
headline overlap, length, with readability filters); ingest stores ``summarize_sentences`` of each
article, and ``summarize`` does the same for one raw text or HTML page."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from nutgraf.model import Sentence
from nutgraf.summarize.article import SummaryParams, as_shown, select_sentences, without_dateline

__all__ = ["Summary", "SummaryParams", "select_sentences", "summarize", "summarize_sentences"]

MAX_SHOWN_CHARS = 2_000
"""A summary sentence longer than this is shown cut after a word, with "…". Only the fallback to
the lead ever takes one (a scored sentence has at most 70 words): in a page without full stops the
first "sentence" is the whole page, and a summary should not store a copy of it."""

MAX_SUMMARY_WORDS = 120
"""The most words a summary of up to three sentences holds (40 more for each sentence past three;
issue 24): one over it loses its last sentences, and a single sentence over it is cut after a word,
with "…". The splitter gives text without case or stops sentence-sized pieces (``nutgraf.lang``);
this bounds what real sentences can still add up to (on cased CNN/DailyMail, 1 to 3 of 96
summaries, at most 131 words, as the summarizer's weights changed: bench/results/splitting.md)."""
_WORD_END = re.compile(r"\S+")


@dataclass(slots=True)
class Summary:
    """An article summary: sentences in document order, in the article's language."""

    sentences: list[str] = field(default_factory=list)
    language: str = "und"
    title: str | None = None


def summarize_sentences(
    sentences: list[Sentence],
    *,
    title: str | None,
    language: str | None,
    count: int = 3,
    params: SummaryParams | None = None,
    people: Sequence[str] = (),
) -> list[str]:
    """The text of the summary sentences of an already split article, as a reader sees them: without
    a wire dateline, and without an opening "However," that would tie one to a sentence left out.

    ``people``: full names of the persons the article names (ingest passes its PER entities), so
    that "Shirokova said..." comes only with the sentence that says who she is."""
    chosen = select_sentences(
        sentences, title=title, language=language, count=count, params=params, people=people
    )
    shown = as_shown(sentences, chosen, language)
    return _capped([_bounded(without_dateline(shown[i].text)) for i in chosen], count)


def _capped(texts: list[str], count: int) -> list[str]:
    """``texts`` within ``MAX_SUMMARY_WORDS`` (for up to three sentences): the last ones dropped
    (an antecedent always comes before the sentence that leans on it), a lone long one cut."""
    limit = MAX_SUMMARY_WORDS * max(count, 3) // 3
    words = [len(text.split()) for text in texts]
    while len(texts) > 1 and sum(words) > limit:
        texts, words = texts[:-1], words[:-1]
    if texts and words[0] > limit:
        ends = [match.end() for match in _WORD_END.finditer(texts[0])]
        texts = [texts[0][: ends[limit - 1]].rstrip(" ,;:…") + "…"]
    return texts


def _bounded(text: str) -> str:
    if len(text) <= MAX_SHOWN_CHARS:
        return text
    cut = text.rfind(" ", 0, MAX_SHOWN_CHARS)
    return text[: cut if cut > 0 else MAX_SHOWN_CHARS].rstrip(" ,;:") + "…"


def summarize(
    text: str, language: str | None = None, sentences: int = 3, people: Sequence[str] | None = None
) -> Summary:
    """Summarise raw article text (plain text or HTML): it is cleaned and split here, and the same
    sentences are chosen as ingest stores for it.

    ``people``: the full names of the persons the article names, for the surname rule; by default
    they are found here with the language's NER, as ingest finds them (the models load once per
    process: about a second the first time, milliseconds after). Pass ``()`` to skip it."""
    from nutgraf.analyze import people_in
    from nutgraf.clean import clean_text, extract_html
    from nutgraf.lang import detect_language, split_sentences

    stripped = text.lstrip()
    if stripped[:1] == "<":
        page = extract_html(text)
        cleaned = clean_text(page.text, title=page.title)
    else:
        cleaned = clean_text(text)
    code = language or detect_language(f"{cleaned.title or ''}\n{cleaned.text}")
    split = split_sentences(cleaned.text, code)
    if people is None:
        people = people_in(cleaned.text, code, cleaned.title) if split else ()
    return Summary(
        sentences=summarize_sentences(
            split, title=cleaned.title, language=code, count=sentences, people=people
        ),
        language=code,
        title=cleaned.title,
    )
