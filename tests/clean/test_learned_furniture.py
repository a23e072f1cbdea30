"""What the furniture learner may remove (issue 23): recurring is not enough.

A recurring line goes only from the edges of an article (before its first or after its last body
line), never when it reads as reporting, never when its figures change from page to page, never
the dateline, and never all of an article. Every text here is invented."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import nutgraf.clean.furniture as furniture
from nutgraf.clean import FurnitureModel, clean_extracted, clean_text, extract
from nutgraf.clean.furniture import reads_as_reporting, strip_furniture
from nutgraf.clean.text import join_broken_lines, normalize_text
from nutgraf.ingest import iter_documents
from nutgraf.model import RawDocument

GOLD = Path(__file__).with_name("samples_furniture_gold.json")


def learned(pages: list[str], source: str = "site") -> FurnitureModel:
    model = FurnitureModel()
    for page in pages:
        model.observe(source, page)
    return model


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("There was no danger of a tsunami, the agency said.", "en"),
        ("No damage or injuries were immediately reported.", "en"),
        ("Japan sits on the Pacific Ring of Fire, where tectonic plates meet.", "en"),
        ("Mostly dry, with light winds.", "en"),  # no verb, but a forecast of four words
        ("Closing levels are provisional, the exchange said.", "en"),
        ('"We will rebuild every house," the mayor said.', "en"),  # "we" inside a quote
        ("Угрозы цунами нет, сообщили в агентстве.", "ru"),
        ("Пострадавших нет.", "ru"),  # a predicative "нет" stands for the verb
        ("Япония расположена в Тихоокеанском огненном кольце.", "ru"),
        ("Глубина очага — 10 километров.", "ru"),
        ("— Мы готовы ко всему, — сказал глава города.", "ru"),  # "мы" in reported speech
    ],
)
def test_report_sentences_read_as_reporting(line, language):
    assert reads_as_reporting(line, language)


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("Follow us on Telegram.", "en"),  # a command
        ("Sign up for the morning briefing.", "en"),
        ("We use cookies to improve the site.", "en"),  # the site speaks
        ("The Associated Press contributed to this report.", "en"),  # of the page itself
        ("© 2026 Harbour Media. Printed in Northgate.", "en"),
        ("Sponsored content.", "en"),  # two words, no verb
        ("No time to read?", "en"),  # a question to the reader
        ("Get alerts on your phone", "en"),  # no full stop: not a statement
        ("Photo: Harbour Media.", "en"),  # a credit
        ("Подписывайтесь на наш канал.", "ru"),
        ("Смотрите также.", "ru"),
        ("Материал подготовлен при поддержке фонда.", "ru"),
    ],
)
def test_site_lines_do_not_read_as_reporting(line, language):
    assert not reads_as_reporting(line, language)


def test_a_recurring_report_sentence_is_never_learned_away():
    pages = [
        f"A magnitude {4 + n / 10:.1f} earthquake struck near Akita on Monday.\n"
        "There was no danger of a tsunami, the agency said.\n"
        "No damage or injuries were immediately reported."
        for n in range(10)
    ]
    model = learned(pages)
    assert model.is_learned("site", "There was no danger of a tsunami, the agency said.")  # it recurs
    kept, removed = strip_furniture(pages[0], "site", model)
    assert kept == pages[0] and removed == []


def test_learned_lines_go_only_from_the_edges():
    """The same interface line above, inside and below the body: only the edge copies go."""
    pages = [
        f"Harbour ferry story {n}\n"
        "Save this story for later\n"
        f"The ferry number {n} resumed sailing on Monday after repairs.\n"
        "Save this story for later\n"
        f"Passengers said the crossing number {n} was calm.\n"
        "Save this story for later\n"
        "Get Harbour Courier alerts on your phone"
        for n in range(6)
    ]
    kept, removed = strip_furniture(pages[2], "site", learned(pages))
    assert kept.splitlines() == [
        "Harbour ferry story 2",
        "The ferry number 2 resumed sailing on Monday after repairs.",
        "Save this story for later",
        "Passengers said the crossing number 2 was calm.",
    ]
    assert removed == ["Save this story for later"] * 2 + ["Get Harbour Courier alerts on your phone"]


def test_a_label_the_article_develops_is_kept():
    pages = [
        f"Coastal League\nRiverside United beat Northgate Rovers {n}-0 in the Coastal League.\n"
        "Get Harbour Courier alerts on your phone"
        for n in range(6)
    ]
    kept, removed = strip_furniture(pages[1], "site", learned(pages))
    assert kept.splitlines()[0] == "Coastal League"
    assert removed == ["Get Harbour Courier alerts on your phone"]


def test_lines_whose_figures_change_are_data():
    pages = [f"Riverside United beat Northgate Rovers.\nAttendance: {4000 + 37 * n:,}" for n in range(20)]
    model = learned(pages)
    assert not model.is_learned("site", "Attendance: 4,037")
    assert model.is_learned("site", "Riverside United beat Northgate Rovers.")


def test_the_dateline_is_not_learned_away():
    ships = ["Aurora", "Baltic Star", "Corvus", "Dunlin", "Egret", "Fulmar", "Gannet", "Heron"]
    pages = [
        f"{ship} docks at Northgate\nMay 16, 2026\nThe {ship} docked at the north quay." for ship in ships
    ]
    model = learned(pages)
    assert model.is_learned("site", "May 16, 2026")
    cleaned = clean_text(pages[3], source="site", furniture=model)
    assert cleaned.published is not None and cleaned.published.day == 16
    assert (cleaned.title, cleaned.text) == (
        "Dunlin docks at Northgate",
        "The Dunlin docked at the north quay.",
    )


def test_learning_never_empties_an_article():
    """A bulletin that is nothing but recurring lines, none of them a statement: stored whole
    rather than refused as empty."""
    page = "Harbour bulletin\nQuay Street pilot station\nChannel 12 · Channel 16\nHarbour office, Quay Street"
    cleaned = clean_text(page, source="site", furniture=learned([page] * 5))
    assert cleaned.title == "Harbour bulletin"
    assert cleaned.text.split("\n\n") == [
        "Quay Street pilot station",
        "Channel 12 · Channel 16",
        "Harbour office, Quay Street",
    ]


def test_learning_never_leaves_a_page_only_its_title():
    """A page whose only unique line is its title (given apart, as HTML and JSON give it): rather
    than an empty article, the rules alone clean it."""
    pages = [f"Harbour bulletin {n}\nQuay Street pilot station\nChannel 12 · Channel 16" for n in range(5)]
    cleaned = clean_text(pages[2], title="Harbour bulletin 2", source="site", furniture=learned(pages))
    assert cleaned.text.split("\n\n") == ["Quay Street pilot station", "Channel 12 · Channel 16"]


def _sample_documents(samples: Path) -> tuple[list[RawDocument], list, FurnitureModel]:
    documents = [d for d in iter_documents([samples]) if isinstance(d, RawDocument)]
    pages = [extract(d) for d in documents]
    model = FurnitureModel()
    for document, page in zip(documents, pages, strict=True):
        model.observe(document.source_key, page.text)
    return documents, pages, model


def test_sample_corpus_furniture_gold_is_exact(samples):
    """Every sample article loses exactly the lines it lost before the learner was limited."""
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["removed"]
    documents, pages, model = _sample_documents(samples)
    removed = {}
    for document, page in zip(documents, pages, strict=True):
        key = (
            f"wire:{document.external_id}"
            if document.external_id
            else str(Path(document.origin).relative_to(samples))
        )
        removed[key] = clean_extracted(page, document.source_key, model).removed
    assert removed == gold


def test_the_learner_alone_still_finds_the_sample_templates(samples, monkeypatch):
    """With every rule switched off, learning still removes each sample outlet's template lines
    (tickers excepted: their figures change from page to page, and a rule owns them)."""
    monkeypatch.setattr(furniture, "is_rule_furniture", lambda line: False)
    monkeypatch.setattr(furniture, "_is_marker", lambda line: False)
    documents, pages, model = _sample_documents(samples)
    found: dict[str, set[str]] = {}
    for document, page in zip(documents, pages, strict=True):
        _kept, removed = strip_furniture(
            join_broken_lines(normalize_text(page.text)), document.source_key, model
        )
        found.setdefault(Path(document.source_key).name, set()).update(removed)
    assert {outlet: lines for outlet, lines in found.items() if lines} == {
        "northgate-herald": {
            "No time to read?",
            "Get a summary",
            "Follow the Northgate Herald on Telegram for breaking news",
            "Previous Article",
            "Next Article",
            "© 2026 Northgate Herald. All rights reserved.",
        },
        "vestnik-pribrezhya": {
            "Подписывайтесь на «Вестник Прибрежья» в Telegram",
            "© 2026 Вестник Прибрежья",
        },
        "courrier-de-l-estuaire": {
            "Abonnez-vous à la newsletter du Courrier de l'estuaire",
            "Article précédent",
            "Article suivant",
            "Envoyer par e-mail",
            "Par Erwan Morvan",
            "Partager sur Facebook",
            "Partager sur X",
            "Temps de lecture : 3 min",
            "© 2026 Courrier de l'estuaire – Tous droits réservés",
            "À lire également",
        },
    }
