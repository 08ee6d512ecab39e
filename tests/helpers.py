"""Shared test helpers: an Article factory with defaults and shared Hypothesis strategies.

Imported by the test modules as ``from helpers import ...`` (``tests/`` is on
pytest's ``pythonpath``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from hypothesis import strategies as st

from arnews import Article, Corpus, Section

__all__ = ["FIELD_TEXTS", "corpus_of", "make_article"]


def make_article(
    *texts: str,
    paragraphs: Iterable[str] | None = None,
    id: str = "x",
    title: str = "عنوان",
    **changes: Any,
) -> Article:
    """An Article with every field defaulted: one paragraph ``نص.`` under the title ``عنوان``.

    The paragraphs (one section, no heading) are given positionally or as
    ``paragraphs=``; any other Article field can be set by keyword
    (``sections=`` replaces the paragraphs).  Values are passed on unchecked,
    so the Article's own validation applies.

    >>> make_article("في بغداد.", id="a").paragraphs
    ('في بغداد.',)
    >>> make_article(paragraphs=("أ.", "ب."), title="ج").paragraphs
    ('أ.', 'ب.')
    """
    if texts and paragraphs is not None:
        msg = "make_article() takes paragraphs positionally or as paragraphs=..., not both"
        raise TypeError(msg)
    body = tuple(paragraphs) if paragraphs is not None else texts or ("نص.",)
    fields: dict[str, Any] = {
        "id": id,
        "title": title,
        "date": None,
        "time": None,
        "date_inferred": False,
        "outlet": None,
        "sources": (),
        "dateline": None,
        "sections": (Section(None, body),),
        "captions": (),
        "keywords": (),
        "related": (),
        "raw": "",
    }
    fields.update(changes)
    return Article(**fields)


def corpus_of(*paragraphs: str, title: str = "عنوان") -> Corpus:
    """A one-article Corpus with these paragraphs.

    >>> len(corpus_of("أ.", "ب."))
    1
    """
    return Corpus((make_article(*paragraphs, id="t", title=title),))


#: Short field texts rich in what normalization and tokenizing must see through: hamza
#: forms, marks, tatweel, invisible characters, digits of two scripts, punctuation, NBSP,
#: ligatures and presentation forms.
FIELD_TEXTS = st.text(
    alphabet=st.sampled_from(
        [
            *"بغداولكفيةىأإآءئؤی",
            *("\u064e", "\u0651", "\u0640", "\u0654"),  # FATHA, SHADDA, TATWEEL, HAMZA ABOVE
            *("\u200c", "\u200b", "\u200f", "\u00ad"),  # ZWNJ, ZWSP, RLM, SOFT HYPHEN
            *"ab'’0123٠١٢٫٬.,،؛؟!«»“” \n\t-",
            *("\u00a0", "\ufdfa", "\ufef7", "\ufe8d"),  # NBSP, ligatures, a presentation form
        ]
    ),
    max_size=40,
)
