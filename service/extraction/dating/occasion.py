"""The day of the event a news story reports, and the undated statements that were made on it.

News convention: when the lead dates the event ("The Senate voted Tuesday ...", "a judge ruled on
Wednesday ..."), statements reported about it that carry no date of their own were made then.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from service.extraction.dating.time_phrases import day_expressions, time_named
from service.extraction.layout.clean import Block
from service.models import Quote

LEAD_PARAGRAPHS = 2  # the lead is the first substantial body paragraph or two
_SUBSTANTIAL = 60  # characters: shorter body blocks are labels or stray lines, not the lead

_BOUNDARY = re.compile(r"[,;:()]|\s[—–]\s|\s-\s|—|(?<=[.!?])[\"”’]?\s+(?=[\"“‘A-Z])")
_STOP = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")
# Titles, initials and month abbreviations end in a dot but not a sentence ("U.S. Ambassador", "Sen. Ray").
_ABBREVIATION = re.compile(
    r"\b(?:[A-Z]|Mrs?|Ms|Dr|St|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Jr|Sr|No|Inc|Corp|Co|Ltd|Jan|Feb|Aug|Sept?"
    r"|Oct|Nov|Dec|Ave|Mt|Ft|Rev|Prof|Supt|Atty|Det)$"
)


def _sentence_stops(text: str, lo: int, hi: int) -> list[re.Match[str]]:
    """Where sentences end in text[lo:hi]: a stop and space before a capital, not after an abbreviation."""
    return [
        m
        for m in _STOP.finditer(text, lo, hi)
        if text[m.start()] != "." or not _ABBREVIATION.search(text[max(lo, m.start() - 6) : m.start()])
    ]


# The word before the expression makes it a noun's modifier or a span, not when something happened.
_NOT_ADVERBIAL_BEFORE = re.compile(
    r"\b(?:the|a|an|this|that|of|for|until|till|through|by|before|since|from|to|next|every|each|until)\s*$",
    re.I,
)
_FUTURE = re.compile(
    r"\b(?:will|won['’]t|shall|would|could|might|plans? to|planning to|intends? to|hopes? to"
    r"|(?:is|are|was|were) (?:set|scheduled|expected|due|slated|poised|going) to|scheduled for)\b|['’]ll\b",
    re.I,
)
_RELATIVE = re.compile(r"\b(?:who|whom|whose|which|that)\b", re.I)
# Words of an attribution that put the statement before the story's event.
_BACKGROUND = re.compile(
    r"\b(?:had|has|have)\s+(?:\w+ly\s+|long\s+|also\s+|since\s+|often\s+|been\s+)*(?:said|saying|told|telling"
    r"|argued|arguing|written|writing|maintained|insisted|claimed|called|warned|stated|denied|described"
    r"|suggested|acknowledged|spoken|repeated|noted|testified|predicted|promised|vowed)\b"
    r"|\b(?:previously|in the past|earlier|formerly|once told|once said|at the time|for years|long said)\b",
    re.I,
)
_RELATIVE_ASIDE = re.compile(r",\s*(?:who|whom|whose|which)\b[^,]*(?:,|$)", re.I)
_PRESENT_CUE = re.compile(
    r"(?:say|tell|write|explain|add|note|recall|argue|insist|ask|think|believe)s\b", re.I
)


def _inside_quotation(text: str, start: int, at: int) -> bool:
    """Whether position `at` of a paragraph beginning at `start` lies inside quotation marks."""
    before = text[start:at]
    curly_open = before.rfind("“") > before.rfind("”")
    return curly_open or before.count('"') % 2 == 1


def _clause(text: str, lo: int, hi: int, start: int, end: int) -> tuple[int, int]:
    """The clause around text[start:end] inside text[lo:hi], bounded by commas, dashes and sentence ends."""
    left = max((m.end() for m in _BOUNDARY.finditer(text, lo, start)), default=lo)
    right = next((m.start() for m in _BOUNDARY.finditer(text, end, hi)), hi)
    return left, right


_AUXILIARY = re.compile(r"(?:was|were|is|are|has|have|had|will|would|did)$", re.I)


def _in_relative_clause(before: str) -> bool:
    """Whether the words before an expression (in its clause) leave it inside a who/that/which clause.

    The relative clause has its own verb first; an auxiliary later on ("A man who robbed four
    pharmacies was arrested Monday") means the main clause has resumed.
    """
    relatives = list(_RELATIVE.finditer(before))
    if not relatives:
        return False
    words = before[relatives[-1].end() :].split()
    return not any(_AUXILIARY.match(w) for w in words[1:])


def _is_occasion(text: str, lo: int, hi: int, start: int, end: int) -> bool:
    """Whether the day expression at text[start:end] dates what the lead reports happening."""
    if _inside_quotation(text, lo, start) or _NOT_ADVERBIAL_BEFORE.search(text[max(lo, start - 12) : start]):
        return False
    if text[end : end + 2] in ("'s", "’s") and _NOT_ADVERBIAL_BEFORE.search(
        text[max(lo, start - 12) : start]
    ):
        return False
    left, right = _clause(text, lo, hi, start, end)
    if _in_relative_clause(text[left:start]):
        return False  # "a law that took effect Monday": a relative clause's time is background
    if _FUTURE.search(text, left, start):
        return False  # "The council will vote Tuesday"
    if len(text[left:start].split()) + len(text[end:right].split()) > 3 or right >= hi:
        return True
    # A fronted adverbial ("On Tuesday, the board will vote ..."): the verb is in the next clause,
    # up to any relative clause ("... blocked a law that would have ...": not the main verb's tense).
    right = _clause(text, lo, hi, right + 1, right + 1)[1]
    relative = _RELATIVE.search(text, end, right)
    return not _FUTURE.search(text, end, relative.start() if relative else right)


def lead_occasion(text: str, blocks: list[Block], published: str | None) -> str | None:
    """The ISO day the lead dates its event on, from the first day expression attached to its verbs."""
    lead = [b for b in blocks if b.kind == "body" and b.end - b.start >= _SUBSTANTIAL][:LEAD_PARAGRAPHS]
    for block in lead:
        for start, end, iso in day_expressions(text[block.start : block.end], published):
            if _is_occasion(text, block.start, block.end, block.start + start, block.start + end):
                return iso
    return None


def _sentence_around(stops: list[tuple[int, int]], block: Block, start: int, end: int) -> tuple[int, int]:
    """The sentence(s) of the block that hold text[start:end], given the block's sentence stops."""
    # Stops are found once per block and bisected here: rescanning the paragraph for every
    # statement made one long paragraph with thousands of statements quadratic.
    at = bisect_right(stops, (start, start)) - 1
    while at >= 0 and stops[at][1] > start:
        at -= 1
    left = stops[at][1] if at >= 0 else block.start
    after = bisect_right(stops, (end, -1))
    right = stops[after][0] + 1 if after < len(stops) else block.end
    return left, right


def _attribution_context(
    text: str, block: Block | None, quote: Quote, spans: list[tuple[int, int]], stops: dict
) -> str | None:
    """The words of the statement's sentence outside every statement's content and "who ..." asides.

    Content has its own times ("she had watched last year's final", "..., adding that inspections
    would resume on Thursday") that say nothing of when the speaker spoke. `spans` are all the
    statements' (start, end), sorted.
    """
    if block is None or not block.start <= quote.start < block.end:
        return None
    if block.start not in stops:
        stops[block.start] = [(m.start(), m.end()) for m in _sentence_stops(text, block.start, block.end)]
    left, right = _sentence_around(stops[block.start], block, quote.start, quote.end)
    right = max(right, quote.end)
    pieces, at = [], left
    first = max(0, bisect_right(spans, (left, left)) - 1)
    for start, end in spans[first:]:
        if start >= right:
            break
        if end > at and start < right:
            pieces.append(text[at : max(at, start)])
            at = max(at, end)
    pieces.append(text[at:right])
    context = " … ".join(pieces)
    return _RELATIVE_ASIDE.sub(", ", context)  # "X, who joined two years ago, said": not when X spoke


def _said_on(quote: Quote, context: str | None, occasion: str | None, published: str | None) -> str | None:
    """The statement's date: its own, else a time named beside it, else the occasion unless backgrounded."""
    if quote.said_on is not None or context is None:
        return quote.said_on
    named = time_named(context, published)
    if named is not None and not _FUTURE.search(context, max(0, named[0] - 40), named[0]):
        return named[2]  # "..., calling it “...”" in a sentence that names the day (or another time)
    if occasion is None or _BACKGROUND.search(context) or (quote.cue and _PRESENT_CUE.match(quote.cue)):
        return None  # "had said", "previously"; a feature's present tense ("she says") is not the event's day
    return occasion


def date_statements(
    text: str, blocks: list[Block], quotes: list[Quote], published: str | None
) -> list[Quote]:
    """The statements, undated ones dated by a time named beside them or else by the lead's occasion."""
    occasion = lead_occasion(text, blocks, published)
    starts = [b.start for b in blocks]
    spans = sorted((q.start, q.end) for q in quotes)
    stops: dict[int, list[tuple[int, int]]] = {}  # block start -> its sentence stops, found once
    dated = []
    for quote in quotes:
        said_on = quote.said_on
        if said_on is None:
            at = bisect_right(starts, quote.start) - 1
            context = _attribution_context(text, blocks[at] if at >= 0 else None, quote, spans, stops)
            said_on = _said_on(quote, context, occasion, published)
        dated.append(quote if said_on == quote.said_on else replace(quote, said_on=said_on))
    return dated
