"""Facts on which sources disagree: same subject and unit, values beyond rounding, same moment."""

from __future__ import annotations

from datetime import datetime

from nutgraf.analyze.dates import extract_dates
from nutgraf.analyze.figures import extract_figures
from nutgraf.model import Article
from nutgraf.stories import disagreements

PUBLISHED = datetime(2026, 8, 6, 9)  # a Thursday


def _report(article_id: int, text: str, language: str = "en") -> Article:
    return Article(
        id=article_id,
        source=f"outlet-{article_id}",
        text=text,
        title=text[:30],
        language=language,
        content_hash=str(article_id),
        source_key=f"outlet-{article_id}",
        outlet=f"Outlet {article_id}",
        published=PUBLISHED,
        figures=extract_figures(text, language),
        dates=extract_dates(text, language, PUBLISHED),
    )


def _subjects(articles: list[Article]) -> list[str]:
    return [found["subject"] for found in disagreements(articles)]


def test_different_values_for_the_same_moment_disagree():
    tuesday = _report(1, "The Copper Ridge fire had burned 9,000 acres on Tuesday, officials said.")
    undated = _report(2, "The Copper Ridge fire has burned 14,300 acres, officials said.")
    also_tuesday = _report(3, "On Tuesday the Copper Ridge fire had burned 14,300 acres, officials said.")
    assert _subjects([tuesday, undated]) == ["area_burned"]
    assert _subjects([tuesday, also_tuesday]) == ["area_burned"]


def test_values_dated_to_different_days_are_a_change_not_a_disagreement():
    tuesday = _report(1, "The Copper Ridge fire had burned 9,000 acres on Tuesday, officials said.")
    wednesday = _report(
        2, "By Wednesday morning the Copper Ridge fire had burned 14,300 acres, officials said."
    )
    assert _subjects([tuesday, wednesday]) == []
    peak = _report(3, "Утром во вторник уровень воды у гидропоста составил 912 сантиметров.", "ru")
    falling = _report(4, "К утру четверга уровень воды у гидропоста опустился до 884 сантиметров.", "ru")
    assert _subjects([peak, falling]) == []
