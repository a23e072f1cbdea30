"""Outlet inference (issue 27): a folder's name is an outlet only when the user says so; otherwise
the document's own field, `--outlet`, the page's site name, its URL's domain, else unknown (None)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from nutgraf.cli import _story_views, app
from nutgraf.ingest import iter_documents
from nutgraf.ingest.outlets import domain_outlet
from nutgraf.pipeline import ingest
from nutgraf.store import open_store

FERRY = (
    "Harbour ferry resumes service\n\n"
    "The ferry between Westbury and the island resumed service on Monday after repairs to its engine, "
    "the operator said in a statement.\n\nAbout 300 passengers travelled on the first sailing."
)
BRIDGE = (
    "Dourane bridge closes for repairs\n\n"
    "The Dourane bridge closed on Tuesday for three weeks of repairs to its deck, the county said.\n\n"
    "Traffic is diverted through Lanvezec, adding twenty minutes to the trip."
)
COPPER = (
    "Copper Ridge fire grows overnight\n\n"
    "The Copper Ridge fire in Oregon grew to 12,000 acres overnight, firefighters said on Wednesday.\n\n"
    "Two hundred homes were evacuated near Alder County."
)


def _page(body: str, *, site: str | None = None, url: str | None = None) -> str:
    head = "<title>" + body.split("\n")[0] + "</title>"
    if site:
        head += f'<meta property="og:site_name" content="{site}">'
    if url:
        head += f'<link rel="canonical" href="{url}">'
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n")[1:])
    return f"<html><head>{head}</head><body><article><h1>{body.split(chr(10))[0]}</h1>{paragraphs}</article></body></html>"


def _mixed_folder(tmp_path):
    folder = tmp_path / "Seeds"
    folder.mkdir()
    (folder / "a.txt").write_text(FERRY, encoding="utf-8")
    (folder / "b.html").write_text(_page(BRIDGE, site="Le Veilleur du littoral"), encoding="utf-8")
    (folder / "c.json").write_text(
        json.dumps({"id": "c", "text": COPPER, "url": "https://news.harbour-times.co.uk/2026/fire"}),
        encoding="utf-8",
    )
    (folder / "d.jsonl").write_text(
        json.dumps({"id": "d", "text": FERRY.replace("300", "310"), "source": "Continental Wire"}) + "\n",
        encoding="utf-8",
    )
    return folder


def _outlets(db, paths, **kwargs):
    with open_store(db) as store:
        report = ingest(iter_documents([str(p) for p in paths], **kwargs), store)
        assert not report.failures, report.failures
        return {a.source.split("/")[-1].split("#")[0]: a.outlet for a in store.iter_articles()}


def test_a_mixed_folder_gives_each_file_its_own_outlet_or_none(tmp_path):
    folder = _mixed_folder(tmp_path)
    outlets = _outlets(tmp_path / "m.db", [folder])
    assert outlets == {
        "a.txt": None,  # plain text that names no outlet: unknown, not "Seeds"
        "b.html": "Le Veilleur du littoral",  # og:site_name
        "c.json": "harbour-times.co.uk",  # the URL's registrable domain
        "d.jsonl": "Continental Wire",  # the record's own field
    }
    assert "Seeds" not in outlets.values()


def test_outlet_names_the_files_that_name_none_and_the_record_field_wins(tmp_path):
    folder = _mixed_folder(tmp_path)
    outlets = _outlets(tmp_path / "o.db", [folder], outlet="Seeds")
    assert outlets["a.txt"] == outlets["c.json"] == "Seeds"
    assert outlets["d.jsonl"] == "Continental Wire"


def test_folder_outlets_name_files_by_their_outlet_folder_after_their_own_metadata(tmp_path):
    for name, text in (("northgate-herald", FERRY), ("harbour-post", BRIDGE)):
        (tmp_path / "corpus" / name / "2026").mkdir(parents=True)
        (tmp_path / "corpus" / name / "2026" / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "corpus" / "harbour-post" / "b.html").write_text(
        _page(COPPER, site="The Harbour Post"), encoding="utf-8"
    )
    (tmp_path / "corpus" / "loose.txt").write_text(COPPER.replace("12,000", "13,000"), encoding="utf-8")
    with open_store(tmp_path / "f.db") as store:
        ingest(iter_documents([tmp_path / "corpus"], folder_outlets=True), store)
        outlets = {a.source.split("corpus/")[1]: a.outlet for a in store.iter_articles()}
    assert outlets == {
        "harbour-post/2026/a.txt": "Harbour Post",
        "harbour-post/b.html": "The Harbour Post",  # the page's own name first
        "loose.txt": None,  # not in an outlet folder
        "northgate-herald/2026/a.txt": "Northgate Herald",
    }


def test_og_site_name_and_url_domain_of_html_pages(tmp_path):
    (tmp_path / "named.html").write_text(_page(FERRY, site="Meridian Daily"), encoding="utf-8")
    (tmp_path / "linked.html").write_text(
        _page(BRIDGE, url="https://www.lemonde.fr/2026/11/03/pont"), encoding="utf-8"
    )
    (tmp_path / "bare.html").write_text(_page(COPPER), encoding="utf-8")
    outlets = _outlets(tmp_path / "h.db", [tmp_path])
    assert outlets == {"named.html": "Meridian Daily", "linked.html": "lemonde.fr", "bare.html": None}


@pytest.mark.parametrize(
    ("url", "domain"),
    [
        ("https://www.bbc.co.uk/news/world-1", "bbc.co.uk"),
        ("https://news.example.com/a", "example.com"),
        ("https://continental-wire.example/2026/03/10/x", "continental-wire.example"),
        ("http://127.0.0.1:8000/a.html", None),
        ("http://localhost/a", None),
        ("ftp://example.com/a", None),
        ("not a url", None),
        (None, None),
    ],
)
def test_domain_outlet(url, domain):
    assert domain_outlet(url) == domain


def test_stories_count_outlets_and_unknown_is_none(tmp_path):
    folder = tmp_path / "Seeds"
    folder.mkdir()
    (folder / "a.txt").write_text(FERRY, encoding="utf-8")
    (folder / "b.txt").write_text(FERRY.replace("Monday", "Monday morning"), encoding="utf-8")
    (folder / "c.json").write_text(
        json.dumps({"text": FERRY.replace("300", "320"), "source": "Harbour Times"}), encoding="utf-8"
    )
    with open_store(tmp_path / "s.db") as store:
        ingest(iter_documents([folder]), store)
        views = _story_views(store)
    named = [o for view in views for o in (*view["outlets"], *view["also_carried_by"])]
    assert named == ["Harbour Times"]  # the two unknown ones are no outlet, nor one "Seeds"


def test_cli_ingest_of_a_mixed_folder_never_shows_the_folder_as_outlet(tmp_path):
    folder = _mixed_folder(tmp_path)
    db = str(tmp_path / "c.db")
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(folder), "--db", db, "-q"]).exit_code == 0
    stories = runner.invoke(app, ["stories", "--db", db])
    assert stories.exit_code == 0 and "Seeds" not in stories.output
    assert "unknown outlet" in stories.output and "Continental Wire" in stories.output
    named = tmp_path / "named.db"
    assert (
        runner.invoke(app, ["ingest", str(folder), "--db", str(named), "-q", "--outlet", "Seeds"]).exit_code
        == 0
    )
    assert "Seeds" in runner.invoke(app, ["stories", "--db", str(named)]).output


def test_cli_folder_outlets(tmp_path):
    (tmp_path / "corpus" / "northgate-herald").mkdir(parents=True)
    (tmp_path / "corpus" / "northgate-herald" / "a.txt").write_text(FERRY, encoding="utf-8")
    db = str(tmp_path / "f.db")
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", str(tmp_path / "corpus"), "--db", db, "-q", "--folder-outlets"])
    assert result.exit_code == 0, result.output
    assert "Northgate Herald" in runner.invoke(app, ["stories", "--db", db]).output


def test_a_folder_slug_reads_as_an_outlet_name():
    from nutgraf.ingest import humanize_folder

    assert humanize_folder("northgate-herald") == "Northgate Herald"
    assert humanize_folder("courrier-de-l-estuaire") == "Courrier de l'Estuaire"
    assert humanize_folder("le-veilleur-du-littoral") == "Le Veilleur du Littoral"
    assert humanize_folder("l-humanite") == "L'Humanite" and humanize_folder("d-day-times") == "D Day Times"
    assert humanize_folder("The Daily") == "The Daily"  # written with capitals: kept as written
