"""arnews: a small corpus of Arabic news, typed Articles, normalizers and search.

Importing arnews reads no data; :func:`load` parses the bundled texts on first
use and caches them.

>>> import arnews
>>> corpus = arnews.load()
>>> corpus[0].title
'صحيفة روسية: موسكو وبغداد ستتبادلان المعلومات الاستخبارية حول الموصل'
"""

from __future__ import annotations

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
