"""Split a scraped news page into blocks (title, dateline, body, chrome) with offsets into the original."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

from service.extraction.dating.printed_dates import date_span
from service.extraction.layout.furniture import FOOTER_START, SENTENCE_END, SHORT, is_chrome
from service.text.calendar import MONTH_RE, WEEKDAY_RE

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
    if "](" not in block_text:  # both markdown forms need it; most paragraphs have none
        return " ".join(block_text.split())
    return " ".join(_LINK.sub(r"\1", _IMAGE.sub(" ", block_text)).split())


_DATELINE_WORDS = re.compile(
    rf"\b(?:{WEEKDAY_RE}|{MONTH_RE})(?!\w)"
    r"|\d{1,2}[:.]\d\d(?::\d\d)?\s*(?:[ap]\.?m\b\.?)?"
    r"|(?-i:\b[A-Z]{2,4}\b)"  # time zones and agency initials: EDT, GMT, RT
    r"|\b(?:updated|published|posted|last|modified|edited|created|time|date|on|at|am|pm)\b",
    re.I,
)


_DIGIT = re.compile(r"\d")


def _is_dateline(line: str) -> bool:
    """A short line that is mostly a date, possibly with an outlet name or time beside it."""
    if len(line) > 200 or not _DIGIT.search(line):
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


# A wire dateline opening a story: "DETROIT (AP) —", "RIVERBEND, Ill. (WXLT) —", "LAS VEGAS —",
# "CHICAGO, Nov 13 (Reuters) -", "New Orleans, Louisiana (CNN) —", "(Reuters) -". Headlines never open so.
_PLACE = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
_WIRE_DAY = rf"(?:,\s*(?i:{MONTH_RE})\s+\d{{1,2}})?"
_AGENCY = r"\([A-Z][\w.&' -]{1,40}\)"
_WIRE_DATELINE = re.compile(
    rf"(?:[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){{0,3}}(?:,\s*{_PLACE}){{0,2}}{_WIRE_DAY}"
    rf"\s*(?:{_AGENCY}\s*)?|(?:{_PLACE}(?:,\s*{_PLACE}){{0,2}}{_WIRE_DAY}\s*)?{_AGENCY}\s*)(?:[—–]|--?\s)"
)
_LEDE_WORDS = 12  # a sentence this long ending in a full stop is prose, not a headline


def reads_as_lede(plain: str) -> bool:
    """Shaped like a story's first paragraph: a wire dateline, or a long sentence ending in a full stop."""
    if len(plain) >= 60 and _WIRE_DATELINE.match(plain):
        return True  # a dateline heads a paragraph of prose, not a short display line ("FBI — ...")
    return plain.endswith(".") and (len(plain) > 100 or len(plain.split()) >= _LEDE_WORDS)


def _headline_like(plain: str) -> bool:
    """Short enough and shaped like a headline rather than a paragraph of prose."""
    if not plain or len(plain) > 200:
        return False
    sentences = re.findall(r"[.!?](?:\s|$)", plain)
    # A lone sentence ending in a full stop is a lede unless it is short; title case is display copy.
    return len(sentences) <= 1 and (not plain.endswith(".") or len(plain) <= 100) or _title_cased(plain)


def _title_cased(plain: str) -> bool:
    """ "Flagged Bedsores. The State Let the Home Keep Its Rating.": a headline, full stops or not."""
    # Prose shows a lower-case long word within its first few: checked lazily, as every line above the
    # story comes here.
    long_words = (w for w in plain.split() if len(w) > 3 and w[0].isalpha())
    first = list(islice(long_words, 5))
    if len(first) < 5 or sum(w[0].islower() for w in first) > 0:
        return False
    rest = list(long_words)
    return sum(w[0].islower() for w in rest) <= 0.15 * (len(rest) + 5)


# A paragraph that reports speech in the past tense ("The pier will close, Hale said") is the story's first
# paragraph even without a full stop: decks and standfirsts say "says" if they attribute at all.
_REPORTED_RE = re.compile(r"\bsaid\b")


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
        if not plain or len(plain.split()) < 4 or not _headline_like(plain) or reads_as_lede(plain):
            continue  # a repeated paragraph of prose is a scraper's duplicate, not the headline
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
        self.labels: list[int] = []  # blocks made chrome only for being short labels above the headline
        self._body_seen: set[str] = set()
        self._seen: dict[str, tuple[bool, bool]] = {}  # pages repeat lines; classify each text once

    def chrome_or_dateline(self, raw: str) -> tuple[bool, bool]:
        """(is chrome, is a date line) for a block's raw text."""
        if raw not in self._seen:
            self._seen[raw] = (is_chrome(plain_text(raw)), _is_dateline(raw))
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
            lede = reads_as_lede(plain) and not _title_cased(plain)
            if self.title_text is None and _headline_like(plain) and not lede:
                self.title_text = plain
                return "title"
            if (
                self.title_text is not None
                and _deck_like(plain)
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
    state = _Classifier(_repeated_headline(text))

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
