"""Where a speech verb's clause lies when the parse does not hang it as the verb's complement.

A relative clause whose pronoun is the subject of what was said ("a plan that supporters said was
overdue") states that of the noun it hangs from: the statement runs from the pronoun. A tag set off
by commas ("Mr. Hale, officials said, has ...") is parsed as an aside of the sentence's verb, and a
clause's subject after the cue ("said about half of the gain reflected ...") is sometimes parsed as
the cue's own prepositional phrase, which leaves the clause with no subject.
"""

from __future__ import annotations

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"})
_GAP_PRONOUNS = frozenset({"which", "that", "who", "whom"})
_ON_RECORD_TAGS = frozenset({"VBD", "VBN"})  # "which officials said", "which she has repeatedly said"
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


def gap_relative(verb):
    """The pronoun opening a relative clause of a speech verb whose clause lacks its subject, the
    clause's last token (a verb joined after it, "and critics called ...", is not said) and the speaker's
    token, or None.

    "changes, which officials said will take effect": "which" is what will take effect, and the verb's
    own subject ("officials") is who said so.
    """
    if verb.dep_ != "relcl" or verb.tag_ not in _ON_RECORD_TAGS:
        return None  # (a present "which critics say ..." is a standing view the writer cites in passing)
    first = verb.left_edge
    if first.lower_ not in _GAP_PRONOUNS or first.i >= verb.i:
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i > first.i]
    if not subjects or subjects[0].lower_ in _GAP_PRONOUNS:
        return None  # "officials who said ...": the pronoun is the speaker, read as a shared subject
    clauses = [
        c
        for c in verb.children
        if c.i > verb.i
        and (c.dep_ == "ccomp" or c.dep_ == "xcomp" and not any(t.lower_ == "to" for t in c.lefts))
    ]  # (an infinitive, "vowed to ignore", is an intention; "say have weakened" is read as xcomp too)
    if not clauses or clauses[0].pos_ not in ("VERB", "AUX"):
        return None  # "the levy that Ruiz described": no clause said of the pronoun
    if any(c.dep_ in _SUBJECTS and c.lower_ not in _GAP_PRONOUNS for c in clauses[0].children):
        return None  # "the plan that Ruiz said the council approved": the clause has a subject of its own
    # A verb joined after the clause, or a conjunct with a subject of its own ("and critics called it a
    # burden"), is no longer what was said.
    joined = [c for c in verb.children if c.dep_ in ("cc", "conj") and c.i > clauses[0].i]
    joined += [t for t in verb.subtree if t.dep_ == "conj" and t.i > clauses[0].i and _new_clause(t)]
    last = verb.right_edge if not joined else verb.doc[min(c.left_edge.i for c in joined) - 1]
    while last.i > clauses[0].i and (last.is_punct or last.dep_ == "cc"):
        last = verb.doc[last.i - 1]
    return first, last, subjects[0]


def _new_clause(conj) -> bool:
    """A conjunct that starts a clause of its own: a subject of its own, or a comma and no conjunction
    before it (", drew few complaints": the sentence's own verb, read by the parse as a conjunct)."""
    if any(c.dep_ in _SUBJECTS for c in conj.children):
        return True
    before = conj.doc[conj.left_edge.i - 1] if conj.left_edge.i > 0 else None
    return before is not None and before.text == ","
