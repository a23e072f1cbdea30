"""Canonical entities: one id for one person, organisation or place, across articles and scripts.

A mention ("Владимиром Путиным", "Putin's") is first reduced to its dictionary form by its language
module, then keyed in a script-independent way: Cyrillic is transliterated (iuliia, Wikipedia
system; Ukrainian і/ї/є/ґ too), Latin letters with a sound of their own are spelled out (š = sh,
č = ch, ž = zh, ł = l; other diacritics go), and each word is reduced to a consonant skeleton: first
letter, then consonants, doubles collapsed, with the spellings that transliteration confuses folded
to one: kh = h = g (Хэмилтон, Гамильтон = Hamilton), f = v = ph = w (Ферстаппен = Verstappen), c = s
before e/i/y and c = ck = q = k elsewhere (Мерседес = Mercedes, Маккейн = McCain), gh = g
(Бирмингем = Birmingham), th = t, tz = ts, x = ks, sch = sz = sh, cz = ch, qu = kv before a vowel
(Квинсленд = Queensland), a word-initial дж = j (Джонс = Jones) and a word-initial у before a vowel
= w (Уильямс = Williams). So Aleksandr/Alexander, Mamedli/Mammadli, Zelensky/Zelenskyy/Зеленский,
Koroleva/Королёва (pymorphy gives "королёв"), Babiš/Бабиш and Poroszenko/Порошенко fall together;
ch, sh, zh, ts, z and s stay apart (Chan/Khan, Schmidt/Smith, Fischer/Visser). The price is a few
more distinct names with one skeleton (Kurz/Cruz, Hancock/Gnauck); the alias table's collision
guard keeps the curated ones apart (Ghana/Hanoi, Harris/Grossi).

Ids are deterministic, so linking across articles needs no shared state: a curated alias entry
(``aliases.json``, for the best-known entities, whose names differ across scripts: Russia/Россия,
Kremlin/Кремль) gives its own id; any other entity gets ``<type>-<skeleton>``, where the skeleton
of a person is that of their surname, so "Lukashenko" alone and "Alexander Lukashenko" are one.
Within an article, a surname mention joins the full name it abbreviates.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources

from nutgraf.lang import SUPPORTED, get_language
from nutgraf.lang.contract import section
from nutgraf.model import Entity, Mention

__all__ = ["AliasIndex", "alias_index", "entity_key", "link_entities", "skeleton", "to_latin"]

ALIAS_FILE = "aliases.json"
MIN_ENTITY_CHARS = 2
SKELETON_MATCH_RATIO = 0.75
"""A skeleton match with the alias table is accepted only when the transliterated forms are also
this similar (difflib ratio): Mamedli/Mammadli 0.93, Zelensky/Zelenskyy 0.94; Angliya/Angola 0.62."""

MIN_PERSON_SKELETON = 3
"""Shorter surname skeletons (Tate -> "t", Ek -> "ak") would collide; such surnames are keyed by
their full transliteration instead."""

ABBREVIATION_MAX = 5
"""All-capital names up to this length (NATO, США, ООН) are keyed by their whole transliteration:
a consonant skeleton of three letters says too little."""

_VOWELS = frozenset("aeiouy")
_WORDS = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


@cache
def _iuliia_schema():
    import iuliia

    return iuliia.WIKIPEDIA


_CYRILLIC_EXTRA = str.maketrans(
    {"Є": "Ye", "є": "ye", "І": "I", "і": "i", "Ї": "Yi", "ї": "yi", "Ґ": "G", "ґ": "g", "Ў": "U", "ў": "u"}
)
"""Ukrainian and Belarusian letters, which the Russian Wikipedia scheme leaves as they are."""


def to_latin(text: str) -> str:
    """Latin transliteration of Cyrillic (Wikipedia system: Юрий -> Yury, Королёва -> Korolyova)."""
    if not _CYRILLIC.search(text):
        return text
    return _iuliia_schema().translate(text.translate(_CYRILLIC_EXTRA))


_LATIN_LETTERS = str.maketrans(
    {
        "š": "sh",
        "č": "ch",
        "ć": "ch",
        "ž": "zh",
        "ż": "zh",
        "ř": "rzh",
        "ł": "l",
        "đ": "dj",
        "ß": "ss",
        "ø": "o",
        "æ": "ae",
        "œ": "oe",
        "ı": "i",
    }
)
"""Latin letters with a sound of their own (Babiš = Бабиш, Dvořák = Дворжак); other diacritics go."""

_SOUNDS = (
    # One spelling per sound, longest first; upper case marks a sound already folded.
    (re.compile(r"^u(?=[aeiouy])"), "v"),  # Уильямс = Williams, Уэлш = Walsh
    (re.compile(r"^(?:dzh|dj)"), "j"),  # Джонс = Jones, Đoković = Djokovic (inside a word, дж stays)
    (re.compile(r"shch|sch|sh|sz"), "S"),
    (re.compile(r"tch|ch|cz"), "C"),
    (re.compile(r"zh"), "Z"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"th"), "t"),
    (re.compile(r"qu(?!e$)(?=[aeioy])"), "kv"),  # Квинсленд = Queensland, not Mozambique
    (re.compile(r"ck|c(?![eiy])|q"), "k"),
    (re.compile(r"c"), "s"),
    (re.compile(r"tz"), "ts"),
    (re.compile(r"kh|gh|h"), "g"),
    (re.compile(r"f"), "v"),
)
_SPELLED = {"S": "sh", "C": "ch", "Z": "zh"}


def _sounds(word: str) -> str:
    """A word's Latin spelling with the variants that transliteration produces folded to one
    spelling (see the module docstring): "Хэмилтон" gives "gemilton", "Hamilton" "gamilton"."""
    latin = unicodedata.normalize("NFKD", to_latin(word).lower().translate(_LATIN_LETTERS))
    latin = re.sub(r"[^a-z0-9]", "", latin.replace("x", "ks").replace("wh", "w").replace("w", "v"))
    for pattern, sound in _SOUNDS:
        latin = pattern.sub(sound, latin)
    return latin


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """Script-independent key of one word: first letter, then consonants, transliteration variants
    folded (:func:`_sounds`), doubles collapsed."""
    latin = _sounds(word)
    if not latin:
        return ""
    head = "i" if latin[0] in "yij" else ("a" if latin[0] in _VOWELS else latin[0])
    consonants = [ch for ch in latin[1:] if ch not in _VOWELS and ch != "j"]
    out = head
    for ch in consonants:
        if ch != out[-1]:
            out += ch
    return "".join(_SPELLED.get(ch, ch) for ch in out)


def _abbreviation(surface: str) -> bool:
    letters = [ch for ch in surface if ch.isalpha()]
    return 0 < len(letters) <= ABBREVIATION_MAX and all(ch.isupper() for ch in letters)


def entity_key(lemma: str, label: str, surface: str = "") -> str:
    """The linking key of an entity name (its dictionary form); persons are keyed by surname."""
    words = _WORDS.findall(lemma)
    if not words:
        return ""
    if surface and _abbreviation(surface):
        return re.sub(r"[^a-z0-9]", "", to_latin("".join(words)).lower())
    if label == "PER":
        return _person_key(words[-1])
    return "-".join(filter(None, (skeleton(w) for w in words)))


def _person_key(surname: str) -> str:
    key = skeleton(surname)
    if len(key) < MIN_PERSON_SKELETON:
        return re.sub(r"[^a-z0-9]", "", to_latin(surname).lower()) or key
    return key


def _similar(a: str, b: str) -> bool:
    from difflib import SequenceMatcher

    return SequenceMatcher(None, a, b).ratio() >= SKELETON_MATCH_RATIO


def _exact_key(words: list[str]) -> str:
    """Exact form of a name across scripts: its transliterated dictionary form."""
    return " ".join(re.sub(r"[^a-z0-9]", "", to_latin(w).lower()) for w in words).strip()


def _full_key(words: list[str]) -> str:
    return "-".join(filter(None, (skeleton(w) for w in words)))


@dataclass
class AliasIndex:
    """Curated entities, found by their names. Exact transliterated forms come first; consonant
    skeletons (which also match spelling variants) only as a fallback, per type, and only where no
    two curated entities share one (US/Asia, Peskov/Pskov, Latvia/Lithuania share skeletons)."""

    entries: dict[str, dict] = field(default_factory=dict)
    exact: dict[str, str] = field(default_factory=dict)
    abbreviations: dict[str, str] = field(default_factory=dict)
    skeletons: dict[str, str] = field(default_factory=dict)
    surnames: dict[str, str] = field(default_factory=dict)
    surname_forms: dict[str, str] = field(default_factory=dict)
    """Transliterated surnames, for those whose skeleton two curated persons share (Harris, Grossi)."""
    forms: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    """Transliterated forms of each entity's names, to confirm a skeleton match."""
    first_names: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    """Skeletons of each curated person's first names (Asia Bibi is not Bibi Netanyahu)."""

    def find(self, lemma: str, label: str, surface: str) -> str | None:
        words = _WORDS.findall(lemma)
        if not words:
            return None
        if _abbreviation(surface):
            return self.abbreviations.get(entity_key(lemma, label, surface)) or self.exact.get(
                _exact_key(words)
            )
        exact = _exact_key(words)
        found = self.exact.get(exact)
        if found:
            return found
        for kind in (label, *({"ORG", "LOC"} - {label} if label in {"ORG", "LOC"} else ())):
            found = self.skeletons.get(f"{kind}:{_full_key(words)}")
            if found and any(_similar(exact, form) for form in self.forms[found]):
                return found
        if label == "PER":
            found = self.surnames.get(skeleton(words[-1])) or self.surname_forms.get(_exact_key(words[-1:]))
            if found and len(words) > 1 and skeleton(words[0]) not in self.first_names[found]:
                return None  # a different first name: another person with that surname
            if found and any(
                _similar(_exact_key(words[-1:]), form.split()[-1]) for form in self.forms[found]
            ):
                return found
        return None


def _shares_script(first: str, second: str) -> bool:
    """Whether two languages write with letters in common (English and French: Latin)."""
    return bool(set(_script_letters(first)) & set(_script_letters(second)))


@cache
def _script_letters(language: str) -> str:
    module = get_language(language)
    letters = re.compile(f"[{section(module, 'UPPERCASE') or 'A-Z'}]")
    return "".join(ch for ch in map(chr, range(0x41, 0x530)) if letters.match(ch))


def alias_languages(language: str | None) -> tuple[str, ...]:
    """The languages whose names in the alias table link the mentions of a text in ``language``:
    its own, the table's first (English, whose names other texts quote: "Google" in a Russian
    text), and those written in another script than both (Russian names in an English or a French
    text). Not a third language's names in the text's own script: French "Maurice", "Grèce" and
    "Maroc" would take the English "Maurice", "Grace" and "Marca" by spelling. Every language's
    when the text's has no module."""
    if language not in SUPPORTED:
        return SUPPORTED
    base = SUPPORTED[0]
    return tuple(
        code
        for code in SUPPORTED
        if code in (language, base) or not (_shares_script(code, language) or _shares_script(code, base))
    )


@cache
def alias_index(language: str | None = None) -> AliasIndex:
    """The curated alias table, keyed, for the mentions of a text in ``language`` (the names of
    :func:`alias_languages`); built once per process and language (a few thousand names)."""
    raw = resources.files("nutgraf.analyze").joinpath(ALIAS_FILE).read_text(encoding="utf-8")
    index = AliasIndex()
    owners: dict[str, dict[str, set[str]]] = {
        "exact": defaultdict(set),
        "abbreviations": defaultdict(set),
        "skeletons": defaultdict(set),
        "surnames": defaultdict(set),
        "surname_forms": defaultdict(set),
    }
    for entry in json.loads(raw):
        entity_id, kind = entry["id"], entry["type"]
        index.entries[entity_id] = entry
        for code in alias_languages(language):
            names = [entry["names"].get(code, ""), *list(entry.get("aliases", {}).get(code, []))]
            module = get_language(code)
            for name in filter(None, names):
                lemma = module.entity_lemma(name, kind)
                words = _WORDS.findall(lemma)
                if not words:
                    continue
                if _abbreviation(name):
                    owners["abbreviations"][entity_key(lemma, kind, name)].add(entity_id)
                    continue
                if kind == "PER" and len(words) == 1:
                    owners["surnames"][skeleton(words[0])].add(entity_id)
                    owners["surname_forms"][_exact_key(words)].add(entity_id)
                    index.forms[entity_id].add(_exact_key(words))
                    continue
                owners["exact"][_exact_key(words)].add(entity_id)
                owners["skeletons"][f"{kind}:{_full_key(words)}"].add(entity_id)
                index.forms[entity_id].add(_exact_key(words))
                if kind == "PER":
                    owners["surnames"][skeleton(words[-1])].add(entity_id)
                    owners["surname_forms"][_exact_key(words[-1:])].add(entity_id)
                    index.first_names[entity_id].add(skeleton(words[0]))
    for table, keys in owners.items():
        setattr(index, table, {key: next(iter(ids)) for key, ids in keys.items() if len(ids) == 1})
    return index


def _nominative(module, surface: str, lemma: str, label: str) -> bool:
    """True when a surface form is the name as a reader expects it (nominative in Russian)."""
    check = section(module, "is_nominative")
    if check is not None:
        return check(surface, label)
    return " ".join(w.lower() for w in _WORDS.findall(surface)) == lemma


def link_entities(
    text: str, language: str, spans: list[tuple[int, int, str]], aliases: AliasIndex | None = None
) -> tuple[list[Entity], list[Mention]]:
    """Canonical entities of one article and its mentions, from NER spans (start, end, label)."""
    aliases = aliases if aliases is not None else alias_index(language)
    module = get_language(language)
    lemmatize = section(module, "entity_lemma")
    mentions: list[Mention] = []
    lemmas: list[str] = []
    for start, end, label in spans:
        surface = text[start:end].strip()
        if len(surface) < MIN_ENTITY_CHARS or not any(ch.isalpha() for ch in surface):
            continue
        lemma = lemmatize(surface, label)
        if not _WORDS.findall(lemma):
            continue
        mentions.append(Mention(surface, start, end, label))
        lemmas.append(lemma)

    # Persons: a one-word mention is the surname of a fuller name in the same article.
    full_names: dict[str, str] = {}
    for mention, lemma in zip(mentions, lemmas, strict=True):
        words = _WORDS.findall(lemma)
        if mention.type == "PER" and len(words) > 1:
            full_names.setdefault(skeleton(words[-1]), lemma)

    # NER calls a person a place now and then ("Okafor", "Валиева"): a one-word mention of another
    # type that is the surname of a person named in full in the same article is that person.
    for mention, lemma in zip(mentions, lemmas, strict=True):
        words = _WORDS.findall(lemma)
        if mention.type != "PER" and len(words) == 1 and skeleton(words[0]) in full_names:
            mention.type = "PER"

    counts: Counter[str] = Counter()
    surfaces: dict[str, list[tuple[str, str]]] = defaultdict(list)
    types: dict[str, Counter[str]] = defaultdict(Counter)
    for mention, lemma in zip(mentions, lemmas, strict=True):
        if mention.type == "PER":
            words = _WORDS.findall(lemma)
            lemma = full_names.get(skeleton(words[-1]), lemma) if len(words) == 1 else lemma
        found = aliases.find(lemma, mention.type, mention.text)
        if found is None:
            found = f"{mention.type.lower()}-{entity_key(lemma, mention.type, mention.text)}"
        else:
            mention.type = aliases.entries[found][
                "type"
            ]  # NER said PERSON; the table knows BelTA is an agency
        mention.entity_id = found
        counts[found] += 1
        surfaces[found].append((mention.text, lemma))
        types[found][mention.type] += 1

    entities = []
    for entity_id, count in counts.most_common():
        entry = aliases.entries.get(entity_id)
        kind = entry["type"] if entry else types[entity_id].most_common(1)[0][0]
        if entry:
            names = dict(entry["names"])
        else:
            names = {language: _display_name(module, surfaces[entity_id], kind)}
        entities.append(
            Entity(entity_id, names.get(language) or next(iter(names.values())), kind, count, names)
        )
    return entities, mentions


def _display_name(module, forms: list[tuple[str, str]], label: str) -> str:
    """The fullest name as written in the nominative, else the fullest lemma title-cased."""
    nominative = [surface for surface, lemma in forms if _nominative(module, surface, lemma, label)]
    if nominative:
        return max(nominative, key=lambda s: (len(s.split()), len(s)))
    surface = max((surface for surface, _ in forms), key=lambda s: (len(s.split()), len(s)))
    inflect = section(module, "nominative")
    return inflect(surface, label) if inflect is not None else surface
