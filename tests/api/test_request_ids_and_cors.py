"""Every answer echoes a request id; CORS answers only for the origins configured."""

from __future__ import annotations

import re

import pytest

ORIGIN = "https://factcheck.example"


def test_an_answer_carries_a_new_request_id(client):
    first = client.get("/health").headers["X-Request-Id"]
    second = client.get("/health").headers["X-Request-Id"]
    assert re.fullmatch(r"[0-9a-f]{32}", first) and first != second


def test_a_sane_incoming_request_id_is_echoed(client):
    response = client.get("/speakers", headers={"X-Request-Id": "edge-7f3a.42"})
    assert response.headers["X-Request-Id"] == "edge-7f3a.42"


@pytest.mark.parametrize("given", ["x" * 129, "has space", "new\\nline", "<script>", ""])
def test_an_unusable_request_id_is_replaced(client, given):
    response = client.get("/health", headers={"X-Request-Id": given})
    assert re.fullmatch(r"[0-9a-f]{32}", response.headers["X-Request-Id"])


def test_errors_carry_the_request_id_too(client):
    response = client.get("/quotes/999999", headers={"X-Request-Id": "lost-1"})
    assert response.status_code == 404
    assert response.headers["X-Request-Id"] == "lost-1"


def test_cors_is_off_by_default(client):
    response = client.get("/health", headers={"Origin": ORIGIN})
    assert "Access-Control-Allow-Origin" not in response.headers


def test_configured_origins_may_call_and_read_the_request_id(make_app):
    client = make_app(cors_origins=(ORIGIN,)).test_client()
    response = client.post("/match", json={"claim": "harbor containers"}, headers={"Origin": ORIGIN})
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == ORIGIN
    assert "X-Request-Id" in response.headers["Access-Control-Expose-Headers"]
    other = client.get("/health", headers={"Origin": "https://elsewhere.example"})
    assert "Access-Control-Allow-Origin" not in other.headers


def test_a_preflight_is_answered_without_a_key_and_not_counted(make_app):
    client = make_app(cors_origins=(ORIGIN,), read_requires_key=True, rate_limit=1).test_client()
    headers = {
        "Origin": ORIGIN,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "Authorization, Content-Type",
    }
    for _ in range(3):
        response = client.options("/articles", headers=headers)
        assert response.status_code == 200
        assert response.headers["Access-Control-Allow-Origin"] == ORIGIN
        assert "authorization" in response.headers["Access-Control-Allow-Headers"].lower()
