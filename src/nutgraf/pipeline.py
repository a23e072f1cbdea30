"""The pipeline: source -> clean -> understand -> group -> summarize -> store.

``process_document`` is the per-article work: a pure function of a raw document and the learned
furniture counts (so it can run anywhere, a Dask worker included). ``ingest`` composes readers,
that function, grouping and the store, in batches. The furniture learner counts the documents in
input order and cleans each once the next ``FURNITURE_LOOKAHEAD`` are counted, so the first page
of a new site is cleaned with its template known, and the same input gives the same text and the
same stories whatever the batch size, the worker count or the restarts.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import re
import unicodedata
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import cache

from nutgraf.analyze import person_names, understand
from nutgraf.clean import ExtractedPage, FurnitureModel, clean_extracted, extract
from nutgraf.clean.text import title_from_sentence
from nutgraf.errors import InputError, ModelError
from nutgraf.ingest.outlets import domain_outlet
from nutgraf.ingest.sanitize import date_warning, sane_published, sanitize_document
from nutgraf.lang import all_languages, detect_language, split_sentences
from nutgraf.lang.contract import section
from nutgraf.lang.keys import terms_of
from nutgraf.model import Article, Failure, IngestReport, IngestWarning, RawDocument
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
"""Documents per batch: enough to keep a worker pool busy, and small enough that a batch of long
pages stays well under 100 MB of memory."""

PARALLEL_MIN_ARTICLES = 48
"""Below this many new articles in a batch, a worker pool costs more (starting processes, loading
models: about 3 s each) than it saves."""

DASK_RETRIES = 3
"""Times a chunk is resubmitted when its Dask task fails (Dask itself reschedules the tasks of a
worker that died); after that the chunk is redone here, article by article."""

FURNITURE_LOOKAHEAD = 16
"""A document is cleaned once this many documents after it have been read and counted by the
furniture learner, so that the first pages of a new site are cleaned with its template known (it
takes 3 pages: MIN_REPEAT_DOCS). Counted over the input, not a batch, so the text kept does not
depend on the batch size or on where a restart fell (tests/test_pipeline_determinism.py). A design
bound, not fitted to any set: it only needs to exceed MIN_REPEAT_DOCS for a folder of one site's
pages, and it bounds the pages held in memory before cleaning."""

WORKER_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
"""Set to 1 (unless the user set them) for the worker processes: each worker is one process on one
core, and numpy's BLAS threads in several workers only wait on each other. With 2 workers on 2
cores this took a 300-article Russian ingest from 31.2 s to 26.6 s (bench/throughput.py's ingest
run alone, with and without)."""

CHUNK_SIZE = 16
"""Articles per task sent to a worker: large enough for NER batching, small enough to balance."""

_HASH_FOLD = re.compile(r"\W+")


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
    return _language_aliases().get(code, code) or None


@cache
def _language_aliases() -> dict[str, str]:
    """Other names of each language a record may give ("english", "rus"), to its code."""
    return {alias: module.CODE for module in all_languages() for alias in section(module, "CODE_ALIASES")}


def infer_outlet(raw: RawDocument, cleaned_outlet: str | None, url: str | None) -> str | None:
    """The article's outlet: the record's or ``--outlet``'s, else the page's own site name (both in
    ``cleaned_outlet``), else its ``--folder-outlets`` folder's, else its URL's registrable domain,
    else None: unknown, never the name of the folder it happened to be in (nutgraf.ingest.outlets)."""
    return cleaned_outlet or raw.folder_outlet or domain_outlet(url or raw.url)


def outlet_key(raw: RawDocument, outlet: str | None) -> str:
    """The scope of 'the same source' for duplicate detection."""
    return (outlet or raw.source_key).casefold()


def prepare(
    raw: RawDocument,
    page: ExtractedPage,
    furniture: FurnitureModel | None = None,
    warnings: list[IngestWarning] | None = None,
) -> Article:
    """Clean an extracted document, find its language and sentences: the cheap per-article work.

    A publication date the text or the URL gives outside the sane range is dropped, with a warning
    appended to ``warnings`` (the document's own date was checked at the door: sanitize_document)."""
    cleaned = clean_extracted(page, raw.source_key, furniture)
    if cleaned.published is not None and sane_published(cleaned.published) is None:
        if warnings is not None:
            warnings.append(date_warning(raw.origin, cleaned.published))
        cleaned.published = None
    language = _language_code(raw.language) or detect_language(f"{cleaned.title or ''}\n{cleaned.text}")
    sentences = split_sentences(cleaned.text, language)
    title = cleaned.title or title_from_sentence(sentences[0].text if sentences else cleaned.text)
    return Article(
        source=raw.origin,
        text=cleaned.text,
        title=title,
        title_derived=not cleaned.title,
        language=language,
        content_hash=content_hash(cleaned.text),
        source_key=raw.source_key,
        url=cleaned.url,
        outlet=infer_outlet(raw, cleaned.outlet, cleaned.url),
        published=cleaned.published,
        author=cleaned.author,
        external_id=raw.external_id,
        sentences=sentences,
        removed_lines=cleaned.removed,
    )


def enrich(articles: list[Article], options: IngestOptions | None = None) -> list[Article]:
    """Understand, summarize and featurize (for grouping) a batch of prepared articles: the
    expensive per-article work.

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
        article.grouping = article_features(article, article.embedding).to_dict()
        article.search_terms = terms_of(article.title, article.text, article.language)
    return articles


def people_named(article: Article) -> list[str]:
    """Full names (every language's) of the persons an understood article names: the summary
    keeps a sentence that calls one of them by surname alone only with the one that introduced them."""
    return person_names(article.entities)


def process_document(
    raw: RawDocument, furniture: FurnitureModel | None = None, options: IngestOptions | None = None
) -> Article:
    """Clean, understand and summarize one document; raises :class:`nutgraf.errors.InputError`."""
    raw, _ = sanitize_document(raw)
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


def repair(store: Store, index: StoryIndex) -> int:
    """Make the store whole after a crash of an older Nutgraf (which stored an article, then grouped
    it, in two transactions): each article left in no story is grouped now, by its stored
    features, and stories without an article are deleted. The caller holds the writer lock and
    ``index`` is caught up. Returns how many articles were placed."""
    placed = 0
    for article_id, stored in store.orphan_features():
        features = features_from_dict(stored) if stored else None
        decided = index.decide(features).story_id if features is not None else None
        story_id = store.place_article(article_id, decided)
        if features is not None:
            index.add(article_id, story_id, features)
        placed += 1
    store.delete_empty_stories()
    return placed


@dataclass(slots=True)
class _Enrichment:
    """A batch's articles on their way through ``enrich``: in chunks, each a pool's future or, with
    no pool, enriched when gathered."""

    chunks: list[list[Article]]
    futures: list[Future] | None


def _submit(articles: list[Article], options: IngestOptions, pool: Executor | None) -> _Enrichment:
    """Start enriching ``articles`` in ``pool`` (returns at once), or prepare to enrich them here."""
    chunks = [articles[i : i + CHUNK_SIZE] for i in range(0, len(articles), CHUNK_SIZE)]
    futures = (
        [pool.submit(_enrich_in_worker, chunk, options) for chunk in chunks] if pool is not None else None
    )
    return _Enrichment(chunks, futures)


def _enrich_in_worker(articles: list[Article], options: IngestOptions) -> list[Article]:
    """``enrich`` as a pool's worker runs it: afterwards the heap the chunk freed goes back to the
    system (``release_memory``), so that a worker's memory stays what its models need."""
    try:
        return enrich(articles, options)
    finally:
        release_memory()


def release_memory() -> None:
    """Return the C heap's free pages to the system (glibc's ``malloc_trim``; elsewhere nothing).

    A chunk's numpy temporaries (NER and encoder activations, a few MB each) are freed into glibc's
    heap, which keeps them: over 960 BBC articles a process's resident memory grew by 61 MB without
    this and by 42 with it (measured here), for about a millisecond a chunk. (A worker's peak is
    set by the chunk it holds: ``nutgraf.lang.en.SPACY_BATCH``.)"""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@cache
def _malloc_trim():
    """glibc's ``malloc_trim``, or None where the C library has none (macOS, musl, Windows)."""
    import ctypes

    try:  # the symbols the process has loaded, the C library's among them
        return getattr(ctypes.CDLL(None), "malloc_trim", None)
    except (OSError, TypeError):  # Windows has no such handle
        return None


def _gather(enrichment: _Enrichment, options: IngestOptions) -> list[Article | Failure]:
    """The enriched articles of a batch, in order. A chunk is enriched whole (NER and the encoder
    batch its sentences); a chunk that fails, in a worker or here, is redone article by article so
    that one bad article is reported alone and the rest are kept."""
    results: list[Article | Failure] = []
    for number, chunk in enumerate(enrichment.chunks):
        try:
            if enrichment.futures is not None:
                results.extend(enrichment.futures[number].result())
            else:
                results.extend(enrich(chunk, options))
            continue
        except ModelError:
            raise
        except Exception:  # a worker died or one article broke the chunk: redo it here, one by one
            pass
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


def _enrich_all(
    articles: list[Article], options: IngestOptions, pool: Executor | None
) -> list[Article | Failure]:
    """Enrich a batch, in a pool when one is given (see ``_gather``)."""
    return _gather(_submit(articles, options, pool), options)


_Entry = tuple[
    RawDocument, Article, str, "list[str] | None", "list[tuple[str, ...]]", "tuple[str, ...] | None"
]
"""A cleaned document on its way to the store: the document, its article, its raw hash, the
furniture keys it was counted under, its run keys (``_run_keys``), and the run key of the earlier
document it repeats (or None)."""


def _run_keys(item: RawDocument, article: Article, digest: str) -> list[tuple[str, ...]]:
    """What makes a later document of the same run a duplicate of this one, as the store judges
    duplicates: the same URL, the same bytes from the same source, or the same clean text from the
    same outlet."""
    keys = [
        ("raw", item.source_key, digest),
        ("text", outlet_key(item, article.outlet), article.content_hash),
    ]
    if item.url:
        keys.append(("url", item.url))
    return keys


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
    furniture = FurnitureModel()  # each source's window is read from the store when first met
    stories = StoryIndex(options.grouping)
    seen = _catch_up(store, stories, 0)
    pool: Executor | None = None
    client = None
    if options.dask:
        from distributed import Client

        client = Client(options.dask)
        pool = client.get_executor(retries=DASK_RETRIES, pure=False)
    if store.has_orphans():  # left by an older Nutgraf killed between storing and grouping
        with store.writer_lock():
            seen = _catch_up(store, stories, seen)
            report.repaired = repair(store, stories)
    waiting: deque[tuple[RawDocument, ExtractedPage, str, list[str] | None]] = deque()
    cleaned: list[tuple[RawDocument, Article, str, list[str] | None]] = []
    counted_urls: set[str] = set()
    counted_raw: set[tuple[str, str]] = set()
    run_ids: dict[tuple[str, ...], int | None] = {}
    """What this run has read (``_run_keys``) -> the id it was stored under (None until it is)."""
    pending: list[tuple[list[_Entry], _Enrichment]] = []
    """The batch being enriched in the pool while this process stores the one before it."""

    unreported: list[list[str]] = []

    def report_progress(batches: int) -> None:
        for origins in unreported[:batches]:
            for origin in origins:
                if progress is not None:
                    progress(origin)
        del unreported[:batches]

    def clean_next() -> None:
        """Clean the oldest waiting document, with the counts as they stand: the learner has
        counted exactly the FURNITURE_LOOKAHEAD documents after it (fewer at the input's end)."""
        item, page, digest, keys = waiting.popleft()
        try:
            cleaned.append((item, prepare(item, page, furniture, report.warnings), digest, keys))
        except InputError as exc:
            report.failures.append(Failure(item.origin, str(exc), type(exc).__name__))

    def finish() -> None:
        """Send the cleaned documents to be understood, and store the batch sent before them.

        With a pool the stages overlap: the workers enrich this batch while this process groups
        and stores the previous one (and then reads and cleans the next). A document that repeats
        one read earlier in this run (same URL, same bytes from the same source, or same clean
        text from the same outlet) is not enriched: it is counted as a duplicate of that one once
        that one is stored."""
        nonlocal pool
        entries: list[_Entry] = []
        for item, article, digest, keys in cleaned:
            run_keys = _run_keys(item, article, digest)
            first = next((key for key in run_keys if key in run_ids), None)
            if first is None:
                run_ids.update(dict.fromkeys(run_keys))
            entries.append((item, article, digest, keys, run_keys, first))
        cleaned.clear()
        fresh = [article for _, article, _, _, _, first in entries if first is None]
        if pool is None and options.workers > 1 and len(fresh) >= PARALLEL_MIN_ARTICLES:
            for variable in WORKER_THREAD_VARIABLES:  # read by the workers' numpy when it loads
                os.environ.setdefault(variable, "1")
            pool = ProcessPoolExecutor(options.workers, mp_context=multiprocessing.get_context("spawn"))
        enrichment = _submit(fresh, options, pool)
        while pending:
            store_batch(*pending.pop())
        if enrichment.futures is None:
            store_batch(entries, enrichment)
        else:
            pending.append((entries, enrichment))

    def store_batch(entries: list[_Entry], enrichment: _Enrichment) -> None:
        """Group and store a batch, in input order, as its enrichment comes back."""
        nonlocal seen
        enriched = iter(_gather(enrichment, options))
        # One writer decides and stores at a time (Store.writer_lock), and the batch is one
        # transaction (Store.batch), committed before the lock is let go.
        with store.writer_lock():
            seen = _catch_up(store, stories, seen)
            with store.batch():
                store_entries(entries, enriched)

    def store_entries(entries: list[_Entry], enriched: Iterator[Article | Failure]) -> None:
        """Group and store a batch's entries, in order, inside the open transaction."""
        nonlocal seen
        for item, article, digest, keys, run_keys, first in entries:
            if first is not None:
                stored = run_ids.get(first)
                if stored is not None:
                    report.duplicates += 1
                    report.article_ids.append(stored)
                    continue
                result = _enrich_all([article], options, None)[0]  # the one it repeats failed
            else:
                result = next(enriched)
            if isinstance(result, Failure):
                report.failures.append(result)
                continue
            stored_features = result.grouping or article_features(result, result.embedding).to_dict()
            features = features_from_dict(stored_features)
            decision = stories.decide(features)
            result.copy_of = decision.copy_of
            article_id, story_id, is_new = store.add_grouped_article(
                result,
                outlet_key=outlet_key(item, result.outlet),
                raw_hash=digest,
                features=stored_features,
                story_id=decision.story_id,
                furniture_keys=keys,
            )
            for key in run_keys:
                if run_ids.get(key) is None:
                    run_ids[key] = article_id
            if is_new:
                stories.add(article_id, story_id, features)
                report.new += 1
                seen = max(seen, article_id)
            else:
                report.duplicates += 1
            report.article_ids.append(article_id)

    try:
        for batch in _batches(documents, options.batch_size):
            for item in batch:
                if isinstance(item, Failure):
                    report.failures.append(item)
                    continue
                item, warnings = sanitize_document(item)  # every field, before anything else sees it
                report.warnings.extend(warnings)
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
                # The learner counts the documents in input order and cleans each once the
                # FURNITURE_LOOKAHEAD documents after it are counted, so what a document loses to
                # learned furniture depends on the input, never on the batch size or on where a
                # kill fell: a document read again after a restart is skipped above when it was
                # stored (its keys are in the store: Store.furniture_window) and counted again
                # when it was not. For the same reason a second copy in this input (same URL, or
                # same bytes from the same source) is not counted: after a restart it is skipped.
                if not furniture.knows(item.source_key):
                    furniture.load(item.source_key, store.furniture_window(item.source_key, furniture.window))
                keys = None
                if (item.source_key, digest) not in counted_raw and not (
                    item.url and item.url in counted_urls
                ):
                    counted_raw.add((item.source_key, digest))
                    if item.url:
                        counted_urls.add(item.url)
                    keys = furniture.observe(item.source_key, page.text)
                waiting.append((item, page, digest, keys))
                while len(waiting) > FURNITURE_LOOKAHEAD:
                    clean_next()
            if cleaned:
                finish()
            unreported.append([item.origin for item in batch])
            # an input batch counts as done once what it sent is stored: with a pool, the batch
            # in flight is reported when the next one is sent, or at the end
            report_progress(len(unreported) - (1 if pending else 0))
        while waiting:
            clean_next()
        if cleaned:
            finish()
        while pending:
            store_batch(*pending.pop())
        report_progress(len(unreported))
    finally:
        if client is not None:
            client.close()
        elif pool is not None:
            pool.shutdown(cancel_futures=True)
    return report
