"""Names in an article's text: whole-word occurrences, the full name printed for a surname, its title."""

from __future__ import annotations

import re

from .cues import PERSON_NOUNS, PLACES, TITLE_WORDS, wordset

SENTENCE_STARTERS = wordset(
    "But And The When While If Meanwhile However Yet So Also In On At As After Before Since Then Now "
    "Still Though Although Last This That These Those It He She They We I A An"
)
# Party labels printed before a name ("Democrat Carla Moreno"): neither name nor office.
PARTY_WORDS = wordset(
    "Democrat Democratic Republican Independent GOP Libertarian Labour Tory Conservative Liberal"
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
_CALENDAR = wordset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July "
    "August September October November December Jan Feb Mar Apr Jun Jul Aug Sept Sep Oct Nov Dec"
)
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
            w.lower().strip(".") in TITLE_WORDS or w in PLACES or w in _CALENDAR or "'" in w for w in words
        ):
            name_at = at - len(" ".join(words)) - 1
            return " ".join([*words, surname]), title_before(text, name_at)
    return None


def title_before(text: str, at: int) -> str | None:
    """ "Gov." in "Gov. Gavin Newsom", "Senate Majority Leader" in "Senate Majority Leader Chuck Schumer"."""
    words = text[max(0, at - 60) : at].split()
    title: list[str] = []
    for word in reversed(words):
        if word in SENTENCE_STARTERS or not (word[:1].isupper() or word.lower().strip(".") in TITLE_WORDS):
            break
        title.insert(0, word)
    has_office = any(
        w.lower().strip(".") in TITLE_WORDS - {"the", "of", "for", "and", "on", "in", "at"} for w in title
    )
    return " ".join(title) if title and has_office and not title[-1].endswith(("'s", "\u2019s")) else None
