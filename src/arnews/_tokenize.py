"""Tokens with spans into the original text, and the letter classes of scripts.

Character classes come from the ``regex`` module's Unicode properties (the
Unicode version of the installed ``regex``, 15.1 or later for the versions
arnews allows), never from hand-typed ranges, except the two Arabic number
separators U+066B and U+066C.  The same classes tell the script of a line
(:data:`ARABIC_LETTER_RE`, :data:`LATIN_LETTER_RE`, :data:`LETTER_RE`) for the
parser and the display.

What a token *means* to search (normalization, clitics) is in
:mod:`arnews._analysis`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Final

import attrs
import regex  # type: ignore[import-untyped]  # no stubs in the dev env

from ._checks import check_str

__all__ = [
    "ARABIC_LETTER_RANGES",
    "ARABIC_LETTER_RE",
    "KINDS",
    "LATIN_LETTER_RANGES",
    "LATIN_LETTER_RE",
    "LETTER_RE",
    "MARK_FORMS",
    "MAX_RUN",
    "WORD_RE",
    "Token",
    "run_pieces",
    "tokenize",
]

#: Token kinds, in the order :func:`tokenize` tries them.
KINDS: Final = ("number", "arabic", "latin", "other", "punct")

# Characters that SEARCH deletes (invisible format characters, tatweel) join
# the characters on either side into one token, as they vanish when the text
# is normalized; marks (\p{M}) belong to the token they follow.  That keeps
# tokenizing then normalizing each token equal to normalizing then tokenizing.
_GLUE = r"[\p{Cf}\u0640]+"
# What may sit between a joiner (an apostrophe, a number separator) and the
# character it needs after it: marks and the characters above.
_SKIP = r"[\p{M}\p{Cf}\u0640]*"
# An Arabic word starts with a letter (or a symbol ligature such as U+FDFD
# ARABIC LIGATURE BISMILLAH) used with the Arabic script — script extensions,
# so U+0640 ARABIC TATWEEL counts — but not with tatweel itself.  It goes on
# with such letters (tatweel included) and any combining mark (harakat,
# shadda, madda, superscript alef …).


def _mark_forms() -> str:
    """The presentation forms that are marks only (cheap to derive: two small blocks).

    U+FC5E ARABIC LIGATURE SHADDA WITH DAMMATAN ISOLATED FORM and its kin are letters
    to Unicode (Lo) but stand for a space and marks (NFKC), which SEARCH deletes; a
    word never starts with one (it may still sit inside a word, as any mark does).
    """
    found = []
    for code in (*range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00)):
        char = chr(code)
        if unicodedata.category(char) != "Lo":
            continue
        parts = unicodedata.normalize("NFKC", char)
        if all(unicodedata.category(c).startswith("M") or c in " \u0640" for c in parts):
            found.append(char)
    return "".join(found)


#: The presentation forms of marks (U+FC5E–U+FC63, U+FCF2–U+FCF4, U+FE70–U+FE7F less
#: U+FE73 and U+FE75): marks to search, so never the start of a word.
MARK_FORMS: Final = _mark_forms()
_AR_START = rf"[\p{{scx=Arabic}}&&[\p{{L}}\p{{So}}]--\u0640--[{MARK_FORMS}]]"
_AR_CONT = r"[[\p{scx=Arabic}&&[\p{L}\p{So}]]\p{M}]"
_ARABIC = rf"{_AR_START}(?:{_AR_CONT}|{_GLUE}(?={_AR_CONT}))*"
# Latin words keep their combining marks and an inner apostrophe (O'Brien).
_LA_LETTER = r"[\p{Latin}&&\p{L}]"
_LA_CONT = rf"(?:{_LA_LETTER}|\p{{M}})"
_APOSTROPHE = rf"['\u2019](?={_SKIP}{_LA_LETTER})"
_LATIN = (
    rf"{_LA_LETTER}(?:{_LA_CONT}|{_GLUE}(?={_LA_CONT}|{_APOSTROPHE})"
    rf"|{_APOSTROPHE}{_SKIP})*"
)
# Letters of any other script (Cyrillic, Greek, CJK …).
_OT_LETTER = r"[\p{L}--\p{scx=Arabic}--\p{Latin}]"
_OT_CONT = rf"(?:{_OT_LETTER}|\p{{M}})"
_OTHER = rf"{_OT_LETTER}(?:{_OT_CONT}|{_GLUE}(?={_OT_CONT}))*"
# Digits of any decimal digit set.  Between two digits a number may hold
# . , U+066B ARABIC DECIMAL SEPARATOR, U+066C ARABIC THOUSANDS SEPARATOR or
# U+060C ARABIC COMMA (which SEARCH may fold to ",").
_SEP = r"[.,\u066B\u066C\u060C]"
_NU_CONT = r"[\p{Nd}\p{M}]"
_NUMBER = (
    rf"\p{{Nd}}(?:{_NU_CONT}|{_GLUE}(?={_NU_CONT}|{_SEP})"
    rf"|{_SEP}(?={_SKIP}\p{{Nd}}){_SKIP})*"
)
# Latin letters glued to a number stay with it, as one number token: the
# ordinal suffix of 70th or 1st, units such as 10km, names such as 5G (so
# "th" is never a word of its own).  Invisible characters may sit between.
_NUMBER_WORD = rf"{_NUMBER}(?:(?:{_GLUE})?{_LATIN})?"
_PUNCT = r"[\p{P}\p{S}]"

_TOKEN_RE: Final = regex.compile(
    rf"(?P<number>{_NUMBER_WORD})|(?P<arabic>{_ARABIC})|(?P<latin>{_LATIN})"
    rf"|(?P<other>{_OTHER})|(?P<punct>{_PUNCT})",
    regex.V1,
)
#: Word-bearing tokens only (every kind but punct); the index uses this.
WORD_RE: Final = regex.compile(f"{_NUMBER_WORD}|{_ARABIC}|{_LATIN}|{_OTHER}", regex.V1)

# Letter classes for telling the script of a line, as code-point ranges generated once with
# ``regex`` 2026.11.19 (Unicode 17.0.0) and compiled with the standard library's ``re``
# (faster than ``regex`` for these lookups).  ``tests/test_tokenize.py`` re-derives both from
# the installed ``regex`` and compares.
#: Rule: Script = Latin AND General_Category = L (letters).
LATIN_LETTER_RANGES: Final = (
    (0x0041, 0x005A),
    (0x0061, 0x007A),
    (0x00AA, 0x00AA),
    (0x00BA, 0x00BA),
    (0x00C0, 0x00D6),
    (0x00D8, 0x00F6),
    (0x00F8, 0x02B8),
    (0x02E0, 0x02E4),
    (0x1D00, 0x1D25),
    (0x1D2C, 0x1D5C),
    (0x1D62, 0x1D65),
    (0x1D6B, 0x1D77),
    (0x1D79, 0x1DBE),
    (0x1E00, 0x1EFF),
    (0x2071, 0x2071),
    (0x207F, 0x207F),
    (0x2090, 0x209F),
    (0x212A, 0x212B),
    (0x2132, 0x2132),
    (0x214E, 0x214E),
    (0x2183, 0x2184),
    (0x2C60, 0x2C7F),
    (0xA722, 0xA787),
    (0xA78B, 0xA7DD),
    (0xA7E2, 0xA7E2),
    (0xA7F1, 0xA7FF),
    (0xAB30, 0xAB5A),
    (0xAB5C, 0xAB64),
    (0xAB66, 0xAB69),
    (0xAB6C, 0xAB6D),
    (0xFB00, 0xFB06),
    (0xFF21, 0xFF3A),
    (0xFF41, 0xFF5A),
    (0x10780, 0x10785),
    (0x10787, 0x107B0),
    (0x107B2, 0x107BF),
    (0x1DF00, 0x1DF81),
    (0x1DF90, 0x1DF96),
    (0x1DFCD, 0x1DFF2),
    (0x1DFF5, 0x1DFFF),
)
#: Rule: Script_Extensions contains Arabic AND General_Category = L (so tatweel counts).
ARABIC_LETTER_RANGES: Final = (
    (0x0620, 0x064A),
    (0x066E, 0x066F),
    (0x0671, 0x06D3),
    (0x06D5, 0x06D5),
    (0x06E5, 0x06E6),
    (0x06EE, 0x06EF),
    (0x06FA, 0x06FC),
    (0x06FF, 0x06FF),
    (0x0750, 0x077F),
    (0x0870, 0x0887),
    (0x0889, 0x088F),
    (0x08A0, 0x08C9),
    (0xFB50, 0xFBB1),
    (0xFBD3, 0xFD3D),
    (0xFD50, 0xFD8F),
    (0xFD92, 0xFDC7),
    (0xFDF0, 0xFDFB),
    (0xFE70, 0xFE74),
    (0xFE76, 0xFEFC),
    (0x10EC2, 0x10EC7),
    (0x10ED9, 0x10EEE),
    (0x1EE00, 0x1EE03),
    (0x1EE05, 0x1EE1F),
    (0x1EE21, 0x1EE22),
    (0x1EE24, 0x1EE24),
    (0x1EE27, 0x1EE27),
    (0x1EE29, 0x1EE32),
    (0x1EE34, 0x1EE37),
    (0x1EE39, 0x1EE39),
    (0x1EE3B, 0x1EE3B),
    (0x1EE42, 0x1EE42),
    (0x1EE47, 0x1EE47),
    (0x1EE49, 0x1EE49),
    (0x1EE4B, 0x1EE4B),
    (0x1EE4D, 0x1EE4F),
    (0x1EE51, 0x1EE52),
    (0x1EE54, 0x1EE54),
    (0x1EE57, 0x1EE57),
    (0x1EE59, 0x1EE59),
    (0x1EE5B, 0x1EE5B),
    (0x1EE5D, 0x1EE5D),
    (0x1EE5F, 0x1EE5F),
    (0x1EE61, 0x1EE62),
    (0x1EE64, 0x1EE64),
    (0x1EE67, 0x1EE6A),
    (0x1EE6C, 0x1EE72),
    (0x1EE74, 0x1EE77),
    (0x1EE79, 0x1EE7C),
    (0x1EE7E, 0x1EE7E),
    (0x1EE80, 0x1EE89),
    (0x1EE8B, 0x1EE9B),
    (0x1EEA1, 0x1EEA3),
    (0x1EEA5, 0x1EEA9),
    (0x1EEAB, 0x1EEBB),
)


def _class(ranges: tuple[tuple[int, int], ...]) -> str:
    """A ``re`` character class matching the ``ranges`` that lie in the Basic Multilingual Plane.

    Letters beyond it (Arabic mathematical alphabetic symbols, Latin phonetic
    extensions) are left out of these classes: they never tell the script of a
    news line, and one range past U+FFFF makes ``re`` test every range in turn
    instead of one table lookup per character.
    """
    bmp = ((lo, min(hi, 0xFFFF)) for lo, hi in ranges if lo <= 0xFFFF)
    return "[" + "".join(f"\\u{lo:04x}-\\u{hi:04x}" for lo, hi in bmp) + "]"


#: A letter used with the Arabic script (in the Basic Multilingual Plane).
ARABIC_LETTER_RE: Final = re.compile(_class(ARABIC_LETTER_RANGES))
#: A letter of the Latin script (in the Basic Multilingual Plane).
LATIN_LETTER_RE: Final = re.compile(_class(LATIN_LETTER_RANGES))
#: Any letter (``regex``'s ``\p{L}``).
LETTER_RE: Final = regex.compile(r"\p{L}")


@attrs.frozen
class Token:
    """One token: its exact text, its span in the original string, and its kind.

    ``kind`` is ``"arabic"``, ``"latin"``, ``"other"`` (a word in another
    script), ``"number"`` (digits, with any Latin letters glued after them,
    as in 70th) or ``"punct"`` (one punctuation mark or symbol).
    ``text == original[start:end]`` always holds.

    >>> Token("بغداد", 0, 5, "arabic").end
    5

    Raises:
        attrs.exceptions.FrozenInstanceError: on any attempt to change a field.
    """

    text: str
    start: int
    end: int
    kind: str

    @property
    def is_word(self) -> bool:
        """True for every kind but punctuation (words and numbers are searchable).

        >>> Token("،", 3, 4, "punct").is_word
        False
        """
        return self.kind != "punct"


def tokenize(text: str) -> tuple[Token, ...]:
    """Split ``text`` into word, number and punctuation tokens with original spans.

    Whitespace and invisible characters between tokens are skipped.  Marks
    (harakat, shadda …) and tatweel inside an Arabic word belong to the word;
    a number may mix digit sets and hold ``.``, ``,``, ``٫`` or ``٬`` between
    digits, and Latin letters written right after it belong to it (``70th``,
    ``10km`` are one number token); each punctuation mark or symbol is a
    token of its own.  A run of more than :data:`MAX_RUN` characters without
    whitespace (no word is that long) is read in pieces of that many characters,
    so it gives tokens of at most that length instead of exhausting memory.

    >>> [(t.text, t.kind) for t in tokenize("وبغداد، ١٬٠٠٠٫٥ Lavrov")]
    [('وبغداد', 'arabic'), ('،', 'punct'), ('١٬٠٠٠٫٥', 'number'), ('Lavrov', 'latin')]
    >>> [t.text for t in tokenize("the 70th session")]
    ['the', '70th', 'session']
    >>> tokenize("لـ«الحشد»")[0]
    Token(text='لـ', start=0, end=2, kind='arabic')

    Raises:
        TypeError: if ``text`` is not a str.
    """
    check_str(text, "tokenize()")
    return tuple(
        Token(m.group(), start + m.start(), start + m.end(), str(m.lastgroup))
        for start, piece in run_pieces(text)
        for m in _TOKEN_RE.finditer(piece)
    )


#: The longest whitespace-free run read as one piece (see :func:`tokenize`).
MAX_RUN: Final = 100_000
_LONG_RUN: Final = re.compile(rf"\S{{{MAX_RUN + 1},}}")


def run_pieces(text: str) -> Iterator[tuple[int, str]]:
    """``text`` as (offset, piece) pairs: whole, unless a whitespace-free run is too long.

    A run longer than :data:`MAX_RUN` is cut into pieces of that length; the text
    around it comes out as it is.

    >>> [(start, len(piece)) for start, piece in run_pieces("ab " + "x" * 100_001)]
    [(0, 3), (3, 100000), (100003, 1)]

    Raises:
        TypeError: if ``text`` is not a str.
    """
    check_str(text, "run_pieces()")
    done = 0
    for long_run in _LONG_RUN.finditer(text):
        if long_run.start() > done:
            yield done, text[done : long_run.start()]
        for start in range(long_run.start(), long_run.end(), MAX_RUN):
            yield start, text[start : min(start + MAX_RUN, long_run.end())]
        done = long_run.end()
    if done < len(text) or not text:
        yield done, text[done:]
