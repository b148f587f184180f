"""Amounts in words: number words, vague amounts and shares."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.text.number_words import shares, vague_interval, words_value

_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven"]
_UNITS += ["twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def spell(n: int) -> str:
    """English words for 0..999,999,999 (the test's own speller, independent of the parser)."""
    if n >= 1_000_000:
        rest = n % 1_000_000
        return spell(n // 1_000_000) + " million" + (" " + spell(rest) if rest else "")
    if n >= 1000:
        rest = n % 1000
        return spell(n // 1000) + " thousand" + (" " + spell(rest) if rest else "")
    if n >= 100:
        rest = n % 100
        return _UNITS[n // 100] + " hundred" + (" and " + spell(rest) if rest else "")
    if n >= 20:
        return _TENS[n // 10] + ("-" + _UNITS[n % 10] if n % 10 else "")
    return _UNITS[n]


@pytest.mark.parametrize(
    ("text", "value"),
    [("forty thousand", 40_000), ("a dozen", 12), ("two dozen", 24), ("a million", 1e6), ("nine", 9)],
)
def test_words_value(text, value):
    assert words_value(text) == value


@given(st.integers(min_value=0, max_value=999_999_999))
def test_spelled_numbers_read_back(n):
    assert words_value(spell(n)) == n


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("hundreds", 200, 999),
        ("dozens", 24, 99),
        ("tens of thousands", 20_000, 99_999),
        ("hundreds of thousands", 200_000, 999_999),
        ("several hundred", 300, 900),
        ("a few thousand", 2_000, 5_000),
        ("millions", 2e6, 1e7 - 1),
    ],
)
def test_vague_interval(text, low, high):
    assert vague_interval(text) == (low, high)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("two-thirds of Americans", 200 / 3),
        ("a third of the budget", 100 / 3),
        ("three quarters of voters", 75),
        ("half of the fighters", 50),
        ("seven in 10 voters", 70),
        ("one in five children", 20),
        ("4 out of 5 doctors", 80),
    ],
)
def test_shares(text, value):
    (share,) = shares(text)
    assert share["low"] == pytest.approx(value)


@pytest.mark.parametrize(
    "text",
    ["in the first half of 2015", "25 out of 34 provinces", "5 in 2 attacks", "a quarter of a million"],
)
def test_not_shares(text):
    assert shares(text) == []
