"""``nutgraf serve`` and the serving end of ``nutgraf demo``, as a user runs them (child processes)."""

from __future__ import annotations

import json
import os
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


def _nutgraf(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", "from nutgraf.cli import main; main()", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
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


def _post(url: str, token: str | None) -> int:
    """The status of ``POST /api/articles`` with an empty record (422 once the token is right)."""
    headers = {"Content-Type": "application/json"}
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(url + "api/articles", data=b"{}", headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as refused:
        return refused.code


def test_serve_makes_a_token_prints_it_once_and_requires_it(tmp_path):
    """Issue 27: as Jupyter does, writes need a token on loopback too; without NUTGRAF_API_TOKEN
    ``serve`` makes one and prints it once, and a missing or wrong one is refused."""
    env = {key: value for key, value in os.environ.items() if key != "NUTGRAF_API_TOKEN"}
    port = _free_port()
    server = _nutgraf("serve", "--db", str(tmp_path / "served.db"), "--port", str(port), env=env)
    try:
        url = f"http://127.0.0.1:{port}/"
        lines = _wait_for_line(server, "API token for writes:", STARTUP_SECONDS)
        token = lines[-1].split("API token for writes:")[1].strip()
        assert len(token) >= 32 and any(url in line for line in lines)
        _get(url + "api/stories")
        assert _post(url, None) == 401 and _post(url, token + "x") == 401 and _post(url, "") == 401
        assert _post(url, token) == 422  # past the token: the empty record is refused
    finally:
        server.terminate()
        rest = server.communicate(timeout=20)[0]
    assert token not in rest  # printed once
    env["NUTGRAF_API_TOKEN"] = "set-by-the-admin"
    server = _nutgraf("serve", "--db", str(tmp_path / "served.db"), "--port", str(port), env=env)
    try:
        _wait_for_line(server, url, STARTUP_SECONDS)
        _get(url + "api/stories")
        assert _post(url, "set-by-the-admin") == 422 and _post(url, None) == 401
    finally:
        server.terminate()
        rest = server.communicate(timeout=20)[0]
    assert "API token" not in rest and "set-by-the-admin" not in rest  # never printed


def test_the_token_serve_makes_is_the_one_the_app_requires(tmp_path, monkeypatch):
    import uvicorn

    served = []
    monkeypatch.delenv("NUTGRAF_API_TOKEN", raising=False)
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: served.append(app))
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "x.db"), "--port", str(_free_port())])
    assert result.exit_code == 0, result.output
    printed = [line for line in result.output.splitlines() if line.startswith("API token for writes: ")]
    served[0].state.store.close()  # uvicorn did not run, so neither did the app's shutdown
    assert len(printed) == 1 and served[0].state.settings.api_token == printed[0].split(": ", 1)[1]
    assert "refused" not in result.output  # no warning that writes are off: they need the token


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
