"""Claims as people spread them, against fixture articles of our own: the source is found and judged.

Each claim is written the way claims travel (a wrong figure, the wrong speaker, the attribution in
front or behind, social-media spelling); `source` is a phrase of the statement it comes from.
"""

from __future__ import annotations

from pathlib import Path

import pytest

FACTCHECK_CORPUS = Path(__file__).parents[1] / "fixtures" / "factcheck"

CLAIMS = [
    # (claim, phrase of the source statement, expected agreement)
    (
        "Veltria's water ministry said 3,000 farms lost irrigation water this season",
        "1,800 farms",
        "conflicting",
    ),
    (
        "More than 1,800 farms lost access to irrigation water, Veltria's deputy water minister said",
        "1,800 farms",
        "consistent",
    ),
    ("Reservoirs hold about 35% of their usual volume, Ines Varga said", "35 percent", "conflicting"),
    ("veltria minister brenner says rationing will last till the autumn rains", "rationing", "consistent"),
    ("varga says summers like this one will come every other year", "not a one-off", "consistent"),
    (
        "According to the national health agency, some 92% of kids got both measles doses",
        "92 percent",
        "consistent",
    ),
    (
        "Nearly 250,000 children were vaccinated since 2019, said opposition lawmaker Radu Fenn",
        "250,000",
        "conflicting",
    ),
    ("Okafor: over 400,000 children vaccinated since the campaign began", "250,000", "conflicting"),
    ("The Valley Rivers Trust says 12 lakes have dried up since January", "12 small lakes", "consistent"),
    (
        "Brenner told reporters the ministry will spend 400 million euros on emergency pipelines",
        "40 million",
        "conflicting",
    ),
    # A country's service named alone ("US intelligence: ...") is a body, compared with the speaker.
    (
        "US intelligence: arms traffickers struggle to move guns north since Niger and Chad doubled patrols",
        "harder to move weapons",
        "consistent",
    ),
    (
        "Arms traffickers find it harder to move weapons north, British intelligence said",
        "harder to move weapons",
        "conflicting",
    ),
]


@pytest.fixture(scope="module")
def client(make_app):
    return make_app(corpus_dir=str(FACTCHECK_CORPUS)).test_client()


@pytest.mark.parametrize(("claim", "source", "agreement"), CLAIMS, ids=[c[0][:40] for c in CLAIMS])
def test_source_in_top_three_with_the_right_agreement(client, claim, source, agreement):
    answer = client.post("/match", json={"claim": claim, "limit": 3}).get_json()
    found = [m for m in answer["matches"] if source in m["quote"]["text"]]
    assert found, [m["quote"]["text"][:60] for m in answer["matches"]]
    assert found[0]["comparison"]["agreement"] == agreement, found[0]["comparison"]["reasons"]


def test_the_attribution_does_not_dilute_the_score(client):
    plain = client.post("/match", json={"claim": "12 small lakes have dried up since January"}).get_json()
    framed = client.post(
        "/match",
        json={
            "claim": "According to a report by the Valley Rivers Trust, "
            "12 small lakes have dried up since January"
        },
    ).get_json()
    assert framed["matches"][0]["quote"]["text"] == plain["matches"][0]["quote"]["text"]
    assert framed["matches"][0]["score"] >= plain["matches"][0]["score"]
    assert framed["matches"][0]["explanation"]["content"] == "12 small lakes have dried up since January"


def test_a_wrong_figure_does_not_cost_the_match(client):
    def best(claim):
        return client.post("/match", json={"claim": claim, "min_score": 0}).get_json()["matches"][0]

    right, wrong = (
        best("at least 12 small lakes have dried up"),
        best("at least 45 small lakes have dried up"),
    )
    unsaid = best("small lakes have dried up")
    assert right["quote"]["text"] == wrong["quote"]["text"] == unsaid["quote"]["text"]
    # A matching figure is evidence; a different one fills the slot and costs nothing against no figure.
    assert right["score"] >= wrong["score"] >= unsaid["score"]
    assert [n["verdict"] for n in wrong["comparison"]["numbers"]] == ["conflicting"]
    assert [n["verdict"] for n in right["comparison"]["numbers"]] == ["consistent"]


def test_a_statement_by_the_named_speaker_is_boosted(client):
    claim = "Dry summers will be common"  # a loose paraphrase: its score is far from 0 and 100
    plain = client.post("/match", json={"claim": claim}).get_json()["matches"][0]
    named = client.post("/match", json={"claim": f"{claim}, Ines Varga warned"}).get_json()["matches"][0]
    # Naming someone else leaves the source's score as it was, and first: Radu Fenn's own statements,
    # unrelated to the claim, are not lifted over it (their odds are multiplied, from near 0).
    answer = client.post("/match", json={"claim": f"{claim}, Radu Fenn warned", "limit": 5}).get_json()
    other = answer["matches"][0]
    assert other["quote"]["text"] == plain["quote"]["text"]
    assert plain["quote"]["text"] == named["quote"]["text"]
    assert named["score"] > plain["score"] == other["score"]
    assert named["explanation"]["parts"]["speaker_boost"] > 0
    assert other["comparison"]["speaker"]["verdict"] == "conflicting"


def test_nothing_above_min_score_says_so_and_lists_near_misses(client):
    answer = client.post(
        "/match", json={"claim": "Veltria will build a nuclear plant on the valley lakes"}
    ).get_json()
    assert answer["matches"] == []
    assert "near_misses" in answer["message"]
    assert 1 <= len(answer["near_misses"]) <= 3
    scores = [m["score"] for m in answer["near_misses"]]
    assert scores == sorted(scores, reverse=True) and scores[0] < 45


def test_matches_leave_near_misses_empty(client):
    answer = client.post("/match", json={"claim": "12 small lakes have dried up since January"}).get_json()
    assert answer["matches"] and answer["near_misses"] == [] and answer["message"] is None


def test_no_shared_word_says_so(client):
    answer = client.post("/match", json={"claim": "Quantum zebras juggle plutonium"}).get_json()
    assert (answer["matches"], answer["near_misses"]) == ([], [])
    assert "no statement shares" in answer["message"]
