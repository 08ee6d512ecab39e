"""What a corpus or an opened index derives from its articles for queries, and keeps.

:class:`arnews.Corpus` and :class:`arnews.DiskIndex` answer ``frequencies()``
and ``mentions()`` the same way: the plain word counts and each entity's
hits are found once and kept (immutable records, so no caller can change
what the next one gets).  This module is that one way; each owner holds a
:class:`QueryMemo` and nothing else writes into it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from . import _entities, _frequencies
from ._entities import Entity
from ._index import SearchIndex
from ._model import DEFAULT_FIELDS, ArticleBase, ArticleSource, field_kinds
from ._results import Hits

__all__ = ["QueryMemo"]


class QueryMemo:
    """The kept answers of one corpus or index, under one lock.

    >>> import arnews
    >>> corpus = arnews.load()
    >>> memo = QueryMemo()
    >>> words = memo.frequencies(corpus, corpus.search_index.vocabulary, top=1)
    >>> words == corpus.frequencies(top=1), memo.frequencies(corpus, dict, top=1) == words
    (True, True)
    """

    def __init__(self, lock: Any = None) -> None:
        #: Held while an answer is made, so that threads asking at once make it once.
        self.lock: Any = threading.RLock() if lock is None else lock
        self._counted: dict[bool, _frequencies.Frequencies] = {}
        self._mentions: dict[tuple[Entity, frozenset[int]], Hits] = {}

    def frequencies(
        self,
        articles: Iterable[ArticleBase],
        vocabulary: Callable[[], Mapping[str, int]],
        *,
        top: int | None = None,
        stopwords: bool = True,
        fields: Sequence[str] = DEFAULT_FIELDS,
        n: int = 1,
        stems: bool = False,
        by: object = None,
    ) -> _frequencies.Frequencies:
        """:func:`arnews._frequencies.count_words`, the plain counts kept (per ``stopwords``).

        Plain is the default fields, single words, no stems, no groups; any
        other question is counted afresh.  ``vocabulary`` is called only when
        counting.
        """
        if not (fields == DEFAULT_FIELDS and n == 1 and not stems and by is None):
            return _frequencies.count_words(
                articles,
                vocabulary(),
                top=top,
                stopwords=stopwords,
                fields=fields,
                n=n,
                stems=stems,
                by=by,
            )
        _frequencies.check_frequency_args(top, stopwords)
        with self.lock:
            counted = self._counted.get(stopwords)
            if counted is None:
                counted = self._counted[stopwords] = _frequencies.count_words(
                    articles, vocabulary(), stopwords=stopwords
                )
        return counted if top is None else _frequencies.Frequencies(counted[:top])

    def entity_hits(
        self,
        index: Callable[[], SearchIndex],
        entity: Entity,
        source: ArticleSource,
        fields: Sequence[str] = DEFAULT_FIELDS,
    ) -> Hits:
        """One entity's mentions in some fields, found once and kept.

        Kept per (entity, field kinds): an entity of a user's gazetteer with
        the same id as a bundled one is another key.  ``index`` is called only
        when the hits are found.
        """
        key = (entity, field_kinds(fields, "mentions()"))
        with self.lock:
            hits = self._mentions.get(key)
            if hits is None:
                hits = self._mentions[key] = _entities.entity_hits(
                    index(), entity, source, fields=fields
                )
        return hits
