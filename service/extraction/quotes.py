"""Statements in an article body: direct (split, multi-paragraph) quotes and reported speech."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..models import Quote, Speaker
from .coref import Resolver
from .cues import CUE_RE
from .dates import when_said
from .reported import ADJUNCT_RE, find_reported, trim_clause
from .spans import Para, QuoteSpan, paragraphs, quote_spans, sentences
from .speakers import Mention, speaker_after, speaker_before
from .venues import find_venue, speaking_venue

_MIN_WORDS = 3
# Every time expression when_said resolves contains one of these; most attribution words contain none,
# and skipping them spares its large pattern (a superset check, so no date is lost).
_DATE_HINT_RE = re.compile(
    r"\d|day|night|tonight|morning|afternoon|evening|week|month|year|ago|jan|feb|mar|apr|may|jun|jul|aug|"
    r"sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun"
)
_MARK_LEN = {"``": 2, "''": 2}
_ACCORDING_AFTER_RE = re.compile(r"\s*,?\s*according\s+to\s+")
_PARTICIPLE_CUE_RE = re.compile(
    r",\s+(?P<verb>adding|saying|noting|stressing|warning|insisting|arguing|explaining|emphasizing|emphasising)"
    r"\s+(?:that\s+)?"
)
_ADDED_CLAUSE_RE = re.compile(r",\s+\w+ing\b|\s+that\s")


@dataclass
class _Found:
    start: int
    end: int
    kind: str
    para: int
    mention: Mention | None = None
    cue: str | None = None
    attribution: str = ""  # the words around the cue: read for the date and the venue
    inherit: int | None = None  # index of the statement whose speaker this one shares
    hidden: bool = False  # a quote too short to index ("It's heartbreaking") that still names a speaker


def _mark_len(text: str, at: int) -> int:
    return _MARK_LEN.get(text[at : at + 2], 1)


def _title_like(content: str) -> bool:
    words = content.split()
    return len(words) <= 8 and all(
        w[:1].isupper() or w.lower() in ("of", "the", "and", "a", "in") for w in words
    )


def _after_attribution(text: str, q: QuoteSpan, hi: int) -> tuple[Mention, str, str] | None:
    """ "…,” X said (at …)." — the cue and speaker that follow a closing mark in the same sentence."""
    lo = q.close_mark + _mark_len(text, q.close_mark)
    according = _ACCORDING_AFTER_RE.match(text, lo, hi)
    if according:  # "...,” according to X."
        mention = speaker_after(text, according.end(), hi)
        return (mention, "according to", text[lo:hi]) if mention else None
    cue = CUE_RE.search(text, lo, min(hi, lo + 220))
    if cue is None:
        return None
    left = text[lo : cue.start()].strip(" ,\u2014\u2013-")
    tail = _ADDED_CLAUSE_RE.search(
        text, cue.end(), hi
    )  # ", adding that ... on Thursday" is another statement
    words = text[lo : tail.start() if tail else hi]
    if left:
        mention = speaker_before(text, lo, cue.start())
        if mention is None or len(left) > len(mention.text) + 3:
            return None
        return mention, cue.group("verb"), words
    if text[lo : cue.start()].strip() not in ("", ",", "\u2014", "-"):
        return None
    mention = speaker_after(text, cue.end(), hi)
    return (mention, cue.group("verb"), words) if mention else None


def _before_attribution(text: str, q: QuoteSpan, lo: int) -> tuple[Mention, str, str] | None:
    """ "X said (on Friday): “…” — a cue whose only remaining words before the quote are adjuncts."""
    cues = list(CUE_RE.finditer(text, lo, q.open_mark))
    if not cues:
        return None
    cue = cues[-1]
    pos = cue.end()
    for _ in range(4):
        m = ADJUNCT_RE.match(text, pos, q.open_mark)
        if not m or m.end() == pos:
            break
        pos = m.end()
    if text[pos : q.open_mark].strip(" ,:\u2014\u2013-") and not re.fullmatch(
        r"\s*,?\s*that\s*", text[pos : q.open_mark]
    ):
        tail = text[pos : q.open_mark].strip()
        if not (tail.startswith(("said", "says")) or tail.endswith(":")):
            return None
    mention = speaker_before(text, lo, cue.start()) or speaker_after(text, cue.end(), q.open_mark)
    return (mention, cue.group("verb"), text[lo : q.open_mark]) if mention else None


def _merge_runs(spans: list[QuoteSpan]) -> list[tuple[QuoteSpan, QuoteSpan]]:
    """Group a quote's paragraphs: each run is (first part, last part)."""
    runs: list[tuple[QuoteSpan, QuoteSpan]] = []
    for span in spans:
        if runs and span.continued and runs[-1][1].close_mark is None and not runs[-1][1].stray:
            runs[-1] = (runs[-1][0], span)
        else:
            runs.append((span, span))
    return runs


def _sentence_of(bounds: list[tuple[int, int]], at: int) -> tuple[int, int]:
    for s, e in bounds:
        if s <= at < e:
            return s, e
    return bounds[-1]


def _direct(text: str, paras: list[Para], spans: list[QuoteSpan], bounds) -> tuple[list[_Found], set]:
    found: list[_Found] = []
    quoted_sentences: set[tuple[int, int]] = set()
    runs = _merge_runs(spans)
    for first, last in runs:
        content = text[first.start : last.end]
        s_first = _sentence_of(bounds[first.para], first.open_mark)
        s_last = _sentence_of(bounds[last.para], last.end - 1)
        attribution = None
        if last.close_mark is not None:
            attribution = _after_attribution(text, last, s_last[1])
        if attribution is None:
            prev_close = max(
                (
                    q.close_mark + 1
                    for q in spans
                    if q.close_mark and s_first[0] <= q.close_mark < first.open_mark
                ),
                default=s_first[0],
            )
            attribution = _before_attribution(text, first, prev_close)
        multi = first is not last
        at_start = first.open_mark == s_first[0] or text[s_first[0] : first.open_mark].rstrip().endswith(":")
        words = len(content.split())
        standalone = words >= _MIN_WORDS and (attribution or at_start or multi) and not _title_like(content)
        # A short quote is no statement, but its "said X" still tells who speaks in the rest of the paragraph.
        hidden = not standalone and attribution is not None and at_start and not _title_like(content)
        if not standalone and not hidden:
            continue
        start, end = trim_clause(text, first.start, last.end, keep_stop=True)
        if end <= start:
            continue
        item = _Found(start, end, "direct", first.para, hidden=hidden)
        if attribution:
            item.mention, item.cue, item.attribution = attribution
        found.append(item)
        for para_index in range(first.para, last.para + 1):
            for s in bounds[para_index]:
                if s[0] < last.end and s[1] > first.start:
                    quoted_sentences.add(s)
    return found, quoted_sentences


def _inherit(found: list[_Found]) -> None:
    """Quotes with no attribution of their own: split quotes, then the neighbouring paragraphs."""
    for i, item in enumerate(found):
        if item.mention is not None or item.inherit is not None:
            continue
        same = [j for j, other in enumerate(found) if other.para == item.para and other.mention is not None]
        before = [j for j in same if j < i]
        if before or same:
            src = before[-1] if before else same[0]
            item.inherit, item.cue = src, found[src].cue
            continue
        earlier = [j for j in range(i) if found[j].para >= item.para - 2 and found[j].mention is not None]
        later = [j for j in range(i + 1, len(found)) if found[j].para == item.para + 1 and found[j].mention]
        if earlier:
            item.inherit = earlier[-1]
        elif later:
            item.inherit = later[0]
        elif i > 0:
            item.inherit = i - 1


def find_quotes(text: str, blocks, published: str | None) -> list[Quote]:
    """Every statement in the body blocks, in text order, with speakers resolved and dates read."""
    paras = paragraphs(text, blocks)
    spans = quote_spans(text, paras)
    by_para: dict[int, list[QuoteSpan]] = {}
    for q in spans:
        by_para.setdefault(q.para, []).append(q)
    bounds = [sentences(text, p, by_para.get(i, [])) for i, p in enumerate(paras)]
    found, quoted = _direct(text, paras, spans, bounds)
    for index, para_bounds in enumerate(bounds):
        for s, e in para_bounds:
            if (s, e) in quoted:
                continue
            rep = find_reported(text, s, e)
            if rep is None:
                continue
            has_quote = any(rep.start <= q.start < rep.end for q in by_para.get(index, []))
            kind = "mixed" if has_quote else "indirect"
            found.append(_Found(rep.start, rep.end, kind, index, rep.mention, rep.cue, rep.attribution))
    found += _added_clauses(text, bounds, found, by_para)
    found.sort(key=lambda f: f.start)
    _link_added(found)
    _inherit(found)
    return _assemble(text, paras, found, published)


def _added_clauses(text: str, bounds, found: list[_Found], by_para) -> list[_Found]:
    """ "..., he said, adding that ...": the participle's clause is a second statement by the same speaker."""
    extra = []
    for index, para_bounds in enumerate(bounds):
        for s, e in para_bounds:
            match = _PARTICIPLE_CUE_RE.search(text, s, e)
            if match is None or any(q.start < match.start() < q.end for q in by_para.get(index, [])):
                continue
            source = [f for f in found if f.para == index and s <= f.start < match.start() and not f.hidden]
            c_start, c_end = trim_clause(text, match.end(), e)
            if not source or len(text[c_start:c_end].split()) < 3:
                continue
            has_quote = any(c_start <= q.start < c_end for q in by_para.get(index, []))
            item = _Found(
                c_start, c_end, "mixed" if has_quote else "indirect", index, cue=match.group("verb")
            )
            item.inherit = -1 - source[-1].start  # resolved to an index once the list is sorted
            extra.append(item)
    return extra


def _link_added(found: list[_Found]) -> None:
    by_start = {f.start: i for i, f in enumerate(found)}
    for item in found:
        if item.inherit is not None and item.inherit < 0:
            item.inherit = by_start.get(-1 - item.inherit)


def _assemble(text: str, paras: list[Para], found: list[_Found], published: str | None) -> list[Quote]:
    resolver = Resolver(text, [f.mention for f in found], [f.para for f in found])
    speakers: list[Speaker | None] = [resolver.resolve(i) for i in range(len(found))]
    stated = {f.para for f in found}
    for i, item in enumerate(found):
        before = paras[item.para - 1] if item.para > 0 else None
        if (
            item.mention is None
            and item.para - 1 not in stated
            and before
            and found[item.inherit or 0].para != item.para
        ):
            # "Smith, 45, lost her home.\n\n“I have nothing left.”": the person just named is speaking.
            person = resolver.named_between(before.start, before.end)
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
    for i in range(len(found)):
        if dates[i] is None and speakers[i] is not None:
            # Only a full date marks the same event; "in 2015" or "in November" is an earlier occasion.
            same = [
                j
                for j in range(len(found))
                if dates[j] and len(dates[j]) == 10 and speakers[j] and speakers[j].name == speakers[i].name
            ]
            if same:
                dates[i] = dates[min(same, key=lambda j: abs(j - i))]
    quotes = []
    for i, item in enumerate(found):
        if item.hidden:
            continue
        speaker = speakers[i] or Speaker(None)
        if item.inherit is not None and speakers[i] is not None:
            speaker = replace(speaker, mention=None)
        para = paras[item.para]
        venue = find_venue(item.attribution) if item.attribution else None
        venue = venue or speaking_venue(text[para.start : para.end])
        body = " ".join(text[item.start : item.end].split())
        quotes.append(Quote(body, item.start, item.end, item.kind, speaker, item.cue, dates[i], venue))
    return quotes
