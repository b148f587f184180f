"""Ages an article prints for people ("Steyn, 24,", "the 31-year-old Hollis"): "the 31-year-old said" is
never someone printed with another age."""

from __future__ import annotations

import re

_AGE_NOUN_RE = re.compile(r"(?:the\s+)?(\d{1,3})-year-old$", re.I)


def described_age(description: str | None) -> int | None:
    """The age a description gives ("the 31-year-old" -> 31), else None."""
    m = _AGE_NOUN_RE.fullmatch((description or "").strip())
    return int(m.group(1)) if m else None


def printed_age(text: str, name: str, before: int) -> int | None:
    """The age printed with a person's surname before `before` ("Steyn, 24,", "31-year-old Liam Hollis")."""
    surname = re.escape(name.split()[-1])
    m = re.search(rf"\b{surname},\s+(\d{{1,3}}),", text[:before]) or re.search(
        rf"\b(\d{{1,3}})-year-old\s+(?:[A-Z][\w'\u2019-]*\s+){{0,3}}{surname}\b", text[:before]
    )
    return int(m.group(1)) if m else None
