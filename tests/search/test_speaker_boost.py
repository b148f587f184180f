"""A statement by the speaker a claim names is likelier its source: its odds are multiplied, so the
evidence lifts a statement the words and meaning point to and leaves an unrelated one near 0.

Behaviour through /match on a fixture article of our own (tests/fixtures/lexical_mode: one city's
water supply, five people, five different statements), embeddings on.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from service.search.claims import analyse_claim
from service.search.matching import DEFAULT_MIN_SCORE, SPEAKER_ODDS, _floor, boosted

CORPUS = Path(__file__).parents[1] / "fixtures" / "lexical_mode"


@pytest.mark.parametrize("score", [0.5, 1, 5, 11.3, 30, 60, 95])
def test_the_boost_multiplies_the_odds(score):
    odds = score / (100 - score)
    lifted = boosted(score)
    assert lifted / (100 - lifted) == pytest.approx(SPEAKER_ODDS * odds, rel=1e-2)  # scores keep 2 decimals
    assert score < lifted < 100


def test_a_statement_sharing_nothing_stays_near_zero_and_the_ends_stay_put():
    assert boosted(1) < 5 < DEFAULT_MIN_SCORE
    assert boosted(0) == 0 and boosted(100) == 100


@pytest.mark.parametrize("min_score", [1, 15, 50, 99])
def test_the_floor_is_the_lowest_score_that_reaches_min_score_once_boosted(min_score):
    floor = _floor(min_score, analyse_claim("Brenna will ration water, Edda Runge said"))
    assert boosted(floor + 0.02) >= min_score > boosted(floor - 0.5)


@pytest.fixture(scope="module")
def client(make_app):
    return make_app(corpus_dir=str(CORPUS)).test_client()


def _texts(answer) -> list[str]:
    return [m["quote"]["text"] for m in answer["matches"]]


def test_a_claim_nobody_made_naming_a_real_speaker_matches_nothing(client):
    # Edda Runge is in the corpus, but said nothing of the kind: her one statement is not lifted.
    answer = client.post(
        "/match", json={"claim": "Edda Runge said Brenna will build a nuclear plant by the lake"}
    ).get_json()
    assert answer["matches"] == []
    assert answer["near_misses"][0]["quote"]["speaker"]["name"] == "Edda Runge"
    assert answer["near_misses"][0]["score"] < 5


def test_naming_the_wrong_speaker_finds_the_source_and_not_that_speakers_other_words(client):
    answer = client.post(
        "/match", json={"claim": "Brenna's groundwater is sinking, Edda Runge warned"}
    ).get_json()
    assert len(answer["matches"]) == 1, _texts(answer)
    best = answer["matches"][0]
    assert "groundwater had fallen" in best["quote"]["text"]
    assert best["comparison"]["speaker"]["verdict"] == "conflicting"
    assert best["explanation"]["parts"]["speaker_boost"] == 0


def test_the_named_speakers_own_statement_is_lifted(client):
    claim = "Water bills in Brenna will not go up this year"
    plain = client.post("/match", json={"claim": claim}).get_json()["matches"][0]
    named = client.post("/match", json={"claim": f"{claim}, Mayor Edda Runge said"}).get_json()["matches"][0]
    assert plain["quote"]["text"] == named["quote"]["text"]
    assert named["explanation"]["parts"]["speaker_boost"] > 0 or plain["score"] >= 99.99
    assert named["score"] >= plain["score"]
