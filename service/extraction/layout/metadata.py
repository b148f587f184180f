"""Article metadata read from the page's own words: headline, publication date, outlet, original outlet."""

from __future__ import annotations

import re

from service.extraction.dating.printed_dates import date_span, parse_published
from service.extraction.layout.clean import Block
from service.extraction.layout.display_lines import plain_text, split_masthead
from service.extraction.layout.furniture import is_chrome
from service.extraction.layout.outlets import CORPORATE, brand_line, clean_name, named_in_story, same_outlet
from service.models import ArticleMeta
from service.text.calendar import WEEKDAY_RE

# Cues that open a republication note; only at the start of a line, never inside the story's prose.
_ORIGINAL_CUES = re.compile(
    r"^\W{0,3}(?:the original source of this (?:article|post|story) is"
    r"|this (?:article|post|story|piece) (?:was )?(?:originally |first )?(?:appeared|published|ran)"
    r"(?: (?:on|in|at|by))?"
    r"|(?:it was )?(?:originally|first) (?:appeared|published|posted|ran) (?:on|in|at|by)"
    r"|republished (?:from|with permission (?:from|of))"
    r"|reprinted (?:from|with permission (?:from|of))"
    r"|(?:authored|written|submitted|posted) by [^,;|]{2,60}? via)\s*",
    re.I,
)
_COPYRIGHT = re.compile(
    r"(?:\bcopyright\b\s*(?:©|\(c\))?|©|\(c\))\s*(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?\s*,?\s*)?", re.I
)
_BYLINE_OUTLET = re.compile(r"^by\s+[^|\n]{2,60}?\s*\|\s*", re.I)
_WIRE = re.compile(
    r"^(?:[A-Z][\w.'’-]*(?:,?\s+[A-Z][\w.'’-]*){0,3}(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*)?"
    r"\((?P<name>[A-Z][\w.&' -]{1,40}?)\)\s*(?:[-–—]+\s*|(?=[A-Z“\"]))"
)
# "MOSCOW, November 4. /TASS/." — the agency between slashes after place and date.
_SLASHED_AGENCY = re.compile(r"^[A-Z][\w.,' -]{0,60}?\s/(?P<name>[A-Z][\w -]{1,30})/\.?\s")
_COMMENTS = re.compile(
    r"\W*(?:\d+\s+)?(?:comments?|responses?|replies|reply|discussion|post a comment|leave a (?:comment|reply)"
    r"|show \d+ comments|join the discussion)\b",
    re.I,
)
# A line that is only "Source: X" or "Via X": the republished original ("Via Twitter, he said" is prose).
_SOURCE_NOTE = re.compile(r"\W{0,3}(?:source\s*:|via\s*:?)\s*(?P<name>[^.,;:!?]{2,60}?)[\s.]*", re.I)
# Words that sit beside a date on a date line but are not a publication's name.
_DATELINE_NOISE = re.compile(
    r"\d{1,2}[:.]\d\d(?::\d\d)?\s*(?:[ap]\.?m\b\.?)?"
    r"|\b(?:updated|published|posted|last|modified|edited|time|first|originally|date|created"
    r"|on|at|am|pm|[ap]\.m\.|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"|(?-i:\b(?:[A-Z]?[ECMP][SD]?T|GMT|UTC|BST|CET|MSK)\b)|[|,–—/()-]",
    re.I,
)


def _title_and_site(text: str, blocks: list[Block]) -> tuple[str | None, str | None]:
    """The headline, and the site name when the page title carries one ("Headline | Reuters")."""
    first = next((b for b in blocks if b.kind == "title"), None)
    if not first:
        return None, None
    title = plain_text(text[first.start : first.end])
    m = re.fullmatch(r"(.{12,}?)\s+\|\s+([^|]{2,40})", title)
    if m and len(m.group(2).split()) <= 4 and clean_name(m.group(2)) == m.group(2).strip():
        return m.group(1), m.group(2).strip()
    return title, None


def _masthead(text: str, blocks: list[Block]) -> str | None:
    """The site name printed with its tagline above the headline."""
    for block in blocks:
        if block.kind == "title":
            return None
        parts = split_masthead(plain_text(text[block.start : block.end]))
        if parts:
            return clean_name(parts[0])
    return None


def _site_name_lines(text: str, blocks: list[Block]) -> list[str]:
    """Short name-shaped lines above the headline ("WXLT 8 News"): a site's name, or a menu's label."""
    names = []
    for block in blocks:
        if block.kind == "title":
            break
        plain = plain_text(text[block.start : block.end])
        short = block.kind == "chrome" and 2 <= len(plain.split()) <= 5
        name = clean_name(plain) if short and not is_chrome(plain) else None
        if name and (name == plain or re.fullmatch(re.escape(name) + r"\s+\d{1,3}", plain)):
            names.append(plain)  # "WKRG News 5": a channel number belongs to the name
    return names


def _published(text: str, blocks: list[Block]) -> str | None:
    """The page's own date: a date line under the headline, else any date line, else a dated byline."""
    first_body = next((i for i, b in enumerate(blocks) if b.kind == "body"), len(blocks))
    comments_at = next(
        (
            i
            for i, b in enumerate(blocks)
            if i > first_body and b.kind == "chrome" and _COMMENTS.match(plain_text(text[b.start : b.end]))
        ),
        len(blocks),
    )
    blocks = blocks[:comments_at]  # readers' comments carry their own timestamps
    title_at = next((i for i, b in enumerate(blocks) if b.kind == "title"), 0)
    # A date line above the headline may be the site's "today" banner; one below it is the story's.
    ordered = blocks[title_at:] + blocks[:title_at]
    candidates = [b for b in ordered if b.kind == "dateline"]
    candidates += [b for b in blocks[:first_body] if b.kind == "chrome" and b.end - b.start <= 120]
    for block in candidates:
        found = parse_published(plain_text(text[block.start : block.end]))
        if found:
            return found
    return None


def _dateline_names(text: str, blocks: list[Block]) -> list[str]:
    """Publication names printed beside a date ("Global Research, November 04, 2015")."""
    names = []
    for block in blocks:
        if block.kind != "dateline":
            continue
        line = plain_text(text[block.start : block.end])
        span = date_span(line)
        if not span or re.match(r"\s*(?:by|posted by|written by)\b", line, re.I):
            continue  # a byline with a date names a person
        # Only before the date, and only when the name is all that is left: "Global Research, <date>".
        # After the date come section tags ("| Syria's War"), which are not the publisher.
        # A weekday abbreviation counts only right before the date ("Wed 4 Nov"), not in "The Sun".
        head = re.sub(rf"\b{WEEKDAY_RE}[,\s]*$", " ", line[: span[0]], flags=re.I)
        before = " ".join(_DATELINE_NOISE.sub(" ", head).split())
        name = clean_name(before)
        if name and name == before.strip(" .:"):
            names.append(name)
    return names


def _cue_names(text: str, blocks: list[Block], pattern: re.Pattern[str]) -> list[str]:
    """Names printed right after a cue such as "The original source of this article is"."""
    names = []
    for block in blocks:
        if block.kind == "title":
            continue
        line = plain_text(text[block.start : block.end])
        for m in pattern.finditer(line):
            rest = line[m.end() :]
            name = clean_name(rest)
            if name and not re.match(r"\s*/", rest[rest.find(name) + len(name) :]):  # "© AFP / Name": a photo
                names.append(name)
    return names


def _source_notes(text: str, blocks: list[Block]) -> list[str]:
    """Names from lines that say nothing but "Source: X" or "Via X"."""
    names = []
    for block in blocks:
        m = _SOURCE_NOTE.fullmatch(plain_text(text[block.start : block.end]))
        name = clean_name(m["name"]) if m else None
        if name and name == m["name"].strip():
            names.append(name)
    return names


def _footer(blocks: list[Block]) -> list[Block]:
    """Chrome after the story: where a page prints its own copyright (not a photo credit's)."""
    first_body = next((i for i, b in enumerate(blocks) if b.kind == "body"), len(blocks))
    return [b for b in blocks[first_body:] if b.kind == "chrome"]


def _wire_agency(text: str, blocks: list[Block]) -> str | None:
    """The agency of a wire dateline opening the story: "(Reuters) -", "WASHINGTON (AP) —", "(CNN)"."""
    for block in blocks:
        if block.kind == "body":
            opening = plain_text(text[block.start : block.end])
            m = _WIRE.match(opening) or _SLASHED_AGENCY.match(opening)
            return clean_name(m["name"]) if m else None
    return None


def read_metadata(text: str, blocks: list[Block]) -> ArticleMeta:
    """Title, publication date (ISO), outlet and original outlet as the text names them; None otherwise."""
    notes = [b for b in blocks if b.kind in ("chrome", "dateline") or b.end - b.start <= 200]
    originals = _cue_names(text, notes, _ORIGINAL_CUES) + _source_notes(text, notes)
    original = originals[0] if originals else None
    bylines = _cue_names(text, [b for b in blocks if b.kind in ("chrome", "dateline")], _BYLINE_OUTLET)
    copyrights = [n for n in _cue_names(text, _footer(blocks), _COPYRIGHT) if n]
    wire = _wire_agency(text, blocks)

    title, site = _title_and_site(text, blocks)
    named = _dateline_names(text, blocks) + bylines + [n for n in (site, _masthead(text, blocks)) if n]
    # A name line above the headline is the masthead when the story's own dateline or copyright agrees.
    lines = _site_name_lines(text, blocks)
    named += [n for n in lines if any(same_outlet(n, x) for x in [wire, *copyrights])]
    named += [n for n in [brand_line(lines)] if n] + named_in_story(text, blocks)
    own = [n for n in named if not same_outlet(n, original)]
    outlet = own[0] if own else None
    # A copyright line names the publisher only when the page does not say it republished someone,
    # and a company ("Nexstar Media Inc.") is weaker than the agency or station in the dateline.
    holders = sorted(copyrights, key=lambda n: bool(CORPORATE.search(n)))
    if outlet is None and original is None and holders and not (wire and CORPORATE.search(holders[0])):
        outlet = holders[0]
    if wire:
        if outlet is None and original is None or same_outlet(wire, outlet):
            # The name the story itself prints, unless the page prints it in full ("WXLT 8 News").
            outlet = outlet if outlet and outlet.split()[0] == wire and outlet != wire else wire
        elif original is None:
            original = wire  # a newspaper running agency copy under its own name
    if outlet is None and original is None and holders:
        outlet = holders[0]
    return ArticleMeta(
        title=title,
        published=_published(text, blocks),
        outlet=outlet,
        original_outlet=original,
    )
