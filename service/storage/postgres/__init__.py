"""The PostgreSQL backend: one server shared by several service nodes (CLAIMTRACE_DATABASE_URL)."""

from service.storage.postgres.store import PostgresStore

__all__ = ["PostgresStore"]
