"""English entity hygiene: the nationality words that NER takes for names ("Azerbaijani" as a
person, "Kazakh" as an organisation).

A nationality adjective or noun is derived from a place's name in the alias table
(``nutgraf.analyze.entities.demonyms``): the place's name loses an ending of
``DEMONYM_ENDINGS`` (a key) and takes one of the adjective endings it maps to. The endings are
English word formation, not a list of countries: Kazakhstan gives Kazakh, Azerbaijan Azerbaijani,
Ukraine Ukrainian, China Chinese, Germany German, Mexico Mexican, Sweden Swedish. ``DEMONYMS``
holds those that no ending derives (France gives French, the Netherlands Dutch).
"""

from __future__ import annotations

DEMONYM_ENDINGS: dict[str, tuple[str, ...]] = {
    "": ("n", "ns", "an", "ans", "ian", "ians", "i", "is", "ese"),
    "a": ("an", "ans", "ian", "ians", "ese"),
    "e": ("an", "ans", "ian", "ians", "ean", "eans"),
    "o": ("an", "ans"),
    "y": ("", "s", "ian", "ians"),
    "ey": ("ish",),
    "en": ("ish",),
    "ium": ("ian", "ians"),
    "stan": ("", "s"),
    "istan": ("", "s"),
}
"""Ending of a place's name (removed) -> endings of its nationality word (added): Kazakh-stan ->
Kazakh, Azerbaijan -> Azerbaijan-i, Ukrain-e -> Ukrain-ian, Chin-a -> Chin-ese, German-y -> German,
Turk-ey -> Turk-ish, Swed-en -> Swed-ish, Belg-ium -> Belg-ian; plurals name the people."""

DEMONYMS: frozenset[str] = frozenset(
    """american americans british briton britons english englishman french frenchman dutch greek
    greeks irish scottish scots welsh swiss spanish polish pole poles finnish finn finns danish dane
    danes norwegian norwegians icelandic thai filipino filipinos peruvian peruvians turk turks arab
    arabs emirati emiratis israeli israelis soviet""".split()
)
"""Nationality words that no ending of ``DEMONYM_ENDINGS`` derives from the place's name."""

NAMES_END_CAPITALISED = True
"""English capitalises every word of a name but its function words ("Bank of England", "Ursula von
der Leyen"): a span's last words in lower case are no part of the name NER found ("Pacific coast",
"Arctic sea", "Kazan city"). French and Russian names may end in lower case ("Centre fédéral de
météorologie polaire", "Северный Ледовитый океан")."""
