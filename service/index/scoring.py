"""The 0-100 score of one candidate statement against a claim, its parts, and highlight spans.

Why a score is high: the statement contains the claim's *rare* content words. Each claim term
weighs its IDF, so shared stop words count for nothing and shared common words for little;
`coverage` is the share of the claim's weight found in the statement (a speaker-name match counts
half, since "Putin said ..." names who spoke rather than what was said), `precision` the share
of the statement's weight that the claim accounts for, and RapidFuzz's `token_set_ratio` over the
two stemmed content-word strings rewards the same words regardless of order and repetition. The
parts are ratios, so the score means the same on ten statements or a million.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz import fuzz

from service.normalize import STOP_WORDS, content_terms, normalize, term_spans

SCORER = "claimtrace.weighted_overlap"
W_COVERAGE, W_PRECISION, W_FUZZY = 0.6, 0.15, 0.25
SPEAKER_SHARE = 0.5


@dataclass(frozen=True)
class QueryTerm:
    """One distinct content term of the claim as the index sees it."""

    term: str  # the index term (a stem, or a canonical number), typo-corrected where needed
    word: str  # the claim's own term before correction
    weight: float  # IDF times the similarity of a typo correction


@dataclass(frozen=True)
class ClaimQuery:
    """A claim prepared once for scoring every candidate."""

    text: str
    terms: tuple[QueryTerm, ...]
    fuzzy_string: str  # the claim's terms, space-joined, for token_set_ratio
    total_weight: float


@dataclass(frozen=True)
class Hit:
    """One statement found for a claim: id, 0-100 score, which scorer made it and from what parts."""

    quote_id: int
    score: float
    scorer: str
    parts: dict[str, float]
    matched_terms: tuple[str, ...]
    corrections: dict[str, str] = field(default_factory=dict)  # misspelt claim term -> term used
    highlights: tuple[tuple[int, int], ...] = ()  # (start, end) offsets into the statement text


def prepare_claim(text: str, terms: list[QueryTerm]) -> ClaimQuery:
    """Bundle the claim's weighted terms; the fuzzy string uses corrected terms so typos still align."""
    total = sum(t.weight for t in terms)
    return ClaimQuery(text, tuple(terms), " ".join(t.term for t in terms), total)


def score_candidate(
    claim: ClaimQuery, quote_id: int, text: str, speaker: str | None, idf, min_score: float, bm25: float
) -> Hit | None:
    """Score one candidate, or None when it cannot reach `min_score`."""
    if claim.total_weight <= 0:
        return None
    quote_terms = content_terms(text)
    quote_set = set(quote_terms)
    speaker_set = set(content_terms(speaker)) if speaker else set()
    found = found_speaker = 0.0
    matched = []
    for qt in claim.terms:
        if qt.term in quote_set:
            found += qt.weight
            matched.append(qt.term)
        elif qt.term in speaker_set:
            found_speaker += qt.weight
            matched.append(qt.term)
    coverage = (found + SPEAKER_SHARE * found_speaker) / claim.total_weight
    claim_terms = {qt.term for qt in claim.terms}
    quote_weight = sum(idf(t) for t in quote_set) or 1.0
    precision = sum(idf(t) for t in quote_set & claim_terms) / quote_weight
    base = 100 * (W_COVERAGE * coverage + W_PRECISION * precision)
    # The fuzzy part only has to make up what the weighted parts leave short of min_score.
    cutoff = max(0.0, (min_score - base) / W_FUZZY) if min_score > 0 else 0.0
    if cutoff > 100:
        return None
    fuzzy = fuzz.token_set_ratio(
        claim.fuzzy_string, " ".join(quote_terms), processor=None, score_cutoff=cutoff
    )
    score = round(base + W_FUZZY * fuzzy, 2)
    if score < min_score or not matched:
        return None
    parts = {
        "coverage": round(coverage, 4),
        "precision": round(precision, 4),
        "token_set_ratio": round(fuzzy, 2),
        "bm25": round(bm25, 3),
    }
    corrections = {qt.word: qt.term for qt in claim.terms if qt.word != qt.term and qt.term in matched}
    return Hit(quote_id, score, SCORER, parts, tuple(matched), corrections)


def highlight_spans(text: str, matched_terms) -> tuple[tuple[int, int], ...]:
    """Character spans of `text` holding matched terms; neighbours joined across stop words into phrases."""
    wanted = set(matched_terms)
    spans: list[list[int]] = []
    for term, start, end in term_spans(text):
        if term not in wanted:
            continue
        if spans and start <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], end)
        elif spans and _only_glue(text[spans[-1][1] : start]):
            spans[-1][1] = end
        else:
            spans.append([start, end])
    return tuple((s, e) for s, e in spans)


def _only_glue(gap: str) -> bool:
    """True when the text between two matched words is punctuation, spaces or stop words only."""
    if len(gap) > 40:
        return False
    words = normalize(gap).split()
    return all(w in STOP_WORDS for w in words)
