"""How far each statement found for a claim stands out from its rivals, and the score that follows.

`calibration` explains why: a claim's source usually stands clear of the other statements found
for it, while a claim nobody made finds a crowd of statements on its subject. Rivals are the other
candidates except *kin*: copies of the same statement (`provenance.same_statement`: one quote
reprinted by several outlets), the same words with other figures (one statement misreported: which
figure is right is the comparison's finding, as it is for the claim's own figures) and statements
by the same named speaker (one person repeating a message does not compete with it; speakers are
told apart by surname, as provenance does, since one article's "Harbour Master Annelies Vermeer"
is another's "Annelies Vermeer"). Where the search is already narrowed to one speaker, only
copies are kin, or every candidate would lead with no rival at all. Where the claim names who
spoke, a statement by that speaker competes only with others by whoever the claim names: the
attribution is evidence that statements by anyone else are not the source (they still compete
with one another).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np
from rapidfuzz import fuzz

from service.models import Speaker
from service.search import calibration
from service.search.index import Hit
from service.search.provenance import SAME_STATEMENT_MIN, same_statement, statement_key

_DIGITS = str.maketrans("", "", "0123456789")


def speaker_key(speaker: Speaker | str | None) -> str | None:
    """The surname two statements must share to come from one speaker; None for unnamed sources."""
    if isinstance(speaker, Speaker):
        if speaker.anonymous:
            return None
        speaker = speaker.name
    words = (speaker or "").lower().split()
    return words[-1] if words else None


def same_words(a: str, b: str) -> bool:
    """One statement, whatever its figures say: copies, or the same words with other figures."""
    if same_statement(a, b):
        return True
    a_words, b_words = (statement_key(t).translate(_DIGITS) for t in (a, b))
    return bool(fuzz.ratio(a_words, b_words, score_cutoff=SAME_STATEMENT_MIN))


def kin(texts: Sequence[str], speakers: Sequence[str | None], by_speaker: bool = True) -> np.ndarray:
    """`kin[i, j]`: statements i and j do not compete (one statement's copies, or one speaker's)."""
    n = len(texts)
    out = np.eye(n, dtype=bool)
    for i in range(n):
        for j in range(i + 1, n):
            same = by_speaker and speakers[i] is not None and speakers[i] == speakers[j]
            out[i, j] = out[j, i] = same or same_words(texts[i], texts[j])
    return out


def with_leads(
    hits: list[Hit],
    texts: Sequence[str],
    speakers: Sequence[str | None],
    by_speaker: bool = True,
    named: Sequence[bool] | None = None,
) -> list[Hit]:
    """The hits rescored by `calibration.hybrid_score` with their leads (parts gain "lead").

    `named[i]`: statement i is by the speaker the claim names (its rivals are such statements only).

    Hits without a cosine (no vector yet, or embeddings off) keep their score: their curve has no lead.
    """
    scored = [i for i, h in enumerate(hits) if "semantic" in h.parts]
    if not scored:
        return list(hits)
    blends = np.array(
        [calibration.blend(hits[i].parts["lexical"], hits[i].parts["semantic"]) for i in scored]
    )
    order = np.argsort(-blends, kind="stable")
    top = order[: calibration.LEAD_CANDIDATES]
    lead = np.zeros(len(scored))  # below the best few, the best is a rival they trail
    related = kin([texts[scored[i]] for i in top], [speakers[scored[i]] for i in top], by_speaker)
    if named is not None:
        by_named = np.array([bool(named[scored[i]]) for i in top])
        related |= by_named[:, None] & ~by_named[None, :]
    lead[top] = calibration.leads(blends[top], related)
    out = list(hits)
    for k, i in enumerate(scored):
        hit = hits[i]
        parts = {**hit.parts, "lead": round(float(lead[k]), 4)}
        score = calibration.hybrid_score(parts["lexical"], parts["semantic"], float(lead[k]))
        out[i] = replace(hit, score=score, parts=parts)
    return out
