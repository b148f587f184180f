"""Speaker mentions at a cue ("Defense Ministry deputy head Anatoly Antonov", "the official", "he")."""

from __future__ import annotations

import re

from service.extraction.cues import (
    ANONYMITY_RE,
    DATA_NOUNS,
    DETERMINERS,
    FRONTED_ADVERBS,
    FUNCTION_WORDS,
    IRREGULAR_PLURALS,
    NAME_CONNECTORS,
    NOT_DESCRIPTORS,
    NOT_MODIFIERS,
    NOT_NAME_START,
    ORG_NOUNS,
    PARTY_WORDS,
    PERSON_NOUNS,
    PLACES,
    STUDY_NOUNS,
    TITLE_WORDS,
    wordset,
)
from service.extraction.speakers.mention_words import (
    POSSESSIVE_RE,
    Mention,
    bare,
    is_cap,
    looks_like_name,
    split_words,
    strip_article,
)

_RELATIVE_ANON_RE = re.compile(
    r"\s+(?:who|which|speaking|talking|familiar|with\s+(?:direct\s+)?knowledge|briefed|close\s+to)\b.*$", re.S
)
_PARTICIPLE_RE = re.compile(
    r"^(?P<head>.+?)\s+(?:published|released|conducted|commissioned|issued|compiled|prepared|written|led|"
    r"funded|carried\s+out|based|posted|obtained|seen|filed)\b.*$",
    re.S,
)
_PP_RE = re.compile(r"^(?P<head>.+?)\s+(?:of|for|at|with|in|from|on)\s+(?P<pp>.+)$", re.S)
_DESCRIPTOR_RE = re.compile(
    r"(?![a-z]+(?:ed|ing)\b)(?!(?:he|she|they|it|was|is|were|has|had|have)\b)(?:[a-z]{3,}|[a-z]{2,}-[a-z]{3,})"
)
_AFFILIATION_RE = re.compile(
    r"\s+(?:of|from|at|with)\s+(?:the\s+)?[A-Z][\w.'\u2019&-]*(?:\s+(?:of|for|and|the|on|[A-Z][\w.'\u2019&-]*))*$"
)
_NAMED_AS_RE = re.compile(
    r"\b(?:named|called|identified\s+as)\s+([A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){1,3})$"
)
# Heads that stand for an unnamed source by their nature: "a source close to", "a person familiar with".
_UNNAMED_NOUNS = wordset("source sources insider insiders person people")
# "Defending, Rachel Ambrose said", "Sentencing him, Judge Ann Cole said": a participle sets the scene.
_FRONTED_PARTICIPLE_RE = re.compile(r"\s*[A-Z][a-z]{3,}ing(?:\s+[a-z]+){0,4}\s*,\s+(?=[A-Z])")
_FRONTED_RE = re.compile(r"\s*(?:" + "|".join(sorted(FRONTED_ADVERBS)) + r")\s*,\s+(?=[A-Z])")
_OF_BODY_RE = re.compile(r"(?P<person>[A-Z][^,]{3,60}?)\s+of\s+(?P<body>the\s+[^,]{3,60})$")
_ONE_OF_THEM_RE = re.compile(r"(?:[Oo]ne|[Aa]nother|[Bb]oth|[Ss]ome|[Oo]thers?)\s+of\s+(?:them|those|us)")
_AND_COLLEAGUES_RE = re.compile(r"\s+and\s+(?:his|her|their)\s+(?:colleagues|co-authors|coauthors|team)$")
_NOUNS = PERSON_NOUNS | ORG_NOUNS | STUDY_NOUNS  # built once: a union per call cost more than the parse
_AGE_NOUN_RE = re.compile(r"\d{1,3}-year-olds?")  # "the 42-year-old said"
_AGE_RE = re.compile(r"^\d{1,3}(?:,\s*|$)")
_PAST = (
    "said|says|told|fell|rose|went|came|made|took|got|gave|saw|found|left|won|lost|began|became|grew|held|"
    "met|paid|sent|spent|ran|hit|cut|put|set|led|struck|fled|fought|sold|stood|broke|chose|drove|flew|threw"
)
_CLAUSE_WORD_RE = re.compile(
    rf"(?<![-\w])(?:is|are|was|were|has|have|had|will|would|could|can|did|{_PAST})\b|[%$]"
)
# In a phrase after a noun ("a source in the opposition") a finite verb means the words are a clause.
_ADJECTIVES_ED = (
    "united|based|called|alleged|accused|armed|retired|elected|detained|embattled|unnamed|disputed"
)
_VERB_IN_PHRASE_RE = re.compile(
    rf"(?<![-\w])(?:is|are|was|were|has|have|had|will|would|could|can|did|{_PAST}|(?!(?:{_ADJECTIVES_ED})\b)[a-z]{{3,}}ed)\b"
)
_APPOS_NEVER_OPENS = wordset(
    "on in at by for from with during after before since until into near through over"
)
_APPOS_OPENERS = frozenset({"who", "whose", "a", "an", "the"})
_PARTY_RE = re.compile(r"^[RDI]-[A-Z][\w.]*$")
_ACRONYM_AFTER_RE = re.compile(r"(?<=\w)\s+\([A-Z][A-Za-z&]{1,9}\)$")
_HONORIFICS = wordset("mr mrs ms miss dr prof rev sir dame lady")  # "The town's MP, Sir X": role "town's MP"


def parse_mention(phrase: str, start: int) -> Mention | None:
    """Parse the words before (or after) a cue as a speaker mention; None when they are not one."""
    fronted = "," in phrase[:40] and (_FRONTED_RE.match(phrase) or _FRONTED_PARTICIPLE_RE.match(phrase))
    if fronted:  # "Nearby, Walt Henning, a retired grower": the adverb sets the scene, it names nobody
        phrase, start = phrase[fronted.end() :], start + fronted.end()
    of_body = _OF_BODY_RE.match(phrase) if " of the " in phrase else None
    if of_body:  # "Lt. Ann Cole of the state police": a person, and the body they speak for as the role
        person = _parse_head(of_body["person"], start)
        if person is not None and person.kind == "name" and " " in person.name:
            role = ", ".join(x for x in (person.role, strip_article(of_body["body"])) if x)
            return Mention(phrase, start, "name", person.name, role, False)
    raw = phrase
    phrase = _AND_COLLEAGUES_RE.sub("", phrase.strip().strip(",").strip())  # "Raman and her colleagues"
    if not phrase or len(phrase) > 220:
        return None
    anonymous = bool(ANONYMITY_RE.search(phrase))
    head, appos = phrase, None
    if ", " in phrase:
        head, appos = phrase.split(", ", 1)
        appos = appos.strip(" ,")
    if anonymous:
        head = _RELATIVE_ANON_RE.sub("", head)
    head = _ACRONYM_AFTER_RE.sub("", head.strip())  # "The Confederation of British Industry (CBI)"
    # "One of them, a 31-year-old from Milford": one of a group just named.
    if " of " in head and _ONE_OF_THEM_RE.fullmatch(head):
        role = strip_article(appos.split(", ", 1)[0]) if appos else None
        return Mention(phrase, start, "description", head, role, True, True)
    offset = start + raw.find(head) if head in raw else start
    mention = _parse_head(head, offset)
    if mention is None:
        return None
    if appos and mention.kind in ("description", "org"):
        # "the State Department's Acting Coordinator for Counter Terrorism, Justin Siberell"
        first_appos = appos.split(", ", 1)[0]
        named_as = _NAMED_AS_RE.search(first_appos)  # "a retired nurse named Ruth Adler"
        if named_as:
            first_appos = named_as.group(1)
        named = _parse_head(first_appos, start + max(raw.find(first_appos), 0))
        # "The plant's operator, Voltaris Energy", "The company ..., Yondr": a body's own name (one word, or a
        # body's); "the ministry's coordinator, Justin Siberell" stays a person.
        one_word = named is not None and named.kind == "name" and " " not in named.name
        if named and (named.kind == "org" or one_word) and mention.kind == "org":
            return Mention(phrase, start, "org", named.name, None, False)
        if named and named.kind == "name":
            role = " ".join(x for x in (strip_article(head), named.role) if x and bare(x) not in _HONORIFICS)
            return Mention(phrase, start, "name", named.name, role, anonymous)
    if appos and _PARTY_RE.match(appos.split(", ", 1)[0]):
        appos = appos.split(", ", 1)[1] if ", " in appos else None  # "Sen. Susan Collins, R-Maine, ..."
    role = mention.role
    honorific = not role or role.lower().rstrip(".") in ("dr", "mr", "mrs", "ms", "prof", "rev")
    if (
        appos
        and honorific
        and not ANONYMITY_RE.search(appos)
        and mention.kind == "name"
        and not looks_like_name(appos)
    ):
        role = strip_article(_AGE_RE.sub("", appos)) or role  # "Maria Gonzalez, 34, whose ..."
    appos_words = split_words(appos or "")
    # After a name or description, "who ..." / "a ..." asides run long; else a long aside is a split clause.
    opens_aside = bool(appos_words) and appos_words[0].lower() in _APPOS_OPENERS
    limit = 30 if mention.kind in ("name", "description") and opens_aside else 16
    if appos and (
        len(appos_words) > limit
        or not appos_words
        or bare(appos_words[0]) in NOT_MODIFIERS - {"who", "whose"}
        or appos_words[0] in _APPOS_NEVER_OPENS  # "X, on Thursday afternoon with ...": a clause went on
    ):
        return None
    kind = mention.kind
    if anonymous and kind == "name":
        anonymous = False
    return Mention(phrase, start, kind, mention.name, role, anonymous or mention.anonymous, mention.definite)


def _parse_head(head: str, start: int) -> Mention | None:
    words = split_words(head)
    if not words or len(words) > 14:
        return None
    if len(words) == 1 and words[0] in ("he", "she", "He", "She", "they", "They", "it", "It"):
        return Mention(head, start, "pronoun", None, None, False)
    return _parse_named(head, words, start) or _parse_description(head, words, start)


def _parse_named(head: str, words: list[str], start: int) -> Mention | None:
    """A run of capitalised words and titles ending in a capitalised word: a person or a body."""
    if not words:  # '" of Stanford University': nothing before the affiliation to name anyone
        return None
    affiliation = _AFFILIATION_RE.search(head)
    if affiliation and affiliation.start() > 0:
        # "climate scientist Maria Lopez of Stanford University": the trailing body goes to the role.
        inner = _parse_named(head[: affiliation.start()], split_words(head[: affiliation.start()]), start)
        if inner and inner.kind == "name":
            role = " ".join(x for x in (inner.role, affiliation.group().strip()) if x)
            return Mention(head, start, "name", inner.name, role, False)
    tokens = words[1:] if words[0].lower() == "the" else words
    party = [t for t in tokens if _PARTY_RE.match(t.strip("()"))]  # "Sen. John Thune (R-S.D.)"
    tokens = [t for t in tokens if t not in party]
    if tokens[1:] and tokens[-1].isdigit() and all(is_cap(w) or w in NAME_CONNECTORS for w in tokens[:-1]):
        return Mention(head, start, "org", " ".join(tokens), None, False)  # "Workers Local 114"
    if not tokens or not is_cap(tokens[-1]) or tokens[0] in NOT_NAME_START:
        return None
    # Lowercase descriptors before a name, at the start or after the body they belong to: "farmer Tom Becker",
    # "climate scientist Maria Lopez", "Harris County flood control manager Dana Whitfield", "Point guard X".
    lead = 0  # how many descriptors; `last_desc` is the index after the last one
    last_desc = 0
    for i, w in enumerate(tokens):
        if is_cap(w) or bare(w) in TITLE_WORDS or bare(w) in NAME_CONNECTORS:
            continue
        if lead == 3 or not _DESCRIPTOR_RE.fullmatch(w) or w in FUNCTION_WORDS or w in NOT_DESCRIPTORS:
            return None
        if lead and last_desc != i:
            return None  # descriptors run together: "emergency director", never "made landfall near"
        lead, last_desc = lead + 1, i + 1
    first_desc = last_desc - lead
    if lead and first_desc and (first_desc > 3 or any(w.startswith("(") for w in tokens[:first_desc])):
        return None  # a short body before them ("CNN", "Harris County"), not a dateline or a clause
    name: list[str] = []
    for w in reversed(tokens):
        low = bare(w)
        if low in TITLE_WORDS or POSSESSIVE_RE.search(w) or not is_cap(w):
            if low in NAME_CONNECTORS and name and low not in ("the", "of", "for", "and"):
                name.insert(0, w)
                continue
            break
        name.insert(0, w)
    if len(name) > 2 and bare(name[0]) in PERSON_NOUNS:
        name = name[
            1:
        ]  # "Quarterback Dante Miles", "Kicker Tomas Reyes": a capitalised role opens the sentence
    name_text = " ".join(name)
    role_words = tokens[: len(tokens) - len(name)]
    if name and role_words and role_words[-1].lower() in ("of", "for", "and", "the", "at", "in", "on"):
        if all(is_cap(w) or w.lower() in NAME_CONNECTORS for w in tokens) and not any(
            w.lower() in ("president", "minister", "secretary", "director", "head", "chief") for w in tokens
        ):
            return Mention(
                head, start, "org", " ".join(tokens), None, False
            )  # "Syrian Observatory for Human Rights"
        return None  # "director of the Department for New Challenges and Threats": a body inside a phrase
    role = " ".join(role_words) or None
    if lead and (not name or len(name) < 2 and not role_words[last_desc:]):
        return None
    if name and name[-1] in PARTY_WORDS:
        return None  # "the Texas Republican": a description of someone named elsewhere
    if len(name) == 1 and (bare(name[0]) in _NOUNS or name[0].endswith("ly")):
        return None  # "Analysts say", "Police said": a description, not a surname
    if name and bare(name[-1]) in ORG_NOUNS and len(name) > 1:
        return Mention(head, start, "org", " ".join(tokens), None, False)  # "Syrian American Medical Society"
    if not name and bare(tokens[-1]) in PERSON_NOUNS and all(bare(w) in TITLE_WORDS for w in tokens):
        return None  # "the Prime Minister", "the Foreign Secretary": an office in capitals, described below
    if not name or name_text in PLACES or all(w in PLACES for w in name):
        org_name = " ".join(tokens)
        return Mention(head, start, "org", org_name, None, False)
    if len(name) > 4:
        return None
    if words[0].lower() == "the" and tokens == name and len(name) == 1:
        # "The Bloc said": a body, for no person is "the Smith"
        return Mention(head, start, "org", name_text, None, False)
    return Mention(head, start, "name", name_text, role, False)


def _ends_in_noun(text: str) -> bool:
    words = split_words(text)
    return bool(words) and bare(words[-1]) in _NOUNS


def _parse_description(head: str, words: list[str], start: int) -> Mention | None:
    """ "the Russian official", "a senior U.S. intelligence official", "Russia's deputy defense minister"."""
    core = head
    pp = _PP_RE.match(head)
    participle = _PARTICIPLE_RE.match(head)
    if pp and _ends_in_noun(pp.group("head")):
        if _VERB_IN_PHRASE_RE.search(pp.group("pp")) or len(pp.group("pp").split()) > 9:
            return None  # "A federal court on Tuesday rejected an appeal": a clause, not "court on ..."
        core = pp.group("head")
    elif participle and _ends_in_noun(participle.group("head")):
        core = participle.group("head")  # "A study published in the journal Nature"
    core_words = split_words(core)
    if not core_words or len(core_words) > 8 or core_words[0] in NOT_NAME_START:
        return None  # "When the board noted ...": a subordinate clause opens, no speaker
    if any(bare(w) in NOT_MODIFIERS or bare(w).endswith("ing") and bare(w) != "acting" for w in core_words):
        return None  # a clause ("sending it to the House"), not a noun phrase
    if _CLAUSE_WORD_RE.search(core):
        return None  # "Shares fell 3% on the news"
    noun = bare(core_words[-1])
    if noun in DATA_NOUNS:
        return None
    kind = None
    if noun in STUDY_NOUNS:
        kind = "study"
    elif noun in ORG_NOUNS:
        kind = "org"
    elif noun in PERSON_NOUNS or noun.rstrip("s") in PERSON_NOUNS or _AGE_NOUN_RE.fullmatch(noun):
        kind = "description"
    if kind is None:
        return None
    first = core_words[0].lower()
    possessive = bool(POSSESSIVE_RE.search(core_words[0])) and len(core_words) > 1
    bare_ok = noun.endswith("s") or noun in ORG_NOUNS or noun in IRREGULAR_PLURALS
    if first not in DETERMINERS and not possessive and not bare_ok:
        return None  # bare plurals ("officials said", "police said") are fine; a bare singular is not
    definite = first in ("the", "its", "his", "her", "their") or possessive
    if noun in _UNNAMED_NOUNS and kind == "description":
        return Mention(head, start, kind, strip_article(head), strip_article(head), True, definite)
    plural = noun.endswith("s") and noun not in ("analysis", "police") or noun in IRREGULAR_PLURALS
    name = strip_article(head)
    if kind == "description":
        anonymous = plural and kind == "description"
        name = {"pm": "prime minister", "cm": "chief minister"}.get(noun, name)  # spelt out: finds the holder
        return Mention(head, start, kind, name, name, anonymous, definite)
    return Mention(head, start, kind, name, None, False, definite)
