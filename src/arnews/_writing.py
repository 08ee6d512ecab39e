"""Writing rows out: JSON Lines files written atomically, and pandas DataFrames.

Every export of arnews that writes a file or makes a DataFrame goes through
here, so they share one way to fail: a JSON Lines file is written to a
temporary file beside the target and renamed into place only when every row
is written, so an error (a lone surrogate that UTF-8 cannot encode, a full
disk) leaves an existing file as it was and names the row and key at fault.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas

__all__ = ["PANDAS_MISSING", "pandas_frame", "write_jsonl"]

#: The ImportError message when pandas is missing.
PANDAS_MISSING = "to_pandas() needs pandas: pip install 'arnews[pandas]'"


def _unencodable(row: Mapping[str, Any]) -> str:
    """The first key of ``row`` whose value UTF-8 cannot encode (a lone surrogate)."""
    for key, value in row.items():
        try:
            json.dumps(value, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            return key
    return "?"


def write_jsonl(
    rows: Iterable[Mapping[str, Any]], path: str | os.PathLike[str], where: str
) -> None:
    r"""Write ``rows`` as JSON Lines (UTF-8, non-ASCII unescaped) to ``path``, atomically.

    >>> import pathlib, tempfile
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "rows.jsonl"
    >>> write_jsonl([{"a": "بغداد"}], out, "f()")
    >>> out.read_text(encoding="utf-8")
    '{"a": "بغداد"}\n'

    Raises:
        ValueError: if a value cannot be encoded as UTF-8 (a lone surrogate); the
            message names the row and the key, and an existing file is left as it was.
        OSError: if the file cannot be written.
    """
    target = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or ".")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            for number, row in enumerate(rows):
                try:
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
                except UnicodeEncodeError:
                    msg = (
                        f"{where} cannot write row {number} as UTF-8: its {_unencodable(row)!r} "
                        f"holds a lone surrogate; clean the text first, e.g. "
                        f"text.encode('utf-8', 'replace').decode('utf-8')"
                    )
                    raise ValueError(msg) from None
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def pandas_frame(
    rows: Sequence[Mapping[str, Any]], columns: Sequence[str], where: str
) -> pandas.DataFrame:
    """``rows`` as a pandas DataFrame with these ``columns`` (pandas imported here only).

    Raises:
        ImportError: if pandas is not installed, naming the extra to install.
    """
    try:
        import pandas as pd  # noqa: PLC0415 - optional dependency, imported on use only
    except ImportError as exc:
        raise ImportError(f"{where}: {PANDAS_MISSING}") from exc
    return pd.DataFrame(list(rows), columns=list(columns))
