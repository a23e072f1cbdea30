"""Every field is sanitised at the door (issue 23): one hostile field never costs the batch.

Lone surrogates become U+FFFD, NULs and other control characters go, and a publication date
outside 1900 .. today + 1 year is dropped with a warning while the article itself is kept.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nutgraf.ingest import iter_documents
from nutgraf.ingest.sanitize import (
    MIN_PUBLISHED,
    clean_field,
    sane_published,
    sanitize_document,
    terminal_safe,
)
from nutgraf.model import RawDocument
from nutgraf.pipeline import ingest
from nutgraf.store import open_store

# Invented reports; each is about a different small event so that none is a duplicate of another.
TOPICS = [
    (
        "Lakeside bakery",
        "The lakeside bakery in Orvale reopened on Tuesday after a flood closed it in May.",
        "Its owner said the new ovens had arrived from a workshop in the hills.",
    ),
    (
        "Tram depot",
        "Workers at the Castlemere tram depot finished repainting the oldest carriages this week.",
        "The carriages return to the harbour line before the summer timetable starts.",
    ),
    (
        "Bridge survey",
        "Engineers began a survey of the Penhallow footbridge after residents reported cracks.",
        "The council closed one lane of the crossing while the survey continues.",
    ),
    (
        "Choir tour",
        "The Westbury youth choir left on Friday for a two-week tour of northern harbour towns.",
        "Parents raised the money for the coach with a series of bake sales.",
    ),
    (
        "Orchard harvest",
        "Growers near Ambleford said the apple harvest came in early thanks to a warm spring.",
        "The cider press at the old mill will open a fortnight sooner than usual.",
    ),
    (
        "Library clock",
        "The clock above the Dunmore library chimed again after volunteers repaired its gears.",
        "A retired watchmaker led the repairs over three weekends.",
    ),
    (
        "Ferry timetable",
        "The island ferry published a winter timetable with two extra evening sailings.",
        "Commuters had asked for a later boat home since the autumn.",
    ),
    (
        "Museum roof",
        "The maritime museum in Greyhaven reopened its upper gallery once the roof was mended.",
        "Visitors can again see the collection of ship models kept there.",
    ),
]


def _record(number: int, **overrides) -> dict:
    title, lead, more = TOPICS[number]
    record = {
        "id": f"rec-{number}",
        "url": f"https://invented-news.example/local/story-{number}",
        "title": title,
        "text": f"{lead}\n\n{more}",
        "source": "Invented Courier",
        "author": "Staff Reporter",
        "published": f"2026-03-{number + 1:02d}T09:00:00",
    }
    record.update(overrides)
    return record


def _write_jsonl(path, records) -> None:
    # ensure_ascii keeps "\ud800" as the escape scraped JSON carries (the file itself is valid UTF-8)
    path.write_text("\n".join(json.dumps(record) for record in records) + "\n", encoding="utf-8")


def _ingest_file(path, db):
    with open_store(db) as store:
        report = ingest(iter_documents([str(path)]), store)
        articles = {article.external_id: article for article in store.iter_articles()}
    return report, articles


LONE = "\ud800"


def test_a_lone_surrogate_in_any_field_costs_nothing(tmp_path):
    fields = ("text", "title", "source", "author", "url", "id")
    records = [_record(0)]
    for number, name in enumerate(fields, start=1):
        record = _record(number)
        record[name] = record[name][:8] + LONE + record[name][8:]
        records.append(record)
    records.append(_record(7))  # good ones first and last
    path = tmp_path / "batch.jsonl"
    _write_jsonl(path, records)
    report, articles = _ingest_file(path, tmp_path / "all.db")
    assert report.failures == [] and report.new == len(records), report
    for article in articles.values():
        values = (article.text, article.title, article.outlet, article.author, article.url, article.source)
        assert not any("\ud800" <= ch <= "\udfff" for value in values if value for ch in value)
    assert "lakeside" not in articles["rec-1"].text and "\ufffd" in articles["rec-1"].text
    assert articles["rec-2"].title == "Bridge s\ufffdurvey"
    assert articles["rec-3"].outlet == "Invented\ufffd Courier"
    assert articles["rec-4"].author == "Staff Re\ufffdporter"
    assert articles["rec-5"].url.startswith("https://\ufffdinvented")
    assert "rec-6\ufffd" in articles

    # the good records come out exactly as they do in a batch of their own
    alone = tmp_path / "good.jsonl"
    _write_jsonl(alone, [records[0], records[-1]])
    _, good = _ingest_file(alone, tmp_path / "good.db")
    for key in ("rec-0", "rec-7"):
        mine, theirs = articles[key], good[key]
        assert (mine.title, mine.text, mine.published, mine.summary) == (
            theirs.title,
            theirs.text,
            theirs.published,
            theirs.summary,
        )


def test_nul_and_control_characters_are_removed(db_url, tmp_path):
    records = [
        _record(
            0, text=_record(0)["text"].replace("reopened", "re\x00opened\x07"), title="Lakeside\x00 bakery"
        ),
        _record(1, author="Staff\x00 Reporter", source="Invented\x00 Courier\x1b[2J"),
        _record(2),
    ]
    path = tmp_path / "nul.jsonl"
    _write_jsonl(path, records)
    report, articles = _ingest_file(path, db_url)
    assert report.failures == [] and report.new == 3, report
    assert articles["rec-0"].title == "Lakeside bakery"
    assert "reopened" in articles["rec-0"].text
    assert articles["rec-1"].author == "Staff Reporter"
    assert articles["rec-1"].outlet == "Invented Courier"
    for article in articles.values():
        for value in (article.text, article.title, article.outlet or "", article.author or ""):
            assert not any(ord(ch) < 32 and ch not in "\t\n\r" for ch in value)


@pytest.mark.parametrize("published", ["9999-12-31", "0001-01-01", "1899-12-31T23:00:00", -1e10, 1e400])
def test_a_date_out_of_range_is_dropped_not_the_article(tmp_path, published):
    path = tmp_path / "dates.jsonl"
    records = [_record(0, published=published), _record(1)]
    # 1e400 is how a scraper writes a number too big for a double: Python's json reads it as inf
    path.write_text("\n".join(json.dumps(r) for r in records).replace("Infinity", "1e400") + "\n")
    report, articles = _ingest_file(path, tmp_path / "dates.db")
    assert report.failures == [] and report.new == 2, report
    assert articles["rec-0"].published is None
    assert articles["rec-1"].published == datetime(2026, 3, 2, 9, 0)
    if published != 1e400:  # infinity is no date at all: nothing to warn about
        assert [w.origin for w in report.warnings] == [f"{path}#L1"]
        assert "published" in report.warnings[0].reason and "warning" in report.summary_line()
    if isinstance(published, str):
        assert published[:4] in report.warnings[0].reason


def test_a_dateline_out_of_range_in_the_text_is_dropped(tmp_path):
    text = "Lakeside bakery\n\n31.12.9999\n\n" + "\n\n".join(TOPICS[0][1:])
    path = tmp_path / "dateline.jsonl"
    _write_jsonl(path, [{"id": "d-1", "text": text}])
    report, articles = _ingest_file(path, tmp_path / "dateline.db")
    assert report.failures == [] and report.new == 1, report
    assert articles["d-1"].published is None and report.warnings


def test_sane_published_bounds():
    now = datetime(2026, 5, 1, 12, 0)
    assert sane_published(datetime(2026, 4, 30), now=now) == datetime(2026, 4, 30)
    assert sane_published(MIN_PUBLISHED, now=now) == MIN_PUBLISHED
    assert sane_published(now + timedelta(days=360), now=now) is not None
    assert sane_published(now + timedelta(days=400), now=now) is None
    assert sane_published(datetime(1899, 12, 31), now=now) is None
    assert sane_published(datetime.max, now=now) is None
    aware = datetime.fromisoformat("9999-12-31T23:00:00-05:00")
    assert sane_published(aware, now=now) is None


def test_sanitize_document_keeps_a_clean_document_as_is():
    raw = RawDocument(origin="a.txt", content="Plain\ttext\r\nwith lines.", kind="text", source_key="a")
    cleaned, warnings = sanitize_document(raw)
    assert cleaned == raw and warnings == []


def test_sanitize_document_every_field():
    raw = RawDocument(
        origin="x\x00.jsonl#L1",
        content="a\x00b\x1b[31mred\x1b[0m\ud800 c\x0cd",
        kind="text",
        source_key="k\udc80",
        url="https://e.example/\x00a",
        title="T\x1b]0;owned\x07itle",
        published=datetime(9999, 12, 31),
        outlet="O\x7futlet",
        language="e\x00n",
        external_id="id\ud800",
        author="A\x08uthor",
    )
    cleaned, warnings = sanitize_document(raw)
    assert cleaned.content == "abred\ufffd c\nd"
    assert cleaned.title == "Title" and cleaned.outlet == "Outlet" and cleaned.author == "Author"
    assert cleaned.language == "en" and cleaned.external_id == "id\ufffd" and cleaned.source_key == "k\ufffd"
    assert cleaned.url == "https://e.example/a" and cleaned.origin == "x.jsonl#L1"
    assert cleaned.published is None and len(warnings) == 1 and warnings[0].origin == "x.jsonl#L1"


def test_clean_field_joins_surrogate_pairs():
    assert clean_field("\ud83d\ude00 ok") == "\U0001f600 ok"


HOSTILE_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(exclude_categories=()),  # anything, surrogates included
        st.sampled_from("\x00\x07\x08\x0b\x0c\r\x1b\x1c\x7f\x90\x9b\x9c\x9d\ud800\udc00\u202e\u2066[]\\;0J"),
    )
)


@given(HOSTILE_TEXT)
def test_clean_field_output_always_encodes_and_has_no_bad_controls(text):
    cleaned = clean_field(text)
    cleaned.encode("utf-8")
    assert not any(ord(ch) < 32 and ch not in "\t\n\r" for ch in cleaned) and "\x7f" not in cleaned


@given(HOSTILE_TEXT)
def test_terminal_safe_leaves_nothing_a_terminal_acts_on(text):
    safe = terminal_safe(text)
    safe.encode("utf-8")
    for ch in safe:
        assert ch in "\t\n" or not (ord(ch) < 32 or 0x7F <= ord(ch) <= 0x9F), repr(safe)
        assert ch not in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def test_terminal_safe_removes_whole_escape_sequences():
    assert terminal_safe("\x1b]0;owned\x07Headline\x1b[2J \x1b[1;31mred\x1b[0m") == "Headline red"
    assert terminal_safe("a\u202eb\x9b2Jc\rd\x9d0;t\x9ce") == "abcde"
    assert terminal_safe("Ферри\tline\nnext") == "Ферри\tline\nnext"


@pytest.mark.parametrize("moment", [datetime.min, datetime.max, datetime(9999, 12, 31), datetime(1, 1, 1, 5)])
def test_grouping_time_windows_never_overflow(moment):
    from nutgraf.stories.grouping import StoryIndex

    weeks = StoryIndex()._weeks(moment)  # defence in depth: the door keeps such dates out
    assert weeks is not None and moment.toordinal() // 7 in weeks and None in weeks
