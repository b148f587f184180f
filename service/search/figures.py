"""Do two figures say the same? Each quantity read as an interval, judged the same way on both sides.

The rule (symmetric: a claim's figure against a statement's gives the verdict the statement's figure
would get against the claim's):

1. Each quantity stands for what its speaker plausibly meant, as an interval:
   - a plain figure, within EXACT_TOLERANCE (3%) either way ("40,000" -> 38,800-41,200);
   - an approximation ("about", "some", "roughly", "two dozen"), within APPROX_TOLERANCE (10%);
   - a range, its two ends widened by the same tolerance ("25-30,000" -> 24,250-30,900);
   - a bound reaches BOUND_REACH (10%, as far as an approximation) past its figure on the side it
     points to, and the figure's rounding noise on the other: "more than X", "in excess of X",
     "X-plus" from X to 1.1 X ("more than 40,000" -> 38,800-44,000); "up to X", "fewer than X",
     "nearly X", "almost X" from 0.9 X to X ("nearly 40,000" -> 36,000-41,200). A speaker who knew
     a figure further past X would have named it or a nearer bound, so a claim that turns "in excess
     of 40,000" into "45,000" (or "over 35,000") puts a figure in the speaker's mouth;
   - a vague amount by its literal span ("hundreds" 200-999, "tens of thousands" 20,000-99,999).
2. Two quantities agree (`consistent`) when their intervals overlap over at least MIN_OVERLAP of
   the narrower one; otherwise they conflict (`conflicting`).

So "up to 100,000" conflicts with "up to 30,000" (90,000-103,000 against 27,000-30,900), "5,000"
and "45,000" conflict with "more than 3,200" and "in excess of 40,000" (4,850-5,150 against
3,104-3,520; 43,650-46,350 against 38,800-44,000), "42,000" and "40,000" agree with "more than
40,000", and "roughly two hundred" with "about 200", whichever side says which.

Pairing (`pair_quantities`): a claim figure is compared with the statement figure of the same unit
(count, percent, currency) that counts the same thing (same noun, same kind, people in general),
then the one said in the same words ("settled in 30 Afghan provinces" pairs with "settled in 25
Afghan provinces", not with the "34" of "out of 34" after it), then the nearest in value; a claim
figure with no partner is judged `unknown`.
"""

from __future__ import annotations

import math
import re

from service.text.numbers import Quantity

EXACT_TOLERANCE = 0.03  # rounding noise around a figure stated without a qualifier
APPROX_TOLERANCE = 0.10  # "about", "some", "around", "an estimated"
BOUND_REACH = 0.10  # how far past its figure a bound reaches: "more than X" X, "up to X" 0.9 X-X
MIN_OVERLAP = 0.25  # share of the narrower interval the two must have in common
# Pairing score: noun affinity (0-3) minus this times |log(value ratio)|; at 1.5 an equal figure with no
# noun beats a same-kind noun four times away ("300 were injured" vs "1,200 civilians died").
PAIR_DISTANCE_WEIGHT = 1.5
# Words either side of a figure that show where it was said; each word the two contexts share adds
# CONTEXT_WEIGHT, up to CONTEXT_CAP words: enough to outweigh a nearer value, never a noun affinity.
CONTEXT_WORDS = 3
CONTEXT_WEIGHT = 0.25
CONTEXT_CAP = 4
UNKNOWN_NOUN_SPREAD = 3.0  # "30,000 members" may be "40,000 extremists"; "100 members" is not

_CLASSES = {
    "fighter": "fighter militant extremist mercenary jihadist terrorist combatant insurgent rebel gunman "
    "recruit",
    "soldier": "soldier troop serviceman servicemember marine",
    "person": "person people civilian resident citizen national individual inhabitant foreigner refugee "
    "migrant man woman child men women children adult voter worker member supporter follower protester "
    "demonstrator student employee patient prisoner detainee hostage pilgrim tourist visitor",
    "death": "death dead fatality casualty killed victim life",
    "country": "country nation state",
}
_CLASS_OF = {word: name for name, words in _CLASSES.items() for word in words.split()}
_HUMAN = {"fighter", "soldier", "person", "death"}


def interval(q: Quantity) -> tuple[float, float]:
    """What the quantity's speaker plausibly meant, as (low, high); see the module docstring."""
    tol = APPROX_TOLERANCE if q.approximate and q.kind != "vague" else EXACT_TOLERANCE
    if q.kind == "lower_bound":
        return q.value * (1 - EXACT_TOLERANCE), q.value * (1 + BOUND_REACH)
    if q.kind == "upper_bound":
        return q.value * (1 - BOUND_REACH), q.value * (1 + EXACT_TOLERANCE)
    if q.kind == "vague":
        return q.low or 0.0, q.high if q.high is not None else q.value
    low = q.low if q.low is not None else q.value
    high = q.high if q.high is not None else q.value
    return low * (1 - tol), high * (1 + tol)


def judge_numbers(a: Quantity, b: Quantity) -> str:
    """consistent when the two plausible intervals share MIN_OVERLAP of the narrower one, else conflicting."""
    a_low, a_high = interval(a)
    b_low, b_high = interval(b)
    low, high = max(a_low, b_low), min(a_high, b_high)
    if high < low:
        return "conflicting"
    narrower = min(a_high - a_low, b_high - b_low)
    if narrower <= 0:
        return "consistent"
    return "consistent" if (high - low) / narrower >= MIN_OVERLAP else "conflicting"


def describe(q: Quantity) -> str:
    """The quantity as the text says it, with what it counts."""
    return f"{q.text} {q.counts}" if q.counts else q.text


def explain(a: Quantity, b: Quantity, verdict: str) -> str:
    """A readable reason for a verdict on claim figure `a` against statement figure `b`."""
    (a_low, a_high), (b_low, b_high) = interval(a), interval(b)
    says = "agrees with" if verdict == "consistent" else "does not match"
    return (
        f"claim's {describe(a)} ({_span(a_low, a_high)}) {says} the statement's {describe(b)}"
        f" ({_span(b_low, b_high)})"
    )


def _span(low: float, high: float) -> str:
    return f"{_figure(low)}-{_figure(high)}"


def _figure(x: float) -> str:
    return f"{x:,.0f}" if x >= 100 else f"{x:.3g}"


def _noun_key(word: str | None) -> str | None:
    if not word:
        return None
    for suffix, repl in (("ies", "y"), ("ches", "ch"), ("shes", "sh"), ("sses", "ss"), ("s", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2 and not word.endswith(("ss", "us", "is")):
            word = word[: -len(suffix)] + repl
            break
    return word


def _noun_affinity(a: str | None, b: str | None) -> float | None:
    """3 same noun, 2 same kind, 1 people in general, 0.5 one side unsaid, 0 unknown noun, None different."""
    a, b = _noun_key(a), _noun_key(b)
    if a is None or b is None:
        return 0.5
    if a == b:
        return 3.0
    class_a, class_b = _CLASS_OF.get(a, _demonym_class(a)), _CLASS_OF.get(b, _demonym_class(b))
    if class_a and class_a == class_b:
        return 2.0
    if "person" in (class_a, class_b) and class_a in _HUMAN and class_b in _HUMAN:
        return 1.0  # "people" and "foreigners" may be fighters; fighters are not troops
    if class_a and class_b:
        return None  # countries are not fighters
    return 0.0  # a noun outside the vocabulary: pair only figures of the same order (see UNKNOWN_NOUN_SPREAD)


def _demonym_class(noun: str) -> str | None:
    """Plural demonyms ("Russians", "Afghans", "Iraqis") count people."""
    return "person" if noun.endswith(("ian", "ean", "an", "i", "ese")) and len(noun) > 4 else None


_WORD = re.compile(r"[^\W\d_]{2,}")


def _context(text: str, q: Quantity) -> frozenset[str]:
    """The words just before and just after a figure, lower-cased."""
    before = _WORD.findall(text[: q.start])[-CONTEXT_WORDS:]
    after = _WORD.findall(text[q.end :])[:CONTEXT_WORDS]
    return frozenset(word.lower() for word in before + after)


def pair_quantities(
    claim_qs: list[Quantity],
    quote_qs: list[Quantity],
    claim_text: str | None = None,
    quote_text: str | None = None,
) -> list[tuple[Quantity, Quantity | None]]:
    """Pair each claim quantity with at most one quote quantity: same unit, what it counts, same words
    around it (when both texts are given), nearest value."""
    with_context = claim_text is not None and quote_text is not None
    no_words: frozenset[str] = frozenset()
    quote_contexts = [_context(quote_text, q) if with_context else no_words for q in quote_qs]
    scored = []
    for i, c in enumerate(claim_qs):
        claim_context = _context(claim_text, c) if with_context else no_words
        for j, q in enumerate(quote_qs):
            affinity = _noun_affinity(c.counts, q.counts)
            if c.unit != q.unit or affinity is None:
                continue
            distance = abs(math.log(max(c.value, 1e-9) / max(q.value, 1e-9)))
            if affinity == 0.0 and distance > math.log(UNKNOWN_NOUN_SPREAD):
                continue
            shared = len(claim_context & quote_contexts[j])
            context = CONTEXT_WEIGHT * min(shared, CONTEXT_CAP)
            scored.append((affinity + context - PAIR_DISTANCE_WEIGHT * distance, i, j))
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for _score, i, j in sorted(scored, reverse=True):
        if i not in pairs and j not in used:
            pairs[i] = j
            used.add(j)
    return [(c, quote_qs[pairs[i]] if i in pairs else None) for i, c in enumerate(claim_qs)]
