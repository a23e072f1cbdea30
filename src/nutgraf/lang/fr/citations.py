"""French citation cues (read by ``nutgraf.analyze.citations``): phrases that cite a source, the
descriptors before its name, and what "selon ..." may name that is no source."""

from __future__ import annotations

import re

CITATION_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(pattern)
    for pattern in (
        r"(?:^|\n)[A-ZÀ-Ý][A-ZÀ-Ý .'’-]{2,40}(?: \([^()\n]{2,30}\))?, [^()\n]{1,30}\((?P<name>[^()\n]{2,60})\) [—–-]",
        r"\b[Ss]elon (?:l['’]agence |le journal |le quotidien |la chaîne |le site |l['’]institut |le cabinet )?"
        r"(?P<name>(?:l['’]|le |la |les )?[A-ZÀ-Ý][^,.;:()«»\"\n]{1,70}?)(?=[,.;:()«»]|\s(?:qui|que|dont|à|au|en|le|la|les|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b|$)",
        r"\b[Dd]['’]après (?P<name>(?:l['’]|le |la |les )?[A-ZÀ-Ý][^,.;:()«»\"\n]{1,70}?)(?=[,.;:()«»]|\s(?:qui|que|dont|à|au|en)\b|$)",
        r"\b[Ss]elon (?:les (?:chiffres|données|estimations) (?:de |du |des |d['’]))(?P<name>[^,.;:()«»\"\n]{2,70}?)(?=[,.;:()«»]|$)",
        r"\b(?:chiffres|données|estimations|statistiques) (?:publiée?s|fournie?s|communiquée?s|diffusée?s) par "
        r"(?P<name>(?:l['’]|le |la |les )?[A-ZÀ-Ý][^,.;:()«»\"\n]{1,60}?)(?=[,.;:()«»]|\s(?:qui|que|à|au|en)\b|$)",
        r"\ba (?:indiqué|annoncé|précisé|rapporté|confirmé|fait savoir) (?P<name>l['’]agence [^,.;:()«»\"\n]{2,60}?|le ministère [^,.;:()«»\"\n]{2,60}?|la préfecture[^,.;:()«»\"\n]{0,60}?|le parquet[^,.;:()«»\"\n]{0,60}?)(?=[,.;:()«»]|\s(?:dans|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b|$)",
        r"\b(?:rapporte|rapportent|écrit|indique|annonce) (?P<name>(?:l['’]agence |le quotidien |le journal |la chaîne )?[A-ZÀ-Ý][^,.;:()«»\"\n]{1,60}?)(?=[,.;:()«»]|$)",
        r"(?:^|\n)Sources?\s*:\s*(?P<name>[^\n]{2,80})",
        r"\(avec (?P<name>AFP|Reuters|AP|Belga|ATS)\)",
    )
)
"""Phrases that cite a source ("selon l'AFP", "d'après Reuters", "a indiqué le ministère de
l'Intérieur", "PARIS, 10 mars (AFP) -", "Source : Continental Wire"); ``name`` is cleaned by the
analyzer (descriptors, articles)."""

SOURCE_DESCRIPTORS: tuple[str, ...] = (
    "l'agence",
    "l’agence",
    "agence",
    "l'agence de presse",
    "agence de presse",
    "le quotidien",
    "quotidien",
    "le journal",
    "journal",
    "l'hebdomadaire",
    "hebdomadaire",
    "la chaîne",
    "chaîne",
    "le site",
    "site",
    "le média",
    "média",
    "la radio",
    "radio",
)
"""Descriptors before a source's name ("l'agence BelTA" -> "BelTA")."""
GENERIC_SOURCES: frozenset[str] = frozenset(
    """lui elle eux elles nous vous les autorités sources source experts analystes témoins habitants
    médias observateurs responsables officiels données chiffres estimations statistiques police""".split()
) | {
    "les autorités",
    "des sources",
    "une source",
    "les médias",
    "les experts",
    "les habitants",
    "les témoins",
    "la police",
}
"""What "selon ..." may name that is not a citable source on its own ("selon lui", "selon les
autorités")."""
SOURCE_NOUNS: frozenset[str] = frozenset(
    """ministère agence service bureau police gouvernement conseil département comité commission autorité
    autorités administration institut centre tribunal parquet procureur préfecture inspection mairie
    communiqué rapport régulateur gendarmerie douane""".split()
)
"""A source named without a proper noun needs one of these ("le ministère kazakh des Transports")."""


# Read in text before its language is known: joined over every registered language
# (``nutgraf.lang.every``).
LIST_JOINERS: tuple[str, ...] = ("et",)
"""Joins the last two names of a list ("le ministre Nurlan Abenov et le vice-Premier ministre Rauf
Mammadli")."""
SOURCE_LIST_OPENINGS: tuple[str, ...] = ("source", "sources")
