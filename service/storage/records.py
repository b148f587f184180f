"""The records storage hands out and takes in, turning rows into them, and the keys derived from values."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field, fields
from functools import lru_cache

from service.models import Speaker, StoredArticle, StoredQuote

METADATA_FIELDS = ("title", "published", "outlet", "original_outlet", "url")

# Imported statements carry their own title/outlet/published/url; they are shown as an article
# with this id, which no stored article has (article ids start at 1).
IMPORTED_ARTICLE_ID = 0

ARTICLE_COLUMNS = (
    "a.id, a.title, a.published, a.outlet, a.original_outlet, a.url, a.path, a.content_hash, a.sources"
)

QUOTE_COLUMNS = (
    "q.id, q.text, q.kind, q.speaker_name, q.speaker_role, q.speaker_mention, q.speaker_anonymous,"
    " q.speaker_organisation, q.said_on, q.venue, q.cue, q.start_offset, q.end_offset, q.ref,"
    " q.article_id, q.title, q.outlet, q.published, q.url, q.parts, q.speaker_affiliation, " + ARTICLE_COLUMNS
)
QUOTE_FROM = "quotes q LEFT JOIN articles a ON a.id = q.article_id"

_NON_WORD = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class QuoteFilters:
    """Filters for listing statements; dates are ISO prefixes compared inclusively at the shorter length."""

    speaker: str | None = None  # case-insensitive substring of the speaker's name
    outlet: str | None = None  # case-insensitive, whole name
    kind: str | None = None
    said_from: str | None = None
    said_to: str | None = None
    published_from: str | None = None  # the article's date, or an imported statement's own
    published_to: str | None = None

    @classmethod
    def from_args(cls, args: dict) -> QuoteFilters:
        """The filters among loaded request arguments (only those that were given)."""
        return cls(**{f.name: args[f.name] for f in fields(cls) if f.name in args})


@dataclass(frozen=True)
class ImportResult:
    """What one import_quotes call did: rows added, duplicates skipped, rows refused with the reason."""

    added: int
    skipped: int
    errors: tuple[tuple[int, str], ...] = field(default_factory=tuple)  # (row index, reason)


@dataclass(frozen=True)
class ArticleMetadata:
    """An article's metadata as decided before storing: values, where each came from, and both inputs.

    Precedence (what the text says against what was given) is the ingest side's rule
    (`service.ingest.precedence`); storage keeps the outcome and both inputs as they were.
    """

    values: dict[str, str] = field(default_factory=dict)  # field -> resolved value (METADATA_FIELDS)
    sources: dict[str, str] = field(default_factory=dict)  # field -> "text" | "metadata" | "request"
    from_text: dict[str, str] = field(default_factory=dict)
    given: dict[str, str] = field(default_factory=dict)
    given_source: str | None = None  # "metadata" or "request" when anything was given


@dataclass(frozen=True)
class StoredSpeaker:
    """A named speaker across every stored statement: the mentions seen and how many statements."""

    id: int
    name: str
    role: str | None
    aliases: tuple[str, ...]  # other spellings and mentions seen at the cue ("Antonov", "the minister")
    quote_count: int


def content_hash(text: str) -> str:
    """The identity of an article text: line endings and surrounding whitespace do not count."""
    canonical = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Fold a name for grouping and searching: case, accents and punctuation do not count."""
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_NON_WORD.split(bare.casefold())).strip()


def statement_key(text: str, speaker: str | None, said_on: str | None) -> str:
    """Identity of an imported statement without a ref: its text, speaker and date."""
    joined = "\x1f".join((" ".join(text.split()), name_key(speaker or ""), said_on or ""))
    return hashlib.blake2b(joined.encode("utf-8"), digest_size=16).hexdigest()


def article_from_row(row: tuple) -> StoredArticle:
    """Build a StoredArticle from the ARTICLE_COLUMNS of a row."""
    id_, title, published, outlet, original_outlet, url, path, digest, sources = row
    return StoredArticle(
        id=id_,
        title=title,
        published=published,
        outlet=outlet,
        original_outlet=original_outlet,
        url=url,
        path=path,
        content_hash=digest,
        sources=json.loads(sources),
    )


def quote_from_row(row: tuple) -> StoredQuote:
    """Build a StoredQuote from the QUOTE_COLUMNS of a row."""
    article_id = row[14]
    if article_id is not None:
        article = article_from_row(row[21:])
    else:
        article = _imported_article(title=row[15], outlet=row[16], published=row[17], url=row[18])
    return StoredQuote(
        id=row[0],
        text=row[1],
        kind=row[2],
        speaker=Speaker(
            name=row[3],
            role=row[4],
            mention=row[5],
            anonymous=bool(row[6]),
            organisation=bool(row[7]),
            affiliation=row[20],
        ),
        said_on=row[8],
        venue=row[9],
        cue=row[10],
        start=row[11],
        end=row[12],
        ref=row[13],
        article=article,
        parts=parts_from_column(row[19]),
    )


def parts_column(parts: tuple[tuple[int, int], ...]) -> str | None:
    """A statement's parts as stored: JSON [[start, end], ...], or NULL for a one-span statement."""
    return json.dumps([list(part) for part in parts]) if parts else None


def parts_from_column(value: str | None) -> tuple[tuple[int, int], ...]:
    """The parts a row stores (see parts_column)."""
    return tuple((start, end) for start, end in json.loads(value)) if value else ()


def _imported_article(**given: str | None) -> StoredArticle | None:
    if not any(given.values()):
        return None
    return StoredArticle(
        id=IMPORTED_ARTICLE_ID,
        title=given["title"],
        published=given["published"],
        outlet=given["outlet"],
        original_outlet=None,
        url=given["url"],
        sources={field: "metadata" for field, value in given.items() if value},
    )
