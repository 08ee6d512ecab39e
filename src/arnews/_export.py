"""Article records (to and from plain dicts), JSON Lines files and pandas DataFrames.

A record holds every field of an article as JSON-ready values, plus the
derived ``paragraphs``, ``subheadings`` and ``text``.  :func:`to_records`
leaves out ``raw`` (the original text is as long as everything else together,
and a DataFrame rarely wants it); :func:`to_jsonl` keeps it, so that
:func:`arnews.load_jsonl` gives back equal articles.

:func:`article_from_record` reads a record back: a complete one (with
``sections``, as written here) exactly, a shorter one (the user's own: ``id``,
``title``, ``date``, ``outlet``, ``text`` ...) by using what it gives as given
and parsing only what is missing (see its docstring).

:func:`write_atomically` is the one way arnews writes a file: to a temporary
file beside the target, renamed over it only once everything is written, so
an error never leaves a half-written or emptied target.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import secrets
import shutil
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import attrs

from ._article import Article
from ._checks import check_instance, check_path
from ._dates import HijriDate, read_date
from ._model import ArticleBase, Caption, RelatedStory, Section
from ._parse import parse, text_id

if TYPE_CHECKING:
    import pandas

__all__ = [
    "RECORD_KEYS",
    "article_from_record",
    "article_record",
    "record_fields",
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
_DERIVED = frozenset({"paragraphs", "subheadings", "text"})
_READ_KEYS = frozenset(RECORD_KEYS) | {"raw"}


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
    frame = pd.DataFrame(to_records(corpus), columns=list(RECORD_KEYS))
    frame["date"] = pd.to_datetime(frame["date"], format="ISO8601")
    return frame


# -- reading ---------------------------------------------------------------------------------

_OFFSET = re.compile(r"(?P<sign>[+\-])(?P<h>[0-9]{2}):?(?P<m>[0-9]{2})(?::(?P<s>[0-9]{2}))?")


class _Record:
    """One record being read: its values, and errors that name the record and the key."""

    def __init__(self, record: Mapping[str, Any], where: str) -> None:
        self.values = record
        self.where = where

    def error(self, key: str, what: str, value: object) -> ValueError:
        return ValueError(f"{self.where}: {key!r} must be {what}, got {value!r}")

    def type_error(self, key: str, what: str, value: object) -> TypeError:
        return TypeError(f"{self.where}: {key!r} must be {what}, got {type(value).__name__}")

    def text(self, key: str) -> str | None:
        value = self.values.get(key)
        if value is None or isinstance(value, str):
            return value
        raise self.type_error(key, "a str or null", value)

    def texts(self, key: str) -> tuple[str, ...] | None:
        value = self.values.get(key)
        if value is None:
            return None
        if isinstance(value, str) or not isinstance(value, list | tuple):
            raise self.type_error(key, "a list of str", value)
        if not all(isinstance(v, str) for v in value):
            raise self.error(key, "a list of str", value)
        return tuple(value)

    def date(self, key: str, value: object) -> tuple[dt.date, dt.time | None, Any]:
        """A date, or a date line / ISO datetime that may also give a time and an offset."""
        if isinstance(value, dt.datetime):
            return value.date(), value.timetz().replace(tzinfo=None), value.utcoffset()
        if isinstance(value, dt.date):
            return value, None, None
        if not isinstance(value, str):
            raise self.type_error(key, "an ISO date such as '2018-02-18'", value)
        with contextlib.suppress(ValueError):  # ISO first: it is what records are written in
            return dt.date.fromisoformat(value), None, None
        with contextlib.suppress(ValueError):
            moment = dt.datetime.fromisoformat(value)
            return moment.date(), moment.timetz().replace(tzinfo=None), moment.utcoffset()
        reading = read_date(value)  # any date line arnews reads
        if reading is None or reading.date is None:
            raise self.error(key, "an ISO date such as '2018-02-18'", value)
        return reading.date, reading.time, reading.utc_offset

    def time(self, value: object) -> dt.time:
        if isinstance(value, dt.time):
            return value
        if isinstance(value, str):
            with contextlib.suppress(ValueError):
                return dt.time.fromisoformat(value)
        raise self.error("time", "a time such as '09:10' or '12:26:59'", value)

    def offset(self, value: object) -> dt.timedelta:
        if isinstance(value, dt.timedelta):
            return value
        if isinstance(value, str):
            if value in ("Z", "z"):
                return dt.timedelta(0)
            m = _OFFSET.fullmatch(value)
            if m is not None and int(m["h"]) < 24 and int(m["m"]) < 60:
                delta = dt.timedelta(
                    hours=int(m["h"]), minutes=int(m["m"]), seconds=int(m["s"] or 0)
                )
                return -delta if m["sign"] == "-" else delta
        raise self.error("utc_offset", "an offset such as '+01:00' or 'Z'", value)

    def hijri(self, value: object) -> HijriDate:
        if isinstance(value, HijriDate):
            return value
        if isinstance(value, str):
            with contextlib.suppress(ValueError):
                return HijriDate.fromisoformat(value)
        raise self.error("hijri", "a Hijri date written 'YYYY-MM-DD' such as '1432-09-14'", value)

    def caption(self, key: str, value: object) -> Caption:
        if isinstance(value, Caption):
            return value
        if not isinstance(value, Mapping) or not isinstance(value.get("text"), str):
            raise self.error(key, "a caption such as {'text': '…', 'lang': 'ar'}", value)
        return Caption(text=value["text"], lang=value.get("lang", "ar"), credit=value.get("credit"))

    def captions(self) -> tuple[Caption, ...] | None:
        value = self.values.get("captions")
        if value is None:
            return None
        if not isinstance(value, list | tuple):
            raise self.type_error("captions", "a list of captions", value)
        return tuple(self.caption("captions", v) for v in value)

    def sections(self) -> tuple[Section, ...] | None:
        value = self.values.get("sections")
        if value is None:
            return None
        if not isinstance(value, list | tuple):
            raise self.type_error("sections", "a list of sections", value)
        sections = []
        for item in value:
            if isinstance(item, Section):
                sections.append(item)
                continue
            if not isinstance(item, Mapping) or not isinstance(item.get("paragraphs"), list):
                raise self.error(
                    "sections", "sections such as {'heading': None, 'paragraphs': […]}", item
                )
            sections.append(Section(heading=item.get("heading"), paragraphs=item["paragraphs"]))
        return tuple(sections)

    def related(self) -> tuple[RelatedStory, ...] | None:
        value = self.values.get("related")
        if value is None:
            return None
        if not isinstance(value, list | tuple):
            raise self.type_error("related", "a list of related stories", value)
        stories = []
        for item in value:
            if isinstance(item, RelatedStory):
                stories.append(item)
                continue
            if not isinstance(item, Mapping) or not isinstance(item.get("summary"), str):
                raise self.error("related", "stories such as {'title': …, 'summary': '…'}", item)
            date = item.get("date")
            caption = item.get("caption")
            stories.append(
                RelatedStory(
                    title=item.get("title"),
                    summary=item["summary"],
                    date=None if date is None else self.date("related", date)[0],
                    caption=None if caption is None else self.caption("related", caption),
                )
            )
        return tuple(stories)


def _body(text: str) -> tuple[Section, ...]:
    """A body text as given: paragraphs separated by blank lines (one section, no heading)."""
    blocks = (b.strip() for b in re.split(r"\n[^\S\n]*\n", text.replace("\r\n", "\n")))
    paragraphs = tuple(block for block in blocks if block)
    return (Section(None, paragraphs),) if paragraphs else ()


def record_fields(record: Mapping[str, Any], where: str) -> dict[str, Any]:
    """The Article fields a record gives besides its body, read and checked.

    >>> record_fields({"outlet": "هسبريس", "date": "2018-02-18T12:26:59+01:00"}, "x")["utc_offset"]
    datetime.timedelta(seconds=3600)

    Raises:
        TypeError, ValueError: as :func:`article_from_record` (the message names ``where``).
    """
    return _given(_Record(record, where))


def _given(r: _Record) -> dict[str, Any]:
    """The Article fields a record gives, read and checked (the body aside)."""
    record = r.values
    fields: dict[str, Any] = {}
    for key in ("title", "outlet", "dateline", "url"):
        if key in record:
            fields[key] = r.text(key)
    for key in ("sources", "keywords", "dropped"):
        value = r.texts(key)
        if value is not None:
            fields[key] = value
    captions, related = r.captions(), r.related()
    if captions is not None:
        fields["captions"] = captions
    if related is not None:
        fields["related"] = related
    if record.get("date") is not None:
        date, time, offset = r.date("date", record["date"])
        fields.update(date=date, time=time, utc_offset=offset)
    elif "date" in record:
        fields.update(date=None, time=None, utc_offset=None)
    if record.get("time") is not None:
        fields["time"] = r.time(record["time"])
    elif "time" in record:
        fields["time"] = None
    if record.get("utc_offset") is not None:
        fields["utc_offset"] = r.offset(record["utc_offset"])
    elif "utc_offset" in record:
        fields["utc_offset"] = None
    if "hijri" in record:
        fields["hijri"] = None if record["hijri"] is None else r.hijri(record["hijri"])
    if "date_inferred" in record:
        inferred = record["date_inferred"]
        if not isinstance(inferred, bool):
            raise r.type_error("date_inferred", "true or false", inferred)
        fields["date_inferred"] = inferred
    return fields


def article_from_record(record: Mapping[str, Any], *, where: str = "record") -> Article:
    r"""The Article a record describes: as given where it says, parsed where it does not.

    Keys are those of :func:`article_record` and ``raw``; values may be the
    JSON forms written there or Python values (a ``datetime.date``, a
    ``Caption`` ...).  ``date`` may also be any date line arnews reads
    (``"2018-02-18T12:26:59+01:00"`` gives the time and offset too).

    - With ``sections`` the record is complete: the article is built from it
      exactly (``paragraphs``, ``subheadings`` and ``text``, which derive
      from the sections, are not read).
    - With a ``title`` and a ``text``, the text is the body as given:
      paragraphs separated by blank lines.
    - With ``raw`` (the article's whole text), or a ``text`` but no
      ``title``, that text is parsed with :func:`arnews.parse`, and every
      field the record gives replaces the parsed one.
    - ``raw`` defaults to the title and the body joined by blank lines; ``id``
      to an id derived from the raw text, as :func:`arnews.parse` derives one.

    >>> a = article_from_record({"id": "a1", "title": "عنوان", "date": "2018-02-18",
    ...                          "outlet": "هسبريس", "text": "الفقرة الأولى.\n\nالفقرة الثانية."})
    >>> a.title, a.date.isoformat(), a.outlet, a.paragraphs
    ('عنوان', '2018-02-18', 'هسبريس', ('الفقرة الأولى.', 'الفقرة الثانية.'))

    Raises:
        TypeError: if ``record`` is not a mapping, or a value has the wrong type.
        ValueError: if a key is unknown, a value is malformed, or the record
            holds no text (none of ``title``, ``text``, ``raw``).
    """
    given: object = record
    if not isinstance(given, Mapping):
        msg = (
            f"{where} must be a mapping such as {{'id': …, 'title': …, 'text': …}}, "
            f"got {type(given).__name__}"
        )
        raise TypeError(msg)
    unknown = sorted(repr(k) for k in record if k not in _READ_KEYS)
    if unknown:
        keys = ", ".join((*RECORD_KEYS, "raw"))
        msg = f"{where}: unknown key(s) {', '.join(unknown)}; the keys are {keys}"
        raise ValueError(msg)
    r = _Record(record, where)
    title, text, raw, ident = r.text("title"), r.text("text"), r.text("raw"), r.text("id")
    try:
        fields = _given(r)
        sections = r.sections()
        complete = sections is not None
        if sections is None and title is not None and text is not None:
            sections = _body(text)
        if sections is None and raw is None and text is None:
            if title is None:
                msg = f"{where} holds no text: give 'title' and 'text', or 'raw'"
                raise ValueError(msg)
            paragraphs = r.texts("paragraphs") or ()
            sections = (Section(None, paragraphs),) if paragraphs else ()
        if sections is not None:
            fields["sections"] = sections
        source = raw if raw is not None else (text if title is None else None)
        if source is not None and not complete:  # parse the text; the record's fields win
            return attrs.evolve(parse(source, id=ident), **fields)
        if title is None:
            msg = f"{where}: a record with 'sections' needs a 'title'"
            raise ValueError(msg)
        if raw is None:
            body = [p for s in sections or () for p in (*filter(None, [s.heading]), *s.paragraphs)]
            raw = "\n\n".join((title, *body))
        defaults: dict[str, Any] = {
            "id": ident if ident is not None else text_id(raw),
            "date": None,
            "time": None,
            "date_inferred": False,
            "outlet": None,
            "sources": (),
            "dateline": None,
            "sections": (),
            "captions": (),
            "keywords": (),
            "related": (),
            "raw": raw,
        }
        return Article(**{**defaults, **fields})
    except (TypeError, ValueError) as exc:
        if str(exc).startswith(where):
            raise
        raise type(exc)(f"{where}: {exc}") from None
