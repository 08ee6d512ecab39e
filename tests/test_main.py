"""The command line (``python -m arnews``)."""

from __future__ import annotations

import io
import json
import shlex
import subprocess
import sys

import pytest

import arnews
from arnews.__main__ import main
from arnews._display import display_width


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_list_is_the_default_and_marks_inferred_dates() -> None:
    code, out, _ = run()
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 6  # five articles and the legend
    by_id = {line.split()[0]: line for line in lines[:5]}
    assert set(by_id) == set(arnews.load().ids)
    assert "2016-10-27 " in by_id["000_e0e2311573730f34"]
    assert "2015-09-27*" in by_id["002_c10afc3176e03f42"]
    assert "الجورنال نيوز" in by_id["004_27df001b210ff69a"]
    assert lines[5].startswith("(* date inferred")
    assert run("list") == (code, out, "")


def test_show_accepts_a_unique_prefix() -> None:
    code, out, _ = run("show", "003")
    assert code == 0
    assert out.startswith(
        "id: 003_525ecddc6b3f777e\ntitle: روسيا: أميركا ترفض تبادل معلومات عن تنظيم الدولة\n"
    )
    assert "date: 2015-09-29 (inferred by curation)" in out
    assert "## مواقف وقلق" in out


@pytest.mark.parametrize("ident", ["999", "00"])
def test_show_unknown_or_ambiguous_id_exits_1_with_one_line(ident: str) -> None:
    code, out, err = run("show", ident)
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("arnews: ")


def test_search_prints_id_field_and_marked_snippet() -> None:
    code, out, _ = run("search", "لافروف")
    assert code == 0
    lines = out.splitlines()
    assert lines
    # Not a terminal: the match is set off by brackets that occur nowhere in the output.
    assert all("⟦لافروف⟧" in line for line in lines)
    assert {line.split()[0] for line in lines} >= {"003_525ecddc6b3f777e", "004_27df001b210ff69a"}


def test_search_without_hits_exits_1_with_a_message() -> None:
    code, out, err = run("search", "بطريق")
    assert (code, out) == (1, "")
    assert err == "arnews: no hit for 'بطريق'\n"
    assert run("kwic", "بطريق")[0] == 1
    assert run("search", "بطريق", "--json")[:2] == (1, "")


def test_kwic_lines_show_the_match() -> None:
    code, out, _ = run("kwic", "بغداد", "--width", "15", "--limit", "3")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 3
    assert all("⟦" in line and "⟧" in line for line in lines)


def test_bad_usage_exits_2() -> None:
    with pytest.raises(SystemExit) as info:
        run("frobnicate")
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        run("search")
    assert info.value.code == 2


@pytest.mark.parametrize("ident", ["", "  "])
def test_show_with_an_empty_id_exits_2_and_says_how_to_list(ident: str) -> None:
    code, out, err = run("show", ident)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert "run `python -m arnews` to list the ids" in err


def test_punctuation_only_query_exits_2() -> None:
    code, _, err = run("search", "؟!")
    assert code == 2
    assert err.startswith("arnews: ")


def test_python_dash_m_runs() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "arnews", "show", "001"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "001_4f119960287c4d94" in result.stdout


# -- JSON, exit codes, argument errors, columns ---------------------------------------------


def test_json_output_of_every_command() -> None:
    code, out, _ = run("list", "--json")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in rows] == list(arnews.load().ids)
    assert rows[2]["date_inferred"] is True
    code, out, _ = run("show", "003", "--json")
    assert code == 0
    assert json.loads(out)["subheadings"] == ["مواقف وقلق", "نفي واضطراب", "دور التحالف"]
    code, out, _ = run("search", "لافروف", "--json")
    hits = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert len(hits) == 5
    assert {h["outlet"] for h in hits} == {"الجزيرة نت", "الجورنال نيوز"}
    assert all(h["text"] == "لافروف" and "لافروف" in h["sentence"] for h in hits)
    code, out, _ = run("kwic", "لافروف", "--json", "--sort", "right1")
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["right"].split()[0] for line in lines] == [":", "إن", "للالتفاف", "متحدثا", "هذا"]


def test_search_takes_the_query_language() -> None:
    code, out, _ = run("search", "لافروف", "OR", "كيري", "--json")
    assert code == 0
    assert {json.loads(line)["text"] for line in out.splitlines()} >= {"لافروف", "كيري"}
    code, _, err = run("search", "لافروف", "OR")
    assert code == 2
    assert "'OR' at character 7 has nothing after it" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ("search", "x", "--limit", "x"),
            "argument --limit: expected a whole number of 0 or more, got 'x'",
        ),
        (
            ("search", "x", "--limit", "-1"),
            "argument --limit: expected a whole number of 0 or more, got -1",
        ),
        (
            ("kwic", "x", "--width", "20000000"),
            "argument --width: at most 1000 characters of context",
        ),
        (("kwic", "x", "--width", "1000000000000"), "argument --width: at most 1000 characters"),
        (("kwic", "x", "--sort", "up"), "argument --sort: expected a sort key such as right1"),
    ],
)
def test_argument_errors_are_readable(
    argv: tuple[str, ...], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as info:
        main(list(argv))
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert message in err
    assert "invalid" not in err


def test_list_aligns_the_outlet_column_by_display_width() -> None:
    _, out, _ = run("list")
    rows = out.splitlines()[:5]
    titles = [arnews.load()[i].title for i in range(5)]
    starts = {
        display_width(row[: row.index(title)]) for row, title in zip(rows, titles, strict=True)
    }
    assert len(starts) == 1  # every title starts in the same terminal column


def test_search_lines_keep_the_spaces_around_the_match() -> None:
    buf = io.StringIO()
    assert main(["search", "بوتين"], out=buf) == 0
    first = buf.getvalue().splitlines()[0]
    assert "فلاديمير ⟦بوتين⟧ في" in first or "فلاديمير [بوتين] في" in first


def test_a_reader_that_goes_away_is_not_an_error() -> None:
    # `python -m arnews search ... | head -1`: the rest of the output has nowhere to go.
    result = subprocess.run(
        f"{shlex.quote(sys.executable)} -m arnews search في | head -1",
        shell=True,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stdout.count("\n") == 1
    assert "Broken pipe" not in result.stderr
    assert "Traceback" not in result.stderr
