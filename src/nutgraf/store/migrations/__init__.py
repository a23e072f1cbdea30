"""Alembic migrations of the store's schema (both back-ends); run through nutgraf.store.migrate."""
