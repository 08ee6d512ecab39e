"""What the parser withstands: hostile and unlucky lines, measured by growth, never by a clock.

- Every regular expression of the parser and the date reader runs in linear time on long runs
  of each character class it mentions (no backtracking across a whitespace run).
- Whole lines that exercise each layout rule parse in linear time: attribution and keyword
  lines full of spaces, datelines, date lines, dividers, Latin letters in long Arabic lines.
- One Latin letter in a long Arabic line costs no more memory than the line without it.
- The date reader's cache holds no long line after the article is gone.
- Short repeated lines (``لا لا``, ``هههه``) stay whole paragraphs, never half captions.

CPU times are compared within one run (n against 8n, the best of interleaved rounds each);
a linear cost grows about 8 times, a quadratic one 64 times, so the bound of 20 separates
them on a noisy machine.
"""

from __future__ import annotations

import gc
import importlib
import re
import time
import timeit
import tracemalloc
from collections.abc import Callable, Iterator
from typing import Any

import pytest

import arnews
from arnews import _dates, _lines, _parse
from helpers import assert_no_line_lost

GROWTH = 8  # inputs are measured at n and 8n
# The standard library's own regular-expression parser and opcodes (private, no stubs).
sre_parser: Any = importlib.import_module("re._parser")
sre_constants: Any = importlib.import_module("re._constants")

LINEAR_BOUND = 20.0  # t(8n) / t(n): about 8 when linear, 64 when quadratic


def _cpu(fn: Callable[[], object], number: int) -> float:
    """CPU seconds of this process for ``number`` calls: a busy machine cannot inflate it."""
    return timeit.timeit(fn, number=number, timer=time.process_time)


def growth(make: Callable[[int], Callable[[], object]], n: int) -> float:
    """t(8n) / t(n) for the call ``make(size)``, from the best CPU time of each size.

    Sizes are measured in interleaved rounds and each keeps its best time (CPU time, so
    that other processes on a shared machine do not count); rounds stop as soon as the
    ratio is clearly linear.
    """
    small, large = make(n), make(GROWTH * n)
    number = 1
    while _cpu(small, number) < 0.0004 and number < 1 << 16:
        number *= 2
    best_small = best_large = float("inf")
    for _ in range(8):
        best_small = min(best_small, _cpu(small, number))
        best_large = min(best_large, _cpu(large, number))
        if best_large / best_small < LINEAR_BOUND:
            break
    return best_large / best_small


# --------------------------------------------------------------------------- every pattern


def _patterns() -> Iterator[tuple[str, re.Pattern[str]]]:
    for module in (_lines, _parse, _dates):
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                yield f"{module.__name__}.{name}", value


# Representatives of the categories a pattern may name (\s, \d, \w and their negations).
_CATEGORY_CHARS = {
    sre_constants.CATEGORY_SPACE: " \u00a0\t",
    sre_constants.CATEGORY_NOT_SPACE: "xب",
    sre_constants.CATEGORY_DIGIT: "1\u0663",  # ARABIC-INDIC DIGIT THREE
    sre_constants.CATEGORY_NOT_DIGIT: "xب ",
    sre_constants.CATEGORY_WORD: "aب_1",
    sre_constants.CATEGORY_NOT_WORD: " -",
}
# Characters every pattern is also tried on: space, NO-BREAK SPACE, an Arabic letter, a Latin
# letter, a digit, a hyphen, TATWEEL U+0640, a dot, a colon.
_ALWAYS = " \u00a0بa1-\u0640.:"


def _mentioned(pattern: re.Pattern[str]) -> str:
    """One character of every class the pattern mentions, and every character it repeats.

    Literals of fixed words are left out (they cannot be consumed by a repeat unless a class
    also holds them, and every class is in); every class, range, category and every literal
    under a repeat is in, with the characters of ``_ALWAYS``.
    """
    found: set[str] = set(_ALWAYS)

    def walk(items: object, repeated: bool) -> None:
        for op, arg in items:  # type: ignore[attr-defined]
            if op is sre_constants.LITERAL:
                if repeated:
                    found.add(chr(arg))
            elif op is sre_constants.RANGE:
                found.update((chr(arg[0]), chr(arg[1])))
            elif op is sre_constants.CATEGORY:
                found.update(_CATEGORY_CHARS.get(arg, ""))
            elif op is sre_constants.IN:
                walk(arg, True)
            elif op in _REPEATS:
                walk(arg[2], True)
            elif op is sre_constants.SUBPATTERN:
                walk(arg[3], repeated)
            elif op is sre_constants.ATOMIC_GROUP:
                walk(arg, repeated)
            elif op is sre_constants.BRANCH:
                for branch in arg[1]:
                    walk(branch, repeated)
            elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
                walk(arg[1], repeated)

    walk(sre_parser.parse(pattern.pattern, pattern.flags), False)
    return "".join(sorted(found))


_REPEATS = (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT)


PATTERNS = sorted(_patterns())


def test_the_audit_sees_the_patterns_of_both_modules() -> None:
    names = {name for name, _ in PATTERNS}
    assert "arnews._lines._SOURCE_SPLIT" in names
    assert "arnews._parse._KEYWORD_SPLIT" in names
    assert any(name.startswith("arnews._dates.") for name in names)


@pytest.mark.parametrize(("name", "pattern"), PATTERNS, ids=[n for n, _ in PATTERNS])
def test_every_pattern_is_linear_on_long_runs_of_each_class_it_mentions(
    name: str, pattern: re.Pattern[str]
) -> None:
    def make(char: str, shape: str) -> Callable[[int], Callable[[], object]]:
        def at(n: int) -> Callable[[], object]:
            text = char * n if shape == "run" else (char + " ") * (n // 2)

            def call() -> object:
                pattern.search(text)
                pattern.fullmatch(text)
                return pattern.split(text, maxsplit=2)

            return call

        return at

    for char in _mentioned(pattern):
        for shape in ("run", "spaced") if char != " " else ("run",):
            ratio = growth(make(char, shape), 500)
            assert ratio < LINEAR_BOUND, (name, char, shape, ratio)


# --------------------------------------------------------------------------- whole lines

TITLE = "عنوان الخبر\n"
BODY = "\nوقال المتحدث إن المركز سيبدأ عمله قريبا في العاصمة بمشاركة الدول الأربع.\n"

LINES: dict[str, Callable[[int], str]] = {
    # A whitespace run that no separator follows: the shape that backtracked in 0.1.
    "sources with spaces": lambda n: "المصدر : الجزيرة" + " " * n + "رويترز + وكالات",
    "sources with no-break spaces": lambda n: "المصدر:" + "\u00a0" * n + "الجزيرة",
    "quoted-from with spaces": lambda n: "نقلا عن" + " " * n + "الجزيرة",
    "keywords with spaces": lambda n: "كلمات مفتاحية\nالعراق" + " " * n + "سوريا",
    "keyword line with spaces": lambda n: "كلمات مفتاحية: العراق" + " " * n + "سوريا، تركيا",
    "dateline with spaces": lambda n: "بغداد" + " " * n + "- رويترز",
    "date line with spaces": lambda n: "27" + " " * n + "أكتوبر 2016",
    "date line with tatweel": lambda n: "27 أكتوبر" + "\u0640" * n + " 2016",
    "divider of dashes": lambda n: "-" * n,
    "divider of tatweel": lambda n: "\u0640" * n,
    "divider with spaces": lambda n: "* " * n,
    "one Latin letter in Arabic": lambda n: "ب" * n + "x",
    "Latin and Arabic words": lambda n: "مواصفات Huawei " * n,
    "a line of one letter": lambda n: "ه" * n,
    "a long credit": lambda n: "صورة " * n + "(رويترز)",
    "a long url": lambda n: "https://example.com/" + "a" * n,
    "a long social link": lambda n: "فيسبوك: http://" + "a" * n,
    "digits and colons": lambda n: "1:" * n,
    "digits and slashes": lambda n: "1/" * n,
    "spaces between words": lambda n: ("كلمة" + " " * 50) * (n // 50),
    "an end marker after spaces": lambda n: "نهاية الخبر." + " " * n + "انتهى",
    "a doubled line": lambda n: ("كلمة " * (n // 10)) * 2,
}


@pytest.mark.parametrize("case", sorted(LINES))
def test_a_hostile_line_parses_in_linear_time(case: str) -> None:
    def at(n: int) -> Callable[[], object]:
        text = TITLE + LINES[case](n) + BODY
        return lambda: arnews.parse(text, id="x")

    ratio = growth(at, 2_000)
    assert ratio < LINEAR_BOUND, (case, ratio)


def _peak(fn: Callable[[], object]) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_one_latin_letter_in_a_long_arabic_line_costs_no_more_memory() -> None:
    n = 200_000
    arabic = TITLE + "ب" * n + BODY
    with_latin = TITLE + "ب" * (n - 1) + "x" + BODY
    base = _peak(lambda: arnews.parse(arabic, id="a"))
    latin = _peak(lambda: arnews.parse(with_latin, id="b"))
    assert latin < 1.5 * base, (latin, base)


def test_parse_memory_grows_linearly_with_a_long_line() -> None:
    small = _peak(lambda: arnews.parse(TITLE + "ب x " * 10_000 + BODY, id="a"))
    large = _peak(lambda: arnews.parse(TITLE + "ب x " * 40_000 + BODY, id="b"))
    assert large < 5 * small, (large, small)


def test_the_date_cache_keeps_no_long_line_alive() -> None:
    # Each text holds a long line with digits: the date reader sees it, then the text goes.
    def one(i: int) -> None:
        line = f"{i} " + "ب" * 100_000 + " 2016"
        arnews.parse(TITLE + line + BODY, id=f"t{i}")

    one(0)
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for i in range(1, 40):
            one(i)
        gc.collect()
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    # 39 lines of 100,000 Arabic letters are 7.8 MB of text; far less than one may stay.
    assert held < 200_000, held


# --------------------------------------------------------------------------- short repeats


@pytest.mark.parametrize("line", ["لا لا", "هههه", "هههههه", "لا لا لا لا", "ها ها", "نعم نعم"])
@pytest.mark.parametrize("where", ["body", "after a colon", "last"])
def test_a_short_repeated_line_stays_a_whole_paragraph(line: str, where: str) -> None:
    lead = "وقال المتحدث إن الاجتماع انتهى دون اتفاق."
    if where == "body":
        text = f"عنوان\n{lead}\n{line}\n{lead}"
    elif where == "after a colon":
        text = f"عنوان\n{lead}\nوكتب أحد المتابعين:\n{line}\n{lead}"
    else:
        text = f"عنوان\n{lead}\n{line}"
    a = arnews.parse(text)
    assert a.captions == ()
    assert line in a.paragraphs
    assert a.subheadings == ()
    assert_no_line_lost(text, a)  # every character of the line is in the paragraph
