"""What a speech verb's object reports, read off the parse: orders told, calls made, questions put.

"told residents not to drink", "called for the governor to resign", "called on the regime to disarm",
"asked whether the pier would reopen": who is to do what, or what was asked.
"""

from __future__ import annotations

from service.extraction.attribution.parse import entities
from service.extraction.attribution.parsed_speaker import span_of
from service.extraction.cues import wordset

QUESTION_WORDS = wordset("whether if why how what when where who")
_MIN_CLAUSE_WORDS = 3


def told_to(verb, listener) -> tuple[int, int] | None:
    """ "told residents not to drink the water": who is told to do what (a bare "told the Ledger" is not)."""
    orders = [
        c
        for c in verb.children
        if c.dep_ == "xcomp"
        and c.i > listener.i
        and any(t.lower_ == "to" and t.dep_ == "aux" for t in c.lefts)
    ]
    gaps = [c for c in verb.children if c.i < verb.i and c.lower_ in ("what", "which", "whatever")]
    if not orders or gaps or any(t.i < verb.i for t in orders[0].subtree):
        return None  # "what a partner told him to do": the order is a gap the relative pronoun fills
    return span_of([listener.left_edge, orders[0].right_edge])


def governed_after(verb, head) -> list:
    """The verb's dependents after `head` (infinitives, prepositions, clauses), up to a joined verb."""
    tokens = []
    for child in sorted((c for c in verb.children if c.i > head.right_edge.i), key=lambda t: t.i):
        if child.dep_ in ("cc", "conj", "punct") or child.dep_ == "advcl" and child.tag_ == "VBG":
            break  # "... and said", ", saying ...": a verb or participle of its own
        tokens += list(child.subtree)
    return tokens


def called_to(verb, children) -> tuple[int, int] | None:
    """ "called for the governor to resign", "called on the regime to disarm": who is to do what."""
    for clause in children:
        marks = [t for t in clause.children if t.dep_ == "mark" and t.lower_ == "for"]
        if clause.dep_ in ("advcl", "ccomp", "xcomp") and clause.i > verb.i and marks:
            return span_of(sorted((t for t in clause.subtree if t.i != marks[0].i), key=lambda t: t.i))
    called_on = [c for c in children if c.dep_ == "prep" and c.lower_ in ("on", "upon") and c.i > verb.i]
    if called_on:  # never "called on Tuesday to ..."
        dates = _dates(verb.doc)
        called_on = [c for c in called_on if not any(t.i in dates for t in c.subtree)]
    infinitive = [c for c in children if c.dep_ == "xcomp" and any(t.lower_ == "to" for t in c.lefts)]
    if called_on and infinitive and infinitive[0].i > called_on[0].i:  # never "called on Tuesday"
        return span_of([*list(called_on[0].subtree)[1:], *infinitive[0].subtree])
    return None


def _dates(doc) -> set[int]:
    """Indices of the tokens inside a date or time the recogniser found."""
    return {t.i for e in entities(doc) if e.label_ in ("DATE", "TIME") for t in e}


def names_object(token) -> bool:
    """The complement that says what a naming verb's object is called: "a disgrace", "as a breach"."""
    if token.dep_ in ("oprd", "xcomp", "ccomp", "attr"):
        return not any(t.lower_ == "to" and t.dep_ == "aux" for t in token.lefts)  # "called police to report"
    return token.dep_ in ("prep", "advcl") and any(t.lower_ == "as" for t in (token, token.left_edge))


def question_asked(verb, children, objects) -> tuple[int, int] | None:
    """What was asked: "whether ...", "the council to ...", "to preserve them", "a question about ..."."""
    clause = [c for c in children if c.dep_ in ("xcomp", "advcl", "ccomp") and c.i > verb.i]
    if clause and clause[0].left_edge.lower_ in QUESTION_WORDS:
        return span_of(list(clause[0].subtree))
    infinitive = [c for c in clause if c.dep_ == "xcomp" and any(t.lower_ == "to" for t in c.lefts)]
    if infinitive:  # "asked Republican leaders to disavow him", "was asked to preserve them"
        to = infinitive[0]
        first = objects[0].left_edge if objects and objects[0].i < to.i else to.left_edge
        return first.idx, infinitive[0].right_edge.idx + len(infinitive[0].right_edge.text)
    passive = any(c.dep_ == "nsubjpass" for c in children)
    if passive and objects and len(list(objects[0].subtree)) >= _MIN_CLAUSE_WORDS:
        return span_of(list(objects[0].subtree))  # "was asked a question about police violence"
    return None
