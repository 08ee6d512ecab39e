"""The build's progress bar with tqdm (the ``progress`` extra)."""

from __future__ import annotations

import io

from arnews._build import BuildProgress
from arnews._progress import reporter
from helpers import need

need("tqdm", "progress")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_gets_a_tqdm_bar_over_the_bytes() -> None:
    screen = _Terminal()
    show, close = reporter(screen)
    assert show is not None
    assert type(show).__name__ == "_Bar"
    for n in (1, 3):
        show(
            BuildProgress(
                articles=n,
                added=n,
                unchanged=0,
                replaced=0,
                bytes_done=n * 10**6,
                bytes_total=3 * 10**6,
            )
        )
    close()
    text = screen.getvalue()
    assert "indexing" in text
    assert "100%" in text
    assert "3.00M/3.00M" in text
