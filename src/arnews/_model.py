"""The records arnews hands out: Article and its parts (attrs, frozen, slots).

Everything here is immutable: collections are tuples, and the text fields are
the exact strings the parser cut from the raw text, stripped of surrounding
whitespace and invisible marks only (inner no-break spaces are kept, so an
offset into a field is an offset into the original line).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from ._entities import Mention

__all__ = ["Article", "Caption", "RelatedStory", "Section"]


# -- checks shared by the records ------------------------------------------------------------
# Records are built by the parser, but also by users (tests, fixtures, attrs.evolve); a wrong
# type must fail here, with the fix, rather than later in a query or in hash().


def _as_tuple(value: Iterable[object], kind: type, what: str) -> tuple[Any, ...]:
    """Any iterable of ``kind`` items (list, tuple, generator) as a tuple; a str is refused."""
    if isinstance(value, str | bytes) or not hasattr(value, "__iter__"):
        msg = (
            f"{what} must be a tuple of {kind.__name__}, got {type(value).__name__}; "
            f"wrap a single item as ({value!r},)"
        )
        raise TypeError(msg)
    items = tuple(value)
    for item in items:
        if not isinstance(item, kind):
            msg = f"{what} must hold {kind.__name__} items, got {type(item).__name__}"
            raise TypeError(msg)
    return items


# Named converters (the attrs mypy plugin types named functions only).
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


def _check(kinds: type | tuple[type, ...], what: str, hint: str) -> Callable[..., None]:
    """A validator: the value is an instance of ``kinds``, else a TypeError with ``hint``."""

    def validate(_instance: object, _attribute: object, value: object) -> None:
        if not isinstance(value, kinds):
            msg = f"{what} must be {hint}, got {type(value).__name__}"
            raise TypeError(msg)

    return validate


def _check_date(_instance: object, _attribute: object, value: dt.date | None) -> None:
    """A validator for ``date`` fields: a datetime.date (not a datetime) or None."""
    if value is not None and (not isinstance(value, dt.date) or isinstance(value, dt.datetime)):
        msg = (
            f"date must be a datetime.date or None, got {type(value).__name__}; "
            f"e.g. datetime.date(2015, 9, 29)"
        )
        raise TypeError(msg)


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
    date: dt.date | None = attrs.field(validator=_check_date)
    caption: Caption | None = attrs.field(
        validator=_check((Caption, type(None)), "RelatedStory.caption", "a Caption or None")
    )


@attrs.frozen
class Article:
    r"""One news article parsed from its raw text.

    Build one with :func:`arnews.parse`; get the bundled ones with
    :func:`arnews.load`.

    >>> import arnews
    >>> a = arnews.parse("عنوان الخبر\n\n2015-09-29\n\nنص الخبر الأول.\n")
    >>> a.title, a.date.isoformat(), a.paragraphs
    ('عنوان الخبر', '2015-09-29', ('نص الخبر الأول.',))

    ``paragraphs`` (every body paragraph, across sections) is derived from
    ``sections`` when the article is made; ``subheadings`` and ``text`` are
    properties.  Lists given for tuple fields become tuples; values of the
    wrong type are refused when the record is made, so ``attrs.evolve`` is
    checked too:

    >>> import attrs
    >>> attrs.evolve(a, date="2015-09-29")
    Traceback (most recent call last):
    ...
    TypeError: date must be a datetime.date or None, got str; e.g. datetime.date(2015, 9, 29)

    Raises:
        TypeError: if a field has the wrong type (a str where a tuple of str
            is expected, a str date, a non-bool ``date_inferred`` ...).
    """

    id: str = attrs.field(validator=_check(str, "Article.id", "a str"))
    title: str = attrs.field(validator=_check(str, "Article.title", "a str"))
    date: dt.date | None = attrs.field(validator=_check_date)
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
    #: All body paragraphs in order, across sections: derived from ``sections``
    #: once, when the article is made (queries read it once per hit).
    paragraphs: tuple[str, ...] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        paragraphs = tuple(p for s in self.sections for p in s.paragraphs)
        object.__setattr__(self, "paragraphs", paragraphs)

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

    def entities(self) -> tuple[Mention, ...]:
        """The gazetteer entities mentioned in this article, in text order.

        >>> import arnews
        >>> a = arnews.load().get("003_525ecddc6b3f777e")
        >>> "lavrov" in {m.entity_id for m in a.entities()}
        True
        """
        from ._entities import article_entities  # noqa: PLC0415 - lazy: that module imports this one

        return article_entities(self)

    def _repr_html_(self) -> str:
        from ._display import article_html  # noqa: PLC0415 - lazy: that module imports this one

        return article_html(self)

    def _repr_pretty_(self, p: Any, cycle: bool) -> None:
        from ._display import article_pretty  # noqa: PLC0415 - lazy: that module imports this one

        p.text("Article(...)" if cycle else article_pretty(self))
