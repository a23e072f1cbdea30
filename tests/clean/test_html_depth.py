"""Pathologically deep HTML: the text is still found, or the page is refused with a reason."""

from __future__ import annotations

import pytest

from nutgraf.clean import extract_html
from nutgraf.errors import EmptyInput

LEAD = (
    "Port workers end strike after pay deal. Dock workers at the northern port returned to work on "
    "Thursday after the union accepted a pay rise of six percent, ending a strike that lasted nine days."
)
SECOND = (
    "Shipping companies said it would take about a week to clear the backlog of containers, "
    "and the port authority promised extra night shifts."
)


def nested(depth: int, inner: str) -> str:
    return "<div>" * depth + inner + "</div>" * depth


@pytest.mark.parametrize("depth", [300, 3000, 100_000])
def test_deeply_nested_paragraph_is_extracted(depth):
    page = (
        "<html><head><title>Port strike ends</title></head><body>"
        + nested(depth, f"<p>{LEAD}</p><p>{SECOND}</p>")
        + "</body></html>"
    )
    text = extract_html(page).text
    assert LEAD in text and SECOND in text


def test_text_after_a_deep_block_is_not_lost():
    page = (
        "<html><body><article><h1>Port strike ends</h1><p>"
        + LEAD
        + "</p>"
        + nested(20_000, "<span>menu</span>")
        + "<p>"
        + SECOND
        + "</p></article></body></html>"
    )
    text = extract_html(page).text
    assert LEAD in text and SECOND in text


def test_deep_page_without_text_is_refused_with_a_reason():
    with pytest.raises(EmptyInput, match="nest"):
        extract_html("<html><body>" + nested(50_000, "") + "</body></html>")
