"""Language support: one module per language, found through a small registry.

A language module (``en.py``, ``ru.py``) exposes, at module level:

- ``CODE`` and ``NAME``;
- ``split_sentences(paragraph) -> list[tuple[int, int]]``: sentence spans within one paragraph;
- ``MONTHS``: lower-cased month names and abbreviations (every case form) -> month number;
- ``WEEKDAYS``: lower-cased weekday names and abbreviations;
- ``FURNITURE_LINES``: lower-cased lines that are site interface, not news ("get a summary");
- ``FURNITURE_PATTERNS``: regular expressions for whole furniture lines ("follow us on ...");
- ``NAVIGATION_MARKERS``: lines after which the next line is another article's headline;
- optionally, for the furniture learner's test of whether a recurring line reads as reporting:
  ``verb_mood(line) -> "indicative" | "imperative" | None`` (does it state something, or command
  the reader?) and ``SITE_PHRASES`` (words by which a line speaks for the site: "our", "this
  article"); a module without them leaves the learner to judge by a line's shape alone;
- ``STOPWORDS`` and ``STEMMER`` (a Snowball algorithm name) for content terms;
- ``DANGLING_STARTS`` (openings that lean on the sentence before) and ``CREDIT_LABELS`` (openings
  of credit lines) for summaries.

Adding a language means adding one module here and its code to ``SUPPORTED``. Text in a language
without a module is still stored and split into sentences by the generic module ``xx``.
"""

from __future__ import annotations

import importlib
import re
from functools import cache
from types import ModuleType

from nutgraf.lang.detect import detect_language
from nutgraf.model import Sentence

__all__ = [
    "SUPPORTED",
    "all_languages",
    "content_terms",
    "detect_language",
    "get_language",
    "paragraphs",
    "split_sentences",
]

SUPPORTED: tuple[str, ...] = ("en", "ru")
"""Languages with a full module; anything else falls back to ``xx``."""

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_WORD = re.compile(r"[^\W\d_](?:[\w'’-]*\w)?")


@cache
def get_language(code: str | None) -> ModuleType:
    """The module for ``code``, or the generic one when the language has no module."""
    if code in SUPPORTED:
        return importlib.import_module(f"nutgraf.lang.{code}")
    return importlib.import_module("nutgraf.lang.xx")


def all_languages() -> list[ModuleType]:
    """Every full language module (cleaning uses all of them before the language is known)."""
    return [get_language(code) for code in SUPPORTED]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the paragraphs of a clean text (paragraphs are separated by blank lines)."""
    spans = []
    pos = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        if text[pos : match.start()].strip():
            spans.append((pos, match.start()))
        pos = match.end()
    if text[pos:].strip():
        spans.append((pos, len(text)))
    return spans


def split_sentences(text: str, language: str | None) -> list[Sentence]:
    """Sentences of a clean text, never crossing a paragraph boundary, with offsets into ``text``."""
    module = get_language(language)
    sentences: list[Sentence] = []
    for number, (p_start, p_end) in enumerate(paragraphs(text)):
        paragraph = text[p_start:p_end]
        for start, end in module.split_sentences(paragraph):
            chunk = paragraph[start:end]
            stripped = chunk.strip()
            if not stripped:
                continue
            lead = len(chunk) - len(chunk.lstrip())
            begin = p_start + start + lead
            sentences.append(Sentence(stripped, begin, begin + len(stripped), number))
    return sentences


@cache
def _stemmer(algorithm: str):
    import Stemmer

    return Stemmer.Stemmer(algorithm)


def content_terms(text: str, language: str | None) -> list[str]:
    """Stems of the content words of ``text`` (stopwords and numbers dropped), lower-cased."""
    module = get_language(language)
    stopwords = getattr(module, "STOPWORDS", frozenset())
    words = [
        w for w in (m.group(0).lower().replace("ё", "е") for m in _WORD.finditer(text)) if w not in stopwords
    ]
    algorithm = getattr(module, "STEMMER", None)
    return _stemmer(algorithm).stemWords(words) if algorithm else words
