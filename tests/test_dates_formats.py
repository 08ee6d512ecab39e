"""Date lines as other outlets print them: ISO 8601 with offsets, RFC 2822, English, Hijri.

``find_date`` keeps its shape, ``(date, time)`` with the Gregorian date and the time as
written; ``read_date`` also gives the UTC offset and the Hijri date a line states.  Expected
values come from the formats' definitions (ISO 8601, RFC 2822 section 3.3) and the calendar,
never from the code under test.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arnews import HijriDate, find_date, read_date

H = dt.timedelta(hours=1)
UTC = dt.timedelta(0)


def reading(line: str) -> tuple[object, ...] | None:
    """(date, time, utc_offset, hijri as (y, m, d)) for a line, or None."""
    found = read_date(line)
    if found is None:
        return None
    h = found.hijri
    return (
        found.date,
        found.time,
        found.utc_offset,
        None if h is None else (h.year, h.month, h.day),
    )


# --------------------------------------------------------------------------- ISO 8601

ISO = [
    ("2018-02-18T12:26:59+01:00", dt.date(2018, 2, 18), dt.time(12, 26, 59), H),
    ("2018-02-18T12:26:59Z", dt.date(2018, 2, 18), dt.time(12, 26, 59), UTC),
    ("2018-02-18T12:26:59z", dt.date(2018, 2, 18), dt.time(12, 26, 59), UTC),
    ("2018-02-18T12:26:59.000Z", dt.date(2018, 2, 18), dt.time(12, 26, 59), UTC),
    ("2018-02-18T12:26:59.250+03:00", dt.date(2018, 2, 18), dt.time(12, 26, 59, 250000), 3 * H),
    ("2018-02-18 12:26:59+0100", dt.date(2018, 2, 18), dt.time(12, 26, 59), H),
    ("2018-02-18T12:26+01:00", dt.date(2018, 2, 18), dt.time(12, 26), H),
    ("2018-02-18T07:26:59-05:00", dt.date(2018, 2, 18), dt.time(7, 26, 59), -5 * H),
    ("2018-02-18T17:56:59+05:30", dt.date(2018, 2, 18), dt.time(17, 56, 59), 5.5 * H),
    ("2018-02-18T12:26:59+00:00", dt.date(2018, 2, 18), dt.time(12, 26, 59), UTC),
    ("2018-02-18T12:26:59", dt.date(2018, 2, 18), dt.time(12, 26, 59), None),
    ("آخر تحديث: 2018-02-18T10:26:59Z", dt.date(2018, 2, 18), dt.time(10, 26, 59), UTC),
    ("تاريخ النشر: 2018-02-18 12:26", dt.date(2018, 2, 18), dt.time(12, 26), None),
]


@pytest.mark.parametrize(("line", "date", "time", "offset"), ISO)
def test_iso_8601_with_time_and_offset(
    line: str, date: dt.date, time: dt.time, offset: dt.timedelta | None
) -> None:
    assert find_date(line) == (date, time)  # the time as written, in the stated offset
    assert reading(line) == (date, time, offset, None)


@pytest.mark.parametrize(
    "line",
    [
        "2018-02-18T25:26:59+01:00",  # no hour 25
        "2018-02-18T12:26:59+25:00",  # no offset of a day or more
        "2018-02-18T12:26:59+01:75",  # no minute 75 in an offset
        "2018-02-30T12:00:00Z",  # no 30 February
        "2018-02-18T",  # a T without a time
        "2018-02-18T12:26:59+",  # a sign without an offset
    ],
)
def test_impossible_iso_lines_are_no_date(line: str) -> None:
    assert find_date(line) is None
    assert read_date(line) is None


@given(
    st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2200, 12, 31)),
    st.integers(-23 * 60 - 59, 23 * 60 + 59),
)
def test_any_aware_datetime_round_trips_through_isoformat(
    moment: dt.datetime, minutes: int
) -> None:
    aware = moment.replace(tzinfo=dt.timezone(dt.timedelta(minutes=minutes)))
    found = read_date(aware.isoformat())
    assert found is not None
    assert (found.date, found.time, found.utc_offset) == (
        aware.date(),
        aware.time(),
        dt.timedelta(minutes=minutes),
    )


# --------------------------------------------------------------------------- RFC 2822

RFC = [
    ("Sun, 18 Feb 2018 12:26:59 GMT", dt.date(2018, 2, 18), dt.time(12, 26, 59), UTC),
    ("Sun, 18 Feb 2018 12:26:59 +0000", dt.date(2018, 2, 18), dt.time(12, 26, 59), UTC),
    ("Thu, 27 Oct 2016 09:10:00 +0300", dt.date(2016, 10, 27), dt.time(9, 10), 3 * H),
    ("Tue, 06 Jan 2015 17:16:00 -0500", dt.date(2015, 1, 6), dt.time(17, 16), -5 * H),
    ("Tue, 6 Jan 2015 17:16 -0500", dt.date(2015, 1, 6), dt.time(17, 16), -5 * H),
    ("18 Feb 2018 12:26:59 GMT", dt.date(2018, 2, 18), dt.time(12, 26, 59), UTC),
    ("Sun, 18 Feb 2018 12:26:59 UT", dt.date(2018, 2, 18), dt.time(12, 26, 59), UTC),
    ("Sun, 18 Feb 2018 12:26:59 UTC", dt.date(2018, 2, 18), dt.time(12, 26, 59), UTC),
    ("Sun, 18 Feb 2018 07:26:59 EST", dt.date(2018, 2, 18), dt.time(7, 26, 59), -5 * H),
    ("Mon, 18 Jun 2018 08:26:59 EDT", dt.date(2018, 6, 18), dt.time(8, 26, 59), -4 * H),
    ("Sun, 18 Feb 2018 04:26:59 PST", dt.date(2018, 2, 18), dt.time(4, 26, 59), -8 * H),
    ("Sun, 18 Feb 2018 12:26:59 +0545", dt.date(2018, 2, 18), dt.time(12, 26, 59), 5.75 * H),
]


@pytest.mark.parametrize(("line", "date", "time", "offset"), RFC)
def test_rfc_2822_lines(line: str, date: dt.date, time: dt.time, offset: dt.timedelta) -> None:
    assert find_date(line) == (date, time)
    assert reading(line) == (date, time, offset, None)


@given(
    st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2200, 12, 31)),
    st.integers(-23 * 60 - 59, 23 * 60 + 59),
)
def test_any_rfc_2822_date_from_the_standard_library_is_read(
    moment: dt.datetime, minutes: int
) -> None:
    import email.utils

    aware = moment.replace(microsecond=0, tzinfo=dt.timezone(dt.timedelta(minutes=minutes)))
    line = email.utils.format_datetime(aware)  # "Sun, 18 Feb 2018 12:26:59 +0100"
    assert reading(line) == (aware.date(), aware.time(), dt.timedelta(minutes=minutes), None)


# --------------------------------------------------------------------------- English lines

ENGLISH = [
    ("February 18, 2018", dt.date(2018, 2, 18), None),
    ("Feb 18, 2018", dt.date(2018, 2, 18), None),
    ("Feb. 18, 2018", dt.date(2018, 2, 18), None),
    ("Sept. 5, 2017", dt.date(2017, 9, 5), None),
    ("FEBRUARY 18, 2018", dt.date(2018, 2, 18), None),
    ("18 Feb 2018", dt.date(2018, 2, 18), None),
    ("18 February 2018", dt.date(2018, 2, 18), None),
    ("18th February 2018", dt.date(2018, 2, 18), None),
    ("1st March 2017", dt.date(2017, 3, 1), None),
    ("Thursday 27 October 2016", dt.date(2016, 10, 27), None),
    ("Thursday, 27 October 2016", dt.date(2016, 10, 27), None),
    ("Thursday, October 27, 2016", dt.date(2016, 10, 27), None),
    ("Thu, Oct 27, 2016", dt.date(2016, 10, 27), None),
    ("Sunday, February 18, 2018 12:26 PM", dt.date(2018, 2, 18), dt.time(12, 26)),
    ("Wednesday, March 1, 2017 9:10 AM", dt.date(2017, 3, 1), dt.time(9, 10)),
    ("February 18, 2018 at 3:05 pm", dt.date(2018, 2, 18), dt.time(15, 5)),
    ("February 18, 2018 12:00 AM", dt.date(2018, 2, 18), dt.time(0, 0)),
    ("18 February 2018 | 12:26", dt.date(2018, 2, 18), dt.time(12, 26)),
    ("Published: February 18, 2018", dt.date(2018, 2, 18), None),
    ("Updated: 18 Feb 2018 12:26", dt.date(2018, 2, 18), dt.time(12, 26)),
    ("Posted on 18 February 2018", dt.date(2018, 2, 18), None),
]


@pytest.mark.parametrize(("line", "date", "time"), ENGLISH)
def test_english_date_lines(line: str, date: dt.date, time: dt.time | None) -> None:
    assert find_date(line) == (date, time)


@pytest.mark.parametrize(
    "line",
    [
        "February 2018",  # no day
        "February 30, 2018",  # no such day
        "18 Febr 2018",  # no such abbreviation
        "The meeting was held on February 18, 2018",  # a sentence, not a date line
        "February 18, 2018 13:10 AM",  # 13 o'clock in the morning contradicts itself
        "Mayday 18, 2018",
    ],
)
def test_not_english_date_lines(line: str) -> None:
    assert find_date(line) is None


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)))
def test_any_date_round_trips_through_english_forms(day: dt.date) -> None:
    # %B and %A are English month and weekday names in the C locale the tests run in.
    for form in ("%B %d, %Y", "%d %b %Y", "%A %d %B %Y", "%a, %d %b %Y", "%A, %B %d, %Y"):
        assert find_date(day.strftime(form)) == (day, None), form


# --------------------------------------------------------------------------- Arabic, with times

ARABIC = [
    ("6 يناير، 2015، الساعة 05:16 مساءً", dt.date(2015, 1, 6), dt.time(17, 16), None),
    ("الثلاثاء 6 يناير 2015 الساعة 05:16 صباحاً", dt.date(2015, 1, 6), dt.time(5, 16), None),
    ("الأحد 18 فبراير 2018 - 12:26 ظهراً", dt.date(2018, 2, 18), dt.time(12, 26), None),
    ("الأحد 18 فبراير 2018 - 12:26 بتوقيت غرينتش", dt.date(2018, 2, 18), dt.time(12, 26), UTC),
    ("الأحد 18 فبراير 2018 - 12:26 بتوقيت جرينتش", dt.date(2018, 2, 18), dt.time(12, 26), UTC),
    ("18 فبراير 2018 12:26 GMT", dt.date(2018, 2, 18), dt.time(12, 26), UTC),
    ("نشر في: الأحد 18 فبراير 2018 - 09:30 صباحاً", dt.date(2018, 2, 18), dt.time(9, 30), None),
    ("نشر في: 18/02/2018 - 09:30 ص", dt.date(2018, 2, 18), dt.time(9, 30), None),
    ("18.02.2018 | 12:26", dt.date(2018, 2, 18), dt.time(12, 26), None),
    ("٦ يناير، ٢٠١٥، الساعة ٠٥:١٦ مساءً", dt.date(2015, 1, 6), dt.time(17, 16), None),
    ("الخميس 1 يناير 2015 الساعة 12:00 صباحاً", dt.date(2015, 1, 1), dt.time(0, 0), None),
    # The time first, then the date (a separator or a space between them).
    ("12:30 م - 27 سبتمبر 2015", dt.date(2015, 9, 27), dt.time(12, 30), None),
    ("09:10 مساءً | الأحد 27 سبتمبر 2015", dt.date(2015, 9, 27), dt.time(21, 10), None),
    ("الساعة 05:16 صباحاً، الثلاثاء 6 يناير 2015", dt.date(2015, 1, 6), dt.time(5, 16), None),
    ("10:45 AM, September 27, 2015", dt.date(2015, 9, 27), dt.time(10, 45), None),
    ("14:05 27/09/2015", dt.date(2015, 9, 27), dt.time(14, 5), None),
    ("٠٩:١٠ م - ٢٧ سبتمبر ٢٠١٥", dt.date(2015, 9, 27), dt.time(21, 10), None),
]


@pytest.mark.parametrize(
    "line",
    [
        "12:30 م - 27 سبتمبر 2015 - 11:00",  # two times
        "13:10 ص - 27 سبتمبر 2015",  # a 24-hour hour with a morning mark
        "12:30 م - قال الوزير 27 سبتمبر 2015",  # words between the time and the date
        "12:30 م - سبتمبر 2015",  # no day
        "12:30 م -",  # no date at all
    ],
)
def test_a_time_first_line_is_a_date_only_when_the_rest_is_one(line: str) -> None:
    assert read_date(line) is None


@pytest.mark.parametrize(("line", "date", "time", "offset"), ARABIC)
def test_arabic_date_lines_with_times(
    line: str, date: dt.date, time: dt.time, offset: dt.timedelta | None
) -> None:
    assert find_date(line) == (date, time)
    assert reading(line) == (date, time, offset, None)


# --------------------------------------------------------------------------- Hijri

# Hijri month names, by number (1 محرم … 12 ذو الحجة), with the variants print uses.
HIJRI_MONTHS = {
    1: ["محرم", "المحرم"],
    2: ["صفر"],
    3: ["ربيع الأول", "ربيع أول"],
    4: ["ربيع الآخر", "ربيع الثاني", "ربيع ثاني"],
    5: ["جمادى الأولى", "جمادى الأول"],
    6: ["جمادى الآخرة", "جمادى الثانية", "جمادى الآخر"],
    7: ["رجب"],
    8: ["شعبان"],
    9: ["رمضان"],
    10: ["شوال"],
    11: ["ذو القعدة", "ذي القعدة"],
    12: ["ذو الحجة", "ذي الحجة"],
}


@pytest.mark.parametrize(
    "line",
    [
        "14-09-1432 هـ",
        "14/9/1432هـ",
        "14/09/1432 هجرية",
        "1432/09/14 هـ",
        "١٤ رمضان ١٤٣٢",
        "١٤ رمضان ١٤٣٢ هـ",
        "الأحد 14 رمضان 1432 هـ",
        "14 رمضان 1432 هجري",
        "14 رمضان 1432 للهجرة",
        "14 رمضان 1432",
        "14/09/1432",  # a year 1300-1500 in a numeric date line: Hijri, not Gregorian 1432
    ],
)
def test_a_hijri_date_alone_is_read_as_hijri_and_gives_no_gregorian_date(line: str) -> None:
    assert find_date(line) is None  # never a Gregorian date made up for it
    assert reading(line) == (None, None, None, (1432, 9, 14))


@pytest.mark.parametrize(("number", "name"), [(n, m) for n, ms in HIJRI_MONTHS.items() for m in ms])
def test_every_hijri_month_name(number: int, name: str) -> None:
    assert reading(f"3 {name} 1436 هـ") == (None, None, None, (1436, number, 3))


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("الأحد 14 رمضان 1432 هـ - 14 أغسطس 2011م", dt.date(2011, 8, 14)),
        ("الأحد 14 أغسطس 2011 الموافق 14 رمضان 1432 هـ", dt.date(2011, 8, 14)),
        ("الأحد 14 رمضان 1432 هـ الموافق 14 أغسطس 2011", dt.date(2011, 8, 14)),
        ("14 أغسطس 2011 - 14 رمضان 1432 هـ", dt.date(2011, 8, 14)),
    ],
)
def test_hijri_and_gregorian_on_one_line_give_both(line: str, date: dt.date) -> None:
    assert find_date(line) == (date, None)
    assert reading(line) == (date, None, None, (1432, 9, 14))


def test_a_hijri_date_with_a_time() -> None:
    assert reading("14 رمضان 1432 هـ 09:10 م") == (None, dt.time(21, 10), None, (1432, 9, 14))


@pytest.mark.parametrize(
    "line",
    [
        "31 رمضان 1432 هـ",  # a Hijri month has at most 30 days
        "14-13-1432 هـ",  # no 13th month
        "0 رمضان 1432",
        "14 رمضان هـ",  # no year
        "رمضان 1432 هـ",  # no day
        "قال إن الاجتماع عقد في 14 رمضان 1432 هـ",
    ],
)
def test_impossible_or_partial_hijri_lines_are_no_date(line: str) -> None:
    assert read_date(line) is None


def test_a_gregorian_year_with_its_era_is_never_hijri() -> None:
    # An explicit Gregorian era wins over the year's range.
    assert find_date("14/09/1432م") == (dt.date(1432, 9, 14), None)


# --------------------------------------------------------------------------- agreement

LINES = [line for line, *_ in ISO + RFC + ARABIC] + [line for line, *_ in ENGLISH]


@pytest.mark.parametrize("line", LINES)
def test_find_date_is_read_date_without_offset_and_hijri(line: str) -> None:
    found = read_date(line)
    assert found is not None
    assert found.date is not None
    assert find_date(line) == (found.date, found.time)


@given(st.text(max_size=120))
def test_read_date_never_raises_on_text(line: str) -> None:
    found = read_date(line)
    assert found is None or found.date is not None or found.hijri is not None


# --------------------------------------------------------------------------- HijriDate


@pytest.mark.parametrize(
    ("hijri", "gregorian"),
    [
        # Umm al-Qura: Ramadan 1432 began on 1 August 2011, Muharram 1440 on 11 September 2018.
        (HijriDate(1432, 9, 1), dt.date(2011, 8, 1)),
        (HijriDate(1432, 9, 14), dt.date(2011, 8, 14)),
        (HijriDate(1440, 1, 1), dt.date(2018, 9, 11)),
    ],
)
def test_to_gregorian_follows_umm_al_qura(hijri: HijriDate, gregorian: dt.date) -> None:
    assert hijri.to_gregorian() == gregorian


def test_to_gregorian_refuses_what_the_tables_do_not_cover() -> None:
    with pytest.raises(ValueError, match="outside the Umm al-Qura tables"):
        HijriDate(1300, 1, 1).to_gregorian()
    # Ramadan 1432 had 29 days in Umm al-Qura (1 Shawwal was 30 August 2011).
    with pytest.raises(ValueError, match="no day of the Umm al-Qura calendar"):
        HijriDate(1432, 9, 30).to_gregorian()


@pytest.mark.parametrize(
    ("parts", "error"),
    [
        ((1432, 13, 1), ValueError),
        ((1432, 9, 31), ValueError),
        ((0, 1, 1), ValueError),
        (("1432", 9, 14), TypeError),
        ((1432, 9.0, 14), TypeError),
        ((1432, True, 14), TypeError),
    ],
)
def test_a_hijri_date_checks_its_parts(parts: tuple[object, ...], error: type[Exception]) -> None:
    with pytest.raises(error, match="HijriDate"):
        HijriDate(*parts)  # type: ignore[arg-type]


@given(st.integers(1, 9999), st.integers(1, 12), st.integers(1, 30))
def test_hijri_isoformat_round_trips(year: int, month: int, day: int) -> None:
    h = HijriDate(year, month, day)
    assert HijriDate.fromisoformat(h.isoformat()) == h


@pytest.mark.parametrize("text", ["1432-9-14", "14-09-1432", "", "1432-09-14 هـ"])
def test_hijri_fromisoformat_refuses_other_shapes(text: str) -> None:
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        HijriDate.fromisoformat(text)
