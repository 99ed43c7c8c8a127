"""Tables flattened into lists by text-only, phone and export views: a row a line of named values, a cell a
line, a card a row, and a screen reader's cells by their places. Each is read back into the form's cells."""

from __future__ import annotations

import contextlib
import html
import io
import itertools
import random
import re
import signal

import pytest

from builder import forms, synthetic
from builder.extraction.extract import extract_bytes
from builder.extraction.listed import relisted, ungridded

from .official_form import AGENCY, YEAR, blocks, placed, rebalance, values

_ORGANISATIONS = {c.id for c in forms.T3_COLUMNS[1:6]}


def _v(value) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _column(column: forms.Column, style: str) -> str:
    return f"法人或其他组织{style}{column.label_zh}" if column.id in _ORGANISATIONS else column.label_zh


def _listed(template: str, v: dict, shape: str) -> list[str]:
    """The three tables' lines in one shape: "row" (a row a line), "cell" (a cell a line) or "card"
    (a heading, then a value a line)."""
    form = forms.FORMS[template]
    t2, t3, t4 = [], [], []
    for item in form.t2:
        pairs = [(m.label_zh, _v(v[forms.t2_cell(item.id, m.id)])) for m in item.measures]
        t2 += _shaped(item.label_zh, pairs, shape)
    for row in form.t3_rows:
        label = f"{row.group_zh}—{row.label_zh}" if row.group_zh else row.label_zh
        t3 += _shaped(label, [(_column(c, "—"), _v(v[forms.t3_cell(row.id, c.id)])) for c in forms.T3_COLUMNS], shape)
    for group in forms.T4_GROUPS:
        t4 += _shaped(group.label_zh, [(c.label_zh, _v(v[forms.t4_cell(group.id, c.id)])) for c in forms.T4_COLUMNS],
                      shape)
    return t2, t3, t4


def _shaped(label: str, pairs: list[tuple[str, str]], shape: str) -> list[str]:
    if shape == "row":
        return [f"{label} " + "；".join(f"{name}：{value}" for name, value in pairs)]
    if shape == "cell":
        return [f"{label}-{name}：{value}" for name, value in pairs]
    if shape == "wechat":  # a row a paragraph: 、 between the values, 合计 for 总计, 零 for 0
        zh = [(name.replace("总计", "合计"), "零" if value == "0" else value) for name, value in pairs]
        return [f"{label}：" + "、".join(f"{name.rpartition('—')[2]}{value}件" for name, value in zh) + "。"]
    if shape == "spaced":  # a row a line, its values after their columns' names parted by a space: 自然人4 商业企业0
        return [f"{label.replace('—', ' ')} " + " ".join(f"{name.rpartition('—')[2]}{value}" for name, value in pairs)]
    if shape == "glued":  # a row a line, its values after their columns' names with nothing between: 商业企业6科研机构0
        return [f"{label.replace('—', ' ')} " + "".join(f"{name.rpartition('—')[2]}{value}" for name, value in pairs)]
    if shape == "oa":  # an office system's form printed a cell a line: 列名／行名——数值件
        return [f"{name.replace('—', '／')}／{label.replace('—', '／')}——{value}件" for name, value in pairs]
    if shape == "column first":  # 自然人 · 三、本年度办理结果 · （七）总计：26
        return [f"{name.replace('—', ' · ')} · {label.replace('—', ' · ')}：{value}" for name, value in pairs]
    if shape == "indicator":  # a two-column 指标名称 | 数量 table
        return [f"{label.replace('—', '／')}／{name.replace('—', '／')}\t{value}" for name, value in pairs]
    if shape == "bullets":  # Markdown's nested lists, the organisations under their heading
        nested = []
        for name, value in pairs:
            group, _, own = name.rpartition("—")
            if group and f"  - {group}" not in nested:
                nested.append(f"  - {group}")
            nested.append(f"{'    ' if group else '  '}- {own or name}：{value}")
        return [f"- {label.replace('—', ' ')}", *nested]
    if shape == "path":  # a cell a line, its row's label and its column's path parted by spaces (a screen reader's
        # transcript repeating merged headers: 一、本年新收… 申请人情况 法人或其他组织 商业企业 7)
        return [f"{label.replace('—', ' ')} {'申请人情况 ' if name.startswith(('自然人', '法人')) else ''}"
                f"{name.replace('—', ' ')} {value}" for name, value in pairs]
    if shape == "yaml":  # YAML-like: the row's label and a colon, then each value indented under its column's name
        return [f"{label.replace('—', ' ')}:", *(f"  {name.rpartition('—')[2]}: {value}" for name, value in pairs)]
    if shape == "arrows":  # row -> column -> value
        return [f"{label.replace('—', ' ')} -> {name.rpartition('—')[2]} -> {value}" for name, value in pairs]
    return [label, *(f"<span>{name}</span><span>{value}</span>" for name, value in pairs)]


def _page(template: str, year: int, v: dict, shape: str) -> bytes:
    t2, t3, t4 = _listed(template, v, shape)
    sections = ["二、主动公开政府信息情况", *t2, "三、收到和处理政府信息公开申请情况",
                "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", *t3,
                "四、政府信息公开行政复议、行政诉讼情况", *t4, "五、存在的主要问题及改进情况", "工作仍有不足。"]
    lines = [f"{AGENCY}{year}年政府信息公开工作年度报告",
             f"本报告由{AGENCY}编制，所列数据统计期限自{year}年1月1日至{year}年12月31日止。", "一、总体情况",
             f"{year}年，本机关依法做好政府信息公开工作。", *sections]
    if shape != "card":
        return "\n".join(lines).encode()
    body = "".join(f"<li class='kv'>{line}</li>" if line.startswith("<span>") else f"<h4>{html.escape(line)}</h4>"
                   for line in lines)
    return f"<html><head><title>{lines[0]}</title></head><body>{body}</body></html>".encode()


@pytest.mark.parametrize("template", ["gov-2021", "gov-2019"])
@pytest.mark.parametrize("shape", ["row", "cell", "card", "column first", "indicator", "bullets", "wechat", "oa",
                                   "spaced", "glued", "path", "yaml", "arrows"])
def test_tables_printed_as_lists_of_named_values_are_read(template, shape):
    """A text-only page prints a row a line (自然人：114；法人或其他组织—商业企业：9；…), an export a cell a line
    (规章-本年制发件数：3), a phone page a card a row (its heading, then each value under its column's name):
    no row of numbers was found and every cell was missed. (spaced: blind round 73, 自然人4 商业企业0 … 总计4, the
    values parted by a space alone: only the last was read, as a 总计 column; glued: blind round 71's description lists,
    商业企业6科研机构0…, the same. path: blind round 126's screen-reader transcripts, the organisations' cells after
    申请人情况 法人或其他组织 took a row of their own; yaml, arrows: blind round 127's exports, row -> column -> value was
    no cell.)"""
    year = 2023 if template == "gov-2021" else 2020
    v = synthetic.consistent_values(random.Random(7), template)
    report = extract_bytes(_page(template, year, v, shape), "report.html" if shape == "card" else "report.txt")
    assert (report.year, report.template) == (year, template)
    for cell in forms.cells(template):
        assert report.cells[cell.id].value == v[cell.id], cell.id
    assert "listed_rows" in [w["code"] for w in report.warnings]
    assert "t3.row_printed_twice" not in [w["code"] for w in report.warnings]  # (a row's cells a line each: no copies)


def test_table_2_s_headers_beside_tables_listed_are_no_row_printed_in_pieces():
    """Table 2 a grid, each item under its own 信息内容 | 本年处理决定数量 header line, tables 3 and 4 lists:
    the header lines, named alike, were gathered into one row (a row listed in pieces) and the fee's
    column moved: its 0 was read blank."""
    v = synthetic.consistent_values(random.Random(9), forms.GOV_2021)
    _, t3, t4 = _listed(forms.GOV_2021, v, "row")
    t2 = []
    for item in forms.FORMS[forms.GOV_2021].t2:
        if item.id != "normative_docs":
            header = "信息内容\t" + "\t".join(m.label_zh for m in item.measures) + "\t" * (4 - len(item.measures))
            t2 += [f"{item.section_zh}\t\t\t", header]
        t2.append(item.label_zh + "".join(f"\t{_v(v[forms.t2_cell(item.id, m.id)])}" for m in item.measures)
                  + "\t" * (3 - len(item.measures)))
    lines = [f"{AGENCY}2023年政府信息公开工作年度报告", "一、总体情况", "2023年，本机关依法做好政府信息公开工作。",
             "二、主动公开政府信息情况", *t2, "三、收到和处理政府信息公开申请情况", *t3,
             "四、政府信息公开行政复议、行政诉讼情况", *t4, "五、存在的主要问题及改进情况", "工作仍有不足。"]
    report = extract_bytes("\n".join(lines).encode(), "report.txt")
    assert {k: c.value for k, c in report.cells.items()} == {c.id: v[c.id] for c in forms.cells(forms.GOV_2021)}


def test_a_row_listed_column_by_column_is_gathered_and_a_row_of_zeros_in_words_is_read():
    """Cells listed column by column (every row's 自然人, then every row's 商业企业 …), and rows written
    各类申请人均为0件: each row's values gathered where it is first named."""
    v = synthetic.consistent_values(random.Random(7), "gov-2021")
    for row in forms.FORMS["gov-2021"].t3_rows[4:8]:
        for column in forms.T3_COLUMNS:
            v[forms.t3_cell(row.id, column.id)] = 0
    v = rebalance(v)
    t2, t3, t4 = _listed("gov-2021", v, "column first")
    by_column = sorted(t3, key=lambda line: next(k for k, c in enumerate(forms.T3_COLUMNS)
                                                 if line.startswith(_column(c, " · ") + " · ")))
    zero_rows = {row.label_zh for row in forms.FORMS["gov-2021"].t3_rows[4:8]}
    lines = [line for line in by_column if not any(f"· {label}：" in line for label in zero_rows)]
    lines += [f"{label}：各类申请人均为0件。" for label in sorted(zero_rows)]
    text = "\n".join([f"{AGENCY}2023年政府信息公开工作年度报告", "二、主动公开政府信息情况", *t2,
                      "三、收到和处理政府信息公开申请情况", *lines, "四、政府信息公开行政复议、行政诉讼情况", *t4])
    report = extract_bytes(text.encode(), "report.txt")
    for cell in forms.cells("gov-2021"):
        assert report.cells[cell.id].value == v[cell.id], cell.id


@pytest.mark.parametrize("template", ["gov-2021", "gov-2019"])
def test_tables_printed_a_column_a_line_are_read(template):
    """A table turned into text a column a line: table 2's measures with each item's value after its name
    (本年新制作数量：规章0，规范性文件5。), table 3's applicant columns with a value for each of the form's rows
    in order (自然人：36，0，18，…), table 4's results with each group's value (结果维持：行政复议1件，…)."""
    year = 2023 if template == "gov-2021" else 2020
    form = forms.FORMS[template]
    v = synthetic.consistent_values(random.Random(5), template)
    measures = {m.id: m for item in form.t2 for m in item.measures}
    t2 = [f"{re.sub(r'（.*', '', m.label_zh)}：" + "，".join(f"{item.label_zh}{_v(v[forms.t2_cell(item.id, m.id)])}"
                                                          for item in form.t2 if m in item.measures) + "。"
          for m in measures.values()]
    t3 = [f"{_column(c, '—')}：" + "，".join(_v(v[forms.t3_cell(row.id, c.id)]) for row in form.t3_rows) + "。"
          for c in forms.T3_COLUMNS]
    t4 = [f"{c.label_zh}：" + "，".join(f"{g.label_zh}{v[forms.t4_cell(g.id, c.id)]}件" for g in forms.T4_GROUPS) + "。"
          for c in forms.T4_COLUMNS]
    text = "\n".join([f"{AGENCY}{year}年政府信息公开工作年度报告", "一、总体情况", "二、主动公开政府信息情况", *t2,
                      "三、收到和处理政府信息公开申请情况", *t3, "四、政府信息公开行政复议、行政诉讼情况", *t4,
                      "五、存在的主要问题及改进情况", "工作仍有不足。"])
    report = extract_bytes(text.encode(), "report.txt")
    assert (report.year, report.template) == (year, template)
    for cell in forms.cells(template):
        assert report.cells[cell.id].value == v[cell.id], cell.id


@pytest.mark.parametrize("head", ["申请人为{group}{name}一栏", "{name}{aside}一列"])
def test_columns_a_line_read_out_with_each_row_named_are_read(head):
    """Blind rounds 253 and 257 (h1189, h1216: 无障碍 text versions, a picture's alternative text): table 3 a column a
    line, headed 申请人为法人或其他组织中的商业企业一栏： or 商业企业（法人或其他组织）一列：, each row named in full before its
    value and parted by commas (（三）不予公开:1.属于国家秘密0, a colon between the group and its row); table 2 an item a
    line after its 第二十条 heading (第二十条第（一）项：规章，本年制发件数0，…). Their columns were no columns (800 cells
    missing), and the rows so named were read as cells saying none (44 cells wrong)."""
    v = synthetic.consistent_values(random.Random(17), "gov-2021")
    form = forms.FORMS["gov-2021"]

    def heading(c: forms.Column) -> str:
        organisation = c.id in _ORGANISATIONS
        return head.format(group="法人或其他组织中的" if organisation else "", name=c.label_zh,
                           aside="（法人或其他组织）" if organisation else "")

    t3 = [heading(c) + "：" + "，".join(f"{row.group_zh + '：' if row.group_zh.startswith('（') else row.group_zh}"
                                      f"{row.label_zh}{v[forms.t3_cell(row.id, c.id)]}" for row in form.t3_rows) + "；"
          for c in forms.T3_COLUMNS]
    t2 = [f"第二十条第（一）项：{item.label_zh}，" + "，".join(f"{m.label_zh}{v[forms.t2_cell(item.id, m.id)]}"
                                                       for m in item.measures) + "；" for item in form.t2[:2]]
    text = synthetic.render(AGENCY, YEAR, "gov-2021", v, "tab").split("\n")
    t2_at = next(k for k, line in enumerate(text) if line.startswith("二、主动公开"))
    t3_at = next(k for k, line in enumerate(text) if line.startswith("三、收到和处理"))
    t4_at = next(k for k, line in enumerate(text) if line.startswith("四、政府信息公开行政复议"))
    t2_rest = [line for line in text[t2_at + 1:t3_at] if not line.startswith(("规章", "规范性文件", "行政规范性文件"))]
    lines = [*text[:t2_at + 1], *t2, *t2_rest, text[t3_at], *t3, *text[t4_at:]]
    report = extract_bytes("\n".join(lines).encode(), "report.txt")
    for cell in forms.cells("gov-2021"):
        if cell.table == "t3" or cell.id.startswith(("t2.rules.", "t2.normative_docs.")):
            assert report.cells[cell.id].value == v[cell.id], cell.id


def test_an_export_of_the_tables_after_the_report_s_last_section_is_read():
    """A reporting system's export: the sections say 数据见表三导出, then after 六、 a cell a line, 表三｜group｜row｜
    column｜value, a column left unfilled (its last field empty). The sections' empty places were taken for the
    tables and every cell was missed."""
    v = synthetic.consistent_values(random.Random(11), "gov-2021")
    t2, _, t4 = _listed("gov-2021", v, "cell")
    unfilled = forms.T3_COLUMNS[2]  # 科研机构, blank in every row
    export = [f"表二｜{line.replace('-', '｜').replace('：', '｜')}" for line in t2]
    for row in forms.FORMS["gov-2021"].t3_rows:
        label = f"{row.group_zh or '—'}｜{row.label_zh}"
        export += [f"表三｜{label}｜{c.label_zh}｜{'' if c == unfilled else v[forms.t3_cell(row.id, c.id)]}"
                   for c in forms.T3_COLUMNS]
    export += [f"表四｜{line.replace('-', '｜').replace('：', '｜')}件" for line in t4]
    sections = ["二、主动公开政府信息情况（数据见表二导出）", "三、收到和处理政府信息公开申请情况（数据见表三导出）",
                "四、政府信息公开行政复议、行政诉讼情况（数据见表四导出）", "五、存在的主要问题及改进情况", "工作仍有不足。",
                "六、其他需要报告的事项", "无。"]
    text = "\n".join([f"{AGENCY}2023年政府信息公开工作年度报告", "一、总体情况", "2023年，本机关依法做好政府信息公开工作。",
                      *sections, "【表格数据导出】（格式：表号｜分项｜行｜列｜值；空值表示未填报）", *export])
    report = extract_bytes(text.encode(), "report.txt")
    for cell in forms.cells("gov-2021"):
        got = report.cells[cell.id]
        if cell.id.endswith("." + unfilled.id):  # blank: inferred from the identities where they tell
            assert got.status != "reported" and got.value in (None, v[cell.id]), cell.id
        else:
            assert (got.value, got.status) == (v[cell.id], "reported"), cell.id


_SHORT_ROWS = {"new_received": "新收", "carried_over": "上年结转", "granted": "予以公开", "partially_granted": "部分公开",
               "other": "其他处理", "total": "总计", "carried_forward": "结转下年度继续办理"}


@pytest.mark.parametrize("template", ["gov-2021", "gov-2019"])
def test_columns_a_line_with_rows_named_short_and_groups_slashed_are_read(template):
    """Table 3 a column a paragraph, its rows named short (新收88件，上年结转4件) and each group's rows in the form's
    order between slashes (不予公开0/0/0/4/1/3/0/0件); tables 2 and 4 with all their columns on one line, parted by
    semicolons (本年制发件数：规章0件、…；本年废止件数：…). Table 3 was missed, and tables 2 and 4 but one column."""
    year = 2023 if template == "gov-2021" else 2020
    form = forms.FORMS[template]
    v = synthetic.consistent_values(random.Random(13), template)
    measures = {m.id: m for item in form.t2 for m in item.measures}
    t2 = "；".join(f"{re.sub(r'（.*', '', m.label_zh)}：" + "、".join(
        f"{item.label_zh}{_v(v[forms.t2_cell(item.id, m.id)])}件" for item in form.t2 if m in item.measures)
        for m in measures.values()) + "。"
    t3 = []
    for c in forms.T3_COLUMNS:
        items = [f"{_SHORT_ROWS[row.id]}{v[forms.t3_cell(row.id, c.id)]}件" for row in form.t3_rows if row.id in _SHORT_ROWS]
        grouped = itertools.groupby([row for row in form.t3_rows if row.id not in _SHORT_ROWS], key=lambda r: r.group_zh)
        items += [group[3:] + "/".join(str(v[forms.t3_cell(row.id, c.id)]) for row in rows) + "件" for group, rows in grouped]
        head = f"法人或其他组织（{c.label_zh}）" if c.id in _ORGANISATIONS else c.label_zh
        t3.append(f"{head}：" + "，".join(items) + "。")
    t4 = "；".join(f"{c.label_zh}：" + "、".join(f"{g.label_zh}{v[forms.t4_cell(g.id, c.id)]}件" for g in forms.T4_GROUPS)
                  for c in forms.T4_COLUMNS) + "。"
    text = "\n".join([f"{AGENCY}{year}年政府信息公开工作年度报告", "一、总体情况", "二、主动公开政府信息情况", t2,
                      "三、收到和处理政府信息公开申请情况", *t3, "四、政府信息公开行政复议、行政诉讼情况", t4,
                      "五、存在的主要问题及改进情况", "工作仍有不足。"])
    report = extract_bytes(text.encode(), "report.txt")
    for cell in forms.cells(template):
        assert report.cells[cell.id].value == v[cell.id], cell.id


def test_a_sentence_s_counts_by_applicant_are_no_listed_row():
    """其中自然人56件，商业企业5件: a sentence's breakdown, not a table row, however many such sentences."""
    lines = ["全年收到申请61件，其中自然人56件，商业企业5件。"] * 8 + ["规章 本年制发件数：3"]
    assert relisted(lines) == (lines, 0)


_NUMERALS = "〇一二三四五六七八九"


def _chinese(n: int) -> str:
    tens, ones = divmod(n, 10)
    return (("" if tens == 1 else _NUMERALS[tens]) + "十" if tens else "") + (_NUMERALS[ones] if ones or not tens else "")


@pytest.mark.parametrize("numerals", ["digits", "chinese", "rows once", "place alone"])
def test_a_screen_reader_s_cells_by_their_places_are_read(numerals):
    """A 无障碍 text-only page reads each cell a line by its place (第六行 第四列 54), merged cells once: every
    cell was missed. (place alone: blind round 126, the place on a line of its own, its role 单元格 on the next, then
    the cell's text.)"""
    v = values()
    lines = []
    for block in blocks(v):
        if isinstance(block, str):
            lines.append(block)
            continue
        lines.append(f"表格开始，共{len(block)}行")
        said = -1
        for r, c, cell in placed(block):
            if cell.text:
                row, column = (_chinese(r + 1), _chinese(c + 1)) if numerals == "chinese" else (str(r + 1), str(c + 1))
                span = f"跨{cell.colspan}列 " if cell.colspan > 1 else ""
                place = f"第 {column} 列" if numerals == "rows once" and r == said else f"第{row}行 第{column}列"
                if numerals == "place alone":
                    lines += [f"{place} {span}".strip(), "单元格", cell.text]
                else:
                    lines.append(f"{place} {span}{cell.text}")  # NVDA says a cell's row only when it changes
                said = r
        lines.append("表格结束")
    report = extract_bytes("\n".join(lines).encode(), "report.txt")
    assert (report.agency.name, report.year) == (AGENCY, YEAR)
    for cell in forms.cells("gov-2021"):
        assert report.cells[cell.id].value == v[cell.id], cell.id
    assert "placed_cells" in [w["code"] for w in report.warnings]


def test_a_few_placed_lines_are_left_as_they_are():
    lines = ["第一行 第二列 说明", "第2行 第3列 12", "正文"]
    assert ungridded(lines) == (lines, 0)


@pytest.mark.parametrize("line", ["（a）" * 60 + "x", "自然人" + " " * 280 + "x", "自然人：" * 70, "法人或其他组织 · " * 30 + "x",
                                  "第一行 第一列 " + "跨" * 3000, "自然人：1 " * 100_000,
                                  "第" + "9" * 5000 + "行 第1列 x"])  # (past Python's digits for int())
def test_lines_built_to_make_the_list_patterns_backtrack_end_quickly(line):
    """A label of bracketed words and no colon made the cell pattern try every way of grouping them (2^n):
    one hostile line hung the build. Lines are split at their last colon or tab, and long ones not tried."""
    with _hang_guard():
        ungridded([line] * 20)
        assert relisted([line] * 20)[1] == 0


@pytest.mark.parametrize("blank", ["\t", " "])
def test_a_line_of_a_hundred_thousand_blanks_in_a_table_is_read_past(blank):
    """Blind round 152 (h376): a line of 500,000 tabs between two of table 3's rows. Every pattern anchored by blanks
    (^\\s*…\\s*) tried each way of sharing the run among its blank groups: 7 s each at 20,000 tabs, and the file ran
    out of its time. A run of blanks is cut to what a layout prints, at most."""
    v = synthetic.consistent_values(random.Random(23), "gov-2021")
    lines = synthetic.render(AGENCY, YEAR, "gov-2021", v, "tab").split("\n")
    at = next(k for k, line in enumerate(lines) if line.startswith("（一）予以公开"))
    with _hang_guard():
        report = extract_bytes("\n".join([*lines[:at], blank * 100_000, *lines[at:]]).encode(), "report.txt")
    assert {c.id: report.cells[c.id].value for c in forms.cells("gov-2021")} == {
        c.id: v[c.id] for c in forms.cells("gov-2021")}


def test_a_long_run_of_slashed_digits_is_parted_once():
    """新收0/0/0/…x: the row's name could end anywhere in the run and the group's values start there, each way
    trying the whole run (0.14 s a line; a page of such lines took a minute). A name ends in no digit or slash."""
    with _hang_guard():
        assert relisted(["自然人：新收" + "0/" * 1400 + "x"] * 400)[1] == 0


def test_a_hundred_thousand_placed_cells_are_put_back_in_one_pass():
    """A table recogniser's debug dump, 100,000 lines of 第i行 第j列 x: each line looked for the grid's last
    row again, and the file ran out of its time (72 s)."""
    lines = [f"第{k // 4 + 1}行 第{k % 4 + 1}列 x" for k in range(100_000)]
    with _hang_guard():
        assert ungridded(lines) == (["x\tx\tx\tx"] * 25_000, 100_000)


@contextlib.contextmanager
def _hang_guard(seconds: int = 90):
    """An error instead of a hang: these inputs once took minutes or for ever."""
    def hung(*_):
        raise TimeoutError("a list pattern or pass did not end")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_a_column_of_zeros_in_words_and_a_column_left_out_of_a_column_listing():
    """Table 3 retyped a paragraph per applicant type: 科研机构：各项均为0件。 for a column of zeros, and no paragraph
    for 总计: the zeros are each row's, the total column is missing (not read as the next column's values)."""
    v = synthetic.consistent_values(random.Random(9), "gov-2021")
    form = forms.FORMS["gov-2021"]
    zero = ("research_institution", "social_welfare_org")
    for row in form.t3_rows:
        for column in zero:
            v[forms.t3_cell(row.id, column)] = 0
    lines = [f"{k}.{c.label_zh}：" + ("各项均为0件。" if c.id in zero else "；".join(
        f"{row.label_zh}{v[forms.t3_cell(row.id, c.id)]}件" for row in form.t3_rows) + "。")
        for k, c in enumerate(forms.T3_COLUMNS[:-1], 1)]
    text = "\n".join([f"{AGENCY}2023年政府信息公开工作年度报告", "一、总体情况", "三、收到和处理政府信息公开申请情况",
                      *lines, "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况"])
    report = extract_bytes(text.encode(), "report.txt")
    for row in form.t3_rows:
        for column in forms.T3_COLUMNS:
            cell = report.cells[forms.t3_cell(row.id, column.id)]
            if column.id == "total":
                assert cell.status in ("missing", "inferred"), cell
            else:
                assert cell.value == v[forms.t3_cell(row.id, column.id)], (row.id, column.id)


def _t2_grid(v: dict) -> list[str]:
    """Table 2 as tab-separated rows, each item under its measures' header."""
    lines = []
    for item in forms.FORMS["gov-2021"].t2:
        lines += ["信息内容\t" + "\t".join(m.label_zh for m in item.measures),
                  item.label_zh + "".join(f"\t{_v(v[forms.t2_cell(item.id, m.id)])}" for m in item.measures)]
    return lines


def _t3_label(row: forms.Row) -> str:
    return f"{row.group_zh}{row.label_zh}" if row.group_zh.startswith("（") else row.label_zh


def _report_text(t2: list[str], t3: list[str], t4: list[str]) -> bytes:
    return "\n".join([f"{AGENCY}2023年政府信息公开工作年度报告", "一、总体情况", "2023年，本机关依法做好政府信息公开工作。",
                      "二、主动公开政府信息情况", *t2, "三、收到和处理政府信息公开申请情况", *t3,
                      "四、政府信息公开行政复议、行政诉讼情况", *t4, "五、存在的主要问题及改进情况", "工作仍有不足。"]).encode()


@pytest.mark.parametrize("sep", ["，", "、", "／"])
@pytest.mark.parametrize("t4_groups", ["lines", "one line"])
def test_a_plain_view_s_rows_of_values_after_their_label_s_colon_are_read(sep, t4_groups):
    """Blind round 186 (h629: a CMS's plain view): every row one line, its values after the label's colon parted by
    ，、 or ／ (规章：0，0，0), table 4 a line a group or one line, the groups parted by ；. The commas parted the cells
    with the first value in the label's (规章:0 | 0 | 0: two values for three cells), the last group's value and the next
    group's name in one cell (0;未经复议直接起诉:0), and slashes were no separator: 178 cells of the round unsure."""
    v = synthetic.consistent_values(random.Random(11), "gov-2021")
    form = forms.FORMS["gov-2021"]
    t2 = [f"{item.label_zh}：" + sep.join(_v(v[forms.t2_cell(item.id, m.id)]) for m in item.measures) for item in form.t2]
    t3 = ["（各项依次为：自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计）"]
    t3 += [f"{_t3_label(row)}：" + sep.join(_v(v[forms.t3_cell(row.id, c.id)]) for c in forms.T3_COLUMNS)
           for row in form.t3_rows]
    groups = [f"{group.label_zh}：" + sep.join(_v(v[forms.t4_cell(group.id, c.id)]) for c in forms.T4_COLUMNS)
              for group in forms.T4_GROUPS]
    t4 = ["（各项依次为结果维持、结果纠正、其他结果、尚未审结、总计）",
          *(["；".join(groups)] if t4_groups == "one line" else groups)]
    report = extract_bytes(_report_text(t2, t3, t4), "report.txt")
    assert {k: c.value for k, c in report.cells.items()} == {c.id: v[c.id] for c in forms.cells("gov-2021")}


def test_rows_of_values_parted_by_enumeration_commas_are_read():
    """Table 3 with its columns named once in a note and each row's values after a colon parted by 、 (as a PDF
    prints it, a long row wrapped after one of them), table 4 alike: the values were one garbled cell, and every
    cell was ambiguous."""
    v = synthetic.consistent_values(random.Random(11), "gov-2021")
    form = forms.FORMS["gov-2021"]
    t3 = ["（单位：件。以下各项数据依次为：自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计）"]
    for k, row in enumerate(form.t3_rows):
        numbers = [_v(v[forms.t3_cell(row.id, c.id)]) for c in forms.T3_COLUMNS]
        if k == 3:  # wrapped by the page's width after its fourth value
            t3 += [f"{_t3_label(row)}：" + "、".join(numbers[:4]) + "、", "、".join(numbers[4:])]
        else:
            t3.append(f"{_t3_label(row)}：" + "、".join(numbers))
    t4 = ["（以下各项数据依次为：结果维持、结果纠正、其他结果、尚未审结、总计）"]
    t4 += [f"{group.label_zh}：" + "、".join(_v(v[forms.t4_cell(group.id, c.id)]) for c in forms.T4_COLUMNS)
           for group in forms.T4_GROUPS]
    report = extract_bytes(_report_text(_t2_grid(v), t3, t4), "report.txt")
    assert {k: c.value for k, c in report.cells.items()} == {c.id: v[c.id] for c in forms.cells("gov-2021")}


def test_table_4_written_a_group_a_sentence_beside_grids_is_read():
    """Tables 2 and 3 grids, table 4 a sentence a group (行政复议：结果维持1件，…，总计2件。) and a group of zeros in
    words (…：均为0。): the list reader ran only for reports naming table 3's columns on every row, and table 4 was
    missing."""
    v = synthetic.consistent_values(random.Random(12), "gov-2021")
    for column in forms.T4_COLUMNS:
        v[forms.t4_cell("litigation_after_review", column.id)] = 0
    t3 = ["\t" + "\t".join(c.label_zh for c in forms.T3_COLUMNS)]
    t3 += [_t3_label(row) + "".join(f"\t{_v(v[forms.t3_cell(row.id, c.id)])}" for c in forms.T3_COLUMNS)
           for row in forms.FORMS["gov-2021"].t3_rows]
    t4 = [f"{group.label_zh}：" + "，".join(f"{c.label_zh}{_v(v[forms.t4_cell(group.id, c.id)])}件"
                                           for c in forms.T4_COLUMNS) + "。" for group in forms.T4_GROUPS[:2]]
    t4.append(f"{forms.T4_GROUPS[2].label_zh}：均为0。")
    report = extract_bytes(_report_text(_t2_grid(v), t3, t4), "report.txt")
    assert {k: c.value for k, c in report.cells.items()} == {c.id: v[c.id] for c in forms.cells("gov-2021")}


@pytest.mark.parametrize("declared", [True, False])
def test_cells_a_list_leaves_out_are_0_only_when_the_report_says_so(declared):
    """Table 3 listing only the rows and the columns that are not 0, under （本部分只列出数据不为0的项目，其余各项均为0。）,
    and table 4 as one sentence that all of it is 0: the cells left out are 0 by the report's word (worded,
    with the report's whole sentence in the note, and no warning of a column left out). Without the note they stay
    missing or blank (or inferred): never guessed."""
    v = synthetic.consistent_values(random.Random(13), "gov-2021")
    form = forms.FORMS["gov-2021"]
    for row in form.t3_rows[4:12]:
        for column in forms.T3_COLUMNS:
            v[forms.t3_cell(row.id, column.id)] = 0
    for row in form.t3_rows:
        v[forms.t3_cell(row.id, "research_institution")] = 0
    v = rebalance(v)
    t3 = ["（本部分只列出数据不为0的项目，其余各项均为0。）" if declared else "（单位：件）"]
    for row in form.t3_rows:
        named = [f"{c.label_zh}{v[forms.t3_cell(row.id, c.id)]}件" for c in forms.T3_COLUMNS
                 if v[forms.t3_cell(row.id, c.id)]]
        if named:
            t3.append(f"{_t3_label(row)}：" + "，".join(named) + "。")
    t4 = ["本年度未发生政府信息公开行政复议、行政诉讼案件，行政复议、行政诉讼的结果维持、结果纠正、其他结果、尚未审结"
          "及总计各项均为0。" if declared else "本年度未发生政府信息公开行政复议、行政诉讼案件。"]
    report = extract_bytes(_report_text(_t2_grid(v), t3, t4), "report.txt")
    for cell in forms.cells("gov-2021"):
        got = report.cells[cell.id]
        if cell.id.startswith("t2.") or (cell.id.startswith("t3.") and v[cell.id]):
            assert got.value == v[cell.id], cell.id
        elif declared:
            assert (got.value, got.status) == (0, "none") and "报告声明" in got.note, cell.id
            assert "本部分只列出数据不为0的项目" in got.note or cell.id.startswith("t4."), cell.id
        else:  # (or inferred, where the identities leave one value)
            assert ((got.value is None and got.status in ("missing", "blank"))
                    or (got.status, got.value) == ("inferred", v[cell.id])), cell.id
    codes = [w["code"] for w in report.warnings]
    if declared:  # (the column no row names is 0 by the note, not missing as a column left out)
        assert "declared_zeros" in codes and "t3.column_not_printed" not in codes


def test_rows_of_named_values_a_pdf_wrapped_over_lines_are_read():
    """A row a sentence (一、本年新收…：自然人14件、商业企业3件、…、总计18件。) in a PDF that wraps it every 30
    characters: no line was a row alone, and table 3 was lost."""
    v = synthetic.consistent_values(random.Random(14), "gov-2021")
    _, t3, t4 = _listed("gov-2021", v, "wechat")
    wrapped = [line[k:k + 30] for line in t3 for k in range(0, len(line), 30)]
    report = extract_bytes(_report_text(_t2_grid(v), wrapped, t4), "report.txt")
    for cell in forms.cells("gov-2021"):
        assert report.cells[cell.id].value == v[cell.id], cell.id


@pytest.mark.parametrize("numbered", [True, False])
def test_table_2_listed_a_measure_a_line_beside_its_item_s_merged_cell_is_read(numbered):
    """pdftotext -layout of table 2 as a list (序号 | 信息内容 | 统计指标 | 数量): each item's name, in a merged cell,
    stands beside the middle one of its measures only (1 ⇥ 本年制发件数 ⇥ 0 / 2 ⇥ 规章 ⇥ 本年废止件数 ⇥ 0 / 3 ⇥
    现行有效件数 ⇥ 0). The lines above and below named no item; 规章's first and last cells and 行政规范性文件's
    were missed, or read into the next item's. Each is its item's, the nearest whose measures it does not repeat."""
    v = synthetic.consistent_values(random.Random(8), forms.GOV_2021)
    text = synthetic.render(AGENCY, YEAR, forms.GOV_2021, v, "space")
    start, end = text.index("二、主动公开政府信息情况"), text.index("三、收到和处理政府信息公开申请情况")
    lines, k = ["二、主动公开政府信息情况", " 序号       信息内容                 统计指标                   数量"], 0
    for item in forms.FORMS[forms.GOV_2021].t2:
        for m, measure in enumerate(item.measures):
            k += 1
            name = item.label_zh if m == len(item.measures) // 2 else ""
            lines.append(f"  {k if numbered else '':<3}      {name:　<8}    {measure.label_zh:　<14}    "
                         f"{synthetic._fmt(v[forms.t2_cell(item.id, measure.id)])}")
    report = extract_bytes((text[:start] + "\n".join(lines) + "\n" + text[end:]).encode(), "report.txt")
    assert {c.id: report.value(c.id) for c in forms.cells(forms.GOV_2021) if c.table == "t2"} == {
        c.id: v[c.id] for c in forms.cells(forms.GOV_2021) if c.table == "t2"}


def test_table_2_written_a_heading_a_sentence_its_items_parted_by_semicolons_is_read():
    """Blind round 67 (a table's text version for screen readers): 第二十条第（一）项：规章，本年制发件数0，本年废止件数0，
    现行有效件数0；行政规范性文件，本年制发件数0，…。 (the items of a heading in one sentence) was not read: table 2
    missing."""
    v = synthetic.consistent_values(random.Random(12), "gov-2021")
    sections: dict[str, list[str]] = {}
    for item in forms.FORMS["gov-2021"].t2:
        named = "，".join(f"{m.label_zh}{_v(v[forms.t2_cell(item.id, m.id)])}" for m in item.measures)
        sections.setdefault(item.section_zh, []).append(f"{item.label_zh}，{named}")
    t2 = [f"{section}：{'；'.join(items)}。" for section, items in sections.items()]
    t3 = ["\t" + "\t".join(c.label_zh for c in forms.T3_COLUMNS)]
    t3 += [_t3_label(row) + "".join(f"\t{_v(v[forms.t3_cell(row.id, c.id)])}" for c in forms.T3_COLUMNS)
           for row in forms.FORMS["gov-2021"].t3_rows]
    t4 = [f"{group.label_zh}：" + "，".join(f"{c.label_zh}{_v(v[forms.t4_cell(group.id, c.id)])}件"
                                           for c in forms.T4_COLUMNS) + "。" for group in forms.T4_GROUPS]
    report = extract_bytes(_report_text(t2, t3, t4), "report.txt")
    assert {k: c.value for k, c in report.cells.items() if k.startswith("t2.")} == \
        {c.id: v[c.id] for c in forms.cells("gov-2021") if c.table == "t2"}



def _t3_read_as(v: dict, t3: list[str]) -> dict:
    """Table 3's cells read from the report whose section 三 prints ``t3`` in place of its table, and what they should
    be: the values ``v``."""
    text = synthetic.render(AGENCY, YEAR, "gov-2021", v, "tab").split("\n")
    start = next(k for k, line in enumerate(text) if line.startswith("三、收到和处理"))
    end = next(k for k, line in enumerate(text) if line.startswith("四、政府信息公开行政复议"))
    report = extract_bytes("\n".join([*text[:start + 1], *t3, *text[end:]]).encode(), "report.txt")
    t3_cells = [c.id for c in forms.cells("gov-2021") if c.table == "t3"]
    return {c: report.value(c) for c in t3_cells}, {c: v[c] for c in t3_cells}


@pytest.mark.parametrize("glue", ["", "：", " "])
def test_table_3_printed_a_card_a_column_is_read(glue):
    """Blind round 71 (phone pages): table 3 turned, a card per applicant column (自然人, then 法人或其他组织 · 商业企业 …,
    then 总计), each listing the form's rows with the column's value after the label (一、本年新收…数量13): read as
    rows of one value, each card's values overwrote the last's, and 总计's were taken for 自然人's."""
    v = synthetic.consistent_values(random.Random(8), "gov-2021")
    form = forms.FORMS["gov-2021"]
    cards = [line for c in forms.T3_COLUMNS for line in (
        _column(c, " · "), *(f"{' '.join(filter(None, (row.group_zh, row.label_zh)))}{glue}{v[forms.t3_cell(row.id, c.id)]}"
                             for row in form.t3_rows))]
    got, want = _t3_read_as(v, cards)
    assert got == want


@pytest.mark.parametrize("order, wrap", [("form", False), ("total first", False), ("form", True)])
def test_table_3_a_card_a_column_its_rows_nested_under_their_groups_is_read(order, wrap):
    """Blind round 191 (h667, lists for tables): a card per applicant column headed 申请人情况：商业企业（法人或者其他组织）,
    each group's name on a line alone (三、本年度办理结果, （三）不予公开) over its numbered rows (1.属于国家秘密：0, …,
    3.其他：3). The heads were no card's and the groups ended each card, so the rows were read as rows of one value:
    总计's values were taken for 自然人's, 102 cells wrong in ten pages. Round 193 (h682, a phone page printed to PDF):
    a long label wrapped after its value (…行政机关不 5 ␤ 再处理其政府信息公开申请) ended the card, its last rows unsure."""
    v = synthetic.consistent_values(random.Random(11), "gov-2021")
    form = forms.FORMS["gov-2021"]
    columns = list(forms.T3_COLUMNS)
    if order == "total first":
        columns = columns[-1:] + columns[:-1]
    cards = []
    for c in columns:
        cards.append(f"申请人情况：{c.label_zh}" + ("（法人或者其他组织）" if c.id in _ORGANISATIONS else ""))
        named: list[str] = []  # the groups' lines so far
        for row in form.t3_rows:
            for group in ("三、本年度办理结果" if row.group_zh else "", row.group_zh if row.group_zh[:1] == "（" else ""):
                if group and group not in named:
                    cards.append(group)
                    named.append(group)
            value = v[forms.t3_cell(row.id, c.id)]
            if wrap and len(row.label_zh) > 24:
                cards += [f"{row.label_zh[:20]} {value}", row.label_zh[20:]]
            else:
                cards.append(f"{row.label_zh}：{value}")
    got, want = _t3_read_as(v, cards)
    assert got == want


@pytest.mark.parametrize("caption", ["表三（{k}）{name}", "申请人：{name}"])
@pytest.mark.parametrize("merged", [False, True])
def test_table_3_as_a_small_table_a_column_under_its_caption_is_read(caption, merged):
    """Blind round 192 (h674): table 3 printed as seven small tables (项目 | 数量), one per applicant column under a
    caption (表三（2）商业企业, 申请人：法人或其他组织—商业企业); the group labels either rows of no value or merged
    cells left blank below their first row (⇥（三）不予公开⇥1.属于国家秘密⇥0, then ⇥⇥2.…⇥0). Read as rows, 63 cells were
    wrong (总计's taken for 自然人's) and 1,306 unsure in ten files."""
    v = synthetic.consistent_values(random.Random(12), "gov-2021")
    form = forms.FORMS["gov-2021"]
    tables = []
    for k, c in enumerate(forms.T3_COLUMNS, start=1):
        tables += [caption.format(k=k, name=_column(c, "—")), "项目\t\t\t数量" if merged else "项目\t数量"]
        shown: list[str] = []  # the groups named so far
        for row in form.t3_rows:
            value = v[forms.t3_cell(row.id, c.id)]
            if not merged:
                for group in ("三、本年度办理结果" if row.group_zh else "", row.group_zh if row.group_zh[:1] == "（" else ""):
                    if group and group not in shown:
                        tables.append(group)
                        shown.append(group)
                tables.append(f"{row.label_zh}\t{value}")
                continue
            outer = "三、本年度办理结果" if row.group_zh else ""
            inner = row.group_zh if row.group_zh[:1] == "（" else ""
            cells = [outer if outer not in shown else "", *((inner if inner not in shown else "", row.label_zh) if inner
                                                            else (row.label_zh, ""))]
            shown += [outer, inner]
            tables.append("\t".join([*cells, str(value)]) if outer else f"{row.label_zh}\t\t\t{value}")
    got, want = _t3_read_as(v, tables)
    assert got == want


def _sentences_by_group(v: dict) -> list[str]:
    """Table 3 a sentence a row or a group: a row's values that are not 0 named, then 其余均为0; a group all 0 as
    （五）不予处理：各项均为0; a group's rows in one sentence parted by semicolons, a run of them 2—5项均为0, the group's
    others 其他各项均为0."""
    form = forms.FORMS["gov-2021"]

    def said(row: forms.Row) -> str:
        named = [f"{c.label_zh}{v[forms.t3_cell(row.id, c.id)]}件" for c in forms.T3_COLUMNS
                 if v[forms.t3_cell(row.id, c.id)]]
        return "，".join(named) + "，其余均为0" if named else "均为0"

    def zero(row: forms.Row) -> bool:
        return not any(v[forms.t3_cell(row.id, c.id)] for c in forms.T3_COLUMNS)

    lines = []
    for group, rows in itertools.groupby(form.t3_rows, key=lambda r: r.group_zh if r.group_zh.startswith("（") else r.id):
        rows = list(rows)
        if len(rows) == 1:
            lines.append(f"{rows[0].label_zh}：{said(rows[0])}。")
        elif all(zero(row) for row in rows):
            lines.append(f"{group}：各项均为0。")
        else:
            parts, k = [], 0
            while k < len(rows):
                run = next((n for n in range(len(rows), k + 1, -1) if all(zero(r) for r in rows[k:n])), k)
                if run - k >= 2 and run < len(rows):
                    parts.append(f"{k + 1}—{run}项均为0")
                    k = run
                elif run == len(rows) and run - k >= 2 and parts:
                    parts.append("其他各项均为0")
                    k = run
                else:
                    parts.append(f"{rows[k].label_zh}：{said(rows[k])}")
                    k += 1
            lines.append(f"{group}：" + "；".join(parts) + "。")
    return lines


def test_table_3_written_a_sentence_a_row_or_a_group_is_read():
    """Blind round 73 (tables as sentences): 自然人9件，商业企业1件，总计10件，其余均为0 was no row of named values (the
    rest said in words), a group's rows said in one sentence (2—5项均为0, 其他各项均为0) were one garbled line, and the
    rows left unread were filled as 0 by a note meant for the whole table: 30 cells wrong in two reports."""
    v = synthetic.consistent_values(random.Random(21), "gov-2021")
    form = forms.FORMS["gov-2021"]
    zero_rows = {"denied.law_prohibited", "denied.three_safeties", "denied.third_party_rights", "denied.admin_query",
                 "unable.unclear", "other.unpaid_fee", "other.other"} | {r.id for r in form.t3_rows
                                                                          if r.group_zh == "（五）不予处理"}
    for row in form.t3_rows:
        for column in forms.T3_COLUMNS:
            if row.id in zero_rows or column.id == "research_institution":
                v[forms.t3_cell(row.id, column.id)] = 0
    v = rebalance(v)
    t3 = _sentences_by_group(v)
    assert any("项均为0" in line for line in t3) and any("其他各项均为0" in line for line in t3), t3
    assert "（五）不予处理：各项均为0。" in t3
    report = extract_bytes(_report_text(_t2_grid(v), t3, ["行政复议、行政诉讼各项均为0。"]), "report.txt")
    for cell in forms.cells("gov-2021"):
        if cell.id.startswith(("t2.", "t3.")):
            assert report.cells[cell.id].value == v[cell.id], cell.id


def _breakdown_page(v: dict, note: str) -> bytes:
    """Tables 3 and 4 written as sentences: each of table 3's rows a count with its applicants that are not 0 in
    brackets (予以公开6件（自然人5件、商业企业1件）), a group's rows one sentence after its name, a note that the
    applicants not named are 0; table 4 one sentence, a clause a group."""
    def count(row: forms.Row) -> str:
        named = "、".join(f"{c.label_zh}{v[forms.t3_cell(row.id, c.id)]}件" for c in forms.T3_COLUMNS[:-1]
                         if v[forms.t3_cell(row.id, c.id)])
        total = v[forms.t3_cell(row.id, "total")]
        label = re.sub(r"^(?:[（(][一二三四五六七]+[)）]|[一二三四五六七]、|\d\.)", "", row.label_zh)
        return f"{label}{total}件" + (f"（{named}）" if named else "")

    lines, group = [], None
    for row in forms.T3_ROWS_2021:
        head = re.sub(r"^[（(][一二三四五六七]+[)）]", "", row.group_zh) if row.group_zh.startswith("（") else ""
        if head and head == group:
            lines[-1] += "；" + count(row)
        elif head:
            lines.append(f"{head}：{count(row)}")
        else:
            lines.append(count(row) + "。")
        group = head
    t4 = "；".join(f"{g.label_zh.replace('·', '（')}{'）' if '·' in g.label_zh else ''}：" + "，".join(
        f"{c.label_zh}{v[forms.t4_cell(g.id, c.id)]}件" for c in forms.T4_COLUMNS) for g in forms.T4_GROUPS) + "。"
    text = [f"{AGENCY}{YEAR}年政府信息公开工作年度报告", "一、总体情况", f"{YEAR}年，本机关依法做好政府信息公开工作。",
            "三、收到和处理政府信息公开申请情况", *lines, note, "四、政府信息公开行政复议、行政诉讼情况", t4,
            "五、存在的主要问题及改进情况", "工作仍有不足。"]
    return "\n".join(text).encode()


@pytest.mark.parametrize("note", ["注：以上各项中未单独列明的申请人类型（自然人、商业企业、科研机构、社会公益组织、法律服务机构、"
                                  "其他），其数量均为0件。", "除以上列明的数据外，表三中其余各项数据（含各类申请人）均为0。"])
def test_rows_written_as_counts_with_their_applicants_in_brackets_are_read(note):
    """Blind round 73 (tables written as sentences): 予以公开6件（自然人5件、商业企业1件）, a group's rows in one sentence
    after its name (不予公开：属于国家秘密0件；…), a note that the applicants not named are 0, and table 4 a clause a
    group: none of it was a list of named values, and tables 3 and 4 were missing."""
    v = synthetic.consistent_values(random.Random(4), "gov-2021")
    report = extract_bytes(_breakdown_page(v, note), "sentences.txt")
    for cell in forms.cells("gov-2021"):
        if cell.table in ("t3", "t4"):
            assert report.cells[cell.id].value == v[cell.id], cell.id


def test_a_sentence_that_all_of_table_3_is_0_fills_it():
    """Blind round 73: no table 3, only 表三各项数据（本年新收、上年结转、…各类申请人）均为0: all of it was missing."""
    text = (f"{AGENCY}{YEAR}年政府信息公开工作年度报告\n一、总体情况\n本机关依法做好政府信息公开工作。\n"
            "三、收到和处理政府信息公开申请情况\n本年度本机关未收到政府信息公开申请，上年无结转申请。表三各项数据（本年新收、上年结转、"
            "本年度办理结果及结转下年度继续办理，含自然人及法人或其他组织各类申请人）均为0。\n"
            "四、政府信息公开行政复议、行政诉讼情况\n行政复议、行政诉讼各项数据均为0。\n五、存在的主要问题及改进情况\n无。")
    report = extract_bytes(text.encode(), "zeros.txt")
    t3 = [c.id for c in forms.cells("gov-2021") if c.table == "t3"]
    assert {(report.cells[c].value, report.cells[c].status) for c in t3} == {(0, "none")}


def test_rows_named_then_a_comma_then_their_values_are_read():
    """Blind round 73: 本年度办理结果：予以公开，自然人2件，总计2件；无法提供（本机关不掌握相关政府信息），自然人2件，总计2件:
    a row's name ended by a comma was taken for a sentence's words, and table 3 was missing. A clause whose name before
    the comma names a row of the form is that row."""
    text = (f"{AGENCY}{YEAR}年政府信息公开工作年度报告\n一、总体情况\n本机关依法做好政府信息公开工作。\n"
            "三、收到和处理政府信息公开申请情况\n本年新收政府信息公开申请：自然人5件，总计5件。\n"
            "本年度办理结果：予以公开，自然人2件，总计2件；无法提供（本机关不掌握相关政府信息），自然人2件，总计2件；"
            "不予处理（信访举报投诉类申请），自然人1件，总计1件。\n办理结果总计：自然人5件，总计5件。\n"
            "四、政府信息公开行政复议、行政诉讼情况\n行政复议、行政诉讼各项数据均为0。\n五、存在的主要问题及改进情况\n无。")
    cells = extract_bytes(text.encode(), "sentences.txt").cells
    read = {"new_received": 5, "granted": 2, "unable.not_held": 2, "not_processed.complaint": 1, "total": 5}
    for row, total in read.items():
        assert (cells[f"t3.{row}.natural_person"].value, cells[f"t3.{row}.total"].value) == (total, total), row


def test_an_export_s_line_with_its_year_in_a_cell_is_still_a_named_value():
    """A long export's line (机构 ⇥ 2025 ⇥ 表名 ⇥ 行 ⇥ 列 ⇥ 数值): one figure cell before the value (the year) leaves it a
    named value; a row of several figure cells whose last names a column in an aside (… ⇥ 38(全县合计285)) does not."""
    from builder.extraction.listed import _pairs

    export = "某局\t2025\t主动公开政府信息情况\t第二十条第(一)项—规章\t本年制发件数\t0"
    assert _pairs(export) is not None and _pairs(export)[1] == [("本年制发件数", "0")]
    assert _pairs("一、本年新收政府信息公开申请数量\t\t32(全县合计243)\t5(全县合计27)\t38(全县合计285)") is None


def _text_version_values() -> dict:
    """A report's values for tables written out as text: 规章 all 0, table 4 but one group 0."""
    v = synthetic.consistent_values(random.Random(21), "gov-2021")
    v.update({"t2.rules.issued": 0, "t2.rules.repealed": 0, "t2.rules.in_force": 0})
    for group in forms.T4_GROUPS:
        for column in forms.T4_COLUMNS:
            v[forms.t4_cell(group.id, column.id)] = 0
    v["t4.litigation_after_review.upheld"] = v["t4.litigation_after_review.total"] = 1
    return v


def _t3_text_rows(v: dict) -> list[str]:
    """Table 3 a row a line: its label, a comma, then each column's name and value (…数量，自然人21，商业企业2，…，总计24。)."""
    return [_t3_label(row) + "".join(f"，{c.label_zh}{_v(v[forms.t3_cell(row.id, c.id)])}" for c in forms.T3_COLUMNS) + "。"
            for row in forms.FORMS["gov-2021"].t3_rows]


def _t2_sentence(v: dict) -> str:
    """Table 2 as one sentence: items of three measures said 0 together when they are, the others a clause each."""
    clauses = []
    for item in forms.FORMS["gov-2021"].t2:
        values = [v[forms.t2_cell(item.id, m.id)] for m in item.measures]
        if len(values) > 1 and not any(values):
            clauses.append(item.label_zh + "、".join(m.label_zh.removesuffix("件数") for m in item.measures) + "件数均为0")
        else:
            clauses += [f"{item.label_zh}{m.label_zh}{_v(value)}" for m, value in zip(item.measures, values)]
    return "表格内容：" + "；".join(clauses) + "。"


_T4_SENTENCE = ("表格内容：行政复议各项均为0；行政诉讼未经复议直接起诉各项均为0；"
                "行政诉讼复议后起诉结果维持1件、总计1件，其他各项为0。")


@pytest.mark.parametrize("rows", ["not_zero", "every"])
def test_tables_pictured_and_written_out_as_text_are_read(rows):
    """Blind round 83 (tables published as pictures, their text given another way): under each picture its table
    written out (表格内容（未列出的栏目数值均为0）：, then the rows that are not 0, 一、本年新收…：自然人19件、商业企业2件、
    总计21件。; table 2 a sentence, 规章本年制发、本年废止、现行有效件数均为0；行政许可本年处理决定数量6235件；…; table 4
    one, 行政复议各项均为0；…): the sentences' clauses were read as one row and table 3's rows under a lead: 201 cells
    missing. Or every row, its name then a comma (（二）部分公开（区分处理的，只计这一情形，不计其他情形），自然人4，…，
    总计5。; （七）总计，…): a row alone on its line, a name with commas in its brackets and a short name were no row's."""
    v = _text_version_values()
    for row in forms.FORMS["gov-2021"].t3_rows:  # (only 自然人 and 商业企业 apply: the other columns never listed)
        for column in ("research_institution", "social_welfare_org", "legal_service_org", "other_org"):
            v[forms.t3_cell(row.id, column)] = 0
    v = rebalance(v)
    listed = [f"{_t3_label(row)}：" + "、".join(f"{c.label_zh}{v[forms.t3_cell(row.id, c.id)]}件" for c in forms.T3_COLUMNS
                                              if v[forms.t3_cell(row.id, c.id)]) + "。"
              for row in forms.FORMS["gov-2021"].t3_rows if v[forms.t3_cell(row.id, "total")]]
    t3 = ["〔表格图片〕", "表格内容（未列出的栏目数值均为0）：", *listed, "其余各行各栏均为0。"] if rows == "not_zero" else \
        ["【表格文字说明】", *_t3_text_rows(v)]
    report = extract_bytes(_report_text(["〔表格图片〕", _t2_sentence(v)], t3, ["〔表格图片〕", _T4_SENTENCE]),
                           "report.txt")
    assert {k: c.value for k, c in report.cells.items()} == {c.id: v[c.id] for c in forms.cells("gov-2021")}


@pytest.mark.parametrize("where", ["alt", "caption", "docx"])
def test_a_picture_s_table_given_in_its_alt_text_or_a_caption_and_cards_is_read(where):
    """Blind round 83: a table's picture whose alt text writes the table out (二、主动公开政府信息情况。第二十条第（一）项
    规章 本年制发件数0 …；…), or a figure caption (图1 主动公开政府信息情况。规章：本年制发件数无，…。) with table 3 as
    cards under 图2文字版（自然人、…、总计）：: pictures outside a table's cells were not read, the caption was read as
    table 3's first card's label and each named value of a card as a column of its own. Blind round 257 (h1216): a Word
    file's pictures' alternative text (wp:docPr descr) was not read (1,650 cells missing in 10 files)."""
    v = _text_version_values()
    form = forms.FORMS["gov-2021"]

    def named(value) -> str:
        return _v(value) if value else "无"

    t2 = "。".join(f"{item.label_zh}：" + "，".join(f"{m.label_zh}{named(v[forms.t2_cell(item.id, m.id)])}"
                                                 for m in item.measures) for item in form.t2)
    t4 = "。".join(f"{group.label_zh}：" + "、".join(f"{c.label_zh}{named(v[forms.t4_cell(group.id, c.id)])}"
                                                for c in forms.T4_COLUMNS) for group in forms.T4_GROUPS)
    t3_rows = [(_t3_label(row), "；".join(f"{c.label_zh}：{named(v[forms.t3_cell(row.id, c.id)])}"
                                          for c in forms.T3_COLUMNS)) for row in form.t3_rows]
    if where == "alt":
        def picture(text: str) -> str:
            return f'<p><img src="/upload/{len(text)}.png" width="640" alt="{html.escape(text)}"></p>'
        t2_html = picture(f"主动公开政府信息情况。{t2}。")
        t3_html = picture("收到和处理政府信息公开申请情况。" + "；".join(f"{label} {pairs}" for label, pairs in t3_rows))
        t4_html = picture(f"政府信息公开行政复议、行政诉讼情况。{t4}。")
    else:
        t2_html = f'<figure><img src="/upload/1.png"><figcaption>图1 主动公开政府信息情况。{t2}。</figcaption></figure>'
        t3_html = ('<figure><img src="/upload/2.png"><figcaption>图2 收到和处理政府信息公开申请情况（文字版见下）'
                   "</figcaption></figure><p>图2文字版（自然人、法人或其他组织〔商业企业、科研机构、社会公益组织、法律服务机构、"
                   "其他〕、总计）：</p><dl>" + "".join(f"<dt>{label}</dt><dd>{pairs}</dd>" for label, pairs in t3_rows)
                   + "</dl>")
        t4_html = (f'<figure><img src="/upload/3.png"><figcaption>图3 政府信息公开行政复议、行政诉讼情况。{t4}。'
                   "</figcaption></figure>")
    page = (f"<html><body><h1>{AGENCY}2023年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>2023年，本机关依法做好"
            f"政府信息公开工作。</p><p>二、主动公开政府信息情况</p>{t2_html}<p>三、收到和处理政府信息公开申请情况</p>"
            f"{t3_html}<p>四、政府信息公开行政复议、行政诉讼情况</p>{t4_html}<p>五、存在的主要问题及改进情况</p>"
            "<p>工作仍有不足。</p></body></html>")
    report = extract_bytes(page.encode(), "report.html") if where != "docx" else extract_bytes(_described_pictures_docx([
        f"{AGENCY}2023年政府信息公开工作年度报告", "一、总体情况", "2023年，本机关依法做好政府信息公开工作。",
        "二、主动公开政府信息情况", ("picture", f"主动公开政府信息情况。{t2}。"), "三、收到和处理政府信息公开申请情况",
        ("picture", "收到和处理政府信息公开申请情况。" + "；".join(f"{label} {pairs}" for label, pairs in t3_rows)),
        "四、政府信息公开行政复议、行政诉讼情况", ("picture", f"政府信息公开行政复议、行政诉讼情况。{t4}。"),
        "五、存在的主要问题及改进情况", "工作仍有不足。"]), "report.docx")
    assert {k: c.value for k, c in report.cells.items()} == {c.id: v[c.id] for c in forms.cells("gov-2021")}


def _described_pictures_docx(blocks: list) -> bytes:
    """A Word file of paragraphs and pictures, each ("picture", text) a small picture whose alternative text is text."""
    import docx
    from PIL import Image

    document = docx.Document()
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        png = io.BytesIO()
        Image.new("RGB", (8, 8), "white").save(png, "PNG")
        png.seek(0)
        shape = document.add_paragraph().add_run().add_picture(png)
        shape._inline.docPr.set("descr", block[1])
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_tables_in_an_appendix_with_one_written_out_in_the_body_are_read_where_each_is():
    """Blind round 83: table 3 written out in the body under its section (a picture's text), tables 2 and 4 only in the
    appended 附件's text after the report: table 2's region began in the appendix, table 3's was looked for after it
    (the appendix's section without a table) and table 3 was lost."""
    v = _text_version_values()
    t2_grid = _t2_grid(v)
    t4_grid = ["\t".join(["行政复议"] * 5 + ["行政诉讼"] * 10),
               "\t".join(c.label_zh for _ in forms.T4_GROUPS for c in forms.T4_COLUMNS),
               "\t".join(_v(v[forms.t4_cell(g.id, c.id)]) for g in forms.T4_GROUPS for c in forms.T4_COLUMNS)]
    text = "\n".join([
        f"{AGENCY}2023年政府信息公开工作年度报告", "一、总体情况", "2023年，本机关依法做好政府信息公开工作。",
        "二、主动公开政府信息情况", "（见附件）", "三、收到和处理政府信息公开申请情况", *_t3_text_rows(v),
        "四、政府信息公开行政复议、行政诉讼情况", "（见附件）", "五、存在的主要问题及改进情况", "工作仍有不足。",
        "六、其他需要报告的事项", "无。", AGENCY, "2024年1月20日", f"附件：{AGENCY}2023年报告统计表.xlsx",
        "一、主动公开政府信息情况", "第二十条第（一）项", *t2_grid, "二、收到和处理政府信息公开申请情况（见正文）",
        "三、政府信息公开行政复议、行政诉讼情况", *t4_grid])
    report = extract_bytes(text.encode(), "report.txt")
    assert {k: c.value for k, c in report.cells.items()} == {c.id: v[c.id] for c in forms.cells("gov-2021")}


@pytest.mark.parametrize("leader", ["……………", "·····", "────", "——————"])
def test_table_3_a_card_a_column_aligned_by_leaders_under_numbered_heads_is_read(leader):
    """Blind round 96 (leader lines): a card per applicant column headed （一）自然人： or （二）法人或其他组织——商业企业：,
    its rows named short (本年新收, 不予公开—属于国家秘密, 办理结果总计) and each value aligned by leaders
    (本年新收……………11): the leaders were no border, the numbered heads no card's, the short names no row's, and
    21 cells were read wrong (总计's into 自然人's)."""
    v = synthetic.consistent_values(random.Random(8), "gov-2021")
    form = forms.FORMS["gov-2021"]
    short = {"new_received": "本年新收", "carried_over": "上年结转", "total": "办理结果总计",
             "carried_forward": "结转下年度继续办理"}
    numerals = "一二三四五六七"
    cards = []
    for k, c in enumerate(forms.T3_COLUMNS):
        cards += ["", f"（{numerals[k]}）{_column(c, '——')}："]
        for row in form.t3_rows:
            label = short.get(row.id) or "—".join(filter(None, (re.sub(r"^[（(][一二三四五六七][)）]", "", row.group_zh)
                                                                 if not row.group_zh.startswith("三、") else "",
                                                                 re.sub(r"^\d\.", "", row.label_zh))))
            cards.append(f"　　{label}{leader}{v[forms.t3_cell(row.id, c.id)]}")
    got, want = _t3_read_as(v, [*cards, ""])
    assert got == want


@pytest.mark.parametrize("leader", ["──", "————", "·····", "……"])
def test_rows_whose_figures_leaders_part_are_read_and_a_table_of_contents_is_not(leader):
    """一、本年新收政府信息公开申请数量……………35──6──0──0──3──1──45: a typist's row, its figures parted by leaders (two
    rules between two figures, too); the table was missed. The page numbers of a 目录's entries (（二）依申请公开……1) stay no
    figure of the report: read as a row, the 1 was the count of requests received."""
    v = synthetic.consistent_values(random.Random(8), "gov-2021")
    text = synthetic.render(AGENCY, YEAR, "gov-2021", v, "tab")
    start = text.index("三、收到和处理")
    end = text.index("四、政府信息公开行政复议")
    t3 = "\n".join(re.sub(r"\t+", "……………", line, count=1).replace("\t", leader) if re.search(r"\t\d", line) else line
                   for line in text[start:end].split("\n"))
    contents = "目　录\n一、总体情况……………1\n（二）依申请公开……………1\n二、主动公开政府信息情况……………2\n"
    report = extract_bytes((contents + text[:start] + t3 + text[end:]).encode(), "report.txt")
    assert {c.id: report.value(c.id) for c in forms.cells("gov-2021") if c.table == "t3"} == {
        c.id: v[c.id] for c in forms.cells("gov-2021") if c.table == "t3"}
    assert not any(f.key == "applications_received" and f.value == 1 for f in report.narrative)


@pytest.mark.parametrize("zero", ["0", "—"])
@pytest.mark.parametrize("gap, leader", [("    ", "·"), (" ", "·"), ("\u3000\u3000", "·"), ("  ", "_"), ("  ", "＿"),
                                         ("\u3000", "…")])
def test_rows_whose_figures_after_a_leader_are_parted_by_spaces_are_read(gap, leader, zero):
    """Blind round 124 (tables typed with leaders): 规章··················· 0    0    0, the leader before the first figure
    and spaces between the figures: the leader parted a cell of three figures from the label, and every row of table 2
    and 3 was unsure. Blind round 201: leaders of underscores (行政许可＿＿＿＿1207) were no leaders at all. Blind round
    230: a leader before a dash for none (规章……………— — —) was no leader, the row unread."""
    v = synthetic.consistent_values(random.Random(8), "gov-2021")
    text = synthetic.render(AGENCY, YEAR, "gov-2021", v, "tab")
    start = text.index("二、主动公开政府信息情况")
    end = text.index("四、政府信息公开行政复议")
    typed = "\n".join(re.sub(r"\t+", leader * 12, line, count=1).replace("\t", gap) if re.search(r"\t\d", line) else line
                      for line in text[start:end].split("\n"))
    typed = re.sub(r"(?<![\d.])0(?![\d.])", zero, typed) if zero != "0" else typed
    report = extract_bytes((text[:start] + typed + text[end:]).encode(), "report.txt")
    assert {c.id: report.value(c.id) for c in forms.cells("gov-2021") if c.table in ("t2", "t3")} == {
        c.id: v[c.id] for c in forms.cells("gov-2021") if c.table in ("t2", "t3")}


def test_tables_described_for_screen_readers_beside_their_pictures_are_read():
    """Blind round 108 (accessible copies of tables shown as pictures): each table a picture whose aria-describedby
    names a block the style sheet moves off the page, listing its values (第二十条第（一）项：规章本年制发0件，…；
    行政规范性文件…; 行政复议：结果维持1件，…). Table 4's list was dropped as a copy of what the page shows (its section
    heading and a sentence of 六、 name 行政复议), and table 2's items glued to their measures (规章本年制发0件) unread."""
    v = synthetic.consistent_values(random.Random(7), "gov-2021")
    _, t3, t4 = _listed("gov-2021", v, "wechat")
    t2 = ["第二十条第（一）项：" + "；".join(
        item.label_zh + "，".join(f"{m.label_zh.removesuffix('件数')}{_v(v[forms.t2_cell(item.id, m.id)])}件"
                                 for m in item.measures) for item in forms.FORMS["gov-2021"].t2[:2]) + "。",
          *(f"{item.label_zh}：{item.measures[0].label_zh}{_v(v[forms.t2_cell(item.id, item.measures[0].id)])}"
            for item in forms.FORMS["gov-2021"].t2[2:])]

    def pictured(n: int, lines: list[str]) -> str:
        items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
        return (f'<p><img src="t{n}.png" alt="统计表" aria-describedby="d{n}"></p>'
                f'<div id="d{n}" class="wza-hide"><p>表格说明：</p><ul>{items}</ul></div>')

    body = (f"<h1>{AGENCY}{YEAR}年政府信息公开工作年度报告</h1>"
            f"<p>本报告所列数据统计期限自{YEAR}年1月1日至{YEAR}年12月31日止。</p><h3>一、总体情况</h3><p>{YEAR}年，本机关依法做好政府信息公开工作。</p><h3>二、主动公开政府信息情况</h3>"
            + pictured(2, t2) + "<h3>三、收到和处理政府信息公开申请情况</h3>" + pictured(3, t3)
            + "<h3>四、政府信息公开行政复议、行政诉讼情况</h3>" + pictured(4, t4)
            + "<h3>六、其他需要报告的事项</h3><p>全年发生政府信息公开行政复议案件和行政诉讼案件，见上表。</p>")
    page = ("<html><head><style>.wza-hide{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}"
            f"</style></head><body>{body}</body></html>")
    report = extract_bytes(page.encode(), "report.html")
    assert {c.id: report.cells[c.id].value for c in forms.cells("gov-2021")} == {
        c.id: v[c.id] for c in forms.cells("gov-2021")}


def test_a_picture_s_description_listing_every_row_in_one_paragraph_is_read():
    """Blind round 108: a figcaption under each table's picture writes the whole table as one paragraph, its rows
    parted by 。 after a lead naming it (收到和处理政府信息公开申请情况（图表文字说明）：一、本年新收…：自然人83，…，总计98。
    二、…): a paragraph this long was taken for prose, and 186 cells were missed."""
    v = synthetic.consistent_values(random.Random(7), "gov-2021")
    t2, t3, t4 = _listed("gov-2021", v, "row")
    paragraphs = [f"{name}（图表文字说明）：" + "。".join(line.replace("；", "，") for line in lines) + "。"
                  for name, lines in (("主动公开政府信息情况", t2), ("收到和处理政府信息公开申请情况", t3),
                                      ("政府信息公开行政复议、行政诉讼情况", t4))]
    text = "\n".join([f"{AGENCY}{YEAR}年政府信息公开工作年度报告", f"本报告所列数据统计期限自{YEAR}年1月1日至12月31日止。",
                      "一、总体情况", f"{YEAR}年，本机关依法做好政府信息公开工作。",
                      "二、主动公开政府信息情况", paragraphs[0], "三、收到和处理政府信息公开申请情况", paragraphs[1],
                      "四、政府信息公开行政复议、行政诉讼情况", paragraphs[2], "五、存在的主要问题及改进情况", "工作仍有不足。"])
    assert len(paragraphs[1]) > 1200
    report = extract_bytes(text.encode(), "report.txt")
    assert {c.id: report.cells[c.id].value for c in forms.cells("gov-2021")} == {
        c.id: v[c.id] for c in forms.cells("gov-2021")}


def test_cards_whose_cells_are_left_empty_are_read_blank():
    """Blind round 126 (a phone page's cards, YAML-like exports): a row's card prints 自然人： with nothing after it
    where the cell is empty (its total 0), and table 4's groups the same (结果维持： ⇥ … 总计：0). The empty names
    were no values: the next row's heading ran into them and its values went to the empty row (4 cells wrong), and
    table 4's list, too short to be one, was read as nothing (15 cells)."""
    v = values()
    for row in ("other.unpaid_fee", "denied.state_secret"):
        for column in forms.T3_COLUMNS:
            v[forms.t3_cell(row, column.id)] = 0
    for column in forms.T4_COLUMNS:
        v[forms.t4_cell("litigation_after_review", column.id)] = 0
    rebalance(v)
    lines = [f"{AGENCY}{YEAR}年政府信息公开工作年度报告", f"统计期限自{YEAR}年1月1日至{YEAR}年12月31日止。", "一、总体情况",
             "本机关依法做好政府信息公开工作。", "三、收到和处理政府信息公开申请情况"]
    blank_rows = {"other.unpaid_fee", "denied.state_secret"}
    for row in forms.T3_ROWS_2021:
        lines.append(f"项目：{row.group_zh or ''}{row.label_zh}")
        lines += [f"{c.label_zh}：{'' if row.id in blank_rows and c.id != 'total' else v[forms.t3_cell(row.id, c.id)]}"
                  for c in forms.T3_COLUMNS]
    lines.append("四、政府信息公开行政复议、行政诉讼情况")
    for group in forms.T4_GROUPS:
        lines.append(f"类别：{group.label_zh}")
        blank = group.id == "litigation_after_review"
        lines += [f"{c.label_zh}：{'' if blank and c.id != 'total' else v[forms.t4_cell(group.id, c.id)]}"
                  for c in forms.T4_COLUMNS]
    lines += ["五、存在的主要问题及改进情况", "工作仍有不足。"]
    report = extract_bytes("\n".join(lines).encode(), "cards.txt")
    for cell in forms.cells("gov-2021"):
        if cell.table in ("t3", "t4"):
            got = report.cells[cell.id]
            assert got.value in (v[cell.id], None) and (got.value is not None or got.status == "blank"), cell.id
    assert report.cells["t4.litigation_direct.total"].value == v["t4.litigation_direct.total"]
    assert report.cells["t3.other.other.total"].value == v["t3.other.other.total"]


def _report_lines(t3: list[str], t4: list[str]) -> bytes:
    return "\n".join([f"{AGENCY}{YEAR}年政府信息公开工作年度报告", f"统计期限自{YEAR}年1月1日至{YEAR}年12月31日止。",
                      "一、总体情况", "本机关依法做好政府信息公开工作。", "三、收到和处理政府信息公开申请情况", *t3,
                      "四、政府信息公开行政复议、行政诉讼情况", *t4, "五、存在的主要问题及改进情况", "工作仍有不足。"]).encode()


@pytest.mark.parametrize("order", ["rows first", "columns first"])
@pytest.mark.parametrize("one_line", [True, False])
def test_tables_pasted_as_json_objects_are_read(order, one_line):
    """Blind round 127 (a page's 数据导出（JSON）): {"一、本年新收…": {"自然人": 251, …}, …}, keyed by row or by column
    first, on one line or over many: the quoted names stood between each name and its value, and no cell was read."""
    import json

    v = values()
    t3 = {f"{r.group_zh or ''}{r.label_zh}": {c.label_zh: v[forms.t3_cell(r.id, c.id)] for c in forms.T3_COLUMNS}
          for r in forms.T3_ROWS_2021}
    t4 = {g.label_zh: {c.label_zh: v[forms.t4_cell(g.id, c.id)] for c in forms.T4_COLUMNS} for g in forms.T4_GROUPS}
    if order == "columns first":
        t3 = {c: {r: t3[r][c] for r in t3} for c in next(iter(t3.values()))}
    dump = (lambda o: [json.dumps(o, ensure_ascii=False)]) if one_line else (
        lambda o: json.dumps(o, ensure_ascii=False, indent=2).split("\n"))
    report = extract_bytes(_report_lines(["数据导出（JSON）：", *dump(t3)], dump(t4)), "json.txt")
    for cell in forms.cells("gov-2021"):
        if cell.table in ("t3", "t4"):
            assert report.cells[cell.id].value == v[cell.id], cell.id


def test_cells_named_by_a_legend_s_codes_are_read():
    """Blind rounds 98 and 127 (an export's coded cells): 图例 R01 = 一、本年新收…, C01 = 自然人, then T3-R01-C01: 58;
    table 4's legend redefines R01 = 行政复议. The codes named nothing, and every cell was missed (its caption's T4 read
    as a value in table 4's list)."""
    v = values()
    rows, groups = forms.T3_ROWS_2021, forms.T4_GROUPS
    t3 = ["（表三以编码方式导出，编码规则：T3-行号-列号）", "图例（行）：",
          *(f"R{k:02d} = {r.group_zh or ''}{r.label_zh}" for k, r in enumerate(rows, 1)), "图例（列）：",
          *(f"C{k:02d} = {c.label_zh}" for k, c in enumerate(forms.T3_COLUMNS, 1)), "数据：",
          *(f"T3-R{i:02d}-C{j:02d}: {v[forms.t3_cell(r.id, c.id)]}" for j, c in enumerate(forms.T3_COLUMNS, 1)
            for i, r in enumerate(rows, 1))]
    t4 = ["（表四以编码方式导出，编码规则：T4-行号-列号）", *(f"R{k:02d} = {g.label_zh}" for k, g in enumerate(groups, 1)),
          *(f"C{k:02d} = {c.label_zh}" for k, c in enumerate(forms.T4_COLUMNS, 1)),
          *(f"T4-R{i:02d}-C{j:02d}: {v[forms.t4_cell(g.id, c.id)]}" for i, g in enumerate(groups, 1)
            for j, c in enumerate(forms.T4_COLUMNS, 1))]
    report = extract_bytes(_report_lines(t3, t4), "coded.txt")
    for cell in forms.cells("gov-2021"):
        if cell.table in ("t3", "t4"):
            assert report.cells[cell.id].value == v[cell.id], cell.id


def _small_body_values(rng: random.Random, template: str) -> dict:
    """A small body's year: most rows 0, a few results with one or two kinds of applicant, the sums holding."""
    rows = forms.FORMS[template].t3_rows
    v = {cell.id: 0 for cell in forms.cells(template)}
    results = [r for r in rows if r.id.startswith(("granted", "partially", "denied.", "unable.", "not_processed."))]
    for row in rng.sample(results, rng.randint(1, 4)):
        for column in rng.sample(forms.T3_COLUMNS[:-1], rng.randint(1, 2)):
            v[forms.t3_cell(row.id, column.id)] = rng.randint(1, 4)
    for column in forms.T3_COLUMNS[:-1]:
        total = sum(v[forms.t3_cell(r.id, column.id)] for r in rows if r in results)
        v[forms.t3_cell("total", column.id)] = total
        v[forms.t3_cell("carried_over", column.id)] = carried = rng.randint(0, min(total, 1))
        v[forms.t3_cell("new_received", column.id)] = total - carried
    for row in rows:
        v[forms.t3_cell(row.id, "total")] = sum(v[forms.t3_cell(row.id, c.id)] for c in forms.T3_COLUMNS[:-1])
    for group in rng.sample(forms.T4_GROUPS, rng.randint(0, 1)):
        v[forms.t4_cell(group.id, "upheld")] = v[forms.t4_cell(group.id, "total")] = 1
    for item in forms.FORMS[template].t2:
        for measure in item.measures:
            v[forms.t2_cell(item.id, measure.id)] = rng.randint(0, 5)
    return v


def _stated(v: dict, row: str, label: str) -> str:
    """A row as a small body states it: 予以公开4件（自然人3件、商业企业1件）, 部分公开1件（均为自然人）, 上年结转…0件."""
    named = [(c.label_zh, v[forms.t3_cell(row, c.id)]) for c in forms.T3_COLUMNS[:-1] if v[forms.t3_cell(row, c.id)]]
    total = v[forms.t3_cell(row, "total")]
    if len(named) == 1:
        return f"{label}{total}件（均为{named[0][0]}）"
    return f"{label}{total}件" + ("（" + "、".join(f"{name}{n}件" for name, n in named) + "）" if named else "")


def _small_body_page(v: dict, template: str) -> bytes:
    """Tables 2, 3 and 4 stated in sentences, as towns and small bureaus write them (blind round 130's h205)."""
    def core(label: str) -> str:
        return re.sub(r"^(?:[（(][一二三四五六七]+[)）]|[一二三四五六七]、|\d\.)", "", label).split("（")[0]

    def measure_said(item: forms.Table2Item, measure: forms.Column) -> str:  # (本年制发2件, 对外公开总数量4件, 采购总金额1万元)
        name = measure.label_zh.split("（")[0]
        name = name if name.endswith("总数量") or item.id == "procurement" else name.removesuffix("件数").removesuffix("数量")
        unit = "万元" if measure.id.startswith("amount") else "个" if item.id == "procurement" else "件"
        return f"{name}{v[forms.t2_cell(item.id, measure.id)]}{unit}"

    t2 = "；".join(("政府集中" if item.id == "procurement" else f"{'行政' * (item.id == 'normative_docs')}{item.label_zh}")
                   + "、".join(measure_said(item, measure) for measure in item.measures)
                   for item in forms.FORMS[template].t2) + "。"
    rows = forms.FORMS[template].t3_rows
    organisations = [(c.label_zh, v[forms.t3_cell("new_received", c.id)]) for c in forms.T3_COLUMNS[1:-1]
                     if v[forms.t3_cell("new_received", c.id)]]
    new = (f"（一）本年新收政府信息公开申请数量：自然人{v['t3.new_received.natural_person']}件，法人或其他组织"
           f"{sum(n for _, n in organisations)}件" + ("（" + "、".join(f"{name}{n}件" for name, n in organisations) + "）"
                                                       if organisations else "") + f"，总计{v['t3.new_received.total']}件。")
    clauses, zero = [], []
    for row in rows:
        if row.id in ("granted", "partially_granted"):
            (clauses if v[forms.t3_cell(row.id, "total")] else zero).append(
                _stated(v, row.id, core(row.label_zh)) if v[forms.t3_cell(row.id, "total")] else core(row.label_zh))
    groups = dict.fromkeys(r.group_zh for r in rows if r.group_zh.startswith("（"))
    for group in groups:
        members = [r for r in rows if r.group_zh == group]
        count = sum(v[forms.t3_cell(r.id, "total")] for r in members)
        if not count:
            zero.append(core(group))
            continue
        clauses.append(f"{core(group)}{count}件，其中" + "、".join(
            _stated(v, r.id, core(r.label_zh)) for r in members if v[forms.t3_cell(r.id, "total")]))
    clauses.append("、".join(zero) + "均为0件" if len(zero) > 1 else f"{zero[0]}0件" if zero else "")
    t4 = "表四：" + ("；".join(
        f"{g.label_zh.replace('行政诉讼·', '')}{'的行政诉讼' if '诉讼' in g.label_zh else ''}"
        f"{v[forms.t4_cell(g.id, 'total')]}件" + ("（结果维持1件）" if v[forms.t4_cell(g.id, "upheld")] else "")
        for g in forms.T4_GROUPS) if any(v[forms.t4_cell(g.id, "total")] for g in forms.T4_GROUPS)
        else "行政复议、行政诉讼均为0件") + "。"
    text = [f"{AGENCY}{YEAR}年政府信息公开工作年度报告", "一、总体情况", "本镇依法做好政府信息公开工作。",
            "二、主动公开政府信息情况", "表二：" + t2, "三、收到和处理政府信息公开申请情况", "表三：", new,
            _stated(v, "carried_over", "（二）上年结转政府信息公开申请") + "。",
            "（三）本年度办理结果：" + "；".join(c for c in clauses if c) + "。",
            _stated(v, "total", "（四）办理结果总计") + "。", _stated(v, "carried_forward", "（五）结转下年度继续办理") + "。",
            "四、政府信息公开行政复议、行政诉讼情况", t4, "五、存在的主要问题及改进情况", "工作仍有不足。"]
    return "\n".join(text).encode()


@pytest.mark.parametrize("template", ["gov-2021", "gov-2019"])
@pytest.mark.parametrize("seed", range(4))
def test_tables_a_small_body_states_in_sentences_are_read(template, seed):
    """Blind round 130 (h205: towns' tables in sentences, 1,605 cells missed): 部分公开1件（均为自然人）; 无法提供2件，其中
    本机关不掌握相关政府信息2件（…）; 不予公开、不予处理均为0件; 法人或其他组织1件（商业企业1件）; 上年结转…0件; 表四：行政复议
    1件（结果维持1件）；…0件; 表二：规章本年制发0件、废止0件… Each cell is its value, those the sentences leave out 0 by
    the sums they state."""
    v = _small_body_values(random.Random(seed), template)
    report = extract_bytes(_small_body_page(v, template), "town.txt")
    wrong = {cell.id: (report.cells[cell.id].value, v[cell.id]) for cell in forms.cells(template)
             if report.cells[cell.id].value != v[cell.id]}
    assert not wrong


def test_table_3_stated_as_its_one_row_and_the_rest_said_0_is_read():
    """Blind round 130 (h205): 表三：本年新收政府信息公开申请数量：自然人0件，法人或其他组织0件，总计0件；
    表三其余各项均为0件。 one row is too few named values for a list, and 表三其余 was taken for a row's name: table 3
    was missing."""
    text = (f"{AGENCY}{YEAR}年政府信息公开工作年度报告\n一、总体情况\n本镇依法做好政府信息公开工作。\n"
            "三、收到和处理政府信息公开申请情况\n表三：本年新收政府信息公开申请数量：自然人0件，法人或其他组织0件，总计0件；表三其余各项"
            "均为0件。\n四、政府信息公开行政复议、行政诉讼情况\n表四：行政复议、行政诉讼均为0件。\n五、存在的主要问题及改进情况\n无。")
    cells = extract_bytes(text.encode(), "town.txt").cells
    assert {cells[c.id].value for c in forms.cells("gov-2021") if c.table in ("t3", "t4")} == {0}


@pytest.mark.parametrize("rendering", ["tab", "html"])
def test_a_short_first_row_under_a_one_line_header_is_read_whatever_its_place(rendering):
    """Blind round 248 (h1156: small bodies' table 3, rows all 0 left out, labels short, 上年结转 first): the one-line
    header (项目 ⇥ 自然人 … 总计) was taken into the first row's label, which then named no row; 上年结转's numbers were
    lost and the row read as 0 by the note that the rows left out are (2 cells wrong a file, the balance broken)."""
    printed = [("上年结转", [1, 0, 0, 0, 0, 0, 1]), ("本年新收", [4, 1, 0, 0, 0, 0, 5]), ("予以公开", [3, 0, 0, 0, 0, 0, 3]),
               ("无法提供（不掌握）", [2, 1, 0, 0, 0, 0, 3]), ("办理结果总计", [5, 1, 0, 0, 0, 0, 6])]
    header = ["项目", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    rows = [header, *([label, *map(str, printed_values)] for label, printed_values in printed)]
    table = ("<table>" + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows) + "</table>"
             if rendering == "html" else "\n".join("\t".join(row) for row in rows))
    paragraphs = [f"{AGENCY}2023年政府信息公开工作年度报告", "一、总体情况", "本镇依法做好政府信息公开工作。",
                  "三、收到和处理政府信息公开申请情况", table, "其余各项均为0，不再列出。",
                  "四、政府信息公开行政复议、行政诉讼情况", "行政复议、行政诉讼均为0件。",
                  "五、存在的主要问题及改进情况", "工作仍有不足。"]
    text = "\n".join(p if p is table or rendering != "html" else f"<p>{p}</p>" for p in paragraphs)
    cells = extract_bytes(text.encode(), f"town.{'html' if rendering == 'html' else 'txt'}").cells
    for label, printed_values in printed[:2]:
        row = "carried_over" if label == "上年结转" else "new_received"
        assert [cells[forms.t3_cell(row, c.id)].value for c in forms.T3_COLUMNS] == printed_values
        assert cells[forms.t3_cell(row, "total")].status == "reported"
    assert cells["t3.carried_forward.total"].value == 0


@pytest.mark.parametrize("bullet", ["* ", "- ", "• ", "1. "])
def test_table_4_as_a_list_its_review_results_in_an_item_under_the_group_s_is_read(bullet):
    """Blind round 249 (h1168: tables turned into nested lists): * 行政复议 over  * 结果维持0，结果纠正0，…，总计0, the
    litigation groups named in their own items: the review's item named no group, and its five cells were blank in 4
    files."""
    v = synthetic.consistent_values(random.Random(3), "gov-2021")
    lines = synthetic.render(AGENCY, YEAR, "gov-2021", v, "tab").split("\n")
    start = next(k for k, line in enumerate(lines) if line.startswith("四、政府信息公开行政复议"))
    end = next(k for k, line in enumerate(lines) if line.startswith("五、"))

    def results(group: str) -> str:
        return "，".join(f"{c.label_zh}{v[forms.t4_cell(group, c.id)]}" for c in forms.T4_COLUMNS)

    listed = [f"{bullet}行政复议", f"    {bullet}{results('admin_review')}", f"{bullet}行政诉讼",
              f"    {bullet}未经复议直接起诉：{results('litigation_direct')}",
              f"    {bullet}复议后起诉：{results('litigation_after_review')}"]
    report = extract_bytes("\n".join([*lines[:start + 1], *listed, *lines[end:]]).encode(), "report.txt")
    assert {c.id: report.cells[c.id].value for c in forms.cells("gov-2021") if c.table == "t4"} == \
        {c.id: v[c.id] for c in forms.cells("gov-2021") if c.table == "t4"}


@pytest.mark.parametrize("listed", ["行政复议：结果维持1件，总计1件；其余各项均为0。",
                                    "行政复议：结果维持1件，总计1件。\n其余各项数据均为0。"], ids=["one sentence", "two"])
def test_table_4_listing_its_cells_that_are_not_0_and_saying_the_rest_are_is_read(listed):
    """A table 4 listed as the cells that are not 0 (a result and its group's total) and a sentence that the rest are:
    two rows were too few for a list (eight, more than a group's five), and table 4 was missing."""
    v = synthetic.consistent_values(random.Random(3), "gov-2021")
    v.update({c.id: 0 for c in forms.cells("gov-2021") if c.table == "t4"})
    v.update({"t4.admin_review.upheld": 1, "t4.admin_review.total": 1})
    lines = synthetic.render(AGENCY, YEAR, "gov-2021", v, "tab").split("\n")
    start = next(k for k, line in enumerate(lines) if line.startswith("四、政府信息公开行政复议"))
    end = next(k for k, line in enumerate(lines) if line.startswith("五、"))
    report = extract_bytes("\n".join([*lines[:start + 1], listed, *lines[end:]]).encode(), "report.txt")
    assert {c.id: report.cells[c.id].value for c in forms.cells("gov-2021") if c.table == "t4"} == \
        {c.id: v[c.id] for c in forms.cells("gov-2021") if c.table == "t4"}
    assert report.cells["t4.admin_review.upheld"].status == "reported"


def _turned_header(rows: list[forms.Row]) -> list[str]:
    """Table 3's header turned as the form prints it over its columns: 三、本年度办理结果 over the results, （三）不予公开
    over its eight, each name once over the columns it spans (the cells after it blank)."""
    paths = [[row.label_zh] if not row.group_zh else [row.group_zh, row.label_zh] if row.group_zh.startswith("三")
             else ["三、本年度办理结果", row.group_zh, row.label_zh] for row in rows]
    lines = []
    for level in range(3):
        named = [path[level] if level < len(path) else "" for path in paths]
        lines.append(("申请人情况" if not level else "") + "\t" + "\t".join(
            "" if k and named[k] == named[k - 1] and level < len(paths[k]) - 1 else name for k, name in enumerate(named)))
    return lines


@pytest.mark.parametrize("blocks", [1, 3])
@pytest.mark.parametrize("header", ["one row", "short", "the form's three rows"])
def test_tables_printed_turned_are_read(blocks, header):
    """Blind round 132 (statistics systems' turned tables): table 3 with its applicants as rows and the form's rows as
    columns, in one block or three (续表), the columns named in full or short (新收, 国家秘密); table 2 with its
    measures as rows and its items as columns. Read as printed, 自然人's numbers were a row of table 3 (986 cells
    missed, 54 wrong), and table 2's labels' digits were split into its cells. Round 244 (h1121): blocks under the
    form's header of three rows (三、本年度办理结果 over （四）无法提供 over its three), the upper rows' names once
    over the columns they span: a block whose first row named no more than two of the form's rows was not put back,
    nor one whose header rows made every column look like labels (602 cells missed in 7 files)."""
    v = synthetic.consistent_values(random.Random(7), "gov-2021")
    rows = forms.FORMS["gov-2021"].t3_rows
    names = [forms.T3_SHORT_MATCHES.get(row.id, (None,))[0] if header == "short" and row.id in forms.T3_SHORT_MATCHES
             else f"{row.group_zh or ''}{row.label_zh}" for row in rows]
    size = -(-len(rows) // blocks)
    t3 = []
    for start in range(0, len(rows), size):
        t3 += ["（续表）"] if start else []
        t3 += (_turned_header(rows[start:start + size]) if header == "the form's three rows"
               else ["申请人情况\t" + "\t".join(names[start:start + size])])
        t3 += [column.label_zh + "\t" + "\t".join(str(v[forms.t3_cell(row.id, column.id)])
                                                    for row in rows[start:start + size]) for column in forms.T3_COLUMNS]
    items = [item for item in forms.T2_2021 if len(item.measures) == 3]
    t2 = ["信息内容\t" + "\t".join(item.label_zh for item in items),
          *(measure.label_zh + "\t" + "\t".join(str(v[forms.t2_cell(item.id, measure.id)]) for item in items)
            for measure in items[0].measures)]
    t4 = ["\t".join(f"{g.label_zh}{c.label_zh}" for g in forms.T4_GROUPS for c in forms.T4_COLUMNS),
          "\t".join(str(v[forms.t4_cell(g.id, c.id)]) for g in forms.T4_GROUPS for c in forms.T4_COLUMNS)]
    report = extract_bytes(_report_text(t2, t3, t4), "turned.txt")
    for cell in forms.cells("gov-2021"):
        if cell.table == "t3" or cell.id.startswith(("t2.rules", "t2.normative_docs")):
            assert report.cells[cell.id].value == v[cell.id], cell.id


@pytest.mark.parametrize("template", ["gov-2021", "gov-2019"])
def test_table_2_turned_whole_its_items_measures_dashed_where_they_have_none_is_read(template):
    """Blind round 152 (h377): table 2 turned whole, every measure a row and every item a column, a dash where an item
    has no such measure (本年处理决定数量 ⇥ — ⇥ — ⇥ 8906 ⇥ 1327 …): put back under one header, each item's first
    value was read, a dash, and 行政许可, 行政处罚, 行政强制 and the fees came out 0."""
    v = synthetic.consistent_values(random.Random(17), template)
    items = forms.FORMS[template].t2
    measures = list(dict.fromkeys(m for item in items for m in item.measures))
    t2 = ["指标＼信息内容\t" + "\t".join(f"{item.label_zh}（{item.section_zh}）" for item in items),
          *(measure.label_zh + "\t" + "\t".join(str(v[forms.t2_cell(item.id, measure.id)]) if measure in item.measures
                                                 else "—" for item in items) for measure in measures)]
    text = synthetic.render(AGENCY, 2023 if template == "gov-2021" else 2020, template, v, "tab")
    head, rest = text.split("二、主动公开政府信息情况\n")
    report = extract_bytes("\n".join([head + "二、主动公开政府信息情况", *t2, "三、" + rest.split("三、", 1)[1]]).encode(),
                           "turned.txt")
    assert {c.id: report.cells[c.id].value for c in forms.cells(template) if c.table == "t2"} == {
        c.id: v[c.id] for c in forms.cells(template) if c.table == "t2"}


@pytest.mark.parametrize("split", ["one per applicant", "persons and organisations", "organisations unlabelled",
                                   "表3-{k}  申请人类型：{name}", "表{k}：{name}", "（{k}）{name}", "申请人情况：{name}"])
def test_table_3_printed_as_small_tables_each_for_some_columns_is_read_whole(split):
    """Blind round 154 (h387): table 3 as seven small tables, one per applicant ((一)自然人申请情况 over 项目 | 数量), or
    自然人 in one and the organisations and 总计 in another (beside it, its rows unlabelled): each small table's rows
    were the form's rows again, and the last one's values (the totals) were read as 自然人's, every sum holding.
    Blind round 252 (h1193): captions numbered 表3-1, 表1 or （1） naming the column after 申请人类型： or under
    法人或其他组织——, the later tables' labels abbreviated otherwise than the first's: 28 cells wrong, 462 unsure.
    Blind round 260 (h1236): description lists, one per applicant under 申请人情况：法人或其他组织 · 商业企业 (20 cells
    wrong, 110 missing)."""
    v = synthetic.consistent_values(random.Random(29), "gov-2021")
    rows = forms.FORMS["gov-2021"].t3_rows
    labels = [f"{row.group_zh or ''}{row.label_zh}" for row in rows]
    columns = forms.T3_COLUMNS

    def table(caption: str, names: list[str], ids: list[str], labelled: bool = True) -> list[str]:
        return [caption, "\t".join(["项目" if labelled else "", *names]),
                *("\t".join([*([label] if labelled else []), *(str(v[forms.t3_cell(row.id, c)]) for c in ids)])
                  for label, row in zip(labels, rows))]

    if split == "one per applicant":
        t3 = [line for k, c in enumerate(columns) for line in table(f"（{'一二三四五六七'[k]}）{c.label_zh}申请情况", ["数量"],
                                                                     [c.id])]
    elif "{name}" in split:
        t3 = []
        for k, c in enumerate(columns, start=1):
            mark = " · " if "{k}" not in split else "——" if k % 2 else "-"
            name = c.label_zh if c.id in ("natural_person", "total") else f"法人或其他组织{mark}{c.label_zh}"
            t3 += table(split.format(k=k, name=name), ["数量"], [c.id])
            if k > 1:  # (the later tables' labels abbreviated: 第3项)
                t3[-len(rows):] = [f"第{n}项\t{line.split(chr(9))[1]}" for n, line in enumerate(t3[-len(rows):], start=1)]
    else:
        organisations = [c for c in columns if c.id not in ("natural_person",)]
        t3 = [*table("表三-1　自然人申请情况", ["自然人"], ["natural_person"]),
              *table("表三-2　法人或其他组织申请情况", [c.label_zh for c in organisations], [c.id for c in organisations],
                     labelled=split == "persons and organisations")]
    text = synthetic.render(AGENCY, YEAR, "gov-2021", v, "tab").split("\n")
    start = next(k for k, line in enumerate(text) if line.startswith("三、收到和处理"))
    end = next(k for k, line in enumerate(text) if line.startswith("四、政府信息公开行政复议"))
    report = extract_bytes("\n".join([*text[:start + 1], *t3, *text[end:]]).encode(), "report.txt")
    assert {c.id: report.cells[c.id].value for c in forms.cells("gov-2021") if c.table == "t3"} == {
        c.id: v[c.id] for c in forms.cells("gov-2021") if c.table == "t3"}


def test_table_4_a_cell_a_line_named_result_first_under_its_heading_is_read_by_the_names():
    """Blind round 253 (h1194): table 4 a cell a line, result first (结果维持/行政诉讼/未经复议直接起诉：0), the groups in
    another order, the first line under the section's heading: the heading, run into the first line's label, named
    行政复议 for it, and the list was read in printed order (9 cells wrong, every sum holding)."""
    v = synthetic.consistent_values(random.Random(31), "gov-2021")
    paths = {"litigation_direct": "行政诉讼/未经复议直接起诉", "litigation_after_review": "行政诉讼/复议后起诉",
             "admin_review": "行政复议"}
    t3 = [f"{c.label_zh if c.id in ('natural_person', 'total') else '法人或其他组织/' + c.label_zh}/"
          f"{row.group_zh + '/' if row.group_zh else ''}{row.label_zh}：{v[forms.t3_cell(row.id, c.id)]}"
          for c in forms.T3_COLUMNS for row in forms.T3_ROWS_2021]  # (the whole report so listed, table 3 column first)
    t4 = ["四、政府信息公开行政复议、行政诉讼情况", "", *(f"{c.label_zh}/{path}：{v[forms.t4_cell(g, c.id)]}"
                                               for g, path in paths.items() for c in forms.T4_COLUMNS)]
    text = synthetic.render(AGENCY, YEAR, "gov-2021", v, "tab").split("\n")
    start = next(k for k, line in enumerate(text) if line.startswith("三、收到和处理"))
    end = next(k for k, line in enumerate(text) if line.startswith("五、"))
    report = extract_bytes("\n".join([*text[:start + 1], *t3, "", *t4, "", *text[end:]]).encode(), "report.txt")
    assert {c.id: report.cells[c.id].value for c in forms.cells("gov-2021") if c.table in ("t3", "t4")} == {
        c.id: v[c.id] for c in forms.cells("gov-2021") if c.table in ("t3", "t4")}


@pytest.mark.parametrize("shape", ["csv", "tsv", "jsonl"])
def test_tables_exported_as_records_a_cell_a_line_are_read(shape):
    """Blind round 132 (filing systems' exports): 表格,行,列,数值 then 表三,三、本年度办理结果/（二）部分公开（区分处理的，只计
    这一情形，不计其他情形）,法人或其他组织/商业企业,0 — a cell a line, as CSV (its labels' commas full-width, made ASCII
    when the text is read), TSV or JSON Lines with those keys: no cell was read (1,126 missed)."""
    import json

    v = synthetic.consistent_values(random.Random(9), "gov-2021")
    records = [("表二", f"第二十条第（一）项/{item.label_zh}", measure.label_zh, v[forms.t2_cell(item.id, measure.id)])
               for item in forms.T2_2021 if item.id in ("rules", "normative_docs") for measure in item.measures]
    records += [("表三", f"{row.group_zh}/{row.label_zh}" if row.group_zh else row.label_zh,
                 column.label_zh if column.id in ("natural_person", "total") else f"法人或其他组织/{column.label_zh}",
                 v[forms.t3_cell(row.id, column.id)]) for row in forms.T3_ROWS_2021 for column in forms.T3_COLUMNS]
    records += [("表四", group.label_zh.replace("·", "/"), column.label_zh, v[forms.t4_cell(group.id, column.id)])
                for group in forms.T4_GROUPS for column in forms.T4_COLUMNS]
    def exported(table: str) -> list[str]:  # (each table's records under its own section, as the export prints them)
        mine = [record for record in records if record[0] == table]
        if shape == "jsonl":
            return [json.dumps(dict(zip(("表", "行", "列", "值"), record)), ensure_ascii=False) for record in mine]
        delimiter = "," if shape == "csv" else "\t"
        return [delimiter.join(("表格", "行", "列", "数值")), *(delimiter.join(map(str, record)) for record in mine)]

    report = extract_bytes(_report_text(exported("表二"), exported("表三"), exported("表四")), f"export.{shape}")
    for cell in forms.cells("gov-2021"):
        if cell.table in ("t3", "t4") or cell.id.startswith(("t2.rules", "t2.normative_docs")):
            assert report.cells[cell.id].value == v[cell.id], cell.id


def test_an_export_of_the_cells_that_are_not_0_with_a_note_that_the_rest_are_is_read():
    """Blind round 132: 表二|第二十条第（一）项|行政规范性文件|本年制发件数|1 …, only the cells that are not 0, each table's
    note under it (注：以上仅列非零单元格，其余单元格数值均为0): the note's 0 was read as a row of table 3 (its columns then
    unknown, the table unread), and table 2's items left out were missing."""
    v = _small_body_values(random.Random(2), "gov-2021")
    t2 = [f"表二|{item.label_zh}|{measure.label_zh}|{v[forms.t2_cell(item.id, measure.id)]}"
          for item in forms.T2_2021 for measure in item.measures if v[forms.t2_cell(item.id, measure.id)]]
    t3 = [f"表三|{row.group_zh + '|' if row.group_zh else ''}{row.label_zh}|申请人情况|{column.label_zh}|"
          f"{v[forms.t3_cell(row.id, column.id)]}" for row in forms.T3_ROWS_2021 for column in forms.T3_COLUMNS
          if v[forms.t3_cell(row.id, column.id)]]
    note = "（注：以上仅列非零单元格，其余单元格数值均为0）"
    report = extract_bytes(_report_text([*t2, note], [*t3, note], ["行政复议、行政诉讼各项均为0。"]), "export.txt")
    for cell in forms.cells("gov-2021"):
        if cell.table in ("t2", "t3"):
            assert report.cells[cell.id].value == v[cell.id], cell.id


def test_a_slash_between_two_names_is_no_mark_of_none():
    """Blind round 149 (slides as web pages): table 4 a name and a value a line under a header naming the lawsuits'
    groups 行政诉讼：未经复议直接起诉 / 复议后起诉 — the slash between the two names was read as a cell saying none, and
    both groups as 0 throughout (six cells wrong, silently)."""
    v = synthetic.consistent_values(random.Random(23), forms.GOV_2021)
    for group in ("litigation_direct", "litigation_after_review"):
        v[forms.t4_cell(group, "upheld")] += 2
        v[forms.t4_cell(group, "total")] += 2
    text = synthetic.render("合肥市生态环境局", 2021, forms.GOV_2021, v, "tab").split("\n")
    start = next(k for k, line in enumerate(text) if line.startswith("四、"))
    end = next(k for k, line in enumerate(text) if line.startswith("五、"))
    t4 = [text[start], "行政复议", "行政诉讼：未经复议直接起诉 / 复议后起诉"]
    for group in forms.T4_GROUPS:
        for column in forms.T4_COLUMNS:
            t4 += [column.label_zh, str(v[forms.t4_cell(group.id, column.id)])]
    report = extract_bytes("\n".join(text[:start] + t4 + text[end:]).encode(), "r.txt")
    assert {c.id: report.cells[c.id].value for c in forms.cells(forms.GOV_2021) if c.table == "t4"} == {
        c.id: v[c.id] for c in forms.cells(forms.GOV_2021) if c.table == "t4"}


@pytest.mark.parametrize("style", [
    ("复议", "直接起诉", "复议后起诉", ("维持", "纠正", "其他", "未结", "合计"), "{name}{value}", " "),
    ("行政复议：", "行政诉讼（直接起诉）：", "行政诉讼（复议后起诉）：", ("维持", "纠正", "其他", "未审结", "总计"),
     "{name}{value}件", "，"),
    ("行政复议 ", "未经复议直接起诉 ", "复议后起诉 ", ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计"),
     "{name}：{value}", "、"),
], ids=["bare", "with 件", "colons"])
def test_table_4_a_group_a_line_its_results_named_short_is_read(style):
    """Blind round 234 (h1043_02): table 4 as 复议维持1 纠正0 其他1 未结0 合计2, a line per group, its results named short
    and without 件, was missing. Each group's line is its row, whatever words and separators it uses."""
    heads, words, value_text, separator = style[:3], style[3], style[4], style[5]
    v = synthetic.consistent_values(random.Random(11), "gov-2021")
    lines = synthetic.render(AGENCY, YEAR, "gov-2021", v, "tab").split("\n")
    start = next(k for k, line in enumerate(lines) if line.startswith("四、政府信息公开行政复议"))
    end = next(k for k, line in enumerate(lines) if line.startswith("五、"))
    listed = [head + separator.join(value_text.format(name=word, value=v[forms.t4_cell(group.id, column.id)])
                                    for word, column in zip(words, forms.T4_COLUMNS))
              for head, group in zip(heads, forms.T4_GROUPS)]
    report = extract_bytes("\n".join([*lines[:start + 1], "（单位：件）", *listed, *lines[end:]]).encode(), "report.txt")
    assert {c.id: report.cells[c.id].value for c in forms.cells("gov-2021") if c.table == "t4"} == \
        {c.id: v[c.id] for c in forms.cells("gov-2021") if c.table == "t4"}
    assert {report.cells[c.id].status for c in forms.cells("gov-2021") if c.table == "t4"} == {"reported"}
