"""Who a description points at: the person record coreference keeps, offices, bodies, role words."""

from __future__ import annotations

import re
from dataclasses import dataclass

from service.extraction.cues import ORG_NOUNS, STUDY_NOUNS, wordset
from service.extraction.speakers.mention_words import Mention
from service.extraction.speakers.names import GENERIC_STEMS, stems

# Offices one person holds at a time: "the prime minister", "the chancellor" name that one holder.
_OFFICE_STEMS = stems(
    "premier chancellor president governor mayor chairman chairwoman coxswain captain taoiseach tánaiste "
    "coroner"
)
# Bare nouns that stand for any body named just before ("the party", "the group", "the company").
_LOOSE_BODIES = wordset("party group movement alliance coalition organisation organization body bloc")
# Kinds of body: "the ministry" points at a body whose own name holds a word of its kind ("Foreign Office").
_BODY_KINDS = (
    wordset("ministry department office"),
    wordset("party movement alliance front congress league coalition bloc"),
    wordset("company firm corporation corp corp. inc inc. plc ltd co co. automaker carmaker manufacturer"),
    wordset("agency service authority administration"),
)
# Last words of names that are parties whatever else they say: "the Scottish Greens", "the Liberal Democrats".
_PARTY_HEADS = wordset(
    "Greens Democrats Republicans Conservatives Tories Liberals Nationalists Unionists Socialists"
)
_BODY_REACH = 3  # statements back a bare "the party" may point
_ALL_KINDS = frozenset().union(*_BODY_KINDS) | wordset("bank")
_NOT_BODY_START = wordset(
    "The A An In On At For By With From As After Before When While But And Its His Her Our Their This That"
)
_ARTICLE_RE = re.compile(r"^(?:the|The)\s+")


@dataclass
class Person:
    """Someone (or a body) the article makes speak, as coreference builds them up."""

    name: str
    role: str | None
    anonymous: bool = False
    organisation: bool = False
    group: bool = False  # "officials", "two people familiar with ...": never "he" or "the official"
    gender: str | None = None  # "f" / "m" when an honorific, a role word or a first name says so


def owned_by(mention: Mention, person: Person) -> bool:
    """ "Smith's lawyer" is someone other than Smith."""
    owner, apostrophe, _ = mention.name.replace("\u2019", "'").rpartition("'s ")
    return bool(apostrophe and stems(owner) & stems(person.name))


def serves(mention: Mention, person: Person) -> bool:
    """ "the minister" is not "the minister's aide": the person's role belongs to the one described."""
    possessor = (person.role or "").replace("\u2019", "'").rpartition("'s ")[0]
    return bool(possessor and stems(mention.name) & stems(possessor))


def role_head(role: str | None) -> str | None:
    """A role without its possessor: "the minister's aide" -> "aide" (the minister is someone else)."""
    if not role:
        return role
    return role.replace("\u2019", "'").rpartition("'s ")[2]


def learn_gender(person: Person, gender_: str) -> Person:
    """A person "he" or "she" points at is that gender from then on (a hint for later pronouns)."""
    person.gender = person.gender or gender_
    return person


def _kind(noun: str) -> frozenset[str]:
    """The words a body's own name may use for the kind of body a bare noun names."""
    return next((kind for kind in _BODY_KINDS if noun in kind), frozenset({noun}))


def named_body(noun: str, recent: list[Person]) -> Person | None:
    """ "The party said", "the ministry added": the body the article just made speak, of the noun's kind.

    A body whose name holds a word of that kind ("Soviet Foreign Ministry" for "the ministry"), or one
    described by that noun ("Residents' group Save Ashby Fields" for "the group").
    """
    words = noun.split()
    if not words or noun != noun.lower() or words[-1] in STUDY_NOUNS:
        return None  # "the poll", "the report" are left as they are: their sources run long
    head = words[-1]
    kind = _kind(head)
    party = kind == _kind("party")
    for person in reversed(recent[-_BODY_REACH:]):
        name = person.name.split()
        # A body's name, or any name ending in a capitalised "Union", "Trust" or "Co." ("Ford Motor Co.").
        named = not person.anonymous and all(w[:1].isupper() or w in ("of", "for", "and") for w in name)
        words = {w.lower() for w in name} if person.organisation else {name[-1].lower()} if named else set()
        if len(name) > 1 and words & kind:
            return person
        described = (role_head(person.role) or "").split()
        by_role = not person.anonymous and not person.group and described and described[-1].lower() in kind
        if by_role and described[0].lower() not in ("who", "which", "whose"):
            return person  # "Residents' group Save Ashby Fields" ... "the group said"
        if party and name[-1] in _PARTY_HEADS:
            return person
    return None


def loose_body(noun: str, recent: list[Person]) -> Person | None:
    """ "The group said" where no body of its kind is named: the last capitalised body that spoke."""
    if noun not in _LOOSE_BODIES:
        return None
    for person in reversed(recent[-_BODY_REACH:]):
        if person.organisation and " " in person.name and any(w[:1].isupper() for w in person.name.split()):
            return person
    return None


def body_in_text(noun: str, text: str, before: int) -> str | None:
    """ "The agency said" where no such body has spoken yet: the last body of that kind printed before it.

    "The Environment Agency issued a warning. ... The agency said", "the Bank of Japan ... the central bank",
    "the United Auto Workers union ... the union said".
    """
    words = noun.split()
    if not words or noun != noun.lower() or words[-1] not in ORG_NOUNS | _ALL_KINDS:
        return None
    heads = "|".join(sorted(w.title() for w in _kind(words[-1])))
    found = None
    pattern = (
        rf"\b((?:[A-Z][\w'\u2019&-]*\s+(?:(?:of|for|and|the)\s+)?){{1,5}}(?:{heads}))\b"
        rf"|\b((?:{heads})\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'\u2019&-]*(?:\s+[A-Z][\w'\u2019&-]*){{0,3}})"
        rf"|\b((?:[A-Z][\w'\u2019&-]*\s+){{1,4}}{re.escape(words[-1])})\b"  # "the GMB union"
    )
    # A headline's capitals ("Suspect Named By Police") name no body; a first line ending a sentence is text.
    first = text.find("\n\n")
    skip = first + 2 if 0 < first < before and text[first - 1] not in '.!?"\u201d' else 0
    for m in re.compile(pattern).finditer(text, skip, before):
        words = (m.group(1) or m.group(2) or m.group(3)).split()
        while words and (words[0] in _NOT_BODY_START or words[0].islower()):
            words.pop(0)  # "The Harbour Party", "In the Green Party": sentence openers are not its name
        if len(words) > 1:
            found = " ".join(words)
    return found


def office_in_text(mention: Mention, text: str) -> str | None:
    """ "the prime minister": the one person the text before the mention gives that office, else None.

    "Prime Minister Theresa Hale", "Theresa Hale, the prime minister,", "Scotland's first minister, Theresa
    Hale," and "Theresa Hale became prime minister" all say who holds it; a second holder named in the same
    way leaves it open.
    """
    office = _ARTICLE_RE.sub("", mention.name or "").strip()
    if (
        not office
        or len(office.split()) > 3
        or (len(stems(office)) < 2 and not stems(office) & _OFFICE_STEMS)
    ):
        return None
    words = r"\s+".join(re.escape(w) for w in office.split())
    name = r"(?P<name>[A-Z][a-z][\w'\u2019-]*(?:\s+[A-Z][a-z][\w'\u2019-]*){1,2})"
    patterns = (
        rf"(?i:{words})\s+(?-i:{name})",
        rf"(?i:{words}),\s+(?:(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame)\.?\s+)?(?-i:{name})",  # "The PM, Mr X,"
        rf"{name},\s+(?:the\s+|(?:[A-Z][\w]*['\u2019]s\s+))(?:\w+\s+){{0,2}}?(?i:{words})\b",
        rf"{name}\s+(?:became|becomes|is|was|,\s+who\s+became)\s+(?:the\s+)?(?:\w+\s+){{0,2}}?(?i:{words})\b",
    )
    holders = set()
    for pattern in patterns:
        for m in re.finditer(pattern, text[: mention.start]):
            printed = text[max(0, m.start() - 12) : m.start("name")] + text[m.end("name") : m.end()]
            if not qualified(printed, mention.name):  # "shadow chancellor Mark Tennant" holds another office
                holders.add(m.group("name"))
    return holders.pop() if len(holders) == 1 else None


def office_holder(mention: Mention, people) -> Person | None:
    """The one named person whose role holds every telling word of a definite description."""
    want = stems(mention.name)
    if len(want) < 2 and not want & _OFFICE_STEMS:
        return None  # "the official", "the senator" say too little to pick one person by office
    holders = [
        p
        for p in people
        if p.role
        and not p.anonymous
        and want <= stems(p.role)
        and not owned_by(mention, p)
        and not qualified(p.role, mention.name)
    ]
    return holders[0] if len({p.name for p in holders}) == 1 else None


# Words that make an office another one: the shadow chancellor, a former premier, the deputy prime minister.
_QUALIFIERS = frozenset(stems("shadow former ex deputy vice acting junior outgoing interim"))


def qualified(role: str | None, office: str | None) -> bool:
    """A role holds the office only under a qualifier the description lacks ("shadow chancellor")."""
    return bool((stems(role) - stems(office)) & _QUALIFIERS)


def fits_context(text: str, mention: Mention, person: Person) -> bool:
    """The words printed just before a person's name share a word with the description."""
    at = text.find(person.name)  # "Rep. Jenna Ford, a Texas Republican," fits "the Texas Republican"
    if owned_by(mention, person):
        return False
    want = stems(mention.name) - GENERIC_STEMS
    end = at + len(person.name)
    # The words before the name in its sentence, and its appositive ("..., a Texas Republican,") if any.
    start = max(0, at - 50, text.rfind(". ", 0, at) + 1)
    appositive = text[end : end + 2] == ", " and text.find(",", end + 2, end + 60)
    after = min(appositive if appositive and appositive > 0 else end, mention.start)
    return 0 <= at < mention.start and bool(want & stems(role_head(text[start:after])))


def fits(mention: Mention, person: Person) -> bool:
    """A definite description fits a person whose role shares a word with it, or it says little itself."""
    if owned_by(mention, person) or serves(mention, person):
        return False
    want = stems(mention.name) - GENERIC_STEMS
    # At least half its telling words: "the Nato secretary general" is not "Colonel General X".
    return not want or 2 * len(want & stems(f"{role_head(person.role)} {person.name}")) >= len(want)


# "Russia's deputy defense minister", "Labour's general secretary": a capitalised owner before the office.
_OWNER_RE = re.compile(
    r"^(?:the\s+)?(?P<org>(?:[A-Z][\w.&-]*\s+){0,5}[A-Z][\w.&-]*)['\u2019]s?\s+(?P<rest>[a-z].*)$"
)
# "spokeswoman for the Royal National Lifeboat Institution", "a researcher at the Institute for Pacific
# Affairs in Singapore", "chief secretary to the Treasury": the first capitalised body after a preposition.
_BODY_RE = re.compile(
    r"\b(?:for|of|at|to|with|from)\s+(?:the\s+)?"
    r"(?P<org>[A-Z][\w.&'\u2019-]*(?:\s+(?:of|for|and|on|the|[A-Z][\w.&'\u2019-]*))*?)"
    r"(?=\s+in\s|['\u2019]s\s|,|;|\)|$|\s+(?:who|which|that|in|on)\b)"
)
_TRAILING_RE = re.compile(r"\s+(?:of|for|and|on|the)$")


def affiliation(role: str | None) -> str | None:
    """The organisation or country a role names, or None ("a retired teacher" names none)."""
    if not role:
        return None
    owner = _OWNER_RE.match(role.strip())
    if owner:
        return owner.group("org")
    body = _BODY_RE.search(role)
    if body:
        return _TRAILING_RE.sub("", body.group("org")) or None
    return None
