"""Shared fixtures: a temporary store per test, the sample corpus, and ../shared when present."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from nutgraf.cli import sample_corpus
from nutgraf.store import open_store
from pg import PostgresServer, start_postgres

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "test.db") as handle:
        yield handle


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "cli.db"


@pytest.fixture(scope="session")
def samples() -> Path:
    return sample_corpus()


@pytest.fixture(scope="session")
def gold() -> dict:
    return json.loads((FIXTURES / "samples_gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def postgres() -> PostgresServer:
    """A throwaway PostgreSQL server (tests/pg.py) for the whole session; skips outside CI when
    none can be started, fails in CI."""
    try:
        server = start_postgres()
    except RuntimeError as exc:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"no PostgreSQL server could be started: {exc}")
    yield server
    server.stop()


@pytest.fixture
def pg_url(postgres) -> str:
    """A fresh, empty PostgreSQL database on the session's server."""
    return postgres.create_database()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> str:
    """A fresh database URL on each back-end: the store, search and migration tests run on both."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'test.db'}"
    return request.getfixturevalue("pg_url")
