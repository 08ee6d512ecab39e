"""Raw article text -> :class:`~arnews.Article`, by general layout rules.

``docs/layout.md`` states every rule with examples; this is the summary the
code follows.  The text is cut into lines (``str.splitlines``, so LF, CRLF and
CR all work).  Blank lines (empty, or only whitespace and invisible marks)
never matter: the rules see only the sequence of non-blank lines, so adding or
removing blank lines anywhere gives the same fields.

Every field keeps the characters of the text: a line is stripped of
surrounding whitespace (no-break spaces, tabs, zero-width marks and
byte-order marks included) but inner no-break spaces stay, so offsets into a
field are offsets into the original line.  Every character of a line is
accounted for by the field its role names (a caption the page repeated is
kept once, the one exception).

Each non-blank line gets exactly one role (see :func:`_layout`), in this order
of precedence:

1. the first line is the **title**, unless it is a dropped line (3) or a date line: up to
   three such lines may stand above it, each keeping its role;
2. **labels** open a block and are kept in ``dropped``: ``كلمات مفتاحية`` (or
   ``الوسوم``) opens the keyword block, ``حول هذه القصة`` the related block;
3. **dropped lines**, kept in ``dropped``: furniture (``الأكثر قراءة``,
   ``مقالات ذات صلة``, ``المزيد من …``, a lone ``انتهى``, "read also" lines
   ``اقرأ أيضاً: …``), divider lines (three or more of ``-_=*~•#``, dashes,
   tatweel, box rules, and nothing else), photo credits (``الصور:``,
   ``تصوير:``, ``Photo:`` and a short name), social links (``فيسبوك: http…``,
   ``تابعونا على …``, a lone web address) and bylines (``كتب - NAME``,
   ``بقلم NAME``: a byline is no dateline; in the header ``كتب NAME`` needs no
   colon), share lines and buttons (``شارك
   هذا الخبر:``, ``فيسبوك تويتر واتساب``), breadcrumbs (``الرئيسية > أخبار``)
   and wire production credits (``(إعداد … - تحرير …)``).  Labels and these
   lines (dividers and addresses aside) are short: a line of more than 100
   characters is never one;
4. inside the keyword block, keyword lines (the block ends at a line that
   reads like a sentence); inside the related block, teaser lines, grouped
   into stories that each end with a ``Published On d/m/yyyy`` line;
5. the **date line**: a line that is only a date (see
   :func:`arnews.read_date`: ISO 8601 with offsets, RFC 2822, Arabic and
   English month names, numeric, Hijri) among the first three lines after
   the title, dropped lines not counted; a date anywhere else is not the
   article's date.  The **header** — the lines after the title up to the
   first line that is none of a date line, a dateline, a dropped line or a
   caption — may also hold a **dateline** ``PLACE- OUTLET`` (within the first
   two lines; the dash may be a hyphen, an en or em dash or a tatweel; a
   generic credit such as ``وكالات`` names no outlet and goes to ``sources``)
   and captions.  Without such a dateline, ``PLACE (OUTLET) - …`` opening the
   first paragraph (a wire dateline) gives them, the paragraph kept whole;
6. **attribution**: ``المصدر : A + B`` (also ``المصادر``, ``مصدر الخبر``, with
   ``:``, a dash or ``/``, a leading ``*``/``-``/``•``, in parentheses),
   ``نقلا عن X`` (one source without sentence punctuation), a generic credit
   alone (``وكالات``), or a lone quoted name such as ``'الاتحاد'`` before the
   first or after the last body text (between two body lines, such a line is
   a quotation and stays a paragraph);
7. **captions**: a Latin-script line (three Latin letters or more, fewer than
   one letter in twenty Arabic, a trailing credit not counted), so an Arabic
   line with Latin product names stays Arabic; a line of three to 40 words
   repeated on the next non-blank line or glued twice on one line (a shorter
   repeat such as ``لا لا`` is what someone said, a paragraph); or, in the
   header only, a line of at most 40 words without sentence punctuation that
   ends with a parenthesised credit such as ``(أسوشيتد برس)``.  Past the
   header a credit alone is no caption: a body sentence may end in a
   parenthesis.  A longer repeated line is body text the page repeated;
8. **subheadings**: short lines (at most seven words and 60 characters)
   without final punctuation whose next non-blank line is body text (not a
   label, a dropped line, a keyword line, an attribution, a caption, a date
   or another short unpunctuated line), that do not repeat themselves
   (``هههه``) and do not follow a line ending in a colon (which announces a
   quotation);
9. everything else is a body **paragraph** (one per line), a date past the
   date window included.  An end marker ``انتهى`` glued after the last
   punctuation of a paragraph is cut off and recorded in ``dropped``.

Keywords: the block's lines are split on ``،``/``,``/``؛``/``|`` when any of
them holds such a separator; otherwise several lines give one keyword each,
and a single line is split on whitespace.  The last case cannot recover
multiword keywords (``الدولة الإسلامية`` becomes two keywords): without
separators no rule can tell where one keyword ends.

What one line is (furniture, attribution, script) is decided in
:mod:`arnews._lines`; this module gives each line its role from its
neighbours and assembles the Article.  Every pattern here and there runs in
linear time on any line.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Sequence

import attrs

from ._article import Article
from ._checks import check_optional_str, check_str
from ._dates import DateReading, HijriDate, find_date, fold, read_date
from ._lines import (
    BYLINE,
    CREDIT,
    FURNITURE,
    GENERIC_CREDITS,
    LABEL_MAX_CHARS,
    QUOTES,
    SOURCES_LINE,
    dropped_role,
    is_english,
    line_sources,
    short_fold,
    split_credit,
    strip,
    words,
)
from ._model import Caption, RelatedStory, Section

__all__ = ["parse", "text_id"]


_DATE_WINDOW = 3  # a date line must be among the first three lines after the title
_ABOVE_TITLE = 3  # at most this many furniture or date lines come before the title
_HEADING_MAX_WORDS = 7
_HEADING_MAX_CHARS = 60
_CAPTION_MAX_WORDS = 40  # an Arabic caption is at most this long; a longer line is body text
# A repeated line shorter than this is what someone said or wrote ("لا لا", "هههه"), no caption.
_CAPTION_MIN_WORDS = 3
_FINAL_PUNCT = ".!?؟:؛;،,…\"'”»)]-–—"
_SENTENCE_END = ".!?؟…"

# Patterns below match folded text (see arnews._dates.fold): hamza forms of
# alef are plain alef and teh marbuta is heh, so "صلة" and "صله" are one form.
_KEYWORD_LABEL = re.compile(r"(?:ال)?كلمات (?:مفتاحيه|دلاليه)|(?:ال)?وسوم")
_RELATED_LABEL = re.compile(r"حول هذه القصه")
_END_MARKER = re.compile(r"(?P<marker>[(\[/\-–—]?\s{0,2}انتهى\s{0,2}[)\]/\-–—.]{0,3})$")
# PLACE, a dash, OUTLET.  The dash is a run of hyphens, en or em dashes, or a run of
# TATWEEL U+0640, as Arabic print often writes the dash: after a space ("بيروت ـ") or glued
# to a word of three or more letters and followed by a space ("القاهرةـ ").  A tatweel glued
# to a one- or two-letter prefix is the abbreviation mark of "لـ" or "الـ", not a dash.
# (TATWEEL is a letter to str.isalpha and to \w, so the three letters exclude it.)
_DATELINE = re.compile(
    r"(?P<place>[^\W\d_][^\-–—:.!?؟،,()\d]{0,40}?)"
    r"(?:\s*[-–—]+|\s+\u0640+|(?<=[^\W\d_\u0640]{3})\u0640+(?=\s))\s*"
    r"(?P<outlet>[^\-–—:.!?؟،,()\d\u0640][^\-–—:.!?؟،,()\d]{1,59})"
)
# A wire dateline that opens the first paragraph: "PLACE (OUTLET) - text", as Reuters and AFP
# write it ("طهران (رويترز) - رحبت …", "بيروت (أ ف ب) -").  PLACE is one or two words of
# letters; OUTLET does not start with a preposition ("قال الوزير (في بيان) - …" is a
# sentence).  The paragraph keeps the whole line.
_INLINE_DATELINE = re.compile(
    r"(?P<place>[^\W\d_]{2,30}(?: [^\W\d_]{2,30})?) ?"
    r"\((?!(?:في|من|عن|علي|على|إلى|الى|مع|بعد|قبل|حسب|وفق|عبر) )"
    r"(?P<outlet>[^()\d.!?؟،,:]{2,40})\) ?[-–—]+ ?(?=\S)"
)
# In the header, a byline may have no colon: "كتب محمد السيد" (the verb and a name of up to
# four words, no punctuation).  Below the header such a line is a sentence or a subheading.
_HEADER_BYLINE = re.compile(r"(?:كتب|كتبت|كتبه) [^\W\d_]{2,20}(?: [^\W\d_]{1,20}){0,3}")
_PUBLISHED = re.compile(r"(?:published\s+on|نشر في|تاريخ النشر)\s*:?\s*(?P<date>.+)", re.IGNORECASE)
_KEYWORD_SPLIT = re.compile(r"[،,؛|]")


class _Unset:
    """The type of _UNSET: a fact of a line not computed yet."""


_UNSET = _Unset()


@attrs.define
class _Line:
    """One non-blank line of the raw text and the role the rules gave it (set once, in place)."""

    number: int  # index into text.splitlines()
    text: str  # the line stripped of surrounding whitespace
    role: str = ""
    squeezed: str | None = None  # the text with whitespace runs squeezed, once needed
    # What the rules ask of a line more than once (a line is read as the next line of the
    # one above it, then for itself), each computed on first use by the functions below.
    folded: str | _Unset | None = attrs.field(default=_UNSET)
    date: DateReading | _Unset | None = attrs.field(default=_UNSET)
    dropped: str | _Unset | None = attrs.field(default=_UNSET)
    sources: tuple[str, ...] | _Unset | None = attrs.field(default=_UNSET)
    english: bool | None = None  # Latin-script (see is_english), once computed


def _folded(line: _Line) -> str | None:
    """The folded line when short enough to be a label (see short_fold)."""
    if isinstance(line.folded, _Unset):
        line.folded = short_fold(line.text)
    return line.folded


def _date(line: _Line) -> DateReading | None:
    """The date the line states when it is a date line."""
    if isinstance(line.date, _Unset):
        line.date = read_date(line.text)
    return line.date


def _dropped(line: _Line) -> str | None:
    """FURNITURE, CREDIT or BYLINE for a dropped line (see dropped_role), else None."""
    if isinstance(line.dropped, _Unset):
        line.dropped = dropped_role(line.text, _folded(line))
    return line.dropped


def _english(line: _Line) -> bool:
    """Whether the line is Latin-script (see is_english)."""
    if line.english is None:
        line.english = is_english(line.text)
    return line.english


def _line_sources(line: _Line) -> tuple[str, ...] | None:
    """The sources an attribution line names (see line_sources), else None."""
    if isinstance(line.sources, _Unset):
        line.sources = line_sources(line.text)
    return line.sources


def _same_line(a: _Line, b: _Line) -> bool:
    """Whether two lines have the same text once whitespace runs are squeezed to one space."""
    if a.text == b.text:
        return True
    # A stripped line starts and ends with the same characters as its squeezed form.
    if a.text[0] != b.text[0] or a.text[-1] != b.text[-1]:
        return False
    if a.squeezed is None:
        a.squeezed = _squeeze(a.text)
    if b.squeezed is None:
        b.squeezed = _squeeze(b.text)
    return a.squeezed == b.squeezed


# Roles.
TITLE = "title"
DATE = "date"
DATELINE = "dateline"
SOURCES = "sources"
HEADING = "heading"
PARAGRAPH = "paragraph"
CAPTION = "caption"
KEYWORDS = "keywords"
LABEL = "label"
RELATED_CAPTION = "related-caption"
RELATED_TITLE = "related-title"
RELATED_SUMMARY = "related-summary"
RELATED_DATE = "related-date"
_RELATED_ROLES = frozenset({RELATED_CAPTION, RELATED_TITLE, RELATED_SUMMARY, RELATED_DATE})


def _squeeze(s: str) -> str:
    """Whitespace runs (no-break spaces included) as one space, ends stripped."""
    if "  " not in s and s.isprintable():
        # Fast path: every whitespace character but SPACE is unprintable, so the only
        # whitespace here is single spaces.
        return s.strip(" ")
    # str.split() and re's \s agree on whitespace (both use str.isspace()).
    return " ".join(s.split())


def _undouble(s: str) -> str | None:
    """The repeated half when the line is the same text twice glued together, else None."""
    n = len(s)
    for gap in range(n % 2, min(4, n - 3), 2):  # gaps of 0-3 characters that leave n - gap even
        half = (n - gap) // 2
        if s[half - 1] != s[-1] or s[0] != s[half + gap]:  # cheap reject before slicing
            continue
        first, middle, second = s[:half], s[half : half + gap], s[half + gap :]
        if first == second and (not middle or middle.isspace()) and strip(first):
            return strip(first)
    return None


def _has_credit(s: str) -> bool:
    """Whether the line reads like an Arabic caption ending in a short credit."""
    text, credit = split_credit(s)
    if credit is None or words(credit) > 4 or any(c.isdigit() for c in credit):
        return False
    return words(text) <= _CAPTION_MAX_WORDS and not any(c in _SENTENCE_END for c in text)


def _is_short_unpunctuated(s: str) -> bool:
    """Whether the line could be a subheading: short, no final punctuation, has a letter."""
    return (
        len(s) <= _HEADING_MAX_CHARS
        and s[-1] not in _FINAL_PUNCT
        and words(s) <= _HEADING_MAX_WORDS
        and any(c.isalpha() for c in s)
    )


def _is_label(folded: str) -> bool:
    """Whether a folded line opens the keyword or related-stories block."""
    return bool(_keyword_label(folded) or _RELATED_LABEL.fullmatch(folded))


def _keyword_line(s: str) -> tuple[str | None, str]:
    """Split ``كلمات مفتاحية: A، B`` into its label and keywords; (None, s) for other lines."""
    head, colon, rest = s.partition(":")
    if colon and len(head) <= LABEL_MAX_CHARS and strip(rest) and _keyword_label(fold(head)):
        return strip(head), strip(rest)
    return None, s


def _keyword_label(folded: str) -> bool:
    """Whether a folded line is the keyword-block label (an optional colon may follow)."""
    return bool(_KEYWORD_LABEL.fullmatch(folded.rstrip(": ")))


def _caption_like(lines: Sequence[_Line], k: int, *, header: bool) -> bool:
    """Whether line k is a caption; a trailing credit alone counts only in the header."""
    s = lines[k].text
    if (k + 1 < len(lines) and _same_line(lines[k], lines[k + 1])) or (
        k > 1 and _same_line(lines[k], lines[k - 1])
    ):
        return _CAPTION_MIN_WORDS <= words(s) <= _CAPTION_MAX_WORDS or _english(lines[k])
    half = _undouble(s)
    if half is not None and _CAPTION_MIN_WORDS <= words(half) <= _CAPTION_MAX_WORDS:
        return True
    return (header and _has_credit(s)) or _english(lines[k])


def _is_body_text(lines: Sequence[_Line], k: int) -> bool:
    """Whether line k would be a body paragraph (used to confirm a subheading)."""
    s, line = lines[k].text, lines[k]
    folded = _folded(line)
    return not (
        (folded is not None and _is_label(folded))
        or _dropped(line) is not None
        or _keyword_line(s)[0] is not None
        or _line_sources(line) is not None
        or _date(line) is not None
        or _caption_like(lines, k, header=False)
        or _is_short_unpunctuated(s)
    )


def _body_role(lines: Sequence[_Line], k: int) -> str:
    """The role of a body line (outside any block and past the header)."""
    s = lines[k].text
    if _line_sources(lines[k]) is not None:
        return SOURCES
    # A date past the date window is body text: no caption, no subheading.
    if _caption_like(lines, k, header=False):
        return CAPTION if _date(lines[k]) is None else PARAGRAPH
    # The next non-blank line, however many blank lines come between.  A colon ending the
    # line before announces what follows (a quotation), and a line that repeats itself
    # ("هههه", "لا لا") is no heading.
    if (
        _is_short_unpunctuated(s)
        and k + 1 < len(lines)
        and not lines[k - 1].text.endswith((":", "："))
        and _undouble(s) is None
        and _is_body_text(lines, k + 1)
        and _date(lines[k]) is None
    ):
        return HEADING
    return PARAGRAPH


def _published(s: str) -> dt.date | None:
    """For a teaser's date line (``Published On 26/9/2015``), its date; else None."""
    m = _PUBLISHED.fullmatch(s)
    found = find_date(m["date"]) if m is not None else None
    return found[0] if found is not None else None


def _related_roles(block: list[_Line]) -> list[str]:
    """Roles for the lines of one related-stories block, teaser by teaser."""
    roles: list[str] = []
    group: list[_Line] = []

    def close(with_date: bool) -> None:
        text_lines = [ln for ln in group if not _english(ln)]
        english = [ln for ln in group if _english(ln)]
        caption = english[0] if english and (text_lines or len(english) > 1) else None
        body = [ln for ln in group if ln is not caption]
        for ln in group:
            if ln is caption:
                roles.append(RELATED_CAPTION)
            elif len(body) > 1 and ln is body[0]:
                roles.append(RELATED_TITLE)
            else:
                roles.append(RELATED_SUMMARY)
        if with_date:
            roles.append(RELATED_DATE if group else FURNITURE)
        group.clear()

    for ln in block:
        if _published(ln.text) is not None:
            close(with_date=True)
        else:
            group.append(ln)
    if group:
        close(with_date=False)
    return roles


def _layout(text: str) -> tuple[_Line, ...]:
    """Every non-blank line of ``text`` with the role the layout rules give it."""
    stripped = ((i, strip(ln)) for i, ln in enumerate(text.splitlines()))
    lines = [_Line(i, s) for i, s in stripped if s]  # blank lines play no part in any rule
    if not lines:
        return ()
    roles = [""] * len(lines)
    state = "header"
    seen_date = seen_dateline = False
    # Above the title a page may have furniture (a breadcrumb, a byline, share buttons) and
    # its date line; the title is the first line that is neither (the last line at worst).
    top = 0
    while top < min(len(lines) - 1, _ABOVE_TITLE):
        found = _dropped(lines[top])
        if found is None and not seen_date and _date(lines[top]) is not None:
            found, seen_date = DATE, True
        if found is None:
            break
        roles[top] = found
        top += 1
    roles[top] = TITLE
    # Furniture, credits and bylines so far (the title's line counts as one): they do not
    # count in the date window, which is counted from the title.
    skipped = top
    related: list[int] = []

    def flush_related() -> None:
        for k, role in zip(related, _related_roles([lines[k] for k in related]), strict=True):
            roles[k] = role
        related.clear()

    for k in range(top + 1, len(lines)):
        s = lines[k].text
        folded = _folded(lines[k])
        inline_label, _ = _keyword_line(s)
        if inline_label is not None or (folded is not None and _is_label(folded)):
            flush_related()
            if inline_label is not None:
                roles[k], state = KEYWORDS, "keywords"
            else:
                roles[k] = LABEL
                state = "keywords" if folded is not None and _keyword_label(folded) else "related"
            continue
        dropped_role = _dropped(lines[k])
        if dropped_role is not None:
            flush_related()
            roles[k] = dropped_role
            skipped += 1
            if state in ("keywords", "related"):
                state = "body"
            continue
        if state == "keywords":
            if words(s) <= 30 and s[-1] not in _SENTENCE_END:
                roles[k] = KEYWORDS
                continue
            state = "body"
        if state == "related":
            related.append(k)
            continue
        if not seen_date and k - skipped <= _DATE_WINDOW and _date(lines[k]) is not None:
            roles[k], seen_date = DATE, True
            continue
        if state == "header":
            if not seen_dateline and k - skipped <= 2 and words(s) <= 7 and _DATELINE.fullmatch(s):
                roles[k], seen_dateline = DATELINE, True
                continue
            if folded is not None and words(s) <= 5 and _HEADER_BYLINE.fullmatch(folded):
                roles[k] = BYLINE
                skipped += 1
                continue
            if _caption_like(lines, k, header=True):
                roles[k] = CAPTION
                continue
            state = "body"
        roles[k] = _body_role(lines, k)
    flush_related()
    # A lone quoted name is an attribution before the story's first body text or after its
    # last; between two body lines it is a quotation set on its own line, so a paragraph.
    body = [k for k, role in enumerate(roles) if role in (PARAGRAPH, HEADING)]
    for k in range(body[0] + 1 if body else 0, body[-1] if body else 0):
        if roles[k] == SOURCES and SOURCES_LINE.fullmatch(lines[k].text) is None:
            roles[k] = PARAGRAPH
    for ln, role in zip(lines, roles, strict=True):
        ln.role = role
    return tuple(lines)


def _caption(s: str) -> Caption:
    """The Caption record for a caption line (a glued repeat is read once)."""
    once = _undouble(s) or s
    text, credit = split_credit(once)
    return Caption(text=text, lang="en" if is_english(once) else "ar", credit=credit)


def _keywords(block: Sequence[str]) -> tuple[str, ...]:
    """Split the keyword block's lines into keywords (see the module docstring)."""
    if any(_KEYWORD_SPLIT.search(s) for s in block):
        parts = [p for s in block for p in _KEYWORD_SPLIT.split(s)]
    elif len(block) > 1:
        parts = list(block)
    else:
        parts = block[0].split() if block else []
    return tuple(strip(p) for p in parts if strip(p))


def _dateline_parts(m: re.Match[str], sources: list[str]) -> tuple[str, str | None]:
    """(place, outlet) of a dateline match; a generic credit is added to sources instead."""
    outlet = strip(m["outlet"])
    outlet = strip(outlet.strip(QUOTES)) or outlet  # «الحياة» -> الحياة
    if fold(outlet) in GENERIC_CREDITS:  # "وكالات" credits agencies, names no outlet
        if outlet not in sources:
            sources.append(outlet)
        return strip(m["place"]), None
    return strip(m["place"]), outlet


def _build(text: str, lines: Sequence[_Line], article_id: str) -> Article:
    """Assemble the Article from the roles of its lines."""
    date: dt.date | None = None
    time: dt.time | None = None
    utc_offset: dt.timedelta | None = None
    hijri: HijriDate | None = None
    dateline: str | None = None
    outlet: str | None = None
    sources: list[str] = []
    sections: list[Section] = []
    heading: str | None = None
    paragraphs: list[str] = []
    captions: dict[tuple[str, str, str | None], Caption] = {}
    keyword_lines: list[str] = []
    related: list[RelatedStory] = []
    dropped: list[str] = []
    first_paragraph = True
    # The teaser being read: its title, caption and summary lines.
    t_title: list[str] = []
    t_caption: list[Caption] = []
    t_summary: list[str] = []

    def close_section() -> None:
        if heading is not None or paragraphs:
            sections.append(Section(heading=heading, paragraphs=tuple(paragraphs)))

    def close_teaser(published: dt.date | None) -> None:
        related.append(
            RelatedStory(
                title=t_title[0] if t_title else None,
                summary="\n".join(t_summary),
                date=published,
                caption=t_caption[0] if t_caption else None,
            )
        )
        for part in (t_title, t_caption, t_summary):
            part.clear()

    for ln in lines:
        s, role = ln.text, ln.role
        if (t_title or t_caption or t_summary) and role not in _RELATED_ROLES:
            close_teaser(None)
        if role == PARAGRAPH and first_paragraph:
            first_paragraph = False
            m = _INLINE_DATELINE.match(s) if dateline is None and outlet is None else None
            if m is not None:  # the paragraph keeps the whole line
                dateline, outlet = _dateline_parts(m, sources)
        if role == DATE:
            reading = _date(ln)
            if reading is not None:
                date, time, utc_offset, hijri = (
                    reading.date,
                    reading.time,
                    reading.utc_offset,
                    reading.hijri,
                )
        elif role == DATELINE:
            m = _DATELINE.fullmatch(s)
            if m is not None:
                dateline, outlet = _dateline_parts(m, sources)
        elif role == SOURCES:
            sources.extend(n for n in _line_sources(ln) or () if n not in sources)
        elif role == HEADING:
            close_section()
            heading, paragraphs = s, []
        elif role == PARAGRAPH:
            tail = len(s) - min(len(s), 16)
            # The marker holds the word, so a tail without it needs no regex search.
            m = _END_MARKER.search(s, tail) if "انتهى" in s[tail:] else None
            body = strip(s[: m.start()]) if m is not None else s
            if m is not None and body and body[-1] in _FINAL_PUNCT:
                paragraphs.append(body)
                dropped.append(strip(m["marker"]))
            else:
                paragraphs.append(s)
        elif role == CAPTION:
            cap = _caption(s)
            captions.setdefault((_squeeze(cap.text), cap.lang, cap.credit), cap)
        elif role == KEYWORDS:
            label, words = _keyword_line(s)
            if label is not None:
                dropped.append(label)
            keyword_lines.append(words)
        elif role in (LABEL, FURNITURE, CREDIT, BYLINE):
            dropped.append(s)
        elif role == RELATED_CAPTION:
            t_caption.append(_caption(s))
        elif role == RELATED_TITLE:
            t_title.append(s)
        elif role == RELATED_SUMMARY:
            t_summary.append(s)
        elif role == RELATED_DATE:
            close_teaser(_published(s))
    if t_title or t_caption or t_summary:
        close_teaser(None)
    close_section()
    return Article(
        id=article_id,
        title=next(ln.text for ln in lines if ln.role == TITLE),
        date=date,
        time=time,
        date_inferred=False,
        outlet=outlet,
        sources=tuple(sources),
        dateline=dateline,
        sections=tuple(sections),
        captions=tuple(captions.values()),
        keywords=_keywords(keyword_lines),
        related=tuple(related),
        raw=text,
        dropped=tuple(dropped),
        utc_offset=utc_offset,
        hijri=hijri,
    )


def text_id(text: str) -> str:
    """The id of a text that has none: ``text_`` and the first 16 hex digits of its SHA-256.

    >>> text_id("عنوان")
    'text_74190f4bb09584c5'
    """
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return f"text_{digest[:16]}"


def parse(text: str, *, id: str | None = None) -> Article:
    r"""Parse the raw text of one news article into an :class:`~arnews.Article`.

    General layout rules, not per-site templates (every rule is in
    ``docs/layout.md``): the first non-empty line is the title; a line that
    is only a date within the three lines under the title gives ``date``,
    ``time``, ``utc_offset`` and ``hijri`` (ISO 8601 with offsets, RFC 2822,
    Arabic and English month names, ``d/m/yyyy``, Hijri dates; any digits);
    ``PLACE- OUTLET`` under the title gives ``dateline`` and ``outlet``;
    ``المصدر : A + B``, ``نقلا عن X``, ``وكالات`` alone and a lone quoted
    name give ``sources``; short unpunctuated lines whose next non-blank line
    is body text are subheadings; repeated lines of three to 40 words and
    Latin-script lines are captions (kept once), and in the header so is an
    unpunctuated line ending in a ``(credit)``; ``كلمات مفتاحية`` opens the
    keywords and ``حول هذه القصة`` the related teasers; furniture, dividers,
    photo credits, social links, bylines, block labels and an ``انتهى`` end
    marker go to ``dropped``.  Everything else is a paragraph, one per line.

    Blank lines play no part: adding or removing them anywhere gives the same
    fields.  A weekday in the date line is not checked against the date
    (pages copied from the web get it wrong; the stated date wins), so
    ``الجمعة 27 أكتوبر 2016`` gives 27 October 2016, a Thursday.  A Hijri
    date alone gives ``hijri`` and no Gregorian ``date``.

    No line of the text is lost: each non-blank line ends up in a field or in
    ``dropped``.  Fields keep the text's characters, stripped of surrounding
    whitespace only (inner no-break spaces stay).  Nothing is curated here, so
    ``date_inferred`` is always False.  Without ``id``, the id is ``text_``
    and the first 16 hex digits of the text's SHA-256.

    >>> import arnews
    >>> raw = "عنوان\n\nالخميس ٢٧ أكتوبر ٢٠١٦ ٠٩:١٠ م\n\nالنص الأول.\n\nالمصدر : الجزيرة + رويترز"
    >>> a = arnews.parse(raw)
    >>> a.title, a.date.isoformat(), a.time.isoformat(), a.sources
    ('عنوان', '2016-10-27', '21:10:00', ('الجزيرة', 'رويترز'))
    >>> a.paragraphs
    ('النص الأول.',)
    >>> b = arnews.parse("عنوان\n2018-02-18T12:26:59+01:00\nالرباط - هسبريس\nنص.\n-----")
    >>> b.datetime.isoformat(), b.outlet, b.dropped
    ('2018-02-18T12:26:59+01:00', 'هسبريس', ('-----',))

    Raises:
        TypeError: if ``text`` is not a str (decode bytes first) or ``id`` is
            neither a str nor None.
        ValueError: if ``text`` is empty or holds only whitespace, or ``id``
            is blank.
    """
    check_str(
        text, "parse()", "pass the article text itself, e.g. path.read_text(encoding='utf-8')"
    )
    ident = check_optional_str(id, "parse(id=...)", "pass a name such as id='my-article'")
    if ident is not None and not ident.strip():
        msg = "parse(id=...) got a blank id; pass a name such as id='my-article', or leave id out"
        raise ValueError(msg)
    lines = _layout(text)
    if not lines:
        msg = "parse() got no text (empty or only whitespace); pass the article's text, title first"
        raise ValueError(msg)
    if id is None:
        id = text_id(text)
    return _build(text, lines, id)
