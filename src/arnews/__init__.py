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
from ._catalog import CatalogEntry, catalog
from ._corpus import Corpus
from ._dates import DateReading, HijriDate, find_date, read_date
from ._entities import Entity, Mention, gazetteer
from ._load import load, load_dir
from ._model import Caption, RelatedStory, Section
from ._parse import parse
from ._results import Concordance, ConcordanceLine, Hit, Hits
from ._tokenize import Token, tokenize

__all__ = [
    "Article",
    "Caption",
    "CatalogEntry",
    "Concordance",
    "ConcordanceLine",
    "Corpus",
    "DateReading",
    "Entity",
    "HijriDate",
    "Hit",
    "Hits",
    "Mention",
    "RelatedStory",
    "Section",
    "Token",
    "catalog",
    "find_date",
    "gazetteer",
    "load",
    "load_dir",
    "parse",
    "read_date",
    "tokenize",
]

__version__ = "0.1.0"
