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
from bisect import bisect_right
from collections.abc import Callable

from .._checks import check_str
from . import _bytemaps
from . import _tables as _chars
from ._align import Alignment
from ._operations import normalize_whitespace
from ._pieces import (
    ALONE,
    ATTACHED,
    KEPT,
    LONE,
    LONE_RUN,
    RARE_RUN,
    SPACE,
    Splice,
    hard_pieces,
    hard_words,
    mark_unsafe_deletions,
    put_back,
    with_deletions,
)
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

# Stands for a rare character that maps one to one: the first of these that is not in the
# text (all kept, ASCII, and the output of no rare character met so far).
_PLACEHOLDERS = "~^`|@$"
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
        "refs_kept",
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
        # The route that encodes rare characters as "&#N;" needs those bytes kept as they are.
        refs = codecs.charmap_encode("&#0123456789;", "strict", self.encoding)[0]
        self.refs_kept = refs.translate(self.table, self.delete) == refs
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
        classes = bytearray([ALONE] * 256)  # unused bytes: never fast-aligned
        deleted = set(self.delete)
        pos = 0  # where the probe's first "x" is in the normalized text
        for k, ch in enumerate(probes):
            i = chars.index(ch)
            out = self.decoding[self.table[i]]
            o = 4 * k  # where it is in the original
            if i in deleted:
                classes[i] = ATTACHED if a.to_original(pos, pos + 1) == (o, o + 2) else LONE
                pos += 3
            elif out in " \n\r":
                classes[i] = SPACE
                pos += 4
            else:
                kept = a.to_original(pos + 1, pos + 2) == (o + 1, o + 2)
                classes[i] = KEPT if kept else ALONE
                pos += 4
        classes[ord("\n")] = SPACE
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
        if self.refs_kept and "&#" not in text and not self._dense(text):
            data = codecs.charmap_encode(text, "xmlcharrefreplace", self.encoding)[0]
            refs = data.count(b"&#")
            if refs * 8 <= len(text):
                parts = self._decode(data.translate(self.table, self.delete)).split("&#")
                # A deletion can join "&" and "#" of the text ("&\u064e#233;"): then the
                # "&#" are not all references, and the pieces route is the exact one.
                if len(parts) == refs + 1:
                    filled = self._fill(parts, 1 + len(text) // _LEARN_EVERY)
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
        for start, end in hard_words(self._rare_marks(text), n):
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
        if ALONE not in cls and LONE not in cls:
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
        for match in RARE_RUN.finditer(marks):
            start, end = match.span()
            rare += end - start
            if rare * 8 > len(text) > 4096:
                return self.reference.align(text)
            outs = [self._kept_output(ch) for ch in text[start:end]]
            if None in outs or not holder or holder in outs:
                cls[start:end] = b"\x03" * (end - start)
            else:
                data[start:end] = placeholder * (end - start)
                cls[start:end] = bytes([KEPT]) * (end - start)
                kept.extend(zip(range(start, end), outs, strict=True))  # type: ignore[arg-type]
        out = self._align_hard(text, bytes(data), cls, kept)
        if not kept:
            return out
        if out.text.count(holder) != len(kept):  # some output has the placeholder: be exact
            return self.reference.align(text)
        return put_back(out, holder, kept)

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
        mark_unsafe_deletions(cls)
        n = len(text)
        if ALONE not in cls:
            return self._align_fast(text, data, bytes(cls))
        # The hard stretches by the reference, the rest fast, spliced.
        splice = Splice(text)
        stretches = hard_pieces(data, cls, n)
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
        if LONE not in cls:
            return self._align_plain(text, data, cls)
        runs = [m.span() for m in LONE_RUN.finditer(cls)]
        lone = bytes(i for i in range(256) if self.classes[i] == LONE)
        mid = data.translate(None, lone)
        rest = self._align_plain(self._decode(mid), mid, cls.translate(None, b"\x04"))
        out = with_deletions(rest, text, runs)
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


_ATTACHED_ONLY = bytes(1 if i == ATTACHED else 0 for i in range(256))


def _finish(out: str, breaks: str) -> str:
    """Strip the ends and collapse the whitespace runs (line breaks: LF, CR and breaks)."""
    out = out.strip()
    ws = " \n\r" + breaks
    if "  " in out or any(c in out for c in ws[1:]):
        return _bytemaps.collapse_text(out, ws)
    return out


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
