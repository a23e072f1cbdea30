"""The behavioural table tests of every language, read from its case file (issue 26).

Each registered language (``nutgraf.lang.SUPPORTED``) brings ``tests/lang/cases/<code>.json`` with
cases of every kind in ``KINDS``, written as data; each case runs through the real analyzer for its
language and gets an id such as ``fr-dates-3`` (the third date case of French, counted from 1). A
language registered without a case file, or with a kind missing or nearly empty, fails
``test_every_registered_language_brings_its_cases``: a new language must bring its cases. A case
file of a language not registered yet is the specification of the module being written: its cases
are checked for shape now and skipped, with the reason, until the language is registered.

The shape of a case file (``LANGUAGE_KEYS`` and ``CASE_KEYS`` say which keys each part may hold;
a key not listed there fails ``test_case_files_are_well_formed``, so a typo cannot pass silently):

- ``published``: the publication date the date cases resolve against, unless a case gives its own
  (``null``: none).
- ``furniture_frame``: ``{"title", "body"}``, the page a one-line furniture case is put in: the
  title, the line, then the body, each its own paragraph, as ``nutgraf.clean.clean_text`` reads it.
- ``quotes``: ``{"text", "people", "quotes": [{"kind", "speaker", "text", "role"?}]}``. ``people``
  are the recognizer's person spans (every occurrence of each string), so the cases do not depend
  on an NER model; the quotes found must be exactly those listed, in text order.
- ``citations``: ``{"text", "people"?, "sources": [name or [one of these names], ...]}``: exactly
  these sources, in order.
- ``dates``: ``{"text", "published"?, "dates": [{"text", "date", "granularity", "certainty"?,
  "end_date"?}]}``: exactly these mentions, in text order.
- ``figures``: ``{"text", "figures": [{"text", "value", "unit", "approximate", "change"?,
  "subject"?, "period"?}]}``: exactly these figures, in text order. ``change``: whether the figure
  states a change (its subject is a ``..._change`` key) rather than a level.
- ``furniture``: ``{"line", "drop"}`` (the line in ``furniture_frame``: ``drop`` true, it must not be
  in the clean text nor be its title; false, it must be a paragraph of the clean text), or
  ``{"page", "drop": [lines], "keep": [lines]}`` for a whole page.
- ``sentences``: ``{"text", "sentences": [...]}``: the paragraph's sentences, exactly.
- ``summaries``: ``{"text", "title"?, "count"?, "people"?, "include": [...], "exclude": [...]}``: the
  one-shot summary (``nutgraf.summarize.summarize``, with ``people`` given so that no NER runs) of
  at most ``count`` sentences (3) has a sentence holding each ``include`` string and none holding an
  ``exclude`` string.
"""

from __future__ import annotations

import copy
import json
import math
from datetime import datetime
from functools import cache
from pathlib import Path

import pytest

from nutgraf.analyze.citations import extract_citations
from nutgraf.analyze.dates import extract_dates
from nutgraf.analyze.entities import link_entities
from nutgraf.analyze.figures import extract_figures
from nutgraf.analyze.quotes import extract_quotes
from nutgraf.clean import clean_text, normalize_text
from nutgraf.lang import SUPPORTED, split_sentences
from nutgraf.summarize import summarize

CASES = Path(__file__).resolve().parent / "cases"

KINDS = ("quotes", "citations", "dates", "figures", "furniture", "sentences", "summaries")
"""Every case file gives cases of each of these kinds."""

MIN_CASES = 5
"""A registered language gives at least this many cases of each kind."""

LANGUAGE_KEYS = {"published", "furniture_frame", *KINDS}

CASE_KEYS: dict[str, tuple[set[str], set[str]]] = {
    # kind: (required keys, optional keys) of one case
    "quotes": ({"text", "people", "quotes"}, set()),
    "citations": ({"text", "sources"}, {"people"}),
    "dates": ({"text", "dates"}, {"published"}),
    "figures": ({"text", "figures"}, set()),
    "sentences": ({"text", "sentences"}, set()),
    "summaries": ({"text", "include", "exclude"}, {"title", "count", "people"}),
}
EXPECTED_KEYS: dict[str, tuple[set[str], set[str]]] = {
    # kind: (required keys, optional keys) of one expected quote, date or figure
    "quotes": ({"kind", "speaker", "text"}, {"role"}),
    "dates": ({"text", "date", "granularity"}, {"certainty", "end_date"}),
    "figures": ({"text", "value", "unit", "approximate"}, {"change", "subject", "period"}),
}
FURNITURE_LINE_KEYS = {"line", "drop"}
FURNITURE_PAGE_KEYS = {"page", "drop", "keep"}


def case_files() -> dict[str, Path]:
    return {path.stem: path for path in sorted(CASES.glob("*.json"))}


@cache
def _load(language: str) -> dict:
    return json.loads(case_files()[language].read_text(encoding="utf-8"))


def load(language: str) -> dict:
    """The case file of ``language``, a copy that a test may change."""
    return copy.deepcopy(_load(language))


def _params() -> list:
    params = []
    for language in case_files():
        data = load(language)
        registered = language in SUPPORTED
        reason = (
            f"{language!r} is not in nutgraf.lang.SUPPORTED yet: its cases are the specification its "
            f"language module must pass once it is registered"
        )
        for kind in KINDS:
            for number, case in enumerate(data.get(kind, []), start=1):
                marks = () if registered else (pytest.mark.skip(reason=reason),)
                params.append(
                    pytest.param(language, kind, case, id=f"{language}-{kind}-{number}", marks=marks)
                )
    return params


# --- The case files themselves ------------------------------------------------------------------


def _missing(language: str) -> list[str]:
    """What ``language`` lacks to be registered: its case file, a kind, enough cases of a kind."""
    if language not in case_files():
        return [f"no case file tests/lang/cases/{language}.json"]
    data = _load(language)
    return [
        f"{language}.json has {len(data.get(kind, []))} {kind!r} cases, fewer than {MIN_CASES}"
        for kind in KINDS
        if len(data.get(kind, [])) < MIN_CASES
    ]


@pytest.mark.parametrize("language", SUPPORTED)
def test_every_registered_language_brings_its_cases(language):
    assert _missing(language) == []


def test_a_language_without_cases_or_a_kind_is_found(monkeypatch):
    assert _missing("xx") == ["no case file tests/lang/cases/xx.json"]
    without_dates = {k: v for k, v in _load("en").items() if k != "dates"}
    monkeypatch.setattr(f"{__name__}._load", lambda language: without_dates)
    assert _missing("en") == [f"en.json has 0 'dates' cases, fewer than {MIN_CASES}"]


def _shape_problems(data: dict) -> list[str]:
    found = [f"unknown section {key!r}" for key in data if key not in LANGUAGE_KEYS]
    frame = data.get("furniture_frame")
    if data.get("furniture") and not (isinstance(frame, dict) and set(frame) == {"title", "body"}):
        found.append("furniture_frame must be {'title', 'body'}")
    for kind in KINDS:
        for number, case in enumerate(data.get(kind, []), start=1):
            where = f"{kind}-{number}"
            keys = set(case)
            if kind == "furniture":
                if keys not in (FURNITURE_LINE_KEYS, FURNITURE_PAGE_KEYS):
                    found.append(f"{where}: keys {sorted(keys)}")
                continue
            required, optional = CASE_KEYS[kind]
            if not required <= keys <= required | optional:
                found.append(
                    f"{where}: keys {sorted(keys)}; needs {sorted(required)}, may add {sorted(optional)}"
                )
                continue
            if kind in EXPECTED_KEYS:
                need, may = EXPECTED_KEYS[kind]
                found += [f"{where}: {item}" for item in case[kind] if not need <= set(item) <= need | may]
    return found


@pytest.mark.parametrize("language", list(case_files()))
def test_case_files_are_well_formed(language):
    assert _shape_problems(_load(language)) == []


def test_a_misspelt_key_is_found():
    data = load("en")
    data["dates"][0]["dates"][0]["granularty"] = data["dates"][0]["dates"][0].pop("granularity")
    data["summaries"][0]["exlude"] = data["summaries"][0].pop("exclude")
    data["quote"] = data.pop("quotes")
    assert len(_shape_problems(data)) == 3


# --- Running one case ---------------------------------------------------------------------------


def person_spans(text: str, people: list[str]) -> list[tuple[int, int, str]]:
    """Every occurrence of each name as a PER span, longest names first, none overlapping."""
    spans: list[tuple[int, int, str]] = []
    for name in sorted(people, key=len, reverse=True):
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            if not any(s < end and start < e for s, e, _ in spans):
                spans.append((start, end, "PER"))
            start = text.find(name, start + 1)
    return sorted(spans)


def mentions_of(case: dict, language: str):
    return link_entities(case["text"], language, person_spans(case["text"], case.get("people", [])))[1]


def _as_expected(actual: dict, expected: dict) -> dict:
    """``actual`` with only the keys ``expected`` gives (so that an assertion's diff is readable)."""
    return {key: actual[key] for key in expected}


def run_quotes(case: dict, language: str) -> None:
    text = case["text"]
    quotes = extract_quotes(text, language, mentions_of(case, language), split_sentences(text, language))
    actual = [{"kind": q.kind, "speaker": q.speaker, "text": q.text, "role": q.role} for q in quotes]
    expected = case["quotes"]
    if len(actual) == len(expected):
        actual = [_as_expected(a, e) for a, e in zip(actual, expected, strict=True)]
    assert actual == expected


def _one_of(name: str, expected: str | list[str]) -> bool:
    return name in expected if isinstance(expected, list) else name == expected


def run_citations(case: dict, language: str) -> None:
    names = [c.name for c in extract_citations(case["text"], language, mentions_of(case, language))]
    expected = case["sources"]
    assert len(names) == len(expected) and all(map(_one_of, names, expected)), (names, expected)


def _published(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def run_dates(case: dict, language: str, published: str | None) -> None:
    text = case["text"]
    mentions = extract_dates(text, language, _published(case.get("published", published)))
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text
    actual = [
        {
            "text": m.text,
            "date": m.date,
            "granularity": m.granularity,
            "certainty": m.certainty,
            "end_date": m.end_date,
        }
        for m in mentions
    ]
    expected = case["dates"]
    if len(actual) == len(expected):
        actual = [_as_expected(a, e) for a, e in zip(actual, expected, strict=True)]
    assert actual == expected


def run_figures(case: dict, language: str) -> None:
    text = case["text"]
    figures = extract_figures(text, language)
    actual = []
    for figure in figures:
        assert text[figure.start : figure.end] == figure.text
        actual.append(
            {
                "text": figure.text,
                "value": figure.value,
                "unit": figure.unit,
                "approximate": figure.approximate,
                "change": bool(figure.subject and figure.subject.endswith("_change")),
                "subject": figure.subject,
                "period": figure.period,
            }
        )
    expected = case["figures"]
    if len(actual) == len(expected):
        actual = [_as_expected(a, e) for a, e in zip(actual, expected, strict=True)]
        for a, e in zip(actual, expected, strict=True):
            if math.isclose(a["value"], e["value"], rel_tol=1e-9):
                a["value"] = e["value"]  # 1.2e9 read from "1,2" need not be the float written here
    assert actual == expected


def run_furniture(case: dict, frame: dict) -> None:
    if "line" in case:
        page = f"{frame['title']}\n\n{case['line']}\n\n{frame['body']}"
        drop, keep = ([case["line"]], []) if case["drop"] else ([], [case["line"]])
    else:
        page, drop, keep = case["page"], case["drop"], case["keep"]
    cleaned = clean_text(page)
    paragraphs = cleaned.text.split("\n\n")
    for line in drop:
        line = normalize_text(line)
        assert line not in paragraphs and line != cleaned.title, f"{line!r} was kept: {paragraphs}"
    for line in keep:
        line = normalize_text(line)
        assert line in paragraphs, f"{line!r} was dropped: removed {cleaned.removed}, title {cleaned.title!r}"


def run_sentences(case: dict, language: str) -> None:
    assert [s.text for s in split_sentences(case["text"], language)] == case["sentences"]


def run_summaries(case: dict, language: str) -> None:
    count = case.get("count", 3)
    summary = summarize(case["text"], language=language, sentences=count, people=case.get("people", []))
    if "title" in case:
        assert summary.title == case["title"]
    chosen = summary.sentences
    assert 0 < len(chosen) <= count, chosen
    for part in case["include"]:
        assert any(part in sentence for sentence in chosen), f"no summary sentence holds {part!r}: {chosen}"
    for part in case["exclude"]:
        assert not any(part in sentence for sentence in chosen), (
            f"a summary sentence holds {part!r}: {chosen}"
        )


def run(language: str, kind: str, case: dict) -> None:
    data = _load(language)
    if kind == "dates":
        run_dates(case, language, data.get("published"))
    elif kind == "furniture":
        run_furniture(case, data["furniture_frame"])
    else:
        RUNNERS[kind](case, language)


RUNNERS = {
    "quotes": run_quotes,
    "citations": run_citations,
    "figures": run_figures,
    "sentences": run_sentences,
    "summaries": run_summaries,
}


@pytest.mark.parametrize(("language", "kind", "case"), _params())
def test_case(language, kind, case):
    run(language, kind, case)


# --- The cases can fail -------------------------------------------------------------------------


def _broken(kind: str, case: dict) -> dict | None:
    """``case`` with its expectation made wrong, or None when it has nothing to break."""
    case = copy.deepcopy(case)
    if kind in ("quotes", "dates", "figures"):
        if not case[kind]:
            return None
        expected = case[kind][0]
        if kind == "figures":
            expected["value"] *= 10
        else:
            expected["date" if kind == "dates" else "text"] = "nothing of the kind"
    elif kind == "citations":
        case["sources"].append("Nobody")
    elif kind == "furniture":
        if "line" not in case:
            return None
        case["drop"] = not case["drop"]
    elif kind == "sentences":
        case["sentences"] = [" ".join(case["sentences"])]
    else:
        case["include"].append("words no summary holds")
    return case


@pytest.mark.parametrize("language", [code for code in SUPPORTED if code in case_files()])
@pytest.mark.parametrize("kind", KINDS)
def test_a_wrong_expectation_fails(language, kind):
    """The first case of each kind that passes fails once its expectation is made wrong."""
    for case in _load(language)[kind]:
        broken = _broken(kind, case)
        if broken is None:
            continue
        try:
            run(language, kind, case)
        except AssertionError:
            continue  # a failing case is reported by test_case
        with pytest.raises(AssertionError):
            run(language, kind, broken)
        return
    pytest.skip(f"no passing {language} {kind} case to break")
