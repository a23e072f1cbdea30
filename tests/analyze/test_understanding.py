"""The understanding stage end to end: the seeds' acceptance checks and the sample corpus."""

from __future__ import annotations

import pytest

from helpers import needs_shared
from nutgraf.ingest import iter_documents
from nutgraf.lang import SUPPORTED
from nutgraf.pipeline import ingest
from nutgraf.store import open_store


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    paths = sorted(needs_shared("seeds").glob("*.txt"))
    with open_store(tmp_path_factory.mktemp("seeds") / "s.db") as store:
        ingest(iter_documents(paths), store)
        yield {a.source.rsplit("/", 1)[1][:3]: a for a in store.iter_articles()}


def test_one_id_for_lukashenko_and_putin_across_all_seeds(seeds):
    for article in seeds.values():
        ids = {e.id for e in article.entities}
        assert "per-alexander-lukashenko" in ids, article.source
        assert "per-vladimir-putin" in ids, article.source


def test_seed_004_quotes_with_roles(seeds):
    quotes = {q.speaker: q for q in seeds["004"].quotes if q.kind == "direct"}
    assert quotes["Alexander Nemtsov"].role == "Political Scientist"
    assert quotes["Andrei Manoylo"].role.startswith("Political Scientist, Professor at Lomonosov")
    assert quotes["Alexander Nemtsov"].text.startswith("Belarusian products are regarded")


def test_seed_citations(seeds):
    assert "BelTA" in [c.name for c in seeds["002"].citations]
    assert "Kremlin press service" in [c.name for c in seeds["000"].citations]


def test_seed_003_dates(seeds):
    dates = {d.text: d for d in seeds["003"].dates}
    assert dates["6 декабря 2024 года"].date == "2024-12-06"
    assert dates["с 13 по 14 марта"].end_date is not None


def test_trade_turnover_figures(seeds):
    ru = [f for f in seeds["003"].figures if f.subject == "trade_turnover"]
    en = [f for f in seeds["004"].figures if f.subject == "trade_turnover"]
    assert [(f.value, f.unit) for f in ru] == [(50e9, "USD")]
    assert [(f.value, f.unit, f.approximate) for f in en] == [(60e9, "USD", True)]


def test_reported_speech_in_russian(seeds):
    reported = [q for q in seeds["003"].quotes if q.kind == "reported"]
    assert any(q.speaker_entity_id == "per-yuri-ushakov" and "поспешное" in q.text for q in reported)


@pytest.fixture(scope="module")
def sample_articles(tmp_path_factory, samples):
    with open_store(tmp_path_factory.mktemp("samples") / "s.db") as store:
        ingest(iter_documents([samples]), store)
        yield list(store.iter_articles())


def test_invented_people_link_across_languages(sample_articles):
    by_language: dict[str, set[str]] = {code: set() for code in SUPPORTED}
    for article in sample_articles:
        by_language[article.language].update(e.id for e in article.entities if e.type == "PER")
    shared = set.intersection(*by_language.values())
    for person in ("abnv", "mdl"):  # Nurlan Abenov, Rauf Mammadli / Мамедли, in every language
        assert any(entity_id.endswith(person) for entity_id in shared), sorted(shared)


def test_samples_have_quotes_citations_dates_figures(sample_articles):
    for field in ("quotes", "citations", "dates", "figures", "entities"):
        with_field = [a for a in sample_articles if getattr(a, field)]
        assert len(with_field) >= len(sample_articles) // 2, field
    speakers = {q.speaker_entity_id for a in sample_articles for q in a.quotes if q.speaker_entity_id}
    assert len(speakers) >= 10
