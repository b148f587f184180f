"""WordFinder finds exactly what the alternation of its words finds, match for match."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.extraction.attribution.parsed import _TRIGGERS, SPEECH_WORD_RE
from service.extraction.attribution.word_finder import WordFinder

WORDS = ["said", "say", "says", "told", "warned", "spoke", "according"]
FINDER = WordFinder(WORDS)
PATTERN = re.compile(r"\b(?:" + "|".join(sorted(WORDS, key=len, reverse=True)) + r")\b", re.I)

# Pieces that make the edges hard: words that hold a listed word, other scripts, case-folding oddities
# (the Kelvin sign folds to k, the long s to s), digits and underscores (word characters), marks.
PIECES = [
    *WORDS,
    "Said",
    "SAYS",
    "sayings",
    "unsaid",
    "said_",
    "said2",
    "saidé",
    "ſaid",
    "ſays",
    "spo\u212ae",
    "\u212a",
    "é",
    "x",
    "_",
    "7",
    " ",
    ",",
    ".",
    "'",
    "\u2019",
    "-",
    "\u201c",
    "\n",
]


def _spans(matches) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in matches]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=14), st.integers(0, 60), st.integers(0, 60))
def test_same_matches_as_the_alternation(pieces, pos, endpos):
    text = "".join(pieces)
    assert _spans(FINDER.finditer(text)) == _spans(PATTERN.finditer(text))
    assert _spans(FINDER.finditer(text, pos, endpos)) == _spans(PATTERN.finditer(text, pos, endpos))
    found, wanted = FINDER.search(text, pos), PATTERN.search(text, pos)
    assert (found and found.span()) == (wanted and wanted.span())


@pytest.mark.parametrize(
    ("text", "pos", "expected"),
    [
        ("The mayor said it would reopen.", 0, ["said"]),
        ("The mayor SAID it; aides Told reporters.", 0, ["SAID", "Told"]),
        ("An unsaid rule, sayings and said_ are no cues.", 0, []),
        ("xsaid, then said", 1, ["said"]),  # a search from inside a word does not start a word there
        ("x said", 1, ["said"]),
    ],
)
def test_whole_words_only(text, pos, expected):
    assert [m.group() for m in FINDER.finditer(text, pos)] == expected


@pytest.mark.parametrize("words", [["according to", "said"], ["re-elected", "said"], ["a.m.", "said"]])
def test_words_a_lookup_cannot_stand_for_are_found_by_the_alternation(words):
    finder = WordFinder(words)
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.I)
    text = "Ortiz, re-elected at 9 a.m., said so, according to aides; unsaid, re-electedx."
    assert _spans(finder.finditer(text)) == _spans(pattern.finditer(text))
    assert _spans(finder.finditer(text, 3, 40)) == _spans(pattern.finditer(text, 3, 40))


def test_an_empty_list_is_refused():
    with pytest.raises(ValueError):
        WordFinder([])


def test_speech_words_gate_finds_what_its_alternation_finds():
    """The parser's gate, on sentences of our own: the same words at the same places as the old regex."""
    pattern = re.compile(r"\b(?:" + "|".join(_TRIGGERS) + r")\b", re.I)
    sentences = [
        "Regional officials said on Tuesday that the bridge would reopen, adding that tolls would stay.",
        "The council, which had warned of delays, ARGUED the claims were false, according to a memo.",
        "Critics who asked not to be named told the Ledger the plan was “dead,” Ortiz insisted.",
        "Nothing in this sentence is a cue: the sayings of the unsaid remain unsaid.",
    ]
    for text in sentences:
        assert _spans(SPEECH_WORD_RE.finditer(text)) == _spans(pattern.finditer(text))
        assert _spans(SPEECH_WORD_RE.finditer(text, 5, len(text) - 3)) == _spans(
            pattern.finditer(text, 5, len(text) - 3)
        )
