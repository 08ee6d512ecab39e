"""Match modes: which text words a query word matches, and how (prefix, stem, suffix).

Four modes, from strict to broad (:data:`MODES`); :data:`DEFAULT_MODE` is the default:

``exact``
    the same letters as written: only marks, tatweel and invisible characters are
    ignored (علي ≠ على, أمل ≠ امل, كتابة ≠ كتابه).
``spelling``
    the same word once both are :data:`arnews.normalize.SEARCH`-normalized (hamza
    forms, alef maksura, teh marbuta, Persian letters folded; ASCII case ignored).
``clitics``
    ``spelling``, or the word behind its proclitics: و/ف, then ب/ل/ك, then the
    article ال, where ل + ال is written لل (للموصل) and ل + ال + a stem starting with ل
    is written لل (للجنة = ل + اللجنة); a stem that starts with a hamza-alef keeps it
    after ال and ل (الإلكترونية, لألمانيا).
``inflections``
    ``clitics``, or the word with a pronoun enclitic (ه ها هما هم هن ك كما كم كن ني
    نا), its teh marbuta written ت before it (حكومته, حياتي), a final ى written ا
    (مستشفاه), a hamza on its seat (غذائهم), a sound plural's ن dropped (ممثلونا), or
    the tanween alef (عددا, شيئا).  Number and gender suffixes are not matched: a
    plural or a feminine is another word to search (see docs/querying.md).

Precision guards, applied in ``clitics`` and ``inflections``:

* a two-letter remainder is allowed only if it is one of
  :data:`arnews._analysis.SHORT_WORDS` (ولد is not و + لد) — the article may stand
  before any two-letter word (الأب);
* a word of ``data/whole_words.tsv`` (كامل, كبير, وزير, هناك, سوريا …: words whose
  letters also read as clitic + word, with the source of each stated there) is never
  split inside;
* the article never takes an enclitic or tanween (الكتابة is not ال + كتاب + ه);
* where the text's own letters tell (read from the token as written): the article's
  alef carries no hamza (ألسنة is not ال + سنة), ك before a stem starting with alef
  needs that alef to carry a hamza (كامل is not ك + أمل, كأسهم is ك + أسهم), a
  pronoun ه is not a ة (كتابة is not كتاب + ه), and a tanween alef carries no hamza.

A :class:`Term` holds one query word's candidate text words (normalized) with where
the stem starts and ends in each; index lookups go through :attr:`Term.forms`, and
:meth:`Term.accepts` applies the guards that need the original token.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterator, Mapping
from typing import Final

import attrs
import regex  # type: ignore[import-untyped]  # no stubs in the dev env

from ._analysis import (
    ABSORBED_ARTICLE_PREFIXES,
    ARTICLE,
    ENCLITICS,
    KAF,
    PROCLITIC_PREFIXES,
    SHORT_WORDS,
    normalize_words,
)
from ._checks import check_choice, check_str
from ._resources import read_text
from .normalize._tables import ALEF, ALEF_MAKSURA, HEH, TEH_MARBUTA, WAW, YEH

__all__ = [
    "DEFAULT_MODE",
    "MODES",
    "Term",
    "check_mode",
    "exact_key",
    "term",
    "term_match",
    "whole_words",
]

#: The match modes, strict to broad.
MODES: Final = ("exact", "spelling", "clitics", "inflections")
#: The mode a query uses when it does not say (chosen on the measurements in
#: benchmarks/README.md: the best recall and precision of the four on news text).
DEFAULT_MODE: Final = "inflections"

_ALEF = ALEF
_HAMZA_ALEFS = "\u0623\u0625\u0622"  # ALEF WITH HAMZA ABOVE, WITH HAMZA BELOW, WITH MADDA
_HAMZA = "\u0621"  # ARABIC LETTER HAMZA
_HEH = HEH
_TEH = "\u062a"  # ARABIC LETTER TEH
_TEH_MARBUTA = TEH_MARBUTA
_YEH = YEH
_ALEF_MAKSURA = ALEF_MAKSURA
_WAW = WAW
_NOON = "\u0646"  # ARABIC LETTER NOON
_LAM = "\u0644"  # ARABIC LETTER LAM
_MY = _YEH  # ي, the enclitic "my", allowed after a ت that was ة
_PLURAL_ENDINGS = (_WAW + _NOON, _YEH + _NOON)  # ون ين
# Enclitics that need a stem of three letters (ك/كم/كن/كما "your", ني "me"); the
# others also follow a two-letter word of SHORT_WORDS (معه, منها, معنا).
_LONG_STEM_ENCLITICS: Final = frozenset(e for e in ENCLITICS if e[0] == KAF or e == _NOON + _YEH)

# Checks on the token as written (bits of a form's ``checks``).
_ARTICLE_ALEF = 1  # the article's alef is bare
_KAF_HAMZA = 2  # after a bare ك, the stem's first alef carries a hamza
_PRONOUN_HEH = 4  # the enclitic's ه is not a ة
_TANWEEN_ALEF = 8  # the final alef is bare

# What exact matching ignores: marks, invisible format characters, tatweel.
_IGNORED = regex.compile(r"[\p{M}\p{Cf}\u0640]+")


def check_mode(mode: object, where: str) -> str:
    """``mode`` if it is one of :data:`MODES`, else an error naming them.

    >>> check_mode("exact", "search()")
    'exact'

    Raises:
        TypeError: if ``mode`` is not a str.
        ValueError: if it is not a mode.
    """
    return check_choice(mode, f"{where.removesuffix('()')}(mode=...)", MODES)


def exact_key(token: str) -> str:
    """A token's letters as written, for exact matching: marks, tatweel, invisibles dropped.

    Presentation forms become their letters (NFKC), and a hamza written as a mark
    joins its letter (ا + ٔ is أ); nothing is folded.

    >>> exact_key("عَلَى"), exact_key("بغـداد"), exact_key("أمل") == exact_key("امل")
    ('على', 'بغداد', False)
    """
    letters: str = _IGNORED.sub("", unicodedata.normalize("NFKC", token))
    return letters


@functools.cache
def whole_words() -> frozenset[str]:
    """The normalized words search never splits (``data/whole_words.tsv``).

    >>> "كامل" in whole_words(), "سوريا" in whole_words()
    (True, True)
    """
    return frozenset(w for _, w in _whole_word_entries())


@functools.cache
def _whole_words_as_written() -> frozenset[str]:
    """The same words as written (:func:`exact_key`), to tell كتابة from كتابه."""
    return frozenset(written for written, _ in _whole_word_entries())


@functools.cache
def _whole_word_entries() -> tuple[tuple[str, str], ...]:
    """(as written, normalized) for each word of ``data/whole_words.tsv``."""
    entries = []
    for line in read_text("whole_words.tsv").splitlines():
        if line and not line.startswith("#"):
            for word in normalize_words(line):
                entries.append((exact_key(line), word))
    return tuple(entries)


#: How a candidate text word holds the query word: (prefix letters, suffix letters, checks).
Analysis = tuple[int, int, int]


@attrs.frozen
class Term:
    """One query word in one mode: the text words it can match and where their stems are.

    ``forms`` maps each candidate normalized text word to its readings, most likely
    first, each ``(prefix, suffix, checks)``: how many of its letters come before and
    after the stem, and which checks on the original token :meth:`reading` must make.
    The whole-word guard is applied there too, so only to the forms an index has.

    >>> t = term("حكومة")
    >>> t.forms["وحكومته"][0][:2]
    (1, 1)
    >>> "حكومته" in term("حكومة", "clitics").forms
    False
    """

    text: str
    word: str
    mode: str
    exact: str
    forms: Mapping[str, tuple[Analysis, ...]]

    def reading(self, token: str, form: str) -> tuple[int, int] | None:
        """(prefix, suffix) letters of the first reading of ``token`` that holds, or None.

        ``token`` is the original text token and ``form`` its normalized word, one of
        :attr:`forms`.

        >>> t = term("أسهم")
        >>> t.reading("كاسهم", "كاسهم"), t.reading("كأسهم", "كاسهم"), t.reading("أسهم", "اسهم")
        (None, (1, 0), (0, 0))
        >>> term("أمل").reading("كامل", "كامل"), term("أمل", "exact").reading("امل", "امل")
        (None, None)
        """
        if self.mode == "exact":
            return (0, 0) if exact_key(token) == self.exact else None
        letters: str | None = None
        for prefix, suffix, checks in self.forms[form]:
            if not (prefix or suffix or checks):
                return 0, 0
            if letters is None:
                letters = exact_key(token)
            aligned = letters if len(letters) == len(form) else None
            if (prefix or suffix) and _splits_a_whole_word(form, aligned, prefix, suffix):
                continue
            if (
                checks
                and aligned is not None
                and not _letters_agree(aligned, prefix, suffix, checks)
            ):
                continue
            return prefix, suffix
        return None

    def accepts(self, token: str, form: str) -> bool:
        """Whether the original ``token`` (normalized to ``form``) matches: see :meth:`reading`.

        >>> term("كتاب").accepts("كتابه", "كتابه"), term("كتاب").accepts("كتابة", "كتابه")
        (True, False)
        """
        return self.reading(token, form) is not None


def _letters_agree(letters: str, prefix: int, suffix: int, checks: int) -> bool:
    """The checks on the letters as written (see :class:`Term`)."""
    if checks & _ARTICLE_ALEF and letters[prefix - 2] != _ALEF:
        return False
    if checks & _KAF_HAMZA and letters[prefix] not in _HAMZA_ALEFS:
        return False
    if checks & _PRONOUN_HEH and letters[len(letters) - suffix] == _TEH_MARBUTA:
        return False
    return not (checks & _TANWEEN_ALEF and letters[-1] != _ALEF)


@functools.lru_cache(maxsize=65536)
def _splits_a_whole_word(form: str, letters: str | None, prefix: int, suffix: int) -> bool:
    """Whether reading ``form`` as prefix + stem + suffix cuts into a whole word.

    ``letters`` is the token as written when it aligns with ``form``: then the whole
    word must be written the same way too (كتابه "his book" is not كتابة "writing").
    """
    stem = len(form) - prefix - suffix
    words = whole_words()
    written = _whole_words_as_written()
    for p in range(prefix + 1):
        for s in range(suffix + 1):
            if p == prefix and s == suffix:
                continue
            inner = form[p : len(form) - s]
            if (
                len(inner) > stem
                and inner in words
                and (letters is None or letters[p : len(letters) - s] in written)
            ):
                return True
    return False


def _stem_allowed(stem: str) -> bool:
    """A clitic may leave this stem: three letters or more, or a two-letter word."""
    return len(stem) >= 3 or stem in SHORT_WORDS


# (prefix, its length, whether it ends in the article, whether it ends in ك), once.
_PREFIXES: Final = tuple(
    (prefix, len(prefix), prefix.endswith(ARTICLE), prefix.endswith(KAF))
    for prefix in PROCLITIC_PREFIXES
)


# The same without the sequences that end in the article: (prefix, length, ends in ك).
_PLAIN_PREFIXES: Final = tuple((p, n, kaf) for p, n, article, kaf in _PREFIXES if not article)


def _plain(stem: str, *, article: bool = True) -> Iterator[tuple[str, int, int]]:
    """(text word, prefix letters, checks) for ``stem`` behind each plain proclitic sequence.

    Without ``article``, the sequences that end in the article are left out.
    """
    if len(stem) < 2:
        return
    short_ok = _stem_allowed(stem)
    bare_alef = stem.startswith(_ALEF) and not stem.startswith(ARTICLE)
    for prefix, size, has_article, kaf in _PREFIXES:
        if has_article:
            if article:
                yield prefix + stem, size, _ARTICLE_ALEF
        elif short_ok:
            yield prefix + stem, size, _KAF_HAMZA if kaf and bare_alef else 0


def _absorbed(stem: str) -> Iterator[tuple[str, int]]:
    """(text word, prefix letters) for ``stem`` behind ل + ال, written لل.

    The alef goes (للموصل); before a stem that starts with ل the article's lam goes
    too (ل + اللجنة = للجنة).
    """
    if len(stem) < 2:
        return
    for absorbed in ABSORBED_ARTICLE_PREFIXES:
        prefix = absorbed[:-1] if stem.startswith(_LAM) else absorbed
        yield prefix + stem, len(prefix)


def _suffixed(word: str, last: str) -> Iterator[tuple[str, int, int]]:
    """(stem + suffix, suffix letters, checks) for each enclitic or tanween form.

    ``word`` is normalized; ``last`` is its last letter as written (ة, ى and ء tell
    what the ending becomes before a suffix).
    """
    if len(word) < 2:
        return
    bases: list[tuple[str, bool]] = []  # (stem as written before an enclitic, ي allowed)
    tanween: list[str] = []
    if last == _TEH_MARBUTA:
        bases.append((word[:-1] + _TEH, True))  # حكومة → حكومته, حياتي
    elif word.endswith(_HEH):
        bases.append((word, False))  # a real final ه: وجهه
        if len(word) >= 4:
            bases.append((word[:-1] + _TEH, False))  # a ة written ه (مدينه → مدينته)
        tanween.append(word + _ALEF)  # وجها
    elif last == _ALEF_MAKSURA:
        bases.extend(((word, False), (word[:-1] + _ALEF, False)))  # عليه, مستشفاه
    elif word.endswith(_HAMZA):
        # The hamza sits on yeh or waw before a pronoun: غذائهم, أبناؤه (folded ي, و).
        bases.extend(((word, False), (word[:-1] + _YEH, False), (word[:-1] + _WAW, False)))
        if not word.endswith(_ALEF + _HAMZA):  # مساءً takes no alef
            tanween.extend((word + _ALEF, word[:-1] + _YEH + _ALEF))  # جزءا, شيئا
    else:
        bases.append((word, False))
        if not word.endswith(_ALEF):
            tanween.append(word + _ALEF)
    if len(word) >= 4 and word.endswith(_PLURAL_ENDINGS):
        bases.append((word[:-1], False))  # ممثلون → ممثلونا, مسؤولين → مسؤوليه
    long_ok = len(word) >= 3
    short_ok = _stem_allowed(word)
    for base, my in bases:
        for enclitic in ENCLITICS:
            if not (long_ok if enclitic in _LONG_STEM_ENCLITICS else short_ok):
                continue
            checks = _PRONOUN_HEH if enclitic.startswith(_HEH) else 0
            yield base + enclitic, len(enclitic), checks
        if my and long_ok:
            yield base + _MY, 1, 0
    if short_ok:
        for form in tanween:
            yield form, len(form) - len(word), _TANWEEN_ALEF


def _forms(word: str, last: str, mode: str) -> dict[str, tuple[Analysis, ...]]:
    """Every candidate text word of a normalized query word in ``mode``, with its readings."""
    forms: dict[str, tuple[Analysis, ...]] = {word: ((0, 0, 0),)}
    get = forms.get

    def add(form: str, reading: Analysis) -> None:
        readings = get(form)
        if readings is None:
            forms[form] = (reading,)
        elif reading not in readings:
            forms[form] = (*readings, reading)

    if mode in ("exact", "spelling"):
        return forms
    for form, prefix, checks in _plain(word):
        add(form, (prefix, 0, checks))
    for form, prefix in _absorbed(word):
        add(form, (prefix, 0, 0))
    if word.startswith(ARTICLE):
        # A query with its own article: ل absorbs it (للموصل for الموصل, للجنة).
        for form, prefix in _absorbed(word[len(ARTICLE) :]):
            add(form, (prefix, 0, 0))
    if mode == "inflections":
        proclitics_ok = _stem_allowed(word)
        bare_alef = word.startswith(_ALEF)  # a tail starts as the word does
        kaf_checks = _KAF_HAMZA if bare_alef and not word.startswith(ARTICLE) else 0
        for tail, suffix, checks in _suffixed(word, last):
            add(tail, (0, suffix, checks))
            if proclitics_ok and len(tail) >= 2:
                # The article takes no enclitic and no tanween: only و ف ب ل ك before them.
                for before, size, kaf in _PLAIN_PREFIXES:
                    add(before + tail, (size, suffix, checks | kaf_checks if kaf else checks))
    return forms


@functools.lru_cache(maxsize=4096)
def term(text: str, mode: str = DEFAULT_MODE) -> Term:
    """The :class:`Term` of one query word as written (or already normalized) in ``mode``.

    >>> sorted(term("بغداد", "clitics").forms)[:3]
    ['البغداد', 'بالبغداد', 'ببغداد']
    >>> term("كتاب").forms["كتابهم"]
    ((0, 2, 4),)

    Raises:
        TypeError: if ``text`` is not a str, or ``mode`` not a str.
        ValueError: if ``text`` is not one word, or ``mode`` is not a mode.
    """
    check_str(text, "term()")
    check_mode(mode, "term()")
    words = normalize_words(text)
    if len(words) != 1:
        msg = f"term() expects one word, got {text!r}; split a phrase into its words"
        raise ValueError(msg)
    (word,) = words
    exact = exact_key(text)
    last = exact[-1:] if len(exact) == len(word) else word[-1:]
    return Term(text, word, mode, exact, _forms(word, last, mode))


def term_match(token: str, query: str, mode: str = DEFAULT_MODE) -> tuple[int, int] | None:
    """How one text token matches one query word: (prefix letters, suffix letters), or None.

    The letters are counted in the token's normalized word; the stem is what lies
    between.  This is the relation search answers for every token of every field.

    >>> term_match("وبمرحلته", "مرحلة"), term_match("كامل", "أمل")
    ((2, 1), None)
    >>> term_match("للجنة", "اللجنة"), term_match("علي", "على", "exact")
    ((1, 0), None)

    Raises:
        TypeError: if an argument is not a str.
        ValueError: if ``query`` is not one word, or ``mode`` is not a mode.
    """
    check_str(token, "term_match()")
    found = term(query, mode)
    words = normalize_words(token)
    if len(words) != 1:
        return None
    if words[0] not in found.forms:
        return None
    return found.reading(token, words[0])
