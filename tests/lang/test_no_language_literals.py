"""Language-specific code lives in ``nutgraf.lang`` (the language issue): outside it no code
string is a registered language's code or holds letters of a non-Latin script, so that a new
language's words are never missing from a list written somewhere else. Docstrings may quote any
language. The few places allowed below say why; each is a script's fact, not a language's, or is
the next step of the language plug-in."""

from __future__ import annotations

import ast
import unicodedata
from pathlib import Path

import nutgraf
from nutgraf.lang import SUPPORTED

PACKAGE = Path(nutgraf.__file__).parent


def non_latin_letters(value: str) -> bool:
    """Whether ``value`` holds a letter of a script other than Latin (Cyrillic, Greek, Arabic...)."""
    return any(ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN") for ch in value)


ALLOWED = {
    "analyze/entities.py": "the Cyrillic transliteration table, a script's (Ukrainian and Belarusian letters too)",
    "clean/decode.py": "Cyrillic letter frequencies that tell cp1251 from other single-byte encodings",
    "stories/embed.py": "the multilingual encoder's own list of the languages it was trained on",
}


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        for statement in body if isinstance(body, list) else []:
            if (
                isinstance(statement, ast.Expr)
                and isinstance(statement.value, ast.Constant)
                and isinstance(statement.value.value, str)
            ):
                found.add(id(statement.value))
    return found


def language_literals(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = _docstrings(tree)
    return [
        f"{node.lineno}: {node.value[:40]!r}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and (node.value in SUPPORTED or non_latin_letters(node.value))
    ]


def test_no_language_literal_outside_lang():
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE).as_posix()
        if name.startswith("lang/") or name in ALLOWED:
            continue
        literals = language_literals(path)
        if literals:
            found[name] = literals
    assert found == {}, (
        "language literals outside nutgraf/lang (move them into a language module):\n"
        + "\n".join(f"{name}:{line}" for name, lines in found.items() for line in lines)
    )


def test_the_allowed_places_still_need_it():
    for name in ALLOWED:
        assert language_literals(PACKAGE / name), f"{name} no longer needs its allowance"


def test_the_check_finds_a_literal(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        '"""Docstrings may say «Москва»."""\nif language == "ru":\n    WORDS = ("и",)\n', encoding="utf-8"
    )
    assert len(language_literals(sample)) == 2
