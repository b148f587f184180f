"""Attribution patterns read in the lead-in before a quote's opening mark: a cue, a participle of saying,
"as X put it", a verb of manner, an opening cue, a colon after the subject."""

from __future__ import annotations

import re
from dataclasses import dataclass

from service.extraction.attribution.attribution import sentence_subject, speaker_after, speaker_before
from service.extraction.attribution.bare import colon_label
from service.extraction.attribution.clauses import ADJUNCT_RE
from service.extraction.attribution.cued import quoted_speaker
from service.extraction.attribution.quote_pattern import (
    LEAD_PUNCTUATION,
    MANNER_ALT,
    Attribution,
    QuotePattern,
)
from service.extraction.cues import CUE_RE, NOT_NAME_START
from service.extraction.speakers.mention_words import Mention
from service.extraction.speakers.mentions import parse_mention

# Adjunct phrases a lead-in may hold between its cue and the quote ("said on Friday in a statement: “…”").
MAX_ADJUNCTS = 4
# A colon lead-in longer than this is narration that happens to end in a colon, not a speaker's turn.
MAX_COLON_LEAD_WORDS = 12
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
_MANNER_BEFORE_RE = re.compile(rf"\s(?P<verb>{MANNER_ALT})\s*[,:]\s*\Z")
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
# Verbs that pass words on to a hearer: "his wife said he had rung her and told her: “…”".
_RELAY_RE = re.compile(r"(?:told|tells|assured|assures)\Z")
_THAT_LEAD_RE = re.compile(r"\s*,?\s*that\s*")
_THAT_OPENS_RE = re.compile(r"\s+that\b")


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
            quoted_speaker(text, hit)  # "Tass quoted X as saying: “…”": X, not the paper
            or (
                _embedded_speaker(text, lo, hit.start(), right_after=True)
                if _RELAY_RE.match(hit["verb"])
                else None
            )
            or speaker_before(text, lo, hit.start())
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


def _embedded_speaker(text: str, lo: int, cue_start: int, right_after: bool = False) -> Mention | None:
    """ "Reed said Hale had told him: “…”": the quote is the words of the embedded clause's subject.

    With `right_after`, only a subject that opens the clause, a pronoun too: "His wife said he had rung
    her and told her: “…”" passes on his words (coreference tells "he" from her).
    """
    earlier = list(CUE_RE.finditer(text, lo, cue_start))
    if not earlier:
        return None
    that = _THAT_OPENS_RE.match(text, earlier[-1].end(), cue_start)
    start = that.end() if that else earlier[-1].end()
    if right_after:  # "... said he had rung her and told her:" — the clause's own subject, coordinated too
        mention = speaker_before(text, start, cue_start) or sentence_subject(text, start, cue_start)
        return mention if mention is not None and not text[start : mention.start].strip() else None
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
    if between.strip(LEAD_PUNCTUATION) and not _THAT_LEAD_RE.fullmatch(between):
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
