"""Schema migrations (Alembic) for SQLite and PostgreSQL stores.

A fresh database is created from the declarative schema and stamped with the head revision (one
``create_all`` is faster than replaying revisions, and a test checks both give the same schema).
A database at an older revision, or made before migrations existed (``nutgraf_meta`` says schema
version 3 or 4, no ``alembic_version``), is refused by :func:`check_schema` with the command that
fixes it: ``nutgraf db upgrade``, which runs :func:`upgrade`.

On PostgreSQL both creation and upgrade hold an advisory lock, so processes opening one new
database at once create it once.
"""

from __future__ import annotations

import os
from importlib.resources import files
from typing import Any

from sqlalchemy import Connection, Engine, inspect, select, text

from nutgraf.errors import StoreError

__all__ = [
    "HEAD_REVISION",
    "MIGRATIONS_LOCK",
    "check_schema",
    "create_schema",
    "current_revision",
    "lock_schema",
    "script_directory",
    "upgrade",
]

HEAD_REVISION = "0003"
"""The newest revision in migrations/versions; a test checks that Alembic agrees."""

MIGRATIONS_LOCK = 0x6E757467_0000
"""PostgreSQL advisory lock key held while a schema is created or migrated."""

UPGRADE_HINT = "nutgraf db upgrade"


def _script_location() -> str:
    """The migrations folder inside the installed package (works from a wheel: it is package data)."""
    return str(files("nutgraf.store") / "migrations")


def script_directory() -> Any:
    from alembic.script import ScriptDirectory

    return ScriptDirectory(_script_location())


def _config(connection: Connection) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", _script_location())
    config.attributes["connection"] = connection
    return config


def lock_schema(connection: Connection) -> None:
    """Serialize schema work between processes (PostgreSQL; SQLite's writer lock does it there)."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATIONS_LOCK})


def current_revision(connection: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def create_schema(connection: Connection) -> None:
    """Create every table of a fresh database and stamp it with the head revision."""
    from alembic.runtime.migration import MigrationContext

    from nutgraf.store.schema import SCHEMA_VERSION, Base, MetaRow

    Base.metadata.create_all(connection)
    MigrationContext.configure(connection).stamp(script_directory(), HEAD_REVISION)
    if connection.execute(select(MetaRow.value).where(MetaRow.key == "schema_version")).first() is None:
        connection.execute(MetaRow.__table__.insert().values(key="schema_version", value=SCHEMA_VERSION))


def _legacy_version(connection: Connection, tables: set[str]) -> str | None:
    if "nutgraf_meta" not in tables:
        return None
    return connection.execute(text("SELECT value FROM nutgraf_meta WHERE key = 'schema_version'")).scalar()


def check_schema(connection: Connection, where: str) -> None:
    """Raise :class:`StoreError` unless the database is at the head revision, saying what to run."""
    revision = current_revision(connection)
    if revision == HEAD_REVISION:
        return
    tables = set(inspect(connection).get_table_names())
    fix = f"run `{UPGRADE_HINT} --db {where}`"
    if revision is None:
        legacy = _legacy_version(connection, tables)
        if legacy is None:
            raise StoreError(f"{where} is not a Nutgraf database")
        raise StoreError(f"{where} has schema version {legacy}, older than this Nutgraf: {fix}")
    known = {script.revision for script in script_directory().walk_revisions()}
    if revision in known:
        raise StoreError(
            f"{where} is at schema revision {revision}, older than this Nutgraf ({HEAD_REVISION}): {fix}"
        )
    raise StoreError(f"{where} has schema revision {revision}, newer than this Nutgraf: upgrade Nutgraf")


def upgrade(db: str | os.PathLike[str] | None = None) -> tuple[str | None, str]:
    """Bring the store at ``db`` to the head revision (creating it when empty); returns the
    revisions before and after. Stores from before migrations are adopted (see revision 0001)."""
    from alembic import command

    from nutgraf.store import database_url, open_engine
    from nutgraf.store.schema import SCHEMA_VERSION

    engine: Engine = open_engine(database_url(db))
    try:
        with engine.begin() as connection:
            lock_schema(connection)
            before = current_revision(connection)
            command.upgrade(_config(connection), "head")
            connection.execute(
                text("UPDATE nutgraf_meta SET value = :v WHERE key = 'schema_version'"), {"v": SCHEMA_VERSION}
            )
            if before is None and _legacy_version(connection, {"nutgraf_meta"}) is None:
                connection.execute(
                    text("INSERT INTO nutgraf_meta(key, value) VALUES ('schema_version', :v)"),
                    {"v": SCHEMA_VERSION},
                )
            after = current_revision(connection)
        from nutgraf.store import search

        search.ensure_search_index(engine)
    finally:
        engine.dispose()
    return before, after or HEAD_REVISION
