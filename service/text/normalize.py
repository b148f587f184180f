"""The one text normaliser shared by the index and the claim: case, quote marks, brackets, numbers, stems.

`normalize(text)` gives a canonical string of words separated by single spaces:
NFKC + casefold, curly quotes and apostrophes folded, brackets and punctuation gone (the words
inside editorial brackets such as "[in Syria]" are kept), possessive "'s" dropped, and every way
news writing prints a quantity turned into one form: "40,000", "40 000", "40k", "forty thousand"
and "40 thousand" all become "40000"; ranges ("25-30 thousand", "25-30,000") become
"25000 to 30000"; "%" becomes "percent" and "$5bn" becomes "5000000000 dollars".

Numbers are written one way by `service.text.number_spelling`, from the grammar of quantities
(`service.text.quantity_grammar`) the quantity parser reads too. `fold`, `read_words`,
`drop_apostrophes`, `NUMBER_WORDS`, `NUMBER_LINK_WORDS` and `term_of` are the steps
`service.text.term_cache` reuses for its faster paths.

`content_terms(text)` are the stemmed content words (stop words and reporting verbs dropped) that
the index and the scorer compare; `term_spans(text)` gives the same terms with character offsets
into the *original* text so matches can be highlighted.
"""

from __future__ import annotations

import re
import unicodedata

import snowballstemmer

from service.text.number_spelling import (
    NUMBER_WORDS,
    digits_for_number_words,
    number_spans,
    one_form_for_numerals,
)

QUOTE_FOLD = str.maketrans(  # quote marks, dashes and spaces as ASCII writes them
    {
        "“": '"',
        "”": '"',
        "„": '"',
        "«": '"',
        "»": '"',
        "‘": "'",
        "’": "'",
        "‚": "'",
        "′": "'",
        "`": "'",
        "´": "'",
        "–": "-",
        "—": "-",
        "‑": "-",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
    }
)


def _words(spaced: str) -> list[str]:
    return spaced.split()


# Function words and reporting frames: a claim and a quote sharing them says nothing about content.
STOP_WORDS = frozenset(
    _words(
        """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just let me
    more most my myself no nor not of off on once only or other our ours ourselves out over own same
    she should so some such than that the their theirs them themselves then there these they this those
    through to too under until up very was we were what when where which while who whom why will with
    would you your yours yourself yourselves s t don dont now ve ll re d m o y ain isnt wasnt arent
    werent doesnt didnt wont cant couldnt shouldnt wouldnt hasnt havent hadnt im ive youre theyre weve
    theyve its us may might must shall per via said says say saying told tells according stated added
    noted reportedly claimed claims quoted adds asserted insisted"""
    )
)

_TOKEN = re.compile(r"\d+(?:\.\d+)*|[^\W\d_]+(?:'[^\W\d_]+)*")
_ASCII_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)*|\d+(?:\.\d+)*")  # the same on folded ASCII text, faster
_DIGIT = re.compile(r"\d")
_WORD_SPAN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


_URL = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
_HASHTAG = re.compile(r"#([A-Za-z][A-Za-z0-9]*)")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=[0-9])")


def has_links_or_hashtags(text: str) -> bool:
    """Whether `fold` rewrites links or hashtags in the text before folding it."""
    return "#" in text or "://" in text or "www." in text


def _social(text: str) -> str:
    """Links carry no claim; camel-case hashtags are words run together (#StopTheSteal)."""
    if "://" in text or "www." in text:
        text = _URL.sub(" ", text)
    if "#" in text:
        text = _HASHTAG.sub(lambda m: " " + _CAMEL.sub(" ", m[1]) + " ", text)
    return text


def fold(text: str) -> str:
    """NFKC case folding plus quote, dash and space folding; the first step of every comparison."""
    text = _social(text)
    if text.isascii():  # the common case: NFKC is a no-op, casefold() is lower(), "`" the only fold
        text = text.lower()
        return text.replace("`", "'") if "`" in text else text
    text = unicodedata.normalize("NFKC", text).casefold()
    return unicodedata.normalize("NFKC", text).translate(QUOTE_FOLD)


def drop_apostrophes(token: str) -> str:
    """A token without its possessive "'s" and inner apostrophes ("russia's" -> "russia")."""
    if "'" in token:
        token = token[:-2] if token.endswith("'s") else token
        token = token.replace("'", "")
    return token


def read_words(text: str) -> tuple[list[str], bool]:
    """One pass of number rewriting and tokenising; also says whether the text had any number."""
    token = _ASCII_TOKEN if text.isascii() else _TOKEN
    tokens = token.findall(text)
    numbers = False
    if not NUMBER_WORDS.isdisjoint(tokens):
        text, count = digits_for_number_words(text)
        numbers = count > 0
    if _DIGIT.search(text):
        text = one_form_for_numerals(text)
        numbers = True
    if numbers:
        tokens = token.findall(text)
    if "'" in text:
        tokens = [w for w in map(drop_apostrophes, tokens) if w]
    return tokens, numbers


def normalized_words(text: str) -> list[str]:
    """The words of `normalize(text)`, without joining and splitting them again."""
    words, numbers = read_words(fold(text))
    if not numbers:
        return words
    # A second pass settles numbers that only meet once punctuation between them is gone.
    return read_words(" ".join(words))[0]


def normalize(text: str) -> str:
    """The canonical form of a text: folded case and quotes, no brackets, one form per number."""
    return " ".join(normalized_words(text))


def term_of(word: str) -> str:
    """The index term of one normalised word: its stem, the number itself, or "" for a stop word."""
    term = _TERM_OF.get(word)
    return _new_term(word) if term is None else term


_STEMMER = snowballstemmer.stemmer("english")
_TERM_OF: dict[str, str] = {}  # normalised word -> term ("" for a stop word); the hot path of indexing
TERM_CACHE_LIMIT = 2_000_000


def _new_term(word: str) -> str:
    if word in STOP_WORDS:
        term = ""
    elif word[0].isdigit():
        term = word
    else:
        term = _STEMMER.stemWord(word)
    if len(_TERM_OF) >= TERM_CACHE_LIMIT:
        _TERM_OF.clear()  # unbounded vocabularies (ids, typos) must not grow memory forever
    _TERM_OF[word] = term
    return term


def stem(word: str) -> str:
    """The Porter2 stem of one normalised word; numbers stay as they are."""
    if word[0].isdigit():
        return word
    return _STEMMER.stemWord(word)


def content_terms(text: str) -> list[str]:
    """Stemmed content terms, in order, of raw text: what the index and the scorer compare."""
    get = _TERM_OF.get
    out = []
    for word in normalized_words(text):
        term = get(word)
        if term is None:
            term = _new_term(word)
        if term:
            out.append(term)
    return out


_SPAN_TERMS: dict[str, list[str]] = {}


def term_spans(text: str) -> list[tuple[str, int, int]]:
    """Content terms of the original text with their (start, end) character offsets in it."""
    folded = text.translate(QUOTE_FOLD).lower()
    if len(folded) != len(text):  # a few characters lower-case to two; keep offsets exact
        folded = "".join(c if len(c.lower()) != 1 else c.lower() for c in text.translate(QUOTE_FOLD))
    numbers = number_spans(folded, digits=bool(_DIGIT.search(text)))
    spans: list[tuple[str, int, int]] = []
    position = 0
    for number_start, number_end in [*numbers, (len(text), len(text))]:
        for m in _WORD_SPAN.finditer(folded, position, number_start):
            spans.extend((term, m.start(), m.end()) for term in _span_terms(text[m.start() : m.end()]))
        if number_start < number_end:
            terms = content_terms(text[number_start:number_end])
            start, end = number_start, number_end
            while start < end and not text[start].isalnum():
                start += 1  # a currency sign belongs to the number but not to the highlight
            while end > start and text[end - 1].isspace():
                end -= 1
            spans.extend((term, start, end) for term in terms)
        position = number_end
    return spans


def _span_terms(word: str) -> list[str]:
    terms = _SPAN_TERMS.get(word)
    if terms is None:
        if len(_SPAN_TERMS) >= TERM_CACHE_LIMIT:
            _SPAN_TERMS.clear()
        terms = _SPAN_TERMS[word] = content_terms(word)
    return terms
