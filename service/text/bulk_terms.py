"""Term ids of many texts at once, for bulk index builds: the same terms as `content_terms`, cheaper.

Texts that fold to ASCII (no links or hashtags) have their numbers and the words that may join them
cut out for the full normaliser (the chunk kinds of `service.text.term_cache` decide which), and
the rest tokenised many texts at once with one regex, each token mapped to its term id by a dict.
tests/text/test_term_cache.py checks with hypothesis that the terms are exactly `content_terms`.
"""

from __future__ import annotations

import re
from itertools import repeat

import numpy as np

from service.text.normalize import (
    TERM_CACHE_LIMIT,
    drop_apostrophes,
    fold,
    has_links_or_hashtags,
    read_words,
    term_of,
)
from service.text.number_spelling import NUMBER_LINK_WORDS, NUMBER_WORDS
from service.text.term_cache import NUMBER_CHUNK, PLAIN, chunk_kind

_ASCII_WORD = re.compile(r"[a-z]+(?:'[a-z]+)*|0")  # normalize's ASCII tokens; "0" separates texts
_NUMBERS = "|".join(sorted(NUMBER_WORDS | NUMBER_LINK_WORDS, key=len, reverse=True))
# On lower-cased ASCII text: a chunk holding a digit, "$", "%" or a number or linking word, or one of
# punctuation only; and runs of such chunks, which the full normaliser reads together.
_CONTEXT_CHUNK = rf"(?:\S*?(?:[0-9$%]|(?<![a-z])(?:{_NUMBERS})(?![a-z]))\S*|[^\sa-z]+)(?!\S)"
_CONTEXT_RUN = re.compile(rf"(?<!\S){_CONTEXT_CHUNK}(?:\s+{_CONTEXT_CHUNK})*")
_DIGIT_OR_SIGN = re.compile(r"[0-9$%]")
_HAS_NUMBER = re.compile(rf"[0-9$%]|(?<![a-z])(?:{'|'.join(NUMBER_WORDS)})(?![a-z])")
_SEPARATOR, _STOP, _CONTEXT, _MISSING, _SEVERAL = -1, -2, -3, -4, -5
# Punctuation to spaces, so splitting on spaces gives mostly single words: faster than a findall.
_SPACED = str.maketrans({chr(c): " " for c in range(128) if not ("a" <= chr(c) <= "z" or chr(c) in "'0")})


class WordTerms:
    """Term ids of many texts at once, for bulk builds: one regex over a batch, one dict lookup a word.

    A text's numbers, with the chunks they may join, are cut out and read by the full normaliser;
    the rest of every text in the batch is tokenised together. Terms come out per text, in no
    particular order (the index counts them; it does not read their order).
    """

    def __init__(self, term_id):
        self._term_id = term_id  # term -> id, adding new terms to the caller's vocabulary
        self._ids: dict[str, int] = {"0": _SEPARATOR}  # text between spaces -> term id, or a marker below 0
        self._several: dict[str, list[int]] = {}  # text between spaces that holds several words

    @staticmethod
    def folded(text: str) -> str | None:
        """The text as `batch` takes it (folded to ASCII), or None when it must go the full way."""
        if has_links_or_hashtags(text):
            return None  # rewritten before folding: the full normaliser reads them
        folded = fold(text)  # curly quotes, dashes and accents folded: most news text ends up ASCII
        return folded if folded.isascii() else None

    def _learn(self, piece: str) -> int:
        """The id for a piece of text between spaces: one word's term, or a marker (see _tokenise)."""
        found = [self._word_id(token) for token in _ASCII_WORD.findall(piece)]
        if len(found) == 1:
            self._ids[piece] = found[0]
        elif not found:
            self._ids[piece] = _STOP  # punctuation only
        else:
            self._ids[piece] = _SEVERAL  # "a--b": rare; its words are kept in _several
            self._several[piece] = found
        return self._ids[piece]

    def _word_id(self, token: str) -> int:
        if token == "0":
            return _SEPARATOR
        word = drop_apostrophes(token)
        if word in NUMBER_WORDS:
            return _CONTEXT  # "for'ty" reads as forty: the text needs the number path
        term = term_of(word)
        return self._term_id(term) if term else _STOP

    def _cut_numbers(self, number: int, text: str, extra: list[tuple[int, int]], near_digits=True) -> str:
        """The text without its number runs, whose term ids go to `extra` as (text number, id)."""
        spans = _number_runs(text, near_digits)
        runs, kept, last, numbers = [], [], 0, False
        for start, end in spans:
            # The whitespace either side too: "$3m " is millions, "$3m" ending the text is not.
            words, seen = _first_pass(text[max(start - 1, 0) : end + 1])
            numbers = numbers or seen
            runs.append(words)
            kept.append(text[last:start])
            last = end
        kept.append(text[last:])
        for words in runs:
            if numbers and words:  # one number anywhere sends every word through the second pass
                words = _first_pass(" ".join(words))[0]
            extra.extend((number, self._term_id(term)) for term in map(term_of, words) if term)
        return " ".join(kept)

    def batch(self, folded: list[str]) -> tuple[np.ndarray, np.ndarray, list[int]]:
        """(text number per term, term ids) of texts given as `folded` returns them, and those not handled.

        Texts listed as not handled have no terms here: read them with `content_terms`.
        """
        extra: list[tuple[int, int]] = []
        texts = list(folded)
        for number, text in enumerate(texts):
            if _DIGIT_OR_SIGN.search(text):
                texts[number] = self._cut_numbers(number, text, extra)
        text_of, ids, context = self._tokenise(texts)
        # A number word away from digits ("forty", "a thousand") shows as a context token: read again,
        # every chunk's kind looked at this time.
        again, handed_back = context, []
        parts = [(text_of, ids)]
        if again:
            redo = set(again)
            extra = [pair for pair in extra if pair[0] not in redo]
            retry = [self._cut_numbers(n, folded[n], extra, near_digits=False) for n in again]
            text_of, ids, context = self._tokenise(retry)
            parts.append((np.array(again, dtype=np.int64)[text_of], ids))
            handed_back = [again[i] for i in context]
        if extra:
            pairs = np.array(extra, dtype=np.int64)
            parts.append((pairs[:, 0], pairs[:, 1]))
        text_of = np.concatenate([part[0] for part in parts])
        ids = np.concatenate([part[1] for part in parts])
        if handed_back:
            keep = ~np.isin(text_of, handed_back)
            text_of, ids = text_of[keep], ids[keep]
        return text_of, ids, sorted(handed_back)

    def _tokenise(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray, list[int]]:
        """(text number, term id) of each content word, and the texts holding a context token (left out)."""
        tokens = " 0 ".join(texts).translate(_SPACED).split()
        get = self._ids.get
        ids = np.fromiter(map(get, tokens, repeat(_MISSING)), dtype=np.int64, count=len(tokens))
        missing = np.flatnonzero(ids == _MISSING)
        if len(missing):
            learned = {token: self._learn(token) for token in {tokens[i] for i in missing.tolist()}}
            ids[missing] = [learned[tokens[i]] for i in missing.tolist()]
        text_of = np.cumsum(ids == _SEPARATOR)
        several = np.flatnonzero(ids == _SEVERAL)
        if len(several):  # pieces of several words: their words added at the end
            words = [
                (text, i) for p in several.tolist() for text in [text_of[p]] for i in self._several[tokens[p]]
            ]
            pairs = np.array(words, dtype=np.int64)
            text_of, ids = np.concatenate([text_of, pairs[:, 0]]), np.concatenate([ids, pairs[:, 1]])
        context = np.unique(text_of[ids == _CONTEXT])
        keep = ids >= 0
        if len(context):
            keep &= ~np.isin(text_of, context)
        return text_of[keep], ids[keep], context.tolist()


_PASSES: dict[str, tuple[list[str], bool]] = {}  # number runs repeat ("40,000", "to 30,000"): passes cached


def _first_pass(text: str) -> tuple[list[str], bool]:
    found = _PASSES.get(text)
    if found is None:
        if len(_PASSES) >= TERM_CACHE_LIMIT // 4:
            _PASSES.clear()
        found = _PASSES[text] = read_words(text)
    return found


def _number_runs(text: str, near_digits: bool = True) -> list[tuple[int, int]]:
    """(start, end) of each run of number and linking chunks that holds a number, in a folded text."""
    if "  " in text or not text.isprintable() or text[:1] == " " or text[-1:] == " ":
        # Other spacing than single spaces: the slower regex, which reads any whitespace.
        return [m.span() for m in _CONTEXT_RUN.finditer(text) if _HAS_NUMBER.search(m[0])]
    if not near_digits:
        return _runs_of_every_chunk(text)
    spans: list[tuple[int, int]] = []
    for m in _DIGIT_OR_SIGN.finditer(text):
        at = m.start()
        if spans and at <= spans[-1][1]:
            continue  # inside the run already found
        start, end = text.rfind(" ", 0, at) + 1, text.find(" ", at)
        end = len(text) if end < 0 else end
        while start > 0:  # take in the chunks before that may join the number ("a", "$", "(")
            before = text.rfind(" ", 0, start - 1) + 1
            if chunk_kind(text[before : start - 1]) == PLAIN:
                break
            start = before
        while end < len(text):  # and those after ("thousand", "to", "per", "cent")
            after = text.find(" ", end + 1)
            after = len(text) if after < 0 else after
            if chunk_kind(text[end + 1 : after]) == PLAIN:
                break
            end = after
        if spans and start <= spans[-1][1] + 1:
            start = spans.pop()[0]  # two numbers in one run ("5 to 10")
        spans.append((start, end))
    return spans  # a run of number words without digits is found by its tokens (see batch)


def _runs_of_every_chunk(text: str) -> list[tuple[int, int]]:
    """_number_runs from the kind of every chunk: also finds runs of number words without digits."""
    chunks = text.split(" ")
    kinds = [chunk_kind(chunk) for chunk in chunks]
    spans, i, n, position = [], 0, len(chunks), 0  # position: where chunk i starts
    while i < n:
        if kinds[i] == PLAIN:
            position += len(chunks[i]) + 1
            i += 1
            continue
        j, end = i, position
        while j < n and kinds[j] != PLAIN:
            end += len(chunks[j]) + 1
            j += 1
        if NUMBER_CHUNK in kinds[i:j]:
            spans.append((position, end - 1))
        position, i = end, j
    return spans
