"""Loading corpora: the bundled one, a user's folder, records and JSON Lines.

:func:`load` parses the bundled texts once per process, under a lock, so
threads that ask for it together get one corpus.  :func:`load_dir` reads a
folder (with a report of what it left out), :func:`from_records` and
:func:`load_jsonl` take what the user already has.
"""

from __future__ import annotations

import codecs
import fnmatch
import functools
import json
import os
import threading
from collections.abc import Iterable, Mapping
from pathlib import Path, PurePath
from typing import Any

import attrs

from ._article import Article
from ._catalog import CatalogEntry, apply_catalog, load_catalog, read_catalog
from ._checks import check_bool, check_iterable, check_path, check_str
from ._corpus import Corpus
from ._parse import parse
from ._records import article_from_record, record_fields
from ._resources import read_text, seed_names

__all__ = [
    "FolderCorpus",
    "SkippedFile",
    "from_records",
    "list_files",
    "load",
    "load_dir",
    "load_jsonl",
    "read_file",
]

_LOAD_LOCK = threading.Lock()
_SIDECARS = ("catalog.json", "metadata.jsonl")
_ERRORS = ("raise", "skip")
# C0 control bytes but TAB, LF and CR (the bytes no text file holds).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 13))
# Keys a folder's metadata.jsonl may give besides "file"/"id": facts about a text, not the text.
_METADATA_BODY_KEYS = frozenset({"raw", "text", "sections", "paragraphs", "subheadings"})


def load() -> Corpus:
    """The bundled corpus, parsed on first call and cached for the process.

    Curated facts from the bundled catalog (outlets, inferred dates) are
    applied on top of what the parser read from each text.  The first call
    parses under a lock: threads calling together all get the same corpus.

    >>> import arnews
    >>> corpus = arnews.load()
    >>> [a.id[:3] for a in corpus]
    ['000', '001', '002', '003', '004']
    >>> corpus is arnews.load()
    True
    """
    with _LOAD_LOCK:
        return _bundled()


@functools.cache
def _bundled() -> Corpus:
    """The bundled corpus (built once; :func:`load` holds the lock)."""
    catalog = load_catalog()
    articles = []
    for name in seed_names():
        stem = PurePath(name).stem
        article = parse(read_text(name), id=stem)
        entry = catalog.get(stem)
        articles.append(apply_catalog(article, entry) if entry is not None else article)
    return Corpus(articles)


@attrs.frozen
class SkippedFile:
    """A file (or folder) that :func:`load_dir` left out, and why.

    ``path`` is relative to the loaded folder (a folder's ends with ``/``).

    >>> SkippedFile("a.txt", "holds no text").reason
    'holds no text'
    """

    path: str
    reason: str


def _skipped(value: Iterable[SkippedFile]) -> tuple[SkippedFile, ...]:
    """``FolderCorpus.skipped``."""
    return tuple(value)


@attrs.frozen(eq=False)
class FolderCorpus(Corpus):
    r"""The Corpus :func:`load_dir` read, with the report of what it left out.

    ``skipped`` lists each file left out with ``errors="skip"`` (empty with
    ``errors="raise"``, which stops at the first bad file instead).  A
    FolderCorpus is a Corpus in every other way.

    >>> import arnews, pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("عنوان\n\nنص.\n", encoding="utf-8")
    >>> _ = (folder / "b.txt").write_bytes(b"")
    >>> corpus = arnews.load_dir(folder, errors="skip")
    >>> corpus.ids, corpus.skipped
    (('a',), (SkippedFile(path='b.txt', reason='holds no text (empty or only whitespace)'),))
    """

    skipped: tuple[SkippedFile, ...] = attrs.field(default=(), converter=_skipped)


class _Problems:
    """Collects what went wrong with each file: raised at once, or kept for the report."""

    def __init__(self, errors: str, where: str = "load_dir()") -> None:
        self.skip = errors == "skip"
        self.where = where
        self.skipped: list[SkippedFile] = []

    def __call__(self, rel: str, reason: str, error: type[Exception] = ValueError) -> None:
        if not self.skip:
            tail = "; or pass errors='skip' to leave it out" if self.where == "load_dir()" else ""
            msg = f"{self.where}: {rel!r} {reason}{tail}"
            raise error(msg)
        self.skipped.append(SkippedFile(rel, reason))


def _pattern(pattern: object, where: str = "load_dir()") -> str:
    """The glob pattern, checked: relative, inside the folder, naming files."""
    call = where.removesuffix("()")
    text = str(check_str(pattern, f"{call}(pattern=...)", "give a glob pattern such as '*.txt'"))
    parts = PurePath(text).parts
    if PurePath(text).is_absolute() or PurePath(text).anchor or ".." in parts:
        msg = (
            f"{call}(pattern=...) is matched inside the folder, got {text!r}; "
            f"pass the folder as path and a relative pattern such as '*.txt' or '**/*.txt'"
        )
        raise ValueError(msg)
    if not parts or parts[-1] == "**":
        msg = (
            f"{call}(pattern=...) must name files, got {text!r}; "
            f"use e.g. '*.txt', or '**/*.txt' for every folder below"
        )
        raise ValueError(msg)
    return text


def _folder(path: object, where: str = "load_dir()") -> Path:
    """The folder, checked: given, existing, a folder."""
    given = check_path(path, where, "a folder path")
    if not os.fspath(given):
        msg = f"{where} got an empty path; pass a folder, e.g. '.' for the current one"
        raise ValueError(msg)
    folder = Path(given)
    if not folder.exists():
        msg = f"{where}: folder {str(folder)!r} does not exist"
        raise FileNotFoundError(msg)
    if not folder.is_dir():
        msg = (
            f"{where}: {str(folder)!r} is a file, not a folder; "
            f"use arnews.parse(Path(...).read_text('utf-8')) for one file"
        )
        raise NotADirectoryError(msg)
    return folder


def _unreadable_folders(folder: Path, pattern: str, follow_links: bool) -> list[tuple[str, str]]:
    """The folders the pattern looks into that cannot be listed: (relative path, reason)."""
    dir_parts = PurePath(pattern).parts[:-1]  # the pattern's folder components
    recursive = "**" in dir_parts
    fixed = dir_parts.index("**") if recursive else len(dir_parts)
    problems: list[tuple[str, str]] = []

    def on_error(exc: OSError) -> None:
        where = Path(exc.filename) if exc.filename else folder
        rel = where.relative_to(folder).as_posix() if where != folder else "."
        problems.append((f"{rel}/", exc.strerror or str(exc)))

    def reached(rel: tuple[str, ...]) -> bool:
        """Whether the pattern can look into the folder at ``rel``."""
        if not recursive and len(rel) > len(dir_parts):
            return False
        return all(fnmatch.fnmatchcase(p, q) for p, q in zip(rel[:fixed], dir_parts, strict=False))

    for root, dirs, _files in os.walk(folder, onerror=on_error, followlinks=follow_links):
        here = Path(root).relative_to(folder).parts
        dirs[:] = [name for name in dirs if reached((*here, name))]
    return problems


def _decode(data: bytes, encoding: str) -> str:
    """The text of a file's bytes; ValueError with the fix when they do not decode."""
    utf8 = codecs.lookup(encoding).name == "utf-8"
    # UTF-16 text is full of control bytes: NUL beside every ASCII character, and 0x06 beside
    # every Arabic letter (U+06xx); real text in any 8-bit encoding holds almost none.
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    utf16 = data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) or (
        len(data) >= 4 and controls * 4 >= len(data)
    )
    try:
        text = data.decode("utf-8-sig" if utf8 else encoding)
    except UnicodeDecodeError as exc:
        if utf16:
            fix = "it looks like UTF-16: pass encoding='utf-16'"
        elif utf8:
            fix = "convert it (e.g. iconv -f WINDOWS-1256 -t UTF-8) or pass encoding='windows-1256'"
        else:
            fix = "pass the encoding it is written in"
        name = "UTF-8" if utf8 else encoding
        msg = f"is not valid {name} ({exc.reason} at byte {exc.start}); {fix}"
        raise ValueError(msg) from None
    if utf8 and utf16:  # Arabic in UTF-16 without a byte-order mark is valid UTF-8 noise
        msg = "is not UTF-8 text (a quarter of its bytes are control bytes); it looks like UTF-16: "
        msg += "pass encoding='utf-16' (or 'utf-16-le')"
        raise ValueError(msg)
    return text


def _inside(path: Path, root: Path) -> bool:
    """Whether ``path``, links resolved, lies in ``root`` (itself resolved)."""
    try:
        path.resolve().relative_to(root)
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def _apply_metadata(
    folder: Path, articles: dict[str, Article], problems: _Problems
) -> dict[str, Article]:
    """The articles with the folder's sidecar metadata applied (catalog.json, metadata.jsonl)."""
    catalog_file, metadata_file = (folder / name for name in _SIDECARS)
    if catalog_file.is_file():
        where = f"load_dir(): {str(catalog_file)!r}"
        entries: tuple[CatalogEntry, ...] = read_catalog(_sidecar_text(catalog_file, where), where)
        for entry in entries:
            article = articles.get(entry.id)
            if article is None:
                continue  # the sidecar may describe more files than the pattern selects
            if entry.sha256 and entry.sha256 != _sha256(folder, entry, article):
                problems(entry.file or entry.id, "does not match the sha256 in catalog.json")
                continue
            articles[entry.id] = apply_catalog(article, entry)
    if metadata_file.is_file():
        where = f"load_dir(): {str(metadata_file)!r}"
        lines = _sidecar_text(metadata_file, where).splitlines()
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            where = f"load_dir(): {str(metadata_file)!r} line {number}"
            record = _json_object(line, where)
            file, ident = record.pop("file", None), record.pop("id", None)
            key = ident or (PurePath(str(file)).with_suffix("").as_posix() if file else None)
            body = sorted(_METADATA_BODY_KEYS & set(record))
            if not key or body:
                what = f"gives {', '.join(body)}" if body else "names neither 'file' nor 'id'"
                msg = f"{where} {what}; a metadata line gives facts about one file, e.g. "
                msg += '{"file": "a.txt", "outlet": "…", "date": "2018-02-18", "url": "…"}'
                raise ValueError(msg)
            article = articles.get(str(key))
            if article is not None:
                articles[str(key)] = attrs.evolve(article, **record_fields(record, where))
    return articles


def _sidecar_text(file: Path, where: str) -> str:
    """A sidecar's text (UTF-8); ValueError naming it when it is not UTF-8."""
    try:
        return file.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        msg = f"{where} is not UTF-8 ({exc.reason} at byte {exc.start}); save it as UTF-8"
        raise ValueError(msg) from None


def _sha256(folder: Path, entry: CatalogEntry, article: Article) -> str:
    """The SHA-256 of the file an entry names (of the article's text if it names none)."""
    import hashlib  # noqa: PLC0415 - standard library, used for sidecars only

    data = (folder / entry.file).read_bytes() if entry.file else article.raw.encode("utf-8")
    return hashlib.sha256(data).hexdigest()


def _json_object(line: str, where: str) -> dict[str, Any]:
    """One JSON object from a line; ValueError naming the place when it is not one."""
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        msg = f"{where} is not valid JSON ({exc.msg} at column {exc.colno})"
        raise ValueError(msg) from None
    if not isinstance(value, dict):
        msg = f"{where} must be a JSON object, got {type(value).__name__}"
        raise ValueError(msg)
    return value


def _listing(
    folder: Path, glob: str, follow_links: bool, problems: _Problems, where: str
) -> list[tuple[Path, str, str]]:
    """The files a folder's pattern selects, as (path, relative path, id), in path order.

    Unreadable folders, links out of the folder and ids taken twice go to
    ``problems`` (raised at once, or reported); sidecar metadata files are not texts.
    """
    unreadable = _unreadable_folders(folder, glob, follow_links)
    for rel, reason in unreadable:
        problems(rel, f"is a folder that cannot be read ({reason})", PermissionError)
    root = folder.resolve()
    left_out = tuple(rel for rel, _ in unreadable)  # "sub/": nothing below it is read
    files = [
        p
        for p in sorted(p for p in folder.glob(glob) if p.is_file())
        if p.relative_to(folder).as_posix() not in _SIDECARS
        and not p.relative_to(folder).as_posix().startswith(left_out)
    ]
    if not files and not problems.skipped:
        msg = (
            f"{where}: no file in {str(folder)!r} matches {glob!r}; "
            f"pass pattern=... to choose files"
        )
        raise ValueError(msg)
    found: list[tuple[Path, str, str]] = []
    paths: dict[str, str] = {}
    for file in files:
        rel_path = file.relative_to(folder)
        rel = rel_path.as_posix()
        ident = rel_path.with_suffix("").as_posix()
        if not follow_links and not _inside(file, root):
            problems(
                rel, "is a link to a file outside the folder (pass follow_links=True to read it)"
            )
            continue
        if ident in paths:
            problems(
                rel,
                f"would get the id {ident!r} of {paths[ident]!r} (ids are paths without the "
                f"extension); rename one, or narrow pattern=...",
            )
            continue
        paths[ident] = rel
        found.append((file, rel, ident))
    return found


def _read(file: Path, rel: str, ident: str, encoding: str, problems: _Problems) -> Article | None:
    """One text file parsed into the Article ``ident``, or None when ``problems`` kept it."""
    try:
        data = file.read_bytes()
    except OSError as exc:
        problems(rel, f"cannot be read ({exc.strerror or exc})", type(exc))
        return None
    try:
        return parse(_decode(data, encoding), id=ident)
    except ValueError as exc:
        reason = str(exc)
        if reason.startswith("parse() got no text"):
            reason = "holds no text (empty or only whitespace)"
        problems(rel, reason)
        return None


def list_files(path: str | os.PathLike[str], pattern: str, where: str) -> list[tuple[str, str]]:
    """The (file path, article id) pairs :func:`load_dir` would read, checked as it checks them.

    For readers that stream a folder (a disk index build): ids are paths
    relative to the folder without the extension, links out of the folder and
    unreadable folders are errors, sidecar metadata files are left out.
    ``where`` names the call in the messages.

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "b.txt").write_text("ب", encoding="utf-8")
    >>> [ident for _, ident in list_files(folder, "*.txt", "build_index()")]
    ['b']

    Raises:
        TypeError, FileNotFoundError, NotADirectoryError, PermissionError,
            ValueError: as :func:`load_dir` with ``errors="raise"``.
    """
    folder = _folder(path, where)
    glob = _pattern(pattern, where)
    listing = _listing(folder, glob, False, _Problems("raise", where), where)
    return [(str(file), ident) for file, _, ident in listing]


def read_file(file: str, ident: str) -> Article:
    r"""One UTF-8 text file (a byte-order mark allowed) parsed into the Article ``ident``.

    >>> import pathlib, tempfile
    >>> file = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
    >>> _ = file.write_text("عنوان\n\nنص.\n", encoding="utf-8")
    >>> read_file(str(file), "a").id
    'a'

    Raises:
        ValueError: if the file is not valid UTF-8 or holds no text (the message names it).
        OSError: if it cannot be read.
    """
    article = _read(Path(file), file, ident, "utf-8", _Problems("raise", "build_index()"))
    assert article is not None  # a raising _Problems never keeps a file
    return article


def load_dir(
    path: str | os.PathLike[str],
    pattern: str = "*.txt",
    *,
    errors: str = "raise",
    encoding: str = "utf-8",
    follow_links: bool = False,
    metadata: bool = True,
) -> FolderCorpus:
    r"""Parse every file in a folder that matches ``pattern`` into a Corpus.

    ``pattern`` is a glob relative to the folder; ``**`` reaches every folder
    below (``"**/*.txt"``).  Files are sorted by path; an article's id is its
    path relative to the folder without the extension (``"2018/a"`` for
    ``2018/a.txt``), so ids are unique and stable.  Files are read as
    ``encoding`` (UTF-8 by default, a leading byte-order mark allowed).
    Nothing is curated unless the folder says so: a ``catalog.json`` (the
    bundled catalog's schema) or ``metadata.jsonl`` (one JSON object a line:
    ``file`` or ``id``, then ``outlet``, ``date``, ``url`` ... as in
    :func:`arnews.from_records`) beside the texts is applied when present
    (``metadata=False`` ignores them).

    Links are not followed out of the folder: a file whose real path lies
    outside it is an error (``follow_links=True`` reads it).  A folder the
    pattern reaches that cannot be read is an error too, never a silent gap.
    With ``errors="skip"`` every such file or folder, and every file that is
    not valid text or holds none, is left out and listed in the result's
    ``skipped``; the rest load.

    >>> import arnews, pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("عنوان\n\n2016-06-08\n\nنص.\n", encoding="utf-8")
    >>> arnews.load_dir(folder)[0].date.isoformat()
    '2016-06-08'

    Raises:
        TypeError: if ``path`` is not a str or path-like, or an option has the wrong type.
        FileNotFoundError: if ``path`` does not exist.
        NotADirectoryError: if ``path`` is a file.
        PermissionError: if a folder the pattern reaches cannot be read
            (``errors="raise"``).
        ValueError: if ``path`` is empty; ``pattern`` is absolute, leaves the
            folder or names no files; ``errors`` or ``encoding`` is unknown; no
            file matches; or (``errors="raise"``) a file is not valid text in
            the encoding, holds no text, shares its id with another, or is a
            link out of the folder (the message names the file).
    """
    folder = _folder(path)
    glob = _pattern(pattern)
    check_str(errors, "load_dir(errors=...)", "give 'raise' or 'skip'")
    if errors not in _ERRORS:
        msg = f"load_dir(errors=...) must be 'raise' or 'skip', got {errors!r}"
        raise ValueError(msg)
    check_str(encoding, "load_dir(encoding=...)", "give a codec name such as 'utf-8'")
    try:
        codecs.lookup(encoding)
    except LookupError:
        msg = f"load_dir(encoding=...) got an unknown encoding {encoding!r}; e.g. 'windows-1256'"
        raise ValueError(msg) from None
    check_bool(follow_links, "load_dir(follow_links=...)")
    check_bool(metadata, "load_dir(metadata=...)")
    problems = _Problems(errors)
    articles: dict[str, Article] = {}
    for file, rel, ident in _listing(folder, glob, follow_links, problems, "load_dir()"):
        article = _read(file, rel, ident, encoding, problems)
        if article is not None:
            articles[ident] = article
    if metadata:
        articles = _apply_metadata(folder, articles, problems)
    return FolderCorpus(list(articles.values()), skipped=problems.skipped)


def from_records(records: Iterable[Mapping[str, Any]]) -> Corpus:
    r"""A Corpus from records: dicts with ``id``, ``title``, ``date``, ``outlet``, ``text`` ...

    Whatever a record gives is used as given; only what it lacks is parsed
    (see :func:`arnews._records.article_from_record`): with ``title`` and
    ``text``, the text is the body, paragraphs separated by blank lines; with
    ``raw`` (a whole article) or a ``text`` without ``title``, the text goes
    through :func:`arnews.parse` and the record's own fields replace what it
    reads.  Every key of :meth:`Corpus.to_records` is understood, so records
    written by arnews come back as they were.

    >>> import arnews
    >>> corpus = arnews.from_records([
    ...     {"id": "a1", "title": "عنوان", "date": "2018-02-18", "outlet": "هسبريس",
    ...      "text": "الفقرة الأولى.\n\nالفقرة الثانية."},
    ... ])
    >>> corpus[0].outlet, corpus[0].paragraphs
    ('هسبريس', ('الفقرة الأولى.', 'الفقرة الثانية.'))

    Raises:
        TypeError: if ``records`` is not an iterable of mappings, or a value has the wrong type.
        ValueError: if a record has an unknown key, a malformed value or no text, or two
            records share an id (the message names the record).
    """
    items = check_iterable(
        records, "from_records()", "an iterable of dicts", "e.g. [{'title': …, 'text': …}]"
    )
    return _corpus(
        article_from_record(item, where=f"from_records(): record {i}")  # type: ignore[arg-type]
        for i, item in enumerate(items)
    )


def _corpus(articles: Iterable[Article]) -> Corpus:
    """A Corpus of the articles; ValueError naming the first id that repeats."""
    seen: set[str] = set()
    kept = []
    for article in articles:
        if article.id in seen:
            msg = f"two records have the id {article.id!r}; give each record its own 'id'"
            raise ValueError(msg)
        seen.add(article.id)
        kept.append(article)
    return Corpus(kept)


def load_jsonl(path: str | os.PathLike[str]) -> Corpus:
    r"""The Corpus in a JSON Lines file: one record a line (UTF-8), as :func:`from_records` reads.

    ``corpus.to_jsonl(path)`` then ``load_jsonl(path)`` gives back equal
    articles; a file of the user's own records works too.  Blank lines are
    skipped.

    >>> import arnews, pathlib, tempfile
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "corpus.jsonl"
    >>> arnews.load().to_jsonl(out)
    >>> tuple(arnews.load_jsonl(out)) == tuple(arnews.load())
    True

    Raises:
        TypeError: if ``path`` is not a str or path-like object.
        FileNotFoundError: if the file does not exist.
        ValueError: if a line is not a JSON object or not a valid record, or the file is
            not UTF-8 (the message names the line).
    """
    given = check_path(path, "load_jsonl()")
    try:
        text = Path(given).read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        msg = f"load_jsonl(): {os.fspath(given)!r} is not UTF-8 ({exc.reason} at byte {exc.start})"
        raise ValueError(msg) from None

    def records() -> Iterable[Article]:
        for number, line in enumerate(text.split("\n"), 1):
            if line.strip():
                where = f"load_jsonl(): {os.fspath(given)!r} line {number}"
                yield article_from_record(_json_object(line, where), where=where)

    return _corpus(records())
