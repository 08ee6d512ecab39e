"""Named entities from the bundled gazetteer, and their mentions found through search.

The gazetteer (``data/gazetteer.json``) lists the people, places,
organisations and media outlets of the bundled texts, each with every
spelling that occurs in them (``aliases``).  A mention is a search hit of an
alias (:func:`arnews._query.search`, so clitics and spelling variants are
seen through: ``وبغداد`` is a mention of Baghdad).  When two aliases of the
same entity overlap, the longer one wins (``سيرغي لافروف`` is one mention,
not two).  Mentions of different entities may nest: ``مركز بغداد للتنسيق``
is a mention of the Baghdad centre and holds one of Baghdad.

Mentions are looked for where search looks: titles, body paragraphs and
caption texts.  Names that occur only in related-story teasers, source
lines, photo credits or datelines (Reuters, EPA, the Syrian foreign
minister) are in the gazetteer, so :func:`resolve` knows them, but have no
mentions.  A few entities have no aliases at all because their only name is
ambiguous in the texts (``الاتحاد`` is also in ``مجلس الاتحاد``); their
``note`` says so.
"""

from __future__ import annotations

import difflib
import functools
import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Final

import attrs

from ._model import Article
from ._resources import read_text

if TYPE_CHECKING:
    from ._corpus import Corpus
    from ._query import Hit, Hits

__all__ = [
    "ENTITY_TYPES",
    "Entity",
    "Mention",
    "article_entities",
    "corpus_entities",
    "gazetteer",
    "mentions",
    "resolve",
]

#: The entity types the gazetteer uses.
ENTITY_TYPES: Final = ("person", "place", "organisation", "outlet")

_FIELD_ORDER: Final = {"title": 0, "paragraph": 1, "caption": 2}


@attrs.frozen
class Entity:
    """One gazetteer entry: a person, place, organisation or media outlet.

    ``aliases`` are the spellings searched for its mentions; ``name_ar`` is
    its usual Arabic name, which need not occur in the texts (some names are
    met only in English captions).  ``note`` says who or what it is where
    the name alone does not.

    >>> lavrov = resolve("lavrov")
    >>> lavrov.type, lavrov.name_en, "سيرجي لافروف" in lavrov.aliases
    ('person', 'Sergey Lavrov', True)
    """

    id: str
    type: str
    name_ar: str
    name_en: str
    aliases: tuple[str, ...]
    note: str | None = None


@attrs.frozen
class Mention:
    """A mention of a gazetteer entity: the entity plus the search hit that found it.

    The span fields are those of :class:`arnews._query.Hit`: ``start:end``
    slices the original ``field`` string number ``index`` of the article
    (``stem_start:stem_end`` leaves out leading clitics).

    >>> import arnews
    >>> m = arnews.load().get("003_525ecddc6b3f777e").entities()[0]
    >>> m.entity_id, m.field
    ('russia', 'title')
    """

    entity_id: str
    entity_type: str
    name_en: str
    article_id: str
    field: str
    index: int
    start: int
    end: int
    stem_start: int
    stem_end: int
    text: str

    @property
    def hit(self) -> Hit:
        """The search hit behind this mention.

        >>> import arnews
        >>> m = arnews.load().get("003_525ecddc6b3f777e").entities()[0]
        >>> m.hit.text == m.text
        True
        """
        from ._query import Hit  # noqa: PLC0415 - _query imports the corpus, which imports us

        return Hit(
            article_id=self.article_id,
            field=self.field,
            index=self.index,
            start=self.start,
            end=self.end,
            stem_start=self.stem_start,
            stem_end=self.stem_end,
            text=self.text,
        )


def _bad_data(problem: str) -> ValueError:
    """The error for a malformed bundled gazetteer."""
    return ValueError(
        f"arnews package data gazetteer.json is malformed: {problem}; reinstall arnews"
    )


def _entity(item: Any) -> Entity:
    """One validated Entity from its JSON object."""
    if not isinstance(item, dict):
        raise _bad_data(f"entry {item!r} is not an object")
    strings = ("id", "type", "name_ar", "name_en")
    if any(not isinstance(item.get(key), str) or not item[key] for key in strings):
        raise _bad_data(f"entry {item.get('id')!r} lacks one of {strings}")
    if item["type"] not in ENTITY_TYPES:
        raise _bad_data(f"entry {item['id']!r} has type {item['type']!r}")
    aliases = item.get("aliases")
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a for a in aliases):
        raise _bad_data(f"entry {item['id']!r} has no list of alias strings")
    note = item.get("note")
    return Entity(
        id=item["id"],
        type=item["type"],
        name_ar=item["name_ar"],
        name_en=item["name_en"],
        aliases=tuple(aliases),
        note=note if isinstance(note, str) else None,
    )


@functools.cache
def gazetteer() -> tuple[Entity, ...]:
    """Every entity of the bundled gazetteer, read once and cached.

    >>> entities = gazetteer()
    >>> {e.type for e in entities} == {"person", "place", "organisation", "outlet"}
    True
    >>> [e.name_en for e in entities if e.id == "isis"]
    ['Islamic State']

    Raises:
        ValueError: if the bundled gazetteer is malformed (a broken install).
    """
    data = json.loads(read_text("gazetteer.json"))
    items = data.get("entities") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise _bad_data("no 'entities' list")
    entities = tuple(_entity(item) for item in items)
    ids = [e.id for e in entities]
    if len(set(ids)) != len(ids):
        raise _bad_data("two entries share an id")
    return entities


def _search_form(text: str) -> str:
    """The SEARCH-normalized form of a name, with runs of whitespace made one space."""
    from .normalize import SEARCH  # noqa: PLC0415 - keep import of arnews light

    return " ".join(SEARCH(text).split())


def _keys(entity: Entity) -> Iterable[str]:
    """Every lookup key of an entity: id and English name folded, Arabic names normalized."""
    yield entity.id.casefold()
    yield entity.name_en.casefold()
    for name in (entity.name_ar, *entity.aliases):
        yield name.casefold()
        yield _search_form(name)


@functools.cache
def _lookup() -> dict[str, Entity]:
    """The lookup table behind :func:`resolve`, built on first use."""
    table: dict[str, Entity] = {}
    for entity in gazetteer():
        for key in _keys(entity):
            other = table.setdefault(key, entity)
            if other is not entity:
                raise _bad_data(f"{key!r} names both {other.id!r} and {entity.id!r}")
    return table


@functools.cache
def _surnames() -> dict[str, Entity | None]:
    """A person's surname alone (last word of a name) → that person; None when two share it.

    English surnames are case-folded, with and without an ``al-`` prefix
    (``Jaafari`` for Ibrahim al-Jaafari); Arabic ones are SEARCH-normalized.
    """
    table: dict[str, Entity | None] = {}
    for entity in gazetteer():
        if entity.type != "person":
            continue
        words: set[str] = set()
        for name in (entity.name_en, entity.name_ar, *entity.aliases):
            last = name.split()[-1]
            words.update((last.casefold(), last.casefold().removeprefix("al-"), _search_form(last)))
        for word in words:
            table[word] = entity if table.get(word, entity) is entity else None
    return table


def resolve(entity: str) -> Entity:
    """The gazetteer entity named by an id, an English name or any Arabic alias.

    Ids and English names are compared case-insensitively; Arabic names
    after :data:`arnews.normalize.SEARCH` normalization, so ``سيرجى لافروف``
    with a final alef maksura finds Lavrov too.

    >>> resolve("Lavrov").id, resolve("لافروف").id, resolve("SERGEY LAVROV").id
    ('lavrov', 'lavrov', 'lavrov')
    >>> resolve("الدولة الاسلامية").name_en
    'Islamic State'

    A person's surname alone works too when no other person shares it:

    >>> resolve("الجعفري").id, resolve("Jaafari").id
    ('jaafari', 'jaafari')

    Raises:
        TypeError: if ``entity`` is not a str.
        KeyError: if no entity has that name; the message suggests close ones
            and says how to list them all (:func:`gazetteer`).
    """
    given: object = entity
    if not isinstance(given, str):
        msg = f"entity names are str, got {type(given).__name__}; e.g. 'lavrov' or 'لافروف'"
        raise TypeError(msg)
    name = " ".join(entity.split())
    table = _lookup()
    found = table.get(name.casefold()) or (table.get(_search_form(name)) if name else None)
    if found is None and name and " " not in name:
        surnames = _surnames()
        found = surnames.get(name.casefold()) or surnames.get(_search_form(name))
    if found is not None:
        return found
    close = difflib.get_close_matches(name.casefold(), list(table), n=3, cutoff=0.6)
    hint = ", ".join(f"{key!r} ({table[key].id})" for key in close)
    guess = f" (did you mean {hint}?)" if hint else ""
    msg = (
        f"the gazetteer knows no entity {entity!r}{guess}; "
        f"list the known ones with [(e.id, e.name_en) for e in arnews.gazetteer()]"
    )
    raise KeyError(msg)


def _order(corpus: Corpus) -> dict[str, int]:
    """Article id -> position, the first key of every sort here."""
    return {a.id: i for i, a in enumerate(corpus.articles)}


def _sort_key(hit: Hit, order: dict[str, int]) -> tuple[int, int, int, int, int]:
    """Hits in text order: article, field, index, start; the longer first on a tie."""
    return (order[hit.article_id], _FIELD_ORDER[hit.field], hit.index, hit.start, -hit.end)


def _longest(hits: Iterable[Hit]) -> list[Hit]:
    """Drop every hit that overlaps a longer (or equal and earlier) one in the same field."""
    kept: dict[tuple[str, str, int], list[tuple[int, int]]] = {}
    out: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (h.start - h.end, h.start)):
        spans = kept.setdefault((hit.article_id, hit.field, hit.index), [])
        if all(hit.end <= s or hit.start >= e for s, e in spans):
            spans.append((hit.start, hit.end))
            out.append(hit)
    return out


def _entity_hits(corpus: Corpus, entity: Entity) -> Hits:
    """All hits of an entity's aliases in a corpus, longest alias winning, in text order."""
    from ._query import Hits, search  # noqa: PLC0415 - _query imports the corpus, which imports us

    hits = [hit for alias in entity.aliases for hit in search(corpus, alias)]
    order = _order(corpus)
    return Hits.of(sorted(_longest(hits), key=lambda h: _sort_key(h, order)), corpus)


def mentions(corpus: Corpus, entity: str) -> Hits:
    """Every mention of one entity in a corpus, as search hits in text order.

    All the entity's aliases are searched; where two of them overlap the
    longer wins, so ``سيرغي لافروف`` is one hit, not two.  Results are cached
    on the corpus per entity.  Like search results, they show as a table of
    highlighted matches in a notebook.

    >>> import arnews
    >>> hits = mentions(arnews.load(), "Lavrov")
    >>> [h.text for h in hits if h.article_id.startswith("003")]
    ['سيرغي لافروف', 'لافروف']
    >>> mentions(arnews.load(), "لافروف") == hits
    True

    Raises:
        TypeError: if ``entity`` is not a str.
        KeyError: if the gazetteer knows no such entity.
    """
    found = resolve(entity)
    cache: dict[str, Hits] = corpus._cache.setdefault("entity_mentions", {})
    hits = cache.get(found.id)
    if hits is None:
        hits = cache[found.id] = _entity_hits(corpus, found)
    return hits


def _mention(hit: Hit, entity: Entity) -> Mention:
    """The Mention of ``entity`` that ``hit`` found."""
    return Mention(
        entity_id=entity.id,
        entity_type=entity.type,
        name_en=entity.name_en,
        article_id=hit.article_id,
        field=hit.field,
        index=hit.index,
        start=hit.start,
        end=hit.end,
        stem_start=hit.stem_start,
        stem_end=hit.stem_end,
        text=hit.text,
    )


def corpus_entities(corpus: Corpus) -> tuple[Mention, ...]:
    """Every gazetteer entity mention in a corpus, by article, then in text order.

    Text order is title, paragraphs, captions, then position; a longer
    mention comes before a shorter one nested in it.  Each entity's aliases
    are searched once over the whole corpus (its cached index), so the cost
    grows with the corpus, not with corpus size times gazetteer size.

    >>> import arnews
    >>> found = corpus_entities(arnews.load())
    >>> sorted({m.entity_type for m in found})
    ['organisation', 'outlet', 'person', 'place']
    """
    order = _order(corpus)
    found = [(hit, entity) for entity in gazetteer() for hit in mentions(corpus, entity.id)]
    found.sort(key=lambda pair: _sort_key(pair[0], order))
    return tuple(_mention(hit, entity) for hit, entity in found)


def article_entities(article: Article) -> tuple[Mention, ...]:
    """Every gazetteer entity mention in one article, in text order (see :func:`corpus_entities`).

    Each call indexes the article on its own; for many articles
    :func:`corpus_entities` on their corpus is much faster (one index).

    >>> import arnews
    >>> found = article_entities(arnews.load().get("004_27df001b210ff69a"))
    >>> [m.text for m in found if m.entity_id == "morgulov"]
    ['إيليا مورغولوف', 'مورغونوف']

    Raises:
        TypeError: if ``article`` is not an Article.
    """
    given: object = article
    if not isinstance(given, Article):
        msg = f"article_entities() expects an Article, got {type(given).__name__}"
        raise TypeError(msg)
    return _article_entities(article)


@functools.lru_cache(maxsize=256)
def _article_entities(article: Article) -> tuple[Mention, ...]:
    """The mentions of one article, through a one-article corpus; recent answers are kept."""
    from ._corpus import Corpus  # noqa: PLC0415 - the corpus module imports this one

    return corpus_entities(Corpus([article]))
