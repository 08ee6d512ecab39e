"""Tests for arnews._fastpath: the fast presets equal the step-by-step reference exactly."""

from __future__ import annotations

import codecs
import random
from collections.abc import Callable, Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import arnews.normalize as nz
import arnews.normalize._fastpath as fastpath
from arnews import _resources
from arnews.normalize import CLEAN, SEARCH, Normalizer, _bytemaps
from arnews.normalize._align import Alignment


def _plan(preset: Normalizer) -> fastpath._Plan:
    plan = fastpath.plan_for(preset)
    assert plan is not None
    return plan


SEARCH_PLAN, CLEAN_PLAN = _plan(SEARCH), _plan(CLEAN)
PRESETS: list[tuple[Normalizer, Callable[[str], str], Callable[[str], Alignment]]] = [
    (SEARCH, SEARCH_PLAN.run, SEARCH_PLAN.align),
    (CLEAN, CLEAN_PLAN.run, CLEAN_PLAN.align),
]
preset_ids = ["SEARCH", "CLEAN"]

# -- strategies: text biased to Arabic and to the characters with special rules ----------------


def _block(lo: int, hi: int) -> st.SearchStrategy[str]:
    return st.characters(min_codepoint=lo, max_codepoint=hi, categories=None)


SPECIAL = (
    " \u00a0\t\n\r\x0b\x0c\x1c\x85\u2009\u2028\u3000"  # spaces and line breaks
    "\u200c\u200d\u200b\u200e\u200f\u061c\u2066\ufeff\u00ad"  # ZWNJ, ZWJ, other invisibles
    "\u0640"  # TATWEEL
    "\u064b\u064e\u0651\u0652\u0653\u0654\u0655\u0670"  # tanween, fatha, shadda, sukun, madda,
    # hamza above/below, superscript alef
    "\u066b\u066c\u066a"  # ARABIC DECIMAL SEPARATOR, THOUSANDS SEPARATOR, PERCENT SIGN
    "\u0627\u0648\u064a\u0649\u06cc\u0647\u06d2\u06c1"  # hamza carriers: ا و ي ى ی ه ے ہ
    "\u0661\u0662\u06f3\u0033"  # digits: ١ ٢ ۳ 3
    "\u067e\u06af\u06a9"  # Persian letters پ گ ک
    "\ufef7\ufdfa\ufe70\ufe8d"  # presentation forms: ﻷ ﷺ ﹰ ﺍ
    "abz09.,؟،«»\u201c"
)
CHAR = st.one_of(
    st.sampled_from(SPECIAL),
    _block(0x0600, 0x06FF),
    _block(0x0750, 0x077F),
    _block(0x08A0, 0x08FF),
    _block(0xFB50, 0xFDFF),
    _block(0xFE70, 0xFEFF),
    st.characters(codec="ascii"),
    _block(0xD800, 0xDFFF),  # lone surrogates
    st.characters(),
)
TEXT = st.text(CHAR, max_size=40)
# Mostly characters of the code page, so that the fast path itself (not its fallback)
# runs: Arabic letters, harakat, tatweel and spaces.
COMMON = st.text(
    st.one_of(
        _block(0x0621, 0x0652),
        st.sampled_from(" \u00a0\n\r\t\u0640\u064e\u0650\u0651\u060c.1\u0661"),
    ),
    max_size=40,
)


def _seeds() -> list[str]:
    return [_resources.read_text(name) for name in _resources.seed_names()]


def _with_harakat(text: str, seed: int) -> str:
    """Put a haraka (U+064B-U+0652) after about half of the Arabic letters."""
    rng = random.Random(seed)
    out = []
    for ch in text:
        out.append(ch)
        if "\u0621" <= ch <= "\u064a" and ch != "\u0640" and rng.random() < 0.5:
            out.append(chr(rng.randint(0x064B, 0x0652)))
    return "".join(out)


def _spans(size: int) -> Iterator[tuple[int, int]]:
    for start in range(size + 1):
        for end in range(start, size + 1):
            yield start, end


def assert_same_alignment(fast: Alignment, ref: Alignment) -> None:
    """Same texts and the same answers for every span, both ways."""
    assert fast.original == ref.original
    assert fast.text == ref.text
    for start, end in _spans(len(ref.text)):
        assert fast.to_original(start, end) == ref.to_original(start, end), (start, end)
    for start, end in _spans(len(ref.original)):
        assert fast.to_normalized(start, end) == ref.to_normalized(start, end), (start, end)


# -- the fast path is installed and wired -----------------------------------------------------


def test_fast_path_is_active_and_wired() -> None:
    # a text whose result the fast path computes differently from the reference steps
    text = "إِلى  المَدْرَسَةِ ١٢٣\u200f"
    assert SEARCH(text) == SEARCH_PLAN.run(text) == "الي المدرسه 123"
    assert CLEAN(text) == CLEAN_PLAN.run(text) == "إِلى المَدْرَسَةِ ١٢٣"
    assert SEARCH._run is SEARCH_PLAN.run
    assert CLEAN._run is CLEAN_PLAN.run


def test_seed_characters_are_all_in_the_code_page() -> None:
    # Otherwise the benchmark corpora would measure the fallback, not the fast path.
    for plan in (SEARCH_PLAN, CLEAN_PLAN):
        for text in _seeds():
            for ch in set(text):
                assert ch in plan.decoding.rstrip("\ufffe"), hex(ord(ch))


# -- text: fast == reference --------------------------------------------------------------------


@pytest.mark.parametrize(("preset", "fast", "fast_align"), PRESETS, ids=preset_ids)
@given(text=TEXT)
@settings(deadline=None)
def test_fast_equals_reference_on_any_text(
    preset: Normalizer,
    fast: Callable[[str], str],
    fast_align: Callable[[str], Alignment],
    text: str,
) -> None:
    assert fast(text) == preset.reference(text)


@pytest.mark.parametrize(("preset", "fast", "fast_align"), PRESETS, ids=preset_ids)
@given(text=COMMON)
@settings(deadline=None)
def test_fast_equals_reference_on_common_text(
    preset: Normalizer,
    fast: Callable[[str], str],
    fast_align: Callable[[str], Alignment],
    text: str,
) -> None:
    assert fast(text) == preset.reference(text)


@pytest.mark.parametrize(("preset", "fast", "fast_align"), PRESETS, ids=preset_ids)
@given(words=st.lists(st.one_of(COMMON, TEXT), max_size=40))
@settings(deadline=None, max_examples=30)
def test_fast_equals_reference_on_long_text_with_rare_words(
    preset: Normalizer,
    fast: Callable[[str], str],
    fast_align: Callable[[str], Alignment],
    words: list[str],
) -> None:
    # long enough for the word-by-word fallback (not the whole-text one) to run
    text = " ".join(words) * 3
    assert fast(text) == preset.reference(text)


@pytest.mark.parametrize(("preset", "fast", "fast_align"), PRESETS, ids=preset_ids)
@given(words=st.lists(COMMON, min_size=30, max_size=80))
@settings(deadline=None, max_examples=50)
def test_fast_equals_reference_on_long_common_text(
    preset: Normalizer,
    fast: Callable[[str], str],
    fast_align: Callable[[str], Alignment],
    words: list[str],
) -> None:
    # over 1024 bytes: whitespace is collapsed without the short-text pre-check
    text = " ".join(words)
    assert fast(text) == preset.reference(text)


@pytest.mark.parametrize(("preset", "fast", "fast_align"), PRESETS, ids=preset_ids)
def test_fast_equals_reference_on_the_seeds(
    preset: Normalizer,
    fast: Callable[[str], str],
    fast_align: Callable[[str], Alignment],
) -> None:
    seeds = _seeds()
    for i, text in enumerate(seeds):
        assert fast(text) == preset.reference(text)
        vowelled = _with_harakat(text, i)
        assert fast(vowelled) == preset.reference(vowelled)
    joined = "\n\n".join(seeds)
    assert fast(joined) == preset.reference(joined)


@pytest.mark.parametrize(
    ("text", "search", "clean"),
    [
        ("", "", ""),
        ("   \n ", "", ""),
        ("ا\u0654مل", "امل", "ا\u0654مل"),  # hamza composed, then alef folded (SEARCH)
        ("١٬٠٠٠٫٥ و٫", "1,000.5 و٫", "١٬٠٠٠٫٥ و٫"),  # separators only between digits
        ("می\u200cخواهم", "ميخواهم", "می\u200cخواهم"),  # ZWNJ kept in Persian words by CLEAN
        ("ﷺ  ﻷ", "صلي الله عليه وسلم لا", "صلى الله عليه وسلم لأ"),  # expansions
        ("a \u00a0 b\r\n c\t", "a b\r\nc", "a b\r\nc"),  # whitespace runs
    ],
)
def test_known_cases(text: str, search: str, clean: str) -> None:
    # expectations written from the rules, not from the code
    assert SEARCH_PLAN.run(text) == search
    assert CLEAN_PLAN.run(text) == clean


# -- alignments ---------------------------------------------------------------------------------


@pytest.fixture(params=[0, 10**9], ids=["sparse", "dense"])
def segment_builder(request: pytest.FixtureRequest) -> Iterator[None]:
    """Force the segment builder for few (sparse) or many (dense) deletions."""
    saved = _bytemaps.DENSE
    _bytemaps.DENSE = request.param
    yield
    _bytemaps.DENSE = saved


@pytest.mark.parametrize(("preset", "fast", "fast_align"), PRESETS, ids=preset_ids)
@pytest.mark.parametrize("dense", [0, 10**9], ids=["sparse", "dense"])
@given(text=st.one_of(COMMON, TEXT))
@settings(deadline=None)
def test_alignment_equals_reference(
    preset: Normalizer,
    fast: Callable[[str], str],
    fast_align: Callable[[str], Alignment],
    dense: int,
    text: str,
) -> None:
    saved = _bytemaps.DENSE
    _bytemaps.DENSE = dense
    try:
        assert_same_alignment(fast_align(text), preset.reference.align(text))
    finally:
        _bytemaps.DENSE = saved


@pytest.mark.parametrize(("preset", "fast", "fast_align"), PRESETS, ids=preset_ids)
@pytest.mark.usefixtures("segment_builder")
def test_alignment_equals_reference_on_a_vowelled_seed(
    preset: Normalizer,
    fast: Callable[[str], str],
    fast_align: Callable[[str], Alignment],
) -> None:
    # Long enough (> 4096 output characters) for many DeltaBreaks checkpoints.
    text = _with_harakat(_seeds()[2], 7)
    fast_a, ref_a = fast_align(text), preset.reference.align(text)
    assert fast_a.text == ref_a.text
    assert len(ref_a.text) > 4096
    rng = random.Random(3)
    for _ in range(3000):
        start = rng.randrange(len(ref_a.text) + 1)
        end = min(len(ref_a.text), start + rng.randrange(12))
        assert fast_a.to_original(start, end) == ref_a.to_original(start, end)
        start = rng.randrange(len(text) + 1)
        end = min(len(text), start + rng.randrange(12))
        assert fast_a.to_normalized(start, end) == ref_a.to_normalized(start, end)


# -- helpers ------------------------------------------------------------------------------------


def test_rare_characters_keep_one_byte_each() -> None:
    # U+1F600 (outside the BMP), a lone surrogate and U+FFFF: one "?" each with the built-in
    # "replace" handler, so byte offsets stay character offsets for alignments
    data = codecs.charmap_encode("a\U0001f600\ud800\uffffb", "replace", SEARCH_PLAN.encoding)[0]
    assert data == b"a???b"


def test_probing_finds_a_context_rule_it_was_not_told_about() -> None:
    # normalize_persian_letters spells ی as ي inside a word and ى at its end: a context
    # rule the code page's explicit list does not name; the probes must find it.
    pipeline = Normalizer((nz.normalize_persian_letters, nz.normalize_whitespace))
    plan = fastpath._Plan(pipeline)
    assert "\u06cc" not in plan.decoding  # FARSI YEH: through the reference
    assert "\u06a9" in plan.decoding  # KEHEH -> KAF everywhere: through the table
    run = plan.runner()
    for text in ("علی کتابی علیه", "کی\nی ی", "یی  ک"):
        assert run(text) == pipeline.reference(text)


def test_plan_refuses_a_pipeline_not_ending_with_whitespace() -> None:
    with pytest.raises(ValueError, match="normalize_whitespace"):
        fastpath._Plan(Normalizer((nz.strip_tatweel,)))


@given(text=st.text(st.sampled_from(" \n\rab"), max_size=60))
def test_whitespace_collapsing_matches_the_whitespace_step(text: str) -> None:
    core = text.strip(" \n\r")  # the fast path strips the ends first
    expected = nz.normalize_whitespace(core)
    assert _bytemaps.collapse_text(core) == expected
    data = core.encode("ascii")
    assert _bytemaps.collapsed(data, _bytemaps.space_runs(data, b" \n\r")) == expected.encode()


def test_type_error_from_the_fast_function_names_the_preset() -> None:
    with pytest.raises(TypeError, match=r"^Normalizer 'CLEAN'\(\) expects str, got bytes; decode"):
        CLEAN_PLAN.run(b"abc")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="got NoneType"):
        SEARCH_PLAN.run(None)  # type: ignore[arg-type]


# -- text rich in rare and invisible characters -------------------------------------------------

# What real news from other outlets holds and the seeds do not (see benchmarks/realistic.py),
# plus the characters whose treatment depends on their neighbours.
RARE_CHARS = (
    "\ufedf\ufe8e\ufe94\ufee3\ufef7\ufdfa\ufe70"  # presentation forms ﻟ ﺎ ﺔ ﻣ ﻷ ﷺ ﹰ
    "\u06a8\u06a4\u0672\u06be\u06c1\u06d2\u06ba"  # ڨ ڤ ٲ ھ ہ ے ں
    "éèàçÉ°®″⬛€\U0001f600\U0001f44d"  # Latin with accents, symbols, emoji
    "жЖя"  # Cyrillic
    "\u3000\u2003\u2028\u0085"  # IDEOGRAPHIC SPACE, EM SPACE, LINE SEPARATOR, NEL
    "\u0653\u0654\u0655\u066b\u066c\u200c"  # madda, hamza above/below, ٫ ٬, ZWNJ
    "\u08f0\u0301&#;"  # an Arabic Extended-A mark, COMBINING ACUTE ACCENT, and &#;
)
INVISIBLES = "\u200e\u200f\u202c\u200b\ufeff\u00ad"  # LRM RLM PDF ZWSP BOM SOFT HYPHEN
RICH_CHAR = st.one_of(
    _block(0x0621, 0x064A),
    st.sampled_from("  \n\u00a0\u0640\u064e\u0651.1\u0661x"),
    st.sampled_from(RARE_CHARS),
    st.sampled_from(INVISIBLES),
)
RICH_WORD = st.text(RICH_CHAR, min_size=1, max_size=8)
PLAIN_WORD = st.text(_block(0x0621, 0x064A), min_size=1, max_size=8)


@st.composite
def rich_texts(draw: st.DrawFn, words: int) -> str:
    """Mostly plain Arabic words separated by single spaces, with rich words among them."""
    out = draw(st.lists(st.one_of(PLAIN_WORD, PLAIN_WORD, PLAIN_WORD, RICH_WORD), max_size=words))
    return " ".join(out)


@pytest.mark.parametrize(("preset", "fast", "fast_align"), PRESETS, ids=preset_ids)
@given(text=rich_texts(words=30))
@settings(deadline=None, max_examples=150)
def test_fast_equals_reference_on_text_rich_in_rare_and_invisible_characters(
    preset: Normalizer,
    fast: Callable[[str], str],
    fast_align: Callable[[str], Alignment],
    text: str,
) -> None:
    assert fast(text) == preset.reference(text)
    assert_same_alignment(fast_align(text), preset.reference.align(text))


@pytest.mark.parametrize(("preset", "fast", "fast_align"), PRESETS, ids=preset_ids)
@given(text=rich_texts(words=400))
@settings(deadline=None, max_examples=25)
def test_fast_equals_reference_on_long_rich_text(
    preset: Normalizer,
    fast: Callable[[str], str],
    fast_align: Callable[[str], Alignment],
    text: str,
) -> None:
    # long enough for the pieces of hard words to be merged or kept apart (_GAP)
    assert fast(text) == preset.reference(text)
    fast_a, ref_a = fast_align(text), preset.reference.align(text)
    assert fast_a.text == ref_a.text
    rng = random.Random(len(text))
    for _ in range(300):
        start = rng.randrange(len(ref_a.text) + 1)
        end = min(len(ref_a.text), start + rng.randrange(30))
        assert fast_a.to_original(start, end) == ref_a.to_original(start, end)
        start = rng.randrange(len(text) + 1)
        end = min(len(text), start + rng.randrange(30))
        assert fast_a.to_normalized(start, end) == ref_a.to_normalized(start, end)


@pytest.mark.parametrize(("preset", "fast", "fast_align"), PRESETS, ids=preset_ids)
@pytest.mark.parametrize(
    "rare",
    ["é", "\ufedf", "\ufdfa", "\U0001f600", "\u200c", "\u0654", "&#1;", "\u2028", "\u200f"],
    ids=["accent", "form", "ligature", "emoji", "zwnj", "hamza", "charref", "ls", "rlm"],
)
def test_each_route_on_a_long_text_with_a_few_rare_characters(
    preset: Normalizer,
    fast: Callable[[str], str],
    fast_align: Callable[[str], Alignment],
    rare: str,
) -> None:
    # a 40,000-character text with the character in 20 words: the per-character route for
    # context-free characters, the word pieces for the others; alignments splice pieces
    words = _seeds()[1].split()
    for i in range(0, len(words), max(1, len(words) // 20)):
        words[i] = words[i][:2] + rare + words[i][2:]
    text = " ".join(words)
    assert fast(text) == preset.reference(text)
    fast_a, ref_a = fast_align(text), preset.reference.align(text)
    assert fast_a.text == ref_a.text
    for i in range(0, len(text), 97):
        assert fast_a.to_normalized(i, i + 3) == ref_a.to_normalized(i, i + 3)
        j = min(i, len(ref_a.text))
        assert fast_a.to_original(j, min(j + 3, len(ref_a.text))) == ref_a.to_original(
            j, min(j + 3, len(ref_a.text))
        )


def test_rare_characters_are_learnt_once_with_their_context_rule() -> None:
    SEARCH_PLAN.run("\u0628\u00e9\u0628 \ufedf\u200c")
    assert SEARCH_PLAN.learnt[str(ord("é"))] == "é"  # same everywhere: kept as it is
    assert SEARCH_PLAN.learnt[str(ord("\ufedf"))] == "\u0644"  # a form stands for its letter
    assert str(ord("\u200c")) not in SEARCH_PLAN.learnt or (
        SEARCH_PLAN.learnt[str(ord("\u200c"))] is None
    )


def test_no_codec_error_handler_is_registered() -> None:
    SEARCH("é \u0654")
    for name in ("arnews.fastpath.rare", "arnews.fastpath.signal"):
        with pytest.raises(LookupError):
            codecs.lookup_error(name)


# -- any process: fork, spawn and forkserver ------------------------------------------------------

PROCESS_TEXTS = ["إِلى  المَدْرَسَةِ ١٢٣\u200f", "café ﻷن ـــ  النص \U0001f600", "می\u200cخواهم ١٫٥"]
# Run in the worker (eval is picklable by name, unlike a function of this test module): the
# fast path is in use there, and its rare-character route works.
IN_WORKER = (
    "(lambda nz, fp: (fp.plan_for(nz.SEARCH) is not None, nz.SEARCH('é \u0654ا'),"
    " nz.SEARCH._run is fp.plan_for(nz.SEARCH).run))"
    "(__import__('arnews.normalize', fromlist=['SEARCH']),"
    " __import__('arnews.normalize._fastpath', fromlist=['plan_for']))"
)


@pytest.mark.parametrize("method", ["fork", "spawn", "forkserver"])
@pytest.mark.parametrize("api", ["multiprocessing", "concurrent.futures"])
def test_presets_run_their_fast_path_in_worker_processes(method: str, api: str) -> None:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if method not in multiprocessing.get_all_start_methods():
        pytest.fail(f"start method {method} is missing on this platform")
    texts = PROCESS_TEXTS
    search, clean = [SEARCH.reference(t) for t in texts], [CLEAN.reference(t) for t in texts]
    spans = [SEARCH.reference.align(t).to_original(0, 3) for t in texts]
    context = multiprocessing.get_context(method)
    if api == "multiprocessing":
        with context.Pool(1) as pool:
            assert pool.map(SEARCH, texts) == search
            assert pool.map(CLEAN, texts) == clean
            aligned = pool.map(SEARCH.align, texts)
            state = pool.apply(eval, (IN_WORKER,))
    else:
        with ProcessPoolExecutor(max_workers=1, mp_context=context) as executor:
            assert list(executor.map(SEARCH, texts)) == search
            assert list(executor.map(CLEAN, texts)) == clean
            aligned = list(executor.map(SEARCH.align, texts))
            state = executor.submit(eval, IN_WORKER).result()
    assert [a.text for a in aligned] == search
    assert [a.to_original(0, 3) for a in aligned] == spans
    assert state == (True, SEARCH.reference("é \u0654ا"), True)


@given(text=st.text(st.sampled_from(" \n\r\u2028ab"), max_size=80))
def test_collapsing_by_replacement_matches_the_whitespace_step(text: str) -> None:
    core = text.strip()
    assert _bytemaps._collapse_by_replace(core, " \n\r\u2028") == nz.normalize_whitespace(core)


# -- text whose deletions make "&#" of its own --------------------------------------------------

# "&", "#", digits and ";" with deletable characters between them (a haraka, tatweel, RLM) and a
# rare character after: once the marks are gone the text spells a character reference, which the
# rare-character route must not mistake for one of its own.
_DELETABLE = st.sampled_from(["", "", "\u064e", "\u0640", "\u200f"])


@st.composite
def _spelt_reference(draw: st.DrawFn) -> str:
    """ "&", "#", digits (or not) and ";" (or not), with deletable characters between."""
    pieces = ["&", "#", draw(st.sampled_from(["233", "1575", "x", "", "65"])), ";"]
    if draw(st.booleans()):
        pieces.pop()
    return "".join(p + draw(_DELETABLE) for p in pieces)


CHARREF_PIECES = st.one_of(
    _spelt_reference(), st.sampled_from(["&", "#", "2", ";", "x", "\u064e", "\u200f", "é", " "])
)


@pytest.mark.parametrize(("preset", "fast", "fast_align"), PRESETS, ids=preset_ids)
@pytest.mark.parametrize(
    "text",
    [
        "&\u064e#233;é",  # reads "&#233;" once the fatha is gone: still three characters
        "a&\u200f#x;é b",  # "&#x;" once the RLM is gone: not a number
        "&\u0640#1575;é",  # tatweel between: "&#1575;" is not alef
        "x&\u064e#233é",  # no ";" after the digits
    ],
)
def test_text_that_spells_a_character_reference_once_marks_are_deleted(
    preset: Normalizer,
    fast: Callable[[str], str],
    fast_align: Callable[[str], Alignment],
    text: str,
) -> None:
    out = fast(text)
    assert out == preset.reference(text)
    assert "é" in out  # written from the rule: é is kept, and nothing turns into it
    assert out.count("é") == text.count("é")
    assert_same_alignment(fast_align(text), preset.reference.align(text))


@pytest.mark.parametrize(("preset", "fast", "fast_align"), PRESETS, ids=preset_ids)
@given(text=st.lists(CHARREF_PIECES, max_size=12).map("".join))
@settings(deadline=None, max_examples=300)
def test_fast_equals_reference_on_text_made_of_character_reference_pieces(
    preset: Normalizer,
    fast: Callable[[str], str],
    fast_align: Callable[[str], Alignment],
    text: str,
) -> None:
    assert fast(text) == preset.reference(text)
    assert_same_alignment(fast_align(text), preset.reference.align(text))
