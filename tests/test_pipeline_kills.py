"""Fault test: ``nutgraf ingest`` killed with SIGKILL at random points, on SQLite and PostgreSQL.

After every kill the store must hold no article outside a story, no story without an article and
no article twice; re-running the same command must then complete the corpus, with the texts and
the stories of one uninterrupted run. CI runs ``NUTGRAF_FAULT_KILLS`` kills per database (default 2);
the closing figures came from ``NUTGRAF_FAULT_KILLS=50 pytest tests/test_pipeline_kills.py``.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import pytest
from sqlalchemy import func, select

from nutgraf.store import open_store
from nutgraf.store.schema import ArticleRow

KILLS = int(os.environ.get("NUTGRAF_FAULT_KILLS", "2"))
SEED = int(os.environ.get("NUTGRAF_FAULT_SEED", "23"))
SLOWEST_RUN_S = 300
"""A whole uninterrupted ingest of the sample corpus takes ~9 s here; this only stops a hang."""


_DRIVER = """
import sys
from nutgraf.ingest.files import iter_documents
from nutgraf.pipeline import IngestOptions, ingest
from nutgraf.store import open_store

with open_store(sys.argv[2]) as store:
    ingest(iter_documents([sys.argv[1]]), store, options=IngestOptions(batch_size=8))
"""
"""What ``nutgraf ingest`` runs, with batches of 8 so that kills fall between and inside batches."""


def _ingest(samples, db: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", _DRIVER, str(samples), db],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def _partition(db: str) -> tuple[dict[str, str], list[list[str]]]:
    """Each stored article's text by its source, and the stories as sorted lists of sources."""
    with open_store(db) as store:
        groups: dict[int | None, list[str]] = {}
        texts = {}
        for article in store.iter_articles():
            groups.setdefault(article.story_id, []).append(article.source)
            texts[article.source] = article.text
        return texts, sorted(sorted(g) for g in groups.values())


def _check_whole(db: str) -> int:
    """The invariants a kill must never break; returns how many articles are stored."""
    with open_store(db) as store:
        assert store.integrity() == {"orphans": [], "empty": []}
        with store.session() as session:
            count = session.scalar(select(func.count()).select_from(ArticleRow))
            sources = session.scalar(select(func.count(func.distinct(ArticleRow.source))))
        assert count == sources, "an input stored twice"
        return count


@pytest.fixture(params=["sqlite", "postgresql"])
def fresh_db(request, tmp_path):
    """A factory of empty databases on one back-end."""
    made = iter(range(10**6))
    if request.param == "sqlite":
        return lambda: f"sqlite:///{tmp_path / f'killed-{next(made)}.db'}"
    server = request.getfixturevalue("postgres")
    return server.create_database


@pytest.mark.slow
def test_kills_at_random_points_lose_nothing_and_double_nothing(samples, fresh_db, tmp_path):
    clean_db = f"sqlite:///{tmp_path / 'uninterrupted.db'}"
    started = time.monotonic()
    run = _ingest(samples, clean_db)
    assert run.wait(SLOWEST_RUN_S) == 0, run.stderr.read().decode()
    full = time.monotonic() - started
    expected = _partition(clean_db)

    rng = random.Random(SEED)
    db = fresh_db()
    stored_at_kills: list[int] = []
    completed = 0
    while len(stored_at_kills) < KILLS:
        run = _ingest(samples, db)
        time.sleep(rng.uniform(0.2, full))
        if run.poll() is None:
            os.killpg(run.pid, signal.SIGKILL)
            run.wait(SLOWEST_RUN_S)
            stored_at_kills.append(_check_whole(db))
            continue
        # The run finished before its kill: it must have completed the corpus exactly as an
        # uninterrupted run does; the next kills start on an empty database.
        assert run.returncode == 0, run.stderr.read().decode()
        assert _check_whole(db) == len(expected[0]) and _partition(db) == expected
        completed += 1
        db = fresh_db()
    run = _ingest(samples, db)
    assert run.wait(SLOWEST_RUN_S) == 0, run.stderr.read().decode()
    assert _check_whole(db) == len(expected[0]) and _partition(db) == expected
    print(f"{KILLS} kills (articles stored at each: {stored_at_kills}); {completed + 1} runs completed")
