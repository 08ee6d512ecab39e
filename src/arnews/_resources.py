"""The only place that reads arnews's package data.

Data is read through :mod:`importlib.resources` (``files()``), never through
``__file__``, so it works from a zipped wheel or any other importer.  The data
folder has no ``__init__.py`` (it holds data, not code), so it is reached as
``files("arnews") / "data"``: ``files("arnews.data")`` would need it to be an
importable package, which a folder without ``__init__.py`` is not under
zipimport.  Every Python that arnews supports (3.11+) has the API used here
in its standard library, so no backport is needed.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable

__all__ = ["data_dir", "read_bytes", "read_text", "seed_names"]

_PACKAGE = "arnews"
_DATA = "data"


def data_dir() -> Traversable:
    """The bundled data folder as a Traversable.

    >>> data_dir().joinpath("catalog.json").is_file()
    True
    """
    return files(_PACKAGE).joinpath(_DATA)


def seed_names() -> tuple[str, ...]:
    """File names of the bundled article texts (every ``*.txt`` in the data folder), sorted.

    Other data files (catalog, gazetteer, stopwords) use other extensions.

    >>> seed_names()[0]
    '000_e0e2311573730f34.txt'
    """
    return tuple(sorted(p.name for p in data_dir().iterdir() if p.name.endswith(".txt")))


def read_bytes(name: str) -> bytes:
    """The bytes of one bundled data file.

    >>> read_bytes("000_e0e2311573730f34.txt")[:6].decode()
    'صحي'

    Raises:
        FileNotFoundError: if the package holds no such file (a broken install).
    """
    node = data_dir().joinpath(name)
    if not node.is_file():
        msg = (
            f"arnews package data {name!r} is missing; "
            f"reinstall arnews (pip install --force-reinstall arnews)"
        )
        raise FileNotFoundError(msg)
    return node.read_bytes()


def read_text(name: str) -> str:
    """The text of one bundled data file, decoded as UTF-8 with newlines kept as stored.

    >>> read_text("000_e0e2311573730f34.txt").splitlines()[2]
    'الخميس 27 أكتوبر 2016 09:10 ص'
    """
    return read_bytes(name).decode("utf-8")
