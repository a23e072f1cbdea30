"""Site furniture removal: the lines of a page that are interface, not news.

Two kinds of evidence:

1. **Rules**, from every language module: interface phrases ("No time to read?", "Get a summary",
   "Читайте также"), navigation markers whose next line is another article's headline
   ("Previous Article" / "Next Article", "Также по теме" + headline + teaser "..."), currency
   tickers ("3.76 BYN", "USD 92,41 ▲"), copyright and age-rating lines, and lines of an embedded
   script (a video player's JavaScript that a scraper copied with the text).
2. **Learning**, per source: a short line that recurs in many documents of the same source (same
   outlet or folder) is that site's template, so a new site's furniture goes without new rules.
   :class:`FurnitureModel` holds the counts as plain data; the pipeline loads and saves them.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from nutgraf.lang import all_languages

__all__ = ["FurnitureModel", "line_key", "strip_furniture"]

MIN_REPEAT_DOCS = 3
"""A line must occur in at least this many documents of a source to be learned as furniture."""

MIN_REPEAT_SHARE = 0.5
"""... and in at least this share of the source's documents. Template lines occur in nearly every
page; an expert quoted in two of a site's forty stories does not reach it. Checked on the sample
corpus (every template line is in 100% of an outlet's pages) and on the BBC set (no body line of
the 2,225 articles reaches it)."""

MAX_LEARNED_LINE_CHARS = 160
"""Only short lines are learned: templates are short, body paragraphs are long."""

MAX_TRACKED_LINES = 50_000
"""Per source; beyond this, lines seen once are forgotten (keeps memory flat on big backlogs)."""

MAX_HEADLINE_CHARS = 220
"""A line after a navigation marker is dropped as a related headline only when it is this short."""

_TICKER_TOKEN = re.compile(
    r"^(?:[A-Z]{3}(?:/[A-Z]{3})?|[$€£¥₽₴₸]|[▲▼△▽↑↓+\-−–]+|[$€£¥₽₴₸]?[\d\s.,:%+\-−]+[$€£¥₽₴₸]?|[A-Z][a-z]{1,11}|[А-Я][а-я]{1,11})$"
)
CURRENCY_CODES = frozenset(
    """AED AFN ALL AMD ARS AUD AZN BAM BDT BGN BHD BRL BTC BYN CAD CHF CLP CNY COP CZK DKK DZD EGP ETH EUR
    GBP GEL HKD HUF IDR ILS INR IQD IRR ISK JPY KES KGS KRW KWD KZT LKR MAD MDL MKD MNT MXN MYR NGN NOK NZD
    PHP PKR PLN QAR RON RSD RUB SAR SEK SGD THB TJS TMT TND TRY TWD UAH USD UZS VND XAU XAG ZAR""".split()
)
"""ISO 4217 codes (and gold, silver, bitcoin) that tickers show; "2000 GMT" is a kick-off time, not a rate."""

_CURRENCY = re.compile(r"\b(?:" + "|".join(sorted(CURRENCY_CODES)) + r")\b|[$€£¥₽₴₸]|[▲▼△▽↑↓]")
_SCALE_WORDS = re.compile(r"(?i)\b(billion|million|thousand|trillion|bn|mln|млрд|млн|тыс|трлн)\b")
_AGE_RATING = re.compile(r"^\d{1,2}\+$")
_COPYRIGHT = re.compile(r"^(©|\(c\)|copyright\b|копирайт\b)", re.IGNORECASE)
_CODE_LINE = re.compile(
    r"""(?:
        //|/\*|\*/|[{}\]]                                 # a comment, a brace
      | (?:var|let|const)\s+[A-Za-z_$][\w$]*\s*=          # a declaration
      | function\s*[\w$]*\s*\(                            # a function
      | (?:if|for|while|switch|catch)\s*\(                 # a statement
      | (?:else|try)\s*\{
      | return\s*(?:[{;(\[]|true\b|false\b|null\b)
      | [A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+\s*[=(]     # jwplayer.key = ..., player.setup(
      | [A-Za-z_$][\w$]*\(\s*["'{\[]                       # jwplayer("id")
      | .*(?:function\s*\(|\}\s*\)|\)\s*\{|=>\s*\{)        # a callback anywhere in the line
    )""",
    re.VERBOSE,
)
"""A line of JavaScript. Each alternative needs code syntax right after its keyword, so a prose line
broken mid-sentence ("for the first time...", "return to Kyiv") is not one. Checked on the 600 RT
articles of ../shared/eval (41 carry a video player's script: 372 lines, all code) and on the BBC,
XSum, ods, AllSides, WMT and ECB+ texts (24,119 lines, none matched). On the 990 pages of
trafilatura's evaluation set, 62 lines of trafilatura's output match (template tags such as
"{{#title}}", code samples of programming blogs) and none holds a snippet the gold keeps."""
_PUNCT_EDGES = re.compile(r"^[\W_]+|[\W_]+$")
_SPACES = re.compile(r"\s+")
_DIGITS = re.compile(r"\d+([.,]\d+)*")


def line_key(line: str) -> str:
    """The form of a line that repeats across a site's pages: case, digits and spacing folded."""
    folded = unicodedata.normalize("NFKC", line).casefold()
    folded = _DIGITS.sub("0", folded)
    folded = _SPACES.sub(" ", folded).strip()
    return folded


def _phrase(line: str) -> str:
    """Lower-cased line without surrounding punctuation, for matching rule phrases."""
    lowered = _SPACES.sub(" ", unicodedata.normalize("NFKC", line).casefold()).strip()
    stripped = _PUNCT_EDGES.sub("", lowered)
    return stripped if stripped else lowered


def is_ticker(line: str) -> bool:
    """A currency/market ticker line: codes, numbers and arrows, at most one name ("Brent $78.15 ▼")."""
    stripped = line.strip()
    if not stripped or len(stripped) > 60 or not any(ch.isdigit() for ch in stripped):
        return False
    if not _CURRENCY.search(stripped) or _SCALE_WORDS.search(stripped):
        return False
    tokens = stripped.replace("·", " ").replace("|", " ").split()
    names = [t for t in tokens if t[:1].isalpha() and not all(c in CURRENCY_CODES for c in t.split("/"))]
    if len(names) > 1:
        return False
    return all(_TICKER_TOKEN.match(token) for token in tokens)


@dataclass
class _Rules:
    lines: frozenset[str]
    patterns: tuple[re.Pattern[str], ...]
    markers: frozenset[str]


@cache
def _get_rules() -> _Rules:
    """Rules of every language module, compiled once per process."""
    lines: set[str] = set()
    patterns: list[re.Pattern[str]] = []
    markers: set[str] = set()
    for module in all_languages():
        lines.update(_phrase(line) for line in module.FURNITURE_LINES)
        patterns.extend(module.FURNITURE_PATTERNS)
        markers.update(_phrase(marker) for marker in module.NAVIGATION_MARKERS)
    return _Rules(frozenset(lines), tuple(patterns), frozenset(markers))


def is_rule_furniture(line: str) -> bool:
    """True when a rule says this whole line is interface text."""
    stripped = line.strip()
    if not stripped:
        return False
    rules = _get_rules()
    if _phrase(stripped) in rules.lines or _phrase(stripped) in rules.markers:
        return True
    if is_ticker(stripped) or _AGE_RATING.match(stripped) or _COPYRIGHT.match(stripped):
        return True
    if _CODE_LINE.match(stripped):
        return True
    return any(pattern.match(stripped) for pattern in rules.patterns)


def _is_marker(line: str) -> bool:
    return _phrase(line) in _get_rules().markers


@dataclass
class FurnitureModel:
    """Per-source counts of short lines; plain data so it pickles and can be saved in the store.

    ``documents[source]`` counts the documents observed for a source and ``lines[source][key]`` in
    how many of them a line (by :func:`line_key`) occurred.
    """

    documents: Counter[str] = field(default_factory=Counter)
    lines: dict[str, Counter[str]] = field(default_factory=dict)

    def observe(self, source: str, text: str) -> None:
        """Count the short lines of one document of ``source`` (each line once per document)."""
        keys = {
            line_key(line)
            for line in text.splitlines()
            if line.strip() and len(line.strip()) <= MAX_LEARNED_LINE_CHARS
        }
        self.documents[source] += 1
        counts = self.lines.setdefault(source, Counter())
        counts.update(keys)
        if len(counts) > MAX_TRACKED_LINES:
            for key in [k for k, n in counts.items() if n < 2]:
                del counts[key]

    def is_learned(self, source: str, line: str) -> bool:
        """True when ``line`` is part of ``source``'s template."""
        stripped = line.strip()
        if len(stripped) > MAX_LEARNED_LINE_CHARS or stripped.endswith(":"):
            # "Name, Role:" speaker labels introduce quotes; they are never template.
            return False
        documents = self.documents.get(source, 0)
        if documents < MIN_REPEAT_DOCS:
            return False
        seen = self.lines.get(source, {}).get(line_key(stripped), 0)
        return seen >= MIN_REPEAT_DOCS and seen >= MIN_REPEAT_SHARE * documents


def strip_furniture(
    text: str, source: str | None = None, model: FurnitureModel | None = None
) -> tuple[str, list[str]]:
    """Remove furniture lines; returns the kept text (line structure preserved) and the removed lines."""
    lines = text.splitlines()
    keep = [True] * len(lines)
    removed: list[str] = []

    def drop(index: int) -> None:
        if keep[index]:
            keep[index] = False
            removed.append(lines[index])

    index = 0
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            index += 1
            continue
        if _is_marker(line):
            drop(index)
            following = _next_nonblank(lines, index + 1)
            if following is not None and _headline_like(lines[following]):
                drop(following)
                teaser = _next_nonblank(lines, following + 1)
                if teaser is not None and lines[teaser].rstrip().endswith(("...", "…")):
                    drop(teaser)
                index = following
        elif is_rule_furniture(line) or (model is not None and source and model.is_learned(source, line)):
            drop(index)
        index += 1
    kept = "\n".join(line for line, flag in zip(lines, keep, strict=True) if flag)
    return kept, removed


def _next_nonblank(lines: list[str], start: int) -> int | None:
    for index in range(start, len(lines)):
        if lines[index].strip():
            return index
    return None


def _headline_like(line: str) -> bool:
    stripped = line.strip()
    return 0 < len(stripped) <= MAX_HEADLINE_CHARS and not _is_marker(stripped)
