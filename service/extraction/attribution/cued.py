"""Statements around a speech cue: "X said that ...", "..., X said.", "..., said X.", "The plan, X said, ..."

Each cue in a sentence is first checked (not negated, not passive, a speaker beside it, a finding only
from a study), then the forms in `CUE_FORMS` are tried in order. A form returns the statement, None to
let the next form try, or `SPENT` when the cue is settled and says nothing (the next cue is tried).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from service.extraction.attribution.according import INTRO_RE
from service.extraction.attribution.attribution import sentence_subject, speaker_after, speaker_before
from service.extraction.attribution.clauses import (
    clause_after,
    clause_after_tag,
    goes_on_after_tag,
    only_adjuncts_after,
)
from service.extraction.attribution.reported_span import DATELINE_RE, Reported, trim_clause
from service.extraction.cues import CUE_RE, FINDING_VERBS, wordset
from service.extraction.speakers.mention_words import Mention
from service.extraction.speakers.mentions import parse_mention

# Only say-type verbs invert ("..., said X"); "..., told X" never does.
INVERTING_VERBS = wordset(
    "said says added adds wrote writes continued explained insisted noted recalled replied countered argued "
    "warned declared concluded stressed predicted recalls explains insists notes argues warns"
)
_NEGATED_RE = re.compile(r"\b(?:never|not|n't|no\s+longer|to|hardly|refused|declined)\s+$")
_PASSIVE_RE = re.compile(r"\b(?:is|was|were|are|be|been|being|it)\s+$")
_PASSIVE_WINDOW = 12  # characters before a cue searched for a passive auxiliary ("it is said")
_NEGATION_WINDOW = 24  # ... and for a negation ("declined to say")
_THAT_AFTER_RE = re.compile(r"\s+that\s")  # "Smith estimates that ...": a person's claim, not a finding
_ANON_AFTER_RE = re.compile(r"\s*,?\s*(?:on|under)\s+(?:the\s+)?condition\s+of\s+anonymity")
_RESEARCHERS_RE = re.compile(
    r"\b(?:researchers|scientists|investigators|authors|experts|analysts|team)$", re.I
)
# An opener before a tag that is the reporter's scene, not the speaker's words: "During the first week,
# she recalls, ...", "However, he said, ...". ("But the years that followed, he said, ..." is the subject.)
_TAG_INTRO_RE = re.compile(
    r"(?:(?:In|On|At|During|Earlier|Later|Last)\b(?:\s+[\w'\u2019.-]+){0,6}|"
    r"(?:Meanwhile|However|But|Separately|Also|Still|Yet|Now|Then|Instead)),\s+"
)
# A subordinate clause opening the sentence before a tag: "If the fares rise, she warned, crews plan ...".
_CONDITION_RE = re.compile(
    r"(?:If|Unless|When|Once|Until|Although|Though|While|Because|Since|Whether)\s(?!asked\b)"
    r"[^,]+,\s"
)
_QUOTE_MARK_RE = re.compile('["\u201c\u201d]')
_QUOTED_RE = re.compile(r"quoted\s+(.+?),?\s+as\s+saying", re.S)  # who the paper quoted
_MIN_CLAUSE_WORDS = 3  # a clause after the cue ("said it would")
_MIN_LEAD_WORDS = 4  # a statement before a trailing cue or around a tag
_INTRO_MIN_WORDS = 6  # words an opener must leave before a trailing cue to be cut off


@dataclass(frozen=True)
class Cue:
    """One speech cue in a sentence, with the speaker found beside it."""

    text: str
    start: int  # the sentence's bounds
    end: int
    match: re.Match
    verb: str  # lower case; "saying" for "was quoted ... as saying"
    mention: Mention
    inverted: bool  # "..., said X": the speaker follows the cue

    @property
    def words(self) -> str:
        return self.match.group("verb")


SPENT = object()  # a form's answer: this cue says nothing; try the next cue
CueForm = Callable[[Cue], "Reported | object | None"]


def _words(text: str) -> int:
    return len(text.split())


def clause_after_cue(cue: Cue) -> Reported | object | None:
    """ "Smith said (on Friday) (that) the plan failed.": the clause the cue governs."""
    if cue.inverted:
        return None
    text = cue.text
    clause_start = clause_after(text, cue.match.end(), cue.end, cue.verb)
    if clause_start is None:
        return None
    if "," in text[cue.match.end() : clause_start] and _is_tag(cue):
        return None  # "If turnout is low, the campaign said, it may ...": a tag inside the statement
    c_start, c_end = trim_clause(text, clause_start, cue.end)
    if _words(text[c_start:c_end]) < _MIN_CLAUSE_WORDS:
        return SPENT
    return Reported(c_start, c_end, cue.mention, cue.words, text[cue.start : clause_start])


def _is_tag(cue: Cue) -> bool:
    """Whether the speaker and cue sit between commas inside a sentence ("The rules, she said, ...")."""
    lead_end = _lead_end(cue)
    if not cue.text[cue.start : lead_end].rstrip().endswith(","):
        return False
    # any speech verb tags a sentence that opens with a condition ("If she wins, Ruiz suggested, ...")
    if cue.verb in INVERTING_VERBS:
        return True
    # (no quote before the cue: 'When a man shouted, “Now!” Beck joked, ...' is a scene)
    return _CONDITION_RE.match(cue.text, cue.start, lead_end) is not None and not _QUOTE_MARK_RE.search(
        cue.text, cue.start, cue.match.start()
    )


def _lead_end(cue: Cue) -> int:
    return cue.match.start() if cue.inverted else cue.mention.start


def trailing_attribution(cue: Cue) -> Reported | None:
    """ "The plan failed, Smith said (on Friday)." or "..., said Smith.": the words before the cue."""
    text, start, lead_end = cue.text, cue.start, _lead_end(cue)
    lead = text[start:lead_end].rstrip()
    after_ok = cue.inverted or only_adjuncts_after(text, cue.match.end(), cue.end, cue.verb)
    if not (lead.endswith(",") and after_ok and _words(lead) >= _MIN_LEAD_WORDS):
        return None
    dateline = DATELINE_RE.match(text, start, lead_end)
    c_from = dateline.end() if dateline else start
    intro = INTRO_RE.match(text, c_from, lead_end)
    c_from = intro.end() if intro and _words(text[intro.end() : lead_end]) >= _INTRO_MIN_WORDS else c_from
    c_start, c_end = trim_clause(text, c_from, lead_end)
    if _words(text[c_start:c_end]) < _MIN_LEAD_WORDS:
        return None
    if not cue.inverted and goes_on_after_tag(text, cue.match.end(), cue.end, cue.verb):
        c_end = trim_clause(text, c_from, cue.end)[1]  # the tag sits inside the sentence it attributes
    return Reported(c_start, c_end, cue.mention, cue.words, text[lead_end : cue.end])


def mid_sentence_tag(cue: Cue) -> Reported | None:
    """ "The new rules, she said, would take effect.": the whole sentence (after an opener, the rest)."""
    if cue.inverted or not _is_tag(cue):
        return None
    text, start, lead_end = cue.text, cue.start, _lead_end(cue)
    dateline = DATELINE_RE.match(text, start, lead_end)
    c_from = dateline.end() if dateline else start
    between = text[cue.mention.start + len(cue.mention.text) : cue.match.start()]
    # (only a tag of its own: "When asked whom she backed, Ms. Ruiz smiled and said, ..." is a scene)
    condition = _CONDITION_RE.match(text, c_from, lead_end) is not None and not between.strip()
    tagged = clause_after_tag(text, cue.match.end(), cue.end, cue.verb, after_condition=condition)
    if tagged is None:
        return None
    c_start, c_end = trim_clause(text, c_from, cue.end)
    if _TAG_INTRO_RE.fullmatch(text, c_from, lead_end):
        after = trim_clause(text, tagged, cue.end)
        if _words(text[after[0] : after[1]]) >= _MIN_LEAD_WORDS:  # else the opener is the statement's
            c_start, c_end = after
    if _words(text[c_start:c_end]) < _MIN_LEAD_WORDS:
        return None
    return Reported(c_start, c_end, cue.mention, cue.words, text[lead_end:tagged])


# Tried in this order for every cue.
CUE_FORMS: tuple[tuple[str, CueForm], ...] = (
    ("clause_after_cue", clause_after_cue),
    ("trailing_attribution", trailing_attribution),
    ("mid_sentence_tag", mid_sentence_tag),
)


def quoted_speaker(text: str, match: re.Match) -> Mention | None:
    """ "Tass quoted Deputy Minister X as saying": X, whose words the paper passed on; None for other cues."""
    quoted = _QUOTED_RE.match(text, match.start("verb"), match.end("verb"))
    return parse_mention(quoted.group(1), quoted.start(1)) if quoted else None


def read_cue(text: str, start: int, end: int, match: re.Match) -> Cue | None:
    """The cue at `match` with its speaker, or None when it states nothing (negated, passive, no speaker)."""
    verb = match.group("verb").lower()
    if verb.startswith("quoted"):  # "Tass quoted X as saying (that) ...": X speaks, not the paper
        mention = quoted_speaker(text, match)
        return Cue(text, start, end, match, "saying", mention, False) if mention else None
    if "quoted" in verb:
        verb = "saying"  # "was quoted by Interfax as saying (that) ..." takes a clause like "said"
    if _PASSIVE_RE.search(text[max(start, match.start() - _PASSIVE_WINDOW) : match.start()]):
        return None
    if _NEGATED_RE.search(text[max(start, match.start() - _NEGATION_WINDOW) : match.start()]):
        return None  # "he never mentioned", "declined to say": nothing was stated
    mention = speaker_before(text, start, match.start())
    inverted = False
    if mention is None:
        before = text[start : match.start()].rstrip()
        if before.endswith(",") and verb in INVERTING_VERBS:
            mention = speaker_after(text, match.end(), end)
            inverted = mention is not None
        elif before.endswith((" and", " but")):  # "Ramos urged ... and said ...": the sentence's subject
            mention = sentence_subject(text, start, match.start())
    if mention is None:
        return None
    if (
        verb in FINDING_VERBS
        and mention.kind not in ("study", "org")
        and not _RESEARCHERS_RE.search(mention.text)
        and not (verb.startswith("estimate") and _THAT_AFTER_RE.match(text, match.end(), end))
    ):
        return None  # "the study found", "researchers found" report findings; "Smith found" does not
    if verb.split()[0] in ("reported", "reports") and mention.kind not in ("org", "name", "study"):
        return None
    if not mention.anonymous and _ANON_AFTER_RE.match(text, match.end(), end):
        mention = replace(mention, anonymous=True)  # "a source said on condition of anonymity that ..."
    return Cue(text, start, end, match, verb, mention, inverted)


def find_cued(text: str, start: int, end: int) -> Reported | None:
    """The first statement a speech cue in the sentence introduces, by the first form that reads it."""
    for match in CUE_RE.finditer(text, start, end):
        cue = read_cue(text, start, end, match)
        if cue is None:
            continue
        for _, form in CUE_FORMS:
            found = form(cue)
            if found is SPENT:
                break
            if found is not None:
                return found
    return None
