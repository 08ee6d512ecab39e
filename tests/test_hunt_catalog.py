"""A folder's catalog.json: what the schema does not allow is refused, naming the file.

docs/dataset.md: a folder's catalog.json is in "the bundled catalog's schema". A misspelt
key used to be passed over (the curated outlet silently not applied), an outlet that is not
a string surfaced as an Article TypeError that named neither the catalog nor the entry, and
two entries for one text silently let the last win.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import arnews
from arnews._catalog import read_catalog


def folder_with(tmp_path: Path, entries: list[object]) -> Path:
    (tmp_path / "a.txt").write_text("عنوان\n\nنص بلا تاريخ.\n", encoding="utf-8")
    (tmp_path / "catalog.json").write_text(
        json.dumps({"articles": entries}, ensure_ascii=False), encoding="utf-8"
    )
    return tmp_path


def test_a_misspelt_key_is_refused_not_passed_over(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, [{"file": "a.txt", "Outlet": "هسبريس"}])
    with pytest.raises(ValueError, match=r"catalog\.json") as info:
        arnews.load_dir(folder)
    assert "'Outlet'" in str(info.value)


def test_an_outlet_that_is_not_a_string_is_a_catalog_error(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, [{"file": "a.txt", "outlet": 5}])
    with pytest.raises(ValueError, match=r"catalog\.json") as info:
        arnews.load_dir(folder)
    assert "'outlet'" in str(info.value)


@pytest.mark.parametrize("key", ["notes", "date_evidence", "outlet_evidence", "sha256", "file"])
def test_text_fields_must_be_strings(key: str) -> None:
    entry: dict[str, object] = {"id": "a", key: ["not", "text"]}
    with pytest.raises(ValueError, match=f"'{key}'"):
        read_catalog(json.dumps({"articles": [entry]}), "catalog.json")


def test_two_entries_for_one_text_are_refused(tmp_path: Path) -> None:
    folder = folder_with(
        tmp_path, [{"file": "a.txt", "outlet": "س"}, {"file": "a.txt", "outlet": "ص"}]
    )
    with pytest.raises(ValueError, match="'a'"):
        arnews.load_dir(folder)


def test_an_entry_that_is_not_an_object_is_a_catalog_error() -> None:
    with pytest.raises(ValueError, match="not a catalog"):
        read_catalog('{"articles": ["a.txt"]}', "catalog.json")


def test_the_schema_as_documented_still_loads(tmp_path: Path) -> None:
    entry = {
        "file": "a.txt",
        "sha256": "",
        "outlet": "هسبريس",
        "outlet_evidence": "the page",
        "date": "2018-02-18",
        "date_confidence": "medium",
        "date_evidence": "the URL",
        "notes": "",
    }
    article = arnews.load_dir(folder_with(tmp_path, [entry, {"id": "b", "outlet": None}]))[0]
    assert (article.outlet, str(article.date), article.date_inferred) == (
        "هسبريس",
        "2018-02-18",
        True,
    )
