"""Split a scraped news page into blocks (title, dateline, body, chrome) with offsets into the original."""

from __future__ import annotations

import re
from dataclasses import dataclass

from service.extraction.dates import MONTH_RE, WEEKDAY_RE, date_span
from service.extraction.furniture import FOOTER_START, SENTENCE_END, SHORT, is_chrome

KINDS = ("title", "dateline", "body", "chrome")


@dataclass(frozen=True)
class Block:
    """One paragraph or line group of the page: text[start:end], stripped, and what it is."""

    start: int
    end: int
    kind: str


_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")  # a line of any whitespace (tabs, NBSP, \r) separates paragraphs
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
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


def plain_text(block_text: str) -> str:
    """Markdown images dropped and links reduced to their text, whitespace collapsed; for classification."""
    return " ".join(_LINK.sub(r"\1", _IMAGE.sub(" ", block_text)).split())


_DATELINE_WORDS = re.compile(
    rf"\b(?:{WEEKDAY_RE}|{MONTH_RE})(?!\w)"
    r"|\d{1,2}[:.]\d\d(?::\d\d)?\s*(?:[ap]\.?m\b\.?)?"
    r"|(?-i:\b[A-Z]{2,4}\b)"  # time zones and agency initials: EDT, GMT, RT
    r"|\b(?:updated|published|posted|last|modified|edited|created|time|date|on|at|am|pm)\b",
    re.I,
)


def _is_dateline(line: str) -> bool:
    """A short line that is mostly a date, possibly with an outlet name or time beside it."""
    if len(line) > 200 or not any(ch.isdigit() for ch in line):
        return False  # every date format we read prints digits
    plain = plain_text(line)
    if len(plain) > 80:
        return False
    span = date_span(plain, allow_ambiguous=True)
    if not span:
        return False
    rest = plain
    while span:  # "Published 4 Nov, 2015 ... Edited 5 Nov, 2015": every date goes
        rest = rest[: span[0]] + " " + rest[span[1] :]
        span = date_span(rest, allow_ambiguous=True)
    words = re.findall(r"[A-Za-z]{2,}", _DATELINE_WORDS.sub(" ", rest))
    return len(words) <= 3 and not SENTENCE_END.search(plain.rstrip(")")) or len(words) <= 1


_KICKER = re.compile(
    r"(?:analysis|opinion|exclusive|breaking(?: news)?|watch|video|live|update[ds]?|explainer|editorial"
    r"|comment|interview|review|feature|special report|photos|in pictures|op-ed|fact check|news)",
    re.I,
)


def split_masthead(plain: str) -> tuple[str, str] | None:
    """A site's name and tagline printed above the story ("The Daily Ledger | Local news and sports")."""
    m = re.fullmatch(r"([^|]{2,60}?)\s*\|\s*([^|]+)", plain)
    if not m:
        return None
    name, tagline = m.group(1), m.group(2)
    if len(name.split()) > 5 or len(tagline.split()) < 3 or not name[:1].isupper():
        return None
    if is_chrome(name) or SENTENCE_END.search(tagline) or date_span(plain, allow_ambiguous=True):
        return None
    if _KICKER.fullmatch(name.strip()):
        return None  # "Analysis | Why Russia is winning": a headline with its rubric
    # A tagline is a phrase with lower-case words; "Subscribe | Sign In" is a menu.
    return (name, tagline) if any(w[:1].islower() for w in tagline.split()) else None


def _headline_like(plain: str) -> bool:
    """Short enough and shaped like a headline rather than a paragraph of prose."""
    if not plain or len(plain) > 200:
        return False
    sentences = re.findall(r"[.!?](?:\s|$)", plain)
    # A lone sentence ending in a full stop is a lede unless it is short.
    return len(sentences) <= 1 and (not plain.endswith(".") or len(plain) <= 100)


def _deck_like(plain: str) -> bool:
    """A subtitle under the headline: short and without a final full stop."""
    return len(plain) <= 160 and not SENTENCE_END.search(plain)


def _repeated_headline(text: str) -> str | None:
    """A headline-shaped line printed twice above the story (page header, then article header)."""
    seen: set[str] = set()
    for line in text.splitlines():
        plain = plain_text(line)
        if len(plain) > 200:
            return None  # the story has begun; a line repeated below it is a pull quote
        if not plain or len(plain.split()) < 4 or not _headline_like(plain):
            continue
        if is_chrome(plain) or _is_dateline(line):
            continue
        if plain.casefold() in seen:
            return plain
        seen.add(plain.casefold())
    return None


class _Classifier:
    """Classifies blocks in page order; what a block is depends on what came before it."""

    def __init__(self, repeated_headline: str | None = None) -> None:
        self.repeated_headline = repeated_headline
        self.title_text: str | None = None
        self.body_started = False
        self._seen: dict[str, tuple[bool, bool]] = {}  # pages repeat lines; classify each text once

    def chrome_or_dateline(self, raw: str) -> tuple[bool, bool]:
        """(is chrome, is a date line) for a block's raw text."""
        if raw not in self._seen:
            self._seen[raw] = (is_chrome(plain_text(raw)), _is_dateline(raw))
        return self._seen[raw]

    def stands_alone(self, line: str) -> bool:
        """A line that is a unit of its own even without a blank line around it (date, chrome)."""
        return any(self.chrome_or_dateline(line))

    def kind(self, raw: str) -> str:
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
                return "chrome"  # section labels and site names above the headline
            if self.title_text is None and self.repeated_headline is not None:
                if plain.casefold() != self.repeated_headline.casefold():
                    return "chrome"  # promos and slogans printed above the page's real headline
                self.title_text = plain
                return "title"
            if self.title_text is None and _headline_like(plain):
                self.title_text = plain
                return "title"
            if self.title_text is not None and _deck_like(plain):
                return "chrome"  # deck / subtitle: display copy, not article prose
        self.body_started = True
        return "body"


def split_blocks(text: str) -> list[Block]:
    """Every non-blank paragraph (or standalone line) of the page, classified, with original offsets."""
    blocks: list[Block] = []
    state = _Classifier(_repeated_headline(text))

    def close(group: list[tuple[int, int]]) -> None:
        start, end = group[0][0], group[-1][1]
        blocks.append(Block(start, end, state.kind(text[start:end])))

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
    return _mark_footer(text, blocks)


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
