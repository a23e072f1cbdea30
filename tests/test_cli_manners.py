"""CLI manners (issue 27): ``-q`` is quiet, a choice or a count out of bounds is one line naming
what is valid, the files a folder holds that are not read are named with the reason, a ``--db``
that is not a database is one sentence, and ``demo`` says how to stop serving."""

from __future__ import annotations

import json
import os
import pathlib
import sqlite3

import pytest

from nutgraf.lang import SUPPORTED
from test_cli import ARTICLE, invoke


def _one_error_line(result) -> str:
    """The single stderr line of a refused command (no usage box, no traceback, no help link)."""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: "), lines
    assert "Traceback" not in result.output and "sqlalche.me" not in result.output
    return lines[0]


# -q


def test_quiet_ingest_prints_nothing_on_success(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    result = invoke("ingest", "-q", str(tmp_path / "a.txt"), "--db", str(tmp_path / "q.db"))
    assert result.exit_code == 0
    assert (result.stdout, result.stderr) == ("", "")


def test_quiet_ingest_keeps_only_the_failed_inputs(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE)
    (folder / "empty.txt").write_text("")
    (folder / "report.pdf").write_bytes(b"%PDF-1.7 not read")
    result = invoke("ingest", "--quiet", str(folder), "--db", str(tmp_path / "q.db"))
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr.splitlines() == [
        f"failed: {folder / 'empty.txt'}: empty input (no bytes or only whitespace)"
    ]


def test_quiet_ingest_that_reads_nothing_says_why_in_one_error(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "report.pdf").write_bytes(b"%PDF-1.7 not read")
    result = invoke("ingest", "-q", str(folder), "--db", str(tmp_path / "q.db"))
    assert result.exit_code == 1 and result.stdout == ""
    assert _one_error_line(result) == "error: nothing was read: 1 file(s) skipped for their type"


# choices and counts


@pytest.mark.parametrize(
    "args,valid",
    [
        (("stories", "--lang", "de"), ", ".join(repr(code) for code in SUPPORTED)),
        (("summarize", "a.txt", "--language", "xx"), ", ".join(repr(code) for code in SUPPORTED)),
        (
            ("sources", "add", "https://example.org/feed.xml", "--language", "de"),
            ", ".join(repr(code) for code in SUPPORTED),
        ),
        (("stories", "--limit", "-1"), "must be at least 1"),
        (("stories", "--limit", "0"), "must be at least 1"),
        (("summarize", "a.txt", "--sentences", "0"), "must be from 1 to 20"),
        (("summarize", "a.txt", "-n", "21"), "must be from 1 to 20"),
        (("ingest", "a.txt", "--workers", "-1"), "must be from 0 to 64"),
        (("demo", "--port", "0"), "must be from 1 to 65535"),
        (("regroup", "--order", "random"), "'ingest', 'published'"),
    ],
)
def test_a_value_out_of_its_choices_or_bounds_is_one_line_naming_the_valid_ones(
    tmp_path, monkeypatch, args, valid
):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(ARTICLE)
    result = invoke(*args)
    assert result.exit_code == 2
    line = _one_error_line(result)
    assert valid in line and f"nutgraf {args[0]}" in line  # where the help is
    assert not (tmp_path / "nutgraf.db").exists()  # refused before anything ran


def test_help_shows_the_choices_and_bounds(tmp_path):
    stories = invoke("stories", "--help").stdout
    assert "|".join(SUPPORTED) in stories and "x>=1" in stories
    assert "|".join(SUPPORTED) in invoke("summarize", "--help").stdout
    assert "ingest|published" in invoke("regroup", "--help").stdout


def test_a_language_is_accepted_in_any_case(tmp_path):
    db = str(tmp_path / "l.db")
    assert invoke("ingest", "-", "--db", db, input=ARTICLE).exit_code == 0
    result = invoke("stories", "--db", db, "--lang", SUPPORTED[0].upper(), "--limit", "1", "--json")
    assert result.exit_code == 0 and len(json.loads(result.stdout)) == 1


# skipped files


def test_ingest_names_the_files_a_folder_holds_that_it_does_not_read(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(ARTICLE)
    (folder / "report.pdf").write_bytes(b"%PDF-1.7 not read")
    (folder / "sub" / "blob.bin").write_bytes(b"\x00\x01\x02")
    (folder / ".hidden.bin").write_bytes(b"\x00")  # hidden files are passed over silently
    (folder / "empty.txt").write_text("")
    (folder / "broken.txt.gz").write_bytes(b"not gzip")  # cannot be read
    db = str(tmp_path / "s.db")
    result = invoke("ingest", str(folder), "--db", db)
    assert result.exit_code == 0  # skipped files are not failures
    lines = result.stderr.splitlines()
    reads = "Nutgraf reads .txt, .md, .html, .json and .jsonl, optionally gzipped"
    assert f"skipped {folder / 'report.pdf'}: unsupported file type .pdf; {reads}" in lines
    assert f"skipped {folder / 'sub' / 'blob.bin'}: unsupported file type .bin; {reads}" in lines
    assert f"failed: {folder / 'empty.txt'}: empty input (no bytes or only whitespace)" in lines
    assert any(line.startswith(f"failed: {folder / 'broken.txt.gz'}: cannot read") for line in lines)
    assert ".hidden" not in result.stderr and len(lines) == 4
    assert result.stdout.startswith("1 new, 0 duplicates, 2 failed, 2 skipped (")

    report = json.loads(invoke("ingest", str(folder), "--db", db, "--json").stdout)
    assert report["failed"] == 2 and report["duplicates"] == 1
    assert [skip["origin"] for skip in report["skipped"]] == [
        str(folder / "report.pdf"),
        str(folder / "sub" / "blob.bin"),
    ]
    assert all(skip["reason"].startswith("unsupported file type .") for skip in report["skipped"])


def test_a_folder_of_skipped_files_only_reads_nothing(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "scan.pdf").write_bytes(b"%PDF-1.7")
    result = invoke("ingest", str(folder), "--db", str(tmp_path / "s.db"))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"skipped {folder / 'scan.pdf'}: unsupported file type .pdf")
    assert "0 new, 0 duplicates, 0 failed, 1 skipped" in result.stdout


def _unreadable(monkeypatch, path) -> None:
    """Opening ``path`` fails as for a file of mode 000 (made so, since root reads any file)."""
    real_open = os.open

    def guarded(file, *args, **kwargs):
        if os.fspath(file) == os.fspath(path):
            raise PermissionError(13, "Permission denied", os.fspath(file))
        return real_open(file, *args, **kwargs)

    real_path_open = pathlib.Path.open

    def guarded_path(self, *args, **kwargs):
        if os.fspath(self) == os.fspath(path):
            raise PermissionError(13, "Permission denied", os.fspath(self))
        return real_path_open(self, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded)
    monkeypatch.setattr(pathlib.Path, "open", guarded_path)


def test_an_unreadable_file_in_a_folder_is_named_with_its_reason(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE)
    locked = folder / "locked.txt"
    locked.write_text(ARTICLE)
    _unreadable(monkeypatch, locked)
    result = invoke("ingest", str(folder), "--db", str(tmp_path / "s.db"))
    assert result.exit_code == 0
    assert (
        f"failed: {locked}: cannot read: [Errno 13] Permission denied: '{locked}'"
        in result.stderr.splitlines()
    )


# --db


def _not_a_database(tmp_path):
    (tmp_path / "notes.txt").write_text("shopping list\n")
    return "notes.txt", "notes.txt is not a database: the file exists but is not SQLite"


def _image(tmp_path):
    (tmp_path / "photo.db").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    return "photo.db", "photo.db is not a database"


def _folder(tmp_path):
    (tmp_path / "store").mkdir()
    return "store", "store is a directory, not a database file"


def _under_a_file(tmp_path):
    (tmp_path / "notes.txt").write_text("shopping list\n")
    return "notes.txt/x.db", "notes.txt is a file, not a folder"


def _url_of_a_text_file(tmp_path):
    (tmp_path / "notes.txt").write_text("shopping list\n")
    return f"sqlite:///{tmp_path / 'notes.txt'}", "notes.txt is not a database"


@pytest.mark.parametrize(
    "command", [("stories",), ("export",), ("ingest", "a.txt"), ("db", "current"), ("db", "upgrade")]
)
@pytest.mark.parametrize("make", [_not_a_database, _image, _folder, _under_a_file, _url_of_a_text_file])
def test_a_db_that_is_not_a_database_is_one_sentence(tmp_path, monkeypatch, command, make):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(ARTICLE)
    db, message = make(tmp_path)
    result = invoke(*command, "--db", db)
    assert result.exit_code == 1
    assert message in _one_error_line(result)


def test_demo_refuses_a_folder_as_its_database(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "store").mkdir()
    result = invoke("demo", "--no-serve", "--db", "store")
    assert result.exit_code == 1
    assert _one_error_line(result) == "error: store is a directory, not a database file"


def test_an_unreadable_db_is_one_sentence(tmp_path, monkeypatch):
    db = tmp_path / "locked.db"
    sqlite3.connect(db).execute("create table t (x)").connection.commit()
    _unreadable(monkeypatch, db)
    result = invoke("stories", "--db", str(db))
    assert result.exit_code == 1
    assert _one_error_line(result) == f"error: cannot read database {db}: Permission denied"


# demo


def test_demo_says_where_it_serves_and_how_to_stop(tmp_path, monkeypatch):
    import nutgraf.cli
    import nutgraf.web

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE)
    monkeypatch.setattr(nutgraf.cli, "sample_corpus", lambda: corpus)
    monkeypatch.setattr(nutgraf.web, "check_port", lambda host, port: None)
    served = []

    def serve(db, settings, *, announce=None):  # announce runs once listening, before blocking
        served.append(db)
        announce()

    monkeypatch.setattr(nutgraf.web, "serve", serve)
    monkeypatch.chdir(tmp_path)
    result = invoke("demo", "--port", "8765")
    assert result.exit_code == 0 and served == ["nutgraf-demo.db"]
    assert (
        "Serving Nutgraf at http://127.0.0.1:8765/ (Ctrl+C to stop; --no-serve skips serving)"
        in result.stdout.splitlines()
    )
