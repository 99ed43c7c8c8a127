"""A file that holds several reports (a county's departments' reports compiled into one
document): the first is read alone, and the report says that more follow. Tables printed again
or only after the report (附表) are the report's own."""

from __future__ import annotations

import random

import pytest

from builder import forms, synthetic
from builder.extraction.columns import T3_ORDER
from builder.extraction.extract import extract_bytes
from builder.forms import GOV_2021

from .test_table_rows import extracted

FIRST, SECOND, THIRD = "固原市彭阳县教育局", "固原市彭阳县卫生健康局", "固原市彭阳县民政局"


def blocks_of(agency: str, seed: int) -> tuple[list, dict]:
    v = synthetic.consistent_values(random.Random(seed), GOV_2021, scale=30)
    printed = {c.id: synthetic._fmt(v[c.id]) for c in forms.cells(GOV_2021)}
    return synthetic._blocks(agency, 2022, GOV_2021, printed, v), v


def last_line(rep) -> str:
    return [line for line in rep.document.lines if line.strip()][-1]


def more_reports(rep) -> list[dict]:
    return [w for w in rep.warnings if w["code"] == "more_reports"]


@pytest.mark.parametrize("rendering", ["tab", "space", "html", "docx"])
def test_a_compilation_is_read_as_its_first_report_and_says_how_many_follow(rendering):
    """Every cell of the first report, no prose figure of the others (the second one's fee
    sentence was the first's, read from the whole file), and a reading note."""
    first, v = blocks_of(FIRST, 1)
    second, _ = blocks_of(SECOND, 2)
    third, _ = blocks_of(THIRD, 3)
    first = [b for b in first if b != ("para", "本年度未收取信息处理费。")]
    rep = extracted(first + second + third, rendering)
    assert rep.agency.name == FIRST
    assert {k: c.value for k, c in rep.cells.items()} == {c.id: v[c.id] for c in forms.cells(GOV_2021)}
    assert [w["count"] for w in more_reports(rep)] == [2]
    assert "fees_charged_cny" not in {f.key for f in rep.narrative}
    assert SECOND in rep.document.text  # the source as published is kept whole


@pytest.mark.parametrize("rendering", ["tab", "html"])
def test_a_second_report_begins_at_its_title(rendering):
    first, _ = blocks_of(FIRST, 1)
    second, _ = blocks_of(SECOND, 2)
    rep = extracted(first + second, rendering)
    (note,) = more_reports(rep)
    assert note["count"] == 1 and last_line(rep) == "本年度未收取信息处理费。"


def test_a_second_report_without_a_title_begins_at_its_overview():
    first, _ = blocks_of(FIRST, 1)
    second, _ = blocks_of(SECOND, 2)
    rep = extracted(first + second[2:], "tab")  # no title, no opening: its 一、总体情况 first
    assert [w["count"] for w in more_reports(rep)] == [1]
    assert last_line(rep) == "本年度未收取信息处理费。"


@pytest.mark.parametrize("rendering", ["tab", "html"])
def test_a_gazette_s_next_report_of_prose_only_begins_at_its_title_set_on_two_lines(rendering):
    """Blind round 142 (政府公报): an issue prints a notice, the government's report, then a department's report whose
    tables are sentences, each title set on two lines (the agency's name, then 2022年政府信息公开工作年度报告). The
    second report was no report of its own: its 上年结转9件 and 主动公开1286条 were read as the first's."""
    first, v = blocks_of(FIRST, 1)
    notice = [("title", "彭阳县人民政府公报"), ("para", "2023年第2期（总第76期）"),
              ("para", "彭阳县人民政府关于做好2023年防汛工作的通知"),
              ("para", "各乡镇人民政府，县直各部门：现就有关事项通知如下。")]
    second = [("para", SECOND), ("para", "2022年政府信息公开工作年度报告"), ("heading", "一、总体情况"),
              ("para", "2022年，我局共主动公开政府信息1286条，收到政府信息公开申请213件，上年结转9件，办结205件。"),
              ("heading", "二、主动公开政府信息情况"), ("para", "本年制发规范性文件2件，废止1件，现行有效15件。"),
              ("heading", "六、其他需要报告的事项"), ("para", "无。")]
    title = first[0][1]
    split = [("para", FIRST), ("para", title.removeprefix(FIRST))]
    rep = extracted(notice + split + first[1:] + second, rendering)
    assert rep.agency.name == FIRST
    assert {k: c.value for k, c in rep.cells.items()} == {c.id: v[c.id] for c in forms.cells(GOV_2021)}
    assert [w["count"] for w in more_reports(rep)] == [1]
    assert not {1286, 9, 205} & {f.value for f in rep.narrative}
    assert last_line(rep) == "本年度未收取信息处理费。"


@pytest.mark.parametrize("rendering", ["tab", "html"])
def test_tables_printed_again_as_an_appendix_are_no_other_report(rendering):
    """附表: the same tables after the report's last section, with no title or overview of
    their own."""
    first, v = blocks_of(FIRST, 1)
    tables = [b for b in first if b[0] in ("table", "heading")][1:7]
    rep = extracted([*first, ("para", "附表"), *tables], rendering)
    assert not more_reports(rep)
    assert rep.value(forms.t3_cell("new_received", "total")) == v[forms.t3_cell("new_received", "total")]


@pytest.mark.parametrize("rendering", ["tab", "html"])
def test_a_report_printed_twice_is_read_once_and_is_no_compilation(rendering):
    """A page that prints its article twice (once for the screen, once for print)."""
    first, v = blocks_of(FIRST, 1)
    rep = extracted(first + first, rendering)
    assert not more_reports(rep)
    assert {k: c.value for k, c in rep.cells.items()} == {c.id: v[c.id] for c in forms.cells(GOV_2021)}
    assert last_line(rep) == "本年度未收取信息处理费。"
    assert [f.value for f in rep.narrative if f.key == "applications_received"] == [v["t3.new_received.total"]]


@pytest.mark.parametrize("caption", ["附表{n} ", "附表{n}：", "表{n} ", "附件{n}："])
@pytest.mark.parametrize("rendering", ["tab", "space", "html"])
def test_tables_printed_after_the_report_under_numbered_captions_are_read(caption, rendering):
    """The prose sections first (详见附表), the three tables at the end, each under a caption whose
    number (附表3) was read as table 4's first row: every cell of table 4 was unsure."""
    blocks, v = blocks_of(FIRST, 1)
    tables = [content for kind, content in blocks if kind == "table"]
    prose = [("para", "详见附表。") if kind == "table" else (kind, content) for kind, content in blocks]
    titles = ["主动公开政府信息情况", "收到和处理政府信息公开申请情况", "政府信息公开行政复议、行政诉讼情况"]
    appendix = [block for n, (title, table) in enumerate(zip(titles, tables), 1)
                for block in (("para", caption.format(n=n) + title), ("table", table))]
    rep = extracted(prose + appendix, rendering)
    assert {k: c.value for k, c in rep.cells.items()} == {c.id: v[c.id] for c in forms.cells(GOV_2021)}
    assert not more_reports(rep)


@pytest.mark.parametrize("rendering", ["tab", "html"])
def test_tables_2_and_3_in_the_appendix_and_table_4_in_the_report_are_all_read(rendering):
    """Blind round 148 (tables in attached files): 二、主动公开政府信息情况（见附件统计表一）and 三、…（见附件统计表二）
    with no table, 表四 printed under 四、, tables 2 and 3 after the report under their sections' headings again (the
    attachment's text): the headings after the report were taken for tables 2 and 3 and table 4's, before them, was
    never looked for (15 cells missing)."""
    blocks, v = blocks_of(FIRST, 1)
    tables = [content for kind, content in blocks if kind == "table"]
    heads = {"二、主动公开政府信息情况": "（见附件统计表一）", "三、收到和处理政府信息公开申请情况": "（见附件统计表二）"}
    body, k = [], 0
    for kind, content in blocks:
        if kind == "table":
            if k == 2:
                body.append((kind, content))
            k += 1
        else:
            body.append((kind, content + heads.get(content, "")))
    appendix = [("para", "二、主动公开政府信息情况"), ("table", tables[0]), ("para", "三、收到和处理政府信息公开申请情况"),
                ("table", tables[1])]
    rep = extracted(body + appendix, rendering)
    assert {k: c.value for k, c in rep.cells.items()} == {c.id: v[c.id] for c in forms.cells(GOV_2021)}


@pytest.mark.parametrize("rendering", ["tab", "html"])
def test_a_table_3_header_under_its_caption_after_the_report_is_table_3_s(rendering):
    """表三 收到和处理… (no 三、) under the last section, its header printing 总计 first: the caption and
    header went to table 2's region, table 3's starting at its first row, and its columns were read in
    the form's order: every row's 总计 read as 自然人."""
    from .test_table_columns import ORGANISATIONS, nested_header

    blocks, v = blocks_of(FIRST, 1)
    tables = [content for kind, content in blocks if kind == "table"]
    order = ("total", "natural_person", *ORGANISATIONS)
    tables[1].header = nested_header(("total", "natural_person", "group"), ORGANISATIONS)
    tables[1].rows = [(labels, [dict(zip(T3_ORDER, cells))[c] for c in order]) for labels, cells in tables[1].rows]
    prose = [("para", "详见附表。") if kind == "table" else (kind, content) for kind, content in blocks]
    titles = ["表二 主动公开政府信息情况", "表三 收到和处理政府信息公开申请情况", "表四 政府信息公开行政复议、行政诉讼情况"]
    appendix = [block for title, table in zip(titles, tables) for block in (("para", title), ("table", table))]
    rep = extracted(prose + appendix, rendering)
    assert {k: c.value for k, c in rep.cells.items()} == {c.id: v[c.id] for c in forms.cells(GOV_2021)}


def test_tables_pasted_bare_after_the_prose_are_read():
    """The report one paragraph (二、…详见下表), then the tables with no heading, caption or header: table 2's rows
    from 规章, table 3's, table 4 one unlabelled row of 15 figures. Tables 2 and 4 were not found."""
    v = synthetic.consistent_values(random.Random(12), GOV_2021)
    form = forms.FORMS[GOV_2021]
    t2 = [item.label_zh + "".join(f"\t{v[forms.t2_cell(item.id, m.id)]:g}" for m in item.measures) for item in form.t2]
    t3 = [f"{row.group_zh}{row.label_zh}\t" + "\t".join(str(v[forms.t3_cell(row.id, c.id)]) for c in forms.T3_COLUMNS)
          for row in form.t3_rows]
    t4 = "\t".join(str(v[forms.t4_cell(g.id, c.id)]) for g in forms.T4_GROUPS for c in forms.T4_COLUMNS)
    prose = (f"{FIRST}2023年政府信息公开工作年度报告 一、总体情况 2023年，本机关依法做好政府信息公开工作。"
             "二、主动公开政府信息情况 详见下表。三、收到和处理政府信息公开申请情况 详见下表。"
             "四、政府信息公开行政复议、行政诉讼情况 详见下表。五、存在的主要问题及改进情况 工作仍有不足。"
             "六、其他需要报告的事项 无。")
    text = "\n".join([f"{FIRST}2023年政府信息公开工作年度报告", prose, "", *t2, "", *t3, "", t4, "", "【打印】【关闭】"])
    rep = extract_bytes(text.encode(), "report.txt")
    assert {k: c.value for k, c in rep.cells.items()} == {c.id: v[c.id] for c in forms.cells(GOV_2021)}


def test_an_earlier_year_s_report_summed_up_below_is_none_of_this_report_s_prose():
    """A page that shows the agency's earlier reports below this one (【往年年报】, a title of 2022, its
    figures): those figures were this report's too, and its litigation headline was 2022's 1."""
    v = synthetic.consistent_values(random.Random(8), forms.GOV_2021, scale=30)
    text = synthetic.render("涪城区卫生健康局", 2023, forms.GOV_2021, v, "tab")
    earlier = ("\n【往年年报】\n涪城区卫生健康局2022年政府信息公开工作年度报告\n"
               "2022年，全年主动公开政府信息198条，新收政府信息公开申请4件；全年发生政府信息公开行政诉讼1件。\n")
    alone, with_earlier = (extract_bytes(t.encode(), "r.txt") for t in (text, text + earlier))
    heads = {f.key: f.value for f in with_earlier.narrative if f.headline}
    assert heads == {f.key: f.value for f in alone.narrative if f.headline}
    assert with_earlier.cells == alone.cells and 198 not in [f.value for f in with_earlier.narrative]


def test_another_agency_s_report_recommended_below_is_none_of_this_report_s_prose():
    """相关推荐 below the report: the government's report of the same year with its opening figures
    (共新收政府信息公开申请389件): they were this report's, and its headlines disagreed."""
    v = synthetic.consistent_values(random.Random(8), forms.GOV_2021, scale=30)
    text = synthetic.render("武进区市场监督管理局", 2023, forms.GOV_2021, v, "tab")
    related = ("\n相关推荐\n常州市武进区人民政府2023年政府信息公开工作年度报告\n"
               "2023年，武进区人民政府共新收政府信息公开申请389件，上年结转21件，办结396件……\n")
    alone, with_related = (extract_bytes(t.encode(), "r.txt") for t in (text, text + related))
    assert {f.key: f.value for f in with_related.narrative if f.headline} == {
        f.key: f.value for f in alone.narrative if f.headline}
    assert 389 not in [f.value for f in with_related.narrative]


@pytest.mark.parametrize("rendering", ["tab", "html"])
def test_a_compilations_preface_is_none_of_its_first_reports_figures(rendering):
    """The cover's and preface's county-wide figures (全县共收到申请186件) were the first report's headlines."""
    first, _ = blocks_of(FIRST, 1)
    second, _ = blocks_of(SECOND, 2)
    preface = [("title", "彭阳县2022年度部门政府信息公开工作年度报告汇编"),
               ("para", "2022年，全县各部门共主动公开政府信息31586条，共收到政府信息公开申请186件，上年结转9件。"),
               ("para", "目录"), ("para", f"{FIRST}2022年政府信息公开工作年度报告"),
               ("para", f"{SECOND}2022年政府信息公开工作年度报告")]
    rep = extracted(preface + first + second, rendering)
    assert rep.agency.name == FIRST
    values = {f.value for f in rep.narrative}
    assert not values & {31586, 186, 9}, rep.narrative


COMPILATION_INDEX = """彭阳县2022年度政府信息公开工作年度报告汇编
现将彭阳县人民政府及各部门2022年政府信息公开工作年度报告汇编如下，点击报告名称可查看全文。
序号\t单位\t报告名称\t发布日期
1\t彭阳县人民政府\t彭阳县人民政府2022年政府信息公开工作年度报告\t2023-01-16
2\t彭阳县教育局\t彭阳县教育局2022年政府信息公开工作年度报告\t2023-01-17
3\t彭阳县民政局\t彭阳县民政局2022年政府信息公开工作年度报告\t2023-01-18
4\t彭阳县卫生健康局\t彭阳县卫生健康局2022年政府信息公开工作年度报告\t2023-01-19
各单位报告内容包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。
"""


def test_an_index_of_several_agencies_reports_is_no_report():
    """A compilation's page listing its reports by link, with no report of its own: it was published
    as the county's report (pre-2019, every figure missing)."""
    from builder import errors

    with pytest.raises(errors.NotAReport, match=r"a list of 4 reports of several agencies"):
        extract_bytes(COMPILATION_INDEX.encode(), "index.html.txt")  # (its own title and lead are no report of it)


def test_a_search_results_page_whose_snippet_prints_a_table_row_is_no_report():
    """A site's search results for 年度报告: titles of several agencies' reports, one snippet running a row of
    table 3 (本年新收政府信息公开申请数量 21 0 0 0 0 0 21). The row kept it from being taken for a list,
    and it was published as the county's report."""
    from builder import errors

    snippet = "…2022年，县政府办公室主动公开政府信息1862条…本年新收政府信息公开申请数量 21 0 0 0 0 0 21…"
    snippets = COMPILATION_INDEX.replace("各单位报告内容包括", f"{snippet}\n各单位报告内容包括")
    with pytest.raises(errors.NotAReport, match=r"a list of 4 reports of several agencies"):
        extract_bytes(snippets.encode(), "search.html.txt")


ERRATUM = """关于《彭阳县人民政府2022年政府信息公开工作年度报告》的更正说明
2023年1月20日，我县发布了《彭阳县人民政府2022年政府信息公开工作年度报告》。经核查，该报告第三部分“收到和处理政府信息公开申请情况”中部分数据有误，现更正如下：
序号\t表格位置\t原数据\t更正后数据
1\t三、收到和处理政府信息公开申请情况：一、本年新收政府信息公开申请数量（自然人）\t142\t146
2\t四、政府信息公开行政复议、行政诉讼情况：行政复议 总计\t5\t6
报告其他内容不变。
彭阳县人民政府办公室
2023年2月14日
"""


def test_an_erratum_is_no_report_but_the_report_it_introduces_is():
    """An erratum's table quotes the form's sections and figures: it was published as the county's report.
    Printed above the corrected report, it is that report's."""
    from builder import errors

    with pytest.raises(errors.NotAReport, match="an erratum"):
        extract_bytes(ERRATUM.encode(), "erratum.txt")
    v = synthetic.consistent_values(random.Random(5), GOV_2021, scale=30)
    report = synthetic.render("彭阳县人民政府", 2022, GOV_2021, v, "tab")
    read = extract_bytes((ERRATUM + report).encode(), "corrected.txt")
    assert (read.agency.name, read.year) == ("彭阳县人民政府", 2022)
    assert {c: read.cells[c].value for c in v} == v


def test_a_page_of_a_report_printing_table_4_only_is_read():
    """Page 2 of a paginated report: table 4 and the ending, no table 2 (it stopped the build's reading
    of the file with an internal error)."""
    v = synthetic.consistent_values(random.Random(6), GOV_2021, scale=30)
    lines = synthetic.render("彭阳县人民政府", 2022, GOV_2021, v, "tab").split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("二、主动公开"))
    end = next(i for i, line in enumerate(lines) if line.startswith("四、政府信息公开行政复议"))
    read = extract_bytes("\n".join(lines[:start] + lines[end:]).encode(), "page2.txt")
    assert all(read.cells[c].value == v[c] for c in v if c.startswith("t4."))
    assert all(read.cells[c].status == "missing" for c in v if c.startswith(("t2.", "t3.")))


def _prose_report(agency: str, received: int) -> str:
    return (f"{agency}2017年政府信息公开工作年度报告\n\n本报告由{agency}编制。\n一、概述\n2017年，本机关认真落实政务公开要求。\n"
            f"二、主动公开政府信息情况\n2017年，主动公开政府信息{received * 10}条。\n三、依申请公开政府信息情况\n"
            f"2017年，共受理政府信息公开申请{received}件。\n四、存在的主要问题及改进措施\n公开内容不够全面。\n\n")


def test_a_compilation_of_prose_reports_is_read_as_its_first():
    """Reports before the form, one after another under a 目录: the figures of all twelve were the file's,
    and with them disagreeing no headline was left."""
    agencies = ["宜昌市夷陵区人民政府", "宜昌市夷陵区教育局", "宜昌市夷陵区民政局"]
    toc = "宜昌市夷陵区2017年度政府信息公开工作年度报告汇编\n目    录\n" + "".join(
        f"{a}2017年政府信息公开工作年度报告……{k + 1}\n" for k, a in enumerate(agencies))
    text = toc + "".join(_prose_report(a, 70 + k) for k, a in enumerate(agencies))
    read = extract_bytes(text.encode(), "compilation.txt")
    assert (read.agency.name, read.year, read.template) == (agencies[0], 2017, "pre-2019")
    assert {f.key: f.value for f in read.narrative if f.headline}["applications_received"] == 70
    assert [w["count"] for w in read.warnings if w["code"] == "more_reports"] == [2]


@pytest.mark.parametrize("bold", [False, True])
def test_a_prose_report_before_another_year_s_report_with_tables_is_read_alone(bold):
    """A crawl of an agency's 2017 report (prose, before the form) and then its 2022 one: the 2022 tables were
    read as the 2017 report's (its form gov-2021, its prose checked against them). Markdown's bold headings
    (**一、总体情况**) are headings too."""
    values = synthetic.consistent_values(random.Random(3), GOV_2021)
    later = synthetic.render(FIRST, 2022, GOV_2021, values, "pipe")
    if bold:
        later = later.replace("一、总体情况", "**一、总体情况**")
    read = extract_bytes((_prose_report(FIRST, 70) + later).encode(), "crawl.md")
    assert (read.agency.name, read.year, read.template) == (FIRST, 2017, "pre-2019")
    assert all(read.cells[c].status == "missing" for c in read.cells)
    assert [w["count"] for w in read.warnings if w["code"] == "more_reports"] == [1]
    again = extract_bytes((_prose_report(FIRST, 70).replace("2017", "2022") + later).encode(), "crawl.md")
    assert again.template == GOV_2021  # (the same report's title twice: its tables)


@pytest.mark.parametrize("title", ["关于《彭阳县人民政府2022年政府信息公开工作年度报告》的更正说明",
                                   "彭阳县人民政府关于2022年政府信息公开工作年度报告的更正公告"])
def test_an_erratum_reprinting_a_corrected_table_is_no_report(title):
    """An erratum reprinting the whole of table 3 it corrects, under the form's heading: the table gave it the
    form's shape and it was published as the county's report. Only an erratum printing the report's sections
    from table 2's to its problems' (the corrected report republished whole) is the report; an erratum titled
    公告 was refused as an official document even then."""
    from builder import errors

    v = synthetic.consistent_values(random.Random(5), GOV_2021, scale=30)
    lines = synthetic.render("彭阳县人民政府", 2022, GOV_2021, v, "tab").split("\n")
    start = next(k for k, line in enumerate(lines) if line.startswith("三、收到和处理"))
    end = next(k for k, line in enumerate(lines) if line.startswith("四、政府信息公开行政复议"))
    lead = [title, "经核查，我县2022年政府信息公开工作年度报告第三部分数据有误，更正后的表格如下："]
    with pytest.raises(errors.NotAReport, match="an erratum"):
        extract_bytes("\n".join([*lead, *lines[start:end], "报告其他内容不变。"]).encode(), "erratum.txt")
    read = extract_bytes("\n".join([*lead[:1], "更正后的年度报告全文重新发布如下：", *lines]).encode(), "republished.txt")
    assert (read.agency.name, read.year) == ("彭阳县人民政府", 2022)
    assert {c: read.cells[c].value for c in v} == v


def test_a_report_in_a_gazette_issue_after_other_documents_is_read_from_its_title():
    """A 政府公报 issue: its cover and 目录, then other documents (a notice, a work plan), then the report under its
    own title: the head named no agency and the file was rejected. The report is read from its title."""
    v = synthetic.consistent_values(random.Random(8), GOV_2021, scale=30)
    report = synthetic.render("彭阳县人民政府", 2022, GOV_2021, v, "tab")
    before = ["彭阳县人民政府公报", "2023年第2期（总第118期）", "目  录",
              "彭阳县人民政府办公室关于印发2023年政务公开工作要点的通知（1）",
              "彭阳县人民政府2022年政府信息公开工作年度报告（3）", "各乡镇人民政府，县政府各部门：",
              "现将《2023年政务公开工作要点》印发给你们，请认真贯彻落实。", "2023年政务公开工作要点",
              "一、深化重点领域信息公开。", "二、做好政府信息公开工作年度报告的编制和发布。"]
    read = extract_bytes("\n".join([*before, report]).encode(), "gazette.txt")
    assert (read.agency.name, read.year) == ("彭阳县人民政府", 2022)
    assert {c: read.cells[c].value for c in v} == v


@pytest.mark.parametrize("rendering", ["tab", "space", "html", "docx"])
@pytest.mark.parametrize("lead", ["【更正后全文】（2023年2月2日更正）", "以下为修订后的报告，以此为准："])
def test_a_report_then_its_corrected_version_is_read_as_corrected(rendering, lead):
    """【原文】 the report as first published, then 【更正后全文】 the whole report corrected: the original was read
    (its wrong figures, its failed sums); the corrected version is the report, and a note says so."""
    original, _ = blocks_of(FIRST, 1)
    corrected, v = blocks_of(FIRST, 4)
    rep = extracted([("para", "【更正】本报告原文部分数据有误，以下依次为原文及更正后全文。"), ("para", "【原文】"), *original,
                     ("para", lead), *corrected], rendering)
    assert {k: c.value for k, c in rep.cells.items()} == {c.id: v[c.id] for c in forms.cells(GOV_2021)}
    assert "corrected_version" in [w["code"] for w in rep.warnings] and not more_reports(rep)


def test_another_agency_s_report_after_a_correction_notice_is_still_another_report():
    """A compilation's second report after a line that names a correction of something else stays the second: only
    the lines just before a later report's title say it is the first one's corrected version."""
    first, _ = blocks_of(FIRST, 1)
    second, _ = blocks_of(SECOND, 2)
    rep = extracted([*first[:-1], ("para", "（本报告已根据审计意见更正后发布）"), *[("para", "附：")] * 6, *second],
                    "tab")
    assert rep.agency.name == FIRST and [w["count"] for w in more_reports(rep)] == [1]
    rep = extracted([*first, ("para", "认真贯彻修订后的《中华人民共和国政府信息公开条例》。"), *second], "tab")
    assert rep.agency.name == FIRST and [w["count"] for w in more_reports(rep)] == [1]


def test_a_sharing_site_s_file_name_above_the_title_opens_no_report_of_its_own():
    """Blind round 129 (a document-sharing site's preview, cut off in table 2): the file's name (…年度报告.docx) above the
    site's chrome, then the title and 一、总体情况. The name and the title were two reports' titles before one overview,
    the first report was the chrome between them, and the file was refused as no report."""
    title = "绵阳市游仙区人民政府2023年政府信息公开工作年度报告"
    text = "\n".join([
        "原创力文档", f"{title}.docx", "页数：10页  大小：58.2 KB  下载积分：300金币",
        "上传人：wangwen8826  上传时间：2024-03-02",
        "", title, "本报告数据统计期限为2023年1月1日至2023年12月31日。", "一、总体情况",
        "（一）主动公开情况。2023年，游仙区人民政府主动公开政府信息3950条。",
        "（二）依申请公开情况。全年共收到政府信息公开申请13件，引发行政复议0件、行政诉讼0件。", "二、主动公开政府信息情况",
        "第二十条第（一）项", "信息内容  本年制发件数  本年废止件数  现行有效件数", "规章  0  0  0", "行政规范性文件  2  4  21",
        "文档预览已结束，还剩 8 页未读，继续阅读", "相关文档", "游仙区2022年政府信息公开工作年度报告.docx  8页",
        "涪城区人民政府2023年政府信息公开工作年度报告.pdf  11页"])
    report = extract_bytes(text.encode(), "preview.txt")
    assert (report.agency.name, report.year) == ("绵阳市游仙区人民政府", 2023)
    assert report.cells["t2.normative_docs.in_force"].value == 21
