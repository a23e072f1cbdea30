"""The watcher's memory in the store: sources, their HTTP validators and errors, and seen entries.

Kept in the database rather than in a state file so that a restarted ``nutgraf watch`` continues
where it stopped, and so the web app reads the same list. Each function is its own transaction.
Timestamps are naive UTC, as everywhere in the store.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from sqlalchemy import delete, func, or_, select

from nutgraf.errors import NotFound
from nutgraf.store import Store, _naive, _now
from nutgraf.store.schema import SourceEntryRow, SourceRow

__all__ = [
    "ENTRY_DONE",
    "ENTRY_FAILED",
    "ENTRY_PENDING",
    "EntryState",
    "Source",
    "add_source",
    "due_sources",
    "get_source",
    "known_entries",
    "list_sources",
    "mark_entries",
    "record_failure",
    "record_success",
    "remove_source",
]

ENTRY_DONE = "done"
ENTRY_FAILED = "failed"
ENTRY_PENDING = "pending"

_KEYS_PER_QUERY = 500
"""Entry keys per ``IN (...)`` query: well under SQLite's 32,766 bound-parameter limit."""


@dataclass(slots=True)
class Source:
    """A polled feed or sitemap, as stored."""

    id: int
    url: str
    name: str | None
    language: str | None
    allow_private: bool
    kind: str | None
    feed_title: str | None
    etag: str | None
    last_modified: str | None
    added_at: datetime
    last_polled_at: datetime | None
    last_success_at: datetime | None
    next_poll_at: datetime | None
    failures: int
    last_error: str | None
    failing: bool
    entries: int = 0
    """Entries dealt with (ingested, folded as duplicates, or given up on)."""

    @property
    def outlet(self) -> str | None:
        """The outlet name articles from this source get: the name given, else the feed's title."""
        return self.name or self.feed_title

    @property
    def display_name(self) -> str:
        return self.name or self.feed_title or urlsplit(self.url).hostname or self.url


@dataclass(slots=True)
class EntryState:
    status: str
    attempts: int


def _source(row: SourceRow, entries: int = 0) -> Source:
    return Source(
        id=row.id,
        url=row.url,
        name=row.name,
        language=row.language,
        allow_private=bool(row.allow_private),
        kind=row.kind,
        feed_title=row.feed_title,
        etag=row.etag,
        last_modified=row.last_modified,
        added_at=row.added_at,
        last_polled_at=row.last_polled_at,
        last_success_at=row.last_success_at,
        next_poll_at=row.next_poll_at,
        failures=row.failures or 0,
        last_error=row.last_error,
        failing=bool(row.failing),
        entries=entries,
    )


def add_source(
    store: Store,
    url: str,
    *,
    name: str | None = None,
    language: str | None = None,
    allow_private: bool = False,
) -> tuple[Source, bool]:
    """Add a source, or update one with this URL; returns (source, created).

    Adding an existing URL again is how a user revives a source marked failing: its error count
    and backoff are reset, and the name, language and ``allow_private`` given replace the old ones
    (a name or language not given is kept)."""
    with store.session() as session, session.begin():
        row = session.scalar(select(SourceRow).where(SourceRow.url == url))
        created = row is None
        if row is None:
            row = SourceRow(url=url, added_at=_now(), failures=0, failing=False)
            session.add(row)
        if name is not None or created:
            row.name = name
        if language is not None or created:
            row.language = language
        row.allow_private = allow_private
        row.failures = 0
        row.failing = False
        row.next_poll_at = None
        row.last_error = None
        session.flush()
        return _source(row), created


def _entry_counts(session, source_ids: list[int]) -> dict[int, int]:
    if not source_ids:
        return {}
    rows = session.execute(
        select(SourceEntryRow.source_id, func.count())
        .where(SourceEntryRow.source_id.in_(source_ids), SourceEntryRow.status != ENTRY_PENDING)
        .group_by(SourceEntryRow.source_id)
    ).all()
    return {source_id: count for source_id, count in rows}


def list_sources(store: Store) -> list[Source]:
    """Every source, in the order they were added."""
    with store.session() as session:
        rows = session.scalars(select(SourceRow).order_by(SourceRow.id)).all()
        counts = _entry_counts(session, [row.id for row in rows])
    return [_source(row, counts.get(row.id, 0)) for row in rows]


def get_source(store: Store, ref: str | int) -> Source:
    """A source by id, URL or name (case-insensitive); raises :class:`NotFound`."""
    text = str(ref).strip()
    with store.session() as session:
        conditions = [SourceRow.url == text, func.lower(SourceRow.name) == text.lower()]
        if text.isdigit():
            conditions.append(SourceRow.id == int(text))
        rows = session.scalars(select(SourceRow).where(or_(*conditions)).order_by(SourceRow.id)).all()
        if not rows:
            raise NotFound(f"no source {text!r} (see nutgraf sources list)")
        if len(rows) > 1:
            raise NotFound(f"{len(rows)} sources match {text!r}: give its id or URL")
        counts = _entry_counts(session, [rows[0].id])
        return _source(rows[0], counts.get(rows[0].id, 0))


def remove_source(store: Store, ref: str | int) -> Source:
    """Remove a source and its seen entries (its articles stay in the store)."""
    source = get_source(store, ref)
    with store.session() as session, session.begin():
        session.execute(delete(SourceEntryRow).where(SourceEntryRow.source_id == source.id))
        session.execute(delete(SourceRow).where(SourceRow.id == source.id))
    return source


def due_sources(store: Store, now: datetime | None = None) -> list[Source]:
    """Sources to poll now: not marked failing, and not backing off past ``now``."""
    moment = _naive(now) or _now()
    with store.session() as session:
        rows = session.scalars(
            select(SourceRow)
            .where(
                SourceRow.failing.is_(False),
                or_(SourceRow.next_poll_at.is_(None), SourceRow.next_poll_at <= moment),
            )
            .order_by(SourceRow.id)
        ).all()
    return [_source(row) for row in rows]


def record_success(
    store: Store,
    source_id: int,
    *,
    etag: str | None,
    last_modified: str | None,
    kind: str | None = None,
    feed_title: str | None = None,
    warning: str | None = None,
    now: datetime | None = None,
) -> None:
    """A poll that worked (a 304 included): keep the validators, clear the error count."""
    moment = _naive(now) or _now()
    with store.session() as session, session.begin():
        row = session.get(SourceRow, source_id)
        if row is None:
            return  # removed while being polled
        row.etag = etag if etag is not None else row.etag
        row.last_modified = last_modified if last_modified is not None else row.last_modified
        row.kind = kind or row.kind
        row.feed_title = feed_title[:512] if feed_title else row.feed_title
        row.last_polled_at = moment
        row.last_success_at = moment
        row.failures = 0
        row.failing = False
        row.next_poll_at = None
        row.last_error = warning


def record_failure(
    store: Store,
    source_id: int,
    error: str,
    *,
    next_poll_at: datetime | None,
    max_failures: int,
    now: datetime | None = None,
) -> Source | None:
    """A failed poll: count it, remember why and when to try again; at ``max_failures`` in a row the
    source is marked failing and is no longer polled until it is added again."""
    moment = _naive(now) or _now()
    with store.session() as session, session.begin():
        row = session.get(SourceRow, source_id)
        if row is None:
            return None
        row.failures = (row.failures or 0) + 1
        row.last_error = error
        row.last_polled_at = moment
        row.next_poll_at = _naive(next_poll_at)
        row.failing = row.failures >= max_failures
        return _source(row)


def known_entries(store: Store, source_id: int, keys: Iterable[str]) -> dict[str, EntryState]:
    """The stored state of those of ``keys`` the source has seen before."""
    wanted = list(dict.fromkeys(keys))
    found: dict[str, EntryState] = {}
    with store.session() as session:
        for start in range(0, len(wanted), _KEYS_PER_QUERY):
            chunk = wanted[start : start + _KEYS_PER_QUERY]
            for key, status, attempts in session.execute(
                select(SourceEntryRow.entry_key, SourceEntryRow.status, SourceEntryRow.attempts).where(
                    SourceEntryRow.source_id == source_id, SourceEntryRow.entry_key.in_(chunk)
                )
            ):
                found[key] = EntryState(status, attempts or 0)
    return found


def mark_entries(
    store: Store,
    source_id: int,
    entries: Iterable[tuple[str, str | None, str, str | None]],
    now: datetime | None = None,
) -> None:
    """Record ``(key, url, status, error)`` for entries of a source, counting attempts."""
    moment = _naive(now) or _now()
    with store.session() as session, session.begin():
        if session.get(SourceRow, source_id) is None:
            return  # removed while being polled
        for key, url, status, error in entries:
            row = session.get(SourceEntryRow, (source_id, key))
            if row is None:
                row = SourceEntryRow(
                    source_id=source_id, entry_key=key, first_seen=moment, attempts=0, status=status
                )
                session.add(row)
            row.url = url[:2048] if url else None
            row.status = status
            row.error = error
            row.attempts = (row.attempts or 0) + 1
            row.updated_at = moment
