from __future__ import annotations

from pathlib import Path

import pytest

import arnews
from arnews import _resources


def test_load_is_cached_and_holds_every_bundled_text() -> None:
    corpus = arnews.load()
    assert corpus is arnews.load()
    assert [a.id + ".txt" for a in corpus] == list(_resources.seed_names())
    for article in corpus:
        assert article.raw == _resources.read_text(article.id + ".txt")


def test_load_dir_reads_utf8_with_and_without_bom(tmp_path: Path) -> None:
    text = "عنوان أول\n\n2015-09-29\n\nفقرة أولى من النص.\n"
    (tmp_path / "b.txt").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "ignored.md").write_text("# not an article", encoding="utf-8")
    corpus = arnews.load_dir(tmp_path)
    assert corpus.ids == ("a", "b")
    assert corpus[1].title == "عنوان أول"
    assert corpus[1].raw == text  # the BOM is not part of the text
    assert corpus[0].date is not None
    assert corpus[0].date.isoformat() == "2015-09-29"
    assert not corpus[0].date_inferred


def test_load_dir_pattern(tmp_path: Path) -> None:
    (tmp_path / "x.text").write_text("عنوان\n\nنص.\n", encoding="utf-8")
    assert arnews.load_dir(tmp_path, pattern="*.text").ids == ("x",)


def test_load_dir_round_trips_the_bundled_corpus_without_curation(tmp_path: Path) -> None:
    for name in _resources.seed_names():
        (tmp_path / name).write_bytes(_resources.read_bytes(name))
    mine = arnews.load_dir(tmp_path)
    bundled = arnews.load()
    assert mine.ids == bundled.ids
    for a, b in zip(mine, bundled, strict=True):
        assert a.title == b.title
        assert a.paragraphs == b.paragraphs
        assert a.raw == b.raw
        assert not a.date_inferred  # curation applies to the bundled corpus only


def test_load_dir_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="does not exist"):
        arnews.load_dir(tmp_path / "nope")


def test_load_dir_on_a_file(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("عنوان\n", encoding="utf-8")
    with pytest.raises(NotADirectoryError, match="not a folder"):
        arnews.load_dir(f)


def test_load_dir_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"no file .* matches"):
        arnews.load_dir(tmp_path)


def test_load_dir_names_the_file_that_is_not_utf8(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text("عنوان\n\nنص.\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes("عنوان".encode("cp1256"))
    with pytest.raises(ValueError, match=r"bad\.txt.*not valid UTF-8"):
        arnews.load_dir(tmp_path)


def test_load_dir_names_the_file_that_is_empty(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("  \n\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"empty\.txt"):
        arnews.load_dir(tmp_path)


@pytest.mark.parametrize("bad", [None, 3, b"/tmp"])
def test_load_dir_type_errors(bad: object) -> None:
    with pytest.raises(TypeError, match="folder path"):
        arnews.load_dir(bad)  # type: ignore[arg-type]


def test_load_dir_pattern_type_error(tmp_path: Path) -> None:
    with pytest.raises(TypeError, match="glob pattern"):
        arnews.load_dir(tmp_path, pattern=None)  # type: ignore[arg-type]


@pytest.mark.parametrize("pattern", ["/etc/*", "../*.txt", "sub/../../*.txt"])
def test_load_dir_refuses_patterns_that_leave_the_folder(tmp_path: Path, pattern: str) -> None:
    (tmp_path / "a.txt").write_text("عنوان\n\nنص.\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"pattern=\.\.\.\) is matched inside the folder"):
        arnews.load_dir(tmp_path, pattern=pattern)


def test_load_dir_reads_subfolders_with_a_recursive_pattern(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("عنوان ثان\n\nنص.\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("عنوان أول\n\nنص.\n", encoding="utf-8")
    # Ids are paths relative to the folder, without the extension: unique and stable.
    assert arnews.load_dir(tmp_path, pattern="**/*.txt").ids == ("a", "sub/b")


def test_load_dir_names_both_files_when_two_share_an_id(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("عنوان\n\nنص.\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("عنوان آخر\n\nنص.\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"'a\.txt' would get the id 'a' of 'a\.md'"):
        arnews.load_dir(tmp_path, pattern="*")
