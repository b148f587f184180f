"""PostgresStore: one PostgreSQL database shared by several service nodes, through a pool per process.

Explicit transactions on autocommit connections: a write is `BEGIN … COMMIT` (READ COMMITTED,
retried whole when PostgreSQL picks it as a deadlock or serialisation victim), a multi-read call
one REPEATABLE READ READ ONLY snapshot, a single read no transaction at all.

The change log in commit order: sequence values are handed out before commit, so two writers
can commit in the opposite order of their ids. A writer therefore takes a transaction-level
advisory lock just before it appends to the log and keeps it to COMMIT: the log's positions
follow commit order, and a reader that has seen position N has seen every change before it.
The same transaction NOTIFYs the new position; PostgreSQL delivers it at commit.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import TypeVar

import psycopg
from psycopg import errors
from psycopg_pool import ConnectionPool

from service.storage.base import ConstraintError, StorageError
from service.storage.postgres.listener import CHANNEL, Listener
from service.storage.postgres.process_pool import ProcessPool
from service.storage.postgres.reach import check_reachable
from service.storage.postgres.schema import migrate
from service.storage.sql import change_log
from service.storage.sql.store import SqlStore

T = TypeVar("T")

POOL_SIZE = 8  # connections a process keeps at most: a sync gunicorn worker uses one at a time
WRITE_ATTEMPTS = 5  # a deadlock victim is retried; five losses in a row is an error worth seeing
CHANGE_LOG_LOCK = 0x636C6C67  # the advisory lock key that orders the change log
_RETRIED = (errors.DeadlockDetected, errors.SerializationFailure)


@lru_cache(maxsize=1024)
def _placeholders(sql: str) -> str:
    """The shared SQL's `?` placeholders as psycopg's `%s`."""
    return sql.replace("%", "%%").replace("?", "%s")


class _Sql:
    """A psycopg connection speaking the shared SQL's dialect (`?` placeholders)."""

    def __init__(self, conn: psycopg.Connection):
        self.conn = conn

    def execute(self, sql: str, params=()) -> psycopg.Cursor:
        return self.conn.execute(_placeholders(sql), params)

    def executemany(self, sql: str, rows) -> psycopg.Cursor:
        cursor = self.conn.cursor()
        cursor.executemany(_placeholders(sql), rows)
        return cursor


class PostgresStore(SqlStore):
    """The shared store: every public call is one transaction on a pooled connection of this process."""

    def __init__(self, url: str):
        super().__init__()
        self.url = url
        self._pool = ProcessPool(url, "claimtrace", POOL_SIZE, kwargs={"autocommit": True})
        self._listeners: list[Listener] = []
        self._closed = False
        # Named at once, rather than after the pool's 30 s wait for a first connection.
        check_reachable(url)
        try:
            with self._pooled() as conn:
                migrate(conn)
        except BaseException:
            self.close()  # a refused schema must not leave the pool's threads behind
            raise

    # -- connections and transactions ---------------------------------------------------------

    def _current_pool(self) -> ConnectionPool:
        if self._closed:
            raise RuntimeError("the store is closed")
        return self._pool.get()

    @contextmanager
    def _pooled(self) -> Iterator[psycopg.Connection]:
        try:
            with self._current_pool().connection() as conn:
                yield conn
        except (errors.IntegrityError, errors.DataError) as error:  # a value the schema cannot hold
            raise ConstraintError(str(error)) from error
        except psycopg.Error as error:
            raise StorageError(str(error)) from error

    def _transact(self, work: Callable[[_Sql], T]) -> T:
        for attempt in range(1, WRITE_ATTEMPTS + 1):
            try:
                with self._pooled() as conn, conn.transaction():
                    return work(_Sql(conn))
            except StorageError as error:
                if not isinstance(error.__cause__, _RETRIED) or attempt == WRITE_ATTEMPTS:
                    raise
                time.sleep(0.01 * attempt)  # let the winner commit before trying again
        raise AssertionError("unreachable")

    @contextmanager
    def _snapshot(self) -> Iterator[_Sql]:
        with self._pooled() as conn, conn.transaction():
            conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            yield _Sql(conn)

    @contextmanager
    def _single(self) -> Iterator[_Sql]:
        with self._pooled() as conn:
            yield _Sql(conn)

    def _insert_many(self, conn: _Sql, sql: str, params: list) -> list[tuple[int, int | None]]:
        if not params:
            return []
        cursor = conn.conn.cursor()
        cursor.executemany(_placeholders(sql + " RETURNING id, speaker_id"), params, returning=True)
        inserted = []
        while True:
            inserted += cursor.fetchall()  # one result per row: empty where a duplicate was skipped
            if not cursor.nextset():
                return inserted

    def _record_changes(self, conn: _Sql, added: list[int], removed: list[int]) -> None:
        if not added and not removed:
            return
        # Held to COMMIT: no writer can log (and commit) between this one's seq and its commit.
        conn.execute("SELECT pg_advisory_xact_lock(?)", (CHANGE_LOG_LOCK,))
        change_log.record(conn, added, removed)
        conn.execute(f"SELECT pg_notify('{CHANNEL}', (SELECT max(seq) FROM changes)::text)")

    # -- notifications --------------------------------------------------------------------------

    def listen(self, on_change: Callable[[int], None]) -> Callable[[], None]:
        """Start a listener thread calling `on_change(seq)` on each commit anywhere; returns its stop."""
        listener = Listener(self.url, on_change, self.current_seq)
        self._listeners.append(listener)
        listener.start()
        return listener.stop

    def close(self) -> None:
        """Stop this store's listeners and close this process's pool; the store cannot be used afterwards."""
        for listener in self._listeners:
            listener.stop()
        self._listeners.clear()
        self._pool.release()
        self._closed = True
