"""Cleaning: a raw document becomes a title, a clean body and metadata, with the furniture gone.

``clean_document`` is the stage function. It is pure: the learned furniture counts come in as a
:class:`FurnitureModel` argument, and it touches neither the store nor the network.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from nutgraf.clean.decode import decode_bytes, sniff_binary
from nutgraf.clean.furniture import FurnitureModel, line_key, strip_furniture
from nutgraf.clean.html import ExtractedPage, extract_html
from nutgraf.clean.text import (
    join_broken_lines,
    normalize_text,
    parse_dateline,
    split_title,
    take_dateline,
    url_date,
)
from nutgraf.errors import EmptyInput
from nutgraf.model import RawDocument

__all__ = [
    "CleanDocument",
    "ExtractedPage",
    "FurnitureModel",
    "clean_document",
    "clean_extracted",
    "clean_text",
    "decode_bytes",
    "extract",
    "extract_html",
    "line_key",
    "normalize_text",
    "parse_dateline",
    "sniff_binary",
    "strip_furniture",
]

_FOLD = re.compile(r"[\W_]+")


@dataclass(slots=True)
class CleanDocument:
    """The clean form of one document: paragraphs separated by blank lines."""

    title: str | None
    """None when the text has no headline line; the pipeline then titles it from its first sentence."""
    text: str
    published: datetime | None = None
    author: str | None = None
    outlet: str | None = None
    url: str | None = None
    removed: list[str] = field(default_factory=list)


def _same_line(a: str, b: str) -> bool:
    return _FOLD.sub("", a.casefold()) == _FOLD.sub("", b.casefold())


def _is_site_name(title: str, sitename: str) -> bool:
    folded_title = _FOLD.sub("", title.casefold())
    folded_site = _FOLD.sub("", sitename.casefold())
    return bool(folded_site) and folded_site in folded_title and len(folded_title) <= len(folded_site) + 5


def clean_text(
    text: str,
    *,
    title: str | None = None,
    source: str | None = None,
    furniture: FurnitureModel | None = None,
) -> CleanDocument:
    """Clean plain text (or text extracted from HTML): furniture out, dateline and headline found.

    Learned furniture never empties an article: when the lines it removed were all the article
    had besides its headline, the text is cleaned again by the rules alone (issue 23). A text that
    is nothing but its given headline (``{"title": "Port reopens", "text": "Port reopens"}``) keeps
    it as its text, as a text without a given title keeps its only line (issue 27)."""
    text = join_broken_lines(normalize_text(text))
    try:
        return _clean_lines(*strip_furniture(text, source, furniture), title)
    except EmptyInput:
        if furniture is not None and source:
            try:
                return _clean_lines(*strip_furniture(text), title)
            except EmptyInput:
                pass
        if not title:
            raise
        return _clean_lines(*strip_furniture(text), title, headline_alone=True)


def _clean_lines(
    kept: str, removed: list[str], title: str | None, *, headline_alone: bool = False
) -> CleanDocument:
    """``headline_alone``: the text's first line is kept even when it repeats the given title."""
    lines, dateline = take_dateline(kept.split("\n"))
    if title:
        title = normalize_text(title)
        first = next((i for i, line in enumerate(lines) if line.strip()), None)
        if first is not None and _same_line(lines[first], title) and not headline_alone:
            lines = lines[first + 1 :]
    else:
        title, lines = split_title(lines)
    body = "\n\n".join(line for line in lines if line.strip())
    if not body:
        raise EmptyInput("no article text left after removing site furniture")
    return CleanDocument(
        title=title,
        text=body,
        published=dateline,
        removed=removed,
    )


def extract(raw: RawDocument) -> ExtractedPage:
    """The text of a raw document with whatever metadata it carries (HTML through trafilatura)."""
    if raw.kind == "html":
        page = extract_html(raw.content, raw.url)
        page.title = raw.title or page.title
        page.published = raw.published or page.published
        page.author = raw.author or page.author
        page.sitename = raw.outlet or page.sitename
        page.url = raw.url or page.url
        return page
    return ExtractedPage(
        text=raw.content,
        title=raw.title,
        published=raw.published,
        author=raw.author,
        sitename=raw.outlet,
        url=raw.url,
    )


def clean_extracted(
    page: ExtractedPage, source: str | None = None, furniture: FurnitureModel | None = None
) -> CleanDocument:
    """Clean extracted text; metadata the document carried wins over what the text suggests."""
    title = page.title
    if title and page.sitename and _is_site_name(title, page.sitename):
        title = None  # "The Harbour Post - Headline" split the wrong way: take the text's headline line
    cleaned = clean_text(page.text, title=title, source=source, furniture=furniture)
    cleaned.published = page.published or cleaned.published or url_date(page.url)
    cleaned.author = page.author
    cleaned.outlet = page.sitename
    cleaned.url = page.url
    return cleaned


def clean_document(raw: RawDocument, furniture: FurnitureModel | None = None) -> CleanDocument:
    """Clean one raw document (HTML or text); raises :class:`nutgraf.errors.InputError` subclasses."""
    return clean_extracted(extract(raw), raw.source_key, furniture)
