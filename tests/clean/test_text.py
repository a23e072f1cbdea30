from datetime import datetime

import pytest

from nutgraf.clean import clean_text
from nutgraf.clean.text import join_broken_lines, parse_dateline, split_title, title_from_sentence


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
