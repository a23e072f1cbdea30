"""What cleaning removes and keeps, on the seeds, the sample corpus and the BBC set.

For each set: articles, furniture lines removed, known furniture phrases left in the clean text,
and body retention (share of body lines of the source, long lines ending like a sentence, found
in the clean text). The BBC texts are already clean, so every removed BBC line counts as loss.

    python bench/cleaning.py            # needs ../shared for seeds and BBC; samples always run
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from lxml import html as lxml_html

from helpers import SHARED, body_lines, furniture_left, missing_body
from nutgraf.clean import FurnitureModel, clean_extracted, decode_bytes, extract
from nutgraf.cli import sample_corpus
from nutgraf.ingest import iter_documents
from nutgraf.model import RawDocument


def source_body(document: RawDocument) -> str:
    """The body as the author wrote it: JSON text, the file's text, or a page's <article> paragraphs."""
    if "#" in document.origin:
        return document.content
    path = Path(document.origin)
    if path.suffix == ".html":
        tree = lxml_html.fromstring(path.read_bytes())
        paragraphs = tree.xpath("//article//p[not(@class)] | //div[@id='story']//p[not(@class)]")
        return "\n".join(p.text_content().strip() for p in paragraphs)
    return decode_bytes(path.read_bytes())


def measure(name: str, paths: list[Path], limit: int | None = None) -> dict:
    documents = [d for d in iter_documents(paths) if isinstance(d, RawDocument)][:limit]
    started = time.perf_counter()
    pages = [extract(d) for d in documents]
    model = FurnitureModel()
    for document, page in zip(documents, pages, strict=True):
        model.observe(document.source_key, page.text)
    removed = body_total = body_missing = leaks = 0
    examples: list[str] = []
    for document, page in zip(documents, pages, strict=True):
        cleaned = clean_extracted(page, document.source_key, model)
        removed += len(cleaned.removed)
        leaks += len(furniture_left(cleaned.text))
        source = source_body(document)
        body_total += len(body_lines(source))
        lost = missing_body(source, f"{cleaned.title}\n{cleaned.text}")
        body_missing += len(lost)
        examples += lost[:1]
    seconds = time.perf_counter() - started
    return {
        "set": name,
        "articles": len(documents),
        "removed lines": removed,
        "furniture left": leaks,
        "body lines": body_total,
        "body kept %": round(100 * (1 - body_missing / body_total), 2) if body_total else 100.0,
        "ms/article": round(1000 * seconds / max(1, len(documents)), 2),
        "lost examples": examples[:3],
    }


def main() -> None:
    rows = [measure("sample corpus", [sample_corpus()])]
    seeds = SHARED / "seeds"
    if seeds.exists():
        rows.insert(0, measure("seeds", sorted(seeds.glob("*.txt"))))
    bbc = SHARED / "eval" / "summarization" / "bbc-en.jsonl"
    if bbc.exists():
        rows.append(measure("bbc-en (clean reference)", [bbc]))
    columns = [
        "set",
        "articles",
        "removed lines",
        "furniture left",
        "body lines",
        "body kept %",
        "ms/article",
    ]
    print(" | ".join(columns))
    print(" | ".join("---" for _ in columns))
    for row in rows:
        print(" | ".join(str(row[c]) for c in columns))
    for row in rows:
        for example in row["lost examples"]:
            print(f"lost in {row['set']}: {example[:120]}")


if __name__ == "__main__":
    main()
