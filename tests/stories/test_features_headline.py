"""The headline's calendar days and its other stems: what tells a series' issues apart (issue 22)."""

from __future__ import annotations

from nutgraf.model import Article
from nutgraf.stories.features import headline_days


def of(title: str, language: str) -> dict:
    article = Article(source="s", content_hash="h", source_key="k", title=title, text="x", language=language)
    return headline_days(article)


def test_a_day_in_the_headline_is_kept_apart_from_its_other_stems():
    assert of("Прогноз погоды на 8 ноября", "ru") == {
        "headline_days": ["11-08"],
        "headline_terms": ["погод", "прогноз"],
    }
    assert of("Weather for 16 November: rain", "en") == {
        "headline_days": ["11-16"],
        "headline_terms": ["rain", "weather"],
    }


def test_a_headline_without_a_calendar_day_has_none():
    assert of("Ferry talks resume", "en") == {}
    assert of("Talks resumed yesterday", "en") == {}  # a relative day is not an issue's date
    assert of("Talks resume in May", "en") == {}  # a month is not a day
