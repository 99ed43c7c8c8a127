"""Pipeline benchmark: the extraction stage serially, on the process pool and
from the cache, and whole-build rebuilds (nothing changed; one file changed).

Writes N synthetic reports of distinct agencies (``extract_bench.synthetic_files``)
into a temporary corpus and times, in this process:

- extraction + checks with ``--jobs 1`` and with every CPU (files per second),
- the same with a warm cache (no file parsed),
- a whole build (datasets and site) cold, then again with nothing changed,
  then after changing one file; output files written and linked unchanged.

Peak memory is the largest resident set of this process and of its children
(``resource.getrusage``). Prints figures; asserts nothing.

    python benchmarks/pipeline_bench.py [--reports 1000] [--no-site]
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def timed(function, *args, **kwargs):
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - start


def peak_mb() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--no-site", action="store_true", help="Time the datasets stage only in whole builds.")
    args = parser.parse_args(argv)

    from extract_bench import synthetic_files

    from builder.build import build
    from builder.extraction.pipeline import Options, RunStats, read_corpus

    jobs = os.cpu_count() or 1
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        files = synthetic_files(args.reports)
        for name, data in files:
            (corpus / name).write_bytes(data)
        for label, options in (("extraction + checks, serial", Options(jobs=1)),
                               (f"extraction + checks, {jobs} processes", Options(jobs=jobs)),
                               ("same, cache cold", Options(jobs=jobs, cache=f"{tmp}/cache")),
                               ("same, cache warm (nothing parsed)", Options(jobs=jobs, cache=f"{tmp}/cache"))):
            stats = RunStats()
            _, seconds = timed(read_corpus, corpus, options, stats)
            extract = stats.stages["extract"]
            rows.append((label, f"{seconds:.1f} s", f"{stats.files / extract:.0f} files/s extracted "
                         f"({stats.cache_hits} cache hits, {stats.indexed} from its index), "
                         f"checks {stats.stages['checks']:.1f} s"))
        out = Path(tmp) / "site"
        options = Options(jobs=jobs, cache=f"{tmp}/build-cache")
        for label in ("whole build, cold", "rebuild, nothing changed", "rebuild, one file changed"):
            if label.endswith("one file changed"):
                first = corpus / files[len(files) // 2][0]
                first.write_text(first.read_text(encoding="utf-8") + "\n本报告另有附件。\n", encoding="utf-8")
            summary, seconds = timed(build, corpus, out, with_site=not args.no_site, say=lambda _: None,
                                     options=options, progress=None)
            stages = " · ".join(f"{k} {v:.1f} s" for k, v in summary.stats.stages.items())
            rows.append((label, f"{seconds:.1f} s", f"{stages}; files written {summary.files_written}, "
                         f"unchanged {summary.files_unchanged}"))
    own, children = peak_mb()
    print(f"{args.reports} synthetic reports, {jobs} CPUs, Python {sys.version.split()[0]}")
    print("| measure | time | detail |\n|---|---:|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print(f"| peak memory | | this process {own:.0f} MB, largest child {children:.0f} MB |")


if __name__ == "__main__":
    main()
