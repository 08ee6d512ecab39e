r"""Arabic normalization: one function per operation, pipelines, and offset maps.

Every operation takes a ``str`` and returns a ``str``; :class:`Normalizer`
chains them, and the two presets cover the common needs:

* :data:`SEARCH` folds spelling variants (diacritics, alef/yeh/hamza forms,
  teh marbuta, digits, punctuation) so that an index and its queries agree;
* :data:`CLEAN` changes no letter: presentation forms, invisible characters,
  tatweel and whitespace only.

>>> from arnews.normalize import SEARCH, CLEAN
>>> SEARCH("إِلى المَدْرَسَةِ  ١٢٣")
'الي المدرسه 123'
>>> CLEAN("ﻷن ـــــ  النص\u200f")
'لأن النص'

:meth:`Normalizer.align` returns the normalized text together with an
:class:`~arnews._align.Alignment` mapping spans back to the original.

Fast path (contract with ``arnews._fastpath``)
----------------------------------------------

The presets dispatch to an optional private module ``arnews._fastpath`` when it
is importable and defines the matching functions; otherwise the step-by-step
reference pipeline here runs.  The functions are::

    arnews._fastpath.search(text: str) -> str             # == SEARCH.reference(text)
    arnews._fastpath.clean(text: str) -> str              # == CLEAN.reference(text)
    arnews._fastpath.search_align(text: str) -> Alignment # same text and spans
    arnews._fastpath.clean_align(text: str) -> Alignment

They receive an already type-checked ``str``.  An ``*_align`` function builds
its result with :meth:`arnews._align.Alignment.from_segments`; its
``to_original``/``to_normalized`` answers must equal the reference ones for
every span (the segment arrays themselves may differ, e.g. be merged).
``Normalizer.reference`` is the same pipeline with the fast path switched off;
the tests compare both.
"""

from __future__ import annotations

import functools
import importlib
import operator
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

import attrs
import regex  # type: ignore[import-untyped]  # no stubs in the dev env

from . import _chars as C  # noqa: N812  # short name for the character tables
from ._align import Alignment, compose, from_edits

__all__ = [
    "CLEAN",
    "SEARCH",
    "Alignment",
    "Normalizer",
    "Step",
    "normalize_alef",
    "normalize_digits",
    "normalize_hamza",
    "normalize_persian_letters",
    "normalize_presentation_forms",
    "normalize_punctuation",
    "normalize_teh_marbuta",
    "normalize_whitespace",
    "normalize_yeh",
    "remove_invisible",
    "strip_diacritics",
    "strip_harakat",
    "strip_tatweel",
]

_Edit = tuple[int, int, int, bool]  # (start, end, new_length, attach): see _align.from_edits


def _substituted(text: str, out: str) -> Alignment:
    """The alignment of a one-to-one character substitution (equal lengths)."""
    return attrs.evolve(Alignment.identity(text), text=out)


def _check_str(func: str, text: object) -> None:
    """Raise TypeError naming the type when ``text`` is not a str."""
    if isinstance(text, str):
        return
    kind = type(text).__name__
    if isinstance(text, bytes | bytearray | memoryview):
        raise TypeError(
            f"{func}() expects str, got {kind}; decode it first, e.g. data.decode('utf-8')"
        )
    raise TypeError(f"{func}() expects str, got {kind}; pass the text as a str")


def _cls(chars: Iterable[str]) -> str:
    """A regex character-class body matching exactly ``chars`` (escaped)."""
    return "".join(f"\\U{ord(c):08x}" for c in sorted(chars))


_Pairs = tuple[tuple[str, str], ...]


def _deletions(chars: Iterable[str]) -> _Pairs:
    """Pairs for :func:`_fold` that delete ``chars``."""
    return tuple((c, "") for c in sorted(chars))


def _pairs(mapping: dict[str, str]) -> _Pairs:
    """Pairs for :func:`_fold` from a character -> replacement mapping."""
    return tuple(sorted(mapping.items()))


def _fold(text: str, pairs: _Pairs) -> str:
    """Replace each character of ``pairs`` with its replacement.

    Same result as ``str.translate`` for these tables (no replacement contains
    a character that is replaced), but a chain of ``in`` checks and
    ``str.replace`` runs ten times faster: an absent character costs one fast
    scan, and most are absent from any given text.
    """
    for old, new in pairs:
        if old in text:
            text = text.replace(old, new)
    return text


# --------------------------------------------------------------------------- diacritics

_STRIP_TABLE = _deletions(C.STRIPPED_MARKS)
_HARAKAT_TABLE = _deletions(C.HARAKAT)
_MARKS = _cls(C.ARABIC_MARKS)
# A composing base letter followed by Arabic marks among which is madda or a
# combining hamza: the unit that strip_diacritics composes.
_CLUSTER = f"[{_cls(C.COMPOSING_BASES)}][{_MARKS}]*[{_cls(C.COMPOSING_MARKS)}][{_MARKS}]*"
_CLUSTER_RE = regex.compile(_CLUSTER)
_DIACRITICS_RE = regex.compile(f"(?P<c>{_CLUSTER})|[{_cls(C.STRIPPED_MARKS)}]+")
_HARAKAT_RE = regex.compile(f"[{_cls(C.HARAKAT)}]+")


def _compose_cluster(cluster: str) -> str:
    """Compose base + madda/hamza marks of a cluster and drop its other marks.

    NFC of the base with its madda/hamza marks; an uncomposed madda is then
    dropped and NFC runs once more, so the result is a fixed point.
    """
    kept = cluster[0] + "".join(c for c in cluster[1:] if c in C.COMPOSING_MARKS)
    composed = unicodedata.normalize("NFC", kept)
    if C.MADDA_ABOVE in composed:
        composed = unicodedata.normalize("NFC", composed.replace(C.MADDA_ABOVE, ""))
    return composed


def _has_composing_mark(text: str) -> bool:
    """Whether text contains madda above or a combining hamza."""
    return C.MADDA_ABOVE in text or C.HAMZA_ABOVE in text or C.HAMZA_BELOW in text


def strip_diacritics(text: str) -> str:
    r"""Remove every Arabic combining mark except the hamza that belongs to a letter.

    Deletes each character of General_Category Mn whose Script_Extensions
    include Arabic (harakat, tanween, shadda, sukun, madda above U+0653,
    dagger alef U+0670, the honorific and Quranic signs U+0610-U+061A and
    U+06D6-U+06ED, Arabic Extended-A/B/C marks), Unicode 17.0.  A madda or
    combining hamza (U+0653-U+0655) after a letter is first composed with it
    as NFC would (ا + U+0654 -> أ, ا + U+0653 -> آ); a hamza that composes with
    nothing (ى + U+0654) stays.  Only these Arabic sequences are composed: the
    rest of the text is not NFC-normalized, so other scripts are untouched.

    >>> strip_diacritics("مُحَمَّدٌ")
    'محمد'
    >>> strip_diacritics("ا\u0654مل")  # alef + ARABIC HAMZA ABOVE
    'أمل'
    >>> strip_diacritics("ذَٰلِكَ")  # dagger alef U+0670 goes too
    'ذلك'

    Raises:
        TypeError: if text is not a str.
    """
    _check_str("strip_diacritics", text)
    if _has_composing_mark(text):
        text = _CLUSTER_RE.sub(lambda m: _compose_cluster(m.group()), text)
    return _fold(text, _STRIP_TABLE)


def _strip_diacritics_align(text: str) -> Alignment:
    """strip_diacritics with its map (marks attach to the letter before them)."""
    edits: list[_Edit] = []
    parts: list[str] = []
    cursor = 0
    for m in _DIACRITICS_RE.finditer(text):
        start, end = m.span()
        replacement = _compose_cluster(m.group()) if m.group("c") else ""
        if replacement == m.group():
            continue
        parts.append(text[cursor:start])
        parts.append(replacement)
        edits.append((start, end, len(replacement), not replacement))
        cursor = end
    parts.append(text[cursor:])
    return from_edits(text, "".join(parts), edits)


def strip_harakat(text: str) -> str:
    """Remove the vowel marks only: tanween, fatha, damma, kasra and sukun.

    Shadda, madda, dagger alef and every other mark stay, and nothing is
    composed (see :func:`strip_diacritics` for the full removal).

    >>> strip_harakat("مُحَمَّدٌ")
    'محمّد'

    Raises:
        TypeError: if text is not a str.
    """
    _check_str("strip_harakat", text)
    return _fold(text, _HARAKAT_TABLE)


def _deletion_align(pattern: regex.Pattern[str], text: str, attach: bool) -> Alignment:
    """Delete every match of pattern; one edit per match."""
    edits = [(m.start(), m.end(), 0, attach) for m in pattern.finditer(text)]
    if not edits:
        return Alignment.identity(text)
    return from_edits(text, pattern.sub("", text), edits)


def _strip_harakat_align(text: str) -> Alignment:
    """strip_harakat with its map (harakat attach to the letter before them)."""
    return _deletion_align(_HARAKAT_RE, text, attach=True)


_TATWEEL_RE = regex.compile(f"{C.TATWEEL}+")


def strip_tatweel(text: str) -> str:
    """Remove tatweel (U+0640 ARABIC TATWEEL), the elongation stroke.

    >>> strip_tatweel("الســـلام")
    'السلام'

    Raises:
        TypeError: if text is not a str.
    """
    _check_str("strip_tatweel", text)
    return text.replace(C.TATWEEL, "")


def _strip_tatweel_align(text: str) -> Alignment:
    """strip_tatweel with its map (tatweel attaches to the letter before it)."""
    return _deletion_align(_TATWEEL_RE, text, attach=True)


# ------------------------------------------------------------------- letter folding

_ALEF_TABLE = _pairs(dict.fromkeys(C.ALEF_VARIANTS, C.ALEF))
_YEH_TABLE = _pairs({C.ALEF_MAKSURA: C.YEH, C.FARSI_YEH: C.YEH})
_TEH_TABLE = _pairs({C.TEH_MARBUTA: C.HEH})
_HAMZA_TABLE = _pairs({C.WAW_WITH_HAMZA: C.WAW, C.YEH_WITH_HAMZA: C.YEH})


def normalize_alef(text: str) -> str:
    """Fold the alef variants أ إ آ ٱ ٲ ٳ to bare alef ا.

    >>> normalize_alef("أحمد وإبراهيم وآمنة")
    'احمد وابراهيم وامنة'

    Raises:
        TypeError: if text is not a str.
    """
    _check_str("normalize_alef", text)
    return _fold(text, _ALEF_TABLE)


def normalize_yeh(text: str) -> str:
    """Fold alef maksura ى and Farsi yeh ی to Arabic yeh ي.

    ى is a yeh-class letter: it never becomes alef here.

    >>> normalize_yeh("على مستوی")
    'علي مستوي'

    Raises:
        TypeError: if text is not a str.
    """
    _check_str("normalize_yeh", text)
    return _fold(text, _YEH_TABLE)


# ی (FARSI YEH) at the end of a word: followed, after any marks, by no letter.
_FINAL_FARSI_YEH_RE = regex.compile(r"\u06cc(?=\p{Mn}*+(?!\p{L}))")
_PERSIAN_TABLE = _pairs({C.KEHEH: C.KAF, C.FARSI_YEH: C.YEH})


def normalize_persian_letters(text: str) -> str:
    """Spell Persian-keyboard letters the Arabic way, for display.

    Keheh ک becomes kaf ك; Farsi yeh ی becomes yeh ي inside a word and alef
    maksura ى at its end (where Arabic writes the dotless form).  A word ends
    where no letter follows (after any combining marks); tatweel counts as a
    letter, ZWNJ does not.  Not part of :data:`SEARCH`, which folds both yeh
    forms to ي anyway.

    >>> normalize_persian_letters("علی کتابی علیه")
    'على كتابى عليه'

    Raises:
        TypeError: if text is not a str.
    """
    _check_str("normalize_persian_letters", text)
    if C.FARSI_YEH in text:
        text = _FINAL_FARSI_YEH_RE.sub(C.ALEF_MAKSURA, text)
    return _fold(text, _PERSIAN_TABLE)


def normalize_teh_marbuta(text: str) -> str:
    """Fold teh marbuta ة to heh ه.

    >>> normalize_teh_marbuta("مدرسة")
    'مدرسه'

    Raises:
        TypeError: if text is not a str.
    """
    _check_str("normalize_teh_marbuta", text)
    return _fold(text, _TEH_TABLE)


def normalize_hamza(text: str) -> str:
    """Fold the hamza carriers ؤ to و and ئ to ي; a standalone ء stays.

    >>> normalize_hamza("مسؤول رئيس جزء")
    'مسوول رييس جزء'

    Raises:
        TypeError: if text is not a str.
    """
    _check_str("normalize_hamza", text)
    return _fold(text, _HAMZA_TABLE)


# ---------------------------------------------------------------- digits, punctuation

_DIGIT_TABLE = _pairs(C.DIGITS | {C.PERCENT: "%"})
_ANY_DIGIT = "0-9" + _cls(C.DIGITS)
_SEPARATOR_RE = regex.compile(
    f"(?<=[{_ANY_DIGIT}])[{C.DECIMAL_SEPARATOR}{C.THOUSANDS_SEPARATOR}](?=[{_ANY_DIGIT}])"
)
_SEPARATOR_MAP = {C.DECIMAL_SEPARATOR: ".", C.THOUSANDS_SEPARATOR: ","}


def normalize_digits(text: str) -> str:
    """Write Arabic-Indic digits as ASCII digits.

    ٠-٩ (U+0660-U+0669) and ۰-۹ (U+06F0-U+06F9) become 0-9; the Arabic
    decimal separator ٫ becomes "." and the thousands separator ٬ becomes ","
    only between two digits (of any of these three sets); the Arabic percent
    sign ٪ becomes "%".

    >>> normalize_digits("١٬٠٠٠٫٥ و ۲۰٪")
    '1,000.5 و 20%'

    Raises:
        TypeError: if text is not a str.
    """
    _check_str("normalize_digits", text)
    if C.DECIMAL_SEPARATOR in text or C.THOUSANDS_SEPARATOR in text:
        text = _SEPARATOR_RE.sub(lambda m: _SEPARATOR_MAP[m.group()], text)
    return _fold(text, _DIGIT_TABLE)


_PUNCT_TABLE = _pairs(C.PUNCTUATION)


def normalize_punctuation(text: str) -> str:
    """Write Arabic punctuation and typographic quotes in ASCII.

    ، ؛ ؟ become , ; ? and the quotes « » “ ” „ become a plain double quote.

    >>> normalize_punctuation("«نعم»، قال؟")
    '"نعم", قال?'

    Raises:
        TypeError: if text is not a str.
    """
    _check_str("normalize_punctuation", text)
    return _fold(text, _PUNCT_TABLE)


# ------------------------------------------------------------------ presentation forms

_PRESENTATION_RE = regex.compile("[\ufb50-\ufdff\ufe70-\ufefe]")  # the blocks, minus U+FEFF


def _present(match: regex.Match[str]) -> str:
    """The letters a presentation form stands for (itself if it has no decomposition)."""
    ch: str = match.group()
    return C.PRESENTATION_FORMS.get(ch, ch)


_EXPANDING_RE = regex.compile(
    f"[{_cls(k for k, v in C.PRESENTATION_FORMS.items() if len(v) != 1)}]"
)


def normalize_presentation_forms(text: str) -> str:
    """Replace Arabic presentation forms with the letters they stand for.

    Each character of the blocks U+FB50-U+FDFF and U+FE70-U+FEFF that has a
    compatibility decomposition is replaced by that decomposition (one level,
    recomposed with NFC): contextual letter forms become letters, lam-alef
    ligatures keep their hamza (ﻷ -> لأ), and ligatures of words such as ﷺ
    expand to the words.  Unlike NFKC, a form becomes the letter it stands
    for even when that letter has a compatibility decomposition of its own
    (U+FBDD -> U+0677).  U+FEFF (the byte order mark) has no decomposition
    and stays: :func:`remove_invisible` removes it.  Isolated-form marks such
    as U+FE70 become a space plus the mark, as in Unicode.  Nothing outside
    these blocks changes.

    >>> normalize_presentation_forms("ﻷن ﺍﻟﻠﻪ ﷺ")
    'لأن الله صلى الله عليه وسلم'

    Raises:
        TypeError: if text is not a str.
    """
    _check_str("normalize_presentation_forms", text)
    if _PRESENTATION_RE.search(text) is None:  # rare in real text: usually one scan
        return text
    folded: str = _PRESENTATION_RE.sub(_present, text)
    return folded


def _presentation_align(text: str) -> Alignment:
    """normalize_presentation_forms with its map (expansions are atomic)."""
    if _PRESENTATION_RE.search(text) is None:
        return Alignment.identity(text)
    edits: list[_Edit] = [
        (m.start(), m.end(), len(C.PRESENTATION_FORMS[m.group()]), False)
        for m in _EXPANDING_RE.finditer(text)
    ]
    return from_edits(text, normalize_presentation_forms(text), edits)


# ----------------------------------------------------------------------- invisible

_INVISIBLE_TABLE = _deletions(C.INVISIBLE)
_INVISIBLE_RE = regex.compile(f"[{_cls(C.INVISIBLE)}]+")
_WORD = r"\p{L}\p{M}\p{N}\p{Cf}"
# A word (letters, marks, digits, format characters) that contains a ZWNJ.
_ZWNJ_WORD_RE = regex.compile(
    rf"(?<![{_WORD}])[[{_WORD}]--[\u200c]]*+\u200c[{_WORD}]*+", flags=regex.V1
)


def _zwnj_in_word(word: str) -> str:
    """Drop the ZWNJs of a word unless it has a letter Arabic does not use."""
    if any(c in C.NON_ARABIC_LETTERS for c in word):
        return word
    return word.replace(C.ZWNJ, "")


def remove_invisible(text: str, *, keep_persian_zwnj: bool = True) -> str:
    r"""Remove zero-width characters and bidi controls.

    Always removed: U+200B ZERO WIDTH SPACE, U+200D ZERO WIDTH JOINER, the
    marks U+200E, U+200F, U+061C, the embeddings and overrides U+202A-U+202E,
    U+2060 WORD JOINER, the isolates U+2066-U+2069, U+FEFF (byte order mark)
    and U+00AD SOFT HYPHEN.  U+200C ZERO WIDTH NON-JOINER is removed from
    Arabic words but kept in a word (a run of letters, marks, digits and format
    characters) that contains a letter Arabic does not use, such as
    پ چ ژ گ ک ی ے (see ``arnews._chars.NON_ARABIC_LETTER_RANGES`` for the rule):
    there it is spelling.  ``keep_persian_zwnj=False`` removes every ZWNJ.

    >>> remove_invisible("\u200fمرحبا\u200c بكم")  # RLM, ZWNJ
    'مرحبا بكم'
    >>> remove_invisible("می\u200cخواهم") == "می\u200cخواهم"  # Persian: ZWNJ kept
    True

    Raises:
        TypeError: if text is not a str.
    """
    _check_str("remove_invisible", text)
    text = _fold(text, _INVISIBLE_TABLE)
    if C.ZWNJ in text:
        if keep_persian_zwnj:
            text = _ZWNJ_WORD_RE.sub(lambda m: _zwnj_in_word(m.group()), text)
        else:
            text = text.replace(C.ZWNJ, "")
    return text


def _remove_invisible_align(text: str, *, keep_persian_zwnj: bool = True) -> Alignment:
    """remove_invisible with its map (stand-alone deletions)."""
    first = _deletion_align(_INVISIBLE_RE, text, attach=False)
    mid = first.text
    if C.ZWNJ not in mid:
        return first
    edits: list[_Edit] = []
    for m in _ZWNJ_WORD_RE.finditer(mid):
        if keep_persian_zwnj and any(c in C.NON_ARABIC_LETTERS for c in m.group()):
            continue
        base = m.start()
        edits.extend(
            (base + i, base + i + 1, 0, False) for i, c in enumerate(m.group()) if c == C.ZWNJ
        )
    if not edits:
        return first
    final = remove_invisible(mid, keep_persian_zwnj=keep_persian_zwnj)
    return compose(first, from_edits(mid, final, edits))


# ----------------------------------------------------------------------- whitespace

_H = _cls(C.HORIZONTAL_SPACES)
_LB = _cls(C.LINE_BREAKS)
_LINE_SPLIT_RE = regex.compile(f"([{_LB}])")
# Whitespace that is not a lone interior ' ': runs of two or more, any single
# non-space character, or a space at either end of the text.
_WS_RUN_RE = regex.compile(f"[{_H}{_LB}]{{2,}}|[[{_H}{_LB}]--[ ]]|\\A |\\x20\\Z", flags=regex.V1)


def normalize_whitespace(text: str, *, keep_newlines: bool = True) -> str:
    r"""Turn every Unicode space into ' ', collapse runs, strip the ends.

    Whitespace is what :meth:`str.isspace` accepts: the Unicode spaces
    (General_Category Zs, NBSP and the thin spaces included), tab, vertical
    tab, form feed, U+001C-U+001F and the line breaks LF, CR, NEL U+0085,
    U+2028 and U+2029.  With ``keep_newlines=True`` (the default) line breaks
    stay as they are (CR LF stays CR LF) and the spaces around them go; blank
    lines stay.  The text's ends are stripped of all whitespace.  With
    ``keep_newlines=False`` every run, line breaks included, becomes one space.

    >>> normalize_whitespace("  كلمة\u00a0\t أخرى \n  سطر  ")
    'كلمة أخرى\nسطر'
    >>> normalize_whitespace("سطر\nسطر", keep_newlines=False)
    'سطر سطر'

    Raises:
        TypeError: if text is not a str.
    """
    _check_str("normalize_whitespace", text)
    if not keep_newlines:
        return " ".join(text.split())
    parts = _LINE_SPLIT_RE.split(text)
    parts[::2] = [" ".join(line.split()) for line in parts[::2]]
    return "".join(parts).strip()


def _whitespace_run(run: str, at_start: bool, at_end: bool, keep_newlines: bool) -> str:
    """What one maximal whitespace run becomes."""
    if at_start or at_end:
        return ""
    if keep_newlines:
        breaks = "".join(c for c in run if c in C.LINE_BREAKS)
        if breaks:
            return breaks
    return " "


def _whitespace_align(text: str, *, keep_newlines: bool = True) -> Alignment:
    """normalize_whitespace with its map.

    Deleted whitespace is stand-alone; a run that becomes one space is atomic;
    within a run around kept line breaks, each break maps linearly and the
    spaces beside it are deletions.
    """
    edits: list[_Edit] = []
    n = len(text)
    for m in _WS_RUN_RE.finditer(text):
        start, end = m.span()
        run = m.group()
        new = _whitespace_run(run, start == 0, end == n, keep_newlines)
        if new == run or len(new) == 1 == len(run):
            continue
        if new and new != " ":
            # keep each line break; delete the spaces between them
            edits.extend(
                (start + i, start + i + 1, 0, False)
                for i, c in enumerate(run)
                if c not in C.LINE_BREAKS
            )
        else:
            edits.append((start, end, len(new), False))
    return from_edits(text, normalize_whitespace(text, keep_newlines=keep_newlines), edits)


# ------------------------------------------------------------------------ SEARCH extra

_HAMZA_MARKS_RE = regex.compile(f"[{C.HAMZA_ABOVE}{C.HAMZA_BELOW}]+")
_HAMZA_MARKS_TABLE = _deletions(C.HAMZA_MARKS)


def _drop_hamza_marks(text: str) -> str:
    """Remove combining hamza above/below (what composition left over)."""
    return _fold(text, _HAMZA_MARKS_TABLE)


def _drop_hamza_marks_align(text: str) -> Alignment:
    """_drop_hamza_marks with its map (attached to the letter before)."""
    return _deletion_align(_HAMZA_MARKS_RE, text, attach=True)


# ------------------------------------------------------------------------ pipelines


@attrs.frozen
class _OpInfo:
    """What the pipeline knows about an operation: its aligned form and its losses."""

    align: Callable[..., Alignment]
    lossy: bool
    loses: str


def _one_to_one(func: Callable[..., str]) -> Callable[..., Alignment]:
    """The aligned form of an operation that only substitutes single characters."""

    def align(text: str, **options: Any) -> Alignment:
        return _substituted(text, func(text, **options))

    return align


_OPERATIONS: dict[Callable[..., str], _OpInfo] = {
    normalize_presentation_forms: _OpInfo(
        _presentation_align, False, "which contextual glyph or ligature was used"
    ),
    remove_invisible: _OpInfo(
        _remove_invisible_align, False, "zero-width and bidi control characters"
    ),
    strip_tatweel: _OpInfo(_strip_tatweel_align, False, "tatweel elongation"),
    normalize_whitespace: _OpInfo(_whitespace_align, False, "the kind and number of spaces"),
    strip_diacritics: _OpInfo(
        _strip_diacritics_align, True, "vowels, shadda, sukun, madda and Quranic marks"
    ),
    strip_harakat: _OpInfo(_strip_harakat_align, True, "vowels, tanween and sukun"),
    normalize_alef: _OpInfo(_one_to_one(normalize_alef), True, "hamza and madda on alef"),
    normalize_hamza: _OpInfo(_one_to_one(normalize_hamza), True, "hamza on waw and yeh"),
    normalize_yeh: _OpInfo(_one_to_one(normalize_yeh), True, "alef maksura versus yeh"),
    normalize_persian_letters: _OpInfo(
        _one_to_one(normalize_persian_letters), True, "Persian keheh and yeh"
    ),
    normalize_teh_marbuta: _OpInfo(
        _one_to_one(normalize_teh_marbuta), True, "teh marbuta versus heh"
    ),
    normalize_digits: _OpInfo(_one_to_one(normalize_digits), True, "which digit script was used"),
    normalize_punctuation: _OpInfo(
        _one_to_one(normalize_punctuation), True, "Arabic punctuation and quote shapes"
    ),
    _drop_hamza_marks: _OpInfo(
        _drop_hamza_marks_align, True, "combining hamza left over after composition"
    ),
}


def _options(value: Iterable[tuple[str, Any]]) -> tuple[tuple[str, Any], ...]:
    """Keyword options as a sorted tuple of pairs (hashable, comparable, picklable)."""
    return tuple(sorted(value))


@attrs.frozen(repr=False)
class Step:
    r"""One named step of a :class:`Normalizer`: an operation with fixed keywords.

    Equal steps compare equal and pickle by reference to the module
    function, so a Normalizer made of steps survives pickling.  Plain
    functions and :func:`functools.partial` objects given to a Normalizer are
    turned into steps.

    >>> step = Step(normalize_whitespace, (("keep_newlines", False),))
    >>> step
    normalize_whitespace(keep_newlines=False)
    >>> step("أ\nب")
    'أ ب'

    Raises:
        TypeError: from :meth:`of` when given something that is not callable.
    """

    func: Callable[..., str]
    options: tuple[tuple[str, Any], ...] = attrs.field(default=(), converter=_options)

    @classmethod
    def of(cls, step: Step | Callable[..., str]) -> Step:
        """Make a step from a Step, a function or a keyword-only functools.partial.

        >>> Step.of(functools.partial(remove_invisible, keep_persian_zwnj=False)).name
        'remove_invisible(keep_persian_zwnj=False)'

        Raises:
            TypeError: if step is not callable or is a partial with positional arguments.
        """
        if isinstance(step, Step):
            return step
        if isinstance(step, functools.partial):
            if step.args:
                raise TypeError(
                    "Normalizer steps take the text as their only positional argument; "
                    "bind options by keyword, e.g. partial(f, keep_newlines=False)"
                )
            return cls(step.func, tuple(step.keywords.items()))
        if not callable(step):
            raise TypeError(
                f"a Normalizer step must be callable, got {type(step).__name__}; "
                "pass a function taking and returning str"
            )
        return cls(step)

    @property
    def name(self) -> str:
        """The function name with its options, e.g. ``normalize_whitespace``.

        >>> Step(strip_tatweel).name
        'strip_tatweel'

        Raises:
            TypeError: never.
        """
        base = getattr(self.func, "__name__", type(self.func).__name__).lstrip("_")
        if not self.options:
            return base
        return base + "(" + ", ".join(f"{k}={v!r}" for k, v in self.options) + ")"

    @property
    def lossy(self) -> bool:
        """Whether the step folds distinct spellings together (unknown functions: True).

        >>> Step(normalize_alef).lossy, Step(strip_tatweel).lossy
        (True, False)

        Raises:
            TypeError: never.
        """
        info = _OPERATIONS.get(self.func)
        return True if info is None else info.lossy

    @property
    def loses(self) -> str:
        """A short description of what the step throws away.

        >>> Step(normalize_yeh).loses
        'alef maksura versus yeh'

        Raises:
            TypeError: never.
        """
        info = _OPERATIONS.get(self.func)
        return "unknown (not an arnews operation)" if info is None else info.loses

    def __call__(self, text: str) -> str:
        """Apply the operation with its options to text."""
        return self.func(text, **dict(self.options))

    def align(self, text: str) -> Alignment:
        """Run the step and return its own alignment.

        Steps that are not arnews operations map the whole text atomically
        when they change it.

        >>> Step(strip_tatweel).align("بـب").to_original(0, 1)
        (0, 2)

        Raises:
            TypeError: if the step's function rejects the text.
        """
        info = _OPERATIONS.get(self.func)
        if info is not None:
            return info.align(text, **dict(self.options))
        out = self(text)
        if out == text:
            return Alignment.identity(text)
        return from_edits(text, out, [(0, len(text), len(out), False)] if text else [])

    def __repr__(self) -> str:
        return self.name


def _check_name(_instance: object, _attribute: object, value: str) -> None:
    """A Normalizer's name is a non-empty str (it is shown in reprs and error messages)."""
    if not isinstance(value, str) or not value:
        shown = type(value).__name__ if not isinstance(value, str) else "an empty str"
        msg = f"Normalizer name must be a non-empty str, got {shown}; pass e.g. name='fold'"
        raise TypeError(msg) if not isinstance(value, str) else ValueError(msg)


def _steps(value: object) -> tuple[Step, ...]:
    """Convert the steps given to a Normalizer into a tuple of Step."""
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise TypeError(
            f"Normalizer steps must be an iterable of callables, got {type(value).__name__}; "
            "pass e.g. (strip_tatweel, normalize_alef)"
        )
    return tuple(Step.of(s) for s in value)


_FAST_CACHE: dict[str, Any] = {}


def _fast_module() -> Any:
    """arnews._fastpath if it is importable, else None (imported once, lazily)."""
    if "module" not in _FAST_CACHE:
        try:
            module: Any = importlib.import_module("arnews._fastpath")
        except ModuleNotFoundError as error:
            if error.name != "arnews._fastpath":
                raise
            module = None
        _FAST_CACHE["module"] = module
    return _FAST_CACHE["module"]


@attrs.frozen(repr=False)
class Normalizer:
    """An ordered pipeline of named normalization steps.

    Call it on a string; use :meth:`normalize_many` over many strings and
    :meth:`align` to keep a map back to the original.  It is immutable and
    picklable (multiprocessing, Dask, Spark), and its steps are listed in
    order in its repr.  The order matters: see ``docs/normalization.md``.

    >>> fold = Normalizer((strip_diacritics, normalize_alef), name="fold")
    >>> fold
    Normalizer((strip_diacritics, normalize_alef), name='fold')
    >>> fold("إِسْلام")
    'اسلام'
    >>> fold.lossy_steps
    ('strip_diacritics', 'normalize_alef')

    Raises:
        TypeError: if a step is not callable, or when called on a non-str.
    """

    steps: tuple[Step, ...] = attrs.field(converter=_steps)
    name: str = attrs.field(default="custom", validator=_check_name)
    _fast: str | None = attrs.field(default=None, alias="fast", eq=False)
    # What __call__ and align run: chosen on first use (the fast path module imports this
    # one, so it cannot be looked up at construction), then one slot load per call.
    _run: Callable[[str], str] = attrs.field(
        init=False, eq=False, default=attrs.Factory(lambda self: self._first_run, takes_self=True)
    )
    _aligner: Callable[[str], Alignment] = attrs.field(
        init=False,
        eq=False,
        default=attrs.Factory(lambda self: self._first_align, takes_self=True),
    )

    if TYPE_CHECKING:

        def __call__(self, text: str) -> str:
            """Normalize text (through the fast path when one is installed)."""

    else:
        # Calling a Normalizer calls its chosen function (self._run) straight away: the
        # property and attrgetter run in C, with no Python frame of their own.  On a
        # 40-character string a Python __call__ method cost about 0.4 us, a third of the
        # whole call; this costs about half that.  Each function checks its own input.
        __call__ = property(operator.attrgetter("_run"))

    def _as_str(self, text: object, method: str) -> str:
        """Text as a plain str (a str subclass is copied), or TypeError naming its type."""
        _check_str(f"Normalizer {self.name!r}{method}", text)
        return str.__str__(text)  # type: ignore[arg-type,unused-ignore]  # text is a str here

    def _fast_function(self, suffix: str) -> Any:
        """The fast path's function for this preset, or None."""
        if self._fast is None:
            return None
        return getattr(_fast_module(), self._fast + suffix, None)

    def _first_run(self, text: str) -> str:
        """Choose what __call__ runs (fast path or steps), keep it, and run it."""
        run = self._fast_function("") or self._run_steps
        object.__setattr__(self, "_run", run)
        return run(text)

    def _run_steps(self, text: str) -> str:
        """Apply every step in order: the reference pipeline."""
        if type(text) is not str:
            text = self._as_str(text, "")
        for step in self.steps:
            text = step(text)
        return text

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle the definition only; the chosen functions are found again on first use."""
        return (Normalizer, (self.steps, self.name, self._fast))

    @property
    def reference(self) -> Normalizer:
        """The same pipeline without the fast path: the step-by-step reference.

        >>> SEARCH.reference("أَهْلاً") == SEARCH("أَهْلاً")
        True

        Raises:
            TypeError: never.
        """
        return attrs.evolve(self, fast=None)

    def normalize_many(self, texts: Iterable[str]) -> Iterator[str]:
        """Normalize each text of an iterable, lazily, in order.

        >>> list(SEARCH.normalize_many(["أحمد", "عليّ"]))
        ['احمد', 'علي']

        Raises:
            TypeError: if ``texts`` is itself a str or bytes (pass a list of
                strings, or call the normalizer on the one string), or when an
                item is not a str (raised as that item is reached).
        """
        if isinstance(texts, str | bytes | bytearray):
            msg = (
                f"normalize_many() expects an iterable of str, got a single "
                f"{type(texts).__name__}; call the normalizer on it, or pass [text]"
            )
            raise TypeError(msg)
        return map(self, texts)

    def align(self, text: str) -> Alignment:
        """Normalize text and keep a map between normalized and original spans.

        >>> a = SEARCH.align("الـمَدرسة")
        >>> a.text, a.to_original(0, 2), a.to_original(2, 7)
        ('المدرسه', (0, 3), (3, 9))

        Raises:
            TypeError: if text is not a str.
        """
        if type(text) is not str:
            text = self._as_str(text, ".align")
        return self._aligner(text)

    def _first_align(self, text: str) -> Alignment:
        """Choose what align runs (fast path or steps), keep it, and run it."""
        run = self._fast_function("_align") or self._align_steps
        object.__setattr__(self, "_aligner", run)
        return run(text)

    def _align_steps(self, text: str) -> Alignment:
        """Align step by step, composing each step's map: the reference alignment."""
        alignment = Alignment.identity(text)
        for step in self.steps:
            current = alignment.text
            step_alignment = step.align(current)
            if step_alignment.text is current or step_alignment.text == current:
                continue
            if step_alignment.is_one_to_one:
                alignment = attrs.evolve(alignment, text=step_alignment.text)
            else:
                alignment = compose(alignment, step_alignment)
        return alignment

    @property
    def lossy_steps(self) -> tuple[str, ...]:
        """The names of the steps that fold distinct spellings together.

        >>> CLEAN.lossy_steps
        ()

        Raises:
            TypeError: never.
        """
        return tuple(step.name for step in self.steps if step.lossy)

    def describe(self) -> str:
        """One line per step: its name, whether it is lossy, and what it loses.

        >>> print(CLEAN.describe())
        CLEAN: 4 steps
          1. normalize_presentation_forms  (keeps letters)  loses: which contextual glyph ...
          ...

        Raises:
            TypeError: never.
        """
        lines = [f"{self.name}: {len(self.steps)} steps"]
        for i, step in enumerate(self.steps, 1):
            kind = "lossy" if step.lossy else "keeps letters"
            lines.append(f"  {i}. {step.name}  ({kind})  loses: {step.loses}")
        return "\n".join(lines)

    def __repr__(self) -> str:
        # The constructor's shape: Normalizer(steps, name=...), with a one-step tuple's comma.
        steps = ", ".join(map(repr, self.steps)) + ("," if len(self.steps) == 1 else "")
        return f"Normalizer(({steps}), name={self.name!r})"


#: Folds spelling variants; what an index and its queries both use.  In order:
#: presentation forms, invisible characters (every ZWNJ), tatweel, diacritics
#: (composing hamza), leftover combining hamza, alef, hamza carriers, Persian
#: keheh and yeh (ک → ك), yeh, teh marbuta, digits, punctuation, whitespace
#: (line breaks kept).  Every deletion
#: comes before the digit step, whose separators depend on their neighbours.
SEARCH = Normalizer(
    (
        normalize_presentation_forms,
        Step(remove_invisible, (("keep_persian_zwnj", False),)),
        strip_tatweel,
        strip_diacritics,
        _drop_hamza_marks,
        normalize_alef,
        normalize_hamza,
        normalize_persian_letters,
        normalize_yeh,
        normalize_teh_marbuta,
        normalize_digits,
        normalize_punctuation,
        normalize_whitespace,
    ),
    name="SEARCH",
    fast="search",
)

#: Changes no letter: presentation forms, invisible characters (ZWNJ kept in
#: Persian/Urdu words), tatweel and whitespace (line breaks kept).
CLEAN = Normalizer(
    (normalize_presentation_forms, remove_invisible, strip_tatweel, normalize_whitespace),
    name="CLEAN",
    fast="clean",
)
