"""Tokens with spans into the original text, and the proclitic analysis behind search.

Character classes come from the ``regex`` module's Unicode properties (the
Unicode version of the installed ``regex``, 15.1 or later for the versions
arnews allows), never from hand-typed ranges, except the two Arabic number
separators U+066B and U+066C.

Proclitics (prefixed conjunctions, prepositions and the article) are handled
on *normalized* words: :func:`clitic_match` and :func:`proclitic_forms` take
strings that already went through :data:`arnews.normalize.SEARCH`, whose
letters are plain (أ إ آ folded to ا, no marks, no tatweel).
"""

from __future__ import annotations

from typing import Final

import attrs
import regex  # type: ignore[import-untyped]  # no stubs in the dev env

__all__ = [
    "ABSORBED_ARTICLE_PREFIXES",
    "KINDS",
    "MIN_STEM",
    "PROCLITIC_PREFIXES",
    "Token",
    "clitic_match",
    "proclitic_forms",
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


def require_str(where: str, value: object) -> None:
    """Raise TypeError naming ``where`` unless ``value`` is a str."""
    if not isinstance(value, str):
        hint = '; decode it first, e.g. data.decode("utf-8")' if isinstance(value, bytes) else ""
        msg = f"{where} expects str, got {type(value).__name__}{hint}"
        raise TypeError(msg)


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
    require_str("tokenize()", text)
    return tuple(
        Token(m.group(), m.start(), m.end(), str(m.lastgroup)) for m in _TOKEN_RE.finditer(text)
    )


# -- proclitics ------------------------------------------------------------------

_WAW = "\u0648"  # ARABIC LETTER WAW (and)
_FEH = "\u0641"  # ARABIC LETTER FEH (so, then)
_BEH = "\u0628"  # ARABIC LETTER BEH (in, with)
_LAM = "\u0644"  # ARABIC LETTER LAM (for, to)
_KAF = "\u0643"  # ARABIC LETTER KAF (like)
_ARTICLE = "\u0627\u0644"  # ALEF + LAM: the definite article ال

#: Shortest stem a proclitic may leave, in letters.
MIN_STEM: Final = 2


def _prefixes() -> tuple[tuple[str, ...], tuple[str, ...]]:
    plain: set[str] = set()
    absorbed: set[str] = set()
    for conj in ("", _WAW, _FEH):
        for prep in ("", _BEH, _LAM, _KAF):
            plain.add(conj + prep)
            if prep == _LAM:
                # ل + ال is written لل: the article's alef is dropped.
                absorbed.add(conj + _LAM + _LAM)
            else:
                plain.add(conj + prep + _ARTICLE)
    plain.discard("")
    return tuple(sorted(plain, key=lambda p: (len(p), p))), tuple(sorted(absorbed))


#: Every non-empty proclitic sequence that is simply prefixed to a stem:
#: optional و/ف, then optional ب/ل/ك, then optional ال (except ل + ال).
#: Normalized letters, shortest first.
PROCLITIC_PREFIXES: Final = _prefixes()[0]
#: The sequences ending in لل (ل + ال with the alef absorbed), which stand
#: before a stem whose own ال was absorbed: للموصل = ل + الموصل.
ABSORBED_ARTICLE_PREFIXES: Final = _prefixes()[1]


def _allowed(prefix: str, word: str) -> bool:
    """Whether ``prefix`` may stand before ``word`` (ل and ال never precede ال)."""
    return not (prefix.endswith(_LAM) and word.startswith(_ARTICLE))


def proclitic_forms(word: str) -> tuple[tuple[str, int], ...]:
    """Every text word that ``word`` matches, with where its stem starts in it.

    ``word`` is a normalized query word.  The result pairs each normalized text
    word that matches it with the stem's start in that text word (the stem
    runs to the word's end):

    * the word itself;
    * the word behind each proclitic sequence — و/ف, then ب/ل/ك, then ال —
      where ل + ال is written لل (للموصل = ل + ال + موصل);
    * for a word starting with ال, the forms where ل absorbed its alef
      (للموصل for الموصل).

    No form leaves a stem shorter than two letters, and ل or ال never stand
    before a word that starts with ال (that is spelt لل).

    >>> dict(proclitic_forms("بغداد"))["وبغداد"]
    1
    >>> dict(proclitic_forms("الموصل"))["للموصل"]
    2
    >>> "وب" in dict(proclitic_forms("ب"))
    False

    Raises:
        TypeError: if ``word`` is not a str.
    """
    require_str("proclitic_forms()", word)
    forms: dict[str, int] = {word: 0}
    if len(word) >= MIN_STEM:
        for prefix in PROCLITIC_PREFIXES + ABSORBED_ARTICLE_PREFIXES:
            if _allowed(prefix, word):
                forms.setdefault(prefix + word, len(prefix))
    rest = word[len(_ARTICLE) :]
    if word.startswith(_ARTICLE) and len(rest) >= MIN_STEM:
        for prefix in ABSORBED_ARTICLE_PREFIXES:
            forms.setdefault(prefix + rest, len(prefix))
    return tuple(forms.items())


def clitic_match(text_word: str, query_word: str) -> int | None:
    """Where the stem starts if normalized ``text_word`` matches ``query_word``, else None.

    The text word matches when it is the query word, or the query word behind
    a valid proclitic sequence (see :func:`proclitic_forms`), leaving a stem
    of at least two letters; a query word starting with ال also matches
    behind لل, ولل or فلل (ل absorbed the article).  Words that merely begin
    with those letters still match themselves.

    >>> clitic_match("وبغداد", "بغداد"), clitic_match("بغداد", "بغداد")
    (1, 0)
    >>> clitic_match("للموصل", "الموصل"), clitic_match("ولد", "ولد")
    (2, 0)
    >>> clitic_match("ولد", "د") is None, clitic_match("بغداد", "غداد")
    (True, 1)

    Raises:
        TypeError: if either argument is not a str.
    """
    require_str("clitic_match()", text_word)
    require_str("clitic_match()", query_word)
    if text_word == query_word:
        return 0
    if len(query_word) >= MIN_STEM and text_word.endswith(query_word):
        prefix = text_word[: len(text_word) - len(query_word)]
        if prefix in _ALL_SET and _allowed(prefix, query_word):
            return len(prefix)
    rest = query_word[len(_ARTICLE) :]
    if query_word.startswith(_ARTICLE) and len(rest) >= MIN_STEM and text_word.endswith(rest):
        prefix = text_word[: len(text_word) - len(rest)]
        if prefix in _ABSORBED_SET:
            return len(prefix)
    return None


_ALL_SET: Final = frozenset(PROCLITIC_PREFIXES + ABSORBED_ARTICLE_PREFIXES)
_ABSORBED_SET: Final = frozenset(ABSORBED_ARTICLE_PREFIXES)
