"""Quote attribution, measured: does each quote go to the person who said it?

A benchmark, not a test: it prints a Markdown table, writes it to ``bench/results/quotes.md`` and
asserts nothing (``tests/analyze/test_quote_attribution.py`` asserts the figures).

The gold is ``tests/fixtures/quotes_gold.json``: hand-annotated quotes of the bundled sample corpus
(our own text, so the gold holds the quote text) and of ``../shared/seeds`` (third-party text, so
the gold holds only the file, the character span of the quote in the raw file and a short hash of
its normalized text; the text is read from ``../shared`` at run time and the seed part is skipped
when it is absent). Each gold quote has the speaker's full name. What is annotated, and how, is
told in the gold's ``_comment``.

The system is the real analysis: the sample corpus and the seeds are cleaned as ingest cleans them
(``extract`` + ``prepare``, furniture learned over each corpus first) and understood
(``nutgraf.analyze.understand``: NER, entity linking, then ``extract_quotes``).

Matching, per article: a system quote and a gold quote match when their texts overlap (Dice
coefficient of their multisets of normalized words ≥ ``MATCH_DICE``), one to one, best overlaps
first. A speaker is right when its surname (last word, case and ё folded, Russian case endings
tolerated) is the gold speaker's, read from the speaker as written or from its linked entity's names.

- precision: of the system quotes that match a gold quote, the share whose speaker is right (a
  quote output without a speaker is wrong);
- recall: of the gold quotes, the share matched by a system quote with the right speaker;
- "no gold": system quotes that match no gold quote (statements by organisations or unnamed people,
  which the gold leaves out, or things that are not quotes at all).

Before the attribution rules of issue 24, the same gold gave P 0.911 / R 0.808 overall (English
0.868 / 0.782, Russian 0.970 / 0.842): "he said" went to the first person of the sentence before,
Putin's statement in seed 001 ran on into Lukashenko's, bare surnames the recognizer missed
("Mammadli said ...") and sentences with a scare-quoted word were skipped.

    python bench/quotes.py [--examples K] [--no-write]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from nutgraf.analyze import understand
from nutgraf.clean import FurnitureModel, extract
from nutgraf.cli import sample_corpus
from nutgraf.ingest import iter_documents
from nutgraf.lang import SUPPORTED
from nutgraf.model import Article, Quote, RawDocument
from nutgraf.pipeline import prepare

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GOLD = ROOT / "tests" / "fixtures" / "quotes_gold.json"
RESULTS = ROOT / "bench" / "results" / "quotes.md"
SEEDS_PREFIX = "seeds/"

MATCH_DICE = 0.5
"""Two quotes are the same statement when at least half of their words (Dice) are shared."""

EXAMPLES = 15
LANGUAGES = SUPPORTED


# --- Gold ---------------------------------------------------------------------------------------


def words(text: str) -> list[str]:
    """A quote's words as compared: case and ё folded, punctuation and quotation marks dropped."""
    return re.findall(r"\w+", text.casefold().replace("ё", "е"))


def text_hash(text: str) -> str:
    """How the gold names a seed quote without holding its text."""
    return hashlib.sha1(" ".join(words(text)).encode("utf-8")).hexdigest()[:12]


@dataclass
class GoldQuote:
    article: str
    language: str
    kind: str
    speaker: str | None
    text: str
    where: str
    """How a report may show the quote: its text (sample corpus), or file and span (seeds)."""

    @property
    def part(self) -> str:
        return "seeds" if self.article.startswith(SEEDS_PREFIX) else "samples"


def load_gold(path: Path = GOLD, shared: Path | None = SHARED) -> tuple[list[GoldQuote], list[str]]:
    """The gold quotes whose text can be read here, and notes on those that cannot (seeds without
    ../shared, a seed whose text no longer has the annotated hash)."""
    entries = json.loads(path.read_text(encoding="utf-8"))["quotes"]
    seeds = shared / "seeds" if shared is not None else None
    quotes: list[GoldQuote] = []
    notes: list[str] = []
    missing = 0
    for entry in entries:
        article = entry["article"]
        if "text" in entry:
            text, where = entry["text"], entry["text"]
        else:
            if seeds is None or not seeds.is_dir():
                missing += 1
                continue
            start, end = entry["span"]
            text = (seeds / article.removeprefix(SEEDS_PREFIX)).read_text(encoding="utf-8")[start:end]
            where = f"{article} [{start}:{end}]"
            if text_hash(text) != entry["sha1"]:
                notes.append(f"{where}: the seed's text there is not the annotated quote (hash differs)")
                continue
        quotes.append(GoldQuote(article, entry["language"], entry["kind"], entry["speaker"], text, where))
    if missing:
        notes.append(f"skipped: ../shared not found ({missing} seed quotes not scored)")
    return quotes, notes


# --- System -------------------------------------------------------------------------------------


def analyse(paths: list[Path]) -> list[Article]:
    """Documents cleaned as ingest cleans them (furniture learned over all of them first) and
    understood as ingest understands them."""
    documents = [d for d in iter_documents(paths) if isinstance(d, RawDocument)]
    pages = [extract(d) for d in documents]
    furniture = FurnitureModel()
    for document, page in zip(documents, pages, strict=True):
        furniture.observe(document.source_key, page.text)
    articles = [prepare(d, page, furniture) for d, page in zip(documents, pages, strict=True)]
    return understand(articles)


def sample_articles() -> dict[str, Article]:
    """The bundled sample corpus, keyed as in the gold (path under samples/, or wire:<id>)."""
    samples = sample_corpus()
    return {
        (f"wire:{a.external_id}" if a.external_id else Path(a.source).relative_to(samples).as_posix()): a
        for a in analyse([samples])
    }


def seed_articles(seeds: Path) -> dict[str, Article]:
    """The seeds, ingested together as ``nutgraf ingest ../shared/seeds`` would, keyed seeds/<file>."""
    return {f"{SEEDS_PREFIX}{Path(a.source).name}": a for a in analyse(sorted(seeds.glob("*.txt")))}


# --- Scoring ------------------------------------------------------------------------------------


def dice(a: list[str], b: list[str]) -> float:
    if not a or not b:
        return 0.0
    common = 0
    pool = list(b)
    for word in a:
        if word in pool:
            pool.remove(word)
            common += 1
    return 2 * common / (len(a) + len(b))


def _surname(name: str) -> str:
    found = words(name)
    return found[-1] if found else ""


def _same_surname(a: str, b: str) -> bool:
    """Two surnames alike, a Russian case ending apart (Кравец/Кравца, Громов/Громова)."""
    if not a or not b:
        return False
    common = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common += 1
    return a == b or common >= max(3, min(len(a), len(b)) - 2)


def speaker_names(quote: Quote, article: Article) -> list[str]:
    """The names a system quote gives its speaker: as written, and its linked entity's names."""
    names = [quote.speaker] if quote.speaker else []
    for entity in article.entities:
        if quote.speaker_entity_id and entity.id == quote.speaker_entity_id:
            names += [entity.name, *(entity.names or {}).values()]
    return [n for n in names if n]


def right_speaker(quote: Quote, article: Article, gold: GoldQuote) -> bool:
    if gold.speaker is None:
        return quote.speaker is None
    surname = _surname(gold.speaker)
    return any(_same_surname(_surname(name), surname) for name in speaker_names(quote, article))


@dataclass
class Tally:
    gold: int = 0
    recalled: int = 0
    system: int = 0
    matched: int = 0
    right: int = 0
    unmatched: int = 0

    def add(self, other: Tally) -> None:
        for name in ("gold", "recalled", "system", "matched", "right", "unmatched"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def precision(self) -> float:
        return self.right / self.matched if self.matched else 0.0

    @property
    def recall(self) -> float:
        return self.recalled / self.gold if self.gold else 0.0


@dataclass
class Scored:
    tallies: dict[tuple[str, str], Tally] = field(default_factory=dict)  # (part, language)
    wrong: list[tuple[GoldQuote, Quote]] = field(default_factory=list)
    missed: list[GoldQuote] = field(default_factory=list)
    unmatched: list[tuple[str, Quote]] = field(default_factory=list)

    def total(self, part: str | None = None, language: str | None = None) -> Tally:
        out = Tally()
        for (p, lang), tally in self.tallies.items():
            if (part is None or p == part) and (language is None or lang == language):
                out.add(tally)
        return out


def match(system: list[Quote], gold: list[GoldQuote]) -> list[tuple[int, int]]:
    """(system index, gold index) pairs: one to one, best overlap first, Dice ≥ ``MATCH_DICE``."""
    system_words = [words(q.text) for q in system]
    gold_words = [words(g.text) for g in gold]
    candidates = sorted(
        (
            (dice(s, g), i, j)
            for i, s in enumerate(system_words)
            for j, g in enumerate(gold_words)
            if dice(s, g) >= MATCH_DICE
        ),
        key=lambda c: (-c[0], c[1], c[2]),
    )
    used_system: set[int] = set()
    used_gold: set[int] = set()
    pairs = []
    for _score, i, j in candidates:
        if i not in used_system and j not in used_gold:
            used_system.add(i)
            used_gold.add(j)
            pairs.append((i, j))
    return pairs


def score(gold: list[GoldQuote], articles: dict[str, Article], scored: Scored | None = None) -> Scored:
    """Score the articles that the gold annotates (every quote of such an article counts)."""
    scored = scored or Scored()
    by_article: dict[str, list[GoldQuote]] = {}
    for quote in gold:
        by_article.setdefault(quote.article, []).append(quote)
    for key, gold_quotes in by_article.items():
        article = articles.get(key)
        part, language = gold_quotes[0].part, gold_quotes[0].language
        tally = scored.tallies.setdefault((part, language), Tally())
        tally.gold += len(gold_quotes)
        if article is None:
            scored.missed += gold_quotes
            continue
        system = article.quotes
        tally.system += len(system)
        pairs = match(system, gold_quotes)
        matched_gold = {j for _i, j in pairs}
        matched_system = {i for i, _j in pairs}
        for i, j in pairs:
            tally.matched += 1
            if right_speaker(system[i], article, gold_quotes[j]):
                tally.right += 1
                tally.recalled += 1
            else:
                scored.wrong.append((gold_quotes[j], system[i]))
        scored.missed += [g for j, g in enumerate(gold_quotes) if j not in matched_gold]
        for i, quote in enumerate(system):
            if i not in matched_system:
                tally.unmatched += 1
                scored.unmatched.append((key, quote))
    return scored


def evaluate(shared: Path | None = SHARED) -> tuple[Scored, list[str]]:
    """Run the analysis on the sample corpus (and the seeds when ../shared is there) and score it."""
    gold, notes = load_gold(GOLD, shared)
    scored = score([g for g in gold if g.part == "samples"], sample_articles())
    seed_gold = [g for g in gold if g.part == "seeds"]
    if seed_gold and shared is not None:
        score(seed_gold, seed_articles(shared / "seeds"), scored)
    return scored, notes


# --- Report -------------------------------------------------------------------------------------


def table(headers: list[str], rows: Iterable[Iterable[object]]) -> list[str]:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return lines


def _row(label: str, language: str, tally: Tally) -> list[object]:
    return [
        label,
        language,
        tally.gold,
        tally.system,
        tally.matched,
        tally.right,
        f"{tally.precision:.3f}",
        f"{tally.recall:.3f}",
        tally.unmatched,
    ]


def report(scored: Scored, notes: list[str], examples: int) -> str:
    headers = ["part", "language", "gold", "system", "matched", "right speaker", "P", "R", "no gold"]
    rows = []
    parts = [p for p in ("samples", "seeds") if scored.total(part=p).gold]
    for part in parts:
        for language in LANGUAGES:
            if scored.total(part, language).gold:
                rows.append(_row(part, language, scored.total(part, language)))
    for language in LANGUAGES:
        rows.append(_row("**all**", language, scored.total(language=language)))
    rows.append(_row("**all**", "all", scored.total()))
    lines = [
        "# Quote attribution",
        "",
        "`python bench/quotes.py`: gold `tests/fixtures/quotes_gold.json`, system `nutgraf.analyze.understand` "
        "on the sample corpus and ../shared/seeds, cleaned as ingest cleans them. P: right speaker among the "
        "system quotes that match a gold quote. R: gold quotes matched with the right speaker. "
        "no gold: system quotes matching no gold quote.",
        "",
        *table(headers, rows),
        "",
    ]
    lines += [f"- {note}" for note in notes]
    if notes:
        lines.append("")
    if examples:
        lines += ["## Wrong speaker", ""]
        lines += [
            f"- {g.article}: {g.where if g.part == 'seeds' else repr(g.text[:90])} — gold {g.speaker}, "
            f"system {q.speaker}"
            for g, q in scored.wrong[:examples]
        ] or ["(none)"]
        lines += ["", "## Missed", ""]
        lines += [
            f"- {g.article}: {g.where if g.part == 'seeds' else repr(g.text[:90])} ({g.kind}, {g.speaker})"
            for g in scored.missed[:examples]
        ] or ["(none)"]
        lines += ["", "## No gold quote", ""]
        lines += [
            f"- {key}: {q.kind}, {q.speaker}"
            + ("" if key.startswith(SEEDS_PREFIX) else f": {q.text[:90]!r}")
            + f" [{q.start}:{q.end}]"
            for key, q in scored.unmatched[:examples]
        ] or ["(none)"]
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=EXAMPLES, help="errors listed per kind")
    parser.add_argument("--no-write", action="store_true", help="print only; leave bench/results alone")
    args = parser.parse_args(argv)
    scored, notes = evaluate(SHARED if SHARED.is_dir() else None)
    text = report(scored, notes, args.examples)
    print(text)
    if not args.no_write:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
