"""Offset maps between an original text and its normalized form.

The contract (shared by the reference pipeline and the fast path)
=================================================================

An alignment is a sequence of *k* segments given by two non-decreasing integer
sequences ``norm_breaks`` and ``orig_breaks`` of length *k* + 1, plus one
``linear`` flag per segment:

* ``norm_breaks[0] == orig_breaks[0] == 0``, ``norm_breaks[k] == len(text)``
  and ``orig_breaks[k] == len(original)``;
* segment *j* maps ``text[norm_breaks[j]:norm_breaks[j+1]]`` to
  ``original[orig_breaks[j]:orig_breaks[j+1]]``;
* if ``linear[j]`` the two sides have the same length and positions map one to
  one (a 1:1 character substitution such as أ -> ا is linear);
* otherwise the segment is *atomic*: it maps as a whole.  A *deletion* is an
  atomic segment whose normalized side is empty.  Expansions (ligatures, ﷺ),
  collapsed whitespace runs, composed hamza sequences, and letters together
  with the marks or tatweel deleted after them are atomic segments.

Build one with :meth:`Alignment.from_segments`.  Segments with both sides
empty are not allowed; an atomic segment must not be empty on its original
side (the normalizers never insert text out of nothing).

Span semantics (half-open ``[start, end)``)
-------------------------------------------

``to_original(start, end)`` returns the smallest original span covering the
normalized span: a position inside a linear segment maps to the corresponding
position, a span touching an atomic segment covers all of it.  Deletions are
attached at build time, not at query time: a diacritic or tatweel deleted after
a letter is part of that letter's atomic segment, so a hit on the letter
covers its marks; invisible characters and stripped whitespace are stand-alone
deletions and are left out of a span that does not need them (a span never
starts or ends with a stand-alone deletion).

``to_normalized(start, end)`` is the converse: the smallest normalized span
whose characters come from the original span (a span that only partly covers
an atomic segment gets all of that segment's output).  An empty span maps to
an empty span.  Both run in O(log k) with :mod:`bisect`.

Storage
-------

The break sequences are ``array('q')`` (8 bytes per break) or, for maps with a
segment per character or two (vowelled text), :class:`DeltaBreaks`: one byte
per segment (its length) plus a checkpoint every 256 breaks, built from
bytes without a Python int per segment.  Both answer the same queries.
"""

from __future__ import annotations

import zlib
from array import array
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from itertools import accumulate
from typing import TypeAlias

import attrs

__all__ = ["Alignment", "DeltaBreaks"]

_BLOCK = 256  # DeltaBreaks: breaks per checkpoint


def _byte_sum(data: bytes) -> int:
    """The sum of at most 256 bytes, computed in C.

    The low half of an Adler-32 checksum is 1 + the sum of the bytes modulo
    65521, and 256 bytes add up to at most 65280: so it is the exact sum.
    (``sum()`` over bytes would make a Python int per byte.)
    """
    return (zlib.adler32(data) & 0xFFFF) - 1


class DeltaBreaks:
    """A non-decreasing sequence of ints stored as its steps, one byte each.

    Item *j* is the sum of the first *j* steps (item 0 is 0).  A checkpoint
    (the item itself) every 256 items, in an ``array('q')``, makes indexing
    and :meth:`find` cost one :mod:`bisect` over the checkpoints plus at most
    256 byte additions done in C.  Building one from bytes needs no Python int
    per item, which is what makes aligning a long vowelled text affordable.

    >>> b = DeltaBreaks(bytes([1, 0, 2, 1]))
    >>> list(b), b[3], b.find(1), b.find(3)
    ([0, 1, 1, 3, 4], 3, 3, 4)

    Raises:
        TypeError: if steps is not bytes.
    """

    __slots__ = ("_checkpoints", "_steps")

    def __init__(self, steps: bytes) -> None:
        if not isinstance(steps, bytes):
            raise TypeError(
                f"DeltaBreaks() expects bytes, got {type(steps).__name__}; pass bytes(steps)"
            )
        self._steps = steps
        whole = len(steps) - len(steps) % _BLOCK
        adler = zlib.adler32  # inlined _byte_sum: one call per block
        sums = ((adler(steps[i : i + _BLOCK]) & 0xFFFF) - 1 for i in range(0, whole, _BLOCK))
        self._checkpoints = array("q", accumulate(sums, initial=0))

    def __len__(self) -> int:
        return len(self._steps) + 1

    def __getitem__(self, j: int) -> int:
        size = len(self._steps) + 1
        if j < 0:
            j += size
        if not 0 <= j < size:
            raise IndexError(f"DeltaBreaks index out of range 0..{size - 1}; pass one below len()")
        block = j // _BLOCK
        return self._checkpoints[block] + _byte_sum(self._steps[block * _BLOCK : j])

    def __iter__(self) -> Iterator[int]:
        return iter(accumulate(self._steps, initial=0))

    def find(self, x: int) -> int:
        """The number of items <= x, as ``bisect.bisect_right`` on the whole sequence.

        >>> DeltaBreaks(bytes([2, 0, 1])).find(2)
        3

        Raises:
            TypeError: if x is not a number.
        """
        block = bisect_right(self._checkpoints, x) - 1
        if block < 0:
            return 0
        lo = block * _BLOCK
        items = list(accumulate(self._steps[lo : lo + _BLOCK], initial=self._checkpoints[block]))
        return lo + bisect_right(items, x)

    @property
    def steps(self) -> bytes:
        r"""The steps, one byte each (item *j* is the sum of the first *j*).

        >>> DeltaBreaks(b"\x01\x02").steps
        b'\x01\x02'
        """
        return self._steps

    def to_array(self) -> array[int]:
        r"""Every item, as an ``array('q')``.

        >>> DeltaBreaks(b"\x01\x02").to_array()
        array('q', [0, 1, 3])
        """
        return array("q", accumulate(self._steps, initial=0))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, DeltaBreaks):
            return self._steps == other._steps
        if isinstance(other, array):
            return self.to_array() == other
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # equal to arrays, which are unhashable

    def __reduce__(self) -> tuple[type[DeltaBreaks], tuple[bytes]]:
        return (DeltaBreaks, (self._steps,))

    def __repr__(self) -> str:
        return f"DeltaBreaks(<{len(self._steps)} steps>)"


_Breaks: TypeAlias = "array[int] | DeltaBreaks"


def _find(breaks: _Breaks, x: int) -> int:
    """bisect_right over either kind of breaks."""
    if isinstance(breaks, DeltaBreaks):
        return breaks.find(x)
    return bisect_right(breaks, x)


def _as_array(breaks: _Breaks) -> array[int]:
    """The breaks as an array (itself when it is one)."""
    return breaks.to_array() if isinstance(breaks, DeltaBreaks) else breaks


def _map_span(
    src: _Breaks, dst: _Breaks, lin: bytes, span: tuple[int, int], sizes: tuple[int, int]
) -> tuple[int, int]:
    """Map ``[start, end)`` from the side whose breaks are ``src`` to the side of ``dst``.

    The one mapping behind ``to_original`` (src = normalized breaks) and
    ``to_normalized`` (src = original breaks): inside a linear segment offsets
    move one for one; a non-linear segment maps to the whole of its other side.
    """
    start, end = span
    if start == end:
        src_size, dst_size = sizes
        if start == src_size:  # the empty span at the very end
            return dst_size, dst_size
        j = _find(src, start) - 1
        p = dst[j] + (start - src[j]) if lin[j] else dst[j]
        return p, p
    j = _find(src, start) - 1
    d_start = dst[j] + (start - src[j]) if lin[j] else dst[j]
    j = _find(src, end - 1) - 1
    d_end = dst[j] + (end - src[j]) if lin[j] else dst[j + 1]
    return d_start, d_end


def _check_span(name: str, start: int, end: int, size: int) -> None:
    """Raise unless 0 <= start <= end <= size, naming the method and the fix."""
    if not isinstance(start, int) or not isinstance(end, int):
        raise TypeError(
            f"{name}() expects int positions, got {type(start).__name__} and "
            f"{type(end).__name__}; pass character offsets"
        )
    if not 0 <= start <= end <= size:
        raise ValueError(
            f"{name}() got span ({start}, {end}) outside 0..{size}; "
            "pass 0 <= start <= end <= the length of that text"
        )


@attrs.frozen(repr=False)
class Alignment:
    """A normalized text with its map back to the original text.

    Get one from :meth:`arnews.normalize.Normalizer.align`; the module
    docstring of ``arnews.normalize._align`` states the exact contract.

    >>> from arnews.normalize import SEARCH
    >>> a = SEARCH.align("قالَ  الرئيسُ")
    >>> a.text
    'قال الرييس'
    >>> a.to_original(4, 10)
    (6, 13)
    >>> a.original[6:13]
    'الرئيسُ'
    >>> a.to_normalized(0, 4)
    (0, 3)

    Raises:
        ValueError: from :meth:`from_segments` when the arrays break the contract.
    """

    original: str
    text: str
    # the map takes part in ==, not in hash (arrays are unhashable)
    _norm: _Breaks = attrs.field(alias="norm", hash=False)
    _orig: _Breaks = attrs.field(alias="orig", hash=False)
    _linear: bytes = attrs.field(alias="linear", hash=False)

    @classmethod
    def from_segments(
        cls,
        original: str,
        text: str,
        norm_breaks: Sequence[int],
        orig_breaks: Sequence[int],
        linear: Sequence[int] | bytes,
        *,
        validate: bool = True,
    ) -> Alignment:
        """Build an alignment from segment break arrays (see the module contract).

        ``norm_breaks`` and ``orig_breaks`` have one more item than
        ``linear``.  Pass ``validate=False`` only for arrays known to be
        right (the full check is O(k) in Python).

        >>> a = Alignment.from_segments("ـبَ", "ب", [0, 0, 1], [0, 1, 3], [False, False])
        >>> a.to_original(0, 1)
        (1, 3)

        Raises:
            ValueError: if the arrays break the contract.
        """
        norm = norm_breaks if isinstance(norm_breaks, array) else array("q", norm_breaks)
        orig = orig_breaks if isinstance(orig_breaks, array) else array("q", orig_breaks)
        flags = linear if isinstance(linear, bytes) else bytes(bool(x) for x in linear)
        k = len(flags)
        if len(norm) != k + 1 or len(orig) != k + 1:
            raise ValueError(
                f"from_segments() needs k + 1 breaks for k = {k} flags, got "
                f"{len(norm)} and {len(orig)}; pass one more break than flags"
            )
        if norm[0] != 0 or orig[0] != 0 or norm[k] != len(text) or orig[k] != len(original):
            raise ValueError(
                "from_segments() breaks must start at 0 and end at len(text) and "
                "len(original); fix the first or last break"
            )
        if validate:
            _validate(norm, orig, flags)
        return cls(original, text, norm, orig, flags)

    @classmethod
    def from_deltas(
        cls,
        original: str,
        text: str,
        norm_steps: bytes,
        orig_steps: bytes,
        linear: bytes,
        *,
        validate: bool = True,
    ) -> Alignment:
        r"""Build an alignment from the segments' lengths, one byte per segment.

        The compact form of :meth:`from_segments`: segment *j* has
        ``norm_steps[j]`` normalized and ``orig_steps[j]`` original
        characters (so no segment is longer than 255).  The breaks are kept
        as :class:`DeltaBreaks`.

        >>> a = Alignment.from_deltas("ـبَ", "ب", b"\x00\x01", b"\x01\x02", b"\x00\x00")
        >>> a.to_original(0, 1)
        (1, 3)

        Raises:
            ValueError: if the lengths break the contract.
        """
        k = len(linear)
        if len(norm_steps) != k or len(orig_steps) != k:
            raise ValueError(
                f"from_deltas() needs one length per segment for k = {k} flags, got "
                f"{len(norm_steps)} and {len(orig_steps)}; pass as many lengths as flags"
            )
        norm, orig = DeltaBreaks(norm_steps), DeltaBreaks(orig_steps)
        if norm[k] != len(text) or orig[k] != len(original):
            raise ValueError(
                "from_deltas() lengths must add up to len(text) and len(original); "
                "fix the segment lengths"
            )
        if validate:
            _validate(norm.to_array(), orig.to_array(), linear)
        return cls(original, text, norm, orig, linear)

    @classmethod
    def identity(cls, text: str) -> Alignment:
        """The alignment of a text with itself (one linear segment, or none).

        >>> Alignment.identity("abc").to_original(1, 2)
        (1, 2)
        """
        n = len(text)
        if n == 0:
            return cls(text, text, array("q", [0]), array("q", [0]), b"")
        return cls(text, text, array("q", [0, n]), array("q", [0, n]), b"\x01")

    @property
    def segment_count(self) -> int:
        """How many segments the map has (a measure of its size).

        >>> Alignment.identity("abc").segment_count
        1
        """
        return len(self._linear)

    @property
    def is_one_to_one(self) -> bool:
        """Whether every segment is linear (only 1:1 substitutions, if any).

        >>> Alignment.identity("abc").is_one_to_one
        True
        """
        return all(self._linear)

    def segments(self) -> Iterator[tuple[int, int, int, int, bool]]:
        """Yield ``(norm_start, norm_end, orig_start, orig_end, linear)`` per segment.

        >>> list(Alignment.identity("ab").segments())
        [(0, 2, 0, 2, True)]
        """
        norm, orig = _as_array(self._norm), _as_array(self._orig)
        for j, flag in enumerate(self._linear):
            yield norm[j], norm[j + 1], orig[j], orig[j + 1], bool(flag)

    def deltas(self) -> tuple[DeltaBreaks, DeltaBreaks, bytes] | None:
        r"""The breaks as :class:`DeltaBreaks` and the flags, if the map is stored so.

        >>> Alignment.from_deltas("ab", "ab", b"\x01\x01", b"\x01\x01", b"\x01\x01").deltas()
        (DeltaBreaks(<2 steps>), DeltaBreaks(<2 steps>), b'\x01\x01')
        >>> Alignment.identity("ab").deltas() is None
        True
        """
        if isinstance(self._norm, DeltaBreaks) and isinstance(self._orig, DeltaBreaks):
            return self._norm, self._orig, self._linear
        return None

    def breaks(self) -> tuple[array[int], array[int], bytes]:
        r"""The raw contract arrays ``(norm_breaks, orig_breaks, linear)`` (copies).

        >>> Alignment.identity("ab").breaks()
        (array('q', [0, 2]), array('q', [0, 2]), b'\x01')
        """
        return array("q", _as_array(self._norm)), array("q", _as_array(self._orig)), self._linear

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalized span ``[start, end)`` to the original span it came from.

        >>> from arnews.normalize import SEARCH
        >>> a = SEARCH.align("ﷺ  أحمد")
        >>> a.text
        'صلي الله عليه وسلم احمد'
        >>> a.to_original(4, 8), a.to_original(19, 23)
        ((0, 1), (3, 7))

        Raises:
            TypeError: if a position is not an int.
            ValueError: if the span is not inside the normalized text.
        """
        _check_span("to_original", start, end, len(self.text))
        sizes = len(self.text), len(self.original)
        return _map_span(self._norm, self._orig, self._linear, (start, end), sizes)

    def to_normalized(self, start: int, end: int) -> tuple[int, int]:
        """Map an original span ``[start, end)`` to the normalized span it became.

        >>> from arnews.normalize import SEARCH
        >>> a = SEARCH.align("بَيْتٌ كبير")
        >>> a.to_normalized(0, 6), a.to_normalized(1, 2)
        ((0, 3), (0, 1))

        Raises:
            TypeError: if a position is not an int.
            ValueError: if the span is not inside the original text.
        """
        _check_span("to_normalized", start, end, len(self.original))
        sizes = len(self.original), len(self.text)
        return _map_span(self._orig, self._norm, self._linear, (start, end), sizes)

    def __repr__(self) -> str:
        def cut(s: str) -> str:
            return repr(s if len(s) <= 30 else s[:27] + "...")

        return (
            f"Alignment(original={cut(self.original)}, text={cut(self.text)}, "
            f"segments={self.segment_count})"
        )


def _validate(norm: array[int], orig: array[int], flags: bytes) -> None:
    """Check monotonicity, non-empty segments and equal lengths of linear ones."""
    for j, flag in enumerate(flags):
        dn = norm[j + 1] - norm[j]
        do = orig[j + 1] - orig[j]
        if dn < 0 or do < 0:
            raise ValueError(
                f"from_segments() breaks decrease at segment {j}; breaks must be non-decreasing"
            )
        if flag and dn != do:
            raise ValueError(
                f"from_segments() linear segment {j} has sides of length {dn} and {do}; "
                "mark it atomic or fix the breaks"
            )
        if do == 0:
            raise ValueError(
                f"from_segments() segment {j} is empty on the original side; "
                "merge it into a neighbouring segment"
            )


class SegmentBuilder:
    """Accumulate segments left to right, merging adjacent linear ones and deletions."""

    __slots__ = ("lin", "norm", "orig")

    def __init__(self) -> None:
        self.norm = array("q", [0])
        self.orig = array("q", [0])
        self.lin = bytearray()

    def add(self, n_len: int, o_len: int, linear: bool) -> None:
        """Append one segment (zero-length linear segments are dropped)."""
        if n_len == 0 and o_len == 0:
            return
        if self.lin:
            last = self.lin[-1]
            last_n = self.norm[-1] - self.norm[-2]
            if (linear and last) or (not linear and not last and n_len == 0 and last_n == 0):
                self.norm[-1] += n_len
                self.orig[-1] += o_len
                return
        self.norm.append(self.norm[-1] + n_len)
        self.orig.append(self.orig[-1] + o_len)
        self.lin.append(1 if linear else 0)

    def copy(self, norm: array[int], orig: array[int], lin: bytes, lo: int, hi: int) -> None:
        """Append segments lo..hi-1 of another (merged) map, shifted to the current end."""
        self.add(norm[lo + 1] - norm[lo], orig[lo + 1] - orig[lo], bool(lin[lo]))
        if hi - lo < 2:
            return
        dn = self.norm[-1] - norm[lo + 1]
        do = self.orig[-1] - orig[lo + 1]
        self.norm.extend(map(dn.__add__, norm[lo + 2 : hi + 1]))
        self.orig.extend(map(do.__add__, orig[lo + 2 : hi + 1]))
        self.lin += lin[lo + 1 : hi]

    def extend_last(self, n_len: int, o_len: int) -> None:
        """Grow the last segment, making it atomic (used to attach deletions)."""
        self.norm[-1] += n_len
        self.orig[-1] += o_len
        self.lin[-1] = 0

    def build(self, original: str, text: str) -> Alignment:
        """Finish as an Alignment (checked in debug use by the caller's tests)."""
        return Alignment(original, text, self.norm, self.orig, bytes(self.lin))


def from_edits(original: str, text: str, edits: Sequence[tuple[int, int, int, bool]]) -> Alignment:
    """Build a one-step alignment from sorted, non-overlapping edits.

    Each edit is ``(start, end, new_length, attach)``: ``original[start:end]``
    became ``new_length`` characters; everything between edits is unchanged
    (linear).  A deletion (``new_length == 0``) with ``attach`` set joins the
    character just before it into one atomic segment, unless it is at the
    start of the text.
    """
    b = SegmentBuilder()
    cursor = 0
    for start, end, new_len, attach in edits:
        if new_len == 0 and attach and start > 0:
            if start > cursor:
                b.add(start - 1 - cursor, start - 1 - cursor, True)
                b.add(1, end - start + 1, False)
            else:
                b.extend_last(0, end - start)
        else:
            b.add(start - cursor, start - cursor, True)
            b.add(new_len, end - start, False)
        cursor = end
    b.add(len(original) - cursor, len(original) - cursor, True)
    return b.build(original, text)


def compose(first: Alignment, second: Alignment) -> Alignment:
    """Chain ``first`` (original -> mid) with ``second`` (mid -> text).

    Requires ``first.text == second.original``.  Pieces are the intersections
    of the two maps' segments over the middle text; a piece is linear when both
    sides are linear, and consecutive pieces sharing an atomic segment of
    either map merge into one atomic segment.  A deletion of one map stays a
    stand-alone deletion unless it falls strictly inside an atomic segment of
    the other.
    """
    an, ao, al = _as_array(first._norm), _as_array(first._orig), first._linear
    bm, bt, bl = _as_array(second._orig), _as_array(second._norm), second._linear
    ka, kb = len(al), len(bl)
    out = SegmentBuilder()
    group = _Group(out)
    i = j = m = 0
    seen_a = seen_b = -1
    while j < ka or i < kb:
        if j < ka and an[j] == an[j + 1]:  # deletion in the first map, at mid position m
            inside = i < kb and bm[i] < m and not bl[i]
            group.piece(0, ao[j + 1] - ao[j], ((1, i),) if inside else ())
            j += 1
            continue
        if i < kb and bm[i] == bm[i + 1]:  # insertion in the second map (never made here)
            inside = j < ka and an[j] < m and not al[j]
            group.piece(bt[i + 1] - bt[i], 0, ((0, j),) if inside else ())
            i += 1
            continue
        if m == an[j] and bl[i]:
            # bulk: first-map segments lying wholly inside a linear segment of the second
            t = bisect_right(an, bm[i + 1], j) - 1
            if t > j:
                group.flush()
                out.copy(an, ao, al, j, t)
                j, m = t, an[t]
                if m == bm[i + 1]:
                    i += 1
                continue
        if m == bm[i] and al[j]:
            # bulk: second-map segments lying wholly inside a linear segment of the first
            t = bisect_right(bm, an[j + 1], i) - 1
            if t > i:
                group.flush()
                out.copy(bt, bm, bl, i, t)
                i, m = t, bm[t]
                if m == an[j + 1]:
                    j += 1
                continue
        end = min(an[j + 1], bm[i + 1])
        size = end - m
        if al[j] and bl[i]:
            group.flush()
            out.add(size, size, True)
        else:
            keys: list[tuple[int, int]] = []
            if al[j]:
                o_len = size
            else:
                o_len = ao[j + 1] - ao[j] if seen_a != j else 0
                seen_a = j
                keys.append((0, j))
            if bl[i]:
                n_len = size
            else:
                n_len = bt[i + 1] - bt[i] if seen_b != i else 0
                seen_b = i
                keys.append((1, i))
            group.piece(n_len, o_len, tuple(keys))
        m = end
        if m == an[j + 1]:
            j += 1
        if m == bm[i + 1]:
            i += 1
    group.flush()
    return out.build(first.original, second.text)


class _Group:
    """An atomic segment being assembled from pieces that share an atomic key."""

    __slots__ = ("keys", "n_len", "o_len", "out")

    def __init__(self, out: SegmentBuilder) -> None:
        self.out = out
        self.n_len = self.o_len = 0
        self.keys: set[tuple[int, int]] = set()

    def flush(self) -> None:
        """Emit the pending atomic segment, if any."""
        if self.keys:
            self.out.add(self.n_len, self.o_len, False)
            self.n_len = self.o_len = 0
            self.keys.clear()

    def piece(self, n_len: int, o_len: int, keys: tuple[tuple[int, int], ...]) -> None:
        """Add an atomic piece: join the pending group if it shares a key, else start anew."""
        if self.keys and self.keys.isdisjoint(keys):
            self.flush()
        if not keys:  # a stand-alone deletion (or insertion)
            self.out.add(n_len, o_len, False)
            return
        self.n_len += n_len
        self.o_len += o_len
        self.keys.update(keys)
