"""The 0-100 score of one candidate statement against a claim, its parts, and highlight spans.

Why a score is high: the statement contains the claim's *rare* content words. Each claim term
weighs its IDF, so shared stop words count for nothing and shared common words for little;
`coverage` is the share of the claim's weight found in the statement (a speaker-name match counts
half, since "Putin said ..." names who spoke rather than what was said), `precision` the share
of the statement's weight that the claim accounts for, and RapidFuzz's `token_set_ratio` over the
two stemmed content-word strings rewards the same words regardless of order and repetition. The
parts are ratios, so the score means the same on ten statements or a million.

Figures are slots: a claim's number that a statement does not hold counts against it only when the
statement holds no other number to fill the slot. Each of the statement's unmatched figures fills
one of the claim's unmatched ones (the heaviest first), whatever its value (that is judged by
comparison, not by retrieval): SLOT_SHARE of those claim figures' weight leaves the coverage
denominator and of the statement's unmatched figures' weight its precision, and the claim's
figures leave the fuzzy string. A claim's attribution words are optional terms: they count
where a statement holds them (in its text, or in its speaker's name at SPEAKER_SHARE) and are
left out of the score of one that does not, so they can raise a score and never dilute it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz, process

from service.text.normalize import STOP_WORDS, normalize, term_spans

SCORER = "claimtrace.weighted_overlap"
W_COVERAGE, W_PRECISION, W_FUZZY = 0.5, 0.25, 0.25
SPEAKER_SHARE = 0.5
SLOT_SHARE = 1.0  # how much of a claim figure a statement's different figure excuses (1: all of it)


@dataclass(frozen=True)
class QueryTerm:
    """One distinct content term of the claim as the index sees it."""

    term: str  # the index term (a stem, or a canonical number), typo-corrected where needed
    word: str  # the claim's own term before correction
    weight: float  # IDF times the similarity of a typo correction
    term_id: int | None = None  # None for a word no statement uses
    optional: bool = False  # an attribution word: counts where a statement holds it, else left out


@dataclass(frozen=True)
class ClaimQuery:
    """A claim prepared once for scoring every candidate."""

    text: str
    terms: tuple[QueryTerm, ...]
    fuzzy_string: str  # the claim's terms, space-joined, for token_set_ratio
    total_weight: float
    slot_fuzzy_string: str = ""  # the same without numbers, for statements holding other figures


@dataclass(frozen=True)
class Candidate:
    """A statement retrieval proposed: its distinct text term ids, speaker terms and BM25 score."""

    quote_id: int
    term_ids: np.ndarray
    speaker_terms: frozenset[str]
    bm25: float


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
    required = [t for t in terms if not t.optional]
    total = sum(t.weight for t in required)
    words = " ".join(t.term for t in required if not _is_figure(t.term))
    return ClaimQuery(text, tuple(terms), " ".join(t.term for t in required), total, words)


def _is_figure(term: str) -> bool:
    """Normalised numbers are the only terms that start with a digit ("40000", "2.5")."""
    return term[:1].isdigit()


def score_candidates(
    claim: ClaimQuery,
    candidates: list[Candidate],
    idf,
    vocabulary: list[str],
    min_score: float,
    figures: Callable[[np.ndarray], np.ndarray] | None = None,
) -> list[Hit]:
    """Score every candidate at once (numpy for the weighted parts); those below `min_score` are dropped.

    `figures(term ids)` says which terms are figures (Vocabulary.figures); without it they are read
    from `vocabulary`.
    """
    if claim.total_weight <= 0 or not candidates:
        return []
    known = sorted((qt.term_id, qt.weight) for qt in claim.terms if qt.term_id is not None)
    claim_ids = np.array([k for k, _ in known] or [-1], dtype=np.int64)
    claim_weights = np.array([w for _, w in known] or [0.0])
    count = len(candidates)
    lengths = [len(c.term_ids) for c in candidates]
    flat = np.concatenate([c.term_ids for c in candidates]).astype(np.int64)
    owner = np.repeat(np.arange(count), lengths)
    at = np.minimum(np.searchsorted(claim_ids, flat), len(claim_ids) - 1)
    in_claim = claim_ids[at] == flat
    weights = idf(flat)
    found = np.bincount(owner, np.where(in_claim, claim_weights[at], 0.0), minlength=count)
    shared = np.bincount(owner, np.where(in_claim, weights, 0.0), minlength=count)
    total = np.bincount(owner, weights, minlength=count)
    # Python floats from here on: the same doubles, without numpy's per-scalar overhead in the loop.
    found, shared, total = found.tolist(), shared.tolist(), total.tolist()
    ends = np.cumsum(lengths).tolist()
    # The claim terms each statement holds, in its own order, as strings (a few per statement).
    held_ends = np.cumsum(np.bincount(owner[in_claim], minlength=count)).tolist()
    held_terms = list(map(vocabulary.__getitem__, flat[in_claim].tolist()))
    slots = [qt for qt in claim.terms if _is_figure(qt.term) and not qt.optional]
    if slots:
        # Each statement's figures that are not the claim's: how many, and their summed weight
        # (bincount adds in order, as a running sum over them would).
        if figures is not None:
            figure = figures(flat)
        else:
            distinct, where = np.unique(flat, return_inverse=True)
            figure = np.array([_is_figure(vocabulary[t]) for t in distinct.tolist()], dtype=bool)[where]
        other = figure & ~in_claim
        other_figures = np.bincount(owner, other, minlength=count).tolist()
        other_weight = np.bincount(owner, np.where(other, weights, 0.0), minlength=count).tolist()
    optional = [qt for qt in claim.terms if qt.optional]
    corrected = [(qt.word, qt.term) for qt in claim.terms if qt.word != qt.term]  # typos the index fixed
    # The weighted parts of every candidate first; the fuzzy part after, one batch per claim string.
    ready, held_start = [], 0
    for i, cand in enumerate(candidates):
        matched = held_terms[held_start : held_ends[i]]
        held_start = held_ends[i]
        matched_set = set(matched)
        by_speaker = (
            [qt for qt in claim.terms if qt.term in cand.speaker_terms and qt.term not in matched_set]
            if cand.speaker_terms
            else []
        )
        if not (matched or by_speaker):
            continue
        claim_total, own_total, fuzzy_string = claim.total_weight, total[i], claim.fuzzy_string
        # The statement's other figures fill the claim's unmatched figure slots, one each, whatever they say.
        figures = int(other_figures[i]) if slots else 0
        missing = [qt.weight for qt in slots if qt.term not in matched_set] if figures else []
        if missing:
            claim_total -= SLOT_SHARE * sum(sorted(missing, reverse=True)[:figures])
            own_total -= SLOT_SHARE * other_weight[i]
            fuzzy_string = claim.slot_fuzzy_string
        if optional:  # attribution words count where this statement holds them, and only there
            held = [qt for qt in optional if qt.term in matched_set]
            claim_total += sum(qt.weight for qt in held)
            claim_total += SPEAKER_SHARE * sum(qt.weight for qt in by_speaker if qt.optional)
            fuzzy_string = " ".join([fuzzy_string, *(qt.term for qt in held)])
        if claim_total <= 0:
            continue
        coverage = (found[i] + SPEAKER_SHARE * sum(qt.weight for qt in by_speaker)) / claim_total
        precision = shared[i] / own_total if own_total > 0 else 0.0
        base = 100 * (W_COVERAGE * coverage + W_PRECISION * precision)
        # The fuzzy part only has to make up what the weighted parts leave short of min_score.
        cutoff = max(0.0, (min_score - base) / W_FUZZY) if min_score > 0 else 0.0
        if cutoff > 100:
            continue
        own = " ".join(map(vocabulary.__getitem__, flat[ends[i] - lengths[i] : ends[i]].tolist()))
        ready.append((i, matched, by_speaker, coverage, precision, base, cutoff, fuzzy_string, own))
    fuzzy = _token_set_ratios([(r[7], r[8]) for r in ready])
    hits = []
    for (i, matched, by_speaker, coverage, precision, base, cutoff, _, _), ratio in zip(
        ready, fuzzy, strict=True
    ):
        ratio = ratio if ratio >= cutoff else 0.0  # as token_set_ratio(..., score_cutoff=cutoff) reads
        score = round(float(base + W_FUZZY * ratio), 2)
        if score < min_score:
            continue
        cand = candidates[i]
        matched = matched + [qt.term for qt in by_speaker]
        parts = {
            "coverage": round(float(coverage), 4),
            "precision": round(float(precision), 4),
            "token_set_ratio": round(ratio, 2),
            "bm25": round(cand.bm25, 3),
        }
        corrections = {word: term for word, term in corrected if term in matched} if corrected else {}
        hits.append(Hit(cand.quote_id, score, SCORER, parts, tuple(matched), corrections))
    return hits


def _token_set_ratios(pairs: list[tuple[str, str]]) -> list[float]:
    """fuzz.token_set_ratio of each (claim string, statement string) pair, a claim string's pairs in one
    call (rapidfuzz splits and sorts a string once per call, and loops over the statements in C++)."""
    out = [0.0] * len(pairs)
    by_claim: dict[str, list[int]] = {}
    for k, (claim_string, _) in enumerate(pairs):
        by_claim.setdefault(claim_string, []).append(k)
    for claim_string, where in by_claim.items():
        ratios = process.cdist(
            [claim_string],
            [pairs[k][1] for k in where],
            scorer=fuzz.token_set_ratio,
            processor=None,
            dtype=np.float64,
            workers=1,
        )[0].tolist()
        for k, ratio in zip(where, ratios, strict=True):
            out[k] = ratio
    return out


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
