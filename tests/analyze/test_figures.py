import json
from importlib import resources

import pytest

from helpers import needs_shared
from nutgraf.analyze.figures import extract_figures, subject_keys
from nutgraf.lang import content_terms, get_language
from nutgraf.model import Figure

NBSP, THIN, NARROW = "\u00a0", "\u2009", "\u202f"


def figures(text: str, language: str) -> list[Figure]:
    found = extract_figures(text, language)
    for figure in found:
        assert text[figure.start : figure.end] == figure.text
    assert [f.start for f in found] == sorted(f.start for f in found)
    return found


def only(text: str, language: str) -> Figure:
    found = figures(text, language)
    assert len(found) == 1, found
    return found[0]


# --- numbers, scales and units ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "surface", "value", "unit"),
    [
        ("Bilateral trade reached $50 billion, officials said.", "en", "$50 billion", 50e9, "USD"),
        ("The lender raised $1.2bn from investors.", "en", "$1.2bn", 1.2e9, "USD"),
        ("The council will spend £46 million on roads.", "en", "£46 million", 46e6, "GBP"),
        ("The museum got €3 million from donors.", "en", "€3 million", 3e6, "EUR"),
        ("The ferry firm cut A$68m from its targets.", "en", "A$68m", 68e6, "AUD"),
        ("The club paid 300 million euros for the site.", "en", "300 million euros", 300e6, "EUR"),
        ("A ticket costs 64 pence more.", "en", "64 pence", 0.64, "GBP"),
        ("The fund holds USD 40 million in bonds.", "en", "USD 40 million", 40e6, "USD"),
        ("The rate was 3.76 BYN on Monday.", "en", "3.76 BYN", 3.76, "BYN"),
        ("Товарооборот достиг рекорда в $50 миллиардов.", "ru", "$50 миллиардов", 50e9, "USD"),
        ("Порт принес 50 млрд долларов выручки.", "ru", "50 млрд долларов", 50e9, "USD"),
        ("Кредит составил 1,2 млрд долларов.", "ru", "1,2 млрд долларов", 1.2e9, "USD"),
        ("Инвестиции составят 19,2 млрд рублей.", "ru", "19,2 млрд рублей", 19.2e9, "RUB"),
        ("Страховщики выплатят 4,3 млрд руб. владельцам.", "ru", "4,3 млрд руб.", 4.3e9, "RUB"),
        ("Билет стоит 300 ₽ для взрослых.", "ru", "300 ₽", 300, "RUB"),
        ("Средняя зарплата — 500 тысяч тенге.", "ru", "500 тысяч тенге", 500e3, "KZT"),
        ("Пособие выросло до 1 000 манат.", "ru", "1 000 манат", 1000, "AZN"),
        ("Проезд подорожал до 50 копеек.", "ru", "50 копеек", 0.5, "RUB"),
        ("Бюджет фонда — 2 трлн рублей.", "ru", "2 трлн рублей", 2e12, "RUB"),
    ],
)
def test_currencies_are_scaled_and_normalised(text, language, surface, value, unit):
    figure = only(text, language)
    assert (figure.text, figure.unit) == (surface, unit)
    assert figure.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "language", "value", "unit"),
    [
        ("Exports rose 5.7% in the quarter.", "en", 5.7, "percent"),
        ("Exports rose 5,7% in the quarter.", "en", 5.7, "percent"),
        ("Some 87% of members agreed.", "en", 87, "percent"),
        ("Fares went up 14 percent overnight.", "en", 14, "percent"),
        ("Fares went up 14 per cent overnight.", "en", 14, "percent"),
        ("Support fell 3 percentage points.", "en", 3, "pp"),
        ("Экспорт вырос на 5,7% за квартал.", "ru", 5.7, "percent"),
        (f"Экспорт вырос на 5,7{NBSP}% за квартал.", "ru", 5.7, "percent"),
        ("Тарифы выросли на 14 процентов.", "ru", 14, "percent"),
        ("Доля выросла на 2 процентных пункта.", "ru", 2, "pp"),
    ],
)
def test_percentages(text, language, value, unit):
    figure = only(text, language)
    assert (figure.value, figure.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize(
    ("text", "language", "value", "unit"),
    [
        ("The convoy stopped 100 kilometers from the border.", "en", 100, "km"),
        ("The tunnel runs 1,200 metres under the bay.", "en", 1200, "m"),
        ("The statue weighs 2,150 kg in all.", "en", 2150, "kg"),
        ("The port handled 4 million tonnes of grain.", "en", 4e6, "tonnes"),
        ("The blaze has scorched 14,300 acres of forest.", "en", 14300, "acres"),
        ("Gusts of 15 metres per second hit the coast.", "en", 15, "m/s"),
        ("The river reached 912 cm at the gauge.", "en", 912, "cm"),
        ("Колонна остановилась в 100 км от границы.", "ru", 100, "km"),
        ("Тоннель длиной 1 200 м построят к осени.", "ru", 1200, "m"),
        ("Уровень воды поднялся до отметки 912 см.", "ru", 912, "cm"),
        ("Памятник весит 2 150 кг.", "ru", 2150, "kg"),
        ("Порт перевалил 4 млн тонн зерна.", "ru", 4e6, "tonnes"),
        ("Огонь прошел 19 тысяч гектаров леса.", "ru", 19e3, "ha"),
        ("Порывы ветра достигали 15 метров в секунду.", "ru", 15, "m/s"),
        ("Ночью ветер достигал 40 миль в час.", "ru", 40, "mph"),  # a speed, not 40 miles
    ],
)
def test_measures(text, language, value, unit):
    figure = only(text, language)
    assert (figure.value, figure.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize(
    ("text", "language", "value", "unit"),
    [
        ("Rescuers moved 8,000 people to shelters.", "en", 8000, "people"),
        ("The plant will create 1,200 jobs by spring.", "en", 1200, "jobs"),
        ("The plant will create 1,200 new jobs by spring.", "en", 1200, "jobs"),
        ("The trawler had 38 crew on board.", "en", 38, "people"),
        ("Two million people live in the valley.", "en", 2e6, "people"),
        ("Из поселка вывезли 3 400 человек.", "ru", 3400, "people"),
        (f"Из поселка вывезли 3{NBSP}400 человек.", "ru", 3400, "people"),
        (f"Из поселка вывезли 3{THIN}400 человек.", "ru", 3400, "people"),
        (f"Из поселка вывезли 3{NARROW}400 человек.", "ru", 3400, "people"),
        ("На площадь пришли 8 тысяч человек.", "ru", 8000, "people"),
        ("Завод создаст 1 200 рабочих мест.", "ru", 1200, "jobs"),
        ("Завод создаст 8 тысяч новых рабочих мест.", "ru", 8000, "jobs"),
    ],
)
def test_counts(text, language, value, unit):
    figure = only(text, language)
    assert (figure.value, figure.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize(
    ("text", "language", "surface", "value", "unit"),
    [
        ("Half a million people fled the region.", "en", "Half a million people", 5e5, "people"),
        ("The storm left 15m people without water.", "en", "15m people", 15e6, "people"),
        ("She won the 400m final easily.", "en", "400m", 400, "m"),
        ("В городе живут два миллиона человек.", "ru", "два миллиона человек", 2e6, "people"),
        ("Бюджет составит полтора миллиарда рублей.", "ru", "полтора миллиарда рублей", 1.5e9, "RUB"),
        ("Почти 15 тыс. человек остались без света.", "ru", "15 тыс. человек", 15e3, "people"),
    ],
)
def test_number_words_and_short_scales(text, language, surface, value, unit):
    figure = only(text, language)
    assert (figure.text, figure.unit) == (surface, unit)
    assert figure.value == pytest.approx(value)


def test_english_and_russian_read_a_comma_differently():
    assert only("The mill employs 1,200 workers.", "en").value == 1200
    assert only("Кредит составил 1,200 млрд рублей.", "ru").value == pytest.approx(1.2e9)
    assert only("The loan was $1,200.50 in all.", "en").value == pytest.approx(1200.5)


# --- what is not a figure --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The bridge opened in 2024 after delays.", "en"),
        ("The plan runs until 2026, the mayor said.", "en"),
        ("The ferry sank on March 10 off the coast.", "en"),
        ("The vote closes at 2 p.m. on Friday.", "en"),
        ("The vote closed at 14:05 local time.", "en"),
        ("They restored a 17th-century chapel.", "en"),
        ("The home side won 3-1 on Sunday.", "en"),
        ("The Meteor-Sever-1 satellite and two Su-35 jets were shown.", "en"),
        ("A 30-day truce was agreed.", "en"),
        ("1. Bring water.\n2. Bring food.", "en"),
        ("In 2019 people rallied in the square.", "en"),
        ("The COVID-19 rules ended, and the G20 met.", "en"),
        ("В 2024 году мост открыли.", "ru"),
        ("Встреча пройдет 14 марта в Минске.", "ru"),
        ("Заседание началось в 14:05.", "ru"),
        ("Собор XVII века отреставрировали.", "ru"),
        ("Над городом пролетели Ту-95МС.", "ru"),
        ("Стороны обсудили идею 30-дневного перемирия.", "ru"),
        ("Приказ от 13.03.2025 вступил в силу.", "ru"),
        ("Матч закончился со счетом 2:1.", "ru"),
        ("Under the 1989 Children Act, councils must act.", "en"),
        ("The crowd chanted 1, 2, 3 and left.", "en"),
    ],
)
def test_non_figures_are_skipped(text, language):
    assert figures(text, language) == []


# --- approximate -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "cue",
    ["nearly", "almost", "about", "around", "approximately", "some", "roughly", "more than", "over", "up to"],
)
def test_english_approximate_cues(cue):
    assert only(f"The fire forced {cue} 3,000 people from their homes.", "en").approximate


@pytest.mark.parametrize("cue", ["почти", "около", "порядка", "примерно", "более", "свыше", "до"])
def test_russian_approximate_cues(cue):
    assert only(f"Из домов эвакуировали {cue} 3 тысяч человек.", "ru").approximate


@pytest.mark.parametrize(
    ("text", "language", "approximate"),
    [
        ("Turnover reached $50 billion last year.", "en", False),
        ("Turnover nearly reached $60 billion last year.", "en", True),
        ("Оборот почти достиг 60 млрд долларов.", "ru", True),
        ("Оборот достиг 60 млрд долларов.", "ru", False),
        ("Инфляция снизилась до 9,5%.", "ru", False),
        ("Цены выросли от 3 до 5%.", "ru", False),
    ],
)
def test_approximate_only_when_a_cue_says_so(text, language, approximate):
    assert figures(text, language)[-1].approximate is approximate


# --- subjects --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "surface", "subject"),
    [
        (
            "In 2024, trade turnover between the two states reached $50 billion.",
            "en",
            "$50 billion",
            "trade_turnover",
        ),
        (
            "Record trade turnover, which nearly reached $60 billion, was hailed.",
            "en",
            "$60 billion",
            "trade_turnover",
        ),
        ("The carmaker will invest £46 million in the plant.", "en", "£46 million", "investment"),
        ("The new span cost $3 million to build.", "en", "$3 million", "cost"),
        ("About 3,400 residents were evacuated overnight.", "en", "3,400 residents", "evacuees"),
        ("The quake killed 50 people in the hills.", "en", "50 people", "death_toll"),
        ("At least 12 people were injured in the crash.", "en", "12 people", "injured"),
        ("The wildfire has burned 14,300 acres so far.", "en", "14,300 acres", "area_burned"),
        ("Firefighters said the blaze was 87% contained.", "en", "87%", "containment"),
        ("Annual inflation stood at 7.5% in May.", "en", "7.5%", "inflation"),
        ("The central bank held its key rate at 21%.", "en", "21%", "key_rate"),
        ("Household deposits totalled £2 billion.", "en", "£2 billion", "deposits"),
        ("The stadium drew a crowd of 60,000 people.", "en", "60,000 people", "attendance"),
        ("The factory will bring 1,200 jobs to the town.", "en", "1,200 jobs", "jobs"),
        ("Gusts of 15 metres per second lashed the pier.", "en", "15 metres per second", "speed"),
        ("The camp lies 100 kilometers from the city.", "en", "100 kilometers", "distance"),
        (
            "В 2024 году товарооборот между странами достиг $50 миллиардов.",
            "ru",
            "$50 миллиардов",
            "trade_turnover",
        ),
        ("Объем инвестиций составит 19,2 млрд рублей.", "ru", "19,2 млрд рублей", "investment"),
        ("Из зоны паводка эвакуированы 3 400 человек.", "ru", "3 400 человек", "evacuees"),
        ("В результате обрушения погибли 12 человек.", "ru", "12 человек", "death_toll"),
        ("Страховые выплаты составят 4,3 млрд рублей.", "ru", "4,3 млрд рублей", "insurance_payout"),
        ("Более 87% избирателей проголосовали за него.", "ru", "87%", "votes"),
        ("Огонь уничтожил 19 тысяч гектаров тайги.", "ru", "19 тысяч гектаров", "area_burned"),
        ("Ключевая ставка сохранена на уровне 21%.", "ru", "21%", "key_rate"),
        ("Уровень воды в реке достиг 912 см.", "ru", "912 см", "water_level"),
        ("Завод создаст 1 200 рабочих мест.", "ru", "1 200 рабочих мест", "jobs"),
    ],
)
def test_subject_keys(text, language, surface, subject):
    found = {f.text: f for f in figures(text, language)}
    assert found[surface].subject == subject


@pytest.mark.parametrize(
    ("text", "language", "surface", "subject"),
    [
        ("Trade turnover reached $50 billion, up 5.7% on 2023.", "en", "5.7%", "trade_turnover_change"),
        ("Trade turnover rose 5.7% to $50 billion.", "en", "5.7%", "trade_turnover_change"),
        ("Exports grew by 4% in the quarter.", "en", "4%", "exports_change"),
        ("Annual inflation rose to 7.5% in May.", "en", "7.5%", "inflation"),
        (
            "Товарооборот достиг $50 миллиардов, что на 5,7% больше, чем годом ранее.",
            "ru",
            "5,7%",
            "trade_turnover_change",
        ),
        ("Товарооборот вырос на 5,7% и достиг $50 миллиардов.", "ru", "5,7%", "trade_turnover_change"),
        ("Инфляция снизилась до 9,5%.", "ru", "9,5%", "inflation"),
        ("Вклады выросли на 2,5 трлн рублей.", "ru", "2,5 трлн рублей", "deposits_change"),
    ],
)
def test_a_stated_change_gets_its_own_key(text, language, surface, subject):
    found = {f.text: f for f in figures(text, language)}
    assert found[surface].subject == subject


def test_change_and_amount_never_share_a_subject():
    found = figures("Trade turnover reached $50 billion, up 5.7% on 2023.", "en")
    assert [f.subject for f in found] == ["trade_turnover", "trade_turnover_change"]


def test_a_cue_that_does_not_suit_the_unit_is_ignored():
    # "cost" measures money, not a distance: the distance is what 100 km measures
    figure = {f.text: f for f in figures("The road cost $5 million and runs 100 km.", "en")}
    assert figure["$5 million"].subject == "cost"
    assert figure["100 km"].subject == "distance"


@pytest.mark.parametrize(
    ("text", "language", "subject"),
    [
        # "housing" is a cue of homes_damaged, but shelters housing people count people
        ("The shelters in the school are now housing 210 people.", "en", None),
        ("Домой уже вернулись около 900 человек.", "ru", None),
        ("The storm flattened 300 homes on the coast.", "en", "homes_damaged"),
        ("Ураган разрушил 300 домов на побережье.", "ru", "homes_damaged"),
    ],
)
def test_a_key_that_counts_homes_takes_no_count_of_people(text, language, subject):
    figure = only(text, language)
    if subject is None:
        assert figure.unit == "people" and figure.subject != "homes_damaged"
    else:
        assert figure.subject == subject


@pytest.mark.parametrize(
    ("text", "language", "subject"),
    [
        # a word that alone says little ("cutting", "lost") makes a count of jobs or staff a cut
        ("The company is cutting 1,200 jobs in Leeds.", "en", "job_cuts"),
        ("The factory will close with the loss of 1,200 jobs.", "en", "job_cuts"),
        ("The council will help the 1,200 workers who will lose their jobs.", "en", "job_cuts"),
        ("The bank will shed 2,000 employees by 2027.", "en", "job_cuts"),
        ("Работу потеряют 1200 сотрудников завода.", "ru", "job_cuts"),
        ("Завод сократит 1 200 рабочих мест.", "ru", "job_cuts"),
        ("Без работы останутся 1 200 человек.", "ru", "job_cuts"),
        # ...but not when the subject's own cue is nearer, nor a count it was no cue for
        ("The new plant will create 500 jobs.", "en", "jobs"),
        ("The plant employs 1,350 people and will cut costs.", "en", "workforce"),
        ("The firm, which employs 1,350 people, cut its forecast.", "en", "workforce"),
        ("На заводе работают 1 350 человек, выпуск сократят вдвое.", "ru", "workforce"),
    ],
)
def test_a_refiner_tells_job_cuts_from_jobs_and_the_workforce(text, language, subject):
    assert only(text, language).subject == subject


def test_people_forced_to_leave_their_homes_are_evacuees():
    assert only("Паводок вынудил покинуть свои дома около 2 000 человек.", "ru").subject == "evacuees"


def test_fallback_subject_is_stems_of_the_words_before_the_number():
    figure = only("The orchestra's violins fetched £2 million.", "en")
    assert figure.subject == " ".join(content_terms("orchestra's violins fetched", "en"))
    assert only("£2 million.", "en").subject is None


def test_a_currency_conversion_shares_the_subject_of_what_it_converts():
    found = figures("The carmaker will invest $2.5m (£1.33m) in the town.", "en")
    assert [f.subject for f in found] == ["investment", "investment"]
    assert [f.unit for f in found] == ["USD", "GBP"]


def test_inflected_russian_cues_match_by_stem():
    for text in (
        "Рост товарооборота составил 3 млрд долларов.",
        "По товарообороту страны вышли на 3 млрд долларов.",
    ):
        assert only(text, "ru").subject == "trade_turnover"


# --- periods ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "period"),
    [
        ("In 2024, exports reached $5 billion.", "en", "2024"),
        ("Exports reached $5 billion last year.", "en", "last year"),
        ("Exports should reach $6 billion this year.", "en", "this year"),
        ("The plant will ship 2 million tonnes a year.", "en", "per year"),
        ("Exports reached $5 billion, up from a year earlier.", "en", None),
        ("В 2024 году экспорт достиг 5 млрд долларов.", "ru", "2024"),
        ("Экспорт в прошлом году достиг 5 млрд долларов.", "ru", "прошлый год"),
        ("Завод будет выпускать 2 млн тонн в год.", "ru", "в год"),
        # "now" keeps an older year in the sentence away from a present figure
        ("Lumora opened the plant in 2016 and currently employs about 1,350 people.", "en", "now"),
        ("The company now expects revenue of $5 billion in 2027.", "en", "2027"),
        ("Завод открыт в 2016 году, сейчас на нём работают 1 350 человек.", "ru", "сейчас"),
    ],
)
def test_periods(text, language, period):
    assert only(text, language).period == period


# --- other languages, the lexicon, the seeds -------------------------------------------------


def test_a_language_without_tables_still_gets_signs_and_percent():
    found = figures("Der Umsatz stieg auf $5 und 7% im Jahr 2024.", "de")
    assert [(f.value, f.unit) for f in found] == [(5, "USD"), (7, "percent")]


def test_empty_and_numberless_texts():
    assert extract_figures("", "en") == []
    assert extract_figures("No numbers here at all.", "ru") == []


def _lexicon() -> dict:
    raw = resources.files("nutgraf.analyze").joinpath("subjects.json").read_text(encoding="utf-8")
    return json.loads(raw)["subjects"]


def test_lexicon_covers_both_languages():
    lexicon = _lexicon()
    assert len(lexicon) >= 40
    assert subject_keys() == list(lexicon)
    kinds = {
        "money",
        "percent",
        "count",
        "length",
        "mass",
        "area",
        "speed",
        "volume",
        "power",
        "energy",
        "temperature",
    }
    for key, entry in lexicon.items():
        assert entry["en"] and entry["ru"], key
        assert set(entry["kinds"]) <= kinds, key
        assert not key.endswith("_change"), key
        if "counts" in entry:  # counted nouns the figure readers know, for a key of counts
            assert "count" in entry["kinds"], key
            assert set(entry["counts"]) <= set(get_language("en").FIGURE_COUNTED.values()), key
        if "same_units" in entry:  # counted units that are one quantity for this key
            assert set(entry["same_units"]) <= set(get_language("en").FIGURE_COUNTED.values()), key
        if "refines" in entry:  # keys it sharpens, with words in both languages
            assert set(entry["refines"]["keys"]) <= set(lexicon) - {key}, key
            assert entry["refines"]["en"] and entry["refines"]["ru"], key


@pytest.mark.parametrize("language", ["en", "ru"])
def test_no_cue_stems_belong_to_two_keys(language):
    owner: dict[tuple[str, ...], str] = {}
    for key, entry in _lexicon().items():
        for cue in entry[language]:
            stems = tuple(content_terms(cue, language))
            assert stems, (key, cue)
            assert owner.setdefault(stems, key) == key, (cue, owner[stems], key)


def test_seed_003_russian_trade_figures():
    text = needs_shared("seeds", "003_6e2fcb4d176851e8.txt").read_text(encoding="utf-8")
    found = figures(text, "ru")
    turnover = [f for f in found if f.unit == "USD" and f.value == pytest.approx(50e9)]
    assert len(turnover) == 1
    assert (turnover[0].subject, turnover[0].period) == ("trade_turnover", "2024")
    growth = [f for f in found if f.unit == "percent" and f.value == pytest.approx(5.7)]
    assert len(growth) == 1
    assert growth[0].subject != "trade_turnover"
    assert growth[0].subject == "trade_turnover_change"


def test_seed_004_english_trade_figure_is_approximate():
    text = needs_shared("seeds", "004_fb02f65be330e90a.txt").read_text(encoding="utf-8")
    turnover = [f for f in figures(text, "en") if f.unit == "USD" and f.value == pytest.approx(60e9)]
    assert len(turnover) == 1
    assert turnover[0].subject == "trade_turnover"
    assert turnover[0].approximate


def test_seed_002_distance_is_approximate():
    text = needs_shared("seeds", "002_6071332e53ed9011.txt").read_text(encoding="utf-8")
    distances = [f for f in figures(text, "en") if f.unit == "km"]
    assert [(f.value, f.approximate) for f in distances] == [(100, True)]
