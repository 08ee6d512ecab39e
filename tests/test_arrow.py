"""Exports to Arrow, Parquet and Hugging Face datasets (the arrow and hf extras)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import arnews
from arnews._arrow import COLUMNS, arrow_schema, dataset_card
from arnews._export import article_record
from helpers import need, synthetic_articles

pa = need("pyarrow", "arrow")
pq = need("pyarrow.parquet", "arrow")


def test_the_schema_names_every_record_key_in_order() -> None:
    assert [name for name, _, _ in COLUMNS] == list(article_record(arnews.load()[0]))
    schema = arrow_schema()
    assert str(schema.field("related").type) == (
        "list<item: struct<title: string, summary: string, date: date32[day], "
        "caption: struct<text: string, lang: string, credit: string>>>"
    )
    assert not schema.field("id").nullable
    assert schema.field("date_inferred").metadata == {
        b"meaning": b"true when the date was curated, not stated in the text"
    }


def test_an_arrow_table_holds_the_records_with_dates_as_dates() -> None:
    corpus = arnews.load()
    table = corpus.to_arrow()
    rows = table.to_pylist()
    for row, article in zip(rows, corpus, strict=True):
        expected = article_record(article)
        expected["date"] = article.date
        for story, teaser in zip(expected["related"], article.related, strict=True):
            story["date"] = teaser.date
        assert row == expected
    assert rows[0]["date"] == dt.date(2016, 10, 27)
    assert table.schema.metadata[b"arnews.card"].decode() == dataset_card(corpus)


def test_parquet_from_a_disk_index_streams_the_same_rows(tmp_path: Path) -> None:
    corpus = arnews.Corpus(synthetic_articles(30, seed=19))
    index = arnews.build_index(corpus, tmp_path / "news.db")
    index.to_parquet(tmp_path / "a.parquet")
    corpus.to_parquet(tmp_path / "b.parquet")
    a, b = pq.read_table(tmp_path / "a.parquet"), pq.read_table(tmp_path / "b.parquet")
    assert a.equals(b)
    assert a.num_rows == 30
    card = pq.read_schema(tmp_path / "a.parquet").metadata[b"arnews.card"].decode()
    assert card.startswith("# arnews export\n\n30 articles of Arabic news")
    assert "Outlets: الجزيرة نت (10), الخليج الجديد (10), (unknown) (10)." in card


def test_the_card_states_counts_dates_and_outlets() -> None:
    card = dataset_card(arnews.load(), name="bundled")
    assert card.splitlines()[:4] == [
        "# bundled",
        "",
        "5 articles of Arabic news, parsed by arnews; dates 2015-09-27 to 2016-10-27.",
        "Outlets: الجزيرة نت (2), الخليج الجديد (1), (unknown) (1), الجورنال نيوز (1).",
    ]
    assert "| captions | list<struct<text: string, lang: string, credit: string>> |" in card
