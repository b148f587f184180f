"""Rate-limit state in the shared PostgreSQL database: every worker of every node counts in the same rows.

Each request is one statement, an upsert that evaluates GCRA on the row it locks: no transaction
held across round trips, no read-then-write race between nodes, and a new client's first
requests from two nodes at once meet on the primary key (the loser's insert becomes the update).
The table is UNLOGGED: no WAL for a counter that may be lost (after a server crash every client
starts afresh, and it is not copied to standbys). Each process has a small pool of its own.
"""

from __future__ import annotations

import logging

import psycopg
from psycopg_pool import PoolTimeout

from service.ratelimit import ROUNDING_SECONDS, Gcra
from service.storage.postgres.process_pool import ProcessPool
from service.storage.postgres.reach import CONNECT_TIMEOUT_SECONDS, unreachable

log = logging.getLogger(__name__)

POOL_SIZE = 4  # a request holds a connection for one short statement, so a few serve every thread
WAIT_FOR_CONNECTION_SECONDS = 2.0  # then the request is let through rather than kept waiting
PRUNE_EVERY = 1000  # updates (per process) between removals of clients whose time has passed
TABLE_LOCK = 0x636C726C  # an advisory lock key of our own: nodes starting at once create the table once

CREATE_TABLE = (
    "CREATE UNLOGGED TABLE IF NOT EXISTS rate_limits ("
    " client text PRIMARY KEY,"
    " tat double precision NOT NULL,"  # the theoretical arrival time, epoch seconds
    " wait double precision NOT NULL DEFAULT 0"  # what the last request was told to wait
    ")"
)

# `gcra` in SQL, on the values the row had before this request (an UPDATE's right-hand sides read
# the old row): refused when the client is more than `tolerance` ahead, and then the time stays.
# Same float operations in the same order as Python's, so the answers agree to the bit.
_AHEAD = "(greatest(bucket.tat, %(now)s) - %(now)s - %(tolerance)s)"
UPSERT = f"""
INSERT INTO rate_limits AS bucket (client, tat, wait) VALUES (%(client)s, %(first_tat)s, 0)
ON CONFLICT (client) DO UPDATE SET
    tat = CASE WHEN {_AHEAD} > %(rounding)s THEN bucket.tat
               ELSE greatest(bucket.tat, %(now)s) + %(interval)s END,
    wait = CASE WHEN {_AHEAD} > %(rounding)s THEN {_AHEAD} ELSE 0 END
RETURNING wait
"""


class PostgresBuckets:
    """One row per client in table `rate_limits`; each update one atomic upsert (see the module)."""

    def __init__(self, url: str):
        self.url = url
        self._pool = ProcessPool(
            url,
            "claimtrace-ratelimit",
            POOL_SIZE,
            kwargs={"autocommit": True, "connect_timeout": CONNECT_TIMEOUT_SECONDS},
            timeout=WAIT_FOR_CONNECTION_SECONDS,
        )
        self._updates = 0
        self._create_table()

    def _create_table(self) -> None:
        # Checked at start-up, so a node with a wrong URL fails at once with the variable's name.
        try:
            connect = psycopg.connect(self.url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_SECONDS)
            with connect as conn, conn.transaction():
                # CREATE … IF NOT EXISTS alone races between nodes (a duplicate type name).
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (TABLE_LOCK,))
                conn.execute(CREATE_TABLE)
        except psycopg.Error as error:
            # `from None`: the driver's error may quote the URL, password included.
            raise unreachable(self.url, error, needed_by="CLAIMTRACE_RATE_LIMIT") from None

    def close(self) -> None:
        """Close this process's connections (the rows stay for the other processes)."""
        self._pool.release()

    def update(self, client: str, rule: Gcra, now: float) -> float:
        """Atomically apply `rule` to the client's row (Buckets.update); allows when the database fails."""
        try:
            return self._update(client, rule, now)
        except (psycopg.Error, PoolTimeout) as error:
            # Availability over strictness, as for the SQLite file: a database too busy or gone to count
            # must not refuse every request (the store answers 503 on its own when it is gone).
            log.warning("rate limit not applied: %s", error)
            return 0.0

    def _update(self, client: str, rule: Gcra, now: float) -> float:
        now = float(now)
        params = {
            "client": client,
            "now": now,
            "first_tat": rule.step(None, now)[0],
            "interval": float(rule.interval),
            "tolerance": float(rule.tolerance),
            "rounding": ROUNDING_SECONDS,
        }
        with self._pool.get().connection() as conn:
            (wait,) = conn.execute(UPSERT, params).fetchone()
            self._updates += 1  # a lost increment between threads only moves the next prune
            if self._updates % PRUNE_EVERY == 0:
                conn.execute("DELETE FROM rate_limits WHERE tat < %s", (now,))
        return wait
