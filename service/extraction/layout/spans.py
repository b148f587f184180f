"""Paragraphs, quote-mark spans and sentences of an article body, all as offsets into the original text."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from service.extraction.cues import CUE_RE, MANNER_VERBS, wordset
from service.text.calendar import MONTH_ABBREVIATIONS

# Every quotation mark the extractor reads: typographic, straight, guillemets and the `` '' of some feeds.
QUOTE_MARK_RE = re.compile(r"``|''|[\u201c\u201d\u201e\"\u00ab\u00bb]")
_TWO_CHARACTER_MARKS = {"``": 2, "''": 2}
_OPENERS = {"\u201c", "\u201e", "``", "\u00ab"}
_CLOSERS = {"\u201d", "\u00bb"}
# Single quotes as the main marks (some scraped and British copy, typographic or typed as apostrophes):
# only closed by punctuation and a space, so apostrophes ("don\u2019t", "drivers' cars") never close them,
# and only in paragraphs with no double marks at all.
_SINGLE_RE = re.compile(
    r"(?<![^\s(\[:\u2014\u2013-])[\u2018'](?=\S)(.{8,600}?[,.?!\u2026])[\u2019'](?=\s|$)", re.S
)
_CROSSHEAD_WORDS = 8  # a paragraph of fewer words in single marks alone is a crosshead
# A single-marked quote left open at the end of its paragraph: it runs on when the next paragraph reopens it.
# It opens the paragraph or a sentence ("..., said X. 'It has been ..."), never "the '90s".
_SINGLE_OPEN_RE = re.compile(r"(?:(?<=^)|(?<=\n)|(?<=[.?!:]\s))[\u2018'](?=[A-Z0-9])")
# A closing paragraph tail such as "; Sputnik reported." inside a quote that runs on: not the speaker's words.
_STRAY_TAIL_RE = re.compile(
    r"[;,.]\s+(?:(?:the\s+)?[A-Z][\w.&'\u2019-]*\s+){1,4}(?:reported|said|wrote|added|reports|says)\.?\s*$"
)
_ABBREV = (
    wordset(
        "u.s mr mrs ms dr gen sen rep gov lt col maj sgt st "
        "no vs inc corp co ltd jr sr prof u.n u.k e.u a.m p.m d.c fig est adm capt cmdr supt mt ft sen rev"
    )
    | frozenset(MONTH_ABBREVIATIONS)  # "Sept. 4" ends no sentence
)
_SENTENCE_END_RE = re.compile(r"[.!?\u2026]+[\"\u201d\u2019')\]]*\s+")
_CHUNK_RE = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")
_NEWLINE_RE = re.compile(r"\n")
_LINE_END_RE = re.compile(r"[.!?:\"\u201d\u2019)]\s*$")
_LEDE_RE = re.compile(r"[A-Z][A-Za-z.' ,-]{1,40}\((?:AP|Reuters|AFP|CNN|UPI|Bloomberg)\)\s*[\u2014\u2013-]")
# “Is that all?” Trump said. — a name and a cue after a quoted question or exclamation finish its sentence.
_NAMED_CUE_AHEAD_RE = re.compile(r"(?:[A-Z][\w.'\u2019-]*\s+){1,4}")
# “Help!” Ana Ortiz cried. — a verb of manner after the name finishes the sentence as a cue does.
_MANNER_AHEAD_RE = re.compile(r"(?:" + "|".join(sorted(MANNER_VERBS, key=len, reverse=True)) + r")\b")
_INITIALS_RE = re.compile(r"[a-z]|(?:[a-z]\.)+[a-z]")  # "J." or "U.S." before a full stop


def mark_len(text: str, at: int) -> int:
    """The length of the quotation mark at `at` (2 for `` and '', else 1)."""
    return _TWO_CHARACTER_MARKS.get(text[at : at + 2], 1)


@dataclass(frozen=True)
class Para:
    """A body paragraph as offsets."""

    start: int
    end: int


@dataclass(frozen=True)
class QuoteSpan:
    """The inside of one pair of quote marks (marks excluded) within one paragraph."""

    start: int
    end: int
    para: int
    open_mark: int  # offset of the opening mark, or the paragraph start for a continuation
    close_mark: int | None  # offset of the closing mark; None when the quote runs on past the paragraph
    continued: bool = False  # this part continues a quote opened in an earlier paragraph
    stray: bool = False  # cut before a stray attribution such as "; Sputnik reported."


def paragraphs(text: str, blocks) -> list[Para]:
    """Body paragraphs: blank-line separated chunks of body blocks, split again at lines ending a sentence."""
    out: list[Para] = []
    for block in blocks:
        if block.kind != "body" and not (
            block.kind == "title" and _sentence_like(text[block.start : block.end])
        ):
            continue
        for line in _CHUNK_RE.finditer(text[block.start : block.end]):
            chunk_start = block.start + line.start()
            chunk_end = block.start + line.end()
            # One paragraph per line when lines end sentences (scraped text), else keep hard-wrapped lines.
            cursor = chunk_start
            for nl in _NEWLINE_RE.finditer(text[chunk_start:chunk_end]):
                at = chunk_start + nl.start()
                if _LINE_END_RE.search(text[cursor:at]):
                    _add(out, text, cursor, at)
                    cursor = at + 1
            _add(out, text, cursor, chunk_end)
    return out


def _sentence_like(block: str) -> bool:
    """A "title" that reads as a lede (a dateline, or a long sentence with a full stop) is body text."""
    block = block.strip()
    return bool(_LEDE_RE.match(block)) or (len(block.split()) >= 15 and block[-1:] in '.!?"\u201d')


def _add(out: list[Para], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Para(start, end))


def _classify(text: str, at: int, mark: str, para: Para) -> str:
    if mark in _OPENERS:
        return "open"
    if mark in _CLOSERS:
        line_start = at == para.start or text[at - 1] == "\n"
        if line_start and at + 1 < para.end and not text[at + 1].isspace():
            return "open"  # ”Fear. I am afraid ...” — a closing mark typed where a line opens a quote
        return "close"
    before = text[at - 1] if at > para.start else " "
    after = text[at + len(mark)] if at + len(mark) < para.end else " "
    if before == " " and text[at - 2 : at - 1] in ("'", "\u2019") and (after.isspace() or after in ".,;:!?"):
        return "close"  # "... the word 'Clinton,' " said Hale": a space between single and double marks
    if at == para.start and after.isspace() and text[at + len(mark) : para.end].strip():
        return "open"  # '" We have ...' (a control character blanked after the mark): still the opening
    if before.isspace() or before in "([{\u2014\u2013-/:":
        return "open" if not after.isspace() else "none"
    if after.isspace() or after in ".,;:!?)]\u2014\u2013-":
        return "close"
    return "either"


def quote_spans(text: str, paras: list[Para]) -> list[QuoteSpan]:
    """Pair quote marks, following quotes across paragraphs (reopened or closed in a later paragraph)."""
    spans: list[QuoteSpan] = []
    carry = False  # the previous paragraph ended inside a quote that this one continues
    single_carry = False  # the same for a quote in single marks
    for index, para in enumerate(paras):
        open_at: int | None = None
        open_mark = para.start
        continued = False
        marks = [(m.start(), m.group()) for m in QUOTE_MARK_RE.finditer(text, para.start, para.end)]
        if carry and marks and marks[0][0] != para.start:
            open_at, continued = para.start, True  # scraped style: the quote closes in this paragraph
        if not marks:
            found, single_carry = _single_quoted(text, paras, index, single_carry)
            spans += found
        else:
            single_carry = False
        kinds = [_classify(text, at, mark, para) for at, mark in marks]
        inner: set[int] = set()  # marks of a quotation inside the quote: part of its words
        for i, (at, mark) in enumerate(marks):
            kind = kinds[i]
            if mark == "\u201c" and open_at is not None and text[open_mark] == "\u201e":
                kind = "close"  # German-style „...“
            if kind == "none" or i in inner:
                continue
            if open_at is None:
                if kind in ("open", "either"):
                    open_at, open_mark = at + len(mark), at
                    continued = carry and at == para.start
                continue
            outer = text[open_mark : open_mark + len(mark)]
            # the other style of marks inside a quote that its next paragraph reopens: "... “…” ... ¶ "..."
            reopened = index + 1 < len(paras) and text.startswith(outer, paras[index + 1].start)
            if kind == "open" and _nested(kinds, i, mark != outer and reopened):
                inner.update(_next_marks(kinds, i, 2))
                continue
            if kind == "open":
                # A fresh opener while a quote is open: the earlier one lost its closing mark; end it here.
                if at > open_at:
                    spans.append(QuoteSpan(open_at, at, index, open_mark, None, continued))
                open_at, open_mark, continued = at + len(mark), at, False
            elif kind in ("close", "either"):
                if at > open_at:
                    spans.append(QuoteSpan(open_at, at, index, open_mark, at, continued))
                open_at, continued = None, False
        carry = False
        if open_at is not None:
            nxt = paras[index + 1] if index + 1 < len(paras) else None
            carry = nxt is not None and _runs_on(text, nxt)
            if open_mark == para.start or continued or carry:
                stray = _STRAY_TAIL_RE.search(text, open_at, para.end)
                end = stray.start() if stray else para.end
                if end > open_at:
                    spans.append(QuoteSpan(open_at, end, index, open_mark, None, continued, bool(stray)))
    return spans


def _next_marks(kinds: list[str], i: int, count: int) -> list[int]:
    """The indexes of mark `i` and the marks that count after it, skipping marks that are no marks."""
    out = [i]
    for j in range(i + 1, len(kinds)):
        if len(out) == count:
            break
        if kinds[j] != "none":
            out.append(j)
    return out


def _nested(kinds: list[str], i: int, other_style_runs_on: bool) -> bool:
    """Whether the opener at `i`, inside an open quote, starts a quotation within it: “... “…” ...”.

    Its closer comes next and the outer quote's closer after that, with no opener between; an opener
    followed by anything else means the earlier quote lost its closing mark. A quotation in the other
    style of marks ("... “…” ...) needs only its own closer when the next paragraph reopens the outer quote.
    """
    following = _next_marks(kinds, i, 3)[1:]
    closers = [j for j in following if kinds[j] in ("close", "either")]
    if other_style_runs_on and len(following) == 1:
        return len(closers) == 1
    return len(following) == 2 and len(closers) == 2


def _single_quoted(text: str, paras: list[Para], index: int, carried: bool) -> tuple[list[QuoteSpan], bool]:
    """‘...,’ spans of a paragraph that uses single quotes as its quote marks, and whether its last runs on.

    British copy runs a quote over paragraphs as double-marked copy does: 'A. ¶ 'B.' (the first paragraph
    left open, the next reopened).
    """
    para = paras[index]
    out = []
    for m in _SINGLE_RE.finditer(text, para.start, para.end):
        before = text[m.start() - 1] if m.start() > para.start else " "
        continued = carried and m.start() == para.start
        whole = m.start() == para.start and m.end() == para.end
        if whole and not continued and len(m.group(1).split()) < _CROSSHEAD_WORDS:
            continue  # "'A really tough decision.'" alone on its line: a crosshead quoting the story
        if before.isspace() or before in "([:\u2014\u2013-":
            out.append(QuoteSpan(m.start(1), m.end(1), index, m.start(), m.end(1), continued))
    tail = out[-1].end + 1 if out else para.start
    opener = _SINGLE_OPEN_RE.search(text, tail, para.end)
    nxt = paras[index + 1] if index + 1 < len(paras) else None
    runs_on = opener is not None and nxt is not None and _SINGLE_OPEN_RE.match(text, nxt.start) is not None
    runs_on = runs_on and QUOTE_MARK_RE.search(text, nxt.start, nxt.end) is None
    runs_on = runs_on and text[para.end - 1] in ".?!\u2026,;:"
    if runs_on and not _SINGLE_RE.match(text, opener.start(), para.end):
        continued = carried and opener.start() == para.start
        out.append(QuoteSpan(opener.end(), para.end, index, opener.start(), None, continued))
        return out, True
    return out, False


def _runs_on(text: str, para: Para) -> bool:
    """Whether a paragraph reopens or closes a quote left open by the paragraph before it."""
    match = QUOTE_MARK_RE.search(text, para.start, para.end)
    if not match:
        return False
    kind = _classify(text, match.start(), match.group(), para)
    if match.start() == para.start:
        return kind in ("open", "either")
    return kind in ("close", "either")


def sentences(text: str, para: Para, protected: list[QuoteSpan]) -> list[tuple[int, int]]:
    """Sentence offsets inside a paragraph; never split inside a quote, an abbreviation or an initial."""
    out = []
    start = para.start
    starts = [q.start for q in protected]  # quote spans come in text order: bisect, not a scan per stop
    for m in _SENTENCE_END_RE.finditer(text, para.start, para.end):
        cut = m.end()
        inside = bisect_left(starts, m.start()) - 1
        if inside >= 0 and m.start() < protected[inside].end - 1:
            continue
        nxt = text[cut] if cut < para.end else ""
        if nxt and not (nxt.isupper() or nxt.isdigit() or nxt in "\"\u201c'\u2018(`"):
            continue
        if (
            text[m.start()] in "?!"
            and m.group().rstrip()[-1:] in "\"\u201d'"
            and _cue_ahead(text, cut, para.end)
        ):
            continue
        if text[m.start()] == "." and m.start() > start:
            space = max(text.rfind(" ", start, m.start()), text.rfind("\n", start, m.start()))
            token = text[max(space + 1, start) : m.start()].lower().strip('("\u201c')
            token = token.rsplit("-", 1)[-1]  # "then-Sen. Barack Obama", "ex-Gov. Hale": the title after it
            if token in _ABBREV or _INITIALS_RE.fullmatch(token):
                continue
        end = cut
        while end > start and text[end - 1].isspace():
            end -= 1
        out.append((start, end))
        start = cut
    if start < para.end:
        out.append((start, para.end))
    return out


def _cue_ahead(text: str, at: int, end: int) -> bool:
    """Whether a capitalised name and a reporting verb follow `at` ("Trump said", "Mayor Ruiz asked")."""
    names = _NAMED_CUE_AHEAD_RE.match(text, at, end)
    if names is None:
        return False
    hi = min(end, names.end() + 40)
    return (
        CUE_RE.match(text, names.end(), hi) is not None
        or _MANNER_AHEAD_RE.match(text, names.end(), hi) is not None
    )
