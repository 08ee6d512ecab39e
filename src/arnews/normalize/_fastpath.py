"""Fast, exact implementations of the SEARCH and CLEAN presets, in pure Python.

A preset holds a :class:`FastPath`; its :class:`~arnews.normalize.Normalizer`
asks it for the functions to run in place of the step-by-step reference
pipeline.  Each returns exactly what the reference returns
(``tests/test_fastpath.py`` checks that on arbitrary text); an aligning
function's ``to_original``/``to_normalized`` answers equal the reference ones
for every span (the segment arrays may differ, e.g. be merged).

How it works
------------

Per-character tools on ``str`` (``str.translate`` with a dict, chains of
``str.replace``) are slow on Arabic text; C loops over *bytes* are much faster
(benchmarks/README.md has the figures).  So the text takes a detour through a
private one-byte code page:

1. ``codecs.charmap_encode`` gives one byte to each of about 250 characters
   that make up nearly all Arabic news text: ASCII, the Arabic letters, marks,
   digits and punctuation, the common spaces, quotes and invisible controls.
   Characters whose treatment depends on their neighbours (combining madda
   and hamza, which compose with the letter before; ٫ and ٬, which change only
   between digits; ZWNJ, which Persian words keep) get no byte.
2. One ``bytes.translate(table, delete)`` applies every per-character rule of
   the preset at once: the folds, the deletions, and turning each kind of
   space into ' '.  The table is made on first use by running the reference
   pipeline on every code-page character, in several contexts (to catch any
   rule that looks at neighbours), all in one call: the two cannot drift apart.
3. ``codecs.charmap_decode`` turns the bytes back into a str, whose ends are
   stripped; whitespace runs are collapsed where ``str.find`` shows a need.

No error handler is registered (``codecs.register_error`` is process-global
state that worker processes started with ``spawn`` or ``forkserver`` would
not have): the first encoding is strict, and its ``UnicodeEncodeError`` is the
sign of a character outside the code page.  Such a text is encoded again with
the built-in ``xmlcharrefreplace``, so each rare character becomes ``&#N;``;
a rare character that the reference treats the same in every context (an
accented Latin letter, an emoji, a presentation form) has a fixed output,
learnt once per process by probing, that replaces its ``&#N;``: the cost is
per rare character, not per text.  Texts with a rare character that depends
on its context, or with ``&#`` of their own, or dense with rare characters,
are cut at spaces and line feeds (which no rule but the whitespace step looks
across): the words holding rare characters, merged when close, go through the
reference, the rest through the table.

Alignments
----------

A text with no rare and no invisible character is aligned from a class-per-
byte copy of the encoded text: each kept character maps to itself, a run of
deleted marks or tatweel joins the character before it into one atomic
segment (or is deleted on its own at the very start), the stripped ends are
deletions, a collapsed run of spaces is one atomic segment, and the spaces
next to a line break are deletions.  With few deletions a regex walks the
runs; with many (a vowelled text) every output character gets its own
segment, built from bytes (:meth:`Alignment.from_deltas`).  Otherwise each
stretch holding rare or invisible characters is cut out at a lone space
between two plain kept characters on each side (no rule looks across such a
space, and neither piece then starts or ends with anything the whitespace
step or an attached deletion would treat differently), aligned by the
reference, and spliced between the fast maps of the rest.
"""

from __future__ import annotations

import codecs
import re
from array import array
from bisect import bisect_right
from collections.abc import Callable

import attrs

from .._checks import check_str
from . import _bytemaps
from . import _tables as _chars
from ._align import Alignment, DeltaBreaks
from ._operations import normalize_whitespace
from ._pipeline import Normalizer, Step

__all__ = ["FastPath", "plan_for"]

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
_LINE_BREAKS = "\x85\u2028\u2029"  # the line breaks other than LF and CR (never in the page)

# Classes of the byte-class copy used for alignments.
# Classes of the byte-class copy used for alignments: a kept character, a deletion the
# reference attaches to the character before it, whitespace, a hard character (aligned by
# the reference), and a stand-alone deletion (an invisible character).
_KEPT, _ATTACHED, _SPACE, _ALONE, _LONE = 0, 1, 2, 3, 4
# (Each pattern starts with a literal byte, which re finds with a fast scan; b"\x03+" would
# be tried at every position.)
_ALONE_RUN = re.compile(rb"\x03\x03*")
_LONE_RUN = re.compile(rb"\x04\x04*")
_RARE_RUN = re.compile(rb"\?\?*")
# Stands for a rare character that maps one to one: the first of these that is not in the
# text (all kept, ASCII, and the output of no rare character met so far).
_PLACEHOLDERS = "~^`|@$"
#: Hard stretches closer than this (in characters) are aligned or normalized as one piece.
_GAP = 512
#: Rare characters learnt per call at most: one per this many characters of the text.
_LEARN_EVERY = 4096


def _probe_all(ref: Callable[[str], str], chars: list[str]) -> dict[str, str | None]:
    """What each char becomes, the same next to every probe context; None if not so.

    All probes go through the reference in one call, separated by line feeds
    (each probe is framed by "x", so no whitespace touches a separator); a
    probe whose output has a line feed of its own is probed alone.
    """
    sides = [
        (left, right, ref("x" + left + "x")[1:-1], ref("x" + right + "x")[1:-1])
        for left, right in _PROBE_CONTEXTS
    ]
    probes: list[str] = []
    for ch in chars:
        probes.append("x" + ch + "x")
        probes.extend("x" + left + ch + right + "x" for left, right, _, _ in sides)
    outs = ref("\n".join(probes)).split("\n")
    if len(outs) != len(probes):
        outs = [ref(p) for p in probes]
    width = 1 + len(sides)
    result: dict[str, str | None] = {}
    for k, ch in enumerate(chars):
        out = outs[k * width]
        result[ch] = None
        if len(out) < 2 or out[0] != "x" or out[-1] != "x":
            continue
        mid = out[1:-1]
        for (left, right, left_out, right_out), got in zip(
            sides, outs[k * width + 1 : (k + 1) * width], strict=True
        ):
            if mid.isspace() and " " in left + right:  # whitespace runs collapse
                continue
            if got != "x" + left_out + mid + right_out + "x":
                break
        else:
            result[ch] = mid
    return result


class _Plan:
    """Everything one preset's fast path needs: code page, tables, reference parts."""

    __slots__ = (
        "classes",
        "decoding",
        "delete",
        "encoding",
        "learnt",
        "learnt_kept",
        "name",
        "page",
        "reference",
        "run",
        "table",
    )

    def __init__(self, preset: Normalizer) -> None:
        self.reference = preset.reference
        self.name = preset.name
        last = preset.steps[-1]
        if last.func is not normalize_whitespace or last.options:
            raise ValueError(f"{preset.name} does not end with normalize_whitespace()")
        ref = self.reference
        ascii_chars = [chr(i) for i in range(128)]
        # "\n" as a probe would cut the batch apart: it is checked alone below.
        probed = _probe_all(
            ref,
            [ch for ch in _CANDIDATES if ch not in _CONTEXTUAL]
            + ascii_chars[:10]
            + ascii_chars[11:],
        )
        outputs = {ch: out for ch, out in probed.items() if out is not None and ch >= "\x80"}
        for ch in ascii_chars:
            outputs[ch] = " " if ch.isspace() and ch not in "\n\r" else ch
            got = _probe_all(ref, [ch])[ch] if ch == "\n" else probed[ch]
            if got != outputs[ch]:
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
        if len(page) > 256 or page[:128] != ascii_chars:
            raise ValueError("the code page must start with ASCII and hold at most 256 characters")
        self.decoding = "".join(page) + "\ufffe" * (256 - len(page))
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
        self.page = page
        # Built on the first alignment: it needs the aligning steps' own patterns, whose
        # compilation the first plain call should not pay for.
        self.classes = b""
        # Rare characters met so far, by the decimal code point of their "&#N;": the
        # output that does not depend on context, or None if it does.
        self.learnt: dict[str, str | None] = {}
        # For alignments: the one character a rare character becomes, mapped one to one in
        # every context, or None.
        self.learnt_kept: dict[str, str | None] = {}
        self.run = self.runner()

    def _classes(self) -> bytes:
        """Class of each byte for alignments: kept, attached deletion, space, lone deletion.

        A deletion is "attached" when the reference joins it to the character
        before it (marks, tatweel) and "lone" when it is a stand-alone deletion
        (invisible characters); the probe asks the reference's own alignment,
        of all characters at once, framed by "x" and separated by line feeds.
        """
        chars = self.page
        probes = [ch for ch in chars if ch != "\n"]
        a = self.reference.align("\n".join("x" + ch + "x" for ch in probes))
        classes = bytearray([_ALONE] * 256)  # unused bytes: never fast-aligned
        deleted = set(self.delete)
        pos = 0  # where the probe's first "x" is in the normalized text
        for k, ch in enumerate(probes):
            i = chars.index(ch)
            out = self.decoding[self.table[i]]
            o = 4 * k  # where it is in the original
            if i in deleted:
                classes[i] = _ATTACHED if a.to_original(pos, pos + 1) == (o, o + 2) else _LONE
                pos += 3
            elif out in " \n\r":
                classes[i] = _SPACE
                pos += 4
            else:
                kept = a.to_original(pos + 1, pos + 2) == (o + 1, o + 2)
                classes[i] = _KEPT if kept else _ALONE
                pos += 4
        classes[ord("\n")] = _SPACE
        self.classes = bytes(classes)
        return self.classes

    # -- text ---------------------------------------------------------------------------------

    def runner(self) -> Callable[[str], str]:
        """The function that normalizes a text exactly as the reference does.

        A closure over the plan's tables: on short texts, where the C calls take
        a few hundred nanoseconds, attribute and global lookups would be felt.
        """
        encode, decode = codecs.charmap_encode, codecs.charmap_decode
        encoding, decoding = self.encoding, self.decoding
        table, delete, rare, name = self.table, self.delete, self._run_rare, self.name

        def run(text: str) -> str:
            try:
                data = encode(text, "strict", encoding)[0]
            except UnicodeEncodeError:  # a character outside the code page
                return rare(text)
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
                return _bytemaps.collapse_text(out)
            return out

        return run

    def _run_rare(self, text: str) -> str:
        """Normalize a text with characters outside the code page."""
        if type(text) is not str:
            text = str.__str__(text)
        if "&#" not in text and not self._dense(text):
            data = codecs.charmap_encode(text, "xmlcharrefreplace", self.encoding)[0]
            if data.count(b"&#") * 8 <= len(text):
                out = self._decode(data.translate(self.table, self.delete))
                filled = self._fill(out.split("&#"), 1 + len(text) // _LEARN_EVERY)
                if filled is not None:
                    return _finish(filled, "")
        return self._run_pieces(text)

    def _dense(self, text: str) -> bool:
        """Whether the text's first 2048 characters hold more than one rare in eight.

        Encoding rare characters one by one costs more than the reference, so a
        text that starts dense with them is cut into pieces straight away.
        """
        head = text[:2048]
        data = codecs.charmap_encode(head, "replace", self.encoding)[0]
        return (data.count(b"?") - head.count("?")) * 8 > len(head)

    def _fill(self, parts: list[str], budget: int) -> str | None:
        """Put each rare character's fixed output in place of its ``&#N;``.

        ``parts`` is the normalized text cut at each ``&#``.  None
        if a character depends on its context, or more than ``budget``
        characters would have to be learnt (probing one costs a few reference
        calls).
        """
        learnt = self.learnt
        pieces = [parts[0]]
        for part in parts[1:]:
            semi = part.find(";")
            key = part[:semi]
            if key in learnt:
                out = learnt[key]
            elif budget:
                budget -= 1
                out = learnt[key] = self._learn(chr(int(key)))
            else:
                return None
            if out is None:
                return None
            pieces.append(out)
            pieces.append(part[semi + 1 :])
        return "".join(pieces)

    def _learn(self, ch: str) -> str | None:
        """The output of ch if the reference gives it in every context and it suits the collapse."""
        if ch in _CONTEXTUAL:
            return None
        out = _probe_all(self.reference, [ch])[ch]
        if out is None or any(c.isspace() and c not in " \n\r" for c in out) or "&#" in out:
            return None
        return out

    def _run_pieces(self, text: str) -> str:
        """Normalize a text cut at spaces and line feeds, piece by piece.

        The words with rare characters go through the reference, framed by NUL
        (which every step but the whitespace one treats as a word end), the rest
        through the table; then the whole is stripped and collapsed once.
        """
        n = len(text)
        parts: list[str] = []
        pos = 0
        for start, end in _hard_words(self._rare_marks(text), n):
            if start > pos:
                parts.append(self._fast_piece(text[pos:start]))
            parts.append(self.reference("\x00" + text[start:end] + "\x00")[1:-1])
            pos = end
        if pos < n:
            parts.append(self._fast_piece(text[pos:]))
        joined = "".join(parts)
        return _finish(joined, "".join(c for c in _LINE_BREAKS if c in joined))

    def _fast_piece(self, text: str) -> str:
        """A piece with no rare character, through the table (nothing stripped)."""
        data = codecs.charmap_encode(text, "strict", self.encoding)[0]
        return self._decode(data.translate(self.table, self.delete))

    def _decode(self, data: bytes) -> str:
        """Bytes of the code page back to str."""
        return codecs.charmap_decode(data, "strict", self.decoding)[0]

    # -- alignment ----------------------------------------------------------------------------

    def align(self, text: str) -> Alignment:
        """Normalize text with its alignment, exactly as the reference does."""
        try:
            data = codecs.charmap_encode(text, "strict", self.encoding)[0]
        except UnicodeEncodeError:
            return self._align_rare(text)
        cls = data.translate(self.classes or self._classes())
        if _ALONE not in cls and _LONE not in cls:
            return self._align_plain(text, data, cls)
        return self._align_hard(text, data, bytearray(cls), [])

    def _align_rare(self, text: str) -> Alignment:
        """Align a text with characters outside the code page."""
        if len(text) > 4096 and self._dense(text):
            return self.reference.align(text)
        # "replace" keeps one byte per character: the rare ones become "?".  Those that
        # map one to one are given a placeholder byte, the others are marked hard.
        marks = self._rare_marks(text)
        data = bytearray(
            marks if "?" not in text else codecs.charmap_encode(text, "replace", self.encoding)[0]
        )
        cls = bytearray(data.translate(self.classes or self._classes()))
        kept: list[tuple[int, str]] = []  # (position, output) of the placeholders
        holder = next((c for c in _PLACEHOLDERS if c not in text), "")
        placeholder = holder.encode("ascii")
        rare = 0
        for match in _RARE_RUN.finditer(marks):
            start, end = match.span()
            rare += end - start
            if rare * 8 > len(text) > 4096:
                return self.reference.align(text)
            outs = [self._kept_output(ch) for ch in text[start:end]]
            if None in outs or not holder or holder in outs:
                cls[start:end] = b"\x03" * (end - start)
            else:
                data[start:end] = placeholder * (end - start)
                cls[start:end] = bytes([_KEPT]) * (end - start)
                kept.extend(zip(range(start, end), outs, strict=True))  # type: ignore[arg-type]
        out = self._align_hard(text, bytes(data), cls, kept)
        if not kept:
            return out
        if out.text.count(holder) != len(kept):  # some output has the placeholder: be exact
            return self.reference.align(text)
        return _put_back(out, holder, kept)

    def _rare_marks(self, text: str) -> bytes:
        """The text one byte per character, with b"?" exactly at its rare characters."""
        if "?" in text:
            text = text.replace("?", "!")
        return codecs.charmap_encode(text, "replace", self.encoding)[0]

    def _kept_output(self, ch: str) -> str | None:
        """The character ch becomes if the reference maps it one to one everywhere, or None."""
        known = self.learnt_kept.get(ch, False)
        if known is not False:
            return known  # type: ignore[return-value]
        out = self._learn(ch)
        if out is not None and len(out) == 1 and out not in " \n\r":
            a = self.reference.align("x" + ch + "x")
            if not (a.to_original(1, 2) == (1, 2) and a.to_normalized(1, 2) == (1, 2)):
                out = None
        else:
            out = None
        self.learnt_kept[ch] = out
        return out

    def _align_hard(
        self, text: str, data: bytes, cls: bytearray, kept: list[tuple[int, str]]
    ) -> Alignment:
        """Align a text with hard bytes, stand-alone deletions or placeholders in cls."""
        _mark_unsafe_deletions(cls)
        n = len(text)
        if _ALONE not in cls:
            return self._align_fast(text, data, bytes(cls))
        # The hard stretches by the reference, the rest fast, spliced.
        splice = _Splice(text)
        stretches = _hard_pieces(data, cls, n)
        pos = 0  # the fast region to do starts here: at 0, or at the cut ending a stretch
        for start, end in stretches:
            if start > 0:  # the fast region [pos, start), framed by a kept character each side
                lo = pos - 1 if pos else 0
                sub = self._align_fast(
                    text[lo : start + 1], data[lo : start + 1], bytes(cls[lo : start + 1])
                )
                splice.add(sub, lo, pos > 0, True)
            splice.add(self.reference.align(text[start:end]), start, False, False)
            pos = end
        if pos < n:
            sub = self._align_fast(text[pos - 1 :], data[pos - 1 :], bytes(cls[pos - 1 :]))
            splice.add(sub, pos - 1, True, False)
        if kept:  # placeholders inside a stretch were aligned by the reference, as themselves
            starts = [s for s, _ in stretches]
            kept[:] = [
                (i, c)
                for i, c in kept
                if not (k := bisect_right(starts, i)) or i >= stretches[k - 1][1]
            ]
        return splice.build()

    def _align_fast(self, text: str, data: bytes, cls: bytes) -> Alignment:
        """Align a text with no hard byte: from its classes, then the stand-alone deletions."""
        if _LONE not in cls:
            return self._align_plain(text, data, cls)
        runs = [m.span() for m in _LONE_RUN.finditer(cls)]
        lone = bytes(i for i in range(256) if self.classes[i] == _LONE)
        mid = data.translate(None, lone)
        rest = self._align_plain(self._decode(mid), mid, cls.translate(None, b"\x04"))
        out = _with_deletions(rest, text, runs)
        return self.reference.align(text) if out is None else out

    def _align_plain(self, text: str, data: bytes, cls: bytes) -> Alignment:
        """Align a text with no rare and no invisible character, from its class bytes."""
        n = len(text)
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
        runs = _bytemaps.space_runs(core, b" \n\r")
        normalized = self._decode(_bytemaps.collapsed(core, runs) if runs else core)
        # From here on only attached deletions matter: spaces are kept characters.
        marks = cls[lead:stop].translate(_ATTACHED_ONLY)
        count = marks.count(1)
        if count and _bytemaps.use_dense(count, len(marks)):
            steps = _bytemaps.dense_steps(marks, core, runs, lead, n - stop)
            if steps is not None:
                return Alignment.from_deltas(text, normalized, *steps, validate=False)
        norm, orig, flags = _bytemaps.sparse_segments(marks, lead, core, runs)
        if lead:
            norm.insert(0, 0)
            orig.insert(0, 0)
            flags = b"\x00" + flags
        if stop < n:
            norm.append(norm[-1])
            orig.append(n)
            flags += b"\x00"
        return Alignment.from_segments(text, normalized, norm, orig, flags, validate=False)


_ATTACHED_ONLY = bytes(1 if i == _ATTACHED else 0 for i in range(256))


def _finish(out: str, breaks: str) -> str:
    """Strip the ends and collapse the whitespace runs (line breaks: LF, CR and breaks)."""
    out = out.strip()
    ws = " \n\r" + breaks
    if "  " in out or any(c in out for c in ws[1:]):
        return _bytemaps.collapse_text(out, ws)
    return out


def _mark_unsafe_deletions(cls: bytearray) -> None:
    """Mark as hard the stand-alone deletions the fast maps cannot place.

    The reference keeps an invisible character a stand-alone deletion unless a
    later step's atomic segment surrounds it: it is followed by a mark or
    tatweel (which attach to the character before them), or lies between two
    whitespace characters (a run that collapses).  Those go to the reference.
    """
    n = len(cls)
    if _LONE not in cls:
        return
    for match in _LONE_RUN.finditer(cls):
        s, e = match.span()
        right = cls[e] if e < n else _KEPT
        left = cls[s - 1] if s else _KEPT
        if right == _ATTACHED or (left == _SPACE and right == _SPACE):
            cls[s:e] = b"\x03" * (e - s)


def _with_deletions(
    rest: Alignment, original: str, runs: list[tuple[int, int]]
) -> Alignment | None:
    """Put stand-alone deletions back into rest, the alignment of original without them.

    ``runs`` are the deleted runs, in original positions, sorted; each falls on
    a segment boundary of rest or inside a linear segment, which is split
    there.  Normalized breaks do not move; original ones shift by what was
    deleted before them.  None if a run falls inside an atomic segment (the
    caller then asks the reference).
    """
    deltas = rest.deltas()
    if deltas is not None:
        return _with_deletions_dense(rest, original, runs, deltas)
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


def _with_deletions_dense(
    rest: Alignment,
    original: str,
    runs: list[tuple[int, int]],
    deltas: tuple[DeltaBreaks, DeltaBreaks, bytes],
) -> Alignment | None:
    """:func:`_with_deletions` for a map kept as segment lengths: splice the bytes."""
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


def _put_back(alignment: Alignment, holder: str, kept: list[tuple[int, str]]) -> Alignment:
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


def _hard_words(marks: bytes, n: int) -> list[tuple[int, int]]:
    """The stretches of text that hold rare characters, cut at spaces and line feeds.

    ``marks`` is the text one byte per character with b"?" at its rare
    characters.  Each stretch runs from after the space or line feed before
    its first rare character to the one after its last; stretches closer than
    ``_GAP`` merge.  Every search starts where the last one stopped, so the
    text is read a fixed number of times.
    """
    stretches: list[tuple[int, int]] = []
    match = _RARE_RUN.search(marks)
    while match is not None:
        s = match.start()
        lo = stretches[-1][1] if stretches else 0
        start = max(marks.rfind(b" ", lo, s), marks.rfind(b"\n", lo, s)) + 1
        reach = match.end()
        if stretches and start - stretches[-1][1] < _GAP:
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
        match = _RARE_RUN.search(marks, end)
    return stretches


def _hard_pieces(data: bytes, cls: bytearray, n: int) -> list[tuple[int, int]]:
    """The stretches to align by the reference: around each run of hard bytes.

    Each reaches out to the nearest lone space with a plain kept character on
    each side (a *cut*).  A stretch starts just after a cut (or at 0) and ends at a cut (or at n);
    stretches with no cut between them, or closer than ``_GAP``, merge.  A
    final ``(n, n)`` is never returned; the caller aligns what follows the last
    stretch fast.
    """

    def is_cut(p: int) -> bool:
        return 0 < p < n - 1 and cls[p - 1] == _KEPT and cls[p + 1] == _KEPT

    stretches: list[tuple[int, int]] = []
    match = _ALONE_RUN.search(cls)
    while match is not None:
        s, e = match.span()
        lo = stretches[-1][1] if stretches else 0  # the last stretch ends at a cut
        p = data.rfind(b" ", lo, s)
        while p >= 0 and not is_cut(p):
            p = data.rfind(b" ", lo, p)
        start = p + 1
        if p < 0 or (stretches and start - lo < _GAP):
            start = stretches.pop()[0] if stretches else 0
        q = data.find(b" ", e)
        while q >= 0 and not is_cut(q):
            q = data.find(b" ", q + 1)
        end = n if q < 0 else q
        stretches.append((start, end))
        match = _ALONE_RUN.search(cls, end)
    return stretches


class _Splice:
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
