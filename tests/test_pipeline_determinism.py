"""The same input in the same order gives the same articles and stories, whatever the batch size
and wherever restarts fell (issue 23): the furniture learner counts in input order, and what it
counted is stored with each article."""

from __future__ import annotations

from pathlib import Path

import pytest

from nutgraf.ingest.files import iter_documents
from nutgraf.pipeline import IngestOptions, ingest
from nutgraf.store import open_store
from templated_reports import KINDS, LANGUAGES, report

REPORTS = 28


@pytest.fixture(scope="module")
def wire(tmp_path_factory) -> list[Path]:
    """Templated reports of one outlet per language, one file each, in a fixed order; every page
    carries two lines of site furniture that only learning removes."""
    root = tmp_path_factory.mktemp("wire")
    files = []
    for n in range(REPORTS):
        language = LANGUAGES[n % 2]
        item = report(KINDS[(n // 2) % len(KINDS)], language, n)
        folder = root / ("northgate-wire" if language == "en" else "severny-telegraf")
        folder.mkdir(exist_ok=True)
        path = folder / f"{n:03d}.txt"
        path.write_text(item.text(), encoding="utf-8")
        files.append(path)
    return files


class _Killed(Exception):
    pass


def _run(files: list[Path], db: Path, batch_size: int, kills: list[int], monkeypatch) -> tuple[dict, list]:
    """Ingest ``files`` with ``batch_size``; with ``kills``, each run dies once it has stored that
    many articles in all, and the same input is run again, as a user re-runs a killed command."""
    from nutgraf.store import Store

    real = Store.add_grouped_article
    for limit in [*kills, None]:
        with open_store(db) as store:
            stored = store.count_articles()

            def add(self, *args, _limit=limit, **kwargs):
                nonlocal stored
                if _limit is not None and stored >= _limit:
                    raise _Killed
                result = real(self, *args, **kwargs)
                stored += result[2]
                return result

            monkeypatch.setattr(Store, "add_grouped_article", add)
            try:
                ingest(iter_documents(files), store, options=IngestOptions(batch_size=batch_size))
            except _Killed:
                assert limit is not None
            monkeypatch.setattr(Store, "add_grouped_article", real)
    with open_store(db) as store:
        articles = list(store.iter_articles())
    texts = {Path(a.source).name: a.text for a in articles}
    groups: dict[int | None, list[str]] = {}
    for article in articles:
        groups.setdefault(article.story_id, []).append(Path(article.source).name)
    return texts, sorted(sorted(group) for group in groups.values())


def test_restarts_and_batch_sizes_change_nothing(wire, tmp_path, monkeypatch):
    texts, stories = _run(wire, tmp_path / "one.db", 200, [], monkeypatch)
    assert len(texts) == REPORTS
    first = texts["000.txt"]
    assert "Save this story for later" not in first, "the first page is cleaned with its template known"
    for batch_size, kills in ((1, []), (3, []), (4, [3, 11, 19]), (200, [1, 2, 26])):
        again, again_stories = _run(wire, tmp_path / f"run-{batch_size}.db", batch_size, kills, monkeypatch)
        assert again == texts, (batch_size, kills, [k for k in texts if again.get(k) != texts[k]])
        assert again_stories == stories, (batch_size, kills)


def test_a_sparse_source_is_cleaned_alike_whatever_the_batch(tmp_path):
    """One source's three pages far apart among forty single pages (found in review): its first
    page is cleaned with the counts of the 16 documents after it, never of the rest of a batch."""
    import json

    records = []
    for n in range(40):
        source = "Elvane Daily" if n in (0, 20, 39) else f"Outlet {n}"
        text = (
            f"Harbour works {n} begin\n\nWorkers in Port Elvane began repairs on berth {n} on Monday, "
            f"the harbour authority said in a statement.\n\nSubscribe to Elvane Daily"
        )
        records.append({"id": f"r{n}", "source": source, "text": text})
    feed = tmp_path / "records.jsonl"
    feed.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    texts = []
    for batch_size in (1, 7, 200):
        with open_store(tmp_path / f"b{batch_size}.db") as store:
            ingest(iter_documents([feed]), store, options=IngestOptions(batch_size=batch_size))
            texts.append({a.external_id: a.text for a in store.iter_articles()})
    assert texts[0] == texts[1] == texts[2]


def _stored(db: Path) -> tuple[dict, list, dict]:
    with open_store(db) as store:
        articles = list(store.iter_articles())
    texts = {Path(a.source).name: a.text for a in articles}
    summaries = {Path(a.source).name: a.summary for a in articles}
    groups: dict[int | None, list[str]] = {}
    for article in articles:
        groups.setdefault(article.story_id, []).append(Path(article.source).name)
    return texts, sorted(sorted(group) for group in groups.values()), summaries


@pytest.mark.slow
def test_a_worker_pool_stores_what_one_process_stores(wire, tmp_path, monkeypatch):
    """With a pool the workers enrich a batch while this process stores the one before (issue 25):
    the same articles, summaries and stories as in one process, in the same order."""
    import nutgraf.pipeline as pipeline

    with open_store(tmp_path / "one.db") as store:
        ingest(iter_documents(wire), store, options=IngestOptions(batch_size=5, workers=1))
    monkeypatch.setattr(pipeline, "PARALLEL_MIN_ARTICLES", 2)  # every batch goes to the pool
    with open_store(tmp_path / "pool.db") as store:
        report = ingest(iter_documents(wire), store, options=IngestOptions(batch_size=5, workers=2))
        order = [Path(a.source).name for a in store.iter_articles()]
    assert report.new == REPORTS and not report.failures
    assert _stored(tmp_path / "pool.db") == _stored(tmp_path / "one.db")
    assert order == [path.name for path in wire]


def test_a_document_repeated_in_one_run_is_understood_once(wire, tmp_path, monkeypatch):
    """A second copy read in the same run (same URL, same bytes or same clean text from the same
    outlet) is a duplicate of the first without being enriched (issue 25)."""
    import nutgraf.pipeline as pipeline

    copies = tmp_path / "copies" / "northgate-wire"
    copies.mkdir(parents=True)
    english = [path for path in wire if path.parent.name == "northgate-wire"][:3]
    files = []
    for n, path in enumerate(english):
        for copy in ("a", "b"):
            files.append(copies / f"{n}{copy}.txt")
            files[-1].write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    enriched: list[str] = []
    real = pipeline.enrich

    def counting(articles, options=None):
        enriched.extend(Path(a.source).name for a in articles)
        return real(articles, options)

    monkeypatch.setattr(pipeline, "enrich", counting)
    with open_store(tmp_path / "copies.db") as store:
        report = ingest(iter_documents([copies.parent]), store, options=IngestOptions(batch_size=4))
        assert store.count_articles() == 3
    assert report.new == 3 and report.duplicates == 3
    assert sorted(enriched) == ["0a.txt", "1a.txt", "2a.txt"]
    assert len(set(report.article_ids)) == 3 and len(report.article_ids) == 6
