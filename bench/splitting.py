"""Sentence splitting of text without case or stops, and what the one-shot summary makes of it.

Each article of a set is given in four forms:

- ``cased``: as published (the reference);
- ``lower``: lower-cased, as in tokenised corpora (CNN/DailyMail's "element-aware" set);
- ``upper``: upper-cased, as some wires send;
- ``no stops``: every . ! ? … ; : , and double quotation mark removed (transcripts, captions).

Two systems run on each, in the same process:

- ``before``: each paragraph as its language's splitter cuts it (blingfire, razdel) and no word
  limit on summaries, which is what Nutgraf did before issue 24 (``splitter_alone``);
- ``now``: ``nutgraf.lang.split_sentences`` as shipped (paragraphs without case or stops split
  again: ``nutgraf.lang._robust_spans``) and ``nutgraf.summarize.MAX_SUMMARY_WORDS``;
- ``now, no cap`` (summaries only): the splitter as shipped without the word limit, to show what
  each part does.

Splitting: pieces, articles left as one piece (of those over 60 words), median and longest piece in
words and, for ``lower`` and ``upper`` (which keep every character's offset), the sentence ends
found scored against those the same system finds in the cased text (precision / recall): how far
uncased splitting agrees with cased splitting, not with a human gold. ``cased spans changed``
counts the cased articles that ``now`` splits otherwise than ``before``.

Summaries: ``nutgraf.summarize(text, sentences=3)`` (the public one-shot API: cleaning, language
detection, splitting, the people it names, selection); counted: summaries that are the whole article
as one piece (a single piece holding at least 80% of the article's words, or cut at
``MAX_SHOWN_CHARS``), over 120 words, over 3 pieces, and the median and longest in words.

Speed: CPU milliseconds per article of ``split_sentences`` on the cased text, the best of 15 runs
over the first 300 articles of each set, the two systems taking turns run by run, garbage
collector paused (the machine is shared: single runs are noise).

Sets (../shared/eval): CNN/DailyMail SummEval (96 English articles, no paragraph breaks), BBC News
(first 300; splitting and speed only), RT (first 300 Russian articles).

    python bench/splitting.py [--limit N] [--no-summaries]
"""

from __future__ import annotations

import argparse
import gc
import importlib
import json
import re
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import nutgraf
import nutgraf.lang
from nutgraf.lang import split_sentences
from nutgraf.summarize import MAX_SHOWN_CHARS

SUMMARIZE = importlib.import_module("nutgraf.summarize")  # ``nutgraf.summarize`` is also the function

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
SETS = (
    ("cnndm-summeval", SHARED / "eval" / "summarization" / "cnndm-summeval-en.jsonl", "en", True),
    ("bbc", SHARED / "eval" / "summarization" / "bbc-en.jsonl", "en", False),
    ("rt", SHARED / "eval" / "russian" / "rt-summaries-ru.jsonl", "ru", True),
)
LIMIT = 300
MAX_SUMMARY_WORDS = 120
COUNT = 3
WHOLE_SHARE = 0.8
ONE_PIECE_WORDS = 60
TIMING_PASSES = 15
FORMS = ("cased", "lower", "upper", "no stops")
_NO_STOPS = re.compile(r"[.!?…;:,\"“”«»„]")


def form(text: str, name: str) -> str:
    if name == "lower":
        return text.lower()
    if name == "upper":
        return text.upper()
    if name == "no stops":
        return re.sub(r"[ \t]+", " ", _NO_STOPS.sub("", text))
    return text


@contextmanager
def splitter_alone() -> Iterator[None]:
    """Nutgraf as it was before issue 24: no paragraph is split again, no word limit on summaries."""
    look, capped = nutgraf.lang._needs_second_look, SUMMARIZE._capped
    nutgraf.lang._needs_second_look = lambda paragraph, spans: False
    SUMMARIZE._capped = lambda texts, count: texts
    try:
        yield
    finally:
        nutgraf.lang._needs_second_look, SUMMARIZE._capped = look, capped


@contextmanager
def without_cap() -> Iterator[None]:
    """The splitter as shipped, without the summary's word limit: what splitting alone achieves."""
    capped = SUMMARIZE._capped
    SUMMARIZE._capped = lambda texts, count: texts
    try:
        yield
    finally:
        SUMMARIZE._capped = capped


@contextmanager
def as_shipped() -> Iterator[None]:
    yield


SYSTEMS: tuple[tuple[str, Callable[[], AbstractContextManager[None]]], ...] = (
    ("before", splitter_alone),
    ("now", as_shipped),
)


def load(path: Path, limit: int) -> list[str]:
    texts = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            texts.append(json.loads(line)["text"])
            if len(texts) >= limit:
                break
    return texts


def spans(text: str, language: str) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in split_sentences(text, language)]


def split_row(texts: list[str], name: str, language: str) -> dict[str, float]:
    one_piece = longest = found = right = expected = 0
    lengths = []
    for text in texts:
        variant = form(text, name)
        pieces = split_sentences(variant, language)
        one_piece += len(pieces) == 1 and len(variant.split()) > ONE_PIECE_WORDS
        sizes = [len(p.text.split()) for p in pieces]
        lengths.extend(sizes)
        longest = max([longest, *sizes])
        if name in ("lower", "upper") and len(variant) == len(text):
            reference = {end for _start, end in spans(text, language)}
            got = {p.end for p in pieces}
            found += len(got)
            expected += len(reference)
            right += len(got & reference)
    row = {
        "pieces": len(lengths),
        "one_piece": one_piece,
        "median": statistics.median(lengths) if lengths else 0,
        "longest": longest,
    }
    if expected:
        row["agreement"] = f"{right / max(found, 1):.3f} / {right / expected:.3f}"
    return row


def summary_row(texts: list[str], name: str) -> dict[str, float]:
    whole = over_words = over_pieces = 0
    words_per_summary = []
    for text in texts:
        variant = form(text, name)
        summary = nutgraf.summarize(variant, sentences=COUNT).sentences
        words = sum(len(s.split()) for s in summary)
        words_per_summary.append(words)
        over_words += words > MAX_SUMMARY_WORDS
        over_pieces += len(summary) > COUNT
        if len(summary) == 1 and (
            len(summary[0].split()) >= WHOLE_SHARE * len(variant.split())
            or (summary[0].endswith("…") and len(summary[0]) > MAX_SHOWN_CHARS - 100)
        ):
            whole += 1
    return {
        "whole": whole,
        "over_words": over_words,
        "over_pieces": over_pieces,
        "median": statistics.median(words_per_summary),
        "max": max(words_per_summary),
    }


def split_ms(texts: list[str], language: str) -> dict[str, float]:
    best = {name: float("inf") for name, _ in SYSTEMS}
    gc.collect()
    gc.disable()
    try:
        for _ in range(TIMING_PASSES):
            for name, system in SYSTEMS:
                with system():
                    started = time.process_time()
                    for text in texts:
                        split_sentences(text, language)
                    best[name] = min(best[name], 1000 * (time.process_time() - started) / len(texts))
    finally:
        gc.enable()
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=LIMIT, help="articles per set (default 300)")
    parser.add_argument("--no-summaries", action="store_true", help="splitting and speed only")
    args = parser.parse_args()
    loaded = []
    for name, path, language, summaries in SETS:
        if path.exists():
            loaded.append((name, load(path, args.limit), language, summaries))
        else:
            print(f"(skipped {name}: {path} is missing)")

    print("## Splitting\n")
    print(
        f"| set | form | system | pieces | one piece (>{ONE_PIECE_WORDS} words) | median / longest piece (words) "
        "| sentence ends vs cased, P / R |"
    )
    print("|---|---|---|---|---|---|---|")
    for name, texts, language, _ in loaded:
        for variant in FORMS:
            for system_name, system in SYSTEMS:
                with system():
                    row = split_row(texts, variant, language)
                print(
                    f"| {name} ({len(texts)}) | {variant} | {system_name} | {row['pieces']} | {row['one_piece']} | "
                    f"{row['median']:.0f} / {row['longest']} | {row.get('agreement', '—')} |"
                )

    print("\n## Cased text: articles split otherwise than before\n")
    for name, texts, language, _ in loaded:
        with splitter_alone():
            before = [spans(text, language) for text in texts]
        changed = sum(spans(text, language) != old for text, old in zip(texts, before, strict=True))
        print(f"- {name}: {changed} of {len(texts)}")

    print(f"\n## Speed of split_sentences on cased text (CPU ms/article, best of {TIMING_PASSES})\n")
    for name, texts, language, _ in loaded:
        best = split_ms(texts, language)
        change = 100 * (best["now"] / best["before"] - 1)
        print(f"- {name}: before {best['before']:.4f}, now {best['now']:.4f} ({change:+.1f}%)")

    if args.no_summaries:
        return
    print(f"\n## One-shot summaries (nutgraf.summarize(text, sentences={COUNT}))\n")
    print(
        f"| set | form | system | whole article | > {MAX_SUMMARY_WORDS} words | > {COUNT} pieces "
        "| median / max words |"
    )
    print("|---|---|---|---|---|---|---|")
    for name, texts, _language, summaries in loaded:
        if not summaries:
            continue
        for variant in FORMS:
            for system_name, system in (*SYSTEMS, ("now, no cap", without_cap)):
                with system():
                    row = summary_row(texts, variant)
                print(
                    f"| {name} ({len(texts)}) | {variant} | {system_name} | {row['whole']} | {row['over_words']} | "
                    f"{row['over_pieces']} | {row['median']:.0f} / {row['max']} |"
                )


if __name__ == "__main__":
    main()
