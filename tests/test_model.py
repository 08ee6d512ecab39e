"""Tests for arnews._model: the immutable records and Article's derived properties."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest

from arnews import Article, Caption, RelatedStory, Section
from helpers import make_article


def make(**changes: Any) -> Article:
    fields: dict[str, Any] = {
        "date": dt.date(2015, 9, 29),
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
    return make_article(**fields)


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


def test_paragraphs_are_computed_once_and_kept() -> None:
    a = make()
    assert a.paragraphs is a.paragraphs  # stored, not rebuilt on every access


def test_evolve_recomputes_paragraphs() -> None:
    a = attrs.evolve(make(), sections=(Section(None, ("وحيدة.",)),))
    assert a.paragraphs == ("وحيدة.",)


def test_lists_become_tuples_and_records_stay_hashable() -> None:
    section = Section(None, ["أولى.", "ثانية."])
    assert section.paragraphs == ("أولى.", "ثانية.")
    a = make(sections=[section], keywords=["العراق"], sources=["رويترز"])
    assert (a.sections, a.keywords, a.sources) == ((section,), ("العراق",), ("رويترز",))
    assert isinstance(hash(a), int)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"keywords": "العراق"}, r"Article\.keywords must be a tuple of str, got str; wrap"),
        ({"sources": ("رويترز", 1)}, r"Article\.sources must hold str items, got int"),
        ({"sections": (("فقرة",),)}, r"Article\.sections must hold Section items, got tuple"),
        ({"captions": ("صورة",)}, r"Article\.captions must hold Caption items, got str"),
        ({"related": None}, r"Article\.related must be a tuple of RelatedStory, got NoneType"),
        ({"dropped": 5}, r"Article\.dropped must be a tuple of str, got int"),
        ({"date": "2015-09-29"}, r"date must be a datetime\.date or None, got str"),
        ({"date": dt.datetime(2015, 9, 29, 9, 10)}, r"date must be .* got datetime"),
        ({"time": "09:10"}, r"Article\.time must be a datetime\.time or None, got str"),
        ({"date_inferred": 1}, r"Article\.date_inferred must be True or False, got int"),
        ({"title": None}, r"Article\.title must be a str, got NoneType"),
        ({"id": 3}, r"Article\.id must be a str, got int"),
        ({"outlet": b"x"}, r"Article\.outlet must be a str or None, got bytes"),
        ({"raw": None}, r"Article\.raw must be a str, got NoneType"),
    ],
)
def test_wrong_field_types_are_refused_when_made(changes: dict[str, object], message: str) -> None:
    with pytest.raises(TypeError, match=message):
        make(**changes)


def test_evolve_is_checked_too() -> None:
    with pytest.raises(TypeError, match=r"date must be a datetime\.date or None, got str"):
        attrs.evolve(make(), date="2016-10-27")  # type: ignore[arg-type]


def test_part_records_check_their_fields() -> None:
    with pytest.raises(TypeError, match=r"Section\.paragraphs must be a tuple of str, got str"):
        Section(None, "فقرة")
    with pytest.raises(TypeError, match=r"Section\.heading must be a str or None, got int"):
        Section(1, ())  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"Caption\.lang must be a str"):
        Caption("نص", None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"RelatedStory\.caption must be a Caption or None"):
        RelatedStory(None, "ملخص", None, "صورة")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"date must be a datetime\.date or None, got str"):
        RelatedStory(None, "ملخص", "26/9/2015", None)  # type: ignore[arg-type]
