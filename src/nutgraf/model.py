"""Plain data that flows between the stages: source -> clean -> understand -> group -> summarize -> store.

Everything here is a dataclass of built-in types, so it pickles (for Dask workers) and
serialises to JSON without custom code. No stage object holds a store, a session or a model.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any, Literal

__all__ = [
    "MAX_ID",
    "Article",
    "Citation",
    "DateMention",
    "Entity",
    "Failure",
    "Figure",
    "IngestReport",
    "IngestWarning",
    "Mention",
    "Quote",
    "RawDocument",
    "Sentence",
    "Story",
    "to_dict",
]

DocumentKind = Literal["html", "text"]


MAX_ID = 2**63 - 1
"""The largest id a database integer holds: a larger one names nothing (and would overflow)."""


@dataclass(slots=True)
class RawDocument:
    """One document as a reader found it, before cleaning.

    ``origin`` says where it came from (a path, ``path#L12`` for a JSONL line, a URL, ``<stdin>``);
    ``source_key`` groups documents that share a site template (same outlet or same folder), which
    is what the learned furniture filter counts repeated lines over.
    """

    origin: str
    content: str
    kind: DocumentKind
    source_key: str
    url: str | None = None
    title: str | None = None
    published: datetime | None = None
    outlet: str | None = None
    language: str | None = None
    external_id: str | None = None
    author: str | None = None
    folder_outlet: str | None = None
    """The outlet named by the folder the file sits in, read with ``--folder-outlets``: used only
    when neither the document, ``--outlet`` nor the page's own metadata names one (docs/sources.md)."""


@dataclass(slots=True)
class Sentence:
    """A sentence of an article's clean text, with character offsets into that text."""

    text: str
    start: int
    end: int
    paragraph: int


@dataclass(slots=True)
class Mention:
    """One occurrence of a named entity in an article's text."""

    text: str
    start: int
    end: int
    type: str
    entity_id: str | None = None


@dataclass(slots=True)
class Entity:
    """A canonical entity (person, organisation, place) as it appears in one article."""

    id: str
    name: str
    type: str
    mentions: int = 0
    names: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class Quote:
    """A direct (``kind="direct"``) or reported (``kind="reported"``) statement and who made it."""

    text: str
    speaker: str | None = None
    speaker_entity_id: str | None = None
    role: str | None = None
    kind: str = "direct"
    start: int = -1
    end: int = -1


@dataclass(slots=True)
class Citation:
    """A source the article cites ("according to BelTA"), normalised to a name."""

    name: str
    text: str = ""
    start: int = -1
    end: int = -1


@dataclass(slots=True)
class DateMention:
    """A date expression in the text, resolved to a calendar date when possible.

    ``date`` is ISO ``YYYY-MM-DD`` (the first day of a range); ``end_date`` closes a range
    ("с 13 по 14 марта"). ``certainty`` says how the date was resolved: ``exact`` (day, month and
    year written), ``inferred-year`` (year taken from the publication date or the text),
    ``relative`` ("yesterday", "next week", "в понедельник") or ``unresolved`` (no anchor date).
    ``start``/``end`` are character offsets into the article text. ``granularity`` says how much of
    ``date`` the text gives: ``day``, ``week`` (``date`` is its Monday: "next week"), ``month`` (its
    1st: "в марте прошлого года") or ``year`` (January 1: "last year", "in 2019").
    """

    text: str
    date: str | None = None
    certainty: str = "exact"
    end_date: str | None = None
    start: int = -1
    end: int = -1
    granularity: str = "day"


@dataclass(slots=True)
class Figure:
    """A number with its unit and scale, and the subject it measures.

    ``value`` is fully scaled ("$50 billion" -> 50e9), ``unit`` is a normalised unit ("USD",
    "RUB", "percent", "km", "people", "tonnes"), ``subject`` a language-independent key of what
    is measured ("trade_turnover") or, failing that, the words it measures; ``period`` is when
    ("2024", "last year"); ``approximate`` marks "nearly", "about", "около", "почти".
    """

    text: str
    value: float
    unit: str | None = None
    subject: str | None = None
    period: str | None = None
    approximate: bool = False
    start: int = -1
    end: int = -1


@dataclass(slots=True)
class Article:
    """A cleaned, understood article, ready to store."""

    source: str
    text: str
    title: str
    language: str
    content_hash: str
    source_key: str
    url: str | None = None
    outlet: str | None = None
    published: datetime | None = None
    author: str | None = None
    external_id: str | None = None
    title_derived: bool = False
    """True when the text came without a headline and ``title`` is a stand-in cut from its first
    sentence (``nutgraf.clean.text.title_from_sentence``): a story is titled by a real headline when
    one of its articles has one (``nutgraf.stories.story_title``)."""
    id: int | None = None
    story_id: int | None = None
    copy_of: int | None = None
    sentences: list[Sentence] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    removed_lines: list[str] = field(default_factory=list)
    embedding: list[float] | None = None
    """Unit lead embedding for grouping (not stored on its own; it goes into the features)."""
    grouping: dict | None = None
    """Its grouping features (``nutgraf.stories.features.Features.to_dict``), computed where it
    was enriched (a worker), so that the one process that groups and stores only decides."""
    search_terms: str | None = None
    """The keys its title and text are indexed under for search (``nutgraf.lang.keys.terms_of``),
    computed where it was enriched; None when not computed (the store computes them then)."""


@dataclass(slots=True)
class Story:
    """A group of articles that report one event."""

    id: int
    title: str
    article_ids: list[int] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    first_published: datetime | None = None
    last_published: datetime | None = None


@dataclass(slots=True)
class Failure:
    """An input that could not be ingested, kept as data so a batch can report it."""

    origin: str
    reason: str
    error: str


@dataclass(slots=True)
class IngestWarning:
    """Something dropped from an input that was ingested all the same; ``field`` names what (a
    publication date outside the sane range: nutgraf.ingest.sanitize)."""

    origin: str
    reason: str
    field: str


@dataclass(slots=True)
class IngestReport:
    """What one ingest run did: counts plus the failures with their reasons, and the warnings."""

    new: int = 0
    duplicates: int = 0
    failures: list[Failure] = field(default_factory=list)
    article_ids: list[int] = field(default_factory=list)
    warnings: list[IngestWarning] = field(default_factory=list)
    repaired: int = 0
    """Articles found in no story (left by an older Nutgraf killed mid-ingest) and placed now."""

    @property
    def failed(self) -> int:
        return len(self.failures)

    @property
    def read(self) -> int:
        """Inputs that became articles, new or already stored."""
        return self.new + self.duplicates

    def summary_line(self) -> str:
        line = f"{self.new} new, {self.duplicates} duplicates, {self.failed} failed"
        if self.warnings:
            line += f", {len(self.warnings)} warning{'' if len(self.warnings) == 1 else 's'}"
        return line + (f", {self.repaired} repaired" if self.repaired else "")


def to_dict(obj: Any) -> Any:
    """A JSON-ready copy of a dataclass (datetimes become ISO strings)."""
    if hasattr(obj, "__dataclass_fields__"):
        obj = asdict(obj)
    return _jsonable(obj)


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value
