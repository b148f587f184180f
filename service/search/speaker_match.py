"""Whether the person or body a claim names is a statement's speaker (surnames, roles, organisations).

`speaker_verdict(mention, speaker) -> (verdict, reason)`, verdict one of "consistent", "conflicting",
"unknown". Who the claim names is read by `service.search.claims`. Rules, in order:
- a surname in the mention is the speaker's surname (consistent) or someone else's; a different
  given name before it ("Hillary Clinton" for Bill Clinton) conflicts, and so does the speaker as a
  possessor ("Putin's spokesman" is not Putin);
- a rank must agree ("the foreign minister" is not the deputy foreign minister), a country
  ("Washington" is not a Russian minister) and a portfolio ("the defense ministry" is not the
  foreign ministry's spokeswoman) must not differ where both sides name one;
- otherwise the mention is a description, consistent when at least SHARE_NEEDED of its words are
  found in the speaker's name, role or mention. Places stand for their governments ("Moscow", "the
  Kremlin" -> Russia); a body matches the people who speak for it ("the State Department" matches
  its counter-terrorism coordinator); a head of something is its chief, director, or an unranked
  minister or secretary; a diplomat speaks for a foreign ministry. A country the record does not
  name is not held against the mention;
- a description found only in part is `unknown` (the record neither confirms nor contradicts
  "Russia's top anti-terrorism official" for a Russian foreign-ministry director), unless it names
  someone or something the record lacks ("Reuters", "the FSB chief" for the president) or less
  than UNKNOWN_SHARE of it is found: then it conflicts. No name and no role: `unknown`.
"""

from __future__ import annotations

import re

from rapidfuzz.distance import OSA, Indel

from service.extraction.cues import ORG_NOUNS, PERSON_NOUNS, STUDY_NOUNS, TITLE_WORDS
from service.models import Speaker


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


def _pairs(pairs: str) -> dict[str, str]:
    """ "a=b c=d" as a mapping; underscores stand for spaces inside a phrase."""
    return {k.replace("_", " "): v.replace("_", " ") for k, v in (p.split("=") for p in pairs.split())}


# Loose-matching vocabulary: places stand for their governments, titles have common synonyms.
ALIASES = _pairs(
    "u.s.=us u.s=us usa=us america=us american=us washington=us pentagon=us united_states=us u.k.=uk "
    "britain=uk british=uk united_kingdom=uk london=uk russian=russia moscow=russia kremlin=russia "
    "syrian=syria damascus=syria chinese=china beijing=china french=france paris=france german=germany "
    "berlin=germany iranian=iran tehran=iran turkish=turkey ankara=turkey israeli=israel ukrainian=ukraine "
    "kyiv=ukraine kiev=ukraine iraqi=iraq baghdad=iraq saudi=saudi_arabia riyadh=saudi_arabia chief=head "
    "boss=head leader=head director=head secretary_general=secretary-general "
    "director_general=director-general "
    "united_nations=un u.n.=un european_union=eu defence=defense spokeswoman=spokesman "
    "spokesperson=spokesman officials=official sources=source ministers=minister anti=counter "
    "counterterrorism=counter-terrorism intel=intelligence research=study report=study survey=study "
    "diplomat=foreign diplomats=foreign"
)
# Bodies whose name says their country (and portfolio): "the State Department" is American.
_IMPLIES = {
    "state department": {"us", "foreign"},
    "secretary of state": {"us", "foreign", "secretary"},
    "white house": {"us"},
    "pentagon": {"us", "defense"},
    "kremlin": {"russia"},
    "fsb": {"russia", "security"},
}
# Countries as `_tokens` folds them: a record naming none cannot confirm or deny the claim's.
_PLACES = _word_set("us uk russia syria china france germany iran turkey israel ukraine iraq") | {
    "saudi arabia"
}
COUNTRIES = _PLACES  # for claims: a country's words as ALIASES folds them
_FILLER = _word_set(
    "the a an of for and in on at to by with from 's senior top high-ranking said al el bin ibn"
)
_GENERIC = _word_set("official source authority authorities government administration representative")
_OFFICES = _word_set("chancellor premier king queen pope emir prince sheikh monarch ayatollah mufti")
_RANKS = _word_set("deputy vice assistant former under undersecretary acting")
_PERSON_TITLES = _word_set("minister president secretary head director spokesman ambassador chairman")
_LEADERS = _word_set(
    "president prime premier chancellor king queen emir chairman chairwoman director director-general "
    "secretary-general commander ceo governor mayor minister secretary"
)
_SUFFIXES = _word_set("jr sr ii iii iv")
_PHRASES = ("united states", "united kingdom", "saudi arabia", "united nations", "european union")
_PHRASES += ("secretary general", "director general", "state department", "white house", "secretary of state")
SHARE_NEEDED = 0.75  # of a description's words found in the speaker's record
MIN_RESPELT = 5  # a surname this long misspelt by one slip (see _slip) still names the speaker
UNKNOWN_SHARE = 0.5  # below this share found (and no other conflict), the description is someone else
# Portfolios: a ministry or department of one is not of another.
_PORTFOLIOS = _word_set(
    "defense foreign interior finance justice health education agriculture energy trade economy treasury "
    "transport environment labor labour"
)
# Capitalised words that describe rather than name: titles, bodies in general, determiners.
_DESCRIPTIVE = {w.lower() for w in TITLE_WORDS} | _word_set("a an the")
_COMMON_FIRST = {w.lower() for w in PERSON_NOUNS | ORG_NOUNS | STUDY_NOUNS} | _word_set(
    "research senior top us"
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
        if phrase in text:
            extra |= _IMPLIES.get(phrase, set())
            text = text.replace(phrase, phrase.replace(" ", "_"))
    words = set()
    for raw in re.findall(r"[\w.'-]+", text):
        word = raw.strip(".'").removesuffix("'s").replace("_", " ")
        words |= _IMPLIES.get(word, set())
        word = ALIASES.get(word, ALIASES.get(word.rstrip("."), word))
        parts = [p for p in word.split("-") if p] if "-" in word and word not in _LEADERS else [word]
        for part in parts:  # "al-Assad" is also "Assad"; "counter-terrorism" is counter and terrorism
            part = ALIASES.get(part, part)
            if part and part not in _FILLER:
                words.add(part)
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


def _known(speaker: Speaker) -> set[str]:
    """Every word the speaker's record answers to: name, role, mention, and what they imply."""
    known = _tokens(speaker.name, True) | _tokens(speaker.role, True) | _tokens(speaker.mention, True)
    known |= {"ministry"} if "minister" in known else set()
    if known & _LEADERS and not known & _RANKS:
        known.add("head")  # "the Turkish leader" is its president; a minister heads the ministry
    if {"head", "ministry"} <= known:
        known.add("minister")  # "Defense Ministry deputy head" is a deputy defense minister
    if speaker.organisation and known & {w.lower() for w in STUDY_NOUNS}:
        known.add("study")
    return known


def speaker_verdict(mention: str, speaker: Speaker) -> tuple[str, str]:
    """consistent when the mention names or describes the speaker, conflicting when it contradicts them."""
    who = speaker.name or speaker.role
    if not speaker.name and not speaker.role:
        return "unknown", f"claim names {mention}; the statement's speaker is not known"
    claimed = _tokens(mention)
    name_words = [w for w in (speaker.name or "").split() if w.lower().strip(".,") not in _SUFFIXES]
    surname = None if speaker.organisation or speaker.anonymous else name_words[-1:]
    surname_parts = {w for w in _tokens(surname[0]) if w not in _FILLER} if surname else set()
    # In "Putin's spokesman" the named person is whose spokesman it is, not the speaker.
    possessors = _tokens(" ".join(re.findall(r"([\w.-]+)['’]s\s+\w", mention)))
    described = f"{who} ({speaker.role})" if speaker.role and speaker.role != who else who
    conflict = f"claim names {mention}; the statement's speaker is {described}"
    claimed |= _respelt(claimed - possessors, surname_parts)
    if surname_parts and surname_parts <= claimed - possessors:
        if _other_given_name(mention, speaker.name or ""):
            return "conflicting", f"claim names {mention}, not the statement's speaker {who}"
        return "consistent", f"claim names {mention}, the statement's speaker {who}"
    if surname_parts and surname_parts <= possessors:
        return "conflicting", conflict  # Putin's spokesman is not Putin
    known = _known(speaker)
    if claimed & _RANKS != known & _RANKS and claimed & _PERSON_TITLES:
        return "conflicting", conflict  # "the foreign minister" is not the deputy foreign minister
    if claimed & _PLACES and known & _PLACES and not claimed & known & _PLACES:
        return "conflicting", conflict  # another country's
    if claimed & _PORTFOLIOS and known & _PORTFOLIOS and not claimed & known & _PORTFOLIOS:
        return "conflicting", conflict  # the defense ministry is not the foreign ministry
    if not known & _PLACES and claimed & _PLACES:
        claimed -= _PLACES  # the record names no country: the claim's country is neither confirmed nor not
        if not claimed:
            return "unknown", f"claim names {mention}; the record of {who} names no country"
    has_role = bool(speaker.role) or speaker.anonymous
    covered = {w for w in claimed if w in known or (w in _GENERIC and has_role)}
    if claimed and len(covered) >= SHARE_NEEDED * len(claimed):
        return "consistent", f"claim names {mention}, which describes the statement's speaker {described}"
    if _proper_words(mention) - known or len(covered) < UNKNOWN_SHARE * len(claimed):
        return "conflicting", conflict  # a name or body the record lacks, or a description that misses
    return "unknown", f"claim names {mention}; the record of {described} neither confirms nor contradicts it"


def _respelt(words: set[str], surname_parts: set[str]) -> set[str]:
    """The speaker's surname parts that a word of the mention misspells ("Lavorv", "Siberel", "Puttin")."""
    return {
        part for part in surname_parts for word in words if len(part) >= MIN_RESPELT and _slip(word, part)
    }


def _slip(word: str, name: str) -> bool:
    """One typing slip: a letter dropped or doubled, or two neighbours swapped. A letter replaced by
    another makes another name ("Osama" is not "Obama")."""
    if word == name or word[:1] != name[:1]:
        return False
    return Indel.distance(word, name) <= 1 or (OSA.distance(word, name) == 1 and sorted(word) == sorted(name))


def _proper_words(mention: str) -> set[str]:
    """Names and acronyms in a mention ("Reuters", "FSB", "Obama"), folded as `_tokens` folds them."""
    found = set()
    for i, word in enumerate(re.findall(r"[\w.'’-]+", mention)):
        bare = word.strip(".'’").removesuffix("'s").removesuffix("’s")
        if not bare[:1].isupper() or bare.lower() in _DESCRIPTIVE:
            continue
        if i == 0 and not (len(bare) > 1 and bare.isupper()) and bare.lower() in _COMMON_FIRST:
            continue  # "Officials say", "Research shows": a capital for the sentence, not a name
        found |= _tokens(bare)
    return found - _PLACES
