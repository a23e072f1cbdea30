"""Site furniture removal: the lines of a page that are interface, not news.

Two kinds of evidence:

1. **Rules**, from every language module: interface phrases ("No time to read?", "Get a summary",
   "Читайте также"), navigation markers whose next line is another article's headline
   ("Previous Article" / "Next Article", "Также по теме" + headline + teaser "..."), currency
   tickers ("3.76 BYN", "USD 92,41 ▲"), copyright and age-rating lines, and lines of an embedded
   script (a video player's JavaScript that a scraper copied with the text). Rules apply anywhere.
2. **Learning**, per source: a short line that recurs, word for word and figure for figure, in
   many documents of the same source (same outlet or folder) may be that site's template, so a new
   site's furniture goes without new rules. :class:`FurnitureModel` holds the counts as plain data;
   the pipeline loads and saves them.

Recurring is not enough, though: a wire's templated reports (earthquakes, scores, market closes,
weather) repeat most of their sentences in every report, and those sentences are the news
(issue 23). So, as jusText and trafilatura judge boilerplate by where a block sits and what it
reads like rather than by repetition, a recurring line is removed only when

- it sits on an *edge* of the article: before its first or after its last body line, where a
  site's template sits (a line between two body lines is the article's, whatever its count);
- it does not read as reporting (:func:`reads_as_reporting`: a statement, with a finite verb or
  enough words, that does not speak for the site; or a line naming what the rest of the article
  develops, "Coastal League" above a match report);
- it is not the dateline, and removing it does not empty the article.

A line whose figures change between a site's documents ("The quake hit at a depth of 12
kilometres.", "Attendance: 12,408") is the report's data and never recurs as one line: counts are
kept per exact line (:func:`line_key` keeps the digits), so only literal repetition is evidence.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, deque
from dataclasses import dataclass, field
from functools import cache, lru_cache

from nutgraf.clean.text import parse_dateline
from nutgraf.lang import (
    all_languages,
    alternation,
    content_terms,
    detect_language,
    every,
    get_language,
    writers,
)
from nutgraf.lang.contract import section

__all__ = ["FurnitureModel", "line_key", "reads_as_reporting", "strip_furniture"]

MIN_REPEAT_DOCS = 3
"""A line must occur in at least this many documents of a source to be a template candidate."""

MIN_REPEAT_SHARE = 0.5
"""... and in at least this share of the source's documents. Template lines occur in nearly every
page; an expert quoted in two of a site's forty stories does not reach it. Checked on the sample
corpus (every template line is in 100% of an outlet's pages) and on the BBC set (no body line of
the 2,225 articles reaches it). Reaching it only makes a line a candidate: see the module's
docstring for what else must hold before it is removed."""

MAX_LEARNED_LINE_CHARS = 160
"""Only short lines are learned: templates are short, body paragraphs are long."""

WINDOW_DOCUMENTS = 200
"""A source's template is counted over its last this many documents. A window, not running
totals: memory and storage stay flat on a big backlog, a redesigned site's new template is learned
within a window, and the counts are a function of the stored articles alone (each keeps its keys,
written in its own transaction), so a kill or a restart cannot change what is cleaned (issue 23).
200 pages: a template line is in nearly all of them, while a quoted expert's line recurs in a few.
A design bound, not fitted to any set: the sample corpus's outlets hold under 20 pages each and the
templated reports recur in every page, so any window above MIN_REPEAT_DOCS / MIN_REPEAT_SHARE
gives the same result on them (bench/cleaning.py, bench/templated.py)."""

MAX_KEYS_PER_DOCUMENT = 256
"""Short lines counted per document: the first and last half of them when a page has more (a
template sits on the edges, and the learner removes only edge lines)."""

MIN_STATEMENT_WORDS = 2
"""A recurring statement of fewer words (figures count) never reads as reporting: two, so that
"Пострадавших нет." ("No casualties.") is news and a one-word "Advertisement." is not.

Set on the templated reports of tests/templated_reports.py (four kinds, two languages: every line
must stay) and checked with ``python bench/templated.py --calibrate [--no-rules]`` on the sample
corpus, the seeds, RT (600 articles, one outlet), BBC (2,225), CNN/DailyMail (96) and ods-ru (63,
seven outlets). With the rules on, learning now removes nothing beyond them on any of these; it
used to remove RIA's "МОСКВА, 10 авг - РИА Новости." (5 articles, a wire's credit). With the rules
off, learning alone still removes every template line of the sample outlets (72 lines) except the
tickers, whose figures change from page to page (a rule removes them); RT's "Также по теме" (594),
which sits inside the articles, is now left to its rule."""

MIN_VERBLESS_WORDS = 4
"""A recurring statement without a finite verb reads as reporting from this many words (figures
count): the forecasts "Mostly dry, with light winds." and "Глубина очага — 10 километров." are news;
"Sponsored content." and "Terms apply." are not. Also the rule for a language whose module cannot
tell verbs. Calibrated with MIN_STATEMENT_WORDS, on the same sets."""

MAX_HEADLINE_CHARS = 220
"""A line after a navigation marker is dropped as a related headline only when it is this short."""

_CAPITALISED_WORDS = "|".join(
    f"[{upper}][{section(module, 'LOWERCASE')}]{{1,11}}"
    for module in all_languages()
    if (upper := section(module, "UPPERCASE"))
)
"""A capitalised word of any registered language (a ticker's month or name: "Jan", "Нефть")."""
_TICKER_TOKEN = re.compile(
    r"^(?:[A-Z]{3}(?:/[A-Z]{3})?|[$€£¥₽₴₸]|[▲▼△▽↑↓+\-−–]+|[$€£¥₽₴₸]?[\d\s.,:%+\-−]+[$€£¥₽₴₸]?|"
    + _CAPITALISED_WORDS
    + ")$"
)
CURRENCY_CODES = frozenset(
    """AED AFN ALL AMD ARS AUD AZN BAM BDT BGN BHD BRL BTC BYN CAD CHF CLP CNY COP CZK DKK DZD EGP ETH EUR
    GBP GEL HKD HUF IDR ILS INR IQD IRR ISK JPY KES KGS KRW KWD KZT LKR MAD MDL MKD MNT MXN MYR NGN NOK NZD
    PHP PKR PLN QAR RON RSD RUB SAR SEK SGD THB TJS TMT TND TRY TWD UAH USD UZS VND XAU XAG ZAR""".split()
)
"""ISO 4217 codes (and gold, silver, bitcoin) that tickers show; "2000 GMT" is a kick-off time, not a rate."""

_CURRENCY = re.compile(r"\b(?:" + "|".join(sorted(CURRENCY_CODES)) + r")\b|[$€£¥₽₴₸]|[▲▼△▽↑↓]")
_SCALE_WORDS = re.compile(rf"(?i)\b({alternation(every('SCALE_WORDS'))})\b")
_AGE_RATING = re.compile(r"^\d{1,2}\+$")
_COPYRIGHT = re.compile(rf"^(©|\(c\)|(?:{alternation(every('COPYRIGHT_WORDS'))})\b)", re.IGNORECASE)
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
_STATEMENT_END = re.compile(r"(?<![.…])\.[\"'”’»)\]]*$")
"""A statement ends in one full stop (closing quotes or brackets may follow); not "?", "!" or a
teaser's "...": "No time to read?" asks the reader, a statement reports."""
_TOKEN = re.compile(r"\w+(?:[.,'’-]\w+)*")
_LETTERS = re.compile(r"[^\W\d_]+")
_QUOTED = re.compile(r"[“\"«„][^“”\"«»„]*[”\"»“]")
_DIALOGUE = re.compile(r"^[—–-]\s")
_SENTENCE_START = re.compile(r"(?:^|[.!?…]\s+)[—–«\"“(\s-]*([^\W\d_][\w'’-]*)")


def line_key(line: str) -> str:
    """The form of a line that repeats across a site's pages: case and spacing folded, figures
    kept. A template repeats literally ("© 2026 Northgate Herald"); a line whose figures change
    from page to page ("The quake hit at a depth of 12 kilometres.", "Attendance: 12,408") is the
    pages' data, so its forms are counted apart and none of them recurs like a template."""
    folded = unicodedata.normalize("NFKC", line).casefold()
    return _SPACES.sub(" ", folded).strip()


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
    """Per-source counts of short lines over a window of recent documents; plain data, so it
    pickles. The pipeline fills a source's window from the store (:meth:`load`: the keys its
    stored articles keep) before its first document in a run, then counts every document it reads
    (:meth:`observe`, whose keys are stored with the article), in input order.

    ``recent[source]`` holds the keys of the source's last documents, oldest first, and
    ``lines[source][key]`` in how many of them a line (by :func:`line_key`) occurred."""

    window: int = WINDOW_DOCUMENTS
    recent: dict[str, deque[tuple[str, ...]]] = field(default_factory=dict)
    lines: dict[str, Counter[str]] = field(default_factory=dict)

    @staticmethod
    def keys_of(text: str) -> list[str]:
        """The hashed keys of a document's short lines, each once, in the order they first occur."""
        short = [
            line for line in text.splitlines() if line.strip() and len(line.strip()) <= MAX_LEARNED_LINE_CHARS
        ]
        if len(short) > MAX_KEYS_PER_DOCUMENT:
            half = MAX_KEYS_PER_DOCUMENT // 2
            short = short[:half] + short[-half:]
        return list(dict.fromkeys(_hashed(line_key(line)) for line in short))

    def knows(self, source: str) -> bool:
        return source in self.recent

    def load(self, source: str, documents: list[list[str]]) -> None:
        """Start ``source``'s window with the keys of its stored documents (oldest first)."""
        self.recent[source] = deque()
        self.lines[source] = Counter()
        for keys in documents[-self.window :]:
            self._add(source, tuple(keys))

    def observe(self, source: str, text: str) -> list[str]:
        """Count one document of ``source``; returns its keys (to store with the article)."""
        keys = self.keys_of(text)
        self.recent.setdefault(source, deque())
        self.lines.setdefault(source, Counter())
        self._add(source, tuple(keys))
        return keys

    def _add(self, source: str, keys: tuple[str, ...]) -> None:
        recent = self.recent[source]
        recent.append(keys)
        self._count(source, keys, 1)
        while len(recent) > self.window:
            self._count(source, recent.popleft(), -1)

    def _count(self, source: str, keys: tuple[str, ...], step: int) -> None:
        counts = self.lines[source]
        for key in keys:
            counts[key] += step
            if counts[key] <= 0:
                del counts[key]

    def is_learned(self, source: str, line: str) -> bool:
        """True when ``line`` recurs often enough in ``source``'s documents to be a candidate for its
        template; :func:`strip_furniture` removes a candidate only on the article's edges and only
        when it does not read as reporting."""
        stripped = line.strip()
        if len(stripped) > MAX_LEARNED_LINE_CHARS or stripped.endswith(":"):
            # "Name, Role:" speaker labels introduce quotes; they are never template.
            return False
        documents = len(self.recent.get(source, ()))
        if documents < MIN_REPEAT_DOCS:
            return False
        seen = self.lines.get(source, {}).get(_hashed(line_key(stripped)), 0)
        return seen >= MIN_REPEAT_DOCS and seen >= MIN_REPEAT_SHARE * documents


def _hashed(key: str) -> str:
    """A line key as stored: 64 bits of BLAKE2b (a collision between two of a site's short lines is
    negligible, and every article's keys stay small)."""
    return hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


def strip_furniture(
    text: str, source: str | None = None, model: FurnitureModel | None = None
) -> tuple[str, list[str]]:
    """Remove furniture lines; returns the kept text (line structure preserved) and the removed lines.

    Rules remove their lines wherever they are; then, with a ``model``, the learned template lines
    on the article's edges go (:func:`learned_edge_lines`)."""
    lines = text.splitlines()
    keep = [True] * len(lines)

    def drop(index: int) -> None:
        keep[index] = False

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
        elif is_rule_furniture(line):
            drop(index)
        index += 1
    if model is not None and source:
        for learned in learned_edge_lines(lines, keep, source, model):
            drop(learned)
    kept = "\n".join(line for line, flag in zip(lines, keep, strict=True) if flag)
    removed = [line for line, flag in zip(lines, keep, strict=True) if not flag]
    return kept, removed


def learned_edge_lines(lines: list[str], keep: list[bool], source: str, model: FurnitureModel) -> list[int]:
    """Indices of the kept ``lines`` that learning removes: recurring lines (``model.is_learned``)
    before the article's first or after its last body line that neither read as reporting nor name
    what the rest of the article develops. Never all of the kept lines.

    Body lines are the statements: a recurring line that reads as reporting, or any other line
    that ends in a full stop and does not speak for the site (or is too long to be a template). A
    headline, a dateline or a label is not one, so a template between the headline and the first
    paragraph is still on the edge; a line between two body lines is the article's."""
    present = [i for i, line in enumerate(lines) if keep[i] and line.strip()]
    candidates = [
        i for i in present if model.is_learned(source, lines[i]) and parse_dateline(lines[i]) is None
    ]
    if not candidates:
        return []
    document = _Document(lines, present)
    reporting = {i for i in candidates if reads_as_reporting(lines[i], document.language_of(lines[i]))}
    learned = set(candidates)
    body = [i for i in present if (i in reporting) or (i not in learned and document.is_statement(lines[i]))]
    first, last = (body[0], body[-1]) if body else (len(lines), -1)
    edges = [i for i in candidates if (i < first or i > last) and i not in reporting]
    if not edges:
        return []
    on_edge = set(edges)
    document.rest = "\n".join(lines[i] for i in present if i not in on_edge)
    removed = [i for i in edges if not document.develops(lines[i])]
    return removed if len(removed) < len(present) else []


class _Document:
    """One article's lines as the learner judges them; its language is found once, and only for
    an article with learned candidates."""

    def __init__(self, lines: list[str], present: list[int]) -> None:
        self.text = "\n".join(lines[i] for i in present)
        self.rest = ""
        """The lines that are not learned edge candidates, set by :func:`learned_edge_lines`."""
        self._language: str | None = None
        self._rest_names: dict[str, set[str]] = {}

    @property
    def language(self) -> str:
        if self._language is None:
            self._language = detect_language(self.text)
        return self._language

    def language_of(self, line: str) -> str | None:
        """The line's language by its letters (``nutgraf.lang.writers``): the article's when its
        letters write the line, else the first registered language whose letters do (a Cyrillic line
        in an English article is Russian, a Latin one in a Russian article English)."""
        found = writers(line, prefer=self.language)
        return found[0] if found else self.language

    def is_statement(self, line: str) -> bool:
        """A body line among those that do not recur: one too long to be a template, or a statement
        of a few words (ending in a full stop: a headline may end in "?") that does not speak for
        the site."""
        stripped = line.strip()
        if len(stripped) > MAX_LEARNED_LINE_CHARS:
            return True
        return (
            bool(_STATEMENT_END.search(stripped))
            and len(_TOKEN.findall(stripped)) >= MIN_STATEMENT_WORDS
            and not speaks_for_site(stripped, self.language_of(stripped))
        )

    def develops(self, line: str) -> bool:
        """True when a recurring, non-reporting line names what the rest of the article develops
        ("Coastal League" above "Riverside United beat ... in the Coastal League"), unless it speaks
        for the site or commands the reader ("Follow the Northgate Herald on Telegram")."""
        language = self.language_of(line)
        if speaks_for_site(line, language):
            return False
        names = _name_stems(line, language, skip_openings=False)
        if language not in self._rest_names:
            self._rest_names[language] = _name_stems(self.rest, language, skip_openings=True)
        if not names & self._rest_names[language]:
            return False
        mood = section(get_language(language), "verb_mood")
        return mood is None or mood(line.strip()) != "imperative"


def _name_stems(text: str, language: str, *, skip_openings: bool) -> set[str]:
    """Stems of the capitalised words of ``text``; with ``skip_openings``, not those that open a
    line or a sentence (capitalised by position, not by being names)."""
    words = []
    for line in text.split("\n"):
        starts = {m.start(1) for m in _SENTENCE_START.finditer(line)} if skip_openings else set()
        words += [
            m.group(0) for m in _LETTERS.finditer(line) if m.group(0)[0].isupper() and m.start() not in starts
        ]
    return set(content_terms(" ".join(words), language)) if words else set()


def speaks_for_site(line: str, language: str) -> bool:
    """True when a line speaks for the site rather than reports: a © (jusText's rule too), a credit
    label opening it ("Photo: ...", "Reporting by ..."), or one of its language's ``SITE_PHRASES``
    ("our", "this article") outside quotation marks ("We will rebuild," the mayor said, reports)."""
    stripped = line.strip()
    if "©" in stripped:
        return True
    module = get_language(language)
    folded = stripped.casefold()
    if any(folded.startswith(label) for label in section(module, "CREDIT_LABELS")):
        return True
    phrases = _site_phrases(language)
    if not phrases or _DIALOGUE.match(stripped):
        return False
    words = [
        w.lower() for w in _LETTERS.findall(_QUOTED.sub(" ", stripped)) if len(w) == 1 or not w.isupper()
    ]
    joined = f" {' '.join(words)} "
    return any(f" {phrase} " in joined for phrase in phrases)


@cache
def _site_phrases(language: str) -> tuple[str, ...]:
    return tuple(section(get_language(language), "SITE_PHRASES"))


@lru_cache(maxsize=65536)
def reads_as_reporting(line: str, language: str) -> bool:
    """True when a line reads as a report's sentence, so that counting alone never removes it: a
    statement (it ends in one full stop) of at least ``MIN_STATEMENT_WORDS`` words that does not
    speak for the site (:func:`speaks_for_site`) and is no command ("Follow us on Telegram."), with
    a finite verb ("There was no danger of a tsunami, the agency said.") or, without one, at least
    ``MIN_VERBLESS_WORDS`` words ("Mostly dry, with light winds."). The verb comes from the
    language module's ``verb_mood`` (spaCy's tagger, pymorphy3); a language without one is judged
    by the number of words alone. Cached: a site's recurring lines are few."""
    stripped = line.strip()
    if not _STATEMENT_END.search(stripped) or speaks_for_site(stripped, language):
        return False
    words = len(_TOKEN.findall(stripped))
    if words < MIN_STATEMENT_WORDS:
        return False
    verb_mood = section(get_language(language), "verb_mood")
    mood = verb_mood(stripped) if verb_mood is not None else None
    if mood == "imperative":
        return False
    return mood == "indicative" or words >= MIN_VERBLESS_WORDS


def _next_nonblank(lines: list[str], start: int) -> int | None:
    for index in range(start, len(lines)):
        if lines[index].strip():
            return index
    return None


def _headline_like(line: str) -> bool:
    """A line after a navigation marker that reads as another article's headline: short, and not a
    statement ending in a full stop (headlines do not end in one; a report's sentence after a
    stray "Next article" is news, found by the fuzz suite)."""
    stripped = line.strip()
    return (
        0 < len(stripped) <= MAX_HEADLINE_CHARS
        and not _is_marker(stripped)
        and not _STATEMENT_END.search(stripped)
    )
