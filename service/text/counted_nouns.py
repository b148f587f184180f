"""What a quantity counts: the head noun after it ("3,200 Russian citizens" counts "citizens")."""

from __future__ import annotations

import re

from service.text.quantity_grammar import SCALES, WORD_VALUES, word_list

_NOUN_STOP = set(
    word_list(
        "a an the and or but of in on at to for from with by as than that which who whom whose is are was "
        "were be been being have has had will would could should can may might must do does did not no this "
        "these those it its their his her our your said says say told according including since after before "
        "during per out into over under about around between among against across there here while when "
        "where because so if also only still now then year years old them us whom what all each both"
    )
)


_PARTICIPLE_NOUNS = frozenset(word_list("killed wounded injured displaced detained arrested missing dead"))
_PLURALS = set(word_list("people men women children police personnel staff troops cattle"))


def counted_noun(text: str, end: int, vague: bool) -> str | None:
    """The head noun after a quantity: the last word of the run of content words that follows it."""
    words = re.finditer(r"[A-Za-z][\w'’-]*|[^\w\s]", text[end : end + 80])
    head = None
    for i, m in enumerate(words):
        word = m.group().lower()
        if i == 0 and word == "of" and vague:  # "thousands of militants", not "25 of the 34 provinces"
            continue
        if not word[0].isalpha() or word in _NOUN_STOP or word in SCALES or word in WORD_VALUES:
            break
        head = word
        if i >= 4 or word in _PLURALS or (word.endswith("s") and not word.endswith(("ss", "us", "is"))):
            break  # the head of a counted phrase is its first plural: "3,200 Russian citizens have left"
    if head and head.endswith(("ed", "ing")) and head not in _PARTICIPLE_NOUNS:
        return None  # "thousands protested": a verb, not what is counted
    return head.removesuffix("'s").removesuffix("’s") if head else None
