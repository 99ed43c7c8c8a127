"""Documents filed among the annual reports that are not annual reports are refused, saying what they seem to be."""

from __future__ import annotations

import pytest

from builder import errors
from builder.extraction.extract import extract_bytes

BODY = """一、总体情况
2020年，我县认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开政府信息1200条。
二、主动公开政府信息情况
三、收到和处理政府信息公开申请情况
全年共收到政府信息公开申请12件。
四、政府信息公开行政复议、行政诉讼情况
五、存在的主要问题及改进情况
"""


@pytest.mark.parametrize("title, kind", [
    ("关于彭阳县2020年政务公开工作要点落实情况的函", "函"),
    ("彭阳县人民政府办公室关于报送2020年政务公开工作要点落实情况的函", "函"),
    ("彭阳县人民政府办公室关于印发2021年政务公开工作要点的通知", "通知"),
    ("彭阳县2021年政务公开工作要点", "工作要点"),
    ("彭阳县2021年政府信息公开工作计划", "计划"),
    ("宁波市鄞州区姜山镇人民政府2023年政务公开工作总结和2024年工作思路", "计划"),  # (blind round 131: read as a report)
    ("关于《嘉兴市南湖区人民政府2022年政府信息公开工作年度报告》（送审稿）修改情况的说明", "说明"),  # (round 133)
    ("彭阳县人民政府门户网站2021年度工作报表", "报表"),
    ("标题：关于做好2020年度政府信息公开工作年度报告编制工作的通知\n来源：县政府办", None),
])
def test_letters_notices_and_work_plans_are_refused(title, kind):
    text = f"{title}\n\n{BODY}"
    if kind is None:  # a notice about compiling the reports names them in its title: still not a report
        with pytest.raises(errors.NotAReport):
            extract_bytes(text.encode(), "doc.txt")
        return
    with pytest.raises(errors.NotAReport) as caught:
        extract_bytes(text.encode(), "doc.txt")
    assert kind in str(caught.value) and "doc.txt" in str(caught.value)


def test_an_annual_report_citing_a_notice_is_kept():
    text = ("彭阳县2020年政府信息公开工作年度报告\n根据《国务院办公厅关于印发2020年政务公开工作要点的通知》要求，"
            "现发布本报告。\n" + BODY)
    report = extract_bytes(text.encode(), "report.txt")
    assert report.year == 2020 and report.agency.adcode == "640425"


@pytest.mark.parametrize("opening", ["2020年，我县认真落实全县政务公开工作要点。",
                                     "2020年，按照县政府工作安排，推进政务公开工作方案",
                                     "根据上级要求，现将有关情况通报如下。"])
def test_an_opening_sentence_ending_in_a_kind_of_document_is_no_title(opening):
    """A report whose opening sentence (in its first lines) ends in 工作要点, 方案 or 通报 was refused
    as that kind of document; a sentence (a comma, a full stop at its end) is no title."""
    text = f"彭阳县2020年政府信息公开工作年度报告\n{opening}\n" + BODY
    report = extract_bytes(text.encode(), "report.txt")
    assert report.year == 2020 and report.agency.adcode == "640425"


@pytest.mark.parametrize("bullet", ["· ", "•", "▶ ", "- "])
def test_a_sidebar_s_entries_run_into_the_page_are_no_title(bullet):
    """Blind round 118 (saved pages of pre-2019 reports): a sidebar's 热点推荐 / · 信丰县2013年春运工作安排 between the
    opening and a section, in the page's first lines: read as the title, the report was refused as a work plan."""
    text = ("| 名称： | 彭阳县2020年政府信息公开工作年度报告 |\n根据《条例》要求，现公布本报告。\n|\n| 热点推荐 |\n"
            f"| {bullet}彭阳县2021年春运工作安排 |\n| {bullet}县政府召开第十二次常务会议 |\n" + BODY)
    assert extract_bytes(text.encode(), "report.txt").year == 2020


def test_a_site_column_name_is_not_a_title():
    text = "通知公告\n彭阳县2020年政府信息公开工作年度报告\n" + BODY
    assert extract_bytes(text.encode(), "report.txt").year == 2020


def test_a_summary_is_refused_unless_it_prints_the_forms_tables():
    import random

    from builder import synthetic

    with pytest.raises(errors.NotAReport, match="总结"):
        extract_bytes(("彭阳县2020年政务公开工作总结\n\n" + BODY).encode(), "summary.txt")
    values = synthetic.consistent_values(random.Random(3), "gov-2019")
    text = synthetic.render("固原市彭阳县人民政府", 2020, "gov-2019", values, "tab")
    text = text.replace("固原市彭阳县人民政府2020年政府信息公开工作年度报告", "固原市彭阳县人民政府2020年政府信息公开工作总结", 1)
    report = extract_bytes(text.encode(), "summary.txt")
    assert report.template == "gov-2019" and report.year == 2020


@pytest.mark.parametrize("suffix", ["（填报模板）", "模板", "（参考格式）"])
def test_a_blank_template_of_the_report_is_refused_unless_its_tables_print_figures(suffix):
    """Blind round 74 (filing systems): a county's template for its towns' reports (××镇（街道）2024年度…年度报告（填报模板）
    below the system's menu, every cell of the form empty) was read as the report of 镇（街道）; filled in and published
    under the same title, it is a report."""
    import random
    import re

    from builder import synthetic

    values = synthetic.consistent_values(random.Random(5), "gov-2021")
    text = synthetic.render("彭阳县城阳乡人民政府", 2024, "gov-2021", values, "tab")
    title = "彭阳县城阳乡人民政府2024年政府信息公开工作年度报告"
    menu = "政务公开填报系统 当前用户：管理员\n工作台\n待办事项\n信息发布\n年度报告填报\n统计分析\n系统设置\n"
    filled = menu + text.replace(title, f"××乡（镇）2024年度政府信息公开工作年度报告{suffix}", 1)
    blank = re.sub(r"(?m)(?<=\t)[\d.]+(?=\t|$)", "", filled)
    with pytest.raises(errors.NotAReport, match="模板"):
        extract_bytes(blank.encode(), "template.txt")
    report = extract_bytes(filled.replace("××乡（镇）", "彭阳县城阳乡人民政府", 1).encode(), "report.txt")
    assert report.year == 2024 and report.cells["t3.total.total"].value == values["t3.total.total"]


@pytest.mark.parametrize("aside", ["", "（各单位报送）"])
def test_a_summary_table_of_several_bodies_figures_is_refused(aside):
    """Blind round 75 (spreadsheet exports): a district's 2023年度政府信息公开工作年度报告数据汇总表 (a row per body: 单位名称 |
    本年新收申请 | 予以公开 | … | 行政复议) was read as the district government's report with every cell missing; and in
    round 146 one titled so with an aside after it, （各单位报送）."""
    rows = [f"吴兴区2023年度政府信息公开工作年度报告数据汇总表{aside}",
            "填报单位：湖州市吴兴区人民政府办公室\t统计时间：2024年1月31日",
            "序号\t单位名称\t主动公开政府信息（条）\t本年新收申请\t上年结转\t予以公开\t部分公开\t不予公开\t无法提供\t"
            "不予处理\t其他处理\t办理总计\t结转下年度\t行政复议（件）\t行政诉讼（件）"]
    rows += [f"{k}\t区{name}\t{500 + k}\t{k}\t0\t{k}\t0\t0\t0\t0\t0\t{k}\t0\t0\t0"
             for k, name in enumerate(("教育局", "民政局", "司法局", "财政局", "水利局", "商务局"), 1)]
    with pytest.raises(errors.NotAReport, match="汇总表"):
        extract_bytes("\n".join(rows).encode(), "汇总表.txt")


@pytest.mark.parametrize("title", ["赣州市南康区2023—2024年度政府信息公开工作年度报告数据对比分析",
                                   "2024年度全市政府信息公开工作年度报告情况分析"])
def test_an_analysis_of_the_reports_is_refused_and_a_report_so_titled_with_the_form_is_read(title):
    """Blind round 147 (last year's figures beside this year's): an office's analysis of its bodies' reports, titled
    after them, with a table of the district's figures for two years (主要指标 | 2023年 | 2024年 | 增减) and its own
    sections, was read as the district's report. A report titled so that prints the form's tables is read."""
    text = "\n".join([title, "南康区人民政府办公室", "一、总体情况", "截至2025年1月31日，全区46家单位均已发布年度报告。",
                      "二、主要数据对比", "主要指标\t2023年\t2024年\t增减", "主动公开政府信息（条）\t31562\t34877\t+3315",
                      "新收政府信息公开申请（件）\t213\t187\t-26", "政府信息公开行政复议（件）\t6\t4\t-2",
                      "三、存在的问题", "部分单位年度报告内容简单。", "四、下一步工作", "加强培训指导。"])
    with pytest.raises(errors.NotAReport, match="analysis"):
        extract_bytes(text.encode(), "analysis.txt")
    import random

    from builder import synthetic

    values = synthetic.consistent_values(random.Random(5), "gov-2021")
    form = synthetic.render("赣州市南康区人民政府", 2024, "gov-2021", values, "tab")
    first = form.split("\n", 1)[0]
    report = extract_bytes(form.replace(first, title, 1).encode(), "report.txt")
    assert report.cells["t3.total.total"].value == values["t3.total.total"]


def test_a_notice_about_the_reports_below_a_site_menu_is_refused_as_a_notice():
    """The notice's title on the 8th line, after the site's menu, and longer between 做好 and 的通知
    than was looked for: it was read as the district's 2023 report."""
    menu = "西安市雁塔区人民政府\n首页\n走进雁塔\n政务公开\n政务服务\n互动交流\n当前位置：首页 > 政务公开 > 政府信息公开年报\n"
    title = "西安市雁塔区人民政府办公室关于做好2023年度政府信息公开工作年度报告编制发布工作的通知"
    with pytest.raises(errors.NotAReport) as caught:
        extract_bytes(f"{menu}{title}\n各街道办事处，区政府各工作部门：\n{BODY}".encode(), "notice.txt")
    assert "a notice (通知)" in str(caught.value)


@pytest.mark.parametrize("head", [
    "德阳市人民政府办公室文件\n德办函〔2024〕2号\n德阳市人民政府办公室\n",  # a red-head document's first page
    "",
])
@pytest.mark.parametrize("title, kind", [
    ("关于做好2023年政府信息公开工作年度报告\n编制和发布工作的通知", "a notice (通知)"),
    # a circular on how the units compiled theirs (通报): it was published as the issuer's report
    ("德阳市人民政府办公室关于2023年度政府信息公开工作年度报告编制\n发布情况的通报", "通报"),
    # a narrow page (an OFD's, a phone's) wraps it over three lines
    ("西安市雁塔区人民政府办公室关于做好2024年\n度政府信息公开工作年度报告编制发布工作的\n通知", "a notice (通知)"),
])
def test_a_notice_whose_title_wraps_below_its_issuer_is_refused(head, title, kind):
    """A red-head notice prints its issuer, then its title over two lines (关于做好…年度报告 /
    编制和发布工作的通知) or three, below the head's name and 文号: it was read as the issuer's report."""
    with pytest.raises(errors.NotAReport) as caught:
        extract_bytes(f"{head}{title}\n各县（市、区）人民政府，市级各部门：\n{BODY}".encode(), "notice.txt")
    assert kind in str(caught.value)


def test_a_menu_entry_beside_the_agencys_name_is_no_title_when_a_report_title_follows():
    """A town's column: its name, then its menu (政府信息公开指南, …), then the report's title.
    凤凰镇 and 政府信息公开指南 read together name a guide, and the report was refused as one."""
    menu = "凤凰镇\n政府信息公开指南\n政府信息公开制度\n法定主动公开内容\n政府信息公开年度报告\n依申请公开\n"
    report = extract_bytes(f"{menu}凤凰镇2022年政府信息公开工作年度报告\n{BODY}".encode(), "report.txt")
    assert report.year == 2022
    with pytest.raises(errors.NotAReport, match="政府信息公开指南"):  # the guide itself, its name wrapped
        extract_bytes(f"凤凰镇人民政府\n政府信息公开指南\n一、公开主体\n{BODY}".encode(), "guide.txt")


def test_a_report_titled_only_by_its_year_below_its_column_s_menu_is_read():
    """A department's column on its district's site: its name, its menu (政府信息公开指南, …), the page's
    labels, and the title 2023年度报告 naming no subject. The name and the menu entry were read as a
    guide's title, and 2023年度报告 as a report on another subject; the report has the form's tables."""
    from .official_form import AGENCY, YEAR, assert_every_cell, blocks, html_body, html_page, values

    v = values(seed=2)
    entries = ("政府信息公开指南", "政府信息公开制度", "政府信息公开年度报告", "依申请公开")
    menu = "".join(f"<li>{entry}</li>" for entry in entries)
    head = (f"<div>{AGENCY}</div><ul>{menu}</ul><table><tr><th>发布机构：</th><td>{AGENCY}</td></tr>"
            f"<tr><th>文件名称：</th><td>{YEAR}年度报告</td></tr></table><h1>{YEAR}年度报告</h1>")
    body = html_body(blocks(v)).replace(f"<p>{AGENCY}{YEAR}年政府信息公开工作年度报告</p>", "", 1)
    assert "年政府信息公开工作年度报告" not in body
    report = extract_bytes(html_page(head + body).encode(), "t20240122_4165238.html")
    assert (report.agency.name, report.year) == (AGENCY, YEAR)
    assert_every_cell(report, v)


@pytest.mark.parametrize("title, kind", [
    ("福建省2022年度政务公开工作第三方评估报告", "评估"),
    ("闵行区人民政府关于2023年度法治政府建设情况的报告", "another subject"),
    ("彭阳县2021年法治政府建设年度报告", "another subject"),
    ("宜昌市2023年度行政复议和行政应诉工作统计年报", "another subject"),  # (年报: was published, its cells empty)
])
def test_evaluations_and_reports_on_other_subjects_are_refused(title, kind):
    """An evaluation of the agencies' disclosure, and an annual report on another subject (法治政府
    建设), quote disclosure figures and have sections like a report's: they were published as one."""
    with pytest.raises(errors.NotAReport) as caught:
        extract_bytes(f"{title}\n\n{BODY}".encode(), "doc.txt")
    assert kind in str(caught.value)


def test_a_report_beside_a_link_to_a_report_on_another_subject_is_kept():
    text = ("首页 > 政务公开 > 年度报告\n彭阳县2020年法治政府建设年度报告\n"
            f"彭阳县2020年政府信息公开工作年度报告\n{BODY}")
    assert extract_bytes(text.encode(), "doc.txt").year == 2020


def test_a_report_on_another_subject_with_a_related_link_to_a_disclosure_report_below_it_is_refused():
    """相关链接 under the signature names the agency's disclosure report: taken for a link beside the title, it
    kept a 法治政府建设年度报告 from being refused, and it was published as a report before the form."""
    text = ("首页 > 信息公开 > 法治政府建设年度报告\n彭阳县2023年法治政府建设年度报告\n"
            f"{BODY}\n彭阳县人民政府\n2024年3月26日\n相关链接\n彭阳县2023年政府信息公开工作年度报告")
    with pytest.raises(errors.NotAReport, match="another subject"):
        extract_bytes(text.encode(), "doc.txt")


def test_a_pdf_line_of_a_sentence_ending_in_the_word_report_is_no_title():
    """A narrow PDF column breaks the preamble anywhere: …统计期限自2020年1月1日起至2020年12月31日止。如对本报告
    ended a line like a title of a report on another subject, and the report was refused."""
    text = ("哈尔滨市南岗区人民政府\n2020年政府信息公开工作年度报告\n本报告依据《条例》编制。本报告中所列数据的\n"
            f"统计期限自2020年1月1日起至2020年12月31日止。如对本报告\n有疑问，请与区政府办公室联系。\n{BODY}")
    assert extract_bytes(text.encode(), "doc.txt").year == 2020


@pytest.mark.parametrize("section", ["四、2024年工作安排", "三、下一步工作计划"])
def test_a_section_heading_is_no_title(section):
    """A heading of the body ending in 安排 or 计划 named the document a work plan."""
    text = f"{section}\n\n{BODY}"
    with pytest.raises(errors.NotAReport) as caught:
        extract_bytes(text.encode(), "doc.txt")
    assert "work plan" not in str(caught.value)


@pytest.mark.parametrize("title", ["一图读懂丨彭阳县2020年政府信息公开工作年度报告",
                                   "图解：彭阳县2020年政府信息公开工作年度报告",
                                   "图文解读：《彭阳县2020年政府信息公开工作年度报告》",
                                   "【图解】一图读懂《彭阳县2020年政府信息公开工作年度报告》",
                                   "彭阳县2020年政府信息公开工作年度报告解读"])  # (was published)
def test_an_interpretation_titled_after_a_report_is_refused(title):
    """A WeChat 一图读懂 summing up the report was published as the report itself."""
    with pytest.raises(errors.NotAReport) as caught:
        extract_bytes(f"{title}\n\n{BODY}".encode(), "doc.txt")
    assert "interpretation" in str(caught.value)


def test_a_picture_s_card_below_the_report_s_own_title_is_the_page_s_sidebar():
    """Blind round 135 (portals' widgets around the article): a 图解 card of last year's report (图解：…2019年…报告,
    its headline figures) under the report's own title named the page an interpretation, and the report was lost."""
    card = "图解：彭阳县2019年政府信息公开工作年度报告\n收到申请9件\n主动公开1100条"
    report = extract_bytes(f"彭阳县人民政府2020年政府信息公开工作年度报告\n{card}\n\n{BODY}".encode(), "page.txt")
    assert (report.agency.name, report.year) == ("彭阳县人民政府", 2020)


def test_an_interpretations_title_over_the_whole_report_with_its_tables_is_read():
    """A page headed 一图读懂丨… whose text is the whole report (the graphic on screen, the report's text
    for printing) was refused as an interpretation: it prints the form's tables."""
    import random

    from builder import synthetic

    values = synthetic.consistent_values(random.Random(3), "gov-2019")
    text = synthetic.render("固原市彭阳县人民政府", 2020, "gov-2019", values, "tab")
    report = extract_bytes(f"一图读懂丨彭阳县2020年政府信息公开工作年度报告\n{text}".encode(), "page.txt")
    assert report.template == "gov-2019" and report.year == 2020


@pytest.mark.parametrize("title", ["我区召开2021年度政府信息公开工作年度报告编制培训会",
                                   "彭阳县举办2020年政府信息公开工作年度报告编制培训班",
                                   "彭阳县2021年度政府信息公开工作年度报告推进会"])
def test_news_of_a_meeting_on_the_reports_is_refused(title):
    """A WeChat news item on a training about the reports, quoting the form, was published as a report
    of an agency named 我区召开."""
    with pytest.raises(errors.NotAReport) as caught:
        extract_bytes(f"{title}\n\n{BODY}".encode(), "doc.txt")
    assert "news of a meeting or training" in str(caught.value)


@pytest.mark.parametrize(("title", "kind"), [
    ("信丰县发布2023年政府信息公开工作年度报告", "news of a report's publication"),
    ("我县公布《2023年政府信息公开工作年度报告》", "news of a report's publication"),
    ("顺德区人民政府2023年政府信息公开工作年度报告（摘要）", "an abstract (摘要) of a report"),
])
def test_news_of_a_report_and_an_abstract_are_refused_and_the_report_with_its_tables_read(title, kind):
    """A county media centre's news item quoting the report's figures, a newspaper's abstract of it: both
    were published as a report of the year without tables. A page so titled that prints the form's
    tables is the report."""
    import random

    from builder import synthetic

    with pytest.raises(errors.NotAReport) as caught:
        extract_bytes(f"{title}\n\n{BODY}".encode(), "doc.txt")
    assert kind in str(caught.value)
    values = synthetic.consistent_values(random.Random(3), "gov-2021")
    text = synthetic.render("信丰县人民政府", 2023, "gov-2021", values, "tab")
    assert extract_bytes(f"{title}\n{text}".encode(), "page.txt").template == "gov-2021"


PUBLIC_INSTITUTION = "a hospital or school: its disclosure report is a public institution's (公共企事业单位信息公开)"


@pytest.mark.parametrize(("name", "kind"), [
    ("广州市自来水有限公司", "an enterprise: its disclosure report is a public enterprise's (公共企事业单位信息公开)"),
    ("深圳市燃气集团", "an enterprise: its disclosure report is a public enterprise's (公共企事业单位信息公开)"),
    ("安吉县人大常委会办公室", "a people's congress body (人大), which the regulation does not cover"),
    ("政协肥西县委员会办公室", "a political consultative conference body (政协), which the regulation does not cover"),
    ("余村村民委员会", "a village or residents' committee (村民委员会/居民委员会), a self-governing body"),
    ("德清县人民法院", "a court: its openness reports are 司法公开's"),
    ("宁夏大学", "a university or college: its disclosure reports follow 高等学校信息公开办法"),
    ("温州医科大学附属第一医院", PUBLIC_INSTITUTION),
    ("杭州市学军中学", PUBLIC_INSTITUTION),
])
def test_a_body_the_regulation_does_not_cover_is_refused(name, kind):
    """Water companies, 人大 and 政协 offices, village committees, courts, universities, hospitals and
    schools publish 信息公开
    工作年度报告 on the same pattern, some copying the form whole: none is an administrative agency's."""
    with pytest.raises(errors.NotAReport) as caught:
        extract_bytes(f"{name}2023年信息公开工作年度报告\n本报告由{name}编制。\n{BODY}".encode(), "doc.txt")
    assert str(caught.value) == ("doc.txt: not a government information disclosure annual report: "
                                 f"“{name}” is not an administrative agency: {kind}")


@pytest.mark.parametrize("name", ["长兴县新闻出版局", "中共长兴县委宣传部", "宁波市住房公积金管理中心", "长兴县人民政府办公室"])
def test_a_government_body_named_near_those_is_read(name):
    report = extract_bytes(f"{name}2023年政府信息公开工作年度报告\n本报告由{name}编制。\n{BODY}".encode(), "doc.txt")
    assert report.agency.name == name


@pytest.mark.parametrize(("name", "other", "kind"), [
    ("光山县城乡供水管理处", "光山县城乡供水有限公司",
     "an enterprise: its disclosure report is a public enterprise's (公共企事业单位信息公开)"),
    ("丹棱县妇幼保健计划生育服务中心", "丹棱县妇幼保健院", PUBLIC_INSTITUTION),
])
def test_a_body_whose_other_name_is_not_covered_is_refused(name, other, kind):
    """A 管理处 that is a water company, a 服务中心 that is a hospital: the report names the body's other
    name beside its own in the opening, and that name says what it is."""
    text = f"{name}2023年信息公开工作年度报告\n现公布{name}（{other}）2023年工作年度报告。\n{BODY}"
    with pytest.raises(errors.NotAReport) as caught:
        extract_bytes(text.encode(), "doc.txt")
    assert str(caught.value) == ("doc.txt: not a government information disclosure annual report: "
                                 f"“{name}（{other}）” is not an administrative agency: {kind}")


@pytest.mark.parametrize("other", ["原长兴县自来水有限公司", "长兴县中医药管理局"])
def test_a_body_whose_other_name_is_an_agency_or_former_is_read(other):
    """A former name (原…公司: what the body was) or a second agency's name (加挂的牌子) is no sign of a body
    the regulation does not cover."""
    name = "长兴县水利局"
    text = f"{name}2023年政府信息公开工作年度报告\n现公布{name}（{other}）2023年工作年度报告。\n{BODY}"
    assert extract_bytes(text.encode(), "doc.txt").agency.name == name


TEASER = """平遥县人民政府2023年政府信息公开工作年度报告
近日，《平遥县人民政府2023年政府信息公开工作年度报告》在平遥县人民政府门户网站正式发布。
报告显示，2023年平遥县通过政府网站主动公开政府信息3861条，全年新收政府信息公开申请37件，均在法定期限内答复。报告从总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六个方面作了介绍。
点击文末“阅读原文”，查看报告全文。
"""


def test_a_teaser_titled_as_the_report_is_refused_and_a_report_without_tables_read():
    """Blind round 62 (WeChat articles): an account's post titled as the report, saying it was published and linking to
    it, was read as the report (without tables, as a prose report of 2023). A report whose tables are pictures still
    prints its sections, and one before the form its prose."""
    with pytest.raises(errors.NotAReport, match="a page about a report"):
        extract_bytes(TEASER.encode(), "post.html.txt")
    sections = TEASER.splitlines()[0] + "\n" + BODY.replace("2020年", "2023年") + "点击“阅读原文”查看原图。\n"
    assert extract_bytes(sections.encode(), "report.txt").year == 2023
    prose = TEASER.replace("2023年", "2018年")
    assert extract_bytes(prose.encode(), "report.txt").template == "pre-2019"
    # Blind round 105 (reports re-posted on social media): a picture summary's post, its words the pictures' points
    summary = ("<title>一图读懂丨湖州市2024年政府信息公开工作年度报告 - 微博</title><p>湖州发布</p><p>"
               "【一图读懂丨湖州市2024年政府信息公开工作年度报告】 #2024年政府信息公开工作年度报告# 2024年，湖州市主动"
               "公开政府信息超4.3万条，办理依申请公开362件……一图带你读懂↓↓</p><p>图解要点：①主动公开：全市主动公开政府"
               "信息43,165条；②依申请公开：办理362件；③平台建设：政府网站访问量1,280万人次；④行政复议和诉讼：行政复议11件、"
               "行政诉讼4件。报告全文详见湖州市人民政府门户网站“政府信息公开年报”栏目。</p>")
    with pytest.raises(errors.NotAReport, match="a page about a report"):
        extract_bytes(summary.encode(), "weibo.html")


def test_headings_referring_to_the_tables_pictures_are_no_rows():
    """Blind round 105 (reports re-posted on social media): a post whose tables are pictures, its headings saying where
    (三、收到和处理政府信息公开申请情况（详见图3、图4）): the heading's 4 and 5 were read as a row of table 3 and 4, every
    cell unsure and the report 存疑. Numbers a heading refers to figures by are no values: no tables, 无表格."""
    from builder.checks import check_report

    text = ("湘潭县教育局2024年政府信息公开工作年度报告\n" + BODY.replace("2020年", "2024年")
            .replace("二、主动公开政府信息情况", "二、主动公开政府信息情况（详见图2）")
            .replace("三、收到和处理政府信息公开申请情况", "三、收到和处理政府信息公开申请情况（详见图3、图4）")
            .replace("四、政府信息公开行政复议、行政诉讼情况", "四、政府信息公开行政复议、行政诉讼情况（详见图5）"))
    report = extract_bytes(text.encode(), "post.txt")
    assert {c.status for c in report.cells.values()} == {"missing"}
    check_report(report)
    assert report.badge == "无表格"


def test_a_column_page_of_one_agency_s_reports_as_dated_links_is_refused():
    """Blind round 106 (reports inside container elements): a column page listing one county's reports of five years,
    each with its date, above its 政府信息公开指南 (一、主动公开 二、依申请公开): read as the county's 2020 report. The same
    links beside a report's own title and 一、总体情况 still leave the report read."""
    links = [f"湄潭县人民政府{year}年政府信息公开工作年度报告{year + 1}-01-2{year - 2020}" for year in range(2024, 2019, -1)]
    guide = ["湄潭县人民政府政府信息公开指南", "一、主动公开", "（一）公开范围。本机关主动公开规范性文件、财政预决算等政府信息。",
             "二、依申请公开", "（一）受理机构：湄潭县人民政府办公室。", "（四）收费。依申请提供政府信息，不收取费用。",
             "三、监督和救济", "认为本机关侵犯其合法权益的，可以申请行政复议或者依法向人民法院提起行政诉讼。"]
    with pytest.raises(errors.NotAReport, match="a column page listing 5 reports as links"):
        extract_bytes("\n".join(["政务公开", "政府信息公开年报", "政府信息公开指南", "政府信息公开年报", *links,
                                 "共5条 首页 上一页 1 下一页 尾页", "政府信息公开指南", *guide]).encode(), "a.txt")
    report = "\n".join(["湄潭县人民政府2023年政府信息公开工作年度报告", BODY.replace("2020年", "2023年"), "相关链接", *links])
    assert extract_bytes(report.encode(), "report.txt").year == 2023


def test_a_circular_on_how_the_reports_were_published_is_refused():
    """Blind round 62 (WeChat articles): …关于2023年度政府信息公开工作年度报告发布情况的通报 (how the county's bodies
    published theirs) was read as the office's report."""
    title = "阜平县人民政府办公室关于2023年度政府信息公开工作年度报告发布情况的通报"
    with pytest.raises(errors.NotAReport, match="通报"):
        extract_bytes(f"{title}\n\n{BODY}".encode(), "doc.txt")


def test_a_notice_that_a_report_is_published_is_refused_though_it_names_the_report_as_its_attachment():
    """Blind round 126 (OFD): 关于公开《…2023年政府信息公开工作年度报告》的公告, a few of the report's figures quoted, and
    附件：…年度报告（网页链接） at its foot. The attachment's name stood for a report's title below the notice's, and the
    notice was read as the report (badge 无表格). A report printed after its notice is still read (a gazette's)."""
    notice = ("宝鸡市陈仓区人民政府办公室\n关于公开《宝鸡市陈仓区人民政府2023年\n政府信息公开工作年度报告》的公告\n"
              "根据《中华人民共和国政府信息公开条例》规定，现将《宝鸡市陈仓区人民政府2023年政府信息公开工作年度报告》予以公开。"
              "报告显示，2023年全区主动公开政府信息12436条，受理政府信息公开申请46件。\n"
              "附件：宝鸡市陈仓区人民政府2023年政府信息公开工作年度报告（网页链接）\n宝鸡市陈仓区人民政府办公室\n2024年1月29日\n")
    with pytest.raises(errors.NotAReport, match="公告"):
        extract_bytes(notice.encode(), "notice.txt")


@pytest.mark.parametrize("edition", ["（2023年修订）", "（修订版）", "(试行)"])
def test_a_guide_titled_with_its_edition_in_brackets_is_refused(edition):
    """Blind round 128: 鼓楼区人民政府政府信息公开指南（2023年修订）, with 一、总体情况 and 二、主动公开 as a guide's sections:
    the edition after its name hid 公开指南 at the title's end, and the guide was read as the district's report."""
    with pytest.raises(errors.NotAReport, match="a disclosure guide"):
        extract_bytes(f"鼓楼区人民政府政府信息公开指南{edition}\n为了更好地提供服务，编制本指南。\n{BODY}".encode(), "guide.txt")


@pytest.mark.parametrize("part", ["第三季度", "上半年", "1-9月"])
def test_a_statement_of_part_of_a_year_is_refused(part):
    """Blind round 129: 醴陵市人民政府2022年第三季度政府信息公开申请办理情况, with the form's table 3 for the quarter: it was
    read as the city's 2022 report."""
    with pytest.raises(errors.NotAReport, match="part of a year"):
        extract_bytes(f"醴陵市人民政府2022年{part}政府信息公开申请办理情况\n现将有关情况统计如下：\n{BODY}".encode(), "q.txt")


@pytest.mark.parametrize("placeholder", ["XX县人民政府", "×××市教育局", "ＸＸ镇人民政府", "**区人民政府"])
def test_a_template_whose_agency_is_a_placeholder_is_refused(placeholder):
    """Blind round 129 (a sharing site's 范文): XX县人民政府2022年政府信息公开工作年度报告, its tables filled with sample
    figures: it was read as the report of an agency named XX县人民政府."""
    with pytest.raises(errors.NotAReport, match="placeholder"):
        extract_bytes(f"{placeholder}2022年政府信息公开工作年度报告\n{BODY}".encode(), "template.txt")


def test_a_file_name_ending_in_x_above_the_agency_s_title_is_no_placeholder():
    """A cover note's attachment name (…年度报告.docx) on the line above the report's own title: its x is no template's
    XX before the agency's name."""
    report = extract_bytes(f"附件：报告.docx\n彭阳县人民政府2023年政府信息公开工作年度报告\n{BODY}".encode(), "report.txt")
    assert report.agency.name == "彭阳县人民政府"


@pytest.mark.parametrize("name", ["西安市各区县", "岳麓区各部门"])
def test_a_summary_of_several_agencies_reports_is_refused(name):
    """Blind round 149 (notebooks): a researcher's summary of a city's district reports, titled as a report of 西安市各区县,
    was read as one agency's report."""
    text = f"{name}2023年政府信息公开工作年度报告\n\n{BODY.replace('我县', name)}"
    with pytest.raises(errors.NotAReport, match="several agencies"):
        extract_bytes(text.encode(), "summary.txt")


def test_a_circular_s_wrapped_body_line_naming_the_reports_is_no_report_title_below_it():
    """Blind round 158: the issuer, then 关于2023年度…年度报告 / 发布情况的通报, then the salutation and a body whose
    PDF lines wrap so that one reads 将全区2023年度政府信息公开工作年度报告编制发布情况通报: that line was taken for a
    report's title below the circular's, and the circular was read as its issuer's report."""
    text = ("赣州市南康区人民政府办公室\n关于2023年度政府信息公开工作年度报告\n发布情况的通报\n各乡镇人民政府，区政府各部门：\n"
            "根据《条例》规定和上级工作要求，各行政机关应当按时向社会公布年度报告。现\n"
            "将全区2023年度政府信息公开工作年度报告编制发布情况通报\n如下。\n" + BODY)
    with pytest.raises(errors.NotAReport, match="通报"):
        extract_bytes(text.encode(), "notice.txt")


@pytest.mark.parametrize("title", ["政府信息公开申请答复告知书", "政府信息公开申请补正通知书", "信息公开答复意见书"])
def test_a_reply_to_an_applicant_quoting_a_report_s_figures_is_refused(title):
    """Blind round 159: a 依申请公开 reply letter (…答复告知书, 肥政办依申请〔2024〕第37号, 陈××：) quoting the county's
    figures from its report (收到申请112件，上年结转4件；予以公开46件…) was read as the county office's report. Its title
    names no year, as a reply's never does."""
    letter = ("肥西县人民政府办公室\n" + title + "\n肥政办依申请〔2024〕第37号\n陈××：\n"
              "本机关于2024年4月8日收到您提交的政府信息公开申请。经审查，现答复如下：您申请获取的信息已在《肥西县人民政府"
              "2023年政府信息公开工作年度报告》中公开。根据该报告，2023年县政府共收到政府信息公开申请112件，上年结转4件；"
              "予以公开46件，部分公开13件。因政府信息公开引起行政复议5件、行政诉讼2件。\n肥西县人民政府办公室\n2024年4月26日\n")
    with pytest.raises(errors.NotAReport, match="a reply to a disclosure applicant"):
        extract_bytes(letter.encode(), "reply.txt")


def test_a_note_correcting_a_report_titled_after_it_is_refused():
    """Blind round 165: 关于更正《…2023年政府信息公开工作年度报告》部分数据的说明, listing the corrected figures and linking
    the report, was read as the district's report (a note 关于《…》的说明 was refused, one 关于更正《…》 was not)."""
    note = ("关于更正《铜仁市碧江区人民政府2023年政府信息公开工作年度报告》部分数据的说明\n"
            "我区于2024年1月25日发布的《铜仁市碧江区人民政府2023年政府信息公开工作年度报告》中部分数据有误，现更正如下：\n"
            "1.“一、总体情况”中“全年主动公开政府信息2748条”更正为“全年主动公开政府信息2784条”；\n"
            "2.表三中“一、本年新收政府信息公开申请数量”自然人栏“37”更正为“39”。\n碧江区人民政府办公室\n2024年2月5日\n")
    with pytest.raises(errors.NotAReport, match="说明"):
        extract_bytes(note.encode(), "note.txt")


@pytest.mark.parametrize("wrap", [
    ["本报告依据《中华人民共和国政府信息公开条例》和《河南省人民政府办公厅",
     "关于印发〈2023年河南省政务公开工作要点〉的通知", "》要求编制。"],
    ["本报告依据《条例》(以下", "简称《条例》)和《河南省人民政府办公厅",
     "关于印发〈2023年河南省政务公开工作要点〉的通知", "》要求编制。"],
])
def test_a_notice_s_name_quoted_in_the_preamble_across_lines_is_no_title(wrap):
    """Blind round 175 (h541): a narrow page wrapped the preamble so that a line read 关于印发〈…〉的通知, its 《 on the
    line above and its 》 on the line below: taken for the document's title, the report was refused as a notice."""
    text = "\n".join(["栾川县三川镇人民政府", "2023年政府信息公开工作年度报告", *wrap, BODY])
    report = extract_bytes(text.encode(), "report.txt")
    assert report.agency.name == "栾川县三川镇人民政府"
