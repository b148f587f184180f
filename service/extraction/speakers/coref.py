"""Resolve speaker mentions across an article: surnames, he/she, "the official", lede descriptions."""

from __future__ import annotations

import re

from service.extraction.speakers.ages import described_age, printed_age
from service.extraction.speakers.bodies import fuller_body, last_body
from service.extraction.speakers.descriptions import (
    Person,
    affiliation,
    body_in_text,
    fits,
    fits_context,
    learn_gender,
    loose_body,
    named_body,
    office_holder,
    office_in_text,
    role_head,
)
from service.extraction.speakers.mention_words import Mention
from service.extraction.speakers.named_people import NamedPeople
from service.extraction.speakers.names import (
    gender,
    offices_clash,
    stems,
)
from service.models import Speaker

_THE_RE = re.compile(r"^(?:the|The)\s+")
# "her father", "his ex-wife": kin of someone named before, unnamed themselves.
_KIN_RE = re.compile(
    r"^(?:his|her|their)\s+(?:\w+\s+)?(?:father|mother|son|daughter|wife|husband|brother|sister|widow|"
    r"widower|partner|ex|ex-wife|ex-husband|cousin|uncle|aunt|grandmother|grandfather|neighbou?r|friend)s?$",
    re.I,
)
_COLLECTIVES = frozenset({"family", "families", "relatives", "friends", "team", "crew", "staff"})


def _affiliation(person: Person) -> str | None:
    return None if person.organisation else affiliation(person.role)


class Resolver(NamedPeople):
    """Walks an article's mentions in order, remembering who has spoken and who was named."""

    def __init__(
        self,
        text: str,
        mentions: list[Mention | None],
        paras: list[int] | None = None,
        ends: list[int] | None = None,
        quoted: list[tuple[int, int]] | None = None,
    ):
        super().__init__(text, mentions, quoted)
        self.mentions = mentions
        self.paras = paras or [0] * len(mentions)
        self.ends = ends or [0] * len(mentions)  # where each statement ends: names inside it are not "he"
        self.recent: list[Person] = []  # speakers so far, most recent last
        self.last_pos = 0  # where the previous mention ended: people named after it are "he"/"she" candidates

    def _forward(self, index: int, mention: Mention) -> Person | None:
        """The next named speaker whose role matches the description (or who is quoted right after it)."""
        want = stems(mention.name)
        if mention.kind != "pronoun" and _KIN_RE.match(mention.name or ""):
            return None  # "her father", "his wife": kin of someone named before, never the next one named
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

    def _backward(self, mention: Mention) -> Person | None:
        want = stems(mention.name)
        people = [p for p in reversed(self.recent) if not p.organisation and not p.group]
        for person in people:
            if want & stems(role_head(person.role) if not person.anonymous else person.name):
                return person  # "the minister" is not "the minister's aide"
        return people[0] if people else None

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
            body = body or (loose_body(name, self.recent) if mention.definite else None)
            if body is None and mention.definite:  # "the utility", "the union federation", "The Bloc"
                the = _THE_RE.match(mention.text) is not None
                found = last_body(name, self.recent) or (
                    fuller_body(name, self.text, mention.start) if the else None
                )
                body = self._register_body(found) if isinstance(found, str) else found
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
            if fitting:
                return learn_gender(fitting[0], want)
            # No speaker fits: the person the article last named ("Marian Coyle, the folk singer ..., has
            # died. ... She later told The Irish Press ..."), before anyone named after the pronoun.
            earlier = self.named_between(0, mention.start)
            if earlier is not None and earlier.gender in (None, want):
                return learn_gender(earlier, want)
            if people:
                return learn_gender(people[0], want)
            return self._forward(index, mention)
        # A description: an anonymous source, someone named before, or (in a lede) someone named next.
        collective = mention.name.split()[-1].lower() in _COLLECTIVES  # "her family": unnamed, never "she"
        group = (
            collective
            or mention.anonymous
            and mention.name.split()[-1].lower().endswith(("s", "people", "police"))
        )
        if collective:
            return Person(mention.name, mention.role, anonymous=True, group=True)
        if mention.anonymous:
            if mention.definite:
                earlier = self._backward(mention)
                if earlier is not None and earlier.anonymous:
                    return earlier
            return Person(mention.name, mention.role, anonymous=True, group=group)
        age = described_age(mention.name) if mention.definite else None
        if age is not None:  # "the 31-year-old said": who was just named, or spoke, and is not another age
            aged = self._of_age(mention, age)
            if aged is not None:
                return aged
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
        # An office named but never its holder ("the Turkish foreign minister"): identified, not anonymous;
        # "her father", never named, is.
        kin = bool(_KIN_RE.match(mention.name))
        person = Person(mention.name, mention.role, anonymous=not mention.definite or kin)
        return learn_gender(person, gender(mention.name)) if kin else person

    def _of_age(self, mention: Mention, age: int) -> Person | None:
        """Who was just named, else the latest speaker printed with that age, else one printed with none."""
        named = self._named_since(mention.start)
        people = [p for p in reversed(self.recent) if not p.organisation and not p.group and not p.anonymous]
        ages = {p.name: printed_age(self.text, p.name, mention.start) for p in [named, *people] if p}
        if named is not None and not named.organisation and ages[named.name] in (None, age):
            return named
        exact = [p for p in people if ages[p.name] == age]
        return (exact or [p for p in people if ages[p.name] is None] or [None])[0]

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
