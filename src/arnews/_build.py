"""The disk index, write side: build_index (streaming, resumable, optionally parallel) and merges.

:func:`build_index` reads its source in batches of about ``batch_mb`` MB of
text, encodes each batch (:func:`arnews._encode.encode_batch`: parsing,
normalization and postings, in worker processes when ``workers > 1``) and
writes it in one transaction, then merges segments (see
:mod:`arnews._sqlite`).  Memory holds a few batches, whatever the corpus size.

Adding to an existing index is the same call: an article whose id is already
there with the same content is skipped before it is analysed (workers read
the index for that), one whose content changed replaces the old version
(which becomes dead and leaves the index's order; the new one is appended).
A build killed midway leaves every committed batch in the file and a valid
index; running it again skips what was committed and adds the rest.
"""

from __future__ import annotations

import contextlib
import heapq
import importlib.metadata
import itertools
import multiprocessing
import os
import sqlite3
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Final

import attrs

from ._article import Article
from ._checks import check_callable, check_int, check_path, check_str, expected
from ._codec import field_texts
from ._diskindex import DiskIndex, open_index
from ._encode import SEVERAL, EncodedBatch, encode_batch
from ._load import list_files, read_file
from ._sqlite import MERGE_FANIN, chunks, connect, encode_chunk

__all__ = ["BuildProgress", "build_index", "merge_indexes"]

#: A job for an encoder: the files of a folder, or articles.
_Job = tuple[str, tuple[object, ...]]
_BUSY_MS: Final = 60_000


@attrs.frozen
class BuildProgress:
    """Where a build is, handed to ``build_index(progress=...)`` after each batch.

    ``bytes_total`` is None when the source's size is not known in advance
    (an iterable of articles); ``bytes_done`` counts file bytes for a folder
    and field-text bytes otherwise.

    >>> BuildProgress(articles=5, added=5, unchanged=0, replaced=0, bytes_done=10,
    ...               bytes_total=None).articles
    5
    """

    articles: int
    added: int
    unchanged: int
    replaced: int
    bytes_done: int
    bytes_total: int | None


def _version() -> str:
    try:
        return importlib.metadata.version("arnews")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


# -- encoding (runs in worker processes too: module-level, picklable) ----------------------------


def encode_job(job: _Job, index_path: str | None) -> EncodedBatch:
    """Encode one job (files to parse, or articles) against the index at ``index_path``.

    Articles the index already holds unchanged are left out (the index file
    is read for that, if it exists).
    """
    kind, items = job
    articles: Iterable[Article]
    if kind == "files":
        articles = [read_file(*item) for item in items if isinstance(item, tuple)]
    else:
        articles = [item for item in items if isinstance(item, Article)]
    if index_path is None or not Path(index_path).exists():
        return encode_batch(articles)
    conn = connect(Path(index_path))

    def unchanged(article_id: str, digest: bytes) -> bool:
        row = conn.execute(
            "SELECT hash FROM articles WHERE id = ? AND dead_in IS NULL", (article_id,)
        ).fetchone()
        return row is not None and row[0] == digest

    try:
        return encode_batch(articles, unchanged)
    finally:
        conn.close()


# -- sources ------------------------------------------------------------------------------------


def _jobs(
    source: object, batch_bytes: int, pattern: str
) -> tuple[Iterator[tuple[_Job, int]], int | None]:
    """The source as jobs with their sizes in bytes, and its total size when known."""
    if isinstance(source, str | os.PathLike):
        files = list_files(source, pattern, "build_index()")
        sizes = [Path(file).stat().st_size for file, _ in files]
        return _file_jobs(files, sizes, batch_bytes), sum(sizes)
    if isinstance(source, bytes | bytearray) or not isinstance(source, Iterable):
        raise expected(
            "build_index()",
            "a folder path or an iterable of Articles",
            source,
            "e.g. build_index('texts/', 'news.db') or build_index(arnews.load(), 'news.db')",
        )
    return _article_jobs(source, batch_bytes), None


def _file_jobs(
    files: list[tuple[str, str]], sizes: list[int], batch_bytes: int
) -> Iterator[tuple[_Job, int]]:
    batch: list[tuple[str, str]] = []
    size = 0
    for file, file_size in zip(files, sizes, strict=True):
        batch.append(file)
        size += file_size
        if size >= batch_bytes:
            yield ("files", tuple(batch)), size
            batch, size = [], 0
    if batch:
        yield ("files", tuple(batch)), size


def _article_jobs(source: Iterable[object], batch_bytes: int) -> Iterator[tuple[_Job, int]]:
    batch: list[Article] = []
    size = 0
    for item in source:
        if not isinstance(item, Article):
            msg = (
                f"build_index() reads Articles from an iterable, got {type(item).__name__}; "
                f"build articles with arnews.parse(text), or pass a folder path"
            )
            raise TypeError(msg)
        batch.append(item)
        size += sum(2 * len(text) for text in field_texts(item))
        if size >= batch_bytes:
            yield ("articles", tuple(batch)), size
            batch, size = [], 0
    if batch:
        yield ("articles", tuple(batch)), size


# -- writing ------------------------------------------------------------------------------------


class _Writer:
    """Writes encoded batches into an index file and merges its segments."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.conn = connect(path, create=True, version=_version())
        try:
            self.conn.execute(f"PRAGMA busy_timeout={_BUSY_MS}")
            # Merges read the segments they merge through this second connection (a WAL
            # snapshot), streaming, while the first one writes.
            self.reader = connect(path)
        except BaseException:
            self.conn.close()
            raise

    def close(self) -> None:
        self.reader.close()
        # Another connection may be reading: the WAL is then checkpointed later.
        with contextlib.suppress(sqlite3.OperationalError):
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.conn.close()

    def write(self, batch: EncodedBatch) -> tuple[int, int, int]:
        """Write one batch in one transaction; (new articles, replaced ones, duplicates)."""
        if not batch.articles:
            return 0, 0, 0
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            number = conn.execute("SELECT coalesce(max(batch), 0) + 1 FROM batches").fetchone()[0]
            first_pos = conn.execute("SELECT coalesce(max(pos), -1) + 1 FROM articles").fetchone()[
                0
            ]
            first_fid = conn.execute("SELECT coalesce(max(fid), -1) + 1 FROM fields").fetchone()[0]
            killed = replaced = 0
            fid = first_fid
            for offset, (article_id, digest, n_fields, date, inferred, outlet, doc) in enumerate(
                batch.articles
            ):
                dead_in = None
                old = conn.execute(
                    "SELECT pos, hash FROM articles WHERE id = ? AND dead_in IS NULL", (article_id,)
                ).fetchone()
                if old is not None:
                    killed += 1
                    if old[1] == digest:
                        dead_in = number  # a duplicate of what is stored: stored dead
                    else:
                        replaced += 1
                        conn.execute(
                            "UPDATE articles SET dead_in = ? WHERE pos = ?", (number, old[0])
                        )
                conn.execute(
                    "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        first_pos + offset,
                        article_id,
                        digest,
                        number,
                        fid,
                        n_fields,
                        date,
                        int(inferred),
                        outlet,
                        dead_in,
                        doc,
                    ),
                )
                fid += n_fields
            conn.executemany(
                "INSERT INTO fields VALUES (?, ?, ?, ?, ?, ?)",
                (
                    (first_fid + i, first_pos + article, kind, index, text, crc)
                    for i, (article, kind, index, text, crc) in enumerate(batch.fields)
                ),
            )
            seg = conn.execute("SELECT coalesce(max(seg), 0) + 1 FROM segments").fetchone()[0]
            conn.execute("INSERT INTO segments VALUES (?, 0, ?, ?)", (seg, number, number))
            conn.executemany(
                "INSERT INTO postings VALUES (?, ?, ?, ?, ?)",
                (
                    (seg, word, count, spelling, encode_chunk(number, count, payload))
                    for word, count, spelling, payload in batch.postings
                ),
            )
            conn.executemany(
                "INSERT OR IGNORE INTO lexicon VALUES (?)", ((row[0],) for row in batch.postings)
            )
            conn.execute(
                "INSERT INTO batches VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    number,
                    first_pos,
                    len(batch.articles),
                    first_fid,
                    len(batch.fields),
                    killed,
                    batch.start_bits,
                ),
            )
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        return len(batch.articles) - killed, replaced, killed - replaced

    def absorb(self, shard: Path) -> None:
        """Copy every batch of another index file in, renumbered after this one's, in one go."""
        conn = self.conn
        conn.execute("ATTACH DATABASE ? AS shard", (f"{shard.resolve().as_uri()}?mode=ro",))
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                self._absorb()
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        finally:
            conn.execute("DETACH DATABASE shard")

    def _absorb(self) -> None:
        conn = self.conn

        def one(sql: str) -> int:
            value: int = conn.execute(sql).fetchone()[0]
            return value

        batch = one("SELECT coalesce(max(batch), 0) FROM main.batches")
        pos = one("SELECT coalesce(max(pos), -1) + 1 FROM main.articles")
        fid = one("SELECT coalesce(max(fid), -1) + 1 FROM main.fields")
        seg = one("SELECT coalesce(max(seg), 0) FROM main.segments")
        # Articles of the shard whose id is live here: the later version wins, as in a build.
        clashes = conn.execute(
            "SELECT s.pos, s.batch, s.hash = m.hash, m.pos FROM shard.articles AS s "
            "JOIN main.articles AS m ON m.id = s.id AND m.dead_in IS NULL "
            "WHERE s.dead_in IS NULL"
        ).fetchall()
        conn.execute(
            "INSERT INTO main.batches SELECT batch + ?, first_pos + ?, n_articles, first_fid + ?, "
            "n_fields, n_killed, start_bits FROM shard.batches",
            (batch, pos, fid),
        )
        conn.execute(
            "INSERT INTO main.articles SELECT pos + ?, id, hash, batch + ?, first_fid + ?, "
            "n_fields, date, date_inferred, outlet, dead_in + ?, doc FROM shard.articles",
            (pos, batch, fid, batch),
        )
        conn.execute(
            "INSERT INTO main.fields SELECT fid + ?, article + ?, kind, idx, text, crc "
            "FROM shard.fields",
            (fid, pos),
        )
        conn.execute(
            "INSERT INTO main.segments SELECT seg + ?, level, first_batch + ?, last_batch + ? "
            "FROM shard.segments",
            (seg, batch, batch),
        )
        conn.execute("INSERT OR IGNORE INTO main.lexicon SELECT word FROM shard.lexicon")
        rows = conn.execute("SELECT seg, word, n, spelling, data FROM shard.postings")
        conn.executemany(
            "INSERT INTO main.postings VALUES (?, ?, ?, ?, ?)",
            (
                (s + seg, word, n, spelling, _shift_chunks(data, batch))
                for s, word, n, spelling, data in rows
            ),
        )
        for shard_pos, shard_batch, same, main_pos in clashes:
            killer = shard_batch + batch
            dead = shard_pos + pos if same else main_pos
            conn.execute("UPDATE main.articles SET dead_in = ? WHERE pos = ?", (killer, dead))
            conn.execute(
                "UPDATE main.batches SET n_killed = n_killed + 1 WHERE batch = ?", (killer,)
            )

    def merge(self) -> None:
        """Merge segments while some level holds :data:`MERGE_FANIN` of them."""
        while True:
            full = self.conn.execute(
                "SELECT level FROM segments GROUP BY level HAVING count(*) >= ? ORDER BY level "
                "LIMIT 1",
                (MERGE_FANIN,),
            ).fetchone()
            if full is None:
                return
            self._merge_level(full[0])

    def _merge_level(self, level: int) -> None:
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            segs = conn.execute(
                "SELECT seg, first_batch, last_batch FROM segments WHERE level = ? "
                "ORDER BY first_batch LIMIT ?",
                (level, MERGE_FANIN),
            ).fetchall()
            new = conn.execute("SELECT max(seg) + 1 FROM segments").fetchone()[0]
            cursors = [
                self.reader.execute(
                    "SELECT word, ?, n, spelling, data FROM postings WHERE seg = ? ORDER BY word",
                    (order, seg),
                )
                for order, (seg, _, _) in enumerate(segs)
            ]
            conn.executemany(
                "INSERT INTO postings VALUES (?, ?, ?, ?, ?)", _merged(new, heapq.merge(*cursors))
            )
            marks = ",".join("?" * len(segs))
            old = [seg for seg, _, _ in segs]
            conn.execute(f"DELETE FROM postings WHERE seg IN ({marks})", old)
            conn.execute(f"DELETE FROM segments WHERE seg IN ({marks})", old)
            conn.execute(
                "INSERT INTO segments VALUES (?, ?, ?, ?)",
                (new, level + 1, min(s[1] for s in segs), max(s[2] for s in segs)),
            )
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise


def _merged(
    seg: int, rows: Iterator[tuple[str, int, int, str | None, bytes]]
) -> Iterator[tuple[int, str, int, str | None, bytes]]:
    """One row per word from the word-sorted rows of several segments: chunks concatenated."""
    for word, group in itertools.groupby(rows, key=lambda row: row[0]):
        parts = list(group)
        spelling = parts[0][3]
        if any(part[3] != spelling for part in parts):
            spelling = SEVERAL
        yield seg, word, sum(p[2] for p in parts), spelling, b"".join(p[4] for p in parts)


def build_index(
    source: object,
    path: str | os.PathLike[str],
    *,
    workers: int = 1,
    batch_mb: float = 8.0,
    pattern: str = "*.txt",
    progress: Callable[[BuildProgress], object] | None = None,
) -> DiskIndex:
    """Build (or add to) an index file from a folder of texts or an iterable of Articles.

    ``source`` is a folder (its files matching ``pattern`` are read as
    :func:`arnews.load_dir` reads them, one at a time) or any iterable of
    Articles: a Corpus, a generator, another DiskIndex.  ``path`` is the index
    file: created when missing, added to when it exists (unchanged articles
    are skipped, changed ones replaced).  ``workers > 1`` parses and analyses
    batches in that many processes while this one writes.  ``progress`` is
    called with a :class:`BuildProgress` after each batch.  Returns the
    index, opened.

    >>> import arnews, pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "news.db"
    >>> len(arnews.build_index(arnews.load()[:3], path))
    3
    >>> seen = []
    >>> len(arnews.build_index(arnews.load(), path, progress=seen.append))  # adds 2
    5
    >>> seen[-1].added, seen[-1].unchanged
    (2, 3)

    Raises:
        TypeError: if ``source`` is neither a folder path nor an iterable of
            Articles, ``path`` is not a path, or an option has the wrong type.
        ValueError: if ``workers`` or ``batch_mb`` is not positive, or the
            folder cannot be read as by :func:`arnews.load_dir`.
        arnews.IndexFileError: if ``path`` exists but is not an index this
            arnews can add to.
    """
    check_path(path, "build_index()", "the index file's path, e.g. 'news.db'")
    check_int(workers, "build_index(workers=...)", minimum=1, hint="a number of processes")
    if isinstance(batch_mb, bool) or not isinstance(batch_mb, int | float) or not batch_mb > 0:
        msg = f"build_index(batch_mb=...) expects a positive number of MB, got {batch_mb!r}"
        raise ValueError(msg) if isinstance(batch_mb, int | float) else TypeError(msg)
    check_str(pattern, "build_index(pattern=...)", "give a glob pattern such as '*.txt'")
    if progress is not None:
        check_callable(progress, "build_index(progress=...)", "a function of BuildProgress")
    target = Path(path)
    jobs, total = _jobs(source, int(batch_mb * 1e6), pattern)
    writer = _Writer(target)
    state = {"articles": 0, "added": 0, "unchanged": 0, "replaced": 0, "bytes": 0}

    def done(batch: EncodedBatch, size: int) -> None:
        new, replaced, duplicates = writer.write(batch)
        writer.merge()
        state["articles"] += len(batch.articles) + batch.unchanged
        state["added"] += new
        state["replaced"] += replaced
        state["unchanged"] += batch.unchanged + duplicates
        state["bytes"] += size
        if progress is not None:
            progress(
                BuildProgress(
                    articles=state["articles"],
                    added=state["added"],
                    unchanged=state["unchanged"],
                    replaced=state["replaced"],
                    bytes_done=state["bytes"],
                    bytes_total=total,
                )
            )

    try:
        if workers == 1:
            for job, size in jobs:
                done(encode_job(job, str(target)), size)
        else:
            _parallel(jobs, workers, str(target), done)
    finally:
        writer.close()
    return open_index(target)


def _parallel(
    jobs: Iterator[tuple[_Job, int]],
    workers: int,
    index_path: str,
    done: Callable[[EncodedBatch, int], None],
) -> None:
    """Encode jobs in worker processes, a few ahead, and hand the results over in order."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        pending: deque[tuple[Future[EncodedBatch], int]] = deque()
        for job, size in jobs:
            pending.append((pool.submit(encode_job, job, index_path), size))
            if len(pending) >= 2 * workers:
                future, done_size = pending.popleft()
                done(future.result(), done_size)
        while pending:
            future, done_size = pending.popleft()
            done(future.result(), done_size)


def _shift_chunks(data: bytes, offset: int) -> bytes:
    """A postings row's data with every chunk's batch number moved by ``offset``."""
    return b"".join(
        encode_chunk(batch + offset, count, payload) for batch, count, payload in chunks(data)
    )


def merge_indexes(
    paths: Iterable[str | os.PathLike[str]], path: str | os.PathLike[str]
) -> DiskIndex:
    """Add the contents of index files (shards) to the index at ``path``, without re-analysing.

    Shards are added in the order given, each as if its articles were built
    into ``path`` after what it already holds: an article whose id is already
    there is skipped when its content is the same and replaces the old one
    otherwise.  The shards are read, never changed.  Returns the index, opened.

    >>> import arnews, pathlib, tempfile
    >>> tmp = pathlib.Path(tempfile.mkdtemp())
    >>> corpus = arnews.load()
    >>> shards = [arnews.build_index(corpus[:2], tmp / "a.db").path,
    ...           arnews.build_index(corpus[2:], tmp / "b.db").path]
    >>> merged = arnews.merge_indexes(shards, tmp / "all.db")
    >>> merged.ids == corpus.ids, merged.search("بغداد") == corpus.search("بغداد")
    (True, True)

    Raises:
        TypeError: if a path is not a str or path-like.
        FileNotFoundError: if a shard does not exist.
        arnews.IndexFileError: if a shard or ``path`` is not an index this arnews reads.
    """
    check_path(path, "merge_indexes()", "the index file's path, e.g. 'news.db'")
    shards = [Path(check_path(p, "merge_indexes()", "a shard's path")) for p in paths]
    for shard in shards:
        connect(shard).close()  # checks each is an index this arnews reads, before writing
    writer = _Writer(Path(path))
    try:
        for shard in shards:
            writer.absorb(shard)
            writer.merge()
    finally:
        writer.close()
    return open_index(path)
