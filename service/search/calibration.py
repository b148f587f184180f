"""What a score means: an estimate, in percent, that the statement is the claim's source.

Three numbers describe a candidate: the lexical score (0-100, weighted word overlap,
`index.scoring`), the cosine similarity of the MiniLM vectors of claim and statement, and its *lead*:
how far it stands out from the statements that compete with it for the claim. The first two are
blended linearly (W_SEMANTIC on the meaning side, chosen for MAP@5 on CheckThat! 2021 train). The
lead is the candidate's blend minus the best blend among its rivals (`rivals`): the other
candidates, except copies of the same statement and statements by the same speaker, which repeat
one message rather than compete with it. A claim's source usually stands clear of its rivals; a
claim about something nobody said finds a crowd of statements on its subject at similar blends
(every candidate has at least a NULL_RIVAL, so a store too small for a crowd proves nothing).
The lead counts in proportion to the blend (standing out among statements that barely resemble the
claim says little) and only when positive, up to LEAD_RANGE (trailing a rival is no evidence
against: the rival may be the source's own paraphrase).

The logistic curve over blend and blend x lead is fitted on labelled pairs from CheckThat! 2021
train: each claim's ten best candidates, labelled by whether the fact-checkers named the statement
as the claim's source, and the same claims again with their sources taken out of the candidates
(all labelled not-a-source), so the estimate holds both for claims whose source is stored and for
claims whose source is not. A candidate scored alone (`hybrid_score` without a lead: the index's
own ranking) gets the estimate of one that leads nobody. With embeddings off the lexical score
stands in for the blend: its lead is read the same way and its own curve (over lexical and
lexical x lead) is fitted on the same claims as the service searches them in that mode (a
statement not yet encoded, beside encoded ones, is scored by that curve without a lead).
`bench/calibrate_score.py` refits every constant here and prints the reliability and precision on
train and dev.
"""

from __future__ import annotations

import math

import numpy as np

HYBRID_SCORER = "claimtrace.hybrid"
LEXICAL_SCORER = "claimtrace.weighted_overlap"

W_SEMANTIC = 0.55
HYBRID_BLEND, HYBRID_LEAD, HYBRID_OFFSET = 3.62, 53.67, -5.42
LEXICAL_BLEND, LEXICAL_LEAD, LEXICAL_OFFSET = 1.968, 26.385, -4.249
LEAD_RANGE = 0.3  # leads are clipped to 0..this: beyond it a statement stands clear anyway
LEAD_CANDIDATES = 12  # rivals are looked for among the best few; further down, the best is the rival
# Every candidate has at least this rival: a statement that merely shares the claim's subject blends
# at 0.2-0.3, so in a small store a statement with no real rival does not lead by its whole blend.
NULL_RIVAL = 0.3


def blend(lexical: float, cosine: float) -> float:
    """The linear blend of a lexical score (0-100) and a cosine similarity, on a 0-1 scale."""
    return (1 - W_SEMANTIC) * lexical / 100 + W_SEMANTIC * cosine


def leads(blends: np.ndarray, kin: np.ndarray) -> np.ndarray:
    """Each candidate's blend minus the best blend among its rivals, clipped to 0..LEAD_RANGE.

    `kin[i, j]` says candidate j is no rival of candidate i (copies, or one speaker); the best
    rival is never taken below NULL_RIVAL.
    """
    blends = np.asarray(blends, dtype=float)
    if not len(blends):
        return blends
    rivals = np.where(kin | np.eye(len(blends), dtype=bool), -np.inf, blends[None, :])
    best = np.maximum(rivals.max(axis=1), NULL_RIVAL)
    return np.clip(blends - best, 0.0, LEAD_RANGE)


def _percent(x: float) -> float:
    return round(100.0 / (1.0 + math.exp(-x)), 2)


def hybrid_score(lexical: float, cosine: float, lead: float = 0.0) -> float:
    """The calibrated 0-100 score of a candidate with both numbers and its lead over its rivals."""
    mixed = blend(lexical, cosine)
    lead = min(LEAD_RANGE, max(0.0, lead))
    return _percent(HYBRID_BLEND * mixed + HYBRID_LEAD * mixed * lead + HYBRID_OFFSET)


def lexical_score(lexical: float, lead: float = 0.0) -> float:
    """The calibrated 0-100 score from the lexical score and its lead (embeddings off, or no vector yet)."""
    mixed = lexical / 100
    lead = min(LEAD_RANGE, max(0.0, lead))
    return _percent(LEXICAL_BLEND * mixed + LEXICAL_LEAD * mixed * lead + LEXICAL_OFFSET)


def lexical_floor(min_score: float) -> float:
    """The lowest lexical score whose calibrated score without a lead (embeddings off) reaches `min_score`."""
    if min_score <= 0:
        return 0.0
    if min_score >= 100:
        return 100.0
    logit = math.log(min_score / (100 - min_score))
    return max(0.0, 100 * (logit - LEXICAL_OFFSET) / LEXICAL_BLEND - 0.01)  # rounding of scores
