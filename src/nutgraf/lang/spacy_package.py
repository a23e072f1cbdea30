"""A spaCy pipeline package that a language loads, checked against what its maker says of it.

Models ship inside registry packages pinned by hash (requirements/models.txt); a package of the
same name that is another pipeline (a re-upload, a newer version) is refused with the command
that installs the right one, instead of reading worse. Each language's ``backends`` module calls
these with its own package's name and expected meta.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from types import ModuleType
from typing import Any

from nutgraf.errors import ModelError

__all__ = ["check_meta", "checked_package"]

ENTS_F_TOLERANCE = 1e-6
"""The NER F-score a package states must be the expected one to this precision (a float in JSON)."""


def check_meta(
    meta: dict[str, Any], *, package: str, language: str, name: str, expected: dict[str, Any], install: str
) -> None:
    """Raise ModelError unless ``meta`` (package ``package``'s meta.json) is the pipeline ``name`` of
    ``language`` with the ``expected`` version, author, training source and NER F-score."""
    problems = []
    if meta.get("lang") != language or meta.get("version") != expected["version"]:
        problems.append(f"version {meta.get('lang')}/{meta.get('version')}")
    if meta.get("author") != expected["author"]:
        problems.append(f"author {meta.get('author')!r}")
    sources = [source.get("name") for source in meta.get("sources") or []]
    if expected["source"] not in sources:
        problems.append(f"sources {sources}")
    ents_f = (meta.get("performance") or {}).get("ents_f")
    if ents_f is None or abs(ents_f - expected["ents_f"]) > ENTS_F_TOLERANCE:
        problems.append(f"NER F-score {ents_f}")
    if problems:
        raise ModelError(
            f"{package} is not {expected['author']}'s {name} ({'; '.join(problems)}); reinstall it: {install}"
        )


def checked_package(
    package: str, *, language: str, name: str, expected: dict[str, Any], install: str, purpose: str
) -> ModuleType:
    """The installed pipeline package ``package``, its meta.json checked (:func:`check_meta`);
    ModelError naming ``purpose`` ("English NER") and the install command when it is missing."""
    try:
        module = importlib.import_module(package)
    except ImportError as exc:
        raise ModelError(f"{purpose} needs spaCy's {name} pipeline: {install}") from exc
    meta = json.loads((Path(module.__file__).parent / "meta.json").read_text(encoding="utf-8"))
    check_meta(meta, package=package, language=language, name=name, expected=expected, install=install)
    return module
