"""The embedded SQLite backend: one file under CLAIMTRACE_DATA_DIR."""

from service.storage.sqlite.store import SqliteStore

__all__ = ["SqliteStore"]
