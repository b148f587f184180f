"""The grammar of quantities serves both readers: the normaliser and the quantity parser agree on values."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.text.normalize import normalize
from service.text.numbers import parse_quantities
from service.text.quantity_grammar import (
    CURRENCY_SIGNS,
    MULTIPLIERS,
    NORMALISED_CURRENCY_SIGNS,
    SCALES,
    alternation,
    currency_name,
)


def test_normalised_signs_are_currencies_with_names():
    assert [currency_name(sign) for sign in NORMALISED_CURRENCY_SIGNS] == ["dollars", "euros", "pounds"]
    assert set(NORMALISED_CURRENCY_SIGNS) <= set(CURRENCY_SIGNS)


def test_alternation_puts_longer_words_first():
    assert alternation(["m", "mln", "mn"]) == "mln|mn|m"


def _both_readings(text: str) -> tuple[float, float]:
    (quantity,) = parse_quantities(text)
    (number,) = [word for word in normalize(text).split() if word[0].isdigit()]
    return float(number), quantity.value


@given(st.integers(min_value=1, max_value=999_999_999))
def test_grouped_numerals_read_alike(n):
    normalised, parsed = _both_readings(f"officials counted {n:,} troops")
    assert normalised == parsed == n


@pytest.mark.parametrize("scale", sorted(set(SCALES) - {"hundred"}))
@given(n=st.integers(min_value=2, max_value=999))
def test_scale_words_read_alike(scale, n):
    normalised, parsed = _both_readings(f"officials counted {n} {scale} troops")
    assert normalised == parsed == n * MULTIPLIERS[scale]


@pytest.mark.parametrize("short", ["k", "bn", "mn", "mln"])
def test_short_scales_read_alike(short):
    normalised, parsed = _both_readings(f"they paid $40{short} for troops")
    assert normalised == parsed == 40 * MULTIPLIERS[short]
    assert normalize(f"$40{short} for it").split()[1] == "dollars"
    assert parse_quantities(f"$40{short} for it")[0].unit == "USD"
