"""Comparisons on the site: compare pages per year and province, indicator charts on
agency pages, indicators on report pages and regional totals on region pages.

Everything is read from the data package (indicators, indicator_definitions,
regional_totals). A compare page is a small shell; its rows are loaded from
compare/data/<year>/<province code>.json, so no page or file grows with the
whole corpus, only with the agencies of one province in one year.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from ..arrow import pyarrow
from ..datasets import indicators as catalogue
from ..datasets.indicators import INDICATORS, RATIO, SMALL, YOY_SUFFIX
from . import search

UNKNOWN = "000000"
# Flag bits in the compare data (the names are in indicator_definitions and the page's legend).
FLAG_BITS = {flag: 1 << index for index, flag in enumerate(catalogue.FLAGS)}
# Cells of the regional totals shown on region pages; every cell is in regional_totals.
REGION_CELLS = (
    ("t3.new_received.total", "本年新收"), ("t3.carried_over.total", "上年结转"), ("t3.granted.total", "予以公开"),
    ("t3.partially_granted.total", "部分公开"), ("t3.total.total", "办理总计"),
    ("t3.carried_forward.total", "结转下年度"), ("t4.admin_review.total", "行政复议"),
    ("t4.admin_review.corrected", "复议纠正"), ("t4.litigation_direct.total", "直接起诉"),
    ("t4.litigation_after_review.total", "复议后起诉"),
)
COVERAGE_CELL = "t3.total.total"


def province_code(report: dict) -> str:
    """The province's 6-digit code, grouped as the search filters group it (search.province_code)."""
    prefix = search.province_code(report.get("adcode") or "")
    return UNKNOWN if prefix == search.UNKNOWN_PROVINCE else prefix + "0000"


class IndicatorRow(NamedTuple):
    """A row of ``indicators`` as the pages read it (a tuple: there are ~24 per report)."""

    value: float | int | None
    numerator: float | int | None
    denominator: float | int | None
    flags: tuple[str, ...]
    compared_with: str | None

    @property
    def mask(self) -> int:
        return sum(FLAG_BITS[f] for f in self.flags)


EMPTY = IndicatorRow(None, None, None, (), None)


def _number(value: float | None) -> float | int | None:
    """A Parquet number as the CSV prints it: whole numbers as integers."""
    return int(value) if value is not None and value.is_integer() else value


def _indicator_rows(ids: list, values: list, numerators: list, denominators: list, flags: list,
                    compared: list) -> dict[str, IndicatorRow]:
    """One report's rows of ``indicators`` (its columns as lists), by indicator id."""
    return {indicator_id: IndicatorRow(_number(value), _number(numerator), _number(denominator),
                                       tuple((flag or "").split()), compared_with or None)
            for indicator_id, value, numerator, denominator, flag, compared_with
            in zip(ids, values, numerators, denominators, flags, compared, strict=True)}


def python_columns(table, names: tuple[str, ...]) -> list[list]:
    """Columns of an Arrow table as Python lists. A dictionary column is decoded by Arrow first:
    its own ``to_pylist`` makes each value through the dictionary one at a time, 20 to 50 times
    slower (2 ms for a block of 2,048 indicator ids)."""
    pa = pyarrow()

    out = []
    for name in names:
        column = table.column(name)
        if pa.types.is_dictionary(column.type):
            column = column.cast(column.type.value_type)
        out.append(column.to_pylist())
    return out


class IndicatorTable:
    """indicators.parquet kept as Arrow columns, with each report's row range: a report's
    rows become ``IndicatorRow``s only when a page asks for them. As Python objects the
    table took about 10 KB a report (300 MB at 30,000 reports).

    Pages ask for reports in table order (an agency's years after each other), so the rows
    are made into Python values a block of rows at a time, not a report at a time: one
    conversion per column and block instead of one per column and report."""

    COLUMNS = ("indicator_id", "value", "numerator", "denominator", "flags", "compared_with")
    BLOCK = 2048  # rows converted at once (~40 reports)
    READ_BATCH = 65_536  # rows decoded at once from the file

    def __init__(self, path: Path) -> None:
        pa = pyarrow()
        import pyarrow.compute as pc
        import pyarrow.parquet as pq

        self.ranges: dict[str, tuple[int, int]] = {}
        if not path.exists():
            self.table = None
            return
        # A batch at a time, the few ids and flags and the compared reports (a report's year-on-year
        # rows name the same one) as dictionaries, the batches kept as chunks:
        # read whole and combined, the file's decoding buffers and a second copy stayed with the
        # allocator, about 2.5 times the table (150 MB at 30,000 reports).
        file = pq.ParquetFile(path, read_dictionary=["indicator_id", "flags", "compared_with"])
        batches, start, offset, last = [], 0, 0, None
        for batch in file.iter_batches(self.READ_BATCH, columns=["report_id", *self.COLUMNS], use_threads=False):
            runs = pc.run_end_encode(batch.column("report_id"))
            for report_id, end in zip(runs.values.to_pylist(), runs.run_ends.to_pylist(), strict=True):
                if report_id == last:  # its rows go on from the last batch
                    self.ranges[report_id] = (self.ranges[report_id][0], offset + end)
                elif report_id in self.ranges:
                    raise ValueError(f"{path}: the rows of {report_id} are not together (the table must be sorted)")
                else:
                    self.ranges[report_id], last = (start, offset + end), report_id
                start = offset + end
            offset += len(batch)
            batches.append(batch.select(list(self.COLUMNS)))
        self.table = pa.Table.from_batches(batches) if batches else pq.read_table(path, columns=list(self.COLUMNS))
        pa.default_memory_pool().release_unused()  # what decoding the file took, kept by the allocator otherwise

    def get(self, report_id: str, default: dict | None = None) -> dict[str, IndicatorRow] | None:
        """One report's indicators by id (``default`` when it has none); do not modify it."""
        span = self.ranges.get(report_id)
        if span is None or self.table is None:
            return default
        return self._rows(*span)

    def many(self, report_ids: list[str]) -> list[dict[str, IndicatorRow]]:
        """Several reports' indicators (each must have some), converted in one go: for readers
        that go across the table (a province's reports of one year), not along it."""
        pa = pyarrow()

        spans = [self.ranges[report_id] for report_id in report_ids]
        columns = python_columns(self.table.take(pa.array([i for start, end in spans for i in range(start, end)],
                                                          type=pa.int64())), self.COLUMNS)
        out, at = [], 0
        for start, end in spans:
            out.append(_indicator_rows(*(column[at:at + end - start] for column in columns)))
            at += end - start
        return out

    @lru_cache(maxsize=256)  # noqa: B019 (one table per build) an agency's pages ask for the same reports
    def _rows(self, start: int, end: int) -> dict[str, IndicatorRow]:
        return _indicator_rows(*self._columns(start, end))

    def _columns(self, start: int, end: int) -> list[list]:
        """Rows ``start:end`` as Python lists, a column each: from their block when they lie in one."""
        first = start // self.BLOCK
        if (end - 1) // self.BLOCK == first:
            block, offset = self._block(first), first * self.BLOCK
            return [column[start - offset:end - offset] for column in block]
        return python_columns(self.table.slice(start, end - start), self.COLUMNS)  # a report across two blocks

    @lru_cache(maxsize=2)  # noqa: B019 (one table per build)
    def _block(self, number: int) -> list[list]:
        return python_columns(self.table.slice(number * self.BLOCK, self.BLOCK), self.COLUMNS)

    def digest(self, report_id: str) -> str:
        """A digest of one report's rows as the table holds them ("" for none): for keying its pages,
        without making its rows into ``IndicatorRow``s."""
        span = self.ranges.get(report_id)
        if span is None or self.table is None:
            return ""
        return hashlib.sha256(repr(self._columns(*span)).encode("utf-8")).hexdigest()

    def __getitem__(self, report_id: str) -> dict[str, IndicatorRow]:
        found = self.get(report_id)
        if found is None:
            raise KeyError(report_id)
        return found


@dataclass
class Derived:
    """The derived tables of the data package, grouped as the pages read them."""

    by_report: IndicatorTable
    # region → year → cell → row: read from the package as a table, given as a dict in tests
    regional: RegionalTable | dict[str, dict[str, dict[str, RegionalRow]]] = field(default_factory=dict)

    @classmethod
    def load(cls, data_dir: Path) -> Derived:
        return cls(IndicatorTable(data_dir / "indicators.parquet"), RegionalTable(data_dir / "regional_totals.parquet"))


class RegionalRow(NamedTuple):
    """A shown cell's regional total for one region and year (a tuple: there are ~10 per region-year)."""

    value: float | int | None
    reports_summed: int
    reports_unusable: int
    reports_in_year: int
    agencies_known: int


class RegionalTable:
    """The rows of regional_totals that region pages show (~200 cells per region and year are in the
    table; a page shows ten), kept as Arrow columns in region order with each region's row range:
    a region's rows become ``RegionalRow``s only when its page asks for them. As Python objects
    (region → year → cell → row) they took about 85 MB at 30,000 reports."""

    COLUMNS = ("year", "cell_id", *RegionalRow._fields)

    def __init__(self, path: Path) -> None:
        pa = pyarrow()
        import pyarrow.compute as pc
        import pyarrow.parquet as pq

        self.ranges: dict[str, tuple[int, int]] = {}
        self.table = None
        if not path.exists():
            return
        # Read a row group at a time, keeping only the shown cells: read whole, the table takes
        # hundreds of MB at national scale.
        shown_cells = pa.array([cell for cell, _ in REGION_CELLS])
        kept = [batch.filter(pc.is_in(batch.column("cell_id"), shown_cells))
                for batch in pq.ParquetFile(path).iter_batches(columns=["region_code", *self.COLUMNS])]
        if kept:
            # A stable sort: a region's years, and a year's cells, stay in the file's order.
            table = pa.Table.from_batches(kept).sort_by([("region_code", "ascending"), ("year", "ascending")])
            runs = pc.run_end_encode(table.column("region_code").combine_chunks())
            start = 0
            for code, end in zip(runs.values.to_pylist(), runs.run_ends.to_pylist(), strict=True):
                self.ranges[code], start = (start, end), end
            cells = pc.dictionary_encode(table.column("cell_id"))  # ten names, not a string a row
            self.table = table.select(list(self.COLUMNS)).set_column(1, "cell_id", cells).combine_chunks()
        del kept
        pa.default_memory_pool().release_unused()  # the decoded row groups, kept by the allocator otherwise

    def get(self, code: str, default: dict | None = None) -> dict[str, dict[str, RegionalRow]] | None:
        """One region's rows, year → cell → row (``default`` when it has none)."""
        span = self.ranges.get(code)
        if span is None or self.table is None:
            return default
        out: dict[str, dict[str, RegionalRow]] = defaultdict(dict)
        for year, cell, *values in zip(*python_columns(self.table.slice(span[0], span[1] - span[0]), self.COLUMNS),
                                       strict=True):
            out[str(year)][cell] = RegionalRow(*values)
        return out


# --- shown values -------------------------------------------------------------------------------


def shown(value: float | int | None, unit: str, change: bool = False) -> str:
    """A value as a reader reads it: ratios in per cent, changes with their sign."""
    if value is None:
        return "—"
    if unit == RATIO:
        text = f"{value * 100:+.1f}" if change else f"{value * 100:.1f}"
        return text + (" 个百分点" if change else "%")
    if isinstance(value, float) and not value.is_integer():
        return f"{value:+g}" if change else f"{value:g}"
    return f"{int(value):+d}" if change else str(int(value))


@dataclass
class IndicatorView:
    id: str
    name_zh: str
    formula_zh: str
    unit: str
    value: str
    numerator: str
    denominator: str
    flags: list[str]
    formula: str  # over cell ids
    table: str  # the form table the cells are in, for the link
    change: str
    compared_with: str | None


def report_indicators(derived: Derived, report: dict) -> list[IndicatorView]:
    """A report's indicators with their cells, for its page (anchors #ind-<id>)."""
    own = derived.by_report.get(report["report_id"], {})
    out = []
    for indicator in INDICATORS:
        row = own.get(indicator.id)
        if row is None:
            continue
        yoy = own.get(indicator.id + YOY_SUFFIX, EMPTY)
        out.append(IndicatorView(
            indicator.id, indicator.name_zh, indicator.formula_zh, indicator.unit,
            shown(row.value, indicator.unit), shown(row.numerator, catalogue.COUNT),
            shown(row.denominator, catalogue.COUNT) if indicator.denominator else "",
            [catalogue.FLAG_ZH[f] for f in row.flags],
            indicator.formula, indicator.numerator.plus[0].split(".", 1)[0],
            shown(yoy.value, indicator.unit, change=True), yoy.compared_with))
    return out


# --- agency pages: one chart per indicator over the years ---------------------------------------------


@dataclass
class Chart:
    indicator: catalogue.Indicator
    points: list[dict]  # year, report_id, value, text, flags

    def row(self, columns: list[dict]) -> list[dict | None]:
        """This indicator's points under the agency table's columns (None: the report has no row for it)."""
        by_report = {p["report_id"]: p for p in self.points}
        return [by_report.get(c["report_id"]) for c in columns]


def chart_columns(charts: list[Chart]) -> list[dict]:
    """The reports (year, report_id) any chart has a point for, oldest first: the columns of the
    agency page's one indicator table."""
    seen = {p["report_id"]: p for c in charts for p in c.points}
    return sorted(seen.values(), key=lambda p: (p["year"], p["report_id"]))


def agency_charts(derived: Derived, reports: list[dict]) -> list[Chart]:
    """For each indicator with at least one value: its values per year (site.js draws them as bars)."""
    out = []
    own = {r["report_id"]: derived.by_report.get(r["report_id"], {}) for r in reports}
    for indicator in INDICATORS:
        points = []
        for r in reports:
            row = own[r["report_id"]].get(indicator.id)
            if row is None:
                continue
            points.append({"year": r["year"], "report_id": r["report_id"], "value": row.value,
                           "text": shown(row.value, indicator.unit), "small": SMALL in row.flags,
                           "fraction": f"{shown(row.numerator, catalogue.COUNT)}/{shown(row.denominator, catalogue.COUNT)}"
                           if indicator.denominator else "",
                           "flags": [catalogue.FLAG_ZH[f] for f in row.flags]})
        if any(p["value"] is not None for p in points):
            out.append(Chart(indicator, points))
    return out


# --- region pages: regional totals with coverage ----------------------------------------------------


def region_totals(derived: Derived, code: str) -> list[dict]:
    """Per year (newest first): the shown cells' totals and coverage, from regional_totals."""
    out = []
    for year, cells in sorted(derived.regional.get(code, {}).items(), reverse=True):
        first = cells.get(COVERAGE_CELL) or next(iter(cells.values()))
        values = []
        for cell, label in REGION_CELLS:
            row = cells.get(cell)
            if row is None:
                values.append({"label": label, "text": "—", "tip": "本年度没有报告含此单元格"})
                continue
            values.append(_coverage(row) | {"label": label, "text": shown(_number(row.value), catalogue.COUNT)})
        out.append({"year": year, "values": values, "in_year": int(first.reports_in_year),
                    "known": int(first.agencies_known)})
    return out


def _coverage(row: RegionalRow) -> dict:
    """How much of the year's reports a total adds up. A report leaves a cell out when the
    cell is missing, blank or ambiguous, and also when it has no such cell: no form tables
    at all, or a form without it. A total that leaves any report out is partial."""
    summed, unusable = int(row.reports_summed), int(row.reports_unusable)
    formless = int(row.reports_in_year) - summed - unusable
    tip = "，".join([f"{summed} 份报告加总",
                     *([f"{unusable} 份此格缺失、空白或有歧义未能加总"] if unusable else []),
                     *([f"{formless} 份报告没有此格（未附表格，或所用表式不含此格）"] if formless else [])])
    return {"tip": tip, "partial": summed < int(row.reports_in_year)}


# --- compare data and pages ---------------------------------------------------------------------


def compare_rows(derived: Derived, reports: list[dict], agencies: dict[str, dict]) -> dict[tuple[str, str], dict]:
    """The compact data of every compare page, keyed by (year, province code)."""
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for r in reports:
        span = derived.by_report.ranges.get(r["report_id"])
        if span and span[1] > span[0]:
            groups[(r["year"], province_code(r))].append(r)
    out = {}
    for (year, province), group in sorted(groups.items()):
        names: dict[str, int] = {}

        def intern(text: str, names=names) -> int:
            return names.setdefault(text or "", len(names))

        rows = []
        province_name = group[0]["province"] or "地区未知"
        group.sort(key=lambda r: (r["city"], r["county"], r["agency_name"], r["report_id"]))
        for r, own in zip(group, derived.by_report.many([r["report_id"] for r in group]), strict=True):
            values = []
            for indicator in INDICATORS:
                row, yoy = own.get(indicator.id, EMPTY), own.get(indicator.id + YOY_SUFFIX, EMPTY)
                values.append([row.value, row.numerator, row.denominator, row.mask, yoy.value, yoy.mask])
            level = agencies.get(r["agency_id"], {}).get("level", "")
            rows.append([r["report_id"], intern(r["agency_name"]), intern(r["city"]), intern(r["county"]),
                         intern(level), intern(r["template"]), intern(r["badge"]), values])
        out[(year, province)] = {"year": int(year), "province": province_name,
                                 "names": list(names), "rows": rows}
    return out


class CompareGroup(NamedTuple):
    """What the other pages say of a compare page: its province, how many reports it compares and
    the forms they use (its rows are in its data file)."""

    province: str
    rows: int
    templates: tuple[str, ...]

    @classmethod
    def of(cls, group: dict) -> CompareGroup:
        return cls(group["province"], len(group["rows"]), tuple(sorted({group["names"][row[5]] for row in group["rows"]})))


def compare_json(group: dict) -> str:
    """A compare page's data file (compare/data/<year>/<province>.json)."""
    return json.dumps(group, ensure_ascii=False, separators=(",", ":"))


def definitions_json() -> dict:
    return {"indicators": [{"id": i.id, "name": i.name_zh, "unit": i.unit, "formula": i.formula_zh,
                            "min": i.min_denominator} for i in INDICATORS],
            "flags": [[f, FLAG_BITS[f], catalogue.FLAG_ZH[f]] for f in catalogue.FLAGS]}
