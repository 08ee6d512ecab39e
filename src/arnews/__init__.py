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
from ._dates import find_date
from ._entities import Entity, Gazetteer, Mention, gazetteer
from ._frequencies import Frequencies, Frequency
from ._load import load, load_dir
from ._model import Caption, RelatedStory, Section
from ._parse import parse
from ._query import Q, Query, QuerySyntaxError
from ._results import Concordance, ConcordanceLine, Hit, Hits
from ._sentences import Sentence, split_sentences
from ._tokenize import Token, tokenize

__all__ = [
    "Article",
    "Caption",
    "CatalogEntry",
    "Concordance",
    "ConcordanceLine",
    "Corpus",
    "Entity",
    "Frequencies",
    "Frequency",
    "Gazetteer",
    "Hit",
    "Hits",
    "Mention",
    "Q",
    "Query",
    "QuerySyntaxError",
    "RelatedStory",
    "Section",
    "Sentence",
    "Token",
    "catalog",
    "find_date",
    "gazetteer",
    "load",
    "load_dir",
    "parse",
    "split_sentences",
    "tokenize",
]

__version__ = "0.1.0"
