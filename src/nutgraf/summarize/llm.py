"""Optional LLM digests: an OpenAI-compatible chat-completions endpoint rewrites a story's
extractive digest into fluent prose that must cite its articles.

Off by default: it runs only when ``NUTGRAF_LLM_URL`` is set (``NUTGRAF_LLM_MODEL``,
``NUTGRAF_LLM_KEY`` and ``NUTGRAF_LLM_TIMEOUT`` complete it). The model sees only the extractive
sentences, each numbered with its article id, and must answer with JSON sentences that cite those
ids. An answer that cites nothing, cites an article it was not given, or is not JSON is refused,
like a network error or an HTTP error: the caller gets :class:`nutgraf.errors.LLMError`, and
:func:`rewrite_digest` then keeps the extractive digest and records a warning. Nothing a model
writes reaches a reader without a citation a reader can check.
"""

from __future__ import annotations

import json
import logging
import os
import re
from dataclasses import dataclass, replace
from typing import Any

from nutgraf.errors import ConfigError, LLMError
from nutgraf.summarize.digest import Digest, DigestSentence

__all__ = ["LLMSettings", "request_digest", "rewrite_digest"]

log = logging.getLogger(__name__)

DEFAULT_MODEL = "gpt-4o-mini"
DEFAULT_TIMEOUT = 30.0
"""Seconds for the whole request: a digest is a few hundred tokens."""

MAX_ANSWER_BYTES = 256 * 1024
"""A digest answer is a few kilobytes; a larger one is not a digest."""

SYSTEM_PROMPT = (
    "You write short news digests for analysts. You are given numbered sentences from news "
    "articles about one story; each has the id of its article in square brackets, like [a12]. "
    "Rewrite them into {count} or fewer clear sentences in {language}. Use only facts stated in "
    "the given sentences; do not add any. Every sentence you write must cite the ids of the "
    "articles its facts come from. Answer with JSON only, in this form: "
    '{{"sentences": [{{"text": "...", "article_ids": [12, 15]}}]}}'
)

_JSON_OBJECT = re.compile(r"\{.*\}", re.DOTALL)


@dataclass(frozen=True, slots=True)
class LLMSettings:
    """Where and how to reach the endpoint (passed in, never global)."""

    url: str
    """The chat-completions URL, e.g. http://localhost:8080/v1/chat/completions."""
    model: str = DEFAULT_MODEL
    api_key: str | None = None
    timeout: float = DEFAULT_TIMEOUT

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> LLMSettings | None:
        """Settings from ``NUTGRAF_LLM_*``, or None when no URL is set (the default: off)."""
        env = os.environ if environ is None else environ
        url = (env.get("NUTGRAF_LLM_URL") or "").strip()
        if not url:
            return None
        if not url.startswith(("http://", "https://")):
            raise ConfigError(f"NUTGRAF_LLM_URL must be an http(s) URL, not {url!r}")
        try:
            timeout = float(env.get("NUTGRAF_LLM_TIMEOUT") or DEFAULT_TIMEOUT)
        except ValueError as exc:
            raise ConfigError("NUTGRAF_LLM_TIMEOUT must be a number of seconds") from exc
        return cls(
            url=url,
            model=env.get("NUTGRAF_LLM_MODEL") or DEFAULT_MODEL,
            api_key=env.get("NUTGRAF_LLM_KEY") or None,
            timeout=timeout,
        )


def _language_name(code: str | None) -> str:
    """The language's name in English for the model's instructions ("Russian"); a code Nutgraf has
    no module for is passed as it is, and none means the reader's default language."""
    from nutgraf.lang import SUPPORTED, get_language
    from nutgraf.lang.contract import section

    code = code or SUPPORTED[0]
    if code not in SUPPORTED:
        return code
    module = get_language(code)
    return section(module, "ENGLISH_NAME") or module.NAME


def _messages(digest: Digest, count: int) -> list[dict[str, str]]:
    language = digest.language or (digest.sentences[0].language if digest.sentences else None)
    numbered = "\n".join(
        f"{number}. [a{s.article_id}] ({s.outlet or 'unknown outlet'}) {s.text}"
        for number, s in enumerate(digest.sentences, 1)
    )
    return [
        {
            "role": "system",
            "content": SYSTEM_PROMPT.format(count=count, language=_language_name(language)),
        },
        {"role": "user", "content": numbered},
    ]


def _parse_answer(payload: Any) -> list[dict[str, Any]]:
    try:
        content = payload["choices"][0]["message"]["content"]
    except (KeyError, IndexError, TypeError) as exc:
        raise LLMError("the LLM answer has no choices[0].message.content") from exc
    if not isinstance(content, str):
        raise LLMError("the LLM answer's content is not text")
    match = _JSON_OBJECT.search(content)  # models often wrap JSON in prose or a code fence
    if not match:
        raise LLMError("the LLM answer is not JSON")
    try:
        sentences = json.loads(match.group(0))["sentences"]
    except (ValueError, KeyError, TypeError) as exc:
        raise LLMError("the LLM answer is not a JSON object with 'sentences'") from exc
    if not isinstance(sentences, list) or not sentences:
        raise LLMError("the LLM answer has no sentences")
    return sentences


def _validated(sentences: list[dict[str, Any]], digest: Digest, count: int) -> Digest:
    by_id = {s.article_id: s for s in digest.sentences}
    written = []
    for item in sentences[:count]:
        if not isinstance(item, dict):
            raise LLMError("an LLM sentence is not an object")
        text = item.get("text")
        ids = item.get("article_ids")
        if not isinstance(text, str) or not text.strip():
            raise LLMError("an LLM sentence has no text")
        if not isinstance(ids, list) or not ids:
            raise LLMError(f"an LLM sentence cites no article: {text[:80]!r}")
        cited = []
        for raw in ids:
            article_id = int(str(raw).lstrip("a")) if str(raw).lstrip("a").isdigit() else None
            if article_id not in by_id:
                raise LLMError(f"an LLM sentence cites article {raw!r}, which it was not given")
            cited.append(article_id)
        source = by_id[cited[0]]
        written.append(
            DigestSentence(
                text=text.strip(),
                article_id=source.article_id,
                outlet=source.outlet,
                language=digest.language or source.language,
                title=source.title,
                article_ids=cited,
            )
        )
    return replace(digest, sentences=written, method="llm")


def request_digest(
    digest: Digest, settings: LLMSettings, *, client: Any = None, count: int | None = None
) -> Digest:
    """Ask the endpoint to rewrite ``digest``; raises :class:`LLMError` on any failure."""
    import httpx

    count = count or len(digest.sentences)
    headers = {"Content-Type": "application/json"}
    if settings.api_key:
        headers["Authorization"] = f"Bearer {settings.api_key}"
    body = {"model": settings.model, "messages": _messages(digest, count), "temperature": 0}
    own = client is None
    client = client or httpx.Client(timeout=settings.timeout, follow_redirects=False, trust_env=False)
    try:
        response = client.post(settings.url, json=body, headers=headers)
    except httpx.TimeoutException as exc:
        raise LLMError(f"the LLM endpoint did not answer within {settings.timeout:g}s") from exc
    except httpx.HTTPError as exc:
        raise LLMError(f"cannot reach the LLM endpoint: {exc}") from exc
    finally:
        if own:
            client.close()
    if response.status_code != 200:
        raise LLMError(f"the LLM endpoint answered HTTP {response.status_code}")
    if len(response.content) > MAX_ANSWER_BYTES:
        raise LLMError("the LLM answer is too large to be a digest")
    try:
        payload = response.json()
    except ValueError as exc:
        raise LLMError("the LLM endpoint did not answer JSON") from exc
    return _validated(_parse_answer(payload), digest, count)


def rewrite_digest(digest: Digest, settings: LLMSettings | None, *, client: Any = None) -> Digest:
    """The LLM's rewrite of ``digest`` when settings are given and it succeeds; otherwise the
    extractive digest itself, with the reason in ``digest.warnings`` (and the log)."""
    if settings is None or not digest.sentences:
        return digest
    try:
        return request_digest(digest, settings, client=client)
    except LLMError as exc:
        log.warning("LLM digest failed, keeping the extractive digest: %s", exc)
        return replace(digest, warnings=[*digest.warnings, f"LLM digest failed: {exc}"])
