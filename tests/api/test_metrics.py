"""GET /metrics: Prometheus text with requests and latency per endpoint and status, sizes and index lag."""

from __future__ import annotations

import re

from prometheus_client.parser import text_string_to_metric_families

from service.metrics import create_metrics, render


def samples(text: str) -> dict[tuple[str, frozenset], float]:
    """Every sample of an exposition, by (name, labels)."""
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def value(text: str, name: str, **labels) -> float:
    return samples(text).get((name, frozenset(labels.items())), 0.0)


def test_requests_are_counted_and_timed_by_endpoint_and_status(make_app):
    client = make_app().test_client()
    for _ in range(3):
        client.get("/health")
    client.get("/quotes/987654")
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.mimetype == "text/plain"
    text = response.get_data(as_text=True)
    health = {"method": "GET", "endpoint": "health.health", "status": "200"}
    missing = {"method": "GET", "endpoint": "quotes.get_quote", "status": "404"}
    assert value(text, "claimtrace_http_requests_total", **health) == 3
    assert value(text, "claimtrace_http_requests_total", **missing) == 1
    assert value(text, "claimtrace_http_request_duration_seconds_count", **health) == 3
    assert value(text, "claimtrace_http_request_duration_seconds_sum", **health) > 0
    assert not re.search(r'endpoint="[^"]*987654', text)  # ids never become labels


def test_unrouted_and_refused_requests_are_counted_too(make_app):
    client = make_app(rate_limit=1).test_client()
    client.get("/no/such/page")  # uses up the one request a minute
    client.get("/speakers")
    client.get("/speakers")
    text = client.get("/metrics").get_data(as_text=True)
    assert (
        value(text, "claimtrace_http_requests_total", method="GET", endpoint="unmatched", status="404") == 1
    )
    limited = {"method": "GET", "endpoint": "speakers.list_speakers", "status": "429"}
    assert value(text, "claimtrace_http_requests_total", **limited) == 2


def test_store_and_index_sizes_match_health(client):
    health = client.get("/health").get_json()
    text = client.get("/metrics").get_data(as_text=True)
    assert value(text, "claimtrace_articles") == health["articles"]
    assert value(text, "claimtrace_statements") == health["quotes"]
    assert value(text, "claimtrace_index_size") == health["index_size"]
    assert value(text, "claimtrace_change_log_lag") == 0


def test_the_lag_is_how_far_the_slowest_index_is_behind_the_log():
    metrics = create_metrics()
    metrics.index_seq.set(5)
    sizes = {"articles": 2, "quotes": 9, "index_size": 9, "change_log_seq": 8}
    text = render(metrics, sizes)[0].decode()
    assert value(text, "claimtrace_change_log_seq") == 8
    assert value(text, "claimtrace_change_log_lag") == 3


def test_metrics_need_no_key_and_are_never_rate_limited(make_app):
    client = make_app(read_requires_key=True, rate_limit=1).test_client()
    assert [client.get("/metrics").status_code for _ in range(3)] == [200, 200, 200]
