"""Checks on what users install: the built wheel, its metadata and package data."""

from __future__ import annotations

import email.parser
import importlib.metadata
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import arnews
from arnews import _resources

ROOT = Path(__file__).resolve().parent.parent
SEEDS = (
    "000_e0e2311573730f34.txt",
    "001_4f119960287c4d94.txt",
    "002_c10afc3176e03f42.txt",
    "003_525ecddc6b3f777e.txt",
    "004_27df001b210ff69a.txt",
)
DATA_FILES = (*SEEDS, "catalog.json", "gazetteer.json", "stopwords.tsv", "whole_words.tsv")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel CI built (ARNEWS_WHEEL), or one built now from this source checkout."""
    given = os.environ.get("ARNEWS_WHEEL")
    if given:
        return Path(given)
    if not (ROOT / "pyproject.toml").is_file() or not (ROOT / "src" / "arnews").is_dir():
        pytest.fail(
            "no wheel to inspect: run from a source checkout, "
            "or set ARNEWS_WHEEL=path/to/arnews.whl"
        )
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("arnews-*.whl")
    return built


def test_wheel_holds_package_data_and_py_typed(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in DATA_FILES:
        assert f"arnews/data/{name}" in names
    assert "arnews/py.typed" in names
    assert "arnews/__init__.py" in names
    assert not any(n.startswith(("tests/", "docs/", "benchmarks/")) for n in names)


def test_wheel_seeds_are_byte_identical_to_the_installed_data(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as zf:
        for name in SEEDS:
            assert zf.read(f"arnews/data/{name}") == _resources.read_bytes(name)


def test_wheel_metadata(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as zf:
        (meta_name,) = [n for n in zf.namelist() if n.endswith(".dist-info/METADATA")]
        meta = email.parser.Parser().parsestr(zf.read(meta_name).decode("utf-8"))
    assert meta["Name"] == "arnews"
    assert meta["Version"] == arnews.__version__
    assert meta["Requires-Python"] == ">=3.11"
    runtime = [r for r in meta.get_all("Requires-Dist") or [] if "extra ==" not in r]
    assert sorted(r.split(">")[0].split("=")[0].strip() for r in runtime) == ["attrs", "regex"]
    assert "pandas" in (meta.get_all("Provides-Extra") or [])


def test_installed_copy_is_the_one_under_test() -> None:
    """In CI's wheel runs the tests must import the installed copy, not the source tree."""
    location = Path(arnews.__file__).resolve()
    if os.environ.get("ARNEWS_EXPECT_INSTALLED"):
        assert "site-packages" in location.parts
        assert ROOT / "src" not in location.parents
    else:
        assert location.name == "__init__.py"
    assert importlib.metadata.version("arnews") == arnews.__version__


def test_every_bundled_file_is_readable_through_importlib_resources() -> None:
    for name in DATA_FILES:
        assert _resources.read_bytes(name)
    assert _resources.seed_names() == SEEDS


def test_import_reads_no_data_and_parses_nothing() -> None:
    code = r"""
import sys
opened = []
def hook(event, args):
    path = args[0]
    if event == "open" and isinstance(path, str) and ("/data/" in path or path.endswith(".txt")):
        opened.append(path)
sys.addaudithook(hook)
import arnews, arnews.normalize
everything = [getattr(arnews, name) for name in arnews.__all__]  # imports every module
import arnews._load
assert arnews._load._bundled.cache_info().currsize == 0, "load() ran at import"
assert not opened, opened
print("ok")
"""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
