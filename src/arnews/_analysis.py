"""What a token means to search: the one normalization path and the clitic analysis.

Text and queries become index keys through :func:`normalize_words` (tokens of
the :data:`arnews.normalize.SEARCH` form, ASCII lower-cased), so an index and
its queries always agree.

Proclitics (prefixed conjunctions, prepositions and the article) are handled
on *normalized* words: :func:`clitic_match` and :func:`proclitic_forms` take
strings that already went through :data:`arnews.normalize.SEARCH`, whose
letters are plain (أ إ آ folded to ا, no marks, no tatweel).  This module holds
the one copy of the clitic letters.
"""

from __future__ import annotations

import functools
from typing import Final

from ._checks import check_str
from ._tokenize import WORD_RE
from .normalize import SEARCH

__all__ = [
    "ABSORBED_ARTICLE_PREFIXES",
    "ARTICLE",
    "CONJUNCTIONS",
    "ENCLITICS",
    "KAF",
    "MIN_STEM",
    "PROCLITIC_PREFIXES",
    "SHORT_WORDS",
    "clitic_match",
    "normalize_words",
    "proclitic_forms",
    "stem_offset",
    "stem_span",
]


def normalize_words(text: str) -> tuple[str, ...]:
    """The SEARCH-normalized words of ``text``, in order (numbers included).

    Words written in ASCII are also lower-cased, so ``putin`` finds ``Putin``:
    SEARCH itself leaves ASCII alone (a law of the normalizers), and ASCII
    lower-casing keeps every length, so spans are unaffected.  Other Latin
    letters (é, ß) keep their case.

    >>> normalize_words("وبِغدادَ، ١٬٠٠٠ Putin")
    ('وبغداد', '1,000', 'putin')
    """
    return tuple(word.lower() if word.isascii() else word for word in WORD_RE.findall(SEARCH(text)))


def stem_offset(token: str, stem: int) -> int:
    """Offset in the original ``token`` where its normalized stem (from ``stem``) starts.

    ``stem`` is where the stem starts in the token's normalized word; the
    answer is the matching offset in the token as written (marks and tatweel
    after a proclitic belong to the proclitic).

    >>> stem_offset("وَبغداد", 1)
    2
    """
    return stem_span(token, stem, 0)[0]


def stem_span(token: str, prefix: int, suffix: int) -> tuple[int, int]:
    """Offsets in the original ``token`` of its stem: after ``prefix``, before ``suffix``.

    ``prefix`` and ``suffix`` count letters of the token's normalized word; the
    answer spans the same letters in the token as written (marks after the
    stem's last letter stay with the stem, those after a proclitic with it).
    Answers for tokens of up to 64 characters are kept (a bounded cache that
    holds no long string).

    >>> stem_span("وَبغداد", 1, 0), stem_span("حكومتُه", 0, 1)
    ((2, 7), (0, 6))

    Raises:
        TypeError: if ``token`` is not a str.
    """
    check_str(token, "stem_span()")
    if not prefix and not suffix:
        return 0, len(token)
    if len(token) <= _CACHED_TOKEN_CHARS:
        return _cached_stem_span(token, prefix, suffix)
    return _stem_span(token, prefix, suffix)


_CACHED_TOKEN_CHARS: Final = 64


@functools.lru_cache(maxsize=65536)
def _cached_stem_span(token: str, prefix: int, suffix: int) -> tuple[int, int]:
    """:func:`_stem_span`, cached."""
    return _stem_span(token, prefix, suffix)


def _stem_span(token: str, prefix: int, suffix: int) -> tuple[int, int]:
    """:func:`stem_span` without the cache."""
    words = normalize_words(token)
    if len(words) != 1:
        return 0, len(token)  # a ligature standing for several words: no inner stem
    alignment = SEARCH.align(token)
    # words[0] is ASCII-lower-cased when ASCII (normalize_words); fold alike.
    folded = alignment.text.lower() if words[0].isascii() else alignment.text
    at = folded.find(words[0])
    start = alignment.to_original(at + prefix, at + prefix + 1)[0] if prefix else 0
    end = len(token)
    if suffix:
        cut = at + len(words[0]) - suffix
        end = alignment.to_original(cut, cut + 1)[0]
    return start, end


_WAW = "\u0648"  # ARABIC LETTER WAW (and)
_FEH = "\u0641"  # ARABIC LETTER FEH (so, then)
_BEH = "\u0628"  # ARABIC LETTER BEH (in, with)
_LAM = "\u0644"  # ARABIC LETTER LAM (for, to)
#: ARABIC LETTER KAF (like).
KAF: Final = "\u0643"
#: ALEF + LAM: the definite article ال.
ARTICLE: Final = "\u0627\u0644"
#: The conjunctions written as proclitics: و (and), ف (so, then).
CONJUNCTIONS: Final = frozenset((_WAW, _FEH))

#: The pronoun enclitics, normalized: ه ها هما هم هن (his, her, their), ك كما كم كن
#: (your), ني (me, on verbs) and نا (our, us).  ي (my) is written after a ت that was
#: ة (حياتي) and nowhere else here: elsewhere a final ي is far more often the
#: adjective ending (عربي, دولي).
ENCLITICS: Final = (
    "\u0647",  # ه
    "\u0647\u0627",  # ها
    "\u0647\u0645\u0627",  # هما
    "\u0647\u0645",  # هم
    "\u0647\u0646",  # هن
    "\u0643",  # ك
    "\u0643\u0645\u0627",  # كما
    "\u0643\u0645",  # كم
    "\u0643\u0646",  # كن
    "\u0646\u064a",  # ني
    "\u0646\u0627",  # نا
)
#: The two-letter words a clitic may leave as the stem (normalized): a closed class of
#: particles and two-letter nouns.  Any other two-letter remainder is refused, so وجد
#: is not و + جد and ملك is not مل + ك.
SHORT_WORDS: Final = frozenset(
    (
        "\u0645\u0639",  # مع
        "\u0645\u0646",  # من
        "\u0641\u064a",  # في
        "\u0639\u0646",  # عن
        "\u0627\u0646",  # أن إن
        "\u0644\u0627",  # لا
        "\u0645\u0627",  # ما
        "\u0644\u0645",  # لم
        "\u0644\u0646",  # لن
        "\u0642\u062f",  # قد
        "\u0647\u0648",  # هو
        "\u0647\u064a",  # هي
        "\u0643\u0644",  # كل
        "\u0627\u064a",  # أي
        "\u0627\u0628",  # أب
        "\u0627\u062e",  # أخ
        "\u0627\u0645",  # أم
        "\u064a\u062f",  # يد
        "\u062f\u0645",  # دم
        "\u0630\u0648",  # ذو
        "\u062d\u064a",  # حي
    )
)

#: Shortest stem a proclitic may leave, in letters.
MIN_STEM: Final = 2


def _prefixes() -> tuple[tuple[str, ...], tuple[str, ...]]:
    plain: set[str] = set()
    absorbed: set[str] = set()
    for conj in ("", _WAW, _FEH):
        for prep in ("", _BEH, _LAM, KAF):
            plain.add(conj + prep)
            if prep == _LAM:
                # ل + ال is written لل: the article's alef is dropped.
                absorbed.add(conj + _LAM + _LAM)
            else:
                plain.add(conj + prep + ARTICLE)
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
    return not (prefix.endswith(_LAM) and word.startswith(ARTICLE))


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
    check_str(word, "proclitic_forms()")
    forms: dict[str, int] = {word: 0}
    if len(word) >= MIN_STEM:
        for prefix in PROCLITIC_PREFIXES + ABSORBED_ARTICLE_PREFIXES:
            if _allowed(prefix, word):
                forms.setdefault(prefix + word, len(prefix))
    rest = word[len(ARTICLE) :]
    if word.startswith(ARTICLE) and len(rest) >= MIN_STEM:
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
    check_str(text_word, "clitic_match()")
    check_str(query_word, "clitic_match()")
    if text_word == query_word:
        return 0
    if len(query_word) >= MIN_STEM and text_word.endswith(query_word):
        prefix = text_word[: len(text_word) - len(query_word)]
        if prefix in _ALL_SET and _allowed(prefix, query_word):
            return len(prefix)
    rest = query_word[len(ARTICLE) :]
    if query_word.startswith(ARTICLE) and len(rest) >= MIN_STEM and text_word.endswith(rest):
        prefix = text_word[: len(text_word) - len(rest)]
        if prefix in _ABSORBED_SET:
            return len(prefix)
    return None


_ALL_SET: Final = frozenset(PROCLITIC_PREFIXES + ABSORBED_ARTICLE_PREFIXES)
_ABSORBED_SET: Final = frozenset(ABSORBED_ARTICLE_PREFIXES)
