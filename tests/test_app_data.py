"""Pages of single-page apps saved before their scripts ran: the title and the prose shown, the tables empty shells,
the rows in a script's data (window.__INITIAL_STATE__, __NEXT_DATA__, a Vue instance's data, JSON.parse of a
string), held in the shapes such apps give them. Every cell was lost: the report had no table."""

from __future__ import annotations

import json
import re

import pytest

from builder import forms
from builder.extraction.extract import extract_bytes
from builder.reading.appdata import json_leaves, named_lines

from .official_form import RESULTS, assert_every_cell, blocks, html_body, html_page, values

V = values(seed=8)
SHELL = '<table class="gk-table"><thead></thead><tbody></tbody></table>'
GROUPS = ("行政复议", "行政诉讼·未经复议直接起诉", "行政诉讼·复议后起诉")


def _groups(row: forms.Row) -> list[str]:
    """A table-3 row's groups, outermost first (三、本年度办理结果, （三）不予公开)."""
    return [] if not row.group_zh else [RESULTS] if row.group_zh == RESULTS else [RESULTS, row.group_zh]


def _t3_numbers(row: forms.Row) -> list:
    return [V[forms.t3_cell(row.id, c.id)] for c in forms.T3_COLUMNS]


def _t4_numbers(group: forms.Row) -> list:
    return [V[forms.t4_cell(group.id, c.id)] for c in forms.T4_COLUMNS]


def keyed() -> dict:
    """Rows and columns as keys, nested by group: {"三、本年度办理结果": {"（一）予以公开": {"自然人": 5, …}}}."""
    t2: dict = {}
    for item in forms.T2_2021:
        t2.setdefault(item.section_zh, {})[item.label_zh] = {
            m.label_zh: V[forms.t2_cell(item.id, m.id)] for m in item.measures}
    t3: dict = {}
    for row in forms.T3_ROWS_2021:
        at = t3
        for group in _groups(row):
            at = at.setdefault(group, {})
        at[row.label_zh] = dict(zip((c.label_zh for c in forms.T3_COLUMNS), _t3_numbers(row)))
    t4 = {"行政复议": dict(zip((c.label_zh for c in forms.T4_COLUMNS), _t4_numbers(forms.T4_GROUPS[0]))),
          "行政诉讼": {g.label_zh.split("·")[1]: dict(zip((c.label_zh for c in forms.T4_COLUMNS), _t4_numbers(g)))
                   for g in forms.T4_GROUPS[1:]}}
    return {"table2": t2, "table3": t3, "table4": t4}


def records() -> dict:
    """A record a row: its group and name beside its values, under the columns the table names once (or the
    record itself); table 4 one list of 15 values under its groups and columns."""
    t2 = [{"section": item.section_zh, "name": item.label_zh, "headers": [m.label_zh for m in item.measures],
           "values": [V[forms.t2_cell(item.id, m.id)] for m in item.measures]} for item in forms.T2_2021]
    t3 = {"columns": [c.label_zh for c in forms.T3_COLUMNS],
          "rows": [{"id": f"r{k}", "name": row.label_zh, "values": _t3_numbers(row),
                    **({"group": row.group_zh} if row.group_zh else {})} for k, row in enumerate(forms.T3_ROWS_2021)]}
    t4 = {"groups": list(GROUPS), "columns": [c.label_zh for c in forms.T4_COLUMNS],
          "values": [n for g in forms.T4_GROUPS for n in _t4_numbers(g)]}
    return {"table2": t2, "table3": t3, "table4": t4}


def columns_and_grids() -> dict:
    """Table 3 a list a column (series: {"自然人": […], …}) beside its rows' names; table 4 a list a row."""
    t3 = {"rowKeys": ["/".join([*_groups(row)[1:], row.label_zh]) for row in forms.T3_ROWS_2021],
          "series": {c.label_zh: [V[forms.t3_cell(row.id, c.id)] for row in forms.T3_ROWS_2021]
                     for c in forms.T3_COLUMNS}}
    t4 = {"rows": list(GROUPS), "headers": [c.label_zh for c in forms.T4_COLUMNS],
          "data": [_t4_numbers(g) for g in forms.T4_GROUPS]}
    return {"table2": keyed()["table2"], "table3": t3, "table4": t4}


def lists_of_lists() -> dict:
    """Table 3 as a grid: a first row of the columns' names, then a row's names and its values."""
    t3 = [["类别", "项目", *(c.label_zh for c in forms.T3_COLUMNS)],
          *([" ".join(_groups(row)[1:]), row.label_zh, *_t3_numbers(row)] for row in forms.T3_ROWS_2021)]
    return {**records(), "table3": t3}


def page(script: str) -> str:
    """The report's page as the server sent it: the prose, each table an empty shell, the data in ``script``."""
    body = html_body([block if isinstance(block, str) else [] for block in blocks(V)])
    return html_page(body.replace('<table border="1" cellspacing="0"></table>', SHELL) + script)


def as_javascript(data: dict) -> str:
    """An object literal as a program writes it: its keys unquoted where they are names."""
    return re.sub(r'"([A-Za-z_$][\w$]*)":', r"\1:", json.dumps(data, ensure_ascii=False))


def headers_beside() -> dict:
    """A page's own store, as its render script reads it: each table's rows as records ({group, label, values}),
    table 3's counts as strings, its columns in a key named after it (t3cols beside t3); table 2's columns in a header
    of each kind of row (docs, single, fees: a row takes the one as long as its values); table 4's rows in no header
    (the script prints them in the form's order)."""
    kinds = {len(item.measures): [m.label_zh for m in item.measures] for item in forms.T2_2021}
    return {"t2": [{"section": item.section_zh, "label": item.label_zh,
                    "values": [V[forms.t2_cell(item.id, m.id)] for m in item.measures]} for item in forms.T2_2021],
            "t2head": {"docs": kinds[3], "single": kinds[1], "fees": ["本年收费金额（单位：万元）", "备注"]},
            "t3cols": [c.label_zh for c in forms.T3_COLUMNS],
            "t3": [{"group": row.group_zh or "", "label": row.label_zh, "values": [str(n) for n in _t3_numbers(row)]}
                   for row in forms.T3_ROWS_2021],
            "t4": [{"type": group.label_zh.split("·")[-1], "values": _t4_numbers(group)} for group in forms.T4_GROUPS]}


SCRIPTS = {
    "initial state": lambda: ("<script>window.__INITIAL_STATE__ = "
                              + json.dumps({"article": {"views": 1234, "tables": keyed()}}, ensure_ascii=False)
                              + ";</script>"),
    "next data": lambda: ('<script id="__NEXT_DATA__" type="application/json">'
                          + json.dumps({"props": {"pageProps": {"report": columns_and_grids()}}}, ensure_ascii=False)
                          + "</script>"),
    "vue data": lambda: ("<script>var vm = new Vue({ el: '#app', data: " + as_javascript(records())
                         + ", methods: { print: function () { window.print(); } } });</script>"),
    "json in a string": lambda: ("<script>window.__PRELOADED_STATE__ = JSON.parse("
                                 + json.dumps(json.dumps({"reportData": lists_of_lists()}, ensure_ascii=False),
                                              ensure_ascii=False) + ");</script>"),
    "headers beside": lambda: ("<script>var tableData = " + json.dumps(headers_beside(), ensure_ascii=False)
                               + "; fill('t2', tableData.t2); fill('t3', tableData.t3);</script>"),
}


@pytest.mark.parametrize("kind", SCRIPTS)
def test_tables_kept_only_in_a_script_s_data_are_read(kind):
    """Blind round 237 (h1066, a render script's own stores): counts written as strings ("85") were no numbers, so
    table 3 was no table; columns in a key named after the table (t3cols) or by kind of row (t2head: {docs, single})
    named nothing; table 4's rows under no header were lost: 907 cells missed in 10 pages."""
    report = extract_bytes(page(SCRIPTS[kind]()).encode(), "report.html")
    assert_every_cell(report, V)


def test_a_page_that_shows_its_tables_is_read_as_shown_not_from_its_data():
    """The data of a page rendered on the server (its tables printed, the state kept for the browser): the tables
    are read once, from the page; the state's copy, here of another year's figures, is not read."""
    other = values(seed=9)
    state = {"table3": {"columns": [c.label_zh for c in forms.T3_COLUMNS],
                        "rows": [{"name": row.label_zh, "values": [other[forms.t3_cell(row.id, c.id)]
                                                                   for c in forms.T3_COLUMNS]}
                                 for row in forms.T3_ROWS_2021]}}
    shown = html_page(html_body(blocks(V)) + f"<script>window.__INITIAL_STATE__ = {json.dumps(state)};</script>")
    assert_every_cell(extract_bytes(shown.encode(), "report.html"), V)


def test_a_script_s_data_without_the_form_s_names_is_no_table():
    """A chart's series and a page's counters (numbers, but no row or column of the form) are not cells."""
    chart = {"chart": {"labels": ["一月", "二月", "三月"], "series": {"访问量": [120, 340, 560]}}, "views": 9876}
    report = extract_bytes(page(f"<script>window.__INITIAL_STATE__ = {json.dumps(chart)};</script>").encode(),
                           "report.html")
    assert all(cell.value is None for cell in report.cells.values())


@pytest.mark.parametrize(("data", "lines"), [
    ({"t": {"headers": ["本年制发件数", "现行有效件数"], "name": "规章", "section": "第二十条第（一）项", "values": [1, 2]}},
     ["第二十条第（一）项 · 规章 · 本年制发件数：1", "第二十条第（一）项 · 规章 · 现行有效件数：2"]),
    ({"rows": ["行政复议", "复议后起诉"], "columns": ["维持", "纠正"], "values": [1, 2, 3, 4]},
     ["行政复议 · 维持：1", "行政复议 · 纠正：2", "复议后起诉 · 维持：3", "复议后起诉 · 纠正：4"]),
    ({"rowKeys": ["予以公开", "部分公开"], "series": {"自然人": [5, None], "总计": ["6", "无"]}},
     ["予以公开 · 自然人：5", "部分公开 · 自然人：", "予以公开 · 总计：6", "部分公开 · 总计：无"]),
    ([["", "自然人", "总计"], ["予以公开", 1, 2]], ["予以公开 · 自然人：1", "予以公开 · 总计：2"]),
    ([{"项目": "予以公开", "自然人": 1, "总计": "—"}], ["予以公开 · 自然人：1", "予以公开 · 总计：—"]),
    # rows keyed by their labels, each under the header of its length; one no header names: its values in order
    ({"规章": [1, 0, 2], "行政许可": [5], "head": {"docs": ["本年制发件数", "本年废止件数", "现行有效件数"],
                                              "single": ["本年处理决定数量"]}},
     ["规章 · 本年制发件数：1", "规章 · 本年废止件数：0", "规章 · 现行有效件数：2", "行政许可 · 本年处理决定数量：5"]),
    ({"type": "行政复议", "values": [1, 0, 0, 1, 2]}, ["行政复议\t1\t0\t0\t1\t2"]),
])
def test_each_shape_of_a_table_s_data_names_its_cells(data, lines):
    """Program keys (t, rows, series) name nothing; a record's group comes before its name."""
    assert named_lines(json_leaves(data)) == lines



def test_a_script_s_data_nested_past_any_table_is_read_past_not_failed_on():
    """A hostile page's state nested thousands deep beside the form's names: no table, and no error for the file."""
    deep = "[" * 950 + "]" * 950  # (deeper than Python recurses, not so deep that the JSON decoder refuses it)
    script = f'<script>window.__INITIAL_STATE__ = {{"自然人": 1, "商业企业": 3, "x": {deep}, "总计": 4}};</script>'
    report = extract_bytes(page(script).encode(), "report.html")
    assert all(cell.value is None for cell in report.cells.values())
