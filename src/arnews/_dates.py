"""Arabic date and time recognition for whole date lines.

A *date line* is a line that holds a date and nothing else (a weekday, a
time of day and separators may come with it).  Three shapes are read:

* ISO ``2015-09-29`` (optionally followed by a time);
* numeric ``d/m/yyyy`` (also with ``-`` or ``.``) and ``yyyy/m/d``;
* named months: ``[weekday][،] d MONTH[/MONTH] yyyy [H:MM[:SS] [ص|م]]``;

each optionally after a label such as ``تاريخ النشر:`` or ``آخر تحديث:``.

Digits may be ASCII, Arabic-Indic (U+0660..U+0669) or Extended Arabic-Indic
(U+06F0..U+06F9).  Month names cover the Egyptian/Gulf, Levantine/Iraqi and
Maghrebi (Algerian/Tunisian and Moroccan) series with common spelling
variants; a combined form such as ``سبتمبر/أيلول`` must name one month twice.
The weekday, when present, is not checked against the date.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping
from types import MappingProxyType

from ._checks import check_str
from .normalize import _tables as T  # noqa: N812  # the normalization tables

__all__ = ["MONTHS", "find_date", "fold"]

# Months by number, each with the spellings seen in print.  Keys are folded with
# :func:`fold` when the table is built, so hamza-on-alef and final-yeh variants
# need not all be listed.
_MONTH_NAMES: dict[int, tuple[str, ...]] = {
    1: ("يناير", "كانون الثاني", "كانون ثاني", "جانفي", "جانفييه"),
    2: ("فبراير", "شباط", "فيفري", "فبرير"),
    3: ("مارس", "آذار", "مارص"),
    4: ("أبريل", "إبريل", "ابريل", "نيسان", "أفريل"),
    5: ("مايو", "أيار", "آيار", "ماي", "مايس"),
    6: ("يونيو", "يونيه", "حزيران", "جوان"),
    7: ("يوليو", "يوليه", "تموز", "جويلية", "جويلة", "يوليوز"),
    8: ("أغسطس", "اغسطس", "آب", "أوت", "غشت", "أغشت"),
    9: ("سبتمبر", "أيلول", "شتنبر"),
    10: ("أكتوبر", "تشرين الأول", "تشرين أول", "اكتوبر"),
    11: ("نوفمبر", "تشرين الثاني", "تشرين ثاني", "نونبر"),
    12: ("ديسمبر", "كانون الأول", "كانون أول", "دجنبر"),
}

_WEEKDAYS = ("الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت")

# Letters folded before matching, from the normalization tables: alef with hamza
# above/below, madda, wasla and wavy hamza -> alef; alef maksura and Farsi yeh -> yeh;
# teh marbuta -> heh; keheh -> kaf.  Arabic marks (harakat, tanween, shadda, sukun,
# superscript alef ...; combining hamza kept, as strip_diacritics keeps it) and tatweel
# are removed; Arabic-Indic and Extended Arabic-Indic digits become ASCII.  One
# str.translate table does it all (the keys are disjoint).
_FOLD_AND_DIGITS: dict[int, str | None] = {
    **{ord(c): T.ALEF for c in T.ALEF_VARIANTS},
    ord(T.ALEF_MAKSURA): T.YEH,
    ord(T.FARSI_YEH): T.YEH,
    ord(T.TEH_MARBUTA): T.HEH,
    ord(T.KEHEH): T.KAF,
    ord(T.TATWEEL): None,
    **{ord(c): None for c in T.STRIPPED_MARKS},
    **{ord(c): ascii_digit for c, ascii_digit in T.DIGITS.items()},
}

# A date line needs a digit: ASCII, ARABIC-INDIC (U+0660..U+0669) or EXTENDED
# ARABIC-INDIC (U+06F0..U+06F9), the only digits fold() maps to ASCII.
_ANY_DIGIT = re.compile(r"[0-9\u0660-\u0669\u06f0-\u06f9]")


def fold(s: str) -> str:
    """Fold letter variants, drop marks and tatweel, map digits to ASCII, squeeze spaces.

    Used to compare month and weekday names whatever their spelling.

    >>> fold("إبريل") == fold("أبريل") == fold("ابريل")
    True
    >>> fold("٢٧\u00a0أكتوبر")
    '27 اكتوبر'
    """
    # str.split() and re's \s agree on whitespace (both use str.isspace()).
    return " ".join(s.translate(_FOLD_AND_DIGITS).split())


#: Every month spelling, folded with :func:`fold`, mapped to its number (1-12); read-only.
MONTHS: Mapping[str, int] = MappingProxyType(
    {fold(name): n for n, names in _MONTH_NAMES.items() for name in names}
)


def _alternation(words: list[str]) -> str:
    # Longest first, so "كانون الثاني" wins over a shorter prefix.
    return "|".join(re.escape(w).replace("\\ ", " ") for w in sorted(words, key=len, reverse=True))


_MONTH_RE = _alternation(list(MONTHS))
_WEEKDAY_RE = _alternation(sorted({fold(w) for w in _WEEKDAYS}))
_SEP = r"\s*[،,]?\s*"
_TIME = (
    r"(?:\s*[،,\-–|]?\s*(?:الساعه\s*)?(?P<H>[0-9]{1,2})\s*:\s*(?P<M>[0-9]{2})"
    r"(?:\s*:\s*(?P<S>[0-9]{2}))?"
    r"(?:\s*(?P<ampm>ص|م|صباحا|مساء|ظهرا|am|pm|a\.m\.|p\.m\.))?)?"
)
# An optional label before the date, such as "تاريخ النشر:" or "آخر تحديث:" (folded).
_LABEL = r"(?:(?:تاريخ النشر|نشر في|نشر بتاريخ|اخر تحديث|بتاريخ)\s*:?\s*)?"
_PREFIX = rf"{_LABEL}(?:(?:يوم\s+)?(?:{_WEEKDAY_RE}){_SEP})?"
_MONTHS_GROUP = (
    rf"(?P<m1>{_MONTH_RE})(?:\s*(?:[/\-–]\s*(?P<m2>{_MONTH_RE})|\(\s*(?P<m3>{_MONTH_RE})\s*\)))?"
)
# A Gregorian year may carry its era: "2015م", "2015 م", "2015 ميلادي" (folded: tatweel gone,
# teh marbuta as heh).  Only a bare year takes it, so "2016 09:10 م" stays a 12-hour time.
_ERA = r"(?:\s*(?:م|ميلادي|ميلاديه|للميلاد)(?![^\W\d_]))?"
_DAY, _MONTH, _YEAR = (
    r"(?P<d>[0-9]{1,2})",
    r"(?P<mo>[0-9]{1,2})",
    rf"(?P<y>[0-9]{{4}}){_ERA}",
)
# A Hijri date given first, then the Gregorian one after "الموافق" ("corresponding to"):
# "السبت 13 ذو الحجة 1436 هـ الموافق 26 سبتمبر 2015".  The Hijri part is recognised by its
# shape (day, month name, four-digit year, optional هـ); only the Gregorian date is read.
_HIJRI_THEN = re.compile(
    r"(?:(?:يوم\s+)?[^\W\d_]+\s*[،,]?\s*)?[0-9]{1,2}\s+[^\W\d_]+(?:\s+[^\W\d_]+)?\s+"
    r"[0-9]{4}\s*(?:ه|هجري|هجريه)?\s*[،,\-–]?\s*الموافق\s*(?:ل\s*)?"
)

_NAMED = re.compile(rf"{_PREFIX}{_DAY}\s*{_MONTHS_GROUP}{_SEP}{_YEAR}{_TIME}", re.IGNORECASE)
_ISO = re.compile(rf"{_PREFIX}{_YEAR}-{_MONTH}-{_DAY}{_TIME}", re.IGNORECASE)
_YMD = re.compile(rf"{_PREFIX}{_YEAR}/{_MONTH}/{_DAY}{_TIME}", re.IGNORECASE)
_DMY = re.compile(rf"{_PREFIX}{_DAY}(?P<sep>[/.\-]){_MONTH}(?P=sep){_YEAR}{_TIME}", re.IGNORECASE)


_MAX_DATE_CHARS = 80  # a folded date line is at most this long

_MORNING = frozenset({"ص", "صباحا", "am", "a.m."})


def _time(m: re.Match[str]) -> dt.time | None:
    """The time in a match, None when absent; ValueError when impossible."""
    if m.group("H") is None:
        return None
    hour, minute = int(m.group("H")), int(m.group("M"))
    second = int(m.group("S")) if m.group("S") is not None else 0
    ampm = (m.group("ampm") or "").lower()
    if ampm and 1 <= hour <= 12:
        if ampm in _MORNING:
            hour = 0 if hour == 12 else hour
        else:
            hour = hour if hour == 12 else hour + 12
    elif ampm and (ampm in _MORNING or hour == 0):
        # "13:10 م" reads as a 24-hour time; "13:10 ص" and "0:10 م" contradict themselves.
        msg = "impossible 12-hour time"
        raise ValueError(msg)
    return dt.time(hour, minute, second)  # ValueError when out of range


def find_date(line: str) -> tuple[dt.date, dt.time | None] | None:
    """Read a line that is a date (and optionally a time) on its own.

    Returns ``(date, time)`` with ``time`` None when the line states no time,
    or None when the line is not wholly a valid date.  Surrounding whitespace,
    no-break spaces and the digit script do not matter.  A 12-hour time with
    ``ص`` (morning) or ``م`` (evening) is turned into a 24-hour time.  A
    weekday, when present, is not checked against the date: pages copied
    from the web sometimes name the wrong day, and the stated date wins
    (27 October 2016 below was a Thursday, not a Friday).

    >>> find_date("الخميس 27 أكتوبر 2016 09:10 ص")
    (datetime.date(2016, 10, 27), datetime.time(9, 10))
    >>> find_date("الجمعة 27 أكتوبر 2016")
    (datetime.date(2016, 10, 27), None)
    >>> find_date("٢٩ سبتمبر/أيلول ٢٠١٥")
    (datetime.date(2015, 9, 29), None)
    >>> find_date("2015-09-29")
    (datetime.date(2015, 9, 29), None)

    A year may carry its era (``2015م``, ``2015 ميلادي``), and a Hijri date
    followed by ``الموافق`` gives the Gregorian date after it:

    >>> find_date("الأحد 27 سبتمبر 2015م")
    (datetime.date(2015, 9, 27), None)
    >>> find_date("السبت 13 ذو الحجة 1436 هـ الموافق 26 سبتمبر 2015")
    (datetime.date(2015, 9, 26), None)
    >>> find_date("قال إن الاجتماع عقد في 27 أكتوبر 2016") is None
    True

    Raises:
        TypeError: if ``line`` is not a str.
    """
    return _find_date(check_str(line, "find_date()", "pass one line of text"))


@functools.lru_cache(maxsize=4096)
def _find_date(line: str) -> tuple[dt.date, dt.time | None] | None:
    """find_date without the type check, cached."""
    if _ANY_DIGIT.search(line) is None:  # cheap reject: every date shape has digits
        return None
    # Folding a prefix never gives a longer string than folding the whole line, so a
    # long line whose first 2 * _MAX_DATE_CHARS characters already fold too long is
    # rejected without folding all of it.
    if len(line) > 2 * _MAX_DATE_CHARS and len(fold(line[: 2 * _MAX_DATE_CHARS])) > _MAX_DATE_CHARS:
        return None
    s = fold(line)
    if not s or len(s) > _MAX_DATE_CHARS:
        return None
    hijri = _HIJRI_THEN.match(s)
    if hijri is not None:
        s = s[hijri.end() :]
    m = _NAMED.fullmatch(s)
    if m is not None:
        months = {
            MONTHS[fold(g).lower()] for g in (m.group("m1"), m.group("m2"), m.group("m3")) if g
        }
        if len(months) != 1:
            return None
        month = months.pop()
    else:
        m = _ISO.fullmatch(s) or _YMD.fullmatch(s) or _DMY.fullmatch(s)
        if m is None:
            return None
        month = int(m.group("mo"))
    try:
        return dt.date(int(m.group("y")), month, int(m.group("d"))), _time(m)
    except ValueError:
        return None
