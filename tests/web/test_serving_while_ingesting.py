"""The web app reads while an ingest writes into the same store: no errors on either side."""

from __future__ import annotations

import threading

import pytest

from nutgraf.ingest import iter_documents
from nutgraf.pipeline import IngestOptions, ingest
from nutgraf.store import open_store


@pytest.mark.slow
def test_reading_while_an_ingest_writes(db_url, samples):
    from fastapi.testclient import TestClient

    from nutgraf.web import WebSettings, create_app

    with open_store(db_url):
        pass  # create the schema before the app opens the store
    outcome: dict[str, object] = {}

    def writer() -> None:
        try:
            with open_store(db_url) as store:
                outcome["report"] = ingest(
                    iter_documents([samples / "meridian-daily", samples / "vestnik-pribrezhya"]),
                    store,
                    options=IngestOptions(
                        batch_size=4
                    ),  # a batch is one transaction: let readers see several
                )
        except Exception as exc:  # reported to the test below
            outcome["error"] = exc

    statuses: list[int] = []
    sizes: list[int] = []
    with TestClient(create_app(db_url, WebSettings())) as client:
        thread = threading.Thread(target=writer)
        thread.start()
        while thread.is_alive() or len(statuses) < 10:
            listed = client.get("/api/stories?limit=100")
            statuses += [listed.status_code, client.get("/").status_code]
            if listed.status_code == 200:
                sizes.append(listed.json()["total"])
        thread.join()
        final = client.get("/api/stories?limit=100").json()["total"]
    assert "error" not in outcome, outcome.get("error")
    report = outcome["report"]
    assert report.failures == [] and report.new > 0
    assert set(statuses) == {200}, statuses
    assert sizes == sorted(sizes) and final >= sizes[-1] and final > 0
