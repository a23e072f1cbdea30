"""Language support: one package per language, found through a small registry.

A language is a package (``en/``, ``ru/``) that gives, at its top level, the sections of the
language contract (``nutgraf.lang.contract``): its identity (``CODE``, ``NAME``), how its text splits and
stems (``split_sentences``, ``STOPWORDS``, ``STEMMER``), its furniture phrases, summary cues, date
words, quote and citation cues, figure words, and its backends (NER, lemmas, clause tense). The
analyzers read a module only through ``contract.section``, which gives the contract's default for
an optional section a module lacks; ``get_language`` checks a module against the contract when it
first loads it.

Adding a language means adding one folder here and its code to ``SUPPORTED``. Text in a language
without one is still stored and split into sentences by the generic package ``xx``.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from functools import cache
from types import ModuleType

from nutgraf.lang.contract import check, section
from nutgraf.lang.detect import detect_language
from nutgraf.model import Sentence

__all__ = [
    "SUPPORTED",
    "all_languages",
    "alternation",
    "content_terms",
    "cut_at_word",
    "detect_language",
    "every",
    "fold",
    "get_language",
    "letters",
    "paragraphs",
    "shortened",
    "split_sentences",
    "writers",
]

SUPPORTED: tuple[str, ...] = ("en", "ru", "fr")
"""Languages with a full module; anything else falls back to ``xx``."""

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_WORD = re.compile(r"[^\W\d_](?:[\w'’-]*\w)?")


@cache
def every(name: str) -> tuple[str, ...]:
    """The words of section ``name`` of every registered language, in one tuple (first seen first):
    for the patterns that read text before its language is known, or whatever it is (a dateline's
    "published" / "опубликовано", a ticker's "bn" / "млрд")."""
    return tuple(dict.fromkeys(word for module in all_languages() for word in section(module, name)))


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, escaped, longest first (so that "года" is tried before
    "год")."""
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


@cache
def letters(case: str) -> str:
    """Every registered language's letters of ``case`` ("upper" or "lower") as one regex class body
    ("A-ZА-ЯЁ"), for the patterns that look for a capital or a small letter in any language."""
    name = {"upper": "UPPERCASE", "lower": "LOWERCASE"}[case]
    return "".join(dict.fromkeys(part for module in all_languages() if (part := section(module, name))))


@cache
def _fold_table() -> dict[int, str]:
    return {ord(letter): into for letter, into in _folds().items()}


def fold(text: str) -> str:
    """``text`` with every language's folded letters read as what they fold to ("ё" as "е")."""
    return text.translate(_fold_table())


def unfolded(letter: str) -> str:
    """The letters that fold to ``letter``, itself first ("е" -> "её"; most letters: themselves)."""
    return letter + "".join(source for source, into in _folds().items() if into == letter)


@cache
def _folds() -> dict[str, str]:
    return {letter: into for module in all_languages() for letter, into in section(module, "FOLDS").items()}


WRITERS_SHARE = 0.9
"""A language writes a text when its letters cover at least this share of the letters the best
covering language covers: "ferries" is written by English and French alike, "été" by French only
(English covers two of its three letters), "паром" by Russian only. A design bound: one foreign
letter in ten ("café" in an English line of ten words) does not take a line from its language.
Not searched. It left English and Russian as they were: nutgraf export and stories --json of BBC
(2,225) and RT (300) gave the same texts, summaries and stories before and after it."""


@cache
def _letter_classes() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple(
        (code, re.compile(f"[{upper}{lower}]"))
        for code, module in zip(SUPPORTED, all_languages(), strict=True)
        if (upper := section(module, "UPPERCASE")) and (lower := section(module, "LOWERCASE"))
    )


def writers(text: str, prefer: str | None = None) -> tuple[str, ...]:
    """The registered languages whose letters write ``text`` (``WRITERS_SHARE``), ``prefer`` first
    when it is one of them, then in registration order; empty when no language's letters occur in
    it. What a word or a line is in when only its script can tell: a Cyrillic line in an English
    article, a search word typed with no language."""
    counts = [(code, len(pattern.findall(text))) for code, pattern in _letter_classes()]
    best = max((count for _, count in counts), default=0)
    if not best:
        return ()
    found = [code for code, count in counts if count >= WRITERS_SHARE * best]
    if prefer in found:
        found.remove(prefer)
        found.insert(0, prefer)
    return tuple(found)


def cut_at_word(text: str, limit: int) -> str:
    """``text`` up to ``limit`` characters, cut after its last whole word there (at ``limit`` when
    no space comes before it); the text itself when it is no longer. Every bounded read of an
    article (grouping features, the lead embedding, search snippets) cuts the same way."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit + 1)
    return text[: cut if cut > 0 else limit]


@cache
def get_language(code: str | None) -> ModuleType:
    """The module for ``code``, or the generic one when the language has no module; checked against
    the language contract (``nutgraf.lang.contract``) when first asked for, so that a module with a
    section missing or malformed fails here, naming it, instead of reading worse."""
    return check(importlib.import_module(f"nutgraf.lang.{code if code in SUPPORTED else 'xx'}"))


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
    """Sentences of a clean text, never crossing a paragraph boundary, with offsets into ``text``.

    Each paragraph goes to its language's splitter. A paragraph that splitter cannot read (lower-cased
    or all-caps, as tokenised corpora and some wires are; without stops, as transcripts are) is split
    again by ``_robust_spans``. Finding one (``_needs_second_look``) costs about 1.5 µs per BBC
    article against 96 µs for the split, and cased, punctuated text comes back as the splitter gave
    it (bench/results/splitting.md)."""
    module = get_language(language)
    sentences: list[Sentence] = []
    for number, (p_start, p_end) in enumerate(paragraphs(text)):
        paragraph = text[p_start:p_end]
        spans = module.split_sentences(paragraph)
        if _needs_second_look(paragraph, spans):
            spans = _robust_spans(paragraph, spans, module)
        for start, end in spans:
            chunk = paragraph[start:end]
            stripped = chunk.strip()
            if not stripped:
                continue
            lead = len(chunk) - len(chunk.lstrip())
            begin = p_start + start + lead
            sentences.append(Sentence(stripped, begin, begin + len(stripped), number))
    return sentences


# --- Text without case or stops -----------------------------------------------------------------
# Splitters end a sentence at a stop followed by a capital. Lower-cased text ("he left. the police
# said...") then comes back as one "sentence" a paragraph long, all-caps text is cut after every
# "MR.", and text without stops is never cut: a summary of three such "sentences" was the whole
# article. These paragraphs are split again here.

MAX_PIECE_WORDS = 40
"""The longest piece that text without stops, or a span over ``IMPLAUSIBLE_WORDS``, is cut into:
three make 120 words, the most a three-sentence summary holds (issue 24;
``nutgraf.summarize.MAX_SUMMARY_WORDS``)."""
IMPLAUSIBLE_WORDS = 80
"""A span longer than this is not one sentence (6 of 41,637 BBC sentences: lists and a run-on
reader's comment): it is split at stops followed by a lower-case word, and what is still this long
is cut into clauses. A cased span of 41 to 80 words (615 of them) is a real sentence and stays."""
CHARS_PER_WORD = 4
"""A span is counted in words only when it is longer than 4 characters a word of the limit (160
for 40 words, 320 for 80): one of more words is longer unless its words average under 3 letters.
Counting every span cost more than the rest of the check."""
MIN_PIECE_WORDS = 8
"""A clause cut leaves at least this many words on each side (the summarizer passes over pieces
under 6 words)."""
SENTENCE_CUT = 3.5
"""The strength of a cut where a sentence or line plainly ends in text without stops (a line break,
a capitalised stopword): ``_clauses`` cuts there even in a piece within ``MAX_PIECE_WORDS``."""
ALL_CAPS_HEAD = 24
ALL_CAPS_LOWER_SHARE = 0.25
"""A paragraph whose first 24 characters are capitals and whose letters are at most 25% lower-case
is all-caps text."""

_STOP_BEFORE_LETTER = re.compile(r"([^\W\d_]*)([.!?…]+)[\"'”’»)\]]*\s+[\"'“‘«(\[`—–-]*\s*(?=[^\W\d_])")
_WORD_BEFORE_STOP = re.compile(r"(?<![^\W\d_])[^\W\d_]+(?=\.)")
_STOP = re.compile(r"[.!?…][\"'”’»)\]]*(?:\s|$)")
_TOKEN = re.compile(r"\S+")
_WEB_ADDRESS = re.compile(r"\s*(?:https?\s*:\s*/\s*/|www\s*\.)", re.IGNORECASE)
"""A paragraph that opens with a web address (a page's source line, tokenised as "http: / / www.
site. com / ..." in some corpora) is a link, not lower-case prose: its dots are not stops. Splitting
it at them put URL fragments where a page's headline and lead were (ECB+ grouping fell from 0.849
to 0.806 F1, ``bench/grouping.py``)."""
_LOWER = re.compile(r"[^\W\d_A-ZА-ЯЁ]")
_UPPER = re.compile(r"[A-ZА-ЯЁ]")
_CLOSERS = "\"'”’»)]"
_DASHES = frozenset({"—", "–", "-", "--"})
_OPENER_STRIP = "\"'“‘«(["


def _words(text: str, start: int, end: int) -> int:
    """Words in ``text[start:end]``, or, when that is at most ``MAX_PIECE_WORDS``, an upper bound of
    them (its spaces and line breaks, plus one): all that most sentences need."""
    bound = text.count(" ", start, end) + text.count("\n", start, end) + 1
    return bound if bound <= MAX_PIECE_WORDS else len(text[start:end].split())


def _uncased(paragraph: str) -> bool:
    """Whether a paragraph has no case to read sentences by: no capital at all, or capitals only
    (but for a few lower-case letters: "McDONALD", a web address), as some wires send."""
    if paragraph.islower() or paragraph.isupper():
        return True
    if not paragraph[:ALL_CAPS_HEAD].isupper():
        return False
    lower = len(_LOWER.findall(paragraph))
    return lower <= ALL_CAPS_LOWER_SHARE * (lower + len(_UPPER.findall(paragraph)))


def _needs_second_look(paragraph: str, spans: list[tuple[int, int]]) -> bool:
    """Whether ``_robust_spans`` may change a paragraph: it is lower-case or all-caps, or it has a span
    over ``IMPLAUSIBLE_WORDS`` words, or it is one span over ``MAX_PIECE_WORDS`` words without a stop
    (the splitters cut only at stops). Spans are counted in words only when they are long in
    characters (``CHARS_PER_WORD``): most paragraphs cost a few comparisons."""
    if _WEB_ADDRESS.match(paragraph):
        return False
    if _uncased(paragraph):
        return True
    if len(paragraph) <= CHARS_PER_WORD * MAX_PIECE_WORDS:
        return False
    if len(spans) == 1 and not _ends_with_stop(paragraph) and _STOP.search(paragraph) is None:
        return len(paragraph.split()) > MAX_PIECE_WORDS
    chars = CHARS_PER_WORD * IMPLAUSIBLE_WORDS
    if len(paragraph) <= chars:
        return False
    for start, end in spans:
        if end - start > chars and len(paragraph[start:end].split()) > IMPLAUSIBLE_WORDS:
            return True
    return False


def shortened(word: str, language: str | None) -> bool:
    """Whether a full stop after ``word`` ends no sentence: the word is an initial or one of the
    language's ``ABBREVIATIONS`` ("M. Abenov", "Dr. Lowe", "им. Лобачевского")."""
    return len(word) == 1 or word.lower() in section(get_language(language), "ABBREVIATIONS")


def _ends_with_stop(text: str) -> bool:
    return text.rstrip().rstrip(_CLOSERS).endswith((".", "!", "?", "…"))


def _recased(text: str, module: ModuleType, *, lower: bool) -> str:
    """``text`` as a splitter needs it to see sentences: the first letter after a stop capitalised,
    unless the word before the stop is an initial or one of the language's ``ABBREVIATIONS`` (the
    splitter then sees "mr. smith" and keeps it whole, and "said. The" as two).

    With ``lower`` (lower-case or all-caps text), every letter is lower-cased first, and then each
    initial and abbreviation before a full stop capitalised as a writer would ("MR. SMITH" and
    "jan. 12" read "Mr. smith" and "Jan. 12", which blingfire knows). Without it (cased text), only a
    full stop counts: a lower-case word after "?", "!" or an ellipsis goes on the sentence ("'Player
    of the Year?' and has been", "horrific... and"). The result has ``text``'s length, so the
    splitter's offsets hold for ``text``."""
    if lower:
        folded = text.lower()
        if len(folded) != len(text):  # "İ" lower-cases to two characters: such letters stay
            folded = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
        text = folded.replace("``", '""')  # tokenised corpora open quotes with ``, unknown to blingfire
    abbreviations = section(module, "ABBREVIATIONS")
    capitals: list[int] = []
    if lower:
        for match in _WORD_BEFORE_STOP.finditer(text):
            word = match.group(0)
            if len(word) == 1 or word in abbreviations:
                capitals.append(match.start())
    for match in _STOP_BEFORE_LETTER.finditer(text):
        stop = match.group(2)
        if stop == ".":
            before = match.group(1).lower()
            if len(before) == 1 or before in abbreviations:
                continue
        elif not lower:
            continue
        capitals.append(match.end())
    if not capitals:
        return text
    chars = list(text)
    for position in capitals:
        upper = chars[position].upper()
        if len(upper) == 1:
            chars[position] = upper
    return "".join(chars)


def _robust_spans(paragraph: str, spans: list[tuple[int, int]], module: ModuleType) -> list[tuple[int, int]]:
    """``spans`` (the language splitter's) with the paragraph split again where it reads as text
    without case or stops:

    - a lower-case or all-caps paragraph is split by the same splitter on a copy with a capital after
      each stop that ends a sentence (``_recased``), so that its own rules still read quotes,
      numbers and "Mr."; its sentences are then as long as the cased text's would be;
    - in a paragraph without stops, a span over ``MAX_PIECE_WORDS`` words is cut into clauses
      (``_clauses``);
    - a span over ``IMPLAUSIBLE_WORDS`` words is split at its stops followed by a lower-case word
      (not after an abbreviation: text lower-cased but for "I" or a name), and what is still that
      long is cut into clauses.

    Spans of cased text with stops that hold at most ``IMPLAUSIBLE_WORDS`` words are kept as the
    splitter gave them, and so are the sentences of uncased text once recased: a sentence of 41 to
    80 words is rare (615 of 41,637 BBC sentences) and a real one."""
    uncased = _uncased(paragraph)
    if uncased:
        recased = _recased(paragraph, module, lower=True)
        if recased != paragraph:
            spans = _closing_quotes_back(paragraph, module.split_sentences(recased))
    stopless = _STOP.search(paragraph) is None
    pieces: list[tuple[int, int]] = []
    for start, end in spans:
        words = _words(paragraph, start, end)
        if words <= MAX_PIECE_WORDS or (words <= IMPLAUSIBLE_WORDS and not stopless):
            pieces.append((start, end))
            continue
        if stopless:
            pieces.extend(_clauses(paragraph, start, end, module))
            continue
        parts = [(start, end)]
        if not uncased:
            chunk = paragraph[start:end]
            recased = _recased(chunk, module, lower=False)
            if recased != chunk:
                parts = [(start + a, start + b) for a, b in module.split_sentences(recased)]
        for a, b in parts:
            if _words(paragraph, a, b) > IMPLAUSIBLE_WORDS:
                pieces.extend(_clauses(paragraph, a, b, module))
            else:
                pieces.append((a, b))
    return pieces


_CLOSING_TOKEN = re.compile(r"(?:''|[”’»])+(?=\s|$)")


def _closing_quotes_back(paragraph: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans with a closing quotation mark that opens one (tokenised text: "it is over . '' he said",
    which the splitter cuts before the "''") moved back to the end of the span before."""
    fixed: list[tuple[int, int]] = []
    for start, end in spans:
        lead = len(paragraph[start:end]) - len(paragraph[start:end].lstrip())
        match = _CLOSING_TOKEN.match(paragraph, start + lead, end) if fixed else None
        if match:
            fixed[-1] = (fixed[-1][0], match.end())
            if paragraph[match.end() : end].strip():
                fixed.append((match.end(), end))
            continue
        fixed.append((start, end))
    return fixed


def _clauses(text: str, start: int, end: int, module: ModuleType) -> list[tuple[int, int]]:
    """``text[start:end]`` cut into pieces of at most ``MAX_PIECE_WORDS`` words, each cut where a
    clause ends when there is one: a line break, then a capitalised stopword in cased text ("...
    Mammadli The two men"), then a stop, semicolon, colon or dash, then a comma, each stronger before
    a clause opener (", which"; the language's ``CLAUSE_OPENERS``), then a clause opener alone ("and",
    "что"), and else a word window. Each cut falls as near the middle of its piece as its strength
    allows, leaving at least ``MIN_PIECE_WORDS`` words on each side; a piece within the limit is
    still cut where a sentence or line plainly ends (``SENTENCE_CUT``)."""
    openers = section(module, "CLAUSE_OPENERS")
    stopwords = section(module, "STOPWORDS")
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]
    strength = [0.0] * len(tokens)
    for i in range(1, len(tokens)):
        prev = text[tokens[i - 1][0] : tokens[i - 1][1]]
        word = text[tokens[i][0] : tokens[i][1]]
        tail = prev.rstrip(_CLOSERS)
        score = 0.0
        if "\n" in text[tokens[i - 1][1] : tokens[i][0]]:
            score = 4.0
        elif tail.endswith((".", "!", "?", "…", ";", ":")) or prev in _DASHES or prev.endswith("—"):
            score = 3.0
        elif tail.endswith(","):
            score = 2.0
        bare = word.lstrip(_OPENER_STRIP)
        if len(bare) > 1 and bare[0].isupper() and bare[1:].islower() and bare.lower() in stopwords:
            score = max(score, SENTENCE_CUT)  # "... Rauf Mammadli The two men ...": a sentence starts
        elif bare.lower() in openers:
            score += 1.0
        strength[i] = score

    def cut(first: int, last: int) -> list[tuple[int, int]]:
        count = last - first
        middle = (first + last) / 2
        candidates = range(first + MIN_PIECE_WORDS, last - MIN_PIECE_WORDS + 1)
        if count <= MAX_PIECE_WORDS:  # short enough: cut only where a sentence or line ends
            candidates = [i for i in candidates if strength[i] >= SENTENCE_CUT]
            if not candidates:
                return [(tokens[first][0], tokens[last - 1][1])]
        best = max(candidates, key=lambda i: strength[i] - 2 * abs(i - middle) / count)
        return cut(first, best) + cut(best, last)

    return cut(0, len(tokens)) if tokens else []


@cache
@cache
def _elision(language: str | None) -> re.Pattern[str] | None:
    """The language's elided words written onto the next ("l'", "qu'"), to strip from a word."""
    words = section(get_language(language), "ELISIONS")
    return re.compile(rf"^(?:{alternation(words)})") if words else None


def _stemmer(algorithm: str):
    import Stemmer

    return Stemmer.Stemmer(algorithm)


def content_terms(text: str, language: str | None) -> list[str]:
    """Stems of the content words of ``text`` (stopwords and numbers dropped), lower-cased."""
    module = get_language(language)
    stopwords = section(module, "STOPWORDS")
    words = (m.group(0).lower().replace("ё", "е") for m in _WORD.finditer(text))
    elided = _elision(language)
    if elided is not None:
        words = (elided.sub("", word.replace("’", "'")) for word in words)
    words = [w for w in words if w and w not in stopwords]
    algorithm = section(module, "STEMMER")
    return _stemmer(algorithm).stemWords(words) if algorithm else words
