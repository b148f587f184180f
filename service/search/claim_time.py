"""When a claim says something was said or happened: "in 2016", "last November", "on Friday".

`claim_time(claim) -> ClaimTime | None`. Only absolute times are placed: "last November" in a claim
is relative to when the claim was made, so it is just November ("--11"); "last week" cannot be
placed at all (when ""). `attributed` says whether the time is the attribution's ("said in 2015",
"In 2015, Putin said"): only such a time says when a statement was made; elsewhere it may date the
event the statement describes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from service.extraction.cues import SAY_VERBS
from service.extraction.dating.time_phrases import find_when, when_said
from service.text.calendar import MONTH_WORDS, WEEKDAYS, month_number

_CUES = "|".join(sorted(SAY_VERBS | {"reckons", "admits", "assumes", "accused"}, key=len, reverse=True))
_AUX = r"(?:(?:has|have|had|also|again|once|is|was|\w+ly)\s+)*"
# Every time expression find_when knows has a digit or one of these words; most claims have neither.
_MAY_SAY_WHEN = re.compile(
    rf"\d|\b(?:{'|'.join(MONTH_WORDS + WEEKDAYS)}|yesterday|today|tonight|tomorrow"
    r"|week|month|year|ago|recent|earlier|previous|past|once|morning|afternoon|evening|night|time|next|later)",
    re.I,
)
_VAGUE_WHEN = re.compile(
    r"^(?:in the past|recently|previously|in recent \w+|at the time|once|earlier)$", re.I
)


@dataclass(frozen=True)
class ClaimTime:
    """The claim's words for a time, where they stand, and the time as far as it can be placed."""

    words: str  # "last November"
    when: str  # partial ISO date, "--MM[-DD]" for a month without a year, a weekday name, or ""
    attributed: bool  # the time of the attribution ("said in 2015"), not of the event
    start: int
    end: int


@lru_cache(maxsize=1024)  # a pure function of the claim, asked once per statement compared with it
def claim_time(claim: str) -> ClaimTime | None:
    """The time the claim gives, placed as far as it goes; None when it gives none."""
    found = find_when(claim) if _MAY_SAY_WHEN.search(claim) else None
    if not found or _VAGUE_WHEN.match(found[0].strip()):
        return None
    raw, start, end = found
    words = raw.strip()
    start += len(raw) - len(raw.lstrip())
    after_verb = re.search(rf"\b(?:{_CUES})\s+(?:that\s+)?$", claim[:start])
    opening = not claim[:start].strip() and re.match(
        rf",?\s+[^,]{{1,60}}?\s+{_AUX}(?:{_CUES})\b", claim[end:]
    )
    when = when_said(words, None)
    if when is None:
        month = re.search(rf"\b({'|'.join(MONTH_WORDS)})\b", words, re.I)
        weekday = re.search(rf"\b({'|'.join(WEEKDAYS)})\b", words, re.I)
        day = re.search(r"\b([0-3]?\d)(?:st|nd|rd|th)?\b", words)
        if month:
            when = f"--{month_number(month.group(1)):02d}"
            when += f"-{int(day.group(1)):02d}" if day and 1 <= int(day.group(1)) <= 31 else ""
        elif weekday:
            when = weekday.group(1).capitalize()
    return ClaimTime(words, when or "", bool(after_verb or opening), start, start + len(words))
