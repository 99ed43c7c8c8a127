"""Tables that say "none" once for several cells (a cell merged across a row, down over rows, or over table 4's
groups): every cell it covers is 0, the rest as printed; never a row's figure put in another's place."""

from __future__ import annotations

import re

import pytest

from builder import forms, synthetic
from builder.forms import GOV_2021

from .official_form import rebalance
from .test_layouts import AGENCY, extract_text
from .test_table_rows import DEFINITE, values, wrong_t3

DENIED = [r for r in forms.FORMS[GOV_2021].t3_rows if r.id.startswith("denied.")]
T4_IDS = [forms.t4_cell(g.id, c.id) for g in forms.T4_GROUPS for c in forms.T4_COLUMNS]


def zero_rows_values() -> dict:
    return values(rows={"carried_over": [0] * 6, **{r.id: [0] * 6 for r in DENIED}})


def with_rows(text: str, rows: dict[str, str]) -> str:
    """``text`` with the table-3 lines starting with each key replaced by its value."""
    out = []
    for line in text.split("\n"):
        key = next((k for k in rows if line.startswith(k)), None)
        out.append(line if key is None else rows[key])
    return "\n".join(out)


@pytest.mark.parametrize("said, grid", [("无", False), ("本年度无此类情况", False), ("本年度无此类情况", True)])
def test_a_row_said_none_in_one_merged_cell_is_zero_throughout(said, grid):
    """二、上年结转… | 无 (one cell merged across the row; a Word table gives the words then empty places): one value for
    seven cells was unsure; the row is 0 throughout. Blind round 140."""
    v = zero_rows_values()
    text = synthetic.render(AGENCY, 2022, GOV_2021, v, "tab")
    cell = said + ("\t" * 6 if grid else "")  # (无 then empty places may be a cell and blanks: not read as merged)
    rep = extract_text(with_rows(text, {"二、上年结转": "二、上年结转政府信息公开申请数量\t" + cell}))
    assert wrong_t3(rep, v) == []
    assert [(c.value, c.status) for c in (rep.cells[forms.t3_cell("carried_over", col.id)] for col in forms.T3_COLUMNS)
            ] == [(0, "none")] * 7


def with_denied(text: str, first: str, others: list[str]) -> str:
    """``text`` with table 3's eight 不予公开 lines printed as ``first`` and ``others``."""
    lines = text.split("\n")
    at = next(k for k, line in enumerate(lines) if line.startswith(DENIED[0].group_zh))
    return "\n".join([*lines[:at], first, *others, *lines[at + len(DENIED):]])


@pytest.mark.parametrize("said, empty_places", [("无", False), ("本年度无此类情况", False), ("本年度无此类情况", True)])
def test_a_cell_merged_down_over_rows_printing_only_their_labels_is_zero_for_each(said, empty_places):
    """（三）不予公开 ⇥ 1.属于国家秘密 ⇥ 无, then 2.… to 8.… a line each with no cell (HTML's rowspan, copied; a Word
    table's covered places empty): the eight rows are 0. Blind round 140."""
    v = zero_rows_values()
    text = synthetic.render(AGENCY, 2022, GOV_2021, v, "tab")
    first = f"{DENIED[0].group_zh}\t{DENIED[0].label_zh}\t{said}" + ("\t" * 6 if empty_places else "")
    others = [f"\t{r.label_zh}" + ("\t" * 7 if empty_places else "") for r in DENIED[1:]]
    rep = extract_text(with_denied(text, first, others))
    assert wrong_t3(rep, v) == []
    for row in DENIED:
        assert all((rep.cells[forms.t3_cell(row.id, c.id)].value, rep.cells[forms.t3_cell(row.id, c.id)].status in
                    DEFINITE) == (0, True) for c in forms.T3_COLUMNS), row.id


def test_rows_printing_only_labels_under_a_row_of_numbers_are_not_zeroed():
    """Only under a row said none in one cell: label lines under a row of numbers stay unprinted (blank or missing),
    whatever the sums may later infer."""
    v = zero_rows_values()
    text = synthetic.render(AGENCY, 2022, GOV_2021, v, "tab")
    first = f"{DENIED[0].group_zh}\t{DENIED[0].label_zh}" + "\t0" * 7
    rep = extract_text(with_denied(text, first, [f"\t{r.label_zh}" for r in DENIED[1:]]))
    assert rep.cells[forms.t3_cell(DENIED[3].id, "total")].status not in ("none", "reported")


def _t4_text(v: dict, row: str) -> str:
    text = synthetic.render(AGENCY, 2022, GOV_2021, v, "tab")
    lines = text.split("\n")
    k = next(k for k, line in enumerate(lines) if line.startswith("五、")) - 1
    while not lines[k].strip():
        k -= 1
    lines[k] = row
    return "\n".join(lines)


@pytest.mark.parametrize("case", ["last group", "litigation", "whole table", "whole table, a full stop",
                                  "whole table, no 案件"])
def test_table_4_groups_said_none_in_one_merged_cell_are_zero(case):
    """2 0 0 1 3 | 1 0 0 0 1 | 无 (the last group merged), 1 0 0 0 1 | 无 (行政诉讼's ten), or one cell for the table
    (本年度未发生政府信息公开行政复议、行政诉讼案件 then empty places): those cells 0, the others as printed. Blind round
    185 (h624: Word's merged zero cells): the one cell's sentence ending in 。 was taken for prose, and table 4 lost.
    Round 196 (h710): the cell saying 本年度未发生政府信息公开行政复议、行政诉讼, no 案件 after it, was no statement of none."""
    v = values()
    for cell in T4_IDS:
        v[cell] = 0
    printed = {"last group": [2, 0, 0, 1, 3, 1, 0, 0, 0, 1], "litigation": [1, 0, 0, 0, 1]}.get(case, [])
    for cell, value in zip(T4_IDS, printed):
        v[cell] = value
    said = "本年度未发生政府信息公开行政复议、行政诉讼" + ("" if case.endswith("no 案件") else "案件") + (
        "。" if case.endswith("full stop") else "")
    row = "\t".join(map(str, printed)) + ("\t无" if printed else said + "\t" * 14)
    rep = extract_text(_t4_text(v, row))
    assert [(k, rep.cells[k].value) for k in T4_IDS if rep.cells[k].value != v[k]] == []
    assert all(rep.cells[k].status in DEFINITE for k in T4_IDS)


def test_a_table_4_row_said_none_where_no_spread_adds_up_is_not_filled():
    """2 0 0 1 4 | 无: the first group does not add up, so no spreading of 无 is taken for sure."""
    v = values()
    rep = extract_text(_t4_text(v, "2\t0\t0\t1\t4\t无"))
    assert not all(rep.cells[k].status in DEFINITE for k in T4_IDS[5:])


def test_a_row_whose_line_prints_more_figures_than_its_one_cell_is_not_said_none():
    """Blind round 149 (R Markdown): a row written as code ("（六）其他处理 1.…", 0L, 1L, 2L, 0L, 1L, 0L, 4L,) gave the row
    reader one cell, 0, and the rest as rows of their own: the row was read as said none, 0 throughout, where it
    printed 1, 2 and 4 (wrong, silently). A line printing more figures than its label and that one cell is no such
    row: its cells are unsure."""
    row = forms.T3_OTHER_2021[0]
    v = values()
    for column, figure in zip(forms.T3_APPLICANTS, (0, 1, 2, 0, 1, 0), strict=True):
        v[forms.t3_cell(row.id, column)] = figure
    v = rebalance(v)
    text = synthetic.render(AGENCY, 2022, GOV_2021, v, "tab")
    figures = [v[forms.t3_cell(row.id, c.id)] for c in forms.T3_COLUMNS]
    lines = text.split("\n")
    k = next(k for k, line in enumerate(lines) if row.label_zh in line)
    lines[k] = f'"{row.group_zh} {row.label_zh}", ' + ", ".join(f"{f}L" for f in [0, *figures[1:]]) + ","
    rep = extract_text("\n".join(lines))
    for c, figure in zip(forms.T3_COLUMNS[1:], figures[1:], strict=True):
        read = rep.cells[forms.t3_cell(row.id, c.id)]
        assert read.value in (figure, None), c.id


@pytest.mark.parametrize("said", ["本机关无规章制定权", "本单位不具有规章制定权限"])
def test_table_2_s_rules_row_said_to_have_no_power_to_make_rules_is_zero(said):
    """Blind round 196 (h710): 规章 | 本机关无规章制定权 (one cell merged across the row's three): a body that may make no
    rules made, repealed and holds none; the row was read blank."""
    text = synthetic.render(AGENCY, 2023, GOV_2021, values(), "tab")
    rep = extract_text(re.sub(r"(?m)^规章\t.*$", f"规章\t{said}\t\t", text))
    assert [(rep.cells[k].value, rep.cells[k].status) for k in ("t2.rules.issued", "t2.rules.repealed",
                                                                 "t2.rules.in_force")] == [(0, "none")] * 3
