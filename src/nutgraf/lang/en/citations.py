"""English citation cues (read by ``nutgraf.analyze.citations``): phrases that cite a source, the
descriptors before its name, and what "according to ..." may name that is no source."""

from __future__ import annotations

import re

CITATION_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(pattern)
    for pattern in (
        r"\[\s*[Ss]ources?:\s*(?P<name>[^\]]{2,120})\]",
        r"\((?P<name>[A-Z][^();]{1,60}?) report(?:s|ing)?\b[^)]*\)",
        r"(?:^|\n)[A-Z][A-Z .'-]{2,40},(?: [^,()\n]{2,30},)? [^()\n]{1,30}\((?P<name>[^()\n]{2,60})\) [—–-]",
        r"\b[Aa]ccording to (?:(?:the )?(?:latest )?(?:officials?|sources|data|figures|estimates|a report|reports|a statement|statistics)"
        r"(?: (?:cited|released|published|provided|quoted|issued|compiled) by| from| of)? )?(?:the )?(?P<name>[^,.;:()\[\]\"“”]{2,80}?)"
        r"(?=[,.;:()\]]|\s(?:that|said|says|which|who|while|as|on|in|at|for)\b|$)",
        r"\b(?:as )?(?:announced|reported|stated|confirmed) by (?:the )?(?:official )?(?P<name>[^,.;:()\"“”]{2,60}?)(?=[,.;:()]|\s(?:that|on|in)\b|$)",
        r"\b(?:cited|quoted) by (?:the )?(?P<name>[^,.;:()\"“”]{2,60}?)(?=[,.;:()]|\s(?:as|that|on|in)\b|$)",
        r"\b(?P<name>(?:the )?[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,4}) (?:reported|reports|said in a statement|said in a report)\b",
    )
)
"""Phrases that cite a source; ``name`` is cleaned by the analyzer (descriptors, articles)."""

SOURCE_DESCRIPTORS: tuple[str, ...] = (
    "news agency",
    "state news agency",
    "agency",
    "newspaper",
    "daily",
    "broadcaster",
    "outlet",
    "channel",
    "website",
    "portal",
    "news service",
    "wire service",
    "tabloid",
    "magazine",
    "the official",
    "official",
)
"""Descriptors before a source's name ("the Belarusian agency BelTA" -> "BelTA")."""


GENERIC_SOURCES: frozenset[str] = frozenset(
    """officials official sources source reports report data figures estimates statistics experts analysts
    him her them us it this that these those police local volunteers witnesses residents media
    he she they we you both sides both side all sides observers""".split()
) | {"both sides", "all sides", "the sources", "local media", "media reports"}
"""What "according to ..." may name that is not a citable source on its own."""

SOURCE_NOUNS: frozenset[str] = frozenset(
    """ministry agency service office police government council department committee commission authority
    authorities administration bureau institute center centre court prosecutor prosecutors inspectorate
    press statement report regulator""".split()
)
"""A source named without a proper noun needs one of these ("the Kazakh transport ministry")."""


# Read in text before its language is known: joined over every registered language
# (``nutgraf.lang.every``).
LIST_JOINERS: tuple[str, ...] = ("and",)
"""Joins the last two names of a list ("according to BelTA and the Kremlin", "minister Nuria
Safina and deputy prime minister Timur Aliyev")."""
