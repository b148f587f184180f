"""CORS for browser clients of other sites, off unless CLAIMTRACE_CORS_ORIGINS names their origins."""

from __future__ import annotations

from flask import Flask
from flask_cors import CORS

# What a browser script may send and read: keys and JSON in, the request id and back-off hint out.
ALLOWED_HEADERS = ["Authorization", "Content-Type", "X-Request-Id"]
EXPOSED_HEADERS = ["X-Request-Id", "Retry-After", "Location"]
PREFLIGHT_CACHE_SECONDS = 600


def allow_cors(app: Flask, origins: tuple[str, ...]) -> None:
    """Answer cross-origin requests and preflights from `origins` (`*` for any) on every route."""
    CORS(
        app,
        origins=list(origins),
        allow_headers=ALLOWED_HEADERS,
        expose_headers=EXPOSED_HEADERS,
        max_age=PREFLIGHT_CACHE_SECONDS,
        supports_credentials=False,  # keys travel in Authorization, never in cookies
    )
