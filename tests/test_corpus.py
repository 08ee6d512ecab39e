from __future__ import annotations

import datetime as dt
import pickle

import attrs
import pytest

import arnews
from arnews import Article, Corpus
from helpers import make_article


def make(
    id_: str, date: dt.date | None = None, *, inferred: bool = False, outlet: str | None = None
) -> Article:
    return make_article(
        id=id_,
        title=f"عنوان {id_}",
        date=date,
        date_inferred=inferred,
        outlet=outlet,
        raw=f"عنوان {id_}\n\nنص.\n",
    )


A = make("a", dt.date(2015, 9, 27), inferred=True, outlet="X")
B = make("b", dt.date(2015, 9, 29), outlet="Y")
C = make("c", None, outlet="X")
D = make("d", dt.date(2016, 6, 8))
CORPUS = Corpus((A, B, C, D))


def test_sequence_protocol() -> None:
    assert len(CORPUS) == 4
    assert list(CORPUS) == [A, B, C, D]
    assert CORPUS[0] is A
    assert CORPUS[-1] is D
    assert isinstance(CORPUS[1:3], Corpus)
    assert CORPUS[1:3].ids == ("b", "c")
    assert CORPUS.index(C) == 2
    assert list(reversed(CORPUS)) == [D, C, B, A]


def test_lookup_by_id() -> None:
    assert CORPUS.get("b") is B
    assert CORPUS.get("zz") is None
    # `id in corpus` is supported at run time; mypy's strict equality only knows Sequence[Article].
    assert "c" in CORPUS  # type: ignore[comparison-overlap]
    assert C in CORPUS
    assert "zz" not in CORPUS  # type: ignore[comparison-overlap]
    assert 3 not in CORPUS  # type: ignore[comparison-overlap]
    assert CORPUS.ids == ("a", "b", "c", "d")


def test_string_index_is_a_clear_error() -> None:
    with pytest.raises(TypeError, match=r"corpus\.get\('b'\)"):
        CORPUS["b"]  # type: ignore[call-overload]


def test_out_of_range_index_says_how_many() -> None:
    with pytest.raises(IndexError, match="out of range for 4 articles"):
        CORPUS[10]


def test_get_requires_str() -> None:
    with pytest.raises(TypeError, match="article ids are str"):
        CORPUS.get(1)  # type: ignore[arg-type]


def test_article_by_unique_prefix() -> None:
    corpus = arnews.load()
    assert corpus.article("003").id == "003_525ecddc6b3f777e"
    with pytest.raises(KeyError, match="matches 5 ids"):
        corpus.article("00")
    with pytest.raises(KeyError, match="no article id starts with"):
        corpus.article("9")


def test_article_with_an_empty_id_says_so() -> None:
    # Every id starts with "", so "no article id starts with ''" would be false.
    with pytest.raises(ValueError, match=r"empty id.*corpus\.ids") as caught:
        arnews.load().article("")
    assert "starts with" not in str(caught.value)


def test_corpus_is_immutable() -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        CORPUS.articles = ()  # type: ignore[misc]
    assert isinstance(CORPUS.articles, tuple)


def test_corpus_equality_and_hash_ignore_caches() -> None:
    other = Corpus([A, B, C, D])
    CORPUS.get("a")  # fills a cache on one side only
    assert other == CORPUS
    assert hash(other) == hash(CORPUS)
    assert Corpus([A]) != CORPUS


def test_corpus_pickles() -> None:
    assert pickle.loads(pickle.dumps(CORPUS)) == CORPUS


def test_pickling_leaves_the_caches_behind() -> None:
    corpus = Corpus([A, B])
    hits = corpus.search("عنوان")
    assert corpus._memo.index is not None
    again = pickle.loads(pickle.dumps(corpus))
    assert again == corpus
    assert again._memo.index is None  # the index is rebuilt on first use, not shipped
    assert again.search("عنوان") == hits


def test_corpus_rejects_non_articles_and_duplicate_ids() -> None:
    with pytest.raises(TypeError, match="holds Article objects, got str"):
        Corpus(["x"])  # type: ignore[list-item]
    with pytest.raises(ValueError, match=r"duplicates \['a'\]"):
        Corpus([A, A])


def test_filter_dates_are_inclusive_and_skip_undated() -> None:
    assert CORPUS.filter(since=dt.date(2015, 9, 29)).ids == ("b", "d")
    assert CORPUS.filter(until=dt.date(2015, 9, 29)).ids == ("a", "b")
    assert CORPUS.filter(since=dt.date(2015, 9, 28), until=dt.date(2016, 1, 1)).ids == ("b",)


def test_filter_inferred_dates() -> None:
    assert CORPUS.filter(include_inferred=False).ids == ("b", "d")
    assert CORPUS.filter(until=dt.date(2015, 12, 31), include_inferred=False).ids == ("b",)


def test_filter_outlet_and_where() -> None:
    assert CORPUS.filter(outlet="X").ids == ("a", "c")
    assert CORPUS.filter(where=lambda a: a.date is None).ids == ("c",)
    assert CORPUS.filter().ids == CORPUS.ids


def test_filter_bad_arguments() -> None:
    with pytest.raises(TypeError, match=r"expects datetime\.date, got str"):
        CORPUS.filter(since="2015-09-01")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="got datetime"):
        CORPUS.filter(until=dt.datetime(2015, 9, 1))
    with pytest.raises(ValueError, match="swap them"):
        CORPUS.filter(since=dt.date(2016, 1, 1), until=dt.date(2015, 1, 1))
    with pytest.raises(TypeError, match="outlet"):
        CORPUS.filter(outlet=1)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="Article -> bool"):
        CORPUS.filter(where="x")  # type: ignore[arg-type]
    # "no" is truthy: without the check it would silently keep inferred dates.
    with pytest.raises(TypeError, match=r"include_inferred=\.\.\.\) expects True or False"):
        CORPUS.filter(include_inferred="no")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"until=\.\.\.\) expects datetime\.date, got int"):
        CORPUS.filter(until=2016)  # type: ignore[arg-type]


def test_filter_on_the_bundled_corpus_uses_curated_dates() -> None:
    corpus = arnews.load()
    sept_2015 = corpus.filter(since=dt.date(2015, 9, 1), until=dt.date(2015, 9, 30))
    assert sept_2015.ids == ("001_4f119960287c4d94", "002_c10afc3176e03f42", "003_525ecddc6b3f777e")
    stated = sept_2015.filter(include_inferred=False)
    assert stated.ids == ("001_4f119960287c4d94",)


def test_repr_is_short() -> None:
    assert repr(CORPUS) == "<Corpus of 4 articles: a, b, c, ...>"
