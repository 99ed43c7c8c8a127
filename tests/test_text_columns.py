"""Plain text laid out in two columns side by side, and a notes box drawn beside a table's rows (``reading.columns``):
each read as its left part, then its right one."""

from __future__ import annotations

import random
import unicodedata

import pytest

from builder import forms, synthetic
from builder.extraction.extract import extract_bytes
from builder.reading.columns import side_by_side

from .test_layouts import AGENCY, values


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _abreast(left: list[str], right: list[str], at: int) -> list[str]:
    """Two columns of lines set side by side, the right one from display column ``at``."""
    rows = max(len(left), len(right))
    left, right = left + [""] * (rows - len(left)), right + [""] * (rows - len(right))
    return [(a + " " * (at - _width(a)) + b).rstrip() if b else a for a, b in zip(left, right)]


def _report(v: dict) -> list[str]:
    data, _ = synthetic.render_layout(random.Random(1), AGENCY, 2022, forms.GOV_2021,
                                      {c: synthetic._fmt(x) for c, x in v.items()}, v, "space")
    return data.decode().split("\n")


def _section(lines: list[str], heading: str, following: str) -> tuple[int, int]:
    start = next(k for k, line in enumerate(lines) if line.startswith(heading))
    return start, next(k for k, line in enumerate(lines) if k > start and line.startswith(following))


def test_table_2_and_table_4_side_by_side_are_read_each_whole():
    """Blind round 248 (h1157: pdftotext -layout of a page printing two tables abreast): table 2 on the left, table 4
    on the right, a group's name and its results a line each. Read line by line, a row of table 2 took table 4's row
    beside it (行政处罚 285 … 其他结果 1: 1 read for 行政处罚), 25 cells wrong in 5 files and table 4 missing."""
    v = values(forms.GOV_2021)
    lines = _report(v)
    t2, t3 = _section(lines, "二、主动公开", "三、收到")
    t4, end = _section(lines, "四、政府信息公开行政复议", "五、")
    right = [lines[t4]] + [line for g in forms.T4_GROUPS for line in (
        g.label_zh, *(f"{c.label_zh}       {v[forms.t4_cell(g.id, c.id)]}" for c in forms.T4_COLUMNS))]
    text = [*lines[:t2], *_abreast([line for line in lines[t2:t3] if line.strip()], right, 62), *lines[t3:t4], *lines[end:]]
    report = extract_bytes("\n".join(text).encode(), "abreast.txt")
    for cell in forms.cells(forms.GOV_2021):
        if cell.table in ("t2", "t4"):
            assert report.cells[cell.id].value == v[cell.id], cell.id


def test_a_notes_box_beside_table_3_s_rows_is_read_after_them():
    """Blind round 248 (h1157): a 说明 box drawn beside rows of table 3, pushed right where a row's label is long: its
    text was read as more of those rows (49 cells unsure a file)."""
    v = values(forms.GOV_2021)
    lines = _report(v)
    start = next(k for k, line in enumerate(lines) if line.startswith("一、本年新收"))
    box = ["┌──────────────────┐", "│说明：本表统计时段│", "│为全年，含网上申请│", "│件数。            │", "└──────────────────┘"]
    for k, side in enumerate(box):
        at = start + 2 + k
        lines[at] = lines[at] + " " * (6 + 3 * (k % 2)) + side
    report = extract_bytes("\n".join(lines).encode(), "boxed.txt")
    assert {c.id: report.cells[c.id].value for c in forms.cells(forms.GOV_2021) if c.table == "t3"} == {
        c.id: v[c.id] for c in forms.cells(forms.GOV_2021) if c.table == "t3"}
    assert "│说明：本表统计时段│" in report.document.text


@pytest.mark.parametrize("text", [
    "规章    0    0    5\n规范性文件    1    2    30\n行政许可    12\n行政处罚    5\n行政强制    0\n行政事业性收费    0",
    "一、总体情况\n本机关    依法公开    政府信息。\n" * 3,
])
def test_text_in_one_column_is_left_as_it_is(text):
    """A table's columns of figures, and a few lines with wide gaps between words, are no two columns of text."""
    assert side_by_side(text) == text
