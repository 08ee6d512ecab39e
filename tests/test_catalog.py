"""Tests for arnews._catalog and the curated facts it applies in arnews.load()."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import attrs
import pytest

import arnews
from arnews import _resources
from arnews._catalog import CatalogEntry, apply_catalog, catalog, load_catalog

IDS = (
    "000_e0e2311573730f34",
    "001_4f119960287c4d94",
    "002_c10afc3176e03f42",
    "003_525ecddc6b3f777e",
    "004_27df001b210ff69a",
)


def test_catalog_covers_every_bundled_text_once() -> None:
    entries = catalog()
    assert tuple(e.id for e in entries) == IDS
    assert tuple(e.file for e in entries) == _resources.seed_names()
    assert all(e.file == e.id + ".txt" for e in entries)


@pytest.mark.parametrize("entry", catalog(), ids=lambda e: e.id[:3])
def test_bundled_bytes_match_the_recorded_sha256(entry: CatalogEntry) -> None:
    assert len(entry.sha256) == 64
    assert hashlib.sha256(_resources.read_bytes(entry.file)).hexdigest() == entry.sha256


@pytest.mark.parametrize("entry", catalog(), ids=lambda e: e.id[:3])
def test_every_fact_has_evidence_in_words(entry: CatalogEntry) -> None:
    assert len(entry.outlet_evidence.split()) >= 5
    assert len(entry.date_evidence.split()) >= 5
    assert (entry.date is None) == (entry.date_confidence is None)


def test_curated_facts_from_the_issue() -> None:
    by_id = load_catalog()
    assert by_id[IDS[0]].outlet == "الخليج الجديد"
    assert by_id[IDS[0]].date is None
    assert by_id[IDS[1]].outlet is None
    assert by_id[IDS[1]].date is None
    assert (by_id[IDS[2]].outlet, by_id[IDS[2]].date, by_id[IDS[2]].date_confidence) == (
        "الجزيرة نت",
        dt.date(2015, 9, 27),
        "high",
    )
    assert (by_id[IDS[3]].outlet, by_id[IDS[3]].date, by_id[IDS[3]].date_confidence) == (
        "الجزيرة نت",
        dt.date(2015, 9, 29),
        "high",
    )
    assert (by_id[IDS[4]].outlet, by_id[IDS[4]].date, by_id[IDS[4]].date_confidence) == (
        "الجورنال نيوز",
        dt.date(2016, 6, 8),
        "medium",
    )


def test_load_applies_the_catalog() -> None:
    corpus = arnews.load()
    a0, a1, a2, a3, a4 = (corpus.article(i) for i in IDS)
    # 000: outlet curated, date and time stated in the text.
    assert (a0.outlet, a0.date, a0.time, a0.date_inferred) == (
        "الخليج الجديد",
        dt.date(2016, 10, 27),
        dt.time(9, 10),
        False,
    )
    # 001: outlet unknown; the closing 'الاتحاد' is an attribution.
    assert (a1.outlet, a1.sources, a1.date, a1.date_inferred) == (
        None,
        ("الاتحاد",),
        dt.date(2015, 9, 29),
        False,
    )
    assert (a2.outlet, a2.date, a2.time, a2.date_inferred) == (
        "الجزيرة نت",
        dt.date(2015, 9, 27),
        None,
        True,
    )
    assert (a3.outlet, a3.date, a3.date_inferred) == ("الجزيرة نت", dt.date(2015, 9, 29), True)
    assert (a4.outlet, a4.dateline, a4.date, a4.date_inferred) == (
        "الجورنال نيوز",
        "بغداد",
        dt.date(2016, 6, 8),
        True,
    )


def test_a_date_stated_in_the_text_wins_over_a_curated_one() -> None:
    article = arnews.parse("عنوان\n\n2020-01-02\n\nنص.", id="x")
    entry = attrs.evolve(load_catalog()[IDS[4]], id="x")
    applied = apply_catalog(article, entry)
    assert (applied.date, applied.date_inferred) == (dt.date(2020, 1, 2), False)
    assert applied.outlet == "الجورنال نيوز"


def test_no_curated_outlet_keeps_the_parsed_one() -> None:
    article = arnews.parse("عنوان\nالقاهرة- صحيفة ما\nنص.", id="x")
    entry = attrs.evolve(load_catalog()[IDS[1]], id="x")
    assert apply_catalog(article, entry).outlet == "صحيفة ما"


def test_apply_catalog_checks_its_arguments() -> None:
    article = arnews.parse("عنوان\nنص.", id="x")
    with pytest.raises(ValueError, match="does not belong to article 'x'"):
        apply_catalog(article, load_catalog()[IDS[0]])
    with pytest.raises(
        TypeError, match=r"expects \(Article, CatalogEntry\), got \(Article, dict\)"
    ):
        apply_catalog(article, {})  # type: ignore[arg-type]


def test_catalog_is_read_through_resources_and_is_valid_json() -> None:
    data = json.loads(_resources.read_text("catalog.json"))
    assert {item["id"] for item in data["articles"]} == set(IDS)


def test_load_catalog_is_read_only_and_cached() -> None:
    by_id = load_catalog()
    assert by_id is load_catalog()
    with pytest.raises(TypeError):
        by_id["new"] = by_id[IDS[0]]  # type: ignore[index]


@pytest.mark.parametrize("article_id", IDS)
def test_curation_touches_only_outlet_and_date(article_id: str) -> None:
    curated = arnews.load().article(article_id)
    plain = arnews.parse(curated.raw, id=article_id)
    untouched = {"outlet", "date", "time", "date_inferred"}
    for field in attrs.fields(arnews.Article):
        if field.name not in untouched:
            assert getattr(curated, field.name) == getattr(plain, field.name), field.name
    if plain.date is not None:
        assert (curated.date, curated.time, curated.date_inferred) == (
            plain.date,
            plain.time,
            False,
        )
