from __future__ import annotations

import shutil
import subprocess
import sys
from array import array
from pathlib import Path

from hypothesis import given

import arnews
from arnews import Caption, Corpus
from arnews._analysis import normalize_words, stem_offset
from arnews._index import MemoryIndex, decode
from arnews._model import FIELD_NAMES
from arnews._modes import term
from arnews._resources import data_dir, seed_names
from arnews._search import _merged, _parts
from arnews._tokenize import WORD_RE, tokenize
from helpers import FIELD_TEXTS, make_article


def test_import_and_load_build_no_index() -> None:
    # A fresh interpreter: count Index constructions through import, load() and a search.
    code = (
        "import arnews, arnews._index as ix\n"
        "built = []\n"
        "init = ix.MemoryIndex.__init__\n"
        "def counting(self, articles):\n"
        "    built.append(1)\n"
        "    init(self, articles)\n"
        "ix.MemoryIndex.__init__ = counting\n"
        "c = arnews.load()\n"
        "print(len(built), c._memo.index is not None)\n"
        "c.search('بغداد')\n"
        "c.search('روسيا')\n"
        "print(len(built), c._memo.index is not None)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert out == ["0 False", "1 True"]


def test_no_index_object_exists_after_import_load_and_load_dir(tmp_path: Path) -> None:
    # A fresh interpreter, no patching: look for Index objects among all live ones.
    (tmp_path / "a.txt").write_text("بغداد\n\n2016-06-08\n\nفي بغداد.\n", encoding="utf-8")
    code = (
        "import gc, sys, arnews, arnews._index as ix\n"
        "def count():\n"
        "    return sum(isinstance(o, ix.MemoryIndex) for o in gc.get_objects())\n"
        "print(count())\n"
        "c = arnews.load(); d = arnews.load_dir(sys.argv[1])\n"
        "c.filter(outlet='x'); d[0:1]; c.get(c.ids[0]); len(c.to_records())\n"
        "print(count())\n"
        "d.search('بغداد')\n"
        "print(count())\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert out == ["0", "0", "1"]


def test_load_dir_builds_no_index_until_the_first_search(tmp_path: Path) -> None:
    for name in seed_names():
        with data_dir().joinpath(name).open("rb") as src, (tmp_path / name).open("wb") as dst:
            shutil.copyfileobj(src, dst)
    corpus = arnews.load_dir(tmp_path)
    assert corpus._memo.index is None
    corpus.filter(where=lambda a: True)
    assert corpus._memo.index is None
    assert corpus.search("بغداد")
    index = corpus.search_index
    assert isinstance(index, MemoryIndex)
    corpus.search("روسيا")
    assert corpus.search_index is index  # built once, reused


def test_each_corpus_has_its_own_index() -> None:
    corpus = arnews.load()
    part = corpus[1:3]
    assert corpus.search_index is corpus.search_index
    assert part.search_index is not corpus.search_index
    assert {h.article_id for h in part.search("بغداد")} <= set(part.ids)


def test_postings_by_hand() -> None:
    index = MemoryIndex(
        (
            make_article(
                "في بغداد، وموسكو.", title="موسكو وبغداد", captions=(Caption("بغداد", "ar"),)
            ),
        )
    )
    assert index.texts == ("موسكو وبغداد", "في بغداد، وموسكو.", "بغداد")
    assert [FIELD_NAMES[k] for k in index.field_kind] == ["title", "paragraph", "caption"]
    decoded = {w: [decode(index, p) for p in index.postings(w)] for w in index.vocabulary()}
    # (field id, start in the original field)
    assert decoded == {
        "موسكو": [(0, 0)],
        "وبغداد": [(0, 6)],
        "في": [(1, 0)],
        "بغداد": [(1, 3), (2, 0)],
        "وموسكو": [(1, 10)],
    }
    assert index.vocabulary()["بغداد"] == 2
    assert isinstance(index.postings("بغداد"), array)


def test_every_field_kind_is_indexed_in_fields_order() -> None:
    from arnews import RelatedStory, Section

    article = make_article(
        sections=(Section(None, ("نص.",)), Section("عنوان فرعي", ("نص آخر.",))),
        keywords=("العراق",),
        sources=("رويترز",),
        related=(RelatedStory(title="خبر", summary="ملخص", date=None, caption=None),),
        captions=(Caption("صورة", "ar"),),
    )
    index = MemoryIndex((article,))
    kinds = [FIELD_NAMES[k] for k in index.field_kind]
    assert kinds == [
        "title",
        "subheading",
        "paragraph",
        "paragraph",
        "caption",
        "keyword",
        "related",
        "source",
    ]
    assert index.texts[1] == "عنوان فرعي"
    assert index.texts[6] == "خبر\nملخص"


def test_merged_parts_come_in_text_order() -> None:
    index = MemoryIndex((make_article(title="وبغداد بغداد ببغداد"),))
    parts = _parts(index, term("بغداد", "clitics"), False)
    found = [(decode(index, packed)[1], parts[k][1]) for packed, k in _merged(parts)]
    assert found == [(0, "وبغداد"), (7, "بغداد"), (13, "ببغداد")]


def test_spellings_record_the_one_token_behind_a_word() -> None:
    text = "بغداد وبغداد بغدادَ، إيران ايران \ufdfa روسيا"  # FATHA; a ligature
    index = MemoryIndex((make_article(text, title="روسيا"),))
    assert index.spellings["وبغداد"] == "وبغداد"
    assert index.spellings["بغداد"] is None  # بغداد and بغدادَ
    assert index.spellings["ايران"] is None  # إيران and ايران
    assert index.spellings["روسيا"] == "روسيا"  # in the title and the paragraph
    assert index.spellings["الله"] == "\ufdfa"  # one of the ligature's four words
    assert set(index.spellings) == set(index.vocabulary())
    # search reads the text where a word has several spellings, not otherwise
    corpus = Corpus((make_article(text),))
    assert [h.text for h in corpus.search("بغداد")] == ["بغداد", "وبغداد", "بغدادَ"]
    at = text.index("\ufdfa")
    assert [(h.start, h.end, h.text) for h in corpus.search("الله")] == [(at, at + 1, "\ufdfa")]


def test_marks_and_ligatures_in_the_original() -> None:
    text = "قال \ufdfa ثم وَبِـغداد"  # U+FDFA ARABIC LIGATURE SALLALLAHOU ALAYHE WASALLAM
    index = MemoryIndex((make_article(title=text),))
    # The ligature expands to four words sharing its one-character span.
    assert [decode(index, p) for p in index.postings("الله")] == [(0, 4)]
    assert [decode(index, p) for p in index.postings("وبغداد")] == [(0, 9)]
    assert stem_offset("وَبِـغداد", 1) == 2  # after و and its fatha


def test_seed_fields_normalize_the_same_token_by_token() -> None:
    for article in arnews.load():
        for text in (article.title, *article.paragraphs, *(c.text for c in article.captions)):
            words = [normalize_words(t.text) for t in tokenize(text) if t.is_word]
            assert tuple(w for group in words for w in group) == normalize_words(text)


@given(FIELD_TEXTS)
def test_token_by_token_normalization_equals_whole_text(text: str) -> None:
    # The index normalizes each original token; queries and the law "one
    # normalization path" need that to equal normalizing the whole field.
    by_token = tuple(w for t in tokenize(text) if t.is_word for w in normalize_words(t.text))
    assert by_token == normalize_words(text)


@given(FIELD_TEXTS)
def test_index_words_match_the_normalized_field(text: str) -> None:
    # Read back in start order, each token's words (a ligature has several at one
    # start) give exactly the normalized field.
    index = MemoryIndex((make_article(text, title="عنوان"),))
    starts: dict[int, list[str]] = {}
    for word in index.vocabulary():
        for packed in index.postings(word):
            fid, start = decode(index, packed)
            if fid == 1:
                starts.setdefault(start, []).append(word)
    words: list[str] = []
    for start in sorted(starts):
        token = WORD_RE.match(text, start)
        assert token is not None
        expected = normalize_words(token.group())
        assert sorted(starts[start]) == sorted(expected)
        words.extend(expected)
    assert tuple(words) == normalize_words(text)


def test_postings_fit_four_bytes_an_occurrence_when_they_can() -> None:
    """The bundled corpus's postings fit 32 bits: long lists take 4 bytes an entry, same values."""
    from arnews._index import decode

    index = MemoryIndex(arnews.load())
    postings = index.postings("روسيا")
    assert len(postings) >= 8
    assert postings.itemsize == 4  # type: ignore[attr-defined]
    for packed in postings:
        fid, start = decode(index, packed)
        assert index.texts[fid][start:].startswith("روسيا")
