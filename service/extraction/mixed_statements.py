"""Mixed statements: a quote and the reporter's words around it that make one sentence of the speaker's.

The direct finder attributes the quoted words; PolNeAR and a careful reader take the sentence they finish
('The plan is “a disgrace,” Ruiz said.') or the clause they open after "that" ('Ruiz said that “the
plan is dead” for this year.') as the statement.
"""

from __future__ import annotations

import re

from service.extraction.attribution.direct import Found
from service.extraction.attribution.naming import naming
from service.extraction.attribution.reported import DATELINE_RE, trim_clause
from service.extraction.layout.spans import mark_len

# What may open a sentence before a quote without being the speaker's words: a question put ("Asked about
# the pier, “...,” she said") or a scene ("At the rally, “...”") before a quote that is a sentence of its own.
_ASKED_LEAD_RE = re.compile(r"(?:When\s+|Once\s+|After\s+being\s+)?[Aa]sked\b")
_MIN_LEAD_WORDS = 2
_THAT_RE = re.compile(r"\bthat\s*$")
# After a quote that opens a "that" clause, the clause going on: 'that “...” for the governor', 'and “...”'
# (not ', he added', not a new sentence).
_GOES_ON_RE = re.compile(r"\s+(?=[a-z\u201c\"'])")
_MIN_REST_WORDS = 2
_OPENING_ONLY_RE = re.compile(r"\s*[\"\u201c]")  # between a clause and the quote that finishes it
_LEAD_STOPS = (":", ";", "\u2014", "\u2013", "-", ".", "?", "!")
# The object of a naming verb ending in an article or possessive before the quote: 'called him a “bully”'.
_ARTICLE_BEFORE_RE = re.compile(r"\b(?:a|an|the|their|his|her|its|our|my|your)\s*$")
# Between quoted names in a list: '“bully,” a “liar” and “unfit”'.
_LIST_GAP_RE = re.compile(r",?\s+(?:(?:and|or)\s+)?(?:(?:a|an|the)\s+)?(?=[\"\u201c])")


def widen_mixed(text: str, bounds, found: list[Found], by_para) -> list[Found]:
    """'The plan is “a disgrace,” Ruiz said.': a quote and the reporter's words before it, one statement.

    The direct finder attributes the quoted words; the speaker's statement is the sentence they finish, so
    a quote attributed after it whose sentence opens with words of its own becomes a mixed statement from
    the sentence's start (after its dateline) to the quote's closing mark.
    """
    taken = [(f.para, f.start, f.end) for f in found if f.kind != "direct"]
    out = []
    for f in found:
        lead = _mixed_lead(text, bounds, f, by_para, taken)
        if lead is None:
            out.append(
                _named_thing(text, bounds, f, by_para, taken)
                or _clause_after_that(text, bounds, f, by_para, taken)
                or f
            )
            continue
        end = f.end
        closing = [
            q.close_mark for q in by_para.get(f.para, []) if q.start <= f.end <= q.end and q.close_mark
        ]
        if closing and not f.parts and not text[f.end : closing[0]].strip(",.!? "):
            end = closing[0] + mark_len(text, closing[0])  # whole: 'The plan is “a disgrace”'
        widened = Found(lead, end, "mixed", f.para, f.mention, f.cue, f.attribution, parts=list(f.parts))
        if widened.parts:
            widened.parts[0] = (lead, widened.parts[0][1])
        out.append(widened)
    return _clauses_into_quotes(text, bounds, out, by_para) + _named_views(text, bounds, out, by_para)


def _clauses_into_quotes(text: str, bounds, found: list[Found], by_para) -> list[Found]:
    """'Reid said both men are “non-entities in the Senate.”': a reported clause that runs into a quote.

    The patterns read the clause up to the opening mark and the direct finder the quote, both given to one
    speaker; the quote finishes the clause, so the two are one mixed statement.
    """
    out: list[Found] = []
    for f in sorted(found, key=lambda f: (f.para, f.start)):
        r = out[-1] if out else None
        if (
            r is not None
            and r.kind == "indirect"
            and f.kind == "direct"
            and f.para == r.para
            and not f.parts
            and not f.hidden
            and r.mention is not None
            # the quote's speaker is the clause's: one mention, or a fragment read with the sentence's cue
            and (f.mention.start == r.mention.start if f.mention is not None else f.lead is not None)
            and _OPENING_ONLY_RE.fullmatch(text, r.end, f.start)
            and any(s <= r.start and f.end <= e for s, e in bounds[f.para])
        ):
            closing = [
                q.close_mark for q in by_para.get(f.para, []) if q.start <= f.end <= q.end and q.close_mark
            ]
            end = closing[0] + mark_len(text, closing[0]) if closing else f.end
            out[-1] = Found(r.start, end, "mixed", r.para, r.mention, r.cue, r.attribution)
            continue
        out.append(f)
    return out


def _named_views(text: str, bounds, found: list[Found], by_para) -> list[Found]:
    """'Hale called the mayor a “bully,” a “liar” and “unfit.”': quoted names the direct finder left out.

    A short quote mid-sentence is mostly the writer's borrowing ('called the ruling “overreach”' may quote
    a name or a phrase); after an article or a possessive ('called him a “bully”', 'their “crystal ball”')
    it is the noun the speaker calls the thing, and a list of quoted names is a view several times over.
    """
    out = []
    for para, quotes in by_para.items():
        held = [(f.start, f.end) for f in found if f.para == para and not f.hidden]
        for q in quotes:
            if q.continued or q.close_mark is None or any(a < q.end and q.start < b for a, b in held):
                continue
            sentence = [(s, e) for s, e in bounds[para] if s <= q.open_mark < e]
            if not sentence:
                continue
            rep = naming(text, *sentence[0], q, quotes)
            if rep is None:
                continue
            listed = _listed_end(text, q, quotes, sentence[0][1])
            named = text[rep.start : q.open_mark].split()
            if len(named) < 2 and not listed:
                continue  # no thing named before the article ('which X had called a “disaster”' misread)
            if not (_ARTICLE_BEFORE_RE.search(text, rep.start, q.open_mark) or listed):
                continue
            end = max(rep.end, listed or 0)
            if any(a < end and rep.start < b for a, b in held):
                continue
            out.append(Found(rep.start, end, "mixed", para, rep.mention, rep.cue, rep.attribution))
            held.append((rep.start, end))
    return out


def _listed_end(text: str, q, quotes, sentence_end: int) -> int | None:
    """Past the last of the quoted names listed after `q` (', an “X,” “Y” and “Z”'), or None."""
    end, current = None, q
    while True:
        after = current.close_mark + mark_len(text, current.close_mark)
        more = _LIST_GAP_RE.match(text, after, sentence_end)
        nxt = [o for o in quotes if more and o.open_mark == more.end() and o.close_mark is not None]
        if not nxt or nxt[0].close_mark >= sentence_end:
            return end
        current = nxt[0]
        end = current.close_mark + mark_len(text, current.close_mark)


def _mixed_lead(text: str, bounds, f: Found, by_para, taken) -> int | None:
    """Where the reporter's words that a quote finishes begin, or None when the quote stands alone."""
    if f.kind != "direct" or f.hidden or f.lead is not None or f.mention is None or f.mention.start < f.end:
        return None  # only a quote attributed after it ("..., Ruiz said") reads as one sentence with its lead
    opening = [q for q in by_para.get(f.para, []) if q.start == f.start and not q.continued]
    sentence = [(s, e) for s, e in bounds[f.para] if s <= f.start < e]
    if not opening or not sentence:
        return None
    s = sentence[0][0]
    dateline = DATELINE_RE.match(text, s, opening[0].open_mark)
    s = dateline.end() if dateline else s
    lead = text[s : opening[0].open_mark]
    words = lead.split()
    if (
        len(words) < _MIN_LEAD_WORDS
        or lead.rstrip().endswith(_LEAD_STOPS)
        or any(s <= q.open_mark < opening[0].open_mark for q in by_para.get(f.para, []))
        or _ASKED_LEAD_RE.match(lead)
        or lead.count("(") > lead.count(")")  # an aside quoted in brackets: "some blowback (“...,” wrote X)"
        or (lead.rstrip().endswith(",") and text[f.start : f.start + 1].isupper())
        or any(p == f.para and a < opening[0].open_mark and s < b for p, a, b in taken)
    ):
        return None
    return s + len(lead) - len(lead.lstrip())


def _clause_after_that(text: str, bounds, f: Found, by_para, taken) -> Found | None:
    """'Ruiz said that “the plan is dead” for this year.': the quote opens a clause that goes on past it."""
    if f.kind != "direct" or f.hidden or f.lead is not None or f.mention is None or f.parts:
        return None
    if not f.mention.start < f.start:
        return None  # attributed before the quote, by the cue that "that" follows
    opening = [q for q in by_para.get(f.para, []) if q.start == f.start and not q.continued]
    sentence = [(s, e) for s, e in bounds[f.para] if s <= f.start < e]
    if not opening or not sentence or not _THAT_RE.search(text, sentence[0][0], opening[0].open_mark):
        return None
    closes = [q for q in by_para.get(f.para, []) if q.start <= f.end <= q.end and q.close_mark is not None]
    if not closes:
        return None
    if text[: closes[0].close_mark].rstrip()[-1:] in (",", ".", "!", "?"):
        return None  # '“the pier is safe,” adding that ...': the quote closed the clause
    after = closes[0].close_mark + mark_len(text, closes[0].close_mark)
    e = sentence[0][1]
    start, end = trim_clause(text, opening[0].open_mark, e)
    if not _GOES_ON_RE.match(text, after, e) or len(text[after:end].split()) < _MIN_REST_WORDS:
        return None
    if any(p == f.para and a < end and after < b for p, a, b in taken):
        return None  # the clause goes on into a statement read already
    return Found(start, end, "mixed", f.para, f.mention, f.cue, f.attribution)


def _named_thing(text: str, bounds, f: Found, by_para, taken) -> Found | None:
    """'Ruiz called the audit “laughable.”': a quoted fragment naming a thing states a view of that thing."""
    if f.kind != "direct" or f.hidden or f.lead is None or f.parts:
        return None  # only a fragment the direct finder kept as someone's words
    quotes = by_para.get(f.para, [])
    opening = [q for q in quotes if q.start == f.start and not q.continued]
    sentence = [(s, e) for s, e in bounds[f.para] if s <= f.start < e]
    if not opening or not sentence:
        return None
    rep = naming(text, *sentence[0], opening[0], quotes)
    if rep is None or any(p == f.para and a < rep.end and rep.start < b for p, a, b in taken):
        return None
    return Found(rep.start, rep.end, "mixed", f.para, rep.mention, rep.cue, rep.attribution)
