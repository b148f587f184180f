"""Direct quotes: which quoted spans are statements, and the attribution next to each."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from service.extraction.attribution.attribution import sentence_subject, speaker_after, speaker_before
from service.extraction.attribution.bare import colon_label, dash_signature
from service.extraction.attribution.clauses import ADJUNCT_RE
from service.extraction.attribution.reported import trim_clause
from service.extraction.attribution.short import ends_sentence, judged
from service.extraction.attribution.split import Piece, join_split_quotes
from service.extraction.cues import CUE_RE, wordset
from service.extraction.layout.spans import Para, QuoteSpan
from service.extraction.speakers.mentions import Mention

_MIN_WORDS = 3
_TITLE_SMALL_WORDS = wordset("of the and a an in to for on at by with from or as is vs")
_LOOSE_WORDS = 6  # scare quotes and titles are shorter; six quoted words inside a sentence are speech
_MARK_LEN = {"``": 2, "''": 2}
_ACCORDING_AFTER_RE = re.compile(r"\s*,?\s*according\s+to\s+")
_CHARACTERISE_RE = re.compile(
    r"\b(?:(?:has|have|had|also|repeatedly|previously|once)\s+)*(?P<verb>called|calls|described|describes|dubbed|"
    r"labeled|labelled|branded|termed|blasted|slammed|praised|criticized|criticised|accused|urged|vowed|promised|"
    r"pledged|denounced|condemned|hailed|decried|lamented|warned|insisted|argued|likened|compared)\b"
)
_DESCRIPTION_OPENERS = wordset("the a an his her their its our")
_THAT_BEFORE_RE = re.compile(r"\bthat\s*$")
_GOES_ON_RE = re.compile(r"\s+(?:and|but|or)\s+(?:that\s+)?\w+(?:\s+\w+){2}")
_ADDED_CLAUSE_RE = re.compile(r",\s+\w+ing\b|\s+that\s")
_MARK_RE = re.compile(r"``|''|[\u201c\u201d\u201e\"\u00ab\u00bb]")


@dataclass
class Found:
    """A statement as found, before its speaker is resolved and its date read."""

    start: int
    end: int
    kind: str
    para: int
    mention: Mention | None = None
    cue: str | None = None
    attribution: str = ""  # the words around the cue: read for the date and the venue
    inherit: int | None = None  # index of the statement whose speaker this one shares
    hidden: bool = False  # a quote too short to index ("It's heartbreaking") that still names a speaker
    lead: tuple[int, int] | None = None  # for a fragment quoted inside a sentence: the words before it
    parts: list[tuple[int, int]] = field(default_factory=list)  # a split quote's pieces; empty: one span


def _mark_len(text: str, at: int) -> int:
    return _MARK_LEN.get(text[at : at + 2], 1)


def _title_like(content: str) -> bool:
    words = content.split()
    return len(words) <= 8 and all(
        w[:1].isupper() or w.lower() in _TITLE_SMALL_WORDS or not w[:1].isalpha() for w in words
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
        signed = dash_signature(text, lo, hi)  # "“...” ― Julio Arce"
        return (signed, None, text[lo:hi]) if signed else None
    left = text[lo : cue.start()].strip(" ,\u2014\u2013-")
    tail = _ADDED_CLAUSE_RE.search(
        text, cue.end(), hi
    )  # ", adding that ... on Thursday" is another statement
    words = text[lo : tail.start() if tail else hi]
    if left:
        mention = speaker_before(text, lo, cue.start())
        if mention is None or (len(left) > len(mention.text) + 3 and not _described_first(left, mention)):
            return None
        return mention, cue.group("verb"), words
    if text[lo : cue.start()].strip() not in ("", ",", "\u2014", "-"):
        return None
    mention = speaker_after(text, cue.end(), hi)
    return (mention, cue.group("verb"), words) if mention else None


def _described_first(left: str, mention: Mention) -> bool:
    """ "the supervisor, regional manager Howard Linde": a short description, then the person it names."""
    before = left[: left.rfind(mention.text)].rstrip() if mention.text in left else ""
    words = before.rstrip(",").split()
    return before.endswith(",") and 1 < len(words) <= 4 and words[0].lower() in _DESCRIPTION_OPENERS


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


def _colon_subject(text: str, q: QuoteSpan, lo: int) -> tuple[Mention, str | None, str] | None:
    """ "Moreau pounced: “...”" — no cue word, but a person's own sentence opens the quote with a colon."""
    lead = text[lo : q.open_mark].rstrip()
    if not lead.endswith(":") or len(lead.split()) > 12:
        return None
    mention = sentence_subject(text, lo, lo + len(lead) - 1) or colon_label(text, lo, lo + len(lead))
    if mention is None or mention.kind not in ("name", "pronoun", "description", "org"):
        return None
    return mention, None, lead


def _clause_goes_on(text: str, first: QuoteSpan, last: QuoteSpan, s_start: int, s_end: int) -> bool:
    """A quote opened right after 'said (...) that' whose sentence runs on with words of its own."""
    if (
        first is not last
        or last.close_mark is None
        or not _THAT_BEFORE_RE.search(text, s_start, first.open_mark)
    ):
        return False
    rest = text[last.close_mark + _mark_len(text, last.close_mark) : s_end]
    return bool(_GOES_ON_RE.match(rest))


def _merge_runs(spans: list[QuoteSpan]) -> list[list[QuoteSpan]]:
    """Group a quote's paragraphs: each run lists the spans of one quote that runs on across paragraphs."""
    runs: list[list[QuoteSpan]] = []
    for span in spans:
        if runs and span.continued and runs[-1][-1].close_mark is None and not runs[-1][-1].stray:
            runs[-1].append(span)
        else:
            runs.append([span])
    return runs


def _follows_piece(pieces: list[Piece], found: list[Found], first: QuoteSpan) -> bool:
    return bool(pieces) and pieces[-1].index == len(found) - 1 and pieces[-1].last.para == first.para


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _sentence_of(bounds: list[tuple[int, int]], at: int) -> tuple[int, int]:
    index = bisect_right(bounds, (at, float("inf"))) - 1  # sentences are sorted and do not overlap
    return bounds[max(index, 0)]


def direct_quotes(text: str, paras: list[Para], spans: list[QuoteSpan], bounds) -> tuple[list[Found], set]:
    """Quoted spans that are statements (with their attribution) and the sentences they occupy."""
    found: list[Found] = []
    pieces: list[Piece] = []  # the statements a split quote may join (see split.py)
    quoted_sentences: set[tuple[int, int]] = set()
    last_close = -1  # just after the previous closing mark: a lead-in never reaches back past it
    for run in _merge_runs(spans):
        first, last = run[0], run[-1]
        content = text[first.start : last.end]
        s_first = _sentence_of(bounds[first.para], first.open_mark)
        s_last = _sentence_of(bounds[last.para], last.end - 1)
        attribution, placed = None, None
        if last.close_mark is not None:
            attribution = _after_attribution(text, last, s_last[1])
            placed = "after"
        if (
            attribution
            and (attribution[1] == "according to" or attribution[0].kind in ("org", "study"))
            and CUE_RE.search(text, s_first[0], first.open_mark)
        ):
            # "Sloane told officers he had “two beers,” according to the report" (or ", the report states"):
            # the document relays Sloane's mixed statement.
            attribution = None
        prev_close = last_close if s_first[0] <= last_close <= first.open_mark else s_first[0]
        if attribution is None:
            attribution = _before_attribution(text, first, prev_close) or _colon_subject(
                text, first, prev_close
            )
            placed = "before" if attribution else None
        elif first is not last and attribution[0].kind == "pronoun":
            # 'Mr Hale said: “... ¶ “...,” he said.': the one who opened the quote speaks in all of it;
            # the closing "he" would be resolved to whoever was named last, perhaps inside the quote.
            opening = _before_attribution(text, first, prev_close)
            if opening is not None and opening[0].kind == "name":
                attribution, placed = opening, "before"
        if last.close_mark is not None:
            last_close = last.close_mark + 1
        if attribution and _clause_goes_on(text, first, last, s_first[0], s_last[1]):
            # 'said that “...” and that ...': the quote is part of a reported clause that goes on past it.
            found.append(Found(first.start, last.end, "direct", first.para, *attribution))
            found[-1].lead = (s_first[0], first.open_mark)
            continue
        multi = first is not last
        at_start = first.open_mark == s_first[0] or text[s_first[0] : first.open_mark].rstrip().endswith(":")
        words = len(content.split())
        title = _title_like(content)
        standalone = words >= _MIN_WORDS and (attribution or at_start or multi) and not title
        # A short quote tied to a cue is a statement ("“Never,” Ruiz said." / "Ruiz said, “Never.”"); whether
        # one word is worth matching is the matcher's call.
        short = (
            not standalone
            and words < _MIN_WORDS
            and attribution is not None
            and attribution[1] is not None
            and (at_start or (placed == "before" and ends_sentence(text, last, s_last[1])))
        )
        standalone = standalone or short
        # A short quote with no cue word still tells who speaks in the rest of the paragraph.
        hidden = not standalone and attribution is not None and at_start and not title
        # A long fragment quoted inside a sentence ("called it “a disgrace to ...”") is someone's words,
        # and so is a short one that completes a verb of characterising ("called the audit “laughable.”").
        loose = not standalone and not hidden and not title and words >= _LOOSE_WORDS
        described = None
        if not standalone and not hidden and not loose and not title and ends_sentence(text, last, s_last[1]):
            described = judged(text, first, s_first[0])
        if not standalone and not hidden and not loose and described is None:
            # A short quoted sentence right after another piece ("“...,” she said. “Twice.”") may go on
            # with it: kept hidden, it shows only if it joins that statement.
            hidden = (
                at_start and ends_sentence(text, last, s_last[1]) and _follows_piece(pieces, found, first)
            )
            if not hidden:
                continue
        start, end = trim_clause(text, first.start, last.end, keep_stop=True)
        if end <= start:
            continue
        item = Found(start, end, "direct", first.para, hidden=hidden)
        if multi:  # a quote over several paragraphs: one part a paragraph, without the reopening marks
            item.parts = [_stripped(text, span.start, span.end) for span in run]
            item.parts[0] = (start, item.parts[0][1])
            item.parts[-1] = (item.parts[-1][0], end)
        if attribution:
            item.mention, item.cue, item.attribution = attribution
        if loose or described:
            item.lead = (s_first[0], first.open_mark)
            verb = _CHARACTERISE_RE.search(text, s_first[0], first.open_mark)
            subject = speaker_before(text, s_first[0], verb.start()) if verb else None
            if described:
                item.mention, item.cue, item.attribution = described
            elif subject is not None:  # "Critics have called the program “a Band-Aid on a broken leg.”"
                item.mention, item.cue, item.attribution = (
                    subject,
                    verb.group("verb"),
                    text[s_first[0] : first.open_mark],
                )
            if loose:  # a fragment may also be the second piece of a split quote (“...,” he said, “and ...”)
                pieces.append(Piece(len(found), first, last, None, s_last[1]))
            found.append(item)
            continue  # its sentence may still be reported speech that contains it (then it is dropped)
        pieces.append(Piece(len(found), first, last, placed if attribution else None, s_last[1]))
        found.append(item)
        for para_index in range(first.para, last.para + 1):
            para_bounds = bounds[para_index]
            index = max(bisect_right(para_bounds, (first.start, float("inf"))) - 1, 0)
            while index < len(para_bounds) and para_bounds[index][0] < last.end:
                if para_bounds[index][1] > first.start:
                    quoted_sentences.add(para_bounds[index])
                index += 1
    return join_split_quotes(text, found, pieces), quoted_sentences
