"""The site as the public sees it: navigation, footer, about, 404, titles, provenance
and the 报告错误 links, on a site built with a repository URL and a sources.csv."""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Iterator
from urllib.parse import parse_qs, urljoin, urlparse

import lxml.html
import pytest

from builder.build import build
from builder.site.data import repository_url
from builder.site.pages import provenance

from .conftest import CORPUS, CORPUS_FILES
from .test_site_browser import GUYUAN, PENGYANG, Site, browser, read_reports, recording, serve  # noqa: F401

REPO = "https://github.com/example/gov-reports"
OFFICIAL = "https://www.pengyang.gov.cn/xxgk/ndbg/202301/t20230115_1.html"
# A report's text (and so its sources row) is untrusted: a script URL must never become a link.
HOSTILE_URL = "javascript:alert(1)"
INTERNAL = ("gov-2021", "gov-2019", "pre-2019", "not_applicable", "error", "warning", "pass", "fail")


@pytest.fixture(scope="module")
def public(tmp_path_factory) -> Iterator[Site]:
    corpus = tmp_path_factory.mktemp("public-corpus")
    for name in CORPUS_FILES:
        shutil.copy(CORPUS / name, corpus / name)
    with (corpus / "sources.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["file", "url", "retrieved", "note"])
        writer.writerow([PENGYANG, OFFICIAL, "2024-03-05", ""])
        writer.writerow([GUYUAN, HOSTILE_URL, "", ""])  # bad dates: harden rejects the row
    out = tmp_path_factory.mktemp("public") / "site"
    build(corpus, out, say=lambda _: None, repo_url=REPO + "/")
    with serve(out) as base:
        yield Site(out, base, read_reports(out))


def tree(site: Site, path: str):
    return lxml.html.fromstring((site.folder / path).read_text(encoding="utf-8"))


def visible_text(page) -> str:
    for hidden in page.xpath("//script | //style | //code | //head"):
        hidden.drop_tree()
    return " ".join(page.text_content().split())


def report_page(site: Site, source: str):
    return tree(site, f"reports/{site.report(source)['report_id']}/index.html")


def test_public_navigation_footer_and_titles(public):
    home = tree(public, "index.html")
    tabs = [a.text_content().strip() for a in home.xpath("//nav[contains(@class, 'md-tabs')]//a")]
    assert "关于" in tabs and "命令行" not in tabs and "性能" not in tabs, tabs
    assert not (public.folder / "cli").exists() and not (public.folder / "benchmarks").exists()
    assert [h.text_content() for h in home.xpath("//article//h1")] == ["政府信息公开年报数据"]
    assert home.findtext(".//title").startswith("政府信息公开年报数据：")
    date = json.loads((public.folder / "data" / "datapackage.json").read_text(encoding="utf-8"))["created"][:10]
    for path in ("index.html", "about/index.html", f"reports/{public.report(PENGYANG)['report_id']}/index.html",
                 "regions/index.html", "rules/t3.balance/index.html"):
        footer = tree(public, path).xpath("//footer")[-1]
        text = footer.text_content()
        assert "Material for MkDocs" not in text and "MIT" in text and "CC BY 4.0" in text, path
        assert f"数据日期 {date}" in text and "政府信息公开年报数据项目" in text, path
        links = {a.text_content(): a.get("href") for a in footer.xpath(".//a")}
        assert links["报告错误"] == REPO + "/issues/new" and links["源代码"] == REPO, path
        assert urljoin(f"http://x/{path}", links["关于本站"]) == "http://x/about/", path
    about = tree(public, "about/index.html")
    assert about.findtext(".//title") == "关于本站 - 政府信息公开年报数据"
    text = visible_text(about)
    for wanted in ("这是什么", "由谁维护", "MIT", "CC BY 4.0", "发现错误怎么办", "数据日期", date):
        assert wanted in text, wanted


def test_no_internal_codes_where_a_reader_looks(public):
    row = public.report(PENGYANG)
    pages = [f"reports/{r['report_id']}/index.html" for r in public.reports]
    pages += [f"agencies/{row['agency_id']}/index.html", "rules/index.html", "rules/t3.balance/index.html",
              "index.html", "about/index.html"]
    for path in pages:
        text = visible_text(tree(public, path))
        found = [code for code in INTERNAL if code in text]
        assert not found, f"{path} shows {found}"
    assert "2021 年版表格" in visible_text(tree(public, f"agencies/{row['agency_id']}/index.html"))


def test_404_is_chinese(public):
    page = tree(public, "404.html")
    assert page.findtext(".//title") == "找不到页面 - 政府信息公开年报数据"
    assert page.xpath("//article//h1")[0].text_content() == "找不到这个页面"
    assert "Not found" not in page.text_content()


def provenance_of(site: Site, source: str) -> dict[str, str]:
    page = report_page(site, source)
    dl = page.xpath("//dl[@class='provenance']")[0]
    return {dt.text_content(): dd for dt, dd in zip(dl.xpath("dt"), dl.xpath("dd"), strict=True)}


def test_provenance_on_the_report_page(public):
    shown = provenance_of(public, PENGYANG)
    assert shown["原始网址"].xpath("a/@href") == [OFFICIAL] and shown["获取日期"].text_content() == "2024-03-05"
    for source in (GUYUAN, CORPUS_FILES[1]):  # a script URL; no URL at all
        shown = provenance_of(public, source)
        assert shown["原始网址"].text_content() == "原始网址未记录" and not shown["原始网址"].xpath("a")
        assert "获取日期" not in shown and "存档副本" not in shown and "发布页面" not in shown
        assert shown["SHA-256"].text_content() == public.document(public.report(source))["source"]["sha256"]
    assert not any(HOSTILE_URL in p.read_text(encoding="utf-8").split("原始网址")[-1]
                   for p in public.folder.glob("reports/*/*/index.html") if 'href="javascript' in p.read_text())


def test_provenance_shows_what_is_known_and_valid():
    report = {"source_url": "http://gov.cn/a", "retrieved": "2024-02-30", "archive_url": "https://web.archive.org/x",
              "listing_url": "ftp://gov.cn/list", "source_file": "a.pdf", "source_format": "pdf"}
    assert provenance(report, "ab") == [("原始网址", "http://gov.cn/a", True), ("存档副本", "https://web.archive.org/x", True),
                                        ("文件", "a.pdf（pdf）", False), ("SHA-256", "ab", False)]
    report.update(source_url="", retrieved="2024-02-29", archive_url="", listing_url="https://gov.cn/list")
    assert provenance(report, "ab")[:3] == [("原始网址", "原始网址未记录", False), ("获取日期", "2024-02-29", False),
                                            ("发布页面", "https://gov.cn/list", True)]


def test_repository_url_is_checked():
    assert repository_url(" https://github.com/o/r.git/ ") == "https://github.com/o/r"
    assert repository_url("") == ""
    for bad in ("javascript:alert(1)", "github.com/o/r", 'https://x/"><script>'):
        with pytest.raises(ValueError):
            repository_url(bad)


def issue_fields(href: str) -> dict[str, str]:
    parsed = urlparse(href)
    assert f"{parsed.scheme}://{parsed.netloc}{parsed.path}" == REPO + "/issues/new"
    return {k: v[0] for k, v in parse_qs(parsed.query).items()}


def test_report_error_link_per_report(public):
    row = public.report(PENGYANG)
    links = report_page(public, PENGYANG).xpath("//article//a[@class='report-error']/@href")
    assert len(links) == 1
    fields = issue_fields(links[0])
    assert row["report_id"] in fields["title"] and f"报告：{row['report_id']}" in fields["body"]
    assert public.document(row)["source"]["sha256"] in fields["body"]


def test_report_error_link_per_cell(browser, public):  # noqa: F811
    row = public.report(GUYUAN)
    document = public.document(row)
    with recording(browser) as session:
        page = session.open(public.report_url(row))
        for cell_id in ("t3.granted.total", "t3.partially_granted.natural_person"):
            data = document["cells"][cell_id]
            # The page's form cells are report.json's, in order: site.js reads a clicked cell's id there.
            page.locator("article table.form td").nth(list(document["cells"]).index(cell_id)).click()
            page.wait_for_function("id => [...document.querySelectorAll('article .cell-issue a')].some(a => "
                                   "new URL(a.href).searchParams.get('title').endsWith(' ' + id))", arg=cell_id)
            link = page.locator("article .cell-issue a.cell-issue-link")
            fields = issue_fields(link.get_attribute("href"))
            value = "" if data["value"] is None else str(int(data["value"]))
            assert fields["title"] == f"数据错误：{row['report_id']} {cell_id}"
            for wanted in (f"报告：{row['report_id']}", f"单元格：{cell_id}", f"页面显示的值：{value or '（空）'}",
                           f"报告原文：{data['raw'] or '（空）'}", f"页面：{public.report_url(row)}"):
                assert wanted in fields["body"], (wanted, fields["body"])
        assert page.locator("article .cell-issue").count() == 1  # one panel per table, reused
