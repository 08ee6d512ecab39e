"""Tests for arnews._dates: whole-line Arabic date and time recognition."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import arnews
from arnews._dates import MONTHS, HijriDate, find_date, fold, read_date

# Every month spelling the issue lists (and a few print variants), by number.
ISSUE_MONTHS = {
    1: ["يناير", "كانون الثاني", "جانفي"],
    2: ["فبراير", "شباط", "فيفري"],
    3: ["مارس", "آذار"],
    4: ["أبريل", "ابريل", "إبريل", "نيسان", "أفريل"],
    5: ["مايو", "أيار", "آيار", "ماي"],
    6: ["يونيو", "يونيه", "حزيران", "جوان"],
    7: ["يوليو", "يوليه", "تموز", "جويلية", "يوليوز"],
    8: ["أغسطس", "اغسطس", "آب", "أوت", "غشت"],
    9: ["سبتمبر", "أيلول", "شتنبر"],
    10: ["أكتوبر", "تشرين الأول"],
    11: ["نوفمبر", "تشرين الثاني", "نونبر"],
    12: ["ديسمبر", "كانون الأول", "دجنبر"],
}
ALL_NAMES = [(n, name) for n, names in ISSUE_MONTHS.items() for name in names]

ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
EXTENDED = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


@pytest.mark.parametrize(("number", "name"), ALL_NAMES)
def test_every_regional_month_name_is_in_the_table(number: int, name: str) -> None:
    assert MONTHS[fold(name)] == number


@pytest.mark.parametrize(("number", "name"), ALL_NAMES)
def test_every_month_name_reads_in_a_date_line(number: int, name: str) -> None:
    assert find_date(f"3 {name} 2016") == (dt.date(2016, number, 3), None)


def test_the_seed_date_line_with_a_12_hour_morning_time() -> None:
    assert find_date("الخميس 27 أكتوبر 2016 09:10 ص") == (dt.date(2016, 10, 27), dt.time(9, 10))


@pytest.mark.parametrize(
    ("clock", "expected"),
    [
        ("09:10 ص", dt.time(9, 10)),
        ("09:10 م", dt.time(21, 10)),
        ("12:05 ص", dt.time(0, 5)),
        ("12:05 م", dt.time(12, 5)),
        ("21:10", dt.time(21, 10)),
        ("13:10 م", dt.time(13, 10)),
        ("09:10:30 ص", dt.time(9, 10, 30)),
        ("9:10 PM", dt.time(21, 10)),
    ],
)
def test_times(clock: str, expected: dt.time) -> None:
    assert find_date(f"الخميس 27 أكتوبر 2016 {clock}") == (dt.date(2016, 10, 27), expected)


@pytest.mark.parametrize("clock", ["13:10 ص", "00:10 م", "25:10", "09:61 ص"])
def test_impossible_times_make_the_line_no_date(clock: str) -> None:
    assert find_date(f"27 أكتوبر 2016 {clock}") is None


@pytest.mark.parametrize(
    "line",
    [
        "2015-09-29",
        "29/9/2015",
        "29-09-2015",
        "29.9.2015",
        "2015/9/29",
        "29 سبتمبر 2015",
        "29 أيلول 2015",
        "29 سبتمبر/أيلول 2015",
        "29 أيلول/سبتمبر 2015",
        "29 أيلول (سبتمبر) 2015",
        "الثلاثاء 29 سبتمبر 2015",
        "الثلاثاء، 29 شتنبر، 2015",
        "يوم الثلاثاء 29 أيلول 2015",
        "\u00a029\u00a0سبتمبر\u00a02015\t",
    ],
)
def test_date_line_shapes(line: str) -> None:
    assert find_date(line) == (dt.date(2015, 9, 29), None)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("تاريخ النشر: 2016-10-27", (dt.date(2016, 10, 27), None)),
        ("نشر في 27/10/2016 - 09:10", (dt.date(2016, 10, 27), dt.time(9, 10))),
        ("آخر تحديث: الخميس 27 أكتوبر 2016 | 09:10 م", (dt.date(2016, 10, 27), dt.time(21, 10))),
        ("بتاريخ ٢٧ تشرين الأول ٢٠١٦", (dt.date(2016, 10, 27), None)),
    ],
)
def test_a_label_may_precede_the_date(line: str, expected: tuple[dt.date, dt.time | None]) -> None:
    assert find_date(line) == expected


def test_digits_of_other_scripts_are_not_read() -> None:
    # DEVANAGARI DIGITs: decimal digits to Python, but not a script of Arabic dates.
    assert find_date("\u0968\u096f/\u096f/\u0968\u0966\u0967\u096b") is None


def test_combined_levantine_first_form() -> None:
    assert find_date("17 تشرين الأول/أكتوبر 2016") == (dt.date(2016, 10, 17), None)


@pytest.mark.parametrize("table", [ARABIC_INDIC, EXTENDED])
def test_arabic_indic_and_extended_digits(table: dict[int, str]) -> None:
    line = "الخميس 27 أكتوبر 2016 09:10 ص".translate(table)
    assert find_date(line) == (dt.date(2016, 10, 27), dt.time(9, 10))
    assert find_date("2015-09-29".translate(table)) == (dt.date(2015, 9, 29), None)


@pytest.mark.parametrize(
    "line",
    [
        "",
        "   ",
        "31 فبراير 2016",  # no such day
        "27 أكتوبر/تشرين الثاني 2016",  # the two names disagree
        "27 أكتوبر",  # no year
        "أنشئ في سبتمبر/أيلول 2015",  # a sentence, not a date line
        "حسبما ما أفاد متحدث رسمي الأحد (27 أيلول 2015).",
        "Published On 26/9/2015",  # a teaser's date line is not an article date line
        "2015-13-01",
        "0000-01-01",
    ],
)
def test_not_date_lines(line: str) -> None:
    assert find_date(line) is None


def test_fold_unifies_alef_yeh_and_teh_marbuta_variants() -> None:
    assert fold("أبريل") == fold("إبريل") == fold("ابريل") == fold("آبريل")
    assert fold("جويلية") == fold("جويليه")
    assert fold("حتى") == fold("حتي")


# The weekdays, Sunday first, as the issue's date lines write them.
WEEKDAYS = ["الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"]


def test_a_wrong_weekday_is_not_checked() -> None:
    # 27 October 2016 was a Thursday (الخميس); web pages do name the wrong day, and the
    # stated date wins rather than the line being rejected.
    assert dt.date(2016, 10, 27).isoweekday() == 4
    assert find_date("الجمعة 27 أكتوبر 2016") == (dt.date(2016, 10, 27), None)
    assert find_date("الجمعة، 27 أكتوبر 2016 09:10 ص") == (dt.date(2016, 10, 27), dt.time(9, 10))


@given(
    st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31)),
    st.sampled_from(WEEKDAYS),
)
def test_any_weekday_before_any_date_gives_that_date(day: dt.date, weekday: str) -> None:
    line = f"{weekday} {day.day} {ISSUE_MONTHS[day.month][0]} {day.year}"
    assert find_date(line) == (day, None)


def test_find_date_refuses_non_str() -> None:
    with pytest.raises(TypeError, match="expects str, got bytes"):
        find_date(b"2015-09-29")  # type: ignore[arg-type]


@given(st.text(max_size=120))
def test_find_date_never_raises_on_text(line: str) -> None:
    result = find_date(line)
    assert result is None or isinstance(result[0], dt.date)


@given(
    st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31)),
    st.sampled_from([None, ARABIC_INDIC, EXTENDED]),
    st.integers(0, 2),
)
def test_any_date_round_trips_through_its_written_forms(
    day: dt.date, digits: dict[int, str] | None, variant: int
) -> None:
    name = ISSUE_MONTHS[day.month][variant % len(ISSUE_MONTHS[day.month])]
    forms = [
        f"{day.day} {name} {day.year}",
        f"{day.day} {ISSUE_MONTHS[day.month][0]}/{ISSUE_MONTHS[day.month][-1]} {day.year}",
    ]
    if not 1300 <= day.year <= 1500:  # a numeric date with such a year is Hijri (below)
        forms += [day.isoformat(), f"{day.day}/{day.month}/{day.year}"]
    for form in forms:
        line = form.translate(digits) if digits else form
        assert find_date(line) == (day, None), line


@given(st.integers(1, 12), st.integers(0, 59), st.booleans())
def test_any_12_hour_time_round_trips(hour: int, minute: int, evening: bool) -> None:
    suffix = "م" if evening else "ص"
    found = find_date(f"1 يناير 2020 {hour:02d}:{minute:02d} {suffix}")
    assert found is not None
    expected_hour = (hour % 12) + (12 if evening else 0)
    assert found[1] == dt.time(expected_hour, minute)


def test_a_long_line_with_digits_is_no_date() -> None:
    assert find_date("قال المتحدث " * 30 + "2015") is None


def test_a_date_line_stretched_with_tatweel_is_still_read() -> None:
    # 180 characters before folding, 25 after: folding removes TATWEEL (U+0640).
    line = "27 أكتوبر" + "\u0640" * 160 + " 2016 09:10 ص"
    assert len(line) > 160
    assert find_date(line) == (dt.date(2016, 10, 27), dt.time(9, 10))


@given(st.text(), st.integers(0, 200))
def test_folding_a_prefix_never_gives_a_longer_string(s: str, cut: int) -> None:
    # find_date relies on this to reject long lines after folding only their start.
    assert len(fold(s[:cut])) <= len(fold(s))


@given(st.text())
def test_fold_squeezes_whitespace_and_is_idempotent(s: str) -> None:
    folded = fold(s)
    assert folded == folded.strip()
    assert "  " not in folded
    assert all(c == " " or not c.isspace() for c in folded)
    assert fold(folded) == folded


def test_the_month_table_is_read_only() -> None:
    with pytest.raises(TypeError):
        MONTHS["شهر"] = 13  # type: ignore[index]
    assert len(set(MONTHS.values())) == 12


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("الأحد 27 سبتمبر 2015م", dt.date(2015, 9, 27)),
        ("27 سبتمبر 2015 م", dt.date(2015, 9, 27)),
        ("27 أيلول 2015مـ", dt.date(2015, 9, 27)),
        ("٢٧ سبتمبر ٢٠١٥ ميلادي", dt.date(2015, 9, 27)),
        ("27 سبتمبر 2015 ميلادية", dt.date(2015, 9, 27)),
        ("29/9/2015م", dt.date(2015, 9, 29)),
    ],
)
def test_a_year_may_carry_its_era(line: str, expected: dt.date) -> None:
    assert find_date(line) == (expected, None)


def test_an_era_letter_is_not_a_12_hour_mark_and_vice_versa() -> None:
    # م after a time is "evening"; after a bare year it is the era.
    assert find_date("27 أكتوبر 2016 09:10 م") == (dt.date(2016, 10, 27), dt.time(21, 10))
    assert find_date("27 أكتوبر 2016م 09:10") == (dt.date(2016, 10, 27), dt.time(9, 10))
    # A word that merely starts with م after the year is no era: not a date line.
    assert find_date("27 سبتمبر 2015 مصر") is None


@pytest.mark.parametrize(
    "line",
    [
        "السبت 13 ذو الحجة 1436 هـ الموافق 26 سبتمبر 2015",
        "السبت 13 ذو الحجة 1436هـ، الموافق لـ 26 سبتمبر 2015م",
        "13 ذي الحجة 1436 هجرية - الموافق 26 أيلول 2015",
    ],
)
def test_hijri_then_gregorian_gives_the_gregorian_date(line: str) -> None:
    assert find_date(line) == (dt.date(2015, 9, 26), None)


@pytest.mark.parametrize(
    "line",
    ["13 ذو الحجة 1436 هـ", "الموافق 26 سبتمبر 2015", "قال إن الموافق 26 سبتمبر 2015"],
)
def test_a_hijri_date_alone_or_a_bare_muwafiq_is_not_read(line: str) -> None:
    assert find_date(line) is None


def test_parse_takes_an_era_date_line_as_the_date_not_a_subheading() -> None:
    body = "وقال المتحدث إن المركز سيبدأ عمله قريبا في العاصمة بمشاركة الدول الأربع."
    a = arnews.parse(f"عنوان الخبر\nالأحد 27 سبتمبر 2015م\n{body}\n{body}")
    assert (a.date, a.subheadings) == (dt.date(2015, 9, 27), ())
    b = arnews.parse(f"عنوان الخبر\n\nالسبت 13 ذو الحجة 1436 هـ الموافق 26 سبتمبر 2015\n\n{body}")
    assert (b.date, b.paragraphs) == (dt.date(2015, 9, 26), (body,))


@given(st.integers(1300, 1500), st.integers(1, 12), st.integers(1, 30))
def test_a_numeric_date_with_a_year_of_1300_to_1500_is_hijri(
    year: int, month: int, day: int
) -> None:
    # As a Gregorian year it could be no news date; Hijri 1300-1500 is 1882-2077.
    for line in (f"{day}/{month}/{year}", f"{year}/{month}/{day}", f"{day}-{month:02d}-{year}"):
        found = read_date(line)
        assert found is not None, line
        assert (found.date, found.hijri) == (None, HijriDate(year, month, day)), line
        assert find_date(line) is None
        # An explicit Gregorian era wins.
        assert find_date(line + "م") is not None or not _gregorian_exists(year, month, day)


def _gregorian_exists(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


@given(st.text(), st.integers(0, 300))
def test_fold_keeps_every_character_it_does_not_remove(s: str, cut: int) -> None:
    # read_date rejects a long line when its prefix keeps too many characters: fold never
    # gives a shorter string than the characters of a prefix it keeps.
    from arnews._dates import _removed_by_fold

    assert len(fold(s)) >= len(s[:cut].translate(_removed_by_fold()))


def test_what_fold_removes_is_every_whitespace_and_mark_it_folds_away() -> None:
    from arnews._dates import _removed_by_fold

    removed = {chr(c) for c in _removed_by_fold()}
    assert {c for c in map(chr, range(0x110000)) if c.isspace()} <= removed
    assert {"\u0640", "\u064e", "\u0651"} <= removed  # TATWEEL, FATHA, SHADDA
    assert not removed & set("ابت0123٠١")
