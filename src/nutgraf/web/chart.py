"""The story timeline as a small chart: articles over time, one lane per language and outlet.

The geometry is computed here and drawn as inline SVG by a template, so the chart needs no
script and no chart library, works offline, and its labels are escaped like any other text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from nutgraf.lang.messages import FALLBACK, Translator, translator
from nutgraf.model import Article

__all__ = ["Chart", "Dot", "Lane", "timeline_chart"]

WIDTH = 640
"""viewBox width; the SVG scales to the column (a phone shows it at about half size)."""

LABEL_WIDTH = 190
"""Room on the left for "en · Northgate Herald"; longer outlet names are cut."""

RIGHT_MARGIN = 26
"""Room for half of the last date label ("04 Mar"), which is centred on its tick."""

LANE_HEIGHT = 26
AXIS_HEIGHT = 26
DOT_RADIUS = 6
SAME_DAY_STEP = 9
"""Articles of one lane on one day are drawn side by side, this far apart."""

MAX_TICKS = 6
MAX_LABEL_CHARS = 26


@dataclass(slots=True)
class Dot:
    x: float
    y: float
    article_id: int
    title: str
    day: str
    copy: bool


@dataclass(slots=True)
class Lane:
    label: str
    language: str
    y: float
    dots: list[Dot] = field(default_factory=list)


@dataclass(slots=True)
class Chart:
    width: int
    height: int
    left: int
    right: int
    axis_y: float
    lanes: list[Lane]
    ticks: list[tuple[float, str]]
    radius: int = DOT_RADIUS


def _ticks(first: date, span: int, scale: float, left: int, translate: Translator) -> list[tuple[float, str]]:
    step = max(1, -(-span // (MAX_TICKS - 1)))
    return [
        (left + day * scale, translate.date(first + timedelta(days=day), year=False))
        for day in range(0, span + 1, step)
    ]


def timeline_chart(articles: list[Article], translate: Translator | None = None) -> Chart | None:
    """The chart of a story's dated articles, or None when none has a publication date; its words
    (dates, "Unknown outlet") in ``translate``'s language, English by default."""
    dated = [a for a in articles if a.published is not None and a.id is not None]
    if not dated:
        return None
    translate = translate or translator(FALLBACK)
    unknown = translate("outlet.unknown")
    days = [a.published.date() for a in dated]  # type: ignore[union-attr]
    first, last = min(days), max(days)
    span = max(1, (last - first).days)
    right = WIDTH - RIGHT_MARGIN
    scale = (right - LABEL_WIDTH - 8) / span
    keys = sorted({(a.language, a.outlet or unknown) for a in dated})
    lanes = []
    for number, (language, outlet) in enumerate(keys):
        label = f"{language} · {outlet}"
        if len(label) > MAX_LABEL_CHARS:
            label = label[: MAX_LABEL_CHARS - 1] + "…"
        lanes.append(Lane(label=label, language=language, y=LANE_HEIGHT * number + LANE_HEIGHT / 2 + 4))
    index = {key: lane for key, lane in zip(keys, lanes, strict=True)}
    same_day: dict[tuple[str, str, date], int] = {}
    for article, day in zip(dated, days, strict=True):
        key = (article.language, article.outlet or unknown)
        lane = index[key]
        nth = same_day.get((*key, day), 0)
        same_day[(*key, day)] = nth + 1
        lane.dots.append(
            Dot(
                x=round(LABEL_WIDTH + 8 + (day - first).days * scale + nth * SAME_DAY_STEP, 1),
                y=lane.y,
                article_id=article.id,  # type: ignore[arg-type]
                title=article.title,
                day=day.isoformat(),
                copy=article.copy_of is not None,
            )
        )
    axis_y = LANE_HEIGHT * len(lanes) + 8
    return Chart(
        width=WIDTH,
        height=int(axis_y + AXIS_HEIGHT),
        left=LABEL_WIDTH + 8,
        right=right,
        axis_y=axis_y,
        lanes=lanes,
        ticks=_ticks(first, span, scale, LABEL_WIDTH + 8, translate),
    )
