"""Bearer-key auth, body limits, per-client rate limit and security headers, on a small app of their own."""

from __future__ import annotations

import io
import json
import re

import pytest
from flask import Blueprint, Flask, jsonify, request
from hypothesis import given
from hypothesis import strategies as st
from werkzeug.test import EnvironBuilder, run_wsgi_app

from service.api import security
from service.config import Settings
from service.errors import register_error_handlers
from service.ratelimit.memory import MemoryBuckets

KEY = "k-3f9a1c7e5b"
OTHER_KEY = "second-key-ü"


def build_app(**overrides) -> Flask:
    """A minimal app with one public read, one guarded write and a health blueprint."""
    settings = Settings(**{"api_keys": (KEY, OTHER_KEY), "load_corpus": False, **overrides})
    app = Flask("security_test")
    register_error_handlers(app)
    security.init_app(app, settings, buckets=MemoryBuckets())

    @app.get("/items")
    def list_items():
        return jsonify(items=[])

    @app.post("/items")
    @security.require_key
    def create_item():
        payload = request.get_json()
        security.check_article_size(payload["text"])
        return jsonify(created=True), 201

    @app.get("/boom")
    def boom():
        raise RuntimeError("secret internals")

    health = Blueprint("health", __name__)

    @health.get("/health")
    def health_check():
        return jsonify(status="ok")

    app.register_blueprint(health)
    return app


def post_item(client, text="hello", headers=None):
    return client.post("/items", json={"text": text}, headers=headers or {})


@pytest.fixture
def client():
    return build_app().test_client()


def bearer(key):
    return {"Authorization": f"Bearer {key}"}


@pytest.mark.parametrize(
    "headers",
    [
        {},
        bearer("wrong"),
        bearer(KEY + "x"),
        bearer(KEY[:-1]),
        {"Authorization": f"Basic {KEY}"},
        {"Authorization": KEY},
        {"Authorization": "Bearer "},
        {"Authorization": "Bearer"},
    ],
    ids=["missing", "wrong", "longer", "prefix", "basic-scheme", "no-scheme", "empty", "scheme-only"],
)
def test_write_without_a_valid_key_is_401_problem_with_challenge(client, headers):
    response = post_item(client, headers=headers)
    assert response.status_code == 401
    assert response.mimetype == "application/problem+json"
    assert response.headers["WWW-Authenticate"].lower().startswith("bearer")
    assert response.json["status"] == 401
    assert "Authorization: Bearer" in response.json["detail"]


@pytest.mark.parametrize("key", [KEY, OTHER_KEY])
def test_each_configured_key_is_accepted(client, key):
    response = post_item(client, headers=bearer(key))
    assert response.status_code == 201


def test_scheme_name_is_case_insensitive(client):
    assert post_item(client, headers={"Authorization": f"bearer {KEY}"}).status_code == 201


def test_no_keys_configured_refuses_writes_with_a_clear_message():
    client = build_app(api_keys=()).test_client()
    response = post_item(client, headers=bearer("anything"))
    assert response.status_code == 403
    assert "CLAIMTRACE_API_KEYS" in response.json["detail"]


def test_reads_are_public_by_default(client):
    assert client.get("/items").status_code == 200


def test_reads_need_a_key_when_configured():
    client = build_app(read_requires_key=True).test_client()
    assert client.get("/items").status_code == 401
    assert client.get("/items", headers=bearer(KEY)).status_code == 200
    assert client.get("/health").status_code == 200  # health stays reachable for load balancers


def test_key_never_appears_in_the_response(client):
    response = post_item(client, headers=bearer("wrong-secret-guess"))
    assert b"wrong-secret-guess" not in response.data
    assert KEY.encode() not in response.data


@given(st.text(max_size=40))
def test_key_checker_accepts_only_configured_keys(presented):
    checker = security.KeyChecker((KEY, OTHER_KEY))
    assert checker.accepts(presented) == (presented in (KEY, OTHER_KEY))


def test_body_over_one_megabyte_is_413_problem(client):
    response = post_item(client, text="x" * 1_000_001, headers=bearer(KEY))
    assert response.status_code == 413
    assert response.mimetype == "application/problem+json"


def test_body_limit_applies_without_a_key_too():
    client = build_app(max_body_bytes=100).test_client()
    response = post_item(client, text="y" * 500)
    assert response.status_code == 413


def test_article_over_the_character_limit_is_413():
    client = build_app(max_article_chars=50).test_client()
    assert post_item(client, text="z" * 50, headers=bearer(KEY)).status_code == 201
    response = post_item(client, text="z" * 51, headers=bearer(KEY))
    assert response.status_code == 413
    assert "51" in response.json["detail"]


def test_rate_limit_is_off_by_default(client):
    assert all(client.get("/items").status_code == 200 for _ in range(50))


def test_rate_limit_answers_429_with_retry_after():
    client = build_app(rate_limit=3).test_client()
    statuses = [client.get("/items").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    response = client.get("/items")
    assert response.status_code == 429
    assert int(response.headers["Retry-After"]) >= 1
    assert response.mimetype == "application/problem+json"
    assert client.get("/health").status_code == 200


def test_rate_limit_is_per_client():
    client = build_app(rate_limit=1).test_client()
    assert client.get("/items", environ_base={"REMOTE_ADDR": "10.0.0.1"}).status_code == 200
    assert client.get("/items", environ_base={"REMOTE_ADDR": "10.0.0.1"}).status_code == 429
    assert client.get("/items", environ_base={"REMOTE_ADDR": "10.0.0.2"}).status_code == 200


@pytest.mark.parametrize("path", ["/items", "/nowhere", "/boom"])
def test_security_headers_on_every_response(client, path):
    response = client.get(path)
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]


def test_html_pages_get_a_policy_that_allows_local_scripts_and_styles():
    app = build_app()

    @app.get("/page")
    def page():
        return "<html><script src='/static/x.js'></script></html>"

    csp = app.test_client().get("/page").headers["Content-Security-Policy"]
    assert "script-src 'self';" in csp  # no inline scripts: the docs page loads its initializer as a file
    assert "style-src 'self'" in csp
    assert "http" not in csp  # nothing from other hosts


def test_writes_are_not_cached(client):
    assert post_item(client, headers=bearer(KEY)).headers["Cache-Control"] == "no-store"
    assert post_item(client).headers["Cache-Control"] == "no-store"


def test_unexpected_error_is_a_500_without_a_stack_trace(client):
    response = client.get("/boom")
    assert response.status_code == 500
    assert b"Traceback" not in response.data
    assert b"secret internals" not in response.data
    assert response.mimetype == "application/problem+json"


def test_spec_declares_the_bearer_scheme():
    from flask_smorest import Api

    app = Flask("spec_test")
    app.config.update(API_TITLE="t", API_VERSION="1", OPENAPI_VERSION="3.0.3")
    api = Api(app)
    security.init_app(app, Settings(api_keys=(KEY,)), api=api)
    schemes = api.spec.to_dict()["components"]["securitySchemes"]
    assert schemes[security.BEARER_SCHEME] == security.BEARER_SCHEME_SPEC


def test_read_key_setting_guards_the_real_api_but_not_health_or_docs(make_app):
    client = make_app(api_keys=(KEY,), read_requires_key=True).test_client()
    for path in ("/quotes", "/speakers", "/articles"):
        assert client.get(path).status_code == 401
        assert client.get(path, headers=bearer(KEY)).status_code == 200
    assert client.post("/match", json={"claim": "anything at all"}).status_code == 401
    for path in ("/health", "/openapi.json", "/docs"):
        assert client.get(path).status_code == 200


def test_docs_page_works_under_its_content_security_policy(make_app):
    client = make_app().test_client()
    page = client.get("/docs")
    assert page.status_code == 200
    assert "script-src 'self'" in page.headers["Content-Security-Policy"]
    html = page.get_data(as_text=True)
    # Every script is a file from this host: an inline script would be blocked by the policy.
    assert "<script>" not in html
    for src in re.findall(r'<script src="([^"]+)"', html):
        assert src.startswith("/")
        with client.get(src) as script:  # a file response: close it, or its handle leaks
            assert script.status_code == 200


def send_chunked(app, body: bytes, headers: dict) -> tuple[int, bytes]:
    """Send `body` the way a server passes on a chunked upload: no Content-Length, a terminated stream."""
    environ = EnvironBuilder(
        path="/items",
        method="POST",
        headers={"Content-Type": "application/json", "Transfer-Encoding": "chunked", **headers},
        input_stream=io.BytesIO(body),
    ).get_environ()
    environ.pop("CONTENT_LENGTH", None)
    environ["wsgi.input_terminated"] = True
    chunks, status, _ = run_wsgi_app(app, environ)
    return int(status.split()[0]), b"".join(chunks)


@pytest.mark.parametrize("size,expected", [(1_200_000, 413), (1_000_001, 413), (900_000, 201)])
def test_chunked_bodies_are_held_to_the_same_limit(size, expected):
    app = build_app(max_article_chars=1_000_000)  # only the body limit is under test
    body = json.dumps({"text": "x" * (size - len('{"text": ""}'))}).encode()
    status, answer = send_chunked(app, body, bearer(KEY))
    assert status == expected, answer[:200]
