"""The README's Python example runs as written, on files of the sample corpus put where it names them."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import nutgraf
from nutgraf.cli import sample_corpus

README = Path(__file__).resolve().parent.parent / "README.md"


def _python_example() -> str:
    section = README.read_text(encoding="utf-8").split("## From Python", 1)[1].split("\n## ", 1)[0]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


@pytest.mark.slow
def test_the_readme_python_example_runs(tmp_path, monkeypatch):
    samples = sample_corpus()
    shutil.copy(samples / "harbour-post" / "2026-06-02-lumora-leeds-closure.html", tmp_path / "article.html")
    shutil.copytree(samples / "northgate-herald", tmp_path / "articles")
    shutil.copy(samples / "wire-feed.jsonl", tmp_path / "feed.jsonl")
    monkeypatch.chdir(tmp_path)
    example = _python_example()
    assert "nutgraf.summarize(" in example and "nutgraf.ingest(" in example
    scope: dict = {}
    exec(compile(example, "README.md", "exec"), scope)  # our own README
    assert scope["summary"].language == "en" and len(scope["summary"].sentences) == 3
    assert scope["report"].new > 0 and not scope["report"].failures
    assert isinstance(scope["view"]["summary"], list) and scope["view"]["summary"]
    assert nutgraf.open_store("news.db").list_stories()
