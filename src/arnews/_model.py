"""The records arnews hands out: an article's data and its parts (attrs, frozen, slots).

Everything here is immutable: collections are tuples, and the text fields are
the exact strings the parser cut from the raw text, stripped of surrounding
whitespace and invisible marks only (inner no-break spaces are kept, so an
offset into a field is an offset into the original line).

:class:`ArticleBase` holds every field of an article; the public
:class:`arnews.Article` (in :mod:`arnews._article`) adds the conveniences that
need the query and display layers (``entities()``, notebook reprs), so every
module below those layers works on an ArticleBase and imports nothing above it.

:data:`FIELDS` is the one definition of the field kinds that search, entities
and display see, and :func:`field_text` the one way to get a field's string.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Final, Protocol

import attrs

from ._checks import attrs_instance_of as _check
from ._checks import attrs_tuple_of as _as_tuple
from ._checks import check_str, validate_date, validate_utc_offset
from ._dates import HijriDate

__all__ = [
    "DEFAULT_FIELDS",
    "FIELDS",
    "FIELD_NAMES",
    "ArticleBase",
    "ArticleSource",
    "Caption",
    "FieldKind",
    "RelatedStory",
    "Section",
    "field_kinds",
    "field_text",
]


# Records are built by the parser, but also by users (tests, fixtures, attrs.evolve); a wrong
# type must fail when the record is made, with the fix, rather than later in a query or in
# hash().  Named converters (the attrs mypy plugin types named functions only).
def _paragraphs(value: Iterable[str]) -> tuple[str, ...]:
    """``Section.paragraphs``."""
    return _as_tuple(value, str, "Section.paragraphs")


def _sources(value: Iterable[str]) -> tuple[str, ...]:
    """``Article.sources``."""
    return _as_tuple(value, str, "Article.sources")


def _keywords(value: Iterable[str]) -> tuple[str, ...]:
    """``Article.keywords``."""
    return _as_tuple(value, str, "Article.keywords")


def _dropped(value: Iterable[str]) -> tuple[str, ...]:
    """``Article.dropped``."""
    return _as_tuple(value, str, "Article.dropped")


def _sections(value: Iterable[Section]) -> tuple[Section, ...]:
    """``Article.sections``."""
    return _as_tuple(value, Section, "Article.sections")


def _captions(value: Iterable[Caption]) -> tuple[Caption, ...]:
    """``Article.captions``."""
    return _as_tuple(value, Caption, "Article.captions")


def _related(value: Iterable[RelatedStory]) -> tuple[RelatedStory, ...]:
    """``Article.related``."""
    return _as_tuple(value, RelatedStory, "Article.related")


@attrs.frozen
class Section:
    """A run of body paragraphs under one subheading (or none, for the lead).

    >>> Section(heading="مركز تدريب", paragraphs=("وقال مدير مكتب الجزيرة ...",)).heading
    'مركز تدريب'
    """

    heading: str | None = attrs.field(
        validator=_check((str, type(None)), "Section.heading", "a str or None")
    )
    paragraphs: tuple[str, ...] = attrs.field(converter=_paragraphs)


@attrs.frozen
class Caption:
    """A photo caption, kept once even when the page repeated it.

    ``lang`` is ``"ar"`` or ``"en"``; ``credit`` is the trailing
    parenthesised credit such as ``أسوشيتد برس`` (without the parentheses),
    or None.

    >>> Caption(text="أوباما وبوتين", lang="ar", credit="الأوروبية").credit
    'الأوروبية'
    """

    text: str = attrs.field(validator=_check(str, "Caption.text", "a str"))
    lang: str = attrs.field(validator=_check(str, "Caption.lang", 'a str such as "ar" or "en"'))
    credit: str | None = attrs.field(
        default=None, validator=_check((str, type(None)), "Caption.credit", "a str or None")
    )


@attrs.frozen
class RelatedStory:
    r"""A teaser for another story, from a "related stories" block.

    ``title`` is the teaser's headline when the page shows one; ``summary`` is
    its text (several lines joined with ``\n``); ``date`` comes from the
    teaser's ``Published On d/m/yyyy`` line; ``caption`` is the photo caption
    (often English) shown before the teaser.

    >>> RelatedStory(title=None, summary="...", date=None, caption=None).title is None
    True
    """

    title: str | None = attrs.field(
        validator=_check((str, type(None)), "RelatedStory.title", "a str or None")
    )
    summary: str = attrs.field(validator=_check(str, "RelatedStory.summary", "a str"))
    date: dt.date | None = attrs.field(validator=validate_date)
    caption: Caption | None = attrs.field(
        validator=_check((Caption, type(None)), "RelatedStory.caption", "a Caption or None")
    )


@attrs.frozen
class ArticleBase:
    """Every field of one news article: the data behind :class:`arnews.Article`.

    Modules below the query layers take an ArticleBase; users see Articles
    (:func:`arnews.parse` makes them), which are ArticleBases with notebook
    and entity conveniences.

    >>> import arnews
    >>> isinstance(arnews.load()[0], ArticleBase)
    True

    Raises:
        TypeError: if a field has the wrong type (a str where a tuple of str
            is expected, a str date, a non-bool ``date_inferred`` ...).
    """

    id: str = attrs.field(validator=_check(str, "Article.id", "a str"))
    title: str = attrs.field(validator=_check(str, "Article.title", "a str"))
    date: dt.date | None = attrs.field(validator=validate_date)
    time: dt.time | None = attrs.field(
        validator=_check((dt.time, type(None)), "Article.time", "a datetime.time or None")
    )
    date_inferred: bool = attrs.field(
        validator=_check(bool, "Article.date_inferred", "True or False")
    )
    outlet: str | None = attrs.field(
        validator=_check((str, type(None)), "Article.outlet", "a str or None")
    )
    sources: tuple[str, ...] = attrs.field(converter=_sources)
    dateline: str | None = attrs.field(
        validator=_check((str, type(None)), "Article.dateline", "a str or None")
    )
    sections: tuple[Section, ...] = attrs.field(converter=_sections)
    captions: tuple[Caption, ...] = attrs.field(converter=_captions)
    keywords: tuple[str, ...] = attrs.field(converter=_keywords)
    related: tuple[RelatedStory, ...] = attrs.field(converter=_related)
    raw: str = attrs.field(repr=False, validator=_check(str, "Article.raw", "a str"))
    #: Page furniture left out of every other field, in text order: furniture
    #: lines (``الأكثر قراءة``), block labels (``كلمات مفتاحية``, ``حول هذه القصة``)
    #: and an end marker cut from the last sentence (``انتهى``).
    dropped: tuple[str, ...] = attrs.field(default=(), converter=_dropped)
    #: The UTC offset the date line states (``+01:00``, ``GMT``), or None; ``time`` is
    #: the time in that offset.  See :attr:`datetime`.
    utc_offset: dt.timedelta | None = attrs.field(default=None, validator=validate_utc_offset)
    #: The Hijri date the text states (kept as written, never converted), or None.
    hijri: HijriDate | None = attrs.field(
        default=None,
        validator=_check((HijriDate, type(None)), "Article.hijri", "an arnews.HijriDate or None"),
    )
    #: Where the article was published, when its metadata says (the parser never sets it).
    url: str | None = attrs.field(
        default=None, validator=_check((str, type(None)), "Article.url", "a str or None")
    )
    #: All body paragraphs in order, across sections: derived from ``sections``
    #: once, when the article is made (queries read it once per hit).
    paragraphs: tuple[str, ...] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        sections = self.sections
        # One section (most articles): its own tuple, not a copy of it.
        if len(sections) == 1:
            paragraphs = sections[0].paragraphs
        else:
            paragraphs = tuple(p for s in sections for p in s.paragraphs)
        object.__setattr__(self, "paragraphs", paragraphs)

    @property
    def datetime(self) -> dt.datetime | None:
        r"""The date and time as one ``datetime``: aware when the offset is known, else naive.

        None unless both ``date`` and ``time`` are known.

        >>> import arnews
        >>> arnews.parse("عنوان\n2018-02-18T12:26:59+01:00\nنص.").datetime.isoformat()
        '2018-02-18T12:26:59+01:00'
        >>> arnews.parse("عنوان\n2018-02-18 12:26\nنص.").datetime.isoformat()
        '2018-02-18T12:26:00'
        >>> arnews.parse("عنوان\n2018-02-18\nنص.").datetime is None
        True
        """
        if self.date is None or self.time is None:
            return None
        tz = None if self.utc_offset is None else dt.timezone(self.utc_offset)
        return dt.datetime.combine(self.date, self.time, tzinfo=tz)

    @property
    def subheadings(self) -> tuple[str, ...]:
        """The headings of the sections that have one.

        >>> import arnews
        >>> arnews.load().get("003_525ecddc6b3f777e").subheadings
        ('مواقف وقلق', 'نفي واضطراب', 'دور التحالف')
        """
        return tuple(s.heading for s in self.sections if s.heading is not None)

    @property
    def text(self) -> str:
        r"""Title and body paragraphs as one plain string, one per line.

        >>> import arnews
        >>> a = arnews.load()[0]
        >>> a.text.startswith(a.title + "\n")
        True
        """
        return "\n".join((self.title, *self.paragraphs))


# -- the field kinds ---------------------------------------------------------------------------


def _title(article: ArticleBase) -> tuple[str, ...]:
    """The title, as a one-item tuple."""
    return (article.title,)


def _paragraphs_of(article: ArticleBase) -> tuple[str, ...]:
    """Every body paragraph."""
    return article.paragraphs


def _caption_texts(article: ArticleBase) -> tuple[str, ...]:
    """The text of every caption (credits left out)."""
    return tuple(caption.text for caption in article.captions)


@attrs.frozen
class FieldKind:
    r"""One kind of article field that can be searched: its name and how to get its strings.

    ``texts(article)`` returns the strings of that kind in article order; a
    hit's ``index`` is a position in that tuple.

    >>> import arnews
    >>> [kind.name for kind in FIELDS]
    ['title', 'subheading', 'paragraph', 'caption', 'keyword', 'related', 'source']
    >>> FIELDS[2].texts(arnews.parse("عنوان\n\nالأول.\n\nالثاني.\n"))
    ('الأول.', 'الثاني.')
    """

    name: str
    texts: Callable[[ArticleBase], tuple[str, ...]]


def _subheadings_of(article: ArticleBase) -> tuple[str, ...]:
    """Every section heading."""
    return article.subheadings


def _keywords_of(article: ArticleBase) -> tuple[str, ...]:
    """Every keyword."""
    return article.keywords


def _related_texts(article: ArticleBase) -> tuple[str, ...]:
    """Each related-story teaser: its headline (when there is one) and summary, one per line."""
    return tuple(
        "\n".join(part for part in (story.title, story.summary) if part)
        for story in article.related
    )


def _sources_of(article: ArticleBase) -> tuple[str, ...]:
    """Every named source (news agency, outlet credit)."""
    return article.sources


#: Every field kind, in the order search results and field ids use.
FIELDS: Final[tuple[FieldKind, ...]] = (
    FieldKind("title", _title),
    FieldKind("subheading", _subheadings_of),
    FieldKind("paragraph", _paragraphs_of),
    FieldKind("caption", _caption_texts),
    FieldKind("keyword", _keywords_of),
    FieldKind("related", _related_texts),
    FieldKind("source", _sources_of),
)
#: The names of :data:`FIELDS`, in order; a field kind's number is its position here.
FIELD_NAMES: Final = tuple(kind.name for kind in FIELDS)
#: The fields searched when a query does not say: the article's own text.  Keywords,
#: related-story teasers and sources are searched on request (``fields=``).
DEFAULT_FIELDS: Final = ("title", "subheading", "paragraph", "caption")
_KIND_NUMBER: Final = {name: number for number, name in enumerate(FIELD_NAMES)}
_CHOICES: Final = ", ".join(repr(name) for name in FIELD_NAMES)


def field_kinds(fields: object, where: str) -> frozenset[int]:
    """The field kinds (positions in :data:`FIELD_NAMES`) a ``fields=`` argument names.

    One name alone is fine too.

    >>> sorted(field_kinds(("caption", "title"), "search()"))
    [0, 3]
    >>> field_kinds("paragraph", "search()")
    frozenset({2})

    Raises:
        TypeError: if ``fields`` is neither a name nor an iterable of names (bytes
            included), or holds something other than names.
        ValueError: if a name is unknown, or no name is given.
    """
    call = where.removesuffix("()")
    names: tuple[object, ...]
    example = "e.g. fields=('title', 'paragraph')"
    if isinstance(fields, str):
        names = (fields,)
    elif isinstance(fields, bytes | bytearray | memoryview):
        msg = (
            f"{call}(fields=...) expects field names as str, got {type(fields).__name__}; "
            f"pass str names, {example}"
        )
        raise TypeError(msg)
    elif isinstance(fields, Iterable):
        names = tuple(fields)
    else:
        msg = f"{call}(fields=...) expects field names, got {type(fields).__name__}; {example}"
        raise TypeError(msg)
    kinds: set[int] = set()
    for name in names:
        if not isinstance(name, str):
            msg = (
                f"{call}(fields=...) expects field names as str, got {type(name).__name__} "
                f"{name!r}; use any of {_CHOICES}"
            )
            raise TypeError(msg)
        number = _KIND_NUMBER.get(name)
        if number is None:
            msg = f"{call}(fields=...) got unknown field {name!r}; use any of {_CHOICES}"
            raise ValueError(msg)
        kinds.add(number)
    if not kinds:
        msg = f"{call}(fields=...) is empty; use any of {_CHOICES}"
        raise ValueError(msg)
    return frozenset(kinds)


def field_text(article: ArticleBase, field: str, index: int) -> str:
    r"""The original string that a hit's ``field`` and ``index`` point into.

    ``field`` is one of :data:`FIELD_NAMES` (``"title"`` has index 0).

    >>> import arnews
    >>> a = arnews.parse("عنوان الخبر\n\nنص الخبر.\n")
    >>> field_text(a, "title", 0), field_text(a, "paragraph", 0)
    ('عنوان الخبر', 'نص الخبر.')

    Raises:
        ValueError: if ``field`` is not a field name.
        IndexError: if ``index`` is out of range for that field.
    """
    number = _KIND_NUMBER.get(check_str(field, "field_text()"))
    if number is None:
        msg = f"unknown field {field!r}; use {_CHOICES}"
        raise ValueError(msg)
    texts = FIELDS[number].texts(article)
    if not 0 <= index < len(texts):
        msg = f"{field} index {index} is out of range: the article has {len(texts)}"
        raise IndexError(msg)
    return texts[index]


class ArticleSource(Protocol):
    """Anything that finds articles by id (a Corpus, a disk index): what results need to display.

    >>> import arnews
    >>> def title_of(source: ArticleSource, article_id: str) -> str | None:
    ...     article = source.get(article_id)
    ...     return None if article is None else article.title
    >>> title_of(arnews.load(), "nope") is None
    True
    """

    def get(self, article_id: str) -> ArticleBase | None:
        """The article with this id, or None."""
        ...
