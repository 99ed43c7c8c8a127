"""The indicator and regional-total datasets, read back from the published files of a
synthetic corpus of several provinces and years."""

from __future__ import annotations

import csv
import gzip
import random
from collections import defaultdict
from pathlib import Path

import lxml.html
import pytest

from builder import synthetic
from builder.build import build
from builder.datasets.indicators import INDICATOR_INDEX, SMALL
from builder.synthetic_corpus import write_corpus

YEARS = range(2021, 2024)


def read(path: Path) -> list[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("compare")
    write_corpus(root / "corpus", YEARS, provinces=3, bodies=3, seed=7)
    build(root / "corpus", root / "site", with_site=False, say=lambda _: None)
    return root / "site" / "data"


def _number(text: str) -> float | None:
    return float(text) if text != "" else None


def test_regional_totals_are_the_sums_of_the_published_tables(data: Path):
    reports = {r["report_id"]: r for r in read(data / "reports.csv")}
    agencies = read(data / "agencies.csv")
    expected: dict[tuple, list] = defaultdict(lambda: [0.0, 0, 0])
    for table, key, columns in (("table3", "row", 7), ("table4", "group", 5)):
        prefix = "t3" if table == "table3" else "t4"
        for row in read(data / f"{table}.csv"):
            report = reports[row["report_id"]]
            names = list(row)[3:3 + columns]
            for region in {report["adcode"][:2] + "0000", report["adcode"][:4] + "00", report["adcode"]}:
                for column in names:
                    total = expected[(report["year"], region, f"{prefix}.{row[key]}.{column}")]
                    value = _number(row[column])
                    if value is None:
                        total[2] += 1
                    else:
                        total[0] += value
                        total[1] += 1
    published = read(data / "regional_totals.csv.gz")
    assert len(published) == len(expected)
    for row in published:
        value, summed, unusable = expected[(row["year"], row["region_code"], row["cell_id"])]
        assert _number(row["value"]) == (value if summed else None), row
        assert (int(row["reports_summed"]), int(row["reports_unusable"])) == (summed, unusable)
        level = ("province", "city", "county").index(row["region_level"])
        in_region = [a for a in agencies
                     if (a["adcode"][:2] + "0000", a["adcode"][:4] + "00", a["adcode"])[level] == row["region_code"]]
        assert int(row["agencies_known"]) == len(in_region)
        year_reports = [r for r in reports.values() if r["year"] == row["year"] and r["agency_id"] in
                        {a["agency_id"] for a in in_region}]
        assert int(row["reports_in_year"]) == len(year_reports)


def test_a_province_total_adds_up_its_counties(data: Path):
    totals = read(data / "regional_totals.csv.gz")
    cell = "t3.denied.third_party_rights.total"
    by_level: dict[tuple, float] = defaultdict(float)
    for row in totals:
        if row["cell_id"] == cell and row["value"] and row["region_level"] != "city":
            key = row["region_code"][:2] if row["region_level"] == "county" else row["region_code"][:2] + "p"
            by_level[(row["year"], key)] += float(row["value"])
    for (year, key), value in by_level.items():
        if key.endswith("p"):
            assert value == by_level.get((year, key[:-1]), 0.0)


def test_indicators_recomputed_from_the_published_table3(data: Path):
    table3: dict[str, dict[str, dict]] = defaultdict(dict)
    for row in read(data / "table3.csv"):
        table3[row["report_id"]][row["row"]] = row
    indicators = {(r["report_id"], r["indicator_id"]): r for r in read(data / "indicators.csv")}
    assert {r["indicator_id"] for r in read(data / "indicator_definitions.csv")} == {k[1] for k in indicators}
    for report_id, rows in table3.items():
        denied = sum(float(row["total"]) for key, row in rows.items() if key.startswith("denied."))
        total = float(rows["total"]["total"])
        got = indicators[(report_id, "denied_share")]
        assert float(got["numerator"]) == denied and float(got["denominator"]) == total
        assert (_number(got["value"]) or 0) == pytest.approx(denied / total if total else 0, abs=1e-6)
        assert (SMALL in got["flags"].split()) == (total < INDICATOR_INDEX["denied_share"].min_denominator)


def test_a_ranking_in_duckdb_leaves_out_small_denominators(data: Path):
    duckdb = pytest.importorskip("duckdb")
    query = f"""
        SELECT i.report_id, i.value FROM read_parquet('{data / "indicators.parquet"}') i
        JOIN read_parquet('{data / "reports.parquet"}') r USING (report_id)
        WHERE i.indicator_id = 'denied_share' AND r.year = 2022 AND r.province = '宁夏回族自治区'
          AND i.value IS NOT NULL AND coalesce(i.flags, '') NOT LIKE '%small_denominator%'
        ORDER BY i.value DESC, i.report_id"""
    ranked = duckdb.sql(query).fetchall()
    reports = {r["report_id"]: r for r in read(data / "reports.csv")}
    by_hand = sorted(((r["report_id"], float(r["value"])) for r in read(data / "indicators.csv")
                      if r["indicator_id"] == "denied_share" and r["value"] and SMALL not in r["flags"]
                      and reports[r["report_id"]]["year"] == "2022"
                      and reports[r["report_id"]]["province"] == "宁夏回族自治区"),
                     key=lambda x: (-x[1], x[0]))
    assert ranked and ranked == by_hand


def test_a_region_total_counts_the_reports_without_the_cell_as_left_out(tmp_path: Path):
    """A report with no form tables is one of the county's reports that year but adds nothing
    to its totals: the region page counts it, and marks every total as partial, saying why."""
    _, city, county = synthetic.AGENCIES[0]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    with_tables = synthetic.report(random.Random(3), year=2021, agency=city + county + synthetic.BODIES[0])
    prose = synthetic.report(random.Random(4), year=2021, agency=city + county + synthetic.BODIES[1])
    (corpus / "tables.txt").write_text(with_tables.text, encoding="utf-8")
    # without the form's tables and its headings of tables 3 and 4 (under them, a report uses the form
    # and its tables are unreadable: its cells are missing, not left out)
    (corpus / "prose.txt").write_text(
        "\n".join(line for line in prose.text.splitlines() if "\t" not in line and not line.startswith("第二十条")
                  and not line.startswith(("三、", "四、"))),
        encoding="utf-8")
    build(corpus, tmp_path / "site", say=lambda _: None)
    pages = [p for p in (tmp_path / "site" / "regions").glob("*/index.html")
             if county in p.read_text(encoding="utf-8").split("<h1", 1)[-1][:200]]
    assert len(pages) == 1
    row = lxml.html.parse(str(pages[0])).xpath('//div[@id="region-totals"]//tbody/tr')[0]
    assert row.xpath('string(td[@class="cover"])') == "2 份报告 / 已知 2 个机关"
    totals = row.xpath("td[not(@class)]")
    assert totals and all(td.text_content().endswith("*") for td in totals)
    assert {td.get("title") for td in totals} == {"1 份报告加总，1 份报告没有此格（未附表格，或所用表式不含此格）"}


def test_the_regional_table_gives_each_region_its_shown_cells_by_year(data: Path):
    """Kept as columns in region order (the file is in year order), a region's rows read back
    as the file holds them, and a region without rows as the default."""
    import pyarrow.parquet as pq

    from builder.site.compare import REGION_CELLS, RegionalRow, RegionalTable

    shown = {cell for cell, _ in REGION_CELLS}
    expected: dict = defaultdict(lambda: defaultdict(dict))
    for row in pq.read_table(data / "regional_totals.parquet").to_pylist():
        if row["cell_id"] in shown:
            expected[row["region_code"]][str(row["year"])][row["cell_id"]] = RegionalRow(
                *(row[name] for name in RegionalRow._fields))
    table = RegionalTable(data / "regional_totals.parquet")
    assert len(expected) > 3 and set(table.ranges) == set(expected)
    for code, years in expected.items():
        assert table.get(code) == years
    assert table.get("990000", {}) == {}


def indicator_file(path: Path, rows: list[tuple[str, str, float]]) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    report_ids, indicator_ids, values = zip(*rows, strict=True)
    pq.write_table(pa.table({"report_id": report_ids, "indicator_id": indicator_ids, "value": values,
                             "numerator": [None] * len(rows), "denominator": [None] * len(rows),
                             "flags": [""] * len(rows), "compared_with": [""] * len(rows)}), path)
    return path


def test_the_indicator_table_reads_a_reports_rows_across_batches(tmp_path: Path, monkeypatch):
    """The file is read a few rows at a time: a report whose rows straddle two reads is one span."""
    from builder.site.compare import IndicatorTable

    rows = [("a", "i1", 1.0), ("a", "i2", 2.0), ("a", "i3", 3.0), ("b", "i1", 4.0), ("b", "i2", 5.0),
            ("c", "i1", 6.0), ("c", "i2", 7.0), ("c", "i3", 8.0), ("c", "i4", 9.0)]
    path = indicator_file(tmp_path / "indicators.parquet", rows)
    whole = IndicatorTable(path)
    monkeypatch.setattr(IndicatorTable, "READ_BATCH", 2)
    small = IndicatorTable(path)
    assert small.ranges == whole.ranges == {"a": (0, 3), "b": (3, 5), "c": (5, 9)}
    assert {k: v.value for k, v in small["c"].items()} == {"i1": 6, "i2": 7, "i3": 8, "i4": 9}
    assert [sorted(r) for r in small.many(["c", "a"])] == [["i1", "i2", "i3", "i4"], ["i1", "i2", "i3"]]


def test_the_indicator_table_refuses_a_file_not_sorted_by_report(tmp_path: Path, monkeypatch):
    from builder.site.compare import IndicatorTable

    monkeypatch.setattr(IndicatorTable, "READ_BATCH", 2)
    path = indicator_file(tmp_path / "indicators.parquet", [("a", "i1", 1.0), ("b", "i1", 2.0), ("a", "i2", 3.0)])
    with pytest.raises(ValueError, match="not together"):
        IndicatorTable(path)
