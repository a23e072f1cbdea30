"""Russian citation cues (read by ``nutgraf.analyze.citations``): phrases that cite a source and
the descriptors before its name."""

from __future__ import annotations

import re

CITATION_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(pattern)
    for pattern in (
        r"(?:^|\n)[А-ЯЁA-Z][А-ЯЁA-Z .'-]{2,40}, [^()\n]{1,30}\((?P<name>[^()\n]{2,60})\) [—–-]",
        r"\b(?:как )?(?:сообщает|сообщают|сообщило|сообщила|сообщил|передаёт|передает|пишет|пишут|информирует)"
        r" (?P<name>«?[А-ЯЁA-Z][^,.;:()\n]{1,60}?»?)(?=[,.;:()]|\s(?:со ссылкой|в|на|по)\b|$)",
        r"\b[Пп]о (?:данным|информации|сведениям|оценкам) (?P<name>[^,.;:()\n]{2,70}?)(?=[,.;:()]|\s(?:на|в|к|за)\s|$)",
        r"\bсо ссылкой на (?P<name>[^,.;:()\n]{2,60}?)(?=[,.;:()]|$)",
        r"(?:^|\n)Источник:\s*(?P<name>[^\n]{2,80})",
        r"\[\s*Источник:\s*(?P<name>[^\]]{2,80})\]",
    )
)

SOURCE_DESCRIPTORS: tuple[str, ...] = (
    "информационное агентство",
    "агентство",
    "агентства",
    "издание",
    "издания",
    "газета",
    "газеты",
    "телеканал",
    "телеканала",
    "портал",
    "портала",
    "сайт",
    "сайта",
)


# Read in text before its language is known: joined over every registered language
# (``nutgraf.lang.every``).
LIST_JOINERS: tuple[str, ...] = ("и",)
"""Joins the last two names of a list ("министр Нурия Сафина и вице-премьер Тимур Алиев")."""
SOURCE_LIST_OPENINGS: tuple[str, ...] = ("источник",)
"""A credit line that lists its sources ("Источник: ТАСС, РИА Новости")."""
