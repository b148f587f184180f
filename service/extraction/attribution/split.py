"""Split quotes: the pieces of one quote around its attribution become one statement with parts.

“We will rebuild the pier,” Mayor Ruiz said. “And we will do it by June.” is one statement whose
text joins the two quoted pieces; `parts` keeps each piece's offsets and start/end span the whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from service.extraction.attribution.quote_pattern import MANNER_ALT
from service.extraction.cues import CUE_RE
from service.extraction.layout.spans import QuoteSpan, mark_len

if TYPE_CHECKING:  # direct.py builds the pieces and calls join_split_quotes
    from service.extraction.attribution.direct import Found

# An attribution between two pieces is a clause, not a paragraph of narration: longer gaps hold other news.
MAX_GAP_CHARS = 400
# Words before the cue of an attribution no rule could parse ("a narrator in the new campaign advertisement
# states"): a speaker phrase, not a clause of narration, is this short.
MAX_SPEAKER_WORDS = 14
_MANNER_RE = re.compile(rf"\b(?:{MANNER_ALT})\b")
_ADVERB_LEAD_RE = re.compile(r"(?:Now|Then|Instead|Still|Later|Again|And|But|Yet|Otherwise|Meanwhile),?")


@dataclass(frozen=True)
class Piece:
    """One direct statement as direct_quotes found it, with what joining needs to know about it."""

    index: int  # its position in the found list
    first: QuoteSpan
    last: QuoteSpan
    placed: str | None  # where its own attribution sits: "after" the quote, "before" it, or None
    sentence_end: int  # end of the sentence holding its closing mark (the attribution sentence, if after)


def _gap_allows(text: str, a: Piece, b: Piece, head: Found, second: Found) -> bool:
    """Whether the words between two quoted pieces are only the first piece's attribution (or nothing)."""
    if a.last.close_mark is None:
        return False
    if a.last.para != b.first.para:
        return _continues_in_next_paragraph(text, a, b, head, second)
    gap_start = a.last.close_mark + mark_len(text, a.last.close_mark)
    gap = text[gap_start : b.first.open_mark]
    # Quote marks in the gap hold a title or a name ("holding the “Harbour First” banner"): a statement
    # there would be a piece of its own, and the two pieces would not be adjacent.
    if len(gap) > MAX_GAP_CHARS:
        return False
    if not gap.strip():  # “...” “...”: the same voice goes on; two attributions would be two statements
        return head.mention is None or second.mention is None
    lead = text[a.sentence_end : b.first.open_mark].strip()
    # "“...,” she said. Now, “...”": a sentence adverb before the second piece keeps the same voice.
    opens_next = b.first.open_mark < a.sentence_end or not lead or bool(_ADVERB_LEAD_RE.fullmatch(lead))
    if b.placed == "after" or not opens_next:
        return False
    if a.placed != "after" or head.mention is None:
        # “...,” the letter said. “...”: a cue in the first piece's sentence whose speaker no rule names
        # is still an attribution, not narration.
        hi = min(a.sentence_end, b.first.open_mark)
        cue = CUE_RE.search(text, gap_start, hi) or _MANNER_RE.search(text, gap_start, hi)
        return (
            second.mention is None
            and cue is not None
            and len(text[gap_start : cue.start()].split()) <= MAX_SPEAKER_WORDS
        )
    # A cue of its own before the second piece: someone else may speak.
    return second.mention is None or second.mention.start == head.mention.start


def _continues_in_next_paragraph(text: str, a: Piece, b: Piece, head: Found, second: Found) -> bool:
    """ "“...,” Ramos said, referring to the census. ¶ “So ...”": a paragraph of quotation alone, with no
    cue of its own, right after a paragraph that ends on the attribution goes on with the same quote."""
    if b.first.para != a.last.para + 1 or a.placed != "after" or head.mention is None:
        return False
    if second.mention is not None or b.last.close_mark is None or b.first.continued:
        return False
    ends_paragraph = not text[a.sentence_end : b.first.open_mark].strip()
    line_end = text.find("\n", b.last.close_mark)
    quote_only = not text[b.last.close_mark : line_end if line_end >= 0 else len(text)].strip(
        " \t.,;:!?\u201d\u2019\"'"
    )
    opens_line = not text[text.rfind("\n", 0, b.first.open_mark) + 1 : b.first.open_mark].strip()
    return ends_paragraph and quote_only and opens_line


def _join(text: str, into: Found, other: Found, inner_end: int) -> None:
    """Extend `into` by `other`; the earlier piece keeps its closing comma ("..., and ..." reads on)."""
    while inner_end > into.end and text[inner_end - 1].isspace():
        inner_end -= 1
    head = into.parts or [(into.start, into.end)]
    head[-1] = (head[-1][0], max(head[-1][1], inner_end))
    into.parts = head + (other.parts or [(other.start, other.end)])
    into.end = other.end
    if into.mention is None and other.mention is not None:
        into.mention, into.cue, into.attribution = other.mention, other.cue, other.attribution
    into.hidden = into.hidden and other.hidden


def join_split_quotes(text: str, found: list[Found], pieces: list[Piece]) -> list[Found]:
    """The found statements with each split quote's pieces joined into its first piece."""
    joined: set[int] = set()
    head: int | None = None  # index of the statement being assembled
    previous: Piece | None = None
    for piece in pieces:
        adjacent = previous is not None and piece.index == previous.index + 1  # no other statement between
        if adjacent and _gap_allows(text, previous, piece, found[head], found[piece.index]):
            _join(text, found[head], found[piece.index], previous.last.end)
            joined.add(piece.index)
            # The next gap is read after this piece, but the attribution is still the head's.
            placed = previous.placed if previous.placed == "after" else piece.placed
            previous = Piece(piece.index, piece.first, piece.last, placed, piece.sentence_end)
            continue
        head, previous = piece.index, piece
    return [item for i, item in enumerate(found) if i not in joined]
