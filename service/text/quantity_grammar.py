"""The one grammar of quantities: number words, multipliers, numerals, currencies, percent and bounds.

Every reader of numbers is built from these pieces: the quantity parser (`service.text.numbers`:
quantities as intervals with what they count, for comparison and provenance), the readers of amounts
in words (`service.text.number_words`) and the normaliser (`service.text.normalize`: each way of
printing a number written one way, for the index and the term cache). A spelling is added here once.
The parser and the normaliser read the same numerals; each takes the multipliers and signs it can
read unambiguously in its setting, and says which below.
"""

from __future__ import annotations

import re


def word_list(words: str) -> list[str]:
    """A vocabulary written as one space-separated string."""
    return words.split()


def alternation(words) -> str:
    """A regex alternation of literal words, longest first so no word shadows a longer one."""
    return "|".join(sorted(words, key=len, reverse=True))


# Number words and multipliers.
ONES = word_list("zero one two three four five six seven eight nine")
TEENS = word_list("ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen")
TENS = word_list("twenty thirty forty fifty sixty seventy eighty ninety")
WORD_VALUES = {w: i for i, w in enumerate(ONES + TEENS)} | {w: 10 * (i + 2) for i, w in enumerate(TENS)}
SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
SHORT_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12}
MULTIPLIERS = SCALES | SHORT_SCALES  # every multiplier a numeral may carry, with its value
# "m" is metres as often as millions ("330m tall"): a reader takes it as millions only where the
# setting says money or stands it right after the digits.
AMBIGUOUS_SHORT_SCALES = frozenset(["m", "b"])

# Currencies: the signs printed before an amount and the names printed after it, as ISO codes.
CURRENCY_SIGNS = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB"}
CURRENCY_NAMES = {
    "dollar": "USD",
    "euro": "EUR",
    "pound": "GBP",
    "rouble": "RUB",
    "ruble": "RUB",
    "yuan": "CNY",
}

CURRENCY_SIGN = "|".join(re.escape(sign) for sign in sorted(CURRENCY_SIGNS, key=len, reverse=True))  # re.I


def currency_name(sign: str) -> str:
    """The plural name of the currency a sign stands for ("$" -> "dollars")."""
    code = CURRENCY_SIGNS[sign.lower()]
    return next(name for name, named in CURRENCY_NAMES.items() if named == code) + "s"


# A numeral: digits with optional thousands groups ("40,000", "40 000") and decimals.
DIGITS = r"\d+(?:\.\d+)?"
# Groups joined by a comma or a (no-break) space, as the parser reads raw text ("1,234.5", ".5" too).
NUMERAL = rf"\d{{1,3}}(?:(?:,|[\u00a0\u202f ](?=\d{{3}}\b))\d{{3}})+(?:\.\d+)?|{DIGITS}|\.\d+"
# On folded text any space joins groups, and a grouped run must end the number: the normaliser's reading.
FOLDED_NUMERAL = rf"\d{{1,3}}(?:(?:,|\s)\d{{3}})+(?![\d]|[.,]\d)|{DIGITS}"
# Multipliers after a numeral. The parser: a long scale after optional space, a short one attached
# ("40k", "3bn"); "hundred" and "tn" are left to the words reader. The normaliser: any of them after
# optional space, the ambiguous "m" handled by its caller.
PARSED_SHORT_SCALE = rf"(?:{alternation(sorted(set(SHORT_SCALES) - {'b', 'tn'}))})\b"  # read with re.I
PARSED_SCALE = rf"(?:\s*(?:{alternation(sorted(set(SCALES) - {'hundred'}))})\b|{PARSED_SHORT_SCALE})"
NORMALISED_MULTIPLIER = rf"(?:{alternation(sorted(set(MULTIPLIERS) - AMBIGUOUS_SHORT_SCALES))})\b"
# Signs the normaliser turns into words ("$5" -> "5 dollars"); the parser reads every CURRENCY_SIGNS.
NORMALISED_CURRENCY_SIGNS = "$€£"

# Percent after a figure: the parser's spellings, and the normaliser's ("percent" stays a word there).
PERCENT = r"(?:%|percent\b|per\s+cent\b|percentage\s+points?\b)"
NORMALISED_PERCENT = r"(?:%|per\s?cent\b)"

# Bounds and approximations around a figure, longest phrases first so "no more than" wins over "more than".
LOWER_BOUND = (
    "no fewer than|no less than|not less than|in excess of|an excess of|excess of|more than|greater than|"
    "upwards of|a minimum of|at least|well over|just over|north of|exceeding|above|over|beyond"
)
UPPER_BOUND = (
    "no more than|not more than|fewer than|less than|a maximum of|as many as|as much as|at most|"
    "up to|just under|under|below|nearly|almost|maximum of|not even"
)
APPROXIMATE = (
    "approximately|an estimated|estimated|roughly|around|about|some|close to|circa|c\\.|~|nearly|almost"
)
BOUND_AFTER = (
    r"(?P<lower>\+|-?plus\b|or more\b|or over\b)|(?P<upper>or fewer\b|or less\b)|(?P<approx>or so\b)"
)
NEAR_UPPER_BOUNDS = frozenset(["nearly", "almost", "just under", "not even"])  # close below the figure

# Amounts in words: runs of number words ("two hundred and six") and vague amounts ("tens of thousands").
_WORD = alternation([*WORD_VALUES, *SCALES, "dozen"])
SPELLED_NUMBER = rf"(?:\b(?:an?\s+)?(?:{_WORD})(?:(?:\s+and\s+|[\s-]+)(?:{_WORD}))*\b)"
VAGUE_AMOUNT = (
    r"\b(?:(?:tens|hundreds|dozens)\s+of\s+(?:thousands|millions|billions)"
    r"|(?:several|a\s+few|a\s+couple\s+of|a\s+handful\s+of)\s+(?:dozen|hundred|thousand|million|billion)s?"
    r"|tens|dozens|scores|hundreds|thousands|millions|billions)\b"
)
