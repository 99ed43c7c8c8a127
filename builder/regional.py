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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache

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


@cache
def _summed_cells(template: str) -> tuple[str, ...]:
    """The cells of a form that regional totals add up: tables 3 and 4."""
    return tuple(cell.id for cell in forms.cells(template) if cell.table != "t2")


@dataclass(slots=True)
class _Total:
    value: float | int = 0
    summed: int = 0
    unusable: int = 0


@dataclass
class _Group:
    """One region's totals of one year."""

    reports: int = 0
    totals: dict[str, _Total] = field(default_factory=dict)


class RegionalTotals:
    """Regional totals added up one report at a time: what is kept is one total per
    region, year and cell, and the agencies seen per region, never the reports.
    Reports are added in any order; ``rows`` sorts by year, region and cell."""

    def __init__(self) -> None:
        self.known: dict[str, set[str]] = defaultdict(set)
        self.names: dict[str, RegionRef] = {}
        self.groups: dict[tuple[int, str], _Group] = defaultdict(_Group)

    def add(self, report) -> None:
        regions = regions_of_agency(report.agency)
        if not regions:
            return
        cells = [(cell_id, report.cells[cell_id]) for cell_id in _summed_cells(report.template)]
        for region in regions:
            self.known[region.code].add(report.agency.agency_id)
            self.names.setdefault(region.code, region)
            group = self.groups[(report.year, region.code)]
            group.reports += 1
            totals = group.totals
            for cell_id, value in cells:
                total = totals.get(cell_id)
                if total is None:
                    total = totals[cell_id] = _Total()
                if value.status in USABLE and value.value is not None:
                    total.value += value.value
                    total.summed += 1
                else:
                    total.unusable += 1

    def rows(self) -> Iterator[tuple]:
        """Rows of ``regional_totals``: (year, region_code, region_level, region_name, cell_id, value,
        reports_summed, reports_unusable, reports_in_year, agencies_known), sorted by year, region and cell."""
        order = _cell_order()
        for (year, code), group in sorted(self.groups.items()):
            region = self.names[code]
            agencies = len(self.known[code])
            for cell_id in sorted(group.totals, key=order.__getitem__):
                t = group.totals[cell_id]
                yield (year, code, region.level, region.name, cell_id, t.value if t.summed else None,
                       t.summed, t.unusable, group.reports, agencies)


def regional_rows(reports: Iterable) -> list[tuple]:
    """Rows of ``regional_totals`` for these reports (see ``RegionalTotals``)."""
    totals = RegionalTotals()
    for report in reports:
        totals.add(report)
    return list(totals.rows())
