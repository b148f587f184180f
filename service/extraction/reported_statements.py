"""Reported statements of an article body, read in every sentence outside quotes.

The patterns read a sentence first, the dependency parse where they find nothing; a participle's added
clause (", adding that ...") is a second statement by the same speaker.
"""

from __future__ import annotations

import re

from service.extraction.attribution.attribution import RELATIVE_TAIL_RE, sentence_subject
from service.extraction.attribution.clauses import bare_clause
from service.extraction.attribution.direct import Found
from service.extraction.attribution.parsed import PARTICIPLES, SPEECH_WORD_RE, reported_in_sentences
from service.extraction.attribution.reported import (
    DATELINE_RE,
    Reported,
    find_reported,
    relayed,
    trim_clause,
)
from service.extraction.cues import CUE_RE
from service.extraction.layout.spans import mark_len

_SECOND_SPEAKER_RE = re.compile(r",\s+(?:while|whereas|but)\s+")
_PARTICIPLE_CUE_RE = re.compile(
    r",\s+(?P<verb>adding|saying|noting|stressing|warning|insisting|arguing|explaining|emphasizing|emphasising|"
    r"claiming|contending|predicting|acknowledging|asserting|suggesting)"
    r"\s+(?:that\s+)?"
)
# "...; her team says ...", "...: Republicans said ...": a clause of its own (not a quote after a colon).
_CLAUSE_JOINT_RE = re.compile(r";\s+|:\s+(?=[A-Z][a-z])")
_MIN_TAIL_WORDS = 6  # words after a sentence's last quote that may hold a statement of their own


def reported_speech(text: str, bounds, quoted: set, by_para) -> list[Found]:
    """Reported statements of every sentence outside quotes: by the patterns, else by the parse."""
    found: list[Found] = []
    unsettled: list[tuple[int, int, int]] = []  # (paragraph, start, end) the parse should read
    around: dict[tuple[int, int], list[tuple[int, int]]] = {}  # a quoted sentence's quotes, marks included
    for index, para_bounds in enumerate(bounds):
        for s, e in para_bounds:
            if (s, e) in quoted:
                lead, marks, parse = _around_quotes(text, s, e, by_para.get(index, []))
                found += [_reported_found(rep, index, by_para) for rep in lead]
                if parse:
                    unsettled.append((index, s, e))
                    around[(s, e)] = marks
                continue
            reported = []
            for rep in _reported_in_clauses(text, s, e):
                inner = relayed(text, rep)
                reported.append(inner)
                found.append(_reported_found(inner, index, by_para))
                if inner is not rep:  # who passed the words on is still who "he" means next: a hidden mention
                    found.append(Found(inner.end, inner.end, "indirect", index, rep.mention, hidden=True))
            # Parse where the patterns found nothing, or where a second speech word sits outside what they
            # found ("Barkley, who said he votes ..., said ...": a statement in a relative clause).
            words = [m.start() for m in SPEECH_WORD_RE.finditer(text, s, e)]
            outside = [w for w in words if not any(r.start <= w < r.end for r in reported)]
            if len(outside) > (1 if reported else 0):
                unsettled.append((index, s, e))
    quotes = [_quoted_ranges(text, s, e, by_para.get(index, [])) for index, s, e in unsettled]
    parsed = reported_in_sentences(text, [(s, e) for _, s, e in unsettled], quotes)
    for (index, s, e), statements in zip(unsettled, parsed, strict=True):
        have = [f for f in found if f.para == index and s <= f.start < e]
        for rep in statements:
            if RELATIVE_TAIL_RE.search(rep.mention.text):
                continue
            if have and rep.cue.lower() in PARTICIPLES:
                continue  # "X said ..., noting that ...": the participle is X's, read by added_clauses
            if any(rep.start < b and a < rep.end for a, b in around.get((s, e), ())):
                continue  # the direct finder has the quote and its speaker
            if not any(rep.start < f.end and f.start < rep.end for f in have):
                found.append(_reported_found(rep, index, by_para))
    return found


def _around_quotes(text: str, s: int, e: int, quotes) -> tuple[list[Reported], list[tuple[int, int]], bool]:
    """A sentence holding an attributed quote: what the patterns read around it, its quotes, whether to parse.

    Its lead-in may report words of its own ("Ortiz said the bridge would reopen: “...”"), and so may the
    words after its last quote when the quote does not open the sentence ('Citing “...,” Hale told the
    Ledger that ...'; after '“Never,” Ruiz said' come only the quote's attribution and its circumstances).
    The parse reads it when a second speech word lies outside the quotes ("Asked whether ..., Hale replied:
    “...”"), and what it finds inside a quote is the direct finder's.
    """
    marks = _quoted_ranges(text, s, e, quotes)
    opens = [q.open_mark for q in quotes if s < q.open_mark < e]
    found = [relayed(text, rep) for rep in (_reported_in(text, s, min(opens)) if opens else ())]
    tail = max((b for _, b in marks), default=e)
    opened = not marks or not text[s : min(a for a, _ in marks)].strip()
    if not opened and len(text[tail:e].split()) >= _MIN_TAIL_WORDS:
        found += [relayed(text, rep) for rep in _reported_in(text, tail, e)]
    taken = marks + [(r.start, r.end) for r in found]
    outside = [
        m for m in SPEECH_WORD_RE.finditer(text, s, e) if not any(a <= m.start() < b for a, b in taken)
    ]
    return found, marks, len(outside) > 1


def _quoted_ranges(text: str, s: int, e: int, quotes) -> list[tuple[int, int]]:
    """The quotes of a sentence, each from its opening to past its closing mark (or the sentence's end)."""
    out = []
    for q in quotes:
        if q.end > s and q.start < e:
            close = e if q.close_mark is None else q.close_mark + mark_len(text, q.close_mark)
            out.append((min(q.open_mark, q.start), min(close, e)))
    return out


def _reported_found(rep: Reported, para: int, by_para) -> Found:
    has_quote = any(rep.start <= q.start < rep.end for q in by_para.get(para, []))
    kind = "mixed" if has_quote else "indirect"
    return Found(rep.start, rep.end, kind, para, rep.mention, rep.cue, rep.attribution)


def _reported_in_clauses(text: str, s: int, e: int) -> list[Reported]:
    """A sentence's statements, each clause read alone when a semicolon or colon joins one with a cue.

    'It is an unlikely scenario; her team says she will campaign this week.': the reporter's clause is
    no statement of the team's, and what the team says follows its cue.
    """
    joints = list(_CLAUSE_JOINT_RE.finditer(text, s, e))
    joint = joints[-1] if joints else None
    if joint is None or not CUE_RE.search(text, joint.end(), e):
        return _reported_in(text, s, e)
    return _reported_in_clauses(text, s, joint.start()) + _reported_in(text, joint.end(), e)


def _reported_in(text: str, s: int, e: int) -> list[Reported]:
    """The reported statement of a sentence, and a second one joined on ("..., while Moscow said ...")."""
    rep = find_reported(text, s, e)
    if rep is None or RELATIVE_TAIL_RE.search(rep.mention.text):
        return []  # "a historian who wrote ...": the clause describes, nobody states
    joined = _SECOND_SPEAKER_RE.search(text, rep.start, rep.end)
    second = find_reported(text, joined.end(), e) if joined else None
    if second is None or second.mention.start != joined.end():
        return [rep]
    return [Reported(rep.start, joined.start(), rep.mention, rep.cue, rep.attribution), second]


def added_clauses(text: str, bounds, found: list[Found], by_para) -> list[Found]:
    """ "..., he said, adding that ...": the participle's clause is a second statement by the same speaker."""
    extra = []
    in_para: dict[int, list[Found]] = {}
    for f in found:
        in_para.setdefault(f.para, []).append(f)
    for index, para_bounds in enumerate(bounds):
        for s, e in para_bounds:
            match = _PARTICIPLE_CUE_RE.search(text, s, e)
            if match is None or any(q.start < match.start() < q.end for q in by_para.get(index, [])):
                continue
            if not match.group(0).rstrip().endswith("that") and not bare_clause(text[match.end() : e]):
                continue  # ", adding a string of emojis": an object, not a clause
            source = [f for f in in_para.get(index, []) if s <= f.start < match.start() and not f.hidden]
            # "Moreau blasted the plan, saying it would ...": no statement before it, so the subject speaks.
            dateline = DATELINE_RE.match(text, s, match.start())  # "PORT ALBAN (AP) — The party ..."
            opens = dateline.end() if dateline else s
            subject = None if source else sentence_subject(text, opens, match.start())
            c_start, c_end = trim_clause(text, match.end(), e)
            if not (source or subject) or len(text[c_start:c_end].split()) < 3:
                continue
            if any(f.start < c_end and c_start < f.end for f in in_para.get(index, []) if f.lead is None):
                continue  # the parse already read this participle's clause (a fragment inside it is not)
            has_quote = any(c_start <= q.start < c_end for q in by_para.get(index, []))
            item = Found(c_start, c_end, "mixed" if has_quote else "indirect", index, cue=match.group("verb"))
            if subject is not None:
                item.mention, item.attribution = subject, text[s : match.end()]
            else:
                item.inherit = -1 - source[-1].start  # resolved to an index once the list is sorted
            extra.append(item)
    return extra


def link_added(found: list[Found]) -> None:
    by_start = {f.start: i for i, f in enumerate(found)}
    for item in found:
        if item.inherit is not None and item.inherit < 0:
            item.inherit = by_start.get(-1 - item.inherit)
