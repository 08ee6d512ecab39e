"""Cutting a text into pieces for the reference and pieces for the table, and splicing.

The fast path sends the few hard stretches of a text (rare characters whose
treatment depends on their context, invisible characters the fast maps cannot
place) through the step-by-step reference and the rest through its table;
this module finds where to cut and puts the alignments back together.  The
byte classes are those of the fast path's class table.

>>> hard_words(b"ab c?d ef", 9)
[(3, 6)]
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right

import attrs

from ._align import Alignment, DeltaBreaks

__all__ = [
    "ALONE",
    "ATTACHED",
    "GAP",
    "KEPT",
    "LONE",
    "LONE_RUN",
    "RARE_RUN",
    "SPACE",
    "Splice",
    "hard_pieces",
    "hard_words",
    "mark_unsafe_deletions",
    "put_back",
    "with_deletions",
]

# Classes of the byte-class copy used for alignments.
# Classes of the byte-class copy used for alignments: a kept character, a deletion the
# reference attaches to the character before it, whitespace, a hard character (aligned by
# the reference), and a stand-alone deletion (an invisible character).
KEPT, ATTACHED, SPACE, ALONE, LONE = 0, 1, 2, 3, 4
# (Each pattern starts with a literal byte, which re finds with a fast scan; b"\x03+" would
# be tried at every position.)
ALONE_RUN = re.compile(rb"\x03\x03*")
LONE_RUN = re.compile(rb"\x04\x04*")
RARE_RUN = re.compile(rb"\?\?*")
#: Hard stretches closer than this (in characters) are aligned or normalized as one piece.
GAP = 512


def mark_unsafe_deletions(cls: bytearray) -> None:
    """Mark as hard the stand-alone deletions the fast maps cannot place.

    The reference keeps an invisible character a stand-alone deletion unless a
    later step's atomic segment surrounds it: it is followed by a mark or
    tatweel (which attach to the character before them), or lies between two
    whitespace characters (a run that collapses).  Those go to the reference.
    """
    n = len(cls)
    if LONE not in cls:
        return
    for match in LONE_RUN.finditer(cls):
        s, e = match.span()
        right = cls[e] if e < n else KEPT
        left = cls[s - 1] if s else KEPT
        if right == ATTACHED or (left == SPACE and right == SPACE):
            cls[s:e] = b"\x03" * (e - s)


def with_deletions(rest: Alignment, original: str, runs: list[tuple[int, int]]) -> Alignment | None:
    """Put stand-alone deletions back into rest, the alignment of original without them.

    ``runs`` are the deleted runs, in original positions, sorted; each falls on
    a segment boundary of rest or inside a linear segment, which is split
    there.  Normalized breaks do not move; original ones shift by what was
    deleted before them.  None if a run falls inside an atomic segment (the
    caller then asks the reference).
    """
    deltas = rest.deltas()
    if deltas is not None:
        return with_deletions_dense(rest, original, runs, deltas)
    nb, ob, fl = rest.breaks()
    last = len(fl)
    out_n, out_o, out_f = array("q", [0]), array("q", [0]), bytearray()
    seg, pn, po, shift = 0, 0, 0, 0  # next segment, and how far into it we are (norm, orig)
    for s, e in runs:
        m = s - shift
        k = bisect_right(ob, m, seg) - 1
        if k > seg:  # finish segment seg, then copy the whole ones up to k
            out_n.append(nb[seg + 1])
            out_o.append(ob[seg + 1] + shift)
            out_f.append(fl[seg])
            out_n.extend(nb[seg + 2 : k + 1])
            out_o.extend(map(shift.__add__, ob[seg + 2 : k + 1]))
            out_f += fl[seg + 1 : k]
            seg, pn, po = k, nb[k], ob[k]
        if m > po:  # inside segment seg, which must be linear: split it
            if not fl[seg]:
                return None
            d = m - po
            pn, po = pn + d, m
            out_n.append(pn)
            out_o.append(po + shift)
            out_f.append(1)
        shift += e - s
        out_n.append(pn)
        out_o.append(po + shift)
        out_f.append(0)
    if seg < last:
        if po < ob[seg + 1]:
            out_n.append(nb[seg + 1])
            out_o.append(ob[seg + 1] + shift)
            out_f.append(fl[seg])
        out_n.extend(nb[seg + 2 :])
        out_o.extend(map(shift.__add__, ob[seg + 2 :]))
        out_f += fl[seg + 1 :]
    return Alignment.from_segments(original, rest.text, out_n, out_o, bytes(out_f), validate=False)


def with_deletions_dense(
    rest: Alignment,
    original: str,
    runs: list[tuple[int, int]],
    deltas: tuple[DeltaBreaks, DeltaBreaks, bytes],
) -> Alignment | None:
    """:func:`with_deletions` for a map kept as segment lengths: splice the bytes."""
    norm, orig, flags = deltas
    ns, os_ = norm.steps, orig.steps
    n_parts: list[bytes] = []
    o_parts: list[bytes] = []
    f_parts: list[bytes] = []
    cur = shift = 0
    for s, e in runs:
        m = s - shift
        k = orig.find(m) - 1  # the last break at or before m
        if orig[k] != m or e - s > 255:  # inside a segment, or too long for one byte
            return None
        n_parts += (ns[cur:k], b"\x00")
        o_parts += (os_[cur:k], bytes((e - s,)))
        f_parts += (flags[cur:k], b"\x00")
        cur = k
        shift += e - s
    n_parts.append(ns[cur:])
    o_parts.append(os_[cur:])
    f_parts.append(flags[cur:])
    return Alignment.from_deltas(
        original, rest.text, b"".join(n_parts), b"".join(o_parts), b"".join(f_parts), validate=False
    )


def put_back(alignment: Alignment, holder: str, kept: list[tuple[int, str]]) -> Alignment:
    """Replace the placeholders of the normalized text by the characters they stand for.

    The placeholder is in no other place of the normalized text, so its
    occurrences are the kept characters, in order.
    """
    parts = alignment.text.split(holder)
    pieces = [parts[0]]
    for part, (_, ch) in zip(parts[1:], kept, strict=True):
        pieces.append(ch)
        pieces.append(part)
    return attrs.evolve(alignment, text="".join(pieces))


def hard_words(marks: bytes, n: int) -> list[tuple[int, int]]:
    """The stretches of text that hold rare characters, cut at spaces and line feeds.

    ``marks`` is the text one byte per character with b"?" at its rare
    characters.  Each stretch runs from after the space or line feed before
    its first rare character to the one after its last; stretches closer than
    ``GAP`` merge.  Every search starts where the last one stopped, so the
    text is read a fixed number of times.
    """
    stretches: list[tuple[int, int]] = []
    match = RARE_RUN.search(marks)
    while match is not None:
        s = match.start()
        lo = stretches[-1][1] if stretches else 0
        start = max(marks.rfind(b" ", lo, s), marks.rfind(b"\n", lo, s)) + 1
        reach = match.end()
        if stretches and start - stretches[-1][1] < GAP:
            # Dense: grow the stretch by its own length, so that a text full of rare
            # characters is cut into a few long pieces, not one per word.
            first, last = stretches.pop()
            start = first
            reach = max(reach, last + (last - first))
        reach = min(reach, n)
        space = marks.find(b" ", reach)
        end = space if space >= 0 else n
        line = marks.find(b"\n", reach, end)
        end = line if line >= 0 else end
        stretches.append((start, end))
        match = RARE_RUN.search(marks, end)
    return stretches


def hard_pieces(data: bytes, cls: bytearray, n: int) -> list[tuple[int, int]]:
    """The stretches to align by the reference: around each run of hard bytes.

    Each reaches out to the nearest lone space with a plain kept character on
    each side (a *cut*).  A stretch starts just after a cut (or at 0) and ends at a cut (or at n);
    stretches with no cut between them, or closer than ``GAP``, merge.  A
    final ``(n, n)`` is never returned; the caller aligns what follows the last
    stretch fast.
    """

    def is_cut(p: int) -> bool:
        return 0 < p < n - 1 and cls[p - 1] == KEPT and cls[p + 1] == KEPT

    stretches: list[tuple[int, int]] = []
    match = ALONE_RUN.search(cls)
    while match is not None:
        s, e = match.span()
        lo = stretches[-1][1] if stretches else 0  # the last stretch ends at a cut
        p = data.rfind(b" ", lo, s)
        while p >= 0 and not is_cut(p):
            p = data.rfind(b" ", lo, p)
        start = p + 1
        if p < 0 or (stretches and start - lo < GAP):
            start = stretches.pop()[0] if stretches else 0
        q = data.find(b" ", e)
        while q >= 0 and not is_cut(q):
            q = data.find(b" ", q + 1)
        end = n if q < 0 else q
        stretches.append((start, end))
        match = ALONE_RUN.search(cls, end)
    return stretches


class Splice:
    """An alignment assembled from consecutive pieces, each with its own alignment."""

    __slots__ = ("flags", "norm", "orig", "original", "texts")

    def __init__(self, original: str) -> None:
        self.original = original
        self.norm = array("q", [0])
        self.orig = array("q", [0])
        self.flags = bytearray()
        self.texts: list[str] = []

    def add(self, piece: Alignment, offset: int, trim_first: bool, trim_last: bool) -> None:
        """Append piece, whose original starts at offset in the whole text.

        ``trim_first``/``trim_last`` drop its first/last character, which is a
        plain kept character mapped one to one (it belongs to the neighbour).
        """
        nb, ob, lin = piece.breaks()
        text = piece.text
        flags = bytearray(lin)
        if trim_first:
            if nb[1] == 1:
                del nb[0], ob[0], flags[0]
            else:
                nb[0] = ob[0] = 1
            text = text[1:]
        if trim_last:
            if nb[-1] - nb[-2] == 1:
                del nb[-1], ob[-1], flags[-1]
            else:
                nb[-1] -= 1
                ob[-1] -= 1
            text = text[:-1]
        if not flags:
            return
        shift = self.norm[-1] - nb[0]
        self.norm.extend(map(shift.__add__, nb[1:]))
        self.orig.extend(map(offset.__add__, ob[1:]))
        self.flags += flags
        self.texts.append(text)

    def build(self) -> Alignment:
        """The whole alignment (checked against the reference by the tests)."""
        return Alignment.from_segments(
            self.original,
            "".join(self.texts),
            self.norm,
            self.orig,
            bytes(self.flags),
            validate=False,
        )
