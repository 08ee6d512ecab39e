"""The command line: ``python -m arnews [list | show ID | search QUERY | kwic QUERY]``.

``list``, ``show``, ``search`` and ``kwic`` read the bundled corpus, or your
own texts with ``--dir FOLDER`` or an index file with ``--index news.db``;
``index build SOURCE -o news.db`` builds (or adds to) an index file.

Output goes to stdout; problems go to stderr as one line.  ``--json`` makes
``list``, ``search`` and ``kwic`` print JSON Lines (one object a line) and
``show`` one JSON object.  Text from the articles is printed with its
control characters made visible (:func:`arnews._display.terminal_safe`).

Exit codes, as ``grep``'s:

* 0 — something was found (or listed, or shown);
* 1 — a search or kwic found nothing, or an article id is unknown or ambiguous;
* 2 — bad usage: an unknown option, a malformed query, a bad number;
* 3 — stdout cannot encode the text (a non-UTF-8 terminal or pipe); the message
  says to run with ``PYTHONIOENCODING=utf-8``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Sequence
from typing import Any, Final, TextIO

from . import __version__
from ._article import Article
from ._build import build_index
from ._checks import check_sequence_of_str
from ._corpus import Corpus
from ._diskindex import DiskIndex, open_index
from ._display import display_width, markers, pad, terminal_safe
from ._export import article_record
from ._load import load, load_dir
from ._model import field_text
from ._progress import reporter
from ._results import SORT_KEYS

__all__ = ["EXIT_ENCODING", "EXIT_NOTHING", "EXIT_USAGE", "MAX_WIDTH", "main"]

EXIT_NOTHING: Final = 1
EXIT_USAGE: Final = 2
EXIT_ENCODING: Final = 3
#: The widest ``kwic --width`` (characters of context a side).
MAX_WIDTH: Final = 1000
#: Characters of context a side in ``search`` lines.
SNIPPET: Final = 30

_INFERRED_MARK = "*"
#: What list, show, search and kwic read: a corpus in memory or an index file.
_Source = Corpus | DiskIndex
#: Characters escaped in JSON output although JSON allows them raw: C1 controls and
#: the bidi embeddings, overrides and isolates (a terminal would act on them).
_JSON_ESCAPED: Final = {
    c: f"\\u{c:04x}" for c in (*range(0x80, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A))
}


class _Output:
    """Where the command writes: text lines (terminal-safe) or JSON, and how matches look."""

    def __init__(self, out: TextIO, *, as_json: bool) -> None:
        self.out = out
        self.as_json = as_json
        # JSON can always be written: as ASCII escapes where the stream cannot take Arabic.
        self.ascii_json = _encoding_problem(out) is not None
        tty = getattr(out, "isatty", lambda: False)()
        self.ansi = bool(tty) and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"

    def line(self, text: str) -> None:
        self.out.write(text + "\n")

    def json(self, value: Any) -> None:
        text = json.dumps(value, ensure_ascii=self.ascii_json)
        self.out.write(text.translate(_JSON_ESCAPED) + "\n")

    def emphasis(self, texts: Sequence[str]) -> tuple[str, str]:
        """How to set off a match: reverse video on a terminal, else brackets not in ``texts``."""
        if self.ansi:
            return "\x1b[7m", "\x1b[0m"
        return markers(texts)


_WHITESPACE_RUN = re.compile(r"\s+")


def _safe(text: str) -> str:
    """One line for the terminal: each whitespace run one space, control characters visible.

    A run at either end stays a space, so a piece cut next to a match keeps its gap.
    """
    return terminal_safe(_WHITESPACE_RUN.sub(" ", text))


def _date_cell(article: Article) -> str:
    if article.date is None:
        return "-"
    return article.date.isoformat() + (_INFERRED_MARK if article.date_inferred else "")


def _cmd_list(corpus: _Source, out: _Output) -> int:
    if out.as_json:
        for a in corpus:
            out.json(
                {
                    "id": a.id,
                    "date": None if a.date is None else a.date.isoformat(),
                    "date_inferred": a.date_inferred,
                    "outlet": a.outlet,
                    "title": a.title,
                }
            )
        return 0
    outlets = [_safe(a.outlet or "-") for a in corpus]
    column = max((display_width(o) for o in outlets), default=1)
    for a, outlet in zip(corpus, outlets, strict=True):
        out.line(f"{_safe(a.id)}  {_date_cell(a):<11}  {pad(outlet, column)}  {_safe(a.title)}")
    if any(a.date_inferred for a in corpus):
        out.line(f"({_INFERRED_MARK} date inferred by curation, not stated in the text)")
    return 0


def _cmd_show(corpus: _Source, ident: str, out: _Output) -> int:
    if not ident.strip():
        msg = (
            "show needs an article id or a unique prefix such as 003; "
            "run `python -m arnews` to list the ids"
        )
        raise ValueError(msg)
    article = corpus.article(ident)
    if out.as_json:
        out.json(article_record(article))
        return 0
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
        out.line(f"{name}: {_safe(value)}")
    for section in article.sections:
        out.line(f"\n## {_safe(section.heading)}" if section.heading else "")
        for paragraph in section.paragraphs:
            out.line(_safe(paragraph))
    if article.captions:
        out.line("\ncaptions:")
        for c in article.captions:
            credit = f" [{_safe(c.credit)}]" if c.credit else ""
            out.line(f"- ({_safe(c.lang)}) {_safe(c.text)}{credit}")
    if article.related:
        out.line("\nrelated:")
        for r in article.related:
            date = r.date.isoformat() if r.date else "-"
            out.line(f"- {date}  {_safe(r.title or '-')}: {_safe(r.summary)}")
    if article.dropped:
        out.line("\ndropped furniture: " + " | ".join(_safe(d) for d in article.dropped))
    return 0


def _nothing(query: str, err: TextIO) -> int:
    err.write(f"arnews: no hit for {terminal_safe(query)!r}\n")
    return EXIT_NOTHING


def _cmd_search(corpus: _Source, query: str, limit: int | None, out: _Output, err: TextIO) -> int:
    hits = corpus.search(query)[:limit]
    if not hits:
        return _nothing(query, err)
    if out.as_json:
        for row in hits.to_records():
            out.json(row)
        return 0
    rows = []
    for hit in hits:
        text = field_text(corpus.article(hit.article_id), hit.field, hit.index)
        lo, hi = max(0, hit.start - SNIPPET), hit.end + SNIPPET
        rows.append(
            (
                hit,
                ("…" if lo > 0 else "") + _safe(text[lo : hit.start]),
                _safe(hit.text),
                _safe(text[hit.end : hi]) + ("…" if hi < len(text) else ""),
            )
        )
    left, right = out.emphasis([r[1] + r[2] + r[3] for r in rows])
    wheres = [f"{h.field}[{h.index}]" for h, *_ in rows]
    column = max(len(w) for w in wheres)
    for (hit, before, match, after), where in zip(rows, wheres, strict=True):
        out.line(f"{_safe(hit.article_id)}  {where:<{column}}  {before}{left}{match}{right}{after}")
    return 0


def _cmd_kwic(
    corpus: _Source,
    query: str,
    *,
    width: int,
    limit: int | None,
    sort: str | None,
    out: _Output,
    err: TextIO,
) -> int:
    lines = corpus.concordance(query, width=width, sort=sort)[:limit]
    if not lines:
        return _nothing(query, err)
    if out.as_json:
        for row in lines.to_records():
            out.json(row)
        return 0
    shown = [(_safe(line.left), _safe(line.match), _safe(line.right)) for line in lines]
    left, right = out.emphasis(["".join(parts) for parts in shown])
    column = max(display_width(before) for before, _, _ in shown)
    for line, (before, match, after) in zip(lines, shown, strict=True):
        lead = " " * (column - display_width(before))
        out.line(f"{_safe(line.article_id[:3])}  {lead}{before} {left}{match}{right} {after}")
    return 0


def _count(text: str, *, most: int | None = None) -> int:
    """An argparse type: a whole number of 0 or more (at most ``most``), with a readable error."""
    try:
        value = int(text)
    except ValueError:
        msg = f"expected a whole number of 0 or more, got {text!r}"
        raise argparse.ArgumentTypeError(msg) from None
    if value < 0:
        msg = f"expected a whole number of 0 or more, got {text}"
        raise argparse.ArgumentTypeError(msg)
    if most is not None and value > most:
        msg = f"at most {most} characters of context, got {text}"
        raise argparse.ArgumentTypeError(msg)
    return value


def _width(text: str) -> int:
    return _count(text, most=MAX_WIDTH)


def _sort_key(text: str) -> str:
    keys = [k.strip() for k in text.split(",")]
    if not all(k in SORT_KEYS for k in keys):
        msg = f"expected a sort key such as right1, left1, right2 … or match, got {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return text


def _cmd_index_build(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    show, close = reporter(err)
    try:
        index = build_index(
            args.source,
            args.output,
            workers=args.workers,
            batch_mb=args.batch_mb,
            pattern=args.pattern,
            progress=show,
        )
    finally:
        close()
    out.write(f"{args.output}: {len(index)} articles\n")
    index.close()
    return 0


#: The commands whose positional arguments are a query.
_QUERY_COMMANDS: Final = frozenset({"search", "kwic"})
#: Their options that take a value (the argument after one is that value, not query).
_VALUE_OPTIONS: Final = (
    "--index",
    "--dir",
    "--encoding",
    "--errors",
    "--limit",
    "--width",
    "--sort",
)


def _takes_value(arg: str) -> bool:
    """Whether ``arg`` names an option that takes the next argument (or a prefix of one)."""
    return "=" not in arg and len(arg) > 2 and any(o.startswith(arg) for o in _VALUE_OPTIONS)


def _query_arguments(argv: Sequence[str]) -> list[str]:
    """``argv`` with each exclusion of a search or kwic query kept as a query argument.

    argparse reads an argument that starts with '-' (``-كيري``, ``-"سيرغي لافروف"``) as
    an unknown option; written with a space before it, it is a positional argument, and
    the space is nothing to the query language.  Only ``-h`` stays an option; the
    value after an option that takes one is left as it is (``--limit -1`` is refused).
    """
    args = list(argv)
    command = next((i for i, a in enumerate(args) if not a.startswith("-")), None)
    if command is None or args[command] not in _QUERY_COMMANDS:
        return args
    i = command + 1
    while i < len(args):
        arg = args[i]
        if arg == "--":
            break
        if arg.startswith("--"):
            i += 2 if _takes_value(arg) else 1
            continue
        if arg.startswith("-") and len(arg) > 1 and arg != "-h":
            args[i] = " " + arg
        i += 1
    return args


def _source(args: argparse.Namespace, err: TextIO) -> _Source:
    folder = getattr(args, "dir", None)
    encoding, errors = getattr(args, "encoding", None), getattr(args, "errors", None)
    if folder is None and (encoding is not None or errors is not None):
        option = "--encoding" if encoding is not None else "--errors"
        msg = f"{option} applies to --dir FOLDER only (how the folder's files are read)"
        raise ValueError(msg)
    if getattr(args, "index", None) is not None:
        return open_index(args.index)
    if folder is not None:
        try:
            corpus = load_dir(folder, encoding=encoding or "utf-8", errors=errors or "raise")
        except ValueError as exc:
            msg = f"{exc} (on the command line: --encoding ENCODING, or --errors skip)"
            raise ValueError(msg) from None
        for skipped in corpus.skipped:
            err.write(f"arnews: skipped {terminal_safe(skipped.path)}: {skipped.reason}\n")
        return corpus
    return load()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m arnews",
        description="Browse and search the bundled Arabic news corpus.",
        epilog="Exit status: 0 found, 1 nothing found or unknown id, 2 bad usage, "
        "3 stdout cannot encode Arabic (run with PYTHONIOENCODING=utf-8).",
    )
    parser.add_argument("--version", action="version", version=f"arnews {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    # Where list, show, search and kwic read from (the bundled corpus by default).
    source = argparse.ArgumentParser(add_help=False)
    where = source.add_mutually_exclusive_group()
    where.add_argument("--index", metavar="FILE", help="an index file (index build makes one)")
    where.add_argument("--dir", metavar="FOLDER", help="a folder of UTF-8 .txt files")
    source.add_argument("--encoding", metavar="ENC", help="with --dir: the files' encoding (utf-8)")
    source.add_argument(
        "--errors",
        choices=("raise", "skip"),
        help="with --dir: stop at a bad file (raise, the default) or leave it out (skip)",
    )
    listing = sub.add_parser("list", help="list the articles (the default)", parents=[source])
    show = sub.add_parser("show", help="print one article's fields", parents=[source])
    show.add_argument("id", help="an article id or a unique prefix of one, e.g. 003")
    search = sub.add_parser(
        "search", help="find a query (clitics and spelling folded)", parents=[source]
    )
    search.add_argument("query", nargs="+", help='words; OR, -word, word*, "a b" as in the docs')
    search.add_argument("--limit", type=_count, default=None, help="print at most N hits")
    kwic = sub.add_parser("kwic", help="keyword-in-context lines for a query", parents=[source])
    kwic.add_argument("query", nargs="+", help='words; OR, -word, word*, "a b" as in the docs')
    kwic.add_argument(
        "--width",
        type=_width,
        default=40,
        help=f"context characters per side (at most {MAX_WIDTH})",
    )
    kwic.add_argument("--limit", type=_count, default=None, help="print at most N lines")
    kwic.add_argument(
        "--sort", type=_sort_key, default=None, help="sort by right1, left1, right2 …"
    )
    for command in (listing, show, search, kwic):
        command.add_argument("--json", action="store_true", help="print JSON (one object a line)")
    index = sub.add_parser("index", help="build an index file of your own texts")
    index_sub = index.add_subparsers(dest="index_command", metavar="build", required=True)
    build = index_sub.add_parser("build", help="index a folder of .txt files (adds to FILE)")
    build.add_argument("source", metavar="SOURCE", help="a folder of UTF-8 .txt files")
    build.add_argument("-o", "--output", required=True, metavar="FILE", help="the index file")
    build.add_argument("--workers", type=int, default=1, help="processes that parse (1)")
    build.add_argument("--batch-mb", type=float, default=8.0, help="MB of text per batch (8)")
    build.add_argument("--pattern", default="*.txt", help="which files (*.txt; **/*.txt)")
    return parser


def _encoding_problem(out: TextIO) -> str | None:
    """The name of ``out``'s encoding if it cannot write Arabic, else None."""
    encoding = getattr(out, "encoding", None)
    if not isinstance(encoding, str):
        return None
    try:
        "\u0628\u2026".encode(encoding)  # ARABIC LETTER BEH, HORIZONTAL ELLIPSIS
    except (UnicodeEncodeError, LookupError):
        return encoding
    return None


def _encoding_error(encoding: str, err: TextIO) -> int:
    err.write(
        f"arnews: the output encoding ({encoding}) cannot write Arabic text; "
        f"run with PYTHONIOENCODING=utf-8 (or a UTF-8 locale), or use --json\n"
    )
    return EXIT_ENCODING


def main(
    argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run the command line and return its exit code (see the module docs).

    >>> import io
    >>> buf = io.StringIO()
    >>> main(["show", "004"], out=buf)
    0
    >>> buf.getvalue().splitlines()[0]
    'id: 004_27df001b210ff69a'

    Raises:
        TypeError: if ``argv`` is not a sequence of str (bytes, a bare string ...).
    """
    if argv is not None:
        argv = check_sequence_of_str(
            argv, "main()", "command-line arguments such as ['search', 'بغداد']"
        )
    out = sys.stdout if out is None else out
    err = sys.stderr if err is None else err
    args = _parser().parse_args(_query_arguments(sys.argv[1:] if argv is None else argv))
    if args.command == "index":
        try:
            return _cmd_index_build(args, out, err)
        except (ValueError, TypeError, OSError) as exc:
            err.write(f"arnews: {terminal_safe(str(exc))}\n")
            return EXIT_USAGE
    output = _Output(out, as_json=args.json if args.command else False)
    encoding = None if output.as_json else _encoding_problem(out)
    if encoding is not None:
        return _encoding_error(encoding, err)
    try:
        corpus = _source(args, err)
        if args.command in (None, "list"):
            return _cmd_list(corpus, output)
        if args.command == "show":
            return _cmd_show(corpus, args.id, output)
        query = " ".join(part.strip() for part in args.query)
        if args.command == "search":
            return _cmd_search(corpus, query, args.limit, output, err)
        return _cmd_kwic(
            corpus,
            query,
            width=args.width,
            limit=args.limit,
            sort=args.sort,
            out=output,
            err=err,
        )
    except KeyError as exc:
        err.write(f"arnews: {terminal_safe(str(exc.args[0]))}\n")
        return EXIT_NOTHING
    except UnicodeEncodeError as exc:
        return _encoding_error(exc.encoding, err)
    except BrokenPipeError:
        raise  # the reader went away (`| head`): not a usage error, see the end of this file
    except (ValueError, OSError) as exc:
        err.write(f"arnews: {terminal_safe(str(exc))}\n")
        return EXIT_USAGE


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # e.g. `python -m arnews | head -1`
        sys.stderr.close()
        sys.exit(0)
