"""claim -> ranked matches: index hits turned into statements with highlights, comparison and provenance."""

from __future__ import annotations

import importlib
from dataclasses import asdict, dataclass, field, is_dataclass
from typing import NamedTuple

from service.index import QuoteIndex
from service.models import StoredArticle, StoredQuote
from service.normalize import normalize

# Calibrated on the dev claims (with and without 20,000 unrelated statements added): statements a
# claim really paraphrases score 57-98, the best statement for claims nobody made 15-35.
DEFAULT_MIN_SCORE = 45.0


class Highlight(NamedTuple):
    """A span of the statement text that matches the claim: quote.text[start:end] == text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Match:
    """One statement matching a claim, with why it matched and how it compares."""

    score: float
    quote: StoredQuote
    highlights: list[Highlight]
    explanation: dict
    comparison: dict | None = None
    reported_in: list[StoredArticle] = field(default_factory=list)
    first_reported: StoredArticle | None = None


def _optional(name: str):
    """A teammate's module when it exists; matching works without it."""
    try:
        return importlib.import_module(f"service.{name}")
    except ImportError:
        return None


def _prefix_cmp(value: str | None, bound: str, low: bool) -> bool:
    # ISO prefixes compared at the shorter length, so "2015-11" overlaps "2015-11-20" both ways.
    if value is None:
        return False
    n = min(len(value), len(bound))
    return value[:n] >= bound[:n] if low else value[:n] <= bound[:n]


def passes(quote: StoredQuote, filters) -> bool:
    """Whether a statement satisfies every given filter (same meaning as the store's QuoteFilters)."""
    if filters is None:
        return True
    if filters.speaker:
        name = (quote.speaker.name or "").casefold()
        if " ".join(filters.speaker.casefold().split()) not in " ".join(name.split()):
            return False
    article = quote.article
    if filters.outlet and (
        not article or (article.outlet or "").casefold() != filters.outlet.strip().casefold()
    ):
        return False
    if filters.kind and quote.kind != filters.kind:
        return False
    published = article.published if article else None
    for value, low, high in (
        (quote.said_on, filters.said_from, filters.said_to),
        (published, filters.published_from, filters.published_to),
    ):
        if low and not _prefix_cmp(value, low, True):
            return False
        if high and not _prefix_cmp(value, high, False):
            return False
    return True


def _has_filters(filters) -> bool:
    return filters is not None and any(is_dataclass(filters) and v for v in asdict(filters).values())


def _keeper(store, filters):
    """A function from candidate ids to those passing the filters, asked of the store in one batch."""
    if hasattr(store, "filter_ids"):
        return lambda ids: set(store.filter_ids(ids, filters))
    return lambda ids: {q.id for q in store.get_quotes(ids) if passes(q, filters)}


def _group_key(quote: StoredQuote) -> tuple[str, str]:
    return normalize(quote.text), normalize(quote.speaker.name or "")


def _comparison(claim: str, quote: StoredQuote) -> dict | None:
    comparison = _optional("comparison")
    if comparison is None or not hasattr(comparison, "compare"):
        return None
    result = comparison.compare(claim, quote)
    return asdict(result) if is_dataclass(result) else result


def match(
    claim: str,
    *,
    index: QuoteIndex,
    store,
    limit: int = 10,
    min_score: float | None = None,
    filters=None,
    group: bool = True,
) -> list[Match]:
    """Statements matching a claim, best first, scoring at least `min_score` (default DEFAULT_MIN_SCORE)."""
    min_score = DEFAULT_MIN_SCORE if min_score is None else min_score
    keep = _keeper(store, filters) if _has_filters(filters) else None
    # Copies of one statement fold into one match, so fetch extra to still fill `limit`.
    hits = index.search(claim, limit=limit * 3 if group else limit, min_score=min_score, keep=keep)
    quotes = {q.id: q for q in store.get_quotes([h.quote_id for h in hits])}
    matches: list[Match] = []
    groups: dict[tuple[str, str], int] = {}
    for hit in hits:
        quote = quotes.get(hit.quote_id)
        if quote is None:
            continue  # removed from the store since the index last synced
        key = _group_key(quote) if group else None
        if key is not None and key in groups:
            first = matches[groups[key]]
            if quote.article and quote.article not in first.reported_in:
                first.reported_in.append(quote.article)
            continue
        if len(matches) >= limit:
            continue
        if key is not None:
            groups[key] = len(matches)
        matches.append(_to_match(claim, hit, quote))
    return [_with_provenance(m) for m in matches]


def _to_match(claim: str, hit, quote: StoredQuote) -> Match:
    text = quote.text
    highlights = [Highlight(s, e, text[s:e]) for s, e in hit.highlights if 0 <= s < e <= len(text)]
    explanation = {
        "scorer": hit.scorer,
        "parts": hit.parts,
        "matched_terms": list(hit.matched_terms),
        "corrections": hit.corrections,
    }
    reported = [quote.article] if quote.article else []
    return Match(hit.score, quote, highlights, explanation, _comparison(claim, quote), reported, None)


def _with_provenance(m: Match) -> Match:
    """Earliest article carrying the statement (by published date) as first_reported."""
    provenance = _optional("provenance")
    if provenance is not None and hasattr(provenance, "first_reported"):
        first = provenance.first_reported(m.reported_in)
    else:
        dated = [a for a in m.reported_in if a.published]
        first = (
            min(dated, key=lambda a: a.published) if dated else (m.reported_in[0] if m.reported_in else None)
        )
    return Match(m.score, m.quote, m.highlights, m.explanation, m.comparison, m.reported_in, first)
