"""Shared test helpers: an Article factory with defaults and shared Hypothesis strategies.

Imported by the test modules as ``from helpers import ...`` (``tests/`` is on
pytest's ``pythonpath``).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable
from typing import Any

from hypothesis import strategies as st

import arnews
from arnews import Article, Corpus, Section

__all__ = ["FIELD_TEXTS", "corpus_of", "make_article", "need", "synthetic_articles"]


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


def synthetic_articles(count: int, seed: int = 0) -> list[Article]:
    """Articles made from the seeds' paragraphs, with words swapped for made-up ones.

    Each has a title cut from a seed paragraph, 2-6 seed paragraphs in random
    order with about one word in ten replaced by a word glued from halves of
    two seed words (sometimes behind و, ب or ال), a caption for every other
    one, a date in 2015-2016 (inferred for every third) and one of three
    outlets: rare and frequent words, phrases across the swaps, every field kind.

    >>> [a.id for a in synthetic_articles(2)]
    ['s0000', 's0001']
    """
    rng = random.Random(seed)
    seeds = arnews.load()
    paragraphs = [p for a in seeds for p in a.paragraphs if len(p) > 40]
    captions = [c for a in seeds for c in a.captions]
    words = sorted({w for p in paragraphs for w in p.split() if len(w) >= 4})
    made = [
        a[: len(a) // 2] + b[len(b) // 2 :] for a, b in zip(words, reversed(words), strict=True)
    ]
    outlets = ("الجزيرة نت", "الخليج الجديد", None)
    out = []
    for i in range(count):
        body = []
        for paragraph in rng.sample(paragraphs, rng.randint(2, 6)):
            tokens = paragraph.split(" ")
            for _ in range(max(1, len(tokens) // 10)):
                word = rng.choice(made[: rng.choice((40, 400, len(made)))])
                tokens[rng.randrange(len(tokens))] = rng.choice(("", "و", "ب", "ال")) + word
            body.append(" ".join(tokens))
        title = " ".join(rng.choice(paragraphs).split(" ")[: rng.randint(4, 9)])
        out.append(
            make_article(
                paragraphs=body,
                id=f"s{i:04d}",
                title=title,
                date=dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(730)),
                date_inferred=i % 3 == 0,
                outlet=outlets[i % 3],
                captions=(rng.choice(captions),) if i % 2 and captions else (),
                raw="\n\n".join((title, *body)) + "\n",
            )
        )
    return out


def need(module: str, extra: str) -> Any:
    """Import an optional dependency for a test module, or skip it, or fail in the extras run.

    Without the package the module's tests are skipped with the extra to
    install in the reason; with ``ARNEWS_REQUIRE_EXTRAS=1`` (the CI step that
    installs the extras) a missing package fails instead, so those tests can
    never be skipped silently there.

    >>> need("json", "none").dumps(1)
    '1'
    """
    import importlib
    import os

    import pytest

    try:
        return importlib.import_module(module)
    except ImportError:
        if os.environ.get("ARNEWS_REQUIRE_EXTRAS") == "1":
            raise
        pytest.skip(f"needs pip install 'arnews[{extra}]'", allow_module_level=True)
