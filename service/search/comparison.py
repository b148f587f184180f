"""Does a claim get a quote right? Numbers, speaker and date checked, then one overall agreement.

`compare(claim, quote) -> Comparison`. JSON shape (field names as below, tuples as lists):
  numbers:   [{claim: Quantity, quote: Quantity | null, verdict, reason}]
             verdict: "consistent" | "inconsistent" | "absent" (Quantity: see service.numbers)
  speaker:   {claim, quote, quote_role, verdict} or null when the claim names nobody;
             verdict: "same" | "different" | "unknown" (the quote's speaker is not known)
  date:      {claim, claim_date, quote, verdict} or null when the claim says no when;
             claim_date is "2016-06-02", "2015-11", "2015", "--11" / "--11-04" (no year given), a weekday
             or "" (a relative time such as "last week" that cannot be placed);
             verdict: "consistent" | "inconsistent" | "unknown"
  agreement: "consistent" | "conflicting" | "unknown";  reasons: [short sentences]

Number rules (each quantity is an interval; see `judge_numbers`): the claim is read literally (a
bound within one order of magnitude of its figure), the quote as its speaker plausibly meant it,
and they agree when the intervals overlap over at least half of the narrower one. So "more than
40,000" in a quote stands for 40,000-48,000: a claim of "more than 40,000" or "over 35,000" agrees
with it, a claim of exactly "50,000" does not.
Pairing: same unit (count, percent, currency), then what is counted (same noun, same kind, people in
general), then the nearest figure; a claim figure with no partner is "absent".
Dates: only absolute times in the claim are placed ("last November" is just November); a year the
quote itself mentions is content, not when it was said; with no said_on, a claim date after the
article's publication is inconsistent (a statement cannot postdate its report). Only a time in the
attribution ("said in 2015", "In 2015, Putin said") can conflict; elsewhere it may date the event.
Agreement: any inconsistent number, different speaker or inconsistent date makes it conflicting;
otherwise it is consistent when some check agrees (and a claim number absent from the quote is
outweighed only by a number that agrees), else unknown.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from functools import lru_cache

from service.extraction.dating.dates import find_when, when_said
from service.models import StoredQuote
from service.search.speaker_match import AUX, CUE_VERBS, claim_speaker, speaker_verdict
from service.text.number_words import MONTHS
from service.text.numbers import Quantity, parse_quantities

EXACT_TOLERANCE = 0.03  # rounding noise around a figure stated without a qualifier
APPROX_TOLERANCE = 0.10  # "about", "some", "around", "an estimated"
BOUND_WINDOW = 1.2  # a speaker who says "more than X" would have named a higher round figure past 1.2 X
NEAR_WINDOW = 0.9  # "nearly X", "almost X"
# A claim's bound is true of any figure past it, but a figure ten times past it is another figure:
# "more than 3,000" misreports "in excess of 40,000", "up to 30,000" misreports "about 200".
CLAIM_BOUND_SPAN = 10.0
MIN_OVERLAP = 0.5  # share of the narrower interval the two must have in common
# Pairing score: noun affinity (0-3) minus this times |log(value ratio)|; at 1.5 an equal figure with no
# noun beats a same-kind noun four times away ("300 were injured" vs "1,200 civilians died").
PAIR_DISTANCE_WEIGHT = 1.5
UNKNOWN_NOUN_SPREAD = 3.0  # "30,000 members" may be "40,000 extremists"; "100 members" is not

_CLASSES = {
    "fighter": "fighter militant extremist mercenary jihadist terrorist combatant insurgent rebel gunman "
    "recruit",
    "soldier": "soldier troop serviceman servicemember marine",
    "person": "person people civilian resident citizen national individual inhabitant foreigner refugee "
    "migrant man woman child men women children adult voter worker member supporter follower protester "
    "demonstrator student employee patient prisoner detainee hostage pilgrim tourist visitor",
    "death": "death dead fatality casualty killed victim life",
    "country": "country nation state",
}
_CLASS_OF = {word: name for name, words in _CLASSES.items() for word in words.split()}
_HUMAN = {"fighter", "soldier", "person", "death"}


@dataclass(frozen=True)
class NumberCheck:
    """One claim quantity, the quote quantity it was paired with, and the verdict."""

    claim: Quantity
    quote: Quantity | None
    verdict: str  # consistent | inconsistent | absent
    reason: str


@dataclass(frozen=True)
class SpeakerCheck:
    """Who the claim says spoke against who the quote's speaker is."""

    claim: str
    quote: str | None
    quote_role: str | None
    verdict: str  # same | different | unknown


@dataclass(frozen=True)
class DateCheck:
    """When the claim says it was said against the quote's said_on."""

    claim: str  # the claim's words ("last November")
    claim_date: str  # partial ISO date, "--MM" for a month without a year, or a weekday name
    quote: str | None
    verdict: str  # consistent | inconsistent | unknown


@dataclass(frozen=True)
class Comparison:
    """Every check of one claim against one quote, and the overall agreement with its reasons."""

    numbers: tuple[NumberCheck, ...]
    speaker: SpeakerCheck | None
    date: DateCheck | None
    agreement: str  # consistent | conflicting | unknown
    reasons: tuple[str, ...]


def _claim_interval(q: Quantity) -> tuple[float, float]:
    """What the claim asserts: literal, widened by rounding tolerance, a bound kept to its figure's order."""
    if q.kind == "lower_bound":
        return q.value * (1 - EXACT_TOLERANCE), q.value * CLAIM_BOUND_SPAN
    if q.kind == "upper_bound" and q.approximate:
        return q.value * (1 - APPROX_TOLERANCE), q.value * (1 + APPROX_TOLERANCE)  # "nearly X" is about X
    if q.kind == "upper_bound":
        return q.value / CLAIM_BOUND_SPAN * (1 - EXACT_TOLERANCE), q.value * (1 + EXACT_TOLERANCE)
    tol = APPROX_TOLERANCE if q.approximate and q.kind != "vague" else EXACT_TOLERANCE
    low = 0.0 if q.low is None else q.low * (1 - tol)
    high = math.inf if q.high is None else q.high * (1 + tol)
    return low, high


def _quote_interval(q: Quantity) -> tuple[float, float]:
    """What the quote plausibly means: a bound stands near its figure, not anywhere beyond it."""
    tol = APPROX_TOLERANCE if q.approximate and q.kind != "vague" else EXACT_TOLERANCE
    if q.kind == "lower_bound":
        return q.value * (1 - EXACT_TOLERANCE), q.value * BOUND_WINDOW
    if q.kind == "upper_bound":
        return q.value * (NEAR_WINDOW if q.approximate else 1 / BOUND_WINDOW), q.value * (1 + EXACT_TOLERANCE)
    return (q.low or 0.0) * (1 - tol), (q.high if q.high is not None else q.value) * (1 + tol)


def judge_numbers(claim: Quantity, quote: Quantity) -> str:
    """consistent when the claim's literal and the quote's plausible intervals share half the narrower one."""
    c_low, c_high = _claim_interval(claim)
    q_low, q_high = _quote_interval(quote)
    low, high = max(c_low, q_low), min(c_high, q_high)
    if high < low:
        return "inconsistent"
    narrower = min(c_high - c_low, q_high - q_low)
    if narrower <= 0:
        return "consistent"
    return "consistent" if (high - low) / narrower >= MIN_OVERLAP else "inconsistent"


def _noun_key(word: str | None) -> str | None:
    if not word:
        return None
    for suffix, repl in (("ies", "y"), ("ches", "ch"), ("shes", "sh"), ("sses", "ss"), ("s", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2 and not word.endswith(("ss", "us", "is")):
            word = word[: -len(suffix)] + repl
            break
    return word


def _noun_affinity(a: str | None, b: str | None) -> float | None:
    """3 same noun, 2 same kind, 1 people in general, 0.5 one side unsaid, 0 unknown noun, None different."""
    a, b = _noun_key(a), _noun_key(b)
    if a is None or b is None:
        return 0.5
    if a == b:
        return 3.0
    class_a, class_b = _CLASS_OF.get(a, _demonym_class(a)), _CLASS_OF.get(b, _demonym_class(b))
    if class_a and class_a == class_b:
        return 2.0
    if "person" in (class_a, class_b) and class_a in _HUMAN and class_b in _HUMAN:
        return 1.0  # "people" and "foreigners" may be fighters; fighters are not troops
    if class_a and class_b:
        return None  # countries are not fighters
    return 0.0  # a noun outside the vocabulary: pair only figures of the same order (see UNKNOWN_NOUN_SPREAD)


def _demonym_class(noun: str) -> str | None:
    """Plural demonyms ("Russians", "Afghans", "Iraqis") count people."""
    return "person" if noun.endswith(("ian", "ean", "an", "i", "ese")) and len(noun) > 4 else None


def pair_quantities(
    claim_qs: list[Quantity], quote_qs: list[Quantity]
) -> list[tuple[Quantity, Quantity | None]]:
    """Pair each claim quantity with at most one quote quantity: same unit, what it counts, nearest value."""
    scored = []
    for i, c in enumerate(claim_qs):
        for j, q in enumerate(quote_qs):
            affinity = _noun_affinity(c.counts, q.counts)
            if c.unit != q.unit or affinity is None:
                continue
            distance = abs(math.log(max(c.value, 1e-9) / max(q.value, 1e-9)))
            if affinity == 0.0 and distance > math.log(UNKNOWN_NOUN_SPREAD):
                continue
            scored.append((affinity - PAIR_DISTANCE_WEIGHT * distance, i, j))
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for _score, i, j in sorted(scored, reverse=True):
        if i not in pairs and j not in used:
            pairs[i] = j
            used.add(j)
    return [(c, quote_qs[pairs[i]] if i in pairs else None) for i, c in enumerate(claim_qs)]


def _describe(q: Quantity) -> str:
    return f"{q.text} {q.counts}" if q.counts else q.text


@lru_cache(maxsize=8192)  # a pure function of the text; the same statements come back across /match calls
def _quote_quantities(text: str) -> tuple[Quantity, ...]:
    return tuple(parse_quantities(text))


# The claim's side is the same for each of a /match call's statements: parsed once, not per statement.
@lru_cache(maxsize=256)
def _claim_quantities(claim: str) -> tuple[Quantity, ...]:
    return tuple(parse_quantities(claim))


_claim_speaker = lru_cache(maxsize=256)(claim_speaker)


def check_numbers(claim: str, quote_text: str) -> tuple[NumberCheck, ...]:
    """Every quantity in the claim, paired with the quote's and judged."""
    checks = []
    for c, q in pair_quantities(list(_claim_quantities(claim)), list(_quote_quantities(quote_text))):
        if q is None:
            checks.append(NumberCheck(c, None, "absent", f"the quote gives no figure for {_describe(c)}"))
            continue
        verdict = judge_numbers(c, q)
        says = "agrees with" if verdict == "consistent" else "does not match"
        checks.append(NumberCheck(c, q, verdict, f"claim's {_describe(c)} {says} quote's {_describe(q)}"))
    return tuple(checks)


def check_speaker(claim: str, quote: StoredQuote) -> SpeakerCheck | None:
    """Whether the person or body the claim names is the quote's speaker; None when the claim names nobody."""
    mention = _claim_speaker(claim)
    if mention is None:
        return None
    name = quote.speaker.name
    return SpeakerCheck(mention, name, quote.speaker.role, speaker_verdict(mention, quote.speaker))


# Every time expression find_when knows has a digit or one of these words; most claims have neither.
_MAY_SAY_WHEN = re.compile(
    rf"\d|\b(?:{'|'.join(MONTHS)}|(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|tonight|tomorrow"
    r"|week|month|year|ago|recent|earlier|previous|past|once|morning|afternoon|evening|night|time|next|later)",
    re.I,
)
_VAGUE_WHEN = re.compile(
    r"^(?:in the past|recently|previously|in recent \w+|at the time|once|earlier)$", re.I
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def claim_date(claim: str) -> tuple[str, str] | None:
    """(words, when) for the time the claim gives: ISO, "--MM[-DD]" or a weekday name; None if none."""
    found = _find_date(claim)
    return found[:2] if found else None


@lru_cache(maxsize=256)  # a pure function of the claim, asked once per statement compared with it
def _find_date(claim: str) -> tuple[str, str, bool] | None:
    """(words, when, attributed): attributed when the time is the attribution's ("said in 2015")."""
    found = find_when(claim) if _MAY_SAY_WHEN.search(claim) else None
    if not found or _VAGUE_WHEN.match(found[0].strip()):
        return None
    words, start, end = found[0].strip(), found[1], found[2]
    after_verb = re.search(rf"\b(?:{CUE_VERBS})\s+(?:that\s+)?$", claim[:start])
    opening = not claim[:start].strip() and re.match(
        rf",?\s+[^,]{{1,60}}?\s+{AUX}(?:{CUE_VERBS})\b", claim[end:]
    )
    attributed = bool(after_verb or opening)  # "Putin said in 2015 ...", "In 2015, Putin said ..."
    # Only absolute dates resolve: "last November" in a claim is relative to when the claim was made.
    when = when_said(words, None)
    if when is None:
        month = re.search(rf"\b({'|'.join(MONTHS)})\b", words, re.I)
        weekday = re.search(rf"\b({'|'.join(_WEEKDAYS)})\b", words, re.I)
        day = re.search(r"\b([0-3]?\d)(?:st|nd|rd|th)?\b", words)
        if month:
            when = f"--{MONTHS.index(month.group(1).lower()) % 12 + 1:02d}"
            when += f"-{int(day.group(1)):02d}" if day and 1 <= int(day.group(1)) <= 31 else ""
        elif weekday:
            when = weekday.group(1).capitalize()
    return words, when or "", attributed


def date_verdict(when: str, said_on: str | None, published: str | None) -> str:
    """consistent when the claim's date and said_on agree as far as both go; unknown when one is missing."""
    if not when:
        return "unknown"
    if said_on is None:
        # A statement cannot be made after the article reporting it was published.
        if published and re.match(r"\d{4}", when) and when[: len(published)] > published[: len(when)]:
            return "inconsistent"
        return "unknown"
    if when.startswith("--"):  # month (and day) without a year
        claimed, said = when[2:], said_on[5:10]
        if not said:
            return "unknown"
        common = min(len(claimed), len(said))
        return "consistent" if claimed[:common] == said[:common] else "inconsistent"
    if when.capitalize() in {d.capitalize() for d in _WEEKDAYS}:
        if len(said_on) < 10:
            return "unknown"
        return "consistent" if dt.date.fromisoformat(said_on[:10]).strftime("%A") == when else "inconsistent"
    common = min(len(when), len(said_on))
    return "consistent" if when[:common] == said_on[:common] else "inconsistent"


def check_date(claim: str, quote: StoredQuote) -> DateCheck | None:
    """Whether the claim's time of saying agrees with the quote's said_on; None when the claim gives none."""
    published = quote.article.published if quote.article else None
    found = _find_date(claim)
    if found is None:
        return None
    words, when, attributed = found
    if when[:4].isdigit() and when[:4] in quote.text:
        return DateCheck(words, when, quote.said_on, "consistent")  # the date is part of what was said
    verdict = date_verdict(when, quote.said_on, published)
    if verdict == "inconsistent" and not attributed:
        verdict = "unknown"  # "ISIS lost ground in 2017" dates the event, which a 2018 statement may describe
    return DateCheck(words, when, quote.said_on, verdict)


def compare(claim: str, quote: StoredQuote) -> Comparison:
    """Numbers, speaker and date of `claim` checked against `quote`, with an overall agreement and reasons."""
    numbers = check_numbers(claim, quote.text)
    speaker = check_speaker(claim, quote)
    date = check_date(claim, quote)
    reasons = [n.reason for n in numbers]
    if speaker and speaker.verdict != "unknown":
        same = "is" if speaker.verdict == "same" else "is not"
        reasons.append(f"claim names {speaker.claim}, who {same} the quote's speaker {speaker.quote}")
    elif speaker:
        reasons.append(f"claim names {speaker.claim}; the quote's speaker is not known")
    if date:
        reasons.append(
            f"claim says {date.claim}; quote said on {date.quote or 'an unknown date'}: {date.verdict}"
        )
    verdicts = {n.verdict for n in numbers} | {
        speaker.verdict if speaker else None,
        date.verdict if date else None,
    }
    if verdicts & {"inconsistent", "different"}:
        agreement = "conflicting"
    elif "consistent" in {n.verdict for n in numbers} or (
        "absent" not in verdicts and verdicts & {"consistent", "same"}
    ):
        agreement = "consistent"
    else:
        agreement = "unknown"
    return Comparison(numbers, speaker, date, agreement, tuple(reasons))
