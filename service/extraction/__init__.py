"""Extraction: pure functions from an article's text to its metadata and statements (no I/O)."""

from __future__ import annotations

from ..models import Extraction
from .clean import split_blocks
from .metadata import read_metadata
from .occasion import date_statements
from .quotes import find_quotes


def extract(text: str) -> Extraction:
    """Metadata and every statement of one article text, offsets into that text."""
    blocks = split_blocks(text)
    meta = read_metadata(text, blocks)
    quotes = find_quotes(text, blocks, meta.published)
    return Extraction(meta, tuple(date_statements(text, blocks, quotes, meta.published)))
