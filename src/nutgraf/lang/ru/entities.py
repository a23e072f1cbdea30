"""Russian entity hygiene: the nationality and place adjectives that NER takes for names when a
sentence opens with one ("Иркутские учёные", "Казахские власти").

A nationality or place word is derived from a place's name in the alias table
(``nutgraf.analyze.entities.demonyms``) and compared with a mention's dictionary form (the
nominative singular: "Казахские" is read as "казахский"): the place's name loses an ending of
``DEMONYM_ENDINGS`` (a key) and takes one of the endings it maps to. Казахстан gives казах and
казахский, Азербайджан азербайджанец and азербайджанский, Россия российский, Украина украинец and
украинский, Иркутск иркутский, Каспий каспийский. ``DEMONYMS`` holds those that no ending derives
(США gives американский, Германия немецкий).
"""

from __future__ import annotations

DEMONYM_ENDINGS: dict[str, tuple[str, ...]] = {
    "": ("ский", "ий", "ец"),
    "а": ("ский", "ец", "овский"),
    "я": ("янин",),
    "ия": ("ийский", "ский", "кий", "ец"),
    "ь": ("ский",),
    "й": ("ец",),
    "сия": ("",),
    "стан": ("", "ский"),
    "истан": ("", "ец", "ский"),
}
"""Ending of a place's name (removed) -> endings of its nationality or place word (added):
казах-стан -> казах, азербайджан -> азербайджан-ец, росс-ия -> росс-ийский, украин-а ->
украин-ский, иркутск -> иркутск-ий, сибир-ь -> сибир-ский, белорус-сия -> белорус."""

DEMONYMS: frozenset[str] = frozenset(
    """американский американец британский британец английский англичанин немецкий немец французский
    француз итальянский итальянец грузинский грузин армянский армянин турецкий турок испанский
    испанец польский поляк советский""".split()
)
"""Nationality words that no ending of ``DEMONYM_ENDINGS`` derives from the place's name."""

DEMONYMS_CAPITALISED = False
"""Russian writes its nationality and place words in lower case ("казахские власти"): capitalised
inside a sentence, such a word is a name ("Покровский", "Казанский вокзал"), and only one that opens
a sentence may be a nationality word."""
