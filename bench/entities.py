"""Named entities, measured: Russian NER, canonical ids across documents and scripts, English NER.

A benchmark, not a test: it prints Markdown tables and asserts nothing.

1. Russian NER on BSNLP (../shared/eval/multilingual/bsnlp-slavic.jsonl.gz): precision, recall and
   F1 over the distinct (mention, type) pairs of each document (BSNLP evaluates sets of mentions, not
   offsets), micro-averaged, strict (exact string) and relaxed (case-insensitive; a gold lemma counts).
2. Cross-document canonicalisation (Russian): do all mentions of one gold entity get one Nutgraf id,
   and does one Nutgraf id hold one gold entity?
3. Cross-script linking on the other Slavic languages, from gold mentions (Nutgraf has no NER or
   lemmatiser for them): does a Cyrillic and a Latin mention of one gold entity get one id?
4. English and Russian NER on the bundled sample corpus against tests/fixtures/samples_entities_gold.json
   (hand-made), and whether each person's English and Russian mentions share one id.
5. Time per document of NER and linking, per language.

Every section runs the real code (``recognize`` + ``link_entities`` on headline and body, as
``understand`` does). Sections 1-3 need ../shared and are skipped without it; section 4 always runs.

    python bench/entities.py [--limit N] [--examples K] [--data PATH]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from nutgraf.analyze import recognize
from nutgraf.analyze.entities import alias_index, link_entities
from nutgraf.clean import FurnitureModel, extract
from nutgraf.cli import sample_corpus
from nutgraf.ingest import iter_documents
from nutgraf.lang import SUPPORTED
from nutgraf.model import Article, Mention, RawDocument
from nutgraf.pipeline import prepare

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
BSNLP = SHARED / "eval" / "multilingual" / "bsnlp-slavic.jsonl.gz"
BBC = SHARED / "eval" / "summarization" / "bbc-en.jsonl"
SAMPLES_GOLD = ROOT / "tests" / "fixtures" / "samples_entities_gold.json"

TYPES = ("PER", "LOC", "ORG")
"""The types Nutgraf produces; gold EVT and PRO are left out of both sides."""
OTHER_GOLD_TYPES = ("EVT", "PRO")
CYRILLIC = ("bg", "uk", "ru")
LATIN = ("pl", "cs", "sl", "hr", "sk")
ENGLISH_TIMING_DOCS = 200
"""BBC articles timed for English NER (the sample corpus alone has 25 short ones)."""
EXAMPLES = 12
_QUOTES = "«»\"“”„'"


# --- Scoring ------------------------------------------------------------------------------------


def norm(text: str) -> str:
    """A mention as compared strictly: whitespace runs collapsed."""
    return " ".join(text.split())


def fold(text: str) -> str:
    """A mention as compared in the relaxed variant: case, quotes, a leading 'the', a possessive go."""
    text = norm(text).strip(_QUOTES).casefold()
    text = text.removeprefix("the ")
    for suffix in ("'s", "’s"):
        text = text.removesuffix(suffix)
    return text


@dataclass
class Counts:
    """Matched and total items on each side; P and R are counted separately (relaxed matching is
    not one-to-one: a prediction may equal a gold lemma)."""

    pred_ok: int = 0
    pred: int = 0
    gold_ok: int = 0
    gold: int = 0

    def add(self, other: Counts) -> None:
        self.pred_ok += other.pred_ok
        self.pred += other.pred
        self.gold_ok += other.gold_ok
        self.gold += other.gold

    def prf(self) -> tuple[float, float, float]:
        p = self.pred_ok / self.pred if self.pred else 0.0
        r = self.gold_ok / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class GoldMention:
    mention: str
    type: str
    lemma: str = ""
    entity_id: str = ""

    def forms(self) -> set[str]:
        """What a prediction may equal in the relaxed variant: the mention or its lemma."""
        return {fold(self.mention)} | ({fold(self.lemma)} if self.lemma else set())


@dataclass
class Errors:
    """Why predictions were wrong and gold mentions missed (relaxed matching), and what was said."""

    confusion: Counter = field(default_factory=Counter)  # (predicted type, gold type or "none")
    fp_kinds: Counter = field(default_factory=Counter)  # (type, kind)
    fn_kinds: Counter = field(default_factory=Counter)
    fp_strings: Counter = field(default_factory=Counter)  # (string, type)
    fn_strings: Counter = field(default_factory=Counter)


def _overlaps(a: str, b: str) -> bool:
    """One name inside the other at word boundaries: a boundary error, not a miss."""
    return bool(
        re.search(rf"(?<!\w){re.escape(a)}(?!\w)", b) or re.search(rf"(?<!\w){re.escape(b)}(?!\w)", a)
    )


def score_document(
    predicted: Iterable[tuple[str, str]], gold: list[GoldMention], errors: Errors | None = None
) -> dict[tuple[str, str], Counts]:
    """Counts per (variant, type) of one document. ``predicted`` holds (surface, type) pairs.

    Gold EVT/PRO mentions are dropped, and so are predictions equal to one of them (a mention the
    gold says is an event or product is neither right nor wrong for a PER/LOC/ORG recogniser)."""
    kept = [g for g in gold if g.type in TYPES]
    excluded = {f for g in gold if g.type in OTHER_GOLD_TYPES for f in g.forms()} - {
        f for g in kept for f in g.forms()
    }
    other_types = {f: g.type for g in gold if g.type in OTHER_GOLD_TYPES for f in g.forms()}
    pairs = {(norm(s), t) for s, t in predicted if t in TYPES}
    if errors is not None:
        for s, t in {(fold(s), t) for s, t in pairs}:
            gold_types = sorted({g.type for g in kept if s in g.forms()}) or (
                [other_types[s]] if s in other_types else ["none"]
            )
            for gold_type in gold_types:
                errors.confusion[(t, gold_type)] += 1
    pairs = {(s, t) for s, t in pairs if fold(s) not in excluded}
    out: dict[tuple[str, str], Counts] = {}
    strict_gold = {(norm(g.mention), g.type) for g in kept}
    relaxed_gold: dict[tuple[str, str], set[str]] = defaultdict(set)
    for g in kept:
        relaxed_gold[(fold(g.mention), g.type)] |= g.forms()
    relaxed_pred = {(fold(s), t) for s, t in pairs}
    for kind in TYPES:
        sp = {p for p in pairs if p[1] == kind}
        sg = {g for g in strict_gold if g[1] == kind}
        out[("strict", kind)] = Counts(len(sp & sg), len(sp), len(sp & sg), len(sg))
        rp = {s for s, t in relaxed_pred if t == kind}
        rg = {key: forms for key, forms in relaxed_gold.items() if key[1] == kind}
        gold_forms = set().union(*rg.values()) if rg else set()
        pred_ok = {s for s in rp if s in gold_forms}
        gold_ok = {key for key, forms in rg.items() if forms & rp}
        out[("relaxed", kind)] = Counts(len(pred_ok), len(rp), len(gold_ok), len(rg))
        if errors is not None:
            _explain(
                kind,
                rp - pred_ok,
                {k: f for k, f in rg.items() if k not in gold_ok},
                relaxed_pred,
                relaxed_gold,
                errors,
            )
    return out


def _explain(
    kind: str,
    wrong: set[str],
    missed: dict[tuple[str, str], set[str]],
    predicted: set[tuple[str, str]],
    gold: dict[tuple[str, str], set[str]],
    errors: Errors,
) -> None:
    """Sort the errors of one type: wrong type (same string), wrong boundaries (same type, one name
    inside the other), overlapping a name of another type (nesting: "Пакистана" LOC inside "Верховный
    суд Пакистана" ORG), or plain spurious / missed."""
    for s in wrong:
        if any(s in forms for (_, t), forms in gold.items() if t != kind):
            why = "wrong type"
        elif any(_overlaps(s, f) for (_, t), forms in gold.items() if t == kind for f in forms):
            why = "boundary"
        elif any(_overlaps(s, f) for (_, t), forms in gold.items() if t != kind for f in forms):
            why = "overlaps another type"
        else:
            why = "not in gold"
        errors.fp_kinds[(kind, why)] += 1
        errors.fp_strings[(s, kind)] += 1
    for (name, _), forms in missed.items():
        if any(p in forms for p, t in predicted if t != kind):
            why = "found with another type"
        elif any(_overlaps(p, f) for p, t in predicted if t == kind for f in forms):
            why = "boundary"
        elif any(_overlaps(p, f) for p, t in predicted if t != kind for f in forms):
            why = "overlaps another type"
        else:
            why = "missed"
        errors.fn_kinds[(kind, why)] += 1
        errors.fn_strings[(name, kind)] += 1


def total(counts: Iterable[dict[tuple[str, str], Counts]]) -> dict[tuple[str, str], Counts]:
    out: dict[tuple[str, str], Counts] = defaultdict(Counts)
    for document in counts:
        for key, value in document.items():
            out[key].add(value)
            out[(key[0], "all")].add(value)
    return out


# --- Output -------------------------------------------------------------------------------------


def table(headers: list[str], rows: Iterable[Iterable[object]]) -> None:
    print("| " + " | ".join(headers) + " |")
    print("|" + "|".join("---" for _ in headers) + "|")
    for row in rows:
        print("| " + " | ".join(str(cell) for cell in row) + " |")
    print()


def pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}% ({part}/{whole})" if whole else "–"


def prf_table(totals: dict[tuple[str, str], Counts]) -> None:
    rows = []
    for kind in (*TYPES, "all"):
        row: list[object] = [kind if kind != "all" else "**overall**", totals[("strict", kind)].gold]
        for variant in ("strict", "relaxed"):
            p, r, f = totals[(variant, kind)].prf()
            row += [f"{100 * p:.1f}", f"{100 * r:.1f}", f"{100 * f:.1f}"]
        rows.append(row)
    table(["type", "gold", "strict P", "strict R", "strict F1", "relaxed P", "relaxed R", "relaxed F1"], rows)


def errors_tables(errors: Errors, examples: int) -> None:
    gold_columns = [*TYPES, *OTHER_GOLD_TYPES, "none"]
    print(
        "Type confusion (relaxed strings; rows: what Nutgraf said, columns: gold type of the same string; EVT/PRO are then dropped):\n"
    )
    table(
        ["Nutgraf \\ gold", *gold_columns],
        [[t, *(errors.confusion[(t, g)] for g in gold_columns)] for t in TYPES],
    )
    fp_kinds = ("wrong type", "boundary", "overlaps another type", "not in gold")
    fn_kinds = ("found with another type", "boundary", "overlaps another type", "missed")
    print("Errors by kind (relaxed): false positives | false negatives\n")
    table(
        ["type", *(f"FP: {k}" for k in fp_kinds), *(f"FN: {k}" for k in fn_kinds)],
        [
            [t, *(errors.fp_kinds[(t, k)] for k in fp_kinds), *(errors.fn_kinds[(t, k)] for k in fn_kinds)]
            for t in TYPES
        ],
    )
    if examples:
        fp = ", ".join(f"{s} {t} ×{n}" for (s, t), n in errors.fp_strings.most_common(examples))
        fn = ", ".join(f"{s} {t} ×{n}" for (s, t), n in errors.fn_strings.most_common(examples))
        print(f"Most frequent false positives (documents): {fp}\n")
        print(f"Most frequent misses (documents): {fn}\n")


# --- Running Nutgraf ------------------------------------------------------------------------------


@dataclass
class Run:
    """NER spans and linked mentions of a batch of texts, with the time each step took."""

    spans: list[list[tuple[int, int, str]]]
    mentions: list[list[Mention]]
    ner_seconds: float
    link_seconds: float


def run_pipeline(texts: list[str], language: str) -> Run:
    started = time.perf_counter()
    spans = recognize(texts, language)
    ner = time.perf_counter() - started
    started = time.perf_counter()
    mentions = [link_entities(text, language, s)[1] for text, s in zip(texts, spans, strict=True)]
    return Run(spans, mentions, ner, time.perf_counter() - started)


def warm_up(languages: Iterable[str]) -> float:
    """Load the models and the alias table before anything is timed; returns the seconds it took."""
    started = time.perf_counter()
    alias_index()
    for language in languages:
        recognize(["Warm-up: Moscow, Москва."], language)
    return time.perf_counter() - started


def locate(text: str, mention: str) -> tuple[int, int] | None:
    """Where a gold mention (which has no offsets) first occurs in a text, at word boundaries."""
    for flags in (0, re.IGNORECASE):
        match = re.search(rf"(?<!\w){re.escape(mention)}(?!\w)", text, flags)
        if match:
            return match.start(), match.end()
    found = text.find(mention)
    return (found, found + len(mention)) if found >= 0 else None


def ids_by_surface(mentions: list[Mention]) -> dict[str, str]:
    """The Nutgraf id of each surface form (folded) in one document: the most frequent one."""
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    for mention in mentions:
        if mention.entity_id:
            seen[fold(mention.text)][mention.entity_id] += 1
    return {surface: ids.most_common(1)[0][0] for surface, ids in seen.items()}


def link_gold(
    text: str, language: str, gold: list[GoldMention], extra_spans: list[tuple[int, int, str]] = ()
) -> dict[str, str]:
    """Nutgraf ids of gold mentions fed as spans (with any ``extra_spans``, e.g. NER's) in their
    document; a mention not found in the text is linked alone."""
    spans = list(extra_spans)
    alone = []
    for g in gold:
        where = locate(text, g.mention)
        if where is None:
            alone.append(g)
        else:
            spans.append((*where, g.type))
    ids = ids_by_surface(link_entities(text, language, spans)[1])
    for g in alone:
        ids.update(ids_by_surface(link_entities(g.mention, language, [(0, len(g.mention), g.type)])[1]))
    return ids


def link_alone(language: str, name: str, kind: str, cache: dict) -> str | None:
    """The Nutgraf id of a name linked without context (used for gold lemmas)."""
    key = (language, name, kind)
    if key not in cache:
        mentions = link_entities(name, language, [(0, len(name), kind)])[1]
        cache[key] = mentions[0].entity_id if mentions else None
    return cache[key]


# --- BSNLP ----------------------------------------------------------------------------------------


@dataclass
class Document:
    id: str
    language: str
    text: str
    gold: list[GoldMention]

    def typed_gold(self) -> list[GoldMention]:
        return [g for g in self.gold if g.type in TYPES and g.entity_id]


def load_bsnlp(path: Path) -> tuple[list[Document], int]:
    """Documents with gold annotations (headline + body), in file order, and the count without."""
    documents, unannotated = [], 0
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record.get("entities") is None:
                unannotated += 1
                continue
            gold = [
                GoldMention(e["mention"], e["type"], e.get("lemma") or "", e.get("entity_id") or "")
                for e in record["entities"]
            ]
            text = f"{record.get('title') or ''}\n\n{record['text']}"
            documents.append(Document(record["id"], record["lang"], text, gold))
    return documents, unannotated


def russian_ner(documents: list[Document], run: Run, examples: int) -> None:
    print("## 1. Russian NER (BSNLP, slovnet + alias table)\n")
    errors = Errors()
    linked = total(
        score_document([(m.text, m.type) for m in mentions], d.gold, errors)
        for d, mentions in zip(documents, run.mentions, strict=True)
    )
    raw = total(
        score_document([(d.text[s:e], t) for s, e, t in spans], d.gold)
        for d, spans in zip(documents, run.spans, strict=True)
    )
    print(
        f"{len(documents)} Russian documents with gold annotations; headline + body. Units: distinct "
        "(mention, type) pairs per document, micro-averaged over documents. Strict: exact string "
        "(whitespace normalised). Relaxed: case-insensitive, surrounding quotes ignored, and a prediction also counts when it equals "
        "the gold lemma of a mention of the same type. Gold EVT and PRO mentions are excluded, and so are "
        "predictions equal to one of them. Scored: the mentions `link_entities` keeps (types after the "
        "alias table).\n"
    )
    prf_table(linked)
    parts = []
    for kind in (*TYPES, "all"):
        strict, relaxed = raw[("strict", kind)].prf()[2], raw[("relaxed", kind)].prf()[2]
        parts.append(f"{kind} {100 * strict:.1f}/{100 * relaxed:.1f}")
    print(
        "Raw slovnet spans, before `link_entities` (no alias-table retyping), strict/relaxed F1: "
        + ", ".join(parts)
        + ".\n"
    )
    errors_tables(errors, examples)


@dataclass
class Occurrence:
    """One gold mention (distinct string) in one document, and the Nutgraf id each variant gave it."""

    document: str
    language: str
    gold_id: str
    type: str
    mention: str
    lemma: str
    ids: dict[str, str | None] = field(default_factory=dict)


def canonicalisation(documents: list[Document], run: Run, examples: int) -> None:
    print("## 2. Cross-document canonicalisation (Russian, BSNLP)\n")
    occurrences: list[Occurrence] = []
    for document, spans, mentions in zip(documents, run.spans, run.mentions, strict=True):
        gold = _distinct(document.typed_gold())
        ner_ids = ids_by_surface(mentions)
        missing = [g for g in gold if fold(g.mention) not in ner_ids]
        with_gold = {**ner_ids, **link_gold(document.text, "ru", missing, spans)} if missing else ner_ids
        gold_only = link_gold(document.text, "ru", gold)
        for g in gold:
            key = fold(g.mention)
            occurrences.append(
                Occurrence(
                    document.id,
                    document.language,
                    g.entity_id,
                    g.type,
                    g.mention,
                    g.lemma,
                    {
                        "end to end (NER, then linking)": ner_ids.get(key),
                        "given gold mentions where NER missed them": with_gold.get(key),
                        "gold mentions only (no NER)": gold_only.get(key),
                    },
                )
            )
    by_gold: dict[str, list[Occurrence]] = defaultdict(list)
    for occurrence in occurrences:
        by_gold[occurrence.gold_id].append(occurrence)
    multi = {gid: occ for gid, occ in by_gold.items() if len({o.document for o in occ}) >= 2}
    print(
        f"Gold PER/LOC/ORG entities: {len(by_gold)}; {len(multi)} of them occur in at least 2 of the "
        f"{len(documents)} documents ({sum(len(o) for o in multi.values())} document-mentions). Each gold "
        "mention is mapped to the Nutgraf id of the mention with the same (case-insensitive) string in its "
        "document. 'One id': every mention of the gold entity mapped, all to one Nutgraf id. 'Split': mapped "
        "mentions carry 2+ ids. 'Mixing': share of the Nutgraf ids covering gold mentions (of all gold "
        "entities) that hold 2+ gold entities.\n"
    )
    rows = []
    variants = list(occurrences[0].ids) if occurrences else []
    for variant in variants:
        mapped = sum(o.ids[variant] is not None for o in occurrences)
        one, split, by_type = _consistency(multi, variant)
        mixing, nutgraf_ids, _ = _mixing(occurrences, variant)
        rows.append(
            [
                variant,
                pct(mapped, len(occurrences)),
                pct(one, len(multi)),
                *(by_type[t] for t in TYPES),
                pct(split, len(multi)),
                pct(mixing, nutgraf_ids),
            ]
        )
    table(
        [
            "variant",
            "mentions mapped",
            "one id",
            *(f"one id {t}" for t in TYPES),
            "split",
            "Nutgraf ids mixing",
        ],
        rows,
    )
    if examples and variants:
        _canonical_examples(multi, occurrences, variants[1], examples)


def _distinct(gold: list[GoldMention]) -> list[GoldMention]:
    """One gold mention per (string, entity): BSNLP lists a string once per lemma reading."""
    seen: dict[tuple[str, str], GoldMention] = {}
    for g in gold:
        seen.setdefault((g.mention, g.entity_id), g)
    return list(seen.values())


def _consistency(groups: dict[str, list[Occurrence]], variant: str) -> tuple[int, int, dict[str, str]]:
    one = split = 0
    per_type: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for occurrences in groups.values():
        ids = [o.ids[variant] for o in occurrences]
        mapped = {i for i in ids if i is not None}
        good = None not in ids and len(mapped) == 1
        one += good
        split += len(mapped) >= 2
        kind = Counter(o.type for o in occurrences).most_common(1)[0][0]
        per_type[kind][0] += good
        per_type[kind][1] += 1
    return one, split, {t: pct(*per_type[t]) for t in TYPES}


def _mixing(occurrences: list[Occurrence], variant: str) -> tuple[int, int, dict[str, set[str]]]:
    golds: dict[str, set[str]] = defaultdict(set)
    for o in occurrences:
        if o.ids[variant] is not None:
            golds[o.ids[variant]].add(o.gold_id)
    return sum(len(g) >= 2 for g in golds.values()), len(golds), golds


def _canonical_examples(
    multi: dict[str, list[Occurrence]], occurrences: list[Occurrence], variant: str, examples: int
) -> None:
    splits = []
    for gid, occ in multi.items():
        ids = Counter(o.ids[variant] for o in occ if o.ids[variant] is not None)
        if len(ids) >= 2:
            splits.append((len(occ), gid, ids))
    splits.sort(key=lambda item: (-item[0], item[1]))
    print(f"Largest splits ({variant}): gold id → Nutgraf ids (mentions)\n")
    for _, gid, ids in splits[:examples]:
        forms = {o.ids[variant]: o.mention for o in multi[gid]}
        print(f"- {gid} → " + ", ".join(f"{i} ({n}, «{forms[i]}»)" for i, n in ids.most_common(4)))
    _, _, golds = _mixing(occurrences, variant)
    mixed = sorted(((len(g), i, g) for i, g in golds.items() if len(g) >= 2), key=lambda x: (-x[0], x[1]))
    print(f"\nLargest mixes ({variant}): Nutgraf id → gold ids\n")
    for _, nid, gids in mixed[:examples]:
        print(f"- {nid} ← " + ", ".join(sorted(gids)[:5]) + (" …" if len(gids) > 5 else ""))
    print()


def cross_script(documents: list[Document], examples: int) -> dict[str, tuple[int, int, float, float]]:
    print("## 3. Cross-script linking (BSNLP, other Slavic languages; given gold mentions)\n")
    print(
        "**Not supported yet:** Nutgraf has language modules for English and Russian only. Bulgarian, "
        "Ukrainian, Polish, Czech, Slovene, Croatian and Slovak fall back to the generic module: no NER "
        "and no lemmatiser (a mention's key is its lower-cased, transliterated surface form). So gold "
        "PER/LOC/ORG mentions are fed to `link_entities` as spans, with the document's language code. "
        "Variants: the mentions in their documents, and the gold lemmas linked alone (which isolates "
        "transliteration and keying from inflection).\n"
    )
    occurrences: list[Occurrence] = []
    cache: dict = {}
    timed: Counter[str] = Counter()
    seconds: Counter[str] = Counter()
    chars: Counter[str] = Counter()
    for document in documents:
        gold = _distinct(document.typed_gold())
        if not gold:
            continue
        timed[document.language] += 1
        chars[document.language] += len(document.text)
        started = time.perf_counter()
        ids = link_gold(document.text, document.language, gold)
        seconds[document.language] += time.perf_counter() - started
        for g in gold:
            occurrences.append(
                Occurrence(
                    document.id,
                    document.language,
                    g.entity_id,
                    g.type,
                    g.mention,
                    g.lemma,
                    {
                        "gold mentions in context": ids.get(fold(g.mention)),
                        "gold lemmas alone": link_alone(
                            document.language, g.lemma or g.mention, g.type, cache
                        ),
                    },
                )
            )
    by_gold: dict[str, list[Occurrence]] = defaultdict(list)
    for occurrence in occurrences:
        by_gold[occurrence.gold_id].append(occurrence)
    both = {
        gid: occ
        for gid, occ in by_gold.items()
        if {o.language for o in occ} & set(CYRILLIC) and {o.language for o in occ} & set(LATIN)
    }
    print(
        f"{len(documents)} annotated documents ({', '.join(f'{k} {v}' for k, v in sorted(timed.items()))} "
        f"with PER/LOC/ORG gold); {len(both)} gold entities occur in both a Cyrillic-script (bg, uk, ru) and "
        "a Latin-script (pl, cs, sl, hr, sk) document. 'Linked': some Cyrillic and some Latin mention of the "
        "entity got the same Nutgraf id. 'All one id': every mention in every language got one id.\n"
    )
    rows = []
    for variant in ("gold mentions in context", "gold lemmas alone"):
        row: list[object] = [variant]
        for kind in (*TYPES, None):
            groups = [occ for occ in both.values() if kind is None or _kind(occ) == kind]
            row.append(pct(sum(_linked(occ, CYRILLIC, LATIN, variant) for occ in groups), len(groups)))
        one = sum(
            len({o.ids[variant] for o in occ}) == 1 and None not in {o.ids[variant] for o in occ}
            for occ in both.values()
        )
        row.append(pct(one, len(both)))
        rows.append(row)
    table(["variant", *(f"linked {t}" for t in TYPES), "linked, all", "all one id"], rows)
    present = {o.language for o in occurrences}
    languages = [code for code in (*CYRILLIC, *LATIN) if code in present]
    pairs = {
        (first, second): [occ for occ in by_gold.values() if {first, second} <= {o.language for o in occ}]
        for first in CYRILLIC
        for second in languages
        if first != second
    }
    idle = [code for code in languages if not any(pairs.get((first, code)) for first in CYRILLIC)]
    if idle:
        print(
            f"Left out of the pairs: {', '.join(idle)} (their annotated documents share no gold entity with "
            "a Cyrillic-script document: other topics).\n"
        )
    languages = [code for code in languages if code not in idle]
    for variant in ("gold mentions in context", "gold lemmas alone"):
        print(
            f"By language pair ({variant}): share of the gold entities present in both languages that "
            "get one id across them (entities)\n"
        )
        matrix = []
        for first in CYRILLIC:
            cells = []
            for second in languages:
                groups = pairs.get((first, second), [])
                good = sum(_linked(occ, (first,), (second,), variant) for occ in groups)
                cells.append(f"{100 * good / len(groups):.0f}% ({len(groups)})" if groups else "–")
            matrix.append([first, *cells])
        table(["", *languages], matrix)
    if examples:
        _cross_examples(both, "gold mentions in context", examples)
    return {
        f"{language} (BSNLP, gold spans, no NER)": (timed[language], chars[language], 0.0, seconds[language])
        for language in sorted(timed)
    }


def _kind(occurrences: list[Occurrence]) -> str:
    return Counter(o.type for o in occurrences).most_common(1)[0][0]


def _linked(
    occurrences: list[Occurrence], first: tuple[str, ...], second: tuple[str, ...], variant: str
) -> bool:
    a = {o.ids[variant] for o in occurrences if o.language in first} - {None}
    b = {o.ids[variant] for o in occurrences if o.language in second} - {None}
    return bool(a & b)


def _cross_examples(both: dict[str, list[Occurrence]], variant: str, examples: int) -> None:
    failures = sorted(
        ((len(occ), gid, occ) for gid, occ in both.items() if not _linked(occ, CYRILLIC, LATIN, variant)),
        key=lambda x: (-x[0], x[1]),
    )
    print(
        f"Most frequent gold entities not linked across scripts ({variant}): Cyrillic forms → ids | Latin forms → ids\n"
    )
    for _, gid, occ in failures[:examples]:
        sides = []
        for script in (CYRILLIC, LATIN):
            forms = Counter((o.mention, o.ids[variant]) for o in occ if o.language in script)
            sides.append(", ".join(f"{m} → {i}" for (m, i), _ in forms.most_common(2)))
        print(f"- {gid}: {sides[0]} | {sides[1]}")
    print()


# --- Sample corpus --------------------------------------------------------------------------------


def sample_articles() -> dict[str, Article]:
    """The bundled sample corpus cleaned as ingest cleans it (furniture learned over the whole
    corpus first), keyed as in the gold. Grouping and the store are not needed here."""
    samples = sample_corpus()
    documents = [d for d in iter_documents([samples]) if isinstance(d, RawDocument)]
    pages = [extract(d) for d in documents]
    furniture = FurnitureModel()
    for document, page in zip(documents, pages, strict=True):
        furniture.observe(document.source_key, page.text)
    articles = [prepare(d, page, furniture) for d, page in zip(documents, pages, strict=True)]
    return {
        (f"wire:{a.external_id}" if a.external_id else str(Path(a.source).relative_to(samples))): a
        for a in articles
    }


_NER_NAMES = {
    "en": "English (spaCy en_core_web_sm)",
    "ru": "Russian (slovnet)",
    "fr": "French (spaCy fr_core_news_sm)",
}


def samples_section(examples: int) -> dict[str, tuple[int, int, float, float]]:
    print("## 4. NER on the bundled sample corpus (hand-made gold)\n")
    gold = json.loads(SAMPLES_GOLD.read_text(encoding="utf-8"))
    articles = sample_articles()
    keys = [k for k in gold["articles"] if k in articles]
    absent = sorted(set(gold["articles"]) - set(articles))
    print(
        f"Gold: {SAMPLES_GOLD.relative_to(ROOT)} ({len(keys)} articles). Text: headline + body after the real "
        "cleaning (`extract` + `prepare`, as ingest does). Strict: exact string. Relaxed: case-insensitive, quotes, a leading "
        "'the' and a possessive 's ignored (the gold has no lemmas: a Russian form must match as written)."
        + (f" Gold articles not ingested: {absent}." if absent else "")
        + "\n"
    )
    timing: dict[str, tuple[int, int, float, float]] = {}
    links: dict[str, dict[str, str]] = {}
    with_gold: dict[str, dict[str, str]] = {}
    for language in SUPPORTED:
        group = [k for k in keys if articles[k].language == language]
        texts = [f"{articles[k].title}\n\n{articles[k].text}" for k in group]
        run = run_pipeline(texts, language)
        timing[f"{language} (sample corpus)"] = (
            len(texts),
            sum(map(len, texts)),
            run.ner_seconds,
            run.link_seconds,
        )
        errors = Errors()
        counts = []
        for key, text, spans, mentions in zip(group, texts, run.spans, run.mentions, strict=True):
            article_gold = [GoldMention(m, t) for t in TYPES for m in gold["articles"][key][t]]
            counts.append(score_document([(m.text, m.type) for m in mentions], article_gold, errors))
            links[key] = ids_by_surface(mentions)
            persons = [g for g in article_gold if g.type == "PER"]
            missing = [g for g in persons if fold(g.mention) not in links[key]]
            with_gold[key] = (
                {**links[key], **link_gold(text, language, missing, spans)} if missing else links[key]
            )
        print(f"### {_NER_NAMES.get(language, language)}: {len(group)} articles\n")
        prf_table(total(counts))
        errors_tables(errors, examples)
    _persons_table(gold, keys, articles, links, with_gold)
    return timing


def _persons_table(
    gold: dict,
    keys: list[str],
    articles: dict[str, Article],
    links: dict[str, dict[str, str]],
    with_gold: dict[str, dict[str, str]],
) -> None:
    print("### Persons across articles and languages (sample corpus)\n")
    print(
        "Each gold person's mentions (strings in the article's PER gold that the person's entry lists) "
        "mapped to Nutgraf ids: end to end (the id of the predicted mention with the same string; '∅' when "
        "NER missed or mistyped away that string) and given gold mentions (a missed string fed as a PER span "
        "with the article's NER spans).\n"
    )
    rows = []
    agree = [0, 0]
    for person, forms in gold["persons"].items():
        found = []
        for key in keys:
            for mention in gold["articles"][key]["PER"]:
                if mention in forms:
                    found.append((key, mention))
        if not found:
            continue
        languages = "+".join(sorted({articles[k].language for k, _ in found}))
        e2e = [links[k].get(fold(m)) for k, m in found]
        given = [with_gold[k].get(fold(m)) for k, m in found]
        ok_e2e = None not in e2e and len(set(e2e)) == 1
        ok_given = None not in given and len(set(given)) == 1
        agree[0] += ok_e2e
        agree[1] += ok_given
        rows.append(
            [
                person,
                languages,
                len({k for k, _ in found}),
                len(found),
                _id_list(e2e),
                "yes" if ok_e2e else "no",
                _id_list(given),
                "yes" if ok_given else "no",
            ]
        )
    table(
        [
            "person",
            "languages",
            "articles",
            "mentions",
            "ids end to end",
            "one id",
            "ids given gold",
            "one id",
        ],
        rows,
    )
    print(
        f"One id per person: end to end {pct(agree[0], len(rows))}, given gold mentions {pct(agree[1], len(rows))}.\n"
    )


def _id_list(ids: list[str | None]) -> str:
    counts = Counter("∅" if i is None else i for i in ids)
    return ", ".join(f"{i}×{n}" if n > 1 else i for i, n in counts.most_common())


# --- Timing ---------------------------------------------------------------------------------------


def english_timing(limit: int) -> tuple[int, int, float, float] | None:
    if not BBC.exists():
        return None
    with BBC.open(encoding="utf-8") as handle:
        records = [json.loads(line) for _, line in zip(range(limit), handle, strict=False)]
    texts = [f"{r.get('title') or ''}\n\n{r['text']}" for r in records]
    run = run_pipeline(texts, "en")
    return len(texts), sum(map(len, texts)), run.ner_seconds, run.link_seconds


def timing_table(rows: dict[str, tuple[int, int, float, float]], load: float) -> None:
    print("## 5. Time per document (this machine, one process)\n")
    print(f"Model and alias-table loading, excluded below: {load:.1f} s.\n")
    out = []
    for name, (docs, chars, ner, link) in rows.items():
        out.append(
            [
                name,
                docs,
                round(chars / max(docs, 1)),
                f"{1000 * ner / max(docs, 1):.1f}" if ner else "–",
                f"{1000 * link / max(docs, 1):.1f}",
                f"{1000 * (ner + link) / max(docs, 1):.1f}",
            ]
        )
    table(["language (set)", "docs", "chars/doc", "NER ms/doc", "linking ms/doc", "total ms/doc"], out)


# --- Main -----------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--limit", type=int, default=None, help="first N annotated Russian documents (default: all)"
    )
    parser.add_argument("--examples", type=int, default=EXAMPLES, help="error examples to print (0: none)")
    parser.add_argument("--data", type=Path, default=BSNLP, help="BSNLP JSON lines (gzip)")
    args = parser.parse_args(argv)

    print("# Nutgraf entities benchmark\n")
    load = warm_up(SUPPORTED)
    timing: dict[str, tuple[int, int, float, float]] = {}
    other: dict[str, tuple[int, int, float, float]] = {}
    if args.data.exists():
        documents, unannotated = load_bsnlp(args.data)
        russian = [d for d in documents if d.language == "ru"][: args.limit]
        print(
            f"BSNLP: {len(documents)} annotated documents ({unannotated} more have no gold entities and are "
            f"left out); Russian used: {len(russian)}.\n"
        )
        run = run_pipeline([d.text for d in russian], "ru")
        timing["ru (BSNLP)"] = (
            len(russian),
            sum(len(d.text) for d in russian),
            run.ner_seconds,
            run.link_seconds,
        )
        russian_ner(russian, run, args.examples)
        canonicalisation(russian, run, args.examples)
        other = cross_script(documents, args.examples)
    else:
        print(
            f"skipped: sections 1-3 ({args.data} not found; it lives in ../shared beside a development checkout)\n"
        )
    timing.update(samples_section(args.examples))
    english = english_timing(ENGLISH_TIMING_DOCS)
    if english is not None:
        timing[f"en (BBC, first {english[0]})"] = english
    timing_table({**timing, **other}, load)


if __name__ == "__main__":
    main()
