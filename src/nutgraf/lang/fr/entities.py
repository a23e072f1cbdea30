"""French entity hygiene: the nationality words that NER takes for names ("les Kazakhs" as a
place, "un Azerbaïdjanais" as a person).

A nationality word is derived from a place's name in the alias table
(``nutgraf.analyze.entities.demonyms``): the place's name loses an ending of
``DEMONYM_ENDINGS`` (a key) and takes one of the endings it maps to, in every gender and number:
Kazakhstan gives kazakh, Azerbaïdjan azerbaïdjanais, Russie russe, Ukraine ukrainien, Chine
chinois, Mexique mexicain. ``DEMONYMS`` holds those that no ending derives (France gives
français, Allemagne allemand).
"""

from __future__ import annotations

_AIS = ("ais", "aise", "aises")
_OIS = ("ois", "oise", "oises")
_IEN = ("ien", "ienne", "iens", "iennes")
_AIN = ("ain", "aine", "ains", "aines")
_I = ("i", "ie", "is", "ies")

DEMONYM_ENDINGS: dict[str, tuple[str, ...]] = {
    "": _AIS + _IEN + _AIN + _I,
    "e": _AIS + _OIS + _IEN + _AIN,
    "ie": ("e", "es", *_IEN),
    "a": _IEN + _AIS,
    "que": ("cain", "caine", "cains", "caines"),
    "stan": ("", "s", "e", "es"),
    "istan": ("", "s", "e", "es"),
}
"""Ending of a place's name (removed) -> endings of its nationality word (added): Kazakh-stan ->
kazakh, Azerbaïdjan -> azerbaïdjan-ais, Russ-ie -> russ-e, Ukrain-e -> ukrain-ien, Chin-e ->
chin-ois, Canad-a -> canad-ien, Mexi-que -> mexi-cain; feminine and plural forms too."""

DEMONYMS: frozenset[str] = frozenset(
    """français française françaises anglais anglaise anglaises britannique britanniques allemand
    allemande allemands allemandes grec grecque grecs grecques suisse suisses belge belges
    néerlandais néerlandaise néerlandaises espagnol espagnole espagnols espagnoles polonais polonaise
    polonaises turc turque turcs turques arabe arabes israélien israélienne israéliens israéliennes
    soviétique soviétiques""".split()
)
"""Nationality words that no ending of ``DEMONYM_ENDINGS`` derives from the place's name."""
