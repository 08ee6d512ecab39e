"""The analysis tables and helpers behind matching: clitic letters, spans, the whole-word list."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arnews._analysis import ENCLITICS, SHORT_WORDS, normalize_words, stem_offset, stem_span
from arnews._modes import exact_key, whole_words
from arnews._resources import read_text
from arnews.normalize import SEARCH


def test_enclitics_and_short_words_are_normalized_letters() -> None:
    for table in (ENCLITICS, SHORT_WORDS):
        for letters in table:
            assert SEARCH(letters) == letters
    # The pronouns of the grammar books, written out here independently.
    assert set(ENCLITICS) == {"ه", "ها", "هما", "هم", "هن", "ك", "كما", "كم", "كن", "ني", "نا"}
    assert all(len(word) == 2 for word in SHORT_WORDS)


@pytest.mark.parametrize(
    ("token", "prefix", "suffix", "stem"),
    [
        ("وَبغداد", 1, 0, "بغداد"),
        ("حكومتُه", 0, 1, "حكومتُ"),
        ("وبحكومتهم", 2, 2, "حكومت"),
        ("للمـوصل", 2, 0, "مـوصل"),
        ("بغداد", 0, 0, "بغداد"),
        ("\ufdfa", 1, 1, "\ufdfa"),  # a ligature of several words has no inner stem
    ],
)
def test_stem_span_slices_the_stem_as_written(
    token: str, prefix: int, suffix: int, stem: str
) -> None:
    start, end = stem_span(token, prefix, suffix)
    assert token[start:end] == stem
    assert stem_offset(token, prefix) == start


ARABIC_WORD = st.text(st.sampled_from("بغدلكوهمنا" + "\u064e\u0651\u0640"), min_size=3, max_size=10)


@settings(deadline=None)
@given(ARABIC_WORD, st.integers(0, 3), st.integers(0, 3))
def test_stem_span_keeps_the_normalized_letters(token: str, prefix: int, suffix: int) -> None:
    words = normalize_words(token)
    if len(words) != 1 or prefix + suffix >= len(words[0]):
        return
    start, end = stem_span(token, prefix, suffix)
    assert SEARCH(token[start:end]) == words[0][prefix : len(words[0]) - suffix]


def test_exact_key_drops_marks_and_invisibles_only() -> None:
    assert exact_key("عَلَى") == "على"
    assert exact_key("على") != exact_key("علي")
    assert exact_key("بغـ\u200cداد") == "بغداد"
    assert exact_key("ا\u0654مل") == "أمل"  # a hamza written as a mark joins its letter
    assert exact_key("\ufefb") == "لا"  # a presentation form is its letters


def test_the_whole_word_list_is_one_word_a_line_with_its_source() -> None:
    text = read_text("whole_words.tsv")
    comments = [line for line in text.splitlines() if line.startswith("#")]
    assert any("Source:" in line for line in comments)
    entries = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert len(entries) >= 100
    assert len(entries) == len(set(entries))
    for entry in entries:
        assert len(normalize_words(entry)) == 1, entry
        assert len(SEARCH(entry)) >= 3, entry  # two-letter words are the rules' concern
    assert {"كامل", "كبير", "وزير", "كريم", "كمال", "كان", "واحد", "هناك"} <= whole_words()
