"""Dates in news text: publication dates as sites print them, and when a statement was made."""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

MONTH_RE = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
WEEKDAY_RE = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\.?"
_ORD = r"(?:st|nd|rd|th)?"

# Each pattern names its groups y/m/d (m may be a month name); order matters: most specific first.
_DATE_PATTERNS = [
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)(?!\d)"),
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)/(?P<m>\d\d?)/(?P<d>\d\d?)(?!\d)"),
    re.compile(rf"\b(?P<d>\d\d?){_ORD}(?:\s+of)?\s+(?P<m>{MONTH_RE}),?\s+(?P<y>(?:19|20)\d\d)\b", re.I),
    re.compile(rf"\b(?P<m>{MONTH_RE})\s+(?P<d>\d\d?){_ORD},?\s+(?P<y>(?:19|20)\d\d)\b", re.I),
    re.compile(r"(?<![\d/.])(?P<a>\d\d?)[/.](?P<b>\d\d?)[/.](?P<y>(?:19|20)\d\d)(?![\d/])"),
]
_TIME_RE = re.compile(
    r"(?<![\d:])(?P<h>[01]?\d|2[0-3])[:.](?P<mi>[0-5]\d)(?::(?P<s>[0-5]\d))?(?![\d:])"
    r"(?:\s*(?P<ampm>[ap])\.?\s?m\b\.?)?",
    re.I,
)


def _month_number(token: str) -> int | None:
    token = token.lower().rstrip(".")
    if token.isdigit():
        return int(token)
    return MONTHS.get(token[:4] if token.startswith("sept") else token[:3])


def _valid_date(year: int, month: int | None, day: int) -> dt.date | None:
    if month is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _date_in(s: str) -> tuple[dt.date, int, int] | None:
    """The first unambiguous calendar date in s with its span."""
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(s):
            groups = m.groupdict()
            year = int(groups["y"])
            if "a" in groups:
                a, b = int(groups["a"]), int(groups["b"])
                # 12/07/2013 could be December or July: only accept when one reading is impossible.
                if a > 12 >= b:
                    day, month = a, b
                elif b > 12 >= a:
                    day, month = b, a
                elif a == b:
                    day = month = a
                else:
                    continue
            else:
                day, month = int(groups["d"]), _month_number(groups["m"])
            found = _valid_date(year, month, day)
            if found:
                return found, m.start(), m.end()
    return None


def _time_near(s: str, start: int, end: int) -> str | None:
    """A clock time printed just before or just after the date span, as HH:MM[:SS]."""
    window_after = s[end : end + 24]
    window_before = s[max(0, start - 30) : start]
    candidates = [(m, True) for m in _TIME_RE.finditer(window_after)]
    candidates += [(m, False) for m in _TIME_RE.finditer(window_before)]
    for m, _after in candidates:
        hour, minute = int(m["h"]), int(m["mi"])
        ampm = (m["ampm"] or "").lower()
        if ampm:
            if hour > 12 or hour == 0:
                continue
            hour = hour % 12 + (12 if ampm == "p" else 0)
        elif m.group(0).count(".") and not m["s"]:
            continue  # "4.30" without am/pm is too often a number, not a time
        text = f"{hour:02d}:{minute:02d}"
        return text + (f":{m['s']}" if m["s"] else "")
    return None


def parse_published(s: str) -> str | None:
    """The date (and time when printed beside it) in a site's date line, as ISO text; None if none."""
    if not s:
        return None
    found = _date_in(s)
    if not found:
        return None
    date, start, end = found
    iso_t = re.match(r"T(\d\d):(\d\d)(?::(\d\d))?", s[end:])
    if iso_t:
        return f"{date.isoformat()}T{iso_t.group(0)[1:]}"
    clock = _time_near(s, start, end)
    return f"{date.isoformat()}T{clock}" if clock else date.isoformat()


def date_span(s: str) -> tuple[int, int] | None:
    """Where the first calendar date in s is printed, or None."""
    found = _date_in(s)
    return (found[1], found[2]) if found else None
