"""Russian: sentence splitting (razdel), month names in every case, and Russian site furniture.

Its sections of the language contract (``nutgraf.lang.contract``) live in one module per group, as
the contract groups them: ``text`` (letters and their folding, sentences, abbreviations, stems,
stopwords), ``furniture``, ``summaries``, ``dates``, ``quotes``, ``citations``, ``figures``,
``entities`` and ``backends`` (functions over slovnet's NER and pymorphy3, loaded when first used);
``messages`` is the web UI's catalogue. This package holds the language's identity and re-exports every section,
because the analyzers read sections as the package's attributes (``contract.section``).
"""

# The imports below re-export the modules' sections: the analyzers read them as this package's
# attributes.
# ruff: noqa: F401

from __future__ import annotations

from nutgraf.lang.ru.backends import (
    NATASHA_EMBEDDING,
    NATASHA_NER_MODEL,
    NER_BATCH,
    PARSE_CACHE,
    clause_tenses,
    common_opening,
    entity_lemma,
    is_nominative,
    lemma,
    lemmatize_word,
    morph,
    nominative,
    recognize,
    slovnet_ner,
    surname_base,
    verb_tenses,
)
from nutgraf.lang.ru.citations import (
    CITATION_PATTERNS,
    LIST_JOINERS,
    SOURCE_DESCRIPTORS,
    SOURCE_LIST_OPENINGS,
)
from nutgraf.lang.ru.dates import (
    CLAUSE_CONJUNCTIONS,
    DATE_CAPITALIZED,
    DATE_DAY_SUFFIXES,
    DATE_MONTH_FIRST,
    DATE_OF_WORDS,
    DATE_PREPOSITIONS,
    DATE_RANGE_CLOSERS,
    DATE_RANGE_OPENERS,
    DATE_YEAR_CUES,
    DATE_YEAR_SUFFIXES,
    DATE_YEAR_WORDS,
    MONTHS,
    RELATIVE_DATE_NOT_BEFORE,
    RELATIVE_DATE_PREPOSITIONS,
    RELATIVE_DATES,
    RELATIVE_YEARS,
    WEEKDAY_AHEAD_TENSES,
    WEEKDAY_BARE,
    WEEKDAY_DIRECTIONS,
    WEEKDAY_FUTURE_CUES,
    WEEKDAY_NOT_AFTER,
    WEEKDAY_NUMBERS,
    WEEKDAY_REPORTING_VERBS,
    WEEKDAYS,
)
from nutgraf.lang.ru.entities import DEMONYM_ENDINGS, DEMONYMS, DEMONYMS_CAPITALISED
from nutgraf.lang.ru.figures import (
    FIGURE_ALTERNATIVE_WORDS,
    FIGURE_APPROX,
    FIGURE_APPROX_AFTER,
    FIGURE_APPROX_CONDITIONAL,
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
from nutgraf.lang.ru.furniture import (
    COPYRIGHT_WORDS,
    DATE_TRAILERS,
    DATELINE_PREFIXES,
    FURNITURE_LINES,
    FURNITURE_PATTERNS,
    NAVIGATION_MARKERS,
    SITE_PHRASES,
    verb_mood,
)
from nutgraf.lang.ru.quotes import (
    CLAUSE_LINKS,
    COORDINATORS,
    DEFINITE_ARTICLES,
    DETERMINERS,
    NAME_PARTICLES,
    PLURAL_VERB_ENDINGS,
    PREPOSITIONS,
    QUOTE_ADVERBS,
    QUOTE_PRONOUNS,
    RELATIVES,
    REPORTED_CONJUNCTIONS,
    ROLE_WORDS,
    SPEECH_VERBS,
    SUBJECT_PRONOUNS,
)
from nutgraf.lang.ru.summaries import (
    COMMENTARY_PARTICIPLE_ENDINGS,
    COMMENTARY_VERBS,
    CREDIT_LABELS,
    DANGLING_EXCEPTIONS,
    DANGLING_STARTS,
    DATELINE_MONTHS,
    DROPPABLE_OPENINGS,
    POINTING_PRONOUNS,
)
from nutgraf.lang.ru.text import (
    ABBREVIATIONS,
    CLAUSE_OPENERS,
    FOLDS,
    LOWERCASE,
    STEMMER,
    STOPWORDS,
    UPPERCASE,
    split_sentences,
)

CODE = "ru"
NAME = "Русский"
ENGLISH_NAME = "Russian"
CODE_ALIASES: frozenset[str] = frozenset({"rus", "russian", "русский"})
"""Other names of the language a record's language field may give."""
