"""Data pages as built (no browser): structure that must hold for every layout of report."""

from __future__ import annotations

import gzip
import json
import random
import re
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
    table = tree.xpath("//table[contains(@class, 't3')]")[0]
    assert "rows-repaired" in table.get("class").split()  # every row read as one: the table says it, once
    rows = table.xpath("tbody/tr")
    for row in rows:
        head = row.xpath("th")[-1]
        assert head.get("tabindex") == "0" and head.get("data-tip").startswith("原文：")
        assert row.get("class") is None and not row.xpath(".//*[@class='sr-only']")
        for cell in row.xpath("td"):
            assert cell.get("class") in (None, "cell-fail") and cell.get("data-tip") is None
    note = table.xpath("../../following-sibling::p[@class='cell-notes']")[0].text_content()
    assert note.startswith(f"本表有 {len(rows)} 行的数字在原文中连在一起，已逐格拆开")


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
        assert not tree.xpath("//a[contains(@class, 'report-error')]"), path
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
    gbt = tree.xpath("//div[@class='cite']//code[@class='cite-text']")[0].text_content()
    assert gbt.endswith(f"原始报告：{ORIGINAL}.")
    # APA and BibTeX are written by site.js from the block's data (tests/test_site_browser.py reads them).
    assert tree.xpath("//div[@class='cite']/@data-original") == [ORIGINAL]
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
    from builder.site import build as site_module

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


def test_form_cells_are_written_in_report_json_order(site: Path):
    """site.js finds a clicked cell's id by its position among the page's form cells: the n-th
    <td> of the form tables is the n-th cell of report.json, for every layout."""
    import json

    for year in (2021, 2022, 2023, 2024):
        path, tree = page(site, year)
        cells = json.loads((path.parent / "report.json").read_text(encoding="utf-8"))["cells"]
        tds = tree.xpath("//article//table[contains(@class, 'form')]//td")
        assert len(tds) == len(cells), path
        for td, (cell_id, cell) in zip(tds, cells.items(), strict=True):
            shown = "".join(td.xpath("./text() | ./a/text()")).strip()
            value = cell["value"]
            wanted = {"ambiguous": "?", "missing": "缺"}.get(cell["status"]) or (
                "" if value is None else f"{value:g}" if isinstance(value, float) else str(value))
            assert shown == wanted, (path, cell_id, shown, wanted)


# --- page weight ---------------------------------------------------------------------------------

PAGE_LIMIT = 30_000  # issue 13: no report page over 30 KB, whatever the report holds


def _prose(rng: random.Random) -> str:
    """Long prose: many figures in many sentences, and one sentence of several thousand characters."""
    figures = "".join(f"全年共收到政府信息公开申请{rng.randint(10, 999)}件，其中{rng.randint(1, 99)}件予以公开，"
                      f"发生行政复议{rng.randint(0, 9)}件。" for _ in range(40))
    return figures + "\n本机关" + "依法依规做好政府信息公开工作，" * 300 + f"全年收到申请{rng.randint(10, 99)}件。\n"


def _scrambled(text: str, rng: random.Random) -> str:
    """The same report with every run of digits replaced by other digits: no reading fits the
    identities, so cells come out ambiguous (with candidates); table 4, printed with spaces,
    has a group whose parts do not add up to its total, a check that fails."""
    text = re.sub(r"(?m)^(\D+?)(\d{6,})$", lambda m: m[1] + "".join(rng.choice("123456789") for _ in m[2]), text)
    return re.sub(r"(?m)^(行政复议\s+行政诉讼\n)\d+$", r"\g<1>1 0 0 0 5 0 0 0 0 0 0 0 0 0 0", text)


@pytest.fixture(scope="module")
def heavy(tmp_path_factory) -> Path:
    """The heaviest reports to show: digits run together, ambiguous cells, long prose; one of them
    scrambled. Built as deployed: with a site URL and a repository (报告错误 links)."""
    folder = tmp_path_factory.mktemp("heavy")
    corpus = folder / "corpus"
    corpus.mkdir()
    rng = random.Random(7)
    for name in ("固原市彭阳县人民政府", "固原市彭阳县教育局"):
        report = synthetic.report(rng, year=2022, layout="run", agency=name)
        (corpus / f"{name}.txt").write_text(report.text + "\n六、其他需要报告的事项\n\n" + _prose(rng), encoding="utf-8")
    scrambled = synthetic.report(rng, year=2022, layout="run", agency="固原市彭阳县财政局")
    (corpus / "scrambled.txt").write_text(_scrambled(scrambled.text, rng) + "\n" + _prose(rng), encoding="utf-8")
    build(corpus, folder / "site", site_url="https://example.org/gov-reports/",
          repo_url="https://github.com/example/gov-reports", say=lambda _: None)
    return folder / "site"


def _heavy_pages(heavy: Path) -> dict[str, tuple[Path, dict]]:
    import json

    return {path.parent.parent.name: (path, json.loads((path.parent / "report.json").read_text(encoding="utf-8")))
            for path in sorted((heavy / "reports").glob("*/*/index.html"))}


def test_the_heaviest_report_pages_stay_under_30_kb(heavy: Path):
    pages = _heavy_pages(heavy)
    assert len(pages) == 3
    for path, document in pages.values():
        if "caizheng" in path.parent.parent.name:
            continue  # scrambled: see the next test
        statuses = {c["status"] for c in document["cells"].values()}
        assert "repaired" in statuses and len(document["narrative"]) > 40, path  # the heavy case it means to be
        size = path.stat().st_size
        assert size < PAGE_LIMIT, f"{path.relative_to(heavy)}: {size} bytes"


def test_long_lists_are_cut_on_the_page_and_left_to_the_files_beside_it(heavy: Path):
    """What grows with the report is cut at a fixed count, and the page says where the rest is."""
    from builder.site.pages import EVIDENCE, FAIL_LINKS, NARRATIVE_ROWS, NARRATIVE_TEXT, TIP_CANDIDATES

    path, document = next(v for k, v in _heavy_pages(heavy).items() if "caizheng" in k)
    tree = lxml.html.fromstring(path.read_text(encoding="utf-8"))
    ambiguous = [c for c in document["cells"].values() if c["status"] == "ambiguous"]
    assert any(len(c["candidates"]) > TIP_CANDIDATES for c in ambiguous), "no long list of readings to cut"
    tips = [t for t in tree.xpath("//td[contains(@class, 's-ambiguous')]/@data-tip") if "可能的值：" in t]
    assert any(" 等 " in t for t in tips)
    for tip in tips:
        listed = tip.split("可能的值：", 1)[1].split(" 等 ")[0].split("、")
        assert len(listed) <= TIP_CANDIDATES and ("cells.csv" in tip) == (" 等 " in tip), tip
    rows = tree.xpath("//table[@class='narrative']/tbody/tr")
    assert len(rows) == NARRATIVE_ROWS and all(len(r[0].text_content()) <= NARRATIVE_TEXT for r in rows)
    shown = sum(len(r[1].xpath("span[@class='num']")) for r in rows)
    assert f"另有 {len(document['narrative']) - shown} 个数字" in tree.text_content()
    failing = {c["id"] for c in document["checks"] if c["outcome"] == "fail" and c["instance"] != "*"}
    assert failing
    for rule in failing:
        assert len(tree.xpath(f"//tr[@id='check-{rule}']//div[@class='evidence'][not(contains(., '另有'))]")) <= EVIDENCE
    for table in ("t2", "t3", "t4"):
        assert len(tree.xpath(f"//table[contains(@class, 'form {table}')]//td[contains(@class, 'cell-fail')]/a")) <= FAIL_LINKS
    assert path.stat().st_size < PAGE_LIMIT, path.stat().st_size  # bounded by the form's size, not by the report's text


def test_templates_are_compiled_once_and_rendered_without_a_store_where_it_cannot_be_made(tmp_path, monkeypatch):
    """The compiled templates are kept (a rebuild of one page should not compile every template
    again) and read back only for the same source; without a place to keep them, pages still render."""
    import jinja2

    from builder.site import pages

    store = jinja2.FileSystemBytecodeCache
    monkeypatch.setattr(pages, "FileSystemBytecodeCache", lambda: store(str(tmp_path)))
    assert "badge" in pages.environment().get_template("_macros.html").module.__dict__
    assert len(list(tmp_path.iterdir())) == 1

    def compile_again(*args, **kwargs):
        raise AssertionError("compiled again")

    with monkeypatch.context() as patched:
        patched.setattr(jinja2.Environment, "compile", compile_again)
        assert "badge" in pages.environment().get_template("_macros.html").module.__dict__

    def unsafe():
        raise RuntimeError("Cannot determine safe temp directory")

    monkeypatch.setattr(pages, "FileSystemBytecodeCache", unsafe)
    env = pages.environment()
    assert env.bytecode_cache is None and "badge" in env.get_template("_macros.html").module.__dict__


def test_the_data_version_sizes_and_hashes_are_shown_but_not_searched(site: Path):
    """They change with every build: searched, they would rewrite the index files their terms are in."""
    from builder.site.build import static_documents

    package = json.loads((site / "data" / "datapackage.json").read_text(encoding="utf-8"))
    page = (site / "downloads" / "index.html").read_text(encoding="utf-8")
    downloads = next(d for d in static_documents(site) if d["url"] == "downloads/")
    volatile = [package["version"], *(r["hash"].removeprefix("sha256:") for r in package["resources"] if "hash" in r)]
    assert len(volatile) > 10 and all(value in page for value in volatile)
    assert not [value for value in volatile if value in downloads["text"]]
    assert "datapackage.json" in downloads["text"] and "数据日期" in downloads["text"]


def test_reading_notes_are_in_the_reports_table_and_said_on_the_page(tmp_path: Path):
    """A report whose region the reading could not find says so: its code in reports.csv, its
    sentence on the page (not only in report.json)."""
    import csv

    from builder.codebook import READING_NOTES_ZH

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    report = synthetic.report(random.Random(5), year=2023, layout="tab", agency="市场监督管理局")
    (corpus / "r.txt").write_text(report.text, encoding="utf-8")
    out = tmp_path / "site"
    build(corpus, out, say=lambda _: None, progress=None)
    with (out / "data" / "reports.csv").open(encoding="utf-8-sig", newline="") as handle:
        [row] = list(csv.DictReader(handle))
    assert row["reading_notes"] == "region_unknown"
    page = lxml.html.parse(str(out / "reports" / row["report_id"] / "index.html"))
    assert [li.text_content() for li in page.xpath("//ul[@class='reading-notes']/li")] == [
        READING_NOTES_ZH["region_unknown"]]


def test_every_reading_warning_the_code_can_give_has_words_for_readers():
    """Warning codes are given where they arise (tables, metadata, extraction): each has its sentence."""
    from builder.codebook import READING_NOTES_ZH

    source = "\n".join(path.read_text(encoding="utf-8")
                       for path in (Path(__file__).parent.parent / "builder" / "extraction").glob("*.py"))
    codes = set(re.findall(r"""(?:\.warn\(\s*|["']code["']\s*:\s*)["']([\w.]+)["']""", source))
    assert codes and codes <= set(READING_NOTES_ZH), codes - set(READING_NOTES_ZH)


def test_a_run_read_as_one_with_a_cell_read_otherwise_tells_the_rest_once():
    """Digits run together whose first number splits two ways (a column that breaks the identities):
    the row tells the repaired cells' status once, the ambiguous cell keeps its own marker, readings
    and hidden status text; so a table of such rows stays within a 30 KB page."""
    from builder.site.pages import CellView, FormRow, rows_html, table4_note

    raw, note = "0000000", "数字粘连，已拆分"
    cells = [CellView("t3.granted.natural_person", "?", "ambiguous", raw, "没有一种读法符合", candidates=("0", "1"))]
    cells += [CellView(f"t3.granted.c{i}", "0", "repaired", raw, note) for i in range(6)]
    row = FormRow([("（一）予以公开", 1, 2)], [(c, 1) for c in cells])
    plain = FormRow([("（二）部分公开", 1, 2)], [(CellView(f"t3.partly.c{i}", "1", "reported", "1", ""), 1) for i in range(7)])
    tree = lxml.html.fromstring(f"<table><tbody>{rows_html([row, plain])}</tbody></table>")
    tr = tree.xpath("//tr")[0]
    assert tr.get("class") == "row-repaired" and tr.xpath("th")[0].get("data-tip") == f"原文：{raw}"
    first, *rest = tr.xpath("td")
    assert first.get("class") == "s-ambiguous" and "可能的值：0、1" in first.get("data-tip")
    assert first.xpath("span[@class='sr-only']")[0].text == "（有歧义）"
    assert all(td.get("class") is None and td.get("data-tip") is None and not td.xpath("span") for td in rest)
    assert table4_note(row).startswith("本行其余各格复原，整行原文：")
    alike = FormRow([("行政复议", 1, 1)], [(c, 1) for c in cells[1:]])
    assert table4_note(alike).startswith("本行各格复原")
    split = FormRow([("（一）予以公开", 1, 2)], [(c, 1) for c in cells[:4]])  # half the row otherwise
    assert split.whole is not None and FormRow([("x", 1, 1)], [(c, 1) for c in cells[:2]]).whole is None


def test_the_theme_files_copied_are_those_mkdocs_would_list(tmp_path):
    """The build lists the theme's files without walking its hidden folders (theme_environment):
    mkdocs then copies the same static files, from the same places, as with its own listing."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import Files

    from builder.site.build import PROJECT, theme_environment

    config = load_config(str(PROJECT / "mkdocs.yml"), site_dir=str(tmp_path))
    theirs, ours = Files([]), Files([])
    theirs.add_files_from_theme(config.theme.get_env(), config)
    ours.add_files_from_theme(theme_environment(config.theme), config)
    assert [(f.src_uri, f.abs_src_path) for f in ours] == [(f.src_uri, f.abs_src_path) for f in theirs]
    assert any(f.src_uri.startswith("assets/") for f in ours)


def test_a_cell_read_from_a_text_that_is_no_plain_number_is_explained_under_its_table():
    """Blind round 143 (approximate counts): 500余 shown as 500 said so only on hover (原文：500余；印明), its note (an
    approximate count, read as 500) nowhere on the page. Such notes are listed under the table; a plain number's is
    not, nor a worded zero's."""
    from builder.site.pages import CellView, cell_notes

    approximate = "印作“500余”，是约数或下限，读作 500，不一定是确切的数"
    cells = [CellView("t3.new_received.total", "500", "reported", "500余", approximate),
             CellView("t3.carried_over.total", "22", "reported", "22", "某说明"),
             CellView("t3.granted.total", "0", "none", "无", "以文字表示，读作 0")]
    assert [note for note, _, _ in cell_notes(cells)] == [approximate]
