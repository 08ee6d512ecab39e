"""Loading corpora: the bundled one (parsed once, cached) and a user's folder."""

from __future__ import annotations

import functools
import os
from pathlib import Path, PurePath

from ._article import Article
from ._catalog import apply_catalog, load_catalog
from ._checks import check_path, check_str
from ._corpus import Corpus
from ._parse import parse
from ._resources import read_text, seed_names

__all__ = ["list_files", "load", "load_dir", "read_file"]


@functools.cache
def load() -> Corpus:
    """The bundled corpus, parsed on first call and cached for the process.

    Curated facts from the bundled catalog (outlets, inferred dates) are
    applied on top of what the parser read from each text.

    >>> import arnews
    >>> corpus = arnews.load()
    >>> [a.id[:3] for a in corpus]
    ['000', '001', '002', '003', '004']
    >>> corpus is arnews.load()
    True
    """
    catalog = load_catalog()
    articles = []
    for name in seed_names():
        stem = PurePath(name).stem
        article = parse(read_text(name), id=stem)
        entry = catalog.get(stem)
        articles.append(apply_catalog(article, entry) if entry is not None else article)
    return Corpus(articles)


def load_dir(path: str | os.PathLike[str], pattern: str = "*.txt") -> Corpus:
    r"""Parse every file in a folder that matches ``pattern`` into a Corpus.

    Files are read as UTF-8 (a leading byte-order mark is allowed and dropped),
    sorted by name; each article's id is its file's stem.  Nothing is
    curated: what you get is what the parser reads from your texts.

    >>> import arnews, pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("عنوان\n\n2016-06-08\n\nنص.\n", encoding="utf-8")
    >>> arnews.load_dir(folder)[0].date.isoformat()
    '2016-06-08'

    Raises:
        TypeError: if ``path`` is not a str or path-like, or ``pattern`` not a str.
        FileNotFoundError: if ``path`` does not exist.
        NotADirectoryError: if ``path`` is a file.
        ValueError: if ``pattern`` is absolute or leaves the folder (``..``),
            no file matches it, two files share a stem (ids are stems), a
            file is not valid UTF-8, or a file holds no text (the message
            names the file).
    """
    return Corpus(read_file(file) for file in list_files(path, pattern, "load_dir()"))


def list_files(path: str | os.PathLike[str], pattern: str, where: str) -> list[Path]:
    """The files of a folder that match ``pattern``, sorted by name, checked as :func:`load_dir`.

    ``where`` names the call in the messages.

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "b.txt").write_text("ب", encoding="utf-8")
    >>> [p.name for p in list_files(folder, "*.txt", "load_dir()")]
    ['b.txt']

    Raises:
        TypeError: if ``path`` is not a str or path-like, or ``pattern`` not a str.
        FileNotFoundError: if ``path`` does not exist.
        NotADirectoryError: if ``path`` is a file.
        ValueError: if ``pattern`` is absolute or leaves the folder, no file
            matches it, or two files share a stem.
    """
    check_path(path, where, "a folder path")
    check_str(pattern, f"{where[:-2]}(pattern=...)", "give a glob pattern such as '*.txt'")
    pattern_path = PurePath(pattern)
    if (
        not pattern
        or pattern_path.is_absolute()
        or pattern_path.anchor
        or ".." in pattern_path.parts
    ):
        msg = (
            f"{where[:-2]}(pattern=...) is matched inside the folder, got {pattern!r}; "
            f"pass the folder as path and a relative pattern such as '*.txt' or '**/*.txt'"
        )
        raise ValueError(msg)
    folder = Path(path)
    if not folder.exists():
        msg = f"{where}: folder {str(folder)!r} does not exist"
        raise FileNotFoundError(msg)
    if not folder.is_dir():
        msg = (
            f"{where}: {str(folder)!r} is a file, not a folder; "
            f"use arnews.parse(Path(...).read_text('utf-8')) for one file"
        )
        raise NotADirectoryError(msg)
    files = sorted(p for p in folder.glob(pattern) if p.is_file())
    if not files:
        msg = (
            f"{where}: no file in {str(folder)!r} matches {pattern!r}; "
            f"pass pattern=... to choose files"
        )
        raise ValueError(msg)
    by_id: dict[str, Path] = {}
    for file in files:
        if file.stem in by_id:
            msg = (
                f"{where}: {str(by_id[file.stem])!r} and {str(file)!r} would both get the "
                f"id {file.stem!r} (ids are file stems); rename one, or narrow pattern=..."
            )
            raise ValueError(msg)
        by_id[file.stem] = file
    return files


def read_file(file: Path) -> Article:
    r"""One UTF-8 text file (a byte-order mark allowed) parsed into an Article; its id is the stem.

    >>> import pathlib, tempfile
    >>> file = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
    >>> _ = file.write_text("عنوان\n\nنص.\n", encoding="utf-8")
    >>> read_file(file).id
    'a'

    Raises:
        ValueError: if the file is not valid UTF-8 or holds no text (the message names it).
        OSError: if it cannot be read.
    """
    data = file.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        msg = (
            f"load_dir(): {str(file)!r} is not valid UTF-8 ({exc.reason} at byte {exc.start}); "
            f"convert it, e.g. iconv -f WINDOWS-1256 -t UTF-8"
        )
        raise ValueError(msg) from None
    try:
        return parse(text, id=file.stem)
    except ValueError as exc:
        msg = f"load_dir(): {str(file)!r}: {exc}"
        raise ValueError(msg) from None
