"""Two processes ingesting the same files into one PostgreSQL database at once store every article
once and make the same stories as one ingest (unique constraints + the store's writer lock)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from nutgraf.cli import app
from nutgraf.store import open_store

INGEST_TIMEOUT_S = 600


def partition(store) -> set[frozenset[str]]:
    """Stories as sets of their articles' sources: comparable across databases and id orders."""
    sources = {a.id: a.source for a in store.iter_articles()}
    return {frozenset(sources[i] for i in story.article_ids) for story in store.list_stories()}


@pytest.mark.slow
def test_two_processes_ingesting_at_once_make_no_duplicates(pg_url, samples, tmp_path):
    command = [sys.executable, "-c", "from nutgraf.cli import main; main()", "ingest", str(samples)]
    command += ["--db", pg_url, "--workers", "1", "--json"]
    processes = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)
    ]
    outputs = [process.communicate(timeout=INGEST_TIMEOUT_S) for process in processes]
    for process, (_, stderr) in zip(processes, outputs, strict=True):
        assert process.returncode == 0, stderr[-2000:]

    reference = tmp_path / "one.db"
    result = CliRunner().invoke(app, ["ingest", str(samples), "--db", str(reference), "--workers", "1", "-q"])
    assert result.exit_code == 0, result.output
    with open_store(reference) as one, open_store(pg_url) as both:
        expected = one.count_articles()
        assert both.count_articles() == expected
        reports = [json.loads(stdout) for stdout, _ in outputs]
        assert sum(r["new"] for r in reports) == expected  # each article stored by exactly one writer
        assert all(r["new"] + r["duplicates"] == expected for r in reports)
        with both.engine.connect() as connection:
            repeated = connection.execute(
                text(
                    "SELECT count(*) FROM (SELECT source FROM articles GROUP BY source HAVING count(*) > 1) r"
                )
            ).scalar_one()
            orphans = connection.execute(
                text(
                    "SELECT count(*) FROM stories s WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.story_id = s.id)"
                )
            ).scalar_one()
        assert repeated == 0 and orphans == 0
        assert partition(both) == partition(one)
