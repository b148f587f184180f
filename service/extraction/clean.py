"""Split a scraped news page into blocks (title, dateline, body, chrome) with offsets into the original."""

from __future__ import annotations

import re
from dataclasses import dataclass

from service.extraction.dates import WEEKDAY_RE, date_span

KINDS = ("title", "dateline", "body", "chrome")


@dataclass(frozen=True)
class Block:
    """One paragraph or line group of the page: text[start:end], stripped, and what it is."""

    start: int
    end: int
    kind: str


_BLANK_LINE = re.compile(r"\n[ \t\r\f\v\u00a0]*\n")
_SENTENCE_END = re.compile(r"""[.!?…]["'”’)\]]*$""")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")

# Page furniture that is never article prose, whatever the site.
_CHROME_PATTERNS = [
    r"(?:read|see|watch|listen)\s+(?:more|also)\b.*",
    r"(?:related|more|also read|recommended|trending|most read|popular)(?:\s+\w+){0,3}\s*:.*",
    r"(?:you may also like|more from|more on this|latest news|top stories)\b.*",
    r"\d{1,2}:\d{0,2}(?::\d\d)?",  # media player clock remnants, sometimes cut short
    r"(?:podcasts?|video|videos|audio|play|pause|mute|loading\.*|advertisement|ads?|sponsored"
    r"|share|tweet|print|email|e-mail|comments?|menu|search|close|next|previous|home|subscribe)",
    r"string\(\d+\)\s*\".*",  # PHP var_dump of a related-items list
    r"[\[{]\s*[\[{\"].*[\]}]",  # raw JSON arrays or objects
    r"(?:copyright|\(c\)|©|all rights reserved).*",
    r".{0,120}\b(?:all rights reserved|©\s*\d{4})\W*",
    r"disclaimer\s*:.*",
    r".*\b(?:contains copyrighted material|provisions of [\"“]?fair use|fair use[\"”]? (?:of|in an)).*",
    r"(?:post|leave|add|write|view|show|load)\s+(?:a\s+|your\s+|\d+\s+)?comments?\b.*",
    r"comment on\b.*",
    r".{0,80}\b(?:facebook|twitter|telegram|instagram|youtube) (?:page|channel|account)\W*",
    r"(?:follow|like|join) us\b.*",
    r"(?:become a (?:member|patron|subscriber)|support (?:us|our)|donate|sign up|subscribe to)\b.*",
    r".{0,60}\bnewsletter\b.{0,80}",
    r"previous (?:post|article|story)\b.*|next (?:post|article|story)\b.*",
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+",  # an email address alone
    r"(?:for media inquiries|contact us|contact)\s*:.*",
    r"by\s+(?:\[[^\]]+\]\(#?[^)]*\)|[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3})(?:\s*[|,/].*)?",
    r"(?:region|in-depth report|articles? by|author|authors|topics?|tags?|filed under|category"
    r"|categories|section|source|photo|image|credit|theme)s?\s*:.*",
    r"the original source of this article is\b.*",
    r"this article (?:originally )?(?:appeared|was (?:originally )?published)\b.*",
    r"(?:photo|image|picture|file photo)\s*(?:credit)?\s*[:/©].*",
    r"(?:click|tap) here\b.*",
    r"(?:share|share this|share on)\b.{0,40}",
]
_CHROME = re.compile("|".join(f"(?:{p})" for p in _CHROME_PATTERNS), re.I | re.S)

# Chrome that opens a page's footer: short lines after one of these are footer too.
_FOOTER_START = re.compile(
    r"(?:post a comment|leave a (?:comment|reply)|comments?\b|previous (?:post|article)|"
    r"the original source of this article|disclaimer\s*:|copyright|©|share this"
    r"|related (?:posts|articles|stories))",
    re.I,
)


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


def _stands_alone(line: str) -> bool:
    """A line that is a unit of its own even without a blank line around it (date, chrome, short label)."""
    return _is_chrome(plain_text(line)) or _is_dateline(line)


def _continues(prev: str, nxt: str) -> bool:
    """Whether a single newline between two lines is a soft wrap inside one paragraph."""
    if _stands_alone(prev) or _stands_alone(nxt):
        return False
    if nxt[:1].islower() or nxt[:1] in ",;:)-–—":
        return True
    # Headlines, decks and labels are short and unpunctuated; wrapped prose lines are long.
    return len(prev) >= 50 and not _SENTENCE_END.search(prev)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of blank-line-separated paragraphs, split further at lines that stand alone."""
    spans: list[tuple[int, int]] = []
    at = 0
    for m in [*_BLANK_LINE.finditer(text), None]:
        end = m.start() if m else len(text)
        lines = _line_spans(text, at, end)
        group: list[tuple[int, int]] = []
        for line in lines:
            if group and not _continues(text[group[-1][0] : group[-1][1]], text[line[0] : line[1]]):
                spans.append((group[0][0], group[-1][1]))
                group = []
            group.append(line)
        if group:
            spans.append((group[0][0], group[-1][1]))
        at = m.start() + 1 if m else len(text)
    return spans


def plain_text(block_text: str) -> str:
    """Markdown links reduced to their text, whitespace collapsed; for classification only."""
    return " ".join(_LINK.sub(r"\1", block_text).split())


def _is_dateline(line: str) -> bool:
    """A short line that is mostly a date, possibly with an outlet name or time beside it."""
    plain = plain_text(line)
    if len(plain) > 80:
        return False
    span = date_span(plain)
    if not span:
        return False
    rest = (plain[: span[0]] + " " + plain[span[1] :]).strip()
    rest = re.sub(WEEKDAY_RE, " ", rest, flags=re.I)
    rest = re.sub(r"\d{1,2}[:.]\d\d(?::\d\d)?\s*(?:[ap]\.?m\.?)?|\b(?:[A-Z]{2,4}|GMT|UTC)\b", " ", rest)
    rest = re.sub(r"\b(?:updated|published|posted|last|modified|on|at|am|pm)\b", " ", rest, flags=re.I)
    words = re.findall(r"[A-Za-z]{2,}", rest)
    return len(words) <= 4 and not _SENTENCE_END.search(plain.rstrip(")")) or len(words) <= 1


def _is_icon_strip(plain: str) -> bool:
    """Icon-font labels scraped as text: "bookmark-bicon cameraicon checkicon chevron downicon ..."."""
    words = plain.split()
    icons = sum(1 for w in words if "icon" in w.lower())
    return icons >= 4 and icons >= 0.3 * len(words)


def _is_chrome(plain: str) -> bool:
    return _is_icon_strip(plain) or bool(_CHROME.fullmatch(plain))


def _headline_like(plain: str) -> bool:
    """Short enough and shaped like a headline rather than a paragraph of prose."""
    if not plain or len(plain) > 200:
        return False
    sentences = re.findall(r"[.!?](?:\s|$)", plain)
    return len(sentences) <= 1


def _deck_like(plain: str) -> bool:
    """A subtitle under the headline: short and without a final full stop."""
    return len(plain) <= 160 and not plain.endswith(".")


def split_blocks(text: str) -> list[Block]:
    """Every non-blank paragraph (or standalone line) of the page, classified, with original offsets."""
    blocks: list[Block] = []
    title_text: str | None = None
    body_started = False
    in_footer = False
    for start, end in _paragraphs(text):
        raw = text[start:end]
        plain = plain_text(raw)
        if _is_dateline(raw):
            kind = "dateline"
        elif _is_chrome(plain):
            kind = "chrome"
            if body_started and _FOOTER_START.match(plain):
                in_footer = True
        elif title_text is not None and plain.casefold() == title_text.casefold():
            kind = "title"  # the headline printed again (page header and article header)
        elif title_text is None and not body_started and _headline_like(plain):
            kind, title_text = "title", plain
        elif title_text is not None and not body_started and _deck_like(plain):
            kind = "chrome"  # deck / subtitle: display copy, not article prose
        elif in_footer and len(plain) < 200 and not re.search(r"[\"“”]", plain):
            kind = "chrome"
        else:
            kind, body_started = "body", True
        blocks.append(Block(start, end, kind))
    return blocks
