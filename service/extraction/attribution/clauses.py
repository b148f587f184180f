"""Where a reported clause starts after a cue: adjuncts skipped, "that" or a bare clause ("said he would")."""

from __future__ import annotations

import re

from service.extraction.attribution.patterns import Pattern, Registry
from service.extraction.cues import (
    BARE_CLAUSE_VERBS,
    CAPITALISED_MONTHS,
    CAPITALISED_WEEKDAYS,
    CLAUSE_OPENERS,
    alternation,
    wordset,
)

_MONTHS = alternation(CAPITALISED_MONTHS)
_DAYS = alternation(CAPITALISED_WEEKDAYS)
# Words that may sit between a cue and its clause: when, where, to whom ("said Friday in a statement that").
# Each is skipped in turn (`_MAX_ADJUNCTS` at most); the first pattern that fits at a place is taken.
ADJUNCTS = Registry(
    "adjuncts",
    (
        Pattern(
            "relative_day",
            rf"(?:on|last|this|earlier|late|early|next)\s+(?:{_DAYS}|{_MONTHS}|week|month|year|weekend|"
            rf"morning|afternoon|evening|night)(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+\d{{4}})?",
            "on Friday, last week, early March 3, 2024",
        ),
        Pattern("weekday", rf"(?:{_DAYS})(?:\s+(?:morning|afternoon|evening|night))?", "Friday morning"),
        Pattern(
            "without_details",
            r"without\s+(?:elaborating|giving\s+details|offering\s+details|providing\s+details)",
            "without elaborating",
        ),
        Pattern(
            "in_statement",
            rf"in\s+(?:{_MONTHS}|\d{{4}}|the\s+past|the\s+interview|an?\s+(?:[\w-]+\s+){{0,3}}?(?:interview|"
            r"statement|speech|address|post|letter|report|message|tweet|op-ed|email|note|briefing|broadcast)"
            r"(?:\s+(?:with|to|on)\s+(?:the\s+)?[A-Z][\w.&'\u2019-]*(?:\s+[A-Z][\w.&'\u2019-]*)*)?)",
            "in May, in 2019, in a written statement to The Ledger",
        ),
        Pattern(
            "at_event",
            r"(?:at|during)\s+(?:an?|the)\s+[^,]{1,80}?(?=\s+that\b|,|$)",
            "at a news conference, during the hearing",
        ),
        Pattern(
            "to_whom",
            r"(?:to|told)\s+(?:reporters|journalists|lawmakers|the\s+[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'\u2019-]*)*|"
            r"[A-Z][\w.&'\u2019-]*(?:\s+[A-Z][\w.&'\u2019-]*)*|him|her|them|us)",
            "to reporters, to the Daily Ledger, to them",
        ),
        Pattern(
            "adverb",
            r"(?:recently|previously|earlier|today|yesterday|later|again|also|repeatedly|publicly|separately|"
            r"too|however|though|then|now|once)",
            "a time or manner adverb: later, publicly",
        ),
        Pattern(
            "on_platform",
            r"on\s+(?:Twitter|Facebook|X|Telegram|social\s+media|television)"
            r"(?:,\s+formerly\s+(?:known\s+as\s+)?Twitter,?)?",
            "on Twitter, on social media",
        ),
        Pattern("this_period", r"(?:earlier|later)\s+this\s+(?:week|month|year)", "earlier this week"),
        Pattern("ago", r"\d+\s+(?:days|weeks|months|years)\s+ago", "three weeks ago"),
        Pattern("in_recent", r"in\s+(?:a|an|the)\s+(?:recent|new)\s+\w+", "in a recent interview"),
        Pattern(
            "anonymity",
            r"(?:on|under)\s+(?:the\s+)?condition\s+of\s+anonymity",
            "on condition of anonymity",
        ),
        Pattern("by_phone", r"by\s+(?:phone|telephone|email|e-mail|text\s+message)", "by phone"),
    ),
    prefix=r"\s*,?\s*",
)
ADJUNCT_RE = ADJUNCTS.regex
_MAX_ADJUNCTS = 6
_TOLD_OBJECT_RE = re.compile(
    r"\s+(?:reporters|journalists|lawmakers|(?:the\s+|a\s+)?(?:investigators|police|officers|detectives|"
    r"prosecutors|jurors|jury|judge|court|committee|council|board|panel|audience|crowd|supporters|students|"
    r"parents|employees|staff|members|residents|listeners|viewers|voters|colleagues|senators|donors|investors|"
    r"analysts|shareholders|officials|agents|doctors|neighbors|friends|family|relatives|deputies|troopers|"
    r"dispatchers|firefighters|paramedics|nurses|teachers|customers|workers|patients|regulators|clients|"
    r"pals|mates|inquest|inquiry|hearing|tribunal)\b|"
    r"(?:the\s+)?(?:[\w-]+\s+){0,2}?[A-Z][\w.&'\u2019-]*"
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
# "said detectives found ...", "said rising rents in the core could ...": a bare noun phrase opening the
# clause (no article) is believable when a finite verb follows within a few words and the first word is no
# adverb, preposition or stock object ("said goodbye", "said nothing", "said in a statement").
_NOT_SUBJECT_START = wordset(
    "in on at by for from with about after before during since until into onto over under through between "
    "among against toward towards without within across along around behind beyond near following including "
    "regarding per via despite amid upon as while goodbye hello hi yes no nothing something anything "
    "everything "
    "little much so otherwise thanks grace what how why later earlier again too also then now once still yet "
    "only even just soon instead afterward afterwards publicly privately repeatedly recently previously "
    "is are was were has have had would will could can should might may must did does do be been being"
)
_PLAIN_PRESENT = (
    "come|go|get|make|take|need|want|remain|seem|look|feel|know|think|see|keep|stay|tend|continue|struggle|"
    "face|pay|cost|run|show|appear|do|are|were|have|help|hurt|work|fall|rise|grow|lose|win|hold|play|happen|"
    "matter|depend|expect|believe|plan|hope|fear|say|tell|like|love|hate|worry|agree|refuse|lack|include|mean|"
    "rely|live|use|support|oppose|own|spend|earn|drive|vote|receive|qualify|suffer|benefit|prefer|buy|sell|"
    "risk|account|favor|favour|back|reject|deserve|share|pose|carry|require|cover"
)
_PREPOSITIONS = (
    "(?:of|in|on|at|for|to|from|with|by|and|or|but|that|which|who|as|than|per|into|before|after|during|until|"
    "since|about|over|under|through|across|along|around|behind|beyond|near|without|within|against|among|"
    "between|toward|towards|upon|despite|except|onto|off|out|up|down)"
)
_BARE_SUBJECT_RE = re.compile(
    r"[a-z][\w'\u2019-]*(?:\s+[\w'\u2019-]+){0,6}?\s+"
    r"(?<!\bof\s)(?<!\bthe\s)(?<!\ba\s)(?<!\ban\s)(?<!\bin\s)(?<!\bfor\s)(?<!\bto\s)(?<!\bwith\s)"
    r"(?:is|are|was|were|has|have|had|would|will|could|can|"
    rf"should|might|may|must|did|does|do|{_IRREGULAR_PAST}|{_PRESENT_S}|(?!\w*eed\b)(?!hundred\b)\w{{2,}}ed)\b"
    # a plural noun and a plain present verb: "prices come up", "robots need"
    rf"|[a-z][\w'\u2019-]*(?:\s+[\w'\u2019-]+){{0,5}}?s\s+(?:{_PLAIN_PRESENT})\b"
    # a plural head, its phrase, then the verb: "thousands of voters in the Navajo Nation rely on ..."
    rf"|[a-z][\w'\u2019-]*s(?:\s+[\w'\u2019-]+){{1,7}}?\s+(?:{_PLAIN_PRESENT})\b"
    # a determiner, a plural noun and any word that is no preposition: "its wells draw from ..."
    r"|(?:the|its|their|his|her|our|these|those|some|many|most|all|both|such)\s+(?:[\w'\u2019-]+\s+){0,3}?"
    rf"[a-z]{{2,}}s\s+(?!{_PREPOSITIONS}\b|[a-z]+ly\b)[a-z]{{3,}}\b"
)
_THAT_FIRST_RE = re.compile(r"\s*,?\s*that\s+")
# "..., state media reported, as the army pressed ...": a time or circumstance clause after the attribution.
_SUBCLAUSE_TAIL_RE = re.compile(
    r",\s+(?:as|while|after|before|when|amid|with|despite|because|since|even\s+as)\s"
)
_THAT_RE = re.compile(r"\bthat\s+")
_SUBJECT_PRONOUN_RE = re.compile(r"\b(?:he|she|they|it|we|I)\b")
_PARTICIPLE_TAIL_RE = re.compile(r",\s+\w+ing\b")


def _words(text: str) -> int:
    return len(text.split())


def _skip_adjuncts(text: str, pos: int, end: int, verb: str) -> int:
    if verb in ("told", "tells"):
        obj = _TOLD_OBJECT_RE.match(text, pos, end)
        if obj:
            pos = obj.end()
    for _ in range(_MAX_ADJUNCTS):
        m = ADJUNCT_RE.match(text, pos, end)
        if not m or m.end() == pos:
            break
        pos = m.end()
    return pos


def clause_after(text: str, pos: int, end: int, verb: str) -> int | None:
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
        # "said he meets families in a city that ...": a pronoun subject opens the clause before "that"
        and not _SUBJECT_PRONOUN_RE.match(rest.lstrip())
    ):
        return pos + that.end()  # "told the committee that ...": the words before "that" are an object
    if verb in BARE_CLAUSE_VERBS and not told and bare_clause(rest):
        return (
            pos + len(rest) - len(rest.lstrip(" ,:"))
        )  # (after "told" with no object the words are the object)
    that = _THAT_RE.search(rest[:90])
    if that and "," not in rest[: that.start()] and not _SUBJECT_PRONOUN_RE.search(rest[: that.start()]):
        return pos + that.end()
    return None


_NO_QUOTE_MARKS = str.maketrans("", "", '"\u201c\u201d')


def bare_clause(rest: str) -> bool:
    """Whether the words after a cue read as a clause without "that" ("he would resign"), not an object."""
    # A verb quoted from the speaker still makes the clause: 'said the firm “takes this seriously.”'
    stripped = rest.lstrip(" ,:").translate(_NO_QUOTE_MARKS)
    first = stripped.split(" ", 1)[0].lower() if stripped else ""
    opener = bool(first) and (
        first in CLAUSE_OPENERS
        or stripped[0].isupper()
        or _FINITE_RE.match(stripped)
        or (
            first not in _NOT_SUBJECT_START
            and not first.endswith("ly")
            and not rest.lstrip().startswith(",")  # ", revealing that ...": a participle, not a subject
            and _BARE_SUBJECT_RE.match(stripped)
        )
    )
    if first in ("he", "she", "they", "we", "i") and _words(stripped) >= 3:
        return True  # a nominative pronoun opens a clause whatever its verb ("they feel forgotten")
    return (
        opener
        and _words(stripped) >= 3
        and not stripped.lower().startswith(("to ", "the same", "so "))
        and bool(_HAS_VERB_RE.match(stripped) or _BARE_SUBJECT_RE.match(stripped))  # "told the story of ..."
    )


def only_adjuncts_after(text: str, pos: int, end: int, verb: str) -> bool:
    """Whether nothing but adjuncts (when, where, to whom) or a trailing participle follow a cue."""
    pos = _skip_adjuncts(text, pos, end, verb)
    rest = text[pos:end].strip()
    return not rest.strip(".!?") or bool(_PARTICIPLE_TAIL_RE.match(rest) or _SUBCLAUSE_TAIL_RE.match(rest))


# After a tag, the speaker's sentence going on: "..., her advisers said, because she understands ...",
# "..., the Ledger said, including speeches and ..." (not "including Sen. Hale": more speakers).
_TAG_GOES_ON_RE = re.compile(r",\s+(?:because|so\s+that|including(?!\s+(?:[A-Z]|\d)))\s")


def goes_on_after_tag(text: str, pos: int, end: int, verb: str) -> bool:
    """Whether the speaker's sentence goes on after a tag's cue and adjuncts (a reason, a list)."""
    return bool(_TAG_GOES_ON_RE.match(text, _skip_adjuncts(text, pos, end, verb), end))


def clause_after_tag(text: str, pos: int, end: int, verb: str, after_condition: bool = False) -> int | None:
    """After a tag inside a sentence ("During the first week, she recalls, the machine ..."): the clause.

    `after_condition`: the words before the tag are a subordinate clause ("If the fares rise, she warned,
    ..."), so what follows is the main clause whether or not its verb is one we recognise ("crews plan").
    """
    comma_first = text[pos:end].lstrip(" ").startswith(",")  # "the nations, Xi said, now have ..."
    pos = _skip_adjuncts(text, pos, end, verb)
    rest = text[pos:end]
    stripped = rest.lstrip(" ,")
    comma = comma_first or rest.lstrip(" ").startswith(",")
    if not comma or _words(stripped) < 3 or not (after_condition or _HAS_VERB_RE.match(stripped)):
        return None  # (a predicate is enough: "The new rules, she said, would take effect ...")
    return pos + len(rest) - len(rest.lstrip(" ,"))
