"""What a score means: an estimate, in percent, that the statement is the claim's source.

Two numbers describe a candidate: the lexical score (0-100, weighted word overlap, `index.scoring`)
and the cosine similarity of the MiniLM vectors of claim and statement. They are blended linearly
(W_SEMANTIC on the meaning side, chosen for MAP@5 on CheckThat! 2021 train) and the blend goes
through a logistic curve fitted on labelled pairs: each CheckThat! train claim's ten best
candidates, labelled by whether the fact-checkers named the statement as that claim's source.
So a score of 80 means that of the candidates scoring about 80 there, about 80% were the source;
a list cut at `DEFAULT_MIN_SCORE` holds sources in the share stated beside it. With embeddings off
the lexical score alone goes through its own fitted curve, so the scale means the same.
`bench/calibrate_score.py` refits every constant here and prints reliability tables for train
and dev.
"""

from __future__ import annotations

import math

HYBRID_SCORER = "claimtrace.hybrid"
LEXICAL_SCORER = "claimtrace.weighted_overlap"

W_SEMANTIC = 0.55
HYBRID_SLOPE, HYBRID_OFFSET = 12.269, -7.727
LEXICAL_SLOPE, LEXICAL_OFFSET = 5.516, -4.399


def blend(lexical: float, cosine: float) -> float:
    """The linear blend of a lexical score (0-100) and a cosine similarity, on a 0-1 scale."""
    return (1 - W_SEMANTIC) * lexical / 100 + W_SEMANTIC * cosine


def _percent(x: float) -> float:
    return round(100.0 / (1.0 + math.exp(-x)), 2)


def hybrid_score(lexical: float, cosine: float) -> float:
    """The calibrated 0-100 score of a candidate with both numbers."""
    return _percent(HYBRID_SLOPE * blend(lexical, cosine) + HYBRID_OFFSET)


def lexical_score(lexical: float) -> float:
    """The calibrated 0-100 score from the lexical score alone (embeddings off, or no vector yet)."""
    return _percent(LEXICAL_SLOPE * lexical / 100 + LEXICAL_OFFSET)


def lexical_floor(min_score: float) -> float:
    """The lowest lexical score whose calibrated score (embeddings off) reaches `min_score`."""
    if min_score <= 0:
        return 0.0
    if min_score >= 100:
        return 100.0
    logit = math.log(min_score / (100 - min_score))
    return max(0.0, 100 * (logit - LEXICAL_OFFSET) / LEXICAL_SLOPE - 0.01)  # rounding of scores
