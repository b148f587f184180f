"""Statements of a text read as article body, shared by the extraction tests that feed bare paragraphs."""

from __future__ import annotations

from service.extraction import extract
from service.extraction.layout.clean import Block
from service.extraction.layout.spans import paragraphs
from service.extraction.statements import find_quotes


def body_statements(text: str):
    """Every statement `find_quotes` finds in `text`, all of it body paragraphs (no headline, no layout)."""
    blocks = [Block(p.start, p.end, "body") for p in paragraphs(text, [Block(0, len(text), "body")])]
    return find_quotes(text, blocks, None)


def headed_statements(body: str) -> list[tuple[str, str, str | None]]:
    """(kind, text, speaker name) of each statement of `body` under a fixed headline and lede."""
    text = "Harbour vote delayed\n\nThe ferry board met on Monday.\n\n" + body + "\n"
    return [(q.kind, q.text, q.speaker.name) for q in extract(text).quotes]


def one_statement(text: str, words: str):
    """The one body statement whose text starts with `words`."""
    found = [q for q in body_statements(text) if q.text.startswith(words)]
    assert len(found) == 1, [(q.text, q.speaker and q.speaker.name) for q in body_statements(text)]
    return found[0]
