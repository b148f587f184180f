"""GET /articles and GET /articles/{id}: metadata, where each field came from, statements."""

from __future__ import annotations

import pytest


def get(client, path, **query):
    response = client.get(path, query_string=query)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


@pytest.fixture(scope="module")
def articles(app):
    body = app.test_client().get("/articles", query_string={"page_size": 100}).get_json()
    return {article["path"]: article for article in body["items"]}


def test_every_fixture_article_is_listed_with_metadata(articles):
    assert {"harbor.txt", "harbor-repost.txt", "measles.txt", "wind.txt"} <= set(articles)
    harbor = articles["harbor.txt"]
    assert harbor["title"].startswith("Harbor cargo volumes rise 12 percent")
    assert harbor["published"].startswith("2024-03-14")


def test_sources_say_whether_a_field_came_from_the_text_or_the_corpus_metadata(articles):
    harbor, wind = articles["harbor.txt"], articles["wind.txt"]
    assert harbor["sources"]["title"] == "text"
    assert harbor["url"] == "https://example.org/harbor"
    assert harbor["sources"]["url"] == "metadata"
    # The wind story never names its outlet; only the corpus metadata does.
    assert wind["outlet"] == "Energy Wire"
    assert wind["sources"]["outlet"] == "metadata"


def test_list_paginates_with_total(client, articles):
    body = get(client, "/articles", page_size=2)
    assert body["total"] >= len(articles) and len(body["items"]) == 2


def test_article_detail_has_its_statements(client, articles):
    detail = get(client, f"/articles/{articles['measles.txt']['id']}")
    assert {k: detail[k] for k in articles["measles.txt"]} == articles["measles.txt"]
    texts = " ".join(quote["text"] for quote in detail["quotes"])
    assert "3,500 new cases" in texts
    for quote in detail["quotes"]:
        assert quote["article"]["id"] == detail["id"]
        assert 0 <= quote["start"] < quote["end"]


def test_article_text_is_what_statement_offsets_index(client, articles):
    for article in articles.values():
        body = get(client, f"/articles/{article['id']}/text")
        text = body["text"]
        assert body["id"] == article["id"] and body["length"] == len(text)
        for quote in get(client, f"/articles/{article['id']}")["quotes"]:
            pieces = [text[part["start"] : part["end"]] for part in quote["parts"]]
            assert " ".join(" ".join(piece.split()) for piece in pieces) == quote["text"]


def test_article_text_of_an_unknown_article_is_a_404_problem(client):
    response = client.get("/articles/999999/text")
    assert response.status_code == 404
    assert response.mimetype == "application/problem+json"
    assert "999999" in response.get_json()["detail"]
