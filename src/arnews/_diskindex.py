"""The disk index, read side: the SearchIndex protocol over an SQLite file, and DiskIndex.

:func:`open_index` gives a :class:`DiskIndex`: the same queries as a
:class:`arnews.Corpus` (search, concordance, filter, get, frequencies,
mentions, entities) returning the same records, over an index file made by
:func:`arnews.build_index` (the file's layout is in :mod:`arnews._sqlite`).

An opened index is a snapshot: it answers for the batches committed when it
was opened, even while a writer adds more (open it again to see them).  No
read transaction is held open for that; every batch is immutable once
committed and carries its number, so reads simply ignore later ones.  An
article replaced by a later version is *dead* from the batch that replaced
it; its postings stay in the file and are filtered out when read.

:class:`DiskSearchIndex` implements :class:`arnews._index.SearchIndex`, so
search, concordance, frequencies and mentions run on it unchanged: field
metadata and texts are read on demand; the postings lists of all the
surface forms of a query word (dozens to hundreds in the ``inflections``
mode) are read from the segments in one statement
(:class:`arnews._search.LookupMany`), and the metadata of the fields their
short lists point to in one or two more, so a query on a cold index costs a
few statements, not one per form or per hit.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import threading
import weakref
import zlib
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, overload

from . import _arrow, _entities, _frequencies, _query
from ._article import Article
from ._checks import (
    check_filter,
    check_path,
    check_str,
)
from ._codec import doc_article
from ._entities import Entity, Gazetteer, Mention
from ._index import MemoryIndex, Postings
from ._memo import QueryMemo
from ._model import DEFAULT_FIELDS, FIELD_NAMES
from ._modes import DEFAULT_MODE
from ._query import Query
from ._results import Concordance, Hits
from ._search import LookupMany
from ._sqlite import chunks, connect, damaged, decode_payload, text_crc

if TYPE_CHECKING:
    import os

    import datasets
    import pyarrow

__all__ = ["DiskIndex", "DiskSearchIndex", "open_index"]

#: Postings lists up to this long get their fields' metadata fetched in one statement.
_PREFETCH: Final = 2048
#: Field metadata and texts kept per opened index (entries, dropped all at once past this).
_KEEP_META: Final = 200_000
_KEEP_TEXTS: Final = 8192
#: Articles decoded per MemoryIndex when counting the words of a subset.
_COUNT_CHUNK: Final = 500


class _Store:
    """One opened index file: its connection, snapshot and the tables' small parts in memory."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lock = threading.RLock()
        self.conn = connect(path)
        # Closed when the last query object lets go of it (or by DiskIndex.close()).
        self.close = weakref.finalize(self, self.conn.close)
        with self.reading():
            batches = self.conn.execute(
                "SELECT batch, first_pos, n_articles, first_fid, n_fields, n_killed, "
                "start_bits FROM batches ORDER BY batch"
            ).fetchall()
            #: The last batch this snapshot sees (0: an empty index).
            self.snapshot: int = batches[-1][0] if batches else 0
            #: batch -> (first field id, start bits)
            self.batches = {b: (fid, sb) for b, _, _, fid, _, _, sb in batches}
            self.start_bits = max((row[6] for row in batches), default=1)
            self.n_positions = max((p + n for _, p, n, *_ in batches), default=0)
            self.n_fields = max((f + n for _, _, _, f, n, *_ in batches), default=0)
            self.live = sum(row[2] - row[5] for row in batches)
            dead = self.conn.execute(
                "SELECT first_fid, n_fields FROM articles WHERE dead_in <= ? ORDER BY first_fid",
                (self.snapshot,),
            ).fetchall()
        #: Sorted field-id ranges [start, end) of articles dead in this snapshot.
        self.dead = [(start, start + n) for start, n in dead if n]
        self.meta: dict[int, tuple[int, int, int]] = {}
        self.texts: dict[int, str] = {}
        self.ids: dict[int, str] = {}
        self.last: tuple[str, list[int], str | None] | None = None

    # -- reading ---------------------------------------------------------------------------
    def reading(self) -> _Reading:
        """A context that holds the lock and turns any database failure into IndexFileError."""
        return _Reading(self)

    def rows(self, sql: str, args: Sequence[object] = ()) -> list[Any]:
        """All rows of one statement."""
        with self.reading():
            return self.conn.execute(sql, args).fetchall()

    def stream(self, sql: str, args: Sequence[object] = ()) -> Iterator[Any]:
        """The rows of one statement, fetched a few hundred at a time."""
        with self.reading():
            cursor = self.conn.cursor()
            cursor.arraysize = 256
            cursor.execute(sql, args)
        while True:
            with self.reading():
                block = cursor.fetchmany()
            if not block:
                return
            yield from block

    # -- postings --------------------------------------------------------------------------
    def word(self, word: str) -> tuple[list[int], str | None]:
        """The global postings of one word in this snapshot, and its one spelling or None."""
        last = self.last
        if last is not None and last[0] == word:
            return last[1], last[2]
        rows = self.rows(
            "SELECT p.spelling, p.data FROM lexicon AS l CROSS JOIN segments AS s "
            "CROSS JOIN postings AS p ON p.seg = s.seg AND p.word = l.word WHERE l.word = ?",
            (word,),
        )
        postings, spelled = self._postings(word, rows)
        self.last = (word, postings, spelled)
        if postings and len(postings) <= _PREFETCH:
            self.prefetch(postings, text=spelled is None)
        return postings, spelled

    def words(self, words: Sequence[str]) -> list[tuple[list[int], str | None]]:
        """:meth:`word` of each of ``words``, read in one statement (and their fields in two)."""
        rows: dict[int, list[tuple[str | None, bytes]]] = {}
        if words:
            # One statement text whatever the number of words (so it is prepared once).
            for number, code, data in self.rows(
                "SELECT j.key, p.spelling, p.data FROM json_each(?) AS j "
                "CROSS JOIN lexicon AS l ON l.word = j.value CROSS JOIN segments AS s "
                "CROSS JOIN postings AS p ON p.seg = s.seg AND p.word = l.word",
                (json.dumps(list(words)),),
            ):
                rows.setdefault(number, []).append((code, data))
        found: list[tuple[list[int], str | None]] = []
        with_text: list[int] = []
        meta_only: list[int] = []
        for number, word in enumerate(words):
            held = rows.get(number)
            postings, spelled = ([], None) if held is None else self._postings(word, held)
            found.append((postings, spelled))
            if postings and len(postings) <= _PREFETCH:
                (with_text if spelled is None else meta_only).extend(postings)
        if with_text:
            self.prefetch(with_text, text=True)
        if meta_only:
            self.prefetch(meta_only, text=False)
        return found

    def _postings(
        self, word: str, rows: Iterable[tuple[str | None, bytes]]
    ) -> tuple[list[int], str | None]:
        """The postings and spelling of ``word`` from its (spelling, data) rows, one per segment."""
        found: list[tuple[int, int, bytes]] = []
        spelling: str | None = None
        first = True
        try:
            for code, data in rows:
                seen = [c for c in chunks(data) if c[0] <= self.snapshot]
                if not seen:
                    continue
                found.extend(seen)
                if first:
                    spelling, first = code, False
                elif code != spelling:
                    spelling = ""
            found.sort(key=lambda c: c[0])
            postings = self._decode(found)
        except (ValueError, KeyError, zlib.error) as exc:
            raise damaged(self.path, exc) from None
        spelled = None if first or spelling == "" else word if spelling is None else spelling
        if self.dead and postings:
            postings = _drop(postings, self.dead, self.start_bits)
        return postings, spelled

    def _decode(self, found: list[tuple[int, int, bytes]]) -> list[int]:
        """Global packed postings from (batch, count, payload) chunks in batch order."""
        sb_all = self.start_bits
        out: list[int] = []
        for batch, _, payload in found:
            first_fid, sb = self.batches[batch]
            local = decode_payload(payload)
            if sb == sb_all:
                base = first_fid << sb_all
                out.extend([base + v for v in local])
            else:
                smask = (1 << sb) - 1
                out.extend([((first_fid + (v >> sb)) << sb_all) | (v & smask) for v in local])
        return out

    # -- fields ----------------------------------------------------------------------------
    def prefetch(self, postings: Iterable[int], *, text: bool) -> None:
        """Fetch the metadata (and texts) of the fields these postings point to, in one go."""
        shift = self.start_bits
        have = self.texts if text else self.meta
        wanted = sorted({fid for fid in (p >> shift for p in postings) if fid not in have})
        if not wanted:
            return
        columns = "f.fid, f.article, f.kind, f.idx, a.id" + (", f.text, f.crc" if text else "")
        # One statement text whatever the number of fields (so it is prepared once).
        rows = self.rows(
            f"SELECT {columns} FROM json_each(?) AS j CROSS JOIN fields AS f ON f.fid = j.value "
            f"JOIN articles AS a ON a.pos = f.article",
            (json.dumps(wanted),),
        )
        self._keep(rows)

    def _keep(self, rows: Iterable[Any]) -> None:
        if len(self.meta) > _KEEP_META:
            self.meta.clear()
            self.ids.clear()
        if len(self.texts) > _KEEP_TEXTS:
            self.texts.clear()
        kinds = len(FIELD_NAMES)
        for row in rows:
            fid, article, kind, number, article_id = row[:5]
            if not (0 <= kind < kinds and number >= 0 and 0 <= article < self.n_positions):
                raise damaged(self.path, ValueError(f"field {fid} has impossible metadata"))
            if len(row) > 5:
                if not isinstance(row[5], str) or text_crc(row[5]) != row[6]:
                    raise damaged(self.path, ValueError(f"field {fid} fails its CRC check"))
                self.texts[fid] = row[5]
            self.meta[fid] = (article, kind, number)
            self.ids[article] = article_id

    def field(self, fid: int) -> tuple[int, int, int]:
        """(article position, kind, index) of one field."""
        meta = self.meta.get(fid)
        if meta is None:
            self._one(fid)
            meta = self.meta[fid]
        return meta

    def text(self, fid: int) -> str:
        """The original text of one field."""
        text = self.texts.get(fid)
        if text is None:
            self._one(fid)
            text = self.texts[fid]
        return text

    def _one(self, fid: int) -> None:
        if not 0 <= fid < self.n_fields:
            raise damaged(self.path, ValueError(f"a posting points to field {fid}, out of range"))
        rows = self.rows(
            "SELECT f.fid, f.article, f.kind, f.idx, a.id, f.text, f.crc FROM fields AS f "
            "JOIN articles AS a ON a.pos = f.article WHERE f.fid = ?",
            (fid,),
        )
        if not rows:
            raise damaged(self.path, LookupError(f"field {fid} is missing"))
        self._keep(rows)

    def article_id(self, position: int) -> str:
        """The id of the article at one position."""
        found = self.ids.get(position)
        if found is None:
            if not 0 <= position < self.n_positions:
                raise damaged(self.path, ValueError(f"article {position} is out of range"))
            rows = self.rows("SELECT id FROM articles WHERE pos = ?", (position,))
            if not rows:
                raise damaged(self.path, LookupError(f"article {position} is missing"))
            found = self.ids[position] = rows[0][0]
        return found

    # -- articles --------------------------------------------------------------------------
    def visible_sql(self) -> str:
        """The condition on ``articles`` for the live articles of this snapshot."""
        s = int(self.snapshot)
        return f"batch <= {s} AND (dead_in IS NULL OR dead_in > {s})"

    def decode(self, doc: bytes, first_fid: int, n_fields: int) -> Article:
        """The Article of one ``articles`` row."""
        rows = self.rows(
            "SELECT text, crc FROM fields WHERE fid >= ? AND fid < ? ORDER BY fid",
            (first_fid, first_fid + n_fields),
        )
        if len(rows) != n_fields or any(
            not isinstance(text, str) or text_crc(text) != crc for text, crc in rows
        ):
            raise damaged(self.path, ValueError(f"the fields {first_fid}+{n_fields} are damaged"))
        texts = [text for text, _ in rows]
        try:
            return doc_article(json.loads(doc), texts)
        except (ValueError, KeyError, TypeError, IndexError) as exc:
            raise damaged(self.path, exc) from None


class _Reading:
    """See :meth:`_Store.reading`."""

    def __init__(self, store: _Store) -> None:
        self.store = store

    def __enter__(self) -> None:
        self.store.lock.acquire()

    def __exit__(self, kind: object, exc: BaseException | None, tb: object) -> None:
        self.store.lock.release()
        if isinstance(exc, sqlite3.DatabaseError):
            raise damaged(self.store.path, exc) from None


def _drop(postings: list[int], ranges: Sequence[tuple[int, int]], shift: int) -> list[int]:
    """The postings whose field id is in none of the sorted [start, end) ``ranges``."""
    starts = [start for start, _ in ranges]
    out = []
    for packed in postings:
        fid = packed >> shift
        i = bisect_right(starts, fid) - 1
        if i < 0 or fid >= ranges[i][1]:
            out.append(packed)
    return out


def _keep_only(postings: Postings, ranges: Sequence[tuple[int, int]], shift: int) -> list[int]:
    """The postings whose field id is in one of the sorted [start, end) ``ranges``."""
    starts = [start for start, _ in ranges]
    out = []
    for packed in postings:
        fid = packed >> shift
        i = bisect_right(starts, fid) - 1
        if i >= 0 and fid < ranges[i][1]:
            out.append(packed)
    return out


class _Column(Sequence[int]):
    """One column of the field metadata (article position, kind or index), read on demand."""

    def __init__(self, store: _Store, column: int) -> None:
        self._store = store
        self._column = column

    def __len__(self) -> int:
        return self._store.n_fields

    @overload
    def __getitem__(self, fid: int) -> int: ...
    @overload
    def __getitem__(self, fid: slice) -> Sequence[int]: ...
    def __getitem__(self, fid: int | slice) -> int | Sequence[int]:
        if isinstance(fid, slice):
            return [self[i] for i in range(*fid.indices(len(self)))]
        return self._store.field(fid)[self._column]


class _Texts(Sequence[str]):
    """The field texts, read on demand."""

    def __init__(self, store: _Store) -> None:
        self._store = store

    def __len__(self) -> int:
        return self._store.n_fields

    @overload
    def __getitem__(self, fid: int) -> str: ...
    @overload
    def __getitem__(self, fid: slice) -> Sequence[str]: ...
    def __getitem__(self, fid: int | slice) -> str | Sequence[str]:
        if isinstance(fid, slice):
            return [self[i] for i in range(*fid.indices(len(self)))]
        return self._store.text(fid)


class _Ids(Sequence[str]):
    """Article ids by position (replaced versions keep their position), read on demand."""

    def __init__(self, store: _Store) -> None:
        self._store = store

    def __len__(self) -> int:
        return self._store.n_positions

    @overload
    def __getitem__(self, position: int) -> str: ...
    @overload
    def __getitem__(self, position: slice) -> Sequence[str]: ...
    def __getitem__(self, position: int | slice) -> str | Sequence[str]:
        if isinstance(position, slice):
            return [self[i] for i in range(*position.indices(len(self)))]
        return self._store.article_id(position)

    def __iter__(self) -> Iterator[str]:
        rows = self._store.stream(
            "SELECT id FROM articles WHERE pos < ? ORDER BY pos", (self._store.n_positions,)
        )
        return (row[0] for row in rows)


class DiskSearchIndex(LookupMany):
    """:class:`arnews._index.SearchIndex` over an index file (see the module docs).

    ``keep`` restricts it to the fields of some articles (a filtered view): a
    sorted list of field-id ranges [start, end).

    >>> import arnews, pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "news.db"
    >>> index = arnews.build_index(arnews.load(), path).search_index
    >>> index.texts[0] == arnews.load()[0].title, len(index.postings("وبغداد")) > 0
    (True, True)
    """

    def __init__(
        self,
        store: _Store,
        keep: Sequence[tuple[int, int]] | None = None,
        articles: Callable[[], Iterator[Article]] | None = None,
    ) -> None:
        self._store = store
        self._keep = keep
        self._articles = articles
        self.ids: Final = _Ids(store)
        self.texts: Final = _Texts(store)
        self.field_article: Final = _Column(store, 0)
        self.field_kind: Final = _Column(store, 1)
        self.field_index: Final = _Column(store, 2)
        self.start_bits: Final = store.start_bits

    def postings(self, word: str) -> Postings:
        """The sorted postings of one normalized surface word (empty when absent)."""
        postings, _ = self._store.word(word)
        if self._keep is not None and postings:
            return _keep_only(postings, self._keep, self.start_bits)
        return postings

    def spelling(self, word: str) -> str | None:
        """The one original token a normalized word always comes from, else None."""
        return self._store.word(word)[1]

    def lookup(self, words: Sequence[str]) -> list[tuple[Postings, str | None]]:
        """(``postings(word)``, ``spelling(word)``) of each word, read in one statement."""
        found: list[tuple[Postings, str | None]] = list(self._store.words(words))
        keep = self._keep
        if keep is not None:
            found = [
                (_keep_only(postings, keep, self.start_bits) if postings else postings, spelled)
                for postings, spelled in found
            ]
        return found

    def vocabulary(self) -> dict[str, int]:
        """Normalized surface word → number of occurrences (in this snapshot or view)."""
        if self._articles is not None:
            return dict(_count(self._articles()))
        store = self._store
        counts: Counter[str] = Counter()
        with store.reading():
            store.conn.execute("BEGIN")
            try:
                newest = store.conn.execute("SELECT max(batch) FROM batches").fetchone()[0]
                if (newest or 0) <= store.snapshot:
                    counts.update(
                        dict(
                            store.conn.execute(
                                "SELECT word, sum(n) FROM postings GROUP BY word"
                            ).fetchall()
                        )
                    )
                else:
                    for word, data in store.conn.execute("SELECT word, data FROM postings"):
                        for batch, count, _ in chunks(data):
                            if batch <= store.snapshot:
                                counts[word] += count
            finally:
                store.conn.execute("COMMIT")
        if store.dead:
            rows = store.stream(
                "SELECT doc, first_fid, n_fields FROM articles WHERE dead_in <= ? ORDER BY pos",
                (store.snapshot,),
            )
            counts.subtract(_count(store.decode(*row) for row in rows))
        return {word: count for word, count in counts.items() if count > 0}

    def words_with_prefix(self, prefix: str) -> Sequence[str]:
        """The normalized surface words that start with ``prefix``, sorted.

        Words whose every occurrence is in a replaced article (or outside a
        view) may be included: their postings are empty.
        """
        if prefix:
            high = prefix[:-1] + chr(min(ord(prefix[-1]) + 1, 0x10FFFF))
            rows = self._store.rows(
                "SELECT word FROM lexicon WHERE word >= ? AND word < ?", (prefix, high)
            )
        else:
            rows = self._store.rows("SELECT word FROM lexicon")
        return sorted(w for (w,) in rows if w.startswith(prefix))


def _count(articles: Iterable[Article]) -> Counter[str]:
    """Occurrences of each normalized word in some articles, indexed a few hundred at a time."""
    counts: Counter[str] = Counter()
    chunk: list[Article] = []
    for article in articles:
        chunk.append(article)
        if len(chunk) == _COUNT_CHUNK:
            counts.update(MemoryIndex(chunk).vocabulary())
            chunk = []
    if chunk:
        counts.update(MemoryIndex(chunk).vocabulary())
    return counts


class _Memo(QueryMemo):
    """What a DiskIndex derives, kept per opened index (only DiskIndex writes here)."""

    def __init__(self) -> None:
        super().__init__()
        self.vocabulary: dict[str, int] | None = None


class DiskIndex:
    """An index file opened for queries: the query API of :class:`arnews.Corpus` on disk.

    Iterate it for its articles (in index order), ``len()`` it for their
    number, look one up with :meth:`get`; ``search``, ``concordance``,
    ``frequencies``, ``mentions`` and ``entities`` return the same records a
    Corpus of the same articles returns.  ``filter`` gives a view of this
    index (another DiskIndex) with the same API.  Make one with
    :func:`arnews.build_index` or :func:`arnews.open_index`.

    >>> import arnews, pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "news.db"
    >>> _ = arnews.build_index(arnews.load(), path)
    >>> index = arnews.open_index(path)
    >>> len(index), index.search("بغداد") == arnews.load().search("بغداد")
    (5, True)
    """

    def __init__(self, store: _Store, keep: tuple[int, ...] | None = None) -> None:
        self._store = store
        #: Positions of the articles of a view, sorted; None for the whole index.
        self._positions = keep
        self._kept = frozenset(keep or ())
        ranges = None
        if keep is not None:
            ranges = self._ranges(keep)
        self._search_index = DiskSearchIndex(
            store, ranges, None if keep is None else self._iter_articles
        )
        self._memo = _Memo()

    def _ranges(self, positions: tuple[int, ...]) -> list[tuple[int, int]]:
        wanted = set(positions)
        rows = self._store.stream(
            f"SELECT pos, first_fid, n_fields FROM articles WHERE {self._store.visible_sql()} "
            "ORDER BY pos"
        )
        return [(fid, fid + n) for pos, fid, n in rows if pos in wanted and n]

    @property
    def path(self) -> Path:
        """The index file."""
        return self._store.path

    @property
    def search_index(self) -> DiskSearchIndex:
        """The :class:`arnews._index.SearchIndex` that every query of this index runs on."""
        return self._search_index

    # -- the articles ---------------------------------------------------------------------
    def _rows(self, columns: str) -> Iterator[Any]:
        """Rows of the articles of this index or view, in index order."""
        rows = self._store.stream(
            f"SELECT pos, {columns} FROM articles WHERE {self._store.visible_sql()} ORDER BY pos"
        )
        if self._positions is None:
            return rows
        kept = self._kept
        return (row for row in rows if row[0] in kept)

    def _iter_articles(self) -> Iterator[Article]:
        for _, doc, first_fid, n_fields in self._rows("doc, first_fid, n_fields"):
            yield self._store.decode(doc, first_fid, n_fields)

    def __iter__(self) -> Iterator[Article]:
        return self._iter_articles()

    def __len__(self) -> int:
        return self._store.live if self._positions is None else len(self._positions)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return self.get(item) is not None
        if isinstance(item, Article):
            return self.get(item.id) == item
        return False

    def __repr__(self) -> str:
        kind = "view of" if self._positions is not None else "index"
        return f"<DiskIndex {kind} {str(self.path)!r}: {len(self)} articles>"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_reopen, (str(self.path), self._positions))

    def close(self) -> None:
        """Close the file (queries afterwards fail); views of it are closed too."""
        self._store.close()

    def __enter__(self) -> DiskIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def ids(self) -> tuple[str, ...]:
        """The article ids, in index order."""
        return tuple(row[1] for row in self._rows("id"))

    def get(self, article_id: str) -> Article | None:
        """The article with this exact id, or None.

        Raises:
            TypeError: if ``article_id`` is not a str.
        """
        check_str(article_id, "DiskIndex.get()", "article ids are str")
        rows = self._store.rows(
            f"SELECT pos, doc, first_fid, n_fields FROM articles WHERE id = ? AND "
            f"{self._store.visible_sql()}",
            (article_id,),
        )
        for pos, doc, first_fid, n_fields in rows:
            if self._positions is None or pos in self._kept:
                return self._store.decode(doc, first_fid, n_fields)
        return None

    def article(self, id_or_prefix: str) -> Article:
        """The article whose id is, or uniquely starts with, ``id_or_prefix``.

        Raises:
            TypeError: if ``id_or_prefix`` is not a str.
            ValueError: if it is empty.
            KeyError: if no id matches, or the prefix matches several ids.
        """
        exact = self.get(id_or_prefix)
        if exact is not None:
            return exact
        if not id_or_prefix:
            msg = "article() got an empty id; give an id or a unique prefix of one"
            raise ValueError(msg)
        high = id_or_prefix[:-1] + chr(min(ord(id_or_prefix[-1]) + 1, 0x10FFFF))
        matches = [
            row
            for row in self._store.rows(
                f"SELECT id, pos FROM articles WHERE id >= ? AND id < ? AND "
                f"{self._store.visible_sql()} ORDER BY pos LIMIT 11",
                (id_or_prefix, high),
            )
            if row[0].startswith(id_or_prefix) and (self._positions is None or row[1] in self._kept)
        ]
        if len(matches) == 1:
            found = self.get(matches[0][0])
            assert found is not None
            return found
        if not matches:
            msg = f"no article id starts with {id_or_prefix!r}"
        else:
            shown = ", ".join(m[0] for m in matches[:10])
            msg = f"{id_or_prefix!r} matches several ids ({shown}); give more characters"
        raise KeyError(msg)

    def filter(
        self,
        *,
        since: dt.date | None = None,
        until: dt.date | None = None,
        outlet: str | None = None,
        where: Callable[[Article], bool] | None = None,
        include_inferred: bool = True,
    ) -> DiskIndex:
        """A view of the articles that pass every condition, as :meth:`arnews.Corpus.filter`.

        The conditions on dates and the outlet read the index's columns; only
        ``where`` decodes the articles.

        Raises:
            TypeError: as :meth:`arnews.Corpus.filter`.
            ValueError: if ``since`` is after ``until``.
        """
        check_filter(since, until, outlet, where, include_inferred)
        dated = since is not None or until is not None or not include_inferred
        kept: list[int] = []
        for pos, date_text, inferred, article_outlet, doc, first_fid, n_fields in self._rows(
            "date, date_inferred, outlet, doc, first_fid, n_fields"
        ):
            if dated:
                date = None if date_text is None else dt.date.fromisoformat(date_text)
                if date is None or (inferred and not include_inferred):
                    continue
                if (since is not None and date < since) or (until is not None and date > until):
                    continue
            if outlet is not None and article_outlet != outlet:
                continue
            if where is not None and not where(self._store.decode(doc, first_fid, n_fields)):
                continue
            kept.append(pos)
        return DiskIndex(self._store, tuple(kept))

    # -- queries ------------------------------------------------------------------------------
    def search(
        self,
        query: str | Query,
        *,
        fields: Sequence[str] = DEFAULT_FIELDS,
        mode: str = DEFAULT_MODE,
    ) -> Hits:
        """Every hit of a query, as :meth:`arnews.Corpus.search` (the same language and modes).

        Raises:
            TypeError: if ``query`` is neither a str nor a Q object, or ``fields`` not names.
            ValueError: if the query holds no word or is malformed, a field is unknown, or
                ``mode`` is not a match mode.
        """
        return _query.search(self._search_index, query, fields=fields, mode=mode, source=self)

    def matching(
        self,
        query: str | Query,
        *,
        fields: Sequence[str] = DEFAULT_FIELDS,
        mode: str = DEFAULT_MODE,
    ) -> DiskIndex:
        """A view of the articles where ``query`` has a hit, as :meth:`arnews.Corpus.matching`.

        Raises:
            TypeError, ValueError: as :meth:`search`.
        """
        found = {hit.article_id for hit in self.search(query, fields=fields, mode=mode)}
        return DiskIndex(
            self._store, tuple(pos for pos, ident in self._rows("id") if ident in found)
        )

    def concordance(
        self,
        query: str | Query,
        *,
        width: int = 40,
        fields: Sequence[str] = DEFAULT_FIELDS,
        sort: str | Sequence[str] | None = None,
        mode: str = DEFAULT_MODE,
    ) -> Concordance:
        """Keyword-in-context lines for every hit, as :meth:`arnews.Corpus.concordance`.

        Raises:
            TypeError: as :meth:`search`, or if ``width`` is not an int.
            ValueError: as :meth:`search`, if ``width`` is negative or too wide, or
                ``sort`` names an unknown key.
        """
        return _query.concordance(
            self._search_index,
            query,
            width=width,
            fields=fields,
            sort=sort,
            mode=mode,
            source=self,
        )

    def frequencies(
        self,
        *,
        top: int | None = None,
        stopwords: bool = True,
        fields: Sequence[str] = DEFAULT_FIELDS,
        n: int = 1,
        stems: bool = False,
        by: str | Callable[[Article], Hashable] | None = None,
    ) -> _frequencies.Frequencies:
        """Word (or n-gram) counts, as :meth:`arnews.Corpus.frequencies`.

        The articles are read once per call (the plain counts are kept per index).

        Raises:
            TypeError: if an argument has the wrong type.
            ValueError: if ``top`` is negative, ``n`` below 1, or a field or group unknown.
        """
        return self._memo.frequencies(
            self,
            self._vocabulary,
            top=top,
            stopwords=stopwords,
            fields=fields,
            n=n,
            stems=stems,
            by=by,
        )

    def _vocabulary(self) -> dict[str, int]:
        memo = self._memo
        with memo.lock:
            if memo.vocabulary is None:
                memo.vocabulary = self._search_index.vocabulary()
            return memo.vocabulary

    def _entity_hits(self, entity: Entity, fields: Sequence[str] = DEFAULT_FIELDS) -> Hits:
        return self._memo.entity_hits(lambda: self._search_index, entity, self, fields)

    def mentions(
        self,
        entity: str,
        *,
        gazetteer: Gazetteer | None = None,
        fields: Sequence[str] = DEFAULT_FIELDS,
    ) -> Hits:
        """Every mention of a gazetteer entity, as :meth:`arnews.Corpus.mentions`.

        Raises:
            TypeError: if ``entity`` is not a str, or ``gazetteer`` not a Gazetteer.
            KeyError: if the gazetteer knows no such entity.
        """
        return self._entity_hits(_entities.resolve(entity, gazetteer), fields)

    def entities(self, *, gazetteer: Gazetteer | None = None) -> tuple[Mention, ...]:
        """Every mention of the gazetteer's entities, by article then position.

        Raises:
            TypeError: if ``gazetteer`` is not a Gazetteer.
        """
        chosen = _entities.resolve_gazetteer(gazetteer)
        return _entities.all_mentions(self._search_index, self._entity_hits, chosen)

    # -- export -----------------------------------------------------------------------------
    def to_arrow(self) -> pyarrow.Table:
        """The articles as an Arrow table, as :meth:`arnews.Corpus.to_arrow` (all in memory).

        Raises:
            ImportError: if pyarrow is not installed.
        """
        return _arrow.to_arrow(self)

    def to_parquet(self, path: str | os.PathLike[str]) -> None:
        """Write the articles as Parquet, streaming (memory stays flat), with the dataset card.

        Raises:
            ImportError: if pyarrow is not installed.
        """
        _arrow.to_parquet(self, path)

    def to_hf(self) -> datasets.Dataset:
        """The articles as a Hugging Face dataset, as :meth:`arnews.Corpus.to_hf`.

        Raises:
            ImportError: if datasets is not installed.
        """
        return _arrow.to_hf(self)


def _reopen(path: str, positions: tuple[int, ...] | None) -> DiskIndex:
    """The index (or view) a pickled DiskIndex stands for."""
    return DiskIndex(_Store(Path(path)), positions)


def open_index(path: str | os.PathLike[str]) -> DiskIndex:
    """Open an index file made by :func:`arnews.build_index`, read-only.

    The opened index sees the articles committed when it was opened; open it
    again to see articles added since.

    >>> import arnews, pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "news.db"
    >>> _ = arnews.build_index(arnews.load(), path)
    >>> len(arnews.open_index(path))
    5

    Raises:
        TypeError: if ``path`` is not a str or path-like.
        FileNotFoundError: if there is no file at ``path``.
        IsADirectoryError: if ``path`` is a folder.
        arnews.IndexFileError: if the file is not an arnews index, was written
            by a newer arnews or with another normalization, or is damaged.
    """
    check_path(path, "open_index()", "the index file's path")
    return DiskIndex(_Store(Path(path)))
