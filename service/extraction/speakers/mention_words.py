"""A speaker mention (the words that point at a speaker, parsed) and the word tests its readers share."""

from __future__ import annotations

import re
from dataclasses import dataclass

from service.extraction.cues import NAME_CONNECTORS

_WORD_RE = re.compile(r"\(?[\w.'\u2019&-]+\)?")
POSSESSIVE_RE = re.compile(r"['\u2019]s?$")
# A capital, after an opening bracket or a lower-case name particle: "al-Fadhli", "el-Sisi", "d'Arcy".
_INITIAL_CAP_RE = re.compile(r"^\(?(?:(?:al|el|ad|as|ash|bin|ibn|abu|d|o)['\u2019-])?[A-Z\u00c0-\u00de]")
_ARTICLE_RE = re.compile(r"^(?:the|a|an|The|A|An)\s+")


@dataclass(frozen=True)
class Mention:
    """The words that point at a speaker, parsed: a name, a pronoun, a description or a body."""

    text: str
    start: int
    kind: str  # "name" | "pronoun" | "description" | "org" | "study"
    name: str | None = None  # "Anatoly Antonov", "Antonov", "State Department"
    role: str | None = None
    anonymous: bool = False
    definite: bool = True  # "the official" (points back) versus "a top official" (new, or named next)


def split_words(text: str) -> list[str]:
    """The words of a mention, brackets and inner dots kept ("(R-Ohio)", "U.S.")."""
    return _WORD_RE.findall(text)


def bare(word: str) -> str:
    """A word without brackets or possessive, lower-cased."""
    return POSSESSIVE_RE.sub("", word.strip("()")).lower()


def is_cap(word: str) -> bool:
    """Whether a word starts with a capital (after an opening bracket or a particle such as "al-")."""
    return bool(_INITIAL_CAP_RE.match(word))


def looks_like_name(text: str) -> bool:
    """Two to five capitalised words (name particles allowed): "Maria Gonzalez", not "a retired nurse"."""
    words = split_words(text)
    return 1 < len(words) <= 5 and all(is_cap(w) or w.lower() in NAME_CONNECTORS for w in words)


def strip_article(text: str) -> str:
    """A phrase without its leading article ("the state police" -> "state police")."""
    return _ARTICLE_RE.sub("", text.strip(" ,"))
