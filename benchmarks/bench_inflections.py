"""Recall, precision and F1 of word matchers on the annotated table of inflected forms.

The table is ``tests/data/inflection_judgements.tsv``: one row per (text, query) pair
with the judgement ``match`` (1: the text word is a form of the query word; 0: it is
not), a category and the source of the judgement (a rule of grammar, a dictionary
sense, or the real text it came from).  Judgements were written by hand, never
produced by arnews.  A text or query of several words is a phrase.

Matchers:

* ``light10`` — stem equality under the light10 stemmer (``light10.py``), word by
  word for phrases;
* ``arnews:clitics-0.1`` — the 0.1 rule, ``arnews._analysis.clitic_match`` on
  SEARCH-normalized words (word by word for phrases, consecutive words);
* ``arnews:<mode>`` — each match mode of the installed arnews, when it has them:
  ``arnews._modes.term_match`` for words, a real search for phrases.

Run: ``python benchmarks/bench_inflections.py [--table PATH] [--by-category] [--errors]``.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from light10 import light10

import arnews

TABLE = Path(__file__).resolve().parent.parent / "tests" / "data" / "inflection_judgements.tsv"


@dataclass(frozen=True)
class Row:
    text: str
    query: str
    match: bool
    category: str
    source: str


def read_table(path: Path) -> list[Row]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [
            Row(r["text"], r["query"], r["match"] == "1", r["category"], r["source"])
            for r in reader
        ]


# A matcher answers whether a text (one word or several) matches a query.
Matcher = Callable[[str, str], bool]


def word_by_word(accepts: Callable[[str, str], bool]) -> Matcher:
    """A phrase matcher from a word test: the query's words match consecutive text words."""

    def match(text: str, query: str) -> bool:
        words, wanted = text.split(), query.split()
        return any(
            all(accepts(words[i + j], w) for j, w in enumerate(wanted))
            for i in range(len(words) - len(wanted) + 1)
        )

    return match


def norm(word: str) -> str:
    words = arnews.normalize.SEARCH(word).split()
    return words[0] if len(words) == 1 else word


def matchers() -> dict[str, Matcher]:
    from arnews._analysis import clitic_match

    found: dict[str, Matcher] = {
        "light10": word_by_word(lambda t, q: light10(t) == light10(q)),
        "arnews:clitics-0.1": word_by_word(lambda t, q: clitic_match(norm(t), norm(q)) is not None),
    }
    found.update(mode_matchers())
    return found


def mode_matchers() -> dict[str, Matcher]:
    """One matcher per arnews match mode: term_match for words, search for phrases."""
    try:
        from arnews._modes import MODES, term_match  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return {}

    def for_mode(mode: str) -> Matcher:
        def match(text: str, query: str) -> bool:
            if " " not in text and " " not in query:
                return term_match(text, query, mode) is not None
            corpus = arnews.Corpus((arnews.parse("خبر\n\n" + text + "\n"),))
            return bool(corpus.search(query, fields=("paragraph",), mode=mode))

        return match

    return {f"arnews:{mode}": for_mode(mode) for mode in MODES}


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, truth: bool, got: bool) -> None:
        if truth and got:
            self.tp += 1
        elif got:
            self.fp += 1
        elif truth:
            self.fn += 1
        else:
            self.tn += 1

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else float("nan")

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else float("nan")

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def cell(self) -> str:
        """The category view: tp/positives for positive rows, fp/negatives for negative rows."""
        parts = []
        if self.tp + self.fn:
            parts.append(f"{self.tp}/{self.tp + self.fn}")
        if self.fp + self.tn:
            parts.append(f"fp {self.fp}/{self.fp + self.tn}")
        return " ".join(parts)


def evaluate(rows: Sequence[Row], match: Matcher) -> tuple[Tally, dict[str, Tally], list[Row]]:
    total = Tally()
    by_category: dict[str, Tally] = defaultdict(Tally)
    wrong = []
    for row in rows:
        got = match(row.text, row.query)
        total.add(row.match, got)
        by_category[row.category].add(row.match, got)
        if got != row.match:
            wrong.append(row)
    return total, dict(by_category), wrong


def main(argv: Iterable[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--table", type=Path, default=TABLE)
    parser.add_argument("--by-category", action="store_true", help="a column per matcher")
    parser.add_argument("--errors", action="store_true", help="list each wrong answer")
    args = parser.parse_args(None if argv is None else list(argv))
    rows = read_table(args.table)
    positives = sum(r.match for r in rows)
    print(f"arnews from {Path(arnews.__file__).parent}")
    print(f"{len(rows)} rows ({positives} should match, {len(rows) - positives} should not)")
    results = {name: evaluate(rows, match) for name, match in matchers().items()}
    print(f"{'matcher':24} {'recall':>7} {'prec.':>7} {'F1':>7}  tp  fp  fn  tn")
    for name, (total, _, _) in results.items():
        print(
            f"{name:24} {total.recall:7.3f} {total.precision:7.3f} {total.f1:7.3f}"
            f" {total.tp:3} {total.fp:3} {total.fn:3} {total.tn:3}"
        )
    if args.by_category:
        categories = sorted({r.category for r in rows})
        names = list(results)
        print("\n" + f"{'category':22}" + "".join(f"{n[-18:]:>20}" for n in names))
        for category in categories:
            cells = [results[n][1].get(category, Tally()).cell() for n in names]
            print(f"{category:22}" + "".join(f"{c:>20}" for c in cells))
    if args.errors:
        for name, (_, _, wrong) in results.items():
            print(f"\n{name}: {len(wrong)} wrong")
            for row in wrong:
                print(f"  {row.match:d} {row.text} ~ {row.query}  [{row.category}] {row.source}")


if __name__ == "__main__":
    main()
