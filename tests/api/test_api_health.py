"""GET /health: status, counts and the size of this worker's index."""

from __future__ import annotations


def test_health_reports_counts_and_index_size(client):
    response = client.get("/health")
    assert response.status_code == 200
    body = response.get_json()
    assert body["status"] == "ok"
    assert body["articles"] >= 4
    assert body["quotes"] >= 8
    assert body["speakers"] >= 4
    assert body["index_size"] == body["quotes"]


def test_empty_store_is_healthy_with_zero_counts(make_app):
    body = make_app(load_corpus=False).test_client().get("/health").get_json()
    assert body == {"status": "ok", "articles": 0, "quotes": 0, "speakers": 0, "index_size": 0}
