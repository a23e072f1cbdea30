"""Cited sources: "according to BelTA", "[Source: Kremlin press service]", "сообщает ТАСС".

The patterns are per language (``CITATION_PATTERNS`` in each language module); this module cleans
what they capture into a source name: descriptors ("the Belarusian agency BelTA" -> "BelTA"),
articles and quotes go, Russian genitive heads become nominative ("по данным министерства
транспорта" -> "Министерство транспорта"), and a name the entity linker knows takes its canonical
display form (ТАСС and TASS are one source).
"""

from __future__ import annotations

import re
from functools import cache

from nutgraf.analyze.entities import AliasIndex, alias_index
from nutgraf.lang import SUPPORTED, every, get_language
from nutgraf.lang.contract import section
from nutgraf.model import Citation, Mention

__all__ = ["extract_citations", "source_name"]

MAX_NAME_WORDS = 8
"""A captured name longer than this is a clause the pattern over-ran, not a source."""

_SEPARATORS = r"\s*(?:;|,"
"""Between two sources cited together, in any language; each language adds its joining words
(``LIST_JOINERS``): a cited list is split the same whatever the article's language."""


@cache
def _split_sources() -> re.Pattern[str]:
    joiners = sorted(every("LIST_JOINERS"))
    return re.compile(_SEPARATORS + "".join(f"| {re.escape(word)} " for word in joiners) + r")\s*")


_STRIP = "«»\"“”'’ .,;:()[]—–-"


def _clean(name: str, language: str) -> str:
    module = get_language(language)
    text = " ".join(name.split()).strip(_STRIP)
    lowered = text.lower()
    # a descriptor that opens the name capitalised is the name's ("Channel Nine", "Agence Littorale")
    for descriptor in sorted(section(module, "SOURCE_DESCRIPTORS"), key=len, reverse=True):
        marker = f"{descriptor} "
        index = lowered.rfind(marker)
        if (index > 0 and lowered[index - 1] == " ") or (index == 0 and not text[:1].isupper()):
            rest = text[index + len(marker) :].strip(_STRIP)
            if rest and rest[0].isupper():
                text, lowered = rest, rest.lower()
                break
    for article in section(module, "DEFINITE_ARTICLES"):
        # written small, an article is not the name's ("le ministère", "l'AFP"; "Le Monde" keeps it)
        joined = article if article.endswith(("'", "’")) else f"{article} "
        if text.startswith(joined) and len(text) > len(joined):
            text = text[len(joined) :]
            break
    if text.lower().startswith("the "):
        text = text[4:]
    nominative = section(module, "nominative")
    if nominative is not None and any(word[:1].islower() for word in text.split()):
        # "по данным министерства транспорта" cites "Министерство транспорта"
        text = nominative(text, "ORG")
        text = text[0].upper() + text[1:]
    return text.strip(_STRIP)


def source_name(
    raw: str, language: str, mentions: list[Mention] | None = None, aliases: AliasIndex | None = None
) -> str | None:
    """The name of a cited source, or None when the phrase names nothing citable."""
    text = _clean(raw, language)
    words = text.split()
    if not words or len(words) > MAX_NAME_WORDS or text.lower() in every("GENERIC_SOURCES"):
        return None
    nouns = section(get_language(language), "SOURCE_NOUNS")
    if nouns and not any(ch.isupper() for ch in text):
        # "according to the transport ministry" names a source; "according to both sides" does not
        if not any(w.lower() in nouns for w in words):
            return None
    aliases = aliases if aliases is not None else alias_index(language)
    module = get_language(language)
    lemma = section(module, "entity_lemma")(text, "ORG")
    found = aliases.find(lemma, "ORG", text)
    if found:
        entry = aliases.entries[found]
        return entry["names"].get(language) or next(
            entry["names"][code] for code in SUPPORTED if entry["names"].get(code)
        )
    return text


def extract_citations(
    text: str, language: str, mentions: list[Mention] | None = None, aliases: AliasIndex | None = None
) -> list[Citation]:
    """Sources an article cites, in order of first citation, one per distinct name."""
    module = get_language(language)
    found: list[Citation] = []
    seen: set[str] = set()
    hits = []
    for pattern in section(module, "CITATION_PATTERNS"):
        for match in pattern.finditer(text):
            hits.append((match.start("name"), match.end("name"), match.group("name"), match.group(0).strip()))
    hits.sort()
    people = [m for m in mentions or [] if m.type == "PER"]
    openings = tuple(section(module, "SOURCE_LIST_OPENINGS"))
    for start, end, raw, phrase in hits:
        if any(m.start < end and start < m.end for m in people):
            continue  # "according to Peskov": a person's words are a quote, not a cited source
        listed = phrase[:1] in "[(" or phrase.casefold().startswith(openings)
        for part in _split_sources().split(raw) if listed else [raw]:
            name = source_name(part, language, mentions, aliases)
            if name is None or name.casefold() in seen:
                continue
            seen.add(name.casefold())
            found.append(Citation(name=name, text=phrase, start=start, end=end))
    return found
