"""Tests for arnews._frequencies: stems counted, stopwords left out."""

from __future__ import annotations

import datetime as dt
import pickle
import re

import pytest

import arnews
from arnews import Caption, Corpus
from arnews._frequencies import frequency_stem, load_stopwords, ranked_stems
from arnews._model import FIELD_NAMES, FIELDS
from arnews._resources import read_text
from arnews.normalize import SEARCH
from helpers import corpus_of, make_article

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
    # ASCII words are counted lower-cased, as the index keys them, and shown as written.
    assert counts == {"leaders": 1, "Russia": 1, "US": 1, "met": 1, "New": 1, "York": 1,
                      "session": 1, "عنوان": 1}  # fmt: skip
    assert {f.key for f in corpus.frequencies()} == {
        "leaders", "russia", "us", "met", "new", "york", "session", "عنوان"
    }  # fmt: skip
    everything = {f.key: f for f in corpus.frequencies(stopwords=False)}
    assert everything["the"].count == 3  # "The" and twice "the", counted together
    assert everything["the"].forms == (("the", 2), ("The", 1))
    assert everything["the"].word == "the"  # the most common spelling
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
    counts = {f.key: f.count for f in corpus.frequencies(stopwords=False)}
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
    # Both look in the same default fields; frequencies folds proclitics, as clitics does.
    assert counts["بغداد"] == len(CORPUS.search("بغداد", mode="clitics"))
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


# -- spellings, stems, n-grams, groups ------------------------------------------------------


def test_every_word_shown_occurs_in_the_text() -> None:
    texts = [t for a in CORPUS for kind in FIELDS for t in kind.texts(a)]
    for entry in CORPUS.frequencies(stopwords=False):
        assert any(entry.word in t for t in texts), entry
        assert entry.forms[0] == (entry.word, max(c for _, c in entry.forms))
        assert sum(c for _, c in entry.forms) == entry.count


def test_the_counts_are_those_of_the_index_stems() -> None:
    # The index holds every field kind.
    ranked = dict(ranked_stems(CORPUS.search_index))
    everywhere = CORPUS.frequencies(stopwords=False, fields=FIELD_NAMES)
    assert {f.key: f.count for f in everywhere} == ranked


def test_the_most_common_spelling_wins_and_proclitics_are_cut_off() -> None:
    corpus = corpus_of("الدولة والدولة بالدولة الدوله. أن ان أن.")
    entries = {f.key: f for f in corpus.frequencies(stopwords=False)}
    assert entries["الدوله"].forms == (("الدولة", 3), ("الدوله", 1))
    assert entries["الدوله"].word == "الدولة"
    assert entries["ان"].word == "أن"


def test_stems_group_the_article_with_the_bare_form() -> None:
    corpus = corpus_of("المركز مركز المركز. الان ان.")
    plain = {f.key: f.count for f in corpus.frequencies(stopwords=False)}
    assert (plain["المركز"], plain["مركز"]) == (2, 1)
    grouped = {f.key: f for f in corpus.frequencies(stopwords=False, stems=True)}
    assert grouped["مركز"].count == 3
    assert grouped["مركز"].forms == (("المركز", 2), ("مركز", 1))
    # Only when the bare form is a word of three letters or more: الان stays الان.
    assert grouped["الان"].count == 1


def test_ngrams_stay_within_a_field_a_sentence_and_runs_of_words() -> None:
    corpus = Corpus(
        [
            make_article(
                "وزير الخارجية الروسي قال، وزير الخارجية. 2015 الروسي وزير؟ الخارجية",
                "الخارجية الروسي",
                title="وزير",
            )
        ]
    )
    pairs = dict(corpus.frequencies(n=2, stopwords=False))
    # A comma does not break a run (punctuation is not a word); a sentence end
    # (the full stop, the question mark) and a number do, and so does a field's end.
    assert pairs == {
        "وزير الخارجية": 2,
        "الخارجية الروسي": 2,
        "الروسي قال": 1,
        "قال وزير": 1,
        "الروسي وزير": 1,
    }
    assert dict(corpus.frequencies(n=3, stopwords=False)) == {
        "وزير الخارجية الروسي": 1,
        "الخارجية الروسي قال": 1,
        "الروسي قال وزير": 1,
        "قال وزير الخارجية": 1,
    }
    # Words are counted alone whatever the sentences.
    assert dict(corpus.frequencies(stopwords=False))["الخارجية"] == 4


def test_ngrams_do_not_join_the_end_of_one_line_to_the_next() -> None:
    corpus = corpus_of("قال الوزير\nبغداد مدينة")
    assert dict(corpus.frequencies(n=2, stopwords=False)) == {
        "قال الوزير": 1,
        "بغداد مدينة": 1,
    }


def test_ngrams_with_a_stopword_are_left_out() -> None:
    corpus = corpus_of("وزير في بغداد وزير الخارجية")
    assert dict(corpus.frequencies(n=2)) == {"بغداد وزير": 1, "وزير الخارجية": 1}


def test_counts_per_group() -> None:
    corpus = Corpus(
        [
            make_article("بغداد بغداد.", id="a", outlet="أ", date=dt.date(2016, 6, 8)),
            make_article("بغداد موسكو.", id="b", outlet="ب", date=dt.date(2016, 6, 9)),
            make_article("موسكو.", id="c", outlet="أ", date=dt.date(2015, 1, 1)),
        ]
    )

    def rows(by: object) -> list[tuple[object, str, int]]:
        found = corpus.frequencies(by=by, stopwords=False)  # type: ignore[arg-type]
        return [(f.group, f.word, f.count) for f in found if f.word != "عنوان"]

    assert rows("outlet") == [
        ("أ", "بغداد", 2),
        ("أ", "موسكو", 1),
        ("ب", "بغداد", 1),
        ("ب", "موسكو", 1),
    ]
    assert rows("month") == [
        ("2016-06", "بغداد", 3),
        ("2016-06", "موسكو", 1),
        ("2015-01", "موسكو", 1),
    ]
    assert rows("year") == [(2016, "بغداد", 3), (2016, "موسكو", 1), (2015, "موسكو", 1)]
    assert rows(lambda a: a.id == "c") == [
        (False, "بغداد", 3),
        (False, "موسكو", 1),
        (True, "موسكو", 1),
    ]
    top = corpus.frequencies(by="outlet", top=1, stopwords=False)
    assert [(f.group, f.word) for f in top] == [("أ", "بغداد"), ("ب", "بغداد")]
    records = top.to_records()
    assert records[0] == {"group": "أ", "word": "بغداد", "key": "بغداد", "count": 2}
    assert list(top.to_pandas().columns) == ["group", "word", "key", "count"]


def test_fields_as_in_search() -> None:
    corpus = Corpus([make_article("موسكو.", title="بغداد", captions=(Caption("دمشق", "ar"),))])
    assert dict(corpus.frequencies(fields="title")) == {"بغداد": 1}
    assert dict(corpus.frequencies(fields=("paragraph", "caption"))) == {"موسكو": 1, "دمشق": 1}
    with pytest.raises(ValueError, match="unknown field 'body'"):
        corpus.frequencies(fields="body")


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"n": 0}, ValueError, "frequencies(n=...) got 0"),
        ({"n": "2"}, TypeError, "frequencies(n=...) expects an int"),
        ({"stems": 1}, TypeError, "frequencies(stems=...) expects True or False"),
        ({"by": "week"}, ValueError, "frequencies(by='week') is not a known group"),
        ({"by": 3}, TypeError, "frequencies(by=...) expects 'outlet', 'year', 'month'"),
    ],
)
def test_frequency_argument_errors(
    kwargs: dict[str, object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=re.escape(message)):
        CORPUS.frequencies(**kwargs)  # type: ignore[arg-type]


def test_entries_and_results_are_immutable() -> None:
    entries = CORPUS.frequencies(top=3)
    with pytest.raises(AttributeError, match="immutable"):
        entries[0].word = "x"
    with pytest.raises(AttributeError, match="immutable"):
        entries.extra = 1
    assert CORPUS.frequencies(top=3) == entries
    assert pickle.loads(pickle.dumps(entries[0])).key == entries[0].key
