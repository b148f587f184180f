"""BM25 candidates from the main segment without touching every posting or every document.

The claim's rarest terms are accumulated exactly into a dense float32 scratch array (one per
thread, zeroed again after use); once their postings pass a budget, the commoner terms only adjust
the best few hundred candidates by binary search in their sorted postings. Work is proportional
to the postings read, never to the number of statements.
"""

from __future__ import annotations

import numpy as np

from service.search.index.segment import IMPACT_LEVELS, K1, Segment


def main_candidates(
    main: Segment,
    weighted: list[tuple[int, float]],
    pool: int,
    acc: np.ndarray,
    budget: int,
    allowed: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray, bool]:
    """Doc numbers and BM25 scores of the best `pool` live, `allowed` documents; and whether that is all."""
    by_rarity = sorted(weighted, key=lambda tw: main.df(tw[0]))
    exact, later, used = [], [], 0
    for term_id, weight in by_rarity:
        df = main.df(term_id)
        if not exact or used + df <= budget:
            exact.append((term_id, weight))
            used += df
        else:
            later.append((term_id, weight))
    unit = (K1 + 1) / IMPACT_LEVELS
    touched = []
    for term_id, weight in exact:
        docs, impacts = main.postings(term_id)
        acc[docs] += impacts * np.float32(weight * unit)  # no doc twice within one term's postings
        touched.append(docs)
    docs = np.concatenate(touched) if touched else np.zeros(0, np.int32)
    scores = acc[docs]
    # One entry per document: write each entry's position (the last write wins) and keep the entries
    # that read their own position back.
    positions = np.arange(len(docs), dtype=np.float32)
    acc[docs] = positions
    first = acc[docs] == positions
    acc[docs] = 0
    docs, scores = docs[first], scores[first]
    alive = ~main.deleted[docs]
    if allowed is not None:
        alive &= allowed[docs]
    docs, scores = docs[alive], scores[alive]
    exhausted = not later and len(docs) <= pool
    if len(docs) > 4 * pool:
        best = np.argpartition(-scores, 4 * pool)[: 4 * pool]
        docs, scores = docs[best], scores[best]
    for term_id, weight in later:
        postings, impacts = main.postings(term_id)
        at = np.minimum(np.searchsorted(postings, docs), len(postings) - 1)
        found = postings[at] == docs
        scores[found] += impacts[at[found]] * np.float32(weight * unit)
    top = np.argsort(-scores, kind="stable")[:pool]
    return docs[top], scores[top], exhausted
