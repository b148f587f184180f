"""Where a speech verb's clause lies when the parse does not hang it as the verb's complement.

A tag set off by commas ("Mr. Hale, officials said, has ...") is parsed as an aside of the sentence's
verb, and a clause's subject after the cue ("said about half of the gain reflected ...") is sometimes
parsed as the cue's own prepositional phrase, which leaves the clause with no subject.
"""

from __future__ import annotations

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"})
_MIN_WORDS = 5  # words of a statement around a tag


def subject_misread(verb, clause):
    """ "said about half of the gain reflected ...": the clause's subject parsed as the verb's own phrase."""
    between = sorted((c for c in verb.children if verb.i < c.i < clause.left_edge.i), key=lambda t: t.i)
    if (
        not between
        or between[0].left_edge.i != verb.i + 1
        or between[-1].right_edge.i + 1 != clause.left_edge.i
    ):
        return None
    tokens = [t for c in between for t in c.subtree]
    if any(t.is_punct or t.lower_ == "that" for t in tokens):
        return None  # "said on Friday, ...", "told them that ...": the verb's own adjuncts and objects
    if not any(t.pos_ in ("NOUN", "PROPN", "NUM", "PRON") for t in tokens):
        return None
    return between[0].left_edge


def between_commas(verb) -> bool:
    """A speaker and cue set off by commas inside a sentence: "Mr. Hale, officials said, has ..."."""
    words = [t for t in verb.subtree if not t.is_punct]
    doc = verb.doc
    first, last = words[0].i, words[-1].i
    return first > 0 and last + 1 < len(doc) and doc[first - 1].text == "," and doc[last + 1].text == ","


def around_tag(doc, verb) -> tuple[int, int] | None:
    """The statement around a tag before its verb: the whole sentence when the subject comes before the tag
    ("Mr. Hale, officials said, has ..."), else what follows it ("In the end, she said, voters ...")."""
    head = verb.head
    words = [t for t in verb.subtree if not t.is_punct]
    if any(c.dep_ in _SUBJECTS and c.i < verb.i for c in head.children):
        tokens = [t for t in doc if not t.is_punct]
    else:
        tokens = [t for t in doc if t.i > words[-1].i + 1 and not t.is_punct]
    if len(tokens) < _MIN_WORDS:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
