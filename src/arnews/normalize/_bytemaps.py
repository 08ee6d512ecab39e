r"""Byte-level helpers of the fast path: whitespace runs and alignment segments.

The fast path works on the text encoded one byte per character (see
``_fastpath``); these functions find what the whitespace step changes and
build the segments of an alignment from per-byte classes, without a Python
object per character.

>>> collapse_text("a  b \n c")
'a b\nc'
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterator
from typing import Any, AnyStr

from ._align import SegmentBuilder

__all__ = [
    "DENSE",
    "SMALL",
    "Run",
    "collapse_text",
    "collapsed",
    "dense_steps",
    "iter_space_runs",
    "space_runs",
    "sparse_segments",
    "use_dense",
]

_ATTACHED = 1  # the class of an attached deletion (marks, tatweel) in the fast path's class bytes
_ATTACHED_RUN = re.compile(rb"\x01\x01*")  # a literal first byte: a fast scan

#: Above one attached deletion per this many characters, segments are built per character.
DENSE = 32
#: A text up to this long is aligned by the dense builder whenever it has a deletion: its
#: bytes operations cost less than a segment built in Python for each deletion.
SMALL = 8192


def use_dense(deletions: int, size: int) -> bool:
    """Whether to build one segment per output character (``DENSE = 0``: never)."""
    return bool(DENSE) and (deletions * DENSE >= size or size <= SMALL)


_ATTACHED_ONLY = bytes(1 if i == _ATTACHED else 0 for i in range(256))
_WIDTH = bytes([1, *range(1, 256)])  # width code -> width: 0 (a lone kept char) is 1
_LINEAR = bytes(1 if i == 1 else 0 for i in range(256))


Run = tuple[int, int, bool]  # a whitespace run to collapse: start, end, has a line break


def _run_pattern(ws: AnyStr) -> re.Pattern[AnyStr]:
    """A compiled pattern matching a run of the characters of ws (cached per ws)."""
    pattern = _RUN_PATTERNS.get(ws)
    if pattern is None:
        pattern = _RUN_PATTERNS[ws] = re.compile(
            b"[" + re.escape(ws) + b"]+" if isinstance(ws, bytes) else "[" + re.escape(ws) + "]+"
        )
    return pattern


_RUN_PATTERNS: dict[str | bytes, re.Pattern[Any]] = {}


def space_runs(core: AnyStr, ws: AnyStr) -> list[Run]:
    """Every run of :func:`iter_space_runs`, as a list."""
    return list(iter_space_runs(core, ws))


def iter_space_runs(core: AnyStr, ws: AnyStr) -> Iterator[Run]:
    r"""The whitespace runs of core that the whitespace step changes, in order.

    ``ws`` is a space followed by the line breaks that may occur in core (as
    str or bytes, like core); after the fast path's table the only whitespace
    left is ``" \n\r"``, and pieces the reference normalized may add the other
    line breaks.  core has no whitespace at its ends; a run changes if it has
    two spaces or a space next to a line break.  A run with a line break keeps
    its breaks and loses its spaces; any other run becomes one space.  The
    runs are found by searching for those pairs (fast scans), each pair's next
    place kept until the scan passes it, so the text is read a fixed number of
    times and each run is recorded once, whatever its length.
    """
    space = ws[0:1]
    breaks = [ws[k : k + 1] for k in range(1, len(ws)) if ws[k : k + 1] in core]
    needles = [space + space] + [space + b for b in breaks] + [b + space for b in breaks]
    found = [core.find(needle) for needle in needles]
    chars = space + core[:0].join(breaks)
    run_end = _run_pattern(chars).match
    pos = 0
    while True:
        live = [i for i in found if i >= 0]
        if not live:
            return
        i = min(live)
        # The run may start before the pair: strip back over whitespace (usually close by).
        near = max(pos, i - 64)
        start = near + len(core[near:i].rstrip(chars))
        if start == near and near > pos:
            start = pos + len(core[pos:i].rstrip(chars))
        match = run_end(core, i)
        end = match.end() if match is not None else i
        chunk = core[start:end]
        yield (start, end, chunk.count(space) != len(chunk))
        pos = end
        found = [
            core.find(nd, pos) if 0 <= j < pos else j for nd, j in zip(needles, found, strict=True)
        ]


def collapsed(core: AnyStr, runs: list[Run]) -> AnyStr:
    """Return core with each run replaced by its line breaks, or by one space if none."""
    space = b" " if isinstance(core, bytes) else " "
    parts: list[AnyStr] = []
    cur = 0
    for start, end, has_break in runs:
        parts.append(core[cur:start])
        parts.append(core[start:end].replace(space, core[:0]) if has_break else space)
        cur = end
    parts.append(core[cur:])
    return core[:0].join(parts)


def collapse_text(text: str, ws: str = " \n\r") -> str:
    """Collapse the whitespace runs of a normalized text whose ends are stripped.

    A text with few runs is rebuilt once around them; one with a great many
    (more than ``_MANY_RUNS``) is collapsed by repeated ``str.replace``
    instead, which holds no Python object per run.
    """
    parts: list[str] = []
    cur = 0
    for start, end, has_break in iter_space_runs(text, ws):
        parts.append(text[cur:start])
        parts.append(text[start:end].replace(" ", "") if has_break else " ")
        cur = end
        if len(parts) > 2 * _MANY_RUNS:
            return _collapse_by_replace(text, ws)
    parts.append(text[cur:])
    return "".join(parts)


#: Above this many runs, collapse_text switches to repeated replacement.
_MANY_RUNS = 4096


def _collapse_by_replace(text: str, ws: str) -> str:
    r"""The whitespace step on a text whose only whitespace is ws, ends stripped.

    Runs of spaces are halved until each is one space, then the single spaces
    next to a line break are dropped: a run with a line break keeps just its
    breaks, any other run becomes one space, as the whitespace step does.
    """
    while "  " in text:
        text = text.replace("  ", " ")
    for brk in ws[1:]:
        while " " + brk in text:
            text = text.replace(" " + brk, brk)
        while brk + " " in text:
            text = text.replace(brk + " ", brk)
    return text


def sparse_segments(
    marks: bytes, offset: int, core: bytes, runs: list[Run]
) -> tuple[array[int], array[int], bytes]:
    """Segments for few deletion runs: walk the runs and whitespace runs in order.

    ``marks`` has a 1 for each attached deletion and a 0 for each kept
    character, and starts with a kept character at original position
    ``offset``; ``core`` is the output before whitespace collapsing.
    """
    # The output characters that carry deleted marks: (index in core, width).
    wide: dict[int, int] = {}
    deleted = 0
    for match in _ATTACHED_RUN.finditer(marks):
        start, end = match.span()
        wide[start - 1 - deleted] = 1 + end - start
        deleted += end - start
    # In position order; a whitespace run before a wide space it starts with.
    events: list[tuple[int, int, bool | None]] = [(i, i + 1, None) for i in wide]
    events.extend(runs)
    events.sort(key=lambda event: (event[0], -event[1]))
    out = SegmentBuilder()
    out.orig[0] = offset
    cur = 0
    for start, end, has_break in events:
        if start < cur:  # a wide space inside a whitespace run: done with the run
            continue
        out.add(start - cur, start - cur, True)
        if has_break is None:
            out.add(1, wide[start], False)
        elif has_break:
            for i in range(start, end):
                width = wide.get(i, 1)
                if core[i] == 32:
                    out.add(0, width, False)
                else:
                    out.add(1, width, width == 1)
        else:
            out.add(1, sum(wide.get(i, 1) for i in range(start, end)), False)
        cur = end
    out.add(len(core) - cur, len(core) - cur, True)
    return out.norm, out.orig, bytes(out.lin)


def dense_steps(
    marks: bytes, core: bytes, runs: list[Run], lead: int, tail: int
) -> tuple[bytes, bytes, bytes] | None:
    """Segment lengths for many deletion runs: one segment per output character.

    Returns ``(norm_steps, orig_steps, linear)`` for
    :meth:`Alignment.from_deltas`, built with bytes operations only.  The
    original width of each output character (itself plus the deleted marks
    after it) comes from ``bytes.replace``: ``0 1`` becomes ``2``, then ``2 1``
    becomes ``3``, and so on, once per mark of the longest run.  Whitespace
    runs are then cut in from slices, and the deleted ends (``lead`` and
    ``tail`` characters) added.  None if a segment is longer than 255 (the
    caller then builds the segments another way).
    """
    if lead > 255 or tail > 255:
        return None
    widths = marks.replace(b"\x00\x01", b"\x02")
    k = 2
    while 1 in widths:
        if k == 255:
            return None
        widths = widths.replace(bytes((k, 1)), bytes((k + 1,)))
        k += 1
    widths = widths.translate(_WIDTH)
    flags = widths.translate(_LINEAR)
    ones = b"\x01" * len(widths)
    n_parts: list[bytes] = []
    o_parts: list[bytes] = []
    f_parts: list[bytes] = []
    if lead:  # the deleted start: one stand-alone deletion
        n_parts.append(b"\x00")
        o_parts.append(bytes((lead,)))
        f_parts.append(b"\x00")
    cur = 0
    for start, end, has_break in runs:
        n_parts.append(ones[cur:start])
        o_parts.append(widths[cur:start])
        f_parts.append(flags[cur:start])
        if has_break:  # the spaces go (stand-alone deletions), each line break stays
            chunk = core[start:end]
            kept = chunk.translate(_NOT_SPACE)
            n_parts.append(kept)
            o_parts.append(widths[start:end])
            f_parts.append(bytes(a & b for a, b in zip(kept, flags[start:end], strict=True)))
        else:  # the run becomes one space
            width = sum(widths[start:end])
            if width > 255:
                return None
            n_parts.append(b"\x01")
            o_parts.append(bytes((width,)))
            f_parts.append(b"\x00")
        cur = end
    n_parts.append(ones[cur:])
    o_parts.append(widths[cur:])
    f_parts.append(flags[cur:])
    if tail:  # the deleted end
        n_parts.append(b"\x00")
        o_parts.append(bytes((tail,)))
        f_parts.append(b"\x00")
    return b"".join(n_parts), b"".join(o_parts), b"".join(f_parts)


_NOT_SPACE = bytes(0 if i == 32 else 1 for i in range(256))
