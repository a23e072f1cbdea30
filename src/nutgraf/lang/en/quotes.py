"""English quote attribution cues (read by ``nutgraf.analyze.quotes``): speech verbs, role words,
and the words that tell a quote's speaker from the other names around it."""

from __future__ import annotations

import re

SPEECH_VERBS: tuple[str, ...] = (
    "said",
    "says",
    "added",
    "adds",
    "told",
    "stressed",
    "noted",
    "warned",
    "indicated",
    "argued",
    "explained",
    "announced",
    "insisted",
    "declared",
    "stated",
    "remarked",
    "observed",
    "asserted",
    "acknowledged",
    "admitted",
    "claimed",
    "suggested",
    "commented",
    "wrote",
    "recalled",
    "replied",
    "continued",
    "emphasized",
    "emphasised",
    "underlined",
    "described",
    "characterized",
    "called",
    "believes",
    "thinks",
    "confirmed",
    "promised",
    "vowed",
    "urged",
    "predicted",
    "estimated",
    # participles: "..., while Lukashenko echoed the assessment, remarking that ..."
    "remarking",
    "saying",
    "noting",
    "adding",
    "stressing",
    "describing",
)
"""Verbs that attribute speech; "Peskov indicated that ..." is reported speech."""

REPORTED_CONJUNCTIONS: tuple[str, ...] = ("that",)

ROLE_WORDS: frozenset[str] = frozenset(
    """minister president prime premier spokesman spokeswoman spokesperson secretary press aide adviser
    advisor director chief head chairman chairwoman chair governor mayor ambassador envoy official
    officer commander general professor scientist researcher analyst economist expert politician
    deputy senator lawmaker mp leader founder ceo executive manager captain coach manager
    lawyer attorney prosecutor judge investigator spokesman representative curator economist
    engineer doctor surgeon correspondent editor journalist historian sociologist strategist
    political scientist member inspector chancellor king queen pope patriarch""".split()
)
"""Nouns that make a phrase next to a name a role ("Kazakhstan's transport minister")."""


QUOTE_PRONOUNS: tuple[str, ...] = ("he", "she")
"""Pronouns that stand for a speaker named earlier ("..., he said")."""
QUOTE_ADVERBS: tuple[str, ...] = ("also", "later", "then", "further")
"""Adverbs between a pronoun and its speech verb ("he also said")."""
CLAUSE_LINKS: tuple[str, ...] = (
    "while", "whereas", "but", "and", "though", "although", "as", "when", "because", "yet",
)  # fmt: skip
"""Conjunctions that, after a comma, open a clause with a subject of its own: a person named before
one is not the subject of a speech verb after it ("Sailings resumed, though agents said ..."), and a
person who speaks after one ends the statement before it ("..., while Abenov echoed ...")."""
COORDINATORS: tuple[str, ...] = ("and", "but", "or")
"""Before "that", these add a second reported clause to the first ("said the towns were evacuated
and that crews ..."): the statement began before them."""
SUBJECT_PRONOUNS: tuple[str, ...] = ("he", "she", "they", "we", "i", "you", "it")
"""A pronoun right before a speech verb is its subject ("The attack, he says, is ..."), whoever is
named before it."""
PREPOSITIONS: tuple[str, ...] = tuple(
    """in on at of for with by from to about against after before between under over near like than
    without via into onto toward towards among beside""".split()
)
"""A person after one of these is its object, not a subject ("quoted in the Herald saying")."""
RELATIVES: tuple[str, ...] = ("who", "whom", "whose", "which", "where")
"""Words that open a relative clause: a person named inside ", who now faces X in the last 16," is
not the subject of the verb after it."""
DETERMINERS: tuple[str, ...] = ("the", "a", "an", "its", "his", "her", "their", "our", "my", "your")
"""Words that may open a role description before a name ("the harbour master Ann Lowe")."""
DEFINITE_ARTICLES: tuple[str, ...] = ("the",)
"""Role descriptions point back only when definite ("the minister"; "a spokesman" is someone new)."""


SPEECH_PASSIVE = re.compile(r"\b(?:be|been|being|is|are|was|were)\s+$", re.IGNORECASE)
""""was said to be", "had been told to leave": a passive speech verb has no speaker subject."""

SPEECH_PARTICIPLE_ENDINGS: tuple[str, ...] = ("ing",)
SPEECH_COMPLEMENT = re.compile(
    r"\s+that\b|\s*:|\s*[“\"«]|\s+[\w'’-]+(?:\s+[\w'’-]+){0,3}\s+as\b", re.IGNORECASE
)
"""What a participle needs to report speech: "remarking that", "saying:", "describing it as"
("adding a sixth promise" adds, it does not speak)."""

SPEECH_OBJECT_VERBS: tuple[str, ...] = ("told",)
"""A person after "told" is the one told ("he told Abenov"), not the speaker."""

NAMES_MODIFY_NOUNS = True
""""Lowe's stance", "harbour board chair Ann Lowe": a name in the possessive or before a role
noun qualifies the noun."""

TITLES_END_WITH_ROLE_WORD = True
"""A title before a name ends with its role word ("Kazakh Transport Minister Nurlan Abenov")."""


# Read in text before its language is known: joined over every registered language
# (``nutgraf.lang.every``).
NAME_PARTICLES: tuple[str, ...] = tuple(
    "de da di do dos das du del della der den des la le van von ten ter zu bin ibn ben al el".split()
)
"""Lower-case words inside a name, before its last word ("Ursula von der Leyen")."""
