"""Russian summary cues (read by ``nutgraf.summarize``): openings that lean on the sentence
before, commentary, credit lines, and the months of a wire dateline."""

from __future__ import annotations

DANGLING_STARTS: tuple[str, ...] = (
    "он",
    "она",
    "оно",
    "они",
    "его",
    "её",
    "ее",
    "их",
    "ему",
    "ей",
    "им",
    "этот",
    "эта",
    "это",
    "эти",
    "этого",
    "этой",
    "этим",
    "этих",
    "тот",
    "та",
    "те",
    "однако",
    "но",
    "а",
    "также",
    "кроме того",
    "при этом",
    "тем не менее",
    "в свою очередь",
    "впрочем",
    "зато",
    "поэтому",
    "тогда",
    "там",
    "в то же время",
    "вместе с тем",
    "помимо этого",
    "более того",
    "к тому же",
    "об этом",
    "по его",
    "по её",
    "по ее",
    "по их",
    # demonstratives and pronouns after a preposition: "В эту сумму входят...", "У них..."
    "эту",
    "этому",
    "этими",
    "такой",
    "такая",
    "такое",
    "такие",
    "таким образом",
    "в этом",
    "в этой",
    "в эту",
    "в этот",
    "в это",
    "в этих",
    "на этом",
    "на этой",
    "на эту",
    "на этот",
    "на это",
    "к этому",
    "для этого",
    "после этого",
    "до этого",
    "кроме этого",
    "из них",
    "из этих",
    "у него",
    "у неё",
    "у нее",
    "у них",
    "для него",
    "для них",
    "в нём",
    "в нем",
    "в ней",
    "в них",
    "с ним",
    "с ней",
    "с ними",
)
"""Openings that point back to an earlier sentence (see the English module). "По его/их ..." covers
"по его словам", "по их подсчётам", "по её мнению", "по их данным": whose words or count is in the
sentence before; "По данным МЧС" names its source and stands alone."""
POINTING_PRONOUNS: tuple[str, ...] = tuple("он она оно они его её ее их ему ей им этот эта это эти".split())
"""Pronouns that point back when they open the main clause after a short phrase: "По данным
полиции, он..." needs the sentence that says who."""
COMMENTARY_VERBS: tuple[str, ...] = (
    *(
        f"{stem}{ending}"
        for stem, endings in (
            ("свидетельству", ("ет", "ют", "я")),
            ("свидетельствовал", ("", "а", "о", "и")),
            ("сигнализиру", ("ет", "ют", "я")),
            ("сигнализировал", ("", "а", "о", "и")),
            ("иллюстриру", ("ет", "ют", "я")),
            ("подчеркива", ("ет", "ют", "я")),
            ("подчёркива", ("ет", "ют", "я")),
        )
        for ending in endings
    ),
    *(f"{form} на" for form in ("указывает", "указывают", "указывая")),
)
"""Verbs by which a sentence interprets what the article told ("Встреча свидетельствует о...",
"..., подчёркивая стремление сторон"); see the English module. Only present-tense forms of
"подчёркивать": "Путин подчеркнул" reports what was said."""
COMMENTARY_PARTICIPLE_ENDINGS: tuple[str, ...] = ("я",)
"""After a comma only a verbal adverb of commentary is one ("..., свидетельствуя о..."): "...,
свидетельствует доклад" names who said it."""
DROPPABLE_OPENINGS: tuple[str, ...] = (
    "однако",
    "но",
    "а",
    "кроме того",
    "тем не менее",
    "при этом",
    "между тем",
    "впрочем",
    "также,",
)
"""Openings that only tie a sentence to the one before, and may be dropped when that one is not in
the summary: "Однако в порту пообещали, что..." says "В порту пообещали, что..."."""
DANGLING_EXCEPTIONS: tuple[str, ...] = (
    "в этом году",
    "в этом месяце",
    "в этом сезоне",
    "в этом квартале",
    "этим летом",
    "этой весной",
    "этой осенью",
    "этой зимой",
    "этим утром",
    "этим вечером",
    "этой ночью",
    *(f"в этот {day}" for day in ("понедельник", "вторник", "четверг")),
    *(f"в эту {day}" for day in ("среду", "пятницу", "субботу")),
    "в это воскресенье",
)
"""Openings that start like a pointer back but name a time ("В этом году выручка выросла..."); "в
этот день" recalls a day named before and still points back."""

CREDIT_LABELS: tuple[str, ...] = (
    "источник:",
    "источники:",
    "фото:",
    "фотография:",
    "видео:",
    "иллюстрация:",
    "инфографика:",
    "текст:",
    "автор:",
    "автор фото:",
)
"""Openings of credit lines ("Источник: ТАСС", "Фото: пресс-служба"; see the English module)."""


# Read in text before its language is known: joined over every registered language
# (``nutgraf.lang.every``).
DATELINE_MONTHS = (
    r"(?:январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-я]*"
    r"|(?:янв|фев|мар|апр|авг|сен|сент|окт|ноя|дек)\.?"
)
"""Month names as a wire dateline writes them ("МОСКВА, 10 авг", "16 мая (ТАСС)")."""
