"""Sentence embeddings: one multilingual space, unit length, memoised for views."""

from __future__ import annotations

import numpy as np

import nutgraf.stories.embed as embed


def test_a_sentence_and_its_translation_are_close_and_another_fact_is_not():
    vectors = embed.embed_sentences(
        [
            "The bridge will reopen to traffic on Monday.",
            "Мост снова откроют для движения в понедельник.",
            "The mayor cut the ribbon at the new library.",
        ]
    )
    assert vectors is not None
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.2


def test_views_encode_only_the_sentences_they_have_not_seen(monkeypatch):
    encoded: list[list[str]] = []
    real = embed.embed_sentences

    def counting(texts: list[str]):
        encoded.append(list(texts))
        return real(texts)

    monkeypatch.setattr(embed, "embed_sentences", counting)
    monkeypatch.setattr(embed, "_memo", type(embed._memo)())
    first = embed.sentence_vectors(["Ferries resumed on Tuesday.", "Паромы вернулись во вторник."])
    again = embed.sentence_vectors(["Паромы вернулись во вторник.", "A third sentence.", "A third sentence."])
    assert encoded == [
        ["Ferries resumed on Tuesday.", "Паромы вернулись во вторник."],
        ["A third sentence."],
    ]
    assert first is not None and again is not None and len(again) == 3
    assert np.array_equal(first[1], again[0])
    assert np.allclose(again[1], real(["A third sentence."])[0], atol=1e-6)


def test_the_memo_keeps_only_the_most_recent_sentences(monkeypatch):
    monkeypatch.setattr(embed, "_memo", type(embed._memo)())
    monkeypatch.setattr(embed, "SENTENCE_MEMO_SIZE", 2)
    embed.sentence_vectors(["one sentence here.", "two sentences here.", "three sentences here."])
    assert list(embed._memo) == ["two sentences here.", "three sentences here."]


def test_without_the_encoder_there_are_no_vectors(monkeypatch):
    monkeypatch.setattr(embed, "_memo", type(embed._memo)())
    monkeypatch.setattr(embed, "embed_sentences", lambda texts: None)
    assert embed.sentence_vectors(["Anything at all."]) is None
