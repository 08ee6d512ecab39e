"""Tests for arnews._chars: re-derive each table from Unicode data and compare."""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

import regex  # type: ignore[import-untyped]  # no stubs in the dev env

from arnews.normalize import _tables as chars

ALL = range(sys.maxunicode + 1)


def derive(pattern: str) -> set[str]:
    compiled = regex.compile(pattern, flags=regex.V1)
    return {chr(c) for c in ALL if compiled.match(chr(c))}


def unassigned_for_regex(chs: set[str]) -> bool:
    """True if the installed regex's Unicode data does not know these characters."""
    return all(regex.match(r"\p{Cn}", c) for c in chs)


def test_arabic_marks_are_script_arabic_nonspacing_marks() -> None:
    derived = derive(r"[\p{scx=Arabic}&&\p{gc=Mn}]")
    assert derived <= chars.ARABIC_MARKS
    # a table newer than the installed regex may hold characters it calls unassigned
    assert unassigned_for_regex(set(chars.ARABIC_MARKS - derived))


def test_arabic_marks_cover_every_mark_named_arabic() -> None:
    # independent of script data: names from the running Python's unicodedata
    named = {
        chr(c)
        for c in ALL
        if unicodedata.category(chr(c)) == "Mn"
        and unicodedata.name(chr(c), "").startswith("ARABIC")
    }
    assert len(named) > 100
    assert named <= chars.ARABIC_MARKS
    # and the spec's ranges are all there, except the non-Mn signs U+06DD, U+06DE, U+06E5,
    # U+06E6, U+06E9
    spec = {chr(c) for c in [*range(0x0610, 0x061B), *range(0x06D6, 0x06EE)]}
    assert spec - chars.ARABIC_MARKS == {"\u06dd", "\u06de", "\u06e5", "\u06e6", "\u06e9"}
    assert {"\u0653", "\u0670", "\u0651", "\u0652"} <= chars.ARABIC_MARKS


def test_hamza_marks_are_kept_apart() -> None:
    assert {"\u0654", "\u0655"} == chars.HAMZA_MARKS
    assert chars.ARABIC_MARKS - {"\u0654", "\u0655"} == chars.STRIPPED_MARKS
    assert "\u0651" not in chars.HARAKAT  # SHADDA stays in strip_harakat


def test_non_arabic_letters_are_block_letters_outside_arabic_orthography() -> None:
    blocks = (
        r"[[\p{sc=Arabic}&&\p{gc=Lo}]&&[\p{Block=Arabic}\p{Block=Arabic_Supplement}"
        r"\p{Block=Arabic_Extended_A}\p{Block=Arabic_Extended_B}\p{Block=Arabic_Extended_C}]]"
    )
    arabic_language = {chr(c) for c in [*range(0x0621, 0x063B), *range(0x0641, 0x064B)]}
    arabic_language |= {"\u066e", "\u066f", "\u0671"}
    derived = derive(blocks) - arabic_language
    base = chars._NON_ARABIC_BASE
    assert derived <= base
    assert unassigned_for_regex(set(base - derived))


def test_non_arabic_letters_by_hand() -> None:
    persian_urdu = "پچژگکیۀٹڈڑںھہےۓ"
    assert set(persian_urdu) <= chars.NON_ARABIC_LETTERS
    arabic_alphabet = "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي"
    assert not set(arabic_alphabet) & chars.NON_ARABIC_LETTERS
    # presentation forms of Persian letters count: PEH ISOLATED FORM
    assert "\ufb56" in chars.NON_ARABIC_LETTERS
    assert "\ufe8d" not in chars.NON_ARABIC_LETTERS  # ALEF ISOLATED FORM


def test_presentation_table_is_the_compatibility_decomposition_of_the_blocks() -> None:
    for ch, folded in chars.PRESENTATION_FORMS.items():
        assert 0xFB50 <= ord(ch) <= 0xFDFF or 0xFE70 <= ord(ch) <= 0xFEFF
        assert unicodedata.decomposition(ch).startswith(
            ("<isolated>", "<final>", "<initial>", "<medial>", "<compat>")
        )
        assert folded
    assert "\ufeff" not in chars.PRESENTATION_FORMS  # BOM is left to remove_invisible
    assert chars.PRESENTATION_FORMS["\ufef7"] == "\u0644\u0623"  # ﻷ -> lam, alef with hamza
    assert chars.PRESENTATION_FORMS["\ufdfa"] == "صلى الله عليه وسلم"
    assert len(chars.PRESENTATION_FORMS) > 700


def test_compositions_are_the_arabic_hamza_and_madda_letters() -> None:
    expected = {
        ("\u0627", "\u0653"): "آ",
        ("\u0627", "\u0654"): "أ",
        ("\u0627", "\u0655"): "إ",
        ("\u0648", "\u0654"): "ؤ",
        ("\u064a", "\u0654"): "ئ",
        ("\u06d5", "\u0654"): "ۀ",
        ("\u06c1", "\u0654"): "ۂ",
        ("\u06d2", "\u0654"): "ۓ",
    }
    assert expected == chars.COMPOSITIONS


def test_whitespace_tables_cover_exactly_isspace() -> None:
    every = {chr(c) for c in ALL if chr(c).isspace()}
    assert every == chars.HORIZONTAL_SPACES | chars.LINE_BREAKS
    assert not chars.HORIZONTAL_SPACES & chars.LINE_BREAKS
    assert {"\u00a0", "\t", "\u202f", "\u3000"} <= chars.HORIZONTAL_SPACES


def test_invisible_set_is_the_specified_list() -> None:
    spec = {0x200B, 0x200D, 0x200E, 0x200F, 0x061C, 0x2060, 0xFEFF, 0x00AD}
    spec |= set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A))
    assert {ord(c) for c in chars.INVISIBLE} == spec
    assert chars.ZWNJ not in chars.INVISIBLE
    assert all(unicodedata.category(c) == "Cf" for c in chars.INVISIBLE)


def test_the_tables_version_is_the_one_the_docs_state() -> None:
    # The written-out tables and the prose describing them must name the same version.
    major_minor = ".".join(chars.TABLES_UNICODE_VERSION.split(".")[:2])
    assert f"Unicode {chars.TABLES_UNICODE_VERSION}" in (chars.__doc__ or "")
    docs = Path(__file__).resolve().parents[1] / "docs" / "normalization.md"
    assert f"Unicode {major_minor}**" in docs.read_text(encoding="utf-8")
