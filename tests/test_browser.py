"""The HTML reprs in a real browser: computed direction, alignment and visible marks.

Each test puts one ``_repr_html_`` output on a page and asks headless Chromium
(Debian's ``/usr/bin/chromium``, driven by playwright) what a reader would see:
the computed ``direction`` and ``text-align`` of each block, where the text of
a line actually sits, the order of concordance cells on screen, and whether
every ``<mark>`` has a size, a background and is the topmost element at its
centre.  Every page is shown twice: plainly, and inside a container styled
with JupyterLab's own rules for HTML outputs (``JUPYTERLAB_CSS`` below),
which is where the reprs are read in practice (nbconvert's lab template
bundles the same stylesheet).

A screenshot of every page is written to ``$ARNEWS_ARTIFACTS`` (a kept
folder, for CI) or else to a fresh temporary folder.  The pages are set with
``page.set_content`` and every request is refused, so nothing touches the
network.

The test is skipped when playwright or the browser is absent, saying which;
with ``ARNEWS_REQUIRE_BROWSER=1`` (CI sets it) an absent browser is a failure.
Set ``ARNEWS_BROWSER`` to use a browser at another path.
"""

from __future__ import annotations

import gc
import importlib.util
import os
import pathlib
import tempfile
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, Final

import pytest

import arnews

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Page

BROWSER: Final = os.environ.get("ARNEWS_BROWSER", "/usr/bin/chromium")

#: Chromium flags for a headless run as root with no network and no first-run work.
#: playwright adds ``--headless`` itself (``headless=True``) and the fresh
#: ``--user-data-dir`` (``launch_persistent_context`` on a new temporary folder).
CHROMIUM_ARGS: Final = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND",
)

# JupyterLab's rules for rendered HTML outputs, restated from
# jupyterlab/jupyterlab, packages/rendermime/style/base.css (section
# "RenderedHTML"), with its CSS variables replaced by plain values:
#   .jp-RenderedHTMLCommon p                 -> text-align: left; margin: 0 0 1em
#   :not(.jp-RenderedMarkdown).jp-RenderedHTMLCommon td, th, tr -> text-align: right
#   .jp-RenderedHTMLCommon table             -> border-collapse: collapse; table-layout: fixed;
#                                               margin-left/right: auto
#   .jp-RenderedHTMLCommon td, th, tr        -> padding: 0.5em; white-space: normal
# The first is the rule that beats dir="rtl" on a container: an RTL block's
# paragraphs then sit on the left unless they set their own alignment.
JUPYTERLAB_CSS: Final = """
.jp-RenderedHTMLCommon { font-size: 14px; line-height: 1.6; padding-right: 20px; }
.jp-RenderedHTMLCommon p { text-align: left; margin: 0; margin-bottom: 1em; }
.jp-RenderedHTMLCommon table {
  border-collapse: collapse; border-spacing: 0; border: none; table-layout: fixed;
  margin-left: auto; margin-right: auto; margin-bottom: 1em;
}
.jp-RenderedHTMLCommon td, .jp-RenderedHTMLCommon th, .jp-RenderedHTMLCommon tr {
  vertical-align: middle; padding: 0.5em; line-height: normal; white-space: normal;
  max-width: none; border: none;
}
:not(.jp-RenderedMarkdown).jp-RenderedHTMLCommon td,
:not(.jp-RenderedMarkdown).jp-RenderedHTMLCommon th,
:not(.jp-RenderedMarkdown).jp-RenderedHTMLCommon tr { text-align: right; }
.jp-RenderedHTMLCommon th { font-weight: bold; }
"""

#: An article whose title and second block begin with an Arabic word but hold more
#: Latin letters (a product name) than Arabic ones, and whose third block is a long
#: Arabic sentence holding the same name.  (The parser makes the second block a
#: caption; the tests find blocks by their text, whatever element holds them.)
MIXED_TITLE: Final = "هواوي تطلق Huawei Mate 9 Porsche Design"
MIXED_SHORT: Final = "أطلقت هواوي Huawei Mate 9 Porsche Design."
MIXED_LONG: Final = (
    "أطلقت شركة هواوي الصينية أمس هاتفها الجديد Huawei Mate 9 Porsche Design في دبي."
)
MIXED_TEXT: Final = f"{MIXED_TITLE}\n\n{MIXED_SHORT}\n\n{MIXED_LONG}\n"

STYLES: Final = ("plain", "jupyterlab")

#: ``show(body, style)`` puts ``body`` on a new page and returns the page.
Show = Callable[[str, str], "Page"]

# -- pages -------------------------------------------------------------------


def page_html(body: str, style: str) -> str:
    """A whole page holding ``body`` as JupyterLab's output area would, or plainly."""
    if style == "plain":
        return f'<!doctype html><html><head><meta charset="utf-8"></head><body>{body}</body></html>'
    return (
        '<!doctype html><html lang="en" dir="ltr"><head><meta charset="utf-8">'
        f"<style>{JUPYTERLAB_CSS}</style></head><body>"
        '<div class="jp-OutputArea-output jp-RenderedHTMLCommon jp-RenderedHTML"'
        f' data-mime-type="text/html">{body}</div></body></html>'
    )


def _absent() -> str | None:
    """Why the browser test cannot run here, or None when it can."""
    if importlib.util.find_spec("playwright") is None:
        return "playwright is not installed (pip install 'arnews[test]')"
    if not os.access(BROWSER, os.X_OK):
        return f"no browser at {BROWSER} (apt-get install chromium, or set ARNEWS_BROWSER)"
    return None


@pytest.fixture(scope="module")
def artifacts() -> pathlib.Path:
    """The folder screenshots go to: $ARNEWS_ARTIFACTS or a new temporary folder."""
    kept = os.environ.get("ARNEWS_ARTIFACTS")
    folder = (
        pathlib.Path(kept) if kept else pathlib.Path(tempfile.mkdtemp(prefix="arnews-browser-"))
    )
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def browser() -> Iterator[BrowserContext]:
    """One headless Chromium for the module, with a fresh profile and no network."""
    reason = _absent()
    if reason is not None:
        if os.environ.get("ARNEWS_REQUIRE_BROWSER") == "1":
            pytest.fail(f"ARNEWS_REQUIRE_BROWSER=1 but {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with (
        tempfile.TemporaryDirectory(prefix="arnews-chromium-") as profile,
        sync_playwright() as driver,
    ):
        context = driver.chromium.launch_persistent_context(
            profile,
            executable_path=BROWSER,
            headless=True,
            args=list(CHROMIUM_ARGS),
            viewport={"width": 1000, "height": 800},
            offline=True,
        )
        context.route("**/*", lambda route: route.abort())
        try:
            yield context
        finally:
            context.close()


@pytest.fixture
def show(
    browser: BrowserContext, artifacts: pathlib.Path, request: pytest.FixtureRequest
) -> Iterator[Show]:
    """``show(body, style)``: a page holding ``body``, screenshot kept under ``artifacts``."""
    pages: list[Page] = []

    def _show(body: str, style: str) -> Page:
        page = browser.new_page()
        pages.append(page)
        page.set_content(page_html(body, style))
        name = "".join(c if c.isalnum() or c in "-_" else "-" for c in request.node.name).strip("-")
        page.screenshot(path=str(artifacts / f"{name}-{len(pages)}.png"), full_page=True)
        return page

    yield _show
    for page in pages:
        page.close()


# -- what the browser computed ---------------------------------------------------

#: The computed direction, the alignment resolved to left/right/center/justify, and
#: which side of its content box the element's text actually sits nearer (for text
#: that fits on one line).
_LAYOUT_JS: Final = """(el) => {
  const s = getComputedStyle(el);
  let align = s.textAlign;
  if (align === 'start') align = s.direction === 'rtl' ? 'right' : 'left';
  else if (align === 'end') align = s.direction === 'rtl' ? 'left' : 'right';
  else if (align.startsWith('-webkit-')) align = align.slice(8);
  const range = document.createRange();
  range.selectNodeContents(el);
  const ink = range.getBoundingClientRect();
  const box = el.getBoundingClientRect();
  const gapLeft = ink.left - box.left - parseFloat(s.paddingLeft);
  const gapRight = box.right - parseFloat(s.paddingRight) - ink.right;
  return {direction: s.direction, align: align,
          side: Math.abs(gapLeft - gapRight) < 2 ? 'both' : (gapRight < gapLeft ? 'right' : 'left'),
          text: el.textContent};
}"""

#: Whether a <mark> can be seen: size, visibility, a background unlike the page's,
#: inside its cell or block, and the topmost element at its centre.
_MARK_JS: Final = """(m) => {
  m.scrollIntoView({block: 'center', inline: 'center'});
  const r = m.getBoundingClientRect();
  const s = getComputedStyle(m);
  const holder = m.closest('td, p, h3, h4, figcaption, li') || m.parentElement;
  const h = holder.getBoundingClientRect();
  const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return {width: r.width, height: r.height, visibility: s.visibility, opacity: s.opacity,
          background: s.backgroundColor, color: s.color, text: m.textContent,
          inside: r.left >= h.left - 1 && r.right <= h.right + 1
                  && r.top >= h.top - 1 && r.bottom <= h.bottom + 1,
          topmost: top !== null && (top === m || m.contains(top))};
}"""


def layouts(page: Page, selector: str) -> list[dict[str, Any]]:
    """The layout facts (``_LAYOUT_JS``) of every element matching ``selector``."""
    elements = page.query_selector_all(selector)
    assert elements, f"nothing matches {selector!r} on the page"
    return [element.evaluate(_LAYOUT_JS) for element in elements]


def assert_marks_visible(page: Page, expected: int | None = None) -> None:
    """Every <mark> on the page is visible, inside its block, and not covered."""
    marks = page.query_selector_all("mark")
    assert marks, "no <mark> on the page"
    if expected is not None:
        assert len(marks) == expected
    for mark in marks:
        facts = mark.evaluate(_MARK_JS)
        assert facts["width"] > 0
        assert facts["height"] > 0, facts
        assert facts["visibility"] == "visible", facts
        assert float(facts["opacity"]) > 0.5, facts
        assert facts["background"] not in ("rgba(0, 0, 0, 0)", "transparent"), facts
        assert facts["background"] != facts["color"], facts
        assert facts["text"].strip(), facts
        assert facts["inside"], facts
        assert facts["topmost"], facts


def assert_reads_rtl(facts: dict[str, Any]) -> None:
    """An Arabic block: right-to-left and right-aligned."""
    assert facts["direction"] == "rtl", facts
    assert facts["align"] == "right", facts


@pytest.fixture(scope="module")
def corpus() -> arnews.Corpus:
    return arnews.load()


@pytest.fixture(scope="module")
def mixed() -> arnews.Corpus:
    return arnews.Corpus([arnews.parse(MIXED_TEXT, id="mixed")])


# -- articles ----------------------------------------------------------------


@pytest.mark.parametrize("style", STYLES)
def test_article_paragraphs_read_right_to_left_and_sit_right(
    show: Show, corpus: arnews.Corpus, style: str
) -> None:
    article = corpus.get("000_e0e2311573730f34")
    assert article is not None
    page = show(article._repr_html_(), style)
    paragraphs = layouts(page, ".arnews-article p")
    assert len(paragraphs) >= len(article.paragraphs)
    for facts in paragraphs:
        assert_reads_rtl(facts)
    assert_reads_rtl(layouts(page, ".arnews-article h3")[0])


@pytest.mark.parametrize("style", STYLES)
def test_a_short_arabic_paragraph_is_drawn_at_the_right_edge(show: Show, style: str) -> None:
    article = arnews.parse("عنوان قصير\n\nنص قصير.\n\nسطر آخر.\n", id="short")
    page = show(article._repr_html_(), style)
    for facts in layouts(page, ".arnews-article p:not(.arnews-meta)"):
        assert facts["side"] == "right", facts


def block(page: Page, text: str) -> dict[str, Any]:
    """The layout facts of the one block of an article whose text is ``text``."""
    found = [
        facts
        for facts in layouts(page, ".arnews-article :is(h3, p, figcaption)")
        if facts["text"] == text
    ]
    assert len(found) == 1, f"{len(found)} blocks hold {text!r}"
    return found[0]


@pytest.mark.parametrize("style", STYLES)
def test_a_title_with_a_latin_product_name_reads_right_to_left(
    show: Show, mixed: arnews.Corpus, style: str
) -> None:
    page = show(mixed[0]._repr_html_(), style)
    assert_reads_rtl(block(page, MIXED_TITLE))


@pytest.mark.parametrize("style", STYLES)
def test_a_line_led_by_an_arabic_word_reads_right_to_left(
    show: Show, mixed: arnews.Corpus, style: str
) -> None:
    page = show(mixed[0]._repr_html_(), style)
    facts = block(page, MIXED_SHORT)
    assert_reads_rtl(facts)
    assert facts["side"] == "right", facts


@pytest.mark.parametrize("style", STYLES)
def test_a_long_arabic_sentence_with_a_latin_name_reads_right_to_left(
    show: Show, mixed: arnews.Corpus, style: str
) -> None:
    page = show(mixed[0]._repr_html_(), style)
    assert_reads_rtl(block(page, MIXED_LONG))


@pytest.mark.parametrize("style", STYLES)
def test_an_english_caption_reads_left_to_right(
    show: Show, corpus: arnews.Corpus, style: str
) -> None:
    article = corpus.get("003_525ecddc6b3f777e")
    assert article is not None
    assert article.captions[0].lang == "en"
    page = show(article._repr_html_(), style)
    caption = layouts(page, "figcaption")[0]
    assert caption["text"].startswith("Russian President Vladimir Putin")
    assert caption["direction"] == "ltr", caption
    assert caption["align"] == "left", caption


@pytest.mark.parametrize("style", STYLES)
def test_marks_in_an_article_are_visible(show: Show, corpus: arnews.Corpus, style: str) -> None:
    article = corpus.get("003_525ecddc6b3f777e")
    assert article is not None
    hits = corpus.search("لافروف")
    ours = [h for h in hits if h.article_id == article.id]
    # An article shown with its hits marked (the display function the reprs use).
    from arnews._display import article_html

    page = show(article_html(article, ours), style)
    assert_marks_visible(page, expected=len(ours))


# -- corpus table ------------------------------------------------------------------


@pytest.mark.parametrize("style", STYLES)
def test_corpus_table_titles_read_right_to_left(
    show: Show, corpus: arnews.Corpus, style: str
) -> None:
    page = show(corpus._repr_html_(), style)
    rows = page.query_selector_all("table tbody tr")
    assert len(rows) == len(corpus)
    titles = [row.query_selector_all("td")[-1].evaluate(_LAYOUT_JS) for row in rows]
    assert [t["text"] for t in titles] == [a.title for a in corpus]
    for facts in titles:
        assert_reads_rtl(facts)


# -- hits ----------------------------------------------------------------------


@pytest.mark.parametrize("style", STYLES)
def test_hits_show_visible_marks_in_right_to_left_context(
    show: Show, corpus: arnews.Corpus, style: str
) -> None:
    hits = corpus.search("لافروف")
    page = show(hits._repr_html_(), style)
    assert_marks_visible(page, expected=len(hits))
    for mark in page.query_selector_all("mark"):
        cell = mark.evaluate_handle("(m) => m.closest('td')").as_element()
        assert cell is not None
        facts = cell.evaluate(_LAYOUT_JS)
        assert facts["direction"] == "rtl", facts
        # the cell shows the words around the match, not the match alone
        assert len(facts["text"]) > len(mark.text_content() or "") + 10, facts


@pytest.mark.parametrize("style", STYLES)
def test_hits_from_a_chained_call_keep_their_context(style: str, show: Show) -> None:
    hits = arnews.load().filter(outlet="الجزيرة نت").search("لافروف")
    gc.collect()
    page = show(hits._repr_html_(), style)
    for mark in page.query_selector_all("mark"):
        cell = mark.evaluate_handle("(m) => m.closest('td')").as_element()
        assert cell is not None
        assert len(cell.text_content() or "") > len(mark.text_content() or "") + 10


# -- concordance -----------------------------------------------------------------


def cell_centres(page: Page) -> list[list[dict[str, Any]]]:
    """For each concordance row: the text and horizontal centre of each of its cells."""
    return list(
        page.evaluate(
            """() => [...document.querySelectorAll('table tbody tr')].map(tr =>
                 [...tr.querySelectorAll('td')].map(td => {
                   const r = td.getBoundingClientRect();
                   return {text: td.textContent, x: r.left + r.width / 2,
                           mark: td.querySelector('mark') !== null};
                 }))"""
        )
    )


def assert_context_order(row: list[dict[str, Any]], line: Any, rtl: bool) -> None:
    """On screen, the preceding context is before the match in reading order, the rest after."""
    by_text = {cell["text"]: cell for cell in row}
    match = next(cell for cell in row if cell["mark"])
    assert match["text"] == line.match
    left, right = by_text[line.left], by_text[line.right]
    if rtl:  # reading right to left: what comes before the match is to its right
        assert left["x"] > match["x"] > right["x"], row
    else:
        assert left["x"] < match["x"] < right["x"], row


@pytest.mark.parametrize("style", STYLES)
def test_arabic_concordance_lines_read_towards_the_match(
    show: Show, corpus: arnews.Corpus, style: str
) -> None:
    lines = corpus.concordance("لافروف", width=30)
    page = show(lines._repr_html_(), style)
    assert_marks_visible(page, expected=len(lines))
    rows = cell_centres(page)
    assert len(rows) == len(lines)
    for row, line in zip(rows, lines, strict=True):
        assert_context_order(row, line, rtl=True)


@pytest.mark.parametrize("style", STYLES)
def test_english_concordance_lines_read_left_to_right(
    show: Show, corpus: arnews.Corpus, style: str
) -> None:
    lines = corpus.concordance("Putin", width=20)
    assert lines
    page = show(lines._repr_html_(), style)
    assert_marks_visible(page, expected=len(lines))
    for row, line in zip(cell_centres(page), lines, strict=True):
        assert_context_order(row, line, rtl=False)


@pytest.mark.parametrize("style", STYLES)
def test_a_concordance_line_in_a_mixed_sentence_is_not_swapped(
    show: Show, mixed: arnews.Corpus, style: str
) -> None:
    lines = mixed.concordance("هواوي", width=40)
    rows = cell_centres(show(lines._repr_html_(), style))
    assert len(rows) == len(lines) == 3
    # Each line's field begins with an Arabic word, so each reads right to left; the
    # one in MIXED_SHORT has more Latin letters than Arabic ones around the match.
    assert sorted(line.left for line in lines) == ["", "أطلقت ", "أطلقت شركة "]
    for row, line in zip(rows, lines, strict=True):
        assert_context_order(row, line, rtl=True)


#: Where the first and the last letter or digit of a caption's first text are drawn.
_CAPTION_ORDER_JS: Final = """(cap) => {
  const node = [...cap.childNodes].find(n => n.nodeType === 3 && n.data.trim());
  const text = node.data;
  const first = text.search(/[A-Za-z0-9]/);
  let last = text.length - 1;
  while (last > first && !/[A-Za-z0-9]/.test(text[last])) last--;
  const rect = (i) => { const r = document.createRange(); r.setStart(node, i);
                        r.setEnd(node, i + 1); return r.getBoundingClientRect(); };
  return {text: text, first: rect(first).left, last: rect(last).left};
}"""


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("kind", ["corpus", "hits", "concordance"])
def test_table_captions_read_in_their_own_order(
    show: Show, corpus: arnews.Corpus, kind: str, style: str
) -> None:
    reprs: dict[str, Callable[[], str]] = {
        "corpus": corpus._repr_html_,
        "hits": corpus.search("لافروف")._repr_html_,
        "concordance": corpus.concordance("لافروف")._repr_html_,
    }
    page = show(reprs[kind](), style)
    caption = page.query_selector("table caption")
    assert caption is not None
    facts = caption.evaluate(_CAPTION_ORDER_JS)
    # An English caption reads from left to right: its first letter or digit is drawn
    # left of its last one ("5 line(s)", not "line(s) 5").
    assert facts["first"] < facts["last"], facts
