"""The command line (``python -m arnews``)."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

import arnews
from arnews.__main__ import main


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
    assert all("[[" in line and "]]" in line for line in lines)
    assert {line.split()[0] for line in lines} >= {"003_525ecddc6b3f777e", "004_27df001b210ff69a"}


def test_search_without_hits_exits_0_with_a_message() -> None:
    code, out, err = run("search", "بطريق")
    assert (code, out) == (0, "")
    assert "no hit" in err


def test_kwic_lines_show_the_match() -> None:
    code, out, _ = run("kwic", "بغداد", "--width", "15", "--limit", "3")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 3
    assert all("[[" in line for line in lines)


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
