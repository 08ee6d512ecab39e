"""Invisible marks before a '-' do not turn an exclusion into a phrase.

docs/querying.md: "A ``-`` is an operator only where an item starts (after a space, ``(``
or the start)". RTL editors and copied text put bidi marks (RLM, LRM, ALM) and zero-width
characters around a ``-``; they are invisible, so ``لافروف <RLM>-كيري`` reads as an exclusion and
must mean one, not the phrase لافروف كيري (the opposite answer).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import arnews
from arnews import Q
from arnews._query import parse_query
from arnews.normalize import _tables as T  # noqa: N812

MARKS = sorted(T.INVISIBLE)


@pytest.mark.parametrize("mark", ["\u200f", "\u200e", "\u061c", "\u200b", "\ufeff", "\u2067"])
def test_a_mark_between_the_space_and_the_dash_keeps_the_exclusion(mark: str) -> None:
    assert parse_query(f"لافروف {mark}-كيري") == Q("لافروف") - Q("كيري")
    assert parse_query(f"{mark}-كيري لافروف") == Q("لافروف") - Q("كيري")
    assert parse_query(f"(لافروف OR بوتين) {mark}-كيري") == (Q("لافروف") | Q("بوتين")) - Q("كيري")


def test_the_search_answer_is_the_exclusion() -> None:
    corpus = arnews.load()
    assert corpus.search("لافروف \u200f-كيري") == corpus.search("لافروف -كيري")
    assert corpus.search("لافروف -كيري")  # not empty, so the comparison means something


def test_a_dash_inside_a_word_is_still_no_operator() -> None:
    assert parse_query("أبو\u200f-ظبي") == Q("أبو ظبي")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(MARKS), max_size=3).map("".join))
def test_any_run_of_marks_before_the_dash_is_looked_through(marks: str) -> None:
    assert parse_query(f"لافروف {marks}-كيري") == parse_query("لافروف -كيري")


@pytest.mark.parametrize("mark", ["\u200f", "\u200e", "\u200b"])
def test_operators_with_marks_around_them_are_operators(mark: str) -> None:
    want = Q("لافروف") | Q("بوتين")
    assert parse_query(f"لافروف {mark}OR بوتين") == want
    assert parse_query(f"لافروف OR{mark} بوتين") == want
    assert parse_query(f"لافروف {mark}OR{mark} بوتين") == want
    assert parse_query(f"لافروف {mark}AND بوتين") == Q("لافروف") & Q("بوتين")


def test_a_quoted_or_with_a_mark_is_still_the_word() -> None:
    assert parse_query('"OR\u200f"') == parse_query('"OR"')
