"""WSGI middleware: every answer carries an X-Request-Id, the client's own when it sent a sane one."""

from __future__ import annotations

import re
import uuid

ENVIRON_KEY = "claimtrace.request_id"
HEADER = "X-Request-Id"
# A proxy's or client's id is kept only when it cannot forge log lines or headers.
_ACCEPTED = re.compile(r"[A-Za-z0-9._:@+/=-]{1,128}")


def request_id(environ) -> str:
    """The id of this request: a sane incoming X-Request-Id, else a new random one."""
    given = environ.get("HTTP_X_REQUEST_ID", "")
    return given if _ACCEPTED.fullmatch(given) else uuid.uuid4().hex


class RequestId:
    """Puts the request's id in the environ (for the app's logs) and in the answer's X-Request-Id header.

    Outermost, so answers made before the app (the body deadline's 408) carry it too, and gunicorn's
    access log prints it from the answer (`%({x-request-id}o)s` in gunicorn.conf.py).
    """

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        rid = environ[ENVIRON_KEY] = request_id(environ)

        def start_with_id(status, headers, exc_info=None):
            headers = [(name, value) for name, value in headers if name.lower() != HEADER.lower()]
            headers.append((HEADER, rid))
            return start_response(status, headers, exc_info)

        return self.app(environ, start_with_id)
