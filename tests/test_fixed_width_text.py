"""Text laid out for a fixed-width screen: tables typed with spaces (a blank cell only more space) and texts
hard-wrapped at a width (fold, mail), which cut table rows of tab-parted cells."""

from __future__ import annotations

import random
import unicodedata

import pytest

from builder import forms, synthetic
from builder.forms import GOV_2021

from .test_layouts import AGENCY, extract_text
from .test_table_rows import DEFINITE, values, wrong_t3

BLANK_COLUMNS = ("research_institution", "social_welfare_org", "legal_service_org")  # all zero: typed blank


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(width: int, rng: random.Random) -> str:
    """Spaces filling ``width`` columns, ideographic and half-width ones mixed as typists mix them."""
    out = ""
    while width > 0:
        if width >= 2 and rng.random() < 0.6:
            out, width = out + "\u3000", width - 2
        else:
            out, width = out + " ", width - 1
    return out


def _typed_row(label: str, cells: list[str], start: int, pitch: int, align: str, rng: random.Random) -> str:
    """A row typed with spaces: its label, then each value in its column (``pitch`` columns wide) from ``start``."""
    line = label
    for k, cell in enumerate(cells):
        if not cell:
            continue
        at = start + k * pitch + (pitch - _width(cell) if align == "right" else 0)
        line += _pad(max(at - _width(line), 1), rng) + cell
    return line


def typed_t3(v: dict, pitch: int, align: str, seed: int = 0) -> list[str]:
    """Table 3 typed with spaces: the organisation columns left blank where all zero, a row whose cells are all
    zero a label alone, the long labels' rows pushed right (the typist kept a gap after them, not the grid)."""
    rng = random.Random(seed)
    lines = ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\u3000自然人\u3000商业企业\u3000"
             "科研机构\u3000社会公益组织\u3000法律服务机构\u3000其他\u3000总计"]
    for row in forms.FORMS[GOV_2021].t3_rows:
        group = row.group_zh + "\u3000" if row.group_zh and row.group_zh != "三、本年度办理结果" else ""
        label = "\u3000" * 4 + group + row.label_zh
        numbers = [v[forms.t3_cell(row.id, c.id)] for c in forms.T3_COLUMNS]
        cells = ["" if c.id in BLANK_COLUMNS and not n else str(n) for c, n in zip(forms.T3_COLUMNS, numbers)]
        if not any(numbers):
            lines.append(label)
            continue
        lines.append(_typed_row(label, cells, max(60, _width(label) + 4), pitch, align, rng))
    return lines


def with_t3(text: str, table: list[str]) -> str:
    lines = text.split("\n")
    start = next(k for k, line in enumerate(lines) if line.startswith("（本列数据"))
    end = next(k for k, line in enumerate(lines) if line.startswith("四、政府信息公开行政复议"))
    return "\n".join([*lines[:start], *table, "", *lines[end:]])


def typed_values() -> dict:
    """Values whose organisation columns are zero but for 商业企业 and 其他, some result rows all zero."""
    v = values(rows={"granted": [88, 12, 0, 0, 0, 2], "partially_granted": [9, 0, 0, 0, 0, 0],
                     "denied.state_secret": [0] * 6, "denied.law_prohibited": [0] * 6,
                     "denied.three_safeties": [0] * 6, "denied.third_party_rights": [2, 0, 0, 0, 0, 0],
                     "denied.internal_affairs": [0] * 6, "unable.not_held": [61, 4, 0, 0, 0, 0]})
    for row in forms.FORMS[GOV_2021].t3_rows:
        for column in BLANK_COLUMNS:
            cell = forms.t3_cell(row.id, column)
            if v[cell]:
                v[forms.t3_cell(row.id, "total")] -= v[cell]
                v[cell] = 0
    return v


@pytest.mark.parametrize("align", ["right", "left"])
@pytest.mark.parametrize("pitch", [8, 9, 12])
def test_table_3_typed_with_spaces_reads_its_blank_cells_in_place(pitch, align):
    """A row printing four of its seven cells (191 17 2 210, the organisation columns blank) was four values
    that fit no column: 156 cells of two such reports were read as unsure. Where every row's numbers stand on
    one regular grid, a row reaching from the first column to the last shows its blank cells."""
    v = typed_values()
    text = with_t3(synthetic.render(AGENCY, 2022, GOV_2021, v, "tab"), typed_t3(v, pitch, align))
    rep = extract_text(text)
    assert wrong_t3(rep, v) == []
    assert [k for k in v if k.startswith("t3.") and rep.cells[k].status not in DEFINITE | {"missing"}] == []
    assert rep.cells["t3.granted.other_org"].value == 2
    assert rep.cells["t3.denied.third_party_rights.natural_person"].value == 2
    assert any(w["code"] == "t3.spaced_blanks" for w in rep.warnings)


def test_numbers_off_any_regular_grid_are_never_placed_by_their_spacing():
    """Gaps between a row's numbers that are no whole number of one column's width give no places: the row is
    read as before (unsure where the sums do not settle it), never a number in a column guessed from spaces."""
    v = typed_values()
    table = typed_t3(v, 9, "right")
    rng = random.Random(3)
    jittered = [line if line.startswith("（") else line.replace("  ", " " * rng.choice((1, 2, 5)), 3)
                for line in table]
    rep = extract_text(with_t3(synthetic.render(AGENCY, 2022, GOV_2021, v, "tab"), jittered))
    assert wrong_t3(rep, v) == []


def folded(text: str, width: int) -> str:
    """``text`` hard-wrapped at ``width`` columns as fold and mail clients do: a tab to its next stop of
    eight, a CJK character two columns, a line cut where the next character would pass the width."""
    out = []
    for line in text.split("\n"):
        column, piece = 0, ""
        for c in line:
            step = (column // 8 + 1) * 8 - column if c == "\t" else _width(c)
            if column + step > width:
                out.append(piece)
                column, piece = 0, ""
                step = 8 if c == "\t" else step
            piece += c
            column += step
        out.append(piece)
    return "\n".join(out)


@pytest.mark.parametrize("width", [40, 60, 72])
def test_a_text_hard_wrapped_at_a_width_joins_its_cut_table_rows(width):
    """fold -w 40 and a mail body at 72 columns cut rows of tab-parted cells (…属于国家秘密 ⇥ 0 ⇥ 0 ⇥ / 0 ⇥ 0): 106 cells
    of two such reports were unsure. Where rows end at one width with a tab, each is joined to its next line."""
    v = values(seed=5)
    rep = extract_text(folded(synthetic.render(AGENCY, 2022, GOV_2021, v, "tab"), width))
    assert wrong_t3(rep, v) == []
    t3_t4 = [k for k in v if k.startswith(("t3.", "t4."))]
    assert [k for k in t3_t4 if rep.cells[k].status not in DEFINITE] == []
    assert [k for k in t3_t4 if rep.cells[k].value != v[k]] == []


def test_a_sentence_naming_the_report_above_its_title_is_no_title():
    """A forwarded mail's note (附件为区政府2023年…年度报告发布稿正文，供各部门…) above the report it forwards named the
    agency 附件为区政府: a line going on as a sentence after the report's name is no title."""
    v = values(seed=5)
    text = ("各位联络员：\n\n附件为区政府2022年政府信息公开工作年度报告发布稿正文，供各部门编制本部门年报时参考。\n\n"
            "-------- 转发的消息 --------\n\n" + synthetic.render(AGENCY, 2022, GOV_2021, v, "tab"))
    assert extract_text(text).agency.name == AGENCY


@pytest.mark.parametrize("mark", ["、", "/"])
def test_a_table_word_turned_into_text_with_a_mark_of_the_clerk_s_choosing_is_read(mark):
    """表格转换为文本 with 、 or / between the cells (规章、1、2、14; the labels keep their own 、: 一、本年新收…): 334 cells of
    two reports of blind round 141 were unread."""
    v = values(seed=5)
    text = synthetic.render(AGENCY, 2022, GOV_2021, v, "tab")
    lines = [line.replace("\t", mark) if any(c.isdigit() for c in line.split("\t")[-1:][0]) else line
             for line in text.split("\n")]
    rep = extract_text("\n".join(lines))
    t3_t4 = [k for k in v if k.startswith(("t3.", "t4."))]
    assert [k for k in t3_t4 if (rep.cells[k].value, rep.cells[k].status in DEFINITE) != (v[k], True)] == []


def test_dates_and_a_sentence_s_list_are_no_marked_rows():
    from builder.reading.document import marked_rows

    lines = ["2024/01/15", "2023/12/30", "2022/11/02", "收到申请的年份为2021、2022、2023", "规章/1/2/14"]
    assert marked_rows(lines) == lines


PREFIXES = {
    "viewer": lambda k: f"{k:5d} | ", "zero padded": lambda k: f"{k:04d}: ", "L": lambda k: f"L{k} ",
    "cat -n": lambda k: f"{k:6d}\t", "grep -n": lambda k: f"ndbg_2022.txt:{k}:",
    "log": lambda k: f"2023-01-20 09:00:{k % 60:02d} INFO ",
    "log with logger": lambda k: f"[2023-01-20 09:00:00,{k:03d}] [INFO] [export.ReportWriter] - ",
}


@pytest.mark.parametrize("prefix", [*PREFIXES, "diff", "wrapped viewer"])
def test_a_text_whose_every_line_a_viewer_a_log_or_a_diff_prefixed_is_read(prefix):
    """Blind round 240 (h1091: text with line numbers or prefixes): every line of the report, its tables' rows too,
    after its number in a code viewer (   12 | , 0012: , L12, cat -n, grep -n), a log's time and level, or a diff's +:
    a log's report had no title (two refused), and table 4's rows began with their line's number (unsure). A viewer
    that wrapped a long row at 40 columns prints its rest on a line of no number, which may begin with a figure."""
    v = values(seed=3)
    lines = synthetic.render(AGENCY, 2022, GOV_2021, v, "tab").split("\n")
    if prefix == "diff":
        text = ["diff --git a/ndbg.txt b/ndbg.txt", "new file mode 100644", "index 0000000..3f9a2c1", "--- /dev/null",
                "+++ b/ndbg.txt", f"@@ -0,0 +1,{len(lines)} @@", *("+" + line for line in lines)]
    elif prefix == "wrapped viewer":
        text = []
        for k, line in enumerate(lines, 1):
            text += [f"{k:4d} {line[:40]}", *(f"     {line[at:at + 40]}" for at in range(40, len(line), 40))]
    else:
        text = [PREFIXES[prefix](k) + line for k, line in enumerate(lines, 1)]
    report = extract_text("\n".join(text))
    assert (report.agency.name, report.year) == (AGENCY, 2022)
    assert {c.id: report.cells[c.id].value for c in forms.cells(GOV_2021)} == {c.id: v[c.id] for c in forms.cells(GOV_2021)}
