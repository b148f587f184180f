"""Named patterns and ordered registries of them: the home of attribution's regular expressions.

A `Pattern` is one form of words with a name and a reason ("dash_gloss": a reporter's gloss after a
dash). A `Registry` holds patterns in the order they are tried and compiles them into one alternation,
so where two could match at one place the earlier wins, exactly as a hand-written `A|B|C` would, and the
match still says which pattern made it. Tests exercise each pattern alone (`Pattern.compiled`) and the
registry as a whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property


@dataclass(frozen=True)
class Pattern:
    """One named form of words: `regex` is its source, `why` what it stands for."""

    name: str
    regex: str
    why: str

    def compiled(self, flags: int = 0) -> re.Pattern:
        """This pattern alone, compiled (what its unit tests match against)."""
        return re.compile(self.regex, flags)


@dataclass(frozen=True)
class Registry:
    """Patterns tried in order as one alternation, between an optional shared prefix and suffix."""

    name: str
    patterns: tuple[Pattern, ...]
    prefix: str = ""
    suffix: str = ""
    flags: int = 0
    _index: dict[str, Pattern] = field(init=False, repr=False, compare=False, default_factory=dict)

    def __post_init__(self) -> None:
        for pattern in self.patterns:
            if pattern.name in self._index:
                raise ValueError(f"{self.name}: two patterns named {pattern.name!r}")
            self._index[pattern.name] = pattern

    @cached_property
    def regex(self) -> re.Pattern:
        """The registry compiled: each pattern a named group, in order, inside the prefix and suffix."""
        body = "|".join(f"(?P<{p.name}>{p.regex})" for p in self.patterns)
        return re.compile(f"{self.prefix}(?:{body}){self.suffix}", self.flags)

    @property
    def names(self) -> tuple[str, ...]:
        """The pattern names, in the order they are tried."""
        return tuple(p.name for p in self.patterns)

    def __getitem__(self, name: str) -> Pattern:
        return self._index[name]

    def which(self, match: re.Match) -> str | None:
        """The name of the pattern that made a match of `regex`."""
        for pattern in self.patterns:
            if match.group(pattern.name) is not None:
                return pattern.name
        return None
