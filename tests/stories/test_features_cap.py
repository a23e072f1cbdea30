"""Grouping reads a bounded opening of a huge article (issue 23, item 4): its terms, MinHash and
lead embedding come from at most a fixed number of characters, whatever the article's length."""

from __future__ import annotations

from helpers import understood_shape
from nutgraf.model import Article
from nutgraf.stories import embed, features

PARAGRAPH = "The harbour board met again to discuss the northern quay and its cranes on Tuesday.\n\n"


def _article(text: str) -> Article:
    return understood_shape(text, "Quay repairs")


def test_terms_and_minhash_come_from_the_opening_of_a_huge_article(monkeypatch):
    read: list[int] = []
    hashed: list[int] = []
    terms, minhash = features.content_terms, features.minhash_of
    monkeypatch.setattr(
        features, "content_terms", lambda text, language: read.append(len(text)) or terms(text, language)
    )
    monkeypatch.setattr(features, "minhash_of", lambda text: hashed.append(len(text)) or minhash(text))
    text = (PARAGRAPH * (3 * features.MAX_FEATURE_CHARS // len(PARAGRAPH))).strip()
    found = features.article_features(_article(text))
    assert max(read) <= features.MAX_FEATURE_CHARS and hashed == [max(hashed)]
    assert hashed[0] <= features.MAX_FEATURE_CHARS
    assert "harbour" in " ".join(found.terms) and len(found.minhash) == features.MINHASH_PERMUTATIONS


def test_the_lead_of_a_page_without_full_stops_is_embedded_from_its_start(monkeypatch):
    """A page with no sentence break is one sentence; the encoder gets a bounded piece of it."""
    given: list[int] = []

    class Encoder:
        def encode(self, texts):
            given.extend(len(text) for text in texts)
            return [[1.0, 0.0] for _ in texts]

    monkeypatch.setattr(embed, "_encoder", Encoder)
    endless = " ".join(["harbour"] * (4 * embed.MAX_EMBED_CHARS))
    [vector] = embed.embed_articles([_article(endless)])
    assert vector == [1.0, 0.0]
    assert given and max(given) <= embed.MAX_EMBED_CHARS
