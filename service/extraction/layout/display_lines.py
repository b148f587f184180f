"""What a line above the story is: a headline, a deck, a dateline, a masthead or a wire lede.

And a line of the page as plain text (links and images reduced to their words).
"""

from __future__ import annotations

import re
from itertools import islice

from service.extraction.dating.printed_dates import date_span
from service.extraction.layout.furniture import SENTENCE_END, is_chrome
from service.text.calendar import MONTH_RE, WEEKDAY_RE

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_DATELINE_WORDS = re.compile(
    rf"\b(?:{WEEKDAY_RE}|{MONTH_RE})(?!\w)"
    r"|\d{1,2}[:.]\d\d(?::\d\d)?\s*(?:[ap]\.?m\b\.?)?"
    r"|(?-i:\b[A-Z]{2,4}\b)"  # time zones and agency initials: EDT, GMT, RT
    r"|\b(?:updated|published|posted|last|modified|edited|created|time|date|on|at|am|pm)\b",
    re.I,
)
_DIGIT = re.compile(r"\d")
_KICKER = re.compile(
    r"(?:analysis|opinion|exclusive|breaking(?: news)?|watch|video|live|update[ds]?|explainer|editorial"
    r"|comment|interview|review|feature|special report|photos|in pictures|op-ed|fact check|news)",
    re.I,
)
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


def plain_text(block_text: str) -> str:
    """Markdown images dropped and links reduced to their text, whitespace collapsed; for classification."""
    if "](" not in block_text:  # both markdown forms need it; most paragraphs have none
        return " ".join(block_text.split())
    return " ".join(_LINK.sub(r"\1", _IMAGE.sub(" ", block_text)).split())


def is_dateline(line: str) -> bool:
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


def reads_as_lede(plain: str) -> bool:
    """Shaped like a story's first paragraph: a wire dateline, or a long sentence ending in a full stop."""
    if len(plain) >= 60 and _WIRE_DATELINE.match(plain):
        return True  # a dateline heads a paragraph of prose, not a short display line ("FBI — ...")
    return plain.endswith(".") and (len(plain) > 100 or len(plain.split()) >= _LEDE_WORDS)


def headline_like(plain: str) -> bool:
    """Short enough and shaped like a headline rather than a paragraph of prose."""
    if not plain or len(plain) > 200:
        return False
    sentences = re.findall(r"[.!?](?:\s|$)", plain)
    # A lone sentence ending in a full stop is a lede unless it is short; title case is display copy.
    return len(sentences) <= 1 and (not plain.endswith(".") or len(plain) <= 100) or title_cased(plain)


def title_cased(plain: str) -> bool:
    """ "Flagged Bedsores. The State Let the Home Keep Its Rating.": a headline, full stops or not."""
    # Prose shows a lower-case long word within its first few: checked lazily, as every line above the
    # story comes here.
    long_words = (w for w in plain.split() if len(w) > 3 and w[0].isalpha())
    first = list(islice(long_words, 5))
    if len(first) < 5 or sum(w[0].islower() for w in first) > 0:
        return False
    rest = list(long_words)
    return sum(w[0].islower() for w in rest) <= 0.15 * (len(rest) + 5)


def deck_like(plain: str) -> bool:
    """A subtitle under the headline: short and without a final full stop."""
    return len(plain) <= 160 and not SENTENCE_END.search(plain)


def repeated_headline(text: str) -> str | None:
    """A headline-shaped line printed twice above the story (page header, then article header)."""
    seen: set[str] = set()
    for line in text.splitlines():
        plain = plain_text(line)
        if len(plain) > 200:
            return None  # the story has begun; a line repeated below it is a pull quote
        if not plain or len(plain.split()) < 4 or not headline_like(plain) or reads_as_lede(plain):
            continue  # a repeated paragraph of prose is a scraper's duplicate, not the headline
        if is_chrome(plain) or is_dateline(line):
            continue
        if plain.casefold() in seen:
            return plain
        seen.add(plain.casefold())
    return None
