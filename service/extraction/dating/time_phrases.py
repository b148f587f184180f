"""When a statement was made, from the words of its attribution: "on Wednesday", "last month", "in 2014".

Each phrase of time is found (`find_when`, `time_named`) and resolved against the publication date
(`when_said`, `day_expressions`) to an ISO date, month or year.
"""

from __future__ import annotations

import datetime as dt
import re

from service.extraction.dating.printed_dates import ORDINAL_SUFFIX as _ORD
from service.extraction.dating.printed_dates import YEAR_RE as _YEAR
from service.extraction.dating.printed_dates import valid_date
from service.text.calendar import FULL_WEEKDAY_RE as _FULL_WEEKDAY
from service.text.calendar import MONTH_NAMES, MONTH_RE, WEEKDAYS, month_number
from service.text.number_words import WORD_VALUES

_COUNTS = "|".join(word for word, value in WORD_VALUES.items() if 1 <= value <= 12)  # "three weeks ago"
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
        rf"(?P<ago_n>\d+|an?|{_COUNTS}|a few|several)"
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
    rf"\d|\b(?:{'|'.join(name[:3] for name in MONTH_NAMES + WEEKDAYS)}|today|tonight"
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
    day = valid_date(year, month, int(m[3])) if m[3] else None
    return year, month, day


def _latest_month(month: int, year: int, ref_month: int, strictly_before: bool) -> str:
    """The most recent given month on or before (or strictly before) the reference month."""
    back = month > ref_month or (strictly_before and month == ref_month)
    return f"{year - back:04d}-{month:02d}"


def _latest_day(month: int, day: int, ref: dt.date) -> str | None:
    """The most recent given calendar day on or before the reference date."""
    for year in range(ref.year, ref.year - 5, -1):
        found = valid_date(year, month, day)
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
        mo, d = month_number(g[p + "m"]), int(g[p + "d"])
        if g[p + "y"]:
            found = valid_date(int(g[p + "y"]), mo, d)
            return found.isoformat() if found else None
        return _latest_day(mo, d, day) if day and mo else None
    if kind == "iso":
        return valid_date(*map(int, g["iso_v"].split("-"))) and g["iso_v"]
    if kind == "month_year":
        mo = month_number(g["my_m"])
        return f"{int(g['my_y']):04d}-{mo:02d}" if mo else None
    if kind == "month":
        mo = month_number(g["mo_m"])
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
        count = g["ago_n"].lower()
        n = 1 if count in ("a", "an") else WORD_VALUES.get(count) or (int(count) if count.isdigit() else None)
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
