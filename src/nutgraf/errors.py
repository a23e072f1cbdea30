"""Exceptions raised by the Nutgraf library.

The library raises these and nothing else on bad input; the edges translate them:
the CLI prints one line and exits non-zero, the HTTP API maps them to a status,
and a batch ingest records them per article as data (:class:`nutgraf.model.Failure`).

Tree::

    NutgrafError
    ├── InputError                 the user's input cannot become an article
    │   ├── SourceNotFound         a path that does not exist
    │   ├── EmptyInput             zero bytes, or only whitespace / furniture
    │   ├── BinaryInput            an image, archive, PDF or other non-text bytes
    │   ├── EncodingError          text whose encoding cannot be determined
    │   ├── MalformedRecord        a JSON record that is not an object or has no text/html
    │   ├── UnsupportedInput       a file type Nutgraf does not read
    │   ├── FetchError             a URL that cannot be fetched (network, HTTP status, size)
    │   │   ├── FetchRefused       refused before fetching: scheme, private address, robots.txt
    │   │   └── FetchTimeout       the server was too slow
    │   └── FeedError              fetched bytes that are not a readable feed or sitemap
    ├── StoreError                 the database cannot be used
    │   ├── BadDatabaseURL         neither a path nor a SQLAlchemy URL we can open
    │   └── NotFound               an id that is not in the store
    ├── ModelError                 a language model is missing, or is not the one we tested
    │   └── LLMError               the optional LLM endpoint failed or broke the digest's rules
    └── ConfigError                an invalid setting or option value

Every exception carries a message fit to show a user as one line.
"""

from __future__ import annotations

__all__ = [
    "BadDatabaseURL",
    "BinaryInput",
    "ConfigError",
    "EmptyInput",
    "EncodingError",
    "FeedError",
    "FetchError",
    "FetchRefused",
    "FetchTimeout",
    "InputError",
    "LLMError",
    "MalformedRecord",
    "ModelError",
    "NotFound",
    "NutgrafError",
    "SourceNotFound",
    "StoreError",
    "UnsupportedInput",
]


class NutgrafError(Exception):
    """Base class of every error the library raises on purpose."""


class InputError(NutgrafError):
    """An input that cannot become an article; a batch records it and goes on."""


class SourceNotFound(InputError):
    """A path given by the user does not exist."""


class EmptyInput(InputError):
    """The input has no content (zero bytes, whitespace, or nothing left after cleaning)."""


class BinaryInput(InputError):
    """The input is binary data (image, archive, PDF, ...) rather than text."""


class EncodingError(InputError):
    """The bytes are text-like but no encoding decodes them sensibly."""


class MalformedRecord(InputError):
    """A JSON/JSONL record that is broken or lacks both ``text`` and ``html``."""


class UnsupportedInput(InputError):
    """A file whose type Nutgraf does not read."""


class StoreError(NutgrafError):
    """The store cannot be opened or used."""


class BadDatabaseURL(StoreError):
    """The ``--db`` value is neither a usable path nor a SQLAlchemy URL."""


class NotFound(StoreError):
    """No article or story has the requested id."""


class ModelError(NutgrafError):
    """A language model package is missing or is not the exact model Nutgraf was tested with."""


class ConfigError(NutgrafError):
    """An invalid setting or option value."""


class FetchError(InputError):
    """A URL that cannot be fetched: network error, HTTP error status, oversized or bad response.

    ``status`` is the HTTP status when there was one; ``retry_after`` the seconds a 429/503 asked
    us to wait, so a poller can back off exactly as long as the server asked."""

    def __init__(self, message: str, *, status: int | None = None, retry_after: float | None = None):
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after


class FetchRefused(FetchError):
    """Refused by policy before any byte is read: scheme, private address, robots.txt."""


class FetchTimeout(FetchError):
    """The server did not answer, or did not finish answering, in time."""


class FeedError(InputError):
    """Fetched bytes that are not a readable feed or sitemap (broken XML, an HTML page, ...)."""


class LLMError(ModelError):
    """The optional LLM endpoint could not be reached, or its answer broke the digest's rules
    (no citation, an unknown article id): callers fall back to the extractive digest."""
