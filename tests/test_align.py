"""Tests for arnews._align: the segment contract, composition, and span laws."""

from __future__ import annotations

import pickle
import random
import re
from array import array
from bisect import bisect_right

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arnews._resources import read_text, seed_names
from arnews.normalize import CLEAN, SEARCH, Normalizer
from arnews.normalize._align import Alignment, DeltaBreaks, compose, from_edits
from helpers import arabic_text

# --------------------------------------------------------------------------- oracle


def cuts(a: Alignment) -> set[tuple[int, int]]:
    """Every (original, normalized) position pair the map ties together."""
    out: set[tuple[int, int]] = set()
    for n0, n1, o0, o1, linear in a.segments():
        out.add((o0, n0))
        out.add((o1, n1))
        if linear:
            out.update((o0 + i, n0 + i) for i in range(n1 - n0 + 1))
    if not out:
        out.add((0, 0))
    return out


def compose_cuts(first: set[tuple[int, int]], second: set[tuple[int, int]]) -> set[tuple[int, int]]:
    by_mid: dict[int, list[int]] = {}
    for m, t in second:
        by_mid.setdefault(m, []).append(t)
    return {(o, t) for o, m in first for t in by_mid.get(m, ())}


def oracle_to_original(c: set[tuple[int, int]], s: int, e: int) -> tuple[int, int]:
    start = max(o for o, n in c if n <= s)
    if s == e:
        return start, start
    return start, min(o for o, n in c if n >= e)


def oracle_to_normalized(c: set[tuple[int, int]], s: int, e: int) -> tuple[int, int]:
    start = max(n for o, n in c if o <= s)
    if s == e:
        return start, start
    return start, min(n for o, n in c if o >= e)


def assert_maps_like(a: Alignment, c: set[tuple[int, int]]) -> None:
    for s in range(len(a.text) + 1):
        for e in range(s, len(a.text) + 1):
            assert a.to_original(s, e) == oracle_to_original(c, s, e), (s, e)
    for s in range(len(a.original) + 1):
        for e in range(s, len(a.original) + 1):
            assert a.to_normalized(s, e) == oracle_to_normalized(c, s, e), (s, e)


def assert_valid(a: Alignment) -> None:
    norm, orig, linear = a.breaks()
    again = Alignment.from_segments(a.original, a.text, norm, orig, linear)
    assert list(again.segments()) == list(a.segments())


def random_edits(rng: random.Random, n: int) -> list[tuple[int, int, int, bool]]:
    edits = []
    pos = 0
    while pos < n:
        pos += rng.randint(0, 3)
        if pos >= n:
            break
        end = min(n, pos + rng.randint(1, 3))
        kind = rng.random()
        new_len = 0 if kind < 0.5 else rng.randint(1, 4)
        edits.append((pos, end, new_len, kind < 0.25))
        pos = end
    return edits


def apply_edits(text: str, edits: list[tuple[int, int, int, bool]]) -> str:
    out, cursor = [], 0
    for start, end, new_len, _ in edits:
        out.append(text[cursor:start])
        out.append("x" * new_len)
        cursor = end
    out.append(text[cursor:])
    return "".join(out)


# --------------------------------------------------------------------- contract


def test_from_segments_maps_linear_atomic_and_deletion() -> None:
    # original: "aXYb" + "  " ; text: "aZb"
    #   a -> a (linear), XY -> Z (atomic), b -> b (linear), "  " deleted
    a = Alignment.from_segments("aXYb  ", "aZb", [0, 1, 2, 3, 3], [0, 1, 3, 4, 6], [1, 0, 1, 0])
    assert a.to_original(0, 1) == (0, 1)
    assert a.to_original(1, 2) == (1, 3)
    assert a.to_original(0, 3) == (0, 4)  # the trailing deletion is left out
    assert a.to_normalized(2, 3) == (1, 2)  # part of an atomic segment -> all of its output
    assert a.to_normalized(4, 6) == (3, 3)  # only deleted material -> empty span
    assert a.to_original(3, 3) == (6, 6)


@pytest.mark.parametrize(
    ("norm", "orig", "linear"),
    [
        ([0, 2], [0, 3], [1]),  # linear with unequal sides
        ([0, 1], [0, 3], [1, 0]),  # too few breaks
        ([1, 2], [0, 3], [0]),  # does not start at 0
        ([0, 2, 1, 2], [0, 1, 2, 3], [0, 0, 0]),  # decreasing
        ([0, 1, 2], [0, 3, 3], [0, 0]),  # empty original side
    ],
)
def test_from_segments_rejects_broken_arrays(
    norm: list[int], orig: list[int], linear: list[int]
) -> None:
    with pytest.raises(ValueError, match="from_segments"):
        Alignment.from_segments("abc", "ab", norm, orig, [bool(x) for x in linear])


def test_span_errors_name_the_method_and_the_range() -> None:
    a = Alignment.identity("abc")
    with pytest.raises(ValueError, match=r"to_original\(\) got span \(2, 5\)"):
        a.to_original(2, 5)
    with pytest.raises(ValueError, match="to_normalized"):
        a.to_normalized(2, 1)
    with pytest.raises(TypeError, match="int positions"):
        a.to_original(0, 1.5)  # type: ignore[arg-type]


def test_empty_text_alignment() -> None:
    a = SEARCH.align("")
    assert (a.text, a.original, a.segment_count) == ("", "", 0)
    assert a.to_original(0, 0) == (0, 0)
    assert a.to_normalized(0, 0) == (0, 0)


def test_alignment_pickles_and_compares() -> None:
    a = SEARCH.align("الـمَدرسة")
    b = pickle.loads(pickle.dumps(a))
    assert b == a
    assert b.to_original(2, 7) == a.to_original(2, 7)
    assert "segments=" in repr(a)


# ----------------------------------------------------------------- attachment rules


def test_marks_belong_to_the_letter_before_them() -> None:
    a = SEARCH.align("بَيْتٌ")
    assert a.text == "بيت"
    assert a.to_original(0, 1) == (0, 2)  # ب + fatha
    assert a.to_original(2, 3) == (4, 6)  # ت + dammatan
    assert a.to_original(0, 3) == (0, 6)


def test_tatweel_belongs_to_the_letter_before_it() -> None:
    a = CLEAN.align("الســـلام")
    assert a.text == "السلام"
    assert a.to_original(2, 3) == (2, 6)


def test_invisible_characters_and_stripped_spaces_are_left_out() -> None:
    a = CLEAN.align("  \u200fنص\u200f  ")  # RIGHT-TO-LEFT MARK around a word
    assert a.text == "نص"
    assert a.to_original(0, 2) == (3, 5)


def test_whitespace_run_is_atomic_and_line_breaks_map_exactly() -> None:
    a = CLEAN.align("أ \t\u00a0ب  \n  ج")
    assert a.text == "أ ب\nج"
    assert a.to_original(1, 2) == (1, 4)  # the collapsed run
    assert a.to_original(3, 4) == (7, 8)  # the kept line break, not the spaces
    assert a.to_original(4, 5) == (10, 11)


def test_expansion_is_atomic() -> None:
    a = SEARCH.align("قال ﷺ")
    assert a.text == "قال صلي الله عليه وسلم"
    assert a.to_original(8, 12) == (4, 5)  # "الله" inside the ligature -> the ligature
    assert a.to_normalized(4, 5) == (4, len(a.text))


def test_composed_hamza_is_one_unit() -> None:
    a = SEARCH.align("ا\u0654\u064emal")  # alef + HAMZA ABOVE + FATHA
    assert a.text == "\u0627mal"  # ALEF + "mal"
    assert a.to_original(0, 1) == (0, 3)


# -------------------------------------------------------------------- composition


@settings(max_examples=150, deadline=None)
@given(st.randoms(use_true_random=False), st.integers(0, 9))
def test_compose_matches_the_cut_oracle(rng: random.Random, n: int) -> None:
    original = "".join(rng.choice("abcdef") for _ in range(n))
    e1 = random_edits(rng, len(original))
    mid = apply_edits(original, e1)
    first = from_edits(original, mid, e1)
    e2 = random_edits(rng, len(mid))
    text = apply_edits(mid, e2)
    second = from_edits(mid, text, e2)
    both = compose(first, second)
    assert_valid(first)
    assert_valid(second)
    assert_valid(both)
    assert (both.original, both.text) == (original, text)
    assert_maps_like(both, compose_cuts(cuts(first), cuts(second)))


def test_pipeline_alignment_is_the_composition_of_its_steps() -> None:
    text = "ﻷن  ـالمُدَرِّسَةَ\u200c قالتْ: «١٬٠٠٠٫٥»  ﷺ \n\t إِلى"
    for normalizer in (SEARCH.reference, CLEAN.reference):
        c = {(i, i) for i in range(len(text) + 1)}
        current = text
        for step in normalizer.steps:
            a = step.align(current)
            assert a.original == current
            assert a.text == step(current)
            assert_valid(a)
            c = compose_cuts(c, cuts(a))
            current = a.text
        whole = normalizer.align(text)
        assert whole.text == current == normalizer(text)
        assert_valid(whole)
        assert_maps_like(whole, c)


# --------------------------------------------------------------------- span laws

PRESETS = [SEARCH, CLEAN, SEARCH.reference, CLEAN.reference]
PRESET_IDS = ["SEARCH", "CLEAN", "SEARCH.reference", "CLEAN.reference"]


def token_spans(text: str) -> list[tuple[int, int]]:
    """Spans of one or more whole whitespace-separated tokens."""
    bounds: list[tuple[int, int]] = []
    start: int | None = None
    for i, ch in enumerate(text + " "):
        if ch.isspace():
            if start is not None:
                bounds.append((start, i))
                start = None
        elif start is None:
            start = i
    return [(s, e) for i, (s, _) in enumerate(bounds) for (_, e) in bounds[i:]]


def inside_atomic(a: Alignment, pos: int) -> bool:
    return any(n0 < pos < n1 and not lin for n0, n1, _, _, lin in a.segments())


@settings(deadline=None)
@given(arabic_text)
@pytest.mark.parametrize("normalizer", PRESETS, ids=PRESET_IDS)
def test_whole_token_spans_renormalize_to_themselves(normalizer: Normalizer, text: str) -> None:
    """The law: for a span of whole tokens that cuts no atomic segment,
    normalizing the original span it maps to gives exactly that span's text."""
    a = normalizer.align(text)
    assert a.text == normalizer(text)
    for s, e in token_spans(a.text):
        if inside_atomic(a, s) or inside_atomic(a, e):
            continue
        o_s, o_e = a.to_original(s, e)
        assert normalizer(a.original[o_s:o_e]) == a.text[s:e], (s, e, o_s, o_e)


@settings(deadline=None)
@given(arabic_text, st.data())
@pytest.mark.parametrize("normalizer", PRESETS, ids=PRESET_IDS)
def test_every_span_maps_to_a_covering_span(
    normalizer: Normalizer, text: str, data: st.DataObject
) -> None:
    a = normalizer.align(text)
    n = len(a.text)
    s = data.draw(st.integers(0, n))
    e = data.draw(st.integers(s, n))
    o_s, o_e = a.to_original(s, e)
    assert 0 <= o_s <= o_e <= len(text)
    if s == e:  # an empty span maps to an empty span (a point)
        assert o_s == o_e
        return
    # mapping back gives a normalized span that covers the one we started from
    back = a.to_normalized(o_s, o_e)
    assert back[0] <= s < e <= back[1]
    assert o_s < o_e


def test_reference_and_fast_alignment_agree_when_fast_exists() -> None:
    text = "قالَ  ﷺ الرئيسُ\u200cپ «١٬٠٠٠٫٥»"
    for normalizer in (SEARCH, CLEAN):
        fast, ref = normalizer.align(text), normalizer.reference.align(text)
        assert fast.text == ref.text
        for s in range(len(ref.text) + 1):
            for e in range(s, len(ref.text) + 1):
                assert fast.to_original(s, e) == ref.to_original(s, e)


@pytest.mark.parametrize("normalizer", PRESETS, ids=PRESET_IDS)
def test_law_holds_for_every_token_of_the_bundled_texts(normalizer: Normalizer) -> None:
    for name in seed_names():
        raw = read_text(name)
        a = normalizer.align(raw)
        assert a.text == normalizer(raw)
        checked = 0
        for m in re.finditer(r"\S+", a.text):
            s, e = m.span()
            if inside_atomic(a, s) or inside_atomic(a, e):
                continue
            o_s, o_e = a.to_original(s, e)
            assert normalizer(raw[o_s:o_e]) == m.group()
            checked += 1
        assert checked > 100


# ------------------------------------------------------------- compact breaks


@settings(deadline=None)
@given(st.lists(st.integers(0, 255), max_size=700), st.data())
def test_delta_breaks_behave_like_the_array_of_their_sums(
    steps: list[int], data: st.DataObject
) -> None:
    expected = [0]
    for step in steps:
        expected.append(expected[-1] + step)
    b = DeltaBreaks(bytes(steps))
    assert len(b) == len(expected)
    assert list(b) == expected
    assert b.to_array() == array("q", expected)
    assert b == array("q", expected)
    assert b == DeltaBreaks(bytes(steps))
    for j in data.draw(st.lists(st.integers(0, len(steps)), max_size=20)):
        assert b[j] == expected[j]
        assert b[j - len(expected)] == expected[j]  # negative indexes too
    for x in data.draw(st.lists(st.integers(-2, expected[-1] + 2), max_size=20)):
        assert b.find(x) == bisect_right(expected, x)


def test_delta_breaks_errors_and_pickling() -> None:
    b = DeltaBreaks(bytes([3, 0, 1]))
    with pytest.raises(IndexError):
        b[4]
    with pytest.raises(TypeError, match="expects bytes, got list"):
        DeltaBreaks([1, 2])  # type: ignore[arg-type]
    assert pickle.loads(pickle.dumps(b)) == b
    assert b != DeltaBreaks(bytes([3, 1, 0]))


def deltas_of(a: Alignment) -> tuple[bytes, bytes, bytes]:
    norm, orig, linear = a.breaks()
    return (
        bytes(norm[j + 1] - norm[j] for j in range(len(linear))),
        bytes(orig[j + 1] - orig[j] for j in range(len(linear))),
        linear,
    )


@settings(max_examples=150, deadline=None)
@given(st.randoms(use_true_random=False), st.integers(0, 12))
def test_from_deltas_answers_like_from_segments(rng: random.Random, n: int) -> None:
    original = "".join(rng.choice("abcdef") for _ in range(n))
    edits = random_edits(rng, len(original))
    text = apply_edits(original, edits)
    a = from_edits(original, text, edits)
    b = Alignment.from_deltas(original, text, *deltas_of(a))
    assert b == a  # same segments, though stored differently
    assert_maps_like(b, cuts(a))


def test_from_deltas_rejects_broken_lengths() -> None:
    with pytest.raises(ValueError, match="one length per segment"):
        Alignment.from_deltas("ab", "ab", b"\x02", b"\x02", b"")
    with pytest.raises(ValueError, match="add up to len"):
        Alignment.from_deltas("ab", "ab", b"\x01", b"\x02", b"\x00")
    with pytest.raises(ValueError, match="linear segment 0"):
        Alignment.from_deltas("abc", "ab", b"\x02", b"\x03", b"\x01")


def test_a_vowelled_text_gets_compact_breaks_that_pickle() -> None:
    text = "بَيْتٌ كَبِيرٌ " * 400  # every letter but one carries a haraka: the dense map
    a = SEARCH.align(text)
    assert isinstance(a._norm, DeltaBreaks)
    assert isinstance(a._orig, DeltaBreaks)
    assert isinstance(a.breaks()[0], array)
    assert a.text == ("بيت كبير " * 400).strip()
    assert a.to_original(0, 3) == (0, 6)  # بيت with its marks
    assert a.to_original(4, 8) == (7, 14)  # كبير with its marks
    last = len(a.text)
    assert a.to_original(last - 4, last) == (len(text) - 8, len(text) - 1)  # not the end space
    again = pickle.loads(pickle.dumps(a))
    assert again == a
    assert again.to_normalized(7, 14) == (4, 8)


@pytest.mark.parametrize("normalizer", [SEARCH, CLEAN], ids=["SEARCH", "CLEAN"])
def test_law_holds_for_every_token_of_the_vowelled_texts(normalizer: Normalizer) -> None:
    rng = random.Random(11)
    for name in seed_names():
        raw = "".join(
            ch + (rng.choice("\u064b\u064e\u064f\u0650\u0651\u0652") if "ء" <= ch <= "ي" else "")
            for ch in read_text(name)
        )
        a = normalizer.align(raw)
        assert a.text == normalizer(raw)
        checked = 0
        for m in re.finditer(r"\S+", a.text):
            s, e = m.span()
            o_s, o_e = a.to_original(s, e)
            assert normalizer(raw[o_s:o_e]) == m.group()
            checked += 1
        assert checked > 100
