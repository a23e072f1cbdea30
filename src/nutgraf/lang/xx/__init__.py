"""Generic fallback for languages without a module: sentences by blingfire, nothing else."""

from __future__ import annotations

import re

from nutgraf.lang.en import split_sentences

CODE = "xx"
NAME = "Other"
MONTHS: dict[str, int] = {}
FURNITURE_LINES: frozenset[str] = frozenset()
FURNITURE_PATTERNS: tuple[re.Pattern[str], ...] = ()
NAVIGATION_MARKERS: frozenset[str] = frozenset()

__all__ = ["split_sentences"]
STOPWORDS: frozenset[str] = frozenset()
STEMMER = None
DANGLING_STARTS: tuple[str, ...] = ()
CREDIT_LABELS: tuple[str, ...] = ()
WEEKDAYS: frozenset[str] = frozenset()
