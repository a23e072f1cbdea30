"""Templated reports from one outlet: earthquakes, football scores, market closes and weather, in
English and Russian (all invented here).

Wire services file such reports from one template: every report of a kind repeats most of its
sentences word for word ("There was no danger of a tsunami, the agency said."), and only the
figures, places and teams change. Each repeated sentence is news all the same, so a furniture
learner that removes what recurs deletes it. Each report also carries two lines of real site
furniture that no rule knows ("Save this story for later" above, "Get Northgate Wire alerts on your
phone" below), which the learner must still remove. ``report(kind, language, n)`` is the n-th
report, the same for the same arguments; tests and ``bench/templated.py`` share it. Reports of
one kind and language are all different (one data line's figures are a one-to-one function of n,
for n below 36,000), so none is a duplicate of another.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from html import escape

KINDS = ("quake", "football", "market", "weather")
LANGUAGES = ("en", "ru")
OUTLET = {"en": "Northgate Wire", "ru": "Северный телеграф"}
FURNITURE = {
    "en": (["Save this story for later"], ["Get Northgate Wire alerts on your phone"]),
    "ru": (["Слушать новость"], ["Оставайтесь с «Северным телеграфом» в соцсетях"]),
}
"""Lines above and below every report of an outlet that no rule knows: only learning removes them."""

REPORTS_PER_DAY = 50
"""Reports dated the same day: a test's batch of 40 shares one dateline, which therefore recurs."""
_SPREAD = 7919
"""A prime: n * _SPREAD modulo a range not divisible by it visits every value of the range once."""

_MONTHS_EN = "January February March April May June July August September October November December".split()
_MONTHS_RU = "января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split()
_WEEKDAYS_EN = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_WEEKDAYS_RU = [
    "в понедельник",
    "во вторник",
    "в среду",
    "в четверг",
    "в пятницу",
    "в субботу",
    "в воскресенье",
]
_PREFECTURES = [("Akita", "Акита"), ("Iwate", "Иватэ"), ("Miyagi", "Мияги"), ("Aomori", "Аомори")]
_TEAMS_EN = [
    "Riverside United",
    "Northgate Rovers",
    "Harbour Athletic",
    "Eastfield Town",
    "Quayside City",
    "Millbrook Wanderers",
]
_TEAMS_RU = ["Прибой", "Маяк", "Северянин", "Шторм", "Якорь", "Буревестник"]
_CITIES = [("Northgate", "Северогорск", "Северогорске"), ("Harbourside", "Приморск", "Приморске")]
_DRY = ("Mostly dry, with light winds.", "Преимущественно без осадков, ветер слабый.")
_SKIES_EN = ["Cloudy, with rain spreading from the west.", "Bright spells and scattered showers."]
_SKIES_RU = ["Облачно, с запада придёт дождь.", "Переменная облачность, местами кратковременные дожди."]
_WINDS = [("NW", "северо-западный"), ("SW", "юго-западный"), ("E", "восточный"), ("N", "северный")]


@dataclass(slots=True)
class Report:
    kind: str
    language: str
    outlet: str
    headline: str
    dateline: str
    published: tuple[int, int, int]
    lines: list[str]
    """The report's news lines, in order: all of them must be stored."""
    top: list[str]
    bottom: list[str]

    def text(self) -> str:
        """The report as a plain-text file: headline, dateline, furniture, news, furniture."""
        return "\n".join([self.headline, self.dateline, "", *self.top, *self.lines, *self.bottom]) + "\n"

    def html(self) -> bytes:
        """The report as a web page (the headline in <h1>, each line a paragraph)."""
        paragraphs = "".join(f"<p>{escape(line)}</p>" for line in [*self.top, *self.lines, *self.bottom])
        return (
            f"<!DOCTYPE html><html lang='{self.language}'><head><meta charset='utf-8'>"
            f"<title>{escape(self.headline)}</title></head><body><nav>Home | News</nav>"
            f"<article><h1>{escape(self.headline)}</h1>{paragraphs}</article>"
            f"<footer>{escape(self.outlet)}</footer></body></html>"
        ).encode()


def _decimal(value: float, language: str) -> str:
    text = f"{value:.1f}"
    return text.replace(".", ",") if language == "ru" else text


def report(kind: str, language: str, n: int) -> Report:
    """The n-th templated report of ``kind`` in ``language``; figures, places and teams vary with n."""
    rng = random.Random(f"{kind}-{language}-{n}")
    day = 1 + (n // REPORTS_PER_DAY) % 28
    month = 1 + (n // (REPORTS_PER_DAY * 28)) % 12
    year = 2026 + n // (REPORTS_PER_DAY * 28 * 12)
    if language == "en":
        dateline = f"{_MONTHS_EN[month - 1]} {day}, {year}"
        weekday = rng.choice(_WEEKDAYS_EN)
    else:
        dateline = f"{day} {_MONTHS_RU[month - 1]} {year}"
        weekday = rng.choice(_WEEKDAYS_RU)
    headline, lines = _BUILDERS[kind](rng, language, n, weekday)
    top, bottom = FURNITURE[language]
    return Report(
        kind, language, OUTLET[language], headline, dateline, (year, month, day), lines, top, bottom
    )


def _quake(rng: random.Random, language: str, n: int, weekday: str) -> tuple[str, list[str]]:
    place_en, place_ru = _PREFECTURES[(n // 40) % len(_PREFECTURES)]
    magnitude = _decimal(rng.uniform(4.5, 6.5), language)
    depth = 10 if rng.random() < 0.6 else rng.randint(20, 60)  # the same depth in most reports
    spot = (n * _SPREAD) % 160_000
    latitude, longitude = f"{38 + spot % 400 / 100:.2f}", f"{139 + spot // 400 / 100:.2f}"
    if language == "en":
        return f"Magnitude {magnitude} earthquake strikes near {place_en}", [
            f"A magnitude {magnitude} earthquake struck near {place_en} on {weekday}, "
            "the Japan Meteorological Agency said.",
            f"The quake hit at a depth of {depth} kilometres.",
            f"The epicentre was at {latitude} degrees north and {longitude} degrees east.",
            "There was no danger of a tsunami, the agency said.",
            "No damage or injuries were immediately reported.",
            "Japan sits on the Pacific Ring of Fire, where tectonic plates meet and earthquakes are frequent.",
        ]
    return f"У побережья префектуры {place_ru} произошло землетрясение магнитудой {magnitude}", [
        f"Землетрясение магнитудой {magnitude} произошло {weekday} у побережья префектуры {place_ru}, "
        "сообщило Японское метеорологическое агентство.",
        f"Очаг залегал на глубине {depth} километров.",
        f"Эпицентр находился в точке {latitude.replace('.', ',')} градуса северной широты "
        f"и {longitude.replace('.', ',')} градуса восточной долготы.",
        "Угрозы цунами нет, сообщили в агентстве.",
        "Сведений о пострадавших и разрушениях не поступало.",
        "Япония расположена в Тихоокеанском огненном кольце, где часто происходят землетрясения.",
    ]


def _football(rng: random.Random, language: str, n: int, weekday: str) -> tuple[str, list[str]]:
    teams = _TEAMS_EN if language == "en" else _TEAMS_RU
    home, away = rng.sample(teams, 2)
    home_goals, away_goals = rng.randint(0, 4), rng.randint(0, 3)
    half_home, half_away = rng.randint(0, home_goals), rng.randint(0, away_goals)
    attendance = 4_000 + (n * _SPREAD) % 36_000
    if language == "en":
        if home_goals > away_goals:
            result = f"{home} beat {away} {home_goals}-{away_goals}"
        elif home_goals == away_goals:
            result = f"{home} and {away} drew {home_goals}-{away_goals}"
        else:
            result = f"{away} won {away_goals}-{home_goals} at {home}"
        return f"{home} {home_goals}-{away_goals} {away}", [
            "Coastal League",
            f"{result} in the Coastal League on {weekday}.",
            f"Half-time: {half_home}-{half_away}",
            f"Attendance: {attendance:,}",
            "Three points are awarded for a win and one for a draw.",
            "The top two clubs are promoted at the end of the season.",
        ]
    if home_goals > away_goals:
        result = f"«{home}» обыграл «{away}» со счётом {home_goals}:{away_goals}"
    elif home_goals == away_goals:
        result = f"«{home}» и «{away}» сыграли вничью со счётом {home_goals}:{away_goals}"
    else:
        result = f"«{away}» в гостях обыграл «{home}» со счётом {away_goals}:{home_goals}"
    return f"«{home}» — «{away}» — {home_goals}:{away_goals}", [
        "Прибрежная лига",
        f"{result} в матче Прибрежной лиги {weekday}.",
        f"Первый тайм — {half_home}:{half_away}.",
        f"Матч посетили {attendance} зрителей.",
        "За победу команда получает три очка, за ничью — одно.",
        "Две лучшие команды по итогам сезона выходят в высший дивизион.",
    ]


def _market(rng: random.Random, language: str, n: int, weekday: str) -> tuple[str, list[str]]:
    up = rng.random() < 0.5
    percent = _decimal(rng.uniform(0.1, 2.4), language)
    sign = "+" if up else "-"
    if language == "en":
        level = f"{7_000 + (n * _SPREAD) % 160_000 / 100:,.2f}"
        brent = f"{rng.uniform(60, 95):.2f}"
        return f"FTSE 100 {'rises' if up else 'falls'} {percent}% to {level}", [
            f"London's FTSE 100 index closed {'up' if up else 'down'} {percent}% at {level} points "
            f"on {weekday}.",
            f"FTSE 100: {level} ({sign}{percent}%)",
            f"Brent crude: ${brent} a barrel",
            "Closing levels are provisional, the exchange said.",
            "The London Stock Exchange opens at 8 a.m. on weekdays.",
        ]
    level = f"{2_600 + (n * _SPREAD) % 80_000 / 100:.2f}".replace(".", ",")
    dollar = _decimal(rng.uniform(84, 99), language)
    verb = "вырос" if up else "снизился"
    return f"Индекс Мосбиржи {verb} на {percent}%", [
        f"Индекс Московской биржи по итогам торгов {weekday} {verb} на {percent}%, до {level} пунктов.",
        f"Индекс Мосбиржи: {level} ({sign}{percent}%)",
        f"Курс доллара: {dollar} руб.",
        "Данные о закрытии торгов предварительные, сообщили на бирже.",
        "Основная торговая сессия на Мосбирже начинается в 10:00 по московскому времени.",
    ]


def _weather(rng: random.Random, language: str, n: int, weekday: str) -> tuple[str, list[str]]:
    city_en, city_ru, city_in = _CITIES[(n // 40) % len(_CITIES)]
    spread = (n * _SPREAD) % (18 * 7 * 36 * 4 * 91)  # one weather per n: high, low, wind, pressure
    spread, high = divmod(spread, 18)
    spread, gap = divmod(spread, 7)
    spread, speed = divmod(spread, 36)
    pressure, direction = divmod(spread, 4)
    high, low, speed, pressure = 12 + high, 7 + high - gap, 5 + speed, 960 + pressure
    wind_en, wind_ru = _WINDS[direction]
    dry = rng.random() < 0.6  # the same verbless forecast line in most reports
    if language == "en":
        sky = _DRY[0] if dry else rng.choice(_SKIES_EN)
        short = "dry" if dry else "rain at times"
        return f"{city_en} weather: {short}, highs of {high}C", [
            f"{city_en} will see {short} weather on {weekday}, with temperatures reaching {high}C, "
            "forecasters said.",
            sky,
            f"High: {high}C. Low: {low}C.",
            f"Wind: {wind_en} {speed} km/h",
            f"Pressure: {pressure} hPa",
            "Forecasts are updated every six hours.",
        ]
    sky = _DRY[1] if dry else rng.choice(_SKIES_RU)
    short = "без осадков" if dry else "временами дождь"
    return f"{city_ru}: {short}, до +{high}", [
        f"В {city_in} {weekday} ожидается погода {short}, воздух прогреется до +{high} градусов, "
        "сообщили синоптики.",
        sky,
        f"Днём +{high}, ночью +{low}.",
        f"Ветер {wind_ru}, {speed} км/ч.",
        f"Давление {pressure} гПа.",
        "Прогноз обновляется каждые шесть часов.",
    ]


_BUILDERS = {"quake": _quake, "football": _football, "market": _market, "weather": _weather}
