"""frequencies(by=function): a function that returns an unhashable group gets a clear error.

The docs say ``by`` may be "any function of an article"; a natural one returns a list (the
article's keywords, say), which cannot key a count. The error must say so and name ``by=``,
not surface as a bare "unhashable type: 'list'".
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import arnews
from arnews._analysis import normalize_words
from arnews._frequencies import _countable
from arnews._tokenize import WORD_RE


def test_an_unhashable_group_names_by_and_the_article() -> None:
    corpus = arnews.load()
    with pytest.raises(TypeError, match=r"frequencies\(by=\.\.\.\)") as info:
        corpus.frequencies(by=lambda a: list(a.keywords))  # type: ignore[arg-type,return-value]
    assert corpus[0].id in str(info.value)


def test_a_tuple_group_still_counts() -> None:
    corpus = arnews.load()
    by_tuple = corpus.frequencies(by=lambda a: (a.outlet,), top=1)
    by_outlet = corpus.frequencies(by="outlet", top=1)
    assert [(f.group, f.word, f.count) for f in by_tuple] == [
        ((f.group,), f.word, f.count) for f in by_outlet
    ]


_ALPHABET = [*"ابتثجحخدرزسشصضطظعغفقكلمنهويءأإآةى ", "ال", "و", "لل", " ", " ", "ﻻ", "The "]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_ALPHABET), max_size=40).map("".join), max_size=3))
def test_counts_sum_to_the_countable_words(texts: list[str]) -> None:
    """With stopwords kept, every countable word of the counted fields is counted once."""
    records = [{"id": f"a{i}", "title": "خبر", "text": t or "نص"} for i, t in enumerate(texts)]
    corpus = arnews.from_records(records)
    expected = sum(
        1
        for article in corpus
        for text in (article.title, *article.subheadings, *article.paragraphs)
        for token in WORD_RE.findall(text)
        for word in normalize_words(token)
        if _countable(word)
    )
    assert sum(f.count for f in corpus.frequencies(stopwords=False)) == expected
