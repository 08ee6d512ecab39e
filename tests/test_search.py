from __future__ import annotations

import pickle
import unittest.mock

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import arnews
from arnews import Caption, Concordance, ConcordanceLine, Corpus, Hit, Hits, _search
from arnews._model import field_text as hit_field
from arnews._modes import MODES, term_match
from arnews._search import search
from arnews._tokenize import WORD_RE, tokenize
from arnews.normalize import SEARCH
from helpers import corpus_of, make_article

CORPUS = arnews.load()
A000 = "000_e0e2311573730f34"
A001 = "001_4f119960287c4d94"
A002 = "002_c10afc3176e03f42"
A003 = "003_525ecddc6b3f777e"


def field_text(corpus: Corpus, hit: Hit) -> str:
    return hit_field(corpus.article(hit.article_id), hit.field, hit.index)


# -- the seeds: behaviour the issue names ---------------------------------------------


def test_baghdad_finds_prefixed_forms_in_the_seeds() -> None:
    hits = CORPUS.search("بغداد")
    texts = {(h.article_id, h.field, h.text) for h in hits}
    # 002's title: "تعاون عسكري روسي إيراني سوري عراقي ببغداد"
    assert (A002, "title", "ببغداد") in texts
    # 000's title and body: "موسكو وبغداد"
    assert (A000, "title", "وبغداد") in texts
    assert (A000, "paragraph", "وبغداد") in texts
    # ... and بغداد does not lose itself.
    assert (A000, "paragraph", "بغداد") in texts


def test_baghdad_hits_in_the_002_title_exactly() -> None:
    title_hits = [h for h in CORPUS.search("بغداد") if h.article_id == A002 and h.field == "title"]
    title = CORPUS.get(A002).title  # type: ignore[union-attr]
    assert title.endswith("ببغداد")
    assert [(h.start, h.end, h.stem_start, h.stem_end) for h in title_hits] == [
        (len(title) - 6, len(title), len(title) - 5, len(title))
    ]


def test_terrorism_finds_hamza_spellings_and_lam_lam() -> None:
    texts = {h.text for h in CORPUS.search("الارهابيين")}
    # 000 writes الإرهابيين; 001 writes الارهابيين and للارهابيين.
    assert {"الإرهابيين", "الارهابيين", "للارهابيين"} <= texts
    texts = {h.text for h in CORPUS.search("الإرهاب")}
    assert {"الإرهاب", "الارهاب"} <= texts
    assert "الإرهابيين" not in texts  # a plural is another word


def test_lam_lam_absorbs_the_article() -> None:
    corpus = corpus_of("الحرب على الإرهاب وللإرهاب ثمن، ولا تحالف للإرهاب.")
    hits = corpus.search("الارهاب")
    assert [h.text for h in hits] == ["الإرهاب", "وللإرهاب", "للإرهاب"]
    wal = hits[1]
    # stem of وللإرهاب: the word after و + لل, i.e. إرهاب
    assert corpus[0].paragraphs[0][wal.stem_start : wal.stem_end] == "إرهاب"
    assert [h.text for h in corpus_of("في الموصل وبالموصل وللموصل").search("الموصل")] == [
        "الموصل",
        "وبالموصل",
        "وللموصل",
    ]


def test_the_article_absorbed_by_lam_in_the_seeds() -> None:
    # 002 writes "للجيش" (ل + الجيش) and "للجزيرة"; 000 writes "للأسلحة".
    assert "للجيش" in {h.text for h in CORPUS.search("الجيش")}
    assert "للجزيرة" in {h.text for h in CORPUS.search("الجزيرة")}
    assert "للأسلحة" in {h.text for h in CORPUS.search("الاسلحة")}
    # without hamza in the query, the hamza spelling of the seeds is found
    assert {"الإرهاب", "الارهاب"} <= {h.text for h in CORPUS.search("الارهاب")}


def test_a_stem_is_never_shorter_than_two_letters() -> None:
    corpus = corpus_of("بد ود لد فد كد ولد")
    assert corpus.search("د") == ()  # every word would leave the one-letter stem د
    # a two-letter stem only for the closed list of two-letter words: ولد is not و + لد
    assert [h.text for h in corpus.search("لد")] == ["لد"]
    assert [h.text for h in corpus_of("بالد لد").search("د")] == []
    assert [h.text for h in corpus_of("مع ومع معه").search("مع")] == ["مع", "ومع", "معه"]
    # the article may stand before any two-letter word
    assert [h.text for h in corpus_of("الحر حر وحر").search("حر")] == ["الحر", "حر"]


def test_hit_and_concordance_line_fields() -> None:
    # The issue names these fields, in this order.
    assert [f.name for f in attrs.fields(Hit)] == [
        "article_id",
        "field",
        "index",
        "start",
        "end",
        "stem_start",
        "stem_end",
        "text",
        "prefix",
        "stem",
        "suffix",
        "mode",
    ]
    names = [f.name for f in attrs.fields(ConcordanceLine)]
    assert names[:6] == ["left", "match", "right", "article_id", "field", "offset"]


def test_words_that_only_look_prefixed_match_themselves() -> None:
    corpus = corpus_of("ولد الطفل في بغداد وولد آخر في ولاية بعيدة، وكان بلد.")
    assert [h.text for h in corpus.search("ولد")] == ["ولد", "وولد"]
    assert [h.text for h in corpus.search("بلد")] == ["بلد"]
    assert [h.text for h in corpus.search("كان")] == ["وكان"]
    assert [h.text for h in corpus.search("آن")] == []  # كان is not ك + آن
    assert [h.text for h in corpus.search("بغداد")] == ["بغداد"]


def test_no_adjective_suffix_or_infix_matching() -> None:
    corpus = corpus_of("البغدادي وبغدادية")
    assert corpus.search("بغداد") == ()


def test_spelling_variants_and_marks_are_seen_through() -> None:
    corpus = corpus_of("أكد الرئيس إيران مُحَمَّدٌ والقاهرة ـ مصـــر.")
    assert [h.text for h in corpus.search("ايران")] == ["إيران"]
    assert [h.text for h in corpus.search("محمد")] == ["مُحَمَّدٌ"]
    assert [h.text for h in corpus.search("القاهره")] == ["والقاهرة"]
    assert [h.text for h in corpus.search("مصر")] == ["مصـــر"]
    assert [h.text for h in corpus.search("اكد")] == ["أكد"]


def test_lavrov_in_the_seeds() -> None:
    hits = CORPUS.search("لافروف")
    assert hits
    # 003 quotes Lavrov throughout; 004 mentions him once.
    assert {h.article_id for h in hits} == {A003, "004_27df001b210ff69a"}
    assert {h.field for h in hits} >= {"paragraph", "caption"}  # a caption starts "لافروف:"


def test_hit_spans_slice_the_original_field() -> None:
    for query in ("بغداد", "الموصل", "روسيا", "لافروف", "موسكو وبغداد", "تنظيم الدولة"):
        for hit in CORPUS.search(query):
            text = field_text(CORPUS, hit)
            assert text[hit.start : hit.end] == hit.text
            assert hit.start <= hit.stem_start < hit.stem_end <= hit.end
            assert hit.stem_end == hit.end


def test_stem_span_is_the_query_word() -> None:
    for hit in CORPUS.search("بغداد"):
        stem = field_text(CORPUS, hit)[hit.stem_start : hit.stem_end]
        assert stem == "بغداد"
    for hit in CORPUS.search("الموصل"):
        assert SEARCH(field_text(CORPUS, hit)[hit.stem_start : hit.stem_end]) in {"الموصل", "موصل"}


def test_stem_start_skips_marks_on_the_proclitic() -> None:
    corpus = corpus_of("وَبِـبغداد")
    (hit,) = corpus.search("بغداد")
    assert (hit.start, hit.end) == (0, 10)
    assert corpus[0].paragraphs[0][hit.stem_start :] == "بغداد"


def test_phrase_search() -> None:
    hits = CORPUS.search("موسكو وبغداد")
    assert (A000, "title", "موسكو وبغداد") in {(h.article_id, h.field, h.text) for h in hits}
    # the second word matches through its clitic too
    assert {h.text for h in CORPUS.search("موسكو بغداد")} >= {"موسكو وبغداد"}
    # a phrase is consecutive words: these two words never stand together
    assert CORPUS.search("بغداد لافروف") == ()


def test_phrase_across_punctuation_and_order() -> None:
    corpus = corpus_of("قال لافروف، بغداد مهمة. بغداد لافروف")
    hits = corpus.search("لافروف بغداد")
    assert [h.text for h in hits] == ["لافروف، بغداد"]
    assert [h.text for h in corpus.search("بغداد لافروف")] == ["بغداد لافروف"]
    assert [h.text for h in corpus.search("قال لافروف بغداد")] == ["قال لافروف، بغداد"]
    # the phrase hit's stem starts at the first word's stem
    assert [h.stem_start for h in corpus.search("لافروف بغداد")] == [4]


def test_phrase_does_not_cross_fields() -> None:
    corpus = Corpus((make_article("نهاية بغداد", "موسكو بداية", id="t"),))
    assert corpus.search("بغداد موسكو") == ()
    assert len(corpus.search("نهاية بغداد")) == 1


def test_results_are_sorted_by_article_field_position() -> None:
    a = make_article(
        "ثم بغداد وبغداد",
        "وفي بغداد",
        id="a",
        title="بغداد أولا",
        captions=(Caption("صورة من بغداد", "ar"),),
    )
    b = make_article("بغداد", id="b", title="لا شيء")
    hits = Corpus((a, b)).search("بغداد")
    assert [(h.article_id, h.field, h.index, h.text) for h in hits] == [
        ("a", "title", 0, "بغداد"),
        ("a", "paragraph", 0, "بغداد"),
        ("a", "paragraph", 0, "وبغداد"),
        ("a", "paragraph", 1, "بغداد"),
        ("a", "caption", 0, "بغداد"),
        ("b", "paragraph", 0, "بغداد"),
    ]
    assert [h.field for h in Corpus((a, b)).search("بغداد", fields=("caption", "title"))] == [
        "title",
        "caption",
    ]
    assert [h.field for h in Corpus((a, b)).search("بغداد", fields="caption")] == ["caption"]


def test_an_empty_corpus_answers_with_empty_tuples() -> None:
    empty = Corpus(())
    assert empty.search("بغداد") == ()
    assert empty.search("موسكو بغداد") == ()
    assert empty.concordance("بغداد") == ()
    assert empty.frequencies() == ()
    with pytest.raises(ValueError, match="no word"):
        empty.search("؟")  # still an error: the query is wrong whatever the corpus


def test_numbers_and_latin_are_searchable() -> None:
    corpus = corpus_of("نفذت 70% من ١٬٠٠٠ هجمة؛ قال Putin ذلك.")
    assert [h.text for h in corpus.search("70")] == ["70"]
    assert [h.text for h in corpus.search("1,000")] == ["١٬٠٠٠"]
    assert [h.text for h in corpus.search("Putin")] == ["Putin"]


# -- errors ------------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["", "   ", "،؟!", "...", "«»", "ـــ"])
def test_wordless_query_is_a_value_error(query: str) -> None:
    # The message names the problem and the fix.
    with pytest.raises(ValueError, match=r"no word in it.*give at least one word"):
        CORPUS.search(query)
    with pytest.raises(ValueError, match="no word"):
        CORPUS.concordance(query)


@pytest.mark.parametrize("query", [b"baghdad", None, 3, ["بغداد"]])
def test_non_str_query_is_a_type_error(query: object) -> None:
    with pytest.raises(TypeError, match=rf"search\(\) expects str, got {type(query).__name__}"):
        CORPUS.search(query)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=type(query).__name__):
        CORPUS.concordance(query)  # type: ignore[arg-type]


def test_bytes_query_says_how_to_decode() -> None:
    with pytest.raises(TypeError, match=r"decode it first"):
        CORPUS.search("بغداد".encode())  # type: ignore[arg-type]


def test_unknown_field_lists_the_valid_ones() -> None:
    with pytest.raises(ValueError, match="'title', 'subheading', 'paragraph', 'caption'") as info:
        CORPUS.search("بغداد", fields=("paragraphs",))
    assert "paragraphs" in str(info.value)
    with pytest.raises(ValueError, match="empty"):
        CORPUS.search("بغداد", fields=())
    with pytest.raises(TypeError):
        CORPUS.search("بغداد", fields=3)  # type: ignore[arg-type]


# -- results are records -------------------------------------------------------------------


def test_hits_are_frozen_tuples_that_pickle() -> None:
    hits = CORPUS.search("لافروف")
    assert isinstance(hits, tuple)
    assert isinstance(hits, Hits)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        hits[0].start = 0  # type: ignore[misc]
    again = pickle.loads(pickle.dumps(hits))
    assert again == hits
    assert tuple(again) == tuple(hits)
    assert "<mark>" in hits._repr_html_()


def test_slices_keep_the_result_types() -> None:
    hits = CORPUS.search("بغداد")
    part = hits[1:4]
    assert type(part) is Hits
    assert part == tuple(hits)[1:4]  # equal to the plain tuple slice
    assert part.source is CORPUS  # the same corpus, for display in context
    # 000, paragraph 5: "... عبر مركز التنسيق المشترك في بغداد توجهوا ..." — shown in context,
    # which needs the corpus.
    assert "المشترك في <mark>بغداد</mark>" in part._repr_html_()
    assert part._repr_html_().count("<tr>") == 1 + 3  # header + three hits
    assert type(hits[::-1]) is Hits
    assert isinstance(hits[0], Hit)
    assert hits[-1] == tuple(hits)[-1]
    again = pickle.loads(pickle.dumps(part))
    assert type(again) is Hits
    assert again == part
    lines = CORPUS.concordance("بغداد")
    head = lines[:2]
    assert type(head) is Concordance
    assert head == tuple(lines)[:2]
    assert head._repr_html_().count("<mark>") == 2
    assert isinstance(lines[0], ConcordanceLine)
    assert pickle.loads(pickle.dumps(head)) == head
    assert Hits.of(())[:] == ()


def test_search_function_matches_the_method() -> None:
    assert search(CORPUS.search_index, "روسيا", source=CORPUS) == CORPUS.search("روسيا")


# -- concordance ----------------------------------------------------------------------------


def test_concordance_lines_are_exact_slices() -> None:
    lines = CORPUS.concordance("بغداد", width=15)
    assert len(lines) == len(CORPUS.search("بغداد"))
    assert isinstance(lines, Concordance)
    for line, hit in zip(lines, CORPUS.search("بغداد"), strict=True):
        text = field_text(CORPUS, hit)
        assert line.match == hit.text
        assert line.offset == hit.start
        assert (line.article_id, line.field, line.index) == (hit.article_id, hit.field, hit.index)
        assert len(line.left) <= 15
        assert len(line.right) <= 15
        assert text[
            line.offset - len(line.left) : line.offset + len(line.match) + len(line.right)
        ] == (line.left + line.match + line.right)


def test_concordance_on_a_known_line() -> None:
    corpus = corpus_of("قال الوزير إن موسكو وبغداد تتعاونان الآن.")
    # Context is cut at word boundaries: a word that does not fit whole is left out.
    (line,) = corpus.concordance("بغداد", width=10)
    assert line == ConcordanceLine("إن موسكو ", "وبغداد", " تتعاونان", "t", "paragraph", 20, 0)
    (line,) = corpus.concordance("قال", width=6)
    assert (line.left, line.right) == ("", "")
    (line,) = corpus.concordance("قال", width=7)
    assert (line.left, line.right) == ("", " الوزير")
    assert corpus.concordance("بغداد", width=0)[0].left == ""


def test_concordance_on_an_article_of_many_paragraphs() -> None:
    # One article of 3,000 paragraphs, each with a hit: every line is cut from its own
    # paragraph (the index keeps each field's string; nothing is fetched per hit).
    paragraphs = tuple(f"فقرة {i} عن بغداد" for i in range(3000))
    corpus = Corpus((make_article(*paragraphs, id="big"), make_article("وبغداد هنا", id="small")))
    lines = corpus.concordance("بغداد", width=20)
    assert len(lines) == 3001
    assert lines[2999] == ConcordanceLine(
        "فقرة 2999 عن ", "بغداد", "", "big", "paragraph", len("فقرة 2999 عن "), 2999
    )
    assert (lines[0].left, lines[0].index) == ("فقرة 0 عن ", 0)
    assert lines[-1] == ConcordanceLine("", "وبغداد", " هنا", "small", "paragraph", 0, 0)


def test_concordance_fields_like_search() -> None:
    corpus = corpus_of("وصل إلى بغداد.", title="بغداد اليوم")
    assert [line.field for line in corpus.concordance("بغداد")] == ["title", "paragraph"]
    assert [line.field for line in corpus.concordance("بغداد", fields="title")] == ["title"]
    only = corpus.concordance("بغداد", fields=("paragraph",))
    assert [(line.field, line.offset) for line in only] == [("paragraph", 8)]
    assert [
        (line.article_id, line.field, line.index, line.offset)
        for line in CORPUS.concordance("لافروف", fields=["caption"])
    ] == [
        (h.article_id, h.field, h.index, h.start)
        for h in CORPUS.search("لافروف", fields=["caption"])
    ]
    with pytest.raises(ValueError, match=r"concordance\(fields=\.\.\.\) got unknown field 'body'"):
        corpus.concordance("بغداد", fields=("body",))
    with pytest.raises(ValueError, match="empty"):
        corpus.concordance("بغداد", fields=())
    with pytest.raises(TypeError, match="field names"):
        corpus.concordance("بغداد", fields=3)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("width", "error"), [(-1, ValueError), (2.5, TypeError), (True, TypeError)]
)
def test_concordance_width_errors(width: object, error: type[Exception]) -> None:
    with pytest.raises(error, match="width"):
        CORPUS.concordance("بغداد", width=width)  # type: ignore[arg-type]


# -- properties ----------------------------------------------------------------------------

WORDS = ("بغداد", "الموصل", "الإرهاب", "ولد", "روسيا", "قال", "لافروف", "في")
PREFIXES = ("", "و", "ف", "ب", "ل", "ك", "ال", "وال", "بال", "لل", "ولل", "وب")
MARKS = ("", "\u064e", "\u0651", "\u0640")  # FATHA, SHADDA, TATWEEL


def attach(prefix: str, word: str, mark: str) -> str:
    """``prefix`` before ``word`` (``mark`` after its first letter); لل + ال is written لل."""
    if prefix.endswith("لل") and word.startswith("ال"):
        word = word[1:]  # للموصل; ل + الموصل stays the misspelling لالموصل
    return prefix + word[0] + mark + word[1:]


word_forms = st.builds(
    attach, st.sampled_from(PREFIXES), st.sampled_from(WORDS), st.sampled_from(MARKS)
)
paragraphs = st.lists(
    st.one_of(word_forms, st.sampled_from(("،", ".", "«", "»", "2015", "Putin", "ـ"))),
    min_size=1,
    max_size=12,
).map(" ".join)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(paragraphs, min_size=1, max_size=3),
    st.sampled_from((*WORDS, "بغداد روسيا", "قال لافروف")),
    st.sampled_from(MODES),
)
def test_every_hit_slices_a_matching_form_of_the_query(
    texts: list[str], query: str, mode: str
) -> None:
    corpus = Corpus((make_article(*texts, id="t"),))
    query_words = [t.text for t in tokenize(query) if t.is_word]
    for hit in corpus.search(query, mode=mode):
        text = field_text(corpus, hit)
        assert text[hit.start : hit.end] == hit.text
        hit_words = [t.text for t in tokenize(hit.text) if t.is_word]
        assert len(hit_words) == len(query_words)
        for hit_word, query_word in zip(hit_words, query_words, strict=True):
            assert term_match(hit_word, query_word, mode) is not None
        assert hit.start <= hit.stem_start < hit.stem_end <= hit.end
        assert hit.prefix + hit.stem + hit.suffix == hit.text
        assert hit.mode == mode


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(paragraphs, min_size=1, max_size=3), st.sampled_from(WORDS), st.sampled_from(MODES))
def test_search_finds_every_matching_form(texts: list[str], query: str, mode: str) -> None:
    # The other direction: every token that matches the query word is a hit.
    corpus = Corpus((make_article(*texts, id="t"),))
    expected = [
        (i, t.start)
        for i, text in enumerate(texts)
        for t in tokenize(text)
        if t.is_word and term_match(t.text, query, mode) is not None
    ]
    hits = corpus.search(query, fields=("paragraph",), mode=mode)
    assert [(h.index, h.start) for h in hits] == expected


# Arabic letters, marks, tatweel, digits, punctuation and invisible characters
# weigh as much as the rest of Unicode in these queries.
QUERY_CHARS = st.one_of(
    st.sampled_from(
        [
            *"ابتثجحخدذرزسشصضطظعغفقكلمنهويىةأإآءئؤ",
            *("\u064e", "\u0651", "\u0652", "\u0670"),  # FATHA, SHADDA, SUKUN, SUPERSCRIPT ALEF
            *("\u0640", "\u200c", "\u200f", "\ufdfa"),  # TATWEEL, ZWNJ, RLM, a ligature
            *"٠١٢٣0123٫٬.,،؛؟!«» -",
        ]
    ),
    st.characters(),
)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(paragraphs, min_size=1, max_size=3),
    st.lists(st.sampled_from(WORDS), min_size=2, max_size=3),
    st.sampled_from(MODES),
)
def test_phrase_search_finds_every_run_of_matching_words(
    texts: list[str], query_words: list[str], mode: str
) -> None:
    # Completeness and exactness for phrases, against a direct reading of the
    # tokens: consecutive word tokens that each match their query word, where a
    # detached و before any but the first word joins that word.
    corpus = Corpus((make_article(*texts, id="t"),))
    expected = []
    for i, text in enumerate(texts):
        tokens = [t for t in tokenize(text) if t.is_word]
        j = 0
        while j < len(tokens):
            run = [tokens[j]]
            ok = term_match(tokens[j].text, query_words[0], mode) is not None
            k = j + 1
            for query in query_words[1:]:
                if not ok or k >= len(tokens):
                    ok = False
                    break
                if SEARCH(tokens[k].text) == "و" and k + 1 < len(tokens):
                    joined = "و" + tokens[k + 1].text
                    ok = term_match(joined, query, mode) is not None
                    run.append(tokens[k + 1])
                    k += 2
                else:
                    ok = term_match(tokens[k].text, query, mode) is not None
                    run.append(tokens[k])
                    k += 1
            if ok:
                expected.append((i, run[0].start, run[-1].end))
            j += 1
    hits = corpus.search(" ".join(query_words), fields="paragraph", mode=mode)
    assert [(h.index, h.start, h.end) for h in hits] == expected


@settings(deadline=None)
@given(st.text(QUERY_CHARS, min_size=1, max_size=30))
def test_search_never_raises_on_a_word_bearing_query(query: str) -> None:
    if not any(t.is_word and SEARCH(t.text) for t in tokenize(query)):
        with pytest.raises(ValueError, match=r"no word|malformed query"):
            CORPUS.search(query)
        return
    try:
        hits = CORPUS.search(query)
    except arnews.QuerySyntaxError:
        return  # query syntax (a '-' excluding nothing …): a ValueError naming the position
    hits = CORPUS.search(query)
    assert all(isinstance(h, Hit) for h in hits)
    assert CORPUS.concordance(query) is not None


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(paragraphs, min_size=1, max_size=3), st.sampled_from(WORDS))
def test_hit_spans_slice_the_query_as_the_issue_states(texts: list[str], query: str) -> None:
    # A hit's stem slices the original field to the query's SEARCH form, less the
    # article where ل absorbed it (للموصل for الموصل: the stem is موصل).
    corpus = Corpus((make_article(*texts, id="t"),))
    q = SEARCH(query)
    for hit in corpus.search(query, mode="clitics"):
        text = field_text(corpus, hit)
        stem = SEARCH(text[hit.stem_start : hit.stem_end])
        assert stem == hit.stem.translate({0x640: None}) or SEARCH(hit.stem) == stem
        assert stem in (q, q.removeprefix("ال"))


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.lists(st.one_of(word_forms, st.sampled_from(("،", "2015", "ـ"))), max_size=10)),
    st.sampled_from(WORDS),
)
def test_hits_are_the_aligned_words_of_the_whole_field(words: list[list[str]], query: str) -> None:
    # One normalization path: normalizing a whole field with SEARCH.align and
    # mapping each matching normalized word back with to_original gives
    # exactly the hits' spans (clitics mode: its relation needs no original letters).
    texts = tuple(" ".join(w) for w in words) or ("",)
    corpus = Corpus((make_article(*texts, id="t"),))
    expected = []
    for i, text in enumerate(texts):
        alignment = SEARCH.align(text)
        for match in WORD_RE.finditer(alignment.text):
            original = alignment.to_original(match.start(), match.end())
            token = text[original[0] : original[1]]
            if term_match(token, query, "clitics") is not None:
                expected.append((i, *original))
    hits = corpus.search(query, fields="paragraph", mode="clitics")
    assert [(h.index, h.start, h.end) for h in hits] == expected


def test_ascii_words_match_whatever_their_case() -> None:
    corpus = corpus_of("قال Putin إن PUTIN و putin ... Émile émile")
    for query in ("putin", "Putin", "PUTIN", "pUtIn"):
        assert [h.text for h in corpus.search(query)] == ["Putin", "PUTIN", "putin"]
    # Spans are original offsets, and the original case is what a hit shows.
    hit = corpus.search("putin")[1]
    assert corpus[0].paragraphs[0][hit.start : hit.end] == "PUTIN"
    # Only ASCII is case-folded: é/É are different words to search.
    assert [h.text for h in corpus.search("émile")] == ["émile"]


# Word forms with the gaps a phrase may cross: one space, several, punctuation,
# a detached و.
gapped = st.lists(
    st.tuples(
        st.one_of(word_forms, st.sampled_from(("2015", "Putin", "ـ", "و"))),
        st.sampled_from((" ", " ", "  ", "، ", " «", "» ", ".\n", " و ")),
    ),
    min_size=1,
    max_size=12,
).map(lambda pairs: "".join(word + gap for word, gap in pairs))


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(gapped, min_size=1, max_size=3),
    st.lists(st.sampled_from(WORDS), min_size=2, max_size=3),
    st.sampled_from(MODES),
    st.data(),
)
def test_phrases_skipped_by_the_neighbour_check_are_not_phrases(
    texts: list[str], words: list[str], mode: str, data: st.DataObject
) -> None:
    # The phrase loop skips an anchor whose plain neighbour is not of its term
    # without reading the field; reading the field every time finds the same hits.
    # One paragraph holds the query's words (in some form) with gaps between.
    forms = [
        data.draw(st.builds(attach, st.sampled_from(PREFIXES), st.just(w), st.just("")))
        for w in words
    ]
    gaps = data.draw(
        st.lists(
            st.sampled_from((" ", "  ", "، ", " و ", " x ")),
            min_size=len(forms),
            max_size=len(forms),
        )
    )
    texts = [*texts, "".join(f + g for f, g in zip(forms, gaps, strict=True))]
    query = " ".join(words)
    corpus = Corpus((make_article(*texts, id="t"),))
    fast = list(corpus.search(query, mode=mode))
    with unittest.mock.patch.object(_search, "_next_start", return_value=-1):
        slow = list(Corpus((make_article(*texts, id="t"),)).search(query, mode=mode))
    assert fast == slow


@pytest.mark.parametrize("mode", MODES)
def test_a_waw_before_a_number_stays_a_word_of_its_own(mode: str) -> None:
    # A number takes no proclitic, so و before one (written apart or not) is a word:
    # the query و2016 is the phrase و + 2016, as the text's tokens are.
    corpus = corpus_of("قال إن و2015 كان صعبا و 2016 أيضا و المغامرة مستمرة")
    assert [h.text for h in corpus.search("و2015", mode=mode)] == ["و2015"]
    assert [h.text for h in corpus.search("و2016", mode=mode)] == ["و 2016"]
    assert [h.text for h in corpus.search('"و 2016"', mode=mode)] == ["و 2016"]
    assert [h.text for h in corpus.search("صعبا و 2016", mode=mode)] == ["صعبا و 2016"]
    assert [h.text for h in corpus.search("إن و2015", mode=mode)] == ["إن و2015"]
    # Before a word, a detached و is still that word's proclitic.
    assert [h.text for h in corpus.search("أيضا والمغامرة", mode=mode)] == ["أيضا و المغامرة"]


def test_the_query_language_matches_every_word_in_the_mode() -> None:
    corpus = corpus_of("حكومته قالت وبغداد هنا.")
    assert [h.text for h in corpus.search("حكومة OR بغداد")] == ["حكومته", "وبغداد"]
    assert [h.text for h in corpus.search("حكومة OR بغداد", mode="clitics")] == ["وبغداد"]
    assert [h.text for h in corpus.search("حكومة OR بغداد", mode="exact")] == []
    assert corpus.matching("حكومة -بغداد", mode="clitics").ids == ()
    with pytest.raises(ValueError, match="exact"):
        corpus.search("حكومة OR بغداد", mode="stems")


@pytest.mark.parametrize("mode", MODES)
def test_a_query_word_written_with_waw_finds_it_written_apart(mode: str) -> None:
    # The text writes the conjunction apart (و المغامرة, وَ المغامرة) as well as attached;
    # هو المغامرة holds no conjunction (its و ends هو).  Expectations from the rule.
    corpus = corpus_of("قصة و المغامرة والمغامرة وَ المغامرة هو المغامرة مستمرة")
    hits = corpus.search("والمغامرة", mode=mode)
    assert [h.text for h in hits] == ["و المغامرة", "والمغامرة", "وَ المغامرة"]
    assert [h.start for h in hits] == [4, 15, 25]
    for hit in hits:  # the query's own و is part of what it asked for: no proclitic
        assert (hit.prefix, hit.stem, hit.suffix) == ("", hit.text, "")
    # Phrases, with the و apart before their first word, and any word of theirs.
    assert [h.text for h in corpus.search('"والمغامرة مستمرة"', mode=mode)] == []
    assert [h.text for h in corpus.search('"والمغامرة هو"', mode=mode)] == ["وَ المغامرة هو"]
    assert [h.text for h in corpus.search("قصة والمغامرة", mode=mode)] == ["قصة و المغامرة"]
    # A query without the و never takes one from the text.
    assert "و المغامرة" not in {h.text for h in corpus.search("المغامرة", mode=mode)}
    assert [h.text for h in corpus.search("والمغامر*", mode=mode)] == [h.text for h in hits]


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(gapped, min_size=1, max_size=3), st.sampled_from(WORDS), st.sampled_from(MODES))
def test_the_detached_waw_filter_only_skips_what_cannot_match(
    texts: list[str], word: str, mode: str
) -> None:
    # Forms that need a و written apart keep only the postings near a detached و; letting
    # every posting through to the phrase reader, which checks the و, finds the same hits.
    query = "\u0648" + word
    fast = list(Corpus((make_article(*texts, id="t"),)).search(query, mode=mode))
    with unittest.mock.patch.object(
        _search, "_after_waw", lambda _index, _waws, postings: list(postings)
    ):
        slow = list(Corpus((make_article(*texts, id="t"),)).search(query, mode=mode))
    assert fast == slow
    assert all(h.text.startswith("\u0648") for h in fast)


def test_a_waw_written_apart_with_marks_and_several_spaces_is_still_read() -> None:
    corpus = corpus_of("قصة وَ   المغامرة، و\u00a0المغامرة")
    assert [h.text for h in corpus.search("والمغامرة")] == ["وَ   المغامرة", "و\u00a0المغامرة"]


_SPANS = st.tuples(*(st.integers(0, 40),) * 4).map(sorted)


@given(
    st.text(max_size=12),
    st.sampled_from(("title", "paragraph", "caption")),
    st.integers(0, 99),
    _SPANS,
    st.sampled_from(MODES),
)
def test_hits_made_without_checks_equal_checked_hits(
    article_id: str, field: str, index: int, spans: list[int], mode: str
) -> None:
    # search's hot loop makes its Hits by setting the slots (values it checked itself)
    start, stem_start, stem_end, end = spans
    text = "".join(chr(0x0628 + i % 20) for i in range(end - start))
    a, b = stem_start - start, stem_end - start
    values = (article_id, field, index, start, end, stem_start, stem_end, text)
    made = _search.make_hit(*values, text[:a], text[a:b], text[b:], mode)
    checked = Hit(
        article_id=article_id,
        field=field,
        index=index,
        start=start,
        end=end,
        stem_start=stem_start,
        stem_end=stem_end,
        text=text,
        mode=mode,
    )
    assert made == checked
    assert hash(made) == hash(checked)
    assert repr(made) == repr(checked)
    assert attrs.asdict(made) == attrs.asdict(checked)
    assert pickle.loads(pickle.dumps(made)) == checked
    assert attrs.evolve(made, index=index + 1) == attrs.evolve(checked, index=index + 1)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        made.start = 0  # type: ignore[misc]


def test_a_bad_value_from_an_index_is_refused_by_name_not_made_into_a_hit() -> None:
    from arnews._index import MemoryIndex

    index = MemoryIndex(corpus_of("قال بغداد هنا").articles)
    index.ids = (7,)  # type: ignore[misc, assignment]  # an id that is not a str (a damaged index, say)
    with pytest.raises(TypeError, match=r"Hit\.article_id must be str, got int"):
        _search.find(index, ("بغداد",))


def test_an_id_that_hit_accepts_but_the_fast_check_does_not_still_makes_a_hit() -> None:
    from arnews._index import MemoryIndex

    class Name(str):
        __slots__ = ()

    index = MemoryIndex(corpus_of("قال بغداد هنا").articles)
    index.ids = (Name("t"),)  # type: ignore[misc]
    assert [(h.article_id, h.text) for h in _search.find(index, ("بغداد",))] == [("t", "بغداد")]
