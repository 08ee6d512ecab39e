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
import os
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Final

import attrs

from ._analysis import normalize_words
from ._checks import (
    attrs_instance_of,
    attrs_tuple_of,
    check_instance,
    check_path,
    check_str,
    expected,
)
from ._index import MemoryIndex, SearchIndex
from ._model import DEFAULT_FIELDS, FIELD_NAMES, ArticleBase, ArticleSource, field_kinds
from ._resources import read_text
from ._results import Hit, Hits, Immutable
from ._search import find
from .normalize import SEARCH

__all__ = [
    "ENTITY_TYPES",
    "Entity",
    "Gazetteer",
    "Mention",
    "all_mentions",
    "article_mentions",
    "entity_hits",
    "gazetteer",
    "resolve",
    "resolve_gazetteer",
]

#: The entity types the gazetteer uses.
ENTITY_TYPES: Final = ("person", "place", "organisation", "outlet")

_FIELD_ORDER: Final = {name: number for number, name in enumerate(FIELD_NAMES)}


_NONE: Final = type(None)


def _entity_type(_instance: Any, _attribute: Any, value: Any) -> None:
    if value not in ENTITY_TYPES:
        msg = f"Entity.type must be one of {', '.join(map(repr, ENTITY_TYPES))}, got {value!r}"
        raise ValueError(msg)


def _non_empty(what: str) -> Callable[[Any, Any, Any], None]:
    def validate(_instance: Any, _attribute: Any, value: Any) -> None:
        if not isinstance(value, str):
            raise TypeError(f"{what} must be a str, got {type(value).__name__}")
        if not value.strip():
            raise ValueError(f"{what} must not be empty")

    return validate


def _aliases(value: Iterable[str]) -> tuple[str, ...]:
    """``Entity.aliases``: a tuple of non-empty strings."""
    items = attrs_tuple_of(value, str, "Entity.aliases")
    if not all(item.strip() for item in items):
        raise ValueError("Entity.aliases must not hold an empty string")
    return items


@attrs.frozen
class Entity:
    """One gazetteer entry: a person, place, organisation or media outlet.

    ``aliases`` are the spellings searched for its mentions (clitics and
    spelling variants are seen through by search, so one spelling of each
    name is enough); ``name_ar`` is its usual Arabic name, which need not
    occur in the texts (some names are met only in English captions).
    ``note`` says who or what it is where the name alone does not.

    >>> lavrov = resolve("lavrov")
    >>> lavrov.type, lavrov.name_en, "سيرجي لافروف" in lavrov.aliases
    ('person', 'Sergey Lavrov', True)
    >>> Entity(id="trump", type="person", name_ar="دونالد ترامب", name_en="Donald Trump",
    ...        aliases=["ترامب", "دونالد ترامب"]).aliases
    ('ترامب', 'دونالد ترامب')

    Raises:
        TypeError: if a field has the wrong type.
        ValueError: if ``type`` is not one of :data:`ENTITY_TYPES`, or a name is empty.
    """

    id: str = attrs.field(validator=_non_empty("Entity.id"))
    type: str = attrs.field(validator=_entity_type)
    name_ar: str = attrs.field(validator=_non_empty("Entity.name_ar"))
    name_en: str = attrs.field(validator=_non_empty("Entity.name_en"))
    aliases: tuple[str, ...] = attrs.field(converter=_aliases)
    note: str | None = attrs.field(
        default=None, validator=attrs_instance_of((str, _NONE), "Entity.note", "a str or None")
    )


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


def _entity(item: Any, where: str) -> Entity:
    """One Entity from its JSON object (the format of ``data/gazetteer.json``)."""
    if not isinstance(item, dict):
        msg = f"{where}: entry {item!r} is not an object; each entity is a JSON object"
        raise ValueError(msg)
    aliases = item.get("aliases", [])
    if not isinstance(aliases, list):
        msg = f"{where}: entry {item.get('id')!r} has 'aliases' that is not a list of strings"
        raise ValueError(msg)
    get: Any = item.get
    try:
        return Entity(
            id=get("id"),
            type=get("type"),
            name_ar=get("name_ar"),
            name_en=get("name_en"),
            aliases=tuple(aliases),
            note=get("note"),
        )
    except (TypeError, ValueError) as error:
        msg = f"{where}: entry {item.get('id')!r}: {error}"
        raise ValueError(msg) from None


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


def _surname_keys(entity: Entity) -> set[str]:
    """A person's surnames (last word of each name), folded and normalized."""
    words: set[str] = set()
    for name in (entity.name_en, entity.name_ar, *entity.aliases):
        last = name.split()[-1]
        words.update((last.casefold(), last.casefold().removeprefix("al-"), _search_form(last)))
    return words


_ADD_HINT: Final = (
    "add it with g = arnews.gazetteer().extend([arnews.Entity(id='trump', type='person', "
    "name_ar='دونالد ترامب', name_en='Donald Trump', aliases=('ترامب',))]) and pass gazetteer=g, "
    "or load a JSON file in the bundled format with arnews.Gazetteer.from_json(path)"
)


class Gazetteer(Immutable, tuple[Entity, ...]):
    """A tuple of entities that names resolve against: the bundled one, or one you extend.

    :func:`gazetteer` is the bundled one.  ``extend`` adds entities (made in
    code, or read from a JSON file in the bundled format with
    :meth:`from_json`) and returns a new gazetteer; pass it as
    ``gazetteer=`` to ``corpus.mentions``, ``corpus.entities`` and
    ``article.entities``.

    >>> trump = Entity(id="trump", type="person", name_ar="دونالد ترامب",
    ...                name_en="Donald Trump", aliases=("ترامب",))
    >>> mine = gazetteer().extend([trump])
    >>> len(mine) == len(gazetteer()) + 1, mine.resolve("Trump").id, mine.resolve("ترامب").id
    (True, 'trump', 'trump')

    Raises:
        TypeError: if an item is not an :class:`Entity`.
        ValueError: if two entities share an id, or one name stands for two entities.
    """

    _lookup: dict[str, Entity]
    _surnames: dict[str, Entity | None]

    def __new__(cls, entities: Iterable[Entity] = ()) -> Gazetteer:
        made = super().__new__(cls, entities)
        lookup: dict[str, Entity] = {}
        surnames: dict[str, Entity | None] = {}
        for entity in made:
            if not isinstance(entity, Entity):
                raise expected(
                    "Gazetteer()", "Entity items", entity, "make them with arnews.Entity(...)"
                )
            for key in _keys(entity):
                other = lookup.setdefault(key, entity)
                if other is not entity:
                    what = "share the id" if other.id == entity.id else f"are both named {key!r}"
                    msg = (
                        f"gazetteer entities {other.id!r} and {entity.id!r} {what}; give each "
                        f"entity its own id and names (drop the alias from one of them)"
                    )
                    raise ValueError(msg)
            if entity.type == "person":
                for word in _surname_keys(entity):
                    surnames[word] = entity if surnames.get(word, entity) is entity else None
        object.__setattr__(made, "_lookup", lookup)
        object.__setattr__(made, "_surnames", surnames)
        return made

    def __reduce__(self) -> tuple[type[Gazetteer], tuple[tuple[Entity, ...]]]:
        return (Gazetteer, (tuple(self),))

    @classmethod
    def from_data(cls, data: object, where: str = "Gazetteer.from_data()") -> Gazetteer:
        """A gazetteer from parsed JSON in the bundled format: ``{"entities": [{...}, ...]}``.

        Each entity has ``id``, ``type`` (one of :data:`ENTITY_TYPES`),
        ``name_ar``, ``name_en``, ``aliases`` (a list of strings) and an
        optional ``note``; other top-level keys (``about``) are ignored.

        Raises:
            ValueError: if the data is not in that format (the message names the entry).
        """
        items = data.get("entities") if isinstance(data, dict) else None
        if not isinstance(items, list):
            msg = f'{where} expects an object with an "entities" list, as data/gazetteer.json has'
            raise ValueError(msg)
        return cls(_entity(item, where) for item in items)

    @classmethod
    def from_json(cls, path: str | os.PathLike[str]) -> Gazetteer:
        """The entities of a JSON file in the bundled format (see :meth:`from_data`).

        >>> import json, pathlib, tempfile
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "mine.json"
        >>> _ = path.write_text(json.dumps({"entities": [{"id": "trump", "type": "person",
        ...     "name_ar": "دونالد ترامب", "name_en": "Donald Trump", "aliases": ["ترامب"]}]}),
        ...     encoding="utf-8")
        >>> gazetteer().extend(Gazetteer.from_json(path)).resolve("Donald Trump").id
        'trump'

        Raises:
            TypeError: if ``path`` is not a str or path-like object.
            ValueError: if the file is not JSON in the bundled format.
            OSError: if it cannot be read.
        """
        check_path(path, "Gazetteer.from_json()")
        where = f"Gazetteer.from_json({os.fspath(path)!r})"
        with open(path, encoding="utf-8") as handle:
            try:
                data = json.load(handle)
            except json.JSONDecodeError as error:
                msg = f"{where}: not JSON ({error})"
                raise ValueError(msg) from None
        return cls.from_data(data, where)

    def extend(self, entities: Iterable[Entity]) -> Gazetteer:
        """A new gazetteer with ``entities`` added after these.

        Raises:
            TypeError: if an item is not an Entity.
            ValueError: if an id or a name is already taken (say which and how to fix).
        """
        return Gazetteer((*self, *entities))

    def resolve(self, entity: str) -> Entity:
        """The entity named by an id, an English name, any Arabic alias, or a unique surname.

        Ids and English names are compared case-insensitively; Arabic names
        after :data:`arnews.normalize.SEARCH` normalization.

        Raises:
            TypeError: if ``entity`` is not a str.
            KeyError: if no entity has that name; the message suggests close
                ones and says how to add an entity.
        """
        check_str(entity, "resolve()", "entity names are str, e.g. 'lavrov' or 'لافروف'")
        name = " ".join(entity.split())
        table = self._lookup
        found = table.get(name.casefold()) or (table.get(_search_form(name)) if name else None)
        if found is None and name and " " not in name:
            found = self._surnames.get(name.casefold()) or self._surnames.get(_search_form(name))
        if found is not None:
            return found
        close = difflib.get_close_matches(name.casefold(), list(table), n=3, cutoff=0.6)
        hint = ", ".join(f"{key!r} ({table[key].id})" for key in close)
        guess = f" (did you mean {hint}?)" if hint else ""
        msg = (
            f"the gazetteer knows no entity {entity!r}{guess}; list the known ones with "
            f"[(e.id, e.name_en) for e in arnews.gazetteer()], or {_ADD_HINT}"
        )
        raise KeyError(msg)


def _bad_data(problem: str) -> ValueError:
    """The error for a malformed bundled gazetteer."""
    return ValueError(
        f"arnews package data gazetteer.json is malformed: {problem}; reinstall arnews"
    )


@functools.cache
def gazetteer() -> Gazetteer:
    """The bundled gazetteer (every entity of ``data/gazetteer.json``), read once.

    >>> entities = gazetteer()
    >>> {e.type for e in entities} == {"person", "place", "organisation", "outlet"}
    True
    >>> [e.name_en for e in entities if e.id == "isis"]
    ['Islamic State']

    Raises:
        ValueError: if the bundled gazetteer is malformed (a broken install).
    """
    try:
        return Gazetteer.from_data(json.loads(read_text("gazetteer.json")), "gazetteer.json")
    except ValueError as error:
        raise _bad_data(str(error)) from None


def resolve(entity: str, gazetteer: Gazetteer | None = None) -> Entity:
    """The entity of ``gazetteer`` (the bundled one by default) named ``entity``.

    See :meth:`Gazetteer.resolve`.

    >>> resolve("Lavrov").id, resolve("لافروف").id, resolve("SERGEY LAVROV").id
    ('lavrov', 'lavrov', 'lavrov')
    >>> resolve("الدولة الاسلامية").name_en
    'Islamic State'
    >>> resolve("الجعفري").id, resolve("Jaafari").id
    ('jaafari', 'jaafari')

    Raises:
        TypeError: if ``entity`` is not a str, or ``gazetteer`` not a Gazetteer.
        KeyError: if no entity has that name; the message says how to add one.
    """
    return resolve_gazetteer(gazetteer).resolve(entity)


def resolve_gazetteer(value: object) -> Gazetteer:
    """``value`` as a Gazetteer (None: the bundled one), or a TypeError."""
    if value is None:
        return gazetteer()
    return check_instance(
        value, Gazetteer, "gazetteer=...", "make one with arnews.gazetteer().extend([...])"
    )


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


def entity_hits(
    index: SearchIndex,
    entity: Entity,
    source: ArticleSource | None = None,
    *,
    fields: Sequence[str] = DEFAULT_FIELDS,
) -> Hits:
    """Every mention of one entity in an index, as search hits in text order.

    All the entity's aliases are searched (each literally, as one word or
    phrase) in ``fields``, as search does; where two of them overlap the
    longer wins, so ``سيرغي لافروف`` is one hit, not two.  ``source`` is kept
    for display, as by search.  (:meth:`arnews.Corpus.mentions` keeps the
    answer per entity and fields.)

    >>> import arnews
    >>> hits = entity_hits(MemoryIndex(arnews.load()), resolve("Lavrov"))
    >>> [h.text for h in hits if h.article_id.startswith("003")]
    ['سيرغي لافروف', 'لافروف']
    """
    kinds = field_kinds(fields, "mentions()")
    hits = [
        hit
        for alias in entity.aliases
        if (words := normalize_words(alias))
        for hit in find(index, words, kinds=kinds)
    ]
    order = {article_id: i for i, article_id in enumerate(index.ids)}
    return Hits.of(sorted(_longest(hits), key=lambda h: _sort_key(h, order)), source)


def all_mentions(
    index: SearchIndex,
    hits_of: Callable[[Entity], Sequence[Hit]],
    entities: Iterable[Entity] | None = None,
) -> tuple[Mention, ...]:
    """Every mention of the gazetteer's entities in an index, by article, then in text order.

    ``hits_of(entity)`` gives an entity's hits (:func:`entity_hits`, or a
    corpus's kept answers); ``entities`` is the gazetteer (the bundled one by
    default).  Text order is title, paragraphs, captions, then position; a
    longer mention comes before a shorter one nested in it.  Each entity's
    aliases are searched once over the whole index, so the cost grows with
    the corpus, not with corpus size times gazetteer size.

    >>> import arnews
    >>> index = MemoryIndex(arnews.load())
    >>> found = all_mentions(index, lambda e: entity_hits(index, e))
    >>> sorted({m.entity_type for m in found})
    ['organisation', 'outlet', 'person', 'place']
    """
    order = {article_id: i for i, article_id in enumerate(index.ids)}
    chosen = gazetteer() if entities is None else entities
    found = [(hit, entity) for entity in chosen for hit in hits_of(entity)]
    found.sort(key=lambda pair: _sort_key(pair[0], order))
    return tuple(Mention(entity=entity, hit=hit) for hit, entity in found)


@functools.lru_cache(maxsize=256)
def article_mentions(
    article: ArticleBase, entities: Gazetteer | None = None
) -> tuple[Mention, ...]:
    """Every mention of a gazetteer's entities in one article, in text order.

    See :func:`all_mentions`.  Each call indexes the article on its own (recent
    answers are kept); for many articles, the mentions of their corpus are much
    faster (one index).

    >>> import arnews
    >>> found = article_mentions(arnews.load().get("004_27df001b210ff69a"))
    >>> [m.text for m in found if m.entity_id == "morgulov"]
    ['إيليا مورغولوف', 'مورغونوف']
    """
    chosen = resolve_gazetteer(entities)
    index = MemoryIndex((article,))
    return all_mentions(index, lambda entity: entity_hits(index, entity), chosen)
