"""Pipelines: :class:`Step` and :class:`Normalizer`.

A Normalizer runs its steps in order (the step-by-step reference) unless it
holds an *accelerator*: an object that, asked with the Normalizer itself,
may offer a faster function giving exactly the same results.  The presets
hold one; this module does not know what it is.

>>> from arnews.normalize import Normalizer, strip_tatweel, normalize_alef
>>> Normalizer((strip_tatweel, normalize_alef))("أـحـمد")
'احمد'
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, Protocol

import attrs

from .._checks import attrs_instance_of, attrs_int, check_str
from ._align import Alignment, compose
from ._operations import OPERATIONS

__all__ = ["Accelerator", "Change", "Normalizer", "Step"]


class Accelerator(Protocol):
    """A faster implementation of one pipeline, held by a :class:`Normalizer`.

    Each method returns None when it does not apply to the Normalizer given
    (other steps, say); the Normalizer then runs its steps.  What it returns
    must give exactly what the steps give: they are the specification.
    """

    def runner(self, normalizer: Normalizer) -> Callable[[str], str] | None:
        """The function to run in place of the steps, or None."""

    def aligner(self, normalizer: Normalizer) -> Callable[[str], Alignment] | None:
        """The function to align with in place of the steps, or None."""


def _options(value: Iterable[tuple[str, Any]]) -> tuple[tuple[str, Any], ...]:
    """Keyword options as a sorted tuple of pairs (hashable, comparable, picklable)."""
    return tuple(sorted(value))


@attrs.frozen(repr=False)
class Step:
    r"""One named step of a :class:`Normalizer`: an operation with fixed keywords.

    Equal steps compare equal and pickle by reference to the module
    function, so a Normalizer made of steps survives pickling.  Plain
    functions and :func:`functools.partial` objects given to a Normalizer are
    turned into steps.

    >>> from arnews.normalize import normalize_whitespace
    >>> step = Step(normalize_whitespace, (("keep_newlines", False),))
    >>> step
    normalize_whitespace(keep_newlines=False)
    >>> step("أ\nب")
    'أ ب'

    Raises:
        TypeError: from :meth:`of` when given something that is not callable.
    """

    func: Callable[..., str]
    options: tuple[tuple[str, Any], ...] = attrs.field(default=(), converter=_options)
    #: How a function that is not an arnews operation aligns: called like it (text and
    #: options), it returns an Alignment from text to the function's output.
    aligner: Callable[..., Alignment] | None = attrs.field(default=None, kw_only=True)

    @classmethod
    def of(cls, step: Step | Callable[..., str]) -> Step:
        """Make a step from a Step, a function or a keyword-only functools.partial.

        >>> from arnews.normalize import remove_invisible
        >>> Step.of(functools.partial(remove_invisible, keep_persian_zwnj=False)).name
        'remove_invisible(keep_persian_zwnj=False)'

        Raises:
            TypeError: if step is not callable or is a partial with positional arguments.
        """
        if isinstance(step, Step):
            return step
        if isinstance(step, functools.partial):
            if step.args:
                raise TypeError(
                    "Normalizer steps take the text as their only positional argument; "
                    "bind options by keyword, e.g. partial(f, keep_newlines=False)"
                )
            return cls(step.func, tuple(step.keywords.items()))
        if not callable(step):
            raise TypeError(
                f"a Normalizer step must be callable, got {type(step).__name__}; "
                "pass a function taking and returning str"
            )
        return cls(step)

    @property
    def name(self) -> str:
        """The function name with its options, e.g. ``normalize_whitespace``.

        >>> from arnews.normalize import strip_tatweel
        >>> Step(strip_tatweel).name
        'strip_tatweel'
        """
        base = getattr(self.func, "__name__", type(self.func).__name__).lstrip("_")
        if not self.options:
            return base
        return base + "(" + ", ".join(f"{k}={v!r}" for k, v in self.options) + ")"

    @property
    def lossy(self) -> bool:
        """Whether the step folds distinct spellings together (unknown functions: True).

        >>> from arnews.normalize import normalize_alef, strip_tatweel
        >>> Step(normalize_alef).lossy, Step(strip_tatweel).lossy
        (True, False)
        """
        info = OPERATIONS.get(self.func)
        return True if info is None else info.lossy

    @property
    def loses(self) -> str:
        """A short description of what the step throws away.

        >>> from arnews.normalize import normalize_yeh
        >>> Step(normalize_yeh).loses
        'alef maksura versus yeh'
        """
        info = OPERATIONS.get(self.func)
        return "unknown (not an arnews operation)" if info is None else info.loses

    def __call__(self, text: str) -> str:
        """Apply the operation with its options to text."""
        return self.func(text, **dict(self.options))

    def align(self, text: str) -> Alignment:
        """Run the step and return its own alignment.

        An arnews operation aligns exactly; another function aligns through
        the ``aligner`` given with it, or, if it has none, one to one when its
        output has the length of its input (it is then taken to substitute
        characters in place, as ``str.lower`` does on Arabic and most text).

        >>> from arnews.normalize import strip_tatweel
        >>> Step(strip_tatweel).align("بـب").to_original(0, 1)
        (0, 2)
        >>> Step(str.lower).align("ABC").to_original(1, 2)
        (1, 2)

        Raises:
            TypeError: if the step's function rejects the text, or its aligner
                returns something other than an Alignment of that text.
            ValueError: if a function with no aligner changes the length of the
                text: its offsets are unknown (give it an ``aligner``).
        """
        info = OPERATIONS.get(self.func)
        if info is not None:
            return info.align(text, **dict(self.options))
        if self.aligner is not None:
            result = self.aligner(text, **dict(self.options))
            if not isinstance(result, Alignment) or result.original != text:
                raise TypeError(
                    f"the aligner of step {self.name!r} must return an Alignment of the text "
                    f"it was given, got {type(result).__name__}; build one with "
                    "Alignment.from_segments(text, output, ...)"
                )
            return result
        out = self(text)
        if len(out) == len(text):
            identity = Alignment.identity(text)
            return identity if out == text else attrs.evolve(identity, text=out)
        raise ValueError(
            f"step {self.name!r} changed the length of the text ({len(text)} -> {len(out)} "
            "characters) and has no aligner, so its offsets are unknown; pass "
            f"Step({self.name}, aligner=...) with a function returning an Alignment, "
            "or leave the step out of the pipeline you align"
        )

    def __repr__(self) -> str:
        return self.name


@attrs.frozen
class Change:
    """One change a step of a pipeline made: what it saw where, and what it wrote instead.

    ``start``/``end`` is the span of the *original* text the change covers;
    ``before`` is the text the step was given there (the original, unless an
    earlier step already changed it) and ``after`` what the step made of it
    (``""`` for a deletion).  :meth:`Normalizer.explain` makes them.

    >>> Change(step="normalize_alef", start=0, end=1, before="أ", after="ا")
    Change(step='normalize_alef', start=0, end=1, before='أ', after='ا')

    Raises:
        TypeError: if a field has the wrong type.
        ValueError: if the span is negative or reversed.
    """

    step: str = attrs.field(validator=attrs_instance_of(str, "Change.step", "a step name"))
    start: int = attrs.field(validator=attrs_int("Change.start"))
    end: int = attrs.field(validator=attrs_int("Change.end"))
    before: str = attrs.field(validator=attrs_instance_of(str, "Change.before", "a str"))
    after: str = attrs.field(validator=attrs_instance_of(str, "Change.after", "a str"))

    def __attrs_post_init__(self) -> None:
        if self.start > self.end:
            msg = f"Change span must have start <= end, got {self.start}:{self.end}"
            raise ValueError(msg)


def _step_changes(step: str, seen: str, alignment: Alignment, so_far: Alignment) -> list[Change]:
    """The changes one step's alignment shows, each mapped to the original through so_far.

    A one-to-one segment gives a change per run of substituted characters; an
    atomic one gives one change, trimmed of the characters it kept at its
    start and end (a letter whose mark was deleted shows the mark's deletion).
    """
    out = alignment.text
    changes: list[Change] = []

    def add(lo: int, hi: int, after: str) -> None:
        start, end = so_far.to_original(lo, hi) if lo < hi else (lo, hi)
        changes.append(Change(step=step, start=start, end=end, before=seen[lo:hi], after=after))

    for n_lo, n_hi, o_lo, o_hi, linear in alignment.segments():
        before, after = seen[o_lo:o_hi], out[n_lo:n_hi]
        if before == after:
            continue
        if linear:  # runs of substituted characters
            k = 0
            while k < len(before):
                if before[k] == after[k]:
                    k += 1
                    continue
                j = k
                while j < len(before) and before[j] != after[j]:
                    j += 1
                add(o_lo + k, o_lo + j, after[k:j])
                k = j
            continue
        head = 0
        while head < min(len(before), len(after)) and before[head] == after[head]:
            head += 1
        tail = 0
        while (
            tail < min(len(before), len(after)) - head
            and before[len(before) - 1 - tail] == after[len(after) - 1 - tail]
        ):
            tail += 1
        add(o_lo + head, o_hi - tail, after[head : len(after) - tail])
    return changes


def _check_name(_instance: object, _attribute: object, value: str) -> None:
    """A Normalizer's name is a non-empty str (it is shown in reprs and error messages)."""
    if not isinstance(value, str) or not value:
        shown = type(value).__name__ if not isinstance(value, str) else "an empty str"
        msg = f"Normalizer name must be a non-empty str, got {shown}; pass e.g. name='fold'"
        raise TypeError(msg) if not isinstance(value, str) else ValueError(msg)


def _steps(value: object) -> tuple[Step, ...]:
    """Convert the steps given to a Normalizer into a tuple of Step."""
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise TypeError(
            f"Normalizer steps must be an iterable of callables, got {type(value).__name__}; "
            "pass e.g. (strip_tatweel, normalize_alef)"
        )
    return tuple(Step.of(s) for s in value)


@attrs.frozen(repr=False)
class Normalizer:
    """An ordered pipeline of named normalization steps.

    Call it on a string; use :meth:`normalize_many` over many strings and
    :meth:`align` to keep a map back to the original.  It is immutable and
    picklable (multiprocessing, Dask, Spark), and its steps are listed in
    order in its repr.  The order matters: see ``docs/normalization.md``.

    >>> from arnews.normalize import normalize_alef, strip_diacritics
    >>> fold = Normalizer((strip_diacritics, normalize_alef), name="fold")
    >>> fold
    Normalizer((strip_diacritics, normalize_alef), name='fold')
    >>> fold("إِسْلام")
    'اسلام'
    >>> fold.lossy_steps
    ('strip_diacritics', 'normalize_alef')

    Raises:
        TypeError: if a step is not callable, or when called on a non-str.
    """

    steps: tuple[Step, ...] = attrs.field(converter=_steps)
    name: str = attrs.field(default="custom", validator=_check_name)
    _fast: Accelerator | None = attrs.field(default=None, alias="fast", eq=False)
    # What __call__ and align run: chosen on first use (an accelerator may build its tables
    # then, which costs time that import should not pay), then one slot load per call.
    _run: Callable[[str], str] = attrs.field(
        init=False, eq=False, default=attrs.Factory(lambda self: self._first_run, takes_self=True)
    )
    _aligner: Callable[[str], Alignment] = attrs.field(
        init=False,
        eq=False,
        default=attrs.Factory(lambda self: self._first_align, takes_self=True),
    )

    if TYPE_CHECKING:

        def __call__(self, text: str) -> str:
            """Normalize text (through the accelerator when one applies)."""

    else:
        # Calling a Normalizer calls its chosen function (self._run) straight away: the
        # property and attrgetter run in C, with no Python frame of their own (see
        # benchmarks/README.md for what that saves on short strings).  Each function checks
        # its own input.
        __call__ = property(operator.attrgetter("_run"))

    def _as_str(self, text: object, method: str) -> str:
        """Text as a plain str (a str subclass is copied), or TypeError naming its type."""
        check_str(text, f"Normalizer {self.name!r}{method}()", "pass the text as a str")
        return str.__str__(text)  # type: ignore[arg-type,unused-ignore]  # text is a str here

    def _first_run(self, text: str) -> str:
        """Choose what __call__ runs (accelerator or steps), keep it, and run it."""
        fast = None if self._fast is None else self._fast.runner(self)
        run = fast or self._run_steps
        object.__setattr__(self, "_run", run)
        return run(text)

    def _run_steps(self, text: str) -> str:
        """Apply every step in order: the reference pipeline."""
        if type(text) is not str:
            text = self._as_str(text, "")
        for step in self.steps:
            text = step(text)
        return text

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle the definition only; the chosen functions are chosen again on first use."""
        return (Normalizer, (self.steps, self.name, self._fast))

    @property
    def reference(self) -> Normalizer:
        """The same pipeline without its accelerator: the step-by-step reference.

        >>> from arnews.normalize import SEARCH
        >>> SEARCH.reference("أَهْلاً") == SEARCH("أَهْلاً")
        True
        """
        return attrs.evolve(self, fast=None)

    def normalize_many(self, texts: Iterable[str]) -> Iterator[str]:
        """Normalize each text of an iterable, lazily, in order.

        >>> from arnews.normalize import SEARCH
        >>> list(SEARCH.normalize_many(["أحمد", "عليّ"]))
        ['احمد', 'علي']

        Raises:
            TypeError: if ``texts`` is itself a str or bytes (pass a list of
                strings, or call the normalizer on the one string), or when an
                item is not a str (raised as that item is reached).
        """
        if isinstance(texts, str | bytes | bytearray):
            msg = (
                f"normalize_many() expects an iterable of str, got a single "
                f"{type(texts).__name__}; call the normalizer on it, or pass [text]"
            )
            raise TypeError(msg)
        return map(self, texts)

    def align(self, text: str) -> Alignment:
        """Normalize text and keep a map between normalized and original spans.

        >>> from arnews.normalize import SEARCH
        >>> a = SEARCH.align("الـمَدرسة")
        >>> a.text, a.to_original(0, 2), a.to_original(2, 7)
        ('المدرسه', (0, 3), (3, 9))

        Raises:
            TypeError: if text is not a str.
        """
        if type(text) is not str:
            text = self._as_str(text, ".align")
        return self._aligner(text)

    def _first_align(self, text: str) -> Alignment:
        """Choose what align runs (accelerator or steps), keep it, and run it."""
        fast = None if self._fast is None else self._fast.aligner(self)
        run = fast or self._align_steps
        object.__setattr__(self, "_aligner", run)
        return run(text)

    def _align_steps(self, text: str) -> Alignment:
        """Align step by step, composing each step's map: the reference alignment."""
        alignment = Alignment.identity(text)
        for step in self.steps:
            current = alignment.text
            step_alignment = step.align(current)
            if step_alignment.text is current or step_alignment.text == current:
                continue
            if step_alignment.is_one_to_one:
                alignment = attrs.evolve(alignment, text=step_alignment.text)
            else:
                alignment = compose(alignment, step_alignment)
        return alignment

    def explain(self, text: str) -> tuple[Change, ...]:
        """What each step changes in ``text``, in the order the steps run (:class:`Change` records).

        The steps run one by one (the reference pipeline, which the fast path
        matches exactly), each change placed on the span of the original text
        it covers, as :meth:`Alignment.to_original` maps spans: a change to a
        letter whose marks an earlier step deleted covers the marks too (below,
        the alef's span holds its fatha).  A step whose alignment is unknown
        raises as :meth:`align` does.

        >>> from arnews.normalize import SEARCH
        >>> for c in SEARCH.explain("أَحمد  ـ"):
        ...     print(c.step, c.start, c.end, repr(c.before), repr(c.after))
        strip_tatweel 7 8 'ـ' ''
        strip_diacritics 1 2 'َ' ''
        normalize_alef 0 2 'أ' 'ا'
        normalize_whitespace 5 8 '  ' ''

        Raises:
            TypeError: if text is not a str.
            ValueError: if a step changes the text's length and has no aligner.
        """
        if type(text) is not str:
            text = self._as_str(text, ".explain")
        changes: list[Change] = []
        so_far = Alignment.identity(text)
        for step in self.steps:
            seen = so_far.text
            alignment = step.align(seen)
            if alignment.text == seen:
                continue
            changes += _step_changes(step.name, seen, alignment, so_far)
            so_far = (
                compose(so_far, alignment)
                if not alignment.is_one_to_one
                else attrs.evolve(so_far, text=alignment.text)
            )
        return tuple(changes)

    @property
    def lossy_steps(self) -> tuple[str, ...]:
        """The names of the steps that fold distinct spellings together.

        >>> from arnews.normalize import CLEAN
        >>> CLEAN.lossy_steps
        ()
        """
        return tuple(step.name for step in self.steps if step.lossy)

    def describe(self) -> str:
        """One line per step: its name, whether it is lossy, and what it loses.

        >>> from arnews.normalize import CLEAN
        >>> print(CLEAN.describe())
        CLEAN: 4 steps
          1. normalize_presentation_forms  (keeps letters)  loses: which contextual glyph ...
          ...
        """
        lines = [f"{self.name}: {len(self.steps)} steps"]
        for i, step in enumerate(self.steps, 1):
            kind = "lossy" if step.lossy else "keeps letters"
            lines.append(f"  {i}. {step.name}  ({kind})  loses: {step.loses}")
        return "\n".join(lines)

    def __repr__(self) -> str:
        # The constructor's shape: Normalizer(steps, name=...), with a one-step tuple's comma.
        steps = ", ".join(map(repr, self.steps)) + ("," if len(self.steps) == 1 else "")
        return f"Normalizer(({steps}), name={self.name!r})"
