"""Attribution patterns read after a quote's closing mark.

"According to", a verb of manner, a cue, a dash signature.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from service.extraction.attribution.attribution import speaker_after, speaker_before
from service.extraction.attribution.bare import dash_signature
from service.extraction.attribution.quote_pattern import (
    LEAD_PUNCTUATION,
    MANNER_ALT,
    Attribution,
    QuotePattern,
)
from service.extraction.cues import CUE_RE, wordset
from service.extraction.layout.spans import QUOTE_MARK_RE
from service.extraction.speakers.mention_words import Mention
from service.extraction.speakers.mentions import parse_mention

# How far past a closing mark a cue may sit and still attribute the quote ("…,” the former governor of
# the state, who ran twice, said): further on, the cue belongs to another sentence's business.
CUE_AFTER_WINDOW = 220
# Words a speaker phrase before a trailing cue may hold beyond the mention itself (", he said" + "Mr ").
MENTION_SLACK_CHARS = 3
# Commas an inverted speaker phrase is cut back at before giving up ("said X, 34, a native of Y, who ...").
MAX_APPOSITIVE_CUTS = 4
# A description before the named person ("the supervisor, regional manager Howard Linde"): at most so long.
MAX_DESCRIPTION_WORDS = 4
_DESCRIPTION_OPENERS = wordset("the a an his her their its our")
# Who may stand next to a verb of manner: a capitalised name, a pronoun or a short "the ..." description.
# ... or a name after a short lower-case description ("radio host Tom Brady").
_WHO = (
    r"(?P<who>(?:[a-z][\w-]*\s+){0,2}(?:[A-Z][\w.'\u2019-]*\s+){0,4}[A-Z][\w.'\u2019-]*|he|she|they|it|"
    r"the\s+[a-z]+(?:\s+[a-z]+)?)"
)
_PARTICLE = r"(?:\s+(?:back|out|again))?"  # "the crowd screamed back", "she cried out"
_MANNER_AFTER_RE = re.compile(rf"\s*,?\s*{_WHO}\s+(?P<verb>{MANNER_ALT}){_PARTICLE}\s*[.!?]?\s*\Z")
_MANNER_INVERTED_RE = re.compile(rf"\s*,?\s*(?P<verb>{MANNER_ALT}){_PARTICLE}\s+{_WHO}\s*[.!?]?\s*\Z")
_ACCORDING_AFTER_RE = re.compile(r"\s*,?\s*according\s+to\s+")
# ", adding that ... on Thursday" after the cue is another statement: the attribution words stop before it.
_ADDED_CLAUSE_RE = re.compile(r",\s+\w+ing\b|\s+that\s")
_GAP_PUNCTUATION = ("", ",", "\u2014", "-")


@dataclass(frozen=True)
class AccordingAfter(QuotePattern):
    """ "“…,” according to the mayor's office." """

    def trigger(self, text, quote, lo, hi):
        return _ACCORDING_AFTER_RE.match(text, lo, hi)

    def read(self, text, quote, lo, hi, hit):
        mention = speaker_after(text, hit.end(), hi)
        return Attribution(mention, "according to", text[lo:hi]) if mention else None


def _described_first(left: str, mention: Mention) -> bool:
    """ "the supervisor, regional manager Howard Linde": a short description, then the person it names."""
    before = left[: left.rfind(mention.text)].rstrip() if mention.text in left else ""
    words = before.rstrip(",").split()
    short = 1 < len(words) <= MAX_DESCRIPTION_WORDS
    return before.endswith(",") and short and words[0].lower() in _DESCRIPTION_OPENERS


@dataclass(frozen=True)
class CueAfter(QuotePattern):
    """ "“…,” Ruiz said (on Friday)." and "“…,” said Ruiz." — a cue after the closing mark."""

    def trigger(self, text, quote, lo, hi):
        return CUE_RE.search(text, lo, min(hi, lo + CUE_AFTER_WINDOW))

    def read(self, text, quote, lo, hi, hit):
        left = text[lo : hit.start()].strip(LEAD_PUNCTUATION)
        tail = _ADDED_CLAUSE_RE.search(text, hit.end(), hi)
        words = text[lo : tail.start() if tail else hi]
        if left:
            mention = speaker_before(text, lo, hit.start())
            if mention is None or (
                len(left) > len(mention.text) + MENTION_SLACK_CHARS and not _described_first(left, mention)
            ):
                return None
            return Attribution(mention, hit.group("verb"), words)
        if text[lo : hit.start()].strip() not in _GAP_PUNCTUATION:
            return None
        mention = inverted_speaker(text, hit.end(), hi)
        return Attribution(mention, hit.group("verb"), words) if mention else None


def inverted_speaker(text: str, lo: int, hi: int) -> Mention | None:
    """The speaker after an inverted cue ("said Ana Ortiz, director of ..."), up to the next quote mark.

    The appositive may run on into a clause ("..., that is studying the plan") that no mention parses: the
    name and its first appositives still do, so the phrase is cut back one comma at a time.
    """
    reopened = QUOTE_MARK_RE.search(text, lo, hi)  # "“...,” said X, director of Y, “and ...”": a split quote
    hi = reopened.start() if reopened else hi
    mention = speaker_after(text, lo, hi)
    cut = hi
    for _ in range(MAX_APPOSITIVE_CUTS):
        if mention is not None:
            break
        cut = text.rfind(",", lo, cut)
        if cut < 0:
            break
        mention = speaker_after(text, lo, cut)
    return mention


@dataclass(frozen=True)
class DashSignature(QuotePattern):
    """ "“…” ― Julio Arce": a signature after a dash, no cue word."""

    def trigger(self, text, quote, lo, hi):
        return True

    def read(self, text, quote, lo, hi, hit):
        # A round-up prints each quote and its signature on a line of its own; the sentence ends at the
        # closing mark, the signature runs to the end of the line.
        line_end = text.find("\n", lo)
        for end in (hi, line_end if line_end >= 0 else len(text)):
            signed = dash_signature(text, lo, end) if end > lo else None
            if signed is not None:
                return Attribution(signed, None, text[lo:end])
        return None


@dataclass(frozen=True)
class MannerAfter(QuotePattern):
    """ "“…,” Ruiz scoffed." and "“…,” scoffed Ruiz." — a verb of manner and its speaker, nothing else."""

    def trigger(self, text, quote, lo, hi):
        return _MANNER_AFTER_RE.match(text, lo, hi) or _MANNER_INVERTED_RE.match(text, lo, hi)

    def read(self, text, quote, lo, hi, hit):
        who = hit.group("who")
        if who.endswith(".") and len(who.rsplit(None, 1)[-1]) > 3:
            who = who[:-1]  # "“…,” mused Tom Brady.": the full stop ends the sentence, not an initial
        mention = parse_mention(who, hit.start("who"))
        if mention is None or mention.kind not in ("name", "pronoun", "description", "org"):
            return None
        return Attribution(mention, hit.group("verb"), text[lo:hi])
