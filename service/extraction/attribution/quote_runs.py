"""Runs of quoted spans: a quote over several paragraphs, a paragraph another speaker says, a quoted list."""

from __future__ import annotations

import re
from bisect import bisect_right

from service.extraction.attribution.quote_patterns import (
    attribution_after,
    attribution_before,
)
from service.extraction.layout.spans import QuoteSpan, mark_len

# What separates the items of a quoted list: "“A,” “B” and “C”", "“A” or “B”", "“A,” and, yes, “B”".
_LIST_GAP_RE = re.compile(r"\s*,?\s*(?:(?:and|or)\b\s*)?(?:,?\s*yes,\s*)?")


def merge_runs(spans: list[QuoteSpan]) -> list[list[QuoteSpan]]:
    """Group a quote's paragraphs: each run lists the spans of one quote that runs on across paragraphs."""
    runs: list[list[QuoteSpan]] = []
    for span in spans:
        if runs and span.continued and runs[-1][-1].close_mark is None and not runs[-1][-1].stray:
            runs[-1].append(span)
        else:
            runs.append([span])
    return runs


def split_at_new_speaker(text: str, runs: list[list[QuoteSpan]], bounds) -> list[list[QuoteSpan]]:
    """Runs whose last paragraph names a speaker other than the opener's lose that paragraph to its speaker.

    'Hale said: “The pier is closed. ¶ “That is not good enough,” Reed said.': a missing closing mark
    joined two quotes; the explicit "Reed said" outranks the carried-over opener.
    """
    out: list[list[QuoteSpan]] = []
    for run in runs:
        first, last = run[0], run[-1]
        if first is last or last.close_mark is None:
            out.append(run)
            continue
        closing = attribution_after(text, last, sentence_of(bounds[last.para], last.end - 1)[1])
        opening = attribution_before(text, first, sentence_of(bounds[first.para], first.open_mark)[0])
        if (
            closing is not None
            and opening is not None
            and closing.mention.kind == opening.mention.kind == "name"
            and closing.mention.name.split()[-1] != opening.mention.name.split()[-1]
        ):
            out += [run[:-1], [last]]
        else:
            out.append(run)
    return out


def stripped(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the whitespace at either end."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def sentence_of(bounds: list[tuple[int, int]], at: int) -> tuple[int, int]:
    """The sentence of a paragraph's sorted bounds that holds offset `at`."""
    index = bisect_right(bounds, (at, float("inf"))) - 1  # sentences are sorted and do not overlap
    return bounds[max(index, 0)]


def listed_after(text: str, spans: list[QuoteSpan], last: QuoteSpan, sentence_end: int) -> list[QuoteSpan]:
    """The quotes that follow `last` in its sentence as items of one list: “A,” “B” and “C”."""
    out: list[QuoteSpan] = []
    index = bisect_right([q.start for q in spans], last.start)
    previous = last
    for quote in spans[index:]:
        if quote.para != last.para or quote.close_mark is None or quote.open_mark >= sentence_end:
            break
        if previous.close_mark is None:
            break
        gap_start = previous.close_mark + mark_len(text, previous.close_mark)
        if not _LIST_GAP_RE.fullmatch(text, gap_start, quote.open_mark):
            break
        out.append(quote)
        previous = quote
    return out
