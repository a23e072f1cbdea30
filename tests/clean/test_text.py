from datetime import datetime

import pytest

from nutgraf.clean import ExtractedPage, clean_extracted, clean_text
from nutgraf.clean.text import join_broken_lines, parse_dateline, split_title, title_from_sentence, url_date


@pytest.mark.parametrize(
    "line,expected",
    [
        ("March 10, 2026 · 14:05", datetime(2026, 3, 10, 14, 5)),
        ("Wednesday, 22 April 2026", datetime(2026, 4, 22)),
        ("12 марта 2026, 10:15", datetime(2026, 3, 12, 10, 15)),
        ("6 декабря 2024 года", datetime(2024, 12, 6)),
        ("Published: 2026-03-10T09:30:00Z", datetime(2026, 3, 10, 9, 30)),
        ("10.03.2026", datetime(2026, 3, 10)),
    ],
)
def test_datelines(line, expected):
    assert parse_dateline(line) == expected


@pytest.mark.parametrize(
    "line", ["March 10, 2026 was a quiet day in Aktau.", "The 2026 budget", "31 февраля 2026"]
)
def test_not_datelines(line):
    assert parse_dateline(line) is None


@pytest.mark.parametrize(
    "url,expected",
    [
        ("https://continental-wire.example/2026/05/16/cup-final", datetime(2026, 5, 16)),
        ("https://vestnik.example/news/2025-03-14/parom.html", datetime(2025, 3, 14)),
        ("https://herald.example/2026/5/6/story", datetime(2026, 5, 6)),
        ("https://herald.example/world/cup-final-report", None),
        ("https://herald.example/2026/02/30/impossible", None),  # no such day
        ("https://herald.example/story?from=2026/05/16/", None),  # the query is not the path
        ("https://herald.example/id/1234/05/16/story", None),  # not a year
        (None, None),
    ],
)
def test_url_dates(url, expected):
    assert url_date(url) == expected


def test_a_document_without_a_date_takes_its_urls():
    page = ExtractedPage(
        text="Cup final\n\nRiverside United won the cup on Saturday.",
        url="https://continental-wire.example/2026/05/16/cup-final",
    )
    assert clean_extracted(page).published == datetime(2026, 5, 16)
    page.published = datetime(2026, 5, 17, 9, 30)  # metadata wins
    assert clean_extracted(page).published == datetime(2026, 5, 17, 9, 30)
    page.published, page.text = None, "Cup final\n\nMay 18, 2026\n\nRiverside United won the cup."
    assert clean_extracted(page).published == datetime(2026, 5, 18)  # and so does a dateline


def test_lines_broken_mid_sentence_are_joined():
    text = "«Ким Чен Ын, конечно, отдалился от Китая, \nначал проводить свою политику\n. Но это не всё», — сказал он.\nНовый абзац."
    joined = join_broken_lines(text)
    assert joined.split("\n") == [
        "«Ким Чен Ын, конечно, отдалился от Китая, начал проводить свою политику. Но это не всё», — сказал он.",
        "Новый абзац.",
    ]


def test_headline_line_becomes_title():
    title, rest = split_title(["", "Ferry safety checks ordered", "", "Body sentence one. Body two."])
    assert title == "Ferry safety checks ordered"
    assert rest == ["", "Body sentence one. Body two."]


def test_text_opening_with_a_sentence_has_no_headline():
    lines = [
        "During a long meeting at the palace near the city, the two presidents spoke about many things.",
        "More.",
    ]
    assert split_title(lines) == (None, lines)


def test_fallback_title_is_cut_at_a_word():
    sentence = (
        "During a formal meeting at the Konstantinovsky Palace near St. Petersburg, the Russian president spoke "
        "with his Belarusian counterpart at length."
    )
    title = title_from_sentence(sentence)
    assert title.endswith("…") and len(title) <= 111 and sentence.startswith(title[:-1])


def test_clean_text_removes_furniture_keeps_body():
    raw = (
        "3.76 BYN\n2.94 BYN\nTrade talks open in Aktau\nMarch 10, 2026 · 14:05\n\nNo time to read?\nGet a summary\n\n"
        "Ministers from both countries met on Tuesday to discuss the ferry corridor.\n\n"
        "No time to read?\nGet a summary\nPrevious Article\n\nCouncil approves tram line\n\nNext Article\n\n"
        "Snow closes mountain pass"
    )
    cleaned = clean_text(raw)
    assert cleaned.title == "Trade talks open in Aktau"
    assert cleaned.published == datetime(2026, 3, 10, 14, 5)
    assert cleaned.text == "Ministers from both countries met on Tuesday to discuss the ferry corridor."
    assert "Council approves tram line" in cleaned.removed and "3.76 BYN" in cleaned.removed
