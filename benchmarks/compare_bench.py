"""Compare-data size benchmark: what one compare page loads at N synthetic reports.

N agency-years are planned as in site_bench.py (agencies all over China, 2–6 bodies per
county, runs of consecutive years 2019–2024); their consistent tables (builder.synthetic)
become reports straight from the values (no text is rendered or parsed: this measures
the data, not extraction). Indicators are evaluated as the build does, the compare data
is written per year and province, and the sizes are printed: the largest file, the median,
bytes per agency row, and the rows a 300 KB file would hold. Nothing is asserted.

    python benchmarks/compare_bench.py [--reports 10000] [--seed 1]
"""

from __future__ import annotations

import argparse
import gzip
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

TARGET_KB = 300


def reports_from_values(n: int, seed: int) -> list:
    """Report objects for N planned agency-years, cells straight from the drawn values."""
    from site_bench import plan

    from builder import forms, synthetic
    from builder.extraction.extract import Report
    from builder.extraction.layout import Layout
    from builder.extraction.metadata import describe_agency
    from builder.extraction.tables import CellValue
    from builder.reading.document import Document, Source

    rng = random.Random(seed + 1)
    out = []
    for p in plan(n, seed):
        template = forms.GOV_2021 if p.year >= 2021 else forms.GOV_2019
        values = synthetic.consistent_values(rng, template)
        cells = {c.id: CellValue(values[c.id], str(values[c.id]), "reported") for c in forms.cells(template)}
        document = Document(Source(f"r{p.number:05d}.txt", "0" * 64, "text"), "", [])
        out.append(Report(document, Layout([]), describe_agency(p.agency), p.year, "title", template, cells, []))
    return out


def report_rows(reports: list) -> tuple[list[dict], dict[str, dict]]:
    """The reports.csv and agencies.csv rows the site reads (only the columns compare pages use)."""
    from builder.datasets.package import agency_level

    rows, agencies = [], {}
    for r in reports:
        a = r.agency
        rows.append({"report_id": r.report_id, "agency_id": a.agency_id, "agency_name": a.name,
                     "province": a.province or "", "city": a.city or "", "county": a.county or "",
                     "adcode": a.adcode or "", "year": str(r.year), "template": r.template, "badge": "一致"})
        agencies[a.agency_id] = {"level": agency_level(a)}
    return rows, agencies


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)

    import pyarrow as pa
    import pyarrow.parquet as pq

    from builder.datasets.indicators import evaluate_corpus
    from builder.site.compare import Derived, IndicatorTable, compare_json, compare_rows

    started = time.perf_counter()
    reports = reports_from_values(args.reports, args.seed)
    columns = ("report_id", "indicator_id", "value", "numerator", "denominator", "flags", "compared_with")
    values = sorted((v.as_row() for v in evaluate_corpus(reports)), key=lambda row: row[0])
    rows, agencies = report_rows(reports)
    with tempfile.TemporaryDirectory() as tmp:  # the pages read indicators as the build writes them
        path = Path(tmp) / "indicators.parquet"
        pq.write_table(pa.table(dict(zip(columns, map(list, zip(*values, strict=True)), strict=True))), path)
        pages = compare_rows(Derived(IndicatorTable(path)), rows, agencies)
    files = {f"{year}/{province}": compare_json(page).encode("utf-8") for (year, province), page in pages.items()}
    sizes = {key: len(data) for key, data in files.items()}
    zipped = {key: len(gzip.compress(data, 9)) for key, data in files.items()}
    largest = max(sizes, key=sizes.__getitem__)
    rows_in = {f"{y}/{p}": len(page["rows"]) for (y, p), page in pages.items()}
    per_row = sum(sizes.values()) / max(1, sum(rows_in.values()))
    print(f"{args.reports} reports, {len(pages)} compare files (year × province), "
          f"{time.perf_counter() - started:.1f} s")
    print(f"largest: {largest} — {rows_in[largest]} agencies, {sizes[largest] / 1024:.1f} KB "
          f"({zipped[largest] / 1024:.1f} KB gzipped); target < {TARGET_KB} KB")
    print(f"median: {statistics.median(sizes.values()) / 1024:.1f} KB; {per_row:.0f} bytes per agency row; "
          f"a {TARGET_KB} KB file holds about {TARGET_KB * 1024 / per_row:.0f} agencies")


if __name__ == "__main__":
    main()
