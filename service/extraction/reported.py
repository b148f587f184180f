"""Reported speech in one sentence: "X said (that) ...", "..., X said.", "according to X, ..."."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .attribution import speaker_after, speaker_before
from .cues import (
    BARE_CLAUSE_VERBS,
    CLAUSE_OPENERS,
    CUE_RE,
    DATA_NOUNS,
    FINDING_VERBS,
    wordset,
)
from .speakers import Mention, parse_mention

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
# Words that may sit between a cue and its clause: when, where, to whom ("said Friday in a statement that").
ADJUNCT_RE = re.compile(
    rf"\s*,?\s*(?:(?:on|last|this|earlier|late|early|next)\s+(?:{_DAYS}|{_MONTHS}|week|month|year|weekend|"
    rf"morning|afternoon|evening|night)(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+\d{{4}})?|(?:{_DAYS})|"
    rf"in\s+(?:{_MONTHS}|\d{{4}}|the\s+past|the\s+interview|an?\s+(?:[\w-]+\s+){{0,3}}?(?:interview|statement|"
    rf"speech|address|post|letter|report|message|tweet|op-ed|email|note|briefing|broadcast)"
    rf"(?:\s+(?:with|to|on)\s+(?:the\s+)?[A-Z][\w.&'\u2019-]*(?:\s+[A-Z][\w.&'\u2019-]*)*)?)|"
    rf"(?:at|during)\s+(?:an?|the)\s+[^,]{{1,80}}?(?=\s+that\b|,|$)|"
    rf"(?:to|told)\s+(?:reporters|journalists|lawmakers|the\s+[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'\u2019-]*)*|"
    rf"[A-Z][\w.&'\u2019-]*(?:\s+[A-Z][\w.&'\u2019-]*)*|him|her|them|us)|"
    rf"(?:recently|previously|earlier|today|yesterday|later|again|also|repeatedly|publicly|separately|"
    rf"too|however|though|then|now|once)|on\s+(?:Twitter|Facebook|X|Telegram|social\s+media|television)|"
    rf"(?:earlier|later)\s+this\s+(?:week|month|year)|\d+\s+(?:days|weeks|months|years)\s+ago|"
    rf"in\s+(?:a|an|the)\s+(?:recent|new)\s+\w+|(?:on|under)\s+(?:the\s+)?condition\s+of\s+anonymity|"
    rf"by\s+(?:phone|telephone|email|e-mail|text\s+message))"
)
_TOLD_OBJECT_RE = re.compile(
    r"\s+(?:reporters|journalists|lawmakers|(?:the\s+)?(?:[\w-]+\s+){0,2}?[A-Z][\w.&'\u2019-]*"
    r"(?:\s+[A-Z][\w.&'\u2019-]*)*|him|her|them|us|me)"
)
# A clause without "that": a verb within the first few words ("said conservatives were angry").
_FINITE_RE = re.compile(
    r"(?:[\w'\u2019-]+\s+){1,4}?(?:is|are|was|were|had|has|have|would|will|could|can|should|might|may|must|"
    r"did|does|do|remains|remained|plans|planned|wants|wanted|expects|expected|hopes|hoped)\b"
)
_IRREGULAR_PAST = (
    "was|were|had|did|went|came|made|took|gave|saw|knew|thought|told|said|left|fell|rose|won|lost|began|got|"
    "found|kept|held|met|paid|sent|spent|built|felt|brought|bought|ran|became|grew|led|struck|hit|cut|put|"
    "set|let|shot|fled|fought|sold|stood|understood|wrote|broke|chose|drove|flew|forgot|hid|meant|sought|"
    "taught|threw|woke|wore"
)
_PRESENT_S = (
    "says|wants|needs|plans|expects|hopes|believes|thinks|knows|remains|seems|appears|faces|poses|includes|"
    "requires|means|makes|takes|gives|goes|comes|gets|lacks|supports|opposes|continues|depends|exists|employs|"
    "runs|holds|keeps|looks|feels|works|lives|stands|represents|threatens|violates|undermines|helps|costs|"
    "shows|intends|refuses|rejects|denies|accepts|agrees|welcomes|fears|sees|owes|controls|deserves"
)
# A bare reported clause has a verb in its first words: an auxiliary, a past tense or a present "-s" form.
_HAS_VERB_RE = re.compile(
    r"(?:[\w'\u2019,$%.-]+\s+){0,8}?(?:is|are|am|be|been|has|have|would|will|could|can|should|might|may|"
    rf"must|does|do|{_IRREGULAR_PAST}|{_PRESENT_S}|\w{{2,}}ed)\b"
)
# Only say-type verbs invert ("..., said X"); "..., told X" never does.
_INVERTING_VERBS = wordset(
    "said says added adds wrote writes continued explained insisted noted recalled replied countered argued "
    "warned declared concluded stressed predicted"
)
_NEGATED_RE = re.compile(r"\b(?:never|not|n't|no\s+longer|to|hardly|refused|declined)\s+$")
_PASSIVE_RE = re.compile(r"\b(?:is|was|were|are|be|been|being|it)\s+$")
_TAIL_RE = re.compile(
    r",\s+(?:referring|citing|alluding|pointing|in\s+reference|adding|according|noting|explaining|"
    r"saying|revealing|stressing|calling|describing|warning|speaking)\b.*$|"
    r",\s+which\s+(?:is|are|was|were)\s+(?:also\s+)?(?:banned|outlawed|prohibited|designated|listed|"
    r"considered)\b.*$",
    re.S,
)
_ACCORDING_START_RE = re.compile(
    r"^(?:(?:But|And|However|Yet|Still|Meanwhile|Now|Also)\s*,?\s+)?[Aa]ccording\s+to\s+(?P<src>[^,]{2,160}?),\s+"
)
_ACCORDING_END_RE = re.compile(r",\s+according\s+to\s+(?P<src>[^,;]{2,160}?)\s*[.!?]?\s*$")
_ACCORDING_MID_RE = re.compile(r"^[^,]{8,}?,\s+according\s+to\s+(?P<src>[^,]{2,80}),\s+(?=\S+\s+\S+\s+\S+)")
_SRC_STATEMENT_RE = re.compile(
    r"^(?P<who>.+?)['\u2019]s?\s+(?:statement|statements|remarks|comments|words|testimony|letter|"
    r"interview|speech|post|tweet|report|account|estimate|estimates)\b(?P<rest>.*)$"
)
# "WASHINGTON (AP) — ", "CHICAGO, July 9 (Reuters) - ": the dateline is not part of the statement.
_AGENCIES = (
    r"AP|Reuters|AFP|CNN|UPI|Bloomberg|dpa|DPA|Xinhua|TASS|Tass|Sputnik|RIA Novosti|Interfax|IANS|PTI|"
    r"ANI|EFE|Anadolu|BBC|NHK|Kyodo|Yonhap|IRNA|SANA|Al Jazeera|CBS|NBC|ABC|CNBC|Fox News|The Hill"
)
_DATELINE_RE = re.compile(
    r"(?:[A-Z][A-Z.'-]+(?:\s+[A-Z][A-Z.'-]+)*(?:,\s+[A-Z][\w.]*(?:\s+[A-Z]?[\w.]+)?)?\s*(?:\([^)]{1,40}\))?"
    r"\s*[\u2014\u2013-]{1,2}\s+"
    rf"|(?:[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){{0,3}}(?:,\s+[A-Z][\w.]*(?:\s+\d{{1,2}})?)?\s*)?\((?:{_AGENCIES})\)"
    r"\s*(?:[\u2014\u2013-]{1,2}\s*)?)"
)
_INTRO_RE = re.compile(
    r"(?:In|On|At|During|Meanwhile|However|But|Separately|Earlier|Later|Last|Also|Still|Yet|Now)\b"
    r"(?:\s+[\w'\u2019.-]+){0,6},\s+"
)
_THAT_FIRST_RE = re.compile(r"\s*,?\s*that\s+")
# "..., state media reported, as the army pressed ...": a time or circumstance clause after the attribution.
_SUBCLAUSE_TAIL_RE = re.compile(
    r",\s+(?:as|while|after|before|when|amid|with|despite|because|since|even\s+as)\s"
)
_ANON_AFTER_RE = re.compile(r"\s*,?\s*(?:on|under)\s+(?:the\s+)?condition\s+of\s+anonymity")
_RESEARCHERS_RE = re.compile(
    r"\b(?:researchers|scientists|investigators|authors|experts|analysts|team)$", re.I
)
_THAT_RE = re.compile(r"\bthat\s+")
_SUBJECT_PRONOUN_RE = re.compile(r"\b(?:he|she|they|it|we|I)\b")
_PARTICIPLE_TAIL_RE = re.compile(r",\s+\w+ing\b")


@dataclass(frozen=True)
class Reported:
    """A reported statement: the clause's offsets, who, the cue and the attribution words."""

    start: int
    end: int
    mention: Mention
    cue: str
    attribution: str


def trim_clause(text: str, start: int, end: int, keep_stop: bool = False) -> tuple[int, int]:
    """Drop closing punctuation (or, inside a quote, only commas) and descriptive tails from a clause."""
    clause = text[start:end]
    tail = _TAIL_RE.search(clause) if not keep_stop else None
    if tail and tail.start() > 20:
        end = start + tail.start()
    strip = " \t\n,;:" if keep_stop else " \t\n.,;:!?"
    while end > start and text[end - 1] in strip:
        end -= 1
    while start < end and text[start] in " \t\n,;:":
        start += 1
    return start, end


def _words(text: str) -> int:
    return len(text.split())


def _skip_adjuncts(text: str, pos: int, end: int, verb: str) -> int:
    if verb in ("told", "tells"):
        obj = _TOLD_OBJECT_RE.match(text, pos, end)
        if obj:
            pos = obj.end()
    for _ in range(6):
        m = ADJUNCT_RE.match(text, pos, end)
        if not m or m.end() == pos:
            break
        pos = m.end()
    return pos


def _clause_after(text: str, pos: int, end: int, verb: str) -> int | None:
    """Where the reported clause starts after a cue, or None when no clause follows."""
    told = verb in ("told", "tells") and _TOLD_OBJECT_RE.match(text, pos, end) is None
    pos = _skip_adjuncts(text, pos, end, verb)
    rest = text[pos:end]
    m = _THAT_FIRST_RE.match(rest)
    if m:
        return pos + m.end()
    that = _THAT_RE.search(rest[:70])
    if (
        that
        and "," not in rest[: that.start()]
        and not _HAS_VERB_RE.match(rest[: that.start()].strip() + " x")
    ):
        return pos + that.end()  # "told the committee that ...": the words before "that" are an object
    stripped = rest.lstrip(" ,:")
    first = stripped.split(" ", 1)[0].lower() if stripped else ""
    opener = bool(first) and (first in CLAUSE_OPENERS or stripped[0].isupper() or _FINITE_RE.match(stripped))
    bare_ok = (
        _words(stripped) >= 3
        and not stripped.lower().startswith(("to ", "the same", "so "))
        and bool(_HAS_VERB_RE.match(stripped))  # "told the story of his escape" reports nothing
    )
    if verb in BARE_CLAUSE_VERBS and opener and bare_ok and not told:
        return pos + len(rest) - len(stripped)  # (after "told" with no object the words are the object)
    that = _THAT_RE.search(rest[:90])
    if that and "," not in rest[: that.start()] and not _SUBJECT_PRONOUN_RE.search(rest[: that.start()]):
        return pos + that.end()
    return None


def _only_adjuncts_after(text: str, pos: int, end: int, verb: str) -> bool:
    pos = _skip_adjuncts(text, pos, end, verb)
    rest = text[pos:end].strip()
    return not rest.strip(".!?") or bool(_PARTICIPLE_TAIL_RE.match(rest) or _SUBCLAUSE_TAIL_RE.match(rest))


def _according(text: str, start: int, end: int, at_end: bool = False) -> Reported | None:
    sentence = text[start:end]
    m = None if at_end else _ACCORDING_START_RE.match(sentence)
    if m:
        mention = _source_mention(m.group("src"), start + m.start("src"))
        if mention:
            c_start, c_end = trim_clause(text, start + m.end(), end)
            if _words(text[c_start:c_end]) >= 4:
                return Reported(c_start, c_end, mention, "according to", m.group(0))
    middle = _ACCORDING_MID_RE.match(sentence) if at_end else None
    if middle:
        # "The plan, according to officials, would cut taxes.": the statement is the whole sentence.
        mention = _source_mention(middle.group("src"), start + middle.start("src"))
        c_start, c_end = trim_clause(text, start, end)
        if mention and _words(text[c_start:c_end]) >= 6:
            return Reported(c_start, c_end, mention, "according to", middle.group(0))
    m = _ACCORDING_END_RE.search(sentence) if at_end else None
    if m:
        mention = _source_mention(m.group("src"), start + m.start("src"))
        if mention:
            intro = _INTRO_RE.match(sentence)
            c_from = start + (intro.end() if intro and intro.end() < m.start() - 20 else 0)
            c_start, c_end = trim_clause(text, c_from, start + m.start())
            if _words(text[c_start:c_end]) >= 4:
                return Reported(c_start, c_end, mention, "according to", m.group(0))
    return None


def _source_mention(src: str, at: int) -> Mention | None:
    src = src.strip()
    stated = _SRC_STATEMENT_RE.match(src)
    if stated:
        src = stated.group("who")
    if not src.split() or src.split()[-1].lower() in DATA_NOUNS:
        return None
    return parse_mention(src, at)


def find_reported(text: str, start: int, end: int) -> Reported | None:
    """The reported statement a sentence makes, if any; quoted fragments inside stay part of it."""
    dateline = _DATELINE_RE.match(text, start, end)
    if dateline:
        start = dateline.end()  # "MIAMI (AP) — Officials said ...": the dateline is neither speaker nor claim
    found = _according(text, start, end) or _find_cued(text, start, end)
    # "..., according to X." last: an inner "experts warned that ..." names the nearer speaker.
    return found or _according(text, start, end, at_end=True)


def _find_cued(text: str, start: int, end: int) -> Reported | None:
    for cue in CUE_RE.finditer(text, start, end):
        verb = cue.group("verb").lower()
        if "quoted" in verb:
            verb = "saying"  # "was quoted by Interfax as saying (that) ..." takes a clause like "said"
        if _PASSIVE_RE.search(text[max(start, cue.start() - 12) : cue.start()]):
            continue
        if _NEGATED_RE.search(text[max(start, cue.start() - 24) : cue.start()]):
            continue  # "he never mentioned", "declined to say": nothing was stated
        mention = speaker_before(text, start, cue.start())
        inverted = False
        if mention is None:
            before = text[start : cue.start()].rstrip()
            if before.endswith(",") and verb in _INVERTING_VERBS:
                mention = speaker_after(text, cue.end(), end)
                inverted = mention is not None
        if mention is None:
            continue
        if (
            verb in FINDING_VERBS
            and mention.kind not in ("study", "org")
            and not _RESEARCHERS_RE.search(mention.text)
        ):
            continue  # "the study found", "researchers found" report findings; "Smith found" does not
        if verb.split()[0] in ("reported", "reports") and mention.kind not in ("org", "name", "study"):
            continue
        if not mention.anonymous and _ANON_AFTER_RE.match(text, cue.end(), end):
            mention = replace(mention, anonymous=True)  # "a source said on condition of anonymity that ..."
        clause_start = None if inverted else _clause_after(text, cue.end(), end, verb)
        if clause_start is not None:
            c_start, c_end = trim_clause(text, clause_start, end)
            if _words(text[c_start:c_end]) >= 3:
                attribution = text[start:clause_start]
                return Reported(c_start, c_end, mention, cue.group("verb"), attribution)
            continue
        # Trailing attribution: "CLAUSE, X said (on Friday)." or "CLAUSE, said X."
        lead_end = cue.start() if inverted else mention.start
        lead = text[start:lead_end].rstrip()
        after_ok = inverted or _only_adjuncts_after(text, cue.end(), end, verb)
        if lead.endswith(",") and after_ok and _words(lead) >= 4:
            dateline = _DATELINE_RE.match(text, start, lead_end)
            c_from = dateline.end() if dateline else start
            intro = _INTRO_RE.match(text, c_from, lead_end)
            c_from = intro.end() if intro and _words(text[intro.end() : lead_end]) >= 6 else c_from
            c_start, c_end = trim_clause(text, c_from, lead_end)
            if _words(text[c_start:c_end]) >= 4:
                return Reported(c_start, c_end, mention, cue.group("verb"), text[lead_end:end])
    return None
