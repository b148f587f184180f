"""The one place a store is built: PostgreSQL when CLAIMTRACE_DATABASE_URL names a server, else SQLite."""

from __future__ import annotations

from service.config import Settings
from service.storage.base import Store

POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def open_store(settings: Settings) -> Store:
    """Open (and migrate) the store the settings name: `database_url`, or SQLite under `data_dir`."""
    url = settings.database_url
    if url:
        if not url.startswith(POSTGRES_SCHEMES):
            raise ValueError(f"CLAIMTRACE_DATABASE_URL must start with {' or '.join(POSTGRES_SCHEMES)}")
        # Imported here: a SQLite deployment needs no PostgreSQL driver.
        from service.storage.postgres import PostgresStore

        return PostgresStore(url)
    from service.storage.sqlite import SqliteStore

    return SqliteStore(settings.db_path)
