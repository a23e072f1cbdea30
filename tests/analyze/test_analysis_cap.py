"""Analysis reads a bounded opening of a huge article (issue 23, item 4): NER, quotes, citations,
dates and figures see at most ``MAX_ANALYSED_CHARS`` of it, in bounded pieces, while the article's
text stays whole. NER is replaced by a recorder here: what is checked is what it is given."""

from __future__ import annotations

import re

import pytest

import nutgraf.analyze as analyze
from helpers import understood_shape
from nutgraf.analyze import people_in, understand
from nutgraf.lang import get_language
from nutgraf.model import Article

FILLER = (
    "The harbour board met again to discuss the state of the northern quay and its cranes.\n\n"
    "Engineers walked the length of the breakwater and wrote down what they found there.\n\n"
)
TOP = (
    "Wilhelmina Castellano said on 14 March 2026 that the quay would cost £40 million to repair.\n\n"
    "“We cannot wait another winter,” said Wilhelmina Castellano.\n\n"
)
BOTTOM = (
    "Oskar Brannagh said on 2 October 2027 that the breakwater would cost £75 million.\n\n"
    "“The sea will not wait for us,” said Oskar Brannagh.\n\n"
)
NAMES = re.compile(r"Wilhelmina Castellano|Oskar Brannagh")


@pytest.fixture
def recorded(monkeypatch):
    """Calls to the English recognizer: each call's texts; it finds the two invented names."""
    calls: list[list[str]] = []

    def recognize(texts):
        calls.append(list(texts))
        return [[(m.start(), m.end(), "PER") for m in NAMES.finditer(text)] for text in texts]

    monkeypatch.setattr(get_language("en"), "recognize", recognize)
    return calls


def huge_article() -> Article:
    middle = FILLER * (3 * analyze.MAX_ANALYSED_CHARS // len(FILLER))
    return understood_shape((TOP + middle + BOTTOM).strip(), "Quay repairs to cost millions")


def test_a_huge_article_is_analysed_up_to_the_cap_and_kept_whole(recorded):
    article = huge_article()
    text = article.text
    understand([article])
    assert article.text == text and len(text) > 3 * analyze.MAX_ANALYSED_CHARS
    head = len(article.title) + 2
    assert sum(len(piece) for call in recorded for piece in call) <= analyze.MAX_ANALYSED_CHARS + head
    assert {e.name for e in article.entities if e.type == "PER"} == {"Wilhelmina Castellano"}
    assert "2026-03-14" in {d.date for d in article.dates}
    assert "2027-10-02" not in {d.date for d in article.dates}
    assert 40e6 in {f.value for f in article.figures} and 75e6 not in {f.value for f in article.figures}
    assert [q.speaker for q in article.quotes if q.kind == "direct"] == ["Wilhelmina Castellano"]
    found = [*article.dates, *article.figures, *article.quotes]
    assert found and all(0 <= item.start < analyze.MAX_ANALYSED_CHARS for item in found)


def test_long_texts_reach_the_recognizer_in_bounded_pieces_and_groups(recorded):
    text = (FILLER * (analyze.MAX_ANALYSED_CHARS // len(FILLER))).strip()
    spans = analyze.recognize([text, "Oskar Brannagh spoke."], "en")
    assert spans[1] == [(0, 14, "PER")]
    assert all(len(piece) <= analyze.NER_CHUNK_CHARS for call in recorded for piece in call)
    assert all(sum(map(len, call)) <= analyze.NER_GROUP_CHARS for call in recorded if len(call) > 1)
    assert "".join(piece for call in recorded for piece in call if piece != "Oskar Brannagh spoke.") == text


def test_the_people_of_a_one_off_summary_are_found_in_the_same_span(recorded):
    article = huge_article()
    assert people_in(article.text, "en", article.title) == ["Wilhelmina Castellano"]
    assert sum(len(piece) for call in recorded for piece in call) <= analyze.MAX_ANALYSED_CHARS + 100


def test_the_cut_falls_at_a_paragraph_break():
    text = ("A short paragraph of news.\n\n" * (analyze.MAX_ANALYSED_CHARS // 20))[:-2]
    length = analyze.analysed_length(text)
    assert length <= analyze.MAX_ANALYSED_CHARS and text[length : length + 2] == "\n\n"
    assert analyze.analysed_length("short text") == len("short text")


def test_a_figure_weighs_only_the_cues_near_it(monkeypatch):
    """A sentence of hundreds of figures (a page without full stops) costs each figure the cues
    within reach, not every cue of the sentence; the subjects stay what the nearest cue says."""
    from nutgraf.analyze import figures

    weighed = 0
    original = figures._cue_score

    def counting(*args):
        nonlocal weighed
        weighed += 1
        return original(*args)

    monkeypatch.setattr(figures, "_cue_score", counting)
    clauses = [f"the company cut {100 + i} jobs while sales rose {i % 40 + 1}%" for i in range(300)]
    found = figures.extract_figures("In the north " + " and ".join(clauses) + ".", "en")
    assert len(found) == 600
    assert {f.subject for f in found[0::2]} == {"job_cuts"} and {f.subject for f in found[1::2]} == {
        "revenue_change"
    }
    assert weighed <= 20 * len(found)  # every cue of the sentence for every figure: 300 times more
