"""A connection pool of this process only: opened on first use, released before a fork, reopened in the child.

A pool's sockets and threads must not cross a fork (gunicorn --preload): the store and the rate limit
each hold one of these, and every process opens its own connections.
"""

from __future__ import annotations

import os
import threading
import weakref

from psycopg_pool import ConnectionPool

_OPEN: weakref.WeakSet[ProcessPool] = weakref.WeakSet()


def _release_all_before_fork() -> None:
    for pool in list(_OPEN):
        pool.release()


os.register_at_fork(before=_release_all_before_fork)


class ProcessPool:
    """`get()` this process's pool of autocommit connections to `url`; `release()` closes it."""

    def __init__(self, url: str, name: str, max_size: int, **options):
        self.url = url
        self.name = name  # the pool's threads are named "<name>-<pid>-worker-<n>"
        self.max_size = max_size
        self.options = options  # further ConnectionPool arguments (kwargs, timeout)
        self._pool: ConnectionPool | None = None
        self._pid: int | None = None
        self._lock = threading.Lock()
        _OPEN.add(self)

    def get(self) -> ConnectionPool:
        """This process's pool, opened on first use (after a fork: in the child)."""
        with self._lock:
            if self._pool is None or self._pid != os.getpid():
                self._pool = ConnectionPool(
                    self.url,
                    min_size=1,
                    max_size=self.max_size,
                    open=True,
                    name=f"{self.name}-{os.getpid()}",
                    **self.options,
                )
                self._pid = os.getpid()
            return self._pool

    def release(self) -> None:
        """Close this process's pool; the next `get()` opens a fresh one. A parent's pool is left to it."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None and self._pid == os.getpid():
            pool.close()
