"""The query language: strings and :data:`Q` objects, parsed into a tree and evaluated.

Grammar and meaning are in docs/querying.md ("Query language").  In short:
words side by side are a phrase (``موسكو بغداد``), ``"…"`` quotes a phrase,
``a*`` is a prefix, ``a OR b`` either, ``a AND b`` both in one article, and
``a -b`` the hits of ``a`` in the articles without ``b``; brackets group.
Precedence, tightest first: quotes and brackets, ``-`` and ``*``, side by
side, ``AND``, ``OR``.

A tree is made of :class:`Word`, :class:`Phrase`, :class:`AnyOf`,
:class:`AllOf` and :class:`Without` (frozen records); :func:`evaluate` turns
one into hits by calling the term-level matcher :func:`arnews._search.find`
for each word or phrase, and combines the answers per article.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, Final

import attrs

from ._analysis import normalize_words
from ._checks import check_int, check_str, expected
from ._index import SearchIndex
from ._model import DEFAULT_FIELDS, FIELD_NAMES, ArticleSource, field_kinds
from ._modes import DEFAULT_MODE, check_mode
from ._results import Concordance, Hit, Hits, concordance_lines
from ._search import find, query_words
from ._tokenize import WORD_RE
from .normalize._tables import INVISIBLE

__all__ = [
    "MAX_WIDTH",
    "MIN_PREFIX",
    "AllOf",
    "AnyOf",
    "Phrase",
    "Q",
    "Query",
    "QuerySyntaxError",
    "Without",
    "Word",
    "as_query",
    "concordance",
    "evaluate",
    "parse_query",
    "search",
]

#: A prefix needs this many letters (after normalization) before its ``*``.
MIN_PREFIX: Final = 2
_OPERATORS: Final = ("OR", "AND")
_BRACKET_AND_QUOTE: Final = frozenset('"()')
#: The invisible characters (bidi marks, zero-width spaces, BOM), looked through around
#: operators as search looks through them in words.
_INVISIBLE: Final = "".join(sorted(INVISIBLE))


class QuerySyntaxError(ValueError):
    """A malformed query string: a ValueError that also knows where the problem is.

    ``position`` is a 0-based character offset into ``query``.

    >>> try:
    ...     parse_query('"موسكو بغداد')
    ... except QuerySyntaxError as error:
    ...     print(error.position, str(error).split(": ", 1)[1])
    0 unclosed quote at character 0; close it with '"' or remove it
    """

    def __init__(self, where: str, query: str, position: int, problem: str) -> None:
        self.query = query
        self.position = position
        super().__init__(f"{where} got a malformed query {query!r}: {problem}")


# -- the tree -------------------------------------------------------------------------


class Query:
    """A query tree; combine with ``|`` (OR), ``&`` (AND) and ``-`` (exclude).

    >>> str(Q("لافروف") | Q("بوتين") - Q("كيري"))
    'لافروف OR بوتين -كيري'
    """

    __slots__ = ()

    def __or__(self, other: object) -> AnyOf:
        right = as_query(other, "Query | ...")
        return AnyOf((*_flat(self, AnyOf), *_flat(right, AnyOf)))

    def __and__(self, other: object) -> AllOf:
        right = as_query(other, "Query & ...")
        return AllOf((*_flat(self, AllOf), *_flat(right, AllOf)))

    def __sub__(self, other: object) -> Without:
        right = as_query(other, "Query - ...")
        if isinstance(self, Without):
            return Without(self.include, (*self.exclude, right))
        return Without(self, (right,))


def _flat(query: Query, kind: type[AnyOf] | type[AllOf]) -> tuple[Query, ...]:
    """The parts of ``query`` if it is a ``kind`` node, else the query itself."""
    return query.parts if isinstance(query, kind) else (query,)


def _word_text(_instance: Any, _attribute: Any, text: Any) -> None:
    """Word.text is exactly one word, and a prefix has at least MIN_PREFIX letters."""
    if not isinstance(text, str):
        raise expected("Word()", "str", text)
    if WORD_RE.fullmatch(text) is None:
        msg = f"Word() takes one word, got {text!r}; for several use Q(...) or Q.phrase(...)"
        raise ValueError(msg)


def _word_prefix(instance: Any, _attribute: Any, prefix: Any) -> None:
    if not isinstance(prefix, bool):
        raise expected("Word(prefix=...)", "True or False", prefix)
    letters = sum(ch.isalpha() for ch in "".join(normalize_words(instance.text)))
    if prefix and letters < MIN_PREFIX:
        msg = (
            f"the prefix {instance.text + '*'!r} is too short; give at least "
            f"{MIN_PREFIX} letters before '*'"
        )
        raise ValueError(msg)


@attrs.frozen
class Word(Query):
    """One word to look for (``prefix``: any word that starts with it, ``حكوم*``).

    >>> Word("حكوم", prefix=True)
    Word(text='حكوم', prefix=True)
    """

    text: str = attrs.field(validator=_word_text)
    prefix: bool = attrs.field(default=False, validator=_word_prefix)

    def __str__(self) -> str:
        body = self.text + ("*" if self.prefix else "")
        return f'"{body}"' if self.text in _OPERATORS else body


def _phrase_words(_instance: Any, _attribute: Any, words: Any) -> None:
    if len(words) < 2 or not all(isinstance(w, Word) for w in words):
        msg = f"Phrase() takes two or more Words, got {words!r}; one word is a Word"
        raise ValueError(msg)
    if any(w.prefix for w in words[:-1] if isinstance(w, Word)):
        msg = "only the last word of a phrase may be a prefix ('وزير الخارج*')"
        raise ValueError(msg)


def _to_tuple(value: Sequence[object]) -> tuple[object, ...]:
    return tuple(value)


@attrs.frozen
class Phrase(Query):
    """Words that must follow each other in one field (the last may be a prefix)."""

    words: tuple[Word, ...] = attrs.field(converter=_to_tuple, validator=_phrase_words)

    def __str__(self) -> str:
        return '"' + " ".join(w.text + ("*" if w.prefix else "") for w in self.words) + '"'


def _parts(_instance: Any, attribute: Any, parts: Any) -> None:
    if len(parts) < 2 or not all(isinstance(p, Query) for p in parts):
        msg = f"{attribute.name} takes two or more queries, got {parts!r}"
        raise ValueError(msg)


@attrs.frozen
class AnyOf(Query):
    """The hits of any of ``parts`` (OR), in corpus order, each span once."""

    parts: tuple[Query, ...] = attrs.field(converter=_to_tuple, validator=_parts)

    def __str__(self) -> str:
        return " OR ".join(_unit(p, (AnyOf,)) for p in self.parts)


@attrs.frozen
class AllOf(Query):
    """The hits of all of ``parts`` (AND), in the articles where every part has a hit."""

    parts: tuple[Query, ...] = attrs.field(converter=_to_tuple, validator=_parts)

    def __str__(self) -> str:
        return " AND ".join(_unit(p, (AnyOf, AllOf)) for p in self.parts)


def _excluded(_instance: Any, _attribute: Any, parts: Any) -> None:
    if not parts or not all(isinstance(p, Query) for p in parts):
        msg = f"Without() takes one or more queries to exclude, got {parts!r}"
        raise ValueError(msg)


@attrs.frozen
class Without(Query):
    """The hits of ``include`` in the articles where no query of ``exclude`` has a hit."""

    include: Query = attrs.field(validator=attrs.validators.instance_of(Query))
    exclude: tuple[Query, ...] = attrs.field(converter=_to_tuple, validator=_excluded)

    def __str__(self) -> str:
        head = _unit(self.include, (AnyOf, AllOf, Without))
        return head + "".join(" -" + _unit(e, (AnyOf, AllOf, Without)) for e in self.exclude)


def _unit(query: Query, bracketed: tuple[type, ...]) -> str:
    """``query`` written as one unit: in brackets when it is of a ``bracketed`` kind."""
    return f"({query})" if isinstance(query, bracketed) else str(query)


# -- building queries in Python ------------------------------------------------------


def _literal(text: object, where: str) -> tuple[Word, ...]:
    """The words of a literal string (no query syntax), refusing what would be dropped."""
    text = check_str(text, where, "e.g. Q('بغداد')")
    for ch, use in (("*", "Q.prefix('حكوم')"), ('"', "Q.parse(...)")):
        if ch in text:
            msg = (
                f"{where} takes words literally, and {text!r} holds {ch!r}, which it would "
                f"drop; for query syntax use {use}"
            )
            raise ValueError(msg)
    words = tuple(Word(m.group()) for m in WORD_RE.finditer(text))
    if not words:
        msg = f"{where} got {text!r}, which holds no word; give at least one, e.g. 'بغداد'"
        raise ValueError(msg)
    return words


class _QBuilder:
    """Build queries in Python: ``Q("word or phrase")``, ``Q.prefix``, ``Q.any_of`` and more.

    Strings are taken literally (``Q("OR")`` looks for the word OR), so names
    from a table can be passed without quoting; combine the results with
    ``|``, ``&`` and ``-``.

    >>> str(Q.any_of("سيرغي لافروف", "بوتين") - Q.prefix("كير"))
    '("سيرغي لافروف" OR بوتين) -كير*'
    """

    __slots__ = ()

    def __call__(self, text: str) -> Word | Phrase:
        """A word, or a phrase when ``text`` holds several words."""
        words = _literal(text, "Q()")
        return words[0] if len(words) == 1 else Phrase(words)

    def phrase(self, *words: str) -> Word | Phrase:
        """The words in order, as one phrase: ``Q.phrase("سيرغي", "لافروف")``."""
        found = tuple(w for text in words for w in _literal(text, "Q.phrase()"))
        if not found:
            raise ValueError("Q.phrase() needs at least one word, e.g. Q.phrase('سيرغي', 'لافروف')")
        return found[0] if len(found) == 1 else Phrase(found)

    def prefix(self, text: str) -> Word | Phrase:
        """Words that start with ``text`` (the last word of ``text`` is the prefix)."""
        words = _literal(text, "Q.prefix()")
        last = Word(words[-1].text, prefix=True)
        return last if len(words) == 1 else Phrase((*words[:-1], last))

    def any_of(self, *queries: str | Query) -> Query:
        """Either of the queries (OR); strings are literal words or phrases."""
        return _combine(queries, AnyOf, "Q.any_of()")

    def all_of(self, *queries: str | Query) -> Query:
        """All of the queries in one article (AND); strings are literal words or phrases."""
        return _combine(queries, AllOf, "Q.all_of()")

    def parse(self, query: str) -> Query:
        """The tree that a query string means (the same one search uses)."""
        return parse_query(query, "Q.parse()")


def _combine(
    queries: tuple[str | Query, ...], kind: type[AnyOf] | type[AllOf], where: str
) -> Query:
    parts = tuple(q if isinstance(q, Query) else Q(check_str(q, where)) for q in queries)
    if not parts:
        msg = f"{where} needs at least one query, e.g. {where[:-2]}('لافروف', 'بوتين')"
        raise ValueError(msg)
    return parts[0] if len(parts) == 1 else kind(parts)


#: Build queries in Python (see :class:`_QBuilder`).
Q: Final = _QBuilder()


def as_query(value: object, where: str) -> Query:
    """A Query from a query string (parsed) or a Query; a TypeError otherwise.

    Raises:
        TypeError: if ``value`` is neither (bytes get the decoding hint).
        ValueError: if the string is malformed (:class:`QuerySyntaxError`) or holds no word.
    """
    if isinstance(value, Query):
        return value
    return parse_query(check_str(value, where, "or a Q object, e.g. arnews.Q('بغداد')"), where)


# -- the parser -----------------------------------------------------------------------


@attrs.frozen
class _Token:
    kind: str  # "words", "OR", "AND", "-", "(", ")"
    position: int
    words: tuple[Word, ...] = ()


def _excludes_nothing(position: int) -> str:
    """The problem of a '-' with no word after it."""
    return (
        f"'-' at character {position} excludes nothing; write it right before a word "
        f"('-كيري'), or remove it"
    )


class _Lexer:
    """Cuts a query string into tokens (words with their prefix marks, operators, brackets)."""

    def __init__(self, where: str, query: str) -> None:
        self.where, self.query = where, query

    def error(self, position: int, problem: str) -> QuerySyntaxError:
        return QuerySyntaxError(self.where, self.query, position, problem)

    def words(self, lo: int, hi: int) -> tuple[Word, ...]:
        """The words of ``query[lo:hi]`` (no spaces in it), ``*`` right after a word a prefix."""
        query = self.query
        words: list[Word] = []
        pos = lo
        for found in WORD_RE.finditer(query, lo, hi):
            self._no_star(pos, found.start())
            star = found.end() < hi and query[found.end()] == "*"
            if star and WORD_RE.match(query, found.end() + 1, hi):
                raise self.error(
                    found.end(),
                    f"'*' at character {found.end()} is inside a word; a '*' may only end "
                    f"a word, e.g. {found.group() + '*'!r}",
                )
            try:
                words.append(Word(found.group(), star))
            except ValueError as error:
                raise self.error(found.start(), f"{error} (at character {found.start()})") from None
            pos = found.end() + (1 if star else 0)
        self._no_star(pos, hi)
        return tuple(words)

    def _no_star(self, lo: int, hi: int) -> None:
        star = self.query.find("*", lo, hi)
        if star >= 0:
            raise self.error(
                star,
                f"'*' at character {star} follows no word; a '*' may only end a word, e.g. 'حكوم*'",
            )

    def __iter__(self) -> Iterator[_Token]:
        query, i, n = self.query, 0, len(self.query)
        while i < n:
            ch = query[i]
            if ch.isspace() or ch in INVISIBLE:  # an invisible mark stands for nothing
                i += 1
            elif ch == '"':
                close = query.find('"', i + 1)
                if close < 0:
                    raise self.error(
                        i, f"unclosed quote at character {i}; close it with '\"' or remove it"
                    )
                found = tuple(
                    w for lo, hi in _chunks(query, i + 1, close) for w in self.words(lo, hi)
                )
                if not found:
                    raise self.error(
                        i, f"the quotes at character {i} hold no word; put words in or remove them"
                    )
                yield _Token("words", i, found)
                i = close + 1
            elif ch in "()":
                yield _Token(ch, i)
                i += 1
            elif ch == "-" and _starts_item(query, i):
                if i + 1 < n and query[i + 1] == "-":
                    raise self.error(i, f"'-' at character {i} is doubled; write one '-'")
                if i + 1 >= n or query[i + 1].isspace() or query[i + 1] == ")":
                    raise self.error(i, _excludes_nothing(i))
                yield _Token("-", i)
                i += 1
            else:
                j = i
                while j < n and not query[j].isspace() and query[j] not in _BRACKET_AND_QUOTE:
                    j += 1
                if (word := query[i:j].rstrip(_INVISIBLE)) in _OPERATORS:
                    yield _Token(word, i)
                else:
                    found = self.words(i, j)
                    if found:
                        yield _Token("words", i, found)
                i = j


def _starts_item(query: str, i: int) -> bool:
    """Whether ``query[i]`` starts an item: after a space, ``(`` or the start.

    Invisible characters (bidi marks, zero-width spaces: RTL editors put them around
    a ``-``) are looked through, as search looks through them in words.
    """
    while i > 0 and query[i - 1] in INVISIBLE:
        i -= 1
    return i == 0 or query[i - 1].isspace() or query[i - 1] == "("


def _chunks(text: str, lo: int, hi: int) -> Iterator[tuple[int, int]]:
    """The spans of the whitespace-free runs of ``text[lo:hi]``."""
    i = lo
    while i < hi:
        if text[i].isspace():
            i += 1
            continue
        j = i
        while j < hi and not text[j].isspace():
            j += 1
        yield i, j
        i = j


class _Parser:
    """Recursive descent over the tokens: either := all (OR all)*; all := group (AND group)*."""

    def __init__(self, where: str, query: str) -> None:
        self.lexer = _Lexer(where, query)
        self.tokens = list(self.lexer)
        self.i = 0

    def peek(self) -> _Token | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def parse(self) -> Query:
        if not self.tokens:
            query = self.lexer.query
            msg = (
                f"{self.lexer.where} got a query with no word in it ({query!r}); "
                f"give at least one word, e.g. 'بغداد'"
            )
            raise ValueError(msg)
        tree = self.either()
        token = self.peek()
        if token is not None:
            raise self._unopened(token)
        return tree

    def _unopened(self, token: _Token) -> QuerySyntaxError:
        return self.lexer.error(
            token.position,
            f"')' at character {token.position} closes nothing; remove it or add '(' before it",
        )

    def _list(self, op: str, sub: str) -> list[Query]:
        parts = [getattr(self, sub)()]
        while (token := self.peek()) is not None and token.kind == op:
            self.i += 1
            after = self.peek()
            if after is not None and after.kind in _OPERATORS:
                raise self.lexer.error(
                    after.position,
                    f"{after.kind!r} at character {after.position} follows another operator; "
                    f"remove one",
                )
            if after is None or after.kind == ")":
                raise self.lexer.error(
                    token.position,
                    f"{op!r} at character {token.position} has nothing after it; write "
                    f"'a {op} b', or quote it (\"{op}\") to look for the word",
                )
            parts.append(getattr(self, sub)())
        return parts

    def either(self) -> Query:
        parts = self._list("OR", "all")
        return parts[0] if len(parts) == 1 else AnyOf(tuple(parts))

    def all(self) -> Query:
        parts = self._list("AND", "group")
        return parts[0] if len(parts) == 1 else AllOf(tuple(parts))

    def group(self) -> Query:
        start = self.peek()
        assert start is not None  # _list only calls after checking
        if start.kind in _OPERATORS:
            raise self.lexer.error(
                start.position,
                f"{start.kind!r} at character {start.position} has nothing before it; write "
                f"'a {start.kind} b', or quote it (\"{start.kind}\") to look for the word",
            )
        if start.kind == ")":
            raise self._unopened(start)
        words: list[Word] = []
        bracket: Query | None = None
        exclude: list[Query] = []
        closed = False  # an exclusion came after the words or bracket
        while (token := self.peek()) is not None and token.kind in ("words", "-", "("):
            if token.kind == "-":
                self.i += 1
                after = self.peek()
                if after is None or after.kind not in ("words", "("):
                    # '-' before punctuation only: the lexer saw no word after it.
                    raise self.lexer.error(token.position, _excludes_nothing(token.position))
                exclude.append(self.unit())
                closed = closed or bool(words) or bracket is not None
                continue
            if closed:
                raise self.lexer.error(
                    token.position,
                    f"the words at character {token.position} are cut off from those before "
                    f"them by an exclusion; put exclusions last ('a b -c'), or join with AND",
                )
            if bracket is not None or (token.kind == "(" and words):
                raise self.lexer.error(
                    token.position,
                    f"a bracket stands next to a word at character {token.position}; "
                    f"join them with OR or AND",
                )
            unit = self.unit()
            if token.kind == "(":
                bracket = unit
            elif isinstance(unit, Phrase):
                words.extend(unit.words)
            elif isinstance(unit, Word):
                words.append(unit)
        if bracket is None and not words:
            rest = self.lexer.query[start.position :].strip()
            raise self.lexer.error(
                start.position,
                f"the query only excludes ({rest!r}); add something to look for, "
                f"e.g. 'لافروف -كيري'",
            )
        include = bracket if bracket is not None else self._phrase(words, start.position)
        return Without(include, tuple(exclude)) if exclude else include

    def _phrase(self, words: list[Word], position: int) -> Query:
        if len(words) == 1:
            return words[0]
        try:
            return Phrase(tuple(words))
        except ValueError as error:
            raise self.lexer.error(
                position, f"{error} (the phrase at character {position})"
            ) from None

    def unit(self) -> Query:
        token = self.peek()
        assert token is not None
        self.i += 1
        if token.kind == "words":
            return (
                token.words[0]
                if len(token.words) == 1
                else self._phrase(list(token.words), token.position)
            )
        if token.kind == "(":
            after = self.peek()
            if after is not None and after.kind == ")":
                raise self.lexer.error(
                    token.position,
                    f"'(' at character {token.position} holds no word; put a word inside or "
                    f"remove the brackets",
                )
            if after is None:
                raise self._unclosed(token)
            inner = self.either()
            close = self.peek()
            if close is None or close.kind != ")":
                raise self._unclosed(token)
            self.i += 1
            return inner
        raise self.lexer.error(
            token.position,
            f"{token.kind!r} at character {token.position} cannot be excluded; put a word "
            f"right after '-'",
        )

    def _unclosed(self, token: _Token) -> QuerySyntaxError:
        return self.lexer.error(
            token.position,
            f"'(' at character {token.position} is never closed; add ')' or remove it",
        )


def parse_query(query: str, where: str = "Q.parse()") -> Query:
    """The query tree that a query string means.

    >>> tree = parse_query("(لافروف OR بوتين) -كيري")
    >>> type(tree).__name__, tree.exclude
    ('Without', (Word(text='كيري', prefix=False),))
    >>> str(parse_query("موسكو وبغداد"))
    '"موسكو وبغداد"'

    Raises:
        TypeError: if ``query`` is not a str.
        ValueError: if it holds no word, or is malformed (a :class:`QuerySyntaxError`
            naming the position and the fix).
    """
    return _Parser(where, check_str(query, where)).parse()


# -- evaluation -------------------------------------------------------------------------

_FIELD_ORDER: Final = {name: number for number, name in enumerate(FIELD_NAMES)}


class _Evaluation:
    """Evaluates one tree on an index, in the given field kinds."""

    def __init__(self, index: SearchIndex, kinds: frozenset[int], mode: str) -> None:
        self.index, self.kinds, self.mode = index, kinds, mode
        self._order: dict[str, int] | None = None

    def order(self) -> dict[str, int]:
        if self._order is None:
            self._order = {article_id: i for i, article_id in enumerate(self.index.ids)}
        return self._order

    def sorted(self, hits: list[Hit]) -> list[Hit]:
        order = self.order()
        unique = dict.fromkeys(hits)
        return sorted(
            unique,
            key=lambda h: (order[h.article_id], _FIELD_ORDER[h.field], h.index, h.start, h.end),
        )

    def hits(self, query: Query) -> list[Hit]:
        if isinstance(query, Word | Phrase):
            words = query.words if isinstance(query, Phrase) else (query,)
            written = tuple(t for w in words for t in query_words(w.text, "search()"))
            return find(
                self.index, written, kinds=self.kinds, prefix=words[-1].prefix, mode=self.mode
            )
        if isinstance(query, AnyOf):
            return self.sorted([h for part in query.parts for h in self.hits(part)])
        if isinstance(query, AllOf):
            answers = [self.hits(part) for part in query.parts]
            common = set.intersection(*({h.article_id for h in a} for a in answers))
            return self.sorted([h for a in answers for h in a if h.article_id in common])
        if isinstance(query, Without):
            dropped = {h.article_id for part in query.exclude for h in self.hits(part)}
            return [h for h in self.hits(query.include) if h.article_id not in dropped]
        raise expected("evaluate()", "a Query", query)


def evaluate(
    index: SearchIndex, query: Query, kinds: frozenset[int], mode: str = DEFAULT_MODE
) -> list[Hit]:
    """The hits of a query tree in fields of the given kinds, in corpus order.

    Every word is matched in ``mode`` (:data:`arnews._modes.MODES`).

    >>> import arnews
    >>> from arnews._index import MemoryIndex
    >>> index = MemoryIndex(arnews.load())
    >>> kinds = field_kinds(("title", "paragraph", "caption"), "evaluate()")
    >>> len(evaluate(index, Q("لافروف") | Q("كيري"), kinds))
    7
    """
    return _Evaluation(index, kinds, mode).hits(query)


def search(
    index: SearchIndex,
    query: str | Query,
    *,
    fields: Sequence[str] = DEFAULT_FIELDS,
    mode: str = DEFAULT_MODE,
    source: ArticleSource | None = None,
    where: str = "search()",
) -> Hits:
    """Every hit of a query string or :data:`Q` object (see the module docs for the language).

    ``fields`` picks the fields looked in (exclusions look in the same ones);
    ``mode`` is the match mode of every word; ``source`` is kept by the result
    for display and export.

    >>> import arnews
    >>> from arnews._index import MemoryIndex
    >>> index = MemoryIndex(arnews.load())
    >>> [h.text for h in search(index, "لافروف -كيري")][:2]
    ['لافروف', 'لافروف']

    Raises:
        TypeError: if ``query`` is neither a str nor a Q object, ``fields`` is not names,
            or ``mode`` is not a str.
        ValueError: if the query is malformed or holds no word, a field name is unknown,
            or ``mode`` is not a match mode.
    """
    tree = as_query(query, where)
    kinds = field_kinds(fields, where)
    check_mode(mode, where)
    return Hits(evaluate(index, tree, kinds, mode), source)


def concordance(
    index: SearchIndex,
    query: str | Query,
    *,
    width: int = 40,
    fields: Sequence[str] = DEFAULT_FIELDS,
    sort: str | Sequence[str] | None = None,
    mode: str = DEFAULT_MODE,
    source: ArticleSource,
) -> Concordance:
    """Keyword-in-context lines for every hit of a query (see ``concordance_lines``).

    >>> import arnews
    >>> corpus = arnews.load()
    >>> lines = concordance(corpus.search_index, "لافروف", sort="right1", source=corpus)
    >>> [line.right.split()[0] for line in lines]
    [':', 'إن', 'للالتفاف', 'متحدثا', 'هذا']

    Raises:
        TypeError: as :func:`search`, or if ``width`` is not an int.
        ValueError: as :func:`search`, if ``width`` is negative or above
            :data:`MAX_WIDTH`, or ``sort`` names an unknown key.
    """
    check_int(width, "concordance(width=...)", minimum=0, hint="a number of characters")
    if width > MAX_WIDTH:
        msg = f"concordance(width={width}) is too wide; give at most {MAX_WIDTH} characters"
        raise ValueError(msg)
    hits = search(index, query, fields=fields, mode=mode, source=source, where="concordance()")
    return concordance_lines(hits, width=width, sort=sort)


#: The widest concordance context, in characters a side (a field is rarely longer).
MAX_WIDTH: Final = 10_000
