"""Search, concordance and word frequencies over a Corpus.

:class:`arnews.Corpus` exposes these as methods (``corpus.search(...)`` …);
the functions here take the corpus as their first argument.  Matching rules:

* query and text go through the same normalization,
  :data:`arnews.normalize.SEARCH` (see :mod:`arnews._index`);
* a query word matches a text word that is the query word, or the query word
  behind a proclitic sequence — optional و or ف, then optional ب, ل or ك, then
  optional ال — leaving a stem of at least two letters; a query word starting
  with ال also matches behind لل (ل absorbed the article: للموصل);
* several query words are a phrase: they must match consecutive words of one
  field (punctuation between them is allowed and is part of the hit's text).
"""

from __future__ import annotations

import functools
import weakref
from collections import Counter
from collections.abc import Callable, Container, Iterable, Sequence
from typing import TYPE_CHECKING, Any, Final, SupportsIndex, overload

import attrs

from ._index import FIELD_NAMES, Index, get_index, normalize_words
from ._model import Article
from ._resources import read_text
from ._tokenize import (
    ABSORBED_ARTICLE_PREFIXES,
    PROCLITIC_PREFIXES,
    WORD_RE,
    proclitic_forms,
    require_str,
)

if TYPE_CHECKING:
    from ._corpus import Corpus

__all__ = [
    "Concordance",
    "ConcordanceLine",
    "Hit",
    "Hits",
    "concordance",
    "frequencies",
    "frequency_stem",
    "load_stopwords",
    "search",
]


@attrs.frozen
class Hit:
    """One match of a query: where it is, in original-text offsets.

    ``field`` is ``"title"``, ``"paragraph"`` or ``"caption"`` and ``index``
    the position in that tuple (0 for the title), so the field's string is
    ``article.title``, ``article.paragraphs[index]`` or
    ``article.captions[index].text``.  ``start``/``end`` span the whole
    matched word(s), clitics included, and ``text`` is exactly that slice;
    ``stem_start``/``stem_end`` span the part that matched the query (from
    the first query word's stem to the end of the last word), leaving out the
    proclitics written before it; where ل absorbed the article's alef
    (للموصل for الموصل) the stem is what follows the لل (موصل).

    >>> import arnews
    >>> hit = arnews.load().search("بغداد")[0]
    >>> hit.text, hit.text[hit.stem_start - hit.start :]
    ('وبغداد', 'بغداد')

    Raises:
        attrs.exceptions.FrozenInstanceError: on any attempt to change a field.
    """

    article_id: str
    field: str
    index: int
    start: int
    end: int
    stem_start: int
    stem_end: int
    text: str


@attrs.frozen
class ConcordanceLine:
    """One keyword-in-context line: the match with up to ``width`` characters each side.

    ``left + match + right`` is an exact slice of the field string;
    ``offset`` is where ``match`` starts in it and ``index`` which paragraph
    or caption it is (0 for the title).

    >>> import arnews
    >>> line = arnews.load().concordance("وبغداد", width=6)[0]
    >>> (line.left, line.match, line.right)
    ('موسكو ', 'وبغداد', ' ستتبا')

    Raises:
        attrs.exceptions.FrozenInstanceError: on any attempt to change a field.
    """

    left: str
    match: str
    right: str
    article_id: str
    field: str
    offset: int
    index: int = 0


class Hits(tuple[Hit, ...]):
    """The tuple of Hits that search returns, with notebook and terminal display.

    It is a plain tuple in every other respect (equality with tuples,
    pickling); it remembers the corpus it came from (weakly) so the notebook
    table can show each hit in context.  A slice is Hits again, remembering
    the same corpus, so ``hits[:5]`` still displays as a table.

    >>> import arnews
    >>> hits = arnews.load().search("لافروف")
    >>> isinstance(hits, tuple), "<mark>لافروف</mark>" in hits._repr_html_()
    (True, True)
    >>> type(hits[:2]).__name__, hits[:2] == tuple(hits)[:2]
    ('Hits', True)
    """

    _corpus: weakref.ref[Corpus] | None = None

    @classmethod
    def of(cls, hits: Iterable[Hit], corpus: Corpus | None = None) -> Hits:
        """Hits over ``hits``, remembering ``corpus`` for display."""
        made = cls(hits)
        if corpus is not None:
            made._corpus = weakref.ref(corpus)
        return made

    @overload
    def __getitem__(self, index: SupportsIndex) -> Hit: ...
    @overload
    def __getitem__(self, index: slice) -> Hits: ...
    def __getitem__(self, index: SupportsIndex | slice) -> Hit | Hits:
        if isinstance(index, slice):
            made = Hits(tuple.__getitem__(self, index))
            made._corpus = self._corpus
            return made
        return tuple.__getitem__(self, index)

    def __reduce__(self) -> tuple[type[Hits], tuple[tuple[Hit, ...]]]:
        return (Hits, (tuple(self),))

    def _repr_html_(self) -> str:
        from ._display import hits_html  # noqa: PLC0415  (display loads only when shown)

        return hits_html(self, self._corpus() if self._corpus is not None else None)

    def _repr_pretty_(self, p: Any, cycle: bool) -> None:
        from ._display import hits_pretty  # noqa: PLC0415

        p.text("Hits(...)" if cycle else hits_pretty(self))


class Concordance(tuple[ConcordanceLine, ...]):
    """The tuple of ConcordanceLines that concordance returns, with display.

    It is a plain tuple in every other respect (equality with tuples,
    pickling); a slice is a Concordance again, so ``lines[:5]`` still
    displays as a table.

    >>> import arnews
    >>> lines = arnews.load().concordance("لافروف")
    >>> isinstance(lines, tuple), "<mark>" in lines._repr_html_()
    (True, True)
    """

    @overload
    def __getitem__(self, index: SupportsIndex) -> ConcordanceLine: ...
    @overload
    def __getitem__(self, index: slice) -> Concordance: ...
    def __getitem__(self, index: SupportsIndex | slice) -> ConcordanceLine | Concordance:
        if isinstance(index, slice):
            return Concordance(tuple.__getitem__(self, index))
        return tuple.__getitem__(self, index)

    def __reduce__(self) -> tuple[type[Concordance], tuple[tuple[ConcordanceLine, ...]]]:
        return (Concordance, (tuple(self),))

    def _repr_html_(self) -> str:
        from ._display import concordance_html  # noqa: PLC0415

        return concordance_html(self)

    def _repr_pretty_(self, p: Any, cycle: bool) -> None:
        from ._display import concordance_pretty  # noqa: PLC0415

        p.text("Concordance(...)" if cycle else concordance_pretty(self))


def _fields_mask(fields: object, where: str = "search()") -> frozenset[int]:
    """The field kinds (positions in FIELD_NAMES) a ``fields=`` argument asks for."""
    call = where.removesuffix("()")
    names: Iterable[object]
    if isinstance(fields, str):
        names = (fields,)
    elif isinstance(fields, Iterable):
        names = tuple(fields)
    else:
        msg = (
            f"{call}(fields=...) expects field names, got {type(fields).__name__}; "
            f"e.g. fields=('title', 'paragraph')"
        )
        raise TypeError(msg)
    kinds: set[int] = set()
    for name in names:
        if name not in FIELD_NAMES:
            msg = (
                f"{call}(fields=...) got unknown field {name!r}; "
                f"use any of {', '.join(repr(n) for n in FIELD_NAMES)}"
            )
            raise ValueError(msg)
        kinds.add(FIELD_NAMES.index(str(name)))
    if not kinds:
        msg = f"{call}(fields=...) is empty; use any of {', '.join(repr(n) for n in FIELD_NAMES)}"
        raise ValueError(msg)
    return frozenset(kinds)


def _query_words(query: object, where: str) -> tuple[str, ...]:
    """The normalized words of a query, or a TypeError/ValueError saying why there are none."""
    require_str(where, query)
    assert isinstance(query, str)
    words = normalize_words(query)
    if not words:
        msg = (
            f"{where} got a query with no word in it ({query!r}); "
            f"give at least one word, e.g. 'بغداد'"
        )
        raise ValueError(msg)
    return words


def _single_word(
    index: Index, word: str, wanted: frozenset[int], append: Callable[[Hit], object]
) -> None:
    """Append a Hit for every occurrence of one normalized query word, in corpus order.

    The hot loop of every search.  A surface form (the word behind one
    proclitic sequence) that always comes from the same original token needs
    no reading of the text: its span, text and stem are the same each time.
    """
    ids = index.ids
    kinds = index.field_kind
    texts = index.texts
    articles = index.field_article
    field_index = index.field_index
    stem_offset = index.stem_offset
    match = WORD_RE.match
    sb = index.start_bits
    start_mask = (1 << sb) - 1
    fid_shift = sb + index.pos_bits
    # (postings, stem start in the normalized form, the one spelling or None,
    # its stem offset in that spelling)
    parts: list[tuple[Sequence[int], int, str | None, int]] = []
    for form, stem in proclitic_forms(word):
        postings = index.postings.get(form)
        if postings:
            spelling = index.spellings.get(form)
            offset = stem_offset(spelling, stem) if spelling is not None and stem else 0
            parts.append((postings, stem, spelling, offset))
    if len(parts) == 1:
        order: Iterable[int] = parts[0][0]
        tag_bits = 0
    else:
        # Merge the forms' sorted postings: tag each with its part in the low bits.
        tag_bits = 5  # at most 24 forms
        tagged = [packed << tag_bits | k for k, part in enumerate(parts) for packed in part[0]]
        tagged.sort()
        order = tagged
    tag_mask = (1 << tag_bits) - 1
    for tagged_packed in order:
        _, stem, spelling, offset = parts[tagged_packed & tag_mask]
        packed = tagged_packed >> tag_bits
        fid = packed >> fid_shift
        kind = kinds[fid]
        if kind not in wanted:
            continue
        start = packed & start_mask
        if spelling is not None:
            token = spelling
            end = start + len(spelling)
            stem_start = start + offset
        else:
            text = texts[fid]
            end = match(text, start).end()
            token = text[start:end]
            stem_start = start + stem_offset(token, stem) if stem else start
        append(
            Hit(
                ids[articles[fid]],
                FIELD_NAMES[kind],
                field_index[fid],
                start,
                end,
                stem_start,
                end,
                token,
            )
        )


def search(
    corpus: Corpus, query: str, *, fields: Sequence[str] = ("title", "paragraph", "caption")
) -> Hits:
    """Every match of a word or phrase in the corpus, seeing through spelling and clitics.

    Hits come in corpus order, then title, paragraphs, captions, then
    position.  ``fields`` picks which of ``"title"``, ``"paragraph"`` and
    ``"caption"`` to search (one name alone is fine too).  The first search
    builds the corpus's index (cached for the corpus's lifetime); later
    searches are dictionary lookups.

    Limitation of the matching rule (issue 4's rule, kept as specified): a
    proclitic may leave a stem of only two letters, so a two-letter query
    also matches every word that is a proclitic sequence plus those two
    letters, whether or not it is really built that way — أن finds كان
    (ك + ان), الآن (ال + ان) and لأن; لا finds كلا; ما finds كما and بما.
    Search has no dictionary to tell them apart; filter ``hit.text`` when
    that matters.  (:func:`frequencies` is stricter: it counts كان as كان.)

    >>> import arnews
    >>> corpus = arnews.load()
    >>> [h.text for h in search(corpus, "بغداد") if h.article_id.startswith("002")][:2]
    ['ببغداد', 'بغداد']
    >>> search(corpus, "موسكو وبغداد", fields=("title",))[0].text
    'موسكو وبغداد'
    >>> sorted({h.text for h in search(corpus, "أن")} & {"كان", "الآن", "لأن"})
    ['الآن', 'كان', 'لأن']

    Raises:
        TypeError: if ``query`` is not a str, or ``fields`` is not a sequence of names.
        ValueError: if the query holds no word (empty or punctuation only), or a
            field name is unknown.
    """
    words = _query_words(query, "search()")
    wanted = _fields_mask(fields)
    index = get_index(corpus)
    ids = index.ids
    kinds = index.field_kind
    sb = index.start_bits
    start_mask = (1 << sb) - 1
    fid_shift = sb + index.pos_bits
    hits: list[Hit] = []
    if len(words) == 1:
        _single_word(index, words[0], wanted, hits.append)
        return Hits.of(hits, corpus)
    # A phrase: word i must sit at position p + i of the field where the
    # first word sits at p.  Drive from the rarest word and look the others up
    # (see Index.position_lookup).
    groups = [index.groups(w) for w in words]
    sizes = [sum(len(p) for p, _ in g) for g in groups]
    if 0 in sizes:
        return Hits.of((), corpus)
    anchor = sizes.index(min(sizes))
    lookups = [
        None if i == anchor else index.position_lookup(group, sizes[anchor])
        for i, group in enumerate(groups)
    ]
    pos_mask = (1 << index.pos_bits) - 1
    texts = index.texts
    articles = index.field_article
    field_index = index.field_index
    match = WORD_RE.match
    for packed, stem in index.occurrences(words[anchor]):
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
                start + index.stem_offset(match(text, start).group(), first_stem)
                if first_stem
                else start
            )
            end = match(text, found[-1][0] & start_mask).end()
            hits.append(
                Hit(
                    ids[articles[fid]],
                    FIELD_NAMES[kinds[fid]],
                    field_index[fid],
                    start,
                    end,
                    stem_start,
                    end,
                    text[start:end],
                )
            )
    return Hits.of(hits, corpus)


def concordance(
    corpus: Corpus,
    query: str,
    *,
    width: int = 40,
    fields: Sequence[str] = ("title", "paragraph", "caption"),
) -> Concordance:
    """Keyword-in-context lines for every hit of ``query`` (see :func:`search`).

    ``left`` and ``right`` are up to ``width`` characters of the same field
    before and after the match, cut exactly (no padding, no ellipsis).
    ``fields`` picks the fields to look in, exactly as in :func:`search`.
    Each article's fields are fetched once, however many hits it holds, so
    the cost grows with the number of hits, not with hits × paragraphs.

    >>> import arnews
    >>> line = concordance(arnews.load(), "الموصل", width=10)[0]
    >>> line.left + "[" + line.match + "]" + line.right
    'بارية حول [الموصل]'
    >>> {line.field for line in concordance(arnews.load(), "بغداد", fields="title")}
    {'title'}

    Raises:
        TypeError: if ``query`` is not a str, ``width`` is not an int, or
            ``fields`` is not a sequence of names.
        ValueError: as :func:`search` (no word in the query, an unknown or
            empty ``fields``), or if ``width`` is negative.
    """
    if isinstance(width, bool) or not isinstance(width, int):
        msg = (
            f"concordance(width=...) expects an int number of characters, "
            f"got {type(width).__name__}"
        )
        raise TypeError(msg)
    if width < 0:
        msg = f"concordance(width={width}) is negative; give 0 or more characters of context"
        raise ValueError(msg)
    _query_words(query, "concordance()")
    _fields_mask(fields, "concordance()")
    lines = []
    current_id: str | None = None
    texts: tuple[tuple[str, ...], ...] = ()
    for hit in search(corpus, query, fields=fields):
        if hit.article_id != current_id:
            # Hits come grouped by article: fetch its fields once per article.
            current_id = hit.article_id
            texts = _field_strings(corpus.article(current_id))
        text = texts[FIELD_NAMES.index(hit.field)][hit.index]
        lines.append(
            ConcordanceLine(
                text[max(0, hit.start - width) : hit.start],
                hit.text,
                text[hit.end : hit.end + width],
                hit.article_id,
                hit.field,
                hit.start,
                hit.index,
            )
        )
    return Concordance(lines)


def _field_strings(article: Article) -> tuple[tuple[str, ...], ...]:
    """An article's field strings, in FIELD_NAMES order: (title,), paragraphs, caption texts."""
    return (
        (article.title,),
        tuple(article.paragraphs),
        tuple(caption.text for caption in article.captions),
    )


# -- frequencies -------------------------------------------------------------------


@functools.cache
def load_stopwords() -> frozenset[str]:
    """The bundled Arabic stopwords, SEARCH-normalized (see ``data/stopwords.tsv``).

    >>> "في" in load_stopwords() and "الذي" in load_stopwords()
    True
    """
    words: set[str] = set()
    for line in read_text("stopwords.tsv").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        words.update(normalize_words(line.split("\t", 1)[0]))
    return frozenset(words)


_CONJUNCTIONS: Final = frozenset(("\u0648", "\u0641"))  # WAW, FEH
_KAF: Final = "\u0643"  # ARABIC LETTER KAF (like)
_ARTICLE: Final = "\u0627\u0644"  # ALEF LAM: the article ال
#: Proclitic sequences that end in the article (ال, or لل where ل absorbed
#: it), longest first.
_BEFORE_ARTICLE: Final = tuple(
    sorted(
        (
            *(p for p in PROCLITIC_PREFIXES if p.endswith(_ARTICLE) and p != _ARTICLE),
            *ABSORBED_ARTICLE_PREFIXES,
        ),
        key=len,
        reverse=True,
    )
)
#: Proclitic sequences without the article, longest first.
_NON_ARTICLE: Final = tuple(
    sorted((p for p in PROCLITIC_PREFIXES if not p.endswith(_ARTICLE)), key=len, reverse=True)
)


def frequency_stem(word: str, attested: Container[str], stop: Container[str]) -> str:
    """The stem a normalized word is counted under in :func:`frequencies`.

    Light stemming, stricter than search's matching rule: a prefix goes only
    when what remains is itself a word of the corpus (``attested``), and the
    remainder must be longer than search requires.  The rules, in order:

    1. A proclitic sequence ending in the article (وال, فال, بال, كال, وبال
       … and لل, ولل, فلل, where ل absorbed the alef) is replaced by ال when
       ال + the rest is attested and the rest has at least two letters:
       بالموصل, للموصل, والموصل → الموصل.  The article itself is never removed.
    2. Otherwise the و/ف + ب/ل/ك sequences the word starts with are tried,
       longest first; the first goes whose remainder is attested and has at
       least three letters — four after ك, so that كانت does not become انت.
    3. After a bare و or ف, a remainder that is a stopword (``stop``) of at
       least two letters counts too, attested or not: وفي → في.

    Search, by contrast, strips any proclitic sequence that leaves two
    letters, attested or not: search("أن") finds كان, which is counted here as
    كان.  A word that only looks prefixed (بغداد, ولد, كان) stays whole unless
    its remainder passes those tests.  Known miss: واحد counts as احد when أحد
    occurs, since SEARCH folds the hamza.

    >>> frequency_stem("للموصل", {"الموصل"}, set()), frequency_stem("وبغداد", {"بغداد"}, set())
    ('الموصل', 'بغداد')
    >>> frequency_stem("كان", {"ان"}, {"ان"}), frequency_stem("وفي", set(), {"في"})
    ('كان', 'في')
    """
    for prefix in _BEFORE_ARTICLE:
        if word.startswith(prefix):
            stem = _ARTICLE + word[len(prefix) :]
            if len(stem) >= 4 and stem in attested:
                return stem
    for prefix in _NON_ARTICLE:
        if word.startswith(prefix):
            rest = word[len(prefix) :]
            need = 4 if _KAF in prefix else 3
            if len(rest) >= need and rest in attested:
                return rest
            if prefix in _CONJUNCTIONS and len(rest) >= 2 and rest in stop:
                return rest
    return word


def _countable(word: str) -> bool:
    """Whether frequencies counts a normalized word: not a number, and two letters or more."""
    return not word[:1].isdecimal() and sum(ch.isalpha() for ch in word) >= 2


def frequencies(
    corpus: Corpus, *, top: int | None = None, stopwords: bool = True
) -> tuple[tuple[str, int], ...]:
    """Counts of normalized word stems over titles, paragraphs and captions, most frequent first.

    Words are SEARCH-normalized (so أ, إ, آ count as ا; ة as ه; ى as ي) and
    counted under :func:`frequency_stem` — conjunctions and prepositions
    stripped when the remainder is a word of the corpus, the article kept
    (stricter than search: see :func:`frequency_stem`).  Only words of at
    least two letters after normalization count: numbers (2015, 70th) and
    one-letter remains (the ب of بـ) are left out.  With ``stopwords=True``
    (the default) the bundled stopword list (Arabic function words and
    common English ones, compared case-insensitively) is left out too.  Ties
    are broken alphabetically.

    >>> import arnews
    >>> top = dict(frequencies(arnews.load(), top=30))
    >>> top["روسيا"] > 10, "في" in top
    (True, False)

    Raises:
        TypeError: if ``top`` is not an int or None, or ``stopwords`` not a bool.
        ValueError: if ``top`` is negative.
    """
    if top is not None and (isinstance(top, bool) or not isinstance(top, int)):
        msg = f"frequencies(top=...) expects an int or None, got {type(top).__name__}"
        raise TypeError(msg)
    if top is not None and top < 0:
        msg = f"frequencies(top={top}) is negative; give a count of 0 or more, or None for all"
        raise ValueError(msg)
    stopwords_arg: object = stopwords
    if not isinstance(stopwords_arg, bool):
        msg = (
            f"frequencies(stopwords=...) expects True or False, got {type(stopwords_arg).__name__}"
        )
        raise TypeError(msg)
    index = get_index(corpus)
    ranked = index.derived.get("frequencies")
    if ranked is None:
        vocabulary = index.vocabulary()
        stop = load_stopwords()
        counts: Counter[str] = Counter()
        for word, count in vocabulary.items():
            if _countable(word):
                counts[frequency_stem(word, vocabulary, stop)] += count
        ranked = tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
        index.derived["frequencies"] = ranked
    if stopwords:
        stop = load_stopwords()
        ranked = tuple(
            item for item in ranked if item[0] not in stop and item[0].casefold() not in stop
        )
    return tuple(ranked if top is None else ranked[:top])
