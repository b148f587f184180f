"""Resolve speaker mentions across an article: surnames, he/she, "the official", lede descriptions."""

from __future__ import annotations

import re
from bisect import bisect_right

from service.extraction.cues import PARTY_WORDS, PLACES, TITLE_WORDS, wordset
from service.extraction.speakers.descriptions import (
    Person,
    affiliation,
    body_in_text,
    fits,
    fits_context,
    learn_gender,
    named_body,
    office_holder,
    office_in_text,
    role_head,
)
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
    offices_clash,
    stems,
    title_before,
)
from service.models import Speaker

_CAP_WORD_RE = re.compile(r"\b([A-Z][a-z][\w-]*)(?:['\u2019]s)?\b")
_THE_RE = re.compile(r"^(?:the|The)\s+")
_HONORIFICS = wordset("mr mrs ms miss dr prof sir dame lord lady")


_OBJECT_MARKERS = wordset(
    "told to with by of on for at from and about against asked called met thanked interviewed named "
    "criticized criticised praised accused urged"
)


def _affiliation(person: Person) -> str | None:
    return None if person.organisation else affiliation(person.role)


class Resolver:
    """Walks an article's mentions in order, remembering who has spoken and who was named."""

    def __init__(
        self,
        text: str,
        mentions: list[Mention | None],
        paras: list[int] | None = None,
        ends: list[int] | None = None,
        quoted: list[tuple[int, int]] | None = None,
    ):
        self.text = text
        self.mentions = mentions
        self.paras = paras or [0] * len(mentions)
        self.ends = ends or [0] * len(mentions)  # where each statement ends: names inside it are not "he"
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
        self.recent: list[Person] = []  # speakers so far, most recent last
        self.last_pos = 0  # where the previous mention ended: people named after it are "he"/"she" candidates

    def _register(self, name: str, role: str | None) -> Person:
        hint = role
        if role and role.lower().rstrip(".") in _HONORIFICS:
            role = None  # "Mrs Starling": a hint at gender, not a role
        if role is None and " " in name:
            at = self.text.find(
                name
            )  # "Prime Minister Eleanor Starling has vowed ...": the office first printed
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
        if len(mention.name.split()) == 1:
            found = self._full(mention.name)
            if found:
                return self._register(found[0], mention.role or found[1])
        return self._register(mention.name, mention.role)

    def _forward(self, index: int, mention: Mention) -> Person | None:
        """The next named speaker whose role matches the description (or who is quoted right after it)."""
        want = stems(mention.name)
        for offset, later in enumerate(self.mentions[index + 1 :], start=index + 1):
            if later is None or later.kind != "name":
                continue
            person = self._named(later)
            near = self.paras[offset] - self.paras[index] <= 3 and mention.kind != "pronoun"
            near = near and not offices_clash(mention.name, person.role)
            if not person.role or want & stems(person.role) or near:
                person.role = person.role or mention.name
                return person
        return None

    def _named_since(self, start: int) -> Person | None:
        """The person last named (as a speaker anywhere in the article) between the previous cue and here."""
        return self.named_between(self.last_pos, start)

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

    def _backward(self, mention: Mention) -> Person | None:
        want = stems(mention.name)
        people = [p for p in reversed(self.recent) if not p.organisation and not p.group]
        for person in people:
            if want & stems(role_head(person.role) if not person.anonymous else person.name):
                return person  # "the minister" is not "the minister's aide"
        return people[0] if people else None

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

    def speaker_for(self, person: Person) -> Speaker:
        """A Speaker record for a person found by `named_between`."""
        return Speaker(
            person.name, person.role, None, person.anonymous, person.organisation, _affiliation(person)
        )

    def resolve(self, index: int) -> Speaker | None:
        """The speaker for the mention at `index` (mentions must be resolved in order)."""
        mention = self.mentions[index]
        if mention is None:
            return None
        person = self._person(index, mention)
        self.last_pos = max(mention.start + len(mention.text), self.ends[index])
        if person is None:
            return None
        self.recent.append(person)
        return Speaker(
            person.name,
            person.role,
            mention.text,
            person.anonymous,
            person.organisation,
            _affiliation(person),
        )

    def _person(self, index: int, mention: Mention) -> Person | None:
        if mention.kind == "name":
            return self._named(mention)
        if mention.kind in ("org", "study"):
            name = _THE_RE.sub("", mention.name or mention.text)
            body = self._named_body(name) if mention.definite else None
            printed = body_in_text(name, self.text, mention.start) if mention.definite and not body else None
            if printed is not None:  # "The Harbour Party won four seats. ... the party said"
                return self._register_body(printed)
            return body or Person(name, None, organisation=True)
        if mention.kind == "pronoun":
            people = [p for p in reversed(self.recent) if not p.organisation and not p.group]
            if mention.text.lower() == "they":
                return self.recent[-1] if self.recent else None
            if mention.text.lower() == "it":  # "It added that ...": the body that spoke last
                bodies = [p for p in reversed(self.recent) if p.organisation]
                return bodies[0] if bodies else None
            want = "f" if mention.text.lower() == "she" else "m"
            named = self._named_since(mention.start)
            if named is not None and named.gender in (None, want):
                return learn_gender(named, want)
            # The most recent person the pronoun does not contradict (a known other gender is skipped).
            fitting = [p for p in people if p.gender in (None, want)]
            if fitting or people:
                return learn_gender((fitting or people)[0], want)
            return self._forward(index, mention)
        # A description: an anonymous source, someone named before, or (in a lede) someone named next.
        group = mention.anonymous and mention.name.split()[-1].lower().endswith(("s", "people", "police"))
        if mention.anonymous:
            if mention.definite:
                earlier = self._backward(mention)
                if earlier is not None and earlier.anonymous:
                    return earlier
            return Person(mention.name, mention.role, anonymous=True, group=group)
        if mention.definite:
            holder = self._holder(mention)
            if holder is not None:  # "the prime minister": the person the article gives that office
                return holder
            printed = office_in_text(mention, self.text)
            if printed is not None:  # "Theresa Hale became prime minister", named but never quoted before
                return self._register(printed, mention.name)
            earlier = self._backward(mention)
            if earlier is not None and (earlier.anonymous or self._fits(mention, earlier)):
                return earlier
            # "Her opponent, Democrat Luis Paz, conceded." then "the Democrat said"
            named = self._named_since(mention.start)
            if named is not None and self._fits_context(mention, named):
                named.role = named.role or mention.name
                return named
        elif self.recent:
            return Person(mention.name, mention.role, anonymous=True)
        later = self._forward(index, mention)
        if later is not None:
            return later
        # An office named but never its holder ("the Turkish foreign minister"): identified, not anonymous.
        return Person(mention.name, mention.role, anonymous=not mention.definite)

    def _register_body(self, name: str) -> Person:
        """One record per body the text names, so later statements share it."""
        key = f"body:{name}"
        if key not in self.people:
            self.people[key] = Person(name, None, organisation=True)
        return self.people[key]

    def _named_body(self, noun: str) -> Person | None:
        """ "The party said": the body the article just named as a speaker ("the Renewal Movement")."""
        return named_body(noun, self.recent)

    def _holder(self, mention: Mention) -> Person | None:
        """The one named person whose role holds every telling word of a definite description."""
        return office_holder(mention, (*self.people.values(), *self.others.values()))

    def _fits_context(self, mention: Mention, person: Person) -> bool:
        """The words printed just before a person's name share a word with the description."""
        return fits_context(self.text, mention, person)

    def _fits(self, mention: Mention, person: Person) -> bool:
        """A definite description fits a person whose role shares a word with it, or it says little itself."""
        return fits(mention, person)
