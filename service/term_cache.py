"""Content terms through caches: the same terms as `normalize.content_terms`, a few times cheaper in bulk.

Zipfian news text repeats its words, so most of the normaliser's work can be remembered per word.
Two paths share that idea:

- `cached_terms(text)`: text between whitespace is a chunk ("Russia's", "(rebels),"). Most chunks mean
  the same wherever they stand, so their terms are cached by the raw chunk; only numbers and the words
  that can join a number ("a thousand", "5 to 10", "3 per cent", "5 k") are read together with the
  chunks around them through the full normaliser.
- `WordTerms` for bulk builds: ASCII texts (no links or hashtags) are lower-cased, their numbers and
  the words that may join them cut out for the full normaliser, and the rest tokenised many texts at
  once with one regex, each token mapped to its term id by a dict.

Both must give exactly `content_terms(text)`: tests/test_term_cache.py checks that with hypothesis.
"""

from __future__ import annotations

import re
from itertools import repeat

import numpy as np

from service.normalize import _NUMBER_WORDS, _TERM_CACHE_LIMIT, _fold, _pass, _word, content_terms, term_of

_PLAIN, _LINK, _NUMBER_CHUNK = 0, 1, 2
_LINK_WORDS = frozenset(["a", "one", "to", "per", "cent", "percent", "k", "m", "mln", "mn", "bn", "tn"])
_CHUNK_CACHE: dict[str, tuple[int, tuple[str, ...]]] = {}
_CHUNK = re.compile(r"\S+")
_LETTERS = re.compile(r"[^\W\d_]+")
_NUMBER_SIGNS = re.compile(r"[\d$€£%]")


def _classify(chunk: str) -> tuple[int, tuple[str, ...]]:
    """(kind, terms) of one chunk read on its own; the kind says whether its neighbours can change it."""
    folded = _fold(chunk)
    words = _pass(folded)[0]
    runs = _LETTERS.findall(folded)
    if _NUMBER_SIGNS.search(folded) or not (
        _NUMBER_WORDS.isdisjoint(words) and _NUMBER_WORDS.isdisjoint(runs)
    ):
        kind = _NUMBER_CHUNK
    elif not words or not runs or {words[0], words[-1], runs[0], runs[-1]} & _LINK_WORDS:
        kind = _LINK  # may join a number next to it; punctuation alone lets numbers meet across it
    else:
        kind = _PLAIN
    if len(_CHUNK_CACHE) >= _TERM_CACHE_LIMIT:
        _CHUNK_CACHE.clear()  # unbounded vocabularies (ids, typos) must not grow memory forever
    entry = _CHUNK_CACHE[chunk] = (kind, tuple(content_terms(chunk)))
    return entry


def cached_terms(text: str) -> list[str]:
    """`content_terms(text)`, from the per-chunk cache where no number is near."""
    get = _CHUNK_CACHE.get
    out: list[str] = []
    for chunk in text.split():
        entry = get(chunk) or _classify(chunk)
        if entry[0] == _NUMBER_CHUNK:
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
        if chunks[i][2][0] != _PLAIN:
            while j < n and chunks[j][2][0] != _PLAIN:
                j += 1
        if any(chunk[2][0] == _NUMBER_CHUNK for chunk in chunks[i:j]):
            # The whitespace either side too: "$3m " is millions, "$3m" at the very end is not (see _NUMBER).
            words, seen = _pass(_fold(text[max(chunks[i][0] - 1, 0) : chunks[j - 1][1] + 1]))
            numbers = numbers or seen
            runs.append(len(pieces))
            pieces.append(words)
        else:
            pieces.extend(chunk[2][1] for chunk in chunks[i:j])
        i = j
    for position in runs:
        words = pieces[position]
        if numbers and words:
            words = _pass(" ".join(words))[0]
        pieces[position] = [term for term in map(term_of, words) if term]
    return [term for piece in pieces for term in piece]


# A text with none of these reads word by word, apart from its numbers: _social leaves it alone.
_NEEDS_CONTEXT = re.compile(r"[#`]")
_ASCII_WORD = re.compile(r"[a-z]+(?:'[a-z]+)*|0")  # normalize's ASCII tokens; "0" separates texts
_NUMBERS = "|".join(sorted(_NUMBER_WORDS | _LINK_WORDS, key=len, reverse=True))
# On lower-cased ASCII text: a chunk holding a digit, "$", "%" or a number or linking word, or one of
# punctuation only; and runs of such chunks, which the full normaliser reads together.
_CONTEXT_CHUNK = rf"(?:\S*?(?:[0-9$%]|(?<![a-z])(?:{_NUMBERS})(?![a-z]))\S*|[^\sa-z]+)(?!\S)"
_CONTEXT_RUN = re.compile(rf"(?<!\S){_CONTEXT_CHUNK}(?:\s+{_CONTEXT_CHUNK})*")
_HAS_NUMBER = re.compile(rf"[0-9$%]|(?<![a-z])(?:{'|'.join(_NUMBER_WORDS)})(?![a-z])")
_SEPARATOR, _STOP, _CONTEXT, _MISSING = -1, -2, -3, -4


class WordTerms:
    """Term ids of many texts at once, for bulk builds: one regex over a batch, one dict lookup a word.

    A text's numbers, with the chunks they may join, are cut out and read by the full normaliser;
    the rest of every text in the batch is tokenised together. Terms come out per text, in no
    particular order (the index counts them; it does not read their order).
    """

    def __init__(self, term_id):
        self._term_id = term_id  # term -> id, adding new terms to the caller's vocabulary
        self._ids: dict[str, int] = {"0": _SEPARATOR}  # ASCII token -> term id, or a marker below 0

    @staticmethod
    def reads_word_by_word(text: str) -> bool:
        """Whether a text may go through `batch` (ASCII, no links, hashtags or backticks)."""
        return (
            text.isascii()
            and _NEEDS_CONTEXT.search(text) is None
            and "://" not in text
            and "www." not in text
        )

    def _learn(self, token: str) -> int:
        word = _word(token)
        if word in _NUMBER_WORDS:
            found = _CONTEXT  # "for'ty" reads as forty: the text needs the full path
        else:
            term = term_of(word)
            found = self._term_id(term) if term else _STOP
        self._ids[token] = found
        return found

    def _cut_numbers(self, number: int, text: str, extra: list[tuple[int, int]]) -> str:
        """The text without its number runs, whose term ids go to `extra` as (text number, id)."""
        runs, kept, last, numbers = [], [], 0, False
        for m in _CONTEXT_RUN.finditer(text):
            if _HAS_NUMBER.search(m[0]) is None:
                continue  # linking words with no number among them read as themselves
            # The whitespace either side too: "$3m " is millions, "$3m" at the very end is not (see _NUMBER).
            words, seen = _pass(text[max(m.start() - 1, 0) : m.end() + 1])
            numbers = numbers or seen
            runs.append(words)
            kept.append(text[last : m.start()])
            last = m.end()
        kept.append(text[last:])
        for words in runs:
            if numbers and words:  # one number anywhere sends every word through the second pass
                words = _pass(" ".join(words))[0]
            extra.extend((number, self._term_id(term)) for term in map(term_of, words) if term)
        return " ".join(kept)

    def batch(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray, list[int]]:
        """(text number per term, term ids) of texts that read word by word, and the texts not handled.

        Texts listed as not handled have no terms here: read them with `content_terms`.
        """
        extra: list[tuple[int, int]] = []
        lowered = [text.lower() for text in texts]
        for number, text in enumerate(lowered):
            if _HAS_NUMBER.search(text):
                lowered[number] = self._cut_numbers(number, text, extra)
        tokens = _ASCII_WORD.findall(" 0 ".join(lowered))
        get = self._ids.get
        ids = np.fromiter(map(get, tokens, repeat(_MISSING)), dtype=np.int64, count=len(tokens))
        missing = np.flatnonzero(ids == _MISSING)
        if len(missing):
            learned = {token: self._learn(token) for token in {tokens[i] for i in missing.tolist()}}
            ids[missing] = [learned[tokens[i]] for i in missing.tolist()]
        text_of = np.cumsum(ids == _SEPARATOR)
        context = np.unique(text_of[ids == _CONTEXT])
        keep = ids >= 0
        text_of, ids = text_of[keep], ids[keep]
        if extra:
            pairs = np.array(extra, dtype=np.int64)
            text_of, ids = np.concatenate([text_of, pairs[:, 0]]), np.concatenate([ids, pairs[:, 1]])
        if len(context):
            keep = ~np.isin(text_of, context)
            text_of, ids = text_of[keep], ids[keep]
        return text_of, ids, context.tolist()
