"""Comparisons on the site: compare pages per year and province, indicator charts on
agency pages, indicators on report pages and regional totals on region pages.

Everything is read from the data package (indicators, indicator_definitions,
regional_totals). A compare page is a small shell; its rows are loaded from
compare/data/<year>/<province code>.json, so no page or file grows with the
whole corpus, only with the agencies of one province in one year.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from . import indicators as catalogue
from . import search
from .indicators import INDICATORS, RATIO, SMALL, YOY_SUFFIX

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


def _num(text: str) -> float | int | None:
    if text in ("", None):
        return None
    value = float(text)
    return int(value) if value.is_integer() else value


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

    @classmethod
    def parse(cls, value: str, numerator: str, denominator: str, flags: str, compared_with: str) -> IndicatorRow:
        return cls(_num(value), _num(numerator), _num(denominator), tuple(flags.split()), compared_with or None)

    @property
    def mask(self) -> int:
        return sum(FLAG_BITS[f] for f in self.flags)


EMPTY = IndicatorRow(None, None, None, (), None)


def read_indicators(path: Path) -> dict[str, dict[str, IndicatorRow]]:
    """indicators.csv by report and indicator, read row by row (it is the largest table the site reads)."""
    out: dict[str, dict[str, IndicatorRow]] = defaultdict(dict)
    if not path.exists():
        return out
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        names = next(reader)
        at = [names.index(n) for n in ("report_id", "indicator_id", "value", "numerator", "denominator", "flags",
                                       "compared_with")]
        for row in reader:
            report_id, indicator_id, *rest = (row[i] for i in at)
            out[report_id][indicator_id] = IndicatorRow.parse(*rest)
    return out


@dataclass
class Derived:
    """The derived tables of the data package, grouped as the pages read them."""

    by_report: dict[str, dict[str, IndicatorRow]]
    regional: dict[str, dict[str, dict[str, dict]]] = field(default_factory=dict)  # region → year → cell → row

    @classmethod
    def load(cls, data_dir: Path) -> Derived:
        return cls(read_indicators(data_dir / "indicators.csv"), read_regional(data_dir / "regional_totals.parquet"))


def read_regional(path: Path) -> dict[str, dict[str, dict[str, dict]]]:
    """The rows of regional_totals that region pages show (~200 cells per region and year are in the
    table; a page shows ten), read from its Parquet file with only those rows."""
    import pyarrow.parquet as pq

    regional: dict[str, dict[str, dict[str, dict]]] = defaultdict(lambda: defaultdict(dict))
    if not path.exists():
        return regional
    table = pq.read_table(path, filters=[("cell_id", "in", [cell for cell, _ in REGION_CELLS])],
                          columns=["year", "region_code", "cell_id", "value", "reports_summed", "reports_unusable",
                                   "reports_in_year", "agencies_known"])
    for row in table.to_pylist():
        regional[row["region_code"]][str(row["year"])][row["cell_id"]] = row
    return regional


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
    for indicator in INDICATORS:
        points = []
        for r in reports:
            row = derived.by_report.get(r["report_id"], {}).get(indicator.id)
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
            summed, unusable = int(row["reports_summed"]), int(row["reports_unusable"])
            tip = f"{summed} 份报告加总" + (f"，{unusable} 份此格缺失、空白或有歧义未能加总" if unusable else "")
            values.append({"label": label, "text": shown(_num(row["value"]), catalogue.COUNT), "tip": tip,
                           "partial": bool(unusable), "summed": summed})
        out.append({"year": year, "values": values, "summed": int(first["reports_summed"]),
                    "in_year": int(first["reports_in_year"]), "known": int(first["agencies_known"])})
    return out


# --- compare data and pages ---------------------------------------------------------------------


def compare_rows(derived: Derived, reports: list[dict], agencies: dict[str, dict]) -> dict[tuple[str, str], dict]:
    """The compact data of every compare page, keyed by (year, province code)."""
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for r in reports:
        if derived.by_report.get(r["report_id"]):
            groups[(r["year"], province_code(r))].append(r)
    out = {}
    for (year, province), group in sorted(groups.items()):
        names: dict[str, int] = {}

        def intern(text: str, names=names) -> int:
            return names.setdefault(text or "", len(names))

        rows = []
        for r in sorted(group, key=lambda r: (r["city"], r["county"], r["agency_name"], r["report_id"])):
            own = derived.by_report[r["report_id"]]
            values = []
            for indicator in INDICATORS:
                row, yoy = own.get(indicator.id, EMPTY), own.get(indicator.id + YOY_SUFFIX, EMPTY)
                values.append([row.value, row.numerator, row.denominator, row.mask, yoy.value, yoy.mask])
            level = agencies.get(r["agency_id"], {}).get("level", "")
            rows.append([r["report_id"], intern(r["agency_name"]), intern(r["city"]), intern(r["county"]),
                         intern(level), intern(r["template"]), intern(r["badge"]), values])
        out[(year, province)] = {"year": int(year), "province": group[0]["province"] or "地区未知",
                                 "names": list(names), "rows": rows}
    return out


def definitions_json() -> dict:
    return {"indicators": [{"id": i.id, "name": i.name_zh, "unit": i.unit, "formula": i.formula_zh,
                            "min": i.min_denominator} for i in INDICATORS],
            "flags": [[f, FLAG_BITS[f], catalogue.FLAG_ZH[f]] for f in catalogue.FLAGS]}


def write_compare_data(site: Path, pages: dict[tuple[str, str], dict]) -> dict[str, int]:
    """compare/data/<year>/<province>.json and compare/data/indicators.json; returns the sizes."""
    folder = site / "compare" / "data"
    folder.mkdir(parents=True, exist_ok=True)
    sizes = {}
    text = json.dumps(definitions_json(), ensure_ascii=False, separators=(",", ":"))
    (folder / "indicators.json").write_text(text, encoding="utf-8")
    for (year, province), data in pages.items():
        path = folder / year / f"{province}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        path.write_text(text, encoding="utf-8")
        sizes[f"{year}/{province}"] = len(text.encode("utf-8"))
    return sizes
