"""Tests for arnews._display: HTML and pretty reprs."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import arnews
from arnews import Caption, RelatedStory, Section
from arnews._display import (
    MAX_ROWS,
    article_html,
    article_pretty,
    concordance_html,
    concordance_pretty,
    corpus_html,
    corpus_pretty,
    hits_html,
    hits_pretty,
)
from arnews._model import field_text
from helpers import make_article

# Every tag the display functions may emit.
OUR_TAGS = {
    "div", "h3", "h4", "p", "small", "code", "span", "bdi", "figure", "figcaption", "mark",
    "details", "summary", "ul", "li", "b", "table", "caption", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip

EVIL = "<script>alert('x')</script> & <b>"


class Collector(HTMLParser):
    """Collects start tags, their attributes and the text content of an HTML string."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.data: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.data.append(data)


def parse_html(html: str) -> Collector:
    collector = Collector()
    collector.feed(html)
    collector.close()
    return collector


@attrs.frozen
class FakeHit:
    article_id: str
    field: str
    index: int
    start: int
    end: int
    text: str


@attrs.frozen
class FakeLine:
    left: str
    match: str
    right: str
    article_id: str
    field: str
    offset: int
    index: int = 0


#: The attributes every text block of the article HTML carries, for Arabic text.
AR_BLOCK = 'dir="rtl" lang="ar" style="text-align:start"'


class FakePrinter:
    """The part of IPython's pretty printer that _repr_pretty_ uses."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def text(self, s: str) -> None:
        self.texts.append(s)


# -- articles --------------------------------------------------------------------


def test_article_html_escapes_everything() -> None:
    article = make_article(
        title=EVIL,
        paragraphs=(EVIL,),
        captions=(Caption(EVIL, "en", EVIL),),
        id=EVIL,
        outlet=EVIL,
        sources=(EVIL,),
        dateline=EVIL,
        sections=(Section(EVIL, (EVIL,)),),
        keywords=(EVIL,),
        related=(RelatedStory(EVIL, EVIL, None, None),),
    )
    html = article_html(article)
    assert "<script" not in html
    assert "&lt;script&gt;" in html
    assert "&amp;" in html
    parsed = parse_html(html)
    assert {tag for tag, _ in parsed.tags} <= OUR_TAGS
    assert "".join(parsed.data).count(EVIL) >= 9


def test_article_html_directions() -> None:
    article = make_article(
        title="روسيا: أميركا ترفض",
        captions=(Caption("Putin and Obama", "en"), Caption("أوباما وبوتين", "ar", "الأوروبية")),
    )
    parsed = parse_html(article_html(article))
    root_tag, root_attrs = parsed.tags[0]
    assert root_tag == "div"
    assert root_attrs["dir"] == "rtl"
    assert root_attrs["lang"] == "ar"
    figcaptions = [a for tag, a in parsed.tags if tag == "figcaption"]
    assert [(a["dir"], a["lang"]) for a in figcaptions] == [("ltr", "en"), ("rtl", "ar")]


def test_article_html_shows_fields() -> None:
    article = make_article(
        date=dt.date(2015, 9, 29),
        time=dt.time(9, 10),
        date_inferred=True,
        outlet="الجزيرة نت",
        sections=(Section(None, ("أ",)), Section("مركز تدريب", ("ب",))),
    )
    html = article_html(article)
    assert "2015-09-29 (inferred)" in html
    assert "09:10" in html
    assert "الجزيرة نت" in html
    assert f"<h4 {AR_BLOCK}>مركز تدريب</h4>" in html
    assert f"<p {AR_BLOCK}>أ</p>" in html
    assert f"<p {AR_BLOCK}>ب</p>" in html


def test_article_html_marks() -> None:
    article = make_article(
        title="موسكو وبغداد", paragraphs=("في بغداد <و> بغداد",), captions=(Caption("بغداد", "ar"),)
    )
    hits = [
        FakeHit("x", "title", 0, 6, 12, "وبغداد"),
        FakeHit("x", "paragraph", 0, 3, 8, "بغداد"),
        FakeHit("x", "paragraph", 0, 13, 18, "بغداد"),
        FakeHit("x", "caption", 0, 0, 5, "بغداد"),
        FakeHit("other", "title", 0, 0, 5, "موسكو"),
    ]
    html = article_html(article, hits)
    assert f"<h3 {AR_BLOCK}>موسكو <mark>وبغداد</mark></h3>" in html
    assert f"<p {AR_BLOCK}>في <mark>بغداد</mark> &lt;و&gt; <mark>بغداد</mark></p>" in html
    assert "<mark>بغداد</mark></figcaption>" in html
    assert html.count("<mark>") == 4  # the hit of another article marks nothing


def test_overlapping_marks_merge() -> None:
    article = make_article(title="سيرغي لافروف")
    hits = [FakeHit("x", "title", 0, 0, 12, "سيرغي لافروف"), FakeHit("x", "title", 0, 6, 12, "")]
    assert f"<h3 {AR_BLOCK}><mark>سيرغي لافروف</mark></h3>" in article_html(article, hits)


def test_article_pretty() -> None:
    article = make_article(
        id="003",
        date=dt.date(2015, 9, 29),
        date_inferred=True,
        outlet="الجزيرة نت",
        paragraphs=("قال الكرملين\nإن واشنطن", "ب"),
    )
    lines = article_pretty(article).splitlines()
    assert lines[0] == "Article 003 | 2015-09-29 (inferred) | الجزيرة نت"
    assert lines[1] == "  title: عنوان"
    assert lines[2] == "  2 paragraph(s), 0 caption(s), 0 related"
    assert lines[3] == "  قال الكرملين إن واشنطن"


def test_article_repr_pretty_protocol() -> None:
    article = arnews.load()[0]
    p = FakePrinter()
    article._repr_pretty_(p, False)
    assert len(p.texts) == 1
    assert p.texts[0].startswith("Article 000_e0e2311573730f34 | 2016-10-27 | ")
    assert "موسكو وبغداد" in p.texts[0]
    p = FakePrinter()
    article._repr_pretty_(p, True)
    assert p.texts == ["Article(...)"]


def test_bundled_article_html() -> None:
    article = arnews.load().get("003_525ecddc6b3f777e")
    assert article is not None
    html = article._repr_html_()
    for heading in ("مواقف وقلق", "نفي واضطراب", "دور التحالف"):
        assert f"<h4 {AR_BLOCK}>{heading}</h4>" in html
    assert html.count(f"<p {AR_BLOCK}>") >= len(article.paragraphs)


# -- corpora -------------------------------------------------------------------


def test_corpus_html_and_pretty() -> None:
    corpus = arnews.load()
    html = corpus._repr_html_()
    assert "Corpus of 5 articles" in html
    assert html.count("<tr>") == 6  # header + 5 articles
    assert "000_e0e2311573730f34" in html
    assert "2015-09-27*" in html  # 002's date is curated, not in its text
    title_cells = [a for tag, a in parse_html(html).tags if tag == "td" and a.get("lang")]
    assert title_cells
    assert all(a["dir"] == "rtl" and a["lang"] == "ar" for a in title_cells)
    p = FakePrinter()
    corpus._repr_pretty_(p, False)
    lines = p.texts[0].splitlines()
    assert lines[0] == "Corpus of 5 articles"
    assert len(lines) == 6
    assert lines[1].startswith("  000_e0e2311573730f34  2016-10-27  صحيفة روسية")


def test_big_corpus_is_cut() -> None:
    corpus = arnews.Corpus(make_article(id=f"a{i}") for i in range(MAX_ROWS + 7))
    assert "… 7 more" in corpus_html(corpus)
    assert corpus_pretty(corpus).splitlines()[-1] == "  ... 7 more"
    assert len(corpus_pretty(corpus).splitlines()) == MAX_ROWS + 2


# -- hits and concordances ------------------------------------------------------


def test_field_text() -> None:
    article = make_article(captions=(Caption("تعليق", "ar"),))
    assert field_text(article, "title", 0) == "عنوان"
    assert field_text(article, "paragraph", 0) == "نص."
    assert field_text(article, "caption", 0) == "تعليق"
    with pytest.raises(ValueError, match="unknown field"):
        field_text(article, "keywords", 0)
    with pytest.raises(IndexError):
        field_text(article, "title", 1)


def test_hits_html_with_context() -> None:
    corpus = arnews.Corpus([make_article(paragraphs=("<أ> في بغداد & غيرها",))])
    hits = [FakeHit("x", "paragraph", 0, 7, 12, "بغداد")]
    html = hits_html(hits, corpus)
    assert "&lt;أ&gt; في <mark>بغداد</mark> &amp; غيرها" in html
    assert '<caption dir="ltr">1 hit</caption>' in html
    # Without the corpus only the match itself can be shown.
    assert "<mark>بغداد</mark></td>" in hits_html(hits)


def test_hits_html_on_bundled_search() -> None:
    corpus = arnews.load()
    html = hits_html(corpus.search("بغداد"), corpus)
    # 000's title: "صحيفة روسية: موسكو وبغداد ستتبادلان ...".
    assert "موسكو <mark>وبغداد</mark> ستتبادلان" in html


def test_hits_pretty() -> None:
    hits = [FakeHit("x", "paragraph", 2, 7, 12, "بغداد")]
    assert hits_pretty(hits) == "1 hit\n  x  paragraph[2]  7:12  بغداد"
    assert hits_pretty(hits * 2).splitlines()[0] == "2 hits"
    many = [FakeHit("x", "title", 0, 0, 1, "أ")] * (MAX_ROWS + 1)
    assert hits_pretty(many).splitlines()[-1] == "  ... 1 more"


def test_concordance_html_and_pretty() -> None:
    lines = [FakeLine("قبل <", "لافروف", "& بعد", "003", "paragraph", 4)]
    html = concordance_html(lines)
    assert "قبل &lt;" in html
    assert "<mark>لافروف</mark>" in html
    assert "&amp; بعد" in html
    parsed = parse_html(html)
    tables = [a for tag, a in parsed.tags if tag == "table"]
    assert tables[0]["dir"] == "rtl"
    # The language is stated per cell, from the cell's own text.
    cells = [a for tag, a in parsed.tags if tag == "td"]
    assert [(a.get("dir"), a.get("lang")) for a in cells[:3]] == [("rtl", "ar")] * 3
    # A header row names the columns; the caption reads left to right.
    assert [tag for tag, _ in parsed.tags].count("th") == 4
    assert '<caption dir="ltr">1 line</caption>' in html
    # Logical order: preceding context, match, following context.
    assert html.index("قبل") < html.index("لافروف") < html.index("بعد")
    assert concordance_pretty(lines) == "1 line\n  003  قبل < ⟦لافروف⟧ & بعد"


def test_concordance_pretty_markers_never_clash_with_the_text() -> None:
    lines = [FakeLine("قال «", "لافروف", "» و⟦ ⟧ و⟪", "003", "paragraph", 4)]
    shown = concordance_pretty(lines).splitlines()[1]
    # ⟦⟧ and ⟪ occur in the text, so the next pair that does not is used.
    assert shown == "  003  قال « 【لافروف】 » و⟦ ⟧ و⟪"


def test_reprs_of_real_results_escape_a_script() -> None:
    # A user's text with markup in it, through search, concordance and the reprs.
    evil = "<script>alert('بغداد')</script> قال: إن بغداد & <b>موسكو</b>"
    article = arnews.parse(f"{evil}\n\n2016-06-08\n\n{evil}\n", id="<i>x</i>")
    corpus = arnews.Corpus([article])
    hits = corpus.search("بغداد")
    assert [h.field for h in hits] == ["title", "title", "paragraph", "paragraph"]
    lines = corpus.concordance("بغداد")
    for shown in (hits, lines, corpus, article):
        html = shown._repr_html_()
        assert "<script" not in html
        assert "<b>موسكو" not in html
        assert "<i>x" not in html
        parsed = parse_html(html)
        assert {tag for tag, _ in parsed.tags} <= OUR_TAGS
        # The text starts with Latin letters ("<script>") but most of its letters are
        # Arabic: it reads left to right and is labelled Arabic.
        assert any(a.get("lang") == "ar" for _, a in parsed.tags)
        content = "".join(parsed.data)
        assert "<script>alert('بغداد')</script>" in content  # shown as text, escaped
    # the hits table and the concordance mark every match
    assert hits._repr_html_().count("<mark>بغداد</mark>") == 4
    assert lines._repr_html_().count("<mark>بغداد</mark>") == 4
    assert article_html(article, hits).count("<mark>بغداد</mark>") == 4


def test_mentions_display_like_search_results() -> None:
    corpus = arnews.load()
    html = corpus.mentions("Lavrov")._repr_html_()
    # 003: "أكد وزير الخارجية الروسي سيرغي لافروف هذا التعاون"
    assert "<mark>سيرغي لافروف</mark> هذا التعاون" in html
    assert '<caption dir="ltr">5 hits</caption>' in html


def test_repr_pretty_of_hits_and_concordances() -> None:
    corpus = arnews.load()
    hits = corpus.search("لافروف")
    lines = corpus.concordance("لافروف", width=10)
    for shown, name, first in ((hits, "Hits", "hits"), (lines, "Concordance", "lines")):
        p = FakePrinter()
        shown._repr_pretty_(p, False)
        assert p.texts[0].splitlines()[0] == f"{len(shown)} {first}"
        assert "لافروف" in p.texts[0]
        p = FakePrinter()
        shown._repr_pretty_(p, True)
        assert p.texts == [f"{name}(...)"]


# -- properties ------------------------------------------------------------------

any_text = st.text(min_size=1, max_size=40)


@settings(deadline=None)
@given(any_text, any_text)
def test_no_text_escapes_into_markup(title: str, paragraph: str) -> None:
    article = make_article(
        title=title,
        paragraphs=(paragraph,),
        captions=(Caption(title, "en", paragraph),),
        outlet=title,
        keywords=(paragraph,),
    )
    corpus = arnews.Corpus([article])
    hit = FakeHit("x", "paragraph", 0, 0, len(paragraph), paragraph)
    line = FakeLine(title, paragraph, title, "x", "paragraph", 0)
    for html, shown in (
        (article_html(article, [hit]), (title, paragraph)),
        (corpus_html(corpus), (title,)),
        (hits_html([hit], corpus), (paragraph,)),
        (concordance_html([line]), (title, paragraph)),
    ):
        parsed = parse_html(html)
        assert {tag for tag, _ in parsed.tags} <= OUR_TAGS
        content = "".join(parsed.data)
        for text in shown:
            assert text in content


@settings(deadline=None)
@given(st.text(min_size=1, max_size=40), st.data())
def test_marks_cover_exactly_the_span(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    article = make_article(title=text)
    html = article_html(article, [FakeHit("x", "title", 0, start, end, text[start:end])])
    heading = html[html.index(">", html.index("<h3")) + 1 : html.index("</h3>")]
    parsed = parse_html(f"<h3>{heading}</h3>")
    assert [tag for tag, _ in parsed.tags] == ["h3", "mark"]
    marked = heading[heading.index("<mark>") + 6 : heading.index("</mark>")]
    assert "".join(parse_html(marked).data) == text[start:end]


# -- direction and language per cell ---------------------------------------------------------


def test_english_search_results_are_not_labelled_arabic() -> None:
    # The seeds write "Putin" only in 003's English photo captions (Caption.lang == "en").
    corpus = arnews.load()
    hits = corpus.search("Putin")
    assert hits
    assert {h.field for h in hits} == {"caption"}
    html = hits._repr_html_()
    assert 'lang="ar"' not in html
    assert "<mark>Putin</mark>" in html
    context_cells = [a for tag, a in parse_html(html).tags if tag == "td" and "style" in a]
    assert len(context_cells) == len(hits)
    assert all((a["dir"], a.get("lang")) == ("ltr", "en") for a in context_cells)
    # ... while an Arabic search still is.
    arabic = corpus.search("بوتين")._repr_html_()
    assert 'dir="rtl" lang="ar"' in arabic


def test_english_concordance_lines_are_ltr_and_read_towards_the_match() -> None:
    html = arnews.load().concordance("Putin", width=10)._repr_html_()
    assert 'lang="ar"' not in html
    cells = [a for tag, a in parse_html(html).tags if tag == "td" and a.get("dir") == "ltr"]
    assert cells
    lines = [FakeLine("Leaders ", "Putin", " and Obama", "x", "caption", 8)]
    row = concordance_html(lines)
    attrs = [a for tag, a in parse_html(row).tags if tag == "td"]
    assert [a.get("dir") for a in attrs[:3]] == ["ltr"] * 3
    assert all("lang" not in a for a in attrs)  # Latin script, language not claimed
    # In the right-to-left table the first cell shows rightmost: the following context.
    assert row.index("and Obama") < row.index("Putin") < row.index("Leaders")


def test_cells_without_letters_get_dir_auto_and_direction_follows_the_first_strong_letter() -> None:
    lines = [
        FakeLine("", "2015", "", "x", "paragraph", 0),
        FakeLine("قال (", "Lavrov", ") and Putin", "x", "paragraph", 12),
        FakeLine("Leaders ", "بوتين", " قال", "x", "paragraph", 12),
    ]
    tds = [a for tag, a in parse_html(concordance_html(lines)).tags if tag == "td"]
    assert tds[0]["dir"] == "auto"
    assert "lang" not in tds[0]
    # Mostly Latin letters, but the line starts with an Arabic word: right to left, no lang.
    assert tds[4]["dir"] == "rtl"
    assert "lang" not in tds[4]
    # Mostly Arabic letters, but the first strong one is Latin: left to right, labelled Arabic.
    assert (tds[8]["dir"], tds[8]["lang"]) == ("ltr", "ar")


def test_article_html_marks_non_arabic_paragraphs_ltr() -> None:
    article = make_article(title="Leaders meet", paragraphs=("نص عربي.", "An English paragraph."))
    parsed = parse_html(article_html(article))
    h3 = [a for tag, a in parsed.tags if tag == "h3"]
    paragraphs = [a for tag, a in parsed.tags if tag == "p" and "class" not in a]
    start = "text-align:start"
    assert h3 == [{"dir": "ltr", "style": start}]
    assert paragraphs[:2] == [
        {"dir": "rtl", "lang": "ar", "style": start},
        {"dir": "ltr", "style": start},
    ]


def test_corpus_html_titles_follow_their_script() -> None:
    corpus = arnews.Corpus([make_article(title="Leaders meet in New York")])
    tds = [a for tag, a in parse_html(corpus._repr_html_()).tags if tag == "td"]
    assert {"dir": "ltr", "style": "text-align:start"} in tds
    assert 'lang="ar"' not in corpus._repr_html_()
