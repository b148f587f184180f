"""A quote whose sentence goes on past its closing mark with the rest of what the speaker said.

'“We are thrilled” about the ruling, said Dana Reyes.' and 'Reyes said “the levy will fail” if the council
keeps cutting.': the quoted words open the speaker's clause and the writer finishes it in their own words.
The statement is the whole clause, quoted and paraphrased ("mixed"), not the quoted words alone.
"""

from __future__ import annotations

import re

from service.extraction.attribution.quote_pattern import Attribution
from service.extraction.attribution.quote_patterns import AFTER_QUOTE, first_attribution
from service.extraction.cues import BARE_CLAUSE_VERBS, CUE_RE, wordset
from service.extraction.layout.spans import QUOTE_MARK_RE, QuoteSpan, mark_len

# The words that finish a quoted clause are a phrase or a subordinate clause, not a second paragraph.
_TAIL_MAX_WORDS = 30
# Words that open the writer's narration rather than the rest of the speaker's clause ("she said “no” and
# left", "he said “thanks” before walking off").
_NARRATION_OPENERS = wordset(
    "and but or as while when whereas then so before after adding saying noting according which who"
)
_SENTENCE_STOPS = " \t\n.!?;:)"
_LEAD_TO_QUOTE_RE = re.compile(r"(?:\s*[,:])?(?:\s+that)?\s*\Z")
_FIRST_WORD_RE = re.compile(r"\s+([a-z][\w'\u2019-]*)")


def _tail_start(text: str, last: QuoteSpan) -> int | None:
    """Just after the closing mark, when the sentence goes on there with a word of its own."""
    if last.close_mark is None:
        return None
    return last.close_mark + mark_len(text, last.close_mark)


def trailing_attribution(text: str, last: QuoteSpan, sentence_end: int) -> tuple[Attribution, int] | None:
    """'“...” about the ruling, said Reyes.': the attribution after the words that finish the quote's
    clause, and where those words end; None unless the sentence has exactly that shape."""
    lo = _tail_start(text, last)
    if lo is None or not _FIRST_WORD_RE.match(text, lo, sentence_end):
        return None
    comma = text.find(",", lo, sentence_end)
    while comma >= 0:
        words = text[lo:comma]
        if len(words.split()) > _TAIL_MAX_WORDS or QUOTE_MARK_RE.search(words):
            return None
        after = comma + 1
        while after < sentence_end and text[after].isspace():
            after += 1
        hit = first_attribution(AFTER_QUOTE, text, last, after, sentence_end)
        if hit is not None:
            return hit[1], comma
        comma = text.find(",", comma + 1, sentence_end)
    return None


def clause_tail_end(
    text: str, lead_start: int, first: QuoteSpan, last: QuoteSpan, sentence_end: int
) -> int | None:
    """'Reyes said “the levy will fail” if the council keeps cutting.': where the clause the quote opens
    ends, when a verb of saying leads straight into the quote and the sentence goes on after it."""
    lo = _tail_start(text, last)
    if lo is None:
        return None
    cues = list(CUE_RE.finditer(text, lead_start, first.open_mark))
    cue = cues[-1] if cues else None
    if cue is None or cue.group("verb") not in BARE_CLAUSE_VERBS:
        return None
    if not _LEAD_TO_QUOTE_RE.match(text, cue.end(), first.open_mark):
        return None
    opener = _FIRST_WORD_RE.match(text, lo, sentence_end)
    if opener is None or opener.group(1) in _NARRATION_OPENERS:
        return None
    end = sentence_end
    while end > lo and text[end - 1] in _SENTENCE_STOPS:
        end -= 1
    tail = text[lo:end]
    if len(tail.split()) > _TAIL_MAX_WORDS or QUOTE_MARK_RE.search(tail) or CUE_RE.search(tail):
        return None
    return end
