"""Provenance: one statement carried by several articles is one group, first reported by the earliest.

`same_statement(a, b)` says whether two texts are the same statement (reworded slightly, numbers
written differently: "25-30 thousand" and "25-30,000"). `group_quotes(quotes, scores)` groups
stored statements; `provenance(quote, candidates)` gives the group one statement belongs to.

JSON shape of a group as the API reports it on a match or a quote:
  reported_in:    [{quote_id, article_id, outlet, original_outlet, published, title, url}],
                  earliest published first, unknown dates last
  first_reported: the first of reported_in (earliest published; an undated copy only when none is dated)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz

from service.models import Speaker, StoredArticle, StoredQuote
from service.text.normalize import QUOTE_FOLD
from service.text.numbers import canonical_form, respell_quantities

SAME_STATEMENT_MIN = 90.0  # fuzz.ratio of the normalised texts; rewordings of one quote score 92-100
EDITED_MIN = 80.0  # a lower ratio still counts when one copy's words nearly all appear in the other...
EDITED_TOKEN_SET_MIN = 95.0  # ...by fuzz.token_set_ratio
TRIMMED_MIN = 96.0  # fuzz.partial_ratio when one outlet carries only part of a quote
TRIMMED_SHARE = 0.6  # ...and that part is at least this share of the longer text
LETTER_BINS = 64  # characters are counted in this many bins to rule out partial matches cheaply


@dataclass(frozen=True)
class Report:
    """One article (or imported source) that carried the statement."""

    quote_id: int
    article_id: int | None
    outlet: str | None
    original_outlet: str | None
    published: str | None
    title: str | None
    url: str | None


@dataclass(frozen=True)
class QuoteGroup:
    """Copies of one statement: the representative shown, every copy, and where it was reported."""

    representative: StoredQuote
    quotes: tuple[StoredQuote, ...]  # every copy, in the order given
    reported_in: tuple[Report, ...]  # earliest published first, unknown dates last
    first_reported: Report | None  # the first of reported_in


@dataclass(frozen=True)
class _Key:
    texts: tuple[str, ...]  # without and with the [insertions]
    numbers: tuple[str, ...]
    lengths: tuple[int, int]  # of the shortest and the longest of texts
    letters: np.ndarray  # each text's characters counted in LETTER_BINS bins, a row per text (`_contained`)


@lru_cache(maxsize=8192)  # read for a claim's candidates twice: their keys here, their leads (`rivals`)
def _numbers_canonical(text: str) -> tuple[str, tuple[str, ...]]:
    """The text with every quantity in one spelling (dots kept as "_" through folding), and those sorted."""
    text = unicodedata.normalize("NFKC", text).translate(QUOTE_FOLD)
    spelled, spellings = respell_quantities(text, lambda q: canonical_form(q).replace(".", "_"))
    return spelled, tuple(sorted(s.replace("_", ".") for s in spellings))


def _fold(text: str, insertions: bool) -> str:
    text = re.sub(r"\[([^\]]*)\]", r" \1 " if insertions else " ", text).lower()
    text = re.sub(r"[^\w~<>%-]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def statement_key(text: str, insertions: bool = False) -> str:
    """The text as compared: numbers in one spelling, case and punctuation folded, editors' [insertions] out.

    With `insertions` the words inside square brackets stay (one outlet prints "[in Syria]",
    another "in Syria", a third nothing), so copies are compared both ways.
    """
    return _fold(_numbers_canonical(text)[0], insertions)


@lru_cache(maxsize=8192)  # a pure function of the text: the same statements recur across /match calls
def _key(text: str) -> _Key:
    canonical, numbers = _numbers_canonical(text)
    if "[" in canonical:  # an editor's [insertion]: compared without and with its words
        texts = tuple(dict.fromkeys((_fold(canonical, False), _fold(canonical, True))))
    else:
        texts = (_fold(canonical, False),)  # both foldings are the same text
    lengths = (min(map(len, texts)), max(map(len, texts)))
    return _Key(texts, numbers, lengths, np.stack([_letters(t) for t in texts]))


def _letters(text: str) -> np.ndarray:
    """The text's characters counted by code point modulo LETTER_BINS."""
    points = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    return np.bincount(points % LETTER_BINS, minlength=LETTER_BINS).astype(np.int32)


def _contained(rows: np.ndarray) -> list[list[bool]]:
    """`_contained_array` as nested lists (read pair by pair)."""
    return _contained_array(rows).tolist()


def _contained_array(rows: np.ndarray) -> np.ndarray:
    """[r][s]: whether text r may lie within text s as closely as TRIMMED_MIN asks (rows of `_letters`).

    Characters of the shorter text beyond what the longer holds are matched by no part of it, so
    against any part w, fuzz.ratio = 100 * 2 * common / (|s| + |w|) <= 100 * (1 - missing / (2 |s|
    - missing)): with more than a tenth of |s| missing that is under 95, below TRIMMED_MIN. Counting
    characters in bins only undercounts what is missing, so the test never turns a copy away.
    """
    missing = np.maximum(rows[:, None, :] - rows[None, :, :], 0).sum(axis=2)
    return missing <= 0.1 * rows.sum(axis=1)[:, None]


def _may_pair(keys: list[_Key], contained: np.ndarray, first_row: list[int]) -> list[list[bool]]:
    """[i][j]: whether some text of key i and some of key j pass `_same_text`'s tests of length and
    containment, which come before any string comparison; pairs that fail are never compared.

    A pair passes when the shorter is at least TRIMMED_SHARE of the longer and either at least 0.8
    of it (the ratio tests) or `contained` in it (the partial test; both ways on equal lengths).
    """
    lengths = np.array([len(t) for k in keys for t in k.texts], dtype=np.float64)
    shorter = np.minimum(lengths[:, None], lengths[None, :])
    longer = np.maximum(lengths[:, None], lengths[None, :])
    within = (contained & (lengths[:, None] <= lengths[None, :])) | (
        contained.T & (lengths[None, :] <= lengths[:, None])
    )
    rows = (shorter > 0) & (shorter >= TRIMMED_SHARE * longer) & ((shorter >= 0.8 * longer) | within)
    starts = first_row[:-1]
    by_key = np.logical_or.reduceat(np.logical_or.reduceat(rows, starts, axis=0), starts, axis=1)
    return by_key.tolist()


def _same(a: _Key, b: _Key, contained: list[list[bool]] | None = None, rows=(0, 0)) -> bool:
    """Whether two keys are one statement (`contained` of `_contained`: a from rows[0] on, b from rows[1])."""
    if contained is None:
        contained, rows = _contained(np.concatenate([a.letters, b.letters])), (0, len(a.texts))
    for r, x in enumerate(a.texts, rows[0]):
        for s, y in enumerate(b.texts, rows[1]):
            if _same_text(
                x, a.numbers, y, b.numbers, contained[s][r] if len(y) < len(x) else contained[r][s]
            ):
                return True
    return False


def _may_be_same(a: _Key, b: _Key) -> bool:
    """False where every pair of the two keys' texts differs in length beyond what `_same_text` accepts."""
    shortest_a, longest_a = a.lengths
    shortest_b, longest_b = b.lengths
    return longest_a >= TRIMMED_SHARE * shortest_b and longest_b >= TRIMMED_SHARE * shortest_a


def _same_text(
    a: str,
    a_numbers: tuple[str, ...],
    b: str,
    b_numbers: tuple[str, ...],
    may_contain: bool = True,
) -> bool:
    """Whether two folded texts are one statement; `may_contain` False: the shorter lies within the
    longer too loosely for TRIMMED_MIN (`_contained`)."""
    if not a or not b:
        return False
    # Most pairs differ in length too much for either test below: said before anything is sorted.
    (shorter, short_numbers), (longer, long_numbers) = (
        ((b, b_numbers), (a, a_numbers)) if len(b) < len(a) else ((a, a_numbers), (b, b_numbers))
    )
    if len(shorter) < TRIMMED_SHARE * len(longer):
        return False
    if len(shorter) >= 0.8 * len(longer) and a_numbers == b_numbers:
        # Below EDITED_MIN neither test passes: the cutoff lets rapidfuzz stop early.
        ratio = fuzz.ratio(a, b, score_cutoff=EDITED_MIN)
        if ratio >= SAME_STATEMENT_MIN:
            return True
        # An editor dropped or added a few words ("against the terrorist formations on the territory of").
        if ratio >= EDITED_MIN and fuzz.token_set_ratio(a, b) >= EDITED_TOKEN_SET_MIN:
            return True
    if not may_contain or not set(short_numbers) <= set(long_numbers):
        return False
    return bool(fuzz.partial_ratio(shorter, longer, score_cutoff=TRIMMED_MIN))


def same_statement(a_text: str, b_text: str) -> bool:
    """True when two texts are one statement: same figures, normalised ratio >= 90 or a few words edited."""
    return _same(_key(a_text), _key(b_text))


def _surname(speaker: Speaker) -> str | None:
    if speaker.anonymous or speaker.organisation or not speaker.name:
        return None
    return speaker.name.split()[-1].lower()


def _published_key(published: str | None) -> tuple[int, str]:
    return (0, published) if published else (1, "")


def first_reported(articles: Iterable[StoredArticle]) -> StoredArticle | None:
    """The earliest published of some articles; undated ones count only when none is dated."""
    return min(articles, key=lambda a: _published_key(a.published), default=None)


def report_of(quote: StoredQuote) -> Report:
    """Where one stored statement was published."""
    a = quote.article
    if a is None:
        return Report(quote.id, None, None, None, None, None, None)
    return Report(quote.id, a.id or None, a.outlet, a.original_outlet, a.published, a.title, a.url)


def _group(members: list[StoredQuote], scores: Mapping[int, float] | None) -> QuoteGroup:
    reports: dict[object, Report] = {}
    for quote in sorted(members, key=lambda q: _published_key(report_of(q).published)):
        report = report_of(quote)
        reports.setdefault(report.article_id or ("quote", quote.id), report)
    reported_in = tuple(reports.values())

    def rank(item: tuple[int, StoredQuote]) -> tuple:
        position, quote = item
        score = -(scores or {}).get(quote.id, 0.0)
        return score, _published_key(report_of(quote).published), position

    representative = min(enumerate(members), key=rank)[1]
    return QuoteGroup(representative, tuple(members), reported_in, reported_in[0] if reported_in else None)


def group_quotes(
    quotes: Iterable[StoredQuote], scores: Mapping[int, float] | None = None
) -> list[QuoteGroup]:
    """Group copies of the same statement; groups keep the order of their first member.

    The representative is the best-scored copy when `scores` (quote id -> score) is given,
    then the earliest published, then the first given.
    """
    quotes = list(quotes)
    keys = [_key(q.text) for q in quotes]
    first_row = [0]  # each key's first row in `contained`
    for key in keys:
        first_row.append(first_row[-1] + len(key.texts))
    contained_rows = _contained_array(np.concatenate([k.letters for k in keys])) if keys else None
    contained = contained_rows.tolist() if keys else []
    may_pair = _may_pair(keys, contained_rows, first_row) if keys else []
    parent = list(range(len(quotes)))
    # Copies may resolve the speaker differently; only two different named people keep them apart.
    surnames = [{_surname(q.speaker)} - {None} for q in quotes]

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(quotes)):
        pairs = may_pair[i]
        for j in range(i + 1, len(quotes)):
            if not pairs[j]:
                continue  # no two of their texts are alike enough in length and letters to compare
            ri, rj = root(i), root(j)
            if (
                ri != rj
                and _may_be_same(keys[i], keys[j])
                and len(surnames[ri] | surnames[rj]) <= 1
                and _same(keys[i], keys[j], contained, (first_row[i], first_row[j]))
            ):
                parent[rj] = ri
                surnames[ri] |= surnames[rj]
    members: dict[int, list[StoredQuote]] = {}
    for i, quote in enumerate(quotes):
        members.setdefault(root(i), []).append(quote)
    return [_group(group, scores) for group in members.values()]


def provenance(quote: StoredQuote, candidates: Iterable[StoredQuote]) -> QuoteGroup:
    """The group `quote` belongs to among `candidates` (e.g. the index's nearest statements to its text)."""
    others = [c for c in candidates if c.id != quote.id]
    return group_quotes([quote, *others])[0]  # groups keep the order of their first member: the quote
