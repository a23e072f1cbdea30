"""Two issues of a series are two stories; two outlets' reports of one issue are one (issue 22)."""

from __future__ import annotations

import json

from nutgraf.ingest import iter_documents
from nutgraf.pipeline import IngestOptions, ingest
from nutgraf.store import open_store

DAYS = {
    "8": ("a grey, wet day", "rain spreading from the coast by mid-morning", 50, 9, 2),
    "16": ("a cold, bright start", "showers reaching the coast by the afternoon", 40, 7, -1),
    "18": ("a mild and breezy day", "drizzle clearing from the valley by noon", 60, 11, 5),
}


def forecast(outlet: str, day: str, number: int) -> dict:
    kind, rain, gusts, high, low = DAYS[day]
    if outlet == "Valley Post":
        text = (
            f"The Elsworth valley faces {kind} on {day} November, the weather office said, with "
            f"{rain}. Expect gusts of up to {gusts} km/h on the ridges, a top temperature of {high} "
            f"degrees in town and {low} degrees overnight. The moor road will be slow and the Kell "
            "Island ferry could run fewer crossings."
        )
    else:
        text = (
            f"Forecasters at the Elsworth weather office expect {kind} across the valley, with "
            f"{rain} and winds gusting to {gusts} km/h on the ridges. Daytime temperatures will "
            f"reach {high} degrees in Elsworth town, falling to {low} degrees overnight. Drivers on "
            "the moor road are asked to allow extra time, and the ferry to Kell Island may run a "
            "reduced timetable if the gusts strengthen."
        )
    return {
        "id": f"{outlet}-{number}",
        "outlet": outlet,
        "lang": "en",
        "title": f"Elsworth weather forecast for {day} November",
        "text": text,
    }


def test_daily_forecasts_are_a_series_not_one_story(tmp_path):
    feed = tmp_path / "forecasts.jsonl"
    records = [
        forecast("Elsworth Courier", "8", 1),
        forecast("Valley Post", "8", 2),  # the same day's forecast from another outlet
        forecast("Elsworth Courier", "16", 3),
        forecast("Elsworth Courier", "18", 4),
    ]
    feed.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    with open_store(tmp_path / "s.db") as store:
        report = ingest(iter_documents([str(feed)]), store, options=IngestOptions(workers=1))
        assert report.failures == []
        story_of = {a.external_id: a.story_id for a in store.iter_articles()}
    assert story_of["Elsworth Courier-1"] == story_of["Valley Post-2"]
    assert (
        len({story_of["Elsworth Courier-1"], story_of["Elsworth Courier-3"], story_of["Elsworth Courier-4"]})
        == 3
    )
