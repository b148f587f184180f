"""The pipeline's attribute rules (tag to part of speech, pronoun features, "gonna" lemmas) applied by lookup.

en_core_web_sm's attribute_ruler gives each token its coarse part of speech and features from its tag,
word and dependency: some 180 rules that spaCy's Matcher tries on every token, a fifth of the whole
parse of a news sentence. `LookupRuler` reads the same rules from the loaded component and finds, for
each token, only the rules whose word, dependency or tag it has, then sets their attributes in the
ruler's own order (a later rule wins), so every token ends up as the ruler leaves it. A rule it cannot
read (an operator or attribute it does not know) makes `compile_ruler` return None: the caller keeps the
spaCy component.
"""

from __future__ import annotations

import re

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.strings import get_string_id
from spacy.tokens._retokenize import set_token_attrs

# The token attributes rules may test, in the column order of the array read from each Doc. A rule is
# filed under one attribute it requires a value of (the first listed here that it has), so a token is
# offered only the rules that can match it.
_COLUMNS = ("LOWER", "DEP", "TAG", "IS_SPACE")
_ARRAY_ATTRS = [LOWER, DEP, TAG, IS_SPACE]


class _Unreadable(ValueError):
    pass


def _check(column: int, value, strings) -> tuple:
    """One test of a token's attribute: (column, kind, operand), kind one of eq, in, not_in, regex."""
    if isinstance(value, bool):
        return column, "eq", int(value)
    if isinstance(value, str):
        return column, "eq", get_string_id(value)
    if isinstance(value, dict) and value and set(value) <= {"IN", "NOT_IN", "REGEX"} and len(value) == 1:
        ((op, operand),) = value.items()
        if op == "REGEX" and isinstance(operand, str):
            return column, "regex", re.compile(operand)
        if isinstance(operand, list) and all(isinstance(v, str) for v in operand):
            return column, op.lower(), frozenset(get_string_id(v) for v in operand)
    raise _Unreadable(value)


def _token_checks(spec: dict, strings) -> tuple[tuple, ...]:
    checks = []
    for key, value in spec.items():
        name = key.upper()
        if name not in _COLUMNS:
            raise _Unreadable(key)  # "OP", "ORTH", "POS", ...: a rule this reader does not know
        checks.append(_check(_COLUMNS.index(name), value, strings))
    if not checks:
        raise _Unreadable(spec)
    return tuple(checks)


class LookupRuler:
    """The rules of a spaCy AttributeRuler, applied to a Doc by lookup (see the module docstring)."""

    def __init__(self, ruler) -> None:
        self._strings = ruler.vocab.strings
        self._attrs = list(ruler.attrs)
        self._filed: list[dict] = [{} for _ in _COLUMNS]  # per column: value -> [pattern, ...]
        self._unfiled: list[tuple] = []  # patterns with no value to file them under (a regex only)
        for rule_id, rule in enumerate(ruler.patterns):
            for pattern in rule["patterns"]:
                tokens = tuple(_token_checks(spec, self._strings) for spec in pattern)
                index = ruler.indices[rule_id]
                if not tokens or not -len(tokens) <= index < len(tokens):
                    raise _Unreadable(pattern)
                self._file((rule_id, tokens, index % len(tokens)))

    def _file(self, compiled: tuple) -> None:
        first = compiled[1][0]
        for column in range(len(_COLUMNS)):
            for col, kind, operand in first:
                if col == column and kind in ("eq", "in"):
                    for value in [operand] if kind == "eq" else operand:
                        self._filed[column].setdefault(value, []).append(compiled)
                    return
        self._unfiled.append(compiled)

    def __call__(self, doc):
        """Set the rules' attributes on the Doc's tokens, as the AttributeRuler would; returns the Doc."""
        rows = doc.to_array(_ARRAY_ATTRS).tolist()
        matches = []
        for i, row in enumerate(rows):
            offered = list(self._unfiled)
            for column, filed in enumerate(self._filed):
                offered += filed.get(row[column], ())
            for rule_id, tokens, index in offered:
                if i + len(tokens) <= len(rows) and all(
                    self._holds(checks, rows[i + k]) for k, checks in enumerate(tokens)
                ):
                    matches.append((rule_id, i, index))
        matches.sort()  # by rule: a later rule's attributes win, as in AttributeRuler.match
        for rule_id, start, index in matches:
            set_token_attrs(doc[start + index], self._attrs[rule_id])
        return doc

    def _holds(self, checks: tuple, row: list) -> bool:
        for column, kind, operand in checks:
            value = row[column]
            if kind == "eq":
                if value != operand:
                    return False
            elif kind == "in":
                if value not in operand:
                    return False
            elif kind == "not_in":
                if value in operand:
                    return False
            elif operand.search(self._strings[value]) is None:
                return False
        return True


def compile_ruler(ruler) -> LookupRuler | None:
    """A LookupRuler for the given AttributeRuler, or None when one of its rules is beyond it."""
    try:
        return LookupRuler(ruler)
    except _Unreadable:
        return None
