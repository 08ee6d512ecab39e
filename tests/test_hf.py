"""Export to a Hugging Face datasets.Dataset (the hf extra)."""

from __future__ import annotations

import arnews
from arnews._arrow import dataset_card
from helpers import need

datasets = need("datasets", "hf")


def test_a_dataset_has_the_rows_the_features_and_the_card() -> None:
    corpus = arnews.load()
    ds = corpus.to_hf()
    assert ds.num_rows == 5
    assert ds["id"] == list(corpus.ids)
    assert ds.features["date"] == datasets.Value("date32")
    assert ds.info.description == dataset_card(corpus)
    assert ds[3]["paragraphs"] == list(corpus[3].paragraphs)
    assert ds.to_pandas()["title"].tolist() == [a.title for a in corpus]
