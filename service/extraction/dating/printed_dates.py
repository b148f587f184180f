"""Calendar dates and clock times as sites print them: the publication date line, dates in page text."""

from __future__ import annotations

import datetime as dt
import re

from service.text.calendar import MONTH_RE, month_number

ORDINAL_SUFFIX = r"(?:st|nd|rd|th)?"
YEAR_RE = r"(?:19|20)\d\d"

# Each pattern names its groups y/m/d (m may be a month name); order matters: most specific first.
_DATE_PATTERNS = [
    re.compile(rf"(?<!\d)(?P<y>{YEAR_RE})-(?P<m>\d\d)-(?P<d>\d\d)(?!\d)"),
    re.compile(rf"(?<!\d)(?P<y>{YEAR_RE})/(?P<m>\d\d?)/(?P<d>\d\d?)(?!\d)"),
    re.compile(rf"\b(?P<d>\d\d?){ORDINAL_SUFFIX}(?:\s+of)?\s+(?P<m>{MONTH_RE}),?\s+(?P<y>{YEAR_RE})\b", re.I),
    re.compile(rf"\b(?P<m>{MONTH_RE})\s+(?P<d>\d\d?){ORDINAL_SUFFIX},?\s+(?P<y>{YEAR_RE})\b", re.I),
    # Dotted numeric dates are a day-first (European) convention; US sites print slashes.
    re.compile(rf"(?<![\d/.])(?P<d>\d\d?)\.(?P<m>\d\d?)\.(?P<y>{YEAR_RE})(?![\d/.]\d)"),
    re.compile(rf"(?<![\d/.])(?P<a>\d\d?)/(?P<b>\d\d?)/(?P<y>{YEAR_RE})(?![\d/])"),
    # A two-digit year only with a 12-hour clock right after it ("09/28/23 4:15 PM ET", The Hill's line).
    re.compile(r"(?<![\d/.])(?P<a>\d\d?)/(?P<b>\d\d?)/(?P<yy>\d\d)(?=\s+\d\d?:\d\d\s*[AaPp]\.?[Mm]\b)"),
]
_TIME_RE = re.compile(
    r"(?<![\d:])(?P<h>[01]?\d|2[0-3])[:.](?P<mi>[0-5]\d)(?::(?P<s>[0-5]\d))?(?![\d:])"
    r"(?:\s*(?P<ampm>[ap])\.?\s?m\b\.?)?",
    re.I,
)


def valid_date(year: int, month: int | None, day: int) -> dt.date | None:
    """That calendar day, or None where there is no such day (or no month)."""
    if month is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# US outlets print slashed dates month first beside a 12-hour clock or a US time zone
# ("04/09/2025 05:00 PM EDT"); those signals settle an otherwise ambiguous 04/09.
_US_SIGNAL = re.compile(
    r"\d\s*[ap]\.?m\b\.?|(?-i:\b(?:[ECMP][SD]?T|AK[SD]T|H[SD]T)\b)|\b(?:eastern|central|pacific) time\b", re.I
)


def _date_in(
    s: str, allow_ambiguous: bool = False, month_first: bool = False
) -> tuple[dt.date, int, int] | None:
    """The first certain calendar date in s with its span; slashed a/b/y read month first if told so."""
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(s):
            groups = m.groupdict()
            year = int(groups["y"]) if groups.get("y") else 2000 + int(groups["yy"])
            if "a" in groups:
                a, b = int(groups["a"]), int(groups["b"])
                # 12/07/2013 could be December or July: only accept when one reading is impossible.
                if a > 12 >= b:
                    day, month = a, b
                elif b > 12 >= a or month_first:
                    day, month = b, a
                elif a == b or allow_ambiguous:
                    day, month = a, b
                else:
                    continue
            else:
                day, month = int(groups["d"]), month_number(groups["m"])
            found = valid_date(year, month, day)
            if found:
                return found, m.start(), m.end()
    return None


def _time_near(s: str, start: int, end: int) -> str | None:
    """The clock time printed nearest the date span (just before or after it), as HH:MM[:SS]."""
    after = [(m.start(), m) for m in _TIME_RE.finditer(s[end : end + 24])]
    window_start = max(0, start - 30)
    before = [(start - window_start - m.end(), m) for m in _TIME_RE.finditer(s[window_start:start])]
    for _distance, m in sorted(after + before, key=lambda pair: pair[0]):
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
    """The date (and time when printed beside it) in a site's date line, as ISO text; None if none.

    A slashed date that reads both ways (04/09/2025) is taken month first when the line carries a
    US signal (AM/PM clock, US time zone); without one it stays unresolved (None).
    """
    if not s:
        return None
    found = _date_in(s, month_first=bool(_US_SIGNAL.search(s)))
    if not found:
        return None
    date, start, end = found
    iso_t = re.match(r"T(\d\d):(\d\d)(?::(\d\d))?", s[end:])
    if iso_t:
        return f"{date.isoformat()}T{iso_t.group(0)[1:]}"
    clock = _time_near(s, start, end)
    return f"{date.isoformat()}T{clock}" if clock else date.isoformat()


def date_span(s: str, allow_ambiguous: bool = False) -> tuple[int, int] | None:
    """Where the first calendar date in s is printed, or None; "12/07/2013" counts only if allowed."""
    found = _date_in(s, allow_ambiguous)
    return (found[1], found[2]) if found else None
