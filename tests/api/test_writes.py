"""POST /articles and DELETE /articles/{id}: auth, create-or-return, limits, deletion everywhere."""

from __future__ import annotations

import logging

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

KEY = "writes-test-key-7d1e"
AUTH = {"Authorization": f"Bearer {KEY}"}

ARTICLE = (
    "Port authority defends dredging plan as costs rise\n\n"
    "ROTTERDAM (Reuters) - The port authority on Wednesday defended a plan to deepen the main channel.\n\n"
    '"Deepening the channel will cost 310 million euros and create 1,200 jobs," Harbour Master '
    "Annelies Vermeer told reporters on Wednesday.\n\n"
    "Vermeer said the work would begin next spring.\n\n"
    '"The estimate was wrong from the start and taxpayers will pay for it," said Joost de Wit, '
    "a city councillor.\n"
)
CLAIM = "deepening the channel will cost 310 million euros and create 1,200 jobs"


@pytest.fixture(scope="module")
def write_app(make_app):
    """An app with a write key and a small article limit, so limits are cheap to reach."""
    return make_app(api_keys=(KEY,), max_article_chars=5_000)


@pytest.fixture
def writer(write_app):
    return write_app.test_client()


def post(client, body, headers=AUTH):
    return client.post("/articles", json=body, headers=headers)


def matched_article_ids(client, claim):
    """Ids of the articles every match of `claim` comes from, copies included."""
    reply = client.post("/match", json={"claim": claim, "group": False, "limit": 50, "min_score": 50})
    assert reply.status_code == 200
    return {(m["quote"].get("article") or {}).get("id") for m in reply.json["matches"]}


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer not-the-key"}, {"Authorization": f"Basic {KEY}"}],
    ids=["missing", "wrong", "other-scheme"],
)
@pytest.mark.parametrize("method,path", [("POST", "/articles"), ("DELETE", "/articles/1")])
def test_writes_without_a_valid_key_are_401(writer, headers, method, path):
    response = writer.open(path, method=method, json={"text": ARTICLE}, headers=headers)
    assert response.status_code == 401
    assert response.mimetype == "application/problem+json"
    assert response.headers["WWW-Authenticate"].lower().startswith("bearer")


def test_key_is_checked_before_the_body(writer):
    assert writer.post("/articles", json={"nonsense": True}).status_code == 401


def test_no_keys_configured_means_writes_are_refused(client):
    response = client.post("/articles", json={"text": ARTICLE}, headers=AUTH)
    assert response.status_code == 403
    assert "CLAIMTRACE_API_KEYS" in response.json["detail"]


def test_post_creates_then_returns_the_existing_article(writer):
    text = ARTICLE.replace("Rotterdam", "Antwerp").replace("ROTTERDAM", "ANTWERP")
    created = post(writer, {"text": text, "url": "https://news.example/dredging"})
    assert created.status_code == 201
    body = created.json
    assert body["quotes"], "the article's statements come back with it"
    for quote in body["quotes"]:
        assert quote["start"] is not None and quote["end"] is not None
    assert body["url"] == "https://news.example/dredging"
    assert body["sources"]["url"] == "request"

    again = post(writer, {"text": text})
    assert again.status_code == 200
    assert again.json["id"] == body["id"]
    assert [q["id"] for q in again.json["quotes"]] == [q["id"] for q in body["quotes"]]
    assert writer.get(f"/articles/{body['id']}").json["quotes"] == body["quotes"]


def test_request_metadata_fills_only_what_the_text_lacks(writer):
    text = ARTICLE.replace("Harbour Master", "Port Director")
    body = post(writer, {"text": text, "outlet": "Some Blog", "published": "2019-03-06"}).json
    assert body["published"] == "2019-03-06"
    assert body["sources"]["published"] == "request"
    assert body["title"] == "Port authority defends dredging plan as costs rise"
    assert body["sources"]["title"] == "text"


def test_a_posted_article_is_matched_at_once(writer):
    text = ARTICLE.replace("310 million", "845 million")
    body = post(writer, {"text": text}).json
    assert body["id"] in matched_article_ids(writer, CLAIM.replace("310", "845"))


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"text": ""},
        {"text": "   \n\t "},
        {"text": 42},
        {"text": ARTICLE, "colour": "blue"},
        {"text": ARTICLE, "url": "not a url"},
        {"text": ARTICLE, "published": "last Tuesday"},
        {"text": ARTICLE, "title": ""},
        {"text": ARTICLE, "published": "2019-02-30"},
        {"text": ARTICLE, "url": "ftp://news.example/story"},
        {"text": None},
        [ARTICLE],
    ],
    ids=[
        "empty",
        "blank",
        "whitespace",
        "not-string",
        "unknown-field",
        "bad-url",
        "bad-date",
        "empty-title",
        "impossible-date",
        "not-http-url",
        "null-text",
        "list",
    ],
)
def test_bad_bodies_are_422_problems(writer, body):
    response = post(writer, body)
    assert response.status_code == 422
    assert response.mimetype == "application/problem+json"


def test_a_body_that_is_not_json_is_415(writer):
    response = writer.post("/articles", data=ARTICLE, content_type="text/plain", headers=AUTH)
    assert response.status_code == 415
    assert response.mimetype == "application/problem+json"


def test_article_over_the_character_limit_is_413(writer):
    response = post(writer, {"text": "Word " * 1_001})
    assert response.status_code == 413
    assert "5,000" in response.json["detail"]


def test_body_over_one_megabyte_is_413(writer):
    response = writer.post(
        "/articles",
        data=b'{"text": "' + b"x" * 1_000_100 + b'"}',
        content_type="application/json",
        headers=AUTH,
    )
    assert response.status_code == 413


def test_rate_limit_answers_429_with_retry_after(make_app):
    limited = make_app(api_keys=(KEY,), rate_limit=2).test_client()
    statuses = [limited.get("/articles").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    response = limited.post("/articles", json={"text": ARTICLE}, headers=AUTH)
    assert response.status_code == 429
    assert int(response.headers["Retry-After"]) >= 1


def test_deleted_article_is_gone_from_every_endpoint(writer):
    text = ARTICLE.replace("310 million", "977 million").replace("Vermeer", "Vandersloot")
    body = post(writer, {"text": text}).json
    article_id = body["id"]
    quote_ids = {quote["id"] for quote in body["quotes"]}
    assert article_id in matched_article_ids(writer, CLAIM.replace("310", "977"))

    response = writer.delete(f"/articles/{article_id}", headers=AUTH)
    assert response.status_code == 204
    assert response.data == b""

    assert writer.get(f"/articles/{article_id}").status_code == 404
    listed = writer.get("/articles", query_string={"page_size": 100}).json["items"]
    assert article_id not in {article["id"] for article in listed}
    for quote_id in quote_ids:
        assert writer.get(f"/quotes/{quote_id}").status_code == 404
    quotes = writer.get("/quotes", query_string={"speaker": "Vandersloot", "page_size": 100}).json
    assert quote_ids.isdisjoint(quote["id"] for quote in quotes["items"])
    assert article_id not in matched_article_ids(writer, CLAIM.replace("310", "977"))
    assert writer.delete(f"/articles/{article_id}", headers=AUTH).status_code == 404


def test_deleted_text_can_be_posted_again_as_a_new_article(writer):
    text = ARTICLE.replace("Joost de Wit", "Mirjam Bakker")
    first = post(writer, {"text": text}).json["id"]
    writer.delete(f"/articles/{first}", headers=AUTH)
    again = post(writer, {"text": text})
    assert again.status_code == 201
    assert again.json["id"] != first


def test_writes_are_not_cached_and_carry_security_headers(writer):
    response = post(writer, {"text": ARTICLE})
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert "Content-Security-Policy" in response.headers


def test_keys_never_appear_in_logs(writer, caplog):
    with caplog.at_level(logging.DEBUG):
        post(writer, {"text": ARTICLE})
        post(writer, {"text": ARTICLE}, headers={"Authorization": "Bearer guessed-secret"})
        writer.delete("/articles/999999", headers=AUTH)
    logged = caplog.text
    assert KEY not in logged
    assert "guessed-secret" not in logged


def test_spec_puts_the_bearer_scheme_on_writes_only(writer):
    spec = writer.get("/openapi.json").json
    assert spec["components"]["securitySchemes"]["bearerAuth"]["scheme"] == "bearer"
    articles = spec["paths"]["/articles"]
    assert articles["post"]["security"] == [{"bearerAuth": []}]
    assert "security" not in articles["get"]
    assert spec["paths"]["/articles/{article_id}"]["delete"]["security"] == [{"bearerAuth": []}]
    for status in ("201", "200", "401", "403", "413", "422"):
        assert status in articles["post"]["responses"]


# Pieces of news prose, so generated texts reach the quote and speaker code, not only the empty case.
FRAGMENTS = [
    '"We will not back down," ',
    "said Maria Lopez, the mayor.",
    " told reporters on Monday. ",
    "\u201cIt is over,\u201d he said.\n\n",
    "According to the ministry, 40,000 people left. ",
    "LONDON (Reuters) - ",
    "\n\n",
    "'",
    '"',
]
news_like_text = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=30), min_size=1, max_size=12).map(
    "".join
)


@given(text=news_like_text.filter(lambda text: text.strip()))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_text_is_stored_once_with_offsets_inside_it(writer, text):
    first = post(writer, {"text": text})
    assert first.status_code in (200, 201)  # 200 when an earlier example posted the same text
    for quote in first.json["quotes"]:
        assert 0 <= quote["start"] < quote["end"] <= len(text)
    again = post(writer, {"text": text})
    assert again.status_code == 200
    assert again.json["id"] == first.json["id"]
