"""The inverted index behind search, built on first use and cached per corpus.

How text becomes index keys (the one normalization path)
--------------------------------------------------------
Every field (title, each paragraph, each caption text) is tokenized *in the
original text*, so each token's start is an original offset and no
alignment is needed to report hits.  Each distinct token string is then
normalized once with :data:`arnews.normalize.SEARCH` (a per-index cache maps
token → normalized words), and queries go through the very same function
(:func:`normalize_words`).  Normalizing token by token gives the same words as
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
starts after its proclitics (e.g. after و and its fatha in وَبغداد).

Postings
--------
``postings[word]`` holds, for each occurrence of a normalized surface word,
one integer packing (field id, word position in the field, start offset of
the original token).  Field ids run in corpus order — per article its title,
paragraphs, then captions — so each list is already sorted the way search
results are.  The lists are ``array('q')`` (8 bytes an occurrence) whenever
the packing fits in 63 bits, plain lists otherwise.

``spellings[word]`` is the one original token a normalized word always comes
from (``None`` when it has several spellings, e.g. with and without hamza), so
search can build most hits without reading the text again.

Proclitics are resolved at query time rather than by storing one key per
stripped candidate: :func:`arnews._tokenize.proclitic_forms` turns a query
word into the (at most 24) surface words that match it, each one dict lookup.
That is the same relation as keying the index by stripped stems, without
multiplying the postings.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, MutableSequence
from typing import TYPE_CHECKING, Any, Final

from ._tokenize import WORD_RE, proclitic_forms
from .normalize import SEARCH

if TYPE_CHECKING:
    from ._corpus import Corpus

__all__ = ["CACHE_KEY", "FIELD_NAMES", "Index", "get_index", "normalize_words"]

#: Field kinds in result order; a field's kind is its position here.
FIELD_NAMES: Final = ("title", "paragraph", "caption")
#: The key under which a corpus caches its index in ``corpus._cache``.
CACHE_KEY: Final = "search_index"

Postings = MutableSequence[int]


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


class Index:
    """Postings of normalized words over one corpus's fields (see the module docs)."""

    __slots__ = (
        "_forms",
        "_stem_offsets",
        "derived",
        "field_article",
        "field_index",
        "field_kind",
        "ids",
        "pos_bits",
        "postings",
        "spellings",
        "start_bits",
        "texts",
    )

    def __init__(self, corpus: Corpus) -> None:
        texts: list[str] = []
        kinds = bytearray()
        articles = array("q")
        indexes = array("q")
        for position, article in enumerate(corpus.articles):
            fields = (
                (article.title,),
                article.paragraphs,
                tuple(c.text for c in article.captions),
            )
            for kind, values in enumerate(fields):
                for i, value in enumerate(values):
                    texts.append(value)
                    kinds.append(kind)
                    articles.append(position)
                    indexes.append(i)
        self.ids: Final = tuple(a.id for a in corpus.articles)
        self.texts: Final = tuple(texts)
        self.field_kind: Final = bytes(kinds)
        self.field_article: Final = articles
        self.field_index: Final = indexes
        self._forms: dict[str, tuple[str, ...]] = {}
        #: Normalized word → the one original token it always comes from, or
        #: None when several spellings give it (search then reads each token).
        self.spellings: dict[str, str | None] = {}
        self._stem_offsets: dict[tuple[str, int], int] = {}
        #: Results computed from the postings once (e.g. frequency counts).
        self.derived: dict[str, Any] = {}
        longest = max(map(len, texts), default=0)
        self.start_bits = max(longest.bit_length(), 1)
        # Word positions rarely exceed the field's length; a ligature that
        # expands to several words can push them past it, hence the margin
        # (and the rebuild with a wider one if even that is exceeded).
        self.pos_bits = self.start_bits + 2
        self.postings: dict[str, Postings] = {}
        while not self._build():
            self.pos_bits += 8

    def _build(self) -> bool:
        """Fill the postings; False if a word position overflowed ``pos_bits``."""
        sb = self.start_bits
        pb = self.pos_bits
        fid_shift = sb + pb
        limit = 1 << pb
        wide = (len(self.texts).bit_length() + fid_shift) > 63

        def new_list() -> Postings:
            return [] if wide else array("q")

        postings: defaultdict[str, Postings] = defaultdict(new_list)
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
        self.postings = dict(postings)
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

    # -- decoding -------------------------------------------------------------
    def decode(self, packed: int) -> tuple[int, int, int]:
        """(field id, word position, original start) of one posting."""
        sb = self.start_bits
        return (
            packed >> (sb + self.pos_bits),
            (packed >> sb) & ((1 << self.pos_bits) - 1),
            packed & ((1 << sb) - 1),
        )

    def stem_offset(self, token: str, stem: int) -> int:
        """Offset in the original ``token`` where its normalized stem (from ``stem``) starts."""
        if stem == 0:
            return 0
        key = (token, stem)
        offset = self._stem_offsets.get(key)
        if offset is None:
            words = self._normalize_token(token)
            if len(words) != 1:
                offset = 0  # a ligature standing for several words: no inner stem
            else:
                alignment = SEARCH.align(token)
                # words[0] is ASCII-lower-cased when ASCII (normalize_words); fold alike.
                folded = alignment.text.lower() if words[0].isascii() else alignment.text
                at = folded.find(words[0]) + stem
                offset = alignment.to_original(at, at + 1)[0]
            self._stem_offsets[key] = offset
        return offset

    # -- lookups ----------------------------------------------------------------
    def groups(self, word: str) -> list[tuple[Postings, int]]:
        """(postings, stem start) for each surface form of a normalized query word that occurs."""
        found = []
        for form, stem in proclitic_forms(word):
            postings = self.postings.get(form)
            if postings:
                found.append((postings, stem))
        return found

    def occurrences(self, word: str) -> list[tuple[int, int]]:
        """Sorted (packed posting, stem start in the normalized word) for one query word.

        ``word`` is one normalized query word; its proclitic forms are looked up.
        """
        groups = self.groups(word)
        if len(groups) == 1:
            postings, stem = groups[0]
            return [(p, stem) for p in postings]
        found = [(p, stem) for postings, stem in groups for p in postings]
        found.sort()
        return found

    def position_lookup(
        self, groups: list[tuple[Postings, int]], drivers: int
    ) -> Callable[[int], tuple[int, int] | None]:
        """A function from a key (field id and position) to (packed posting, stem start) or None.

        ``groups`` are a query word's :meth:`groups`; ``drivers`` is how many
        keys will be looked up.  For few lookups each one bisects the
        postings; for many, one table of all the word's positions is cheaper.
        Measured on the benchmark corpus, a table entry costs about half a
        bisection, so the table is built unless the word has more than two
        postings per lookup and surface form.
        """
        sb = self.start_bits
        size = sum(len(postings) for postings, _ in groups)
        if size > 2 * drivers * len(groups):

            def bisect_at(key: int) -> tuple[int, int] | None:
                low = key << sb
                for postings, stem in groups:
                    i = bisect_left(postings, low)
                    if i < len(postings) and postings[i] >> sb == key:
                        return postings[i], stem
                return None

            return bisect_at
        # A word has one position per occurrence, so the keys never collide.
        table: dict[int, tuple[int, int]] = {}
        for postings, stem in groups:
            table.update({packed >> sb: (packed, stem) for packed in postings})
        return table.get

    def vocabulary(self) -> dict[str, int]:
        """Normalized surface word → number of occurrences."""
        return {word: len(postings) for word, postings in self.postings.items()}


def get_index(corpus: Corpus) -> Index:
    """The corpus's index, built on first use and cached in ``corpus._cache``.

    >>> import arnews
    >>> corpus = arnews.load()
    >>> get_index(corpus) is get_index(corpus)
    True
    """
    cache = corpus._cache
    index: Index | None = cache.get(CACHE_KEY)
    if index is None:
        index = Index(corpus)
        cache[CACHE_KEY] = index
    return index
