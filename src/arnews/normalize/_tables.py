"""Character tables behind arnews.normalize, each with the rule that derives it.

Two kinds of table live here:

* Tables that need the Unicode *Script_Extensions* property, which the standard
  library does not expose, were generated once with the ``regex`` module
  (``regex`` 2026.11.15, Unicode 17.0.0) and are written out below as code-point
  ranges.  ``tests/test_chars.py`` re-derives them from the installed ``regex``
  and compares, so a wrong or stale table fails the suite.
* Tables that need only decompositions and combining classes are derived
  from :mod:`unicodedata` (a few thousand code points): the small ones at
  import, the larger ones (:data:`PRESENTATION_FORMS`,
  :data:`NON_ARABIC_LETTERS`, :data:`HORIZONTAL_SPACES`) on first access,
  through the module's ``__getattr__``, so that importing arnews does not pay
  for them.  Their content is stable across the Unicode versions Python
  3.11-3.13 ship (14.0-15.1) for every character they contain.

Everything is private; the public operations are in :mod:`arnews.normalize`.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from typing import Any

#: The Unicode version of the generated range tables below.
TABLES_UNICODE_VERSION = "17.0.0"
#: The Unicode version of the tables derived at import (from the running Python).
RUNTIME_UNICODE_VERSION = unicodedata.unidata_version


def _expand(ranges: tuple[tuple[int, int], ...]) -> frozenset[str]:
    """Turn inclusive code-point ranges into a set of one-character strings."""
    return frozenset(chr(c) for lo, hi in ranges for c in range(lo, hi + 1))


# Rule: Script_Extensions contains Arabic AND General_Category = Mn (nonspacing
# mark).  This covers the harakat, tanween, shadda, sukun, madda above U+0653,
# hamza above/below U+0654/U+0655, superscript (dagger) alef U+0670, the
# honorific signs U+0610-U+061A, the Quranic annotation marks in U+06D6-U+06ED,
# and the marks of Arabic Extended-A/B/C.  Marks whose General_Category is not
# Mn are not in it: U+06DD ARABIC END OF AYAH (Cf), U+06DE and U+06E9 (So), and
# the small letters U+06E5/U+06E6 (Lm).
ARABIC_MARK_RANGES: tuple[tuple[int, int], ...] = (
    (0x0610, 0x061A),
    (0x064B, 0x065F),
    (0x0670, 0x0670),
    (0x06D6, 0x06DC),
    (0x06DF, 0x06E4),
    (0x06E7, 0x06E8),
    (0x06EA, 0x06ED),
    (0x0897, 0x089F),
    (0x08CA, 0x08E1),
    (0x08E3, 0x08FF),
    (0x102E0, 0x102E0),
    (0x10ECB, 0x10ECF),
    (0x10EF0, 0x10EFF),
)
ARABIC_MARKS = _expand(ARABIC_MARK_RANGES)

HAMZA_ABOVE = "\u0654"  # ARABIC HAMZA ABOVE
HAMZA_BELOW = "\u0655"  # ARABIC HAMZA BELOW
MADDA_ABOVE = "\u0653"  # ARABIC MADDAH ABOVE
#: Combining hamzas are parts of letters: strip_diacritics composes and keeps them.
HAMZA_MARKS = frozenset(HAMZA_ABOVE + HAMZA_BELOW)
#: What strip_diacritics deletes.
STRIPPED_MARKS = ARABIC_MARKS - HAMZA_MARKS

#: What strip_harakat deletes: tanween (U+064B-U+064D), the short vowels
#: fatha, damma, kasra (U+064E-U+0650) and sukun (U+0652).  Shadda (U+0651)
#: and every other mark stay.
HARAKAT = frozenset("\u064b\u064c\u064d\u064e\u064f\u0650\u0652")

TATWEEL = "\u0640"  # ARABIC TATWEEL
ZWNJ = "\u200c"  # ZERO WIDTH NON-JOINER

#: Invisible characters remove_invisible always deletes (ZWNJ is handled apart).
INVISIBLE = frozenset(
    "\u00ad"  # SOFT HYPHEN
    "\u061c"  # ARABIC LETTER MARK
    "\u200b"  # ZERO WIDTH SPACE
    "\u200d"  # ZERO WIDTH JOINER
    "\u200e"  # LEFT-TO-RIGHT MARK
    "\u200f"  # RIGHT-TO-LEFT MARK
    "\u202a\u202b\u202c\u202d\u202e"  # LRE, RLE, PDF, LRO, RLO
    "\u2060"  # WORD JOINER
    "\u2066\u2067\u2068\u2069"  # LRI, RLI, FSI, PDI
    "\ufeff"  # ZERO WIDTH NO-BREAK SPACE (byte order mark)
)

ALEF = "\u0627"
#: أ إ آ ٱ ٲ ٳ: alef with hamza above/below, madda, wasla, wavy hamza above/below.
ALEF_VARIANTS = frozenset("\u0623\u0625\u0622\u0671\u0672\u0673")
YEH = "\u064a"  # ARABIC LETTER YEH
ALEF_MAKSURA = "\u0649"  # ARABIC LETTER ALEF MAKSURA
FARSI_YEH = "\u06cc"  # ARABIC LETTER FARSI YEH
KAF = "\u0643"  # ARABIC LETTER KAF
KEHEH = "\u06a9"  # ARABIC LETTER KEHEH
TEH_MARBUTA = "\u0629"
HEH = "\u0647"
WAW_WITH_HAMZA = "\u0624"
WAW = "\u0648"
YEH_WITH_HAMZA = "\u0626"

#: ٠-٩ (U+0660-U+0669) and ۰-۹ (U+06F0-U+06F9) to ASCII digits.
DIGITS = {chr(0x0660 + i): str(i) for i in range(10)} | {chr(0x06F0 + i): str(i) for i in range(10)}
DECIMAL_SEPARATOR = "\u066b"  # ARABIC DECIMAL SEPARATOR
THOUSANDS_SEPARATOR = "\u066c"  # ARABIC THOUSANDS SEPARATOR
PERCENT = "\u066a"  # ARABIC PERCENT SIGN

PUNCTUATION = {
    "\u060c": ",",  # ARABIC COMMA
    "\u061b": ";",  # ARABIC SEMICOLON
    "\u061f": "?",  # ARABIC QUESTION MARK
    "\u00ab": '"',  # LEFT-POINTING DOUBLE ANGLE QUOTATION MARK
    "\u00bb": '"',  # RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK
    "\u201c": '"',  # LEFT DOUBLE QUOTATION MARK
    "\u201d": '"',  # RIGHT DOUBLE QUOTATION MARK
    "\u201e": '"',  # DOUBLE LOW-9 QUOTATION MARK
}

# Rule: letters (General_Category Lo, Script Arabic) of the Arabic blocks
# (Arabic, Arabic Supplement, Arabic Extended-A/B/C) that Arabic-language
# orthography does not use.  The Arabic-language letters are the alphabet
# U+0621-U+063A and U+0641-U+064A (hamza, the hamza carriers, teh marbuta and
# alef maksura included) plus the dotless beh/qaf U+066E/U+066F and alef wasla
# U+0671.  What remains are letters of Persian (پ چ ژ گ ک ی ۀ), Urdu (ٹ ڈ ڑ ں
# ھ ہ ے), Pashto, Kurdish, Sindhi, Kashmiri and others, where a ZWNJ inside a
# word is spelling.  Presentation forms of these letters count too (derived at
# import below).
NON_ARABIC_LETTER_RANGES: tuple[tuple[int, int], ...] = (
    (0x0620, 0x0620),
    (0x063B, 0x063F),
    (0x0672, 0x06D3),
    (0x06D5, 0x06D5),
    (0x06EE, 0x06EF),
    (0x06FA, 0x06FC),
    (0x06FF, 0x06FF),
    (0x0750, 0x077F),
    (0x0870, 0x0887),
    (0x0889, 0x088F),
    (0x08A0, 0x08C8),
    (0x10EC2, 0x10EC4),
    (0x10EC6, 0x10EC7),
    (0x10ED9, 0x10EEE),
)

#: The blocks of Arabic presentation forms that normalize_presentation_forms maps.
PRESENTATION_RANGES: tuple[tuple[int, int], ...] = ((0xFB50, 0xFDFF), (0xFE70, 0xFEFF))


def _presentation_table() -> dict[str, str]:
    """Map each presentation form with a compatibility decomposition to what it stands for.

    One level of the character's own decomposition mapping (``<isolated>``,
    ``<final>``, ``<initial>``, ``<medial>`` or ``<compat>``), recomposed with
    NFC, so that the lam-alef ligatures keep their hamza (U+FEF7 -> lam +
    U+0623).  Unlike full NFKC this stops at the letter the form stands for:
    U+FBDD (U WITH HAMZA ABOVE ISOLATED FORM) becomes U+0677, not U+06C7 +
    U+0674.  U+FEFF has no decomposition; it is left to remove_invisible.
    """
    table: dict[str, str] = {}
    for lo, hi in PRESENTATION_RANGES:
        for cp in range(lo, hi + 1):
            ch = chr(cp)
            mapping = unicodedata.decomposition(ch)
            if not mapping.startswith("<"):
                continue
            parts = mapping.split()[1:]
            table[ch] = unicodedata.normalize("NFC", "".join(chr(int(p, 16)) for p in parts))
    return table


#: Presentation form -> the letters it stands for (derived on first access).
PRESENTATION_FORMS: dict[str, str]

_NON_ARABIC_BASE = _expand(NON_ARABIC_LETTER_RANGES)


def _non_arabic_letters() -> frozenset[str]:
    """The letters of NON_ARABIC_LETTER_RANGES and the presentation forms of them."""
    forms: dict[str, str] = _derived("PRESENTATION_FORMS")
    return _NON_ARABIC_BASE | frozenset(
        ch for ch, folded in forms.items() if any(c in _NON_ARABIC_BASE for c in folded)
    )


#: Letters Arabic-language orthography does not use (derived on first access).
NON_ARABIC_LETTERS: frozenset[str]


def _compositions() -> dict[tuple[str, str], str]:
    """Canonical compositions of an Arabic letter with madda or hamza above/below.

    Derived from unicodedata: every character of the Arabic blocks whose
    canonical decomposition is a letter followed by U+0653, U+0654 or U+0655
    and which NFC recomposes (so no composition exclusion applies).
    """
    table: dict[tuple[str, str], str] = {}
    for lo, hi in ((0x0600, 0x06FF), (0x0750, 0x077F), (0x0870, 0x08FF)):
        for cp in range(lo, hi + 1):
            ch = chr(cp)
            decomposed = unicodedata.decomposition(ch)
            if not decomposed or decomposed.startswith("<"):
                continue
            parts = [chr(int(p, 16)) for p in decomposed.split()]
            if len(parts) != 2 or parts[1] not in (MADDA_ABOVE, HAMZA_ABOVE, HAMZA_BELOW):
                continue
            if unicodedata.normalize("NFC", parts[0] + parts[1]) == ch:
                table[(parts[0], parts[1])] = ch
    return table


#: (base letter, combining mark) -> precomposed letter, e.g. (ا, U+0654) -> أ.
COMPOSITIONS = _compositions()
COMPOSING_MARKS = frozenset(mark for _, mark in COMPOSITIONS)
COMPOSING_BASES = frozenset(base for base, _ in COMPOSITIONS)

#: Line breaks normalize_whitespace keeps (CR LF is kept as a pair).
LINE_BREAKS = frozenset("\n\r\x85\u2028\u2029")


def _horizontal_spaces() -> frozenset[str]:
    """Every character str.isspace() accepts that is not a kept line break.

    That is the Unicode spaces (General_Category Zs, NBSP included), tab,
    vertical tab, form feed and the information separators U+001C-U+001F.  No
    whitespace lies above U+3000 (the test suite checks the whole range).
    """
    return frozenset(ch for ch in map(chr, range(0x3001)) if ch.isspace() and ch not in LINE_BREAKS)


#: Whitespace that is not a line break (derived on first access).
HORIZONTAL_SPACES: frozenset[str]

_DERIVE: dict[str, Callable[[], object]] = {
    "PRESENTATION_FORMS": _presentation_table,
    "NON_ARABIC_LETTERS": _non_arabic_letters,
    "HORIZONTAL_SPACES": _horizontal_spaces,
}


def __getattr__(name: str) -> object:
    """Derive a table of :data:`_DERIVE` on first access and keep it as a module global.

    Lazy for cost only: the three tables take a few milliseconds to derive,
    more than the rest of this module's import.
    """
    derive = _DERIVE.get(name)
    if derive is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = derive()
    globals()[name] = value
    return value


def _derived(name: str) -> Any:
    """A derived table from inside this module (a global lookup does not call __getattr__)."""
    return globals().get(name) or __getattr__(name)
