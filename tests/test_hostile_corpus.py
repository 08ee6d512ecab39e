"""What a Corpus withstands: concurrent first use, and construction from the wrong things."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest

import arnews
from arnews import Corpus
from arnews._index import MemoryIndex
from helpers import make_article

THREADS = 16


def _at_once(work: Callable[[], object]) -> list[object]:
    """Run ``work`` in THREADS threads released together by a barrier; their answers."""
    barrier = threading.Barrier(THREADS)
    answers: list[object] = [None] * THREADS
    errors: list[BaseException] = []

    def run(i: int) -> None:
        barrier.wait()
        try:
            answers[i] = work()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    return answers


def test_threads_searching_a_fresh_corpus_share_one_index(monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = Corpus(make_article(f"فقرة {i} عن بغداد", id=f"a{i}") for i in range(300))
    built: list[int] = []
    init = MemoryIndex.__init__

    def counting(self: MemoryIndex, articles: object) -> None:
        built.append(1)
        init(self, articles)  # type: ignore[arg-type]

    monkeypatch.setattr(MemoryIndex, "__init__", counting)
    answers = _at_once(lambda: corpus.search("بغداد"))
    assert built == [1]
    assert all(answer == answers[0] for answer in answers)
    assert len(answers[0]) == 300  # type: ignore[arg-type]


def test_threads_asking_for_frequencies_and_mentions_at_once_agree() -> None:
    corpus = arnews.load()[:]  # a fresh corpus: nothing derived yet
    frequencies = _at_once(lambda: corpus.frequencies(top=5))
    mentions = _at_once(lambda: corpus.mentions("lavrov"))
    assert all(f == frequencies[0] for f in frequencies)
    assert all(m is mentions[0] for m in mentions)  # one answer, kept


@pytest.mark.parametrize(
    ("given", "message"),
    [
        (None, r"Corpus\(\) expects an iterable of Article objects, got NoneType; build"),
        (b"ab", r"Corpus\(\) expects an iterable of Article objects, got bytes"),
        ("ab", r"Corpus\(\) expects an iterable of Article objects, got str"),
        (3, r"Corpus\(\) expects an iterable of Article objects, got int"),
        ([1], r"Corpus holds Article objects, got int"),
    ],
)
def test_corpus_from_the_wrong_things_says_what_to_pass(given: object, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        Corpus(given)  # type: ignore[arg-type]
