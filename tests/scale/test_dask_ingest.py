"""Ingest on a Dask LocalCluster (2 worker processes) with one worker killed mid-batch: every
article is stored exactly once, with the same stories as the in-process path."""

from __future__ import annotations

import os
import signal
import threading
import time

import pytest

from nutgraf.ingest import iter_documents
from nutgraf.pipeline import IngestOptions, ingest
from nutgraf.store import open_store

distributed = pytest.importorskip(
    "distributed", reason="dask[distributed] is not installed (the 'dask' extra)"
)

KILL_WAIT_S = 300


def partition(store) -> set[frozenset[str]]:
    sources = {a.id: a.source for a in store.iter_articles()}
    return {frozenset(sources[i] for i in story.article_ids) for story in store.list_stories()}


def _kill_a_busy_worker(client, killed: list[int]) -> None:
    """Once a worker is running a task, SIGKILL its process (its nanny starts a new one)."""
    deadline = time.monotonic() + KILL_WAIT_S
    while time.monotonic() < deadline:
        busy = [address for address, keys in client.processing().items() if keys]
        if busy:
            pid = client.run(os.getpid, workers=[busy[0]])[busy[0]]
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)
            return
        time.sleep(0.05)


@pytest.mark.slow
def test_a_killed_worker_loses_no_article(samples, tmp_path):
    with open_store(tmp_path / "local.db") as store:
        expected_report = ingest(iter_documents([samples]), store)
        expected = partition(store)

    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as observer,
        open_store(tmp_path / "dask.db") as store,
    ):
        killed: list[int] = []
        killer = threading.Thread(target=_kill_a_busy_worker, args=(observer, killed), daemon=True)
        killer.start()
        report = ingest(
            iter_documents([samples]), store, options=IngestOptions(dask=cluster.scheduler_address)
        )
        killer.join(timeout=5)
        assert killed, "no worker was ever busy"
        assert report.failures == [] and report.new == expected_report.new
        assert len(report.article_ids) == len(set(report.article_ids)) == store.count_articles()
        assert partition(store) == expected
