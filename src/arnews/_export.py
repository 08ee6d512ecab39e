"""Article records (to and from plain dicts), JSON Lines files and pandas DataFrames.

A record holds every field of an article as JSON-ready values, plus the
derived ``paragraphs``, ``subheadings`` and ``text``.  :func:`to_records`
leaves out ``raw`` (the original text is as long as everything else together,
and a DataFrame rarely wants it); :func:`to_jsonl` keeps it, so that
:func:`arnews.load_jsonl` gives back equal articles.

:mod:`arnews._records` reads records back (:func:`arnews.from_records`,
:func:`arnews.load_jsonl`).

:func:`write_atomically` is the one way arnews writes a file: to a temporary
file beside the target, renamed over it only once everything is written, so
an error never leaves a half-written or emptied target.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import secrets
import shutil
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from ._checks import check_instance, check_path
from ._model import ArticleBase, Caption, RelatedStory

if TYPE_CHECKING:
    import pandas

__all__ = [
    "RECORD_KEYS",
    "article_record",
    "date_column",
    "to_jsonl",
    "to_pandas",
    "to_records",
    "write_atomically",
]

_PANDAS_MISSING = "to_pandas() needs pandas: pip install 'arnews[pandas]'"

#: The keys of a record, in order (``raw`` only in JSON Lines, see the module docstring).
RECORD_KEYS = (
    "id",
    "title",
    "date",
    "time",
    "utc_offset",
    "hijri",
    "date_inferred",
    "outlet",
    "url",
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


# -- writing ---------------------------------------------------------------------------------


def _date(value: dt.date | None) -> str | None:
    """ISO date string, or None."""
    return None if value is None else value.isoformat()


def _time(value: dt.time | None) -> str | None:
    """``HH:MM``, with seconds (and microseconds) only when the time has them."""
    if value is None:
        return None
    return value.isoformat("minutes" if not (value.second or value.microsecond) else "auto")


def _offset(value: dt.timedelta | None) -> str | None:
    """``+HH:MM`` (``+HH:MM:SS`` for an offset with seconds), or None."""
    if value is None:
        return None
    sign = "-" if value < dt.timedelta(0) else "+"
    seconds = int(abs(value).total_seconds())
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{sign}{hours:02d}:{minutes:02d}" + (f":{secs:02d}" if secs else "")


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

    Dates are ISO strings (``"2016-10-27"``), the time is ``"HH:MM"`` (with
    seconds when it has them), the UTC offset ``"+01:00"``, a Hijri date
    ``"1432-09-14"``; tuples become lists; missing values are None.  The keys
    are :data:`RECORD_KEYS`; ``raw`` is left out (see the module docstring).

    >>> import arnews
    >>> record = article_record(arnews.load()[0])
    >>> record["date"], record["time"], record["utc_offset"], record["related"]
    ('2016-10-27', '09:10', None, [])

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
        "time": _time(article.time),
        "utc_offset": _offset(article.utc_offset),
        "hijri": None if article.hijri is None else article.hijri.isoformat(),
        "date_inferred": article.date_inferred,
        "outlet": article.outlet,
        "url": article.url,
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


def write_atomically(path: str | os.PathLike[str], write: Callable[[TextIO], object]) -> None:
    r"""Write a UTF-8 text file through ``write(out)``, all or nothing.

    The text goes to a temporary file beside the target (so on the same file
    system), which replaces the target only once ``write`` has returned and
    the data is flushed to disk.  If ``write`` raises, the temporary file is
    removed and the target is left as it was.  An existing target keeps its
    permissions; newlines are written as ``\n``.

    >>> import pathlib, tempfile
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "notes.txt"
    >>> write_atomically(out, lambda f: f.write("نص\n"))
    >>> out.read_text(encoding="utf-8")
    'نص\n'

    Raises:
        TypeError: if ``path`` is not a str or path-like object.
        OSError: if the folder cannot be written (the target is untouched).
        Exception: whatever ``write`` raises (the target is untouched).
    """
    target = Path(check_path(path, "write_atomically()"))
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
    try:
        with open(temporary, "x", encoding="utf-8", newline="\n") as out:
            write(out)
            out.flush()
            os.fsync(out.fileno())
        if target.exists():
            shutil.copymode(target, temporary)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
        raise


def _surrogate_at(value: object, where: str) -> tuple[str, int] | None:
    """The first place in a record that holds a lone surrogate: (field path, offset)."""
    if isinstance(value, str):
        for i, c in enumerate(value):
            if "\ud800" <= c <= "\udfff":
                return where, i
        return None
    items: Iterable[tuple[str, object]]
    if isinstance(value, dict):
        items = ((f"{where}.{k}" if where else str(k), v) for k, v in value.items())
    elif isinstance(value, list):
        items = ((f"{where}[{i}]", v) for i, v in enumerate(value))
    else:
        return None
    for name, item in items:
        found = _surrogate_at(item, name)
        if found is not None:
            return found
    return None


def _jsonl_lines(corpus: Iterable[ArticleBase]) -> Iterator[str]:
    """One checked JSON line per article; ValueError naming the article and field on a surrogate."""
    for article in corpus:
        record = article_record(article)
        record["raw"] = article.raw
        line = json.dumps(record, ensure_ascii=False)
        try:
            line.encode("utf-8")
        except UnicodeEncodeError:
            field, offset = _surrogate_at(record, "") or ("?", 0)
            msg = (
                f"to_jsonl(): article {article.id!r} holds a lone surrogate in {field} (at "
                f"{offset}), which UTF-8 cannot write; nothing was written. Such characters "
                f"come from undecodable bytes: re-read the file with its encoding, or replace "
                f"them, e.g. text.encode('utf-8', 'replace').decode('utf-8')"
            )
            raise ValueError(msg) from None
        yield line


def to_jsonl(corpus: Iterable[ArticleBase], path: str | os.PathLike[str]) -> None:
    """Write the records, ``raw`` included, as JSON Lines: UTF-8, Arabic unescaped.

    One article a line.  The file is written atomically (see
    :func:`write_atomically`): an existing file is replaced only when every
    article has been written, and left as it was on any error.
    :func:`arnews.load_jsonl` reads it back into equal articles.

    >>> import arnews, pathlib, tempfile
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "corpus.jsonl"
    >>> to_jsonl(arnews.load(), out)
    >>> len(out.read_text(encoding="utf-8").splitlines())
    5

    Raises:
        TypeError: if ``path`` is not a str or path-like object.
        ValueError: if an article holds a lone surrogate, which UTF-8 cannot
            encode (the message names the article and the field).
        OSError: if the file cannot be written.
    """
    check_path(path, "to_jsonl()")
    lines = list(_jsonl_lines(corpus))  # every check before the file is touched

    def write(out: TextIO) -> None:
        for line in lines:
            out.write(line)
            out.write("\n")

    write_atomically(path, write)


def date_column(dates: pandas.Series) -> pandas.Series:
    """ISO date strings (None where unknown) as a pandas ``datetime64`` column, NaT for None.

    The column has pandas' usual unit (nanoseconds in pandas 2, microseconds in
    pandas 3) when every date fits it; a date outside the nanosecond span
    (1677-09-22 to 2262-04-11: a placeholder such as 0001-01-01 or 9999-12-31,
    which read_date accepts) makes pandas 2's column one in seconds
    (``datetime64[s]``, years 1 to 9999), so no date is lost or refused.

    >>> import pandas as pd
    >>> usual = pd.to_datetime(pd.Series(["2016-10-27"]), format="ISO8601").dtype
    >>> date_column(pd.Series(["2016-10-27", None])).dtype == usual
    True
    >>> column = date_column(pd.Series(["0001-01-01", "2016-10-27"]))
    >>> column.dtype.kind, column.iloc[0].year
    ('M', 1)
    """
    import pandas as pd  # noqa: PLC0415 - optional dependency, imported on use only

    try:
        return pd.to_datetime(dates, format="ISO8601")
    except pd.errors.OutOfBoundsDatetime:
        return dates.astype("datetime64[s]")


def to_pandas(corpus: Iterable[ArticleBase]) -> pandas.DataFrame:
    """The records as a pandas DataFrame, one row per article.

    Columns are the record keys; ``date`` becomes a ``datetime64`` column
    (NaT where unknown, see :func:`date_column`) so it can be filtered and resampled; list-valued
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
    frame = pd.DataFrame(to_records(corpus), columns=list(RECORD_KEYS))
    frame["date"] = date_column(frame["date"])
    return frame
