"""Shared test helpers: an Article factory with defaults and shared Hypothesis strategies.

Imported by the test modules as ``from helpers import ...`` (``tests/`` is on
pytest's ``pythonpath``).
"""

from __future__ import annotations

import datetime as dt
import os
import random
import re
import subprocess
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import attrs
from hypothesis import strategies as st

import arnews
import arnews.normalize as nz
from arnews import Article, Caption, Corpus, Section, read_date
from arnews._parse import _layout

__all__ = [
    "FIELD_TEXTS",
    "INVISIBLE",
    "NBSP",
    "PERTURBATIONS",
    "assert_no_line_lost",
    "blank",
    "blank_line_after_every_line",
    "build_wheel",
    "corpus_of",
    "cr_only",
    "crlf",
    "edge_nbsp",
    "extra_blank_lines",
    "make_article",
    "need",
    "no_blank_lines",
    "same_fields",
    "synthetic_articles",
    "trailing_spaces",
]


def make_article(
    *texts: str,
    paragraphs: Iterable[str] | None = None,
    id: str = "x",
    title: str = "عنوان",
    **changes: Any,
) -> Article:
    """An Article with every field defaulted: one paragraph ``نص.`` under the title ``عنوان``.

    The paragraphs (one section, no heading) are given positionally or as
    ``paragraphs=``; any other Article field can be set by keyword
    (``sections=`` replaces the paragraphs).  Values are passed on unchecked,
    so the Article's own validation applies.

    >>> make_article("في بغداد.", id="a").paragraphs
    ('في بغداد.',)
    >>> make_article(paragraphs=("أ.", "ب."), title="ج").paragraphs
    ('أ.', 'ب.')
    """
    if texts and paragraphs is not None:
        msg = "make_article() takes paragraphs positionally or as paragraphs=..., not both"
        raise TypeError(msg)
    body = tuple(paragraphs) if paragraphs is not None else texts or ("نص.",)
    fields: dict[str, Any] = {
        "id": id,
        "title": title,
        "date": None,
        "time": None,
        "date_inferred": False,
        "outlet": None,
        "sources": (),
        "dateline": None,
        "sections": (Section(None, body),),
        "captions": (),
        "keywords": (),
        "related": (),
        "raw": "",
    }
    fields.update(changes)
    return Article(**fields)


def corpus_of(*paragraphs: str, title: str = "عنوان") -> Corpus:
    """A one-article Corpus with these paragraphs.

    >>> len(corpus_of("أ.", "ب."))
    1
    """
    return Corpus((make_article(*paragraphs, id="t", title=title),))


#: Short field texts rich in what normalization and tokenizing must see through: hamza
#: forms, marks, tatweel, invisible characters, digits of two scripts, punctuation, NBSP,
#: ligatures and presentation forms.
FIELD_TEXTS = st.text(
    alphabet=st.sampled_from(
        [
            *"بغداولكفيةىأإآءئؤی",
            *("\u064e", "\u0651", "\u0640", "\u0654"),  # FATHA, SHADDA, TATWEEL, HAMZA ABOVE
            *("\u200c", "\u200b", "\u200f", "\u00ad"),  # ZWNJ, ZWSP, RLM, SOFT HYPHEN
            *"ab'’0123٠١٢٫٬.,،؛؟!«»“” \n\t-",
            *("\u00a0", "\ufdfa", "\ufef7", "\ufe8d"),  # NBSP, ligatures, a presentation form
        ]
    ),
    max_size=40,
)


# -- the no-line-lost law -------------------------------------------------------------------

# Invisible marks a blank line may hold besides whitespace: ZWSP, ZWNJ, ZWJ, LRM, RLM, WORD
# JOINER, BOM; SOFT HYPHEN, ARABIC LETTER MARK; the bidi embeddings and overrides LRE RLE PDF
# LRO RLO; the isolates LRI RLI FSI PDI.
INVISIBLE = (
    "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad\u061c"
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
# What an attribution line may hold besides the names: its label words and marks.
_SOURCE_LABELS = ("مصدرالخبر", "المصادر", "المصدر", "نقلاًعن", "نقلاعن")
_SOURCE_MARKS = frozenset("*-–—•·():：/+،,&'\"‘’“”«»‹›")
_DATELINE_MARKS = frozenset("-–—\u0640'\"‘’“”«»‹›")  # dashes, TATWEEL, quotes
_KEYWORD_SEPARATORS = re.compile(r"[،,؛|]")


def _ws(s: str) -> str:
    """s without any whitespace, for comparisons modulo whitespace."""
    return "".join(s.split())


def blank(line: str) -> bool:
    """Whether a line is blank: only whitespace and invisible marks."""
    return not line.strip().strip(INVISIBLE).strip()


def _caption_forms(c: Caption) -> tuple[str, str]:
    """A caption line once and glued twice (modulo whitespace)."""
    once = _ws(c.text) + (f"({_ws(c.credit)})" if c.credit is not None else "")
    return once, once + once


def _without(line: str, names: Iterable[str]) -> tuple[str, int]:
    """The line with each name taken out once (longest first), and how many were found."""
    found = 0
    for name in sorted(names, key=len, reverse=True):
        if name and name in line:
            line = line.replace(name, "", 1)
            found += 1
    return line, found


def assert_no_line_lost(text: str, a: Article) -> None:
    """Each non-blank line has a role, and the field of that role accounts for all of it.

    Modulo whitespace, every character of the line is in the field, and nothing else is: a
    paragraph or subheading is the line, a caption is the line (or half of a line the page
    glued twice, the one exception), sources and keywords are the line without its label
    and separators, a dateline is place, dash and outlet, a dropped line is in ``dropped``.
    """
    assert all(section.paragraphs for section in a.sections)  # no heading of an empty section
    layout = _layout(text)
    raw_lines = text.splitlines()
    assert {ln.number for ln in layout} == {i for i, s in enumerate(raw_lines) if not blank(s)}
    assert len({ln.number for ln in layout}) == len(layout)
    paragraphs = {_ws(p) for p in a.paragraphs}
    dropped = [_ws(d) for d in a.dropped]
    keywords = [_ws(k) for k in a.keywords]
    next_keyword = 0
    for ln in layout:
        w = _ws(ln.text)
        assert w, ln
        assert w == _ws(raw_lines[ln.number]).strip(INVISIBLE) or w in _ws(raw_lines[ln.number])
        if ln.role == "title":
            assert w == _ws(a.title), ln
        elif ln.role == "date":
            reading = read_date(ln.text)
            assert reading is not None, ln
            assert (reading.date, reading.time) == (a.date, a.time), ln
            assert (reading.utc_offset, reading.hijri) == (a.utc_offset, a.hijri), ln
        elif ln.role == "dateline":
            assert a.dateline is not None, ln
            outlet = a.outlet if a.outlet is not None else a.sources[0]
            assert w.startswith(_ws(a.dateline)), ln
            middle = w[len(_ws(a.dateline)) :]
            middle, found = _without(middle, [_ws(outlet)])
            assert found == 1, ln
            assert set(middle) <= _DATELINE_MARKS, ln
        elif ln.role == "sources":
            rest, found = _without(w, [_ws(s) for s in a.sources])
            assert found, ln
            for label in _SOURCE_LABELS:
                rest = rest.replace(label, "", 1)
            assert set(rest) <= _SOURCE_MARKS, (ln, rest)
        elif ln.role == "heading":
            assert w in {_ws(h) for h in a.subheadings}, ln
        elif ln.role == "paragraph":
            assert w in paragraphs or any(w == p + d for p in paragraphs for d in dropped), ln
        elif ln.role == "caption":
            assert any(w in _caption_forms(c) for c in a.captions), ln
        elif ln.role == "keywords":
            # An inline label ("كلمات مفتاحية: A، B") is in dropped, its colon in neither.
            label = next((d + ":" for d in dropped if w.startswith(d + ":")), "")
            rest = _KEYWORD_SEPARATORS.sub("", w[len(label) :])
            while rest:
                assert next_keyword < len(keywords), ln
                assert rest.startswith(keywords[next_keyword]), (ln, rest)
                rest = rest[len(keywords[next_keyword]) :]
                next_keyword += 1
        elif ln.role in ("label", "furniture", "credit", "byline"):
            assert w in dropped, ln
        elif ln.role == "related-caption":
            assert any(
                r.caption is not None and w in _caption_forms(r.caption) for r in a.related
            ), ln
        elif ln.role == "related-title":
            assert any(r.title is not None and _ws(r.title) == w for r in a.related), ln
        elif ln.role == "related-summary":
            assert any(w in map(_ws, r.summary.split("\n")) for r in a.related), ln
        elif ln.role == "related-date":
            published = re.sub(r"(?i)^\s*published\s+on\s*:?", "", ln.text)
            teaser_date = read_date(published)
            assert teaser_date is not None, ln
            assert teaser_date.date in {r.date for r in a.related}, ln
        else:
            raise AssertionError(f"unknown role {ln.role!r}")
    assert next_keyword == len(keywords)  # every keyword came from a keyword line


# -- perturbations that must not change a parse ----------------------------------------------

NBSP = "\u00a0"  # NO-BREAK SPACE


def _lines_map(text: str, fn: Callable[[str], str]) -> str:
    return "\n".join(fn(line) for line in text.split("\n"))


def crlf(t: str) -> str:
    return t.replace("\n", "\r\n")


def cr_only(t: str) -> str:
    return t.replace("\n", "\r")


def extra_blank_lines(t: str) -> str:
    return "\n\n" + t.replace("\n\n", "\n\n\n\n") + "\n\n\n"


def no_blank_lines(t: str) -> str:
    return "\n".join(line for line in t.split("\n") if line.strip())


def blank_line_after_every_line(t: str) -> str:
    return "\n".join(f"{line}\n" if line.strip() else line for line in t.split("\n"))


def trailing_spaces(t: str) -> str:
    return _lines_map(t, lambda line: line + "  \t ")


def edge_nbsp(t: str) -> str:
    return _lines_map(t, lambda line: f"{NBSP}{line}{NBSP}" if line.strip() else line)


PERTURBATIONS = [
    crlf,
    cr_only,
    extra_blank_lines,
    no_blank_lines,
    blank_line_after_every_line,
    trailing_spaces,
    edge_nbsp,
]


def same_fields(a: Article, b: Article) -> None:
    for field in attrs.fields(Article):
        if field.name != "raw":
            assert getattr(a, field.name) == getattr(b, field.name), field.name


# -- the built wheel ---------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parent.parent


def build_wheel(out: Path) -> Path:
    """The wheel CI built (``ARNEWS_WHEEL``), or one built into ``out`` from this checkout."""
    given = os.environ.get("ARNEWS_WHEEL")
    if given:
        return Path(given)
    if not (ROOT / "pyproject.toml").is_file() or not (ROOT / "src" / "arnews").is_dir():
        msg = "no wheel: run from a source checkout, or set ARNEWS_WHEEL=path/to/arnews.whl"
        raise AssertionError(msg)
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("arnews-*.whl")
    return built


def synthetic_articles(count: int, seed: int = 0) -> list[Article]:
    """Articles made from the seeds' paragraphs, with words swapped for made-up ones.

    Each has a title cut from a seed paragraph, 2-6 seed paragraphs in random
    order with about one word in ten replaced by a word glued from halves of
    two seed words (sometimes behind و, ب or ال), a caption for every other
    one, a date in 2015-2016 (inferred for every third) and one of three
    outlets: rare and frequent words, phrases across the swaps, every field kind.

    >>> [a.id for a in synthetic_articles(2)]
    ['s0000', 's0001']
    """
    rng = random.Random(seed)
    seeds = arnews.load()
    paragraphs = [p for a in seeds for p in a.paragraphs if len(p) > 40]
    captions = [c for a in seeds for c in a.captions]
    words = sorted({w for p in paragraphs for w in p.split() if len(w) >= 4})
    made = [
        a[: len(a) // 2] + b[len(b) // 2 :] for a, b in zip(words, reversed(words), strict=True)
    ]
    outlets = ("الجزيرة نت", "الخليج الجديد", None)
    out = []
    for i in range(count):
        body = []
        for paragraph in rng.sample(paragraphs, rng.randint(2, 6)):
            tokens = paragraph.split(" ")
            for _ in range(max(1, len(tokens) // 10)):
                word = rng.choice(made[: rng.choice((40, 400, len(made)))])
                tokens[rng.randrange(len(tokens))] = rng.choice(("", "و", "ب", "ال")) + word
            body.append(" ".join(tokens))
        title = " ".join(rng.choice(paragraphs).split(" ")[: rng.randint(4, 9)])
        out.append(
            make_article(
                paragraphs=body,
                id=f"s{i:04d}",
                title=title,
                date=dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(730)),
                date_inferred=i % 3 == 0,
                outlet=outlets[i % 3],
                captions=(rng.choice(captions),) if i % 2 and captions else (),
                raw="\n\n".join((title, *body)) + "\n",
            )
        )
    return out


def need(module: str, extra: str) -> Any:
    """Import an optional dependency for a test module, or skip it, or fail in the extras run.

    Without the package the module's tests are skipped with the extra to
    install in the reason; with ``ARNEWS_REQUIRE_EXTRAS=1`` (the CI step that
    installs the extras) a missing package fails instead, so those tests can
    never be skipped silently there.

    >>> need("json", "none").dumps(1)
    '1'
    """
    import importlib
    import os

    import pytest

    try:
        return importlib.import_module(module)
    except ImportError:
        if os.environ.get("ARNEWS_REQUIRE_EXTRAS") == "1":
            raise
        pytest.skip(f"needs pip install 'arnews[{extra}]'", allow_module_level=True)


#: Pieces of text that the normalizers treat in every different way (folds, marks that
#: compose, ligatures that expand, invisible characters, digits and their separators, every
#: kind of space); joined at random they make Arabic-like text for Hypothesis.
ARABIC_PIECES = [
    "ب",
    "ا",
    "ى",
    "ی",
    "ک",
    "پ",
    "ة",
    "ؤ",
    "ئ",
    "أ",
    "ﻷ",
    "ﷺ",
    "ﹰ",
    "\u064e",  # FATHA
    "\u0651",  # SHADDA
    "\u0653",  # MADDAH ABOVE
    "\u0654",  # HAMZA ABOVE
    "\u0655",  # HAMZA BELOW
    "\u0670",  # SUPERSCRIPT ALEF
    "\u06d6",  # SMALL HIGH LIGATURE SAD WITH LAM WITH ALEF MAKSURA
    "\u0640",  # TATWEEL
    "\u200c",  # ZWNJ
    "\u200f",  # RLM
    "\ufeff",  # BOM
    "١",
    "٫",
    "٬",
    "،",
    "«",
    " ",
    "  ",
    "\t",
    "\u00a0",
    "\n",
    "\r\n",
    "a",
    "7",
]
arabic_text = st.lists(st.sampled_from(ARABIC_PIECES), max_size=14).map("".join)


def normalize_operations() -> list[Callable[[str], str]]:
    """Every public operation of arnews.normalize, in the order of its docs."""
    return [
        nz.strip_diacritics,
        nz.strip_harakat,
        nz.strip_tatweel,
        nz.normalize_alef,
        nz.normalize_yeh,
        nz.normalize_persian_letters,
        nz.normalize_teh_marbuta,
        nz.normalize_hamza,
        nz.normalize_digits,
        nz.normalize_punctuation,
        nz.normalize_presentation_forms,
        nz.remove_invisible,
        nz.normalize_whitespace,
    ]
