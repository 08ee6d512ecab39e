"""Tests for arnews._export: records, JSON Lines and pandas."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import arnews
from arnews import Article, Caption, RelatedStory, Section
from arnews._export import article_record, to_jsonl, to_pandas, to_records, write_atomically
from helpers import make_article as shared_make_article

KEYS = {
    "id",
    "title",
    "date",
    "time",
    "utc_offset",
    "hijri",
    "date_inferred",
    "outlet",
    "url",
    "sources",
    "dateline",
    "sections",
    "paragraphs",
    "subheadings",
    "captions",
    "keywords",
    "related",
    "dropped",
    "text",
}


def make_article(**changes: Any) -> Article:
    return shared_make_article(raw="عنوان\n\nنص.\n", **changes)


def test_record_keys_and_no_raw() -> None:
    record = article_record(make_article())
    assert set(record) == KEYS
    assert "raw" not in record


def test_record_converts_every_nested_value() -> None:
    caption = Caption("أوباما وبوتين", "ar", "الأوروبية")
    article = make_article(
        date=dt.date(2015, 9, 29),
        time=dt.time(9, 10),
        date_inferred=True,
        outlet="الجزيرة نت",
        sources=("الجزيرة", "رويترز"),
        sections=(Section(None, ("أ.", "ب.")), Section("مركز تدريب", ("ج.",))),
        captions=(caption,),
        keywords=("العراق", "سوريا"),
        related=(RelatedStory("عنوان", "ملخص", dt.date(2015, 9, 26), caption),),
        dropped=("الأكثر قراءة",),
    )
    record = article_record(article)
    assert record["date"] == "2015-09-29"
    assert record["time"] == "09:10"
    assert record["date_inferred"] is True
    assert record["sources"] == ["الجزيرة", "رويترز"]
    assert record["sections"] == [
        {"heading": None, "paragraphs": ["أ.", "ب."]},
        {"heading": "مركز تدريب", "paragraphs": ["ج."]},
    ]
    assert record["paragraphs"] == ["أ.", "ب.", "ج."]
    assert record["subheadings"] == ["مركز تدريب"]
    expected_caption = {"text": "أوباما وبوتين", "lang": "ar", "credit": "الأوروبية"}
    assert record["captions"] == [expected_caption]
    assert record["related"] == [
        {"title": "عنوان", "summary": "ملخص", "date": "2015-09-26", "caption": expected_caption}
    ]
    assert record["dropped"] == ["الأكثر قراءة"]
    assert record["text"] == "عنوان\nأ.\nب.\nج."


def test_record_missing_values_are_none() -> None:
    record = article_record(make_article())
    assert record["date"] is None
    assert record["time"] is None
    assert record["outlet"] is None
    assert record["dateline"] is None


def test_record_rejects_non_article() -> None:
    with pytest.raises(TypeError, match="expects an Article"):
        article_record("عنوان")  # type: ignore[arg-type]


def test_bundled_records() -> None:
    corpus = arnews.load()
    records = to_records(corpus)
    assert isinstance(records, list)
    assert [r["id"] for r in records] == [
        "000_e0e2311573730f34",
        "001_4f119960287c4d94",
        "002_c10afc3176e03f42",
        "003_525ecddc6b3f777e",
        "004_27df001b210ff69a",
    ]
    # From the text of 000: "الخميس 27 أكتوبر 2016 09:10 ص".
    assert records[0]["date"] == "2016-10-27"
    assert records[0]["time"] == "09:10"
    assert records[0]["title"] == (
        "صحيفة روسية: موسكو وبغداد ستتبادلان المعلومات الاستخبارية حول الموصل"
    )
    # From the text of 003: its three subheadings, and a lead section without one.
    assert records[3]["subheadings"] == ["مواقف وقلق", "نفي واضطراب", "دور التحالف"]
    assert [s["heading"] for s in records[3]["sections"]] == [
        None,
        "مواقف وقلق",
        "نفي واضطراب",
        "دور التحالف",
    ]
    for record in records:
        flat = [p for s in record["sections"] for p in s["paragraphs"]]
        assert record["paragraphs"] == flat
        assert record["text"] == "\n".join([record["title"], *flat])
    assert json.loads(json.dumps(records, ensure_ascii=False)) == records
    assert corpus.to_records() == records


def test_jsonl(tmp_path: Path) -> None:
    corpus = arnews.load()
    out = tmp_path / "corpus.jsonl"
    to_jsonl(corpus, str(out))
    data = out.read_bytes()
    text = data.decode("utf-8")
    assert "موسكو" in text  # Arabic written as is, not as \u escapes
    assert "\\u0" not in text
    assert "\r" not in text
    lines = text.split("\n")
    assert lines[-1] == ""
    # The records, and the raw text so that load_jsonl gives the same articles back.
    expected = [
        {**record, "raw": a.raw} for record, a in zip(to_records(corpus), corpus, strict=True)
    ]
    assert [json.loads(line) for line in lines[:-1]] == expected


def test_jsonl_overwrites(tmp_path: Path) -> None:
    out = tmp_path / "one.jsonl"
    out.write_text("old\nold\nold\nold\nold\nold\nold\n", encoding="utf-8")
    to_jsonl(arnews.Corpus([make_article()]), out)
    assert out.read_text(encoding="utf-8").count("\n") == 1


def test_jsonl_rejects_bad_path() -> None:
    with pytest.raises(TypeError, match="expects a path"):
        to_jsonl(arnews.load(), 42)  # type: ignore[arg-type]


def test_pandas_is_imported_only_by_to_pandas() -> None:
    # A fresh interpreter: importing, loading, searching and exporting records
    # must not import pandas; to_pandas() does.
    code = (
        "import sys, arnews\n"
        "c = arnews.load(); c.search('بغداد'); c.to_records(); c.entities()\n"
        "print('pandas' in sys.modules)\n"
        "c.to_pandas()\n"
        "print('pandas' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert out == ["False", "True"]


def test_to_pandas_without_pandas(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"pip install 'arnews\[pandas\]'"):
        to_pandas(arnews.load())
    with pytest.raises(ImportError, match=r"to_pandas\(\) needs pandas"):
        arnews.load().to_pandas()


def test_to_pandas() -> None:
    import pandas as pd

    corpus = arnews.load()
    frame = to_pandas(corpus)
    assert isinstance(frame, pd.DataFrame)
    assert frame.shape == (5, len(KEYS))
    assert set(frame.columns) == KEYS
    assert frame["id"].tolist() == list(corpus.ids)
    assert pd.api.types.is_datetime64_any_dtype(frame["date"])
    assert frame["date"][0] == pd.Timestamp("2016-10-27")
    assert frame["subheadings"][3] == ["مواقف وقلق", "نفي واضطراب", "دور التحالف"]


# -- properties ----------------------------------------------------------------

texts = st.text(min_size=1, max_size=30)
dates = st.none() | st.dates()
captions = st.builds(Caption, texts, st.sampled_from(["ar", "en"]), st.none() | texts)
articles = st.builds(
    make_article,
    id=texts,
    title=texts,
    date=dates,
    time=st.none() | st.times().map(lambda t: t.replace(second=0, microsecond=0)),
    date_inferred=st.booleans(),
    outlet=st.none() | texts,
    sources=st.lists(texts, max_size=3).map(tuple),
    sections=st.lists(
        st.builds(Section, st.none() | texts, st.lists(texts, max_size=3).map(tuple)), max_size=3
    ).map(tuple),
    captions=st.lists(captions, max_size=2).map(tuple),
    keywords=st.lists(texts, max_size=3).map(tuple),
    related=st.lists(
        st.builds(RelatedStory, st.none() | texts, texts, dates, st.none() | captions), max_size=2
    ).map(tuple),
)


@settings(deadline=None)
@given(articles)
def test_record_json_round_trip(article: Article) -> None:
    record = article_record(article)
    assert json.loads(json.dumps(record, ensure_ascii=False)) == record
    if article.date is not None:
        assert dt.date.fromisoformat(record["date"]) == article.date
    if article.time is not None:
        assert dt.time.fromisoformat(record["time"]) == article.time
    assert record["paragraphs"] == list(article.paragraphs)
    assert [c["text"] for c in record["captions"]] == [c.text for c in article.captions]


@settings(deadline=None, max_examples=25)
@given(st.lists(articles, min_size=1, max_size=3, unique_by=lambda a: a.id))
def test_jsonl_round_trip(tmp_path_factory: pytest.TempPathFactory, items: list[Article]) -> None:
    corpus = arnews.Corpus(items)
    out = tmp_path_factory.mktemp("jsonl") / "c.jsonl"
    to_jsonl(corpus, out)
    lines = out.read_text(encoding="utf-8").split("\n")
    assert [{k: v for k, v in json.loads(line).items() if k != "raw"} for line in lines[:-1]] == (
        to_records(corpus)
    )


# -- the JSON Lines round trip law -------------------------------------------------------------

offsets = st.integers(-(24 * 3600 - 1), 24 * 3600 - 1).map(lambda s: dt.timedelta(seconds=s))
hijri_dates = st.builds(
    arnews.HijriDate, st.integers(1, 9999), st.integers(1, 12), st.integers(1, 30)
)
full_articles = st.builds(
    shared_make_article,
    id=texts,
    title=texts,
    date=dates,
    time=st.none() | st.times(),
    utc_offset=st.none() | offsets,
    hijri=st.none() | hijri_dates,
    url=st.none() | texts,
    date_inferred=st.booleans(),
    outlet=st.none() | texts,
    sources=st.lists(texts, max_size=3).map(tuple),
    dateline=st.none() | texts,
    sections=st.lists(
        st.builds(Section, st.none() | texts, st.lists(texts, max_size=3).map(tuple)), max_size=3
    ).map(tuple),
    captions=st.lists(captions, max_size=2).map(tuple),
    keywords=st.lists(texts, max_size=3).map(tuple),
    related=st.lists(
        st.builds(RelatedStory, st.none() | texts, texts, dates, st.none() | captions), max_size=2
    ).map(tuple),
    dropped=st.lists(texts, max_size=2).map(tuple),
    raw=st.text(),
)


@settings(deadline=None, max_examples=60)
@given(st.lists(full_articles, min_size=1, max_size=4, unique_by=lambda a: a.id))
def test_to_jsonl_then_load_jsonl_gives_an_equal_corpus(
    tmp_path_factory: pytest.TempPathFactory, items: list[Article]
) -> None:
    corpus = arnews.Corpus(items)
    out = tmp_path_factory.mktemp("law") / "c.jsonl"
    corpus.to_jsonl(out)
    again = arnews.load_jsonl(out)
    assert tuple(again) == tuple(corpus)
    assert [type(a) for a in again] == [Article] * len(items)


@pytest.mark.parametrize(
    ("offset", "text"),
    [
        (dt.timedelta(hours=1), "+01:00"),
        (dt.timedelta(hours=-5, minutes=-30), "-05:30"),
        (dt.timedelta(0), "+00:00"),
    ],
)
def test_record_writes_the_offset_as_plus_hh_mm(offset: dt.timedelta, text: str) -> None:
    assert article_record(make_article(utc_offset=offset))["utc_offset"] == text


def test_record_writes_seconds_only_when_the_time_has_them() -> None:
    assert article_record(make_article(time=dt.time(9, 10)))["time"] == "09:10"
    assert article_record(make_article(time=dt.time(12, 26, 59)))["time"] == "12:26:59"


def test_record_writes_the_hijri_date_as_iso() -> None:
    a = make_article(hijri=arnews.HijriDate(1432, 9, 14))
    assert article_record(a)["hijri"] == "1432-09-14"


def test_the_bundled_corpus_round_trips(tmp_path: Path) -> None:
    out = tmp_path / "bundled.jsonl"
    arnews.load().to_jsonl(out)
    again = arnews.load_jsonl(out)
    assert tuple(again) == tuple(arnews.load())
    assert [a.date_inferred for a in again] == [a.date_inferred for a in arnews.load()]


# -- atomic writes ------------------------------------------------------------------------------


def test_write_atomically_leaves_the_target_untouched_when_writing_fails(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("before\n", encoding="utf-8")

    def write(out: Any) -> None:
        out.write("half of it")
        raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError, match="disk on fire"):
        write_atomically(target, write)
    assert target.read_text(encoding="utf-8") == "before\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]  # no temporary file left


def test_write_atomically_keeps_the_targets_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("before\n", encoding="utf-8")
    target.chmod(0o640)
    write_atomically(target, lambda out: out.write("after\n"))
    assert target.read_text(encoding="utf-8") == "after\n"
    assert target.stat().st_mode & 0o777 == 0o640
