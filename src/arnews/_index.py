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
one integer packing (field id, word position in the field, start offset of
the original token).  Field ids run in corpus order — per article its fields
in :data:`arnews._model.FIELDS` order (title, paragraphs, captions) — so each
list is already sorted the way search results are.  The lists are
``array('q')`` (8 bytes an occurrence) whenever the packing fits in 63 bits,
plain lists otherwise.

``spellings[word]`` is the one original token a normalized word always comes
from (``None`` when it has several spellings, e.g. with and without hamza), so
search can build most hits without reading the text again.

Proclitics are resolved at query time rather than by storing one key per
stripped candidate: :func:`arnews._analysis.proclitic_forms` turns a query
word into the (at most 24) surface words that match it, each one dict lookup.
That is the same relation as keying the index by stripped stems, without
multiplying the postings.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Mapping, MutableSequence, Sequence
from typing import Final, Protocol

from ._analysis import normalize_words
from ._model import FIELDS, ArticleBase
from ._tokenize import WORD_RE

__all__ = ["MemoryIndex", "Postings", "SearchIndex", "decode"]

#: One word's postings: packed ints, sorted (see the module docs).
Postings = Sequence[int]


class SearchIndex(Protocol):
    """What search, concordance, frequencies and mentions read from an index.

    Fields are numbered by *field id* in corpus order (per article, its fields
    in :data:`arnews._model.FIELDS` order); the four ``field_*``/``texts``
    sequences are indexed by field id.  A posting packs (field id, word
    position, original start) as ``fid << (start_bits + pos_bits) | pos <<
    start_bits | start``.

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
    def pos_bits(self) -> int:
        """Bits of a posting that hold the word position."""
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
        "pos_bits",
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
        self.field_article: Final = positions
        self.field_index: Final = indexes
        self._forms: dict[str, tuple[str, ...]] = {}
        #: Normalized word → the one original token it always comes from, or
        #: None when several spellings give it (search then reads each token).
        self.spellings: dict[str, str | None] = {}
        self._sorted_words: list[str] | None = None
        longest = max(map(len, texts), default=0)
        self.start_bits = max(longest.bit_length(), 1)
        # Word positions rarely exceed the field's length; a ligature that
        # expands to several words can push them past it, hence the margin
        # (and the rebuild with a wider one if even that is exceeded).
        self.pos_bits = self.start_bits + 2
        self._postings: dict[str, MutableSequence[int]] = {}
        while not self._build():
            self.pos_bits += 8

    def _build(self) -> bool:
        """Fill the postings; False if a word position overflowed ``pos_bits``."""
        sb = self.start_bits
        pb = self.pos_bits
        fid_shift = sb + pb
        limit = 1 << pb
        wide = (len(self.texts).bit_length() + fid_shift) > 63

        def new_list() -> MutableSequence[int]:
            return [] if wide else array("q")

        postings: defaultdict[str, MutableSequence[int]] = defaultdict(new_list)
        chunks: dict[str, str | tuple[tuple[int, str], ...]] = {}
        analyse = self._analyse_chunk
        for fid, text in enumerate(self.texts):
            base = fid << fid_shift
            pos = 0
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
                    entry = chunks[chunk] = analyse(chunk)
                if isinstance(entry, str):
                    postings[entry].append(base | (pos << sb) | start)
                    pos += 1
                else:
                    for offset, word in entry:
                        postings[word].append(base | (pos << sb) | (start + offset))
                        pos += 1
            if pos > limit:
                return False
        self._postings = dict(postings)
        return True

    def _analyse_chunk(self, chunk: str) -> str | tuple[tuple[int, str], ...]:
        """A whitespace-free chunk's normalized words with their offsets in it.

        The common case, one token at offset 0 normalizing to one word, is
        returned as that word alone.
        """
        found: list[tuple[int, str]] = []
        for match in WORD_RE.finditer(chunk):
            found.extend((match.start(), word) for word in self._normalize_token(match.group()))
        if len(found) == 1 and found[0][0] == 0:
            return found[0][1]
        return tuple(found)

    def _normalize_token(self, token: str) -> tuple[str, ...]:
        """The normalized words of one original token, cached per index; keeps ``spellings``."""
        words = self._forms.get(token)
        if words is None:
            words = normalize_words(token)
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


def decode(index: SearchIndex, packed: int) -> tuple[int, int, int]:
    """(field id, word position, original start) of one posting of ``index``.

    >>> import arnews
    >>> index = MemoryIndex(arnews.load())
    >>> decode(index, index.postings("وبغداد")[0])  # title, third word, offset 19
    (0, 3, 19)
    """
    sb = index.start_bits
    return (
        packed >> (sb + index.pos_bits),
        (packed >> sb) & ((1 << index.pos_bits) - 1),
        packed & ((1 << sb) - 1),
    )
