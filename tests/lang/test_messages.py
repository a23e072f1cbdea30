"""The web UI's message catalogues (``nutgraf.lang.<code>.messages``): every language's has English's
ids and placeholders, plural forms by its own rule, and the loader falls back to English."""

from __future__ import annotations

import sys
from datetime import date
from types import ModuleType

import pytest

from nutgraf.lang import SUPPORTED
from nutgraf.lang.messages import (
    FALLBACK,
    PLURAL_CATEGORIES,
    accept_language,
    catalogue,
    placeholders,
    plural_base,
    translator,
)

LANGUAGES = tuple(dict.fromkeys([*SUPPORTED, *(["fr"] if catalogue("fr") is not None else [])]))
"""Every registered language, and French while it has a catalogue but is not registered yet."""


def _shape(module: ModuleType) -> tuple[dict[str, set[str]], dict[str, dict[str, set[str]]]]:
    """A catalogue's plain ids with their placeholders, and its plural ids with each form's."""
    plain: dict[str, set[str]] = {}
    plurals: dict[str, dict[str, set[str]]] = {}
    for key, text in module.MESSAGES.items():
        base = plural_base(key)
        if base is None:
            plain[key] = placeholders(text)
        else:
            plurals.setdefault(base, {})[key.rpartition(".")[2]] = placeholders(text)
    return plain, plurals


def test_every_language_has_a_catalogue():
    assert FALLBACK in SUPPORTED and "fr" in LANGUAGES
    for code in LANGUAGES:
        assert catalogue(code) is not None, f"nutgraf.lang.{code}.messages is missing"
        assert translator(code).code == code


@pytest.mark.parametrize("code", LANGUAGES)
def test_catalogue_has_english_ids_and_placeholders(code):
    module = catalogue(code)
    english_plain, english_plurals = _shape(catalogue(FALLBACK))
    plain, plurals = _shape(module)
    assert sorted(set(plain) ^ set(english_plain)) == [], f"{code}: ids differ from English's"
    assert sorted(set(plurals) ^ set(english_plurals)) == [], f"{code}: plural ids differ from English's"
    for key, names in plain.items():
        assert names == english_plain[key], f"{code} {key}: placeholders {names} != {english_plain[key]}"
    forms = set(module.PLURAL_FORMS)
    assert forms <= set(PLURAL_CATEGORIES), forms
    for base, by_form in plurals.items():
        assert set(by_form) == forms, f"{code} {base}: forms {sorted(by_form)} != {sorted(forms)}"
        expected = set().union(*english_plurals[base].values())
        for form, names in by_form.items():
            assert names == expected, f"{code} {base}.{form}: placeholders {names} != {expected}"


@pytest.mark.parametrize("code", LANGUAGES)
def test_messages_are_text_that_formats(code):
    module = catalogue(code)
    for key, text in module.MESSAGES.items():
        assert isinstance(text, str) and text.strip() and text == text.strip(), (code, key)
        filled = text.format_map({name: "X" for name in placeholders(text)})  # no stray brace
        assert "{" not in filled and "}" not in filled, (code, key)
    for n in range(1000):
        assert module.plural(n) in module.PLURAL_FORMS, (code, n)


@pytest.mark.parametrize(
    ("code", "counts"),
    [
        ("en", {0: "0 articles", 1: "1 article", 2: "2 articles", 21: "21 articles"}),
        (
            "ru",
            {
                0: "0 статей",
                1: "1 статья",
                2: "2 статьи",
                4: "4 статьи",
                5: "5 статей",
                11: "11 статей",
                12: "12 статей",
                14: "14 статей",
                21: "21 статья",
                22: "22 статьи",
                101: "101 статья",
                111: "111 статей",
            },
        ),
        ("fr", {0: "0 article", 1: "1 article", 2: "2 articles", 21: "21 articles"}),
    ],
)
def test_plural_forms(code, counts):
    translate = translator(code)
    assert {n: translate("articles", n=n) for n in counts} == counts


def test_values_fill_placeholders_and_dates_are_the_languages():
    assert translator("en")("story.number", id=7) == "Story 7"
    assert translator("ru")("story.number", id=7) == "Сюжет 7"
    assert translator("ru")("entity.mentions", n=3) == "упоминается в 3 статьях"
    assert translator("en").date(date(2026, 3, 4)) == "04 Mar 2026"
    assert translator("ru").date(date(2026, 5, 9)) == "09 мая 2026"
    assert translator("fr").date(date(2026, 8, 1), year=False) == "01 août"
    braces = translator("en")("feed.entity_title", name="{n} <b>")  # values are not formats
    assert braces == "Nutgraf: {n} <b>"


def test_a_language_without_catalogue_reads_english():
    for code in ("xx", "de", None, "", "../en", "en.messages"):
        assert translator(code).code == FALLBACK
    assert translator("de")("story.digest") == "Digest"
    with pytest.raises(KeyError, match=r"no\.such"):
        translator("ru")("no.such.message")
    assert translator("ru")("no.such.message", default="<raw>") == "<raw>"


def test_a_missing_message_falls_back_to_english(monkeypatch):
    package = ModuleType("nutgraf.lang.zz")
    package.__path__ = []  # a package, as a language folder is
    partial = ModuleType("nutgraf.lang.zz.messages")
    partial.PLURAL_FORMS = ("other",)
    partial.plural = lambda n: "other"
    partial.MESSAGES = {"story.digest": "Zz-digest"}
    monkeypatch.setitem(sys.modules, "nutgraf.lang.zz", package)
    monkeypatch.setitem(sys.modules, "nutgraf.lang.zz.messages", partial)
    catalogue.cache_clear()
    translator.cache_clear()
    try:
        translate = translator("zz")
        assert translate.code == "zz" and translate("story.digest") == "Zz-digest"
        assert translate("story.timeline") == "Timeline"
        assert translate("articles", n=1) == "1 article"  # English's form, by English's rule
    finally:
        catalogue.cache_clear()
        translator.cache_clear()


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7", "ru"),
        ("en-GB,en;q=0.9,ru;q=0.8", "en"),
        ("de-DE,de;q=0.9,ru;q=0.5,en;q=0.4", "ru"),
        ("en;q=0.5, RU", "ru"),  # weights, not order, then case-insensitive
        ("ru;q=0, en;q=0.1", "en"),  # q=0: not acceptable
        ("de, *", None),
        ("de-CH", None),
        ("", None),
        (None, None),
        ("ru;q=abc, ;;, en", "en"),  # what cannot be read is skipped
    ],
)
def test_accept_language(header, expected):
    assert accept_language(header, ("en", "ru")) == expected
