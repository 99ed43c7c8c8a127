"""Tables that print marks in place of numbers (○, ∅, ×, -0-, N/A, 不适用) and say under them what each
means (注：表中“○”表示无，“×”表示不适用): a mark the legend calls none is 0, one it calls not applicable has
no number (and is no blank for the identities to fill); a mark no legend explains is read by its own words,
or left unsure."""

from __future__ import annotations

import random

import pytest

from builder import forms, synthetic
from builder.extraction.tables import legend_marks, parse_cell

from .test_layouts import AGENCY
from .test_table_rows import DEFINITE, extracted

YEAR = 2023
RENDERINGS = ("tab", "space", "html", "docx")


@pytest.mark.parametrize("line, marks", [
    ("注：表中“∅”表示无；“○”表示该项未统计。", {"∅": (0, "无"), "○": (None, "未统计")}),
    ("注：本表中“Ø”表示数值为零；“—”表示该项不适用（本机关无规章制定权）。", {"Ø": (0, "无"), "—": (None, "不适用")}),
    ("注:N/A表示不适用;nil表示无。", {"N/A": (None, "不适用"), "nil": (0, "无")}),
    ("注：填“空”的栏目表示该项数量为零。", {"空": (0, "无")}),
    ("说明：表内“〇”表示无。", {"〇": (0, "无")}),
    ("备注：“缺”表示该项数据未统计。", {"缺": (None, "未统计")}),
    ("注：“×”表示本机关无此项职能，该项不适用；其余空格数据为0的已填写“0”。", {"×": (None, "无此项")}),
    ("注：“-0-”表示数量为零。", {"-0-": (0, "无")}),
    # (blind round 171, h509) no such item or zero: a count of none either way, as a dash is read; no such item alone
    ("注：“—”表示本机关无此项数据或数量为零。", {"—": (0, "无")}),
    ("注：“—”表示无此项数据。", {"—": (None, "无此项")}),
    # no legend: a sentence of the prose, a note that names no mark, a number's meaning
    ("2023年，本机关“放管服”改革表示出成效。", {}),
    ("注：本表数据截至2023年12月31日。", {}),
    ("注：“1”表示1件。", {}),
])
def test_a_legend_line_gives_its_marks_their_meaning(line, marks):
    assert legend_marks(line) == marks


@pytest.mark.parametrize("mark, value, status", [
    ("不适用", None, "blank"), ("N/A", None, "blank"), ("未统计", None, "blank"), ("-0-", 0, "none"),
    ("nil", 0, "none"), ("∅", 0, "none"), ("×", None, "ambiguous"), ("…", None, "ambiguous"),
])
def test_a_mark_no_legend_explains_is_read_by_its_own_words_or_left_unsure(mark, value, status):
    cell = parse_cell(mark)
    assert (cell.value, cell.status) == (value, status)


def _report(v: dict, zero_mark: str, not_applicable: dict[str, str], legend: str | None, rendering: str):
    """The report of ``v``, its zeros printed as ``zero_mark``, the cells of ``not_applicable`` as their marks, and
    ``legend`` under every table."""
    printed = {c.id: not_applicable.get(c.id) or (zero_mark if v[c.id] == 0 else synthetic._fmt(v[c.id]))
               for c in forms.cells(forms.GOV_2021)}
    blocks = synthetic._blocks(AGENCY, YEAR, forms.GOV_2021, printed, v)
    if legend is not None:
        for at in reversed([k for k, (kind, _) in enumerate(blocks) if kind == "table"]):
            blocks.insert(at + 1, ("para", legend))
    return extracted(blocks, rendering)


@pytest.mark.parametrize("rendering", RENDERINGS)
@pytest.mark.parametrize("zero_mark, na_mark, legend", [
    ("∅", "○", "注：表中“∅”表示无；“○”表示该项未统计。"),
    ("Ø", "—", "注：本表中“Ø”表示数值为零；“—”表示该项不适用。"),
    ("○", "×", "注：“○”表示无，“×”表示不适用（本机关无规章制定权）。"),
    ("nil", "N/A", "注:N/A表示不适用;nil表示无。"),
])
def test_marks_under_a_legend_are_read_as_it_says(zero_mark, na_mark, legend, rendering):
    """Blind round 98 (legends): zeros printed ∅, Ø, ○ or nil, and the cells the agency has no power for printed ○,
    —, × or N/A, a legend under each table: the marks were unreadable (every row unsure), or — and ○ read 0 where
    the legend says the item does not apply. The legend's meaning is taken: 0, or no number (not inferred)."""
    v = synthetic.consistent_values(random.Random(7), forms.GOV_2021)
    for cell in ("t2.rules.issued", "t2.rules.repealed", "t2.rules.in_force", "t2.fees.amount_10k_cny"):
        v[cell] = None
    rep = _report(v, zero_mark, {c: na_mark for c, value in v.items() if value is None}, legend, rendering)
    for cell in forms.cells(forms.GOV_2021):
        got = rep.cells[cell.id]
        if v[cell.id] is None:
            assert (got.value, got.status) == (None, "blank"), cell.id
        else:
            assert got.status in DEFINITE and got.value == v[cell.id], (cell.id, got)
    marked = [c for c in rep.cells.values() if c.raw and c.raw.strip() == zero_mark]
    assert marked and all(c.status == "none" and "表下说明" in c.note for c in marked)


@pytest.mark.parametrize("rendering", RENDERINGS)
@pytest.mark.parametrize("legend", ["注：表中空白单元格表示0。", "注:本表空白处数值为0。", "注：空格表示“0”。",
                                    "说明：表内未填写数字的单元格均为0。", "备注：表格中空白项数据为零。", None])
def test_table_4_printed_blank_under_a_legend_that_blank_is_0_is_0(rendering, legend):
    """Blind rounds 215 and 220 (statistics exports): every zero left blank under 注：表中空白单元格表示0, and table 4
    all zeros: its one row is fifteen blank cells, which leave no line in the text read (a row without a label), so
    the table was read as missing. Its header printed whole with no value under it is the table printed blank: under
    the legend its cells are 0; without one they stay unread (a row lost and a row left blank look alike). Blind
    round 221 (Word tables): the legend worded otherwise (空白处数值为0, 空格表示“0”, 未填写数字的单元格均为0,
    空白项数据为零) was not read, and table 2's blank zeros stayed blank."""
    v = synthetic.consistent_values(random.Random(11), forms.GOV_2021)
    v.update({cell: 0 for cell in v if cell.startswith("t4.")})
    rep = _report(v, "", {}, legend, rendering)
    t4 = [rep.cells[c.id] for c in forms.cells(forms.GOV_2021) if c.id.startswith("t4.")]
    if legend is None:
        assert all(cell.value is None for cell in t4)
    else:
        assert all((cell.value, cell.status) == (0, "none") and "空白即为0" in cell.note for cell in t4)
        assert [w for w in rep.warnings if w["code"] == "blank_zeros"]
        if rendering != "space":  # (where a blank cell leaves no place in the text)
            assert all(rep.cells[c].value == 0 for c in v if c.startswith("t2.") and v[c] == 0)
    assert all(rep.cells[cell].value in (v[cell], None) for cell in v if cell.startswith("t3."))  # (none read wrong)


def test_table_4_lost_under_its_heading_is_not_read_as_0_by_the_legend():
    """The legend speaks of cells printed blank: a table 4 whose header is not printed at all (the page holding it
    lost) has no cells to read, and stays missing."""
    v = synthetic.consistent_values(random.Random(11), forms.GOV_2021)
    blocks = synthetic._blocks(AGENCY, YEAR, forms.GOV_2021, {c: synthetic._fmt(x) for c, x in v.items()}, v)
    tables = [k for k, (kind, _) in enumerate(blocks) if kind == "table"]
    del blocks[tables[-1]]
    blocks.insert(tables[-2] + 1, ("para", "注：表中空白单元格表示0。"))
    rep = extracted(blocks, "tab")
    assert all(rep.cells[c.id].status == "missing" for c in forms.cells(forms.GOV_2021) if c.id.startswith("t4."))


@pytest.mark.parametrize("rendering", ["tab", "html", "docx"])
def test_a_row_printing_some_zeros_and_leaving_its_last_blank_under_the_legend_is_all_0(rendering):
    """Blind round 221 (Word tables under 说明：表内未填写数字的单元格均为0): 规章 | 0 | 0 | ∅, the clerk typing some
    zeros and leaving the last cell blank. Its two zeros may stand in either two of three cells, which table 2 has
    no sums to settle: all three were unsure. Under the legend every reading is 0, 0, 0."""
    v = synthetic.consistent_values(random.Random(5), forms.GOV_2021)
    v.update({"t2.rules.issued": 0, "t2.rules.repealed": 0, "t2.rules.in_force": 0})
    printed = {c.id: "" if v[c.id] == 0 else synthetic._fmt(v[c.id]) for c in forms.cells(forms.GOV_2021)}
    printed.update({"t2.rules.issued": "0", "t2.rules.repealed": "0"})
    blocks = synthetic._blocks(AGENCY, YEAR, forms.GOV_2021, printed, v)
    for at in reversed([k for k, (kind, _) in enumerate(blocks) if kind == "table"]):
        blocks.insert(at + 1, ("para", "说明：表内未填写数字的单元格均为0。"))
    rep = extracted(blocks, rendering)
    rules = [rep.cells[c] for c in ("t2.rules.issued", "t2.rules.repealed", "t2.rules.in_force")]
    assert all(cell.value == 0 and cell.status in ("reported", "none") for cell in rules), rules


@pytest.mark.parametrize("rendering", ["tab", "html", "docx"])
def test_a_legend_that_blank_is_0_above_the_first_table_speaks_for_all(rendering):
    """Blind round 226 (an online reporting system's saved form): 填报说明：表格中未填写的视为0。 once, between table
    2's heading and the table. Read only under the tables, it was not seen: table 2's blank zeros stayed blank."""
    v = synthetic.consistent_values(random.Random(13), forms.GOV_2021)
    printed = {c.id: "" if v[c.id] == 0 else synthetic._fmt(v[c.id]) for c in forms.cells(forms.GOV_2021)}
    blocks = synthetic._blocks(AGENCY, YEAR, forms.GOV_2021, printed, v)
    first = next(k for k, (kind, _) in enumerate(blocks) if kind == "table")
    blocks.insert(first, ("para", "填报说明：表格中未填写的视为0。"))
    rep = extracted(blocks, rendering)
    assert all(rep.cells[c].value == 0 for c in v if c.startswith("t2.") and v[c] == 0)
    assert [w for w in rep.warnings if w["code"] == "blank_zeros"]


@pytest.mark.parametrize("rendering", ["tab", "html", "docx"])
@pytest.mark.parametrize("said, zero", [("另需说明：本报告表二、表三、表四中空白单元格均表示数量为0。", True),
                                        ("本报告空白单元格均表示数量为0。", False),  # (names no table: some other form's)
                                        ("另需说明：本年度未收取信息处理费。", False)])
def test_a_sentence_far_from_the_tables_that_names_them_and_says_blank_is_0_speaks_for_them(rendering, said, zero):
    """Blind round 267 (h1279): 本报告表二、表三、表四中空白单元格均表示数量为0 said once in section 六, far from the
    tables, its 数量 between 表示 and 为0: table 2's blank zeros stayed blank. A sentence naming the tables says it
    of them wherever it stands; one naming none speaks only beside a table."""
    v = synthetic.consistent_values(random.Random(13), forms.GOV_2021)
    printed = {c.id: "" if v[c.id] == 0 else synthetic._fmt(v[c.id]) for c in forms.cells(forms.GOV_2021)}
    blocks = synthetic._blocks(AGENCY, YEAR, forms.GOV_2021, printed, v)
    blocks.append(("para", said))
    rep = extracted(blocks, rendering)
    zeros = [rep.cells[c].value for c in v if c.startswith("t2.") and v[c] == 0]
    assert zeros and all(value == (0 if zero else None) for value in zeros)


@pytest.mark.parametrize("rendering", ["tab", "html", "docx"])
@pytest.mark.parametrize("note, value", [("注：本机关无规章制定权，规章本年制发件数、本年废止件数、现行有效件数均为0。", 0),
                                         ("注：本机关无规章制定权。", None)])
def test_a_table_2_item_left_out_is_0_where_a_note_says_its_cells_are(rendering, note, value):
    """Blind round 230 (table 2 with items left out): the 规章 row left out by a county body, a note under the table
    saying its cells are 0: they were missing. A note saying only that it has no power to make rules says no count."""
    v = synthetic.consistent_values(random.Random(17), forms.GOV_2021)
    blocks = synthetic._blocks(AGENCY, YEAR, forms.GOV_2021, {c: synthetic._fmt(x) for c, x in v.items()}, v)
    t2 = next(content for kind, content in blocks if kind == "table")
    t2.rows = [row for row in t2.rows if not any(label == "规章" for label, _, _ in row[0])]
    at = next(k for k, (kind, _) in enumerate(blocks) if kind == "table")
    blocks.insert(at + 1, ("para", note))
    rep = extracted(blocks, rendering)
    rules = [rep.cells[f"t2.rules.{m}"] for m in ("issued", "repealed", "in_force")]
    assert [c.value for c in rules] == [value] * 3
    assert all(c.status == ("none" if value == 0 else "missing") for c in rules)
    assert rep.cells["t2.normative_docs.in_force"].value == v["t2.normative_docs.in_force"]
