"""An erratum (更正说明) printed above a report that still prints the numbers it corrects: the cells corrected."""

from __future__ import annotations

import pytest

from builder import forms, synthetic
from builder.checks import check_report

from .test_layouts import AGENCY
from .test_table_rows import RENDERINGS, extracted, values

_GRANTED = "t3.granted.natural_person"
_PENALTY = "t2.penalty.decisions"


def _report(rendering: str, erratum: list, misprinted: dict[str, int | str]):
    """A report printing ``misprinted`` numbers in its tables, with the ``erratum`` blocks above it."""
    v = values(rows={"granted": [5, 1, 0, 0, 0, 0]})
    v[_PENALTY] = 326
    printed = {c.id: synthetic._fmt(v[c.id]) for c in forms.cells(forms.GOV_2021)}
    printed.update({cell: str(number) for cell, number in misprinted.items()})
    blocks = synthetic._blocks(AGENCY, 2022, forms.GOV_2021, printed, v)
    return extracted([blocks[0], *erratum, *blocks[1:]], rendering), v


_SENTENCES = [("heading", "更正说明"),
              ("para", "本机关发布的年度报告中部分数据因录入失误出现差错，现更正如下："
                       "1.“二、主动公开政府信息情况”第二十条第（六）项中，“行政处罚”的本年处理决定数量“362”应为“326”；"
                       "2.“三、收到和处理政府信息公开申请情况”表中，“（一）予以公开”行自然人一栏“7”应为“5”。报告其余内容不变。")]


@pytest.mark.parametrize("rendering", RENDERINGS)
def test_an_erratum_s_sentences_correct_the_cells_they_name(rendering):
    """Blind round 67 (pages holding more than the report): an erratum above the report named 行政处罚's 362 and
    予以公开's 7 for 自然人, and the tables below still printed them: they were read (the badge 不一致), and the
    erratum's 第二十条 and quoted 二、 heading had started table 2's region there (table 2 lost)."""
    rep, v = _report(rendering, _SENTENCES, {_PENALTY: 362, _GRANTED: 7})
    assert all(rep.cells[c.id].value == v[c.id] for c in forms.cells(forms.GOV_2021)), \
        [(c.id, rep.cells[c.id].value, v[c.id]) for c in forms.cells(forms.GOV_2021) if rep.cells[c.id].value != v[c.id]]
    assert (rep.cells[_GRANTED].raw, rep.cells[_GRANTED].status) == ("7", "reported")
    assert "“7”应为“5”" in rep.cells[_GRANTED].note
    assert [w["count"] for w in rep.warnings if w["code"] == "erratum_applied"] == [2]


@pytest.mark.parametrize("rendering", ["html", "docx", "tab"])
def test_an_erratum_s_table_of_corrections_corrects_the_cells_it_names(rendering):
    """更正位置 | 原数据 | 更正后数据: each row names a cell beside its printed and its right number."""
    table = synthetic._Table([[("序号", 1, 1), ("更正位置", 1, 1), ("原数据", 1, 1), ("更正后数据", 1, 1)]], [
        ([("1", 1, 1), ("二、主动公开政府信息情况 第二十条第（六）项 行政处罚 本年处理决定数量", 1, 1)], ["362", "326"]),
        ([("2", 1, 1), ("三、收到和处理政府信息公开申请情况 （一）予以公开（自然人）", 1, 1)], ["7", "5"]),
    ])
    erratum = [("heading", "更正说明"), ("para", "经复核，报告部分数据填报有误，现将更正内容说明如下（以本说明为准）："),
               ("table", table)]
    rep, v = _report(rendering, erratum, {_PENALTY: 362, _GRANTED: 7})
    assert all(rep.cells[c.id].value == v[c.id] for c in forms.cells(forms.GOV_2021))


def test_a_report_republished_corrected_or_a_correction_naming_no_cell_is_left_as_printed():
    """The report below already prints the right numbers (its republished version): no cell prints the number an
    erratum corrects, none is changed; nor is one a correction's words name no row of (自然人一栏 alone)."""
    rep, v = _report("html", _SENTENCES, {})
    assert all(rep.cells[c.id].value == v[c.id] for c in forms.cells(forms.GOV_2021))
    assert not [w for w in rep.warnings if w["code"] == "erratum_applied"]
    vague = [("heading", "更正说明"), ("para", "现更正如下：表三中自然人一栏“7”应为“5”。")]
    rep, v = _report("html", vague, {_GRANTED: 7})
    assert rep.cells[_GRANTED].value == 7


@pytest.mark.parametrize("rendering", RENDERINGS)
def test_a_revised_report_s_note_of_what_it_corrected_changes_no_cell(rendering):
    """Blind round 81 (revised reports): 修订说明：原报告…“尚未审结”由0件更正为1件、“总计”由1件更正为2件 above a report
    printing the new numbers already: the second correction's words also named the group's 尚未审结, which printed 1,
    and it was made 2 (the revised table broken). When more corrections find their new number than their old, the
    report is the corrected one and its cells are read as printed."""
    v = values(rows={"granted": [5, 1, 0, 0, 0, 0]})
    v.update({"t4.admin_review.upheld": 1, "t4.admin_review.corrected": 0, "t4.admin_review.other": 0,
              "t4.admin_review.pending": 1, "t4.admin_review.total": 2})
    note = [("heading", "修订说明"), ("para", "原报告表四“行政复议”中“尚未审结”由0件更正为1件、“总计”由1件更正为2件。")]
    printed = {c.id: synthetic._fmt(v[c.id]) for c in forms.cells(forms.GOV_2021)}
    blocks = synthetic._blocks(AGENCY, 2022, forms.GOV_2021, printed, v)
    rep = extracted([blocks[0], *note, *blocks[1:]], rendering)
    assert all(rep.cells[c.id].value == v[c.id] for c in forms.cells(forms.GOV_2021)), \
        [(c.id, rep.cells[c.id].value, v[c.id]) for c in forms.cells(forms.GOV_2021) if rep.cells[c.id].value != v[c.id]]


def test_an_erratum_quoting_a_sentence_s_words_corrects_its_figure():
    """Blind round 68 (pages holding more than the report): an erratum's row “共收到政府信息公开申请27件” | 27件 | 30件
    named a sentence of the prose the report below still printed: its 27 was read against table 3's 30 (存疑)."""
    v = values()
    new = v["t3.new_received.total"]
    printed = {c.id: synthetic._fmt(v[c.id]) for c in forms.cells(forms.GOV_2021)}
    blocks = synthetic._blocks(AGENCY, 2022, forms.GOV_2021, printed, v)
    sentence = f"共收到政府信息公开申请{new + 3}件"
    blocks = [(kind, content.replace(f"共收到政府信息公开申请{new}件", sentence) if kind == "para" else content)
              for kind, content in blocks]
    table = synthetic._Table([[("序号", 1, 1), ("更正位置", 1, 1), ("原数据", 1, 1), ("更正后数据", 1, 1)]],
                             [([("1", 1, 1), (f"一、总体情况 “{sentence}”", 1, 1)], [f"{new + 3}件", f"{new}件"])])
    rep = extracted([blocks[0], ("heading", "更正说明"), ("table", table), *blocks[1:]], "html")
    assert {f.value for f in rep.narrative if f.key == "applications_received" and f.headline} == {new}
    check_report(rep)
    assert rep.badge == "一致", [c.detail_en for c in rep.checks if c.outcome == "fail"]


@pytest.mark.parametrize("rendering", ["tab", "html"])
def test_a_correction_inside_a_row_of_the_report_s_table_leaves_the_row(rendering):
    """A cell of the report's own table printing its correction (7，应为5) is no sentence of an erratum: its row is
    read (that cell unsure), not blanked with the erratum's lines."""
    rep, v = _report(rendering, [("heading", "更正说明"), ("para", "本报告表三有一处更正，见表中。")],
                     {_GRANTED: "7，应为5"})
    row = [c.id for c in forms.cells(forms.GOV_2021) if c.id.startswith("t3.granted.") and c.id != _GRANTED]
    assert {c: rep.cells[c].value for c in row} == {c: v[c] for c in row}


@pytest.mark.parametrize("caption", ["更正后的表三：收到和处理政府信息公开申请情况",
                                     "表三 收到和处理政府信息公开申请情况（更正后）"])
@pytest.mark.parametrize("rendering", RENDERINGS)
def test_a_table_reprinted_corrected_after_the_report_is_read_in_place_of_the_original(rendering, caption):
    """Blind round 81 (revised reports): a 更正说明 after the report's signature printed table 3 again whole, captioned
    as corrected (更正后的表三), and the original table 3 in place stayed as published: the original was read (6 cells
    wrong). The corrected table is the report's; the original's region is superseded, and a reading note says so."""
    right = values(rows={"granted": [5, 1, 0, 0, 0, 1]})
    wrong = values(rows={"granted": [5, 1, 0, 0, 0, 0]})
    printed = {c.id: synthetic._fmt(wrong[c.id]) for c in forms.cells(forms.GOV_2021)}
    blocks = synthetic._blocks(AGENCY, 2022, forms.GOV_2021, printed, wrong)
    corrected = synthetic._blocks(AGENCY, 2022, forms.GOV_2021,
                                  {c.id: synthetic._fmt(right[c.id]) for c in forms.cells(forms.GOV_2021)}, right)
    table3 = next(content for kind, content in corrected if kind == "table" and content.header)
    erratum = [("para", AGENCY), ("para", "2023年1月28日"), ("heading", "更正说明（2023年2月15日）"),
               ("para", f"经核查，本报告表三漏统计其他组织申请1件，现将表三更正如下，正文第一部分“共收到政府信息公开申请"
                        f"{wrong['t3.new_received.total']}件”相应更正为“{right['t3.new_received.total']}件”。其余内容不变。"),
               ("para", caption), ("table", table3)]
    rep = extracted([*blocks, *erratum], rendering)
    assert {c: rep.cells[c].value for c in right if c.startswith("t3.")} == \
        {c: v for c, v in right.items() if c.startswith("t3.")}
    assert rep.cells["t2.penalty.decisions"].value == right["t2.penalty.decisions"]
    assert [w["tables"] for w in rep.warnings if w["code"] == "corrected_table"] == [["t3"]]
    assert {f.value for f in rep.narrative if f.key == "applications_received" and f.headline} == \
        {right["t3.new_received.total"]}
    check_report(rep)
    assert rep.badge == "一致", [c.detail_en for c in rep.checks if c.outcome == "fail"]


@pytest.mark.parametrize("sentence", [
    # (two corrections of one row, the second naming its column only)
    "表三中“（一）予以公开”行“自然人”栏数据“7”更正为“5”，“总计”栏数据“{wrong_total}”更正为“{total}”。",
    # (the unit after the closing quote; 有误 before 应为)
    "表二“行政处罚”本年处理决定数量“362”件应为“326”件；表三“（一）予以公开”行自然人一栏“7”有误，应为“5”，"
    "总计一栏“{wrong_total}”有误，应为“{total}”。",
], ids=["a row corrected twice", "units and 有误"])
def test_corrections_as_agencies_word_them_correct_the_cells(sentence):
    """Blind round 135 (reports corrected after publication): the second correction of a row (“总计”栏数据“13”
    更正为“14”) found two cells printing 13, the first correction's cell among them, and was not applied; a unit
    after the closing quote (“35.6”万元应为“53.6”万元) and 有误 before 应为 hid the correction."""
    v = values(rows={"granted": [5, 1, 0, 0, 0, 0]})
    total, wrong_total = v["t3.granted.total"], v[_GRANTED]  # (the total misprinted as the first cell's right number)
    misprinted = {_GRANTED: 7, "t3.granted.total": wrong_total} | ({_PENALTY: 362} if "行政处罚" in sentence else {})
    rep, v = _report("tab", [("heading", "更正说明"), ("para", sentence.format(total=total, wrong_total=wrong_total))],
                     misprinted)
    assert {cell: rep.cells[cell].value for cell in misprinted} == {cell: v[cell] for cell in misprinted}


def test_a_correction_of_prose_quoting_its_words_corrects_only_the_figure_it_quotes():
    """“办理行政复议案件2件”应为“办理行政复议案件3件” beside 行政诉讼案件2件 in the same sentence: only the review's
    figure is corrected (the litigation's, of the same number and sentence, was corrected too); the right number may
    follow the quoted words again (“共收到…申请58件”应为“共收到…申请56件”)."""
    v = values()
    review = v["t4.admin_review.total"]
    litigation = v["t4.litigation_direct.total"] + v["t4.litigation_after_review.total"]
    assert review != litigation
    printed = {c.id: synthetic._fmt(v[c.id]) for c in forms.cells(forms.GOV_2021)}
    blocks = synthetic._blocks(AGENCY, 2022, forms.GOV_2021, printed, v)
    wrong = f"全年办理行政复议案件{litigation}件，行政诉讼案件{litigation}件。"
    at = next(k for k, (kind, _) in enumerate(blocks) if kind == "para")
    note = f"更正说明：“办理行政复议案件{litigation}件”应为“办理行政复议案件{review}件”。"
    rep = extracted([*blocks[:at + 1], ("para", wrong), *blocks[at + 1:], ("para", note)], "tab")
    heads = {f.key: f.value for f in rep.narrative if f.headline}
    assert (heads["admin_review_cases"], heads["litigation_cases"]) == (review, litigation)


@pytest.mark.parametrize("erratum", [
    [("heading", "关于2021年度报告部分数据的更正说明"), ("para", "经复核，表三中“（一）予以公开”行自然人一栏“5”应为“7”。")],
    [("heading", "其他需要报告的事项"), ("para", "2021年度报告表三中“（一）予以公开”行自然人一栏“5”应为“7”，特此更正。")],
    [("heading", "更正说明"), ("para", "上年度报告表三中“（一）予以公开”行自然人一栏“5”应为“7”。")],
], ids=["under its heading", "in its sentence", "last year's"])
def test_a_correction_of_another_year_s_report_leaves_this_report_s_cells(erratum):
    """Blind round 138 (corrections of earlier reports): a 2022 report ending with a correction of its 2021 report
    changed its own cell that printed the same number by chance."""
    rep, v = _report("tab", [], {})
    assert rep.cells[_GRANTED].value == 5
    printed = {c.id: synthetic._fmt(v[c.id]) for c in forms.cells(forms.GOV_2021)}
    blocks = synthetic._blocks(AGENCY, 2022, forms.GOV_2021, printed, v)
    rep = extracted([*blocks, *erratum], "tab")
    assert rep.cells[_GRANTED].value == 5 and not [w for w in rep.warnings if w["code"] == "erratum_applied"]


@pytest.mark.parametrize("rendering", ["tab", "html"])
def test_an_erratum_naming_cells_and_their_right_numbers_only_corrects_them(rendering):
    """Blind round 162: 表中“（一）予以公开”行“自然人”应为5，“总计”应为6 says what the cells should print, not what they do:
    the erratum was not applied (it names the number printed in every other wording). A cell already printing the
    right number is left as it is."""
    erratum = [("heading", "更正说明"),
               ("para", "经复核，现予更正：“三、收到和处理政府信息公开申请情况”表中“（一）予以公开”行“自然人”应为5，"
                        "“总计”应为6。")]
    rep = _report(rendering, erratum, {_GRANTED: 7, "t3.granted.total": 8})[0]
    assert (rep.cells[_GRANTED].value, rep.cells["t3.granted.total"].value) == (5, 6)
    assert "“自然人”应为5" in rep.cells[_GRANTED].note
    rep = _report(rendering, erratum, {})[0]
    assert (rep.cells[_GRANTED].value, rep.cells[_GRANTED].note) == (5, None)


@pytest.mark.parametrize("rendering", ["tab", "html"])
@pytest.mark.parametrize("words", ["更正为", "应为", "修改为"])
def test_a_cell_printing_its_number_and_its_correction_is_read_as_corrected(rendering, words):
    """Blind round 162: 7（更正为5） in a cell was read as 7, the bracket an aside like 13（原为12）, whose first number is
    the right one."""
    rep = _report(rendering, [], {_GRANTED: f"7（{words}5）"})[0]
    assert rep.cells[_GRANTED].value == 5 and "改为 5" in rep.cells[_GRANTED].note


def test_a_correction_broken_over_two_lines_after_its_row_s_name_corrects_its_cell():
    """Blind round 1270 (a PDF's erratum wrapped mid-sentence): “（一）予以公开 | ”行“总计”栏数据“8”应为“6”, the row's name
    ending the line before, named the column alone and was not applied; the correction before it on that line was."""
    erratum = [("para", "更正说明：经核查，本报告表三中“（一）予以公开”行“商业企业”栏数据“3”应为“1”，“（一）予以公开\n"
                        "”行“总计”栏数据“8”应为“6”，特此更正。")]
    rep = _report("tab", erratum, {"t3.granted.commercial_enterprise": 3, "t3.granted.total": 8})[0]
    assert (rep.cells["t3.granted.commercial_enterprise"].value, rep.cells["t3.granted.total"].value) == (1, 6)
