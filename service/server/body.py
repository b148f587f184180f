"""WSGI middleware: a request body must arrive in full within a deadline, or the client gets 408."""

from __future__ import annotations

import contextlib
import heapq
import io
import itertools
import json
import os
import socket
import threading
import time
from dataclasses import dataclass, field

PROBLEM_MEDIA_TYPE = "application/problem+json"


@dataclass(order=True)
class _Watch:
    deadline: float
    order: int
    sock: object = field(compare=False)
    state: str = field(default="waiting", compare=False)  # waiting -> done | fired


class Watchdog:
    """One thread per process that shuts the read side of a socket whose deadline passed.

    A blocked read on that socket then returns at once. A per-read socket timeout would not do:
    a client sending one byte every second never lets a single read wait long.
    """

    def __init__(self):
        self._cond = threading.Condition()
        self._heap: list[_Watch] = []
        self._order = itertools.count()
        self._pid: int | None = None  # the thread does not survive a fork; start one per process

    def watch(self, sock, deadline: float) -> _Watch:
        """Shut `sock` for reading at `deadline` (time.monotonic()) unless released before."""
        entry = _Watch(deadline, next(self._order), sock)
        with self._cond:
            if self._pid != os.getpid():
                self._pid = os.getpid()
                self._heap.clear()
                threading.Thread(target=self._run, name="body-deadline", daemon=True).start()
            heapq.heappush(self._heap, entry)
            self._cond.notify()
        return entry

    def release(self, entry: _Watch) -> bool:
        """Stop watching; True if released in time, False if the deadline had already fired."""
        with self._cond:
            if entry.state == "fired":
                return False
            entry.state = "done"
            return True

    def _run(self) -> None:
        while True:
            with self._cond:
                while self._heap and self._heap[0].state == "done":
                    heapq.heappop(self._heap)
                if not self._heap:
                    self._cond.wait()
                    continue
                wait = self._heap[0].deadline - time.monotonic()
                if wait > 0:
                    self._cond.wait(wait)
                    continue
                entry = heapq.heappop(self._heap)
                entry.state = "fired"
            with contextlib.suppress(OSError):  # the client already went
                entry.sock.shutdown(socket.SHUT_RD)


_WATCHDOG = Watchdog()


class BodyDeadline:
    """Reads each request body into memory before the app runs, giving up after `timeout` seconds.

    Under gunicorn's threaded worker a request holds a thread while the app reads its body, so a
    client sending one byte a second would hold it for as long as it liked. Reading the body here,
    against a deadline, frees the thread after `timeout` seconds whatever the client does. Bodies
    declared over `max_bytes` are not read: the app refuses them (413) from their declared length.
    Outside gunicorn (no `gunicorn.socket` in the environ) requests pass through unchanged.
    """

    def __init__(self, app, *, timeout: float, max_bytes: int, watchdog: Watchdog = _WATCHDOG):
        self.app = app
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.watchdog = watchdog

    def __call__(self, environ, start_response):
        sock = environ.get("gunicorn.socket")
        length = _declared_length(environ)
        chunked = "chunked" in environ.get("HTTP_TRANSFER_ENCODING", "").lower()
        if sock is None or self.timeout <= 0 or not (length or chunked):
            return self.app(environ, start_response)
        if length is not None and length > self.max_bytes:
            return self.app(environ, start_response)
        # A chunked body declares no length: read one byte past the limit so the app can tell.
        wanted = self.max_bytes + 1 if length is None else length
        entry = self.watchdog.watch(sock, time.monotonic() + self.timeout)
        try:
            body = environ["wsgi.input"].read(wanted)
        except Exception:
            # gunicorn's reader fails in its own ways when the socket is shut under it; otherwise the
            # client went mid-body, which gunicorn (NoMoreData) handles quietly.
            if self.watchdog.release(entry):
                raise
            return _request_timeout(start_response, self.timeout)
        if not self.watchdog.release(entry):
            return _request_timeout(start_response, self.timeout)
        environ["wsgi.input"] = io.BytesIO(body)
        return self.app(environ, start_response)


def _declared_length(environ) -> int | None:
    try:
        return int(environ.get("CONTENT_LENGTH") or "")
    except ValueError:
        return None


def _request_timeout(start_response, timeout: float):
    body = json.dumps(
        {
            "type": "about:blank",
            "title": "Request Timeout",
            "status": 408,
            "detail": f"The request body did not arrive within {timeout:g} s.",
        }
    ).encode()
    start_response(
        "408 Request Timeout",
        [
            ("Content-Type", PROBLEM_MEDIA_TYPE),
            ("Content-Length", str(len(body))),
            ("X-Content-Type-Options", "nosniff"),
        ],
    )
    return [body]
