"""The batch functions on Spark (local mode): mapInPandas over the parsed and shard records.

The recipe of docs/large.md ("Spark"), run on a small generated corpus.  One
local session serves the whole module (the JVM starts once).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import arnews
from arnews import Corpus, batch
from helpers import need, synthetic_articles

pyspark_sql = need("pyspark.sql", "spark")
# The spark extra pins pandas < 3; a development environment may have a newer pandas.
pytestmark = pytest.mark.filterwarnings(
    "ignore:PySpark does not yet fully support pandas:FutureWarning"
)


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"  # loopback only
    session = (
        pyspark_sql.SparkSession.builder.master("local[2]")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .appName("arnews-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def test_shards_built_on_spark_merge_into_the_index_of_the_whole(
    spark: Any, tmp_path: Path
) -> None:
    corpus = Corpus(synthetic_articles(20, seed=17))
    raw = spark.createDataFrame([(a.id, a.raw) for a in corpus], "id string, text string")
    parsed = raw.repartition(3).mapInPandas(
        batch.map_frames(batch.parse_records), batch.PARSED_SCHEMA
    )
    shards = parsed.mapInPandas(
        batch.map_frames(batch.build_shard, directory=str(tmp_path / "shards")), batch.SHARD_SCHEMA
    ).collect()
    assert sum(row["articles"] for row in shards) == 20
    merged = arnews.merge_indexes(sorted(row["path"] for row in shards), tmp_path / "news.db")
    expected = Corpus(arnews.parse(a.raw, id=a.id) for a in corpus)
    assert sorted(merged.ids) == sorted(expected.ids)
    in_index_order = Corpus(expected.get(i) for i in merged.ids)  # type: ignore[misc]
    for query in ("بغداد", "في", "روسيا"):
        assert merged.search(query) == in_index_order.search(query)


def test_tokens_on_spark_are_the_local_ones(spark: Any) -> None:
    raw = spark.createDataFrame([(a.id, a.raw) for a in arnews.load()], "id string, text string")
    parsed = raw.mapInPandas(batch.map_frames(batch.parse_records), batch.PARSED_SCHEMA)
    tokens = parsed.mapInPandas(batch.map_frames(batch.token_records), batch.TOKEN_SCHEMA)
    rows = sorted(tuple(r) for r in tokens.collect())
    local = batch.token_records(
        batch.parse_records([{"id": a.id, "text": a.raw} for a in arnews.load()])
    )
    assert rows == sorted(tuple(r.values()) for r in local)
