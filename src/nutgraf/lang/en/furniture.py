"""English site furniture (read by ``nutgraf.clean``): whole lines of site interface, the lines
before another article's headline, the words by which a line speaks for the site, a line's mood, and
the words around a page's date line."""

from __future__ import annotations

import re
from functools import lru_cache

from nutgraf.lang.en.backends import spacy_parser

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

SITE_PHRASES: tuple[str, ...] = (
    *"you your yours yourself yourselves we our ours ourselves us".split(),
    "this article",
    "this story",
    "this report",
    "this page",
    "this site",
    "this website",
    "this newsletter",
    "this podcast",
    "this video",
    "all rights reserved",
)
"""Words and phrases by which a line speaks for the site rather than reports: to the reader ("Sign
up for our morning briefing", "We use cookies"), of the page itself ("The Associated Press
contributed to this report") or as a legal notice. Matched as whole words outside quotation marks
and only in lower or title case, so a quoted "We will rebuild" and "the US" are not; a line that
holds one is never protected as reporting by the furniture learner (``nutgraf.clean.furniture``)."""

_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


@lru_cache(maxsize=16384)
def verb_mood(line: str) -> str | None:
    """Whether a line states or commands: "indicative" when it holds a finite verb ("The quake hit
    at a depth of 12 kilometres", "No damage was reported"), "imperative" when it opens with a
    command ("Follow us on Telegram", "Sign up for..."), None when it has no verb ("Mostly dry,
    with light winds").

    The furniture learner asks this only of the lines that recur across a site's pages, once per
    distinct line (cached), so spaCy's tagger runs on a handful of lines per site, not per article."""
    doc = spacy_parser()(line)
    words = [token for token in doc if token.is_alpha]
    if not words:
        return None
    if words[0].tag_ == "VB" and words[0].dep_ == "ROOT":
        return "imperative"
    return "indicative" if any(token.tag_ in _FINITE_TAGS for token in doc) else None


# Read in text before its language is known: joined over every registered language
# (``nutgraf.lang.every``).
COPYRIGHT_WORDS: tuple[str, ...] = ("copyright",)
DATELINE_PREFIXES: tuple[str, ...] = ("published", "updated", "posted", "date")
"""Words before a page's date line ("Published: 14 March 2026, 10:05")."""
DATE_TRAILERS: tuple[str, ...] = ("utc", "gmt")
"""Words after a page's date or time ("10:05 GMT")."""
