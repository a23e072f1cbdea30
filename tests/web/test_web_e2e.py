"""End to end: a real browser (Debian's chromium driven by Playwright) against a real server.

The server is uvicorn in a thread on a free loopback port, over the invented corpus. Locally the
tests skip when chromium or Playwright is missing; in CI (``CI`` set) that is a failure, since
``.ci/run`` installs both. Screenshots go to the test's temporary directory; the page-layout
checks of issue 27 put theirs in ``NUTGRAF_TEST_ARTIFACTS`` when it is set.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from webcorpus import XSS_TITLE

from nutgraf.web import WebSettings, create_app

CHROMIUM = Path("/usr/bin/chromium")
STARTUP_SECONDS = 20

pytestmark = pytest.mark.slow


def _browser_or_skip():
    """Playwright's sync API and the system chromium, or a skip (a failure in CI) saying which is missing."""
    missing = []
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None
        missing.append("the playwright package (pip install playwright)")
    if not (CHROMIUM.exists() or shutil.which("chromium")):
        missing.append("Debian's chromium (apt-get install chromium)")
    if missing:
        message = "end-to-end tests need " + " and ".join(missing)
        if os.environ.get("CI"):
            pytest.fail(message + "; .ci/run should have installed it")
        pytest.skip(message)
    return sync_playwright


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(corpus_store) -> Iterator[str]:
    import uvicorn

    port = _free_port()
    settings = WebSettings(port=port)
    config = uvicorn.Config(
        create_app(corpus_store, settings), host="127.0.0.1", port=port, log_level="warning"
    )
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + STARTUP_SECONDS
    while not running.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the web server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    sync_playwright = _browser_or_skip()
    executable = str(CHROMIUM) if CHROMIUM.exists() else shutil.which("chromium")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=executable, headless=True, args=["--no-sandbox"]
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser, tmp_path):
    """A fresh page that records console errors (a CSP violation shows there) and dialogs."""
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    opened = context.new_page()
    opened.console_errors = []
    opened.dialogs = []
    opened.on("console", lambda m: m.type == "error" and opened.console_errors.append(m.text))
    opened.on("dialog", lambda d: (opened.dialogs.append(d.message), d.dismiss()))
    yield opened
    opened.screenshot(path=str(tmp_path / "last.png"), full_page=True)
    context.close()


def test_open_story_and_get_summary_without_reload(page, server, client, ids, tmp_path):
    page.goto(server + "/")
    page.get_by_role(
        "link", name="Electric ferry Silver Heron starts crossings on Lake Ostrava"
    ).first.click()
    page.wait_for_url("**/stories/*")
    assert page.locator("h1").inner_text().startswith("Electric ferry")
    assert page.locator("#digest li").count() >= 1 and page.locator("svg circle.dot").count() == 4
    page.screenshot(path=str(tmp_path / "story.png"), full_page=True)

    page.locator(f"#articles a[href='/articles/{ids['ph-1']}']").click()
    page.wait_for_url(f"**/articles/{ids['ph-1']}")
    assert page.locator("#summary").is_hidden()
    page.evaluate("window.__sameDocument = true")
    page.get_by_role("button", name="Get a summary").click()
    page.locator("#summary li").first.wait_for()
    expected = client.get(f"/api/articles/{ids['ph-1']}/summary").json()["sentences"]
    assert page.locator("#summary li").all_inner_texts() == expected
    assert page.evaluate("window.__sameDocument === true")  # revealed in place, no page load
    assert "summary=1" not in page.url and page.locator("#summary-form").is_hidden()
    page.screenshot(path=str(tmp_path / "summary.png"), full_page=True)
    assert page.console_errors == []


def test_next_and_previous(page, server, ids):
    page.goto(f"{server}/articles/{ids['wd-1']}")
    story_row = page.locator(".neighbours .row").first
    story_row.locator("a.next").click()
    page.wait_for_url(f"**/articles/{ids['ov-1']}")
    assert page.locator("h1").inner_text().startswith("Электрический паром")
    page.locator(".neighbours .row").first.locator("a.prev").click()
    page.wait_for_url(f"**/articles/{ids['wd-1']}")
    page.locator(".neighbours .feed a.next").click()  # in the feed, the next article is the same one
    page.wait_for_url(f"**/articles/{ids['ov-1']}")
    page.locator(".neighbours .feed a.next").click()  # and then the next day's report
    page.wait_for_url(f"**/articles/{ids['ph-1']}")
    page.locator(".neighbours .feed a.next").click()  # which is the last of its story, not of the feed
    page.wait_for_url(f"**/articles/{ids['lc-2']}")
    assert page.console_errors == []


def test_search_in_russian(page, server, ids, tmp_path):
    page.goto(server + "/")
    page.locator("#site-q").fill("паромом")
    page.locator("form.search button").click()
    page.wait_for_url("**/search?q=*")
    results = page.locator("ol.results li")
    assert results.count() >= 1
    assert "Серебряная цапля" in results.first.locator("h2").inner_text()
    assert page.locator("ol.results mark").count() >= 1  # "паром", "парома" highlighted
    page.screenshot(path=str(tmp_path / "search.png"), full_page=True)
    results.first.locator("h2 a").click()
    page.wait_for_url(f"**/articles/{ids['ov-1']}")


def test_script_title_renders_as_text(page, server, ids, tmp_path):
    page.goto(f"{server}/articles/{ids['xss-1']}")
    assert page.locator("h1").inner_text() == XSS_TITLE
    assert "<img src=x onerror=alert(2)>" in page.locator(".text").inner_text()
    assert page.locator(".text img, .text b, .text script").count() == 0
    page.get_by_role("button", name="Get a summary").click()
    page.locator("#summary li").first.wait_for()
    page.goto(server + "/")
    assert page.get_by_role("link", name=XSS_TITLE).count() == 1
    page.goto(server + "/search?q=alert")
    assert XSS_TITLE in page.locator("ol.results h2").first.inner_text()
    page.screenshot(path=str(tmp_path / "xss.png"), full_page=True)
    assert page.dialogs == []  # no alert() ran anywhere


def test_readable_on_a_phone(browser, server, ids, tmp_path):
    context = browser.new_context(
        viewport={"width": 375, "height": 740}, device_scale_factor=2, is_mobile=True
    )
    phone = context.new_page()
    for path in ("/", f"/articles/{ids['ov-1']}", "/search?q=ferry"):
        phone.goto(server + path)
        overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, path
    phone.goto(server + "/")
    story = phone.locator(".card h2 a").filter(has_text="Silver Heron").first
    story.click()
    phone.wait_for_url("**/stories/*")
    assert phone.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    assert phone.evaluate("getComputedStyle(document.body).fontSize") in {"16px", "17px"}
    phone.screenshot(path=str(tmp_path / "phone-story.png"), full_page=True)
    context.close()


def test_a_russian_browser_reads_russian_labels(browser, server, ids, tmp_path):
    context = browser.new_context(locale="ru-RU", viewport={"width": 1100, "height": 900})
    reader = context.new_page()
    reader.goto(f"{server}/articles/{ids['ph-1']}")
    assert reader.locator("html").get_attribute("lang") == "ru"
    assert reader.locator("#summary-form span").inner_text() == "Нет времени читать?"
    reader.get_by_role("button", name="Краткое содержание").click()
    reader.locator("#summary li").first.wait_for()
    assert reader.locator("#summary h2").inner_text() == "Кратко"
    reader.goto(server + "/?lang=en")  # the page's own choice wins over the browser's
    assert (
        reader.locator("html").get_attribute("lang") == "en"
        and reader.locator("h1").inner_text() == "Stories"
    )
    reader.screenshot(path=str(tmp_path / "russian.png"), full_page=True)
    context.close()


REDOCLY_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg"
"""ReDoc's sidebar asks for its maker's logo from a CDN (hard-coded in its bundle): the docs' CSP
refuses it before it leaves the machine, and ReDoc hides the image when it fails."""


@pytest.mark.parametrize(
    "label,path,shown",
    [
        ("API docs", "/docs", ".swagger-ui .opblock-summary"),
        ("API reference", "/redoc", "redoc h1, .api-content h1"),
    ],
)
def test_the_api_docs_render_offline_under_their_csp(page, server, tmp_path, label, path, shown):
    """Issue 27: /docs (Swagger UI) and /redoc (ReDoc), linked from the footer, render from the
    package's own files: nothing is fetched from elsewhere, and their CSP (our scripts only) holds."""
    asked: list[str] = []
    fetched: list[str] = []
    page.on(
        "request",
        lambda request: request.url.startswith((server, "data:", "blob:")) or asked.append(request.url),
    )
    page.on(
        "response",
        lambda response: response.url.startswith((server, "data:", "blob:")) or fetched.append(response.url),
    )
    page.goto(server + "/")
    page.locator("footer.site").get_by_role("link", name=label, exact=True).click()
    page.wait_for_url(f"**{path}")
    page.locator(shown).first.wait_for(timeout=30_000)
    page.get_by_text("Stories, newest first").first.wait_for(state="attached", timeout=30_000)
    assert page.get_by_text("Ingest one article").count() >= 1
    page.screenshot(path=str(tmp_path / f"{path.strip('/')}.png"), full_page=False)
    assert fetched == [] and set(asked) <= {REDOCLY_LOGO}
    refused = [
        error for error in page.console_errors if REDOCLY_LOGO in error and "Content Security Policy" in error
    ]
    assert [error for error in page.console_errors if error not in refused] == []
    assert len(refused) == len(asked)  # the logo was asked for only where the CSP refused it


def _artifacts(tmp_path: Path) -> Path:
    """Where screenshots go: ``NUTGRAF_TEST_ARTIFACTS`` when set (CI keeps it), else the test's
    temporary directory."""
    folder = Path(os.environ.get("NUTGRAF_TEST_ARTIFACTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


WRAPPED_TIMES = """() => [...document.querySelectorAll('time')].filter((time) => {
  const range = document.createRange();
  range.selectNodeContents(time);
  const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
  return tops.size > 1;
}).map((time) => time.textContent)"""

TOUCHING_CITES = """() => [...document.querySelectorAll('ul.cites')].flatMap((list) => {
  const boxes = [...list.querySelectorAll('a.cite')].map((a) => a.getBoundingClientRect());
  return boxes.slice(1).filter((box, i) => Math.abs(box.top - boxes[i].top) < 2 && box.left - boxes[i].right < 4)
    .map(() => list.textContent);
})"""


@pytest.mark.parametrize("width", [1280, 390])
def test_story_page_reads_right_at_desktop_and_phone_widths(browser, server, client, tmp_path, width):
    """Issue 27, "Pages", in Chromium: one search box, dates whole on one line, timeline citations
    apart from each other, entity types as words, and a scroll hint where the chart scrolls."""
    context = browser.new_context(viewport={"width": width, "height": 900}, is_mobile=width < 600)
    reader = context.new_page()
    items = client.get("/api/stories", params={"limit": 100}).json()["items"]
    ferry = next(item["id"] for item in items if item["size"] >= 3)
    reader.goto(f"{server}/stories/{ferry}")
    folder = _artifacts(tmp_path)
    reader.screenshot(path=str(folder / f"story-{width}.png"), full_page=True)

    assert reader.locator("input[type=search]").count() == 1
    assert reader.evaluate(WRAPPED_TIMES) == []
    assert reader.locator("#timeline ul.cites li").count() >= 2
    assert reader.evaluate(TOUCHING_CITES) == []
    assert reader.evaluate(  # a citation is not drawn as a timeline point
        "[...document.querySelectorAll('ul.cites li')].every((li) => getComputedStyle(li, '::before').content === 'none')"
    )
    types = reader.locator("#entities .chip .type")
    assert types.count() >= 2 and types.first.is_visible()
    assert {"person", "place"} <= set(types.all_inner_texts())
    assert reader.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0

    chart = reader.locator("figure.chart")
    scrolls = chart.evaluate("(figure) => figure.scrollWidth > figure.clientWidth")
    hint = reader.locator("figure.chart .scroll-hint")
    assert hint.is_visible() == scrolls == (width < 500)
    if scrolls:
        assert hint.inner_text() == "Scroll sideways for the whole chart →"
        chart.screenshot(path=str(folder / f"chart-{width}.png"))

    reader.goto(f"{server}/search?q=ferry")
    assert reader.locator("input[type=search]").count() == 1
    reader.screenshot(path=str(folder / f"search-{width}.png"), full_page=True)
    context.close()
