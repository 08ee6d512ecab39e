"""Batch functions for Dask, Spark and process pools: records in, records out.

Each function takes an iterable of records (dicts, or any mapping) and returns
a list of plain dicts, so it runs unchanged as ``dask.bag.map_partitions``,
over the rows of a Spark partition (``rdd.mapPartitions``, or
``DataFrame.mapInPandas`` through :func:`map_frames`) or in a
``multiprocessing`` pool.  They are module-level functions of arnews alone:
they pickle by reference, and a worker needs only ``pip install arnews``.
Nothing here imports Dask, Spark or pandas.

The records:

* **raw** ``{"id": str, "text": str}``: a text as a file holds it;
* **parsed** (:func:`parse_records`) ``{"id", "title", "date", "outlet",
  "article"}``: the date as an ISO string or None, and ``article`` the whole
  Article, lossless, as a JSON string (:func:`articles` turns it back);
* **normalized** (:func:`normalize_records`): the input plus a normalized column;
* **tokens** (:func:`token_records`): one record per normalized word of a
  searchable field, ``{"article_id", "field", "index", "start", "end",
  "token", "word"}`` (offsets into the original field string);
* **shards** (:func:`build_shard`): ``{"path", "articles"}`` for an index file
  written from one partition; :func:`arnews.merge_indexes` joins shards into
  one index (or open and search each one).

The column types, as Spark DDL strings, are :data:`PARSED_SCHEMA`,
:data:`TOKEN_SCHEMA` and :data:`SHARD_SCHEMA`.

>>> import arnews
>>> raw = [{"id": a.id, "text": a.raw} for a in arnews.load()]
>>> parsed = parse_records(raw[:2])
>>> parsed[0]["id"], parsed[0]["date"]
('000_e0e2311573730f34', '2016-10-27')
>>> [a.title for a in articles(parsed)] == [a.title for a in arnews.load()[:2]]
True
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Final

from ._analysis import normalize_words
from ._article import Article
from ._build import build_index
from ._codec import article_doc, doc_article, field_texts
from ._model import FIELDS
from ._parse import parse
from ._tokenize import WORD_RE
from .normalize import SEARCH

__all__ = [
    "PARSED_SCHEMA",
    "SHARD_SCHEMA",
    "TOKEN_SCHEMA",
    "articles",
    "build_shard",
    "map_frames",
    "normalize_records",
    "parse_records",
    "token_records",
]

#: The columns of :func:`parse_records`' records (Spark DDL).
PARSED_SCHEMA: Final = "id string, title string, date string, outlet string, article string"
#: The columns of :func:`token_records`' records (Spark DDL).
TOKEN_SCHEMA: Final = (
    "article_id string, field string, index long, start long, end long, token string, word string"
)
#: The columns of :func:`build_shard`'s records (Spark DDL).
SHARD_SCHEMA: Final = "path string, articles long"


def _field(record: Mapping[str, Any], key: str, where: str) -> Any:
    try:
        return record[key]
    except (KeyError, TypeError):
        msg = f"{where} expects records with a {key!r} key, got {record!r:.80}"
        raise ValueError(msg) from None


def _parsed(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "date": None if article.date is None else article.date.isoformat(),
        "outlet": article.outlet,
        "article": json.dumps(
            {"doc": article_doc(article), "texts": field_texts(article)}, ensure_ascii=False
        ),
    }


def parse_records(records: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    r"""Parse raw records ``{"id", "text"}`` into parsed records (see the module docs).

    >>> parse_records([{"id": "a", "text": "عنوان\n\nنص.\n"}])[0]["title"]
    'عنوان'

    Raises:
        ValueError: if a record lacks ``id`` or ``text``, or a text holds no
            article (the message names the record's id).
        TypeError: if ``id`` or ``text`` is not a str.
    """
    out = []
    for record in records:
        ident = _field(record, "id", "parse_records()")
        try:
            article = parse(_field(record, "text", "parse_records()"), id=ident)
        except ValueError as exc:
            msg = f"parse_records(): record {ident!r}: {exc}"
            raise ValueError(msg) from None
        out.append(_parsed(article))
    return out


def articles(records: Iterable[Mapping[str, Any]]) -> Iterator[Article]:
    """The Articles of parsed records (the inverse of :func:`parse_records`' ``article``).

    Raises:
        ValueError: if a record lacks ``article`` or it is not an arnews article.
    """
    for record in records:
        try:
            data = json.loads(_field(record, "article", "articles()"))
            yield doc_article(data["doc"], data["texts"])
        except (KeyError, TypeError, IndexError, json.JSONDecodeError) as exc:
            msg = f"articles(): a record's 'article' is not an arnews article ({exc})"
            raise ValueError(msg) from None


def normalize_records(
    records: Iterable[Mapping[str, Any]], *, column: str = "text", into: str = "normalized"
) -> list[dict[str, Any]]:
    """Each record with ``into`` set to the SEARCH-normalized ``column``.

    >>> normalize_records([{"text": "وبِغدادَ"}])
    [{'text': 'وبِغدادَ', 'normalized': 'وبغداد'}]

    Raises:
        ValueError: if a record lacks ``column``.
        TypeError: if its value is not a str.
    """
    return [
        {**record, into: SEARCH(_field(record, column, "normalize_records()"))}
        for record in records
    ]


def token_records(records: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    r"""One record per normalized word of every searchable field of parsed records.

    A token that normalizes to several words (a ligature) gives several
    records with the same span.

    >>> rows = token_records(parse_records([{"id": "a", "text": "وبِغدادَ\n\nنص.\n"}]))
    >>> [(r["field"], r["start"], r["end"], r["token"], r["word"]) for r in rows][:1]
    [('title', 0, 8, 'وبِغدادَ', 'وبغداد')]

    Raises:
        ValueError: as :func:`articles`.
    """
    out = []
    for article in articles(records):
        for kind in FIELDS:
            for index, text in enumerate(kind.texts(article)):
                for match in WORD_RE.finditer(text):
                    for word in normalize_words(match.group()):
                        out.append(
                            {
                                "article_id": article.id,
                                "field": kind.name,
                                "index": index,
                                "start": match.start(),
                                "end": match.end(),
                                "token": match.group(),
                                "word": word,
                            }
                        )
    return out


def build_shard(
    records: Iterable[Mapping[str, Any]], directory: str | os.PathLike[str]
) -> list[dict[str, Any]]:
    """Write the articles of raw or parsed records into a new index file in ``directory``.

    Returns one record ``{"path", "articles"}``; the file's name is unique, so
    partitions can write into one shared folder at once.

    >>> import arnews, tempfile
    >>> raw = [{"id": a.id, "text": a.raw} for a in arnews.load()]
    >>> shard = build_shard(raw, tempfile.mkdtemp())[0]
    >>> shard["articles"], arnews.open_index(shard["path"]).ids == arnews.load().ids
    (5, True)

    Raises:
        ValueError: as :func:`parse_records` or :func:`articles`.
    """
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"shard-{uuid.uuid4().hex}.db"

    def found() -> Iterator[Article]:
        for record in records:
            if "article" in record:
                yield from articles([record])
            else:
                yield from articles(parse_records([record]))

    index = build_index(found(), path)
    count = len(index)
    index.close()
    return [{"path": str(path), "articles": count}]


class _FrameMap:
    """A batch function applied to each pandas DataFrame of an iterator (see :func:`map_frames`)."""

    def __init__(
        self, function: Callable[..., list[dict[str, Any]]], kwargs: dict[str, Any]
    ) -> None:
        self.function = function
        self.kwargs = kwargs

    def __call__(self, frames: Iterable[Any]) -> Iterator[Any]:
        import pandas as pd  # noqa: PLC0415 - optional dependency, imported on use only

        for frame in frames:
            rows = self.function(frame.to_dict("records"), **self.kwargs)
            yield pd.DataFrame(rows)


def map_frames(function: Callable[..., list[dict[str, Any]]], **kwargs: Any) -> _FrameMap:
    """A function from an iterator of pandas DataFrames to one, applying a batch function.

    What Spark's ``DataFrame.mapInPandas`` takes: ``df.mapInPandas(
    map_frames(parse_records), PARSED_SCHEMA)``.  ``kwargs`` are passed on
    (``map_frames(build_shard, directory="/shared/shards")``).

    >>> import pandas as pd
    >>> frames = map_frames(normalize_records)(iter([pd.DataFrame({"text": ["أَنَّ"]})]))
    >>> next(frames)["normalized"].tolist()
    ['ان']
    """
    return _FrameMap(function, kwargs)
