"""Russian site furniture (read by ``nutgraf.clean``): whole lines of site interface, the lines
before another article's headline, the words by which a line speaks for the site, a line's mood
(pymorphy3), and the words around a page's date line."""

from __future__ import annotations

import re
from functools import lru_cache

from nutgraf.lang.ru.backends import morph

FURNITURE_LINES: frozenset[str] = frozenset(
    {
        "нет времени читать?",
        "получить краткое содержание",
        "краткое содержание",
        "реклама",
        "поделиться",
        "комментарии",
        "подписаться",
        "подписывайтесь",
        "новости партнеров",
        "новости партнёров",
        "все новости",
        "главное",
        "самое читаемое",
        "популярное",
        "в тренде",
        "читать далее",
        "читать полностью",
        "версия для печати",
        "наверх",
    }
)

FURNITURE_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^читайте (также|ещё|еще|нас)\b.{0,200}$",
        r"^(также|ещё|еще) по теме\b.{0,200}$",
        r"^подписывайтесь на .{1,120}$",
        r"^подпишитесь на .{1,120}$",
        r"^поделиться\s*:?.{0,80}$",
        r"^(нашли|заметили) ошибку.{0,120}$",
        r"^при (использовании|перепечатке|цитировании) материалов.{0,160}$",
        r"^мнение (редакции|автора) может не совпадать.{0,120}$",
        r"^(фото|видео|источник фото)\s*:\s*.{1,80}$",
        r"^все права защищены\.?$",
    )
)

NAVIGATION_MARKERS: frozenset[str] = frozenset(
    {
        "предыдущая статья",
        "следующая статья",
        "предыдущая новость",
        "следующая новость",
        "читайте также",
        "читайте также:",
        "также по теме",
        "ещё по теме",
        "еще по теме",
        "по теме",
    }
)

SITE_PHRASES: tuple[str, ...] = (
    *"""вы вас вам вами ваш ваша ваше ваши вашего вашей вашему вашим вашем ваших вашими вашу
    мы нас нам нами наш наша наше наши нашего нашей нашему нашим нашем наших нашими нашу""".split(),
    "эта статья",
    "этой статье",
    "эту статью",
    "этот материал",
    "этого материала",
    "этом материале",
    "материал подготовлен",
    "мнение редакции",
    "все права защищены",
)
"""Words and phrases by which a line speaks for the site rather than reports (see the English
module): to the reader ("Подписывайтесь на наш канал"), of the page itself ("Материал подготовлен
при поддержке...") or as a notice ("Мнение редакции может не совпадать с мнением автора")."""

_CYRILLIC_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")


def verb_mood(line: str) -> str | None:
    """Whether a line states or commands: "indicative" when it holds a finite verb, a short
    participle or a predicative word ("Толчок произошёл на глубине 12 километров", "Япония
    расположена...", "Пострадавших нет"), "imperative" when it opens with a command or speaks to
    the reader in the second person ("Подписывайтесь...", "Смотрите также"), None when it has no
    verb ("Глубина очага — 10 километров"). Each word's likeliest pymorphy3 reading, cached."""
    words = [word.lower() for word in _CYRILLIC_WORD.findall(line)]
    if not words:
        return None
    first = _word_tag(words[0])
    if first.POS == "VERB" and ("impr" in first or "2per" in first):
        return "imperative"
    for word in words:
        tag = _word_tag(word)
        if (tag.POS == "VERB" and "indc" in tag) or tag.POS in ("PRTS", "PRED"):
            return "indicative"
    return None


@lru_cache(maxsize=65536)
def _word_tag(word: str):
    return morph().parse(word)[0].tag


# Read in text before its language is known: joined over every registered language
# (``nutgraf.lang.every``).
COPYRIGHT_WORDS: tuple[str, ...] = ("копирайт",)
DATELINE_PREFIXES: tuple[str, ...] = ("опубликовано", "обновлено", "дата публикации")
DATE_TRAILERS: tuple[str, ...] = ("мск", "msk", "г.", "года", "год")
