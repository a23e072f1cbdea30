"""Summaries: "No time to read? Get a summary" for an article (extractive, unsupervised, offline).

The sentences are chosen by :func:`nutgraf.summarize.article.select_sentences` (lede, centrality,
headline overlap, length, with readability filters); ingest stores ``summarize_sentences`` of each
article, and ``summarize`` does the same for one raw text or HTML page."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

from nutgraf.lang import every
from nutgraf.lang.contract import section
from nutgraf.model import Sentence
from nutgraf.summarize.article import (
    MAX_SUMMARY_CHARS,
    NAME_PREFIX,
    SummaryParams,
    _leans_back,
    _loses_speaker,
    _quote_flags,
    as_shown,
    characterises,
    name_keys,
    proper_names,
    select_sentences,
    without_connective,
    without_dateline,
)

__all__ = [
    "Summary",
    "SummaryParams",
    "people_can_matter",
    "select_sentences",
    "summarize",
    "summarize_sentences",
]

MAX_SHOWN_CHARS = 2_000
"""A summary sentence longer than this is shown cut after a word, with "…". Only the fallback to
the lead ever takes one (a scored sentence has at most 70 words): in a page without full stops the
first "sentence" is the whole page, and a summary should not store a copy of it."""

MAX_SUMMARY_WORDS = 120
"""The most words a summary of up to three sentences holds (40 more for each sentence past three;
issue 24): one over it loses its last sentences, and a single sentence over it is cut after a word,
with "…". The splitter gives text without case or stops sentence-sized pieces (``nutgraf.lang``);
this bounds what real sentences can still add up to (on cased CNN/DailyMail, 1 to 3 of 96
summaries, at most 131 words, as the summarizer's weights changed: bench/results/splitting.md)."""
_WORD_END = re.compile(r"\S+")
_WORD = re.compile(r"\w+")
"""A word as the surname rule reads one (``nutgraf.summarize.article``)."""
_NAME_TOKEN = re.compile(r"[\u0400-\u04ff]+|[^\W\d_\u0400-\u04ff]+|\d+")
"""A word as NER's tokenizers may cut it: where the script changes, and letters from digits
("Провоторовn", a text that lost its line breaks, gives "Провоторов" and "n")."""
_NAME_JOINERS = "-'’"
"""A lower-case word right after one of these ends a name as well as a capitalised one ("Kim
Jong-un", "Ban Ki-moon")."""
_NAME_PARTICLES = frozenset(every("NAME_PARTICLES"))
"""Lower-case words inside a name, before its last word (every language's: a name keeps its own)."""


@dataclass(slots=True)
class Summary:
    """An article summary: sentences in document order, in the article's language."""

    sentences: list[str] = field(default_factory=list)
    language: str = "und"
    title: str | None = None


def summarize_sentences(
    sentences: list[Sentence],
    *,
    title: str | None,
    language: str | None,
    count: int = 3,
    params: SummaryParams | None = None,
    people: Sequence[str] = (),
) -> list[str]:
    """The text of the summary sentences of an already split article, as a reader sees them: without
    a wire dateline, and without an opening "However," that would tie one to a sentence left out.

    ``people``: full names of the persons the article names (ingest passes its PER entities), so
    that "Shirokova said..." comes only with the sentence that says who she is."""
    chosen = select_sentences(
        sentences, title=title, language=language, count=count, params=params, people=people
    )
    return _shown(sentences, chosen, language, count)


def _shown(sentences: list[Sentence], chosen: list[int], language: str | None, count: int) -> list[str]:
    shown = as_shown(sentences, chosen, language)
    return _capped([_bounded(without_dateline(shown[i].text)) for i in chosen], count)


def _capped(texts: list[str], count: int) -> list[str]:
    """``texts`` within ``MAX_SUMMARY_WORDS`` (for up to three sentences): the last ones dropped
    (an antecedent always comes before the sentence that leans on it), a lone long one cut."""
    limit = MAX_SUMMARY_WORDS * max(count, 3) // 3
    words = [len(text.split()) for text in texts]
    while len(texts) > 1 and sum(words) > limit:
        texts, words = texts[:-1], words[:-1]
    if texts and words[0] > limit:
        ends = [match.end() for match in _WORD_END.finditer(texts[0])]
        texts = [texts[0][: ends[limit - 1]].rstrip(" ,;:…") + "…"]
    return texts


def _bounded(text: str) -> str:
    if len(text) <= MAX_SHOWN_CHARS:
        return text
    cut = text.rfind(" ", 0, MAX_SHOWN_CHARS)
    return text[: cut if cut > 0 else MAX_SHOWN_CHARS].rstrip(" ,;:") + "…"


def summarize(
    text: str, language: str | None = None, sentences: int = 3, people: Sequence[str] | None = None
) -> Summary:
    """Summarise raw article text (plain text or HTML): it is cleaned and split here, and the same
    sentences are chosen as ingest stores for it.

    ``people``: the full names of the persons the article names, for the surname rule; by default
    they are found here with the language's NER, as ingest finds them, but only when they could
    change the summary (:func:`people_can_matter`), and then over the sentences that could name
    them (:func:`_passage`): NER took nine tenths of a summary's time, and most articles' summaries
    are the same without it (bench/oneshot_summary.py gives the speeds beside sumy's LexRank and
    how often NER runs). The models load once per process:
    about a second the first time they are needed. Pass ``()`` to skip NER."""
    from nutgraf.analyze import people_in
    from nutgraf.clean import clean_text, extract_html
    from nutgraf.lang import detect_language, split_sentences

    stripped = text.lstrip()
    if stripped[:1] == "<":
        page = extract_html(text)
        cleaned = clean_text(page.text, title=page.title)
    else:
        cleaned = clean_text(text)
    code = language or detect_language(f"{cleaned.title or ''}\n{cleaned.text}")
    split = split_sentences(cleaned.text, code)
    if people is None:
        chosen = select_sentences(split, title=cleaned.title, language=code, count=sentences)
        if chosen and people_can_matter(split, chosen, cleaned.text, cleaned.title, code):
            people = people_in(
                _passage(split, chosen, cleaned.text, cleaned.title, code), code, cleaned.title
            )
            chosen = select_sentences(
                split, title=cleaned.title, language=code, count=sentences, people=people
            )
        texts = _shown(split, chosen, code, sentences)
    else:
        texts = summarize_sentences(split, title=cleaned.title, language=code, count=sentences, people=people)
    return Summary(sentences=texts, language=code, title=cleaned.title)


def people_can_matter(
    sentences: list[Sentence], chosen: list[int], text: str, title: str | None, language: str | None
) -> bool:
    """Whether the people an article names could change its summary ``chosen``, the sentences that
    :func:`select_sentences` picks without them (``people=()``). When they cannot, the summary with
    the people NER finds (what ingest stores) is ``chosen``, and NER need not run.

    The people reach the selection in three ways (``nutgraf.summarize.article``): a sentence with a
    verb of commentary is news when one of its words starts with the key (``name_keys``) of a
    person's last name (:func:`characterises`), which changes the scores; a sentence ``i`` > 0 whose
    first word starts with the key of the last word of a person's full name ("Shirokova said...",
    "Широковой...") needs the earlier sentence that names them in full; and one that leans back
    only by a connective that is dropped ("But Davies stressed...") keeps it, and needs the
    sentence before it, when the word after it does. Call a sentence of the last two kinds a
    suspect.

    Why a "no" is exact. With no commentary sentence that a name could turn into news, the scores
    are those without people, and the selection asks for antecedents one sentence at a time, in a
    fixed order: it takes the same steps as long as each answer leads to the same step. A suspect
    outside ``chosen`` with no antecedent without people was never asked about as a candidate (it
    would have been taken), only as the antecedent of the sentence after it, and refused there for
    repeating the summary, whatever its own antecedent; a sentence cut from its speaker is never
    asked about. So only a suspect in ``chosen``, or one that leans back on the sentence before it,
    can change the steps; one that calls someone by surname only if someone it could name is named
    in full before it.

    Which words could end a person's name, without NER: the last word of a span that NER finds (in
    Russian also in the nominative, as names are shown), or of a curated person's name in any
    language (:func:`nutgraf.analyze.curated_person_names`: "Putin" alone links to "Vladimir
    Putin"). In a name of more than one word it follows another of its words: a capitalised word, a
    number or a particle ("Ursula von der Leyen"), across spaces or an initial's full stop ("John F.
    Kennedy"), or any word across a hyphen or an apostrophe ("Kim Jong-un"), and an introduction
    holds that word too. Titles ("Mr Lowe"), sentences' first words ("But Davies") and inflected
    forms are read this way; only a stopword that opens a sentence is no part of a name, unless it
    is capitalised elsewhere ("Will Smith").

    What this assumes of NER: a person's name ends in a capitalised word, a number or a hyphenated
    part, in a cased text (a text without capitals always gets NER); it runs from one sentence into
    the next only across spaces and line breaks (slovnet takes a name and the heading under it for
    one name); a name of one word is capitalised somewhere (at a sentence's start too). spaCy
    breaks the first now and then: "Manchester United and", "gray whales", "marijuana" (7 names in
    CNN/DailyMail's 96 articles, 2 in BBC's first 300, none in 363 Russian ones). No summary
    differed from the one with NER's people on those 759 articles and the sample corpus
    (bench/oneshot_summary.py, tests/summarize/test_oneshot_speed.py). A text longer than the
    summary reads (``MAX_SUMMARY_CHARS``) always gets NER."""
    if not sentences or sentences[-1].end > MAX_SUMMARY_CHARS or text.islower():
        return True
    return _commentary_can_change(sentences, text, title, language) or _surname_rule_can_change(
        sentences, chosen, text, title, language
    )


def _passage(
    sentences: list[Sentence], chosen: list[int], text: str, title: str | None, language: str | None
) -> str:
    """What NER must read for the people who could change the summary ``chosen``: the sentences
    that could name them, in order, a blank line between them.

    Those people are named by a word of a suspect (see :func:`people_can_matter`) as the last word
    of a name of several words, or by a word of a sentence that is commentary without people. So
    NER reads the sentences where such a name could be given in full (a word that could end a
    name, after another word of it, with the first letters of a suspect's word: ``NAME_PREFIX``,
    or one in a language whose names are shown in the nominative), those with a word that could end
    a curated person's name (linked to their full name even alone: "Putin"), and those with a word
    of a commentary sentence's possible names. A surname alone elsewhere ("Musk said") adds no
    person: it links to the entity of the full name. NER over a few sentences instead of the
    article is what makes the one-shot summary cheap where people matter (bench/oneshot_summary.py,
    whose 'differing' column checks that the people found this way give the same summaries). The
    whole text is read when any word could matter (a text without capitals, or longer than the
    summary reads)."""
    if not sentences or sentences[-1].end > MAX_SUMMARY_CHARS or text.islower():
        return text
    suspects = {word for _, word, *_ in _suspects(sentences, chosen, language)}
    last_keys = {name.keys[-1] for name in _possible_names(sentences, text, title, language, suspects)}
    surnames = {word for word in suspects if any(word.startswith(key) for key in last_keys)}
    # a name's last word as the text gives it shares its first NAME_PREFIX letters (all, if it has
    # fewer) with the key, and so with the word; shown in the nominative, only the first letter
    shared = _prefix_size(language)
    size = 1 if shared == 1 else NAME_PREFIX
    prefixes = _prefixes(surnames, size)
    curated = tuple(key for key in _curated_last_keys() if key[:size] in prefixes)
    starts = [s.start for s in sentences]
    wanted: set[int] = set()
    full_name_prefixes = {prefix for prefix in prefixes if len(prefix) == shared}
    for before, _forms, in_text, start in _name_end_places(
        sentences, text, title, language, full_name_prefixes
    ):
        if in_text and before is not None:
            wanted.add(bisect_right(starts, start) - 1)
    words_of = [_words(sentence.text) for sentence in sentences]
    if curated:
        wanted.update(
            i for i, words in enumerate(words_of) if any(word.startswith(curated) for word in words)
        )
    commentary = _commentary_without_people(sentences, language)
    if commentary:
        keys = tuple(_word_keys(sentences, text, title, language))
        near = _prefixes({word for i in commentary for word in words_of[i] if word.startswith(keys)}, size)
        wanted.update(i for i, words in enumerate(words_of) if any(word[:size] in near for word in words))
    return "\n\n".join(sentences[i].text for i in sorted(wanted))


def _commentary_without_people(sentences: list[Sentence], language: str | None) -> list[int]:
    """The sentences that are commentary (:func:`characterises`) and name nobody; the test with the
    article's names runs only on those that are commentary at all."""
    commentary = [i for i, s in enumerate(sentences) if characterises(s.text, language)]
    if not commentary:
        return []
    names = proper_names(sentences)
    return [i for i in commentary if characterises(sentences[i].text, language, names)]


def _prefixes(words: Iterable[str], size: int) -> set[str]:
    """Every opening of up to ``size`` letters of ``words``."""
    return {word[:length] for word in words for length in range(1, size + 1)}


def _commentary_can_change(
    sentences: list[Sentence], text: str, title: str | None, language: str | None
) -> bool:
    """Whether a sentence that is commentary without people (:func:`characterises`) has a word
    that could start with the key of a person's last name (it would be reported speech then)."""
    commentary = [sentences[i].text for i in _commentary_without_people(sentences, language)]
    if not commentary:
        return False
    keys = tuple(_word_keys(sentences, text, title, language))
    return any(
        word.casefold().startswith(keys) for sentence in commentary for word in _WORD.findall(sentence)
    )


def _surname_rule_can_change(
    sentences: list[Sentence], chosen: list[int], text: str, title: str | None, language: str | None
) -> bool:
    suspects = _suspects(sentences, chosen, language)
    unpicked = [suspect[0] for suspect in suspects if suspect[-1]]
    if unpicked:
        leaning = _leaning(sentences, unpicked, language)
        suspects = [suspect for suspect in suspects if not suspect[-1] or suspect[0] in leaning]
    if not suspects:
        return False
    by_surname: dict[str, list[_Name]] = {}
    for name in _possible_names(sentences, text, title, language, {word for _, word, *_ in suspects}):
        by_surname.setdefault(name.keys[-1], []).append(name)
    words: dict[int, list[str]] = {}

    def words_of(index: int) -> list[str]:
        if index not in words:
            words[index] = _words(sentences[index].text)
        return words[index]

    def in_full(keys: tuple[str | tuple[str, ...], ...], found: list[str]) -> bool:
        return all(any(w.startswith(key) for w in found) for key in keys)

    for index, word, opened, opens, _if_leaning in suspects:
        for size in range(1, len(word) + 1):
            for name in by_surname.get(word[:size], ()):
                if name.exact and in_full(name.keys, _words(opened)):
                    continue  # it names them in full
                # a surname opening a sentence needs someone it could name introduced before it
                if not opens or any(in_full(name.keys, words_of(j)) for j in range(index)):
                    return True
    return False


def _leaning(sentences: list[Sentence], indexes: list[int], language: str | None) -> set[int]:
    """Those of ``indexes`` whose sentence leans back on the one before it (a sentence cut from its
    speaker is never chosen, so whatever it leans on does not matter): the selection's own rules,
    ``_loses_speaker`` and ``_leans_back``."""
    inside_quote = _quote_flags(sentences)
    return {
        index
        for index in indexes
        if not _loses_speaker(index, sentences, inside_quote) and _leans_back(index, sentences, language)
    }


def _suspects(
    sentences: list[Sentence], chosen: list[int], language: str | None
) -> list[tuple[int, str, str, bool, bool]]:
    """(index, word, the text it opens, whether it opens the sentence, whether it matters only if
    the sentence leans back) of each word that would change the summary if it were a surname."""
    picked = set(chosen)
    suspects = []
    for index in range(1, len(sentences)):
        sentence = sentences[index].text
        trimmed = without_connective(sentence, language)
        if index not in picked and trimmed is not None:
            continue
        first = _WORD.search(sentence)
        if first is not None:
            suspects.append((index, first.group().casefold(), sentence, True, index not in picked))
        first = _WORD.search(trimmed) if trimmed is not None else None
        if first is not None:
            suspects.append((index, first.group().casefold(), trimmed, False, False))
    return suspects


def _words(text: str) -> list[str]:
    return [word.casefold() for word in _WORD.findall(text)]


@dataclass(frozen=True, slots=True)
class _Name:
    """A full name NER might give, as the keys an introduction must hold (the last: the surname's)."""

    keys: tuple[str | tuple[str, ...], ...]
    exact: bool
    """Whether ``keys`` are all the name's keys (a curated name), not only two of them."""


@cache
def _curated_names() -> tuple[_Name, ...]:
    from nutgraf.analyze import curated_person_names

    found = {name_keys(name) for name in curated_person_names()}
    return tuple(_Name(keys, exact=True) for keys in sorted(found) if len(keys) > 1)


@cache
def _curated_last_keys() -> tuple[str, ...]:
    from nutgraf.analyze import curated_person_names

    return tuple(sorted({keys[-1] for keys in map(name_keys, curated_person_names()) if keys}))


def _possible_names(
    sentences: list[Sentence], text: str, title: str | None, language: str | None, words: set[str]
) -> list[_Name]:
    """The full names NER might give for the title and ``text`` (see :func:`people_can_matter`),
    of those whose surname's key could start one of ``words``."""
    size = _prefix_size(language)
    prefixes = {word[:size] for word in words}
    names = [name for name in _curated_names() if name.keys[-1][:size] in prefixes]
    found: set[tuple[tuple[str, ...], str]] = set()
    for before, forms in _name_ends(sentences, text, title, language, prefixes):
        if before:
            found.update((before, key) for key in forms)
    return names + [_Name(keys, exact=False) for keys in sorted(found)]


def _word_keys(sentences: list[Sentence], text: str, title: str | None, language: str | None) -> set[str]:
    """The keys of the last words of every name, of one word or more, that NER might give."""
    from nutgraf.lang import get_language

    keys = set(_curated_last_keys())
    for _before, forms in _name_ends(sentences, text, title, language, None):
        keys.update(forms)
    nominative = section(get_language(language), "nominative")
    # a name of one word may be written only at the start of sentences ("Madonna said..."; slovnet
    # takes "Как" for one now and then)
    for source, match in [(title or "", _WORD.search(title or ""))] + [
        (text, _WORD.search(text, s.start, s.end)) for s in sentences
    ]:
        if match is not None and not match.group()[0].islower():
            keys.update(_keys_of(match.group(), source, match.start(), match.end(), nominative))
    return keys


def _prefix_size(language: str | None) -> int:
    """How many first letters a word shares with its key as a name's last word, in any form: two
    (a key has at least two), or one in a language whose names are shown in the nominative."""
    from nutgraf.lang import get_language

    return 1 if section(get_language(language), "nominative") is not None else 2


def _name_ends(
    sentences: list[Sentence], text: str, title: str | None, language: str | None, prefixes: set[str] | None
) -> Iterable[tuple[tuple[str, ...] | None, tuple[str, ...]]]:
    """(the keys the word of more than one letter before it in a name may have, or None; the keys
    the word may have as a name's last word) of each word of the title and ``text`` that could end
    a person's name (see :func:`people_can_matter`), of those whose first letters are one of
    ``prefixes`` (any, if None)."""
    for before, forms, _in_text, _start in _name_end_places(sentences, text, title, language, prefixes):
        yield before, forms


def _name_end_places(
    sentences: list[Sentence], text: str, title: str | None, language: str | None, prefixes: set[str] | None
) -> Iterable[tuple[tuple[str, ...] | None, tuple[str, ...], bool, int]]:
    """:func:`_name_ends`, each with where the word is: whether in ``text`` (else the title), and
    its offset there."""
    from nutgraf.lang import get_language

    module = get_language(language)
    nominative = section(module, "nominative")
    size = _prefix_size(language)
    for source, firsts in (
        (title or "", [_WORD.search(title or "")]),
        (text, [_WORD.search(text, s.start, s.end) for s in sentences]),
    ):
        run = _Run(source, {match.start() for match in firsts if match is not None}, module)
        for index, match in enumerate(run.tokens):
            word = match.group()
            if (
                len(word) < 2
                or (prefixes is not None and word.casefold()[:size] not in prefixes)
                or not (word[0].isupper() or word[0].isdigit() or run.joined(index))
                or (match.start() in run.starts and not (run.linked(index) and not run.gap(index).strip()))
            ):
                continue
            before = run.before(index)
            yield (
                _keys_of(before.group(), source, before.start(), before.end(), nominative)
                if before
                else None,
                _keys_of(word, source, match.start(), match.end(), nominative),
                source is text,
                match.start(),
            )


class _Run:
    """The words of a text as NER's tokenizers may cut them, and which run together as a name's:
    across a hyphen or an apostrophe ("Jong-un", "O'Neill"), or spaces (and an initial's full stop:
    "John F. Kennedy") after a capitalised word, a number or a particle ("Ursula von der Leyen")."""

    def __init__(self, source: str, starts: set[int], module) -> None:
        self.source = source
        self.starts = starts
        """Where each sentence's first word starts."""
        self.tokens = list(_NAME_TOKEN.finditer(source))
        self.stopwords = section(module, "STOPWORDS")
        self._linked: dict[int, bool] = {}
        self._inside: dict[str, bool] = {}

    def gap(self, index: int) -> str:
        """What stands between the word and the one before it."""
        return self.source[self.tokens[index - 1].end() : self.tokens[index].start()] if index else "\n"

    def joined(self, index: int) -> bool:
        gap = self.gap(index)
        return len(gap) == 1 and gap in _NAME_JOINERS

    def linked(self, index: int) -> bool:
        """Whether the word runs on from the word before it in a name."""
        if index not in self._linked:
            self._linked[index] = self.joined(index) or self._spaced(index)
        return self._linked[index]

    def _spaced(self, index: int) -> bool:
        gap = self.gap(index)
        if not index or not (not gap.strip() or (gap[0] == "." and not gap[1:].strip())):
            return False
        if not self._in_name(index - 1):
            return False
        before = self.tokens[index - 1]
        if before.start() in self.starts and before.group().casefold() in self.stopwords:
            return self._written_inside(before.group())  # "But Davies" is no name; "Will Smith" may be
        return True

    def _in_name(self, index: int) -> bool:
        word = self.tokens[index].group()
        return (
            word[0].isupper()
            or word[0].isdigit()
            or word.casefold() in _NAME_PARTICLES
            or self.joined(index)
            or (not self.gap(index) and self.linked(index))  # "Лорe" (with a Latin e)
        )

    def before(self, index: int) -> re.Match[str] | None:
        """The nearest word of more than one letter before the word, in a run with it."""
        while index and self.linked(index):
            index -= 1
            if len(self.tokens[index].group()) > 1:
                return self.tokens[index]
        return None

    def _written_inside(self, word: str) -> bool:
        """Whether ``word`` is written so somewhere but at the start of a sentence."""
        if word not in self._inside:
            pattern = rf"(?<!\w){re.escape(word)}(?!\w)"
            self._inside[word] = any(m.start() not in self.starts for m in re.finditer(pattern, self.source))
        return self._inside[word]


def _keys_of(word: str, source: str, start: int, end: int, nominative) -> tuple[str, ...]:
    """The keys (:func:`name_keys`) a word at ``source[start:end]`` may have as the last word of a
    name: the word's own and, in a language that puts a name in the nominative for display
    (Russian: every whitespace-separated word of it), that form's, of the word alone and as written
    with what it is joined to ("Петрова-Водкина", "Ю.Петрова")."""
    keys = [_last_key(word)]
    if nominative is not None:
        left = start
        while left > 0 and not source[left - 1].isspace():
            left -= 1
        right = end
        while right < len(source) and not source[right].isspace():
            right += 1
        edges = ".,;:!?()[]{}«»„“”\"'—–"
        chunk = source[left:right]
        for written in dict.fromkeys((word, chunk, chunk.strip(edges), source[start:right].strip(edges))):
            if written:
                keys.append(_last_key(nominative(written, "PER")))
    return tuple(dict.fromkeys(key for key in keys if key))


def _last_key(name: str) -> str | None:
    keys = name_keys(name)
    return keys[-1] if keys else None
