"""Fast, exact implementations of the SEARCH and CLEAN presets, in pure Python.

:mod:`arnews.normalize` calls :func:`search`, :func:`clean`, :func:`search_align`
and :func:`clean_align` in place of its step-by-step reference pipeline; each
returns exactly what the reference returns (``tests/test_fastpath.py`` checks
that on arbitrary text).

How it works
------------

Per-character tools on ``str`` (``str.translate`` with a dict, chains of
``str.replace``) run at 15-35 MB/s on Arabic text; C loops over *bytes* run
ten to fifty times faster.  So the text takes a detour through a private
one-byte code page:

1. ``codecs.charmap_encode`` gives one byte to each of about 250 characters
   that make up nearly all Arabic news text: ASCII, the Arabic letters, marks,
   digits and punctuation, the common spaces, quotes and invisible controls.
   Every other character, and every character whose treatment depends on its
   neighbours (combining madda/hamza, which compose with the letter before;
   ٫ and ٬, which change only between digits; ZWNJ, which Persian words keep),
   becomes the byte 0xFF through an error handler, so one byte still stands
   for one character and byte offsets are character offsets.
2. One ``bytes.translate(table, delete)`` applies every per-character rule of
   the preset at once: the folds, the deletions, and turning each kind of
   space into ' '.  The table is made at import by running the reference
   pipeline on every code-page character (in several contexts, to catch any
   rule that looks at neighbours), so the two cannot drift apart.
3. Whitespace runs are collapsed on the bytes (after a cheap check that there
   is anything to collapse), and the ends are stripped.
4. ``codecs.charmap_decode`` turns the bytes back into a str.  (Texts under
   1 KB are decoded first and checked for whitespace runs as a str, which
   costs less per call.)

A text with 0xFF bytes is cut at ASCII spaces and line feeds, which no rule
looks across: the words holding a 0xFF byte go through the reference steps,
the rest through the table, and the reference whitespace step runs on the
joined result.  Texts full of such words go to the reference whole.

Alignments
----------

Alignments follow the same route when the text has no 0xFF byte and no
invisible character (whose stand-alone deletions the reference places by
rules of its own); any other text is aligned by the reference.  The map is
then simple: each kept character maps to itself, a run of deleted marks or
tatweel joins the character before it into one atomic segment (or is deleted
on its own at the very start), the stripped ends are deletions, a collapsed
run of spaces is one atomic segment, and the spaces next to a line break are
deletions.  A class-per-byte copy of the encoded text locates all of this.
With few deletions, a regex walks the runs; with many (a vowelled text),
every output character gets its own segment: its width (1 + the marks after
it) comes from ``bytes.replace`` and ``bytes.translate``, the original
positions from ``itertools.accumulate`` over the widths, and the output
positions 0, 1, 2 ... are written byte by byte (:func:`_iota`).
"""

from __future__ import annotations

import codecs
import re
import sys
from array import array
from collections.abc import Callable
from itertools import accumulate

from . import _chars
from ._align import Alignment, SegmentBuilder
from .normalize import CLEAN, SEARCH, Normalizer, normalize_whitespace

__all__ = ["ACTIVE", "clean", "clean_align", "search", "search_align"]

_RARE = 0xFF  # the byte of every character outside the code page
_RARE_CHAR = "\uffff"  # a noncharacter: the code page's character for byte 0xFF
_ERRORS = "arnews.fastpath.rare"


def _rare_handler(error: UnicodeError) -> tuple[str, int]:
    """Encode a run of characters outside the code page as one 0xFF byte per character."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    return _RARE_CHAR * (error.end - error.start), error.end


codecs.register_error(_ERRORS, _rare_handler)

# The non-ASCII characters offered a byte, most frequent in Arabic news first.
# Whatever the reference treats by context is taken out again below.
_CANDIDATES = (
    "\u060c\u061b\u061f"  # ، ؛ ؟
    + "".join(map(chr, range(0x0621, 0x063B)))  # hamza .. ghain
    + "".join(map(chr, range(0x0640, 0x0660)))  # tatweel, feh .. yeh, the marks U+064B-U+065F
    + "".join(map(chr, range(0x0660, 0x066D)))  # ٠-٩, ٪, ٫, ٬
    + "\u0670\u0671"  # superscript alef, alef wasla
    + "\u067e\u0686\u0698\u06a9\u06af\u06cc"  # پ چ ژ ک گ ی
    + "".join(map(chr, range(0x06F0, 0x06FA)))  # ۰-۹
    + "\u00a0\u00ab\u00bb\u00ad"  # NBSP, « », SOFT HYPHEN
    + "\u2009\u200a\u202f"  # THIN SPACE, HAIR SPACE, NARROW NO-BREAK SPACE
    + "\u200b\u200c\u200d\u200e\u200f\u061c\u2060\ufeff"  # zero-width and bidi marks
    + "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"  # bidi embeddings, isolates
    + "\u2018\u2019\u201c\u201d\u201e\u2013\u2014\u2026\u2022"  # ‘ ’ “ ” „ – — … •
)

# Characters whose treatment depends on their neighbours, in some preset.
_CONTEXTUAL = frozenset(
    _chars.COMPOSING_MARKS
    | _chars.HAMZA_MARKS
    | {_chars.DECIMAL_SEPARATOR, _chars.THOUSANDS_SEPARATOR, _chars.ZWNJ}
)
# Neighbours (left, right) tried around each candidate when probing the reference: letters
# (Arabic, composing bases, Persian), digits, tatweel, and word ends (a space on one side).
_PROBE_CONTEXTS = (
    *((c, c) for c in "x\u0628\u0627\u0647\u067e\u0661\u0031\u0640"),  # x ب ا ه پ ١ 1 ـ
    ("\u0628", " "),
    (" ", "\u0628"),
    ("\u0661", " "),
    (" ", "\u0661"),
)
_WS = b" \n\r"  # the only whitespace bytes left after the table is applied

# Classes of the byte-class copy used for alignments.
_KEPT, _ATTACHED, _SPACE, _ALONE = 0, 1, 2, 3

_ATTACHED_RUN = re.compile(rb"\x01+")


class _Plan:
    """Everything one preset's fast path needs: code page, tables, reference parts."""

    __slots__ = (
        "char_steps",
        "classes",
        "decoding",
        "delete",
        "encoding",
        "reference",
        "table",
        "whitespace",
    )

    def __init__(self, preset: Normalizer) -> None:
        self.reference = preset.reference
        steps = preset.steps
        last = steps[-1]
        if last.func is not normalize_whitespace or last.options:
            raise ValueError(f"{preset.name} does not end with normalize_whitespace()")
        # The reference without its last step, for the words that need context.
        self.char_steps = Normalizer(steps[:-1], name=preset.name + " without whitespace")
        self.whitespace: Callable[[str], str] = last
        ref = self.reference

        sides = [
            (left, right, ref("x" + left + "x")[1:-1], ref("x" + right + "x")[1:-1])
            for left, right in _PROBE_CONTEXTS
        ]

        def probe(ch: str) -> str | None:
            """What ch becomes, the same next to every probe context; None if not so."""
            out = ref("x" + ch + "x")
            if len(out) < 2 or out[0] != "x" or out[-1] != "x":
                return None
            mid = out[1:-1]
            for left, right, left_out, right_out in sides:
                if mid.isspace() and " " in left + right:  # whitespace runs collapse
                    continue
                expected = "x" + left_out + mid + right_out + "x"
                if ref("x" + left + ch + right + "x") != expected:
                    return None
            return mid

        outputs: dict[str, str] = {}
        for ch in _CANDIDATES:
            out = None if ch in _CONTEXTUAL else probe(ch)
            if out is not None:
                outputs[ch] = out
        for i in range(128):
            ch = chr(i)
            outputs[ch] = " " if ch.isspace() and ch not in "\n\r" else ch
            if probe(ch) != outputs[ch]:
                raise ValueError(f"{preset.name} changes ASCII {ch!r}; the code page assumes not")
        # Keep a character only if its output is nothing or one code-page character,
        # and whitespace only as ' ', '\n' or '\r'; repeat until nothing more drops out.
        page = list(outputs)  # ASCII last: move it first, in byte order
        page = page[-128:] + page[:-128]

        def fits(out: str, members: set[str]) -> bool:
            """Whether a code page of members can hold out."""
            if len(out) > 1 or (out and out not in members):
                return False
            return not out.isspace() or out in " \n\r"

        while True:
            members = set(page)
            kept = [ch for ch in page if fits(outputs[ch], members)]
            if len(kept) == len(page):
                break
            page = kept
        if len(page) > 255 or page[:128] != [chr(i) for i in range(128)]:
            raise ValueError("the code page must start with ASCII and hold at most 255 characters")
        self.decoding = "".join(page) + "\ufffe" * (255 - len(page)) + _RARE_CHAR
        self.encoding = codecs.charmap_build(self.decoding)
        index = {ch: i for i, ch in enumerate(page)}
        table = bytearray(range(256))
        delete = bytearray()
        for i, ch in enumerate(page):
            if outputs[ch]:
                table[i] = index[outputs[ch]]
            else:
                delete.append(i)
        self.table = bytes(table)
        self.delete = bytes(delete)
        self.classes = self._classes(page)

    def _classes(self, chars: list[str]) -> bytes:
        """Class of each byte for alignments: kept, attached deletion, space, lone deletion.

        A deletion is "attached" when the reference joins it to the character
        before it (marks, tatweel) and "lone" when it is a stand-alone deletion
        (invisible characters); the probe asks the reference's own alignment.
        """
        align = self.reference.align
        classes = bytearray([_ALONE] * 256)  # 0xFF and unused bytes: never fast-aligned
        deleted = set(self.delete)
        for i, ch in enumerate(chars):
            out = self.decoding[self.table[i]]
            if i in deleted:
                a = align("x" + ch + "x")
                classes[i] = _ATTACHED if a.to_original(0, 1) == (0, 2) else _ALONE
            elif out in " \n\r":
                classes[i] = _SPACE
            else:
                a = align("x" + ch + "x")
                classes[i] = _KEPT if a.to_original(1, 2) == (1, 2) else _ALONE
        return bytes(classes)

    # -- text ---------------------------------------------------------------------------------

    def runner(self) -> Callable[[str], str]:
        """The function that normalizes a text exactly as the reference does.

        A closure over the plan's tables: on short texts, where the C calls take
        a few hundred nanoseconds, attribute and global lookups would be felt.
        """
        encode, decode = codecs.charmap_encode, codecs.charmap_decode
        encoding, decoding = self.encoding, self.decoding
        table, delete, slow = self.table, self.delete, self._run_pieces
        errors, collapse = _ERRORS, _collapse

        def run(text: str) -> str:
            data = encode(text, errors, encoding)[0]
            if 255 in data:  # a character outside the code page (_RARE)
                return slow(text, data)
            data = data.translate(table, delete)
            if len(data) > 1024:  # _collapse looks for each case itself
                return decode(collapse(data.strip(b" \n\r")), "strict", decoding)[0]
            # A short text: the checks are cheaper on the str (the only whitespace left
            # in it is ' ', '\n' and '\r', so str.strip strips just those).
            out: str = decode(data, "strict", decoding)[0].strip()
            if "  " in out or (("\n" in out or "\r" in out) and _space_at_break(out)):
                return _collapse_text(out)
            return out

        return run

    def _run_pieces(self, text: str, data: bytes) -> str:
        """Normalize a text with 0xFF bytes: those words by the reference, the rest fast."""
        n = len(data)
        parts: list[str] = []
        pos = 0
        limit = 2 + n // 64  # more slow words than this: the reference is faster
        rare = data.find(_RARE)
        while rare >= 0:
            # The word around the rare byte: from after the last ' ' or '\n' to the next.
            start = max(data.rfind(32, pos, rare), data.rfind(10, pos, rare), pos - 1) + 1
            ends = [e for e in (data.find(32, rare), data.find(10, rare)) if e >= 0]
            end = min(ends) if ends else n
            if start > pos:
                parts.append(self._decode(data[pos:start].translate(self.table, self.delete)))
            parts.append(self.char_steps(text[start:end]))
            pos = end
            limit -= 1
            if not limit:
                return self.reference(text)
            rare = data.find(_RARE, pos)
        if pos < n:
            parts.append(self._decode(data[pos:].translate(self.table, self.delete)))
        return self.whitespace("".join(parts))

    def _decode(self, data: bytes) -> str:
        """Bytes of the code page back to str."""
        return codecs.charmap_decode(data, "strict", self.decoding)[0]

    # -- alignment ----------------------------------------------------------------------------

    def align(self, text: str) -> Alignment:
        """Normalize text with its alignment, exactly as the reference does."""
        n = len(text)
        data = codecs.charmap_encode(text, _ERRORS, self.encoding)[0]
        cls = data.translate(self.classes)
        if _ALONE in cls:  # rare characters, invisible characters
            return self.reference.align(text)
        # Deleted ends: leading spaces and marks; trailing spaces with the marks after them.
        lead = n - len(cls.lstrip(b"\x01\x02"))
        if lead == n:
            if n == 0:
                return Alignment.identity(text)
            return Alignment.from_segments(text, "", [0, 0], [0, n], b"\x00", validate=False)
        stop = len(cls.rstrip(b"\x01\x02"))
        stop = n - len(cls[stop:].lstrip(b"\x01"))
        # The middle, before whitespace collapsing, and the whitespace runs to collapse.
        core = data[lead:stop].translate(self.table, self.delete)
        runs = _space_runs(core)
        normalized = self._decode(_collapse(core) if runs else core)
        # From here on only attached deletions matter: spaces are kept characters.
        marks = cls[lead:stop].translate(_ATTACHED_ONLY)
        if marks.count(1) * _DENSE < len(marks):
            norm, orig, flags = _sparse_segments(marks, lead, core, runs)
        else:
            segments = _dense_segments(marks, lead, core, runs)
            if segments is None:
                return self.reference.align(text)
            norm, orig, flags = segments
        if lead:
            norm.insert(0, 0)
            orig.insert(0, 0)
            flags = b"\x00" + flags
        if stop < n:
            norm.append(norm[-1])
            orig.append(n)
            flags += b"\x00"
        return Alignment.from_segments(text, normalized, norm, orig, flags, validate=False)


#: Above one attached deletion per this many characters, segments are built per character.
_DENSE = 32
_ATTACHED_ONLY = bytes(1 if i == _ATTACHED else 0 for i in range(256))
_WIDTH = bytes([1, *range(1, 256)])  # width code -> width: 0 (a lone kept char) is 1
_LINEAR = bytes(1 if i == 1 else 0 for i in range(256))


def _cr(data: bytes) -> bool:
    """Whether a space touches a carriage return."""
    return 13 in data and (data.find(b" \r") >= 0 or data.find(b"\r ") >= 0)


def _collapse(data: bytes) -> bytes:
    """Collapse runs of spaces and drop spaces next to line breaks (ends already stripped).

    The same as the reference's per-line ``" ".join(line.split())`` once every
    space is ' ' and the only line breaks are LF and CR.  Each step first
    looks for work with ``bytes.find``, which is cheap next to a copy.
    """
    if data.find(b"  ") >= 0:
        # split on double spaces; a longer run leaves spaces at the start of the next piece
        pieces = (piece.lstrip(b" ") for piece in data.split(b"  "))
        data = b" ".join([piece for piece in pieces if piece])
    if data.find(b" \n") >= 0:
        data = data.replace(b" \n", b"\n")
    if data.find(b"\n ") >= 0:
        data = data.replace(b"\n ", b"\n")
    if 13 in data:
        data = data.replace(b" \r", b"\r").replace(b"\r ", b"\r")
    return data


def _space_at_break(text: str) -> bool:
    """Whether a space touches a line break (LF or CR)."""
    return " \n" in text or "\n " in text or " \r" in text or "\r " in text


def _collapse_text(text: str) -> str:
    """:func:`_collapse` on a str (used for short texts)."""
    if "  " in text:
        pieces = (piece.lstrip(" ") for piece in text.split("  "))
        text = " ".join([piece for piece in pieces if piece])
    text = text.replace(" \n", "\n").replace("\n ", "\n")
    if "\r" in text:
        text = text.replace(" \r", "\r").replace("\r ", "\r")
    return text


_Run = tuple[int, int, bool]  # a whitespace run to collapse: start, end, has a line break


def _space_runs(core: bytes) -> list[_Run]:
    """The whitespace runs of core that the whitespace step changes, in order.

    core has no whitespace at its ends; a run changes if it has two spaces or
    a space next to a line break.  A run with a line break keeps its breaks
    and loses its spaces; any other run becomes one space.
    """
    if not (b"  " in core or b" \n" in core or b"\n " in core or _cr(core)):
        return []
    found: set[int] = set()
    for needle in (b"  ", b" \n", b"\n ", b" \r", b"\r "):
        i = core.find(needle)
        while i >= 0:
            found.add(i)
            i = core.find(needle, i + 1)
    runs: list[_Run] = []
    for i in sorted(found):
        if runs and i < runs[-1][1]:
            continue
        start, end = i, i + 2
        while core[start - 1] in _WS:  # never at 0: core does not start with whitespace
            start -= 1
        while core[end] in _WS:
            end += 1
        chunk = core[start:end]
        runs.append((start, end, 10 in chunk or 13 in chunk))
    return runs


def _sparse_segments(
    marks: bytes, offset: int, core: bytes, runs: list[_Run]
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


def _iota(n: int) -> array[int]:
    """The int64 array 0, 1, ..., n - 1, written byte by byte (faster than from a range).

    Byte j of the number i is ``(i >> 8 * j) & 255``: a sequence of runs of
    equal bytes, each 256 ** j long, that extended-slice assignment lays into
    every eighth byte of the buffer.
    """
    if n < 4096:
        return array("q", range(n))
    buf = bytearray(8 * n)
    little = sys.byteorder == "little"
    for j in range(8 if n >> 32 else 4):
        if j == 0:
            seq = (bytes(range(256)) * (n // 256 + 1))[:n]
        else:
            step = 256**j
            seq = b"".join(
                bytes((k & 255,)) * min(step, n - k * step) for k in range(-(-n // step))
            )
        buf[(j if little else 7 - j) :: 8] = seq
    out = array("q")
    out.frombytes(buf)
    return out


def _dense_segments(
    marks: bytes, offset: int, core: bytes, runs: list[_Run]
) -> tuple[array[int], array[int], bytes] | None:
    """Segments for many deletion runs: one segment per output character.

    The width of each output character (itself plus the deleted marks after
    it) is found with bytes operations: ``0 1`` becomes ``2``, then ``2 1``
    becomes ``3``, and so on, once per mark of the longest run.  None if some
    run is too long for that (the caller falls back to the reference).
    Whitespace runs are then cut in from slices of these arrays.
    """
    widths = marks.replace(b"\x00\x01", b"\x02")
    k = 2
    while 1 in widths:
        if k == 255:
            return None
        widths = widths.replace(bytes((k, 1)), bytes((k + 1,)))
        k += 1
    widths = widths.translate(_WIDTH)
    orig = array("q", accumulate(widths, initial=offset))
    flags = widths.translate(_LINEAR)
    iota = _iota(len(widths) + 1)  # the output positions: one segment per character
    if not runs:
        return iota, orig, flags
    o_parts: list[array[int]] = []
    n_parts: list[array[int]] = []
    f_parts: list[bytes] = []
    cur = shift = 0  # shift: output characters removed so far
    for start, end, has_break in runs:
        o_parts.append(orig[cur:start])
        n_parts.append(iota[cur - shift : start - shift])
        f_parts.append(flags[cur:start])
        if has_break:  # the spaces go, each line break stays
            for i in range(start, end):
                o_parts.append(orig[i : i + 1])
                n_parts.append(iota[i - shift : i - shift + 1])
                if core[i] == 32:
                    f_parts.append(b"\x00")
                    shift += 1
                else:
                    f_parts.append(flags[i : i + 1])
        else:  # the run becomes one space
            o_parts.append(orig[start : start + 1])
            n_parts.append(iota[start - shift : start - shift + 1])
            f_parts.append(b"\x00")
            shift += end - start - 1
        cur = end
    o_parts.append(orig[cur:])
    n_parts.append(iota[cur - shift : len(widths) - shift + 1])
    f_parts.append(flags[cur:])
    norm = array("q")
    orig = array("q")
    for o_part, n_part in zip(o_parts, n_parts, strict=True):
        orig += o_part
        norm += n_part
    return norm, orig, b"".join(f_parts)


search: Callable[[str], str]
clean: Callable[[str], str]
search_align: Callable[[str], Alignment]
clean_align: Callable[[str], Alignment]
try:
    _SEARCH = _Plan(SEARCH)
    _CLEAN = _Plan(CLEAN)
except ValueError:  # the presets changed shape: stay exact, if slow
    ACTIVE = False
    search, search_align = SEARCH.reference, SEARCH.reference.align
    clean, clean_align = CLEAN.reference, CLEAN.reference.align
else:
    #: Whether the fast path is in use (False: the presets' shape was not recognised).
    ACTIVE = True
    search, search_align = _SEARCH.runner(), _SEARCH.align
    clean, clean_align = _CLEAN.runner(), _CLEAN.align
