import pytest

from nutgraf.clean.furniture import FurnitureModel, is_rule_furniture, is_ticker, strip_furniture


@pytest.mark.parametrize(
    "line", ["3.76 BYN", "USD 92,41 ▲", "EUR/USD 1.0842 ▲", "Brent $78.15 ▼", "CNY 12,74"]
)
def test_tickers(line):
    assert is_ticker(line)


@pytest.mark.parametrize(
    "line",
    ["$50 billion", "2024", "Trade reached $50 billion, up 5.7%.", "USD rose sharply on Monday", "3-1"],
)
def test_not_tickers(line):
    assert not is_ticker(line)


@pytest.mark.parametrize(
    "line",
    [
        "No time to read?",
        "Get a summary",
        "Читайте также: В Самаре продлили навигацию",
        "Подписывайтесь на «Вестник Прибрежья» в Telegram",
        "© 2026 Meridian Daily Ltd",
        "Share: Facebook X Email",
        "Поделиться: ВКонтакте · Одноклассники · Telegram",
        "16+",
        "Follow the Northgate Herald on Telegram for breaking news",
        # a video player's script, copied by a scraper with the article
        'player.key="a8Xk2Lq0Z9";',
        'player("video-box-12").setup({ autostart: false, ads: (function() {',
        "if(window.location.pathname.indexOf('/preview/') + 1 > 0) { return {}; }",
        'return { client: "vast", tag: "https://ads.example/vast.xml" } })(),',
        '// title: "Репортаж с места событий",',
        '}, width: "100%", aspectratio: "16:9",',
        "var players = document.querySelectorAll('.player');",
    ],
)
def test_rule_furniture(line):
    assert is_rule_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "[Source: Kremlin press service]",
        "Alexander Nemtsov, Political Scientist:",
        "According to BelTA, the talks will continue next week.",
        "Источник: Континент-Пресс",
        "Share prices rose 4% in morning trading.",
        # prose lines that open like code keywords (texts broken mid-sentence keep such lines)
        "for the first time since 2009, and the club paraded the trophy on Sunday.",
        "return to the port was delayed by the storm.",
        "If (as officials expect) the vote passes, the tax will rise in May.",
        "(Reporting by Jane Doe; Editing by John Roe)",
        "The U.S. (and Canada) signed the treaty.",
    ],
)
def test_body_lines_are_not_furniture(line):
    assert not is_rule_furniture(line)


def test_navigation_marker_takes_headline_and_teaser():
    text = (
        "Первый абзац статьи, в котором сказано главное.\n"
        " Также по теме \n"
        " Торг уместен: в ЕС не исключают помощи \n"
        " Примирение в регионе может ускорить получение помощи. Об этом... \n"
        "Второй абзац статьи продолжает рассказ."
    )
    kept, removed = strip_furniture(text)
    assert kept.splitlines() == [
        "Первый абзац статьи, в котором сказано главное.",
        "Второй абзац статьи продолжает рассказ.",
    ]
    assert len(removed) == 3


def test_long_paragraph_after_marker_is_kept():
    body = "Read more"
    paragraph = (
        "The council said on Tuesday that " + "the new tram line will carry passengers " * 8 + "from 2028."
    )
    kept, removed = strip_furniture(f"{body}\n{paragraph}")
    assert kept == paragraph and removed == ["Read more"]


def test_learned_template_lines_per_source():
    model = FurnitureModel()
    openings = [
        "Ferries resumed sailing.",
        "The museum reopened.",
        "Floodwater receded.",
        "A satellite launched.",
    ]
    # the template closes each page: learning removes lines on an article's edges only
    pages = [
        f"{opening}\nThe end of story {opening}\nTune in to Radio Pribrezhye every morning"
        for opening in openings
    ]
    for page in pages:
        model.observe("site-a", page)
    _kept, removed = strip_furniture(pages[0], "site-a", model)
    assert removed == ["Tune in to Radio Pribrezhye every morning"]
    # the same line from a source that has not repeated it stays
    _kept_b, removed_b = strip_furniture(pages[0], "site-b", model)
    assert removed_b == []


def test_speaker_labels_are_never_learned():
    model = FurnitureModel()
    for n in range(5):
        model.observe("site", f"Alexander Nemtsov, Political Scientist:\nQuote number {n} is different.")
    assert not model.is_learned("site", "Alexander Nemtsov, Political Scientist:")


def test_rare_line_is_not_learned():
    model = FurnitureModel()
    for n in range(10):
        model.observe("site", f"Body {n}." + ("\nThe minister declined to comment." if n < 3 else ""))
    assert not model.is_learned("site", "The minister declined to comment.")


def test_a_report_sentence_after_a_stray_marker_is_kept():
    """Found by the fuzz suite: "Next article" then a sentence of the report. The marker goes; the
    sentence is news, not the next article's headline (headlines do not end in a full stop)."""
    text = "Next article\nThe council approved a budget of 42 million crowns for the harbour repairs.\nMore."
    kept, removed = strip_furniture(text)
    assert removed == ["Next article"]
    assert "The council approved a budget of 42 million crowns" in kept
    kept, removed = strip_furniture("Next article\nCouncil approves harbour budget\nThe mayor spoke.")
    assert removed == ["Next article", "Council approves harbour budget"]
