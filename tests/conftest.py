"""Shared fixtures: a temporary store per test, the sample corpus, and ../shared when present."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nutgraf.cli import sample_corpus
from nutgraf.store import open_store

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
