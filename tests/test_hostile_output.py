"""What arnews's output withstands: hostile text, hostile records, hostile arguments.

One test (or a few) per defect of the adversarial pass on output:

* CLI output: ``kwic --width`` is bounded, and a stdout that cannot encode
  Arabic gets its own exit code and the fix ``PYTHONIOENCODING=utf-8``;
* terminal control characters from a user's text (ESC, BEL, U+202E …) are
  shown escaped by every ``_repr_pretty_`` and by the CLI; the bidi marks
  LRM, RLM and ALM are kept;
* records check their fields on construction, and every value that reaches
  HTML is escaped;
* ``main(b"..")`` and other wrong argument lists get a message with the fix;
* a cached result (``mentions``) cannot be changed by one caller for the next.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from typing import Any

import attrs
import pytest

import arnews
from arnews import Caption, ConcordanceLine, Corpus, Hit, Hits, Sentence
from arnews import __main__ as cli
from arnews._display import KEPT_BIDI_MARKS, hits_html, terminal_safe
from helpers import make_article

ESC, BEL, RLO = "\x1b", "\x07", "\u202e"  # ESCAPE, BELL, RIGHT-TO-LEFT OVERRIDE
#: Characters a terminal acts on: C0 (but tab and newline), DEL, C1, and the bidi
#: embeddings, overrides and isolates.
DANGEROUS = (
    {chr(c) for c in range(0x20)} - {"\t", "\n"}
    | {chr(c) for c in range(0x7F, 0xA0)}
    | {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}
)
HOSTILE = f"قال {ESC}[2J{ESC}]0;pwned{BEL} لافروف {RLO}بغداد\u200f هنا.\x9b31m"


def hostile_corpus() -> Corpus:
    return Corpus(
        [
            make_article(
                HOSTILE,
                id="h1",
                title=f"عنوان {ESC}[31mلافروف{BEL}",
                outlet=f"وكالة{ESC}[0m",
                captions=(Caption(HOSTILE, "ar"),),
            )
        ]
    )


class Printer:
    def __init__(self) -> None:
        self.texts: list[str] = []

    def text(self, s: str) -> None:
        self.texts.append(s)


def pretty(shown: Any) -> str:
    p = Printer()
    shown._repr_pretty_(p, False)
    return "".join(p.texts)


def assert_terminal_safe(text: str) -> None:
    assert not (set(text) & DANGEROUS), sorted(set(text) & DANGEROUS)


# -- item 12: control characters never reach the terminal ---------------------------------


def test_terminal_safe_escapes_controls_and_keeps_the_bidi_marks() -> None:
    assert terminal_safe(f"a{ESC}b{BEL}c{RLO}d\x85e\x7f") == "a\\x1bb\\x07c\\u202ed\\x85e\\x7f"
    kept = "".join(sorted(KEPT_BIDI_MARKS))
    assert terminal_safe(f"قال{kept}هنا\t\n") == f"قال{kept}هنا\t\n"
    assert {"\u200e", "\u200f", "\u061c"} == KEPT_BIDI_MARKS  # LRM, RLM, ALM


def test_every_repr_pretty_escapes_control_characters() -> None:
    corpus = hostile_corpus()
    for item in (corpus, corpus[0], corpus.search("لافروف"), corpus.concordance("لافروف")):
        assert_terminal_safe(pretty(item))
    for item in (corpus, corpus[0], corpus.concordance("لافروف")):
        assert "\\x1b" in pretty(item)  # made visible, not dropped
    assert "\u200f" in pretty(corpus.concordance("بغداد"))  # the RLM is kept


@pytest.mark.parametrize(
    "argv",
    [["list"], ["show", "h1"], ["search", "لافروف"], ["kwic", "لافروف"], ["kwic", "بغداد"]],
)
def test_the_cli_escapes_control_characters(
    argv: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli, "load", hostile_corpus)
    out, err = io.StringIO(), io.StringIO()
    assert cli.main(argv, out=out, err=err) == 0, err.getvalue()
    assert_terminal_safe(out.getvalue())
    assert "\\x1b" in out.getvalue()


def test_cli_json_escapes_c1_and_bidi_controls(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "load", hostile_corpus)
    out = io.StringIO()
    assert cli.main(["search", "لافروف", "--json"], out=out) == 0
    assert_terminal_safe(out.getvalue())
    assert "\\u202e" in out.getvalue()
    assert "\\u001b" in out.getvalue()


def test_error_messages_escape_the_query(monkeypatch: pytest.MonkeyPatch) -> None:
    err = io.StringIO()
    assert cli.main(["search", f"بطريق{ESC}[2J"], out=io.StringIO(), err=err) == 1
    assert_terminal_safe(err.getvalue())


# -- item 11: CLI output is bounded and says how to fix the encoding --------------------------


@pytest.mark.parametrize("width", ["20000000", "1000000000000"])
def test_kwic_width_is_bounded(width: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        cli.main(["kwic", "بغداد", "--width", width])
    assert info.value.code == cli.EXIT_USAGE
    assert f"at most {cli.MAX_WIDTH} characters of context" in capsys.readouterr().err


def test_the_library_bounds_the_width_too() -> None:
    with pytest.raises(ValueError, match="too wide; give at most 10000"):
        arnews.load().concordance("بغداد", width=10**12)


def _run(*argv: str, encoding: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    return subprocess.run(
        [sys.executable, "-m", "arnews", *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=env,
        check=False,
    )


@pytest.mark.parametrize("argv", [(), ("search", "بغداد"), ("kwic", "بغداد"), ("show", "003")])
def test_a_stdout_that_cannot_encode_arabic_gets_its_own_exit_code(argv: tuple[str, ...]) -> None:
    result = _run(*argv, encoding="cp1252")
    assert result.returncode == cli.EXIT_ENCODING == 3
    assert result.stdout == ""
    assert "PYTHONIOENCODING=utf-8" in result.stderr
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


def test_json_works_on_any_encoding() -> None:
    result = _run("search", "بغداد", "--json", encoding="cp1252")
    assert result.returncode == 0, result.stderr
    assert result.stdout.isascii()
    assert "\\u0628" in result.stdout  # ARABIC LETTER BEH, escaped


# -- item 13: records check their fields; HTML escapes every value ---------------------------

HIT = {
    "article_id": "a",
    "field": "title",
    "index": 0,
    "start": 0,
    "end": 1,
    "stem_start": 0,
    "stem_end": 1,
    "text": "x",
}


@pytest.mark.parametrize(
    ("change", "error", "message"),
    [
        ({"index": "<img src=x onerror=alert(1)>"}, TypeError, "Hit.index must be int, got str"),
        ({"start": True}, TypeError, "Hit.start must be int, got bool"),
        ({"end": -1}, ValueError, "Hit.end must be 0 or more, got -1"),
        ({"article_id": None}, TypeError, "Hit.article_id must be str, got NoneType"),
        ({"text": b"x"}, TypeError, "Hit.text must be str, got bytes"),
    ],
)
def test_hits_check_their_fields(
    change: dict[str, object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=re.escape(message)):
        Hit(**{**HIT, **change})  # type: ignore[arg-type]


def test_evolve_is_checked_too() -> None:
    with pytest.raises(TypeError, match=re.escape("Hit.index must be int")):
        attrs.evolve(Hit(**HIT), index="1")  # type: ignore[arg-type]


#: Values of the wrong type, typed Any so that the type checker lets them through.
BAD_STR: Any = "<img src=x onerror=alert(1)>"
BAD_INT: Any = 1


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: ConcordanceLine("a", "b", "c", "id", "title", BAD_STR), "ConcordanceLine.offset"),
        (lambda: ConcordanceLine("a", BAD_INT, "c", "id", "title", 0), "ConcordanceLine.match"),
        (lambda: Sentence("x", BAD_STR, 1), "Sentence.start"),
        (lambda: Hits([BAD_STR]), "Hits() expects Hit items, got str"),
        (lambda: arnews.Concordance([BAD_INT]), "Concordance() expects ConcordanceLine items"),
    ],
)
def test_other_records_check_their_fields(make: Any, message: str) -> None:
    with pytest.raises(TypeError, match=re.escape(message)):
        make()


@attrs.frozen
class LooseHit:
    """A hit-like object that does not check its fields (what the display may be handed)."""

    article_id: str
    field: str
    index: Any
    start: int
    end: int
    text: str


def test_every_value_that_reaches_html_is_escaped() -> None:
    evil = "<img src=x onerror=alert(1)>"
    html = hits_html([LooseHit(evil, evil, evil, 0, 1, evil)])
    assert "<img" not in html
    assert html.count("&lt;img src=x onerror=alert(1)&gt;") == 4


# -- item 15, the CLI part: wrong argument lists ----------------------------------------------


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (b"..", "main() expects a list of str, got bytes; pass command-line arguments"),
        ("search", "main() expects a list of str, got str; pass command-line arguments"),
        (["search", b"x"], "main\\(\\) expects a list of str, got bytes; decode it first"),
        ([1], "main() expects a list of str, got int"),
    ],
)
def test_main_refuses_what_is_not_a_list_of_str(argv: Any, message: str) -> None:
    with pytest.raises(
        TypeError,
        match=message if "\\" in message else message.replace("(", r"\(").replace(")", r"\)"),
    ):
        cli.main(argv)


# -- item 16: a cached result cannot be changed for the next caller ---------------------------


def test_cached_mentions_are_immutable() -> None:
    corpus = arnews.load()
    first = corpus.mentions("Lavrov")
    for name in ("_corpus", "_source", "source", "anything"):
        with pytest.raises(AttributeError, match="Hits is immutable"):
            setattr(first, name, None)
    with pytest.raises(AttributeError, match="Hits is immutable"):
        del first._source
    again = corpus.mentions("Lavrov")
    assert again is first
    assert again.source is corpus
    assert "<mark>سيرغي لافروف</mark> هذا التعاون" in again._repr_html_()


def test_concordances_are_immutable_too() -> None:
    lines = arnews.load().concordance("لافروف")
    with pytest.raises(AttributeError, match="Concordance is immutable"):
        lines.sort = ("left1",)
