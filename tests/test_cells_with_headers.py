"""Word tables built irregularly: a cell printing its column's name above its value (a line break between them),
the header row left out; a grid drawn by hand, its values among empty cells."""

from __future__ import annotations

import random

import pytest

from builder import forms, synthetic
from builder.extraction.extract import extract_bytes
from builder.forms import GOV_2021

from .test_layouts import AGENCY, extract_text, replace_line
from .test_table_rows import DEFINITE, values

T4_IDS = [forms.t4_cell(g.id, c.id) for g in forms.T4_GROUPS for c in forms.T4_COLUMNS]


def t4_headed_row(v: dict, gap: str = " ") -> str:
    """Table 4's values, each in a cell after its result's name (结果维持 2 ⇥ 结果纠正 0 ⇥ …)."""
    return "\t".join(f"{c.label_zh}{gap}{v[forms.t4_cell(g.id, c.id)]}" for g in forms.T4_GROUPS for c in forms.T4_COLUMNS)


@pytest.mark.parametrize("gap", [" ", ""])
def test_table_4_cells_printing_their_result_s_name_above_their_value_are_read(gap):
    """Blind round 139 (Word cells of a label and a number parted by a line break): table 4's row printed 结果维持 2 ⇥
    结果纠正 0 ⇥ … under its groups' header, no results' header row; its 15 cells were lost (a list of named values
    naming no group)."""
    v = values(seed=6)
    text = synthetic.render(AGENCY, 2022, GOV_2021, v, "tab")
    lines = text.split("\n")
    start = next(k for k, line in enumerate(lines) if line.startswith("四、政府信息公开行政复议"))
    end = next(k for k, line in enumerate(lines) if line.startswith("五、"))
    table = ["行政复议" + "\t" * 5 + "行政诉讼" + "\t" * 9,  # (a Word table's rows, each as wide as its grid)
             "\t" * 5 + "未经复议直接起诉" + "\t" * 5 + "复议后起诉" + "\t" * 4, t4_headed_row(v, gap)]
    rep = extract_text("\n".join([*lines[:start + 1], *table, "", *lines[end:]]))
    assert [(k, rep.cells[k].value) for k in T4_IDS if rep.cells[k].value != v[k]] == []
    assert all(rep.cells[k].status in DEFINITE for k in T4_IDS)


def test_table_2_cells_printing_their_measure_s_name_above_their_value_are_read():
    """规章 ⇥ 本年制发件数 0 ⇥ 本年废止件数 0 ⇥ 现行有效件数 0: read as the three measures' values, all zero as printed."""
    v = values(seed=6)
    text = synthetic.render(AGENCY, 2022, GOV_2021, v, "tab")
    for item in ("规章", "规范性文件"):
        key = "rules" if item == "规章" else "normative_docs"
        cells = [f"{label} {v[f't2.{key}.{m}']}" for label, m in
                 (("本年制发件数", "issued"), ("本年废止件数", "repealed"), ("现行有效件数", "in_force"))]
        text = replace_line(text, item + "\t", "\t".join([item, *cells]))
    rep = extract_text(text)
    for key in ("rules", "normative_docs"):
        for measure in ("issued", "repealed", "in_force"):
            cell = rep.cells[f"t2.{key}.{measure}"]
            assert (cell.value, cell.status in DEFINITE) == (v[f"t2.{key}.{measure}"], True), (key, measure)


@pytest.mark.parametrize("sep", ["｜", "\t"])
def test_rows_written_as_name_value_pairs_between_bars_are_read(sep):
    """Blind round 142 (a short-video platform's caption): each row its label, a colon, then name-value pairs between
    bars or tabs (申请数量：自然人 6｜商业企业 0｜…｜总计 6; 规章｜本年新制作 0｜本年新公开 0｜对外公开总数量 0, 2019's
    measures without their 数量). Only the last pair was read: table 3 printed its 总计 only, table 2 only 对外公开总数量."""
    v = synthetic.consistent_values(random.Random(7), forms.GOV_2019)
    form = forms.FORMS[forms.GOV_2019]
    # (tab-parted, a Word table's: a row of two measures ends in an empty cell, the others' rows have values in all
    # three, 本年增/减 a name with a slash; a mix of such rows was read as two kinds of rows)
    t2 = [item.label_zh + sep + sep.join(f"{m.label_zh.removesuffix('数量')} {synthetic._fmt(v[forms.t2_cell(item.id, m.id)])}"
                                         for m in item.measures) + sep * (3 - len(item.measures) if sep == "\t" else 0)
          for item in form.t2]
    t3 = [f"{row.group_zh}{row.label_zh}：" + sep.join(f"{c.label_zh} {v[forms.t3_cell(row.id, c.id)]}" for c in forms.T3_COLUMNS)
          for row in form.t3_rows]
    text = synthetic.render(AGENCY, 2020, forms.GOV_2019, v, "tab").split("\n")
    start = next(k for k, line in enumerate(text) if line.startswith("二、主动公开"))
    t4 = next(k for k, line in enumerate(text) if line.startswith("四、政府信息公开行政复议"))
    middle = [text[start], *t2, "三、收到和处理政府信息公开申请情况", *t3]
    rep = extract_text("\n".join([*text[:start], *middle, *text[t4:]]))
    t2_t3 = [c.id for c in forms.cells(forms.GOV_2019) if c.id.startswith(("t2.", "t3."))]
    assert [(k, rep.cells[k].value, v[k]) for k in t2_t3 if (rep.cells[k].value, rep.cells[k].status in DEFINITE)
            != (v[k], True)] == []


def test_a_name_and_value_cell_among_a_row_s_label_cells_is_no_headed_row():
    """Only rows of three such cells or more: 行政强制 160 ⇥ 3 is a label and its value, read as before."""
    from builder.extraction.layout import headed_rows

    lines = ["行政强制 160\t3", "结果维持 2\t其他说明", "规章\t本年制发件数 0\t本年废止件数 1\t说明"]
    assert headed_rows(lines) == lines


def test_a_hand_drawn_grid_s_row_of_counts_grouped_in_thousands_is_read_among_its_empty_cells():
    """Blind round 139 (Word's 'draw table': each value spanning 1, 3 or 5 grid columns, empty cells between): a
    row with a count grouped in thousands (1,411 | ␣ | ␣ | 406 | 7 | …) was not read apart from its empty cells, as
    its neighbours of plain digits were, and was unsure."""
    v = values(rows={"granted": [1411, 406, 7, 10, 58, 25]})
    text = synthetic.render(AGENCY, 2022, GOV_2021, v, "tab")
    lines = text.split("\n")
    out = []
    for line in lines:
        cells = line.split("\t")
        if len(cells) == 8 and all(c.replace(",", "").isdigit() for c in cells[1:]):
            counts = [f"{int(c):,}" for c in cells[1:]]
            line = "\t".join([cells[0], "", counts[0], "", "", counts[1], counts[2], "", "", counts[3], counts[4],
                              "", "", counts[5], counts[6]])
        out.append(line)
    rep = extract_text("\n".join(out))
    for column, expected in zip(forms.T3_COLUMNS, [1411, 406, 7, 10, 58, 25]):
        cell = rep.cells[forms.t3_cell("granted", column.id)]
        assert (cell.value, cell.status in DEFINITE) == (expected, True), column.id


def _spread(line: str, zero: str = "0") -> str:
    """A tab row of seven values as a sheet's grid prints it: empty spacer places after the first five, zeros as
    ``zero`` (an accounting format's -)."""
    cells = line.split("\t")
    if len(cells) != 8 or not all(c.replace(",", "").isdigit() for c in cells[1:]):
        return line
    shown = [zero if c == "0" else c for c in cells[1:]]
    return "\t".join([cells[0], "", shown[0], "", shown[1], "", shown[2], "", shown[3], "", shown[4], shown[5],
                      shown[6], ""])


def test_a_sheet_s_rows_with_spacer_places_and_dashes_for_zero_are_read_and_a_wrong_total_shows():
    """Blind round 141 (Excel's web page export): zeros shown as - and empty places of merged cells between the values;
    the - was no count, so no row was read apart from its empty places (742 cells unsure). A row whose total is
    misprinted, its empty places where the others' are, is read in place: its sums fail for the reader to see."""
    from builder.checks import check_report, outcomes

    v = values(seed=6)
    text = synthetic.render(AGENCY, 2022, GOV_2021, v, "tab")
    granted = forms.t3_cell("granted", "total")
    lines = [_spread(line, "-") for line in text.split("\n")]
    wrong_at = next(k for k, line in enumerate(lines) if line.startswith("三、本年度办理结果") or "予以公开" in line)
    cells = lines[wrong_at].split("\t")
    cells[-2] = str(v[granted] + 1)
    lines[wrong_at] = "\t".join(cells)
    rep = extract_text("\n".join(lines))
    t3 = [k for k in v if k.startswith("t3.") and k != granted]
    assert [k for k in t3 if (rep.cells[k].value, rep.cells[k].status in DEFINITE) != (v[k], True)] == []
    assert rep.cells[granted].value == v[granted] + 1
    check_report(rep)
    assert outcomes(rep)["t3.total_rows"] == "fail"


@pytest.mark.parametrize("corner", ["本年度情况", "申请人情况本年度情况", "本年度情况＼申请人情况", "申请人情况/数量/本年度情况"])
def test_table_3_s_corner_cell_split_by_a_diagonal_on_the_line_of_its_columns_is_no_column(corner):
    """Blind round 194 (h690, 斜线表头): the corner cell holds the rows' heading and the columns' (本年度情况＼申请人情况)
    on the line naming the columns, no 申请人情况 line above: its words were read as a column of the table's own, one
    more than the rows print, and every row of table 3 unsure."""
    v = synthetic.consistent_values(random.Random(3), "gov-2021")
    lines = synthetic.render(AGENCY, 2023, "gov-2021", v, "tab").split("\n")
    at = next(k for k, line in enumerate(lines) if line.startswith("（本列数据的勾稽关系为"))
    end = next(k for k, line in enumerate(lines) if line.startswith("四、政府信息公开行政复议"))
    rows, shown = [], set()  # (a web table's rows: the labels over three columns, a group's merged cell printed once)
    for row in forms.FORMS["gov-2021"].t3_rows:
        outer = "三、本年度办理结果" if row.group_zh else ""
        inner = row.group_zh if row.group_zh[:1] == "（" else ""
        labels = [row.label_zh, "", ""] if not outer else [outer, inner, row.label_zh] if inner else [outer, row.label_zh, ""]
        labels = [label if label not in shown or label == row.label_zh else "" for label in labels]
        shown |= {outer, inner}
        rows.append("\t".join([*labels, *(str(v[forms.t3_cell(row.id, c.id)]) for c in forms.T3_COLUMNS)]))
    lines[at:end] = [f"{corner}\t\t\t自然人\t法人或其他组织\t\t\t\t\t总计",
                     "\t\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t", *rows]
    report = extract_bytes("\n".join(lines).encode(), "report.txt")
    assert {c.id: report.value(c.id) for c in forms.cells("gov-2021") if c.table == "t3"} == {
        c.id: v[c.id] for c in forms.cells("gov-2021") if c.table == "t3"}


def test_a_responsive_table_s_cells_naming_their_column_and_group_are_read_under_a_hidden_header():
    """Blind round 199 (mobile-first pages): each cell printed its column's name before its value (the desktop header
    hidden with display:none): table 2's one-measure rows (行政许可 ⇥ 本年处理决定数量5051) and table 4's cells, named with
    their group too (行政复议·结果维持0), were lost; a township's 规章 ⇥ 无 ⇥ 无 ⇥ 无, first under the section with no header
    above it, was left out of table 2."""
    v = values(seed=6)
    v.update({f"t2.rules.{m}": 0 for m in ("issued", "repealed", "in_force")})
    lines = synthetic.render(AGENCY, 2022, GOV_2021, v, "tab").split("\n")
    start = next(k for k, line in enumerate(lines) if line.startswith("二、主动公开"))
    t3 = next(k for k, line in enumerate(lines) if line.startswith("三、收到和处理"))
    t4 = next(k for k, line in enumerate(lines) if line.startswith("四、政府信息公开行政复议"))
    end = next(k for k, line in enumerate(lines) if line.startswith("五、"))
    form = forms.FORMS[GOV_2021]
    t2 = ["规章\t无\t无\t无"]
    for item in form.t2[1:]:
        measures = [f"{m.label_zh}{synthetic._fmt(v[forms.t2_cell(item.id, m.id)])}" for m in item.measures]
        t2 += [item.label_zh + "\t" + "\t".join(measures)] if len(item.measures) == 1 else [
            "\t".join([item.label_zh, *(str(v[forms.t2_cell(item.id, m.id)]) for m in item.measures)])]
    groups = {"admin_review": "行政复议", "litigation_direct": "行政诉讼（未经复议直接起诉）",
              "litigation_after_review": "行政诉讼（复议后起诉）"}
    t4_row = "\t".join(f"{groups[g.id]}·{c.label_zh}{v[forms.t4_cell(g.id, c.id)]}"
                       for g in forms.T4_GROUPS for c in forms.T4_COLUMNS)
    rep = extract_text("\n".join([*lines[:start + 1], *t2, *lines[t3:t4 + 1], t4_row, *lines[end:]]))
    t2_t4 = [c.id for c in forms.cells(GOV_2021) if c.id.startswith(("t2.", "t4."))]
    assert [(k, rep.cells[k].value, v[k]) for k in t2_t4 if (rep.cells[k].value, rep.cells[k].status in DEFINITE)
            != (v[k], True)] == []
    assert [rep.cells[f"t2.rules.{m}"].raw for m in ("issued", "repealed", "in_force")] == ["无"] * 3
