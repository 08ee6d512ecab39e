"""Benchmark arnews search on a synthetic corpus built from the bundled seeds.

The synthetic corpus: N articles (default 30,000), each with a title cut from
a seed paragraph, 6-16 seed paragraphs drawn at random and one seed caption,
all with a seeded RNG.  Reshuffled seeds alone would make every word occur in
thousands of articles, so about 8% of the words are swapped for words from a
Zipf-distributed synthetic vocabulary of 100,000 Arabic-letter words (a seed
word's first half glued to another's second half, a fifth of them behind a
proclitic و, ب or ال).  That gives the long tail of rare words a real corpus
has, so there are words occurring in 10-200 articles to query.

Reported:

* index build MB/s — UTF-8 bytes of the indexed fields (titles, paragraphs,
  caption texts) over the time to build the index of an already parsed corpus;
* load + index MB/s — the same articles written as text files, then
  ``arnews.load_dir`` and the first search, over the files' bytes;
* p50/p95 latency of single-word queries on words occurring in 10-200
  articles, and of two-word phrases taken from the text, each timed as
  ``corpus.search(q)`` returning the complete tuple of Hit objects;
* hits/s for the most frequent words.

Run: ``python benchmarks/bench_search.py [--articles N] [--json PATH]``.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import arnews
from arnews import Article, Caption, Corpus, Section
from arnews._index import MemoryIndex
from arnews._tokenize import WORD_RE

PROCLITICS = ("و", "ب", "ال")


def synthetic_vocabulary(seed_words: Sequence[str], size: int, rng: random.Random) -> list[str]:
    words: set[str] = set(seed_words)
    out: list[str] = []
    while len(out) < size:
        a, b = rng.choice(seed_words), rng.choice(seed_words)
        word = a[: max(2, len(a) // 2)] + b[len(b) // 2 :]
        if word in words:
            continue
        words.add(word)
        out.append(word)
    return out


def build_articles(count: int, seed: int) -> list[Article]:
    rng = random.Random(seed)
    seeds = arnews.load()
    paragraphs = [p for a in seeds for p in a.paragraphs if len(p) > 40]
    captions = [c for a in seeds for c in a.captions] or [Caption("صورة", "ar", None)]
    seed_words = sorted({w for p in paragraphs for w in WORD_RE.findall(p) if len(w) >= 4})
    vocab = synthetic_vocabulary(seed_words, 100_000, rng)
    cum: list[float] = []
    total = 0.0
    for rank in range(len(vocab)):
        total += 1.0 / (rank + 10) ** 1.1
        cum.append(total)

    def mutate(text: str) -> str:
        words = text.split(" ")
        n = max(1, len(words) * 8 // 100)
        picks = rng.choices(vocab, cum_weights=cum, k=n)
        for pick in picks:
            prefix = rng.choice(PROCLITICS) if rng.random() < 0.2 else ""
            words[rng.randrange(len(words))] = prefix + pick
        return " ".join(words)

    articles = []
    for i in range(count):
        body = tuple(mutate(p) for p in rng.sample(paragraphs, rng.randint(6, 16)))
        title = " ".join(rng.choice(paragraphs).split(" ")[: rng.randint(5, 10)])
        raw = "\n\n".join((title, "2016-10-27", *body)) + "\n"
        articles.append(
            Article(
                id=f"syn{i:06d}",
                title=title,
                date=None,
                time=None,
                date_inferred=False,
                outlet=None,
                sources=(),
                dateline=None,
                sections=(Section(None, body),),
                captions=(rng.choice(captions),),
                keywords=(),
                related=(),
                raw=raw,
            )
        )
    return articles


def field_bytes(corpus: Corpus) -> int:
    return sum(
        len(a.title.encode())
        + sum(len(p.encode()) for p in a.paragraphs)
        + sum(len(c.text.encode()) for c in a.captions)
        for a in corpus
    )


def percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def time_queries(
    corpus: Corpus, queries: Sequence[str], mode: str | None = None
) -> tuple[list[float], int]:
    """Per-query seconds of ``corpus.search`` (every Hit built) and the hits found."""
    times: list[float] = []
    hits = 0
    options = {} if mode is None else {"mode": mode}
    for q in queries:
        t0 = time.perf_counter()
        result = corpus.search(q, **options)
        times.append(time.perf_counter() - t0)
        hits += len(result)
    return times, hits


def search_modes() -> tuple[str, ...]:
    """The match modes of the arnews under test (none before they existed)."""
    try:
        from arnews._modes import MODES
    except ImportError:
        return ()
    return tuple(MODES)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=30_000, help="synthetic articles (30000)")
    parser.add_argument("--queries", type=int, default=300, help="queries of each kind (300)")
    parser.add_argument("--seed", type=int, default=20161027, help="RNG seed")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--repeat", type=int, default=2, help="index builds, best kept (2)")
    parser.add_argument("--skip-load", action="store_true", help="skip the load_dir measurement")
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    articles = build_articles(args.articles, args.seed)
    corpus = Corpus(articles)
    gen_s = time.perf_counter() - t0
    mb = field_bytes(corpus) / 1e6
    print(
        f"synthetic corpus: {len(corpus)} articles, {mb:.1f} MB of fields ({gen_s:.1f} s to make)"
    )

    # These machines are noisy: build the index --repeat times (each from
    # scratch: an index keeps no state between builds) and keep the best.
    build_times = []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        MemoryIndex(corpus.articles)
        build_times.append(time.perf_counter() - t0)
    build_s = min(build_times)
    index = corpus.search_index  # the index search uses (the same constructor, built once more)

    load_mb = load_s = parse_s = float("nan")
    if not args.skip_load:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            load_bytes = 0
            for a in articles:
                data = a.raw.encode()
                load_bytes += len(data)
                (folder / f"{a.id}.txt").write_bytes(data)
            t0 = time.perf_counter()
            loaded = arnews.load_dir(folder)
            parse_s = time.perf_counter() - t0
            loaded.search("بغداد")
            load_s = time.perf_counter() - t0
            load_mb = load_bytes / 1e6
            del loaded

    # Pick query words by document frequency (articles containing them).
    rng = random.Random(args.seed + 1)
    field_article = index.field_article
    # Postings pack (field id, start), or (field id, position, start) before 0.2.
    shift = index.start_bits + getattr(index, "pos_bits", 0)
    vocabulary = index.vocabulary()
    candidates = [w for w, n in vocabulary.items() if 10 <= n <= 2000 and w.isalpha()]
    rng.shuffle(candidates)
    singles: list[str] = []
    dfs: list[int] = []
    for w in candidates:
        df = len({field_article[p >> shift] for p in index.postings(w)})
        if 10 <= df <= 200:
            singles.append(w)
            dfs.append(df)
            if len(singles) == args.queries:
                break
    # Two-word phrases: a selected word and the word after one of its
    # occurrences (selective phrases), and word pairs cut from random
    # paragraphs (often repeated seed phrases with hundreds of hits).
    pairs: list[str] = []
    for w in singles:
        packed = rng.choice(index.postings(w))
        text = index.texts[packed >> shift]
        start = packed & ((1 << index.start_bits) - 1)
        following = WORD_RE.findall(text, start)
        if len(following) >= 2:
            pairs.append(f"{following[0]} {following[1]}")
    text_pairs: list[str] = []
    while len(text_pairs) < args.queries:
        words = WORD_RE.findall(rng.choice(articles).paragraphs[0])
        if len(words) >= 2:
            i = rng.randrange(len(words) - 1)
            text_pairs.append(f"{words[i]} {words[i + 1]}")
    frequent = sorted(vocabulary, key=lambda w: -vocabulary[w])[:5]

    corpus.search(singles[0])  # warm caches shared by every query
    single_t, single_hits = time_queries(corpus, singles)
    by_mode = {}
    for mode in search_modes():
        times, found = time_queries(corpus, singles, mode)
        by_mode[mode] = {
            "p50_ms": percentile(times, 0.5) * 1e3,
            "p95_ms": percentile(times, 0.95) * 1e3,
            "hits_mean": found / max(1, len(singles)),
        }
    pair_t, pair_hits = time_queries(corpus, pairs)
    text_pair_t, text_pair_hits = time_queries(corpus, text_pairs)
    freq_rows = []
    for w in frequent:
        t0 = time.perf_counter()
        n = len(corpus.search(w))
        dt = time.perf_counter() - t0
        freq_rows.append({"word": w, "hits": n, "seconds": dt, "hits_per_s": n / dt})

    figures = {
        "articles": len(corpus),
        "field_mb": mb,
        "index_build_s": build_s,
        "index_build_all_s": build_times,
        "index_build_mb_s": mb / build_s,
        "load_index_mb": load_mb,
        "load_index_s": load_s,
        "load_index_mb_s": load_mb / load_s,
        "load_only_s": parse_s,
        "load_only_mb_s": load_mb / parse_s,
        "single_word_queries": len(singles),
        "single_word_df_median": statistics.median(dfs) if dfs else None,
        "single_word_hits_mean": single_hits / max(1, len(singles)),
        "single_word_p50_ms": percentile(single_t, 0.5) * 1e3,
        "single_word_p95_ms": percentile(single_t, 0.95) * 1e3,
        "single_word_by_mode": by_mode,
        "two_word_queries": len(pairs),
        "two_word_hits_mean": pair_hits / max(1, len(pairs)),
        "two_word_p50_ms": percentile(pair_t, 0.5) * 1e3,
        "two_word_p95_ms": percentile(pair_t, 0.95) * 1e3,
        "text_pair_queries": len(text_pairs),
        "text_pair_hits_mean": text_pair_hits / max(1, len(text_pairs)),
        "text_pair_p50_ms": percentile(text_pair_t, 0.5) * 1e3,
        "text_pair_p95_ms": percentile(text_pair_t, 0.95) * 1e3,
        "frequent_words": freq_rows,
        "python": sys.version.split()[0],
    }
    rows = [
        ("index build", f"{figures['index_build_mb_s']:.1f} MB/s", "target >= 5 MB/s"),
        ("load_dir + index", f"{figures['load_index_mb_s']:.1f} MB/s", "target >= 3 MB/s"),
        ("  of which load_dir (parsing)", f"{figures['load_only_mb_s']:.1f} MB/s", ""),
        (
            f"1 word, df 10-200 (n={len(singles)}) p50",
            f"{figures['single_word_p50_ms']:.3f} ms",
            "target <= 1 ms",
        ),
        ("1 word p95", f"{figures['single_word_p95_ms']:.3f} ms", ""),
        *(
            (
                f"1 word, mode={mode} p50 / p95",
                f"{row['p50_ms']:.3f} / {row['p95_ms']:.3f} ms",
                f"{row['hits_mean']:.1f} hits; target p50 <= 1 ms",
            )
            for mode, row in by_mode.items()
        ),
        (
            f"2 words, 1st df 10-200 (n={len(pairs)}) p50",
            f"{figures['two_word_p50_ms']:.3f} ms",
            "",
        ),
        ("2 words, 1st df 10-200 p95", f"{figures['two_word_p95_ms']:.3f} ms", ""),
        (
            f"2 words from text (n={len(text_pairs)}) p50",
            f"{figures['text_pair_p50_ms']:.3f} ms",
            "",
        ),
        ("2 words from text p95", f"{figures['text_pair_p95_ms']:.3f} ms", ""),
    ]
    rows += [
        (f"frequent {r['word']} ({r['hits']} hits)", f"{r['hits_per_s']:,.0f} hits/s", "")
        for r in freq_rows
    ]
    print(
        f"index build {build_s:.2f} s (best of {', '.join(f'{t:.2f}' for t in build_times)}) "
        f"over {mb:.1f} MB; load_dir {parse_s:.2f} s, "
        f"load_dir + index {load_s:.2f} s over {load_mb:.1f} MB of files; "
        f"single-word queries: median df {figures['single_word_df_median']}, "
        f"mean {figures['single_word_hits_mean']:.1f} hits; 2-word means "
        f"{figures['two_word_hits_mean']:.1f} / {figures['text_pair_hits_mean']:.1f} hits"
    )
    width = max(len(r[0]) for r in rows)
    for name, value, note in rows:
        print(f"{name:<{width}}  {value:>16}  {note}")
    if args.json:
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
