"""The disk index: same records as the in-memory corpus, incremental adds, views, snapshots."""

from __future__ import annotations

import datetime as dt
import itertools
import pickle
import random
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import arnews
from arnews import Caption, Corpus, DiskIndex
from arnews._codec import article_doc, doc_article, field_texts
from arnews._modes import MODES
from arnews._search import find, query_words
from arnews._tokenize import WORD_RE
from helpers import FIELD_TEXTS, make_article, synthetic_articles

#: A batch size small enough that every article is its own batch (and segments merge).
ONE_PER_BATCH = 1e-9


def same_answers(index: DiskIndex, corpus: Corpus, queries: list[str]) -> None:
    """Every query answers the same on both, in every field selection; so do the rest."""
    assert len(index) == len(corpus)
    assert index.ids == corpus.ids
    for query in queries:
        for mode in MODES:
            assert index.search(query, mode=mode) == corpus.search(query, mode=mode), (query, mode)
        assert index.concordance(query, width=7) == corpus.concordance(query, width=7), query
        assert index.concordance(query, mode="exact") == corpus.concordance(query, mode="exact")
        assert index.search(query, fields="caption") == corpus.search(query, fields="caption")
        if " OR " in query or "-" in query or "*" in query or '"' in query or " AND " in query:
            continue
        words = query_words(query, "test")
        assert find(index.search_index, words, prefix=True) == find(
            corpus.search_index, words, prefix=True
        ), query
    assert index.frequencies() == corpus.frequencies()
    assert index.frequencies(stopwords=False) == corpus.frequencies(stopwords=False)


def language_queries(words: list[str]) -> list[str]:
    """Queries in the query language (OR, NOT, prefix, phrase, AND) over pairs of words."""
    arabic = [w for w in words if w.isalpha() and len(w) >= 3][:12]
    pairs = list(itertools.pairwise(arabic))
    return [
        q
        for a, b in pairs
        for q in (f"{a} OR {b}", f"{a} -{b}", f"{a[:3]}*", f'"{a} {b}"', f"{a} AND {b}")
    ]


def queries_of(corpus: Corpus, rng: random.Random, n: int = 40) -> list[str]:
    words = sorted({w for a in corpus for t in field_texts(a) for w in WORD_RE.findall(t)})
    singles = rng.sample(words, min(n, len(words)))
    pairs = []
    for article in rng.sample(list(corpus), min(10, len(corpus))):
        found = WORD_RE.findall(article.paragraphs[0]) if article.paragraphs else []
        if len(found) >= 2:
            i = rng.randrange(len(found) - 1)
            pairs.append(f"{found[i]} {found[i + 1]}")
    return singles + pairs


def test_the_bundled_corpus_answers_the_same_on_disk(tmp_path: Path) -> None:
    corpus = arnews.load()
    index = arnews.build_index(corpus, tmp_path / "news.db", batch_mb=0.004)
    queries = ["بغداد", "الموصل", "موسكو وبغداد", "أن", "لافروف", "في", "Putin", "روسيا"]
    found = queries_of(corpus, random.Random(1))
    same_answers(index, corpus, queries + found + language_queries(found))
    assert index.matching("لافروف OR كيري").ids == corpus.matching("لافروف OR كيري").ids
    assert index.concordance("بغداد", sort="right1") == corpus.concordance("بغداد", sort="right1")
    assert index.frequencies(n=2, top=20) == corpus.frequencies(n=2, top=20)
    assert index.frequencies(by="outlet", top=5) == corpus.frequencies(by="outlet", top=5)
    assert index.mentions("lavrov", fields="title") == corpus.mentions("lavrov", fields="title")
    assert index.mentions("lavrov") == corpus.mentions("lavrov")
    assert index.entities() == corpus.entities()
    assert list(index) == list(corpus)
    assert all(index.get(a.id) == a for a in corpus)
    assert index.article("003") == corpus.article("003")


def test_a_generated_corpus_in_many_merged_segments_answers_the_same(tmp_path: Path) -> None:
    corpus = Corpus(synthetic_articles(60, seed=7))
    path = tmp_path / "news.db"
    index = arnews.build_index(corpus, path, batch_mb=ONE_PER_BATCH)
    # 60 batches: levels of 8 were merged, so lookups cross merged and fresh segments.
    levels = index._store.rows("SELECT level, count(*) FROM segments GROUP BY level")
    assert dict(levels) == {1: 7, 0: 4}
    found = queries_of(corpus, random.Random(2), 80)
    same_answers(index, corpus, found + language_queries(found))


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(st.lists(FIELD_TEXTS, min_size=1, max_size=4), min_size=1, max_size=6),
    st.lists(FIELD_TEXTS, max_size=3),
    st.integers(0, 10**6),
)
def test_any_articles_answer_the_same_on_disk(
    tmp_path: Path, bodies: list[list[str]], captions: list[str], seed: int
) -> None:
    articles = [
        make_article(
            paragraphs=body,
            id=f"a{i}",
            title=body[0],
            captions=tuple(Caption(c, "ar", None) for c in captions if i % 2),
        )
        for i, body in enumerate(bodies)
    ]
    corpus = Corpus(articles)
    path = tmp_path / f"h{seed}.db"
    try:
        index = arnews.build_index(corpus, path, batch_mb=ONE_PER_BATCH)
        queries = [
            q
            for q in queries_of(corpus, random.Random(seed), 12)
            if arnews._analysis.normalize_words(q)
        ]
        same_answers(index, corpus, queries)
        assert list(index) == articles
        index.close()
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)


def test_documents_round_trip_every_article_field() -> None:
    for article in arnews.load():
        assert doc_article(article_doc(article), field_texts(article)) == article
    para = "في بغداد اليوم، وقال المتحدث."
    title = "عنوان الخبر الطويل"
    odd = make_article(
        para,
        title=title,
        raw=f"{title}\n\n2016-01-02\n\n{para}\n\n{para}\n",
        date=dt.date(2016, 1, 2),
        time=dt.time(9, 10),
        keywords=(para, "قصير"),
    )
    assert doc_article(article_doc(odd), field_texts(odd)) == odd
    doc = article_doc(odd)
    # The raw text is its field texts and what lies between them; a repeat stays literal.
    assert doc["raw"] == {"$cat": [0, "\n\n2016-01-02\n\n", 1, f"\n\n{para}\n"]}
    assert doc["keywords"] == [{"$f": 1}, "قصير"]


def test_adding_skips_unchanged_articles_and_replaces_changed_ones(tmp_path: Path) -> None:
    corpus = arnews.load()
    path = tmp_path / "news.db"
    seen: list[arnews.BuildProgress] = []
    assert len(arnews.build_index(corpus[:3], path, progress=seen.append)) == 3
    assert (seen[-1].added, seen[-1].unchanged, seen[-1].replaced) == (3, 0, 0)
    changed = attrs.evolve(corpus[1], title="عنوان جديد عن بغداد")
    seen.clear()
    index = arnews.build_index([corpus[0], changed, *corpus[2:]], path, progress=seen.append)
    assert (seen[-1].added, seen[-1].unchanged, seen[-1].replaced) == (2, 2, 1)
    # A replaced article leaves its place and comes after the articles added before it.
    expected = Corpus([corpus[0], corpus[2], changed, corpus[3], corpus[4]])
    assert index.ids == expected.ids
    same_answers(index, expected, ["عنوان جديد", "بغداد", "روسيا", "تبادل"])
    assert index.get(corpus[1].id) == changed
    assert index.entities() == expected.entities()


def test_looking_up_many_words_at_once_gives_each_words_postings_and_spelling(
    tmp_path: Path,
) -> None:
    # Many batches, a replaced article (its old postings are dead), a batch the
    # snapshot does not see, and a view: every case the one-word lookup handles.
    articles = synthetic_articles(24, seed=11)
    path = tmp_path / "news.db"
    arnews.build_index(articles, path, batch_mb=ONE_PER_BATCH)
    arnews.build_index([attrs.evolve(articles[3], title="عنوان آخر تماما")], path)
    index = arnews.open_index(path)
    unseen = synthetic_articles(3, seed=12)
    arnews.build_index(unseen, path)  # committed after the snapshot
    later = sorted({w for a in unseen for t in field_texts(a) for w in WORD_RE.findall(t)})
    view = index.filter(where=lambda a: a.id != articles[5].id)
    for search_index in (index.search_index, view.search_index):
        words = sorted(search_index.vocabulary())
        words += [n for w in later[:40] for n in arnews._analysis.normalize_words(w)]
        words += ["", "زززز", words[0]]  # absent, empty, and a word asked twice
        found = search_index.lookup(words)
        assert found == [(search_index.postings(w), search_index.spelling(w)) for w in words]
        assert sum(1 for postings, _ in found if postings) > len(words) // 2
    assert index.search_index.lookup([]) == []


def test_a_source_repeating_an_article_stores_it_once(tmp_path: Path) -> None:
    corpus = arnews.load()
    index = arnews.build_index([*corpus, corpus[2], corpus[2]], tmp_path / "n.db")
    assert index.ids == corpus.ids
    same_answers(index, corpus, ["بغداد", "الجزيرة"])


def test_filter_gives_a_view_with_the_same_answers(tmp_path: Path) -> None:
    corpus = arnews.load()
    index = arnews.build_index(corpus, tmp_path / "news.db", batch_mb=0.004)
    cases = [
        {"since": dt.date(2016, 1, 1)},
        {"since": dt.date(2016, 1, 1), "include_inferred": False},
        {"until": dt.date(2015, 9, 28)},
        {"outlet": "الجزيرة نت"},
        {"include_inferred": False},
        {"where": lambda a: "بغداد" in a.title},
    ]
    for case in cases:
        view, expected = index.filter(**case), corpus.filter(**case)  # type: ignore[arg-type]
        same_answers(view, expected, ["بغداد", "روسيا", "في", "الموصل"])
        assert list(view) == list(expected)
        assert all((view.get(i) is None) == (expected.get(i) is None) for i in corpus.ids)
        assert view.entities() == expected.entities()
    twice = index.filter(outlet="الجزيرة نت").filter(since=dt.date(2015, 9, 28))
    assert twice.ids == corpus.filter(outlet="الجزيرة نت", since=dt.date(2015, 9, 28)).ids
    with pytest.raises(ValueError, match="swap them"):
        index.filter(since=dt.date(2016, 1, 1), until=dt.date(2015, 1, 1))


def test_an_opened_index_is_a_snapshot(tmp_path: Path) -> None:
    corpus = arnews.load()
    path = tmp_path / "news.db"
    arnews.build_index(corpus[:2], path)
    before = arnews.open_index(path)
    before.search("بغداد")  # read some of the file first
    arnews.build_index(corpus, path)
    assert len(before) == 2
    same_answers(before, corpus[:2], ["بغداد", "روسيا", "في"])
    assert before.get(corpus[4].id) is None
    assert len(arnews.open_index(path)) == 5


def test_a_snapshot_ignores_replacements_made_after_it(tmp_path: Path) -> None:
    corpus = arnews.load()
    path = tmp_path / "news.db"
    arnews.build_index(corpus, path)
    before = arnews.open_index(path)
    changed = attrs.evolve(corpus[0], title="عنوان آخر")
    after = arnews.build_index([changed], path)
    assert before.get(corpus[0].id) == corpus[0]
    same_answers(before, corpus, ["صحيفة روسية", "عنوان آخر"])
    assert after.get(corpus[0].id) == changed
    assert after.ids == (*corpus.ids[1:], corpus.ids[0])


def test_two_workers_build_the_same_index(tmp_path: Path) -> None:
    folder = tmp_path / "texts"
    folder.mkdir()
    for article in arnews.load():
        (folder / f"{article.id}.txt").write_text(article.raw, encoding="utf-8")
    index = arnews.build_index(folder, tmp_path / "news.db", workers=2, batch_mb=0.006)
    corpus = arnews.load_dir(folder)
    same_answers(index, corpus, ["بغداد", "موسكو وبغداد", "في", "لافروف"])
    assert list(index) == list(corpus)


def test_an_empty_source_makes_an_empty_index(tmp_path: Path) -> None:
    index = arnews.build_index([], tmp_path / "empty.db")
    assert len(index) == 0
    assert index.search("بغداد") == ()
    assert index.frequencies() == ()
    assert list(index) == []


def test_an_index_pickles_as_its_path(tmp_path: Path) -> None:
    corpus = arnews.load()
    index = arnews.build_index(corpus, tmp_path / "news.db")
    again = pickle.loads(pickle.dumps(index))
    assert again.search("بغداد") == corpus.search("بغداد")
    view = pickle.loads(pickle.dumps(index.filter(outlet="الجزيرة نت")))
    assert view.ids == corpus.filter(outlet="الجزيرة نت").ids


def test_bad_arguments_say_what_to_pass(tmp_path: Path) -> None:
    with pytest.raises(TypeError, match="a folder path or an iterable of Articles"):
        arnews.build_index(42, tmp_path / "x.db")
    with pytest.raises(TypeError, match=r"got str; build articles with arnews\.parse"):
        arnews.build_index(["نص"], tmp_path / "x.db")
    with pytest.raises(ValueError, match="workers"):
        arnews.build_index(arnews.load(), tmp_path / "x.db", workers=0)
    with pytest.raises(ValueError, match="batch_mb"):
        arnews.build_index(arnews.load(), tmp_path / "x.db", batch_mb=0)
    with pytest.raises(FileNotFoundError, match=r"build one with arnews\.build_index"):
        arnews.open_index(tmp_path / "missing.db")
    with pytest.raises(IsADirectoryError, match="give the index file's path"):
        arnews.open_index(tmp_path)
    with pytest.raises(TypeError, match="open_index"):
        arnews.open_index(3)  # type: ignore[arg-type]
    with pytest.raises(FileNotFoundError, match="does not exist"):
        arnews.build_index(tmp_path / "no-such-folder", tmp_path / "x.db")
