"""What loading and writing withstand: hostile folders, unlucky files, threads, zipped installs.

- ``load()`` works from the built wheel itself on ``sys.path`` (a zip), in a fresh process.
- 16 threads calling ``load()`` at once get one corpus, parsed once.
- ``to_jsonl`` never destroys its target: an article it cannot write (a lone surrogate)
  is named with its field, and the old file stays as it was.
- ``load_dir`` does not follow links out of its folder (files or folders); a folder it cannot
  read is an error naming it; ``load_dir("")`` and ``pattern="."`` are clear errors.
- A ``str`` subclass as pattern works; a UTF-16 file gets the UTF-16 hint, not WINDOWS-1256.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import arnews
from helpers import build_wheel, make_article

TEXT = "عنوان الخبر\n\n2018-02-18\n\nنص الخبر الأول.\n"


# --------------------------------------------------------------------------- zip import


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_wheel(tmp_path_factory.mktemp("dist"))


def test_load_works_from_the_wheel_as_a_zip(wheel: Path) -> None:
    code = textwrap.dedent(
        f"""
        import sys
        sys.path.insert(0, {str(wheel)!r})
        import arnews
        assert arnews.__file__.startswith({str(wheel)!r}), arnews.__file__
        corpus = arnews.load()
        print(len(corpus), len(arnews.catalog()), len(arnews.gazetteer()))
        print(corpus.search("الموصل").__len__() > 0)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd="/"
    )
    assert done.returncode == 0, done.stderr
    counts, found = done.stdout.split("\n")[:2]
    assert counts.split()[:2] == ["5", "5"]
    assert found == "True"


# --------------------------------------------------------------------------- first use


def test_sixteen_threads_loading_at_once_get_one_corpus_parsed_once() -> None:
    # A fresh process, so this is really the first use.
    code = textwrap.dedent(
        """
        import threading
        import arnews
        from arnews import _load

        calls = []
        parse = _load.parse

        def counting(*args, **kwargs):
            calls.append(1)
            return parse(*args, **kwargs)

        _load.parse = counting
        barrier = threading.Barrier(16)
        got = []

        def worker():
            barrier.wait()
            got.append(arnews.load())

        threads = [threading.Thread(target=worker) for _ in range(16)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        print(len(got), len({id(c) for c in got}), len(calls))
        """
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["16", "1", "5"]  # 16 answers, one corpus, five parses


# --------------------------------------------------------------------------- atomic writes


def test_to_jsonl_keeps_the_old_file_and_names_the_article_and_field(tmp_path: Path) -> None:
    out = tmp_path / "corpus.jsonl"
    arnews.load().to_jsonl(out)
    before = out.read_bytes()
    bad = make_article("فقرة سليمة.", "فقرة فيها \udcff بايت.", id="surrogate-1", raw="x")
    corpus = arnews.Corpus([arnews.load()[0], bad])
    with pytest.raises(ValueError, match=r"'surrogate-1'.*sections\[0\]\.paragraphs\[1\]") as info:
        corpus.to_jsonl(out)
    assert "nothing was written" in str(info.value)
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus.jsonl"]


def test_a_surrogate_from_a_file_name_is_named_too(tmp_path: Path) -> None:
    # load_dir makes such ids from non-UTF-8 file names (os.fsdecode uses surrogateescape).
    name = os.fsdecode(b"caf\xe9.txt")
    (tmp_path / name).write_text(TEXT, encoding="utf-8")
    corpus = arnews.load_dir(tmp_path)
    assert corpus.ids == (os.fsdecode(b"caf\xe9"),)
    with pytest.raises(ValueError, match=r"lone surrogate in id"):
        corpus.to_jsonl(tmp_path / "out.jsonl")
    assert not (tmp_path / "out.jsonl").exists()


# --------------------------------------------------------------------------- links and folders


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder beside the loaded one, holding a secret that must not be read."""
    secret = tmp_path / "outside"
    secret.mkdir()
    (secret / "passwd.txt").write_text("root:x:0:0:secret\n\nسر.\n", encoding="utf-8")
    (secret / "hosts").write_text("127.0.0.1 localhost\n", encoding="utf-8")
    return secret


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "a.txt").write_text(TEXT, encoding="utf-8")
    return mine


def test_a_link_to_a_file_outside_is_not_followed(folder: Path, outside: Path) -> None:
    (folder / "b.txt").symlink_to(outside / "passwd.txt")
    with pytest.raises(ValueError, match=r"'b\.txt' is a link to a file outside the folder"):
        arnews.load_dir(folder)
    corpus = arnews.load_dir(folder, errors="skip")
    assert corpus.ids == ("a",)
    assert [s.path for s in corpus.skipped] == ["b.txt"]
    assert all("secret" not in a.raw for a in corpus)
    assert arnews.load_dir(folder, follow_links=True).ids == ("a", "b")  # when asked


def test_a_link_to_a_folder_outside_is_not_followed(folder: Path, outside: Path) -> None:
    (folder / "etc").symlink_to(outside, target_is_directory=True)
    with pytest.raises(ValueError, match=r"'etc/hosts' is a link to a file outside"):
        arnews.load_dir(folder, pattern="etc/host*")
    corpus = arnews.load_dir(folder, pattern="**/*.txt", errors="skip")
    assert corpus.ids == ("a",)
    assert all("secret" not in a.raw for a in corpus)


def test_a_link_inside_the_folder_is_read(folder: Path) -> None:
    (folder / "b.txt").symlink_to(folder / "a.txt")
    assert arnews.load_dir(folder).ids == ("a", "b")


def test_an_unreadable_subfolder_is_an_error_naming_it(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = folder / "locked"
    locked.mkdir()
    (locked / "c.txt").write_text(TEXT, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path: object = ".") -> object:
        # Permissions do not stop root, so the refusal is simulated where it happens.
        if Path(os.fsdecode(path)) == locked:  # type: ignore[arg-type]
            raise PermissionError(13, "Permission denied", os.fspath(locked))
        return real_scandir(path)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "scandir", scandir)
    with pytest.raises(PermissionError, match=r"'locked/' is a folder that cannot be read"):
        arnews.load_dir(folder, pattern="**/*.txt")
    corpus = arnews.load_dir(folder, pattern="**/*.txt", errors="skip")
    assert corpus.ids == ("a",)
    assert [s.path for s in corpus.skipped] == ["locked/"]
    # A pattern that does not reach the folder does not care.
    assert arnews.load_dir(folder, pattern="*.txt").ids == ("a",)


@pytest.mark.parametrize("pattern", [".", "./", "", "**", "sub/**"])
def test_a_pattern_that_names_no_files_is_an_error(folder: Path, pattern: str) -> None:
    with pytest.raises(ValueError, match="must name files"):
        arnews.load_dir(folder, pattern=pattern)


def test_an_empty_path_is_an_error_not_the_current_folder() -> None:
    with pytest.raises(ValueError, match="empty path"):
        arnews.load_dir("")


# --------------------------------------------------------------------------- obscure errors


class S(str):
    """A str subclass, as some libraries hand out."""


def test_a_str_subclass_pattern_and_path_work(folder: Path) -> None:
    assert arnews.load_dir(S(folder), pattern=S("*.txt")).ids == ("a",)


def test_a_utf16_file_gets_the_utf16_hint(folder: Path) -> None:
    (folder / "b.txt").write_bytes(TEXT.encode("utf-16"))
    with pytest.raises(ValueError, match="looks like UTF-16: pass encoding='utf-16'") as info:
        arnews.load_dir(folder)
    assert "WINDOWS-1256" not in str(info.value)
    # Without a byte-order mark too.
    (folder / "b.txt").write_bytes(TEXT.encode("utf-16-le"))
    with pytest.raises(ValueError, match="looks like UTF-16"):
        arnews.load_dir(folder)


def test_a_jsonl_line_that_is_not_an_object_is_named(tmp_path: Path) -> None:
    out = tmp_path / "x.jsonl"
    out.write_text(json.dumps({"id": "a", "title": "ع"}) + "\n[1, 2]\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"line 2 must be a JSON object"):
        arnews.load_jsonl(out)
