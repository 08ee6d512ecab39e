"""Tests for arnews._frequencies: stems counted, stopwords left out."""

from __future__ import annotations

import pytest

import arnews
from arnews._frequencies import frequency_stem, load_stopwords
from arnews._model import FIELD_NAMES
from arnews._resources import read_text
from arnews.normalize import SEARCH
from helpers import corpus_of

CORPUS = arnews.load()

# -- frequencies ----------------------------------------------------------------------------


def test_frequencies_count_stems_with_clitics_folded() -> None:
    corpus = corpus_of("بغداد وبغداد ببغداد. الموصل والموصل للموصل بالموصل. ولد في بغداد.")
    counts = dict(corpus.frequencies())
    assert counts["بغداد"] == 4 + 0  # title has none; 4 in the paragraph
    assert counts["الموصل"] == 4
    assert counts["ولد"] == 1
    assert "في" not in counts  # a stopword
    assert dict(corpus.frequencies(stopwords=False))["في"] == 1
    assert counts["عنوان"] == 1  # the title counts too


def test_frequencies_order_top_and_errors() -> None:
    corpus = corpus_of("بب بب بب اا اا جج دد دد")
    assert corpus.frequencies(stopwords=False) == (
        ("بب", 3),
        ("اا", 2),
        ("دد", 2),
        ("جج", 1),
        ("عنوان", 1),
    )
    assert corpus.frequencies(top=2, stopwords=False) == (("بب", 3), ("اا", 2))
    assert corpus.frequencies(top=0) == ()
    with pytest.raises(ValueError, match="negative"):
        corpus.frequencies(top=-1)
    with pytest.raises(TypeError, match="top"):
        corpus.frequencies(top=1.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"stopwords=\.\.\.\) expects True or False, got str"):
        corpus.frequencies(stopwords="no")  # type: ignore[arg-type]


def test_frequencies_leave_numbers_out() -> None:
    assert dict(corpus_of("عام 2015 ٢٠١٦ 3.5").frequencies(stopwords=False)).keys() == {
        "عام",
        "عنوان",
    }


def test_frequencies_count_only_words_of_two_letters_or_more() -> None:
    # بـ and لـ leave one-letter tokens; a lone Latin letter too.
    corpus = corpus_of("مر بـ«الحشد» لـ«داعش» و a x")
    counts = dict(corpus.frequencies(stopwords=False))
    assert "ب" not in counts
    assert "ل" not in counts
    assert "و" not in counts
    assert "x" not in counts
    assert counts["مر"] == 1  # two letters are enough
    assert counts["الحشد"] == 1


def test_frequencies_leave_out_english_function_words_and_ordinals() -> None:
    corpus = corpus_of("The leaders of Russia and the US met in New York at the 70th session.")
    counts = dict(corpus.frequencies())
    for word in ("the", "The", "of", "and", "in", "at", "th", "70th", "70"):
        assert word not in counts
    # ASCII words are counted lower-cased, as the index keys them.
    assert counts == {"leaders": 1, "russia": 1, "us": 1, "met": 1, "new": 1, "york": 1,
                      "session": 1, "عنوان": 1}  # fmt: skip
    everything = dict(corpus.frequencies(stopwords=False))
    assert everything["the"] == 3  # "The" and twice "the", counted together
    assert "The" not in everything
    assert "th" not in everything  # 70th is one number token, and numbers are left out


def test_frequencies_on_the_seeds_hold_no_junk() -> None:
    # The seeds' English captions ("the 70th anniversary ... in New York") and بـ / لـ.
    counts = dict(CORPUS.frequencies())
    for word in ("the", "and", "in", "of", "a", "th", "ب", "ل"):
        assert word not in counts
    assert all(sum(ch.isalpha() for ch in word) >= 2 for word in counts)


def test_search_and_frequencies_rules_for_short_words_differ_as_documented() -> None:
    # A proclitic may leave a two-letter word of a closed list (أن, لا, ما), but ك
    # before a bare alef is never split (كان is not ك + أن).
    corpus = corpus_of("كان الآن لأن أن وأن ان بان كلا لا كما ما")
    assert {h.text for h in corpus.search("أن")} == {"الآن", "لأن", "أن", "وأن", "ان", "بان"}
    assert {h.text for h in corpus.search("لا")} == {"كلا", "لا"}
    assert {h.text for h in corpus.search("ما")} == {"كما", "ما"}
    # frequencies needs 3+ letters after a preposition (4 after ك): كان stays كان.
    counts = dict(corpus.frequencies(stopwords=False))
    assert counts["كان"] == 1
    assert counts["كلا"] == 1
    assert counts["كما"] == 1
    assert counts["لان"] == 1  # لأن: ل + ان is not stripped either
    assert counts["الان"] == 1  # the article is never removed
    assert counts["ان"] == 3  # أن, ان, and وأن (a stopword after a bare و)
    assert counts["بان"] == 1  # ب + ان: two letters are too few after ب


def test_frequencies_on_the_seeds() -> None:
    counts = dict(CORPUS.frequencies())
    # روسيا is written 30+ times across the seeds, also as وروسيا and لروسيا.
    assert counts["روسيا"] > 25
    # frequencies count every field kind; search looks in the article's text by default
    assert counts["بغداد"] == len(CORPUS.search("بغداد", fields=FIELD_NAMES, mode="clitics"))
    for word in ("في", "من", "ان", "الي", "علي", "الذي"):
        assert word not in counts


def test_frequency_stem_rules() -> None:
    attested = {"الموصل", "بغداد", "قال", "ان", "انت", "ذلك"}
    stop = frozenset({"في", "ان", "ما"})
    assert frequency_stem("بالموصل", attested, stop) == "الموصل"
    assert frequency_stem("للموصل", attested, stop) == "الموصل"
    assert frequency_stem("وللموصل", attested, stop) == "الموصل"
    assert frequency_stem("وبغداد", attested, stop) == "بغداد"
    assert frequency_stem("وقال", attested, stop) == "قال"
    assert frequency_stem("وفي", attested, stop) == "في"
    assert frequency_stem("فان", attested, stop) == "ان"
    assert frequency_stem("كان", attested, stop) == "كان"  # ك + ان: too short
    assert frequency_stem("كانت", attested, stop) == "كانت"  # ك + انت: 3 < 4 after ك
    assert frequency_stem("بغداد", attested, stop) == "بغداد"  # غداد is not attested
    assert frequency_stem("ولد", attested, stop) == "ولد"


def test_stopword_list_is_normalized_and_hand_sized() -> None:
    words = load_stopwords()
    assert {"في", "من", "الي", "علي", "ان", "الذي", "هذه", "كان"} <= words
    assert all(SEARCH(w) == w for w in words)
    assert 100 < len(words) < 400
    assert "قال" not in words  # reporting verbs are content in news
    assert {"the", "a", "an", "and", "in", "of"} <= words  # English function words
    assert "us" not in words  # would drop "US" (the country) case-insensitively


def test_stopword_file_format() -> None:

    lines = read_text("stopwords.tsv").splitlines()
    assert lines[0].startswith("#")
    assert any("by hand" in line for line in lines if line.startswith("#"))
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    assert all(len(row) == 2 for row in rows)
    classes = {row[1] for row in rows}
    assert classes <= {
        "preposition",
        "conjunction",
        "particle",
        "quantifier",
        "pronoun",
        "demonstrative",
        "relative",
        "interrogative",
        "suffixed-preposition",
        "suffixed-particle",
        "auxiliary",
        "adverb",
        "article",
    }
    words = [row[0] for row in rows]
    assert len(words) == len(set(words))
    assert all(" " not in w for w in words)
