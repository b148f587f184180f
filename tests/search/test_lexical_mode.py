"""Embeddings off: the lexical score stands in for the blend, its lead is read the same way, and the
default min_score is the one that keeps its stated meaning in this mode (`matching.LEXICAL_MIN_SCORE`).

Behaviour through /match on a fixture article of our own (tests/fixtures/lexical_mode: one city's
water supply, five people, five different statements).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from service.search import calibration
from service.search.index import Hit
from service.search.matching import DEFAULT_MIN_SCORE, LEXICAL_MIN_SCORE, default_min_score
from service.search.rivals import with_leads

CORPUS = Path(__file__).parents[1] / "fixtures" / "lexical_mode"
TEXTS = ["Sprinklers will be banned from June", "Water bills will not rise", "The reservoir is a third full"]


def _hit(quote_id: int, lexical: float) -> Hit:
    return Hit(
        quote_id, calibration.lexical_score(lexical), calibration.LEXICAL_SCORER, {"lexical": lexical}, ()
    )


def test_with_embeddings_off_a_statement_standing_clear_of_its_rivals_scores_higher():
    clear = with_leads(
        [_hit(1, 60), _hit(2, 30), _hit(3, 28)], TEXTS, ["falk", "runge", "oyen"], semantic=False
    )
    crowded = with_leads(
        [_hit(1, 60), _hit(2, 58), _hit(3, 28)], TEXTS, ["falk", "runge", "oyen"], semantic=False
    )
    assert clear[0].parts["lead"] == pytest.approx(0.3) and crowded[0].parts["lead"] == pytest.approx(0.02)
    assert clear[0].score == calibration.lexical_score(60, 0.3) > crowded[0].score
    assert crowded[0].score > calibration.lexical_score(60)  # a lead never lowers a score


def test_with_embeddings_on_a_hit_without_a_vector_keeps_its_words_score():
    hits = [_hit(1, 60), _hit(2, 30)]
    assert with_leads(hits, TEXTS[:2], ["falk", "runge"]) == hits


def test_the_lexical_curve_reads_its_lead_within_its_range():
    assert (
        calibration.lexical_score(60, 0.2)
        > calibration.lexical_score(60, 0.05)
        > calibration.lexical_score(60)
    )
    assert calibration.lexical_score(60, -0.2) == calibration.lexical_score(60)
    assert calibration.lexical_score(60, 5) == calibration.lexical_score(60, calibration.LEAD_RANGE)


def test_the_default_min_score_follows_the_mode():
    class Index:
        def __init__(self, semantic):
            self.semantic = semantic

    assert default_min_score(Index(True)) == DEFAULT_MIN_SCORE
    assert default_min_score(Index(False)) == LEXICAL_MIN_SCORE > DEFAULT_MIN_SCORE


@pytest.fixture(scope="module")
def lexical_client(make_app):
    return make_app(corpus_dir=str(CORPUS), embeddings=False).test_client()


@pytest.mark.parametrize(
    ("claim", "said"),
    [
        ("Brenna will ban garden sprinklers from June", "ban garden sprinklers"),
        ("The Tolle reservoir is less than a third full", "less than a third of its usual volume"),
    ],
)
def test_with_embeddings_off_a_claim_repeating_a_statement_matches_at_the_default(
    lexical_client, claim, said
):
    answer = lexical_client.post("/match", json={"claim": claim}).get_json()
    assert answer["matches"], answer["message"]
    best = answer["matches"][0]
    assert said in best["quote"]["text"] and best["score"] >= LEXICAL_MIN_SCORE
    assert (
        best["explanation"]["scorer"] == calibration.LEXICAL_SCORER
        and best["explanation"]["parts"]["lead"] > 0
    )


def test_with_embeddings_off_a_claim_nobody_made_mixing_two_statements_matches_nothing(lexical_client):
    # Its words are spread over the pipeline's cost and the drought: no statement says it.
    answer = lexical_client.post(
        "/match", json={"claim": "The drought will cost Brenna 90 million crowns this year"}
    ).get_json()
    assert answer["matches"] == []
    assert answer["message"].startswith(f"No statement scores {LEXICAL_MIN_SCORE:g} or more")
    assert answer["near_misses"] and answer["near_misses"][0]["score"] < LEXICAL_MIN_SCORE


def test_a_min_score_given_is_kept_and_null_means_the_default(lexical_client):
    claim = "The drought will cost Brenna 90 million crowns this year"
    given = lexical_client.post("/match", json={"claim": claim, "min_score": 5}).get_json()
    assert given["matches"] and given["matches"][0]["score"] >= 5
    null = lexical_client.post("/match", json={"claim": claim, "min_score": None}).get_json()
    assert null["matches"] == [] and f"scores {LEXICAL_MIN_SCORE:g} or more" in null["message"]
