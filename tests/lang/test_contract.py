"""The language contract (``nutgraf.lang.contract``) holds for every registered language, and
breaking it fails with a message that names the section."""

from __future__ import annotations

import types

import pytest

from nutgraf.errors import ConfigError
from nutgraf.lang import SUPPORTED, get_language
from nutgraf.lang.contract import SECTIONS, check, problems, section

LANGUAGES = [*SUPPORTED, "xx"]


def copy_of(code: str, **changes) -> types.ModuleType:
    """A copy of a language module with some sections replaced (a value of None removes one)."""
    original = get_language(code)
    module = types.ModuleType(f"{original.__name__}_copy")
    module.__dict__.update({k: v for k, v in vars(original).items() if not k.startswith("__")})
    for name, value in changes.items():
        if value is None:
            del module.__dict__[name]
        else:
            setattr(module, name, value)
    return module


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_language_keeps_the_contract(code):
    module = get_language(code)
    assert problems(module) == []
    assert module.CODE == (code if code in SUPPORTED else "xx")


@pytest.mark.parametrize("code", SUPPORTED)
def test_full_languages_give_what_the_analyzers_need(code):
    module = get_language(code)
    months = section(module, "MONTHS")
    assert set(months.values()) == set(range(1, 13))
    for name in ("SPEECH_VERBS", "WEEKDAYS", "STOPWORDS", "FIGURE_UNITS", "DANGLING_STARTS", "CREDIT_LABELS"):
        assert section(module, name), name
    assert section(module, "recognize") is not None


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("name", [name for name, spec in SECTIONS.items() if spec.required])
def test_removing_a_required_section_fails_naming_it(code, name):
    broken = copy_of(code, **{name: None})
    with pytest.raises(ConfigError, match=name):
        check(broken)
    with pytest.raises(ConfigError, match=name):
        section(broken, name)


@pytest.mark.parametrize(
    ("changes", "named"),
    [
        ({"MONTHS": {"january": 1, "february": 2}}, "MONTHS"),
        ({"SPEECH_VERBS": ("said", "Told")}, "SPEECH_VERBS"),
        ({"STOPWORDS": "the a an"}, "STOPWORDS"),
        ({"STEMMER": "klingon"}, "STEMMER"),
        ({"FURNITURE_PATTERNS": ("(unclosed",)}, "FURNITURE_PATTERNS"),
        ({"DATE_MONTH_FIRST": "yes"}, "DATE_MONTH_FIRST"),
        ({"WEEKDAY_NUMBERS": {"monday": 0}}, "WEEKDAY_NUMBERS"),
        ({"FIGURE_UNIT": {"km": "km"}}, "FIGURE_UNITS"),  # a typo of a section's name
    ],
)
def test_a_malformed_section_is_named(changes, named):
    with pytest.raises(ConfigError, match=named):
        check(copy_of("en", **changes))


def test_an_absent_optional_section_gets_the_contracts_default():
    bare = copy_of("xx")
    assert section(bare, "SPEECH_VERBS") == frozenset()
    assert section(bare, "WEEKDAY_AHEAD_TENSES") == ("futr",)
    assert section(bare, "entity_lemma")("Vladimir Putin", "PER") == "vladimir putin"
    assert section(bare, "recognize") is None
    with pytest.raises(KeyError):
        section(bare, "SPEECH_VERB")  # a reader's typo is an error, not a default


def test_letters_and_folds_come_from_the_languages():
    import re

    from nutgraf.lang import fold, letters

    capital = re.compile(f"[{letters('upper')}]")
    small = re.compile(f"[{letters('lower')}]")
    assert all(capital.fullmatch(ch) for ch in "QЁЯ") and not capital.match("q")
    assert all(small.fullmatch(ch) for ch in "qёя") and not small.match("Q")
    assert fold("ёлка и ежи") == "елка и ежи"


def test_other_names_of_a_language_map_to_its_code():
    from nutgraf.pipeline import _language_code
    from nutgraf.summarize.llm import _language_name

    assert [_language_code(v) for v in ("English", "eng", "ru_RU", "Русский", "fr-FR", "Français", "")] == [
        "en",
        "en",
        "ru",
        "ru",
        "fr",
        "fr",
        None,
    ]
    assert [_language_name(v) for v in ("ru", "en", None, "fr", "de")] == [
        "Russian",
        "English",
        "English",
        "French",
        "de",
    ]
