"""Fuzz suite (issue 23): random JSON records, HTML and bytes through ``ingest`` and the API.

Whatever arrives, ingest must not raise, every input must be stored once or reported with its
reason, and the reporting lines of an input must reach the stored article (nothing is lost to
cleaning, nothing invented). The API must never answer 5xx.

CI runs ``NUTGRAF_FUZZ_EXAMPLES`` examples per test (default 15, each a batch of up to
``NUTGRAF_FUZZ_BATCH`` inputs, default 6). The long run (docs/reliability.md gives its figures):
``NUTGRAF_FUZZ_EXAMPLES=1400 NUTGRAF_FUZZ_BATCH=60 NUTGRAF_FUZZ_MIN_BATCH=30 NUTGRAF_FUZZ_TALLY=tally.tsv
pytest tests/fuzz -p no:cacheprovider``.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nutgraf.ingest.files import iter_documents
from nutgraf.pipeline import ingest
from nutgraf.store import open_store

EXAMPLES = int(os.environ.get("NUTGRAF_FUZZ_EXAMPLES", "15"))
BATCH = int(os.environ.get("NUTGRAF_FUZZ_BATCH", "6"))
"""Most inputs (records, pages) in one example: the long run raises it so that the per-example
cost (a fresh store) is shared by many inputs."""
TALLY = os.environ.get("NUTGRAF_FUZZ_TALLY")
"""A file that each test appends its count of inputs to (the long run's case count)."""
SMALLEST = int(os.environ.get("NUTGRAF_FUZZ_MIN_BATCH", "1"))
"""Fewest inputs in one example (the long run sets half of BATCH)."""


def _tally(test: str, inputs: int) -> None:
    if TALLY:
        with open(TALLY, "a", encoding="utf-8") as handle:
            handle.write(f"{test}\t{inputs}\n")


FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
    database=None,
)

NEWS = (
    "The ferry operator in Port Elvane cancelled 14 crossings on Monday because of a storm.",
    "Mayor Irena Voss said the new tram line would open in March, two months late.",
    "Police in Glentmoor arrested three men after a break-in at the town museum, a spokesman said.",
    "The council approved a budget of 42 million crowns for the harbour repairs.",
    "Паромная компания в Порт-Элване отменила 14 рейсов в понедельник из-за шторма.",
    "Мэр Ирена Восс заявила, что новая трамвайная линия откроется в марте.",
)
"""Invented reporting sentences: the lines that must reach the stored article whatever surrounds them."""

hostile_text = st.text(alphabet=st.characters(blacklist_categories=()), max_size=120)
"""Any code point: lone surrogates, NUL, C0/C1 controls, ESC sequences, bidi overrides."""

lines = st.lists(st.one_of(st.sampled_from(NEWS), hostile_text), max_size=8)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    hostile_text,
    st.sampled_from(
        [
            "9999-12-31",
            "0001-01-01",
            "2026-02-30",
            "1e400",
            "-1",
            "2026-03-04T10:00:00+25:00",
            "javascript:alert(1)",
            "http://[64:ff9b::7f00:1]/",
            "https://news.example/a?b=1",
            "\x1b]0;owned\x07",
        ]
    ),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(hostile_text, inner, max_size=3),
    max_leaves=6,
)

html_pages = st.builds(
    lambda title, paragraphs, depth, junk: (
        f"<html><head><title>{title}</title></head><body>"
        + "<div>" * depth
        + "".join(f"<p>{p}</p>" for p in paragraphs)
        + "</div>" * (depth // 2)
        + junk
    ),
    hostile_text,
    lines,
    st.integers(min_value=0, max_value=300),
    st.sampled_from(
        ["", "<script>alert(1)</script>", "<!--", "<p", "</html></html>", "<![CDATA[", "&#0;&#xD800;"]
    ),
)

records = st.fixed_dictionaries(
    {},
    optional={
        "text": st.one_of(lines.map("\n".join), values),
        "html": st.one_of(html_pages, values),
        "title": values,
        "source": values,
        "outlet": values,
        "author": values,
        "url": values,
        "id": values,
        "published": values,
        "language": st.one_of(st.sampled_from(["en", "ru", "fr", "xx", ""]), values),
    },
)

jsonl_lines = st.one_of(
    records.map(lambda r: json.dumps(r).encode()),  # ensure_ascii: lone surrogates travel as \ud800
    records.map(lambda r: json.dumps(r, ensure_ascii=False).encode("utf-8", "surrogatepass")),
    st.binary(max_size=200).map(lambda b: b.replace(b"\n", b" ")),
)

_WORDS = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return _WORDS.findall(unicodedata.normalize("NFKC", text).casefold())


def _check_store(db: Path, report, inputs: int) -> list:
    """No input lost or doubled: each is stored once or reported; returns the stored articles."""
    assert report.new + report.duplicates + report.failed >= 1 or inputs == 0
    with open_store(db) as store:
        articles = list(store.iter_articles())
        assert len(articles) == report.new
        assert {a.id for a in articles} <= set(report.article_ids)
        assert store.integrity() == {"orphans": [], "empty": []}
    return articles


def _news_kept(news: list[str], article) -> None:
    stored = " ".join(_words(f"{article.title}\n{article.text}"))
    for sentence in news:
        assert " ".join(_words(sentence)) in stored, f"lost: {sentence!r}"


@FUZZ
@given(st.lists(jsonl_lines, min_size=SMALLEST, max_size=max(SMALLEST, BATCH)))
def test_random_json_lines(batch):
    _tally("json-lines", len(batch))
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "records.jsonl"
        source.write_bytes(b"\n".join(batch) + b"\n")
        db = Path(folder) / "fuzz.db"
        with open_store(db) as store:
            report = ingest(iter_documents([source]), store)
        articles = _check_store(db, report, len(batch))
        for failure in report.failures:
            assert failure.reason and "Traceback" not in failure.reason
        by_origin = {a.source: a for a in articles}
        for number, line in enumerate(batch, start=1):
            try:
                record = json.loads(line.decode("utf-8", "surrogatepass"))
            except (ValueError, UnicodeDecodeError):
                continue
            article = by_origin.get(f"{source}#L{number}")
            if article is None or not isinstance(record, dict) or not isinstance(record.get("text"), str):
                continue
            if isinstance(record.get("html"), str) and record["html"].strip():
                continue  # html wins over text
            _news_kept([n for n in NEWS if n in record["text"].split("\n")], article)


@FUZZ
@given(
    st.lists(
        st.one_of(html_pages, st.binary(max_size=400)),
        min_size=max(1, SMALLEST * 2 // 3),
        max_size=max(1, BATCH * 2 // 3),
    )
)
def test_random_html_and_bytes(pages):
    _tally("html-and-bytes", len(pages))
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "in"
        root.mkdir()
        for number, page in enumerate(pages):
            if isinstance(page, str):
                (root / f"{number}.html").write_bytes(page.encode("utf-8", "surrogatepass"))
            else:
                (root / f"{number}.txt").write_bytes(page)
        db = Path(folder) / "fuzz.db"
        with open_store(db) as store:
            report = ingest(iter_documents([root]), store)
        _check_store(db, report, len(pages))
        assert report.new + report.duplicates + report.failed == len(pages)


@pytest.fixture(scope="module")
def api(tmp_path_factory):
    from starlette.testclient import TestClient

    from nutgraf.web import WebSettings
    from nutgraf.web.app import create_app

    db = tmp_path_factory.mktemp("fuzz-api") / "api.db"
    with TestClient(
        create_app(db, WebSettings(api_token="fuzz")),
        base_url="http://127.0.0.1:8000",
        headers={"Authorization": "Bearer fuzz"},  # writes need the token (issue 27): past it to ingest
        raise_server_exceptions=False,
    ) as client:
        yield client


@FUZZ
@given(body=st.one_of(records, values))
def test_random_api_posts_never_answer_5xx(api, body):
    _tally("api-post", 1)
    payload = json.dumps(body).encode()
    answer = api.post("/api/articles", content=payload, headers={"Content-Type": "application/json"})
    assert answer.status_code < 500, (answer.status_code, answer.text[:300])


@FUZZ
@given(
    path=st.sampled_from(
        ["/api/articles/", "/api/stories/", "/api/articles/{}/summary", "/articles/", "/stories/"]
    ),
    segment=st.one_of(st.integers(min_value=-(10**25), max_value=10**25).map(str), hostile_text),
    query=st.dictionaries(
        st.sampled_from(["since", "until", "lang", "q", "limit", "cursor", "offset", "page"]),
        st.one_of(hostile_text, st.sampled_from(["9999-12-31", "0001-01-01", "1e400", "-1", "nan"])),
        max_size=3,
    ),
)
def test_random_api_reads_never_answer_5xx(api, path, segment, query):
    _tally("api-read", 1)
    from urllib.parse import quote

    target = path.format(quote(segment.encode("utf-8", "surrogatepass"), safe="")) if "{}" in path else path
    if "{}" not in path:
        target += quote(segment.encode("utf-8", "surrogatepass"), safe="")
    params = {k: v.encode("utf-8", "surrogatepass").decode("utf-8", "replace") for k, v in query.items()}
    answer = api.get(target, params=params)
    assert answer.status_code < 500, (target, params, answer.status_code, answer.text[:300])
