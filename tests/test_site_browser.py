"""The built site in headless Chromium: report pages, search, finder, accessibility, screenshots, XSS.

The site is built once from the bundled corpus and served on 127.0.0.1; one
Chromium (Debian's, never one downloaded by Playwright) drives it. Every
request of every page is recorded: none may leave the machine (no web fonts,
no CDN), none may fail, and no page may raise a JavaScript error or a dialog.
Nothing here depends on the fonts installed: no pixel or text-width checks.
"""

from __future__ import annotations

import csv
import functools
import json
import os
import re
import shutil
import subprocess
import threading
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar
from urllib.parse import quote, unquote, urlencode, urljoin, urlparse

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from builder import forms
from builder.build import build
from builder.site.pages import FAIL_LINKS, NARRATIVE_TEXT, TIP_RAW, narrative_rows, shorten

from .conftest import CORPUS, CORPUS_FILES, ROOT, assert_expected_checks, expected_for

pytestmark = pytest.mark.browser

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "tests" / "screenshots"
DOCS_SCREENSHOT = ROOT / "docs" / "assets" / "screenshot-report.png"
BADGE_CLASS = {"一致": "ok", "不一致": "bad", "存疑": "doubt", "无表格": "none"}
OUTCOME_LABEL = {"pass": "通过", "fail": "未通过", "not_applicable": "不适用", "info": "提示"}
GUYUAN, DINGXI, LONGDE, PENGYANG = (CORPUS_FILES[i] for i in (0, 1, 2, 4))


# --- the site, its server and the browser --------------------------------------------------


class _Files(SimpleHTTPRequestHandler):
    extensions_map: ClassVar = {**SimpleHTTPRequestHandler.extensions_map, ".txt": "text/plain; charset=utf-8"}

    def log_message(self, *args) -> None:
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Files, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def read_reports(site: Path) -> list[dict]:
    with (site / "data" / "reports.csv").open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


@dataclass
class Site:
    folder: Path
    base: str
    reports: list[dict]

    def report(self, source: str) -> dict:
        row = next((r for r in self.reports if r["source_file"] == source), None)
        assert row is not None, f"{source} is not in data/reports.csv: it was not built"
        return row

    def url(self, path: str) -> str:
        return self.base + path

    def report_url(self, row: dict) -> str:
        return self.base + f"reports/{row['report_id']}/"

    def document(self, row: dict) -> dict:
        return json.loads((self.folder / "reports" / row["report_id"] / "report.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Iterator[Site]:
    out = tmp_path_factory.mktemp("browser") / "site"
    build(CORPUS, out, say=lambda _: None)
    with serve(out) as base:
        yield Site(out, base, read_reports(out))


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    executable = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(executable).exists():
        pytest.fail("Chromium is missing: the browser tests drive Debian's chromium. Install it with "
                    "`apt-get install chromium` (or `make browser`), or set CHROMIUM=/path/to/chromium. "
                    "Do not use `playwright install`.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _local(url: str) -> bool:
    parsed = urlparse(url)
    return parsed.scheme in ("data", "blob", "about") or parsed.hostname in ("127.0.0.1", "localhost")


@dataclass
class Session:
    """One browser context, and everything its pages did."""

    context: BrowserContext
    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    opened: int = 0

    def open(self, url: str) -> Page:
        self.opened += 1
        page = self.context.new_page()
        page.on("pageerror", lambda error: self.errors.append(f"{page.url}: {error}"))
        page.on("dialog", functools.partial(self._dialog, page))
        response = page.goto(url)
        assert response is not None and response.status == 200, f"{url}: {response.status if response else 'no response'}"
        return page

    def _dialog(self, page: Page, dialog) -> None:
        self.dialogs.append(f"{page.url}: {dialog.type}({dialog.message!r})")
        dialog.dismiss()

    @property
    def foreign(self) -> list[str]:
        return [url for url in self.requests if not _local(url)]


@contextmanager
def recording(browser: Browser, **options) -> Iterator[Session]:
    """A fresh browser context; afterwards, what its pages requested and did is checked."""
    context = browser.new_context(**{"viewport": {"width": 1280, "height": 900}, "locale": "zh-CN", **options})
    session = Session(context)

    def route(route) -> None:  # nothing may leave the machine, and nothing waits on a network that CI may not have
        if _local(route.request.url):
            route.continue_()
        else:
            route.abort()

    context.route("**/*", route)
    context.on("request", lambda request: session.requests.append(request.url))
    context.on("response", lambda response: response.status >= 400 and session.failed.append(
        f"{response.status} {response.url}"))
    yield session
    context.close()
    assert session.requests or not session.opened, "pages were opened but no request was recorded"
    assert not session.foreign, f"requests to other hosts (fonts, CDNs…): {sorted(set(session.foreign))}"
    assert not session.failed, f"failed requests: {session.failed}"
    assert not session.errors, f"JavaScript errors: {session.errors}"
    assert not session.dialogs, f"dialogs opened: {session.dialogs}"


@pytest.fixture
def session(browser) -> Iterator[Session]:
    with recording(browser) as session:
        yield session


# --- what a report page shows --------------------------------------------------------------

CELLS_JS = """() => {
  const text = el => {
    const copy = el.cloneNode(true);
    copy.querySelectorAll('.sr-only').forEach(e => e.remove());
    return copy.textContent.trim();
  };
  const cell = td => {
    const link = td.querySelector('a');
    // A row printed as one run tells its raw text once, on its label; the cell adds what is its own.
    const row = td.parentElement.querySelector('th[data-tip]');
    // A row read as one carries the status of its cells (row-<status>), or its table does for all rows (rows-<status>).
    const whole = [...td.parentElement.classList, ...td.closest('table').classList]
      .filter(c => c.startsWith('row-') || c.startsWith('rows-')).map(c => 's-' + c.split('-').slice(1).join('-'));
    return {text: text(td), classes: td.className.split(/\\s+/).concat(whole),
            tip: [row && row.getAttribute('data-tip'), td.getAttribute('data-tip')].filter(Boolean).join('；'),
            tabindex: td.getAttribute('tabindex') || (row && row.getAttribute('tabindex')),
            href: link && link.getAttribute('href'), outline: getComputedStyle(td).outlineStyle};
  };
  const out = {};
  for (const t of ['t2', 't3', 't4']) {
    out[t] = [...document.querySelectorAll(`article table.form.${t} tbody tr`)].map(tr => ({
      heads: [...tr.querySelectorAll('th')].map(text),
      cells: [...tr.querySelectorAll('td')].map(cell)}));
  }
  return out;
}"""


def shown(cell: dict) -> str:
    """The text a cell shows: its value, ? when ambiguous, 缺 when missing."""
    if cell["status"] == "ambiguous":
        return "?"
    if cell["status"] == "missing":
        return "缺"
    value = cell["value"]
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:g}"
    return str(value)


def failing_cells(document: dict) -> dict[str, str]:
    """cell → the anchor of the first failing check that names it."""
    out: dict[str, str] = {}
    for check in document["checks"]:
        if check["outcome"] == "fail":
            for cell in check["cells"]:
                out.setdefault(cell, f"check-{check['id']}")
    return out


def rule_outcomes(document: dict) -> dict[str, str]:
    """Per rule, the outcome the check list shows (info rules that ran are shown as 提示)."""
    outcomes: dict[str, set[str]] = defaultdict(set)
    severity: dict[str, str] = {}
    for check in document["checks"]:
        outcomes[check["id"]].add(check["outcome"])
        severity[check["id"]] = check["severity"]
    out = {}
    for rule, seen in outcomes.items():
        outcome = "fail" if "fail" in seen else "pass" if "pass" in seen else "not_applicable"
        out[rule] = "info" if severity[rule] == "info" and outcome != "not_applicable" else outcome
    return out


def check_cells(page: Page, document: dict, expected: dict) -> None:
    """Every cell shows its value and status; failing cells link to their check; expected values shown."""
    dom = page.evaluate(CELLS_JS)
    if not document["cells"]:
        assert not any(dom.values()), "a report without tables shows table cells"
        assert page.locator("article table.form").count() == 0
        return
    form = forms.FORMS[document["template"]]
    t2 = [c for row in dom["t2"] for c in row["cells"]]
    t3 = dom["t3"]
    t4 = [c for row in dom["t4"] for c in row["cells"]]
    on_page: dict[str, dict] = {}
    ids = [forms.t2_cell(item.id, m.id) for item in form.t2 for m in item.measures]
    assert len(t2) == len(ids), f"table 2 has {len(t2)} cells, the form {len(ids)}"
    on_page.update(zip(ids, t2))
    assert len(t3) == len(form.t3_rows), f"table 3 has {len(t3)} rows, the form {len(form.t3_rows)}"
    for row, tr in zip(form.t3_rows, t3):
        assert tr["heads"][-1] == row.label_zh, f"table 3 row {row.id} is headed {tr['heads']}"
        assert len(tr["cells"]) == len(forms.T3_COLUMNS), f"table 3 row {row.id}: {len(tr['cells'])} cells"
        on_page.update((forms.t3_cell(row.id, c.id), cell) for c, cell in zip(forms.T3_COLUMNS, tr["cells"]))
    ids = [forms.t4_cell(g.id, c.id) for g in forms.T4_GROUPS for c in forms.T4_COLUMNS]
    assert len(t4) == len(ids), f"table 4 has {len(t4)} cells, the form {len(ids)}"
    on_page.update(zip(ids, t4))
    assert set(on_page) == set(document["cells"]), "the page's cells are not the report's cells"

    failing = failing_cells(document)
    anchors = set(page.eval_on_selector_all("[id^='check-']", "els => els.map(e => e.id)"))
    problems = []
    linked: Counter = Counter()
    for cell_id, data in document["cells"].items():
        td = on_page[cell_id]
        if td["text"] != shown(data):
            problems.append(f"{cell_id}: shows {td['text']!r}, the data says {shown(data)!r}")
        marked = [c for c in td["classes"] if c.startswith("s-")]
        if marked != ([] if data["status"] == "reported" else [f"s-{data['status']}"]):
            problems.append(f"{cell_id}: classes {td['classes']}, status {data['status']}")
        anchor = failing.get(cell_id)
        if anchor:
            # The first FAIL_LINKS failing cells of a table link to their check; the rest are framed only.
            table = cell_id.split(".", 1)[0]
            wanted = f"#{anchor}" if linked[table] < FAIL_LINKS else None
            linked[table] += 1
            if "cell-fail" not in td["classes"] or td["href"] != wanted or td["outline"] == "none":
                problems.append(f"{cell_id}: fails {anchor} but is not highlighted (and linked): {td}")
            if anchor not in anchors:
                problems.append(f"{cell_id}: fails {anchor}, which is not on the page")
        elif "cell-fail" in td["classes"] or td["href"]:
            problems.append(f"{cell_id}: highlighted as failing but no failing check names it")
        # A failing cell is reached by its link; a tooltip tells what the number alone does not.
        explained = data["status"] != "reported" or (data["raw"] or "") != td["text"]
        if explained:
            tip = f"原文：{shorten(data['raw'] or '', TIP_RAW) or '（空）'}".removesuffix("…")
            if td["tabindex"] != "0" or not (td["tip"] or "").startswith(tip):
                problems.append(f"{cell_id}: raw text {tip!r} not reachable by hover and focus: {td}")
    assert not problems, "\n".join(problems)

    # The expected values (../shared) for the totals and the repaired cells.
    alternatives = expected.get("cells_alternatives", {})
    wanted = [c for c in expected["cells"]
              if c.endswith(".total") or c.startswith("t3.total.") or c in expected.get("repaired_cells", [])]
    assert wanted
    for cell_id in wanted:
        allowed = {"" if v is None else str(v) for v in alternatives.get(cell_id, [expected["cells"][cell_id]])}
        if "" in allowed:
            allowed.add("缺")
        assert on_page[cell_id]["text"] in allowed, f"{cell_id}: shows {on_page[cell_id]['text']!r}, expected {allowed}"
    for cell_id in expected.get("repaired_cells", []):
        assert "s-repaired" in on_page[cell_id]["classes"], cell_id


def check_checks(page: Page, document: dict, expected: dict) -> None:
    # A rule has its own row, or a place in the one row of rules that passed (or did not apply) plainly.
    rows = page.eval_on_selector_all("article table.checks tbody tr", """rows => rows.flatMap(tr =>
        (tr.id ? [tr.id] : [...tr.querySelectorAll("[id^='check-']")].map(e => e.id)).map(id =>
            [id, tr.className, tr.querySelector('.outcome').textContent.trim()]))""")
    wanted = rule_outcomes(document)
    assert wanted, "the report has no check results"
    on_page = {}
    for row_id, classes, label in rows:
        rule = row_id.removeprefix("check-")
        outcome = classes.removeprefix("outcome-")
        assert label == OUTCOME_LABEL[outcome], (rule, label)
        on_page[rule] = outcome
    assert on_page == wanted
    assert_expected_checks(on_page, expected)
    # A hint (提示: a rule of severity info) is not a failed check, nor counted as one.
    hints = page.locator("article table.checks tr.outcome-info").all_inner_texts()
    assert not [text for text in hints if "未通过" in text], hints
    assert page.locator("nav.report-toc a[href='#checks']").count() == 1


def check_citation(page: Page, url: str, title: str) -> None:
    headings = page.locator("article .cite h3").all_inner_texts()
    assert {"GB/T 7714-2015", "APA", "BibTeX"} <= set(headings), headings
    link = page.locator("article .cite a.permalink")
    assert link.evaluate("a => a.href") == url and link.inner_text() == url
    gbt, apa, bibtex = page.locator("article .cite .cite-text").all_inner_texts()[:3]
    accessed = re.search(r"\[(\d{4}-\d{2}-\d{2})\]", gbt)
    assert accessed, f"no access date in {gbt!r}"
    day = date.fromisoformat(accessed.group(1))
    assert abs(day - date.today()) <= timedelta(days=1)
    assert f"{title}（结构化数据）[DB/OL]" in gbt and gbt.endswith(f"{url}.")
    english = f"{day:%B} {day.day}, {day.year}"
    assert f"{title}（结构化数据）[Data set]. Retrieved {english}, from {url}" in apa
    assert bibtex.startswith("@misc{gov-disclosure-")
    assert f"title = {{{title}（结构化数据）}}" in bibtex
    assert f"howpublished = {{\\url{{{url}}}}}" in bibtex and f"note = {{引用日期: {day.isoformat()}}}" in bibtex
    assert "引用日期]" not in gbt and "access date" not in apa


def check_head(page: Page, row: dict, title: str) -> None:
    meta = dict(page.eval_on_selector_all("meta[name^='citation_']", "els => els.map(m => [m.name, m.content])"))
    assert meta["citation_title"] == f"{title}（结构化数据）"
    assert meta["citation_author"] and meta["citation_publisher"]
    assert re.fullmatch(r"\d{4}/\d{2}/\d{2}", meta["citation_publication_date"])
    assert meta["citation_abstract_html_url"].endswith(f"reports/{row['report_id']}/")
    assert row["agency_name"] in meta["citation_keywords"] and row["year"] in meta["citation_keywords"]
    blocks = page.eval_on_selector_all("script[type='application/ld+json']", "els => els.map(e => e.textContent)")
    assert len(blocks) == 1
    data = json.loads(blocks[0])
    assert data["@context"] == "https://schema.org" and data["@type"] == "Dataset"
    assert data["name"] == f"{title}（结构化数据）" and data["identifier"] == row["report_id"]
    assert data["temporalCoverage"] == row["year"] and row["province"] in data["spatialCoverage"]["name"]
    assert data["license"].startswith("https://creativecommons.org/")
    assert sorted(d["encodingFormat"] for d in data["distribution"]) == ["application/json", "text/csv"]
    suffix = {"application/json": "json", "text/csv": "csv"}
    for download in data["distribution"]:
        name = {"json": "report.json", "csv": "cells.csv"}[suffix[download["encodingFormat"]]]
        assert download["contentUrl"].endswith(f"reports/{row['report_id']}/{name}")
    assert page.locator("meta[name='description']").get_attribute("content").startswith(row["badge"])


def check_downloads(page: Page, row: dict, source: str) -> None:
    links = page.eval_on_selector_all("article ul.downloads a[href]", "els => els.map(a => a.href)")
    links.append(page.locator("article img.badge-img").evaluate("img => img.src"))
    kinds = {urlparse(link).path.rsplit("/", 1)[-1].rsplit(".", 1)[-1] for link in links}
    assert {"json", "csv", "txt", "svg"} <= kinds, links
    for link in links:
        response = page.request.get(link)
        assert response.status == 200, f"{link}: {response.status}"
        if link.endswith(".json"):
            assert response.json()["report_id"] == row["report_id"]
        elif link.endswith(".csv"):
            assert response.body().startswith("\ufeffreport_id,cell_id,label_zh,value,".encode())
        elif link.endswith("source.txt"):
            assert response.text() == (CORPUS / source).read_text(encoding="utf-8")
        elif link.endswith("badge.svg"):
            assert response.headers["content-type"].startswith("image/svg+xml")
            assert f">{row['badge']}</text>" in response.text()
    assert page.locator("article img.badge-img").evaluate("img => img.complete && img.naturalWidth > 0")


def check_links(page: Page) -> None:
    """Every link into the site answers, and every #anchor is on the page."""
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(a => [a.getAttribute('href'), a.href])")
    ids = set(page.eval_on_selector_all("[id]", "els => els.map(e => e.id)"))
    checked = set()
    for raw, absolute in hrefs:
        if raw.startswith("#"):
            assert raw[1:] in ids, f"link to #{raw[1:]}, which is not on the page"
            continue
        target = absolute.split("#")[0]
        if _local(target) and target not in checked:
            checked.add(target)
            assert page.request.get(target).status == 200, f"broken link {raw} → {target}"


def check_year_links(page: Page, site: Site, row: dict) -> None:
    siblings = sorted((r for r in site.reports if r["agency_id"] == row["agency_id"]), key=lambda r: int(r["year"]))
    index = next(i for i, r in enumerate(siblings) if r["report_id"] == row["report_id"])
    for rel, other in (("prev", siblings[index - 1] if index else None),
                       ("next", siblings[index + 1] if index + 1 < len(siblings) else None)):
        link = page.locator(f"nav.years-nav a[rel={rel}]")
        if other is None:
            assert link.count() == 0, f"a {rel} link without a {rel} year"
        else:
            assert link.evaluate("a => a.href") == site.report_url(other)
            assert other["year"] in link.inner_text()
    agency = page.locator("nav.years-nav a:not([rel])")
    assert agency.evaluate("a => a.href") == site.url(f"agencies/{row['agency_id']}/")


@pytest.mark.parametrize("source", CORPUS_FILES)
def test_report_page(session, site, source):
    row, expected = site.report(source), expected_for(source)
    document = site.document(row)
    url = site.report_url(row)
    page = session.open(url)
    title = f"{expected['agency']} {expected['year']} 年政府信息公开工作年度报告"
    assert page.locator("article h1").inner_text() == title
    assert page.title().startswith(title)
    badge = page.locator("article #badge .badge")
    assert badge.inner_text() == expected["badge"] == row["badge"]
    assert f"badge-{BADGE_CLASS[expected['badge']]}" in badge.get_attribute("class")
    assert page.locator("article img.badge-img").get_attribute("alt") == f"勾稽关系：{expected['badge']}"
    assert page.locator("article .verdict-summary").inner_text() == row["summary"].split("：", 1)[1]
    check_cells(page, document, expected)
    check_checks(page, document, expected)
    check_citation(page, url, title)
    check_head(page, row, title)
    check_downloads(page, row, source)
    check_year_links(page, site, row)
    check_links(page)


def test_report_page_without_javascript(browser, site):
    """Tables, checks and links are in the HTML itself; the permalink links to the page until site.js fills it in."""
    with recording(browser, java_script_enabled=False) as session:
        row = site.report(GUYUAN)
        page = session.open(site.report_url(row))
        assert page.locator("article table.t3 td.s-repaired").count() == 3
        assert page.locator("article table.checks tr.outcome-fail").count() >= 1
        assert page.locator("article .cite a.permalink").evaluate("a => a.href") == site.report_url(row)
        assert page.locator("article .cite .access-date").first.inner_text() == "引用日期"  # not filled without JS
        check_links(page)


def test_citations_written_by_site_js_escape_bibtex(session, site):
    """APA, BibTeX and the badge's embed code are made in the browser from the .cite block's data:
    a hostile title and source URL come out escaped exactly as the Python filters escape them."""
    from builder.site.pages import bibtex, bibtex_url

    title, original = "=1+2{%}\\_&#$~^ 固原市（结构化数据）", "https://a.cn/x}y{z\\w%E5#p"
    page = session.open(site.url("about/"))
    page.evaluate("""([title, original]) => {
        const block = document.createElement('div');
        block.className = 'cite';
        Object.assign(block.dataset, {permalink: 'https://example.org/r/', title, year: '2024', author: '项目',
                                      key: 'gov-disclosure-a-2024', badge: '一致', original});
        block.innerHTML = '<h3>GB/T 7714-2015</h3><div class="cite-entry"><pre><code class="cite-text">x</code></pre></div>'
            + '<h3>徽章</h3><p class="cite-badge"></p>';
        document.querySelector('article').appendChild(block);
    }""", [title, original])
    page.add_script_tag(url=site.url("assets/site.js"))
    page.wait_for_selector(".cite[data-title] .cite-entry:nth-of-type(3)", state="attached")
    headings = page.locator(".cite[data-title] h3").all_inner_texts()
    assert headings == ["GB/T 7714-2015", "APA", "BibTeX", "徽章"], headings
    _, apa, bib, embed = page.locator(".cite[data-title] .cite-text").all_text_contents()
    assert f"title = {{{bibtex(title)}}}" in bib and "\\textbackslash{}" in bib
    assert f"addendum = {{原始报告: \\url{{{bibtex_url(original)}}}}}" in bib
    assert "note = {引用日期: " in bib and "引用日期}" not in bib  # the access date filled in
    assert f"{title}[Data set]" in apa and f"(original report: {original})" in apa
    assert embed == '<a href="https://example.org/r/"><img src="https://example.org/r/badge.svg" alt="勾稽关系：一致"></a>'


class _Anchors(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        for name in ("href", "src"):
            if attributes.get(name) and tag in ("a", "link", "script", "img"):
                self.links.append(attributes[name])


def test_no_broken_links_in_any_page(site):
    """Every page of the site (the browser visits only some): links and #anchors resolve, before any JavaScript."""
    pages = {}
    for path in site.folder.rglob("*.html"):
        parser = _Anchors()
        parser.feed(path.read_text(encoding="utf-8"))
        pages[path] = parser
    assert len(pages) > 30
    broken = []
    for path, parser in pages.items():
        here = "http://site/" + path.relative_to(site.folder).as_posix().removesuffix("index.html")
        for link in parser.links:
            url = urljoin(here, link)
            if not url.startswith("http://site/"):
                continue
            target = site.folder / unquote(urlparse(url).path).lstrip("/")
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{path.relative_to(site.folder)}: {link}")
            elif urlparse(url).fragment and target in pages and urlparse(url).fragment not in pages[target].ids:
                broken.append(f"{path.relative_to(site.folder)}: {link} (no such anchor)")
    assert not broken, "\n".join(broken)


def test_every_report_is_built(site):
    assert sorted(r["source_file"] for r in site.reports) == CORPUS_FILES
    assert len({r["report_id"] for r in site.reports}) == len(CORPUS_FILES)


def test_specific_cells(session, site):
    """The values a reader checks first: 彭阳 2022 table 3 总计 27; 固原 2019 table 4 复议后起诉 fails."""
    page = session.open(site.report_url(site.report(PENGYANG)))
    total_row = page.locator("article table.t3 tbody tr").filter(has_text="（七）总计")
    assert total_row.locator("td").nth(6).inner_text() == "27"
    page = session.open(site.report_url(site.report(GUYUAN)))
    failing = page.locator("article table.t4 td.cell-fail")
    assert failing.count() == 5  # the whole 复议后起诉 group: 1 + 0 + 0 + 1 ≠ 0
    failing.first.locator("a").click()
    assert page.evaluate("location.hash") == "#check-t4.group_sums"
    assert page.locator(":target").get_attribute("class") == "outcome-fail"


def test_repaired_cell_shows_raw_text_on_hover_and_keyboard_focus(session, site):
    page = session.open(site.report_url(site.report(GUYUAN)))
    row = [r.id for r in forms.FORMS["gov-2019"].t3_rows].index("denied.internal_affairs")
    cell = page.locator("article table.t3 tbody tr").nth(row).locator("td").nth(0)
    assert "s-repaired" in cell.get_attribute("class")
    assert cell.evaluate("td => td.firstChild.textContent") == "3"
    assert cell.get_attribute("data-tip").startswith("原文：0 0 3；")
    assert "复原" in cell.locator(".sr-only").text_content()  # said by screen readers, not only shown

    def tip() -> str:
        return cell.evaluate("td => getComputedStyle(td, '::after').content")

    page.mouse.move(0, 0)
    assert tip() in ("none", "normal")
    cell.hover()
    assert tip().startswith('"原文：0 0 3；')
    page.mouse.move(0, 0)
    assert tip() in ("none", "normal")
    cell.focus()
    assert cell.evaluate("td => td === document.activeElement")
    assert tip().startswith('"原文：0 0 3；')
    # In the keyboard's tab order: Shift+Tab leaves the cell, Tab comes back to it.
    page.keyboard.press("Shift+Tab")
    assert not cell.evaluate("td => td === document.activeElement")
    page.keyboard.press("Tab")
    assert cell.evaluate("td => td === document.activeElement")
    assert tip().startswith('"原文：0 0 3；')


def test_home_page(session, site):
    page = session.open(site.base)
    assert page.title().startswith("政府信息公开年报数据")
    stats = re.sub(r"\s+", "", page.locator("article .stats").inner_text())
    assert f"{len(site.reports)}份报告" in stats
    assert f"{len({r['agency_id'] for r in site.reports})}个机关" in stats
    newest = page.eval_on_selector_all("article .report-list a", "els => els.map(a => a.href)")
    assert sorted(newest) == sorted(site.report_url(r) for r in site.reports)
    counts = dict(page.eval_on_selector_all(
        "article table tbody tr", "rows => rows.map(tr => [tr.cells[0].innerText.trim(), tr.cells[1].innerText.trim()])"))
    assert counts == {b: str(sum(r["badge"] == b for r in site.reports)) for b in BADGE_CLASS}
    check_links(page)
    # The home page's search box leads to the search page's results.
    page.fill("#home-q", "彭阳")
    page.press("#home-q", "Enter")
    page.wait_for_url(re.compile(r"/find/\?q="))
    results = wait_for_results(page)
    assert site.report_url(site.report(PENGYANG)) in [r["url"] for r in results]


# --- search and finder ------------------------------------------------------------------------

RESULTS_JS = """items => items.map(li => {
  const badge = li.querySelector('.badge'), style = badge && getComputedStyle(badge);
  return {url: li.querySelector('a').href, title: li.querySelector('a').textContent, kind: li.querySelector('.kind').textContent,
          badge: badge ? badge.textContent : '', badgeClass: badge ? badge.className : '',
          badgeColours: style ? [style.color, style.backgroundColor] : [], text: li.querySelector('p').textContent};
})"""


def wait_for_results(page: Page, every_page: bool = True) -> list[dict]:
    """The results shown; with every_page, after pressing 显示更多 until every hit is listed."""
    page.wait_for_function("() => /^(找到|没有找到|搜索失败|显示前)/.test(document.getElementById('search-status').textContent)")
    while every_page and page.locator("#search-more").is_visible():
        shown = page.locator("#search-results li").count()
        page.click("#search-more")
        page.wait_for_function(f"() => document.querySelectorAll('#search-results li').length > {shown}")
        page.wait_for_function("() => /^(找到|显示前)/.test(document.getElementById('search-status').textContent)")
    return page.eval_on_selector_all("#search-results li.search-result", RESULTS_JS)


def search(session: Session, site: Site, query: str, every_page: bool = True,
           **filters: str) -> tuple[Page, str, list[dict]]:
    page = session.open(site.url("find/?" + urlencode({"q": query, **filters})))
    results = wait_for_results(page, every_page)
    assert page.input_value("#search-q") == query
    return page, page.locator("#search-status").inner_text(), results


def indexed_text(site: Site, row: dict) -> str:
    """What a report's search entry is made of: names, region, year, badge, summary, narrative sentences."""
    sentences = [r["text"] for r in narrative_rows(site.document(row)["narrative"])["shown"]]  # as the page shows them
    return " ".join([row["agency_name"], row["province"], row["city"], row["county"], row["adcode"], row["year"],
                     row["badge"], row["summary"], *sentences])


def report_hits(site: Site, results: list[dict]) -> set[str]:
    hits = {r["url"] for r in results if r["kind"] == "报告"}
    assert hits <= {site.report_url(r) for r in site.reports}
    return hits


def test_search_agency_name(session, site):
    _, status, results = search(session, site, "彭阳")
    assert status.startswith("找到")
    pengyang = site.report(PENGYANG)
    hit = next((r for r in results[:3] if r["url"] == site.report_url(pengyang)), None)
    assert hit is not None, "the 彭阳 report is not among the first results"  # its title matches: ranked first
    assert hit["badge"] == pengyang["badge"]
    assert hit["badgeClass"] == f"badge badge-{BADGE_CLASS[pengyang['badge']]}"
    colour, background = hit["badgeColours"]
    assert background != "rgba(0, 0, 0, 0)" and colour != background  # the badge can be read
    assert report_hits(site, results) == {site.report_url(r) for r in site.reports if "彭阳" in indexed_text(site, r)}
    assert site.url(f"agencies/{pengyang['agency_id']}/") in [r["url"] for r in results]


def test_search_agency_and_year(session, site):
    _, _, results = search(session, site, "隆德县 2023")
    longde = site.report(LONGDE)
    assert site.report_url(longde) in report_hits(site, results)
    for row in site.reports:  # every report found names both
        if site.report_url(row) in report_hits(site, results):
            assert "隆德县" in indexed_text(site, row) and "2023" in indexed_text(site, row)


def test_search_phrase_in_every_title(session, site):
    _, status, results = search(session, site, "政府信息公开")
    assert report_hits(site, results) == {site.report_url(r) for r in site.reports}
    found = int(re.match(r"找到 (\d+) 个页面", status).group(1))
    assert found >= len(site.reports)


def test_search_topic(session, site):
    """行政复议: every report and rule whose indexed text says it is found; every page found says it."""
    page, _, results = search(session, site, "行政复议")
    mention = {site.report_url(r) for r in site.reports if "行政复议" in indexed_text(site, r)}
    assert len(mention) >= 2  # 固原 and 彭阳 report review cases in their prose
    assert mention <= report_hits(site, results)
    with (site.folder / "data" / "rules.csv").open(encoding="utf-8-sig", newline="") as handle:
        rules = [r for r in csv.DictReader(handle) if "行政复议" in r["title_zh"] + r["formula_zh"]]
    assert rules
    assert {site.url(f"rules/{r['check_id']}/") for r in rules} <= {r["url"] for r in results}
    for result in results:
        assert "行政复议" in page.request.get(result["url"]).text(), f"{result['url']} does not mention 行政复议"


def test_search_and_finder_on_a_phone(session, site):
    """At 390 px: the form, the results with their marked snippets and the finder's list fit the screen."""
    page = session.open(site.url("find/?" + urlencode({"q": "行政复议"})))
    page.set_viewport_size({"width": 390, "height": 844})
    wait_for_results(page, every_page=False)
    assert page.locator("#search-results p.snippet mark").first.is_visible()
    wide = "() => document.documentElement.scrollWidth"
    assert page.evaluate(wide) <= 390, "the search page is wider than the phone"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "find-phone.png", full_page=True)
    page.fill("#search-q", "")
    page.press("#search-q", "Enter")
    finder_settled(page)
    assert page.locator("#finder-rows tr").count() == len(site.reports)
    box = page.locator("#finder-table").bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390, box
    assert page.evaluate(wide) <= 390


@pytest.mark.parametrize("query", ["量子纠缠", "constructor", "__proto__ tostring"])
def test_search_without_hits(session, site, query):
    """Words that name a property of every script object are words too ("constructor" failed)."""
    _, status, results = search(session, site, query)
    assert status == "没有找到匹配的页面" and results == []


def finder_settled(page: Page) -> None:
    page.wait_for_function("() => !document.getElementById('finder-status').textContent.startsWith('正在')")


def test_finder_filters_by_year_and_badge(session, site):
    page = session.open(site.url("find/"))
    finder_settled(page)

    def shown_reports() -> set[str]:
        finder_settled(page)
        return set(page.eval_on_selector_all("#finder-rows a", "els => els.map(a => a.href)"))

    def urls(rows) -> set[str]:
        return {site.report_url(r) for r in rows}

    assert shown_reports() == urls(site.reports)
    years = sorted({r["year"] for r in site.reports}, reverse=True)
    assert page.eval_on_selector_all("#finder select[name=year] option", "els => els.map(o => o.value)") == ["", *years]
    year = max(years, key=lambda y: sum(r["year"] == y for r in site.reports))
    in_year = [r for r in site.reports if r["year"] == year]
    page.select_option("#finder select[name=year]", year)
    assert shown_reports() == urls(in_year)
    assert page.locator("#finder-status").inner_text() == f"{len(in_year)} 份报告"
    badge = "存疑"
    both = [r for r in in_year if r["badge"] == badge]
    assert 0 < len(both) < len(in_year)
    page.select_option("#finder select[name=badge]", badge)
    assert shown_reports() == urls(both)
    page.select_option("#finder select[name=year]", "")
    assert shown_reports() == urls(r for r in site.reports if r["badge"] == badge)
    province = site.report(DINGXI)["province"]
    page.select_option("#finder select[name=badge]", "")
    page.select_option("#finder select[name=province]", province)
    assert shown_reports() == urls(r for r in site.reports if r["province"] == province)
    # The same filters from the address (year pages link to the finder so).
    page = session.open(site.url(f"find/?year={year}&badge={quote(badge)}"))
    assert shown_reports() == urls(both)


def test_finder_filters_search_results(session, site):
    """One form: the year, badge and province narrow what a query finds, to reports only."""
    page, _, everything = search(session, site, "政府信息公开")
    assert report_hits(site, everything) == {site.report_url(r) for r in site.reports}
    assert not page.locator("#finder-table").is_visible()
    year = max({r["year"] for r in site.reports}, key=lambda y: sum(r["year"] == y for r in site.reports))
    page.select_option("#finder select[name=year]", year)
    results = wait_for_results(page)
    assert {r["url"] for r in results} == {site.report_url(r) for r in site.reports if r["year"] == year}
    assert f"year={year}" in page.url  # the address keeps the filters
    page.select_option("#finder select[name=badge]", "存疑")
    results = wait_for_results(page)
    wanted = {site.report_url(r) for r in site.reports if r["year"] == year and r["badge"] == "存疑"}
    assert wanted and {r["url"] for r in results} == wanted
    province = site.report(DINGXI)["province"]
    _, _, results = search(session, site, "政府信息公开", province=province)
    assert {r["url"] for r in results} == {site.report_url(r) for r in site.reports if r["province"] == province}
    # Emptying the query lists the filtered reports again.
    page.fill("#search-q", "")
    page.press("#search-q", "Enter")
    finder_settled(page)
    assert page.locator("#finder-table").is_visible() and not page.locator("#search-results").is_visible()
    shown = set(page.eval_on_selector_all("#finder-rows a", "els => els.map(a => a.href)"))
    assert shown == wanted


MARKS_JS = """items => items.map(li => ({
  url: li.querySelector('a').href,
  title: [...li.querySelectorAll('a mark')].map(m => m.textContent),
  snippet: [...li.querySelectorAll('p.snippet mark')].map(m => m.textContent),
  html: li.querySelector('p.snippet').innerHTML}))"""


def test_search_snippet_around_the_match(session, site):
    """The snippet is the passage that matched, not the start of the page, with the words marked."""
    page, _, results = search(session, site, "行政复议")
    marked = page.eval_on_selector_all("#search-results li.search-result", MARKS_JS)
    assert results and len(marked) == len(results)
    late = 0
    for result, marks in zip(results, marked):
        assert "行政复议" in result["text"], f"{result['url']}: snippet {result['text']!r} misses the match"
        assert marks["snippet"] and set(marks["snippet"]) == {"行政复议"}, marks
        assert re.fullmatch(r"(…)?[^<>]*<mark>行政复议</mark>.*", marks["html"]), marks["html"]
        late += result["text"].startswith("…")
    assert late, "no snippet starts inside its text: snippets are not cut around the match"
    # Two words: each is marked where it occurs, in the title too.
    page, _, results = search(session, site, "隆德县 2023")
    marks = page.eval_on_selector_all("#search-results li.search-result", MARKS_JS)[0]
    assert set(marks["title"]) == {"隆德县", "2023"} and {"隆德县", "2023"} <= set(marks["snippet"])


def test_search_ranks_reports_first(session, site):
    _, _, results = search(session, site, "政府信息公开")
    kinds = [r["kind"] for r in results]
    assert "报告" in kinds and len(set(kinds)) > 1
    assert kinds == sorted(kinds, key=lambda k: k != "报告"), kinds
    newest = [r["url"] for r in results if r["kind"] == "报告"]
    years = [next(x["year"] for x in site.reports if site.report_url(x) == url) for url in newest]
    assert years == sorted(years, reverse=True)
    # A common word: the first page of hits, then the next on demand, ranked alike.
    _, status, every = search(session, site, "年度")
    assert len(every) > 10 and status == f"找到 {len(every)} 个页面"
    page, status, first = search(session, site, "年度", every_page=False)
    assert status == "显示前 10 个匹配的页面，还有更多" and page.locator("#search-more").is_visible()
    assert [r["url"] for r in first] == [r["url"] for r in every[:10]]


@pytest.mark.parametrize("query", ["pengyang", "PengYang", "pyx", "pengyangxianrenminzhengfu", "renmin zhengfu"])
def test_search_by_pinyin(session, site, query):
    _, _, results = search(session, site, query)
    pengyang = site.report(PENGYANG)
    assert site.report_url(pengyang) in report_hits(site, results)
    assert site.url(f"agencies/{pengyang['agency_id']}/") in {r["url"] for r in results}
    if query != "renmin zhengfu":
        assert report_hits(site, results) == {site.report_url(r) for r in site.reports if "彭阳" in r["agency_name"]}


def test_search_by_adcode(session, site):
    row = site.report(PENGYANG)
    assert re.fullmatch(r"\d{6}", row["adcode"])
    _, _, results = search(session, site, row["adcode"])
    assert report_hits(site, results) == {site.report_url(r) for r in site.reports if r["adcode"] == row["adcode"]}
    assert site.url(f"regions/{row['adcode']}/") in {r["url"] for r in results}
    assert results[0]["kind"] == "报告"


def test_search_fetches_what_the_builder_predicts(browser, site):
    """site.js and builder.site.search.first_search walk the same files: the figure the
    size tests and the benchmark give is what a browser loads."""
    from builder.site.search import first_search

    for query, filters in (("政府信息公开", {}), ("彭阳", {}), ("行政复议", {"badge": "存疑"})):
        with recording(browser) as session:
            page = session.open(site.url("find/?" + urlencode({"q": query, **filters})))
            wait_for_results(page, every_page=False)
            fetched = {unquote(urlparse(u).path).removeprefix("/search/") for u in session.requests if "/search/" in u}
        fetched.discard("finder/index.json")
        terms = [f"~b{filters['badge']}"] if filters else []
        _, predicted = first_search(site.folder, query, terms)
        assert fetched == set(predicted), (query, fetched ^ set(predicted))


# --- accessibility and screenshots ---------------------------------------------------------------

AXE_PAGES = {"home": "", "find": "find/?q=" + quote("政府信息公开"), "find-list": "find/", "report-tables": GUYUAN,
             "report-no-tables": DINGXI, "agency": PENGYANG}


@pytest.mark.parametrize("name", AXE_PAGES)
def test_accessibility(session, site, name):
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `make browser` (or `npm install --no-save axe-core@4`) at the project root")
    target = AXE_PAGES[name]
    if target in CORPUS_FILES:
        row = site.report(target)
        path = f"agencies/{row['agency_id']}/" if name == "agency" else f"reports/{row['report_id']}/"
    else:
        path = target
    page = session.open(site.url(path))
    if name == "find":
        assert wait_for_results(page, every_page=False)
    if name == "find-list":
        page.wait_for_function("() => document.querySelectorAll('#finder-rows tr').length > 0")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    serious = [v for v in result["violations"] if v["impact"] in ("serious", "critical")]
    assert not serious, "\n".join(
        f"{v['impact']} {v['id']}: {v['help']} — " + "; ".join(str(n["target"]) for n in v["nodes"][:5])
        for v in serious)


def test_screenshots(session, site):
    """PNGs for people (tests/screenshots/, kept by CI); UPDATE_DOCS_SCREENSHOT=1 also refreshes the README's."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shots = {}
    page = session.open(site.base)
    shots["home.png"] = page.screenshot(path=SCREENSHOTS / "home.png")
    page = session.open(site.report_url(site.report(GUYUAN)))
    shots["report.png"] = page.screenshot(path=SCREENSHOTS / "report.png", full_page=True)
    shots["report-top.png"] = page.screenshot(path=SCREENSHOTS / "report-top.png")
    page, _, results = search(session, site, "政府信息公开")
    assert results
    shots["find.png"] = page.screenshot(path=SCREENSHOTS / "find.png", full_page=True)
    for name, png in shots.items():
        assert png.startswith(b"\x89PNG") and len(png) > 10_000, name
        assert (SCREENSHOTS / name).read_bytes() == png
    if os.environ.get("UPDATE_DOCS_SCREENSHOT"):
        fonts = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True, check=False).stdout
        assert fonts.strip(), "no CJK font installed (fonts-noto-cjk): the screenshot would show boxes"
        DOCS_SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        DOCS_SCREENSHOT.write_bytes(shots["report-top.png"])


# --- hostile text: a report whose text carries HTML and scripts ------------------------------------

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
SVG = "<svg/onload=alert(1)//"  # fits a title line: no '>' needed to run in an unescaped page
HOSTILE = "005_hostile.txt"


@pytest.fixture(scope="module")
def small_site(tmp_path_factory) -> Iterator[Site]:
    """彭阳 2022 as bundled, and a 2021 copy with HTML in its title, prose, table labels and text."""
    corpus = tmp_path_factory.mktemp("hostile-corpus")
    text = (CORPUS / PENGYANG).read_text(encoding="utf-8")
    shutil.copy(CORPUS / PENGYANG, corpus / PENGYANG)
    # A copy dated 2021 throughout: a title alone against the period and the body would lose to them.
    hostile = f"{SVG}彭阳县人民政府2021年政府信息公开工作年度报告\n" + text.replace("2022年", "2021年")
    for old, new in (("全年累计办理申请29件。", f"全年累计办理申请29件{SCRIPT}{IMG}。"),  # a narrative figure's sentence
                     ("(七)总 计 |", f"(七)总 计{IMG} |"),  # a table label
                     ("主办:彭阳县人民政府办公室", f"主办:彭阳县人民政府办公室{SCRIPT}")):  # the page footer
        assert old in hostile
        hostile = hostile.replace(old, new, 1)
    (corpus / HOSTILE).write_text(hostile, encoding="utf-8")
    out = tmp_path_factory.mktemp("hostile") / "site"
    build(corpus, out, say=lambda _: None)
    with serve(out) as base:
        yield Site(out, base, read_reports(out))


INERT_JS = """() => ({
  scripts: [...document.scripts].filter(s => s.textContent.includes('alert(1)')).map(s => s.type),
  handlers: document.querySelectorAll('[onerror], [onload]').length,
  injected: document.querySelectorAll('img[src="x"], article svg[onload], #search-results script, #search-results img').length,
  text: document.body.innerText})"""


def assert_inert(page: Page) -> str:
    """No element came from the hostile text; returns the page's visible text."""
    found = page.evaluate(INERT_JS)
    assert set(found["scripts"]) <= {"application/ld+json"}, f"{page.url}: a script runs the report's text"
    assert found["handlers"] == 0 and found["injected"] == 0, f"{page.url}: elements made from the report's text"
    return found["text"]


def test_hostile_text_stays_text(session, small_site):
    site = small_site
    row = site.report(HOSTILE)
    # Markup before the title's name is page chrome: it never reaches the agency name or id.
    assert row["agency_name"] == "彭阳县人民政府" and row["year"] == "2021"
    report_html = site.folder / "reports" / row["report_id"] / "index.html"
    carrying = sorted(p for p in site.folder.rglob("*.html") if "alert(1)" in p.read_text(encoding="utf-8"))
    assert report_html in carrying and len(carrying) >= 2  # the report page and the rule page quoting it
    raw = report_html.read_text(encoding="utf-8")
    for escaped in ("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;"):
        assert escaped in raw
    for page_file in carrying:
        text = page_file.read_text(encoding="utf-8")
        for payload in (SCRIPT, IMG, SVG):
            assert payload not in text, f"{page_file.relative_to(site.folder)} carries {payload} unescaped"
    ld = raw.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in ld and SVG not in json.loads(ld)["name"]

    for page_file in carrying:
        path = page_file.relative_to(site.folder).as_posix().removesuffix("index.html")
        page = session.open(site.url(path))
        assert "alert(1)" in assert_inert(page), f"{path}: the hostile text is not shown"
        page.close()

    page = session.open(site.report_url(row))
    assert page.locator("article h1").inner_text() == "彭阳县人民政府 2021 年政府信息公开工作年度报告"
    # The sentence beside a prose figure is cut to its first NARRATIVE_TEXT characters.
    assert f"全年累计办理申请29件{SCRIPT}{IMG}。"[:NARRATIVE_TEXT - 1] in page.locator("article table.narrative").inner_text()
    page.locator("article details.source summary").click()
    page.wait_for_function("() => document.querySelector('article pre.source-text').textContent.includes('主办')")
    source = page.locator("article pre.source-text").inner_text()
    assert SVG in source and f"(七)总 计{IMG}" in source and f"主办:彭阳县人民政府办公室{SCRIPT}" in source
    assert_inert(page)

    for query in ("alert", "彭阳 2021"):
        page, _, results = search(session, site, query)
        hit = next((r for r in results if r["url"] == site.report_url(row)), None)
        assert hit is not None, f"{query}: the report is not found"
        assert SVG not in hit["title"]
        assert_inert(page)
    page = session.open(site.url("find/?province=" + quote(row["province"])))
    page.wait_for_function("() => document.querySelectorAll('#finder-rows tr').length == 2")
    assert "彭阳县人民政府" in page.locator("#finder-rows").inner_text()
    assert_inert(page)
    page.wait_for_timeout(200)  # an onerror or onload handler would have fired by now
    assert not session.dialogs


def test_previous_and_next_year(session, small_site):
    site = small_site
    older, newer = sorted(site.reports, key=lambda r: int(r["year"]))
    assert older["agency_id"] == newer["agency_id"] and (older["year"], newer["year"]) == ("2021", "2022")
    page = session.open(site.report_url(older))
    check_year_links(page, site, older)
    page.locator("nav.years-nav a[rel=next]").click()
    page.wait_for_url(site.report_url(newer))
    check_year_links(page, site, newer)
    assert page.locator("nav.years-nav a[rel=prev]").inner_text() == "← 2021 年度"
    page = session.open(site.url(f"agencies/{older['agency_id']}/"))
    reports_table = page.locator("article table").first  # the charts' tables below link to reports too
    years = reports_table.locator("a[href*='/reports/']").evaluate_all("els => els.map(a => a.textContent)")
    assert years == ["2021", "2022"]


def test_download_snippets_carry_this_sites_address_and_copy(browser, site):
    """Built without a site URL: the page fills in its own address, and the copied pandas code runs."""
    import contextlib
    import io

    with recording(browser, permissions=["clipboard-read", "clipboard-write"]) as session:
        page = session.open(site.url("downloads/"))
        bases = page.locator("article .site-base").all_inner_texts()
        assert bases and set(bases) == {site.base}
        entry = page.locator("article .cite-entry", has=page.locator("code[data-snippet='pandas']"))
        entry.locator("button.copy").click()
        page.wait_for_function("() => [...document.querySelectorAll('button.copy')].some(b => b.textContent === '已复制')")
        copied = page.evaluate("() => navigator.clipboard.readText()")
        shown = entry.locator("code").inner_text()
    assert copied == shown and f'base = "{site.base}data/"' in copied
    namespace: dict = {}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(compile(copied, "copied-pandas-snippet", "exec"), namespace)
    assert len(namespace["reports"]) == len(site.reports)
