"""Table 2 rows whose label names two items (行政处罚（含行政强制）): each printed row goes to one item."""

from __future__ import annotations

import html
import random
import re

import pytest

from builder import forms, synthetic
from builder.extraction.extract import extract_bytes
from builder.forms import GOV_2021

from .test_layouts import AGENCY
from .test_table_rows import RENDERINGS


def t2_report(v: dict, labels: dict[str, str], rendering: str, drop: tuple[str, ...] = (),
              order: tuple[str, ...] = (), year_before: bool = False, dated: bool = False, change: bool = True,
              years_below: bool = False):
    """Table 2 printed item by item with its header; ``order``: the measures of （一） printed in that order;
    ``year_before``: a column of the year before's figure before the measures, and one of the change after;
    ``dated``: columns headed by years (2021年处理决定数量 | 2022年处理决定数量 | 增减幅度; 现行有效件数 |
    2021年现行有效件数), ``change``: with the year before's, the change's column too; ``years_below``: each measure's
    header over two columns, 2021年 | 2022年 on the header line under it."""
    printed = {c.id: synthetic._fmt(v[c.id]) for c in forms.cells(GOV_2021)}
    blocks = synthetic._blocks(AGENCY, 2022, GOV_2021, printed, v)
    t2 = next(content for kind, content in blocks if kind == "table")
    t2.rows = []
    for item in forms.FORMS[GOV_2021].t2:
        if item.id in drop:
            continue
        measures = item.measures
        if order and len(measures) == len(order):
            measures = tuple(sorted(measures, key=lambda m: order.index(m.id)))
        cells = [printed[forms.t2_cell(item.id, m.id)] for m in measures]
        heads = [m.label_zh for m in measures]
        if year_before:  # 上年现行有效件数 | 本年制发件数 | 本年废止件数 | 现行有效件数 | 增减
            last = v[forms.t2_cell(item.id, measures[-1].id)]
            cells = [synthetic._fmt(last + 7), *cells, *(["-7"] if change else [])]
            heads = [f"上年{measures[-1].label_zh.removeprefix('本年')}", *heads, *(["增减"] if change else [])]
        if dated and len(measures) == 1:
            last = v[forms.t2_cell(item.id, measures[0].id)] + 5
            cells = [synthetic._fmt(last), *cells, "+3.5%"]
            name = measures[0].label_zh.removeprefix("本年")
            heads = [f"2021年{name}", f"2022年{name}", "增减幅度"]
        elif dated:
            cells = [*cells, synthetic._fmt(v[forms.t2_cell(item.id, measures[-1].id)] + 2)]
            heads = [*heads, f"2021年{measures[-1].label_zh}"]
        if years_below:
            before = [synthetic._fmt(v[forms.t2_cell(item.id, m.id)] + 3) for m in measures]
            cells = [value for pair in zip(before, cells) for value in pair]
            t2.rows.append(([(item.section_zh, 1, 1 + len(cells))], []))
            t2.rows.append(([("信息内容", 2, 1)] + [(head, 1, 2) for head in heads], []))
            t2.rows.append(([(year, 1, 1) for _ in heads for year in ("2021年", "2022年")], []))
            t2.rows.append(([(labels.get(item.id, item.label_zh), 1, 1)], cells))
            continue
        t2.rows.append(([(item.section_zh, 1, 1 + len(heads))], []))
        t2.rows.append(([("信息内容", 1, 1)] + [(head, 1, 1) for head in heads], []))
        t2.rows.append(([(labels.get(item.id, item.label_zh), 1, 1)], cells))
    if rendering == "html":
        return extract_bytes(synthetic._html(blocks).encode(), "case.html")
    if rendering == "docx":
        return extract_bytes(synthetic._docx(blocks), "case.docx")
    return extract_bytes("\n".join(synthetic._text_lines(blocks, rendering, random.Random(0))).encode(), "case.txt")


def values() -> dict:
    v = synthetic.consistent_values(random.Random(3), GOV_2021)
    v.update({"t2.penalty.decisions": 2704, "t2.coercion.decisions": 17, "t2.rules.issued": 2,
              "t2.normative_docs.issued": 16})
    return v


def assert_table_2_read(rep, v: dict) -> None:
    """Every cell of table 2 read as printed."""
    for cell in forms.cells(GOV_2021):
        if cell.table == "t2":
            assert (rep.cells[cell.id].value, rep.cells[cell.id].status) == (v[cell.id], "reported"), cell.id


@pytest.mark.parametrize("rendering", RENDERINGS)
@pytest.mark.parametrize("item, label", [("penalty", "行政处罚（含行政强制）"), ("rules", "规章（含规范性文件）")])
def test_a_row_naming_two_items_leaves_the_other_item_its_own_row(rendering, item, label):
    """行政强制's 17 was read from the 行政处罚（含行政强制） row printed before it (2704)."""
    v = values()
    rep = t2_report(v, {item: label}, rendering)
    assert_table_2_read(rep, v)


@pytest.mark.parametrize("rendering", RENDERINGS)
def test_a_row_naming_two_items_goes_to_one_only(rendering):
    v = values()
    rep = t2_report(v, {"penalty": "行政处罚（含行政强制）"}, rendering, drop=("coercion",))
    assert rep.value("t2.penalty.decisions") == 2704
    assert (rep.cells["t2.coercion.decisions"].status, rep.value("t2.coercion.decisions")) == ("missing", None)


@pytest.mark.parametrize("rendering", RENDERINGS)
@pytest.mark.parametrize("order", [("in_force", "issued", "repealed"), ("issued", "in_force", "repealed")])
def test_measures_printed_in_another_order_are_read_by_the_header(rendering, order):
    """现行有效件数 | 本年制发件数 | 本年废止件数: the numbers were placed in the form's order, each wrong."""
    v = values()
    v.update({"t2.rules.in_force": 41, "t2.normative_docs.in_force": 73, "t2.rules.repealed": 5})
    rep = t2_report(v, {}, rendering, order=order)
    assert_table_2_read(rep, v)
    assert "t2.column_order" in [w["code"] for w in rep.warnings]


@pytest.mark.parametrize("rendering", RENDERINGS)
@pytest.mark.parametrize("change", [True, False])
def test_columns_the_form_does_not_have_are_passed_over_by_the_header(rendering, change):
    """上年现行有效件数 | 本年制发件数 | 本年废止件数 | 现行有效件数 | 增减 (and 上年处理决定数量 | 本年处理决定数量 |
    增减): the first cells were read, the year before's figure as the report year's. Text spaced apart
    keeps its rows unsure: more numbers than cells there may be a number split or a sign spaced off.
    Without the change's column, 上年现行有效件数 first made the header look like the measures in another
    order (现行有效件数 first): 8 | 11 | 59 were read as 11 issued, 59 repealed, 8 in force."""
    v = values()
    rep = t2_report(v, {}, rendering, year_before=True, change=change)
    for cell in forms.cells(GOV_2021):
        if cell.table == "t2" and rendering == "space":
            assert rep.cells[cell.id].status == "ambiguous", cell.id
        elif cell.table == "t2":
            assert (rep.cells[cell.id].value, rep.cells[cell.id].status) == (v[cell.id], "reported"), cell.id
    assert ("t2.extra_columns" in [w["code"] for w in rep.warnings]) == (rendering != "space")


@pytest.mark.parametrize("rendering", ["tab", "pipe", "html", "docx"])
def test_columns_headed_by_years_are_read_for_the_latest(rendering):
    """2021年处理决定数量 | 2022年处理决定数量 | 增减幅度: the first, the year before's, was read as the report's;
    现行有效件数 | 2021年现行有效件数: the form's column, beside last year's, is the report's."""
    v = values()
    rep = t2_report(v, {}, rendering, dated=True)
    assert_table_2_read(rep, v)
    assert "t2.extra_columns" in [w["code"] for w in rep.warnings]


@pytest.mark.parametrize("rendering", RENDERINGS)
def test_a_line_of_years_under_the_measures_is_read_for_the_latest(rendering):
    """本年制发件数 over two columns, 2021年 | 2022年 on the header line under it (each measure so): the year
    before's was read as the report's, the first of each pair. Text spaced by one space shows no columns:
    its rows stay unsure, never the year before's."""
    v = values()
    rep = t2_report(v, {}, rendering, years_below=True)
    for cell in forms.cells(GOV_2021):
        if cell.table == "t2" and rendering == "space":
            assert rep.cells[cell.id].value in (v[cell.id], None), cell.id
        elif cell.table == "t2":
            assert (rep.cells[cell.id].value, rep.cells[cell.id].status) == (v[cell.id], "reported"), cell.id
    assert "t2.extra_columns" in [w["code"] for w in rep.warnings]


_PDF_TEXT_T2 = """二、主动公开政府信息情况
                         第二十条第（一）项
    信息内容     上年制发件数         本年制发件数   本年废止件数    现行有效件数
     规章         0              0        0         0
  行政规范性文件       7              5        3        46
                         第二十条第（五）项
 信息内容        上年处理决定数量       本年处理决定数量      增减       同比
 行政许可           385            412        27      7.01%
                         第二十条第（六）项
 信息内容        上年处理决定数量       本年处理决定数量      增减       同比
 行政处罚           214            186        -28    -13.08%
 行政强制            12             9          -3    -25.00%
                         第二十条第（八）项
  信息内容    上年收费金额（单位：万元） 本年收费金额（单位：万元）     增减      同比
行政事业性收费          0              0          0       —
三、收到和处理政府信息公开申请情况"""


def test_pdf_text_columns_of_other_years_are_passed_over_where_each_value_stands_under_its_header():
    """pdftotext's table 2 with 上年 | 本年 | 增减 | 同比 spaced apart (the 同比 in % read as the next row's label):
    every cell was unsure; each value stands under a header cell of its own, so the header names them. A number
    split in two (3 682) under one header cell stays unsure."""
    v = values()
    printed = {c.id: synthetic._fmt(v[c.id]) for c in forms.cells(GOV_2021)}
    whole = "\n".join(synthetic._text_lines(synthetic._blocks(AGENCY, 2022, GOV_2021, printed, v), "space",
                                            random.Random(0)))
    start, end = whole.index("二、主动公开政府信息情况"), whole.index("三、收到和处理政府信息公开申请情况")
    text = whole[:start] + _PDF_TEXT_T2.removesuffix("三、收到和处理政府信息公开申请情况") + whole[end:]
    rep = extract_bytes(text.encode(), "case.txt")
    read = {c: rep.cells[c].value for c in ("t2.normative_docs.issued", "t2.normative_docs.repealed",
                                            "t2.normative_docs.in_force", "t2.licensing.decisions",
                                            "t2.penalty.decisions", "t2.coercion.decisions", "t2.fees.amount_10k_cny")}
    assert read == {"t2.normative_docs.issued": 5, "t2.normative_docs.repealed": 3, "t2.normative_docs.in_force": 46,
                    "t2.licensing.decisions": 412, "t2.penalty.decisions": 186, "t2.coercion.decisions": 9,
                    "t2.fees.amount_10k_cny": 0}
    split = text.replace(" 行政许可           385            412 ", " 行政许可                   3 85     412 ")
    assert extract_bytes(split.encode(), "case.txt").cells["t2.licensing.decisions"].status == "ambiguous"


def test_a_spreadsheet_grid_s_spacer_cells_are_passed_over_by_the_header():
    """A sheet pasted into Word on a finer grid: a blank column before the labels, two after them, one
    after each value (\\t行政规范性文件\\t\\t\\t3\\t\\t1\\t\\t22\\t\\t). 现行有效件数 was read as the repealed 1."""
    from .conftest import CORPUS

    text = (CORPUS / "002_ca7c6a4c8b1a7e82.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    start, end = lines.index("二、主动公开政府信息情况"), lines.index("三、收到和处理政府信息公开申请情况")
    for k in range(start + 1, end):
        cells = [c for c in lines[k].split("\t") if c]
        if cells:
            lines[k] = "\t" + cells[0] + "\t\t\t" + "".join(f"{c}\t\t" for c in cells[1:]) + "\t\t" * (4 - len(cells))
    rep = extract_bytes("\n".join(lines).encode(), "case.txt")
    assert [rep.value(f"t2.normative_docs.{m}") for m in ("issued", "repealed", "in_force")] == [2, 1, 15]
    assert rep.value("t2.fees.amount_10k_cny") == 0 and rep.value("t2.licensing.decisions") == 0


@pytest.mark.parametrize("rendering", RENDERINGS)
@pytest.mark.parametrize("item, label", [("licensing", "行政许司"), ("fees", "行政亊业忄生收费")])
def test_a_garbled_label_under_a_heading_of_one_item_is_that_item(rendering, item, label):
    """OCR's 行政许司 under 第二十条第（五）项 (its only item in the 2021 form): the row was left out."""
    v = values()
    rep = t2_report(v, {item: label}, rendering)
    assert_table_2_read(rep, v)
    assert "t2.row_by_section" in [w["code"] for w in rep.warnings]


@pytest.mark.parametrize("rendering", RENDERINGS)
def test_a_garbled_label_under_a_heading_of_two_items_is_not_guessed(rendering):
    """第二十条第（六）项 has 行政处罚 and 行政强制: a garbled label there could be either."""
    v = values()
    rep = t2_report(v, {"coercion": "行攻强刺"}, rendering)
    assert rep.value("t2.penalty.decisions") == 2704
    assert (rep.cells["t2.coercion.decisions"].status, rep.value("t2.coercion.decisions")) == ("missing", None)


def test_a_table_naming_the_article_only_in_its_later_rows_starts_at_its_header():
    """No 第二十条第（一）项 row (a province's form: the article in the labels, 行政许可（第二十条第五项）): the
    table was taken to start at the first label naming the article, and 规章 and 规范性文件 went missing."""
    from .test_layouts import values

    v = values(GOV_2021)
    text = synthetic.render(AGENCY, 2022, GOV_2021, v, "tab")
    start, end = text.index("第二十条第（一）项"), text.index("三、收到和处理政府信息公开申请情况")
    measures = ("issued", "repealed", "in_force")
    rows = ["信息内容\t本年制发件数\t本年废止件数\t现行有效件数",
            "规章\t" + "\t".join(str(v[f"t2.rules.{m}"]) for m in measures),
            "行政规范性文件\t" + "\t".join(str(v[f"t2.normative_docs.{m}"]) for m in measures),
            "信息内容\t本年处理决定数量", f"行政许可（第二十条第五项）\t{v['t2.licensing.decisions']}",
            f"行政处罚（第二十条第六项）\t{v['t2.penalty.decisions']}",
            f"行政强制（第二十条第六项）\t{v['t2.coercion.decisions']}",
            "信息内容\t本年收费金额（单位：万元）", f"行政事业性收费（第二十条第八项）\t{v['t2.fees.amount_10k_cny']}", "", ""]
    rep = extract_bytes((text[:start] + "\n".join(rows) + text[end:]).encode(), "report.txt")
    assert {c.id: rep.value(c.id) for c in forms.cells(GOV_2021) if c.table == "t2"} == {
        c.id: v[c.id] for c in forms.cells(GOV_2021) if c.table == "t2"}


def test_a_label_wrapped_below_its_numbers_names_its_item_with_its_second_line():
    """pdftotext -layout of a narrow label column: 行政规范      1      0      4, then 性文件 alone on the next line.
    The row named no item and its three cells were missed; the line of words below it completes its label."""
    v = values()
    lines = synthetic.render(AGENCY, 2022, GOV_2021, v, "space").split("\n")
    at = next(k for k, line in enumerate(lines) if line.startswith("规范性文件"))
    lines[at:at + 1] = [lines[at].replace("规范性文件", "行政规范      ", 1), "    性文件"]
    rep = extract_bytes("\n".join(lines).encode(), "case.txt")
    assert_table_2_read(rep, v)


def test_a_label_wrapped_above_its_numbers_names_its_item_with_its_first_line():
    """pypdf's text of a narrow label column with the numbers on the label's last line: 行政规范 alone, then
    性文件 1 0 4 (其他对外管理服务 / 事项 0 0 0 on the 2019 form). The row named no item and its cells were missed."""
    v = values()
    lines = synthetic.render(AGENCY, 2022, GOV_2021, v, "space").split("\n")
    at = next(k for k, line in enumerate(lines) if line.startswith("规范性文件"))
    lines[at:at + 1] = ["行政规范", lines[at].replace("规范性文件", "性文件", 1)]
    rep = extract_bytes("\n".join(lines).encode(), "case.txt")
    assert_table_2_read(rep, v)


@pytest.mark.parametrize("rendering", ["tab", "space"])
def test_an_erratum_s_quoted_numbers_before_the_title_are_no_rows(rendering):
    """修订说明 before a revised report: 表二第二十条第（一）项“行政规范性文件 现行有效件数”由“56”修订为“65”. The quoted
    numbers were read as rows of table 2 (its normative documents unsure between 56 and the table's own)."""
    v = values()
    printed = {c.id: synthetic._fmt(v[c.id]) for c in forms.cells(GOV_2021)}
    lines = synthetic._text_lines(synthetic._blocks(AGENCY, 2022, GOV_2021, printed, v), rendering, random.Random(0))
    in_force = v["t2.normative_docs.in_force"]
    erratum = ["修订说明", f"1.表二第二十条第（一）项“行政规范性文件 现行有效件数”由“{in_force + 9}”修订为“{in_force}”；",
               "修订后的报告全文如下。"]
    rep = extract_bytes("\n".join(erratum + lines).encode(), "case.txt")
    assert_table_2_read(rep, v)


def column_blocks_report(template: str, seed: int, shuffle: bool = False, drop_one: bool = False):
    """Table 2 as a PDF's text read cell by cell, column by column (pdftotext without -layout): the label
    column first (信息内容 over each heading's items), then each 第二十条 heading with its measures a line each
    and its values a line each, row by row, blank lines between some; ``shuffle``: the labels column lists
    each heading's items in another order than the form's (their values follow it); ``drop_one``: the
    last value of a heading lost."""
    from .test_layouts import values

    rnd = random.Random(seed)
    v = values(template, seed)
    form = forms.FORMS[template]
    text = synthetic.render(AGENCY, 2022, template, v, "tab")
    start, end = text.index(form.t2[0].section_zh), text.index("三、收到和处理政府信息公开申请情况")
    sections: dict[str, list] = {}
    for item in form.t2:
        sections.setdefault(item.section_zh, []).append(item)
    if shuffle:
        for items in sections.values():
            items.reverse()
    lines = [line for items in sections.values() for line in ("信息内容", *(i.label_zh for i in items))]
    for section, items in sections.items():
        lines += [section.replace("（", "(").replace("）", ")"), *(m.label_zh for m in items[0].measures)]
        numbers = [str(v[forms.t2_cell(i.id, m.id)]) for i in items for m in i.measures]
        if drop_one and section == form.t2[0].section_zh:
            numbers.pop()
        for number in numbers:
            lines += [number] + [""] * rnd.randint(0, 1)
    return extract_bytes((text[:start] + "\n".join(lines) + "\n\n" + text[end:]).encode(), "report.txt"), v


@pytest.mark.parametrize("template", [GOV_2021, forms.GOV_2019])
@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("shuffle", [False, True])
def test_labels_apart_from_blocks_of_numbers_under_each_heading(template, seed, shuffle):
    """A heading printed alone, its measures a line each, then its items' values a line each: nothing was
    read but the lines the labels happened to stand next to (t2 missing throughout, procurement unsure). A
    heading of one item is read; one of two items (规章, 规范性文件) is read row by row as pdftotext gives it,
    or column by column as pdfminer does: the text does not say which, so where the two differ its cells are
    unsure, both readings their candidates."""
    rep, v = column_blocks_report(template, seed, shuffle)
    items = forms.FORMS[template].t2
    for item in items:
        shared = [i for i in items if i.section_zh == item.section_zh]
        down = [v[forms.t2_cell(i.id, m.id)] for i in shared for m in i.measures]
        across = [down[k * len(item.measures) + n] for n in range(len(item.measures)) for k in range(len(shared))]
        for m in item.measures:
            cell = rep.cells[forms.t2_cell(item.id, m.id)]
            if down == across:
                assert (cell.value, cell.status) == (v[forms.t2_cell(item.id, m.id)], "reported")
            else:
                assert cell.status == "ambiguous" and v[forms.t2_cell(item.id, m.id)] in cell.candidates
    assert "t2.section_blocks" in [w["code"] for w in rep.warnings]


def test_a_block_short_of_a_value_is_not_guessed():
    """Five numbers under 第二十条第（一）项 for its two items' six: which one is lost cannot be known, so
    none of them is read as a value it might not be."""
    rep, v = column_blocks_report(GOV_2021, 1, drop_one=True)
    for item in ("rules", "normative_docs"):
        for measure in ("issued", "repealed", "in_force"):
            assert rep.cells[f"t2.{item}.{measure}"].value in (None, v[f"t2.{item}.{measure}"]) or \
                rep.cells[f"t2.{item}.{measure}"].status != "reported"
    assert rep.value("t2.licensing.decisions") == v["t2.licensing.decisions"]


def test_a_label_past_a_page_break_below_a_value_is_not_its_label():
    """Blind round 52 (pdfminer's text): 本年处理决定数量 / 6395 / (a page's end) / 行政强制 / … / 187: the label past
    the break was taken as the value's own, printed after it, and 6395 (行政处罚's) read as 行政强制's. A label
    printed after its value stands on the next line, or after one blank."""
    from .test_layouts import values

    v = values(GOV_2021, 1) | {"t2.penalty.decisions": 6395, "t2.coercion.decisions": 187}
    text = synthetic.render(AGENCY, 2022, GOV_2021, v, "tab")
    start, end = text.index("第二十条第（一）项"), text.index("三、收到和处理政府信息公开申请情况")

    def n(item: str, measure: str = "decisions") -> str:
        return str(v[forms.t2_cell(item, measure)])

    lines = ["信息内容", "规章", "行政规范性文件", "", "信息内容", "行政许可", "", "信息内容", "行政处罚", "",
             "第二十条第（一）项", "本年制发件数", n("rules", "issued"), n("normative_docs", "issued"), "",
             "第二十条第（五）项", "", "本年废止件数", n("rules", "repealed"), n("normative_docs", "repealed"), "",
             "现行有效件数", n("rules", "in_force"), n("normative_docs", "in_force"), "", "本年处理决定数量",
             n("licensing"), "", "第二十条第（六）项", "", "本年处理决定数量", n("penalty"), "", "- 2 -", "", "行政强制", "",
             "信息内容", "行政事业性收费", "", "第二十条第（八）项", "", n("coercion")]
    rep = extract_bytes((text[:start] + "\n".join(lines) + "\n\n" + text[end:]).encode(), "report.txt")
    for item in ("licensing", "penalty", "coercion"):
        assert rep.cells[f"t2.{item}.decisions"].value in (None, v[f"t2.{item}.decisions"]), item


def test_table_2_as_cards_each_titled_above_its_numbers_is_read():
    """Blind round 53 (a mobile portal's cards): 第二十条第（一）项 · 规章 / 本年制发件数… / 0 0 0 / 第二十条第（一）项 · 行政
    规范性文件 / 7 2 38 …: each card's numbers went to the title after them (the next card's), five values wrong. The
    title above, past the measures' line, names a row as much as one below."""
    from .test_layouts import values

    v = values(GOV_2021, 2) | {"t2.licensing.decisions": 6720, "t2.penalty.decisions": 1583, "t2.coercion.decisions": 12}
    form = forms.FORMS[GOV_2021]
    text = synthetic.render(AGENCY, 2022, GOV_2021, v, "tab")
    start, end = text.index(form.t2[0].section_zh), text.index("三、收到和处理政府信息公开申请情况")
    lines = []
    for k, item in enumerate(form.t2):
        lines.append(f"{item.section_zh} · {item.label_zh}")
        if k == 0 or item.section_zh != form.t2[k - 1].section_zh or len(item.measures) == 1:
            lines.append("\t" + "\t".join(m.label_zh for m in item.measures))
        lines.append("\t" + "\t".join(synthetic._fmt(v[forms.t2_cell(item.id, m.id)]) for m in item.measures))
    rep = extract_bytes((text[:start] + "\n".join(lines) + "\n\n" + text[end:]).encode(), "report.txt")
    for cell in (c for c in forms.cells(GOV_2021) if c.table == "t2"):
        assert rep.cells[cell.id].value == v[cell.id], cell.id


def turned_t2_report(v: dict, rendering: str, numbered: bool):
    """Table 2 with （一）'s items and （五）（六）'s items turned: a header naming them a column each and a 合计 column
    after them, a row for each measure (本年制发件数 | 0 | 4 | 4); ``numbered``: a 序号 column first."""
    printed = {c.id: synthetic._fmt(v[c.id]) for c in forms.cells(GOV_2021)}
    blocks = synthetic._blocks(AGENCY, 2022, GOV_2021, printed, v)
    t2 = next(content for kind, content in blocks if kind == "table")
    items = {item.id: item for item in forms.FORMS[GOV_2021].t2}
    lead = [("", 1, 1)] if numbered else []
    t2.rows = []
    number = 0
    for section, ids in (("第二十条第（一）项", ("rules", "normative_docs")),
                         ("第二十条第（五）项、第（六）项", ("licensing", "penalty", "coercion"))):
        t2.rows.append(([*lead, (section, 1, 2 + len(ids))], []))
        t2.rows.append(([*lead, ("信息内容", 1, 1), *((items[i].label_zh, 1, 1) for i in ids), ("合计", 1, 1)], []))
        for measure in items[ids[0]].measures:
            number += 1
            cells = [printed[forms.t2_cell(i, measure.id)] for i in ids]
            total = synthetic._fmt(sum(v[forms.t2_cell(i, measure.id)] for i in ids))
            t2.rows.append(([*([(str(number), 1, 1)] if numbered else []), (measure.label_zh, 1, 1)], [*cells, total]))
    item = items["fees"]
    t2.rows.append(([*lead, (item.section_zh, 1, 2)], []))
    t2.rows.append(([*lead, ("信息内容", 1, 1), (item.measures[0].label_zh, 1, 1)], []))
    t2.rows.append(([*lead, (item.label_zh, 1, 1)], [printed["t2.fees.amount_10k_cny"]]))
    if rendering == "html":
        return extract_bytes(synthetic._html(blocks).encode(), "case.html")
    return extract_bytes("\n".join(synthetic._text_lines(blocks, rendering, random.Random(0))).encode(), "case.txt")


@pytest.mark.parametrize("rendering", ["tab", "pipe", "html"])
@pytest.mark.parametrize("numbered", [False, True])
def test_items_printed_turned_are_read_by_their_columns_and_their_measures_rows(rendering, numbered):
    """Blind round 65 (extra rows and columns): 信息内容 | 规章 | 行政规范性文件 | 合计 over 本年制发件数 | 0 | 3 | 3 …, and
    行政许可 | 行政处罚 | 行政强制 | 合计 over one 本年处理决定数量 row: the items named in the header and each measure in
    its row's first words (after a 序号 cell) were no row of the form's, and their cells were missed."""
    v = values()
    rep = turned_t2_report(v, rendering, numbered)
    assert_table_2_read(rep, v)
    assert any(w["code"] == "t2.turned" for w in rep.warnings)


@pytest.mark.parametrize("rendering", ["html", "docx"])
def test_items_printed_in_one_wide_row_are_read_by_their_columns(rendering):
    """Blind round 68 (Word tables built unusually): table 2 as one wide row — a header line of the 第二十条 items,
    one of the items (规章 merged over its three columns …), one of each column's measure, then 数量 | 0 | 0 | 0 | 2 |
    0 | 9 | 356 …: no row named an item, and table 2 was missing."""
    from .test_table_rows import extracted

    v = values()
    printed = {c.id: synthetic._fmt(v[c.id]) for c in forms.cells(GOV_2021)}
    blocks = synthetic._blocks(AGENCY, 2022, GOV_2021, printed, v)
    t2 = next(content for kind, content in blocks if kind == "table")
    items = forms.FORMS[GOV_2021].t2
    sections: dict[str, int] = {}
    for item in items:
        sections[item.section_zh] = sections.get(item.section_zh, 0) + len(item.measures)
    t2.header = [[("信息内容", 3, 1), *((section, 1, width) for section, width in sections.items())],
                 [(item.label_zh, 1, len(item.measures)) for item in items],
                 [(m.label_zh, 1, 1) for item in items for m in item.measures]]
    t2.rows = [([("数量", 1, 1)], [printed[forms.t2_cell(item.id, m.id)] for item in items for m in item.measures])]
    rep = extracted(blocks, rendering)
    assert_table_2_read(rep, v)
    assert any(w["code"] == "t2.wide" for w in rep.warnings)


@pytest.mark.parametrize("rendering", ["tab", "pipe"])
def test_items_named_short_are_read_as_the_form_s(rendering):
    """Blind round 72 (abbreviated labels): table 2's rows printed 许可, 处罚, 强制 and 收费（万元） (the agency's own short
    labels): no row named an item and the four cells were missing."""
    v = synthetic.consistent_values(random.Random(3), GOV_2021)
    text = synthetic.render(AGENCY, 2023, GOV_2021, v, rendering)
    for word, short in (("行政许可", "许可"), ("行政处罚", "处罚"), ("行政强制", "强制"), ("行政事业性收费", "收费（万元）")):
        text = text.replace(f"{word}\t", f"{short}\t").replace(f"| {word} |", f"| {short} |")
    assert "行政许可" not in text.split("三、")[0].split("二、")[1] and "收费（万元）" in text
    report = extract_bytes(text.encode(), "report.txt")
    for item in ("licensing", "penalty", "coercion"):
        assert report.value(forms.t2_cell(item, "decisions")) == v[forms.t2_cell(item, "decisions")]
    assert report.value("t2.fees.amount_10k_cny") == v["t2.fees.amount_10k_cny"]


@pytest.mark.parametrize("rendering", ["html", "docx"])
def test_items_of_one_measure_named_in_a_header_over_a_row_of_their_numbers_are_read(rendering):
    """Blind round 72 (abbreviated labels): 信息内容 | 许可 | 处罚 | 强制 | 收费（万元） over 本年数量 | 517 | 163 | 9 | 0, the
    items' one measure named nowhere: no row named an item and the four cells were missing."""
    from .test_table_rows import extracted

    v = values()
    printed = {c.id: synthetic._fmt(v[c.id]) for c in forms.cells(GOV_2021)}
    blocks = synthetic._blocks(AGENCY, 2022, GOV_2021, printed, v)
    t2 = next(content for kind, content in blocks if kind == "table")
    single = [item for item in forms.FORMS[GOV_2021].t2 if len(item.measures) == 1]
    first_item = next(k for k, (label, _) in enumerate(t2.rows) if label[0][0] == "第二十条第（五）项")
    t2.rows = [*t2.rows[:first_item], ([("信息内容", 1, 1)], ["许可", "处罚", "强制", "收费（万元）"]),
               ([("本年数量", 1, 1)], [printed[forms.t2_cell(item.id, item.measures[0].id)] for item in single])]
    rep = extracted(blocks, rendering)
    for item in single:
        cell = forms.t2_cell(item.id, item.measures[0].id)
        assert rep.value(cell) == v[cell], cell


@pytest.mark.parametrize("spread", ["6\t4\t2", "1\t2\t8\t3\t.\t5\t7"])
def test_a_one_measure_row_printing_a_digit_a_cell_is_never_read_as_its_first_digit(spread):
    """Blind round 78 (digits set apart): 行政处罚 in a cell spanning three columns, its digits parted by spaces
    (6&nbsp;4&nbsp;2), was parted like a merged cell's numbers and read as 6: the row is unsure, its readings listed."""
    v = synthetic.consistent_values(random.Random(5), GOV_2021)
    text = synthetic.render(AGENCY, 2023, GOV_2021, v, "tab")
    line = next(line for line in text.split("\n") if line.startswith("行政处罚\t"))
    report = extract_bytes(text.replace(line, f"行政处罚\t{spread}").encode(), "report.txt")
    cell = report.cells["t2.penalty.decisions"]
    assert (cell.value, cell.status) == (None, "ambiguous")


def test_a_zero_beside_last_year_s_figure_is_this_year_s_zero_not_a_number_s_first_digit():
    """Blind round 121: 行政强制 | 0 | 1 under 本年处理决定数量 | 2023年 was taken for a number's digits set apart (01)
    and left unsure. No number begins with 0: the row prints this year's 0 and last year's 1."""
    v = synthetic.consistent_values(random.Random(5), GOV_2021)
    v["t2.coercion.decisions"] = 0
    text = synthetic.render(AGENCY, 2023, GOV_2021, v, "tab").replace("本年处理决定数量\n", "本年处理决定数量\t2022年\n")
    line = next(line for line in text.split("\n") if line.startswith("行政强制\t"))
    report = extract_bytes(text.replace(line, "行政强制\t0\t1").encode(), "report.txt")
    assert report.value("t2.coercion.decisions") == 0


@pytest.mark.parametrize("rendering", ["html", "tab"])
def test_items_as_cards_of_a_title_and_a_measure_glued_to_its_value_are_read(rendering):
    """Blind round 122 (mobile pages): each item a card, its title above a line of the measure's name run into its value
    (行政处罚 / 本年处理决定数量647 / 行政强制 / 本年处理决定数量无). 647 went to 行政强制, the next card's title read as the
    rest of a wrapped label, and 无 glued to the name was no value."""
    v = synthetic.consistent_values(random.Random(5), GOV_2021)
    v["t2.coercion.decisions"] = 0
    lines = synthetic.render(AGENCY, 2023, GOV_2021, v, "tab").split("\n")
    start = lines.index("第二十条第（五）项")
    end = next(k for k, line in enumerate(lines) if line.startswith("三、收到"))
    cards = []
    for item in forms.FORMS[GOV_2021].t2:
        if len(item.measures) == 1:
            value = v[forms.t2_cell(item.id, item.measures[0].id)]
            cards += [item.section_zh, item.label_zh, f"{item.measures[0].label_zh}{value or '无'}"]
    text = "\n".join([*lines[:start], *cards, *lines[end:]])
    if rendering == "html":
        body = "".join(f"<div><span>{line}</span></div>" if line in cards[1::3] else
                       "<div><span>{}</span><span>{}</span></div>".format(*re.match(r"(\D+)(.*)", line).groups())
                       if line in cards[2::3] else f"<p>{html.escape(line)}</p>" for line in text.split("\n"))
        report = extract_bytes(f"<html><body>{body}</body></html>".encode(), "report.html")
    else:
        report = extract_bytes(text.encode(), "report.txt")
    for item in forms.FORMS[GOV_2021].t2:
        if len(item.measures) == 1:
            cell = forms.t2_cell(item.id, item.measures[0].id)
            assert report.value(cell) == v[cell], cell


def test_table_2_copied_column_by_column_by_a_pdf_reader_is_read_by_its_measures():
    """Blind round 122 (text a PDF reader copies): each 第二十条 block as 信息内容, its items' labels a line each, then
    each measure's name and a value a line for each item (规章 / 行政规范性文件 / 本年制发件数 / 0 / 3 / 本年废止件数 / …).
    Rules' and normative documents' cells were missed, and 行政处罚's and 行政强制's values ran into one unsure row."""
    v = synthetic.consistent_values(random.Random(5), GOV_2021)
    lines = synthetic.render(AGENCY, 2023, GOV_2021, v, "tab").split("\n")
    start = lines.index("二、主动公开政府信息情况") + 1
    end = next(k for k, line in enumerate(lines) if line.startswith("三、收到"))
    copied = []
    sections: dict[str, list] = {}
    for item in forms.FORMS[GOV_2021].t2:
        sections.setdefault(item.section_zh, []).append(item)
    for section, items in sections.items():
        copied += [section, "信息内容", *(item.label_zh for item in items)]
        for measure in items[0].measures:
            copied += [measure.label_zh, *(synthetic._fmt(v[forms.t2_cell(i.id, measure.id)]) for i in items)]
    report = extract_bytes("\n".join([*lines[:start], *copied, *lines[end:]]).encode(), "report.txt")
    assert {c.id: report.value(c.id) for c in forms.cells(GOV_2021) if c.table == "t2"} == {
        c.id: v[c.id] for c in forms.cells(GOV_2021) if c.table == "t2"}


def test_a_one_measure_row_of_a_merged_zero_s_copies_is_zero():
    """A merged cell printing 0 across four columns is four zeros (0 ⇥ 0 ⇥ 0 ⇥ 0): 0 however it is read, not a number's
    digits set apart."""
    v = synthetic.consistent_values(random.Random(5), GOV_2021)
    v["t2.fees.amount_10k_cny"] = 0
    text = synthetic.render(AGENCY, 2023, GOV_2021, v, "tab")
    line = next(line for line in text.split("\n") if line.startswith("行政事业性收费\t"))
    report = extract_bytes(text.replace(line, "行政事业性收费\t0\t0\t0\t0").encode(), "report.txt")
    assert report.value("t2.fees.amount_10k_cny") == 0


def test_items_turned_in_two_blocks_are_read_by_their_columns_not_the_line_before():
    """Blind round 79 (tables turned): table 2 turned in two blocks, the second's header of items (信息内容 | 行政许可 |
    行政处罚 | …) right under the first's last measure (现行有效件数 | 0 | 5): that line was read as 行政许可's row by its
    label below it, two values for one cell, and 行政许可 was unsure. A row printing other than an item's measures
    loses to the column its turned header names."""
    v = {**values(), "t2.rules.in_force": 0, "t2.normative_docs.in_force": 5, "t2.licensing.decisions": 27}
    cell = {c.id: synthetic._fmt(v[c.id]) for c in forms.cells(GOV_2021)}
    lines = ["| 信息内容 | 第二十条第（一）项 规章 | 第二十条第（一）项 行政规范性文件 |"]
    for measure, label in (("issued", "本年制发件数"), ("repealed", "本年废止件数"), ("in_force", "现行有效件数")):
        lines.append(f"| {label} | {cell[f't2.rules.{measure}']} | {cell[f't2.normative_docs.{measure}']} |")
    lines += ["| 信息内容 | 第二十条第（五）项 行政许可 | 第二十条第（六）项 行政处罚 | 第二十条第（六）项 行政强制 "
              "| 第二十条第（八）项 行政事业性收费 |",
              f"| 本年处理决定数量 | {cell['t2.licensing.decisions']} | {cell['t2.penalty.decisions']} | "
              f"{cell['t2.coercion.decisions']} | — |",
              f"| 本年收费金额（单位：万元） | — | — | — | {cell['t2.fees.amount_10k_cny']} |"]
    text = synthetic.render(AGENCY, 2022, GOV_2021, v, "pipe").split("\n")
    start = next(k for k, line in enumerate(text) if line.startswith("二、主动公开"))
    end = next(k for k, line in enumerate(text) if line.startswith("三、收到和处理"))
    rep = extract_bytes("\n".join(text[:start + 1] + lines + [""] + text[end:]).encode(), "turned.txt")
    assert_table_2_read(rep, v)


@pytest.mark.parametrize("corner", ["项目", "article row"])
@pytest.mark.parametrize("unused", ["", "—", "/"])
def test_all_six_items_turned_in_one_table_are_read_by_their_columns(corner, unused):
    """Blind round 95 (tables 2 and 4 transposed): one table of all six items a column each, a measure a row, the cells
    an item has no measure for printed empty, — or /; with a row of 第二十条 headings spanning the items' columns above
    an empty corner, the columns were read one to the left (行政处罚's 1286 as 行政许可's: six cells wrong); with 项目 in
    the corner, the header line joined to 本年制发件数's label made it 规章's row, and 规章 was unsure."""
    v = values()
    cell = {c.id: synthetic._fmt(v[c.id]) for c in forms.cells(GOV_2021)}
    items = ("rules", "normative_docs", "licensing", "penalty", "coercion", "fees")
    names = "\t".join(item.label_zh for item in forms.FORMS[GOV_2021].t2 if item.id in items)
    lines = (["信息内容\t第二十条第（一）项\t\t第二十条第（五）项\t第二十条第（六）项\t\t第二十条第（八）项", f"\t{names}"]
             if corner == "article row" else [f"项目\t{names}"])
    for label, measure in (("本年制发件数", "issued"), ("本年废止件数", "repealed"), ("现行有效件数", "in_force"),
                           ("本年处理决定数量", "decisions"), ("本年收费金额（单位：万元）", "amount_10k_cny")):
        lines.append("\t".join([label, *(cell.get(f"t2.{item}.{measure}", unused) for item in items)]))
    text = synthetic.render(AGENCY, 2022, GOV_2021, v, "tab").split("\n")
    start = next(k for k, line in enumerate(text) if line.startswith("二、主动公开"))
    end = next(k for k, line in enumerate(text) if line.startswith("三、收到和处理"))
    rep = extract_bytes("\n".join(text[:start + 1] + lines + [""] + text[end:]).encode(), "turned.txt")
    assert_table_2_read(rep, v)


@pytest.mark.parametrize("printed", ["行政处罚、行政强制\t{penalty}、{coercion}", "行政处罚/行政强制\t{penalty}\t{coercion}",
                                     "行政处罚和行政强制\t{penalty}／{coercion}"])
def test_a_row_naming_two_items_with_two_values_gives_each_its_own(printed):
    """Blind round 107 (table 2 not the form's): 第二十条第（六）项's two items in one row, joined (行政处罚、行政强制 |
    412、3, or two cells): 行政处罚 was unsure, 行政强制 missing. Each item is read with its value, in the label's order;
    one value for two items (行政处罚（含行政强制）) still goes to the first only."""
    v = values()
    lines = synthetic.render(AGENCY, 2022, GOV_2021, v, "tab").split("\n")
    penalty = lines.index(f"行政处罚\t{v['t2.penalty.decisions']}")
    coercion = lines.index(f"行政强制\t{v['t2.coercion.decisions']}")
    lines[penalty] = printed.format(penalty=v["t2.penalty.decisions"], coercion=v["t2.coercion.decisions"])
    del lines[coercion - 2:coercion + 1]  # (its block: its heading, its header and its row)
    rep = extract_bytes("\n".join(lines).encode(), "case.txt")
    assert_table_2_read(rep, v)
    assert "t2.two_items_a_row" in [w["code"] for w in rep.warnings]


def test_a_header_whose_measure_name_is_unreadable_is_no_header_of_fewer_measures():
    """Blind round 129 (a 2019 report's PDF text): 信息内容 ⇥ 上一年 项目数量 ⇥ 本年增/減 ⇥ 处理决定数量, the middle name with a
    look-alike character, over 行政许可 ⇥ 156 ⇥ 8 (its decisions wrapped onto the next line). Read as a header naming two
    measures, 8 went to 处理决定数量, certain and wrong. A header with a cell for each of the form's measures is the
    form's, one name unreadable: the row is a value short, and its cells unsure (never guessed)."""
    v = synthetic.consistent_values(random.Random(3), "gov-2019")
    v.update({"t2.licensing.prev_items": 156, "t2.licensing.change": 8, "t2.licensing.decisions": 2947})
    lines = synthetic.render(AGENCY, 2020, "gov-2019", v, "tab").split("\n")
    at = lines.index("行政许可\t156\t8\t2947")
    lines[at - 1] = lines[at - 1].replace("本年增/减", "本年增/減")
    lines[at:at + 1] = ["行政许可\t156\t8", "\t\t\t2947"]
    rep = extract_bytes("\n".join(lines).encode(), "report.txt")
    for measure in ("prev_items", "change", "decisions"):
        cell = rep.cells[f"t2.licensing.{measure}"]
        assert cell.value in (v[f"t2.licensing.{measure}"], None), (measure, cell)


def test_table_2_a_cell_a_line_its_headers_wrapped_is_read_under_each_header():
    """Blind round 131 (a PDF reader's copy): table 2 a cell a line, each header wrapped (本年处理 ␤ 决定数量), the labels
    too (行政规范性文 ␤ 件): the nearest header naming a measure above 行政许可's 9634 was 规章's 现行有效件数 (处理决定 split
    over two lines named nothing), and the four items under 本年处理决定数量 were left unread as under another's."""
    lines = ["二、主动公开政府信息情况", "第二十条第（一）项", "信息内容", "本年制发", "件数", "本年废止", "件数", "现行有效",
             "件数", "规章", "0", "0", "0", "行政规范性文", "件", "5", "2", "39", "第二十条第（五）项", "信息内容", "本年处理",
             "决定数量", "行政许可", "9634", "第二十条第（六）项", "信息内容", "本年处理", "决定数量", "行政处罚", "1282",
             "行政强制", "7", "第二十条第（八）项", "信息内容", "本年收费", "金额（单", "位：万元", "）", "行政事业性收", "费",
             "3.5"]
    text = "\n".join([f"{AGENCY}2025年政府信息公开工作年度报告", "一、总体情况", "本机关依法做好政府信息公开工作。", *lines,
                      "三、收到和处理政府信息公开申请情况", "五、存在的主要问题及改进情况", "无。"])
    cells = extract_bytes(text.encode(), "copy.txt").cells
    assert [cells[f"t2.{item}.decisions"].value for item in ("licensing", "penalty", "coercion")] == [9634, 1282, 7]
    assert cells["t2.normative_docs.in_force"].value == 39 and cells["t2.fees.amount_10k_cny"].value == 3.5


def test_a_2019_table_2_s_row_naming_an_item_in_its_aside_and_a_header_in_another_order_are_read():
    """Blind round 133 (2019-form variants): 规范性文件（含政府规章） was taken for 规章's row (its aside names it), and a
    header printing 本年新公开 before 本年新制发 (制发 the 2021 form's word, within 新制发) was read in the form's order."""
    lines = ["二、主动公开政府信息情况", "第二十条第（一）项", "信息内容\t本年新公开\t本年新制发\t对外公开总数",
             "规范性文件（含政府规章）\t5\t6\t44", "第二十条第（五）项", "信息内容\t上一年项目数量\t本年增/减\t处理决定数量",
             "行政许可\t12\t-2\t183"]
    text = "\n".join([f"{AGENCY}2020年政府信息公开工作年度报告", "一、总体情况", "本机关依法做好政府信息公开工作。", *lines,
                      "三、收到和处理政府信息公开申请情况", "五、存在的主要问题及改进情况", "无。"])
    cells = extract_bytes(text.encode(), "report.txt").cells
    assert [cells[f"t2.normative_docs.{m}"].value for m in ("new_made", "new_published", "total_published")] == [6, 5, 44]
    assert {cells[f"t2.rules.{m}"].value for m in ("new_made", "new_published", "total_published")} == {None}


def _licensing_rows(layout: str, rows: list[tuple[str, str]]) -> str:
    """A report whose 行政许可 row is replaced by ``rows`` (label, value), as a local template prints them."""
    v = values()
    text = synthetic.render(AGENCY, 2022, GOV_2021, v, layout)
    line = next(x for x in text.split("\n") if "行政许可" in x)
    cell = "\t".join if layout == "tab" else (lambda cells: "| " + " | ".join(cells) + " |")
    return text.replace(line, "\n".join(cell([label, value]) for label, value in rows), 1)


@pytest.mark.parametrize("layout", ["tab", "pipe"])
def test_an_item_a_local_template_adds_under_an_empty_row_is_no_part_of_its_label(layout):
    """Blind round 140: 行政许可 |  | printed empty, then 行政确认 | 23 (an item the province adds): the empty row's label
    was taken for the start of 行政确认's, wrapped above it, and 23 read as the licensing decisions."""
    rep = extract_bytes(_licensing_rows(layout, [("行政许可", ""), ("行政确认", "23"), ("行政给付", "8")]).encode(),
                        "case.txt")
    assert rep.cells["t2.licensing.decisions"].value is None


@pytest.mark.parametrize("layout", ["tab", "pipe"])
def test_an_item_printed_only_in_parts_is_unsure_with_each_part_and_their_sum(layout):
    """行政许可（前置审批） | 386 and 行政许可（一般） | 9421, no row of 行政许可 alone: the first part was read as the
    item's. Either part or their sum may be meant: unsure, with those candidates."""
    rep = extract_bytes(_licensing_rows(layout, [("行政许可（前置审批）", "386"), ("行政许可（一般）", "9421")]).encode(),
                        "case.txt")
    cell = rep.cells["t2.licensing.decisions"]
    assert (cell.status, sorted(cell.candidates)) == ("ambiguous", [386, 9421, 9807])


@pytest.mark.parametrize("note", ["其他事项本年度无。", "注：其余项目均为0。", ""])
def test_items_table_2_leaves_out_saying_the_others_have_nothing_are_0(note):
    """Blind round 143 (small bodies' tables): table 2 printing only the items the body has, 其他事项本年度无 under it:
    the items left out were missing. By the report's own words they are 0, the note quoted; without such words
    they stay missing."""
    v = {**values(), "t2.rules.issued": 0, "t2.rules.repealed": 0, "t2.rules.in_force": 0, "t2.coercion.decisions": 0}
    left_out = ("规章\t", "行政强制\t")
    lines = [line for line in synthetic.render(AGENCY, 2022, GOV_2021, v, "tab").split("\n")
             if not line.startswith(left_out)]
    at = next(k for k, line in enumerate(lines) if line.startswith("三、收到和处理"))
    rep = extract_bytes("\n".join([*lines[:at], *([note] if note else []), *lines[at:]]).encode(), "case.txt")
    for cell in forms.cells(GOV_2021):
        if cell.id.startswith(("t2.rules.", "t2.coercion.")):
            got = rep.cells[cell.id]
            quoted = note.split("：")[-1].rstrip("。")
            assert ((got.value, got.status, quoted in (got.note or "")) == (0, "none", True) if note
                    else (got.value, got.status) == (None, "missing")), cell.id
        elif cell.table == "t2":
            assert rep.cells[cell.id].value == v[cell.id], cell.id


@pytest.mark.parametrize("rendering", RENDERINGS)
@pytest.mark.parametrize("labels", [{"normative_docs": "行政规范性…", "fees": "行政事业性..."},
                                    {"normative_docs": "行政规范性", "coercion": "行政强"}])
def test_a_label_cut_short_names_the_one_item_it_begins(rendering, labels):
    """Blind round 147 (labels cut short): 行政规范性… in a narrow cell (or cut with no mark by a sheet's column width)
    named no item, and its row was lost; 行政强 is 行政强制's beginning alone. (行政 or 其他 begins several: not these.)"""
    v = values()
    rep = t2_report(v, labels, rendering)
    assert_table_2_read(rep, v)


def test_table_2_a_cell_a_line_with_an_item_s_money_measure_left_out_reads_without_failing():
    """Blind round 149 (dBase files): table 2 a cell a line under each item's heading (采购项目数量 | 8.00), the
    procurement's amount not printed at all: the unit check looked the unread money cell up and stopped the whole
    report with an internal error."""
    v = synthetic.consistent_values(random.Random(3), forms.GOV_2019)
    text = synthetic.render("江油市人民政府", 2020, forms.GOV_2019, v, "tab").split("\n")
    start, end = text.index("二、主动公开政府信息情况"), text.index("三、收到和处理政府信息公开申请情况")
    t2 = ["二、主动公开政府信息情况", "信息内容\t数值"]
    for item in forms.FORMS[forms.GOV_2019].t2:
        t2.append(f"{item.section_zh} {item.label_zh}")
        t2 += [f"{m.label_zh}\t{v[forms.t2_cell(item.id, m.id)]}.00" for m in item.measures
               if (item.id, m.id) != ("procurement", "amount")]
    report = extract_bytes("\n".join(text[:start] + t2 + text[end:]).encode(), "r.txt")
    assert report.cells["t2.procurement.amount"].status == "missing"
    assert report.cells["t3.total.total"].value == v["t3.total.total"]


@pytest.mark.parametrize("rendering", ["html", "docx"])
def test_a_grid_row_under_its_items_measures_keeps_its_empty_last_cell_in_place(rendering):
    """Blind round 227 (Word templates whose content controls the clerk left unfilled): 行政规范性文件 | 2 | 2 | ∅ under
    信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数. The empty last cell was taken for a grid's padding and the two
    values for any two of three cells: all three unsure. Under a header naming a measure a cell, each cell is its
    measure's: 2, 2 and a blank."""
    from .test_table_rows import extracted

    v = synthetic.consistent_values(random.Random(2), GOV_2021)
    v.update({"t2.normative_docs.issued": 2, "t2.normative_docs.repealed": 3})
    printed = {c: synthetic._fmt(x) for c, x in v.items()}
    printed["t2.normative_docs.in_force"] = ""
    rep = extracted(synthetic._blocks(AGENCY, 2023, GOV_2021, printed, v), rendering)
    got = [(rep.cells[f"t2.normative_docs.{m}"].value, rep.cells[f"t2.normative_docs.{m}"].status)
           for m in ("issued", "repealed", "in_force")]
    assert got == [(2, "reported"), (3, "reported"), (None, "blank")]
