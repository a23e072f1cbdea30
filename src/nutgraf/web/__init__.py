"""The web UI, JSON API and Atom feeds over a store (FastAPI + Jinja2, assets inside the package).

``create_app(store_or_db_url, settings)`` builds the ASGI app; ``serve`` runs it with uvicorn.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Callable

from nutgraf.errors import ConfigError
from nutgraf.store import Store
from nutgraf.web.app import create_app
from nutgraf.web.settings import WebSettings

__all__ = ["WebSettings", "check_port", "create_app", "serve"]


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


def serve(
    store_or_db_url: Store | str | os.PathLike[str] | None,
    settings: WebSettings,
    *,
    announce: Callable[[], None] | None = None,
) -> None:
    """Serve the app until interrupted (Ctrl+C). ``announce`` runs once the port is free and the
    store is open, just before listening (the CLI prints the URL there)."""
    import uvicorn

    check_port(settings.host, settings.port)
    app = create_app(store_or_db_url, settings)
    if announce is not None:
        announce()
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning", access_log=False)
