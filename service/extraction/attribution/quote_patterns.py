"""The attributions a direct quote can carry, as an ordered, named registry of small patterns.

Each pattern reads one shape of attribution around a quoted span: its `trigger` says whether the shape's
marker is there (a cue word, "according to", a colon, a dash) and `read` returns who speaks, with which
cue and in which words, or None. Patterns are tried in registry order; a *decisive* pattern whose trigger
fires settles the quote's attribution on that side even when it names no one (", according to the
latest figures" is not someone's signature), the others let the next pattern try.
"""

from __future__ import annotations

from service.extraction.attribution.after_quote import (
    AccordingAfter,
    CueAfter,
    DashSignature,
    MannerAfter,
)
from service.extraction.attribution.before_quote import (
    AsPutIt,
    ColonSubject,
    CoordinatedCueBefore,
    CueBefore,
    InitialCue,
    MannerBefore,
    ParticipleBefore,
)
from service.extraction.attribution.quote_pattern import Attribution, QuotePattern
from service.extraction.layout.spans import QuoteSpan, mark_len


def _after_mark(text: str, quote: QuoteSpan) -> int:
    return quote.close_mark + mark_len(text, quote.close_mark)


# After the closing mark, in order: "according to" first (its "to X" would otherwise be read as a cue's
# object), then a cue, and a dash signature only where no cue is near.
AFTER_QUOTE: tuple[QuotePattern, ...] = (
    AccordingAfter("according_after", decisive=True),
    MannerAfter("manner_after"),
    CueAfter("cue_after", decisive=True),
    DashSignature("dash_signature"),
)

# Before the opening mark, in order: a cue in the lead-in, a participle of saying after its subject's clause,
# "as X put it", else a colon after the subject or a label.
BEFORE_QUOTE: tuple[QuotePattern, ...] = (
    CueBefore("cue_before"),
    CoordinatedCueBefore("coordinated_cue_before"),
    ParticipleBefore("participle_before"),
    AsPutIt("as_put_it"),
    MannerBefore("manner_before"),
    InitialCue("initial_cue"),
    ColonSubject("colon_subject"),
)

# Patterns whose lead-in holds a clause of its own before the cue ("X said A and said, “…”"): that sentence
# may still hold reported speech.
CLAUSE_BEFORE = frozenset({"coordinated_cue_before", "participle_before", "manner_before"})

# A lead-in read for its cue only: who opened a quote that runs over several paragraphs.
CUED_LEAD_IN: tuple[QuotePattern, ...] = BEFORE_QUOTE[:1]


def first_attribution(
    patterns: tuple[QuotePattern, ...], text: str, quote: QuoteSpan, lo: int, hi: int
) -> tuple[str, Attribution] | None:
    """The first pattern (by registry order) that reads an attribution, with its name; None if none does."""
    for pattern in patterns:
        hit = pattern.trigger(text, quote, lo, hi)
        if hit is None:
            continue
        found = pattern.read(text, quote, lo, hi, hit)
        if found is not None:
            return pattern.name, found._replace(pattern=pattern.name)
        if pattern.decisive:
            return None
    return None


def attribution_after(text: str, quote: QuoteSpan, sentence_end: int) -> Attribution | None:
    """The attribution that follows a quote's closing mark in its sentence, else None."""
    lo = _after_mark(text, quote)
    hit = first_attribution(AFTER_QUOTE, text, quote, lo, sentence_end)
    return hit[1] if hit else None


def attribution_before(
    text: str, quote: QuoteSpan, lo: int, patterns: tuple[QuotePattern, ...] = BEFORE_QUOTE
) -> Attribution | None:
    """The attribution in the lead-in text[lo:quote.open_mark] before a quote, else None."""
    hit = first_attribution(patterns, text, quote, lo, quote.open_mark)
    return hit[1] if hit else None
