"""The one-shot summary (``nutgraf summarize FILE``) runs NER only when the people an article names
could change its summary (issue 25), and its summaries are those ingest stores, which are made with
the people NER finds."""

from __future__ import annotations

import pytest
from test_summary_furniture import ingest_summaries, raw_texts

import nutgraf.analyze
from nutgraf.analyze import people_in
from nutgraf.clean import clean_text
from nutgraf.lang import detect_language, split_sentences
from nutgraf.summarize import people_can_matter, select_sentences, summarize


def gate(text: str) -> bool:
    """Whether ``summarize(text)`` runs NER (its own steps, then :func:`people_can_matter`)."""
    cleaned = clean_text(text)
    code = detect_language(f"{cleaned.title or ''}\n{cleaned.text}")
    sentences = split_sentences(cleaned.text, code)
    chosen = select_sentences(sentences, title=cleaned.title, language=code)
    return people_can_matter(sentences, chosen, cleaned.text, cleaned.title, code)


def with_people(text: str) -> list[str]:
    """The summary made with the people NER finds, as ingest makes it."""
    cleaned = clean_text(text)
    code = detect_language(f"{cleaned.title or ''}\n{cleaned.text}")
    return summarize(text, people=people_in(cleaned.text, code, cleaned.title)).sentences


@pytest.fixture
def ner_calls(monkeypatch) -> list[str]:
    """The texts ``summarize`` gives NER (``nutgraf.analyze.people_in``, which it looks up per call)."""
    calls: list[str] = []

    def spy(text: str, language: str, title: str | None = None) -> list[str]:
        calls.append(text)
        return people_in(text, language, title)

    monkeypatch.setattr(nutgraf.analyze, "people_in", spy)
    return calls


def test_one_shot_summaries_are_those_ingest_stores(samples):
    stored = {source: summary for source, summary, *_ in ingest_summaries([samples])}
    texts = raw_texts([samples])
    ran = [gate(text) for _, text in texts]
    assert any(ran) and not all(ran)  # both ways are checked
    for path, text in texts:
        assert summarize(text).sentences == stored[str(path)], path


LEAD = (
    "Yelena Shirokova, the head of the Lakeside port authority, announced on Monday that the harbour "
    "will close for repairs until the end of the summer season."
)
PLAIN = (
    "The harbour will close for repairs until the end of the summer season, the port authority said "
    "on Monday.\n\n"
    "Ferries to the islands will sail from the northern pier while the work goes on over the summer.\n\n"
    "The repairs will cost about four million pounds and are paid for by the regional government.\n\n"
    "Fishing boats may still use the western quay, which is not part of the repairs this year."
)


HARBOUR = "The harbour of Lakeside will close for repairs until the end of the summer season, officials said on Monday."
AFTER = (
    "Ferries to the islands will sail from the northern pier while the harbour is closed.\n\n"
    "The regional government will pay most of the cost of about four million pounds."
)


@pytest.mark.parametrize(
    "text",
    [
        # a surname alone opens a sentence, and the one that says who she is cannot be in a summary
        f"{HARBOUR}\n\nPort chief Yelena Shirokova agreed.\n\n"
        f"Shirokova said the repairs of the harbour walls could not wait another winter.\n\n{AFTER}",
        # ... after a connective the summary would drop ("But Davies stressed...")
        f"{HARBOUR}\n\nUnion chief Gareth Davies objected.\n\n"
        f"But Davies said the dockers would not strike over the closure of the harbour.\n\n{AFTER}",
        # ... in Russian, inflected
        "Гавань Лейксайда закроют на ремонт до конца летнего сезона, сообщили в понедельник власти.\n\n"
        "Глава порта Елена Широкова согласилась.\n\n"
        "Широкова пояснила, что ремонт стен гавани нельзя откладывать ещё на одну зиму.\n\n"
        "Паромы на острова будут уходить от северного причала, пока гавань закрыта.\n\n"
        "Региональное правительство оплатит большую часть расходов в четыре миллиона рублей.",
        # a sentence that would be commentary if nobody were named in it
        f"{LEAD}\n\nPrivate business surveys suggest a stronger season than official estimates, "
        f"Ms Shirokova said.\n\n{AFTER}",
    ],
    ids=["surname", "after-connective", "russian", "commentary"],
)
def test_ner_runs_when_the_people_change_the_summary(text, ner_calls):
    assert gate(text)
    summary = summarize(text).sentences
    assert ner_calls, "summarize did not run NER"
    assert summary == with_people(text)
    assert summary != summarize(text, people=()).sentences  # the people do change it


@pytest.mark.parametrize(
    "text",
    [
        PLAIN,
        # persons named in full, never by surname alone at the start of a sentence
        f"{LEAD}\n\n{PLAIN}",
        # a title is no surname ("Mr Lowe said" opens with "Mr")
        "Andrew Lowe, the harbour master, said on Monday that the harbour will close for the summer.\n\n"
        "Mr Lowe said the repairs of the harbour walls could not wait another winter season.\n\n"
        "The ferries to the islands will sail from the northern pier while the repairs go on.",
    ],
    ids=["no-names", "full-names", "title"],
)
def test_ner_is_skipped_when_the_people_cannot_change_the_summary(text, ner_calls):
    assert not gate(text)
    summary = summarize(text).sentences
    assert not ner_calls, "summarize ran NER"
    assert summary == with_people(text)


@pytest.mark.parametrize(
    ("name", "opening"),
    [
        ("Kim Jong-un", "Un"),  # a hyphenated name's last part
        ("Ludwig van Beethoven", "Beethoven"),  # after a particle
        ("John F. Kennedy", "Kennedy"),  # after an initial
    ],
)
def test_names_of_every_shape_count(name, opening, ner_calls):
    text = (
        f"The museum opened an exhibition about {name} in the old harbour hall on Monday morning.\n\n"
        f"{opening} was remembered by the curators as a figure who changed the history of the region.\n\n"
        "The exhibition will stay open until the end of the summer season, the museum said."
    )
    assert gate(text)
    assert summarize(text).sentences == with_people(text)


def test_ner_reads_only_the_sentences_that_could_name_them(ner_calls):
    """NER reads the sentence that gives the name in full, not the article: "Shirokova" alone
    would link to that sentence's person anyway."""
    text = (
        f"{HARBOUR}\n\nPort chief Yelena Shirokova agreed.\n\n"
        f"Shirokova said the repairs of the harbour walls could not wait another winter.\n\n{AFTER}"
    )
    summary = summarize(text).sentences
    assert ner_calls == ["Port chief Yelena Shirokova agreed."]
    assert summary == with_people(text)
