"""The disk index under hostile conditions: killed builds, concurrent writers, damaged files."""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import arnews
from arnews import Corpus, IndexFileError
from helpers import synthetic_articles

#: Builds from this folder in a subprocess, printing a line after each committed batch.
BUILD = """
import sys, time, arnews
def progress(p):
    print(p.articles, flush=True)
    time.sleep(float(sys.argv[3]))
arnews.build_index(sys.argv[1], sys.argv[2], batch_mb=1e-9, progress=progress)
print("done", flush=True)
"""


def write_folder(folder: Path, count: int) -> Corpus:
    folder.mkdir()
    for article in synthetic_articles(count, seed=3):
        (folder / f"{article.id}.txt").write_text(article.raw, encoding="utf-8")
    return arnews.load_dir(folder)


def test_a_build_killed_midway_leaves_a_usable_index_and_a_rerun_completes_it(
    tmp_path: Path,
) -> None:
    corpus = write_folder(tmp_path / "texts", 40)
    path = tmp_path / "news.db"
    child = subprocess.Popen(
        [sys.executable, "-c", BUILD, str(tmp_path / "texts"), str(path), "0.02"],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    assert child.stdout is not None
    committed = [int(child.stdout.readline()) for _ in range(12)]
    child.send_signal(signal.SIGKILL)
    child.wait()
    child.stdout.close()
    assert committed == list(range(1, 13))
    index = arnews.open_index(path)
    n = len(index)
    assert 12 <= n < 40  # what was committed, and the batch in flight at most
    assert index.ids == corpus.ids[:n]
    assert index.search("بغداد") == corpus[:n].search("بغداد")
    seen: list[arnews.BuildProgress] = []
    again = arnews.build_index(tmp_path / "texts", path, batch_mb=1e-9, progress=seen.append)
    assert (seen[-1].unchanged, seen[-1].added, seen[-1].replaced) == (n, 40 - n, 0)
    assert again.ids == corpus.ids
    for query in ("بغداد", "في", "روسيا", "موسكو"):
        assert again.search(query) == corpus.search(query)
    assert again.frequencies() == corpus.frequencies()


def test_two_readers_while_a_writer_adds(tmp_path: Path) -> None:
    corpus = write_folder(tmp_path / "texts", 30)
    path = tmp_path / "news.db"
    arnews.build_index(corpus[:1], path)
    expected = {n: corpus[:n].search("بغداد") for n in range(1, 31)}
    child = subprocess.Popen(
        [sys.executable, "-c", BUILD, str(tmp_path / "texts"), str(path), "0.01"],
        stdout=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    problems: list[str] = []
    sizes: list[set[int]] = [set(), set()]

    def read(k: int) -> None:
        while child.poll() is None or len(sizes[k]) < 2:
            index = arnews.open_index(path)
            n = len(index)
            sizes[k].add(n)
            # Each snapshot answers for exactly its first n articles, however far the writer is.
            if index.search("بغداد") != expected[n] or index.ids != corpus.ids[:n]:
                problems.append(f"reader {k} at {n} articles")
            index.close()
            if child.poll() is not None and n == 30:
                return

    readers = [threading.Thread(target=read, args=(k,)) for k in range(2)]
    for reader in readers:
        reader.start()
    assert child.wait(timeout=300) == 0
    for reader in readers:
        reader.join(timeout=300)
    assert problems == []
    assert all(len(seen) >= 2 for seen in sizes)  # each reader saw the index grow
    assert len(arnews.open_index(path)) == 30


def test_a_file_that_is_not_an_index_is_refused_clearly(tmp_path: Path) -> None:
    text = tmp_path / "notes.db"
    text.write_text("not a database at all", encoding="utf-8")
    with pytest.raises(IndexFileError, match="not an SQLite database"):
        arnews.open_index(text)
    with pytest.raises(IndexFileError, match="not an SQLite database"):
        arnews.build_index(arnews.load(), text)
    assert text.read_text(encoding="utf-8") == "not a database at all"  # left alone
    empty = tmp_path / "empty.db"
    empty.touch()
    with pytest.raises(IndexFileError, match="is empty"):
        arnews.open_index(empty)
    foreign = tmp_path / "foreign.db"
    with contextlib.closing(sqlite3.connect(foreign, isolation_level=None)) as conn:
        conn.execute("CREATE TABLE t(x)")
    with pytest.raises(IndexFileError, match="an SQLite database but not an arnews index"):
        arnews.open_index(foreign)
    with pytest.raises(IndexFileError, match="not an arnews index"):
        arnews.build_index(arnews.load(), foreign)


def test_a_newer_or_differently_built_index_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    arnews.build_index(arnews.load(), path).close()
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as conn:
        conn.execute("PRAGMA user_version=99")
    with pytest.raises(IndexFileError, match=r"newer arnews \(index schema 99"):
        arnews.open_index(path)
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as conn:
        conn.execute("PRAGMA user_version=1")
        conn.execute("UPDATE meta SET value = 'other' WHERE key = 'analysis'")
    with pytest.raises(IndexFileError, match="other normalization"):
        arnews.open_index(path)
    with pytest.raises(IndexFileError, match="other normalization"):
        arnews.build_index(arnews.load(), path)


def _every_query(index: arnews.DiskIndex) -> None:
    for query in ("بغداد", "في", "موسكو وبغداد", "روسيا"):
        index.search(query)
        index.concordance(query)
    index.frequencies()
    list(index)
    index.entities()


@pytest.mark.parametrize("where", [0.3, 0.5, 0.7, 0.9])
def test_a_damaged_file_raises_index_file_error_never_a_crash(tmp_path: Path, where: float) -> None:
    path = tmp_path / "news.db"
    arnews.build_index(Corpus(synthetic_articles(40, seed=5)), path, batch_mb=0.01).close()
    data = bytearray(path.read_bytes())
    start = int(len(data) * where)
    data[start : start + 20000] = os.urandom(min(20000, len(data) - start))
    path.write_bytes(bytes(data))
    errors = []
    try:
        _every_query(arnews.open_index(path))
    except IndexFileError as exc:  # anything else escaping fails the test
        errors.append(str(exc))
    assert all("damaged" in e and "rebuild it" in e for e in errors)


def test_a_truncated_file_raises_index_file_error(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    arnews.build_index(Corpus(synthetic_articles(40, seed=5)), path, batch_mb=0.01).close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(IndexFileError, match="damaged"):
        _every_query(arnews.open_index(path))


def test_damaged_postings_data_raise_index_file_error(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    arnews.build_index(arnews.load(), path).close()
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as conn:
        conn.execute("UPDATE postings SET data = x'0100000002000000ff000000' WHERE word = 'بغداد'")
        conn.execute(
            "UPDATE postings SET data = x'0100000001000000030000005a0102' WHERE word = 'روسيا'"
        )
    index = arnews.open_index(path)
    with pytest.raises(IndexFileError, match="truncated postings chunk"):
        index.search("بغداد")
    with pytest.raises(IndexFileError, match="damaged"):
        index.search("روسيا")
    assert index.search("لافروف") == arnews.load().search("لافروف")  # the rest still answers
