"""Readers for local inputs: files, directories (recursively), gzip, JSON/JSONL records and stdin.

Readers only find and decode documents; they yield :class:`RawDocument` for each one and a
:class:`Failure` for each input that cannot be read, so one bad file never stops a batch.

Only regular files are opened: a named pipe, a device or a socket could block a read forever or
never end, so each is reported and skipped. Symbolic links are followed, a folder or file reached
twice through links is read once, and a dangling link or a link loop is reported.
"""

from __future__ import annotations

import errno
import gzip
import io
import json
import os
import re
import stat
import sys
import zlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from nutgraf.clean.decode import decode_bytes, sniff_binary
from nutgraf.clean.text import parse_dateline
from nutgraf.errors import EmptyInput, InputError, MalformedRecord, SourceNotFound, UnsupportedInput
from nutgraf.lang import every
from nutgraf.model import Failure, RawDocument

__all__ = ["MAX_DOCUMENT_BYTES", "OnSkip", "iter_documents", "read_bytes", "records_from_json"]

MAX_DOCUMENT_BYTES = 16 * 1024 * 1024
"""One article (a page, a text file, a JSON record) larger than this is refused: the largest real
news page in the trafilatura evaluation set is under 2 MB; 16 MB leaves room and stops runaway inputs."""

MAX_JSONL_LINE_BYTES = MAX_DOCUMENT_BYTES

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
JSON_SUFFIXES = frozenset({".json"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES

_RECORD_TEXT_FIELDS = ("text", "html")

OnSkip = Callable[[str, str], None]
"""Told ``(path, reason)`` for each file a folder walk passes over because of its type."""


def skip_reason(name: str) -> str:
    """Why a file found in a folder is not read: its type, told by its name ("report.pdf")."""
    lowered = name.lower()
    inner = lowered.removesuffix(".gz")
    suffix = Path(inner).suffix
    what = (" " + suffix + (".gz" if inner != lowered else "")) if suffix else ": no extension"
    return (
        f"unsupported file type{what}; Nutgraf reads .txt, .md, .html, .json and .jsonl, optionally gzipped"
    )


def _kind_of(name: str) -> tuple[str | None, bool]:
    """(kind, gzipped) for a file name: kind is text, html, json, jsonl or None."""
    lowered = name.lower()
    gzipped = lowered.endswith(".gz")
    if gzipped:
        lowered = lowered[:-3]
    suffix = Path(lowered).suffix
    for kind, suffixes in (
        ("text", TEXT_SUFFIXES),
        ("html", HTML_SUFFIXES),
        ("json", JSON_SUFFIXES),
        ("jsonl", JSONL_SUFFIXES),
    ):
        if suffix in suffixes:
            return kind, gzipped
    return None, gzipped


def _sniff_kind(data: bytes) -> str:
    head = data[:2048].lstrip().lower()
    if head.startswith((b"{", b"[")):
        return "jsonl" if head.startswith(b"{") else "json"
    if head.startswith((b"<!doctype html", b"<html", b"<?xml", b"<head", b"<body", b"<meta", b"<div", b"<p")):
        return "html"
    return "text"


def _read_capped(stream: BinaryIO, what: str) -> bytes:
    data = stream.read(MAX_DOCUMENT_BYTES + 1)
    if len(data) > MAX_DOCUMENT_BYTES:
        raise InputError(
            f"{what} is larger than the {MAX_DOCUMENT_BYTES // (1024 * 1024)} MB limit for one article"
        )
    return data


_SPECIAL_FILES = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _special_file_reason(mode: int) -> str:
    what = next((name for test, name in _SPECIAL_FILES if test(mode)), "a special file")
    reason = f"skipped: {what}, not a regular file (reading it could block or never end)"
    if stat.S_ISFIFO(mode) or stat.S_ISCHR(mode):
        reason += "; to read from a pipe, pass - for standard input"
    return reason


def _open_regular(path: Path) -> BinaryIO:
    """``path`` opened for reading, refusing anything but a regular file without blocking on it:
    opening a FIFO without O_NONBLOCK waits for a writer forever."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise UnsupportedInput(_special_file_reason(mode))
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_bytes(path: Path, gzipped: bool) -> bytes:
    """A file's bytes, decompressed when gzipped, refusing anything over the size limit."""
    try:
        with _open_regular(path) as raw:
            if not gzipped:
                return _read_capped(raw, "file")
            with gzip.GzipFile(fileobj=raw) as unzipped:
                return _read_capped(unzipped, "decompressed file")
    except (OSError, EOFError, zlib.error) as exc:
        if isinstance(exc, FileNotFoundError):
            raise SourceNotFound(f"no such file: {path}") from exc
        raise InputError(f"cannot read: {exc}") from exc


def _parse_published(value: object) -> datetime | None:
    if value in (None, ""):
        return None
    if isinstance(value, int | float):
        try:
            return datetime.fromtimestamp(value)
        except (OverflowError, OSError, ValueError):
            return None
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return parse_dateline(text)


def _string(record: dict, key: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def document_from_record(
    record: object,
    origin: str,
    default_source_key: str,
    default_outlet: str | None = None,
    folder_outlet: str | None = None,
) -> RawDocument:
    """A raw document from one JSON record (``id``, ``url``, ``title``, ``text``/``html``, ``published``,
    ``source`` or ``outlet``, ``language``, ``author``); raises :class:`MalformedRecord`. The record's
    own outlet wins over ``default_outlet`` (``--outlet``), which a record naming none gets. A record that says its
    title is a stand-in (``"title_derived": true``, as ``nutgraf export`` writes for an article that
    had no headline) is read without it, so it is titled by its first sentence again and does not
    pass for a real headline."""
    if not isinstance(record, dict):
        raise MalformedRecord(f"a record must be a JSON object, not {type(record).__name__}")
    kind = next(
        (k for k in _RECORD_TEXT_FIELDS if isinstance(record.get(k), str) and record[k].strip()), None
    )
    if kind is None:
        raise MalformedRecord("record has no 'text' or 'html'")
    content = record[kind]
    if len(content.encode("utf-8", "surrogatepass")) > MAX_DOCUMENT_BYTES:
        raise InputError("record is larger than the limit for one article")
    named = _string(record, "source") or _string(record, "outlet")
    outlet = named or default_outlet
    return RawDocument(
        origin=origin,
        content=content,
        kind="html" if kind == "html" else "text",
        source_key=named or default_source_key,
        url=_string(record, "url"),
        title=None if record.get("title_derived") is True else _string(record, "title"),
        published=_parse_published(record.get("published")),
        outlet=outlet,
        language=_string(record, "language"),
        external_id=_string(record, "id"),
        author=_string(record, "author"),
        folder_outlet=folder_outlet,
    )


def records_from_json(
    data: bytes,
    origin: str,
    source_key: str,
    outlet: str | None = None,
    folder_outlet: str | None = None,
) -> Iterator[RawDocument | Failure]:
    """Documents of a ``.json`` file: one object, an array of objects, or (leniently) JSON lines."""
    text = decode_bytes(data)
    try:
        parsed = json.loads(text)
    except json.JSONDecodeError:
        yield from _records_from_lines(
            io.BytesIO(text.encode("utf-8")), origin, source_key, outlet, folder_outlet
        )
        return
    records = parsed if isinstance(parsed, list) else [parsed]
    for number, record in enumerate(records, start=1):
        where = f"{origin}#{number}" if isinstance(parsed, list) else origin
        try:
            yield document_from_record(record, where, source_key, outlet, folder_outlet)
        except InputError as exc:
            yield Failure(where, str(exc), type(exc).__name__)


def _records_from_lines(
    stream: BinaryIO,
    origin: str,
    source_key: str,
    outlet: str | None = None,
    folder_outlet: str | None = None,
) -> Iterator[RawDocument | Failure]:
    seen_any = False
    for number, line in enumerate(_capped_lines(stream), start=1):
        where = f"{origin}#L{number}"
        if line is None:
            yield Failure(where, "line is larger than the limit for one article", "InputError")
            continue
        if not line.strip():
            continue
        seen_any = True
        try:
            try:
                record = json.loads(line)
            except (json.JSONDecodeError, UnicodeDecodeError):
                record = json.loads(decode_bytes(line))
        except json.JSONDecodeError as exc:
            yield Failure(where, f"invalid JSON: {exc.msg} at column {exc.colno}", "MalformedRecord")
            continue
        except InputError as exc:
            yield Failure(where, str(exc), type(exc).__name__)
            continue
        try:
            yield document_from_record(record, where, source_key, outlet, folder_outlet)
        except InputError as exc:
            yield Failure(where, str(exc), type(exc).__name__)
    if not seen_any:
        yield Failure(origin, "empty input (no JSON records)", "EmptyInput")


def _capped_lines(stream: BinaryIO) -> Iterator[bytes | None]:
    """Lines of a stream; a line over the size limit is skipped whole and yielded as None."""
    while True:
        line = stream.readline(MAX_JSONL_LINE_BYTES + 1)
        if not line:
            return
        if len(line) > MAX_JSONL_LINE_BYTES and not line.endswith(b"\n"):
            while True:  # discard the rest of the oversized line
                rest = stream.readline(MAX_JSONL_LINE_BYTES)
                if not rest or rest.endswith(b"\n"):
                    break
            yield None
            continue
        yield line


def _document_from_bytes(
    data: bytes,
    kind: str,
    origin: str,
    source_key: str,
    outlet: str | None,
    folder_outlet: str | None = None,
) -> Iterator[RawDocument | Failure]:
    if kind == "json":
        yield from records_from_json(data, origin, source_key, outlet, folder_outlet)
        return
    if kind == "jsonl":
        if not data.strip():
            raise EmptyInput("empty input (no bytes or only whitespace)")
        binary = sniff_binary(data)
        if binary:
            raise InputError(f"not text: looks like {binary}")
        yield from _records_from_lines(io.BytesIO(data), origin, source_key, outlet, folder_outlet)
        return
    text = decode_bytes(data, html=kind == "html")
    yield RawDocument(
        origin=origin,
        content=text,
        kind="html" if kind == "html" else "text",
        source_key=source_key,
        outlet=outlet,
        folder_outlet=folder_outlet,
    )


def _file_documents(
    path: Path,
    outlet: str | None,
    explicit: bool,
    on_skip: OnSkip | None = None,
    folder_outlet: str | None = None,
) -> Iterator[RawDocument | Failure]:
    kind, gzipped = _kind_of(path.name)
    origin = str(path)
    source_key = outlet or str(path.parent.resolve())
    try:
        if kind == "jsonl":
            yield from _jsonl_file(path, gzipped, origin, source_key, outlet, folder_outlet)
            return
        if kind is None and not explicit:
            if on_skip is not None:
                on_skip(origin, skip_reason(path.name))
            return
        data = read_bytes(path, gzipped)
        if kind is None:
            binary = sniff_binary(data)
            if binary:
                raise UnsupportedInput(f"not a text, HTML or JSON file: looks like {binary}")
            kind = _sniff_kind(data)
        yield from _document_from_bytes(data, kind, origin, source_key, outlet, folder_outlet)
    except InputError as exc:
        yield Failure(origin, str(exc), type(exc).__name__)


def _jsonl_file(
    path: Path,
    gzipped: bool,
    origin: str,
    source_key: str,
    outlet: str | None = None,
    folder_outlet: str | None = None,
) -> Iterator[RawDocument | Failure]:
    """JSON lines are streamed, so a file of a million records never sits in memory."""
    try:
        with _open_regular(path) as raw:
            head = raw.read(4096)
            raw.seek(0)
            if not gzipped:
                binary = sniff_binary(head)
                if binary:
                    raise InputError(f"not text: looks like {binary}")
                if not head.strip():
                    raise EmptyInput("empty input (no bytes or only whitespace)")
            stream: BinaryIO = gzip.GzipFile(fileobj=raw) if gzipped else raw
            yield from _records_from_lines(stream, origin, source_key, outlet, folder_outlet)
    except FileNotFoundError as exc:
        raise SourceNotFound(f"no such file: {path}") from exc
    except (OSError, EOFError, zlib.error) as exc:
        yield Failure(origin, f"cannot read: {exc}", "InputError")


def _link_failure(path: Path, exc: OSError) -> Failure:
    """A Failure for a path whose target cannot be reached: a dangling link, a loop, no access."""
    if path.is_symlink():
        try:
            target = os.readlink(path)
        except OSError:
            target = "?"
        if exc.errno == errno.ELOOP:
            return Failure(
                str(path), f"symbolic link loop: {target} leads back to itself", "UnsupportedInput"
            )
        if isinstance(exc, FileNotFoundError | NotADirectoryError):
            return Failure(
                str(path), f"dangling symbolic link: its target {target} does not exist", "SourceNotFound"
            )
    if isinstance(exc, FileNotFoundError):
        return Failure(str(path), "no such file or directory", "SourceNotFound")
    return Failure(str(path), f"cannot read: {exc.strerror or exc}", "InputError")


_Ancestors = frozenset[tuple[int, int]]


def _walk(directory: Path, top: os.stat_result) -> Iterator[Path | Failure]:
    """Regular files under a directory in a stable order (depth first, by name), skipping hidden
    files and folders, and a :class:`Failure` for every entry that cannot be read.

    Links are followed, each folder and file (device and inode) is read once, and a link to a
    folder that holds it is reported as a loop. Linked folders are walked after the real ones, so
    a folder both present and linked is read where it is (with ``folder_outlets`` its name may stand for the outlet).
    The walk keeps its own stack, so no folder depth can exhaust Python's recursion limit."""
    seen_dirs = {(top.st_dev, top.st_ino)}
    seen_files: set[tuple[int, int]] = set()
    linked: deque[tuple[Path, tuple[int, int], _Ancestors]] = deque()
    # per level: the folder, its entries still to visit (None: not listed yet), the folders above it
    stack: list[tuple[Path, Iterator[str] | None, _Ancestors]] = [(directory, None, frozenset(seen_dirs))]
    while stack or linked:
        if not stack:
            path, key, ancestors = linked.popleft()
            if key not in seen_dirs:
                seen_dirs.add(key)
                stack.append((path, None, ancestors | {key}))
            continue
        folder, entries, ancestors = stack.pop()
        if entries is None:
            try:
                with os.scandir(folder) as scan:
                    entries = iter(sorted(entry.name for entry in scan if not entry.name.startswith(".")))
            except OSError as exc:
                yield Failure(str(folder), f"cannot read folder: {exc.strerror or exc}", "InputError")
                continue
        name = next(entries, None)
        if name is None:
            continue
        stack.append((folder, entries, ancestors))
        path = folder / name
        try:
            info = path.stat()
        except OSError as exc:
            yield _link_failure(path, exc)
            continue
        key = (info.st_dev, info.st_ino)
        if stat.S_ISDIR(info.st_mode):
            if key in ancestors:
                target = os.readlink(path) if path.is_symlink() else "this folder (a bind mount?)"
                yield Failure(
                    str(path), f"symbolic link loop: {target} is a folder above this link", "UnsupportedInput"
                )
            elif path.is_symlink():
                linked.append((path, key, ancestors))
            elif key not in seen_dirs:
                seen_dirs.add(key)
                stack.append((path, None, ancestors | {key}))
        elif stat.S_ISREG(info.st_mode):
            if key not in seen_files:
                seen_files.add(key)
                yield path
        else:
            yield Failure(str(path), _special_file_reason(info.st_mode), "UnsupportedInput")


def iter_documents(
    paths: Iterable[str | Path],
    *,
    outlet: str | None = None,
    stdin: BinaryIO | None = None,
    on_skip: OnSkip | None = None,
    folder_outlets: bool = False,
) -> Iterator[RawDocument | Failure]:
    """Every document found under ``paths`` (files, directories, ``-`` for stdin), in order.

    ``outlet`` is the outlet of every document that names none itself. A folder's name is never an
    outlet, unless ``folder_outlets``: then each folder directly under a folder given names the
    outlet of the files inside it (``humanize_folder``), for the documents whose own metadata
    names none (nutgraf.ingest.outlets).

    Files of unknown type inside directories are passed over, each told to ``on_skip`` with the
    reason (hidden files and folders are passed over silently); a file named explicitly is read
    by its content. Nothing here raises for a bad input: it becomes a :class:`Failure`.
    """
    for given in paths:
        if str(given) == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            try:
                data = _read_capped(stream, "standard input")
                yield from _document_from_bytes(
                    data, _sniff_kind(data), "<stdin>", outlet or "<stdin>", outlet
                )
            except InputError as exc:
                yield Failure("<stdin>", str(exc), type(exc).__name__)
            continue
        path = Path(given)
        try:
            info = path.stat()
        except OSError as exc:
            yield _link_failure(path, exc)
            continue
        if stat.S_ISDIR(info.st_mode):
            for found in _walk(path, info):
                if isinstance(found, Failure):
                    yield found
                else:
                    named = _outlet_folder(path, found) if folder_outlets else None
                    yield from _file_documents(
                        found, outlet, explicit=False, on_skip=on_skip, folder_outlet=named
                    )
        elif stat.S_ISREG(info.st_mode):
            yield from _file_documents(path, outlet, explicit=True)
        else:
            yield Failure(str(path), _special_file_reason(info.st_mode), "UnsupportedInput")


def _outlet_folder(top: Path, found: Path) -> str | None:
    """The outlet named by the folder directly under ``top`` that holds ``found`` (None for a file
    directly in ``top``)."""
    try:
        parts = found.relative_to(top).parts
    except ValueError:
        return None
    return (humanize_folder(parts[0]) or None) if len(parts) > 1 else None


def humanize_folder(name: str) -> str:
    """Outlet name from a folder name: "northgate-herald" -> "Northgate Herald",
    "courrier-de-l-estuaire" -> "Courrier de l'Estuaire". A name that has capitals is kept as
    written; in a lower-case slug every word gets a capital but the particles of names after the
    first ("de", "du", "van": every language's ``NAME_PARTICLES``), and a letter that a language
    elides onto a next word that opens with a vowel ("l", "d": ``ELISIONS``) is written onto it
    again."""
    words = [w for w in re.split(r"[-_\s]+", name.strip()) if w]
    if " ".join(words) != " ".join(words).lower():
        return " ".join(words)
    particles, elisions = set(every("NAME_PARTICLES")), set(every("ELISIONS"))
    out: list[str] = []
    elided = ""
    for number, word in enumerate(words):
        if f"{word}'" in elisions and number + 1 < len(words) and words[number + 1][:1] in "aeiouhéèêàâîôû":
            elided = f"{word if number else word.upper()}'"
            continue
        shown = word if number and word in particles else word[:1].upper() + word[1:]
        out.append(elided + shown)
        elided = ""
    return " ".join(out)
