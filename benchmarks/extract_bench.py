"""Extraction throughput: reports per second in one process.

Reads the bundled corpus (datasets/corpus) into memory once and extracts it
round after round with ``builder.extraction.extract.extract_bytes`` and
``builder.checks.check_report``, as ``builder check`` does per file. The first
report pays the one-time start-up (imports, the cpca gazetteer and the jieba
dictionary); it is timed separately and the warm rounds follow a warm-up.

Per-stage times come from a second, shorter pass that calls the public stage
functions one by one (reading, layout, metadata, tables, narrative, checks),
in the order ``extract_document`` calls them.

The bundled corpus has few agencies, so after the first round every agency
name is answered from the ``lru_cache`` of ``builder.extraction.metadata``; the
``--synthetic`` pass extracts generated reports of distinct agencies, which
pays the gazetteer and segmenter for every new name, as a large real corpus
does.

Prints figures; asserts nothing (the issue's target is >= 200 reports/s).

    python benchmarks/extract_bench.py [--rounds 200] [--stage-rounds 40] [--synthetic 500]
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET = 200.0  # reports per second, from the issue


def load_files(folder: Path) -> list[tuple[str, bytes]]:
    """The corpus files in memory (without importing builder: its import is timed as start-up)."""
    skip = {"sources.csv", "README.md", "readme.md", "LICENSE"}
    paths = sorted(p for p in folder.iterdir() if p.is_file() and p.name not in skip and not p.name.startswith("."))
    return [(p.name, p.read_bytes()) for p in paths]


def extract_one(name: str, data: bytes):
    from builder.checks import check_report
    from builder.extraction.extract import extract_bytes

    report = extract_bytes(data, name)
    check_report(report)
    return report


def startup(files: list[tuple[str, bytes]]) -> dict:
    """Import time and the first report (loads cpca and jieba), cold."""
    t0 = time.perf_counter()
    import builder.checks
    import builder.extraction.extract  # noqa: F401
    t1 = time.perf_counter()
    name, data = files[0]
    extract_one(name, data)
    t2 = time.perf_counter()
    return {"import": t1 - t0, "first": t2 - t1}


def warm_rounds(files: list[tuple[str, bytes]], rounds: int) -> dict:
    per_round = []
    bytes_per_round = sum(len(d) for _, d in files)
    for _ in range(rounds):
        t0 = time.perf_counter()
        for name, data in files:
            extract_one(name, data)
        per_round.append(time.perf_counter() - t0)
    total = sum(per_round)
    reports = rounds * len(files)
    return {"reports": reports, "seconds": total, "rate": reports / total,
            "ms_per_report": 1000 * total / reports,
            "median_rate": len(files) / statistics.median(per_round),
            "mb_per_s": rounds * bytes_per_round / total / 1e6}


def staged(files: list[tuple[str, bytes]], rounds: int) -> dict[str, float]:
    """Seconds per stage, summed over ``rounds`` passes, calling each public stage function."""
    from builder import errors
    from builder.checks import check_report
    from builder.extraction.extract import Report
    from builder.extraction.layout import locate
    from builder.extraction.metadata import describe_agency, find_agency_name, find_year
    from builder.extraction.narrative import find_figures
    from builder.extraction.tables import detect_template, read_tables
    from builder.reading.document import read_bytes

    stages = dict.fromkeys(("reading", "layout", "metadata", "tables", "narrative", "checks"), 0.0)
    for _ in range(rounds):
        for name, data in files:
            t0 = time.perf_counter()
            doc = read_bytes(data, name)
            t1 = time.perf_counter()
            layout = locate(doc.lines)
            t2 = time.perf_counter()
            year, year_source = find_year(doc.lines)
            agency = describe_agency(find_agency_name(doc.lines))
            t3 = time.perf_counter()
            if year is None:
                raise errors.MissingMetadata(name, "no year")
            template, template_source = detect_template(layout, year)
            tables = read_tables(layout, template)
            t4 = time.perf_counter()
            narrative = find_figures(doc.sentences)
            t5 = time.perf_counter()
            report = Report(document=doc, layout=layout, agency=agency, year=year, year_source=year_source,
                            template=template, cells=tables.cells, narrative=narrative,
                            warnings=list(tables.warnings), t3_layout=tables.t3_layout,
                            template_source=template_source)
            t6 = time.perf_counter()
            check_report(report)
            t7 = time.perf_counter()
            for key, seconds in zip(stages, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t7 - t6)):
                stages[key] += seconds
    return stages


def synthetic_files(count: int, seed: int = 7) -> list[tuple[str, bytes]]:
    """Generated reports, each of a different agency (new names for the gazetteer)."""
    import csv

    import cpca

    from builder import synthetic

    rng = random.Random(seed)
    counties = []
    with (Path(cpca.__file__).parent / "resources" / "adcodes.csv").open(encoding="utf-8") as handle:
        names = {row["adcode"][:6]: row["name"] for row in csv.DictReader(handle)}
    for code, name in names.items():
        city = names.get(code[:4] + "00")
        if code[4:] != "00" and city and city != name:
            counties.append(city + name)
    rng.shuffle(counties)
    out = []
    for i in range(count):
        agency = counties[i % len(counties)] + synthetic.BODIES[(i // len(counties)) % len(synthetic.BODIES)]
        r = synthetic.report(rng, year=rng.randint(2019, 2024), layout=rng.choice(synthetic.LAYOUTS), agency=agency)
        out.append((f"synthetic_{i:05d}.txt", r.text.encode("utf-8")))
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "datasets" / "corpus")
    parser.add_argument("--rounds", type=int, default=200, help="passes over the corpus for the warm throughput")
    parser.add_argument("--warmup", type=int, default=3, help="passes before timing")
    parser.add_argument("--stage-rounds", type=int, default=40, help="passes for the per-stage split (0: skip)")
    parser.add_argument("--synthetic", type=int, default=500,
                        help="also extract this many generated reports of distinct agencies (0: skip)")
    args = parser.parse_args(argv)

    files = load_files(args.corpus)
    sizes = [len(d) for _, d in files]
    cold = startup(files)
    for _ in range(args.warmup):
        for name, data in files:
            extract_one(name, data)
    warm = warm_rounds(files, args.rounds)

    print(f"extraction benchmark · {time.strftime('%Y-%m-%d %H:%M')} · Python {platform.python_version()} · "
          f"{platform.machine()} · single process")
    print(f"corpus: {len(files)} files in {args.corpus} ({min(sizes) / 1024:.0f}–{max(sizes) / 1024:.0f} KB, "
          f"{sum(sizes) / 1024:.0f} KB), {args.rounds} rounds after {args.warmup} warm-up rounds")
    print()
    print(f"{'measure':<40}{'value':>16}")
    print("-" * 56)
    print(f"{'start-up: import builder':<40}{cold['import']:>14.2f} s")
    print(f"{'start-up: first report (cpca, jieba)':<40}{cold['first']:>14.2f} s")
    print(f"{'warm reports extracted and checked':<40}{warm['reports']:>16,}")
    print(f"{'warm time':<40}{warm['seconds']:>14.2f} s")
    print(f"{'warm throughput':<40}{warm['rate']:>10.0f} rep/s")
    print(f"{'  median round':<40}{warm['median_rate']:>10.0f} rep/s")
    print(f"{'  per report':<40}{warm['ms_per_report']:>13.2f} ms")
    print(f"{'  text':<40}{warm['mb_per_s']:>11.2f} MB/s")
    verdict = "meets" if warm["rate"] >= TARGET else "below"
    print(f"{'target (issue)':<40}{f'>= {TARGET:.0f} rep/s':>16}  ({verdict})")

    if args.synthetic:
        generated = synthetic_files(args.synthetic)
        t0 = time.perf_counter()
        for name, data in generated:
            extract_one(name, data)
        seconds = time.perf_counter() - t0
        t0 = time.perf_counter()
        for name, data in generated:
            extract_one(name, data)
        again = time.perf_counter() - t0
        print(f"{'synthetic, distinct agencies (1st pass)':<40}{len(generated) / seconds:>10.0f} rep/s"
              f"  ({len(generated)} reports, {1000 * seconds / len(generated):.2f} ms each)")
        print(f"{'synthetic, same names again (cached)':<40}{len(generated) / again:>10.0f} rep/s"
              f"  ({1000 * again / len(generated):.2f} ms each)")

    if args.stage_rounds:
        stages = staged(files, args.stage_rounds)
        count = args.stage_rounds * len(files)
        total = sum(stages.values())
        print()
        print(f"per stage (bundled corpus, {args.stage_rounds} rounds, public stage functions timed one by one)")
        print(f"{'stage':<12}{'ms/report':>12}{'share':>9}")
        print("-" * 33)
        for key, seconds in stages.items():
            print(f"{key:<12}{1000 * seconds / count:>12.3f}{100 * seconds / total:>8.1f}%")
        print(f"{'sum':<12}{1000 * total / count:>12.3f}{100.0:>8.1f}%")


if __name__ == "__main__":
    main()
