"""Site build benchmark: this project's build against a stock mkdocs-material build.

For each size N (default 1,000 and 10,000) it writes N synthetic reports
(builder.synthetic: consistent tables, varied layouts, some with an error
put in) of agencies all over China (county names from the cpca gazetteer
with the bodies of builder.synthetic, each agency reporting for several of
the years 2019–2024) into a temporary corpus, then

* OURS: runs ``builder.build.build`` in a fresh Python process, timing its
  stages from the ``say`` messages (reports, datasets, site) and, inside the
  site stage, the mkdocs run for the hand-written pages and shells, the
  rendering of the data pages and the search index;
* STOCK: the same reports as markdown pages (metadata paragraph and tables
  2, 3 and 4 as pipe tables) built by ``mkdocs build`` with theme material,
  ``navigation.prune`` and the built-in search plugin, and once more without
  the search plugin.

It prints build times, site sizes, page sizes and what a first search
loads, and writes the same figures to benchmarks/out/site_bench.md.
Nothing is asserted; the issue's targets are printed beside the figures.

    python benchmarks/site_bench.py [--sizes 1000,10000] [--skip-stock] [--profile]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import platform
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
sys.path.insert(0, str(ROOT))

YEARS = range(2019, 2025)
QUERIES = ("彭阳", "教育局", "政府信息公开")
# The targets for 10,000 reports (reported beside the figures, never asserted).
TARGET_PAGES_S = 45.0
TARGET_SEARCH_S = 90.0
TARGET_PAGE_KB = 30.0
TARGET_SITE_GB = 1.0


# --- the synthetic corpus ---------------------------------------------------------------------


@dataclass
class Place:
    province: str
    city: str
    county: str
    prefix: str  # what the agency name starts with: city (or province) and county


def places(rng: random.Random) -> list[Place]:
    """Every county-level region in the cpca gazetteer; builder.synthetic's own first, the rest shuffled."""
    import cpca

    from builder import synthetic

    with (Path(cpca.__file__).parent / "resources" / "adcodes.csv").open(encoding="utf-8") as handle:
        names = {row["adcode"][:6]: row["name"] for row in csv.DictReader(handle)}
    placeholder = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
    out = []
    for code, name in names.items():
        if code[2:] == "0000" or code[4:] == "00" or name in placeholder:
            continue
        province = names.get(code[:2] + "0000", "")
        city = names.get(code[:4] + "00", "")
        if not province or city in placeholder or city == name:
            city = ""
        out.append(Place(province, city, name, (city or province) + name))
    rng.shuffle(out)
    known = {(c, county) for _, c, county in synthetic.AGENCIES}
    first = [p for p in out if (p.city, p.county) in known]
    return first + [p for p in out if (p.city, p.county) not in known]


@dataclass
class Planned:
    number: int
    agency: str
    agency_id: str
    place: Place
    year: int
    template: str = ""
    values: dict = field(default_factory=dict)
    broken: bool = False


def plan(n: int, seed: int) -> list[Planned]:
    """N (agency, year) pairs: 2–6 bodies per county, each with a run of 2–6 consecutive years.
    Agencies whose id (as the builder derives it) is already taken are skipped."""
    from builder import synthetic
    from builder.extraction.metadata import describe_agency

    rng = random.Random(seed)
    out: list[Planned] = []
    taken: set[str] = set()
    for place in places(rng):
        for body in rng.sample(synthetic.BODIES, rng.randint(2, 6)):
            name = place.prefix + body
            agency_id = describe_agency(name).agency_id
            if agency_id in taken or agency_id.startswith("000000"):
                continue
            taken.add(agency_id)
            span = rng.randint(2, 6)
            start = rng.randint(YEARS.start, YEARS.stop - span)
            for year in range(start, start + span):
                out.append(Planned(len(out), name, agency_id, place, year))
                if len(out) == n:
                    return out
    raise SystemExit(f"the gazetteer gives fewer than {n} agency-years")


def write_corpus(planned: list[Planned], corpus: Path, docs: Path, seed: int) -> None:
    """The report texts for OURS and the same reports as markdown for STOCK."""
    from builder import forms, synthetic

    rng = random.Random(seed + 1)
    corpus.mkdir(parents=True)
    (docs / "reports").mkdir(parents=True)
    (docs / "index.md").write_text("# 政府信息公开年报（stock mkdocs）\n\n按机关和年度的报告页面。\n", encoding="utf-8")
    previous: dict[tuple[str, int], Planned] = {}
    for p in planned:
        p.template = forms.GOV_2021 if p.year >= 2021 else forms.GOV_2019
        p.values = synthetic.consistent_values(rng, p.template)
        before = previous.get((p.agency_id, p.year - 1))
        if before is not None:
            chain(p, before)
        previous[(p.agency_id, p.year)] = p
        if rng.random() < 0.15:  # an error in table 3: the page shows a failing check
            p.broken = True
            form = forms.FORMS[p.template]
            cell = forms.t3_cell(rng.choice(form.t3_results), "natural_person")
            p.values[cell] += rng.randint(1, 3)
        text = synthetic.render(p.agency, p.year, p.template, p.values, rng.choice(synthetic.LAYOUTS),
                                prose_figures=rng.random() < 0.9)
        (corpus / f"r{p.number:05d}.txt").write_text(text, encoding="utf-8")
        # By region, as a stock site of this size would be laid out: with navigation.prune a page
        # carries the provinces, the counties of its province, the agencies of its county and the
        # years of its agency. (Flat, one folder per agency, every page would list every agency:
        # at N = 300, 45 of a page's 60 KB were navigation.)
        page = docs / "reports" / p.place.province / p.place.prefix / p.agency[len(p.place.prefix):] / f"{p.year}.md"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(markdown_page(p), encoding="utf-8")


def chain(p: Planned, before: Planned) -> None:
    """Make a year follow on from the agency's previous one, as the cross-year checks expect:
    上年结转 is last year's 结转下年度, and 现行有效 is last year's plus 制发 minus 废止."""
    from builder import forms

    v, last = p.values, before.values
    for col in forms.T3_APPLICANTS:
        carried = last[forms.t3_cell("carried_forward", col)]
        total = v[forms.t3_cell("total", col)]
        forward = max(v[forms.t3_cell("carried_forward", col)], carried - total)
        v[forms.t3_cell("carried_over", col)] = carried
        v[forms.t3_cell("carried_forward", col)] = forward
        v[forms.t3_cell("new_received", col)] = total + forward - carried
    for row in ("carried_over", "carried_forward", "new_received"):
        v[forms.t3_cell(row, "total")] = sum(v[forms.t3_cell(row, c)] for c in forms.T3_APPLICANTS)
    if p.template == before.template == forms.GOV_2021:
        for item in ("rules", "normative_docs"):
            issued, repealed = v[forms.t2_cell(item, "issued")], v[forms.t2_cell(item, "repealed")]
            in_force = last[forms.t2_cell(item, "in_force")]
            repealed = min(repealed, in_force + issued)
            v[forms.t2_cell(item, "repealed")] = repealed
            v[forms.t2_cell(item, "in_force")] = in_force + issued - repealed


def _fmt(value) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _pipe_rows(header: list[str], rows: list[tuple[str, list]]) -> list[str]:
    """A markdown pipe table: a header, its rule, then one line per (label, values)."""
    return ["| " + " | ".join(header) + " |", "|---" * len(header) + "|"] + [
        f"| {label} | " + " | ".join(_fmt(v) for v in values) + " |" for label, values in rows]


def markdown_page(p: Planned) -> str:
    """One report as a stock mkdocs page: a metadata paragraph and tables 2, 3 and 4 as pipe tables."""
    from builder import forms

    form = forms.FORMS[p.template]
    region = " ".join(x for x in (p.place.province, p.place.city, p.place.county) if x)
    lines = [f"# {p.agency} {p.year} 年政府信息公开工作年度报告", "",
             f"发布机关：{p.agency}。地区：{region}。年度：{p.year}。表格版本：{p.template}。"
             f"来源文件：r{p.number:05d}.txt。本页由 {p.year} 年度报告中的表格整理而成。", "",
             "## 二、主动公开政府信息情况", ""]
    sections: dict[str, list] = {}
    for item in form.t2:
        sections.setdefault(item.section_zh, []).append(item)
    for section, items in sections.items():
        lines += ["", f"**{section}**", ""]
        lines += _pipe_rows(
            ["信息内容", *(m.label_zh for m in items[0].measures)],
            [(i.label_zh, [p.values[forms.t2_cell(i.id, m.id)] for m in i.measures]) for i in items])
    lines += ["", "## 三、收到和处理政府信息公开申请情况", ""]
    lines += _pipe_rows(
        ["项目", *(c.label_zh for c in forms.T3_COLUMNS)],
        [((row.group_zh + " " if row.group_zh and row.group_zh != "三、本年度办理结果" else "") + row.label_zh,
          [p.values[forms.t3_cell(row.id, c.id)] for c in forms.T3_COLUMNS]) for row in form.t3_rows])
    lines += ["", "## 四、政府信息公开行政复议、行政诉讼情况", ""]
    lines += _pipe_rows(
        ["项目", *(c.label_zh for c in forms.T4_COLUMNS)],
        [(g.label_zh, [p.values[forms.t4_cell(g.id, c.id)] for c in forms.T4_COLUMNS]) for g in forms.T4_GROUPS])
    return "\n".join(lines) + "\n"


STOCK_YML = """\
site_name: 政府信息公开年报（stock）
docs_dir: docs
use_directory_urls: true
theme:
  name: material
  language: zh
  font: false
  features:
    - navigation.prune
plugins: {plugins}
markdown_extensions:
  - tables
"""


# --- measuring --------------------------------------------------------------------------------


@dataclass
class Tree:
    files: int = 0
    apparent: int = 0  # sum of file sizes
    disk: int = 0  # what du counts (allocated blocks)


def tree(path: Path, exclude: str | None = None) -> Tree:
    out = Tree()
    for folder, dirs, files in os.walk(path):
        if exclude and Path(folder) == path and exclude in dirs:
            dirs.remove(exclude)
        for name in files:
            st = os.lstat(os.path.join(folder, name))
            out.files += 1
            out.apparent += st.st_size
            out.disk += st.st_blocks * 512
    return out


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 6))


def page_sizes(site: Path, pattern: str = "reports/*/*/index.html") -> tuple[int, float, float, int]:
    """Report pages (ours: reports/<agency>/<year>/index.html): count, mean bytes, mean gzip bytes, max bytes."""
    sizes, zipped = [], []
    for page in site.glob(pattern):
        data = page.read_bytes()
        sizes.append(len(data))
        zipped.append(gz(data))
    if not sizes:
        return 0, 0.0, 0.0, 0
    return len(sizes), sum(sizes) / len(sizes), sum(zipped) / len(zipped), max(sizes)


def first_search(site: Path, query: str) -> dict:
    """The files the search of site.js fetches for a query (builder.site.search.first_search walks
    the same files), and their bytes, raw and gzipped."""
    from builder.site.search import first_search as walk
    from builder.site.search import terms

    hits, fetched = walk(site, query)
    raw = [(site / "search" / name).read_bytes() for name in fetched]
    return {"query": query, "terms": len(terms(query)), "hits": len(hits), "files": len(fetched),
            "bytes": sum(len(b) for b in raw), "gzip": sum(gz(b) for b in raw)}


# --- OURS: builder.build.build in a fresh process ------------------------------------------------


def child_ours(corpus: Path, out: Path, result: Path) -> None:
    """Run in a fresh interpreter: time builder.build.build and the parts of its site stage."""
    t_start = time.perf_counter()
    measured = revision()  # the builder may change under a long benchmark: note what this process imports
    import builder.build
    import builder.site.build
    import builder.site.data

    t_imported = time.perf_counter()
    parts: dict[str, float] = {}

    def timed(name, function):
        def wrapper(*args, **kwargs):
            t0 = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                parts[name] = parts.get(name, 0.0) + time.perf_counter() - t0
        return wrapper

    # build_site looks these up when it runs, so the wrappers see every call.
    builder.site.build._mkdocs = timed("mkdocs", builder.site.build._mkdocs)
    builder.site.build.write_search = timed("search", builder.site.build.write_search)
    load = builder.site.data.SiteData.load.__func__
    builder.site.data.SiteData.load = classmethod(timed("load", load))

    marks: list[tuple[float, str]] = []

    def say(message: str) -> None:
        marks.append((time.perf_counter(), message))

    t0 = time.perf_counter()
    summary = builder.build.build(corpus, out, say=say)
    t1 = time.perf_counter()

    def mark(prefix: str) -> float:
        return next(t for t, m in marks if m.startswith(prefix))

    stages = {"reports": mark("writing datasets") - mark("reading reports"),
              "datasets": mark("rendering the site") - mark("writing datasets"),
              "site": t1 - mark("rendering the site")}
    stages["pages"] = stages["site"] - parts.get("search", 0.0)
    stages["data_pages"] = stages["pages"] - parts.get("mkdocs", 0.0) - parts.get("load", 0.0)
    result.write_text(json.dumps({
        "import": t_imported - t_start, "build": t1 - t0, "stages": stages, "parts": parts,
        "revision": measured, "reports": summary.reports, "rejected": summary.rejected, "badges": dict(summary.badges),
        "messages": [m for _, m in marks],
        "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        # a process the build forks (if any) counts on its own
        "children_maxrss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }, ensure_ascii=False), encoding="utf-8")


def child_profile(corpus_dir: Path, out: Path, folder: Path) -> None:
    """cProfile of each stage of builder.build.build (profile_<stage>_N.txt in ``folder``); the
    profiler is switched from stage to stage by the build's own ``say`` messages."""
    import cProfile
    import io
    import pstats

    import builder.build

    n = sum(1 for _ in corpus_dir.iterdir())
    stages = {"reading reports": "reports", "writing datasets": "datasets", "rendering the site": "site"}
    current: list = []  # [(stage, profile)]

    def stop() -> None:
        if current:
            name, profile = current.pop()
            profile.disable()
            text = io.StringIO()
            stats = pstats.Stats(profile, stream=text).strip_dirs()
            stats.sort_stats("cumulative").print_stats(45)
            stats.sort_stats("tottime").print_stats(35)
            (folder / f"profile_{name}_{n}.txt").write_text(text.getvalue(), encoding="utf-8")

    def say(message: str) -> None:
        stage = next((name for prefix, name in stages.items() if message.startswith(prefix)), None)
        if stage:
            stop()
            profile = cProfile.Profile()
            current.append((stage, profile))
            profile.enable()

    builder.build.build(corpus_dir, out, say=say)
    stop()


def run_ours(corpus: Path, out: Path) -> dict:
    result = out.parent / "ours.json"
    t0 = time.perf_counter()
    subprocess.run([sys.executable, __file__, "--child-ours", str(corpus), str(out), str(result)],
                   check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    figures = json.loads(result.read_text(encoding="utf-8"))
    figures["wall"] = wall
    figures["site"] = asdict(tree(out, exclude="data"))
    figures["site_all"] = asdict(tree(out))
    figures["data"] = asdict(tree(out / "data"))
    figures["report_dirs"] = asdict(tree(out / "reports"))
    count, mean, mean_gz, largest = page_sizes(out)
    figures["pages"] = {"count": count, "mean": mean, "mean_gzip": mean_gz, "max": largest}
    figures["html_pages"] = sum(1 for _ in out.rglob("index.html"))
    figures["searches"] = [first_search(out, q) for q in QUERIES]
    figures["index"] = asdict(tree(out / "search"))
    from builder.site.search import first_finder

    finder = [(out / "search" / name).read_bytes() for name in first_finder(out)]
    figures["finder"] = {"bytes": sum(map(len, finder)), "gzip": sum(map(gz, finder))}
    return figures


# --- STOCK: mkdocs build of markdown pages ------------------------------------------------------

_MKDOCS = ("import atexit, resource, sys\n"
           "atexit.register(lambda: sys.stderr.write('MAXRSS %d\\n' % resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))\n"
           "from mkdocs.__main__ import cli\n"
           "sys.argv = ['mkdocs', 'build', '-q', '-f', sys.argv[1], '-d', sys.argv[2]]\n"
           "cli()\n")


def run_stock(work: Path, search: bool) -> dict:
    name = "stock" if search else "stock-nosearch"
    config = work / f"{name}.yml"
    config.write_text(STOCK_YML.format(plugins="[search]" if search else "[]"), encoding="utf-8")
    out = work / name
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _MKDOCS, str(config), str(out)],
                          capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if done.returncode:
        sys.stderr.write(done.stderr[-3000:])
        raise SystemExit(f"mkdocs build ({name}) failed")
    maxrss = [int(line.split()[1]) for line in done.stderr.splitlines() if line.startswith("MAXRSS ")]
    count, mean, mean_gz, largest = page_sizes(out, "reports/*/*/*/*/index.html")
    figures = {"name": name, "wall": wall, "maxrss_mb": maxrss[-1] / 1024 if maxrss else None,
               "site": asdict(tree(out)), "pages": {"count": count, "mean": mean, "mean_gzip": mean_gz, "max": largest},
               "html_pages": sum(1 for _ in out.rglob("index.html"))}
    index = out / "search" / "search_index.json"
    if index.exists():
        data = index.read_bytes()
        figures["index"] = {"bytes": len(data), "gzip": gz(data)}
    shutil.rmtree(out)
    return figures


# --- reporting ----------------------------------------------------------------------------------


def mb(n: float) -> str:
    return f"{n / 1e6:,.1f} MB"


def kb(n: float) -> str:
    return f"{n / 1024:,.1f} KB"


def secs(n: float | None) -> str:
    return "–" if n is None else f"{n:,.1f} s"


def rows_for(n: int, r: dict) -> list[tuple[str, str, str, str]]:
    """(measure, ours, stock, stock without search) rows of one size."""
    ours, stock, bare = r["ours"], r.get("stock"), r.get("stock_nosearch")

    def s(figures: dict | None, f) -> str:
        return "–" if figures is None else f(figures)

    st = ours["stages"]
    q = {x["query"]: x for x in ours["searches"]}
    memory = f"{ours['maxrss_mb']:,.0f} MB"
    if ours.get("children_maxrss_mb", 0) > 50:  # a process the build forked
        memory += f" (+ {ours['children_maxrss_mb']:,.0f} MB forked)"
    out = [
        ("reports (pages)", f"{ours['reports']:,} ({ours['html_pages']:,} HTML)",
         s(stock, lambda f: f"{f['pages']['count']:,} ({f['html_pages']:,} HTML)"),
         s(bare, lambda f: f"{f['pages']['count']:,} ({f['html_pages']:,} HTML)")),
        ("build, whole (process wall)", f"{secs(ours['build'])} ({secs(ours['wall'])})",
         s(stock, lambda f: secs(f["wall"])), s(bare, lambda f: secs(f["wall"]))),
        ("· reports (extraction + checks)", secs(st["reports"]), "–", "–"),
        ("· datasets", secs(st["datasets"]), "–", "–"),
        ("· site: pages, no search index", secs(st["pages"]), "–", s(bare, lambda f: secs(f["wall"]))),
        ("· · of which mkdocs (theme, shells)", secs(ours["parts"].get("mkdocs")), "–", "–"),
        ("· · of which data pages", secs(st["data_pages"]), "–", "–"),
        ("· site with search index", secs(st["site"]), s(stock, lambda f: secs(f["wall"])), "–"),
        ("ms per report page (site stage)", f"{1000 * st['site'] / max(1, ours['reports']):.1f}",
         s(stock, lambda f: f"{1000 * f['wall'] / max(1, f['pages']['count']):.1f}"),
         s(bare, lambda f: f"{1000 * f['wall'] / max(1, f['pages']['count']):.1f}")),
        ("peak memory", memory, s(stock, lambda f: f"{f['maxrss_mb']:,.0f} MB"),
         s(bare, lambda f: f"{f['maxrss_mb']:,.0f} MB")),
        ("site size, du (without data/)", mb(ours["site"]["disk"]), s(stock, lambda f: mb(f["site"]["disk"])),
         s(bare, lambda f: mb(f["site"]["disk"]))),
        ("site size, du (with data/)", mb(ours["site_all"]["disk"]), "–", "–"),
        ("site size, sum of file sizes (with data/)", mb(ours["site_all"]["apparent"]),
         s(stock, lambda f: mb(f["site"]["apparent"])), s(bare, lambda f: mb(f["site"]["apparent"]))),
        ("· data/ (the tables)", mb(ours["data"]["disk"]), "–", "–"),
        ("· reports/ (pages and each report's files)", mb(ours["report_dirs"]["disk"]), "–", "–"),
        ("files (with data/)", f"{ours['site_all']['files']:,}", s(stock, lambda f: f"{f['site']['files']:,}"),
         s(bare, lambda f: f"{f['site']['files']:,}")),
        ("report page, mean (gzip)", f"{kb(ours['pages']['mean'])} ({kb(ours['pages']['mean_gzip'])})",
         s(stock, lambda f: f"{kb(f['pages']['mean'])} ({kb(f['pages']['mean_gzip'])})"),
         s(bare, lambda f: f"{kb(f['pages']['mean'])} ({kb(f['pages']['mean_gzip'])})")),
        ("report page, largest", kb(ours["pages"]["max"]), s(stock, lambda f: kb(f["pages"]["max"])),
         s(bare, lambda f: kb(f["pages"]["max"]))),
        ("search index on disk", mb(ours["index"]["apparent"]),
         s(stock, lambda f: mb(f["index"]["bytes"]) if "index" in f else "–"), s(bare, lambda f: "none")),
    ]
    for query in QUERIES:
        x = q[query]
        out.append((f"first search “{query}”: bytes loaded (gzip)",
                    f"{kb(x['bytes'])} ({kb(x['gzip'])}), {x['files']} files",
                    s(stock, lambda f: f"{kb(f['index']['bytes'])} ({kb(f['index']['gzip'])})" if "index" in f else "–"),
                    "–"))
    out.append(("finder, first load (gzip)", f"{kb(ours['finder']['bytes'])} ({kb(ours['finder']['gzip'])})", "–", "–"))
    return out


def targets(n: int, r: dict) -> list[str]:
    ours = r["ours"]
    st = ours["stages"]
    scale = 10_000 / n
    lines = [f"targets of the issue (for 10,000 reports; N = {n:,}" + ("" if n == 10_000 else
             f", times scaled ×{scale:g} for comparison") + "):"]

    def check(ok: bool) -> str:
        return "met" if ok else "NOT met"

    pages = st["pages"] * scale
    lines.append(f"  pages built ≤ {TARGET_PAGES_S:.0f} s: {pages:.1f} s ({check(pages <= TARGET_PAGES_S)})")
    lines.append(f"  with the search index ≤ {TARGET_SEARCH_S:.0f} s: {st['site'] * scale:.1f} s "
                 f"({check(st['site'] * scale <= TARGET_SEARCH_S)})")
    page_kb = ours["pages"]["mean"] / 1024
    lines.append(f"  report pages ≤ {TARGET_PAGE_KB:.0f} KB: mean {page_kb:.1f} KB, largest "
                 f"{ours['pages']['max'] / 1024:.1f} KB ({check(ours['pages']['max'] / 1024 <= TARGET_PAGE_KB)})")
    size = ours["site_all"]["disk"] * scale / 1e9
    files = ours["site_all"]["apparent"] * scale
    lines.append(f"  site < {TARGET_SITE_GB:.0f} GB: {size:.2f} GB with data/ by du ({check(size < TARGET_SITE_GB)}), "
                 f"{files / 1e9:.2f} GB = {files / 2**30:.2f} GiB as the sum of file sizes "
                 f"({check(files / 1e9 < TARGET_SITE_GB)})")
    return lines


def table(rows: list[tuple[str, ...]], markdown: bool) -> str:
    """The rows as a table; the stock columns only when those builds ran."""
    head = ("measure", "ours", "stock mkdocs + search", "stock, no search")
    keep = [i for i in range(len(head)) if i < 2 or any(row[i] != "–" for row in rows)]
    head = tuple(head[i] for i in keep)
    rows = [tuple(row[i] for i in keep) for row in rows]
    if markdown:
        lines = ["| " + " | ".join(head) + " |", "|---|" + "---:|" * (len(head) - 1)]
        lines += ["| " + " | ".join(row) + " |" for row in rows]
        return "\n".join(lines)
    widths = [max(_width(x[i]) for x in [head, *rows]) for i in range(len(head))]

    def line(row) -> str:
        return "  ".join(_pad(c, w, right=i > 0) for i, (c, w) in enumerate(zip(row, widths)))

    return "\n".join([line(head), "-" * (sum(widths) + 2 * (len(head) - 1)), *(line(r) for r in rows)])


def _width(text: str) -> int:
    return sum(2 if ord(c) > 0x2E80 else 1 for c in text)


def _pad(text: str, width: int, right: bool) -> str:
    space = " " * (width - _width(text))
    return space + text if right else text + space


def revision() -> str:
    """The commit measured, and whether builder/ had uncommitted changes."""
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                                check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "builder", "mkdocs.yml"], cwd=ROOT,
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "commit unknown"
    return f"commit {commit}" + (" with uncommitted changes in builder/" if dirty else "")


def environment() -> str:
    from importlib.metadata import version

    return (f"{time.strftime('%Y-%m-%d')} · {revision()} · {os.cpu_count()} CPU cores · Python {platform.python_version()} · "
            f"mkdocs {version('mkdocs')} · mkdocs-material {version('mkdocs-material')} · "
            f"Jinja2 {version('Jinja2')} · {platform.system()} {platform.machine()}")


def describe(n: int, r: dict) -> str:
    info = r["corpus"]
    ours = r["ours"]
    badges = " · ".join(f"{b} {c}" for b, c in sorted(ours["badges"].items()))
    built = f" ({ours['revision']})" if ours.get("revision") else ""
    return (f"N = {n:,}{built}: {info['agencies']:,} agencies in {info['counties']:,} counties of {info['provinces']} provinces, "
            f"years {info['years']}, {info['broken']:,} with an error put in table 3; "
            f"corpus {mb(info['bytes'])} written in {info['seconds']:.1f} s; "
            f"built {ours['reports']:,} reports, {len(ours['rejected'])} rejected; badges: {badges}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated numbers of reports")
    parser.add_argument("--skip-stock", action="store_true", help="only this project's build")
    parser.add_argument("--skip-stock-nosearch", action="store_true", help="skip the stock build without search")
    parser.add_argument("--profile", action="store_true",
                        help="also cProfile each build stage for the smallest size (benchmarks/out/profile_<stage>_N.txt)")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--workdir", type=Path, default=None, help="where the temporary corpora and sites go")
    parser.add_argument("--keep", action="store_true", help="keep the temporary corpora and sites")
    parser.add_argument("--child-ours", nargs=3, type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--child-profile", nargs=3, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_ours:
        child_ours(*args.child_ours)
        return
    if args.child_profile:
        child_profile(*args.child_profile)
        return

    sizes = [int(x) for x in args.sizes.split(",") if x.strip()]
    measured = environment()  # before the run: the commit measured
    OUT.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    results: dict[int, dict] = {}
    for n in sizes:
        work = Path(tempfile.mkdtemp(prefix=f"site_bench_{n}_", dir=args.workdir))
        print(f"[N = {n:,}] generating the corpus in {work}", file=sys.stderr, flush=True)
        t0 = time.perf_counter()
        planned = plan(n, args.seed)
        write_corpus(planned, work / "corpus", work / "docs", args.seed)
        corpus_bytes = sum(p.stat().st_size for p in (work / "corpus").iterdir())
        r: dict = {"corpus": {
            "seconds": time.perf_counter() - t0, "bytes": corpus_bytes,
            "agencies": len({p.agency_id for p in planned}), "counties": len({p.place.prefix for p in planned}),
            "provinces": len({p.place.province for p in planned}),
            "years": f"{min(p.year for p in planned)}–{max(p.year for p in planned)}",
            "broken": sum(p.broken for p in planned)}}
        del planned
        print(f"[N = {n:,}] OURS: builder.build.build", file=sys.stderr, flush=True)
        r["ours"] = run_ours(work / "corpus", work / "ours")
        if args.profile and n == min(sizes):
            print(f"[N = {n:,}] profiling the build stages", file=sys.stderr, flush=True)
            subprocess.run([sys.executable, __file__, "--child-profile", str(work / "corpus"), str(work / "profiled"),
                            str(OUT)], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            shutil.rmtree(work / "profiled", ignore_errors=True)
        if not args.keep:
            shutil.rmtree(work / "ours")
        if not args.skip_stock:
            print(f"[N = {n:,}] STOCK: mkdocs build with the search plugin", file=sys.stderr, flush=True)
            r["stock"] = run_stock(work, search=True)
            if not args.skip_stock_nosearch:
                print(f"[N = {n:,}] STOCK: mkdocs build without search", file=sys.stderr, flush=True)
                r["stock_nosearch"] = run_stock(work, search=False)
        if not args.keep:
            shutil.rmtree(work)
        results[n] = r
        print(f"[N = {n:,}] done", file=sys.stderr, flush=True)

        # print as we go: a size's figures are not lost if a later size fails
        print()
        print(describe(n, r))
        print(table(rows_for(n, r), markdown=False))
        print("\n".join(targets(n, r)))
        sys.stdout.flush()

    elapsed = time.perf_counter() - started
    md = ["# Site build benchmark", "", f"`python benchmarks/site_bench.py --sizes {args.sizes}` · {measured} · "
          f"benchmark ran {elapsed / 60:.1f} min.", ""]
    for n, r in results.items():
        md += [f"## N = {n:,} reports", "", describe(n, r), "", table(rows_for(n, r), markdown=True), "",
               *(f"- {line.strip()}" if i else line for i, line in enumerate(targets(n, r))), ""]
    (OUT / "site_bench.md").write_text("\n".join(md), encoding="utf-8")
    (OUT / "site_bench.json").write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    print()
    print(f"{measured}; benchmark ran {elapsed / 60:.1f} min")
    print(f"written: {OUT / 'site_bench.md'} and site_bench.json")


if __name__ == "__main__":
    main()
