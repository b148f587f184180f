"""Transcripts and printed interviews: "FINCH: We have ..." and "A: ..." are the speaker's own words."""

from __future__ import annotations

import re
from dataclasses import dataclass

from service.extraction.cues import wordset
from service.extraction.layout.spans import Para
from service.extraction.speakers.mention_words import Mention
from service.extraction.speakers.names import (
    CALENDAR,
    NAME_RUN_RE,
    PLACE_NOUNS,
    SENTENCE_STARTERS,
    occurrences,
)

# A speaker label in capitals opening a paragraph, an optional "(R-Kan.)" or "#1", an optional role after a
# comma ("STEVE INSKEEP, HOST"), then a colon and the turn.
_TURN_RE = re.compile(
    r"(?P<label>[A-Z][A-Z.'\u2019-]+(?:[ \t]+[A-Z][A-Z.'\u2019-]*){0,4})"
    r"(?:[ \t]*(?:\([^)\n]{1,30}\)|#\d{1,2}))?"
    r"(?:,[ \t]*(?P<role>[A-Z][A-Za-z .,'&/-]{1,60}?))?"
    r":(?:[ \t]+(?=\S)|[ \t]*(?:$|(?=\r?\n)))"
)
# People who tell the story rather than make statements in it.
_NARRATOR_ROLES = re.compile(r"\b(?:HOST|CO-HOST|BYLINE|ANCHOR|CORRESPONDENT|REPORTER|MODERATOR|NARRATOR)\b")
# Labels that open notes and sections, never a speaker's turn ("UPDATE: ...", "EDITOR'S NOTE: ...").
_NOT_SPEAKERS = wordset(
    "UPDATE UPDATED BREAKING CORRECTION CLARIFICATION NOTE EDITOR'S EDITOR\u2019S WATCH READ RELATED LISTEN "
    "VIDEO PHOTOS PHOTO CAPTION SOURCE SOURCES WARNING ALERT DEVELOPING EXCLUSIVE OPINION ANALYSIS Q A "
    "TRANSCRIPT DISCLAIMER CREDIT TAGS TOPICS NOTES UP NEXT KEY STAT STATS MOMENT TAKEAWAY TAKEAWAYS "
    "INJURIES INJURY REPORT LINEUP SCORING SUMMARY STREAK QUOTABLE THE WHAT WHAT'S WHY HOW WHO "
    "WHEN WHERE IT TO OF IS ARE AND FOR IN ON BOTTOM LINE BIG PICTURE CONTEXT BACKGROUND "
    "DETAILS FACT CHECK TIMELINE UPDATES MORE LATEST STORY STORIES ABOUT CONTACT FOLLOW "
    "SUBSCRIBE SIGN ADVERTISEMENT SPONSORED"
)
_TITLES = wordset("SEN. REP. GOV. DR. MR. MRS. MS. GEN. LT. COL. SGT. PRES. SEN REP GOV DR MR MRS MS")
_LINE_START_RE = re.compile(r"^[ \t]*", re.M)
_UNIDENTIFIED = re.compile(r"\bUNIDENTIFIED\b")
_QA_RE = re.compile(r"(?P<mark>[QA])[:.][ \t]+(?=\S)")
_MIN_TURNS = 3  # a transcript has several turns; one "LABEL: text" line is a note or a heading


@dataclass(frozen=True)
class Turn:
    """One speaker's turn: the words after the label, their paragraph and who speaks them."""

    start: int
    end: int
    para: int
    mention: Mention


def _title_case(label: str) -> str:
    return " ".join(w.capitalize() if len(w) > 1 else w for w in label.split())


def _labelled(text: str, paras: list[Para]) -> list[tuple[int, re.Match]]:
    out = []
    for index, para in enumerate(paras):
        if not text[para.start].isupper() or text.find(":", para.start, min(para.end, para.start + 90)) < 0:
            continue  # a label is capitalised and its colon comes early: most paragraphs are ruled out here
        match = _TURN_RE.match(text, para.start, para.end)
        if match is None or any(w in _NOT_SPEAKERS for w in match.group("label").split()):
            continue
        if not any(len(w.strip(".'\u2019-")) > 1 for w in match.group("label").split()):
            continue
        out.append((index, match))
    return out


def read_transcript(text: str, paras: list[Para]) -> tuple[list[Para], list[Turn]]:
    """Paragraphs with speaker labels cut off (so no label reads as a subject) and the interviewees' turns."""
    labelled = _labelled(text, paras)
    if len(labelled) < _MIN_TURNS or len({m.group("label") for _, m in labelled}) < 2:
        return _question_and_answer(text, paras)
    label_at = dict(labelled)
    unlabelled: list[Para] = []
    spoken: list[tuple[int, re.Match]] = []  # (index in unlabelled, label) of every turn's words
    pending = None  # a label printed alone on its line ("STEVE INSKEEP, HOST:") speaks the next paragraph
    for index, para in enumerate(paras):
        match = label_at.get(index)
        if match is not None and not text[match.end() : para.end].strip():
            pending = match
            continue
        if match is not None:
            para = Para(match.end(), para.end)
        elif pending is not None:
            match = pending
        pending = None
        if match is not None:
            spoken.append((len(unlabelled), match))
        unlabelled.append(para)
    return unlabelled, _turns(text, unlabelled, spoken)


def _narrators(text: str) -> set[str]:
    """Labels (full and surname) of hosts and reporters, from any line ("KELSO, HOST:" may stand alone)."""
    found: set[str] = set()
    for line in _LINE_START_RE.finditer(text):
        match = _TURN_RE.match(text, line.end())
        if match and match.group("role") and _NARRATOR_ROLES.search(match.group("role").upper()):
            words = [w for w in match.group("label").split() if w not in _TITLES]
            found.update({" ".join(words), words[-1]} if words else ())
    return found


def _turns(text: str, paras: list[Para], spoken: list[tuple[int, re.Match]]) -> list[Turn]:
    """The turns of the people interviewed; hosts' and reporters' turns are narration."""
    full: dict[str, str] = {}  # surname label -> the full name printed in an earlier label
    narrators = _narrators(text)
    turns = []
    for index, match in spoken:
        words = [w for w in match.group("label").split() if w not in _TITLES]
        if not words:
            continue
        label = " ".join(words)
        role = match.group("role")
        if label in narrators or (role and _NARRATOR_ROLES.search(role.upper())):
            continue
        if len(words) > 1:
            full.setdefault(words[-1], label)
        name = _title_case(full.get(label, label))
        anonymous = bool(_UNIDENTIFIED.search(label))
        kind = "description" if anonymous else "name"
        mention = Mention(match.group(0).rstrip(": \t\n"), match.start(), kind, name, role, anonymous)
        start, end = paras[index].start, paras[index].end
        while end > start and text[end - 1].isspace():
            end -= 1
        turns.append(Turn(start, end, index, mention))
    return turns


def _question_and_answer(text: str, paras: list[Para]) -> tuple[list[Para], list[Turn]]:
    """A printed interview ("Q: ...", "A: ..."): the answers are the words of the person it introduces."""
    marks = [_QA_RE.match(text, p.start, p.end) if text[p.start] in "QA" else None for p in paras]
    answers = [i for i, m in enumerate(marks) if m and m["mark"] == "A"]
    questions = [i for i, m in enumerate(marks) if m and m["mark"] == "Q"]
    if len(answers) < 2 or len(questions) < 2:
        return paras, []
    unlabelled = [Para(m.end(), p.end) if m else p for p, m in zip(paras, marks, strict=True)]
    name = _interviewee(text, text[: paras[questions[0]].start])
    if name is None:
        return unlabelled, []
    turns = []
    for i in answers:
        start, end = unlabelled[i].start, unlabelled[i].end
        while end > start and text[end - 1].isspace():
            end -= 1
        turns.append(Turn(start, end, i, Mention(name, marks[i].start(), "name", name)))
    return unlabelled, turns


def _interviewee(text: str, intro: str) -> str | None:
    """The person the introduction names whose surname the whole interview repeats most (twice at least)."""
    best, best_count = None, 1
    for run in NAME_RUN_RE.finditer(intro):
        words = run.group(0).split()
        if words[0] in SENTENCE_STARTERS or words[-1] in PLACE_NOUNS or words[-1] in CALENDAR:
            continue
        count = sum(1 for _ in occurrences(text, words[-1]))
        if count > best_count:
            best, best_count = run.group(0), count
    return best
