"""Russian figure words (read by ``nutgraf.analyze.figures``): number words, scales, units,
counted nouns and cue phrases.

Keys are lower-case with "е" for "ё" (the analyzer folds "ё" before looking them up).
"""

from __future__ import annotations


def _figure_forms(stems: str, endings: str) -> list[str]:
    """Every ``stem + ending`` for space-separated stems and endings ("-" is the bare stem)."""
    tails = ["" if e == "-" else e for e in endings.split()]
    return [stem + tail for stem in stems.split() for tail in tails]


_NOUN_ENDINGS = "- а у ом е ы ов ам ами ах"

FIGURE_SCALES: dict[str, float] = {
    **dict.fromkeys(_figure_forms("тысяч", "а и - у ам ами ах ей е"), 1e3),
    "тыс": 1e3,
    "тыс.": 1e3,
    **dict.fromkeys(_figure_forms("миллион", _NOUN_ENDINGS), 1e6),
    "млн": 1e6,
    "млн.": 1e6,
    **dict.fromkeys(_figure_forms("миллиард", _NOUN_ENDINGS), 1e9),
    "млрд": 1e9,
    "млрд.": 1e9,
    **dict.fromkeys(_figure_forms("триллион", _NOUN_ENDINGS), 1e12),
    "трлн": 1e12,
    "трлн.": 1e12,
}
"""Words of scale after a number ("50 млрд", "8 тысяч", "$50 миллиардов")."""

FIGURE_NUMBER_WORDS: dict[str, float] = {
    "один": 1,
    "одна": 1,
    "одну": 1,
    "два": 2,
    "две": 2,
    "двух": 2,
    "три": 3,
    "трех": 3,
    "четыре": 4,
    "четырех": 4,
    "пять": 5,
    "шесть": 6,
    "семь": 7,
    "восемь": 8,
    "девять": 9,
    "десять": 10,
    "двадцать": 20,
    "тридцать": 30,
    "сорок": 40,
    "пятьдесят": 50,
    "сто": 100,
    "полтора": 1.5,
    "полторы": 1.5,
}
"""Number words, read as a figure only before a word of scale ("два миллиона", "полтора миллиарда")."""

FIGURE_UNITS: dict[str, str] = {
    # currencies
    **dict.fromkeys(_figure_forms("доллар", "- а ов ам ами ах"), "USD"),
    "долл.": "USD",
    "долларов сша": "USD",
    "доллара сша": "USD",
    "евро": "EUR",
    **dict.fromkeys(_figure_forms("рубл", "ь я ей ю ям ями ях ем"), "RUB"),
    "руб.": "RUB",
    "руб": "RUB",
    "российских рублей": "RUB",
    "белорусских рублей": "BYN",
    "белорусского рубля": "BYN",
    "белорусских рубля": "BYN",
    "фунтов стерлингов": "GBP",
    "фунта стерлингов": "GBP",
    "фунтов": "GBP",
    "фунта": "GBP",
    "тенге": "KZT",
    **dict.fromkeys(_figure_forms("манат", "- а ов"), "AZN"),
    **dict.fromkeys(_figure_forms("юан", "ь я ей ям ями ях"), "CNY"),
    **dict.fromkeys(_figure_forms("гривн", "а ы у ам ами ах"), "UAH"),
    "гривен": "UAH",
    "иен": "JPY",
    "иены": "JPY",
    "йен": "JPY",
    "йены": "JPY",
    "рупий": "INR",
    "лир": "TRY",
    "сомов": "KGS",
    "сумов": "UZS",
    "лари": "GEL",
    "драмов": "AMD",
    "франков": "CHF",
    "злотых": "PLN",
    # shares
    **dict.fromkeys(_figure_forms("процент", "- а ов ам ами ах"), "percent"),
    "проц.": "percent",
    "процентных пунктов": "pp",
    "процентных пункта": "pp",
    "процентного пункта": "pp",
    "процентный пункт": "pp",
    "п.п.": "pp",
    "п. п.": "pp",
    # length
    **dict.fromkeys(_figure_forms("километр", "- а ов ам ами ах"), "km"),
    "км": "km",
    **dict.fromkeys(_figure_forms("метр", "- а ов ам ами ах"), "m"),
    "м": "m",
    **dict.fromkeys(_figure_forms("сантиметр", "- а ов ам ами ах"), "cm"),
    "см": "cm",
    **dict.fromkeys(_figure_forms("миллиметр", "- а ов ам ами ах"), "mm"),
    "мм": "mm",
    "миль": "mi",
    "мили": "mi",
    # mass
    **dict.fromkeys(_figure_forms("килограмм", "- а ов ам ами ах"), "kg"),
    "кг": "kg",
    **dict.fromkeys(_figure_forms("грамм", "- а ов ам ами ах"), "g"),
    **dict.fromkeys(_figure_forms("тонн", "а ы - у ам ами ах"), "tonnes"),
    # area
    **dict.fromkeys(_figure_forms("гектар", "- а ов ам ами ах"), "ha"),
    "га": "ha",
    "квадратных километров": "km2",
    "квадратного километра": "km2",
    "квадратных километра": "km2",
    "кв. км": "km2",
    "кв км": "km2",
    "км²": "km2",
    "квадратных метров": "m2",
    "квадратного метра": "m2",
    "квадратных метра": "m2",
    "кв. м": "m2",
    "кв. метров": "m2",
    "кв м": "m2",
    "м²": "m2",
    "соток": "ares",
    # speed
    "метров в секунду": "m/s",
    "метра в секунду": "m/s",
    "метр в секунду": "m/s",
    "м/с": "m/s",
    "километров в час": "km/h",
    "километра в час": "km/h",
    "километр в час": "km/h",
    "км/ч": "km/h",
    "миль в час": "mph",
    "мили в час": "mph",
    "миля в час": "mph",
    "узлов": "knots",
    # volume, power, energy, temperature
    **dict.fromkeys(_figure_forms("литр", "- а ов ам ами ах"), "l"),
    **dict.fromkeys(_figure_forms("баррел", "ь я ей ям ями ях"), "barrels"),
    "кубометров": "m3",
    "кубических метров": "m3",
    "куб. м": "m3",
    "м³": "m3",
    **dict.fromkeys(_figure_forms("мегаватт", "- а ов ам ами ах"), "MW"),
    "мвт": "MW",
    **dict.fromkeys(_figure_forms("гигаватт", "- а ов ам ами ах"), "GW"),
    "гвт": "GW",
    "квт": "kW",
    "квт·ч": "kWh",
    "квт*ч": "kWh",
    "мвт·ч": "MWh",
    "гвт·ч": "GWh",
    "градусов цельсия": "°C",
    "градуса цельсия": "°C",
    "градусов": "degrees",
    "градуса": "degrees",
    "градус": "degrees",
    "°c": "°C",
    "°с": "°C",
    # sub-units: "<factor> <unit>"
    **dict.fromkeys(_figure_forms("копе", "йка йки ек йку"), "0.01 RUB"),
    **dict.fromkeys(_figure_forms("цент", "- а ов"), "0.01 USD"),
    **dict.fromkeys(_figure_forms("евроцент", "- а ов"), "0.01 EUR"),
    "пенсов": "0.01 GBP",
}
"""Unit words after a number (and its scale), normalised: ISO currency codes, "percent", SI-style symbols;
a value "<factor> <unit>" scales the number ("50 копеек" -> 0.5 RUB)."""

FIGURE_COUNTED: dict[str, str] = {
    **dict.fromkeys(
        """человек человека людей граждан гражданина жителей жителя пассажиров пассажира военнослужащих
        военнослужащего военных солдат детей ребенка взрослых студентов студента школьников учеников
        работников работника сотрудников сотрудника рабочих пациентов пациента мигрантов беженцев
        пострадавших пострадавшего погибших раненых раненого туристов туриста зрителей болельщиков
        посетителей участников участника заключенных задержанных избирателей пожарных спасателей
        волонтеров добровольцев членов журналистов пользователей клиентов абонентов эвакуированных
        жертв мужчин женщин бойцов""".split(),
        "people",
    ),
    "рабочих мест": "jobs",
    "рабочие места": "jobs",
    "рабочих места": "jobs",
    "рабочее место": "jobs",
    "рабочего места": "jobs",
    "новых рабочих мест": "jobs",
    "вакансий": "jobs",
    "домохозяйств": "households",
    "семей": "households",
    "семьи": "households",
    "домов": "homes",
    "жилых домов": "homes",
    "квартир": "homes",
    "зданий": "buildings",
    "здания": "buildings",
    "автомобилей": "vehicles",
    "машин": "vehicles",
    "единиц техники": "vehicles",
    "рейсов": "flights",
    "рейса": "flights",
    "беспилотников": "drones",
    "беспилотника": "drones",
    "бпла": "drones",
    "дронов": "drones",
    "дрона": "drones",
    "ракет": "missiles",
    "ракеты": "missiles",
    "самолетов": "aircraft",
    "самолета": "aircraft",
    "судов": "ships",
    "кораблей": "ships",
    "случаев": "cases",
    "случая": "cases",
    "заражений": "cases",
    "голосов": "votes",
    "голоса": "votes",
    "мандатов": "seats",
    "школ": "schools",
    "компаний": "companies",
    "предприятий": "companies",
    "стран": "countries",
}
"""Nouns that make a bare number a count ("3 400 человек", "1 200 рабочих мест"), mapped to a language-independent unit."""

FIGURE_APPROX: tuple[str, ...] = (
    "почти",
    "около",
    "порядка",
    "примерно",
    "приблизительно",
    "ориентировочно",
    "более",
    "более чем",
    "больше",
    "свыше",
    "до",
    "менее",
    "меньше",
    "не менее",
    "не более",
    "не меньше",
    "не больше",
    "чуть более",
    "чуть менее",
    "чуть больше",
    "чуть меньше",
    "почти что",
    "как минимум",
    "минимум",
    "максимум",
    "по меньшей мере",
    "по крайней мере",
    "по оценкам",
    "под",
)
"""Phrases right before a figure that make it approximate (bounds count: "более", "до")."""

FIGURE_APPROX_LOOSE: tuple[str, ...] = ("почти", "примерно", "около")
"""Approximate cues that may stand before the verb of the figure ("почти достиг $60 млрд")."""

FIGURE_APPROX_CONDITIONAL: frozenset[str] = frozenset({"до"})
"""Approximate cues that mean "up to" only when no change verb or range opening stands before them
("до 5 тысяч человек" is a bound; "выросла до 5%" and "от 3 до 5%" are not)."""

FIGURE_APPROX_AFTER: tuple[str, ...] = ("с лишним", "с небольшим", "с гаком")
"""Phrases right after a figure that make it approximate."""

FIGURE_CHANGE_STEMS: tuple[str, ...] = (
    "вырос",
    "выраст",
    "рост",
    "прирост",
    "увелич",
    "сократ",
    "сокращ",
    "сниз",
    "сниж",
    "упал",
    "упад",
    "паден",
    "подорож",
    "подешев",
    "прибав",
    "повыс",
    "повыш",
    "пониз",
    "понижен",
    "уменьш",
    "обвал",
    "подскоч",
    "опусти",
    "опуст",
    "подня",
    "поднима",
    "потеря",
    "ускор",
    "замедл",
    "изменен",
    "больше",
    "меньше",
    "выше",
    "ниже",
)
"""Word beginnings that make a nearby percentage a change ("выросла на 5,7%", "на 5,7% больше")."""

FIGURE_CHANGE_WORDS: frozenset[str] = frozenset({"плюс", "минус"})
"""Whole words that make a nearby percentage a change."""

FIGURE_CHANGE_PREPOSITIONS: frozenset[str] = frozenset({"на"})
"""A preposition right before a percentage that states a change ("на 5,7% больше")."""

FIGURE_LEVEL_PREPOSITIONS: frozenset[str] = frozenset({"до", "с", "со", "от"})
"""A preposition right before a figure that states a level, not a change ("выросла до 5%")."""

FIGURE_YEAR_PREPOSITIONS: frozenset[str] = frozenset(
    {"в", "во", "с", "со", "до", "к", "по", "от", "за", "после"}
)
"""Words before a four-digit number that make it a year even with a noun after it."""

FIGURE_PERIODS: tuple[tuple[str, str], ...] = (
    (r"\b((?:19|20)\d\d)(?:-?м)?\s*(?:году|года|год|г\.|гг\.)", r"\1"),
    (r"\b(?:в|за)\s+((?:19|20)\d\d)\b(?![-–/]\d)", r"\1"),
    (
        r"\b(?:в|за)\s+прошл(?:ом|ый)\s+году?\b|\bв\s+минувшем\s+году\b|\bпрошлого\s+года\b|\bминувшего\s+года\b",
        "прошлый год",
    ),
    (r"\b(?:в|за)\s+(?:этом|текущем|этот|текущий)\s+году?\b|\b(?:этого|текущего)\s+года\b", "этот год"),
    (r"\bв\s+(?:следующем|будущем)\s+году\b|\b(?:следующего|будущего)\s+года\b", "следующий год"),
    (r"\bза\s+(?:последний|минувший)\s+год\b|\bза\s+год\b", "за год"),
    (r"\bв\s+год\b|\bежегодно\b|\bгодовых\b", "в год"),
    (r"\bв\s+прошлом\s+месяце\b|\bпрошлого\s+месяца\b", "прошлый месяц"),
    (r"\bв\s+(?:этом|текущем)\s+месяце\b", "этот месяц"),
    (r"\bв\s+месяц\b|\bежемесячно\b", "в месяц"),
    (r"\bв\s+сутки\b|\bв\s+день\b|\bежедневно\b", "в день"),
    (r"\b(?:сейчас|ныне|в\s+настоящее\s+время|на\s+данный\s+момент)\b", "сейчас"),
)
"""When a figure holds (regex, normalised label; ``\\1`` is the year): the nearest in the sentence wins.
"Сейчас" keeps an older year away: "завод открыт в 2016 году, сейчас на нём работают 1 350 человек"."""

FIGURE_GROUP_SEPARATORS = " \u00a0\u2009\u202f"
"""Characters that group thousands ("3 400", or a no-break/thin space); "," and "." are decimal points."""


# Read in text before its language is known: joined over every registered language
# (``nutgraf.lang.every``).
FIGURE_ALTERNATIVE_WORDS: tuple[str, ...] = ("или", "около")
SCALE_WORDS: tuple[str, ...] = ("млрд", "млн", "тыс", "трлн")
