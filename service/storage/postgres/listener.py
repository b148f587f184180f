"""LISTEN/NOTIFY: a thread per listening process that hears every change-log commit, and survives disconnects.

A notification carries the newest change-log position; the callback catches up from the log, so
a notification that is lost (the connection dropped, the server restarted) costs nothing but
time: after reconnecting the listener calls back once with the log's current position.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

import psycopg

CHANNEL = "claimtrace_changes"
POLL_SECONDS = 1.0  # how often the thread looks up from waiting to see whether it was stopped
RETRY_SECONDS = (0.2, 0.5, 1.0, 2.0, 5.0)  # back-off between reconnection attempts

log = logging.getLogger(__name__)


class Listener:
    """One daemon thread with its own connection, LISTENing on the change-log channel."""

    def __init__(self, url: str, on_change: Callable[[int], None], current_seq: Callable[[], int]):
        self.url = url
        self.on_change = on_change
        self.current_seq = current_seq
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name="claimtrace-listener", daemon=True)
        self.connected = threading.Event()  # set while LISTEN is in force (tests wait on it)

    def start(self) -> None:
        """Start listening in the background."""
        self._thread.start()

    def stop(self, wait: bool = False) -> None:
        """Stop listening: the thread ends within POLL_SECONDS (awaited when `wait`), calling back no more."""
        self._stopped.set()
        if wait and self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(timeout=POLL_SECONDS + 5)

    def _run(self) -> None:
        failures = 0
        while not self._stopped.is_set():
            try:
                with psycopg.connect(self.url, autocommit=True) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    self.connected.set()
                    # Whatever was committed while no one listened (start-up, a dropped connection).
                    self._deliver(self.current_seq())
                    failures = 0
                    while not self._stopped.is_set():
                        for notice in conn.notifies(timeout=POLL_SECONDS):
                            if not self._stopped.is_set():
                                self._deliver(int(notice.payload))
            except psycopg.Error as error:
                self.connected.clear()
                if self._stopped.is_set():
                    break
                delay = RETRY_SECONDS[min(failures, len(RETRY_SECONDS) - 1)]
                failures += 1
                log.warning("change-log listener lost its connection (%s); retrying in %.1fs", error, delay)
                self._stopped.wait(delay)
        self.connected.clear()

    def _deliver(self, seq: int) -> None:
        try:
            self.on_change(seq)
        except Exception:  # a failing callback must not end the listening; the next change retries
            log.exception("change-log callback failed for seq %s", seq)
