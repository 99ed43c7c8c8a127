"""Compare pages and agency indicator charts in headless Chromium, on a synthetic corpus
of several provinces and years: filter, sort, CSV export, charts with their tables."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from builder.build import build
from builder.datasets.indicators import INDICATOR_INDEX, INDICATORS, SMALL
from builder.site.compare import shown
from builder.synthetic_corpus import write_corpus

from .test_compare_data import read
from .test_site_browser import AXE, Site, browser, read_reports, recording, serve  # noqa: F401 (browser: fixture)

pytestmark = pytest.mark.browser
YEAR, PROVINCE, PROVINCE_CODE = "2022", "宁夏回族自治区", "640000"
PHONE = {"width": 390, "height": 844}
DENIED = [i.id for i in INDICATORS].index("denied_share")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Iterator[Site]:
    root = tmp_path_factory.mktemp("compare-site")
    write_corpus(root / "corpus", range(2021, 2024), provinces=3, bodies=3, seed=11)
    build(root / "corpus", root / "site", say=lambda _: None)
    with serve(root / "site") as base:
        yield Site(root / "site", base, read_reports(root / "site"))


@pytest.fixture
def session(browser):  # noqa: F811
    with recording(browser, accept_downloads=True) as session:
        yield session


def indicators(site: Site) -> dict[tuple[str, str], dict]:
    return {(r["report_id"], r["indicator_id"]): r for r in read(site.folder / "data" / "indicators.csv")}


def open_compare(session, site: Site, query: str = ""):
    page = session.open(site.url(f"compare/{YEAR}/{PROVINCE_CODE}/{query}"))
    page.set_viewport_size(PHONE)
    page.wait_for_function("() => !document.getElementById('compare-status').textContent.startsWith('正在')")
    return page


ROWS_JS = """() => [...document.querySelectorAll('#compare-table tbody tr')].map(tr => ({
  rank: tr.cells[0].textContent, report: tr.cells[4].querySelector('a').getAttribute('href'),
  values: [...tr.cells].slice(5).map(td => ({text: td.textContent, small: td.classList.contains('small'),
                                             href: td.querySelector('a').getAttribute('href')}))}))"""


def report_ids(rows: list[dict]) -> list[str]:
    return [r["report"].split("reports/", 1)[1].rstrip("/") for r in rows]


def test_compare_page_filter_sort_and_csv(session, site):
    in_scope = [r for r in site.reports if r["year"] == YEAR and r["province"] == PROVINCE]
    agencies = {a["agency_id"]: a for a in read(site.folder / "data" / "agencies.csv")}
    values = indicators(site)
    page = open_compare(session, site)
    rows = page.evaluate(ROWS_JS)
    assert sorted(report_ids(rows)) == sorted(r["report_id"] for r in in_scope)
    # On a phone the filters and the table fit the screen; the table scrolls inside its frame.
    for selector in ("#compare-filters", ".compare-wrap", "#compare-csv"):
        assert page.eval_on_selector(selector, "e => e.getBoundingClientRect().right") <= PHONE["width"], selector
    # Every number is the published value and links to its report's indicator, which shows the same number.
    first = rows[0]
    for indicator, cell in zip(INDICATORS, first["values"]):
        row = values[(report_ids([first])[0], indicator.id)]
        expected = shown(float(row["value"]) if row["value"] else None, indicator.unit)
        assert cell["text"].replace("（分母过小，不参与排名）", "") == expected
        assert cell["href"].endswith(f"reports/{report_ids([first])[0]}/#ind-{indicator.id}")
    target = session.open(page.url.split("compare/")[0] + first["values"][DENIED]["href"].split("../")[-1])
    assert target.locator("#ind-denied_share td").first.inner_text() == first["values"][DENIED]["text"]
    # … and links to the one table that names the cells each indicator is computed from.
    target.locator("article a[href$='compare/#formulas']").click()
    assert INDICATOR_INDEX["denied_share"].formula_zh in target.locator("#formula-denied_share td").first.inner_text()

    # Sort by the share denied: rankable rows by value, highest first; small denominators last, unranked.
    page.click(f"#compare-table th[data-key='{DENIED}'] button")
    rows = page.evaluate(ROWS_JS)
    ids = report_ids(rows)
    ranked = sorted((r for r in in_scope if values[(r["report_id"], "denied_share")]["value"]
                     and SMALL not in values[(r["report_id"], "denied_share")]["flags"]),
                    key=lambda r: (-float(values[(r["report_id"], "denied_share")]["value"]), r["report_id"]))
    assert ranked, "the synthetic corpus should have rankable shares"
    assert ids[:len(ranked)] == [r["report_id"] for r in ranked]
    assert rows[0]["rank"] == "1"
    assert all(r["rank"] == "" for r in rows[len(ranked):])
    assert page.locator(f"#compare-table th[data-key='{DENIED}']").get_attribute("aria-sort") == "descending"
    page.click(f"#compare-table th[data-key='{DENIED}'] button")
    assert report_ids(page.evaluate(ROWS_JS))[:len(ranked)] == [r["report_id"] for r in reversed(ranked)]

    # Filter: departments of one county.
    county = in_scope[0]["county"]
    page.select_option("#compare-filters select[name=level]", "部门")
    page.select_option("#compare-filters select[name=region]", county)
    wanted = sorted(r["report_id"] for r in in_scope
                    if r["county"] == county and agencies[r["agency_id"]]["level"] == "部门")
    assert wanted and sorted(report_ids(page.evaluate(ROWS_JS))) == wanted
    assert page.locator("#compare-status").inner_text().startswith(f"{len(wanted)} 个机关")

    # The filtered view as CSV: the same rows, in the order shown, with the published values.
    shown_ids = report_ids(page.evaluate(ROWS_JS))
    with page.expect_download() as info:
        page.click("#compare-csv")
    text = Path(info.value.path()).read_text(encoding="utf-8")
    assert text.startswith("\ufeff")
    table = list(csv.DictReader(io.StringIO(text[1:])))
    assert [r["报告编号"] for r in table] == shown_ids
    name = INDICATOR_INDEX["denied_share"].name_zh
    for r in table:
        published = values[(r["报告编号"], "denied_share")]
        assert (float(r[name]) if r[name] else None) == (
            float(published["value"]) if published["value"] else None)
        assert r[f"{name} 分母"] == published["denominator"]
        assert not re.search(r"[a-z]_[a-z]", r[f"{name} 标记"])  # flags in Chinese, no ids
        assert r["层级"] == "部门"


def test_compare_page_from_the_address_and_hostile_names(session, site):
    data_file = site.folder / "compare" / "data" / YEAR / f"{PROVINCE_CODE}.json"
    original = data_file.read_text(encoding="utf-8")
    data = json.loads(original)
    hostile = ['=HYPERLINK("http://example.com","x")', "<img src=x onerror=alert(1)>", "+1", "@SUM(1)", "-2"]
    for index, name in enumerate(hostile):
        data["names"][data["rows"][index][1]] = name
    try:
        data_file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        page = open_compare(session, site, "?mode=yoy&sort=granted_share&order=asc")
        assert page.locator("#compare-filters select[name=mode]").input_value() == "yoy"
        header = [i.id for i in INDICATORS].index("granted_share")
        assert page.locator(f"#compare-table th[data-key='{header}']").get_attribute("aria-sort") == "ascending"
        assert page.locator("#compare-table img").count() == 0
        names = page.eval_on_selector_all("#compare-table tbody th", "els => els.map(e => e.textContent)")
        assert set(hostile) <= set(names)
        with page.expect_download() as info:
            page.click("#compare-csv")
        table = list(csv.DictReader(io.StringIO(info.value.path().read_text(encoding="utf-8")[1:])))
        names = {r["机关"] for r in table}
        assert {"'" + n for n in hostile if n[0] in "=+-@"} <= names
        assert not {n for n in names if n[:1] in "=+-@"}
    finally:
        data_file.write_text(original, encoding="utf-8")


def test_compare_index_links_every_year_and_province(session, site):
    page = session.open(site.url("compare/"))
    links = set(page.eval_on_selector_all("article a", "els => els.map(a => a.getAttribute('href'))"))
    expected = {f"{r['year']}/{r['adcode'][:2]}0000/" for r in site.reports}
    assert expected <= links


def test_agency_page_charts_and_tables(session, site):
    values = indicators(site)
    by_agency: dict[str, list[dict]] = {}
    for r in site.reports:
        by_agency.setdefault(r["agency_id"], []).append(r)
    agency_id, reports = max(by_agency.items(), key=lambda item: (len(item[1]), item[0]))
    reports.sort(key=lambda r: r["year"])
    page = session.open(site.url(f"agencies/{agency_id}/"))
    page.set_viewport_size(PHONE)
    # The outcome chart is drawn from its table: a bar segment per non-zero outcome, a dot per year received.
    table = page.eval_on_selector_all("#outcome-table tbody tr", "rows => rows.map(r => [...r.cells].map(c => c.textContent))")
    assert [row[0] for row in table] == [r["year"] for r in reports]
    outcomes = [v for row in table for v in row[2:-1] if v not in ("—", "0")]
    assert outcomes and page.locator("#outcome-chart svg[role=img] rect").count() == len(outcomes)
    assert page.locator("#outcome-chart svg circle").count() == sum(1 for row in table if row[1] != "—")
    # One table: a column per year (its heading links to that year's report), a row per indicator charted.
    years = page.locator("#indicator-years thead th a")
    assert years.all_inner_texts() == [r["year"] for r in reports]
    for index, r in enumerate(reports):
        assert years.nth(index).get_attribute("href").endswith(f"reports/{r['report_id']}/#indicators")
    for indicator in INDICATORS:
        figure, row = page.locator(f"#chart-{indicator.id}"), page.locator(f"#row-{indicator.id}")
        points = [values[(r["report_id"], indicator.id)] for r in reports]
        if not any(p["value"] for p in points):
            assert figure.count() == 0 and row.count() == 0
            continue
        assert figure.locator("svg[role=img]").count() == 1
        # site.js draws the chart from the table: a bar per value, labelled with the value the table shows,
        # hatched when the denominator is too small to rank.
        assert figure.locator("svg rect[y]").count() == sum(1 for p in points if p["value"])
        labels = figure.locator("svg text:not(.y)").all_text_contents()
        assert labels == [shown(float(p["value"]) if p["value"] else None, indicator.unit) for p in points]
        assert figure.locator("svg rect.h").count() == sum(1 for p in points if p["value"] and SMALL in (p["flags"] or ""))
        assert row.locator("th").inner_text() == indicator.name_zh
        cells = row.locator("td")
        assert cells.count() == len(reports)
        for index, p in enumerate(points):
            text = cells.nth(index).inner_text()
            assert text.split("\n")[0] == shown(float(p["value"]) if p["value"] else None, indicator.unit)
            if SMALL in (p["flags"] or ""):
                assert "分母过小" in text


def test_compare_page_accessibility(session, site):
    page = open_compare(session, site)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    serious = [v for v in result["violations"] if v["impact"] in ("serious", "critical")]
    assert not serious, [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in serious]
