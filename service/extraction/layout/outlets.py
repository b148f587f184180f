"""Publication names as pages print them: cleaning a name, mastheads, bylines, and when two names match."""

from __future__ import annotations

import re

from service.extraction.dating.printed_dates import date_span
from service.extraction.layout.clean import Block
from service.extraction.layout.display_lines import plain_text
from service.extraction.layout.furniture import is_chrome
from service.text.calendar import MONTH_RE, WEEKDAY_RE

# A publication's name as printed: capitalised words, allowing "of"/"the"/"&" inside and a domain.
_TOKEN = r"[A-Z0-9](?:[\w&'’-]|\.(?=\w))*"  # inner dots only: "U.S", "TomDispatch.com", not "Press."
_NAME = rf"(?:[Tt]he\s+)?{_TOKEN}(?:\s+(?:of|the|and|for|on|&|{_TOKEN}))*"
_NAME_RE = re.compile(_NAME)

_NOT_NAMES = {"by", "and", "the", "of", "from", "news", "staff", "reporter", "editor"}


def clean_name(raw: str | None) -> str | None:
    """The publication name at the start of raw, with links, dates and trailing punctuation cut off."""
    if not raw:
        return None
    text = plain_text(raw).strip(" \t\"'“”‘’:-–—")
    m = _NAME_RE.match(text)
    if not m:
        return None
    name = m.group(0)
    name = re.sub(r"(?:\s+(?:of|the|and|for|on|&|\d[\d,]*))+$", "", name)  # "Middle East Eye 2016"
    if not re.search(r"\.[a-z]{2,4}$", name):  # keep "TomDispatch.com", drop a sentence's final stop
        name = name.rstrip(".")
    name = name.strip()
    if not name or name.lower() in _NOT_NAMES or re.fullmatch(r"[\d\W]+", name):
        return None
    if re.match(rf"(?:{WEEKDAY_RE}|{MONTH_RE})(?!\w)", name, re.I) or date_span(name):
        return None  # "First published on Wed 4 Nov 2015" names a day, not a publication
    return name


_BYLINE_COMMA = re.compile(r"^by\s+[^,|\n]{2,60}?,\s*", re.I)  # "By Hannah Goldfarb, USA TODAY"


def _as_newsroom(name: str, body: str) -> bool:
    """The story names `name` as a newsroom ("told The Hill", "obtained by ProPublica"), not a place."""
    at = rf"(?<![\w-]){re.escape(name)}(?![\w-])"
    return bool(
        re.search(
            rf"\b(?:told|interview\s+with|obtained\s+by|reviewed\s+by|provided\s+to|spoke\s+(?:to|with))\s+{at}",
            body,
        )
        or re.search(
            rf"{at}(?:['’]s)?\s+(?:obtained|reviewed|first\s+reported|reported|analy[sz]ed|request)", body
        )
    )


def named_in_story(text: str, blocks: list[Block]) -> list[str]:
    """Name lines above the headline and names after a byline's comma that the story itself prints
    ("ProPublica" over "records obtained by ProPublica", "The Hill" over "told The Hill")."""
    body = " ".join(text[b.start : b.end] for b in blocks if b.kind == "body")
    first_body = next((i for i, b in enumerate(blocks) if b.kind == "body"), len(blocks))
    names = []
    for block in blocks[:first_body]:
        plain = plain_text(text[block.start : block.end])
        comma = _BYLINE_COMMA.match(plain)
        line = plain[comma.end() :] if comma else plain
        name = clean_name(line) if block.kind in ("chrome", "dateline") and len(line.split()) <= 4 else None
        if (
            name
            and name == line.strip()
            and is_chrome(plain) == bool(comma)  # a plain name line, or a byline naming its outlet
            and _as_newsroom(name, body)
        ):
            names.append(name)
    return names


# Words of newspaper and station names; a name line above the headline with one of them (and a word
# of its own beside it) is the masthead even when nothing else on the page repeats it.
_BRAND = re.compile(
    r"(?:news|times|post|herald|tribune|journal|gazette|courier|chronicle|sentinel|observer|examiner"
    r"|inquirer|dispatch|register|ledger|star|press|telegraph|mirror|bulletin|record|standard|tv|radio"
    r"|daily|weekly|globe|leader|enquirer|independent|guardian|times-\w+)",
    re.I,
)
_GENERIC = re.compile(
    r"local|top|latest|world|national|breaking|business|sports|more|us|u\.s|politics|watch|live|videos?"
    r"|your|our|the|and|of|all|today|releases?|room|center|alerts?|weather|traffic|entertainment"
)


def brand_line(names: list[str]) -> str | None:
    """The first name line above the headline when it reads as a masthead ("Riverbend Courier")."""
    if not names:
        return None
    words = [w.lower().strip(".") for w in names[0].split()]
    brand = any(_BRAND.fullmatch(w) for w in words) or bool(
        re.fullmatch(r"[KW][A-Z]{2,3}", names[0].split()[0])
    )
    own_word = any(not _GENERIC.fullmatch(w) and not _BRAND.fullmatch(w) for w in words)
    return names[0] if brand and own_word else None


# Company suffixes: a copyright line naming one names the owner (a media group), not the masthead.
CORPORATE = re.compile(
    r"\b(?:inc|llc|l\.l\.c|corp|corporation|co|ltd|plc|lp|holdings?|group|company|companies|enterprises"
    r"|communications|broadcasting|media|networks?)\.?$",
    re.I,
)


def _initials(name: str) -> str:
    return "".join(
        w[0] for w in re.findall(r"[A-Za-z][\w'’-]*", name) if w.lower() not in ("the", "of", "and")
    )


def same_outlet(a: str | None, b: str | None) -> bool:
    """Whether two printed names are one publication ("CNN" / "Cable News Network", "AP" / "The AP")."""
    if not a or not b:
        return False
    short_a, short_b = (re.sub(r"^the\s+", "", x.casefold()).strip() for x in (a, b))
    if short_a == short_b:
        return True
    for x, y in ((a, b), (b, a)):  # a station or agency and its branded name: "WXLT" / "WXLT 8 News"
        if len(x) >= 2 and x.isupper() and x.isalpha() and y.split()[0] == x and len(y.split()) > 1:
            return True
    return any(x.isupper() and len(x) >= 2 and x == _initials(y).upper() for x, y in ((a, b), (b, a)))
