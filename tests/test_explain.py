"""Tests for Normalizer.explain and Change: what each step changed, where."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest
from hypothesis import given, settings

from arnews.normalize import CLEAN, SEARCH, Change, Normalizer, Step
from helpers import arabic_text, normalize_operations

OPERATIONS = normalize_operations()


def applied(text: str, changes: Sequence[Change]) -> str:
    """The text with each change's span replaced by its ``after`` (spans in order, apart)."""
    out, pos = [], 0
    for change in changes:
        assert change.start >= pos, changes
        out += [text[pos : change.start], change.after]
        pos = change.end
    return "".join(out) + text[pos:]


def test_each_fold_is_named_at_its_letter() -> None:
    assert SEARCH.explain("مدرسة") == (
        Change(step="normalize_teh_marbuta", start=4, end=5, before="ة", after="ه"),
    )
    assert SEARCH.explain("إلى") == (
        Change(step="normalize_alef", start=0, end=1, before="إ", after="ا"),
        Change(step="normalize_yeh", start=2, end=3, before="ى", after="ي"),
    )


def test_a_deleted_mark_is_a_deletion_at_the_mark() -> None:
    assert SEARCH.explain("كتَب") == (
        Change(step="strip_diacritics", start=2, end=3, before="\u064e", after=""),
    )


def test_an_expanding_ligature_is_one_change_and_a_later_step_sees_its_output() -> None:
    assert SEARCH.explain("ﻷن") == (
        Change(step="normalize_presentation_forms", start=0, end=1, before="ﻷ", after="لأ"),
        # The hamza the ligature brought is folded by a later step, on the ligature's span.
        Change(step="normalize_alef", start=0, end=1, before="أ", after="ا"),
    )
    assert SEARCH("ﻷن") == "لان"


def test_an_unchanged_text_has_no_changes() -> None:
    assert SEARCH.explain("كتب الوزير") == ()
    assert CLEAN.explain("") == ()


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda f: f.__name__)
@settings(deadline=None, max_examples=60)
@given(text=arabic_text)
def test_one_step_changes_rebuild_its_output(op: Callable[[str], str], text: str) -> None:
    # With one step every span is exact: putting each change in place gives the output.
    normalizer = Normalizer((op,))
    changes = normalizer.explain(text)
    assert applied(text, changes) == op(text)
    for change in changes:
        assert change.step == op.__name__
        assert change.before == text[change.start : change.end]
        assert change.before != change.after


@pytest.mark.parametrize("preset", [SEARCH, CLEAN], ids=["SEARCH", "CLEAN"])
@settings(deadline=None, max_examples=150)
@given(text=arabic_text)
def test_preset_changes_follow_the_steps_and_stay_in_the_text(
    preset: Normalizer, text: str
) -> None:
    changes = preset.explain(text)
    order = [step.name for step in preset.steps]
    ranks = [order.index(c.step) for c in changes]
    assert ranks == sorted(ranks)
    for change in changes:
        assert 0 <= change.start <= change.end <= len(text)
        assert change.before != change.after
    if not changes:
        assert preset(text) == text


def test_a_custom_step_that_changes_length_without_an_aligner_is_refused() -> None:
    drop_a = Normalizer((lambda s: s.replace("ا", ""),))
    with pytest.raises(ValueError, match="aligner"):
        drop_a.explain("كتاب")
    same_length = Normalizer((Step(str.upper),))
    assert same_length.explain("ab") == (
        Change(step="upper", start=0, end=2, before="ab", after="AB"),
    )


def test_bad_input() -> None:
    with pytest.raises(TypeError, match="str"):
        SEARCH.explain(b"abc")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="start <= end"):
        Change(step="x", start=2, end=1, before="", after="")
    with pytest.raises(TypeError, match=r"Change\.after"):
        Change(step="x", start=0, end=1, before="a", after=None)  # type: ignore[arg-type]
