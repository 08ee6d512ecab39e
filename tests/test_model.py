"""Tests for arnews._model: the immutable records and Article's derived properties."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from arnews import Article, Caption, RelatedStory, Section


def make(**changes: object) -> Article:
    fields: dict[str, object] = {
        "id": "x",
        "title": "عنوان",
        "date": dt.date(2015, 9, 29),
        "time": None,
        "date_inferred": False,
        "outlet": None,
        "sources": (),
        "dateline": None,
        "sections": (
            Section(None, ("أولى.", "ثانية.")),
            Section("فرعي", ("ثالثة.",)),
            Section("آخر", ("رابعة.",)),
        ),
        "captions": (Caption("صورة", "ar", "رويترز"),),
        "keywords": ("العراق",),
        "related": (RelatedStory(None, "ملخص.", dt.date(2015, 9, 26), None),),
        "raw": "raw text",
    }
    fields.update(changes)
    return Article(**fields)  # type: ignore[arg-type]


def test_paragraphs_run_across_sections_in_order() -> None:
    assert make().paragraphs == ("أولى.", "ثانية.", "ثالثة.", "رابعة.")


def test_subheadings_skip_the_unheaded_lead() -> None:
    assert make().subheadings == ("فرعي", "آخر")


def test_text_is_title_then_paragraphs_one_per_line() -> None:
    assert make().text == "عنوان\nأولى.\nثانية.\nثالثة.\nرابعة."


def test_records_are_frozen() -> None:
    a = make()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        a.title = "x"  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        a.captions[0].text = "x"  # type: ignore[misc]


def test_records_use_slots() -> None:
    for record in (
        make(),
        Section(None, ()),
        Caption("c", "ar"),
        RelatedStory(None, "s", None, None),
    ):
        assert not hasattr(record, "__dict__")


def test_equal_articles_are_equal_and_hashable() -> None:
    assert make() == make()
    assert hash(make()) == hash(make())
    assert make() != make(title="غيره")


def test_dropped_defaults_to_empty() -> None:
    assert make().dropped == ()


def test_raw_is_not_in_the_repr() -> None:
    assert "raw text" not in repr(make())


def test_caption_credit_defaults_to_none() -> None:
    assert Caption("نص", "ar").credit is None
