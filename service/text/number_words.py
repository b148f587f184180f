"""Amounts said in words: number words, vague amounts ("tens of thousands") and shares ("two-thirds").

The words come from the grammar of quantities (`service.text.quantity_grammar`); the quantity parser
(`service.text.numbers`) reads amounts in words through these functions. Each returns plain values,
no Quantity.
"""

from __future__ import annotations

import math
import re

from service.text.quantity_grammar import ONES, SCALES, WORD_VALUES

_VAGUE_UNITS = {"thousands": 1e3, "millions": 1e6, "billions": 1e9}
# Plural amounts mean at least two of the unit and fewer than the next one up.
_VAGUE_BOUNDS = {"tens": (20, 99), "dozens": (24, 99), "scores": (40, 199), "hundreds": (200, 999)}
_VAGUE_BOUNDS |= {"thousands": (2e3, 9999), "millions": (2e6, 1e7 - 1), "billions": (2e9, 1e10 - 1)}
_DENOMINATORS = {"half": 2, "halve": 2, "third": 3, "quarter": 4, "fifth": 5, "sixth": 6, "tenth": 10}
_SMALL = "|".join(ONES[1:])  # one to nine
_SHARE = re.compile(
    rf"\b(?=[aefhnost\d])(?:(?P<part>(?:a|an|one|{_SMALL})[\s-]+(?:half|thirds?|quarters?|fifths?|sixths?|tenths?))\b"
    r"(?!\s+of\s+an?\s+(?:hundred|thousand|million|billion)\b)"
    rf"|(?P<half>half)\s+(?:of|the|their|its|all)\b"
    rf"|(?P<x>\d{{1,2}}|{_SMALL})\s+(?:in|out\s+of)\s+(?:every\s+)?"
    rf"(?P<y>3|4|5|10|100|three|four|five|ten|a hundred)\b)",
    re.I,
)


def words_value(text: str) -> float | None:
    """The value of spelled-out numbers ("forty thousand", "twenty-five", "two hundred and six")."""
    total = current = 0.0
    seen = False
    for word in re.findall(r"[a-z]+", text.lower()):
        if word in ("a", "an"):
            current = max(current, 1)
        elif word in WORD_VALUES:
            current += WORD_VALUES[word]
            seen = True
        elif word == "dozen":
            current, seen = max(current, 1) * 12, True
        elif word == "hundred":
            current, seen = max(current, 1) * 100, True
        elif word in SCALES:
            total, current, seen = total + max(current, 1) * SCALES[word], 0.0, True
    return total + current if seen else None


def vague_interval(text: str) -> tuple[float, float]:
    """Literal bounds of a vague amount: "hundreds" is 200-999, "tens of thousands" 20,000-99,999."""
    words = text.lower().split()
    if words[0] in ("several", "a"):
        size = words[1] if words[0] == "a" else words[0]
        unit = 12 if words[-1].startswith("dozen") else SCALES[words[-1].removesuffix("s")]
        low, high = {"several": (3, 9), "few": (2, 5), "couple": (2, 2), "handful": (3, 9)}[size]
        return low * unit, high * unit
    low, high = _VAGUE_BOUNDS[words[0]]
    rest = math.prod(_VAGUE_UNITS[w] for w in words[2:]) if len(words) > 2 else 1
    return low * rest, (high + 1) * rest - 1


def shares(text: str) -> list[dict]:
    """Shares said in words, as percentages: "two-thirds of", "half of", "seven in 10", "one in five"."""
    found = []
    for m in _SHARE.finditer(text):
        if m.group("part"):
            parts = (
                m.group("part").lower().split("-")
                if "-" in m.group("part")
                else m.group("part").lower().split()
            )
            count = 1 if parts[0] in ("a", "an", "one") else WORD_VALUES.get(parts[0], 1)
            value = 100 * count / _DENOMINATORS[parts[-1].removesuffix("s")]
        elif m.group("half"):
            if re.search(
                r"\b(?:first|second|latter|former|other|the)\s+$",
                text[max(0, m.start() - 10) : m.start()],
                re.I,
            ):
                continue  # "the first half of 2015" is a period
            value = 50.0
        else:
            x, y = (_numeral_or_word(m.group(g)) for g in ("x", "y"))
            if not x or not y or x >= y:
                continue
            value = 100 * x / y
        end = m.end("half") if m.group("half") else m.end()
        found.append(
            {
                "start": m.start(),
                "end": end,
                "low": value,
                "high": value,
                "vague": False,
                "scale": 1,
                "share": True,
            }
        )
    return found


def _numeral_or_word(token: str) -> float | None:
    token = token.lower()
    return float(token) if token.isdigit() else WORD_VALUES.get(token, 100 if token == "a hundred" else None)
