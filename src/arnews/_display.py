"""Notebook and terminal display: HTML (``_repr_html_``) and pretty text (``_repr_pretty_``).

HTML: every value that reaches the HTML — text, ids, field names, numbers —
is passed through :func:`html.escape`, and search hits are wrapped in
``<mark>``.  Each block states its own direction and language:

* ``dir`` comes from the block's first strong character (the rule browsers
  apply to ``dir="auto"``): an Arabic title holding a Latin product name
  (``هواوي تطلق Huawei Mate 9``) reads right to left, an English caption left
  to right, a block with no letters gets ``dir="auto"``;
* ``lang`` comes from the record where it knows it (a caption's ``lang``),
  else from the share of Arabic letters: ``lang="ar"`` when at least half the
  letters are Arabic, no claim otherwise;
* every block also sets ``text-align: start`` inline, so that a notebook's
  own rules (JupyterLab's ``.jp-RenderedHTMLCommon p {text-align: left}``)
  cannot pull a right-to-left paragraph to the left.

Terminal: the pretty functions return plain strings whose control characters
are made visible (:func:`terminal_safe`); the ``_repr_pretty_`` methods hand
them to IPython's printer with ``p.text(...)``.
"""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Iterable, Sequence
from itertools import islice
from typing import Final, Protocol

from ._model import ArticleBase, ArticleSource, Caption, field_text
from ._tokenize import ARABIC_LETTER_RE, LETTER_RE

__all__ = [
    "KEPT_BIDI_MARKS",
    "article_html",
    "article_pretty",
    "concordance_html",
    "concordance_pretty",
    "corpus_html",
    "corpus_pretty",
    "direction",
    "display_width",
    "hits_html",
    "hits_pretty",
    "markers",
    "pad",
    "terminal_safe",
]

#: How many rows a corpus, hit or concordance table shows before it says "... N more".
MAX_ROWS = 30
#: Characters of context on each side of a hit in a hits table.
CONTEXT = 40

_START: Final = 'style="text-align:start"'
_STRONG_RTL: Final = frozenset(("R", "AL"))


def direction(text: str) -> str:
    """``"rtl"``, ``"ltr"`` or ``"auto"``: the direction of ``text``'s first strong character.

    >>> direction("هواوي تطلق Huawei Mate 9"), direction("Photo: AFP"), direction("2015")
    ('rtl', 'ltr', 'auto')
    """
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind == "L":
            return "ltr"
        if kind in _STRONG_RTL:
            return "rtl"
    return "auto"


def _lang(text: str) -> str | None:
    """``"ar"`` when at least half the letters of ``text`` are Arabic, else None."""
    letters = len(LETTER_RE.findall(text))
    if letters and 2 * len(ARABIC_LETTER_RE.findall(text)) >= letters:
        return "ar"
    return None


def _attrs(text: str, lang: str | None = None, *, align: bool = True) -> str:
    """The ``dir``, ``lang`` and alignment attributes of one block of ``text``."""
    parts = [f'dir="{direction(text)}"']
    label = lang if lang is not None else _lang(text)
    if label is not None:
        parts.append(f'lang="{_e(label)}"')
    if align:
        parts.append(_START)
    return " ".join(parts)


class _HitLike(Protocol):
    """What the display needs from a search hit (``arnews.Hit``)."""

    @property
    def article_id(self) -> str: ...
    @property
    def field(self) -> str: ...
    @property
    def index(self) -> int: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...


class _LineLike(Protocol):
    """What the display needs from a concordance line (``arnews.ConcordanceLine``)."""

    @property
    def left(self) -> str: ...
    @property
    def match(self) -> str: ...
    @property
    def right(self) -> str: ...
    @property
    def article_id(self) -> str: ...
    @property
    def field(self) -> str: ...
    @property
    def offset(self) -> int: ...
    @property
    def index(self) -> int: ...


def _e(text: str) -> str:
    """Escape text for HTML content and attribute values."""
    return html.escape(text, quote=True)


def _shorten(text: str, limit: int) -> str:
    """The text cut to ``limit`` characters with an ellipsis."""
    return text if len(text) <= limit else text[: max(limit - 1, 0)] + "…"


def _one_line(text: str) -> str:
    """The text with every run of whitespace made one space (for terminal lines)."""
    return " ".join(text.split())


def _marked(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """Escaped ``text`` with each span (merged where they overlap) wrapped in ``<mark>``."""
    merged: list[list[int]] = []
    for lo, hi in sorted(spans):
        start, end = max(lo, 0), min(hi, len(text))
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out: list[str] = []
    pos = 0
    for start, end in merged:
        out.append(_e(text[pos:start]))
        out.append(f"<mark>{_e(text[start:end])}</mark>")
        pos = end
    out.append(_e(text[pos:]))
    return "".join(out)


def _more(shown: int, total: int, columns: int) -> str:
    """A table row saying how many rows were left out, or nothing."""
    if total <= shown:
        return ""
    return f'<tr><td colspan="{columns}">… {total - shown} more</td></tr>'


# -- articles ---------------------------------------------------------------


def _caption_html(caption: Caption, spans: Iterable[tuple[int, int]]) -> str:
    """One caption as a ``<figcaption>`` in its own language and direction, spans marked."""
    attrs = _attrs(caption.text, caption.lang)
    credit = f" <small>({_e(caption.credit)})</small>" if caption.credit else ""
    body = _marked(caption.text, spans)
    return f"<figure><figcaption {attrs}>{body}{credit}</figcaption></figure>"


def _meta(article: ArticleBase) -> str:
    """The article's id, date, time, outlet and sources as one line of HTML."""
    parts = [f'<code dir="ltr">{_e(article.id)}</code>']
    if article.date is not None:
        inferred = " (inferred)" if article.date_inferred else ""
        parts.append(f'<span dir="ltr">{article.date.isoformat()}{inferred}</span>')
    if article.time is not None:
        parts.append(f'<span dir="ltr">{article.time.strftime("%H:%M")}</span>')
    for name in (article.outlet, article.dateline, *article.sources):
        if name:
            parts.append(f"<bdi {_attrs(name, align=False)}>{_e(name)}</bdi>")
    return " · ".join(parts)


def article_html(article: ArticleBase, marks: Iterable[_HitLike] = ()) -> str:
    r"""The whole article as HTML, with the spans of ``marks`` (search hits) highlighted.

    >>> import arnews
    >>> a = arnews.parse("سلام <b> & وداع\n\nنص السلام.\n", id="x")
    >>> html = article_html(a)
    >>> "<b>" in html, "&lt;b&gt; &amp;" in html, 'dir="rtl" lang="ar"' in html
    (False, True, True)
    """
    spans: dict[tuple[str, int], list[tuple[int, int]]] = {}
    for hit in marks:
        if hit.article_id == article.id:
            spans.setdefault((hit.field, hit.index), []).append((hit.start, hit.end))
    out = [f'<div class="arnews-article" dir="rtl" lang="ar" {_START}>']
    title = _marked(article.title, spans.get(("title", 0), ()))
    out.append(f"<h3 {_attrs(article.title)}>{title}</h3>")
    out.append(f'<p class="arnews-meta" dir="rtl" {_START}><small>{_meta(article)}</small></p>')
    number = 0
    for section in article.sections:
        if section.heading is not None:
            out.append(f"<h4 {_attrs(section.heading)}>{_e(section.heading)}</h4>")
        for paragraph in section.paragraphs:
            marked = _marked(paragraph, spans.get(("paragraph", number), ()))
            out.append(f"<p {_attrs(paragraph)}>{marked}</p>")
            number += 1
    for i, caption in enumerate(article.captions):
        out.append(_caption_html(caption, spans.get(("caption", i), ())))
    if article.keywords:
        keywords = " · ".join(article.keywords)
        out.append(f"<p {_attrs(keywords)}><small>{_e(keywords)}</small></p>")
    if article.related:
        items = "".join(
            f"<li {_attrs(r.summary)}>{'<b>' + _e(r.title) + '</b> ' if r.title else ''}"
            f"{_e(r.summary)}</li>"
            for r in article.related
        )
        out.append(f"<details><summary>{len(article.related)} related</summary><ul>{items}</ul>")
        out.append("</details>")
    out.append("</div>")
    return "".join(out)


def article_pretty(article: ArticleBase) -> str:
    r"""A few lines for the terminal: id, date, outlet, title, counts and the lead paragraph.

    >>> import arnews
    >>> print(article_pretty(arnews.parse("عنوان\n\nنص.\n", id="x")))
    Article x
      title: عنوان
      1 paragraph(s), 0 caption(s), 0 related
      نص.
    """
    head = [f"Article {article.id}"]
    if article.date is not None:
        head.append(article.date.isoformat() + (" (inferred)" if article.date_inferred else ""))
    if article.time is not None:
        head.append(article.time.strftime("%H:%M"))
    if article.outlet:
        head.append(article.outlet)
    lines = [" | ".join(head), f"  title: {_one_line(article.title)}"]
    paragraphs = article.paragraphs
    lines.append(
        f"  {len(paragraphs)} paragraph(s), {len(article.captions)} caption(s), "
        f"{len(article.related)} related"
    )
    if paragraphs:
        lines.append("  " + _shorten(_one_line(paragraphs[0]), 200))
    return terminal_safe("\n".join(lines))


# -- corpora ----------------------------------------------------------------


def corpus_html(corpus: Sequence[ArticleBase]) -> str:
    """A table of the corpus: id, date, outlet and title of (at most 30) articles.

    >>> import arnews
    >>> html = corpus_html(arnews.load())
    >>> html.count("<tr>"), "Corpus of 5 articles" in html
    (6, True)
    """
    rows = []
    for article in islice(corpus, MAX_ROWS):
        date = "" if article.date is None else article.date.isoformat()
        if article.date_inferred and date:
            date += "*"
        rows.append(
            f'<tr><td><code dir="ltr">{_e(article.id)}</code></td>'
            f'<td dir="ltr" {_START}>{_e(date)}</td>'
            f"<td {_attrs(article.outlet or '')}>{_e(article.outlet or '')}</td>"
            f"<td {_attrs(article.title)}>{_e(_shorten(article.title, 120))}</td></tr>"
        )
    return (
        f'<table class="arnews-corpus"><caption dir="ltr">Corpus of {len(corpus)} articles'
        " (* inferred date)</caption>"
        "<thead><tr><th>id</th><th>date</th><th>outlet</th><th>title</th></tr></thead>"
        f"<tbody>{''.join(rows)}{_more(len(rows), len(corpus), 4)}</tbody></table>"
    )


def corpus_pretty(corpus: Sequence[ArticleBase]) -> str:
    """One line per article (at most 30): id, date and title.

    >>> import arnews
    >>> corpus_pretty(arnews.load()).splitlines()[0]
    'Corpus of 5 articles'
    """
    lines = [f"Corpus of {len(corpus)} articles"]
    for article in islice(corpus, MAX_ROWS):
        date = "----------" if article.date is None else article.date.isoformat()
        lines.append(f"  {article.id}  {date}  {_shorten(_one_line(article.title), 60)}")
    if len(corpus) > MAX_ROWS:
        lines.append(f"  ... {len(corpus) - MAX_ROWS} more")
    return terminal_safe("\n".join(lines))


# -- search results ----------------------------------------------------------


def _context(hit: _HitLike, source: ArticleSource | None) -> tuple[str, str]:
    """The hit in its field as escaped HTML, ``CONTEXT`` characters each side, and its attributes.

    Direction comes from the field's first strong character; the language
    from the caption's ``lang`` for a caption hit, else from the letters.
    """
    article = None if source is None else source.get(hit.article_id)
    if article is None:
        return f"<mark>{_e(hit.text)}</mark>", _attrs(hit.text)
    text = field_text(article, hit.field, hit.index)
    lang = article.captions[hit.index].lang if hit.field == "caption" else None
    lo, hi = max(hit.start - CONTEXT, 0), min(hit.end + CONTEXT, len(text))
    left = ("…" if lo > 0 else "") + text[lo : hit.start]
    right = text[hit.end : hi] + ("…" if hi < len(text) else "")
    shown = f"{_e(left)}<mark>{_e(text[hit.start : hit.end])}</mark>{_e(right)}"
    return shown, _attrs(text, lang)


def _hit_row(hit: _HitLike, source: ArticleSource | None) -> str:
    """One row of the hits table."""
    shown, attrs = _context(hit, source)
    return (
        f'<tr><td><code dir="ltr">{_e(hit.article_id)}</code></td>'
        f'<td dir="ltr">{_e(hit.field)}</td><td dir="ltr">{_e(str(hit.index))}</td>'
        f"<td {attrs}>{shown}</td></tr>"
    )


def hits_html(hits: Sequence[_HitLike], source: ArticleSource | None = None) -> str:
    """Search hits as a table; with the ``source`` they came from, each shows its context.

    The context cell takes its direction from its field's first strong
    character and its language from a caption's ``lang`` or the letters, so
    an English caption is not labelled Arabic.

    >>> import arnews
    >>> corpus = arnews.load()
    >>> html = hits_html(corpus.search("لافروف"), corpus)
    >>> "<mark>لافروف</mark>" in html
    True
    >>> 'lang="ar"' in hits_html(corpus.search("Putin"), corpus)
    False
    """
    rows = [_hit_row(h, source) for h in hits[:MAX_ROWS]]
    return (
        f'<table class="arnews-hits"><caption dir="ltr">{_count(len(hits), "hit")}</caption>'
        "<thead><tr><th>article</th><th>field</th><th>#</th><th>match</th></tr></thead>"
        f"<tbody>{''.join(rows)}{_more(len(rows), len(hits), 4)}</tbody></table>"
    )


def _count(n: int, noun: str) -> str:
    """``1 hit``, ``2 hits``."""
    return f"{n} {noun}" + ("" if n == 1 else "s")


def hits_pretty(hits: Sequence[_HitLike]) -> str:
    """One terminal line per hit (at most 30): article, field[index], span and matched words.

    >>> import arnews
    >>> print(hits_pretty(arnews.load().search("لافروف")[:1]))
    1 hit
      003_525ecddc6b3f777e  paragraph[...]  ...  لافروف
    """
    lines = [_count(len(hits), "hit")]
    lines.extend(
        f"  {terminal_safe(h.article_id)}  {terminal_safe(h.field)}[{h.index}]  "
        f"{h.start}:{h.end}  {terminal_safe(_one_line(h.text))}"
        for h in hits[:MAX_ROWS]
    )
    if len(hits) > MAX_ROWS:
        lines.append(f"  ... {len(hits) - MAX_ROWS} more")
    return "\n".join(lines)


def _line_direction(line: _LineLike, source: ArticleSource | None) -> str:
    """The direction of a concordance line: its field's first strong character."""
    article = None if source is None else source.get(line.article_id)
    if article is not None:
        try:
            return direction(field_text(article, line.field, line.index))
        except (ValueError, IndexError):
            pass
    return direction(line.left + line.match + line.right)


def _concordance_row(line: _LineLike, source: ArticleSource | None) -> str:
    """One row of the right-to-left concordance table, ordered by the line's own direction.

    The table is right to left, so a right-to-left line lists left context,
    match, right context (the preceding words end up right of the match); a
    left-to-right line lists them the other way round so that it too reads
    towards the match.  Each context cell is aligned towards the match.
    """
    text = line.left + line.match + line.right
    way = _line_direction(line, source)
    attrs = f'dir="{way}"' + (f' lang="{label}"' if (label := _lang(text)) else "")
    match = f"<td {attrs}><mark>{_e(line.match)}</mark></td>"
    where = (
        f'<td dir="ltr" {_START}><code>{_e(line.article_id)}</code> {_e(line.field)}'
        f"[{_e(str(line.index))}]</td>"
    )
    if way == "ltr":
        first = f'<td {attrs} style="text-align:left">{_e(line.right)}</td>'
        last = f'<td {attrs} style="text-align:right">{_e(line.left)}</td>'
    else:
        first = f'<td {attrs} style="text-align:left">{_e(line.left)}</td>'
        last = f'<td {attrs} style="text-align:right">{_e(line.right)}</td>'
    return f"<tr>{first}{match}{last}{where}</tr>"


def concordance_html(
    lines: Sequence[_LineLike],
    source: ArticleSource | None = None,
    sort: Sequence[str] | None = None,
) -> str:
    """Keyword-in-context lines as a right-to-left table with the match column in the middle.

    A header row names the columns; the caption, left to right, says how
    many lines there are and how they are sorted.  Each line takes its
    direction from its field's first strong character (with the ``source``;
    else from its own text), so a line in an Arabic sentence that holds a
    Latin name is not swapped.

    >>> import arnews
    >>> html = concordance_html(arnews.load().concordance("لافروف", width=20))
    >>> html.count("<mark>"), 'dir="rtl" lang="ar"' in html, "<th>match</th>" in html
    (5, True, True)
    >>> 'lang="ar"' in concordance_html(arnews.load().concordance("Putin"))
    False
    """
    rows = [_concordance_row(line, source) for line in lines[:MAX_ROWS]]
    order = f", sorted by {', '.join(sort)}" if sort else ""
    return (
        '<table class="arnews-concordance" dir="rtl">'
        f'<caption dir="ltr">{_e(_count(len(lines), "line") + order)}</caption>'
        "<thead><tr><th>context</th><th>match</th><th>context</th><th>where</th></tr></thead>"
        f"<tbody>{''.join(rows)}{_more(len(rows), len(lines), 4)}</tbody></table>"
    )


def markers(texts: Iterable[str]) -> tuple[str, str]:
    """A pair of brackets that occurs in none of ``texts``, to set off matches in plain text.

    >>> markers(["قال «لافروف»"])
    ('⟦', '⟧')
    >>> markers(["⟦x⟧ ⟪y⟫ 【z】"])
    ('⟦⟦', '⟧⟧')
    """
    seen = list(texts)
    for left, right in (("⟦", "⟧"), ("⟪", "⟫"), ("【", "】")):
        if not any(left in t or right in t for t in seen):
            return left, right
    n = 2
    while any("⟦" * n in t or "⟧" * n in t for t in seen):
        n += 1
    return "⟦" * n, "⟧" * n


def concordance_pretty(lines: Sequence[_LineLike]) -> str:
    """One terminal line per concordance line (at most 30), the match between brackets.

    The brackets are chosen so that they occur in none of the lines shown
    (:func:`markers`), so they cannot be confused with the text's own «» or [].

    >>> import arnews
    >>> print(concordance_pretty(arnews.load().concordance("لافروف", width=10)[:1]))
    1 line
      003_525ecddc6b3f777e  ...⟦لافروف⟧...
    """
    shown = lines[:MAX_ROWS]
    left, right = markers(line.left + line.match + line.right for line in shown)
    out = [_count(len(lines), "line")]
    out.extend(
        f"  {terminal_safe(line.article_id)}  {terminal_safe(_one_line(line.left))} "
        f"{left}{terminal_safe(line.match)}{right} {terminal_safe(_one_line(line.right))}"
        for line in shown
    )
    if len(lines) > MAX_ROWS:
        out.append(f"  ... {len(lines) - MAX_ROWS} more")
    return "\n".join(out)


# -- the terminal -------------------------------------------------------------------

#: Bidi formatting characters passed through to a terminal as they are: the three
#: marks, which only set the direction of neutral characters next to them (Arabic
#: text uses them), and cannot reorder a whole line.
KEPT_BIDI_MARKS: Final = frozenset(
    (
        "\u200e",  # LEFT-TO-RIGHT MARK
        "\u200f",  # RIGHT-TO-LEFT MARK
        "\u061c",  # ARABIC LETTER MARK
    )
)
#: Bidi embeddings, overrides and isolates, which can reorder what follows them on the
#: line (U+202A-U+202E, U+2066-U+2069): escaped like the control characters.
_BIDI_CONTROLS: Final = frozenset(chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))


def _visible(ch: str) -> str:
    """The escape shown in place of a control character."""
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(text: str) -> str:
    r"""``text`` with every character that could drive a terminal shown as an escape.

    C0 and C1 control characters (ESC, BEL, CR …, U+0080-U+009F) and DEL,
    and the bidi embeddings, overrides and isolates (U+202A-U+202E,
    U+2066-U+2069), become ``\x1b``, ``\u202e`` …; tab and newline are kept
    (pretty output folds whitespace itself), and so are the bidi marks
    (:data:`KEPT_BIDI_MARKS`).

    >>> terminal_safe("\x1b[2Jبغداد\a\u202e")
    '\\x1b[2Jبغداد\\x07\\u202e'
    """
    if text.isprintable() and not any(ch in _BIDI_CONTROLS for ch in text):
        return text
    out = []
    for ch in text:
        code = ord(ch)
        if ch in "\t\n" or ch in KEPT_BIDI_MARKS:
            out.append(ch)
        elif code < 0x20 or 0x7F <= code < 0xA0 or ch in _BIDI_CONTROLS:
            out.append(_visible(ch))
        else:
            out.append(ch)
    return "".join(out)


def display_width(text: str) -> int:
    """How many terminal columns ``text`` takes (wide characters 2, marks 0, others 1).

    East Asian wide and full-width characters take two columns; combining
    marks and invisible format characters none.

    >>> display_width("بِغداد"), display_width("中文"), display_width("abc")
    (5, 4, 3)
    """
    width = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def pad(text: str, width: int) -> str:
    """``text`` padded with spaces to ``width`` terminal columns (see :func:`display_width`).

    >>> pad("بِغداد", 7) + "|"
    'بِغداد  |'
    """
    return text + " " * max(0, width - display_width(text))
