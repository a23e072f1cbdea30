"""A small invented corpus, ingested once through the real pipeline, for the web tests.

Two events: a new ferry across an invented lake in Finland (two English reports that disagree
on its cost, a Russian one, and a syndicated copy), and a library reopening; plus one article
whose title and text are HTML, which must always render as text.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest
from webcorpus import RECORDS

from nutgraf.ingest import iter_documents
from nutgraf.pipeline import ingest
from nutgraf.store import open_store


@pytest.fixture(scope="session", autouse=True)
def _served_at_its_own_address():
    """TestClient sends ``Host: testserver`` by default, a name the app refuses (it answers only to
    the names it is served under: issue 23, DNS rebinding). Without weakening that check, the web
    tests reach the app as a browser on this machine does: at http://127.0.0.1:8000, the address of
    the default WebSettings. A test that passes its own ``base_url`` keeps it."""
    from starlette.testclient import TestClient

    original = TestClient.__init__

    @functools.wraps(original)
    def init(self, app, base_url: str = "http://127.0.0.1:8000", *args, **kwargs):
        original(self, app, base_url, *args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(TestClient, "__init__", init)
        yield


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory) -> Path:
    """The invented corpus, ingested through the real pipeline into a session-wide database."""
    folder = tmp_path_factory.mktemp("web-corpus")
    source = folder / "records.jsonl"
    source.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in RECORDS) + "\n", encoding="utf-8")
    db = folder / "web.db"
    with open_store(db) as store:
        report = ingest(iter_documents([source]), store)
    assert report.failures == [] and report.new == len(RECORDS), report
    return db


@pytest.fixture(scope="session")
def corpus_store(corpus_db):
    with open_store(corpus_db) as store:
        yield store


@pytest.fixture(scope="session")
def client(corpus_store):
    from fastapi.testclient import TestClient

    from nutgraf.web import WebSettings, create_app

    with TestClient(create_app(corpus_store, WebSettings())) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def ids(corpus_store) -> dict[str, int]:
    """Article ids by record id."""
    return {a.external_id: a.id for a in corpus_store.iter_articles()}
