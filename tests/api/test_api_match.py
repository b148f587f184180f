"""POST /match on the fixture corpus: ranking, the answer's shape, limits, thresholds, grouping, filters."""

from __future__ import annotations

import pytest

from service import create_app
from service.config import PROJECT_ROOT

CONTAINERS = "more than 4.2 million containers were handled in 2023"
# A claim sharing words with statements of every fixture article, so filters have something to narrow.
BROAD = "million containers cases percent vaccination rail link ships turbine climate target affordable homes"


def match(client, **body):
    response = client.post("/match", json=body)
    assert response.status_code == 200, response.get_json()
    assert response.mimetype == "application/json"
    return response.get_json()


def test_best_match_is_the_statement_the_claim_paraphrases(client):
    body = match(client, claim=CONTAINERS)
    top = body["matches"][0]
    assert "4.2 million containers" in top["quote"]["text"]
    assert "Lopez" in top["quote"]["speaker"]["name"]


def test_answer_has_the_documented_shape(client):
    body = match(client, claim=f"  {CONTAINERS}  ")
    assert body["claim"] == CONTAINERS  # trimmed
    assert body["took_ms"] >= 0
    found = body["matches"][0]
    assert set(found) >= {"score", "quote", "highlights", "explanation", "comparison", "reported_in"}
    assert "first_reported" in found
    quote = found["quote"]
    assert set(quote) >= {
        "id",
        "ref",
        "text",
        "kind",
        "speaker",
        "said_on",
        "venue",
        "start",
        "end",
        "article",
    }
    assert set(quote["speaker"]) >= {"name", "role", "anonymous"}
    assert set(quote["article"]) >= {"id", "title", "outlet", "original_outlet", "published", "url"}
    assert quote["kind"] in {"direct", "indirect", "mixed"}


def test_scores_are_0_to_100_and_best_first(client):
    scores = [m["score"] for m in match(client, claim=BROAD, min_score=0, limit=100)["matches"]]
    assert scores and all(0 <= s <= 100 for s in scores)
    assert scores == sorted(scores, reverse=True)


def test_highlights_are_spans_of_the_quote_text(client):
    for found in match(client, claim=CONTAINERS)["matches"]:
        text = found["quote"]["text"]
        for span in found["highlights"]:
            assert 0 <= span["start"] < span["end"] <= len(text)
    top = match(client, claim=CONTAINERS)["matches"][0]
    assert top["highlights"], "the best match says which words matched"


@pytest.mark.parametrize("limit", [1, 2, 5])
def test_limit_caps_the_number_of_matches(client, limit):
    assert len(match(client, claim=BROAD, min_score=0, limit=limit)["matches"]) <= limit


def test_default_limit_is_ten(client):
    assert len(match(client, claim=BROAD, min_score=0)["matches"]) <= 10


@pytest.mark.parametrize("min_score", [0, 40, 75, 100])
def test_min_score_drops_weaker_matches(client, min_score):
    assert all(m["score"] >= min_score for m in match(client, claim=BROAD, min_score=min_score)["matches"])


def test_unrelated_claim_gets_no_match_at_the_default_threshold(client):
    assert match(client, claim="The cricket final in Mumbai was washed out by monsoon rain")["matches"] == []


def test_grouping_folds_copies_of_one_statement_and_lists_where_it_ran(client):
    grouped = [m for m in match(client, claim=CONTAINERS)["matches"] if "4.2 million" in m["quote"]["text"]]
    assert len(grouped) == 1
    outlets = {article["outlet"] for article in grouped[0]["reported_in"]}
    assert {"Reuters", "Port News Daily"} <= outlets
    assert grouped[0]["first_reported"]["outlet"] == "Reuters"  # published a day before the repost


def test_without_grouping_every_copy_is_its_own_match(client):
    copies = [
        m
        for m in match(client, claim=CONTAINERS, group=False)["matches"]
        if "4.2 million" in m["quote"]["text"]
    ]
    assert len({m["quote"]["article"]["id"] for m in copies}) == 2


def _outlet(m):
    return (m["quote"]["article"] or {}).get("outlet") or ""


def _published(m):
    return (m["quote"]["article"] or {}).get("published") or ""


@pytest.mark.parametrize(
    ("filters", "holds", "expect_some"),
    [
        ({"outlet": "ap"}, lambda m: _outlet(m).lower() == "ap", True),
        ({"outlet": "Nobody Times"}, lambda m: False, False),
        (
            {"speaker": "watanabe"},
            lambda m: "watanabe" in (m["quote"]["speaker"]["name"] or "").lower(),
            True,
        ),
        ({"kind": "direct"}, lambda m: m["quote"]["kind"] == "direct", True),
        ({"kind": "indirect"}, lambda m: m["quote"]["kind"] == "indirect", True),
        ({"said_from": "2022-01"}, lambda m: (m["quote"]["said_on"] or "")[:7] >= "2022-01", True),
        ({"said_to": "2021-12"}, lambda m: "" < (m["quote"]["said_on"] or "")[:7] <= "2021-12", True),
        (
            {"said_from": "2022-05-01", "said_to": "2022-05-31"},
            lambda m: m["quote"]["said_on"] == "2022-05",
            True,
        ),
        ({"said_from": "1990", "said_to": "1999"}, lambda m: False, False),
        ({"published_from": "2024-03-15"}, lambda m: _published(m)[:10] >= "2024-03-15", True),
        (
            {"published_from": "2023", "published_to": "2023"},
            lambda m: _published(m).startswith("2023"),
            True,
        ),
        ({"published_to": "2022"}, lambda m: "" < _published(m)[:4] <= "2022", True),
    ],
)
def test_filters_narrow_the_matches(client, filters, holds, expect_some):
    matches = match(client, claim=BROAD, min_score=0, limit=100, **filters)["matches"]
    assert all(holds(m) for m in matches), [m["quote"] for m in matches if not holds(m)]
    assert bool(matches) == expect_some


def test_filters_combine_with_and(client):
    body = match(client, claim=BROAD, min_score=0, limit=100, outlet="Reuters", kind="direct")
    assert body["matches"]
    assert all(_outlet(m) == "Reuters" and m["quote"]["kind"] == "direct" for m in body["matches"])


def test_seed_corpus_answers_the_state_department_quote_first(tmp_path):
    """Smoke test on the bundled seed corpus (the one test that depends on it)."""
    settings = {"data_dir": str(tmp_path), "corpus_dir": str(PROJECT_ROOT / "corpus"), "load_corpus": True}
    app = create_app({**settings, "api_keys": (), "read_requires_key": False, "rate_limit": 0})
    body = app.test_client().post("/match", json={"claim": "40,000 foreign fighters"}).get_json()
    top = body["matches"][0]["quote"]
    assert "40,000" in top["text"]
    assert "Siberell" in (top["speaker"]["name"] or "")


def test_explanation_names_the_scorer_and_its_parts(client):
    explanation = match(client, claim=CONTAINERS)["matches"][0]["explanation"]
    assert explanation["scorer"]
    assert explanation["parts"] and all(isinstance(v, int | float) for v in explanation["parts"].values())
    assert explanation["matched_terms"]


@pytest.mark.parametrize(
    ("claim", "agreement"),
    [
        ("Lopez said the harbor handled more than 4.2 million containers in 2023", "consistent"),
        ("Lopez said the harbor handled more than 9 million containers in 2023", "conflicting"),
    ],
)
def test_comparison_says_whether_the_figures_agree(client, claim, agreement):
    found = next(m for m in match(client, claim=claim)["matches"] if "4.2 million" in m["quote"]["text"])
    assert found["comparison"]["agreement"] == agreement
    assert found["comparison"]["reasons"]
