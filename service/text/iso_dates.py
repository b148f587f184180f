"""What an ISO date is, defined once: the API's schemas and the statement importer both check with these."""

from __future__ import annotations

import re

# Each pattern is both documented in the OpenAPI spec and the whole check, so a value the spec
# allows is never refused (and fuzzers generating from the spec agree with the service). Days are
# checked against their month ("2015-02-31" is no date; February takes 29 in every year).
_MONTH_DAY = (
    r"(?:(?:0[13578]|1[02])(?:-(?:0[1-9]|[12][0-9]|3[01]))?"
    r"|(?:0[469]|11)(?:-(?:0[1-9]|[12][0-9]|30))?"
    r"|02(?:-(?:0[1-9]|1[0-9]|2[0-9]))?)"
)
DATE_PREFIX_PATTERN = rf"^[0-9]{{4}}(?:-{_MONTH_DAY})?$"
_TIME = (
    r"[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\.[0-9]{1,6})?)?"
    r"(?:Z|[+-](?:[01][0-9]|2[0-3]):?[0-5][0-9])?"
)
DATE_OR_TIME_PATTERN = rf"^[0-9]{{4}}-{_MONTH_DAY}{_TIME}$|{DATE_PREFIX_PATTERN}"


def full_match(pattern: str) -> re.Pattern:
    """Compile a JSON Schema pattern for whole-text matching (its `$` is the end of the text)."""
    # Python's `$` also matches before a final newline.
    return re.compile(pattern.replace("$", r"\Z"))


DATE_OR_TIME_RE = full_match(DATE_OR_TIME_PATTERN)
