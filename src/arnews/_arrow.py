"""Exports for the data ecosystem: Arrow tables, Parquet files, Hugging Face datasets.

Every export has the same columns as :func:`arnews._export.article_record`
(one row per article, ``raw`` left out), with the types of :data:`COLUMNS`,
and carries a dataset card (:func:`dataset_card`: what the rows are, the
schema, counts, dates and outlets) — in the Parquet file's metadata
(``arnews.card``), and as a Hugging Face dataset's ``info.description``.
pyarrow (``pip install 'arnews[arrow]'``) and datasets (``arnews[hf]``)
are imported on use, never with arnews.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Final

from ._checks import check_int, check_path
from ._export import article_record
from ._model import ArticleBase

if TYPE_CHECKING:
    import os

    import datasets
    import pyarrow

__all__ = ["COLUMNS", "arrow_schema", "dataset_card", "to_arrow", "to_hf", "to_parquet"]

_CAPTION: Final = "struct<text: string, lang: string, credit: string>"
#: Every column: (name, Arrow type, meaning).  The one statement of the export schema.
COLUMNS: Final = (
    ("id", "string", "the article's id (a file's path without the extension for load_dir)"),
    ("title", "string", "the headline"),
    ("date", "date32", "the publication date, or null"),
    ("time", "string", "the publication time as HH:MM (HH:MM:SS when stated), or null"),
    ("utc_offset", "string", "the time's UTC offset as +HH:MM, or null"),
    ("hijri", "string", "a Hijri date as stated (YYYY-MM-DD, not converted), or null"),
    ("date_inferred", "bool", "true when the date was curated, not stated in the text"),
    ("outlet", "string", "the outlet that published it, or null"),
    ("url", "string", "the article's address, when given, or null"),
    ("sources", "list<string>", "agencies and outlets credited as sources"),
    ("dateline", "string", "the dateline (place of writing), or null"),
    ("sections", "list<struct<heading: string, paragraphs: list<string>>>", "the body"),
    ("paragraphs", "list<string>", "every body paragraph, in order"),
    ("subheadings", "list<string>", "the sections' headings"),
    ("captions", f"list<{_CAPTION}>", "photo captions (lang: ar or en)"),
    ("keywords", "list<string>", "the page's keywords"),
    (
        "related",
        f"list<struct<title: string, summary: string, date: date32, caption: {_CAPTION}>>",
        "teasers of related stories",
    ),
    ("dropped", "list<string>", "page furniture left out of every other field"),
    ("text", "string", "title and paragraphs, one per line"),
)

_MISSING: Final = {
    "pyarrow": "needs pyarrow: pip install 'arnews[arrow]'",
    "datasets": "needs datasets: pip install 'arnews[hf]'",
}


def _import(module: str, where: str) -> Any:
    import importlib  # noqa: PLC0415 - optional dependencies are imported on use only

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise ImportError(f"{where} {_MISSING[module]}") from exc


def _type(pa: Any, spec: str) -> Any:
    """The Arrow type a :data:`COLUMNS` spec names (string, bool, date32, list<>, struct<>)."""
    spec = spec.strip()
    simple = {"string": pa.string(), "bool": pa.bool_(), "date32": pa.date32()}
    if spec in simple:
        return simple[spec]
    if spec.startswith("list<") and spec.endswith(">"):
        return pa.list_(_type(pa, spec[5:-1]))
    if spec.startswith("struct<") and spec.endswith(">"):
        fields, depth, start, body = [], 0, 0, spec[7:-1]
        for i, char in enumerate(body + ","):
            depth += char == "<"
            depth -= char == ">"
            if char == "," and depth == 0:
                name, _, inner = body[start:i].partition(":")
                fields.append(pa.field(name.strip(), _type(pa, inner)))
                start = i + 1
        return pa.struct(fields)
    msg = f"unknown column type {spec!r}"
    raise ValueError(msg)


def arrow_schema() -> pyarrow.Schema:
    """The Arrow schema of the exports (:data:`COLUMNS`), each field's meaning in its metadata.

    >>> import pytest; _ = pytest.importorskip("pyarrow")  # the arrow extra
    >>> [f.name for f in arrow_schema()][:3]
    ['id', 'title', 'date']

    Raises:
        ImportError: if pyarrow is not installed (``pip install 'arnews[arrow]'``).
    """
    pa = _import("pyarrow", "arrow_schema()")
    return pa.schema(
        [
            pa.field(name, _type(pa, spec), nullable=name != "id", metadata={"meaning": meaning})
            for name, spec, meaning in COLUMNS
        ]
    )


def _row(article: ArticleBase) -> dict[str, Any]:
    """An article record with its dates as dates (Arrow's date32)."""
    record = article_record(article)
    record["date"] = article.date
    for story, teaser in zip(record["related"], article.related, strict=True):
        story["date"] = teaser.date
    return record


def dataset_card(articles: Iterable[ArticleBase], *, name: str = "arnews export") -> str:
    """A Markdown dataset card for an export of ``articles``: what, how many, when, the schema.

    >>> import arnews
    >>> card = dataset_card(arnews.load())
    >>> "5 articles" in card, "| date | date32 |" in card
    (True, True)
    """
    count = 0
    dates: list[dt.date] = []
    outlets: Counter[str] = Counter()
    for article in articles:
        count += 1
        if article.date is not None:
            dates.append(article.date)
        outlets[article.outlet or "(unknown)"] += 1
    span = f"{min(dates)} to {max(dates)}" if dates else "no dates"
    lines = [
        f"# {name}",
        "",
        f"{count} articles of Arabic news, parsed by arnews; dates {span}.",
        "Outlets: " + ", ".join(f"{o} ({n})" for o, n in outlets.most_common()) + ".",
        "",
        "One row per article. Text fields are the exact strings cut from the original",
        "text (offsets into them are offsets into the original lines). The original",
        "text itself (`raw`) is not exported.",
        "",
        "| column | type | meaning |",
        "|---|---|---|",
        *(f"| {c} | {t} | {m} |" for c, t, m in COLUMNS),
        "",
    ]
    return "\n".join(lines)


def _batches(articles: Iterable[ArticleBase], rows: int) -> Iterator[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    for article in articles:
        chunk.append(_row(article))
        if len(chunk) == rows:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _metadata(card: str) -> dict[bytes, bytes]:
    return {b"arnews.card": card.encode(), b"arnews.columns": b"article record, 16 columns"}


def to_arrow(articles: Iterable[ArticleBase]) -> pyarrow.Table:
    """The articles as an Arrow table of :data:`COLUMNS`, the dataset card in its metadata.

    >>> import pytest; _ = pytest.importorskip("pyarrow")  # the arrow extra
    >>> import arnews
    >>> table = to_arrow(arnews.load())
    >>> table.num_rows, str(table.schema.field("date").type)
    (5, 'date32[day]')

    Raises:
        ImportError: if pyarrow is not installed (``pip install 'arnews[arrow]'``).
    """
    pa = _import("pyarrow", "to_arrow()")
    kept = list(articles)
    schema = arrow_schema().with_metadata(_metadata(dataset_card(kept)))
    return pa.Table.from_pylist([_row(a) for a in kept], schema=schema)


def to_parquet(
    articles: Iterable[ArticleBase], path: str | os.PathLike[str], *, rows: int = 1000
) -> None:
    """Write the articles as a Parquet file, ``rows`` at a time (memory stays flat).

    The dataset card is in the file's metadata (``arnews.card``); an existing
    file is overwritten.  A DiskIndex streams straight in.

    >>> import pytest; pq = pytest.importorskip("pyarrow.parquet")  # the arrow extra
    >>> import arnews, pathlib, tempfile
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "news.parquet"
    >>> to_parquet(arnews.load(), out)
    >>> pq.read_table(out).num_rows, b"arnews.card" in pq.read_schema(out).metadata
    (5, True)

    Raises:
        TypeError: if ``path`` is not a path, or ``rows`` not an int.
        ValueError: if ``rows`` is not positive.
        ImportError: if pyarrow is not installed (``pip install 'arnews[arrow]'``).
    """
    check_path(path, "to_parquet()")
    check_int(rows, "to_parquet(rows=...)", minimum=1, hint="a number of rows per write")
    pa = _import("pyarrow", "to_parquet()")
    pq = _import("pyarrow.parquet", "to_parquet()")
    # The card needs the counts, so the articles are read twice when they can be.
    source = articles if not isinstance(articles, Iterator) else list(articles)
    schema = arrow_schema().with_metadata(_metadata(dataset_card(source)))
    with pq.ParquetWriter(path, schema) as writer:
        for chunk in _batches(source, rows):
            writer.write_table(pa.Table.from_pylist(chunk, schema=schema))


def to_hf(articles: Iterable[ArticleBase]) -> datasets.Dataset:
    """The articles as a Hugging Face ``datasets.Dataset``, the card as ``info.description``.

    >>> import pytest; _ = pytest.importorskip("datasets")  # the hf extra
    >>> import arnews
    >>> ds = to_hf(arnews.load())
    >>> ds.num_rows, ds.features["date"].dtype, "| text | string |" in ds.info.description
    (5, 'date32', True)

    Raises:
        ImportError: if pyarrow or datasets is not installed (``pip install 'arnews[hf]'``).
    """
    hf = _import("datasets", "to_hf()")
    table = to_arrow(articles)
    card = table.schema.metadata[b"arnews.card"].decode()
    info = hf.DatasetInfo(description=card, features=hf.Features.from_arrow_schema(table.schema))
    return hf.Dataset(hf.table.InMemoryTable(table), info=info)
