"""Where the speaker sits around a cue: the mention before "said", or after an inverted "said"."""

from __future__ import annotations

import re
from dataclasses import replace

from service.extraction.cues import (
    ANONYMITY_RE,
    CAPITALISED_MONTHS,
    CAPITALISED_WEEKDAYS,
    DETERMINERS,
    ORG_NOUNS,
    PERSON_NOUNS,
    STUDY_NOUNS,
    alternation,
)
from service.extraction.speakers.mention_words import Mention, bare, is_cap
from service.extraction.speakers.mentions import parse_mention

_SUBORDINATE_RE = re.compile(
    r"^.*\b(?:when|while|as|but|and|after|because|since|although|though|where|whereas|then|so|if|"
    r"that|which|who|before|until|once|yet|also)\s+",
    re.S,
)
_TIME_TAIL_RE = re.compile(
    rf"(?:\s+(?:on|last|this|late|early|earlier)?\s*(?:{alternation(CAPITALISED_WEEKDAYS)}|"
    r"week|month|year|morning|afternoon|evening|night)|\s+(?:also|previously|recently|today|yesterday|later|"
    r"earlier|again|repeatedly|publicly|separately|however|too|then|once|in\s+\d{4}|has|have|had))+\s*,?$"
)
_PARTICIPLE_END_RE = re.compile(r"\s(?:published|released|issued|posted|conducted|filed|unveiled)$")
_ASIDE_RE = re.compile(
    r",\s+(?:in\s+(?:a|an|the|his|her|its|their)\s+(?:[\w-]+\s+)?(?:statement|interview|email|letter|post|"
    r"speech|response|turn)|for\s+(?:his|her|its|their)\s+part|in\s+turn|in\s+response|meanwhile|however|"
    r"though|too|also|by\s+contrast|in\s+contrast|for\s+example|at\s+the\s+time|on\s+\w+day|in\s+\w+)\s*,$"
)
_COMMA_RE = re.compile(r",\s+")
_CONJUNCTION_RE = re.compile(r"(?:But|And|Yet|So|Still|Now|Then|Also|Instead|Meanwhile)\s+(?=[A-Za-z])")
_LOWER_CONJUNCTION_RE = re.compile(r"(?:and|but|or|yet|so|while|as)\s+(?=[A-Za-z])")
# A word, a preposition and no comma to the end: "A senior source in the opposition" (the word is then looked
# up in the noun sets; one alternation of every noun here cost more than the rest of attribution together).
_WORD_PP_RE = re.compile(r"\b([\w'\u2019-]+)\s+(?:of|in|at|for|from|with|on|close\s+to)\s+[^,]{1,60}$")
_NOUNS = PERSON_NOUNS | ORG_NOUNS | STUDY_NOUNS
_AFTER_END_RE = re.compile(
    r"[.;!?]\s*$|\s+(?:on|in|during|last|earlier|this|after|before)\s+"
    rf"(?:{alternation(CAPITALISED_WEEKDAYS + CAPITALISED_MONTHS)}|\d|a\s|an\s|the\s|his\s|her\s)|"
    r"\s+at\s+(?:a|an)\s|"
    r"\s+(?:before|after|while|when|until|because|although|though)\s"  # "said X before casting her vote"
)
# A subject that ends in a relative pronoun is a relative clause's: its verb describes the noun before it
# ("a historian who wrote ..."), not "many of whom".
RELATIVE_TAIL_RE = re.compile(r"\b(?:who|which)\s*$", re.IGNORECASE)
_RELATIVE_RE = re.compile(r"\s(?:who|whose|which)\s")
_SUBJECT_RELATIVE_RE = re.compile(r"\s(who|whose|which|that)\s")
_VERB_FIRST_RE = re.compile(r"(?!(?:" + "|".join(sorted(PERSON_NOUNS | ORG_NOUNS)) + r")\b)[a-z]+(?:s|ed)\s")
_CAP_NAME_RE = re.compile(r"[A-Z][\w.&'\u2019-]*(?:\s+[A-Z][\w.&'\u2019-]*){0,4}")
_MORE_RELATIVE_RE = re.compile(r"(?:and\s+|but\s+)?(?:who|whose)\s")
# ", and cited ...", ", but travels ...": a second verb of the sentence's subject, so what comes before it is
# the statement and no part of a speaker's appositive chain (", and her aide, Tom Blake" still is).
_VERB_CONJUNCT_RE = re.compile(r",\s+(?:and|but)\s+(?!(?:" + "|".join(sorted(DETERMINERS)) + r")\b)[a-z]")
_WHO_HEAD_RE = re.compile(r"(?:[Aa]n?|[Tt]he|[Oo]ne)(?:\s+[a-z][\w-]*){1,4}")
_NOT_PERSON_HEADS = frozenset({"one", "others", "some", "thing", "things"})
# Windows, in characters before a cue unless said otherwise.
_MENTION_WINDOW = 300  # the longest a speaker mention runs
_ASIDE_WINDOW = 40  # an aside before the cue: ", for her part,"
_TIME_TAIL_WINDOW = 90  # a time between speaker and cue: "on Monday"
_MENTION_TAIL_WINDOW = 120  # where an anonymity phrase or relative clause may end a mention
_NOUN_PP_WINDOW = 80  # "a senior source in the opposition"
_MAX_MENTION_WORDS = 32  # words of a comma-delimited chunk read as a mention
_SUBJECT_WINDOW = 320  # characters from a sentence's start searched for its first verb
_MAX_NAME_LOOKUPS = 50  # occurrences of a word checked for a mid-sentence use


def _can_end_mention(left: str) -> bool:
    """Cheap test on the last word: every mention ends in a name, a pronoun, a known noun or an aside."""
    last = left[left.rfind(" ") + 1 :]
    if left.endswith((",", "-year-old")) or is_cap(last) or last in ("he", "she", "they", "it"):
        return True
    low = bare(last)
    if low in PERSON_NOUNS or low in ORG_NOUNS or low in STUDY_NOUNS or low.rstrip("s") in PERSON_NOUNS:
        return True
    tail = max(0, len(left) - _MENTION_TAIL_WINDOW)  # the regexes last, on the tail only: this runs per cue
    return bool(
        ANONYMITY_RE.search(left, tail)
        or _RELATIVE_RE.search(left, tail)
        or _noun_pp(left, max(0, len(left) - _NOUN_PP_WINDOW))  # "A senior source in the opposition"
    )


def _noun_pp(left: str, pos: int) -> bool:
    """Whether a known noun with a prepositional phrase ends `left` (looking from `pos`)."""
    m = _WORD_PP_RE.search(left, pos)
    while m is not None:
        if m.group(1).lower() in _NOUNS:
            return True
        m = _WORD_PP_RE.search(left, m.end(1))
    return False


def speaker_before(text: str, lo: int, hi: int) -> Mention | None:
    """The mention that ends right before a cue at `hi`, looking back no further than `lo`."""
    lo = max(lo, hi - _MENTION_WINDOW)  # no mention runs longer; bounding it keeps long sentences linear
    left = text[lo:hi].rstrip()
    conj = _CONJUNCTION_RE.match(left)
    if conj:  # "But rebel commander Abu Omar told ...", "And the army said ..."
        lo, left = lo + conj.end(), left[conj.end() :]
    aside = _ASIDE_RE.search(left, max(0, len(left) - _ASIDE_WINDOW))
    if aside and aside.start() > 0:
        left = left[: aside.start()]  # "Cole, for her part, said", "X, in a statement, said": an aside
    # the tail only: a $-anchored scan is costly
    trimmed = _TIME_TAIL_RE.search(left, max(0, len(left) - _TIME_TAIL_WINDOW))
    if trimmed and trimmed.start() > 0:
        untrimmed = left
        left = left[: trimmed.start()].rstrip()  # "Tom Vilsack on Monday said": the time is not the speaker
        if not _can_end_mention(left) and _PARTICIPLE_END_RE.search(left):
            left = untrimmed  # "a study published Wednesday suggests": the time belongs to the participle
    if not left or not _can_end_mention(left):
        return None
    # Longest first, so "Sen. Susan Collins, R-Maine, the top Republican on ..." keeps its name.
    begins = [m.end() for m in _COMMA_RE.finditer(left) if m.end() < len(left)][-6:]
    candidates = [0, *begins]
    for begin in candidates:
        conj = _CONJUNCTION_RE.match(left, begin) or _LOWER_CONJUNCTION_RE.match(left, begin)
        begin = conj.end() if conj else begin  # "..., and analysts said": the conjunction is not the speaker
        chunk = left[begin:]
        if len(chunk.split()) > _MAX_MENTION_WORDS or _VERB_CONJUNCT_RE.search(chunk):
            continue
        mention = parse_mention(chunk, lo + begin)
        if mention:
            return mention
        relative = _SUBJECT_RELATIVE_RE.search(chunk)
        named = _named_after_relatives(chunk[relative.start() :]) if relative else None
        if relative and (named or _only_relatives(chunk[relative.start() :])):
            # "Hundreds of people who fled the fighting told Reuters ...": the clause describes the speaker;
            # "The company that makes the lockers, Yondr, said": the body named after it.
            head = chunk[: relative.start()] + (f", {named}" if named else "")
            mention = parse_mention(head, lo + begin) or _who_description(head, chunk, lo + begin)
            mention = replace(mention, text=chunk.strip(" ,")) if named and mention else mention
            if mention and (
                mention.kind != "pronoun" and relative.group(1) != "that" or mention.kind == "org"
            ):
                return mention  # ("that" only after a body: "The union local that represents ... said")
        sub = _SUBORDINATE_RE.match(chunk.split(", ", 1)[0]) if not ANONYMITY_RE.search(chunk) else None
        if sub and not _VERB_FIRST_RE.match(left, begin + sub.end()):  # "that represents ...": no subject
            mention = parse_mention(left[begin + sub.end() :], lo + begin + sub.end())
            if mention:
                return mention
    return None


def _named_after_relatives(rest: str) -> str | None:
    """The name closing "that makes the lockers, Yondr": relative clauses, then a capitalised name."""
    parts = rest.rstrip(" ,").split(", ")
    last = parts[-1]
    if len(parts) < 2 or not _only_relatives(", ".join(parts[:-1])) or not _CAP_NAME_RE.fullmatch(last):
        return None
    return last


def _only_relatives(rest: str) -> bool:
    """ "who was working ..., and who asked ...": every part after a comma is another relative clause."""
    parts = rest.rstrip(" ,").split(", ")
    return all(_MORE_RELATIVE_RE.match(p) or ANONYMITY_RE.search(p) for p in parts[1:])


def _who_description(head: str, chunk: str, at: int) -> Mention | None:
    """ "A clerk who was working ...": "who" says the noun is a person, though no list of ours names it."""
    words = head.split()
    if not _WHO_HEAD_RE.fullmatch(head.strip()) or words[-1].lower() in _NOT_PERSON_HEADS:
        return None
    name = " ".join(words[1:])
    anonymous = bool(ANONYMITY_RE.search(chunk))
    return Mention(head.strip(), at, "description", name, name, anonymous, words[0].lower() == "the")


def speaker_after(text: str, lo: int, hi: int) -> Mention | None:
    """The mention that follows an inverted cue ("said John Smith, a spokesman for ...")."""
    right = text[lo:hi]
    end = _AFTER_END_RE.search(right)
    chunk = right[: end.start()] if end else right
    m = parse_mention(chunk, lo)
    if m and m.kind == "name" or m and m.kind in ("description", "org", "study"):
        return m
    return None


# A word that can be the verb right after a sentence's subject: "Johnson promised", "She hosts", "X was".
_VERB_WORD_RE = re.compile(
    r"\b(?:[a-z]{2,}(?:ed|es|s)|is|was|has|had|will|would|can|could|made|took|gave|told|said|went|came|won|"
    r"lost|led|met|put|set|ran|saw|got|fell|rose|left|kept|held|sent|spent|wrote|spoke|struck|stood|sat|"
    r"chose|drew|drove|broke|brought|bought|fought|thought|sought|taught|threw|hit|cut|let|shut)\b"
)
_SUBJECT_LEAD_RE = re.compile(r"^(?:(?:But|And|Yet|So|Still|Then|Now|Also)\s+|[^,]{2,60},\s+)?$")


def sentence_subject(text: str, lo: int, hi: int) -> Mention | None:
    """The person or body a sentence opens with, before its first verb ("Ramos urged ... and said")."""
    for verb in _VERB_WORD_RE.finditer(text, lo, min(hi, lo + _SUBJECT_WINDOW)):
        mention = speaker_before(text, lo, verb.start())
        if mention is not None:
            # Only the subject itself, after at most a conjunction or a short opener ("On education, ").
            if not _SUBJECT_LEAD_RE.match(text[lo : mention.start]):
                return None
            if (
                mention.kind == "name"
                and " " not in mention.name
                and not _named_mid_sentence(text, mention.name)
            ):
                continue  # "Prices rose ...", "Some residents ...": a capitalised first word, not a surname
            return mention
    return None


def _named_mid_sentence(text: str, word: str) -> bool:
    """Whether a capitalised word also appears inside a sentence (as surnames do), not only opening one."""
    at = text.find(word)
    for _ in range(_MAX_NAME_LOOKUPS):  # a pathological article may repeat it at every sentence start
        if at < 0:
            break
        before = text[max(0, at - 8) : at].rstrip()
        if (
            before
            and before[-1] not in '.!?"\u201d\n:'
            and not text[at + len(word) : at + len(word) + 1].isalnum()
        ):
            return True
        at = text.find(word, at + 1)
    return False
