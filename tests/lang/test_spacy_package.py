"""The spaCy pipelines English and French load are checked against what Explosion says of them."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import pytest

from nutgraf.errors import ModelError
from nutgraf.lang import en, fr


@pytest.mark.parametrize("language", [en, fr], ids=["en", "fr"])
def test_the_installed_pipeline_passes_and_another_is_refused_by_name(language):
    package = importlib.import_module(language.SPACY_PACKAGE)
    meta = json.loads((Path(package.__file__).parent / "meta.json").read_text(encoding="utf-8"))
    language.check_spacy_meta(meta)  # the pinned package is what it says
    for field, value, named in (
        ("author", "Someone", "author"),
        ("version", "3.7.0", "version"),
        ("performance", {"ents_f": 0.5}, "NER F-score"),
        ("sources", [], "sources"),
    ):
        with pytest.raises(ModelError, match=named) as refused:
            language.check_spacy_meta({**meta, field: value})
        assert language.SPACY_INSTALL in str(refused.value)
