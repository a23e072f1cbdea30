"""French figure words (read by ``nutgraf.analyze.figures``): number words, scales, units, counted
nouns and cue phrases.

Keys are lower-case; the analyzer reads them on a lower-cased copy of the text.
"""

from __future__ import annotations

FIGURE_SCALES: dict[str, float] = {
    "mille": 1e3,
    "millier": 1e3,
    "milliers": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "mio": 1e6,
    "md": 1e9,
    "mds": 1e9,
    "mrd": 1e9,
    "milliard": 1e9,
    "milliards": 1e9,
    "billion": 1e12,
    "billions": 1e12,
}
"""Words of scale after a number ("50 milliards", "8 000", "1,5 million"); a French "billion" is
10^12 ("mille milliards")."""

FIGURE_NUMBER_WORDS: dict[str, float] = {
    "un": 1,
    "une": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "six": 6,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
    "vingt": 20,
    "trente": 30,
    "quarante": 40,
    "cinquante": 50,
    "cent": 100,
}
"""Number words, read as a figure only before a word of scale ("deux milliards", "trois millions")."""


def _with_de(units: dict[str, str]) -> dict[str, str]:
    """Every unit also after "de"/"d'", as French writes a unit after a scale ("1,5 milliard de
    dollars", "3 millions d'euros")."""
    out = dict(units)
    for word, unit in units.items():
        if " " in word and word.startswith(("de ", "d'")):
            continue
        joined = f"d'{word}" if word[:1] in "aeiouyéèêh" else f"de {word}"
        out.setdefault(joined, unit)
        if joined.startswith("d'"):
            out.setdefault("d’" + word, unit)
    return out


FIGURE_UNITS: dict[str, str] = _with_de(
    {
        # currencies
        "dollars": "USD",
        "dollar": "USD",
        "dollars américains": "USD",
        "euros": "EUR",
        "euro": "EUR",
        "livres sterling": "GBP",
        "livres": "GBP",
        "livre sterling": "GBP",
        "francs suisses": "CHF",
        "francs": "CHF",
        "roubles": "RUB",
        "rouble": "RUB",
        "roubles biélorusses": "BYN",
        "tenge": "KZT",
        "tenges": "KZT",
        "manats": "AZN",
        "yuans": "CNY",
        "yuan": "CNY",
        "yens": "JPY",
        "yen": "JPY",
        "hryvnias": "UAH",
        "roupies": "INR",
        "livres turques": "TRY",
        # shares
        "pour cent": "percent",
        "pourcent": "percent",
        "points de pourcentage": "pp",
        "point de pourcentage": "pp",
        # length
        "kilomètres": "km",
        "kilomètre": "km",
        "km": "km",
        "mètres": "m",
        "mètre": "m",
        "m": "m",
        "centimètres": "cm",
        "cm": "cm",
        "millimètres": "mm",
        "mm": "mm",
        "milles": "mi",
        "milles nautiques": "nmi",
        # mass
        "kilogrammes": "kg",
        "kilos": "kg",
        "kg": "kg",
        "grammes": "g",
        "tonnes": "tonnes",
        "tonne": "tonnes",
        "t": "tonnes",
        # area
        "hectares": "ha",
        "hectare": "ha",
        "ha": "ha",
        "kilomètres carrés": "km2",
        "km²": "km2",
        "km2": "km2",
        "mètres carrés": "m2",
        "m²": "m2",
        "m2": "m2",
        # speed
        "kilomètres par heure": "km/h",
        "kilomètres à l'heure": "km/h",
        "km/h": "km/h",
        "mètres par seconde": "m/s",
        "m/s": "m/s",
        "nœuds": "knots",
        # volume, power, energy, temperature
        "litres": "l",
        "litre": "l",
        "barils": "barrels",
        "baril": "barrels",
        "mètres cubes": "m3",
        "m³": "m3",
        "m3": "m3",
        "mégawatts": "MW",
        "mw": "MW",
        "gigawatts": "GW",
        "gw": "GW",
        "kw": "kW",
        "kwh": "kWh",
        "mwh": "MWh",
        "gwh": "GWh",
        "degrés celsius": "°C",
        "degrés": "degrees",
        "degré": "degrees",
        "°c": "°C",
        # sub-units
        "centimes": "0.01 EUR",
        "cents": "0.01 USD",
        "kopecks": "0.01 RUB",
    }
)
"""Unit words after a number (and its scale), normalised as in the other languages: ISO currency
codes, "percent", SI-style symbols; "<factor> <unit>" scales the number ("50 centimes" -> 0.5 EUR).
Each also after "de"/"d'" ("milliards de dollars", "millions d'euros")."""

FIGURE_COUNTED: dict[str, str] = _with_de(
    {
        **dict.fromkeys(
            """personnes habitants citoyens passagers militaires soldats enfants adultes étudiants élèves
            salariés employés travailleurs ouvriers patients migrants réfugiés victimes morts blessés
            touristes spectateurs supporters visiteurs participants détenus électeurs pompiers secouristes
            bénévoles membres journalistes utilisateurs clients abonnés évacués sinistrés hommes femmes
            agents policiers gendarmes manifestants grévistes""".split(),
            "people",
        ),
        "emplois": "jobs",
        "postes": "jobs",
        "postes de travail": "jobs",
        "foyers": "households",
        "ménages": "households",
        "familles": "households",
        "maisons": "homes",
        "logements": "homes",
        "habitations": "homes",
        "bâtiments": "buildings",
        "immeubles": "buildings",
        "véhicules": "vehicles",
        "voitures": "vehicles",
        "vols": "flights",
        "drones": "drones",
        "missiles": "missiles",
        "roquettes": "missiles",
        "avions": "aircraft",
        "navires": "ships",
        "bateaux": "ships",
        "ferries": "ships",
        "cas": "cases",
        "voix": "votes",
        "sièges": "seats",
        "écoles": "schools",
        "entreprises": "companies",
        "sociétés": "companies",
        "pays": "countries",
    }
)
"""Nouns that make a bare number a count ("8 000 personnes", "1 200 emplois"), also after "de"
("des milliers de personnes")."""

FIGURE_APPROX: tuple[str, ...] = (
    "près de",
    "presque",
    "environ",
    "quelque",
    "quelques",
    "approximativement",
    "autour de",
    "aux alentours de",
    "de l'ordre de",
    "de l’ordre de",
    "plus de",
    "moins de",
    "au moins",
    "au plus",
    "au minimum",
    "au maximum",
    "pas moins de",
    "pas plus de",
    "un peu plus de",
    "un peu moins de",
    "jusqu'à",
    "jusqu’à",
    "quasiment",
    "pratiquement",
)
"""Phrases right before a figure that make it approximate (bounds count: "plus de", "jusqu'à")."""
FIGURE_APPROX_LOOSE: tuple[str, ...] = ("près de", "presque", "environ", "quasiment")
"""Approximate cues that may stand before the verb of the figure ("a presque atteint 60 milliards")."""
FIGURE_APPROX_CONDITIONAL: frozenset[str] = frozenset({"jusqu'à", "jusqu’à"})
"""Cues that mean "up to" only when no change verb stands before them ("a grimpé jusqu'à 5 %")."""
FIGURE_APPROX_AFTER: tuple[str, ...] = ("environ", "au moins", "et plus")
"""Phrases right after a figure that make it approximate ("50 milliards environ")."""

FIGURE_CHANGE_STEMS: tuple[str, ...] = (
    "hausse",
    "baisse",
    "augment",
    "diminu",
    "recul",
    "progress",
    "croissance",
    "chut",
    "grimp",
    "bondi",
    "bond",
    "plong",
    "réduit",
    "réduct",
    "cédé",
    "perdu",
    "gagné",
    "repli",
    "envol",
    "effondr",
    "accru",
    "accroiss",
    "ralenti",
    "accélér",
    "variation",
)
"""Word beginnings that make a nearby percentage a change ("en hausse de 5,7 %", "a progressé de 3 %")."""
FIGURE_CHANGE_WORDS: frozenset[str] = frozenset({"plus", "moins"})
"""Whole words that make a nearby percentage a change ("plus 3 %")."""
FIGURE_CHANGE_PREPOSITIONS: frozenset[str] = frozenset({"de"})
"""A preposition right before a percentage that states a change ("augmenté de 5 %")."""
FIGURE_LEVEL_PREPOSITIONS: frozenset[str] = frozenset({"à", "a", "au"})
"""A preposition right before a figure that states a level, not a change ("passé à 5 %")."""
FIGURE_YEAR_PREPOSITIONS: frozenset[str] = frozenset(
    {"en", "depuis", "dès", "avant", "après", "jusqu'en", "jusqu’en", "ici", "pour", "de", "vers"}
)
"""Words before a four-digit number that make it a year even with a noun after it ("en 2019 les...",
"d'ici 2029")."""

FIGURE_PERIODS: tuple[tuple[str, str], ...] = (
    (r"\b(?:en|pour|durant|pendant|sur)\s+(?:l['’]année\s+)?((?:19|20)\d\d)\b(?![-–/]\d)", r"\1"),
    (r"\bl['’](?:année|an)\s+(?:dernière|dernier|passée|passé)\b", "last year"),
    (r"\bcette\s+année\b|\bl['’]année\s+en\s+cours\b", "this year"),
    (r"\bl['’](?:année|an)\s+(?:prochaine|prochain)\b", "next year"),
    (r"\bsur\s+(?:un\s+an|douze\s+mois|les\s+douze\s+derniers\s+mois)\b|\ben\s+un\s+an\b", "past year"),
    (r"\bpar\s+an\b|\bl['’]an\b|\bchaque\s+année\b|\bannuel(?:le)?s?\b", "per year"),
    (r"\ble\s+mois\s+dernier\b", "last month"),
    (r"\bce\s+mois-ci\b", "this month"),
    (r"\bpar\s+mois\b|\bmensuel(?:le)?s?\b", "per month"),
    (r"\bpar\s+jour\b|\bquotidien(?:ne)?s?\b", "per day"),
    (r"\b(?:actuellement|aujourd['’]hui|désormais|à\s+présent)\b", "now"),
)
"""When a figure holds (regex, normalised label; ``\\1`` is the year), with the English labels."""
FIGURE_GROUP_SEPARATORS = " \u00a0\u2009\u202f"
"""Characters that group thousands ("8 000", or a no-break or narrow space); "," is the decimal
point ("1,5 milliard")."""


# Read in text before its language is known: joined over every registered language
# (``nutgraf.lang.every``).
FIGURE_ALTERNATIVE_WORDS: tuple[str, ...] = ("soit", "environ")
"""Between a figure and the same amount in other units: "1,5 milliard de dollars (soit 1,4 milliard
d'euros)"."""
SCALE_WORDS: tuple[str, ...] = ("milliard", "milliards", "millions", "md", "mds")
"""A line with one states an amount; a ticker never spells a scale out."""
