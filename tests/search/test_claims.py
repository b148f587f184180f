"""Claim analysis: attribution frames cut from the content, figures and time kept apart."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.search.claims import analyse_claim

FRAMES = [
    # (claim, who the claim names, the content retrieval reads)
    ("Brenner said 3,000 farms lost their water", "Brenner", "3,000 farms lost their water"),
    ("3,000 farms lost their water, Brenner said.", "Brenner", "3,000 farms lost their water"),
    (
        "3,000 farms lost their water, said the water minister",
        "the water minister",
        "3,000 farms lost their water",
    ),
    (
        "According to the health agency, 92% of children were vaccinated",
        "the health agency",
        "92% of children were vaccinated",
    ),
    (
        "92% of children were vaccinated, according to Dr. Okafor",
        "Dr. Okafor",
        "92% of children were vaccinated",
    ),
    ("Okafor: 92% of children were vaccinated", "Okafor", "92% of children were vaccinated"),
    (
        "The deputy minister told reporters that rationing will last",
        "The deputy minister",
        "rationing will last",
    ),
    (
        "Brenner told Radio Orvale rationing will last until autumn",
        "Brenner",
        "rationing will last until autumn",
    ),
    ("Ines Varga warned that summers will get drier", "Ines Varga", "summers will get drier"),
    ("Fenn has repeatedly insisted the figures are false", "Fenn", "the figures are false"),
    ("In 2022, Okafor claimed no child died of measles", "Okafor", "no child died of measles"),
    ("Research shows 12 lakes dried up", "Research", "12 lakes dried up"),
    (
        "veltria minister brenner reckons rationing will end soon",
        "veltria minister brenner",
        "rationing will end soon",
    ),
    (
        "moscow claims its strikes hit only military targets",
        "moscow",
        "its strikes hit only military targets",
    ),
    # A country's service named alone is a body; the same noun after no country names nobody.
    ("US intelligence: the patrols were doubled", "US intelligence", "the patrols were doubled"),
    (
        "The patrols were doubled, British intelligence said",
        "British intelligence",
        "The patrols were doubled",
    ),
    (
        "Artificial intelligence: half of all clerks will lose their jobs",
        None,
        "Artificial intelligence: half of all clerks will lose their jobs",
    ),
    # Crowds name nobody, but their frame is still cut.
    ("Experts say the reservoirs will refill by spring", None, "the reservoirs will refill by spring"),
    (
        "The reservoirs will refill by spring, according to reports",
        None,
        "The reservoirs will refill by spring",
    ),
    # No frame at all.
    ("Farm incomes fell sharply after the drought", None, "Farm incomes fell sharply after the drought"),
    (
        "Russian air strikes only hit confirmed military targets",
        None,
        "Russian air strikes only hit confirmed military targets",
    ),
    ("The storm claimed 250 lives in the valley", None, "The storm claimed 250 lives in the valley"),
]


@pytest.mark.parametrize(("claim", "who", "content"), FRAMES, ids=[f[0][:40] for f in FRAMES])
def test_frames(claim, who, content):
    analysis = analyse_claim(claim)
    assert (analysis.attribution, analysis.content) == (who, content)
    if analysis.frame:
        start, end = analysis.frame
        assert content not in claim[start:end]


def test_quantities_are_the_contents_with_offsets_into_the_claim():
    claim = "Two ministers said 3,000 farms and about 40 lakes were lost"
    analysis = analyse_claim(claim)
    assert [claim[q.start : q.end] for q in analysis.quantities] == ["3,000", "about 40"]
    assert [q.counts for q in analysis.quantities] == ["farms", "lakes"]


def test_time_of_the_attribution():
    analysis = analyse_claim("Okafor said in November 2022 that 92% were vaccinated")
    assert (analysis.time.words, analysis.time.when, analysis.time.attributed) == (
        "in November 2022",
        "2022-11",
        True,
    )
    event = analyse_claim("Reservoirs fell to 35 percent in 2023")
    assert (event.time.when, event.time.attributed) == ("2023", False)


_names = st.sampled_from(["Tomas Brenner", "Brenner", "Dr. Selma Okafor", "the water ministry"])
_frames = st.sampled_from(["{who} said {c}", "{c}, {who} said", "According to {who}, {c}", "{who}: {c}"])
_contents = st.sampled_from(["rationing will last until autumn", "12 lakes have dried up completely"])


@given(_names, _frames, _contents)
def test_every_frame_gives_back_the_content(who, frame, content):
    analysis = analyse_claim(frame.format(who=who, c=content))
    assert analysis.content == content
    assert analysis.attribution == who


@pytest.mark.parametrize(
    ("claim", "possible"),
    [
        ("varga says dry summers will be common", "varga"),
        ("tomas brenner claims the reservoirs are nearly empty", "tomas brenner"),
        ("okafor told reporters that no child died of measles", "okafor"),
        # Clause subjects, crowds and capitalised claims are no guesses.
        ("i said the reservoirs are nearly empty", None),
        ("experts say the reservoirs are nearly empty", None),
        ("the reservoirs are nearly empty", None),
        ("Varga says dry summers will be common", None),
    ],
)
def test_a_lower_case_opener_is_kept_as_a_possible_speaker(claim, possible):
    analysis = analyse_claim(claim)
    assert analysis.possible_speaker == possible
    if possible:  # kept apart: it neither names the speaker nor cuts words from what retrieval reads
        assert (analysis.attribution, analysis.content) == (None, claim)
