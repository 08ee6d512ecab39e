"""The records search returns: Hit and ConcordanceLine, and the tuples that hold them.

:class:`Hits` and :class:`Concordance` are tuples that also keep the source
their records came from (the corpus, strongly: a chained call such as
``corpus.filter(...).search(...)`` keeps what it needs), so they can show each
match in context, export rows with the article's title, date and outlet and
the sentence of the match, and combine with ``|`` (union, in corpus order)
and ``+`` (concatenation), keeping their type.  Both are immutable, like the
tuples they are: no attribute can be set or deleted, so a result that a
corpus keeps and hands to every caller stays as it was made.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, Final, NoReturn, Protocol, SupportsIndex, overload

import attrs
import regex  # type: ignore[import-untyped]  # no stubs in the dev env

from ._analysis import normalize_words
from ._checks import attrs_instance_of, attrs_int, check_path, expected
from ._display import concordance_html, concordance_pretty, hits_html, hits_pretty
from ._export import date_column
from ._model import FIELD_NAMES, ArticleBase, ArticleSource, field_text
from ._sentences import Sentence, sentence_at
from ._tokenize import WORD_RE
from ._writing import pandas_frame, write_jsonl

if TYPE_CHECKING:
    import os

    import pandas

__all__ = [
    "SORT_KEYS",
    "Concordance",
    "ConcordanceLine",
    "Hit",
    "Hits",
    "Immutable",
    "concordance_lines",
]

_NONE_TYPE: Final = type(None)
#: How a record field's annotation is checked: the annotation as written -> accepted types.
_CHECKED_TYPES: Final[dict[str, tuple[type, ...]]] = {
    "str": (str,),
    "int": (int,),
    "bool": (bool,),
    "str | None": (str, _NONE_TYPE),
    "int | None": (int, _NONE_TYPE),
}


def _checked_fields(cls: type, fields: list[attrs.Attribute]) -> list[attrs.Attribute]:  # type: ignore[type-arg]
    """An attrs field transformer: give the first field a validator that checks every field.

    Each field's annotation must be one of :data:`_CHECKED_TYPES`; ints (never
    bools) must be 0 or more.  One validator for the whole record keeps the
    cost of making a record low (search makes one per match).
    """
    kinds: list[tuple[str, tuple[type, ...]]] = []
    for field in fields:
        accepted = _CHECKED_TYPES.get(str(field.type))
        if accepted is None:
            msg = (
                f"{cls.__name__}.{field.name} is annotated {field.type!r}; records in "
                f"arnews._results check their fields: use one of {sorted(_CHECKED_TYPES)}"
            )
            raise TypeError(msg)
        kinds.append((field.name, accepted))
    name = cls.__name__
    getter = operator.attrgetter(*(field_name for field_name, _ in kinds))
    # The fast path: every value of exactly its one annotated type, the ints not negative.
    exact = tuple(accepted[0] for _, accepted in kinds)
    ints = [i for i, kind in enumerate(exact) if kind is int]
    int_values = operator.itemgetter(*ints) if len(ints) > 1 else None

    def check_all(instance: object, _attribute: object, _value: object) -> None:
        values = getter(instance) if len(kinds) > 1 else (getter(instance),)
        if tuple(map(type, values)) == exact and (
            min(int_values(values)) >= 0
            if int_values is not None
            else all(values[i] >= 0 for i in ints)
        ):
            return
        for (field_name, accepted), value in zip(kinds, values, strict=True):
            kind = type(value)
            if kind in accepted and kind is not bool:
                if kind is int and value < 0:
                    msg = f"{name}.{field_name} must be 0 or more, got {value}"
                    raise ValueError(msg)
                continue
            if kind is bool and bool in accepted:
                continue
            if isinstance(value, accepted) and not isinstance(value, bool):
                continue  # a subclass (a str subclass, an IntEnum ...)
            wanted = " or ".join("None" if t is _NONE_TYPE else t.__name__ for t in accepted)
            msg = f"{name}.{field_name} must be {wanted}, got {kind.__name__}"
            raise TypeError(msg)

    if not fields:
        return fields
    first = fields[0]
    validator = (
        check_all if first.validator is None else attrs.validators.and_(first.validator, check_all)
    )
    return [first.evolve(validator=validator), *fields[1:]]


@attrs.frozen(kw_only=True, field_transformer=_checked_fields)
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
        TypeError: if a field has the wrong type (``index="<img ...>"``).
        ValueError: if an offset or index is negative, or the offsets and strings disagree.
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
        # The types were checked by the field validator (one for the whole record).
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

    ``left + match + right`` is an exact slice of the field string, cut at
    word boundaries (a word that does not fit whole is left out);
    ``offset`` is where ``match`` starts in it and ``index`` which paragraph
    or caption it is (0 for the title).

    >>> import arnews
    >>> line = arnews.load().concordance("وبغداد", width=14)[0]
    >>> (line.left, line.match, line.right)
    ('روسية: موسكو ', 'وبغداد', ' ستتبادلان')

    Raises:
        TypeError: if a field has the wrong type.
        ValueError: if ``offset`` or ``index`` is negative.
        attrs.exceptions.FrozenInstanceError: on any attempt to change a field.
    """

    left: str = attrs.field(validator=attrs_instance_of(str, "ConcordanceLine.left", "a str"))
    match: str = attrs.field(validator=attrs_instance_of(str, "ConcordanceLine.match", "a str"))
    right: str = attrs.field(validator=attrs_instance_of(str, "ConcordanceLine.right", "a str"))
    article_id: str = attrs.field(
        validator=attrs_instance_of(str, "ConcordanceLine.article_id", "a str")
    )
    field: str = attrs.field(validator=attrs_instance_of(str, "ConcordanceLine.field", "a str"))
    offset: int = attrs.field(validator=attrs_int("ConcordanceLine.offset"))
    index: int = attrs.field(default=0, validator=attrs_int("ConcordanceLine.index"))


# -- the shared machinery of Hits and Concordance -------------------------------------


class _OrderedSource(ArticleSource, Protocol):
    """A source that also knows its articles' order (a Corpus, an index)."""

    @property
    def ids(self) -> Sequence[str]:
        """The article ids, in order."""
        ...


_FIELD_ORDER: Final = {name: number for number, name in enumerate(FIELD_NAMES)}


def _same_source(a: ArticleSource | None, b: ArticleSource | None) -> ArticleSource | None:
    """The source two results share (either, when one is None), or a ValueError."""
    if a is None or b is None or a is b:
        return a if b is None else b
    if a == b:
        return a
    msg = (
        "these results come from different corpora, so their rows could not be shown or "
        "exported against one; combine the corpora first, e.g. "
        "arnews.Corpus([*corpus_a, *corpus_b]).search(query)"
    )
    raise ValueError(msg)


def _article_order(source: ArticleSource | None, *groups: Sequence[Any]) -> dict[str, int]:
    """Article id -> position: the source's order when it has one, else first appearance."""
    ids = getattr(source, "ids", None)
    if isinstance(ids, Sequence) and not isinstance(ids, str):
        return {article_id: i for i, article_id in enumerate(ids)}
    order: dict[str, int] = {}
    for group in groups:
        for item in group:
            order.setdefault(item.article_id, len(order))
    return order


class Immutable:
    """Refuses attribute assignment and deletion (mixed into the result tuples).

    Attributes are set once in ``__new__`` with ``object.__setattr__``.
    """

    __slots__ = ()

    def __setattr__(self, name: str, value: object) -> NoReturn:
        msg = f"{type(self).__name__} is immutable; build a new one, e.g. hits[:5] or hits | other"
        raise AttributeError(msg)

    def __delattr__(self, name: str) -> NoReturn:
        msg = f"{type(self).__name__} is immutable; build a new one, e.g. hits[:5] or hits | other"
        raise AttributeError(msg)


def _require_source(source: ArticleSource | None, what: str, where: str) -> ArticleSource:
    """The source of a result, or a ValueError saying how to get a result that has one."""
    if source is None:
        msg = (
            f"{where} needs the articles these {what} came from, and they have none; "
            f"use the result of corpus.search(...) or corpus.concordance(...), or pass "
            f"source=corpus when building {what.capitalize()}(...)"
        )
        raise ValueError(msg)
    return source


class _Articles:
    """Articles of a source by id, each looked up once, with the sentences of their fields."""

    def __init__(self, source: ArticleSource, where: str) -> None:
        self._source = source
        self._where = where
        self._articles: dict[str, ArticleBase] = {}
        self._fields: dict[tuple[str, str, int], str] = {}

    def article(self, article_id: str) -> ArticleBase:
        found = self._articles.get(article_id)
        if found is None:
            got = self._source.get(article_id)
            if got is None:
                msg = f"{self._where}: the source has no article {article_id!r} any more"
                raise ValueError(msg)
            found = self._articles[article_id] = got
        return found

    def text(self, article_id: str, field: str, index: int) -> str:
        key = (article_id, field, index)
        found = self._fields.get(key)
        if found is None:
            found = self._fields[key] = field_text(self.article(article_id), field, index)
        return found

    def base_record(self, article_id: str) -> dict[str, Any]:
        a = self.article(article_id)
        return {
            "article_id": a.id,
            "title": a.title,
            "date": None if a.date is None else a.date.isoformat(),
            "date_inferred": a.date_inferred,
            "outlet": a.outlet,
        }


#: Columns every exported row starts with (then the record's own fields, then the sentence).
_ARTICLE_COLUMNS: Final = ("article_id", "title", "date", "date_inferred", "outlet")
_SENTENCE_COLUMNS: Final = ("sentence", "sentence_start", "sentence_end")


def _dates_to_datetime(frame: pandas.DataFrame) -> pandas.DataFrame:
    """The ``date`` column as pandas datetimes (NaT where unknown; see ``date_column``)."""
    frame["date"] = date_column(frame["date"])
    return frame


# -- Hits --------------------------------------------------------------------------


class Hits(Immutable, tuple[Hit, ...]):
    """The tuple of Hits that search returns, with display, exports and ``|``/``+``.

    It is a plain tuple in every other respect (equality with tuples,
    hashing).  It keeps its ``source`` — the corpus the hits came from — so
    the notebook table shows each hit in context and the exports carry each
    hit's article metadata and sentence, however the result was reached.  A
    slice is Hits again, with the same source.

    ``a | b`` is the union in corpus order (a hit found by both appears once);
    ``a + b`` the concatenation.  Both keep the type and the source, and both
    refuse results of two different corpora (a ValueError).

    >>> import arnews
    >>> corpus = arnews.load()
    >>> hits = corpus.filter(outlet="الجزيرة نت").search("لافروف")
    >>> isinstance(hits, tuple), "سيرغي <mark>" in hits._repr_html_()
    (True, True)
    >>> both = corpus.search("لافروف") | corpus.search("كيري")
    >>> type(both).__name__, len(both) == len(corpus.search("لافروف OR كيري"))
    ('Hits', True)

    Raises:
        TypeError: if an item is not a :class:`Hit`.
    """

    _source: ArticleSource | None

    def __new__(cls, hits: Iterable[Hit] = (), source: ArticleSource | None = None) -> Hits:
        made = super().__new__(cls, hits)
        for item in made:
            if not isinstance(item, Hit):
                raise expected("Hits()", "Hit items", item, "build them with corpus.search(...)")
        object.__setattr__(made, "_source", source)
        return made

    @classmethod
    def of(cls, hits: Iterable[Hit], source: ArticleSource | None = None) -> Hits:
        """Hits over ``hits``, keeping ``source`` (the corpus they came from)."""
        return cls(hits, source)

    @property
    def source(self) -> ArticleSource | None:
        """The corpus (or index) these hits came from, or None."""
        return self._source

    @overload
    def __getitem__(self, index: SupportsIndex) -> Hit: ...
    @overload
    def __getitem__(self, index: slice) -> Hits: ...
    def __getitem__(self, index: SupportsIndex | slice) -> Hit | Hits:
        if isinstance(index, slice):
            return Hits(tuple.__getitem__(self, index), self._source)
        return tuple.__getitem__(self, index)

    def __add__(self, other: object) -> Hits:
        if not isinstance(other, tuple):
            return NotImplemented
        source = _same_source(self._source, other._source if isinstance(other, Hits) else None)
        return Hits((*self, *other), source)

    def __radd__(self, other: object) -> Hits:
        if not isinstance(other, tuple):
            return NotImplemented
        return Hits((*other, *self), self._source)

    def __or__(self, other: object) -> Hits:
        if not isinstance(other, Hits):
            return NotImplemented
        source = _same_source(self._source, other._source)
        order = _article_order(source, self, other)
        unique = dict.fromkeys((*self, *other))
        return Hits(sorted(unique, key=lambda h: _hit_key(h, order)), source)

    def __reduce__(self) -> tuple[type[Hits], tuple[tuple[Hit, ...], ArticleSource | None]]:
        return (Hits, (tuple(self), self._source))

    def sentences(self) -> tuple[Sentence, ...]:
        """The sentence each hit is in, in the hits' order (see :func:`arnews.split_sentences`).

        >>> import arnews
        >>> arnews.load().search("لافروف").sentences()[0].text[:24]
        'وفي وقت لاحق أكد وزير ال'

        Raises:
            ValueError: if the hits have no source (they were built by hand).
        """
        articles = _Articles(_require_source(self._source, "hits", "sentences()"), "sentences()")
        return tuple(_sentence_of(articles, h) for h in self)

    def to_records(self) -> list[dict[str, Any]]:
        """One JSON-ready dict per hit: the article's metadata, the hit, and its sentence.

        Keys: ``article_id, title, date`` (ISO string or None)``, date_inferred,
        outlet``, then every field of :class:`Hit` (``field, index, start, end,
        stem_start, stem_end, text`` …), then ``sentence, sentence_start,
        sentence_end`` (the sentence's span in the same field string).

        >>> import arnews
        >>> row = arnews.load().search("لافروف").to_records()[0]
        >>> row["title"][:20], row["date"], row["outlet"], row["field"], row["text"]
        ('روسيا: أميركا ترفض ت', '2015-09-29', 'الجزيرة نت', 'paragraph', 'لافروف')

        Raises:
            ValueError: if the hits have no source (they were built by hand).
        """
        articles = _Articles(_require_source(self._source, "hits", "to_records()"), "to_records()")
        return [_hit_record(articles, h) for h in self]

    def to_jsonl(self, path: str | os.PathLike[str]) -> None:
        """Write :meth:`to_records` as JSON Lines (UTF-8, one hit a line), atomically.

        The file is written beside its target and renamed into place, so an
        error leaves an existing file as it was.

        >>> import arnews, json, pathlib, tempfile
        >>> out = pathlib.Path(tempfile.mkdtemp()) / "hits.jsonl"
        >>> arnews.load().search("لافروف").to_jsonl(out)
        >>> json.loads(out.read_text(encoding="utf-8").splitlines()[0])["outlet"]
        'الجزيرة نت'

        Raises:
            TypeError: if ``path`` is not a str or path-like object.
            ValueError: if the hits have no source, or a value cannot be written as
                UTF-8 (the message names the row and the key).
            OSError: if the file cannot be written.
        """
        check_path(path, "Hits.to_jsonl()")
        write_jsonl(self.to_records(), path, "Hits.to_jsonl()")

    def to_pandas(self) -> pandas.DataFrame:
        """:meth:`to_records` as a pandas DataFrame, ``date`` as datetimes (NaT where unknown).

        Needs ``pip install 'arnews[pandas]'``.

        >>> import arnews
        >>> frame = arnews.load().search("لافروف").to_pandas()
        >>> frame.loc[0, ["outlet", "sentence"]].tolist()[0]
        'الجزيرة نت'

        Raises:
            ImportError: if pandas is not installed, naming the extra to install.
            ValueError: if the hits have no source.
        """
        columns = (*_ARTICLE_COLUMNS, *_hit_columns(), *_SENTENCE_COLUMNS)
        return _dates_to_datetime(pandas_frame(self.to_records(), columns, "Hits.to_pandas()"))

    def _repr_html_(self) -> str:
        return hits_html(self, self._source)

    def _repr_pretty_(self, p: Any, cycle: bool) -> None:
        p.text("Hits(...)" if cycle else hits_pretty(self))


def _hit_key(hit: Hit, order: dict[str, int]) -> tuple[int, int, int, int, int]:
    """Corpus order: article, field kind, field index, start, end."""
    return (
        order.get(hit.article_id, len(order)),
        _FIELD_ORDER.get(hit.field, len(_FIELD_ORDER)),
        hit.index,
        hit.start,
        hit.end,
    )


def _hit_columns() -> tuple[str, ...]:
    """The Hit fields an exported row holds (all but ``article_id``, which leads the row)."""
    return tuple(f.name for f in attrs.fields(Hit) if f.name != "article_id")


def _sentence_of(articles: _Articles, hit: Hit) -> Sentence:
    """The sentence of the hit's field that holds it, with the field and index set."""
    found = sentence_at(articles.text(hit.article_id, hit.field, hit.index), hit.start, hit.end)
    return attrs.evolve(found, field=hit.field, index=hit.index)


def _hit_record(articles: _Articles, hit: Hit) -> dict[str, Any]:
    """One exported hit row."""
    row = articles.base_record(hit.article_id)
    for name in _hit_columns():
        row[name] = getattr(hit, name)
    sentence = _sentence_of(articles, hit)
    row.update(sentence=sentence.text, sentence_start=sentence.start, sentence_end=sentence.end)
    return row


# -- Concordance ---------------------------------------------------------------------

#: The context words a concordance can be sorted by: ``left1`` is the word right before
#: the match, ``right1`` the word right after it, and so on out to five words.
SORT_KEYS: Final = (
    "match",
    *(f"{side}{n}" for n in range(1, 6) for side in ("left", "right")),
)
#: WORD_RE read backwards: the words before a position, nearest first.
_WORD_BEFORE: Final = regex.compile(WORD_RE.pattern, WORD_RE.flags | regex.REVERSE)


def _sort_keys(sort: object) -> tuple[str, ...]:
    """The sort keys a ``sort=`` argument names (one name or several, most significant first)."""
    names: tuple[object, ...]
    if isinstance(sort, str):
        names = tuple(part.strip() for part in sort.split(","))
    elif isinstance(sort, Iterable):
        names = tuple(sort)
    else:
        raise expected(
            "concordance(sort=...)", "a sort key such as 'right1'", sort, "or None for text order"
        )
    for name in names:
        if name not in SORT_KEYS:
            msg = (
                f"concordance(sort=...) got unknown key {name!r}; use 'left1', 'right1', "
                f"'left2' … up to 5, or 'match' (several: 'right1,right2')"
            )
            raise ValueError(msg)
    if not names:
        msg = "concordance(sort=...) is empty; give a key such as 'right1', or None"
        raise ValueError(msg)
    return tuple(str(n) for n in names)


def _context_word(text: str, start: int, end: int, key: str) -> str:
    """The normalized word at context position ``key`` around ``text[start:end]`` ('' if none)."""
    if key == "match":
        return " ".join(normalize_words(text[start:end]))
    n = int(key[-1])
    if key.startswith("right"):
        found = WORD_RE.finditer(text, end)
    else:
        found = _WORD_BEFORE.finditer(text, 0, start)
    for i, word in enumerate(found, 1):
        if i == n:
            return " ".join(normalize_words(word.group()))
    return ""


def _cut_left(text: str, start: int, width: int) -> int:
    """Where the left context starts: ``width`` characters back, moved to a word start."""
    lo = max(0, start - width)
    if lo > 0 and not text[lo - 1].isspace() and not text[lo].isspace():
        while lo < start and not text[lo].isspace():
            lo += 1
    while lo < start and text[lo].isspace():
        lo += 1
    return lo


def _cut_right(text: str, end: int, width: int) -> int:
    """Where the right context ends: ``width`` characters on, moved back to a word end."""
    hi = min(len(text), end + width)
    if hi < len(text) and not text[hi - 1].isspace() and not text[hi].isspace():
        while hi > end and not text[hi - 1].isspace():
            hi -= 1
    while hi > end and text[hi - 1].isspace():
        hi -= 1
    return hi


def concordance_lines(
    hits: Hits, *, width: int = 40, sort: str | Sequence[str] | None = None
) -> Concordance:
    """Keyword-in-context lines for ``hits``, cut at word boundaries, optionally sorted.

    ``sort`` names context words (:data:`SORT_KEYS`): ``"right1"`` sorts by
    the first word after the match, ``"left1"`` by the word before it,
    ``"right1,right2"`` by one then the other; words compare in their
    normalized spelling (hamza forms, ة/ه … folded), a missing word first,
    ties in text order.  The words are read from the whole field, so they
    count even where ``width`` cuts them off.

    >>> import arnews
    >>> lines = concordance_lines(arnews.load().search("لافروف"), width=20, sort="right1")
    >>> [line.right.split()[0] for line in lines]
    [':', 'إن', 'للالتفاف', 'متحدثا', 'هذا']

    Raises:
        ValueError: if the hits have no source, or ``sort`` names an unknown key.
        TypeError: if ``sort`` is neither a key, a sequence of keys nor None.
    """
    keys = None if sort is None else _sort_keys(sort)
    source = _require_source(hits.source, "hits", "concordance()")
    articles = _Articles(source, "concordance()")
    made: list[tuple[tuple[str, ...], int, ConcordanceLine]] = []
    for position, hit in enumerate(hits):
        text = articles.text(hit.article_id, hit.field, hit.index)
        lo, hi = _cut_left(text, hit.start, width), _cut_right(text, hit.end, width)
        line = ConcordanceLine(
            text[lo : hit.start],
            text[hit.start : hit.end],
            text[hit.end : hi],
            hit.article_id,
            hit.field,
            hit.start,
            hit.index,
        )
        order = (
            () if keys is None else tuple(_context_word(text, hit.start, hit.end, k) for k in keys)
        )
        made.append((order, position, line))
    if keys is not None:
        made.sort(key=lambda item: (item[0], item[1]))
    return Concordance((line for _, _, line in made), source, keys)


class Concordance(Immutable, tuple[ConcordanceLine, ...]):
    """The tuple of ConcordanceLines that concordance returns, with display and exports.

    Like :class:`Hits` it is a plain tuple otherwise, keeps its source (for
    the exports' metadata and sentences), slices and combines (``|`` union
    in text order, ``+`` concatenation) keeping its type.  ``sort`` is the
    sort keys it was made with (None: text order), shown in the caption.

    >>> import arnews
    >>> lines = arnews.load().concordance("لافروف", sort="right1")
    >>> isinstance(lines, tuple), "<mark>" in lines._repr_html_(), lines.sort
    (True, True, ('right1',))

    Raises:
        TypeError: if an item is not a :class:`ConcordanceLine`.
    """

    _source: ArticleSource | None
    sort: tuple[str, ...] | None

    def __new__(
        cls,
        lines: Iterable[ConcordanceLine] = (),
        source: ArticleSource | None = None,
        sort: tuple[str, ...] | None = None,
    ) -> Concordance:
        made = super().__new__(cls, lines)
        for item in made:
            if not isinstance(item, ConcordanceLine):
                raise expected(
                    "Concordance()",
                    "ConcordanceLine items",
                    item,
                    "build them with corpus.concordance(...)",
                )
        object.__setattr__(made, "_source", source)
        object.__setattr__(made, "sort", sort)
        return made

    @property
    def source(self) -> ArticleSource | None:
        """The corpus (or index) these lines came from, or None."""
        return self._source

    @overload
    def __getitem__(self, index: SupportsIndex) -> ConcordanceLine: ...
    @overload
    def __getitem__(self, index: slice) -> Concordance: ...
    def __getitem__(self, index: SupportsIndex | slice) -> ConcordanceLine | Concordance:
        if isinstance(index, slice):
            return Concordance(tuple.__getitem__(self, index), self._source, self.sort)
        return tuple.__getitem__(self, index)

    def __add__(self, other: object) -> Concordance:
        if not isinstance(other, tuple):
            return NotImplemented
        theirs = other._source if isinstance(other, Concordance) else None
        return Concordance((*self, *other), _same_source(self._source, theirs))

    def __radd__(self, other: object) -> Concordance:
        if not isinstance(other, tuple):
            return NotImplemented
        return Concordance((*other, *self), self._source)

    def __or__(self, other: object) -> Concordance:
        if not isinstance(other, Concordance):
            return NotImplemented
        source = _same_source(self._source, other._source)
        order = _article_order(source, self, other)
        unique = dict.fromkeys((*self, *other))
        return Concordance(sorted(unique, key=lambda line: _line_key(line, order)), source)

    def __reduce__(self) -> tuple[Callable[..., Concordance], tuple[Any, ...]]:
        return (Concordance, (tuple(self), self._source, self.sort))

    def to_records(self) -> list[dict[str, Any]]:
        """One JSON-ready dict per line: article metadata, the line, and the match's sentence.

        Keys: ``article_id, title, date, date_inferred, outlet, field, index,
        offset, left, match, right, sentence, sentence_start, sentence_end``.

        >>> import arnews
        >>> row = arnews.load().concordance("لافروف", width=10).to_records()[1]
        >>> row["field"], row["left"], row["match"], row["sentence"][:12]
        ('caption', '', 'لافروف', 'لافروف: الغر')

        Raises:
            ValueError: if the lines have no source (built by hand).
        """
        where = "Concordance.to_records()"
        articles = _Articles(_require_source(self._source, "lines", where), where)
        rows = []
        for line in self:
            row = articles.base_record(line.article_id)
            row.update(
                field=line.field,
                index=line.index,
                offset=line.offset,
                left=line.left,
                match=line.match,
                right=line.right,
            )
            text = articles.text(line.article_id, line.field, line.index)
            sentence = sentence_at(text, line.offset, line.offset + len(line.match))
            row.update(
                sentence=sentence.text,
                sentence_start=sentence.start,
                sentence_end=sentence.end,
            )
            rows.append(row)
        return rows

    def to_jsonl(self, path: str | os.PathLike[str]) -> None:
        """Write :meth:`to_records` as JSON Lines (UTF-8, one line a line), atomically.

        >>> import arnews, pathlib, tempfile
        >>> out = pathlib.Path(tempfile.mkdtemp()) / "kwic.jsonl"
        >>> arnews.load().concordance("لافروف").to_jsonl(out)
        >>> len(out.read_text(encoding="utf-8").splitlines())
        5

        Raises:
            TypeError: if ``path`` is not a str or path-like object.
            ValueError: if the lines have no source, or a value cannot be written.
            OSError: if the file cannot be written.
        """
        check_path(path, "Concordance.to_jsonl()")
        write_jsonl(self.to_records(), path, "Concordance.to_jsonl()")

    def to_pandas(self) -> pandas.DataFrame:
        """:meth:`to_records` as a pandas DataFrame (needs ``pip install 'arnews[pandas]'``).

        Raises:
            ImportError: if pandas is not installed, naming the extra to install.
            ValueError: if the lines have no source.
        """
        columns = (
            *_ARTICLE_COLUMNS,
            "field",
            "index",
            "offset",
            "left",
            "match",
            "right",
            *_SENTENCE_COLUMNS,
        )
        frame = pandas_frame(self.to_records(), columns, "Concordance.to_pandas()")
        return _dates_to_datetime(frame)

    def _repr_html_(self) -> str:
        return concordance_html(self, self._source, self.sort)

    def _repr_pretty_(self, p: Any, cycle: bool) -> None:
        p.text("Concordance(...)" if cycle else concordance_pretty(self))


def _line_key(line: ConcordanceLine, order: dict[str, int]) -> tuple[int, int, int, int]:
    """Text order of a concordance line: article, field kind, field index, offset."""
    return (
        order.get(line.article_id, len(order)),
        _FIELD_ORDER.get(line.field, len(_FIELD_ORDER)),
        line.index,
        line.offset,
    )
