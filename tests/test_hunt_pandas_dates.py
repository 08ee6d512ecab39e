"""to_pandas keeps every date read_date accepts, even one outside pandas' nanosecond span.

Scraped pages carry placeholder dates such as 0001-01-01 (a CMS's empty date) or
9999-12-31; read_date accepts them, records and JSON Lines keep them, and the DataFrame's
``date`` column must hold them too (as datetimes, NaT only where the date is unknown).
"""

from __future__ import annotations

import datetime as dt

import pytest

import arnews

pd = pytest.importorskip("pandas")


def corpus_dated(*lines: str) -> arnews.Corpus:
    return arnews.Corpus(
        tuple(
            arnews.parse(f"خبر {i}\n{line}\n\nنص الخبر رقم {i}.\n") for i, line in enumerate(lines)
        )
    )


@pytest.mark.parametrize("line", ["0001-01-01T00:00:00", "9999-12-31"])
def test_corpus_to_pandas_keeps_a_date_outside_the_nanosecond_span(line: str) -> None:
    corpus = corpus_dated(line, "2016-10-27")
    stated = [a.date for a in corpus]
    assert stated[0] is not None  # the parser read the date line
    frame = corpus.to_pandas()
    assert pd.api.types.is_datetime64_any_dtype(frame["date"])
    assert [ts.date() for ts in frame["date"]] == stated


def test_hits_and_concordance_to_pandas_keep_such_dates() -> None:
    corpus = corpus_dated("0001-01-01", "2016-10-27")
    for frame in (corpus.search("الخبر").to_pandas(), corpus.concordance("الخبر").to_pandas()):
        assert pd.api.types.is_datetime64_any_dtype(frame["date"])
        assert [ts.date() for ts in frame["date"]] == [dt.date(1, 1, 1), dt.date(2016, 10, 27)]


def test_unknown_dates_stay_nat_beside_an_early_one() -> None:
    corpus = arnews.Corpus((*corpus_dated("0001-01-01"), arnews.parse("خبر\n\nنص بلا تاريخ.\n")))
    frame = corpus.to_pandas()
    assert frame["date"].iloc[0].year == 1
    assert pd.isna(frame["date"].iloc[1])


def test_dates_in_the_usual_span_keep_the_usual_column() -> None:
    frame = corpus_dated("2016-10-27").to_pandas()
    # pandas' own unit for such dates: ns in pandas 2, us in pandas 3
    assert frame["date"].dtype == pd.to_datetime(pd.Series(["2016-10-27"]), format="ISO8601").dtype
