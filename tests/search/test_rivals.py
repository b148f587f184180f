"""A statement's lead over its rivals, and the score it gives: kin do not compete, crowds do.

Pure functions are tested on numbers; the behaviour through /match on a fixture article of our own
(tests/fixtures/rivals: one subject, five people, five different statements).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.models import Speaker
from service.search import calibration
from service.search.index import Hit
from service.search.rivals import kin, leads_by, same_words, speaker_key, with_leads

RIVALS_CORPUS = Path(__file__).parents[1] / "fixtures" / "rivals"
NONE = np.zeros((3, 3), dtype=bool)


def test_the_lead_is_the_distance_to_the_best_rival():
    lead = calibration.leads(np.array([0.8, 0.7, 0.5]), NONE)
    assert lead == pytest.approx([0.1, 0.0, 0.0])


def test_kin_are_no_rivals():
    related = NONE.copy()
    related[0, 1] = related[1, 0] = True  # two copies of one statement
    lead = calibration.leads(np.array([0.8, 0.75, 0.5]), related)
    assert lead == pytest.approx([0.3, 0.25, 0.0])


def test_a_lead_never_counts_from_below_the_null_rival_nor_beyond_its_range():
    assert calibration.leads(np.array([0.45]), np.zeros((1, 1), bool)) == pytest.approx(
        [0.45 - calibration.NULL_RIVAL]
    )
    assert calibration.leads(np.array([0.25]), np.zeros((1, 1), bool)) == pytest.approx([0.0])
    assert calibration.leads(np.array([1.0, 0.2, 0.1]), NONE)[0] == calibration.LEAD_RANGE


def test_a_lead_raises_the_score_and_trailing_does_not_lower_it():
    assert calibration.hybrid_score(60, 0.7, 0.2) > calibration.hybrid_score(60, 0.7, 0.05)
    assert calibration.hybrid_score(60, 0.7, -0.2) == calibration.hybrid_score(60, 0.7, 0.0)


def test_copies_misreported_figures_and_one_speaker_are_kin():
    said = "Ferry fares will rise by ten percent next year to pay for two electric boats"
    texts = [said, said.replace("ten percent", "12 percent"), "The old terminal will be torn down", said]
    speakers = ["veil", "lund", "brandt", "brandt"]
    related = kin(texts, speakers)
    assert related[0, 1] and related[0, 3]  # other figures; a copy
    assert related[2, 3]  # one speaker
    assert not related[0, 2] and not related[1, 2]
    assert not kin(texts, speakers, by_speaker=False)[2, 3]


def test_speakers_are_told_apart_by_surname_and_unnamed_sources_by_nobody():
    assert speaker_key(Speaker("Harbour Master Annelies Vermeer")) == speaker_key("Annelies Vermeer")
    assert speaker_key(Speaker("a port official", anonymous=True)) is None
    assert speaker_key(None) is None
    assert not same_words("Fares will rise next year", "The terminal will be torn down next year")


def _hit(quote_id, lexical, cosine):
    return Hit(quote_id, 0.0, calibration.HYBRID_SCORER, {"lexical": lexical, "semantic": cosine}, ())


def test_a_statement_by_the_named_speaker_competes_only_with_theirs():
    hits = [_hit(1, 60, 0.7), _hit(2, 62, 0.72)]
    texts = ["Crews will stop work next month", "Fares will rise next year"]
    plain = with_leads(hits, texts, ["kroll", "veil"])
    named = with_leads(hits, texts, ["kroll", "veil"], named=[True, False])
    assert plain[0].parts["lead"] == 0 and named[0].parts["lead"] > 0.1
    assert named[0].score > plain[0].score
    assert named[1].score == plain[1].score  # the other statement still competes with everyone


def test_a_hit_without_a_cosine_keeps_its_score():
    lexical = Hit(3, 41.0, calibration.LEXICAL_SCORER, {"lexical": 55.0}, ())
    assert with_leads([lexical], ["Fares will rise"], ["veil"]) == [lexical]


@pytest.fixture(scope="module")
def client(make_app):
    return make_app(corpus_dir=str(RIVALS_CORPUS)).test_client()


def test_a_paraphrase_that_stands_out_is_matched_with_its_lead(client):
    answer = client.post(
        "/match", json={"claim": "Ferry workers plan to walk out next month over pay"}
    ).get_json()
    assert answer["matches"], answer["message"]
    best = answer["matches"][0]
    assert "stop work next month" in best["quote"]["text"]
    assert best["explanation"]["parts"]["lead"] > 0


def test_a_claim_nobody_made_on_a_crowded_subject_matches_nothing(client):
    answer = client.post(
        "/match", json={"claim": "The ferry company will be sold to a foreign investor"}
    ).get_json()
    assert answer["matches"] == []
    assert answer["near_misses"] and all(
        m["explanation"]["parts"]["lead"] == 0 for m in answer["near_misses"]
    )


@given(
    st.lists(st.floats(0, 1), min_size=1, max_size=12).flatmap(
        lambda blends: st.tuples(
            st.just(blends), st.lists(st.booleans(), min_size=len(blends) ** 2, max_size=len(blends) ** 2)
        )
    )
)
def test_kin_asked_pair_by_pair_gives_the_leads_of_the_whole_matrix(case):
    blends, flags = case
    related = np.array(flags).reshape(len(blends), len(blends))
    expected = calibration.leads(np.array(blends), related)
    asked = leads_by(np.array(blends), lambda i, j: bool(related[i, j]))
    assert asked == pytest.approx(expected)
