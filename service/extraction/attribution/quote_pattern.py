"""One attribution pattern of a direct quote: what it reads (`Attribution`) and its shape (`QuotePattern`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

from service.extraction.cues import MANNER_VERBS
from service.extraction.layout.spans import QuoteSpan
from service.extraction.speakers.mention_words import Mention

# Verbs of manner ("boasted", "scoffed") as one alternation, longest first; read on both sides of a quote.
MANNER_ALT = "|".join(sorted(MANNER_VERBS, key=len, reverse=True))
# What separates an attribution's words from the quote's mark.
LEAD_PUNCTUATION = " ,:\u2014\u2013-"


class Attribution(NamedTuple):
    """Who a quote is attributed to, the cue word (None for a colon or a dash) and the words around it."""

    mention: Mention
    cue: str | None
    words: str
    pattern: str = ""  # the name of the pattern that read it


@dataclass(frozen=True)
class QuotePattern:
    """One named shape of attribution; subclasses implement `trigger` and `read`."""

    name: str
    decisive: bool = False  # when its trigger fires, later patterns on the same side are not tried

    def trigger(self, text: str, quote: QuoteSpan, lo: int, hi: int) -> Any:
        """The marker of this shape in text[lo:hi] (a match, or True), else None."""
        raise NotImplementedError

    def read(self, text: str, quote: QuoteSpan, lo: int, hi: int, hit: Any) -> Attribution | None:
        """The attribution this shape reads once its marker is found, else None."""
        raise NotImplementedError
