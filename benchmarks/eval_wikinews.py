"""Recall and precision of word matchers on a gold segmentation of Arabic news (WikiNews).

The gold data is not bundled: pass the path of a Farasa-style segmented, POS-tagged
file, one token a line, ``segments<TAB>tags`` with segments and tags joined by ``+``
(``ب+مرحل+ت+ه<TAB>PREP+NOUN+NSUFF+PRON``), as in ``WikiNews.pos.ref`` of the WikiNews
segmentation test set of Darwish & Mubarak (Farasa, 2016).

Protocol
--------
* Surface word: the segments joined, with ``ل+ال`` written ``لل`` (the article's alef
  is dropped after ل, and its lam too before a stem that starts with ل: ``للغة``), as
  Arabic spells it.
* Gold base form of a token: its segments less the leading proclitics (tags CONJ, PREP,
  DET, FUT_PART) and the trailing enclitic pronouns and case endings (PRON, CASE); a
  feminine ``ت`` left at the end (it stood before a pronoun, ``مرحلت+ه``) is written
  ``ة`` again.  So ``ب+مرحل+ت+ه`` has base form ``مرحلة``, ``عدد+ا`` has ``عدد``,
  ``ال+ترشيح+ات`` has ``ترشيحات`` (number and gender suffixes stay: a plural is not its
  singular).
* Queries: every distinct base form of a token whose stem is a NOUN or ADJ.
* Relevant tokens of a query: every token (any part of speech) whose base form equals
  the query once both are SEARCH-normalized (``--relevance search``, the default: this
  reproduces the figures quoted for the 0.1 search, light10 and Snowball to within
  0.01), or compared as written, marks removed (``--relevance exact``).
* Retrieved tokens: those the matcher accepts for the query.  Recall and precision
  are micro-averaged over all (query, token) pairs, so frequent words weigh more.

Matchers: ``light10`` (stem equality, see ``light10.py``), ``snowball`` (stem equality
with the Snowball Arabic stemmer, if ``snowballstemmer`` is installed), and arnews's
search relation on SEARCH-normalized words: ``arnews:clitics-0.1`` (the 0.1
``clitic_match`` rule) and, when the installed arnews has match modes, one matcher
per mode (``arnews:<mode>``).

Run: ``python benchmarks/eval_wikinews.py PATH [--json OUT] [--errors N]``.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from light10 import light10

import arnews

PROCLITIC_TAGS = frozenset({"CONJ", "PREP", "DET", "FUT_PART"})
ENCLITIC_TAGS = frozenset({"PRON", "CASE"})
QUERY_TAGS = frozenset({"NOUN", "ADJ"})


@dataclass(frozen=True)
class Token:
    surface: str
    base: str
    stem_tag: str


def strip_marks(text: str) -> str:
    return "".join(c for c in text if not unicodedata.category(c).startswith("M"))


def read_gold(path: Path) -> list[Token]:
    tokens = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if "\t" not in line or line.startswith("refTok"):
            continue
        text, tag_text = line.split("\t", 1)
        segments = text.split("+") if text != "+" else ["+"]
        tags = tag_text.split("+")
        if len(tags) != len(segments):
            segments, tags = [text.replace("+", "")], [tags[-1]]
        segments = [strip_marks(s) for s in segments]
        surface = ""
        for i, segment in enumerate(segments):
            if segment == "ال" and i > 0 and tags[i - 1] == "PREP" and segments[i - 1] == "ل":
                # ل + ال is written لل; before a stem starting with ل the article's
                # lam goes too (ل + اللغة = للغة).
                following = segments[i + 1] if i + 1 < len(segments) else ""
                surface += "" if following.startswith("ل") else "ل"
            else:
                surface += segment
        lo, hi = 0, len(segments)
        while lo < hi - 1 and tags[lo] in PROCLITIC_TAGS:
            lo += 1
        while hi > lo + 1 and tags[hi - 1] in ENCLITIC_TAGS:
            hi -= 1
        base_segments = segments[lo:hi]
        if hi < len(segments) and base_segments[-1] == "ت" and tags[hi - 1] == "NSUFF":
            base_segments[-1] = "ة"
        stem_tags = [t for t in tags[lo:hi] if t != "NSUFF"]
        tokens.append(
            Token(surface, "".join(base_segments), stem_tags[0] if stem_tags else tags[lo])
        )
    return tokens


# -- matchers -------------------------------------------------------------------
# A matcher maps (vocabulary of surfaces, query) to the set of surfaces it accepts.
Matcher = Callable[[Sequence[str], str], set[str]]


def stem_matcher(stem: Callable[[str], str]) -> Matcher:
    groups: dict[int, dict[str, set[str]]] = {}

    def match(vocab: Sequence[str], query: str) -> set[str]:
        table = groups.get(id(vocab))
        if table is None:
            table = defaultdict(set)
            for word in vocab:
                table[stem(word)].add(word)
            groups.clear()
            groups[id(vocab)] = table
        return set(table.get(stem(query), ()))

    return match


def norm(word: str) -> str:
    words = arnews.normalize.SEARCH(word).split()
    return words[0] if len(words) == 1 else word


def predicate_matcher(accepts: Callable[[str, str], bool]) -> Matcher:
    """A matcher from a pairwise test on SEARCH-normalized words, with a cheap prefilter."""
    normalized: dict[int, list[tuple[str, str]]] = {}

    def match(vocab: Sequence[str], query: str) -> set[str]:
        pairs = normalized.get(id(vocab))
        if pairs is None:
            pairs = [(w, norm(w)) for w in vocab]
            normalized.clear()
            normalized[id(vocab)] = pairs
        q = norm(query)
        core = q[2:] if q.startswith("ال") and len(q) > 3 else q
        key = core[:2]
        return {w for w, n in pairs if key in n and accepts(n, q)}

    return match


def matchers() -> dict[str, Matcher]:
    from arnews._analysis import clitic_match

    found: dict[str, Matcher] = {
        "light10": stem_matcher(light10),
        "arnews:clitics-0.1": predicate_matcher(lambda t, q: clitic_match(t, q) is not None),
    }
    try:
        import snowballstemmer  # type: ignore[import-untyped]
    except ImportError:
        print("snowballstemmer not installed: Snowball skipped", file=sys.stderr)
    else:
        snowball = snowballstemmer.stemmer("arabic")
        found["snowball"] = stem_matcher(lambda w: str(snowball.stemWord(w)))
    found.update(mode_matchers())
    return found


def mode_matchers() -> dict[str, Matcher]:
    """One matcher per arnews match mode, when the installed arnews has them."""
    try:
        from arnews._modes import MODES, term  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return {}

    def for_mode(mode: str) -> Matcher:
        by_form: dict[int, dict[str, list[str]]] = {}

        def match(vocab: Sequence[str], query: str) -> set[str]:
            table = by_form.get(id(vocab))
            if table is None:
                table = defaultdict(list)
                for word in vocab:
                    words = arnews._analysis.normalize_words(word)
                    if len(words) == 1:
                        table[words[0]].append(word)
                by_form.clear()
                by_form[id(vocab)] = table
            if len(arnews._analysis.normalize_words(query)) != 1:
                return set()  # a "noun" that is no word to search (×)
            found = term(query, mode)
            return {
                surface
                for form in found.forms
                for surface in table.get(form, ())
                if found.accepts(surface, form)
            }

        return match

    return {f"arnews:{mode}": for_mode(mode) for mode in MODES}


# -- scoring --------------------------------------------------------------------
@dataclass
class Score:
    relevant: int = 0
    retrieved: int = 0
    correct: int = 0

    @property
    def recall(self) -> float:
        return self.correct / self.relevant if self.relevant else 0.0

    @property
    def precision(self) -> float:
        return self.correct / self.retrieved if self.retrieved else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def evaluate(
    tokens: Sequence[Token], match: Matcher, errors: int = 0, relevance: str = "search"
) -> tuple[Score, list[str], list[str]]:
    if relevance == "search":
        # Queries keep their written form (what a user types); relevance compares
        # SEARCH-normalized base forms, so each normalized base is one query.
        written: dict[str, str] = {}
        for t in tokens:
            if t.stem_tag in QUERY_TAGS and t.base:
                written.setdefault(norm(t.base), t.base)
        tokens = [Token(t.surface, norm(t.base), t.stem_tag) for t in tokens]
        inner = match

        def match(vocab: Sequence[str], query: str) -> set[str]:
            return inner(vocab, written.get(query, query))

    surface_count = Counter(t.surface for t in tokens)
    # (surface, base) pairs: one surface can carry several gold analyses.
    pair_count = Counter((t.surface, t.base) for t in tokens)
    by_base: dict[str, Counter[str]] = defaultdict(Counter)
    for (surface, base), n in pair_count.items():
        by_base[base][surface] += n
    queries = sorted({t.base for t in tokens if t.stem_tag in QUERY_TAGS and t.base})
    vocab = sorted(surface_count)
    score = Score()
    misses: Counter[str] = Counter()
    false: Counter[str] = Counter()
    for query in queries:
        got = match(vocab, query)
        relevant = by_base[query]
        score.relevant += sum(relevant.values())
        score.retrieved += sum(surface_count[s] for s in got)
        score.correct += sum(n for s, n in relevant.items() if s in got)
        if errors:
            for s, n in relevant.items():
                if s not in got:
                    misses[f"{query} ~ {s}"] += n
            for s in got:
                extra = surface_count[s] - relevant.get(s, 0)
                if extra:
                    false[f"{query} ~ {s}"] += extra
    return (
        score,
        [f"{k} x{n}" for k, n in misses.most_common(errors)],
        [f"{k} x{n}" for k, n in false.most_common(errors)],
    )


def main(argv: Iterable[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("path", type=Path, help="segmented gold file (WikiNews.pos.ref format)")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    parser.add_argument("--errors", type=int, default=0, help="show the N commonest errors")
    parser.add_argument("--only", help="comma-separated matcher names to run")
    parser.add_argument("--relevance", choices=("search", "exact"), default="search")
    args = parser.parse_args(None if argv is None else list(argv))
    tokens = read_gold(args.path)
    queries = {t.base for t in tokens if t.stem_tag in QUERY_TAGS}
    print(f"arnews from {Path(arnews.__file__).parent}")
    print(f"{len(tokens):,} tokens, {len(queries):,} queries (noun/adjective base forms)")
    print(f"{'matcher':24} {'recall':>7} {'prec.':>7} {'F1':>7} {'relevant':>9} {'retrieved':>9}")
    results = {}
    chosen = set(args.only.split(",")) if args.only else None
    for name, match in matchers().items():
        if chosen is not None and name not in chosen:
            continue
        score, misses, false = evaluate(tokens, match, args.errors, args.relevance)
        results[name] = {"recall": score.recall, "precision": score.precision, "f1": score.f1}
        print(
            f"{name:24} {score.recall:7.3f} {score.precision:7.3f} {score.f1:7.3f}"
            f" {score.relevant:9,} {score.retrieved:9,}"
        )
        if args.errors:
            print("   misses: " + "; ".join(misses))
            print("   false:  " + "; ".join(false))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
