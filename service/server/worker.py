"""gunicorn's threaded worker, answering the errors gunicorn raises itself (414, 431, 400) as problem+json."""

from __future__ import annotations

import http
import json

from gunicorn.workers.gthread import ThreadWorker

PROBLEM_MEDIA_TYPE = "application/problem+json"  # as service.errors, which imports Flask

# gunicorn's own messages can quote the request line back; these say what went wrong without that.
_DETAILS = {
    400: "The request could not be read as HTTP.",
    403: "The request was refused.",
    414: "The request line (method, path and query string) is longer than the server accepts.",
    431: "The request headers are too many or too large for the server.",
    500: "The server failed to answer this request; the failure has been logged.",
    501: "The request uses a transfer coding the server does not support.",
}


def problem_bytes(status: int, reason: str) -> bytes:
    """A complete HTTP/1.1 problem+json answer that closes the connection."""
    body = json.dumps(
        {
            "type": "about:blank",
            "title": reason,
            "status": status,
            "detail": _DETAILS.get(status) or http.HTTPStatus(status).description,
        }
    ).encode()
    head = (
        f"HTTP/1.1 {status} {reason}\r\nConnection: close\r\nContent-Type: {PROBLEM_MEDIA_TYPE}\r\n"
        f"Content-Length: {len(body)}\r\nX-Content-Type-Options: nosniff\r\n"
        "Cache-Control: no-store\r\n\r\n"
    )
    return head.encode("latin-1") + body


class _ErrorPageCatcher:
    """Stands in for the client socket while gunicorn writes its HTML error page, then sends problem+json.

    gunicorn decides the status of a request it cannot parse (414 for a long request line, 431 for
    large headers, 400 for bad syntax) and writes a text/html page with `util.write_error`; keeping
    its decision and replacing only the body follows gunicorn's own classification in every version.
    """

    def __init__(self, sock):
        self._sock = sock

    def gettimeout(self):
        return self._sock.gettimeout()

    def setblocking(self, flag):
        self._sock.setblocking(flag)

    def sendall(self, data: bytes) -> None:
        status_line = data.split(b"\r\n", 1)[0].decode("latin-1")  # "HTTP/1.1 414 URI Too Long"
        _, code, reason = status_line.split(" ", 2)
        self._sock.sendall(problem_bytes(int(code), reason))

    def __getattr__(self, name):
        return getattr(self._sock, name)


class ProblemThreadWorker(ThreadWorker):
    """gthread worker that accepts connections only with a thread free and answers its errors as problem+json.

    gunicorn's gthread worker accepts up to `worker_connections` and queues them for its threads, so
    while slow clients hold every thread of one worker, connections that worker accepts wait behind
    them even if another worker is idle. Here a worker with no free thread stops accepting; new
    connections go to a worker that can answer them, or wait in the listen backlog. Kept-alive
    connections still wait in the poller without holding a thread.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._in_flight = 0  # connections handed to the pool and not yet finished; main thread only

    def enqueue_req(self, conn):
        """Hand a connection to the pool, and stop accepting once every thread has one."""
        self._in_flight += 1
        super().enqueue_req(conn)
        if self._in_flight >= self.cfg.threads:
            super().set_accept_enabled(False)

    def finish_request(self, conn, fs):
        """A thread is free again (the run loop then accepts again)."""
        self._in_flight -= 1
        super().finish_request(conn, fs)

    def set_accept_enabled(self, enabled):
        """The run loop's wish to accept, granted only while a thread is free."""
        super().set_accept_enabled(enabled and self._in_flight < self.cfg.threads)

    def handle_error(self, req, client, addr, exc):
        """Let gunicorn classify and log the error; send its answer as problem+json."""
        super().handle_error(req, _ErrorPageCatcher(client), addr, exc)
