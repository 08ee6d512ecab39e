"""Tests for arnews._entities: the gazetteer, resolve, mentions and article entities."""

from __future__ import annotations

import itertools
import json
import re
from importlib import resources
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import arnews
from arnews import Hit
from arnews._entities import (
    ENTITY_TYPES,
    Entity,
    Mention,
    entity_hits,
    gazetteer,
    resolve,
)
from arnews._index import MemoryIndex
from arnews._model import FIELD_NAMES, field_text
from arnews._resources import read_text, seed_names

A000, A001, A002, A003, A004 = (
    "000_e0e2311573730f34",
    "001_4f119960287c4d94",
    "002_c10afc3176e03f42",
    "003_525ecddc6b3f777e",
    "004_27df001b210ff69a",
)
RAW = "\n".join(read_text(name) for name in seed_names())


def texts_in(hits: tuple[Hit, ...], article_id: str) -> list[str]:
    return [h.text for h in hits if h.article_id == article_id]


# -- the gazetteer -------------------------------------------------------------------


def test_gazetteer_shape() -> None:
    entities = gazetteer()
    assert entities is gazetteer()  # cached
    assert all(isinstance(e, Entity) for e in entities)
    ids = [e.id for e in entities]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", i) for i in ids)
    assert {e.type for e in entities} == set(ENTITY_TYPES)
    for e in entities:
        assert isinstance(e.aliases, tuple)
        assert e.name_ar
        assert e.name_en
        assert len(set(e.aliases)) == len(e.aliases), e.id


def test_every_alias_occurs_as_whole_words() -> None:
    # Whole words, optionally behind a proclitic: "Russia" must not count
    # because "Russian" occurs, nor داعش because of a longer word.
    for entity in gazetteer():
        for alias in entity.aliases:
            pattern = rf"(?<![^\W\d_])(?:[وف]?[بلك]?){re.escape(alias)}(?![^\W\d_])"
            assert re.search(pattern, RAW), (entity.id, alias)


def test_entities_with_no_mention_say_where_their_names_are() -> None:
    # Related-story teasers, source lines, credits and datelines are not
    # searched; an entity named only there must say so, and only such an one.
    corpus = arnews.load()
    silent = {e.id for e in gazetteer() if e.aliases and not corpus.mentions(e.id)}
    noted = {e.id for e in gazetteer() if e.note and "search does not cover" in e.note}
    assert silent == noted
    # From 002's related-story teasers: "قال وزير الخارجية السوري وليد المعلم ...".
    assert {"moallem", "ryder", "bloomberg", "reuters", "al_journal_news"} <= silent


def test_entity_without_aliases_explains_why() -> None:
    silent = [e for e in gazetteer() if not e.aliases]
    assert {e.id for e in silent} >= {"epa", "al_ittihad"}
    assert all(e.note for e in silent)


def test_gazetteer_file_is_the_source() -> None:
    data = json.loads(read_text("gazetteer.json"))
    assert [item["id"] for item in data["entities"]] == [e.id for e in gazetteer()]


def test_expected_entities_and_variants() -> None:
    by_id = {e.id: e for e in gazetteer()}
    assert {"داعش", "تنظيم الدولة", "الدولة الإسلامية", "الدولة الاسلامية", "تنظيم داعش"} <= set(
        by_id["isis"].aliases
    )
    assert {"لافروف", "سيرغي لافروف", "سيرجي لافروف"} <= set(by_id["lavrov"].aliases)
    assert {"مورغولوف", "مورغونوف", "إيليا مورغولوف"} <= set(by_id["morgulov"].aliases)
    assert {"بوتين", "فلاديمير بوتين"} <= set(by_id["putin"].aliases)
    expected_types = {
        "putin": "person",
        "kerry": "person",
        "baghdad": "place",
        "mosul": "place",
        "fallujah": "place",
        "isis": "organisation",
        "kremlin": "organisation",
        "popular_mobilization": "organisation",
        "al_jazeera": "outlet",
        "izvestia": "outlet",
        "sputnik": "outlet",
        "interfax": "outlet",
    }
    assert {i: by_id[i].type for i in expected_types} == expected_types


# -- resolve ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["lavrov", "Lavrov", "LAVROV", "Sergey Lavrov", " sergey   lavrov ", "لافروف", "سيرجي لافروف"],
)
def test_resolve_lavrov(name: str) -> None:
    assert resolve(name).id == "lavrov"


def test_resolve_through_search_normalization() -> None:
    # Alef with hamza below and plain alef, alef maksura and yeh, harakat.
    assert resolve("الدولة الاسلامية").id == "isis"
    assert resolve("الدولة الإسلاميّة").id == "isis"
    assert resolve("سيرجى لافروف").id == "lavrov"
    assert resolve("مورغونوف").id == "morgulov"
    assert resolve("الخليج الجديد").id == "al_khaleej_al_jadeed"  # name_ar without aliases


def test_resolve_every_alias_to_its_entity() -> None:
    for entity in gazetteer():
        for name in (entity.id, entity.name_en, entity.name_ar, *entity.aliases):
            assert resolve(name) is entity, (entity.id, name)


def test_resolve_unknown() -> None:
    with pytest.raises(KeyError, match="lavrov") as info:
        resolve("lavrof")
    assert "did you mean" in str(info.value)
    assert "arnews.gazetteer()" in str(info.value)  # how to list them all
    with pytest.raises(KeyError, match=r"arnews\.gazetteer\(\)"):
        resolve("zzzzzzzz")
    with pytest.raises(KeyError, match="no entity"):
        resolve("")
    with pytest.raises(KeyError, match=r"no entity 'Gorbachev'.*arnews\.gazetteer\(\)"):
        arnews.load().mentions("Gorbachev")
    with pytest.raises(TypeError, match="entity names are str"):
        arnews.load().mentions(None)  # type: ignore[arg-type]


def test_resolve_type() -> None:
    with pytest.raises(TypeError, match="str"):
        resolve(42)  # type: ignore[arg-type]


# -- mentions ---------------------------------------------------------------------------


def test_lavrov_mentions() -> None:
    hits = arnews.load().mentions("Lavrov")
    # 003: body paragraph, then the caption (kept once though the page repeats it).
    assert texts_in(hits, A003) == ["سيرغي لافروف", "لافروف"]
    # 004: three mentions, two spellings of the first name.
    assert texts_in(hits, A004) == ["سيرجي لافروف", "لافروف", "سيرغي لافروف"]
    assert {h.article_id for h in hits} == {A003, A004}


def test_same_entity_same_hits() -> None:
    corpus = arnews.load()
    expected = corpus.mentions("lavrov")
    for name in ("لافروف", "سيرجي لافروف", "سيرغي لافروف", "Sergey Lavrov"):
        assert corpus.mentions(name) == expected
    assert entity_hits(MemoryIndex(corpus), resolve("lavrov")) == expected


def test_isis_mentions() -> None:
    hits = arnews.load().mentions("isis")
    # 000 names it twice, in guillemets: «الدولة الإسلامية».
    assert texts_in(hits, A000) == ["الدولة الإسلامية", "الدولة الإسلامية"]
    assert {"داعش", "تنظيم داعش"} <= set(texts_in(hits, A001))
    assert {"داعش", "تنظيم داعش"} <= set(texts_in(hits, A004))
    assert {"تنظيم الدولة الإسلامية", "تنظيم الدولة"} <= set(texts_in(hits, A002))
    in_003 = texts_in(hits, A003)
    assert {"تنظيم الدولة الإسلامية", "تنظيم الدولة الاسلامية", "تنظيم الدولة"} <= set(in_003)
    # In 002 and 003 الدولة الإسلامية always follows تنظيم: never a hit of its own.
    assert "الدولة الإسلامية" not in texts_in(hits, A002) + in_003
    # 003: title, 14 times in paragraphs, once in the Lavrov caption.
    assert len(in_003) == 16


def test_ambassador_mentions() -> None:
    hits = arnews.load().mentions("مورغونوف")
    assert texts_in(hits, A004) == ["إيليا مورغولوف", "مورغونوف"]
    assert hits == arnews.load().mentions("morgulov")


def test_mentions_see_through_clitics() -> None:
    hits = arnews.load().mentions("Baghdad")
    assert "وبغداد" in texts_in(hits, A000)  # the title of 000
    assert "ببغداد" in texts_in(hits, A002)  # the title of 002
    putin = arnews.load().mentions("putin")
    assert "وبوتين" in texts_in(putin, A003)  # the caption أوباما وبوتين


def test_mentions_are_cached_per_corpus() -> None:
    corpus = arnews.load()
    assert corpus.mentions("isis") is corpus.mentions("داعش")


def test_mentions_do_not_overlap_and_are_sorted() -> None:
    corpus = arnews.load()
    for entity in gazetteer():
        hits = corpus.mentions(entity.id)
        keys = [
            (
                corpus.ids.index(h.article_id),
                FIELD_NAMES.index(h.field),
                h.index,
                h.start,
            )
            for h in hits
        ]
        assert keys == sorted(keys), entity.id
        for a, b in itertools.pairwise(hits):
            if (a.article_id, a.field, a.index) == (b.article_id, b.field, b.index):
                assert a.end <= b.start, (entity.id, a, b)


def test_every_hit_slices_its_field() -> None:
    corpus = arnews.load()
    for entity in gazetteer():
        for hit in corpus.mentions(entity.id):
            article = corpus.get(hit.article_id)
            assert article is not None
            assert field_text(article, hit.field, hit.index)[hit.start : hit.end] == hit.text
            assert hit.start <= hit.stem_start < hit.stem_end <= hit.end


def test_mentions_in_a_user_corpus() -> None:
    article = arnews.parse("لافروف في بغداد\n\nوقال سيرغي لافروف إن داعش لا بغداد.\n", id="u")
    corpus = arnews.Corpus([article])
    assert [h.text for h in corpus.mentions("lavrov")] == ["لافروف", "سيرغي لافروف"]
    assert [(h.field, h.start) for h in corpus.mentions("baghdad")] == [
        ("title", 10),
        ("paragraph", 29),
    ]
    assert corpus.mentions("kerry") == ()


# -- article entities ------------------------------------------------------------------


def test_article_entities_of_003() -> None:
    article = arnews.load().get(A003)
    assert article is not None
    found = article.entities()
    assert all(isinstance(m, Mention) for m in found)
    # From the text of 003, Arabic names only.
    assert {m.entity_id for m in found} >= {
        "russia", "usa", "isis", "kremlin", "washington", "baghdad", "baghdad_centre", "coalition",
        "iraq", "putin", "obama", "assad", "lavrov", "iraqi_army", "iran", "syria", "tehran",
        "hashimi", "al_jazeera", "iraqi_government", "airwars",
    }  # fmt: skip
    assert [(m.entity_id, m.text) for m in found[:3]] == [
        ("russia", "روسيا"),
        ("usa", "أميركا"),
        ("isis", "تنظيم الدولة"),
    ]
    assert {"kerry", "morgulov", "mosul"}.isdisjoint({m.entity_id for m in found})


def test_article_entities_carry_the_entity() -> None:
    article = arnews.load().get(A004)
    assert article is not None
    for m in article.entities():
        entity = resolve(m.entity_id)
        assert (m.entity_type, m.name_en) == (entity.type, entity.name_en)
        assert m.article_id == A004
        assert field_text(article, m.field, m.index)[m.start : m.end] == m.text


def test_article_entities_nest_across_entities() -> None:
    article = arnews.load().get(A000)
    assert article is not None
    found = [(m.entity_id, m.text) for m in article.entities()]
    # "مركز بغداد للتنسيق" names the centre, and Baghdad inside it.
    i = found.index(("baghdad_centre", "مركز بغداد للتنسيق"))
    assert found[i + 1] == ("baghdad", "بغداد")


def test_corpus_entities_agree_with_mentions() -> None:
    corpus = arnews.load()
    everything = corpus.entities()
    assert {m.article_id for m in everything} == set(corpus.ids)
    for entity in gazetteer():
        mine = tuple(m.hit for m in everything if m.entity_id == entity.id)
        assert mine == corpus.mentions(entity.id), entity.id


# -- properties --------------------------------------------------------------------------

aliases = st.sampled_from([(e, a) for e in gazetteer() for a in e.aliases])


@settings(deadline=None, max_examples=40)
@given(aliases, st.sampled_from(["", "و", "ب", "وب", "ل"]))
def test_an_alias_in_a_new_text_is_a_mention(pair: tuple[Entity, str], clitic: str) -> None:
    entity, alias = pair
    if not re.match(r"[\u0600-\u06ff]", alias):
        clitic = ""  # clitics attach to Arabic words only
    elif clitic.endswith("ل") and alias.startswith("ال"):
        alias = alias[1:]  # ل + ال is written لل: للدولة
    text = f"قال {clitic}{alias} اليوم"
    article = arnews.Article(
        id="p", title="عنوان", date=None, time=None, date_inferred=False, outlet=None,
        sources=(), dateline=None, sections=(arnews.Section(None, (text,)),), captions=(),
        keywords=(), related=(), raw=text,
    )  # fmt: skip
    corpus = arnews.Corpus([article])
    hits = corpus.mentions(entity.id)
    assert [(h.field, h.start, h.end) for h in hits] == [
        ("paragraph", 4, 4 + len(clitic) + len(alias))
    ]
    assert hits[0].text == clitic + alias


def test_corpus_entities_equal_per_article_entities() -> None:
    corpus = arnews.load()
    assert corpus.entities() == tuple(m for a in corpus for m in a.entities())


@pytest.mark.parametrize(
    ("surname", "entity_id"),
    [
        ("الجعفري", "jaafari"),  # إبراهيم الجعفري: the texts never write the surname alone
        ("Jaafari", "jaafari"),  # English, without its "al-"
        ("al-jaafari", "jaafari"),
        ("روغاتشيف", "rogachev"),  # the alias is ايليا روغاتشيف
        ("شوج", "shoj"),
        ("Shoj", "shoj"),
    ],
)
def test_a_persons_surname_alone_resolves(surname: str, entity_id: str) -> None:
    assert resolve(surname).id == entity_id


def test_a_surname_finds_the_full_names_the_texts_use() -> None:
    hits = arnews.load().mentions("الجعفري")
    assert [(h.article_id[:3], h.text) for h in hits] == [("002", "إبراهيم الجعفري")]


@pytest.mark.parametrize("name", ["Sergei", "إيليا", "Ilya", "الإسلامية"])
def test_first_names_and_non_person_words_do_not_resolve(name: str) -> None:
    # A first name is no surname (Ilya is two people's), and only persons have surnames.
    with pytest.raises(KeyError, match="no entity"):
        resolve(name)


# -- an extensible gazetteer ------------------------------------------------------------

CORPUS = arnews.load()
TRUMP = arnews.Entity(
    id="trump",
    type="person",
    name_ar="دونالد ترامب",
    name_en="Donald Trump",
    aliases=("ترامب", "دونالد ترامب"),
)
NEWS = arnews.Corpus(
    [arnews.parse("ترامب يلتقي بوتين\n\nوقال دونالد ترامب إنه سيزور موسكو.\n", id="t1")]
)


def test_users_add_entities_and_mentions_work_on_their_corpora() -> None:
    mine = gazetteer().extend([TRUMP])
    assert isinstance(mine, arnews.Gazetteer)
    assert len(mine) == len(gazetteer()) + 1
    assert [h.text for h in NEWS.mentions("Trump", gazetteer=mine)] == ["ترامب", "دونالد ترامب"]
    assert [h.text for h in NEWS.mentions("ترامب", gazetteer=mine)] == ["ترامب", "دونالد ترامب"]
    assert [m.entity_id for m in NEWS[0].entities(gazetteer=mine)] == [
        "trump",
        "putin",
        "trump",
        "moscow",
    ]
    assert gazetteer().extend([]) == gazetteer()


def test_an_unknown_name_says_how_to_add_it() -> None:
    with pytest.raises(KeyError, match=r"add it with g = arnews\.gazetteer\(\)\.extend"):
        NEWS.mentions("Trump")


def test_the_mentions_of_two_gazetteers_are_kept_apart() -> None:
    # Same id, other aliases: the kept answer is per entity, not per id.
    other_lavrov = arnews.Entity(
        id="lavrov", type="person", name_ar="لافروف", name_en="Lavrov", aliases=("سيرغي",)
    )
    bundled = CORPUS.mentions("lavrov")
    mine = arnews.Gazetteer([other_lavrov])
    assert [h.text for h in CORPUS.mentions("lavrov", gazetteer=mine)] == ["سيرغي", "سيرغي"]
    assert CORPUS.mentions("lavrov") == bundled


def test_mentions_follow_the_fields_of_search() -> None:
    in_captions = CORPUS.mentions("Lavrov", fields="caption")
    assert {h.field for h in in_captions} == {"caption"}
    assert len(in_captions) < len(CORPUS.mentions("Lavrov"))


def test_gazetteers_from_json(tmp_path: Path) -> None:
    path = tmp_path / "g.json"
    path.write_text(
        json.dumps({"about": "mine", "entities": [attrs.asdict(TRUMP) | {"aliases": ["ترامب"]}]}),
        encoding="utf-8",
    )
    loaded = arnews.Gazetteer.from_json(path)
    assert [e.id for e in loaded] == ["trump"]
    assert loaded[0].aliases == ("ترامب",)
    # The bundled file is in the same format.
    with resources.as_file(resources.files("arnews") / "data" / "gazetteer.json") as bundled:
        assert arnews.Gazetteer.from_json(bundled) == gazetteer()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], 'expects an object with an "entities" list'),
        ({"entities": [3]}, "entry 3 is not an object"),
        (
            {"entities": [{"id": "x", "type": "city", "name_ar": "س", "name_en": "x"}]},
            "Entity.type must be one of",
        ),
        (
            {
                "entities": [
                    {"id": "x", "type": "place", "name_ar": "س", "name_en": "x", "aliases": "س"}
                ]
            },
            "'aliases' that is not a list",
        ),
        (
            {"entities": [{"id": "", "type": "place", "name_ar": "س", "name_en": "x"}]},
            "Entity.id must not be empty",
        ),
    ],
)
def test_malformed_gazetteer_data(data: object, message: str, tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape(message)):
        arnews.Gazetteer.from_json(path)
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(ValueError, match="not JSON"):
        arnews.Gazetteer.from_json(path)


def test_ids_and_names_are_unique_in_a_gazetteer() -> None:
    with pytest.raises(ValueError, match="share the id"):
        gazetteer().extend([attrs.evolve(TRUMP, id="putin", name_en="Someone", aliases=("س",))])
    with pytest.raises(ValueError, match="are both named 'بوتين'"):
        gazetteer().extend([attrs.evolve(TRUMP, aliases=("بوتين",))])
    with pytest.raises(TypeError, match=re.escape("Gazetteer() expects Entity items")):
        arnews.Gazetteer(["x"])  # type: ignore[list-item]
    with pytest.raises(TypeError, match=re.escape("gazetteer=... expects a Gazetteer")):
        CORPUS.mentions("Lavrov", gazetteer=[TRUMP])  # type: ignore[arg-type]


def test_entities_check_their_fields() -> None:
    with pytest.raises(
        TypeError, match=re.escape("Entity.aliases must be a tuple of str, got str")
    ):
        arnews.Entity(id="x", type="place", name_ar="س", name_en="x", aliases="س")
    with pytest.raises(ValueError, match=re.escape("Entity.aliases must not hold an empty string")):
        arnews.Entity(id="x", type="place", name_ar="س", name_en="x", aliases=("",))
