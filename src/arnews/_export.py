"""Exports: plain JSON-ready records, JSON Lines files and pandas DataFrames.

A record holds every parsed field of an article, plus the derived
``paragraphs``, ``subheadings`` and ``text``.  It leaves out ``raw``: the
original text is as long as everything else together, and it stays one
attribute away (``article.raw``) for whoever needs it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ._checks import check_instance, check_path
from ._model import ArticleBase, Caption, RelatedStory

if TYPE_CHECKING:
    import pandas

__all__ = ["article_record", "to_jsonl", "to_pandas", "to_records"]

_PANDAS_MISSING = "to_pandas() needs pandas: pip install 'arnews[pandas]'"


_COLUMNS = (
    "id",
    "title",
    "date",
    "time",
    "date_inferred",
    "outlet",
    "sources",
    "dateline",
    "sections",
    "paragraphs",
    "subheadings",
    "captions",
    "keywords",
    "related",
    "dropped",
    "text",
)


def _date(value: dt.date | None) -> str | None:
    """ISO date string, or None."""
    return None if value is None else value.isoformat()


def _caption(caption: Caption | None) -> dict[str, Any] | None:
    """A caption as a plain dict, or None."""
    if caption is None:
        return None
    return {"text": caption.text, "lang": caption.lang, "credit": caption.credit}


def _related(story: RelatedStory) -> dict[str, Any]:
    """A related story as a plain dict."""
    return {
        "title": story.title,
        "summary": story.summary,
        "date": _date(story.date),
        "caption": _caption(story.caption),
    }


def article_record(article: ArticleBase) -> dict[str, Any]:
    """One article as a plain, JSON-ready dict.

    Dates are ISO strings (``"2016-10-27"``), the time is ``"HH:MM"``, and
    tuples become lists; missing values are None.  The keys are ``id, title,
    date, time, date_inferred, outlet, sources, dateline, sections,
    paragraphs, subheadings, captions, keywords, related, dropped, text``;
    ``raw`` is left out (see the module docstring).

    >>> import arnews
    >>> record = article_record(arnews.load()[0])
    >>> record["date"], record["time"], record["related"]
    ('2016-10-27', '09:10', [])

    Raises:
        TypeError: if ``article`` is not an Article.
    """
    check_instance(
        article,
        ArticleBase,
        "article_record()",
        "build one with arnews.parse(text)",
        name="Article",
    )
    return {
        "id": article.id,
        "title": article.title,
        "date": _date(article.date),
        "time": None if article.time is None else article.time.strftime("%H:%M"),
        "date_inferred": article.date_inferred,
        "outlet": article.outlet,
        "sources": list(article.sources),
        "dateline": article.dateline,
        "sections": [
            {"heading": s.heading, "paragraphs": list(s.paragraphs)} for s in article.sections
        ],
        "paragraphs": list(article.paragraphs),
        "subheadings": list(article.subheadings),
        "captions": [_caption(c) for c in article.captions],
        "keywords": list(article.keywords),
        "related": [_related(r) for r in article.related],
        "dropped": list(article.dropped),
        "text": article.text,
    }


def to_records(corpus: Iterable[ArticleBase]) -> list[dict[str, Any]]:
    """One JSON-ready dict per article, in corpus order (see :func:`article_record`).

    >>> import arnews, json
    >>> records = to_records(arnews.load())
    >>> len(records), records[3]["id"]
    (5, '003_525ecddc6b3f777e')
    >>> json.loads(json.dumps(records)) == records
    True
    """
    return [article_record(a) for a in corpus]


def to_jsonl(corpus: Iterable[ArticleBase], path: str | os.PathLike[str]) -> None:
    """Write the records as JSON Lines: UTF-8, Arabic unescaped, one article a line.

    An existing file is overwritten.

    >>> import arnews, pathlib, tempfile
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "corpus.jsonl"
    >>> to_jsonl(arnews.load(), out)
    >>> len(out.read_text(encoding="utf-8").splitlines())
    5

    Raises:
        TypeError: if ``path`` is not a str or path-like object.
        OSError: if the file cannot be written.
    """
    check_path(path, "to_jsonl()")
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        for record in to_records(corpus):
            out.write(json.dumps(record, ensure_ascii=False))
            out.write("\n")


def to_pandas(corpus: Iterable[ArticleBase]) -> pandas.DataFrame:
    """The records as a pandas DataFrame, one row per article.

    Columns are the record keys; ``date`` becomes a ``datetime64`` column
    (NaT where unknown) so it can be filtered and resampled; list-valued
    columns hold Python lists.  pandas is imported here and nowhere else.

    >>> import arnews
    >>> frame = to_pandas(arnews.load())
    >>> frame.shape[0]
    5

    Raises:
        ImportError: if pandas is not installed (``pip install 'arnews[pandas]'``).
    """
    try:
        import pandas as pd  # noqa: PLC0415 - optional dependency, imported on use only
    except ImportError as exc:
        raise ImportError(_PANDAS_MISSING) from exc
    frame = pd.DataFrame(to_records(corpus), columns=list(_COLUMNS))
    frame["date"] = pd.to_datetime(frame["date"], format="ISO8601")
    return frame
