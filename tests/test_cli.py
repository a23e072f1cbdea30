"""The CLI contract: commands, field names scripts rely on, one-line errors and exit codes."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from nutgraf.cli import app

runner = CliRunner()

ARTICLE = (
    "Ferry resumes service after repairs\n\nThe ferry between Westbury and the island resumed service on Monday "
    "after repairs to its engine, the operator said in a statement.\n\n"
    "About 300 passengers travelled on the first sailing, according to the harbour master."
)
EXPORT_FIELDS = {
    "id",
    "external_id",
    "source",
    "url",
    "outlet",
    "title",
    "title_derived",
    "language",
    "published",
    "author",
    "text",
    "summary",
    "story_id",
    "copy_of",
    "entities",
    "quotes",
    "citations",
    "dates",
    "figures",
}
STORY_FIELDS = {
    "id",
    "title",
    "languages",
    "article_ids",
    "articles",
    "summary",
    "timeline",
    "disagreements",
    "entities",
}


def invoke(*args: str, input: str | bytes | None = None):
    return runner.invoke(app, list(args), input=input, catch_exceptions=False)


@pytest.fixture
def filled_db(tmp_path, samples):
    db = str(tmp_path / "cli.db")
    result = invoke("ingest", str(samples), "--db", db)
    assert result.exit_code == 0, result.output
    return db


def _sample_count(gold) -> int:
    return sum(len(event["articles"]) for event in gold["events"].values())


def test_ingest_reports_one_line(filled_db, tmp_path, samples, gold):
    result = invoke("ingest", str(samples), "--db", filled_db)
    assert result.exit_code == 0
    assert f"0 new, {_sample_count(gold)} duplicates, 0 failed" in result.stdout


def test_ingest_json_report_and_stdin(tmp_path):
    db = str(tmp_path / "x.db")
    result = invoke("ingest", "-", "--db", db, "--json", input=ARTICLE.encode("utf-8"))
    report = json.loads(result.stdout)
    assert (report["new"], report["duplicates"], report["failed"]) == (1, 0, 0)
    assert result.exit_code == 0


def test_export_contract(filled_db, gold):
    result = invoke("export", "--db", filled_db)
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == _sample_count(gold)
    for record in lines:
        assert set(record) == EXPORT_FIELDS
        assert isinstance(record["summary"], list) and record["summary"]
        assert record["story_id"] is not None
    wire = next(r for r in lines if r["external_id"] == "cw-2026-0001")
    assert wire["outlet"] == "Continental Wire" and wire["url"].startswith(
        "https://continental-wire.example/"
    )
    assert wire["source"].endswith("wire-feed.jsonl#L1")


def test_an_exported_stand_in_title_stays_a_stand_in_when_read_back(tmp_path):
    """An article without a headline is titled by its first sentence; its export says so, and
    ingesting the export keeps it a stand-in, which never titles a story over a real headline."""
    db = str(tmp_path / "a.db")
    body = ARTICLE.split("\n\n", 1)[1]  # no headline line
    assert invoke("ingest", "-", "--db", db, input=body.encode("utf-8")).exit_code == 0
    exported = json.loads(invoke("export", "--db", db).stdout.splitlines()[0])
    assert exported["title_derived"] is True and body.startswith(exported["title"].rstrip("…"))
    copy = tmp_path / "export.jsonl"
    copy.write_text(json.dumps({**exported, "source": "Harbour Post"}) + "\n", encoding="utf-8")
    again = str(tmp_path / "b.db")
    assert invoke("ingest", str(copy), "--db", again).exit_code == 0
    record = json.loads(invoke("export", "--db", again).stdout.splitlines()[0])
    assert record["title_derived"] is True and record["title"] == exported["title"]


def test_stories_json_contract(filled_db):
    stories = json.loads(invoke("stories", "--db", filled_db, "--json").stdout)
    assert stories and all(STORY_FIELDS <= set(story) for story in stories)
    first = stories[0]
    assert {"id", "source", "title", "language", "outlet"} <= set(first["articles"][0])
    assert all({"text", "article_id", "outlet", "language"} == set(s) for s in first["summary"])
    dates = [s["last_published"] for s in stories if s["last_published"]]
    assert dates == sorted(dates, reverse=True)


def test_show_article_and_story(filled_db):
    article = json.loads(invoke("show", "3", "--db", filled_db, "--json").stdout)
    assert article["id"] == 3 and set(article) == EXPORT_FIELDS
    story = json.loads(invoke("show", f"s{article['story_id']}", "--db", filled_db, "--json").stdout)
    assert 3 in story["article_ids"]
    text = invoke("show", "3", "--db", filled_db)
    assert article["title"] in text.stdout


def test_summarize_command(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    result = json.loads(invoke("summarize", str(path), "--json", "--sentences", "1").stdout)
    assert result["language"] == "en" and len(result["sentences"]) == 1


def test_demo_no_serve(tmp_path, monkeypatch, gold):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "nutgraf-demo.db").write_text("stale file from an earlier run")
    result = invoke("demo", "--no-serve")
    assert result.exit_code == 0, result.output
    count = _sample_count(gold)
    assert f"{count} new" in result.stdout and f"{len(gold['events'])} stories" in result.stdout
    again = invoke("demo", "--no-serve")
    assert f"{count} new" in again.stdout  # re-created each run


@pytest.mark.parametrize(
    "args,message",
    [
        (("ingest", "does-not-exist.txt"), "no such file"),
        (("stories", "--db", "no/such/dir/x.db"), "does not exist"),
        (("show", "999"), "no article with id 999"),
        (("show", "s999"), "no story with id 999"),
        (("show", "abc"), "not an id"),
        (("summarize", "missing.txt"), "no such file"),
    ],
)
def test_user_mistakes_are_one_line_and_non_zero(tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(ARTICLE)
    assert invoke("ingest", "a.txt").exit_code == 0  # a store exists in ./nutgraf.db
    result = invoke(*args)
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1


def test_read_commands_need_an_existing_store(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for command in ("stories", "export"):
        result = invoke(command)
        assert result.exit_code == 1 and "no database at" in result.stderr
    (tmp_path / "other.db").write_bytes(b"")
    import sqlite3

    sqlite3.connect(tmp_path / "other.db").execute("create table t (x)").connection.commit()
    result = invoke("stories", "--db", "other.db")
    assert result.exit_code == 1 and "not a Nutgraf database" in result.stderr


def test_exit_status_zero_when_something_was_read(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE)
    (tmp_path / "empty.txt").write_text("")
    db = str(tmp_path / "x.db")
    mixed = invoke("ingest", str(tmp_path / "good.txt"), str(tmp_path / "empty.txt"), "--db", db)
    assert mixed.exit_code == 0 and "1 new, 0 duplicates, 1 failed" in mixed.stdout
    assert "empty.txt" in mixed.stderr
    only_bad = invoke("ingest", str(tmp_path / "empty.txt"), "--db", db)
    assert only_bad.exit_code == 1


def test_stories_tell_a_disagreement_as_a_reader_checks_it(filled_db):
    """The subject in words, each side's figure with its qualifier and its outlets, each claim's sentence."""
    result = invoke("stories", "--db", filled_db, "--limit", "100")
    lines = result.stdout.splitlines()
    (line,) = [line for line in lines if "sources disagree on investment" in line]
    assert "vs почти 1,5 млрд долларов (Северная правда)" in line and "_" not in line.split(":")[0]
    assert any("Северная правда: " in line and "почти 1,5 млрд долларов" in line for line in lines)
