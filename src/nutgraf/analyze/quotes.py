"""Quotes with their speakers: who said what, in either language's conventions.

Direct quotes come in four shapes: a quotation attributed after it (“...,” said X / «...», — сказал X),
one attributed before it (X said: “...” / X: «...»), an interview label on its own line followed by
a quoted paragraph ("Alexander Nemtsov, Political Scientist:"), and Russian dialogue dashes
("— ..., — сказал X."). Indirect speech ("Peskov indicated that ...", "Ушаков охарактеризовал ...")
is kept as ``kind="reported"``. Speakers are resolved to the person mentions the entity linker
found; "he"/"она" point to the last person named before. Roles are the appositions next to the
name that contain a role word ("Kazakhstan's transport minister", "министр транспорта Казахстана").
"""

from __future__ import annotations

import itertools
import re
from functools import cache

from nutgraf.lang import get_language, paragraphs
from nutgraf.model import Mention, Quote

__all__ = ["extract_quotes"]

MIN_QUOTE_WORDS = 4
"""Shorter quoted spans are titles or scare quotes («братские», "Oreshnik"), not statements."""

ATTRIBUTION_WINDOW = 160
"""Characters after a closing quote (or before an opening one) searched for the attribution."""

MAX_ROLE_WORDS = 10
MAX_PREFIX_ROLE_WORDS = 6

PRONOUNS = {"en": ("he", "she"), "ru": ("он", "она")}

_QUOTED = re.compile(r"“(?P<a>[^”]{2,2000})”|«(?P<b>(?:[^«»]|«[^«»]*»){2,2000})»|\"(?P<c>[^\"]{2,2000})\"")
_LABEL = re.compile(r"^(?P<name>[^\n,:«»\"“”]{3,60}),\s*(?P<role>[^\n:«»\"“”]{2,160}):\s*$")
_DASH_LINE = re.compile(r"^[—–-]\s+(?P<quote>.+?),?\s+[—–-]\s+(?P<rest>.+)$")
_WORD = re.compile(r"[\w'’-]+")


@cache
def _verbs(language: str) -> re.Pattern[str]:
    verbs = getattr(get_language(language), "SPEECH_VERBS", ())
    if not verbs:
        return re.compile(r"(?!x)x")
    return re.compile(
        r"\b(?:" + "|".join(sorted(map(re.escape, verbs), key=len, reverse=True)) + r")\b", re.IGNORECASE
    )


def _role_words(language: str) -> frozenset[str]:
    return getattr(get_language(language), "ROLE_WORDS", frozenset())


def _has_role_word(phrase: str, language: str) -> bool:
    roles = _role_words(language)
    words = [w.lower().strip("'’") for w in _WORD.findall(phrase)]
    return any(w in roles or w.removesuffix("s") in roles for w in words)


class _Speakers:
    """Person mentions of an article, for resolving speakers and pronouns."""

    def __init__(self, text: str, mentions: list[Mention], language: str) -> None:
        self.text = text
        self.language = language
        self.people = sorted((m for m in mentions if m.type == "PER"), key=lambda m: m.start)

    def within(self, start: int, end: int) -> Mention | None:
        inside = [m for m in self.people if m.start >= start and m.end <= end]
        return inside[0] if inside else None

    def last_before(self, position: int) -> Mention | None:
        """Who "he"/"she" at ``position`` refers to: the first person (the subject, in news prose)
        of the last sentence before it that names anyone."""
        before = [m for m in self.people if m.end <= position]
        if not before:
            return None
        last = before[-1]
        sentence_start = max(self.text.rfind(". ", 0, last.start), self.text.rfind("\n", 0, last.start)) + 1
        same_sentence = [m for m in before if m.start >= sentence_start]
        return same_sentence[0] if same_sentence else last

    def _is_role(self, phrase: str) -> bool:
        """An apposition is a role when it names one and does not go on to say something."""
        conjunctions = getattr(get_language(self.language), "REPORTED_CONJUNCTIONS", ())
        words = {w.lower() for w in _WORD.findall(phrase)}
        return (
            len(words) <= MAX_ROLE_WORDS
            and _has_role_word(phrase, self.language)
            and not _verbs(self.language).search(phrase)
            and not words & set(conjunctions)
        )

    def role(self, mention: Mention) -> str | None:
        """Apposition after the name (", Kazakhstan's transport minister") or title before it."""
        after = self.text[mention.end : mention.end + 200]
        match = re.match(r"\s*,\s*(?P<role>[^,.;:!?«»\"“”()]{3,150}?)\s*(?=[,.;:!?]|$)", after)
        if match and self._is_role(match.group("role")):
            return match.group("role").strip()
        line_start = self.text.rfind("\n", 0, mention.start) + 1
        before = self.text[line_start : mention.start]
        if before.rstrip().endswith(","):  # "The Kremlin's press secretary, Dmitry Peskov, ..."
            clause = re.split(r"[,.;:!?«»\"“”()—–]", before.rstrip()[:-1])[-1].strip()
            if clause and self._is_role(clause):
                return re.sub(r"^(?:the|a|an)\s+", "", clause, flags=re.IGNORECASE)
        clause = re.split(r"[,.;:!?«»\"“”()—–]", before)[-1]
        return _prefix_role(clause.split()[-MAX_PREFIX_ROLE_WORDS:], self.language)


def _prefix_role(words: list[str], language: str) -> str | None:
    """The title right before a name: from the nearest role word ("министр транспорта Казахстана",
    "Kazakh Transport Minister", "Belarusian leader"), extended left over capitalised words."""
    roles = [i for i, word in enumerate(words) if _has_role_word(word, language)]
    if not roles:
        return None
    start = roles[-1] if language == "en" else roles[0]
    if language == "en":
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


def _speaker_in(window: str, offset: int, speakers: _Speakers, position: int) -> Mention | None:
    """A person named in an attribution window, or the last person before when it says he/she."""
    found = speakers.within(offset, offset + len(window))
    if found is not None:
        return found
    pronouns = PRONOUNS.get(speakers.language, ())
    if any(re.search(rf"\b{p}\b", window, re.IGNORECASE) for p in pronouns):
        return speakers.last_before(position)
    return None


def _quote(text: str, speaker: Mention | None, speakers: _Speakers, kind: str, start: int, end: int) -> Quote:
    return Quote(
        text=text.strip().strip('“”«»"').strip(),
        speaker=speaker.text if speaker else None,
        speaker_entity_id=speaker.entity_id if speaker else None,
        role=speakers.role(speaker) if speaker else None,
        kind=kind,
        start=start,
        end=end,
    )


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
            text=body.strip('“”«»"—– ').strip(),
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
        if not match or not verbs.match(match.group("rest")):
            continue
        offset = start + (end - start - len(text[start:end].lstrip())) + match.start("rest")
        speaker = _speaker_in(match.group("rest"), offset, speakers, start)
        quotes.append(_quote(match.group("quote"), speaker, speakers, "direct", start, end))
    return quotes


def _inline_quotes(
    text: str, speakers: _Speakers, language: str, taken: list[tuple[int, int]]
) -> list[Quote]:
    quotes = []
    verbs = _verbs(language)
    for match in _QUOTED.finditer(text):
        start, end = match.span()
        if any(a <= start < b for a, b in taken):
            continue
        inner = next(g for g in match.groups() if g is not None)
        if len(_WORD.findall(inner)) < MIN_QUOTE_WORDS:
            continue
        paragraph_end = text.find("\n", end)
        paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
        after = text[end : min(paragraph_end, end + ATTRIBUTION_WINDOW)]
        sentence_after = re.split(r"(?<=[.!?])\s", after, maxsplit=1)[0]
        speaker = None
        if verbs.search(sentence_after):
            speaker = _speaker_in(sentence_after, end, speakers, start)
        if speaker is None:
            paragraph_start = text.rfind("\n", 0, start) + 1
            before = text[max(paragraph_start, start - ATTRIBUTION_WINDOW) : start]
            clause = re.split(r"(?<=[.!?»”\"])\s", before)[-1]
            if verbs.search(clause) or clause.rstrip().endswith(":"):
                speaker = _speaker_in(clause, start - len(clause), speakers, start)
        quotes.append(_quote(inner, speaker, speakers, "direct", start, end))
    return quotes


def _reported(
    text: str, speakers: _Speakers, language: str, taken: list[tuple[int, int]], sentences
) -> list[Quote]:
    """Indirect speech: a person (or he/she after one) followed closely by a speech verb."""
    quotes = []
    verbs = _verbs(language)
    conjunctions = getattr(get_language(language), "REPORTED_CONJUNCTIONS", ())
    pronouns = PRONOUNS.get(language, ())
    for sentence in sentences:
        if any(a < sentence.end and sentence.start < b for a, b in taken):
            continue
        if any(q in sentence.text for q in '“”«»"'):
            continue
        verb = verbs.search(sentence.text)
        if verb is None:
            continue
        head = sentence.text[: verb.start()]
        speaker = speakers.within(sentence.start, sentence.start + verb.start())
        if speaker is None:
            if not any(
                re.fullmatch(rf"\s*{p}\s+(?:also\s+|также\s+)?", head, re.IGNORECASE) for p in pronouns
            ):
                continue
            speaker = speakers.last_before(sentence.start)
            if speaker is None:
                continue
        elif len(_WORD.findall(sentence.text[speaker.end - sentence.start : verb.start()])) > 12:
            continue  # the person is too far from the verb to be its subject
        content = sentence.text[verb.end() :].strip(" ,:")
        for conjunction in conjunctions:
            match = re.search(rf"\b{conjunction}\b\s*", content[:80])
            if match:
                content = content[match.end() :]
                break
        if len(_WORD.findall(content)) < MIN_QUOTE_WORDS:
            continue
        quotes.append(_quote(content, speaker, speakers, "reported", sentence.start, sentence.end))
    return quotes


def extract_quotes(text: str, language: str, mentions: list[Mention], sentences) -> list[Quote]:
    """Direct and reported quotes of one article, in text order."""
    speakers = _Speakers(text, mentions, language)
    quotes = _label_quotes(text, speakers, language) + _dash_quotes(text, speakers, language)
    taken = [(q.start, q.end) for q in quotes]
    quotes += _inline_quotes(text, speakers, language, taken)
    taken = [(q.start, q.end) for q in quotes]
    quotes += _reported(text, speakers, language, taken, sentences)
    return sorted(quotes, key=lambda q: q.start)
