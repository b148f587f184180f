"""Frozen domain records shared by every layer: what an article is, what a statement is."""

from __future__ import annotations

from dataclasses import dataclass, field

KINDS = ("direct", "indirect", "mixed")


@dataclass(frozen=True)
class Speaker:
    """Who made a statement, as far as the article lets a reader tell."""

    name: str | None  # full name where resolvable ("Anatoly Antonov"), else the best description
    role: str | None = None  # title or role kept apart from the name ("deputy defense minister")
    mention: str | None = None  # the words at the cue that point at the speaker ("the official", "he")
    anonymous: bool = False  # unnamed sources ("a U.S. intelligence official, speaking on condition ...")
    organisation: bool = False  # a body rather than a person ("the State Department", "Russia")
    affiliation: str | None = None  # the body or country a person speaks for ("Russia", "Royal Navy")


@dataclass(frozen=True)
class Quote:
    """One statement found in an article, with offsets into the article's original text."""

    text: str  # the statement's words: text[start:end], or its parts joined, whitespace collapsed
    start: int
    end: int
    kind: str  # one of KINDS
    speaker: Speaker
    cue: str | None = None  # the reporting verb or phrase ("said", "according to", "told")
    said_on: str | None = None  # ISO date, month ("2015-11") or year ("2014") the statement was made
    venue: str | None = None  # where it was said ("press briefing", "RIA Novosti")
    # A split or multi-paragraph quote's pieces as (start, end) offsets, in order; start/end span them all.
    # Empty when the statement is the one span text[start:end].
    parts: tuple[tuple[int, int], ...] = ()


def joined_text(text: str, parts) -> str:
    """A statement's text from its (start, end) parts: each part's words, whitespace collapsed, joined."""
    return " ".join(" ".join(text[start:end].split()) for start, end in parts)


@dataclass(frozen=True)
class ArticleMeta:
    """Metadata read from an article's own text; None where the text does not say."""

    title: str | None = None
    published: str | None = None  # ISO date or date-time
    outlet: str | None = None
    original_outlet: str | None = None


@dataclass(frozen=True)
class Extraction:
    """Everything extraction finds in one article text."""

    meta: ArticleMeta
    quotes: tuple[Quote, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class StoredArticle:
    """An article as the store keeps it; `sources` says where each metadata field came from."""

    id: int
    title: str | None
    published: str | None
    outlet: str | None
    original_outlet: str | None
    url: str | None
    path: str | None = None  # corpus file name or None for articles posted over HTTP
    content_hash: str = ""
    sources: dict[str, str] = field(default_factory=dict)  # field -> "text" | "metadata" | "request"


@dataclass(frozen=True)
class StoredQuote:
    """A statement as the store keeps it: from an article (article_id set) or imported ready-made."""

    id: int
    text: str
    kind: str
    speaker: Speaker
    said_on: str | None = None
    venue: str | None = None
    cue: str | None = None
    start: int | None = None  # offsets into the article text; None for imported statements
    end: int | None = None
    parts: tuple[tuple[int, int], ...] = ()  # a split quote's pieces (see Quote.parts)
    ref: str | None = None  # the importer's own id (Quotebank quoteID, a caller's key)
    article: StoredArticle | None = None  # for imported statements: title/outlet/published/url as given
