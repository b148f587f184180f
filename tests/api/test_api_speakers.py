"""GET /speakers and GET /speakers/{id}: names, roles, aliases, statement counts."""

from __future__ import annotations


def get(client, path, **query):
    response = client.get(path, query_string=query)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def test_speakers_list_names_roles_aliases_and_counts(client):
    body = get(client, "/speakers", page_size=100)
    assert body["total"] == len(body["items"]) > 0
    lopez = next(s for s in body["items"] if s["name"] and "Lopez" in s["name"])
    assert lopez["quote_count"] >= 2
    assert isinstance(lopez["aliases"], list)
    counts = [s["quote_count"] for s in body["items"]]
    assert counts == sorted(counts, reverse=True)


def test_name_filter_is_case_insensitive(client):
    body = get(client, "/speakers", name="watanabe")
    assert body["total"] >= 1
    assert all("watanabe" in s["name"].lower() for s in body["items"])


def test_speakers_paginate(client):
    total = get(client, "/speakers")["total"]
    first = get(client, "/speakers", page=1, page_size=1)
    assert first["total"] == total and len(first["items"]) == 1
    if total > 1:
        second = get(client, "/speakers", page=2, page_size=1)
        assert second["items"][0]["id"] != first["items"][0]["id"]


def test_one_speaker_equals_its_list_entry(client):
    listed = get(client, "/speakers", page_size=5)["items"][0]
    assert get(client, f"/speakers/{listed['id']}") == listed
