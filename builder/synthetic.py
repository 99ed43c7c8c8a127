"""Synthetic reports on the prescribed forms, for tests and benchmarks.

Values are drawn so that every identity of the form holds; the text is laid
out the way real reports arrive (tab grids, pipe tables, space-separated PDF
text, digits run together by a crawler).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from . import forms
from .forms import GOV_2019, GOV_2021

LAYOUTS = ("tab", "pipe", "space", "run")

AGENCIES = (
    ("宁夏回族自治区", "固原市", "彭阳县"), ("宁夏回族自治区", "固原市", "隆德县"), ("宁夏回族自治区", "固原市", "西吉县"),
    ("甘肃省", "定西市", "安定区"), ("甘肃省", "定西市", "陇西县"), ("江苏省", "淮安市", "洪泽区"),
    ("江苏省", "淮安市", "涟水县"), ("安徽省", "铜陵市", "义安区"), ("浙江省", "杭州市", "西湖区"),
    ("广东省", "广州市", "天河区"), ("四川省", "成都市", "武侯区"), ("湖北省", "武汉市", "江夏区"),
    ("河南省", "郑州市", "金水区"), ("山东省", "济南市", "历下区"), ("福建省", "福州市", "鼓楼区"),
    ("湖南省", "长沙市", "岳麓区"), ("云南省", "昆明市", "五华区"), ("陕西省", "西安市", "雁塔区"),
)
BODIES = ("人民政府", "人民政府办公室", "发展和改革局", "自然资源局", "生态环境局", "住房和城乡建设局", "交通运输局",
          "公安局", "教育局", "卫生健康局", "市场监督管理局", "财政局", "人力资源和社会保障局", "农业农村局", "民政局")


@dataclass
class SyntheticReport:
    agency: str
    year: int
    template: str
    values: dict[str, int | float]
    text: str


def consistent_values(rng: random.Random, template: str, scale: int = 20) -> dict[str, int | float]:
    """Values for every cell of a form such that every identity holds."""
    form = forms.FORMS[template]
    values: dict[str, int | float] = {}
    for item in form.t2:
        for m in item.measures:
            cell = forms.t2_cell(item.id, m.id)
            if m.id == "change":
                values[cell] = rng.randint(-3, 5)
            elif m.id.startswith("amount"):
                values[cell] = round(rng.uniform(0, 500), rng.choice((0, 1, 2)))
            else:
                values[cell] = rng.choice((0, 0, rng.randint(0, 30), rng.randint(0, 5000)))
    results = form.t3_results
    for col in forms.T3_APPLICANTS:
        active = col == "natural_person" or rng.random() < 0.3
        total = 0
        for row in results:
            v = rng.choice((0, 0, 0, rng.randint(0, scale))) if active else 0
            values[forms.t3_cell(row, col)] = v
            total += v
        forward = rng.randint(0, 3) if active else 0
        carried = rng.randint(0, min(3, total + forward)) if active else 0
        values[forms.t3_cell("total", col)] = total
        values[forms.t3_cell("carried_forward", col)] = forward
        values[forms.t3_cell("carried_over", col)] = carried
        values[forms.t3_cell("new_received", col)] = total + forward - carried
    for row in (r.id for r in form.t3_rows):
        values[forms.t3_cell(row, "total")] = sum(values[forms.t3_cell(row, c)] for c in forms.T3_APPLICANTS)
    for group in forms.T4_GROUPS:
        parts = [rng.choice((0, 0, rng.randint(0, 4))) for _ in range(4)]
        for col, v in zip(forms.T4_COLUMNS[:-1], parts):
            values[forms.t4_cell(group.id, col.id)] = v
        values[forms.t4_cell(group.id, "total")] = sum(parts)
    return values


def _fmt(value) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _row(label: str, cells: list[str], layout: str) -> str:
    if layout == "tab":
        return "\t".join([label, *cells])
    if layout == "pipe":
        return "| " + " | ".join([label, *cells]) + " |"
    if layout == "run":
        return label + "".join(cells)
    return " ".join([label, *cells])


def render(agency: str, year: int, template: str, values: dict, layout: str = "tab",
           prose_figures: bool = True) -> str:
    """A whole report as text in the given layout."""
    form = forms.FORMS[template]
    lines = [f"{agency}{year}年政府信息公开工作年度报告", "",
             f"本报告由{agency}编制，所列数据统计期限自{year}年1月1日至{year}年12月31日止。", "",
             "一、总体情况", ""]
    new = values[forms.t3_cell("new_received", "total")]
    if prose_figures:
        lines.append(f"{year}年，{agency}共收到政府信息公开申请{new}件，均在法定期限内予以答复。")
        review = values[forms.t4_cell("admin_review", "total")]
        lines.append(f"全年发生政府信息公开行政复议{review}件。" if review else "全年未发生政府信息公开行政复议案件。")
    lines += ["", "二、主动公开政府信息情况", ""]
    for item in form.t2:
        lines.append(_row(item.section_zh, [], layout if layout != "run" else "space"))
        lines.append(_row("信息内容", [m.label_zh for m in item.measures], layout if layout != "run" else "space"))
        cells = [_fmt(values[forms.t2_cell(item.id, m.id)]) for m in item.measures]
        lines.append(_row(item.label_zh, cells, layout))
    lines += ["", "三、收到和处理政府信息公开申请情况", ""]
    header = [c.label_zh for c in forms.T3_COLUMNS]
    lines.append(_row("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", ["申请人情况"],
                      "space" if layout == "run" else layout))
    lines.append(_row("", header, "space" if layout == "run" else layout))
    for row in form.t3_rows:
        cells = [_fmt(values[forms.t3_cell(row.id, c.id)]) for c in forms.T3_COLUMNS]
        label = (row.group_zh + " " if row.group_zh and row.group_zh != "三、本年度办理结果" else "") + row.label_zh
        lines.append(_row(label, cells, layout))
    lines += ["", "四、政府信息公开行政复议、行政诉讼情况", ""]
    lines.append(_row("行政复议", ["", "", "", "", "行政诉讼"], "space" if layout == "run" else layout))
    t4 = [_fmt(values[forms.t4_cell(g.id, c.id)]) for g in forms.T4_GROUPS for c in forms.T4_COLUMNS]
    lines.append(_row("", t4, layout).strip())
    lines += ["", "五、存在的主要问题及改进情况", "", f"{year}年，工作仍有不足，下一步将继续改进。", "",
              "六、其他需要报告的事项", "", "本年度未收取信息处理费。", ""]
    return "\n".join(lines)


def agency_name(rng: random.Random) -> str:
    _province, city, county = rng.choice(AGENCIES)
    return f"{city}{county}{rng.choice(BODIES)}"


def report(rng: random.Random, year: int | None = None, layout: str = "tab", agency: str | None = None) -> SyntheticReport:
    year = year or rng.randint(2019, 2024)
    template = GOV_2021 if year >= 2021 else GOV_2019
    values = consistent_values(rng, template)
    name = agency or agency_name(rng)
    return SyntheticReport(name, year, template, values, render(name, year, template, values, layout))


# --- every layout seen in the wild ---------------------------------------------------
#
# A report is first laid out as blocks (paragraphs, headings, tables as rows of
# cells, with the form's merged group labels), then written in one of the
# renderings below. Cells are printed as numbers, worded zeros (无, —, /),
# blanks, decimals and amounts with their unit, where the rendering can carry
# them: a run of digits has no room for a blank or a word.

RENDERINGS = ("tab", "pipe", "space", "run", "run_spaced", "label_before", "label_after", "displaced", "html", "docx",
              "crawled", "heading_after", "cell_per_line")
_DELIMITED = frozenset({"tab", "pipe", "html", "docx", "crawled", "heading_after"})  # may print blank cells
_RUNS = frozenset({"run", "run_spaced"})
_ZERO_WORDS = ("无", "—", "/", "0")


def printed_cells(rng: random.Random, template: str, values: dict, rendering: str) -> dict[str, str]:
    """How each cell is printed in a rendering ('' is a blank cell)."""
    out: dict[str, str] = {}
    for cell in forms.cells(template):
        value = values[cell.id]
        text = _fmt(value)
        if cell.kind == "money" and rng.random() < 0.5:
            own = "万元" in cell.column_label_zh
            text += rng.choice(("万元",) if own else ("万元", "元"))
        if rendering not in _RUNS:
            if value == 0 and rng.random() < 0.3:
                text = rng.choice(_ZERO_WORDS)
            elif rendering in _DELIMITED and rng.random() < 0.04:
                text = ""
        out[cell.id] = text
    return out


def expected_value(printed: str, value):
    """What the parser should read from a printed cell: None for a blank."""
    return None if printed == "" else value


@dataclass
class _Table:
    header: list[list[tuple[str, int, int]]]  # (text, rowspan, colspan) per header cell
    rows: list[tuple[list[tuple[str, int, int]], list[str]]]  # label cells (with spans), value cells


def _blocks(agency: str, year: int, template: str, printed: dict, values: dict) -> list:
    form = forms.FORMS[template]
    new = values[forms.t3_cell("new_received", "total")]
    blocks: list = [
        ("title", f"{agency}{year}年政府信息公开工作年度报告"),
        ("para", f"本报告由{agency}编制，所列数据统计期限自{year}年1月1日至{year}年12月31日止。"),
        ("heading", "一、总体情况"),
        ("para", f"{year}年，{agency}共收到政府信息公开申请{new}件，均在法定期限内予以答复。"),
        ("heading", "二、主动公开政府信息情况"),
    ]
    t2 = _Table([], [])
    for item in form.t2:
        width = 1 + len(item.measures)
        t2.rows.append(([(item.section_zh, 1, width)], []))
        t2.rows.append(([("信息内容", 1, 1)] + [(m.label_zh, 1, 1) for m in item.measures], []))
        t2.rows.append(([(item.label_zh, 1, 1)], [printed[forms.t2_cell(item.id, m.id)] for m in item.measures]))
    blocks += [("table", t2), ("heading", "三、收到和处理政府信息公开申请情况")]
    header = [[("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3), ("申请人情况", 1, 7)],
              [("自然人", 2, 1), ("法人或其他组织", 1, 5), ("总计", 2, 1)],
              [(c.label_zh, 1, 1) for c in forms.T3_COLUMNS[1:6]]]
    t3 = _Table(header, [])
    groups: dict[str, int] = {}
    for row in form.t3_rows:
        if row.group_zh:
            groups[row.group_zh] = groups.get(row.group_zh, 0) + 1
    results = sum(1 for r in form.t3_rows if r.group_zh)
    seen: set[str] = set()
    for row in form.t3_rows:
        cells = [printed[forms.t3_cell(row.id, c.id)] for c in forms.T3_COLUMNS]
        labels: list[tuple[str, int, int]] = []
        if not row.group_zh:
            labels.append((row.label_zh, 1, 3))
        else:
            if "results" not in seen:
                labels.append(("三、本年度办理结果", results, 1))
                seen.add("results")
            if row.group_zh == "三、本年度办理结果":
                labels.append((row.label_zh, 1, 2))
            else:
                if row.group_zh not in seen:
                    labels.append((row.group_zh, groups[row.group_zh], 1))
                    seen.add(row.group_zh)
                labels.append((row.label_zh, 1, 1))
        t3.rows.append((labels, cells))
    blocks += [("table", t3), ("heading", "四、政府信息公开行政复议、行政诉讼情况")]
    t4 = _Table([[("行政复议", 1, 5), ("行政诉讼", 1, 10)],
                 [("", 1, 5), ("未经复议直接起诉", 1, 5), ("复议后起诉", 1, 5)],
                 [(c.label_zh, 1, 1) for _ in forms.T4_GROUPS for c in forms.T4_COLUMNS]], [])
    t4.rows.append(([], [printed[forms.t4_cell(g.id, c.id)] for g in forms.T4_GROUPS for c in forms.T4_COLUMNS]))
    blocks += [("table", t4), ("heading", "五、存在的主要问题及改进情况"),
               ("para", f"{year}年，工作仍有不足，下一步将继续改进。"), ("heading", "六、其他需要报告的事项"),
               ("para", "本年度未收取信息处理费。")]
    return blocks


def _label_text(labels: list[tuple[str, int, int]]) -> str:
    return " ".join(text for text, _, _ in labels)


def _text_row(label: str, cells: list[str], rendering: str, rng: random.Random) -> str:
    if rendering in ("tab", "crawled"):
        return "\t".join([label, *cells])
    if rendering in ("pipe", "heading_after"):
        return "| " + " | ".join([label, *cells]) + " |"
    if rendering == "run":
        return label + "".join(cells)
    if rendering == "run_spaced":
        gaps = [rng.choice(("", "", " ")) for _ in cells]
        return label + "".join(g + c for g, c in zip(gaps, cells))
    return " ".join([label, *(c for c in cells)])


def _text_lines(blocks: list, rendering: str, rng: random.Random) -> list[str]:
    lines: list[str] = []
    for kind, content in blocks:
        if kind != "table":
            lines += [content, ""]
            continue
        header_style = "space" if rendering in _RUNS or rendering.startswith("label") else rendering
        for header in content.header:
            if rendering == "cell_per_line":  # a crawled table flattened: one cell per line
                lines += [text for text, _, _ in header if text]
                continue
            lines.append(_text_row(_label_text(header), [], header_style, rng))
        for labels, cells in content.rows:
            label = _label_text(labels)
            if rendering == "cell_per_line":
                lines += [text for text, _, _ in labels if text] + list(cells)
            elif not cells:
                lines.append(_text_row(label, [], header_style, rng))
            elif rendering == "label_before" and label:
                lines += [label, _text_row("", cells, "space", rng).strip()]
            elif rendering == "label_after" and label:
                lines += [_text_row("", cells, "space", rng).strip(), label]
            else:
                lines.append(_text_row(label, cells, rendering, rng) if label else
                             _text_row("", cells, rendering, rng).lstrip(" \t|") if rendering not in _DELIMITED
                             else _text_row("", cells, rendering, rng))
        lines.append("")
    return lines


def _html(blocks: list) -> str:
    from html import escape

    out = ["<!DOCTYPE html><html><head><meta charset='utf-8'><title>年度报告</title></head><body>",
           "<div class='nav'>当前位置：首页 &gt; 政府信息公开 &gt; 年度报告</div>"]
    for kind, content in blocks:
        if kind == "title":
            out.append(f"<h1>{escape(content)}</h1>")
        elif kind in ("para", "heading"):
            out.append(f"<p>{escape(content)}</p>")
        else:
            out.append("<table border='1'>")
            for header in content.header:
                out.append("<tr>" + "".join(_td(t, r, c) for t, r, c in header) + "</tr>")
            for labels, cells in content.rows:
                out.append("<tr>" + "".join(_td(t, r, c) for t, r, c in labels)
                           + "".join(_td(v, 1, 1) for v in cells) + "</tr>")
            out.append("</table>")
    out.append("<div class='footer'>主办：固原市人民政府办公室 宁ICP备11000053号-1</div></body></html>")
    return "\n".join(out)


def _td(text: str, rowspan: int, colspan: int) -> str:
    from html import escape

    spans = (f" rowspan='{rowspan}'" if rowspan > 1 else "") + (f" colspan='{colspan}'" if colspan > 1 else "")
    return f"<td{spans}>{escape(text)}</td>"


def _docx(blocks: list) -> bytes:
    import io

    from docx import Document

    document = Document()
    for kind, content in blocks:
        if kind in ("title", "para", "heading"):
            document.add_paragraph(content)
            continue
        grid = _grid(content)
        width = max(len(r) for r in grid)
        table = document.add_table(rows=len(grid), cols=width)
        cells = [list(row.cells) for row in table.rows]  # once: table.cell() walks the whole table
        for (r, c), (text, rowspan, colspan) in _spans(content).items():
            cell = cells[r][c]
            if rowspan > 1 or colspan > 1:
                cell = cell.merge(cells[r + rowspan - 1][c + colspan - 1])
            cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _spans(table: _Table) -> dict[tuple[int, int], tuple[str, int, int]]:
    """Grid position of every printed cell, spans expanded as HTML does."""
    taken: set[tuple[int, int]] = set()
    placed: dict[tuple[int, int], tuple[str, int, int]] = {}
    rows = [*table.header, *(labels + [(v, 1, 1) for v in cells] for labels, cells in table.rows)]
    for r, row in enumerate(rows):
        c = 0
        for text, rowspan, colspan in row:
            while (r, c) in taken:
                c += 1
            placed[(r, c)] = (text, rowspan, colspan)
            for dr in range(rowspan):
                for dc in range(colspan):
                    taken.add((r + dr, c + dc))
            c += colspan
    return placed


def _grid(table: _Table) -> list[list[str]]:
    placed = _spans(table)
    height = max(r + s[1] for (r, _), s in placed.items())
    width = max(c + s[2] for (_, c), s in placed.items())
    return [[""] * width for _ in range(height)]


def _displace(rng: random.Random, template: str, printed: dict) -> dict:
    """PDF text that put the numbers of three rows of one column into the first
    row's cell ('0 0 3') and left the other two empty."""
    rows = [r.id for r in forms.FORMS[template].t3_rows if r.id.startswith("denied.")]
    column = rng.choice(forms.T3_APPLICANTS)
    start = rng.randint(0, len(rows) - 3)
    cells = [forms.t3_cell(r, column) for r in rows[start:start + 3]]
    if not all(printed[c].isdigit() for c in cells):
        return printed
    out = dict(printed)
    out[cells[0]] = " ".join(printed[c] for c in cells)
    for c in cells[1:]:
        out[c] = ""
    return out


_CHROME_TOP = ("首页 > 政府信息公开 > 政府信息公开年报", "标题：{title}", "索引号：640425/2023-00012  发布机构：{agency}",
               "发布时间：{year}-01-20  来源：{agency}  浏览次数：1024", "字号：[ 大 中 小 ]  分享到：")
_CHROME_BOTTOM = ("【打印本页】 【关闭窗口】", "扫一扫在手机上查看当前页面", "主办：{agency}办公室",
                  "宁ICP备11000053号-1", "宁公网安备 64042502000001号")


def render_layout(rng: random.Random, agency: str, year: int, template: str, printed: dict, values: dict,
                  rendering: str) -> tuple[bytes, str]:
    """A whole report in one rendering: its bytes and a file name with the right suffix."""
    if rendering == "displaced":
        printed = _displace(rng, template, printed)
        rendering = "tab"
    blocks = _blocks(agency, year, template, printed, values)
    if rendering == "html":
        return _html(blocks).encode("utf-8"), "report.html"
    if rendering == "docx":
        return _docx(blocks), "report.docx"
    lines = _text_lines(blocks, rendering, rng)
    if rendering == "crawled":
        title = blocks[0][1]
        fill = {"title": title, "agency": agency, "year": year + 1}
        lines = [c.format(**fill) for c in _CHROME_TOP] + lines + [c.format(**fill) for c in _CHROME_BOTTOM]
    if rendering == "heading_after":
        at = lines.index("五、存在的主要问题及改进情况")
        lines[at], lines[at + 2] = lines[at + 2], lines[at]  # the heading printed after its first paragraph
    return "\n".join(lines).encode("utf-8"), "report.txt"
