"""Corpus: an immutable sequence of Articles and the queries over it.

A corpus owns what it derives from its articles — the search index, the
by-id table, the frequency ranking and the mentions of each entity — in one
typed memo that only its own methods write, built once on first use under a
lock (so threads that start searching a fresh corpus together share one
index).  The queries themselves are functions of the modules below
(:mod:`arnews._search`, :mod:`arnews._frequencies`, :mod:`arnews._entities`);
each method here is a thin call.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, overload

import attrs

from . import _arrow, _display, _entities, _export, _frequencies, _query
from ._article import Article
from ._checks import (
    check_filter,
    check_iterable,
    check_str,
)
from ._entities import Entity, Gazetteer, Mention
from ._index import MemoryIndex
from ._memo import QueryMemo
from ._model import DEFAULT_FIELDS
from ._modes import DEFAULT_MODE
from ._query import Query
from ._results import Concordance, Hits

if TYPE_CHECKING:
    import os

    import datasets
    import pandas
    import pyarrow

__all__ = ["Corpus"]


def _to_articles(articles: Iterable[Article]) -> tuple[Article, ...]:
    items = check_iterable(
        articles,
        "Corpus()",
        "an iterable of Article objects",
        "build articles with arnews.parse(text), e.g. Corpus([arnews.parse(text)])",
    )
    for item in items:
        if not isinstance(item, Article):
            msg = (
                f"Corpus holds Article objects, got {type(item).__name__}; "
                f"build articles with arnews.parse(text)"
            )
            raise TypeError(msg)
    checked = tuple(a for a in items if isinstance(a, Article))
    ids = [a.id for a in checked]
    if len(set(ids)) != len(ids):
        dupes = sorted(i for i, n in Counter(ids).items() if n > 1)
        msg = (
            f"Corpus article ids must be unique, got duplicates {dupes}; "
            f"pass id=... to arnews.parse"
        )
        raise ValueError(msg)
    return checked


@attrs.define
class _Memo:
    """What a corpus derives from its articles, built on first use (only Corpus writes here)."""

    lock: threading.RLock = attrs.Factory(threading.RLock)
    index: MemoryIndex | None = None
    by_id: dict[str, Article] | None = None
    #: The kept answers of frequencies() and mentions(), under the same lock.
    queries: QueryMemo = attrs.Factory(lambda self: QueryMemo(self.lock), takes_self=True)


@attrs.frozen(eq=False)
class Corpus(Sequence[Article]):
    """An immutable sequence of :class:`Article` objects with query methods.

    Index it by position or slice like a tuple; look articles up by id with
    :meth:`get`.  Query methods return records (tuples of attrs classes), and
    never print.

    >>> import arnews
    >>> corpus = arnews.load()
    >>> len(corpus), corpus[0].id, len(corpus[1:3])
    (5, '000_e0e2311573730f34', 2)
    >>> "003_525ecddc6b3f777e" in corpus
    True

    Raises:
        TypeError: if built from anything but an iterable of Articles.
        ValueError: if two articles share an id.
    """

    articles: tuple[Article, ...] = attrs.field(converter=_to_articles)
    # What the corpus derives (index, tables, memos); never part of equality or pickles.
    _memo: _Memo = attrs.field(init=False, factory=_Memo, repr=False)

    # -- the sequence -------------------------------------------------------
    def __len__(self) -> int:
        return len(self.articles)

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles)

    @overload
    def __getitem__(self, index: int) -> Article: ...
    @overload
    def __getitem__(self, index: slice) -> Corpus: ...
    def __getitem__(self, index: int | slice) -> Article | Corpus:
        if isinstance(index, slice):
            return Corpus(self.articles[index])
        key: object = index
        if isinstance(key, str):
            msg = (
                f"Corpus is indexed by position, not by id; "
                f"use corpus.get({index!r}) (None when absent) or corpus.article({index!r})"
            )
            raise TypeError(msg)
        if isinstance(key, bool) or not isinstance(key, int):
            msg = f"Corpus indices must be int or slice, got {type(key).__name__}"
            raise TypeError(msg)
        try:
            return self.articles[index]
        except IndexError:
            msg = f"Corpus index {index} out of range for {len(self)} articles"
            raise IndexError(msg) from None

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return item in self._by_id()
        if isinstance(item, Article):
            return self._by_id().get(item.id) == item
        return False

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Corpus):
            return NotImplemented
        return self.articles == other.articles

    def __hash__(self) -> int:
        return hash(self.articles)

    def __reduce__(self) -> tuple[type[Corpus], tuple[tuple[Article, ...]]]:
        # Pickle the articles only: the memo (the search index) is rebuilt on use.
        return (Corpus, (self.articles,))

    def __repr__(self) -> str:
        shown = ", ".join(self.ids[:3]) + (", ..." if len(self) > 3 else "")
        return f"<Corpus of {len(self)} articles: {shown}>"

    # -- what the corpus derives ---------------------------------------------
    def _by_id(self) -> dict[str, Article]:
        table = self._memo.by_id
        if table is None:
            with self._memo.lock:
                table = self._memo.by_id
                if table is None:
                    table = self._memo.by_id = {a.id: a for a in self.articles}
        return table

    @property
    def search_index(self) -> MemoryIndex:
        """The search index over this corpus's fields, built on first use and kept.

        Every search, concordance, frequency count and mention lookup uses it;
        threads that ask at once share one build.  Pickling a corpus leaves it
        behind.

        >>> import arnews
        >>> corpus = arnews.load()
        >>> corpus.search_index is corpus.search_index
        True
        """
        index = self._memo.index
        if index is None:
            with self._memo.lock:
                index = self._memo.index
                if index is None:
                    index = self._memo.index = MemoryIndex(self.articles)
        return index

    def _entity_hits(self, entity: Entity, fields: Sequence[str] = DEFAULT_FIELDS) -> Hits:
        """One entity's mentions in some fields, found once per corpus and kept."""
        return self._memo.queries.entity_hits(lambda: self.search_index, entity, self, fields)

    # -- lookup -------------------------------------------------------------
    @property
    def ids(self) -> tuple[str, ...]:
        """The article ids, in corpus order.

        >>> import arnews
        >>> arnews.load().ids[-1]
        '004_27df001b210ff69a'
        """
        return tuple(a.id for a in self.articles)

    def get(self, article_id: str) -> Article | None:
        """The article with this exact id, or None.

        >>> import arnews
        >>> arnews.load().get("002_c10afc3176e03f42").outlet
        'الجزيرة نت'
        >>> arnews.load().get("nope") is None
        True

        Raises:
            TypeError: if ``article_id`` is not a str.
        """
        return self._by_id().get(check_str(article_id, "Corpus.get()", "article ids are str"))

    def article(self, id_or_prefix: str) -> Article:
        """The article whose id is, or uniquely starts with, ``id_or_prefix``.

        >>> import arnews
        >>> arnews.load().article("003").id
        '003_525ecddc6b3f777e'

        Raises:
            TypeError: if ``id_or_prefix`` is not a str.
            ValueError: if ``id_or_prefix`` is empty (every id starts with it).
            KeyError: if no id matches, or the prefix matches several ids.
        """
        exact = self.get(id_or_prefix)
        if exact is not None:
            return exact
        if not id_or_prefix:
            msg = (
                "article() got an empty id; give an id or a unique prefix of one, "
                "e.g. corpus.article('003'), and list the ids with corpus.ids"
            )
            raise ValueError(msg)
        matches = [a for a in self.articles if id_or_prefix and a.id.startswith(id_or_prefix)]
        if len(matches) == 1:
            return matches[0]
        if not matches:
            msg = f"no article id starts with {id_or_prefix!r}; known ids: {', '.join(self.ids)}"
        else:
            msg = (
                f"{id_or_prefix!r} matches {len(matches)} ids "
                f"({', '.join(a.id for a in matches)}); give more characters"
            )
        raise KeyError(msg)

    # -- filters ------------------------------------------------------------
    def filter(
        self,
        *,
        since: dt.date | None = None,
        until: dt.date | None = None,
        outlet: str | None = None,
        where: Callable[[Article], bool] | None = None,
        include_inferred: bool = True,
    ) -> Corpus:
        """A new Corpus of the articles that pass every given condition.

        ``since`` and ``until`` are inclusive; an article without a date fails
        any date condition.  Curated (inferred) dates count unless
        ``include_inferred=False``, which keeps only articles whose date is
        stated in their text (so undated articles go too, with or without
        bounds).  ``outlet`` compares the outlet exactly; ``where`` is any
        function of an Article.

        >>> import arnews, datetime
        >>> corpus = arnews.load()
        >>> corpus.filter(since=datetime.date(2016, 1, 1)).ids
        ('000_e0e2311573730f34', '004_27df001b210ff69a')
        >>> corpus.filter(since=datetime.date(2016, 1, 1), include_inferred=False).ids
        ('000_e0e2311573730f34',)

        Raises:
            TypeError: if a date bound is not a ``datetime.date`` (a
                ``datetime.datetime`` is refused too), ``outlet`` is not a str,
                ``include_inferred`` is not a bool, or ``where`` is not callable.
            ValueError: if ``since`` is after ``until``.
        """
        check_filter(since, until, outlet, where, include_inferred)

        def keep(a: Article) -> bool:
            if since is not None or until is not None or not include_inferred:
                if a.date is None or (a.date_inferred and not include_inferred):
                    return False
                if since is not None and a.date < since:
                    return False
                if until is not None and a.date > until:
                    return False
            if outlet is not None and a.outlet != outlet:
                return False
            return where is None or bool(where(a))

        return Corpus(a for a in self.articles if keep(a))

    # -- queries ----------------------------------------------------------------
    def search(
        self,
        query: str | Query,
        *,
        fields: Sequence[str] = DEFAULT_FIELDS,
        mode: str = DEFAULT_MODE,
    ) -> Hits:
        """Every hit of a query, seeing through spelling variants, clitics and inflections.

        ``query`` is a word, a phrase or a query in the small language of
        docs/querying.md (``a OR b``, ``a -b``, ``a*``, ``"a b"``, ``a AND b``,
        brackets), or the same built with :data:`arnews.Q`.  ``mode`` is
        ``"exact"``, ``"spelling"``, ``"clitics"`` or ``"inflections"`` (the
        default), for every word of the query; see :func:`arnews._search.search`
        and docs/querying.md for the matching rules.

        >>> import arnews
        >>> hits = arnews.load().search("بغداد")
        >>> hits[0].article_id, hits[0].text
        ('000_e0e2311573730f34', 'وبغداد')

        Raises:
            TypeError: if ``query`` is neither a str nor a Q object, or ``fields`` not names.
            ValueError: if the query holds no word or is malformed (the message points at
                the problem), a field name is unknown, or ``mode`` is not a match mode.
        """
        return _query.search(self.search_index, query, fields=fields, mode=mode, source=self)

    def matching(
        self,
        query: str | Query,
        *,
        fields: Sequence[str] = DEFAULT_FIELDS,
        mode: str = DEFAULT_MODE,
    ) -> Corpus:
        """The sub-corpus of the articles where ``query`` has a hit, in corpus order.

        Exactly the articles of ``self.search(query, fields=fields)``.

        >>> import arnews
        >>> arnews.load().matching("لافروف -كيري").ids
        ('003_525ecddc6b3f777e',)

        Raises:
            TypeError, ValueError: as :meth:`search`.
        """
        found = {hit.article_id for hit in self.search(query, fields=fields, mode=mode)}
        return Corpus(a for a in self.articles if a.id in found)

    def concordance(
        self,
        query: str | Query,
        *,
        width: int = 40,
        fields: Sequence[str] = DEFAULT_FIELDS,
        sort: str | Sequence[str] | None = None,
        mode: str = DEFAULT_MODE,
    ) -> Concordance:
        """Keyword-in-context lines for every hit of ``query``, optionally sorted by context.

        Each :class:`ConcordanceLine` holds ``left``, ``match`` and ``right``
        (up to ``width`` characters a side, cut at word boundaries), and
        ``article_id``, ``field``, ``offset`` and ``index`` to locate it.
        ``sort="right1"`` sorts by the first word after the match, ``"left1"``
        by the word before it, ``"right2"`` … ``"left5"``, or several:
        ``"right1,right2"``.  ``fields`` as in :meth:`search`.

        >>> import arnews
        >>> line = arnews.load().concordance("لافروف", width=20)[0]
        >>> line.match, line.article_id
        ('لافروف', '003_525ecddc6b3f777e')

        Raises:
            TypeError: as :meth:`search`, or if ``width`` is not an int.
            ValueError: as :meth:`search`, if ``width`` is negative or too wide, or
                ``sort`` names an unknown key.
        """
        return _query.concordance(
            self.search_index, query, width=width, fields=fields, sort=sort, mode=mode, source=self
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
        """Word (or n-gram) counts, most frequent first, each shown as the texts write it.

        Entries are ``(word, count)`` pairs (:class:`arnews.Frequency`) whose
        word is the most common original spelling of what was counted, with
        ``key`` (the normalized stem), ``forms`` and ``group``.  ``stems=True``
        also counts a word with and without the article together; ``n=2``
        counts pairs of words; ``by="outlet"``, ``"year"``, ``"month"`` or a
        function counts per group; ``fields`` as in :meth:`search`.  See
        :func:`arnews._frequencies.count_words`.

        >>> import arnews
        >>> dict(arnews.load().frequencies(top=50))["روسيا"] > 10
        True

        Raises:
            TypeError: if an argument has the wrong type.
            ValueError: if ``top`` is negative, ``n`` below 1, or a field or group unknown.
        """
        return self._memo.queries.frequencies(
            self.articles,
            self.search_index.vocabulary,
            top=top,
            stopwords=stopwords,
            fields=fields,
            n=n,
            stems=stems,
            by=by,
        )

    def mentions(
        self,
        entity: str,
        *,
        gazetteer: Gazetteer | None = None,
        fields: Sequence[str] = DEFAULT_FIELDS,
    ) -> Hits:
        """Every mention of a gazetteer entity (id, English name or any Arabic alias).

        Mentions are search hits of the entity's aliases (the longest wins
        where two overlap), in text order, in ``fields`` as in :meth:`search`.
        ``gazetteer`` is the bundled :func:`arnews.gazetteer` unless you pass
        your own (``arnews.gazetteer().extend([...])``).  Each answer is found
        once per corpus and kept; it is immutable, so no caller can change
        what the next one gets.

        >>> import arnews
        >>> [h.text for h in arnews.load().mentions("لافروف")][:2]
        ['سيرغي لافروف', 'لافروف']

        Raises:
            TypeError: if ``entity`` is not a str, or ``gazetteer`` not a Gazetteer.
            KeyError: if the gazetteer knows no such entity; the message says
                how to list the known ones and how to add one.
        """
        return self._entity_hits(_entities.resolve(entity, gazetteer), fields)

    def entities(self, *, gazetteer: Gazetteer | None = None) -> tuple[Mention, ...]:
        """Every mention of the gazetteer's entities, by article then position.

        >>> import arnews
        >>> len(arnews.load().entities()) > 20
        True

        Raises:
            TypeError: if ``gazetteer`` is not a Gazetteer.
        """
        chosen = _entities.resolve_gazetteer(gazetteer)
        return _entities.all_mentions(self.search_index, self._entity_hits, chosen)

    # -- export ---------------------------------------------------------------
    def to_records(self) -> list[dict[str, Any]]:
        """One plain dict per article (JSON-ready: dates as ISO strings).

        >>> import arnews
        >>> arnews.load().to_records()[0]["date"]
        '2016-10-27'
        """
        return _export.to_records(self.articles)

    def to_jsonl(self, path: str | os.PathLike[str]) -> None:
        """Write :meth:`to_records` and each raw text as JSON Lines, atomically (UTF-8).

        One article a line; :func:`arnews.load_jsonl` reads it back into equal articles.

        >>> import arnews, json, pathlib, tempfile
        >>> out = pathlib.Path(tempfile.mkdtemp()) / "corpus.jsonl"
        >>> arnews.load().to_jsonl(out)
        >>> json.loads(out.read_text(encoding="utf-8").splitlines()[1])["id"]
        '001_4f119960287c4d94'
        """
        _export.to_jsonl(self.articles, path)

    def to_pandas(self) -> pandas.DataFrame:
        """The records as a pandas DataFrame (needs ``pip install 'arnews[pandas]'``).

        Raises:
            ImportError: if pandas is not installed, naming the extra to install.
        """
        return _export.to_pandas(self.articles)

    def to_arrow(self) -> pyarrow.Table:
        """The records as an Arrow table with the dataset card (``pip install 'arnews[arrow]'``).

        See :func:`arnews._arrow.to_arrow` for the columns.

        Raises:
            ImportError: if pyarrow is not installed, naming the extra to install.
        """
        return _arrow.to_arrow(self.articles)

    def to_parquet(self, path: str | os.PathLike[str]) -> None:
        """Write the records as Parquet, the dataset card in its metadata (``arnews[arrow]``).

        Raises:
            ImportError: if pyarrow is not installed, naming the extra to install.
        """
        _arrow.to_parquet(self.articles, path)

    def to_hf(self) -> datasets.Dataset:
        """The records as a Hugging Face dataset, the card as its description (``arnews[hf]``).

        Raises:
            ImportError: if datasets is not installed, naming the extra to install.
        """
        return _arrow.to_hf(self.articles)

    # -- display ----------------------------------------------------------------
    def _repr_html_(self) -> str:
        return _display.corpus_html(self)

    def _repr_pretty_(self, p: Any, cycle: bool) -> None:
        p.text("Corpus(...)" if cycle else _display.corpus_pretty(self))
