"""Publication names: cleaning a printed name, and names the story itself confirms as its newsroom."""

from __future__ import annotations

import pytest

from service.extraction.layout.clean import split_blocks
from service.extraction.layout.outlets import brand_line, clean_name, named_in_story, same_outlet


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("The Riverbend Courier", "The Riverbend Courier"),
        ("Middle East Eye 2016", "Middle East Eye"),
        ("TomDispatch.com", "TomDispatch.com"),
        ("staff", None),
        ("Wed 4 Nov 2015", None),
        ("", None),
    ],
)
def test_clean_name(raw, name):
    assert clean_name(raw) == name


@pytest.mark.parametrize(
    ("story", "names"),
    [
        ("The chair said so in an interview with Lumen.", ["Lumen"]),
        ("Emails obtained by Lumen show the delay.", ["Lumen"]),
        ("Lumen first reported the delay.", ["Lumen"]),
        ("Aid reached Lumen on Friday, officials said.", []),  # a place, not a newsroom
    ],
)
def test_a_name_line_counts_only_when_the_story_names_it_as_a_newsroom(story, names):
    page = f"Lumen\n\nFair board delays vote on new arena\n\nBy Ana Ruiz\nMay 7, 2024\n\n{story}\n"
    assert named_in_story(page, split_blocks(page)) == names


def test_brand_line_and_same_outlet():
    assert brand_line(["Riverbend Courier"]) == "Riverbend Courier"
    assert brand_line(["Local News"]) is None
    assert same_outlet("CNN", "Cable News Network") and same_outlet("The Hill", "the hill")
    assert same_outlet("WXLT", "WXLT 8 News") and not same_outlet("The Hill", "Nexstar Media Inc")
