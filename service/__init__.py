"""claimtrace: who said this, when, and where was it published. `create_app()` builds the HTTP service."""

from __future__ import annotations

from typing import TYPE_CHECKING

from service.config import Settings

if TYPE_CHECKING:
    from flask import Flask

# Flask and the data layers are imported inside the functions below so that `import service`
# (and CLI commands such as `python -m service extract`) does no work and loads no web stack.


def resolve_settings(config: Settings | dict | None = None) -> Settings:
    """A Settings as given, the environment's Settings with a dict of overrides, or the environment's."""
    if isinstance(config, Settings):
        return config
    return Settings.from_env(**(config or {}))


def create_http_app(settings: Settings) -> Flask:
    """The Flask app with its error handlers, guards, blueprints and OpenAPI spec, but no data loaded."""
    from flask import Flask
    from werkzeug.middleware.proxy_fix import ProxyFix

    from service.api import create_api, metrics, security
    from service.api.cors import allow_cors
    from service.errors import register_error_handlers
    from service.ratelimit import open_buckets
    from service.server.body import BodyDeadline
    from service.server.request_id import RequestId
    from service.web.views import blp as web_pages

    app = Flask(__name__)
    app.json.sort_keys = False  # keep fields in schema order: problem details read type, title, status...
    register_error_handlers(app)
    metrics.init_app(app)  # first, so its timer starts before the guards run
    api = create_api(app)
    app.register_blueprint(web_pages)  # the fact-checkers' pages: plain Flask, not part of the API spec
    security.init_app(app, settings, api, buckets=open_buckets(settings) if settings.rate_limit else None)
    if settings.cors_origins:
        allow_cors(app, settings.cors_origins)
    app.wsgi_app = BodyDeadline(
        app.wsgi_app, timeout=settings.body_timeout, max_bytes=settings.max_body_bytes
    )
    if settings.trusted_proxies:
        # X-Forwarded-For is believed for exactly that many hops: the address the outermost trusted
        # proxy saw becomes remote_addr (rate limit, access log); a client cannot forge its way past.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=settings.trusted_proxies)
    app.wsgi_app = RequestId(app.wsgi_app)
    return app


def create_app(config: Settings | dict | None = None) -> Flask:
    """Build the service: settings -> store -> corpus on first start -> index -> blueprints."""
    from service.services import ClaimTrace

    settings = resolve_settings(config)
    app = create_http_app(settings)
    claimtrace = ClaimTrace.open(settings)
    app.extensions["claimtrace"] = claimtrace
    # Statements stored by another gunicorn worker reach this worker's index before it answers.
    app.before_request(claimtrace.sync)
    return app
