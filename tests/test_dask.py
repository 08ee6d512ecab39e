"""The batch functions on Dask: a bag over the distributed scheduler with local worker processes.

The recipe of docs/large.md ("Dask"), run on the bundled texts: parse, build a
shard per partition, merge the shards, and search each shard in parallel.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import arnews
from arnews import Corpus, batch
from helpers import need, synthetic_articles

dask_bag = need("dask.bag", "dask")
distributed = need("distributed", "dask")


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
        ) as cluster,
        distributed.Client(cluster) as dask_client,
    ):
        yield dask_client


def test_shards_built_on_dask_merge_into_the_index_of_the_whole(
    client: Any, tmp_path: Path
) -> None:
    corpus = Corpus(synthetic_articles(24, seed=13))
    raw = [{"id": a.id, "text": a.raw} for a in corpus]
    bag = dask_bag.from_sequence(raw, npartitions=4)
    shards = (
        bag.map_partitions(batch.parse_records)
        .map_partitions(batch.build_shard, directory=str(tmp_path / "shards"))
        .compute()
    )
    assert len(shards) == 4
    assert sum(s["articles"] for s in shards) == 24
    merged = arnews.merge_indexes([s["path"] for s in shards], tmp_path / "news.db")
    expected = Corpus(arnews.parse(r["text"], id=r["id"]) for r in raw)
    assert merged.ids == expected.ids
    for query in ("بغداد", "في", "روسيا"):
        assert merged.search(query) == expected.search(query)

    # Or search every shard where it lies, and put the hits in shard order.
    def search(path: str) -> list[arnews.Hit]:
        return list(arnews.open_index(path).search("بغداد"))

    hits = dask_bag.from_sequence([s["path"] for s in shards], npartitions=2).map(search)
    assert [h for part in hits.compute() for h in part] == list(expected.search("بغداد"))


def test_tokens_and_normalization_on_dask(client: Any) -> None:
    raw = [{"id": a.id, "text": a.raw} for a in arnews.load()]
    bag = dask_bag.from_sequence(raw, npartitions=3).map_partitions(batch.parse_records)
    tokens = bag.map_partitions(batch.token_records).compute()
    assert tokens == batch.token_records(batch.parse_records(raw))
    texts = dask_bag.from_sequence([{"text": "وبِغدادَ"}]).map_partitions(batch.normalize_records)
    assert texts.compute() == [{"text": "وبِغدادَ", "normalized": "وبغداد"}]
