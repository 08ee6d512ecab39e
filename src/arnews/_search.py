"""Search and concordance on a :class:`~arnews._index.SearchIndex`.

:class:`arnews.Corpus` exposes these as methods (``corpus.search(...)`` …);
the functions here take the index as their first argument.  Matching rules:

* query and text go through the same normalization,
  :func:`arnews._analysis.normalize_words` (see :mod:`arnews._index`);
* a query word matches a text word that is the query word, or the query word
  behind a proclitic sequence — optional و or ف, then optional ب, ل or ك, then
  optional ال — leaving a stem of at least two letters; a query word starting
  with ال also matches behind لل (ل absorbed the article: للموصل);
* several query words are a phrase: they must match consecutive words of one
  field (punctuation between them is allowed and is part of the hit's text);
* with ``prefix=True`` (:func:`find`), the last query word matches every text
  word that starts with it (behind the same proclitics).

:func:`find` is the term-level entry point (normalized words in, hits out);
:func:`search` and :func:`concordance` take a query string.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from typing import Final

from ._analysis import normalize_words, proclitic_forms, stem_offset
from ._checks import check_int, check_str
from ._index import Postings, SearchIndex
from ._model import DEFAULT_FIELDS, FIELD_NAMES, ArticleSource, field_kinds
from ._results import Concordance, ConcordanceLine, Hit, Hits
from ._tokenize import WORD_RE

__all__ = ["concordance", "find", "query_words", "search"]

#: What the matching loops hand each match to: (field id, start, end, stem start, text).
_Emit = Callable[[int, int, int, int, str], object]
#: One surface form of a query word that occurs: (postings, stem start in the normalized
#: form, the one original spelling or None).
_Part = tuple[Postings, int, "str | None"]

_ALL_KINDS: Final = frozenset(range(len(FIELD_NAMES)))


def query_words(query: object, where: str) -> tuple[str, ...]:
    """The normalized words of a query, or a TypeError/ValueError saying why there are none.

    >>> query_words("وبِغدادَ", "search()")
    ('وبغداد',)

    Raises:
        TypeError: if ``query`` is not a str.
        ValueError: if it holds no word.
    """
    words = normalize_words(check_str(query, where))
    if not words:
        msg = (
            f"{where} got a query with no word in it ({query!r}); "
            f"give at least one word, e.g. 'بغداد'"
        )
        raise ValueError(msg)
    return words


def _forms(index: SearchIndex, word: str, prefix: bool) -> list[tuple[str, int]]:
    """The surface words of the index that match one normalized query word, with stem starts."""
    forms = proclitic_forms(word)
    if not prefix:
        return list(forms)
    found: dict[str, int] = {}
    for form, stem in forms:
        for surface in index.words_with_prefix(form):
            found.setdefault(surface, stem)
    return list(found.items())


def _parts(index: SearchIndex, word: str, prefix: bool) -> list[_Part]:
    """(postings, stem start, spelling) of each surface form of ``word`` that occurs."""
    parts: list[_Part] = []
    for form, stem in _forms(index, word, prefix):
        postings = index.postings(form)
        if postings:
            parts.append((postings, stem, index.spelling(form)))
    return parts


def _single_word(
    index: SearchIndex, parts: list[_Part], wanted: frozenset[int], emit: _Emit
) -> None:
    """Emit every occurrence of one query word's surface forms, in corpus order.

    The hot loop of every search.  A surface form that always comes from the
    same original token needs no reading of the text: its span, text and stem
    are the same each time.
    """
    kinds = index.field_kind
    texts = index.texts
    match = WORD_RE.match
    sb = index.start_bits
    start_mask = (1 << sb) - 1
    fid_shift = sb + index.pos_bits
    # (postings, stem start in the normalized form, the one spelling or None, its stem
    # offset in that spelling)
    known = [
        (postings, stem, spelling, stem_offset(spelling, stem) if spelling and stem else 0)
        for postings, stem, spelling in parts
    ]
    order: Iterable[int]
    if len(known) == 1:
        order = known[0][0]
        tag_bits = 0
    else:
        # Merge the forms' sorted postings: tag each with its part in the low bits.
        tag_bits = max(len(known) - 1, 1).bit_length()
        tagged = [packed << tag_bits | k for k, part in enumerate(known) for packed in part[0]]
        tagged.sort()
        order = tagged
    tag_mask = (1 << tag_bits) - 1
    every_kind = wanted >= _ALL_KINDS
    for tagged_packed in order:
        _, stem, spelling, offset = known[tagged_packed & tag_mask]
        packed = tagged_packed >> tag_bits
        fid = packed >> fid_shift
        if not every_kind and kinds[fid] not in wanted:
            continue
        start = packed & start_mask
        if spelling is not None:
            emit(fid, start, start + len(spelling), start + offset, spelling)
        else:
            text = texts[fid]
            end = match(text, start).end()
            token = text[start:end]
            emit(fid, start, end, start + stem_offset(token, stem) if stem else start, token)


def _position_lookup(
    index: SearchIndex, parts: list[_Part], drivers: int
) -> Callable[[int], tuple[int, int] | None]:
    """A function from a key (field id and position) to (packed posting, stem start) or None.

    ``parts`` are a query word's surface forms; ``drivers`` is how many keys
    will be looked up.  For few lookups each one bisects the postings; for
    many, one table of all the word's positions is cheaper (see
    benchmarks/README.md): the table is built unless the word has more than
    two postings per lookup and surface form.
    """
    sb = index.start_bits
    size = sum(len(postings) for postings, _, _ in parts)
    if size > 2 * drivers * len(parts):

        def bisect_at(key: int) -> tuple[int, int] | None:
            low = key << sb
            for postings, stem, _ in parts:
                i = bisect_left(postings, low)
                if i < len(postings) and postings[i] >> sb == key:
                    return postings[i], stem
            return None

        return bisect_at
    # A word has one position per occurrence, so the keys never collide.
    table: dict[int, tuple[int, int]] = {}
    for postings, stem, _ in parts:
        table.update({packed >> sb: (packed, stem) for packed in postings})
    return table.get


def _occurrences(parts: list[_Part]) -> list[tuple[int, int]]:
    """Sorted (packed posting, stem start) over all of one word's surface forms."""
    if len(parts) == 1:
        postings, stem, _ = parts[0]
        return [(p, stem) for p in postings]
    found = [(p, stem) for postings, stem, _ in parts for p in postings]
    found.sort()
    return found


def _phrase(
    index: SearchIndex, words: Sequence[str], prefix: bool, wanted: frozenset[int], emit: _Emit
) -> None:
    """Emit every occurrence of a phrase: word i at position p + i of the field.

    Drive from the rarest word and look the others up (:func:`_position_lookup`).
    """
    last = len(words) - 1
    groups = [_parts(index, w, prefix and i == last) for i, w in enumerate(words)]
    sizes = [sum(len(p) for p, _, _ in g) for g in groups]
    if 0 in sizes:
        return
    anchor = sizes.index(min(sizes))
    lookups = [
        None if i == anchor else _position_lookup(index, group, sizes[anchor])
        for i, group in enumerate(groups)
    ]
    kinds = index.field_kind
    texts = index.texts
    match = WORD_RE.match
    sb = index.start_bits
    start_mask = (1 << sb) - 1
    fid_shift = sb + index.pos_bits
    pos_mask = (1 << index.pos_bits) - 1
    for packed, stem in _occurrences(groups[anchor]):
        fid = packed >> fid_shift
        key = packed >> sb
        if kinds[fid] not in wanted or (key & pos_mask) < anchor:
            continue
        base = key - anchor
        found: list[tuple[int, int]] = []
        for i, lookup in enumerate(lookups):
            here = (packed, stem) if lookup is None else lookup(base + i)
            if here is None or (here[0] >> fid_shift) != fid:
                break
            found.append(here)
        else:
            text = texts[fid]
            start = found[0][0] & start_mask
            first_stem = found[0][1]
            stem_start = (
                start + stem_offset(match(text, start).group(), first_stem) if first_stem else start
            )
            end = match(text, found[-1][0] & start_mask).end()
            emit(fid, start, end, stem_start, text[start:end])


def _matches(
    index: SearchIndex, words: Sequence[str], kinds: frozenset[int], prefix: bool, emit: _Emit
) -> None:
    """Emit every match of normalized query ``words`` in fields of the given kinds."""
    if len(words) == 1:
        parts = _parts(index, words[0], prefix)
        if parts:
            _single_word(index, parts, kinds, emit)
    else:
        _phrase(index, words, prefix, kinds, emit)


def find(
    index: SearchIndex,
    words: Sequence[str],
    *,
    kinds: frozenset[int] = _ALL_KINDS,
    prefix: bool = False,
) -> list[Hit]:
    """The hits of one term: normalized query words, one word or a phrase, in corpus order.

    This is the term-level entry point that query strings are evaluated
    with.  ``words`` are already normalized (:func:`query_words`); ``kinds``
    are field kinds (:func:`arnews._model.field_kinds`); with ``prefix`` the
    last word matches any text word that starts with it.

    >>> import arnews
    >>> from arnews._index import MemoryIndex
    >>> index = MemoryIndex(arnews.load())
    >>> [h.text for h in find(index, ("الموص",), prefix=True)][:2]
    ['الموصل', 'الموصل']
    """
    hits: list[Hit] = []
    append = hits.append
    ids = index.ids
    kind_of = index.field_kind
    article_of = index.field_article
    index_of = index.field_index

    def emit(fid: int, start: int, end: int, stem_start: int, text: str) -> None:
        append(
            Hit(
                article_id=ids[article_of[fid]],
                field=FIELD_NAMES[kind_of[fid]],
                index=index_of[fid],
                start=start,
                end=end,
                stem_start=stem_start,
                stem_end=end,
                text=text,
            )
        )

    _matches(index, words, kinds, prefix, emit)
    return hits


def search(
    index: SearchIndex,
    query: str,
    *,
    fields: Sequence[str] = DEFAULT_FIELDS,
    source: ArticleSource | None = None,
) -> Hits:
    """Every match of a word or phrase, seeing through spelling and clitics.

    Hits come in corpus order, then title, paragraphs, captions, then
    position.  ``fields`` picks which of ``"title"``, ``"paragraph"`` and
    ``"caption"`` to search (one name alone is fine too).  ``source`` (the
    corpus the index was built from) is remembered for display.

    A proclitic may leave a stem of only two letters, so a two-letter query
    also matches every word that is a proclitic sequence plus those two
    letters, whether or not it is really built that way — أن finds كان
    (ك + ان), الآن (ال + ان) and لأن; لا finds كلا; ما finds كما and بما.
    Search has no dictionary to tell them apart; filter ``hit.text`` when
    that matters.  (:func:`arnews._frequencies.frequencies` is stricter: it
    counts كان as كان.)

    >>> import arnews
    >>> from arnews._index import MemoryIndex
    >>> index = MemoryIndex(arnews.load())
    >>> [h.text for h in search(index, "بغداد") if h.article_id.startswith("002")][:2]
    ['ببغداد', 'بغداد']
    >>> search(index, "موسكو وبغداد", fields=("title",))[0].text
    'موسكو وبغداد'
    >>> sorted({h.text for h in search(index, "أن")} & {"كان", "الآن", "لأن"})
    ['الآن', 'كان', 'لأن']

    Raises:
        TypeError: if ``query`` is not a str, or ``fields`` is not a sequence of names.
        ValueError: if the query holds no word (empty or punctuation only), or a
            field name is unknown.
    """
    words = query_words(query, "search()")
    kinds = field_kinds(fields, "search()")
    return Hits.of(find(index, words, kinds=kinds), source)


def concordance(
    index: SearchIndex,
    query: str,
    *,
    width: int = 40,
    fields: Sequence[str] = DEFAULT_FIELDS,
) -> Concordance:
    """Keyword-in-context lines for every hit of ``query`` (see :func:`search`).

    ``left`` and ``right`` are up to ``width`` characters of the same field
    before and after the match, cut exactly (no padding, no ellipsis).
    ``fields`` picks the fields to look in, exactly as in :func:`search`.

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
            ``fields`` is not a sequence of names.
        ValueError: as :func:`search` (no word in the query, an unknown or
            empty ``fields``), or if ``width`` is negative.
    """
    check_int(width, "concordance(width=...)", minimum=0, hint="a number of characters")
    words = query_words(query, "concordance()")
    kinds = field_kinds(fields, "concordance()")
    lines: list[ConcordanceLine] = []
    append = lines.append
    ids = index.ids
    texts = index.texts
    kind_of = index.field_kind
    article_of = index.field_article
    index_of = index.field_index

    def emit(fid: int, start: int, end: int, stem_start: int, match: str) -> None:
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

    _matches(index, words, kinds, False, emit)
    return Concordance(lines)
