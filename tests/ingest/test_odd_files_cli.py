"""`nutgraf ingest` on files that used to be refused although their text could be read:
UTF-16 without a byte-order mark, stray NUL bytes and HTML nested 100,000 levels deep."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from nutgraf.cli import app

runner = CliRunner()

EN = (
    "Library reopens after flood repairs\n\n"
    "The central library reopened on Wednesday after six months of repairs to flood damage, "
    "the city council said.\n\nMore than 2,000 visitors came on the first day, staff said."
)
RU = (
    "Библиотека открылась после ремонта\n\n"
    "Центральная библиотека в среду вновь открылась после полугодового ремонта, "
    "сообщили в городском совете.\n\nВ первый день её посетили более двух тысяч человек."
)
WITH_NULS = (
    "Night buses return to the old town\n\n"
    "Night bus routes through the old town will run again from Friday, the transport office announced, "
    "ending a two-year pause caused by road works.\n\nFares stay the same as on day routes."
)
DEEP_LEAD = (
    "Harbour crane collapses in storm. A container crane at the western harbour collapsed during "
    "Sunday's storm; no one was hurt, the port authority said on Monday."
)


def invoke(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


def test_ingest_reads_utf16_stray_nuls_and_deep_html(tmp_path):
    folder = tmp_path / "odd"
    folder.mkdir()
    (folder / "ru-le.txt").write_bytes(RU.encode("utf-16-le"))
    (folder / "en-be.txt").write_bytes(EN.encode("utf-16-be"))
    data = WITH_NULS.encode("utf-8")
    (folder / "nuls.txt").write_bytes(data[:40] + b"\x00" + data[40:] + b"\x00\x00")
    depth = 100_000
    page = (
        "<html><head><title>Crane collapses</title></head><body>"
        + "<div>" * depth
        + f"<p>{DEEP_LEAD}</p>"
        + "</div>" * depth
        + "</body></html>"
    )
    (folder / "deep.html").write_text(page, encoding="utf-8")
    db = str(tmp_path / "odd.db")
    result = invoke("ingest", str(folder), "--db", db, "--json", "-q")
    report = json.loads(result.stdout)
    assert (report["new"], report["failed"]) == (4, 0), report["failures"]
    texts = [json.loads(line)["text"] for line in invoke("export", "--db", db).stdout.splitlines()]
    assert any("Центральная библиотека" in t for t in texts)
    assert any("central library reopened" in t for t in texts)
    assert any("Night bus routes" in t for t in texts) and not any("\x00" in t for t in texts)
    assert any("container crane" in t for t in texts)
