"""Hostile and unlucky inputs to tokenizing, indexing and search: what they withstand.

Each case that is about memory measures growth (tracemalloc peaks at two sizes),
never a wall-clock limit.
"""

from __future__ import annotations

import gc
import tracemalloc
from array import array
from collections.abc import Callable
from typing import Final

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arnews import Corpus
from arnews._analysis import normalize_words
from arnews._index import MemoryIndex
from arnews._tokenize import MARK_FORMS, MAX_RUN, tokenize
from helpers import FIELD_TEXTS, corpus_of, make_article


def peak_bytes(action: Callable[[], object]) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


# -- a phrase of frequent, repeated words costs memory of one word's postings ---------------


def test_a_phrase_of_repeated_frequent_words_has_bounded_memory() -> None:
    # "في" × 8 and × 32 on the same corpus: the peak must not grow with the repeats
    # (it was one position table per repeated word).
    corpus = Corpus([make_article("في " * 60 + "بغداد", id=f"a{i}") for i in range(300)])
    corpus.search("في")  # build the index outside the measurement
    short = peak_bytes(lambda: corpus.search(" ".join(["في"] * 8)))
    long = peak_bytes(lambda: corpus.search(" ".join(["في"] * 32)))
    assert len(corpus.search(" ".join(["في"] * 8))) > 0
    assert long < 1.5 * short + 200_000


def test_phrase_memory_follows_the_rarest_word() -> None:
    # A frequent word next to a rare one: memory tracks the rare word's postings, so
    # four times the frequent word leaves the peak about where it was.
    def corpus_of_size(n: int) -> Corpus:
        articles = [make_article("في " * n + "لافروف", id=f"a{i}") for i in range(40)]
        corpus = Corpus(articles)
        corpus.search("في")
        return corpus

    small, large = corpus_of_size(50), corpus_of_size(200)
    grow_small = peak_bytes(lambda: small.search("في لافروف"))
    grow_large = peak_bytes(lambda: large.search("في لافروف"))
    assert len(large.search("في لافروف")) == 40
    assert grow_large < 2 * grow_small + 100_000


# -- one long whitespace-free run never makes a corpus unusable -----------------------------


def test_a_huge_run_without_whitespace_is_read_in_pieces() -> None:
    run = "ب" * (4 * MAX_RUN + 7)
    tokens = tokenize("قال " + run + " بغداد")
    assert tokens[0].text == "قال"
    assert tokens[-1].text == "بغداد"
    assert max(len(t.text) for t in tokens) == MAX_RUN
    assert "".join(t.text for t in tokens[1:-1]) == run  # no character lost


def test_a_corpus_holding_a_multi_million_character_run_stays_searchable() -> None:
    # 4.6 M characters in one run made tokenize raise MemoryError inside regex.
    run = "ك" * 4_600_000
    corpus = Corpus([make_article("في " + run + " بغداد", id="long"), make_article("بغداد")])
    assert [h.article_id for h in corpus.search("بغداد")] == ["long", "x"]
    assert len(corpus.search("في")) == 1


# -- one huge field keeps every posting list packed --------------------------------------


def test_one_huge_field_leaves_postings_packed_arrays() -> None:
    small = [make_article(f"في بغداد {i}", id=f"a{i}") for i in range(2000)]
    huge = make_article("روسيا " * 500_000, id="huge")  # 3 M characters
    index = MemoryIndex([*small, huge])
    for word in ("في", "بغداد", "روسيا"):
        assert isinstance(index.postings(word), array), word
    # 8 bytes an occurrence: the huge field's 500,000 words cost about 4 MB.
    postings = index.postings("روسيا")
    assert isinstance(postings, array)
    assert postings.itemsize == 8


# -- tokens that search refuses -----------------------------------------------------------

#: The 23 presentation forms of marks of the issue (U+FC5E–U+FC63, U+FCF2–U+FCF4,
#: U+FE70–U+FE72, U+FE74, U+FE76–U+FE7F), written out from the Unicode charts.
MARK_FORM_CODES: Final = (
    *range(0xFC5E, 0xFC64),
    *range(0xFCF2, 0xFCF5),
    *range(0xFE70, 0xFE73),
    0xFE74,
    *range(0xFE76, 0xFE80),
)


def test_the_mark_forms_are_the_23_of_the_charts() -> None:
    assert len(MARK_FORM_CODES) == 23
    assert sorted(ord(c) for c in MARK_FORMS) == sorted(MARK_FORM_CODES)


@pytest.mark.parametrize("code", MARK_FORM_CODES)
def test_a_mark_form_is_no_word_to_tokenize_or_to_search(code: int) -> None:
    char = chr(code)
    assert [t for t in tokenize(char) if t.is_word] == []
    with pytest.raises(ValueError, match="no word"):
        corpus_of("بغداد").search(char)
    # after a letter it is a mark of that word, as search sees it too
    (token,) = tokenize("بغداد" + char)
    assert token.text == "بغداد" + char
    assert [h.text for h in corpus_of("بغداد" + char).search(token.text)] == [token.text]


@settings(deadline=None)
@given(st.text(st.sampled_from([*MARK_FORMS, *"بغد ا،"]), max_size=20) | FIELD_TEXTS)
def test_every_word_token_is_a_word_to_search(text: str) -> None:
    for token in tokenize(text):
        if token.is_word:
            assert normalize_words(token.text), token


# -- obscure errors get a message that says what to do -----------------------------------


def test_fields_as_bytes_names_the_problem_and_the_fix() -> None:
    with pytest.raises(TypeError, match=r"fields=\.\.\.\) expects field names as str, got bytes"):
        corpus_of("بغداد").search("بغداد", fields=b"ab")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"got int 97; use any of 'title'"):
        corpus_of("بغداد").search("بغداد", fields=[97])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="fields=\\('title', 'paragraph'\\)"):
        corpus_of("بغداد").concordance("بغداد", fields=bytearray(b"x"))  # type: ignore[arg-type]
