"""English summary cues (read by ``nutgraf.summarize``): openings that lean on the sentence
before, commentary, credit lines, and the months of a wire dateline."""

from __future__ import annotations

DANGLING_STARTS: tuple[str, ...] = (
    "he",
    "she",
    "it",
    "they",
    "his",
    "her",
    "its",
    "their",
    "him",
    "them",
    "this",
    "these",
    "those",
    "that",
    "however",
    "but",
    "and",
    "also",
    "meanwhile",
    "moreover",
    "furthermore",
    "in addition",
    "additionally",
    "still",
    "yet",
    "instead",
    "then",
    "such",
    "both",
    "the latter",
    "the former",
    "as a result",
    "nevertheless",
    "nonetheless",
    "otherwise",
    "likewise",
    "similarly",
    "besides",
    "according to him",
    "according to her",
    "according to them",
    "of them",
    "among them",
    "one of them",
    "by then",
    "after that",
    "despite this",
    "despite that",
    "because of this",
    "therefore",
    "thus",
    "hence",
    "in response",
    "in turn",
    "by contrast",
    "in contrast",
    "on the other hand",
    "even so",
)
"""Openings that point back to an earlier sentence: such a sentence is only summary material
right after the sentence it depends on (or as the article's first sentence, after the headline)."""
DANGLING_EXCEPTIONS: tuple[str, ...] = tuple(
    f"this {time}"
    for time in "year week month morning afternoon evening weekend season summer spring autumn fall winter".split()
)
"""Openings that start like a pointer back but name a time: "This year the Grammys have been
dominated by..." stands on its own ("This time..." does not: it recalls an earlier time)."""
POINTING_PRONOUNS: tuple[str, ...] = tuple(
    "he she it they his her its their him them this these those".split()
)
"""Pronouns that point back when they open the main clause after a short phrase: "Last year, he was
forced to resign" needs the sentence that says who."""
DROPPABLE_OPENINGS: tuple[str, ...] = (
    "however",
    "but",
    "and",
    "meanwhile",
    "moreover",
    "furthermore",
    "additionally",
    "in addition",
    "nevertheless",
    "nonetheless",
    "still,",
    "yet,",
    "also,",
    "besides,",
    "likewise,",
    "similarly,",
)
"""Openings that only tie a sentence to the one before, and may be dropped when that one is not in
the summary: "However, the company said profits rose" says "The company said profits rose". Those
ending in "," only with the comma ("Also on the increase are..." has no connective to drop)."""
COMMENTARY_VERBS: tuple[str, ...] = (
    *(
        f"{stem}{ending}"
        for stem, endings in (
            ("suggest", ("", "s", "ed", "ing")),
            ("signal", ("", "s", "ed", "led", "ing", "ling")),
            ("underscor", ("e", "es", "ed", "ing")),
            ("underlin", ("e", "es", "ed", "ing")),
            ("highlight", ("", "s", "ed", "ing")),
            ("illustrat", ("e", "es", "ed", "ing")),
            ("reinforc", ("e", "es", "ed", "ing")),
            ("exemplif", ("y", "ies", "ied", "ying")),
            ("epitomi", ("ze", "zes", "zed", "zing", "se", "ses", "sed", "sing")),
        )
        for ending in endings
    ),
    *(f"{form} to" for form in ("point", "points", "pointed", "pointing")),
)
"""Verbs by which a sentence interprets what the article told instead of telling something: "The
revelation suggests that...", "..., signaling that the leaders may align", "The comments
underscore a continued effort". With no name, figure, date or quotation before them they mark
commentary, which a summary does not open with (``nutgraf.summarize.article.characterises``).
"reflect", "demonstrate" and "showcase" are left out: news uses them for causes and events ("The
fall reflects weak exports", "The fair showcases the latest gadgets"), as 24 BBC summaries showed
when they were in.

Chosen by reading every summary the rule changed on BBC (2,225) and XSum (200), not by a score;
CNN/DM and RT were never read while choosing (the rule changes 0 of 96 CNN/DM summaries and RT's
ROUGE by under 0.01). Reported with ``python bench/summarization.py`` on the report parts beside
LEAD and LexRank, and the row "(diagnostic) Nutgraf without the commentary rule": CNN/DM
49.33/25.41/38.70 either way (LEAD-3 48.96/25.28/38.64), RT 31.43/11.01/27.99 either way (LEAD-3
30.51/10.95/27.15), BBC 44.79/36.13/43.73 against 44.80 R1 without it (LEAD-3 44.42/35.75/43.35),
XSum 37.04/15.04/28.54 either way (LEAD-1 37.21/15.36/28.59)."""
COMMENTARY_PARTICIPLE_ENDINGS: tuple[str, ...] = ("ing",)
"""After a comma only a participle of commentary is one ("..., signaling that the talks may
resume"); another form there names who said it ("... sophisticated, suggests a report")."""
COMMENTARY_NOT_AFTER: frozenset[str] = frozenset(
    "the a an its his her their our this that these those be been being is are was were".split()
)
"""Words after which a verb of commentary is not one: a noun ("the signal box", "the highlights")
or a passive ("has been suggested as a way to raise funds")."""
DANGLING_UNLESS_NAMED: tuple[str, ...] = ("both",)
"""Openings that point back unless a name follows: "Both Boeing and Airbus have..." says who;
"Both companies have..." leans on the sentence that named them."""

CREDIT_LABELS: tuple[str, ...] = (
    "source:",
    "sources:",
    "photo:",
    "photos:",
    "photograph:",
    "image:",
    "picture:",
    "video:",
    "illustration:",
    "graphic:",
    "credit:",
    "editor's note:",
    "reporting by",
    "additional reporting by",
    "writing by",
    "editing by",
)
"""Openings of credit lines ("Source: Continental Wire", "Reporting by ...; Editing by ..."): who
supplied the story or its picture, which analysis reads as a citation but a summary never shows."""


# Read in text before its language is known: joined over every registered language
# (``nutgraf.lang.every``).
DATELINE_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
"""Month names as a wire dateline writes them ("LEEDS, June 4", "May 16 (Reuters)")."""
