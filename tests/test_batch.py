"""The batch functions (records in, records out) and merging index shards, without an engine."""

from __future__ import annotations

import multiprocessing
import pickle
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import arnews
from arnews import Corpus, batch
from helpers import synthetic_articles


def raw_records(corpus: Corpus) -> list[dict[str, str]]:
    return [{"id": a.id, "text": a.raw} for a in corpus]


def test_parsed_records_carry_the_whole_article() -> None:
    seeds = [arnews.parse(a.raw, id=a.id) for a in arnews.load()]  # uncurated, as records are
    parsed = batch.parse_records(raw_records(Corpus(seeds)))
    assert [r["id"] for r in parsed] == [a.id for a in seeds]
    assert list(batch.articles(parsed)) == seeds
    assert parsed[3]["title"] == seeds[3].title
    assert {r["date"] for r in parsed} == {
        None if a.date is None else a.date.isoformat() for a in seeds
    }


def test_token_records_are_the_index_keys_with_their_spans() -> None:
    parsed = batch.parse_records([{"id": "t", "text": "موسكو وبِغدادَ\n\nفي بغداد ﷺ.\n"}])
    rows = [
        (r["field"], r["index"], r["start"], r["end"], r["token"], r["word"])
        for r in batch.token_records(parsed)
    ]
    assert rows[:2] == [
        ("title", 0, 0, 5, "موسكو", "موسكو"),
        ("title", 0, 6, 14, "وبِغدادَ", "وبغداد"),
    ]
    assert rows[2:4] == [
        ("paragraph", 0, 0, 2, "في", "في"),
        ("paragraph", 0, 3, 8, "بغداد", "بغداد"),
    ]
    # The ligature of a blessing is several words over one span.
    ligature = [r for r in rows if r[4] == "ﷺ"]
    assert len(ligature) == 4
    assert {r[2:4] for r in ligature} == {(9, 10)}


def test_batch_functions_pickle_and_run_in_a_process_pool(tmp_path: Path) -> None:
    raw = raw_records(arnews.load())
    for function in (batch.parse_records, batch.build_shard, batch.map_frames(batch.parse_records)):
        assert pickle.loads(pickle.dumps(function)) is not None
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        shards = pool.starmap(batch.build_shard, [(raw[:3], tmp_path), (raw[3:], tmp_path)])
    paths = [s[0]["path"] for s in shards]
    assert [s[0]["articles"] for s in shards] == [3, 2]
    merged = arnews.merge_indexes(paths, tmp_path / "all.db")
    expected = Corpus(arnews.parse(r["text"], id=r["id"]) for r in raw)
    assert merged.ids == expected.ids
    assert merged.search("بغداد") == expected.search("بغداد")


def test_merging_shards_equals_building_at_once(tmp_path: Path) -> None:
    corpus = Corpus(synthetic_articles(40, seed=11))
    parts = [corpus[i : i + 10] for i in range(0, 40, 10)]
    shards = [
        arnews.build_index(p, tmp_path / f"s{i}.db", batch_mb=0.002).path
        for i, p in enumerate(parts)
    ]
    merged = arnews.merge_indexes(shards, tmp_path / "all.db")
    assert merged.ids == corpus.ids
    for query in ("بغداد", "في", "موسكو", "روسيا", "الجزيرة"):
        assert merged.search(query) == corpus.search(query)
    assert merged.frequencies() == corpus.frequencies()
    assert list(merged) == list(corpus)


def test_merging_a_shard_with_known_ids_keeps_the_later_version(tmp_path: Path) -> None:
    corpus = arnews.load()
    changed = attrs.evolve(corpus[0], title="عنوان آخر تماما")
    first = arnews.build_index(corpus, tmp_path / "a.db").path
    second = arnews.build_index([changed, corpus[1]], tmp_path / "b.db").path
    merged = arnews.merge_indexes([first, second], tmp_path / "all.db")
    expected = Corpus([*corpus[1:], changed])
    assert merged.ids == expected.ids
    assert len(merged) == 5
    for query in ("صحيفة روسية", "عنوان آخر", "بغداد"):
        assert merged.search(query) == expected.search(query)
    assert merged.frequencies() == expected.frequencies()


def test_records_without_the_columns_are_refused() -> None:
    with pytest.raises(ValueError, match="expects records with a 'text' key"):
        batch.parse_records([{"id": "a"}])
    with pytest.raises(ValueError, match="record 'a'"):
        batch.parse_records([{"id": "a", "text": "   "}])
    with pytest.raises(ValueError, match="not an arnews article"):
        list(batch.articles([{"article": "{}"}]))


def test_import_arnews_imports_no_optional_dependency() -> None:
    code = (
        "import sys, arnews, arnews.batch\n"
        "heavy = ('dask', 'distributed', 'pyspark', 'pyarrow', 'datasets', 'tqdm', 'pandas')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
