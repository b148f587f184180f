"""Extraction: pure functions from an article's text to its metadata and statements (no I/O)."""

from __future__ import annotations

import re
from dataclasses import replace

from service.extraction.dating.occasion import date_statements
from service.extraction.layout.clean import Block, split_blocks
from service.extraction.layout.metadata import read_metadata
from service.extraction.statements import find_quotes
from service.models import Extraction
from service.text.controls import controls_blanked

_PROSE_END = tuple('.!?"\u201d\u2019')
_QUOTE_MARK_RE = re.compile('["\u201c\u201d]')


def extract(text: str, *, title: str | None = None) -> Extraction:
    """Metadata and every statement of one article text, offsets into that text.

    `title`, when the caller knows it, settles whether the text's first line is a headline.
    """
    text = controls_blanked(text)  # one for one: offsets into the text as given still hold
    blocks = _headline_settled(text, split_blocks(text), title)
    meta = read_metadata(text, blocks)
    quotes = find_quotes(text, blocks, meta.published)
    return Extraction(meta, tuple(date_statements(text, blocks, quotes, meta.published)))


def _headline_settled(text: str, blocks: list[Block], title: str | None) -> list[Block]:
    """Read a guessed headline as prose when the text has nothing else, or the caller names another one."""
    if not any(block.kind == "body" for block in blocks):
        # A short post ("“We have 6,000 fighters here,” Jane Doe said.") is all story and no headline.
        return [replace(block, kind="body") if block.kind == "title" else block for block in blocks]
    given = " ".join(title.split()).casefold() if title else None
    out = []
    for block in blocks:
        words = " ".join(text[block.start : block.end].split())
        if block.kind == "title" and (
            # “...,” Jane Doe said. — a quotation told in a sentence: headlines say "says" and drop the stop
            (words.endswith(".") and _QUOTE_MARK_RE.search(words))
            # a sentence, where the caller's title shows the headline is something else
            or (given is not None and words.casefold() != given and words.endswith(_PROSE_END))
        ):
            block = replace(block, kind="body")
        out.append(block)
    return out
