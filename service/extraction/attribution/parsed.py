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
from service.extraction.attribution.parsed_clauses import (
    around_tag,
    between_commas,
    gap_relative,
    subject_misread,
)
from service.extraction.attribution.parsed_objects import (
    QUESTION_WORDS,
    called_to,
    governed_after,
    names_object,
    question_asked,
    told_to,
)
from service.extraction.attribution.parsed_speaker import mention_for, questioner, span_of, subject_of
from service.extraction.attribution.reported_span import DATELINE_RE, Reported, trim_clause
from service.extraction.attribution.word_finder import WordFinder
from service.extraction.cues import ANONYMITY_RE, FINDING_VERBS, SAY_VERBS, wordset

# Speech verbs read off the parse: the patterns' verbs, and verbs that report with an object.
OBJECT_VERBS = wordset(
    "denied denies confirmed confirms announced announces acknowledged acknowledges admitted admits "
    "stressed stresses emphasized emphasised emphasizes urged urges demanded demands proposed proposes "
    "promised promises pledged pledges vowed vows predicted predicts suggested suggests "
    "disputed disputes reiterated reiterates noted"
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
# "called for the governor to resign", "called on the regime to disarm": a demand of someone.
CALLING_VERBS = wordset("called calls call")
_CUE_PREPOSITIONS = {verb: ("for", "on", "upon") for verb in CALLING_VERBS} | {
    verb: (prep,) for verb, prep in PREPOSITION_OBJECTS.items() if verb not in CALLING_VERBS
}
# "called the plan a disgrace", "branded the move a breach", "described the levy as fair": an object and
# what it is called (a complement is required: "described his visit" reports no view).
NAMING_VERBS = wordset(
    "called calls call labeled labelled branded dubbed termed described describes describe"
)
# Participles that report (", saying ...", "calling it ..."): read like the finite verb.
PARTICIPLES = wordset(
    "saying telling adding noting arguing warning insisting claiming asking calling describing urging "
    "explaining declaring announcing predicting suggesting acknowledging stressing denying"
)
QUESTION_VERBS = wordset("asked asks ask")
# "told residents not to drink the water": a speech verb telling someone to do something.
TELLING_VERBS = wordset("told tells tell")
# Findings ("the filing showed", "a report found") are the patterns' to judge, by their subject.
SPEECH_FORMS = (
    (SAY_VERBS - FINDING_VERBS) | OBJECT_VERBS | frozenset(PREPOSITION_OBJECTS) | NAMING_VERBS | PARTICIPLES
)
# Forms that are far more often plural nouns ("75 claims remain open"): they never make a sentence worth
# parsing on their own, though the parse still reads them as verbs where it sees one.
_NOUN_FORMS = wordset(
    "claims reports notes states tweets posts shows finds estimates remarks signals counters thought "
    "demands promises pledges disputes calls replies stresses highlights vows proposes"
)
_TRIGGERS = sorted(SPEECH_FORMS - _NOUN_FORMS, key=len, reverse=True)
# A sentence is worth parsing only when one of these words is in it (a cheap test before the parse; the
# finder looks words up instead of trying every alternative at every position, with the same matches).
SPEECH_WORD_RE = WordFinder(_TRIGGERS)
_RELATIVES = wordset("who which that whom Who Which That")
_MIN_CLAUSE_WORDS = 3
_FINITE_TAGS = frozenset({"VBZ", "VBD", "VBP", "MD"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"})
_MIN_OBJECT_WORDS = 2
_NEGATIONS = wordset("not n't never no")
_CLOSING_MARKS = ('"', "\u201d")
# A work the words are read from: what a book or film "describes" is its content, not a statement on record.
_IN_A_WORK_RE = re.compile(
    r"\b[Ii]n\s+(?:his|her|their|its|the|a|an)\s+(?:[\w-]+\s+){0,2}?(?:book|memoir|memoirs|novel|"
    r"autobiography|biography|film|documentary|essay|play|poem)s?\b"
)


def reported_in_sentences(text: str, spans: list[tuple[int, int]], quotes=None) -> list[list[Reported]]:
    """For each sentence span of `text`, the reported statements its parse shows (often none).

    `quotes`, when given, holds each sentence's quotation ranges: a speech verb inside one is the quoted
    speaker's word ('the column “Melania, tell your story” is thoughtful'), never the reporter's cue.
    """
    # "PORT ALBAN, Meridia (AP) — ...": the dateline is no part of the sentence's grammar (nor a speaker).
    spans = [(_after_dateline(text, s, e), e) for s, e in spans]
    quotes = quotes if quotes is not None else [()] * len(spans)
    docs = parse_all(text[s:e] for s, e in spans)
    return [_read(doc, s, text, q) for doc, (s, _), q in zip(docs, spans, quotes, strict=True)]


def _after_dateline(text: str, start: int, end: int) -> int:
    dateline = DATELINE_RE.match(text, start, end)
    return dateline.end() if dateline else start


def _read(doc, base: int, text: str, quotes=()) -> list[Reported]:
    found: list[Reported] = []
    for verb in doc:
        if verb.lower_ not in SPEECH_FORMS or verb.pos_ not in ("VERB", "AUX"):
            continue
        if any(a <= base + verb.idx < b for a, b in quotes):
            continue
        if any(c.dep_ == "neg" or c.lower_ in _NEGATIONS for c in verb.children):
            continue  # "he did not say ...": nothing was stated
        if verb.dep_ in ("xcomp", "ccomp") and verb.head.lower_ in ("declined", "refused"):
            continue
        gap = gap_relative(verb)
        if gap is not None:
            # "a plan that supporters said was overdue": the pronoun stands for the plan, what was said of it
            content = gap[0].idx, gap[1].idx + len(gap[1].text)
        elif verb.dep_ == "relcl" and not any(
            c.dep_ == "nsubj" and c.lower_ in _RELATIVES for c in verb.children
        ):
            continue  # "the levy that Ruiz described": the relative clause states nothing of its own
        else:
            content = _content(doc, verb)
        if content is None:
            continue
        subject = subject_of(verb) if gap is None else gap[2]
        if verb.lower_ == "asked" and verb.i > 0 and doc[verb.i - 1].text == ",":
            subject = None  # "Hale, asked about the levy, said ...": Hale was asked; the asker is unnamed
        mention = mention_for(doc, subject, base) if subject is not None else None
        if mention is None and verb.lower_ in QUESTION_VERBS and (verb.tag_ == "VBN" or subject is None):
            mention = questioner(doc, verb, base)  # "was asked to ... by the committee": the asker named
        if mention is None:
            continue  # "Asked whether ..., she said": a reporter's question is no one's statement
        if verb.lower_ in ("reported", "reports") and mention.kind not in ("org", "name", "study"):
            continue  # "A caller reported that ...": a complaint logged, not a statement on record
        c_start, c_end = trim_clause(text, base + content[0], base + content[1])
        if c_end <= c_start or any(c_start < r.end and r.start < c_end for r in found):
            continue
        lead = text[base + doc[0].idx : c_start] + " " + text[c_end : base + len(doc.text)]
        c_end = _close_quote(text, c_start, c_end)
        if verb.lower_ in QUESTION_VERBS and ANONYMITY_RE.search(text, base + verb.idx, c_end):
            continue  # "asked not to be named because ...": a condition of speaking, not what was said
        cue = verb.text
        between = text[base + verb.idx + len(verb.text) : c_start].split()
        if between[-1:] and between[-1].lower() in _CUE_PREPOSITIONS.get(verb.lower_, ()):
            cue = f"{verb.text} {between[-1].lower()}"  # "called for", "called on"
        found.append(Reported(c_start, c_end, mention, cue, " ".join(lead.split())))
    return found


def _close_quote(text: str, start: int, end: int) -> int:
    """Take in the closing mark of a quote the statement opened: 'called her an "Aunt Tom."'."""
    opened = text.count("\u201c", start, end) + text.count('"', start, end)
    if opened % 2 == 0:
        return end
    for step in (0, 1):  # the mark right after, or after the sentence's stop inside it ('Tom."')
        if text[end + step : end + step + 1] in _CLOSING_MARKS and not text[end : end + step].strip(".,!?"):
            return end + step + 1
    return end


def _content(doc, verb) -> tuple[int, int] | None:
    """Character offsets (in the sentence) of what the verb reports, or None."""
    children = list(verb.children)
    clause = [c for c in children if c.dep_ == "ccomp"]
    if (
        len(clause) > 1
        and clause[0].lower_ in SPEECH_FORMS
        and any(c.dep_ == "nsubj" for c in clause[0].children)
    ):
        clause = clause[1:]  # "Six in 10 said ...; 46 percent said ...": the first is a report of its own
    if clause and verb.lower_ in QUESTION_VERBS and clause[0].left_edge.lower_ not in QUESTION_WORDS:
        return None  # "asks that donations be made": a request; "asked whether ..." is a question put
    if clause and verb.lower_ not in NAMING_VERBS:
        tokens = list(clause[0].subtree)
        if len(tokens) < _MIN_CLAUSE_WORDS or clause[0].pos_ not in ("VERB", "AUX"):
            return None  # "declared Quiroga the winner": a small clause with no verb is an object
        if clause[0].tag_ in _FINITE_TAGS and not any(c.dep_ in _SUBJECTS for c in clause[0].children):
            misread = subject_misread(verb, clause[0])
            if misread is None:
                return (
                    None  # "Everything Ruiz says is a lie": a finite verb with no subject is not his clause
                )
            return misread.idx, verb.right_edge.idx + len(verb.right_edge.text)
        if tokens[0].lower_ == "that" and tokens[0].dep_ == "mark":
            tokens = tokens[1:]  # the patterns' clauses start after "that" too
        if clause[0].i > verb.i:
            # "said the memos held secrets, but most were routine": what the verb governs after the clause
            # (a second conjunct, a time) belongs to the statement; trim_clause cuts reporters' tails.
            return tokens[0].idx, verb.right_edge.idx + len(verb.right_edge.text)
        return span_of(tokens)
    if verb.dep_ == "parataxis" and verb.i > verb.head.i:
        # "The delay, she argued, was the board's fault.": the sentence around the tag is the statement.
        words = [t for t in doc if not t.is_punct]
        return span_of(list(doc)) if len(words) >= _MIN_CLAUSE_WORDS + 2 else None
    if verb.dep_ == "parataxis" and between_commas(verb):
        return around_tag(doc, verb)
    low = verb.lower_
    objects = [c for c in children if c.dep_ in ("dobj", "obj")]
    if low in TELLING_VERBS and objects:
        return told_to(verb, objects[0])
    if low in OBJECT_VERBS and objects:
        # "urged the council to delay the vote", "denied any role in the attacks": the object and what the
        # verb governs after it, up to a second verb joined on ("and said ...")
        tokens = list(objects[0].subtree) + governed_after(verb, objects[0])
        words = [t for t in tokens if not t.is_punct]
        if len(words) >= _MIN_OBJECT_WORDS and not all(t.pos_ == "PRON" for t in words):
            return span_of(sorted(tokens, key=lambda t: t.i))
        return None
    if low in NAMING_VERBS and objects and objects[0].lower_ == "what" and objects[0].i < verb.i:
        # "what officials called a hate crime": the whole phrase, speaker and cue included, is the statement
        named = [c for c in children if c.i > verb.i and names_object(c)]
        after = doc.text[verb.idx : verb.right_edge.idx + 2]
        if named and not any(mark in after for mark in ('"', "\u201c", "\u201d", "''")):
            return objects[0].idx, named[0].right_edge.idx + len(named[0].right_edge.text)
        return None
    if low in NAMING_VERBS and _IN_A_WORK_RE.search(doc.text, 0, verb.idx):
        return None  # "In his memoir, the developer described haggling as a sport": the work's content
    if low in NAMING_VERBS and objects and verb.dep_ not in ("relcl", "acl") and objects[0].lower_ != "what":
        # "called the plan a disgrace", "described the move as a breach of trust"
        named = [c for c in children if c.i > objects[0].i and (names_object(c) or c.dep_ == "dobj")]
        after = doc.text[objects[0].idx : verb.right_edge.idx + 2]
        quoted = any(mark in after for mark in ('"', "\u201c", "\u201d", "''"))
        if named and not quoted:  # 'called the audit "laughable"' is a short quote, the quote finder's
            return objects[0].left_edge.idx, named[0].right_edge.idx + len(named[0].right_edge.text)
    preposition = PREPOSITION_OBJECTS.get(low)
    if preposition:
        # "called the deal “a step” for fishermen": after an object, "for" is no "called for" ("asked him
        # about" still asks)
        named = low in CALLING_VERBS
        preps = [
            c
            for c in children
            if c.dep_ == "prep"
            and c.lower_ == preposition
            and not (named and any(o.i < c.i for o in objects))
        ]
        if preps and len(list(preps[0].subtree)) > _MIN_OBJECT_WORDS:
            # "called for a special prosecutor to review the files": what follows the object goes with it
            tokens = list(preps[0].subtree)[1:] + governed_after(verb, preps[0])
            return span_of(sorted(tokens, key=lambda t: t.i))
    if low in CALLING_VERBS:
        return called_to(verb, children)
    if low in QUESTION_VERBS:
        return question_asked(verb, children, objects)
    return None
