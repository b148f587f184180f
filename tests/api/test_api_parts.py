"""Split quotes over HTTP: one statement whose `parts` index the stored text, matched on the joined words."""

from __future__ import annotations

import pytest

KEY = "parts-test-key-51c2"
AUTH = {"Authorization": f"Bearer {KEY}"}

ARTICLE = (
    "Harbour town votes to rebuild its storm-wrecked pier\n\n"
    "PORT ELLIS (AP) - The town council voted on Tuesday to rebuild the pier destroyed in March.\n\n"
    '"We will rebuild the pier with stone this time," Mayor Ana Ruiz said after the vote. '
    '"And the ferries will dock there again by the first of June."\n\n'
    "Council member Tom Hale said the cost had not been settled.\n"
)


@pytest.fixture(scope="module")
def client(make_app):
    return make_app(api_keys=(KEY,)).test_client()


@pytest.fixture(scope="module")
def stored(client):
    reply = client.post("/articles", json={"text": ARTICLE}, headers=AUTH)
    assert reply.status_code == 201
    return reply.json


def _split(stored):
    (quote,) = [q for q in stored["quotes"] if q["text"].startswith("We will rebuild")]
    return quote


def test_a_posted_split_quote_is_one_statement_with_its_parts(stored):
    quote = _split(stored)
    assert quote["text"] == (
        "We will rebuild the pier with stone this time, "
        "And the ferries will dock there again by the first of June."
    )
    assert [ARTICLE[p["start"] : p["end"]] for p in quote["parts"]] == [
        "We will rebuild the pier with stone this time,",
        "And the ferries will dock there again by the first of June.",
    ]
    assert (quote["start"], quote["end"]) == (quote["parts"][0]["start"], quote["parts"][-1]["end"])
    assert quote["speaker"]["name"] == "Ana Ruiz"


def test_a_one_span_statement_is_its_one_part(stored):
    (reported,) = [q for q in stored["quotes"] if q["speaker"]["name"] == "Tom Hale"]
    assert reported["parts"] == [{"start": reported["start"], "end": reported["end"]}]


def test_the_statement_page_shows_the_parts(client, stored):
    quote = _split(stored)
    detail = client.get(f"/quotes/{quote['id']}").json
    assert detail["parts"] == quote["parts"]


def test_a_claim_joining_both_pieces_matches_the_one_statement(client, stored):
    claim = "Ruiz said the pier will be rebuilt in stone and ferries will dock there again by June"
    reply = client.post("/match", json={"claim": claim, "min_score": 0})
    assert reply.status_code == 200
    assert reply.json["matches"][0]["quote"]["id"] == _split(stored)["id"]
