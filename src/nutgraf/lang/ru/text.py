"""Russian text: its letters and their folding, sentence splitting (razdel), the words a full stop
follows inside a sentence, clause openers, stems and stopwords."""

from __future__ import annotations

from razdel import sentenize

UPPERCASE = "А-ЯЁ"
LOWERCASE = "а-яё"
"""Its letters, as regex class bodies (``nutgraf.lang.letters``)."""
FOLDS = {"ё": "е"}
"""Read "ё" as "е" wherever words are matched: most texts write "е" for both."""


def split_sentences(paragraph: str) -> list[tuple[int, int]]:
    """Sentence spans of one paragraph (character offsets), by razdel's rules."""
    return [(s.start, s.stop) for s in sentenize(paragraph)]


def _razdel_abbreviations() -> frozenset[str]:
    try:  # razdel's own list (pinned 0.5.0); its module path is not public API
        from razdel.segmenters.sokr import INITIALS, SOKRS
    except ImportError:  # pragma: no cover - another razdel layout
        return frozenset("тыс млн млрд руб долл коп г гг в вв ст ч п пп т см др проф акад ул д обл".split())
    return frozenset(SOKRS | INITIALS)


ABBREVIATIONS: frozenset[str] = _razdel_abbreviations()
"""Lower-case words after which a full stop does not end a sentence when the text has no case to
tell ("тыс. человек", "в 2016 г. в Москве", "проф. иванов"): razdel's own abbreviations, which it
applies itself only when the next word is lower-case. Single letters (initials, "т. е.") are
abbreviations too (``nutgraf.lang``)."""

CLAUSE_OPENERS: frozenset[str] = frozenset(
    """и но а или либо что чтобы который которая которое которые которого которой которому которым
    которых котором когда где куда откуда если хотя потому поскольку пока после прежде однако причем
    причём ведь зато поэтому словно будто""".split()
)
"""Words that open a clause: where a sentence with no punctuation may be cut into clause-sized
pieces (``nutgraf.lang``)."""


STEMMER = "russian"
"""Snowball algorithm name for PyStemmer."""

STOPWORDS: frozenset[str] = frozenset(
    """а без более больше будет будут бы был была были было быть в вам вас весь во вот все всего всех вы
    где да даже для до его ее её ей ему если есть еще ещё же за здесь и из или им их к как какой когда
    кого кто ли либо между меня мне много может мы на над надо наш не него нее неё ней нельзя нет ни
    нибудь никогда ним них ничего но ну о об однако он она они оно от очень по под после потом потому
    при про раз с сам свой своя свои себя себе со так также такой там те тем то того тоже той только том
    тот у уже хотя чего чей чем что чтобы чье чья эта эти это этого этой этом этот я который которая
    которое которые которых котором которой сказал сказала заявил заявила отметил отметила сообщил
    сообщила сообщает словам этом году года""".split()
)
