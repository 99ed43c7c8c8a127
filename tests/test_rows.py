"""Rows the parser used to skip: 政府集中采购 with units and decimals, signs inside runs of digits, table 4 layouts."""

from __future__ import annotations

import random

import pytest

from builder import forms, synthetic
from builder.extraction.extract import extract_bytes
from builder.extraction.layout import scan_lines
from builder.extraction.tables import parse_cell, split_signed_runs
from builder.forms import GOV_2019, GOV_2021

from .test_layouts import AGENCY, replace_line


def report_2019(row_start: str, new_row: str, layout: str = "space"):
    v = synthetic.consistent_values(random.Random(5), GOV_2019)
    text = replace_line(synthetic.render(AGENCY, 2020, GOV_2019, v, layout), row_start, new_row)
    return extract_bytes(text.encode(), "case.txt")


def cells(report, item: str, measures: tuple[str, ...]):
    return [report.cells[forms.t2_cell(item, m)] for m in measures]


@pytest.mark.parametrize("row, items, amount, unit", [
    ("政府集中采购 12 2813560470.35元", 12, 2813560470.35, "元"),
    ("政府集中采购 3 96.5万元", 3, 96.5, "万元"),
    ("政府集中采购 3 1,234.5 万元", 3, 1234.5, "万元"),
    ("政府集中采购\t7\t2813560470.35元", 7, 2813560470.35, "元"),
    ("| 政府集中采购 | 7 | 12.8万元 |", 7, 12.8, "万元"),
])
def test_procurement_amount_keeps_its_printed_unit(row, items, amount, unit):
    layout = "tab" if "\t" in row else "pipe" if "|" in row else "space"
    got_items, got_amount = cells(report_2019("政府集中采购" if layout != "pipe" else "| 政府集中采购", row, layout),
                                  "procurement", ("items", "amount"))
    assert (got_items.value, got_items.status) == (items, "reported")
    assert (got_amount.value, got_amount.status, got_amount.unit) == (amount, "reported", unit)
    assert got_amount.raw.strip().endswith(unit)


def test_procurement_run_together_is_ambiguous_with_every_reading():
    items, amount = cells(report_2019("政府集中采购", "政府集中采购122813560470.35元"), "procurement", ("items", "amount"))
    assert items.status == amount.status == "ambiguous" and items.value is None and amount.value is None
    assert 12 in items.candidates and 2813560470.35 in amount.candidates and amount.unit == "元"
    assert len(items.candidates) == len(amount.candidates) == 12  # the splits, and the whole run in one cell


def test_a_sign_starts_a_cell_inside_a_run():
    prev, change, decisions = cells(report_2019("行政处罚", "行政处罚1530-4212"), "penalty",
                                    ("prev_items", "change", "decisions"))
    assert prev.value == 1530
    assert (change.status, change.value, change.candidates) == ("ambiguous", None, [-421, -42, -4])
    assert (decisions.status, decisions.candidates) == ("ambiguous", [2, 12, 212])


def test_a_sign_with_a_space_after_settles_the_run():
    got = cells(report_2019("行政处罚", "行政处罚1530-42 12"), "penalty", ("prev_items", "change", "decisions"))
    assert [c.value for c in got] == [1530, -42, 12]
    assert {c.status for c in got} == {"repaired"}


def test_signed_run_readings():
    assert split_signed_runs(["1530-4212"], ("count", "change", "count")) == [
        (1530, -4, 212), (1530, -42, 12), (1530, -421, 2)]
    assert split_signed_runs(["5-3"], ("count", "count")) == []  # a sign fits only a 本年增/减 cell
    assert split_signed_runs(["3", "96.50"], ("count", "money")) == [(3, 96.5)]


@pytest.mark.parametrize("raw, value, unit, status", [
    ("12", 12, None, "reported"), ("-3", -3, None, "reported"), ("1,234.50", 1234.5, None, "reported"),
    ("96.5万元", 96.5, "万元", "reported"), ("无", 0, None, "none"), ("", None, None, "blank"),
    ("2020-01", None, None, "ambiguous"), ("1,2", None, None, "ambiguous"), ("0,5", None, None, "ambiguous"),
    ("1,234,567", 1234567, None, "reported"),
])
def test_parse_cell(raw, value, unit, status):
    """Commas only as thousands separators: "1,2" is a list or a decimal comma, never 12."""
    cell = parse_cell(raw)
    assert (cell.value, cell.unit, cell.status) == (value, unit, status)


def test_2021_fees_printed_in_yuan_are_converted_to_the_forms_unit():
    v = synthetic.consistent_values(random.Random(5), GOV_2021)
    text = replace_line(synthetic.render(AGENCY, 2022, GOV_2021, v, "space"), "行政事业性收费", "行政事业性收费 35000元")
    fee = extract_bytes(text.encode(), "case.txt").cells["t2.fees.amount_10k_cny"]
    assert (fee.value, fee.unit, fee.raw) == (3.5, "万元", "35000元")
    assert "换算" in fee.note


@pytest.mark.parametrize("printed, value", [("3.26万", 3.26), ("12万", 12), ("0.35 万", 0.35)])
def test_2021_fees_printed_with_wan_alone_are_in_the_forms_unit(printed, value):
    """Blind round 255 (h1207): 3.26万 under the form's 本年收费金额（单位：万元）: 万 is the column's unit, and the amount
    3.26 of it; read as a count in ten thousands, it was 32,600 (万元), silently."""
    v = synthetic.consistent_values(random.Random(5), GOV_2021)
    text = replace_line(synthetic.render(AGENCY, 2022, GOV_2021, v, "tab"), "行政事业性收费", f"行政事业性收费\t{printed}")
    fee = extract_bytes(text.encode(), "case.txt").cells["t2.fees.amount_10k_cny"]
    assert (fee.value, fee.unit, fee.status) == (value, "万元", "reported")


@pytest.mark.parametrize("header, printed", [("本年收费金额（单位：元）", "800000"), ("本年收费金额（元）", "800000.00"),
                                             ("本年收费金额(单位:元)", "800000")])
def test_2021_fees_under_a_header_in_yuan_are_converted_to_the_forms_unit(header, printed):
    """The form prints 万元; a report whose header says 元 prints the fees in yuan. Read as 万元
    they were 10,000 times too large, with nothing said."""
    v = synthetic.consistent_values(random.Random(5), GOV_2021)
    text = synthetic.render(AGENCY, 2022, GOV_2021, v, "space")
    text = replace_line(replace_line(text, "信息内容 本年收费金额", f"信息内容 {header}"), "行政事业性收费",
                        f"行政事业性收费 {printed}")
    fee = extract_bytes(text.encode(), "case.txt").cells["t2.fees.amount_10k_cny"]
    assert (fee.value, fee.unit, fee.status) == (80, "万元", "reported")
    assert fee.note == "表头单位为元，已换算为万元"


def test_2021_fees_under_the_forms_header_are_as_printed():
    v = synthetic.consistent_values(random.Random(5), GOV_2021)
    fee = extract_bytes(synthetic.render(AGENCY, 2022, GOV_2021, v, "space").encode(), "case.txt").cells[
        "t2.fees.amount_10k_cny"]
    assert (fee.value, fee.unit, fee.note) == (80, "万元", None)


def t4_text(block: str, values: dict) -> str:
    text = synthetic.render(AGENCY, 2022, GOV_2021, values, "space")
    head, rest = text.split("四、政府信息公开行政复议、行政诉讼情况")
    return head + "四、政府信息公开行政复议、行政诉讼情况\n" + block + "\n" + rest[rest.index("五、"):]


@pytest.mark.parametrize("shape", ["groups", "runs", "headers_after", "group_lines_headers_after", "one_run"])
def test_table_4_layouts(shape):
    v = synthetic.consistent_values(random.Random(21), GOV_2021)
    for group, parts in (("admin_review", (2, 1, 0, 3)), ("litigation_direct", (0, 4, 1, 0))):
        for col, n in zip(("upheld", "corrected", "other", "pending"), parts):
            v[forms.t4_cell(group, col)] = n
        v[forms.t4_cell(group, "total")] = sum(parts)
    t4 = [str(v[forms.t4_cell(g.id, c.id)]) for g in forms.T4_GROUPS for c in forms.T4_COLUMNS]
    header = "行政复议 行政诉讼\n结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉"
    block = {
        "groups": "  ".join(" ".join(t4[i:i + 5]) for i in (0, 5, 10)),
        "runs": " ".join("".join(t4[i:i + 5]) for i in (0, 5, 10)),
        "headers_after": " ".join(t4) + "\n" + header,
        "group_lines_headers_after": "\n".join(" ".join(t4[i:i + 5]) for i in (0, 5, 10)) + "\n" + header,
        "one_run": "".join(t4) + "\n" + header,
    }[shape]
    report = extract_bytes(t4_text(block, v).encode(), "case.txt")
    for g in forms.T4_GROUPS:
        for c in forms.T4_COLUMNS:
            cell = report.cells[forms.t4_cell(g.id, c.id)]
            assert cell.value == v[forms.t4_cell(g.id, c.id)] or (
                cell.status == "ambiguous" and v[forms.t4_cell(g.id, c.id)] in cell.candidates), (g.id, c.id, cell)


def test_blank_counts_that_add_up_to_nothing_are_zero():
    """Non-negative counts whose known sum already equals the total are all 0;
    one blank beside a gap is settled by the gap; two beside a gap stay open."""
    from builder.extraction.solver import propagate
    from builder.forms import Identity

    row = Identity("t3.row_sum", "row", ("a", "b", "c"), ("total",))
    ok, settled = propagate({"a": 2, "b": None, "c": None, "total": 2}, [row], ["b", "c"])
    assert ok and {c: v for c, (v, _) in settled.items()} == {"b": 0, "c": 0}
    ok, settled = propagate({"a": 2, "b": None, "c": 1, "total": 5}, [row], ["b"])
    assert ok and settled["b"][0] == 2
    ok, settled = propagate({"a": 2, "b": None, "c": None, "total": 5}, [row], ["b", "c"])
    assert ok and settled == {}


@pytest.mark.parametrize("label", ["行政事业性收费=cmd|' /C calc'!A0", "行政事业性收费 (见附表B2)", "行政事业性收费 H5"])
def test_a_word_ending_in_a_digit_at_a_label_s_end_is_no_value(label):
    """A spreadsheet's cell reference in a label (an injected formula's !A0): its 0 was taken for the row's first
    value and the fee read as 0. A token of the letters OCR reads for digits (l4, 1O) still is a value."""
    assert scan_lines([f"{label}\t1462.08\t\t"])[0].cells[:1] == ["1462.08"]
    assert scan_lines(["行政强制 160 l4\t2809"])[0].cells == ["160", "l4", "2809"]


@pytest.mark.parametrize("mark", ["*", "※", "①", "**"])
def test_a_footnote_mark_after_a_number_in_a_row_parted_by_spaces_stays_with_it(mark):
    """Blind round 193 (h683): 一、本年新收…  35*  7  0  0  1  1  44* in a text of rows parted by spaces: the mark was
    the label of a row of its own (7 0 0 1 1 44 read as the next row's), and the row unsure. It is the number's."""
    row = scan_lines([f"一、本年新收政府信息公开申请数量  35{mark}  7  0  0  1  1  44{mark}"])
    assert [(r.label, r.cells) for r in row] == [("一、本年新收政府信息公开申请数量",
                                                  [f"35{mark}", "7", "0", "0", "1", "1", f"44{mark}"])]
    assert parse_cell(f"35{mark}").value == 35


@pytest.mark.parametrize("mark", ["无", "—", "/"])
def test_a_word_for_none_spaced_off_at_a_label_cell_s_end_is_the_row_s_value(mark):
    """Blind round 191 (h671): a Word cell typed 本年收费金额（单位：万元）  无, the cells after it empty: the fee read
    blank. A digit so spaced off was read (0 and 12.5 were), and a label's own 无 (（四）无法提供) stays its label."""
    row = scan_lines([f"行政事业性收费\t本年收费金额（单位：万元）  {mark}\t\t"])[0]
    assert row.label == "行政事业性收费 本年收费金额（单位：万元）" and row.cells[:1] == [mark]
    assert scan_lines(["（四）无法提供\t1.本机关不掌握相关政府信息\t3\t0"])[0].cells == ["3", "0"]


@pytest.mark.parametrize("glyph", ["8政", "府", "2民"])
def test_a_seal_s_fragment_over_a_row_s_total_holds_the_total_s_place(glyph):
    """A 骑缝章 across the 总计 column, read by OCR as 8政, 府, 2民: taken for a remark after the row, the cell was
    dropped, and the row's values moved one column right (自然人 read as 商业企业 …)."""
    row = scan_lines([f"一、本年新收政府信息公开申请数量\t\t\t72\t7\t1\t0\t3\t2\t{glyph}"])[0]
    assert row.cells[-7:] == ["72", "7", "1", "0", "3", "2", glyph]
    assert scan_lines(["规章\t0\t0\t0\t详见附件"])[0].cells == ["0", "0", "0", ""]  # a remark stays one


@pytest.mark.parametrize("layout", ["tab", "pipe"])
def test_a_sum_row_under_table_2_s_items_printed_empty_is_none_of_theirs(layout):
    """Blind round 215 (h850_03): 规章 and 行政规范性文件 printed with empty cells, then a row 合计 | 3 | 1 | 20 the clerk
    added: 合计 was read as the end of 行政规范性文件's label wrapped onto the next line, and its sums as that item's."""
    v = synthetic.consistent_values(random.Random(5), GOV_2021)
    lines = synthetic.render(AGENCY, 2022, GOV_2021, v, layout).split("\n")

    def row(*cells: str) -> str:
        return "\t".join(cells) if layout == "tab" else "| " + " | ".join(cells) + " |"

    for k, line in enumerate(lines):
        label = line.strip("| ").split("\t")[0].split(" |")[0]
        if label in ("规章", "规范性文件") and any(c.isdigit() for c in line):
            lines[k] = row(label, "", "", "")
    at = next(k for k, line in enumerate(lines) if line.strip("| ").startswith("规范性文件"))
    lines.insert(at + 1, row("合计", "3", "1", "20"))
    report = extract_bytes("\n".join(lines).encode(), "case.txt")
    assert [report.cells[forms.t2_cell("normative_docs", m)].value for m in ("issued", "repealed", "in_force")] == [
        None, None, None]
