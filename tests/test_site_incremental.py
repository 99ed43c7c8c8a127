"""Incremental pages: a rebuild renders only the pages whose inputs changed (a report's page,
its agency's page, the aggregates); every other page is the last build's file, not rendered."""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import pytest

from builder import synthetic
from builder.build import build
from builder.datasets.fragments import agency_keys
from builder.extraction.pipeline import Options
from builder.site import build as site_build
from builder.site import pages as site
from builder.site import search
from builder.site.keys import PAGE_KEYS

from .conftest import CORPUS


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    """The bundled reports and one agency over three years (its pages link to each other)."""
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS, folder)
    rng = random.Random(7)
    (folder / "series").mkdir()
    for year in (2021, 2022, 2023):
        report = synthetic.report(rng, year=year, layout="tab", agency="宁夏回族自治区固原市隆德县教育局")
        (folder / "series" / f"longde-{year}.txt").write_text(report.text, encoding="utf-8")
    return folder


@pytest.fixture()
def rendered(monkeypatch) -> list[str]:
    """The report pages rendered, by report id."""
    calls: list[str] = []
    render = site.Pages.report_page

    def counted(self, report: dict, document: dict, siblings: list[dict]):
        calls.append(report["report_id"])
        return render(self, report, document, siblings)

    monkeypatch.setattr(site.Pages, "report_page", counted)
    return calls


def rebuild(corpus: Path, out: Path, cache: Path) -> list[str]:
    messages: list[str] = []
    build(corpus, out, say=messages.append, options=Options(cache=str(cache)), progress=None)
    return messages


def pages_of(out: Path) -> dict[Path, tuple[int, int]]:
    """Each report page and badge: inode and modification time."""
    return {p: (p.stat().st_ino, p.stat().st_mtime_ns) for name in ("index.html", "badge.svg")
            for p in out.glob(f"reports/*/*/{name}")}


def touch(path: Path) -> None:
    """Change a report's prose (a figure-free sentence), so that its data and page change."""
    path.write_text(path.read_text(encoding="utf-8") + "\n本报告另有附件。\n", encoding="utf-8")


def data_pages(out: Path) -> dict[Path, tuple[int, int]]:
    """Every data page (report, agency, region, year, rule, compare): inode and modification time."""
    return {p: (p.stat().st_ino, p.stat().st_mtime_ns) for kind in ("reports/*/*", "agencies/*", "regions/*",
                                                                    "years/*", "rules/*", "compare/*/*")
            for p in out.glob(f"{kind}/index.html")}


def test_one_changed_report_renders_its_page_and_no_other_report_page(corpus, tmp_path, rendered):
    out, cache = tmp_path / "site", tmp_path / "cache"
    rebuild(corpus, out, cache)
    reports = len(rendered)
    before = pages_of(out)
    assert reports == len(before) / 2 == 8
    agencies = {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in out.glob("agencies/*/index.html")}
    pages = data_pages(out)
    assert {p.parts[len(out.parts)] for p in pages} == {"reports", "agencies", "regions", "years", "rules", "compare"}
    changed = corpus / "series" / "longde-2022.txt"
    touch(changed)
    rendered.clear()

    messages = rebuild(corpus, out, cache)
    after = pages_of(out)
    assert len(rendered) == 1 and rendered[0].endswith("/2022")  # the changed report's page only
    changed_page = out / "reports" / rendered[0] / "index.html"
    assert after[changed_page] != before[changed_page]
    # Every other page, and every badge (the changed report's badge is as before), is untouched.
    assert all(after[p] == before[p] for p in before if p != changed_page)  # same inode, same time
    # Its agency's page is rendered again; the other agencies' pages are kept.
    agency = out / "agencies" / rendered[0].rsplit("/", 1)[0] / "index.html"
    kept = [p for p in agencies if p != agency]
    assert all((p.stat().st_ino, p.stat().st_mtime_ns) == agencies[p] for p in kept)
    # The aggregates (region, year, rule, compare pages) are keyed by what they show: its badge and
    # indicators are as before, so none of them is rendered again, and each stays the same file.
    assert all(data_pages(out)[p] == pages[p] for p in pages if p not in (changed_page, agency))
    summary = next(m for m in messages if m.startswith("site: "))
    assert f"{len(pages) - 2} unchanged since the last build and not rendered" in summary
    # The rebuilt site is the one a build from scratch makes: every page and search file.
    fresh = tmp_path / "fresh"
    rebuild(corpus, fresh, tmp_path / "fresh-cache")
    assert same_files(out, fresh)


def same_files(out: Path, fresh: Path) -> bool:
    """The two sites hold the same files with the same bytes (the keys for the next build aside)."""
    def files(root: Path) -> dict[str, bytes]:
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*")
                if p.is_file() and p.name != PAGE_KEYS}
    built, expected = files(out), files(fresh)
    assert sorted(built) == sorted(expected)
    assert [name for name in built if built[name] != expected[name]] == []
    return True


def test_a_template_change_renders_every_report_page(corpus, tmp_path, rendered, monkeypatch):
    out, cache = tmp_path / "site", tmp_path / "cache"
    rebuild(corpus, out, cache)
    templates = tmp_path / "templates"
    shutil.copytree(site.TEMPLATES, templates)
    report = templates / "report.html"
    report.write_text(report.read_text(encoding="utf-8").replace("引用本页", "引用本页面"), encoding="utf-8")
    monkeypatch.setattr(site, "TEMPLATES", templates)
    touch(corpus / "series" / "longde-2023.txt")  # so that the build runs at all
    rendered.clear()

    rebuild(corpus, out, cache)
    assert len(rendered) == 8
    assert all("引用本页面" in p.read_text(encoding="utf-8") for p in out.glob("reports/*/*/index.html"))


@pytest.mark.parametrize("damage", ["not gzip", "cut short", "bytes changed"])
def test_lost_or_unreadable_keys_render_every_page(corpus, tmp_path, rendered, damage):
    out, cache = tmp_path / "site", tmp_path / "cache"
    rebuild(corpus, out, cache)
    keys = (out / PAGE_KEYS).read_bytes()
    (out / PAGE_KEYS).write_bytes({"not gzip": b"not gzip", "cut short": keys[:len(keys) // 2],  # EOFError
                                   "bytes changed": keys[:40] + b"x" * 64 + keys[104:]}[damage])  # zlib.error
    touch(corpus / "series" / "longde-2021.txt")
    rendered.clear()
    rebuild(corpus, out, cache)
    assert len(rendered) == 8


def test_a_report_page_over_the_limit_cuts_its_lists_shorter(corpus, tmp_path, monkeypatch):
    """A page that would pass PAGE_LIMIT is rendered again with COMPACT caps: fewer cells named in a
    check's evidence and fewer failing cells linked, the rest counted ("等 N 格")."""
    from lxml import html

    def evidence(out: Path) -> dict[str, list[str]]:
        return {p.relative_to(out).as_posix(): [e.text_content().split("单元格：")[1] for e in html.fromstring(
            p.read_bytes()).xpath("//div[@class='evidence'][contains(., '单元格：')]")]
            for p in out.glob("reports/*/*/index.html")}

    rebuild(corpus, tmp_path / "normal", tmp_path / "cache")
    monkeypatch.setattr(site_build, "PAGE_LIMIT", 0)  # every page is over it
    monkeypatch.setattr(site_build, "MINIMAL", site.COMPACT)  # and stops at COMPACT (the last level: below)
    out = tmp_path / "compact"
    rebuild(corpus, out, tmp_path / "cache")
    normal, compact = evidence(tmp_path / "normal"), evidence(out)
    cut = [(n, c) for page in normal for n, c in zip(normal[page], compact[page], strict=True) if n != c]
    assert cut  # the corpus has failing checks naming more cells than COMPACT names
    assert all(len(c) < len(n) and re.search(r" 等 \d+ 格$", c) for n, c in cut)
    for page in out.glob("reports/*/*/index.html"):
        tree = html.fromstring(page.read_bytes())
        for table in ("t2", "t3", "t4"):
            assert len(tree.xpath(f"//table[contains(@class, '{table}')]//td/a")) <= site.COMPACT.fail_links


def test_a_report_page_still_over_the_limit_lists_no_readings_and_links_no_cell(corpus, tmp_path, monkeypatch):
    """A page still over PAGE_LIMIT with COMPACT caps (a wide table every cell of which is in doubt)
    is rendered with MINIMAL ones: an ambiguous cell's tip counts its readings and sends the reader
    to cells.csv, as the note under a table does for the printed text of its rows read as one; no
    failing cell links to its check, a check's evidence names one cell."""
    from lxml import html

    from builder import forms
    from builder.site.pages import cell_label

    report = synthetic.report(random.Random(0), year=2022, layout="run", agency="固原市彭阳县财政局")
    (corpus / "run.txt").write_text(report.text, encoding="utf-8")  # table 2 run together: readings to list
    monkeypatch.setattr(site_build, "PAGE_LIMIT", 0)
    out = tmp_path / "minimal"
    rebuild(corpus, out, tmp_path / "cache")
    tips, evidence, notes = [], [], []
    for page in out.glob("reports/*/*/index.html"):
        tree = html.fromstring(page.read_bytes())
        assert not tree.xpath("//table[contains(@class, 'form')]//td/a")
        assert not tree.xpath("//table[contains(@class, 'form')]//th[starts-with(@data-tip, '原文')]")
        notes += [p.text_content() for p in tree.xpath("//p[@class='cell-notes']")]
        tips += tree.xpath("//td[contains(@class, 's-ambiguous')]/@data-tip")
        evidence += [e.text_content() for e in tree.xpath("//div[@class='evidence'][contains(., '单元格：')]")]
    named = [e.split("单元格：")[1].split(" 等 ")[0] for e in evidence]
    one_cell = {cell_label(cell) for cell in forms.all_cells()}
    assert named and all(n in one_cell for n in named), named
    assert all("可能的值" not in tip for tip in tips)
    assert any(re.search(r"\d+ 种读法见本页 cells.csv", tip) for tip in tips), "no ambiguous cell with readings"
    assert any("各行原文见本页 cells.csv" in note for note in notes), "no row read as one"


def test_pages_rendered_in_worker_processes_are_those_rendered_here(corpus, tmp_path, rendered, monkeypatch):
    out = tmp_path / "site"
    rebuild(corpus, out, tmp_path / "cache")
    monkeypatch.setattr(site_build, "POOL_PAGES", 1)  # a pool even for a few pages
    monkeypatch.setattr(site_build, "WINDOW", 1)  # and windows of an agency a worker: several in flight
    sites = {}
    for jobs in (1, 2):
        sites[jobs] = tmp_path / f"jobs-{jobs}"
        shutil.copytree(out, sites[jobs])
        rendered.clear()
        summary = site_build.build_site(sites[jobs] / "data", sites[jobs], say=lambda _: None, jobs=jobs)
        assert summary["rendered"] == summary["pages"]  # no last build: every page is rendered
        # here (counted), or in the workers, which run the module unpatched
        assert len(rendered) == (8 if jobs == 1 else 0)
    assert same_files(sites[1], sites[2])
    assert same_files(sites[2], out)


def test_a_changed_search_document_rewrites_only_the_index_files_it_is_in(corpus, tmp_path):
    out, cache = tmp_path / "site", tmp_path / "cache"
    rebuild(corpus, out, cache)
    index = {p.relative_to(out): p.stat().st_ino for p in (out / "search").rglob("*.json")}
    # A sentence with a figure and words new to the index: its search text changes (nothing else's: the
    # downloads page's sizes and hashes, which change with the data, are not searched).
    changed = corpus / "series" / "longde-2022.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n全年共收到政府信息公开申请17件，主要涉及征地拆迁补偿。\n",
                       encoding="utf-8")
    rebuild(corpus, out, cache)
    fresh = tmp_path / "fresh"
    rebuild(corpus, fresh, tmp_path / "fresh-cache")
    assert same_files(out, fresh)  # the patched index is the one made from scratch
    after = {p.relative_to(out): p.stat().st_ino for p in (out / "search").rglob("*.json")}
    kept = {p for p in index if after.get(p) == index[p]}
    shards = {p for p in index if p.parts[1] == "t"}
    assert kept & shards and shards - kept  # some term shards are the last build's files, some are new
    assert any(p.parts[1] == "d" for p in index.keys() - kept)  # and its result chunk is new
    # An index state that cannot be read (not gzip, cut short, its bytes changed) is made again from scratch, the same.
    for damaged in (lambda state: b"not gzip", lambda state: state[:len(state) // 2],
                    lambda state: state[:40] + b"x" * 64 + state[104:]):
        (out / search.STATE).write_bytes(damaged((out / search.STATE).read_bytes()))
        touch(changed)
        rebuild(corpus, out, cache)
        rebuild(corpus, fresh, tmp_path / "fresh-cache")
        assert same_files(out, fresh)


def test_a_rebuild_reads_only_the_changed_agencies_documents_and_compare_group(corpus, tmp_path, monkeypatch):
    """What a report's pages show of its data is known from the last build while its agency's
    fragment has the same key: only the documents of the agencies whose fragment changed (the
    changed report's, and those whose checks read it) are read to key their pages, and only the
    compare group of the changed report's year and province is made again; the other data files
    are linked."""
    out, cache = tmp_path / "site", tmp_path / "cache"
    rebuild(corpus, out, cache)
    keys = agency_keys(out)
    before = {p: p.stat().st_ino for p in out.glob("compare/data/*/*.json")}
    read: list[str] = []
    grouped: list[tuple[str, str]] = []
    document_bytes, compare_rows = site.SiteData.document_bytes, site_build.compare_rows

    def counted(self, report_id: str) -> bytes:
        read.append(report_id)
        return document_bytes(self, report_id)

    def compared(derived, reports, agencies):
        grouped.extend({(r["year"], site.province_code(r)) for r in reports})
        return compare_rows(derived, reports, agencies)

    monkeypatch.setattr(site.SiteData, "document_bytes", counted)
    monkeypatch.setattr(site_build, "compare_rows", compared)
    touch(corpus / "series" / "longde-2022.txt")
    rebuild(corpus, out, cache)
    changed = {agency_id for agency_id, key in agency_keys(out).items() if keys[agency_id] != key}
    assert "640423-longde-xian-jiaoyuju" in changed and len(changed) < len(keys) / 2
    assert {report_id.rsplit("/", 1)[0] for report_id in read} == changed
    assert grouped == [("2022", "640000")]  # the changed report's year and province
    assert before and {p: p.stat().st_ino for p in out.glob("compare/data/*/*.json")} == before


def test_page_keys_are_written_in_pieces_as_one_json_text():
    """The page keys file is written an item at a time: the same text json.dumps makes."""
    import json

    from builder.site.keys import json_pieces

    value = {"pages": {"reports/a/": "k1", "reports/乙/": "k2"}, "search": {}, "compare": {"2021/110000": [
        "k", ["北京市", 3, ["gov-2021"]]]}, "pinyin": {"version": "1", "names": {"北京市": "bei jing shi"}},
        "none": None, "quote": 'a"b\\c'}
    for depth in range(4):
        assert "".join(json_pieces(value, depth)) == json.dumps(value, ensure_ascii=False, separators=(",", ":"))

