"""Split a scraped news page into blocks (title, dateline, body, chrome) with offsets into the original."""

from __future__ import annotations

import re
from dataclasses import dataclass

from service.extraction.layout.display_lines import (
    deck_like,
    headline_like,
    is_dateline,
    plain_text,
    reads_as_lede,
    repeated_headline,
    split_masthead,
    title_cased,
)
from service.extraction.layout.furniture import FOOTER_START, SENTENCE_END, SHORT, is_chrome

KINDS = ("title", "dateline", "body", "chrome")


@dataclass(frozen=True)
class Block:
    """One paragraph or line group of the page: text[start:end], stripped, and what it is."""

    start: int
    end: int
    kind: str


_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")  # a line of any whitespace (tabs, NBSP, \r) separates paragraphs
_LINKS_ONLY = re.compile(r"(?:\s*[-*•|]?\s*\[[^\]]*\]\([^)]*\)[\s,|•·]*)+")


def _line_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The non-blank lines of text[start:end], each stripped, as spans."""
    spans = []
    at = start
    for line in text[start:end].split("\n"):
        left = at + len(line) - len(line.lstrip())
        right = at + len(line.rstrip())
        if right > left:
            spans.append((left, right))
        at += len(line) + 1
    return spans


def _continues(prev: str, nxt: str, in_header: bool, stands_alone) -> bool:
    """Whether a single newline between two lines is a soft wrap inside one paragraph."""
    if stands_alone(prev) or stands_alone(nxt):
        return False
    if nxt[:1].islower() or nxt[:1] in ",;:)-–—":
        return True
    if in_header:
        return False  # above the story, lines are headline, deck, byline: separate display units
    # Wrapped prose lines are long and run on; a short unpunctuated line is a label or heading.
    return len(prev) >= 50 and not SENTENCE_END.search(prev)


def _paragraphs(text: str) -> list[list[tuple[int, int]]]:
    """The stripped line spans of each blank-line-separated paragraph."""
    paragraphs = []
    at = 0
    for m in [*_BLANK_LINE.finditer(text), None]:
        end = m.start() if m else len(text)
        lines = _line_spans(text, at, end)
        if lines:
            paragraphs.append(lines)
        at = m.start() + 1 if m else len(text)
    return paragraphs


# A paragraph that reports speech in the past tense ("The pier will close, Hale said") is the story's first
# paragraph even without a full stop: decks and standfirsts say "says" if they attribute at all.
_REPORTED_RE = re.compile(r"\bsaid\b")


class _Classifier:
    """Classifies blocks in page order; what a block is depends on what came before it."""

    def __init__(self, repeated_headline: str | None = None) -> None:
        self.repeated_headline = repeated_headline
        self.title_text: str | None = None
        self.body_started = False
        self.labels: list[int] = []  # blocks made chrome only for being short labels above the headline
        self._body_seen: set[str] = set()
        self._seen: dict[str, tuple[bool, bool]] = {}  # pages repeat lines; classify each text once

    def chrome_or_dateline(self, raw: str) -> tuple[bool, bool]:
        """(is chrome, is a date line) for a block's raw text."""
        if raw not in self._seen:
            self._seen[raw] = (is_chrome(plain_text(raw)), is_dateline(raw))
        return self._seen[raw]

    def stands_alone(self, line: str) -> bool:
        """A line that is a unit of its own even without a blank line around it (date, chrome)."""
        return any(self.chrome_or_dateline(line))

    def kind(self, raw: str, index: int) -> str:
        """What the block `raw` (the page's index-th block) is, given the blocks before it."""
        plain = plain_text(raw)
        chrome, dateline = self.chrome_or_dateline(raw)
        if dateline:
            return "dateline"
        # Once the headline is known, a block made only of links is a list of other stories.
        links_only = self.title_text is not None and _LINKS_ONLY.fullmatch(raw)
        if chrome or not plain or links_only:
            return "chrome"
        if self.title_text is not None and plain.casefold() == self.title_text.casefold():
            return "title"  # the headline printed again (page header and article header)
        if not self.body_started:
            if self.title_text is None and split_masthead(plain):
                return "chrome"
            if self.title_text is None and len(plain.split()) < 4 and not SENTENCE_END.search(plain):
                self.labels.append(index)
                return "chrome"  # section labels and site names above the headline (or a short headline)
            if self.title_text is None and self.repeated_headline is not None:
                if plain.casefold() != self.repeated_headline.casefold():
                    return "chrome"  # promos and slogans printed above the page's real headline
                self.title_text = plain
                return "title"
            lede = reads_as_lede(plain) and not title_cased(plain)
            if self.title_text is None and headline_like(plain) and not lede:
                self.title_text = plain
                return "title"
            if (
                self.title_text is not None
                and deck_like(plain)
                and not lede
                and not _REPORTED_RE.search(plain)
            ):
                return "chrome"  # deck / subtitle: display copy, not article prose
        self.body_started = True
        key = " ".join(plain.casefold().split())
        if len(key) >= 40 and key in self._body_seen:
            return "chrome"  # a scraper's duplicate of a paragraph: the first copy is the story's
        self._body_seen.add(key)
        return "body"


def split_blocks(text: str) -> list[Block]:
    """Every non-blank paragraph (or standalone line) of the page, classified, with original offsets."""
    blocks: list[Block] = []
    state = _Classifier(repeated_headline(text))

    def close(group: list[tuple[int, int]]) -> None:
        start, end = group[0][0], group[-1][1]
        blocks.append(Block(start, end, state.kind(text[start:end], len(blocks))))

    for lines in _paragraphs(text):
        group = [lines[0]]
        for line in lines[1:]:
            prev = text[group[-1][0] : group[-1][1]]
            if _continues(prev, text[line[0] : line[1]], not state.body_started, state.stands_alone):
                group.append(line)
            else:
                close(group)
                group = [line]
        close(group)
    if state.title_text is None:
        _promote_short_headline(text, blocks, state.labels)
    return _mark_footer(text, blocks)


def _promote_short_headline(text: str, blocks: list[Block], labels: list[int]) -> None:
    """A short line right above the story's first paragraph is its headline when none was found.

    "Court rejects appeal" above "DETROIT (AP) — ..." is taken for a section label while reading
    top-down; once the story has begun without a headline, the only such line above it (with only
    bylines and date lines between) is the headline, if it reads as one: words in lower case too.
    """
    first_body = next((i for i, b in enumerate(blocks) if b.kind == "body"), None)
    candidates = [i for i in labels if first_body is not None and i < first_body]
    if not candidates:
        return
    at = candidates[-1]
    if len(candidates) > 1 or any(_is_label(text, b) for b in blocks[at + 1 : first_body]):
        return  # one of several labels: navigation ("World", "Middle East news"), not the headline
    words = plain_text(text[blocks[at].start : blocks[at].end]).split()
    if len(words) >= 2 and any(w[:1].islower() for w in words[1:]) and words[0][:1].isupper():
        blocks[at] = Block(blocks[at].start, blocks[at].end, "title")


def _is_label(text: str, block: Block) -> bool:
    """A chrome block that is not furniture by its words: a short label."""
    return block.kind == "chrome" and not is_chrome(plain_text(text[block.start : block.end]))


def _substantial(raw: str) -> bool:
    """Prose a footer never holds: a long paragraph or one with quotation marks."""
    return len(raw) >= SHORT or bool(re.search(r"[\"“”]", raw))


def _mark_footer(text: str, blocks: list[Block]) -> list[Block]:
    """Short leftovers after the page's footer begins (tagline, widget labels, comments) become chrome.

    The footer begins at the first footer-like chrome after the story with no substantial prose
    after it, so a photo credit or "Related" box in mid-story does not swallow the paragraphs below.
    """
    first_body = next((i for i, b in enumerate(blocks) if b.kind == "body"), None)
    if first_body is None:
        return blocks
    prose_after = [False] * (len(blocks) + 1)
    for i in range(len(blocks) - 1, -1, -1):
        b = blocks[i]
        prose_after[i] = prose_after[i + 1] or (b.kind == "body" and _substantial(text[b.start : b.end]))
    for i in range(first_body + 1, len(blocks)):
        b = blocks[i]
        if (
            b.kind == "chrome"
            and not prose_after[i + 1]
            and FOOTER_START.match(plain_text(text[b.start : b.end]))
        ):
            tail = [Block(x.start, x.end, "chrome") if x.kind == "body" else x for x in blocks[i + 1 :]]
            return blocks[: i + 1] + tail
    return blocks
