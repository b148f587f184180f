"""A claim as people spread it, taken apart: who it says spoke, what it says, its figures and its time.

`analyse_claim(claim) -> ClaimAnalysis` (pure, cached):

- `attribution`: the words naming who the claim says spoke ("the FSB chief", "Putin", "the State
  Department"), or None when it names nobody (no frame, or a crowd: "experts say", "reports say").
- `frame`: (start, end) of the attribution frame in the claim ("Putin said ", ", says the FSB chief"),
  or None. The frame is cut out whatever it names; `content` is the rest, and retrieval reads it, so
  the words of an attribution never dilute a statement's score.
- `quantities`: the figures of the content (service.text.numbers), matched as slots by the index and
  judged by comparison.
- `time`: when the claim says something was said or happened ("in 2016", "last November").

Frames, tried in order (the first that names someone, or the first at all, wins):
  "X: ...", "According to X, ...", "..., according to X", "..., says X", "..., X said",
  "X said / claimed / told reporters / warned / insisted (that) ...", "In 2015, X said ...".
Cue verbs are extraction's (service.extraction.cues.SAY_VERBS) plus the few that claims use and
news copy does not ("reckons", "slams").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from service.extraction.cues import (
    CLAUSE_OPENERS,
    FUNCTION_WORDS,
    NOT_MODIFIERS,
    ORG_NOUNS,
    PERSON_NOUNS,
    PLACES,
    PRONOUNS,
    SAY_VERBS,
    STUDY_NOUNS,
    wordset,
)
from service.search.claim_time import ClaimTime, claim_time
from service.search.speaker_match import ALIASES, COUNTRIES
from service.text.numbers import Quantity, parse_quantities

# Verbs of claims as people spread them that news copy rarely prints as cues.
CLAIM_VERBS = SAY_VERBS | wordset(
    "reckons reckoned admits admitted slams slammed boasts boasted accuses accused assumes assumed believes "
    "believed"
)
CUE_VERBS = "|".join(sorted(CLAIM_VERBS, key=len, reverse=True))
AUX = r"(?:(?:has|have|had|also|again|once|is|was|just|\w+ly)\s+)*"
# Who is told ("told reporters", "told RIA Novosti", "warned the UN Security Council") before the clause.
# Who is told ("told reporters", "told RIA Novosti", "warned the UN Security Council") before the clause.
_TOLD = (
    r"(?:told|tells|warned|warns|assured|informed|reminded)(?:\s+(?:the\s+)?(?:reporters|journalists|lawmakers"
    r"|parliament|media|press|(?-i:[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4})))?"
)
_VERB = rf"(?:{_TOLD}|{CUE_VERBS})"
_THAT = r"(?:\s*,)?\s+(?:that\s+)?"
_WHO_CAPS = r"(?P<who>[A-Z][\w.'’-]*(?:\s+[\w.'’-]+){0,7}?|[Tt]he\s+[\w.'’-]+(?:\s+[\w.'’-]+){0,6}?)"
_WHO_ANY = r"(?P<who>[\w.'’-]+(?:\s+[\w.'’-]+){0,5}?)"  # social-media spelling: "russia claims ..."
_LEAD = r"(?P<lead>(?:[Ii]n|[Oo]n|[Ll]ast|[Tt]his|[Ee]arlier)[^,]{1,35},\s+)?"

# (name, pattern): each pattern has groups `who` and `content`; the frame is everything but `content`.
FRAMES = (
    ("colon", re.compile(r"^(?P<who>[^:\d]{2,60}?):\s+(?P<content>\S.*)$", re.S)),
    ("according-front", re.compile(r"^[Aa]ccording\s+to\s+(?P<who>[^,]{2,60}),\s*(?P<content>\S.*)$", re.S)),
    (
        "according-back",
        re.compile(r"^(?P<content>.+?)[,;]?\s+according\s+to\s+(?P<who>[^,;]{2,60}?)\W*$", re.S | re.I),
    ),
    (
        "says-x-back",
        re.compile(rf"^(?P<content>.+?)[,;]\s*(?:{CUE_VERBS})\s+(?P<who>[^,;]{{2,60}}?)\W*$", re.S),
    ),
    (
        "x-said-back",
        re.compile(rf"^(?P<content>.+?)[,;]\s*(?P<who>[^,;]{{2,60}}?)\s+{AUX}(?:{CUE_VERBS})\W*$", re.S),
    ),
    (
        "x-said-front",
        re.compile(
            rf"^{_LEAD}{_WHO_CAPS}\s+{AUX}(?:{_VERB}|is\s+quoted\s+as\s+saying){_THAT}(?P<content>\S.*)$",
            re.S,
        ),
    ),
    (
        "x-said-front-lower",
        re.compile(rf"^{_LEAD}{_WHO_ANY}\s+{AUX}{_VERB}{_THAT}(?P<content>\S.*)$", re.S | re.I),
    ),
)
_LOWER_OPENER = re.compile(
    rf"^(?P<who>[a-z][\w.'’-]*(?:\s+[a-z][\w.'’-]*){{0,2}}?)\s+{AUX}{_VERB}{_THAT}(?P<content>\S.*)$", re.S
)
# Crowds stand for no one in particular: "Experts say" names no speaker, "US officials say" does.
CROWD = wordset(
    "reports report media experts analysts observers critics sources studies data figures estimates people "
    "residents witnesses activists scientists researchers many most some others everyone independent "
    "rumours rumors social posts users"
)
_FILLER = wordset("the a an of for and in on at to by with from 's senior top")
_PLACES = frozenset(p.lower() for p in PLACES)
# A pronoun, auxiliary or conjunction makes the words before a cue a clause, not a speaker's name.
_CLAUSE_WORDS = (NOT_MODIFIERS | FUNCTION_WORDS | {w.lower() for w in PRONOUNS} | {"i've", "i'm"}) - {"the"}
_OFFICES = wordset("chancellor premier king queen pope emir prince sheikh monarch ayatollah mufti")
# A country's services that claims name by the service alone ("US intelligence: ...", "..., British
# intelligence said"), where news copy adds an organisation noun extraction knows ("the U.S.
# intelligence community"). Only after a country: "Artificial intelligence: ..." names nobody.
_SERVICES = wordset("intelligence customs")


@dataclass(frozen=True)
class ClaimAnalysis:
    """A claim's attribution, the content retrieval reads, its figures and its time."""

    text: str
    content: str
    attribution: str | None = None  # who the claim says spoke, as the claim words it
    frame: tuple[int, int] | None = None  # the attribution frame's span in `text`
    pattern: str | None = None  # which frame matched (see FRAMES)
    quantities: tuple[Quantity, ...] = ()
    time: ClaimTime | None = None
    # A claim typed in lower case ("assad says he won't negotiate") may open with a name no vocabulary
    # knows. Those words are kept apart: they confirm a statement whose speaker they name, and are
    # never enough to contradict one or to cut words out of what retrieval reads.
    possible_speaker: str | None = None


@lru_cache(maxsize=1024)  # the same claim is compared with every statement of its answer
def analyse_claim(claim: str) -> ClaimAnalysis:
    """Split a claim into attribution frame and content; read its figures and its time."""
    text = claim.strip()
    found = _frame(text)
    time = claim_time(text)
    if found is None:
        quantities = tuple(parse_quantities(text))
        return ClaimAnalysis(
            text, text, quantities=quantities, time=time, possible_speaker=_lower_case_opener(text)
        )
    name, who, (c_start, c_end) = found
    content = text[c_start:c_end].strip(" ,;")
    frame = (0, c_start) if c_start > 0 else (c_end, len(text))
    quantities = tuple(q for q in parse_quantities(text) if c_start <= q.start and q.end <= c_end)
    return ClaimAnalysis(text, content, who, frame, name, quantities, time)


def claim_speaker(claim: str) -> str | None:
    """Who the claim says made the statement ("Putin said ...", "..., says the FSB chief"), or None."""
    return analyse_claim(claim).attribution


def _frame(text: str) -> tuple[str, str | None, tuple[int, int]] | None:
    """(pattern name, speaker mention or None for a crowd, content span) of the first frame that fits."""
    crowd = None
    for name, pattern in FRAMES:
        m = pattern.match(text)
        if not m or not m.group("content").strip() or (name.endswith("lower") and not text[:1].islower()):
            continue  # the lower-case reading is for claims typed all in lower case
        who = m.group("who").strip(" ,.\"'“”‘’")
        if not who or re.search(r"\d", who) or len(who.split()) > 8 or len(m.group("content").split()) < 2:
            continue
        words = {w.lower() for w in who.split()}
        according = name.startswith("according")  # "according to" always introduces a source
        if words <= CROWD | _FILLER:
            crowd = crowd or (name, None, m.span("content"))  # cut out, but names nobody
        elif according or _names_someone(who, lower=name.endswith("lower")):
            lowered = {w.lower() for w in who.split() if not (len(w) > 1 and w.isupper())}  # "WHO" is a body
            if according or not lowered & _CLAUSE_WORDS:
                return name, who, m.span("content")
            crowd = crowd or (name, None, m.span("content"))  # "But I said ...": a frame, no name
    return crowd


def _lower_case_opener(text: str) -> str | None:
    """The one to three words before a cue in a claim typed in lower case ("assad says ..."), or None."""
    if not text[:1].islower() or text != text.lower():
        return None
    m = _LOWER_OPENER.match(text)
    if not m or len(m.group("content").split()) < 2:
        return None
    words = {w.strip(".,'’") for w in m.group("who").split()}
    if words & (_CLAUSE_WORDS | CROWD | _FILLER | CLAUSE_OPENERS) or any(w.isdigit() for w in words):
        return None
    return m.group("who")


def _names_someone(who: str, lower: bool = False) -> bool:
    """A speaker mention ends in a name, a place, or a noun for a person or body ("the FSB chief")."""
    words = who.split()
    last = words[-1].lower().removesuffix("'s").removesuffix("’s")
    if last in _SERVICES and len(words) > 1 and _is_country(words[-2]):
        return True
    if lower:  # in lower case only the vocabulary can tell a speaker from a clause's subject
        known = PERSON_NOUNS | ORG_NOUNS | STUDY_NOUNS | _PLACES | ALIASES.keys() | _OFFICES
        return not {w.lower() for w in words} & (NOT_MODIFIERS | FUNCTION_WORDS) and any(
            w.lower().strip(".,") in known for w in words
        )
    if last in PERSON_NOUNS | ORG_NOUNS | STUDY_NOUNS | ALIASES.keys() | _OFFICES or words[-1] in PLACES:
        return True
    return words[-1].split("-")[-1][:1].isupper() and not (
        len(words) == 1 and last in CLAUSE_OPENERS | {"many", "most", "others"}
    )


def _is_country(word: str) -> bool:
    """A country or its adjective as a claim writes it ("US", "U.S.", "British", "Russia's")."""
    bare = word.strip(",").removesuffix("'s").removesuffix("’s").lower()
    return ALIASES.get(bare, ALIASES.get(bare.rstrip("."), bare)) in COUNTRIES or bare in _PLACES
