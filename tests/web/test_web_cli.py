"""``nutgraf serve`` and the serving end of ``nutgraf demo``, as a user runs them (child processes)."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nutgraf.cli import app

STARTUP_SECONDS = 30
DEMO_SECONDS = 300


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _nutgraf(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", "from nutgraf.cli import main; main()", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _wait_for_line(process: subprocess.Popen, needle: str, seconds: float) -> list[str]:
    """Lines printed until one contains ``needle`` (the output is flushed before serving)."""
    lines: list[str] = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line and process.poll() is not None:
            break
        lines.append(line)
        if needle in line:
            return lines
    process.kill()
    pytest.fail(f"never printed {needle!r}; output:\n{''.join(lines)}")


def _get(url: str) -> tuple[int, bytes]:
    for _ in range(50):
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return response.status, response.read()
        except (ConnectionError, urllib.error.URLError):
            time.sleep(0.1)
    raise AssertionError(f"no answer from {url}")


def test_serve_prints_its_url_and_serves(tmp_path):
    port = _free_port()
    server = _nutgraf("serve", "--db", str(tmp_path / "served.db"), "--port", str(port))
    try:
        url = f"http://127.0.0.1:{port}/"
        _wait_for_line(server, url, STARTUP_SECONDS)
        status, body = _get(url + "api/stories")
        assert status == 200 and json.loads(body)["total"] == 0
        status, page = _get(url)
        assert status == 200 and b"No stories yet" in page
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_serve_on_a_busy_port_is_one_line(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "x.db"), "--port", str(port)])
    assert result.exit_code == 2
    assert "cannot listen on 127.0.0.1:" in result.output and "--port" in result.output
    assert "Traceback" not in result.output


@pytest.mark.slow
def test_demo_ends_by_serving_the_sample_corpus(tmp_path):
    port = _free_port()
    db = Path(tmp_path) / "demo.db"
    demo = _nutgraf("demo", "--db", str(db), "--port", str(port))
    try:
        url = f"http://127.0.0.1:{port}/"
        lines = _wait_for_line(demo, url, DEMO_SECONDS)
        assert any("Nutgraf demo" in line for line in lines)
        status, page = _get(url)
        assert status == 200 and b'class="card"' in page
        stories = json.loads(_get(url + "api/stories?limit=100")[1])
        assert stories["total"] >= 5 and {"en", "ru"} <= {
            code for s in stories["items"] for code in s["languages"]
        }
    finally:
        demo.terminate()
        demo.wait(timeout=20)
