"""The language contract: every section a language module may give the analyzers, what each must
hold, and the default a module without it gets.

A language module (``nutgraf.lang.en``, ``.ru``, ``.xx``) is read only through :func:`section`, so
that a reader asking for a section the contract does not name fails at once, and a language
without an optional section gets the default written here, in one place, instead of a default
each reader chose. :func:`problems` checks a module against the contract (``get_language`` runs
it when a module loads, and ``tests/lang/test_contract.py`` over every registered language): a
required section missing, a section of the wrong shape, a word list not lower-cased, months that
do not cover 1-12, or a module name one letter off a section's ("FIGURE_UNIT") is an error that
names the section, instead of an analysis quietly worse.

Sections are grouped as the analyzers read them: identity, text (sentences, stems, stopwords),
furniture, summaries, dates, quotes and citations, figures, entities (nationality words, how names
end), and the backends (functions over models: NER, lemmas, clause tense, a sentence's first word).
Module constants not named here (a model's package name, a batch size) belong to the module alone.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from types import MappingProxyType, ModuleType
from typing import Any

from nutgraf.errors import ConfigError

__all__ = ["SECTIONS", "Section", "check", "problems", "section"]

_REQUIRED = object()


def _lowered(surface: str, label: str) -> str:
    """The default entity lemma: the surface lower-cased (names that do not inflect)."""
    return surface.lower()


@dataclass(frozen=True, slots=True)
class Section:
    """One section of the contract: its name, its group, the shape it must have, its default."""

    name: str
    group: str
    kind: str
    """"text" (a string), "words" (lower-case strings), "mapping" (a dict), "flag" (a bool),
    "patterns" (compiled regular expressions, or (pattern, label) pairs), "pattern" (one compiled
    regular expression, or None), "function" (a callable,
    or None where absent), "stemmer" (a Snowball algorithm name, or None)."""
    default: Any = _REQUIRED
    doc: str = ""

    @property
    def required(self) -> bool:
        return self.default is _REQUIRED


_EMPTY: Mapping[str, Any] = MappingProxyType({})


def _words(name: str, group: str, doc: str = "") -> Section:
    return Section(name, group, "words", frozenset(), doc)


def _mapping(name: str, group: str, doc: str = "") -> Section:
    return Section(name, group, "mapping", _EMPTY, doc)


SECTIONS: dict[str, Section] = {
    s.name: s
    for s in (
        # identity and text
        Section("CODE", "identity", "text", doc="ISO 639-1 code"),
        Section("NAME", "identity", "text", doc="the language's name, as its readers write it"),
        Section("ENGLISH_NAME", "identity", "text", None, "its name in English (an LLM's instructions)"),
        _words("CODE_ALIASES", "identity", "other names a record may give it ('english', 'eng')"),
        Section("split_sentences", "text", "function", doc="sentence spans within one paragraph"),
        Section("STOPWORDS", "text", "words", doc="left out of content terms"),
        Section("STEMMER", "text", "stemmer", doc="Snowball algorithm for content terms, or None"),
        _words("ELISIONS", "text", 'elided words written onto the next: "l\'", "qu\'"'),
        _words("ABBREVIATIONS", "text", "words a full stop follows inside a sentence"),
        _words("CLAUSE_OPENERS", "text", "words that open a clause, for text without case or stops"),
        _mapping("FOLDS", "text", "letters read as another wherever words are matched: 'ё' -> 'е'"),
        Section("UPPERCASE", "text", "text", None, "its capital letters, as a regex class body ('A-Z')"),
        Section("LOWERCASE", "text", "text", None, "its small letters, as a regex class body ('a-z')"),
        # furniture
        Section("FURNITURE_LINES", "furniture", "words", doc="whole lines that are site interface"),
        Section("FURNITURE_PATTERNS", "furniture", "patterns", doc="whole furniture lines"),
        Section("NAVIGATION_MARKERS", "furniture", "words", doc="lines before another article's headline"),
        Section("verb_mood", "furniture", "function", None, "does a line state or command"),
        _words("SITE_PHRASES", "furniture", "words by which a line speaks for the site"),
        _words("COPYRIGHT_WORDS", "furniture", "a line opening with one is a copyright notice"),
        _words("DATELINE_PREFIXES", "furniture", "before a page's date line: 'published'"),
        _words("DATE_TRAILERS", "furniture", "after a page's date: a time zone, 'года'"),
        _words("DATELINE_TIME_JOINERS", "furniture", "between a page's date and its time: 'à'"),
        Section("DATELINE_MONTHS", "summaries", "text", None, "a regex of month names in a wire dateline"),
        # summaries
        Section("DANGLING_STARTS", "summaries", "words", doc="openings that lean on the sentence before"),
        Section("CREDIT_LABELS", "summaries", "words", doc="openings of credit lines"),
        _words("DANGLING_EXCEPTIONS", "summaries"),
        _words("DANGLING_UNLESS_NAMED", "summaries"),
        _words("DROPPABLE_OPENINGS", "summaries"),
        _words("POINTING_PRONOUNS", "summaries"),
        _words("COMMENTARY_VERBS", "summaries"),
        _words("COMMENTARY_NOT_AFTER", "summaries"),
        _words("COMMENTARY_PARTICIPLE_ENDINGS", "summaries"),
        # dates
        Section("MONTHS", "dates", "mapping", doc="month names in every form -> 1-12"),
        Section("WEEKDAYS", "dates", "words", doc="weekday names and abbreviations"),
        _mapping("WEEKDAY_NUMBERS", "dates"),
        _mapping("WEEKDAY_DIRECTIONS", "dates"),
        _mapping(
            "WEEKDAY_DIRECTIONS_AFTER", "dates", "words after a weekday giving its direction: 'dernier'"
        ),
        _mapping("RELATIVE_YEARS", "dates"),
        _mapping("RELATIVE_DATES", "dates"),
        _mapping("RELATIVE_DATE_PREPOSITIONS", "dates"),
        _words("RELATIVE_DATE_NOT_BEFORE", "dates"),
        _words("DATE_PREPOSITIONS", "dates"),
        _words("DATE_OF_WORDS", "dates"),
        _words("DATE_DAY_SUFFIXES", "dates"),
        _words("DATE_YEAR_WORDS", "dates"),
        _words("DATE_YEAR_SUFFIXES", "dates"),
        _words("DATE_YEAR_CUES", "dates"),
        _words("DATE_RANGE_OPENERS", "dates"),
        _words("DATE_RANGE_CLOSERS", "dates"),
        Section("DATE_MONTH_FIRST", "dates", "flag", False),
        Section("DATE_CAPITALIZED", "dates", "flag", False),
        Section("WEEKDAY_BARE", "dates", "flag", False),
        _words("WEEKDAY_NOT_AFTER", "dates"),
        _words("WEEKDAY_FUTURE_CUES", "dates"),
        Section("WEEKDAY_AHEAD_TENSES", "dates", "words", ("futr",)),
        _words("WEEKDAY_UNTIL", "dates"),
        _words("WEEKDAY_PAST_AUXILIARIES", "dates"),
        _words("WEEKDAY_INTRODUCTIONS", "dates"),
        _words("CLAUSE_CONJUNCTIONS", "dates"),
        # quotes and citations
        _words("SPEECH_VERBS", "quotes"),
        Section("SPEECH_PASSIVE", "quotes", "pattern", None, "before a speech verb: a passive ('was')"),
        _words("SPEECH_PARTICIPLE_ENDINGS", "quotes", "speech verbs that report only with a complement"),
        Section("SPEECH_COMPLEMENT", "quotes", "pattern", None, "after such a participle: 'that', ':'"),
        _words("SPEECH_OBJECT_VERBS", "quotes", "speech verbs whose object is the one spoken to"),
        _words("SPEECH_SOURCE_OPENINGS", "quotes", "a sentence opening with one and a person reports them"),
        _words("PLURAL_VERB_ENDINGS", "quotes", "a plural verb takes no single person as subject"),
        Section("NAMES_MODIFY_NOUNS", "quotes", "flag", False, "a name before a role noun qualifies it"),
        Section("TITLES_END_WITH_ROLE_WORD", "quotes", "flag", False, "'Transport Minister Abenov'"),
        _words("ROLE_WORDS", "quotes"),
        _words("REPORTED_CONJUNCTIONS", "quotes"),
        _words("QUOTE_PRONOUNS", "quotes"),
        _words("QUOTE_ADVERBS", "quotes"),
        _words("CLAUSE_LINKS", "quotes"),
        _words("COORDINATORS", "quotes"),
        _words("SUBJECT_PRONOUNS", "quotes"),
        _words("PREPOSITIONS", "quotes"),
        _words("RELATIVES", "quotes"),
        _words("DETERMINERS", "quotes"),
        _words("DEFINITE_ARTICLES", "quotes"),
        _words("SOURCE_DESCRIPTORS", "citations"),
        _words("GENERIC_SOURCES", "citations", "what 'according to ...' may name that is no source"),
        _words("SOURCE_NOUNS", "citations", "a source named without a capital needs one of these"),
        _words("LIST_JOINERS", "citations", "the word joining the last two of a list of names ('and')"),
        _words("SOURCE_LIST_OPENINGS", "citations", "a credit line that lists sources ('источник')"),
        _words("NAME_PARTICLES", "quotes", "lower-case words inside a name, before its last ('von')"),
        Section("CITATION_PATTERNS", "citations", "patterns", ()),
        # entities
        _mapping("DEMONYM_ENDINGS", "entities", "a place name's ending -> its nationality word's"),
        _words("DEMONYMS", "entities", "nationality words no ending derives ('french', 'dutch')"),
        Section("DEMONYMS_CAPITALISED", "entities", "flag", True, "'Kazakh' inside a sentence is one"),
        Section("NAMES_END_CAPITALISED", "entities", "flag", False, "'Pacific coast' names 'Pacific'"),
        # figures
        Section("FIGURE_GROUP_SEPARATORS", "figures", "text", "\u00a0\u2009\u202f"),
        _mapping("FIGURE_SCALES", "figures"),
        _mapping("FIGURE_NUMBER_WORDS", "figures"),
        _mapping("FIGURE_UNITS", "figures"),
        _mapping("FIGURE_COUNTED", "figures"),
        _words("FIGURE_APPROX", "figures"),
        _words("FIGURE_APPROX_LOOSE", "figures"),
        _words("FIGURE_APPROX_AFTER", "figures"),
        _words("FIGURE_APPROX_CONDITIONAL", "figures"),
        Section("FIGURE_PERIODS", "figures", "patterns", ()),
        _words("FIGURE_CHANGE_STEMS", "figures"),
        _words("FIGURE_CHANGE_WORDS", "figures"),
        _words("FIGURE_CHANGE_PREPOSITIONS", "figures"),
        _words("FIGURE_LEVEL_PREPOSITIONS", "figures"),
        _words("FIGURE_YEAR_PREPOSITIONS", "figures"),
        _words("FIGURE_ALTERNATIVE_WORDS", "figures", "between a figure and its conversion ('or')"),
        _words("SCALE_WORDS", "figures", "words that make a number an amount ('billion'): no ticker"),
        # backends
        Section("recognize", "backends", "function", None, "NER spans of each text, batched"),
        Section("entity_lemma", "backends", "function", _lowered, "an entity name's dictionary form"),
        Section("is_nominative", "backends", "function", None, "whether a name is in the nominative"),
        Section("nominative", "backends", "function", None, "a name put in the nominative"),
        Section("lemmatize_word", "backends", "function", None, "a word's dictionary forms, as search keys"),
        Section("clause_tenses", "backends", "function", None, "the tenses of a weekday's clause"),
        Section(
            "common_opening", "backends", "function", None, "is a sentence's capitalised first word common"
        ),
    )
}


def section(module: ModuleType, name: str) -> Any:
    """The section ``name`` of a language module, or the contract's default when it has none.
    A name the contract does not know is a programming error (KeyError), not a silent default."""
    spec = SECTIONS[name]
    value = getattr(module, name, _REQUIRED)
    if value is _REQUIRED:
        if spec.required:
            raise ConfigError(f"language module {module.__name__} has no section {name} ({spec.group})")
        return spec.default
    return value


def problems(module: ModuleType) -> list[str]:
    """What is wrong with a language module against the contract, one line each naming the section
    (empty when nothing is)."""
    found: list[str] = []
    for name, spec in SECTIONS.items():
        if not hasattr(module, name):
            if spec.required:
                found.append(f"{name}: missing (required, {spec.group})")
            continue
        problem = _shape_problem(spec, getattr(module, name))
        if problem:
            found.append(f"{name}: {problem}")
    months = getattr(module, "MONTHS", None)
    if isinstance(months, Mapping) and months and set(months.values()) != set(range(1, 13)):
        found.append(f"MONTHS: covers {sorted(set(months.values()))}, not 1-12")
    weekdays = getattr(module, "WEEKDAY_NUMBERS", None)
    if isinstance(weekdays, Mapping) and weekdays and set(weekdays.values()) != set(range(7)):
        found.append(f"WEEKDAY_NUMBERS: covers {sorted(set(weekdays.values()))}, not 0-6")
    for name in vars(module):
        if name in SECTIONS or name.startswith("_"):
            continue
        near = difflib.get_close_matches(name, SECTIONS, n=1, cutoff=0.9)
        if near:
            found.append(f"{name}: not a section of the contract; is it {near[0]}?")
    return found


def check(module: ModuleType) -> ModuleType:
    """``module`` when it keeps the contract, else ConfigError listing what is wrong."""
    found = problems(module)
    if found:
        raise ConfigError(
            f"language module {module.__name__} breaks the language contract: " + "; ".join(found)
        )
    return module


def _shape_problem(spec: Section, value: Any) -> str | None:
    kind = spec.kind
    if kind == "text":
        return None if isinstance(value, str) and value else "must be a non-empty string"
    if kind == "flag":
        return None if isinstance(value, bool) else "must be True or False"
    if kind == "function":
        return None if value is None or callable(value) else "must be a function"
    if kind == "stemmer":
        return _stemmer_problem(value)
    if kind == "mapping":
        if not isinstance(value, Mapping) or not all(isinstance(key, str) for key in value):
            return "must be a dict keyed by strings"
        return None
    if kind == "words":
        if isinstance(value, str) or not isinstance(value, Collection):
            return "must be a tuple or set of strings"
        bad = [word for word in value if not isinstance(word, str) or not word or word != word.lower()]
        return f"words must be non-empty and lower-case: {bad[:3]}" if bad else None
    if kind == "patterns":
        return _patterns_problem(value)
    if kind == "pattern":
        return (
            None
            if value is None or isinstance(value, re.Pattern)
            else "must be a compiled regular expression"
        )
    return f"unknown kind {kind}"


def _stemmer_problem(value: Any) -> str | None:
    if value is None:
        return None
    import Stemmer

    return None if value in Stemmer.algorithms() else f"{value!r} is not a Snowball algorithm"


def _patterns_problem(value: Any) -> str | None:
    if isinstance(value, str) or not isinstance(value, Collection):
        return "must be a tuple of regular expressions"
    for item in value:
        pattern = item[0] if isinstance(item, tuple) and item else item
        if isinstance(pattern, re.Pattern):
            continue
        if not isinstance(pattern, str):
            return f"{item!r} is not a regular expression"
        try:
            re.compile(pattern)
        except re.error as exc:
            return f"{pattern!r} does not compile: {exc}"
    return None
