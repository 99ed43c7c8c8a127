"""Regional totals: tables 3 and 4 summed over the reports of each county, city and province.

These are sums over the reports this corpus holds, not official statistics:
every total carries its coverage (how many reports it adds up, how many of
that year's reports could not be added because the cell was unusable, and how
many agencies the corpus knows in the region), so a reader can see how much
of the region it covers. Reports that already aggregate their subordinate
bodies are summed like any other, which the page and the schema say.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

import numpy as np

from .. import forms
from ..checks import USABLE

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
    if agency.city and agency.city != agency.province:  # (a municipality, its own city: one region page)
        out.append(RegionRef(code[:4] + "00", "city", agency.city))
    if agency.county:
        out.append(RegionRef(code, "county", agency.county))
    return out


def _cell_order() -> dict[str, int]:
    return {cell: index for index, cell in enumerate(c for c in forms.all_cells() if c.startswith(("t3.", "t4.")))}


@cache
def _summed_cells(template: str) -> tuple[tuple[str, int], ...]:
    """The cells of a form that regional totals add up (tables 3 and 4), with their place in the cell order."""
    order = _cell_order()
    return tuple((cell.id, order[cell.id]) for cell in forms.cells(template) if cell.table != "t2")


class _Group:
    """One region's totals of one year, a slot per cell of tables 3 and 4 (in cell order):
    the sum, how many reports it adds up and how many could not be added. A cell no
    report of the group has is neither summed nor unusable, and gives no row."""

    __slots__ = ("reports", "summed", "unusable", "values")

    def __init__(self, size: int) -> None:
        self.reports = 0
        # Sums as floats: exact for counts (integers below 2**53), and added in report order as before.
        # NumPy: a build merges an agency's groups at a time, some 10⁴ groups of hundreds of cells.
        self.values = np.zeros(size, np.float64)
        self.summed = np.zeros(size, np.uint32)
        self.unusable = np.zeros(size, np.uint32)


class RegionalTotals:
    """Regional totals added up one report at a time: what is kept is one small group of
    sums per region and year, and the agencies seen per region, never the reports.
    Reports are added in any order, and totals of other reports merged (an agency's at a
    time, in a build); ``parts`` sorts by year, region and cell."""

    def __init__(self) -> None:
        self.cells = list(_cell_order())
        self.known: dict[str, set[str]] = defaultdict(set)
        self.names: dict[str, RegionRef] = {}
        self.groups: dict[tuple[int, str], _Group] = {}

    def add(self, report) -> None:
        regions = regions_of_agency(report.agency)
        if not regions:
            return
        usable, values, unusable = [], [], []
        for cell_id, index in _summed_cells(report.template):
            value = report.cells[cell_id]
            if value.status in USABLE and value.value is not None:
                usable.append(index)
                values.append(value.value)
            else:
                unusable.append(index)
        for region in regions:
            self.known[region.code].add(report.agency.agency_id)
            self.names.setdefault(region.code, region)
            group = self.groups.get((report.year, region.code))
            if group is None:
                group = self.groups[(report.year, region.code)] = _Group(len(self.cells))
            group.reports += 1
            group.values[usable] += values  # a cell once per report: no index repeats
            group.summed[usable] += 1
            group.unusable[unusable] += 1

    def merge(self, other: RegionalTotals) -> None:
        """Add another set of totals (of other reports) to these."""
        for code, agencies in other.known.items():
            self.known[code] |= agencies
        for code, region in other.names.items():
            self.names.setdefault(code, region)
        for key, theirs in other.groups.items():
            group = self.groups.get(key)
            if group is None:
                group = self.groups[key] = _Group(len(self.cells))
            group.reports += theirs.reports
            group.values += theirs.values
            group.summed += theirs.summed
            group.unusable += theirs.unusable

    def parts(self) -> Iterator[tuple[str, Callable[[], list[list]]]]:
        """Rows of ``regional_totals``: (year, region_code, region_level, region_name, cell_id, value,
        reports_summed, reports_unusable, reports_in_year, agencies_known), sorted by year, region and
        cell, in parts, a province's regions of one year each:
        a digest of what the part's rows are made of, and a function making them (as columns), so that
        the encoded rows of a part that did not change can be kept (``builder.datasets.fragments``)."""
        for _, part in itertools.groupby(sorted(self.groups), key=lambda key: (key[0], key[1][:2])):
            keys = list(part)
            digest = hashlib.sha256("\t".join(self.cells).encode())
            for key in keys:
                group, code = self.groups[key], key[1]
                digest.update(repr((key, self.names[code], len(self.known[code]), group.reports)).encode())
                digest.update(group.values.tobytes() + group.summed.tobytes() + group.unusable.tobytes())
            yield digest.hexdigest(), functools.partial(self._columns, keys)

    def _columns(self, keys: list[tuple[int, str]]) -> list[list]:
        """The rows of these groups as columns, a group's slice of each at a time: a part holds
        hundreds of thousands of rows at national scale, never made into tuples."""
        columns: list[list] = [[] for _ in range(10)]
        year_, code_, level_, name_, cell_, value_, summed_, unusable_, reports_, agencies_ = columns
        for year, code in keys:
            group, region = self.groups[(year, code)], self.names[code]
            present = np.flatnonzero(group.summed | group.unusable)  # cells some report has
            count, summed = len(present), group.summed[present].tolist()
            year_ += [year] * count
            code_ += [code] * count
            level_ += [region.level] * count
            name_ += [region.name] * count
            cell_ += [self.cells[index] for index in present.tolist()]
            value_ += [value if times else None for value, times in zip(group.values[present].tolist(), summed)]
            summed_ += summed
            unusable_ += group.unusable[present].tolist()
            reports_ += [group.reports] * count
            agencies_ += [len(self.known[code])] * count
        return columns
