"""The disk index's file: an SQLite database, its schema, its checks and its postings encoding.

The file
--------
One SQLite database in WAL mode (readers never block the writer, nor it them),
marked with ``PRAGMA application_id`` (the bytes ``arnw``) and its schema
version in ``PRAGMA user_version``; ``meta`` records the arnews version that
wrote it, the field kinds and a fingerprint of the normalization that made
its keys (:func:`analysis_fingerprint`), so an index built by an arnews that
normalizes differently is refused rather than silently answering otherwise.

Tables (every row is written once; only ``articles.dead_in`` and the
``segments`` rows change later):

``batches``
    one row per committed batch of articles: where its article positions and
    field ids start, how many, and the bit widths of its local postings.
``articles``
    one row per article version: position, id, content hash, batch, its field
    id range, the columns ``filter`` reads (date, date_inferred, outlet),
    ``dead_in`` (the batch that replaced it, or NULL while it is live) and its
    document (:mod:`arnews._codec`, UTF-8 JSON without the field texts).
``fields``
    one row per searchable field (field id, article position, kind, index,
    original text and its CRC-32, checked on every read).
``lexicon``
    every normalized word the index has ever held (only new words are
    written, so it grows with the vocabulary, not the corpus): a word that
    is not there costs one lookup, however many segments there are.
``segments`` and ``postings``
    the inverted index as a log-structured merge of immutable segments.  A
    committed batch adds one segment holding one row per normalized word
    (``postings(seg, word)``: occurrences, spelling, data); segments of the
    same level are merged when there are :data:`MERGE_FANIN` of them, so a
    lookup probes O(log batches) rows, and every batch is written at the end
    of the table instead of into the middle of it.

Postings data
-------------
A row's data is a concatenation of chunks, one per batch:
``<batch:u32><count:u32><size:u32><crc32:u32>`` then ``size`` bytes of payload
(the CRC is the payload's, checked when it is decoded, so a damaged page is
reported rather than answered from).  Merging
segments concatenates chunks without decoding them.  A payload's first byte
says how the batch-local packed postings (field id local to the batch, word
position, original start, with the batch's bit widths) follow:

* ``Q``: little-endian int64 values, as they are (short lists);
* ``Z``: zlib-compressed little-endian int64 deltas (long lists);
* ``J``: a JSON list of ints (values too wide for 63 bits).
"""

from __future__ import annotations

import functools
import hashlib
import json
import sqlite3
import struct
import sys
import zlib
from array import array
from collections.abc import Iterator, Sequence
from itertools import accumulate
from operator import sub
from pathlib import Path
from typing import Final

from ._analysis import normalize_words
from ._model import FIELD_NAMES

__all__ = [
    "APPLICATION_ID",
    "MERGE_FANIN",
    "SCHEMA",
    "SCHEMA_VERSION",
    "IndexFileError",
    "analysis_fingerprint",
    "chunks",
    "connect",
    "decode_payload",
    "encode_chunk",
    "encode_payload",
    "text_crc",
]

#: ``PRAGMA application_id`` of an arnews index: the bytes ``arnw``.
APPLICATION_ID: Final = int.from_bytes(b"arnw", "big")
#: The schema version this arnews reads and writes (``PRAGMA user_version``).
SCHEMA_VERSION: Final = 1
#: Segments of one level that are merged into one of the next level.
MERGE_FANIN: Final = 8

SCHEMA: Final = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE batches(
    batch INTEGER PRIMARY KEY, first_pos INTEGER NOT NULL, n_articles INTEGER NOT NULL,
    first_fid INTEGER NOT NULL, n_fields INTEGER NOT NULL, n_killed INTEGER NOT NULL,
    start_bits INTEGER NOT NULL);
CREATE TABLE articles(
    pos INTEGER PRIMARY KEY, id TEXT NOT NULL, hash BLOB NOT NULL, batch INTEGER NOT NULL,
    first_fid INTEGER NOT NULL, n_fields INTEGER NOT NULL, date TEXT, date_inferred INTEGER,
    outlet TEXT, dead_in INTEGER, doc BLOB NOT NULL);
CREATE INDEX articles_id ON articles(id);
CREATE INDEX articles_dead ON articles(dead_in) WHERE dead_in IS NOT NULL;
CREATE TABLE fields(
    fid INTEGER PRIMARY KEY, article INTEGER NOT NULL, kind INTEGER NOT NULL,
    idx INTEGER NOT NULL, text TEXT NOT NULL, crc INTEGER NOT NULL);
CREATE TABLE segments(
    seg INTEGER PRIMARY KEY, level INTEGER NOT NULL,
    first_batch INTEGER NOT NULL, last_batch INTEGER NOT NULL);
CREATE TABLE lexicon(word TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE postings(
    seg INTEGER NOT NULL, word TEXT NOT NULL, n INTEGER NOT NULL, spelling TEXT,
    data BLOB NOT NULL, PRIMARY KEY(seg, word)) WITHOUT ROWID;
"""

_HEADER: Final = struct.Struct("<IIII")
_SQLITE_MAGIC: Final = b"SQLite format 3\x00"
_LITTLE: Final = sys.byteorder == "little"


class IndexFileError(ValueError):
    """A file that cannot be used as an arnews index: not one, newer, older, or damaged.

    The message names the file, what is wrong and what to do.

    >>> issubclass(IndexFileError, ValueError)
    True
    """

    __module__ = "arnews"  # shown by its public name in tracebacks


@functools.cache
def analysis_fingerprint() -> str:
    """A digest of what the normalization makes of every character an index may hold.

    Built from :func:`arnews._analysis.normalize_words` on the code points of
    the Arabic block, ASCII, Latin-1, the invisible characters, quotation
    marks, the word ligatures and the letter presentation forms, alone and
    between two beh letters; an index whose fingerprint differs was built by
    an arnews that would key some text differently.

    >>> len(analysis_fingerprint())
    32
    """
    ranges = (
        (0x21, 0x7F),  # ASCII
        (0xA0, 0x100),  # Latin-1
        (0x600, 0x700),  # Arabic
        (0x200B, 0x2010),  # zero-width characters and directional marks
        (0x2018, 0x2020),  # quotation marks
        (0xFDF0, 0xFDFE),  # ligatures of words
        (0xFE80, 0xFF00),  # presentation forms B: letters, lam-alef
    )
    chars = [chr(code) for low, high in ranges for code in range(low, high)]
    digest = hashlib.blake2b(digest_size=16)
    for probe in (" ".join(chars), " ".join(f"\u0628{c}\u0628" for c in chars)):
        digest.update("\x1f".join(normalize_words(probe)).encode("utf-8", "replace"))
        digest.update(b"\x1e")
    return digest.hexdigest()


def _meta_expected() -> dict[str, str]:
    """The meta rows an index must have for this arnews to read it."""
    return {
        "fields": json.dumps(list(FIELD_NAMES)),
        "analysis": analysis_fingerprint(),
    }


def _refuse(path: Path, problem: str, fix: str) -> IndexFileError:
    return IndexFileError(f"{str(path)!r} {problem}; {fix}")


_REBUILD: Final = "rebuild it with arnews.build_index(source, path) into a new file"


def _check(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse a database that this arnews cannot read as an index."""
    app, version = (
        conn.execute("PRAGMA application_id").fetchone()[0],
        conn.execute("PRAGMA user_version").fetchone()[0],
    )
    if app != APPLICATION_ID:
        raise _refuse(
            path,
            "is an SQLite database but not an arnews index",
            "open a file made by arnews.build_index(source, path)",
        )
    if version > SCHEMA_VERSION:
        raise _refuse(
            path,
            f"was written by a newer arnews (index schema {version}; this arnews reads "
            f"{SCHEMA_VERSION})",
            "upgrade arnews (pip install -U arnews)",
        )
    if version < SCHEMA_VERSION:
        raise _refuse(path, f"has the old index schema {version}", _REBUILD)
    meta = dict(conn.execute("SELECT key, value FROM meta"))
    for key, want in _meta_expected().items():
        if meta.get(key) != want:
            what = "field kinds" if key == "fields" else "normalization"
            raise _refuse(
                path,
                f"was built by arnews {meta.get('arnews', '?')} with other {what} than this "
                f"arnews uses, so its keys would not match the queries",
                _REBUILD,
            )


def _damaged(path: Path, exc: BaseException) -> IndexFileError:
    return _refuse(path, f"is damaged or not an arnews index ({exc})", _REBUILD)


def connect(path: Path, *, create: bool = False, version: str = "") -> sqlite3.Connection:
    """A checked connection to the index at ``path`` (read-only unless ``create``).

    With ``create``, a missing file is made with the schema (``version`` is
    recorded as the arnews that wrote it); an existing one is checked as for
    reading.

    Raises:
        FileNotFoundError: if the file does not exist (and ``create`` is false).
        IsADirectoryError: if ``path`` is a folder.
        IndexFileError: if the file is not an arnews index, was written by a
            newer arnews or with another normalization, or is damaged.
    """
    if path.is_dir():
        msg = f"{str(path)!r} is a folder; give the index file's path, e.g. news.db"
        raise IsADirectoryError(msg)
    exists = path.exists() and path.stat().st_size > 0
    if path.exists() and not exists and not create:
        raise _refuse(path, "is empty, not an arnews index", "build one with arnews.build_index")
    if not exists and not create:
        msg = (
            f"no index at {str(path)!r}; build one with arnews.build_index(source, path) "
            f"or `python -m arnews index build SOURCE -o {path.name}`"
        )
        raise FileNotFoundError(msg)
    if exists:
        with path.open("rb") as file:
            if file.read(16) != _SQLITE_MAGIC:
                raise _refuse(
                    path,
                    "is not an arnews index (not an SQLite database)",
                    "open a file made by arnews.build_index(source, path)",
                )
    try:
        if create:
            conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        else:
            conn = sqlite3.connect(
                f"{path.resolve().as_uri()}?mode=ro",
                uri=True,
                check_same_thread=False,
                isolation_level=None,
            )
        try:
            if not exists:
                _create(conn, version)
            else:
                _check(conn, path)
            if create:
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA cache_size=-16384")
        except BaseException:
            conn.close()
            raise
    except sqlite3.DatabaseError as exc:
        raise _damaged(path, exc) from None
    return conn


def _create(conn: sqlite3.Connection, version: str) -> None:
    """Write the schema and the meta rows into an empty database."""
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("BEGIN IMMEDIATE")
    for statement in SCHEMA.split(";"):
        if statement.strip():
            conn.execute(statement)
    rows = {**_meta_expected(), "arnews": version}
    conn.executemany("INSERT INTO meta VALUES (?, ?)", rows.items())
    conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
    conn.execute("COMMIT")


def damaged(path: Path, exc: BaseException) -> IndexFileError:
    """The error for a file found damaged while reading it."""
    return _damaged(path, exc)


# -- postings chunks --------------------------------------------------------------------------


def encode_payload(postings: Sequence[int]) -> bytes:
    """The payload bytes of one batch's sorted local postings of one word.

    >>> decode_payload(encode_payload([1, 5, 9]))
    [1, 5, 9]
    """
    if postings and postings[-1] >= 1 << 63:
        return b"J" + json.dumps(list(postings)).encode()
    values = postings if isinstance(postings, array) else array("q", postings)
    if len(values) < 8:
        if not _LITTLE:
            values = array("q", values)
            values.byteswap()
        return b"Q" + values.tobytes()
    deltas = array("q", values[:1])
    deltas.extend(map(sub, values[1:], values[:-1]))
    if not _LITTLE:
        deltas.byteswap()
    return b"Z" + zlib.compress(deltas.tobytes(), 1)


def decode_payload(payload: bytes | memoryview) -> list[int]:
    """The local postings one payload holds (the inverse of :func:`encode_payload`).

    Raises:
        ValueError: if the payload kind is unknown or a JSON payload is not a list
            (``zlib.error`` and ``json.JSONDecodeError`` come through as they are;
            readers report any of them as a damaged file).
    """
    kind = payload[:1]
    if kind == b"Q":
        values = array("q")
        values.frombytes(payload[1:])
        if not _LITTLE:
            values.byteswap()
        return values.tolist()
    if kind == b"Z":
        deltas = array("q")
        deltas.frombytes(zlib.decompress(payload[1:]))
        if not _LITTLE:
            deltas.byteswap()
        return list(accumulate(deltas))
    if kind == b"J":
        values_list = json.loads(bytes(payload[1:]))
        if not isinstance(values_list, list):
            msg = "malformed postings payload"
            raise ValueError(msg)
        return [int(v) for v in values_list]
    msg = f"unknown postings payload kind {bytes(kind)!r}"
    raise ValueError(msg)


def text_crc(text: str) -> int:
    """The CRC-32 of a field text's UTF-8 bytes, as the ``fields`` table keeps it.

    >>> text_crc("بغداد") == text_crc("بغداد") != text_crc("بغداذ")
    True
    """
    return zlib.crc32(text.encode("utf-8", "surrogatepass"))


def encode_chunk(batch: int, count: int, payload: bytes) -> bytes:
    """One chunk: its header (batch, count, payload size, payload CRC) and the payload.

    >>> list(chunks(encode_chunk(3, 2, b"Qxy")))
    [(3, 2, b'Qxy')]
    """
    return _HEADER.pack(batch, count, len(payload), zlib.crc32(payload)) + payload


def chunks(data: bytes) -> Iterator[tuple[int, int, bytes]]:
    """(batch, count, payload) of each chunk of a postings row's data, in order.

    Raises:
        ValueError: if the data is truncated or a payload fails its CRC check.
    """
    view = memoryview(data)
    at = 0
    end = len(data)
    size = _HEADER.size
    while at < end:
        if at + size > end:
            msg = "truncated postings chunk header"
            raise ValueError(msg)
        batch, count, length, crc = _HEADER.unpack_from(view, at)
        at += size
        if at + length > end:
            msg = "truncated postings chunk"
            raise ValueError(msg)
        payload = bytes(view[at : at + length])
        if zlib.crc32(payload) != crc:
            msg = "postings chunk fails its CRC check"
            raise ValueError(msg)
        yield batch, count, payload
        at += length
