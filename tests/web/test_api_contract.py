"""The API against its own contract (issue 27): what /openapi.json says is what the app answers.

A client nobody here wrote (schemathesis, every check) runs against the app over a small store;
the findings it made before are each pinned by a test of their own: error bodies of one declared
shape, every status documented with an example, the request schema saying what is required, dates
read as the schema says, ids beyond 64 bits, the token on loopback, and the docs served offline.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from webcorpus import RECORDS

from nutgraf.ingest import iter_documents
from nutgraf.pipeline import ingest
from nutgraf.store import open_store
from nutgraf.web import WebSettings, create_app
from nutgraf.web.app import CONTENT_SECURITY_POLICY, DOCS_CONTENT_SECURITY_POLICY
from nutgraf.web.examples import example
from nutgraf.web.schemas import (
    ArticleOut,
    EntityOut,
    ErrorOut,
    IngestOut,
    IngestRecord,
    Page,
    SearchHitOut,
    StoryCardOut,
    StoryOut,
    SummaryOut,
)

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "contract-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
HOST = "127.0.0.1:8000"

GETS = {
    "/api/stories": (),
    "/api/stories/{story_id}": (404,),
    "/api/articles/{article_id}": (404,),
    "/api/articles/{article_id}/summary": (404,),
    "/api/entities/{entity_id}": (404,),
    "/api/search": (),
}
"""The API's reads and the error statuses each has beyond those of every operation."""

EVERY = (400, 422, 500, 503)
"""A foreign Host (400), a request off the schema (422), a bug (500), no database (503)."""

MODELS = {
    "stories": Page[StoryCardOut],
    "story": StoryOut,
    "article": ArticleOut,
    "summary": SummaryOut,
    "entity": EntityOut,
    "search": Page[SearchHitOut],
    "ingest_created": IngestOut,
    "ingest_duplicate": IngestOut,
    "ingest_record": IngestRecord,
}


@pytest.fixture(scope="module")
def schema(client) -> dict:
    return client.get("/openapi.json").json()


@pytest.fixture
def writable(tmp_path):
    with TestClient(
        create_app(tmp_path / "contract.db", WebSettings(api_token=TOKEN)), raise_server_exceptions=False
    ) as client:
        yield client


def _is_error_out(body: object) -> bool:
    ErrorOut.model_validate(body)
    return isinstance(body, dict) and set(body) <= {"detail", "errors"} and isinstance(body["detail"], str)


# -- the document ----------------------------------------------------------------------------


def test_every_status_an_operation_answers_is_documented_with_one_error_shape(schema):
    paths = schema["paths"]
    for path, extra in GETS.items():
        responses = paths[path]["get"]["responses"]
        assert set(responses) == {"200", *map(str, (*EVERY, *extra))}, path
    post = paths["/api/articles"]["post"]["responses"]
    assert set(post) == {"200", "201", "401", "403", "413", *map(str, EVERY)}
    for path, operations in paths.items():
        if not path.startswith("/api/"):
            continue
        for operation in operations.values():
            for status, response in operation["responses"].items():
                if status.startswith("4") or status.startswith("5"):
                    content = response["content"]["application/json"]
                    assert content["schema"] == {"$ref": "#/components/schemas/ErrorOut"}, (path, status)
                    assert _is_error_out(content["example"]), (path, status)
    # FastAPI's own 422 shape, which nothing answers, is gone
    assert "HTTPValidationError" not in json.dumps(schema)


def test_the_feeds_document_their_pages(schema):
    stories = schema["paths"]["/feeds/stories.atom"]["get"]["responses"]
    entity = schema["paths"]["/feeds/entities/{entity_id}.atom"]["get"]["responses"]
    assert set(stories) == {"200", "400", "500", "503"} and set(entity) == {"200", "400", "404", "500", "503"}
    assert list(stories["200"]["content"]) == ["application/atom+xml"]
    assert "text/html" in entity["404"]["content"]


def test_every_operation_has_examples(schema):
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            success = operation["responses"]["201" if method == "post" else "200"]
            if path.startswith("/api/"):
                assert success["content"]["application/json"]["example"], (method, path)
            for parameter in operation.get("parameters", []):
                assert parameter["schema"].get("examples"), (method, path, parameter["name"])
    body = schema["components"]["schemas"]["IngestRecord"]
    assert body["examples"] and IngestRecord.model_validate(body["examples"][0])


@pytest.mark.parametrize("name", sorted(MODELS))
def test_the_examples_match_their_models(name):
    MODELS[name].model_validate(example(name))


def test_the_examples_of_errors_are_error_outs():
    for status, body in example("errors").items():
        assert _is_error_out(body), status


def test_the_request_schema_says_text_or_html_is_required(schema):
    record = schema["components"]["schemas"]["IngestRecord"]
    rules = {tuple(rule["required"]): rule["properties"] for rule in record["anyOf"]}
    assert set(rules) == {("text",), ("html",)}
    for (name,), properties in rules.items():
        assert properties[name]["type"] == "string" and properties[name]["pattern"]
    assert record.get("required") is None  # either one; the rest are optional


# -- the answers -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"title": "No text"},
        {"text": None, "html": None},
        {"text": "", "html": ""},
        {"text": " \n\t\u200b\u00ad"},
        {"html": "<p></p><br/>"},
        {"text": ["a list"]},
        {"id": False, "text": "An id must be a string or an integer."},
    ],
)
def test_a_record_the_schema_refuses_is_a_422_naming_the_field(writable, body):
    response = writable.post("/api/articles", json=body, headers=AUTH)
    assert response.status_code == 422, response.text
    answer = response.json()
    assert _is_error_out(answer) and answer["errors"] and answer["errors"][0]["loc"][0] == "body"


@pytest.mark.slow
@pytest.mark.parametrize(
    "body",
    [
        {"html": "<p>The harbour reopened on Monday after the storm.</p>"},  # a fragment, no <html>
        {"html": "The harbour reopened on Monday."},
        {"title": "Harbour reopens", "text": "Harbour reopens"},  # the headline is all there is
    ],
)
def test_a_record_the_schema_allows_is_stored(writable, body):
    response = writable.post("/api/articles", json=body, headers=AUTH)
    assert response.status_code == 201, response.text
    stored = writable.get(response.headers["location"]).json()
    assert stored["text"]


@pytest.mark.parametrize(
    "body", [{"text": "Advertisement"}, {"html": "0\u00a5"}, {"text": "Share this article"}]
)
def test_a_record_of_site_furniture_alone_is_a_422_of_the_same_shape(writable, body):
    """The schema allows these (visible text), the cleaner leaves nothing of them: 422, documented
    for this operation, and allowed for it in schemathesis.toml (a rule no JSON Schema states)."""
    response = writable.post("/api/articles", json=body, headers=AUTH)
    assert response.status_code == 422, response.text
    assert response.json() == {"detail": "no article text left after removing site furniture"}


def test_a_failure_of_the_servers_own_is_a_500_not_a_422(writable, monkeypatch):
    """An article the analysis breaks on is a bug of ours, not a bad record: 500, the cause in the
    log and not in the answer."""

    def broken(*args, **kwargs):
        raise NameError("name 'trimmed_spans' is not defined")

    monkeypatch.setattr("nutgraf.pipeline.enrich", broken)
    response = writable.post("/api/articles", json=example("ingest_record"), headers=AUTH)
    assert response.status_code == 500, response.text
    assert _is_error_out(response.json()) and "trimmed_spans" not in response.text


@pytest.mark.parametrize(
    "value", ["0", "1700000000", "2026-03-01T00:00:00", "2026-3-1", "20260301", "2026-02-30", "yesterday"]
)
def test_dates_are_days_as_the_schema_writes_them(client, value):
    for name in ("since", "until"):
        response = client.get("/api/stories", params={name: value})
        assert response.status_code == 422, (name, value, response.text)
        assert _is_error_out(response.json()) and response.json()["errors"][0]["loc"] == ["query", name]
    assert client.get("/api/stories", params={"until": "2026-03-31"}).status_code == 200


@pytest.mark.parametrize("number", [2**63, 2**64, -(2**63) - 1, 10**30])
@pytest.mark.parametrize(
    "template",
    ["/api/stories/{}", "/api/articles/{}", "/api/articles/{}/summary", "/stories/{}", "/articles/{}"],
)
def test_ids_beyond_64_bits_are_never_a_500(client, template, number):
    response = client.get(template.format(number))
    assert response.status_code in (404, 422), response.text
    if template.startswith("/api/"):
        assert _is_error_out(response.json())


@pytest.mark.parametrize("number", [2**63 - 1, -(2**63)])
def test_the_largest_64_bit_ids_are_404(client, number):
    for template in ("/api/stories/{}", "/api/articles/{}", "/api/articles/{}/summary"):
        response = client.get(template.format(number))
        assert response.status_code == 404 and _is_error_out(response.json()), response.text


def test_every_refusal_is_an_error_out(writable):
    answers = [
        writable.get("/api/articles/0"),  # 404
        writable.get("/api/nothing-here"),  # 404 of no route
        writable.get("/api/stories", params={"limit": 0}),  # 422
        writable.get("/api/stories", headers={"Host": "rebind.example"}),  # 400
        writable.post("/api/articles", json={"text": "x"}),  # 401
        writable.post("/api/articles", json={"text": "x"}, headers={"Authorization": "Bearer wrong"}),
        writable.delete("/api/stories"),  # 405
        writable.post(
            "/api/articles", content=b"{not json", headers={**AUTH, "content-type": "application/json"}
        ),
    ]
    assert [answer.status_code for answer in answers] == [404, 404, 422, 400, 401, 401, 405, 422]
    for answer in answers:
        assert answer.headers["content-type"] == "application/json", answer.text
        assert _is_error_out(answer.json()), answer.text


def test_a_body_over_the_limit_is_a_413(tmp_path):
    settings = WebSettings(api_token=TOKEN, max_body_bytes=1000)
    body = json.dumps({"text": "Harbour news. " * 200}).encode()
    with TestClient(create_app(tmp_path / "limit.db", settings)) as client:
        said = client.post(
            "/api/articles", content=body, headers={**AUTH, "content-type": "application/json"}
        )
        assert said.status_code == 413 and _is_error_out(said.json()), said.text
        assert "1000 bytes" in said.json()["detail"]

        def streamed():  # no Content-Length: stopped as it passes the limit
            yield body[:600]
            yield body[600:]

        sent = client.post(
            "/api/articles", content=streamed(), headers={**AUTH, "content-type": "application/json"}
        )
        assert sent.status_code == 413 and _is_error_out(sent.json()), sent.text
    with open_store(tmp_path / "limit.db", create=False) as store:
        assert store.count_articles() == 0


# -- the docs --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path,script", [("/docs", "swagger-ui-bundle.js"), ("/redoc", "redoc.standalone.js")]
)
def test_the_docs_are_served_from_the_package(client, path, script):
    page = client.get(path)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert page.headers["content-security-policy"] == DOCS_CONTENT_SECURITY_POLICY
    assert "script-src 'self';" in DOCS_CONTENT_SECURITY_POLICY  # still no inline or foreign script
    assert "<script>" not in page.text  # every script is a file of ours
    links = re.findall(r'(?:src|href|spec-url)="([^"]+)"', page.text)
    assert links and all(link.startswith("/") and not link.startswith("//") for link in links), links
    assert f"/static/docs/{script}" in links
    for link in links:
        asset = client.get(link)
        assert asset.status_code == 200 and asset.content, link
    assert client.get("/").headers["content-security-policy"] == CONTENT_SECURITY_POLICY


@pytest.mark.parametrize(
    "lang,labels",
    [
        ("en", ("API docs", "API reference")),
        ("ru", ("Документация API", "Справочник API")),
        ("fr", ("Documentation de l’API", "Référence de l’API")),
    ],
)
def test_the_footer_links_the_docs(client, lang, labels):
    page = client.get("/", params={"lang": lang}).text
    footer = page[page.index('<footer class="site">') :]
    assert f'<a href="/docs">{labels[0]}</a>' in footer and f'<a href="/redoc">{labels[1]}</a>' in footer
    assert '<a href="/openapi.json">' in footer


# -- a client nobody here wrote --------------------------------------------------------------


@pytest.mark.slow
def test_schemathesis_finds_no_failure_with_every_check(tmp_path, monkeypatch):
    """``st run --checks all`` in process, over a small store, with the project's settings
    (schemathesis.toml) and a bounded example count: 0 failures in any phase (examples, coverage,
    fuzzing, stateful). About 25 s on two cores."""
    schemathesis = pytest.importorskip("schemathesis")
    from schemathesis.config import SchemathesisConfig
    from schemathesis.engine import Status, events, from_schema

    db = tmp_path / "st.db"
    source = tmp_path / "records.jsonl"
    source.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in RECORDS) + "\n", encoding="utf-8")
    with open_store(db) as store:
        assert ingest(iter_documents([source]), store).new == len(RECORDS)
    monkeypatch.chdir(tmp_path)  # its caches (.schemathesis, .hypothesis) land here
    config = SchemathesisConfig.from_path(ROOT / "schemathesis.toml")
    config.update(seed=27, max_failures=None)
    config.projects.override.checks.update(included_check_names=["all"])
    config.projects.override.generation.update(max_examples=25, database="none")
    config.projects.override.update(headers={**AUTH, "Host": HOST})
    app = create_app(db, WebSettings(api_token=TOKEN))
    failures: dict[tuple[str, str], str] = {}
    errors: list[str] = []
    cases = 0
    with TestClient(app, base_url=f"http://{HOST}"):  # runs the app's lifespan
        loaded = schemathesis.openapi.from_asgi("/openapi.json", app, config=config, headers={"Host": HOST})
        for event in from_schema(loaded).execute():
            if isinstance(event, events.ScenarioFinished | events.FuzzScenarioFinished):
                cases += len(event.recorder.cases)
                for case_id, checks in event.recorder.checks.items():
                    for check in checks:
                        if check.status == Status.FAILURE and check.failure_info is not None:
                            failure = check.failure_info.failure
                            answer = event.recorder.interactions.get(case_id)
                            seen = answer.response.content[:300] if answer and answer.response else b""
                            failures.setdefault((check.name, str(failure.title)), f"{failure}\n{seen!r}")
            elif isinstance(event, events.NonFatalError | events.FatalError):
                errors.append(repr(getattr(event, "value", None) or getattr(event, "exception", None)))
    assert errors == []
    assert cases > 300, cases
    assert failures == {}, "\n\n".join(f"{name}: {text}" for (name, _), text in failures.items())
