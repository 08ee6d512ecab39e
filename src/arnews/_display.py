"""Notebook and terminal display: HTML (``_repr_html_``) and pretty text (``_repr_pretty_``).

Every string that comes from a text is passed through :func:`html.escape`
before it reaches the HTML, and search hits are wrapped in ``<mark>``.
Direction and language are chosen per cell from the content: a caption's
own ``lang`` where the record knows it (``dir="ltr" lang="en"`` for English
captions), otherwise the script of the letters — mostly Arabic letters give
``dir="rtl" lang="ar"``, mostly other letters ``dir="ltr"`` (with no claim
about the language), no letters ``dir="auto"``.  The pretty functions return
plain strings; the ``_repr_pretty_`` methods hand them to IPython's printer
with ``p.text(...)``.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from itertools import islice
from typing import Protocol

from ._model import ArticleBase, ArticleSource, Caption, field_text
from ._tokenize import ARABIC_LETTER_RE, LETTER_RE

__all__ = [
    "article_html",
    "article_pretty",
    "concordance_html",
    "concordance_pretty",
    "corpus_html",
    "corpus_pretty",
    "hits_html",
    "hits_pretty",
]

#: How many rows a corpus, hit or concordance table shows before it says "... N more".
MAX_ROWS = 30
#: Characters of context on each side of a hit in a hits table.
CONTEXT = 40

_AR = 'dir="rtl" lang="ar"'
_EN = 'dir="ltr" lang="en"'
_LTR = 'dir="ltr"'
_AUTO = 'dir="auto"'


def _lang_attrs(text: str, lang: str | None = None) -> str:
    """The ``dir``/``lang`` attributes of a cell: from ``lang`` if known, else from the script."""
    if lang is not None:
        return _AR if lang == "ar" else f'dir="ltr" lang="{_e(lang)}"'
    letters = len(LETTER_RE.findall(text))
    if not letters:
        return _AUTO
    return _AR if 2 * len(ARABIC_LETTER_RE.findall(text)) >= letters else _LTR


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


def _unless_ar(text: str) -> str:
    """`` dir=... `` for an element inside an Arabic block whose own text is not Arabic, else ''."""
    attrs = _lang_attrs(text)
    return "" if attrs == _AR else " " + attrs


def _more(shown: int, total: int, columns: int) -> str:
    """A table row saying how many rows were left out, or nothing."""
    if total <= shown:
        return ""
    return f'<tr><td colspan="{columns}">… {total - shown} more</td></tr>'


# -- articles ---------------------------------------------------------------


def _caption_html(caption: Caption, spans: Iterable[tuple[int, int]]) -> str:
    """One caption as a ``<figcaption>`` in its own language and direction, spans marked."""
    attrs = _lang_attrs(caption.text, caption.lang)
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
            parts.append(f"<bdi {_AR}>{_e(name)}</bdi>")
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
    out = [f'<div class="arnews-article" {_AR}>']
    out.append(
        f"<h3{_unless_ar(article.title)}>{_marked(article.title, spans.get(('title', 0), ()))}</h3>"
    )
    out.append(f'<p class="arnews-meta"><small>{_meta(article)}</small></p>')
    number = 0
    for section in article.sections:
        if section.heading is not None:
            out.append(f"<h4>{_e(section.heading)}</h4>")
        for paragraph in section.paragraphs:
            marked = _marked(paragraph, spans.get(("paragraph", number), ()))
            out.append(f"<p{_unless_ar(paragraph)}>{marked}</p>")
            number += 1
    for i, caption in enumerate(article.captions):
        out.append(_caption_html(caption, spans.get(("caption", i), ())))
    if article.keywords:
        out.append(f"<p><small>{_e(' · '.join(article.keywords))}</small></p>")
    if article.related:
        items = "".join(
            f"<li>{'<b>' + _e(r.title) + '</b> ' if r.title else ''}{_e(r.summary)}</li>"
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
    return "\n".join(lines)


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
            f'<tr><td><code dir="ltr">{_e(article.id)}</code></td><td>{date}</td>'
            f"<td {_lang_attrs(article.outlet or '')}>{_e(article.outlet or '')}</td>"
            f"<td {_lang_attrs(article.title)}>{_e(_shorten(article.title, 120))}</td></tr>"
        )
    return (
        f'<table class="arnews-corpus"><caption>Corpus of {len(corpus)} articles'
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
    return "\n".join(lines)


# -- search results ----------------------------------------------------------


def _context(hit: _HitLike, corpus: ArticleSource | None) -> tuple[str, str]:
    """The hit in its field as escaped HTML, ``CONTEXT`` characters each side, and its attributes.

    The attributes (``dir``/``lang``) come from the caption's language for a
    caption hit, else from the script of the field's letters.
    """
    article = None if corpus is None else corpus.get(hit.article_id)
    if article is None:
        return f"<mark>{_e(hit.text)}</mark>", _lang_attrs(hit.text)
    text = field_text(article, hit.field, hit.index)
    lang = article.captions[hit.index].lang if hit.field == "caption" else None
    lo, hi = max(hit.start - CONTEXT, 0), min(hit.end + CONTEXT, len(text))
    left = ("…" if lo > 0 else "") + text[lo : hit.start]
    right = text[hit.end : hi] + ("…" if hi < len(text) else "")
    shown = f"{_e(left)}<mark>{_e(text[hit.start : hit.end])}</mark>{_e(right)}"
    return shown, _lang_attrs(text, lang)


def _hit_row(hit: _HitLike, corpus: ArticleSource | None) -> str:
    """One row of the hits table."""
    shown, attrs = _context(hit, corpus)
    return (
        f'<tr><td><code dir="ltr">{_e(hit.article_id)}</code></td>'
        f"<td>{_e(hit.field)}</td><td>{hit.index}</td><td {attrs}>{shown}</td></tr>"
    )


def hits_html(hits: Sequence[_HitLike], corpus: ArticleSource | None = None) -> str:
    """Search hits as a table; with the ``corpus`` they came from, each shows its context.

    The context cell is marked right-to-left Arabic or left-to-right from
    its own text (a caption's ``lang`` where known), so an English caption
    is not labelled Arabic.

    >>> import arnews
    >>> corpus = arnews.load()
    >>> html = hits_html(corpus.search("لافروف"), corpus)
    >>> "<mark>لافروف</mark>" in html
    True
    >>> 'lang="ar"' in hits_html(corpus.search("Putin"), corpus)
    False
    """
    rows = [_hit_row(h, corpus) for h in hits[:MAX_ROWS]]
    return (
        f'<table class="arnews-hits"><caption>{len(hits)} hit(s)</caption>'
        "<thead><tr><th>article</th><th>field</th><th>#</th><th>match</th></tr></thead>"
        f"<tbody>{''.join(rows)}{_more(len(rows), len(hits), 4)}</tbody></table>"
    )


def hits_pretty(hits: Sequence[_HitLike]) -> str:
    """One terminal line per hit (at most 30): article, field[index], span and matched words.

    >>> import arnews
    >>> print(hits_pretty(arnews.load().search("لافروف")[:1]))
    1 hit(s)
      003_525ecddc6b3f777e  paragraph[...]  ...  لافروف
    """
    lines = [f"{len(hits)} hit(s)"]
    lines.extend(
        f"  {h.article_id}  {h.field}[{h.index}]  {h.start}:{h.end}  {_one_line(h.text)}"
        for h in hits[:MAX_ROWS]
    )
    if len(hits) > MAX_ROWS:
        lines.append(f"  ... {len(hits) - MAX_ROWS} more")
    return "\n".join(lines)


def _concordance_row(line: _LineLike) -> str:
    """One row of the right-to-left concordance table, its cells marked from its own text.

    An Arabic row lists left context, match, right context, which the
    right-to-left table shows from right to left; a left-to-right row lists
    them the other way round so that it reads from left to right on screen.
    """
    attrs = _lang_attrs(line.left + line.match + line.right)
    match = f"<td {attrs}><mark>{_e(line.match)}</mark></td>"
    where = f'<td dir="ltr"><code>{_e(line.article_id)}</code> {_e(line.field)}</td>'
    if attrs == _LTR:
        # The first cell shows rightmost: the following context; each context cell is
        # aligned towards the match.
        first = f'<td {attrs} style="text-align:left">{_e(line.right)}</td>'
        last = f'<td {attrs} style="text-align:right">{_e(line.left)}</td>'
    else:
        first = f'<td {attrs} style="text-align:left">{_e(line.left)}</td>'
        last = f'<td {attrs} style="text-align:right">{_e(line.right)}</td>'
    return f"<tr>{first}{match}{last}{where}</tr>"


def concordance_html(lines: Sequence[_LineLike]) -> str:
    """Keyword-in-context lines as a right-to-left table with the match column in the middle.

    In the right-to-left table the preceding context of an Arabic line sits
    right of the match and the following context left of it, each aligned
    towards the match.  Each cell's ``dir``/``lang`` comes from the line's own
    letters: a line in Latin script is ``dir="ltr"`` (not labelled Arabic)
    and its cells are listed in reverse, so it too reads towards the match.

    >>> import arnews
    >>> html = concordance_html(arnews.load().concordance("لافروف", width=20))
    >>> html.count("<mark>") > 0, 'dir="rtl" lang="ar"' in html
    (True, True)
    >>> 'lang="ar"' in concordance_html(arnews.load().concordance("Putin"))
    False
    """
    rows = [_concordance_row(line) for line in lines[:MAX_ROWS]]
    return (
        f'<table class="arnews-concordance" dir="rtl"><caption>{len(lines)} line(s)</caption>'
        f"<tbody>{''.join(rows)}{_more(len(rows), len(lines), 4)}</tbody></table>"
    )


def concordance_pretty(lines: Sequence[_LineLike]) -> str:
    """One terminal line per concordance line (at most 30), the match between ``«`` and ``»``.

    >>> import arnews
    >>> print(concordance_pretty(arnews.load().concordance("لافروف", width=10)[:1]))
    1 line(s)
      003_525ecddc6b3f777e  ...«لافروف»...
    """
    out = [f"{len(lines)} line(s)"]
    out.extend(
        f"  {line.article_id}  {_one_line(line.left)} «{line.match}» {_one_line(line.right)}"
        for line in lines[:MAX_ROWS]
    )
    if len(lines) > MAX_ROWS:
        out.append(f"  ... {len(lines) - MAX_ROWS} more")
    return "\n".join(out)
