"""Statements attributed with "according to X": opening, mid-sentence and closing forms."""

from __future__ import annotations

import re
from dataclasses import replace

from service.extraction.attribution.reported_span import Reported, trim_clause
from service.extraction.cues import DATA_NOUNS, PERSON_NOUNS, STUDY_NOUNS, wordset
from service.extraction.speakers.mention_words import Mention
from service.extraction.speakers.mentions import parse_mention

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
_ACCORDING_MID_RE = re.compile(r"^[^,]{8,}?,\s+according\s+to\s+(?P<src>[^,]{2,80}),\s+(?=\S+\s+\S+\s+\S+)")
_SRC_STATEMENT_RE = re.compile(
    r"^(?P<who>.+?)['\u2019]s?\s+(?:statement|statements|remarks|comments|words|testimony|letter|"
    r"interview|speech|post|tweet|report|account|estimate|estimates)\b(?P<rest>.*)$"
)
# "according to plan": a manner, no source.
_NO_SOURCE = wordset("plan plans schedule tradition custom script design form expectations")
# Numbers attributed to "U.N. estimates" or "official figures" are data, not statements; polls are reported.
_NOT_SOURCES = (DATA_NOUNS - {"polls", "records"}) | _NO_SOURCE
_SOURCE_OPENERS = wordset(
    "a an the state federal local exit new recent early its his her their polls polling court"
)
_ARTICLE_RE = re.compile(r"^(?:the|a|an|The|A|An)\s+")
# Heads of a source that is a record of what was said: "reports Hale filed", "emails unearthed in ...".
_RECORD_HEADS = STUDY_NOUNS | wordset(
    "results emails email interviews messages letters letter tweets accounts"
)
_COUNTED_OPENERS = wordset("two three four five six seven eight nine ten several some many multiple numerous")
# "early results of the exit poll conducted by ... for ...": a long source is read up to its participle.
_SOURCE_PARTICIPLE_RE = re.compile(
    r"\s+(?:conducted|released|published|commissioned|issued|compiled|prepared|based|obtained|filed|posted|"
    r"tallied|unearthed|seen|reviewed)\b.*$",
    re.S,
)
# "In a filing on Monday, ...": an opener the closing form leaves out of the statement.
INTRO_RE = re.compile(
    r"(?:In|On|At|During|Meanwhile|However|But|Separately|Earlier|Later|Last|Also|Still|Yet|Now)\b"
    r"(?:\s+[\w'\u2019.-]+){0,6},\s+"
)
_MAX_SOURCE_WORDS = 14
# The sentence's verb right after a mid-sentence source: "..., according to aides, would cut taxes" (not a
# gloss on the source: "..., according to the poll, more than twice ...", "..., who are ...").
_PREDICATE_RE = re.compile(
    r"(?:is|are|was|were|would|will|could|can|should|may|might|must|has|have|had|did|does|do|remains|"
    r"remained|includes|included|lies|lay|came|comes|went|goes|[a-z]+ed)\b"
)
_MANNER_WORDS = 2  # "according to plan", "according to the schedule": no longer, or a source is named
# "members who spoke with reporters", "three people briefed on the talks": people, described but not named.
_PEOPLE_RE = re.compile(
    r"(?:(?:some|several|many|multiple|numerous|two|three|four|five|six|seven|eight|nine|ten|a\s+dozen|"
    r"a\s+few|a\s+handful\s+of|\d+)\s+)?(?:[a-z][\w-]*\s+){0,3}?"
    rf"(?P<head>{'|'.join(sorted(w for w in PERSON_NOUNS if w.endswith(('s', 'people'))))})"
    r"\s+(?:who|whom|familiar|close|briefed|involved|with|in|at|on|from|of|inside|within|knowledgeable)\b"
)
_MIN_WORDS = 4  # a statement "according to" someone has at least this many words
_MIN_WORDS_AROUND = 6  # ... and when the source sits mid-sentence, the words around it
_INTRO_MIN_GAP = 20  # characters an opener must leave before "according to" to be cut off
_CUE = "according to"


def _words(text: str) -> int:
    return len(text.split())


def according_opening(text: str, start: int, end: int) -> Reported | None:
    """ "According to the filing, the fund was short.": the statement follows the source."""
    m = _ACCORDING_START_RE.match(text[start:end])
    if m is None:
        return None
    mention = source_mention(m.group("src"), start + m.start("src"))
    if mention is None:
        return None
    c_start, c_end = trim_clause(text, start + m.end(), end)
    if _words(text[c_start:c_end]) < _MIN_WORDS:
        return None
    return Reported(c_start, c_end, mention, _CUE, m.group(0))


def according_middle(text: str, start: int, end: int) -> Reported | None:
    """ "The plan, according to officials, would cut taxes.": the statement is the whole sentence."""
    m = _ACCORDING_MID_RE.match(text[start:end])
    if m is None:
        return None
    mention = source_mention(m.group("src"), start + m.start("src"))
    c_start, c_end = trim_clause(text, start, end)
    if _PREDICATE_RE.match(text, start + m.end(), end):
        # "Absent from the talks, according to members, was any word on fares.": the sentence goes on past
        # the source with its verb, so it is cut after the source only (its tails would cut at the source).
        c_end = trim_clause(text, start + m.end(), end)[1]
    if mention is None or _words(text[c_start:c_end]) < _MIN_WORDS_AROUND:
        return None
    return Reported(c_start, c_end, mention, _CUE, m.group(0))


def according_closing(text: str, start: int, end: int) -> Reported | None:
    """ "The fund was short, according to the filing.": the statement precedes the source."""
    sentence = text[start:end]
    m = _ACCORDING_END_RE.search(sentence)
    if m is None:
        return None
    mention = source_mention(m.group("src"), start + m.start("src"))
    if mention is None:
        return None
    intro = INTRO_RE.match(sentence)
    c_from = start + (intro.end() if intro and intro.end() < m.start() - _INTRO_MIN_GAP else 0)
    c_start, c_end = trim_clause(text, c_from, start + m.start())
    if _words(text[c_start:c_end]) < _MIN_WORDS:
        return None
    return Reported(c_start, c_end, mention, _CUE, m.group(0))


def _people(src: str, at: int) -> Mention | None:
    """People a source describes without naming them ("members who spoke with reporters"), anonymous."""
    m = _PEOPLE_RE.match(src)
    if m is None:
        return None
    name = src[: m.end("head")]
    return Mention(src, at, "description", name, name, True, False)


def source_mention(src: str, at: int) -> Mention | None:
    """Who or what "according to" names: a person, a body or a document; None for data or a manner."""
    src = src.strip()
    stated = _SRC_STATEMENT_RE.match(src)
    if stated:
        src = stated.group("who")
    words, whole = src.split(), src
    if len(words) > _MAX_SOURCE_WORDS:
        src = _SOURCE_PARTICIPLE_RE.sub("", src)
        words = src.split()
    if not words or len(words) > _MAX_SOURCE_WORDS:
        return None
    # "according to state figures" names data, "according to plan" a manner; "the Bureau of Labor
    # Statistics" is a body and "people familiar with the plans" are people.
    head = _SOURCE_PARTICIPLE_RE.sub("", src).split() or words  # "census data released on Monday": data
    if head[-1] in _NOT_SOURCES and (len(head) <= _MANNER_WORDS or head[-1] not in _NO_SOURCE):
        return None
    mention = parse_mention(src, at) or _people(src, at)
    # "reports Hale filed", "three recent polls", "emails unearthed in the inquiry": records, counted sources
    recorded = words[0].lower() in _RECORD_HEADS or words[0].lower() in _COUNTED_OPENERS
    if mention is None and (words[0].lower() in _SOURCE_OPENERS or src[:1].isupper() or recorded):
        # "according to a count by The Associated Press", "according to state law": a document or body,
        # named in full ("... conducted by Edison Research": who made it is part of its name)
        name = _ARTICLE_RE.sub("", whole)
        mention = Mention(whole, at, "study", name, None, False, words[0].lower() == "the")
    elif mention is not None and mention.kind == "study" and whole != src:
        mention = replace(mention, text=whole, name=_ARTICLE_RE.sub("", whole))
    return mention
