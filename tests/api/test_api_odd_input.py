"""POST /articles with odd input: control characters, short posts, titles and HTML never answer 500."""

from __future__ import annotations

import pytest

KEY = "odd-input-key-93af"
AUTH = {"Authorization": f"Bearer {KEY}"}


@pytest.fixture(scope="module")
def client(make_app):
    return make_app(api_keys=(KEY,)).test_client()


@pytest.mark.parametrize("control", ["\x00", "\x01", "\x1b", "\x7f", "\x9b"])
def test_a_statement_starting_with_a_control_character_is_stored(client, control):
    text = f'"{control}We have {len(control) + ord(control)} fighters here," Jane Doe said on Monday.'
    reply = client.post("/articles", json={"text": text}, headers=AUTH)
    assert reply.status_code == 201, reply.json
    (quote,) = reply.json["quotes"]
    assert quote["text"].startswith("We have") and quote["speaker"]["name"] == "Jane Doe"


def test_a_short_post_with_a_title_keeps_its_statement_and_the_title(client):
    text = '"We have 7,000 fighters in the hills," Jane Doe said.'
    reply = client.post(
        "/articles", json={"text": text, "title": "Commander claims 7,000 fighters"}, headers=AUTH
    )
    assert reply.status_code == 201
    assert reply.json["title"] == "Commander claims 7,000 fighters"
    assert [q["text"] for q in reply.json["quotes"]] == ["We have 7,000 fighters in the hills"]


def test_an_html_page_is_stored_as_text_and_one_with_no_article_is_422(client):
    page = (
        "<html><body><nav><a href='/'>Home</a></nav><article><h1>Ferry service returns</h1>"
        "<p>The ferry to Port Ellis will run again from Monday, the harbour office said.</p>"
        "<p>&ldquo;We have waited eight months for this day,&rdquo; ferry captain Ola Brandt said.</p>"
        "</article></body></html>"
    )
    reply = client.post("/articles", json={"text": page}, headers=AUTH)
    assert reply.status_code == 201
    assert any(q["speaker"]["name"] == "Ola Brandt" for q in reply.json["quotes"])
    before = client.get("/articles").json["total"]
    empty = client.post("/articles", json={"text": "<html><body><nav>Home</nav></body></html>"}, headers=AUTH)
    assert empty.status_code == 422 and empty.mimetype == "application/problem+json"
    assert "no article text" in empty.json["detail"]
    assert client.get("/articles").json["total"] == before
