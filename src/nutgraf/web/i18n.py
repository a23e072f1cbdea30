"""The UI's words in the reading language: which language a page speaks, and ``t`` for templates.

The reading language of a page is, in order: the page's own ``lang`` choice where it has one (the
stories list and a story page), the best match of the browser's ``Accept-Language`` among the
supported languages, else English (``nutgraf.lang.messages.FALLBACK``). It sets ``<html lang>``
and the labels; article and story text stay in their own languages.

``t`` escapes: a message is escaped as text, then its values are filled in escaped too (unless
they are already markup, as a template's ``{% set %}`` block is), so a stranger's text in a
label ("3 articles match “<script>”") is never markup.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from jinja2 import Environment, pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape
from starlette.requests import Request

from nutgraf.lang import SUPPORTED
from nutgraf.lang.messages import FALLBACK, Translator, accept_language, translator

__all__ = ["install", "query_language", "reading_language", "translate_for"]


def query_language(request: Request) -> str | None:
    """The ``lang`` of the request's query when it names a supported language, else None."""
    value = request.query_params.get("lang")
    return value if value in SUPPORTED else None


def reading_language(request: Request, chosen: str | None = None) -> str:
    """The language the page's own words are in: ``chosen`` (the page's ``lang``), else the
    browser's ``Accept-Language`` best match among the supported languages, else English."""
    if chosen in SUPPORTED:
        return chosen  # type: ignore[return-value]
    return accept_language(request.headers.get("accept-language"), SUPPORTED) or FALLBACK


def translate_for(request: Request, chosen: str | None = None) -> Translator:
    """The :class:`~nutgraf.lang.messages.Translator` of the request's reading language."""
    return translator(reading_language(request, chosen))


def _translator(context: Context) -> Translator:
    return translator(context.get("ui_lang") or FALLBACK)


@pass_context
def _t(context: Context, key: str, n: int | None = None, default: str | None = None, **values: Any) -> Markup:
    text = _translator(context).text(key, n, default)
    if n is not None:
        values.setdefault("n", n)
    return Markup(escape(text)).format(**values) if values else escape(text)


@pass_context
def _day(context: Context, value: date | None) -> str:
    return _translator(context).date(value) if value else ""


def install(environment: Environment) -> None:
    """Give the templates ``t(key, n=None, **values)`` and the ``day`` filter, both in the
    language of the context's ``ui_lang``."""
    environment.globals["t"] = _t
    environment.filters["day"] = _day
