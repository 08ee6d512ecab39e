"""The query language (arnews._query): parsing, the Q builder, evaluation, errors."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import arnews
from arnews import Corpus, Q, QuerySyntaxError
from arnews._query import AllOf, AnyOf, Phrase, Without, Word, parse_query
from helpers import corpus_of, make_article

CORPUS = arnews.load()
#: bytes where text is expected, typed Any so that the type checker lets it through.
BYTES: Any = b"x"


def w(text: str, prefix: bool = False) -> Word:
    return Word(text, prefix=prefix)


# -- parsing ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "tree"),
    [
        ("بغداد", w("بغداد")),
        ("موسكو وبغداد", Phrase((w("موسكو"), w("وبغداد")))),
        ('"موسكو وبغداد"', Phrase((w("موسكو"), w("وبغداد")))),
        ('"a b" c', Phrase((w("a"), w("b"), w("c")))),
        ("حكوم*", w("حكوم", True)),
        ("وزير الخارج*", Phrase((w("وزير"), w("الخارج", True)))),
        ("لافروف OR بوتين", AnyOf((w("لافروف"), w("بوتين")))),
        ("لافروف AND كيري", AllOf((w("لافروف"), w("كيري")))),
        ("لافروف -كيري", Without(w("لافروف"), (w("كيري"),))),
        ("لافروف -كيري -بوتين", Without(w("لافروف"), (w("كيري"), w("بوتين")))),
        ("-كيري لافروف", Without(w("لافروف"), (w("كيري"),))),
        ('لافروف -"سيرغي لافروف"', Without(w("لافروف"), (Phrase((w("سيرغي"), w("لافروف"))),))),
        (
            "(لافروف OR بوتين) -كيري",
            Without(AnyOf((w("لافروف"), w("بوتين"))), (w("كيري"),)),
        ),
        # Precedence: side by side, then AND, then OR.
        (
            "سيرغي لافروف OR بوتين",
            AnyOf((Phrase((w("سيرغي"), w("لافروف"))), w("بوتين"))),
        ),
        (
            "لافروف AND كيري OR بوتين",
            AnyOf((AllOf((w("لافروف"), w("كيري"))), w("بوتين"))),
        ),
        ("لافروف OR بوتين -كيري", AnyOf((w("لافروف"), Without(w("بوتين"), (w("كيري"),))))),
        # Operator words only in capitals; quoted, they are words.
        ("and or", Phrase((w("and"), w("or")))),
        ('"OR"', w("OR")),
        ('a "AND" b', Phrase((w("a"), w("AND"), w("b")))),
        # Punctuation is dropped as in 0.1; a hyphen inside a word is punctuation.
        ("موسكو، بغداد", Phrase((w("موسكو"), w("بغداد")))),
        ("أبو-ظبي", Phrase((w("أبو"), w("ظبي")))),
        ("(L)", w("L")),
    ],
)
def test_parse(query: str, tree: arnews.Query) -> None:
    assert parse_query(query) == tree
    assert Q.parse(query) == tree


@pytest.mark.parametrize(
    ("query", "position", "message"),
    [
        ('"موسكو بغداد', 0, "unclosed quote at character 0; close it with '\"' or remove it"),
        ("لافروف OR", 7, "'OR' at character 7 has nothing after it; write 'a OR b'"),
        ("OR لافروف", 0, "'OR' at character 0 has nothing before it"),
        ("لافروف OR OR بوتين", 10, "'OR' at character 10 follows another operator; remove one"),
        ("لافروف AND", 7, "'AND' at character 7 has nothing after it"),
        ("-كيري", 0, "the query only excludes ('-كيري'); add something to look for"),
        ("لافروف - كيري", 7, "'-' at character 7 excludes nothing; write it right before a word"),
        ("--لافروف", 0, "'-' at character 0 is doubled; write one '-'"),
        ("حك*ومة", 2, "'*' at character 2 is inside a word; a '*' may only end a word, e.g. 'حك*'"),
        ("*حكوم", 0, "'*' at character 0 follows no word"),
        ("ا*", 0, "the prefix 'ا*' is too short; give at least 2 letters before '*'"),
        ("حكوم* بغداد", 0, "only the last word of a phrase may be a prefix"),
        ("(لافروف OR بوتين", 0, "'(' at character 0 is never closed; add ')' or remove it"),
        ("لافروف)", 6, "')' at character 6 closes nothing; remove it or add '(' before it"),
        ("()", 0, "'(' at character 0 holds no word; put a word inside or remove the brackets"),
        ('""', 0, "the quotes at character 0 hold no word"),
        (
            "(a OR b) c",
            9,
            "a bracket stands next to a word at character 9; join them with OR or AND",
        ),
        ("a -b c", 5, "the words at character 5 are cut off from those before them"),
    ],
)
def test_malformed_queries_say_where_and_how_to_fix(
    query: str, position: int, message: str
) -> None:
    with pytest.raises(QuerySyntaxError, match=re.escape(message)) as info:
        CORPUS.search(query)
    assert isinstance(info.value, ValueError)
    assert info.value.position == position
    assert info.value.query == query
    assert str(info.value).startswith(f"search() got a malformed query {query!r}: ")


def test_queries_without_words_keep_their_message() -> None:
    with pytest.raises(
        ValueError, match=re.escape("search() got a query with no word in it ('،')")
    ):
        CORPUS.search("،")


def test_a_query_that_is_not_text() -> None:
    with pytest.raises(TypeError, match="decode it first"):
        CORPUS.search(b"x")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=re.escape("or a Q object, e.g. arnews.Q('بغداد')")):
        CORPUS.search(3)  # type: ignore[arg-type]


# -- the Q builder ----------------------------------------------------------------------


def test_q_takes_strings_literally() -> None:
    assert Q("OR") == w("OR")
    assert Q("سيرغي لافروف") == Phrase((w("سيرغي"), w("لافروف")))
    assert Q.phrase("سيرغي", "لافروف") == Q("سيرغي لافروف")
    assert Q.prefix("حكوم") == w("حكوم", True)
    assert Q.prefix("وزير الخارج") == Phrase((w("وزير"), w("الخارج", True)))
    assert Q.any_of("a", "b c") == AnyOf((w("a"), Phrase((w("b"), w("c")))))
    assert Q.all_of("a", Q.prefix("bc")) == AllOf((w("a"), w("bc", True)))
    assert Q.any_of("a") == w("a")


@pytest.mark.parametrize(
    ("make", "error", "message"),
    [
        (lambda: Q("حكوم*"), ValueError, "for query syntax use Q.prefix('حكوم')"),
        (lambda: Q('"a"'), ValueError, "for query syntax use Q.parse(...)"),
        (lambda: Q("،"), ValueError, "holds no word; give at least one"),
        (lambda: Q(BYTES), TypeError, "decode it first"),
        (Q.any_of, ValueError, "Q.any_of() needs at least one query"),
        (lambda: Word("a b"), ValueError, "Word() takes one word"),
        (lambda: Word("ا", prefix=True), ValueError, "too short"),
        (lambda: Phrase((w("a"),)), ValueError, "two or more Words"),
        (lambda: AnyOf((w("a"),)), ValueError, "two or more queries"),
        (lambda: Without(w("a"), ()), ValueError, "one or more queries to exclude"),
    ],
)
def test_q_errors(make: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=re.escape(message)):
        make()  # type: ignore[operator]


def test_operators_build_flat_trees() -> None:
    a, b, c = Q("a"), Q("b"), Q("c")
    assert a | b | c == AnyOf((a, b, c))
    assert a & b & c == AllOf((a, b, c))
    assert a - b - c == Without(a, (b, c))
    assert (a | b) - c == Without(AnyOf((a, b)), (c,))
    assert a | "b" == AnyOf((a, b))  # a string on the right is parsed
    with pytest.raises(TypeError):
        _ = a | 3


# -- printing and parsing back: a law ------------------------------------------------------

WORDS = st.sampled_from(["لافروف", "بوتين", "كيري", "بغداد", "OR", "AND", "a", "حكوم"])


def _words() -> st.SearchStrategy[Word]:
    return st.builds(lambda t, p: Word(t, prefix=p and len(t) > 1), WORDS, st.booleans())


def _phrases() -> st.SearchStrategy[Phrase]:
    return st.lists(WORDS, min_size=2, max_size=3).flatmap(
        lambda ws: st.booleans().map(
            lambda p: Phrase(
                tuple(
                    Word(t, prefix=p and i == len(ws) - 1 and len(t) > 1) for i, t in enumerate(ws)
                )
            )
        )
    )


TREES = st.recursive(
    st.one_of(_words(), _phrases()),
    lambda inner: st.one_of(
        st.lists(inner, min_size=2, max_size=3).map(lambda p: AnyOf(tuple(p))),
        st.lists(inner, min_size=2, max_size=3).map(lambda p: AllOf(tuple(p))),
        st.tuples(inner, st.lists(inner, min_size=1, max_size=2)).map(
            lambda t: Without(t[0], tuple(t[1]))
        ),
    ),
    max_leaves=6,
)


@settings(max_examples=300, deadline=None)
@given(TREES)
def test_str_parses_back_to_the_same_tree(tree: arnews.Query) -> None:
    assert parse_query(str(tree)) == tree


# -- evaluation ------------------------------------------------------------------------


def spans(hits: arnews.Hits) -> list[tuple[str, str, int, int, int]]:
    return [(h.article_id, h.field, h.index, h.start, h.end) for h in hits]


def test_plain_queries_give_the_hits_of_0_1() -> None:
    # "موسكو وبغداد" is a phrase, as before: its two hits in 000.
    assert [(h.article_id[:3], h.field, h.text) for h in CORPUS.search("موسكو وبغداد")] == [
        ("000", "title", "موسكو وبغداد"),
        ("000", "paragraph", "موسكو وبغداد"),
    ]


def test_or_is_the_union_in_corpus_order() -> None:
    union = CORPUS.search("لافروف OR بوتين")
    assert spans(union) == sorted(
        set(spans(CORPUS.search("لافروف")) + spans(CORPUS.search("بوتين"))),
        key=lambda s: (
            CORPUS.ids.index(s[0]),
            ("title", "paragraph", "caption").index(s[1]),
            *s[2:],
        ),
    )
    # A span found by two branches is there once.
    assert CORPUS.search("لافروف OR لافروف") == CORPUS.search("لافروف")


def test_and_keeps_the_articles_with_both() -> None:
    corpus = Corpus(
        [
            make_article("لافروف وكيري.", id="both"),
            make_article("لافروف وحده.", id="one"),
            make_article("كيري وحده.", id="other"),
        ]
    )
    hits = corpus.search("لافروف AND كيري")
    assert [(h.article_id, h.text) for h in hits] == [("both", "لافروف"), ("both", "وكيري")]
    assert corpus.matching("لافروف AND كيري").ids == ("both",)


def test_exclusion_works_per_article_and_in_the_fields_searched() -> None:
    corpus = Corpus(
        [
            make_article("لافروف في بغداد.", id="a", title="كيري"),
            make_article("لافروف في موسكو.", id="b"),
        ]
    )
    assert corpus.matching("لافروف -كيري").ids == ("b",)
    # With fields="paragraph", a's كيري (in its title) is not looked at.
    assert corpus.matching("لافروف -كيري", fields="paragraph").ids == ("a", "b")
    assert corpus.matching("لافروف -(كيري OR موسكو)").ids == ()


def test_prefixes_see_through_proclitics() -> None:
    corpus = corpus_of("قالت الحكومة إن حكومته والحكوميين وافقوا على الحكم.")
    assert [h.text for h in corpus.search("حكوم*")] == ["الحكومة", "حكومته", "والحكوميين"]
    assert [h.text for h in corpus.search("قالت الحكوم*")] == ["قالت الحكومة"]


def test_q_objects_and_strings_agree() -> None:
    q = Q.any_of("سيرغي لافروف", "بوتين") - Q("كيري")
    assert CORPUS.search(q) == CORPUS.search(str(q))
    assert CORPUS.concordance(q) == CORPUS.concordance(str(q))
    assert CORPUS.matching(q) == CORPUS.matching(str(q))


QUERIES = st.sampled_from(
    [
        "لافروف",
        "بغداد",
        "موسكو وبغداد",
        "حكوم*",
        "لافروف OR كيري",
        "بغداد -روسيا",
        "روسيا AND بغداد",
        "(لافروف OR بوتين) -كيري",
        "Putin OR أوباما",
    ]
)
FIELDS = st.sampled_from(
    [("title",), ("paragraph",), ("caption",), ("title", "paragraph", "caption")]
)


@settings(deadline=None)
@given(QUERIES, FIELDS)
def test_matching_is_the_articles_of_search(query: str, fields: tuple[str, ...]) -> None:
    expected = tuple(dict.fromkeys(h.article_id for h in CORPUS.search(query, fields=fields)))
    got = CORPUS.matching(query, fields=fields)
    assert isinstance(got, Corpus)
    assert got.ids == tuple(i for i in CORPUS.ids if i in expected)


def test_matching_agrees_with_search_where_a_substring_test_does_not() -> None:
    corpus = Corpus(
        [
            make_article("ذهب الوزير إلى بغداد.", id="hamza"),
            make_article("ذهب الوزير الى بغداد.", id="plain"),
            make_article("قال البغدادي.", id="longer"),
        ]
    )
    # A raw substring test misses the spelling without hamza and finds the longer word.
    assert corpus.filter(where=lambda a: "إلى" in a.text).ids == ("hamza",)
    assert corpus.filter(where=lambda a: "بغداد" in a.text).ids == ("hamza", "plain", "longer")
    assert corpus.matching("إلى").ids == ("hamza", "plain")
    assert corpus.matching("بغداد").ids == ("hamza", "plain")


@pytest.mark.parametrize("query", ["-'", "بغداد -«»", "-؟"])
def test_a_dash_before_punctuation_only_excludes_nothing(query: str) -> None:
    with pytest.raises(arnews.QuerySyntaxError, match=r"'-' at character \d+ excludes nothing"):
        arnews.load().search(query)
