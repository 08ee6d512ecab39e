"""Date lines copied from web pages carry invisible bidi and zero-width marks.

find_date promises that whitespace, no-break spaces and the digit script do not matter; the
same holds for the invisible characters that search and the line reader ignore (RLM, LRM,
ALM, ZWSP, ZWJ, BOM, the embedding and isolate controls): they change nothing a reader sees.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import arnews
from arnews.normalize import _tables as T  # noqa: N812

DATE_LINES = {
    "الأحد 18 فبراير 2018": (dt.date(2018, 2, 18), None),
    "18/2/2018": (dt.date(2018, 2, 18), None),
    "2018-02-18T12:26:59+01:00": (dt.date(2018, 2, 18), dt.time(12, 26, 59)),
    "الخميس 27 أكتوبر 2016 09:10 ص": (dt.date(2016, 10, 27), dt.time(9, 10)),
}


@pytest.mark.parametrize(
    "line",
    [
        "\u200f2018-02-18",  # RLM before (an Arabic page quoting an ISO date)
        "2018-02-18\u200e",  # LRM after
        "\ufeff2018-02-18",  # a byte-order mark
        "\u202b2018-02-18\u202c",  # RLE ... PDF
        "\u061c18 فبراير 2018",  # ARABIC LETTER MARK
    ],
)
def test_surrounding_invisible_marks_do_not_hide_the_date(line: str) -> None:
    assert arnews.find_date(line) == (dt.date(2018, 2, 18), None)


def test_invisible_marks_inside_the_line_do_not_hide_the_date() -> None:
    assert arnews.find_date("الأحد\u200f 18 فبراير 2018") == (dt.date(2018, 2, 18), None)
    assert arnews.find_date("18\u200f/2/2018") == (dt.date(2018, 2, 18), None)
    assert arnews.find_date("\u200f12:30 \u200f18\u200b فبراير 2018") == (
        dt.date(2018, 2, 18),
        dt.time(12, 30),
    )


def test_parse_reads_a_date_line_with_an_inner_bidi_mark() -> None:
    article = arnews.parse("خبر\nالأحد\u200f 18 فبراير 2018\n\nنص الخبر.\n")
    assert article.date == dt.date(2018, 2, 18)


@settings(max_examples=60, deadline=None)
@given(
    line=st.sampled_from(sorted(DATE_LINES)),
    marks=st.lists(st.tuples(st.integers(0, 40), st.sampled_from(sorted(T.INVISIBLE))), max_size=4),
)
def test_invisible_marks_anywhere_change_nothing(line: str, marks: list[tuple[int, str]]) -> None:
    marked = line
    for position, mark in marks:
        at = min(position, len(marked))
        marked = marked[:at] + mark + marked[at:]
    assert arnews.find_date(marked) == DATE_LINES[line]
    assert arnews.read_date(marked) == arnews.read_date(line)
