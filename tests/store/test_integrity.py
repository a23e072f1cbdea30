"""An article and its story are stored in one transaction; a store left half-written by an older
Nutgraf is reported by ``nutgraf db check`` and repaired (by ``--repair`` or the next ingest)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from nutgraf.cli import app
from nutgraf.model import Article, RawDocument
from nutgraf.pipeline import ingest
from nutgraf.store import Store


def _article(number: int) -> Article:
    return Article(
        source=f"{number}.txt",
        text=f"The harbour authority of Port Elvane closed berth {number} on Tuesday for repairs.",
        title=f"Berth {number} closed",
        language="en",
        content_hash=f"h{number}",
        source_key="folder",
        outlet="Harbour Post",
    )


def _raw(number: int) -> RawDocument:
    return RawDocument(
        origin=f"{number}.txt",
        source_key="harbour-post",
        kind="text",
        content=(
            f"Berth {number} closed at Port Elvane\n\n"
            f"The harbour authority of Port Elvane closed berth {number} on Tuesday for repairs to its "
            f"crane rails, the authority's spokeswoman Mira Dunmore said. Ships due at berth {number} "
            "will dock at the north quay until the work ends next month."
        ),
        outlet="Harbour Post",
    )


def test_an_article_and_its_new_story_are_one_transaction(store: Store, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("killed between storing the article and placing it")

    monkeypatch.setattr(Store, "_place", staticmethod(broken))
    with pytest.raises(RuntimeError):
        store.add_grouped_article(_article(1), outlet_key="o", raw_hash="r1", features={}, story_id=None)
    assert store.count_articles() == 0 and store.list_stories() == []
    assert store.integrity() == {"orphans": [], "empty": []}


def test_a_duplicate_returns_the_stored_story_and_changes_nothing(store: Store):
    first = store.add_grouped_article(_article(1), outlet_key="o", raw_hash="r1", features={}, story_id=None)
    again = store.add_grouped_article(_article(1), outlet_key="o", raw_hash="r1", features={}, story_id=None)
    assert first[2] and not again[2] and again[:2] == first[:2]
    assert len(store.list_stories()) == 1


def _half_written(store: Store) -> None:
    """What a kill between the two transactions of an older Nutgraf left: two well-stored
    articles, one article in no story, one story with no article."""
    report = ingest([_raw(1), _raw(2)], store)
    assert report.new == 2
    store.add_article(_article(3), outlet_key="harbour-post", raw_hash="r3", features={})
    store.create_story("Berth 4 closed", None)


def test_the_next_ingest_repairs_a_half_written_store(db_url):
    from nutgraf.store import open_store

    with open_store(db_url) as store:
        _half_written(store)
        found = store.integrity()
        assert len(found["orphans"]) == 1 and len(found["empty"]) == 1
        report = ingest([_raw(5)], store)
        assert report.repaired == 1 and report.new == 1 and "1 repaired" in report.summary_line()
        assert store.integrity() == {"orphans": [], "empty": []}
        assert store.count_articles() == 4


def test_db_check_reports_and_repairs(tmp_path):
    from nutgraf.store import open_store

    db = str(tmp_path / "check.db")
    with open_store(db) as store:
        _half_written(store)
    runner = CliRunner()
    checked = runner.invoke(app, ["db", "check", "--db", db, "--json"])
    assert checked.exit_code == 1
    found = json.loads(checked.stdout)["found"]
    assert len(found["orphans"]) == 1 and len(found["empty"]) == 1
    repaired = runner.invoke(app, ["db", "check", "--db", db, "--repair"])
    assert repaired.exit_code == 0, repaired.output
    assert "repaired: 1 placed; now 0 in no story, 0 empty" in repaired.stdout
    assert runner.invoke(app, ["db", "check", "--db", db]).exit_code == 0
