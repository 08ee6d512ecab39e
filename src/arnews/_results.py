"""The records search returns: Hit and ConcordanceLine, and their displaying tuples."""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from typing import Any, SupportsIndex, overload

import attrs

from ._display import concordance_html, concordance_pretty, hits_html, hits_pretty
from ._model import ArticleSource

__all__ = ["Concordance", "ConcordanceLine", "Hit", "Hits"]


@attrs.frozen(kw_only=True)
class Hit:
    """One match of a query: where it is, in original-text offsets.

    ``field`` is ``"title"``, ``"paragraph"`` or ``"caption"`` and ``index``
    the position in that tuple (0 for the title), so the field's string is
    ``article.title``, ``article.paragraphs[index]`` or
    ``article.captions[index].text`` (:func:`arnews._model.field_text`).
    Hits are made with keyword arguments only, so no two of the neighbouring
    offsets can be swapped by accident.  ``start``/``end`` span the whole
    matched word(s), clitics included, and ``text`` is exactly that slice;
    ``stem_start``/``stem_end`` span the part that matched the query (from
    the first query word's stem to the end of the last word), leaving out the
    proclitics written before it; where ل absorbed the article's alef
    (للموصل for الموصل) the stem is what follows the لل (موصل).

    >>> import arnews
    >>> hit = arnews.load().search("بغداد")[0]
    >>> hit.text, hit.text[hit.stem_start - hit.start :]
    ('وبغداد', 'بغداد')

    Raises:
        attrs.exceptions.FrozenInstanceError: on any attempt to change a field.
    """

    article_id: str
    field: str
    index: int
    start: int
    end: int
    stem_start: int
    stem_end: int
    text: str


@attrs.frozen
class ConcordanceLine:
    """One keyword-in-context line: the match with up to ``width`` characters each side.

    ``left + match + right`` is an exact slice of the field string;
    ``offset`` is where ``match`` starts in it and ``index`` which paragraph
    or caption it is (0 for the title).

    >>> import arnews
    >>> line = arnews.load().concordance("وبغداد", width=6)[0]
    >>> (line.left, line.match, line.right)
    ('موسكو ', 'وبغداد', ' ستتبا')

    Raises:
        attrs.exceptions.FrozenInstanceError: on any attempt to change a field.
    """

    left: str
    match: str
    right: str
    article_id: str
    field: str
    offset: int
    index: int = 0


class Hits(tuple[Hit, ...]):
    """The tuple of Hits that search returns, with notebook and terminal display.

    It is a plain tuple in every other respect (equality with tuples,
    pickling); it remembers the corpus it came from (weakly) so the notebook
    table can show each hit in context.  A slice is Hits again, remembering
    the same corpus, so ``hits[:5]`` still displays as a table.

    >>> import arnews
    >>> hits = arnews.load().search("لافروف")
    >>> isinstance(hits, tuple), "<mark>لافروف</mark>" in hits._repr_html_()
    (True, True)
    >>> type(hits[:2]).__name__, hits[:2] == tuple(hits)[:2]
    ('Hits', True)
    """

    _corpus: weakref.ref[ArticleSource] | None = None

    @classmethod
    def of(cls, hits: Iterable[Hit], corpus: ArticleSource | None = None) -> Hits:
        """Hits over ``hits``, remembering ``corpus`` for display."""
        made = cls(hits)
        if corpus is not None:
            made._corpus = weakref.ref(corpus)
        return made

    @overload
    def __getitem__(self, index: SupportsIndex) -> Hit: ...
    @overload
    def __getitem__(self, index: slice) -> Hits: ...
    def __getitem__(self, index: SupportsIndex | slice) -> Hit | Hits:
        if isinstance(index, slice):
            made = Hits(tuple.__getitem__(self, index))
            made._corpus = self._corpus
            return made
        return tuple.__getitem__(self, index)

    def __reduce__(self) -> tuple[type[Hits], tuple[tuple[Hit, ...]]]:
        return (Hits, (tuple(self),))

    def _repr_html_(self) -> str:
        return hits_html(self, self._corpus() if self._corpus is not None else None)

    def _repr_pretty_(self, p: Any, cycle: bool) -> None:
        p.text("Hits(...)" if cycle else hits_pretty(self))


class Concordance(tuple[ConcordanceLine, ...]):
    """The tuple of ConcordanceLines that concordance returns, with display.

    It is a plain tuple in every other respect (equality with tuples,
    pickling); a slice is a Concordance again, so ``lines[:5]`` still
    displays as a table.

    >>> import arnews
    >>> lines = arnews.load().concordance("لافروف")
    >>> isinstance(lines, tuple), "<mark>" in lines._repr_html_()
    (True, True)
    """

    @overload
    def __getitem__(self, index: SupportsIndex) -> ConcordanceLine: ...
    @overload
    def __getitem__(self, index: slice) -> Concordance: ...
    def __getitem__(self, index: SupportsIndex | slice) -> ConcordanceLine | Concordance:
        if isinstance(index, slice):
            return Concordance(tuple.__getitem__(self, index))
        return tuple.__getitem__(self, index)

    def __reduce__(self) -> tuple[type[Concordance], tuple[tuple[ConcordanceLine, ...]]]:
        return (Concordance, (tuple(self),))

    def _repr_html_(self) -> str:
        return concordance_html(self)

    def _repr_pretty_(self, p: Any, cycle: bool) -> None:
        p.text("Concordance(...)" if cycle else concordance_pretty(self))
