"""Reported speech read off a dependency parse, for the sentences the patterns could not settle.

A speech verb's clausal complement is what was said ("Leading strategists say [the race is close]"),
its subject is who said it; coordinated verbs, participles (", saying ..."), relative clauses ("who said
...") and mid-sentence tags ("The delay, she argued, was ...") take the subject of the verb or noun they
hang from. Speech verbs with a noun or infinitive object ("denied the allegations", "urged the council
to wait", "called for a recount") report that object.
"""

from __future__ import annotations

import re

from service.extraction.attribution.parse import parse_all
from service.extraction.attribution.reported import DATELINE_RE, Reported, trim_clause
from service.extraction.cues import ANONYMITY_RE, ORG_NOUNS, SAY_VERBS, TITLE_WORDS, wordset
from service.extraction.speakers.mentions import Mention, parse_mention

# Speech verbs read off the parse: the patterns' verbs, and verbs that report with an object.
OBJECT_VERBS = wordset(
    "denied denies confirmed confirms announced announces acknowledged acknowledges admitted admits "
    "stressed stresses emphasized emphasised emphasizes urged urges demanded demands proposed proposes "
    "promised promises pledged pledges vowed vows predicted predicts suggested suggests "
    "disputed disputes reiterated reiterates"
)
# "called for a recount", "complained of delays", "asked about the pier", "warned of a shortage".
PREPOSITION_OBJECTS = {
    "called": "for",
    "calls": "for",
    "complained": "of",
    "complains": "of",
    "warned": "of",
    "warns": "of",
    "asked": "about",
    "asks": "about",
}
SPEECH_FORMS = SAY_VERBS | OBJECT_VERBS | frozenset(PREPOSITION_OBJECTS)
# Forms that are far more often plural nouns ("75 claims remain open"): they never make a sentence worth
# parsing on their own, though the parse still reads them as verbs where it sees one.
_NOUN_FORMS = wordset(
    "claims reports notes states tweets posts shows finds estimates remarks signals counters thought "
    "demands promises pledges disputes calls replies stresses highlights vows proposes"
)
_TRIGGERS = sorted(SPEECH_FORMS - _NOUN_FORMS, key=len, reverse=True)
# A sentence is worth parsing only when one of these words is in it (a cheap test before the parse).
SPEECH_WORD_RE = re.compile(r"\b(?:" + "|".join(_TRIGGERS) + r")\b")
_PRONOUNS = wordset("he she they it He She They It")
_RELATIVES = wordset("who which that whom Who Which That")
_CUT_DEPS = frozenset({"relcl", "acl", "punct", "cc"})  # parts of a subject's subtree that are no mention
_MIN_CLAUSE_WORDS = 3
_MIN_OBJECT_WORDS = 2
_NEGATIONS = wordset("not n't never no")
_QUESTION_WORDS = wordset("whether if why how what when where who")
_GROUP_PRONOUNS = wordset("those some many others most several few both")


def reported_in_sentences(text: str, spans: list[tuple[int, int]]) -> list[list[Reported]]:
    """For each sentence span of `text`, the reported statements its parse shows (often none)."""
    # "PORT ALBAN, Meridia (AP) — ...": the dateline is no part of the sentence's grammar (nor a speaker).
    spans = [(_after_dateline(text, s, e), e) for s, e in spans]
    docs = parse_all(text[s:e] for s, e in spans)
    return [_read(doc, s, text) for doc, (s, _) in zip(docs, spans, strict=True)]


def _after_dateline(text: str, start: int, end: int) -> int:
    dateline = DATELINE_RE.match(text, start, end)
    return dateline.end() if dateline else start


def _read(doc, base: int, text: str) -> list[Reported]:
    found: list[Reported] = []
    for verb in doc:
        if verb.lower_ not in SPEECH_FORMS or verb.pos_ not in ("VERB", "AUX"):
            continue
        if any(c.dep_ == "neg" or c.lower_ in _NEGATIONS for c in verb.children):
            continue  # "he did not say ...": nothing was stated
        if verb.dep_ in ("xcomp", "ccomp") and verb.head.lower_ in ("declined", "refused"):
            continue
        if verb.dep_ == "relcl" and not any(
            c.dep_ == "nsubj" and c.lower_ in _RELATIVES for c in verb.children
        ):
            continue  # "a plan that supporters said was overdue": the clause's subject is the gap
        content = _content(doc, verb)
        if content is None:
            continue
        subject = _subject(verb)
        mention = _mention(doc, subject, base) if subject is not None else None
        if mention is None:
            continue
        if verb.lower_ in ("reported", "reports") and mention.kind not in ("org", "name", "study"):
            continue  # "A caller reported that ...": a complaint logged, not a statement on record
        c_start, c_end = trim_clause(text, base + content[0], base + content[1])
        if c_end <= c_start or any(c_start < r.end and r.start < c_end for r in found):
            continue
        lead = text[base + doc[0].idx : c_start] + " " + text[c_end : base + len(doc.text)]
        cue = verb.text
        if verb.lower_ in PREPOSITION_OBJECTS and text[base + verb.idx : c_start].split()[1:]:
            cue = f"{verb.text} {PREPOSITION_OBJECTS[verb.lower_]}"  # "called for"
        found.append(Reported(c_start, c_end, mention, cue, " ".join(lead.split())))
    return found


def _span(tokens) -> tuple[int, int]:
    first, last = tokens[0], tokens[-1]
    return first.idx, last.idx + len(last.text)


def _content(doc, verb) -> tuple[int, int] | None:
    """Character offsets (in the sentence) of what the verb reports, or None."""
    children = list(verb.children)
    clause = [c for c in children if c.dep_ == "ccomp"]
    if clause and verb.lower_ in ("asked", "asks") and clause[0].left_edge.lower_ not in _QUESTION_WORDS:
        return None  # "asks that donations be made": a request; "asked whether ..." is a question put
    if clause:
        tokens = list(clause[0].subtree)
        if len(tokens) < _MIN_CLAUSE_WORDS or clause[0].pos_ not in ("VERB", "AUX"):
            return None  # "declared Quiroga the winner": a small clause with no verb is an object
        if clause[0].i > verb.i:
            # "said the memos held secrets, but most were routine": what the verb governs after the clause
            # (a second conjunct, a time) belongs to the statement; trim_clause cuts reporters' tails.
            return tokens[0].idx, verb.right_edge.idx + len(verb.right_edge.text)
        return _span(tokens)
    if verb.dep_ == "parataxis" and verb.i > verb.head.i:
        # "The delay, she argued, was the board's fault.": the sentence around the tag is the statement.
        words = [t for t in doc if not t.is_punct]
        return _span(list(doc)) if len(words) >= _MIN_CLAUSE_WORDS + 2 else None
    low = verb.lower_
    objects = [c for c in children if c.dep_ in ("dobj", "obj")]
    if low in OBJECT_VERBS and objects:
        tokens = list(objects[0].subtree)
        more = [c for c in children if c.dep_ in ("xcomp", "ccomp") and c.i > objects[0].i]
        if more:  # "urged the council to delay the vote"
            tokens = tokens + list(more[0].subtree)
        words = [t for t in tokens if not t.is_punct]
        if len(words) >= _MIN_OBJECT_WORDS and not all(t.pos_ == "PRON" for t in words):
            return _span(sorted(tokens, key=lambda t: t.i))
        return None
    preposition = PREPOSITION_OBJECTS.get(low)
    if preposition:
        preps = [c for c in children if c.dep_ == "prep" and c.lower_ == preposition]
        if preps and len(list(preps[0].subtree)) > _MIN_OBJECT_WORDS:
            return _span(list(preps[0].subtree)[1:])
    if low in ("asked", "asks"):
        clause = [c for c in children if c.dep_ in ("xcomp", "advcl") and c.i > verb.i]
        if clause and clause[0].left_edge.lower_ in _QUESTION_WORDS:
            return _span(list(clause[0].subtree))
    return None


def _subject(verb):
    """The token that heads who is speaking: the verb's subject, or the subject it shares with another."""
    seen = 0
    while verb is not None and seen < 4:
        seen += 1
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects and subjects[0].dep_ == "nsubj":
            subject = subjects[0]
            if subject.lower_ in _RELATIVES and verb.dep_ == "relcl":
                return verb.head  # "the treasurer, who said ...": the noun the clause hangs from
            return subject
        if subjects:
            return None  # a passive ("was told that ..."): the speaker is elsewhere or nobody
        if verb.dep_ == "relcl":
            return verb.head
        if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head is not verb:
            # "Ramos urged ... and said ...", "... , saying ...", "went on to say ...": the head's subject.
            if verb.dep_ == "advcl" and verb.tag_ != "VBG":
                return None
            verb = verb.head
            continue
        return None
    return None


def _mention(doc, head, base: int) -> Mention | None:
    """The speaker mention a subject token heads, read by the mention grammar or else from the parse."""
    cut = {t.i for c in head.children if c.dep_ in _CUT_DEPS and c.i > head.i for t in c.subtree}
    tokens = [t for t in head.subtree if t.i not in cut]
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ == "cc"):
        tokens.pop()
    while tokens and tokens[0].is_punct:
        tokens.pop(0)
    if not tokens:
        return None
    start, end = _span(tokens)
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
        kind = "org" if any(e.label_ in ("ORG", "GPE", "NORP") and head in e for e in doc.ents) else "name"
        return Mention(phrase, base + start, kind, name, role if kind == "name" else None)
    if head.lower_ in _GROUP_PRONOUNS:  # "those surveyed say", "many in the party said"
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
