"""Benchmark the disk index (and the in-memory corpus's memory) on a generated corpus.

The corpus: a folder of text files written as users' own texts are (title,
a date line, paragraphs separated by blank lines), generated the way
``bench_search.py`` makes its articles: each article has a title cut from a
seed paragraph, 6-16 seed paragraphs drawn at random and about 8% of their
words swapped for words of a Zipf-distributed synthetic vocabulary of 100,000
Arabic-letter words (a fifth of them behind و, ب or ال), with a date drawn
from 2015-2016.  Files are written until ``--mb`` MB of UTF-8 text; nothing
is held in memory, so 1 GB is as cheap to make as 100 MB (per byte).

Measured, each in a fresh subprocess (peak RSS is that process's VmHWM, and
the worker processes' peak from ``RUSAGE_CHILDREN``):

* build MB/s (file bytes over wall time) with 1 and with 2 worker processes,
  ``--rounds`` interleaved rounds (1, 2, 1, 2, ...), best of each, and their ratio;
* peak RSS of the building process and of its workers;
* index file size over the text size;
* cold-open latency: for each of ``--queries`` single words occurring in
  10-200 articles, a fresh process first does arnews's process-wide first
  use (``import arnews``, touching ``arnews.open_index`` so the facade
  imports the modules it loads on first use, and one search on a tiny
  unrelated in-memory corpus, ``arnews.load()[:1].search(...)``, which builds
  the normalization's and the match modes' tables and patterns; timed apart
  as "first-use setup"), then opens the index and runs ``index.search(word)``
  (every Hit built); open and query are timed apart.  The open includes what
  the first open in a process pays once (the check of the normalization's
  fingerprint).  The OS page cache is left as it is (the file was just
  written or read, so it is likely cached: "cold" is the process and
  SQLite's cache, not the disk);
* all-in latency: for the same words, another fresh process times
  ``import arnews``, ``open_index`` and the first ``search`` together, with
  nothing done before (the interpreter's own start-up is not counted);
* the same queries again in one process (warm), and their equality with the
  in-memory corpus's answers when ``--compare`` is given;
* the in-memory corpus: peak RSS of ``load_dir`` plus the first search
  (index built), over the text size.

Run: ``python benchmarks/bench_diskindex.py --mb 100 [--json PATH]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_search import PROCLITICS, synthetic_vocabulary  # noqa: E402

OUTLETS = ("الجزيرة نت", "الخليج الجديد", "الجورنال نيوز", "العربي الجديد")


def generate(folder: Path, mb: float, seed: int) -> tuple[int, int]:
    """Write articles into ``folder`` until ``mb`` MB; (files, bytes)."""
    import arnews
    from arnews._tokenize import WORD_RE

    rng = random.Random(seed)
    seeds = arnews.load()
    paragraphs = [p for a in seeds for p in a.paragraphs if len(p) > 40]
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
        for pick in rng.choices(vocab, cum_weights=cum, k=n):
            prefix = rng.choice(PROCLITICS) if rng.random() < 0.2 else ""
            words[rng.randrange(len(words))] = prefix + pick
        return " ".join(words)

    folder.mkdir(parents=True, exist_ok=True)
    limit = int(mb * 1e6)
    written = count = 0
    start = dt.date(2015, 1, 1)
    while written < limit:
        body = [mutate(p) for p in rng.sample(paragraphs, rng.randint(6, 16))]
        title = " ".join(rng.choice(paragraphs).split(" ")[: rng.randint(5, 10)])
        date = start + dt.timedelta(days=rng.randrange(730))
        outlet = rng.choice(OUTLETS)
        text = "\n\n".join((title, date.isoformat(), *body, outlet)) + "\n"
        data = text.encode()
        sub = folder / f"{count // 10_000:03d}"
        if count % 10_000 == 0:
            sub.mkdir(exist_ok=True)
        (sub / f"g{count:07d}.txt").write_bytes(data)
        written += len(data)
        count += 1
    return count, written


def run_python(code: str, *args: str) -> dict[str, object]:
    """Run code in a fresh interpreter; it prints one JSON object last."""
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=False
    )
    if out.returncode != 0:
        sys.exit(f"subprocess failed:\n{out.stderr}")
    result: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


BUILD = """
import json, resource, sys, time
import arnews
folder, db, workers = sys.argv[1], sys.argv[2], int(sys.argv[3])
t0 = time.perf_counter()
index = arnews.build_index(folder, db, workers=workers, pattern="**/*.txt")
seconds = time.perf_counter() - t0
n = len(index)
index.close()
hwm = [int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM")][0]
me = resource.getrusage(resource.RUSAGE_SELF)
kids = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime
print(json.dumps({"seconds": seconds, "articles": n, "rss_kb": hwm, "children_kb": kids.ru_maxrss,
                  "cpu_s": cpu, "load": open("/proc/loadavg").read().split()[0]}))
"""

MEMORY = """
import json, sys, time
import arnews
def hwm():
    return [int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM")][0]
base = hwm()
t0 = time.perf_counter()
corpus = arnews.load_dir(sys.argv[1], pattern="**/*.txt")
loaded = hwm()
corpus.search("بغداد")
seconds = time.perf_counter() - t0
print(json.dumps({"seconds": seconds, "rss_kb": hwm(), "loaded_kb": loaded, "base_kb": base}))
"""

RATIO = """
import json, pathlib, sys, tempfile, time
import arnews
from arnews._index import MemoryIndex
corpus = arnews.load_dir(sys.argv[1], pattern="**/*.txt")
memory, disk = [], []
for _ in range(int(sys.argv[2])):
    t0 = time.process_time()
    MemoryIndex(corpus.articles)
    memory.append(time.process_time() - t0)
    path = pathlib.Path(tempfile.mkdtemp()) / "r.db"
    t0 = time.process_time()
    arnews.build_index(corpus, path).close()
    disk.append(time.process_time() - t0)
    for suffix in ("", "-wal", "-shm"):
        pathlib.Path(f"{path}{suffix}").unlink(missing_ok=True)
print(json.dumps({"memory_index_cpu_s": min(memory), "disk_from_articles_cpu_s": min(disk)}))
"""

PICK = """
import json, random, sys
import arnews
index = arnews.open_index(sys.argv[1])
si = index.search_index
shift = si.start_bits
rng = random.Random(int(sys.argv[3]))
vocab = si.vocabulary()
candidates = sorted(w for w, n in vocab.items() if 10 <= n <= 2000 and w.isalpha())
rng.shuffle(candidates)
picked = []
for w in candidates:
    df = len({si.field_article[p >> shift] for p in si.postings(w)})
    if 10 <= df <= 200:
        picked.append(w)
        if len(picked) == int(sys.argv[2]):
            break
print(json.dumps(picked, ensure_ascii=False))
"""

COLD = """
import json, sys, time
t = time.perf_counter()
import arnews
# arnews's process-wide first use, done before anything is timed: the modules
# the facade imports on first use, and one search on a tiny in-memory corpus
# (the normalization's and the match modes' tables and patterns are built then).
arnews.open_index, arnews.build_index, arnews.load
arnews.load()[:1].search("بغداد")
setup = time.perf_counter() - t
t0 = time.perf_counter()
index = arnews.open_index(sys.argv[1])
t1 = time.perf_counter()
hits = index.search(sys.argv[2])
t2 = time.perf_counter()
print(json.dumps({"open": t1 - t0, "query": t2 - t1, "hits": len(hits), "setup": setup}))
"""

ALL_IN = """
import time
t0 = time.perf_counter()
import json, sys
import arnews
index = arnews.open_index(sys.argv[1])
hits = index.search(sys.argv[2])
t1 = time.perf_counter()
print(json.dumps({"all_in": t1 - t0, "hits": len(hits)}))
"""

WARM = """
import json, sys, time
import arnews
index = arnews.open_index(sys.argv[1])
words = json.loads(open(sys.argv[2], encoding="utf-8").read())
times = []
for w in words:
    t0 = time.perf_counter()
    index.search(w)
    times.append(time.perf_counter() - t0)
same = None
if sys.argv[3] == "1":
    corpus = arnews.load_dir(sys.argv[4], pattern="**/*.txt")
    same = all(index.search(w) == corpus.search(w) for w in words)
print(json.dumps({"times": times, "same": same}))
"""


def percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=100.0, help="corpus size in MB (100)")
    parser.add_argument("--seed", type=int, default=20161027)
    parser.add_argument("--rounds", type=int, default=2, help="interleaved build rounds (2)")
    parser.add_argument(
        "--workers", type=int, nargs="+", default=[1, 2], help="worker counts to build with (1 2)"
    )
    parser.add_argument("--queries", type=int, default=100, help="cold-open queries (100)")
    parser.add_argument("--workdir", type=Path, help="where the corpus and index go (a tmp dir)")
    parser.add_argument("--keep", action="store_true", help="keep the corpus and index")
    parser.add_argument("--compare", action="store_true", help="check answers vs in memory")
    parser.add_argument("--memory", action="store_true", help="measure the in-memory corpus")
    parser.add_argument(
        "--ratio",
        action="store_true",
        help="CPU of a disk build from parsed articles / MemoryIndex",
    )
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)

    work = args.workdir or Path(tempfile.mkdtemp(prefix="arnews-bench-"))
    folder = work / "texts"
    figures: dict[str, object] = {"mb": args.mb, "python": sys.version.split()[0]}
    try:
        t0 = time.perf_counter()
        if folder.exists():
            files = sum(1 for _ in folder.rglob("*.txt"))
            text_bytes = sum(p.stat().st_size for p in folder.rglob("*.txt"))
        else:
            files, text_bytes = generate(folder, args.mb, args.seed)
        figures.update(files=files, text_bytes=text_bytes, generate_s=time.perf_counter() - t0)
        mb = text_bytes / 1e6
        print(f"corpus: {files} files, {mb:.1f} MB in {folder}", flush=True)

        builds: dict[int, list[dict[str, object]]] = {w: [] for w in args.workers}
        db = work / "news.db"
        for _ in range(args.rounds):
            for workers in args.workers:
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{db}{suffix}").unlink(missing_ok=True)
                result = run_python(BUILD, str(folder), str(db), str(workers))
                builds[workers].append(result)
                seconds, cpu = float(result["seconds"]), float(result["cpu_s"])  # type: ignore[arg-type]
                print(
                    f"  build workers={workers}: {seconds:.1f} s, {mb / seconds:.2f} MB/s, "
                    f"cpu {cpu:.1f} s ({mb / cpu:.2f} MB per cpu-s), "
                    f"rss {int(result['rss_kb']) / 1e3:.0f} MB, "  # type: ignore[call-overload]
                    f"workers' rss {int(result['children_kb']) / 1e3:.0f} MB, "  # type: ignore[call-overload]
                    f"load {result['load']}",
                    flush=True,
                )
        best = {w: min(float(r["seconds"]) for r in rs) for w, rs in builds.items()}  # type: ignore[arg-type]
        best.setdefault(1, float("nan"))
        best.setdefault(2, float("nan"))
        builds.setdefault(1, [])
        builds.setdefault(2, [])
        size = db.stat().st_size
        figures.update(
            builds=builds,
            build_mb_s_1=mb / best[1],
            build_mb_s_2=mb / best[2],
            speedup_2=best[1] / best[2],
            rss_mb_max=max(int(r["rss_kb"]) for rs in builds.values() for r in rs) / 1e3,  # type: ignore[call-overload]
            worker_rss_mb_max=max((int(r["children_kb"]) for r in builds[2]), default=0) / 1e3,  # type: ignore[call-overload]
            build_mb_per_cpu_s_1=mb
            / min((float(r["cpu_s"]) for r in builds[1]), default=float("nan")),  # type: ignore[arg-type]
            index_bytes=size,
            size_ratio=size / text_bytes,
        )

        picked = run_python(PICK, str(db), str(args.queries), str(args.seed))
        words = list(picked) if isinstance(picked, list) else []
        opens, queries, setups, all_in = [], [], [], []
        for word in words:
            result = run_python(COLD, str(db), word)
            opens.append(float(result["open"]))  # type: ignore[arg-type]
            queries.append(float(result["query"]))  # type: ignore[arg-type]
            setups.append(float(result["setup"]))  # type: ignore[arg-type]
            fresh = run_python(ALL_IN, str(db), word)
            all_in.append(float(fresh["all_in"]))  # type: ignore[arg-type]
            if fresh["hits"] != result["hits"]:
                sys.exit(
                    f"{word!r}: {fresh['hits']} hits in a fresh process, "
                    f"{result['hits']} after the setup"
                )
        words_file = work / "words.json"
        words_file.write_text(json.dumps(words, ensure_ascii=False), encoding="utf-8")
        warm = run_python(WARM, str(db), str(words_file), "1" if args.compare else "0", str(folder))
        warm_times = [float(t) for t in warm["times"]]  # type: ignore[attr-defined]
        figures.update(
            cold_queries=len(words),
            first_use_setup_p50_ms=percentile(setups, 0.5) * 1e3,
            cold_open_p50_ms=percentile(opens, 0.5) * 1e3,
            cold_open_p95_ms=percentile(opens, 0.95) * 1e3,
            cold_query_p50_ms=percentile(queries, 0.5) * 1e3,
            cold_query_p95_ms=percentile(queries, 0.95) * 1e3,
            cold_total_p50_ms=percentile([a + b for a, b in zip(opens, queries, strict=True)], 0.5)
            * 1e3,
            cold_total_p95_ms=percentile([a + b for a, b in zip(opens, queries, strict=True)], 0.95)
            * 1e3,
            all_in_p50_ms=percentile(all_in, 0.5) * 1e3,
            all_in_p95_ms=percentile(all_in, 0.95) * 1e3,
            warm_query_p50_ms=percentile(warm_times, 0.5) * 1e3,
            warm_query_p95_ms=percentile(warm_times, 0.95) * 1e3,
            same_as_memory=warm["same"],
        )
        if args.ratio:
            ratio = run_python(RATIO, str(folder), str(args.rounds))
            figures.update(
                memory_index_cpu_s=ratio["memory_index_cpu_s"],
                disk_from_articles_cpu_s=ratio["disk_from_articles_cpu_s"],
                disk_over_memory_index=float(ratio["disk_from_articles_cpu_s"])  # type: ignore[arg-type]
                / float(ratio["memory_index_cpu_s"]),  # type: ignore[arg-type]
            )
        if args.memory:
            memory = run_python(MEMORY, str(folder))
            figures.update(
                memory_rss_mb=int(memory["rss_kb"]) / 1e3,  # type: ignore[call-overload]
                memory_bytes_per_byte=int(memory["rss_kb"]) * 1024 / text_bytes,  # type: ignore[call-overload]
                memory_load_index_s=memory["seconds"],
                memory_loaded_bytes_per_byte=int(memory["loaded_kb"]) * 1024 / text_bytes,  # type: ignore[call-overload]
                memory_base_mb=int(memory["base_kb"]) / 1e3,  # type: ignore[call-overload]
            )
    finally:
        if not args.keep and args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)

    rows = [
        ("build, 1 process", f"{figures['build_mb_s_1']:.2f} MB/s", "target >= 5 MB/s"),
        ("build, 1 process, per CPU second", f"{figures['build_mb_per_cpu_s_1']:.2f} MB", ""),
        ("build, 2 workers", f"{figures['build_mb_s_2']:.2f} MB/s", ""),
        ("speedup 2 workers / 1", f"{figures['speedup_2']:.2f}x", "target >= 1.7x"),
        ("peak RSS, building process", f"{figures['rss_mb_max']:.0f} MB", "target <= 300 MB"),
        ("peak RSS, a worker", f"{figures['worker_rss_mb_max']:.0f} MB", "target <= 300 MB"),
        ("index file / text", f"{figures['size_ratio']:.2f}x", "target <= 3x"),
        (
            f"cold query p50 (n={len(words)})",
            f"{figures['cold_query_p50_ms']:.2f} ms",
            "target <= 5 ms",
        ),
        ("cold query p95", f"{figures['cold_query_p95_ms']:.2f} ms", "target <= 20 ms"),
        ("cold open p50", f"{figures['cold_open_p50_ms']:.2f} ms", ""),
        ("cold open + query p50", f"{figures['cold_total_p50_ms']:.2f} ms", ""),
        ("cold open + query p95", f"{figures['cold_total_p95_ms']:.2f} ms", ""),
        (
            "arnews first-use setup p50",
            f"{figures['first_use_setup_p50_ms']:.2f} ms",
            "(import + a tiny search; not in the 3 rows above)",
        ),
        (
            "all-in p50: import + open + query",
            f"{figures['all_in_p50_ms']:.2f} ms",
            "(a fresh process, nothing done before)",
        ),
        ("all-in p95", f"{figures['all_in_p95_ms']:.2f} ms", ""),
        ("warm query p50", f"{figures['warm_query_p50_ms']:.2f} ms", ""),
        ("warm query p95", f"{figures['warm_query_p95_ms']:.2f} ms", ""),
        ("same hits as in memory", str(figures["same_as_memory"]), "(--compare)"),
    ]
    if "disk_over_memory_index" in figures:
        rows.append(
            (
                "disk build / MemoryIndex (CPU, parsed)",
                f"{figures['disk_over_memory_index']:.2f}x",
                f"{mb / float(figures['memory_index_cpu_s']):.2f} vs "  # type: ignore[arg-type]
                f"{mb / float(figures['disk_from_articles_cpu_s']):.2f} MB per cpu-s",  # type: ignore[arg-type]
            )
        )
    if "memory_bytes_per_byte" in figures:
        rows.append(
            (
                "in-memory corpus RSS / text",
                f"{figures['memory_bytes_per_byte']:.2f}",
                "target <= 3.5",
            )
        )
    width = max(len(r[0]) for r in rows)
    for name, value, note in rows:
        print(f"{name:<{width}}  {value:>12}  {note}")
    if args.json:
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    raise SystemExit(main())
