"""TEMPORARY STUB — the parser helper replaces this file."""

from __future__ import annotations

from ._model import Article, Section


def parse(text: str, *, id: str | None = None) -> Article:  # noqa: A002
    """Parse raw article text (stub)."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    return Article(
        id=id or "stub", title=lines[0], date=None, time=None, date_inferred=False, outlet=None,
        sources=(), dateline=None, sections=(Section(None, tuple(lines[1:])),), captions=(),
        keywords=(), related=(), raw=text,
    )
