"""Search and concordance on a :class:`~arnews._index.SearchIndex`.

:class:`arnews.Corpus` exposes these as methods (``corpus.search(...)`` …);
the functions here take the index as their first argument.  Matching rules:

* query and text go through the same normalization,
  :func:`arnews._analysis.normalize_words` (see :mod:`arnews._index`);
* a query word matches the text words of its match mode (:mod:`arnews._modes`:
  ``exact``, ``spelling``, ``clitics``, ``inflections``, the default);
* several query words are a phrase: they must match consecutive words of one
  field.  Punctuation between them is allowed and is part of the hit's text,
  and so is a detached و before any word but the first, which counts as that
  word's proclitic (التشويق و المغامرة matches the query التشويق والمغامرة, and
  the other way round); nothing else may sit between the words;
* a detached و before the first word (or a one-word query) counts only when
  the query writes و on that word: والمغامرة matches و المغامرة (the hit
  starts at the و), المغامرة matches just المغامرة;
* with ``prefix=True`` (:func:`find`), the last query word matches every text
  word that starts with it (behind the same proclitics, no guards).

:func:`find` is the term-level entry point (query words in, hits out);
:func:`search` and :func:`concordance` take a query string.
"""

from __future__ import annotations

import abc
import heapq
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from typing import Final

import attrs

from ._analysis import normalize_words, stem_span
from ._checks import check_int, check_str
from ._index import Postings, SearchIndex
from ._model import DEFAULT_FIELDS, FIELD_NAMES, ArticleSource, field_kinds
from ._modes import DEFAULT_MODE, Term, check_mode, term
from ._results import Concordance, ConcordanceLine, Hit, Hits
from ._tokenize import MAX_RUN, WORD_RE

__all__ = ["LookupMany", "concordance", "find", "query_words", "search"]

#: What the matching loops hand each match to:
#: (field id, start, end, (stem start, stem end), text).
_Emit = Callable[[int, int, int, tuple[int, int], str], object]
#: One surface form of a query word that occurs: (postings, form, the one original
#: spelling or None, a fixed (prefix, suffix) reading or None to read the token).
_Part = tuple[Postings, str, "str | None", "tuple[int, int] | None"]

_ALL_KINDS: Final = frozenset(range(len(FIELD_NAMES)))
_WAW: Final = "\u0648"  # ARABIC LETTER WAW: the conjunction written alone
#: The Arabic letters HAMZA … YEH (TATWEEL, among them, is not a letter).
# Two word tokens for certain: Arabic letters (HAMZA … YEH, not TATWEEL), then
# spaces and punctuation that no token holds or joins, then Arabic letters.
_PLAIN_LETTERS = "[\u0621-\u063f\u0641-\u064a]"
_PLAIN_GAP = '[ \t\n.,:;!?"()\u00ab\u00bb\u060c\u061b\u061f\u2026-]{1,4}'
_PLAIN_AFTER: Final = re.compile(f"{_PLAIN_LETTERS}+{_PLAIN_GAP}(?={_PLAIN_LETTERS})")
_PLAIN_BEFORE: Final = re.compile(
    f"(?:(?<=^)|(?<={_PLAIN_GAP[:-5]}))({_PLAIN_LETTERS}+){_PLAIN_GAP}\\Z"
)


def query_words(query: object, where: str) -> tuple[str, ...]:
    """The words of a query as written, or a TypeError/ValueError saying why there are none.

    Words keep their letters as written (the exact mode needs them); a
    presentation-form ligature that stands for several words gives those words,
    normalized.

    >>> query_words("وبِغدادَ، موسكو", "search()")
    ('وبِغدادَ', 'موسكو')

    Raises:
        TypeError: if ``query`` is not a str.
        ValueError: if it holds no word.
    """
    text = check_str(query, where)
    words: list[str] = []
    for token in WORD_RE.findall(text):
        normalized = normalize_words(token)
        if len(normalized) == 1:
            words.append(token)
        else:
            words.extend(normalized)
    if not words:
        msg = (
            f"{where} got a query with no word in it ({query!r}); "
            f"give at least one word, e.g. 'بغداد'"
        )
        raise ValueError(msg)
    return tuple(words)


def _phrase_words(words: Sequence[str]) -> list[str]:
    """Query words with a detached و joined to the word after it (و المغامرة → والمغامرة).

    A و before what cannot take it as one word (a number: و 2015) stays a word.
    """
    joined: list[str] = []
    waw = False
    for word in words:
        if normalize_words(word) == (_WAW,) and not waw:
            waw = True
            continue
        if not waw:
            joined.append(word)
        elif len(normalize_words(_WAW + word)) == 1:
            joined.append(_WAW + word)
        else:
            joined += (_WAW, word)
        waw = False
    if waw:
        joined.append(_WAW)
    return joined


class LookupMany(abc.ABC):
    """A :class:`~arnews._index.SearchIndex` that looks up many surface words at once.

    A term has many surface forms (dozens to hundreds in the ``inflections``
    mode); an index whose every lookup has a fixed cost (the disk index: one
    SQL statement) subclasses this so that matching asks for all of them in
    one call.  Other indexes are asked word by word.

    >>> import arnews, pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "news.db"
    >>> index = arnews.build_index(arnews.load(), path).search_index
    >>> found = index.lookup(["بغداد", "ززززز"])
    >>> found[0] == (index.postings("بغداد"), index.spelling("بغداد")), found[1]
    (True, ([], None))
    """

    @abc.abstractmethod
    def lookup(self, words: Sequence[str]) -> list[tuple[Postings, str | None]]:
        """(``postings(word)``, ``spelling(word)``) of each word, in order."""


def _lookup(index: SearchIndex, words: Sequence[str]) -> list[tuple[Postings, str | None]]:
    """(postings, spelling) of each word (a spelling only matters where there are postings)."""
    if isinstance(index, LookupMany):
        return index.lookup(words)
    postings_of = index.postings
    spelling_of = index.spelling
    found: list[tuple[Postings, str | None]] = []
    for word in words:
        postings = postings_of(word)
        found.append((postings, spelling_of(word) if postings else None))
    return found


def _parts(index: SearchIndex, found: Term, prefix: bool) -> list[_Part]:
    """(postings, form, spelling, fixed reading) of each surface form of a term that occurs."""
    if not prefix:
        forms = list(found.forms)
        return [
            (postings, form, spelling, None)
            for form, (postings, spelling) in zip(forms, _lookup(index, forms), strict=True)
            if postings
        ]
    surfaces: dict[str, int] = {}  # surface word → its proclitic's length
    for form, readings in found.forms.items():
        for pre, suf, _ in readings:
            if suf:
                continue
            for surface in index.words_with_prefix(form):
                surfaces.setdefault(surface, pre)
    words = list(surfaces)
    return [
        (postings, surface, spelling, (surfaces[surface], 0))
        for surface, (postings, spelling) in zip(words, _lookup(index, words), strict=True)
    ]


def _token_at(text: str, start: int) -> str:
    """The word token that starts at ``start`` (as the index read it)."""
    # Fast path: a run of letters up to a space is one token (WORD_RE agrees).
    space = text.find(" ", start, start + 64)
    if space > start and text[start:space].isalpha() and text[start:space].isascii() is False:
        return text[start:space]
    found = WORD_RE.match(text, start, min(len(text), start + MAX_RUN))
    return found.group() if found else text[start : start + 1]


def _merged(parts: list[_Part]) -> Iterator[tuple[int, int]]:
    """(packed posting, part number) over all parts, in posting order."""
    if len(parts) == 1:
        for packed in parts[0][0]:
            yield packed, 0
        return
    tag_bits = max(len(parts) - 1, 1).bit_length()
    tag_mask = (1 << tag_bits) - 1
    tagged = [packed << tag_bits | k for k, part in enumerate(parts) for packed in part[0]]
    tagged.sort()
    for value in tagged:
        yield value >> tag_bits, value & tag_mask


def _single_word(
    index: SearchIndex, found: Term, parts: list[_Part], wanted: frozenset[int], emit: _Emit
) -> None:
    """Emit every occurrence of one query word's surface forms, in corpus order.

    The hot loop of every search.  A surface form that always comes from the
    same original token is read once: its reading, span and stem are the same
    each time.  Other tokens are read from the field, once per distinct token.
    """
    kinds = index.field_kind
    texts = index.texts
    sb = index.start_bits
    start_mask = (1 << sb) - 1
    # Per part: (spelling, its stem start and end offsets) when known and accepted.
    known: list[tuple[str, int, int] | None] = []
    alive: list[bool] = []
    for _, form, spelling, fixed in parts:
        if spelling is None:
            known.append(None)
            alive.append(True)
            continue
        reading = fixed if fixed is not None else found.reading(spelling, form)
        alive.append(reading is not None)
        known.append((spelling, *stem_span(spelling, *reading)) if reading else None)
    read: dict[tuple[str, str], tuple[int, int] | None] = {}
    every_kind = wanted >= _ALL_KINDS
    for packed, k in _merged(parts):
        if not alive[k]:
            continue
        fid = packed >> sb
        if not every_kind and kinds[fid] not in wanted:
            continue
        start = packed & start_mask
        spelled = known[k]
        if spelled is not None:
            spelling, a, b = spelled
            emit(fid, start, start + len(spelling), (start + a, start + b), spelling)
            continue
        token = _token_at(texts[fid], start)
        form, fixed = parts[k][1], parts[k][3]
        key = (token, form)
        if key not in read:
            reading = fixed if fixed is not None else found.reading(token, form)
            read[key] = stem_span(token, *reading) if reading else None
        span = read[key]
        if span is not None:
            emit(fid, start, start + len(token), (start + span[0], start + span[1]), token)


class _Reader:
    """The word tokens of one field around a position, normalized once each."""

    __slots__ = ("_words", "readings", "text")

    def __init__(
        self,
        text: str,
        words: dict[str, tuple[str, ...]],
        readings: dict[tuple[int, str], tuple[int, int] | None],
    ) -> None:
        self.text = text
        self._words = words
        #: (phrase position, token) → its reading, shared by the whole search.
        self.readings = readings

    def word(self, token: str) -> str | None:
        """A token's normalized word, None unless it is exactly one word."""
        words = self._words.get(token)
        if words is None:
            words = self._words[token] = normalize_words(token)
        return words[0] if len(words) == 1 else None

    def after(self, end: int) -> Iterator[tuple[int, str]]:
        """(start, token) of each word token after ``end``."""
        text = self.text
        while True:
            # Fast path: one space, then letters up to the next space or the end.
            if text[end : end + 1] == " ":
                space = text.find(" ", end + 1, end + 65)
                stop = len(text) if space < 0 and len(text) - end <= 65 else space
                chunk = text[end + 1 : stop] if stop > end + 1 else ""
                if chunk and chunk.isalpha() and not chunk.isascii():
                    yield end + 1, chunk
                    end = stop
                    continue
            found = WORD_RE.search(text, end, min(len(text), end + MAX_RUN))
            if found is None:
                return
            yield found.start(), found.group()
            end = found.end()

    def backward(self, start: int) -> Iterator[tuple[int, str]]:
        """(start, token) of each word token before ``start``, nearest first."""
        text = self.text
        end = start
        while end > 0:
            # Fast path: letters between single spaces.
            if end > 1 and text[end - 1] == " ":
                space = text.rfind(" ", max(0, end - 66), end - 1)
                low = space + 1 if space >= 0 else (0 if end - 1 <= 65 else -1)
                chunk = text[low : end - 1] if low >= 0 else ""
                if chunk and chunk.isalpha() and not chunk.isascii():
                    yield low, chunk
                    end = low
                    continue
            previous = self._previous(end)
            if previous is None:
                return
            yield previous
            end = previous[0]

    def _previous(self, end: int) -> tuple[int, str] | None:
        """The word token nearest before ``end``, read from a window that grows."""
        width = 64
        while True:
            low = max(0, end - width)
            last = None
            for m in WORD_RE.finditer(self.text, low, end):
                last = m
            if last is not None and (last.start() > low or low == 0):
                return last.start(), last.group()
            if low == 0:
                return None
            width *= 4


def _read(
    reader: _Reader, terms: list[Term], j: int, prefix: bool, token: str
) -> tuple[int, int] | None:
    """How ``token`` matches phrase term ``j``, or None (answers kept in ``reader``)."""
    key = (j, token)
    readings = reader.readings
    if key in readings:
        return readings[key]
    found = readings[key] = _reading(terms[j], prefix, token, reader.word(token))
    return found


def _reading(found: Term, prefix: bool, token: str, word: str | None) -> tuple[int, int] | None:
    """How ``token`` (normalized ``word``) matches one phrase term, or None."""
    if word is None:
        return None
    if prefix:
        for form, readings in found.forms.items():
            if word.startswith(form):
                for pre, suf, _ in readings:
                    if not suf:
                        return pre, 0
        return None
    if word not in found.forms:
        return None
    return found.reading(token, word)


#: How far after a detached و (its start) the next word may start to be read as its word.
_WAW_REACH: Final = 64


def _after_waw(index: SearchIndex, waws: Postings, postings: Postings) -> list[int]:
    """The ``postings`` that may be the word token right after a detached و.

    Each is the nearest posting after a و of ``waws`` in the same field, at most
    :data:`_WAW_REACH` characters on (the phrase reader then checks that the
    و is the token before it).  Found by bisection from the shorter list, with
    no text read: a frequent word (العراق for the query والعراق) costs what
    the rare detached و costs, and the disk index reads no field for it.
    """
    sb = index.start_bits
    out: list[int] = []
    if len(waws) <= len(postings):
        size = len(postings)
        for waw in waws:
            at = bisect_right(postings, waw)
            p = postings[at] if at < size else -1
            if 0 <= p - waw <= _WAW_REACH and p >> sb == waw >> sb and (not out or out[-1] != p):
                out.append(p)
        return out
    for p in postings:
        at = bisect_left(waws, p) - 1
        if at >= 0 and p - waws[at] <= _WAW_REACH and p >> sb == waws[at] >> sb:
            out.append(p)
    return out


def _waw_apart(found: Term) -> bool:
    """Whether a query word written with و also matches the text's و written apart."""
    return found.word.startswith(_WAW) and len(found.word) >= 3


def _phrase(
    index: SearchIndex,
    terms: list[Term],
    prefix: bool,
    wanted: frozenset[int],
    emit: _Emit,
    *,
    only_apart: bool = False,
) -> None:
    """Emit every occurrence of a phrase, driven from its rarest word.

    Each occurrence of the rarest word is checked by reading the words next to
    it in the field, so memory stays proportional to that word's postings, and
    a word repeated in the phrase is looked up once.  With ``only_apart`` (a
    one-word query), only the word's form with its و written apart is matched.
    """
    last = len(terms) - 1
    anchors: dict[int, list[tuple[_Part, bool]]] = {}  # position → (part, needs a و)
    cache: dict[tuple[tuple[str, bool], bool], list[_Part]] = {}
    waws: Postings | None = None
    for i, found in enumerate(terms):
        options = [(found, False)]
        if _waw_apart(found):
            options.append((term(found.text[1:], found.mode), True))  # و written apart
        if only_apart:
            options = options[1:]
        for option, needs_waw in options:
            if needs_waw and waws is None:
                waws = index.postings(_WAW)
            if needs_waw and not waws:
                continue  # no detached و in the index
            key = (option.word, prefix and i == last)
            parts = cache.get((key, needs_waw))
            if parts is None:
                parts = _parts(index, option, prefix and i == last)
                if waws and needs_waw:  # only where a detached و comes before
                    kept = [(_after_waw(index, waws, part[0]), *part[1:]) for part in parts]
                    parts = [part for part in kept if part[0]]
                cache[key, needs_waw] = parts
            anchors.setdefault(i, []).extend((part, needs_waw) for part in parts)
    sizes = [sum(len(part[0]) for part, _ in anchors.get(i, ())) for i in range(len(terms))]
    if 0 in sizes:
        return
    anchor = sizes.index(min(sizes))
    chosen = anchors[anchor]
    kinds = index.field_kind
    texts = index.texts
    sb = index.start_bits
    start_mask = (1 << sb) - 1
    normalized: dict[str, tuple[str, ...]] = {}
    readings: dict[tuple[int, str], tuple[int, int] | None] = {}
    after = anchor < last
    simple = after or anchor == 1
    steps: list[tuple[int, int, int]] = []  # (packed, part, neighbour's packed start or -1)
    for packed, k in _merged([part for part, _ in chosen]):
        if kinds[packed >> sb] not in wanted:
            continue
        near = -1
        if simple:
            start = packed & start_mask
            near = _next_start(texts[packed >> sb], start, after=after)
            if near >= 0:
                near += packed - start
        steps.append((packed, k, near))
    hits = _neighbours_of(index, anchors[anchor + 1 if after else 0], steps, after=after)
    done = -1
    for packed, k, near in steps:
        if packed == done:
            continue  # already matched through another form of the same word
        if near >= 0 and near not in hits:
            continue  # the word next to it, one space away, is not of its term
        fid = packed >> sb
        start = packed & start_mask
        text = texts[fid]
        matched = _match_around(
            _Reader(text, normalized, readings),
            terms,
            prefix=prefix,
            anchor=anchor,
            start=start,
            needs_waw=chosen[k][1],
        )
        if matched is not None:
            done = packed
            emit(fid, *matched)


def _next_start(text: str, start: int, *, after: bool) -> int:
    """Start of the word token next to (after or before) the token at ``start``.

    -1 unless both tokens are plain runs of Arabic letters with only spaces
    and punctuation between them (then the neighbour is that token for
    certain; the matching loop reads the field in every other case).
    """
    if after:
        found = _PLAIN_AFTER.match(text, start, start + 72)
        return found.end() if found else -1
    low = max(0, start - 72)
    found = _PLAIN_BEFORE.search(text, low, start)
    if found is None or found.group(1) == _WAW:
        return -1  # a detached و is read as the anchor's proclitic
    at = found.start()
    if at == low and low > 0:
        return -1  # the token may go on before the window
    return at


def _neighbours_of(
    index: SearchIndex,
    parts: list[tuple[_Part, bool]],
    steps: list[tuple[int, int, int]],
    *,
    after: bool,
) -> set[int]:
    """The neighbour starts of ``steps`` that are postings of the neighbour's term.

    Sets intersect posting arrays in C and stay within the anchor's size.
    After the anchor, a detached و (read as the next word's proclitic) counts.
    """
    nears = {near for _, _, near in steps if near >= 0}
    found: set[int] = set()
    if not nears:
        return found
    arrays = [part[0] for part, _ in parts]
    if after:
        arrays.append(index.postings(_WAW))
    for postings in arrays:
        if len(postings) <= 16 * len(nears):
            found |= nears.intersection(postings)
            continue
        # A long list (a frequent word, the و): look each start up in it (it is sorted).
        size = len(postings)
        for near in nears:
            at = bisect_left(postings, near)
            if at < size and postings[at] == near:
                found.add(near)
    return found


def _match_around(
    reader: _Reader,
    terms: list[Term],
    *,
    prefix: bool,
    anchor: int,
    start: int,
    needs_waw: bool,
) -> tuple[int, int, tuple[int, int], str] | None:
    """(start, end, (stem start, stem end), text) of the phrase through one anchor token."""
    last = len(terms) - 1
    token = _token_at(reader.text, start)
    back = reader.backward(start)
    pending: list[tuple[int, str]] = []  # tokens read backwards but not used yet
    # The first word may take a detached و only if the query writes it with one.
    first_waw = _waw_apart(terms[0])
    lead = -1  # where that و starts, when the first word took one
    lead_in_stem = False  # and whether the query's reading counts it in the stem

    def previous() -> tuple[int, str] | None:
        return pending.pop() if pending else next(back, None)

    def waw_next() -> tuple[int, str] | None:
        """The next token backwards if it is a detached و (left unread if not)."""
        step = previous()
        if step is not None and reader.word(step[1]) == _WAW:
            return step
        if step is not None:
            pending.append(step)
        return None

    def read_after_waw(j: int, is_prefix: bool, tok: str) -> tuple[int, int] | None:
        """Term j read in tok with a detached و before it as its proclitic, if it reads so.

        If not (a number takes no proclitic: و 2016), the و is left for the word before.
        """
        nonlocal lead, lead_in_stem
        waw = waw_next() if j or first_waw else None
        if waw is not None:
            found = _read(reader, terms, j, is_prefix, _WAW + tok)
            if found is not None:
                if not j:
                    lead, lead_in_stem = waw[0], not found[0]
                return (max(found[0] - 1, 0), found[1])
            pending.append(waw)
        return _read(reader, terms, j, is_prefix, tok)

    # The anchor; a detached و right before it is its proclitic when it reads so.
    is_prefix = prefix and anchor == last
    if needs_waw:  # the anchor's form is read with a و that the text wrote apart
        waw = waw_next()
        reading = None if waw is None else _read(reader, terms, anchor, is_prefix, _WAW + token)
        if reading is not None:
            if not anchor and waw is not None:
                lead, lead_in_stem = waw[0], not reading[0]
            reading = (max(reading[0] - 1, 0), reading[1])
    else:
        reading = read_after_waw(anchor, is_prefix, token)
    if reading is None:
        return None
    first = (start, token, reading)
    final = (start, token, reading)
    # Words before the anchor, nearest first.
    for j in range(anchor - 1, -1, -1):
        step = previous()
        if step is None:
            return None
        at, tok = step
        found = read_after_waw(j, False, tok)
        if found is None:
            return None
        first = (at, tok, found)
    # Words after the anchor.
    following = reader.after(start + len(token))
    for j in range(anchor + 1, last + 1):
        step = next(following, None)
        if step is None:
            return None
        at, tok = step
        is_prefix = prefix and j == last
        found = _read(reader, terms, j, is_prefix, tok)
        if found is None and reader.word(tok) == _WAW:
            step = next(following, None)
            if step is None:
                return None
            at2, tok2 = step
            found = _read(reader, terms, j, is_prefix, _WAW + tok2)
            if found is None:
                return None
            at, tok, found = at2, tok2, (max(found[0] - 1, 0), found[1])
        if found is None:
            return None
        final = (at, tok, found)
    hit_start, first_token, (first_prefix, _) = first
    last_start, last_token, (_, last_suffix) = final
    stem_start = hit_start + stem_span(first_token, first_prefix, 0)[0]
    stem_end = last_start + stem_span(last_token, 0, last_suffix)[1]
    end = last_start + len(last_token)
    if lead >= 0:
        hit_start = lead
        if lead_in_stem:
            stem_start = lead
    return hit_start, end, (stem_start, stem_end), reader.text[hit_start:end]


def _matches(
    index: SearchIndex,
    words: Sequence[str],
    kinds: frozenset[int],
    emit: _Emit,
    *,
    prefix: bool,
    mode: str,
) -> None:
    """Emit every match of query ``words`` in fields of the given kinds."""
    joined = _phrase_words(words)
    terms = [term(word, mode) for word in joined]
    if len(terms) > 1:
        _phrase(index, terms, prefix, kinds, emit)
        return
    parts = _parts(index, terms[0], prefix)
    if not _waw_apart(terms[0]):
        if parts:
            _single_word(index, terms[0], parts, kinds, emit)
        return
    # The word with its و written apart (و المغامرة), through the phrase reader, which
    # checks the و; then as written (والمغامرة); the two merged in text order.
    apart: list[tuple[int, int, int, tuple[int, int], str]] = []
    _phrase(index, terms, prefix, kinds, lambda *m: apart.append(m), only_apart=True)
    if not apart:
        if parts:
            _single_word(index, terms[0], parts, kinds, emit)
        return
    matches: list[tuple[int, int, int, tuple[int, int], str]] = []
    if parts:
        _single_word(index, terms[0], parts, kinds, lambda *m: matches.append(m))
    for match in heapq.merge(matches, apart):
        emit(*match)


def _hit_maker() -> Callable[[str, str, int, int, int, int, int, str, str, str, str, str], Hit]:
    """A function making a :class:`Hit` from values already checked, positionally.

    Search makes one Hit per match; the checked constructor costs about three
    times as much as setting the twelve slots.  The caller checks what Hit's
    validator would (``find``'s ``emit``); tests/test_search.py holds the two
    ways equal.
    """
    names = tuple(field.name for field in attrs.fields(Hit))
    if names != _HIT_FIELDS:  # a field added to Hit must be added here too
        raise TypeError(f"Hit's fields are {names}, the search's maker sets {_HIT_FIELDS}")
    slots = [getattr(Hit, name).__set__ for name in names]
    s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11 = slots
    new = object.__new__

    def make(  # noqa: PLR0917  (positional: the hot loop's calls stay cheap)
        article_id: str,
        field: str,
        index: int,
        start: int,
        end: int,
        stem_start: int,
        stem_end: int,
        text: str,
        prefix: str,
        stem: str,
        suffix: str,
        mode: str,
    ) -> Hit:
        hit = new(Hit)
        s0(hit, article_id)
        s1(hit, field)
        s2(hit, index)
        s3(hit, start)
        s4(hit, end)
        s5(hit, stem_start)
        s6(hit, stem_end)
        s7(hit, text)
        s8(hit, prefix)
        s9(hit, stem)
        s10(hit, suffix)
        s11(hit, mode)
        return hit

    return make


_HIT_FIELDS: Final = (
    "article_id", "field", "index", "start", "end", "stem_start", "stem_end",
    "text", "prefix", "stem", "suffix", "mode",
)  # fmt: skip
make_hit: Final = _hit_maker()


def find(
    index: SearchIndex,
    words: Sequence[str],
    *,
    kinds: frozenset[int] = _ALL_KINDS,
    prefix: bool = False,
    mode: str = DEFAULT_MODE,
) -> list[Hit]:
    """The hits of one term: query words, one word or a phrase, in corpus order.

    This is the term-level entry point that query strings are evaluated with.
    ``words`` are the query's words as written (:func:`query_words`; already
    normalized words work too, except in the ``exact`` mode, which needs the
    letters as written); ``kinds`` are field kinds
    (:func:`arnews._model.field_kinds`); with ``prefix`` the last word matches
    any text word that starts with it; ``mode`` is a match mode
    (:data:`arnews._modes.MODES`).

    >>> import arnews
    >>> from arnews._index import MemoryIndex
    >>> index = MemoryIndex(arnews.load())
    >>> [h.text for h in find(index, ("الموص",), prefix=True)][:2]
    ['الموصل', 'الموصل']
    >>> find(index, ("جهة",))[0].suffix
    'ه'

    Raises:
        TypeError: if ``mode`` is not a str.
        ValueError: if ``mode`` is not a match mode, or a word is not one word.
    """
    check_mode(mode, "find()")
    hits: list[Hit] = []
    append = hits.append
    ids = index.ids
    kind_of = index.field_kind
    article_of = index.field_article
    index_of = index.field_index

    def emit(fid: int, start: int, end: int, stem: tuple[int, int], text: str) -> None:
        stem_start, stem_end = stem
        a, b = stem_start - start, stem_end - start
        article_id, index_in = ids[article_of[fid]], index_of[fid]
        if (
            type(article_id) is str
            and type(index_in) is int
            and index_in >= 0
            and 0 <= start <= stem_start <= stem_end <= end == start + len(text)
        ):  # what Hit checks, checked here in one expression: made without checking again
            append(
                make_hit(
                    article_id,
                    FIELD_NAMES[kind_of[fid]],
                    index_in,
                    start,
                    end,
                    stem_start,
                    stem_end,
                    text,
                    text[:a],
                    text[a:b],
                    text[b:],
                    mode,
                )
            )
            return
        # Anything else (a str subclass as an id, or an index file's bad value) goes
        # through Hit's checks: accepted as Hit accepts it, or refused by name.
        append(
            Hit(
                article_id=article_id,
                field=FIELD_NAMES[kind_of[fid]],
                index=index_in,
                start=start,
                end=end,
                stem_start=stem_start,
                stem_end=stem_end,
                text=text,
                mode=mode,
            )
        )

    _matches(index, words, kinds, emit, prefix=prefix, mode=mode)
    return hits


def search(
    index: SearchIndex,
    query: str,
    *,
    fields: Sequence[str] = DEFAULT_FIELDS,
    mode: str = DEFAULT_MODE,
    source: ArticleSource | None = None,
) -> Hits:
    """Every match of a word or phrase, seeing through spelling, clitics and inflections.

    Hits come in corpus order, then by field kind (title, subheadings,
    paragraphs, captions …), then position.  ``fields`` picks which field
    kinds to search (:data:`arnews._model.FIELD_NAMES`; one name alone is fine
    too); ``mode`` how words match (:mod:`arnews._modes`).  ``source`` (the
    corpus the index was built from) is remembered for display.  Each hit says
    how it matched: ``prefix``, ``stem``, ``suffix`` and ``mode``.

    >>> import arnews
    >>> from arnews._index import MemoryIndex
    >>> index = MemoryIndex(arnews.load())
    >>> [h.text for h in search(index, "بغداد") if h.article_id.startswith("002")][:2]
    ['ببغداد', 'بغداد']
    >>> search(index, "موسكو وبغداد", fields=("title",))[0].text
    'موسكو وبغداد'
    >>> sorted({h.text for h in search(index, "أن")} & {"كان", "الآن", "لأن"})
    ['الآن', 'لأن']
    >>> hit = [h for h in search(index, "قوات") if h.suffix][0]
    >>> hit.text, hit.prefix, hit.stem, hit.suffix
    ('بقواتها', 'ب', 'قوات', 'ها')

    Raises:
        TypeError: if ``query`` is not a str, ``fields`` is not a sequence of
            names, or ``mode`` is not a str.
        ValueError: if the query holds no word (empty or punctuation only), a
            field name is unknown, or ``mode`` is not a match mode.
    """
    words = query_words(query, "search()")
    kinds = field_kinds(fields, "search()")
    check_mode(mode, "search()")
    return Hits.of(find(index, words, kinds=kinds, mode=mode), source)


def concordance(
    index: SearchIndex,
    query: str,
    *,
    width: int = 40,
    fields: Sequence[str] = DEFAULT_FIELDS,
    mode: str = DEFAULT_MODE,
) -> Concordance:
    """Keyword-in-context lines for every hit of ``query`` (see :func:`search`).

    ``left`` and ``right`` are up to ``width`` characters of the same field
    before and after the match, cut exactly (no padding, no ellipsis).
    ``fields`` and ``mode`` are as in :func:`search`.

    >>> import arnews
    >>> from arnews._index import MemoryIndex
    >>> index = MemoryIndex(arnews.load())
    >>> line = concordance(index, "الموصل", width=10)[0]
    >>> line.left + "[" + line.match + "]" + line.right
    'بارية حول [الموصل]'
    >>> {line.field for line in concordance(index, "بغداد", fields="title")}
    {'title'}

    Raises:
        TypeError: if ``query`` is not a str, ``width`` is not an int, or
            ``fields`` is not a sequence of names, or ``mode`` not a str.
        ValueError: as :func:`search` (no word in the query, an unknown or
            empty ``fields``, an unknown mode), or if ``width`` is negative.
    """
    check_int(width, "concordance(width=...)", minimum=0, hint="a number of characters")
    words = query_words(query, "concordance()")
    kinds = field_kinds(fields, "concordance()")
    check_mode(mode, "concordance()")
    lines: list[ConcordanceLine] = []
    append = lines.append
    ids = index.ids
    texts = index.texts
    kind_of = index.field_kind
    article_of = index.field_article
    index_of = index.field_index

    def emit(fid: int, start: int, end: int, _stem: tuple[int, int], match: str) -> None:
        text = texts[fid]
        append(
            ConcordanceLine(
                left=text[max(0, start - width) : start],
                match=match,
                right=text[end : end + width],
                article_id=ids[article_of[fid]],
                field=FIELD_NAMES[kind_of[fid]],
                offset=start,
                index=index_of[fid],
            )
        )

    _matches(index, words, kinds, emit, prefix=False, mode=mode)
    return Concordance(lines)
