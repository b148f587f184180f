"""A view stated by naming: 'Ruiz called the audit “laughable.”', 'described the levy as “a tax on work”'.

What the speaker said is the thing named and the quoted words that name it, together: the quote alone
("laughable.") says nothing about what was laughable. The relative form keeps its pronoun, which stands
for the thing named ('a levy, which Ruiz called “a tax on work,”').
"""

from __future__ import annotations

import re

from service.extraction.attribution.attribution import speaker_before
from service.extraction.attribution.reported_span import Reported, trim_clause
from service.extraction.cues import CUE_RE, wordset
from service.extraction.layout.spans import QuoteSpan, mark_len

# Verbs that name their object ("called X “Y”") and verbs that take it "as" something ("described X as “Y”").
_CALLING = "called|calls|call|labeled|labelled|labels|branded|brands|termed|terms"
_DESCRIBING = "described|describes|describe|characterized|characterised|characterizes|characterises|portrayed"
_AUXILIARIES = r"(?:(?:has|have|had|also|repeatedly|previously|once|publicly|then|later|even|would)\s+)*"
# The naming verb and its object, running up to a quote's opening mark (no quote or clause break inside).
_NAMING_RE = re.compile(
    rf"\b(?P<cue>{_AUXILIARIES}(?P<verb>{_CALLING}|{_DESCRIBING}))\s+(?P<object>[^\"\u201c\u201d;:.!?]{{0,160}}?)\s*$"
)
_DESCRIBING_VERBS = frozenset(_DESCRIBING.split("|"))
# A describing verb's object ends in "as", maybe with a determiner or an adverb before the quote.
_AS_END_RE = re.compile(
    r"(?:^|\s)as(?:\s+(?:largely|simply|merely|just|only|both|being|nothing\s+short\s+of|a|an|the|his|her|"
    r"their|its|one|another|more|less|most|very|so|too))*$"
)
# A call's object is a noun phrase: no preposition first ("called for", "called on Tuesday"), no verb inside.
_NOT_OBJECT_START = wordset(
    "for on upon out off in up back at to by with into from during after before it's as about over"
)
_VERB_INSIDE_RE = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|would|will|could|can|should|did|does|do|that|to|and\s+\w+ed)\b"
)
_PASSIVE_BEFORE_RE = re.compile(r"\b(?:is|are|was|were|be|been|being|get|got|gets)\s+$")
_NEGATED_BEFORE_RE = re.compile(r"\b(?:not|n't|never|no\s+longer|refused\s+to|declined\s+to)\s+$")
# The pronoun of a relative clause whose gap is the thing named: "which Ruiz called", "what critics call".
_RELATIVE_BEFORE_RE = re.compile(r"\b(?:which|what|whom|that)\s+$")
_RELATIVE_OBJECT_RE = re.compile(r"^(?:as)?(?:\s*(?:a|an|the))?$")
_MAX_OBJECT_WORDS = 20
_PRONOUNS = wordset("him her it them me us you himself herself itself themselves")
_SELF_SUFFICIENT = 3  # quoted words that make a statement without the pronoun they name
# After the closing mark the clause may go on ('“free riders” who rely on ...'), unless a conjunction or a
# new clause begins; "and “thugs”" goes on with a second quote.
_STOPS_AFTER = wordset(
    "and but or nor while as after before when because since though although even then so yet adding "
    "saying calling noting"
)
_ANOTHER_QUOTE_RE = re.compile(r"\s+(?:and|or)\s+(?=[\"\u201c])")
_TITLE_SMALL_WORDS = wordset("of the and a an in to for on at by with from or as is vs")


def naming(text: str, start: int, end: int, quote: QuoteSpan, quotes: list[QuoteSpan]) -> Reported | None:
    """The view a quote states as the name a speaker gives something in the sentence [start, end), if so."""
    if not start < quote.open_mark < end or quote.close_mark is None or quote.close_mark >= end:
        return None
    match = _NAMING_RE.search(text, start, quote.open_mark)
    if match is None or _title_like(text[quote.start : quote.end]):
        return None  # 'calls the platform “Harbour First”': a name, not a view
    before = text[start : match.start()]
    if _PASSIVE_BEFORE_RE.search(before) or _NEGATED_BEFORE_RE.search(before):
        return None  # "has been called “...”", "never called it “...”": nobody on record, or nothing said
    obj = match.group("object")
    mention = speaker_before(text, start, match.start())
    if mention is None:
        return None
    relative = _RELATIVE_BEFORE_RE.search(text, start, mention.start)
    if relative and _RELATIVE_OBJECT_RE.match(obj.strip()):
        opens = relative.start()  # "a levy, which Ruiz called “a tax on work”": the pronoun is the levy
    elif _object_named(match.group("verb"), obj):
        if (
            obj.strip().lower() in _PRONOUNS
            and len(text[quote.start : quote.end].split()) >= _SELF_SUFFICIENT
        ):
            return None  # 'called him “the best receiver I have thrown to”': the quote says it all, direct
        opens = match.start("object")
    else:
        return None
    close = _close(text, end, quote, quotes)
    c_start, c_end = trim_clause(text, opens, close, keep_stop=True)
    c_end = max(c_end, quote.close_mark + mark_len(text, quote.close_mark))  # the quote keeps its marks
    return Reported(c_start, c_end, mention, match.group("verb"), text[start:opens])


def _object_named(verb: str, obj: str) -> bool:
    """Whether the words between a naming verb and the quote are the thing it names."""
    words = obj.split()
    if not words or len(words) > _MAX_OBJECT_WORDS or words[0].lower() in _NOT_OBJECT_START:
        return False
    if CUE_RE.search(obj) or _VERB_INSIDE_RE.search(obj):
        return False  # "called the meeting to order and said it was": a clause, not an object
    if verb.lower() in _DESCRIBING_VERBS:
        return bool(_AS_END_RE.search(obj)) and len(words) > 1
    return True


def _close(text: str, end: int, quote: QuoteSpan, quotes: list[QuoteSpan]) -> int:
    """Where the naming clause ends: the closing mark, or past the words that go on after it."""
    close = quote.close_mark + mark_len(text, quote.close_mark)
    if text[quote.start : quote.end].rstrip()[-1:] in (",", ".", "!", "?", ";"):
        return close  # the quote closed the clause: 'called it “a disgrace,” and ...'
    more = _ANOTHER_QUOTE_RE.match(text, close, end)
    if more:
        nxt = [
            q for q in quotes if q.open_mark == more.end() and q.close_mark is not None and q.close_mark < end
        ]
        if nxt:
            return _close(text, end, nxt[0], quotes)
    rest = text[close:end]
    first = rest.split(None, 1)[0] if rest.strip() else ""
    if not rest[:1].isspace() or not first[:1].islower() or first.strip(",") in _STOPS_AFTER:
        return close
    stop = re.search(r"[,;:]\s|[.!?](?:\s|$)|\s[\u2014\u2013]\s|\s--?\s", rest)
    return close + (stop.start() if stop else len(rest))


def _title_like(content: str) -> bool:
    words = content.split()
    return (
        bool(words)
        and all(w[:1].isupper() or w.lower() in _TITLE_SMALL_WORDS or not w[:1].isalpha() for w in words)
        and len(words) > 1
    )
