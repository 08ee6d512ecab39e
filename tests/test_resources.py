from __future__ import annotations

import pytest

from arnews import _resources


def test_seed_names_are_the_five_article_files_only() -> None:
    names = _resources.seed_names()
    assert len(names) == 5
    assert all(n.endswith(".txt") for n in names)
    assert names == tuple(sorted(names))


def test_read_text_keeps_bytes_exactly() -> None:
    for name in _resources.seed_names():
        assert _resources.read_text(name).encode("utf-8") == _resources.read_bytes(name)


def test_missing_data_file_names_the_fix() -> None:
    with pytest.raises(FileNotFoundError, match="reinstall arnews"):
        _resources.read_bytes("no-such-file.json")
