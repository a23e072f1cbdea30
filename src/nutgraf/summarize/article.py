"""Extractive article summaries: the few sentences that say what the story is about.

News puts the point first, so position carries most of the weight; centrality (how much of the
article's vocabulary a sentence shares) and overlap with the headline pick the right sentences
when the lead is a scene-setter. Readability filters keep a summary from starting mid-thought:
no sentence that leans on an antecedent ("He added...", "Однако...") unless that antecedent is
in the summary, no fragment cut out of a longer quote, no near-duplicates.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from nutgraf.lang import content_terms, get_language
from nutgraf.model import Sentence

__all__ = ["select_sentences"]

POSITION_WEIGHT = 0.55
CENTRALITY_WEIGHT = 0.25
TITLE_WEIGHT = 0.20
"""Weights of the three signals. Position dominates because news leads carry the point; set by hand
from the genre and checked on the BBC set with bench/summarization.py (issue: summaries)."""

POSITION_DECAY = 0.15
"""Position score is exp(-DECAY * index): sentence 5 keeps about half the weight of sentence 1."""

MIN_WORDS = 6
MAX_WORDS = 70
"""Shorter sentences are captions or labels; longer ones are lists or run-ons."""

MAX_OVERLAP = 0.6
"""A candidate sharing more than this share of its terms with a chosen sentence is redundant."""

_QUOTE_OPEN = "“«„"
_QUOTE_CLOSE = "”»“"
_WORDS = re.compile(r"\w+", re.UNICODE)


def _quote_flags(sentences: list[Sentence]) -> list[bool]:
    """True for sentences that sit inside or open an unfinished quotation (cut from their speaker)."""
    flags = []
    depth = 0
    paragraph = -1
    for sentence in sentences:
        if sentence.paragraph != paragraph:
            paragraph, depth = sentence.paragraph, 0
        starts_inside = depth > 0
        for ch in sentence.text:
            if ch in _QUOTE_OPEN and not (ch == "“" and depth > 0):
                depth += 1
            elif ch in _QUOTE_CLOSE and depth > 0:
                depth -= 1
            elif ch == '"':
                depth = 0 if depth > 0 else 1
        flags.append(starts_inside or depth > 0)
    return flags


def _dangles(text: str, openings: tuple[str, ...]) -> bool:
    lowered = text.lstrip("\"'“«—–- ").lower()
    for opening in openings:
        if lowered.startswith(opening) and (
            len(lowered) == len(opening) or not lowered[len(opening)].isalnum()
        ):
            return True
    return False


def _cosine(a: Counter[str], b: Counter[str]) -> float:
    if not a or not b:
        return 0.0
    dot = sum(count * b.get(term, 0) for term, count in a.items())
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0


def select_sentences(
    sentences: list[Sentence], *, title: str | None, language: str | None, count: int = 3
) -> list[int]:
    """Indexes (in document order) of the ``count`` sentences that best summarise the article."""
    if count <= 0 or not sentences:
        return []
    openings = getattr(get_language(language), "DANGLING_STARTS", ())
    terms = [Counter(content_terms(s.text, language)) for s in sentences]
    document: Counter[str] = Counter()
    for bag in terms:
        document.update(bag)
    title_terms = set(content_terms(title or "", language))
    inside_quote = _quote_flags(sentences)

    scored = []
    for index, sentence in enumerate(sentences):
        words = len(_WORDS.findall(sentence.text))
        if words < MIN_WORDS or words > MAX_WORDS or inside_quote[index] or sentence.text.endswith(":"):
            continue
        position = math.exp(-POSITION_DECAY * index)
        centrality = _cosine(terms[index], document)
        overlap = len(title_terms & set(terms[index])) / len(title_terms) if title_terms else 0.0
        score = POSITION_WEIGHT * position + CENTRALITY_WEIGHT * centrality + TITLE_WEIGHT * overlap
        scored.append((score, index))
    scored.sort(key=lambda pair: (-pair[0], pair[1]))

    chosen: list[int] = []
    for _score, index in scored:
        if len(chosen) >= count:
            break
        if index > 0 and _dangles(sentences[index].text, openings) and index - 1 not in chosen:
            continue
        bag = set(terms[index])
        if any(bag and len(bag & set(terms[other])) / len(bag) > MAX_OVERLAP for other in chosen):
            continue
        chosen.append(index)
    if not chosen:  # every sentence was filtered: fall back to the lead rather than nothing
        chosen = list(range(min(count, len(sentences))))
    return sorted(chosen)
