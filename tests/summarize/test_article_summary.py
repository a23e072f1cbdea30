"""Article summaries: the sentences chosen and the readability rules, on small invented articles.

Each rule is checked against a counterfactual: the same article with the offending sentence
rewritten so that it stands on its own must get that sentence chosen, so a rule that silently
stopped working (or a test article the scorer would never pick from anyway) fails.

The rules are checked where they have most to do: with a selection free to take the article's most
central sentence wherever it is (``FREE``: no lead anchor, no position prior). The shipped defaults
anchor the summary on the lead, where the same rules apply (``test_the_defaults_keep_the_rules``)."""

from __future__ import annotations

import pytest

from nutgraf.lang import content_terms, split_sentences
from nutgraf.summarize import Summary, SummaryParams, select_sentences, summarize, summarize_sentences
from nutgraf.summarize import article as summary_module
from nutgraf.summarize.article import (
    as_shown,
    centrality,
    characterises,
    name_keys,
    proper_names,
    readability_problems,
    sentence_terms,
    without_connective,
    without_dateline,
)

TITLE = "Every Port Elsworth crane to be inspected after ramp collapse"

FREE = SummaryParams(lede=1.0, length=0.5, lead=0.0, position=0.0)
"""Centrality first: the most central sentence is chosen whenever it may stand."""


@pytest.fixture(autouse=True)
def free_selection(request, monkeypatch):
    """Every test here selects with ``FREE`` unless it passes its own parameters or asks for the
    shipped defaults (``@pytest.mark.shipped``)."""
    if request.node.get_closest_marker("shipped") is None:
        monkeypatch.setattr(summary_module, "SummaryParams", lambda: FREE)


# The fourth paragraph carries the story (it shares the most terms with the others and the headline),
# so it is chosen whenever it may stand alone; {opening} decides whether it may.
ENGLISH = """Rain swept across the quiet harbour town of Port Elsworth on Tuesday morning.

A crane collapsed onto a loading ramp late on Monday, and the port authority closed it.

Ferries were diverted to the southern terminal while engineers examined the collapsed crane.

{opening} engineers will inspect every crane in Port Elsworth before ferries return to the northern terminal next week.

Local fishermen said the sea was calm and that their boats were not affected at all.
"""

RUSSIAN_TITLE = "Все краны Порт-Элсворта проверят после обрушения на рампе"
RUSSIAN = """Во вторник утром над тихим портовым городом Порт-Элсворт шёл сильный дождь.

На погрузочную рампу северного паромного терминала обрушился кран, и администрация порта закрыла терминал.

Паромы направили к южному терминалу, пока инженеры осматривали упавший кран.

{opening} инженеры проверят все краны Порт-Элсворта до возвращения паромов к северному терминалу на следующей неделе.

Местные рыбаки рассказали, что море было спокойным и их лодки не пострадали.
"""
STANDALONE = {"en": "Port director Ann Lowe said", "ru": "Директор порта Анна Лоу сообщила, что"}


def chosen_texts(text: str, title: str, language: str, count: int = 2, **kwargs) -> list[str]:
    sentences = split_sentences(text, language)
    picked = select_sentences(sentences, title=title, language=language, count=count, **kwargs)
    return [sentences[i].text for i in picked]


def central(texts: list[str]) -> bool:
    return any("inspect every crane" in t or "проверят все краны" in t for t in texts)


def test_summary_is_in_document_order_and_keeps_the_lede():
    text = ENGLISH.format(opening=STANDALONE["en"])
    sentences = split_sentences(text, "en")
    picked = select_sentences(sentences, title=TITLE, language="en", count=3)
    assert len(picked) == 3 and picked == sorted(picked) and len(set(picked)) == 3
    assert picked[0] == 0  # the first sentence that can stand in a summary opens it


def test_centrality_picks_the_sentence_that_carries_the_story():
    text = ENGLISH.format(opening=STANDALONE["en"])
    # Without the lede bonus, title, length and position, the single most central sentence wins.
    only_centrality = SummaryParams(lede=0.0, title=0.0, length=0.0, position=0.0, lead=0.0)
    assert central(chosen_texts(text, TITLE, "en", count=1, params=only_centrality))
    # With the defaults, the lede wins a one-sentence summary.
    assert chosen_texts(text, TITLE, "en", count=1) == [split_sentences(text, "en")[0].text]


@pytest.mark.shipped
def test_the_summary_is_anchored_on_the_lead():
    """News puts the news first: the first sentences that can stand are kept unless another is
    clearly more central; without the anchor and the position prior, centrality alone decides."""
    text = ENGLISH.format(opening=STANDALONE["en"])
    assert chosen_texts(text, TITLE, "en", count=2) == [s.text for s in split_sentences(text, "en")[:2]]
    free = chosen_texts(text, TITLE, "en", count=2, params=SummaryParams(lead=0.0, position=0.0))
    assert central(free) and free != [s.text for s in split_sentences(text, "en")[:2]]


@pytest.mark.shipped
def test_a_retelling_in_the_lead_gives_its_place_to_the_next_sentence():
    text = (
        "A crane collapsed onto the loading ramp of the Port Elsworth ferry terminal on Tuesday.\n\n"
        "A crane collapsed on Tuesday onto the loading ramp of the ferry terminal at Port Elsworth.\n\n"
        "Harbour engineers will inspect every crane in the port before the terminal reopens.\n\n"
        "The ferry operator said crossings to Kell Island would resume from the southern quay.\n\n"
        "Dockers at the northern quay said the crane had been serviced in the spring and that nobody "
        "had reported a fault with its cable, its brakes or the ramp below it since then.\n"
    )
    chosen = chosen_texts(text, "Crane falls on Port Elsworth ferry ramp", "en", count=3)
    sentences = [s.text for s in split_sentences(text, "en")]
    assert chosen == [sentences[0], sentences[2], sentences[3]]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The announcement suggests that both operators will have room to plan their timetables.", "en"),
        ("The decision came after weeks of talks, signalling that the port may reopen sooner.", "en"),
        ("The comments underscore a continued effort by Elsworth and Kell to share the harbour.", "en"),
        ("The exchange points to a shift in how the two ports see the crossing.", "en"),
        ("Встреча свидетельствует о стремлении сторон сохранить паромное сообщение.", "ru"),
        ("Решение подчёркивает желание администрации порта вернуть паромы на север.", "ru"),
        ("Паромы вернулись к северному терминалу, свидетельствуя о конце ремонта.", "ru"),
    ],
)
def test_commentary_is_told_from_news(text, language):
    assert characterises(text, language, frozenset({"elsworth", "kell"}))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # a person's or a place's reading is reported, a figure or a quotation is news
        ("Port director Ann Lowe underscored that the ramp had passed its inspection.", "en"),
        ("Elsworth's harbour master said the closure reflects the state of the cranes.", "en"),
        ("He suggested that the ferries return to the northern terminal next week.", "en"),
        ("The figures suggest a 12% fall in crossings since the ramp collapsed.", "en"),
        ('The closure, officials said, "reflects nothing but caution".', "en"),
        ("The inspection found a cracked cable and a worn brake on the crane.", "en"),
        ("Лоу подчёркивает, что рампа прошла проверку в апреле.", "ru"),
        ("Инженеры осмотрели кран и нашли трещину в тросе.", "ru"),
        # a noun, a passive, a source named after what it said, nothing said after the verb
        ("Rain flooded the signal box at the northern terminal on Tuesday night.", "en"),
        ("A levy on ferry tickets has been suggested as a way to pay for the repairs.", "en"),
        ("Ferry users are patient but worried, suggests a survey of the port's passengers.", "en"),
        ("Ferry users are growing impatient with the closure, a survey suggests.", "en"),
        ("Паромщики устали от ремонта, свидетельствует опрос жителей порта.", "ru"),
        # a person's reading, named after the verb
        ("Private surveys suggest a quicker repair than the port expects, Ms Lowe said.", "en"),
    ],
)
def test_news_is_not_commentary(text, language):
    names = proper_names(split_sentences("Ann Lowe runs the port of Elsworth. Директор Анна Лоу.", language))
    people = [name_keys("Ann Lowe"), name_keys("Анна Лоу")]
    assert not characterises(text, language, names, people)


@pytest.mark.shipped
def test_commentary_takes_no_place_of_the_lead():
    """A lead that interprets ("The announcement suggests...") gives its places to the news after it."""
    text = (
        "Port Elsworth will reopen its northern ferry terminal on Monday, the port authority said.\n\n"
        "The announcement suggests that both operators will have room to plan their summer timetables.\n\n"
        "The decision came after weeks of talks, signalling that the harbour may soon return to normal.\n\n"
        "Engineers replaced the cable of the crane that collapsed onto the loading ramp in March.\n\n"
        "Kell Ferries said its first crossing would leave the northern quay at 6am.\n"
    )
    sentences = [s.text for s in split_sentences(text, "en")]
    chosen = chosen_texts(text, "Port Elsworth ferry terminal to reopen", "en", count=3)
    assert chosen == [sentences[0], sentences[3], sentences[4]]
    kept = chosen_texts(
        text, "Port Elsworth ferry terminal to reopen", "en", count=3, params=SummaryParams(commentary=False)
    )
    assert kept == sentences[:3]  # the rule, not the ranking, keeps commentary out


def test_centrality_scales_the_most_shared_sentence_to_one():
    bags = [{"crane", "port", "ramp"}, {"crane", "port"}, {"crane", "ramp"}, {"rain", "sea"}]
    scores = centrality(bags)
    assert scores[0] == 1.0  # it shares terms with both of the others
    assert scores[3] == 0.0  # it shares nothing
    assert 0.0 < scores[1] < 1.0 and 0.0 < scores[2] < 1.0
    assert centrality([set(), set()]) == [0.0, 0.0]


@pytest.mark.parametrize(
    ("template", "title", "language", "dangling", "standalone"),
    [
        (ENGLISH, TITLE, "en", "He added that", STANDALONE["en"]),
        (ENGLISH, TITLE, "en", "As a result, officials said", "Port officials said"),
        (RUSSIAN, RUSSIAN_TITLE, "ru", "Он также сообщил, что", STANDALONE["ru"]),
        (RUSSIAN, RUSSIAN_TITLE, "ru", "Поэтому в порту пообещали, что", "В порту пообещали, что"),
        # a short opening phrase, then a pointer back
        (ENGLISH, TITLE, "en", "On Tuesday, he said", "On Tuesday, officials said"),
        (RUSSIAN, RUSSIAN_TITLE, "ru", "По данным порта, они пообещали, что", "По данным порта,"),
        (RUSSIAN, RUSSIAN_TITLE, "ru", "По их подсчётам,", "По подсчётам администрации порта,"),
        (RUSSIAN, RUSSIAN_TITLE, "ru", "В этом случае", "В порту пообещали, что"),
        (ENGLISH, TITLE, "en", "Despite this, officials said", "Port officials said"),
        # openings that only look like pointers back: a time, or "both" and a name
        (ENGLISH, TITLE, "en", "This time, officials said", "This week, officials said"),
        (ENGLISH, TITLE, "en", "Both officials said", "Both Ann Lowe and the harbour master said"),
        (RUSSIAN, RUSSIAN_TITLE, "ru", "В этом случае", "В этом году"),
    ],
)
def test_no_dangling_opening_without_its_antecedent(template, title, language, dangling, standalone):
    assert central(chosen_texts(template.format(opening=standalone), title, language))
    text = template.format(opening=dangling)
    sentences = split_sentences(text, language)
    leaning = next(i for i, s in enumerate(sentences) if s.text.startswith(dangling))
    for count in (1, 2, 3):
        picked = select_sentences(sentences, title=title, language=language, count=count)
        if leaning in picked:  # only right after the sentence it leans on
            assert picked[picked.index(leaning) - 1] == leaning - 1 and leaning - 1 in picked
    # With room for one sentence there is no room for its antecedent, so it is left out.
    assert leaning not in select_sentences(sentences, title=title, language=language, count=1)


@pytest.mark.parametrize(
    ("template", "title", "language", "opening", "shown"),
    [
        (ENGLISH, TITLE, "en", "However, officials said", "Officials said"),
        (ENGLISH, TITLE, "en", "Also, officials said", "Officials said"),
        (ENGLISH, TITLE, "en", "But officials said", "Officials said"),
        (RUSSIAN, RUSSIAN_TITLE, "ru", "Однако в порту пообещали, что", "В порту пообещали, что"),
    ],
)
def test_an_opening_connective_is_dropped_when_the_sentence_before_is_left_out(
    template, title, language, opening, shown
):
    text = template.format(opening=opening)
    sentences = split_sentences(text, language)
    leaning = next(i for i, s in enumerate(sentences) if s.text.startswith(opening))
    for count in (2, 3):  # the lede, then the central sentence
        picked = select_sentences(sentences, title=title, language=language, count=count)
        summary = summarize_sentences(sentences, title=title, language=language, count=count)
        assert central(summary) and leaning in picked
        expected = opening if leaning - 1 in picked else shown  # kept after the sentence it ties to
        assert sum(t.startswith(f"{expected} ") for t in summary) == 1
    # The sentence as written leans back; as shown, it stands. With the sentence before it, it keeps
    # its connective.
    assert readability_problems(sentences, [0, leaning], language)
    assert not readability_problems(as_shown(sentences, [0, leaning], language), [0, leaning], language)
    assert as_shown(sentences, [leaning - 1, leaning], language)[leaning].text.startswith(opening)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("But last year, he was forced to resign from every post he held.", "en"),  # "he" still leans
        ("Also on the increase are networks of remotely controlled computers.", "en"),  # no comma
        ("Но он отказался комментировать решение суда.", "ru"),
    ],
)
def test_a_connective_is_kept_when_what_follows_it_cannot_stand(text, language):
    assert without_connective(text, language) is None


def test_a_connective_is_kept_when_what_follows_is_a_bare_surname():
    lead, *body = ENGLISH.format(opening="But Lowe said").split("\n\n")
    body[1] = "Port director Ann Lowe watched from the quay while engineers examined the collapsed crane."
    text = "\n\n".join([lead, *body])
    sentences = split_sentences(text, "en")
    people = ["Ann Lowe"]
    for count in (2, 3):
        summary = summarize_sentences(sentences, title=TITLE, language="en", count=count, people=people)
        assert not any(t.startswith("Lowe said") for t in summary)
    assert not central(summarize_sentences(sentences, title=TITLE, language="en", count=2, people=people))


def test_a_clause_joined_by_but_after_a_comma_does_not_point_back():
    sentences = split_sentences(
        "Leeds scored first. Lita then made it 2-0 on 52 minutes, but Makofo netted a volley.", "en"
    )
    assert readability_problems(sentences, [1], "en") == {}
    sentences = split_sentences("Leeds scored first. Last year, he was forced to resign.", "en")
    assert readability_problems(sentences, [1], "en")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ('"We have enough boats, but the dams are under pressure," the minister said.', "en"),
        ("«У нас достаточно лодок, но дамбы под давлением», — сказала министр.", "ru"),
        ("— У нас достаточно лодок, но дамбы под давлением, — сказала министр.", "ru"),
    ],
)
def test_a_comma_inside_a_quotation_opens_no_phrase(text, language):
    sentences = split_sentences(f"The minister visited the town on Tuesday. {text}", language)
    assert readability_problems(sentences, [0, 1], language) == {}


def test_a_person_called_by_surname_comes_with_their_introduction():
    lead, *body = ENGLISH.format(opening="Lowe said").split("\n\n")
    body[1] = "Port director Ann Lowe watched from the quay while engineers examined the collapsed crane."
    text = "\n\n".join([lead, *body])
    people = ["Ann Lowe", "Анна Лоу"]
    # Without knowing the article's people the rule cannot apply, and the central sentence is taken.
    assert central(chosen_texts(text, TITLE, "en", count=2))
    # With them, "Lowe said..." needs the sentence that says who Lowe is: no room for both in two.
    assert not central(chosen_texts(text, TITLE, "en", count=2, people=people))
    texts = chosen_texts(text, TITLE, "en", count=3, people=people)
    assert central(texts) and body[1] in texts
    sentences = split_sentences(text, "en")
    alone = [0, next(i for i, s in enumerate(sentences) if s.text.startswith("Lowe said"))]
    assert readability_problems(sentences, alone, "en", people)
    assert not readability_problems(sentences, sorted([*alone, alone[1] - 1]), "en", people)


@pytest.mark.parametrize("language", ["en", "ru"])
def test_summarize_finds_the_people_itself_as_ingest_does(language):
    template, title = (ENGLISH, TITLE) if language == "en" else (RUSSIAN, RUSSIAN_TITLE)
    surname = "Lowe said" if language == "en" else "Лоу сообщила, что"
    introduction = (
        "Port director Ann Lowe watched from the quay while engineers examined the collapsed crane."
        if language == "en"
        else "Директор порта Анна Лоу наблюдала с причала, как инженеры осматривали упавший кран."
    )
    lead, *body = template.format(opening=surname).split("\n\n")
    body[1] = introduction
    page = f"{title}\n\n" + "\n\n".join([lead, *body])
    # Told that nobody is named, the central sentence is taken with its bare surname alone...
    blind = summarize(page, sentences=2, people=()).sentences
    assert central(blind) and introduction not in blind
    # ...but NER finds Lowe, and "Lowe said..." comes only with the sentence that says who she is.
    for count in (1, 2, 3):
        found = summarize(page, sentences=count).sentences
        assert len(found) == count and (not central(found) or introduction in found)
    assert central(summarize(page, sentences=3).sentences)


def test_a_dangling_sentence_may_follow_its_antecedent():
    lead, *body = ENGLISH.format(opening=STANDALONE["en"]).split("\n\n")
    # The central sentence now leans on the one before it, which the summary takes as well.
    body[2] = "Port director Ann Lowe spoke to reporters at the northern terminal on Tuesday. " + body[
        2
    ].replace(STANDALONE["en"], "She said")
    texts = chosen_texts("\n\n".join([lead, *body]), TITLE, "en", count=3)
    she = [t for t in texts if t.startswith("She said")]
    assert she and texts[texts.index(she[0]) - 1].startswith("Port director Ann Lowe spoke")


CENTRAL = {
    "en": "engineers will inspect every crane in Port Elsworth before ferries return to the northern terminal next week",
    "ru": "инженеры проверят все краны Порт-Элсворта до возвращения паромов к северному терминалу на следующей неделе",
}


@pytest.mark.parametrize(
    ("language", "quoted", "attributed"),
    [
        ("en", '"Our {} ."', '"Our {} ," Ann Lowe said.'),
        ("ru", "«Наши {}».", "«Наши {}», — сказала Анна Лоу."),
        ("ru", "— Наши {}.", "— Наши {}, — сказала Анна Лоу."),
    ],
)
def test_no_quotation_without_its_speaker(language, quoted, attributed):
    template, title = (RUSSIAN, RUSSIAN_TITLE) if language == "ru" else (ENGLISH, TITLE)
    lead, *body = template.format(opening=STANDALONE[language]).split("\n\n")
    for variant, expected in ((attributed, True), (quoted, False)):
        body[2] = variant.format(CENTRAL[language]).replace(" .", ".").replace(" ,", ",")
        assert central(chosen_texts("\n\n".join([lead, *body]), title, language)) is expected, body[2]


def test_no_sentence_cut_out_of_a_longer_quotation():
    lead, *body = ENGLISH.format(opening=STANDALONE["en"]).split("\n\n")
    body[2] = f'"Our {CENTRAL["en"]}. We owe that to every passenger," port director Ann Lowe said.'
    texts = chosen_texts("\n\n".join([lead, *body]), TITLE, "en", count=3)
    assert not any("inspect every crane" in t for t in texts)
    body[2] = f'Our {CENTRAL["en"]}. "We owe that to every passenger," port director Ann Lowe said.'
    assert central(chosen_texts("\n\n".join([lead, *body]), TITLE, "en", count=3))


def test_a_sentence_that_opens_a_running_quotation_keeps_its_speaker():
    # The speaker is named before the quotation opens, so the sentence stands even though the
    # quotation runs on; the sentence after it, inside the quotation, does not.
    lead, *body = ENGLISH.format(opening=STANDALONE["en"]).split("\n\n")
    body[2] = f'Port director Ann Lowe said: "Our {CENTRAL["en"]}. We owe that to every passenger and crew."'
    sentences = split_sentences("\n\n".join([lead, *body]), "en")
    texts = [sentences[i].text for i in select_sentences(sentences, title=TITLE, language="en", count=3)]
    assert central(texts)
    assert not any(t.startswith("We owe that") for t in texts)
    owe = next(i for i, s in enumerate(sentences) if s.text.startswith("We owe that"))
    assert readability_problems(sentences, [owe], "en") == {owe: "quotation cut from its speaker"}


@pytest.mark.parametrize("mark", ['"', "“"])
def test_a_new_quotation_paragraph_ends_the_one_before(mark):
    # Texts that lost their paragraph breaks run a quotation paragraph that was never closed (the
    # convention for a quotation over several paragraphs) into the next one. The narrative sentence
    # after the second quotation is not inside any quotation.
    close = '"' if mark == '"' else "”"
    lead, *body = ENGLISH.format(opening=STANDALONE["en"]).split("\n\n")
    body[2] = (
        f"{mark}We have trained for this for months. Everyone knows their job. "
        f"{mark}Nothing will stop us now!{close} Port officials said {CENTRAL['en']}."
    )
    assert central(chosen_texts("\n\n".join([lead, *body]), TITLE, "en", count=3))


def test_a_quotation_with_a_quoted_word_inside_is_still_bare():
    # The closing mark after "fake" closes the inner quotation, not the one the sentence opens with.
    lead, *body = ENGLISH.format(opening=STANDALONE["en"]).split("\n\n")
    body[2] = f'"Our {CENTRAL["en"]}, and no "quick fix" will do for any of them.'
    assert not central(chosen_texts("\n\n".join([lead, *body]), TITLE, "en", count=3))
    body[2] = f'"Our {CENTRAL["en"]}, and no "quick fix" will do," Ann Lowe said.'
    assert central(chosen_texts("\n\n".join([lead, *body]), TITLE, "en", count=3))


@pytest.mark.parametrize(
    ("template", "title", "language", "dateline", "alone"),
    [
        (ENGLISH, TITLE, "en", "PORT ELSWORTH, March 3 (Harbour Wire) - ", None),
        (
            RUSSIAN,
            RUSSIAN_TITLE,
            "ru",
            "ПОРТ-ЭЛСВОРТ, 3 марта (Портовый вестник) – ",
            "ПОРТ-ЭЛСВОРТ, 3 марта - Портовый вестник. ",
        ),
    ],
)
def test_a_wire_dateline_is_not_part_of_the_summary(template, title, language, dateline, alone):
    text = template.format(opening=STANDALONE[language])
    lede = split_sentences(text, language)[0].text
    texts = summarize_sentences(
        split_sentences(dateline + text, language), title=title, language=language, count=3
    )
    assert texts[0] == lede
    # A dateline that is a sentence of its own ("МОСКВА, 10 авг - РИА Новости.") is never chosen.
    if alone:
        texts = summarize_sentences(split_sentences(alone + text, language), title=title, language=language)
        assert texts[0] == lede and not any("вестник" in t for t in texts)


@pytest.mark.parametrize(
    ("template", "title", "language", "wrapping"),
    [
        (ENGLISH, TITLE, "en", "[{}]"),
        (ENGLISH, TITLE, "en", "Photo: {}"),
        (RUSSIAN, RUSSIAN_TITLE, "ru", "({})"),
        (RUSSIAN, RUSSIAN_TITLE, "ru", "Источник: {}"),
    ],
)
def test_no_aside_or_credit_line(template, title, language, wrapping):
    """A credit line ("[Source: Continental Wire, Alder County Fire District]") shares the story's
    names, but it says who supplied the story, not what happened."""
    paragraphs = template.format(opening=STANDALONE[language]).split("\n\n")
    assert central(chosen_texts("\n\n".join(paragraphs), title, language, count=3))
    paragraphs[3] = wrapping.format(paragraphs[3].strip())
    assert not central(chosen_texts("\n\n".join(paragraphs), title, language, count=3))


def test_a_credit_word_that_is_not_a_label_is_no_credit_line():
    text = ENGLISH.format(opening="Sources close to the port said")
    assert central(chosen_texts(text, TITLE, "en", count=3))


def test_only_a_dated_or_attributed_dateline_is_removed():
    assert without_dateline("LONDON (Reuters) - The bank raised rates.") == "The bank raised rates."
    assert without_dateline("INTERFAX.RU - Сборная вышла в финал.") == "Сборная вышла в финал."
    # A region between place and date, and a sports wire's date with no place.
    assert without_dateline("PORTWELL, Kent, June 4 (Harbour Wire) — The mill shut.") == "The mill shut."
    assert without_dateline("SALT LAKE, Utah (Harbour Wire) - The mill shut.") == "The mill shut."
    assert without_dateline("May 16 (Harbour Wire) — Rovers won the cup.") == "Rovers won the cup."
    assert without_dateline("16 мая (Портовый вестник) — «Маяк» выиграл кубок.") == "«Маяк» выиграл кубок."
    # Nothing but a dateline: kept, so that a summary that falls back to the lead is never empty.
    assert without_dateline("LONDON (Reuters) - ") == "LONDON (Reuters) - "
    for text in (
        "NATO - the alliance - said it would act.",
        "US, UK - and France agreed.",
        "Plain text.",
        "3 people (two of them children) - were hurt.",  # a date needs a month's name
    ):
        assert without_dateline(text) == text


def test_no_duplicates_and_no_labels():
    lead, *body = ENGLISH.format(opening=STANDALONE["en"]).split("\n\n")
    repeated = body[2].strip()
    label = "Port director Ann Lowe, speaking to reporters about every crane at the northern terminal:"
    texts = chosen_texts("\n\n".join([lead, *body, label, repeated]), TITLE, "en", count=3)
    assert texts.count(repeated) == 1
    assert label not in texts


def test_edge_cases():
    sentences = split_sentences("Too short. Also short.", "en")
    assert select_sentences([], title=None, language="en") == []
    assert select_sentences(sentences, title=None, language="en", count=0) == []
    # Every sentence is filtered (too short): the lead rather than nothing.
    assert select_sentences(sentences, title=None, language="en", count=3) == [0, 1]
    assert summarize_sentences(sentences, title=None, language="en", count=1) == ["Too short."]


def test_sentence_terms_are_content_terms(samples):
    texts = {"en": [], "ru": []}
    for path in sorted(samples.rglob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        language = "ru" if sum("а" <= ch <= "я" for ch in text.lower()) > len(text) / 4 else "en"
        texts[language] += [s.text for s in split_sentences(text, language)]
    assert len(texts["en"]) > 50 and len(texts["ru"]) > 50
    for language, sentences in texts.items():
        assert sentence_terms(sentences, language) == [content_terms(s, language) for s in sentences]


def test_summarize_plain_text_and_html():
    text = ENGLISH.format(opening=STANDALONE["en"])
    plain = summarize(f"{TITLE}\n\n{text}", sentences=2)
    assert isinstance(plain, Summary) and plain.language == "en" and len(plain.sentences) == 2
    paragraphs = "".join(f"<p>{p}</p>" for p in text.split("\n\n") if p.strip())
    page = f"<html><head><title>{TITLE}</title></head><body><article><h1>{TITLE}</h1>{paragraphs}</article></body></html>"
    html = summarize(page, sentences=2)
    assert html.title == TITLE and html.sentences == plain.sentences
    russian = summarize(RUSSIAN.format(opening="Директор порта Анна Лоу сообщила, что"), sentences=2)
    assert russian.language == "ru" and len(russian.sentences) == 2


def test_merged_russian_closing_quotes_do_not_hide_the_lede():
    # «Завод «Северный» closes two quotations with one mark, as Russian typography does.
    lead = (
        "Администрация порта выставила на продажу АО «Судоремонтный завод «Северный» вместе с его причалами."
    )
    text = RUSSIAN.format(opening=STANDALONE["ru"]).replace(
        "Во вторник утром над тихим портовым городом Порт-Элсворт шёл сильный дождь.", lead
    )
    sentences = split_sentences(text, "ru")
    assert sentences[0].text == lead
    assert 0 in select_sentences(sentences, title=RUSSIAN_TITLE, language="ru", count=2)
    # A quotation that really stays open is still kept out.
    opened = text.replace(
        lead, "«Администрация порта выставила на продажу судоремонтный завод вместе с его причалами."
    )
    assert 0 not in select_sentences(
        split_sentences(opened, "ru"), title=RUSSIAN_TITLE, language="ru", count=3
    )


def test_readability_problems_names_what_a_reader_would_trip_on():
    lead, *body = ENGLISH.format(opening="He added that").split("\n\n")
    body[0] = f'"Our {CENTRAL["en"]}. We owe that to every passenger," port director Ann Lowe said.'
    sentences = split_sentences("\n\n".join([lead, *body]), "en")
    cut = next(i for i, s in enumerate(sentences) if s.text.startswith('"Our engineers'))
    leaning = next(i for i, s in enumerate(sentences) if s.text.startswith("He added"))
    problems = readability_problems(sentences, [0, cut, leaning], "en")
    assert set(problems) == {cut, leaning}
    assert "speaker" in problems[cut] and "pointing back" in problems[leaning]
    # Taken with the sentence it leans on, the dangling sentence stands.
    assert leaning not in readability_problems(sentences, [leaning - 1, leaning], "en")


def test_summaries_of_the_sample_corpus_have_no_readability_problem(samples):
    from nutgraf.clean import clean_text
    from nutgraf.ingest import iter_documents
    from nutgraf.lang import detect_language
    from nutgraf.model import RawDocument

    checked = 0
    for document in iter_documents(sorted(samples.glob("*"))):
        if not isinstance(document, RawDocument) or document.kind != "text":
            continue
        cleaned = clean_text(document.content if isinstance(document.content, str) else "")
        if not cleaned.text:
            continue
        language = detect_language(cleaned.text)
        sentences = split_sentences(cleaned.text, language)
        picked = select_sentences(sentences, title=cleaned.title, language=language, count=3)
        assert readability_problems(as_shown(sentences, picked, language), picked, language) == {}, (
            document.origin
        )
        checked += 1
    assert checked >= 5


@pytest.mark.shipped
@pytest.mark.parametrize(
    ("template", "title", "language", "opening"),
    [
        (ENGLISH, TITLE, "en", "He added that"),
        (ENGLISH, TITLE, "en", "However, officials said"),
        (RUSSIAN, RUSSIAN_TITLE, "ru", "Он также сообщил, что"),
        (RUSSIAN, RUSSIAN_TITLE, "ru", "Однако в порту пообещали, что"),
    ],
)
def test_the_defaults_keep_the_rules(template, title, language, opening):
    """A lead-anchored summary is held to the same rules: here the sentence that leans back opens
    the article's second paragraph, inside the lead, after a caption too short to stand."""
    paragraphs = template.format(opening=opening).split("\n\n")
    text = "\n\n".join(["Cranes at the port.", paragraphs[3], *paragraphs[:3], *paragraphs[4:]])
    sentences = split_sentences(text, language)
    assert sentences[1].text.startswith(opening)
    for count in (1, 2, 3):
        picked = select_sentences(sentences, title=title, language=language, count=count)
        assert picked and not readability_problems(as_shown(sentences, picked, language), picked, language)


@pytest.mark.shipped
def test_a_first_sentence_that_points_at_the_headline_does_not_open_the_summary():
    text = (
        "This is the first ferry strike at Port Elsworth in eleven years.\n\n"
        "Crews of the Kell Island ferries walked out at dawn on Tuesday over a pay offer of 2 percent.\n\n"
        "The Elsworth Ferry Company said it would run a reduced timetable from the southern quay.\n\n"
        "Union organiser Ann Lowe said the crews would return once the company reopened talks.\n"
    )
    sentences = split_sentences(text, "en")
    picked = select_sentences(sentences, title="Ferry crews strike", language="en", count=3)
    assert 0 not in picked and picked == [1, 2, 3]
    rewritten = text.replace("This is the first", "The walkout is the first")  # names what it is
    assert 0 in select_sentences(
        split_sentences(rewritten, "en"), title="Ferry crews strike", language="en", count=3
    )


@pytest.mark.shipped
def test_a_pronoun_that_opens_a_relative_clause_does_not_point_at_the_headline():
    text = (
        "Those who sailed to Kell Island on Tuesday found the ferry half empty after the fare rise.\n\n"
        "The Elsworth Ferry Company raised fares by a tenth on Monday, citing the cost of fuel.\n\n"
        "Union organiser Ann Lowe said the rise would hurt island families most.\n"
    )
    assert 0 in select_sentences(split_sentences(text, "en"), title=None, language="en", count=2)
