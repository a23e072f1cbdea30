"""The ``nutgraf`` command: parse, call the library, format. Nothing here knows how news works."""

from __future__ import annotations

import functools
import json
import os
import re
import sys
import time
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal, NoReturn, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from sqlalchemy.exc import SQLAlchemyError
from typer.core import TyperGroup

from nutgraf import __version__
from nutgraf.errors import BadDatabaseURL, ConfigError, NotFound, NutgrafError
from nutgraf.export import article_record
from nutgraf.ingest import iter_documents
from nutgraf.ingest.sanitize import terminal_safe, terminal_safe_json
from nutgraf.lang import SUPPORTED
from nutgraf.model import MAX_ID, IngestReport, to_dict
from nutgraf.pipeline import IngestOptions, ingest
from nutgraf.store import Store, database_reason, open_store
from nutgraf.stories import story_view
from nutgraf.summarize import summarize

try:  # Typer 0.2x carries its own copy of Click
    from typer._click import exceptions as _click_errors
except ImportError:  # pragma: no cover - an older Typer on Click itself
    from click import exceptions as _click_errors  # type: ignore[no-redef]

_CODES = ", ".join(SUPPORTED)
"""The languages Nutgraf reads fully, for the options' help."""

LanguageCode = Literal[SUPPORTED]  # type: ignore[valid-type]
"""A ``--lang``/``--language`` value: one of nutgraf.lang.SUPPORTED, shown as choices in --help
and refused otherwise (in any case: "FR" is "fr")."""

__all__ = ["app", "main"]

DEMO_DB = "nutgraf-demo.db"

_OUT_OF_RANGE = re.compile(r"Input should be (?:greater|less) than(?: or equal to)? \S+")
"""Typer's (Pydantic's) words for a number outside an option's min/max."""


def _usage_message(exc: Exception) -> str:
    """A usage mistake's message on one line, naming what is valid: the bounds of a number (from
    the option's min/max), the choices of a choice."""
    message = " ".join(exc.format_message().split())  # type: ignore[attr-defined]
    param = getattr(exc, "param", None)
    low, high = getattr(param, "min", None), getattr(param, "max", None)
    if (low is not None or high is not None) and _OUT_OF_RANGE.search(message):
        if low is not None and high is not None:
            bounds = f"from {low} to {high}"
        else:
            bounds = f"at least {low}" if low is not None else f"at most {high}"
        message = _OUT_OF_RANGE.sub(f"must be {bounds}", message)
    message = message.replace("Value error, ", "").rstrip(".")
    return message[:1].lower() + message[1:]


class _Commands(TyperGroup):
    """The ``nutgraf`` command group. A usage mistake (an unknown option, a number out of its
    range, a value not among its choices) ends like every other error: one line on stderr,
    ``error: ...`` naming what is valid and where the help is, and exit status 2."""

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **kwargs)
        try:
            result = super().main(*args, standalone_mode=False, **kwargs)
        except _click_errors.ClickException as exc:
            _usage_error(exc)
        except typer.Abort:
            _console(stderr=True).print("aborted")
            sys.exit(1)
        sys.exit(result if isinstance(result, int) else 0)


def _usage_error(exc: Exception) -> NoReturn:
    code = getattr(exc, "exit_code", 2)
    no_args_help = getattr(_click_errors, "NoArgsIsHelpError", None)
    if no_args_help is not None and isinstance(exc, no_args_help):  # the help was asked for
        if exc.format_message().strip():  # type: ignore[attr-defined]
            exc.show()  # type: ignore[attr-defined]
        sys.exit(code)
    ctx = getattr(exc, "ctx", None)
    hint = f" (see {ctx.command_path} --help)" if ctx is not None else ""
    _console(stderr=True).print(f"[red]error:[/red] {_safe(_usage_message(exc) + hint)}")
    sys.exit(code)


app = typer.Typer(
    name="nutgraf",
    cls=_Commands,
    help=f"Nutgraf: clean, understand, group and summarize news articles ({_CODES}).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

DbOption = Annotated[
    str | None,
    typer.Option("--db", envvar="NUTGRAF_DB", help="SQLite path or SQLAlchemy URL (default: ./nutgraf.db)."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Machine-readable JSON output.")]
PortOption = Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to serve on.")]
AllowPrivateOption = Annotated[
    bool,
    typer.Option(
        "--allow-private", help="Allow URLs on loopback, private and link-local addresses (your own network)."
    ),
]

F = TypeVar("F", bound=Callable[..., Any])


def _console(stderr: bool = False) -> Console:
    """Rich console; lines are never hard-wrapped, so piped output and errors stay one line each."""
    return Console(stderr=stderr, highlight=False, soft_wrap=True)


def _safe(value: object) -> str:
    """Untrusted text (an article's, a feed's, a file name, an error that quotes one) ready for a
    rich markup string: nothing a terminal acts on (nutgraf.ingest.sanitize.terminal_safe), and
    its square brackets printed as they are rather than read as markup."""
    return escape(terminal_safe(str(value)))


def _dumps(value: Any, indent: int | None = None) -> str:
    """JSON for stdout: non-ASCII kept readable, and nothing a terminal acts on left unescaped."""
    return terminal_safe_json(json.dumps(value, ensure_ascii=False, indent=indent))


def handles_errors(command: F) -> F:
    """User mistakes end as one line on stderr and a non-zero exit, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except NutgrafError as exc:
            _console(stderr=True).print(f"[red]error:[/red] {_safe(str(exc))}")
            raise typer.Exit(2 if isinstance(exc, ConfigError) else 1) from None
        except SQLAlchemyError as exc:  # one the store did not translate: its words, no help link
            _console(stderr=True).print(f"[red]error:[/red] database error: {_safe(database_reason(exc))}")
            raise typer.Exit(1) from None

    return wrapper  # type: ignore[return-value]


def _story_views(store: Store, limit: int | None = None, language: str | None = None) -> list[dict[str, Any]]:
    from nutgraf.summarize.llm import LLMSettings

    llm = LLMSettings.from_env()  # the optional LLM digest: off unless NUTGRAF_LLM_URL is set
    from nutgraf.store.views import articles_of_stories

    stories = store.list_stories(limit=limit)
    articles = articles_of_stories(store, [story.id for story in stories])  # one query for all
    return [story_view(story, articles[story.id], language=language, llm=llm) for story in stories]


def default_workers() -> int:
    """One process per core, at most four (NER scales no further on a laptop)."""
    return max(1, min(4, os.cpu_count() or 1))


def _run_ingest(
    paths: list[str],
    store: Store,
    outlet: str | None,
    quiet: bool,
    workers: int = 1,
    allow_private: bool = False,
    dask: str | None = None,
    skipped: list[dict[str, str]] | None = None,
    folder_outlets: bool = False,
) -> IngestReport:
    """Ingest ``paths``; the files a folder holds that are not read are appended to ``skipped``
    (``{"origin", "reason"}``) as they are met."""
    err = _console(stderr=True)

    def on_skip(origin: str, reason: str) -> None:
        if skipped is not None:
            skipped.append({"origin": origin, "reason": reason})

    documents = _input_documents(paths, outlet, allow_private, on_skip, folder_outlets)
    options = IngestOptions(workers=workers, dask=dask)
    if quiet or not err.is_terminal:
        return ingest(documents, store, options=options)
    with Progress(
        SpinnerColumn(),
        TextColumn("[bold]ingesting"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[current]}"),
        console=err,
        transient=True,
    ) as bar:
        task = bar.add_task("ingest", total=None, current="")

        def advance(origin: str) -> None:
            bar.update(task, advance=1, current=_safe(Path(origin).name[:40]))

        return ingest(documents, store, options=options, progress=advance)


def _input_documents(
    paths: list[str],
    outlet: str | None,
    allow_private: bool,
    on_skip: Callable[[str, str], None],
    folder_outlets: bool = False,
):
    """Files as before; URLs (http, https) are fetched safely (nutgraf.ingest.web)."""
    from nutgraf.ingest.web import FetchPolicy, is_url, iter_inputs

    if not any(is_url(path) for path in paths):
        return iter_documents(paths, outlet=outlet, on_skip=on_skip, folder_outlets=folder_outlets)
    return iter_inputs(
        paths,
        FetchPolicy(allow_private=allow_private),
        outlet=outlet,
        on_skip=on_skip,
        folder_outlets=folder_outlets,
    )


def _print_report(
    report: IngestReport,
    as_json: bool,
    seconds: float,
    skipped: list[dict[str, str]] | None = None,
    quiet: bool = False,
) -> None:
    """The ingest report: with ``--json`` one JSON object on stdout; else the failed inputs,
    the skipped files and the warnings on stderr, then the summary line on stdout. Quiet
    (``-q``) keeps only the failed inputs."""
    skipped = skipped or []
    if as_json:
        payload = {
            "new": report.new,
            "duplicates": report.duplicates,
            "failed": report.failed,
            "failures": [to_dict(f) for f in report.failures],
            "skipped": skipped,
            "warnings": [to_dict(w) for w in report.warnings],
            "article_ids": report.article_ids,
            "seconds": round(seconds, 3),
        }
        typer.echo(_dumps(payload))
        return
    err = _console(stderr=True)
    for failure in report.failures:
        err.print(f"[yellow]failed:[/yellow] {_safe(failure.origin)}: {_safe(failure.reason)}")
    if quiet:
        return
    for skip in skipped:
        err.print(f"[dim]skipped[/dim] {_safe(skip['origin'])}: {_safe(skip['reason'])}")
    for warning in report.warnings:
        err.print(f"[yellow]warning:[/yellow] {_safe(warning.origin)}: {_safe(warning.reason)}")
    line = report.summary_line() + (f", {len(skipped)} skipped" if skipped else "")
    _console().print(f"{line} ({seconds:.1f}s)")


@app.command("ingest")
@handles_errors
def ingest_command(
    paths: Annotated[
        list[str], typer.Argument(help="Files, folders (recursively), - for stdin, or http(s) URLs of pages.")
    ],
    db: DbOption = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet name for inputs that do not name one.")] = None,
    folder_outlets: Annotated[
        bool,
        typer.Option(
            "--folder-outlets",
            help="Each folder directly under a folder given is one outlet, named after the folder "
            '("northgate-herald" -> "Northgate Herald"), for files that name none.',
        ),
    ] = False,
    allow_private: AllowPrivateOption = False,
    workers: Annotated[
        int, typer.Option(min=0, max=64, help="Processes for NER and analysis (0: one per core, up to 4).")
    ] = 0,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet",
            "-q",
            help="Print only errors and the inputs that failed (no progress, summary, skipped "
            "files or warnings); with --json the report is still printed.",
        ),
    ] = False,
    as_json: JsonOption = False,
    dask: Annotated[
        str | None,
        typer.Option(
            "--dask",
            metavar="SCHEDULER",
            help="Run the per-article stages on this Dask cluster (docs/scale.md).",
        ),
    ] = None,
) -> None:
    """Read articles (.txt, .html, .json, .jsonl, optionally .gz, or web pages by URL) into the store."""
    started = time.perf_counter()
    skipped: list[dict[str, str]] = []
    with open_store(db) as store:
        report = _run_ingest(
            paths,
            store,
            outlet,
            quiet or as_json,
            workers or default_workers(),
            allow_private=allow_private,
            dask=dask,
            skipped=skipped,
            folder_outlets=folder_outlets,
        )
    _print_report(report, as_json, time.perf_counter() - started, skipped, quiet=quiet)
    if report.read == 0:
        if quiet and not as_json and not report.failures:  # else the failed lines say why
            why = f": {len(skipped)} file(s) skipped for their type" if skipped else ": no input files found"
            _console(stderr=True).print(f"[red]error:[/red] nothing was read{why}")
        raise typer.Exit(1)


@app.command("export")
@handles_errors
def export_command(db: DbOption = None) -> None:
    """Every article as one JSON object per line."""
    with open_store(db, create=False) as store:
        for article in store.iter_articles():
            sys.stdout.write(_dumps(article_record(article)) + "\n")


@app.command("stories")
@handles_errors
def stories_command(
    db: DbOption = None,
    limit: Annotated[int | None, typer.Option(min=1, help="Show at most this many stories.")] = None,
    lang: Annotated[
        LanguageCode | None,
        typer.Option("--lang", case_sensitive=False, help="Preferred reading language."),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Stories, newest first."""
    with open_store(db, create=False) as store:
        views = _story_views(store, limit, lang)
    if as_json:
        typer.echo(_dumps(views, indent=1))
        return
    _print_digest(views)


def _print_digest(views: list[dict[str, Any]]) -> None:
    console = _console()
    if not views:
        console.print("No stories yet: ingest some articles first (nutgraf ingest PATH).")
        return
    for view in views:
        outlets = ", ".join(view["outlets"]) or "unknown outlet"
        if view.get("also_carried_by"):
            outlets += f" (also carried by {', '.join(view['also_carried_by'])})"
        when = (view["last_published"] or "")[:10]
        console.print(
            f"[bold]{_safe(view['title'])}[/bold]\n"
            f"[dim]story {view['id']} · {len(view['article_ids'])} article(s) · "
            f"{_safe('/'.join(view['languages']))} · {_safe(outlets)}{' · ' + when if when else ''}[/dim]"
        )
        for warning in view.get("summary_warnings", []):
            _console(stderr=True).print(f"[yellow]warning:[/yellow] {_safe(warning)}")
        for sentence in view["summary"]:
            cited = sentence.get("outlet") or f"article {sentence['article_id']}"
            console.print(f"  • {_safe(sentence['text'])} [dim]({_safe(cited)})[/dim]")
        for disagreement in view.get("disagreements", []):
            sides = " vs ".join(
                f"{side['stated']} ({', '.join(side['outlets']) or _articles_named(side['article_ids'])})"
                for side in disagreement["sides"]
            )
            console.print(
                f"  [yellow]sources disagree on {_safe(disagreement['label'])}:[/yellow] {_safe(sides)}"
            )
            for claim in disagreement["claims"]:
                cited = claim["outlet"] or f"article {claim['article_id']}"
                console.print(f"    [dim]{_safe(cited)}:[/dim] {_safe(claim['sentence'] or claim['stated'])}")
        console.print()


def _articles_named(article_ids: list[int]) -> str:
    return ", ".join(f"article {article_id}" for article_id in article_ids)


def _parse_show_id(value: str, story: bool) -> tuple[str, int]:
    lowered = value.strip().lower()
    kind = "story" if story else "article"
    for prefix, name in (("story:", "story"), ("s", "story"), ("article:", "article"), ("a", "article")):
        if lowered.startswith(prefix) and lowered[len(prefix) :].isdigit():
            kind, lowered = name, lowered[len(prefix) :]
            break
    if not (lowered.isascii() and lowered.isdigit()):  # "²" and "٣" are digits to isdigit alone
        raise ConfigError(f"not an id: {value!r} (use 12 or a12 for an article, s3 for a story)")
    if len(lowered) > len(str(MAX_ID)) or int(lowered) > MAX_ID:
        raise NotFound(f"no {kind} with id {lowered}")
    return kind, int(lowered)


@app.command("show")
@handles_errors
def show_command(
    item: Annotated[str, typer.Argument(metavar="ID", help="Article id (12 or a12) or story id (s3).")],
    story: Annotated[bool, typer.Option("--story", help="Treat ID as a story id.")] = False,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """One article or story."""
    kind, number = _parse_show_id(item, story)
    with open_store(db, create=False) as store:
        if kind == "story":
            found = store.get_story(number)
            from nutgraf.summarize.llm import LLMSettings

            payload = story_view(found, store.articles_of_story(number), llm=LLMSettings.from_env())
        else:
            payload = article_record(store.get_article(number))
    if as_json:
        typer.echo(_dumps(payload, indent=1))
        return
    console = _console()
    if kind == "story":
        _print_digest([payload])
        for article in payload["articles"]:
            console.print(
                f"  a{article['id']} {_safe('[' + str(article['language']) + ']')} {_safe(article['outlet'] or '')}: "
                f"{_safe(article['title'])}"
            )
        return
    meta = " · ".join(str(x) for x in (payload["outlet"], payload["language"], payload["published"]) if x)
    console.print(
        f"[bold]{_safe(payload['title'])}[/bold]\n[dim]{_safe(meta)} · story s{payload['story_id']}[/dim]\n"
    )
    if payload["summary"]:
        console.print("[bold]Summary[/bold]")
        for sentence in payload["summary"]:
            console.print(f"  • {_safe(sentence)}")
        console.print()
    console.print(_safe(payload["text"]))


@app.command("summarize")
@handles_errors
def summarize_command(
    path: Annotated[str, typer.Argument(help="A text or HTML file, an http(s) URL, or - for stdin.")],
    sentences: Annotated[int, typer.Option("--sentences", "-n", min=1, max=20)] = 3,
    language: Annotated[
        LanguageCode | None,
        typer.Option("--language", case_sensitive=False, help="The article's language (skips detection)."),
    ] = None,
    allow_private: AllowPrivateOption = False,
    as_json: JsonOption = False,
) -> None:
    """Summarise one article without storing it."""
    from nutgraf.clean import decode_bytes
    from nutgraf.errors import SourceNotFound
    from nutgraf.ingest.web import FetchPolicy, fetch, is_url, make_client

    if path == "-":
        data = sys.stdin.buffer.read()
    elif is_url(path):
        policy = FetchPolicy(allow_private=allow_private)
        with make_client(policy) as client:
            data = fetch(client, path, policy).content
    else:
        file = Path(path)
        if not file.is_file():
            raise SourceNotFound(f"no such file: {path}")
        data = file.read_bytes()
    result = summarize(decode_bytes(data, html=True), language=language, sentences=sentences)
    if as_json:
        typer.echo(_dumps({"sentences": result.sentences, "language": result.language}))
        return
    for sentence in result.sentences:
        typer.echo(terminal_safe(sentence))


def sample_corpus() -> Path:
    """The folder of the bundled sample articles (package data)."""
    return Path(str(resources.files("nutgraf") / "samples"))


@app.command("demo")
@handles_errors
def demo_command(
    no_serve: Annotated[bool, typer.Option("--no-serve", help="Print the digest and stop.")] = False,
    db: Annotated[str, typer.Option("--db", help="Demo database (re-created each run).")] = DEMO_DB,
    port: PortOption = 8000,
) -> None:
    """Ingest the bundled sample corpus into a fresh database, print the digest, then serve it."""
    if not no_serve:
        from nutgraf.web import check_port

        check_port("127.0.0.1", port)  # before the ingest, so a busy port fails at once
    path = Path(db)
    if path.is_dir():  # re-created each run: never a folder's contents
        raise BadDatabaseURL(f"{db} is a directory, not a database file")
    for leftover in (path, Path(f"{db}-wal"), Path(f"{db}-shm")):
        if leftover.exists():
            leftover.unlink()
    started = time.perf_counter()
    with open_store(db) as store:
        # the sample corpus keeps each outlet's files in a folder named after it
        report = _run_ingest([str(sample_corpus())], store, None, quiet=False, folder_outlets=True)
        views = _story_views(store)
    seconds = time.perf_counter() - started
    console = _console()
    console.print(
        f"[bold]Nutgraf demo[/bold]: {report.summary_line()} from the sample corpus in {seconds:.1f}s "
        f"→ {len(views)} stories in {db}\n"
    )
    _print_digest(views)
    if not no_serve:
        _serve(db, host="127.0.0.1", port=port, stop_hint="Ctrl+C to stop; --no-serve skips serving")


def _serve(
    db: str | None,
    *,
    host: str,
    port: int,
    allow_hosts: tuple[str, ...] = (),
    base_url: str | None = None,
    stop_hint: str = "Ctrl+C to stop",
) -> None:
    """Print where the app is and serve it until Ctrl+C. ``allow_hosts`` add to
    ``NUTGRAF_ALLOW_HOSTS``; ``base_url`` overrides ``NUTGRAF_BASE_URL``; ``stop_hint`` is
    printed in brackets after the address."""
    from dataclasses import replace

    from nutgraf.web import WebSettings, serve

    settings = WebSettings.from_env(host=host, port=port)
    settings = replace(
        settings,
        allow_hosts=(*settings.allow_hosts, *allow_hosts),
        base_url=base_url or settings.base_url,
    )

    def announce() -> None:
        console = _console()
        console.print(f"Serving Nutgraf at [bold]{_safe(settings.url)}[/bold] ({stop_hint})")
        if settings.public_url != settings.url:
            console.print(f"Links and feed ids point to {_safe(settings.public_url)}")
        if host.strip("[]") in ("0.0.0.0", "::") and "*" not in settings.host_names:
            console.print(
                "[yellow]Other machines must use the --base-url host or a name given with "
                "--allow-host: requests naming another host are refused[/yellow]"
            )
        sys.stdout.flush()

    serve(db, settings, announce=announce)


@app.command("serve")
@handles_errors
def serve_command(
    db: DbOption = None,
    host: Annotated[
        str,
        typer.Option(
            help="Address to listen on. Writes through the API need NUTGRAF_API_TOKEN, or the token "
            "printed at start when it is not set."
        ),
    ] = "127.0.0.1",
    port: PortOption = 8000,
    allow_host: Annotated[
        list[str] | None,
        typer.Option(
            "--allow-host",
            metavar="NAME",
            help="Also answer requests for this host name (repeatable; *.example.org for its "
            "subdomains). The bound address, localhost, 127.0.0.1 and [::1] are always answered. "
            "Also NUTGRAF_ALLOW_HOSTS.",
        ),
    ] = None,
    base_url: Annotated[
        str | None,
        typer.Option(
            "--base-url",
            metavar="URL",
            help="Public address for absolute links and feed ids [default: http://HOST:PORT/]. "
            "Also NUTGRAF_BASE_URL.",
        ),
    ] = None,
) -> None:
    """Serve the web UI, the JSON API (read its docs at /docs) and Atom feeds. Writes through the
    API need a token: NUTGRAF_API_TOKEN, else one made now and printed once."""
    _serve(db, host=host, port=port, allow_hosts=tuple(allow_host or ()), base_url=base_url)


sources_app = typer.Typer(
    help="Feeds and sitemaps that nutgraf watch polls.", no_args_is_help=True, add_completion=False
)
app.add_typer(sources_app, name="sources")


def _source_json(source: Any) -> dict[str, Any]:
    return {
        "id": source.id,
        "url": source.url,
        "name": source.display_name,
        "language": source.language,
        "kind": source.kind,
        "allow_private": source.allow_private,
        "entries": source.entries,
        "last_success": to_dict(source.last_success_at),
        "next_poll": to_dict(source.next_poll_at),
        "failures": source.failures,
        "failing": source.failing,
        "last_error": source.last_error,
    }


@sources_app.command("add")
@handles_errors
def sources_add_command(
    url: Annotated[str, typer.Argument(metavar="FEED_URL", help="RSS/Atom feed or (news) sitemap URL.")],
    name: Annotated[str | None, typer.Option(help="Outlet name (default: the feed's title).")] = None,
    language: Annotated[
        LanguageCode | None,
        typer.Option(case_sensitive=False, help="Language of its articles (default: detected)."),
    ] = None,
    allow_private: AllowPrivateOption = False,
    db: DbOption = None,
) -> None:
    """Add a feed to poll (adding it again updates it and revives it if it was marked failing)."""
    from nutgraf.errors import FetchError, FetchRefused
    from nutgraf.ingest.web import FetchPolicy, check_url
    from nutgraf.store.sources import add_source

    url = url.strip()
    try:
        check_url(url, FetchPolicy(allow_private=allow_private))
    except FetchRefused:
        raise
    except FetchError as exc:
        _console(stderr=True).print(f"[yellow]warning:[/yellow] {_safe(str(exc))}; adding it anyway")
    with open_store(db) as store:
        source, created = add_source(store, url, name=name, language=language, allow_private=allow_private)
    verb = "added" if created else "updated"
    _console().print(f"{verb} source {source.id}: {_safe(source.display_name)} ({_safe(source.url)})")


@sources_app.command("list")
@handles_errors
def sources_list_command(db: DbOption = None, as_json: JsonOption = False) -> None:
    """Sources with their state: entries ingested, last success, errors."""
    from nutgraf.store.sources import list_sources

    with open_store(db) as store:
        sources = list_sources(store)
    if as_json:
        typer.echo(_dumps([_source_json(s) for s in sources], indent=1))
        return
    console = _console()
    if not sources:
        console.print("No sources yet: add one with nutgraf sources add FEED_URL.")
        return
    for source in sources:
        if source.failing:
            state = f"[red]failing[/red] after {source.failures} errors (add it again to retry)"
        elif source.failures:
            state = f"[yellow]{source.failures} error(s)[/yellow], next poll {source.next_poll_at or 'next round'}"
        elif source.last_success_at:
            state = f"ok {source.last_success_at:%Y-%m-%d %H:%M} UTC"
        else:
            state = "not polled yet"
        extra = " · ".join(
            x for x in (source.kind, source.language, "private ok" if source.allow_private else None) if x
        )
        console.print(
            f"{source.id:>3}  [bold]{_safe(source.display_name)}[/bold]  {_safe(source.url)}\n"
            f"     {source.entries} entries · {state}{' · ' + _safe(extra) if extra else ''}"
            + (f"\n     [dim]{_safe(source.last_error)}[/dim]" if source.last_error else "")
        )


@sources_app.command("remove")
@handles_errors
def sources_remove_command(
    source: Annotated[str, typer.Argument(metavar="SOURCE", help="Id, URL or name (see sources list).")],
    db: DbOption = None,
) -> None:
    """Stop polling a source (its articles stay in the store)."""
    from nutgraf.store.sources import remove_source

    with open_store(db, create=False) as store:
        removed = remove_source(store, source)
    _console().print(f"removed source {removed.id}: {_safe(removed.display_name)} (its articles stay)")


@app.command("watch")
@handles_errors
def watch_command(
    interval: Annotated[str, typer.Option(help="Time between polls: 30s, 10m, 1h.")] = "10m",
    once: Annotated[bool, typer.Option("--once", help="Poll every source once and exit.")] = False,
    allow_private: AllowPrivateOption = False,
    workers: Annotated[
        int, typer.Option(min=0, max=64, help="Processes for NER and analysis (0: one per core, up to 4).")
    ] = 0,
    db: DbOption = None,
) -> None:
    """Poll every source, ingest new entries' pages; one line per round. Ctrl-C stops cleanly."""
    import signal
    import threading

    from nutgraf.ingest.watch import Watcher, WatchSettings, format_duration, parse_duration
    from nutgraf.ingest.web import FetchPolicy
    from nutgraf.store.sources import list_sources

    seconds = parse_duration(interval)
    console = _console()
    stop = threading.Event()

    def on_interrupt(_signum: int, _frame: Any) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()
        _console(stderr=True).print("stopping after the batch in flight (Ctrl-C again to abort)")

    with open_store(db) as store:
        count = len(list_sources(store))
        if count == 0:
            raise ConfigError("no sources to watch: add one with nutgraf sources add FEED_URL")
        settings = WatchSettings(interval=seconds, policy=FetchPolicy(allow_private=allow_private))
        settings.ingest.workers = workers or default_workers()
        watcher = Watcher(store, settings, stop=stop)
        in_main = threading.current_thread() is threading.main_thread()
        previous = signal.signal(signal.SIGINT, on_interrupt) if in_main else None
        if not once:
            console.print(
                f"watching {count} source{'s' if count != 1 else ''} every {format_duration(seconds)} "
                f"(Ctrl-C to stop)"
            )
        try:
            rounds = watcher.run(
                rounds=1 if once else None,
                on_round=lambda report: console.print(
                    f"{time.strftime('%H:%M:%S')} {_safe(report.line())}", soft_wrap=True
                ),
            )
        except KeyboardInterrupt:
            _console(stderr=True).print("aborted")
            raise typer.Exit(130) from None
        finally:
            if in_main:
                signal.signal(signal.SIGINT, previous)
    if stop.is_set():
        console.print(f"stopped after {rounds} round{'s' if rounds != 1 else ''}")


@app.command("regroup")
@handles_errors
def regroup_command(
    db: DbOption = None,
    order: Annotated[
        Literal["ingest", "published"],
        typer.Option(
            "--order",
            help="Replay order: 'ingest' (as ingested: the same stories unless settings changed) "
            "or 'published' (by publication date, repairing articles that arrived late).",
        ),
    ] = "ingest",
    recompute: Annotated[
        bool, typer.Option("--recompute", help="Recompute grouping features from the stored articles first.")
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Report what would change; write nothing.")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Regroup all stored articles into stories from scratch (a repair pass; see docs/decisions.md)."""
    from nutgraf.regroup import regroup

    with open_store(db, create=False) as store:
        report = regroup(store, order=order, recompute=recompute, apply=not dry_run)
    if as_json:
        print(json.dumps(report.to_dict()))
    else:
        _console().print(report.summary_line())


db_app = typer.Typer(
    help="The store's schema (Alembic migrations).", no_args_is_help=True, add_completion=False
)
app.add_typer(db_app, name="db")


@db_app.command("upgrade")
@handles_errors
def db_upgrade_command(db: DbOption = None) -> None:
    """Migrate the store to this Nutgraf's schema (creates it when empty; adopts pre-migration stores)."""
    from nutgraf.store.migrate import upgrade

    before, after = upgrade(db)
    if before == after:
        typer.echo(f"already at revision {after}")
    else:
        typer.echo(f"upgraded from {before or 'no revision'} to {after}")


@db_app.command("current")
@handles_errors
def db_current_command(db: DbOption = None) -> None:
    """Print the store's schema revision and this Nutgraf's (head)."""
    from nutgraf.store import database_url, open_engine
    from nutgraf.store.migrate import HEAD_REVISION, current_revision

    engine = open_engine(database_url(db))
    try:
        with engine.connect() as connection:
            revision = current_revision(connection)
    finally:
        engine.dispose()
    typer.echo(f"{revision or 'none'} (head {HEAD_REVISION})")


@db_app.command("check")
@handles_errors
def db_check_command(
    db: DbOption = None,
    repair: Annotated[
        bool, typer.Option("--repair", help="Group the articles in no story and delete empty stories.")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Check that every article is in a story and every story has an article (exit 1 if not)."""
    from nutgraf.pipeline import load_story_index
    from nutgraf.pipeline import repair as repair_store

    with open_store(db, create=False) as store:
        found = store.integrity()
        placed = 0
        if repair and (found["orphans"] or found["empty"]):
            with store.writer_lock():
                placed = repair_store(store, load_story_index(store))
        after = store.integrity() if repair else found
    if as_json:
        typer.echo(json.dumps({"found": found, "repaired": placed, "after": after}))
    else:
        typer.echo(
            f"articles in no story: {len(found['orphans'])}; stories without an article: {len(found['empty'])}"
        )
        if repair:
            typer.echo(
                f"repaired: {placed} placed; now {len(after['orphans'])} in no story, {len(after['empty'])} empty"
            )
    if after["orphans"] or after["empty"]:
        raise typer.Exit(1)


@app.command("version")
def version_command() -> None:
    """Print the version."""
    typer.echo(__version__)


def main() -> None:
    """Console-script entry point."""
    app()
