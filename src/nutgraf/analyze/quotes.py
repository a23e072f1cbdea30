"""Quotes with their speakers: who said what, in either language's conventions.

Direct quotes come in four shapes: a quotation attributed after it (“...,” said X / «...», — сказал X),
one attributed before it (X said: “...” / X: «...»), an interview label on its own line followed by
a quoted paragraph ("Alexander Nemtsov, Political Scientist:"), and Russian dialogue dashes
("— ..., — сказал X."). A quotation that goes on in the same paragraph after its attribution
(“...,” X said. “...”) is the same speaker's. Indirect speech is kept as ``kind="reported"``: the
clause after a speech verb, without its "that"/"что" ("Peskov indicated that ...", "Ушаков
охарактеризовал ..."), or the clause before a final attribution ("..., сообщил Лапин", "..., he
said"). A reported statement ends where another speaker's clause begins ("Lowe stated that ...,
while Abenov echoed the assessment, remarking that ..." is two statements). A sentence with
only scare quotes («слепые зоны», "blindsided") is reported speech like any other; one that holds
a quotation is that quotation. English participles report speech only with a complement
("remarking that", "describing it as"), and passives ("was said to") name no speaker.

Speakers are the person mentions the entity linker found, and the later bare surnames of those
persons that it missed ("Mammadli said ..." after "Rauf Mammadli"). The speaker of a speech verb is
its subject: the person nearest before it in its clause, skipping names that qualify a noun
("Lowe's stance", "Kestrel manager"), objects of prepositions ("quoted in the Herald saying")
and names inside a relative clause (", who now faces X,"), and not across a conjunction that opens
another clause ("Sailings resumed, though agents said"); or the person right after it ("said Rauf
Mammadli", "..., уточнил Сергей Лапин"). "He"/"она" is read back sentence by sentence: the first
sentence that reports speech or names anyone gives its named speaker (so a "he said" after a quote
goes to whoever the introducing clause named as speaking: ``Mammadli said ... "...," he said.``),
no one when its speaker is unnamed ("A spokeswoman said ..."), else its first person. A definite
role description ("the minister", "The Belarusian president", "вице-премьер") is the person named
before with the most similar role. Roles are the appositions next to the name that contain a role
word ("Kazakhstan's transport minister", "министр транспорта Казахстана").

Quote text is given without the comma, colon, semicolon or dash that joins it to its attribution
(“Every hour ... chain,” he said -> "Every hour ... chain"); a full stop, "?", "!" or "…" that
ends the quoted sentence is the speaker's and is kept.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from functools import cache

from nutgraf.lang import alternation, every, get_language, letters, paragraphs, shortened
from nutgraf.lang.contract import section
from nutgraf.model import Mention, Quote

__all__ = ["extract_quotes"]

MIN_QUOTE_WORDS = 4
"""Shorter quoted spans are titles or scare quotes («братские», "Oreshnik"), not statements."""

ATTRIBUTION_WINDOW = 160
"""Characters after a closing quote (or before an opening one) searched for the attribution."""

MAX_ROLE_WORDS = 10
MAX_PREFIX_ROLE_WORDS = 6

# The word bounds below are design bounds, set while the rules were written against the quote gold
# (tests/fixtures/quotes_gold.json: 177 quotes of the sample corpus and the seeds), which is also
# where their figure is reported (python bench/quotes.py: speaker P 0.994, R 0.989, against 0.911
# and 0.808 for the rules before). There is no second quote gold: BBC and RT articles without gold
# were read for regressions, and data of the same kind never seen is the check.
MAX_SUBJECT_WORDS = 12
"""A person further than this many words before a speech verb is not its subject."""

MAX_INVERTED_WORDS = 8
"""Words allowed between a speech verb and the person after it ("сказал руководитель программы
«Метеор-Север» Павел Громов")."""

MAX_REFERENT_SENTENCES = 5
"""Sentences read back for the person a he/she points to."""

MAX_DESCRIPTION_WORDS = 6
"""A role description ("the Belarusian president") is at most this many words."""

CONJUNCTION_WINDOW = 80
"""Characters after a speech verb searched for its "that"/"что" ("told reporters that ...")."""

QUOTE_WORDS = (
    "QUOTE_PRONOUNS",
    "QUOTE_ADVERBS",
    "CLAUSE_LINKS",
    "COORDINATORS",
    "SUBJECT_PRONOUNS",
    "PREPOSITIONS",
    "RELATIVES",
    "DETERMINERS",
    "DEFINITE_ARTICLES",
)
"""The word lists attribution reads from each language module (``nutgraf.lang.en``, ``.ru``, where
each says what it is for); a language without them gets none, and its quotes are attributed by the
rules that need no words."""


@cache
def _words_of(language: str, name: str) -> tuple[str, ...]:
    return tuple(section(get_language(language), name))


_QUOTED = re.compile(r"“(?P<a>[^”]{2,2000})”|«(?P<b>(?:[^«»]|«[^«»]*»){2,2000})»|\"(?P<c>[^\"]{2,2000})\"")
_LABEL = re.compile(r"^(?P<name>[^\n,:«»\"“”]{3,60}),\s*(?P<role>[^\n:«»\"“”]{2,160}):\s*$")
_DASH_LINE = re.compile(r"^[—–-]\s+(?P<quote>.+?),?\s+[—–-]\s+(?P<rest>.+)$")
_REPLY_OPENING = re.compile(r"^[—–]\s+")
_OPEN_REPLY_COMMA = re.compile(r",\s+")
"""A reply opened by a dash and attributed after a comma, with no closing dash: the comma before
the speech verb."""
_WORD = re.compile(r"[\w'’-]+")
_LIST_JOIN = re.compile(rf"\s(?:{alternation(every('LIST_JOINERS'))})\s")
"""Between the last two names of a list, in any language ("... Safina and ...", "... Сафина и ...")."""
_LIST_END = re.compile(rf"\s(?:{alternation(every('LIST_JOINERS'))})\s*$")
_CAPITALISED = re.compile(rf"\s[{letters('upper')}][{letters('lower')}]")
_POSSESSIVE = re.compile(r"['’]s?(?![\w])")
_DATELINE = re.compile(r"^[^\n—–]{0,100}\)\s*[—–-]\s+")
"""A wire dateline before the story ("САМАРА, 7 октября (Континент-Пресс) — ")."""
_JOINING = " \t\n,;:—–"
"""What joins a quote or a reported clause to its attribution, stripped from its end."""


@cache
def _verbs(language: str) -> re.Pattern[str]:
    verbs = section(get_language(language), "SPEECH_VERBS")
    if not verbs:
        return re.compile(r"(?!x)x")
    return re.compile(
        r"\b(?:" + "|".join(sorted(map(re.escape, verbs), key=len, reverse=True)) + r")\b", re.IGNORECASE
    )


@cache
def _speech_rules(language: str) -> tuple[re.Pattern[str] | None, tuple[str, ...], re.Pattern[str] | None]:
    module = get_language(language)
    return (
        section(module, "SPEECH_PASSIVE"),
        tuple(section(module, "SPEECH_PARTICIPLE_ENDINGS")),
        section(module, "SPEECH_COMPLEMENT"),
    )


def _speech_verbs(text: str, start: int, end: int, language: str):
    """The speech verbs in text[start:end] that have a speaker: passives left out ("was said to":
    the language's ``SPEECH_PASSIVE``, read in the 12 characters before the verb), and participles
    (``SPEECH_PARTICIPLE_ENDINGS``) only with a complement (``SPEECH_COMPLEMENT``)."""
    passive, endings, complement = _speech_rules(language)
    for verb in _verbs(language).finditer(text, start, end):
        if passive is not None and passive.search(text, max(0, verb.start() - 12), verb.start()):
            continue
        if (
            endings
            and complement is not None
            and verb.group().lower().endswith(endings)
            and not complement.match(text, verb.end(), end)
        ):
            continue
        yield verb


@cache
def _links(language: str) -> str:
    return "|".join(re.escape(w) for w in sorted(_words_of(language, "CLAUSE_LINKS"), key=len, reverse=True))


def _role_words(language: str) -> frozenset[str]:
    return section(get_language(language), "ROLE_WORDS")


_ELISION = re.compile(r"^\w{1,2}['’](?=\w)")
"""An elided article or preposition written onto a word ("l’entraîneur", "d'Alder")."""


def _has_role_word(phrase: str, language: str) -> bool:
    roles = _role_words(language)
    words = [_ELISION.sub("", w.lower()).strip("'’") for w in _WORD.findall(phrase)]
    return any(w in roles or w.removesuffix("s") in roles for w in words)


_STOP = re.compile(r"[.;!?]")
MAX_ABBREVIATION = 8
"""Characters before a full stop read for the abbreviation it may end: the longest word in any
language's ``ABBREVIATIONS`` (Russian "домовлад", 8; English 6, French 5). Fixed by construction,
not chosen on data. The abbreviation-aware stop moved no English or Russian quote of the quote
gold (python bench/quotes.py: en 0.990/0.980, ru 1.000/1.000 before and after) and corrected
speakers after "им.", "Д." and "Mr R." in BBC and RT articles read one by one."""
_WORD_END = re.compile(r"(\w+)$")


def _has_stop(gap: str, language: str) -> bool:
    """Whether ``gap`` holds a sentence stop: a full stop after an initial or one of the language's
    ``ABBREVIATIONS`` is none ("a déclaré M. Abenov", "said Dr. Lowe")."""
    for stop in _STOP.finditer(gap):
        if stop.group() == ".":
            word = _WORD_END.search(gap, 0, stop.start())
            if word and shortened(word.group(1), language):
                continue
        return True
    return False


_SENTENCE_END = re.compile(r"(?<=[.!?])\s")


def _first_sentence(text: str, language: str) -> str:
    """``text`` up to its first sentence stop, a full stop after an abbreviation not counting
    ("», a déclaré M. Abenov lors de...")."""
    for end in _SENTENCE_END.finditer(text):
        if _has_stop(text[max(0, end.start() - 1 - MAX_ABBREVIATION) : end.start()], language):
            return text[: end.start()]
    return text


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _clean(text: str) -> str:
    """A quote's text without its quotation marks and the punctuation joining it to its attribution."""
    return text.strip().strip('“”«»"').strip().rstrip(_JOINING)


def _opens_clause(gap: str, language: str) -> bool:
    """Whether ``gap`` (text between a person and a verb) holds a comma and a clause-opening conjunction."""
    links = _links(language)
    return (
        bool(links) and re.search(rf"[,;]\s*(?:{links})(?:(?<=['’])|(?!\w))", gap, re.IGNORECASE) is not None
    )


def _relative_insertions(text: str, start: int, end: int, language: str) -> list[tuple[int, int]]:
    """Spans of the relative clauses set off by commas in text[start:end] (", who now faces ...,")."""
    relatives = "|".join(_words_of(language, "RELATIVES"))
    if not relatives:
        return []
    pattern = re.compile(rf",\s*(?:{relatives})(?!\w)[^,.;:!?]*,", re.IGNORECASE)
    return [match.span() for match in pattern.finditer(text, start, end)]


def _ends_with_coordinator(gap: str, language: str) -> bool:
    """ "... Khodorkovsky and has vowed": the verb is coordinated with an earlier one, whose subject
    it shares."""
    words = [
        w
        for w in _words(gap)
        if w not in _words_of(language, "QUOTE_ADVERBS") and w not in ("has", "have", "had")
    ]
    return bool(words) and words[-1] in _words_of(language, "COORDINATORS")


def _closes_apposition(gap: str, before: str) -> bool:
    """ "Abenov, Kazakhstan's transport minister, said", "The port's press secretary, Ann
    Lowe, indicated": the comma before the verb closes an apposition (to the name, or the name
    itself set off by commas). A bare ", " after a name that opens nothing ends a statement: "...
    окружение Анны Лоу, рассказал Дымов"."""
    inner = gap.strip()
    if not inner.startswith(","):
        return False
    return _WORD.search(inner) is not None or before.rstrip().endswith(",")


def _inverts(head: str, verb: str, language: str) -> bool:
    """Whether the subject of a speech verb may follow it ("said Rauf Mammadli"): not when a pronoun
    before it is its subject ("he told Abenov"), nor after a verb whose object is the one spoken
    to (English "told": the language's ``SPEECH_OBJECT_VERBS``)."""
    return not _ends_with_pronoun(head, language) and verb.lower() not in _words_of(
        language, "SPEECH_OBJECT_VERBS"
    )


def _ends_with_pronoun(gap: str, language: str) -> bool:
    words = [w for w in _words(gap) if w not in _words_of(language, "QUOTE_ADVERBS")]
    return bool(words) and words[-1] in _words_of(language, "SUBJECT_PRONOUNS")


def _surname(mention: Mention) -> str:
    return mention.text.split()[-1].lower() if mention.text.split() else ""


def _surname_mentions(text: str, people: list[Mention], mentions: list[Mention]) -> list[Mention]:
    """Later bare surnames the recognizer missed ("Mammadli said ..." after "Rauf Mammadli"): a
    standalone occurrence of the last word of a person's full name, capitalised, that no mention
    covers and no capitalised word follows, is that person."""
    full: dict[str, Mention] = {}
    for person in people:
        parts = person.text.split()
        if len(parts) >= 2 and len(parts[-1]) >= 2 and parts[-1][0].isupper():
            full.setdefault(parts[-1], person)
    if not full:
        return []
    spans = sorted((m.start, m.end) for m in mentions)
    starts = [start for start, _end in spans]
    found = []
    for surname, person in full.items():
        for match in re.finditer(rf"(?<![\w'’-]){re.escape(surname)}(?![\w-])", text):
            start, end = match.span()
            i = bisect_right(starts, start) - 1
            if (i >= 0 and spans[i][1] > start) or (i + 1 < len(spans) and spans[i + 1][0] < end):
                continue
            if _CAPITALISED.match(text[end : end + 3]):
                continue  # part of a longer name ("Moreno Valley")
            found.append(Mention(surname, start, end, "PER", person.entity_id))
    return found


class _Speakers:
    """Person mentions of an article, for resolving speakers, pronouns and role descriptions."""

    def __init__(self, text: str, mentions: list[Mention], language: str, sentences=()) -> None:
        self.text = text
        self.language = language
        people = [m for m in mentions if m.type == "PER"]
        people += _surname_mentions(text, people, mentions)
        self.people = sorted(people, key=lambda m: (m.start, m.end))
        self._starts = [m.start for m in self.people]
        self.sentences = sorted((s.start, s.end) for s in sentences)
        self._sentence_starts = [start for start, _end in self.sentences]
        self._roles: dict[tuple[int, int], str | None] = {}
        self.quoted_spans: list[tuple[int, int]] = []
        self._quoted_starts: list[int] = []

    def set_quoted(self, spans: list[tuple[int, int]]) -> None:
        """The spans of the article's quotations (see :meth:`quoted`)."""
        self.quoted_spans = sorted(spans)
        self._quoted_starts = [start for start, _end in self.quoted_spans]

    # --- Finding persons --------------------------------------------------------------------

    def between(self, start: int, end: int) -> list[Mention]:
        """Persons wholly inside [start, end), in text order."""
        found = []
        for mention in self.people[bisect_left(self._starts, start) :]:
            if mention.start >= end:
                break
            if mention.end <= end:
                found.append(mention)
        return found

    def within(self, start: int, end: int) -> Mention | None:
        """The first person in [start, end) that is not a modifier."""
        return next((m for m in self.between(start, end) if not self.is_modifier(m)), None)

    def is_modifier(self, mention: Mention) -> bool:
        """ "Lowe's stance", "Ann Lowe's side", "harbour board chair Ann Lowe": in a language whose
        names qualify nouns (``NAMES_MODIFY_NOUNS``: English) a name in the possessive or before a
        role noun qualifies a noun, and is not a subject."""
        if not section(get_language(self.language), "NAMES_MODIFY_NOUNS"):
            return False
        if mention.text.endswith(("'s", "’s")) or _POSSESSIVE.match(self.text, mention.end):
            return True
        following = (
            _WORD.match(self.text, mention.end + 1)
            if self.text[mention.end : mention.end + 1] == " "
            else None
        )
        return following is not None and following.group() in _role_words(self.language)

    # --- Subjects of speech verbs -----------------------------------------------------------

    def subject(self, clause_start: int, verb_start: int) -> Mention | None:
        """The person a speech verb at ``verb_start`` has as its subject: the nearest person before
        it in its clause that is not a modifier, not the object of a preposition (unless a "who"
        after it is the verb's subject: "a nomination for Staunton, 49, who told ...") and not
        inside a relative clause. None when a conjunction opening another clause, a coordinator
        ("... and has vowed") or a pronoun stands between them, or more than ``MAX_SUBJECT_WORDS``
        words; and, in Russian, when the verb is plural and the person alone ("Соболезнования семье
        Сарсании выразили клубы"). A finite verb right after a comma takes no person before it
        whose comma closes no apposition ("... может быть зеркальным, уточнил Лапин": the subject
        follows the verb)."""
        candidates = self.between(clause_start, verb_start)
        if not candidates:
            return None
        verb = _WORD.match(self.text, verb_start)
        word = verb.group().lower() if verb else ""
        plural_endings = _words_of(self.language, "PLURAL_VERB_ENDINGS")
        plural = bool(plural_endings) and word.endswith(plural_endings)
        after_comma = re.search(r",\s*[—–]?\s*$", self.text[max(0, verb_start - 4) : verb_start]) is not None
        insertions = _relative_insertions(self.text, clause_start, verb_start, self.language)
        relatives = "|".join(_words_of(self.language, "RELATIVES")[:3])
        for mention in reversed(candidates):
            gap = self.text[mention.end : verb_start]
            antecedent = bool(relatives) and re.search(rf",\s*(?:[^,]*,\s*)?(?:{relatives})\s*$", gap, re.I)
            if (
                self.is_modifier(mention)
                or (self._after_preposition(mention) and not antecedent)
                or any(a < mention.start and mention.end <= b for a, b in insertions)
            ):
                continue
            if after_comma and not word.endswith("ing") and not antecedent:
                if not _closes_apposition(gap, self.text[max(0, mention.start - 3) : mention.start]):
                    continue
            if _ends_with_coordinator(gap, self.language):
                # "Abenov met Mammadli and said", "Шерман, ..., назвал доклад малозначимым и заявил":
                # the coordinated verb shares the subject of the clause's first verb.
                return self._clause_subject(clause_start, verb_start, insertions)
            if (
                _opens_clause(gap, self.language)
                or _ends_with_pronoun(gap, self.language)
                or len(_WORD.findall(gap)) > MAX_SUBJECT_WORDS
                or (plural and not _LIST_END.search(self.text[max(0, mention.start - 40) : mention.start]))
            ):
                return None
            return mention
        return None

    def _clause_subject(self, clause_start: int, verb_start: int, insertions) -> Mention | None:
        """The first person of a clause that can be a subject, if no conjunction opening another
        clause stands between it and the verb."""
        for mention in self.between(clause_start, verb_start):
            if (
                self.is_modifier(mention)
                or self._after_preposition(mention)
                or any(a < mention.start and mention.end <= b for a, b in insertions)
            ):
                continue
            if _opens_clause(self.text[mention.end : verb_start], self.language):
                return None
            return mention
        return None

    def _after_preposition(self, mention: Mention) -> bool:
        """Whether a person is the object of a preposition, a determiner or title between them ("in
        the Herald", "of its founder Mikhail Khodorkovsky")."""
        words = _words(self.text[max(0, mention.start - 60) : mention.start])
        roles = _role_words(self.language)
        while words and (words[-1] in _words_of(self.language, "DETERMINERS") or words[-1] in roles):
            words.pop()
        return bool(words) and words[-1] in _words_of(self.language, "PREPOSITIONS")

    def after(self, verb_end: int, limit: int) -> Mention | None:
        """The person right after a speech verb ("said Rauf Mammadli", "— сказала директор музея
        Марина Валиева", "said the company's chief executive, Daniel Hargreaves"), before any
        sentence stop, within ``MAX_INVERTED_WORDS`` words, and past a comma only when what comes
        before the comma is a role ("called 06/05, has been premiered in The Hague" names no one)."""
        for mention in self.between(verb_end, limit):
            gap = self.text[verb_end : mention.start]
            if _has_stop(gap, self.language) or len(_WORD.findall(gap)) > MAX_INVERTED_WORDS:
                return None
            if "," in gap and not _has_role_word(gap.split(",")[0], self.language):
                return None
            if not self.is_modifier(mention) and not self._after_preposition(mention):
                return mention  # "l'entraîneur de Riverside, Tomas Ek": not Riverside
        return None

    def unnamed_speaker(self, start: int, end: int) -> bool:
        """Whether text[start:end] reports the speech of someone it does not name ("A spokeswoman
        for the office said ...", "Officials said ..."): a speech verb whose clause before it has
        words, no person and no pronoun."""
        for verb in _speech_verbs(self.text, start, end, self.language):
            if self.in_quote(verb.start()):
                continue
            head_start = max(
                (m.end() for m in re.finditer(r"[,;:—–«»\"“”]", self.text[start : verb.start()])), default=0
            )
            head = self.text[start + head_start : verb.start()]
            words = [w for w in _words(head) if w not in _words_of(self.language, "QUOTE_ADVERBS")]
            if (
                words
                and not self.between(start + head_start, verb.start())
                and words[-1] not in _words_of(self.language, "SUBJECT_PRONOUNS")
            ):
                return True
        return False

    def speech_subject(self, start: int, end: int) -> Mention | None:
        """The speaker of the last statement in [start, end) whose speaker is named, the statements
        read as reported speech is read: the first speech verb with a named subject (before it, or
        right after it), up to another speaker's clause."""
        found = None
        position = start
        while position < end:
            hit = None
            for verb in _speech_verbs(self.text, position, end, self.language):
                if self.in_quote(verb.start()):
                    continue
                speaker = self.subject(position, verb.start())
                if speaker is None and _inverts(
                    self.text[position : verb.start()], verb.group(), self.language
                ):
                    speaker = self.after(verb.end(), end)
                if speaker is not None:
                    hit = verb, speaker
                    break
            if hit is None:
                break
            verb, found = hit
            stop = _statement_end(self, verb.end(), end, found)
            following = self.between(stop, end) if stop < end else []
            position = following[0].start if following else end
        return found

    def referent(self, position: int) -> Mention | None:
        """Who "he"/"she" at ``position`` is. Sentences are read back from ``position`` (at most
        ``MAX_REFERENT_SENTENCES``, a line at a time, quotations left out): the first that reports
        speech or names anyone decides. Its named speaker (the speaker goes on speaking); no one
        when its speaker is unnamed ("A spokeswoman said ..."); else its first person that is not
        a modifier (the subject, in news prose), unless its own subject is a pronoun or it names
        persons only as modifiers: then the sentences before it decide ("He said ... Prince
        Charles's plans. ..., he said": the same he)."""
        fallback = None
        for start, end in self._lines_before(position):
            speaker = self.speech_subject(start, end)
            if speaker is not None:
                return speaker
            if self.unnamed_speaker(start, end):
                return fallback
            named = [m for m in self.between(start, end) if not self.quoted(m)]
            if not named:
                continue
            first = next((m for m in named if not self.is_modifier(m)), None)
            opening = _words(self.text[start : start + 20])[:1]
            if first is not None and not (
                opening and opening[0] in _words_of(self.language, "QUOTE_PRONOUNS")
            ):
                return first
            fallback = fallback or first
        return fallback

    def _lines_before(self, position: int):
        """Spans of the sentences before ``position`` (the one it is in, up to it, first), each cut
        at line breaks, last line first."""
        i = bisect_right(self._sentence_starts, position) - 1
        if not self.sentences or i < 0:
            start = max(0, position - ATTRIBUTION_WINDOW * MAX_REFERENT_SENTENCES)
            spans = [(start, position)]
        else:
            spans = [
                (s, min(e, position))
                for s, e in self.sentences[max(0, i - MAX_REFERENT_SENTENCES + 1) : i + 1]
            ]
        for start, end in reversed(spans):
            lines = []
            line_start = start
            for match in re.finditer(r"\n", self.text[start:end]):
                lines.append((line_start, start + match.start()))
                line_start = start + match.end()
            lines.append((line_start, end))
            yield from (line for line in reversed(lines) if line[0] < line[1])

    def quoted(self, mention: Mention) -> bool:
        """Whether a person is named inside a quotation (the speaker's words, not the narrative)."""
        return self.in_quote(mention.start) and self.in_quote(mention.end - 1)

    def in_quote(self, position: int) -> bool:
        i = bisect_right(self._quoted_starts, position) - 1
        return i >= 0 and position < self.quoted_spans[i][1]

    def described(self, phrase: str, position: int) -> Mention | None:
        """The person a definite role description ("the minister", "The Belarusian president",
        "вице-премьер") points back to: of the persons named before ``position`` whose role has one
        of its role words, the one whose role shares most words with it (the latest on a tie)."""
        words = _words(phrase)
        if not words or len(words) > MAX_DESCRIPTION_WORDS:
            return None
        definite = _words_of(self.language, "DEFINITE_ARTICLES")
        elided = _ELISION.match(words[0])  # "l’entraîneur": the article written onto the role
        if elided:
            words = [elided.group(), words[0][elided.end() :], *words[1:]]
        if definite and words[0] not in definite and not words[0].endswith(("'s", "’s")):
            return None
        roles = set(words) & _role_words(self.language)  # singular: "officials" are not one person
        if not roles:
            return None
        before = self.people[: bisect_left(self._starts, position)]
        latest = {mention.entity_id or mention.text: number for number, mention in enumerate(before)}
        best, best_key = None, (0, -1)
        for mention in before:
            role_words = set(_words(self.role(mention) or ""))
            if not role_words & roles:
                continue
            key = (len(role_words & set(words)), latest[mention.entity_id or mention.text])
            if key >= best_key:
                best, best_key = mention, key
        return best

    # --- Roles --------------------------------------------------------------------------------

    def _is_role(self, phrase: str) -> bool:
        """An apposition is a role when it names one and does not go on to say something."""
        conjunctions = section(get_language(self.language), "REPORTED_CONJUNCTIONS")
        words = {w.lower() for w in _WORD.findall(phrase)}
        return (
            len(words) <= MAX_ROLE_WORDS
            and _has_role_word(phrase, self.language)
            and not _verbs(self.language).search(phrase)
            and not words & set(conjunctions)
        )

    def role(self, mention: Mention) -> str | None:
        key = (mention.start, mention.end)
        if key not in self._roles:
            self._roles[key] = self._role(mention)
        return self._roles[key]

    def _role(self, mention: Mention) -> str | None:
        """Apposition after the name (", Kazakhstan's transport minister") or title before it."""
        after = self.text[mention.end : mention.end + 200]
        match = re.match(r"\s*,\s*(?P<role>[^,.;:!?«»\"“”()]{3,150}?)\s*(?=[,.;:!?]|$)", after)
        if match and self._is_role(match.group("role")):
            return match.group("role").strip()
        line_start = self.text.rfind("\n", 0, mention.start) + 1
        before = self.text[line_start : mention.start]
        if before.rstrip().endswith(","):  # "The port's press secretary, Ann Lowe, ..."
            clause = re.split(r"[,.;:!?«»\"“”()—–]", before.rstrip()[:-1])[-1].strip()
            if clause and self._is_role(clause):
                return re.sub(r"^(?:the|a|an)\s+", "", clause, flags=re.IGNORECASE)
        clause = re.split(r"[,.;:!?«»\"“”()—–]", before)[-1]
        clause = _LIST_JOIN.split(clause)[-1]  # "министр Нурия Сафина и вице-премьер Тимур Алиев"
        return _prefix_role(clause.split()[-MAX_PREFIX_ROLE_WORDS:], self.language)


def _prefix_role(words: list[str], language: str) -> str | None:
    """The title right before a name: from the nearest role word ("министр транспорта Казахстана",
    "Kazakh Transport Minister", "Belarusian leader"), extended left over capitalised words."""
    roles = [i for i, word in enumerate(words) if _has_role_word(word, language)]
    if not roles:
        return None
    ends_at_name = section(get_language(language), "TITLES_END_WITH_ROLE_WORD")
    start = roles[-1] if ends_at_name else roles[0]
    if ends_at_name:
        # English titles end at the name: the role word is the last; modifiers and the role before it.
        while start > 0 and (words[start - 1][:1].isupper() or _has_role_word(words[start - 1], language)):
            start -= 1
        if start < len(words) - 1 and not all(w[:1].isupper() for w in words[roles[-1] + 1 :]):
            return None
    else:
        while start > 0 and words[start - 1][:1].isupper():
            start -= 1
    phrase = " ".join(words[start:]).strip()
    return phrase or None


def _has_pronoun(window: str, language: str) -> bool:
    return any(re.search(rf"\b{p}\b", window, re.IGNORECASE) for p in _words_of(language, "QUOTE_PRONOUNS"))


def _speaker_in(window: str, offset: int, speakers: _Speakers, position: int) -> Mention | None:
    """The speaker an attribution window names: the subject of its speech verb (before it, or right
    after it), else any person in it, else the person a role description in it points back to; when
    it says he/she, the pronoun's referent."""
    verb = _verbs(speakers.language).search(window)
    if verb is not None:
        found = speakers.subject(offset, offset + verb.start()) or speakers.after(
            offset + verb.end(), offset + len(window)
        )
        if found is not None:
            return found
    found = speakers.within(offset, offset + len(window))
    if found is not None:
        return found
    if verb is not None:
        before = re.split(r"[,.;:!?()«»\"“”—–]", window[: verb.start()])[-1]
        after = re.split(r"[,.;:!?()«»\"“”]", window[verb.end() :])[0]
        for phrase in (before, after):
            found = speakers.described(phrase, offset)
            if found is not None:
                return found
    if _has_pronoun(window, speakers.language):
        return speakers.referent(position)
    return None


def _quote(text: str, speaker: Mention | None, speakers: _Speakers, kind: str, start: int, end: int) -> Quote:
    return Quote(
        text=_clean(text),
        speaker=speaker.text if speaker else None,
        speaker_entity_id=speaker.entity_id if speaker else None,
        role=speakers.role(speaker) if speaker else None,
        kind=kind,
        start=start,
        end=end,
    )


def _attribution_ends(rest: str, language: str) -> bool:
    """Whether ``rest`` is an attribution and nothing more ("a assuré Claire Morel, préfète."): one
    sentence, at most as many words as a speaker and a role description take."""
    words = len(_WORD.findall(rest))
    body = rest.rstrip().rstrip(".!?…")
    return words <= MAX_INVERTED_WORDS + MAX_DESCRIPTION_WORDS and not _has_stop(body, language)


def _label_quotes(text: str, speakers: _Speakers, language: str) -> list[Quote]:
    """ "Name, Role:" on a line of its own, followed by a quoted paragraph."""
    quotes = []
    spans = paragraphs(text)
    for (l_start, l_end), following in itertools.pairwise(spans):
        match = _LABEL.match(text[l_start:l_end].strip())
        body = text[following[0] : following[1]].strip()
        if not match or not body or body[0] not in '“"«—–':
            continue
        speaker = speakers.within(l_start, l_end)
        quote = Quote(
            text=_clean(body.strip('“”«»"—– ')),
            speaker=speaker.text if speaker else match.group("name").strip(),
            speaker_entity_id=speaker.entity_id if speaker else None,
            role=match.group("role").strip(),
            kind="direct",
            start=following[0],
            end=following[1],
        )
        quotes.append(quote)
    return quotes


def _dash_quotes(text: str, speakers: _Speakers, language: str) -> list[Quote]:
    """Dialogue lines: "— Мы готовы ко всему, — сказал Руслан Гатауллин."""
    quotes = []
    verbs = _verbs(language)
    for start, end in paragraphs(text):
        line = text[start:end].strip()
        match = _DASH_LINE.match(line)
        if match and verbs.match(match.group("rest")):
            quote, rest_at = match.group("quote"), match.start("rest")
        else:
            # "— Nous ne laisserons personne, a assuré Claire Morel." (French: no second dash)
            comma = (
                next((c for c in _OPEN_REPLY_COMMA.finditer(line) if verbs.match(line, c.end())), None)
                if _REPLY_OPENING.match(line)
                else None
            )
            if comma is not None and not _attribution_ends(line[comma.end() :], language):
                continue  # the speech verb opens more text ("..., сказали: «...» Ведь..."), no reply
            if comma is None:
                continue
            quote, rest_at = line[_REPLY_OPENING.match(line).end() : comma.start()], comma.end()
        offset = start + (end - start - len(text[start:end].lstrip())) + rest_at
        speaker = _speaker_in(line[rest_at:], offset, speakers, start)
        quotes.append(_quote(quote, speaker, speakers, "direct", start, end))
    return quotes


def _inline_quotes(
    text: str, speakers: _Speakers, language: str, taken: list[tuple[int, int]]
) -> list[Quote]:
    quotes = []
    verbs = _verbs(language)
    previous: tuple[int, int, Mention] | None = None  # paragraph start, end, speaker of the last quote
    for match in _QUOTED.finditer(text):
        start, end = match.span()
        if any(a <= start < b for a, b in taken):
            continue
        inner = next(g for g in match.groups() if g is not None)
        if len(_WORD.findall(inner)) < MIN_QUOTE_WORDS:
            continue
        paragraph_start = text.rfind("\n", 0, start) + 1
        paragraph_end = text.find("\n", end)
        paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
        after = text[end : min(paragraph_end, end + ATTRIBUTION_WINDOW)]
        sentence_after = _first_sentence(after, language)
        speaker = None
        if verbs.search(sentence_after):
            speaker = _speaker_in(sentence_after, end, speakers, start)
        if speaker is None:
            before = text[max(paragraph_start, start - ATTRIBUTION_WINDOW) : start]
            clause = re.split(r"(?<=[.!?»”\"])\s", before)[-1]
            if verbs.search(clause) or clause.rstrip().endswith(":"):
                speaker = _speaker_in(clause, start - len(clause), speakers, start)
        if speaker is None and previous is not None:
            # A quotation that goes on after its attribution ("“...,” X said. “...”") is X's.
            p_start, p_end, p_speaker = previous
            others = [m for m in speakers.between(p_end, start) if _surname(m) != _surname(p_speaker)]
            if p_start == paragraph_start and start - p_end <= ATTRIBUTION_WINDOW and not others:
                speaker = p_speaker
        quotes.append(_quote(inner, speaker, speakers, "direct", start, end))
        previous = (paragraph_start, end, speaker) if speaker is not None else None
    return quotes


def _content(text: str, language: str) -> str:
    """The reported clause after a speech verb: without the "that"/"что" that opens it (found in
    the first ``CONJUNCTION_WINDOW`` characters: "told reporters that ...") unless a coordinator
    stands before it (then the clause began earlier: "... were evacuated and that crews ...")."""
    content = text.strip(" ,:")
    conjunctions = section(get_language(language), "REPORTED_CONJUNCTIONS")
    coordinators = "|".join(_words_of(language, "COORDINATORS"))
    for conjunction in conjunctions:
        match = re.search(rf"\b{conjunction}\b\s*", content[:CONJUNCTION_WINDOW])
        if match:
            if coordinators and re.search(rf"\b(?:{coordinators})\s*$", content[: match.start()], re.I):
                break
            content = content[match.end() :]
            break
    return content.rstrip(_JOINING)


def _statement_end(speakers: _Speakers, start: int, end: int, speaker: Mention) -> int:
    """Where a reported statement starting at ``start`` ends (``end``: its sentence's end): before
    another person's clause ("..., while Abenov echoed the assessment, remarking that ..."), a
    comma (and a conjunction) followed by a person who is the subject of a speech verb later in the
    sentence."""
    links = _links(speakers.language)
    text = speakers.text
    for mention in speakers.between(start, end):
        if _surname(mention) == _surname(speaker) or speakers.is_modifier(mention):
            continue
        window_start = max(start, mention.start - 40)
        joint = re.search(
            rf"[,;:—–]\s*(?:(?:{links})(?:(?<=['’])|\s+))?$",
            text[window_start : mention.start],
            re.IGNORECASE,
        )
        if joint is None:
            continue
        for verb in _speech_verbs(text, mention.end, end, speakers.language):
            if speakers.subject(mention.start, verb.start()) is mention:
                return window_start + joint.start()
    return end


def _reported_subject(position: int, verb: re.Match, speakers: _Speakers) -> Mention | None:
    """The speaker of a speech verb in a clause starting at ``position``: a named subject, a he/she
    subject (its referent) or a role description ("Министр также заявил")."""
    language = speakers.language
    found = speakers.subject(position, verb.start())
    if found is not None:
        return found
    head = re.split(r"[,;:—–]", speakers.text[position : verb.start()])[-1]
    if _is_pronoun(head, language):
        return speakers.referent(position)
    return speakers.described(head, verb.start())


def _is_pronoun(head: str, language: str) -> bool:
    """Whether a clause's words before its verb are he/she (and an adverb: "он также")."""
    adverbs = "|".join(_words_of(language, "QUOTE_ADVERBS"))
    return any(
        re.fullmatch(rf"\s*{p}\s+(?:(?:{adverbs})\s+)?", head, re.IGNORECASE)
        for p in _words_of(language, "QUOTE_PRONOUNS")
    )


@cache
def _source_openings(language: str) -> re.Pattern[str] | None:
    words = section(get_language(language), "SPEECH_SOURCE_OPENINGS")
    return re.compile(rf"\s*(?:{alternation(words)})\s+", re.IGNORECASE) if words else None


def _according_to(start: int, end: int, speakers: _Speakers) -> Quote | None:
    """ "Selon Marc Dupont, le pont rouvrira à la mi-mai.": a sentence that opens by giving a
    person as its source (``SPEECH_SOURCE_OPENINGS``) reports that person's statement, the clause
    after the comma that follows the name."""
    opening = _source_openings(speakers.language)
    match = opening.match(speakers.text, start, end) if opening else None
    if match is None:
        return None
    person = next(iter(speakers.between(match.end(), end)), None)
    if person is None or speakers.text[match.end() : person.start].strip():
        return None
    comma = re.match(r"\s*,\s*", speakers.text[person.end : end])
    if comma is None:
        return None
    content = speakers.text[person.end + comma.end() : end].strip()
    if len(_WORD.findall(content)) < MIN_QUOTE_WORDS:
        return None
    return _quote(content, person, speakers, "reported", start, end)


def _reported_in(start: int, end: int, speakers: _Speakers) -> list[Quote]:
    """Reported statements of the sentence text[start:end]."""
    language = speakers.language
    according = _according_to(start, end, speakers)
    if according is not None:
        return [according]
    quotes = []
    position = start
    while position < end:
        found = None
        for verb in _speech_verbs(speakers.text, position, end, language):
            speaker = _reported_subject(position, verb, speakers)
            if speaker is not None:
                found = verb, speaker
                break
        if found is None:
            break
        verb, speaker = found
        stop = _statement_end(speakers, verb.end(), end, speaker)
        content = _content(speakers.text[verb.end() : stop], language)
        if len(_WORD.findall(content)) >= MIN_QUOTE_WORDS:
            quotes.append(_quote(content, speaker, speakers, "reported", position, stop))
        following = speakers.between(stop, end) if stop < end else []
        position = following[0].start if following else end
    if not quotes:
        inverted = _inverted(start, end, speakers)
        if inverted is not None:
            quotes.append(inverted)
    return quotes


def _inverted(start: int, end: int, speakers: _Speakers) -> Quote | None:
    """A statement attributed at the end of its sentence text[start:end] ("Выплаты начнутся через
    две недели, сообщил Андрей Лапин", "..., Abenov said on Tuesday", "..., he said"): the clause
    before the comma that opens the attribution, whose subject is a person (after the verb, or the
    only thing before it: a name, a pronoun, a role description)."""
    text = speakers.text
    comma = text.rfind(",", start, end)
    while comma > start:
        if len(_WORD.findall(text, comma + 1, end)) > MAX_INVERTED_WORDS + MAX_DESCRIPTION_WORDS:
            return None
        verb = next(_speech_verbs(text, comma + 1, end, speakers.language), None)
        if verb is not None:
            head = text[comma + 1 : verb.start()]
            if not head.strip(" —–"):
                speaker = speakers.after(verb.end(), end)
            else:
                speaker = speakers.subject(comma + 1, verb.start())
                if speaker is not None and text[comma + 1 : speaker.start].strip(" —–"):
                    speaker = None  # "..., and Abenov said nothing": not an attribution
                if speaker is None and _is_pronoun(head, speakers.language):
                    speaker = speakers.referent(start)
                if speaker is None:
                    speaker = speakers.described(head, verb.start())
            if speaker is None:
                return None
            line_start = text.rfind("\n", start, comma) + 1 or start  # a heading glued on is not said
            content = _DATELINE.sub("", text[max(start, line_start) : comma]).strip()
            if len(_WORD.findall(content)) < MIN_QUOTE_WORDS:
                return None
            return _quote(content, speaker, speakers, "reported", start, end)
        comma = text.rfind(",", start, comma)
    return None


def _reported(text: str, speakers: _Speakers, taken: list[tuple[int, int]], sentences) -> list[Quote]:
    """Indirect speech: a person (or he/she, or a role, after one) and a speech verb."""
    quotes = []
    for sentence in sentences:
        if any(a < sentence.end and sentence.start < b for a, b in taken) or _quotes_speech(sentence.text):
            continue
        quotes += _reported_in(sentence.start, sentence.end, speakers)
    return quotes


def _quotes_speech(sentence: str) -> bool:
    """Whether a sentence holds a quotation of its own (one of ``MIN_QUOTE_WORDS`` words or more, or
    one left open): then it is direct speech, not reported. Scare quotes («слепые зоны», "a
    betrayal") are not."""
    if sentence.count('"') % 2 or sentence.count("“") != sentence.count("”"):
        return True
    if sentence.count("«") != sentence.count("»"):
        return True
    return any(
        len(_WORD.findall(next(g for g in match.groups() if g is not None))) >= MIN_QUOTE_WORDS
        for match in _QUOTED.finditer(sentence)
    )


def extract_quotes(text: str, language: str, mentions: list[Mention], sentences) -> list[Quote]:
    """Direct and reported quotes of one article, in text order."""
    sentences = list(sentences)
    speakers = _Speakers(text, mentions, language, sentences)
    speakers.set_quoted(
        [m.span() for m in _QUOTED.finditer(text) if len(_WORD.findall(m.group())) >= MIN_QUOTE_WORDS]
    )
    quotes = _label_quotes(text, speakers, language) + _dash_quotes(text, speakers, language)
    taken = [(q.start, q.end) for q in quotes]
    quotes += _inline_quotes(text, speakers, language, taken)
    taken = [(q.start, q.end) for q in quotes]
    quotes += _reported(text, speakers, taken, sentences)
    return sorted(quotes, key=lambda q: q.start)
