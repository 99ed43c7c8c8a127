"""The site stage: the pages rendered from the data package into the output.

One readable sequence (``build_site``): mkdocs builds the hand-written pages and
the shells; every report and agency page is kept from the last build when its
key is the same, else rendered (in worker processes when there are many, each
writing its own pages); then the region, year, rule and compare pages, the
search index and the sitemap. What a page looks like is ``pages.Pages``.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import html
import itertools
import json
import os
import re
import shutil
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from jinja2 import Environment, FileSystemLoader

from ..datasets.outputs import DataPlace, OutputFolder
from ..datasets.package import PendingPackage
from ..errors import BuilderError
from ..memory import collect_less, release_memory
from .compare import CompareGroup, compare_rows, definitions_json, province_code
from .data import SiteData
from .keys import PageKeys, page_key
from .pages import (
    COMPACT,
    FILES_PENDING,
    MINIMAL,
    PROJECT,
    SHELLS,
    Aggregate,
    Pages,
    Shell,
    agency_title,
    badge_svg,
    environment,
    narrative_rows,
    regions_of,
    rendering_version,
    report_title,
)
from .search import write_search

if TYPE_CHECKING:
    from mkdocs.theme import Theme


# --- the compare groups (their keys are kept by builder.site.keys) ------------------------------


COMPARED = ("agency_id", "agency_name", "province", "city", "county", "template", "badge")  # a compare row's


def compare_groups(data: SiteData, contents: dict[str, str], keys: PageKeys,
                   site: OutputFolder) -> dict[tuple[str, str], CompareGroup]:
    """Every compare page (a year and province), its data file written: a group whose reports'
    rows, indicators (in ``contents``) and agencies' levels are as last time is the last build's
    file, linked, so a rebuild reads the indicators of the changed groups only."""
    by_group: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for r in data.reports:
        by_group[(r["year"], province_code(r))].append(r)
    out = {}
    for (year, code), reports in sorted(by_group.items()):
        key = page_key([(r["report_id"], contents[r["report_id"]], [r[k] for k in COMPARED],
                         data.agencies.get(r["agency_id"], {}).get("level", "")) for r in reports])
        group = keys.compare_group(site, f"{year}/{code}", key,
                                   lambda reports=reports: compare_rows(data.derived, reports, data.agencies).get(
                                       (reports[0]["year"], province_code(reports[0]))))
        if group is not None:
            out[(year, code)] = group
    text = json.dumps(definitions_json(), ensure_ascii=False, separators=(",", ":"))
    site.write_text("compare/data/indicators.json", text)
    return out


# --- an agency's pages, rendered here or in a worker process ------------------------------------

POOL_PAGES = 200  # pages to render from which a process pool pays for starting it
# Bytes (30 KB, counted in decimal as the issue counts): a report page that would pass it
# is rendered again with its long lists cut shorter.
PAGE_LIMIT = 30_000
WINDOW = 32  # agencies per worker sent at a time


class AgencyWork(NamedTuple):
    """An agency's pages to render: its data (``SiteData.for_agency``), which of its reports' pages,
    and whether its own page."""

    data: SiteData
    agency_id: str
    report_ids: frozenset[str]
    agency_page: bool


class Rendered(NamedTuple):
    path: str
    size: int  # bytes of its index.html
    search: dict | None = None  # a report's search document (made from the document read to render it)


class AgencyRendered(NamedTuple):
    """What an agency's pages became, written where they render (a worker writes its own):
    only their sizes and search documents travel back, with the folder's counts."""

    pages: list[Rendered]
    written: int
    reused: int


def render_agency(work: AgencyWork, shells: dict[int, Shell], env: Environment, site: OutputFolder) -> AgencyRendered:
    """An agency's pages asked for, written into ``site`` (a report's badge beside its page):
    the same here as in a worker process."""
    data = work.data
    pages = Pages(data, env)
    reports = data.by_agency[work.agency_id]
    written, reused = site.written, site.reused
    out = []
    for report in reports:
        if report["report_id"] not in work.report_ids:
            continue
        path = f"reports/{report['report_id']}/"
        document = json.loads(data.document_bytes(report["report_id"]))
        html_bytes = page_bytes(shells[3], pages.report_page(report, document, reports), data.permalink(path))
        for caps in (COMPACT, MINIMAL):  # a report with much to say: its long lists cut shorter
            if len(html_bytes) <= PAGE_LIMIT:
                break
            html_bytes = page_bytes(shells[3], pages.report_page(report, document, reports, caps), data.permalink(path))
        write_bytes(site, path, html_bytes)
        site.write_text(f"{path}badge.svg", badge_svg(report["badge"]))
        out.append(Rendered(path, len(html_bytes), search_document(path, report_title(report), report, document)))
    if work.agency_page:
        path = f"agencies/{work.agency_id}/"
        page = pages.agency_page(data.agencies[work.agency_id], reports)
        out.append(Rendered(path, write_page(site, path, shells[2], page, data.permalink(path))))
    return AgencyRendered(out, site.written - written, site.reused - reused)


_WORKER: dict = {}  # in a worker process: the shells, the template environment and the output folder


def _start_worker(shells: dict[int, Shell], root: Path, previous: Path | None) -> None:
    collect_less()
    _WORKER.update(shells=shells, env=environment(), site=OutputFolder(root, previous))


def _render_in_worker(work: AgencyWork) -> AgencyRendered:
    return render_agency(work, _WORKER["shells"], _WORKER["env"], _WORKER["site"])


def render_agencies(data: SiteData, todo: list[tuple[str, frozenset[str], bool]], shells: dict[int, Shell],
                    env: Environment, site: OutputFolder, jobs: int) -> Iterator[AgencyRendered]:
    """Render and write the agencies' pages asked for, in their order: in ``jobs`` worker
    processes when there are enough of them, each sent only its agency's data and writing its
    pages itself (the pages' bytes never cross a pipe); a window of agencies at a time, so
    that neither what is sent nor what comes back piles up."""
    works = (AgencyWork(data.for_agency(agency_id), agency_id, ids, own) for agency_id, ids, own in todo)
    pages = sum(len(ids) + own for _, ids, own in todo)
    if jobs <= 1 or pages < POOL_PAGES:
        for work in works:
            yield render_agency(work, shells, env, site)
        return
    import multiprocessing

    # spawn: a worker starts clean and holds one agency's data at a time, not a copy of the build,
    # nor what the extraction's fork server preloaded (the gazetteer and word list, ~130 MB a worker).
    context = multiprocessing.get_context("spawn")
    window = jobs * WINDOW
    with context.Pool(jobs, initializer=_start_worker, initargs=(shells, site.root, site.previous)) as pool:
        # Two windows in flight: while this one's results are taken, the workers go on with the next,
        # instead of standing idle at the end of each window.
        ahead = None
        while True:
            batch = list(itertools.islice(works, window))
            sent = pool.imap(_render_in_worker, batch, chunksize=4) if batch else None
            if ahead is not None:
                yield from ahead
            if sent is None:
                return
            ahead = sent


# --- the build --------------------------------------------------------------------------------

CURRENT: Pages | None = None  # read by the mkdocs hooks (hooks.py) during the build


def _mkdocs(out: Path, pages: Pages, site_url: str) -> None:
    """Run mkdocs for the hand-written pages, the data-derived ones and the shells."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    global CURRENT
    CURRENT = pages
    try:
        with _build_date(pages.data.package["created"]):
            config = load_config(str(PROJECT / "mkdocs.yml"), site_dir=str(out), site_url=site_url or None)
            config.theme.get_env = functools.partial(theme_environment, config.theme)
            mkdocs_build(config)
    finally:
        CURRENT = None


class _VisibleTemplates(FileSystemLoader):
    """The theme's template folders, listed without walking hidden folders: mkdocs lists every
    file of the theme to copy its static files, and leaves out each path with a part starting
    with a dot; Material keeps 14,000 icons in ``templates/.icons`` (read only by name, never
    listed), and walking and filtering them took half of mkdocs's time in a rebuild."""

    def list_templates(self) -> list[str]:
        found = set()
        for searchpath in self.searchpath:
            for folder, subfolders, names in os.walk(searchpath, followlinks=self.followlinks):
                subfolders[:] = [name for name in subfolders if not name.startswith(".")]
                relative = os.path.relpath(folder, searchpath)
                prefix = "" if relative == os.curdir else relative.replace(os.sep, "/") + "/"
                found.update(prefix + name for name in names)
        return sorted(found)


def theme_environment(theme: Theme) -> Environment:
    """mkdocs's ``Theme.get_env``, its loader listing no hidden folder (``_VisibleTemplates``)."""
    env = type(theme).get_env(theme)
    env.loader = _VisibleTemplates(env.loader.searchpath, followlinks=env.loader.followlinks)
    return env


@contextlib.contextmanager
def _build_date(created: str):
    """mkdocs dates the sitemap (and its gzip) by SOURCE_DATE_EPOCH, else the clock:
    give it the data date, so that the site says one date and rebuilds are identical."""
    moment = datetime.fromisoformat(created.replace("Z", "+00:00"))
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(int(moment.timestamp()))
    try:
        yield
    finally:
        if previous is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous


def fill_downloads(site: Path, pages: Pages) -> None:
    """The package's files listed on the downloads page mkdocs made (``FILES_PENDING``): done last,
    so that the site's pages are rendered while the workbook is written."""
    page = site / "downloads" / "index.html"
    text = page.read_text(encoding="utf-8")
    if text.count(FILES_PENDING) != 1:
        raise BuilderError(f"site: {page} does not hold the place of the package's files once")
    page.write_text(text.replace(FILES_PENDING, pages.downloads()), encoding="utf-8")


def read_shells(site: Path) -> dict[int, Shell]:
    shells = {}
    for depth, src in SHELLS.items():
        page = site / Path(src).parent / "index.html"
        text = page.read_text(encoding="utf-8")
        canonical = ""
        marker = 'rel="canonical" href="'
        if marker in text:
            start = text.index(marker) + len(marker)
            canonical = text[start:text.index('"', start)]
        # The theme's templates indent deeply: collapse that once, not per page.
        shells[depth] = Shell(re.sub(r"\s*\n\s*", "\n", text), canonical)
    shutil.rmtree(site / "shell")
    return shells


def write_page(site: OutputFolder, path: str, shell: Shell, page: tuple[str, str, str, str], permalink: str) -> int:
    return write_bytes(site, path, page_bytes(shell, page, permalink))


def page_bytes(shell: Shell, page: tuple[str, str, str, str], permalink: str) -> bytes:
    title, description, content, head = page
    return shell.fill(title, description, content, head, permalink).encode("utf-8")


def write_bytes(site: OutputFolder, path: str, data: bytes) -> int:
    site.write_bytes(f"{path}index.html", data)
    return len(data)


def build_site(data_dir: Path, out: Path, site_url: str = "", say: Callable[[str], None] = print,
               repo_url: str = "", previous: Path | None = None, place: DataPlace | None = None,
               jobs: int | None = None, progress: Callable[[int, int], None] | None = None,
               package: PendingPackage | None = None) -> dict:
    """Render the whole site into ``out`` (which already holds data/) from the data package;
    a page the same as in ``previous`` (the last build's output) is linked from there. Report and
    agency pages are rendered in ``jobs`` processes (default: one per core) when there are many;
    ``progress`` is told how many of them are rendered. ``package``: the package's workbook and
    description still being written; they are waited for when the downloads page lists the
    files, last (``fill_downloads``)."""

    data = SiteData.load(data_dir, out, site_url, repo_url, place,
                         package={"created": package.created} if package else None)
    pages = Pages(data)
    site = OutputFolder(out, previous)
    keys = PageKeys.of(previous)
    # What each report's pages show of its data, and the compare pages, first: the compare pages are
    # keyed by the former, and mkdocs's pages list the latter. What lives to the end is made before
    # the pages' short-lived objects, so freed memory is not scattered among long-lived objects.
    from ..datasets.fragments import agency_keys  # the datasets stage's manifest (not imported by page workers)

    fragments = agency_keys(out)
    contents = {agency_id: keys.report_contents(agency_id, fragments.get(agency_id, ""),
                                                [r["report_id"] for r in reports], pages.report_content)
                for agency_id, reports in sorted(data.by_agency.items())}
    data.compare = compare_groups(data, {i: c for found in contents.values() for i, c in found.items()}, keys, site)
    with tempfile.TemporaryDirectory() as tmp:
        staged = Path(tmp) / "site"
        _mkdocs(staged, pages, data.site_url)
        for item in staged.iterdir():
            target = out / item.name
            if item.is_dir():
                shutil.copytree(item, target, dirs_exist_ok=True)
            else:
                shutil.copy2(item, target)
    shells = read_shells(out)
    settings = pages.settings_key(rendering_version(shells))
    sizes: list[int] = []
    documents: list[dict] = []

    def aggregate(path: str, depth: int, page: Aggregate) -> None:
        if keys.kept_from_previous(site, path, page.key(settings)):
            sizes.append(os.stat(f"{previous}/{path}index.html").st_size)
        else:
            sizes.append(write_page(site, path, shells[depth], pages.render_aggregate(page), data.permalink(path)))

    # Links to the last build's pages are made by a thread while pages are rendered (``OutputFolder.linking``).
    with site.linking():
        # Report and agency pages: each kept from the last build when its key is the same, else rendered
        # (on all cores when there are many); search documents in the order of the pages.
        found: dict[str, dict] = {}
        order: list[str] = []
        todo: list[tuple[str, frozenset[str], bool]] = []
        for agency_id, reports in sorted(data.by_agency.items()):
            rendering = []
            for report in reports:
                path = f"reports/{report['report_id']}/"
                order.append(path)
                content = contents[agency_id][report["report_id"]]
                if keys.kept_from_previous(site, path, pages.report_key(settings, report, content, reports)):
                    sizes.append(os.stat(f"{previous}/{path}index.html").st_size)
                    if not site.keep_previous(f"{path}badge.svg"):  # its badge is in the key too
                        site.write_text(f"{path}badge.svg", badge_svg(report["badge"]))
                    # an unchanged report's search document is the last build's: its JSON is not parsed
                    found[path] = keys.found_document(path) or search_document(
                        path, report_title(report), report, json.loads(data.document_bytes(report["report_id"])))
                else:
                    rendering.append(report["report_id"])
            agency = data.agencies[agency_id]
            path = f"agencies/{agency_id}/"
            order.append(path)
            title = agency_title(agency)
            found[path] = {"url": path, "title": title, "kind": "机关", "names": [title],
                           "text": " ".join(filter(None, [agency["names_seen"], agency["province"], agency["city"],
                                                          agency["county"], agency["adcode"], agency["years"]]))}
            own = not keys.kept_from_previous(site, path, pages.agency_key(settings, agency, reports, contents[agency_id]))
            if not own:
                sizes.append(os.stat(f"{previous}/{path}index.html").st_size)
            if rendering or own:
                todo.append((agency_id, frozenset(rendering), own))
        cores = (os.cpu_count() or 1) if jobs is None else jobs
        total, done = sum(len(ids) + own for _, ids, own in todo), 0
        for agency in render_agencies(data, todo, shells, pages.env, site, cores):
            done += len(agency.pages)
            if progress:
                progress(done, total)
            site.written += agency.written
            site.reused += agency.reused
            for rendered in agency.pages:
                sizes.append(rendered.size)
                if rendered.search is not None:
                    found[rendered.path] = rendered.search
        documents += [keys.remember(path, found[path]) if path.startswith("reports/") else found[path]
                      for path in order]
        regions = regions_of(data.reports)
        for region in regions.values():
            path = f"regions/{region.code}/"
            aggregate(path, 2, pages.region_page(region, regions))
            documents.append({"url": path, "title": region.name, "kind": "地区", "names": [region.name],
                              "text": f"{region.name} {region.code}"})
        by_year: dict[str, list[dict]] = defaultdict(list)
        for r in data.reports:
            by_year[r["year"]].append(r)
        for year, reports in by_year.items():
            path = f"years/{year}/"
            page = pages.year_page(year, reports)
            aggregate(path, 2, page)
            documents.append({"url": path, "title": page.title, "kind": "年份", "text": f"{year} 年度"})
        for rule in data.rules:
            path = f"rules/{rule['check_id']}/"
            page = pages.rule_page(rule)
            aggregate(path, 2, page)
            documents.append({"url": path, "title": page.title, "kind": "规则",
                              "text": " ".join([rule["check_id"], rule["title_zh"], rule["title_en"], rule["formula_zh"]])})
        compare_paths = []
        for (year, code), group in data.compare.items():
            path = f"compare/{year}/{code}/"
            aggregate(path, 3, pages.compare_page(year, code, group))
            compare_paths.append(path)
        # The pages are rendered: what they were rendered from (the indicator and regional tables, the
        # reports' contents) is let go before the search index, the stage's largest part, is made.
        data.__dict__.pop("derived", None)
        del contents, found
        release_memory()
        if package is not None:
            data.package = package.complete()
        fill_downloads(out, pages)
        documents += static_documents(out)
        search_bytes = write_search(out, documents, data.reports, keys.pinyin, previous, settings)
        write_sitemap(out, data.site_url, [d["url"] for d in documents] + compare_paths, data.created_date)
        keys.write(out)
    rendered = len(sizes) - keys.kept
    say(f"site: {len(sizes)} data pages, average {sum(sizes) / max(1, len(sizes)) / 1024:.1f} KB; "
        f"{rendered} rendered, {keys.kept} unchanged since the last build and not rendered")
    return {"pages": len(sizes), "page_bytes": sum(sizes), "search": search_bytes, "written": site.written,
            "unchanged": site.reused, "rendered": rendered, "kept": keys.kept}


SITEMAP_URLS = 50_000  # the sitemap protocol's limit per file


def write_sitemap(site: Path, site_url: str, paths: list[str], date: str) -> None:
    """Every page, the data pages included, dated by the data date. mkdocs's own
    sitemap knows only its pages (and the shells, removed once filled)."""
    if not site_url:
        return  # a sitemap needs absolute URLs
    mkdocs = site / "sitemap.xml"
    known = re.findall(r"<loc>([^<]+)</loc>", mkdocs.read_text(encoding="utf-8")) if mkdocs.exists() else []
    urls = sorted({u for u in known if not u.startswith(site_url + "shell/")} | {site_url + p for p in paths})
    chunks = [urls[i:i + SITEMAP_URLS] for i in range(0, len(urls), SITEMAP_URLS)] or [[]]
    head = '<?xml version="1.0" encoding="UTF-8"?>\n'
    names = ["sitemap.xml"] if len(chunks) == 1 else [f"sitemap-{i}.xml" for i in range(1, len(chunks) + 1)]
    for name, chunk in zip(names, chunks, strict=True):
        body = "".join(f"<url><loc>{html.escape(u)}</loc><lastmod>{date}</lastmod></url>\n" for u in chunk)
        _write_xml(site / name, head + '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
                   + body + "</urlset>\n")
    if len(chunks) > 1:
        body = "".join(f"<sitemap><loc>{html.escape(site_url + n)}</loc><lastmod>{date}</lastmod></sitemap>\n"
                       for n in names)
        _write_xml(site / "sitemap.xml", head + '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                   "\n" + body + "</sitemapindex>\n")


def _write_xml(path: Path, text: str) -> None:
    """The file and its gzip (without a time stamp, so rebuilds are identical)."""
    data = text.encode("utf-8")
    path.write_bytes(data)
    with path.with_name(path.name + ".gz").open("wb") as raw, \
            gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as packed:
        packed.write(data)


def search_document(path: str, title: str, report: dict, document: dict) -> dict:
    """A report for search: names, region and its code, year, badge, summary and the
    prose sentences with figures; found also by the pinyin of its agency and filters."""
    from .search import facets

    # The sentences as the page shows them: a word found is a word the reader sees there.
    sentences = " ".join(row["text"] for row in narrative_rows(document.get("narrative", []))["shown"])
    text = " ".join(filter(None, [report["agency_name"], report["province"], report["city"], report["county"],
                                  report["adcode"], report["year"], report["badge"], report["summary"], sentences]))
    return {"url": path, "title": title, "kind": "报告", "text": text[:2000], "badge": report["badge"],
            "year": report["year"], "names": [report["agency_name"]], "facets": facets(report)}


# What a page marks as no text to search: the data's version, sizes and hashes change with every
# build (and would rewrite the index files their terms are in); nobody searches them.
_NOT_SEARCHED = re.compile(r"<(\w+)\b[^>]*\bdata-nosearch\b[^>]*>.*?</\1>", re.S)


def static_documents(site: Path) -> list[dict]:
    """The hand-written pages, for full-text search."""
    out = []
    for name, title in (("methodology", "方法说明"), ("downloads", "数据下载"), ("about", "关于本站")):
        page = site / name / "index.html"
        if not page.exists():
            continue
        text = page.read_text(encoding="utf-8")
        start = text.find('<article')
        body = _NOT_SEARCHED.sub(" ", text[start:text.find("</article>", start)])
        body = re.sub(r"<[^>]+>", " ", body)
        out.append({"url": f"{name}/", "title": title, "kind": "说明", "text": html.unescape(" ".join(body.split()))})
    return out
