"""English figure words (read by ``nutgraf.analyze.figures``): number words, scales, units,
counted nouns and cue phrases.

Keys are lower-case except short unit symbols, which are matched with their case ("MW", "km").
"""

from __future__ import annotations

FIGURE_SCALES: dict[str, float] = {
    "thousand": 1e3,
    "thousands": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "billion": 1e9,
    "billions": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
    "trillions": 1e12,
    "trn": 1e12,
}
"""Words of scale after a number ("50 billion", "$1.2bn"); "m", "k" and "tn" count only after a currency sign."""

FIGURE_NUMBER_WORDS: dict[str, float] = {
    "a": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "half a": 0.5,
}
"""Number words, read as a figure only before a word of scale ("two million people")."""

FIGURE_UNITS: dict[str, str] = {
    # currencies
    "dollars": "USD",
    "dollar": "USD",
    "us dollars": "USD",
    "australian dollars": "AUD",
    "canadian dollars": "CAD",
    "hong kong dollars": "HKD",
    "new zealand dollars": "NZD",
    "singapore dollars": "SGD",
    "u.s. dollars": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "pounds sterling": "GBP",
    "sterling": "GBP",
    "roubles": "RUB",
    "rubles": "RUB",
    "rouble": "RUB",
    "ruble": "RUB",
    "russian roubles": "RUB",
    "russian rubles": "RUB",
    "belarusian roubles": "BYN",
    "belarusian rubles": "BYN",
    "yuan": "CNY",
    "renminbi": "CNY",
    "yen": "JPY",
    "rupees": "INR",
    "tenge": "KZT",
    "manat": "AZN",
    "manats": "AZN",
    "hryvnias": "UAH",
    "hryvnia": "UAH",
    "hryvnas": "UAH",
    "swiss francs": "CHF",
    "francs": "CHF",
    "lira": "TRY",
    "zlotys": "PLN",
    "zloty": "PLN",
    # shares
    "percent": "percent",
    "per cent": "percent",
    "percentage points": "pp",
    "percentage point": "pp",
    # length
    "kilometres": "km",
    "kilometers": "km",
    "kilometre": "km",
    "kilometer": "km",
    "km": "km",
    "metres": "m",
    "meters": "m",
    "metre": "m",
    "meter": "m",
    "m": "m",
    "centimetres": "cm",
    "centimeters": "cm",
    "cm": "cm",
    "millimetres": "mm",
    "millimeters": "mm",
    "mm": "mm",
    "miles": "mi",
    "mile": "mi",
    "feet": "ft",
    "foot": "ft",
    "ft": "ft",
    "inches": "in",
    # mass
    "kilograms": "kg",
    "kilogrammes": "kg",
    "kilogram": "kg",
    "kilos": "kg",
    "kg": "kg",
    "grams": "g",
    "grammes": "g",
    "tonnes": "tonnes",
    "tonne": "tonnes",
    "tons": "tonnes",
    "ton": "tonnes",
    "metric tons": "tonnes",
    "pounds": "lb",
    "lb": "lb",
    "lbs": "lb",
    # area
    "acres": "acres",
    "acre": "acres",
    "hectares": "ha",
    "hectare": "ha",
    "ha": "ha",
    "square kilometres": "km2",
    "square kilometers": "km2",
    "sq km": "km2",
    "km2": "km2",
    "km²": "km2",
    "square miles": "sq mi",
    "sq miles": "sq mi",
    "square metres": "m2",
    "square meters": "m2",
    "sq m": "m2",
    "m2": "m2",
    "m²": "m2",
    # speed
    "metres per second": "m/s",
    "meters per second": "m/s",
    "metres a second": "m/s",
    "m/s": "m/s",
    "kilometres per hour": "km/h",
    "kilometers per hour": "km/h",
    "kilometres an hour": "km/h",
    "kilometers an hour": "km/h",
    "km/h": "km/h",
    "kph": "km/h",
    "miles per hour": "mph",
    "miles an hour": "mph",
    "mph": "mph",
    "knots": "knots",
    # volume, power, energy, temperature
    "litres": "l",
    "liters": "l",
    "gallons": "gal",
    "barrels": "barrels",
    "cubic metres": "m3",
    "cubic meters": "m3",
    "megawatts": "MW",
    "MW": "MW",
    "gigawatts": "GW",
    "GW": "GW",
    "kilowatts": "kW",
    "kW": "kW",
    "kWh": "kWh",
    "MWh": "MWh",
    "GWh": "GWh",
    "TWh": "TWh",
    "degrees celsius": "°C",
    "degrees centigrade": "°C",
    "degrees fahrenheit": "°F",
    "°C": "°C",
    "°F": "°F",
    "C": "°C",
    "degrees": "degrees",
    # sub-units: "<factor> <unit>"
    "cents": "0.01 USD",
    "us cents": "0.01 USD",
    "euro cents": "0.01 EUR",
    "pence": "0.01 GBP",
}
"""Unit words after a number (and its scale), normalised: ISO currency codes, "percent", SI-style symbols;
a value "<factor> <unit>" scales the number ("64 pence" -> 0.64 GBP)."""

FIGURE_COUNTED: dict[str, str] = {
    **dict.fromkeys(
        """people persons person residents citizens civilians passengers soldiers troops servicemen
        children adults students pupils workers employees staff crew patients migrants refugees victims
        fans spectators visitors tourists inhabitants prisoners inmates detainees protesters demonstrators
        voters firefighters rescuers officers doctors nurses volunteers participants members journalists
        evacuees survivors users customers subscribers men women""".split(),
        "people",
    ),
    "police officers": "people",
    "jobs": "jobs",
    "job": "jobs",
    "positions": "jobs",
    "vacancies": "jobs",
    "households": "households",
    "families": "households",
    "homes": "homes",
    "houses": "homes",
    "buildings": "buildings",
    "vehicles": "vehicles",
    "cars": "vehicles",
    "flights": "flights",
    "drones": "drones",
    "missiles": "missiles",
    "aircraft": "aircraft",
    "planes": "aircraft",
    "ships": "ships",
    "vessels": "ships",
    "cases": "cases",
    "infections": "cases",
    "deaths": "deaths",
    "votes": "votes",
    "seats": "seats",
    "schools": "schools",
    "companies": "companies",
    "firms": "companies",
    "businesses": "companies",
    "countries": "countries",
}
"""Nouns that make a bare number a count ("38 crew", "1,200 new jobs"), mapped to a language-independent unit."""

FIGURE_APPROX: tuple[str, ...] = (
    "nearly",
    "almost",
    "about",
    "around",
    "approximately",
    "approx.",
    "some",
    "roughly",
    "more than",
    "over",
    "up to",
    "less than",
    "fewer than",
    "at least",
    "under",
    "close to",
    "just over",
    "just under",
    "upwards of",
    "in excess of",
    "an estimated",
    "estimated",
    "an approximate",
    "well over",
    "as many as",
    "as much as",
)
"""Phrases right before a figure that make it approximate (bounds count: "more than", "up to")."""

FIGURE_APPROX_LOOSE: tuple[str, ...] = ("nearly", "almost", "roughly")
"""Approximate cues that may stand before the verb of the figure ("nearly reached $60 billion")."""

FIGURE_APPROX_AFTER: tuple[str, ...] = ("or so", "or more", "-plus")
"""Phrases right after a figure that make it approximate ("50 or so")."""

FIGURE_CHANGE_STEMS: tuple[str, ...] = (
    "rise",
    "rose",
    "risen",
    "rising",
    "fell",
    "fall",
    "increas",
    "decreas",
    "grew",
    "grow",
    "gain",
    "jump",
    "surg",
    "climb",
    "drop",
    "declin",
    "slump",
    "plung",
    "plummet",
    "soar",
    "slid",
    "tumbl",
    "rebound",
    "shrank",
    "shrunk",
    "shrink",
    "contract",
    "expand",
    "boost",
    "slow",
    "accelerat",
    "higher",
    "lower",
    "lose",
    "lost",
    "losing",
    "shed",
    "added",
    "adding",
    "doubl",
    "tripl",
    "halv",
    "change",
    "year-on-year",
)
"""Word beginnings that make a nearby percentage a change ("rose 5.7%", "a 5% increase")."""

FIGURE_CHANGE_WORDS: frozenset[str] = frozenset(
    {"up", "down", "more", "less", "cut", "cuts", "dip", "dipped"}
)
"""Whole words that make a nearby percentage a change ("up 5.7%", "5% more")."""

FIGURE_CHANGE_PREPOSITIONS: frozenset[str] = frozenset({"by"})
"""A preposition right before a percentage that states a change ("grew by 5%")."""

FIGURE_LEVEL_PREPOSITIONS: frozenset[str] = frozenset({"to", "at", "from"})
"""A preposition right before a figure that states a level, not a change ("rose to 5%")."""

FIGURE_YEAR_PREPOSITIONS: frozenset[str] = frozenset(
    {"in", "since", "by", "until", "till", "during", "from", "of", "before", "after", "through"}
)
"""Words before a four-digit number that make it a year even with a noun after it ("in 2019 people ...")."""

FIGURE_PERIODS: tuple[tuple[str, str], ...] = (
    (
        r"\b(?:in|during|for|throughout|of|over)\s+(?:fiscal\s+|the\s+year\s+|financial\s+year\s+)?((?:19|20)\d\d)\b(?![-–/]\d)",
        r"\1",
    ),
    (r"\b(?:in|for)\s+((?:19|20)\d\d[-–/](?:19|20)?\d\d)\b", r"\1"),
    (r"\blast\s+year\b", "last year"),
    (r"\bthis\s+year\b|\bthe\s+current\s+year\b", "this year"),
    (r"\bnext\s+year\b|\bthe\s+coming\s+year\b", "next year"),
    (r"\b(?:over\s+|in\s+)?the\s+past\s+year\b|\bthe\s+last\s+12\s+months\b", "past year"),
    (
        r"\b(?:a|per|each)\s+year\b(?!\s+(?:ago|earlier|before|later|after))|\bannually\b|\bper\s+annum\b|\byearly\b",
        "per year",
    ),
    (r"\blast\s+month\b", "last month"),
    (r"\bthis\s+month\b", "this month"),
    (r"\b(?:a|per|each)\s+month\b(?!\s+(?:ago|earlier|before|later|after))|\bmonthly\b", "per month"),
    (r"\b(?:a|per|each)\s+day\b(?!\s+(?:ago|earlier|before|later|after))|\bdaily\b", "per day"),
    (r"\b(?:currently|presently|at\s+present|now)\b", "now"),
)
"""When a figure holds (regex, normalised label; ``\\1`` is the year): the nearest in the sentence wins.
"Now" keeps an older year away: "opened the plant in 2016 and currently employs 1,350 people"."""

FIGURE_GROUP_SEPARATORS = ",\u00a0\u2009\u202f"
"""Characters that group thousands ("1,200", or a no-break/thin space); "." is the decimal point."""


# Read in text before its language is known: joined over every registered language
# (``nutgraf.lang.every``).
FIGURE_ALTERNATIVE_WORDS: tuple[str, ...] = ("or", "about")
"""Between a figure and the same amount in other units: "$5bn (or £4bn)"."""
SCALE_WORDS: tuple[str, ...] = ("billion", "million", "thousand", "trillion", "bn", "mln")
"""A line with one states an amount; a ticker never spells a scale out."""
