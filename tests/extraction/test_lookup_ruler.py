"""LookupRuler leaves every token as spaCy's AttributeRuler would, on the model's own rules and on others."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.tokens import Doc

from service.extraction.attribution import parse
from service.extraction.attribution.lookup_ruler import LookupRuler, compile_ruler

_COLUMNS = [POS, TAG, DEP, HEAD, MORPH, LEMMA]


def _annotations(doc) -> list:
    return [*doc.to_array(_COLUMNS).tolist(), [str(t.morph) for t in doc], [t.lemma_ for t in doc]]


def _model_ruler():
    return parse.pipeline().get_pipe("attribute_ruler")


def _words_in_rules(ruler) -> list[str]:
    words = set()
    for rule in ruler.patterns:
        for pattern in rule["patterns"]:
            for spec in pattern:
                value = spec.get("LOWER")
                words.update([value] if isinstance(value, str) else (value or {}).get("IN", []))
    return sorted(words)


def test_the_models_rules_are_all_read():
    assert isinstance(compile_ruler(_model_ruler()), LookupRuler)


# Sentences of our own that reach many of the rules: pronouns in each case, auxiliaries and main-verb
# "do"/"have", "there is", "that" as relative, determiner and conjunction, contractions, spaces.
SENTENCES = [
    "There is no plan, and there were never any, the mayor said.",
    "I told them we ain't gonna sign it, and she said you gotta wait, y'all.",
    "Let's be clear: he did his part, they had the votes, and it has been done.",
    "The council said that the bridge, which it had closed, would reopen; that was the plan.",
    "She's said nothin' about 'em, but I'd have asked her myself if I could.",
    "Those who voted did so because they wanted change,  officials  said.\n\nThey didn't say more.",
    "Something is wrong, anyone can see it, and nobody here doubts that these numbers are off.",
]


def test_parse_gives_every_token_what_the_full_pipeline_gives():
    nlp = parse.pipeline()
    full = list(nlp.pipe(SENTENCES, disable=["ner"]))
    for whole, doc in zip(full, parse.parse_all(SENTENCES), strict=True):
        assert _annotations(doc) == _annotations(whole)


def _doc(vocab, words, tags, deps):
    return Doc(vocab, words=words, tags=tags, deps=deps, heads=[0] * len(words))


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_same_attributes_as_the_ruler_on_random_tokens(data):
    """Any words (those the rules name above all), any tags and dependencies: the same result."""
    ruler = _model_ruler()
    nlp = parse.pipeline()
    pool = _words_in_rules(ruler) + ["There", "I", "It", "said", "Mayor", "  ", "\n"]
    size = data.draw(st.integers(1, 12))
    words = data.draw(st.lists(st.sampled_from(pool), min_size=size, max_size=size))
    tags = data.draw(st.lists(st.sampled_from(nlp.get_pipe("tagger").labels), min_size=size, max_size=size))
    deps = data.draw(st.lists(st.sampled_from(nlp.get_pipe("parser").labels), min_size=size, max_size=size))
    expected = ruler(_doc(nlp.vocab, words, tags, deps))
    assert _annotations(LookupRuler(ruler)(_doc(nlp.vocab, words, tags, deps))) == _annotations(expected)


def _custom_ruler(patterns):
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(patterns)
    return nlp, ruler


def test_a_later_rule_wins_and_a_negative_index_counts_from_the_end():
    nlp, ruler = _custom_ruler(
        [
            {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}},
            {"patterns": [[{"LOWER": "pier"}]], "attrs": {"POS": "PROPN", "LEMMA": "Pier"}},
            {"patterns": [[{"LOWER": "the"}, {"TAG": "NN"}]], "attrs": {"POS": "X"}, "index": -1},
            {"patterns": [[{"LOWER": {"REGEX": "^b"}}]], "attrs": {"LEMMA": "b-word"}},
            {"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE"}},
        ]
    )
    words, tags = ["the", "pier", "and", "bridge", " ", "pier"], ["DT", "NN", "CC", "NN", "_SP", "NN"]
    lookup = compile_ruler(ruler)
    assert lookup is not None
    got = lookup(_doc(nlp.vocab, words, tags, ["dep"] * 6))
    assert _annotations(got) == _annotations(ruler(_doc(nlp.vocab, words, tags, ["dep"] * 6)))
    assert [t.pos_ for t in got] == ["", "X", "", "NOUN", "SPACE", "PROPN"]
    assert got[3].lemma_ == "b-word"


@pytest.mark.parametrize(
    "pattern",
    [
        [{"ORTH": "Pier"}],  # an attribute it does not read
        [{"LOWER": "pier", "OP": "+"}],  # a quantifier
        [{"LOWER": {"FUZZY": "pier"}}],  # an operator it does not know
    ],
)
def test_rules_beyond_it_leave_the_component_in_charge(pattern):
    _, ruler = _custom_ruler([{"patterns": [pattern], "attrs": {"POS": "NOUN"}}])
    assert compile_ruler(ruler) is None
