"""Records -> Articles: the inverse of :func:`arnews._export.article_record`, and more.

:func:`article_from_record` reads a record back: a complete one (with
``sections``, as :mod:`arnews._export` writes it) exactly, a shorter one (the
user's own: ``id``, ``title``, ``date``, ``outlet``, ``text`` ...) by using what
it gives as given and parsing only what is missing.  :func:`record_fields`
reads the facts a record gives besides its text (a folder's ``metadata.jsonl``
lines are such records).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

import attrs

from ._article import Article
from ._dates import HijriDate, read_date
from ._export import RECORD_KEYS
from ._model import Caption, RelatedStory, Section
from ._parse import parse, text_id

__all__ = ["article_from_record", "record_fields"]

_READ_KEYS = frozenset(RECORD_KEYS) | {"raw"}

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
