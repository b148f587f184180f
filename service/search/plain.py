"""`dataclasses.asdict` for the frozen records an answer carries, at a fraction of its cost.

`asdict` deep-copies every leaf through `copy.deepcopy` and looks a class's fields up on every
object; a /match answer converts ten comparisons of a few dozen records each, which took about a
tenth of a claim's time. Here each class's field names are looked up once and leaves that need no
copy (str, int, float, bool, None) are returned as they are; the result equals `asdict`'s.
"""

from __future__ import annotations

import copy
from dataclasses import fields, is_dataclass

_ATOMS = (str, int, float, bool, type(None))
_FIELDS: dict[type, tuple[str, ...]] = {}


def plain(value):
    """`value` as `dataclasses.asdict` gives it: dataclasses as dicts, containers rebuilt, recursively."""
    kind = type(value)
    if kind in _ATOMS:
        return value
    names = _FIELDS.get(kind)
    if names is None and is_dataclass(value) and not isinstance(value, type):
        names = _FIELDS[kind] = tuple(f.name for f in fields(value))
    if names is not None:
        return {name: plain(getattr(value, name)) for name in names}
    if isinstance(value, tuple) and hasattr(value, "_fields"):  # a namedtuple, rebuilt field by field
        return kind(*[plain(v) for v in value])
    if isinstance(value, list | tuple):
        return kind(plain(v) for v in value)
    if isinstance(value, dict):
        return kind((plain(k), plain(v)) for k, v in value.items())
    return copy.deepcopy(value)
