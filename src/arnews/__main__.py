"""The command line: ``python -m arnews [list | show ID | search QUERY | kwic QUERY]``.

Output goes to stdout; problems go to stderr as one line.  Exit codes: 0 on
success (a query with no hit included), 1 when an article id is unknown or
ambiguous, 2 on bad usage.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TextIO

from . import __version__
from ._article import Article
from ._corpus import Corpus
from ._load import load
from ._model import field_text

__all__ = ["main"]

_INFERRED_MARK = "*"


def _date_cell(article: Article) -> str:
    if article.date is None:
        return "-"
    return article.date.isoformat() + (_INFERRED_MARK if article.date_inferred else "")


def _cmd_list(corpus: Corpus, out: TextIO) -> int:
    for a in corpus:
        out.write(f"{a.id}  {_date_cell(a):<11}  {a.outlet or '-'}  {a.title}\n")
    if any(a.date_inferred for a in corpus):
        out.write(f"({_INFERRED_MARK} date inferred by curation, not stated in the text)\n")
    return 0


def _cmd_show(corpus: Corpus, ident: str, out: TextIO) -> int:
    if not ident.strip():
        msg = (
            "show needs an article id or a unique prefix such as 003; "
            "run `python -m arnews` to list the ids"
        )
        raise ValueError(msg)
    article = corpus.article(ident)
    when = _date_cell(article).rstrip(_INFERRED_MARK)
    if article.date_inferred:
        when += " (inferred by curation)"
    fields = [
        ("id", article.id),
        ("title", article.title),
        ("date", when),
        ("time", article.time.strftime("%H:%M") if article.time else "-"),
        ("outlet", article.outlet or "-"),
        ("sources", " + ".join(article.sources) or "-"),
        ("dateline", article.dateline or "-"),
        ("keywords", " | ".join(article.keywords) or "-"),
    ]
    for name, value in fields:
        out.write(f"{name}: {value}\n")
    for section in article.sections:
        out.write(f"\n## {section.heading}\n" if section.heading else "\n")
        for paragraph in section.paragraphs:
            out.write(f"{paragraph}\n")
    if article.captions:
        out.write("\ncaptions:\n")
        for c in article.captions:
            credit = f" [{c.credit}]" if c.credit else ""
            out.write(f"- ({c.lang}) {c.text}{credit}\n")
    if article.related:
        out.write("\nrelated:\n")
        for r in article.related:
            date = r.date.isoformat() if r.date else "-"
            out.write(f"- {date}  {r.title or '-'}: {r.summary}\n")
    if article.dropped:
        out.write("\ndropped furniture: " + " | ".join(article.dropped) + "\n")
    return 0


def _snippet(text: str, start: int, end: int, width: int) -> str:
    left = text[max(0, start - width) : start]
    right = text[end : end + width]
    dots_left = "…" if start - width > 0 else ""
    dots_right = "…" if end + width < len(text) else ""
    return f"{dots_left}{left}[[{text[start:end]}]]{right}{dots_right}".replace("\n", " ")


def _cmd_search(corpus: Corpus, query: str, limit: int | None, out: TextIO, err: TextIO) -> int:
    hits = corpus.search(query)
    if not hits:
        err.write(f"no hit for {query!r}\n")
        return 0
    for hit in hits[:limit]:
        text = field_text(corpus.article(hit.article_id), hit.field, hit.index)
        where = f"{hit.field}[{hit.index}]"
        out.write(f"{hit.article_id}  {where:<13}  {_snippet(text, hit.start, hit.end, 30)}\n")
    return 0


def _cmd_kwic(
    corpus: Corpus, query: str, *, width: int, limit: int | None, out: TextIO, err: TextIO
) -> int:
    lines = corpus.concordance(query, width=width)
    if not lines:
        err.write(f"no hit for {query!r}\n")
        return 0
    for line in lines[:limit]:
        left = line.left.replace("\n", " ")
        right = line.right.replace("\n", " ")
        out.write(f"{line.article_id[:3]}  {left:>{width}} [[{line.match}]] {right:<{width}}\n")
    return 0


def _positive(text: str) -> int:
    value = int(text)
    if value < 0:
        msg = f"expected a number >= 0, got {text}"
        raise argparse.ArgumentTypeError(msg)
    return value


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m arnews",
        description="Browse and search the bundled Arabic news corpus.",
    )
    parser.add_argument("--version", action="version", version=f"arnews {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.add_parser("list", help="list the articles (the default)")
    show = sub.add_parser("show", help="print one article's fields")
    show.add_argument("id", help="an article id or a unique prefix of one, e.g. 003")
    search = sub.add_parser("search", help="find a word or phrase (clitics and spelling folded)")
    search.add_argument("query", nargs="+", help="one or more words")
    search.add_argument("--limit", type=_positive, default=None, help="print at most N hits")
    kwic = sub.add_parser("kwic", help="keyword-in-context lines for a query")
    kwic.add_argument("query", nargs="+", help="one or more words")
    kwic.add_argument("--width", type=_positive, default=40, help="context characters per side")
    kwic.add_argument("--limit", type=_positive, default=None, help="print at most N lines")
    return parser


def main(
    argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run the command line and return its exit code.

    >>> import io
    >>> buf = io.StringIO()
    >>> main(["show", "004"], out=buf)
    0
    >>> buf.getvalue().splitlines()[0]
    'id: 004_27df001b210ff69a'
    """
    out = sys.stdout if out is None else out
    err = sys.stderr if err is None else err
    args = _parser().parse_args(argv)
    corpus = load()
    try:
        if args.command in (None, "list"):
            return _cmd_list(corpus, out)
        if args.command == "show":
            return _cmd_show(corpus, args.id, out)
        query = " ".join(args.query)
        if args.command == "search":
            return _cmd_search(corpus, query, args.limit, out, err)
        return _cmd_kwic(corpus, query, width=args.width, limit=args.limit, out=out, err=err)
    except KeyError as exc:
        err.write(f"arnews: {exc.args[0]}\n")
        return 1
    except ValueError as exc:
        err.write(f"arnews: {exc}\n")
        return 2


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # e.g. `python -m arnews | head -1`
        sys.stderr.close()
        sys.exit(0)
