"""Each article says whether its title is a real headline or a stand-in cut from its first sentence.

A text without a headline is titled by its first sentence, cut at a word near 110 characters
(``nutgraf.clean.text.title_from_sentence``). A story is titled by a real headline when one of its
articles has one, so the store keeps which titles are stand-ins: ``articles.title_derived``,
set by ingest from now on (issue 24).

Articles stored before this revision are marked here by what a stand-in looks like: the text
begins with the title, which is the whole first sentence (its full stop dropped) or a cut of it
ending in "…". A headline that is also how its body begins was never kept as the title (cleaning
drops a first line equal to the headline), so this is how ingest would have marked them.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 1_000
"""Articles read at a time to mark the stand-in titles of a store written before this revision."""

OPENING_CHARS = 400
"""How much of each text is read to compare with its title (stand-in titles are at most ~110)."""


def stand_in(title: str, text: str) -> bool:
    """Whether ``title`` is the first sentence of ``text`` as ``title_from_sentence`` shows it: the
    whole sentence without its full stop, or its start cut at a word with "…" added."""
    title, text = title.strip(), text.lstrip()
    if not title:
        return False
    if title.endswith("…"):
        return text.startswith(title[:-1].rstrip())
    if not text.startswith(title):
        return False
    rest = text[len(title) :]
    if not rest or rest[0] in ".!?…\n":
        return True
    # A sentence that ends in "?", "!" or inside a closing quote keeps its stop in the title. A
    # headline ending in a quote ('...of "The Gilded Age"') that the body repeats on its first line
    # does not count: its quote closes no sentence.
    ends = title[-1] in "!?…" or (title[-1] in '"»”’)' and title[-2:-1] in tuple(".!?…"))
    return rest[0].isspace() and ends


def upgrade() -> None:
    # Idempotent, like the revisions before: a store adopted by 0001 may already have this shape.
    inspector = sa.inspect(op.get_bind())
    if "title_derived" in {column["name"] for column in inspector.get_columns("articles")}:
        return
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("title_derived", sa.Boolean(), nullable=False, server_default=sa.false()))
    articles = sa.table(
        "articles",
        sa.column("id", sa.Integer),
        sa.column("title", sa.Text),
        sa.column("text", sa.Text),
        sa.column("title_derived", sa.Boolean),
    )
    connection = op.get_bind()
    last = 0
    while True:
        rows = connection.execute(
            sa.select(articles.c.id, articles.c.title, sa.func.substr(articles.c.text, 1, OPENING_CHARS))
            .where(articles.c.id > last)
            .order_by(articles.c.id)
            .limit(BATCH)
        ).all()
        if not rows:
            return
        derived = [row[0] for row in rows if stand_in(row[1] or "", row[2] or "")]
        if derived:
            connection.execute(
                sa.update(articles).where(articles.c.id.in_(derived)).values(title_derived=True)
            )
        last = rows[-1][0]


def downgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("title_derived")
