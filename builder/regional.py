"""Regional totals: tables 3 and 4 summed over the reports of each county, city and province.

These are sums over the reports this corpus holds, not official statistics:
every total carries its coverage (how many reports it adds up, how many of
that year's reports could not be added because the cell was unusable, and how
many agencies the corpus knows in the region), so a reader can see how much
of the region it covers. Reports that already aggregate their subordinate
bodies are summed like any other, which the page and the schema say.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from . import forms
from .checks import USABLE

LEVELS = ("province", "city", "county")
LEVEL_ZH = {"province": "省级", "city": "地级", "county": "县级"}
UNKNOWN_REGION = "000000"


@dataclass(frozen=True)
class RegionRef:
    code: str
    level: str
    name: str


def regions_of_agency(agency) -> list[RegionRef]:
    """The province, city and county an agency belongs to, by 行政区划代码 (as the region pages group them)."""
    code = agency.adcode
    if not code or code == UNKNOWN_REGION:
        return []
    out = [RegionRef(code[:2] + "0000", "province", agency.province or code[:2] + "0000")]
    if agency.city:
        out.append(RegionRef(code[:4] + "00", "city", agency.city))
    if agency.county:
        out.append(RegionRef(code, "county", agency.county))
    return out


def _cell_order() -> dict[str, int]:
    return {cell: index for index, cell in enumerate(c for c in forms.all_cells() if c.startswith(("t3.", "t4.")))}


@dataclass
class _Total:
    value: float | int = 0
    summed: int = 0
    unusable: int = 0


def regional_rows(reports: list) -> list[tuple]:
    """Rows of ``regional_totals``: (year, region_code, region_level, region_name, cell_id, value,
    reports_summed, reports_unusable, reports_in_year, agencies_known), sorted by year, region and cell."""
    known: dict[str, set[str]] = defaultdict(set)
    names: dict[str, RegionRef] = {}
    per_year: dict[tuple[int, str], list] = defaultdict(list)
    for report in reports:
        for region in regions_of_agency(report.agency):
            known[region.code].add(report.agency.agency_id)
            names.setdefault(region.code, region)
            per_year[(report.year, region.code)].append(report)
    order = _cell_order()
    rows: list[tuple] = []
    for (year, code), group in sorted(per_year.items()):
        totals: dict[str, _Total] = {}
        for report in group:
            for cell in forms.cells(report.template):
                if cell.table == "t2":
                    continue
                total = totals.setdefault(cell.id, _Total())
                value = report.cells[cell.id]
                if value.status in USABLE and value.value is not None:
                    total.value += value.value
                    total.summed += 1
                else:
                    total.unusable += 1
        region = names[code]
        for cell_id in sorted(totals, key=order.__getitem__):
            t = totals[cell_id]
            rows.append((year, code, region.level, region.name, cell_id, t.value if t.summed else None,
                         t.summed, t.unusable, len(group), len(known[code])))
    return rows
