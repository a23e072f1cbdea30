"""Nutgraf: a multilingual news digest engine.

Data flows one way: source -> clean -> understand -> group -> summarize -> store -> serve.
The names below are the public Python API; everything else may change between versions.
"""

from __future__ import annotations

__version__ = "0.1.0"

from nutgraf.clean import clean_document, clean_text, decode_bytes, extract_html
from nutgraf.errors import (
    BadDatabaseURL,
    BinaryInput,
    ConfigError,
    EmptyInput,
    EncodingError,
    InputError,
    MalformedRecord,
    NotFound,
    NutgrafError,
    SourceNotFound,
    StoreError,
    UnsupportedInput,
)
from nutgraf.ingest import iter_documents
from nutgraf.lang import detect_language, split_sentences
from nutgraf.model import (
    Article,
    Citation,
    DateMention,
    Entity,
    Failure,
    Figure,
    IngestReport,
    Mention,
    Quote,
    RawDocument,
    Sentence,
    Story,
)
from nutgraf.pipeline import IngestOptions, ingest, process_document
from nutgraf.store import Store, open_store
from nutgraf.stories import story_view
from nutgraf.summarize import Summary, summarize

__all__ = [
    "Article",
    "BadDatabaseURL",
    "BinaryInput",
    "Citation",
    "ConfigError",
    "DateMention",
    "EmptyInput",
    "EncodingError",
    "Entity",
    "Failure",
    "Figure",
    "IngestOptions",
    "IngestReport",
    "InputError",
    "MalformedRecord",
    "Mention",
    "NotFound",
    "NutgrafError",
    "Quote",
    "RawDocument",
    "Sentence",
    "SourceNotFound",
    "Store",
    "StoreError",
    "Story",
    "Summary",
    "UnsupportedInput",
    "__version__",
    "clean_document",
    "clean_text",
    "decode_bytes",
    "detect_language",
    "extract_html",
    "ingest",
    "iter_documents",
    "open_store",
    "process_document",
    "split_sentences",
    "story_view",
    "summarize",
]
