"""Names in an article's text: whole-word occurrences, the full name printed for a surname, its title."""

from __future__ import annotations

import re

from service.extraction.cues import (
    NAME_CONNECTORS,
    PARTY_WORDS,
    PERSON_NOUNS,
    PLACES,
    TITLE_WORDS,
    wordset,
)
from service.extraction.speakers.gender_hints import FEMININE, MASCULINE
from service.text.calendar import CAPITALISED_CALENDAR_WORDS

SENTENCE_STARTERS = wordset(
    "But And The When While If Meanwhile However Yet So Also In On At As After Before Since Then Now "
    "Still Though Although Last This That These Those It He She They We I A An"
)
# Last words of capitalised runs that name places and buildings, never people.
PLACE_NOUNS = wordset(
    "Avenue Ave Ave. Street St St. Road Rd Rd. Boulevard Blvd Drive Lane Highway Parkway County Parish City "
    "Park River Lake Mountain Mountains Island Bay Beach Center Centre Hall School Academy University "
    "College Church Hospital Airport Station Square Bridge Valley Heights Hills Village Township Mall "
    "Stadium Arena Court Building Tower Plaza Coast Gulf Ocean Sea Creek Canyon Forest Falls"
)
NAME_RUN_RE = re.compile(r"\b[A-Z][a-z][\w'\u2019-]*(?:\s+(?:[A-Z]\.|[A-Z][a-z][\w'\u2019-]*)){1,3}\b")
SUBJECT_SURNAME_RE = re.compile(
    r"(?:^|[.!?][\"\u201d]?\s+|\n)(?P<surname>[A-Z][a-z][\w'\u2019-]+)(?=,\s|\s+[a-z])"
)
CALENDAR = CAPITALISED_CALENDAR_WORDS
_BEFORE_SURNAME_RE = re.compile(
    r"((?:[A-Z][\w'\u2019-]*\s+){1,2}(?:(?:al|bin|ibn|de|van|von|da|el|abu)[\s-]+)?)$"
)


def _word_at(text: str, at: int, word: str) -> bool:
    end = at + len(word)
    return (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum())


def occurrences(text: str, word: str, start: int = 0, end: int | None = None):
    """Offsets of `word` as a whole word in text[start:end] (plain find: no per-article regex)."""
    end = len(text) if end is None else end
    at = text.find(word, start, end)
    while at >= 0:
        if _word_at(text, at, word):
            yield at
        at = text.find(word, at + 1, end)


def full_name(text: str, surname: str) -> tuple[str, str | None] | None:
    """The fullest "First Surname" the article prints for a bare surname, and the title printed before it."""
    for at in occurrences(text, surname):
        m = _BEFORE_SURNAME_RE.search(text, max(0, at - 80), at)
        if not m:
            continue
        words = m.group(1).split()
        while words and (
            words[0].lower().strip(".") in TITLE_WORDS
            or words[0] in SENTENCE_STARTERS
            or words[0] in PARTY_WORDS
            or len(words) > 1
            and words[0].lower() in PERSON_NOUNS
        ):
            words.pop(0)
        if words and not any(
            w.lower().strip(".") in TITLE_WORDS or w in PLACES or w in CALENDAR or "'" in w for w in words
        ):
            name_at = at - len(" ".join(words)) - 1
            return " ".join([*words, surname]), title_before(text, name_at)
    return None


def title_before(text: str, at: int) -> str | None:
    """ "Gov." in "Gov. Gavin Newsom", "Senate Majority Leader" in "Senate Majority Leader Chuck Schumer"."""
    # Within the name's line: "BBC News\n\nSummary\n\nChancellor Helen Carver" has the title "Chancellor".
    words = text[max(0, at - 60, text.rfind("\n", 0, at) + 1) : at].split()
    title: list[str] = []
    for word in reversed(words):
        if word in SENTENCE_STARTERS or not (word[:1].isupper() or word.lower().strip(".") in TITLE_WORDS):
            break
        title.insert(0, word)
    has_office = any(
        w.lower().strip(".") in TITLE_WORDS - {"the", "of", "for", "and", "on", "in", "at"} for w in title
    )
    return " ".join(title) if title and has_office and not title[-1].endswith(("'s", "\u2019s")) else None


_STOP = wordset(
    "the a an of for and in on at to top senior official officials u.s. us former 's with from by year old"
)
# Words that say little about who a description points at: "the Russian official" may be anyone Russian.
GENERIC_STEMS = {
    w[:5] for w in wordset("official spokesman spokeswoman minister russian american british chinese")
}


_POSSESSIVES = wordset("his her their")


def gender(*texts: str | None) -> str | None:
    """ "f" or "m" from the first gendered word (honorific, role word, first name) in the texts, else None."""
    for text in texts:
        for i, word in enumerate((text or "").lower().replace(",", " ").split()):
            if i == 0 and word in _POSSESSIVES:
                continue  # "His wife, Kerry Rowe": "his" is the husband's ("who made his name" is his own)
            if word in FEMININE:
                return "f"
            if word in MASCULINE:
                return "m"
    return None


def stems(text: str | None) -> set[str]:
    """Five-letter stems of the telling words of a description or role ("the Russian official" -> russi)."""
    words = re.findall(r"[a-z]+", (text or "").lower().replace("defence", "defense"))
    return {w[:5] for w in words if w not in _STOP and len(w) > 1}


# Offices distinct enough that a description naming one cannot be a person holding another.
_OFFICES = {
    **dict.fromkeys(["spokesman", "spokeswoman", "spokesperson"], "spokesperson"),
    **dict.fromkeys(["mayor", "governor", "senator", "sen", "judge", "prosecutor", "sheriff", "coach"], None),
    **dict.fromkeys(["lawyer", "attorney"], "lawyer"),
    **dict.fromkeys(["analyst", "economist", "strategist"], "analyst"),
    **dict.fromkeys(["ceo", "executive"], "executive"),
}
_OFFICES = {word: office or word for word, office in _OFFICES.items()}


def distinct(known: str, name: str) -> bool:
    """Two full names with the same surname but different first names ("J." and "John" are one)."""
    a, b = known.split(), name.split()
    short, long = sorted((known.lower(), name.lower()), key=len)
    if long.endswith(" " + short) and short.split()[0] in NAME_CONNECTORS:
        return False  # "Van der Merwe" is "Gerrit van der Merwe" without the first name
    return (
        len(a) > 1
        and len(b) > 1
        and not a[0].rstrip(".").startswith(b[0].rstrip("."))
        and not b[0].rstrip(".").startswith(a[0].rstrip("."))
    )


def _office(text: str | None) -> str | None:
    words = [w.strip(".,").lower() for w in (text or "").split()]
    found = [_OFFICES[w] for w in words if w in _OFFICES]
    return found[-1] if found else None


def offices_clash(description: str | None, role: str | None) -> bool:
    """ "a police spokesman" is not "Mayor X": two distinct offices named."""
    a, b = _office(description), _office(role)
    return a is not None and b is not None and a != b
