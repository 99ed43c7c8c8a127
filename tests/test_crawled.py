"""A crawled HTML page of a zone's pre-2019 report: page labels, site chrome, prose and a statistics table."""

from __future__ import annotations

import random

import pytest

from builder import forms, synthetic
from builder.checks import check_report
from builder.extraction.extract import extract_bytes
from builder.extraction.metadata import find_title
from builder.reading.document import body_lines, single_spaced

PAGE = """<html><head><title>平潭综合实验区2015年政府信息公开工作年度报告_平潭综合实验区管理委员会</title></head><body>
<div class="top">平潭综合实验区管理委员会 门户网站</div>
<div class="crumb">当前位置：首页 &gt; 政务公开 &gt; 政府信息公开年报</div>
<table class="meta"><tr><td>索引号</td><td>MB1234567X/2016-00003</td><td>发布机构</td><td>平潭综合实验区党政办</td></tr>
<tr><td>标题</td><td colspan="3">平潭综合实验区2015年政府信息公开工作年度报告</td></tr>
<tr><td>发文字号</td><td></td><td>发布日期</td><td>2016-03-25</td></tr></table>
<h1>平潭综合实验区2015年政府信息公开工作年度报告</h1>
<p>本报告根据《中华人民共和国政府信息公开条例》要求，由平潭综合实验区管委会编制。本报告统计数据从2015年1月1日至12月31日。</p>
<p>一、概述</p>
<p>2015年，平潭综合实验区管委会认真贯彻落实《条例》，全年主动公开政府信息3580条，其中政府采购信息96条。</p>
<p>二、依申请公开情况</p>
<p>全年共收到政府信息公开申请46件，均已按期答复。2014年收到申请31件。实验区行政服务中心窗口共受理申请58213件。</p>
<p>三、因政府信息公开申请提起行政复议、行政诉讼的情况</p>
<p>全年发生政府信息公开行政复议2件，行政诉讼1件。</p>
<p>四、存在的主要问题和改进措施</p>
<p>附件：政府信息公开情况统计表</p>
<table><tr><td>指标</td><td>单位</td><td>数量</td></tr>
<tr><td>主动公开政府信息数</td><td>条</td><td>3580</td></tr>
<tr><td>其中：主动公开规范性文件数</td><td>条</td><td>12</td></tr>
<tr><td>依申请公开信息数</td><td>条</td><td>46</td></tr>
<tr><td>行政复议数</td><td>件</td><td>2</td></tr>
<tr><td>行政诉讼数</td><td>件</td><td>1</td></tr></table>
<div class="foot">主办：平潭综合实验区管理委员会 闽ICP备12345678号 浏览次数：2345</div>
</body></html>"""


def test_a_crawled_zone_page_becomes_one_clean_report():
    report = extract_bytes(PAGE.encode(), "pingtan2015.html")
    assert (report.year, report.template) == (2015, "pre-2019")
    assert report.agency.name == "平潭综合实验区管委会"
    assert report.agency.name_normalized == "平潭综合实验区管理委员会"
    assert report.report_id == "350128-pingtan-zonghe-shiyanqu-guanli-weiyuanhui/2015"
    assert (report.agency.county, report.agency.region_source) == ("平潭县", "zones")
    heads = {f.key: f.value for f in report.narrative if f.headline}
    assert heads == {"proactive_items": 3580, "applications_received": 46, "applications_answered": 46, "admin_review_cases": 2,
                     "litigation_cases": 1}
    assert {f.value for f in report.narrative if f.key == "applications_received"} == {46, 31, 58213}
    check_report(report)
    assert report.badge == "无表格"


def test_without_the_table_the_prose_total_is_the_headline():
    page = PAGE[:PAGE.index("<p>附件")] + "</body></html>"
    report = extract_bytes(page.encode(), "pingtan2015.html")
    heads = {f.key: f.value for f in report.narrative if f.headline}
    assert heads["applications_received"] == 46 and heads["proactive_items"] == 3580


@pytest.mark.parametrize("template", [forms.GOV_2019, forms.GOV_2021])
def test_a_table_crawled_a_cell_a_line_with_whole_rows_left_empty(template):
    """A page's text, one cell per line, where a row left empty prints its label alone (行政许可,
    二、上年结转…): the numbers after it went to that label, or to none, and the rows read by
    position were one off; table 3 was lost whole. A row's numbers belong to the label right above
    them (from the last line that begins with a row's number)."""
    v = synthetic.consistent_values(random.Random(4), template, scale=30)
    empty = ("t2.licensing.", "t2.other_services.", "t3.carried_over.")
    v.update({c.id: 0 for c in forms.cells(template) if c.id.startswith("t3.carried_over.")})
    v.update({c.id: 0 for c in forms.cells(template) if c.id.startswith("t3.carried_forward.")})
    printed = {c.id: "" if c.id.startswith(empty) else synthetic._fmt(v[c.id]) for c in forms.cells(template)}
    year = 2022 if template == forms.GOV_2021 else 2020
    blocks = synthetic._blocks("仁怀市茅台镇人民政府", year, template, printed, v)
    text = "\n".join(synthetic._text_lines(blocks, "cell_per_line", random.Random(0)))
    report = extract_bytes(text.encode(), "crawl.txt")
    read = {c.id for c in forms.cells(template) if c.table in ("t2", "t3") and not c.id.startswith(empty)}
    assert {c: report.cells[c].value for c in read} == {c: v[c] for c in read}
    assert not [c for c in forms.cells(template) if c.id.startswith(empty) and report.cells[c.id].value]


@pytest.mark.parametrize("closer", ["|", ""])
@pytest.mark.parametrize("template", [forms.GOV_2019, forms.GOV_2021])
def test_a_table_crawled_a_piped_cell_a_line_each_row_closed_is_read(template, closer):
    """Blind round 123 (portal pages saved as text): every cell on a line of its own after a pipe (| 行政许可 / | 18 / |
    0 / | 412), each row closed by a pipe alone or a blank line. Each line was a row of one cell: every table lost."""
    v = synthetic.consistent_values(random.Random(4), template, scale=30)
    year = 2022 if template == forms.GOV_2021 else 2020
    lines = synthetic.render("仁怀市茅台镇人民政府", year, template, v, "tab").split("\n")
    piped = []
    for line in lines:
        if "\t" in line:
            piped += [f"| {cell.strip()}" for cell in line.split("\t") if cell.strip()] + [closer]
        else:
            piped.append(line)
    report = extract_bytes("\n".join(piped).encode(), "crawl.txt")
    read = [c.id for c in forms.cells(template) if c.table in ("t3", "t4")]
    assert {c: report.cells[c].value for c in read} == {c: v[c] for c in read}


def test_a_title_below_a_menu_crawled_an_entry_a_line_is_found():
    """A crawler's line per menu entry and crumb put the title on the 14th line: only 12 were looked at,
    and the report had no agency. A catalogue's title above the report titles it lists still ends the search."""
    menu = ["贵州省人民政府网站集约化平台", "仁怀市人民政府", "首页", "政务公开", "政务服务", "互动交流", "走进仁怀",
            "专题专栏", "当前位置：", "首页", ">", "政务公开", ">", "镇（街道）信息公开", ">", "茅台镇", ">", "政府信息公开年报"]
    lines = body_lines("\n".join([*menu, "仁怀市茅台镇2019年政府信息公开工作年度报告", "发布时间：2020-01-21",
                                  "2019年，茅台镇认真贯彻落实《条例》。", "一、总体情况"]))
    assert find_title(lines) == ("仁怀市茅台镇", 2019)
    listing = body_lines("\n".join([*menu, "仁怀市人民政府政府信息公开目录", "索引号", "名称",
                                    "仁怀市茅台镇2019年政府信息公开工作年度报告", "2020-01-21"]))
    assert find_title(listing) == (None, None)


@pytest.mark.parametrize("template", [forms.GOV_2019, forms.GOV_2021])
def test_table_2_labels_wrapped_a_piece_a_line_in_a_crawl(template):
    """A PDF viewer's copy, a cell a line, with a narrow label column: 其他对外管理服 / 务事项 and
    行政事业性收 / 费 wrap over two lines. The line right above the numbers (务事项) names no row; the
    pieces above it, up to the fewest that name one, are its label. Those rows were lost."""
    v = synthetic.consistent_values(random.Random(5), template, scale=30)
    printed = {c.id: synthetic._fmt(v[c.id]) for c in forms.cells(template)}
    year = 2022 if template == forms.GOV_2021 else 2020
    blocks = synthetic._blocks("阿荣旗人民政府", year, template, printed, v)
    text = "\n".join(synthetic._text_lines(blocks, "cell_per_line", random.Random(0)))
    assert "\n行政事业性收费\n" in text  # and 其他对外管理服务事项 on the 2019 form
    for label, wrapped in (("其他对外管理服务事项", "其他对外管理服\n务事项"), ("行政事业性收费", "行政事业性收\n费")):
        text = text.replace(f"\n{label}\n", f"\n{wrapped}\n")
    report = extract_bytes(text.encode(), "crawl.txt")
    t2 = [c.id for c in forms.cells(template) if c.table == "t2"]
    assert {c: report.cells[c].value for c in t2} == {c: v[c] for c in t2}


def _without_heading(page: str) -> str:
    page = page.replace("<h1>平潭综合实验区2015年政府信息公开工作年度报告</h1>", "")
    return page.replace("<tr><td>标题</td><td colspan=\"3\">平潭综合实验区2015年政府信息公开工作年度报告</td></tr>", "")


def test_a_title_only_in_the_pages_title_is_read_though_the_preamble_names_the_report():
    """The preamble's 现公布本机关2015年…年度报告 counted as the title printed again: the page's own
    title was then left out, and the report refused for want of an agency."""
    page = _without_heading(PAGE).replace(
        "<p>本报告根据", "<p>根据《条例》要求，现公布本机关2015年政府信息公开工作年度报告。本报告根据")
    assert extract_bytes(page.encode(), "t20160325_1.html").agency.name == "平潭综合实验区管委会"


def test_a_heading_that_writes_the_year_in_numerals_is_the_title_printed_again():
    """The page's title names another agency (a template's); the body's heading is the report's."""
    page = PAGE.replace("<h1>平潭综合实验区2015年", "<h1>平潭县二〇一五年").replace(
        "<tr><td>标题</td><td colspan=\"3\">平潭综合实验区2015年政府信息公开工作年度报告</td></tr>", "")
    assert extract_bytes(page.encode(), "t20160325_1.html").agency.name == "平潭县人民政府"


ONE_LINE = " | ".join([
    "首页", "政务公开", "政务服务", "互动交流", "当前位置：首页 > 政府信息公开 > 政府信息公开年报",
    "平潭综合实验区2015年政府信息公开工作年度报告", "发布日期：2016-03-25", "来源：党政办", "浏览次数：",
    "字体：[ 大 中 小 ]",
    "平潭综合实验区2015年政府信息公开工作年度报告 本报告根据《中华人民共和国政府信息公开条例》要求，由平潭综合实验区"
    "管委会编制。本报告统计数据从2015年1月1日至12月31日。 一、概述 2015年，平潭综合实验区管委会认真贯彻落实《条例》，"
    "全年主动公开政府信息3580条。 附件：统计图 [图片: data:image/jpeg;base64," + "QUJD" * 300 + "] 二、依申请公开情况 "
    "全年共收到政府信息公开申请46件，均已按期答复。 三、因政府信息公开申请提起行政复议、行政诉讼的情况 "
    "全年发生政府信息公开行政复议2件，行政诉讼1件。 四、存在的主要问题和改进措施 培训不足。",
    "主办：平潭综合实验区管理委员会", "闽ICP备12345678号"])


def test_a_page_a_crawler_joined_into_one_line_with_pipes_is_read():
    """The labels after the title (发布日期：…) were cut off with the rest of the line, the whole
    report in it; and a picture's data URI ran the sentence around it past any sentence's length."""
    report = extract_bytes(ONE_LINE.encode(), "crawl.txt")
    assert (report.agency.name, report.year) == ("平潭综合实验区管委会", 2015)
    heads = {f.key: f.value for f in report.narrative if f.headline}
    assert heads == {"proactive_items": 3580, "applications_received": 46, "applications_answered": 46, "admin_review_cases": 2,
                     "litigation_cases": 1}


def test_a_label_left_empty_before_the_report_in_a_piped_line_keeps_it_apart():
    """Blind round 144 (template remnants): 浏览次数：| 根据…: a label whose value is empty, its pipe right after the colon.
    The line was not parted there, the report's prose went with the page's labels, and every headline was lost."""
    line = ONE_LINE.replace("浏览次数： | 字体：[ 大 中 小 ] | ", "浏览次数：| ")
    assert "浏览次数：| 平潭" in line
    report = extract_bytes(line.encode(), "crawl.txt")
    heads = {f.key: f.value for f in report.narrative if f.headline}
    assert heads == {"proactive_items": 3580, "applications_received": 46, "applications_answered": 46, "admin_review_cases": 2,
                     "litigation_cases": 1}


def test_a_piped_page_s_last_table_cell_run_on_into_the_note_below_keeps_its_number():
    """Blind round 144: a page crawled into one line, its nodes (every cell and paragraph) joined with " | ", but for
    the last cell of table 3 and the note under the table (…| 0 | 0 0 注：1.…): that cell read as no number and table 3's
    last row as unsure."""
    from builder import forms, synthetic
    from builder.forms import GOV_2021

    from .test_table_rows import values

    v = values(GOV_2021)
    for column in forms.T3_COLUMNS:  # nothing carried forward: the row's cells all 0, as a small body's
        forward = forms.t3_cell("carried_forward", column.id)
        for row in ("granted", "total"):
            v[forms.t3_cell(row, column.id)] += v[forward]
        v[forward] = 0
    text = synthetic.render("彭阳县人民政府", 2022, GOV_2021, v, "pipe")
    nodes = [cell.strip() for line in text.split("\n") if line.strip()
             for cell in (line.strip().strip("|").split("|") if line.strip().startswith("|") else [line])]
    last = max(k for k, node in enumerate(nodes) if node.startswith("四、结转下年度")) + 7
    note = "注：1.“三、本年度办理结果”中各项数量之和应等于“（七）总计”。2.本表统计期限为2022年。"
    nodes[last:last + 2] = [f"{nodes[last]} {note} {nodes[last + 1]}"]
    overview = nodes.index("一、总体情况") + 1
    nodes.insert(overview, "2022年，彭阳县人民政府深入贯彻落实《中华人民共和国政府信息公开条例》，" * 4 + "持续推进政务公开。")
    line = " | ".join(["首页", "政务公开", "当前位置：首页 > 政府信息公开年报", *nodes, "主办：彭阳县人民政府办公室"])
    report = extract_bytes(line.encode(), "crawl.txt")
    assert {k: c.value for k, c in report.cells.items() if k.startswith("t3.carried_forward")} == {
        k: value for k, value in v.items() if k.startswith("t3.carried_forward")}


def test_a_page_run_into_one_line_between_a_few_pipes_keeps_its_prose():
    """A page's text nodes joined with nothing between them, but for the menu's and the footer's
    pipes (无障碍浏览 | 长者模式 | 网站地图…): the line was taken for a table row and its prose, every
    headline with it, was dropped."""
    line = ("平潭综合实验区2015年政府信息公开工作年度报告_平潭综合实验区管理委员会无障碍浏览 | 长者模式 | 网站地图首页"
            + ONE_LINE.split(" | ", 10)[-1].replace(" | ", "") + " | 联系我们 | 网站地图")
    assert line.count("|") == 4 and "\n" not in line
    report = extract_bytes(line.encode(), "crawl.txt")
    heads = {f.key: f.value for f in report.narrative if f.headline}
    assert heads == {"proactive_items": 3580, "applications_received": 46, "applications_answered": 46, "admin_review_cases": 2,
                     "litigation_cases": 1}


def test_tables_published_as_pictures_in_a_markdown_crawl_give_no_cells():
    """A crawler's Markdown (r.jina.ai and the like) keeps a picture as ![](address): the digits of its
    address (…/202001/W020200117583104690.png) were read as a row of table 4."""
    heads = ["**二、主动公开政府信息情况**", "**三、收到和处理政府信息公开申请情况**",
             "**四、政府信息公开行政复议、行政诉讼情况**"]
    page = "\n\n".join(["武汉市江汉区卫生健康局2019年政府信息公开工作年度报告",
                        "本报告中所列数据的统计期限自2019年1月1日起至2019年12月31日止。",
                        "2019年，我局共收到政府信息公开申请102件，因政府信息公开被申请行政复议2起。",
                        *(f"{head}\n\n![表{n}](http://www.example.gov.cn/zfxxgkndbg/202001/W02020011758310{n}690.png)"
                          for n, head in enumerate(heads, 2)),
                        "**五、存在的主要问题及改进情况**", "依申请公开答复规范化水平仍需提升。"])
    report = extract_bytes(page.encode(), "jianghan.txt")
    assert report.template == "gov-2019"
    assert all(value.status == "missing" for value in report.cells.values())
    check_report(report)
    assert report.badge == "无表格"


@pytest.mark.parametrize("blank", ["t3.carried_over.research_institution", "t3.granted.natural_person",
                                   "t4.admin_review.other"])
def test_a_blank_cell_crawled_as_an_empty_line_keeps_its_row_together(blank):
    """One cell a line, a blank cell an empty line (2 ␤ 0 ␤ ␤ 0 ␤ 0 ␤ 0 ␤ 2): the row was read as two
    short rows and left ambiguous. Two runs parted by one empty line, as long as the table's other
    rows with it, are one row with a blank cell."""
    template = forms.GOV_2021
    v = synthetic.consistent_values(random.Random(4), template, scale=30)
    printed = {c.id: "" if c.id == blank else synthetic._fmt(v[c.id]) for c in forms.cells(template)}
    blocks = synthetic._blocks("仁怀市茅台镇人民政府", 2022, template, printed, v)
    text = "\n".join(synthetic._text_lines(blocks, "cell_per_line", random.Random(0)))
    report = extract_bytes(text.encode(), "crawl.txt")
    row = blank.rsplit(".", 1)[0] + "."
    others = [c.id for c in forms.cells(template) if c.id.startswith(row) and c.id != blank]
    assert {c: (report.cells[c].value, report.cells[c].status) for c in others} == {
        c: (v[c], "reported") for c in others}
    assert report.cells[blank].status in ("blank", "inferred")


def test_rows_crawled_a_cell_a_line_with_their_zeros_left_blank_are_read():
    """An office leaves its zeros blank, and an app's copy prints a cell a line, a blank an empty line (389 ␤ 31
    ␤ ␤ ␤ 6 ␤ 2 ␤ 428): with several blanks a row fell apart and 64 cells were missed. Between a row's label and
    the next text there are exactly the table's seven lines: one row."""
    template = forms.GOV_2021
    v = synthetic.consistent_values(random.Random(4), template, scale=30)
    zero_left_blank = {c.id for c in forms.cells(template) if c.table == "t3" and v[c.id] == 0}
    printed = {c.id: "" if c.id in zero_left_blank else synthetic._fmt(v[c.id]) for c in forms.cells(template)}
    blocks = synthetic._blocks("仁怀市茅台镇人民政府", 2022, template, printed, v)
    report = extract_bytes("\n".join(synthetic._text_lines(blocks, "cell_per_line", random.Random(0))).encode(),
                           "crawl.txt")
    assert len(zero_left_blank) > 40
    blank_rows = {row.id for row in forms.FORMS[template].t3_rows
                  if all(forms.t3_cell(row.id, c.id) in zero_left_blank for c in forms.T3_COLUMNS)}
    for cell in forms.cells(template):
        got = report.cells[cell.id]
        if cell.id in zero_left_blank:  # (a row of empty lines only shows no row at all)
            statuses = ("blank", "inferred", "missing") if cell.id.rsplit(".", 1)[0][3:] in blank_rows else ("blank", "inferred")
            assert got.status in statuses and got.value in (None, 0), cell.id
        else:
            assert (got.value, got.status) == (v[cell.id], "reported"), cell.id


def _spaced(lines: list[str], unit: int) -> str:
    """The lines with ``unit`` empty lines after each, a blank cell's empty line ``unit`` more (as
    BeautifulSoup's get_text joins a page's text nodes, newlines between tags among them)."""
    out: list[str] = []
    for line in lines:
        if line.strip() and out:
            out += [""] * unit
        out += [line] if line.strip() else [""] * unit
    return "\n".join(out)


@pytest.mark.parametrize(("unit", "blank"), [(1, None), (2, None), (2, "t3.granted.natural_person"),
                                             (3, "t3.carried_over.research_institution")])
def test_a_crawl_that_spaces_every_line_with_empty_lines_is_read(unit, blank):
    """A lynx dump of a wide table (one cell a line, an empty line after each) and get_text over a
    page's markup (two or more empty lines between cells, more for a blank cell): every cell was
    a row of its own and all of table 3 was unsure."""
    template = forms.GOV_2021
    v = synthetic.consistent_values(random.Random(5), template, scale=30)
    printed = {c.id: "" if c.id == blank else synthetic._fmt(v[c.id]) for c in forms.cells(template)}
    blocks = synthetic._blocks("郑州市金水区人民政府", 2023, template, printed, v)
    text = _spaced(synthetic._text_lines(blocks, "cell_per_line", random.Random(0)), unit)
    report = extract_bytes(text.encode(), "crawl.txt")
    read = [c.id for c in forms.cells(template) if c.id != blank]
    assert {c: report.cells[c].value for c in read} == {c: v[c] for c in read}
    assert blank is None or report.cells[blank].status in ("blank", "inferred")
    assert (report.agency.name, report.year) == ("郑州市金水区人民政府", 2023)


def test_a_text_of_paragraphs_parted_by_empty_lines_is_not_closed_up():
    lines = ["一、总体情况", "", "全年主动公开政府信息120条。", "", "二、依申请公开", "", "12", "", "3"]
    assert single_spaced(lines) == lines


def test_a_cell_s_note_on_the_next_line_with_the_rest_of_its_row_is_one_row():
    """一、本年新收… | 23 ␤ （其中网上申请15件） | 2 | 0 | … | 26: a cell with a line break saved as text puts
    its note, and the row's other cells, on a line of their own; both halves were unsure."""
    template = forms.GOV_2021
    v = synthetic.consistent_values(random.Random(8), template, scale=30)
    text = synthetic.render("寿光市农业农村局", 2022, template, v, "tab")
    for row, note in (("new_received", "（其中网上申请15件）"), ("unable.not_held", "（含转其他部门答复3件）")):
        cells = [synthetic._fmt(v[forms.t3_cell(row, c.id)]) for c in forms.T3_COLUMNS]
        line = next(line for line in text.split("\n") if line.endswith("\t" + "\t".join(cells)))
        label = line[: -len("\t".join(cells)) - 1]
        text = text.replace(line, f"{label}\t{cells[0]}\n{note}\t" + "\t".join(cells[1:]))
    report = extract_bytes(text.encode(), "crawl.txt")
    for row in ("new_received", "unable.not_held"):
        for c in forms.T3_COLUMNS:
            cell = forms.t3_cell(row, c.id)
            assert (report.cells[cell].value, report.cells[cell].status) == (v[cell], "reported"), cell


@pytest.mark.parametrize("template, typos", [
    (forms.GOV_2019, (("规范性文件", "规范牲文件"), ("集中采购", "集中釆购"), ("行政复议", "行政复义"))),
    (forms.GOV_2021, (("规范性文件", "规范牲文件"), ("行政复议", "行政复义"))),  # (the 2021 form has no 集中采购)
    # (blind round 114, PDF text layers: a traditional or Japanese form, or a look-alike, in simplified text)
    (forms.GOV_2019, (("规范性文件", "規范性文仵"), ("本年增/减", "本年增/減"))),
    (forms.GOV_2021, (("规范性文件", "規范性文件"), ("查询事项", "査询事项"))),
])
def test_labels_with_the_characters_ocr_and_input_methods_put_for_the_form_s_are_read(template, typos):
    """行政规范牲文件, 政府集中釆购, 行政复义 (in the heading and the table): their rows, and all of table 4,
    were lost."""
    v = synthetic.consistent_values(random.Random(6), template, scale=30)
    year = 2022 if template == forms.GOV_2021 else 2020
    text = synthetic.render("裕安区人民政府", year, template, v, "tab")
    for right, typo in typos:
        assert right in text
        text = text.replace(right, typo)
    report = extract_bytes(text.encode(), "report.txt")
    assert {c.id: report.cells[c.id].value for c in forms.cells(template)} == {c.id: v[c.id] for c in forms.cells(template)}


@pytest.mark.parametrize("pager", ["共3页  首页  上一页  1  2  3  下一页  尾页  第1页", "共3页: 上一页 [1] 2 3 下一页",
                                   "上一页 [1] [2] [3] 下一页"])
def test_the_furniture_between_the_pages_a_crawler_joined_is_not_read(pager):
    """A long report the CMS paged, its pages joined by the crawler: between them the pager (its numbers
    read as a row of table 3), the sidebar's lists and the footer's advice on screen sizes, with a row's
    label ending one page and its figures starting the next."""
    values = synthetic.consistent_values(random.Random(11), "gov-2021")
    text = synthetic.render("固原市彭阳县人民政府", 2023, "gov-2021", values, "tab")
    lines = text.split("\n")
    at = next(k for k, line in enumerate(lines) if "本机关不掌握相关政府信息" in line)
    cells = lines[at].split("\t")
    cut = next(k for k, c in enumerate(cells) if c.strip().isdigit())
    furniture = [pager, "【打印本页】　【关闭窗口】", "相关信息", "· 彭阳县人民政府2022年政府信息公开工作年度报告",
                 "· 彭阳县2024年春运期间道路交通安全提示", "热点信息", "· 关于2023年度第四季度重点民生项目进展情况的公示",
                 "建议使用1366×768分辨率 IE9.0以上版本浏览器 访问", "您是本站第 2873105 位访问者"]
    joined = [*lines[:at], "\t".join(cells[:cut]), *furniture, "\t".join([""] * cut + cells[cut:]), *lines[at + 1:]]
    report = extract_bytes("\n".join(joined).encode(), "report.txt")
    assert (report.year, report.template) == (2023, "gov-2021")
    for cell in forms.cells("gov-2021"):
        assert report.cells[cell.id].value == values[cell.id], cell.id


@pytest.mark.parametrize("template", ["gov-2021", "gov-2019"])
@pytest.mark.parametrize("first_kept", ["属于四类过程性信息", "本机关不掌握相关政府信息", "重复申请"])
def test_table_3_s_rows_after_a_lost_page_are_read_without_its_heading(template, first_kept):
    """A crawl whose page 2 came back as the site's 404 page: table 2, table 3's heading, header and first
    rows are gone, and table 3 goes on from a row in its middle. The rows left are table 3's by their
    labels (no other table prints them) and read in the form's columns; the rows lost stay missing, but where the
    rows printed make a sum they are in whole (a column 0 in 总计 and 结转下年度: its 新收 and 上年结转 0 too)."""
    year = 2023 if template == "gov-2021" else 2019
    values = synthetic.consistent_values(random.Random(11), template)
    lines = synthetic.render("固原市彭阳县人民政府", year, template, values, "tab").split("\n")
    lost = next(k for k, line in enumerate(lines) if line.startswith("二、主动公开"))
    kept = next(k for k, line in enumerate(lines) if first_kept in line)
    error_page = ["404 页面不存在", "抱歉！您访问的页面不存在或已被删除。", "返回首页 | 返回上一页", "5秒后自动跳转到网站首页……"]
    report = extract_bytes("\n".join([*lines[:lost], *error_page, *lines[kept:]]).encode(), "report.txt")
    assert (report.year, report.template) == (year, template)
    t3_rows = [row.id for row in forms.FORMS[template].t3_rows]
    first = next(k for k, row in enumerate(forms.FORMS[template].t3_rows) if first_kept in row.label_zh)
    for cell in forms.cells(template):
        read = cell.table == "t4" or (cell.table == "t3" and t3_rows.index(cell.row) >= first)
        if read:
            assert report.cells[cell.id].value == values[cell.id], cell.id
        else:
            got = report.cells[cell.id]
            assert got.status == "missing" or (got.status, got.value) == ("inferred", values[cell.id]), cell.id


def test_titles_with_view_counts_between_table_4_s_header_and_row_are_no_part_of_it():
    """A crawl that joined a page's sidebar (热点排行: titles, each with its view count) between table 4's
    header, which ended one page, and its row of fifteen, which began the next."""
    values = synthetic.consistent_values(random.Random(11), "gov-2021")
    lines = synthetic.render("固原市彭阳县人民政府", 2023, "gov-2021", values, "tab").split("\n")
    header = next(k for k, line in enumerate(lines) if line.startswith("行政复议"))
    sidebar = ["热点排行", "彭阳县2023年城区义务教育学校招生入学工作方案3176",
               "关于2023年度城乡居民基本医疗保险参保缴费的通告2954", "彭阳县人民政府关于调整征地补偿标准的通知2208"]
    report = extract_bytes("\n".join([*lines[:header + 1], *sidebar, *lines[header + 1:]]).encode(), "report.txt")
    for cell in forms.cells("gov-2021"):
        assert report.cells[cell.id].value == values[cell.id], cell.id


def test_twenty_thousand_single_values_parted_by_empty_lines_end_quickly():
    """A run of single values, an empty line between each: every row gathered every run after it (minutes for
    20,000 lines). A row's run stops at the table's width."""
    import signal

    from builder.extraction.layout import ValueRow
    from builder.extraction.tables import _with_blank_cell_lines

    lines, rows = ["一、本年新收政府信息公开申请数量"], []
    for _ in range(20_000):
        rows.append(ValueRow("", ["1"], False, len(lines)))
        lines += ["1", ""]

    def hung(*_):
        raise TimeoutError("the runs of cell lines were gathered quadratically")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(20)
    try:
        assert len(_with_blank_cell_lines(rows, lines, 7)) == len(rows)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _plain_pdftotext(values: dict, columns_at: int) -> str:
    """Table 3 as plain pdftotext (no -layout) prints it: the row labels, then each cell a block of its own
    parted by empty lines, except that the last rows' cells from ``columns_at`` on come a column at a time
    (a run of that column's cells, as poppler groups cells that stand close above each other)."""
    rows = forms.FORMS["gov-2021"].t3_rows
    lines = ["长沙县人民政府2024年政府信息公开工作年度报告", "一、总体情况", "全年新收政府信息公开申请117件。",
             "三、收到和处理政府信息公开申请情况", *[row.label_zh for row in rows[:columns_at]], ""]
    for row in rows[:columns_at]:
        for column in forms.T3_COLUMNS:
            lines += [str(values[forms.t3_cell(row.id, column.id)]), ""]
    lines += [row.label_zh for row in rows[columns_at:]]
    lines += ["", "自然人", "", "商业企", "业", ""]
    for k, column in enumerate(forms.T3_COLUMNS):
        if k == 2:
            lines += ["申请人情况", "法人或其他组织", "科研机", "社会公", "法律服", "构", "益组织", "务机构", ""]
        lines += [*(str(values[forms.t3_cell(row.id, column.id)]) for row in rows[columns_at:]), ""]
    lines += ["四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "无。"]
    return "\n".join(lines)


def test_column_runs_of_plain_pdftotext_are_not_taken_for_a_row_with_a_blank_cell():
    """Plain pdftotext printed the last three rows of table 3 a column at a time (0 ␤ 99 ␤ 3 ␤␤ 0 ␤ 12 ␤ 1 ␤␤ …),
    and two such runs with the empty line between them were read as 结转下年度's row with a blank cell
    ([0, 99, 3, _, 0, 12, 1]): five wrong cells. Their sum is more than the row's total, so no blank can be
    a count there: no row."""
    values = synthetic.consistent_values(random.Random(8), "gov-2021", scale=40)
    rows = forms.FORMS["gov-2021"].t3_rows
    report = extract_bytes(_plain_pdftotext(values, len(rows) - 3).encode(), "P020250124375819462031.txt")
    wrong = {c.id: report.cells[c.id].value for c in forms.cells("gov-2021") if c.table == "t3"
             and report.cells[c.id].value not in (None, values[c.id])}
    assert wrong == {}


def test_a_column_run_under_its_header_is_not_taken_for_the_total_row_with_its_total_blank():
    """Plain pdftotext of narrow columns printed table 3's 总计 column under its header as one run (1685 ␤ 0 ␤
    514 ␤ 3384 ␤ 891), then two empty lines before the next words: seven lines after a label 总计, read as
    table 3's 总计 row with its other and total cells blank, five wrong cells and no sum to fail. A row's
    total is blank only when its parts are none."""
    values = synthetic.consistent_values(random.Random(9), "gov-2021", scale=400)
    rows = forms.FORMS["gov-2021"].t3_rows
    column = [str(values[forms.t3_cell(row.id, "total")]) for row in rows[:5]]
    lines = ["深圳市规划和自然资源局2022年政府信息公开工作年度报告", "一、总体情况", "全年新收政府信息公开申请16850件。",
             "三、收到和处理政府信息公开申请情况", rows[0].label_zh, rows[1].label_zh, "申请人情况", "自然人",
             "法人或其他组织", "其他", "", "总计", *column, "", "", *[row.label_zh for row in rows[2:]], "",
             "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "无。"]
    report = extract_bytes("\n".join(lines).encode(), "W020230131612845307229.txt")
    wrong = {c.id: report.cells[c.id].value for c in forms.cells("gov-2021") if c.table == "t3"
             and report.cells[c.id].value not in (None, values[c.id])}
    assert wrong == {}


def test_a_run_of_twice_a_row_s_values_or_more_is_no_row():
    """Plain pdftotext printed table 3's middle as column blocks, one of twenty values under a header word
    (机构 ␤ 0 ␤ 4 ␤ 1 ␤ 0 …): read as a row printing twenty values for seven cells, its last seven (all 0)
    kept because they held their own sums, three cells of 本机关不掌握 wrong. So many values are no row."""
    from builder.extraction.layout import ValueRow
    from builder.extraction.tables import Tables, _Slot, read_table

    ids = tuple(forms.t3_cell("unable.not_held", c.id) for c in forms.T3_COLUMNS)
    run = ["0", "4", "1", "0", "0", "0", "0", "3", "1", "0", "1", "0", "0", "0", "0", "0", "0", "0", "0", "0"]
    out = Tables()
    read_table([_Slot(ids, ValueRow("机构", run, False, 10))], forms.identities("gov-2021"), out, "t3")
    assert {out.cells[c].status for c in ids} == {"ambiguous"}
    # Two years side by side (2022年 | 2023年), exactly twice the row: a window of them, as before.
    two_years = ["5", "1", "0", "0", "0", "0", "6", "8", "2", "0", "1", "0", "0", "11"]
    read_table([_Slot(ids, ValueRow("1.本机关不掌握相关政府信息", two_years, True, 10))], forms.identities("gov-2021"), out,
               "t3")
    assert [out.cells[c].value for c in ids] == [8, 2, 0, 1, 0, 0, 11]
    # A row of table 2 prints its one value in each cell the value spans (| 行政许可 | 13021 | 13021 | 13021 |): read.
    read_table([_Slot(("t2.licensing.decisions",), ValueRow("行政许可", ["13021"] * 3, True, 20))], [], out, "t2")
    assert out.cells["t2.licensing.decisions"].value == 13021


@pytest.mark.parametrize("columns_at", [0, 10, 22, 25])
def test_table_3_printed_a_value_a_line_apart_from_its_labels_is_read_in_the_text_s_order(columns_at):
    """Plain pdftotext printed table 3's labels first, then its values a block each, row by row, the rows that stand
    close a column at a time: no value stood by its label, and the whole table was left unread. Filled in the
    text's order, by blocks of rows a column at a time, one filling keeps every sum: read so, and said."""
    values = synthetic.consistent_values(random.Random(12), "gov-2021", scale=40)
    report = extract_bytes(_plain_pdftotext(values, columns_at).encode(), "P020230128712340982316.txt")
    t3 = [c.id for c in forms.cells("gov-2021") if c.table == "t3"]
    assert {c: report.cells[c].value for c in t3} == {c: values[c] for c in t3}
    assert any(w["code"] == "t3.text_order" for w in report.warnings)


def test_values_a_line_each_that_no_one_filling_settles_are_left_unread():
    """A value misprinted (the sums then hold in no filling), or a table of zeros but for a few cells that more than
    one filling places with every sum kept: nothing is read in the text's order."""
    from builder.extraction.reading_order import filled_grid

    values = synthetic.consistent_values(random.Random(12), "gov-2021", scale=40)
    cell = forms.t3_cell("granted", "natural_person")
    report = extract_bytes(_plain_pdftotext({**values, cell: values[cell] + 1}, 10).encode(), "report.txt")
    assert not any(w["code"] == "t3.text_order" for w in report.warnings)
    rows, columns = [r.id for r in forms.FORMS["gov-2021"].t3_rows], [c.id for c in forms.T3_COLUMNS]
    identities = [i for i in forms.identities("gov-2021") if i.check.startswith("t3")]
    sparse = synthetic.consistent_values(random.Random(6), "gov-2021", scale=2)  # six values not 0
    in_rows = [sparse[forms.t3_cell(r, c)] for r in rows for c in columns]
    assert filled_grid(in_rows, rows, columns, identities, forms.t3_cell) is None


@pytest.mark.parametrize("columns_at", [0, 10, 20, 23])
def test_a_table_of_mostly_zeros_is_filled_by_the_text_s_own_blocks(columns_at):
    """Six values not 0: many fillings keep every sum, and the table was left unread. The text's blocks say
    which: each cell a block of its own (a row read across), then the last rows' columns a run each. (With
    every value a block of its own, a crawl's spacing is closed up first and no run is left to say.)"""
    sparse = synthetic.consistent_values(random.Random(6), "gov-2021", scale=2)
    report = extract_bytes(_plain_pdftotext(sparse, columns_at).encode(), "P020240118390126547813.txt")
    t3 = [c.id for c in forms.cells("gov-2021") if c.table == "t3"]
    assert {c: report.cells[c].value for c in t3} == {c: sparse[c] for c in t3}
    assert any(w["code"] == "t3.text_order" for w in report.warnings)
    cell = forms.t3_cell("granted", "natural_person")  # one misprinted: no filling holds, nothing is read
    report = extract_bytes(_plain_pdftotext({**sparse, cell: sparse[cell] + 1}, columns_at).encode(), "report.txt")
    assert not any(w["code"] == "t3.text_order" for w in report.warnings)


def test_a_table_crawled_a_cell_a_line_in_chinese_numerals_reads_its_yi_as_one():
    """LibreOffice's text export of table 4, a cell a line in numerals (一 ␤ 〇 ␤ 〇 ␤ 〇 ␤ 一 ␤ 〇 …): 一 alone was no
    cell, the row of fifteen fell apart and table 4 was unsure. Among cells a line 一 is a cell; where the table
    writes 〇 for its zeros, it writes its counts in numerals, and 一 is 1."""
    text = "\n".join(["苏州市吴江区市场监督管理局2021年政府信息公开工作年度报告", "一、总体情况",
                      "全年因政府信息公开被申请行政复议一件。", "四、政府信息公开行政复议、行政诉讼情况", "行政复议", "行政诉讼",
                      *["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"], "未经复议直接起诉", "复议后起诉",
                      *["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2,
                      "一", "〇", "〇", "〇", "一", *["〇"] * 10, "五、存在的主要问题及改进情况", "无。"])
    report = extract_bytes(text.encode(), "2021年政府信息公开工作年度报告.txt")
    got = [report.value(forms.t4_cell(g.id, c.id)) for g in forms.T4_GROUPS for c in forms.T4_COLUMNS]
    assert got == [1, 0, 0, 0, 1] + [0] * 10


def test_a_short_row_that_only_its_own_inferred_total_would_confirm_is_not_repaired():
    """pdfminer's text of table 3, values a box each: a run of six values from several rows and columns beside the
    label 予以公开 (356 47 21 3 123 20), the rest of the table unread. Read with a dropped blank at its total, which
    its own sum then fills (570), the row was 'repaired': no sum checked it. It stays unsure."""
    from builder.extraction.layout import ValueRow
    from builder.extraction.tables import Tables, _Slot, read_table

    slots = [_Slot(tuple(forms.t3_cell(row.id, c.id) for c in forms.T3_COLUMNS),
                   ValueRow("（一）予以公开", ["356", "47", "21", "3", "123", "20"], False, 10) if row.id == "granted" else None)
             for row in forms.FORMS["gov-2021"].t3_rows]
    out = Tables()
    read_table(slots, [i for i in forms.identities("gov-2021") if i.check.startswith("t3")], out, "t3")
    assert {out.cells[forms.t3_cell("granted", c.id)].value for c in forms.T3_COLUMNS} == {None}


def test_a_group_its_own_sum_checks_in_a_row_with_dropped_blanks_is_still_read():
    """OCR of table 4 dropped two blank cells (0 1 0 0 1 1 0 0 0 0 0 0 0: thirteen values for fifteen): the first
    group, whose own sum holds with its five values, is read; only cells that no reading checks stay unsure."""
    from builder.extraction.layout import ValueRow
    from builder.extraction.tables import Tables, _Slot, read_table

    ids = tuple(forms.t4_cell(g.id, c.id) for g in forms.T4_GROUPS for c in forms.T4_COLUMNS)
    out = Tables()
    row = ValueRow("", ["0", "1", "0", "0", "1", "1", "0", "0", "0", "0", "0", "0", "0"], False, 10)
    read_table([_Slot(ids, row)], forms.t4_identities(), out, "t4")
    assert [out.cells[forms.t4_cell("admin_review", c)].value for c in ("upheld", "corrected", "other", "pending")] \
        == [0, 1, 0, 0]


@pytest.mark.parametrize("wrapped", [("natural_person", "total"), ("commercial_enterprise", "total")])
def test_last_digits_a_viewer_s_copy_wraps_onto_the_label_s_tail_are_joined_to_their_row(wrapped):
    """Copied from a PDF viewer, narrow cells wrap four-digit counts: 一、本年新收政府信息公开 129 138 3 7 21 12 147 /
    申请数量 3 4. The row was read short (129, 147), four wrong cells and the balance failing. The digits go, in
    order, to the one choice of cells that makes the row's total the sum of the others."""
    values = synthetic.consistent_values(random.Random(21), "gov-2021", scale=40)
    rows = forms.FORMS["gov-2021"].t3_rows
    first = rows[0]
    for row in (first.id, "granted", "total"):  # a thousand more new ones, granted: four digits where they wrap
        for column in (wrapped[0], "total"):
            values[forms.t3_cell(row, column)] += 1000
    printed = [str(values[forms.t3_cell(first.id, c.id)]) for c in forms.T3_COLUMNS]
    digits = [printed[k][-1] for k, c in enumerate(forms.T3_COLUMNS) if c.id in wrapped]
    short = [p[:-1] if c.id in wrapped else p for p, c in zip(printed, forms.T3_COLUMNS)]
    lines = ["长沙市自然资源和规划局2024年政府信息公开工作年度报告", "一、总体情况", "全年新收政府信息公开申请若干件。",
             "三、收到和处理政府信息公开申请情况", "一、本年新收政府信息公开 " + " ".join(short), "申请数量 " + " ".join(digits)]
    lines += [f"{row.label_zh} " + " ".join(str(values[forms.t3_cell(row.id, c.id)]) for c in forms.T3_COLUMNS)
              for row in rows[1:]]
    lines += ["四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "无。"]
    report = extract_bytes("\n".join(lines).encode(), "P020250124389216457013.txt")
    assert [report.value(forms.t3_cell(first.id, c.id)) for c in forms.T3_COLUMNS] == [
        values[forms.t3_cell(first.id, c.id)] for c in forms.T3_COLUMNS]


def test_a_note_under_table_3_lends_no_digits_to_its_misprinted_last_row():
    """Blind round 146 (short labels): 25 结转下年 103 15 1 0 9 3 141 (its total misprinted, 131 the sum) over the table's
    note （行次1+行次2=行次24+行次25；行次5—12为不予公开…）: the note's 1 was joined to the row's 1 as a wrapped last digit,
    11 made the sum hold, and a wrong cell was read as printed. A note is no label's tail."""
    values = synthetic.consistent_values(random.Random(21), "gov-2021", scale=40)
    rows = forms.FORMS["gov-2021"].t3_rows
    printed = {forms.t3_cell(r.id, c.id): values[forms.t3_cell(r.id, c.id)] for r in rows for c in forms.T3_COLUMNS}
    forward = forms.t3_cell("carried_forward", "total")
    printed[forward] += 10
    lines = ["南海区人民政府2024年政府信息公开工作年度报告", "一、总体情况", "全年新收政府信息公开申请若干件。",
             "三、收到和处理政府信息公开申请情况"]
    lines += [f"{row.label_zh} " + " ".join(str(printed[forms.t3_cell(row.id, c.id)]) for c in forms.T3_COLUMNS)
              for row in rows]
    lines += ["（行次1+行次2=行次24+行次25；行次5—12为不予公开，13—15为无法提供，16—20为不予处理）",
              "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "无。"]
    report = extract_bytes("\n".join(lines).encode(), "nanhai.txt")
    got = {c.id: report.cells[forms.t3_cell("carried_forward", c.id)] for c in forms.T3_COLUMNS}
    assert all(cell.value in (None, printed[forms.t3_cell("carried_forward", k)]) for k, cell in got.items()), got


def _shared_copy(text: str, uploader_title: str, pages: int = 4) -> str:
    """The text a document-sharing site's reader view gives (百度文库, 道客巴巴): its own title for the document over the
    uploader's line, then the report with a page counter, the site's slogan and that title again at every page's end,
    the breaks falling inside the tables."""
    lines = text.split("\n")
    size = -(-len(lines) // pages)
    out = ["百度文库", "首页", uploader_title, "上传人：nbyz***  |  上传时间：2024-03-02", "下载文档", ""]
    for page in range(pages):
        out += lines[page * size:(page + 1) * size]
        out += [f"{page + 1}/{pages}", "百度文库 - 好好学习，天天向上", "", uploader_title, ""] if page < pages - 1 else []
    return "\n".join(out)


def test_a_document_sharing_site_s_copy_is_read_as_the_report():
    """Blind round 52 (document-sharing sites): the page counters (3/6) and the running heads after them fell between
    a row's label and its numbers (the row lost); the uploader's title for the document (2024年鄞州区…, the upload's
    year; 余杭区市场监管局…, a short name) was read as the report's (a year 存疑, the agency's short name)."""
    v = synthetic.consistent_values(random.Random(4), forms.GOV_2021)
    text = synthetic.render("宁波市鄞州区人民政府", 2023, forms.GOV_2021, v, "space")
    report = extract_bytes(_shared_copy(text, "2024年鄞州区政府信息公开工作年度报告").encode(), "copy.txt")
    assert (report.agency.name, report.year, report.year_source) == ("宁波市鄞州区人民政府", 2023, "title")
    assert {c.id: report.cells[c.id].value for c in forms.cells(forms.GOV_2021)} == v
    assert not any("好好学习" in line or line == "2/4" for line in report.document.lines)


def test_a_phone_s_status_bars_in_the_text_of_its_screenshots_are_left_out():
    """Blind round 54 (phone OCR of screenshots): each screenshot's status bar (9:41 / ull 5G 86%, or 15:31 5G 62)
    fell between table 4's header and its row (read as the row: every cell unsure), and above the title, so that the
    site's name before the title was joined to it (章贡区人民政府赣州市章贡区人民政府办公室)."""
    v = synthetic.consistent_values(random.Random(4), forms.GOV_2021)
    text = synthetic.render("赣州市章贡区人民政府办公室", 2024, forms.GOV_2021, v, "space")
    lines = text.split("\n")
    title = next(k for k, line in enumerate(lines) if line.startswith("赣州市章贡区人民政府办公室2024年"))
    lines[title:title + 1] = ["10:06", "ull 5G 91%", "章贡区人民政府", "首页 > 政务公开 > 政府信息公开年报",
                              "赣州市章贡区人民政府办公室2024", "年政府信息公开工作年度报告"]
    row = next(k for k, line in enumerate(lines) if line.startswith("四、政府信息公开行政复议")) + 3
    lines[row:row] = ["15:31 5G 62", "9:41", "ll 5G 86%"]
    report = extract_bytes("\n".join(lines).encode(), "screenshot.txt")
    assert report.agency.name == "赣州市章贡区人民政府办公室"
    assert {c.id: report.cells[c.id].value for c in forms.cells(forms.GOV_2021)} == v


@pytest.mark.parametrize("counter", ["— {page} —", "第{page}页 共4页", "- {page} -", "{page}"])
def test_a_pdf_reader_s_copy_with_its_running_head_after_each_page_number_is_read(counter):
    """Blind round 131 (text copied from PDF readers): each page's number (— 4 —) and then the agency's name as its
    running head, the breaks inside tables: the page numbers were left out, but the running head fell between table 4's
    values (13 of its 15 cells before it), and the table was unsure."""
    v = synthetic.consistent_values(random.Random(4), forms.GOV_2021)
    lines = synthetic.render("湖州市安吉县人民政府", 2022, forms.GOV_2021, v, "space").split("\n")
    t4 = next(k for k, line in enumerate(lines) if line.startswith("四、政府信息公开行政复议")) + 1
    row = next(k for k in range(t4, len(lines)) if len(lines[k].split()) == 15)
    values = lines[row].split()  # (a value a line, as the reader copies a ruled table's cells)
    lines[row:row + 1] = [*values[:13], counter.format(page=3), "湖州市安吉县人民政府", *values[13:]]
    # (blind round 173, h525: a sharing site's copy prints the number alone, 3, then the site's name; it was read as one
    # of the table's values)
    middle = len(lines) // 3
    lines[middle:middle] = [counter.format(page=1), "湖州市安吉县人民政府"]
    lines[2 * middle:2 * middle] = [counter.format(page=2), "湖州市安吉县人民政府"]
    report = extract_bytes("\n".join(lines).encode(), "copy.txt")
    assert {c.id: report.cells[c.id].value for c in forms.cells(forms.GOV_2021)} == v
