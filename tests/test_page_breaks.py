"""Tables a page break cuts, as PDF text keeps the page (pdftotext, a converter's copy): the page's folio and
running head, then the table's header printed again, land inside a row; the row's last values, or the last digits of
its last number, open the next page. Read whole where the row's total then holds, or where the rows' own structure
says so; never a value taken from the header or the folio."""

from __future__ import annotations

import random
import re

import pytest

from builder import forms, synthetic
from builder.extraction.extract import extract_bytes
from builder.forms import GOV_2019, GOV_2021

from .test_layouts import AGENCY, extract_text, values

HEAD = f"{AGENCY}2022年政府信息公开工作年度报告"
HEADER = ["申请人情况", "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
          "自然人 法人或其他组织 总计", "商业企业 科研机构 社会公益组织 法律服务机构 其他"]


def page_break(number: int, header: bool = True) -> list[str]:
    return ["", f"— {number} —", "\f" + HEAD, "", *(HEADER if header else [])]


def with_break_in(text: str, row_start: str, kept: int, header: bool = True) -> str:
    """The report's text with a page break after the first ``kept`` values of the row starting ``row_start`` (its other
    values opening the next page, set right as pdftotext sets them), and one more break in its prose."""
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if row_start in line)
    label, *cells = lines[at].rsplit(" ", 7)
    rest = " ".join(cells[kept:])
    lines[at:at + 1] = [" ".join([label, *cells[:kept]]), *page_break(3, header), " " * 60 + rest]
    prose = lines.index("五、存在的主要问题及改进情况")
    lines[prose:prose] = page_break(4, header=False)
    return "\n".join(lines)


def assert_table_3(report, v: dict, template: str = GOV_2021) -> None:
    for cell in forms.cells(template):
        if cell.table == "t3":
            assert (report.cells[cell.id].value, report.cells[cell.id].status) == (v[cell.id], "reported"), cell.id


@pytest.mark.parametrize("kept", [2, 5, 6])
@pytest.mark.parametrize("row", ["2.其他法律行政法规禁止公开", "（四）无法提供", "（七）总计"])
def test_a_row_cut_by_a_page_break_under_its_header_again_is_one_row(row, kept):
    """Its values after the header printed again were taken for a table printed in strips, and the row was unsure."""
    v = values(GOV_2021)
    report = extract_text(with_break_in(synthetic.render(AGENCY, 2022, GOV_2021, v, "space"), row, kept))
    assert_table_3(report, v)


@pytest.mark.parametrize("row, digits", [("（七）总计", 1), ("四、结转下年度继续办理", 1), ("（一）予以公开", 1)])
def test_a_number_cut_by_a_page_break_is_joined_where_the_row_s_total_then_holds(row, digits):
    """（七）总计 … 6 / the next page / 2 was read as a total of 6, and the sums failed on a table that holds."""
    v = values(GOV_2021)
    total = forms.t3_cell(forms.T3_ROWS_2021[[r.label_zh for r in forms.T3_ROWS_2021].index(
        next(r.label_zh for r in forms.T3_ROWS_2021 if r.label_zh.startswith(row)))].id, "total")
    if v[total] < 10:
        v = {**v, **{c: x * 11 for c, x in v.items() if c.startswith("t3.")}}
    lines = synthetic.render(AGENCY, 2022, GOV_2021, v, "space").split("\n")
    at = next(i for i, line in enumerate(lines) if row in line and line.rstrip().endswith(str(v[total])))
    printed = str(v[total])
    lines[at:at + 1] = [lines[at][:-digits], *page_break(3, header=False), " " * 80 + printed[-digits:]]
    report = extract_text("\n".join(lines))
    assert_table_3(report, v)


def test_a_number_cut_by_a_page_break_stays_cut_where_no_sum_says_so():
    """A lone number after the break that makes no row's total hold is no digit of it: the row stays as printed."""
    v = values(GOV_2021)
    lines = synthetic.render(AGENCY, 2022, GOV_2021, v, "space").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("（七）总计"))
    lines[at + 1:at + 1] = [*page_break(3, header=False), " " * 80 + "7"]
    report = extract_text("\n".join(lines))
    assert report.cells["t3.total.total"].value == v["t3.total.total"]


def test_a_table_2_row_of_cells_cut_by_a_page_is_one_row():
    """A PDF's ruled table gives the row's two halves as rows of their own, each empty where the other is not
    (其他对外管理服务事项 | 30 | | then | | 0 | 1434): the second's values were lost."""
    v = {**values(GOV_2019), "t2.other_services.prev_items": 30, "t2.other_services.change": 0,
         "t2.other_services.decisions": 1434}
    text = synthetic.render(AGENCY, 2020, GOV_2019, v, "tab")
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("其他对外管理服务事项"))
    lines[at:at + 1] = ["其他对外管理服务事项\t30\t\t", "\t\t0\t1434"]
    report = extract_text("\n".join(lines))
    assert [report.cells[f"t2.other_services.{m}"].value for m in ("prev_items", "change", "decisions")] == [30, 0, 1434]


@pytest.mark.parametrize("layout", ["tab", "space"])
def test_a_table_2_row_whose_last_value_a_line_break_moved_is_one_row(layout):
    """行政规范性文件 ⇥ 12 ⇥ 8 ⏎ 103: 现行有效件数 was unsure."""
    v = {**values(GOV_2021), "t2.normative_docs.issued": 12, "t2.normative_docs.repealed": 8,
         "t2.normative_docs.in_force": 103}
    sep = "\t" if layout == "tab" else " "
    text = synthetic.render(AGENCY, 2022, GOV_2021, v, layout)
    text = text.replace(sep.join(["规范性文件", "12", "8", "103"]), sep.join(["规范性文件", "12", "8"]) + "\n103")
    report = extract_text(text)
    assert [report.cells[f"t2.normative_docs.{m}"].value for m in ("issued", "repealed", "in_force")] == [12, 8, 103]


def test_a_lone_value_before_the_next_item_s_label_stays_that_item_s():
    """Values printed before their labels (PDF text): 行政规范性文件 12 8 ⏎ 5 ⏎ 行政许可 is no 规范性文件 row of three."""
    v = {**values(GOV_2021), "t2.normative_docs.issued": 12, "t2.normative_docs.repealed": 8,
         "t2.normative_docs.in_force": 103, "t2.licensing.decisions": 5}
    text = synthetic.render(AGENCY, 2022, GOV_2021, v, "tab")
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("规范性文件"))
    lines[at] = "规范性文件\t12\t8"
    licensing = next(i for i, line in enumerate(lines) if line.startswith("行政许可"))
    lines[licensing:licensing + 1] = ["5", "行政许可"]
    report = extract_text("\n".join(lines))
    assert report.cells["t2.normative_docs.in_force"].value != 5


@pytest.mark.parametrize("caption", ["（接上表）", "表3（续）", "续表3", "（上接第4页）续表："])
def test_table_3_s_second_part_printed_after_table_4_under_a_continued_caption_is_table_3_s(caption):
    """Blind round 195 (h700): table 3 printed in two parts, section 四 with table 4 between them, the second part under
    a caption saying it goes on (（接上表）, 表3（续）): its rows stood in table 4's region, and table 3 lost them (91
    cells in each of three files)."""
    v = synthetic.consistent_values(random.Random(21), "gov-2021")
    lines = synthetic.render("彭阳县人民政府", 2023, "gov-2021", v, "tab").split("\n")
    split = next(k for k, line in enumerate(lines) if line.startswith("（四）无法提供"))
    t4 = next(k for k, line in enumerate(lines) if line.startswith("四、政府信息公开行政复议"))
    t5 = next(k for k, line in enumerate(lines) if line.startswith("五、"))
    moved = lines[:split] + lines[t4:t5] + [caption] + lines[split:t4] + lines[t5:]
    report = extract_bytes("\n".join(moved).encode(), "report.txt")
    assert {c.id: report.value(c.id) for c in forms.cells("gov-2021")} == {c.id: v[c.id] for c in forms.cells("gov-2021")}


@pytest.mark.parametrize("mark", ["20240115103245  10.12.3.45  2024-01-15 10:32  仅供内部参考", "10.12.3.45 2024/1/15 10:32"])
def test_a_watermark_line_repeated_between_a_table_s_rows_is_no_row(mark):
    """Blind round 196 (h712): a text export writing the download's watermark (the user's number, an IP address, the
    time) after every few rows: one stood between table 4's header and its row of fifteen, and its digits were read as
    that row (every cell of table 4 unsure)."""
    v = synthetic.consistent_values(random.Random(23), "gov-2021")
    lines = synthetic.render("彭阳县人民政府", 2023, "gov-2021", v, "tab").split("\n")
    t4 = next(k for k, line in enumerate(lines) if line.startswith("四、政府信息公开行政复议"))
    row = next(k for k in range(t4, len(lines)) if re.fullmatch(r"[\d\t]+", lines[k]))
    marked = [line for k, line in enumerate(lines) for line in ([mark, line] if k in (3, row) or k % 9 == 0 else [line])]
    report = extract_bytes("\n".join(marked).encode(), "report.txt")
    assert {c.id: report.value(c.id) for c in forms.cells("gov-2021")} == {c.id: v[c.id] for c in forms.cells("gov-2021")}
