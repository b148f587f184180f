"""Split a scraped news page into blocks (title, dateline, body, chrome) with offsets into the original."""

from __future__ import annotations

import re
from dataclasses import dataclass

from service.extraction.dates import MONTH_RE, WEEKDAY_RE, date_span

KINDS = ("title", "dateline", "body", "chrome")


@dataclass(frozen=True)
class Block:
    """One paragraph or line group of the page: text[start:end], stripped, and what it is."""

    start: int
    end: int
    kind: str


_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")  # a line of any whitespace (tabs, NBSP, \r) separates paragraphs
_SENTENCE_END = re.compile(r"""[.!?…]["'”’)\]]*$""")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINKS_ONLY = re.compile(r"(?:\s*[-*•|]?\s*\[[^\]]*\]\([^)]*\)[\s,|•·]*)+")

_SOCIAL = r"(?:facebook|twitter|whatsapp|linkedin|reddit|telegram|pinterest|tumblr|pocket|vk|print|email|x)"

# Page furniture recognisable at any length: dumps, disclaimers, copyright, republication notes.
_CHROME_ANY_PATTERNS = [
    r"string\(\d+\)\s*\".*",  # PHP var_dump of a related-items list
    r"[\[{]\s*[\[{\"].*[\]}]",  # raw JSON arrays or objects
    r"(?:copyright|\(c\))\s*(?:©|\(c\)|(?:19|20)\d\d).*|©.*",
    r".{0,120}\ball rights reserved\b.*",
    r"disclaimer\s*:.*",
    r".*\b(?:contains copyrighted material|provisions of [\"“]?fair use|fair use[\"”]? (?:of|in an)).*",
    r"the original source of this (?:article|post|story) is\b.*",
    r"this (?:article|post|story) (?:was )?(?:originally |first )?(?:appeared|published|ran)\b.*",
]
# Short furniture: only a short block can be a label, a link or an ask; prose may start the same way.
_CHROME_SHORT_PATTERNS = [
    r"(?:read|see|watch|listen)\s+(?:more|also)\b.*",
    r"(?:related|more|also read|recommended|trending|most read|popular)(?:\s+\w+){0,3}\s*:.*",
    r"(?:you may also like|more from|more on this|latest news|top stories"
    r"|related (?:posts|articles|stories))\b.*",
    r"\d{1,2}:\d{0,2}(?::\d\d)?",  # media player clock remnants, sometimes cut short
    r"(?:podcasts?|video|videos|audio|play|pause|mute|loading\s*(?:\.*|…)|discussion|advertisement|ads?|sponsored|related"
    r"|share|tweet|print|email|e-mail|comments?|menu|search|close|next|previous|home|subscribe)",
    r"(?:post|leave|add|write|view|show|load)\s+(?:a\s+|your\s+|\d+\s+)?comments?\b.*",
    r"comment on\b.*\b(?:page|site|article|story|post|facebook|twitter)s?\b.*",
    r"comments? (?:via|with|using|through)\b.{0,40}",
    r"\d+\s+(?:comments?|responses?|replies)(?:\s*:)?|(?:no|one) (?:comments?|responses?)(?: yet)?",
    r".{0,60}\b(?:on our|follow us on|like us on|join us on|find us on)\b.{0,40}",
    r"(?:follow|like|join) us\b.*",
    r"(?:become a (?:member|patron|subscriber)|support (?:us|our (?:work|journalism))"
    r"|donate|sign up|subscribe)\b.*",
    r"(?:sign up|subscribe|register|get|receive|join)\b.{0,60}\bnewsletters?\b.*|newsletters?",
    r"previous (?:post|article|story)\b.*|next (?:post|article|story)\b.*",
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+",  # an email address alone
    r"(?:for media inquiries|contact us|contact)\s*:.*",
    r"(?:region|in-depth report|articles? by|author|authors|topics?|tags?|filed under|category"
    r"|categories|section|source|photo|image|credit|theme)s?\s*:.*",
    r"(?:photo|image|picture|file photo)\s*(?:credit)?\s*[:/©].*",
    r"(?:click|tap) here\b.*",
    r"(?:(?:last )?updated|published|posted)?\s*:?\s*(?:\d+|an?) (?:minutes?|hours?|days?|mins?) ago",
    r"(?:reading time\s*:?\s*)?\d+\s*min(?:ute)?s?(?: read)?|reading time\s*:.*",
    r"\(?(?:photo|image|picture|video)s? (?:by|courtesy of|credit|copyright|caption)\b.*",
    r".{0,40}\badvertisement\b.{0,20}",
    r"(?:log ?in|sign ?in|sign ?up|register|login|logout|log out|my account)",
    r"(?:print|email|e-mail|save|bookmark|share)(?: this)? (?:article|story|page|post)",
    r"follow @\w+.*",
    r"skip to (?:main )?(?:content|navigation)\b.*",
    r"[^.!?]{0,80}(?:\s[»›>]\s[^.!?]{0,60})+",  # breadcrumbs: "Home » World » Middle East"
    r"(?:posted|written|published|edited) by\b.{0,60}",
    r"(?:(?:additional )?reporting|writing|editing|compiled|produced)(?: and \w+)? by\b.*",
    r".{0,80}\bcontributed (?:to )?(?:this|the) (?:report|story|article)\W*",
    r"read\s*:.*|watch\s*:.*|listen\s*:.*",
    r"your email address will not be published\b.*",
    rf"{_SOCIAL}(?:[\s,|]+{_SOCIAL})*",
    r"like this\s*:?|like loading\.*|cancel reply|leave a reply\b.*",
    r"most (?:read|viewed|popular|shared|watched)\b.*",
    r"share (?:or comment on )?(?:this|the) (?:article|story)\b.*",
    r"share what you think\b.*|share your (?:views|thoughts)\b.*",
    r"comments?\s*\(?\d+\)?|topics|tags|newest|oldest|best rated|most recent|sort by\b.*",
    rf"share(?: this(?: article| story| page)?)?(?:\s*:.*)?|share (?:on|via) {_SOCIAL}\b.*",
    # Photo captions that end in a credit: "... in Aleppo. © Sputnik / Name", "... REUTERS/Omar Sanadiki"
    r".{0,200}(?:©|\(c\)|\b(?:photo|image|credit|picture)\s*:)\s*[^.!?\"“”]{1,60}",
    r".{0,200}\b(?:REUTERS|AFP|AP|EPA|Getty Images|AFP Photo|ANADOLU|SPUTNIK|TASS)\s*/\s*[^.!?\"“”/]{2,40}",
]
_CHROME_ANY = re.compile("|".join(f"(?:{p})" for p in _CHROME_ANY_PATTERNS), re.I | re.S)
_CHROME_SHORT = re.compile("|".join(f"(?:{p})" for p in _CHROME_SHORT_PATTERNS), re.I | re.S)
_SHORT = 200
# "By" + a name (and maybe "| Outlet" or ", Outlet"); "By Thursday, the rebels ..." is prose.
_BYLINE = re.compile(
    r"by\s+(?:\[[^\]]+\]\([^)]*\)|(?!(?:the|a|an|then|now|noon|midnight|mid|late|early|end)\b)"
    r"[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|de|van|von|al|bin|la|le|and)){0,4})"
    r"(?:\s*(?:[|/,]|\band\b)\s*[A-Z\[][^.!?]{0,60})?",
    re.I,
)
_NOT_A_NAME_AFTER_BY = re.compile(rf"by\s+(?:{MONTH_RE}|{WEEKDAY_RE}|\d|(?:the|this|that|next|last)\b)", re.I)


# Chrome that opens a page's footer: short lines after one of these are footer too.
_FOOTER_START = re.compile(
    r"(?:post a comment|leave a (?:comment|reply)|comments?\b|\d+ (?:comments?|responses?|replies)"
    r"|previous (?:post|article)|"
    r"the original source of this article|disclaimer\s*:|copyright|©|(?:additional )?reporting by"
    r"|related (?:posts|articles|stories)|you may also like|most (?:read|viewed|popular)"
    r"|topics?\b|tags?\b|share (?:or comment on )?(?:this|the) (?:article|story))",
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


def _continues(prev: str, nxt: str, in_header: bool, stands_alone) -> bool:
    """Whether a single newline between two lines is a soft wrap inside one paragraph."""
    if stands_alone(prev) or stands_alone(nxt):
        return False
    if nxt[:1].islower() or nxt[:1] in ",;:)-–—":
        return True
    if in_header:
        return False  # above the story, lines are headline, deck, byline: separate display units
    # Wrapped prose lines are long and run on; a short unpunctuated line is a label or heading.
    return len(prev) >= 50 and not _SENTENCE_END.search(prev)


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
    rf"\b(?:{WEEKDAY_RE}|{MONTH_RE})(?!\w)|\d{{1,2}}[:.]\d\d(?::\d\d)?\s*(?:[ap]\.?m\b\.?)?|\b(?:[A-Z]{{2,4}}|GMT|UTC)\b"
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
    return len(words) <= 3 and not _SENTENCE_END.search(plain.rstrip(")")) or len(words) <= 1


def _is_icon_strip(plain: str) -> bool:
    """Icon-font labels scraped as text: "bookmark-bicon cameraicon checkicon chevron downicon ..."."""
    words = plain.split()
    icons = sum(1 for w in words if "icon" in w.lower())
    return icons >= 4 and icons >= 0.3 * len(words)


def _is_menu(plain: str) -> bool:
    """Navigation items in a row: "Subscribe | Sign In", "World · Politics · Business"."""
    items = [item.strip() for item in re.split(r"\s[|•·]\s|\s{3,}", plain)]
    return len(items) >= 2 and all(
        0 < len(item.split()) <= 3 and (len(item.split()) == 1 or not _SENTENCE_END.search(item))
        for item in items
    )


def _is_byline(plain: str) -> bool:
    """ "By Jane Doe", "By [RT](#)", "By Jane Doe | Reuters"; not "By March, prices had doubled."."""
    if len(plain) > 100 or _NOT_A_NAME_AFTER_BY.match(plain) or _SENTENCE_END.search(plain):
        return False
    return bool(_BYLINE.fullmatch(plain))


def _is_tag_list(plain: str) -> bool:
    """Topic tags in a row: "Aleppo, Syria, Sergei Rudskoy, Russian General Staff"."""
    items = [item.strip() for item in plain.split(",")]
    return (
        len(items) >= 3
        and not _SENTENCE_END.search(plain)
        and all(item[:1].isupper() and len(item.split()) <= 4 for item in items)
    )


def _is_chrome(plain: str) -> bool:
    if _is_icon_strip(plain) or _CHROME_ANY.fullmatch(plain):
        return True
    short = len(plain) <= _SHORT
    furniture = _is_menu(plain) or _is_byline(plain) or _is_tag_list(plain)
    return short and (furniture or bool(_CHROME_SHORT.fullmatch(plain)))


def split_masthead(plain: str) -> tuple[str, str] | None:
    """A site's name and tagline printed above the story ("The Daily Ledger | Local news and sports")."""
    m = re.fullmatch(r"([^|]{2,60}?)\s*\|\s*([^|]+)", plain)
    if not m:
        return None
    name, tagline = m.group(1), m.group(2)
    if len(name.split()) > 5 or len(tagline.split()) < 3 or not name[:1].isupper():
        return None
    if _is_chrome(name) or _SENTENCE_END.search(tagline) or date_span(plain, allow_ambiguous=True):
        return None
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
    return len(plain) <= 160 and not _SENTENCE_END.search(plain)


def _repeated_headline(text: str) -> str | None:
    """A headline-shaped line printed twice above the story (page header, then article header)."""
    seen: set[str] = set()
    for line in text.splitlines():
        plain = plain_text(line)
        if len(plain) > 200:
            return None  # the story has begun; a line repeated below it is a pull quote
        if not plain or len(plain.split()) < 4 or not _headline_like(plain):
            continue
        if _is_chrome(plain) or _is_dateline(line):
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
            self._seen[raw] = (_is_chrome(plain_text(raw)), _is_dateline(raw))
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
            if self.title_text is None and len(plain.split()) < 4 and not _SENTENCE_END.search(plain):
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
    return len(raw) >= _SHORT or bool(re.search(r"[\"“”]", raw))


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
            and _FOOTER_START.match(plain_text(text[b.start : b.end]))
        ):
            tail = [Block(x.start, x.end, "chrome") if x.kind == "body" else x for x in blocks[i + 1 :]]
            return blocks[: i + 1] + tail
    return blocks
