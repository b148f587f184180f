"""A per-client rate limit that holds across gunicorn workers, with its state behind a small interface.

The limit is GCRA (the generic cell rate algorithm, a token bucket kept as one number per client):
a client may send `per_minute` requests at once, then one every `60 / per_minute` seconds. Each
client's one number, its "theoretical arrival time", lives in `Buckets`: one SQLite file beside
the store for the workers of one node (`SqliteBuckets`), any shared database for several nodes
(implement `Buckets.update` as one transaction), or process memory for tests (`MemoryBuckets`).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from service.config import Settings

RATE_LIMIT_FILE = "ratelimit.sqlite3"  # under the data folder, apart from the store: no shared write lock

# Sums of intervals on epoch-sized times are inexact (50 of them drift by microseconds): a wait under
# a millisecond is no wait, or the last request of a burst is refused by rounding (49 of 50 at once).
ROUNDING_SECONDS = 1e-3

# step(stored value or None) -> (value to store, result to return)
Step = Callable[[float | None], tuple[float, float]]


class Buckets(Protocol):
    """Per-client numbers shared by every process that enforces the limit."""

    def update(self, client: str, step: Step, now: float) -> float:
        """Atomically read the client's value, store step(value)[0] and return step(value)[1].

        `now` lets the store forget clients whose value is in the past (they are as good as new).
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
        self.interval = 60.0 / per_minute
        self.tolerance = 60.0 - self.interval  # room for per_minute requests at once
        self.buckets = buckets
        self._clock = clock  # wall-clock time: the one clock every worker (and node) shares

    def acquire(self, client: str) -> float:
        """Count one request of `client`; 0.0 when allowed, else the seconds until one would be."""
        now = self._clock()
        step = lambda stored: gcra(stored, now, self.interval, self.tolerance)  # noqa: E731
        return self.buckets.update(client, step, now)


def open_buckets(settings: Settings) -> Buckets:
    """The shared state for the rate limit: a SQLite file under the data folder, shared by its workers."""
    from service.ratelimit.sqlite import SqliteBuckets

    return SqliteBuckets(Path(settings.data_dir) / RATE_LIMIT_FILE)
