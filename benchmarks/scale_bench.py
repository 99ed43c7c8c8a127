"""Scale benchmark: this project's whole build beside stock mkdocs-material with
search, interleaved and repeated on the same synthetic corpus (site_bench's:
agencies all over China, several years each, varied layouts, some errors).

For each size N it runs R pairs (ours, stock; the order alternates from pair to
pair) so that each ratio is the median of the pairs' ratios on a noisy, shared
machine. Ours is ``python -m builder build`` on every core with a cold cache and
``--data-url`` (the bulk data split off the Pages part); then, on the last
pair's output and cache, a rebuild with nothing changed, one with one file
changed, and one with another file changed (made in the folders of the output
the one before replaced, ``publish.claim_spare``). Peak memory is the largest sum
of the resident sets of the whole process tree (pool workers, the workbook
writer), sampled every 0.1 s (the proportional sets, PSS, every 0.5 s); CPU time is
the user and system time of the whole tree, which another load on the machine changes
far less than the wall time. Prints figures and writes benchmarks/out/scale_bench.md;
asserts nothing. The builder's bytecode is written
first, as ``make build`` does (``PYTHONDONTWRITEBYTECODE`` would otherwise make each
timed run compile it again, a tenth of a rebuild).

Nothing is deleted between timed runs: a finished run's folders are moved aside
and deleted at the end, and each run waits until new files cost what they cost
on a quiet disk (``Disk``). On an ext4 file system without a journal (this
machine's), for minutes after many files are deleted, creating a file takes up
to 40 times longer (the kernel skips recently deleted inodes, reading each one's
block), which made whichever build followed a deletion the slower one.

    python benchmarks/scale_bench.py [--sizes 1000,10000] [--pairs 3] [--stock-max 10000]

With ``--stock-max``, sizes above it run ours alone (the stock columns show nan).
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict
from math import nan
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
sys.path.insert(0, str(ROOT / "benchmarks"))

import site_bench  # noqa: E402  (the corpus, the stock build and the size helpers)

from builder.site.build import PAGE_LIMIT as REPORT_PAGE_LIMIT  # noqa: E402  (issue 13: no report page over 30 KB)

SITE_URL = "https://example.org/gov-reports/"
DATA_URL = "https://data.example.org/gov-reports/"
PAGES_LIMIT = 1_000_000_000  # GitHub Pages: a published site may be no larger than 1 GB


def _children_cpu() -> float:
    """CPU seconds (user and system) of every child process this one has waited for, and of
    the descendants those waited for: ``RUSAGE_CHILDREN`` adds a process's own to its parent's
    when the parent waits for it."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def tree_peak(command: list[str], **kwargs) -> tuple[subprocess.CompletedProcess, float, dict[str, float]]:
    """Run a command; its wall time and the peaks of the memory of it and all its descendants
    (bytes): the summed resident sets (``rss``: a page shared by several processes, such as
    what pool workers share with their fork server, is counted in each) and the summed
    proportional sets (``pss``: a shared page counted once, split among its sharers); and the
    CPU seconds of the whole tree (``cpu``), which another load on the machine changes far less
    than the wall time."""
    cpu = _children_cpu()
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)
    peaks = {"rss": 0.0, "pss": 0.0}
    done = threading.Event()

    def sample() -> None:
        root = psutil.Process(process.pid)
        for count in itertools.count():
            if done.is_set():
                break
            # The resident set is cheap to read (statm); the proportional set is not (smaps_rollup
            # walks every mapping): read every 0.1 s, it took a seventh of a core, taken from our
            # build (both cores busy) and not from stock's (one core), so it is read every 0.5 s.
            full = count % 5 == 0
            try:
                members = [root, *root.children(recursive=True)]
                rss = pss = 0
                for member in members:
                    with contextlib.suppress(psutil.Error):
                        if full:
                            info = member.memory_full_info()
                            rss, pss = rss + info.rss, pss + getattr(info, "pss", info.rss)
                        else:
                            rss += member.memory_info().rss
                peaks["rss"] = max(peaks["rss"], rss)
                if full:
                    peaks["pss"] = max(peaks["pss"], pss)
            except psutil.Error:
                pass
            done.wait(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = process.communicate()
    done.set()
    sampler.join()
    wall = time.perf_counter() - start
    peaks["cpu"] = _children_cpu() - cpu
    result = subprocess.CompletedProcess(command, process.returncode, stdout, stderr)
    return result, wall, peaks


class Disk:
    """Folders moved aside instead of deleted while runs are timed (``discard``), a wait before
    each run until creating files is as cheap as on a quiet disk (``settle``), and the deletion of
    everything at the end (``empty``)."""

    PROBE_FILES = 200
    QUIET = 0.1e-3  # seconds per new file and folder on this disk when nothing was deleted lately
    PATIENCE = 420  # seconds: the kernel remembers a deletion for at most six minutes

    def __init__(self, root: Path) -> None:
        self.root, self.trash, self.moved = root, root / ".trash", 0
        self.trash.mkdir(parents=True, exist_ok=True)
        self.waited: list[float] = []

    def discard(self, path: Path) -> None:
        if path.exists():
            self.moved += 1
            os.rename(path, self.trash / str(self.moved))

    def _probe(self) -> float:
        """Seconds per new file (half of them in a new folder), in a folder kept until the end."""
        self.moved += 1
        folder = self.trash / str(self.moved)
        start = time.perf_counter()
        for index in range(self.PROBE_FILES // 2):
            (folder / str(index)).mkdir(parents=True)
            (folder / str(index) / "probe").write_bytes(b"x" * 2000)
        return (time.perf_counter() - start) / self.PROBE_FILES

    def settle(self) -> None:
        """Wait for our build's background remover (a replaced output) to finish, then until a
        probe creates files at the quiet rate, or ``PATIENCE`` seconds."""
        start = time.monotonic()
        while any(self.root.glob("*/.*.removing-*")) and time.monotonic() - start < self.PATIENCE:
            time.sleep(2)
        while (cost := self._probe()) > self.QUIET and time.monotonic() - start < self.PATIENCE:
            print(f"  disk: {cost * 1e3:.2f} ms per new file (recent deletions); waiting", file=sys.stderr, flush=True)
            time.sleep(15)
        self.waited.append(time.monotonic() - start)

    def empty(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


def run_ours(corpus: Path, out: Path, cache: Path, disk: Disk) -> dict:
    disk.settle()
    command = [sys.executable, "-m", "builder", "build", "--corpus", str(corpus), "--out", str(out),
               "--cache", str(cache), "--site-url", SITE_URL, "--data-url", DATA_URL]
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    done, wall, peaks = tree_peak(command, cwd=ROOT, env=env)
    if done.returncode:
        sys.stderr.write(done.stderr[-3000:])
        raise SystemExit("our build failed")
    stages = dict((name, float(seconds)) for name, seconds in
                  re.findall(r"(\w+) ([\d.]+) s", next((line for line in done.stderr.splitlines()
                                                        if line.startswith("time per stage:")), "")))
    files = re.search(r"files: (\d+) in ([\d.]+) s .*?(\d+) from the cache(?: \(\d+ by its index\))?, (\d+) extracted",
                      done.stderr)
    written = re.search(r"report files and pages: (\d+) written, (\d+) unchanged", done.stderr)
    return {"wall": wall, "cpu": peaks["cpu"], "peak": peaks["rss"], "pss": peaks["pss"], "stages": stages,
            "extracted": int(files[4]) if files else 0, "cache_hits": int(files[3]) if files else 0,
            "written": int(written[1]) if written else 0, "unchanged": int(written[2]) if written else 0}


def run_stock(work: Path, disk: Disk) -> dict:
    config = work / "stock.yml"
    config.write_text(site_bench.STOCK_YML.format(plugins="[search]"), encoding="utf-8")
    out = work / "stock"
    disk.discard(out)
    disk.settle()
    done, wall, peaks = tree_peak([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(out)])
    if done.returncode:
        sys.stderr.write(done.stderr[-3000:])
        raise SystemExit("stock mkdocs build failed")
    figures = {"wall": wall, "cpu": peaks["cpu"], "peak": peaks["rss"], "pss": peaks["pss"],
               "site": asdict(site_bench.tree(out))}
    disk.discard(out)
    return figures


def parts(out: Path) -> dict[str, dict]:
    """Bytes and files of each part of our output: the Pages part by kind, and data/."""
    out_parts: dict[str, dict] = {}
    for path in out.rglob("*"):
        if not path.is_file():
            continue
        top = path.relative_to(out).parts
        key = ("data/ (reports)" if top[0] == "data" and len(top) > 2 and top[1] == "reports" else
               "data/ (package)" if top[0] == "data" else
               "reports/ pages" if top[0] == "reports" and path.name == "index.html" else
               f"reports/ {path.name}" if top[0] == "reports" else
               f"{top[0]}/" if len(top) > 1 else "top-level files")
        entry = out_parts.setdefault(key, {"files": 0, "bytes": 0})
        entry["files"] += 1
        entry["bytes"] += path.stat().st_size
    return out_parts


# Words that many documents hold (the heaviest first searches), and a place name.
SEARCHES = ("政府信息公开", "教育局", "人民政府", "公安局 2023", "北京")


def first_searches(site: Path) -> dict[str, int]:
    """Bytes that the first page of hits loads, per query (``builder.site.search.first_search``
    walks the same files as site.js)."""
    from builder.site.search import first_search

    return {query: sum(first_search(site, query)[1].values()) for query in SEARCHES}


def one_size(n: int, pairs: int, seed: int, disk: Disk, with_stock: bool = True) -> dict:
    work = disk.root / f"n{n}"
    planned = site_bench.plan(n, seed)
    site_bench.write_corpus(planned, work / "corpus", work / "docs", seed)
    runs: list[tuple[dict, dict]] = []
    corpus, ours_out, cache = work / "corpus", work / "ours", work / "cache"
    for index in range(pairs):
        print(f"[N = {n:,}] pair {index + 1}/{pairs}", file=sys.stderr, flush=True)
        disk.discard(ours_out)
        disk.discard(cache)
        if not with_stock:
            ours, stock = run_ours(corpus, ours_out, cache, disk), None
        elif index % 2 == 0:
            ours, stock = run_ours(corpus, ours_out, cache, disk), run_stock(work, disk)
        else:
            stock, ours = run_stock(work, disk), run_ours(corpus, ours_out, cache, disk)
        runs.append((ours, stock))
    unchanged = run_ours(corpus, ours_out, cache, disk)
    changed_file = sorted(corpus.iterdir())[n // 2]
    changed_file.write_text(changed_file.read_text(encoding="utf-8") + "\n本报告另有附件。\n", encoding="utf-8")
    one_changed = run_ours(corpus, ours_out, cache, disk)
    # Another file: this rebuild is made in the folders of the output the last one replaced (the spare).
    changed_file = sorted(corpus.iterdir())[n // 3]
    changed_file.write_text(changed_file.read_text(encoding="utf-8") + "\n本报告另有附件。\n", encoding="utf-8")
    one_more = run_ours(corpus, ours_out, cache, disk)
    pages = site_bench.tree(ours_out, exclude="data")
    report_pages = sorted(page.stat().st_size for page in ours_out.glob("reports/*/*/index.html"))
    result = {"n": n, "runs": runs, "unchanged": unchanged, "one_changed": one_changed, "one_more": one_more,
              "pages": asdict(pages), "parts": parts(ours_out), "searches": first_searches(ours_out),
              "html": sum(1 for _ in ours_out.rglob("index.html")),
              "report_pages": {"count": len(report_pages), "largest": report_pages[-1] if report_pages else 0,
                               "over_limit": sum(1 for size in report_pages if size > REPORT_PAGE_LIMIT)},
              "settle": list(disk.waited)}
    disk.discard(work)
    disk.waited.clear()
    return result


def median(values) -> float:
    return statistics.median(list(values))


def report(r: dict) -> list[str]:
    n, runs = r["n"], r["runs"]
    ours = [o for o, _ in runs]
    stock = [s for _, s in runs if s is not None]
    full = median(o["wall"] for o in ours)
    if not stock:  # too large to run the stock build in the time available: ours only
        stock = [{"wall": nan, "peak": nan, "site": {"apparent": nan, "files": 0}}]
        runs = [(o, stock[0]) for o in ours]
    stage = {name: median(o["stages"].get(name, 0.0) for o in ours) for name in ours[0]["stages"]}
    lines = [f"### N = {n:,} ({len(runs)} interleaved pairs; medians)", "",
             "| measure | ours | stock mkdocs-material + search |", "|---|---:|---:|",
             f"| whole build | {full:.1f} s | {median(s['wall'] for s in stock):.1f} s |",
             f"| ratio stock / ours (median of pairs) | {median(s['wall'] / o['wall'] for o, s in runs):.2f}× | |"]
    lines += [f"| · {name} | {seconds:.1f} s | |" for name, seconds in stage.items()]
    lines.append(f"| CPU time, whole process tree (user + system) | {median(o.get('cpu', nan) for o in ours):.1f} s "
                 f"({median(o.get('cpu', nan) for o in ours) / n * 1e3:.1f} ms a report) | "
                 f"{median(s.get('cpu', nan) for s in stock):.1f} s |")
    lines += [
        f"| text extraction rate, all cores | {n / stage['extract']:.0f} reports/s | |" if stage.get("extract") else "",
        f"| peak memory, process tree | {median(o['peak'] for o in ours) / 1e6:,.0f} MB | "
        f"{median(s['peak'] for s in stock) / 1e6:,.0f} MB |",
        f"| peak memory, process tree, shared pages once (PSS) | {median(o['pss'] for o in ours) / 1e6:,.0f} MB | "
        f"{median(s.get('pss', float('nan')) for s in stock) / 1e6:,.0f} MB |",
        f"| rebuild, nothing changed | {r['unchanged']['wall']:.1f} s ({r['unchanged']['wall'] / full:.0%}) | |",
        f"| rebuild, one file changed | {r['one_changed']['wall']:.1f} s ({r['one_changed']['wall'] / full:.0%}); "
        f"{r['one_changed']['extracted']} extracted, {r['one_changed']['written']} files written, "
        f"{r['one_changed']['unchanged']} unchanged | |",
        "| · its stages | " + " · ".join(f"{name} {seconds:.1f} s" for name, seconds in
                                          r["one_changed"]["stages"].items()) + " | |",
        f"| rebuild, another file changed (in the replaced output's folders) | {r['one_more']['wall']:.1f} s "
        f"({r['one_more']['wall'] / full:.0%}) | |" if "one_more" in r else "",
        "| first search, bytes loaded | " + " · ".join(f"{query} {size / 1e3:.0f} KB" for query, size in
                                                       r.get("searches", {}).items()) + " | |",
        f"| waiting for a quiet disk before each run (`Disk`), longest | {max(r.get('settle') or [0]):.0f} s | |",
        f"| report pages over {REPORT_PAGE_LIMIT:,} bytes; largest | {r['report_pages']['over_limit']:,} of "
        f"{r['report_pages']['count']:,}; {r['report_pages']['largest'] / 1e3:.1f} KB | |" if "report_pages" in r else "",
        f"| Pages artifact (without data/) | {r['pages']['apparent'] / 1e6:,.1f} MB, {r['pages']['files']:,} files "
        f"({r['pages']['apparent'] / PAGES_LIMIT:.0%} of 1 GB) | {stock[-1]['site']['apparent'] / 1e6:,.1f} MB, "
        f"{stock[-1]['site']['files']:,} files |",
    ]
    lines = [line for line in lines if line]
    lines += ["", "| part | files | MB | KB per report |", "|---|---:|---:|---:|"]
    lines += [f"| {key} | {v['files']:,} | {v['bytes'] / 1e6:,.1f} | {v['bytes'] / n / 1e3:.2f} |"
              for key, v in sorted(r["parts"].items())]
    return lines


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--pairs", type=int, default=3, help="interleaved (ours, stock) pairs per size")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--stock-max", type=int, default=None,
                        help="run the stock build only up to this many reports (larger sizes: ours alone)")
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "builder")], check=True)
    header = [f"`python benchmarks/scale_bench.py --sizes {args.sizes} --pairs {args.pairs}` · "
              f"{site_bench.environment()}", ""]
    results = []
    disk = Disk(Path(tempfile.mkdtemp(prefix="scale_bench_", dir=args.workdir)))
    try:
        for n in (int(x) for x in args.sizes.split(",") if x.strip()):
            with_stock = args.stock_max is None or n <= args.stock_max
            results.append(one_size(n, args.pairs, args.seed, disk, with_stock))
            text = "\n".join(header + [line for r in results for line in [*report(r), ""]])
            print("\n".join(report(results[-1])), flush=True)
            (OUT / "scale_bench.md").write_text(text, encoding="utf-8")
            (OUT / "scale_bench.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    finally:
        disk.empty()  # after every timed run


if __name__ == "__main__":
    main()
