"""Article text is untrusted: what the CLI prints of it can never drive the terminal (issue 23).

Titles, outlets, summaries, file names and error reasons lose control characters (escape
sequences, C1 controls, bidi overrides) on the way out, and rich markup in them prints as text.
"""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from nutgraf.cli import app
from nutgraf.store import open_store

runner = CliRunner()

TERMINAL_ACTS_ON = ("\x1b", "\x07", "\x9b", "\x9d", "\u202e", "\u2066", "\x00", "\x08")

HOSTILE_TITLE = "\x1b]0;owned\x07Gull colony \x1b[2Jreturns \u202eto the cliffs [bold red]now[/bold red]"

RECORDS = [
    {
        "id": "gull-1",
        "title": HOSTILE_TITLE,
        "text": (
            "Ornithologists counted more than two hundred gull nests on the Brackenby cliffs this spring, "
            "the wardens said.\n\nThe colony had left the cliffs three years ago after a rock fall."
        ),
        "source": "Coastal \x1b[31mRecorder\x1b[0m",
        "published": "2026-04-11T08:00:00",
    },
    {
        "id": "gull-2",
        "title": "Wardens close a cliff path",
        "text": (
            "Wardens closed the upper cliff path at Brackenby to give the nesting gulls some quiet, "
            "they said on Friday.\n\nThe lower path along the beach stays open to walkers."
        ),
        "source": "Shore Weekly",
        "published": "9999-12-31",
    },
]


def invoke(*args: str, input: str | bytes | None = None):
    return runner.invoke(app, list(args), input=input, catch_exceptions=False)


def _clean(output: str) -> None:
    for ch in TERMINAL_ACTS_ON:
        assert ch not in output, f"{ch!r} in {output!r}"


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("hostile")
    source = folder / "hostile.jsonl"
    source.write_text("\n".join(json.dumps(record) for record in RECORDS) + "\n", encoding="utf-8")
    db = str(folder / "hostile.db")
    result = invoke("ingest", str(source), "--db", db)  # not -q: the summary and warnings are checked
    assert result.exit_code == 0, result.output
    _clean(result.stdout + result.stderr)
    assert "2 new" in result.stdout and "1 warning" in result.stdout
    assert "warning:" in result.stderr and "9999" in result.stderr and "#L2" in result.stderr
    return db


@pytest.fixture
def tampered_db(hostile_db, tmp_path) -> str:
    """The store as an older Nutgraf (that sanitised nothing) could have left it."""
    import shutil

    db = str(tmp_path / "tampered.db")
    shutil.copy(hostile_db, db)
    with open_store(db) as store, store.engine.begin() as connection:
        for table in ("articles", "stories"):
            connection.execute(
                text(f"UPDATE {table} SET title = :title"), {"title": HOSTILE_TITLE + "\x9b2J\x9d"}
            )
        connection.execute(text("UPDATE articles SET outlet = :outlet"), {"outlet": "Shore\x1b[8m Weekly"})
        connection.execute(
            text("UPDATE articles SET text = text || :tail"), {"tail": "\x1b[2J [link=x]y[/link]"}
        )
    return db


def test_ingest_sanitises_titles_at_the_door(hostile_db):
    listed = invoke("stories", "--db", hostile_db)
    assert listed.exit_code == 0
    _clean(listed.stdout + listed.stderr)
    assert "Gull colony returns to the cliffs [bold red]now[/bold red]" in listed.stdout
    stories = json.loads(invoke("stories", "--db", hostile_db, "--json").stdout)
    assert all("\x1b" not in story["title"] for story in stories)


@pytest.mark.parametrize("command", [("stories",), ("show", "1"), ("show", "2"), ("show", "s1"), ("export",)])
def test_stored_control_characters_never_reach_the_terminal(tampered_db, command):
    result = invoke(*command, "--db", tampered_db)
    assert result.exit_code == 0, result.output
    _clean(result.stdout + result.stderr)
    if command[0] != "export":
        assert "Gull colony" in result.stdout and "[bold red]now[/bold red]" in result.stdout


def test_show_prints_markup_in_text_literally(tampered_db):
    shown = invoke("show", "1", "--db", tampered_db)
    assert "[link=x]y[/link]" in shown.stdout


@pytest.mark.parametrize("command", [("stories", "--json"), ("show", "1", "--json"), ("export",)])
def test_json_output_escapes_what_a_terminal_acts_on(tampered_db, command):
    result = invoke(*command, "--db", tampered_db)
    _clean(result.stdout)
    records = [json.loads(line) for line in result.stdout.splitlines()] if command == ("export",) else None
    parsed = records or json.loads(result.stdout)
    assert "\x9b" in json.dumps(parsed, ensure_ascii=False)  # the data is all there, only escaped


def test_failures_with_hostile_file_names_print_clean(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "evil\x1b[2J\u202e.txt").write_bytes(b"")
    (folder / "ok.txt").write_text(
        "Harbour lights repaired\n\nVolunteers repaired the harbour lights at Fennick on Thursday evening."
    )
    result = invoke("ingest", str(folder), "--db", str(tmp_path / "x.db"), "-q")
    _clean(result.stdout + result.stderr)
    assert "failed:" in result.stderr and "evil.txt" in result.stderr


def test_ingest_json_lists_warnings(tmp_path):
    source = tmp_path / "one.jsonl"
    source.write_text(json.dumps(RECORDS[1]) + "\n")
    result = invoke("ingest", str(source), "--db", str(tmp_path / "w.db"), "--json")
    report = json.loads(result.stdout)
    assert report["new"] == 1 and report["failed"] == 0
    assert [w["origin"] for w in report["warnings"]] == [f"{source}#L1"]
    assert "9999" in report["warnings"][0]["reason"]


@pytest.mark.parametrize("given", ["99999999999999999999", "a" + "9" * 5000, "s²"])
def test_show_an_id_beyond_a_database_integer_is_one_line(hostile_db, given):
    result = runner.invoke(app, ["show", given, "--db", hostile_db])
    assert result.exit_code != 0 and isinstance(result.exception, SystemExit), result.exception
    assert len(result.stderr.strip().splitlines()) == 1
    assert ("no article with id 9999" in result.stderr) or ("not an id" in result.stderr)
