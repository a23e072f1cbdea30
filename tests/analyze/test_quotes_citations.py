from analyze.test_entities import spans_of
from nutgraf.analyze.citations import extract_citations
from nutgraf.analyze.entities import link_entities
from nutgraf.analyze.quotes import extract_quotes
from nutgraf.lang import split_sentences


def analyse(text: str, language: str, *people: str):
    spans = spans_of(text, *((p, "PER") for p in people))
    _, mentions = link_entities(text, language, spans)
    return extract_quotes(text, language, mentions, split_sentences(text, language)), mentions


def test_quote_attributed_after_with_role():
    text = (
        "Kazakhstan signed the deal on Tuesday.\n\n"
        "“This corridor is no longer an experiment, it is a working artery,” said Nurlan Abenov, "
        "Kazakhstan's transport minister."
    )
    (quote,), _ = analyse(text, "en", "Nurlan Abenov")
    assert quote.kind == "direct" and quote.speaker == "Nurlan Abenov"
    assert quote.role == "Kazakhstan's transport minister" and quote.text.startswith("This corridor")
    assert quote.speaker_entity_id


def test_label_line_interview_quote():
    text = (
        "Experts welcomed the deal.\n\nAigerim Sadykova, transport economist at the Almaty Institute:\n\n"
        "“The corridor will only work if the tariffs are set jointly and published in advance.”"
    )
    (quote,), _ = analyse(text, "en", "Aigerim Sadykova")
    assert quote.speaker == "Aigerim Sadykova" and quote.role == "transport economist at the Almaty Institute"


def test_pronoun_quote_goes_to_the_subject_of_the_previous_sentence():
    text = (
        "Coach Tomas Ek praised his team after the final against Mark Doyle's side. "
        "“We waited seventeen years for a night like this one,” he said."
    )
    quotes, _ = analyse(text, "en", "Tomas Ek", "Mark Doyle")
    assert quotes[0].speaker == "Tomas Ek"


def test_reported_speech():
    text = "The Kremlin's press secretary, Dmitry Peskov, indicated that the leaders would meet next week in Minsk."
    (quote,), _ = analyse(text, "en", "Dmitry Peskov")
    assert quote.kind == "reported" and quote.text.startswith("the leaders would meet")
    assert quote.role == "Kremlin's press secretary"


def test_russian_guillemets_dash_and_reported():
    text = (
        "«Вода пришла за ночь, мы едва успели вывести людей», — сказала Светлана Королёва, глава областного МЧС.\n\n"
        "— Мы готовы к любому развитию событий, — сказал мэр Олег Руднев.\n\n"
        "Олег Руднев отметил, что дамбы выдержали напор воды в ночь на среду."
    )
    quotes, _ = analyse(text, "ru", "Светлана Королёва", "Олег Руднев")
    kinds = [(q.kind, q.speaker) for q in quotes]
    assert kinds == [("direct", "Светлана Королёва"), ("direct", "Олег Руднев"), ("reported", "Олег Руднев")]
    assert quotes[0].role == "глава областного МЧС"
    assert quotes[1].role == "мэр"
    assert quotes[2].text.startswith("дамбы выдержали")


def test_scare_quotes_are_not_quotes():
    text = "Putin described relations as «brotherly» and praised the «Oreshnik» system."
    quotes, _ = analyse(text, "en", "Putin")
    assert all(q.kind != "direct" for q in quotes)


def test_citations_english():
    text = (
        "AKTAU, Kazakhstan, March 10 (Continental Wire) — The deal was signed. According to officials cited by "
        "the Belarusian agency BelTA, troops moved. Cargo rose, according to figures released by the Kazakh "
        "transport ministry, while prices fell. According to both sides, talks were useful. "
        "[Source: Kremlin press service] (Harbour Gazette report; official briefings.)"
    )
    names = [c.name for c in extract_citations(text, "en")]
    assert names == [
        "Continental Wire",
        "BelTA",
        "Kazakh transport ministry",
        "Kremlin press service",
        "Harbour Gazette",
    ]


def test_a_person_after_according_to_is_not_a_source():
    text = "According to Peskov, the leaders will meet next week."
    _, mentions = analyse(text, "en", "Peskov")
    assert extract_citations(text, "en", mentions) == []


def test_citations_russian():
    text = (
        "АКТАУ, 10 марта (Континент-Пресс) — Соглашение подписано. По данным министерства транспорта Казахстана, "
        "грузооборот вырос. Об этом сообщает ТАСС. Как передаёт Северная правда, очереди выросли.\n"
        "Источник: Континент-Пресс"
    )
    names = [c.name for c in extract_citations(text, "ru")]
    assert names[:2] == ["Континент-Пресс", "Министерство транспорта Казахстана"]
    assert "Северная правда" in names and len(names) == len(set(names))
    assert any(name in {"ТАСС", "TASS"} for name in names)
