"""The inverted index behind search: the protocol search needs, and the in-memory index.

:class:`SearchIndex` says what search, concordance, frequencies and mentions
read from an index; :class:`MemoryIndex` implements it over a sequence of
articles in memory (a :class:`arnews.Corpus` builds one on first search and
keeps it).  A disk-backed index implements the same protocol.

How text becomes index keys (the one normalization path)
--------------------------------------------------------
Every field (title, each paragraph, each caption text) is tokenized *in the
original text*, so each token's start is an original offset and no
alignment is needed to report hits.  Each distinct token string is then
normalized once with :data:`arnews.normalize.SEARCH` (a per-index cache maps
token → normalized words), and queries go through the very same function
(:func:`arnews._analysis.normalize_words`).  Normalizing token by token gives the same words as
normalizing the whole field because the tokenizer keeps inside a token every
character SEARCH deletes between two word characters (marks, tatweel,
invisible characters), so no deletion can join two tokens; SEARCH acts on
characters, or within a word.  A presentation-form ligature that SEARCH
expands to several words (U+FDFA ARABIC LIGATURE SALLALLAHOU ALAYHE
WASALLAM) gives several consecutive positions sharing one original span.
Hypothesis tests in ``tests/test_index.py`` check the equality.

This was chosen over normalizing a whole field with ``SEARCH.align`` and
mapping spans back: it is as exact (``tests/test_query.py`` checks that the
hits are exactly the matching words of ``SEARCH.align(field).text`` mapped back
with ``to_original``), and faster, since each distinct token
(and each distinct whitespace-separated chunk, which the build loop splits
with :meth:`str.split`) is analysed once per corpus rather than once per
occurrence.  ``SEARCH.align`` is used only per token, to find where a stem
starts after its proclitics (e.g. after و and its fatha in وَبغداد; see
:func:`arnews._analysis.stem_offset`).

Postings
--------
``postings[word]`` holds, for each occurrence of a normalized surface word,
one integer packing (field id, start offset of the original token) as
``fid << start_bits | start``.  Field ids run in corpus order — per article its
fields in :data:`arnews._model.FIELDS` order — so each list is already sorted
the way search results are.  The lists are ``array('I')``, 4 bytes an
occurrence, when the list's last (largest) posting fits 32 bits — ``start_bits``
comes from the longest field and the field id needs the rest, so a corpus of a
few hundred thousand fields of up to a few thousand characters fits — and
``array('q')``, 8 bytes, otherwise: even a corpus of millions of fields with
one field of millions of characters stays within 63 bits (a plain list would
take four or eight times the memory).  Word positions are not stored: a phrase
is matched by reading the words next to its rarest word in the field (see :mod:`arnews._search`).

A whitespace-free run longer than :data:`arnews._tokenize.MAX_RUN` characters
is indexed in pieces of that length (no word is that long), so one such run
never makes a corpus unsearchable.

``spellings[word]`` is the one original token a normalized word always comes
from (``None`` when it has several spellings, e.g. with and without hamza), so
search can build most hits without reading the text again.

Clitics and inflections are resolved at query time rather than by storing one
key per stripped candidate: :func:`arnews._modes.term` turns a query word into
the surface words that can match it in a mode (a few hundred in the
inflections mode), each one dict lookup, and the guards that need the letters
as written read the one spelling of a key (:meth:`SearchIndex.spelling`) or the
token in the field.  That is the same relation as keying the index by stems,
without multiplying the postings, and it is all a disk index has to provide:
postings by normalized word, the one spelling of a word when there is one,
field texts and their kinds, and (for prefix queries) the words that start with
a prefix.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Mapping, MutableSequence, Sequence
from typing import Final, Protocol

from ._analysis import normalize_words
from ._model import FIELDS, ArticleBase
from ._tokenize import MAX_RUN, WORD_RE, run_pieces

__all__ = ["MemoryIndex", "Postings", "SearchIndex", "decode"]

#: The largest value an ``array('I')`` entry holds (4 bytes on every common platform).
_NARROW_MAX: Final = 2 ** (8 * array("I").itemsize) - 1
#: Lists shorter than this stay ``array('q')``: ``_sqlite.encode_payload`` writes a short
#: array's bytes as they are and reads them back as 8-byte entries (few bytes either way).
_SHORT: Final = 8

#: One word's postings: packed ints, sorted (see the module docs).
Postings = Sequence[int]


class SearchIndex(Protocol):
    """What search, concordance, frequencies and mentions read from an index.

    Fields are numbered by *field id* in corpus order (per article, its fields
    in :data:`arnews._model.FIELDS` order); the four ``field_*``/``texts``
    sequences are indexed by field id.  A posting packs (field id, original
    start of the token) as ``fid << start_bits | start``.

    >>> import arnews
    >>> index: SearchIndex = MemoryIndex(arnews.load())
    >>> index.texts[0] == arnews.load()[0].title
    True
    """

    @property
    def ids(self) -> Sequence[str]:
        """Article ids by article position."""
        ...

    @property
    def start_bits(self) -> int:
        """Bits of a posting that hold the original start offset."""
        ...

    @property
    def texts(self) -> Sequence[str]:
        """Each field's original string."""
        ...

    @property
    def field_kind(self) -> Sequence[int]:
        """Each field's kind (its position in :data:`arnews._model.FIELDS`)."""
        ...

    @property
    def field_article(self) -> Sequence[int]:
        """Each field's article position."""
        ...

    @property
    def field_index(self) -> Sequence[int]:
        """Each field's position among the article's fields of its kind."""
        ...

    def postings(self, word: str) -> Postings:
        """The sorted postings of one normalized surface word (empty when absent)."""
        ...

    def spelling(self, word: str) -> str | None:
        """The one original token a normalized word always comes from, else None."""
        ...

    def vocabulary(self) -> Mapping[str, int]:
        """Normalized surface word → number of occurrences."""
        ...

    def words_with_prefix(self, prefix: str) -> Sequence[str]:
        """The normalized surface words that start with ``prefix``, sorted."""
        ...


class MemoryIndex:
    """Postings of normalized words over the fields of articles in memory (see the module docs).

    >>> import arnews
    >>> index = MemoryIndex(arnews.load())
    >>> len(index.ids), index.vocabulary()["روسيا"] > 10
    (5, True)
    """

    __slots__ = (
        "_forms",
        "_postings",
        "_sorted_words",
        "field_article",
        "field_index",
        "field_kind",
        "ids",
        "spellings",
        "start_bits",
        "texts",
    )

    def __init__(self, articles: Sequence[ArticleBase]) -> None:
        texts: list[str] = []
        kinds = bytearray()
        positions = array("q")
        indexes = array("q")
        for position, article in enumerate(articles):
            for kind, field in enumerate(FIELDS):
                for i, value in enumerate(field.texts(article)):
                    texts.append(value)
                    kinds.append(kind)
                    positions.append(position)
                    indexes.append(i)
        self.ids: Final = tuple(a.id for a in articles)
        self.texts: Final = tuple(texts)
        self.field_kind: Final = bytes(kinds)
        self.field_article: Final = _narrow(positions)
        self.field_index: Final = _narrow(indexes)
        self._forms: dict[str, tuple[str, ...]] = {}
        #: Normalized word → the one original token it always comes from, or
        #: None when several spellings give it (search then reads each token).
        self.spellings: dict[str, str | None] = {}
        self._sorted_words: list[str] | None = None
        longest = max(map(len, texts), default=0)
        self.start_bits = max(longest.bit_length(), 1)
        self._postings: dict[str, MutableSequence[int]] = {}
        self._build()

    def _build(self) -> None:
        """Fill the postings."""
        sb = self.start_bits
        bits = len(self.texts).bit_length() + sb
        wide = bits > 63
        # Build in 4-byte entries when every posting of the corpus fits them.
        code = "I" if (1 << bits) - 1 <= _NARROW_MAX else "q"

        def new_list() -> MutableSequence[int]:
            return [] if wide else array(code)

        postings: defaultdict[str, MutableSequence[int]] = defaultdict(new_list)
        chunks: dict[str, str | tuple[tuple[int, str], ...]] = {}
        analyse = self._analyse_chunk
        for fid, text in enumerate(self.texts):
            base = fid << sb
            cursor = 0
            find = text.find
            # Tokens never hold whitespace, so each whitespace-separated chunk
            # tokenizes on its own exactly as it does inside the text; chunks
            # repeat, so each distinct one is analysed once.
            for chunk in text.split():
                start = find(chunk, cursor)
                cursor = start + len(chunk)
                entry = chunks.get(chunk)
                if entry is None:
                    entry = analyse(chunk)
                    if len(chunk) <= MAX_RUN:
                        chunks[chunk] = entry
                if isinstance(entry, str):
                    postings[entry].append(base | start)
                else:
                    for offset, word in entry:
                        postings[word].append(base | (start + offset))
        # The token cache serves the build only; each list is copied at its exact size
        # (an array grows by over-allocating), in 4-byte entries when its last (largest)
        # posting fits them, else 8-byte ones.
        chunks.clear()
        self._forms.clear()
        self._postings = final = dict(postings)
        postings.clear()
        for word, values in final.items():
            if wide:
                final[word] = list(values)
            elif values[-1] <= _NARROW_MAX and len(values) >= _SHORT:
                final[word] = array("I", values)
            else:
                final[word] = array("q", values)

    def _analyse_chunk(self, chunk: str) -> str | tuple[tuple[int, str], ...]:
        """A whitespace-free chunk's normalized words with their offsets in it.

        The common case, one token at offset 0 normalizing to one word, is
        returned as that word alone.  A chunk longer than ``MAX_RUN`` is read in
        pieces of that length.
        """
        found: list[tuple[int, str]] = []
        for piece_start, piece in run_pieces(chunk):
            for match in WORD_RE.finditer(piece):
                at = piece_start + match.start()
                found.extend((at, word) for word in self._normalize_token(match.group()))
        if len(found) == 1 and found[0][0] == 0:
            return found[0][1]
        return tuple(found)

    def _normalize_token(self, token: str) -> tuple[str, ...]:
        """The normalized words of one original token, cached per index; keeps ``spellings``."""
        words = self._forms.get(token)
        if words is None:
            words = normalize_words(token)
            if len(token) <= MAX_RUN:
                self._forms[token] = words
            spellings = self.spellings
            for word in words:
                seen = spellings.setdefault(word, token)
                if seen is not None and seen != token:
                    spellings[word] = None
        return words

    # -- the protocol ----------------------------------------------------------
    def postings(self, word: str) -> Postings:
        """The sorted postings of one normalized surface word (empty when absent).

        >>> import arnews
        >>> len(MemoryIndex(arnews.load()).postings("وبغداد")) > 0
        True
        """
        return self._postings.get(word, ())

    def spelling(self, word: str) -> str | None:
        """The one original token a normalized word always comes from, else None."""
        return self.spellings.get(word)

    def vocabulary(self) -> dict[str, int]:
        """Normalized surface word → number of occurrences."""
        return {word: len(postings) for word, postings in self._postings.items()}

    def words_with_prefix(self, prefix: str) -> Sequence[str]:
        """The normalized surface words that start with ``prefix``, sorted.

        >>> import arnews
        >>> "الموصل" in MemoryIndex(arnews.load()).words_with_prefix("الموص")
        True
        """
        words = self._sorted_words
        if words is None:
            words = self._sorted_words = sorted(self._postings)
        start = bisect_left(words, prefix)
        end = start
        while end < len(words) and words[end].startswith(prefix):
            end += 1
        return words[start:end]


def _narrow(values: array[int]) -> array[int]:
    """``values`` (non-negative) in 4-byte entries when they all fit, else as they are.

    >>> _narrow(array("q", [3, 1])).typecode, _narrow(array("q", [2**40])).typecode
    ('I', 'q')
    """
    if not values or max(values) <= _NARROW_MAX:
        return array("I", values)
    return values


def decode(index: SearchIndex, packed: int) -> tuple[int, int]:
    """(field id, original start) of one posting of ``index``.

    >>> import arnews
    >>> index = MemoryIndex(arnews.load())
    >>> decode(index, index.postings("وبغداد")[0])  # the title, offset 19
    (0, 19)
    """
    sb = index.start_bits
    return packed >> sb, packed & ((1 << sb) - 1)
