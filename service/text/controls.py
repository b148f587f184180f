"""Control characters in article text: dropped at the edge where text is stored, or blanked where offsets
must keep pointing into the text as given.

A NUL stops C string functions (SQLite's length() reads "\\x00We have ..." as empty, so the statement
broke a CHECK and POST /articles answered 500) and PostgreSQL refuses it in text outright.
"""

from __future__ import annotations

import re

# C0 controls but tab, line feed and carriage return; DEL; C1 controls.
_CONTROLS = (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, *range(0x80, 0xA0))
# Those that separate words or lines (vertical tab, form feed, the information separators, NEL).
_SEPARATORS = (0x0B, 0x0C, 0x1C, 0x1D, 0x1E, 0x1F, 0x85)
_CONTROL_RE = re.compile("[" + "".join(re.escape(chr(code)) for code in _CONTROLS) + "]")
_BLANKED = {code: " " for code in _CONTROLS}
_DROPPED = {code: (" " if code in _SEPARATORS else None) for code in _CONTROLS}


def without_controls(text: str) -> str:
    """The text to store: separators become spaces and other controls go (NUL inside a word joins it)."""
    return text.translate(_DROPPED) if _CONTROL_RE.search(text) else text


def controls_blanked(text: str) -> str:
    """`text` with each control character replaced by a space: same length, so every offset still holds."""
    return text.translate(_BLANKED) if _CONTROL_RE.search(text) else text


def has_controls(text: str) -> bool:
    """Whether the text holds a control character other than tab, line feed and carriage return."""
    return _CONTROL_RE.search(text) is not None
