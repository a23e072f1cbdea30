"""The invented corpus of the web tests (see conftest.py): records in the JSONL format."""

from __future__ import annotations

XSS_TITLE = "<script>alert(1)</script>"

FERRY_EN = (
    "A new electric ferry, the Silver Heron, began carrying passengers across Lake Ostrava in Finland on "
    "Tuesday, linking the towns of Marlow and Pine Harbour for the first time in a decade.\n\n"
    "The ferry cost 12 million euros to build and can carry 40 cars on each crossing, the regional "
    "transport office said in a statement.\n\n"
    "Mayor Elina Varto said the crossing would cut the drive between the two towns from ninety minutes "
    'to twenty. "This ferry gives our towns back to each other," Varto said.\n\n'
    "Crossings will run every hour from six in the morning until ten at night, and tickets for foot "
    "passengers will cost three euros."
)

RECORDS = [
    {
        "id": "lc-1",
        "url": "https://lakeside-courier.example/ferry-silver-heron",
        "source": "Lakeside Courier",
        "language": "en",
        "published": "2026-03-03T09:00:00Z",
        "title": "Electric ferry Silver Heron starts crossings on Lake Ostrava",
        "text": FERRY_EN,
    },
    {
        "id": "wd-1",
        "url": "https://wire-digest.example/ferry",
        "source": "Wire Digest",
        "language": "en",
        "published": "2026-03-03T11:30:00Z",
        "title": "Electric ferry Silver Heron starts crossings on Lake Ostrava",
        "text": FERRY_EN,
    },
    {
        "id": "ph-1",
        "url": "https://pine-harbour-times.example/heron",
        "source": "Pine Harbour Times",
        "language": "en",
        "published": "2026-03-04T08:15:00Z",
        "title": "Pine Harbour welcomes the Silver Heron ferry",
        "text": (
            "Hundreds of residents of Pine Harbour in Finland gathered at the pier on Tuesday to watch the "
            "electric ferry Silver Heron arrive from Marlow on its first crossing of Lake Ostrava.\n\n"
            "The ferry cost 15 million euros, according to the regional transport office, and it was built "
            "at a shipyard in Turku over two years.\n\n"
            "Mayor Elina Varto told the crowd that the ferries would run every hour. Local shop owners said "
            "they expected more visitors from Marlow over the summer.\n\n"
            "A second ferry will join the route on Saturday, the transport office said. Season tickets "
            "go on sale next week."
        ),
    },
    {
        "id": "ov-1",
        "url": "https://ozerny-vestnik.example/parom",
        "source": "Озёрный вестник",
        "language": "ru",
        "published": "2026-03-03T12:00:00Z",
        "title": "Электрический паром «Серебряная цапля» начал работу на озере Острава",
        "text": (
            "Новый электрический паром «Серебряная цапля» во вторник начал перевозить пассажиров через "
            "озеро Острава в Финляндии между городами Марлоу и Пайн-Харбор.\n\n"
            "Строительство парома обошлось в 12 миллионов евро, сообщили в региональном транспортном "
            "управлении. Паромом за один рейс можно перевезти 40 автомобилей.\n\n"
            "Мэр Элина Варто заявила, что переправа сократит дорогу между городами с девяноста минут до "
            "двадцати. Рейсы будут выполняться каждый час с шести утра до десяти вечера."
        ),
    },
    {
        "id": "lc-2",
        "url": "https://lakeside-courier.example/library",
        "source": "Lakeside Courier",
        "language": "en",
        "published": "2026-05-12T10:00:00Z",
        "title": "Marlow library reopens after spring flood repairs",
        "text": (
            "The public library in Marlow reopened on Monday after six weeks of repairs to damage caused by "
            "the spring flood, the town council said.\n\n"
            "Water had reached the ground floor reading room in March, and about 2,000 books were lost. "
            "Volunteers dried and catalogued the rest of the collection.\n\n"
            "The library's director, Tomas Keller, thanked residents who donated books to replace those "
            "that were damaged."
        ),
    },
    {
        "id": "xss-1",
        "url": "javascript:alert(3)",
        "source": "Prank Gazette",
        "language": "en",
        "published": "2026-06-01T08:00:00Z",
        "title": XSS_TITLE,
        "text": (
            "This article was written to test that a title like <script>alert(1)</script> is shown as text. "
            "Its body mentions <img src=x onerror=alert(2)> and <b>bold</b> markup that must stay text.\n\n"
            "A second paragraph says the harbour festival in Marlow will open in June with a parade of "
            "boats, and the organisers expect several thousand visitors."
        ),
    },
]
