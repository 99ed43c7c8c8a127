"""Reports a filing system exported one agency-year to a row (blind round 145): every cell of the form a column named
by its path or by a code a code book explains, the agency, year and prose in columns of their own; or the row turned,
a 指标 | 数值 line each. Nine of eleven such files were refused (no agency or year: they are in columns) and the
others' tables not read; a roster of several agencies' rows was read as one report."""

from __future__ import annotations

import csv
import io
import itertools

import pytest

from builder import errors, forms
from builder.extraction.extract import extract_bytes
from builder.forms import GOV_2019, GOV_2021

from .test_table_rows import values

AGENCY, YEAR, REGION = "南宁市兴宁区人民政府", 2023, "广西壮族自治区南宁市兴宁区"
META = (("单位名称", AGENCY), ("所属地区", REGION), ("行政区划代码", "450102"), ("年度", str(YEAR)),
        ("填报人", "李明"), ("联系电话", "0771-5712345"), ("填报日期", f"{YEAR + 1}-01-20"))
PROSE = (("一、总体情况", f"{YEAR}年，{AGENCY}坚持以习近平新时代中国特色社会主义思想为指导，全年主动公开政府信息1286条。"),
         ("五、存在的主要问题及改进情况", "一是解读形式单一。下一步将丰富解读形式。"),
         ("六、其他需要报告的事项", "本年度未收取信息处理费。"))


def levels(cell: forms.Cell, template: str, grouped: bool = False) -> list[str]:
    """A cell's path: its table, its row's names (table 2's 第二十条 heading, table 3's group), its column (under
    申请人情况 and 法人或其他组织 when ``grouped``, as the form's header nests them)."""
    if cell.table == "t2":
        item = next(i for i in forms.FORMS[template].t2 if i.id == cell.row)
        return ["表二", item.section_zh, item.label_zh, cell.column_label_zh]
    if cell.table == "t3":
        row = next(r for r in forms.FORMS[template].t3_rows if r.id == cell.row)
        heads = (["申请人情况"] + (["法人或其他组织"] if cell.column not in ("natural_person", "total") else [])
                 if grouped else [])
        return ["表三", *([row.group_zh] if row.group_zh else []), row.label_zh, *heads, cell.column_label_zh]
    return ["表四", *cell.row_label_zh.split("·"), cell.column_label_zh]


def export(v: dict, template: str, layout: str, rows: int = 1) -> bytes:
    """The report as a filing system exports it (``layout``: the separator of its paths, or a header of three rows,
    or codes and a code book, or the row turned)."""
    cells = list(forms.cells(template))
    meta, prose = [name for name, _ in META], [name for name, _ in PROSE]
    record = [value for _, value in META] + [value for _, value in PROSE] + [str(v[c.id]) for c in cells]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    if layout in ("_", "/", "-", "grouped"):
        separator = "_" if layout == "grouped" else layout
        writer.writerow(meta + prose + [separator.join(levels(c, template, layout == "grouped")) for c in cells])
    elif layout == "three rows":  # 表三 over its rows' names over the columns, each group's name in its first column
        paths = [levels(c, template) for c in cells]
        top = [p[0] for p in paths]
        middle = ["-".join(p[1:-1]) for p in paths]
        for header in (top, middle):
            writer.writerow(meta + prose + [name if k == 0 or header[k - 1] != name else ""
                                            for k, name in enumerate(header)])
        writer.writerow([""] * (len(meta) + len(prose)) + [p[-1] for p in paths])
    elif layout == "codes":
        codes = [f"T{c.table[1]}R{k:03d}" for k, c in enumerate(cells)]
        writer.writerow(meta + prose + codes)
    if layout == "turned":
        writer.writerow(["指标", "数值"])
        for name, value in zip(meta + prose + ["_".join(levels(c, template)) for c in cells], record):
            writer.writerow([name, value])
    else:
        for k in range(rows):
            writer.writerow([f"{AGENCY[:-4]}{k or ''}人民政府" if k else AGENCY, *record[1:]])
    if layout == "codes":
        writer.writerow([])
        writer.writerow(["指标代码", "指标名称", "所属表", "计量单位"])
        for code, cell in zip(codes, cells):
            writer.writerow([code, "-".join(levels(cell, template)[1:]), {"t2": "表二 主动公开政府信息情况",
                             "t3": "表三 收到和处理政府信息公开申请情况", "t4": "表四 行政复议、行政诉讼情况"}[cell.table], "件"])
    return out.getvalue().encode("utf-8-sig")


@pytest.mark.parametrize("template", [GOV_2021, GOV_2019])
@pytest.mark.parametrize("layout", ["_", "/", "-", "grouped", "three rows", "codes", "turned"])
def test_a_report_exported_a_row_of_the_form_s_cells_is_read(layout, template):
    v = values(template)
    report = extract_bytes(export(v, template, layout), "export.csv")
    assert (report.agency.name, report.year, report.agency.adcode) == (AGENCY, YEAR, "450102")
    assert {c.id: report.cells[c.id].value for c in forms.cells(template)} == v
    assert {f.key: f.value for f in report.narrative if f.headline} == {"proactive_items": 1286, "fees_charged_cny": 0}
    assert "export_laid_out" in [w["code"] for w in report.warnings]  # (its reading note: the source text is laid out)


def test_a_filing_system_s_table_of_several_agencies_is_a_roster():
    with pytest.raises(errors.NotAReport, match=r"table of 3 agencies. figures, one a row"):
        extract_bytes(export(values(GOV_2021), GOV_2021, "_", rows=3), "roster.csv")


def test_an_ordinary_report_s_wide_table_is_no_export():
    """A row of table 4's fifteen values under its header stays a table of the report."""
    from .official_form import AGENCY as FORM_AGENCY
    from .official_form import assert_every_cell, blocks, html_body, html_page
    from .official_form import values as form_values

    v = form_values(seed=9)
    report = extract_bytes(html_page(html_body(blocks(v))).encode(), "report.html")
    assert report.agency.name == FORM_AGENCY
    assert_every_cell(report, v)


def test_a_long_table_in_a_report_s_text_is_no_export():
    """表格,行,列,数值 then 表三,一、本年新收…,自然人,12 under a report's title and headings: a long table of the report
    (tests/test_listed_tables), left to the long tables' reading; the file is no export of one record."""
    from builder.reading.exports import exported_report

    lines = [f"{AGENCY}{YEAR}年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况", "表格,行,列,数值"]
    lines += [f"表三,{row.label_zh},{column.label_zh},1" for row in forms.T3_ROWS_2021 for column in forms.T3_COLUMNS]
    assert exported_report("\n".join(lines), "long.csv") == "\n".join(lines)


@pytest.mark.parametrize("style", ["表名", "序号", "codes", "bars"])
def test_a_report_exported_whole_as_a_long_table_is_read(style):
    """Blind round 239 (h1088: long-format data exports): every line of the file a value named by its fields (表名 | 行 |
    列 | 值): the form's cells, the agency and year (报告信息 | 机关名称 | | 某局), the prose (报告信息 | 一、总体情况 | 正文 |
    …); with an index first (序号), a program's code beside the words (meta, t3_new_received), or the levels parted by a
    full-width bar (表二｜规章). Six of ten were refused for no agency (its name was a line's last field), the others'
    cells missed."""
    v = values(seed=6)

    def line(*fields: str) -> str:
        k = next(counter)
        if style == "序号":
            fields = (str(k), *fields)
        elif style == "codes":
            fields = (fields[0], f"code_{k}", *fields[1:])
        return ",".join(fields)

    counter = itertools.count(1)
    head = {"表名": "表名,行,列,值", "序号": "序号,表名,行,列,值", "codes": "table,row_code,row_label,column_label,value",
            "bars": "指标,分类,数值"}[style]
    lines = [head, line("报告信息", "机关名称", "", AGENCY), line("报告信息", "年度", "", str(YEAR))]
    lines += [line("报告信息", "标题", "正文", f"{AGENCY}{YEAR}年政府信息公开工作年度报告")]
    lines += [line("报告信息", name, "正文", text) for name, text in PROSE]
    for cell in forms.cells(GOV_2021):
        path = levels(cell, GOV_2021)
        row = "-".join(path[1:-1])
        value = str(v[cell.id])
        lines.append(line(f"{path[0]}｜{row}", path[-1], value) if style == "bars" else line(path[0], row, path[-1], value))
    if style == "bars":
        lines = [",".join(field for field in row.split(",") if field) for row in lines]  # (指标 | 分类 | 数值)
    report = extract_bytes("\n".join(lines).encode("utf-8-sig"), "export.csv")
    assert (report.agency.name, report.year) == (AGENCY, YEAR)
    assert {c.id: report.cells[c.id].value for c in forms.cells(GOV_2021)} == v


def test_an_export_turned_a_cell_a_line_named_by_the_published_cell_ids_is_read():
    """t3.granted.natural_person | 12: the cells named by the ids this project publishes (a researcher's file written
    back for a correction, a portal that adopted them), the agency and year under English names."""
    v = values(seed=14)
    lines = ["field,value", f"agency,{AGENCY}", f"year,{YEAR}", f"overview,{PROSE[0][1]}"]
    lines += [f"{cell.id},{v[cell.id]}" for cell in forms.cells(GOV_2021)]
    rep = extract_bytes("\n".join(lines).encode(), "cells.csv")
    assert (rep.agency.name, rep.year) == (AGENCY, YEAR)
    assert {c.id: rep.cells[c.id].value for c in forms.cells(GOV_2021)} == {c.id: v[c.id] for c in forms.cells(GOV_2021)}
