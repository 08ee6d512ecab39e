from __future__ import annotations

import attrs
import pytest
import regex  # type: ignore[import-untyped]  # no stubs in the dev env
from hypothesis import given
from hypothesis import strategies as st

from arnews._analysis import (
    ABSORBED_ARTICLE_PREFIXES,
    PROCLITIC_PREFIXES,
    clitic_match,
    normalize_words,
    proclitic_forms,
)
from arnews._tokenize import (
    ARABIC_LETTER_RANGES,
    ARABIC_LETTER_RE,
    KINDS,
    LATIN_LETTER_RANGES,
    LATIN_LETTER_RE,
    WORD_RE,
    Token,
    tokenize,
)

SHADDA = "\u0651"  # ARABIC SHADDA
FATHA = "\u064e"  # ARABIC FATHA
KASRA = "\u0650"  # ARABIC KASRA
SUKUN = "\u0652"  # ARABIC SUKUN
TATWEEL = "\u0640"  # ARABIC TATWEEL
ZWNJ = "\u200c"  # ZERO WIDTH NON-JOINER
ZWSP = "\u200b"  # ZERO WIDTH SPACE
RLM = "\u200f"  # RIGHT-TO-LEFT MARK


def pairs(text: str) -> list[tuple[str, str]]:
    return [(t.text, t.kind) for t in tokenize(text)]


# -- tokens ----------------------------------------------------------------------


def test_kinds_on_a_mixed_line() -> None:
    assert pairs("قال لافروف (Lavrov) إن 70% من Москва؟") == [
        ("قال", "arabic"),
        ("لافروف", "arabic"),
        ("(", "punct"),
        ("Lavrov", "latin"),
        (")", "punct"),
        ("إن", "arabic"),
        ("70", "number"),
        ("%", "punct"),
        ("من", "arabic"),
        ("Москва", "other"),
        ("؟", "punct"),
    ]


def test_spans_index_the_original() -> None:
    text = "  موسكو وبغداد،\tستتبادلان "
    tokens = tokenize(text)
    assert [(t.start, t.end) for t in tokens] == [(2, 7), (8, 14), (14, 15), (16, 25)]
    assert all(text[t.start : t.end] == t.text for t in tokens)


def test_marks_and_tatweel_belong_to_the_arabic_word() -> None:
    word = "بِـ" + "غْ" + "دَادَ"
    assert pairs(f"في {word}.") == [("في", "arabic"), (word, "arabic"), (".", "punct")]
    assert pairs("مُحَمَّدٌ") == [("مُحَمَّدٌ", "arabic")]
    assert pairs(f"ع{SHADDA}{FATHA}ل{TATWEEL}{TATWEEL}ي") == [
        (f"ع{SHADDA}{FATHA}ل{TATWEEL}{TATWEEL}ي", "arabic")
    ]


def test_tatweel_before_punctuation_stays_with_its_letter() -> None:
    # 000: الممثل الرسمي لـ«الحشد الشعبي»
    assert pairs("لـ«الحشد") == [("لـ", "arabic"), ("«", "punct"), ("الحشد", "arabic")]


def test_invisible_characters_inside_a_word_join_it() -> None:
    assert pairs(f"می{ZWNJ}خواهم") == [(f"می{ZWNJ}خواهم", "arabic")]
    assert pairs(f"بغ{ZWSP}داد") == [(f"بغ{ZWSP}داد", "arabic")]
    # ... but not at a word's edge: a trailing RLM is not part of the word.
    assert pairs(f"بغداد{RLM} ") == [("بغداد", "arabic")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("١٬٠٠٠٫٥", ["١٬٠٠٠٫٥"]),
        ("1,000.5", ["1,000.5"]),
        ("۱۲۳", ["۱۲۳"]),
        ("2015.", ["2015", "."]),
        ("2015/09/29", ["2015", "/", "09", "/", "29"]),
        ("3,", ["3", ","]),
        (",5", [",", "5"]),
        ("١٢3", ["١٢3"]),
    ],
)
def test_numbers(text: str, expected: list[str]) -> None:
    assert [t.text for t in tokenize(text)] == expected
    assert tokenize(text)[0].kind == ("number" if expected[0][0].isdigit() else "punct")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 003's English caption: "the 70th anniversary"; "th" is not a word.
        ("the 70th anniversary", [("the", "latin"), ("70th", "number"), ("anniversary", "latin")]),
        ("1st, 2nd", [("1st", "number"), (",", "punct"), ("2nd", "number")]),
        ("٧٠th", [("٧٠th", "number")]),
        ("10km.", [("10km", "number"), (".", "punct")]),
        ("F16", [("F", "latin"), ("16", "number")]),  # letters first: two tokens, as before
        ("70 th", [("70", "number"), ("th", "latin")]),  # a space separates
        ("70بغداد", [("70", "number"), ("بغداد", "arabic")]),  # Arabic letters are not glued
        (f"70{ZWSP}th", [(f"70{ZWSP}th", "number")]),  # SEARCH deletes the ZWSP: one word
    ],
)
def test_latin_letters_glued_after_a_number_belong_to_it(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert pairs(text) == expected
    # The span law: tokenizing then normalizing equals normalizing then tokenizing.
    by_token = tuple(w for t in tokenize(text) if t.is_word for w in normalize_words(t.text))
    assert by_token == normalize_words(text)


def test_each_punctuation_mark_is_a_token() -> None:
    assert pairs("؟!«»") == [("؟", "punct"), ("!", "punct"), ("«", "punct"), ("»", "punct")]


def test_latin_words_keep_inner_apostrophes() -> None:
    assert pairs("O'Brien's 'x'") == [
        ("O'Brien's", "latin"),
        ("'", "punct"),
        ("x", "latin"),
        ("'", "punct"),
    ]


def test_whitespace_only_and_empty() -> None:
    assert tokenize("") == ()
    assert tokenize(" \n\t\u00a0") == ()


def test_token_is_frozen_and_kinds_are_listed() -> None:
    token = tokenize("بغداد")[0]
    assert token == Token("بغداد", 0, 5, "arabic")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        token.start = 1  # type: ignore[misc]
    assert set(KINDS) == {"arabic", "latin", "other", "number", "punct"}
    assert token.is_word
    assert not tokenize("،")[0].is_word


@pytest.mark.parametrize("bad", [b"abc", None, 3])
def test_non_str_is_a_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match=type(bad).__name__):
        tokenize(bad)  # type: ignore[arg-type]
    if isinstance(bad, bytes):
        with pytest.raises(TypeError, match="decode"):
            tokenize(bad)  # type: ignore[arg-type]


TEXTS = st.text(
    alphabet=st.sampled_from(
        [
            *"بغداولكفيةىأإآءئؤ",
            *(SHADDA, FATHA, KASRA, SUKUN, TATWEEL, ZWNJ, ZWSP, RLM),
            *"abcXYZ'’0123٠١٢٫٬.,،؛؟!«» \n\t-",
            *("\u00a0", "\ufdfa", "\ufef7", "ж"),  # NBSP, a ligature, lam-alef, Cyrillic
        ]
    ),
    max_size=40,
)


@given(TEXTS)
def test_tokens_slice_the_text_in_order(text: str) -> None:
    tokens = tokenize(text)
    previous_end = 0
    for token in tokens:
        assert text[token.start : token.end] == token.text
        assert token.start >= previous_end
        assert token.kind in KINDS
        previous_end = token.end
    # Whatever lies between tokens holds nothing a token could start with.
    covered: set[int] = set()
    for token in tokens:
        covered.update(range(token.start, token.end))
    for i, ch in enumerate(text):
        if i not in covered:
            assert not regex.match(r"[\p{L}\p{Nd}\p{P}\p{S}]", ch) or ch == TATWEEL


@given(TEXTS)
def test_tokens_never_cross_whitespace(text: str) -> None:
    # The index tokenizes whitespace-separated chunks one at a time.
    chunked = []
    cursor = 0
    for chunk in text.split():
        start = text.index(chunk, cursor)
        cursor = start + len(chunk)
        chunked += [(t.text, t.start + start, t.kind) for t in tokenize(chunk)]
    assert chunked == [(t.text, t.start, t.kind) for t in tokenize(text)]


@given(TEXTS)
def test_word_pattern_finds_the_word_tokens(text: str) -> None:
    assert WORD_RE.findall(text) == [t.text for t in tokenize(text) if t.is_word]


# -- proclitics ------------------------------------------------------------------


def test_prefix_tables() -> None:
    # و/ف (3 choices with none) x ب/ل/ك (4) x ال (2) = 24, minus ل+ال (3, written لل),
    # minus the empty sequence = 20; the لل forms are the 3 absorbed ones.
    assert len(PROCLITIC_PREFIXES) == 20
    assert set(ABSORBED_ARTICLE_PREFIXES) == {"لل", "ولل", "فلل"}
    assert {"و", "ف", "ب", "ل", "ك", "ال", "وال", "بال", "وبال", "فكال"} <= set(PROCLITIC_PREFIXES)
    assert not {"لال", "ولال", "وف", "فو", "بل", "بو"} & set(PROCLITIC_PREFIXES)


@pytest.mark.parametrize(
    ("text_word", "query", "stem"),
    [
        ("وبغداد", "بغداد", 1),
        ("ببغداد", "بغداد", 1),
        ("بغداد", "بغداد", 0),
        ("ولد", "ولد", 0),
        ("ولد", "لد", 1),  # و + a two-letter stem is allowed
        ("الموصل", "الموصل", 0),
        ("الموصل", "موصل", 2),
        ("بالموصل", "الموصل", 1),
        ("بالموصل", "موصل", 3),
        ("والموصل", "الموصل", 1),
        ("وبالموصل", "الموصل", 2),
        ("للموصل", "الموصل", 2),  # ل absorbed the article's alef
        ("وللموصل", "الموصل", 3),
        ("فللموصل", "الموصل", 3),
        ("للموصل", "موصل", 2),
        ("للارهابيين", "الارهابيين", 2),
        ("كالموصل", "الموصل", 1),
        ("فسوريا", "سوريا", 1),
        ("لمحاربه", "محاربه", 1),
    ],
)
def test_clitic_matches(text_word: str, query: str, stem: int) -> None:
    assert clitic_match(text_word, query) == stem
    assert dict(proclitic_forms(query))[text_word] == stem


@pytest.mark.parametrize(
    ("text_word", "query"),
    [
        ("ولد", "د"),  # would leave a one-letter stem
        ("بد", "د"),
        ("لالموصل", "الموصل"),  # ل + ال is written لل, never لال
        ("ببغداد", "غداد"),  # بب is not a proclitic sequence
        ("فوبغداد", "بغداد"),  # one conjunction only
        ("بوبغداد", "بغداد"),  # conjunction before preposition
        ("بغدادي", "بغداد"),  # no suffixes
        ("موسكو", "كو"),
        ("الموصل", "للموصل"),
        ("للموصل", "الموصلي"),
        ("لل", "ال"),
    ],
)
def test_clitic_non_matches(text_word: str, query: str) -> None:
    assert clitic_match(text_word, query) is None
    assert text_word not in dict(proclitic_forms(query))


def test_proclitic_forms_lists_every_form_once() -> None:
    forms = proclitic_forms("بغداد")
    assert forms[0] == ("بغداد", 0)
    assert len(forms) == 1 + 20 + 3
    # Before الموصل: the 20 sequences minus the 12 ending in ل (ل, ول, فل and the
    # 9 ending in ال are never written before ال), plus لل/ولل/فلل + موصل.
    assert len(proclitic_forms("الموصل")) == 1 + 20 - 12 + 3
    assert proclitic_forms("ب") == (("ب", 0),)


def test_clitic_functions_reject_non_str() -> None:
    with pytest.raises(TypeError):
        clitic_match(b"x", "y")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        proclitic_forms(None)  # type: ignore[arg-type]


LETTERS = st.text(alphabet=st.sampled_from(list("والبفكمد")), min_size=0, max_size=7)


@given(LETTERS, LETTERS)
def test_forms_and_match_agree(text_word: str, query: str) -> None:
    assert clitic_match(text_word, query) == dict(proclitic_forms(query)).get(text_word)


@given(LETTERS, LETTERS)
def test_a_match_leaves_the_query_as_the_stem(text_word: str, query: str) -> None:
    stem = clitic_match(text_word, query)
    if stem is None:
        return
    rest = text_word[stem:]
    prefix = text_word[:stem]
    if rest == query:
        assert prefix == "" or prefix in PROCLITIC_PREFIXES + ABSORBED_ARTICLE_PREFIXES
        assert prefix == "" or len(rest) >= 2
        assert not (query.startswith("ال") and prefix.endswith("ل"))
    else:
        # The absorbed-article case: query ال + X, text word (و|ف)?لل + X.
        assert query == "ال" + rest
        assert prefix in ABSORBED_ARTICLE_PREFIXES
        assert len(rest) >= 2


# -- the letter classes of scripts ----------------------------------------------------------


def _derived_ranges(pattern: str) -> tuple[tuple[int, int], ...]:
    """Inclusive code-point ranges matching ``pattern``, from the installed ``regex``."""
    compiled = regex.compile(pattern, regex.V1)
    found: list[tuple[int, int]] = []
    for cp in range(0x110000):
        if 0xD800 <= cp <= 0xDFFF or compiled.match(chr(cp)) is None:
            continue
        if found and found[-1][1] == cp - 1:
            found[-1] = (found[-1][0], cp)
        else:
            found.append((cp, cp))
    return tuple(found)


def test_letter_ranges_are_derived_from_unicode_data() -> None:
    assert _derived_ranges(r"[\p{Latin}&&\p{L}]") == LATIN_LETTER_RANGES
    assert _derived_ranges(r"[\p{scx=Arabic}&&\p{L}]") == ARABIC_LETTER_RANGES


def test_letter_classes_on_examples() -> None:
    assert [bool(LATIN_LETTER_RE.match(c)) for c in "aZéßŁ1-ب"] == [True] * 5 + [False] * 3
    # TATWEEL, alef, keheh, a presentation form, Arabic-Indic digit, Latin a
    assert [bool(ARABIC_LETTER_RE.match(c)) for c in "\u0640اکﻻ٣a"] == [True] * 4 + [False] * 2


def test_run_pieces_cut_only_overlong_runs() -> None:
    from arnews._tokenize import MAX_RUN, run_pieces

    assert list(run_pieces("")) == [(0, "")]
    assert list(run_pieces("بغداد و موسكو")) == [(0, "بغداد و موسكو")]
    text = "أ " + "ب" * (2 * MAX_RUN + 1) + " ج"
    pieces = list(run_pieces(text))
    assert "".join(piece for _, piece in pieces) == text
    assert all(text[start : start + len(piece)] == piece for start, piece in pieces)
    assert [len(piece) for _, piece in pieces] == [2, MAX_RUN, MAX_RUN, 1, 2]
