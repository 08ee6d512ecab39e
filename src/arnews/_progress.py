"""Progress of a build on a terminal: a tqdm bar when tqdm is installed, else one plain line.

Nothing is shown when the stream is not a terminal (a log file, a pipe, CI),
so scripts stay quiet.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TextIO

from ._build import BuildProgress

__all__ = ["progress_line", "reporter"]


def progress_line(p: BuildProgress) -> str:
    """The plain progress line for one state of a build.

    >>> progress_line(BuildProgress(articles=120, added=100, unchanged=20, replaced=0,
    ...                             bytes_done=2_500_000, bytes_total=10_000_000))
    '  2.5/10.0 MB  25%  120 articles (100 added, 20 unchanged, 0 replaced)'
    """
    done = p.bytes_done / 1e6
    if p.bytes_total:
        size = f"{done:.1f}/{p.bytes_total / 1e6:.1f} MB  {100 * p.bytes_done // p.bytes_total}%"
    else:
        size = f"{done:.1f} MB"
    return (
        f"  {size}  {p.articles} articles "
        f"({p.added} added, {p.unchanged} unchanged, {p.replaced} replaced)"
    )


class _Line:
    """A progress line rewritten in place with a carriage return."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.width = 0

    def __call__(self, p: BuildProgress) -> None:
        line = progress_line(p)
        self.stream.write("\r" + line.ljust(self.width))
        self.stream.flush()
        self.width = len(line)

    def close(self) -> None:
        if self.width:
            self.stream.write("\n")
            self.stream.flush()


class _Bar:
    """A tqdm bar over the bytes of the source."""

    def __init__(self, stream: TextIO, tqdm: Any) -> None:
        self.bar = tqdm(file=stream, unit="B", unit_scale=True, desc="indexing", leave=True)
        self.done = 0

    def __call__(self, p: BuildProgress) -> None:
        if p.bytes_total is not None and self.bar.total is None:
            self.bar.total = p.bytes_total
        self.bar.update(p.bytes_done - self.done)
        self.done = p.bytes_done
        self.bar.set_postfix(articles=p.articles, refresh=False)

    def close(self) -> None:
        self.bar.close()


def reporter(
    stream: TextIO, *, use_tqdm: bool = True
) -> tuple[Callable[[BuildProgress], None] | None, Callable[[], None]]:
    """(progress callback or None, close) for a build reporting on ``stream``.

    The callback is None when ``stream`` is not a terminal; otherwise a tqdm
    bar (``pip install 'arnews[progress]'``) or, without tqdm or with
    ``use_tqdm=False``, a plain line rewritten in place.

    >>> import io
    >>> reporter(io.StringIO())[0] is None
    True
    """
    if not (hasattr(stream, "isatty") and stream.isatty()):
        return None, lambda: None
    if use_tqdm:
        try:
            from tqdm import tqdm  # type: ignore[import-untyped,unused-ignore]  # noqa: PLC0415
        except ImportError:
            pass
        else:
            bar = _Bar(stream, tqdm)
            return bar, bar.close
    line = _Line(stream)
    return line, line.close
