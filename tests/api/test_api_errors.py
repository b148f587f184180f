"""Every kind of bad input gets a 4xx problem+json answer, never a 500 or a stack trace."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

PROBLEM = "application/problem+json"


def assert_problem(response, status):
    """The response is an RFC 9457 problem with `status`; returns its body."""
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == PROBLEM
    body = response.get_json(force=True)
    assert body["status"] == status
    assert body["type"] == "about:blank"
    assert body["title"] and body["detail"]
    text = response.get_data(as_text=True)
    assert "Traceback" not in text and 'File "' not in text
    return body


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({}, "claim"),
        ({"claim": ""}, "claim"),
        ({"claim": "   \n\t "}, "claim"),
        ({"claim": "x" * 2001}, "claim"),
        ({"claim": " " + "y" * 2001 + " "}, "claim"),
        ({"claim": None}, "claim"),
        ({"claim": 42}, "claim"),
        ({"claim": ["a", "b"]}, "claim"),
        ({"claim": {"text": "a"}}, "claim"),
        ({"claim": "ok", "limit": 0}, "limit"),
        ({"claim": "ok", "limit": 101}, "limit"),
        ({"claim": "ok", "limit": -5}, "limit"),
        ({"claim": "ok", "limit": "10"}, "limit"),
        ({"claim": "ok", "limit": 2.5}, "limit"),
        ({"claim": "ok", "limit": True}, "limit"),
        ({"claim": "ok", "min_score": -1}, "min_score"),
        ({"claim": "ok", "min_score": 100.5}, "min_score"),
        ({"claim": "ok", "min_score": "80"}, "min_score"),
        ({"claim": "ok", "group": "yes"}, "group"),
        ({"claim": "ok", "group": 1}, "group"),
        ({"claim": "ok", "kind": "rumour"}, "kind"),
        ({"claim": "ok", "speaker": ""}, "speaker"),
        ({"claim": "ok", "outlet": 7}, "outlet"),
        ({"claim": "ok", "said_from": "yesterday"}, "said_from"),
        ({"claim": "ok", "said_to": "2015-13"}, "said_to"),
        ({"claim": "ok", "said_to": "2015-04-31"}, "said_to"),
        ({"claim": "ok", "said_to": "2015\n"}, "said_to"),
        ({"claim": "ok", "published_from": "2015-02-30"}, "published_from"),
        ({"claim": "ok", "published_to": "15-11-04"}, "published_to"),
    ],
)
def test_match_rejects_bad_fields_with_422_naming_the_field(client, payload, field):
    body = assert_problem(client.post("/match", json=payload), 422)
    assert field in body["errors"], body


def test_match_lists_every_unknown_field(client):
    body = assert_problem(client.post("/match", json={"claim": "ok", "claims": "x", "top_k": 3}), 422)
    assert set(body["errors"]) == {"claims", "top_k"}


@pytest.mark.parametrize("payload", [[], ["claim"], "a claim", 17, None, True])
def test_match_rejects_json_that_is_not_an_object(client, payload):
    body = assert_problem(client.post("/match", json=payload), 422)
    assert body["errors"]


@pytest.mark.parametrize(
    "raw", [b"{", b"{'claim': 'single quotes'}", b'{"claim": "x",}', b"\xff\xfe\x00", b"claim=x"]
)
def test_match_rejects_malformed_json_with_400(client, raw):
    body = assert_problem(client.post("/match", data=raw, content_type="application/json"), 400)
    assert "JSON" in body["detail"]


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b'{"claim": ' + b"[" * 5_000 + b"]" * 5_000 + b"}", "nested too deeply"),
        (b'{"claim": "\\ud800 half a pair"}', "surrogate"),
        (b'{"claim": "ok", "speaker": "\\udfff"}', "surrogate"),
    ],
)
def test_json_no_text_could_hold_is_400_not_500(client, raw, says):
    body = assert_problem(client.post("/match", data=raw, content_type="application/json"), 400)
    assert says in body["detail"]


def test_a_whole_surrogate_pair_is_an_ordinary_character(client):
    response = client.post(
        "/match", data=b'{"claim": "\\ud83d\\ude00 containers"}', content_type="application/json"
    )
    assert response.status_code == 200
    assert response.get_json()["claim"] == "\U0001f600 containers"


@pytest.mark.parametrize(
    ("data", "content_type"),
    [
        (b'{"claim": "x"}', "text/plain"),
        (b"claim=x", "application/x-www-form-urlencoded"),
        (b'{"claim": "x"}', "application/xml"),
        (b'{"claim": "x"}', None),
    ],
)
def test_match_rejects_other_media_types_with_415(client, data, content_type):
    headers = {"Content-Type": content_type} if content_type else {}
    response = client.post("/match", data=data, headers=headers)
    if content_type is None:
        # The test client sends no Content-Type at all: still not declared JSON.
        assert response.request.headers.get("Content-Type") is None
    assert_problem(response, 415)


def test_json_with_charset_parameter_is_accepted(client):
    response = client.post(
        "/match", data=b'{"claim": "containers"}', content_type="application/json; charset=utf-8"
    )
    assert response.status_code == 200


@pytest.mark.parametrize(
    "query",
    [
        "page=0",
        "page=-1",
        "page=abc",
        "page_size=0",
        "page_size=101",
        "page_size=1.5",
        "kind=rumour",
        "said_from=2015-1",
        "said_to=20150101",
        "speakr=Lopez",
    ],
)
def test_quotes_rejects_bad_query_args_with_422(client, query):
    body = assert_problem(client.get(f"/quotes?{query}"), 422)
    assert body["errors"]


@pytest.mark.parametrize(
    "path", ["/speakers?page_size=500", "/speakers?nam=x", "/articles?page=0", "/articles?x=1"]
)
def test_list_endpoints_reject_bad_query_args(client, path):
    assert_problem(client.get(path), 422)


@pytest.mark.parametrize(
    "path",
    ["/quotes/999999", "/speakers/999999", "/articles/999999", "/quotes/9223372036854775807"],
)
def test_unknown_ids_are_404_naming_the_id(client, path):
    body = assert_problem(client.get(path), 404)
    assert path.rsplit("/", 1)[1] in body["detail"]


@pytest.mark.parametrize(
    "path", ["/quotes/abc", "/quotes/-1", "/nowhere", "/match/extra", "/docs/assets/nope.js"]
)
def test_unknown_paths_are_404(client, path):
    assert_problem(client.get(path), 404)


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/match"),
        ("put", "/match"),
        ("delete", "/quotes/1"),
        ("post", "/health"),
        ("patch", "/speakers"),
    ],
)
def test_wrong_method_is_405_with_allow_header(client, method, path):
    response = getattr(client, method)(path)
    assert_problem(response, 405)
    assert response.headers["Allow"]


def test_oversized_body_is_413(make_app):
    client = make_app(max_body_bytes=1000, load_corpus=False).test_client()
    assert_problem(client.post("/match", json={"claim": "x" * 1500}), 413)


def test_unexpected_failure_is_a_500_problem_without_internals(app, client, monkeypatch, caplog):
    store = app.extensions["claimtrace"].store

    def explode(*args, **kwargs):
        raise RuntimeError("secret internals /etc/passwd")

    monkeypatch.setattr(store, "list_articles", explode)
    response = client.get("/articles")
    assert_problem(response, 500)
    assert "secret" not in response.get_data(as_text=True)
    assert "secret internals" in caplog.text  # logged for operators instead


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=10), inner, max_size=3),
    max_leaves=8,
)
_match_bodies = (
    st.fixed_dictionaries(
        {},
        optional={
            "claim": _json_values,
            "limit": _json_values,
            "min_score": _json_values,
            "group": _json_values,
            "kind": _json_values,
            "said_from": _json_values,
            "published_to": _json_values,
        },
    )
    | _json_values
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=_match_bodies)
def test_any_json_body_gets_a_200_or_a_4xx_problem(client, body):
    response = client.post("/match", json=body)
    if response.status_code == 200:
        assert isinstance(response.get_json()["matches"], list)
    else:
        assert_problem(response, 422)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    query=st.dictionaries(
        st.sampled_from(["page", "page_size", "kind", "said_to", "speaker"]), st.text(max_size=12)
    )
)
def test_any_query_string_gets_a_200_or_a_422_problem(client, query):
    response = client.get("/quotes", query_string=query)
    if response.status_code != 200:
        assert_problem(response, 422)
