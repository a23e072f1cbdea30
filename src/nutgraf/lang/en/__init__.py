"""English: sentence splitting, month names and the interface phrases English news sites use.

Its sections of the language contract (``nutgraf.lang.contract``) live in one module per group, as
the contract groups them: ``text`` (letters, sentences, abbreviations, stems, stopwords),
``furniture``, ``summaries``, ``dates``, ``quotes``, ``citations``, ``figures``, ``entities`` and
``backends`` (functions over spaCy's English pipeline, loaded when first used); ``messages`` is the
web UI's catalogue. This package holds the language's identity and re-exports every section, because the
analyzers read sections as the package's attributes (``contract.section``).
"""

# The imports below re-export the modules' sections: the analyzers read them as this package's
# attributes.
# ruff: noqa: F401

from __future__ import annotations

from nutgraf.lang.en.backends import (
    NER_LABELS,
    PARSER_EXCLUDE,
    SPACY_BATCH,
    SPACY_EXCLUDE,
    SPACY_EXPECTED,
    SPACY_INSTALL,
    SPACY_PACKAGE,
    check_spacy_meta,
    clause_tenses,
    common_opening,
    entity_lemma,
    recognize,
    spacy_ner,
    spacy_parser,
)
from nutgraf.lang.en.citations import (
    CITATION_PATTERNS,
    GENERIC_SOURCES,
    LIST_JOINERS,
    SOURCE_DESCRIPTORS,
    SOURCE_NOUNS,
)
from nutgraf.lang.en.dates import (
    CLAUSE_CONJUNCTIONS,
    DATE_CAPITALIZED,
    DATE_DAY_SUFFIXES,
    DATE_MONTH_FIRST,
    DATE_OF_WORDS,
    DATE_PREPOSITIONS,
    DATE_RANGE_CLOSERS,
    DATE_RANGE_OPENERS,
    DATE_YEAR_CUES,
    DATE_YEAR_WORDS,
    MONTHS,
    RELATIVE_DATE_NOT_BEFORE,
    RELATIVE_DATE_PREPOSITIONS,
    RELATIVE_DATES,
    RELATIVE_YEARS,
    TIME_NOUNS,
    WEEKDAY_AHEAD_TENSES,
    WEEKDAY_BARE,
    WEEKDAY_DIRECTIONS,
    WEEKDAY_FUTURE_CUES,
    WEEKDAY_INTRODUCTIONS,
    WEEKDAY_NOT_AFTER,
    WEEKDAY_NUMBERS,
    WEEKDAY_PAST_AUXILIARIES,
    WEEKDAY_REPORTING_VERBS,
    WEEKDAY_UNTIL,
    WEEKDAYS,
)
from nutgraf.lang.en.entities import DEMONYM_ENDINGS, DEMONYMS, NAMES_END_CAPITALISED
from nutgraf.lang.en.figures import (
    FIGURE_ALTERNATIVE_WORDS,
    FIGURE_APPROX,
    FIGURE_APPROX_AFTER,
    FIGURE_APPROX_LOOSE,
    FIGURE_CHANGE_PREPOSITIONS,
    FIGURE_CHANGE_STEMS,
    FIGURE_CHANGE_WORDS,
    FIGURE_COUNTED,
    FIGURE_GROUP_SEPARATORS,
    FIGURE_LEVEL_PREPOSITIONS,
    FIGURE_NUMBER_WORDS,
    FIGURE_PERIODS,
    FIGURE_SCALES,
    FIGURE_UNITS,
    FIGURE_YEAR_PREPOSITIONS,
    SCALE_WORDS,
)
from nutgraf.lang.en.furniture import (
    COPYRIGHT_WORDS,
    DATE_TRAILERS,
    DATELINE_PREFIXES,
    FURNITURE_LINES,
    FURNITURE_PATTERNS,
    NAVIGATION_MARKERS,
    SITE_PHRASES,
    verb_mood,
)
from nutgraf.lang.en.quotes import (
    CLAUSE_LINKS,
    COORDINATORS,
    DEFINITE_ARTICLES,
    DETERMINERS,
    NAME_PARTICLES,
    NAMES_MODIFY_NOUNS,
    PREPOSITIONS,
    QUOTE_ADVERBS,
    QUOTE_PRONOUNS,
    RELATIVES,
    REPORTED_CONJUNCTIONS,
    ROLE_WORDS,
    SPEECH_COMPLEMENT,
    SPEECH_OBJECT_VERBS,
    SPEECH_PARTICIPLE_ENDINGS,
    SPEECH_PASSIVE,
    SPEECH_VERBS,
    SUBJECT_PRONOUNS,
    TITLES_END_WITH_ROLE_WORD,
)
from nutgraf.lang.en.summaries import (
    COMMENTARY_NOT_AFTER,
    COMMENTARY_PARTICIPLE_ENDINGS,
    COMMENTARY_VERBS,
    CREDIT_LABELS,
    DANGLING_EXCEPTIONS,
    DANGLING_STARTS,
    DANGLING_UNLESS_NAMED,
    DATELINE_MONTHS,
    DROPPABLE_OPENINGS,
    POINTING_PRONOUNS,
)
from nutgraf.lang.en.text import (
    ABBREVIATIONS,
    CLAUSE_OPENERS,
    LOWERCASE,
    STEMMER,
    STOPWORDS,
    UPPERCASE,
    split_sentences,
)

CODE = "en"
NAME = "English"
ENGLISH_NAME = "English"
CODE_ALIASES: frozenset[str] = frozenset({"eng", "english"})
"""Other names of the language a record's language field may give."""
