"""A per-client rate limit that holds across gunicorn workers, with its state behind a small interface.

The limit is GCRA (the generic cell rate algorithm, a token bucket kept as one number per client):
a client may send `per_minute` requests at once, then one every `60 / per_minute` seconds. Each
client's one number, its "theoretical arrival time", lives in `Buckets`: the PostgreSQL database of
CLAIMTRACE_DATABASE_URL for every worker of every node sharing it (`PostgresBuckets`, one atomic
upsert a request), one SQLite file beside the store for the workers of one node (`SqliteBuckets`),
or process memory for tests (`MemoryBuckets`).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from service.config import Settings

RATE_LIMIT_FILE = "ratelimit.sqlite3"  # under the data folder, apart from the store: no shared write lock

# Sums of intervals on epoch-sized times are inexact (50 of them drift by microseconds): a wait under
# a millisecond is no wait, or the last request of a burst is refused by rounding (49 of 50 at once).
ROUNDING_SECONDS = 1e-3


@dataclass(frozen=True)
class Gcra:
    """The rule: a request costs `interval` seconds; a client may run `tolerance` seconds ahead of now."""

    interval: float
    tolerance: float

    @classmethod
    def per_minute(cls, requests: int) -> Gcra:
        """`requests` a minute, all of them at once if the client likes (the burst)."""
        interval = 60.0 / requests
        return cls(interval=interval, tolerance=60.0 - interval)

    def step(self, stored: float | None, now: float) -> tuple[float, float]:
        """(value to store, seconds to wait) for one request; see `gcra`."""
        return gcra(stored, now, self.interval, self.tolerance)


class Buckets(Protocol):
    """Per-client numbers shared by every process that enforces the limit."""

    def update(self, client: str, rule: Gcra, now: float) -> float:
        """Atomically apply `rule.step` to the client's value, store the new value and return the wait.

        `now` lets the store forget clients whose value is in the past (they are as good as new).
        A store that can evaluate the rule itself (SQL) may, as long as it agrees with `gcra`.
        """
        ...


def gcra(stored: float | None, now: float, interval: float, tolerance: float) -> tuple[float, float]:
    """One request under GCRA: (new theoretical arrival time, seconds to wait; 0.0 when allowed)."""
    tat = now if stored is None else max(stored, now)
    wait = tat - now - tolerance
    if wait > ROUNDING_SECONDS:
        return tat, wait  # refused: the client's time does not move
    return tat + interval, 0.0


class RateLimiter:
    """`per_minute` requests a minute per client, burst included, counted in shared `buckets`."""

    def __init__(self, per_minute: int, buckets: Buckets, *, clock: Callable[[], float] = time.time):
        self.rule = Gcra.per_minute(per_minute)
        self.buckets = buckets
        self._clock = clock  # wall-clock time: the one clock every worker (and node) shares

    def acquire(self, client: str) -> float:
        """Count one request of `client`; 0.0 when allowed, else the seconds until one would be."""
        return self.buckets.update(client, self.rule, self._clock())


def open_buckets(settings: Settings) -> Buckets:
    """The shared state for the rate limit: the PostgreSQL store's database when there is one (every
    node counts in it), else a SQLite file under the data folder (every worker of this node)."""
    if settings.database_url:
        # Imported here: a SQLite deployment needs no PostgreSQL driver.
        from service.ratelimit.postgres import PostgresBuckets

        return PostgresBuckets(settings.database_url)
    from service.ratelimit.sqlite import SqliteBuckets

    return SqliteBuckets(Path(settings.data_dir) / RATE_LIMIT_FILE)
