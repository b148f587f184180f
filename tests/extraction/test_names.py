"""Names in an article's text: whole-word occurrences, the full name printed for a surname, its title."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.extraction.speakers.names import full_name, occurrences, title_before


def test_occurrences_are_whole_words():
    text = "Lee met Leeds officials; Lee's aide and Klee did not."
    assert list(occurrences(text, "Lee")) == [0, 25]


@pytest.mark.parametrize(
    ("text", "surname", "expected"),
    [
        (
            "Gov. Gavin Newsom signed the bill. Newsom said it was overdue.",
            "Newsom",
            ("Gavin Newsom", "Gov."),
        ),
        ("Democrat Carla Moreno won. Moreno said so.", "Moreno", ("Carla Moreno", None)),
        ("Quarterback Dante Miles threw twice. Miles said so.", "Miles", ("Dante Miles", None)),
        ("On Tuesday Smith spoke. Later, Ann Smith said so.", "Smith", ("Ann Smith", None)),
    ],
)
def test_full_name_of_a_surname(text, surname, expected):
    assert full_name(text, surname) == expected


@pytest.mark.parametrize("text", ["Smith said so.", "Mr. Smith said so.", "", "the smith said so"])
def test_no_full_name_printed(text):
    assert full_name(text, "Smith") is None


def test_title_before_a_name():
    text = "Senate Majority Leader Chuck Schumer spoke."
    assert title_before(text, text.index("Chuck") - 1) == "Senate Majority Leader"
    assert title_before("Then Chuck Schumer spoke.", 4) is None


@given(st.text(alphabet=st.sampled_from(list("ALee .,'")), max_size=60))
def test_occurrences_point_at_the_word(text):
    for at in occurrences(text, "Lee"):
        assert text[at : at + 3] == "Lee"
