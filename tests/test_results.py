"""Hits and Concordance (arnews._results): what they keep, how they combine, what they export."""

from __future__ import annotations

import datetime as dt
import gc
import json
import pickle
from pathlib import Path

import attrs
import pytest

import arnews
from arnews import Caption, Concordance, ConcordanceLine, Corpus, Hit, Hits
from arnews._results import SORT_KEYS, concordance_lines
from helpers import make_article

CORPUS = arnews.load()


def test_a_chained_call_keeps_its_corpus() -> None:
    hits = arnews.load().filter(outlet="الجزيرة نت").search("لافروف")
    gc.collect()
    assert hits.source is not None
    assert hits.source.get("003_525ecddc6b3f777e") is not None
    # 003: "أكد وزير الخارجية الروسي سيرغي لافروف هذا التعاون"
    assert "الروسي سيرغي <mark>لافروف</mark> هذا" in hits._repr_html_()
    lines = arnews.load().filter(outlet="الجزيرة نت").concordance("لافروف")
    gc.collect()
    assert lines.to_records()[0]["outlet"] == "الجزيرة نت"


def test_union_and_concatenation_keep_the_type_and_the_source() -> None:
    a, b = CORPUS.search("لافروف"), CORPUS.search("كيري")
    union = a | b
    assert type(union) is Hits
    assert union.source is CORPUS
    assert union == CORPUS.search("لافروف OR كيري")
    assert b | a == union  # corpus order whatever the order of the operands
    assert a | a == a
    joined = a + b
    assert type(joined) is Hits
    assert tuple(joined) == tuple(a) + tuple(b)
    assert joined.source is CORPUS
    assert type(a + tuple(b)) is Hits
    assert type(tuple(b) + a) is Hits
    lines = CORPUS.concordance("لافروف") | CORPUS.concordance("كيري")
    assert type(lines) is Concordance
    assert lines == CORPUS.concordance("لافروف OR كيري")


def test_results_of_two_corpora_do_not_mix() -> None:
    other = Corpus([make_article("لافروف هنا.", id="other")])
    with pytest.raises(ValueError, match="different corpora"):
        _ = CORPUS.search("لافروف") | other.search("لافروف")
    with pytest.raises(ValueError, match="different corpora"):
        _ = CORPUS.search("لافروف") + other.search("لافروف")
    # An equal corpus is the same source.
    assert (
        CORPUS.search("لافروف") | arnews.Corpus(CORPUS.articles).search("كيري")
    ).source is CORPUS


def test_pickles_keep_the_source() -> None:
    hits = CORPUS.search("لافروف")
    again = pickle.loads(pickle.dumps(hits))
    assert again == hits
    assert again.source == CORPUS
    assert again.to_records() == hits.to_records()
    lines = CORPUS.concordance("لافروف", sort="right1")
    back = pickle.loads(pickle.dumps(lines))
    assert back == lines
    assert back.sort == ("right1",)


# -- exports ----------------------------------------------------------------------------


def test_hit_records_carry_the_article_the_hit_and_its_sentence() -> None:
    corpus = Corpus(
        [
            make_article(
                "وقال الوزير إن موسكو مستعدة. وأضاف أن لافروف سيزور بغداد.",
                id="a1",
                title="عنوان",
                date=dt.date(2016, 6, 8),
                date_inferred=True,
                outlet="وكالة",
            )
        ]
    )
    (row,) = corpus.search("لافروف").to_records()
    assert row == {
        "article_id": "a1",
        "title": "عنوان",
        "date": "2016-06-08",
        "date_inferred": True,
        "outlet": "وكالة",
        "field": "paragraph",
        "index": 0,
        "start": 38,
        "end": 44,
        "stem_start": 38,
        "stem_end": 44,
        "text": "لافروف",
        "prefix": "",
        "stem": "لافروف",
        "suffix": "",
        "mode": "inflections",
        "sentence": "وأضاف أن لافروف سيزور بغداد.",
        "sentence_start": 29,
        "sentence_end": 57,
    }
    assert corpus.search("لافروف").sentences()[0].text == "وأضاف أن لافروف سيزور بغداد."


def test_records_hold_every_hit_field() -> None:
    row = CORPUS.search("بغداد").to_records()[0]
    for field in attrs.fields(Hit):
        assert row[field.name] == getattr(CORPUS.search("بغداد")[0], field.name)


def test_jsonl_and_pandas(tmp_path: Path) -> None:
    hits = CORPUS.search("لافروف OR كيري")
    out = tmp_path / "hits.jsonl"
    hits.to_jsonl(out)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows == hits.to_records()
    assert "لافروف" in out.read_text(encoding="utf-8")  # Arabic unescaped
    frame = hits.to_pandas()
    assert len(frame) == len(hits)
    assert list(frame.columns[:5]) == ["article_id", "title", "date", "date_inferred", "outlet"]
    assert {"field", "start", "end", "text", "sentence"} <= set(frame.columns)
    assert str(frame["date"].dtype).startswith("datetime64")
    lines = CORPUS.concordance("لافروف")
    assert len(lines.to_pandas()) == len(lines)
    kwic = tmp_path / "kwic.jsonl"
    lines.to_jsonl(kwic)
    assert [json.loads(line)["match"] for line in kwic.read_text().splitlines()] == ["لافروف"] * 5


def test_an_export_error_leaves_the_old_file(tmp_path: Path) -> None:
    corpus = Corpus([make_article("لافروف \udcff هنا.", id="bad")])
    out = tmp_path / "hits.jsonl"
    out.write_text("old\n", encoding="utf-8")
    with pytest.raises(
        ValueError, match=r"cannot write row 0 as UTF-8: its 'sentence' holds a lone"
    ):
        corpus.search("لافروف").to_jsonl(out)
    assert out.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["hits.jsonl"]  # no temporary file left


def test_hits_without_a_source_say_how_to_get_one() -> None:
    bare = Hits(tuple(CORPUS.search("لافروف")))
    assert bare.source is None
    with pytest.raises(ValueError, match=r"use the result of corpus.search"):
        bare.to_records()
    with pytest.raises(ValueError, match="needs the articles"):
        Concordance(tuple(CORPUS.concordance("لافروف"))).to_records()


# -- concordance -------------------------------------------------------------------------


def test_context_is_cut_at_word_boundaries() -> None:
    corpus = Corpus([make_article("قال الوزير إن موسكو وبغداد تتعاونان الآن.", id="t")])
    (line,) = corpus.concordance("بغداد", width=12)
    # 12 characters back reach into "الوزير"; 12 on reach into "الآن.": both left out.
    assert (line.left, line.match, line.right) == ("إن موسكو ", "وبغداد", " تتعاونان")
    for width in range(45):
        (line,) = corpus.concordance("بغداد", width=width)
        text = corpus[0].paragraphs[0]
        assert text[
            line.offset - len(line.left) : line.offset + len(line.match) + len(line.right)
        ] == (line.left + line.match + line.right)
        assert len(line.left) <= width
        assert len(line.right) <= width
        lo, hi = line.offset - len(line.left), line.offset + len(line.match) + len(line.right)
        assert lo == 0 or text[lo - 1].isspace()
        assert hi == len(text) or text[hi].isspace()


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        # the words before the match, normalized: '' (a caption), سيرجي < سيرغي, then وقال
        ("left1", ["", "سيرجي", "سيرغي", "سيرغي", "وقال"]),
        ("right1", [":", "إن", "للالتفاف", "متحدثا", "هذا"]),
    ],
)
def test_sorting_by_context_words(sort: str, expected: list[str]) -> None:
    lines = CORPUS.concordance("لافروف", sort=sort)
    assert lines.sort == (sort,)
    if sort == "left1":
        got = [line.left.split()[-1] if line.left.split() else "" for line in lines]
    else:
        got = [line.right.split()[0] for line in lines]
    assert got == expected


def test_sorting_by_two_keys_breaks_ties_with_the_second() -> None:
    corpus = Corpus(
        [
            make_article("قال بغداد ثم جاء.", id="a"),
            make_article("قال بغداد أمس جاء.", id="b"),
            make_article("قال بغداد ثم ذهب.", id="c"),
        ]
    )

    def order(sort: str | tuple[str, ...]) -> list[str]:
        return [line.article_id for line in corpus.concordance("قال", sort=sort)]

    # right2: ثم, أمس (normalized امس), ثم — a and c tie and keep their text order.
    assert order("right2") == ["b", "a", "c"]
    # right3: جاء, جاء, ذهب — a and b tie.
    assert order("right3") == ["a", "b", "c"]
    # right3, then right2 between a and b: امس < ثم.
    assert order("right3,right2") == ["b", "a", "c"]
    assert order(("right3", "right2")) == ["b", "a", "c"]


def test_sort_words_come_from_the_whole_field() -> None:
    corpus = Corpus(
        [make_article("لافروف يقول زززز.", id="a"), make_article("لافروف يقول ااا.", id="b")]
    )
    lines = corpus.concordance("لافروف", width=3, sort="right2")
    assert [line.article_id for line in lines] == ["b", "a"]
    assert all(line.right == "" for line in lines)  # " يقول" does not fit in 3 characters


@pytest.mark.parametrize("bad", ["right", "left0", "right6", "", "match,up"])
def test_unknown_sort_keys(bad: str) -> None:
    with pytest.raises(ValueError, match=r"concordance\(sort=\.\.\.\)"):
        CORPUS.concordance("لافروف", sort=bad)


def test_sort_keys() -> None:
    assert SORT_KEYS[:3] == ("match", "left1", "right1")
    assert "left5" in SORT_KEYS
    assert "right5" in SORT_KEYS


def test_concordance_lines_of_any_hits() -> None:
    hits = CORPUS.search("بغداد")[:3]
    lines = concordance_lines(hits, width=10)
    assert [line.match for line in lines] == [h.text for h in hits]
    assert lines.source is CORPUS


def test_records_check_their_fields() -> None:
    with pytest.raises(ValueError, match=r"ConcordanceLine\.offset must be 0 or more"):
        ConcordanceLine("a", "b", "c", "id", "title", -1)
    line = ConcordanceLine("a", "b", "c", "id", "caption", 3, 1)
    assert line.index == 1
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        line.offset = 0  # type: ignore[misc]


def test_a_caption_hit_sentence() -> None:
    corpus = Corpus([make_article(captions=(Caption("صورة أولى. لافروف في بغداد", "ar"),))])
    (row,) = corpus.search("لافروف").to_records()
    assert (row["field"], row["sentence"]) == ("caption", "لافروف في بغداد")
