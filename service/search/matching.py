"""claim -> ranked matches: index hits turned into statements with highlights, comparison and provenance."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, is_dataclass, replace
from typing import NamedTuple

from service.models import StoredQuote
from service.search import provenance
from service.search.comparison import compare
from service.search.index import QuoteIndex, highlight_spans
from service.storage import Store

# Calibrated on the dev claims against the extracted corpus and against the gold statements with 20,000
# unrelated ones added: the statement a claim paraphrases scores 54-96, the best statement for a claim
# nobody made 16-36. (openapi.yaml publishes this default: regenerate it when it changes.)
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
    comparison: dict | None = None  # comparison.compare's verdicts on numbers, speaker and date
    reported_in: list = field(
        default_factory=list
    )  # provenance.Report per article carrying it, earliest first
    first_reported: object | None = None  # the earliest provenance.Report, if dated


def _has_filters(filters) -> bool:
    return filters is not None and any(is_dataclass(filters) and v for v in asdict(filters).values())


def _comparison(claim: str, quote: StoredQuote) -> dict:
    return asdict(compare(claim, quote))


def match(
    claim: str,
    *,
    index: QuoteIndex,
    store: Store,
    limit: int = 10,
    min_score: float | None = None,
    filters=None,
    group: bool = True,
) -> list[Match]:
    """Statements matching a claim, best first, scoring at least `min_score` (default DEFAULT_MIN_SCORE)."""
    min_score = DEFAULT_MIN_SCORE if min_score is None else min_score
    # The speaker filter is checked inside the index (it keeps speaker columns); the rest by the store.
    speaker = getattr(filters, "speaker", None) if index.knows_speakers else None
    rest = replace(filters, speaker=None) if speaker else filters
    # The other filters are one store query over each batch of candidate ids.
    keep = (lambda ids: set(store.filter_ids(ids, rest))) if _has_filters(rest) else None
    # Copies of one statement fold into one match, so fetch twice as many to still fill `limit`.
    hits = index.search(
        claim,
        limit=limit * 2 if group else limit,
        min_score=min_score,
        keep=keep,
        highlights=False,
        speaker=speaker,
    )
    by_id = {q.id: q for q in store.get_quotes([h.quote_id for h in hits])}
    hit_of = {h.quote_id: h for h in hits if h.quote_id in by_id}  # gone from the store: skipped
    quotes = [by_id[h.quote_id] for h in hits if h.quote_id in by_id]
    if group:
        scores = {qid: h.score for qid, h in hit_of.items()}
        groups = provenance.group_quotes(quotes, scores)  # groups keep the order of their best member
        chosen = [(g.representative, list(g.reported_in), g.first_reported) for g in groups]
    else:
        chosen = [
            (q, [provenance.report_of(q)], provenance.report_of(q) if q.article else None) for q in quotes
        ]
    matches = [
        _to_match(claim, hit_of[quote.id], quote, reported, first)
        for quote, reported, first in chosen[:limit]
    ]
    matches.sort(key=lambda m: -m.score)
    return matches


def _to_match(claim: str, hit, quote: StoredQuote, reported_in: list, first_reported) -> Match:
    text = quote.text  # spans are found in the store's text, the one the answer shows
    highlights = [Highlight(s, e, text[s:e]) for s, e in highlight_spans(text, hit.matched_terms)]
    explanation = {
        "scorer": hit.scorer,
        "parts": hit.parts,
        "matched_terms": list(hit.matched_terms),
        "corrections": hit.corrections,
    }
    return Match(
        hit.score, quote, highlights, explanation, _comparison(claim, quote), reported_in, first_reported
    )
