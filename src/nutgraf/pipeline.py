"""The pipeline: source -> clean -> understand -> group -> summarize -> store.

``process_document`` is the per-article work: a pure function of a raw document and the learned
furniture counts (so it can run anywhere, a Dask worker included). ``ingest`` composes readers,
that function, grouping and the store, in batches: the furniture learner sees a whole batch
before any of it is cleaned, so the first page of a new site is cleaned with its template
already known.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from nutgraf.clean import ExtractedPage, FurnitureModel, clean_extracted, extract
from nutgraf.clean.text import title_from_sentence
from nutgraf.errors import InputError
from nutgraf.ingest import humanize_folder
from nutgraf.lang import detect_language, split_sentences
from nutgraf.model import Article, Failure, IngestReport, RawDocument
from nutgraf.store import Store
from nutgraf.summarize import summarize_sentences

__all__ = [
    "BATCH_SIZE",
    "IngestOptions",
    "content_hash",
    "ingest",
    "process_document",
    "process_extracted",
    "raw_hash",
]

BATCH_SIZE = 200
"""Documents per batch: enough for the furniture learner to see a site's template (a few pages)
and small enough that a batch of long pages stays well under 100 MB of memory."""

_HASH_FOLD = re.compile(r"\W+")
_LANGUAGE_ALIASES = {"eng": "en", "english": "en", "rus": "ru", "russian": "ru", "русский": "ru"}


@dataclass(slots=True)
class IngestOptions:
    """Settings of an ingest run that stages need (passed in, never global)."""

    summary_sentences: int = 3
    batch_size: int = BATCH_SIZE


def content_hash(text: str) -> str:
    """Hash of a text that ignores case, spacing and punctuation: the same article re-encoded or
    re-flowed hashes the same."""
    folded = _HASH_FOLD.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def raw_hash(raw: RawDocument) -> str:
    """Hash of a document as read, to skip re-ingests before any cleaning work."""
    digest = hashlib.sha256()
    for part in (raw.kind, raw.title or "", raw.content):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()


def _language_code(value: str | None) -> str | None:
    if not value:
        return None
    code = value.strip().lower().replace("_", "-").split("-")[0]
    return _LANGUAGE_ALIASES.get(code, code) or None


def _default_outlet(raw: RawDocument) -> str | None:
    """A file's folder stands for its outlet when the document names none (see README)."""
    if raw.outlet or "#" in raw.origin or raw.origin.startswith("<"):
        return None
    parent = Path(raw.origin).parent.name
    return humanize_folder(parent) if parent else None


def outlet_key(raw: RawDocument, outlet: str | None) -> str:
    """The scope of 'the same source' for duplicate detection."""
    return (outlet or raw.source_key).casefold()


def process_document(
    raw: RawDocument, furniture: FurnitureModel | None = None, options: IngestOptions | None = None
) -> Article:
    """Clean and understand one document; raises :class:`nutgraf.errors.InputError` for bad input."""
    return process_extracted(raw, extract(raw), furniture, options)


def process_extracted(
    raw: RawDocument,
    page: ExtractedPage,
    furniture: FurnitureModel | None = None,
    options: IngestOptions | None = None,
) -> Article:
    """The rest of :func:`process_document` once the text is out of its HTML."""
    options = options or IngestOptions()
    cleaned = clean_extracted(page, raw.source_key, furniture)
    language = _language_code(raw.language) or detect_language(f"{cleaned.title or ''}\n{cleaned.text}")
    sentences = split_sentences(cleaned.text, language)
    title = cleaned.title or title_from_sentence(sentences[0].text if sentences else cleaned.text)
    article = Article(
        source=raw.origin,
        text=cleaned.text,
        title=title,
        language=language,
        content_hash=content_hash(cleaned.text),
        source_key=raw.source_key,
        url=cleaned.url,
        outlet=cleaned.outlet or _default_outlet(raw),
        published=cleaned.published,
        author=cleaned.author,
        external_id=raw.external_id,
        sentences=sentences,
        removed_lines=cleaned.removed,
    )
    article.summary = summarize_sentences(
        sentences, title=article.title, language=language, count=options.summary_sentences
    )
    return article


def _batches(items: Iterable[RawDocument | Failure], size: int) -> Iterable[list[RawDocument | Failure]]:
    batch: list[RawDocument | Failure] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def ingest(
    documents: Iterable[RawDocument | Failure],
    store: Store,
    *,
    options: IngestOptions | None = None,
    progress: Callable[[str], None] | None = None,
) -> IngestReport:
    """Ingest documents into ``store``; bad ones are recorded in the report, never raised.

    ``progress`` is called once per input (with its origin) so an edge can draw a progress bar.
    """
    options = options or IngestOptions()
    report = IngestReport()
    furniture = store.load_furniture()
    for batch in _batches(documents, options.batch_size):
        fresh: list[tuple[RawDocument, ExtractedPage, str]] = []
        for item in batch:
            if isinstance(item, Failure):
                report.failures.append(item)
                continue
            digest = raw_hash(item)
            existing = store.find_duplicate(url=item.url, source_key=item.source_key, raw_hash=digest)
            if existing is not None:
                report.duplicates += 1
                report.article_ids.append(existing)
                continue
            try:
                page = extract(item)
            except InputError as exc:
                report.failures.append(Failure(item.origin, str(exc), type(exc).__name__))
                continue
            furniture.observe(item.source_key, page.text)
            fresh.append((item, page, digest))
        for item, page, digest in fresh:
            try:
                article = process_extracted(item, page, furniture, options)
            except InputError as exc:
                report.failures.append(Failure(item.origin, str(exc), type(exc).__name__))
            else:
                article_id, is_new = store.add_article(
                    article, outlet_key=outlet_key(item, article.outlet), raw_hash=digest
                )
                if is_new:
                    story_id = store.create_story(article.title, article.published)
                    store.assign_story(article_id, story_id)
                    report.new += 1
                else:
                    report.duplicates += 1
                report.article_ids.append(article_id)
        store.save_furniture(furniture, {item.source_key for item, _, _ in fresh})
        if progress is not None:
            for item in batch:
                progress(item.origin)
    return report
