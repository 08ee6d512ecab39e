"""Named entities from the bundled gazetteer, and their mentions found through search.

The gazetteer (``data/gazetteer.json``) lists the people, places,
organisations and media outlets of the bundled texts, each with every
spelling that occurs in them (``aliases``).  A mention is a search hit of an
alias (:func:`arnews._search.search`, so clitics and spelling variants are
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
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Final

import attrs

from ._checks import check_str
from ._index import MemoryIndex, SearchIndex
from ._model import FIELD_NAMES, ArticleBase, ArticleSource
from ._resources import read_text
from ._results import Hit, Hits
from ._search import search
from .normalize import SEARCH

__all__ = [
    "ENTITY_TYPES",
    "Entity",
    "Mention",
    "all_mentions",
    "article_mentions",
    "entity_hits",
    "gazetteer",
    "resolve",
]

#: The entity types the gazetteer uses.
ENTITY_TYPES: Final = ("person", "place", "organisation", "outlet")

_FIELD_ORDER: Final = {name: number for number, name in enumerate(FIELD_NAMES)}


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

    The span attributes are those of the :class:`arnews.Hit` it holds:
    ``start:end`` slices the original ``field`` string number ``index`` of
    the article (``stem_start:stem_end`` leaves out leading clitics).

    >>> import arnews
    >>> m = arnews.load().get("003_525ecddc6b3f777e").entities()[0]
    >>> m.entity_id, m.field, m.hit.text == m.text
    ('russia', 'title', True)
    """

    entity: Entity
    hit: Hit

    @property
    def entity_id(self) -> str:
        """The entity's id."""
        return self.entity.id

    @property
    def entity_type(self) -> str:
        """The entity's type (one of :data:`ENTITY_TYPES`)."""
        return self.entity.type

    @property
    def name_en(self) -> str:
        """The entity's English name."""
        return self.entity.name_en

    @property
    def article_id(self) -> str:
        """The id of the article the mention is in."""
        return self.hit.article_id

    @property
    def field(self) -> str:
        """The field kind the mention is in."""
        return self.hit.field

    @property
    def index(self) -> int:
        """The position of that field among the article's fields of its kind."""
        return self.hit.index

    @property
    def start(self) -> int:
        """Where the mention starts in the field's original string."""
        return self.hit.start

    @property
    def end(self) -> int:
        """Where the mention ends in the field's original string."""
        return self.hit.end

    @property
    def stem_start(self) -> int:
        """Where the matched name starts, after any proclitics."""
        return self.hit.stem_start

    @property
    def stem_end(self) -> int:
        """Where the matched name ends."""
        return self.hit.stem_end

    @property
    def text(self) -> str:
        """The mention exactly as written (clitics included)."""
        return self.hit.text


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
    check_str(entity, "resolve()", "entity names are str, e.g. 'lavrov' or 'لافروف'")
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


def entity_hits(index: SearchIndex, entity: Entity, source: ArticleSource | None = None) -> Hits:
    """Every mention of one entity in an index, as search hits in text order.

    All the entity's aliases are searched; where two of them overlap the
    longer wins, so ``سيرغي لافروف`` is one hit, not two.  ``source`` is
    remembered for display, as by search.  (:meth:`arnews.Corpus.mentions`
    keeps the answer per entity.)

    >>> import arnews
    >>> hits = entity_hits(MemoryIndex(arnews.load()), resolve("Lavrov"))
    >>> [h.text for h in hits if h.article_id.startswith("003")]
    ['سيرغي لافروف', 'لافروف']
    """
    hits = [hit for alias in entity.aliases for hit in search(index, alias)]
    order = {article_id: i for i, article_id in enumerate(index.ids)}
    return Hits.of(sorted(_longest(hits), key=lambda h: _sort_key(h, order)), source)


def all_mentions(
    index: SearchIndex, hits_of: Callable[[Entity], Sequence[Hit]]
) -> tuple[Mention, ...]:
    """Every gazetteer entity mention in an index, by article, then in text order.

    ``hits_of(entity)`` gives an entity's hits (:func:`entity_hits`, or a
    corpus's kept answers).  Text order is title, paragraphs, captions, then
    position; a longer mention comes before a shorter one nested in it.  Each
    entity's aliases are searched once over the whole index, so the cost grows
    with the corpus, not with corpus size times gazetteer size.

    >>> import arnews
    >>> index = MemoryIndex(arnews.load())
    >>> found = all_mentions(index, lambda e: entity_hits(index, e))
    >>> sorted({m.entity_type for m in found})
    ['organisation', 'outlet', 'person', 'place']
    """
    order = {article_id: i for i, article_id in enumerate(index.ids)}
    found = [(hit, entity) for entity in gazetteer() for hit in hits_of(entity)]
    found.sort(key=lambda pair: _sort_key(pair[0], order))
    return tuple(Mention(entity=entity, hit=hit) for hit, entity in found)


@functools.lru_cache(maxsize=256)
def article_mentions(article: ArticleBase) -> tuple[Mention, ...]:
    """Every gazetteer entity mention in one article, in text order (see :func:`all_mentions`).

    Each call indexes the article on its own (recent answers are kept); for
    many articles, the mentions of their corpus are much faster (one index).

    >>> import arnews
    >>> found = article_mentions(arnews.load().get("004_27df001b210ff69a"))
    >>> [m.text for m in found if m.entity_id == "morgulov"]
    ['إيليا مورغولوف', 'مورغونوف']
    """
    index = MemoryIndex((article,))
    return all_mentions(index, lambda entity: entity_hits(index, entity))
