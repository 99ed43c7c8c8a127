"""What each page of the static site shows, rendered only from the data package.

mkdocs-material builds the hand-written pages and one empty "shell" page per
URL depth. Every data page (report, agency, region, year, rule, compare) is
rendered from the dataset files with Jinja straight into a shell, so thousands
of pages need no markdown parsing and nothing per page grows with the corpus.
``Pages`` makes each page's title, description, content and head; the site
stage (``builder.site.build``) decides which to render and writes them.
"""

from __future__ import annotations

import hashlib
import html
import importlib.metadata
import json
import re
from collections import Counter, defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import NamedTuple

from jinja2 import BytecodeCache, Environment, FileSystemBytecodeCache, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

from .. import codebook, forms
from ..checks import BADGES
from ..codebook import FORM_NAME_ZH, SEVERITY_ZH, reading_note_zh
from ..datasets.indicators import INDICATORS, RATIO
from ..datasets.package import REPORT_FILES
from ..datasets.schema import TABLE_DESCRIPTIONS_ZH, TABLES
from ..errors import printable
from ..extraction.narrative import KEY_LABELS
from ..forms import T3_COLUMNS, T4_COLUMNS, T4_GROUPS
from ..reading.sources import is_http_url
from .compare import (
    CompareGroup,
    agency_charts,
    chart_columns,
    province_code,
    region_totals,
    report_indicators,
)
from .data import OUTCOME_GROUPS, PROJECT_AUTHOR, SiteData
from .keys import page_key

ROOT = Path(__file__).resolve().parent
PACKAGE = ROOT.parent  # builder: all of it is in the rendering version
PROJECT = PACKAGE.parent
TEMPLATES = ROOT / "templates"
PROJECT_NAME = "政府信息公开年报数据"
BADGE_CLASS = {"一致": "ok", "不一致": "bad", "存疑": "doubt", "无表格": "none"}
BADGE_COLOUR = {"一致": "#2e7d32", "不一致": "#c62828", "存疑": "#b45309", "无表格": "#616161"}
STATUS_SHORT = {"reported": "印明", "none": "以文字表示，读作 0", "blank": "空白", "missing": "缺失",
                "repaired": "复原", "ambiguous": "有歧义", "inferred": "推出"}
# A report page stays under 30 KB whatever the report holds: long lists are cut at these counts on the
# page, and given in full in the report.json and cells.csv beside it (the page says so where it cuts).
TIP_CANDIDATES = 3  # readings of an ambiguous cell in its tooltip
TIP_RAW = 24  # characters of a cell's printed text in its tooltip
FAIL_LINKS = 8  # failing cells of a table that link to their check (the rest are framed in red only)
EVIDENCE = 1  # failing instances of a rule spelled out, and cells named in each
EVIDENCE_CELLS = 5
# Where the downloads page lists the package's files: mkdocs renders the page around it while the
# workbook may still be being written; ``Pages.downloads`` fills it in once the package is complete.
FILES_PENDING = "<!-- the package's files -->"
NOTES = 4  # distinct notes under a table
NARRATIVE_ROWS = 6  # sentences with figures listed, those with headline figures first
NARRATIVE_TEXT = 60  # characters of the sentence shown beside a prose figure
NA_EXAMPLES = 3  # reasons a rule was not applicable, quoted


@dataclass(frozen=True)
class Caps:
    """How much of a long list a report page spells out; the rest is counted, and in report.json."""

    fail_links: int = FAIL_LINKS
    evidence_cells: int = EVIDENCE_CELLS
    na_examples: int = NA_EXAMPLES
    na_text: int = 1000  # characters of each quoted reason
    tip_candidates: int = TIP_CANDIDATES
    row_raw: bool = True  # a row read as one tells its printed text on its label (else: cells.csv)


CAPS = Caps()
COMPACT = Caps(fail_links=2, evidence_cells=2, na_examples=1, na_text=60)  # for a report with much to say
# For the few reports still over the limit (every cell of a wide table in doubt, long names and links):
# no ambiguous cell lists its readings on the page, nor a row read as one its printed text: they are in
# cells.csv beside it.
MINIMAL = Caps(fail_links=0, evidence_cells=1, na_examples=0, na_text=0, tip_candidates=0, row_raw=False)
SCHEMA_TABLES = {t.name: t for t in TABLES}
TYPE_ZH = {"string": "文本", "integer": "整数", "number": "数值", "boolean": "是/否", "date": "日期"}
# URL depth of each kind of data page, and the shell page rendered at that depth.
SHELLS = {2: "shell/a/index.md", 3: "shell/a/b/index.md"}


# --- regions --------------------------------------------------------------------------


@dataclass
class Region:
    code: str
    name: str
    level: str  # province, city, county
    parent: str | None
    reports: list[dict] = field(default_factory=list)
    children: set[str] = field(default_factory=set)

    @property
    def badges(self) -> Counter:
        return Counter(r["badge"] for r in self.reports)


UNKNOWN_REGION = "000000"


def region_name(place) -> str:
    """Province, city and county as a reader names them (a report's row or an agency's), a municipality once: 北京市
    朝阳区, not 北京市 北京市 朝阳区."""
    get = place.get if isinstance(place, dict) else lambda key: getattr(place, key)
    province, city = get("province"), get("city")
    return " ".join(x for x in (province, city if city != province else None, get("county")) if x)


def regions_of(reports: list[dict]) -> dict[str, Region]:
    """Province → city → county, keyed by 行政区划代码, from the reports' own regions."""
    out: dict[str, Region] = {}
    for r in reports:
        code = r["adcode"] or UNKNOWN_REGION
        chain: list[tuple[str, str, str]] = []
        if code == UNKNOWN_REGION:
            chain.append((UNKNOWN_REGION, "地区未知", "province"))
        else:
            chain.append((code[:2] + "0000", r["province"] or code[:2] + "0000", "province"))
            if r["city"] and r["city"] != r["province"]:  # (a municipality, its own city: one region)
                chain.append((code[:4] + "00", r["city"], "city"))
            if r["county"]:
                chain.append((code, r["county"], "county"))
        parent = None
        for region_code, name, level in chain:
            region = out.setdefault(region_code, Region(region_code, name, level, parent))
            region.reports.append(r)
            if parent:
                out[parent].children.add(region_code)
            parent = region_code
    return out


# --- cells and tables ---------------------------------------------------------------------


def fmt(value) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:g}"
    return str(value)


@dataclass(slots=True)
class CellView:
    """One cell as the page shows it: value, status marker, raw text, failing check."""

    cell_id: str
    text: str
    status: str
    raw: str
    note: str
    fail_anchor: str = ""  # the failing check this cell links to, if it links to one
    candidates: tuple[str, ...] = ()
    failed: bool = False
    tip_candidates: int = TIP_CANDIDATES  # readings of an ambiguous cell its tip lists

    @property
    def classes(self) -> str:
        """Plain printed numbers carry no class: most cells are, and pages stay light."""
        return " ".join(filter(None, ("" if self.status == "reported" else f"s-{self.status}",
                                      "cell-fail" if self.failed else "")))

    @property
    def explained(self) -> bool:
        """Whether hovering or focusing the cell has something to tell: its status, or
        a printed text other than the number shown (a failing cell links to its check)."""
        return self.status != "reported" or self.raw != self.text

    @property
    def tip(self) -> str:
        """Raw text and status; the longer evidence is listed once under the table."""
        return f"原文：{shorten(self.raw, TIP_RAW) if self.raw else '（空）'}；{self.status_tip}"

    @property
    def status_tip(self) -> str:
        """Status, and a few readings of an ambiguous cell: a long list is left to the report's
        cells.csv (a page stays light)."""
        tip = STATUS_SHORT[self.status]
        if not self.candidates:
            return tip
        if not self.tip_candidates:
            return f"{tip}；{len(self.candidates)} 种读法见本页 cells.csv"
        shown = self.candidates[:self.tip_candidates]
        more = f" 等 {len(self.candidates)} 种，全部见本页 cells.csv" if len(self.candidates) > len(shown) else ""
        return f"{tip}；可能的值：{'、'.join(shown)}{more}"


def cell_views(document: dict, fail_links: int = FAIL_LINKS, tip_candidates: int = TIP_CANDIDATES) -> dict[str, CellView]:
    failing: dict[str, str] = {}
    for check in document.get("checks", []):
        if check["outcome"] == "fail":
            for cell in check["cells"]:
                failing.setdefault(cell, f"check-{check['id']}")
    out = {}
    links: Counter = Counter()
    for cell_id, c in document["cells"].items():
        status = c["status"]
        text = _STATUS_TEXT.get(status) or fmt(c["value"])
        candidates = tuple("空" if v is None else fmt(v) for v in c["candidates"]) if c.get("candidates") else ()
        anchor = ""
        if cell_id in failing:
            table = cell_id.split(".", 1)[0]
            if links[table] < fail_links:
                anchor = failing[cell_id]
                links[table] += 1
        out[cell_id] = CellView(cell_id, text, status, c.get("raw") or "", c.get("note") or "", anchor, candidates,
                                cell_id in failing, tip_candidates)
    return out


_STATUS_TEXT = {"ambiguous": "?", "missing": "缺"}  # shown instead of a value


def shorten(text: str, size: int) -> str:
    return text if len(text) <= size else text[:size - 1] + "…"


def cell_anchor(cell_id: str) -> str:
    return "c-" + cell_id.replace(".", "-")


def cell_label(cell_id: str) -> str:
    """A cell's place in the form, as a reader finds it: row · column."""
    cell = forms.all_cells().get(cell_id)
    return f"{cell.row_label_zh}·{cell.column_label_zh}" if cell else cell_id


# The markers a form's cells can carry, as the legend explains them: (class, mark, meaning, status).
LEGEND = (("s-repaired", "复原", "版式错位或粘连，经勾稽关系唯一确定", "repaired"),
          ("s-inferred", "推出", "表中空白，由勾稽关系推出", "inferred"),
          ("s-ambiguous", "?", "有多种读法，未作选择", "ambiguous"),
          ("s-none", "0", "以“无”“—”等文字表示", "none"),
          ("s-blank", "", "空白", "blank"),
          ("s-missing", "缺", "报告中没有", "missing"),
          ("cell-fail", "红框", "未通过检查", "failed"))


def legend(cells: Collection[CellView]) -> list[tuple[str, str, str]]:
    """The legend of the markers this page's forms show, and only those: most pages show one or two."""
    shown = {c.status for c in cells}
    shown |= {"failed"} if any(c.failed for c in cells) else set()
    return [(css, mark, meaning) for css, mark, meaning, status in LEGEND if status in shown]


def cell_notes(cells: list[CellView]) -> list[tuple[str, int, str]]:
    """Each distinct note of a table's repaired, inferred and ambiguous cells, and of cells read from a printed text
    that is no plain number (约35, 3045¹, 24（19）), once: (note, how many cells, the first cell's place in the form)."""
    grouped: dict[str, list[str]] = defaultdict(list)
    for c in cells:
        if c.note and (c.status in ("repaired", "inferred", "ambiguous") or (c.status == "reported" and c.raw != c.text)):
            grouped[c.note].append(c.cell_id)
    notes = [(note, len(ids), codebook.labels()[ids[0]].place_zh) for note, ids in grouped.items()]
    if len(notes) > NOTES:
        rest = sum(n for _, n, _ in notes[NOTES - 1:])
        notes = [*notes[:NOTES - 1], (f"另有 {rest} 个单元格的说明，逐格见本页 cells.csv", 0, "")]
    return notes


def cell_html(c: CellView, colspan: int = 1, explained_by_row: bool = False, raw_on_row: bool = False) -> str:
    """A form cell: value, status marker, raw text on hover and focus, link to its failing check.
    In a row read as one, the row carries the status (``row-<status>``), not each cell; in a row
    printed as one run of digits, the row's label carries the raw text."""
    classes = ("cell-fail" if c.failed else "") if explained_by_row else c.classes
    attrs = f' class="{classes}"' if classes else ""
    if c.fail_anchor:  # the check's evidence links back to it
        attrs += f' id="{cell_anchor(c.cell_id)}"'
    if colspan > 1:
        attrs += f' colspan="{colspan}"'
    # In a row printed as one run, the row's label tells the raw text; a cell's tip that would
    # only repeat its status (its marker and hidden text say it) is left out.
    if c.explained and not explained_by_row and (c.candidates or not raw_on_row):
        attrs += f' tabindex="0" data-tip="{escape(c.status_tip if raw_on_row else c.tip)}"'
    text = c.text if c.text.isdigit() else str(escape(c.text))  # most cells are plain digits
    inner = f'<a href="#{escape(c.fail_anchor)}">{text}</a>' if c.fail_anchor else text
    if c.status != "reported" and not explained_by_row:
        inner += f'<span class="sr-only">（{STATUS_SHORT[c.status]}）</span>'
    return f"<td{attrs}>{inner}"  # the end tags of cells and rows are implied (HTML): a page has ~250 cells


def _whole_row(cells: list[tuple[CellView, int]]) -> CellView | None:
    """A row read as one: digits run together (repaired, or ambiguous with nothing to list), a blank
    row (inferred) or every cell worded as zero, alike. Its raw text and status are told once, on
    the row's label and under the table, not in every cell. A few cells of the run read otherwise
    (a number of it that splits two ways: ambiguous, with its readings) keep their own marker and
    tip (``in_whole_row``): a page of such rows would pass 30 KB if every cell said its status."""
    views = [c for c, _ in cells]
    if len(views) < 2 or len({v.raw for v in views}) != 1:
        return None  # no one printed run
    alike = Counter((v.status, v.note) for v in views if v.status in ROWS_READ_AS_ONE and not v.candidates)
    if not alike:
        return None
    (status, note), count = alike.most_common(1)[0]
    if count * 2 <= len(views):
        return None  # readings to list are a cell's own
    return next(v for v in views if (v.status, v.note) == (status, note) and not v.candidates)


def in_whole_row(cell: CellView, whole: CellView | None) -> bool:
    """Whether the row read as one tells this cell's status (it is read like the row)."""
    return whole is not None and (cell.status, cell.note) == (whole.status, whole.note) and not cell.candidates


ROWS_READ_AS_ONE = {"repaired": "本表有 {n} 行的数字在原文中连在一起，已逐格拆开（标为“复原”）",
                    "inferred": "本表有 {n} 行在原文中空白，各格由勾稽关系推出（标为“推出”）",
                    "none": "本表有 {n} 行各格在原文中以“无”“—”等文字表示，读作 0",
                    "ambiguous": "本表有 {n} 行的数字在原文中连在一起，有多种拆法，未作选择（标为“?”）"}


def rows_note(rows: list[FormRow], row_raw: bool = True) -> str:
    """What the rows read as one have in common, said once under the table instead of on every row."""
    statuses = Counter(r.whole.status for r in rows if r.whole is not None)
    if not statuses:
        return ""
    said = "；".join(ROWS_READ_AS_ONE[status].format(n=n) for status, n in sorted(statuses.items()))
    return said + ("；悬停或用 Tab 键聚焦行名可查看该行原文" if row_raw else "；各行原文见本页 cells.csv")


def _shared_raw(cells: list[tuple[CellView, int]]) -> str:
    """The printed text of a row whose cells were all read from one run (one raw text), else ""."""
    raws = {c.raw for c, _ in cells}
    raw = raws.pop() if len(cells) > 1 and len(raws) == 1 else ""
    return raw if raw and all(c.text != raw for c, _ in cells) else ""


def common_status(rows: list[FormRow]) -> str:
    """The status shared by every row of a table read as one (the table says it once), else ""."""
    statuses = {None if r.whole is None else r.whole.status for r in rows if r.cells}
    return (statuses.pop() or "") if len(statuses) == 1 else ""


def rows_html(rows: list[FormRow], header_scope: str = "row", row_raw: bool = True) -> Markup:
    """Table rows of a form, built in Python: a report page has ~200 cells. When every row was read
    as one alike, the table carries their status (``rows-<status>``), not each row; its label tells
    its printed text (``row_raw``)."""
    said = common_status(rows)
    out = []
    for row in rows:
        scope = header_scope if row.cells else "col"
        whole = row.whole
        shared = _shared_raw(row.cells) if row.cells and whole is None else ""
        raw_on_row = whole is not None or bool(shared)
        heads = []
        for index, (label, rs, cs) in enumerate(row.headers):
            # A row's own label needs no scope: a th opening a row of td cells is its row header.
            attrs = ("" if scope == "row" and rs == 1 else f' scope="{scope}"') + (
                f' rowspan="{rs}"' if rs > 1 else "") + (f' colspan="{cs}"' if cs > 1 else "")
            if row_raw and (whole is not None or shared) and index == len(row.headers) - 1:
                raw = shorten(whole.raw if whole is not None else shared, TIP_RAW * 2) or "（空）"
                attrs += f' tabindex="0" data-tip="原文：{escape(raw)}"'
            elif rs > 1:  # a group label beside its rows: written vertically on a phone
                attrs += ' class="grp"'
            heads.append(f"<th{attrs}>{escape(label)}")
        cells = "".join(cell_html(c, span, in_whole_row(c, whole), raw_on_row) for c, span in row.cells)
        attrs = f' class="row-{whole.status}"' if whole is not None and whole.status != said else ""
        out.append(f"<tr{attrs}>{''.join(heads)}{cells}")
    return Markup("\n".join(out))


@dataclass
class FormRow:
    headers: list[tuple[str, int, int]]  # (label, rowspan, colspan)
    cells: list[tuple[CellView, int]]  # (cell, colspan)
    whole: CellView | None = field(init=False)  # the row read as one, if it was (_whole_row)

    def __post_init__(self) -> None:
        self.whole = _whole_row(self.cells) if self.cells else None


def table2_rows(template: str, cells: dict[str, CellView]) -> list[FormRow]:
    form = forms.FORMS[template]
    width = max(len(item.measures) for item in form.t2)
    rows: list[FormRow] = []
    section = None
    for item in form.t2:
        if item.section_zh != section:
            section = item.section_zh
            rows.append(FormRow([(section, 1, width + 1)], []))
            measures = item.measures
            span = [width - len(measures) + 1 if i == len(measures) - 1 else 1 for i in range(len(measures))]
            rows.append(FormRow([("信息内容", 1, 1)] + [(m.label_zh, 1, s) for m, s in zip(measures, span)], []))
        spans = [width - len(item.measures) + 1 if i == len(item.measures) - 1 else 1
                 for i in range(len(item.measures))]
        rows.append(FormRow([(item.label_zh, 1, 1)],
                            [(cells[forms.t2_cell(item.id, m.id)], s) for m, s in zip(item.measures, spans)]))
    return rows


def table3_rows(template: str, cells: dict[str, CellView]) -> list[FormRow]:
    """Table 3 with the official form's row headers: group labels span their rows."""
    form = forms.FORMS[template]
    results = [r for r in form.t3_rows if r.id not in forms.T3_TERMS or r.id == "total"]
    groups = Counter(r.group_zh for r in form.t3_rows)
    rows: list[FormRow] = []
    seen_groups: set[str] = set()
    results_started = False
    for row in form.t3_rows:
        values = [(cells[forms.t3_cell(row.id, c.id)], 1) for c in T3_COLUMNS]
        headers: list[tuple[str, int, int]] = []
        if row.id in ("new_received", "carried_over", "carried_forward"):
            headers.append((row.label_zh, 1, 3))
        else:
            if not results_started:
                headers.append(("三、本年度办理结果", len(results), 1))
                results_started = True
            group = row.group_zh
            if group and group != "三、本年度办理结果":
                if group not in seen_groups:
                    seen_groups.add(group)
                    headers.append((group, groups[group], 1))
                headers.append((row.label_zh, 1, 1))
            else:
                headers.append((row.label_zh, 1, 2))
        rows.append(FormRow(headers, values))
    return rows


def table4_cells(cells: dict[str, CellView]) -> list[tuple[CellView, int]]:
    return [(cells[forms.t4_cell(g.id, c.id)], 1) for g in T4_GROUPS for c in T4_COLUMNS]


def table4_row(row: FormRow) -> Markup:
    """The form's one row of 15 numbers; a row read as one is explained under the table."""
    whole = row.whole
    attrs = f' class="row-{whole.status}"' if whole is not None else ""
    return Markup(f"<tr{attrs}>" + "".join(cell_html(c, span, in_whole_row(c, whole)) for c, span in row.cells))


def table4_note(row: FormRow) -> str:
    whole = row.whole
    if whole is None:
        return ""
    cells = "其余各格" if any(not in_whole_row(c, whole) for c, _ in row.cells) else "各格"
    return f"本行{cells}{STATUS_SHORT[whole.status]}，整行{whole.tip}"


# --- badges ------------------------------------------------------------------------------


def _text_width(text: str) -> int:
    return sum(12 if ord(ch) > 0x2E80 else 7 for ch in text) + 12


def badge_svg(badge: str) -> str:
    """A shields-style badge: 勾稽关系 | 一致."""
    left, right = "勾稽关系", badge
    lw, rw = _text_width(left), _text_width(right)
    colour = BADGE_COLOUR[badge]
    total = lw + rw
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{total}" height="20" role="img" '
        f'aria-label="{left}：{right}"><title>{left}：{right}</title>'
        f'<rect width="{lw}" height="20" fill="#555"/><rect x="{lw}" width="{rw}" height="20" fill="{colour}"/>'
        f'<g fill="#fff" font-family="sans-serif" font-size="12" text-anchor="middle">'
        f'<text x="{lw / 2}" y="14">{left}</text><text x="{lw + rw / 2}" y="14">{right}</text></g></svg>\n'
    )


# --- charts ------------------------------------------------------------------------------


def agency_series(data: SiteData, reports: list[dict]) -> list[dict]:
    """Per year: requests received and the outcomes, from table3."""
    out = []
    for r in reports:
        table = data.outcomes.get(r["report_id"])
        if table is None:
            out.append({"year": r["year"], "report": r, "new": None, "total": None, "outcomes": []})
            continue
        outcomes = [(label, value, colour) for (label, _, colour), value in zip(OUTCOME_GROUPS, table.groups)]
        out.append({"year": r["year"], "report": r, "new": table.new, "total": table.total, "outcomes": outcomes})
    return out


# --- rendering -----------------------------------------------------------------------------


def compiled_templates() -> BytecodeCache | None:
    """Jinja's store of compiled templates, a folder of the user's in the system's temporary
    folder: compiling the site's and the theme's templates costs half a second in every process
    that renders, more than the pages of a one-file rebuild. An entry is used only for the same
    template source and Jinja; None where that folder cannot be made safely."""
    try:
        return FileSystemBytecodeCache()
    except (OSError, RuntimeError):
        return None


def environment() -> Environment:
    """The templates' environment. Not reloaded when a file changes (``auto_reload``): the
    templates stay as they are through a build, and checking costs a stat per page rendered."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True, bytecode_cache=compiled_templates(), auto_reload=False)
    env.filters["fmt"] = fmt
    env.filters["cell_anchor"] = cell_anchor
    env.filters["cell_label"] = cell_label
    env.filters["bibtex"] = bibtex
    env.filters["bibtex_url"] = bibtex_url
    env.filters["form_label"] = form_label
    env.filters["form_short"] = form_short
    env.tests["http_url"] = is_http_url
    env.globals.update(BADGES=BADGES, BADGE_CLASS=BADGE_CLASS, FORM_NAME_ZH=FORM_NAME_ZH,
                       SEVERITY_ZH=SEVERITY_ZH, TYPE_ZH=TYPE_ZH, TABLE_DESCRIPTIONS_ZH=TABLE_DESCRIPTIONS_ZH,
                       KEY_LABELS=KEY_LABELS, T3_COLUMNS=T3_COLUMNS,
                       T4_COLUMNS=T4_COLUMNS, T4_GROUPS=T4_GROUPS, PROJECT_NAME=PROJECT_NAME,
                       EVIDENCE=EVIDENCE, EVIDENCE_CELLS=EVIDENCE_CELLS, INDICATORS=INDICATORS, RATIO=RATIO,
                       chart_columns=chart_columns, region_name=region_name)
    return env


def rendering_version(shells: dict[int, Shell]) -> str:
    """What every page is rendered with: the builder's code and templates, the shells mkdocs made,
    and the template engine. A change to any of them re-renders every page."""
    digest = hashlib.sha256()
    for folder in dict.fromkeys((PACKAGE, TEMPLATES)):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    for package in ("jinja2", "markupsafe", "pypinyin"):  # pypinyin: the search index's pinyin
        digest.update(f"{package}=={importlib.metadata.version(package)}\n".encode())
    for depth, shell in sorted(shells.items()):
        digest.update(f"{depth}\0{shell.html}\0{shell.canonical}\n".encode())
    return digest.hexdigest()


def form_label(template: str) -> str:
    """A form's name and the document that set it, as a report page names its form."""
    name = FORM_NAME_ZH.get(template, template)
    form = forms.FORMS.get(template)
    return f"{name}（{form.title_zh}）" if form else name


def form_short(template: str) -> str:
    """A form's name without its note, as a filter lists it."""
    return FORM_NAME_ZH.get(template, template).split("（", 1)[0]


_BIBTEX = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&", "#": r"\#",
           "$": r"\$", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}
_BIBTEX_SPECIAL = re.compile("[" + re.escape("".join(_BIBTEX)) + "]")


def bibtex(text: str) -> str:
    """A BibTeX field value: braces, %, backslash and LaTeX's other specials escaped."""
    return _BIBTEX_SPECIAL.sub(lambda m: _BIBTEX[m.group()], str(text))


def bibtex_url(url: str) -> str:
    """A URL for BibTeX's \\url{…}: the characters that could close the field or start
    a command percent-encoded, which leaves the URL the same for a browser; then % and #
    escaped, which in a field's argument would start a comment or a parameter."""
    encoded = re.sub(r"[{}\\]", lambda m: f"%{ord(m.group()):02X}", url)
    return encoded.replace("%", "\\%").replace("#", "\\#")


def json_ld(value: dict) -> str:
    """JSON for a <script> element: no '<' (so no '</script' or '<!--'), '>' or '&' in it, as \\u escapes."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


_SLOTS = ("<p>@@CONTENT@@</p>", "@@CONTENT@@", "@@HEAD@@", "@@DESCRIPTION@@", "@@TITLE@@")


@dataclass
class Shell:
    """A page mkdocs rendered with placeholders, to be filled per data page.

    The shell is cut at its placeholders once; filling joins the pieces with
    the values, so report text that happens to hold a placeholder
    (``@@CONTENT@@`` in an agency name) is never substituted again."""

    html: str
    canonical: str
    _pieces: list[str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        slots = list(_SLOTS) + ([f'href="{self.canonical}"'] if self.canonical else [])
        self._pieces = re.split("(" + "|".join(map(re.escape, slots)) + ")", self.html)

    def fill(self, title: str, description: str, content: str, head: str, canonical: str) -> str:
        values = {"<p>@@CONTENT@@</p>": content, "@@CONTENT@@": content, "@@HEAD@@": head,
                  "@@DESCRIPTION@@": html.escape(description), "@@TITLE@@": html.escape(title),
                  f'href="{self.canonical}"': f'href="{html.escape(canonical)}"'}
        return "".join(values[piece] if odd else piece for odd, piece in
                       ((index % 2 == 1, piece) for index, piece in enumerate(self._pieces)))


@dataclass
class Pages:
    """Everything one site build renders: mkdocs page contents and data pages."""

    data: SiteData
    env: Environment = field(default_factory=environment)

    def render(self, template: str, **context) -> str:
        return self.env.get_template(template).render(data=self.data, **context)

    # mkdocs pages (few): their HTML replaces the markdown's
    def mkdocs_pages(self) -> dict[str, tuple[str, str]]:
        """src_uri → (title, html) of the pages mkdocs renders from data."""
        data = self.data
        regions = regions_of(data.reports)
        provinces = sorted((r for r in regions.values() if r.level == "province"), key=lambda r: r.code)
        years = Counter(r["year"] for r in data.reports)
        by_year = {y: Counter(r["badge"] for r in data.reports if r["year"] == y) for y in years}
        newest = sorted(data.reports, key=lambda r: (-int(r["year"]), r["report_id"]))[:20]
        rules = [(rule, data.outcome_counts.get(rule["check_id"], Counter())) for rule in data.rules]
        return {
            "about.md": ("关于本站", self.render("about.html", root="../", **data.about())),
            "index.md": (PROJECT_NAME, self.render("home.html", provinces=provinces, years=sorted(years),
                                                   newest=newest, badges=Counter(r["badge"] for r in data.reports),
                                                   regions=regions, root="")),
            "find.md": ("查找报告", self.render("find.html", root="../")),
            "regions/index.md": ("地区", self.render("regions_index.html", provinces=provinces, root="../")),
            "years/index.md": ("年份", self.render("years_index.html", years=sorted(years, reverse=True),
                                                   counts=years, by_year=by_year, root="../")),
            "compare/index.md": ("比较", self.render("compare_index.html", groups=self._compare_groups(), root="../")),
            "rules/index.md": ("检查规则", self.render("rules_index.html", rules=rules, root="../")),
            "downloads.md": ("数据下载", FILES_PENDING),
        }

    def downloads(self) -> str:
        """The downloads page's content: the package's files, their sizes and hashes (``FILES_PENDING``)."""
        return self.render("downloads.html", resources=self._resources(), root="../")

    def _compare_groups(self) -> list[tuple[str, list[tuple[str, str, int]]]]:
        by_year: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
        for (year, code), group in self.data.compare.items():
            by_year[year].append((code, group.province, group.rows))
        return sorted(by_year.items(), reverse=True)

    def compare_page(self, year: str, code: str, group: CompareGroup) -> Aggregate:
        title = f"{group.province} {year} 年度各机关指标比较"
        return Aggregate(title, f"{group.province}各机关 {year} 年度政府信息公开申请办理结果与纠错率比较",
                         "compare.html", {"year": year, "code": code, "province": group.province,
                                          "templates": list(group.templates), "root": "../../../"})

    def _resources(self) -> list[dict]:
        package = self.data.package
        tables = {r["name"]: r for r in package["resources"] if r.get("type") == "table"}
        out = []
        for resource in package["resources"]:
            entry = dict(resource)
            entry["size"] = human_bytes(resource.get("bytes") or (self.data.data_dir / resource["path"]).stat().st_size)
            entry["sha256"] = resource["hash"].removeprefix("sha256:")
            table = tables.get(resource.get("table", resource["name"]))
            entry["table"] = SCHEMA_TABLES.get(resource["name"]) if table and resource.get("type") == "table" else None
            out.append(entry)
        return out

    # data pages (many): rendered into shells, each keyed by what it is rendered from
    def settings_key(self, version: str) -> str:
        """What every data page shares: the rendering version, the addresses, the rules and the data date."""
        data = self.data
        return page_key(version, data.site_url, data.repo_url, data.place.url, data.created_date, data.rules)

    def report_content(self, report_id: str) -> str:
        """A digest of what a report's pages show of the package beyond its row: its document and indicators."""
        return page_key(hashlib.sha256(self.data.document_bytes(report_id)).hexdigest(),
                        self.data.derived.by_report.digest(report_id))

    def report_key(self, settings: str, report: dict, content: str, siblings: list[dict]) -> str:
        """A report page's inputs: its row, its document and indicators (``report_content``), its
        agency's years (the links to them) and whether a compare page of its province and year exists."""
        return page_key(settings, report, content, [(r["report_id"], r["year"]) for r in siblings],
                        _compare_url(self.data, report, ""))

    def agency_key(self, settings: str, agency: dict, reports: list[dict], contents: dict[str, str]) -> str:
        """An agency page's inputs: its row, its reports' rows, their table 3 totals and indicators."""
        data = self.data
        return page_key(settings, agency, reports, [data.outcomes.get(r["report_id"]) for r in reports],
                        [contents[r["report_id"]] for r in reports])

    def report_page(self, report: dict, document: dict, siblings: list[dict],
                    caps: Caps = CAPS) -> tuple[str, str, str, str]:
        data = self.data
        path = f"reports/{report['report_id']}/"
        cells = cell_views(document, caps.fail_links, caps.tip_candidates) if document["cells"] else {}
        template = report["template"]
        title = report_title(report)
        index = next(i for i, r in enumerate(siblings) if r["report_id"] == report["report_id"])
        t2 = table2_rows(template, cells) if cells else []
        t3 = table3_rows(template, cells) if cells else []
        t4 = FormRow([], table4_cells(cells)) if cells else None
        by_table: dict[str, list[CellView]] = defaultdict(list)
        for cell_id, c in cells.items():
            by_table[cell_id.split(".", 1)[0]].append(c)
        context = {
            "r": report, "doc": document, "root": "../../../", "title": title,
            "permalink": data.permalink(path),
            "t2": rows_html(t2, row_raw=caps.row_raw) if cells else "",
            "said": {"t2": common_status(t2), "t3": common_status(t3)} if cells else {},
            "t3": rows_html(t3, row_raw=caps.row_raw) if cells else "",
            "rows_notes": {"t2": rows_note(t2, caps.row_raw), "t3": rows_note(t3, caps.row_raw)} if cells else {},
            "t4": table4_row(t4) if t4 else "",
            "t4_note": table4_note(t4) if t4 else "",
            "notes": {t: cell_notes(by_table[t]) for t in ("t2", "t3", "t4")},
            "legend": legend(cells.values()),
            "anchored": {cell_id for cell_id, c in cells.items() if c.fail_anchor},
            "cells_shown": cells,
            "fails_unlinked": {t: sum(c.failed and not c.fail_anchor for c in by_table[t]) for t in ("t2", "t3", "t4")},
            "narrative": narrative_rows(document.get("narrative", [])),
            "provenance": provenance(report, document["source"]["sha256"]),
            "checks": (checks := group_checks(document.get("checks", []), data.rules, caps)),
            "EVIDENCE_CELLS": caps.evidence_cells,
            "passed": plainly_passed(checks),
            "inapplicable": [g for g in checks if g["outcome"] == "not_applicable" and len(g["na"]) <= 1],
            "previous": siblings[index - 1] if index > 0 else None,
            "next": siblings[index + 1] if index + 1 < len(siblings) else None,
            "region": region_name(report),
            "published": data.created_date,
            "indicators": report_indicators(data.derived, report),
            "compare_url": _compare_url(data, report, "../../../"),
            "original": web_url(report["source_url"]),  # the link the provenance block shows, or none
            "reading_notes": [reading_note_zh(code) for code in dict.fromkeys(w["code"] for w in
                                                                              document.get("warnings", []))],
        }
        context["issue"] = data.issue_link(
            f"数据错误：{report['agency_name']} {report['year']}（{report['report_id']}）",
            f"报告：{report['report_id']}\n"
            f"SHA-256：{document['source']['sha256']}\n\n哪里不对？依据：\n")
        description = report["summary"]  # it opens with the badge
        head = self.render("report_head.html", json_ld=json_ld(dataset_ld(data, report, path, title)), **context)
        return title, description, self.render("report.html", **context), head

    def agency_page(self, agency: dict, reports: list[dict]) -> tuple[str, str, str, str]:
        series = agency_series(self.data, reports)
        title = agency_title(agency)
        charts = agency_charts(self.data.derived, reports)
        # years with table 3's outcomes (a pre-2019 report has none to read)
        values = [v for s in series if s["outcomes"] for v in (s["new"], *(v for _, v, _ in s["outcomes"]))]
        read = [v for v in values if v is not None]
        content = self.render("agency.html", a=agency, reports=reports, series=series, chart=any(s["outcomes"] for s in series),
                              outcome_groups=OUTCOME_GROUPS, root="../../", charts=charts,
                              drawn={"outcomes": any(read), "indicators": any(p["value"] for c in charts for p in c.points)},
                              outcomes_read="all" if len(read) == len(values) else "some" if read else "none")
        return title, f"{title}历年政府信息公开工作年度报告", content, ""

    def region_page(self, region: Region, regions: dict[str, Region]) -> Aggregate:
        chain = []
        parent = region.parent
        while parent:
            chain.insert(0, {"code": parent, "name": regions[parent].name})
            parent = regions[parent].parent
        # Agencies of this level only: a page's size follows the administrative
        # structure, not the size of the corpus.
        agencies: dict[str, list[dict]] = defaultdict(list)
        for r in region.reports:
            if (r["adcode"] or UNKNOWN_REGION) == region.code:
                agencies[r["agency_id"]].append({k: r[k] for k in ("report_id", "year", "badge", "agency_name")})
        children = [_region_summary(regions[c]) for c in sorted(region.children)]
        compared = sorted(key for key in self.data.compare if key[1] == region.code)
        return Aggregate(region.name, f"{region.name}各机关的政府信息公开工作年度报告", "region.html", {
            "region": _region_summary(region), "chain": chain, "children": children,
            "agencies": sorted(agencies.items()), "root": "../../",
            "totals": region_totals(self.data.derived, region.code), "compare": compared})

    def year_page(self, year: str, reports: list[dict]) -> Aggregate:
        by_province: dict[str, Counter] = defaultdict(Counter)
        compare: dict[str, str] = {}
        for r in reports:
            by_province[r["province"]][r["badge"]] += 1
            if r["province"] and (url := _compare_url(self.data, r, "../../")):  # not 地区未知, and a page exists
                compare.setdefault(r["province"], url)
        return Aggregate(f"{year} 年度", f"{year} 年度政府信息公开工作年度报告", "year.html", {
            "year": year, "count": len(reports), "by_province": sorted(by_province.items()), "compare": compare,
            "badges": Counter(r["badge"] for r in reports), "root": "../../"})

    def rule_page(self, rule: dict) -> Aggregate:
        reports = self.data.reports_by_id
        failing = [({k: reports[c["report_id"]][k] for k in ("report_id", "agency_name", "year", "badge")},
                    {"detail_zh": c["detail_zh"]})
                   for c in self.data.failing_by_rule.get(rule["check_id"], []) if c["report_id"] in reports]
        counts = self.data.outcome_counts.get(rule["check_id"], Counter())
        return Aggregate(rule["title_zh"], rule["formula_zh"], "rule.html", {
            "rule": rule, "failing": failing, "more": counts["fail"] - len(failing), "counts": counts,
            "root": "../../"})

    def render_aggregate(self, page: Aggregate) -> tuple[str, str, str, str]:
        return page.title, page.description, self.render(page.template, **page.context), ""


class Aggregate(NamedTuple):
    """A page of many reports (region, year, rule, compare) before it is rendered: its template's
    context is all it is made from, so the context is its key."""

    title: str
    description: str
    template: str
    context: dict

    def key(self, settings: str) -> str:
        return page_key(settings, self.template, self.title, self.description, self.context)


def _region_summary(region: Region) -> dict:
    """What a region page says of a region (itself, or a region below it): name, reports, badges."""
    return {"code": region.code, "name": region.name, "level": region.level, "count": len(region.reports),
            "badges": region.badges}


def report_title(report: dict) -> str:
    return f"{report['agency_name']} {report['year']} 年政府信息公开工作年度报告"


def agency_title(agency: dict) -> str:
    return agency["name"] or agency["agency_id"]


def _compare_url(data: SiteData, report: dict, root: str) -> str:
    key = (report["year"], province_code(report))
    return f"{root}compare/{key[0]}/{key[1]}/" if key in data.compare else ""


def narrative_rows(figures: list[dict]) -> dict:
    """The prose a page lists: each sentence once with the figures read from it, headline ones
    first, cut to its first characters; the rest is counted (all is in report.json)."""
    by_text: dict[str, list[dict]] = {}
    for figure in sorted(figures, key=lambda f: not f.get("headline")):
        by_text.setdefault(figure["text"], []).append(figure)
    groups = list(by_text.items())
    shown = [{"text": shorten(text, NARRATIVE_TEXT), "figures": found} for text, found in groups[:NARRATIVE_ROWS]]
    return {"shown": shown, "more": sum(len(found) for _, found in groups[NARRATIVE_ROWS:])}


def plainly_passed(checks: list[dict]) -> list[dict]:
    """Rules that passed with nothing to say (no not-applicable instance, not an info rule):
    the page lists them in one row, which says their outcome once."""
    return [g for g in checks if g["outcome"] == "pass" and g["rule"]["severity"] != "info"
            and not g["counts"]["not_applicable"] and not g["na"]]


_FOLDED = re.compile(r"^(\d+) 项通过，(\d+) 项未通过，(\d+) 项不适用(?:；不适用的例如：(.*))?$")


def group_checks(results: list[dict], rules: list[dict], caps: Caps = CAPS) -> list[dict]:
    """Per rule: its outcome, failing instances in full, the rest counted
    (from the summary row when the instances were folded), reasons in Chinese."""
    by_rule: dict[str, list[dict]] = defaultdict(list)
    for result in results:
        by_rule[result["id"]].append(result)
    out = []
    for rule in rules:
        items = by_rule.get(rule["check_id"])
        if not items:
            continue
        counts = Counter(i["outcome"] for i in items if i["instance"] != "*")
        na = [i["detail_zh"] for i in items if i["outcome"] == "not_applicable" and i["instance"] != "*"]
        for summary in (i for i in items if i["instance"] == "*"):
            m = _FOLDED.search(summary["detail_zh"])
            if m:
                counts = Counter({"pass": int(m[1]), "fail": int(m[2]), "not_applicable": int(m[3])})
                na += [m[4]] if m[4] else []
        outcome = "fail" if counts["fail"] else "pass" if counts["pass"] else "not_applicable"
        quoted = [shorten(n, caps.na_text) for n in na[:caps.na_examples]]
        out.append({"rule": rule, "outcome": outcome, "counts": counts, "na": quoted,
                    "failing": [i for i in items if i["outcome"] == "fail" and i["instance"] != "*"]})
    return out


def web_url(value: str | None) -> str:
    """An http(s) URL fit for a link, or "": report data never becomes a javascript: or data: link."""
    value = (value or "").strip()
    return value if is_http_url(value) else ""


def iso_date(value: str | None) -> str:
    try:
        return date.fromisoformat((value or "").strip()).isoformat()
    except ValueError:
        return ""


def provenance(report: dict, sha256: str) -> list[tuple[str, str, bool]]:
    """Where a report came from, as (label, value, is_link): each item only when known and valid;
    an unknown official URL is said so."""
    url = web_url(report.get("source_url"))
    out = [("原始网址", url, True) if url else ("原始网址", "原始网址未记录", False)]
    retrieved = iso_date(report.get("retrieved"))
    if retrieved:
        out.append(("获取日期", retrieved, False))
    for label, key in (("存档副本", "archive_url"), ("发布页面", "listing_url")):
        link = web_url(report.get(key))
        if link:
            out.append((label, link, True))
    out.append(("文件", f"{printable(report['source_file'])}（{report['source_format']}）", False))
    out.append(("SHA-256", sha256, False))
    return out


def dataset_ld(data: SiteData, report: dict, path: str, title: str) -> dict:
    url = data.permalink(path)
    out = {
        "@context": "https://schema.org", "@type": "Dataset", "name": title + "（结构化数据）",
        "description": f"{report['agency_name']} {report['year']} 年度政府信息公开工作年度报告的表格数据与一致性检查："
                       f"{report['summary']}",
        "url": url, "identifier": report["report_id"], "inLanguage": "zh-CN",
        "creator": {"@type": "Organization", "name": PROJECT_AUTHOR},
        "license": "https://creativecommons.org/licenses/by/4.0/",
        "temporalCoverage": report["year"], "datePublished": data.created_date,
        "spatialCoverage": {"@type": "Place", "name": region_name(report) or "中国"},
        "distribution": [
            {"@type": "DataDownload", "encodingFormat": encoding, "contentUrl": report_file_url(data, report, url, kind)}
            for kind, encoding in (("json", "application/json"), ("csv", "text/csv"))
        ],
    }
    if web_url(report["source_url"]):  # the original report, and where it was listed and archived when known
        original = {"@type": "CreativeWork", "name": f"{report['agency_name']} {report['year']} 年政府信息公开工作年度报告",
                    "url": web_url(report["source_url"]), "publisher": {"@type": "GovernmentOrganization",
                                                              "name": report["agency_name"]}}
        if web_url(report.get("archive_url")):
            original["archivedAt"] = web_url(report["archive_url"])
        if web_url(report.get("listing_url")):
            original["isPartOf"] = {"@type": "WebPage", "url": web_url(report["listing_url"])}
        out["isBasedOn"] = original
    return out


def report_file_url(data: SiteData, report: dict, page_url: str, kind: str) -> str:
    """Where one of a report's own files is: beside its page, or at the data URL."""
    name = REPORT_FILES[kind]
    return data.report_file(report["report_id"], name) if data.place.separate else page_url + name


def human_bytes(size: int | str) -> str:
    size = int(size)
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size} B"
