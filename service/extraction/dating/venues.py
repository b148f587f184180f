"""Where a statement was made, read from the attribution words ("told RIA Novosti", "at a press briefing")."""

from __future__ import annotations

import re

from service.text.calendar import CAPITALISED_DAY_OR_MONTH_RE

_EVENT_NOUNS = (
    r"briefing|conference|news\s+conference|press\s+conference|rally|hearing|summit|meeting|forum|session|"
    r"event|ceremony|speech|address|debate|gathering|convention|congress|symposium|seminar|panel|"
    r"luncheon|dinner|assembly|roundtable|round\s+table|town\s+hall|talks|interview|statement|"
    r"news\s+briefing|press\s+briefing|webinar|podcast|programme|program|show|broadcast|email|e-mail|letter|"
    r"post|tweet|video|op-ed|memo|filing|order|affidavit|news\s+release|press\s+release|blog\s+post|message"
)
_CAP = r"(?:[A-Z][\w.&'\u2019-]*|of|the|for|and|on|de)"
_VENUE_PATTERNS = [
    # "in an interview with the Financial Times" / "in a statement to Reuters"
    re.compile(
        rf"\bin\s+(?:an?|the)\s+(?:[\w-]+\s+){{0,2}}?(?:interview|statement|op-ed)\s+(?:with|to)\s+"
        rf"(?P<v>(?:the\s+)?[A-Z][\w.&'\u2019-]*(?:\s+{_CAP}){{0,6}})"
    ),
    # "told RIA Novosti", "told the annual Aspen Security Forum", "told Spanish News Agency EFE"
    re.compile(
        rf"\b(?:told|tells|telling)\s+(?:the\s+)?(?:(?:annual|weekly|daily|state-run|state|private|"
        rf"local|national|influential|[a-z]+-based)\s+)*(?P<v>[A-Z][\w.&'\u2019-]*(?:\s+{_CAP}){{0,7}})"
    ),
    # "speaking at the third meeting of ...", "at a press briefing", "during a news conference"
    re.compile(
        rf"\b(?:at|during|in|on)\s+(?:an?|the|his|her|their|its)\s+(?P<v>(?:[\w'\u2019-]+\s+){{0,4}}?"
        rf"(?:{_EVENT_NOUNS})(?:\s+(?:of|in|on|for|with|at)\s+(?:(?!\s+that\b)[^,.;]){{1,80}})?)(?=[,.;]|\s*$|\s+(?:on|in|"
        rf"last|this|earlier|after|before|that)\b)"
    ),
    # "was quoted by Interfax as saying"
    re.compile(rf"\bquoted\s+by\s+(?:the\s+)?(?P<v>[A-Z][\w.&'\u2019-]*(?:\s+{_CAP}){{0,5}}?)\s+as\b"),
    # "on the Senate floor", "on the sidelines of the G20 summit"
    re.compile(r"\bon\s+the\s+(?P<v>(?:[A-Z][\w.'\u2019-]*\s+)+floor|sidelines\s+of\s+[^,.;]{3,80})"),
    # "wrote on Twitter", "said on Facebook", "posted on X"
    re.compile(
        r"\b(?:on|via)\s+(?P<v>Twitter|Facebook|X|Telegram|Instagram|YouTube|LinkedIn|Truth\s+Social|"
        r"Threads|Bluesky|social\s+media|his\s+blog|her\s+blog|state\s+television|state\s+TV|"
        r"television|radio)\b"
    ),
    re.compile(
        r"\b(?:[Ss]peaking|[Ss]poke|speaks|[Aa]ddressing|addressed)\s+(?:at|to|before|during)\s+(?:the\s+|an?\s+)?"
        r"(?P<v>[^,.;]{3,120})"
    ),
]
_NOT_VENUE = re.compile(
    r"^(?:reporters|journalists|lawmakers|the\s+court|parliament|him|her|them|us|me|a\s+crowd|supporters|"
    r"request|time|least|first|same|end|start|beginning|moment|past|weekend|week|month|year|day|night)\b",
    re.I,
)
_DATE_TAIL = re.compile(
    rf"\s+(?:on|in|last|this|earlier|late|early|next)\s+(?:{CAPITALISED_DAY_OR_MONTH_RE}|"
    r"week|month|year|\d{4}).*$|\s+(?:earlier|later|today|yesterday)\b.*$"
)
_POSSESSIVE_CUT_RE = re.compile(r"['\u2019]s\s.*$")
_TRAILING_LINK_RE = re.compile(r"(?:\s+(?:on|of|the|for|and|de|at|in))+$")
_LEADING_ADJ = re.compile(
    r"^(?:a|an|the|annual|recent|weekly|regular|daily|joint|separate|brief|televised)\s+"
)


def find_venue(words: str) -> str | None:
    """The venue named in attribution words, or None ("told reporters" names no venue)."""
    for pattern in _VENUE_PATTERNS:
        match = pattern.search(words)
        if not match:
            continue
        venue = _DATE_TAIL.sub("", match.group("v")).strip(" ,.;")
        venue = _POSSESSIVE_CUT_RE.sub("", venue)  # "CNN's Jake Tapper" -> "CNN"
        venue = _TRAILING_LINK_RE.sub("", venue)
        while _LEADING_ADJ.match(venue):
            venue = _LEADING_ADJ.sub("", venue, count=1)
        if venue and not _NOT_VENUE.match(venue):
            return venue
    return None


_SPEAKING_RE = re.compile(
    r"\b(?:was|were|is|are)\s+(?:speaking|talking)\s+(?:at|to|during|before)\s+(?:the\s+|an?\s+)?(?P<v>[^.;]{3,140})"
)


def speaking_venue(paragraph: str) -> str | None:
    """A venue the paragraph gives in a sentence of its own ("X was speaking at the third meeting of ...")."""
    match = _SPEAKING_RE.search(paragraph)
    return match.group("v").strip(" ,") if match else None
