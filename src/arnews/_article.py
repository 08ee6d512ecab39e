"""The public Article: the article data plus its entity and notebook conveniences."""

from __future__ import annotations

from typing import Any

import attrs

from ._display import article_html, article_pretty
from ._entities import Gazetteer, Mention, article_mentions, resolve_gazetteer
from ._model import ArticleBase
from ._sentences import Sentence, article_sentences

__all__ = ["Article"]


@attrs.frozen
class Article(ArticleBase):
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

    def entities(self, *, gazetteer: Gazetteer | None = None) -> tuple[Mention, ...]:
        """The gazetteer entities mentioned in this article, in text order.

        ``gazetteer`` is the bundled one unless you pass your own.

        >>> import arnews
        >>> a = arnews.load().get("003_525ecddc6b3f777e")
        >>> "lavrov" in {m.entity_id for m in a.entities()}
        True
        """
        return article_mentions(self, resolve_gazetteer(gazetteer))

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        """The sentences of the title, paragraphs and captions, with their field and span.

        See :func:`arnews.split_sentences` for the rules (computed on each access).

        >>> import arnews
        >>> [(s.field, s.index, s.text[-8:]) for s in arnews.load()[0].sentences[1:3]]
        [('paragraph', 0, ' الموصل؛'), ('paragraph', 0, 'ة الطلب.')]
        """
        return article_sentences(self)

    def _repr_html_(self) -> str:
        return article_html(self)

    def _repr_pretty_(self, p: Any, cycle: bool) -> None:
        p.text("Article(...)" if cycle else article_pretty(self))
