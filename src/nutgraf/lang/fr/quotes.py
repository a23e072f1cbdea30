"""French quote attribution cues (read by ``nutgraf.analyze.quotes``): speech verbs, role words,
and the words that tell a quote's speaker from the other names around it."""

from __future__ import annotations

import re

_SPEECH_PARTICIPLES = """déclaré affirmé dit ajouté souligné indiqué expliqué précisé assuré estimé
annoncé averti rappelé reconnu confié martelé lancé insisté répondu écrit jugé promis noté relevé
poursuivi conclu commenté résumé regretté dénoncé prévenu admis confirmé démenti observé raconté
déploré réagi ironisé tranché rétorqué répété
fait savoir""".split("\n")
_PARTICIPLES = tuple(
    word for line in _SPEECH_PARTICIPLES for word in line.split() if word not in ("fait", "savoir")
)

SPEECH_VERBS: tuple[str, ...] = (
    *(
        f"{auxiliary} {participle}"
        for auxiliary in ("a", "ont", "avait", "avaient")
        for participle in _PARTICIPLES
    ),
    "a fait savoir",
    "ont fait savoir",
    *(
        f"{auxiliary}-t-{pronoun} {participle}" if auxiliary == "a" else f"{auxiliary}-{pronoun} {participle}"
        for auxiliary, pronouns in (("a", ("il", "elle", "on")), ("ont", ("ils", "elles")))
        for pronoun in pronouns
        for participle in _PARTICIPLES
    ),
    *"""déclare déclarent affirme affirment dit disent ajoute ajoutent souligne soulignent indique
    indiquent explique expliquent précise précisent assure assurent estime estiment juge jugent
    rappelle rappellent reconnaît reconnaissent confie confient martèle martèlent insiste insistent
    poursuit poursuivent raconte racontent prévient préviennent avertit avertissent résume résument
    note notent observe observent déclara affirma ajouta souligna expliqua précisa estima déplore
    déplorent regrette regrettent soupire soupirent lâche lâchent glisse glissent sourit ironise
    s'inquiète s’inquiète résume témoigne témoignent""".split(),
    *(
        f"{verb}-t-{pronoun}" if verb.endswith(("e", "a")) else f"{verb}-{pronoun}"
        for verb in "déclare affirme ajoute souligne explique précise assure estime juge rappelle insiste poursuit dit".split()
        for pronoun in ("il", "elle")
    ),
    "selon",
    "d'après",
    "d’après",
)
"""Forms that attribute speech: the passé composé ("a déclaré", "ont affirmé"), its inversion after
a quote ("a-t-il ajouté"), the present ("déclare", "estime-t-elle"), the passé simple of wires
("déclara"), and "selon"/"d'après" before a speaker ("..., selon M. Abenov")."""
SPEECH_PASSIVE = re.compile(r"\b(?:été|est|sont|était|étaient|fut|sera)\s+$", re.IGNORECASE)
""""a été déclaré", "est dit": a passive has no speaker subject."""
SPEECH_PARTICIPLE_ENDINGS: tuple[str, ...] = ("ant",)
SPEECH_COMPLEMENT = re.compile(r"\s+qu(?:e\b|['’])|\s*:|\s*[«“\"]", re.IGNORECASE)
"""What a present participle needs to report speech: "soulignant que", "ajoutant :"."""
REPORTED_CONJUNCTIONS: tuple[str, ...] = ("que", "qu'", "qu’")
SPEECH_SOURCE_OPENINGS: tuple[str, ...] = ("selon", "d'après", "d’après")
""""Selon Marc Dupont, le pont rouvrira en mai": Dupont's statement, reported."""
PLURAL_VERB_ENDINGS: tuple[str, ...] = ()

ROLE_WORDS: frozenset[str] = frozenset(
    """ministre président présidente premier première porte-parole secrétaire conseiller conseillère
    directeur directrice chef cheffe dirigeant dirigeante responsable gouverneur maire mairesse
    ambassadeur ambassadrice envoyé envoyée représentant représentante commandant général générale
    professeur professeure chercheur chercheuse scientifique analyste économiste expert experte
    politologue député députée sénateur sénatrice leader fondateur fondatrice vice-premier adjoint
    adjointe gérant gérante capitaine entraîneur entraîneuse sélectionneur avocat avocate procureur
    procureure juge enquêteur enquêtrice conservateur conservatrice ingénieur ingénieure médecin
    correspondant correspondante rédacteur rédactrice journaliste historien historienne sociologue
    membre inspecteur inspectrice chancelier chancelière roi reine pape patriarche salarié salariée
    syndicaliste délégué déléguée préfet préfète coordinateur coordinatrice commissaire patron patronne
    pdg""".split()
)
"""Nouns that make a phrase next to a name a role ("le ministre kazakh des Transports")."""

QUOTE_PRONOUNS: tuple[str, ...] = ("il", "elle")
"""Pronouns that stand for a speaker named earlier ("..., a-t-il ajouté", "Il a déclaré que...")."""
QUOTE_ADVERBS: tuple[str, ...] = (
    "aussi",
    "également",
    "ensuite",
    "encore",
    "alors",
    "plus tard",
    "par ailleurs",
)
"""Adverbs between a pronoun and its speech verb ("il a également souligné")."""
CLAUSE_LINKS: tuple[str, ...] = (
    "mais", "et", "tandis que", "tandis qu'", "tandis qu’", "alors que", "alors qu'", "alors qu’",
    "bien que", "bien qu'", "lorsque", "lorsqu'", "lorsqu’", "quand", "car",
)  # fmt: skip
"""Conjunctions that, after a comma, open a clause with a subject of its own (see ``en``)."""
COORDINATORS: tuple[str, ...] = ("et", "mais", "ou")
"""Before "que", these add a second reported clause to the first."""
SUBJECT_PRONOUNS: tuple[str, ...] = ("il", "elle", "ils", "elles", "on", "nous", "je", "vous")
"""A pronoun right before a speech verb is its subject, whoever is named before it."""
PREPOSITIONS: tuple[str, ...] = tuple(
    "à au aux de du des en dans sur sous pour par avec sans contre chez vers entre après avant envers auprès".split()
)
"""A person after one of these is its object, not a subject ("a-t-il déclaré à M. Abenov")."""
RELATIVES: tuple[str, ...] = ("qui", "que", "dont", "où", "lequel", "laquelle", "lesquels", "lesquelles")
"""Words that open a relative clause."""
DETERMINERS: tuple[str, ...] = (
    "le",
    "la",
    "les",
    "l'",
    "un",
    "une",
    "son",
    "sa",
    "ses",
    "leur",
    "leurs",
    "ce",
    "cet",
    "cette",
)
DEFINITE_ARTICLES: tuple[str, ...] = ("le", "la", "les", "l'", "l’")
"""Role descriptions point back only when definite ("le ministre"; "un porte-parole" is someone new)."""


# Read in text before its language is known: joined over every registered language
# (``nutgraf.lang.every``).
NAME_PARTICLES: tuple[str, ...] = tuple("de du des d' le la von van der den al el ben ibn".split())
"""Lower-case words inside a name, before its last word ("Charles de Gaulle", "Ursula von der Leyen")."""
