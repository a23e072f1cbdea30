"""What grouping compares: an article reduced to terms, entities, event dates, figures, a MinHash.

Features are plain data, computed once per article at ingest (a pure function of the article),
stored with it, and loaded back to rebuild the story index, so a restarted ingest groups exactly
as an uninterrupted one.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import datetime

from nutgraf.analyze import MAX_ANALYSED_CHARS
from nutgraf.analyze.dates import extract_dates
from nutgraf.lang import content_terms, cut_at_word
from nutgraf.model import Article
from nutgraf.stories.embed import encode_vector

__all__ = [
    "Features",
    "article_features",
    "features_from_dict",
    "headline_days",
    "lead_terms",
    "minhash_of",
    "shingles",
]

TITLE_WEIGHT = 3
"""Headline words count this many times: the headline names the event."""

TERMS_KEPT = 80
"""Stems kept per article (by weight); enough for cosine, small enough to store and index."""

LEAD_SENTENCES = 2
"""The lead (headline and first two sentences) names the event: two reports of one event share
its words where two events with the same actors share only the background (calibrated with the
join decision, see bench/grouping.py)."""

SHINGLE_WORDS = 4
MINHASH_PERMUTATIONS = 64
MINHASH_SCHEME = "affine32"
"""datasketch 2's default scheme, named so that stored signatures rebuild the same."""
"""4-word shingles and 64 permutations: syndicated copies with a changed headline and a dropped
sentence keep a Jaccard near 0.8; two reports of one event written independently stay under 0.2."""

MAX_FEATURE_CHARS = MAX_ANALYSED_CHARS
"""Terms and the MinHash are taken from the first 200,000 characters of an article (about 30,000
words, ten times a long feature), the span the analysis reads (``nutgraf.analyze``). Beyond it a
long page only adds background words that do not tell one event from another, and a 10 MB page
holds up to 1.6 million distinct shingles, for which datasketch builds a matrix of 64 eight-byte
hashes each (800 MB). A syndicated copy of a long page shares its opening, which is what is hashed."""

EVENT_DATE_CERTAINTIES = frozenset({"exact", "inferred-year", "relative"})

HEADLINE_ANCHOR = datetime(2001, 7, 1)
"""Anchors a yearless headline date ("Weather for 8 November") when the article has no
publication date: only the month and day are kept, so any year would do."""

_WORDS = re.compile(r"\w+", re.UNICODE)


@dataclass(slots=True)
class Features:
    language: str
    terms: dict[str, float] = field(default_factory=dict)
    entities: dict[str, float] = field(default_factory=dict)
    dates: list[str] = field(default_factory=list)
    figures: list[str] = field(default_factory=list)
    minhash: list[int] = field(default_factory=list)
    published: str | None = None
    embedding: str = ""
    """Base64 float16 lead embedding (nutgraf.stories.embed), empty without the encoder."""
    lead: dict[str, float] = field(default_factory=dict)
    """Stems of the headline and the first sentences, weighted 1 + log(count)."""
    headline_days: list[str] = field(default_factory=list)
    """Calendar days (``MM-DD``) the headline names: "Weather for 8 November"."""
    headline_terms: list[str] = field(default_factory=list)
    """Stems of the headline without its dates: with ``headline_days``, two issues of one series
    ("Weather for 8 November", "Weather for 16 November") are told apart from one event."""

    def to_dict(self) -> dict:
        return asdict(self)


def features_from_dict(data: dict) -> Features:
    return Features(**data)


def shingles(text: str) -> set[bytes]:
    words = [w.lower() for w in _WORDS.findall(text)]
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {
        " ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8") for i in range(len(words) - SHINGLE_WORDS + 1)
    }


def minhash_of(text: str):
    """A datasketch MinHash of a text's word shingles (seeded: equal texts give equal signatures)."""
    from datasketch import MinHash

    signature = MinHash(num_perm=MINHASH_PERMUTATIONS, seed=1, scheme=MINHASH_SCHEME)
    items = shingles(text)
    if items:
        signature.update_batch(list(items))
    return signature


def _figure_key(subject: str | None, unit: str | None, value: float) -> str | None:
    if not subject or not unit:
        return None
    magnitude = math.floor(math.log10(abs(value))) if value else 0
    return f"{subject}|{unit}|{magnitude}"


def article_features(article: Article, embedding: list[float] | None = None) -> Features:
    """The features of one understood article (``embedding`` from nutgraf.stories.embed), from its
    first ``MAX_FEATURE_CHARS`` characters."""
    text = _feature_text(article.text)
    counts: Counter[str] = Counter(content_terms(text, article.language))
    for term in content_terms(article.title, article.language):
        counts[term] += TITLE_WEIGHT
    weighted = {term: 1.0 + math.log(count) for term, count in counts.items()}
    terms = dict(sorted(weighted.items(), key=lambda item: (-item[1], item[0]))[:TERMS_KEPT])
    entities = {e.id: float(e.mentions) for e in article.entities}
    dates = sorted({d.date for d in article.dates if d.date and d.certainty in EVENT_DATE_CERTAINTIES})
    figures = sorted(
        {key for f in article.figures if (key := _figure_key(f.subject, f.unit, f.value)) is not None}
    )
    return Features(
        language=article.language,
        terms=terms,
        entities=entities,
        dates=dates,
        figures=figures,
        minhash=[int(v) for v in minhash_of(text).hashvalues],
        published=article.published.isoformat() if article.published else None,
        embedding=encode_vector(embedding),
        lead=lead_terms(article),
        **headline_days(article),
    )


def _feature_text(text: str) -> str:
    """The part of an article's text its features are taken from: up to ``MAX_FEATURE_CHARS``
    characters, cut after a whole word."""
    return cut_at_word(text, MAX_FEATURE_CHARS)


def headline_days(article: Article) -> dict[str, list[str]]:
    """The calendar days a headline names and its stems without them (``headline_days``,
    ``headline_terms``), or nothing when the headline names no day."""
    title = article.title or ""
    days, kept, last = set(), [], 0
    for mention in extract_dates(title, article.language, article.published or HEADLINE_ANCHOR):
        if mention.granularity != "day" or mention.certainty not in {"exact", "inferred-year"}:
            continue
        if mention.date is None or mention.end_date is not None:
            continue
        days.add(mention.date[5:])
        kept.append(title[last : mention.start])
        last = mention.end
    if not days:
        return {}
    kept.append(title[last:])
    return {
        "headline_days": sorted(days),
        "headline_terms": sorted(set(content_terms(" ".join(kept), article.language))),
    }


def lead_terms(article: Article) -> dict[str, float]:
    """The weighted stems of an article's headline and first ``LEAD_SENTENCES`` sentences."""
    first = _feature_text(" ".join(s.text for s in article.sentences[:LEAD_SENTENCES]))
    if not first:
        first = article.text[:400]
    counts = Counter(content_terms(f"{article.title}\n{first}", article.language))
    return {term: 1.0 + math.log(count) for term, count in sorted(counts.items())}
