"""Date and time recognition for whole date lines.

A *date line* is a line that holds a date and nothing else: a label such as
``تاريخ النشر:`` or ``Published:``, a weekday, a time of day, a UTC offset and
separators may come with it.  The shapes read (see ``docs/layout.md``):

* ISO 8601: ``2018-02-18``, ``2018-02-18T12:26:59+01:00``, ``…Z``;
* RFC 2822: ``Sun, 18 Feb 2018 12:26:59 GMT`` (or ``+0300``, ``EST`` …);
* numeric, day first: ``d/m/yyyy`` (also ``-`` or ``.``) and ``yyyy/m/d``;
* Arabic month names: ``[weekday][،] d MONTH[/MONTH][،] yyyy [الساعة] [H:MM[:SS] [ص|م]]``;
* English month names: ``February 18, 2018``, ``18 Feb 2018``, ``Thursday 27 October 2016``;
* Hijri dates: ``14-09-1432 هـ``, ``١٤ رمضان ١٤٣٢``, alone or beside a Gregorian one.

Digits may be ASCII, Arabic-Indic (U+0660..U+0669) or Extended Arabic-Indic
(U+06F0..U+06F9).  Arabic month names cover the Egyptian/Gulf, Levantine/Iraqi
and Maghrebi series with common spelling variants; a combined form such as
``سبتمبر/أيلول`` must name one month twice.  The weekday, when present, is not
checked against the date.

The line is folded first (:func:`fold`: one spelling per letter, single
spaces), then read by a scanner that matches one piece at a time at a known
position (label, weekday, date, a second date, time, offset); every piece has
bounded repeats only, so reading costs linear time whatever the line holds.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping
from types import MappingProxyType

import attrs

from ._checks import attrs_int, check_str
from .normalize import _tables as T  # noqa: N812  # the normalization tables

__all__ = ["HIJRI_MONTHS", "MONTHS", "DateReading", "HijriDate", "find_date", "fold", "read_date"]

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
# The Hijri months (1 Muharram … 12 Dhu al-Hijja) with the variants print uses: with or
# without the article, "الآخر"/"الثاني" for the second Rabi' and Jumada, the genitive ذي.
_HIJRI_MONTH_NAMES: dict[int, tuple[str, ...]] = {
    1: ("محرم", "المحرم"),
    2: ("صفر",),
    3: ("ربيع الأول", "ربيع أول"),
    4: ("ربيع الآخر", "ربيع الثاني", "ربيع ثاني", "ربيع آخر"),
    5: ("جمادى الأولى", "جمادى الأول", "جمادى أول"),
    6: ("جمادى الآخرة", "جمادى الثانية", "جمادى الآخر", "جمادى الثاني", "جمادى ثاني"),
    7: ("رجب",),
    8: ("شعبان",),
    9: ("رمضان",),
    10: ("شوال",),
    11: ("ذو القعدة", "ذي القعدة", "ذوالقعدة"),
    12: ("ذو الحجة", "ذي الحجة", "ذوالحجة"),
}
# English month names and the abbreviations print uses (matched whatever the case).
_ENGLISH_MONTHS: dict[int, tuple[str, ...]] = {
    1: ("january", "jan"),
    2: ("february", "feb"),
    3: ("march", "mar"),
    4: ("april", "apr"),
    5: ("may",),
    6: ("june", "jun"),
    7: ("july", "jul"),
    8: ("august", "aug"),
    9: ("september", "sept", "sep"),
    10: ("october", "oct"),
    11: ("november", "nov"),
    12: ("december", "dec"),
}

_WEEKDAYS = ("الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت")
_ENGLISH_WEEKDAYS = (
    "monday", "mon", "tuesday", "tues", "tue", "wednesday", "wed", "thursday", "thurs", "thur",
    "thu", "friday", "fri", "saturday", "sat", "sunday", "sun",
)  # fmt: skip

# Letters folded before matching, from the normalization tables: alef with hamza
# above/below, madda, wasla and wavy hamza -> alef; alef maksura and Farsi yeh -> yeh;
# teh marbuta -> heh; keheh -> kaf.  Arabic marks (harakat, tanween, shadda, sukun,
# superscript alef ...; combining hamza kept, as strip_diacritics keeps it) and tatweel
# are removed, and so are the invisible characters search ignores (bidi marks, zero-width
# spaces and joiners, the byte-order mark: web pages put them around and inside date
# lines); Arabic-Indic and Extended Arabic-Indic digits become ASCII.  One str.translate
# table does it all (the keys are disjoint).
_FOLD_AND_DIGITS: dict[int, str | None] = {
    **{ord(c): T.ALEF for c in T.ALEF_VARIANTS},
    ord(T.ALEF_MAKSURA): T.YEH,
    ord(T.FARSI_YEH): T.YEH,
    ord(T.TEH_MARBUTA): T.HEH,
    ord(T.KEHEH): T.KAF,
    ord(T.TATWEEL): None,
    **{ord(c): None for c in T.STRIPPED_MARKS},
    **{ord(c): None for c in T.INVISIBLE},
    **{ord(c): ascii_digit for c, ascii_digit in T.DIGITS.items()},
}


@functools.cache
def _removed_by_fold() -> dict[int, None]:
    """What fold() removes (marks, tatweel) or squeezes (whitespace), to delete in one pass.

    Built on first use from the normalization tables (every ``str.isspace()`` character is
    a horizontal space or a line break there).
    """
    spaces = T.HORIZONTAL_SPACES | T.LINE_BREAKS
    return {
        **{code: None for code, to in _FOLD_AND_DIGITS.items() if to is None},
        **{ord(c): None for c in spaces},
    }


# A date line needs a digit: ASCII, ARABIC-INDIC (U+0660..U+0669) or EXTENDED
# ARABIC-INDIC (U+06F0..U+06F9), the only digits fold() maps to ASCII.
_ANY_DIGIT = re.compile(r"[0-9\u0660-\u0669\u06f0-\u06f9]")


def fold(s: str) -> str:
    """Fold letter variants, drop marks, tatweel and invisibles, digits to ASCII, squeeze spaces.

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


#: Every Hijri month spelling, folded with :func:`fold`, mapped to its number (1-12).
HIJRI_MONTHS: Mapping[str, int] = MappingProxyType(
    {fold(name): n for n, names in _HIJRI_MONTH_NAMES.items() for name in names}
)
_EN_MONTHS = {name: n for n, names in _ENGLISH_MONTHS.items() for name in names}

# The Umm al-Qura tables that hijridate implements cover these Hijri years.
_UMM_AL_QURA_YEARS = (1343, 1500)
_HIJRI_MISSING = "HijriDate.to_gregorian() needs hijridate: pip install 'arnews[hijri]'"


@attrs.frozen
class HijriDate:
    """A date of the Hijri (Islamic lunar) calendar, exactly as a text states it.

    arnews never turns it into a Gregorian date by itself: when the calendar
    is the sighting-based one most countries use, the same printed date can
    fall a day apart from the computed Umm al-Qura calendar.  Ask for a
    conversion with :meth:`to_gregorian`.

    >>> h = HijriDate(1432, 9, 14)
    >>> h.isoformat()
    '1432-09-14'

    Raises:
        TypeError: if a part is not an int.
        ValueError: if the month is not 1-12, the day not 1-30, or the year below 1.
    """

    year: int = attrs.field(validator=attrs_int("HijriDate.year", 1, 9999))
    month: int = attrs.field(validator=attrs_int("HijriDate.month", 1, 12))
    day: int = attrs.field(validator=attrs_int("HijriDate.day", 1, 30))

    def isoformat(self) -> str:
        """The date as ``YYYY-MM-DD`` (Hijri year, month and day).

        >>> HijriDate(1436, 12, 13).isoformat()
        '1436-12-13'
        """
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @classmethod
    def fromisoformat(cls, text: str) -> HijriDate:
        """The HijriDate written ``YYYY-MM-DD`` (as :meth:`isoformat` writes it).

        >>> HijriDate.fromisoformat("1432-09-14")
        HijriDate(year=1432, month=9, day=14)

        Raises:
            TypeError: if ``text`` is not a str.
            ValueError: if it is not ``YYYY-MM-DD`` or names no Hijri date.
        """
        check_str(text, "HijriDate.fromisoformat()", "pass e.g. '1432-09-14'")
        m = re.fullmatch(r"([0-9]{4})-([0-9]{2})-([0-9]{2})", text)
        if m is None:
            msg = f"HijriDate.fromisoformat() expects 'YYYY-MM-DD', got {text!r}"
            raise ValueError(msg)
        return cls(int(m[1]), int(m[2]), int(m[3]))

    def to_gregorian(self) -> dt.date:
        """The Gregorian date of this day in the Umm al-Qura calendar (needs ``arnews[hijri]``).

        The Umm al-Qura calendar is Saudi Arabia's official, computed calendar;
        `hijridate <https://pypi.org/project/hijridate/>`_ implements it from
        its published tables for 1343-1500 AH (1924-2077).  Where a text
        follows the sighting of the moon, its Gregorian date may differ by a day.

        >>> HijriDate(1432, 9, 14).to_gregorian()
        datetime.date(2011, 8, 14)

        Raises:
            ImportError: if hijridate is not installed (``pip install 'arnews[hijri]'``).
            ValueError: if the year is outside 1343-1500, or the month has no such
                day in the Umm al-Qura calendar (it has 29 days that year).
        """
        try:
            from hijridate import Hijri  # noqa: PLC0415 - optional dependency, imported on use
        except ImportError as exc:
            raise ImportError(_HIJRI_MISSING) from exc
        low, high = _UMM_AL_QURA_YEARS
        if not low <= self.year <= high:
            msg = (
                f"{self.isoformat()} AH is outside the Umm al-Qura tables ({low}-{high} AH, "
                f"1924-2077); no conversion is made for it"
            )
            raise ValueError(msg)
        try:
            gregorian = Hijri(self.year, self.month, self.day).to_gregorian()
        except (ValueError, OverflowError) as exc:
            msg = f"{self.isoformat()} AH is no day of the Umm al-Qura calendar ({exc})"
            raise ValueError(msg) from None
        return dt.date(gregorian.year, gregorian.month, gregorian.day)


@attrs.frozen
class DateReading:
    """What a date line states: Gregorian date, time, UTC offset and Hijri date (each or None).

    At least one of ``date`` and ``hijri`` is set.  ``time`` is the time as
    written (in the stated offset, when there is one).

    >>> read_date("2018-02-18T12:26:59+01:00").utc_offset
    datetime.timedelta(seconds=3600)
    """

    date: dt.date | None
    time: dt.time | None
    utc_offset: dt.timedelta | None
    hijri: HijriDate | None


# -- the pieces -------------------------------------------------------------------------------
# Each piece is matched at a known position of the folded line (``pattern.match(s, pos)``).
# The folded line has single spaces only, and every repeat below is bounded, so no piece can
# backtrack across a long run whatever it is given.


def _alternation(words: list[str]) -> str:
    # Longest first, so "كانون الثاني" wins over a shorter prefix.
    return "|".join(re.escape(w).replace("\\ ", " ") for w in sorted(words, key=len, reverse=True))


_WORD_END = r"(?![^\W\d_])"  # no letter follows: the word ends here
# A label before the date (folded): "تاريخ النشر:", "آخر تحديث:", "Published:", "Updated".
# "Published On" is not one: it closes a related teaser (arnews._parse reads it there).
_LABEL = re.compile(
    r"(?:تاريخ النشر|نشر في|نشر بتاريخ|نشر يوم|اخر تحديث|تم التحديث|تحديث|بتاريخ"
    rf"|published|posted on|posted|last updated|updated on|updated|date){_WORD_END} ?:? ?",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(
    rf"(?:يوم )?(?:{_alternation(sorted({fold(w) for w in _WEEKDAYS}))}"
    rf"|{_alternation(list(_ENGLISH_WEEKDAYS))}){_WORD_END}\.?(?: ?[،,] ?| |(?=[0-9]))",
    re.IGNORECASE,
)
_AR_MONTH = _alternation(list(MONTHS))
_EN_MONTH = _alternation(list(_EN_MONTHS))
_HIJRI_MONTH = _alternation(list(HIJRI_MONTHS))
_YEAR = r"(?P<y>[0-9]{4})(?![0-9])"
_ORDINAL = r"(?:st|nd|rd|th)?"
# An era after the year: Gregorian "2015م", "2015 ميلادي"; Hijri "1432 هـ", "1432 هجرية",
# "للهجرة" (folded: tatweel gone, teh marbuta as heh).  Only a bare year takes one, so the
# م of "2016 09:10 م" stays a 12-hour mark.
_ERA = re.compile(rf" ?(?:م|ميلادي|ميلاديه|للميلاد){_WORD_END}")
_HIJRI_ERA = re.compile(rf" ?(?:ه|هجري|هجريه|للهجره){_WORD_END}")

# Date parts.  Arabic month names: "27 أكتوبر 2016", "29 سبتمبر/أيلول 2015", "6 يناير، 2015".
_AR_NAMED = re.compile(
    rf"(?P<d>[0-9]{{1,2}}) ?(?P<m1>{_AR_MONTH})"
    rf"(?: ?(?:[/\-–] ?(?P<m2>{_AR_MONTH})|\( ?(?P<m3>{_AR_MONTH}) ?\)))?"
    rf"{_WORD_END} ?[،,]? ?{_YEAR}",
    re.IGNORECASE,
)
# English: "18 Feb 2018", "18th of February, 2018"; "February 18, 2018", "Feb. 18 2018".
_EN_DMY = re.compile(
    rf"(?P<d>[0-9]{{1,2}}){_ORDINAL} (?:of )?(?P<m1>{_EN_MONTH}){_WORD_END}\.?,? {_YEAR}",
    re.IGNORECASE,
)
_EN_MDY = re.compile(
    rf"(?P<m1>{_EN_MONTH}){_WORD_END}\.? (?P<d>[0-9]{{1,2}}){_ORDINAL},? {_YEAR}",
    re.IGNORECASE,
)
_HIJRI_NAMED = re.compile(
    rf"(?P<d>[0-9]{{1,2}}) ?(?P<m1>{_HIJRI_MONTH}){_WORD_END} ?[،,]? ?{_YEAR}"
)
# Numeric, day first ("29/9/2015", "18.02.2018", "14-09-1432") or year first ("2016/10/27",
# ISO "2015-09-29"); the two separators are the same character.
_DMY = re.compile(rf"(?P<d>[0-9]{{1,2}})(?P<sep>[/.\-])(?P<mo>[0-9]{{1,2}})(?P=sep){_YEAR}")
_YMD = re.compile(rf"{_YEAR}(?P<sep>[/\-])(?P<mo>[0-9]{{1,2}})(?P=sep)(?P<d>[0-9]{{1,2}})(?![0-9])")
# Between a Hijri and a Gregorian date: a dash, a bar, a slash, a comma, "الموافق" (and "ل").
_BETWEEN = re.compile(r" ?(?:[\-–—|/،,] ?)?(?:الموافق(?: ل)? ?)?")
# A time: "09:10", "12:26:59.250", after "T", "الساعة", "at" or a separator; then a 12-hour
# mark: ص/صباحاً (morning), م/مساءً/ظهراً/عصراً (afternoon, evening), AM/PM.
_CLOCK = (
    r"(?P<H>[0-9]{1,2}) ?: ?(?P<M>[0-9]{2})(?: ?: ?(?P<S>[0-9]{2})(?:[.,](?P<F>[0-9]{1,9}))?)?"
    r"(?: ?(?P<ampm>صباحا|مساءا|مساء|ظهرا|عصرا|ص|م|am|pm|a\.m\.|p\.m\.)(?![^\W\d_]))?"
)
_TIME = re.compile(rf"(?:T| ?[،,\-–|]? ?(?:(?:الساعه|at) )?){_CLOCK}", re.IGNORECASE)
# A time that opens the line, before the date: "12:30 م - 27 سبتمبر 2015", "الساعة 10:45،
# الأحد 27 سبتمبر 2015", "10:45 AM, September 27, 2015"; a separator or a space follows it.
_LEAD_TIME = re.compile(rf"(?:(?:الساعه|at) )?{_CLOCK}(?: ?[،,\-–—|] ?| )", re.IGNORECASE)
# A UTC offset: "Z", "+01:00", "+0100", "GMT", "UTC", "UT", "GMT+3", the North American zones
# of RFC 2822, "بتوقيت غرينتش" (Greenwich time), possibly in parentheses.
_ZONE = re.compile(
    r" ?\(?(?:(?P<z>z)|(?P<name>gmt|utc|ut|est|edt|cst|cdt|mst|mdt|pst|pdt)(?![a-z])"
    r"|(?P<greenwich>بتوقيت (?:غرينتش|جرينتش|غرينيتش|جرينيتش|غرنتش)))?"
    r"(?:(?P<sign>[+\-−])(?P<oh>[0-9]{1,2})(?::?(?P<om>[0-9]{2}))?)?\)?",
    re.IGNORECASE,
)
_ZONE_HOURS = {
    "gmt": 0, "utc": 0, "ut": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5,
    "mst": -7, "mdt": -6, "pst": -8, "pdt": -7,
}  # fmt: skip

_MAX_DATE_CHARS = 100  # a folded date line is at most this long
_MORNING = frozenset({"ص", "صباحا", "am", "a.m."})
# A numeric date without an era whose year lies here is Hijri: as a Gregorian year it could be
# no news date, and Hijri years 1300-1500 are 1882-2077.
_HIJRI_YEARS = range(1300, 1501)

_Part = tuple[str, tuple[int, int, int], int]  # calendar ("g" or "h"), (y, m, d), end


def _date_part(s: str, pos: int) -> _Part | None:
    """The date at ``pos`` of the folded line, or None."""
    m = _AR_NAMED.match(s, pos)
    if m is not None:
        months = {MONTHS[fold(g).lower()] for g in (m["m1"], m["m2"], m["m3"]) if g}
        if len(months) != 1:
            return None
        return _with_era(s, "g", (int(m["y"]), months.pop(), int(m["d"])), m.end())
    m = _HIJRI_NAMED.match(s, pos)
    if m is not None:
        return _with_era(s, "h", (int(m["y"]), HIJRI_MONTHS[m["m1"]], int(m["d"])), m.end())
    for pattern in (_EN_DMY, _EN_MDY):
        m = pattern.match(s, pos)
        if m is not None:
            month = _EN_MONTHS[m["m1"].lower()]
            return _with_era(s, "g", (int(m["y"]), month, int(m["d"])), m.end())
    for pattern in (_YMD, _DMY):
        m = pattern.match(s, pos)
        if m is not None:
            return _with_era(s, "n", (int(m["y"]), int(m["mo"]), int(m["d"])), m.end())
    return None


def _with_era(s: str, calendar: str, ymd: tuple[int, int, int], end: int) -> _Part | None:
    """The part with an era mark after its year read; the mark fixes a numeric date's calendar.

    ``calendar`` is ``"g"`` (a Gregorian month name), ``"h"`` (a Hijri month name) or ``"n"``
    (numeric: Gregorian unless an era or the year's range says Hijri).
    """
    gregorian, hijri = _ERA.match(s, end), _HIJRI_ERA.match(s, end)
    if gregorian is not None and calendar != "h":
        return "g", ymd, gregorian.end()
    if hijri is not None and calendar != "g":
        return "h", ymd, hijri.end()
    if calendar == "n":
        return ("h" if ymd[0] in _HIJRI_YEARS else "g"), ymd, end
    return calendar, ymd, end


def _time(m: re.Match[str]) -> dt.time | None:
    """The time of a time match, or None when it is impossible."""
    hour, minute = int(m["H"]), int(m["M"])
    second = int(m["S"]) if m["S"] is not None else 0
    micro = int((m["F"] or "0")[:6].ljust(6, "0"))
    ampm = (m["ampm"] or "").lower()
    if ampm and 1 <= hour <= 12:
        if ampm in _MORNING:
            hour = 0 if hour == 12 else hour
        else:
            hour = hour if hour == 12 else hour + 12
    elif ampm and (ampm in _MORNING or hour == 0):
        # "13:10 م" reads as a 24-hour time; "13:10 ص" and "0:10 م" contradict themselves.
        return None
    try:
        return dt.time(hour, minute, second, micro)
    except ValueError:
        return None


def _offset(m: re.Match[str]) -> dt.timedelta | None:
    """The offset a zone match states (None when it states none); ValueError when impossible."""
    base = dt.timedelta(0)
    if m["name"] is not None:
        base = dt.timedelta(hours=_ZONE_HOURS[m["name"].lower()])
    named = m["z"] is not None or m["name"] is not None or m["greenwich"] is not None
    if m["sign"] is None:
        return base if named else None
    hours, minutes = int(m["oh"]), int(m["om"] or 0)
    if m["z"] is not None or hours >= 24 or minutes >= 60:
        msg = "impossible offset"
        raise ValueError(msg)
    delta = dt.timedelta(hours=hours, minutes=minutes)
    return base - delta if m["sign"] in "-−" else base + delta


@functools.lru_cache(maxsize=4096)
def _read_folded(s: str) -> DateReading | None:
    """:func:`read_date` on a folded line of at most ``_MAX_DATE_CHARS`` characters (cached).

    The cache is keyed by such short strings only, so it never keeps a long line alive.
    """
    pos = 0
    for piece in (_LABEL, _WEEKDAY):
        m = piece.match(s, pos)
        if m is not None:
            pos = m.end()
    first = _date_part(s, pos)
    lead: dt.time | None = None
    if first is None:  # the time may come first
        m = _LEAD_TIME.match(s, pos)
        if m is None or (lead := _time(m)) is None:
            return None
        weekday = _WEEKDAY.match(s, m.end())
        first = _date_part(s, m.end() if weekday is None else weekday.end())
        if first is None:
            return None
    parts = [first]
    pos = first[2]
    between = _BETWEEN.match(s, pos)
    if between is not None and between.end() > pos:  # a second date, of the other calendar?
        at = between.end()
        weekday = _WEEKDAY.match(s, at)
        second = _date_part(s, weekday.end() if weekday is not None else at)
        if second is not None and second[0] != first[0]:
            parts.append(second)
            pos = second[2]
    time: dt.time | None = lead
    m = _TIME.match(s, pos)
    if m is not None:
        time = _time(m)
        if time is None or lead is not None:  # an impossible time, or a second one
            return None
        pos = m.end()
    offset: dt.timedelta | None = None
    m = _ZONE.match(s, pos)
    if m is not None and m.end() > pos:
        if time is None:  # an offset belongs to a time
            return None
        try:
            offset = _offset(m)
        except ValueError:
            return None
        pos = m.end()
    if pos != len(s):
        return None
    date: dt.date | None = None
    hijri: HijriDate | None = None
    for calendar, (y, mo, d), _ in parts:
        try:
            if calendar == "g":
                date = dt.date(y, mo, d)
            else:
                hijri = HijriDate(y, mo, d)
        except ValueError:
            return None
    return DateReading(date, time, offset, hijri)


def read_date(line: str) -> DateReading | None:
    """Read a line that is a date on its own: Gregorian date, time, UTC offset, Hijri date.

    Returns None when the line is not wholly a valid date.  The time is the
    time as written, in the stated offset; ``utc_offset`` is None when the
    line states none.  A Hijri date is kept as a :class:`HijriDate`, never
    converted: a line that states only a Hijri date has ``date`` None.

    >>> r = read_date("2018-02-18T12:26:59+01:00")
    >>> r.date, r.time, r.utc_offset, r.hijri
    (datetime.date(2018, 2, 18), datetime.time(12, 26, 59), datetime.timedelta(seconds=3600), None)
    >>> read_date("Sun, 18 Feb 2018 12:26:59 GMT").utc_offset
    datetime.timedelta(0)
    >>> read_date("الأحد 18 فبراير 2018 - 12:26 بتوقيت غرينتش").utc_offset
    datetime.timedelta(0)
    >>> r = read_date("14-09-1432 هـ")
    >>> r.date, r.hijri
    (None, HijriDate(year=1432, month=9, day=14))
    >>> r = read_date("الأحد 14 رمضان 1432 هـ - 14 أغسطس 2011م")
    >>> r.date, r.hijri.isoformat()
    (datetime.date(2011, 8, 14), '1432-09-14')
    >>> read_date("قال إن الاجتماع عقد في 27 أكتوبر 2016") is None
    True

    Raises:
        TypeError: if ``line`` is not a str.
    """
    check_str(line, "read_date()", "pass one line of text")
    if len(line) <= 2 * _MAX_DATE_CHARS:  # short lines, a date line's length: cached
        return _read_short(line)
    return _read_line(line)


@functools.lru_cache(maxsize=4096)
def _read_short(line: str) -> DateReading | None:
    """:func:`_read_line` for a line of at most ``2 * _MAX_DATE_CHARS`` characters, cached.

    Keyed by such short lines only, the cache never keeps a long line alive.
    """
    return _read_line(line)


def _read_line(line: str) -> DateReading | None:
    """:func:`read_date` without the type check."""
    if _ANY_DIGIT.search(line) is None:  # cheap reject: every date shape has digits
        return None
    # Folding keeps every character but whitespace, marks and tatweel, so a long line whose
    # first 2 * _MAX_DATE_CHARS characters already keep too many is rejected without
    # folding it (one translate, no split).
    if len(line) > 2 * _MAX_DATE_CHARS:
        kept = line[: 2 * _MAX_DATE_CHARS].translate(_removed_by_fold())
        if len(kept) > _MAX_DATE_CHARS:
            return None
    s = fold(line)
    if not s or len(s) > _MAX_DATE_CHARS:
        return None
    return _read_folded(s)


def find_date(line: str) -> tuple[dt.date, dt.time | None] | None:
    """Read a line that is a Gregorian date (and optionally a time) on its own.

    Returns ``(date, time)`` with ``time`` None when the line states no time,
    or None when the line is not wholly a valid date or states no Gregorian
    date.  Whitespace, no-break spaces, invisible marks (bidi marks, zero-width
    spaces, a byte-order mark) and the digit script do not matter.  A 12-hour
    time (``ص``/``م``, ``صباحاً``/``مساءً``, AM/PM) is turned into a 24-hour time; the
    time is as written, in the line's own offset (:func:`read_date` gives
    the offset and any Hijri date too).  A
    weekday, when present, is not checked against the date: pages copied
    from the web sometimes name the wrong day, and the stated date wins
    (27 October 2016 below was a Thursday, not a Friday).

    Arabic month names, any regional series, any digits:

    >>> find_date("الخميس 27 أكتوبر 2016 09:10 ص")
    (datetime.date(2016, 10, 27), datetime.time(9, 10))
    >>> find_date("الجمعة 27 أكتوبر 2016")
    (datetime.date(2016, 10, 27), None)
    >>> find_date("٢٩ سبتمبر/أيلول ٢٠١٥")
    (datetime.date(2015, 9, 29), None)
    >>> find_date("6 يناير، 2015، الساعة 05:16 مساءً")
    (datetime.date(2015, 1, 6), datetime.time(17, 16))
    >>> find_date("نشر في: الأحد 18 فبراير 2018 - 09:30 صباحاً")
    (datetime.date(2018, 2, 18), datetime.time(9, 30))

    Numeric (day first) and ISO 8601, with a time and an offset:

    >>> find_date("29/9/2015")
    (datetime.date(2015, 9, 29), None)
    >>> find_date("2015-09-29")
    (datetime.date(2015, 9, 29), None)
    >>> find_date("2018-02-18T12:26:59+01:00")
    (datetime.date(2018, 2, 18), datetime.time(12, 26, 59))

    RFC 2822 and English date lines:

    >>> find_date("Sun, 18 Feb 2018 12:26:59 GMT")
    (datetime.date(2018, 2, 18), datetime.time(12, 26, 59))
    >>> find_date("February 18, 2018")
    (datetime.date(2018, 2, 18), None)
    >>> find_date("18 Feb 2018")
    (datetime.date(2018, 2, 18), None)
    >>> find_date("Thursday 27 October 2016")
    (datetime.date(2016, 10, 27), None)

    A year may carry its era (``2015م``, ``2015 ميلادي``).  A Hijri date beside
    a Gregorian one gives the Gregorian date; a Hijri date alone gives no
    Gregorian date at all (:func:`read_date` keeps it as a Hijri value):

    >>> find_date("الأحد 27 سبتمبر 2015م")
    (datetime.date(2015, 9, 27), None)
    >>> find_date("السبت 13 ذو الحجة 1436 هـ الموافق 26 سبتمبر 2015")
    (datetime.date(2015, 9, 26), None)
    >>> find_date("14-09-1432 هـ") is None, find_date("١٤ رمضان ١٤٣٢") is None
    (True, True)
    >>> find_date("قال إن الاجتماع عقد في 27 أكتوبر 2016") is None
    True

    Raises:
        TypeError: if ``line`` is not a str.
    """
    check_str(line, "find_date()", "pass one line of text")
    found = read_date(line)
    if found is None or found.date is None:
        return None
    return found.date, found.time
