"""Page furniture: the words and shapes of scraped-page chrome that is never article prose."""

from __future__ import annotations

import re

from service.text.calendar import MONTH_RE, WEEKDAY_RE

SENTENCE_END = re.compile(r"""[.!?…]["'”’)\]]*$""")

_SOCIAL = r"(?:facebook|twitter|whatsapp|linkedin|reddit|telegram|pinterest|tumblr|pocket|vk|print|email|x)"

# Page furniture recognisable at any length: dumps, disclaimers, copyright, republication notes.
_CHROME_ANY_PATTERNS = [
    r"string\(\d+\)\s*\".*",  # PHP var_dump of a related-items list
    r"[\[{]\s*[\[{\"].*[\]}]",  # raw JSON arrays or objects
    r"(?:copyright|\(c\))\s*(?:©|\(c\)|(?:19|20)\d\d).*|©.*",
    (r".{0,120}\ball rights reserved\b.*", ("all rights reserved",)),
    r"disclaimer\s*:.*",
    # Notes from the desk about the article itself, never a statement in it.
    r"(?:editor['\u2019]?s|editors['\u2019]|publisher['\u2019]s) notes?\s*[:.\u2014\u2013-].*",
    r"(?:correction|clarification|update)s?\s*(?:\(\w[^)]{0,30}\))?\s*:\s*(?:an|a|the|this)\s.*",
    (
        r".*\b(?:contains copyrighted material|provisions of [\"“]?fair use|fair use[\"”]? (?:of|in an)).*",
        ("fair use", "copyrighted"),
    ),
    # Reader asks that no story sentence makes: "Follow us on Instagram", "repost and share widely".
    (
        r".*\b(?:follow us on|subscribe to our (?:telegram|youtube|newsletter|channel)|share widely"
        r"|click the share button|activating the [\"“]?translate)\b.*",
        ("follow us on", "subscribe to our", "share widely", "click the share button", "translate"),
    ),
    r"the original source of this (?:article|post|story) is\b.*",
    r"this (?:article|post|story) (?:was )?(?:originally |first )?(?:appeared|published|ran)\b.*",
]
# Short furniture: only a short block can be a label, a link or an ask; prose may start the same way.
_CHROME_SHORT_PATTERNS = [
    r"(?:read|see|watch|listen)\s+(?:more|also)\b.*",
    r"(?:related|more|also read|recommended|trending|most read|popular)(?:\s+\w+){0,3}\s*:.*",
    r"(?:you may also like|more from|more on this|latest news|top stories"
    r"|related (?:posts|articles|stories))\b.*",
    r"\d{1,2}:\d{0,2}(?::\d\d)?",  # media player clock remnants, sometimes cut short
    r"(?:podcasts?|video|videos|audio|play|pause|mute|loading\s*(?:\.*|…)|discussion|advertisement|ads?"
    r"|sponsored|related"
    r"|share|tweet|print|email|e-mail|comments?|menu|search|close|next|previous|home|subscribe)",
    r"(?:post|leave|add|write|view|show|load)\s+(?:a\s+|your\s+|\d+\s+)?comments?\b.*",
    r"comment on\b.*\b(?:page|site|article|story|post|facebook|twitter)s?\b.*",
    r"comments? (?:via|with|using|through)\b.{0,40}",
    r"\d+\s+(?:comments?|responses?|replies)(?:\s*:)?|(?:no|one) (?:comments?|responses?)(?: yet)?\s*:?",
    r"(?:continue|keep) reading\b.{0,40}|loading\s+\d*\s*comments?\W*|(?:https?://|www\.)\S+",
    (r".{0,60}\b(?:on our|follow us on|like us on|join us on|find us on)\b.{0,40}", ("on our", "us on")),
    r"(?:follow|like|join) us\b.*",
    r"(?:become a (?:member|patron|subscriber)|support (?:us|our (?:work|journalism))"
    r"|donate|sign up|subscribe)\b.*",
    r"(?:to\s+)?(?:sign up|subscribe|register|get|receive|join)\b.{0,60}\bnewsletters?\b.*|newsletters?",
    r"previous (?:post|article|story)\b.*|next (?:post|article|story)\b.*",
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+",  # an email address alone
    r"(?:for media inquiries|contact us|contact)\s*:.*",
    r"(?:region|in-depth report|articles? by|author|authors|topics?|tags?|filed under|category"
    r"|categories|section|source|photo|image|credit|theme)s?\s*:.*",
    r"(?:photo|image|picture|file photo)\s*(?:credit)?\s*[:/©].*",
    (r"(?:click|tap) (?:here|to)\b.*|.{0,120}\b(?:click|tap) here\W*", ("click", "tap")),
    r"(?:(?:last )?updated|published|posted)?\s*:?\s*(?:\d+|an?) (?:minutes?|hours?|days?|mins?) ago",
    r"(?:reading time\s*:?\s*)?\d+\s*min(?:ute)?s?(?: read)?|reading time\s*:.*",
    r"\(?(?:photo|image|picture|video)s? (?:by|courtesy of|credit|copyright|caption)\b.*",
    (r".{0,40}\badvertisement\b.{0,20}", ("advertisement",)),
    r"(?:log ?in|sign ?in|sign ?up|register|login|logout|log out|my account)",
    r"(?:print|email|e-mail|save|bookmark|share)(?: this)? (?:article|story|page|post)",
    r"follow @\w+.*",
    r"skip to (?:main )?(?:content|navigation)\b.*",
    (r"[^.!?]{0,80}(?:\s[»›>]\s[^.!?]{0,60})+", ("»", "›", ">")),  # breadcrumbs: "Home » World » Middle East"
    r"(?:posted|written|published|edited) by\b.{0,60}",
    r"(?:(?:additional )?reporting|writing|editing|compiled|produced)(?: and \w+)? by\b.*",
    r"reporting from\s+[^.!?]{2,60}",  # the correspondent's location under a byline ("Reporting from Kyiv")
    (r".{0,80}\bcontributed (?:to )?(?:this|the) (?:report|story|article)\W*", ("contributed",)),
    r"read\s*:.*|watch\s*:.*|listen\s*:.*",
    r"your email address will not be published\b.*",
    rf"{_SOCIAL}(?:[\s,|]+{_SOCIAL})*",
    r"like this\s*:?|like loading\.*|cancel reply|leave a reply\b.*",
    r"most (?:read|viewed|popular|shared|watched)\b.*",
    r"share (?:or comment on )?(?:this|the) (?:article|story)\b.*",
    r"share what you think\b.*|share your (?:views|thoughts)\b.*",
    r"comments?\s*\(?\d+\)?|topics|tags|newest|oldest|best rated|most recent|sort by\b.*",
    rf"share(?: this(?: article| story| page)?)?(?:\s*:.*)?|share (?:on|via) {_SOCIAL}\b.*",
    # Photo captions that end in a credit: "... in Aleppo. © Sputnik / Name", "... REUTERS/Omar Sanadiki"
    (r".{0,200}(?:©|\(c\)|\b(?:photo|image|credit|picture)\s*:)\s*[^.!?\"“”]{1,60}", ("©", "(c)", ":")),
    (
        r".{0,200}\b(?:REUTERS|AFP|AP|EPA|Getty Images|AFP Photo|ANADOLU|SPUTNIK|TASS)"
        r"\s*/\s*[^.!?\"“”/]{2,40}",
        ("/",),
    ),
]


class _Vocabulary:
    """Patterns matched against a whole block: one alternation for those anchored at the start, and
    the ones that may start anywhere (".{0,120}\\ball rights reserved") tried only when the block
    holds one of their keywords, since scanning every paragraph for them dominated split_blocks."""

    def __init__(self, patterns: list[str | tuple[str, tuple[str, ...]]]) -> None:
        anchored = [p for p in patterns if isinstance(p, str)]
        self.anchored = re.compile("|".join(f"(?:{p})" for p in anchored), re.I | re.S)
        guarded = [p for p in patterns if not isinstance(p, str)]
        self.guarded = [(re.compile(p, re.I | re.S), self._any_of(words)) for p, words in guarded]
        self.keywords = self._any_of([w for _, words in guarded for w in words])

    @staticmethod
    def _any_of(words) -> re.Pattern[str]:
        return re.compile("|".join(map(re.escape, words)))

    def fullmatch(self, plain: str, lower: str) -> bool:
        """Whether one pattern matches the whole of plain (lower is plain.lower())."""
        if self.anchored.fullmatch(plain):
            return True
        if not self.keywords.search(lower):  # one scan rules out every guarded pattern for most blocks
            return False
        return any(words.search(lower) and rx.fullmatch(plain) for rx, words in self.guarded)


_CHROME_ANY = _Vocabulary(_CHROME_ANY_PATTERNS)
_CHROME_SHORT = _Vocabulary(_CHROME_SHORT_PATTERNS)
SHORT = 200  # characters: longer blocks are prose unless they match an any-length pattern
# "By" + a name (and maybe "| Outlet" or ", Outlet"); "By Thursday, the rebels ..." is prose.
_BYLINE = re.compile(
    r"by\s+(?:\[[^\]]+\]\([^)]*\)|(?!(?:the|a|an|then|now|noon|midnight|mid|late|early|end)\b)"
    r"[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|de|van|von|al|bin|la|le|and)){0,4})"
    r"(?:\s*(?:[|/,]|\band\b)\s*[A-Z\[][^.!?]{0,60})?",
    re.I,
)
# Whole words only: "By Jane Morrow" and "By Sunil Rao" are bylines, "By June" and "By Sunday" are prose.
_NOT_A_NAME_AFTER_BY = re.compile(
    rf"by\s+(?:(?:{MONTH_RE}|{WEEKDAY_RE})(?!\w)|\d|(?:the|this|that|next|last)\b)", re.I
)


# Chrome that opens a page's footer: short lines after one of these are footer too.
FOOTER_START = re.compile(
    r"(?:post a comment|leave a (?:comment|reply)|comments?\b|\d+ (?:comments?|responses?|replies)"
    r"|previous (?:post|article)|"
    r"the original source of this article|disclaimer\s*:|copyright|©|(?:additional )?reporting by"
    r"|related (?:posts|articles|stories)|you may also like|most (?:read|viewed|popular)"
    r"|topics?\b|tags?\b|share (?:or comment on )?(?:this|the) (?:article|story))",
    re.I,
)


def _is_icon_strip(plain: str) -> bool:
    """Icon-font labels scraped as text: "bookmark-bicon cameraicon checkicon chevron downicon ..."."""
    words = plain.split()
    icons = sum(1 for w in words if "icon" in w.lower())
    return icons >= 4 and icons >= 0.3 * len(words)


def _is_menu(plain: str) -> bool:
    """Navigation items in a row: "Subscribe | Sign In", "World · Politics · Business"."""
    items = [item.strip() for item in re.split(r"\s[|•·]\s|\s{3,}", plain)]
    return len(items) >= 2 and all(
        0 < len(item.split()) <= 3 and (len(item.split()) == 1 or not SENTENCE_END.search(item))
        for item in items
    )


def _is_byline(plain: str) -> bool:
    """ "By Jane Doe", "By [RT](#)", "By Jane Doe | Reuters"; not "By March, prices had doubled."."""
    if len(plain) > 100 or _NOT_A_NAME_AFTER_BY.match(plain) or SENTENCE_END.search(plain):
        return False
    return bool(_BYLINE.fullmatch(plain))


def _is_tag_list(plain: str) -> bool:
    """Topic tags in a row: "Aleppo, Syria, Sergei Rudskoy, Russian General Staff"."""
    items = [item.strip() for item in plain.split(",")]
    return (
        len(items) >= 3
        and not SENTENCE_END.search(plain)
        and all(item[:1].isupper() and len(item.split()) <= 4 for item in items)
    )


def is_chrome(plain: str) -> bool:
    """Whether a block's plain text is page furniture rather than article prose."""
    lower = plain.lower()
    if ("icon" in lower and _is_icon_strip(plain)) or _CHROME_ANY.fullmatch(plain, lower):
        return True
    if len(plain) > SHORT:
        return False
    return (
        _is_menu(plain) or _is_byline(plain) or _is_tag_list(plain) or _CHROME_SHORT.fullmatch(plain, lower)
    )
