"""The pages' own words follow the reading language: the page's ``lang``, else the browser's
``Accept-Language``, else English; labels stay escaped; the JSON API is unchanged."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

import nutgraf.web
from nutgraf.lang import SUPPORTED
from nutgraf.lang.messages import catalogue, plural_base

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
RUSSIAN = {"Accept-Language": "ru-RU,ru;q=0.9,en;q=0.8"}
TEMPLATES = Path(nutgraf.web.__file__).parent / "templates"


def ferry_id(client) -> int:
    items = client.get("/api/stories", params={"limit": 100}).json()["items"]
    return next(item["id"] for item in items if item["size"] >= 3)


class _Shown(HTMLParser):
    """The text a page shows: its text nodes and the attributes a reader sees or hears."""

    SEEN = ("title", "placeholder", "aria-label", "data-loading")

    def __init__(self) -> None:
        super().__init__()
        self.texts: set[str] = set()

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.texts.add(" ".join(data.split()))

    def handle_starttag(self, tag, attrs) -> None:
        for name, value in attrs:
            if name in self.SEEN and value and value.strip():
                self.texts.add(" ".join(value.split()))


def shown(html: str) -> set[str]:
    parser = _Shown()
    parser.feed(html)
    return parser.texts


def english_only_labels() -> set[str]:
    """English labels without values that Russian writes differently (they must not show on a
    Russian page)."""
    english, russian = catalogue("en").MESSAGES, catalogue("ru").MESSAGES
    return {
        text
        for key, text in english.items()
        if "{" not in text and plural_base(key) is None and russian[key] != text and len(text) > 3
    }


def html_lang(html: str) -> str:
    return re.search(r'<html lang="([^"]*)"', html).group(1)


def test_english_is_the_default(client):
    html = client.get("/").text
    assert html_lang(html) == "en"
    assert "<h1>Stories</h1>" in html and ">Filter</button>" in html and "4 articles" in html
    assert '<option value="ru" lang="ru">Русский</option>' in html  # names are each language's own


def test_the_pages_lang_chooses_the_reading_language(client):
    html = client.get("/", params={"lang": "ru"}).text
    assert html_lang(html) == "ru"
    assert "<h1>Сюжеты</h1>" in html and ">Показать</button>" in html and "4 статьи" in html
    assert f'href="/stories/{ferry_id(client)}?lang=ru"' in html  # the choice goes on with the reader
    story = client.get(f"/stories/{ferry_id(client)}", params={"lang": "ru"}).text
    assert html_lang(story) == "ru"
    for label in ("Дайджест", "Хроника", "Источники расходятся", "Кто и где", "Читать на языке:"):
        assert label in story, label
    assert f"Сюжет {ferry_id(client)} · 4 статьи" in story
    assert "неделя с 2026-03-09" in story and "(ожидается)" in story
    assert "03 мар." in story  # the chart's days in Russian
    english = client.get(f"/stories/{ferry_id(client)}", params={"lang": "en"}, headers=RUSSIAN).text
    assert html_lang(english) == "en" and '<h2 id="digest-h">Digest</h2>' in english  # the page's choice wins


def test_accept_language_chooses_where_the_page_has_no_choice(client, ids):
    article = client.get(f"/articles/{ids['ov-1']}", headers=RUSSIAN).text
    assert html_lang(article) == "ru"
    assert "Нет времени читать?" in article and 'data-loading="Загрузка…"' in article
    assert '<p class="meta" lang="ru">' in article and "03 мар. 2026" in article
    assert "No time to read?" not in article
    plain = client.get(f"/articles/{ids['ov-1']}").text  # a Russian article, read by an English UI
    assert html_lang(plain) == "en" and '<p class="meta" lang="en">' in plain and "03 Mar 2026" in plain
    other = client.get("/", headers={"Accept-Language": "de-DE,de;q=0.9"}).text
    assert html_lang(other) == "en"  # no German catalogue: English
    second = client.get("/", headers={"Accept-Language": "de-DE, ru;q=0.5"}).text
    assert html_lang(second) == "ru"
    refused = client.get("/", headers={"Accept-Language": "ru;q=0, en;q=0.1"}).text
    assert html_lang(refused) == "en"
    found = client.get("/search", params={"q": "паромом"}, headers=RUSSIAN).text
    assert "по запросу «паромом» (с учётом словоформ)" in found
    entity = client.get("/entities/per-vrt", headers=RUSSIAN).text
    assert "упоминается в" in entity and "Лента Atom" in entity and "человек" in entity


@pytest.mark.parametrize(
    "path", ["/", "story", "article", "/entities/per-vrt", "/search?q=ferry", "/nowhere"]
)
def test_russian_pages_show_no_english_label(client, ids, path):
    if path == "story":
        path = f"/stories/{ferry_id(client)}"
    elif path == "article":
        path = f"/articles/{ids['wd-1']}"
    texts = shown(client.get(path, headers=RUSSIAN).text)
    assert texts & english_only_labels() == set(), path


def test_error_pages_speak_the_reading_language(client):
    missing = client.get("/no/such/page", headers=RUSSIAN)
    assert missing.status_code == 404 and html_lang(missing.text) == "ru"
    assert "Не найдено" in missing.text and "По адресу /no/such/page ничего нет." in missing.text
    bad = client.get("/", params={"lang": "ru", "since": "<b>soon</b>"})  # the query's lang, too
    assert bad.status_code == 400 and html_lang(bad.text) == "ru" and "Запрос не удалось понять" in bad.text
    assert "&lt;b&gt;soon&lt;/b&gt;" in bad.text and "<b>soon</b>" not in bad.text
    english = client.get("/no/such/page")
    assert html_lang(english.text) == "en" and "There is nothing at /no/such/page." in english.text


def test_the_json_api_keeps_its_english_messages(client):
    for path in ("/api/stories/999", "/api/nothing", "/api/stories?since=soon"):
        assert client.get(path, headers=RUSSIAN).json() == client.get(path).json(), path
    assert client.get("/api/nothing", headers=RUSSIAN).json() == {
        "detail": "There is nothing at /api/nothing."
    }


def test_labels_with_values_stay_escaped(client):
    query = '<img src=x onerror=alert(1)>"ferry'
    for headers in ({}, RUSSIAN):
        html = client.get("/search", params={"q": query}, headers=headers).text
        body = html.split("</head>")[1]
        assert "<img src=x" not in body and "&lt;img src=x onerror=alert(1)&gt;&#34;ferry" in body
    environment = client.app.state.templates.env
    rendered = environment.from_string("{{ t('search.results', n=2, query=q) }}").render(
        ui_lang="ru", q="<b>x</b>"
    )
    assert rendered == "Найдено 2 статьи по запросу «&lt;b&gt;x&lt;/b&gt;» (с учётом словоформ)."
    title = environment.from_string("<a title=\"{{ t('feed.entity_title', name=n) }}\">").render(
        n='"><script>'
    )
    assert "<script>" not in title and "&#34;&gt;&lt;script&gt;" in title


def test_feeds_title_in_the_readers_language(client):
    english = ET.fromstring(client.get("/feeds/stories.atom").content).find(f"{ATOM}title")
    assert english.text == "Nutgraf: latest stories" and english.get(XML_LANG) == "en"
    russian = ET.fromstring(client.get("/feeds/stories.atom", headers=RUSSIAN).content).find(f"{ATOM}title")
    assert russian.text == "Nutgraf: последние сюжеты" and russian.get(XML_LANG) == "ru"


def test_every_template_label_is_in_the_catalogue():
    english = catalogue("en").MESSAGES
    ids = {key for key in english} | {plural_base(key) for key in english if plural_base(key)}
    used = {
        key
        for template in TEMPLATES.glob("*.html")
        for key in re.findall(r"""\bt\(\s*['"]([\w.]+)['"]\s*[,)]""", template.read_text(encoding="utf-8"))
    }
    assert len(used) > 50 and used - ids == set()  # ("entity.type." ~ type has a default)
    assert "t(" in (TEMPLATES / "_macros.html").read_text(encoding="utf-8")
    for template in TEMPLATES.glob("*.html"):  # a macro file's t() needs the page's context
        text = template.read_text(encoding="utf-8")
        for line in re.findall(r"{%\s*from .*? import .*?%}", text):
            assert "with context" in line, (template.name, line)


@pytest.mark.skipif("fr" not in SUPPORTED, reason="French is not registered yet")
def test_a_registered_language_with_a_catalogue_is_read_in_it(client):
    html = client.get("/", headers={"Accept-Language": "fr-FR,fr;q=0.9,en;q=0.5"}).text
    assert html_lang(html) == "fr" and "<h1>Sujets</h1>" in html and "4 articles" in html
    assert '<option value="fr" lang="fr">' in html
