"""Helpers for tests that check what cleaning keeps and removes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def needs_shared(*parts: str) -> Path:
    """A path under ../shared, or skip the test cleanly when a user's clone has no ../shared."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"../shared/{'/'.join(parts)} is not available (only beside a development checkout)")
    return path


BODY_END = tuple('.!?"»”)]')
MIN_BODY_WORDS = 8

KNOWN_FURNITURE = (
    "No time to read?",
    "Get a summary",
    "Previous Article",
    "Next Article",
    "Читайте также",
    "Подписывайтесь",
    "Follow the Northgate Herald",
    "All rights reserved",
    "Advertisement",
    "Share: Facebook",
    "Поделиться",
    "Related stories",
    "Sign up for the Meridian",
    "We use cookies",
)
TICKER = re.compile(r"^\s*(?:(?:USD|EUR|CNY|BYN|RUB)\s+\d+[.,]\d+|\d+[.,]\d+\s*(?:USD|EUR|CNY|BYN|RUB))\b.*$")
MAX_FURNITURE_WORDS = 12


def fold(text: str) -> str:
    return re.sub(r"\W+", " ", text.casefold()).strip()


def body_lines(raw_text: str) -> list[str]:
    """Lines of a source that are clearly article body: long and ending like a sentence."""
    lines = []
    for line in raw_text.splitlines():
        stripped = line.strip()
        if len(stripped.split()) >= MIN_BODY_WORDS and stripped.endswith(BODY_END):
            lines.append(stripped)
    return lines


def missing_body(raw_text: str, clean_text: str) -> list[str]:
    folded = fold(clean_text)
    return [line for line in body_lines(raw_text) if fold(line) not in folded]


def furniture_left(clean_text: str) -> list[str]:
    """Lines of a clean text that are known furniture: short lines opening with a furniture phrase, tickers."""
    found = []
    for line in clean_text.splitlines():
        stripped = line.strip()
        if len(stripped.split()) > MAX_FURNITURE_WORDS:
            continue
        if any(stripped.casefold().startswith(p.casefold()) for p in KNOWN_FURNITURE) or TICKER.match(
            stripped
        ):
            found.append(stripped)
    return found


def understood_shape(text: str, title: str, language: str = "en"):
    """An article as ingest hands it to analysis: its text split into sentences, nothing else set."""
    from nutgraf.lang import split_sentences
    from nutgraf.model import Article

    return Article(
        source="test",
        text=text,
        title=title,
        language=language,
        content_hash="h",
        source_key="test",
        sentences=split_sentences(text, language),
    )
