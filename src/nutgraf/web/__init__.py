"""The web UI, JSON API and Atom feeds over a store (FastAPI + Jinja2, assets inside the package).

``create_app(store_or_db_url, settings)`` builds the ASGI app; ``serve`` runs it with uvicorn.
"""

from __future__ import annotations

import os
import secrets
import socket
from collections.abc import Callable
from dataclasses import replace

from nutgraf.errors import ConfigError
from nutgraf.store import Store
from nutgraf.web.app import create_app
from nutgraf.web.settings import WebSettings

__all__ = ["WebSettings", "check_port", "create_app", "new_token", "serve"]


def check_port(host: str, port: int) -> None:
    """Fail early, with one line, when the address cannot be listened on (a port in use)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise ConfigError(
                f"cannot listen on {host}:{port}: {exc.strerror or exc} (choose another --port)"
            ) from None


def new_token() -> str:
    """A fresh API token: 32 random bytes, URL-safe (43 characters)."""
    return secrets.token_urlsafe(32)


def serve(
    store_or_db_url: Store | str | os.PathLike[str] | None,
    settings: WebSettings,
    *,
    announce: Callable[[], None] | None = None,
) -> None:
    """Serve the app until interrupted (Ctrl+C). ``announce`` runs once the port is free and the
    store is open, just before listening (the CLI prints the URL there).

    Writes through the API always need a token: when ``settings`` has none (``NUTGRAF_API_TOKEN``
    is not set), one is made for this run and printed once after ``announce``, as Jupyter does."""
    import uvicorn

    check_port(settings.host, settings.port)
    made = settings.api_token is None
    if made:
        settings = replace(settings, api_token=new_token())
    app = create_app(store_or_db_url, settings)
    if announce is not None:
        announce()
    if made:
        print(f"API token for writes: {settings.api_token}", flush=True)
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning", access_log=False)
