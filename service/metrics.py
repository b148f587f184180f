"""Prometheus metrics: requests and latency per endpoint and status, store and index sizes, change-log lag.

Under gunicorn every worker writes its samples to files in PROMETHEUS_MULTIPROC_DIR (set by
gunicorn.conf.py before the app is imported) and whichever worker answers /metrics adds them up;
without that variable (tests, a single process) the app's own registry is read.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.multiprocess import MultiProcessCollector

MULTIPROCESS_ENV = "PROMETHEUS_MULTIPROC_DIR"
# Seconds; /match answers in milliseconds, a write with extraction in tens to hundreds of them.
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
LABELS = ("method", "endpoint", "status")


@dataclass(frozen=True)
class Metrics:
    """The app's metric objects and the registry they are declared in."""

    registry: CollectorRegistry
    requests: Counter
    latency: Histogram
    index_seq: Gauge


def create_metrics() -> Metrics:
    """Declare the metrics in a registry of the app's own (so several apps in one process do not clash)."""
    registry = CollectorRegistry()
    return Metrics(
        registry=registry,
        requests=Counter(
            "claimtrace_http_requests", "HTTP requests answered by the app.", LABELS, registry=registry
        ),
        latency=Histogram(
            "claimtrace_http_request_duration_seconds",
            "Time the app took to answer, by endpoint and status.",
            LABELS,
            buckets=LATENCY_BUCKETS,
            registry=registry,
        ),
        # One series per live worker: the change-log position its match index has reached.
        index_seq=Gauge(
            "claimtrace_index_change_log_seq",
            "Change-log position this worker's match index reflects.",
            registry=registry,
            multiprocess_mode="liveall",
        ),
    )


def render(metrics: Metrics, sizes: dict[str, int]) -> tuple[bytes, str]:
    """The exposition text: every worker's samples, plus the store's sizes and the index lag measured now.

    `sizes` holds `articles`, `quotes`, `index_size` (the answering worker's index) and
    `change_log_seq` (the store's newest change-log position).
    """
    registry = CollectorRegistry()
    if os.environ.get(MULTIPROCESS_ENV):
        MultiProcessCollector(registry)
        samples = _collect(registry)
    else:
        registry = metrics.registry
        samples = _collect(registry)
    positions = [value for name, value in samples if name == "claimtrace_index_change_log_seq"]
    live = _Snapshot(sizes, min(positions) if positions else None)
    registry.register(live)
    try:
        return generate_latest(registry), CONTENT_TYPE_LATEST
    finally:
        registry.unregister(live)


def _collect(registry: CollectorRegistry) -> list[tuple[str, float]]:
    return [(sample.name, sample.value) for family in registry.collect() for sample in family.samples]


class _Snapshot:
    """Gauges read at scrape time from the store and the answering worker."""

    def __init__(self, sizes: dict[str, int], slowest_position: float | None):
        self.sizes = sizes
        self.slowest_position = slowest_position

    def collect(self):
        yield GaugeMetricFamily("claimtrace_articles", "Articles in the store.", value=self.sizes["articles"])
        yield GaugeMetricFamily(
            "claimtrace_statements", "Statements in the store.", value=self.sizes["quotes"]
        )
        yield GaugeMetricFamily(
            "claimtrace_index_size",
            "Statements in the match index of the worker that answered this scrape.",
            value=self.sizes["index_size"],
        )
        head = self.sizes["change_log_seq"]
        yield GaugeMetricFamily("claimtrace_change_log_seq", "Newest change-log position.", value=head)
        if self.slowest_position is not None:
            yield GaugeMetricFamily(
                "claimtrace_change_log_lag",
                "Changes the furthest-behind worker's index has yet to apply (0: every worker is current).",
                value=max(0.0, head - self.slowest_position),
            )
