"""Reported speech in one sentence: "X said (that) ...", "..., X said.", "according to X, ..."."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from service.extraction.attribution.according import according_closing, according_middle, according_opening
from service.extraction.attribution.cued import find_cued
from service.extraction.attribution.reported_span import DATELINE_RE, Reported, trim_clause
from service.extraction.cues import wordset

__all__ = ["DATELINE_RE", "READERS", "Reported", "find_reported", "relayed", "trim_clause"]

SentenceReader = Callable[[str, int, int], "Reported | None"]

# Tried in this order on a sentence (after its dateline); the first statement read wins. "..., according
# to X." comes last: an inner "experts warned that ..." names the nearer speaker.
READERS: tuple[tuple[str, SentenceReader], ...] = (
    ("according_opening", according_opening),
    ("cued", find_cued),
    ("according_middle", according_middle),
    ("according_closing", according_closing),
)


def find_reported(text: str, start: int, end: int) -> Reported | None:
    """The reported statement a sentence makes, if any; quoted fragments inside stay part of it."""
    dateline = DATELINE_RE.match(text, start, end)
    if dateline:
        start = dateline.end()  # "MIAMI (AP) — Officials said ...": the dateline is neither speaker nor claim
    for _, reader in READERS:
        found = reader(text, start, end)
        if found is not None:
            return found
    return None


# Verbs by which words are passed on: "a colleague had told him ...", "the engineer had assured him ...".
_RELAY_VERBS = wordset("told tells said says assured assures informed informs warned warns")
# Between the one who passed words on and the verb, an auxiliary or an adverb at most; a subject with a
# predicate of its own ("Brooks had begun making calls ... but said ...") is what the outer speaker reports.
_RELAY_GAP_RE = re.compile(r",?(?:\s+[a-z]+){0,2}\s+")  # ", had told": after an appositive name


def _cue_at(text: str, rep: Reported) -> int:
    """Where a reported statement's cue word stands (after its speaker mention)."""
    at = text.find(rep.cue, rep.mention.start + len(rep.mention.text), rep.start)
    return at if at >= 0 else rep.start


def relayed(text: str, rep: Reported) -> Reported:
    """Words reported second-hand belong to who first said them: "Grant said a colleague had told him X"."""
    inner = find_reported(text, rep.start, rep.end)
    if (
        inner is None
        or inner.mention.start != rep.start
        or inner.mention.kind == "pronoun"
        or inner.cue.split()[-1].lower() not in _RELAY_VERBS
        or not _RELAY_GAP_RE.fullmatch(
            text, inner.mention.start + len(inner.mention.text), _cue_at(text, inner)
        )
    ):
        return rep
    if inner.mention.kind == "description" and not inner.mention.definite:
        # "a colleague had told him": an unnamed source, not someone the article names next
        return replace(inner, mention=replace(inner.mention, anonymous=True))
    return inner
