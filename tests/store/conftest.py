"""The store tests run on SQLite and on PostgreSQL (see ``db_url`` in tests/conftest.py)."""

from __future__ import annotations

import pytest

from nutgraf.store import open_store


@pytest.fixture
def store(db_url):
    with open_store(db_url) as handle:
        yield handle
