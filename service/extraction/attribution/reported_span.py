"""A reported statement's record and its edges: the dateline before it, the reporter's tails after it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from service.extraction.attribution.patterns import Pattern, Registry
from service.extraction.cues import AGENCIES, alternation
from service.extraction.speakers.mention_words import Mention


@dataclass(frozen=True)
class Reported:
    """A reported statement: the clause's offsets, who, the cue and the attribution words."""

    start: int
    end: int
    mention: Mention
    cue: str
    attribution: str


# "WASHINGTON (AP) — ", "CHICAGO, July 9 (Reuters) - ": the dateline is not part of the statement.
DATELINES = Registry(
    "datelines",
    (
        Pattern(
            "place_dash",
            r"[A-Z][A-Z.'-]+(?:\s+[A-Z][A-Z.'-]+)*(?:,\s+[A-Z][\w.]*(?:\s+[A-Z]?[\w.]+)?)?\s*(?:\([^)]{1,40}\))?"
            r"\s*[\u2014\u2013-]{1,2}\s+",
            "a place in capitals, maybe a date and a signature, then a dash: PORT ALBAN, Meridia (AP) — ",
        ),
        Pattern(
            "agency_signature",
            r"(?:[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}(?:,\s+[A-Z][\w.]*(?:\s+\d{1,2})?)?\s*)?"
            rf"\((?:{alternation(AGENCIES)})\)\s*(?:[\u2014\u2013-]{{1,2}}\s*)?",
            "an agency's name in brackets after a place: Chicago, July 9 (Reuters) ",
        ),
    ),
)
DATELINE_RE = DATELINES.regex

# What follows a statement in the same sentence but is the reporter's, not the speaker's; the earliest
# place any of these fits cuts the clause (the first listed wins a tie).
TAILS = Registry(
    "tails",
    (
        Pattern(
            "participle_gloss",
            r",[\"\u201d]?\s+(?:referring|citing|alluding|pointing|in\s+reference|adding|according|noting|"
            r"explaining|saying|revealing|stressing|calling|describing|warning|speaking)\b.*$",
            "a participle after the statement: ..., citing a new poll.",
        ),
        Pattern(
            "designation_gloss",
            r",\s+which\s+(?:is|are|was|were)\s+(?:also\s+)?(?:banned|outlawed|prohibited|designated|listed|"
            r"considered)\b.*$",
            "a gloss on a named group: ..., which is banned in Russia.",
        ),
        Pattern(
            "circumstance",
            r",\s+(?:as|amid|even\s+as)\s+(?:the|its|it|their|they|a|an)\s.*$",
            "the reporter's context: ..., as the frozen food maker grapples with costs.",
        ),
        Pattern("consequence", r",\s+which\s+(?:would|could|will|might)\s.*$", "..., which would ..."),
        Pattern(
            "without_evidence",
            r",\s+without\s+(?:providing|giving|offering|citing|presenting)\s.*$",
            "..., without providing evidence.",
        ),
        Pattern(
            "dash_gloss",
            r"\s+(?:[\u2014\u2013]|--?)\s+(?=[a-z])(?!(?:before|after|because|since|while|when|if|unless|until|"
            r"although|though|as|including|despite|even|especially|not|only|than)\b)"
            # "- and that ...", "- but many will ...": the statement goes on (not "- and thinks ...")
            r"(?!(?:and|but)\s+(?:that\b|[A-Z]|(?:he|she|they|it|we|i|the|a|an|his|her|their|its|many|some|"
            r"most|all|this|these|those)\b))"
            r"(?!.*(?:[\u2014\u2013]|\s--?\s)).*$",
            "a dash gloss closing the sentence: ... would fail \u2014 a claim the council disputes (not a"
            " clause going on after the dash: \u2014 before the vote was held)",
        ),
        Pattern(
            "second_attribution",
            r",\s+(?:the|a|an|his|her|their|its)\s+[\w'\u2019 -]{2,40}?\s+"
            r"(?:said|says|reported|reports|wrote|writes|states)\s*[.!?]?\s*$",
            "a second attribution closing the sentence: ..., the affidavit says.",
        ),
    ),
    flags=re.S,
)
_TAIL_RE = TAILS.regex
_DASH_RE = re.compile(r"\s(?:[\u2014\u2013]|--?)\s")
_TAIL_MIN_LEAD = 20  # characters of statement a tail must leave before it
_CLAUSE_EDGES = " \t\n,;:"
_CLOSING_STOPS = ".!?"


def trim_clause(text: str, start: int, end: int, keep_stop: bool = False) -> tuple[int, int]:
    """Drop closing punctuation (or, inside a quote, only commas) and descriptive tails from a clause."""
    clause = text[start:end]
    tail = _TAIL_RE.search(clause) if not keep_stop else None
    if tail and TAILS.which(tail) == "dash_gloss" and len(_DASH_RE.findall(clause, 0, tail.start())) % 2:
        tail = None  # "that X — despite Y — is Z": the dash closes an aside, and the statement goes on
    if tail and tail.start() > _TAIL_MIN_LEAD:
        end = start + tail.start()
    strip = _CLAUSE_EDGES if keep_stop else _CLAUSE_EDGES + _CLOSING_STOPS
    while end > start and text[end - 1] in strip:
        end -= 1
    while start < end and text[start] in _CLAUSE_EDGES:
        start += 1
    return start, end
