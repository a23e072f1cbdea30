"""Full-text search over articles: an SQLite FTS5 index with a stemmed column.

The index (``article_search``) is contentless: it keeps only the inverted index, the text stays
in ``articles``. It has three columns: ``title`` and ``body`` (raw words, for numbers, names
and prefixes) and ``terms``, the lexical keys of title and body words (:func:`word_keys`):
Snowball stems by script (Cyrillic words with the Russian stemmer, others with the English one),
plus pymorphy3's dictionary forms of Russian words. A query is keyed the same way, so a Russian
query finds inflected forms ("паромом" finds "паром", "Казани" finds "Казань") whatever the
article's language.

The index is kept in sync explicitly: :func:`index_article` runs inside the transaction that
stores an article, and :func:`ensure_search_index` (called when a store is opened) creates the
table and indexes articles stored before it existed. Snippets are cut and highlighted here from
the stored text, and escaped by us; FTS markup is never trusted.

On PostgreSQL the same function searches a side table ``article_search(article_id, document)``
whose ``tsvector`` joins PostgreSQL's own ``english`` and ``russian`` configurations over title
(weight A) and body, the raw words (``simple``, for numbers and prefixes) and the same lexical
keys as above; a GIN index serves ``@@``, ``ts_rank`` orders. Like the FTS5 table it is a derived
index, created and back-filled by :func:`ensure_search_index` rather than by migrations. Other
databases fall back to case-insensitive substring matching.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape
from sqlalchemy import Connection, Engine, and_, delete, func, insert, or_, select, text
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from nutgraf.errors import ConfigError
from nutgraf.lang import cut_at_word, fold
from nutgraf.lang.keys import WORD as _WORD
from nutgraf.lang.keys import search_terms, terms_of, word_keys
from nutgraf.store.schema import ArticleRow, MetaRow

__all__ = [
    "MAX_QUERY_WORDS",
    "SEARCH_TABLE",
    "SearchHit",
    "SearchResults",
    "ensure_search_index",
    "highlight",
    "index_article",
    "index_articles",
    "search_articles",
    "search_terms",
    "terms_of",
    "word_keys",
]

SEARCH_TABLE = "article_search"

INDEX_VERSION = "2"
"""Bumped whenever :func:`word_keys` changes; a store indexed otherwise is re-indexed on open. 2:
an article's words keyed in its own language (French stems for French articles)."""
INDEX_VERSION_KEY = "search_index_version"

TOKENIZER = "unicode61 remove_diacritics 2"
"""Case- and diacritic-folding (ё = е, é = e) on both the index and the query."""

TITLE_WEIGHT, BODY_WEIGHT, TERMS_WEIGHT = 4.0, 1.0, 1.0
"""bm25 column weights: a word in the headline says more about an article than one in the body;
4x puts a headline match above a passing mention on the sample corpus."""

SNIPPET_WORDS = 36
"""Words in a result snippet: about three lines on a phone."""

SNIPPET_LEAD = 4
"""Words shown before the first match of a snippet."""

MAX_HIGHLIGHT_CHARS = 200_000
"""A snippet is cut and highlighted from the first 200,000 characters of an article's text (about
30,000 words, ten times a long feature; the span summaries and analysis read), and only that much
is loaded from the store per hit: every word of that span is matched against the query's keys, so
a 10 MB article would cost seconds per hit and its whole text in memory. The index itself holds
every word, so an article is found by a word anywhere in it; when the word is only past this span
the snippet shows the article's opening."""

MAX_QUERY_WORDS = 16
"""Longer queries are cut: every word is one more AND-ed clause, and nobody types 17."""

BACKFILL_BATCH = 500
"""Articles read per step when indexing a store written before the index existed."""

PG_INDEX_LOCK = 0x6E757467_0001
"""Advisory lock key under which one process at a time creates or back-fills the PostgreSQL index."""

_HAS_INDEX_KEY = "nutgraf.search_index"
"""Where a session remembers whether the SQLite index exists (``Session.info``)."""

_PG_DOCUMENT = (
    "setweight(to_tsvector('english', :title), 'A') || to_tsvector('english', :body)"
    " || setweight(to_tsvector('russian', :title), 'A') || to_tsvector('russian', :body)"
    " || setweight(to_tsvector('simple', :title), 'A') || to_tsvector('simple', :body)"
    " || to_tsvector('simple', :terms)"
)

_SPACE = re.compile(r"\s+")


def _has_index(connection: Connection) -> bool:
    return (
        connection.execute(
            text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :name"), {"name": SEARCH_TABLE}
        ).first()
        is not None
    )


def _insert(connection: Connection, rows: Sequence[tuple[int, str, str, str | None]]) -> None:
    """Index articles, given as (id, title, body, terms), in one executemany; terms are the keys
    computed already (``Article.search_terms``, on a worker), or None to compute them here. PostgreSQL ignores an
    article already indexed (ON CONFLICT DO NOTHING); FTS5 has no conflict handling (a contentless
    table merges a second row of one rowid into the first), so on SQLite every caller indexes
    only ids above the highest indexed: a newly inserted article's, or the back-fill's."""
    if not rows:
        return
    values = [
        {"id": article_id, "title": title, "body": body, "terms": terms or terms_of(title, body)}
        for article_id, title, body, terms in rows
    ]
    if connection.dialect.name == "postgresql":
        connection.execute(
            text(
                f"INSERT INTO {SEARCH_TABLE}(article_id, document) VALUES (:id, {_PG_DOCUMENT}) "
                "ON CONFLICT (article_id) DO NOTHING"
            ),
            values,
        )
        return
    connection.execute(
        text(f"INSERT INTO {SEARCH_TABLE}(rowid, title, body, terms) VALUES (:id, :title, :body, :terms)"),
        values,
    )


def _ensure_postgres_index(engine: Engine) -> bool:
    """Create the tsvector table and its GIN index when missing, then index the articles it lacks;
    under an advisory lock, so processes opening one database at once do not race on the DDL."""
    while True:
        with engine.begin() as connection:
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_INDEX_LOCK})
            connection.execute(
                text(
                    f"CREATE TABLE IF NOT EXISTS {SEARCH_TABLE} (article_id INTEGER PRIMARY KEY "
                    "REFERENCES articles(id) ON DELETE CASCADE, document TSVECTOR NOT NULL)"
                )
            )
            connection.execute(
                text(
                    f"CREATE INDEX IF NOT EXISTS ix_{SEARCH_TABLE}_document ON {SEARCH_TABLE} USING GIN (document)"
                )
            )
            rows = connection.execute(
                text(
                    f"SELECT a.id, a.title, a.text, a.language FROM articles a LEFT JOIN {SEARCH_TABLE} s "
                    "ON s.article_id = a.id WHERE s.article_id IS NULL ORDER BY a.id LIMIT :limit"
                ),
                {"limit": BACKFILL_BATCH},
            ).all()
            _insert(
                connection,
                [(row.id, row.title, row.text, terms_of(row.title, row.text, row.language)) for row in rows],
            )
        if len(rows) < BACKFILL_BATCH:
            return True


def ensure_search_index(engine: Engine) -> bool:
    """Create the FTS5 index when missing (or rebuild it when it was built with other keys) and
    index the articles it lacks; False when this SQLite has no FTS5 (search then falls back to
    substring matching) or the store is neither SQLite nor PostgreSQL."""
    if engine.dialect.name == "postgresql":
        return _ensure_postgres_index(engine)
    if engine.dialect.name != "sqlite":
        return False
    try:
        with engine.begin() as connection:
            built = connection.execute(
                select(MetaRow.value).where(MetaRow.key == INDEX_VERSION_KEY)
            ).scalar_one_or_none()
            if built != INDEX_VERSION:
                connection.execute(text(f"DROP TABLE IF EXISTS {SEARCH_TABLE}"))
                connection.execute(delete(MetaRow).where(MetaRow.key == INDEX_VERSION_KEY))
                connection.execute(insert(MetaRow).values(key=INDEX_VERSION_KEY, value=INDEX_VERSION))
            connection.execute(
                text(
                    f"CREATE VIRTUAL TABLE IF NOT EXISTS {SEARCH_TABLE} USING fts5("
                    f"title, body, terms, content='', tokenize='{TOKENIZER}')"
                )
            )
    except OperationalError:  # no FTS5 in this SQLite, or a read-only database
        return False
    while True:
        try:
            with engine.begin() as connection:
                last = connection.execute(
                    text(f"SELECT rowid FROM {SEARCH_TABLE} ORDER BY rowid DESC LIMIT 1")
                ).scalar()
                rows = connection.execute(
                    select(ArticleRow.id, ArticleRow.title, ArticleRow.text, ArticleRow.language)
                    .where(ArticleRow.id > (last or 0))
                    .order_by(ArticleRow.id)
                    .limit(BACKFILL_BATCH)
                ).all()
                _insert(
                    connection,
                    [
                        (row.id, row.title, row.text, terms_of(row.title, row.text, row.language))
                        for row in rows
                    ],
                )
        except IntegrityError:  # another process indexed the same rows first
            continue
        except OperationalError:  # a read-only database: search uses what is indexed
            return True
        if len(rows) < BACKFILL_BATCH:
            return True


def index_article(session: Session, article_id: int, title: str, body: str, terms: str | None = None) -> None:
    """Add a newly stored article to the index, in the transaction that stored it (``terms``: its
    keys when computed already, see :func:`terms_of`)."""
    index_articles(session, [(article_id, title, body, terms)])


def index_articles(session: Session, rows: Sequence[tuple[int, str, str, str | None]]) -> None:
    """Add newly stored articles, given as (id, title, body, terms or None), to the index in one statement, in the
    transaction that stored them. Whether the SQLite index exists is asked once per session (a
    batch's session writes many articles; nothing drops the index while a writer holds it)."""
    dialect = session.get_bind().dialect.name
    if dialect not in {"sqlite", "postgresql"} or not rows:
        return
    connection = session.connection()
    if dialect == "postgresql":
        _insert(connection, rows)
        return
    indexed = session.info.get(_HAS_INDEX_KEY)
    if indexed is None:
        indexed = session.info[_HAS_INDEX_KEY] = _has_index(connection)
    if indexed:
        _insert(connection, rows)


@dataclass(slots=True)
class SearchHit:
    """One matching article, with a snippet of its text around the matches."""

    article_id: int
    title: str
    language: str
    outlet: str | None
    published: Any
    story_id: int | None
    snippet: str
    title_html: Markup
    snippet_html: Markup
    score: float = 0.0


@dataclass(slots=True)
class SearchResults:
    query: str
    total: int
    limit: int
    offset: int
    hits: list[SearchHit] = field(default_factory=list)


def _quoted(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


@dataclass(slots=True)
class _Query:
    """A user's query as words, each with its lexical keys (raw words serve prefixes and numbers)."""

    words: list[str]
    keys: list[tuple[str, ...]]

    @classmethod
    def parse(cls, query: str) -> _Query:
        words = [m.group(0) for m in _WORD.finditer(query)][:MAX_QUERY_WORDS]
        keys = [word_keys(word) for word in words]
        content = [(w, k) for w, k in zip(words, keys, strict=True) if k or w[0].isdigit()]
        if content:  # stopwords only matter in a query of nothing but stopwords
            words, keys = [w for w, _ in content], [k for _, k in content]
        return cls(words, keys)

    @property
    def all_keys(self) -> frozenset[str]:
        return frozenset(key for keys in self.keys for key in keys)

    def fts(self) -> str:
        """An FTS5 MATCH expression; every user word is inside a quoted string, so none is syntax."""
        clauses = []
        for word, keys in zip(self.words, self.keys, strict=True):
            options = [f"terms : {_quoted(key)}" for key in keys]
            options.append(f"{{title body}} : {_quoted(word)}" + ("*" if keys else ""))
            clauses.append("(" + " OR ".join(options) + ")")
        return " AND ".join(clauses)

    def tsquery(self) -> tuple[str, dict[str, str]]:
        """A PostgreSQL tsquery expression and its parameters: per word, any of its keys, its
        stems in every language that writes it, or (as typed) a prefix; the words AND-ed. User text is only
        ever a bound parameter; a prefix is reduced to letters and digits first."""
        clauses, params = [], {}
        for i, (word, keys) in enumerate(zip(self.words, self.keys, strict=True)):
            options = []
            for j, key in enumerate(keys):
                params[f"k{i}_{j}"] = key
                options.append(f"plainto_tsquery('simple', :k{i}_{j})")
            params[f"w{i}"] = word
            options += [f"plainto_tsquery('english', :w{i})", f"plainto_tsquery('russian', :w{i})"]
            prefix = re.sub(r"[\W_]+", "", word.casefold())
            if prefix and keys:
                params[f"p{i}"] = f"{prefix}:*"
                options.append(f"to_tsquery('simple', :p{i})")
            elif prefix:
                params[f"p{i}"] = prefix
                options.append(f"to_tsquery('simple', :p{i})")
            clauses.append("(" + " || ".join(options) + ")")
        return " && ".join(clauses), params

    def matcher(self) -> Callable[[str], bool]:
        """A test of whether a word of a text is one the query looks for: shares a key with a
        query word, or starts with one as typed."""
        wanted = self.all_keys
        prefixes = tuple(fold(w.casefold()) for w in self.words)

        def matches(word: str) -> bool:
            return not wanted.isdisjoint(word_keys(word)) or fold(word.casefold()).startswith(prefixes)

        return matches


def _best_window(tokens: list[re.Match[str]], hits: list[bool], words: int) -> int:
    """First token of the ``words``-token window with the most distinct matching words; windows
    open a few words before a match, so the reader sees what leads to it."""
    best, best_score = 0, -1
    for anchor in (i for i, hit in enumerate(hits) if hit):
        start = max(0, min(anchor - SNIPPET_LEAD, len(tokens) - words))
        score = len({tokens[i].group(0).casefold() for i in range(start, start + words) if hits[i]})
        if score > best_score:
            best, best_score = start, score
    return best


def highlight(value: str, query: _Query, *, words: int | None = None) -> tuple[str, Markup]:
    """The plain and the highlighted form of ``value`` (or of its ``words``-word window with the
    most distinct matches), read from its first ``MAX_HIGHLIGHT_CHARS`` characters. Every piece of
    the text is escaped; only our ``<mark>`` is markup."""
    truncated = len(value) > MAX_HIGHLIGHT_CHARS
    if truncated:
        value = cut_at_word(value, MAX_HIGHLIGHT_CHARS)
    value = _SPACE.sub(" ", value).strip()
    tokens = list(_WORD.finditer(value))
    matches = query.matcher()
    hits = [matches(t.group(0)) for t in tokens]
    first, last = 0, len(tokens)
    if words is not None and len(tokens) > words:
        first = _best_window(tokens, hits, words)
        last = min(len(tokens), first + words)
    begin = tokens[first].start() if tokens and first > 0 else 0
    end = tokens[last - 1].end() if tokens and last < len(tokens) else len(value)
    pieces: list[Markup] = [Markup("…")] if begin > 0 else []
    plain = "…" if begin > 0 else ""
    position = begin
    for token, hit in zip(tokens[first:last], hits[first:last], strict=True):
        if not hit:
            continue
        pieces.append(escape(value[position : token.start()]))
        pieces.append(Markup("<mark>") + escape(token.group(0)) + Markup("</mark>"))
        position = token.end()
    pieces.append(escape(value[position:end]))
    plain += value[begin:end]
    if end < len(value) or truncated:
        pieces.append(Markup("…"))
        plain += "…"
    return plain, Markup("").join(pieces)


def _escape_like(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search_articles(session: Session, query: str, *, limit: int = 20, offset: int = 0) -> SearchResults:
    """Articles matching every word of ``query`` (inflected forms included), best first."""
    if not query.strip():
        raise ConfigError("empty search query")
    parsed = _Query.parse(query)
    results = SearchResults(query=query, total=0, limit=limit, offset=offset)
    if not parsed.words:
        return results
    connection = session.connection()
    scores: dict[int, float] = {}
    if connection.dialect.name == "sqlite" and _has_index(connection):
        expression = parsed.fts()
        results.total = connection.execute(
            text(f"SELECT count(*) FROM {SEARCH_TABLE} WHERE {SEARCH_TABLE} MATCH :q"), {"q": expression}
        ).scalar_one()
        ranked = connection.execute(
            text(
                f"SELECT rowid, bm25({SEARCH_TABLE}, {TITLE_WEIGHT}, {BODY_WEIGHT}, {TERMS_WEIGHT}) AS score "
                f"FROM {SEARCH_TABLE} WHERE {SEARCH_TABLE} MATCH :q ORDER BY score, rowid DESC "
                "LIMIT :limit OFFSET :offset"
            ),
            {"q": expression, "limit": limit, "offset": offset},
        ).all()
        scores = {row.rowid: -float(row.score) for row in ranked}
    elif connection.dialect.name == "postgresql":
        expression, params = parsed.tsquery()
        where = f"document @@ ({expression})"
        results.total = connection.execute(
            text(f"SELECT count(*) FROM {SEARCH_TABLE} WHERE {where}"), params
        ).scalar_one()
        ranked = connection.execute(
            text(
                f"SELECT article_id, ts_rank(document, ({expression})) AS score FROM {SEARCH_TABLE} "
                f"WHERE {where} ORDER BY score DESC, article_id DESC LIMIT :limit OFFSET :offset"
            ),
            {**params, "limit": limit, "offset": offset},
        ).all()
        scores = {row.article_id: float(row.score) for row in ranked}
    else:
        condition = and_(
            *[
                or_(
                    ArticleRow.title.ilike(f"%{_escape_like(w)}%", escape="\\"),
                    ArticleRow.text.ilike(f"%{_escape_like(w)}%", escape="\\"),
                )
                for w in parsed.words
            ]
        )
        results.total = session.scalar(select(func.count()).select_from(ArticleRow).where(condition)) or 0
        ids = session.scalars(
            select(ArticleRow.id).where(condition).order_by(ArticleRow.id.desc()).limit(limit).offset(offset)
        ).all()
        scores = {article_id: 0.0 for article_id in ids}
    if not scores:
        return results
    rows = {
        row.id: row
        for row in session.execute(
            select(
                ArticleRow.id,
                ArticleRow.title,
                # one character more than is highlighted, so that highlight() knows the text goes on
                func.substr(ArticleRow.text, 1, MAX_HIGHLIGHT_CHARS + 1).label("text"),
                ArticleRow.language,
                ArticleRow.outlet,
                ArticleRow.published,
                ArticleRow.story_id,
            ).where(ArticleRow.id.in_(list(scores)))
        )
    }
    for article_id, score in scores.items():
        row = rows.get(article_id)
        if row is None:  # indexed, then removed from articles
            continue
        _, title_html = highlight(row.title, parsed)
        snippet, snippet_html = highlight(row.text, parsed, words=SNIPPET_WORDS)
        results.hits.append(
            SearchHit(
                article_id=row.id,
                title=row.title,
                language=row.language,
                outlet=row.outlet,
                published=row.published,
                story_id=row.story_id,
                snippet=snippet,
                title_html=title_html,
                snippet_html=snippet_html,
                score=round(score, 4),
            )
        )
    return results
