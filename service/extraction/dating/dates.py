"""Dates in news text: publication dates as sites print them, and when a statement was made."""

from __future__ import annotations

import datetime as dt
import re

_MONTH_KEYS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
MONTHS = {key: number for number, key in enumerate(_MONTH_KEYS, start=1)} | {"sept": 9}
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
    # Dotted numeric dates are a day-first (European) convention; US sites print slashes.
    re.compile(r"(?<![\d/.])(?P<d>\d\d?)\.(?P<m>\d\d?)\.(?P<y>(?:19|20)\d\d)(?![\d/.]\d)"),
    re.compile(r"(?<![\d/.])(?P<a>\d\d?)/(?P<b>\d\d?)/(?P<y>(?:19|20)\d\d)(?![\d/])"),
    # A two-digit year only with a 12-hour clock right after it ("09/28/23 4:15 PM ET", The Hill's line).
    re.compile(r"(?<![\d/.])(?P<a>\d\d?)/(?P<b>\d\d?)/(?P<yy>\d\d)(?=\s+\d\d?:\d\d\s*[AaPp]\.?[Mm]\b)"),
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
                day, month = int(groups["d"]), _month_number(groups["m"])
            found = _valid_date(year, month, day)
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


# ---------------------------------------------------------------------------------------------
# When a statement was made, from the words of its attribution ("said on Wednesday").

_FULL_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_YEAR = r"(?:19|20)\d\d"
_COUNTS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
_NUMBER_WORDS = {word: n for n, word in enumerate(_COUNTS, start=1)}
_NUMBER_WORDS |= {"a": 1, "an": 1}
_PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"
_SPEECH = (
    r"(?:interview|speech|statement|address|article|op-ed|book|memo|letter|briefing|press conference"
    r"|news conference|hearing|testimony|report|post|tweet|remarks|conversation|summit|meeting)"
)

# Alternatives are tried in this order at each position, so the specific come before the general.
_WHEN_PARTS = [
    ("future", rf"next\s+(?:{_FULL_WEEKDAY}|week|month|year)|tomorrow|later this (?:week|month|year)"),
    (
        "mdy",
        rf"(?:on\s+)?(?:{_FULL_WEEKDAY},?\s+)?(?P<mdy_m>{MONTH_RE})\s+(?P<mdy_d>\d\d?){_ORD}(?!\d)"
        rf"(?:,?\s+(?P<mdy_y>{_YEAR})\b)?",
    ),
    (
        "dmy",
        rf"(?:on\s+)?(?:{_FULL_WEEKDAY},?\s+)?(?:the\s+)?(?P<dmy_d>\d\d?){_ORD}\s+(?:of\s+)?"
        rf"(?P<dmy_m>{MONTH_RE})(?:,?\s+(?P<dmy_y>{_YEAR})\b)?",
    ),
    ("iso", rf"(?:on\s+)?(?P<iso_v>{_YEAR}-\d\d-\d\d)"),
    (
        "month_year",
        rf"(?:(?:in|during|back in|earlier in)\s+)?(?:(?:early|mid|late)[-\s]+)?"
        rf"(?P<my_m>{MONTH_RE})(?:\s+of)?,?\s+(?P<my_y>{_YEAR})\b",
    ),
    (
        "month",
        rf"(?:in|during|back in|earlier in|last|this past|early|mid|late"
        rf"|(?:at|by|towards?|near) the (?:end|start|beginning|middle|close) of)[-\s]+"
        rf"(?:(?:early|mid|late)[-\s]+)?"
        rf"(?P<mo_m>{MONTH_RE})(?![\w-])(?P<mo_rel>\s+(?:of\s+)?(?:last|this) year)?",
    ),
    (
        "year",
        rf"(?:in|during|back in|earlier in)\s+(?:(?:early|mid|late)[-\s]+)?(?P<yr>{_YEAR})(?![\d,.]\d)\b",
    ),
    ("year_of", rf"(?:a|an|the|his|her|its|their|that)\s+(?P<yr2>{_YEAR})\s+{_SPEECH}"),
    ("day_before", r"the day before yesterday"),
    ("yesterday", r"yesterday|last night"),
    ("today", r"(?:earlier |late |later )?today|tonight|this (?:morning|afternoon|evening)"),
    (
        "weekday",
        rf"(?:(?P<wd_last>last|this past|past)\s+|(?:on|earlier on|late on|early on)\s+)?"
        rf"(?P<wd>{_FULL_WEEKDAY})(?!s\b)(?:['’]s)?{_PART_OF_DAY}(?P<wd_week>\s+(?:of\s+)?last week)?",
    ),
    (
        "week",
        r"(?:(?:earlier|late|early|later) )?(?:last|this|this past|past|earlier this|late last) week(?:end)?",
    ),
    ("last_month", r"last month"),
    ("this_month", r"(?:earlier |early |late )?this month"),
    ("last_year", r"last year"),
    ("this_year", r"(?:earlier |early |late )?this year"),
    (
        "ago",
        r"(?P<ago_n>\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several)"
        r"\s+(?P<ago_unit>day|week|month|year)s?\s+ago",
    ),
    (
        "vague",
        r"in the past|recently|previously|in recent (?:days|weeks|months|years)|at the time|earlier",
    ),
]
_WHEN_RE = re.compile("|".join(rf"(?P<{name}>\b(?:{p}))" for name, p in _WHEN_PARTS), re.I)
_WHEN_NAMES = [name for name, _ in _WHEN_PARTS]


_MONTH_GROUPS = ("mdy_m", "dmy_m", "my_m", "mo_m")
# Every expression _WHEN_RE matches holds one of these at a word start (a superset test): most
# attribution contexts hold none, and this one cheap scan spares the large pattern.
_WHEN_HINT = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|tonight"
    r"|tomorrow|yesterday|ago|night|morning|afternoon|evening|week|month|year|recent|previous|in the past"
    r"|at the time|earlier)",
    re.I,
)


# A relative aside: after a comma, or a "who" clause in an appositive ("a farmer who testified in March,").
_COMMA_ASIDE = re.compile(r",\s*(?P<rel>who|which|whose|whom|where|when)\b[^,]*(?:,|$)", re.I)
_ASIDE = re.compile(
    r"(?:,\s*(?P<rel>who|which|whose|whom|where|when)|\s(?P<rel2>who|whose|whom))\b[^,]*(?:,|$)", re.I
)


def _first_when(context: str) -> re.Match[str] | None:
    """The expression that dates the statement: concrete before vague, never inside a "who ..." aside."""
    context = context or ""
    if not _WHEN_HINT.search(context):
        return None
    aside_re = _ASIDE if "who" in context else _COMMA_ASIDE  # the bare "who" scan only where one is printed
    asides = [
        (a.start(), a.end(), (a["rel"] or "").lower() in ("where", "when"))
        for a in aside_re.finditer(context)
    ]
    found = []
    for m in _WHEN_RE.finditer(context):
        # News English capitalises months; "in may" and "march on" are verbs.
        if any(m.group(g) and m.group(g)[0].islower() for g in _MONTH_GROUPS):
            continue
        inside = [adverbial for start, end, adverbial in asides if start <= m.start() < end]
        if inside and not inside[0]:
            continue  # "X, who transferred two years ago, said": the relative clause's time, not the saying's
        if m.group("weekday") is None and context[m.end() : m.end() + 2] in ("'s", "’s"):
            continue  # "last year's final" modifies a noun; "Tuesday's vote" still dates the occasion
        vague = m.group("vague") is not None or m.group("future") is not None
        found.append(((vague, bool(inside)), m))
    return min(found, key=lambda pair: pair[0])[1] if found else None


def find_when(context: str) -> tuple[str, int, int] | None:
    """The expression of time that dates an attribution clause, as (phrase, start, end), or None."""
    m = _first_when(context)
    return (m.group(0), m.start(), m.end()) if m else None


def _reference(published: str | None) -> tuple[int | None, int | None, dt.date | None]:
    """Year, month and full date of publication, as far as the published value says."""
    m = re.match(r"((?:19|20)\d\d)(?:-(\d\d)(?:-(\d\d))?)?", published or "")
    if not m:
        return None, None, None
    year, month = int(m[1]), int(m[2]) if m[2] else None
    day = _valid_date(year, month, int(m[3])) if m[3] else None
    return year, month, day


def _latest_month(month: int, year: int, ref_month: int, strictly_before: bool) -> str:
    """The most recent given month on or before (or strictly before) the reference month."""
    back = month > ref_month or (strictly_before and month == ref_month)
    return f"{year - back:04d}-{month:02d}"


def _latest_day(month: int, day: int, ref: dt.date) -> str | None:
    """The most recent given calendar day on or before the reference date."""
    for year in range(ref.year, ref.year - 5, -1):
        found = _valid_date(year, month, day)
        if found and found <= ref:
            return found.isoformat()
    return None


def _shift_month(year: int, month: int, back: int) -> str:
    index = year * 12 + (month - 1) - back
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _resolve(m: re.Match[str], published: str | None) -> str | None:
    kind = next(name for name in _WHEN_NAMES if m.group(name) is not None)
    year, month, day = _reference(published)
    g = m.groupdict()
    if kind in ("mdy", "dmy"):
        p = "mdy_" if kind == "mdy" else "dmy_"
        mo, d = _month_number(g[p + "m"]), int(g[p + "d"])
        if g[p + "y"]:
            found = _valid_date(int(g[p + "y"]), mo, d)
            return found.isoformat() if found else None
        return _latest_day(mo, d, day) if day and mo else None
    if kind == "iso":
        return _valid_date(*map(int, g["iso_v"].split("-"))) and g["iso_v"]
    if kind == "month_year":
        mo = _month_number(g["my_m"])
        return f"{int(g['my_y']):04d}-{mo:02d}" if mo else None
    if kind == "month":
        mo = _month_number(g["mo_m"])
        if g["mo_rel"] and year and mo:  # "in October last year", "in March this year"
            return f"{year - ('last' in g['mo_rel'].lower()):04d}-{mo:02d}"
        strictly = m.group(0).lower().startswith(("last", "this past"))
        return _latest_month(mo, year, month, strictly) if mo and month else None
    if kind in ("year", "year_of"):
        return g["yr"] or g["yr2"]
    if kind in ("yesterday", "today", "day_before", "weekday"):
        if not day:
            return None
        if kind == "weekday":
            target = WEEKDAYS.index(g["wd"].lower())
            if g["wd_week"]:  # "on Monday last week": that weekday in the previous calendar week
                back = day.weekday() + 7 - target
            else:
                back = (day.weekday() - target) % 7 or (7 if g["wd_last"] else 0)
        else:
            back = {"today": 0, "yesterday": 1, "day_before": 2}[kind]
        return (day - dt.timedelta(days=back)).isoformat()
    if kind in ("last_month", "this_month"):
        return _shift_month(year, month, kind == "last_month") if month else None
    if kind in ("last_year", "this_year"):
        return f"{year - (kind == 'last_year'):04d}" if year else None
    if kind == "ago":
        n = _NUMBER_WORDS.get(g["ago_n"].lower()) or (int(g["ago_n"]) if g["ago_n"].isdigit() else None)
        unit = g["ago_unit"].lower()
        if n is None:
            return None  # "a few", "several": no count to go back by
        if unit == "day" and day:
            return (day - dt.timedelta(days=n)).isoformat()
        if unit == "month" and month:
            return _shift_month(year, month, n)
        if unit == "year" and year:
            return f"{year - n:04d}"
    # "future", "week", "vague": no date the statement can honestly be pinned to.
    return None


def time_named(context: str, published: str | None) -> tuple[int, int, str | None] | None:
    """Where the time expression of an attribution clause is, and what it resolves to (None if it cannot)."""
    m = _first_when(context)
    return (m.start(), m.end(), _resolve(m, published)) if m else None


def when_said(context: str, published: str | None) -> str | None:
    """When the statement in an attribution clause was made: ISO date, month or year; None if unknown.

    Relative expressions resolve against `published` ("Thursday" is the latest Thursday on or
    before publication, "last Thursday" the latest before it). Week-level expressions ("last
    week", "earlier this week", "two weeks ago") give None: the store keeps days, months and
    years, and a day would be invented. Vague ones ("recently", "in the past") give None.
    """
    m = _first_when(context)
    return _resolve(m, published) if m else None


def day_expressions(text: str, published: str | None) -> list[tuple[int, int, str]]:
    """Every expression in text naming one day ("on Tuesday", "Nov. 4", "yesterday"): (start, end, ISO)."""
    days = []
    for m in _WHEN_RE.finditer(text) if _WHEN_HINT.search(text) else ():
        if any(m.group(g) and m.group(g)[0].islower() for g in _MONTH_GROUPS):
            continue
        iso = _resolve(m, published)
        if iso and len(iso) == 10:
            days.append((m.start(), m.end(), iso))
    return days
