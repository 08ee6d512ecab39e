"""Fast, exact implementations of the SEARCH and CLEAN presets, in pure Python.

A preset holds a :class:`FastPath`; its :class:`~arnews.normalize.Normalizer`
asks it for the functions to run in place of the step-by-step reference
pipeline.  Each returns exactly what the reference returns
(``tests/test_fastpath.py`` checks that on arbitrary text); an aligning
function builds its result with :meth:`Alignment.from_segments` or
:meth:`Alignment.from_deltas`, whose ``to_original``/``to_normalized`` answers
equal the reference ones for every span (the segment arrays may differ, e.g.
be merged).

How it works
------------

Per-character tools on ``str`` (``str.translate`` with a dict, chains of
``str.replace``) are slow on Arabic text; C loops over *bytes* are much faster
(benchmarks/README.md has the figures).  So the text takes a detour through a
private one-byte code page:

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
   space into ' '.  The table is made on first use by running the reference
   pipeline on every code-page character (in several contexts, to catch any
   rule that looks at neighbours), so the two cannot drift apart.
3. ``codecs.charmap_decode`` turns the bytes back into a str, whose ends are
   stripped.  Whitespace runs are then collapsed where ``str.find`` shows a
   need (two spaces, or a space beside a line break): real text has few.

The first encoding uses an error handler that raises at the first character
outside the code page, so the common case pays for no check of its own; a
text that has such characters is encoded again with the 0xFF handler.  A text
with 0xFF bytes is cut at ASCII spaces and line feeds, which no rule
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
it) comes from ``bytes.replace`` and ``bytes.translate``, and the map keeps
the segment lengths as bytes (:meth:`Alignment.from_deltas`), so no Python
int is made per segment.
"""

from __future__ import annotations

import codecs
import re
from array import array
from collections.abc import Callable
from typing import AnyStr

from .._checks import check_str
from . import _tables as _chars
from ._align import Alignment, SegmentBuilder
from ._operations import normalize_whitespace
from ._pipeline import Normalizer, Step

__all__ = ["FastPath", "plan_for"]

_RARE = 0xFF  # the byte of every character outside the code page
_RARE_CHAR = "\uffff"  # a noncharacter: the code page's character for byte 0xFF
_ERRORS = "arnews.fastpath.rare"


def _rare_handler(error: UnicodeError) -> tuple[str, int]:
    """Encode a run of characters outside the code page as one 0xFF byte per character."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    return _RARE_CHAR * (error.end - error.start), error.end


codecs.register_error(_ERRORS, _rare_handler)


class _OutsideCodePageError(Exception):
    """Raised by the signalling error handler: the text has a character outside the page."""


_SIGNAL = "arnews.fastpath.signal"


def _signal_handler(error: UnicodeError) -> tuple[str, int]:
    """Stop encoding at the first character outside the code page (the fast path's test)."""
    raise _OutsideCodePageError


codecs.register_error(_SIGNAL, _signal_handler)

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
        "name",
        "reference",
        "run",
        "table",
        "whitespace",
    )

    def __init__(self, preset: Normalizer) -> None:
        self.reference = preset.reference
        self.name = preset.name
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
        self.run = self.runner()

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
        table, delete, slow, name = self.table, self.delete, self._run_pieces, self.name
        signal = _SIGNAL

        def run(text: str) -> str:
            try:
                data = encode(text, signal, encoding)[0]
            except _OutsideCodePageError:  # a character outside the code page
                return slow(text)
            except TypeError:
                check_str(text, f"Normalizer {name!r}()", "pass the text as a str")  # names it
                raise
            # The only whitespace left is ' ', '\n' and '\r': str.strip strips just those.
            # (These checks on the str cost less than the same checks on the bytes.)
            out: str = decode(data.translate(table, delete), None, decoding)[0].strip()
            if (
                "  " in out
                or ("\n" in out and (" \n" in out or "\n " in out))
                or ("\r" in out and (" \r" in out or "\r " in out))
            ):
                return _collapse_text(out)
            return out

        return run

    def _run_pieces(self, text: str) -> str:
        """Normalize a text with 0xFF bytes: those words by the reference, the rest fast."""
        data = codecs.charmap_encode(text, _ERRORS, self.encoding)[0]
        n = len(data)
        parts: list[str] = []
        pos = 0
        limit = 2 + n // 64  # more slow words than this: the reference whole
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
        runs = _space_runs(core, _WS)
        normalized = self._decode(_collapsed(core, runs) if runs else core)
        # From here on only attached deletions matter: spaces are kept characters.
        marks = cls[lead:stop].translate(_ATTACHED_ONLY)
        if marks.count(1) * _DENSE >= len(marks):
            steps = _dense_steps(marks, core, runs, lead, n - stop)
            if steps is not None:
                return Alignment.from_deltas(text, normalized, *steps, validate=False)
        norm, orig, flags = _sparse_segments(marks, lead, core, runs)
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


_Run = tuple[int, int, bool]  # a whitespace run to collapse: start, end, has a line break


def _space_runs(core: AnyStr, ws: AnyStr) -> list[_Run]:
    r"""The whitespace runs of core that the whitespace step changes, in order.

    ``ws`` is ``" \n\r"`` (as str or bytes, like core): after the table, the
    only whitespace left.  core has no whitespace at its ends; a run changes
    if it has two spaces or a space next to a line break.  A run with a line
    break keeps its breaks and loses its spaces; any other run becomes one
    space.  Found with ``find`` (a fast scan) rather than a copy of the whole
    text, since real text has few such runs.
    """
    space, lf, cr = ws[0:1], ws[1:2], ws[2:3]
    needles = [space + space, space + lf, lf + space]
    if cr in core:  # a one-character scan is far cheaper than a two-character one
        needles += [space + cr, cr + space]
    found: set[int] = set()
    for needle in needles:
        # From the end: CPython's reverse search skips ahead on the needle's first
        # character, which is the rare one (a line break) in two needles of three.
        i = core.rfind(needle)
        while i >= 0:
            found.add(i)
            i = core.rfind(needle, 0, i + 1)
    runs: list[_Run] = []
    for i in sorted(found):
        if runs and i < runs[-1][1]:
            continue
        start, end = i, i + 2
        while core[start - 1] in ws:  # never at 0: core does not start with whitespace
            start -= 1
        while core[end] in ws:
            end += 1
        chunk = core[start:end]
        runs.append((start, end, chunk.count(space) != len(chunk)))
    return runs


def _collapsed(core: AnyStr, runs: list[_Run]) -> AnyStr:
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


def _collapse_text(text: str) -> str:
    """Collapse the whitespace runs of a normalized text whose ends are stripped."""
    return _collapsed(text, _space_runs(text, " \n\r"))


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


def _dense_steps(
    marks: bytes, core: bytes, runs: list[_Run], lead: int, tail: int
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


_PLANS: dict[tuple[tuple[Step, ...], str], _Plan | None] = {}


def plan_for(normalizer: Normalizer) -> _Plan | None:
    """The plan for normalizer's steps, built on first use and kept for the process.

    Building one probes the reference pipeline on every code-page character,
    which import should not pay for.  None if the pipeline's shape is not one
    the fast path handles (then the steps run, exact if slow).
    """
    key = (normalizer.steps, normalizer.name)
    if key not in _PLANS:
        try:
            _PLANS[key] = _Plan(normalizer)
        except ValueError:
            _PLANS[key] = None
    return _PLANS[key]


class FastPath:
    """The fast path of one preset, as the :class:`Normalizer` holding it sees it.

    It applies only to a Normalizer with the steps it was made for; its plan
    is built on the first call and shared by every copy (pickling sends the
    steps only, never the tables).
    """

    __slots__ = ("steps",)

    def __init__(self, steps: tuple[Step, ...]) -> None:
        self.steps = steps

    def __reduce__(self) -> tuple[type[FastPath], tuple[tuple[Step, ...]]]:
        return (FastPath, (self.steps,))

    def runner(self, normalizer: Normalizer) -> Callable[[str], str] | None:
        """The fast function for normalizer, or None if it has other steps."""
        plan = plan_for(normalizer) if normalizer.steps == self.steps else None
        return None if plan is None else plan.run

    def aligner(self, normalizer: Normalizer) -> Callable[[str], Alignment] | None:
        """The fast aligning function for normalizer, or None if it has other steps."""
        plan = plan_for(normalizer) if normalizer.steps == self.steps else None
        return None if plan is None else plan.align
