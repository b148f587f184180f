"""Direct quotes: which quoted spans are statements, and the attribution next to each."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from service.extraction.attribution.attribution import RELATIVE_TAIL_RE, speaker_before
from service.extraction.attribution.quote_pattern import Attribution
from service.extraction.attribution.quote_patterns import (
    CLAUSE_BEFORE,
    CUED_LEAD_IN,
    attribution_after,
    attribution_before,
)
from service.extraction.attribution.quote_runs import (
    listed_after,
    merge_runs,
    sentence_of,
    split_at_new_speaker,
    stripped,
)
from service.extraction.attribution.quote_tail import clause_tail_end, trailing_attribution
from service.extraction.attribution.reported import DATELINE_RE, trim_clause
from service.extraction.attribution.short import ends_sentence, judged, uttered
from service.extraction.attribution.split import Piece, join_split_quotes
from service.extraction.cues import CUE_RE, wordset
from service.extraction.layout.spans import Para, QuoteSpan, mark_len
from service.extraction.speakers.mention_words import Mention

# A quote of fewer words needs a cue to be a statement; more, and opening its sentence is enough.
_MIN_WORDS = 3
_TITLE_SMALL_WORDS = wordset("of the and a an in to for on at by with from or as is vs")
# A quote of at most so many capitalised words ("“Harbour First”") is a title or a name, not speech.
_TITLE_MAX_WORDS = 8
_LOOSE_WORDS = 6  # scare quotes and titles are shorter; six quoted words inside a sentence are speech
_CUED_FRAGMENT_WORDS = 3  # shorter fragments after a cue are mostly scare quotes, even after "called"
_CHARACTERISE_RE = re.compile(
    r"\b(?:(?:has|have|had|also|repeatedly|previously|once)\s+)*(?P<verb>called|calls|described|describes|dubbed|"
    r"labeled|labelled|branded|termed|blasted|slammed|praised|criticized|criticised|accused|urged|vowed|promised|"
    r"pledged|denounced|condemned|hailed|decried|lamented|warned|insisted|argued|likened|compared)\b"
)
_THAT_BEFORE_RE = re.compile(r"\bthat\s*$")
_GOES_ON_RE = re.compile(r"\s+(?:and|but|or)\s+(?:that\s+)?\w+(?:\s+\w+){2}")

_WRITING_VERBS = frozenset({"wrote", "typed"})


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

    def attribute(self, attribution: Attribution) -> None:
        """Take the speaker mention, cue and attribution words of `attribution`."""
        self.mention, self.cue, self.attribution = attribution.mention, attribution.cue, attribution.words


def _cued_fragment(text: str, lo: int, open_mark: int) -> bool:
    """Whether a verb of saying or characterising, with a speaker before it, leads to a quoted fragment."""
    verb = _CHARACTERISE_RE.search(text, lo, open_mark) or CUE_RE.search(text, lo, open_mark)
    return verb is not None and speaker_before(text, lo, verb.start()) is not None


def _title_like(content: str) -> bool:
    words = content.split()
    return len(words) <= _TITLE_MAX_WORDS and all(
        w[:1].isupper() or w.lower() in _TITLE_SMALL_WORDS or not w[:1].isalpha() for w in words
    )


def _clause_goes_on(text: str, first: QuoteSpan, last: QuoteSpan, s_start: int, s_end: int) -> bool:
    """A quote opened right after 'said (...) that' whose sentence runs on with words of its own."""
    if (
        first is not last
        or last.close_mark is None
        or not _THAT_BEFORE_RE.search(text, s_start, first.open_mark)
    ):
        return False
    rest = text[last.close_mark + mark_len(text, last.close_mark) : s_end]
    return bool(_GOES_ON_RE.match(rest))


def _follows_piece(pieces: list[Piece], found: list[Found], first: QuoteSpan) -> bool:
    return bool(pieces) and pieces[-1].index == len(found) - 1 and pieces[-1].last.para == first.para


def direct_quotes(text: str, paras: list[Para], spans: list[QuoteSpan], bounds) -> tuple[list[Found], set]:
    """Quoted spans that are statements (with their attribution) and the sentences they occupy."""
    found: list[Found] = []
    pieces: list[Piece] = []  # the statements a split quote may join (see split.py)
    quoted_sentences: set[tuple[int, int]] = set()
    last_close = -1  # just after the previous closing mark: a lead-in never reaches back past it
    listed: set[int] = set()  # quotes read as later items of a list said aloud ("chanted “A” and “B”")
    for run in split_at_new_speaker(text, merge_runs(spans), bounds):
        first, last = run[0], run[-1]
        if first.start in listed:
            continue
        content = text[first.start : last.end]
        s_first = sentence_of(bounds[first.para], first.open_mark)
        s_last = sentence_of(bounds[last.para], last.end - 1)
        attribution, placed = None, None
        if last.close_mark is not None:
            attribution = attribution_after(text, last, s_last[1])
            placed = "after"
        if (
            attribution
            and (attribution.cue == "according to" or attribution.mention.kind in ("org", "study"))
            and CUE_RE.search(text, s_first[0], first.open_mark)
        ):
            # "Sloane told officers he had “two beers,” according to the report" (or ", the report states"):
            # the document relays Sloane's mixed statement.
            attribution = None
        prev_close = last_close if s_first[0] <= last_close <= first.open_mark else s_first[0]
        dateline = DATELINE_RE.match(text, prev_close, first.open_mark)  # "KUWAIT (Reuters) - ": no speaker
        prev_close = dateline.end() if dateline else prev_close
        if attribution is None:
            attribution = attribution_before(text, first, prev_close)
            placed = "before" if attribution else None
        elif first is not last and attribution.mention.kind == "pronoun":
            # 'Mr Hale said: “... ¶ “...,” he said.': the one who opened the quote speaks in all of it;
            # the closing "he" would be resolved to whoever was named last, perhaps inside the quote.
            opening = attribution_before(text, first, prev_close, CUED_LEAD_IN)
            if opening is not None and opening.mention.kind == "name":
                attribution, placed = opening, "before"
        if last.close_mark is not None:
            last_close = last.close_mark + 1
        at_start = first.open_mark == s_first[0] or text[s_first[0] : first.open_mark].rstrip().endswith(":")
        mixed = _mixed_statement(text, first, last, attribution, placed, at_start, prev_close, s_last[1])
        if mixed is not None:
            # the quoted words open the speaker's clause and the writer's words finish it: one statement,
            # which a second piece after its attribution may go on (“...” by the board, Ruiz said, “...”)
            pieces.append(
                Piece(len(found), first, last, "after" if mixed.start == s_first[0] else None, s_last[1])
            )
            found.append(mixed)
            _mark_quoted(quoted_sentences, bounds, first, last, mixed.end)
            continue
        if attribution and _clause_goes_on(text, first, last, s_first[0], s_last[1]):
            # 'said that “...” and that ...': the quote is part of a reported clause that goes on past it.
            found.append(Found(first.start, last.end, "direct", first.para))
            found[-1].attribute(attribution)
            found[-1].lead = (s_first[0], first.open_mark)
            continue
        multi = first is not last
        words = len(content.split())
        title = _title_like(content)
        standalone = words >= _MIN_WORDS and (attribution or at_start or multi) and not title
        # A short quote tied to a cue is a statement ("“Never,” Ruiz said." / "Ruiz said, “Never.”"); whether
        # one word is worth matching is the matcher's call.
        short = (
            not standalone
            and words < _MIN_WORDS
            and attribution is not None
            and attribution.cue is not None
            and (at_start or (placed == "before" and ends_sentence(text, last, s_last[1])))
        )
        standalone = standalone or short
        # A short quote with no cue word still tells who speaks in the rest of the paragraph.
        hidden = not standalone and attribution is not None and at_start and not title
        # A long fragment quoted inside a sentence ("called it “a disgrace to ...”") is someone's words,
        # and so is a short one that completes a verb of characterising ("called the audit “laughable.”").
        loose = not standalone and not hidden and not title and words >= _LOOSE_WORDS
        # A shorter fragment is someone's words when a verb of saying or characterising, with its subject,
        # leads to it ("Sanders pledged to rid the world of “this barbarous organization”").
        loose = loose or (
            not standalone
            and not hidden
            and not title
            and words >= _CUED_FRAGMENT_WORDS
            and _cued_fragment(text, s_first[0], first.open_mark)
        )
        described = None
        if not standalone and not hidden and not loose and not title and ends_sentence(text, last, s_last[1]):
            described = judged(text, first, s_first[0])
        said_aloud = None
        if not standalone and not hidden and not loose and described is None:
            said_aloud = uttered(text, first, s_first[0])
            if said_aloud and title and said_aloud.group("verb") in _WRITING_VERBS:
                said_aloud = None  # 'who wrote “Borrowed Light,” a history of ...': a work's name
        if not standalone and not hidden and not loose and described is None and said_aloud is None:
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
        if said_aloud and not multi:
            # "The crowd chanted “Lock her up!” and “Build the wall!”": the list is one utterance
            more = listed_after(text, spans, last, s_last[1])
            if more:
                item.parts = [(start, end)] + [stripped(text, q.start, q.end) for q in more]
                item.end = item.parts[-1][1]
                listed.update(q.start for q in more)
        if multi:  # a quote over several paragraphs: one part a paragraph, without the reopening marks
            item.parts = [stripped(text, span.start, span.end) for span in run]
            item.parts[0] = (start, item.parts[0][1])
            item.parts[-1] = (item.parts[-1][0], end)
        if attribution:
            item.attribute(attribution)
        if loose or described or said_aloud:
            item.lead = (s_first[0], first.open_mark)
            verb = said_aloud or _CHARACTERISE_RE.search(text, s_first[0], first.open_mark)
            if said_aloud:
                verb_start = s_first[0] + said_aloud.start()
                subject = speaker_before(text, s_first[0], verb_start)
            else:
                subject = speaker_before(text, s_first[0], verb.start()) if verb else None
            if described:
                item.attribute(described)
            elif subject is not None:  # "Critics have called the program “a Band-Aid on a broken leg.”"
                item.attribute(Attribution(subject, verb.group("verb"), text[s_first[0] : first.open_mark]))
            if loose:  # a fragment may also be the second piece of a split quote (“...,” he said, “and ...”)
                pieces.append(Piece(len(found), first, last, None, s_last[1]))
            found.append(item)
            continue  # its sentence may still be reported speech that contains it (then it is dropped)
        pieces.append(Piece(len(found), first, last, placed if attribution else None, s_last[1]))
        found.append(item)
        if attribution is not None and attribution.pattern in CLAUSE_BEFORE:
            continue  # "X said A and said, “…”": the sentence still holds X's reported A
        _mark_quoted(quoted_sentences, bounds, first, last, last.end)
    return join_split_quotes(text, found, pieces), quoted_sentences


def _mark_quoted(quoted_sentences: set, bounds, first: QuoteSpan, last: QuoteSpan, end: int) -> None:
    """Record the sentences a statement occupies: reported speech does not read them again."""
    for para_index in range(first.para, last.para + 1):
        para_bounds = bounds[para_index]
        index = max(bisect_right(para_bounds, (first.start, float("inf"))) - 1, 0)
        while index < len(para_bounds) and para_bounds[index][0] < end:
            if para_bounds[index][1] > first.start:
                quoted_sentences.add(para_bounds[index])
            index += 1


def _mixed_statement(
    text: str,
    first: QuoteSpan,
    last: QuoteSpan,
    attribution: Attribution | None,
    placed: str | None,
    at_start: bool,
    lead_start: int,
    sentence_end: int,
) -> Found | None:
    """A quote that opens a clause the writer finishes, as one mixed statement (see quote_tail.py)."""
    if first is not last:
        return None
    end = None
    if attribution is None and at_start:
        trailing = trailing_attribution(text, last, sentence_end)
        if trailing is not None:
            attribution, end = trailing
    elif (
        attribution is not None
        and placed == "before"
        and not RELATIVE_TAIL_RE.search(attribution.mention.text)
    ):
        # (a relative clause's verb describes its noun: 'a historian who wrote “Borrowed Light,” a history')
        end = clause_tail_end(text, lead_start, first, last, sentence_end)
    if end is None:
        return None
    while end > first.open_mark and text[end - 1].isspace():
        end -= 1
    item = Found(first.open_mark, end, "mixed", first.para)
    item.attribute(attribution)
    return item
