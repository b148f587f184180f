"""Attributions with no cue word: a label before a colon, a signature after a dash.

`Dana Reyes, a schoolteacher: "..."` and `"..." ― Dana Reyes` are how vox pops, social-media round-ups
and epigraphs attribute; the label or signature is a speaker mention and nothing else.
"""

from __future__ import annotations

import re

from service.extraction.speakers.mention_words import Mention
from service.extraction.speakers.mentions import parse_mention

_LABEL_KINDS = ("name", "description", "org")
_MAX_LABEL_WORDS = 12  # a longer lead is a sentence of its own, not a label
# A dash (any of the typographic ones, or two hyphens) opening a signature right after a closing mark.
_SIGNATURE_RE = re.compile(r"\s*(?:[\u2015\u2014\u2013]|--?)\s*(?P<who>[^.!?\n]{2,120}?)\s*[.!?]?\s*$")
# What may follow a signature's name: where the words were posted ("on his official account").
_SIGNATURE_TAIL_RE = re.compile(r",\s+(?:on|in|at|via|writing|speaking|posting)\b.*$")


def colon_label(text: str, lo: int, hi: int) -> Mention | None:
    """The speaker a bare label before a colon names (text[lo:hi] ends with the colon), else None."""
    lead = text[lo:hi].rstrip()
    if not lead.endswith(":"):
        return None
    words = lead[:-1].strip()
    if not words or len(words.split()) > _MAX_LABEL_WORDS:
        return None
    mention = parse_mention(words, lo + (len(text[lo:hi]) - len(text[lo:hi].lstrip())))
    return mention if mention is not None and mention.kind in _LABEL_KINDS else None


def dash_signature(text: str, lo: int, hi: int) -> Mention | None:
    """The speaker a dash signature after a closing quote mark names (text[lo:hi] follows the mark)."""
    m = _SIGNATURE_RE.match(text, lo, hi)
    if m is None:
        return None
    who = m.group("who")
    tail = _SIGNATURE_TAIL_RE.search(who)
    if tail:
        who = who[: tail.start()]
    mention = parse_mention(who, m.start("who"))
    return mention if mention is not None and mention.kind in ("name", "org") else None
