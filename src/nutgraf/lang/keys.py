"""Search keys: the lexical keys under which a word is indexed and looked up.

They live with the languages (not with the store) because they are language work, computed where
an article is enriched (a worker process) so that the one process that stores only writes them;
the store's full-text index (``nutgraf.store.search``) keys queries with the same function.
"""

from __future__ import annotations

import re
from functools import lru_cache

from nutgraf.lang import content_terms

__all__ = ["WORD", "WORD_CACHE_SIZE", "search_terms", "terms_of", "word_keys"]

WORD_CACHE_SIZE = 200_000
"""Distinct words whose keys are remembered (a Russian word's lemmas take ~15 us to find with
pymorphy3's compiled dictionaries); a news vocabulary of a few hundred thousand word forms fits,
at ~40 MB."""

WORD = re.compile(r"[^\W\d_](?:[\w'’-]*\w)?|\d+(?:[.,]\d+)*")
"""A word of text or query: letters (with inner apostrophes and hyphens) or a number."""

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def _language_of_word(word: str) -> str:
    return "ru" if _CYRILLIC.search(word) else "en"


@lru_cache(maxsize=WORD_CACHE_SIZE)
def word_keys(word: str) -> tuple[str, ...]:
    """The lexical keys of one word, under which it is indexed and looked up.

    English: its Snowball stem. Russian: its Snowball stem and every dictionary form pymorphy3
    gives it, because the stemmer alone splits one word's forms ("паром" -> "пар", but "парома",
    "паромом" -> "паром"); with the lemmas all of them share the key "паром". Stopwords and
    numbers have no keys (numbers are matched as raw words)."""
    if word[0].isdigit():
        return ()
    language = _language_of_word(word)
    stems = content_terms(word, language)
    if language != "ru" or not stems:
        return tuple(stems[:1])
    from nutgraf.lang.ru import morph

    lemmas = {parse.normal_form.replace("ё", "е") for parse in morph().parse(word.lower())}
    return tuple(dict.fromkeys([stems[0], *sorted(lemmas)]))


def search_terms(value: str) -> list[str]:
    """The keys indexed for a text (see :func:`word_keys`), in text order."""
    return [key for match in WORD.finditer(value) for key in word_keys(match.group(0))]


def terms_of(title: str, body: str) -> str:
    """The indexed keys of an article's title and body, space-separated (the index's ``terms``)."""
    return " ".join(search_terms(f"{title}\n{body}"))
