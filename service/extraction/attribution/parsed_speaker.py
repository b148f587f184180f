"""Who speaks, read off the parse: a speech verb's subject, or the subject it shares, as a mention."""

from __future__ import annotations

from service.extraction.attribution.parse import entities
from service.extraction.cues import ANONYMITY_RE, ORG_NOUNS, TITLE_WORDS, wordset
from service.extraction.speakers.mention_words import Mention
from service.extraction.speakers.mentions import parse_mention

_PRONOUNS = wordset("he she they it He She They It")
_RELATIVES = wordset("who which that whom Who Which That")
_CUT_DEPS = frozenset({"relcl", "acl", "punct", "cc"})  # parts of a subject's subtree that are no mention
_GROUP_PRONOUNS = wordset("those some many others most several few both all half none")
_SHARED_SUBJECT_REACH = 4  # verbs up the tree a coordinated verb or participle may borrow a subject from


def span_of(tokens) -> tuple[int, int]:
    """Character offsets (in the parsed text) from the first token's start to the last token's end."""
    first, last = tokens[0], tokens[-1]
    return first.idx, last.idx + len(last.text)


def questioner(doc, verb, base: int) -> Mention | None:
    """Who put a question no subject names: a passive's agent ("was asked by the committee"), else None."""
    dates = {t.i for e in entities(doc) if e.label_ in ("DATE", "TIME") for t in e}
    for child in verb.children:
        if child.dep_ == "agent" or child.dep_ == "prep" and child.lower_ == "by":
            objects = [t for t in child.children if t.dep_ == "pobj" and t.i not in dates]
            found = mention_for(doc, objects[0], base) if objects else None
            if found is not None:
                return found
    return None


def subject_of(verb):
    """The token that heads who is speaking: the verb's subject, or the subject it shares with another."""
    seen = 0
    while verb is not None and seen < _SHARED_SUBJECT_REACH:
        seen += 1
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects and subjects[0].dep_ == "nsubj":
            subject = subjects[0]
            if subject.lower_ in _RELATIVES and verb.dep_ == "relcl":
                return verb.head  # "the treasurer, who said ...": the noun the clause hangs from
            return subject
        if subjects:
            return None  # a passive ("was told that ..."): the speaker is elsewhere or nobody
        if verb.dep_ == "relcl" or verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ != "VERB":
            return verb.head  # "the mayor ..., saying that ..." read as a noun's participle
        if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head is not verb:
            # "Ramos urged ... and said ...", "... , saying ...", "went on to say ...": the head's subject.
            if verb.dep_ == "advcl" and verb.tag_ != "VBG" and not _purpose(verb):
                return None  # ("took to Twitter to say ...": the purpose shares its head's subject)
            verb = verb.head
            continue
        return None
    return None


def _purpose(verb) -> bool:
    """An infinitive of purpose: "to say", with "to" as its marker (the head's subject does the saying)."""
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _cut(child) -> bool:
    """A part of a subject's subtree that is no mention: a clause, or an aside after a comma."""
    if child.dep_ in _CUT_DEPS:
        return True
    before = child.doc[child.left_edge.i - 1] if child.left_edge.i > 0 else None
    return child.dep_ in ("prep", "advmod", "npadvmod") and before is not None and before.text == ","


def mention_for(doc, head, base: int) -> Mention | None:
    """The speaker mention a subject token heads, read by the mention grammar or else from the parse."""
    cut = {t.i for c in head.children if c.i > head.i and _cut(c) for t in c.subtree}
    tokens = [t for t in head.subtree if t.i not in cut]
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ == "cc"):
        tokens.pop()
    while tokens and tokens[0].is_punct:
        tokens.pop(0)
    if not tokens:
        return None
    start, end = span_of(tokens)
    phrase = doc.text[start:end]
    mention = parse_mention(phrase, base + start)
    if mention is not None:
        return mention
    if head.text in _PRONOUNS:
        return Mention(head.text, base + head.idx, "pronoun")
    if head.pos_ == "PROPN":
        chain = [t for t in head.lefts if t.dep_ in ("compound", "flat") and t.pos_ == "PROPN"]
        while chain and chain[0].lower_.strip(".") in TITLE_WORDS:
            chain.pop(0)  # "Minister" in "Oil Minister Tariq al-Fadhli" is the role
        first = chain[0] if chain else head
        name = doc.text[first.idx : head.idx + len(head.text)]
        role_words = [t.text for t in tokens if t.i < first.i and t.dep_ != "det"]
        role = " ".join(role_words) or None
        bodies = [e for e in entities(doc) if e.label_ in ("ORG", "GPE", "NORP")]
        kind = "org" if any(head in e for e in bodies) else "name"
        return Mention(phrase, base + start, kind, name, role if kind == "name" else None)
    if head.lower_ in _GROUP_PRONOUNS or head.pos_ == "NUM":  # "those surveyed say", "four in 10 said"
        return Mention(phrase, base + start, "description", phrase, phrase, True, False)
    if head.pos_ != "NOUN":
        return None
    first = tokens[0].lower_
    definite = first in ("the", "his", "her", "their", "its") or tokens[0].dep_ == "poss"
    plural = head.tag_ == "NNPS" or head.tag_ == "NNS"
    name = phrase[len(tokens[0].text) :].strip() if first in ("the", "a", "an") else phrase
    if head.lower_ in ORG_NOUNS:  # "An observer mission from the Organization of American States"
        return Mention(phrase, base + start, "org", name, None, False, definite)
    anonymous = plural or not definite or bool(ANONYMITY_RE.search(phrase))
    return Mention(phrase, base + start, "description", name, name, anonymous, definite)
