"""A table printed in two halves side by side, a row of each half on a line: each half's rows read in turn."""

from __future__ import annotations

import pytest

from builder import forms, synthetic
from builder.extraction.layout import halves_in_turn

from .test_layouts import AGENCY
from .test_table_rows import extracted, form_rows, values

LEFT_ROWS = 12  # 一、本年新收 … (三)8.属于行政查询事项; the right half (四)1 … 四、结转下年度继续办理


def _halved_report(rendering: str):
    v = values(rows={"granted": [3, 1, 0, 0, 0, 0], "unable.not_held": [2, 5, 0, 0, 0, 1],
                     "not_processed.complaint": [1, 0, 0, 0, 0, 0]})
    rows = form_rows(v, forms.GOV_2021)
    left, right = rows[:LEFT_ROWS], rows[LEFT_ROWS:]
    printed = {c.id: synthetic._fmt(v[c.id]) for c in forms.cells(forms.GOV_2021)}
    blocks = synthetic._blocks(AGENCY, 2022, forms.GOV_2021, printed, v)
    t3 = [content for kind, content in blocks if kind == "table"][1]
    width = 1 + len(forms.T3_COLUMNS)
    t3.rows = []
    for k in range(len(right)):
        cells = [*left[k][2]] if k < len(left) else [""] * (width - 1)
        t3.rows.append(([(left[k][1] if k < len(left) else "", 1, 1)], [*cells, right[k][1], *right[k][2]]))
    return extracted(blocks, rendering), v


@pytest.mark.parametrize("rendering", ["tab", "pipe", "html"])
def test_table_3_in_two_halves_side_by_side_reads_each_half_s_rows(rendering):
    """Blind round 65 (tables laid out otherwise): table 3's rows 一 to (三)8 on the left and (四) to 四 on the right,
    a row of each on a line. The label ran to the right half's label and took the right half's numbers: every left
    row read with another row's values, the right half's rows missing, no identity to say so."""
    rep, v = _halved_report(rendering)
    t3 = [c.id for c in forms.cells(forms.GOV_2021) if c.table == "t3"]
    assert {c: rep.cells[c].value for c in t3} == {c: v[c] for c in t3}


def test_a_row_with_a_remark_or_table_4_s_groups_on_a_line_is_no_half():
    """A label, values and a remark after them, and table 4's three groups each after its name, are one row a line."""
    remarked = ["规范性文件\t6\t2\t38\t详见县政府网站", "规章\t0\t0\t0\t无"] * 2
    groups = ["行政复议\t0\t1\t0\t0\t1\t未经复议直接起诉\t0\t0\t0\t0\t0\t复议后起诉\t0\t0\t0\t0\t0"] * 3
    for lines in (remarked, groups):
        assert halves_in_turn(lines) == list(enumerate(lines))
