"""The calendar vocabulary: every month and weekday spelling news text prints, read one way."""

import re

import pytest

from service.text.calendar import (
    CAPITALISED_DAY_OR_MONTH_RE,
    FULL_WEEKDAY_RE,
    MONTH_NAMES,
    MONTH_RE,
    MONTH_WORDS,
    WEEKDAY_RE,
    WEEKDAYS,
    month_number,
)


@pytest.mark.parametrize("number, name", list(enumerate(MONTH_NAMES, start=1)))
def test_month_names_and_short_forms_give_their_number(number, name):
    assert month_number(name) == number
    assert month_number(name.capitalize()) == number
    assert month_number(name[:3] + ".") == number
    assert re.fullmatch(MONTH_RE, name, re.I) and re.fullmatch(MONTH_RE, name[:3] + ".", re.I)


def test_sept_and_numerals():
    assert month_number("Sept.") == 9 and month_number("September") == 9
    assert month_number("07") == 7
    assert month_number("weekend") is None


def test_every_month_word_is_a_month():
    assert all(month_number(word) for word in MONTH_WORDS)
    assert len(set(MONTH_WORDS)) == len(MONTH_WORDS)


@pytest.mark.parametrize("day", WEEKDAYS)
def test_weekday_patterns(day):
    assert re.fullmatch(FULL_WEEKDAY_RE, day)
    assert re.fullmatch(WEEKDAY_RE, day, re.I) and re.fullmatch(WEEKDAY_RE, day[:3] + ".", re.I)
    assert re.fullmatch(CAPITALISED_DAY_OR_MONTH_RE, day.capitalize())
    assert not re.fullmatch(CAPITALISED_DAY_OR_MONTH_RE, day)


def test_capitalised_pattern_leaves_verbs_alone():
    assert re.fullmatch(CAPITALISED_DAY_OR_MONTH_RE, "May")
    assert not re.fullmatch(CAPITALISED_DAY_OR_MONTH_RE, "may")
