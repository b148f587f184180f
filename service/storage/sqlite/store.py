"""SqliteStore: the embedded store, one SQLite file; safe across threads and gunicorn workers."""

from __future__ import annotations

import os
import sqlite3
import threading
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from service.storage.base import ConstraintError, StorageError
from service.storage.sql.store import SqlStore
from service.storage.sqlite.schema import connect, migrate

T = TypeVar("T")

_OPEN_STORES: weakref.WeakSet[SqliteStore] = weakref.WeakSet()


def _close_connections_before_fork() -> None:
    for store in list(_OPEN_STORES):
        store._release_connections()


# Only forks that return to Python (multiprocessing, gunicorn workers) run this; subprocess does not.
os.register_at_fork(before=_close_connections_before_fork)


class SqliteStore(SqlStore):
    """The embedded store: every public call is one transaction on this thread's own connection."""

    def __init__(self, path: str | os.PathLike[str]):
        super().__init__()
        self.path = str(path)  # a file: every thread opens its own connection to it
        Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        self._all: list[tuple[int, sqlite3.Connection]] = []  # (opening pid, connection)
        self._all_lock = threading.Lock()
        self._generation = 0  # bumped when connections are closed before a fork
        self._closed = False
        migrate(self._connection())
        _OPEN_STORES.add(self)

    def _connection(self) -> sqlite3.Connection:
        if self._closed:
            raise RuntimeError("the store is closed")
        conn = getattr(self._local, "conn", None)
        # A connection must not cross a fork (gunicorn --preload builds the app, then forks workers):
        # SQLite's locks are per process. Connections are closed before os.fork(); the pid check
        # covers a fork that skipped the hook.
        if conn is None or self._local.key != (os.getpid(), self._generation):
            conn = connect(self.path)
            self._local.conn, self._local.key = conn, (os.getpid(), self._generation)
            with self._all_lock:
                self._all.append((os.getpid(), conn))
        return conn

    def _release_connections(self) -> None:
        """Close this process's connections; each thread opens a fresh one on its next call."""
        with self._all_lock:
            self._generation += 1
            mine = [conn for pid, conn in self._all if pid == os.getpid()]
            self._all.clear()
        for conn in mine:
            conn.close()

    def _transact(self, work: Callable[[sqlite3.Connection], T]) -> T:
        conn = self._connection()
        # IMMEDIATE takes the write lock now (waiting up to the busy timeout) so two writers
        # never deadlock upgrading read locks; it also makes this the only writer, which
        # _insert_many and the change log's commit order rely on.
        conn.execute("BEGIN IMMEDIATE")
        try:
            result = work(conn)
        except BaseException as error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if isinstance(error, sqlite3.IntegrityError):
                raise ConstraintError(str(error)) from error
            if isinstance(error, sqlite3.Error):
                raise StorageError(str(error)) from error
            raise
        conn.execute("COMMIT")
        return result

    @contextmanager
    def _snapshot(self) -> Iterator[sqlite3.Connection]:
        conn = self._connection()
        conn.execute("BEGIN")  # one snapshot for calls that read more than once (page + total)
        try:
            yield conn
        finally:
            if conn.in_transaction:
                conn.execute("COMMIT")

    @contextmanager
    def _single(self) -> Iterator[sqlite3.Connection]:
        yield self._connection()

    def _insert_many(self, conn: sqlite3.Connection, sql: str, params: list) -> list[tuple[int, int | None]]:
        if not params:
            return []
        # The one writer (BEGIN IMMEDIATE) and AUTOINCREMENT: the rows above the highest id handed out
        # before are exactly this statement's.
        before = _last_quote_id(conn)
        conn.executemany(sql, params)
        return conn.execute(
            "SELECT id, speaker_id FROM quotes WHERE id > ? ORDER BY id", (before,)
        ).fetchall()

    def listen(self, on_change: Callable[[int], None]) -> None:
        """None: every writer shares this machine's file, and readers check the log before searching."""
        return None

    def close(self) -> None:
        """Close every connection this process opened; the store cannot be used afterwards."""
        self._closed = True
        _OPEN_STORES.discard(self)
        self._release_connections()


def _last_quote_id(conn: sqlite3.Connection) -> int:
    """The highest quote id ever handed out (AUTOINCREMENT keeps it even after deletes)."""
    row = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'quotes'").fetchone()
    return row[0] if row else 0
