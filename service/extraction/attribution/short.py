"""Short quotes that are statements: a quoted sentence that ends where its cue's sentence ends, or the
quoted complement of a verb of judging ("She called the audit “laughable.”")."""

from __future__ import annotations

import re

from service.extraction.attribution.attribution import speaker_before
from service.extraction.attribution.quote_pattern import Attribution
from service.extraction.layout.spans import QUOTE_MARK_RE, QuoteSpan

# Verbs whose short quoted complement is the subject's own judgement ("called the audit “laughable.”");
# naming verbs ("dubbed the “density mandate”", "a plan it calls “Forward”") quote a name, not a view.
_JUDGING_RE = re.compile(r"\b(?P<verb>called|calls|call|described|describes|deemed|pronounced)\b")
_OBJECT_WORDS = 8  # "called Clinton's handling of the matter “reckless”": the object between verb and quote
# Verbs (and nouns) of saying something aloud or in writing whose object is the words themselves: a short
# quote right after one is an utterance ("protesters chanted “What curfew?”", "chants of “Lock her up!”"),
# however short or capitalised. Naming verbs ("titled", "dubbed", "called") quote a name instead.
_UTTERED_RE = re.compile(
    r"\b(?P<verb>chanted|chanting|chant|shouted|shouting|shout|yelled|yelling|yell|screamed|screaming|"
    r"scream|cried|crying|cry|exclaimed|exclaiming|declared|declaring|said|saying|say|says|sang|singing|"
    r"sing|interjected|interjecting|typed|wrote|(?:chants|chant|cries|shouts)\s+of)\s*[,:]?\s*\Z"
)


def ends_sentence(text: str, last: QuoteSpan, sentence_end: int) -> bool:
    """Whether nothing but punctuation follows the closing mark in its sentence (“..., she said, “Never.”)."""
    if last.close_mark is None:
        return False
    return not text[last.close_mark : sentence_end].strip(" \t\n.,;:!?\u201d\u2019\"')")


def uttered(text: str, first: QuoteSpan, sentence_start: int) -> re.Match | None:
    """ "The crowd chanted “Four more years!”": the verb of saying aloud that the quote follows directly."""
    return _UTTERED_RE.search(text[sentence_start : first.open_mark])


def judged(text: str, first: QuoteSpan, sentence_start: int) -> Attribution | None:
    """ "She called the audit “laughable.”": a short quote as the complement of a verb of characterising."""
    verbs = list(_JUDGING_RE.finditer(text, sentence_start, first.open_mark))
    if not verbs or text[verbs[-1].start() - 1 : verbs[-1].start()] == "-":  # "so-called" is no one's words
        return None
    verb = verbs[-1]
    between = text[verb.end() : first.open_mark]
    if len(between.split()) > _OBJECT_WORDS or QUOTE_MARK_RE.search(between):
        return None
    subject = speaker_before(text, sentence_start, verb.start())
    if subject is None:
        return None
    return Attribution(subject, verb.group("verb"), text[sentence_start : first.open_mark])
