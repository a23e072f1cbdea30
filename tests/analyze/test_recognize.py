"""NER over long texts: read in paragraph-aligned pieces, spans shifted back into place."""

from __future__ import annotations

import nutgraf.analyze as analyze
from nutgraf.analyze import recognize


def test_a_text_longer_than_a_chunk_is_read_in_pieces(monkeypatch):
    paragraphs = [
        "Maureen Tate, regional organiser for the Northern Engineering Union, spoke in Leeds.",
        "Daniel Hargreaves, the chief executive of Lumora Robotics, flew to Brno on Monday.",
        "Rachel Dunmore, the leader of Leeds City Council, wrote to the company's board.",
    ]
    text = "\n\n".join(paragraphs)
    whole = recognize([text], "en")[0]
    monkeypatch.setattr(analyze, "NER_CHUNK_CHARS", len(paragraphs[0]) + 10)
    assert len(analyze._chunks(text)) == 3
    pieces = recognize([text, "Tate spoke."], "en")
    assert pieces[0] == whole  # the same spans, at the same offsets
    assert {text[start:end] for start, end, label in pieces[0] if label == "PER"} >= {
        "Maureen Tate",
        "Daniel Hargreaves",
        "Rachel Dunmore",
    }


def test_a_piece_without_paragraph_breaks_is_cut_where_it_must(monkeypatch):
    monkeypatch.setattr(analyze, "NER_CHUNK_CHARS", 10)
    chunks = analyze._chunks("a" * 25)
    assert [(offset, len(piece)) for offset, piece in chunks] == [(0, 10), (10, 10), (20, 5)]
    assert "".join(piece for _offset, piece in chunks) == "a" * 25
