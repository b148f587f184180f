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

from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz

from service.models import Speaker
from service.search import calibration
from service.search.index import Hit
from service.search.provenance import SAME_STATEMENT_MIN, same_statement, statement_key

_DIGITS = str.maketrans("", "", "0123456789")
KIN_LOOKS_ALIKE = 50.0  # fuzz.ratio as typed below which two texts are no copies of one statement


def speaker_key(speaker: Speaker | str | None) -> str | None:
    """The surname two statements must share to come from one speaker; None for unnamed sources."""
    if isinstance(speaker, Speaker):
        if speaker.anonymous:
            return None
        speaker = speaker.name
    words = (speaker or "").lower().split()
    return words[-1] if words else None


@lru_cache(maxsize=8192)  # the same statements recur across a claim's pairs and across claims
def _words(text: str) -> str:
    return statement_key(text).translate(_DIGITS)


def same_words(a: str, b: str) -> bool:
    """One statement, whatever its figures say: copies, or the same words with other figures."""
    # Copies, reworded or trimmed to 60% of the longer, are far above half alike as typed: reading
    # their figures (the costly part) is for the few pairs that are.
    if not fuzz.ratio(a.lower(), b.lower(), score_cutoff=KIN_LOOKS_ALIKE):
        return False
    if fuzz.ratio(_words(a), _words(b), score_cutoff=SAME_STATEMENT_MIN):
        return True  # the cheap test first: most copies are caught here
    return same_statement(a, b)


def kin(texts: Sequence[str], speakers: Sequence[str | None], by_speaker: bool = True) -> np.ndarray:
    """`kin[i, j]`: statements i and j do not compete (one statement's copies, or one speaker's)."""
    n = len(texts)
    out = np.eye(n, dtype=bool)
    for i in range(n):
        for j in range(i + 1, n):
            same = by_speaker and speakers[i] is not None and speakers[i] == speakers[j]
            out[i, j] = out[j, i] = same or same_words(texts[i], texts[j])
    return out


def leads_by(blends: np.ndarray, related: Callable[[int, int], bool]) -> np.ndarray:
    """`calibration.leads` with kin asked for pair by pair, best rivals first, only as far as needed.

    Each candidate needs only its best rival that is not kin: for all but the best candidate that is
    usually the best one, so a claim's dozen candidates cost a dozen or so comparisons, not 66.
    """
    order = np.argsort(-blends, kind="stable")
    out = np.zeros(len(blends))
    for i in range(len(blends)):
        if blends[i] <= calibration.NULL_RIVAL:
            continue  # no rival is weaker than the null one: no lead
        best = calibration.NULL_RIVAL
        for j in order:
            if blends[j] <= best:
                break
            if j != i and not related(i, int(j)):
                best = blends[j]
                break
        out[i] = min(calibration.LEAD_RANGE, max(0.0, blends[i] - best))
    return out


def with_leads(
    hits: list[Hit],
    texts: Sequence[str],
    speakers: Sequence[str | None],
    by_speaker: bool = True,
    named: Sequence[bool] | None = None,
    semantic: bool = True,
) -> list[Hit]:
    """The hits rescored with their leads (parts gain "lead"): by `calibration.hybrid_score`, or
    with embeddings off (`semantic` False) by `calibration.lexical_score`, the lexical score standing
    in for the blend.

    `named[i]`: statement i is by the speaker the claim names (its rivals are such statements only).

    With embeddings on, hits without a cosine (no vector yet) keep their score: they are not
    comparable with the blends. Hits without a calibrated lexical part keep theirs in either mode.
    """
    needed = "semantic" if semantic else "lexical"
    scored = [i for i, h in enumerate(hits) if needed in h.parts]
    if not scored:
        return list(hits)
    if semantic:
        blends = np.array(
            [calibration.blend(hits[i].parts["lexical"], hits[i].parts["semantic"]) for i in scored]
        )
    else:
        blends = np.array([hits[i].parts["lexical"] / 100 for i in scored])
    top = np.argsort(-blends, kind="stable")[: calibration.LEAD_CANDIDATES]
    lead = np.zeros(len(scored))  # below the best few, the best is a rival they trail
    texts_top = [texts[scored[i]] for i in top]
    speakers_top = [speakers[scored[i]] for i in top]
    named_top = [bool(named[scored[i]]) for i in top] if named is not None else None

    def related(i: int, j: int) -> bool:
        if named_top is not None and named_top[i] and not named_top[j]:
            return True  # the claim names i's speaker: others do not compete with i
        same = by_speaker and speakers_top[i] is not None and speakers_top[i] == speakers_top[j]
        return same or same_words(texts_top[i], texts_top[j])

    lead[top] = leads_by(blends[top], related)
    out = list(hits)
    for k, i in enumerate(scored):
        hit = hits[i]
        parts = {**hit.parts, "lead": round(float(lead[k]), 4)}
        if semantic:
            score = calibration.hybrid_score(parts["lexical"], parts["semantic"], float(lead[k]))
        else:
            score = calibration.lexical_score(parts["lexical"], float(lead[k]))
        out[i] = replace(hit, score=score, parts=parts)
    return out
