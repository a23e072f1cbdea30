"""Shapes of the JSON API, for validation of what comes in and for the OpenAPI document.

Response models allow extra fields: a story's view grows with the stories issue, and a client
reading the documented fields keeps working.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Generic, Self, TypeVar

from fastapi import Path
from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr, model_validator

from nutgraf.model import MAX_ID
from nutgraf.web.examples import example

__all__ = [
    "MAX_ID",
    "ArticleOut",
    "EntityId",
    "EntityOut",
    "ErrorOut",
    "FieldError",
    "IngestOut",
    "IngestRecord",
    "Page",
    "RowId",
    "SearchHitOut",
    "StoryCardOut",
    "StoryOut",
    "SummaryOut",
]

T = TypeVar("T")

RowId = Annotated[int, Path(ge=-MAX_ID - 1, le=MAX_ID, description="A 64-bit id.", examples=[1])]
"""A story's or an article's id in a path: one no database integer holds is refused (a 422 in
the API, a 404 page) before it reaches the store, whose driver cannot even send it."""

EntityId = Annotated[
    str,
    Path(
        max_length=255,
        pattern=r"^[^\x00-\x1f\x7f]+$",
        description="An entity's id (loc-finland).",
        examples=["loc-finland"],
    ),
]
"""An entity's id in a path: no control character (PostgreSQL refuses a NUL in a query) and no
longer than the column."""


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class FieldError(BaseModel):
    """One part of a request that does not match the schema."""

    loc: list[str | int] = Field(description='Where: ["query", "limit"], ["body", "text"], ...')
    msg: str = Field(description="What is wrong, in English.")
    type: str = Field(description="A short code for the kind of error (int_parsing, missing, ...).")


class ErrorOut(BaseModel):
    """Every error the API answers has this shape: ``detail`` says what went wrong in one English
    sentence; a request that does not match the schema (422) also lists each part in ``errors``."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"detail": "no article with id 12"},
                {
                    "detail": "the request does not match the schema: query.limit: Input should be "
                    "less than or equal to 100",
                    "errors": [
                        {
                            "loc": ["query", "limit"],
                            "msg": "Input should be less than or equal to 100",
                            "type": "less_than_equal",
                        }
                    ],
                },
            ]
        }
    )

    detail: str
    errors: list[FieldError] | None = Field(
        None, description="For a request that does not match the schema (422): each part that does not."
    )


class Page(BaseModel, Generic[T]):
    """One page of a list. ``next`` is the URL of the following page, null on the last."""

    items: list[T]
    total: int = Field(description="Items in the whole list.")
    limit: int
    offset: int
    next: str | None = None


class CitedSentence(_Open):
    text: str
    article_id: int | None = None
    outlet: str | None = None
    language: str | None = None
    title: str | None = None


class StoryCardOut(_Open):
    id: int
    title: str
    size: int = Field(description="Number of articles.")
    languages: list[str]
    outlets: list[str]
    also_carried_by: list[str] = []
    first_published: str | None = None
    last_published: str | None = None
    summary: list[CitedSentence] = Field(description="The first sentences of the story's digest.")


class ArticleBrief(_Open):
    id: int
    title: str
    language: str
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    copy_of: int | None = None


class TimelineItem(_Open):
    date: str
    end_date: str | None = None
    text: str
    article_id: int | None = None
    kind: str
    certainty: str | None = None
    granularity: str = "day"
    upcoming: bool = False
    also_article_ids: list[int] = []


class Claim(_Open):
    text: str
    value: float
    unit: str | None = None
    approximate: bool = False
    period: str | None = None
    article_id: int | None = None
    outlet: str | None = None


class Disagreement(_Open):
    subject: str
    unit: str
    claims: list[Claim]


class StoryEntity(_Open):
    id: str
    name: str
    type: str
    mentions: int = 0
    names: dict[str, str] = {}


class StoryOut(_Open):
    id: int
    title: str
    size: int
    languages: list[str]
    outlets: list[str]
    also_carried_by: list[str] = []
    article_ids: list[int]
    first_published: str | None = None
    last_published: str | None = None
    articles: list[ArticleBrief]
    digest: list[CitedSentence] = Field(
        description="Sentences chosen across the story's articles, each citing one."
    )
    summary: list[CitedSentence] = []
    timeline: list[TimelineItem] = []
    disagreements: list[Disagreement] = []
    entities: list[StoryEntity] = []


class Neighbour(_Open):
    id: int
    title: str
    outlet: str | None = None
    language: str


class Neighbours(BaseModel):
    story_previous: Neighbour | None = None
    story_next: Neighbour | None = None
    feed_previous: Neighbour | None = None
    feed_next: Neighbour | None = None


class ArticleOut(_Open):
    id: int
    external_id: str | None = None
    source: str
    url: str | None = None
    outlet: str | None = None
    title: str
    language: str
    published: str | None = None
    author: str | None = None
    text: str
    summary: list[str]
    story_id: int | None = None
    copy_of: int | None = None
    entities: list[dict[str, Any]] = []
    quotes: list[dict[str, Any]] = []
    citations: list[dict[str, Any]] = []
    dates: list[dict[str, Any]] = []
    figures: list[dict[str, Any]] = []
    neighbours: Neighbours = Field(
        default_factory=Neighbours,
        description="Previous/next article by publication date, in the story and in the feed.",
    )


class SummaryOut(BaseModel):
    sentences: list[str] = Field(description="The stored summary, in the article's language.")
    language: str


class QuoteOut(BaseModel):
    text: str
    speaker: str | None = None
    role: str | None = None
    kind: str = "direct"
    article: Neighbour


class EntityOut(BaseModel):
    id: str
    type: str
    name: str
    names: dict[str, str] = Field(description="The entity's name in each language it was seen in.")
    articles: int = Field(description="Articles that mention it.")
    stories: Page[StoryCardOut]
    quotes: Page[QuoteOut] = Field(description="What it said (quotes it is the speaker of).")


class SearchHitOut(BaseModel):
    article_id: int
    title: str
    language: str
    outlet: str | None = None
    published: str | None = None
    story_id: int | None = None
    snippet: str = Field(description="Plain text around the matches.")
    snippet_html: str = Field(description="The snippet, HTML-escaped, with matches in <mark>.")
    title_html: str
    score: float


_SHOWN = "\\s\\x00-\\x1f\\x7f-\\x9f\\u00ad\\u200b-\\u200d\\u2060\\ufeff"

VISIBLE = f"[^{_SHOWN}]"
"""A character that is still there once a field is sanitised and normalised: not a space, a control
character or a zero-width one. A regular expression that means the same in Python and ECMA 262."""

VISIBLE_IN_HTML = f"(?:^|>)[^<]*?[^<{_SHOWN}]"
"""Some visible character outside the markup of a page (between tags, not inside one): a page or
fragment with nothing but tags has no text to read."""

_RULES = {"text": VISIBLE, "html": VISIBLE_IN_HTML}
_PATTERNS = {name: re.compile(rule) for name, rule in _RULES.items()}

_TEXT_OR_HTML = [
    {"required": [name], "properties": {name: {"type": "string", "pattern": rule}}}
    for name, rule in _RULES.items()
]


class IngestRecord(BaseModel):
    """One article, as a line of a JSONL file: ``text`` or ``html`` is required, as a string with
    at least one visible character (``anyOf`` in the schema). Other fields are optional, and fields
    this model does not name are ignored."""

    model_config = ConfigDict(
        extra="ignore",
        json_schema_extra={
            "anyOf": _TEXT_OR_HTML,
            "examples": [example("ingest_record")],
        },
    )

    id: StrictStr | StrictInt | None = Field(
        None, description="The article's id in its source (kept as text)."
    )
    url: str | None = Field(None, description="Where the article was published.")
    title: str | None = Field(None, description="The headline; found in the text when absent.")
    text: str | None = Field(None, description="The article's plain text (or give ``html``).")
    html: str | None = Field(None, description="The article's page, when there is no ``text``.")
    published: str | None = Field(None, description="ISO 8601.")
    source: str | None = Field(None, description="The outlet's name.")
    language: str | None = Field(None, description="Its language code; detected when absent.")
    author: str | None = None

    @model_validator(mode="after")
    def _has_text_or_html(self) -> Self:
        """The rule ``anyOf`` states: a record whose ``text`` and ``html`` are both missing, null,
        empty or invisible (:data:`VISIBLE`, :data:`VISIBLE_IN_HTML`) is refused (422) before
        anything is read."""
        given = {"text": self.text, "html": self.html}
        if not any(isinstance(value, str) and _PATTERNS[name].search(value) for name, value in given.items()):
            raise ValueError(
                "record has no 'text' or 'html' (one of them must be a string with visible text)"
            )
        return self


class IngestOut(BaseModel):
    id: int
    new: bool = Field(description="False when the article was already stored (a duplicate).")
    story_id: int | None = None
    url: str = Field(
        description="The article's page, an absolute URL under the server's address (the answer's "
        "``Location`` header is the article in the API)."
    )
    warnings: list[str] = Field(
        default_factory=list,
        description="What was dropped from the record and why: a publication date before 1900 or "
        "more than a year ahead is dropped and the article stored without it.",
    )
