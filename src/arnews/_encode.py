"""A batch of articles encoded for the disk index: the rows one write transaction adds.

:func:`encode_batch` is where a batch's keys are made, and it makes them with
:class:`arnews._index.MemoryIndex` over the batch's articles: the one indexing
path, so a disk index holds exactly the postings, spellings and field texts
an in-memory index of the same articles has.  Field ids and article positions
here are local to the batch (0, 1, ...); the writer adds the batch's offsets.

An :class:`EncodedBatch` is plain data (tuples of str, int and bytes), cheap to
pickle, so batches can be encoded in worker processes (or on Dask or Spark)
and written by one process.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Final

import attrs

from ._codec import article_doc, content_hash, dumps, field_texts
from ._index import MemoryIndex
from ._model import ArticleBase
from ._sqlite import encode_payload, text_crc

__all__ = ["ArticleRow", "EncodedBatch", "FieldRow", "PostingRow", "encode_batch", "spelling_code"]

#: (id, content hash, number of fields, ISO date or None, date_inferred, outlet,
#: document as UTF-8 JSON)
ArticleRow = tuple[str, bytes, int, "str | None", bool, "str | None", bytes]
#: (local article position, field kind, index among its kind, original text, its CRC-32)
FieldRow = tuple[int, int, int, str, int]
#: (normalized word, occurrences, spelling code, payload)
PostingRow = tuple[str, int, "str | None", bytes]

#: The spelling code of a word written in several ways.
SEVERAL: Final = ""


def spelling_code(word: str, spelling: str | None) -> str | None:
    """How a word's one spelling is stored: NULL when it is the word itself, '' for several.

    >>> spelling_code("بغداد", "بغداد"), spelling_code("بغداد", None), spelling_code("ا", "أ")
    (None, '', 'أ')
    """
    if spelling is None:
        return SEVERAL
    return None if spelling == word else spelling


@attrs.frozen
class EncodedBatch:
    """The rows of one batch: articles, fields and postings, local numbering.

    ``unchanged`` counts the articles left out because the index already held
    them (same id, same content); ``text_bytes`` is the UTF-8 size of the
    batch's field texts, kept articles only.

    >>> import arnews
    >>> batch = encode_batch(arnews.load())
    >>> len(batch.articles), batch.unchanged, batch.fields[0][3] == arnews.load()[0].title
    (5, 0, True)
    """

    articles: tuple[ArticleRow, ...]
    fields: tuple[FieldRow, ...]
    postings: tuple[PostingRow, ...]
    start_bits: int
    text_bytes: int
    unchanged: int


def encode_batch(
    articles: Iterable[ArticleBase],
    unchanged: Callable[[str, bytes], bool] | None = None,
) -> EncodedBatch:
    """Encode a batch of articles, leaving out those ``unchanged(id, hash)`` says are stored.

    >>> import arnews
    >>> batch = encode_batch(arnews.load(), lambda article_id, digest: article_id < "002")
    >>> [row[0][:3] for row in batch.articles], batch.unchanged
    (['002', '003', '004'], 2)
    """
    kept: list[ArticleBase] = []
    rows: list[ArticleRow] = []
    skipped = 0
    for article in articles:
        texts = field_texts(article)
        doc = dumps(article_doc(article))
        digest = content_hash(doc, texts)
        if unchanged is not None and unchanged(article.id, digest):
            skipped += 1
            continue
        kept.append(article)
        rows.append(
            (
                article.id,
                digest,
                len(texts),
                None if article.date is None else article.date.isoformat(),
                article.date_inferred,
                article.outlet,
                doc,
            )
        )
    index = MemoryIndex(kept)
    fields = tuple(
        (article, kind, number, text, text_crc(text))
        for article, kind, number, text in zip(
            index.field_article, index.field_kind, index.field_index, index.texts, strict=True
        )
    )
    postings = tuple(
        (
            word,
            count,
            spelling_code(word, index.spelling(word)),
            encode_payload(index.postings(word)),
        )
        for word, count in sorted(index.vocabulary().items())
    )
    return EncodedBatch(
        articles=tuple(rows),
        fields=fields,
        postings=postings,
        start_bits=index.start_bits,
        text_bytes=sum(len(text.encode("utf-8", "surrogatepass")) for text in index.texts),
        unchanged=skipped,
    )
