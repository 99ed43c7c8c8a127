"""Data pages as built (no browser): structure that must hold for every layout of report."""

from __future__ import annotations

import gzip
import random
from pathlib import Path

import lxml.etree
import lxml.html
import pytest

from builder import synthetic
from builder.build import build

AGENCY = "固原市彭阳县人民政府"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """One report per layout, the run-together one the heaviest to show."""
    folder = tmp_path_factory.mktemp("pages")
    corpus = folder / "corpus"
    corpus.mkdir()
    rng = random.Random(3)
    for year, layout in zip((2021, 2022, 2023, 2024), synthetic.LAYOUTS, strict=True):
        report = synthetic.report(rng, year=year, layout=layout, agency=AGENCY)
        (corpus / f"{layout}.txt").write_text(report.text, encoding="utf-8")
    (corpus / "sources.csv").write_text(
        "file,url,retrieved,archive,listing_url,note\n"
        f"{synthetic.LAYOUTS[0]}.txt,{ORIGINAL},2024-05-06,{ARCHIVE},{LISTING},\n"
        f"{synthetic.LAYOUTS[1]}.txt,javascript:alert(1),2023-01-02,archive/x.pdf,,\n", encoding="utf-8")
    # No SOURCE_DATE_EPOCH: the newest retrieval date. A site URL, so that mkdocs writes a sitemap.
    build(corpus, folder / "site", site_url="https://example.org/gov/", say=lambda _: None)
    return folder / "site"


ORIGINAL = "https://www.pengyang.gov.cn/xxgk/ndbg/2022/t1.html"
ARCHIVE = "https://web.archive.org/web/2024/https://www.pengyang.gov.cn/xxgk/ndbg/2022/t1.html"
LISTING = "https://www.pengyang.gov.cn/xxgk/ndbg/"


def page(site: Path, year: int):
    path = site / "reports" / "640425-pengyang-xian-renmin-zhengfu" / str(year) / "index.html"
    return path, lxml.html.fromstring(path.read_text(encoding="utf-8"))


def test_a_row_read_from_run_together_digits_tells_its_raw_text_once(site: Path):
    _, tree = page(site, 2024)  # the "run" layout
    rows = tree.xpath("//table[contains(@class, 't3')]/tbody/tr")
    explained = [r for r in rows if r.xpath("th[@class='row-explained']")]
    assert len(explained) == len(rows)
    for row in explained:
        head = row.xpath("th[@class='row-explained']")[0]
        assert head.get("tabindex") == "0" and head.get("data-tip").startswith("整行原文：")
        assert "本行各格复原" in head.text_content()
        assert row.get("class") == "row-repaired"  # the row carries the status, once
        for cell in row.xpath("td"):
            assert cell.get("class") in (None, "cell-fail") and cell.get("data-tip") is None


def test_table_4_read_as_one_run_is_explained_once_under_the_table(site: Path):
    _, tree = page(site, 2024)
    cells = tree.xpath("//table[contains(@class, 't4')]/tbody/tr/td")
    assert len(cells) == 15 and all(c.get("data-tip") is None for c in cells)
    note = tree.xpath("//table[contains(@class, 't4')]/../../following-sibling::p[@class='cell-notes']")[0]
    assert note.text_content().startswith("本行各格复原，整行原文：")


@pytest.mark.parametrize("year", [2021, 2022, 2023])
def test_plain_printed_cells_carry_no_markup(site: Path, year: int):
    _, tree = page(site, year)  # tab, pipe and space layouts
    cells = tree.xpath("//table[contains(@class, 't3')]/tbody/tr/td")
    assert len(cells) == 25 * 7
    for cell in cells:
        assert cell.get("data-tip") is None and cell.get("tabindex") is None
        assert cell.get("class") in (None, "cell-fail")  # a failing cell links to its check



def test_without_a_repository_url_no_error_links(site: Path):
    for year in (2021, 2024):
        path, tree = page(site, year)
        assert not tree.xpath("//a[contains(@class, 'report-error')] | //td[@data-cell] | //*[@data-issue]"), path
        footer = tree.xpath("//footer")[-1].text_content()
        assert "报告错误" not in footer and "源代码" not in footer and "CC BY 4.0" in footer


def test_provenance_in_the_data_and_the_citations(site: Path):
    import csv
    import json

    with (site / "data" / "reports.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = {r["year"]: r for r in csv.DictReader(handle)}
    known, hostile = rows["2021"], rows["2022"]
    assert (known["source_url"], known["retrieved"], known["archive_url"], known["listing_url"]) == (
        ORIGINAL, "2024-05-06", ARCHIVE, LISTING)
    assert (hostile["source_url"], hostile["archive_url"], hostile["listing_url"]) == ("", "", "")
    _, tree = page(site, 2021)
    gbt, apa, bibtex = [e.text_content() for e in tree.xpath("//div[@class='cite']//code[@class='cite-text']")[:3]]
    assert gbt.endswith(f"原始报告：{ORIGINAL}.") and f"(original report: {ORIGINAL})" in apa
    assert f"addendum = {{原始报告: \\url{{{ORIGINAL}}}}}" in bibtex
    ld = json.loads(tree.xpath("//script[@type='application/ld+json']")[0].text)
    assert ld["isBasedOn"]["url"] == ORIGINAL and ld["isBasedOn"]["archivedAt"] == ARCHIVE
    assert ld["isBasedOn"]["isPartOf"]["url"] == LISTING
    _, other = page(site, 2022)
    assert "javascript:" not in lxml.html.tostring(other, encoding="unicode")
    assert "isBasedOn" not in other.xpath("//script[@type='application/ld+json']")[0].text


def test_dates_come_from_the_data_not_the_clock(site: Path):
    import json

    package = json.loads((site / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert package["created"] == "2024-05-06T00:00:00Z"  # the newest retrieval date in sources.csv
    sitemap = lxml.etree.fromstring((site / "sitemap.xml").read_bytes())
    dates = {e.text for e in sitemap.iter("{*}lastmod")}
    assert dates == {"2024-05-06"}
    urls = {e.text for e in sitemap.iter("{*}loc")}
    for year in (2021, 2022, 2023, 2024):
        assert f"https://example.org/gov/reports/640425-pengyang-xian-renmin-zhengfu/{year}/" in urls
    assert "https://example.org/gov/downloads/" in urls and not any("/shell/" in u for u in urls)
    assert all((site / u.removeprefix("https://example.org/gov/") / "index.html").exists() for u in urls)
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()) == (site / "sitemap.xml").read_bytes()
    _, tree = page(site, 2021)
    assert "(2024-05-06)[" in tree.xpath("//div[@class='cite']//code[@class='cite-text']")[0].text_content()


def test_a_large_sitemap_is_split_under_an_index(tmp_path: Path, monkeypatch):
    from builder import site as site_module

    monkeypatch.setattr(site_module, "SITEMAP_URLS", 2)
    site_module.write_sitemap(tmp_path, "https://example.org/", [f"reports/a{i}/2022/" for i in range(5)], "2024-05-06")
    index = lxml.etree.fromstring((tmp_path / "sitemap.xml").read_bytes())
    parts = [e.text for e in index.iter("{*}loc")]
    assert parts == [f"https://example.org/sitemap-{i}.xml" for i in (1, 2, 3)]
    urls = [e.text for i in (1, 2, 3) for e in lxml.etree.fromstring(
        (tmp_path / f"sitemap-{i}.xml").read_bytes()).iter("{*}loc")]
    assert urls == [f"https://example.org/reports/a{i}/2022/" for i in range(5)]


def test_a_rebuild_is_byte_identical(site: Path, tmp_path: Path):
    """Dates come from the data, so a second build (another minute, maybe another day) writes the same bytes."""
    again = tmp_path / "site"
    build(site.parent / "corpus", again, site_url="https://example.org/gov/", say=lambda _: None)
    first = sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file())
    assert first == sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    for relative in first:
        assert (site / relative).read_bytes() == (again / relative).read_bytes(), relative
