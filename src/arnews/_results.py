"""The records search returns: Hit and ConcordanceLine, and their displaying tuples."""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from typing import Any, Final, SupportsIndex, overload

import attrs

from ._display import concordance_html, concordance_pretty, hits_html, hits_pretty
from ._model import ArticleSource

__all__ = ["Concordance", "ConcordanceLine", "Hit", "Hits"]


_STR_FIELDS: Final = ("article_id", "field", "text", "prefix", "stem", "suffix", "mode")
_INT_FIELDS: Final = ("index", "start", "end", "stem_start", "stem_end")


def _explain_bad_field(hit: Hit) -> None:
    """Raise the TypeError or ValueError for the first Hit field that is wrong."""
    for name in _STR_FIELDS:
        value = getattr(hit, name)
        if type(value) is not str:
            msg = f"Hit.{name} must be a str, got {type(value).__name__} {value!r:.40}"
            raise TypeError(msg)
    for name in _INT_FIELDS:
        value = getattr(hit, name)
        if type(value) is not int:
            msg = f"Hit.{name} must be an int, got {type(value).__name__} {value!r:.40}"
            raise TypeError(msg)
        if value < 0:
            msg = f"Hit.{name} must be 0 or more, got {value}"
            raise ValueError(msg)


@attrs.frozen(kw_only=True)
class Hit:
    """One match of a query: where it is, in original-text offsets, and how it matched.

    ``field`` is a field kind (:data:`arnews._model.FIELD_NAMES`: ``"title"``,
    ``"subheading"``, ``"paragraph"``, ``"caption"`` …) and ``index`` the
    position in that kind's strings (0 for the title), so the field's string is
    :func:`arnews._model.field_text` of them.  Hits are made with keyword
    arguments only, so no two of the neighbouring offsets can be swapped by
    accident, and every field is checked on construction.

    ``start``/``end`` span the whole matched word(s), clitics included, and
    ``text`` is exactly that slice.  It reads ``prefix + stem + suffix``:
    ``prefix`` is the proclitics written before the first query word's stem
    (و, ب, ال, لل …), ``suffix`` the enclitic or tanween after the last word's
    stem (ه, هم, ا …), ``stem`` what lies between, as written (حكومت in
    حكومته); ``stem_start``/``stem_end`` are the stem's offsets.  ``mode`` is
    the match mode that found it (:data:`arnews._modes.MODES`).

    >>> import arnews
    >>> hit = arnews.load().search("بغداد")[0]
    >>> hit.text, hit.prefix, hit.stem, hit.suffix, hit.mode
    ('وبغداد', 'و', 'بغداد', '', 'inflections')

    Raises:
        TypeError: if a field has the wrong type.
        ValueError: if an offset is negative, or the offsets and strings disagree.
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
    prefix: str = ""
    stem: str = ""
    suffix: str = ""
    mode: str = "inflections"

    def __attrs_post_init__(self) -> None:
        # Plain checks in one expression: search builds hundreds of thousands of hits.
        if not (
            type(self.article_id) is str
            and type(self.field) is str
            and type(self.text) is str
            and type(self.prefix) is str
            and type(self.stem) is str
            and type(self.suffix) is str
            and type(self.mode) is str
            and type(self.index) is int
            and type(self.start) is int
            and type(self.end) is int
            and type(self.stem_start) is int
            and type(self.stem_end) is int
            and self.index >= 0
            and self.start >= 0
        ):
            _explain_bad_field(self)
        if not self.start <= self.stem_start <= self.stem_end <= self.end:
            msg = (
                f"Hit offsets must satisfy start <= stem_start <= stem_end <= end, got "
                f"{self.start}, {self.stem_start}, {self.stem_end}, {self.end}"
            )
            raise ValueError(msg)
        if self.end - self.start != len(self.text):
            msg = f"Hit text {self.text!r} does not fill start..end ({self.start}..{self.end})"
            raise ValueError(msg)
        if not (self.prefix or self.stem or self.suffix):
            # Built without an explanation: derive it from the offsets.
            a, b = self.stem_start - self.start, self.stem_end - self.start
            object.__setattr__(self, "prefix", self.text[:a])
            object.__setattr__(self, "stem", self.text[a:b])
            object.__setattr__(self, "suffix", self.text[b:])
        elif self.prefix + self.stem + self.suffix != self.text:
            msg = (
                f"Hit prefix + stem + suffix ({self.prefix!r} + {self.stem!r} + "
                f"{self.suffix!r}) must be its text {self.text!r}"
            )
            raise ValueError(msg)


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
