"""The command line on your own data: index build, and list/show/search/kwic on --index/--dir."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import arnews
from arnews.__main__ import main
from arnews._build import BuildProgress
from arnews._progress import progress_line, reporter


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    texts = tmp_path / "texts"
    texts.mkdir()
    for article in arnews.load():
        (texts / f"{article.id}.txt").write_text(article.raw, encoding="utf-8")
    return texts


def test_index_build_then_every_command_reads_the_index(folder: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "news.db")
    code, out, err = run("index", "build", str(folder), "-o", db)
    assert (code, out, err) == (0, f"{db}: 5 articles\n", "")  # not a terminal: no progress
    for command in (["list"], ["show", "003"], ["search", "بغداد"], ["kwic", "الموصل"]):
        from_index = run(*command, "--index", db)
        from_dir = run(*command, "--dir", str(folder))
        assert from_index == from_dir
        assert from_index[0] == 0
        assert from_index[1]
    code, out, _ = run("search", "--index", db, "لافروف", "--limit", "1")
    assert code == 0
    assert out.startswith("003_525ecddc6b3f777e  paragraph[")


def test_a_rebuild_adds_nothing_and_a_new_file_is_added(folder: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "news.db")
    assert run("index", "build", str(folder), "-o", db)[0] == 0
    (folder / "zz.txt").write_text("عنوان جديد\n\nنص عن بغداد.\n", encoding="utf-8")
    assert run("index", "build", str(folder), "-o", db) == (0, f"{db}: 6 articles\n", "")
    assert "zz  " in run("list", "--index", db)[1]


def test_missing_or_foreign_files_are_one_line_errors(tmp_path: Path) -> None:
    code, out, err = run("list", "--index", str(tmp_path / "none.db"))
    assert (code, out) == (2, "")
    assert err.startswith("arnews: no index at")
    assert err.count("\n") == 1
    bad = tmp_path / "bad.db"
    bad.write_text("hello", encoding="utf-8")
    code, _, err = run("search", "--index", str(bad), "بغداد")
    assert code == 2
    assert "not an arnews index" in err
    code, _, err = run("index", "build", str(tmp_path / "nowhere"), "-o", str(tmp_path / "x.db"))
    assert code == 2
    assert "does not exist" in err
    with pytest.raises(SystemExit):
        run("list", "--index", "a.db", "--dir", "b")  # one source at a time


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_a_plain_line_on_a_terminal_and_nothing_elsewhere() -> None:
    steps = [
        BuildProgress(
            articles=n,
            added=n,
            unchanged=0,
            replaced=0,
            bytes_done=n * 10**6,
            bytes_total=4 * 10**6,
        )
        for n in (1, 2, 4)
    ]
    assert reporter(io.StringIO())[0] is None
    screen = _Terminal()
    show, close = reporter(screen, use_tqdm=False)
    assert show is not None
    for step in steps:
        show(step)
    close()
    text = screen.getvalue()
    assert text.count("\r") == 3
    assert text.endswith("\n")
    assert text.split("\r")[-1].strip() == progress_line(steps[-1]).strip()
    assert "4.0/4.0 MB  100%  4 articles (4 added, 0 unchanged, 0 replaced)" in text
