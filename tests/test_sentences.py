"""Sentence splitting for Arabic news: a table written by hand from the rules in docs/querying.md.

Each row is a text and the sentences a reader would cut it into, as exact
slices of the text (leading and trailing whitespace left out, the closing
punctuation and any closing quote or bracket after it kept).
"""

from __future__ import annotations

import time
from typing import Any, Final

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import arnews
from arnews import Caption, Sentence, split_sentences
from arnews._model import field_text
from arnews._sentences import article_sentences, sentence_at
from helpers import FIELD_TEXTS, make_article

#: (why, text, sentences)
TABLE: Final[tuple[tuple[str, str, tuple[str, ...]], ...]] = (
    # -- what ends a sentence
    (
        "full stop",
        "قال لافروف إن موسكو مستعدة. وأضاف أن التعاون مستمر.",
        ("قال لافروف إن موسكو مستعدة.", "وأضاف أن التعاون مستمر."),
    ),
    (
        "Arabic question mark and exclamation mark",
        "هل ستتعاون واشنطن؟ لا أحد يعرف!",
        ("هل ستتعاون واشنطن؟", "لا أحد يعرف!"),
    ),
    (
        "Arabic semicolon",
        "أكد الوزير التزام بلاده؛ ثم غادر القاعة.",
        ("أكد الوزير التزام بلاده؛", "ثم غادر القاعة."),
    ),
    ("a run of marks is one end", "حقا؟! لا أصدق.", ("حقا؟!", "لا أصدق.")),
    ("three exclamation marks", "كارثة!!! ثم صمت.", ("كارثة!!!", "ثم صمت.")),
    (
        "a line end, with no punctuation",
        "السطر الأول\nالسطر الثاني",
        ("السطر الأول", "السطر الثاني"),
    ),
    ("a line end after a full stop", "انتهى.\nبدأ غيره.", ("انتهى.", "بدأ غيره.")),
    ("Windows line ends", "الأول\r\nالثاني", ("الأول", "الثاني")),
    (
        "a number before a full stop",
        "بلغ عدد القتلى 70. وأصيب آخرون.",
        ("بلغ عدد القتلى 70.", "وأصيب آخرون."),
    ),
    (
        "Latin text: full stop, then a credit without one",
        "Russian President Vladimir Putin (L) and US President Barack Obama. Photo: AFP",
        ("Russian President Vladimir Putin (L) and US President Barack Obama.", "Photo: AFP"),
    ),
    ("a Latin question mark", "Why? Because.", ("Why?", "Because.")),
    # -- closing quotes and brackets stay with their sentence
    (
        "a straight quote after the full stop",
        'وقال: "لن نتراجع." ثم صمت.',
        ('وقال: "لن نتراجع."', "ثم صمت."),
    ),
    (
        "guillemets after an exclamation mark",
        "وقال «لن نتراجع!» ثم صمت.",
        ("وقال «لن نتراجع!»", "ثم صمت."),
    ),
    (
        "a bracket after the full stop",
        "قال ذلك (في بيان رسمي.) ثم غادر.",
        ("قال ذلك (في بيان رسمي.)", "ثم غادر."),
    ),
    # -- what does not end a sentence
    (
        "a decimal point",
        "ارتفع النمو إلى 3.5 في المئة هذا العام.",
        ("ارتفع النمو إلى 3.5 في المئة هذا العام.",),
    ),
    ("a title: د. (doctor)", "قال د. محمد إن الوضع خطير.", ("قال د. محمد إن الوضع خطير.",)),
    (
        "a title: م. (engineer) before a name",
        "وصل م. أحمد علي إلى بغداد. ثم عاد.",
        ("وصل م. أحمد علي إلى بغداد.", "ثم عاد."),
    ),
    ("Arabic initials", "كتب ع. م. الحسن مقالا.", ("كتب ع. م. الحسن مقالا.",)),
    ("a post-office box", "العنوان ص.ب. 1234 بغداد.", ("العنوان ص.ب. 1234 بغداد.",)),
    (
        "Latin titles and initials",
        "Mr. Kerry met Dr. Lavrov in the U.S. on Monday.",
        ("Mr. Kerry met Dr. Lavrov in the U.S. on Monday.",),
    ),
    ("J. for a first name", "J. Kerry spoke.", ("J. Kerry spoke.",)),
    ("three dots", "وانتظر الجميع... ثم جاء الخبر.", ("وانتظر الجميع... ثم جاء الخبر.",)),
    ("an ellipsis character", "وانتظر الجميع… ثم جاء الخبر.", ("وانتظر الجميع… ثم جاء الخبر.",)),
    (
        "no space after the stop: a web address",
        "زوروا arnews.example.com للمزيد.",
        ("زوروا arnews.example.com للمزيد.",),
    ),
    ("a list number", "1. البند الأول", ("1. البند الأول",)),
    ("a colon", "قال الوزير: سنواصل العمل.", ("قال الوزير: سنواصل العمل.",)),
    (
        "an Arabic comma",
        "قال الوزير، وهو غاضب، إنه سيستقيل.",
        ("قال الوزير، وهو غاضب، إنه سيستقيل.",),
    ),
    # -- an era letter after a year is not a title: its stop ends the sentence
    ("the era م after a year", "ولد عام 1950 م. ثم هاجر.", ("ولد عام 1950 م.", "ثم هاجر.")),
    (
        "the Hijri era هـ after a year",
        "توفي عام 1437 هـ. ودفن في مكة.",
        ("توفي عام 1437 هـ.", "ودفن في مكة."),
    ),
    # -- edges
    ("empty text", "", ()),
    ("only whitespace", "  \n\t ", ()),
    ("no punctuation at all", "موسكو وبغداد", ("موسكو وبغداد",)),
    ("spaces around", "  انتهى الاجتماع.  ", ("انتهى الاجتماع.",)),
    ("an ellipsis ends the text", "وانتظر الجميع...", ("وانتظر الجميع...",)),
    ("punctuation alone joins the sentence before it", "انتهى. !", ("انتهى. !",)),
    ("blank lines between sentences", "الأول.\n\n\nالثاني.", ("الأول.", "الثاني.")),
)


def split(text: str) -> tuple[str, ...]:
    """The sentences of ``text``, as slices of it cut at the spans the splitter gives."""
    return tuple(text[s.start : s.end] for s in split_sentences(text))


@pytest.mark.parametrize(("why", "text", "expected"), TABLE, ids=[row[0] for row in TABLE])
def test_sentence_table(why: str, text: str, expected: tuple[str, ...]) -> None:
    assert split(text) == expected, why


# -- laws -------------------------------------------------------------------------

SENTENCE_TEXTS = st.text(
    alphabet=st.sampled_from([*"دمهـبغ", *"ab", *"019", *'. .!؟?؛…"»)(\n\r\t', "\u00a0"]),
    max_size=60,
)


@settings(max_examples=300)
@given(st.one_of(SENTENCE_TEXTS, FIELD_TEXTS))
def test_sentences_cover_the_text_in_order(text: str) -> None:
    sentences = split_sentences(text)
    covered = "".join(text[s.start : s.end] for s in sentences)
    # Every non-space character is in exactly one sentence, in order.
    assert "".join(covered.split()) == "".join(text.split())
    previous_end = 0
    for s in sentences:
        assert s.text == text[s.start : s.end]
        assert s.text
        assert not s.text[0].isspace()
        assert not s.text[-1].isspace()
        assert not any(ch in s.text for ch in "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")
        assert s.start >= previous_end
        previous_end = s.end
        assert s.field is None
        assert s.index == 0


@given(SENTENCE_TEXTS, SENTENCE_TEXTS)
def test_a_line_end_always_separates(first: str, second: str) -> None:
    """What comes before a line end never shares a sentence with what comes after it."""
    text = first + "\n" + second
    for s in split_sentences(text):
        assert s.end <= len(first) or s.start > len(first)


def test_article_sentences_point_into_their_fields() -> None:
    article = make_article(
        "قال د. محمد إن الوضع خطير. ثم غادر.",
        "وأضاف: نعم!",
        title="عنوان؟ نعم",
        captions=(Caption("صورة. أخرى", "ar"),),
    )
    found = article.sentences
    assert found == article_sentences(article)
    assert [(s.field, s.index, s.text) for s in found] == [
        ("title", 0, "عنوان؟"),
        ("title", 0, "نعم"),
        ("paragraph", 0, "قال د. محمد إن الوضع خطير."),
        ("paragraph", 0, "ثم غادر."),
        ("paragraph", 1, "وأضاف: نعم!"),
        ("caption", 0, "صورة."),
        ("caption", 0, "أخرى"),
    ]
    for s in found:
        assert s.field is not None
        assert field_text(article, s.field, s.index)[s.start : s.end] == s.text


def test_sentence_at_finds_the_sentence_of_a_span() -> None:
    text = "الأول. الثاني هنا. الثالث."
    assert sentence_at(text, 0, 5).text == "الأول."
    assert sentence_at(text, 14, 17).text == "الثاني هنا."
    # A phrase over a full stop widens to the end of the span.
    assert sentence_at(text, 14, 25).text == "الثاني هنا. الثالث"
    with pytest.raises(ValueError, match="outside a text of 26 characters"):
        sentence_at(text, 20, 40)


def test_public_names() -> None:
    assert arnews.split_sentences is split_sentences
    assert arnews.Sentence is Sentence


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"text": 1, "start": 0, "end": 1}, TypeError, "Sentence.text must be a str, got int"),
        ({"text": "a", "start": "0", "end": 1}, TypeError, "Sentence.start must be an int"),
        ({"text": "a", "start": True, "end": 1}, TypeError, "Sentence.start must be an int"),
        ({"text": "a", "start": 2, "end": 1}, ValueError, "0 <= start <= end"),
        ({"text": "ab", "start": 0, "end": 1}, ValueError, "has 2 characters but spans 0:1"),
        ({"text": "a", "start": 0, "end": 1, "field": 3}, TypeError, "Sentence.field"),
    ],
)
def test_sentence_records_check_their_fields(
    kwargs: dict[str, Any], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        Sentence(**kwargs)


def test_split_sentences_refuses_bytes() -> None:
    with pytest.raises(TypeError, match=r"split_sentences\(\) expects str, got bytes; decode"):
        split_sentences(b"x")  # type: ignore[arg-type]


def _seconds(text: str) -> float:
    best = float("inf")
    for _ in range(5):
        began = time.perf_counter()
        split_sentences(text)
        best = min(best, time.perf_counter() - began)
    return best


@pytest.mark.parametrize(
    ("unit", "n"),
    [
        ("د. ", 10_000),
        ("1. ", 10_000),
        ("...... ", 10_000),
        ("a" * 50 + ". ", 10_000),
        ("ولد عام 1950 م. ", 5_000),
        (".", 500_000),
        (" ", 500_000),
    ],
    ids=["initials", "list-numbers", "ellipses", "long-words", "eras", "dots", "spaces"],
)
def test_splitting_time_grows_linearly(unit: str, n: int) -> None:
    """Time at 4n stays well under 16x the time at n (quadratic growth would be 16x).

    Linear growth is 4x; the bound leaves room for a noisy shared machine.
    """
    ratio = _seconds(unit * (4 * n)) / _seconds(unit * n)
    assert ratio < 10, ratio
