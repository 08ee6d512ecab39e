r"""The normalization operations, each registered with its metadata beside its def.

Every operation takes a ``str`` and returns a ``str``.  The ``@_operation``
decorator above each one records whether it is lossy (folds distinct
spellings together), what it loses, and its aligned form (the function that
also returns an :class:`~arnews.normalize._align.Alignment`); a pipeline reads
them from :data:`OPERATIONS`.

>>> strip_tatweel("الســـلام")
'السلام'
>>> OPERATIONS[strip_tatweel].loses
'tatweel elongation'
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import attrs
import regex  # type: ignore[import-untyped]  # no stubs in the dev env

from .._checks import check_str
from . import _tables as T  # noqa: N812  # short name for the character tables
from ._align import Alignment, compose, from_edits

__all__ = [
    "OPERATIONS",
    "OpInfo",
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

_AS_STR = "pass the text as a str"  # the fix named when a non-str, non-bytes value is given
_Edit = tuple[int, int, int, bool]  # (start, end, new_length, attach): see _align.from_edits
_Op = TypeVar("_Op", bound=Callable[..., str])


@attrs.frozen
class OpInfo:
    """What a pipeline knows about an operation: its aligned form and its losses."""

    align: Callable[..., Alignment]
    lossy: bool
    loses: str


#: Every arnews operation and its metadata, filled in by ``@_operation``.
OPERATIONS: dict[Callable[..., str], OpInfo] = {}


def _substituted(text: str, out: str) -> Alignment:
    """The alignment of a one-to-one character substitution (equal lengths)."""
    return attrs.evolve(Alignment.identity(text), text=out)


def _operation(
    *, lossy: bool, loses: str, align: Callable[..., Alignment] | None = None
) -> Callable[[_Op], _Op]:
    """Register the decorated operation in :data:`OPERATIONS`.

    ``align`` is its aligned form; None means the operation only substitutes
    single characters, so its map is one to one.
    """

    def register(func: _Op) -> _Op:
        def one_to_one(text: str, **options: Any) -> Alignment:
            return _substituted(text, func(text, **options))

        OPERATIONS[func] = OpInfo(one_to_one if align is None else align, lossy, loses)
        return func

    return register


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
    ``str.replace`` is faster: an absent character costs one fast scan, and
    most are absent from any given text.
    """
    for old, new in pairs:
        if old in text:
            text = text.replace(old, new)
    return text


# Every pattern below is compiled on first use, by a cached function: compiling them is
# most of what importing this module would otherwise cost.


def _deletion_align(pattern: regex.Pattern[str], text: str, attach: bool) -> Alignment:
    """Delete every match of pattern; one edit per match."""
    edits = [(m.start(), m.end(), 0, attach) for m in pattern.finditer(text)]
    if not edits:
        return Alignment.identity(text)
    return from_edits(text, pattern.sub("", text), edits)


# --------------------------------------------------------------------------- diacritics

_STRIP_TABLE = _deletions(T.STRIPPED_MARKS)
_HARAKAT_TABLE = _deletions(T.HARAKAT)
_MARKS = _cls(T.ARABIC_MARKS)
# A composing base letter followed by Arabic marks among which is madda or a
# combining hamza: the unit that strip_diacritics composes.
_CLUSTER = f"[{_cls(T.COMPOSING_BASES)}][{_MARKS}]*[{_cls(T.COMPOSING_MARKS)}][{_MARKS}]*"


@functools.cache
def _cluster_re() -> regex.Pattern[str]:
    return regex.compile(_CLUSTER)


@functools.cache
def _diacritics_re() -> regex.Pattern[str]:
    return regex.compile(f"(?P<c>{_CLUSTER})|[{_cls(T.STRIPPED_MARKS)}]+")


@functools.cache
def _harakat_re() -> regex.Pattern[str]:
    return regex.compile(f"[{_cls(T.HARAKAT)}]+")


def _compose_cluster(cluster: str) -> str:
    """Compose base + madda/hamza marks of a cluster and drop its other marks.

    NFC of the base with its madda/hamza marks; an uncomposed madda is then
    dropped and NFC runs once more, so the result is a fixed point.
    """
    kept = cluster[0] + "".join(c for c in cluster[1:] if c in T.COMPOSING_MARKS)
    composed = unicodedata.normalize("NFC", kept)
    if T.MADDA_ABOVE in composed:
        composed = unicodedata.normalize("NFC", composed.replace(T.MADDA_ABOVE, ""))
    return composed


def _has_composing_mark(text: str) -> bool:
    """Whether text contains madda above or a combining hamza."""
    return T.MADDA_ABOVE in text or T.HAMZA_ABOVE in text or T.HAMZA_BELOW in text


def _strip_diacritics_align(text: str) -> Alignment:
    """strip_diacritics with its map (marks attach to the letter before them)."""
    edits: list[_Edit] = []
    parts: list[str] = []
    cursor = 0
    for m in _diacritics_re().finditer(text):
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


@_operation(
    lossy=True,
    loses="vowels, shadda, sukun, madda and Quranic marks",
    align=_strip_diacritics_align,
)
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
    check_str(text, "strip_diacritics()", _AS_STR)
    if _has_composing_mark(text):
        text = _cluster_re().sub(lambda m: _compose_cluster(m.group()), text)
    return _fold(text, _STRIP_TABLE)


def _strip_harakat_align(text: str) -> Alignment:
    """strip_harakat with its map (harakat attach to the letter before them)."""
    return _deletion_align(_harakat_re(), text, attach=True)


@_operation(lossy=True, loses="vowels, tanween and sukun", align=_strip_harakat_align)
def strip_harakat(text: str) -> str:
    """Remove the vowel marks only: tanween, fatha, damma, kasra and sukun.

    Shadda, madda, dagger alef and every other mark stay, and nothing is
    composed (see :func:`strip_diacritics` for the full removal).

    >>> strip_harakat("مُحَمَّدٌ")
    'محمّد'

    Raises:
        TypeError: if text is not a str.
    """
    check_str(text, "strip_harakat()", _AS_STR)
    return _fold(text, _HARAKAT_TABLE)


@functools.cache
def _tatweel_re() -> regex.Pattern[str]:
    return regex.compile(f"{T.TATWEEL}+")


def _strip_tatweel_align(text: str) -> Alignment:
    """strip_tatweel with its map (tatweel attaches to the letter before it)."""
    return _deletion_align(_tatweel_re(), text, attach=True)


@_operation(lossy=False, loses="tatweel elongation", align=_strip_tatweel_align)
def strip_tatweel(text: str) -> str:
    """Remove tatweel (U+0640 ARABIC TATWEEL), the elongation stroke.

    >>> strip_tatweel("الســـلام")
    'السلام'

    Raises:
        TypeError: if text is not a str.
    """
    check_str(text, "strip_tatweel()", _AS_STR)
    return text.replace(T.TATWEEL, "")


# ------------------------------------------------------------------- letter folding

_ALEF_TABLE = _pairs(dict.fromkeys(T.ALEF_VARIANTS, T.ALEF))
_YEH_TABLE = _pairs({T.ALEF_MAKSURA: T.YEH, T.FARSI_YEH: T.YEH})
_TEH_TABLE = _pairs({T.TEH_MARBUTA: T.HEH})
_HAMZA_TABLE = _pairs({T.WAW_WITH_HAMZA: T.WAW, T.YEH_WITH_HAMZA: T.YEH})


@_operation(lossy=True, loses="hamza and madda on alef")
def normalize_alef(text: str) -> str:
    """Fold the alef variants أ إ آ ٱ ٲ ٳ to bare alef ا.

    >>> normalize_alef("أحمد وإبراهيم وآمنة")
    'احمد وابراهيم وامنة'

    Raises:
        TypeError: if text is not a str.
    """
    check_str(text, "normalize_alef()", _AS_STR)
    return _fold(text, _ALEF_TABLE)


@_operation(lossy=True, loses="alef maksura versus yeh")
def normalize_yeh(text: str) -> str:
    """Fold alef maksura ى and Farsi yeh ی to Arabic yeh ي.

    ى is a yeh-class letter: it never becomes alef here.

    >>> normalize_yeh("على مستوی")
    'علي مستوي'

    Raises:
        TypeError: if text is not a str.
    """
    check_str(text, "normalize_yeh()", _AS_STR)
    return _fold(text, _YEH_TABLE)


# ی (FARSI YEH) at the end of a word: followed, after any marks, by no letter.
@functools.cache
def _final_farsi_yeh_re() -> regex.Pattern[str]:
    return regex.compile(r"\u06cc(?=\p{Mn}*+(?!\p{L}))")


_PERSIAN_TABLE = _pairs({T.KEHEH: T.KAF, T.FARSI_YEH: T.YEH})


@_operation(lossy=True, loses="Persian keheh and yeh")
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
    check_str(text, "normalize_persian_letters()", _AS_STR)
    if T.FARSI_YEH in text:
        text = _final_farsi_yeh_re().sub(T.ALEF_MAKSURA, text)
    return _fold(text, _PERSIAN_TABLE)


@_operation(lossy=True, loses="teh marbuta versus heh")
def normalize_teh_marbuta(text: str) -> str:
    """Fold teh marbuta ة to heh ه.

    >>> normalize_teh_marbuta("مدرسة")
    'مدرسه'

    Raises:
        TypeError: if text is not a str.
    """
    check_str(text, "normalize_teh_marbuta()", _AS_STR)
    return _fold(text, _TEH_TABLE)


@_operation(lossy=True, loses="hamza on waw and yeh")
def normalize_hamza(text: str) -> str:
    """Fold the hamza carriers ؤ to و and ئ to ي; a standalone ء stays.

    >>> normalize_hamza("مسؤول رئيس جزء")
    'مسوول رييس جزء'

    Raises:
        TypeError: if text is not a str.
    """
    check_str(text, "normalize_hamza()", _AS_STR)
    return _fold(text, _HAMZA_TABLE)


# ---------------------------------------------------------------- digits, punctuation

_DIGIT_TABLE = _pairs(T.DIGITS | {T.PERCENT: "%"})
_ANY_DIGIT = "0-9" + _cls(T.DIGITS)


@functools.cache
def _separator_re() -> regex.Pattern[str]:
    return regex.compile(
        f"(?<=[{_ANY_DIGIT}])[{T.DECIMAL_SEPARATOR}{T.THOUSANDS_SEPARATOR}](?=[{_ANY_DIGIT}])"
    )


_SEPARATOR_MAP = {T.DECIMAL_SEPARATOR: ".", T.THOUSANDS_SEPARATOR: ","}


@_operation(lossy=True, loses="which digit script was used")
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
    check_str(text, "normalize_digits()", _AS_STR)
    if T.DECIMAL_SEPARATOR in text or T.THOUSANDS_SEPARATOR in text:
        text = _separator_re().sub(lambda m: _SEPARATOR_MAP[m.group()], text)
    return _fold(text, _DIGIT_TABLE)


_PUNCT_TABLE = _pairs(T.PUNCTUATION)


@_operation(lossy=True, loses="Arabic punctuation and quote shapes")
def normalize_punctuation(text: str) -> str:
    """Write Arabic punctuation and typographic quotes in ASCII.

    ، ؛ ؟ become , ; ? and the quotes « » “ ” „ become a plain double quote.

    >>> normalize_punctuation("«نعم»، قال؟")
    '"نعم", قال?'

    Raises:
        TypeError: if text is not a str.
    """
    check_str(text, "normalize_punctuation()", _AS_STR)
    return _fold(text, _PUNCT_TABLE)


# ------------------------------------------------------------------ presentation forms


@functools.cache
def _presentation_re() -> regex.Pattern[str]:
    return regex.compile("[\ufb50-\ufdff\ufe70-\ufefe]")  # the blocks, minus U+FEFF


def _present(match: regex.Match[str]) -> str:
    """The letters a presentation form stands for (itself if it has no decomposition)."""
    ch: str = match.group()
    return T.PRESENTATION_FORMS.get(ch, ch)


@functools.cache
def _expanding_re() -> regex.Pattern[str]:
    return regex.compile(f"[{_cls(k for k, v in T.PRESENTATION_FORMS.items() if len(v) != 1)}]")


def _presentation_align(text: str) -> Alignment:
    """normalize_presentation_forms with its map (expansions are atomic)."""
    if _presentation_re().search(text) is None:
        return Alignment.identity(text)
    edits: list[_Edit] = [
        (m.start(), m.end(), len(T.PRESENTATION_FORMS[m.group()]), False)
        for m in _expanding_re().finditer(text)
    ]
    return from_edits(text, normalize_presentation_forms(text), edits)


@_operation(
    lossy=False, loses="which contextual glyph or ligature was used", align=_presentation_align
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
    check_str(text, "normalize_presentation_forms()", _AS_STR)
    if _presentation_re().search(text) is None:  # rare in real text: usually one scan
        return text
    folded: str = _presentation_re().sub(_present, text)
    return folded


# ----------------------------------------------------------------------- invisible

_INVISIBLE_TABLE = _deletions(T.INVISIBLE)


@functools.cache
def _invisible_re() -> regex.Pattern[str]:
    return regex.compile(f"[{_cls(T.INVISIBLE)}]+")


_WORD = r"\p{L}\p{M}\p{N}\p{Cf}"


# A word (letters, marks, digits, format characters) that contains a ZWNJ.
@functools.cache
def _zwnj_word_re() -> regex.Pattern[str]:
    return regex.compile(rf"(?<![{_WORD}])[[{_WORD}]--[\u200c]]*+\u200c[{_WORD}]*+", flags=regex.V1)


def _zwnj_in_word(word: str) -> str:
    """Drop the ZWNJs of a word unless it has a letter Arabic does not use."""
    if any(c in T.NON_ARABIC_LETTERS for c in word):
        return word
    return word.replace(T.ZWNJ, "")


def _remove_invisible_align(text: str, *, keep_persian_zwnj: bool = True) -> Alignment:
    """remove_invisible with its map (stand-alone deletions)."""
    first = _deletion_align(_invisible_re(), text, attach=False)
    mid = first.text
    if T.ZWNJ not in mid:
        return first
    edits: list[_Edit] = []
    for m in _zwnj_word_re().finditer(mid):
        if keep_persian_zwnj and any(c in T.NON_ARABIC_LETTERS for c in m.group()):
            continue
        base = m.start()
        edits.extend(
            (base + i, base + i + 1, 0, False) for i, c in enumerate(m.group()) if c == T.ZWNJ
        )
    if not edits:
        return first
    final = remove_invisible(mid, keep_persian_zwnj=keep_persian_zwnj)
    return compose(first, from_edits(mid, final, edits))


@_operation(
    lossy=False, loses="zero-width and bidi control characters", align=_remove_invisible_align
)
def remove_invisible(text: str, *, keep_persian_zwnj: bool = True) -> str:
    r"""Remove zero-width characters and bidi controls.

    Always removed: U+200B ZERO WIDTH SPACE, U+200D ZERO WIDTH JOINER, the
    marks U+200E, U+200F, U+061C, the embeddings and overrides U+202A-U+202E,
    U+2060 WORD JOINER, the isolates U+2066-U+2069, U+FEFF (byte order mark)
    and U+00AD SOFT HYPHEN.  U+200C ZERO WIDTH NON-JOINER is removed from
    Arabic words but kept in a word (a run of letters, marks, digits and format
    characters) that contains a letter Arabic does not use, such as
    پ چ ژ گ ک ی ے (see ``arnews.normalize._tables.NON_ARABIC_LETTER_RANGES`` for the rule):
    there it is spelling.  ``keep_persian_zwnj=False`` removes every ZWNJ.

    >>> remove_invisible("\u200fمرحبا\u200c بكم")  # RLM, ZWNJ
    'مرحبا بكم'
    >>> remove_invisible("می\u200cخواهم") == "می\u200cخواهم"  # Persian: ZWNJ kept
    True

    Raises:
        TypeError: if text is not a str.
    """
    check_str(text, "remove_invisible()", _AS_STR)
    text = _fold(text, _INVISIBLE_TABLE)
    if T.ZWNJ in text:
        if keep_persian_zwnj:
            text = _zwnj_word_re().sub(lambda m: _zwnj_in_word(m.group()), text)
        else:
            text = text.replace(T.ZWNJ, "")
    return text


# ----------------------------------------------------------------------- whitespace

_LB = _cls(T.LINE_BREAKS)


@functools.cache
def _line_split_re() -> regex.Pattern[str]:
    return regex.compile(f"([{_LB}])")


# Whitespace that is not a lone interior ' ': runs of two or more, any single
# non-space character, or a space at either end of the text.
@functools.cache
def _ws_run_re() -> regex.Pattern[str]:
    h = _cls(T.HORIZONTAL_SPACES)
    return regex.compile(f"[{h}{_LB}]{{2,}}|[[{h}{_LB}]--[ ]]|\\A |\\x20\\Z", flags=regex.V1)


def _whitespace_run(run: str, at_start: bool, at_end: bool, keep_newlines: bool) -> str:
    """What one maximal whitespace run becomes."""
    if at_start or at_end:
        return ""
    if keep_newlines:
        breaks = "".join(c for c in run if c in T.LINE_BREAKS)
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
    for m in _ws_run_re().finditer(text):
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
                if c not in T.LINE_BREAKS
            )
        else:
            edits.append((start, end, len(new), False))
    return from_edits(text, normalize_whitespace(text, keep_newlines=keep_newlines), edits)


@_operation(lossy=False, loses="the kind and number of spaces", align=_whitespace_align)
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
    check_str(text, "normalize_whitespace()", _AS_STR)
    if not keep_newlines:
        return " ".join(text.split())
    parts = _line_split_re().split(text)
    parts[::2] = [" ".join(line.split()) for line in parts[::2]]
    return "".join(parts).strip()


# ------------------------------------------------------------------------ SEARCH extra


@functools.cache
def _hamza_marks_re() -> regex.Pattern[str]:
    return regex.compile(f"[{T.HAMZA_ABOVE}{T.HAMZA_BELOW}]+")


_HAMZA_MARKS_TABLE = _deletions(T.HAMZA_MARKS)


def _drop_hamza_marks_align(text: str) -> Alignment:
    """_drop_hamza_marks with its map (attached to the letter before)."""
    return _deletion_align(_hamza_marks_re(), text, attach=True)


@_operation(
    lossy=True, loses="combining hamza left over after composition", align=_drop_hamza_marks_align
)
def _drop_hamza_marks(text: str) -> str:
    """Remove combining hamza above/below (what composition left over)."""
    return _fold(text, _HAMZA_MARKS_TABLE)
