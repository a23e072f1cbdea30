"""Search keys: the lexical keys under which a word is indexed and looked up.

They live with the languages (not with the store) because they are language work, computed where
an article is enriched (a worker process) so that the one process that stores only writes them;
the store's full-text index (``nutgraf.store.search``) keys queries with the same function.
"""

from __future__ import annotations

import re
from functools import lru_cache

from nutgraf.lang import SUPPORTED, content_terms, get_language, writers
from nutgraf.lang.contract import section

__all__ = ["WORD", "WORD_CACHE_SIZE", "search_terms", "terms_of", "word_keys"]

WORD_CACHE_SIZE = 200_000
"""Distinct words whose keys are remembered (a Russian word's lemmas take ~15 us to find with
pymorphy3's compiled dictionaries); a news vocabulary of a few hundred thousand word forms fits,
at ~40 MB."""

WORD = re.compile(r"[^\W\d_](?:[\w'’-]*\w)?|\d+(?:[.,]\d+)*")
"""A word of text or query: letters (with inner apostrophes and hyphens) or a number."""


@lru_cache(maxsize=WORD_CACHE_SIZE)
def word_keys(word: str, language: str | None = None) -> tuple[str, ...]:
    """The lexical keys of one word, under which it is indexed and looked up.

    A word of an article is keyed in the article's ``language`` when that language's letters write
    it, else in the first registered language whose letters do (``nutgraf.lang.writers``: a Cyrillic
    name in an English article is keyed as Russian). A query word, typed with no language, gets the
    keys of every language whose letters write it ("ferries": the English and the French stem), so
    that it finds the word in an article of either. In each language: its Snowball stem; in Russian
    also every dictionary form pymorphy3 gives it, because the stemmer alone splits one word's forms
    ("паром" -> "пар", but "парома", "паромом" -> "паром"); with the lemmas all of them share the
    key "паром". Stopwords and numbers have no keys (numbers are matched as raw words)."""
    if word[0].isdigit():
        return ()
    languages = writers(word, prefer=language)
    if language is not None:
        languages = languages[:1]  # an article's word: its language's keys, or its script's first
    keys: list[str] = []
    for code in languages or (SUPPORTED[0],):
        found = _keys_in(word, code)
        if not found:
            return ()  # a stopword in a language that writes it ("the", "de"): no key in any
        keys += found
    return tuple(dict.fromkeys(keys))


def _keys_in(word: str, language: str) -> list[str]:
    stems = content_terms(word, language)
    lemmatize = section(get_language(language), "lemmatize_word")
    if lemmatize is None or not stems:
        return stems[:1]
    return [stems[0], *sorted(lemmatize(word))]


def search_terms(value: str, language: str | None = None) -> list[str]:
    """The keys indexed for a text in ``language`` (see :func:`word_keys`), in text order."""
    return [key for match in WORD.finditer(value) for key in word_keys(match.group(0), language)]


def terms_of(title: str, body: str, language: str | None = None) -> str:
    """The indexed keys of an article's title and body, space-separated (the index's ``terms``)."""
    return " ".join(search_terms(f"{title}\n{body}", language))
