"""Pure helpers that turn API-shaped dicts into what the pages show: highlighted runs, badges, dates.

No Flask here: the views hand these plain dicts (as the API's schemas dump them) and the templates
only loop over what comes back, so every rule about what is shown is testable without an app.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from service.text.calendar import MONTH_NAMES

SOURCE_LABELS = {
    "text": "from the article text",
    "metadata": "from the corpus metadata file",
    "request": "given when the article was posted",
}
# Verdict words from every version of the comparison answer, by what they mean for the claim.
AGREEING = frozenset({"consistent", "same", "agrees"})
CONFLICTING = frozenset({"conflicting", "inconsistent", "different", "contradicts"})
# A check's badge says how its two sides relate, in words of its own: the verdict word
# ("conflicting") then appears once per result, on the overall verdict, not on every check as well.
CHECK_BADGES = {"agrees": "matches", "conflicts": "differs", "unknown": "can't tell"}
# Reported speech is the writer's wording, not the speaker's: shown without quotation marks, and said.
KIND_NOTES = {
    "indirect": "Reported speech: the article's wording of what was said, not a verbatim quote.",
    "mixed": "Partly quoted: only the words in quotation marks are the speaker's own.",
}
CHECK_LABELS = {"numbers": "Figure", "speaker": "Speaker", "date": "Date"}
STATEMENT_SILENT = {
    "numbers": "gives no such figure",
    "speaker": "speaker not known",
    "date": "date not known",
}
MONTHS = [name.capitalize() for name in MONTH_NAMES]  # as dates are shown: "2 June 2016"


@dataclass(frozen=True)
class Run:
    """A stretch of text; `marked` when it is highlighted, `statements` the ids of statements covering it."""

    text: str
    marked: bool = False
    statements: tuple[int, ...] = ()


@dataclass(frozen=True)
class ArticleLayout:
    """An article's text cut at statement edges: before the chosen statement, inside it, after it."""

    before: list[Run]
    chosen: list[Run] = field(default_factory=list)
    after: list[Run] = field(default_factory=list)


@dataclass(frozen=True)
class Check:
    """One comparison of the claim against a statement: what, both sides, the verdict as a badge, why."""

    label: str
    verdict: str
    tone: str  # "agrees", "conflicts" or "unknown": the badge's colour, never its only signal
    reason: str | None = None
    claim_says: str | None = None
    statement_says: str | None = None

    @property
    def badge(self) -> str:
        """The badge's words: the result's overall verdict alone uses the API's verdict word."""
        return CHECK_BADGES[self.tone]


def highlight_runs(text: str, spans) -> list[Run]:
    """`text` cut into runs, marked where any of `spans` ({start, end}) covers it; bad spans are ignored."""
    bounds = sorted(_clip(span.get("start"), span.get("end"), len(text)) for span in spans or ())
    merged: list[list[int]] = []
    for start, end in bounds:
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    runs, position = [], 0
    for start, end in merged:
        if start > position:
            runs.append(Run(text[position:start]))
        runs.append(Run(text[start:end], marked=True))
        position = end
    if position < len(text) or not runs:
        runs.append(Run(text[position:]))
    return runs


def _clip(start, end, length: int) -> tuple[int, int]:
    if not isinstance(start, int) or not isinstance(end, int):
        return (0, 0)
    return (max(0, min(start, length)), max(0, min(end, length)))


def statement_spans(quote: dict) -> list[tuple[int, int]]:
    """A statement's pieces as (start, end) offsets into its article: its parts, else start..end."""
    parts = [(part.get("start"), part.get("end")) for part in quote.get("parts") or ()]
    if not parts and quote.get("start") is not None and quote.get("end") is not None:
        parts = [(quote["start"], quote["end"])]
    return [(start, end) for start, end in parts if isinstance(start, int) and isinstance(end, int)]


def article_layout(text: str, quotes: list[dict], chosen_id: int | None) -> ArticleLayout:
    """Cut an article at every statement's edges; the chosen statement's whole extent is one stretch."""
    length = len(text)
    covers: list[tuple[int, int, int]] = []  # (start, end, statement id)
    chosen_extent = None
    for quote in quotes:
        for start, end in statement_spans(quote):
            start, end = _clip(start, end, length)
            if start < end:
                covers.append((start, end, quote["id"]))
        if quote["id"] == chosen_id:
            spans = [_clip(s, e, length) for s, e in statement_spans(quote)]
            spans = [(s, e) for s, e in spans if s < e]
            if spans:
                # One stretch from the first piece to the last: a split quote's pieces are marked
                # runs in it, the attribution between them unmarked runs (see `chosen_pieces`).
                chosen_extent = (min(s for s, _ in spans), max(e for _, e in spans))
    edges = {0, length}
    for start, end, _ in covers:
        edges.update((start, end))
    if chosen_extent:
        edges.update(chosen_extent)
    ordered = sorted(edges)
    layout = ArticleLayout(before=[])
    for start, end in zip(ordered, ordered[1:], strict=False):
        inside = tuple(sorted({i for s, e, i in covers if s <= start and end <= e}))
        if chosen_extent is None or end <= chosen_extent[0]:
            target = layout.before
        elif start >= chosen_extent[1]:
            target = layout.after
        else:
            target = layout.chosen
        target.append(Run(text[start:end], marked=chosen_id in inside, statements=inside))
    return layout


def chosen_pieces(runs: list[Run]) -> list[tuple[bool, str]]:
    """The chosen stretch as (marked, text) pieces: one per part of the statement, one per gap between.

    Runs are cut wherever any statement starts or ends; rejoining them keeps each part of the chosen
    statement in one <mark> even when another statement overlaps it.
    """
    pieces: list[tuple[bool, str]] = []
    for run in runs:
        if pieces and pieces[-1][0] == run.marked:
            pieces[-1] = (run.marked, pieces[-1][1] + run.text)
        else:
            pieces.append((run.marked, run.text))
    return pieces


def comparison_checks(comparison: dict | None) -> list[Check]:
    """Every check of a comparison answer (numbers, speaker, date, and any added later) as badges."""
    if not comparison:
        return []
    checks = []
    for name, value in comparison.items():
        items = value if isinstance(value, list) else [value]
        for item in items:
            if isinstance(item, dict) and item.get("verdict"):
                label = CHECK_LABELS.get(name, name.replace("_", " ").capitalize())
                verdict = item["verdict"]
                reason = item.get("reason") or None
                claim_says, statement_says = _side(item.get("claim")), _statement_side(name, item)
                checks.append(Check(label, verdict, tone(verdict), reason, claim_says, statement_says))
    return checks


def _statement_side(name: str, item: dict) -> str | None:
    said = _side(item.get("quote"))
    if said or not _side(item.get("claim")):
        return said
    # The claim says something the statement does not: say so rather than leave a blank.
    return STATEMENT_SILENT.get(name, "does not say")


def _side(value) -> str | None:
    """One side of a check in words: a quantity with what it counts, a name, a date."""
    if isinstance(value, dict):
        text, counts = value.get("text"), value.get("counts")
        if text and isinstance(counts, str) and counts and counts.lower() not in text.lower():
            return f"{text} {counts}"
        return text or None
    if isinstance(value, str) and value:
        return readable_date(value) if re.fullmatch(r"\d{4}(-\d{2}){0,2}", value) else value
    return None


def kind_note(kind: str | None) -> str | None:
    """What a statement that is not a verbatim quote is, said beside it; None for a direct quote."""
    return KIND_NOTES.get(kind or "direct")


def tone(verdict: str | None) -> str:
    """The badge tone of a verdict word: agrees, conflicts or unknown."""
    if verdict in AGREEING:
        return "agrees"
    if verdict in CONFLICTING:
        return "conflicts"
    return "unknown"


def source_label(source: str | None) -> str:
    """Where an article field came from, in words."""
    return SOURCE_LABELS.get(source or "", "source not recorded")


def readable_date(value: str | None) -> str | None:
    """An ISO date, month, year or date-time as people write it ("3 June 2016, 06:42")."""
    if not value:
        return None
    day_part, _, time_part = value.replace(" ", "T", 1).partition("T")
    pieces = day_part.split("-")
    try:
        numbers = [int(piece) for piece in pieces]
        if len(numbers) == 3:
            date(*numbers)
    except (ValueError, TypeError):
        return value
    if len(numbers) == 1:
        shown = str(numbers[0])
    elif len(numbers) == 2 and 1 <= numbers[1] <= 12:
        shown = f"{MONTHS[numbers[1] - 1]} {numbers[0]}"
    elif len(numbers) == 3:
        shown = f"{numbers[2]} {MONTHS[numbers[1] - 1]} {numbers[0]}"
    else:
        return value
    return f"{shown}, {time_part[:5]}" if time_part[:5] else shown


def by_time(quotes: list[dict]) -> list[dict]:
    """Statements oldest first by when said (else published); undated ones last, in their given order."""

    def when(quote: dict) -> str | None:
        article = quote.get("article") or {}
        return quote.get("said_on") or article.get("published")

    dated = sorted((q for q in quotes if when(q)), key=lambda q: when(q)[:10])
    return dated + [q for q in quotes if not when(q)]


def stated_meaning(match: dict) -> str | None:
    """What the answer itself says one match's score means, if it says (a band, a calibrated reading)."""
    explanation = match.get("explanation") or {}
    for stated in (match.get("score_meaning"), match.get("meaning"), explanation.get("meaning")):
        if isinstance(stated, str) and stated:
            return stated
    return None


def scores_explained(match: dict, stated: str | None = None, *, brief: bool = False) -> str:
    """What the scores on a page mean: the API's own statement of it, else a plain reading; the scorer."""
    scorer = (match.get("explanation") or {}).get("scorer")
    said = (stated or "").strip()
    if brief:
        # The heading line keeps the statement's first clause; "Why this score" gives all of it.
        said = re.split(r"[:;.]\s", said + " ", maxsplit=1)[0]
    said = said.rstrip(".") or "0 to 100: how closely a statement matches the claim, higher is closer"
    if brief or not scorer:
        return f"Score: {said}."
    return f"Score: {said} (scorer: {scorer})."


def score_parts(match: dict) -> list[tuple[str, str]]:
    """The explanation's named figures as (name, value) for display, in the order the answer gives."""
    parts = (match.get("explanation") or {}).get("parts") or {}
    shown = []
    for name, value in parts.items():
        number = f"{value:.2f}" if isinstance(value, float) else str(value)
        shown.append((name.replace("_", " "), number))
    return shown
