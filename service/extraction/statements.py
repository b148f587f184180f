"""Statements in an article body: direct (split, multi-paragraph) quotes and reported speech."""

from __future__ import annotations

import re
from dataclasses import replace

from service.extraction.attribution.attribution import sentence_subject
from service.extraction.attribution.direct import Found, direct_quotes
from service.extraction.dating.time_phrases import when_said
from service.extraction.dating.venues import find_venue, speaking_venue
from service.extraction.layout.spans import Para, QuoteSpan, paragraphs, quote_spans, sentences
from service.extraction.layout.transcript import read_transcript
from service.extraction.mixed_statements import widen_mixed
from service.extraction.reported_statements import added_clauses, link_added, reported_speech
from service.extraction.speakers.coref import Resolver
from service.models import Quote, Speaker, joined_text

# Every time expression when_said resolves contains one of these; most attribution words contain none,
# and skipping them spares its large pattern (a superset check, so no date is lost).
_DATE_HINT_RE = re.compile(
    r"\d|day|night|tonight|morning|afternoon|evening|week|month|year|ago|jan|feb|mar|apr|may|jun|jul|aug|"
    r"sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun"
)
_THEN_RE = re.compile(r"\b(?:said|says|told|wrote|recalled|added)\s+(?:then|at\s+the\s+time)\b")
# A paragraph that points back at the quote before it: "That was Smith's explanation", "So said Smith".
_BACK_REFERENCE_RE = re.compile(r"(?:That|This|Those|These|Such)\s+(?:was|is|were|are)\s|So\s+said\s")


def _inherit(found: list[Found], paras: list[Para]) -> None:
    """Quotes with no attribution of their own: split quotes, then the neighbouring paragraphs."""
    attributed: dict[int, list[int]] = {}  # paragraph -> indexes of statements with their own attribution
    for j, other in enumerate(found):
        if other.mention is not None:
            attributed.setdefault(other.para, []).append(j)
    # Paragraphs of quotation only: a quote running on through them is still its opener's.
    quoted = {p for f in found if f.kind == "direct" for p in _paras_spanned(f, paras)}
    quote_paras = quoted - {f.para for f in found if f.kind != "direct"}
    for i, item in enumerate(found):
        if item.mention is not None or item.inherit is not None:
            continue
        same = attributed.get(item.para, [])
        before = [j for j in same if j < i]
        if same:
            src = before[-1] if before else same[0]
            item.inherit, item.cue = src, found[src].cue
            continue
        opened = _opened_by(item.para, i, quote_paras, attributed) if item.kind == "direct" else None
        earlier = [j for p in (item.para - 1, item.para - 2) for j in attributed.get(p, []) if j < i]
        later = attributed.get(item.para + 1, [])
        if opened is not None:
            item.inherit = opened
        elif earlier:
            item.inherit = max(earlier)
        elif later:
            item.inherit = later[0]
        elif i > 0:
            item.inherit = i - 1


def _paras_spanned(item: Found, paras: list[Para]) -> range:
    last = item.para
    while last + 1 < len(paras) and paras[last + 1].start < item.end:
        last += 1
    return range(item.para, last + 1)


def _opened_by(para: int, i: int, quote_paras: set[int], attributed: dict[int, list[int]]) -> int | None:
    """The attributed statement that opened a run of quote-only paragraphs just above `para`, if any.

    Wire copy quotes one speaker over several paragraphs ("Mr Hale said: “... ¶ “... ¶ “..."); the last
    of them belongs to him, not to the next paragraph's speaker.
    """
    p = para - 1
    while p in quote_paras:
        earlier = [j for j in attributed.get(p, []) if j < i]
        if earlier:
            return max(earlier)
        p -= 1
    return None


def find_quotes(text: str, blocks, published: str | None) -> list[Quote]:
    """Every statement in the body blocks, in text order, with speakers resolved and dates read."""
    paras, turns = read_transcript(text, paragraphs(text, blocks))
    spans = quote_spans(text, paras)
    by_para: dict[int, list[QuoteSpan]] = {}
    for q in spans:
        by_para.setdefault(q.para, []).append(q)
    bounds = [sentences(text, p, by_para.get(i, [])) for i, p in enumerate(paras)]
    found, quoted = direct_quotes(text, paras, spans, bounds)
    found += reported_speech(text, bounds, quoted, by_para)
    found = widen_mixed(text, bounds, found, by_para)
    reported = {f.para: [] for f in found}
    for f in found:
        if f.kind != "direct":
            reported[f.para].append(f)
    for f in found:
        for r in reported[f.para] if f.lead is not None else ():
            if r.kind == "mixed" and r.start <= f.start < r.end < f.end and not r.parts:
                r.end = f.end  # a clause that opens with a quote does not end inside it ("saying, “A. B.”")
    # A fragment quoted inside reported speech belongs to that statement ("mixed"), not to itself.
    found = [
        f for f in found if f.lead is None or not any(r.start <= f.start < r.end for r in reported[f.para])
    ]
    # A mixed statement inside a direct quote the patterns attributed whole ("..., saying, “A. B.”") is a
    # shorter reading of the same words.
    whole = [f for f in found if f.kind == "direct" and f.lead is None and not f.hidden]
    found = [
        f
        for f in found
        if f.kind != "mixed" or not any(d.start - 2 <= f.start and f.end <= d.end + 2 for d in whole)
    ]
    added = added_clauses(text, bounds, found, by_para)
    found = [f for f in found if f.lead is None or not any(r.start <= f.start < r.end for r in added)]
    found += added
    if turns:  # a transcript turn is one statement; what the finders saw inside it belongs to it
        inside = {t.para: t for t in turns}
        found = [f for f in found if f.para not in inside or f.end <= inside[f.para].start]
        found += [
            Found(t.start, t.end, "direct", t.para, t.mention, "said", text[t.mention.start : t.start])
            for t in turns
        ]
    found.sort(key=lambda f: f.start)
    link_added(found)
    _inherit(found, paras)
    return _assemble(text, paras, spans, found, published)


def _assemble(
    text: str, paras: list[Para], spans: list[QuoteSpan], found: list[Found], published: str | None
) -> list[Quote]:
    resolver = Resolver(
        text,
        [f.mention for f in found],
        [f.para for f in found],
        [f.end for f in found],
        [(q.start, q.end) for q in spans],
    )
    speakers: list[Speaker | None] = [resolver.resolve(i) for i in range(len(found))]
    stated = {f.para for f in found}
    for i, item in enumerate(found):
        named = resolver.named_between(*item.lead, first=True) if item.lead and item.mention is None else None
        if named is not None:
            speakers[i] = resolver.speaker_for(named)  # "Smith called the plan “...”": the person just named
            continue
        before = paras[item.para - 1] if item.para > 0 else None
        after = paras[item.para + 1] if item.para + 1 < len(paras) else None
        alone = item.mention is None and (item.inherit is None or found[item.inherit].para != item.para)
        if alone and after and _BACK_REFERENCE_RE.match(text, after.start, after.end):
            # "“We were a step slow ...”\n\nThat was Smith's explanation ...": the next paragraph names them.
            first_stop = text.find(". ", after.start, after.end)
            stop = after.end if first_stop < 0 else first_stop
            person = resolver.named_between(after.start, stop, first=True) or resolver.surname_in(
                after.start, stop
            )
            if person is not None:
                speakers[i] = resolver.speaker_for(person)
                continue
        if alone and item.para - 1 not in stated and before:
            # "Smith, 45, lost her home.\n\n“I have nothing left.”": the person just named is speaking,
            # the subject of the paragraph's last sentence first ("Smith accused the moderators of ...").
            last = text.rfind(". ", before.start, before.end - 2)
            subject = sentence_subject(text, before.start if last < 0 else last + 2, before.end)
            person = (
                resolver.person_named(subject) if subject is not None and subject.kind == "name" else None
            )
            person = person or resolver.named_between(before.start, before.end)
            if person is not None:
                speakers[i] = resolver.speaker_for(person)
                continue
        if speakers[i] is None and item.inherit is not None:
            src = item.inherit
            while speakers[src] is None and found[src].inherit is not None and found[src].inherit != src:
                src = found[src].inherit
            speakers[i] = speakers[src]
    dates = [
        when_said(f.attribution, published) if _DATE_HINT_RE.search(f.attribution.lower()) else None
        for f in found
    ]
    # Only a full date marks the same event; "in 2015" or "in November" is an earlier occasion.
    dated: dict[str | None, list[int]] = {}
    for j, speaker in enumerate(speakers):
        if dates[j] and len(dates[j]) == 10 and speaker is not None:
            dated.setdefault(speaker.name, []).append(j)
    for i in range(len(found)):
        if dates[i] is None and speakers[i] is not None and speakers[i].name in dated:
            dates[i] = dates[min(dated[speakers[i].name], key=lambda j: abs(j - i))]
        elif dates[i] is None and speakers[i] is not None and _THEN_RE.search(found[i].attribution):
            # "In a 2003 interview, Voss said ... “...,” she said then.": her last dated words' occasion.
            same = [
                j
                for j in range(i)
                if dates[j] and speakers[j] is not None and speakers[j].name == speakers[i].name
            ]
            dates[i] = dates[same[-1]] if same else None
        source = found[i].inherit
        if dates[i] is None and source is not None and source < i and found[source].para == found[i].para:
            dates[i] = dates[source]  # the second part of a split quote was said when the first was
    quotes = []
    para_venues: dict[int, str | None] = {}
    for i, item in enumerate(found):
        if item.hidden:
            continue
        speaker = speakers[i] or Speaker(None)
        if item.inherit is not None and speakers[i] is not None:
            speaker = replace(speaker, mention=None)
        venue = find_venue(item.attribution) if item.attribution else None
        if venue is None:
            if item.para not in para_venues:  # once per paragraph, however many statements it holds
                para = paras[item.para]
                para_venues[item.para] = speaking_venue(text[para.start : para.end])
            venue = para_venues[item.para]
        parts = tuple(item.parts) if len(item.parts) > 1 else ()
        body = joined_text(text, parts or ((item.start, item.end),))
        quotes.append(Quote(body, item.start, item.end, item.kind, speaker, item.cue, dates[i], venue, parts))
    return quotes
