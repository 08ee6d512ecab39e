"""Word frequencies over an index: light stems counted, stopwords left out."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Container
from typing import Final

from ._analysis import (
    ABSORBED_ARTICLE_PREFIXES,
    ARTICLE,
    CONJUNCTIONS,
    KAF,
    PROCLITIC_PREFIXES,
    normalize_words,
)
from ._checks import check_bool, check_int
from ._index import SearchIndex
from ._resources import read_text

__all__ = ["frequencies", "frequency_stem", "load_stopwords", "ranked_stems"]


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


#: Proclitic sequences that end in the article (ال, or لل where ل absorbed
#: it), longest first.
_BEFORE_ARTICLE: Final = tuple(
    sorted(
        (
            *(p for p in PROCLITIC_PREFIXES if p.endswith(ARTICLE) and p != ARTICLE),
            *ABSORBED_ARTICLE_PREFIXES,
        ),
        key=len,
        reverse=True,
    )
)
#: Proclitic sequences without the article, longest first.
_NON_ARTICLE: Final = tuple(
    sorted((p for p in PROCLITIC_PREFIXES if not p.endswith(ARTICLE)), key=len, reverse=True)
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
            stem = ARTICLE + word[len(prefix) :]
            if len(stem) >= 4 and stem in attested:
                return stem
    for prefix in _NON_ARTICLE:
        if word.startswith(prefix):
            rest = word[len(prefix) :]
            need = 4 if KAF in prefix else 3
            if len(rest) >= need and rest in attested:
                return rest
            if prefix in CONJUNCTIONS and len(rest) >= 2 and rest in stop:
                return rest
    return word


def _countable(word: str) -> bool:
    """Whether frequencies counts a normalized word: not a number, and two letters or more."""
    return not word[:1].isdecimal() and sum(ch.isalpha() for ch in word) >= 2


def ranked_stems(index: SearchIndex) -> tuple[tuple[str, int], ...]:
    """Every counted stem of an index with its count, most frequent first, ties alphabetical.

    Stopwords are still in; :func:`frequencies` takes them out.

    >>> import arnews
    >>> from arnews._index import MemoryIndex
    >>> dict(ranked_stems(MemoryIndex(arnews.load())))["في"] > 10
    True
    """
    vocabulary = index.vocabulary()
    stop = load_stopwords()
    counts: Counter[str] = Counter()
    for word, count in vocabulary.items():
        if _countable(word):
            counts[frequency_stem(word, vocabulary, stop)] += count
    return tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def check_frequency_args(top: object, stopwords: object) -> None:
    """The argument checks of :func:`frequencies`, done before any counting.

    Raises:
        TypeError: if ``top`` is not an int or None, or ``stopwords`` not a bool.
        ValueError: if ``top`` is negative.
    """
    if top is not None:
        check_int(top, "frequencies(top=...)", minimum=0, hint="or None for all")
    check_bool(stopwords, "frequencies(stopwords=...)")


def frequencies(
    ranked: tuple[tuple[str, int], ...], *, top: int | None = None, stopwords: bool = True
) -> tuple[tuple[str, int], ...]:
    """Counts of normalized word stems over titles, paragraphs and captions, most frequent first.

    ``ranked`` comes from :func:`ranked_stems` (a corpus keeps it).  Words
    are SEARCH-normalized (so أ, إ, آ count as ا; ة as ه; ى as ي) and counted
    under :func:`frequency_stem` — conjunctions and prepositions stripped when
    the remainder is a word of the corpus, the article kept (stricter than
    search: see :func:`frequency_stem`).  Only words of at least two letters
    after normalization count: numbers (2015, 70th) and one-letter remains
    (the ب of بـ) are left out.  With ``stopwords=True`` (the default) the
    bundled stopword list (Arabic function words and common English ones,
    compared case-insensitively) is left out too.  Ties are broken
    alphabetically.

    >>> import arnews
    >>> from arnews._index import MemoryIndex
    >>> top = dict(frequencies(ranked_stems(MemoryIndex(arnews.load())), top=30))
    >>> top["روسيا"] > 10, "في" in top
    (True, False)

    Raises:
        TypeError: if ``top`` is not an int or None, or ``stopwords`` not a bool.
        ValueError: if ``top`` is negative.
    """
    check_frequency_args(top, stopwords)
    if stopwords:
        stop = load_stopwords()
        ranked = tuple(
            item for item in ranked if item[0] not in stop and item[0].casefold() not in stop
        )
    return tuple(ranked if top is None else ranked[:top])
