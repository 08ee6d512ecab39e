"""The curated catalog: facts about the bundled articles established outside the texts.

``data/catalog.json`` records, per bundled file, its SHA-256, the publishing
outlet when known, and an inferred date for texts that state none, each with
the evidence in words and a confidence.  :func:`arnews.load` applies it on top
of what the parser reads; :func:`catalog` shows it.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import types
from collections.abc import Mapping
from pathlib import PurePosixPath
from typing import Any

import attrs

from ._article import Article
from ._checks import check_pair
from ._resources import read_text

__all__ = ["CatalogEntry", "apply_catalog", "catalog", "load_catalog", "read_catalog"]

_CONFIDENCES = ("high", "medium")
#: The keys a catalog entry may have (the bundled schema's).
_ENTRY_KEYS = (
    "id",
    "file",
    "sha256",
    "outlet",
    "outlet_evidence",
    "date",
    "date_confidence",
    "date_evidence",
    "notes",
)
#: The entry keys whose value is text (``outlet`` may also be null).
_TEXT_KEYS = ("id", "file", "sha256", "outlet_evidence", "date_evidence", "notes")


@attrs.frozen
class CatalogEntry:
    """Curated facts about one bundled article, with the evidence for each.

    ``outlet`` is None when the publishing outlet is unknown.  ``date`` is
    the inferred publication date for a text that states none (None when the
    text states its own date), and ``date_confidence`` is ``"high"`` or
    ``"medium"`` (None without a curated date).

    >>> import arnews
    >>> entry = arnews.catalog()[4]
    >>> entry.outlet, entry.date.isoformat(), entry.date_confidence
    ('الجورنال نيوز', '2016-06-08', 'medium')
    """

    id: str
    file: str
    sha256: str
    outlet: str | None
    outlet_evidence: str
    date: dt.date | None
    date_confidence: str | None
    date_evidence: str
    notes: str


def _entry(item: Mapping[str, Any]) -> CatalogEntry:
    """One catalog entry from its JSON object, checked."""
    raw_date = item["date"]
    date = dt.date.fromisoformat(raw_date) if raw_date is not None else None
    confidence = item["date_confidence"]
    if (date is None) != (confidence is None) or (
        confidence is not None and confidence not in _CONFIDENCES
    ):
        msg = f"catalog entry {item['id']!r}: a curated date needs a confidence of high or medium"
        raise ValueError(msg)
    return CatalogEntry(
        id=str(item["id"]),
        file=str(item["file"]),
        sha256=str(item["sha256"]),
        outlet=item["outlet"],
        outlet_evidence=str(item["outlet_evidence"]),
        date=date,
        date_confidence=confidence,
        date_evidence=str(item["date_evidence"]),
        notes=str(item["notes"]),
    )


def read_catalog(text: str, where: str) -> tuple[CatalogEntry, ...]:
    """The entries of a catalog in the bundled schema (a folder's ``catalog.json``).

    ``{"articles": [{"file": "a.txt", "outlet": …, "date": …, "date_confidence": …}]}``:
    each entry names its text by ``file`` (a path relative to the folder) or ``id``;
    ``sha256``, the evidence fields and ``notes`` may be left out, and ``outlet``,
    ``date`` and ``date_confidence`` default to null.  A curated date needs a
    confidence of ``high`` or ``medium``, as in the bundled catalog.  A key outside
    the schema (a misspelt ``"Outlet"``), a value of the wrong type (an outlet that
    is not a string) and two entries for one text are refused, not passed over.

    >>> entries = read_catalog('{"articles": [{"file": "a.txt", "outlet": "هسبريس"}]}', "x")
    >>> entries[0].id, entries[0].outlet, entries[0].sha256
    ('a', 'هسبريس', '')

    Raises:
        ValueError: if the text is not JSON in that schema (the message names ``where``).
    """
    try:
        data = json.loads(text)
        items = data["articles"]
        if not isinstance(items, list):
            raise TypeError("'articles' is not a list")
        entries = []
        seen: set[str] = set()
        for item in items:
            _check_item(item)
            file = str(item.get("file") or "")
            ident = item.get("id") or PurePosixPath(file).with_suffix("").as_posix()
            if not ident or ident == ".":
                msg = "an entry names neither 'file' nor 'id'"
                raise ValueError(msg)
            if ident in seen:
                msg = f"two entries are for {ident!r}; give one entry per text"
                raise ValueError(msg)
            seen.add(ident)
            entries.append(
                _entry(
                    {
                        "sha256": "",
                        "outlet": None,
                        "outlet_evidence": "",
                        "date": None,
                        "date_confidence": None,
                        "date_evidence": "",
                        "notes": "",
                        **item,
                        "id": ident,
                        "file": file,
                    }
                )
            )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        msg = (
            f"{where} is not a catalog in arnews's schema ({exc}); write "
            f'{{"articles": [{{"file": "a.txt", "outlet": "…", "date": null, '
            f'"date_confidence": null}}]}}'
        )
        raise ValueError(msg) from None
    return tuple(entries)


def _check_item(item: object) -> None:
    """Refuse an entry that is no object, has a key outside the schema, or a mistyped value.

    Every text field must be a string, ``outlet`` a string or null.
    """
    if not isinstance(item, dict):
        msg = f"an entry is {type(item).__name__} {item!r}, not an object"
        raise ValueError(msg)
    unknown = sorted(str(key) for key in item if key not in _ENTRY_KEYS)
    if unknown:
        msg = (
            f"an entry has the key(s) {', '.join(map(repr, unknown))}, which the schema does "
            f"not know; the keys are {', '.join(_ENTRY_KEYS)}"
        )
        raise ValueError(msg)
    for key in (*_TEXT_KEYS, "outlet"):
        value = item.get(key)
        if value is not None and not isinstance(value, str):
            msg = f"an entry's {key!r} is {type(value).__name__} {value!r}, not a string"
            raise ValueError(msg)


@functools.cache
def load_catalog() -> Mapping[str, CatalogEntry]:
    """The bundled catalog as a read-only mapping from article id to entry (cached).

    >>> load_catalog()["001_4f119960287c4d94"].outlet is None
    True

    Raises:
        ValueError: if the bundled catalog is malformed (a broken install).
    """
    data = json.loads(read_text("catalog.json"))
    try:
        entries = [_entry(item) for item in data["articles"]]
    except (KeyError, TypeError) as exc:
        msg = f"arnews package data catalog.json is malformed ({exc!r}); reinstall arnews"
        raise ValueError(msg) from None
    return types.MappingProxyType({e.id: e for e in entries})


def catalog() -> tuple[CatalogEntry, ...]:
    """The curated catalog entries of the bundled corpus, in id order.

    Each entry holds the file's SHA-256 and the curated outlet and inferred
    date with their evidence in words.

    >>> import arnews
    >>> [(e.id[:3], e.outlet) for e in arnews.catalog()][:3]
    [('000', 'الخليج الجديد'), ('001', None), ('002', 'الجزيرة نت')]
    >>> print(arnews.catalog()[2].date_evidence)  # doctest: +ELLIPSIS
    The text states no date. 'الجمعة الماضي' (last Friday) is Friday 25 September 2015; ...

    Raises:
        ValueError: if the bundled catalog is malformed (a broken install).
    """
    return tuple(sorted(load_catalog().values(), key=lambda e: e.id))


def apply_catalog(article: Article, entry: CatalogEntry) -> Article:
    r"""The article with the curated facts of its catalog entry applied.

    The curated outlet replaces the parsed one when the entry names one.  The
    curated date is used only when the text states no date: the result then
    has ``date_inferred=True`` and no time.  A date stated in the text always
    wins.

    >>> import arnews
    >>> a = arnews.parse("عنوان\n\nنص.", id="004_27df001b210ff69a")
    >>> b = apply_catalog(a, load_catalog()[a.id])
    >>> b.outlet, b.date.isoformat(), b.date_inferred
    ('الجورنال نيوز', '2016-06-08', True)

    Raises:
        TypeError: if ``article`` is not an Article or ``entry`` not a CatalogEntry.
        ValueError: if the entry belongs to another article (ids differ).
    """
    check_pair(
        "apply_catalog()",
        (article, Article),
        (entry, CatalogEntry),
        "get entries from load_catalog()",
    )
    if entry.id != article.id:
        msg = (
            f"catalog entry {entry.id!r} does not belong to article {article.id!r}; "
            f"look the entry up by the article's id"
        )
        raise ValueError(msg)
    changes: dict[str, Any] = {}
    if entry.outlet is not None:
        changes["outlet"] = entry.outlet
    if article.date is None and entry.date is not None:
        changes.update(date=entry.date, time=None, date_inferred=True)
    return attrs.evolve(article, **changes)
