"""Rate-limit state in a SQLite file of its own: every gunicorn worker of a node counts in the same rows."""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from pathlib import Path

from service.ratelimit import Gcra

log = logging.getLogger(__name__)

BUSY_TIMEOUT_SECONDS = 2.0
PRUNE_EVERY = 1000  # updates between removals of clients whose time has passed


class SqliteBuckets:
    """One row per client (client, theoretical arrival time); each update one IMMEDIATE transaction."""

    def __init__(self, path: str | os.PathLike[str]):
        self.path = str(path)
        Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        self._updates = 0
        conn = self._connect()
        try:
            conn.execute(
                "CREATE TABLE IF NOT EXISTS rate_limits"
                " (client TEXT PRIMARY KEY, tat REAL NOT NULL) WITHOUT ROWID"
            )
        finally:
            conn.close()

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
        conn.execute("PRAGMA journal_mode = WAL")
        # Losing the last updates in an OS crash only forgets a few requests' worth of limit.
        conn.execute("PRAGMA synchronous = OFF")
        return conn

    def _connection(self) -> sqlite3.Connection:
        # One connection per thread and process: a SQLite connection must not cross a fork.
        key = (os.getpid(), threading.get_ident())
        if getattr(self._local, "key", None) != key:
            self._local.conn, self._local.key = self._connect(), key
        return self._local.conn

    def update(self, client: str, rule: Gcra, now: float) -> float:
        """Atomically apply `rule` to the client's value (Buckets.update); allows when the file is stuck."""
        try:
            return self._update(client, rule, now)
        except sqlite3.OperationalError as error:
            # Availability over strictness: a locked or broken limit file must not refuse every request.
            log.warning("rate limit not applied: %s", error)
            return 0.0

    def _update(self, client: str, rule: Gcra, now: float) -> float:
        conn = self._connection()
        conn.execute("BEGIN IMMEDIATE")
        try:
            row = conn.execute("SELECT tat FROM rate_limits WHERE client = ?", (client,)).fetchone()
            value, result = rule.step(None if row is None else row[0], now)
            conn.execute(
                "INSERT INTO rate_limits (client, tat) VALUES (?, ?) "
                "ON CONFLICT (client) DO UPDATE SET tat = excluded.tat",
                (client, value),
            )
            self._updates += 1
            if self._updates % PRUNE_EVERY == 0:
                conn.execute("DELETE FROM rate_limits WHERE tat < ?", (now,))
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        return result
