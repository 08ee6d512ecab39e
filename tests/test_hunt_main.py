"""The command line takes the query language's exclusions as written (``search a -b``).

docs/querying.md: ``search QUERY`` and ``kwic QUERY`` "take the same queries as
corpus.search", and the help says "words; OR, -word, word*". An exclusion starts with '-',
which argparse would take for an unknown option.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

import arnews
from arnews.__main__ import main


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def spans(out: str) -> list[tuple[str, str, int, int]]:
    rows = [json.loads(line) for line in out.splitlines()]
    return [(r["article_id"], r["field"], r["index"], r["start"]) for r in rows]


def expected(query: str) -> list[tuple[str, str, int, int]]:
    return [(h.article_id, h.field, h.index, h.start) for h in arnews.load().search(query)]


@pytest.mark.parametrize(
    "argv",
    [
        ("search", "لافروف", "-كيري", "--json"),
        ("search", "--json", "لافروف", "-كيري"),
        ("search", "لافروف", "-كيري", "-بطريق", "--json"),
        ("search", "لافروف", '-"جون كيري"', "--json"),
        ("search", "(لافروف", "-كيري)", "OR", "بوتين", "--json"),
    ],
)
def test_search_takes_an_exclusion_as_query(argv: tuple[str, ...]) -> None:
    code, out, err = run(*argv)
    assert code == 0, err
    query = " ".join(a for a in argv[1:] if a != "--json")
    assert spans(out) == expected(query)
    assert spans(out)  # not empty: 003 has لافروف without كيري


def test_the_exclusion_changes_the_answer() -> None:
    # Without the exclusion, articles that name Kerry too are in the answer.
    assert len(expected("لافروف -كيري")) < len(expected("لافروف"))
    _, out, _ = run("search", "لافروف", "-كيري", "--json")
    assert {r[0] for r in spans(out)}.isdisjoint(
        {h.article_id for h in arnews.load().search("كيري")}
    )


def test_kwic_takes_an_exclusion_and_keeps_its_options() -> None:
    code, out, err = run("kwic", "لافروف", "-كيري", "--limit", "1", "--width", "10", "--json")
    assert code == 0, err
    rows = [json.loads(line) for line in out.splitlines()]
    want = arnews.load().concordance("لافروف -كيري", width=10)[:1]
    assert [(r["article_id"], r["offset"], r["left"]) for r in rows] == [
        (line.article_id, line.offset, line.left) for line in want
    ]


def test_an_only_exclusion_is_a_query_error_not_an_unknown_option() -> None:
    code, _, err = run("search", "-كيري")
    assert code == 2
    assert "only excludes" in err
    assert "unrecognized arguments" not in err


@pytest.mark.parametrize("option", ["--limit", "--lim"])
def test_option_values_that_start_with_a_dash_are_still_option_values(
    option: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as info:
        main(["search", "x", option, "-1"])
    assert info.value.code == 2
    assert (
        "argument --limit: expected a whole number of 0 or more, got -1" in capsys.readouterr().err
    )


def test_help_is_still_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["search", "-h"])
    assert info.value.code == 0
    assert "usage:" in capsys.readouterr().out


def odd_folder(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text("عنوان\n\nنص لافروف.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes("عنوان ثان\n\nنص.\n".encode("utf-16"))
    (tmp_path / "empty.txt").write_bytes(b"")
    return tmp_path


def test_a_folder_with_a_bad_file_says_how_to_go_on_from_the_command_line(
    tmp_path: Path,
) -> None:
    code, _, err = run("list", "--dir", str(odd_folder(tmp_path)))
    assert code == 2
    assert "--errors skip" in err
    assert "--encoding" in err


def test_errors_skip_leaves_bad_files_out_and_says_which(tmp_path: Path) -> None:
    code, out, err = run("search", "لافروف", "--dir", str(odd_folder(tmp_path)), "--errors", "skip")
    assert code == 0
    assert out.startswith("a  paragraph[0]")
    assert "skipped b.txt" in err
    assert "skipped empty.txt" in err


def test_encoding_reads_the_folder_in_that_encoding(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_bytes("عنوان ثان\n\nنص لافروف.\n".encode("utf-16"))
    code, out, err = run("search", "لافروف", "--dir", str(tmp_path), "--encoding", "utf-16")
    assert code == 0, err
    assert out.startswith("b  paragraph[0]")


def test_folder_options_without_a_folder_are_a_usage_error() -> None:
    code, _, err = run("list", "--errors", "skip")
    assert code == 2
    assert "--dir" in err
