"""Tables a statistics sheet prints with short captions and short labels (blind round 146): 表三 依申请公开 over rows
新收, 结转, 予以公开 … (a 行次 column beside them), 表四 复议诉讼 over rows 复议, 诉讼(直接), 诉讼(复议后), table 2's
其他服务 and 采购, and the report's sections only pointing at the sheet (见“统计表”工作表). Table 3's first six rows
were lost (its region began at the first row a label of the form names), table 4 and two items of table 2 too."""

from __future__ import annotations

import random

from builder import forms, synthetic
from builder.extraction.extract import extract_bytes
from builder.forms import GOV_2019

SHORT_T3 = ("新收", "结转", "予以公开", "部分公开", "国家秘密", "法律禁止", "三安全一稳定", "第三方权益", "内部事务",
            "过程性信息", "执法案卷", "行政查询", "不掌握", "另行制作", "不明确", "信访举报", "重复申请", "出版物",
            "大量反复", "确认或重新出具", "其他处理", "总计", "结转下年")
SHORT_T2 = {"rules": "规章", "normative_docs": "规范性文件", "licensing": "许可", "other_services": "其他服务",
            "penalty": "处罚", "coercion": "强制", "fees": "收费", "procurement": "采购"}
SHORT_T4 = ("复议", "诉讼(直接)", "诉讼(复议后)")


def test_a_statistics_sheet_s_short_captions_and_labels_are_read():
    v = synthetic.consistent_values(random.Random(31), GOV_2019, scale=30)
    agency = "齐齐哈尔市人民政府"
    lines = [f"{agency}2020年政府信息公开工作年度报告", "一、总体情况", "全年依申请公开工作有序推进。",
             "二、主动公开政府信息情况（见“统计表”工作表）", "三、收到和处理政府信息公开申请情况（见“统计表”工作表）",
             "四、政府信息公开行政复议、行政诉讼情况（见“统计表”工作表）", "五、存在的主要问题及改进情况", "培训不足。",
             "六、其他需要报告的事项", "本年度未收取信息处理费。", "", "表二 主动公开"]
    last = None
    for item in forms.T2_2019:
        measures = [m.label_zh.replace("本年新", "新").replace("对外公开总数量", "公开总数") for m in item.measures]
        if measures != last:
            lines.append("\t".join(["项目", *measures]))
            last = measures
        lines.append("\t".join([SHORT_T2[item.id], *(str(v[forms.t2_cell(item.id, m.id)]) for m in item.measures)]))
    lines += ["", "表三 依申请公开", "行次\t指标\t自然人\t企业\t科研\t公益\t法律\t其他\t合计"]
    lines += ["\t".join([str(k), label, *(str(v[forms.t3_cell(row.id, c.id)]) for c in forms.T3_COLUMNS)])
              for k, (row, label) in enumerate(zip(forms.FORMS[GOV_2019].t3_rows, SHORT_T3, strict=True), 1)]
    lines += ["", "表四 复议诉讼", "类别\t维持\t纠正\t其他\t未结\t合计"]
    lines += ["\t".join([label, *(str(v[forms.t4_cell(group.id, c.id)]) for c in forms.T4_COLUMNS)])
              for group, label in zip(forms.T4_GROUPS, SHORT_T4, strict=True)]
    report = extract_bytes("\n".join(lines).encode(), "统计表.txt")
    assert (report.agency.name, report.year, report.template) == (agency, 2020, GOV_2019)
    assert {c.id: report.cells[c.id].value for c in forms.cells(GOV_2019)} == v


def _tab_report(seed: int, template: str, relabel: dict[str, str]) -> tuple[str, dict]:
    """A generated report in tabs, table 2's labels given as ``relabel`` says (a row's label at its line's start)."""
    rng = random.Random(seed)
    values = synthetic.consistent_values(rng, template)
    year = 2020 if template == GOV_2019 else 2023
    text = synthetic.render("凤冈县人民政府", year, template, values, "tab")
    lines = text.split("\n")
    t2 = next(i for i, line in enumerate(lines) if line.startswith("二、"))
    t3 = next(i for i, line in enumerate(lines) if line.startswith("三、"))
    for i in range(t2, t3):
        for label, printed in relabel.items():
            if lines[i].startswith(label + "\t"):
                lines[i] = printed + lines[i][len(label):]
    return "\n".join(lines), values


def test_an_item_s_name_with_one_character_misread_is_that_item_s_row():
    """OCR's 行政许司 and 行政强剔 (for 行政许可, 行政强制): the one item whose name differs from the label in one character
    (blind round 220: the rows were missing)."""
    for template in (GOV_2019, forms.GOV_2021):
        text, values = _tab_report(7, template, {"行政许可": "行政许司", "行政强制": "行政强剔"})
        assert "行政许司\t" in text and "行政强剔\t" in text
        report = extract_bytes(text.encode(), "misread.txt")
        cells = report.cells
        codes = [w["code"] for w in report.warnings]  # (each row read so is noted; 行政许可 alone under its 第二十条
        # heading of the 2021 form is read by the heading first)
        assert codes.count("t2.row_misread") == (2 if template == GOV_2019 else 1)
        assert codes.count("t2.row_misread") + codes.count("t2.row_by_section") == 2
        for item in ("licensing", "coercion"):
            for measure in next(i for i in forms.FORMS[template].t2 if i.id == item).measures:
                cell = forms.t2_cell(item, measure.id)
                assert cells[cell].value == values[cell], cell


def test_a_short_name_one_character_off_is_no_item_s():
    """规定 is one character from 规章, but two characters say too little: the row is no item's."""
    text, _ = _tab_report(8, forms.GOV_2021, {"规章": "规定"})
    assert "规定\t" in text
    assert extract_bytes(text.encode(), "short.txt").cells["t2.rules.issued"].status == "missing"


def test_no_two_items_names_are_one_character_apart():
    """What makes a label one character off one item's name that item's, and no other's."""
    for form in forms.FORMS.values():
        names = [(item.id, word) for item in form.t2 for word in item.keywords if len(word) >= 4]
        for x, y in ((p[1], q[1]) for p in names for q in names if p[0] != q[0]):
            assert len(x) != len(y) or sum(c != d for c, d in zip(x, y)) > 1, (x, y)
