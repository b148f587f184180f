"""Content terms through caches: the same terms as `normalize.content_terms`, a few times cheaper in bulk.

Zipfian news text repeats its words, so most of the normaliser's work can be remembered per word.
Two paths share that idea:

- `cached_terms(text)`: text between whitespace is a chunk ("Russia's", "(rebels),"). Most chunks mean
  the same wherever they stand, so their terms are cached by the raw chunk; only numbers and the words
  that can join a number ("a thousand", "5 to 10", "3 per cent", "5 k") are read together with the
  chunks around them through the full normaliser.
- `WordTerms` for bulk builds (`service.text.bulk_terms`) reads many texts at once, the chunk kinds
  from here deciding which pieces go the full way.

Both must give exactly `content_terms(text)`: tests/text/test_term_cache.py checks that with hypothesis.
"""

from __future__ import annotations

import re

from service.text.normalize import (
    TERM_CACHE_LIMIT,
    content_terms,
    fold,
    read_words,
    term_of,
)
from service.text.number_spelling import NUMBER_LINK_WORDS, NUMBER_WORDS

PLAIN, LINK, NUMBER_CHUNK = 0, 1, 2  # kinds of chunk
_CHUNK_CACHE: dict[str, tuple[int, tuple[str, ...]]] = {}
_CHUNK = re.compile(r"\S+")
_LETTERS = re.compile(r"[^\W\d_]+")
_NUMBER_SIGNS = re.compile(r"[\d$€£%]")


def _classify(chunk: str) -> tuple[int, tuple[str, ...]]:
    """(kind, terms) of one chunk read on its own; the kind says whether its neighbours can change it."""
    folded = fold(chunk)
    words = read_words(folded)[0]
    runs = _LETTERS.findall(folded)
    if _NUMBER_SIGNS.search(folded) or not (NUMBER_WORDS.isdisjoint(words) and NUMBER_WORDS.isdisjoint(runs)):
        kind = NUMBER_CHUNK
    elif not words or not runs or {words[0], words[-1], runs[0], runs[-1]} & NUMBER_LINK_WORDS:
        kind = LINK  # may join a number next to it; punctuation alone lets numbers meet across it
    else:
        kind = PLAIN
    if len(_CHUNK_CACHE) >= TERM_CACHE_LIMIT:
        _CHUNK_CACHE.clear()  # unbounded vocabularies (ids, typos) must not grow memory forever
    entry = _CHUNK_CACHE[chunk] = (kind, tuple(content_terms(chunk)))
    return entry


def cached_terms(text: str) -> list[str]:
    """`content_terms(text)`, from the per-chunk cache where no number is near."""
    get = _CHUNK_CACHE.get
    out: list[str] = []
    for chunk in text.split():
        entry = get(chunk) or _classify(chunk)
        if entry[0] == NUMBER_CHUNK:
            return _terms_with_numbers(text)
        out += entry[1]
    return out


def _terms_with_numbers(text: str) -> list[str]:
    """Cached terms for plain chunks; each run of number and linking chunks read as one piece of text.

    A plain chunk can neither join a number nor let two numbers meet across it, so the runs between
    plain chunks are independent, except that one number anywhere sends every word through the
    second pass (as `normalized_words` does for the whole text).
    """
    chunks = [(m.start(), m.end(), _CHUNK_CACHE.get(m[0]) or _classify(m[0])) for m in _CHUNK.finditer(text)]
    pieces: list[tuple[str, ...] | list[str]] = []  # cached terms, or the first-pass words of a run
    runs: list[int] = []  # positions in `pieces` that hold words still to be turned into terms
    numbers = False
    i, n = 0, len(chunks)
    while i < n:
        j = i + 1
        if chunks[i][2][0] != PLAIN:
            while j < n and chunks[j][2][0] != PLAIN:
                j += 1
        if any(chunk[2][0] == NUMBER_CHUNK for chunk in chunks[i:j]):
            # The whitespace either side too: "$3m " is millions, "$3m" ending the text is not.
            words, seen = read_words(fold(text[max(chunks[i][0] - 1, 0) : chunks[j - 1][1] + 1]))
            numbers = numbers or seen
            runs.append(len(pieces))
            pieces.append(words)
        else:
            pieces.extend(chunk[2][1] for chunk in chunks[i:j])
        i = j
    for position in runs:
        words = pieces[position]
        if numbers and words:
            words = read_words(" ".join(words))[0]
        pieces[position] = [term for term in map(term_of, words) if term]
    return [term for piece in pieces for term in piece]


def chunk_kind(chunk: str) -> int:
    """PLAIN, LINK or NUMBER_CHUNK: whether a chunk can join a number beside it."""
    entry = _CHUNK_CACHE.get(chunk)
    return (entry or _classify(chunk))[0]
