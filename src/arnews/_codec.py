"""Articles as lossless JSON documents, for storage outside memory (the disk index, shards).

:func:`article_doc` turns an :class:`arnews.Article` into a tree of JSON values
that :func:`doc_article` turns back into an equal Article; nothing is lost
(``raw`` included) and nothing is guessed.  The encoding is generic over the
attrs records of :mod:`arnews._model`: every init field of a record is written
under its own name, dates and times are tagged (``{"$date": "2016-10-27"}``),
records are tagged with their class name (``{"$": "Caption", ...}``), and a
string that is one of the article's searchable field texts (see
:data:`arnews._model.FIELDS`) is written as a reference to it
(``{"$f": 3}``), and a long string that holds some of them (``raw``) as
literal pieces and references (``{"$cat": [0, "<date line>", 1, ...]}``), since
a disk index stores the field texts once, in their own table.  New Article
fields are carried without a change here.

Unlike pickle, decoding a document runs no code of the file's choosing: only
the record classes of arnews can be built, through their own validation.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from typing import Any, Final

import attrs

from . import _model
from ._article import Article
from ._model import FIELDS, ArticleBase

__all__ = ["article_doc", "content_hash", "doc_article", "dumps", "field_texts"]

#: The record classes a document may name: arnews's attrs records.
_RECORDS: Final[dict[str, type]] = {
    "Article": Article,
    **{
        name: value
        for name, value in vars(_model).items()
        if isinstance(value, type) and attrs.has(value) and name != "ArticleBase"
    },
}
#: Field texts shorter than this are written inline (a reference would not be shorter).
_MIN_REF: Final = 8
#: Strings at least this long are looked through for the field texts they contain.
_MIN_CAT: Final = 64


def field_texts(article: ArticleBase) -> tuple[str, ...]:
    """The article's searchable strings in field-id order (per kind of :data:`FIELDS`).

    >>> import arnews
    >>> field_texts(arnews.load()[0])[0] == arnews.load()[0].title
    True
    """
    return tuple(text for kind in FIELDS for text in kind.texts(article))


def _encode(value: object, refs: dict[str, int]) -> Any:
    """One value of a record as JSON values (see the module docs)."""
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, str):
        ref = refs.get(value) if len(value) >= _MIN_REF else None
        if ref is not None:
            return {"$f": ref}
        return _concatenation(value, refs) if len(value) >= _MIN_CAT else value
    if isinstance(value, dt.datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    if isinstance(value, dt.time):
        return {"$time": value.isoformat()}
    if isinstance(value, tuple | list):
        return [_encode(item, refs) for item in value]
    if isinstance(value, dict):
        return {"$map": [[_encode(k, refs), _encode(v, refs)] for k, v in value.items()]}
    kind = type(value)
    if attrs.has(kind):
        out: dict[str, Any] = {"$": kind.__name__}
        for field in attrs.fields(kind):
            if field.init:
                out[field.name] = _encode(getattr(value, field.name), refs)
        return out
    msg = f"an article field holds a {type(value).__name__}, which arnews cannot store"
    raise TypeError(msg)


def _concatenation(value: str, refs: dict[str, int]) -> Any:
    """A long string as literal pieces and references to the field texts it holds, in order.

    The raw text holds every field text once, in order: written this way it
    costs a few literal lines (the date line, furniture) instead of its length.
    """
    pieces: list[Any] = []
    cursor = 0
    for text, ref in refs.items():
        if len(text) < _MIN_REF:
            continue
        at = value.find(text, cursor)
        if at < 0:
            continue
        if at > cursor:
            pieces.append(value[cursor:at])
        pieces.append(ref)
        cursor = at + len(text)
    if not pieces:
        return value
    if cursor < len(value):
        pieces.append(value[cursor:])
    return {"$cat": pieces}


def article_doc(article: ArticleBase) -> dict[str, Any]:
    """The article as JSON values, its field texts written as references (see the module docs).

    >>> import arnews
    >>> doc = article_doc(arnews.load()[0])
    >>> doc["$"], doc["title"], doc["date"]
    ('Article', {'$f': 0}, {'$date': '2016-10-27'})

    Raises:
        TypeError: if a field holds a value of a type arnews does not know.
    """
    refs: dict[str, int] = {}
    for number, text in enumerate(field_texts(article)):
        refs.setdefault(text, number)
    encoded: dict[str, Any] = _encode(article, refs)
    encoded["$"] = "Article"
    return encoded


def _decode(value: Any, texts: Sequence[str]) -> Any:
    """The value a JSON tree stands for (the inverse of :func:`_encode`)."""
    if isinstance(value, list):
        return tuple(_decode(item, texts) for item in value)
    if not isinstance(value, dict):
        return value
    if "$f" in value:
        return texts[value["$f"]]
    if "$cat" in value:
        return "".join(texts[p] if isinstance(p, int) else p for p in value["$cat"])
    if "$date" in value:
        return dt.date.fromisoformat(value["$date"])
    if "$time" in value:
        return dt.time.fromisoformat(value["$time"])
    if "$datetime" in value:
        return dt.datetime.fromisoformat(value["$datetime"])
    if "$map" in value:
        return {_decode(k, texts): _decode(v, texts) for k, v in value["$map"]}
    kind = _RECORDS[value["$"]]
    return kind(**{k: _decode(v, texts) for k, v in value.items() if k != "$"})


def doc_article(doc: dict[str, Any], texts: Sequence[str]) -> Article:
    """The Article a document stands for; ``texts`` are its field texts (:func:`field_texts`).

    >>> import arnews
    >>> a = arnews.load()[3]
    >>> doc_article(article_doc(a), field_texts(a)) == a
    True

    Raises:
        KeyError: if the document names a record class arnews does not have.
        TypeError: if a value does not fit its field (the record's own validation).
        IndexError: if a field-text reference is out of range.
    """
    article = _decode(doc, texts)
    if not isinstance(article, Article):
        msg = f"a document decodes to {type(article).__name__}, not an Article"
        raise TypeError(msg)
    return article


def dumps(doc: dict[str, Any]) -> bytes:
    r"""A document as compact UTF-8 JSON (Arabic unescaped).

    >>> dumps({"a": "ب"})
    b'{"a":"\xd8\xa8"}'
    """
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode()


def content_hash(doc_bytes: bytes, texts: Sequence[str]) -> bytes:
    """A 16-byte digest of an article's content: its document and its field texts.

    Two articles get the same digest exactly when they are equal (up to BLAKE2b
    collisions).

    >>> import arnews
    >>> a = arnews.load()[0]
    >>> len(content_hash(dumps(article_doc(a)), field_texts(a)))
    16
    """
    digest = hashlib.blake2b(doc_bytes, digest_size=16)
    for text in texts:
        digest.update(b"\0")
        digest.update(text.encode("utf-8", "surrogatepass"))
    return digest.digest()
