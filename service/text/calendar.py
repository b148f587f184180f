"""The one vocabulary of the calendar: month and weekday names, their short forms and patterns.

Dates printed by sites, times named in attributions, quantities that are really days of the month
and the time a claim gives all read month and weekday names; they read them from here.
"""

from __future__ import annotations

MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
# Short forms as news text prints them ("Sept. 4"); "may" needs none.
MONTH_ABBREVIATIONS = ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")
MONTH_WORDS = MONTH_NAMES + MONTH_ABBREVIATIONS  # every word that names a month, lower-case
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_ABBREVIATIONS = ("mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun")
# Every calendar word as news English capitalises it ("Monday", "May", "Sept", "Thurs"): never a name.
CAPITALISED_CALENDAR_WORDS = frozenset(
    word.capitalize() for word in WEEKDAYS + MONTH_WORDS + WEEKDAY_ABBREVIATIONS
)

# Case-insensitive patterns (compile with re.I): a month name or short form with its optional dot,
# a weekday in any short form, and a weekday written out.
MONTH_RE = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
WEEKDAY_RE = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\.?"
FULL_WEEKDAY_RE = rf"(?:{'|'.join(WEEKDAYS)})"
# Capitalised, as news English prints them: "on Monday", "in March" (lower-case "may", "march" are verbs).
CAPITALISED_DAY_OR_MONTH_RE = "|".join(word.capitalize() for word in WEEKDAYS + MONTH_NAMES)


def month_number(token: str) -> int | None:
    """The month (1-12) a name, short form ("Sept.") or numeral stands for; None for any other word."""
    token = token.lower().rstrip(".")
    if token.isdigit():
        return int(token)
    key = token[:4] if token.startswith("sept") else token[:3]
    return _MONTH_NUMBER.get(key)


_MONTH_NUMBER = {name[:3]: number for number, name in enumerate(MONTH_NAMES, start=1)} | {"sept": 9}
