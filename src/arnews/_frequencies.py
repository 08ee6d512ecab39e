"""Word frequencies over an index: light stems counted, stopwords left out."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Container, Hashable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final

from ._analysis import (
    ABSORBED_ARTICLE_PREFIXES,
    ARTICLE,
    CONJUNCTIONS,
    KAF,
    PROCLITIC_PREFIXES,
    normalize_words,
    stem_offset,
)
from ._checks import check_bool, check_int, expected
from ._index import SearchIndex
from ._model import DEFAULT_FIELDS, FIELDS, ArticleBase, field_kinds
from ._resources import read_text
from ._results import Immutable
from ._sentences import split_sentences
from ._tokenize import WORD_RE
from ._writing import pandas_frame

if TYPE_CHECKING:
    import pandas

__all__ = [
    "GROUPS",
    "Frequencies",
    "Frequency",
    "count_words",
    "frequencies",
    "frequency_stem",
    "load_stopwords",
    "ranked_stems",
]


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


# -- counts of words as written, stems, n-grams and groups ---------------------------------

#: The group keys :func:`count_words` knows by name (any function of an article works too).
GROUPS: Final = ("outlet", "year", "month")


class Frequency(Immutable, tuple[str, int]):
    """One counted word: ``(word, count)``, the word as the texts most often write it.

    It is a 2-tuple (so ``dict(corpus.frequencies())`` maps words to counts),
    with attributes: ``word`` and ``count``; ``key``, the normalized stem the
    forms are counted under; ``forms``, every spelling counted, most frequent
    first, with its count; ``group``, the group it was counted in (``by=``),
    or None.

    >>> import arnews
    >>> top = arnews.load().frequencies(top=5)[4]
    >>> top, top.key, top.forms[0]
    (('الدولة', 24), 'الدوله', ('الدولة', 24))
    """

    word: str
    count: int  # type: ignore[assignment]  # the count, not tuple.count
    key: str
    forms: tuple[tuple[str, int], ...]
    group: Hashable | None

    def __new__(
        cls,
        word: str,
        count: int,
        key: str,
        forms: tuple[tuple[str, int], ...] = (),
        group: Hashable | None = None,
    ) -> Frequency:
        made = super().__new__(cls, (word, count))
        for name, value in (("word", word), ("count", count), ("key", key), ("forms", forms)):
            object.__setattr__(made, name, value)
        object.__setattr__(made, "group", group)
        return made

    def __reduce__(self) -> tuple[Any, ...]:
        return (Frequency, (self.word, self.count, self.key, self.forms, self.group))


class Frequencies(Immutable, tuple[Frequency, ...]):
    """The counted words, most frequent first (by group, if grouped), with exports.

    >>> import arnews
    >>> for row in arnews.load().frequencies(top=1, by="outlet").to_records():
    ...     print(row["group"], row["word"], row["count"])
    الخليج الجديد العراق 10
    None العراق 14
    الجزيرة نت تنظيم 23
    الجورنال نيوز روسيا 10
    """

    def to_records(self) -> list[dict[str, Any]]:
        """One dict per entry: ``group, word, key, count``."""
        return [{"group": f.group, "word": f.word, "key": f.key, "count": f.count} for f in self]

    def to_pandas(self) -> pandas.DataFrame:
        """:meth:`to_records` as a DataFrame (needs ``pip install 'arnews[pandas]'``).

        Raises:
            ImportError: if pandas is not installed, naming the extra to install.
        """
        return pandas_frame(
            self.to_records(), ("group", "word", "key", "count"), "Frequencies.to_pandas()"
        )


def _group_of(by: object) -> Callable[[ArticleBase], Hashable] | None:
    """The function that gives an article's group, from a ``by=`` argument."""
    if by is None:
        return None
    if by == "outlet":
        return lambda a: a.outlet
    if by == "year":
        return lambda a: None if a.date is None else a.date.year
    if by == "month":
        return lambda a: None if a.date is None else f"{a.date.year:04d}-{a.date.month:02d}"
    if callable(by):
        return by
    if isinstance(by, str):
        msg = (
            f"frequencies(by={by!r}) is not a known group; use one of "
            f"{', '.join(repr(g) for g in GROUPS)} or a function of an article"
        )
        raise ValueError(msg)
    raise expected("frequencies(by=...)", "'outlet', 'year', 'month' or a function", by)


def _group_key(group: object, article: ArticleBase) -> Hashable:
    """``group`` if it can key a count (hashable), else a TypeError naming ``by=``."""
    try:
        hash(group)
    except TypeError:
        msg = (
            f"frequencies(by=...) gave {type(group).__name__} {group!r} for article "
            f"{article.id!r}, which cannot name a group (it is unhashable); return a str, "
            f"a number, a tuple or None"
        )
        raise TypeError(msg) from None
    return group


def _bare_stem(key: str, attested: Container[str]) -> str:
    """``key`` without its article when the rest is a word of the corpus of 3+ letters."""
    rest = key[len(ARTICLE) :]
    if key.startswith(ARTICLE) and len(rest) >= 3 and rest in attested:
        return rest
    return key


class _Counter:
    """Counts keys (word stems or n-grams of them) and their spellings, per group."""

    def __init__(self, vocabulary: Mapping[str, int], *, n: int, stems: bool, stop: frozenset[str]):
        self.vocabulary, self.n, self.stems, self.stop = vocabulary, n, stems, stop
        self.counts: dict[tuple[Hashable, str], Counter[str]] = {}
        self.words: dict[str, tuple[str, ...]] = {}
        self.keys: dict[str, tuple[str, str]] = {}

    def key(self, word: str) -> tuple[str, str]:
        """The key a word is counted under, and its light stem (what its spelling shows)."""
        found = self.keys.get(word)
        if found is None:
            light = frequency_stem(word, self.vocabulary, self.stop)
            key = _bare_stem(light, self.vocabulary) if self.stems else light
            found = self.keys[word] = (key, light)
        return found

    def field(self, text: str, group: Hashable) -> None:
        """Count one field's words; an n-gram never reaches across a sentence end."""
        if self.n == 1:
            self.sentence(text, group)
        else:
            for sentence in split_sentences(text):
                self.sentence(sentence.text, group)

    def sentence(self, text: str, group: Hashable) -> None:
        """Count the words (or n-grams) of one run of text."""
        run: list[tuple[str, str]] = []  # (key, spelling) of consecutive countable words
        for match in WORD_RE.finditer(text):
            token = match.group()
            words = self.words.get(token)
            if words is None:
                words = self.words[token] = normalize_words(token)
            for word in words:
                if not _countable(word):
                    run.clear()
                    continue
                key, light = self.key(word)
                run.append((key, _spelling(token, word, light) if len(words) == 1 else word))
                if len(run) >= self.n:
                    gram = run[-self.n :]
                    joined = " ".join(k for k, _ in gram)
                    spelled = " ".join(s for _, s in gram)
                    self.counts.setdefault((group, joined), Counter())[spelled] += 1


def _spelling(token: str, word: str, key: str) -> str:
    """The original spelling of ``key`` inside ``token`` (its normalized ``word``).

    The proclitics before the stem are cut off (وبغداد → بغداد); where ل
    absorbed the article (للموصل, key الموصل) the token is kept whole.
    """
    cut = len(word) - len(key)
    if cut <= 0 or not word.endswith(key):
        return token
    return token[stem_offset(token, cut) :]


def count_words(
    articles: Iterable[ArticleBase],
    vocabulary: Mapping[str, int],
    *,
    top: int | None = None,
    stopwords: bool = True,
    fields: Sequence[str] = DEFAULT_FIELDS,
    n: int = 1,
    stems: bool = False,
    by: object = None,
) -> Frequencies:
    """Word (or n-gram) counts over articles, shown as the texts most often write them.

    Each word is counted under its key — its SEARCH-normalized light stem
    (:func:`frequency_stem`), or with ``stems=True`` also without the article when the
    bare form is a word of the corpus (المركز and مركز together) — and shown in its most
    frequent original spelling, proclitics cut off (``الدولة``, not ``الدوله``). ``n=2``
    counts pairs of consecutive words of one sentence (:func:`arnews.split_sentences`; a
    number or a one-letter word breaks the run too), ``n=3`` triples …; with
    ``stopwords=True`` an n-gram holding a stopword is left out. ``fields`` picks the
    fields counted, as in search. ``by`` counts per group: ``"outlet"``, ``"year"``,
    ``"month"`` (``"2016-06"``; None for undated articles) or any function of an article;
    ``top`` then applies per group. ``vocabulary`` (normalized word -> count over the
    corpus) decides which stems are attested.

    >>> import arnews
    >>> corpus = arnews.load()
    >>> count_words(corpus, corpus.search_index.vocabulary(), n=2, top=2)
    (('تنظيم الدولة', 22), ('تنظيم داعش', 11))

    Raises:
        TypeError: if an argument has the wrong type.
        ValueError: if ``top`` is negative, ``n`` is not 1 or more, a field name or
            a group name is unknown.
    """
    check_frequency_args(top, stopwords)
    check_int(n, "frequencies(n=...)", minimum=1, hint="e.g. n=2 for pairs of words")
    check_bool(stems, "frequencies(stems=...)")
    kinds = field_kinds(fields, "frequencies()")
    group_of = _group_of(by)
    stop = load_stopwords()
    counter = _Counter(vocabulary, n=n, stems=stems, stop=stop)
    order: dict[Hashable, int] = {}
    for article in articles:
        group = None if group_of is None else _group_key(group_of(article), article)
        order.setdefault(group, len(order))
        for number in sorted(kinds):
            for text in FIELDS[number].texts(article):
                counter.field(text, group)
    entries: list[Frequency] = []
    for (group, key), forms in counter.counts.items():
        if stopwords and any(k in stop or k.casefold() in stop for k in key.split(" ")):
            continue
        ranked = tuple(sorted(forms.items(), key=lambda item: (-item[1], item[0])))
        entries.append(Frequency(ranked[0][0], sum(forms.values()), key, ranked, group))
    entries.sort(key=lambda f: (order.get(f.group, 0), -f.count, f.key))
    if top is not None:
        kept: list[Frequency] = []
        seen: Counter[Hashable] = Counter()
        for entry in entries:
            if seen[entry.group] < top:
                kept.append(entry)
                seen[entry.group] += 1
        entries = kept
    return Frequencies(entries)
