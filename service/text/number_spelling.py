"""Numbers written one way for matching: "40,000", "40 000", "40k", "forty thousand" all become "40000".

The normaliser's reading of the grammar of quantities (`service.text.quantity_grammar`): ranges
("25-30 thousand", "25-30,000") become "25000 to 30000", "%" becomes "percent" and "$5bn" becomes
"5000000000 dollars". Number words become digits first, then numerals are rewritten.
"""

from __future__ import annotations

import re

from service.text.quantity_grammar import (
    FOLDED_NUMERAL,
    MULTIPLIERS,
    NORMALISED_CURRENCY_SIGNS,
    NORMALISED_MULTIPLIER,
    NORMALISED_PERCENT,
    ONES,
    SCALES,
    SHORT_SCALES,
    TEENS,
    TENS,
    WORD_VALUES,
    alternation,
    currency_name,
)

# One number word ("forty", "twenty-five"); "one" and "a" count only before a multiplier ("one
# million"), never alone ("no one"). Runs of them become digits first, which _NUMBER then reads.
_WORD_NUMBER = re.compile(
    rf"\b(?:(?P<tens>{'|'.join(TENS)})(?:[- ](?P<unit>{'|'.join(ONES[1:])}))?"
    rf"|(?P<small>{'|'.join(ONES[2:] + TEENS)})"
    rf"|(?P<one>one|a)(?=\s+(?:{alternation(SCALES)})\b))\b"
)
_NUM = rf"(?:{FOLDED_NUMERAL})"
_MULT = NORMALISED_MULTIPLIER
_CUR = f"[{re.escape(NORMALISED_CURRENCY_SIGNS)}]"
_NUMBER = re.compile(
    rf"(?<![\w.])(?P<cur>{_CUR}\s?)?(?P<a>{_NUM})(?:\s*(?P<am>{_MULT}|(?<=\d)m\b(?=.)))?"
    rf"(?:\s*(?P<sep>-|to)\s*{_CUR}?(?P<b>{_NUM})(?:\s*(?P<bm>{_MULT}))?)?(?P<pct>\s*{NORMALISED_PERCENT})?"
)
# Words that may join a number beside them: "a"/"one" before a multiplier, "to" in a range, the
# percent words and the short multipliers (the long ones are NUMBER_WORDS).
NUMBER_LINK_WORDS = frozenset(["a", "one", "to", "per", "cent", "percent", *(set(SHORT_SCALES) - {"b"})])
_WORD_NUMBER_PHRASE = re.compile(_WORD_NUMBER.pattern + rf"(?:\s*{_MULT})?")
# "a" and "one" are numbers only before a multiplier, so the multipliers stand in for them here.
NUMBER_WORDS = frozenset(ONES[2:] + TEENS + TENS + list(SCALES))


def digits_for_number_words(text: str) -> tuple[str, int]:
    """Folded text with each number word in digits ("twenty-five" -> "25"), and how many there were."""
    return _WORD_NUMBER.subn(_rewrite_word_number, text)


def one_form_for_numerals(text: str) -> str:
    """Folded text with every numeral, range, percent and amount of money in one spelling."""
    return _NUMBER.sub(_rewrite_number, text)


def number_spans(folded: str, digits: bool = True) -> list[tuple[int, int]]:
    """(start, end) of each number a text prints, numerals (where it has `digits`) and number words."""
    numbers = [m.span() for m in _NUMBER.finditer(folded)] if digits else []
    words = [m.span() for m in _WORD_NUMBER_PHRASE.finditer(folded)]
    return _union(numbers + words) if words else numbers


def _number_value(digits: str) -> float:
    return float(re.sub(r"[,\s]", "", digits))


def _format(value: float) -> str:
    if value == int(value) and abs(value) < 1e18:
        return str(int(value))
    return f"{value:.6f}".rstrip("0").rstrip(".")


def _rewrite_number(m: re.Match) -> str:
    """A numeral, range, percent or amount of money in one spelling: "$25-30k" -> "25000 to 30000 dollars"."""
    a = _number_value(m["a"])
    multiplier_a = MULTIPLIERS[m["am"]] if m["am"] else 1
    if m["am"] == "m" and not m["cur"]:
        multiplier_a = 1  # "330m tall" is metres, "$330m" is money
    words = []
    if m["b"] is not None:
        b = _number_value(m["b"]) * (MULTIPLIERS[m["bm"]] if m["bm"] else 1)
        if m["am"] is None and m["bm"]:
            multiplier_a = MULTIPLIERS[m["bm"]]  # "25-30 thousand": the multiplier covers both ends
        elif m["am"] is None and 0 < a < b:
            # "25-30,000": a bare small first end takes the thousands of the second
            for scale in (1_000_000_000, 1_000_000, 1_000):
                if a * scale <= b < a * scale * 10:
                    multiplier_a = scale
                    break
        words = [_format(a * multiplier_a), "to", _format(b)]
    else:
        words = [_format(a * multiplier_a)]
        if m["am"] == "m" and multiplier_a == 1:
            words.append("m")
    if m["pct"]:
        words.append("percent")
    if m["cur"]:
        words.append(currency_name(m["cur"].strip()))
    return " " + " ".join(words) + " "


def _rewrite_word_number(m: re.Match) -> str:
    if m["one"]:
        return "1"
    if m["small"]:
        return str(WORD_VALUES[m["small"]])
    return str(WORD_VALUES[m["tens"]] + (WORD_VALUES[m["unit"]] if m["unit"] else 0))


def _union(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]
