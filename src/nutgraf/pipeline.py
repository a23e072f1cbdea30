"""The pipeline: source -> clean -> understand -> group -> summarize -> store.

``process_document`` is the per-article work: a pure function of a raw document and the learned
furniture counts (so it can run anywhere, a Dask worker included). ``ingest`` composes readers,
that function, grouping and the store, in batches: the furniture learner sees a whole batch
before any of it is cleaned, so the first page of a new site is cleaned with its template
already known.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import re
import unicodedata
from collections.abc import Callable, Iterable
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from nutgraf.analyze import person_names, understand
from nutgraf.clean import ExtractedPage, FurnitureModel, clean_extracted, extract
from nutgraf.clean.text import title_from_sentence
from nutgraf.errors import InputError, ModelError
from nutgraf.ingest import humanize_folder
from nutgraf.lang import detect_language, split_sentences
from nutgraf.model import Article, Failure, IngestReport, RawDocument
from nutgraf.store import Store
from nutgraf.stories.embed import embed_articles
from nutgraf.stories.features import article_features, features_from_dict
from nutgraf.stories.grouping import GroupingParams, StoryIndex
from nutgraf.summarize import summarize_sentences

__all__ = [
    "BATCH_SIZE",
    "IngestOptions",
    "content_hash",
    "enrich",
    "ingest",
    "people_named",
    "prepare",
    "process_document",
    "raw_hash",
]

BATCH_SIZE = 200
"""Documents per batch: enough for the furniture learner to see a site's template (a few pages)
and small enough that a batch of long pages stays well under 100 MB of memory."""

PARALLEL_MIN_ARTICLES = 48
"""Below this many new articles in a batch, a worker pool costs more (starting processes, loading
models: about 3 s each) than it saves."""

DASK_RETRIES = 3
"""Times a chunk is resubmitted when its Dask task fails (Dask itself reschedules the tasks of a
worker that died); after that the chunk is redone here, article by article."""

CHUNK_SIZE = 16
"""Articles per task sent to a worker: large enough for NER batching, small enough to balance."""

_HASH_FOLD = re.compile(r"\W+")
_LANGUAGE_ALIASES = {"eng": "en", "english": "en", "rus": "ru", "russian": "ru", "русский": "ru"}


@dataclass(slots=True)
class IngestOptions:
    """Settings of an ingest run that stages need (passed in, never global).

    ``workers`` processes share the expensive per-article work (NER and the analyzers) when a batch
    holds at least ``PARALLEL_MIN_ARTICLES`` new articles; 1 keeps everything in this process."""

    summary_sentences: int = 3
    batch_size: int = BATCH_SIZE
    workers: int = 1
    grouping: GroupingParams = field(default_factory=GroupingParams)
    dask: str | None = None
    """A Dask scheduler address: the expensive per-article work (``enrich``) runs on its workers,
    every batch whatever its size; the store is still written here, in order (docs/scale.md)."""


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


def prepare(
    raw: RawDocument,
    page: ExtractedPage,
    furniture: FurnitureModel | None = None,
) -> Article:
    """Clean an extracted document, find its language and sentences: the cheap per-article work."""
    cleaned = clean_extracted(page, raw.source_key, furniture)
    language = _language_code(raw.language) or detect_language(f"{cleaned.title or ''}\n{cleaned.text}")
    sentences = split_sentences(cleaned.text, language)
    title = cleaned.title or title_from_sentence(sentences[0].text if sentences else cleaned.text)
    return Article(
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


def enrich(articles: list[Article], options: IngestOptions | None = None) -> list[Article]:
    """Understand and summarize a batch of prepared articles: the expensive per-article work.

    A plain function over plain data, so it runs in a worker process (or on a Dask worker) as well
    as here; its models load once per process."""
    options = options or IngestOptions()
    understand(articles)
    for article, vector in zip(articles, embed_articles(articles), strict=True):
        article.embedding = vector
    for article in articles:
        article.summary = summarize_sentences(
            article.sentences,
            title=article.title,
            language=article.language,
            count=options.summary_sentences,
            people=people_named(article),
        )
    return articles


def people_named(article: Article) -> list[str]:
    """Full names (every language's) of the persons an understood article names: the summary
    keeps a sentence that calls one of them by surname alone only with the one that introduced them."""
    return person_names(article.entities)


def process_document(
    raw: RawDocument, furniture: FurnitureModel | None = None, options: IngestOptions | None = None
) -> Article:
    """Clean, understand and summarize one document; raises :class:`nutgraf.errors.InputError`."""
    return enrich([prepare(raw, extract(raw), furniture)], options)[0]


def _batches(items: Iterable[RawDocument | Failure], size: int) -> Iterable[list[RawDocument | Failure]]:
    batch: list[RawDocument | Failure] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def load_story_index(store: Store, params: GroupingParams | None = None) -> StoryIndex:
    """The grouping index as the stored articles left it (replayed in article order)."""
    index = StoryIndex(params)
    _catch_up(store, index, 0)
    return index


def _catch_up(store: Store, index: StoryIndex, seen: int) -> int:
    """Add to ``index`` the grouped articles stored after id ``seen`` (by another writer: under the
    store's writer lock nobody else is storing, so afterwards the index is the store's); returns
    the highest id now known."""
    for article_id, story_id, features in store.iter_features(after=seen):
        if story_id is not None and features:
            index.add(article_id, story_id, features_from_dict(features))
        seen = article_id
    return seen


def _enrich_all(
    articles: list[Article], options: IngestOptions, pool: Executor | None
) -> list[Article | Failure]:
    """Enrich a batch, in a pool when one is given; a chunk that fails is redone article by article
    so that one bad article is reported alone and the rest are kept."""
    chunks = [articles[i : i + CHUNK_SIZE] for i in range(0, len(articles), CHUNK_SIZE)]
    if pool is not None:
        futures = [pool.submit(enrich, chunk, options) for chunk in chunks]
        outcomes = []
        for future in futures:
            try:
                outcomes.append(future.result())
            except ModelError:
                raise
            except Exception:  # a worker died or one article broke the chunk: redo it here, one by one
                outcomes.append(None)
    else:
        outcomes = [None] * len(chunks)
    results: list[Article | Failure] = []
    for chunk, outcome in zip(chunks, outcomes, strict=True):
        if outcome is not None:
            results.extend(outcome)
            continue
        for article in chunk:
            try:
                results.extend(enrich([article], options))
            except ModelError:
                raise
            except Exception as exc:
                results.append(
                    Failure(article.source, f"analysis failed: {type(exc).__name__}: {exc}", "AnalysisError")
                )
    return results


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
    stories = StoryIndex(options.grouping)
    seen = _catch_up(store, stories, 0)
    pool: Executor | None = None
    client = None
    if options.dask:
        from distributed import Client

        client = Client(options.dask)
        pool = client.get_executor(retries=DASK_RETRIES, pure=False)
    try:
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
            prepared: list[tuple[RawDocument, Article, str]] = []
            for item, page, digest in fresh:
                try:
                    prepared.append((item, prepare(item, page, furniture), digest))
                except InputError as exc:
                    report.failures.append(Failure(item.origin, str(exc), type(exc).__name__))
            if pool is None and options.workers > 1 and len(prepared) >= PARALLEL_MIN_ARTICLES:
                pool = ProcessPoolExecutor(options.workers, mp_context=multiprocessing.get_context("spawn"))
            use_pool = pool if client is not None or len(prepared) >= PARALLEL_MIN_ARTICLES else None
            enriched = _enrich_all([article for _, article, _ in prepared], options, use_pool)
            with store.writer_lock():  # one writer decides and stores at a time (Store.writer_lock)
                seen = _catch_up(store, stories, seen)
                for (item, _, digest), result in zip(prepared, enriched, strict=True):
                    if isinstance(result, Failure):
                        report.failures.append(result)
                        continue
                    features = article_features(result, result.embedding)
                    decision = stories.decide(features)
                    result.copy_of = decision.copy_of
                    article_id, is_new = store.add_article(
                        result,
                        outlet_key=outlet_key(item, result.outlet),
                        raw_hash=digest,
                        features=features.to_dict(),
                    )
                    if is_new:
                        story_id = decision.story_id
                        if story_id is None:
                            story_id = store.create_story(result.title, result.published)
                        store.assign_story(article_id, story_id)
                        stories.add(article_id, story_id, features)
                        report.new += 1
                        seen = max(seen, article_id)
                    else:
                        report.duplicates += 1
                    report.article_ids.append(article_id)
                store.save_furniture(furniture, {item.source_key for item, _, _ in fresh})
            if progress is not None:
                for item in batch:
                    progress(item.origin)
    finally:
        if client is not None:
            client.close()
        elif pool is not None:
            pool.shutdown(cancel_futures=True)
    return report
