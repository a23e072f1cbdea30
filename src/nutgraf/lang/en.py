"""English: sentence splitting, month names and the interface phrases English news sites use.

Sentences come from blingfire's finite-state splitter: on 300 BBC articles it agreed with
pysbd and syntok on "Mr.", "U.S.", "p.m." and quoted speech while being about 100x faster
than pysbd (0.11 vs 11.8 ms per article, measured here); razdel, built for Russian, breaks
after "Jan." in English.
"""

from __future__ import annotations

import re

import blingfire

CODE = "en"
NAME = "English"

MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}

FURNITURE_LINES: frozenset[str] = frozenset(
    {
        "no time to read?",
        "get a summary",
        "advertisement",
        "sponsored",
        "sponsored content",
        "share",
        "share this",
        "share this article",
        "share this story",
        "tweet",
        "print",
        "print this page",
        "email",
        "comments",
        "leave a comment",
        "show comments",
        "subscribe",
        "sign up",
        "newsletter",
        "most read",
        "most popular",
        "trending",
        "top stories",
        "related",
        "related articles",
        "related stories",
        "related news",
        "more on this story",
        "skip to content",
        "skip to main content",
        "back to top",
        "listen to this article",
        "accept",
        "accept cookies",
        "loading...",
    }
)

FURNITURE_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^share( this( article| story)?)?\s*(:|on)?\s*((facebook|twitter|x|email|whatsapp|telegram|linkedin|reddit)[\s,·|/]*)+$",
        r"^follow (us|the [\w .'’-]{1,40}|[\w .'’-]{1,40}) on (telegram|twitter|x|facebook|instagram|whatsapp|google news|threads)\b.{0,60}$",
        r"^(subscribe|sign up)( now)? (to|for) .{0,60}(newsletter|briefing|channel|updates|alerts|digest)\b.{0,40}$",
        r"^(read more|read also|see also|also read|related|more)\s*:\s*\S.{0,200}$",
        r"^comments?\s*\(\d+\)$",
        r"^\d+\s*min(ute)?s?\s+read$",
        r"^(we use cookies|this (web)?site uses cookies).{0,200}$",
        r"^all rights reserved\.?$",
        r"^(photo|image|picture)\s*(credit)?\s*:\s*.{1,80}$",
    )
)

NAVIGATION_MARKERS: frozenset[str] = frozenset(
    {
        "previous article",
        "next article",
        "previous story",
        "next story",
        "previous post",
        "next post",
        "read more",
        "read also",
        "see also",
        "also read",
    }
)


def split_sentences(paragraph: str) -> list[tuple[int, int]]:
    """Sentence spans of one paragraph (character offsets)."""
    if not paragraph.strip():
        return []
    _, offsets = blingfire.text_to_sentences_and_offsets(paragraph)
    return [(start, end) for start, end in offsets]


STEMMER = "english"
"""Snowball algorithm name for PyStemmer."""

STOPWORDS: frozenset[str] = frozenset(
    """a about above after again against all also am an and any are aren't as at be because been before
    being below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't
    down during each even ever every few for from further had hadn't has hasn't have haven't having he he'd
    he'll he's her here here's hers herself him himself his how how's however i i'd i'll i'm i've if in into
    is isn't it it's its itself just let's may me might more most much must mustn't my myself no nor not now
    of off on once one only or other ought our ours ourselves out over own per same shall shan't she she'd
    she'll she's should shouldn't since so some still such than that that's the their theirs them themselves
    then there there's these they they'd they'll they're they've this those though through thus to too under
    until up upon us very via was wasn't we we'd we'll we're we've were weren't what what's when when's where
    where's whether which while who who's whom whose why why's will with within without won't would wouldn't
    yet you you'd you'll you're you've your yours yourself yourselves said says say mr mrs ms also would
    could told according""".split()
)

DANGLING_STARTS: tuple[str, ...] = (
    "he",
    "she",
    "it",
    "they",
    "his",
    "her",
    "its",
    "their",
    "him",
    "them",
    "this",
    "these",
    "those",
    "that",
    "however",
    "but",
    "and",
    "also",
    "meanwhile",
    "moreover",
    "furthermore",
    "in addition",
    "additionally",
    "still",
    "yet",
    "instead",
    "then",
    "such",
    "both",
    "the latter",
    "the former",
    "as a result",
    "nevertheless",
    "nonetheless",
    "otherwise",
    "likewise",
    "similarly",
    "besides",
    "according to him",
    "according to her",
    "according to them",
)
"""Openings that point back to an earlier sentence: such a sentence is only summary material
right after the sentence it depends on (or as the article's first sentence, after the headline)."""

WEEKDAYS: frozenset[str] = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun".split()
)
