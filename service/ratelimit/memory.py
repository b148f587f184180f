"""Rate-limit state in process memory: for tests and single-process use, never shared between workers."""

from __future__ import annotations

import threading
from collections import OrderedDict

from service.ratelimit import Gcra


class MemoryBuckets:
    """Buckets in a dict, the least recently seen clients forgotten beyond `max_clients`."""

    def __init__(self, max_clients: int = 10_000):
        self._values: OrderedDict[str, float] = OrderedDict()
        self._max_clients = max_clients
        self._lock = threading.Lock()

    def update(self, client: str, rule: Gcra, now: float) -> float:
        """Atomically apply `rule` to the client's value (see Buckets.update)."""
        with self._lock:
            value, result = rule.step(self._values.pop(client, None), now)
            self._values[client] = value
            while len(self._values) > self._max_clients:
                self._values.popitem(last=False)
        return result
