"""An agency page's charts: drawn only when there is something to draw."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.datasets.indicators import INDICATORS
from builder.site import pages as site
from builder.site.compare import Derived, IndicatorRow
from builder.site.data import OUTCOME_GROUPS, Outcomes, SiteData


def agency_page(tmp_path: Path, received: int | None, value: float, outcome: int | None = 0) -> str:
    """The page of an agency with two reports, each with ``received`` requests (every outcome
    ``outcome``; None: not read) and one indicator of ``value``."""
    reports = [{"report_id": f"a/{year}", "agency_id": "a", "agency_name": "某县教育局", "year": str(year),
                "template": "gov-2021", "badge": "一致", "summary": "一致：表格各项勾稽关系均成立"}
               for year in (2022, 2023)]
    agency = {"agency_id": "a", "name": "某县教育局", "names_seen": "", "adcode": "", "province": "", "city": "",
              "county": "", "level": "区县"}
    data = SiteData(tmp_path, tmp_path, "", {"created": "2024-01-01T00:00:00Z"}, reports, {"a": agency}, [],
                         {r["report_id"]: Outcomes(received, received, (outcome,) * len(OUTCOME_GROUPS))
                          for r in reports}, {}, {})
    data.derived = Derived({r["report_id"]: {INDICATORS[0].id: IndicatorRow(value, value, 10, (), None)}
                            for r in reports})
    return site.Pages(data).agency_page(agency, reports)[2]


@pytest.mark.parametrize(("received", "value", "drawn"), [(0, 0.0, False), (3, 0.5, True)])
def test_an_agency_whose_figures_are_all_zero_says_so_instead_of_empty_charts(tmp_path, received, value, drawn):
    page = agency_page(tmp_path, received, value)
    assert ('id="outcome-chart"' in page) is drawn and ("indicator-charts" in page) is drawn
    assert page.count("不作图") == (0 if drawn else 2)
    assert 'id="outcome-table"' in page and 'id="indicator-years"' in page  # the figures are in the tables still


def test_an_agency_whose_table_3_was_not_read_is_not_said_to_have_none(tmp_path):
    """Its outcomes are unknown, not 0: the page said every year's requests and outcomes were 0."""
    page = agency_page(tmp_path, received=None, value=0.0, outcome=None)
    assert "表三“总计”列没有读出，不作图。" in page and "均为 0" not in page.split('id="indicator')[0]
