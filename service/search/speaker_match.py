"""Who a claim says spoke, and whether that is a quote's speaker (surnames, roles, organisations, loosely).

`claim_speaker(claim)` finds the mention ("Putin said ...", "according to the State Department",
"Lavrov: ...", "..., says the FSB chief"); `speaker_verdict(mention, speaker)` gives "same",
"different", or "unknown" when the quote's speaker is not known. Places stand for their
governments ("Moscow", "the Kremlin" -> Russia); a body matches the people who speak for it
("the State Department" matches its counter-terrorism coordinator); a rank must agree ("the
foreign minister" is not the deputy foreign minister).
"""

from __future__ import annotations

import re

from service.extraction.cues import CLAUSE_OPENERS, ORG_NOUNS, PERSON_NOUNS, PLACES, SAY_VERBS, TITLE_WORDS
from service.models import Speaker


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


def _pairs(pairs: str) -> dict[str, str]:
    """ "a=b c=d" as a mapping; underscores stand for spaces inside a phrase."""
    return {k.replace("_", " "): v.replace("_", " ") for k, v in (p.split("=") for p in pairs.split())}


# Alternations for regexes: the reporting verbs, and the auxiliaries or adverbs that may precede them.
CUE_VERBS = "|".join(sorted(SAY_VERBS | {"assumes", "assumed", "accused", "accuses"}, key=len, reverse=True))
AUX = r"(?:(?:has|have|had|also|again|once|is|was|\w+ly)\s+)*"
_WHO = r"(?P<who>[A-Z][\w.'’-]*(?:\s+[\w.'’-]+){0,7}?|the\s+[\w.'’-]+(?:\s+[\w.'’-]+){0,6}?)"
_SPEAKER_PATTERNS = [
    re.compile(r"^(?P<who>[A-Z][^:]{1,50}):\s"),  # "Lavrov: Russia condemns ..."
    re.compile(r"^according\s+to\s+(?P<who>[^,]{2,60}),", re.I),
    re.compile(r"[,;]\s*according\s+to\s+(?P<who>[^,;]{2,60}?)\W*$", re.I),
    re.compile(rf"[,;]\s*(?:{CUE_VERBS})\s+(?P<who>[^,;]{{2,60}}?)\W*$"),  # "..., says the FSB chief"
    re.compile(rf"[,;]\s*(?P<who>[^,;]{{2,60}}?)\s+{AUX}(?:{CUE_VERBS})\W*$"),  # "..., the FSB chief said."
    re.compile(rf"^(?:[^,]{{3,40}},\s+)?{_WHO}\s+{AUX}(?:{CUE_VERBS}|is\s+quoted\s+as\s+saying)\b"),
]
# Loose-matching vocabulary: places stand for their governments, titles have common synonyms.
_ALIASES = _pairs(
    "u.s.=us u.s=us usa=us america=us american=us washington=us pentagon=us united_states=us u.k.=uk "
    "britain=uk british=uk united_kingdom=uk london=uk russian=russia moscow=russia kremlin=russia "
    "syrian=syria damascus=syria chinese=china beijing=china french=france paris=france german=germany "
    "berlin=germany iranian=iran tehran=iran turkish=turkey ankara=turkey israeli=israel ukrainian=ukraine "
    "kyiv=ukraine kiev=ukraine iraqi=iraq baghdad=iraq saudi=saudi_arabia riyadh=saudi_arabia chief=head "
    "boss=head leader=head secretary_general=secretary-general director_general=director-general "
    "united_nations=un u.n.=un european_union=eu defence=defense spokeswoman=spokesman "
    "spokesperson=spokesman officials=official "
    "sources=source ministers=minister"
)
_FILLER = _word_set(
    "the a an of for and in on at to by with from 's senior top high-ranking said al el bin ibn"
)
_GENERIC = _word_set("official source authority authorities government administration representative")
_OFFICES = _word_set("chancellor premier king queen pope emir prince sheikh monarch ayatollah mufti")
_RANKS = _word_set("deputy vice assistant former under undersecretary")
_PERSON_TITLES = _word_set("minister president secretary head director spokesman ambassador chairman")
# Crowds stand for no one in particular: "Experts say" names no speaker, "US officials say" does.
_CROWD = _word_set(
    "reports report media experts analysts observers critics sources studies study data figures estimates "
    "people residents witnesses activists scientists researchers many most some others everyone independent"
)
_LEADERS = _word_set(
    "president prime premier chancellor king queen emir chairman chairwoman director director-general "
    "secretary-general commander ceo governor mayor"
)
_SUFFIXES = _word_set("jr sr ii iii iv")
_PHRASES = ("united states", "united kingdom", "saudi arabia", "united nations", "european union")
_PHRASES += ("secretary general", "director general")


def claim_speaker(claim: str) -> str | None:
    """Who the claim says made the statement ("Putin said ...", "..., says the FSB chief"), or None."""
    text = claim.strip()
    for pattern in _SPEAKER_PATTERNS:
        m = pattern.search(text)
        who = m.group("who").strip(" ,.\"'“”‘’") if m else ""
        if not who or re.search(r"\d", who) or len(who.split()) > 8:
            continue
        # "according to" always introduces a source; elsewhere the words must look like one.
        named = "according" in pattern.pattern or _names_someone(who)
        if named and not all(w.lower() in _CROWD | _FILLER for w in who.split()):
            return who
    return None


def _names_someone(who: str) -> bool:
    """A speaker mention ends in a name, a place, or a noun for a person or body ("the FSB chief")."""
    words = who.split()
    last = words[-1].lower().removesuffix("'s").removesuffix("’s")
    if last in PERSON_NOUNS | ORG_NOUNS | _ALIASES.keys() | _OFFICES or words[-1] in PLACES:
        return True
    return words[-1].split("-")[-1][:1].isupper() and not (
        len(words) == 1 and last in CLAUSE_OPENERS | {"many", "most", "others"}
    )


def _initials(text: str) -> set[str]:
    """Acronyms of capitalised runs: "United Nations" -> "un", "World Health Organization" -> "who"."""
    found = set()
    for run in re.findall(r"[A-Z][a-z]+(?:\s+(?:(?:of|for|and|the)\s+)?[A-Z][a-z]+)+", text):
        words = [w for w in run.split() if w[0].isupper() and w not in ("The", "A", "An")]
        if len(words) > 1:
            found.add("".join(w[0] for w in words).lower())
    return found


def _tokens(text: str | None, acronyms: bool = False) -> set[str]:
    """Content words of a name, role or organisation, with places and titles folded to one spelling."""
    extra = _initials(text or "") if acronyms else set()
    text = (text or "").lower().replace("’", "'")
    for phrase in _PHRASES:
        text = text.replace(phrase, phrase.replace(" ", "_"))
    words = set()
    for raw in re.findall(r"[\w.'-]+", text):
        word = raw.strip(".'").removesuffix("'s").replace("_", " ")
        word = _ALIASES.get(word, _ALIASES.get(word.rstrip("."), word))
        if word and word not in _FILLER:
            words.add(word)
        if "-" in word:  # "al-Assad" is also "Assad"
            words |= {part for part in word.split("-") if part and part not in _FILLER}
    return words | extra


def _other_given_name(mention: str, name: str) -> bool:
    """ "Hillary Clinton" is not Bill Clinton: a given name before the surname that the speaker lacks."""
    words, name_words = mention.replace("’", "'").split(), name.split()
    surname = name_words[-1].lower()
    for before, word in zip(words, words[1:], strict=False):
        given = before.strip(".,").lower()
        if word.strip(".,").lower() != surname or not before[:1].isupper() or given in TITLE_WORDS | _OFFICES:
            continue
        return len(name_words) > 1 and not any(
            n.lower().startswith(given.rstrip(".")) for n in name_words[:-1]
        )
    return False


def speaker_verdict(mention: str, speaker: Speaker) -> str:
    """same when the mention names the speaker (surname, full name, role or organisation), else different."""
    if not speaker.name and not speaker.role:
        return "unknown"
    claimed = _tokens(mention)
    name_words = [w for w in (speaker.name or "").split() if w.lower().strip(".,") not in _SUFFIXES]
    surname = None if speaker.organisation or speaker.anonymous else name_words[-1:]
    surname_parts = {w for w in _tokens(surname[0]) if "-" not in w} if surname else set()
    # In "Putin's spokesman" the named person is whose spokesman it is, not the speaker.
    possessors = _tokens(" ".join(re.findall(r"([\w.-]+)['’]s\s+\w", mention)))
    if surname_parts and surname_parts <= claimed - possessors:
        return "different" if _other_given_name(mention, speaker.name or "") else "same"
    known = _tokens(speaker.name, True) | _tokens(speaker.role, True) | _tokens(speaker.mention, True)
    known |= {"ministry"} if "minister" in known else set()
    known |= {"head"} if known & _LEADERS else set()  # "the Turkish leader" is its president
    if claimed & _RANKS != known & _RANKS and claimed & _PERSON_TITLES:
        return "different"  # "the foreign minister" is not the deputy foreign minister
    has_role = bool(speaker.role) or speaker.anonymous
    covered = {w for w in claimed if w in known or (w in _GENERIC and has_role)}
    return "same" if claimed and len(covered) >= 0.75 * len(claimed) else "different"
