"""What one line of an article is: page furniture, attribution, Latin or Arabic script.

The tests the layout rules of :mod:`arnews._parse` apply to a single line,
with the patterns they use (``docs/layout.md`` states the rules).  Every
pattern runs in linear time on any line: whitespace repeats are possessive or
bounded, splits use one character class, and letters are counted by runs
without building lists.
"""

from __future__ import annotations

import re

from ._dates import fold
from ._tokenize import ARABIC_LETTER_RE, LATIN_LETTER_RE
from .normalize import _tables as T  # noqa: N812  # the normalization tables

__all__ = [
    "BYLINE",
    "CREDIT",
    "FURNITURE",
    "GENERIC_CREDITS",
    "LABEL_MAX_CHARS",
    "QUOTES",
    "SOURCES_LINE",
    "dropped_role",
    "is_english",
    "line_sources",
    "short_fold",
    "split_credit",
    "strip",
    "words",
]

# Whitespace and invisible marks stripped from the ends of every line: all of
# str.isspace() (NO-BREAK SPACE U+00A0 included) plus every invisible character of the
# normalization tables (zero-width spaces and joiners, ZWNJ, bidi marks, embeddings and
# isolates, soft hyphen, word joiner, the byte-order mark).
_INVISIBLE = "".join(sorted(T.INVISIBLE | {T.ZWNJ}))


# Labels and furniture are short lines: a longer line is never folded to test for them.
# The longest such line the patterns accept ("المزيد من" and 60 characters) is 70
# characters; the margin allows for harakat and tatweel, which folding removes.
LABEL_MAX_CHARS = 100


_FURNITURE = re.compile(
    r"(?:الاكثر (?:قراءه|مشاهده|تداولا|تعليقا))"
    r"|(?:(?:مقالات|اخبار|مواضيع) ذات صله)"
    r"|(?:المزيد(?: من [^.!?؟،,:]{1,60})?)"
    r"|(?:[(\[/\-–— ]{0,10}انتهي[)\]/\-–—. ]{0,10})"
)


# "Read also" lines point to other stories: "اقرأ أيضاً: …", "شاهد أيضا", "اقرأ المزيد".
_READ_ALSO = re.compile(r"(?:اقرا|اقرئي|شاهد|طالع|انظر) (?:ايضا|المزيد)(?: ?:.{0,100})?")


# A social link: a network's name, a colon, and a link or an @handle; or "follow us on …".
_SOCIAL = re.compile(
    r"(?:فيسبوك|فيس بوك|تويتر|انستغرام|انستجرام|انستقرام|يوتيوب|تيليغرام|تلغرام|تليجرام"
    r"|facebook|twitter|instagram|youtube|telegram) ?: ?(?:https?://|www\.|@)[^ ]{1,200}",
    re.IGNORECASE,
)


_FOLLOW_US = re.compile(r"(?:تابعونا|تابعنا) (?:علي|عبر|في) .{1,80}")  # "follow us on …"


# A share line: "شارك", "شارك هذا الخبر:", "مشاركة", "انشر المقال", "Share this story:".  The
# verb alone or with what is shared, never with a subject or an object of its own: "شارك
# الوزير في الاجتماع" (the minister took part) is a sentence.
_SHARE = re.compile(
    r"(?:شارك|شاركي|شاركوا|انشر|مشاركه)(?: (?:هذا|هذه))?"
    r"(?: (?:الخبر|المقال|المقاله|الموضوع|الصفحه|القصه|التقرير))?(?: (?:عبر|علي))? ?:?"
    r"|share(?: (?:this|on|via))?(?: (?:article|story|page|post))?(?: (?:on|via))? ?:?",
    re.IGNORECASE,
)


# The names of networks and sharing buttons (folded, lower case), for a line made only of them;
# the names written in two words are joined first.
_NETWORKS = frozenset(
    ("فيسبوك", "تويتر", "انستغرام", "انستجرام", "انستقرام", "يوتيوب", "تيليغرام", "تلغرام",
     "تليجرام", "واتساب", "لينكدان", "ماسنجر", "طباعه", "البريد", "الالكتروني", "ايميل",
     "x", "facebook", "twitter", "instagram", "youtube", "telegram", "whatsapp", "linkedin",
     "messenger", "email", "print", "pinterest", "reddit")
)  # fmt: skip
_TWO_WORD_NETWORKS = (("فيس بوك", "فيسبوك"), ("واتس اب", "واتساب"), ("لينكد ان", "لينكدان"))
_BUTTON_SEPARATORS = str.maketrans(dict.fromkeys("|•·،,/-–—", " "))


def _is_share_buttons(folded: str) -> bool:
    """Whether a folded line is only the names of networks (two or more): share buttons."""
    line = folded.lower()
    for two, one in _TWO_WORD_NETWORKS:
        line = line.replace(two, one)
    names = line.translate(_BUTTON_SEPARATORS).split()
    return len(names) >= 2 and all(n in _NETWORKS for n in names)


# A breadcrumb: the sections above the page, "الرئيسية > أخبار > عربي", "Home » World".  Its
# separators are angle marks (or "/" and "|" after a first crumb that names the home page);
# each crumb is at most four words without sentence punctuation.
_CRUMB_SEPARATORS = re.compile(r" ?[>»›] ?")
_HOME_SEPARATORS = re.compile(r" ?[>»›/|] ?")
_HOME = frozenset({"الرئيسيه", "الصفحه الرئيسيه", "home"})
_CRUMB_PUNCTUATION = frozenset(".!?؟:؛;،,\"'«»“”()")


def _is_breadcrumb(folded: str) -> bool:
    """Whether a folded line is a breadcrumb (see _CRUMB_SEPARATORS)."""
    crumbs = [c.strip() for c in _HOME_SEPARATORS.split(folded)]
    if len(crumbs) < 2 or crumbs[0].lower() not in _HOME:
        crumbs = [c.strip() for c in _CRUMB_SEPARATORS.split(folded)]
        if len(crumbs) < 3:
            return False
    return all(
        crumb and words(crumb) <= 4 and not _CRUMB_PUNCTUATION.intersection(crumb)
        for crumb in crumbs
    )


# A wire service's production credit at the end of a story, in parentheses: "(إعداد محمد
# للنشرة العربية - تحرير سها جادو)", "(ترجمة: …)".  تحرير alone also means "liberation", so it
# opens one only after إعداد or ترجمة.
_PRODUCTION_CREDIT = re.compile(r"\( ?(?:اعداد|ترجمه) ?:? [^()]{1,120}\)")


# A photo credit: "الصور: …", "تصوير - …", "Photo: …", alone or in parentheses.
_PHOTO_CREDIT = re.compile(
    r"\(?(?:الصور|الصوره|صور|تصوير|عدسه|photos?(?: credit)?|images?|credits?)"
    r" ?[:\-–—] ?(?P<name>[^():]{1,80})\)?",
    re.IGNORECASE,
)


# The words a short dropped line can start with (folded; see dropped_role): one match
# rejects most lines before the patterns below are tried.
_DROPPED_START = re.compile(
    r"[(\[/\-–— ]{0,10}(?:الاكثر|مقالات|اخبار|مواضيع|المزيد|انتهي|اقرا|اقرئي|شاهد|طالع|انظر"
    r"|فيسبوك|فيس|تويتر|انستغرام|انستجرام|انستقرام|يوتيوب|تيليغرام|تلغرام|تليجرام|تابع"
    r"|الصور|صور|تصوير|عدسه|كتب|اعداد|تحرير|بقلم|ترجمه|شارك|انشر|مشاركه|واتس|لينكد|ماسنجر"
    r"|طباعه|البريد|ايميل|facebook|twitter|instagram|youtube|telegram|photo|image|credit|share"
    r"|whatsapp|linkedin|messenger|e-?mail|print|pinterest|reddit|x )",
    re.IGNORECASE,
)


# A byline: "كتب - NAME", "كتبت: NAME", "بقلم NAME", "إعداد: NAME" (NAME: letters, dots).
_BYLINE = re.compile(
    r"(?:(?:كتب|كتبت|كتبه|اعداد|تحرير) ?[:\-–—]|بقلم ?:?) ?(?P<name>[^\W\d_][\w. ]{0,60})"
)


# Patterns below match the stripped line itself.  Their whitespace repeats are possessive
# (``*+``) or bounded, and splits use one character class, so no pattern backtracks across a
# whitespace run.
_SPACE = r"[^\S\n]"  # whitespace within a line


SOURCES_LINE = re.compile(
    rf"(?:المصدر|المصادر|مصدر الخبر){_SPACE}*+(?:[:：/]|[-–—](?![-–—])){_SPACE}*+(?P<rest>.+)"
)


_SOURCE_SPLIT = re.compile(r"[+،,&/]")


# "Quoted from X" (نقلا عن, نقلاً عن with FATHATAN U+064B): X is one source.
_QUOTED_FROM = re.compile(rf"نقلا\u064b?{_SPACE}++عن{_SPACE}*+:?{_SPACE}*+(?P<name>.+)")


# Marks that may lead an attribution line: "*المصدر: …", "- المصدر: …", "• …".
_LEADING_MARKS = "*-–—•·"


_SENTENCE_PUNCT = frozenset("،,.:؛;!?؟«»\"'“”")


_QUOTED = re.compile(r"['\"‘’“”«‹](?P<name>[^'\"‘’“”«»‹›.!?؟:؛]{1,60})['\"‘’“”»›]")


QUOTES = "'\"‘’“”«»‹›"


# Runs of Arabic and of Latin letters (the letter classes of arnews._tokenize), to count them.
_ARABIC_RUN = re.compile(ARABIC_LETTER_RE.pattern + "++")


_LATIN_RUN = re.compile(LATIN_LETTER_RE.pattern + "++")


# A line is Latin-script when fewer than one letter in twenty is Arabic (19 * arabic < latin).
_ARABIC_SHARE_DIVISOR = 19


# A divider: three or more of these marks and nothing else (spaces between them allowed):
# HYPHEN-MINUS, EN DASH, EM DASH, HORIZONTAL BAR U+2015, LOW LINE, EQUALS SIGN, ASTERISK,
# TILDE, BULLET U+2022, MIDDLE DOT, NUMBER SIGN, PLUS SIGN, TATWEEL U+0640 and the box-drawing
# horizontals U+2500, U+2501, U+2550, U+254C, U+254D, U+2504, U+2505, U+2508, U+2509.
_DIVIDER_MARKS = (
    "-–—\u2015_=*~\u2022·#+\u0640\u2500\u2501\u2550\u254c\u254d\u2504\u2505\u2508\u2509"
)


_NOT_DIVIDER = str.maketrans(dict.fromkeys(_DIVIDER_MARKS + " \t\u00a0"))


_URL = re.compile(r"(?:https?://|www\.)\S++", re.IGNORECASE)


BYLINE = "byline"


CREDIT = "credit"


FURNITURE = "furniture"


def strip(s: str) -> str:
    """The string without surrounding whitespace and invisible marks."""
    t = s.strip()
    if not t or (t[0] not in _INVISIBLE and t[-1] not in _INVISIBLE):
        return t  # fast path: no invisible mark at either end
    previous = None
    while previous != s:
        previous, s = s, s.strip().strip(_INVISIBLE)
    return s


def words(s: str) -> int:
    """The number of whitespace-separated words."""
    return len(s.split())


def is_english(s: str) -> bool:
    """Whether the line is Latin-script: three Latin letters or more, under 5% Arabic letters.

    The share of Arabic letters decides, so an Arabic sentence with Latin product names stays
    Arabic.  A trailing parenthesised credit is not counted (``Soldiers (رويترز)`` is Latin).
    Letters are counted by runs, and counting stops as soon as the answer is known, so a long
    Arabic line with one Latin letter costs one short pass and no list.
    """
    if LATIN_LETTER_RE.search(s) is None:  # cheap reject: most lines have no Latin letter
        return False
    end = len(s)
    if s.endswith(")") and split_credit(s)[1] is not None:
        end = s.rfind("(")
    if ARABIC_LETTER_RE.search(s, 0, end) is None:  # no Arabic letter: three Latin ones decide
        return any(n >= 3 for n, _ in enumerate(LATIN_LETTER_RE.finditer(s, 0, end), 1))
    latin = sum(m.end() - m.start() for m in _LATIN_RUN.finditer(s, 0, end))
    if latin < 3:
        return False
    arabic = 0
    for m in _ARABIC_RUN.finditer(s, 0, end):
        arabic += m.end() - m.start()
        if arabic * _ARABIC_SHARE_DIVISOR >= latin:
            return False
    return True


def split_credit(s: str) -> tuple[str, str | None]:
    """Split a caption into its text and a trailing parenthesised credit."""
    if not s.endswith(")"):
        return s, None
    start = s.rfind("(")
    if start < 0 or len(s) - start > 62 or ")" in s[start:-1]:
        return s, None
    text, credit = strip(s[:start]), strip(s[start + 1 : -1])
    if not text or not credit:
        return s, None
    return text, credit


# Credits after a dateline that name no outlet ("agencies", "follow-ups", "websites"): they go
# to ``sources``.  Folded with :func:`fold` (hamza and teh marbuta folded).
GENERIC_CREDITS = frozenset(
    fold(w)
    for w in ("وكالات", "وكالات الأنباء", "وكالات أنباء", "متابعات", "مواقع", "وكالات ومواقع")
)


def _attribution_core(s: str) -> str:
    """The line without leading marks (``*``, ``-``, ``•``) and surrounding parentheses."""
    core = strip(s.lstrip(_LEADING_MARKS))
    if len(core) > 2 and core[0] == "(" and core[-1] == ")":
        core = strip(core[1:-1])
    return core


# The first characters an attribution line can have: a leading mark, a parenthesis, or the
# first letter of المصدر, مصدر الخبر, نقلا عن or a generic credit.
_ATTRIBUTION_STARTS = frozenset(_LEADING_MARKS + "(" + "امن") | {w[0] for w in GENERIC_CREDITS}


def line_sources(s: str) -> tuple[str, ...] | None:
    """The outlets named by an attribution line, or None if it is not one."""
    if s[0] in QUOTES:
        return _quoted_source(s)
    if s[0] not in _ATTRIBUTION_STARTS:  # cheap reject: no rule below can match
        return None
    core = _attribution_core(s) if s[0] in _LEADING_MARKS or s[0] == "(" else s
    if not core:
        return None
    if core.startswith(("المص", "مصدر")):
        m = SOURCES_LINE.fullmatch(core)
        if m is None:
            return None
        parts = tuple(strip(p) for p in _SOURCE_SPLIT.split(m["rest"]))
        if all(parts) and all(words(p) <= 5 for p in parts):
            return parts
        return None
    if core.startswith("نقل"):
        m = _QUOTED_FROM.fullmatch(core)
        name = strip(m["name"]) if m is not None else ""
        # One name without sentence punctuation: "نقلا عن مصادر مطلعة، فإن …" is a sentence.
        if name and words(name) <= 6 and not any(c in _SENTENCE_PUNCT for c in name):
            return (name,)
        return None
    if len(core) <= 30 and fold(core) in GENERIC_CREDITS:  # "وكالات" alone credits the story
        return (core,)
    return None


def _quoted_source(s: str) -> tuple[str, ...] | None:
    """The name in a lone quoted line such as ``'الاتحاد'``, or None."""
    m = _QUOTED.fullmatch(s)
    if m is not None and strip(m["name"]) and words(m["name"]) <= 4:
        return (strip(m["name"]),)
    return None


def short_fold(s: str) -> str | None:
    """The folded line when it is short enough to be a label or furniture, else None."""
    return fold(s) if len(s) <= LABEL_MAX_CHARS else None


def _is_furniture(folded: str) -> bool:
    """Whether a folded line is page furniture to drop (see the module docstring)."""
    if _FURNITURE.fullmatch(folded) and words(folded) <= 10:
        return True
    if _READ_ALSO.fullmatch(folded) or _SOCIAL.fullmatch(folded) or _SHARE.fullmatch(folded):
        return True
    if _is_share_buttons(folded):
        return True
    return bool(_FOLLOW_US.fullmatch(folded)) and words(folded) <= 8


def _is_divider(s: str) -> bool:
    """Whether the line is a divider: three or more divider marks and nothing else."""
    if s[0] not in _DIVIDER_MARKS or s.translate(_NOT_DIVIDER):
        return False
    return sum(1 for c in s if c in _DIVIDER_MARKS) >= 3


def dropped_role(s: str, folded: str | None) -> str | None:
    """FURNITURE, CREDIT or BYLINE for a line that is none of the story's text, else None.

    ``folded`` is the folded line when it is short enough for a label (see short_fold).
    """
    if _is_divider(s) or (s[0] in "hHwW" and _URL.fullmatch(s)):
        return FURNITURE
    if folded is None:
        return None
    if (">" in folded or "»" in folded or "›" in folded or "/" in folded or "|" in folded) and (
        _is_breadcrumb(folded)
    ):
        return FURNITURE
    if _DROPPED_START.match(folded) is None:  # cheap reject
        return None
    if _is_furniture(folded):
        return FURNITURE
    m = _PHOTO_CREDIT.fullmatch(folded)
    if (m is not None and words(m["name"]) <= 8) or _PRODUCTION_CREDIT.fullmatch(folded):
        return CREDIT
    m = _BYLINE.fullmatch(folded)
    if m is not None and words(m["name"]) <= 5:
        return BYLINE
    return None
