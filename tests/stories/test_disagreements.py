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


def test_a_number_one_article_gives_under_two_subjects_is_no_claim():
    employs = _report(1, "The Leeds plant, which employs about 1,350 people, will close next year.")
    council = _report(
        2,
        'The council will help the 1,200 workers who will lose their jobs. "We will not let 1,200'
        " skilled people simply disappear from the city's workforce,\" the council leader said.",
    )
    assert {f.subject for f in council.figures if f.value == 1200} == {"job_cuts", "workforce"}
    assert _subjects([employs, council]) == []
    cut_more = _report(3, "The company said 1,500 workers will lose their jobs when the plant closes.")
    assert _subjects([council, cut_more]) == []  # the council's 1,200 is no claim
    told = _report(4, "The closure will cost 1,200 workers their jobs, the company said.")
    assert _subjects([told, cut_more]) == ["job_cuts"]


def test_cuts_are_told_apart_from_new_jobs_and_the_workforce():
    created = _report(1, "The new plant will create 500 jobs by 2027.")
    cut = _report(2, "The company is cutting 1,200 jobs at the plant by 2027.")
    employs = _report(3, "The plant employs 1,350 people and will cut costs.")
    assert _subjects([created, cut, employs]) == []
    lost = _report(4, "The closure will cost about 900 jobs, the union said.")
    assert _subjects([cut, lost]) == ["job_cuts"]


def test_jobs_and_workers_cut_are_one_quantity():
    jobs = _report(1, "The company is cutting 1,200 jobs at the plant.")
    workers = _report(2, "About 1,500 workers will lose their jobs at the plant, the union said.")
    assert _subjects([jobs, workers]) == ["job_cuts"]
    (found,) = disagreements([jobs, workers])
    assert found["unit"] == "jobs" and {c["unit"] for c in found["claims"]} == {"jobs", "people"}
    # ...while a count of people and one of homes stay apart under any key
    homes = _report(3, "The storm damaged 300 homes on the coast.")
    people = _report(4, "The storm damaged the homes of 900 people on the coast.")
    assert _subjects([homes, people]) == []


def test_a_disagreement_reads_as_a_reader_checks_it():
    """Its subject as a reader says it, in the reader's language; each side's figure with its
    qualifier and every outlet giving it; each claim's own sentence."""
    first = _report(1, "Trade between the two countries reached $50 billion in 2025, officials said.")
    second = _report(2, "Bilateral trade rose to nearly $60 billion in 2025, the ministry said.")
    third = _report(3, "Trade between the two countries was about $50 billion in 2025, the agency said.")
    (found,) = disagreements([first, second, third])
    assert found["subject"] == "trade_turnover" and found["label"] == "trade turnover"
    assert disagreements([first, second], "ru")[0]["label"] == "товарооборот"
    sides = [(side["stated"], side["outlets"]) for side in found["sides"]]
    assert sides == [("$50 billion", ["Outlet 1", "Outlet 3"]), ("nearly $60 billion", ["Outlet 2"])]
    sentences = {claim["outlet"]: claim["sentence"] for claim in found["claims"]}
    assert sentences["Outlet 2"] == "Bilateral trade rose to nearly $60 billion in 2025, the ministry said."
    russian = _report(4, "Товарооборот составил почти 60 млрд долларов в 2025 году.", "ru")
    (mixed,) = disagreements([first, russian], "fr")
    assert [side["stated"] for side in mixed["sides"]] == ["$50 billion", "почти 60 млрд долларов"]
    assert mixed["label"] == "échanges commerciaux"
