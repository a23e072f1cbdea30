"""French summary cues (read by ``nutgraf.summarize``): openings that lean on the sentence before,
commentary, credit lines, and the months of a wire dateline."""

from __future__ import annotations

DANGLING_STARTS: tuple[str, ...] = (
    "il",
    "elle",
    "ils",
    "elles",
    "lui",
    "leur",
    "leurs",
    "ce",
    "cet",
    "cette",
    "ces",
    "cela",
    "ceci",
    "ça",
    "celui-ci",
    "celle-ci",
    "ceux-ci",
    "celles-ci",
    "ce dernier",
    "cette dernière",
    "ces derniers",
    "ces dernières",
    "mais",
    "et",
    "cependant",
    "toutefois",
    "pourtant",
    "néanmoins",
    "en outre",
    "par ailleurs",
    "de plus",
    "en revanche",
    "par contre",
    "ainsi",
    "donc",
    "alors",
    "aussi,",
    "d'ailleurs",
    "d’ailleurs",
    "en effet",
    "de son côté",
    "de leur côté",
    "pour sa part",
    "pour leur part",
    "selon lui",
    "selon elle",
    "selon eux",
    "d'après lui",
    "d'après elle",
    "d’après lui",
    "d’après elle",
    "parmi eux",
    "parmi elles",
    "l'un d'eux",
    "l’un d’eux",
    "à ce sujet",
    "à cette occasion",
    "dans ce cadre",
    "dans ce contexte",
    "pour cela",
    "malgré cela",
    "après cela",
    "en conséquence",
    "par conséquent",
    "là",
    "là-bas",
    "tous deux",
    "toutes deux",
    "les deux",
)
"""Openings that point back to an earlier sentence (see the English module): "Il a ajouté...",
"Cette décision...", "Selon lui, ...", "Par ailleurs, ..." need the sentence before them."""
POINTING_PRONOUNS: tuple[str, ...] = tuple("il elle ils elles cela ça ceci c".split())
"""Pronouns that point back when they open the main clause after a short phrase ("Lundi soir, il a
démissionné" needs the sentence that says who) or an article's first sentence ("C'est la première
grève depuis onze ans": at the headline). "c" is "c'est" cut at its apostrophe. Not the
determiners "ce", "cette", "ces": "Ce vendredi 18 mai, un homme armé..." names a time (as a
``DANGLING_STARTS`` opening, "Cette décision..." still leans on the sentence before)."""
DANGLING_EXCEPTIONS: tuple[str, ...] = (
    "cette année",
    "cette semaine",
    "ce mois-ci",
    "ce mois",
    "cet été",
    "cet hiver",
    "cet automne",
    "ce printemps",
    "ce week-end",
    "ce matin",
    "ce soir",
    "cette nuit",
    "cette saison",
    *(f"ce {day}" for day in "lundi mardi mercredi jeudi vendredi samedi dimanche".split()),
)
"""Openings that start like a pointer back but name a time ("Cette année, les ventes ont...")."""
DROPPABLE_OPENINGS: tuple[str, ...] = (
    "mais",
    "cependant,",
    "toutefois,",
    "pourtant,",
    "néanmoins,",
    "par ailleurs,",
    "en outre,",
    "de plus,",
    "d'ailleurs,",
    "d’ailleurs,",
)
"""Openings that only tie a sentence to the one before and may be dropped when that one is not in
the summary: "Par ailleurs, le port a annoncé..." says "Le port a annoncé..."."""
COMMENTARY_VERBS: tuple[str, ...] = tuple(
    f"{stem}{ending}"
    for stem, endings in (
        ("témoign", ("e", "ent", "ant")),
        ("illustr", ("e", "ent", "ant")),
        ("symbolis", ("e", "ent", "ant")),
        ("tradui", ("t", "sent", "sant")),
        ("confirm", ("ant",)),
        ("soulign", ("ant",)),
    )
    for ending in endings
)
"""Verbs by which a sentence interprets what the article told ("La rencontre témoigne de...",
"..., illustrant la volonté des deux pays"); see the English module. Only present forms and
participles: "Le ministre a souligné" reports what was said, so "souligne" (which also reports in
the present, "souligne le ministre") counts only as a participle after a comma."""
COMMENTARY_PARTICIPLE_ENDINGS: tuple[str, ...] = ("ant",)
"""After a comma only a present participle of commentary is one ("..., témoignant de..."); another
form there names who said it."""
COMMENTARY_NOT_AFTER: frozenset[str] = frozenset(
    "le la les l un une des ce cet cette son sa ses leur leurs".split()
)
"""Words after which a commentary word is a noun ("la traduction", "un témoignant")."""

CREDIT_LABELS: tuple[str, ...] = (
    "source :",
    "source:",
    "sources :",
    "sources:",
    "photo :",
    "photo:",
    "photos :",
    "crédit photo :",
    "crédit photo:",
    "crédits photo :",
    "illustration :",
    "illustration:",
    "vidéo :",
    "vidéo:",
    "infographie :",
    "avec afp",
    "avec l'afp",
    "avec reuters",
    "(avec afp)",
    "texte :",
    "par la rédaction",
)
"""Openings of credit lines ("Source : Continental Wire", "Photo : AFP", "Avec AFP")."""


# Read in text before its language is known: joined over every registered language
# (``nutgraf.lang.every``).
DATELINE_MONTHS = (
    r"(?:janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre)"
    r"|(?:janv|févr|fév|avr|juil|sept|oct|nov|déc)\.?"
)
"""Month names as a wire dateline writes them ("PARIS, 10 mars (AFP) -")."""
