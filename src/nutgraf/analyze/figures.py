"""Key figures in news text: "trade reached $50 billion, up 5.7%" -> two Figures.

Two reports of one event are compared on their numbers (one says the trade turnover was $50
billion, another nearly $60 billion), so each number is scaled ("$50 миллиардов" -> 50e9), its
unit normalised (ISO currency codes, "percent", "km", "people"), and tagged with a
language-independent key of what it measures ("trade_turnover") from the bilingual lexicon
``subjects.json``. A percentage that states a change ("up 5.7%", "на 5,7% больше") gets
``<key>_change`` so that it is never compared with the amount itself.

How: numbers are found with one cheap regular expression (number words only before a word of
scale, found in a lower-cased copy); everything else is anchored matching at that number
(``re.match`` at a position), so the cost grows with the count of numbers, not with the size of
the tables: about 0.7 ms per BBC article (400 articles, ~3 figures each) and 0.5 ms per Russian
news article (measured here). Per-language words (scales, units, counted nouns, cue phrases,
periods, whose patterns run on lower-cased text) live at the end of ``nutgraf.lang.en``/``ru``
under ``FIGURE_*`` names; currency signs
and ISO codes are language-independent and live here. A language without the tables still gets
"$5", "€3", "5%" and "3.76 BYN".

What is not a figure: a bare number needs a unit, a word of scale or a counted noun after it
("38 crew"), so dates ("March 10", "14 марта"), list numbers and most times drop out by
themselves; years, identifiers ("Su-35", "Ту-95МС", "Meteor-Sever-1"), scores and ranges
("3-1", "18–30"), clock times ("14:05"), ordinals ("17th-century", "30-дневного") and dotted
dates ("13.03.2025") are rejected explicitly.

The subject is the lexicon key whose cue stands nearest the number in its sentence, measured in
content words, with penalties for crossing a clause, for standing after the number and for
standing beyond another figure; a cue must suit the figure's kind of unit (a distance is not a
cost, and a key that counts homes or drones takes no count of people). A key's refiners, words that
alone say little ("cutting", "lost"), hand a count over from the keys they sharpen when they stand
at least as near: "cutting 1,200 jobs" is job_cuts, not jobs. Failing a cue: a key that
the unit implies ("15 m/s" -> speed), then the stems of the content words just before the number,
so two articles can still be compared.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType

from nutgraf.lang import SUPPORTED, alternation, content_terms, every, fold, get_language, letters, unfolded
from nutgraf.lang.contract import section
from nutgraf.model import Figure

__all__ = [
    "comparable_unit",
    "extract_figures",
    "qualifier",
    "same_quantity",
    "subject_keys",
    "subject_label",
]

# Subject scoring, in content words. Tuned on the tests' sentences and checked by hand on ~350 BBC
# articles and the 63 ods Russian ones of ../shared/eval: a cue in the clause before ("trade turnover, which nearly
# reached $60 billion") must beat one two words after in a later clause, and a cue a whole
# sentence away is noise.
SUBJECT_MAX_SCORE = 12.0
"""A cue scoring more than this is too far to say what the number measures."""
CLAUSE_PENALTY = 4.0
"""Cost of each clause boundary (comma, semicolon, dash, bracket) between cue and number."""
AFTER_PENALTY = 2.0
"""Cost of a cue standing after the number ("$5bn investment") rather than before it."""
OTHER_FIGURE_PENALTY = 3.0
"""Cost of each other figure standing between cue and number (that cue is probably its subject)."""
COUNTED_NOUN_SCORE = AFTER_PENALTY + 0.5
"""A cue that is the counted noun itself ("1,200 jobs", "400 эвакуированных") loses only to a cue
right next to the figure: "3,400 residents were evacuated" counts evacuees, not the population."""
FALLBACK_WORDS = 3
"""How many content-word stems before the number make the fallback subject."""

APPROX_LOOKBACK = 48
"""Characters before a figure searched for "nearly", "более чем" (longest cue plus one word)."""
CHANGE_WORDS_BEFORE = 3
"""Words before a percentage searched for a change cue ("prices rose sharply by 5%")."""
CHANGE_WORDS_AFTER = 2
"""Words after a percentage searched for a change cue ("5.7% higher", "на 5,7% больше")."""
PERIOD_AFTER_WEIGHT = 1.5
"""A period after the figure counts its distance 1.5x: "In 2024 trade reached $50bn" is the usual order."""
YEAR_MIN, YEAR_MAX = 1800, 2100
"""A plain four-digit integer in this range is a year unless a unit says otherwise."""
MAX_DAY = 31
"""A number up to this right after a capitalised month name is a day ("March 10 people")."""

_CURRENCY_SIGNS: Mapping[str, str] = MappingProxyType(
    {
        "US$": "USD",
        "A$": "AUD",
        "C$": "CAD",
        "HK$": "HKD",
        "NZ$": "NZD",
        "S$": "SGD",
        "$": "USD",
        "£": "GBP",
        "€": "EUR",
        "¥": "JPY",
        "₽": "RUB",
        "₸": "KZT",
        "₼": "AZN",
        "₴": "UAH",
        "₹": "INR",
        "₺": "TRY",
        "₩": "KRW",
        "₾": "GEL",
    }
)
"""Currency signs, written before the number ("$50") or after it ("100 ₽")."""

_CURRENCY_CODES: frozenset[str] = frozenset(
    """USD EUR GBP RUB BYN KZT AZN CNY UAH JPY CHF INR TRY PLN KGS UZS GEL AMD TMT TJS MDL CAD AUD NZD
    SEK NOK DKK CZK HUF RON BGN RSD AED SAR QAR ILS KRW BRL MXN ARS ZAR HKD SGD EGP IRR PKR VND THB
    IDR MYR NGN KES""".split()
)
"""ISO 4217 codes accepted before or after a number ("3.76 BYN", "USD 50"), upper case only."""

_SIGN_SCALES: Mapping[str, float] = MappingProxyType(
    {
        "bn": 1e9,
        "b": 1e9,
        "m": 1e6,
        "mn": 1e6,
        "k": 1e3,
        "tn": 1e12,
        "trn": 1e12,
        "M": 1e6,
        "B": 1e9,
        "K": 1e3,
    }
)
"""Short scales read only after a currency sign ("$1.2bn", "£46m", "£30k"): alone "15m" is metres."""

_UNIT_KINDS: Mapping[str, str] = MappingProxyType(
    {
        "percent": "percent",
        "pp": "percent",
        **dict.fromkeys(("km", "m", "cm", "mm", "mi", "ft", "in"), "length"),
        **dict.fromkeys(("kg", "g", "tonnes", "lb"), "mass"),
        **dict.fromkeys(("km2", "m2", "ha", "acres", "sq mi", "ares"), "area"),
        **dict.fromkeys(("m/s", "km/h", "mph", "knots"), "speed"),
        **dict.fromkeys(("l", "gal", "barrels", "m3"), "volume"),
        **dict.fromkeys(("MW", "GW", "kW"), "power"),
        **dict.fromkeys(("kWh", "MWh", "GWh", "TWh"), "energy"),
        **dict.fromkeys(("°C", "°F", "degrees"), "temperature"),
    }
)
"""Kind of each normalised unit; a subject key lists the kinds it can take. Currencies are
"money", counted nouns "count", a figure without a unit suits any key."""

_PERCENT_UNITS = frozenset({"percent", "pp"})
_SHARE_KINDS = frozenset({"money", "count"})

_SPACE = r"[^\S\n]"  # one whitespace character that is not a line break (also no-break and thin spaces)
_WORD = re.compile(r"[^\W\d_](?:[\w'’-]*\w)?")  # the word pattern of nutgraf.lang.content_terms
_RAW_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_SIGN_BEFORE = re.compile(r"(?:US|A|C|HK|NZ|S)?[$£€¥₽₸₼₴₹₺₩₾]" + _SPACE + r"?\Z")
_CODE_BEFORE = re.compile(r"(?<![A-Za-z])([A-Z]{3})" + _SPACE + r"?\Z")
_SIGN_AFTER = re.compile(_SPACE + r"?([$£€¥₽₸₼₴₹₺₩₾])")
_CODE_AFTER = re.compile(_SPACE + r"?([A-Z]{3})(?![A-Za-z])")
_PERCENT_SIGN = re.compile(_SPACE + r"?%")
_SIGN_SCALE = re.compile(_SPACE + r"?(bn|trn|tn|mn|b|m|k|M|B|K)(?![\w])")
_SENTENCE_BREAK = re.compile(r"[.!?…]+[\"»”’)]*" + _SPACE + rf"+(?=[\"«“„(\[]?[{letters('upper')}0-9])|\n+")
_CONVERSION_GAP = re.compile(
    r"\s*[(\[;,/]\s*(?:(?:" + alternation(every("FIGURE_ALTERNATIVE_WORDS")) + r")\s+)?"
)
_CLAUSE_BREAK = re.compile(r"[;()\[\]]|[,:](?=\s)|\s[—–-](?=\s)")


@dataclass(frozen=True, slots=True)
class _Tables:
    """One language's figure tables, compiled once (see the ``FIGURE_*`` names in the language modules)."""

    number: re.Pattern[str]
    scale_words: re.Pattern[str] | None
    number_word_before: re.Pattern[str] | None
    scale: re.Pattern[str] | None
    unit: re.Pattern[str] | None
    counted: re.Pattern[str] | None
    approx: re.Pattern[str] | None
    approx_loose: re.Pattern[str] | None
    approx_after: re.Pattern[str] | None
    periods: tuple[tuple[re.Pattern[str], str], ...]
    scales: Mapping[str, float]
    number_values: Mapping[str, float]
    units: Mapping[str, tuple[str, float]]
    counted_units: Mapping[str, str]
    approx_conditional: frozenset[str]
    change_stems: tuple[str, ...]
    change_words: frozenset[str]
    change_prepositions: frozenset[str]
    level_prepositions: frozenset[str]
    year_prepositions: frozenset[str]
    months: frozenset[str]
    stopwords: frozenset[str]


_CueIndex = Mapping[str, tuple[tuple[tuple[str, ...], str], ...]]
"""Cue stem sequences with their keys, indexed by first stem, longest first."""


@dataclass(frozen=True, slots=True)
class _Lexicon:
    """Subject cues of one language as stem sequences, indexed by their first stem."""

    cues: _CueIndex
    kinds: Mapping[str, frozenset[str]]
    unit_keys: Mapping[str, str]
    counts: Mapping[str, frozenset[str]]
    """The counted nouns a key may take, for keys that list them (``counts`` in the lexicon)."""
    refiners: _CueIndex
    """Words that sharpen a subject ("cutting", "lost"), indexed like ``cues``, with the key they give."""
    refines: Mapping[str, frozenset[str]]
    """Refining key -> the keys whose counts its refiners take over (job_cuts -> jobs, workforce)."""


@dataclass(slots=True)
class _Found:
    """A figure while it is being built: spans and what the text around it says."""

    start: int
    end: int
    value: float
    unit: str | None
    counted_start: int  # start of the words after the number that hold a counted noun, or -1
    approximate: bool
    cue_start: int  # start of the approximate cue before the figure, or ``start``


@dataclass(frozen=True, slots=True)
class _Token:
    """A content word of a sentence: its stem, its folded form and its offsets in the text."""

    stem: str
    word: str
    start: int
    end: int


def _fold(text: str) -> str:
    """Lookup form of a table key: lower case, letters folded ("ё" as "е"), single spaces."""
    return " ".join(fold(text.lower()).split())


def _alternation(keys: Iterable[str]) -> str:
    """A regex alternation of table keys, longest first; spaces match any run of spaces, a letter
    also the letters that fold to it ("е" also "ё")."""
    parts = []
    for key in sorted(set(keys), key=len, reverse=True):
        escaped = "".join(
            f"[{variants}]" if len(variants := unfolded(char)) > 1 else char
            for char in re.escape(key).replace(r"\ ", "\0")
        ).replace("\0", _SPACE + "+")
        parts.append(escaped)
    return "|".join(parts)


def _lookup(table: Mapping[str, object], found: str) -> object:
    """A table value for matched text: exact first (short unit symbols are case-sensitive), then folded."""
    exact = " ".join(found.split())
    if exact in table:
        return table[exact]
    folded = _fold(found)
    return table.get(folded) if len(folded) > 2 else None


@cache
def _tables(language: str | None) -> _Tables:
    """Compile the figure tables of ``language`` (missing tables mean: currency signs and "%" only)."""
    module = get_language(language)
    separators = re.escape(section(module, "FIGURE_GROUP_SEPARATORS"))
    grouped = rf"\d{{1,3}}(?:[{separators}]\d{{3}})+(?!\d)|" if separators else ""
    number = re.compile(rf"(?<![\w.,])(?P<int>{grouped}\d+)(?:[.,](?P<frac>\d+))?")
    scales: dict[str, float] = dict(section(module, "FIGURE_SCALES"))
    words: dict[str, float] = dict(section(module, "FIGURE_NUMBER_WORDS"))
    units: dict[str, str] = dict(section(module, "FIGURE_UNITS"))
    counted: dict[str, str] = dict(section(module, "FIGURE_COUNTED"))
    approx = tuple(section(module, "FIGURE_APPROX"))
    loose = tuple(section(module, "FIGURE_APPROX_LOOSE"))
    after = tuple(section(module, "FIGURE_APPROX_AFTER"))
    full_scales = [k for k in scales if len(k) > 2]
    return _Tables(
        number=number,
        scale_words=re.compile(rf"(?:{_alternation(_fold(k) for k in full_scales)})(?!\w)")
        if words and full_scales
        else None,
        number_word_before=re.compile(rf"(?<![\w-])(?:{_alternation(_fold(k) for k in words)}){_SPACE}+\Z")
        if words
        else None,
        scale=_compile(rf"{_SPACE}?(?:{_alternation(scales)})(?!\w)", scales),
        unit=_compile(rf"{_SPACE}?(?:{_alternation(units)})(?!\w)", units),
        counted=_compile(
            rf"{_SPACE}+(?:(?P<adj>[^\W\d_][\w-]*){_SPACE}+)?(?P<noun>{_alternation(counted)})(?!\w)", counted
        ),
        approx=_compile(rf"(?<!\w)(?P<cue>{_alternation(approx)}){_SPACE}+\Z", approx),
        approx_loose=_compile(
            rf"(?<!\w)(?P<cue>{_alternation(loose)}){_SPACE}+[^\W\d_][\w-]*{_SPACE}+\Z", loose
        ),
        approx_after=_compile(rf"{_SPACE}*(?:{_alternation(after)})(?!\w)", after),
        periods=tuple((re.compile(pattern), label) for pattern, label in section(module, "FIGURE_PERIODS")),
        scales=MappingProxyType({_fold(k): v for k, v in scales.items()}),
        number_values=MappingProxyType({_fold(k): v for k, v in words.items()}),
        units=MappingProxyType(
            {
                **{k: _unit_value(v) for k, v in units.items()},
                **{_fold(k): _unit_value(v) for k, v in units.items() if len(k) > 2},
            }
        ),
        counted_units=MappingProxyType({_fold(k): v for k, v in counted.items()}),
        approx_conditional=frozenset(section(module, "FIGURE_APPROX_CONDITIONAL")),
        change_stems=tuple(section(module, "FIGURE_CHANGE_STEMS")),
        change_words=frozenset(section(module, "FIGURE_CHANGE_WORDS")),
        change_prepositions=frozenset(section(module, "FIGURE_CHANGE_PREPOSITIONS")),
        level_prepositions=frozenset(section(module, "FIGURE_LEVEL_PREPOSITIONS")),
        year_prepositions=frozenset(section(module, "FIGURE_YEAR_PREPOSITIONS")),
        months=frozenset(section(module, "MONTHS")),
        stopwords=frozenset(section(module, "STOPWORDS")),
    )


def _unit_value(value: str) -> tuple[str, float]:
    """A unit table value as (unit, factor): "km" -> ("km", 1.0), "0.01 GBP" (pence) -> ("GBP", 0.01)."""
    match = re.fullmatch(r"(\d+(?:\.\d+)?) (.+)", value)
    return (match.group(2), float(match.group(1))) if match else (value, 1.0)


def _compile(pattern: str, present: object) -> re.Pattern[str] | None:
    """``pattern`` compiled case-insensitively, or None when its table is empty."""
    return re.compile(pattern, re.IGNORECASE) if present else None


@cache
def _subjects_data() -> dict[str, dict[str, list[str]]]:
    """The subject lexicon as shipped in package data."""
    raw = resources.files("nutgraf.analyze").joinpath("subjects.json").read_text(encoding="utf-8")
    return json.loads(raw)["subjects"]


@cache
def _same_units() -> dict[tuple[str, str], str]:
    return {
        (key, unit): entry["same_units"][0]
        for key, entry in _subjects_data().items()
        for unit in entry.get("same_units", ())
    }


def comparable_unit(subject: str, unit: str) -> str:
    """The unit under which a figure of ``subject`` is compared with others: for a key whose
    counted units are one quantity ("1,200 jobs" cut and "1,500 workers" laid off) their first,
    else the unit itself. A change key ("job_cuts_change") compares as its key does."""
    base = subject.removesuffix("_change")
    return _same_units().get((base, unit), unit)


def subject_keys() -> list[str]:
    """Every subject key the lexicon knows (a figure's subject may also be a "_change" key or free stems)."""
    return list(_subjects_data())


@cache
def _same_quantity_keys() -> dict[str, str]:
    raw = resources.files("nutgraf.analyze").joinpath("subjects.json").read_text(encoding="utf-8")
    return {key: group[0] for group in json.loads(raw).get("same_quantity", []) for key in group}


def same_quantity(subject: str) -> str:
    """The key of the group of subjects that name one amount in different words (the lexicon's
    ``same_quantity``: a project's investment, cost and budget), else the subject itself; a change
    key stays a change key ("cost_change" -> "investment_change").

    The group was set by what the words mean, not searched. The only disagreement gold is the
    sample corpus's (and the seeds' one case), where it was also measured: gold claims found 5 of
    11 before, 7 of 11 after, no new false disagreement; the seeds' trade turnover unchanged
    (tests/test_pipeline.py). No held-out set scores it."""
    base = subject.removesuffix("_change")
    key = _same_quantity_keys().get(base, base)
    return key + subject[len(base) :]


CHANGE_MARK = " ±"
"""After a subject's name, marks its change ("trade turnover ±": "up 5.7%"), in every language."""


def subject_label(subject: str, language: str | None = None) -> str:
    """What a reader calls a subject key: its first cue in ``language`` ("trade_turnover" ->
    "trade turnover", "товарооборот", "échanges commerciaux"), else its first cue in any language
    of the lexicon, else the key's words; a change key reads as its subject's with ``CHANGE_MARK``.
    The lexicon lists each key's usual name first, so no second table of names is kept."""
    base = subject.removesuffix("_change")
    entry = _subjects_data().get(base, {})
    cues = entry.get(language or "") or next(
        (entry[code] for code in SUPPORTED if entry.get(code)), [base.replace("_", " ")]
    )
    return cues[0] + (CHANGE_MARK if subject != base else "")


def qualifier(text: str, figure: Figure, language: str | None) -> str | None:
    """The word that makes an approximate figure so, as the text writes it ("nearly", "более",
    "près de"), when it stands before the figure; None for an exact figure or an unknown one."""
    if not figure.approximate or figure.start < 0:
        return None
    tables = _tables(language)
    lookback = max(0, figure.start - APPROX_LOOKBACK)
    for pattern in (tables.approx, tables.approx_loose):
        match = pattern.search(text, lookback, figure.start) if pattern else None
        if match:
            return text[match.start("cue") : match.end("cue")]
    return None


@cache
def _lexicon(language: str | None) -> _Lexicon:
    """Stem the lexicon's cues for ``language``; a stem sequence claimed by two keys goes to the first."""
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    seen: set[tuple[str, ...]] = set()
    kinds: dict[str, frozenset[str]] = {}
    unit_keys: dict[str, str] = {}
    counts: dict[str, frozenset[str]] = {}
    refiner_index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    refines: dict[str, frozenset[str]] = {}
    for key, entry in _subjects_data().items():
        kinds[key] = frozenset(entry.get("kinds", ()))
        if "counts" in entry:
            counts[key] = frozenset(entry["counts"])
        for unit in entry.get("units", ()):
            unit_keys.setdefault(unit, key)
        for cue in entry.get(language or "", ()):
            stems = tuple(content_terms(cue, language))
            if stems and stems not in seen:
                seen.add(stems)
                index.setdefault(stems[0], []).append((stems, key))
        if "refines" in entry:
            refines[key] = frozenset(entry["refines"]["keys"])
            for word in entry["refines"].get(language or "", ()):
                stems = tuple(content_terms(word, language))
                if stems:
                    refiner_index.setdefault(stems[0], []).append((stems, key))
    return _Lexicon(
        MappingProxyType(_longest_first(index)),
        MappingProxyType(kinds),
        MappingProxyType(unit_keys),
        MappingProxyType(counts),
        MappingProxyType(_longest_first(refiner_index)),
        MappingProxyType(refines),
    )


def _longest_first(
    index: dict[str, list[tuple[tuple[str, ...], str]]],
) -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    return {first: tuple(sorted(items, key=lambda item: -len(item[0]))) for first, items in index.items()}


def extract_figures(text: str, language: str) -> list[Figure]:
    """The key figures of ``text`` (amounts, percentages, measures, counts), sorted by start."""
    if not text:
        return []
    tables = _tables(language)
    lowered = _lower(text)
    found: list[_Found] = []
    last_end = 0
    for start, end, value, plain in _numbers(text, lowered, tables):
        if start < last_end:
            continue
        figure = _read_figure(text, start, end, value, plain, tables)
        if figure is not None:
            found.append(figure)
            last_end = figure.end
    if not found:
        return []
    return _describe(text, lowered, language, found, tables)


def _lower(text: str) -> str:
    """``text`` lower-cased with its offsets kept (a letter whose lower case is longer stays as it is).

    Case-sensitive patterns over a lower-cased copy run several times faster than
    ``re.IGNORECASE`` ones, which cannot skip ahead to a literal.
    """
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(low if len(low := ch.lower()) == 1 else ch for ch in text)


def _numbers(text: str, lowered: str, tables: _Tables) -> list[tuple[int, int, float, bool]]:
    """Every number as (start, end, value, plain): digits, and number words before a word of scale.

    ``plain`` marks a bare integer without separators (the only form a year takes). Number words
    are looked for only before the (rare) words of scale.
    """
    numbers = []
    for match in tables.number.finditer(text):
        digits = re.sub(r"\D", "", match.group("int"))
        fraction = match.group("frac")
        value = float(f"{digits}.{fraction}" if fraction else digits)
        numbers.append((match.start(), match.end(), value, match.group(0).isdigit()))
    if tables.scale_words is not None and tables.number_word_before is not None:
        for scale in tables.scale_words.finditer(lowered):
            if scale.start() and lowered[scale.start() - 1].isalnum():
                continue
            word = tables.number_word_before.search(lowered, max(0, scale.start() - 16), scale.start())
            if word:
                value = tables.number_values.get(_fold(word.group(0)))
                if value is not None:
                    numbers.append((word.start(), word.start() + len(word.group(0).rstrip()), value, False))
    numbers.sort()
    return numbers


def _read_figure(
    text: str, start: int, end: int, value: float, plain: bool, tables: _Tables
) -> _Found | None:
    """Read the currency sign, scale and unit around one number; None when it is not a figure."""
    if _is_identifier(text, start, end):
        return None
    fig_start = start
    unit: str | None = None
    sign = _SIGN_BEFORE.search(text, max(0, start - 4), start)
    if sign:
        unit = _CURRENCY_SIGNS[sign.group(0).strip()]
        fig_start = sign.start()
    else:
        code = _CODE_BEFORE.search(text, max(0, start - 5), start)
        if code and code.group(1) in _CURRENCY_CODES:
            unit = code.group(1)
            fig_start = code.start(1)
    scale, pos = _scale_after(text, end, unit is not None, tables)
    counted_start = -1
    unit_start = pos
    after_unit, unit_end, noun_start, factor = _unit_after(text, pos, tables)
    if after_unit is not None and unit is None:
        unit, pos = after_unit, unit_end
        scale *= factor
        counted_start = unit_start if noun_start >= 0 else -1
    elif after_unit is not None and after_unit == unit:
        pos = unit_end  # "$50 млрд долларов": the word repeats the sign
    if unit is None and pos == end:
        return None  # a bare number: a date, a list number, an age, a time
    if pos < len(text) and (text[pos].isalnum() or (text[pos] in "-‐" and text[pos + 1 : pos + 2].isalpha())):
        return None  # "17th", "5G", "30-day", "15m-high": part of a word, not a figure
    kind = _kind(unit)
    if plain and scale == 1.0 and YEAR_MIN <= value <= YEAR_MAX and len(text[start:end]) == 4:
        if kind is None or (kind == "count" and _previous_word(text, fig_start) in tables.year_prepositions):
            return None
    if kind == "count" and scale == 1.0 and value <= MAX_DAY and not sign:
        previous = _previous_word(text, fig_start, keep_case=True)
        if previous[:1].isupper() and previous.lower() in tables.months:
            return None  # "March 10 people"
    if (
        noun_start >= 0
        and counted_start >= 0
        and not _plausible_adjective(text[unit_start:noun_start], tables)
    ):
        return None
    approximate, cue_start = _approximate(text, fig_start, tables)
    if not approximate and tables.approx_after and tables.approx_after.match(text, pos):
        approximate = True
    return _Found(fig_start, pos, value * scale, unit, counted_start, approximate, cue_start)


def _scale_after(text: str, pos: int, has_currency: bool, tables: _Tables) -> tuple[float, int]:
    """The word of scale right after a number, as (multiplier, end); (1.0, pos) when there is none."""
    match = tables.scale.match(text, pos) if tables.scale else None
    if match:
        scale = _lookup(tables.scales, match.group(0).strip())
        if isinstance(scale, float | int):
            return float(scale), match.end()
    short = _SIGN_SCALE.match(text, pos)
    if short is None:
        return 1.0, pos
    word = short.group(1)
    if has_currency:
        return _SIGN_SCALES[word], short.end()
    if word in ("m", "mn", "bn") and _unit_after(text, short.end(), tables)[0] is not None:
        return _SIGN_SCALES[word], short.end()  # "15m people", "4m tonnes"; alone "15m" is metres
    return 1.0, pos


def _plausible_adjective(between: str, tables: _Tables) -> bool:
    """A word between a number and its counted noun must look like an adjective ("1,200 new jobs")."""
    return all(word.islower() and _fold(word) not in tables.stopwords for word in between.split())


def _unit_after(text: str, pos: int, tables: _Tables) -> tuple[str | None, int, int, float]:
    """The unit right after ``pos``: (unit, end, start of a counted noun or -1, factor of a sub-unit)."""
    for pattern in (_PERCENT_SIGN, _SIGN_AFTER, _CODE_AFTER):
        match = pattern.match(text, pos)
        if match:
            if pattern is _PERCENT_SIGN:
                return "percent", match.end(), -1, 1.0
            symbol = match.group(1)
            if pattern is _SIGN_AFTER:
                return _CURRENCY_SIGNS[symbol], match.end(), -1, 1.0
            if symbol in _CURRENCY_CODES:
                return symbol, match.end(), -1, 1.0
    if tables.unit is not None:
        match = tables.unit.match(text, pos)
        if match:
            found = _lookup(tables.units, match.group(0).strip())
            if isinstance(found, tuple):
                return found[0], match.end(), -1, found[1]
    if tables.counted is not None:
        match = tables.counted.match(text, pos)
        noun = match.group("noun") if match else ""
        if match and (noun.islower() or noun.isupper()):  # "the 1989 Children Act" names a law
            unit = tables.counted_units.get(_fold(noun))
            if unit is not None:
                return unit, match.end(), match.start("noun"), 1.0
    return None, pos, -1, 1.0


def _kind(unit: str | None) -> str | None:
    """The kind of a normalised unit: "money", "percent", "length", ..., "count"; None without a unit."""
    if unit is None:
        return None
    if unit in _CURRENCY_CODES:
        return "money"
    return _UNIT_KINDS.get(unit, "count")


def _is_identifier(text: str, start: int, end: int) -> bool:
    """Whether the number is part of a name, a date, a time, a score or a range, not a quantity."""
    before = text[max(0, start - 2) : start]
    after = text[end : end + 2]
    if before[-1:] in ("№", "#", "/"):
        return True
    if len(before) == 2 and before[1] in "-‐–—:" and before[0].isalnum():
        return True  # "Su-35", "Ту-95МС", "Meteor-Sever-1", "3-1", "14:05"
    if after[:1] in "-‐–—:/." and after[1:2].isdigit():
        return True  # "3-1", "18–30", "14:05", "2024/25", "13.03.2025"
    if (
        after[:1] in ".)"
        and after[1:2] in (" ", "\t")
        and not text[text.rfind("\n", 0, start) + 1 : start].strip()
    ):
        return True  # "1. ", "2) " opening a line
    return False


def _previous_word(text: str, pos: int, *, keep_case: bool = False) -> str:
    """The word right before ``pos`` (spaces only between), lower-cased unless ``keep_case``."""
    match = re.search(r"([^\W\d_][\w-]*)" + _SPACE + r"+\Z", text[max(0, pos - 40) : pos])
    if not match:
        return ""
    word = match.group(1)
    return word if keep_case else _fold(word)


def _approximate(text: str, fig_start: int, tables: _Tables) -> tuple[bool, int]:
    """Whether a cue before the figure makes it approximate, and where that cue starts."""
    lookback_start = max(0, fig_start - APPROX_LOOKBACK)
    for pattern in (tables.approx, tables.approx_loose):
        match = pattern.search(text, lookback_start, fig_start) if pattern else None
        if not match:
            continue
        cue = _fold(match.group("cue"))
        cue_start = match.start("cue")
        if cue in tables.approx_conditional and not _bound_not_range(text[:cue_start], tables):
            return False, fig_start
        return True, cue_start
    return False, fig_start


def _bound_not_range(before: str, tables: _Tables) -> bool:
    """For "до": a bound ("до 5 тысяч") unless a range ("от 3 до 5") or a change ("выросла до 5%") precedes."""
    tokens = re.findall(r"[\w.,%$€£₽-]+", before[-40:])
    if not tokens:
        return True
    last = _fold(tokens[-1])
    if any(ch.isdigit() for ch in last) or any(ch.isdigit() for ch in "".join(tokens[-2:])):
        return False
    return not _is_change_word(last, tables)


def _describe(text: str, lowered: str, language: str, found: list[_Found], tables: _Tables) -> list[Figure]:
    """Give each figure its subject and period from its sentence."""
    breaks = [m.end() for m in _SENTENCE_BREAK.finditer(text)]
    by_sentence: dict[int, list[_Found]] = {}
    for figure in found:
        by_sentence.setdefault(bisect.bisect_right(breaks, figure.start), []).append(figure)
    lexicon = _lexicon(language)
    figures: list[Figure] = []
    for number, group in by_sentence.items():
        s_start = breaks[number - 1] if number > 0 else 0
        s_end = breaks[number] if number < len(breaks) else len(text)
        figures.extend(_describe_sentence(text, lowered, s_start, s_end, group, language, tables, lexicon))
    return figures


@dataclass(frozen=True, slots=True)
class _Context:
    """One sentence, read once for all its figures: content words, clauses, cues, periods."""

    start: int
    end: int
    group: list[_Found]
    figure_starts: list[int]
    clause_breaks: list[int]
    tokens: list[_Token]
    token_starts: list[int]
    token_ends: list[int]
    cues: list[tuple[str, int, int, int, int]]
    refiners: list[tuple[str, int, int, int, int]]
    periods: list[tuple[int, int, str]]

    def clause(self, pos: int) -> int:
        """Index of the clause holding ``pos``."""
        return bisect.bisect_right(self.clause_breaks, pos)

    def figure_at(self, pos: int) -> _Found | None:
        """The figure whose span holds ``pos``, if any."""
        index = bisect.bisect_right(self.figure_starts, pos) - 1
        return self.group[index] if index >= 0 and pos < self.group[index].end else None


def _describe_sentence(
    text: str,
    lowered: str,
    s_start: int,
    s_end: int,
    group: list[_Found],
    language: str,
    tables: _Tables,
    lexicon: _Lexicon,
) -> list[Figure]:
    """Subject, change and period of the figures of one sentence."""
    sentence = text[s_start:s_end]
    tokens = _tokens(sentence, s_start, language, tables)
    figure_starts = [figure.start for figure in group]
    context = _Context(
        start=s_start,
        end=s_end,
        group=group,
        figure_starts=figure_starts,
        clause_breaks=[s_start + m.start() for m in _CLAUSE_BREAK.finditer(sentence)],
        tokens=tokens,
        token_starts=[t.start for t in tokens],
        token_ends=[t.end for t in tokens],
        cues=_cue_matches(tokens, lexicon.cues, figure_starts),
        refiners=_cue_matches(tokens, lexicon.refiners, figure_starts) if lexicon.refiners else [],
        periods=_periods(lowered[s_start:s_end], s_start, tables),
    )
    result: list[Figure] = []
    for index, figure in enumerate(group):
        previous = result[-1] if result else None
        if previous is not None and _is_conversion(text, previous, figure):
            subject, period = previous.subject, previous.period
            approximate = previous.approximate or figure.approximate
        else:
            change = _is_change(text, figure, context, tables)
            subject = _subject(figure, index, context, lexicon, change, tables)
            if change and subject:
                subject = f"{subject}_change"
            period, approximate = _period(figure, context.periods), figure.approximate
        result.append(
            Figure(
                text=text[figure.start : figure.end],
                value=figure.value,
                unit=figure.unit,
                subject=subject,
                period=period,
                approximate=approximate,
                start=figure.start,
                end=figure.end,
            )
        )
    return result


def _is_conversion(text: str, previous: Figure, figure: _Found) -> bool:
    """Whether the figure restates the previous one in another currency: "$2.5m (£1.33m)"."""
    if _kind(previous.unit) != "money" or _kind(figure.unit) != "money" or previous.unit == figure.unit:
        return False
    return _CONVERSION_GAP.fullmatch(text, previous.end, figure.start) is not None


def _tokens(sentence: str, offset: int, language: str, tables: _Tables) -> list[_Token]:
    """Content words of a sentence with their stems (``content_terms``) and offsets."""
    words = [
        (m.group(0), m.start() + offset, m.end() + offset)
        for m in _WORD.finditer(sentence)
        if fold(m.group(0).lower()) not in tables.stopwords
    ]
    if not words:
        return []
    stems = content_terms(" ".join(w for w, _, _ in words), language)
    if len(stems) != len(words):  # a word that lower-casing splits ("İ"): stem one by one
        stems = [next(iter(content_terms(w, language)), w.lower()) for w, _, _ in words]
    return [_Token(stem, _fold(w), start, end) for stem, (w, start, end) in zip(stems, words, strict=True)]


def _cue_matches(
    tokens: list[_Token], cues: _CueIndex, figure_starts: list[int]
) -> list[tuple[str, int, int, int, int]]:
    """Lexicon cues (or refiners) in the sentence as (key, first token, end token, start char, end
    char), longest first.

    A cue of several words never spans a figure ("cut 2,850 jobs" is not the cue "cut jobs").
    """
    matches = []
    index = 0
    while index < len(tokens):
        step = 1
        for stems, key in cues.get(tokens[index].stem, ()):
            if tuple(t.stem for t in tokens[index : index + len(stems)]) != stems:
                continue
            last = index + len(stems) - 1
            spanned = bisect.bisect_left(figure_starts, tokens[last].start) - bisect.bisect_left(
                figure_starts, tokens[index].end
            )
            if spanned:
                continue
            matches.append((key, index, last + 1, tokens[index].start, tokens[last].end))
            step = len(stems)
            break
        index += step
    return matches


def _subject(
    figure: _Found, index: int, context: _Context, lexicon: _Lexicon, change: bool, tables: _Tables
) -> str | None:
    """The lexicon key nearest the figure that suits its unit; else the unit's key; else stems before it.

    A key that a refiner sharpens gives way to the refining key when the refiner stands at least as
    near: "cutting 1,200 jobs" and "the 1,200 workers who will lose their jobs" are job cuts, while
    "employs 1,350 people and will cut costs" stays the workforce (its cue is nearer than "cut")."""
    kind = _kind(figure.unit)
    best: tuple[float, bool, str] | None = None
    for key, first, last, c_start, c_end in _near(context.cues, figure, context):
        if not _suits(lexicon.kinds.get(key, frozenset()), kind, change):
            continue
        if kind == "count" and key in lexicon.counts and figure.unit not in lexicon.counts[key]:
            continue  # "housing 640 people" does not count homes
        scored = _cue_score(figure, index, context, first, last, c_start, c_end)
        if scored is not None and (best is None or (*scored, key) < best):
            best = (*scored, key)
    if best is not None and best[0] <= SUBJECT_MAX_SCORE:
        for key, first, last, c_start, c_end in _near(context.refiners, figure, context):
            if best[2] in lexicon.refines[key] and _suits(lexicon.kinds[key], kind, change):
                scored = _cue_score(figure, index, context, first, last, c_start, c_end)
                if scored is not None and scored <= best[:2]:
                    return key
        return best[2]
    if figure.unit in lexicon.unit_keys:
        return lexicon.unit_keys[figure.unit]
    return _fallback_subject(figure, context, context.clause(figure.start), change, tables)


def _near(
    cues: list[tuple[str, int, int, int, int]], figure: _Found, context: _Context
) -> list[tuple[str, int, int, int, int]]:
    """The cues (in token order, none overlapping) near enough to the figure to score at most
    ``SUBJECT_MAX_SCORE``: a cue's score is at least its distance in words, so the others can never
    be chosen. Looking only at these keeps a sentence linear in its figures and cues (a page without
    full stops is one sentence)."""
    reach = int(SUBJECT_MAX_SCORE) + 1
    before = bisect.bisect_right(context.token_ends, figure.cue_start) - reach
    after = bisect.bisect_left(context.token_starts, figure.end) + reach
    low = bisect.bisect_left(cues, before, key=lambda cue: cue[2])
    high = bisect.bisect_right(cues, after, lo=low, key=lambda cue: cue[1])
    return cues[low:high]


def _cue_score(
    figure: _Found, index: int, context: _Context, first: int, last: int, c_start: int, c_end: int
) -> tuple[float, bool] | None:
    """How far a cue (tokens ``first`` to ``last``) stands from the figure, in content words with
    penalties, and whether it stands after it; None for a cue that cannot say what the figure
    measures (a unit word of another figure, or one inside this figure's approximate cue)."""
    clause = context.clause(figure.start)
    if figure.counted_start >= 0 and c_start >= figure.counted_start and c_end <= figure.end:
        return COUNTED_NOUN_SCORE, False
    if context.figure_at(c_start) is not None:
        return None  # a unit word of this or another figure ("рублей", "people")
    if c_end <= figure.cue_start:
        between = index - bisect.bisect_left(context.figure_starts, c_end)
        crossed = clause - context.clause(c_start)
        distance = bisect.bisect_right(context.token_ends, figure.cue_start) - last
        return distance + CLAUSE_PENALTY * crossed + OTHER_FIGURE_PENALTY * between, False
    if c_start >= figure.end:
        between = bisect.bisect_left(context.figure_starts, c_start) - index - 1
        crossed = context.clause(c_start) - clause
        distance = first - bisect.bisect_left(context.token_starts, figure.end)
        return distance + AFTER_PENALTY + CLAUSE_PENALTY * crossed + OTHER_FIGURE_PENALTY * between, True
    return None  # between an approximate cue and its figure ("nearly reached")


def _suits(kinds: frozenset[str], kind: str | None, change: bool) -> bool:
    """Whether a key may measure a figure of this kind.

    A figure without a unit suits any key; a percentage suits a key of money or counts too (a share
    of it, "14% of staff"), and any key when it states a change ("distance grew 5%").
    """
    if kind is None or kind in kinds:
        return True
    return kind == "percent" and (change or bool(kinds & _SHARE_KINDS))


def _fallback_subject(
    figure: _Found, context: _Context, clause: int, change: bool, tables: _Tables
) -> str | None:
    """Stems of up to ``FALLBACK_WORDS`` content words before the figure in its clause.

    Period words are left out, and so are change words before a change, so that "output rose 5%
    last year" and "output increased by 5%" fall back to the same stems.
    """
    clause_start = context.clause_breaks[clause - 1] if clause > 0 else -1
    stems: list[str] = []
    for token in reversed(context.tokens[: bisect.bisect_right(context.token_ends, figure.cue_start)]):
        if token.start < clause_start or len(stems) == FALLBACK_WORDS:
            break
        if context.figure_at(token.start) is not None:
            continue
        if any(p <= token.start < q for p, q, _ in context.periods):
            continue
        if change and _is_change_word(token.word, tables):
            continue
        stems.append(token.stem)
    return " ".join(reversed(stems)) or None


def _is_change(text: str, figure: _Found, context: _Context, tables: _Tables) -> bool:
    """Whether the figure states a change ("up 5.7%", "выросла на 5,7%", "5% more") rather than a level.

    A percentage needs a change word near it or "by"/"на" right before it; an amount needs both
    ("rose by $19bn", "выросли на 2,5 трлн рублей"), since "cut 2,850 jobs" counts jobs.
    """
    clause = context.clause(figure.start)
    c_start = context.clause_breaks[clause - 1] if clause > 0 else context.start
    c_end = context.clause_breaks[clause] if clause < len(context.clause_breaks) else context.end
    before = [_fold(w) for w in _RAW_WORD.findall(text, c_start, figure.cue_start)][-CHANGE_WORDS_BEFORE:]
    after = [_fold(w) for w in _RAW_WORD.findall(text, figure.end, max(figure.end, c_end))][
        :CHANGE_WORDS_AFTER
    ]
    previous = before[-1] if before else ""
    if previous in tables.level_prepositions:
        return False
    percent = figure.unit in _PERCENT_UNITS
    if previous in tables.change_prepositions:
        return percent or any(_is_change_word(w, tables) for w in [*before[:-1], *after])
    return percent and any(_is_change_word(w, tables) for w in [*before, *after])


def _is_change_word(word: str, tables: _Tables) -> bool:
    """Whether a folded word speaks of a change ("rose", "выросла", "up", "больше")."""
    return word in tables.change_words or (bool(tables.change_stems) and word.startswith(tables.change_stems))


def _periods(sentence: str, offset: int, tables: _Tables) -> list[tuple[int, int, str]]:
    """Period expressions of a lower-cased sentence as (start, end, normalised label)."""
    found = []
    for pattern, label in tables.periods:
        for match in pattern.finditer(sentence):
            found.append((match.start() + offset, match.end() + offset, match.expand(label)))
    return found


def _period(figure: _Found, periods: list[tuple[int, int, str]]) -> str | None:
    """The period nearest the figure in its sentence (one after it counts a little farther)."""
    best: tuple[float, str] | None = None
    for start, end, label in periods:
        if end <= figure.cue_start:
            distance = float(figure.cue_start - end)
        elif start >= figure.end:
            distance = (start - figure.end) * PERIOD_AFTER_WEIGHT
        else:
            continue
        if best is None or distance < best[0]:
            best = (distance, label)
    return best[1] if best else None
