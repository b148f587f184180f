"""Tests for page cleaning: blocks cover the page, keep offsets and classify chrome generally."""

from __future__ import annotations

from service.extraction.clean import KINDS, Block, split_blocks

PAGE = (
    "Officials trade blame over stalled talks\n\n"
    "Officials trade blame over stalled talks\n"
    "Tue Mar 8, 2016 10:12:00\n\n"
    "The talks stalled on Monday, officials said.\n\n"
    "READ MORE: Another story entirely\n\n"
    "Post a Comment\n"
)


def test_blocks_are_stripped_spans_of_the_original_text():
    blocks = split_blocks(PAGE)
    assert all(isinstance(b, Block) and b.kind in KINDS for b in blocks)
    for b in blocks:
        assert PAGE[b.start : b.end] == PAGE[b.start : b.end].strip() != ""


def test_headline_date_body_and_chrome_are_told_apart():
    kinds = [(b.kind, PAGE[b.start : b.end]) for b in split_blocks(PAGE)]
    assert kinds == [
        ("title", "Officials trade blame over stalled talks"),
        ("title", "Officials trade blame over stalled talks"),
        ("dateline", "Tue Mar 8, 2016 10:12:00"),
        ("body", "The talks stalled on Monday, officials said."),
        ("chrome", "READ MORE: Another story entirely"),
        ("chrome", "Post a Comment"),
    ]
