"""The layout of a language's folder holds for every registered language: ``lang/<code>/__init__.py``
keeps the language's identity and re-exports its sections, and every other section is defined in the
module named after its contract group (``dates.py`` gives the "dates" sections), so that a section
is found where the contract says it belongs and none is defined in a module the package forgets to
re-export (the analyzers read sections as the package's attributes, and a section they do not find
quietly takes the contract's default)."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

from nutgraf.lang import SUPPORTED, get_language
from nutgraf.lang.contract import SECTIONS

INIT_LINES = 150
"""A package's ``__init__.py`` is its identity and its imports: this many lines at most."""

MODULE_OF_GROUP = {
    "text": "text",
    "furniture": "furniture",
    "summaries": "summaries",
    "dates": "dates",
    "quotes": "quotes",
    "citations": "citations",
    "figures": "figures",
    "entities": "entities",
    "backends": "backends",
}
"""The module of a language's folder that gives each contract group's sections ("identity" stays in
``__init__.py``)."""

CATALOGUE = "messages"
"""The web UI's message catalogue, read by ``nutgraf.lang.messages``, not by the analyzers."""

MODEL_PACKAGES = ("spacy", "thinc", "pymorphy3", "slovnet", "navec", "natasha")


def _defined(source: str) -> set[str]:
    """The names a module's source assigns or defines at its top level (not those it imports)."""
    names: set[str] = set()
    for node in ast.parse(source).body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(target.id for target in node.targets if isinstance(target, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    return names


def _submodules(code: str) -> dict[str, set[str]]:
    """Each module of a language's folder (its catalogue aside), with the names it defines."""
    package = get_language(code)
    found = {}
    for info in pkgutil.iter_modules(package.__path__):
        if info.name == CATALOGUE:
            continue
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        found[info.name] = _defined(Path(module.__file__).read_text(encoding="utf-8"))
    return found


@pytest.mark.parametrize("code", SUPPORTED)
def test_the_package_keeps_only_identity_and_imports(code):
    path = Path(get_language(code).__file__)
    source = path.read_text(encoding="utf-8")
    assert len(source.splitlines()) <= INIT_LINES, f"{path} has grown past {INIT_LINES} lines"
    body = ast.parse(source).body
    for node in body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            continue
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            continue  # the module's docstring, or a constant's
        names = _defined(ast.unparse(node)) if isinstance(node, (ast.Assign, ast.AnnAssign)) else set()
        assert names and all(SECTIONS.get(name) and SECTIONS[name].group == "identity" for name in names), (
            f"{path}:{node.lineno} holds more than identity and imports: "
            f"{ast.unparse(node).splitlines()[0][:80]}"
        )


@pytest.mark.parametrize("code", SUPPORTED)
def test_every_section_is_defined_in_the_module_of_its_group(code):
    package = get_language(code)
    submodules = _submodules(code)
    assert set(MODULE_OF_GROUP.values()) <= set(submodules), f"{code}: modules missing"
    given = [name for name in SECTIONS if hasattr(package, name)]
    for name in given:
        group = SECTIONS[name].group
        if group == "identity":
            continue
        home = MODULE_OF_GROUP[group]
        assert name in submodules[home], (
            f"{code}: section {name} ({group}) is not defined in {package.__name__}.{home} "
            f"but in {[module for module, names in submodules.items() if name in names] or 'none'}"
        )
        value = getattr(package, name)
        assert value is getattr(importlib.import_module(f"{package.__name__}.{home}"), name), name
        if callable(value) and hasattr(value, "__module__"):
            assert value.__module__ == f"{package.__name__}.{home}", name


@pytest.mark.parametrize("code", SUPPORTED)
def test_the_package_re_exports_every_public_name_of_its_modules(code):
    """A section defined in a module and left out of ``__init__.py`` would be read as absent."""
    package = get_language(code)
    for module_name, names in _submodules(code).items():
        module = importlib.import_module(f"{package.__name__}.{module_name}")
        for name in sorted(names):
            if name.startswith("_"):
                continue
            assert getattr(package, name, None) is getattr(module, name), (
                f"{package.__name__}.{module_name}.{name} is not re-exported by {package.__name__}"
            )


def test_loading_the_languages_loads_no_model():
    """Models load when first used: importing every language (and checking it against the contract)
    imports none of their libraries."""
    script = (
        "import sys, nutgraf.lang as lang\n"
        "[lang.get_language(code) for code in lang.SUPPORTED]\n"
        f"print(sorted({{m.split('.')[0] for m in sys.modules}} & set({MODEL_PACKAGES!r})))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]", result.stdout
