"""Extraction: pure functions from an article's text to its metadata and statements (no I/O)."""

from __future__ import annotations

from service.extraction.dating.occasion import date_statements
from service.extraction.layout.clean import split_blocks
from service.extraction.layout.metadata import read_metadata
from service.extraction.statements import find_quotes
from service.models import Extraction


def extract(text: str) -> Extraction:
    """Metadata and every statement of one article text, offsets into that text."""
    blocks = split_blocks(text)
    meta = read_metadata(text, blocks)
    quotes = find_quotes(text, blocks, meta.published)
    return Extraction(meta, tuple(date_statements(text, blocks, quotes, meta.published)))
