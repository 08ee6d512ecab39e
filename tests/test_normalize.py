"""Tests for arnews.normalize: every operation, the pipelines, and the presets."""

from __future__ import annotations

import functools
import multiprocessing
import pickle
import string
import sys
import unicodedata
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import arnews.normalize as nz
from arnews.normalize import CLEAN, SEARCH, Alignment, Normalizer, Step
from arnews.normalize import _tables as chars
from helpers import normalize_operations

OPERATIONS = normalize_operations()
op_ids = [f.__name__ for f in OPERATIONS]

# Every assigned code point (as this Python's unicodedata knows them) except NUL (the
# separator), plus every code point of the Arabic blocks whether assigned or not; private
# use and unassigned code points elsewhere are left out to keep the suite fast.  Each is
# put between two "x" so that no two interact (no composition, no digit context).
ARABIC_BLOCKS = [(0x0600, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF), (0x10EC0, 0x10EFF)]
EVERY = [
    chr(c)
    for c in range(1, sys.maxunicode + 1)
    if unicodedata.category(chr(c)) not in ("Cn", "Co", "Cs")
    or any(lo <= c <= hi for lo, hi in ARABIC_BLOCKS)
]


def name(ch: str) -> str:
    return unicodedata.name(ch, "")


PIECES = [f"x{c}x" for c in EVERY]
JOINED = "\x00".join(PIECES)


def changed(op: Callable[[str], str]) -> dict[str, str]:
    """Apply op to 'x<ch>x' for every ch at once; return the ch that changed -> new text."""
    result = op(JOINED).split("\x00")
    assert len(result) == len(PIECES)
    out = {}
    for i in [i for i, (new, old) in enumerate(zip(result, PIECES, strict=True)) if new != old]:
        piece = result[i]
        assert piece.startswith("x")
        assert piece.endswith("x")
        out[EVERY[i]] = piece[1:-1]
    return out


# ------------------------------------------------------------- table-driven tests


def test_strip_diacritics_table() -> None:
    # Expectation written from names: Mn characters whose name says ARABIC (plus the
    # one Coptic epact mark whose script extensions include Arabic), minus hamza marks.
    expected = {
        ch: ""
        for ch in EVERY
        if unicodedata.category(ch) == "Mn"
        and (name(ch).startswith("ARABIC") or name(ch) == "COPTIC EPACT THOUSANDS MARK")
        and name(ch) not in ("ARABIC HAMZA ABOVE", "ARABIC HAMZA BELOW")
    }
    got = changed(nz.strip_diacritics)
    # characters newer than this Python's unicodedata have no name here but are stripped
    unnamed = {ch for ch in got if not name(ch)}
    assert {ch: got[ch] for ch in got if ch not in unnamed} == expected
    assert all(ord(ch) >= 0x0897 for ch in unnamed)
    assert "\u0653" in expected  # MADDAH ABOVE
    assert "\u0670" in expected  # SUPERSCRIPT ALEF


def test_strip_harakat_table() -> None:
    expected = {
        ch: ""
        for ch in EVERY
        if name(ch)
        in {
            "ARABIC FATHATAN",
            "ARABIC DAMMATAN",
            "ARABIC KASRATAN",
            "ARABIC FATHA",
            "ARABIC DAMMA",
            "ARABIC KASRA",
            "ARABIC SUKUN",
        }
    }
    assert changed(nz.strip_harakat) == expected


def test_strip_tatweel_table() -> None:
    assert changed(nz.strip_tatweel) == {unicodedata.lookup("ARABIC TATWEEL"): ""}


def test_normalize_alef_table() -> None:
    variants = {
        "ARABIC LETTER ALEF WITH HAMZA ABOVE",
        "ARABIC LETTER ALEF WITH HAMZA BELOW",
        "ARABIC LETTER ALEF WITH MADDA ABOVE",
        "ARABIC LETTER ALEF WASLA",
        "ARABIC LETTER ALEF WITH WAVY HAMZA ABOVE",
        "ARABIC LETTER ALEF WITH WAVY HAMZA BELOW",
    }
    alef = unicodedata.lookup("ARABIC LETTER ALEF")
    assert changed(nz.normalize_alef) == {unicodedata.lookup(n): alef for n in variants}


def test_normalize_yeh_table() -> None:
    yeh = unicodedata.lookup("ARABIC LETTER YEH")
    expected = {
        unicodedata.lookup("ARABIC LETTER ALEF MAKSURA"): yeh,
        unicodedata.lookup("ARABIC LETTER FARSI YEH"): yeh,
    }
    assert changed(nz.normalize_yeh) == expected


def test_normalize_persian_letters_table() -> None:
    # each character is followed by "x" here, a letter: so ی is inside a word
    expected = {
        unicodedata.lookup("ARABIC LETTER KEHEH"): unicodedata.lookup("ARABIC LETTER KAF"),
        unicodedata.lookup("ARABIC LETTER FARSI YEH"): unicodedata.lookup("ARABIC LETTER YEH"),
    }
    assert changed(nz.normalize_persian_letters) == expected


def test_normalize_teh_marbuta_table() -> None:
    expected = {
        unicodedata.lookup("ARABIC LETTER TEH MARBUTA"): unicodedata.lookup("ARABIC LETTER HEH")
    }
    assert changed(nz.normalize_teh_marbuta) == expected


def test_normalize_hamza_table() -> None:
    expected = {
        unicodedata.lookup("ARABIC LETTER WAW WITH HAMZA ABOVE"): "و",
        unicodedata.lookup("ARABIC LETTER YEH WITH HAMZA ABOVE"): "ي",
    }
    assert changed(nz.normalize_hamza) == expected
    assert nz.normalize_hamza("ء") == "ء"


def test_normalize_digits_table() -> None:
    words = ["ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE"]
    expected = {}
    for value, word in enumerate(words):
        expected[unicodedata.lookup(f"ARABIC-INDIC DIGIT {word}")] = str(value)
        expected[unicodedata.lookup(f"EXTENDED ARABIC-INDIC DIGIT {word}")] = str(value)
    expected[unicodedata.lookup("ARABIC PERCENT SIGN")] = "%"
    # the separators are not between digits here ("x" on both sides): unchanged
    assert changed(nz.normalize_digits) == expected


def test_normalize_punctuation_table() -> None:
    expected = {
        unicodedata.lookup("ARABIC COMMA"): ",",
        unicodedata.lookup("ARABIC SEMICOLON"): ";",
        unicodedata.lookup("ARABIC QUESTION MARK"): "?",
        unicodedata.lookup("LEFT-POINTING DOUBLE ANGLE QUOTATION MARK"): '"',
        unicodedata.lookup("RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK"): '"',
        unicodedata.lookup("LEFT DOUBLE QUOTATION MARK"): '"',
        unicodedata.lookup("RIGHT DOUBLE QUOTATION MARK"): '"',
        unicodedata.lookup("DOUBLE LOW-9 QUOTATION MARK"): '"',
    }
    assert changed(nz.normalize_punctuation) == expected


def test_normalize_presentation_forms_table() -> None:
    got = changed(nz.normalize_presentation_forms)
    assert all(0xFB50 <= ord(c) <= 0xFDFF or 0xFE70 <= ord(c) <= 0xFEFE for c in got)
    # contextual forms of a letter become that letter, by name
    forms = (" ISOLATED FORM", " FINAL FORM", " INITIAL FORM", " MEDIAL FORM")
    checked = 0
    for ch in EVERY:
        n = name(ch)
        if not (0xFB50 <= ord(ch) <= 0xFEFF) or not n.startswith("ARABIC LETTER "):
            continue
        base_name = next((n.removesuffix(f) for f in forms if n.endswith(f)), None)
        if base_name is None:
            continue
        try:
            base = unicodedata.lookup(base_name)
        except KeyError:  # e.g. "U WITH HAMZA ABOVE": no precomposed letter
            continue
        assert got[ch] == base, n
        checked += 1
    assert checked > 200
    # every ligature expands to two or more characters, none of them a presentation form
    for ch, new in got.items():
        if "LIGATURE" in name(ch):
            assert len(new) >= 2
            assert not any(0xFB50 <= ord(c) <= 0xFEFF for c in new)
    assert "\ufeff" not in got


def test_remove_invisible_table() -> None:
    names = {
        "ZERO WIDTH SPACE",
        "ZERO WIDTH JOINER",
        "LEFT-TO-RIGHT MARK",
        "RIGHT-TO-LEFT MARK",
        "ARABIC LETTER MARK",
        "LEFT-TO-RIGHT EMBEDDING",
        "RIGHT-TO-LEFT EMBEDDING",
        "POP DIRECTIONAL FORMATTING",
        "LEFT-TO-RIGHT OVERRIDE",
        "RIGHT-TO-LEFT OVERRIDE",
        "WORD JOINER",
        "LEFT-TO-RIGHT ISOLATE",
        "RIGHT-TO-LEFT ISOLATE",
        "FIRST STRONG ISOLATE",
        "POP DIRECTIONAL ISOLATE",
        "ZERO WIDTH NO-BREAK SPACE",
        "SOFT HYPHEN",
        "ZERO WIDTH NON-JOINER",  # between Latin letters here: an ordinary word, removed
    }
    assert changed(nz.remove_invisible) == {unicodedata.lookup(n): "" for n in names}


def test_normalize_whitespace_table() -> None:
    breaks = {"\n", "\r", "\x85", "\u2028", "\u2029"}
    expected = {ch: " " for ch in EVERY if ch.isspace() and ch not in breaks and ch != " "}
    assert "\u00a0" in expected  # NO-BREAK SPACE
    assert "\t" in expected
    assert changed(nz.normalize_whitespace) == expected
    flat = changed(functools.partial(nz.normalize_whitespace, keep_newlines=False))
    assert flat == expected | dict.fromkeys(breaks, " ")


# ------------------------------------------------------------- behaviour by example


@pytest.mark.parametrize(
    ("func", "text", "expected"),
    [
        (nz.strip_diacritics, "", ""),
        (nz.strip_diacritics, "كَتَبَ", "كتب"),
        (nz.strip_diacritics, "ا\u0654", "أ"),  # ALEF + HAMZA ABOVE composes
        (nz.strip_diacritics, "ا\u0655", "إ"),  # ALEF + HAMZA BELOW composes
        (nz.strip_diacritics, "ا\u0653", "آ"),  # ALEF + MADDAH ABOVE composes like NFC
        (nz.strip_diacritics, "ا\u064e\u0654", "أ"),  # a fatha between does not block
        (nz.strip_diacritics, "ي\u0654", "ئ"),
        (nz.strip_diacritics, "ى\u0654", "ى\u0654"),  # nothing to compose with: hamza stays
        (nz.strip_diacritics, "و\u0653", "و"),  # madda that composes with nothing goes
        (nz.strip_diacritics, "e\u0301", "e\u0301"),  # other scripts are not NFC'd
        (nz.strip_diacritics, "ٱلْحَمْدُ لِلَّهِ", "ٱلحمد لله"),
        (nz.strip_diacritics, "مِّنۡ", "من"),  # SMALL HIGH DOTLESS HEAD OF KHAH (Quranic)
        (nz.strip_diacritics, "ٰ", ""),  # lone mark at the start
        (nz.strip_harakat, "شَدَّة", "شدّة"),
        (nz.normalize_persian_letters, "کی", "كى"),
        (nz.normalize_persian_letters, "ی\u064e ", "ى\u064e "),  # marks do not extend a word
        (nz.normalize_persian_letters, "میـ", "ميـ"),  # tatweel joins: still inside
        (nz.normalize_persian_letters, "می\u200cخواهم", "مى\u200cخواهم"),
        (nz.normalize_digits, "١٬٠٠٠٫٥", "1,000.5"),
        (nz.normalize_digits, "۱۲٫۵٪", "12.5%"),
        (nz.normalize_digits, "٫٥ و٬", "٫5 و٬"),  # not between digits
        (nz.normalize_digits, "3٫14", "3.14"),
        (nz.normalize_presentation_forms, "ﻻ ﻷ ﻹ ﻵ", "لا لأ لإ لآ"),
        (nz.normalize_presentation_forms, "ﷲ", "الله"),
        (nz.normalize_presentation_forms, "\ufeff", "\ufeff"),
        (nz.remove_invisible, "\u200bا\u200dب\u00ad", "اب"),
        (nz.remove_invisible, "پ\u200cا", "پ\u200cا"),
        (nz.remove_invisible, "ب\u200cا پ", "با پ"),  # per word
        (nz.normalize_whitespace, "\r\n  أ  \r\n\r\n ب\u2003\u2003ج \t", "أ\r\n\r\nب ج"),
        (nz.normalize_whitespace, " \n ", ""),
    ],
)
def test_examples(func: Callable[[str], str], text: str, expected: str) -> None:
    assert func(text) == expected


# ------------------------------------------------------ regressions for peer bugs


def test_alef_maksura_folds_to_yeh_not_alef() -> None:
    assert SEARCH("على مستشفى") == "علي مستشفي"
    assert "ا" not in nz.normalize_yeh("ى")


def test_farsi_yeh_at_word_end_becomes_alef_maksura_for_display() -> None:
    assert nz.normalize_persian_letters("علی") == "على"
    assert nz.normalize_persian_letters("علیه") == "عليه"
    assert SEARCH("علی") == SEARCH("علي") == SEARCH("على") == "علي"


def test_zwnj_is_kept_in_persian_words_by_clean() -> None:
    persian = "می\u200cخواهم"  # mi + ZWNJ + khaham
    assert CLEAN(persian) == persian
    assert nz.remove_invisible("نمی\u200cشود") == "نمی\u200cشود"
    assert CLEAN("عبد\u200cالله") == "عبدالله"  # Arabic word: removed
    assert SEARCH(persian) == "ميخواهم"  # SEARCH drops every ZWNJ


def test_madda_and_quranic_marks_are_stripped() -> None:
    assert nz.strip_diacritics("جَآءَ") == "جآء"  # precomposed alef with madda is a letter
    assert nz.strip_diacritics("جَا\u0653ءَ") == "جآء"  # and so is its decomposed form
    assert nz.strip_diacritics("و\u0653") == "و"
    # SMALL HIGH SEEN, END OF AYAH stays (Cf), SMALL HIGH ROUNDED ZERO, EMPTY CENTRE STOP
    assert nz.strip_diacritics("ب\u06dc\u06df\u06eaت") == "بت"
    assert SEARCH("ءَامَنُوٓا۟") == "ءامنوا"


def test_arabic_decimal_and_thousands_separators() -> None:
    assert SEARCH("١٬٠٠٠٫٥") == "1,000.5"


# ----------------------------------------------------------------------- presets


def test_presets_are_the_documented_pipelines() -> None:
    assert [s.name for s in CLEAN.steps] == [
        "normalize_presentation_forms",
        "remove_invisible",
        "strip_tatweel",
        "normalize_whitespace",
    ]
    assert [s.name for s in SEARCH.steps] == [
        "normalize_presentation_forms",
        "remove_invisible(keep_persian_zwnj=False)",
        "strip_tatweel",
        "strip_diacritics",
        "drop_hamza_marks",
        "normalize_alef",
        "normalize_hamza",
        "normalize_persian_letters",
        "normalize_yeh",
        "normalize_teh_marbuta",
        "normalize_digits",
        "normalize_punctuation",
        "normalize_whitespace",
    ]
    assert CLEAN.lossy_steps == ()
    assert "strip_diacritics" in SEARCH.lossy_steps
    assert "strip_tatweel" not in SEARCH.lossy_steps


def test_search_preset_examples() -> None:
    assert SEARCH("ﻷنَّ  «الرئيسَ» قالَ: ١٠٪\u200f") == 'لان "الرييس" قال: 10%'
    assert SEARCH("مدرسةٌ مسؤولة") == "مدرسه مسووله"
    assert SEARCH("أ\n\n  إ") == "ا\n\nا"


def test_clean_changes_no_letter() -> None:
    text = "إِنَّ الـمُدَرِّسَةَ ﻷن\u00a0 «١٬٠٠٠٫٥»\u200f"
    assert CLEAN(text) == "إِنَّ المُدَرِّسَةَ لأن «١٬٠٠٠٫٥»"


def test_repr_and_describe() -> None:
    assert repr(CLEAN) == (
        "Normalizer((normalize_presentation_forms, remove_invisible, "
        "strip_tatweel, normalize_whitespace), name='CLEAN')"
    )
    text = SEARCH.describe()
    assert text.splitlines()[0] == "SEARCH: 13 steps"
    assert "strip_diacritics  (lossy)" in text


def test_custom_normalizer_from_functions_and_partials() -> None:
    n = Normalizer(
        [nz.strip_tatweel, functools.partial(nz.normalize_whitespace, keep_newlines=False)]
    )
    assert n("أ ـ\nب") == "أ ب"
    assert n.steps[1] == Step(nz.normalize_whitespace, (("keep_newlines", False),))
    assert n == Normalizer((nz.strip_tatweel, n.steps[1]))
    upper = Normalizer((str.upper,), name="upper")
    assert upper.lossy_steps == ("upper",)
    a = upper.align("ab")
    assert (a.text, a.to_original(0, 1)) == ("AB", (0, 1))  # same length: one to one


def test_bad_steps_are_rejected() -> None:
    with pytest.raises(TypeError, match="must be callable"):
        Normalizer((42,))
    with pytest.raises(TypeError, match="iterable of callables"):
        Normalizer("abc")
    with pytest.raises(TypeError, match="by keyword"):
        Normalizer((functools.partial(nz.normalize_whitespace, "x"),))


# ------------------------------------------------------------------------- errors


@pytest.mark.parametrize("func", [*OPERATIONS, SEARCH, CLEAN, SEARCH.align], ids=str)
def test_non_str_input_raises_type_error(func: Callable[[str], object]) -> None:
    with pytest.raises(TypeError, match=r"expects str, got bytes; decode it first"):
        func(b"abc")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="expects str, got NoneType"):
        func(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="expects str, got int"):
        func(3)  # type: ignore[arg-type]


@pytest.mark.parametrize("func", [*OPERATIONS, SEARCH, CLEAN], ids=str)
def test_empty_and_lone_surrogates(func: Callable[[str], str]) -> None:
    assert func("") == ""
    text = "\ud800ب\udfff \ud83d"
    out = func(text)
    assert "\ud800" in out
    assert "\ud83d" in out


def test_str_subclass_gives_plain_str() -> None:
    class Text(str):
        __slots__ = ()

    assert type(SEARCH(Text("أ"))) is str
    assert type(nz.normalize_alef(Text("أ"))) is str


# ---------------------------------------------------------- pickling, processes


def test_presets_pickle_round_trip() -> None:
    for preset in (SEARCH, CLEAN):
        again = pickle.loads(pickle.dumps(preset))
        assert again == preset
        assert again("إِلى") == preset("إِلى")
        assert repr(again) == repr(preset)


def test_normalize_many_and_a_process_pool() -> None:
    texts = ["إِلى", "مدرسةٌ", "١٢٣"]
    assert list(SEARCH.normalize_many(texts)) == ["الي", "مدرسه", "123"]
    assert list(SEARCH.normalize_many(iter([]))) == []
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        assert pool.map(SEARCH, texts) == ["الي", "مدرسه", "123"]


def test_normalize_many_checks_items() -> None:
    items = SEARCH.normalize_many(["a", b"b"])  # type: ignore[list-item]
    assert next(items) == "a"
    with pytest.raises(TypeError, match="bytes"):
        next(items)


# ------------------------------------------------------------------- properties

ARABIC_ALPHABET = st.sampled_from(
    [
        *"ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئةى",
        *"پچژگکیۀے",
        *"\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0653\u0654\u0655\u0670",
        *"\u0610\u06d6\u06e1\u08f0\u0640\u200c\u200d\u200f\ufeff\u00ad",
        *"٠١٢٣٤٥٦٧٨٩۰۱۲۳٫٬٪،؛؟«»“”„",
        *"ﻷﻻﷺﷲﹰﺍﺑ\ufdfd",
        *" \t\n\r\u00a0\u2003\u2028",
        *"aZ09.,",
    ]
)
mixed_text = st.one_of(
    st.lists(ARABIC_ALPHABET, max_size=30).map("".join),
    st.text(max_size=30),
)


@settings(deadline=None)
@given(mixed_text)
@pytest.mark.parametrize("preset", [SEARCH, CLEAN], ids=["SEARCH", "CLEAN"])
def test_presets_are_idempotent(preset: Normalizer, text: str) -> None:
    once = preset(text)
    assert preset(once) == once


@settings(deadline=None)
@given(mixed_text)
@pytest.mark.parametrize("func", OPERATIONS, ids=op_ids)
def test_operations_are_idempotent(func: Callable[[str], str], text: str) -> None:
    once = func(text)
    assert func(once) == once


@settings(deadline=None)
@given(mixed_text)
def test_strip_diacritics_leaves_no_arabic_mark_but_hamza(text: str) -> None:
    out = nz.strip_diacritics(text)
    leftover = {c for c in out if unicodedata.category(c) == "Mn" and c in chars.ARABIC_MARKS}
    assert leftover <= {"\u0654", "\u0655"}
    # and a leftover hamza never follows a letter it composes with
    for i, c in enumerate(out):
        if c in "\u0654\u0655" and i:
            assert (out[i - 1], c) not in chars.COMPOSITIONS


@given(st.text(alphabet=string.ascii_letters + string.digits, max_size=40))
def test_ascii_letters_and_digits_pass_unchanged(text: str) -> None:
    funcs: list[Callable[[str], str]] = [*OPERATIONS, SEARCH, CLEAN]
    for func in funcs:
        assert func(text) == text


@settings(deadline=None)
@given(mixed_text)
def test_ascii_letters_and_digits_survive_in_order(text: str) -> None:
    def kept(s: str) -> str:
        return "".join(c for c in s if c in string.ascii_letters + string.digits)

    assert kept(CLEAN(text)) == kept(text)
    # SEARCH adds only the ASCII digits it makes from Arabic-Indic ones
    assert kept(SEARCH(text)) == kept(nz.normalize_digits(text))


@settings(deadline=None)
@given(mixed_text)
@pytest.mark.parametrize("preset", [SEARCH, CLEAN], ids=["SEARCH", "CLEAN"])
def test_fast_path_agrees_with_the_reference(preset: Normalizer, text: str) -> None:
    assert preset(text) == preset.reference(text)
    assert preset.align(text).text == preset.reference(text)


@settings(deadline=None)
@given(mixed_text)
def test_search_is_clean_then_folding(text: str) -> None:
    # SEARCH changes nothing CLEAN would do differently: CLEAN's output folds the same way
    assert SEARCH(CLEAN(text)) == SEARCH(text)


# ------------------------------------------------------- dispatch and pickling, more


def test_presets_run_the_fast_path_once_chosen() -> None:
    from arnews.normalize import _fastpath

    assert SEARCH("أ") == "ا"
    search_plan, clean_plan = _fastpath.plan_for(SEARCH), _fastpath.plan_for(CLEAN)
    assert search_plan is not None
    assert clean_plan is not None
    assert SEARCH._run is search_plan.run  # one slot load per call, no wrapper
    assert CLEAN.align("ـ").text == ""
    assert CLEAN._aligner == clean_plan.align
    reference = SEARCH.reference
    assert reference("أ") == "ا"
    assert reference._run == reference._run_steps


@pytest.mark.parametrize("normalizer", [SEARCH, SEARCH.reference], ids=["fast", "reference"])
def test_type_errors_name_the_normalizer(normalizer: Normalizer) -> None:
    with pytest.raises(TypeError, match=r"^Normalizer 'SEARCH'\(\) expects str, got bytes; decode"):
        normalizer(b"x")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^Normalizer 'SEARCH'.align\(\) expects str, got list"):
        normalizer.align(["x"])  # type: ignore[arg-type]


def test_str_subclass_gives_plain_str_from_every_route() -> None:
    class Text(str):
        __slots__ = ()

    for normalizer in (SEARCH, CLEAN, SEARCH.reference, CLEAN.reference):
        for raw in ("", "abc", "أَ  ب", "\U0001f600 أ"):
            out = normalizer(Text(raw))
            assert type(out) is str
            assert out == normalizer(raw)
        a = normalizer.align(Text("أَ  ب"))
        assert type(a.original) is str
        assert a.text == normalizer("أَ  ب")


@pytest.mark.parametrize("preset", [SEARCH, CLEAN], ids=["SEARCH", "CLEAN"])
def test_align_never_crashes_on_surrogates_and_empty_text(preset: Normalizer) -> None:
    text = "\ud800بَ\udfff  \ud83d"
    a = preset.align(text)
    assert a.text == preset(text)
    assert "\ud800" in a.text
    assert a.to_original(0, len(a.text)) == (0, len(text))
    assert preset.align("").text == ""


def test_custom_normalizer_pickles_and_runs_in_a_process_pool_executor() -> None:
    from concurrent.futures import ProcessPoolExecutor

    fold = Normalizer(
        (nz.strip_diacritics, functools.partial(nz.normalize_whitespace, keep_newlines=False)),
        name="fold",
    )
    again = pickle.loads(pickle.dumps(fold))
    assert again == fold
    assert repr(again) == repr(fold)
    texts = ["إِلى\nالمدرسة", "مُحَمَّدٌ  ١٢"]
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=2, mp_context=context) as pool:
        assert list(pool.map(fold, texts)) == ["إلى المدرسة", "محمد ١٢"]
        assert list(pool.map(SEARCH, texts, chunksize=2)) == ["الي\nالمدرسه", "محمد 12"]


ARABIC_MN = sorted(
    chr(c)
    for c in range(0x0600, 0x10EFF + 1)
    if unicodedata.category(chr(c)) == "Mn" and unicodedata.name(chr(c), "").startswith("ARABIC")
)


@settings(deadline=None)
@given(st.lists(st.one_of(st.sampled_from(ARABIC_MN), ARABIC_ALPHABET), max_size=30).map("".join))
def test_strip_diacritics_output_has_no_stripped_mark(text: str) -> None:
    out = nz.strip_diacritics(text)
    named = {"ARABIC HAMZA ABOVE", "ARABIC HAMZA BELOW"}
    assert all(unicodedata.name(c, "") in named for c in out if c in ARABIC_MN)
    assert nz.strip_diacritics(out) == out


def test_normalizer_is_frozen_hashable_and_copyable() -> None:
    import copy

    import attrs

    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        SEARCH.name = "other"  # type: ignore[misc]
    assert hash(SEARCH) == hash(pickle.loads(pickle.dumps(SEARCH)))
    assert {SEARCH, CLEAN, SEARCH.reference} == {SEARCH, CLEAN}  # fast path: not part of ==
    twin = copy.deepcopy(CLEAN)
    assert twin == CLEAN
    assert twin("ﻷ  ب") == "لأ ب"
    renamed = attrs.evolve(CLEAN, name="mine")
    assert renamed("ـأ") == "أ"
    assert repr(renamed).startswith("Normalizer((normalize_presentation_forms,")
    assert repr(renamed).endswith("), name='mine')")


def test_repr_has_the_constructor_shape() -> None:
    one = Normalizer((nz.strip_tatweel,), name="one")
    assert repr(one) == "Normalizer((strip_tatweel,), name='one')"
    # A repr of plain steps evaluates back to an equal normalizer.
    assert eval(repr(one), {"Normalizer": Normalizer, "strip_tatweel": nz.strip_tatweel}) == one


@pytest.mark.parametrize(("name", "error"), [(5, TypeError), (None, TypeError), ("", ValueError)])
def test_normalizer_name_must_be_a_non_empty_str(name: object, error: type[Exception]) -> None:
    with pytest.raises(error, match="Normalizer name must be a non-empty str"):
        Normalizer((nz.strip_tatweel,), name=name)  # type: ignore[arg-type]


@pytest.mark.parametrize("texts", ["إلى", b"x", bytearray(b"x")])
def test_normalize_many_refuses_a_single_string(texts: object) -> None:
    with pytest.raises(
        TypeError, match="normalize_many\\(\\) expects an iterable of str, got a single"
    ):
        SEARCH.normalize_many(texts)  # type: ignore[arg-type]


def test_search_folds_keheh_so_persian_keyboard_text_matches() -> None:
    # KEHEH U+06A9 and ARABIC LETTER KAF U+0643; FARSI YEH U+06CC at the end and inside.
    assert SEARCH("\u06a9\u062a\u0627\u0628") == SEARCH("\u0643\u062a\u0627\u0628")
    assert (
        SEARCH("\u0639\u0644\u06cc \u06a9\u06cc\u0641") == "\u0639\u0644\u064a \u0643\u064a\u0641"
    )


# ------------------------------------------------------- custom steps: exact alignment or an error


def test_custom_length_preserving_step_aligns_one_to_one() -> None:
    fold = Normalizer((nz.strip_diacritics, str.lower), name="fold")
    text = "مُحَمَّد ABC"
    a = fold.align(text)
    assert a.text == "محمد abc"
    at = text.index("ABC")
    assert a.to_original(5, 8) == (at, at + 3)  # "abc" comes from "ABC", not the whole text
    assert a.to_original(0, 1) == (0, 2)  # م with its damma
    assert a.to_normalized(at + 1, at + 2) == (6, 7)


def test_custom_step_that_changes_the_length_is_refused_by_name() -> None:
    shout = Normalizer((nz.strip_tatweel, str.upper), name="shout")
    assert shout("straße") == "STRASSE"  # calling is fine; only the map is unknown
    with pytest.raises(ValueError, match=r"step 'upper' changed the length of the text \(6 -> 7"):
        shout.align("straße")
    with pytest.raises(ValueError, match=r"aligner="):
        shout.align("ß")


def _drop_x(text: str) -> str:
    return text.replace("x", "")


def _drop_x_align(text: str) -> Alignment:
    # x is a stand-alone deletion: ab x cd -> ab  cd
    norm, orig, linear = [0], [0], []
    for ch in text:
        if ch == "x":
            norm.append(norm[-1])
            linear.append(False)
        else:
            norm.append(norm[-1] + 1)
            linear.append(True)
        orig.append(orig[-1] + 1)
    return Alignment.from_segments(text, _drop_x(text), norm, orig, linear)


def test_custom_step_with_a_declared_aligner_aligns_exactly() -> None:
    pipeline = Normalizer((Step(_drop_x, aligner=_drop_x_align), nz.normalize_whitespace))
    a = pipeline.align("axb  cxxd")
    assert a.text == "ab cd"
    assert a.to_original(0, 2) == (0, 3)
    assert a.to_original(3, 5) == (5, 9)
    assert pickle.loads(pickle.dumps(pipeline)) == pipeline


def test_custom_aligner_must_return_an_alignment_of_its_text() -> None:
    bad = Normalizer((Step(_drop_x, aligner=lambda text: "nope"),))  # type: ignore[arg-type,return-value]
    with pytest.raises(TypeError, match=r"aligner of step 'drop_x' must return an Alignment"):
        bad.align("axb")


def test_pickled_presets_carry_their_steps_not_their_tables() -> None:
    SEARCH("أ é")  # the fast path's tables now exist in this process
    for preset in (SEARCH, CLEAN):
        data = pickle.dumps(preset)
        assert len(data) < 1200  # the code page and its tables alone would take more
        again = pickle.loads(data)
        assert again == preset
        assert again("ﻷن  é") == preset.reference("ﻷن  é")
