"""arnews: a small corpus of Arabic news, typed Articles, normalizers and search.

Importing arnews reads no data and imports none of its own modules: each public
name is imported from the module that defines it when it is first used
(``arnews.load``, ``from arnews import Corpus``), so a program that needs one
function pays for that one.  :func:`load` parses the bundled texts on first
use and caches them.

>>> import arnews
>>> corpus = arnews.load()
>>> corpus[0].title
'صحيفة روسية: موسكو وبغداد ستتبادلان المعلومات الاستخبارية حول الموصل'
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # what type checkers see; at run time __getattr__ imports on first use
    from ._article import Article
    from ._build import BuildProgress, build_index, merge_indexes
    from ._catalog import CatalogEntry, catalog
    from ._corpus import Corpus
    from ._dates import DateReading, HijriDate, find_date, read_date
    from ._diskindex import DiskIndex, open_index
    from ._entities import Entity, Gazetteer, Mention, gazetteer
    from ._frequencies import Frequencies, Frequency
    from ._load import FolderCorpus, SkippedFile, from_records, load, load_dir, load_jsonl
    from ._model import Caption, RelatedStory, Section
    from ._parse import parse
    from ._query import Q, Query, QuerySyntaxError
    from ._results import Concordance, ConcordanceLine, Hit, Hits
    from ._sentences import Sentence, split_sentences
    from ._sqlite import IndexFileError
    from ._tokenize import Token, tokenize

#: Each public name and the module that defines it, imported on first use (for cost:
#: importing every module up front costs hundreds of milliseconds).
_EXPORTS: dict[str, str] = {
    "Article": "._article",
    "BuildProgress": "._build",
    "Caption": "._model",
    "CatalogEntry": "._catalog",
    "Concordance": "._results",
    "ConcordanceLine": "._results",
    "Corpus": "._corpus",
    "DateReading": "._dates",
    "DiskIndex": "._diskindex",
    "Entity": "._entities",
    "FolderCorpus": "._load",
    "Frequencies": "._frequencies",
    "Frequency": "._frequencies",
    "Gazetteer": "._entities",
    "HijriDate": "._dates",
    "Hit": "._results",
    "Hits": "._results",
    "IndexFileError": "._sqlite",
    "Mention": "._entities",
    "Q": "._query",
    "Query": "._query",
    "QuerySyntaxError": "._query",
    "RelatedStory": "._model",
    "Section": "._model",
    "Sentence": "._sentences",
    "SkippedFile": "._load",
    "Token": "._tokenize",
    "build_index": "._build",
    "catalog": "._catalog",
    "find_date": "._dates",
    "from_records": "._load",
    "gazetteer": "._entities",
    "load": "._load",
    "load_dir": "._load",
    "load_jsonl": "._load",
    "merge_indexes": "._build",
    "open_index": "._diskindex",
    "parse": "._parse",
    "read_date": "._dates",
    "split_sentences": "._sentences",
    "tokenize": "._tokenize",
}
#: Public submodules, imported on first use as attributes (``arnews.normalize``).
_SUBMODULES = frozenset({"batch", "normalize"})

__all__ = [
    "Article",
    "BuildProgress",
    "Caption",
    "CatalogEntry",
    "Concordance",
    "ConcordanceLine",
    "Corpus",
    "DateReading",
    "DiskIndex",
    "Entity",
    "FolderCorpus",
    "Frequencies",
    "Frequency",
    "Gazetteer",
    "HijriDate",
    "Hit",
    "Hits",
    "IndexFileError",
    "Mention",
    "Q",
    "Query",
    "QuerySyntaxError",
    "RelatedStory",
    "Section",
    "Sentence",
    "SkippedFile",
    "Token",
    "build_index",
    "catalog",
    "find_date",
    "from_records",
    "gazetteer",
    "load",
    "load_dir",
    "load_jsonl",
    "merge_indexes",
    "open_index",
    "parse",
    "read_date",
    "split_sentences",
    "tokenize",
]

__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    """A public name or submodule, imported from where it is defined on first use."""
    if name in _SUBMODULES:
        return importlib.import_module(f"{__name__}.{name}")
    module = _EXPORTS.get(name)
    if module is None:
        msg = f"module {__name__!r} has no attribute {name!r}"
        raise AttributeError(msg)
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value  # later lookups are plain module attributes
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__, *_SUBMODULES})
