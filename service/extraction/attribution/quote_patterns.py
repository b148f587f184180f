"""The attributions a direct quote can carry, as an ordered, named registry of small patterns.

Each pattern reads one shape of attribution around a quoted span: its `trigger` says whether the shape's
marker is there (a cue word, "according to", a colon, a dash) and `read` returns who speaks, with which
cue and in which words, or None. Patterns are tried in registry order; a *decisive* pattern whose trigger
fires settles the quote's attribution on that side even when it names no one (", according to the
latest figures" is not someone's signature), the others let the next pattern try.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, NamedTuple

from service.extraction.attribution.attribution import sentence_subject, speaker_after, speaker_before
from service.extraction.attribution.bare import colon_label, dash_signature
from service.extraction.attribution.clauses import ADJUNCT_RE
from service.extraction.cues import CUE_RE, MANNER_VERBS, NOT_NAME_START, wordset
from service.extraction.layout.spans import QUOTE_MARK_RE, QuoteSpan, mark_len
from service.extraction.speakers.mentions import Mention, parse_mention

# How far past a closing mark a cue may sit and still attribute the quote ("…,” the former governor of
# the state, who ran twice, said): further on, the cue belongs to another sentence's business.
CUE_AFTER_WINDOW = 220
# Adjunct phrases a lead-in may hold between its cue and the quote ("said on Friday in a statement: “…”").
MAX_ADJUNCTS = 4
# A colon lead-in longer than this is narration that happens to end in a colon, not a speaker's turn.
MAX_COLON_LEAD_WORDS = 12
# Words a speaker phrase before a trailing cue may hold beyond the mention itself (", he said" + "Mr ").
MENTION_SLACK_CHARS = 3
# Commas an inverted speaker phrase is cut back at before giving up ("said X, 34, a native of Y, who ...").
MAX_APPOSITIVE_CUTS = 4
# A description before the named person ("the supervisor, regional manager Howard Linde"): at most so long.
MAX_DESCRIPTION_WORDS = 4

_DESCRIPTION_OPENERS = wordset("the a an his her their its our")
# Participles of saying that open a quote after the clause of their subject (", telling the crowd, “…”").
_PARTICIPLES = (
    "saying|adding|writing|tweeting|posting|noting|declaring|explaining|insisting|warning|arguing|joking|"
    "quipping|replying|responding|recalling|stating"
)
# Only these take an object before the quote (", telling the crowd, “…”", ", asking reporters: “…”").
_OBJECT_PARTICIPLES = "telling|asking|reminding|assuring|urging"
_PARTICIPLE_LEAD_RE = re.compile(
    rf",\s+(?:and\s+)?(?:(?P<verb>{_PARTICIPLES})|(?P<told>{_OBJECT_PARTICIPLES})(?:\s+[\w'\u2019.-]+){{1,3}}?)"
    r"\s*[,:]?\s*\Z"
)
_OPENS_SENTENCE_RE = re.compile(r"\s*[A-Z0-9\u2018'\[]")
_TOLD_VERB_RE = re.compile(r"\b(?:told|tells|tell|asked|asks|assured|assures|reminded|reminds)\Z")
# The hearer of "told" and its adjuncts, up to the comma or colon that opens the quote.
_TOLD_OBJECT_RE = re.compile(r"(?:\s+[\w'\u2019.-]+){1,8}?\s*[,:]\s*\Z")
_MANNER_ALT = "|".join(sorted(MANNER_VERBS, key=len, reverse=True))
_MANNER_BEFORE_RE = re.compile(rf"\s(?P<verb>{_MANNER_ALT})\s*[,:]\s*\Z")
# Who may stand next to a verb of manner: a capitalised name, a pronoun or a short "the ..." description.
_WHO = (
    r"(?P<who>(?:[A-Z][\w.'\u2019-]*\s+){0,4}[A-Z][\w.'\u2019-]*|he|she|they|it|the\s+[a-z]+(?:\s+[a-z]+)?)"
)
_MANNER_AFTER_RE = re.compile(rf"\s*,?\s*{_WHO}\s+(?P<verb>{_MANNER_ALT})\s*[.!?]?\s*\Z")
_MANNER_INVERTED_RE = re.compile(rf"\s*,?\s*(?P<verb>{_MANNER_ALT})\s+{_WHO}\s*[.!?]?\s*\Z")
_INITIAL_CUE_RE = re.compile(
    r"\s*(?P<verb>Said|Says|Tweeted|Tweets|Wrote|Writes|Added|Adds|Asked|Asks|Posted|Declared|Replied|"
    r"Responded|Continued|Quipped|Countered|Recalled)\s+(?P<who>[^,:;.!?\u201c\u201d\"]{2,80}?)\s*[,:]\s*\Z"
)
_NAME_BEFORE_RE = re.compile(r"(?<![\w'\u2019-])((?:[A-Z][\w.'\u2019-]*\s+){0,3}[A-Z][\w.'\u2019-]*)\s+\Z")
_COORDINATED_RE = re.compile(r"\s(?:and|then|but)\s+(?:(?:also|later|then|simply|finally)\s+)?\Z")
_AS_PUT_IT_RE = re.compile(
    r"\b[Aa]s\s+(?P<who>[^:;]{2,120}?),?\s+(?:put|puts|has\s+put)\s+it\b[^:;]{0,40}[:,]\s*\Z"
)
# A subordinate opener before the subject: "Asked whether the boats would return, Ruiz ...".
_OPENER_RE = re.compile(r"(?:But|And|Yet|So|Still|Then|Now|Also)\s+|[^,]{2,80},\s+(?=[A-Z])")
# The subject's words: capitalised words, with at most two lower-case words (a title: "chief", "former")
# between them, up to the first word that is neither.
_SUBJECT_RUN_RE = re.compile(
    r"[A-Z][\w.'\u2019-]*(?:\s+(?:[a-z][\w-]*\s+){0,2}?(?!(?:[A-Z][a-z]*ly)\b)[A-Z][\w.'\u2019-]*)*"
)
_ACCORDING_AFTER_RE = re.compile(r"\s*,?\s*according\s+to\s+")
# ", adding that ... on Thursday" after the cue is another statement: the attribution words stop before it.
_ADDED_CLAUSE_RE = re.compile(r",\s+\w+ing\b|\s+that\s")
_THAT_LEAD_RE = re.compile(r"\s*,?\s*that\s*")
_THAT_OPENS_RE = re.compile(r"\s+that\b")
_LEAD_PUNCTUATION = " ,:\u2014\u2013-"
_GAP_PUNCTUATION = ("", ",", "\u2014", "-")


class Attribution(NamedTuple):
    """Who a quote is attributed to, the cue word (None for a colon or a dash) and the words around it."""

    mention: Mention
    cue: str | None
    words: str
    pattern: str = ""  # the name of the pattern that read it


@dataclass(frozen=True)
class QuotePattern:
    """One named shape of attribution; subclasses implement `trigger` and `read`."""

    name: str
    decisive: bool = False  # when its trigger fires, later patterns on the same side are not tried

    def trigger(self, text: str, quote: QuoteSpan, lo: int, hi: int) -> Any:
        """The marker of this shape in text[lo:hi] (a match, or True), else None."""
        raise NotImplementedError

    def read(self, text: str, quote: QuoteSpan, lo: int, hi: int, hit: Any) -> Attribution | None:
        """The attribution this shape reads once its marker is found, else None."""
        raise NotImplementedError


def _after_mark(text: str, quote: QuoteSpan) -> int:
    return quote.close_mark + mark_len(text, quote.close_mark)


@dataclass(frozen=True)
class AccordingAfter(QuotePattern):
    """ "“…,” according to the mayor's office." """

    def trigger(self, text, quote, lo, hi):
        return _ACCORDING_AFTER_RE.match(text, lo, hi)

    def read(self, text, quote, lo, hi, hit):
        mention = speaker_after(text, hit.end(), hi)
        return Attribution(mention, "according to", text[lo:hi]) if mention else None


def _described_first(left: str, mention: Mention) -> bool:
    """ "the supervisor, regional manager Howard Linde": a short description, then the person it names."""
    before = left[: left.rfind(mention.text)].rstrip() if mention.text in left else ""
    words = before.rstrip(",").split()
    short = 1 < len(words) <= MAX_DESCRIPTION_WORDS
    return before.endswith(",") and short and words[0].lower() in _DESCRIPTION_OPENERS


@dataclass(frozen=True)
class CueAfter(QuotePattern):
    """ "“…,” Ruiz said (on Friday)." and "“…,” said Ruiz." — a cue after the closing mark."""

    def trigger(self, text, quote, lo, hi):
        return CUE_RE.search(text, lo, min(hi, lo + CUE_AFTER_WINDOW))

    def read(self, text, quote, lo, hi, hit):
        left = text[lo : hit.start()].strip(_LEAD_PUNCTUATION)
        tail = _ADDED_CLAUSE_RE.search(text, hit.end(), hi)
        words = text[lo : tail.start() if tail else hi]
        if left:
            mention = speaker_before(text, lo, hit.start())
            if mention is None or (
                len(left) > len(mention.text) + MENTION_SLACK_CHARS and not _described_first(left, mention)
            ):
                return None
            return Attribution(mention, hit.group("verb"), words)
        if text[lo : hit.start()].strip() not in _GAP_PUNCTUATION:
            return None
        mention = inverted_speaker(text, hit.end(), hi)
        return Attribution(mention, hit.group("verb"), words) if mention else None


def inverted_speaker(text: str, lo: int, hi: int) -> Mention | None:
    """The speaker after an inverted cue ("said Ana Ortiz, director of ..."), up to the next quote mark.

    The appositive may run on into a clause ("..., that is studying the plan") that no mention parses: the
    name and its first appositives still do, so the phrase is cut back one comma at a time.
    """
    reopened = QUOTE_MARK_RE.search(text, lo, hi)  # "“...,” said X, director of Y, “and ...”": a split quote
    hi = reopened.start() if reopened else hi
    mention = speaker_after(text, lo, hi)
    cut = hi
    for _ in range(MAX_APPOSITIVE_CUTS):
        if mention is not None:
            break
        cut = text.rfind(",", lo, cut)
        if cut < 0:
            break
        mention = speaker_after(text, lo, cut)
    return mention


@dataclass(frozen=True)
class DashSignature(QuotePattern):
    """ "“…” ― Julio Arce": a signature after a dash, no cue word."""

    def trigger(self, text, quote, lo, hi):
        return True

    def read(self, text, quote, lo, hi, hit):
        # A round-up prints each quote and its signature on a line of its own; the sentence ends at the
        # closing mark, the signature runs to the end of the line.
        line_end = text.find("\n", lo)
        for end in (hi, line_end if line_end >= 0 else len(text)):
            signed = dash_signature(text, lo, end) if end > lo else None
            if signed is not None:
                return Attribution(signed, None, text[lo:end])
        return None


@dataclass(frozen=True)
class CueBefore(QuotePattern):
    """ "Ruiz said (on Friday): “…”" — the last cue of the lead-in, followed only by adjuncts."""

    def trigger(self, text, quote, lo, hi):
        cues = list(CUE_RE.finditer(text, lo, quote.open_mark))
        return cues[-1] if cues else None

    def read(self, text, quote, lo, hi, hit):
        if not _lead_in_ends(text, hit.end(), quote.open_mark):
            return None
        mention = (
            speaker_before(text, lo, hit.start())
            or _embedded_speaker(text, lo, hit.start())
            or speaker_after(text, hit.end(), quote.open_mark)
        )
        coordinated = _COORDINATED_RE.search(text, lo, hit.start())  # left to CoordinatedCueBefore
        if mention is None and not coordinated and _OPENS_SENTENCE_RE.match(text, quote.start):
            # "Clinton, at a later press gaggle, said, “I've been briefed ...”": an aside no rule knows
            # between the subject and the cue; a whole quoted sentence after the cue is still its subject's.
            mention = clause_subject(text, lo, hit.start()) or name_right_before(text, lo, hit.start())
        return Attribution(mention, hit.group("verb"), text[lo : quote.open_mark]) if mention else None


@dataclass(frozen=True)
class MannerBefore(QuotePattern):
    """ "Trump boasted, “That makes me smart.”" — a verb of the manner of speaking right before a quote."""

    def trigger(self, text, quote, lo, hi):
        hit = _MANNER_BEFORE_RE.search(text, lo, quote.open_mark)
        return hit if hit is not None and _OPENS_SENTENCE_RE.match(text, quote.start) else None

    def read(self, text, quote, lo, hi, hit):
        verb = hit.start("verb")
        mention = (
            speaker_before(text, lo, verb)
            or clause_subject(text, lo, verb)
            or name_right_before(text, lo, verb)
        )
        return Attribution(mention, hit.group("verb"), text[lo : quote.open_mark]) if mention else None


@dataclass(frozen=True)
class MannerAfter(QuotePattern):
    """ "“…,” Ruiz scoffed." and "“…,” scoffed Ruiz." — a verb of manner and its speaker, nothing else."""

    def trigger(self, text, quote, lo, hi):
        return _MANNER_AFTER_RE.match(text, lo, hi) or _MANNER_INVERTED_RE.match(text, lo, hi)

    def read(self, text, quote, lo, hi, hit):
        who = hit.group("who")
        mention = parse_mention(who, hit.start("who"))
        if mention is None or mention.kind not in ("name", "pronoun", "description", "org"):
            return None
        return Attribution(mention, hit.group("verb"), text[lo:hi])


def _embedded_speaker(text: str, lo: int, cue_start: int) -> Mention | None:
    """ "Reed said Hale had told him: “…”": the quote is the words of the embedded clause's subject."""
    earlier = list(CUE_RE.finditer(text, lo, cue_start))
    if not earlier:
        return None
    that = _THAT_OPENS_RE.match(text, earlier[-1].end(), cue_start)
    start = that.end() if that else earlier[-1].end()
    mention = speaker_before(text, start, cue_start)
    return mention if mention is not None and mention.start >= start and mention.kind != "pronoun" else None


@dataclass(frozen=True)
class CoordinatedCueBefore(CueBefore):
    """ "Ruiz shook her head and said, “No.”" — a cue coordinated with an earlier verb of its subject."""

    def read(self, text, quote, lo, hi, hit):
        if not _COORDINATED_RE.search(text, lo, hit.start()) or not _lead_in_ends(
            text, hit.end(), quote.open_mark
        ):
            return None
        mention = clause_subject(text, lo, hit.start())
        return Attribution(mention, hit.group("verb"), text[lo : quote.open_mark]) if mention else None


def _lead_in_ends(text: str, pos: int, open_mark: int) -> bool:
    """Whether only adjuncts, "that", a colon or a second "said" lie between a cue at `pos` and the quote."""
    told = _TOLD_OBJECT_RE.match(text, pos, open_mark)  # "told his radio audience on Monday, “…”"
    if told and _TOLD_VERB_RE.search(text, max(0, pos - 8), pos):
        return True
    for _ in range(MAX_ADJUNCTS):
        m = ADJUNCT_RE.match(text, pos, open_mark)
        if not m or m.end() == pos:
            break
        pos = m.end()
    between = text[pos:open_mark]
    if between.strip(_LEAD_PUNCTUATION) and not _THAT_LEAD_RE.fullmatch(between):
        tail = between.strip()
        return tail.startswith(("said", "says")) or tail.endswith(":")
    return True


@dataclass(frozen=True)
class ParticipleBefore(QuotePattern):
    """ "Ruiz took to social media, writing: “…”" — a participle of saying whose subject is the clause's."""

    def trigger(self, text, quote, lo, hi):
        return _PARTICIPLE_LEAD_RE.search(text, lo, quote.open_mark)

    def read(self, text, quote, lo, hi, hit):
        cues = list(CUE_RE.finditer(text, lo, hit.start()))
        if cues:  # "The board will meet, Ruiz said, adding, “…”": the cue's speaker, not the clause's subject
            mention = speaker_before(text, lo, cues[-1].start()) or speaker_after(
                text, cues[-1].end(), hit.start()
            )
        else:
            mention = clause_subject(text, lo, hit.start())
        verb = hit.group("verb") or hit.group("told")
        return Attribution(mention, verb, text[lo : quote.open_mark]) if mention else None


@dataclass(frozen=True)
class AsPutIt(QuotePattern):
    """ "Or, as Tom Ridley, a former harbour master, put it: “…”" — the speaker between "as" and "put it"."""

    def trigger(self, text, quote, lo, hi):
        return _AS_PUT_IT_RE.search(text, lo, quote.open_mark)

    def read(self, text, quote, lo, hi, hit):
        who = hit.group("who")
        mention = parse_mention(who, hit.start("who")) or parse_mention(who.split(",")[0], hit.start("who"))
        if mention is None or mention.kind not in ("name", "description", "org", "pronoun"):
            return None
        return Attribution(mention, "put it", text[lo : quote.open_mark])


def name_right_before(text: str, lo: int, hi: int) -> Mention | None:
    """ "In a radio interview Trump declared": the capitalised name that ends right where the cue begins."""
    m = _NAME_BEFORE_RE.search(text, max(lo, hi - 80), hi)
    if m is None or m.group(1).split()[0] in NOT_NAME_START:
        return None
    mention = parse_mention(m.group(1), m.start(1))
    return mention if mention is not None and mention.kind == "name" else None


def clause_subject(text: str, lo: int, hi: int) -> Mention | None:
    """The person a clause opens with ("Asked about it, Harbour chief Nadia Okafor quickly took ...")."""
    mention = sentence_subject(text, lo, hi)
    if mention is not None:
        return mention
    opener = _OPENER_RE.match(text, lo, hi)
    start = opener.end() if opener else lo
    run = _SUBJECT_RUN_RE.match(text, start, hi)
    if run is None:
        return None
    mention = parse_mention(run.group(0), start)
    return mention if mention is not None and mention.kind in ("name", "description") else None


@dataclass(frozen=True)
class InitialCue(QuotePattern):
    """ "Tweeted Trump: “…”", "Said one voter, “…”" — a sentence that opens with its cue, then the speaker."""

    def trigger(self, text, quote, lo, hi):
        return _INITIAL_CUE_RE.match(text, lo, quote.open_mark)

    def read(self, text, quote, lo, hi, hit):
        mention = parse_mention(hit.group("who"), hit.start("who"))
        if mention is None or mention.kind not in ("name", "description", "org"):
            return None
        return Attribution(mention, hit.group("verb").lower(), text[lo : quote.open_mark])


@dataclass(frozen=True)
class ColonSubject(QuotePattern):
    """ "Moreau pounced: “…”" — no cue word, but the speaker's own short sentence ends in a colon."""

    def trigger(self, text, quote, lo, hi):
        lead = text[lo : quote.open_mark].rstrip()
        return lead if lead.endswith(":") and len(lead.split()) <= MAX_COLON_LEAD_WORDS else None

    def read(self, text, quote, lo, hi, hit):
        mention = sentence_subject(text, lo, lo + len(hit) - 1) or colon_label(text, lo, lo + len(hit))
        if mention is None or mention.kind not in ("name", "pronoun", "description", "org"):
            return None
        return Attribution(mention, None, hit)


# After the closing mark, in order: "according to" first (its "to X" would otherwise be read as a cue's
# object), then a cue, and a dash signature only where no cue is near.
AFTER_QUOTE: tuple[QuotePattern, ...] = (
    AccordingAfter("according_after", decisive=True),
    MannerAfter("manner_after"),
    CueAfter("cue_after", decisive=True),
    DashSignature("dash_signature"),
)
# Before the opening mark, in order: a cue in the lead-in, a participle of saying after its subject's clause,
# "as X put it", else a colon after the subject or a label.
BEFORE_QUOTE: tuple[QuotePattern, ...] = (
    CueBefore("cue_before"),
    CoordinatedCueBefore("coordinated_cue_before"),
    ParticipleBefore("participle_before"),
    AsPutIt("as_put_it"),
    MannerBefore("manner_before"),
    InitialCue("initial_cue"),
    ColonSubject("colon_subject"),
)
# Patterns whose lead-in holds a clause of its own before the cue ("X said A and said, “…”"): that sentence
# may still hold reported speech.
CLAUSE_BEFORE = frozenset({"coordinated_cue_before", "participle_before", "manner_before"})
# A lead-in read for its cue only: who opened a quote that runs over several paragraphs.
CUED_LEAD_IN: tuple[QuotePattern, ...] = BEFORE_QUOTE[:1]


def first_attribution(
    patterns: tuple[QuotePattern, ...], text: str, quote: QuoteSpan, lo: int, hi: int
) -> tuple[str, Attribution] | None:
    """The first pattern (by registry order) that reads an attribution, with its name; None if none does."""
    for pattern in patterns:
        hit = pattern.trigger(text, quote, lo, hi)
        if hit is None:
            continue
        found = pattern.read(text, quote, lo, hi, hit)
        if found is not None:
            return pattern.name, found._replace(pattern=pattern.name)
        if pattern.decisive:
            return None
    return None


def attribution_after(text: str, quote: QuoteSpan, sentence_end: int) -> Attribution | None:
    """The attribution that follows a quote's closing mark in its sentence, else None."""
    lo = _after_mark(text, quote)
    hit = first_attribution(AFTER_QUOTE, text, quote, lo, sentence_end)
    return hit[1] if hit else None


def attribution_before(
    text: str, quote: QuoteSpan, lo: int, patterns: tuple[QuotePattern, ...] = BEFORE_QUOTE
) -> Attribution | None:
    """The attribution in the lead-in text[lo:quote.open_mark] before a quote, else None."""
    hit = first_attribution(patterns, text, quote, lo, quote.open_mark)
    return hit[1] if hit else None
