"""Throughput of arnews's SEARCH and CLEAN normalizers, side by side with installed peers.

Three workloads, built deterministically from the bundled seed texts:

* ``plain``: the seed texts repeated to about ``--mb`` MB (UTF-8), one call on the whole text;
* ``harakat``: the same, with a random haraka (U+064B-U+0652) after about half of the
  Arabic letters (seeded RNG), one call on the whole text;
* ``short``: ``--short`` strings of about 40 characters cut from the seeds, one call each;
* ``articles``: the seeds cut into articles of about 1,500 characters (``--real-mb`` MB in
  all), one call each;
* the realistic corpus of ``benchmarks/realistic.py`` (the seeds sprinkled with rare
  characters, bidi controls, NBSP and tatweel at the rates measured on third-party news,
  ``real1x``, and at ten times those rates, ``real10x``), each as ``-one`` (the articles
  joined into one string), ``-articles`` (one call each), ``-titles`` (20,000 strings of
  40-90 characters) and ``-short`` (``--short`` strings of 30-50 characters).

Every side (arnews SEARCH, CLEAN, SEARCH.align and each peer that is importable) is timed
on every workload, interleaved (A, B, C, A, B, C ...) ``--repeat`` times; each side keeps its
best time, because shared 2-core machines are noisy.  Peers are optional: a peer that is not
installed is listed as missing and skipped.  Agreement with SEARCH (share of identical
outputs) is measured on the short strings and on every line of the seeds, plain and with
harakat, untimed.

Run ``python benchmarks/bench_normalize.py --help`` for the options; see benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import os
import platform
import random
import sys
import time
from collections.abc import Callable
from importlib import resources
from typing import Any

import arnews
from arnews.normalize import CLEAN, SEARCH

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realistic  # the sibling module, found through the line above

Func = Callable[[str], object]

HARAKAT = [chr(c) for c in range(0x064B, 0x0653)]  # fathatan .. sukun
LETTERS = frozenset(chr(c) for c in range(0x0621, 0x064B))  # hamza .. yeh (incl. tatweel)
WORD_CHARS = LETTERS | frozenset(HARAKAT)


# -- workloads --------------------------------------------------------------------------------

_SEED_CHARS = frozenset(realistic.seed_text())


def seed_texts() -> list[str]:
    """The bundled seed texts, in file-name order."""
    data = resources.files("arnews") / "data"
    names = sorted(p.name for p in data.iterdir() if p.name.endswith(".txt"))
    return [(data / n).read_text(encoding="utf-8") for n in names]


def repeat_to(seed: str, megabytes: float) -> str:
    """Repeat ``seed`` until its UTF-8 size reaches about ``megabytes`` MB."""
    size = len(seed.encode("utf-8"))
    return seed * max(1, round(megabytes * 1e6 / size))


def add_harakat(text: str, rng: random.Random) -> str:
    """Put a random haraka after about half of the Arabic letters of ``text``."""
    out = []
    for ch in text:
        out.append(ch)
        if ch in LETTERS and ch != "\u0640" and rng.random() < 0.5:  # not after TATWEEL
            out.append(rng.choice(HARAKAT))
    return "".join(out)


def short_strings(seed: str, count: int, rng: random.Random) -> list[str]:
    """``count`` slices of 30-50 characters at random offsets of ``seed``."""
    out = []
    for _ in range(count):
        n = rng.randint(30, 50)
        i = rng.randrange(0, len(seed) - n)
        out.append(seed[i : i + n])
    return out


# -- sides ------------------------------------------------------------------------------------


def arnews_sides() -> dict[str, Func]:
    """arnews's presets, and the fast SEARCH function without the Normalizer's dispatch."""
    from arnews.normalize import _fastpath

    plan = _fastpath.plan_for(SEARCH)
    sides: dict[str, Func] = {
        "arnews SEARCH": SEARCH,
        "arnews CLEAN": CLEAN,
        "arnews SEARCH.align": SEARCH.align,
    }
    if plan is not None:
        sides["(_fastpath.search)"] = plan.run
    return sides


def peer_sides() -> tuple[dict[str, Func], list[str]]:
    """Each installed peer, configured as close to SEARCH as its options allow."""
    sides: dict[str, Func] = {}
    missing: list[str] = []
    try:
        import arabic_norm

        # harakat+Quranic marks, tatweel, alef variants, alef maksura -> yeh, teh marbuta -> heh
        sides["arabic-norm"] = functools.partial(arabic_norm.normalize, ta_marbuta=True)
    except ImportError:
        missing.append("arabic-norm")
    try:
        import arabic_normalize

        # its aggressive preset: diacritics, tatweel, alef, alef maksura, teh marbuta, hamza,
        # Persian letters, bidi marks, digits to ASCII
        sides["arabic-normalize"] = arabic_normalize.normalize_for_search
    except ImportError:
        missing.append("arabic-normalize")
    try:
        from pyarabic import araby

        def pyarabic_search(text: str) -> str:
            text = araby.strip_diacritics(text)
            text = araby.strip_tatweel(text)
            text = araby.normalize_hamza(text, method="tasheel")  # أ إ آ ؤ ئ -> ا ا ا و ي
            text = araby.normalize_teh(text)
            return text.replace("\u0649", "\u064a")  # alef maksura -> yeh: no pyarabic step

        sides["pyarabic"] = pyarabic_search
    except ImportError:
        missing.append("pyarabic")
    try:
        from camel_tools.utils.dediac import dediac_ar
        from camel_tools.utils.normalize import (
            normalize_alef_ar,
            normalize_alef_maksura_ar,
            normalize_teh_marbuta_ar,
        )

        def camel_search(text: str) -> str:
            text = dediac_ar(text)
            text = normalize_alef_ar(text)
            text = normalize_alef_maksura_ar(text)
            return normalize_teh_marbuta_ar(text)

        sides["camel-tools"] = camel_search
    except ImportError:
        missing.append("camel-tools")
    return sides, missing


# -- timing -----------------------------------------------------------------------------------


def time_once(func: Func, work: str | list[str]) -> float:
    """Seconds for one pass of ``func`` over ``work`` (a text, or a list of short strings)."""
    gc.collect()
    if isinstance(work, str):
        t0 = time.perf_counter()
        func(work)
        return time.perf_counter() - t0
    t0 = time.perf_counter()
    for s in work:
        func(s)
    return time.perf_counter() - t0


def best_times(sides: dict[str, Func], work: str | list[str], repeat: int) -> dict[str, float]:
    """Each side's best time over ``repeat`` interleaved rounds (A, B, C, A, B, C ...)."""
    best = dict.fromkeys(sides, float("inf"))
    for _ in range(repeat):
        for name, func in sides.items():
            best[name] = min(best[name], time_once(func, work))
    return best


def agreement(func: Func, reference: Func, samples: list[str]) -> float:
    """Percentage of ``samples`` on which ``func`` and ``reference`` give the same string."""
    same = sum(func(s) == reference(s) for s in samples)
    return 100.0 * same / len(samples)


# -- main -------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=50.0, help="corpus size in MB (default 50)")
    parser.add_argument("--short", type=int, default=100_000, help="number of short strings")
    parser.add_argument("--repeat", type=int, default=5, help="interleaved rounds (best kept)")
    parser.add_argument("--seed", type=int, default=2016, help="RNG seed for the workloads")
    parser.add_argument("--no-peers", action="store_true", help="time arnews only")
    parser.add_argument(
        "--real-mb", type=float, default=20.0, help="size of the article workloads (default 20)"
    )
    parser.add_argument(
        "--workloads",
        default="plain,harakat,short,articles,real1x-one,real1x-articles,real1x-titles,"
        "real1x-short,real10x-one,real10x-articles,real10x-titles,real10x-short",
        help="comma-separated subset to time",
    )
    parser.add_argument("--json", metavar="PATH", help="also write the results as JSON")
    args = parser.parse_args(argv)

    rng = random.Random(args.seed)
    seed = "\n\n".join(seed_texts())
    plain = repeat_to(seed, args.mb)
    voweled_seed = add_harakat(seed, rng)
    harakat = repeat_to(voweled_seed, args.mb)
    shorts = short_strings(seed, args.short, rng)
    workloads: dict[str, str | list[str]] = {"plain": plain, "harakat": harakat, "short": shorts}
    workloads["articles"] = realistic.articles(args.real_mb, rate=0, seed=args.seed)
    for rate in (1, 10):
        arts = realistic.articles(args.real_mb, rate=rate, seed=args.seed)
        workloads[f"real{rate}x-one"] = "\n\n".join(arts)
        workloads[f"real{rate}x-articles"] = arts
        workloads[f"real{rate}x-titles"] = realistic.titles(20_000, rate=rate, seed=args.seed)
        workloads[f"real{rate}x-short"] = realistic.short_strings(args.short, rate, args.seed)

    sides = arnews_sides()
    peers, missing = ({}, []) if args.no_peers else peer_sides()
    sides.update(peers)

    results: dict[str, Any] = {
        "command": " ".join([os.path.basename(sys.executable), *sys.argv]),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "arnews": getattr(arnews, "__version__", "?"),
        "arnews_path": os.path.dirname(arnews.__file__),
        "repeat": args.repeat,
        "missing_peers": missing,
        "workloads": {},
    }
    print(f"python {platform.python_version()} on {os.cpu_count()} cpus; repeat={args.repeat}")
    print(f"arnews from {results['arnews_path']}")
    if missing:
        print("peers not installed (skipped): " + ", ".join(missing))
    chosen = args.workloads.split(",")
    for wname, work in workloads.items():
        if wname not in chosen:
            continue
        if wname.endswith("-one"):  # the source of its lines, not another workload
            rare = sum(1 for c in work if c not in _SEED_CHARS)
            print(f"\n({wname}: {rare:,} characters not in the seeds)")
        if isinstance(work, str):
            size = len(work.encode("utf-8")) / 1e6
            info = f"{size:.1f} MB, {len(work):,} chars"
        else:
            size = sum(len(s.encode("utf-8")) for s in work) / 1e6
            info = f"{len(work):,} strings, {size:.2f} MB"
        best = best_times(sides, work, args.repeat)
        rows = {}
        for name, sec in best.items():
            row = {"seconds": sec, "mb_per_s": size / sec}
            if not isinstance(work, str):
                row["calls_per_s"] = len(work) / sec
            rows[name] = row
        results["workloads"][wname] = {"info": info, "mb": size, "sides": rows}
        print(f"\n{wname}: {info}")
        print(f"  {'side':<22}{'best s':>10}{'MB/s':>10}{'calls/s':>12}{'vs arabic-norm':>16}")
        base = rows.get("arabic-norm", {}).get("seconds")
        for name, row in rows.items():
            calls = f"{row['calls_per_s']:,.0f}" if "calls_per_s" in row else "-"
            ratio = f"{base / row['seconds']:.2f}x" if base else "-"
            print(
                f"  {name:<22}{row['seconds']:>10.4f}{row['mb_per_s']:>10.1f}{calls:>12}{ratio:>16}"
            )

    # Targets, as ratios of throughputs within this run.
    targets: dict[str, float] = {}
    w = results["workloads"]
    if "arabic-norm" in peers:
        for wname in w:
            rows = w[wname]["sides"]
            targets[f"SEARCH/arabic-norm {wname}"] = (
                rows["arabic-norm"]["seconds"] / rows["arnews SEARCH"]["seconds"]
            )
    for wname in w:
        if not (wname in ("plain", "harakat", "articles") or wname.endswith(("-one", "-articles"))):
            continue
        rows = w[wname]["sides"]
        targets[f"SEARCH.align/SEARCH {wname}"] = (
            rows["arnews SEARCH"]["seconds"] / rows["arnews SEARCH.align"]["seconds"]
        )
    for wname in w:
        rows = w[wname]["sides"]
        targets[f"CLEAN/SEARCH {wname}"] = (
            rows["arnews SEARCH"]["seconds"] / rows["arnews CLEAN"]["seconds"]
        )
    goals = {"SEARCH/arabic-norm": 0.5, "SEARCH.align/SEARCH": 0.25, "CLEAN/SEARCH": 1.0}
    print("\ntargets (ratio of throughputs in this run):")
    for key, value in targets.items():
        goal = goals[key.rsplit(" ", 1)[0]]
        print(
            f"  {key:<40}{value:>6.2f}  (target >= {goal}: {'met' if value >= goal else 'MISSED'})"
        )
    results["targets"] = targets

    # Agreement with SEARCH, untimed: on every seed line, on the short strings, and on the
    # distinct words made only of Arabic letters, harakat and tatweel (where every peer claims
    # the same job: its differences there are differences of semantics, not of scope).
    lines = [ln for ln in seed.splitlines() + voweled_seed.splitlines() if ln.strip()]
    words = sorted({w for ln in lines for w in ln.split() if all(c in WORD_CHARS for c in w)})
    agree: dict[str, dict[str, float]] = {}
    if peers:
        print("\nagreement with arnews SEARCH (identical output, %):")
        print(f"  {'peer':<22}{'seed lines':>12}{'short':>10}{'Arabic words':>14}")
    for name, func in peers.items():
        agree[name] = {
            "seed_lines": agreement(func, SEARCH, lines),
            "short": agreement(func, SEARCH, shorts),
            "arabic_words": agreement(func, SEARCH, words),
        }
        row = agree[name]
        print(
            f"  {name:<22}{row['seed_lines']:>11.1f}%{row['short']:>9.1f}%"
            f"{row['arabic_words']:>13.1f}%"
        )
    if peers:
        print(f"  ({len(words):,} distinct Arabic words)")
    results["agreement_with_SEARCH_percent"] = agree

    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(results, fh, indent=2, ensure_ascii=False)
        print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
