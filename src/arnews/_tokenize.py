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

from typing import Final

import attrs
import regex  # type: ignore[import-untyped]  # no stubs in the dev env

from ._checks import check_str

__all__ = [
    "ARABIC_LETTER_RE",
    "KINDS",
    "LATIN_LETTER_RE",
    "LETTER_RE",
    "WORD_RE",
    "Token",
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
_AR_START = r"[\p{scx=Arabic}&&[\p{L}\p{So}]--\u0640]"
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

#: A letter used with the Arabic script (Script_Extensions, so tatweel counts).
ARABIC_LETTER_RE: Final = regex.compile(r"[\p{scx=Arabic}&&\p{L}]", regex.V1)
#: A letter of the Latin script.
LATIN_LETTER_RE: Final = regex.compile(_LA_LETTER, regex.V1)
#: Any letter.
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
    token of its own.

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
        Token(m.group(), m.start(), m.end(), str(m.lastgroup)) for m in _TOKEN_RE.finditer(text)
    )
