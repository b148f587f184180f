"""Who a claim names as speaker, and whether that is the quote's speaker: the fixture table and properties."""

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.models import Speaker
from service.search.claims import claim_speaker
from service.search.speaker_match import speaker_verdict

TABLE = Path(__file__).parents[1] / "fixtures" / "comparison" / "speaker_cases.json"
SPEAKER_CASES = json.loads(TABLE.read_text(encoding="utf-8"))["cases"]


def test_table_is_big_enough():
    assert len(SPEAKER_CASES) >= 20


@pytest.mark.parametrize("case", SPEAKER_CASES, ids=[c["claim"][:50] for c in SPEAKER_CASES])
def test_speaker_cases(case):
    mention = claim_speaker(case["claim"])
    assert mention == case["mention"]
    if mention is not None:
        s = case["speaker"]
        speaker = Speaker(
            s["name"],
            s["role"],
            anonymous=s.get("anonymous", False),
            organisation=s.get("organisation", False),
        )
        verdict, reason = speaker_verdict(mention, speaker)
        assert verdict == case["expect"]
        assert mention in reason


_names = st.sampled_from(
    ["Anatoly Antonov", "Sergey Lavrov", "Justin Siberell", "Angela Merkel", "Recep Tayyip Erdogan"]
)


@given(_names, st.sampled_from(["{} said", "{}:", "According to {},", "{} has repeatedly claimed that"]))
def test_full_name_and_surname_name_the_speaker(name, frame):
    surname = name.split()[-1]
    for mention in (name, surname):
        claim = frame.format(mention) + " fighters left"
        assert claim_speaker(claim) == mention
        assert speaker_verdict(mention, Speaker(name, "minister"))[0] == "consistent"


@given(_names, _names)
def test_other_people_are_different(a, b):
    if a != b:
        assert speaker_verdict(a, Speaker(b, "minister"))[0] == "conflicting"
