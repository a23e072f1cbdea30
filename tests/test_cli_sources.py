"""The CLI of live sources: ingest URL, sources add/list/remove, watch (with a real Ctrl-C)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from typer.testing import CliRunner

from localweb import LocalWeb, Reply, article_page, rss_feed
from nutgraf.cli import app
from nutgraf.store import open_store

runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


@pytest.fixture
def web():
    with LocalWeb() as server:
        yield server


def publish(web: LocalWeb, name: str, numbers: range) -> str:
    items = []
    for n in numbers:
        headline, page = article_page(n)
        path = f"/{name}/{n}.html"
        web.route(path, Reply(body=page, headers={"Content-Type": "text/html"}))
        items.append({"title": headline, "link": web.url(path)})
    return web.route(f"/{name}.xml", Reply(body=rss_feed(name.title(), items)))


def test_ingest_a_url_needs_allow_private_for_a_local_server(web, tmp_path):
    _, page = article_page(7)
    url = web.route("/a.html", Reply(body=page, headers={"Content-Type": "text/html"}))
    db = str(tmp_path / "u.db")
    refused = invoke("ingest", url, "--db", db)
    assert refused.exit_code == 1 and "refused" in refused.stderr and "--allow-private" in refused.stderr
    assert web.requests("/a.html") == []
    done = invoke("ingest", url, "--db", db, "--allow-private", "--json")
    report = json.loads(done.stdout)
    assert done.exit_code == 0 and (report["new"], report["failed"]) == (1, 0)
    again = invoke("ingest", url, "--db", db, "--allow-private")
    assert "0 new, 1 duplicates, 0 failed" in again.stdout


def test_sources_add_list_remove(web, tmp_path):
    db = str(tmp_path / "s.db")
    feed = publish(web, "harbour", range(1, 3))
    refused = invoke("sources", "add", feed, "--db", db)
    assert refused.exit_code == 1 and "--allow-private" in refused.stderr
    assert invoke("sources", "add", "ftp://example.com/feed", "--db", db).exit_code == 1

    added = invoke(
        "sources", "add", feed, "--name", "Harbour Times", "--language", "en", "--allow-private", "--db", db
    )
    assert added.exit_code == 0 and "added source 1: Harbour Times" in added.stdout
    again = invoke("sources", "add", feed, "--allow-private", "--db", db)
    assert "updated source 1: Harbour Times" in again.stdout

    listed = json.loads(invoke("sources", "list", "--db", db, "--json").stdout)
    assert [(s["id"], s["name"], s["language"], s["allow_private"], s["entries"]) for s in listed] == [
        (1, "Harbour Times", "en", True, 0)
    ]
    assert "not polled yet" in invoke("sources", "list", "--db", db).stdout

    watched = invoke("watch", "--once", "--db", db)
    assert watched.exit_code == 0, watched.output
    assert "round 1: 1 source polled, 2 new articles, 0 errors" in watched.stdout
    text = invoke("sources", "list", "--db", db).stdout
    assert "2 entries · ok" in text and "rss20" in text

    missing = invoke("sources", "remove", "nope", "--db", db)
    assert missing.exit_code == 1 and "no source 'nope'" in missing.stderr
    removed = invoke("sources", "remove", "harbour times", "--db", db)
    assert removed.exit_code == 0 and "removed source 1: Harbour Times (its articles stay)" in removed.stdout
    assert "No sources yet" in invoke("sources", "list", "--db", db).stdout
    with open_store(db) as store:
        assert store.count_articles() == 2


def test_watch_once_polls_every_source_and_reports_errors(web, tmp_path):
    db = str(tmp_path / "w.db")
    for feed in (publish(web, "east", range(20, 22)), publish(web, "west", range(30, 31))):
        assert invoke("sources", "add", feed, "--allow-private", "--db", db).exit_code == 0
    broken = web.route("/broken.xml", Reply(body=b"<rss><channel><item>&&&<<<"))
    invoke("sources", "add", broken, "--name", "Broken", "--allow-private", "--db", db)
    first = invoke("watch", "--once", "--db", db)
    assert first.exit_code == 0
    assert "round 1: 3 sources polled, 3 new articles, 1 error" in first.stdout
    assert "Broken: broken feed" in first.stdout
    second = invoke("watch", "--once", "--db", db)
    assert "round 1: 3 sources polled, 0 new articles, 1 error" in second.stdout


def test_watch_needs_sources_and_a_valid_interval(tmp_path):
    db = str(tmp_path / "e.db")
    empty = invoke("watch", "--once", "--db", db)
    assert empty.exit_code == 2 and "no sources to watch" in empty.stderr
    bad = invoke("watch", "--interval", "soon", "--db", db)
    assert bad.exit_code == 2 and "not a duration" in bad.stderr


@pytest.mark.slow
def test_ctrl_c_stops_watch_cleanly_without_losing_an_article(web, tmp_path):
    db = str(tmp_path / "c.db")
    total = 16
    feed = publish(web, "many", range(200, 200 + total))
    assert invoke("sources", "add", feed, "--allow-private", "--db", db).exit_code == 0
    command = [
        sys.executable,
        "-c",
        "from nutgraf.cli import main; main()",
        "watch",
        "--interval",
        "1h",
        "--db",
        db,
    ]
    env = {**os.environ, "NUTGRAF_DB": db}
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        deadline = time.monotonic() + 60
        while len([r for r in web.log if r.path.startswith("/many/")]) < 5:
            assert time.monotonic() < deadline and process.poll() is None, process.communicate()
            time.sleep(0.05)
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, err
    assert "stopping after the batch in flight" in err
    assert "stopped after 1 round" in out and "Traceback" not in err
    with open_store(db) as store:
        kept = store.count_articles()
    assert 0 < kept < total
    assert f"{kept} new articles" in out or (kept == 1 and "1 new article" in out)
    rest = invoke("watch", "--once", "--db", db)
    assert f"{total - kept} new articles" in rest.stdout and "duplicate" not in rest.stdout
    with open_store(db) as store:
        assert store.count_articles() == total


def test_summarize_a_url(web):
    _headline, page = article_page(3)
    url = web.route("/story.html", Reply(body=page, headers={"Content-Type": "text/html"}))
    refused = runner.invoke(app, ["summarize", url, "--json"])
    assert refused.exit_code != 0 and "127.0.0.1" in refused.output
    result = invoke("summarize", url, "--json", "--allow-private", "-n", "2")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert summary["language"] == "en" and len(summary["sentences"]) == 2
    assert all(sentence in page.decode() for sentence in summary["sentences"])
