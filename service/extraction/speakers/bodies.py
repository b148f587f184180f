"""Bodies a bare noun points at when no body of its kind is named: "the utility", "the board", "the Bloc"."""

from __future__ import annotations

import re

from service.extraction.cues import PLACES, TITLE_WORDS, wordset
from service.extraction.speakers.descriptions import _BODY_KINDS, Person, role_head

# Nouns any body may be called once it has spoken ("Eskom said ... the utility added"); "the government",
# "the police", "the court" name particular institutions and are left to the rules that know them.
GENERIC_BODY_NOUNS = wordset(
    "group company firm utility board federation organisation organization body association "
    "corporation operator carrier airline insurer lender retailer charity network society club league "
    "campaign movement alliance coalition party bloc front trust institute foundation broadcaster "
    "manufacturer maker developer chain provider supplier"
)
_REACH = 3  # statements back the body may have spoken
_ACRONYM_RE = re.compile(r"^[A-Z][A-Z&]{1,7}$")
_NAME_WORD = r"[A-Z][\w&.'\u2019-]*"
# "Cosatu spokesperson Lerato Khumalo", "a spokesman for Optus": the body a spokesperson speaks for.
_SPOKEN_FOR_RE = re.compile(
    rf"^(?:the\s+|an?\s+)?(?P<before>(?:{_NAME_WORD}\s+){{0,4}}{_NAME_WORD})\s+spokes(?:man|woman|person)$"
    rf"|^(?:the\s+|an?\s+)?spokes(?:man|woman|person)\s+(?:for|of)\s+(?:the\s+)?"
    rf"(?P<after>{_NAME_WORD}(?:\s+(?:of|for|and|{_NAME_WORD})){{0,5}})$"
)
_OTHER_KIND = {word: kind for kind in _BODY_KINDS for word in kind}


def _clashes(head: str, name: str) -> bool:
    """A body whose own name says it is another kind: "Harbour Party" is never "the company"."""
    want = _OTHER_KIND.get(head)
    kinds = {_OTHER_KIND[w.lower()] for w in name.split() if w.lower() in _OTHER_KIND}
    return bool(want and kinds and want not in kinds)


def _proper(name: str, head: str) -> bool:
    """A body's own name: capitalised words; one word if an acronym, a word of the noun's kind or no place."""
    words = name.split()
    if not words or not all(w[:1].isupper() or w in ("of", "for", "and", "the") for w in words):
        return False
    if len(words) > 1:
        return True
    word = words[0]
    return (
        bool(_ACRONYM_RE.match(word))
        or word.lower() == head
        or word.lower() in _OTHER_KIND.get(head, ())
        or (word not in PLACES and word.lower() not in TITLE_WORDS)
    )


def spoken_for(person: Person) -> str | None:
    """The body a spokesperson's role names ("Cosatu spokesperson", "spokesman for Optus"), else None."""
    if person.organisation or not person.role:
        return None
    m = _SPOKEN_FOR_RE.match(role_head(person.role) or "")
    return (m.group("before") or m.group("after")) if m else None


def last_body(noun: str, recent: list[Person]) -> Person | str | None:
    """ "The utility said", "the union federation added": the body that spoke (or had a spokesperson speak)
    within the last few statements, whose name says it is no other kind; a str is a body to register."""
    words = noun.split()
    if not words or noun != noun.lower() or words[-1] not in GENERIC_BODY_NOUNS:
        return None
    head = words[-1]
    for person in reversed(recent[-_REACH:]):
        # "Eskom said", "Cricket South Africa said": a name with no role, no honorific and no known first name
        # reads as a body's when a body noun points back at it
        unmarked = not person.role and person.gender is None and not person.group
        if (person.organisation or unmarked) and not person.anonymous:
            if _proper(person.name, head) and not _clashes(head, person.name):
                return person
            continue
        body = spoken_for(person)
        if body and _proper(body, head) and not _clashes(head, body):
            return body
    return None


def fuller_body(name: str, text: str, before: int) -> str | None:
    """ "The Bloc said": the one longer body name printed earlier from that word ("Bloc Québécois")."""
    if " " in name or _ACRONYM_RE.match(name) or not name[:1].isupper():
        return None
    found = set()
    for m in re.finditer(rf"\b{re.escape(name)}((?:\s+{_NAME_WORD})+)", text[:before]):
        rest = []
        for word in m.group(1).split():
            if word.lower().strip(".") in TITLE_WORDS or word.endswith(("'s", "\u2019s")):
                break
            rest.append(word)
        if rest:
            found.add(" ".join([name, *rest]))
    return found.pop() if len(found) == 1 else None
