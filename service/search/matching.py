"""claim -> ranked matches: index hits turned into statements with highlights, comparison and provenance.

The claim is analysed first (`service.search.claims`): retrieval reads its content, without the
attribution frame, so "The US State Department said ..." is not scored on the words "State
Department". Who the claim names is then compared with each statement's speaker: where the
comparison finds them consistent the statement's odds of being the source are multiplied by
SPEAKER_ODDS (never lowered when they are not). When nothing reaches `min_score`, `near_misses`
gives the closest statements.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, is_dataclass, replace
from typing import NamedTuple

from service.models import StoredQuote
from service.search import calibration, provenance
from service.search.claims import ClaimAnalysis, analyse_claim
from service.search.comparison import check_speaker, compare
from service.search.index import QuoteIndex, highlight_spans
from service.search.plain import plain
from service.search.rivals import speaker_key, with_leads
from service.storage import Store

# Scores are calibrated percentages (`calibration`, over blend and lead): on CheckThat! 2021, through
# this pipeline (bench/calibrate_score.py), a claim's best match scoring 15 or more was its source 92%
# of the time on train and 90% on dev (93-95% at 25; tweets vs Snopes 98%, debate sentences vs
# PolitiFact, which repeat one another, 77% train and 66% dev), and 61% of the claims had one; with
# their sources taken out of the candidates, 13% (train) and 11% (dev) still had one. The score
# before the lead, at its default of 25, gave 85%/87%, 48%/46% and 14%/11%. On the shared dev claims
# the sources score 19-100 on the bundled corpus, and with 19,250 PolitiFact statements beside it
# the best statement for a claim nobody made scores at most 9. (The schema's description of min_score
# quotes both defaults: regenerate openapi.yaml when either changes.)
DEFAULT_MIN_SCORE = 15.0
# With embeddings off (CLAIMTRACE_EMBEDDINGS=off) the same promise needs another cut, since words
# alone set a source apart from its rivals less sharply (bench/calibrate_score.py, "embeddings off",
# its own curve over the lexical score and its lead): a claim's best match scoring 50 or more was its
# source 91% of the time on train and on dev, 18% of train claims (17% dev) had one, and with their
# sources taken out 3% (2%) still had one. At 15 it was the source 80% of the time (train and dev).
# Before the lead was read in this mode, the default of 15 gave 66% (train) and 59% (dev), and
# 21% / 20% of the claims without their sources still got a match. The cost: a paraphrase that
# shares few words with its source falls under it (the shared fact-check dev claims on the bundled
# corpus: 6 of 12 sources reach 50, all 12 rank first and score 7 or more; no claim nobody made
# scores over 3), and shows in near_misses.
LEXICAL_MIN_SCORE = 50.0
# A statement by the speaker the claim names (speaker check consistent) has its odds of being the
# claim's source (score / (100 - score)) multiplied by this: evidence weighed with the rest, never a
# reason to miss another statement. As odds, it lifts a statement the words and meaning already
# point to (11% -> 33%, 30% -> 63%) and leaves one that shares nothing with the claim near 0
# (1% -> 4%); closing a fifth of the gap to 100, as before, lifted any statement by that speaker,
# however unrelated, to 20 or more: over the default min_score, and above a paraphrase's source
# when the claim named the wrong speaker. Not fitted: CheckThat! claims rarely name a speaker.
SPEAKER_ODDS = 4.0
NEAR_MISSES = 3  # closest statements returned when nothing reaches min_score


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


def _by_named(analysis: ClaimAnalysis, quote: StoredQuote) -> bool:
    """Whether the statement is by the speaker the claim names (speaker check consistent)."""
    check = check_speaker(analysis, quote)
    return check is not None and check.verdict == "consistent"


def _has_filters(filters) -> bool:
    return filters is not None and any(is_dataclass(filters) and v for v in asdict(filters).values())


def boosted(score: float) -> float:
    """The score of a statement by the speaker the claim names: its odds times SPEAKER_ODDS."""
    if score <= 0 or score >= 100:
        return score
    odds = SPEAKER_ODDS * score / (100.0 - score)
    return round(100.0 * odds / (1.0 + odds), 2)


def default_min_score(index) -> float:
    """The default min_score for this index: DEFAULT_MIN_SCORE, or LEXICAL_MIN_SCORE with embeddings off."""
    return LEXICAL_MIN_SCORE if getattr(index, "semantic", True) is False else DEFAULT_MIN_SCORE


def _floor(min_score: float, analysis: ClaimAnalysis) -> float:
    """The lowest index score that may still reach `min_score` once boosted."""
    if analysis.attribution is None or min_score <= 0 or min_score >= 100:
        return min_score
    odds = min_score / (100.0 - min_score) / SPEAKER_ODDS
    return max(0.0, 100.0 * odds / (1.0 + odds) - 0.01)  # rounding of scores


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
    """Statements matching a claim, best first, scoring at least `min_score` (default_min_score if None)."""
    min_score = default_min_score(index) if min_score is None else min_score
    analysis = analyse_claim(claim)
    # Copies of one statement fold into one match, so fetch twice as many to still fill `limit`; a
    # claim naming a speaker fetches more, since boosted statements may come from below the cut.
    fetch = (limit * 2 if group else limit) + (limit if analysis.attribution else 0)
    found = _scored(analysis, index, store, fetch, _floor(min_score, analysis), filters)
    found = [item for item in found if item[0] >= min_score]
    return _matches(analysis, found, group, limit)


def near_misses(
    claim: str, *, index: QuoteIndex, store, limit: int = NEAR_MISSES, filters=None, group: bool = True
) -> list[Match]:
    """The closest statements whatever their score, for an answer where nothing reached min_score."""
    analysis = analyse_claim(claim)
    found = _scored(analysis, index, store, limit * 2 if group else limit, 0.0, filters)
    return _matches(analysis, found, group, limit)


def _scored(analysis: ClaimAnalysis, index: QuoteIndex, store, fetch: int, floor: float, filters) -> list:
    """(score, hit, quote) for the index's hits on the claim's content, speaker boost applied."""
    # The speaker filter is checked inside the index (it keeps speaker columns); the rest by the store.
    speaker = getattr(filters, "speaker", None) if index.knows_speakers else None
    rest = replace(filters, speaker=None) if speaker else filters
    # The other filters are one store query over the candidate ids, or where they pass too few of
    # them, one query for every id they pass (a selective filter: few ids).
    keep = passing = None
    if _has_filters(rest):
        keep = lambda ids: set(store.filter_ids(ids, rest))  # noqa: E731
        passing = lambda: store.passing_ids(rest)  # noqa: E731
    frame = analysis.text[slice(*analysis.frame)] if analysis.frame else ""
    # A statement's score also reads its lead over its rivals (`rivals`), by meaning and words or,
    # with embeddings off, by words: the best few are fetched whatever their score, since a lead can
    # lift a statement the index alone scores low. (A bare QuoteIndex gives uncalibrated scores.)
    calibrated = hasattr(index, "semantic")
    semantic = calibrated and index.semantic
    hits = index.search(
        analysis.content,
        limit=max(fetch, calibration.LEAD_CANDIDATES) if calibrated else fetch,
        min_score=0.0 if calibrated else floor,
        keep=keep,
        highlights=False,
        speaker=speaker,
        optional=frame,  # the attribution's words count only where a statement holds them
        passing=passing,
    )
    by_id = {q.id: q for q in store.get_quotes([h.quote_id for h in hits])}
    pairs = [(hit, by_id[hit.quote_id]) for hit in hits if hit.quote_id in by_id]  # else gone since
    # Who the claim names is checked on every statement (it decides rivals and the boost); the full
    # comparison only on those that pass.
    named = [_by_named(analysis, quote) for _, quote in pairs]
    if calibrated and pairs:
        texts = [quote.text for _, quote in pairs]
        speakers = [speaker_key(quote.speaker) for _, quote in pairs]
        hits = with_leads([hit for hit, _ in pairs], texts, speakers, not speaker, named, semantic)
        pairs = list(zip(hits, [quote for _, quote in pairs], strict=True))
    found = []
    for (hit, quote), by_named in zip(pairs, named, strict=True):
        score = boosted(hit.score) if by_named else hit.score
        if score >= floor:
            found.append((score, hit, quote))  # compared in _to_match: only the shown ones are
    found.sort(key=lambda item: -item[0])
    return found


def _matches(analysis: ClaimAnalysis, found: list, group: bool, limit: int) -> list[Match]:
    """Matches from scored hits: copies of one statement folded into one group when `group`."""
    by_id = {item[2].id: item for item in found}
    quotes = [item[2] for item in found]
    if group:
        scores = {item[2].id: item[0] for item in found}
        groups = provenance.group_quotes(quotes, scores)  # groups keep the order of their best member
        chosen = [(g.representative, list(g.reported_in), g.first_reported) for g in groups]
    else:
        chosen = [
            (q, [provenance.report_of(q)], provenance.report_of(q) if q.article else None) for q in quotes
        ]
    matches = [
        _to_match(analysis, by_id[quote.id], reported, first) for quote, reported, first in chosen[:limit]
    ]
    matches.sort(key=lambda m: -m.score)
    return matches


def _to_match(analysis: ClaimAnalysis, item, reported_in: list, first_reported) -> Match:
    score, hit, quote = item
    text = quote.text  # spans are found in the store's text, the one the answer shows
    highlights = [Highlight(s, e, text[s:e]) for s, e in highlight_spans(text, hit.matched_terms)]
    explanation = {
        "scorer": hit.scorer,
        "parts": {**hit.parts, "speaker_boost": round(score - hit.score, 2)},
        "matched_terms": list(hit.matched_terms),
        "corrections": hit.corrections,
        "content": analysis.content,
    }
    comparison = plain(compare(analysis, quote))  # plain: asdict's result at a fraction of its cost
    return Match(score, quote, highlights, explanation, comparison, reported_in, first_reported)
