"""Request guards for the HTTP API: bearer keys, body limits, a per-client rate limit, security headers."""

from __future__ import annotations

import functools
import hashlib
import hmac
import io
import math
from collections.abc import Callable
from dataclasses import dataclass

from flask import Flask, current_app, g, request
from werkzeug.datastructures import WWWAuthenticate
from werkzeug.exceptions import Forbidden, RequestEntityTooLarge, TooManyRequests, Unauthorized

from service.config import Settings
from service.ratelimit import Buckets, RateLimiter

EXTENSION_KEY = "claimtrace_security"
BEARER_SCHEME = "bearerAuth"
# Put on a flask-smorest view with `@blp.doc(security=WRITE_SECURITY)` so the spec names the scheme.
WRITE_SECURITY = [{BEARER_SCHEME: []}]
BEARER_SCHEME_SPEC = {
    "type": "http",
    "scheme": "bearer",
    "description": "One of the keys in CLAIMTRACE_API_KEYS, sent as `Authorization: Bearer <key>`.",
}
# Health checks, metrics and the API description stay reachable when reads need a key, and are never
# rate limited (keep /metrics from the outside world at the proxy).
PUBLIC_BLUEPRINTS = frozenset({"health", "api-docs", "docs", "metrics"})
# The page's stylesheet, script and icon hold no data: never counted against a client's rate or keyed.
PUBLIC_ENDPOINTS = frozenset({"static", "web.static"})
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})

JSON_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
# The docs page loads Swagger UI's scripts from this host; Swagger UI sets inline styles and data: images.
HTML_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'"
)
NO_KEYS_MESSAGE = (
    "This server has no API keys configured (CLAIMTRACE_API_KEYS), so it refuses every request needing one."
)


class KeyChecker:
    """Accepts a presented bearer key if it equals one of the configured keys, in constant time."""

    def __init__(self, keys: tuple[str, ...]):
        # Digests, not the keys: equal-length values, so comparing does not even reveal a key's length.
        self._keys = tuple(_digest(key) for key in keys if key)

    @property
    def configured(self) -> bool:
        """True when at least one key is configured."""
        return bool(self._keys)

    def accepts(self, presented: str | None) -> bool:
        """True when `presented` equals a configured key; every key is compared so timing reveals nothing."""
        if presented is None:
            return False
        candidate = _digest(presented)
        matched = False
        for key in self._keys:
            # No early exit: the time taken must not depend on which key (if any) matched.
            matched |= hmac.compare_digest(candidate, key)
        return matched


def _digest(key: str) -> bytes:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).digest()


@dataclass(frozen=True)
class SecurityState:
    """What the request hooks need, kept in app.extensions so tests can build several apps."""

    keys: KeyChecker
    limiter: RateLimiter | None
    read_requires_key: bool
    max_body_bytes: int
    max_article_chars: int


def init_app(app: Flask, settings: Settings, api=None, buckets: Buckets | None = None) -> None:
    """Install the guards on `app`; with a flask-smorest `api`, also declare the bearer scheme in its spec.

    With a rate limit set, `buckets` is where every worker counts each client's requests.
    """
    app.config["MAX_CONTENT_LENGTH"] = settings.max_body_bytes
    app.config["DEBUG"] = False  # a debug page would leak source and tracebacks
    limiter = None
    if settings.rate_limit > 0:
        if buckets is None:
            raise ValueError("a rate limit needs the buckets every worker shares")
        limiter = RateLimiter(settings.rate_limit, buckets)
    app.extensions[EXTENSION_KEY] = SecurityState(
        keys=KeyChecker(settings.api_keys),
        limiter=limiter,
        read_requires_key=settings.read_requires_key,
        max_body_bytes=settings.max_body_bytes,
        max_article_chars=settings.max_article_chars,
    )
    app.before_request(_limit_body_size)
    app.before_request(_limit_rate)
    app.before_request(_guard_reads)
    app.after_request(_add_security_headers)
    if api is not None:
        api.spec.components.security_scheme(BEARER_SCHEME, BEARER_SCHEME_SPEC)


def _state() -> SecurityState:
    return current_app.extensions[EXTENSION_KEY]


def _is_public_request() -> bool:
    # A CORS preflight (OPTIONS) carries no key and reads nothing: it is answered, never counted.
    return (
        request.blueprint in PUBLIC_BLUEPRINTS
        or request.endpoint in PUBLIC_ENDPOINTS
        or request.method == "OPTIONS"
    )


def bearer_token() -> str | None:
    """The key sent as `Authorization: Bearer <key>`, or None when the header is absent or another scheme."""
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.strip().partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def check_key() -> None:
    """Raise 403 when no keys are configured and 401 when the request lacks a valid bearer key."""
    keys = _state().keys
    if not keys.configured:
        raise Forbidden(NO_KEYS_MESSAGE)
    if not keys.accepts(bearer_token()):
        raise Unauthorized(
            "A valid API key is required: send `Authorization: Bearer <key>`.",
            www_authenticate=WWWAuthenticate("bearer", {"realm": "claimtrace"}),
        )


def require_key(view: Callable) -> Callable:
    """Decorate a write view so it runs only for requests carrying a configured bearer key."""

    @functools.wraps(view)
    def guarded(*args, **kwargs):
        check_key()
        return view(*args, **kwargs)

    return guarded


def check_article_size(text: str) -> None:
    """Raise 413 when an article's text is longer than the configured character limit."""
    limit = _state().max_article_chars
    if len(text) > limit:
        raise RequestEntityTooLarge(f"The article has {len(text):,} characters; the limit is {limit:,}.")


def _limit_body_size() -> None:
    # Werkzeug enforces MAX_CONTENT_LENGTH lazily, when the body is read; refusing on the declared
    # length up front keeps oversized uploads from reaching the views or the rate limiter at all.
    limit = _state().max_body_bytes
    length = request.content_length
    if length is not None and length > limit:
        raise RequestEntityTooLarge(f"The request body has {length:,} bytes; the limit is {limit:,}.")
    if length is None and "chunked" in request.headers.get("Transfer-Encoding", "").lower():
        _buffer_chunked_body(limit)


def _buffer_chunked_body(limit: int) -> None:
    # A chunked body declares no length, and werkzeug silently cuts it at MAX_CONTENT_LENGTH (the
    # view then sees truncated JSON and answers 400). Read one byte past the limit to tell, then hand
    # the views the body from memory; it is at most `limit` bytes.
    body = request.environ["wsgi.input"].read(limit + 1)
    if len(body) > limit:
        raise RequestEntityTooLarge(f"The request body is over the limit of {limit:,} bytes.")
    request.environ["wsgi.input"] = io.BytesIO(body)


def _limit_rate() -> None:
    limiter = _state().limiter
    if limiter is None or _is_public_request():
        return
    # The peer address, or behind CLAIMTRACE_TRUSTED_PROXIES proxies the client they saw (ProxyFix).
    wait = limiter.acquire(request.remote_addr or "unknown")
    if wait > 0:
        retry_after = max(1, math.ceil(wait))
        g.claimtrace_retry_after = retry_after
        raise TooManyRequests(
            f"Too many requests from this client; retry in {retry_after} s.", retry_after=retry_after
        )


def _guard_reads() -> None:
    state = _state()
    if state.read_requires_key and not _is_public_request():
        check_key()


def _add_security_headers(response):
    headers = response.headers
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Referrer-Policy", "no-referrer")
    is_html = (response.mimetype or "").startswith("text/html")
    headers.setdefault("Content-Security-Policy", HTML_CSP if is_html else JSON_CSP)
    if request.method in WRITE_METHODS or response.status_code in (401, 403):
        headers["Cache-Control"] = "no-store"
    # The error handler may rebuild the response from the exception without its headers; restore them.
    if response.status_code == 401 and "WWW-Authenticate" not in headers:
        headers["WWW-Authenticate"] = 'Bearer realm="claimtrace"'
    retry_after = g.get("claimtrace_retry_after")
    if response.status_code == 429 and retry_after and "Retry-After" not in headers:
        headers["Retry-After"] = str(retry_after)
    return response
