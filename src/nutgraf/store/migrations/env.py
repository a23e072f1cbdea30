"""Alembic's environment for Nutgraf: migrations run on the connection nutgraf.store.migrate hands
over (``config.attributes["connection"]``), so they share the Store's engine settings (SQLite's
WAL and busy timeout, the PostgreSQL advisory lock) instead of opening their own."""

from alembic import context

from nutgraf.store.schema import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - the alembic CLI pointed at this folder by hand
    from nutgraf.store import open_engine

    connection = open_engine(context.config.get_main_option("sqlalchemy.url")).connect()

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copying them
)
with context.begin_transaction():
    context.run_migrations()
