"""Reported speech in one sentence: "X said (that) ...", "..., X said.", "according to X, ..."."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from service.extraction.attribution.attribution import sentence_subject, speaker_after, speaker_before
from service.extraction.attribution.clauses import clause_after, clause_after_tag, only_adjuncts_after
from service.extraction.cues import (
    CUE_RE,
    DATA_NOUNS,
    FINDING_VERBS,
    wordset,
)
from service.extraction.speakers.mentions import Mention, parse_mention

# Only say-type verbs invert ("..., said X"); "..., told X" never does.
_INVERTING_VERBS = wordset(
    "said says added adds wrote writes continued explained insisted noted recalled replied countered argued "
    "warned declared concluded stressed predicted recalls explains insists notes argues warns"
)
_NEGATED_RE = re.compile(r"\b(?:never|not|n't|no\s+longer|to|hardly|refused|declined)\s+$")
_PASSIVE_RE = re.compile(r"\b(?:is|was|were|are|be|been|being|it)\s+$")
_TAIL_RE = re.compile(
    r",[\"\u201d]?\s+(?:referring|citing|alluding|pointing|in\s+reference|adding|according|noting|explaining|"
    r"saying|revealing|stressing|calling|describing|warning|speaking)\b.*$|"
    r",\s+which\s+(?:is|are|was|were)\s+(?:also\s+)?(?:banned|outlawed|prohibited|designated|listed|"
    r"considered)\b.*$|"
    # The reporter's context after the statement: ", as the frozen food maker grapples with ...".
    r",\s+(?:as|amid|even\s+as)\s+(?:the|its|it|their|they|a|an)\s.*$|,\s+which\s+(?:would|could|will|might)\s.*$|"
    r",\s+without\s+(?:providing|giving|offering|citing|presenting)\s.*$|"
    # a dash gloss closing the sentence: "... would fail \u2014 a claim the council disputes."
    r"\s+(?:[\u2014\u2013]|--?)\s+(?=[a-z])(?!.*(?:[\u2014\u2013]|\s--?\s)).*$|"
    # a second attribution closing the sentence: "..., the affidavit says."
    r",\s+(?:the|a|an|his|her|their|its)\s+[\w'\u2019 -]{2,40}?\s+"
    r"(?:said|says|reported|reports|wrote|writes|states)\s*[.!?]?\s*$",
    re.S,
)
_ACCORDING_START_RE = re.compile(
    r"^\(?(?:(?:But|And|However|Yet|Still|Meanwhile|Now|Also)\s*,?\s+)?[Aa]ccording\s+to\s+(?P<src>[^,]{2,160}?),\s+"
)
# "..., according to Janelle Whitford, a housing economist at ...": the source may carry an appositive.
# The source may be followed by the reporter's own gloss: "..., according to the Tax Policy Center - half
# a point of output", "... according to exit polls (a sizable margin)", "..., according to leaders, compared
# with ...".
_ACCORDING_END_RE = re.compile(
    r"(?:,\s*|\s+)according\s+to\s+(?P<src>[^,;()\u2014\u2013]{2,160}?(?:,\s+(?:a|an|the)\s[^,;()]{2,120}?)?)"
    r"\s*(?:[.!?]?\s*$|(?:[,;(]|\s[\u2014\u2013]|\s--?\s).*$)",
    re.S,
)
# "according to plan": a manner, no source.
_NO_SOURCE = wordset("plan plans schedule tradition custom script design form expectations")
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
DATELINE_RE = re.compile(
    r"(?:[A-Z][A-Z.'-]+(?:\s+[A-Z][A-Z.'-]+)*(?:,\s+[A-Z][\w.]*(?:\s+[A-Z]?[\w.]+)?)?\s*(?:\([^)]{1,40}\))?"
    r"\s*[\u2014\u2013-]{1,2}\s+"
    rf"|(?:[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){{0,3}}(?:,\s+[A-Z][\w.]*(?:\s+\d{{1,2}})?)?\s*)?\((?:{_AGENCIES})\)"
    r"\s*(?:[\u2014\u2013-]{1,2}\s*)?)"
)
_MAX_SOURCE_WORDS = 14
# Numbers attributed to "U.N. estimates" or "official figures" are data, not statements; polls are reported.
_NOT_SOURCES = (DATA_NOUNS - {"polls", "records"}) | _NO_SOURCE
_SOURCE_OPENERS = wordset(
    "a an the state federal local exit new recent early its his her their polls polling court"
)
_ARTICLE_RE = re.compile(r"^(?:the|a|an|The|A|An)\s+")
_INTRO_RE = re.compile(
    r"(?:In|On|At|During|Meanwhile|However|But|Separately|Earlier|Later|Last|Also|Still|Yet|Now)\b"
    r"(?:\s+[\w'\u2019.-]+){0,6},\s+"
)
_THAT_AFTER_RE = re.compile(r"\s+that\s")  # "Smith estimates that ...": a person's claim, not a finding
_ANON_AFTER_RE = re.compile(r"\s*,?\s*(?:on|under)\s+(?:the\s+)?condition\s+of\s+anonymity")
_RESEARCHERS_RE = re.compile(
    r"\b(?:researchers|scientists|investigators|authors|experts|analysts|team)$", re.I
)


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
    words = src.split()
    if not words or len(words) > _MAX_SOURCE_WORDS or words[-1].lower() in _NOT_SOURCES:
        return None
    mention = parse_mention(src, at)
    if mention is None and (words[0].lower() in _SOURCE_OPENERS or src[:1].isupper()):
        # "according to a count by The Associated Press", "according to state law": a document or body
        name = _ARTICLE_RE.sub("", src)
        mention = Mention(src, at, "study", name, None, False, words[0].lower() == "the")
    return mention


def find_reported(text: str, start: int, end: int) -> Reported | None:
    """The reported statement a sentence makes, if any; quoted fragments inside stay part of it."""
    dateline = DATELINE_RE.match(text, start, end)
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
            elif before.endswith((" and", " but")):  # "Ramos urged ... and said ...": the sentence's subject
                mention = sentence_subject(text, start, cue.start())
        if mention is None:
            continue
        if (
            verb in FINDING_VERBS
            and mention.kind not in ("study", "org")
            and not _RESEARCHERS_RE.search(mention.text)
            and not (verb.startswith("estimate") and _THAT_AFTER_RE.match(text, cue.end(), end))
        ):
            continue  # "the study found", "researchers found" report findings; "Smith found" does not
        if verb.split()[0] in ("reported", "reports") and mention.kind not in ("org", "name", "study"):
            continue
        if not mention.anonymous and _ANON_AFTER_RE.match(text, cue.end(), end):
            mention = replace(mention, anonymous=True)  # "a source said on condition of anonymity that ..."
        clause_start = None if inverted else clause_after(text, cue.end(), end, verb)
        if clause_start is not None:
            c_start, c_end = trim_clause(text, clause_start, end)
            if _words(text[c_start:c_end]) >= 3:
                attribution = text[start:clause_start]
                return Reported(c_start, c_end, mention, cue.group("verb"), attribution)
            continue
        # Trailing attribution: "CLAUSE, X said (on Friday)." or "CLAUSE, said X."
        lead_end = cue.start() if inverted else mention.start
        lead = text[start:lead_end].rstrip()
        after_ok = inverted or only_adjuncts_after(text, cue.end(), end, verb)
        if lead.endswith(",") and after_ok and _words(lead) >= 4:
            dateline = DATELINE_RE.match(text, start, lead_end)
            c_from = dateline.end() if dateline else start
            intro = _INTRO_RE.match(text, c_from, lead_end)
            c_from = intro.end() if intro and _words(text[intro.end() : lead_end]) >= 6 else c_from
            c_start, c_end = trim_clause(text, c_from, lead_end)
            if _words(text[c_start:c_end]) >= 4:
                return Reported(c_start, c_end, mention, cue.group("verb"), text[lead_end:end])
        tagged = (
            None if inverted or verb not in _INVERTING_VERBS else clause_after_tag(text, cue.end(), end, verb)
        )
        if lead.endswith(",") and tagged is not None:
            # "The new rules, she said, would ...": the whole sentence; after an opener only what follows.
            dateline = DATELINE_RE.match(text, start, lead_end)
            c_from = dateline.end() if dateline else start
            intro = _INTRO_RE.fullmatch(text, c_from, lead_end)
            c_start, c_end = trim_clause(text, tagged if intro else c_from, end)
            if _words(text[c_start:c_end]) >= 4:
                return Reported(c_start, c_end, mention, cue.group("verb"), text[lead_end:tagged])
    return None


# Verbs by which words are passed on: "a colleague had told him ...", "the mayor had said ...".
_RELAY_VERBS = wordset("told tells said says")


def relayed(text: str, rep: Reported) -> Reported:
    """Words reported second-hand belong to who first said them: "Grant said a colleague had told him X"."""
    inner = find_reported(text, rep.start, rep.end)
    if (
        inner is None
        or inner.mention.start != rep.start
        or inner.mention.kind == "pronoun"
        or inner.cue.split()[-1].lower() not in _RELAY_VERBS
    ):
        return rep
    if inner.mention.kind == "description" and not inner.mention.definite:
        # "a colleague had told him": an unnamed source, not someone the article names next
        return replace(inner, mention=replace(inner.mention, anonymous=True))
    return inner
