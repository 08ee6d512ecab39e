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
    from ._entities import Mention

__all__ = ["Article", "Caption", "RelatedStory", "Section"]


@attrs.frozen
class Section:
    """A run of body paragraphs under one subheading (or none, for the lead).

    >>> Section(heading="مركز تدريب", paragraphs=("وقال مدير مكتب الجزيرة ...",)).heading
    'مركز تدريب'
    """

    heading: str | None
    paragraphs: tuple[str, ...]


@attrs.frozen
class Caption:
    """A photo caption, kept once even when the page repeated it.

    ``lang`` is ``"ar"`` or ``"en"``; ``credit`` is the trailing
    parenthesised credit such as ``أسوشيتد برس`` (without the parentheses),
    or None.

    >>> Caption(text="أوباما وبوتين", lang="ar", credit="الأوروبية").credit
    'الأوروبية'
    """

    text: str
    lang: str
    credit: str | None = None


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

    title: str | None
    summary: str
    date: dt.date | None
    caption: Caption | None


@attrs.frozen
class Article:
    r"""One news article parsed from its raw text.

    Build one with :func:`arnews.parse`; get the bundled ones with
    :func:`arnews.load`.

    >>> import arnews
    >>> a = arnews.parse("عنوان الخبر\n\n2015-09-29\n\nنص الخبر الأول.\n")
    >>> a.title, a.date.isoformat(), a.paragraphs
    ('عنوان الخبر', '2015-09-29', ('نص الخبر الأول.',))
    """

    id: str
    title: str
    date: dt.date | None
    time: dt.time | None
    date_inferred: bool
    outlet: str | None
    sources: tuple[str, ...]
    dateline: str | None
    sections: tuple[Section, ...]
    captions: tuple[Caption, ...]
    keywords: tuple[str, ...]
    related: tuple[RelatedStory, ...]
    raw: str = attrs.field(repr=False)
    #: Page furniture left out of every other field, in text order: furniture
    #: lines (``الأكثر قراءة``), block labels (``كلمات مفتاحية``, ``حول هذه القصة``)
    #: and an end marker cut from the last sentence (``انتهى``).
    dropped: tuple[str, ...] = ()

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """All body paragraphs in order, across sections.

        >>> import arnews
        >>> len(arnews.load().get("003_525ecddc6b3f777e").paragraphs) > 5
        True
        """
        return tuple(p for s in self.sections for p in s.paragraphs)

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
