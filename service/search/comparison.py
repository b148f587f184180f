"""Does a claim get a statement right? Figures, speaker and date checked, then one overall agreement.

`compare(claim, quote) -> Comparison`. Every check and the overall agreement use one vocabulary:
  consistent   the claim says what the statement's record says
  conflicting  the claim says something the record contradicts (a figure, the speaker, the date)
  unknown      the record cannot tell (no such figure, speaker or date in it)
and each check carries a readable `reason`.

JSON shape (field names as below, tuples as lists):
  numbers:   [{claim: Quantity, quote: Quantity | null, verdict, reason}]  (Quantity: service.text.numbers)
  speaker:   {claim, quote, quote_role, verdict, reason} or null when the claim names nobody
  date:      {claim, claim_date, quote, verdict, reason} or null when the claim says no when;
             claim_date is "2016-06-02", "2015-11", "2015", "--11" / "--11-04" (no year given), a weekday
             or "" (a relative time such as "last week" that cannot be placed)
  agreement: consistent | conflicting | unknown;  reasons: [every check's reason]

Figures: see `service.search.figures` (intervals with stated tolerances, judged symmetrically).
Speaker: see `service.search.speaker_match`. Dates: only absolute times in the claim are placed; a
year the statement itself mentions is content, not when it was said; with no said_on, a claim date
after the article's publication conflicts (a statement cannot postdate its report). Only a time in
the attribution ("said in 2015", "In 2015, Putin said") can conflict; elsewhere it may date the event.
Agreement: any conflicting check makes it conflicting; otherwise consistent when some check is
consistent, except that a claim figure the statement lacks is outweighed only by a figure that
agrees; else unknown.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from service.models import StoredQuote
from service.search.claims import ClaimAnalysis, analyse_claim
from service.search.figures import describe, explain, judge_numbers, pair_quantities
from service.search.speaker_match import speaker_verdict
from service.text.calendar import WEEKDAYS
from service.text.numbers import Quantity, parse_quantities

VERDICTS = ("consistent", "conflicting", "unknown")


@dataclass(frozen=True)
class NumberCheck:
    """One claim quantity, the statement quantity it was paired with, and the verdict."""

    claim: Quantity
    quote: Quantity | None
    verdict: str  # one of VERDICTS
    reason: str


@dataclass(frozen=True)
class SpeakerCheck:
    """Who the claim says spoke against who the statement's speaker is."""

    claim: str
    quote: str | None
    quote_role: str | None
    verdict: str  # one of VERDICTS
    reason: str


@dataclass(frozen=True)
class DateCheck:
    """When the claim says it was said against the statement's said_on."""

    claim: str  # the claim's words ("last November")
    claim_date: str  # partial ISO date, "--MM" for a month without a year, or a weekday name
    quote: str | None
    verdict: str  # one of VERDICTS
    reason: str


@dataclass(frozen=True)
class Comparison:
    """Every check of one claim against one statement, and the overall agreement with its reasons."""

    numbers: tuple[NumberCheck, ...]
    speaker: SpeakerCheck | None
    date: DateCheck | None
    agreement: str  # one of VERDICTS
    reasons: tuple[str, ...]


@lru_cache(maxsize=8192)  # a pure function of the text; the same statements come back across /match calls
def _quote_quantities(text: str) -> tuple[Quantity, ...]:
    return tuple(parse_quantities(text))


def check_numbers(claim: str | ClaimAnalysis, quote_text: str) -> tuple[NumberCheck, ...]:
    """Every quantity of the claim's content, paired with the statement's and judged."""
    analysis = claim if isinstance(claim, ClaimAnalysis) else analyse_claim(claim)
    checks = []
    claim_qs, quote_qs = list(analysis.quantities), list(_quote_quantities(quote_text))
    for c, q in pair_quantities(claim_qs, quote_qs, analysis.text, quote_text):
        if q is None:
            checks.append(NumberCheck(c, None, "unknown", f"the statement gives no figure for {describe(c)}"))
            continue
        verdict = judge_numbers(c, q)
        checks.append(NumberCheck(c, q, verdict, explain(c, q, verdict)))
    return tuple(checks)


def check_speaker(claim: str | ClaimAnalysis, quote: StoredQuote) -> SpeakerCheck | None:
    """Whether the person or body the claim names is the statement's speaker; None if it names nobody."""
    analysis = claim if isinstance(claim, ClaimAnalysis) else analyse_claim(claim)
    if analysis.attribution is None:
        if analysis.possible_speaker is None:
            return None
        verdict, reason = speaker_verdict(analysis.possible_speaker, quote.speaker)
        if verdict != "consistent":
            return None  # unknown words in lower case may be anything: only a name of the speaker counts
        return SpeakerCheck(
            analysis.possible_speaker, quote.speaker.name, quote.speaker.role, verdict, reason
        )
    verdict, reason = speaker_verdict(analysis.attribution, quote.speaker)
    return SpeakerCheck(analysis.attribution, quote.speaker.name, quote.speaker.role, verdict, reason)


def date_verdict(when: str, said_on: str | None, published: str | None) -> str:
    """consistent when the claim's date and said_on agree as far as both go; unknown when one is missing."""
    if not when:
        return "unknown"
    if said_on is None:
        # A statement cannot be made after the article reporting it was published.
        if published and when[:4].isdigit() and when[: len(published)] > published[: len(when)]:
            return "conflicting"
        return "unknown"
    if when.startswith("--"):  # month (and day) without a year
        claimed, said = when[2:], said_on[5:10]
        if not said:
            return "unknown"
        common = min(len(claimed), len(said))
        return "consistent" if claimed[:common] == said[:common] else "conflicting"
    if when.lower() in WEEKDAYS:
        if len(said_on) < 10:
            return "unknown"
        same = dt.date.fromisoformat(said_on[:10]).strftime("%A") == when.capitalize()
        return "consistent" if same else "conflicting"
    common = min(len(when), len(said_on))
    return "consistent" if when[:common] == said_on[:common] else "conflicting"


def check_date(claim: str | ClaimAnalysis, quote: StoredQuote) -> DateCheck | None:
    """Whether the claim's time of saying agrees with the statement's said_on; None if it gives none."""
    analysis = claim if isinstance(claim, ClaimAnalysis) else analyse_claim(claim)
    time = analysis.time
    if time is None:
        return None
    said = quote.said_on
    if time.when[:4].isdigit() and time.when[:4] in quote.text:
        reason = f"claim says {time.words}; the statement itself speaks of {time.when[:4]}"
        return DateCheck(time.words, time.when, said, "consistent", reason)
    published = quote.article.published if quote.article else None
    verdict = date_verdict(time.when, said, published)
    if verdict == "conflicting" and not time.attributed:
        verdict = "unknown"  # "ISIS lost ground in 2017" dates the event, which a 2018 statement may describe
    if said:
        reason = f"claim says {time.words}; the statement was made on {said}"
    elif verdict == "conflicting":
        reason = f"claim says {time.words}; the statement was published on {published}, before that"
    else:
        reason = f"claim says {time.words}; when the statement was made is not known"
    if not time.when:
        reason = f"claim says {time.words}, which cannot be placed in time"
    return DateCheck(time.words, time.when, said, verdict, reason)


def compare(claim: str | ClaimAnalysis, quote: StoredQuote) -> Comparison:
    """Figures, speaker and date of `claim` checked against `quote`, with an overall agreement and reasons."""
    analysis = claim if isinstance(claim, ClaimAnalysis) else analyse_claim(claim)
    numbers = check_numbers(analysis, quote.text)
    speaker = check_speaker(analysis, quote)
    date = check_date(analysis, quote)
    reasons = [n.reason for n in numbers]
    reasons += [check.reason for check in (speaker, date) if check is not None]
    figures = [n.verdict for n in numbers]
    others = [check.verdict for check in (speaker, date) if check is not None]
    if "conflicting" in figures + others:
        agreement = "conflicting"
    elif "consistent" in figures or ("unknown" not in figures and "consistent" in others):
        agreement = "consistent"  # a figure the statement lacks is outweighed only by one that agrees
    else:
        agreement = "unknown"
    return Comparison(numbers, speaker, date, agreement, tuple(reasons))
