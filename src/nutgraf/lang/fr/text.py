"""French text: its letters, sentence splitting, the words a full stop follows inside a sentence,
clause openers, elisions, stems and stopwords."""

from __future__ import annotations

import re

UPPERCASE = "A-ZÀÂÄÆÇÉÈÊËÎÏÔÖŒÙÛÜŸ"
LOWERCASE = "a-zàâäæçéèêëîïôöœùûüÿ"
"""Its letters, as regex class bodies (``nutgraf.lang.letters``)."""


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
