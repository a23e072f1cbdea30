"""Stories: articles that report one event, and what we can say about them as a whole.

``story_view`` assembles what a reader sees of a story from plain data (the story and its
articles, as the store returns them), so the CLI, the web app and the API show the same thing:
a title (a real headline of one of its articles, the reader's language first: ``story_title``),
the outlets that carried it (syndicated copies folded into "also carried by"), a timeline of the
dates the articles report, and the figures on which sources disagree.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import datetime
from typing import TYPE_CHECKING, Any

import numpy as np

from nutgraf.analyze.figures import comparable_unit, qualifier, same_quantity, subject_label
from nutgraf.lang import letters
from nutgraf.model import Article, Figure, Story, to_dict
from nutgraf.stories import embed
from nutgraf.stories.embed import SAME_FACT_COSINE
from nutgraf.summarize.digest import DIGEST_SENTENCES

if TYPE_CHECKING:
    from nutgraf.summarize.llm import LLMSettings

__all__ = [
    "DIGEST_SENTENCES",
    "SAME_FACT_COSINE",
    "article_brief",
    "disagreements",
    "same_fact",
    "story_title",
    "story_view",
    "timeline",
]


ROUNDING_TOLERANCE = 0.02
"""Values within 2% of each other are the same figure rounded ("$1.2 billion" vs "$1.23 billion")."""

APPROXIMATE_TOLERANCE = 0.10
"""When either side says "nearly", "about", "около", values within 10% agree."""

SAME_QUANTITY_RATIO = 5.0
"""Two values of one subject further apart than this factor are not compared. Sources that
disagree on a fact disagree by tens of percent ($50bn vs nearly $60bn); a factor of 5 or more
means one figure is a part, a rate or a limit and the other a total (seen in the sample corpus:
a 1.4 million rouble deposit limit and a 16.8 billion rouble payout, both "insurance payout")."""

TIMELINE_CERTAINTIES = frozenset({"exact", "inferred-year", "relative"})

_SUBJECT_KEY = re.compile(r"^[a-z][a-z0-9_]*$")
_SENTENCE_END = re.compile(rf"[.!?…][\"»”’)]*(\s+)(?=[\"«“„(\[]?[{letters('upper')}0-9])")
"""A sentence ends at a stop (and closing quotes) before a space and a capital or digit: "около 5,8
тыс. гектаров" and "3 млрд. рублей" go on (the stored article keeps no sentence offsets, and
splitting every article again would cost each story view milliseconds per article)."""


def article_brief(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "source": article.source,
        "title": article.title,
        "language": article.language,
        "outlet": article.outlet,
        "url": article.url,
        "published": to_dict(article.published),
        "copy_of": article.copy_of,
    }


def story_title(articles: list[Article], language: str | None = None) -> str | None:
    """The story's title: a real headline when one of its articles has one, in ``language`` (the
    reader's) when an article in it has one, else in any language; among those, the earliest
    published article's (the first stored, among articles without a date or of one time), which
    names the event the story is about where later reports name a development ("Leeds council
    sets up task force" after "Leeds robot factory to shut"). Only when no article has a headline
    is the story titled by a first sentence (``Article.title_derived``), chosen the same way. None
    for a story without articles."""
    from nutgraf.summarize.digest import published_key

    def preference(pair: tuple[int, Article]) -> tuple[bool, bool, tuple[datetime, int]]:
        position, article = pair
        headline = bool(article.title.strip()) and not article.title_derived
        other_language = language is not None and article.language != language
        return not headline, other_language, published_key(article, position)

    return min(enumerate(articles), key=preference)[1].title if articles else None


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence of ``text`` that contains the span [start, end) begins and ends."""
    begin = text.rfind("\n", 0, start) + 1
    for match in _SENTENCE_END.finditer(text, begin, start):
        begin = match.end()
    stops = [
        p
        for p in (text.find("\n", end), *(m.start(1) for m in [_SENTENCE_END.search(text, end)] if m))
        if p >= 0
    ]
    return begin, min(stops) if stops else len(text)


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` that contains the span [start, end)."""
    begin, stop = _sentence_bounds(text, start, end)
    return text[begin:stop].strip()


def _figure_day(article: Article, figure: Figure) -> str | None:
    """The calendar day a figure is given for: the resolved date nearest it in its sentence ("It
    had covered 9,000 acres on Tuesday"), or None when its sentence dates nothing."""
    if figure.start < 0:
        return None
    begin, stop = _sentence_bounds(article.text, figure.start, figure.end)
    days = [
        (abs(mention.start - figure.start), mention.date)
        for mention in article.dates
        if mention.date
        and mention.certainty in TIMELINE_CERTAINTIES
        and begin <= mention.start
        and mention.end <= stop
    ]
    return min(days)[1] if days else None


def timeline(articles: list[Article], language: str | None = None) -> list[dict[str, Any]]:
    """Dated items: what each article says happened when (event dates from the text), then when
    each article was published; in date order, one item per date and fact (shown without a wire
    dateline: "PLESETSK, Russia, July 7 (Continental Wire) —" is where and from whom). A fact that
    several articles date alike is told once, in ``language`` when one of them is in it, citing
    the others. An event dated after the publication of the article that reports it is
    ``upcoming``: announced ("the union will hold a meeting on Friday"), not yet happened."""
    from nutgraf.summarize.article import without_dateline

    items: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for article in articles:
        published = article.published.date().isoformat() if article.published else None
        for mention in article.dates:
            if not mention.date or mention.certainty not in TIMELINE_CERTAINTIES or mention.start < 0:
                continue
            sentence = without_dateline(_sentence_around(article.text, mention.start, mention.end))
            key = (mention.date, sentence.casefold())
            if key in seen:
                continue
            seen.add(key)
            items.append(
                {
                    "date": mention.date,
                    "end_date": mention.end_date,
                    "text": sentence,
                    "article_id": article.id,
                    "kind": "event",
                    "certainty": mention.certainty,
                    "granularity": mention.granularity,
                    "upcoming": published is not None and mention.date > published,
                }
            )
        if article.published is not None:
            items.append(
                {
                    "date": article.published.date().isoformat(),
                    "end_date": None,
                    "text": f"{article.outlet or 'Article'}: {article.title}",
                    "article_id": article.id,
                    "kind": "published",
                    "certainty": "exact",
                    "granularity": "day",
                    "upcoming": False,
                }
            )
    items.sort(key=lambda item: (item["date"], item["kind"] != "event", item["article_id"] or 0))
    return _merge_retellings(items, {a.id: a for a in articles}, language)


def _date_key(item: dict[str, Any]) -> tuple[str, str | None]:
    return item["date"], item["end_date"]


def _sentence_vectors(items: list[dict[str, Any]]) -> list[np.ndarray | None]:
    """The sentence embedding of each event item that shares its dates with another article's
    event item (the only ones a merge can compare), None for the rest or without the encoder."""
    articles_on: dict[tuple[str, str | None], set[int | None]] = defaultdict(set)
    for item in items:
        if item["kind"] == "event":
            articles_on[_date_key(item)].add(item["article_id"])
    wanted = [
        index
        for index, item in enumerate(items)
        if item["kind"] == "event" and len(articles_on[_date_key(item)]) > 1
    ]
    vectors: list[np.ndarray | None] = [None] * len(items)
    found = embed.sentence_vectors([items[index]["text"] for index in wanted])
    if found is not None:
        for index, vector in zip(wanted, found, strict=True):
            vectors[index] = vector
    return vectors


def same_fact(
    text_a: str, article_a: Article, text_b: str, article_b: Article, cosine: float | None = None
) -> bool:
    """Whether two dated sentences of two articles tell the same fact: their multilingual sentence
    embeddings have a cosine of at least ``SAME_FACT_COSINE`` (``cosine``; None without the
    encoder), or, in one language, they say the same by words, entities and figures (the digest's
    redundancy measure). Across languages that measure has only entities and figures, which two
    facts of one story share as often as not (``bench/timeline.py``: 46% precision), so there it
    decides only without the encoder."""
    from nutgraf.summarize.digest import REDUNDANT, sentence_similarity

    if cosine is not None:
        if cosine >= SAME_FACT_COSINE:
            return True
        if article_a.language != article_b.language:
            return False
    return sentence_similarity(text_a, article_a, text_b, article_b) >= REDUNDANT


_Told = tuple[dict[str, Any], np.ndarray | None]
"""A timeline item and the embedding of its sentence (None when it has none)."""


def _retold(told: _Told, groups: list[list[_Told]], by_id: dict[int | None, Article]) -> int | None:
    """The position in ``groups`` (the facts kept so far, each the items that tell it, the one shown
    first) of the fact of the same dates that ``told`` retells from another article, if any: it
    tells the same as any of the fact's items, so a Russian retelling is found through the Russian
    item merged under an English one."""
    item, vector = told
    for position in range(len(groups) - 1, -1, -1):
        shown = groups[position][0][0]
        if shown["date"] != item["date"]:
            return None
        if (
            shown["kind"] != "event"
            or shown["end_date"] != item["end_date"]
            or item["article_id"] in (shown["article_id"], *shown["also_article_ids"])
        ):
            continue
        for other, other_vector in groups[position]:
            cosine = None if other_vector is None or vector is None else float(other_vector @ vector)
            if same_fact(
                other["text"], by_id[other["article_id"]], item["text"], by_id[item["article_id"]], cosine
            ):
                return position
    return None


def _merge_retellings(
    items: list[dict[str, Any]], by_id: dict[int | None, Article], language: str | None = None
) -> list[dict[str, Any]]:
    """One timeline item per fact: an event that several articles date alike and tell alike (in
    any language) is shown once, citing the others in ``also_article_ids``; when one of them is in
    ``language`` and the item shown is not, that one tells it."""
    groups: list[list[_Told]] = []
    for told in zip(items, _sentence_vectors(items), strict=True):
        item = told[0]
        item.setdefault("also_article_ids", [])
        same = _retold(told, groups, by_id) if item["kind"] == "event" else None
        if same is None:
            groups.append([told])
            continue
        group = groups[same]
        shown = group[0][0]
        if language and _language_of(shown, by_id) != language and _language_of(item, by_id) == language:
            item["also_article_ids"] = [*shown["also_article_ids"], shown["article_id"]]
            group.insert(0, told)
        else:
            shown["also_article_ids"].append(item["article_id"])
            group.append(told)
    return [group[0][0] for group in groups]


def _language_of(item: dict[str, Any], by_id: dict[int | None, Article]) -> str | None:
    article = by_id.get(item["article_id"])
    return article.language if article else None


def _agree(a: tuple[float, bool], b: tuple[float, bool]) -> bool:
    (value_a, approx_a), (value_b, approx_b) = a, b
    largest = max(abs(value_a), abs(value_b))
    if largest == 0:
        return True
    tolerance = APPROXIMATE_TOLERANCE if (approx_a or approx_b) else ROUNDING_TOLERANCE
    return abs(value_a - value_b) / largest <= tolerance


def _different_quantities(value_a: float, value_b: float) -> bool:
    """Values this far apart measure different things under one subject (a per-depositor limit
    and the total payout, a city's and a region's count), not one fact reported two ways."""
    small, large = sorted((abs(value_a), abs(value_b)))
    return small == 0 or large / small > SAME_QUANTITY_RATIO


def _explicit_year(period: str | None) -> str | None:
    match = re.fullmatch(r"\s*(\d{4})\s*", period or "")
    return match.group(1) if match else None


def disagreements(articles: list[Article], language: str | None = None) -> list[dict[str, Any]]:
    """Figures about the same subject and unit that differ beyond rounding between articles.

    Each is told so that a reader can check it: ``label``, the subject as a reader says it, in
    ``language`` (``figures.subject_label``); each claim's figure with its qualifier as written
    (``stated``: "nearly $60 billion", "около 4 000") and the sentence that states it; and
    ``sides``, the claims grouped by the value they agree on, each side with every outlet that
    gives it (three outlets saying "$1.2 billion" against one saying "nearly $1.5 billion").

    Only subjects from the lexicon count (not the fallback words). An article that itself gives
    several values for a subject is describing change over time, and is left out for it. Two
    explicit, different years are different periods, and two figures whose sentences date them to
    different days are different moments (a fire's 9,000 acres on Tuesday and 14,300 by
    Wednesday), not a disagreement. A number that one article gives under two subjects (the 1,200
    workers who will lose their jobs, and the 1,200 people who will "disappear from the city's
    workforce") was read wrongly under one of them, so it is no claim for either. Subjects that name
    one amount in different words (``figures.same_quantity``: a project's investment, cost and
    budget) are one subject here."""
    claims: dict[tuple[str, str], list[tuple[Article, Any, str | None]]] = defaultdict(list)
    for article in articles:
        if article.copy_of is not None:
            continue  # a syndicated copy repeats its original; it is not a second source
        per_subject: dict[tuple[str, str], list[Any]] = defaultdict(list)
        subjects_of: dict[tuple[float, str], set[str]] = defaultdict(set)
        for figure in article.figures:
            if figure.subject and figure.unit and _SUBJECT_KEY.match(figure.subject):
                unit = comparable_unit(figure.subject, figure.unit)
                subject = same_quantity(figure.subject)  # "cost" and "investment" of one project
                per_subject[(subject, unit)].append(figure)
                subjects_of[(figure.value, unit)].add(subject)
        for key, given in per_subject.items():
            figures = [f for f in given if len(subjects_of[(f.value, key[1])]) == 1]
            if not figures:
                continue
            values = [(f.value, f.approximate) for f in figures]
            if all(_agree(values[0], v) for v in values[1:]):
                claims[key].append((article, figures[0], _figure_day(article, figures[0])))
    found = []
    for (subject, unit), entries in sorted(claims.items()):
        if len({article.id for article, _, _ in entries}) < 2:
            continue
        conflicting = False
        for i, (_article_a, a, day_a) in enumerate(entries):
            for _article_b, b, day_b in entries[i + 1 :]:
                years = {_explicit_year(a.period), _explicit_year(b.period)}
                if None not in years and len(years) > 1:
                    continue
                if day_a and day_b and day_a != day_b:
                    continue
                if _different_quantities(a.value, b.value):
                    continue
                if not _agree((a.value, a.approximate), (b.value, b.approximate)):
                    conflicting = True
        if conflicting:
            claims_out = [_claim(article, figure) for article, figure, _day in entries]
            found.append(
                {
                    "subject": (said := _most_said(subject, entries)),
                    "label": subject_label(said, language),
                    "unit": unit,
                    "claims": claims_out,
                    "sides": _sides(claims_out),
                }
            )
    return found


def _most_said(group: str, entries: list[tuple[Article, Any, str | None]]) -> str:
    """Of the subjects one group compares as one amount, the one its claims use most (first on a
    tie): the reports of a ferry's cost disagree on its "cost", not on its "investment"."""
    said = Counter(
        figure.subject for _article, figure, _day in entries if same_quantity(figure.subject) == group
    )
    return said.most_common(1)[0][0] if said else group


def _claim(article: Article, figure: Any) -> dict[str, Any]:
    cue = qualifier(article.text, figure, article.language)
    sentence = _sentence_around(article.text, figure.start, figure.end) if figure.start >= 0 else ""
    return {
        "text": figure.text,
        "stated": f"{cue} {figure.text}" if cue else figure.text,
        "sentence": sentence,
        "value": figure.value,
        "unit": figure.unit,
        "approximate": figure.approximate,
        "period": figure.period,
        "article_id": article.id,
        "outlet": article.outlet,
        "language": article.language,
    }


def _sides(claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The claims grouped by the value they agree on (within rounding, or approximately), each
    group shown by its first claim's figure as stated, with every outlet and article giving it;
    in order of first appearance."""
    sides: list[dict[str, Any]] = []
    for claim in claims:
        value = (claim["value"], claim["approximate"])
        side = next((s for s in sides if _agree(s["_value"], value)), None)
        if side is None:
            side = {
                "_value": value,
                "stated": claim["stated"],
                "value": claim["value"],
                "outlets": [],
                "article_ids": [],
            }
            sides.append(side)
        outlet = claim["outlet"]
        if outlet and outlet not in side["outlets"]:
            side["outlets"].append(outlet)
        side["article_ids"].append(claim["article_id"])
    for side in sides:
        del side["_value"]
    return sides


def story_view(
    story: Story,
    articles: list[Article],
    *,
    language: str | None = None,
    digest_sentences: int = DIGEST_SENTENCES,
    llm: LLMSettings | None = None,
    with_timeline: bool = True,
) -> dict[str, Any]:
    """The JSON form of a story (fields as in ``nutgraf stories --json``).

    ``summary`` is the story's digest: sentences chosen across its articles, each citing its
    article and outlet, in ``language`` when the story has articles in it; the timeline tells a
    fact in ``language`` too when one of its articles does. ``title`` is a headline of one of the
    articles (``story_title``): in ``language`` where one is, and without a reader's language in
    the language the digest opens with, so that title and digest read alike. ``with_timeline=False``
    leaves the timeline empty, for views that do not show it (a story card in a list)."""
    from nutgraf.summarize.digest import story_digest

    digest = story_digest(articles, language=language, sentences=digest_sentences, llm=llm)
    summary = [
        {"text": s.text, "article_id": s.article_id, "outlet": s.outlet, "language": s.language}
        for s in digest.sentences
    ]
    entities: dict[str, dict[str, Any]] = {}
    for article in articles:
        for entity in article.entities:
            entry = entities.setdefault(
                entity.id,
                {"id": entity.id, "name": entity.name, "type": entity.type, "mentions": 0, "names": {}},
            )
            entry["mentions"] += entity.mentions
            entry["names"].update({k: v for k, v in (entity.names or {}).items() if v})
    for entry in entities.values():
        if language and entry["names"].get(language):
            entry["name"] = entry["names"][language]
    copies = [a for a in articles if a.copy_of is not None]
    outlets = Counter(a.outlet for a in articles if a.outlet and a.copy_of is None)
    return {
        "id": story.id,
        "title": story_title(articles, language or (summary[0]["language"] if summary else None))
        or story.title,
        "languages": story.languages,
        "outlets": sorted(outlets),
        "also_carried_by": sorted({a.outlet for a in copies if a.outlet} - set(outlets)),
        "article_ids": story.article_ids,
        "first_published": to_dict(story.first_published),
        "last_published": to_dict(story.last_published),
        "articles": [article_brief(a) for a in articles],
        "summary": summary,
        "summary_method": digest.method,
        "summary_warnings": digest.warnings,
        "timeline": timeline(articles, language) if with_timeline else [],
        "disagreements": disagreements(articles, language),
        "entities": sorted(entities.values(), key=lambda e: (-e["mentions"], e["id"])),
    }
