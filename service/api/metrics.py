"""GET /metrics in Prometheus format, and the request hooks that count and time every answer."""

from __future__ import annotations

import time

from flask import Blueprint, Flask, Response, current_app, g, request

from service.metrics import Metrics, create_metrics, render

EXTENSION_KEY = "claimtrace_metrics"

blp = Blueprint("metrics", __name__)


def init_app(app: Flask) -> None:
    """Declare the metrics, time every request from its first hook, and serve /metrics."""
    app.extensions[EXTENSION_KEY] = create_metrics()
    # Registered before the guards' hooks, so refused requests (401, 413, 429) are timed and counted too.
    app.before_request(_start_timer)
    app.after_request(_count)
    app.register_blueprint(blp)


def _metrics() -> Metrics:
    return current_app.extensions[EXTENSION_KEY]


def _start_timer() -> None:
    g.claimtrace_started = time.perf_counter()


def _count(response: Response) -> Response:
    started = g.pop("claimtrace_started", None)
    if started is None:
        return response
    metrics = _metrics()
    # The route's name, never the path: ids in paths would make a series per statement.
    labels = (request.method, request.endpoint or "unmatched", str(response.status_code))
    metrics.requests.labels(*labels).inc()
    metrics.latency.labels(*labels).observe(time.perf_counter() - started)
    claimtrace = current_app.extensions.get("claimtrace")
    if claimtrace is not None:
        metrics.index_seq.set(claimtrace.index.seq)
    return response


@blp.get("/metrics")
def metrics():
    """Prometheus exposition: requests, latency, sizes and change-log lag across every worker."""
    claimtrace = current_app.extensions["claimtrace"]
    sizes = claimtrace.metrics_sizes()
    body, content_type = render(_metrics(), sizes)
    return Response(body, content_type=content_type)
