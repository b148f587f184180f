"""GET /quotes and GET /quotes/{id}: pagination with totals, every filter, provenance."""

from __future__ import annotations

import pytest


def get(client, path, **query):
    response = client.get(path, query_string=query)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def all_quotes(client, **filters):
    return get(client, "/quotes", page_size=100, **filters)["items"]


def test_first_page_reports_the_total(client):
    body = get(client, "/quotes")
    assert body["page"] == 1 and body["page_size"] == 20
    assert body["total"] == get(client, "/health")["quotes"]
    assert len(body["items"]) == min(20, body["total"])


def test_pages_cover_every_statement_once(client):
    total = get(client, "/quotes")["total"]
    seen = []
    for page in range(1, total // 3 + 2):
        body = get(client, "/quotes", page=page, page_size=3)
        assert body["total"] == total
        seen += [quote["id"] for quote in body["items"]]
    assert len(seen) == len(set(seen)) == total


def test_page_past_the_end_is_empty_not_an_error(client):
    body = get(client, "/quotes", page=999, page_size=50)
    assert body["items"] == [] and body["total"] > 0


@pytest.mark.parametrize(
    ("filters", "holds"),
    [
        ({"speaker": "LOPEZ"}, lambda q: "lopez" in q["speaker"]["name"].lower()),
        ({"outlet": "reuters"}, lambda q: q["article"]["outlet"] == "Reuters"),
        ({"kind": "direct"}, lambda q: q["kind"] == "direct"),
        ({"kind": "indirect"}, lambda q: q["kind"] == "indirect"),
        ({"said_from": "2022"}, lambda q: (q["said_on"] or "") >= "2022"),
        ({"said_to": "2021-12-31"}, lambda q: "" < (q["said_on"] or "") <= "2021-12-31"),
        ({"said_from": "2021-11-18", "said_to": "2021-11-18"}, lambda q: q["said_on"] == "2021-11-18"),
        (
            {"published_from": "2023-06-02", "published_to": "2023-06-02"},
            lambda q: q["article"]["published"][:10] == "2023-06-02",
        ),
        ({"published_to": "2023"}, lambda q: "" < (q["article"]["published"] or "")[:4] <= "2023"),
        ({"outlet": "city herald", "kind": "direct"}, lambda q: q["article"]["outlet"] == "City Herald"),
    ],
)
def test_each_filter_keeps_only_what_it_names(client, filters, holds):
    quotes = all_quotes(client, **filters)
    assert quotes, f"the fixture corpus has statements for {filters}"
    assert all(holds(q) for q in quotes), [q for q in quotes if not holds(q)]
    assert len(quotes) < get(client, "/quotes")["total"]


def test_filter_with_no_hits_answers_an_empty_page(client):
    body = get(client, "/quotes", speaker="Nobody Nowhere")
    assert body == {"items": [], "total": 0, "page": 1, "page_size": 20}


def test_one_quote_has_the_listed_fields_and_provenance(client):
    listed = all_quotes(client, speaker="Lopez")
    quote = next(q for q in listed if "4.2 million" in q["text"])
    detail = get(client, f"/quotes/{quote['id']}")
    assert {k: detail[k] for k in quote} == quote
    outlets = {article["outlet"] for article in detail["reported_in"]}
    assert {"Reuters", "Port News Daily"} <= outlets
    assert detail["first_reported"]["outlet"] == "Reuters"


def test_imported_statements_have_no_offsets_and_no_article_id(client):
    quote = all_quotes(client, speaker="Claire Dubois")[0]
    assert quote["start"] is None and quote["end"] is None
    assert quote["article"]["id"] is None
    assert quote["article"]["outlet"] == "Finance Daily"
    assert quote["venue"] == "parliamentary hearing"


def test_ranges_are_inclusive_prefixes_and_a_reversed_one_holds_nothing(client):
    # "2024-03-15".."2024" lies inside 2024: it holds what was published on 2024-03-15 only.
    inside = get(client, "/quotes", published_from="2024-03-15", published_to="2024")
    assert inside["total"] > 0
    assert {q["article"]["published"] for q in inside["items"]} == {"2024-03-15"}
    assert get(client, "/quotes", said_from="2016", said_to="2015-12")["total"] == 0
