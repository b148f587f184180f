"""The people an article names: registered by surname as they appear at cues, found again in its text.

`NamedPeople` is the memory `Resolver` (coref.py) resolves mentions against: full names printed anywhere
("Smith" -> "John Smith"), two people sharing a surname, offices printed before a name, and who is
named (not quoted) between two offsets.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from service.extraction.cues import PARTY_WORDS, PLACES, TITLE_WORDS, wordset
from service.extraction.speakers.descriptions import Person
from service.extraction.speakers.mention_words import Mention
from service.extraction.speakers.names import (
    CALENDAR,
    NAME_RUN_RE,
    PLACE_NOUNS,
    SENTENCE_STARTERS,
    SUBJECT_SURNAME_RE,
    distinct,
    full_name,
    gender,
    occurrences,
    title_before,
)

_CAP_WORD_RE = re.compile(r"\b([A-Z][a-z][\w-]*)(?:['\u2019]s)?\b")
_HONORIFICS = wordset("mr mrs ms miss dr prof sir dame lord lady")
_KNIGHTLY = wordset("sir dame")  # titles British copy puts before a given name: "Sir Hugh" is Hugh Denton
_OBJECT_MARKERS = wordset(
    "told to with by of on for at from and about against asked called met thanked interviewed named "
    "criticized criticised praised accused urged"
)


class NamedPeople:
    """Everyone named at a cue in an article, by surname, and the names its text prints elsewhere."""

    def __init__(
        self, text: str, mentions: list[Mention | None], quoted: list[tuple[int, int]] | None = None
    ):
        self.text = text
        # Inside quote marks a name is said, not saying: "The First Amendment ...", titles like “The X Hour”.
        self.quoted = sorted(quoted or [])
        self._quoted_starts = [s for s, _ in self.quoted]
        self.people: dict[str, Person] = {}  # surname (lower) -> person, for everyone named at a cue
        self.others: dict[str, Person] = {}  # full name -> a second person sharing a surname
        self.full_names: dict[str, tuple[str, str | None] | None] = {}
        for m in mentions:
            if m is not None and m.kind == "name" and len(m.name.split()) > 1:
                self._register(m.name, m.role)
        for m in mentions:
            if m is not None and m.kind == "name" and len(m.name.split()) == 1:
                self._named(m)
        self.surnames = {m.name.split()[-1] for m in mentions if m is not None and m.kind == "name"}

    def _register(self, name: str, role: str | None) -> Person:
        hint = role
        if role and role.lower().rstrip(".") in _HONORIFICS:
            role = None  # "Mrs Starling": a hint at gender, not a role
        if role is None and " " in name:
            # "Prime Minister Eleanor Starling has vowed ...": the office first printed before the name.
            at = self.text.find(name)
            line = self.text.rfind("\n", 0, max(at, 0)) + 1
            role = title_before(self.text[line:at], at - line) if at > line else None
        key = name.split()[-1].lower()
        person = self.people.get(key)
        if person is not None and distinct(person.name, name):
            # "Marta Lindqvist" and "her son, Erik Lindqvist": two people; the surname goes to the one the
            # article prints first, as a bare surname later does.
            other = self.others.setdefault(name, Person(name, role))
            if self.text.find(name) < self.text.find(person.name):
                self.people[key], self.others[person.name] = other, person
            person = other
        elif person is None:
            person = self.people[key] = Person(name, role)
        else:
            if len(name) > len(person.name):
                person.name = name
            person.role = person.role or role
        # Role words first ("spokeswoman"), then the first name; a hint once found is kept.
        person.gender = person.gender or gender(hint, name.split()[0] if len(name.split()) > 1 else None)
        return person

    def _full(self, surname: str) -> tuple[str, str | None] | None:
        """full_name once per surname: it scans the article, where a surname may recur thousands of times."""
        if surname not in self.full_names:
            self.full_names[surname] = full_name(self.text, surname)
        return self.full_names[surname]

    def _named(self, mention: Mention) -> Person:
        if len(mention.name.split()) == 1 and (mention.role or "").rstrip(".").lower() in _KNIGHTLY:
            knight = self._by_given_name(mention.name)
            if knight is not None:  # "Sir Hugh said": Sir Hugh Denton, never a "Hugh" of his own
                return knight
        if len(mention.name.split()) == 1:
            found = self._full(mention.name)
            if found:
                return self._register(found[0], mention.role or found[1])
        return self._register(mention.name, mention.role)

    def _by_given_name(self, given: str) -> Person | None:
        """ "Sir Hugh", "Dame Judith": the one person the article names "Hugh Denton" or "Sir Hugh Denton"."""
        known = (*self.people.values(), *self.others.values())
        people = {p.name: p for p in known if p.name.split()[0] == given}
        if len(people) == 1:
            return next(iter(people.values()))
        if people:
            return None
        after = re.finditer(rf"\b{re.escape(given)}\s+([A-Z][\w'\u2019-]+)\b", self.text)
        printed = {m.group(1) for m in after}
        printed -= SENTENCE_STARTERS | PLACES | CALENDAR
        return self._register(f"{given} {printed.pop()}", None) if len(printed) == 1 else None

    def named_between(self, lo: int, hi: int, first: bool = False) -> Person | None:
        """The person named last (or first) in text[lo:hi]: a speaker of the article, else a "First Last"."""
        best, who = (hi if first else -1), None
        for surname in self.surnames:
            for at in occurrences(self.text, surname, lo, hi):
                if self._in_quote(at):
                    continue
                if (at < best) if first else (at > best):
                    best, who = at, surname
        if who:
            return self.people.get(who.lower())
        # Someone named only in passing ("Dmitry Peskov, the Kremlin spokesman, dismissed the reports.").
        runs = list(NAME_RUN_RE.finditer(self.text, lo, hi))
        for m in runs if first else reversed(runs):
            last = m.group().split()[-1]
            if self._in_quote(m.start()) or last in PLACE_NOUNS or last in PARTY_WORDS or last in CALENDAR:
                continue  # a title or a phrase inside quote marks; "Far Hills Avenue" is a place
            before = self.text[max(lo, m.start() - 20) : m.start()].split()
            if before and (before[-1].lower() in _OBJECT_MARKERS or before[-1].endswith(("'s", "\u2019s"))):
                continue  # "told CNN's Jake Tapper", "met with John Kerry": not the subject
            words = m.group().split()
            while words and (
                words[0] in SENTENCE_STARTERS
                or words[0] in PARTY_WORDS
                or words[0].lower().strip(".") in TITLE_WORDS
            ):
                words.pop(0)
            if words and words[-1].endswith(("'s", "\u2019s")):
                continue  # "Jane Doe's 25 points": named, not the subject
            if len(words) >= 2 and not any(w in PLACES or w.lower().strip(".") in TITLE_WORDS for w in words):
                return self._register(" ".join(words), None)
        return self._subject_surname(lo, hi, first)

    def _subject_surname(self, lo: int, hi: int, first: bool) -> Person | None:
        """ "Calloway, in a jumpsuit, apologized.": a surname opening a sentence, printed in full elsewhere"""
        found = list(SUBJECT_SURNAME_RE.finditer(self.text, lo, hi))
        for m in (found if first else found[::-1])[:3]:
            surname = m.group("surname")
            if surname in SENTENCE_STARTERS or surname in PLACES or self._in_quote(m.start("surname")):
                continue
            full = self._full(surname)
            if full is not None:
                return self._register(*full)
        return None

    def _in_quote(self, at: int) -> bool:
        i = bisect_right(self._quoted_starts, at) - 1
        return i >= 0 and at < self.quoted[i][1]

    def surname_in(self, lo: int, hi: int) -> Person | None:
        """ "That was Lund's summary": the first surname in text[lo:hi] the article prints in full."""
        for m in _CAP_WORD_RE.finditer(self.text, lo, hi):
            word = m.group(1)
            if word in SENTENCE_STARTERS or word in PLACES or word.lower().strip(".") in TITLE_WORDS:
                continue
            person = self.people.get(word.lower())
            found = None if person else self._full(word)
            if person or found:
                return person or self._register(*found)
        return None

    def person_named(self, mention: Mention) -> Person:
        """The person a name mention outside any statement points at ("Smith" -> "John Smith")."""
        return self._named(mention)
