"""Cells printing two measures or more with a mark between them (本年制发/废止件数 over 9/6; 维持/纠正/其他/未审结 over
3/0/2/1; a table-3 row of 件/人次), each read as the form's cells it stands for."""

from __future__ import annotations

import random
import re

import pytest

from builder import forms, synthetic
from builder.extraction.extract import extract_bytes
from builder.extraction.parted import parted_measures
from builder.forms import GOV_2021

AGENCY = "湘潭市湘潭县人力资源和社会保障局"
T4_GROUPS = (("admin_review", "行政复议"), ("litigation_direct", "行政诉讼（未经复议直接起诉）"),
             ("litigation_after_review", "行政诉讼（复议后起诉）"))


def parted_report(mark: str, seed: int) -> tuple[str, dict]:
    """A report whose table 2 prints issued and repealed in one column, table 4 its four results in one column a
    group a row, and table 3's first two rows applications and people in each cell."""
    v = synthetic.consistent_values(random.Random(seed), GOV_2021)
    text = synthetic.render(AGENCY, 2022, GOV_2021, v, "tab")
    t2 = "\n".join([
        f"信息内容\t本年制发{mark}废止件数\t现行有效件数",
        *(f"{label}\t{v[f't2.{item}.issued']}{mark}{v[f't2.{item}.repealed']}\t{v[f't2.{item}.in_force']}"
          for item, label in (("rules", "规章"), ("normative_docs", "行政规范性文件"))),
        "信息内容\t本年处理决定数量",
        *(f"{label}\t{v[f't2.{item}.decisions']}" for item, label in
          (("licensing", "行政许可"), ("penalty", "行政处罚"), ("coercion", "行政强制"))),
        "信息内容\t本年收费金额（单位：万元）", f"行政事业性收费\t{v['t2.fees.amount_10k_cny']}"])
    text = re.sub(r"(?s)(?<=二、主动公开政府信息情况\n\n).*?(?=\n\n三、)", lambda _: t2, text)
    t4 = "\n".join([f"类别\t维持{mark}纠正{mark}其他{mark}未审结\t总计", *(
        f"{label}\t" + mark.join(str(v[f"t4.{group}.{result}"]) for result in ("upheld", "corrected", "other", "pending"))
        + f"\t{v[f't4.{group}.total']}" for group, label in T4_GROUPS)])
    text = re.sub(r"(?s)(?<=四、政府信息公开行政复议、行政诉讼情况\n\n).*?(?=\n\n五、)", lambda _: t4, text)
    for row, name in (("new_received", "一、本年新收"), ("carried_over", "二、上年结转")):
        counts = [v[forms.t3_cell(row, c.id)] for c in forms.T3_COLUMNS]
        row_text = f"{name}政府信息公开申请数量（件{mark}人次）\t" + "\t".join(f"{n}{mark}{n + n // 3}" for n in counts)
        text = re.sub(rf"(?m)^{name}政府信息公开申请数量\t.*$", lambda _, row_text=row_text: row_text, text)
    return text, v


@pytest.mark.parametrize("mark", ["/", "／", "·"])
@pytest.mark.parametrize("seed", [3, 8])
def test_each_part_of_a_parted_cell_is_its_own_cell_of_the_form(mark, seed):
    text, v = parted_report(mark, seed)
    assert f"本年制发{mark}废止件数" in text and f"维持{mark}纠正" in text  # (printed as the test means)
    report = extract_bytes(text.encode("utf-8"), "parted.txt")
    for cell in forms.cells(GOV_2021):
        assert report.cells[cell.id].value == v[cell.id], cell.id
        assert report.cells[cell.id].status in {"reported", "none"}, cell.id


def test_a_parted_column_s_blank_or_slash_cells_are_blank_in_each_part():
    lines = ["信息内容\t本年制发/废止件数\t现行有效件数", "规章\t/\t0", "行政规范性文件\t3/6\t43", "", "规章\t1/2\t3"]
    assert parted_measures(lines) == ["信息内容\t本年制发件数\t本年废止件数\t现行有效件数", "规章\t/\t/\t0",
                                      "行政规范性文件\t3\t6\t43", "", "规章\t1/2\t3"]


@pytest.mark.parametrize("lines", [
    ["项目\t本年增/减\t现行有效件数", "规章\t1/2\t3"],  # (the 2019 form's one column named with a slash)
    ["项目\t收入/支出\t备注", "规章\t1/2\t3"],  # (no column of the form's)
    ["信息内容\t本年制发/废止件数\t现行有效件数", "规章\t1/2/3\t3"],  # (more figures than the header names)
    ["（注：“本年制发/废止件数”栏中，“/”前为制发件数）", "规章 1/2 3"],  # (a note; a row with no tabs)
    ["一、本年新收政府信息公开申请数量（件/万元）\t1/2\t3/4"],  # (no count of people beside applications)
])
def test_cells_that_do_not_name_the_form_s_columns_or_print_other_parts_are_kept(lines):
    assert parted_measures(lines) == lines
