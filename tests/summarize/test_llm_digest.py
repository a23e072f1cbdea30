"""The optional LLM digest against a local stub of an OpenAI-compatible endpoint."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from nutgraf.errors import ConfigError, LLMError
from nutgraf.summarize.digest import Digest, DigestSentence
from nutgraf.summarize.llm import LLMSettings, request_digest, rewrite_digest


class _Stub:
    """Answers every POST with ``answer`` (a chat-completions body) or ``status``; records requests."""

    def __init__(self) -> None:
        self.answer: object = None
        self.status = 200
        self.delay = 0.0
        self.requests: list[tuple[dict, dict]] = []


@pytest.fixture
def stub():
    state = _Stub()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            length = int(self.headers.get("Content-Length", 0))
            state.requests.append((dict(self.headers), json.loads(self.rfile.read(length))))
            time.sleep(state.delay)
            body = json.dumps(state.answer).encode()
            try:
                self.send_response(state.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (the timeout test); nothing to answer

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    # Join handler threads on close, so a slow answer cannot outlive its test and print
    # into the next test's captured output.
    server.daemon_threads = False
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}/v1/chat/completions"
    yield state
    server.shutdown()
    server.server_close()


def _chat(content: str) -> dict:
    return {"choices": [{"message": {"role": "assistant", "content": content}}]}


def _digest() -> Digest:
    return Digest(
        sentences=[
            DigestSentence("The Varna Bridge reopened on Friday after a repair.", 3, "Harbour Post", "en"),
            DigestSentence("The repair cost $40 million, the mayor said.", 5, "Meridian Daily", "en"),
        ],
        language="en",
    )


def test_a_cited_rewrite_replaces_the_extractive_digest(stub):
    stub.answer = _chat(
        "Here is the digest:\n```json\n"
        + json.dumps(
            {
                "sentences": [
                    {
                        "text": "The Varna Bridge reopened on Friday after a $40 million repair.",
                        "article_ids": [3, 5],
                    }
                ]
            }
        )
        + "\n```"
    )
    settings = LLMSettings(url=stub.url, model="stub-model", api_key="secret")
    digest = rewrite_digest(_digest(), settings)
    assert digest.method == "llm" and not digest.warnings
    assert [s.text for s in digest.sentences] == [
        "The Varna Bridge reopened on Friday after a $40 million repair."
    ]
    assert digest.sentences[0].article_ids == [3, 5] and digest.sentences[0].article_id == 3
    headers, body = stub.requests[0]
    assert headers["Authorization"] == "Bearer secret"
    assert body["model"] == "stub-model"
    assert "[a3]" in body["messages"][1]["content"] and "[a5]" in body["messages"][1]["content"]


@pytest.mark.parametrize(
    "answer, status",
    [
        (_chat(json.dumps({"sentences": [{"text": "The bridge reopened.", "article_ids": []}]})), 200),
        (_chat(json.dumps({"sentences": [{"text": "The bridge reopened.", "article_ids": [99]}]})), 200),
        (_chat("The bridge reopened on Friday."), 200),
        ({"error": "overloaded"}, 503),
        ({"unexpected": True}, 200),
    ],
    ids=["no-citation", "unknown-article", "not-json", "http-error", "no-choices"],
)
def test_any_failure_keeps_the_extractive_digest_with_a_warning(stub, answer, status, caplog):
    stub.answer, stub.status = answer, status
    original = _digest()
    digest = rewrite_digest(original, LLMSettings(url=stub.url))
    assert digest.method == "extractive"
    assert [s.text for s in digest.sentences] == [s.text for s in original.sentences]
    assert len(digest.warnings) == 1 and digest.warnings[0].startswith("LLM digest failed")
    assert "LLM digest failed" in caplog.text
    with pytest.raises(LLMError):
        request_digest(original, LLMSettings(url=stub.url))


def test_a_slow_endpoint_times_out_and_falls_back(stub):
    stub.answer = _chat(json.dumps({"sentences": [{"text": "x", "article_ids": [3]}]}))
    stub.delay = 1.0
    digest = rewrite_digest(_digest(), LLMSettings(url=stub.url, timeout=0.2))
    assert digest.method == "extractive" and "within" in digest.warnings[0]


def test_an_unreachable_endpoint_falls_back():
    digest = rewrite_digest(_digest(), LLMSettings(url="http://127.0.0.1:9/v1/chat/completions", timeout=2))
    assert digest.method == "extractive" and digest.warnings


def test_settings_come_from_the_environment_and_are_off_by_default():
    assert LLMSettings.from_env({}) is None
    settings = LLMSettings.from_env(
        {
            "NUTGRAF_LLM_URL": "http://localhost:8080/v1/chat/completions",
            "NUTGRAF_LLM_MODEL": "m",
            "NUTGRAF_LLM_KEY": "k",
        }
    )
    assert settings == LLMSettings(url="http://localhost:8080/v1/chat/completions", model="m", api_key="k")
    with pytest.raises(ConfigError):
        LLMSettings.from_env({"NUTGRAF_LLM_URL": "file:///etc/passwd"})


def test_the_cli_story_digest_uses_the_endpoint_when_configured(stub, tmp_path, samples, monkeypatch):
    from typer.testing import CliRunner

    from nutgraf.cli import app

    runner = CliRunner()
    db = str(tmp_path / "llm.db")
    assert runner.invoke(app, ["ingest", str(samples / "meridian-daily"), "--db", db]).exit_code == 0
    stories = json.loads(runner.invoke(app, ["stories", "--db", db, "--json"]).stdout)
    story = stories[0]
    cited = story["summary"][0]["article_id"]
    stub.answer = _chat(
        json.dumps({"sentences": [{"text": "A rewritten digest sentence.", "article_ids": [cited]}]})
    )
    monkeypatch.setenv("NUTGRAF_LLM_URL", stub.url)
    shown = json.loads(runner.invoke(app, ["show", f"s{story['id']}", "--db", db, "--json"]).stdout)
    assert shown["summary_method"] == "llm"
    assert shown["summary"][0]["text"] == "A rewritten digest sentence."
    stub.status = 500
    result = runner.invoke(app, ["show", f"s{story['id']}", "--db", db])
    assert result.exit_code == 0 and "LLM digest failed" in result.output
