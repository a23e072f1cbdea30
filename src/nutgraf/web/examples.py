"""Examples for the OpenAPI document: one answer per operation, of the shape it documents, and one
request body (``openapi_examples.json``, beside this module).

They tell one invented story (an electric ferry on a Finnish lake, reported in English and
Russian) and are checked against the response models by the tests, so a model that changes
without its example fails there rather than in a reader's Swagger UI.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["example", "examples"]


@cache
def examples() -> dict[str, Any]:
    """Every example by name (``stories``, ``story``, ``article``, ``summary``, ``entity``,
    ``search``, ``ingest_record``, ``ingest_created``, ``ingest_duplicate``, ``errors`` by status)."""
    text = resources.files("nutgraf.web").joinpath("openapi_examples.json").read_text(encoding="utf-8")
    return json.loads(text)


def example(name: str) -> Any:
    return examples()[name]
