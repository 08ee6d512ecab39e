"""Sentence splitting for Arabic news text: spans cut at sentence punctuation and line ends.

The rules (docs/querying.md, "Sentences"): a sentence ends at a run of
``.`` ``!`` ``?`` ``؟`` ``؛`` followed by whitespace or the end of the text
(closing quotes and brackets right after the run stay with it), and at every
line end.  A lone ``.`` does not end a sentence after a one-letter word (an
initial or a title such as ``د.``), after a Latin title from a short list, or
after a number that opens the sentence; two or more dots (an ellipsis) never
do.  The era letters ``م`` and ``هـ`` right after a number are not titles.
:func:`article_sentences` cuts every searchable field of an article (the
fields of :data:`arnews._model.FIELDS`, which search looks in).
"""

from __future__ import annotations

from typing import Final

import attrs
import regex  # type: ignore[import-untyped]  # no stubs in the dev env

from ._checks import attrs_instance_of, attrs_int, check_str
from ._model import FIELDS, ArticleBase

__all__ = ["Sentence", "article_sentences", "sentence_at", "split_sentences"]

_PERIOD: Final = "."
#: Characters that close a quotation or a bracket and stay with the sentence before them.
_CLOSERS: Final = "\"'\u00bb\u201d\u2019)]}"  # QUOTATION MARK, APOSTROPHE, », ”, ’ and brackets
#: A run of sentence marks, the closers after it, when whitespace or the end follows.
_END_RE: Final = regex.compile(
    r"[.!?\u061F\u061B]+"  # FULL STOP, !, ?, ARABIC QUESTION MARK, ARABIC SEMICOLON
    rf"[{regex.escape(_CLOSERS)}]*"
    r"(?=\s|\Z)"
    r"|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]",  # the line ends of str.splitlines
    regex.V1,
)
_LINE_ENDS: Final = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")
#: The word that ends right before a position (read backwards from it).
_WORD_BEFORE: Final = regex.compile(r"(?r)[\p{L}\p{M}\p{Nd}]+", regex.V1)
_SPACE_BEFORE: Final = regex.compile(r"(?r)[^\S\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]+", regex.V1)
_TATWEEL: Final = "\u0640"  # ARABIC TATWEEL (a letter of category Lm that only stretches)
#: Era letters written after a year: MEEM (ميلادي) and HEH (هجري, written هـ).
_ERA_LETTERS: Final = frozenset("\u0645\u0647")
#: Latin titles whose full stop does not end a sentence.
_LATIN_TITLES: Final = frozenset(
    ("Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Jr", "Sr", "Gen", "Col", "Lt", "Sgt", "Capt",
     "Gov", "Sen", "Rep", "No", "vs")
)  # fmt: skip
_CONTENT_RE: Final = regex.compile(r"[\p{L}\p{Nd}]", regex.V1)
_NON_SPACE: Final = regex.compile(r"\S", regex.V1)


@attrs.frozen
class Sentence:
    """One sentence: its text and span, and where it is when it comes from an article.

    ``text`` is exactly the slice ``start:end`` of the string it was cut from
    (the field's string for an article's sentence: ``field`` is ``"title"``,
    ``"paragraph"`` or ``"caption"`` and ``index`` the position in that field's
    tuple; both are ``None`` and 0 for a sentence of a loose string).

    >>> split_sentences("قال د. محمد إن الوضع خطير. ثم غادر.")[1]
    Sentence(text='ثم غادر.', start=27, end=35, field=None, index=0)

    Raises:
        TypeError: if a field has the wrong type.
        ValueError: if the span is negative or reversed, or ``text`` does not fit it.
    """

    text: str = attrs.field(validator=attrs_instance_of(str, "Sentence.text", "a str"))
    start: int = attrs.field(validator=attrs_int("Sentence.start"))
    end: int = attrs.field(validator=attrs_int("Sentence.end"))
    field: str | None = attrs.field(
        default=None,
        validator=attrs_instance_of((str, type(None)), "Sentence.field", "a str or None"),
    )
    index: int = attrs.field(default=0, validator=attrs_int("Sentence.index"))

    def __attrs_post_init__(self) -> None:
        if self.start > self.end:
            msg = f"Sentence span {self.start}:{self.end} must satisfy 0 <= start <= end"
            raise ValueError(msg)
        if len(self.text) != self.end - self.start:
            msg = f"Sentence.text has {len(self.text)} characters but spans {self.start}:{self.end}"
            raise ValueError(msg)


def _is_abbreviation(text: str, dot: int, piece_start: int, piece_first: int) -> bool:
    """Whether the full stop at ``dot`` closes an abbreviation, not the sentence.

    ``piece_first`` is where the first non-space character of the current
    sentence is (so a list number can be told from a number that ends one).
    """
    word = _WORD_BEFORE.match(text, piece_start, dot)
    if word is None:
        return False
    letters = [ch for ch in word.group() if ch != _TATWEEL and ch.isalpha()]
    if word.group().isdecimal():
        # A number opening its sentence is a list number ("1. البند").
        return bool(word.start() == piece_first)
    if len(letters) == 1 and not any(ch.isdecimal() for ch in word.group()):
        if letters[0] in _ERA_LETTERS:
            space = _SPACE_BEFORE.match(text, piece_start, word.start())
            before = _WORD_BEFORE.match(text, piece_start, space.start() if space else word.start())
            if before is not None and before.group().isdecimal():
                return False  # "1950 م." : the era, not a title
        return True
    return word.group() in _LATIN_TITLES


def _ends(text: str) -> list[int]:
    """The positions just after each sentence end (not counting the end of the text)."""
    ends: list[int] = []
    piece_start = 0
    first = _NON_SPACE.search(text)
    piece_first = first.start() if first else len(text)
    for found in _END_RE.finditer(text):
        marks = found.group().rstrip(_CLOSERS)
        if (
            marks
            and marks[0] not in _LINE_ENDS
            and set(marks) == {_PERIOD}
            and (len(marks) > 1 or _is_abbreviation(text, found.start(), piece_start, piece_first))
        ):
            continue
        ends.append(found.end())
        piece_start = found.end()
        first = _NON_SPACE.search(text, piece_start)
        piece_first = first.start() if first else len(text)
    return ends


def split_sentences(text: str) -> tuple[Sentence, ...]:
    r"""The sentences of ``text``, in order, as spans of it.

    A sentence ends at ``.`` ``!`` ``?`` ``؟`` ``؛`` (or a run of them) before
    whitespace or the end, and at every line end; abbreviations (``د.``,
    initials, ``Mr.``), decimal points, list numbers and ellipses do not end
    one.  Whitespace around sentences is left out; a piece with no letter or
    digit joins the sentence before it on its line.

    >>> [s.text for s in split_sentences("هل ستتعاون واشنطن؟ ارتفع النمو 3.5 في المئة.\nجديد")]
    ['هل ستتعاون واشنطن؟', 'ارتفع النمو 3.5 في المئة.', 'جديد']

    Raises:
        TypeError: if ``text`` is not a str.
    """
    text = check_str(text, "split_sentences()")
    out: list[Sentence] = []
    start = 0
    for end in [*_ends(text), len(text)]:
        lo, hi = start, end
        while lo < hi and text[lo].isspace():
            lo += 1
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
        if lo < hi:
            last = out[-1] if out else None
            if (
                last is not None
                and _CONTENT_RE.search(text, lo, hi) is None
                and not any(ch in _LINE_ENDS for ch in text[last.end : lo])
            ):
                out[-1] = Sentence(text[last.start : hi], last.start, hi)
            else:
                out.append(Sentence(text[lo:hi], lo, hi))
        start = end
    return tuple(out)


def article_sentences(article: ArticleBase) -> tuple[Sentence, ...]:
    r"""The sentences of an article's title, paragraphs and captions, in that order.

    Each sentence carries its ``field`` and ``index``, so
    ``field_text(article, s.field, s.index)[s.start:s.end] == s.text``.

    >>> import arnews
    >>> a = arnews.parse("عنوان الخبر\n\nقال د. محمد إن الوضع خطير. ثم غادر.\n")
    >>> for s in article_sentences(a):
    ...     print(s.field, s.index, s.text)
    title 0 عنوان الخبر
    paragraph 0 قال د. محمد إن الوضع خطير.
    paragraph 0 ثم غادر.
    """
    out: list[Sentence] = []
    for kind in FIELDS:
        for index, text in enumerate(kind.texts(article)):
            out.extend(
                Sentence(s.text, s.start, s.end, kind.name, index) for s in split_sentences(text)
            )
    return tuple(out)


def sentence_at(text: str, start: int, end: int) -> Sentence:
    """The sentence of ``text`` that holds the span ``start:end`` (its first sentence if several).

    A span that crosses a sentence end (a phrase over a full stop) gets the
    sentence it starts in, widened to where the span ends.

    >>> sentence_at("الأول. الثاني هنا.", 7, 13).text
    'الثاني هنا.'

    Raises:
        ValueError: if the span is not inside ``text``.
    """
    if not 0 <= start <= end <= len(text):
        msg = f"sentence_at() got span {start}:{end} outside a text of {len(text)} characters"
        raise ValueError(msg)
    found: Sentence | None = None
    for sentence in split_sentences(text):
        if sentence.end > start:
            found = sentence
            break
    if found is None:
        return Sentence(text[start:end], start, end)
    lo, hi = min(found.start, start), max(found.end, end)
    return Sentence(text[lo:hi], lo, hi)
