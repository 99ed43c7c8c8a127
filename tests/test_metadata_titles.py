"""The agency's name and the year from a report's top lines: page chrome, bylines, notices, dates."""

from __future__ import annotations

import random

import pytest

from builder import synthetic
from builder.extraction.extract import extract_bytes
from builder.extraction.metadata import (
    clean_name,
    describe_agency,
    find_agency_name,
    find_title,
    find_year,
    read_title,
    strip_page_labels,
)
from builder.reading.document import body_lines

PERIOD = "本报告所列数据统计期限自2023年1月1日至2023年12月31日止。"


def _lines(*head: str, opening: str = "2023年，本机关认真贯彻落实政务公开工作要求。") -> list[str]:
    return body_lines("\n".join([*head, PERIOD, "一、总体情况", opening]))


@pytest.mark.parametrize("site", ["固原市人民政府门户网站", "西吉县人民政府网", "固原市人民政府官网"])
@pytest.mark.parametrize("agency", ["西吉县人民政府办公室", "西吉县教育局"])
def test_a_site_s_name_above_a_title_naming_no_agency_is_no_agency(site, agency):
    """The agency is the byline below the title, the opening's subject, or the compiler the report names."""
    for lines in (_lines(site, "2023年政府信息公开工作年度报告", agency),
                  _lines(site, "2023年政府信息公开工作年度报告", opening=f"2023年，{agency}认真贯彻落实政务公开工作要求。")):
        assert find_agency_name(lines) == agency
    # An office compiling a report with no name in its title compiles its government's (兰州新区管委会党政办公室).
    compiled = find_agency_name(_lines(site, "2023年政府信息公开工作年度报告", f"本报告由{agency}编制。"))
    assert compiled == agency.removesuffix("办公室")


@pytest.mark.parametrize("agency", ["西吉县人民政府办公室", "彭阳县教育局", "国家税务总局彭阳县税务局"])
def test_the_issuer_label_or_the_opening_outranks_a_name_from_the_line_above(agency):
    lines = _lines("固原市人民政府", "2023年度政府信息公开工作年度报告")
    assert find_agency_name(lines, issuer=agency) == agency
    lines = _lines("固原市人民政府", "2023年度政府信息公开工作年度报告", opening=f"2023年，{agency}认真贯彻落实要求。")
    assert find_agency_name(lines) == agency


def test_a_name_on_the_line_above_the_title_is_kept_without_other_evidence():
    assert find_agency_name(_lines("彭阳县人民政府", "2023年政府信息公开工作年度报告")) == "彭阳县人民政府"
    lines = _lines("彭阳县人民政府", "2023年政府信息公开工作年度报告", opening="2023年，彭阳县人民政府认真落实要求。")
    assert find_agency_name(lines, issuer="彭阳县人民政府") == "彭阳县人民政府"
    lines = _lines("洪泽区人民政府", "2023年政府信息公开工作年度报告", "本报告由淮安市洪泽区人民政府办公室编制。")
    assert find_agency_name(lines) == "洪泽区人民政府"  # the title's government, compiled by its office
    # compiled by its office named without its place (本报告由县政府办公室…汇总): the title's government
    lines = _lines("浦江县人民政府", "2023年政府信息公开工作年度报告", "本报告由县政府办公室根据各部门的年度报告汇总编制。")
    assert find_agency_name(lines) == "浦江县人民政府"
    # the opening naming the title's government short (金水区政府坚持…): the same body, the title's name
    lines = _lines("郑州市金水区人民政府", "2023年政府信息公开工作年度报告", opening="2023年，金水区政府坚持以人民为中心。")
    assert find_agency_name(lines) == "郑州市金水区人民政府"


@pytest.mark.parametrize("site", ["固原市人民政府", "固原市人民政府门户网站", "固原市人民政府门户网站 · 打印版",
                                  "固原市人民政府网站｜长者版"])
def test_a_site_owner_printed_before_the_title_on_its_line_is_dropped(site):
    """(And the page's version after it, as a print view's running head prints it: 打印版 came into the name.)"""
    lines = _lines(f"{site}  西吉县人民政府办公室2023年政府信息公开工作年度报告")
    assert find_agency_name(lines) == "西吉县人民政府办公室"
    assert find_year(lines) == (2023, "title")


@pytest.mark.parametrize("menu", ["栏目导航", "信息公开目录", "政务公开"])
def test_page_words_spaced_off_before_the_title_on_its_line_are_dropped(menu):
    """A side menu printed beside the title (a page printed to PDF) put 栏目导航 in the name."""
    lines = _lines(f"{menu}  南平市人民政府2023年政府信息公开工作年度报告")
    assert find_agency_name(lines) == "南平市人民政府"
    assert find_year(lines) == (2023, "title")


@pytest.mark.parametrize("at", [4, 8])
def test_page_words_beside_a_title_below_the_menu_are_dropped(at):
    """A page printed with its column menu beside the article: the menu's entries come one a line
    above the title, and one (法定主动公开内容) shares the title's line."""
    menu = ["寿光市人民政府", "站内搜索", "首页 走进寿光 新闻中心 政务公开", "信息公开目录", "政府信息公开指南",
            "政府信息公开制度", "机构职能", "领导信息", "政策文件", "规划计划", "财政信息", "行政执法"][:at]
    lines = _lines(*menu, "法定主动公开内容  寿光市农业农村局2023年政府信息公开工作年度报告", "一、总体情况")
    assert find_agency_name(lines) == "寿光市农业农村局"
    assert find_year(lines) == (2023, "title")


@pytest.mark.parametrize("printed, name", [("国家税务总局 彭阳县税务局", "国家税务总局彭阳县税务局"),
                                           ("宁夏回族自治区 彭阳县教育局", "宁夏回族自治区彭阳县教育局")])
def test_a_body_or_a_place_spaced_off_before_the_title_s_name_stays_in_it(printed, name):
    assert find_agency_name(_lines(f"{printed}2023年政府信息公开工作年度报告")) == name


@pytest.mark.parametrize("sentence", ["根据《中华人民共和国政府信息公开条例》，井冈山市人民政府办公室编制了本年度报告。",
                                      "井冈山市人民政府办公室编制本报告。",
                                      # blind round 144: the report named by its year and title, no 本
                                      "根据《中华人民共和国政府信息公开条例》要求，井冈山市人民政府办公室编制了2012年政府信息公开"
                                      "工作年度报告。"])
def test_a_report_without_a_title_is_named_by_the_subject_who_compiled_it(sentence):
    """A page whose title was only in its <title>, printed to PDF: its publisher label 来源：市政府办
    (a short name, no place) was taken instead. As with 本报告由…办公室编制, the office compiles
    its government's report."""
    lines = body_lines("\n".join(["发布时间：2012-03-28 来源：市政府办", sentence, PERIOD, "一、概述"]))
    assert find_agency_name(lines) == "井冈山市人民政府"
    lines = body_lines("\n".join([sentence.replace("人民政府办公室", "教育局"), PERIOD, "一、概述"]))
    assert find_agency_name(lines) == "井冈山市教育局"


MENU = ("首页 | 政务公开 | 互动交流 | 办事服务 | 无障碍浏览 | 长者模", "式")


@pytest.mark.parametrize("name", ["中共赣州市委统一战线工作部（赣州市民族宗教事务局）", "中共石门县委宣传部（石门县新闻出版局）",
                                  "中共桐庐县委宣传部", "石门县文化广电和旅游局（石门县文物局）"])
def test_a_wrapped_title_of_a_party_body_working_as_a_government_one_is_joined(name):
    """Blind round 213 (h838): a PDF's title wrapped (…2024年政府信息公开工作年 / 度报告) naming a party body that works as
    a government one (中共…委统一战线工作部（…民族宗教事务局）) was taken for no body's name, as a menu's lines joined
    would be: the bracketed second name was read as the agency instead."""
    lines = _lines(f"{name}2023年政府信息公开工作年", "度报告")
    assert find_agency_name(lines) == name.replace("（", "(").replace("）", ")")  # (brackets as the lines print them)


@pytest.mark.parametrize("wrapped", [("青岛西海岸新区管理委员会", "2023年政府信息公开工作年度", "报告"),
                                     ("株洲高新技术产业开发区管理", "委员会2023年政府信息公开工", "作年度报告"),
                                     ("芜湖经济技术开发区管理委员会2023年", "政府信息公开工作年度报告")])
def test_a_title_wrapped_over_short_lines_below_a_menu_is_joined(wrapped):
    """A page printed narrow, or a large heading: the title's lines came after a menu that wrapped
    too, where only single lines were read; the agency was a later sentence's 新区管委办公室 or, from
    the last two lines alone, 委员会."""
    lines = _lines(*MENU, *wrapped, "浏览次数：1532 【字体：大 中 小】")
    name = "".join(wrapped).split("2023")[0]
    assert find_agency_name(lines) == name
    assert find_year(lines) == (2023, "title")


@pytest.mark.parametrize("menu", ["首页走进陵水政府信息公开办事服务互动交流专题专栏", "首页 政务公开 办事服务 互动交流"])
def test_a_menu_line_right_above_a_whole_title_is_no_part_of_it(menu):
    """The title on the fourth line, a site's menu on the third: the two lines were joined as a
    title wrapped in two, the menu was the agency's name, and the report's compiler (the
    government's office) replaced it."""
    lines = _lines("您好,欢迎访问陵水黎族自治县人民政府网站!", "海南省人民政府无障碍长者模式", menu,
                   "陵水黎族自治县人民政府2024年政府信息公开工作年度报告",
                   "本报告由陵水黎族自治县人民政府办公室编制。", "一、总体情况")
    assert find_title(lines) == ("陵水黎族自治县人民政府", 2024)
    assert find_agency_name(lines, issuer="陵水黎族自治县人民政府办公室") == "陵水黎族自治县人民政府"


def test_menu_entries_above_a_title_naming_no_body_are_no_name():
    """A portal's menu a line an entry (互动交流 / 走进宝鸡), then a title naming no body: the entries were joined
    with it as a title wrapped over lines, and 互动交流走进宝鸡 was the agency. The signature names it."""
    lines = _lines("欢迎访问宝鸡市人民政府", "首页", "政务公开", "互动交流", "走进宝鸡", "2024年政府信息公开工作年度报告",
                   "发布时间：2025-01-17 来源：本站", opening="2024年，我局认真贯彻落实政务公开工作要求。")
    assert find_agency_name(lines) is None
    lines = _lines("首页", "政务公开", "西吉县", "2023年政府信息公开工作年度报告")  # a place above it is a name
    assert find_agency_name(lines) == "西吉县人民政府"


def test_the_trail_s_last_step_names_a_page_whose_heading_is_a_picture():
    """The title only in the breadcrumb trail (the heading an image), the 来源 label the government's office: the
    office was the agency; the trail's title names the government, as the signature does."""
    from builder.extraction.metadata import name_in_trail, publisher_from_labels

    page = ["首页", "当前位置：首页 > 信息公开 > 政府信息公开年报 > 渭源县人民政府2023年政府信息公开工作年度报告",
            "发布日期：2024-02-05 来源：渭源县人民政府办公室"]
    assert name_in_trail(page) == "渭源县人民政府"
    assert publisher_from_labels(page) == "渭源县人民政府办公室"
    assert name_in_trail(["当前位置：首页 > 信息公开 > 政府信息公开年报"]) is None


def test_lines_of_a_sentence_below_a_menu_are_no_title():
    lines = _lines(*MENU, "根据条例，芜湖经济技术开发区管理委员会编制", "2023年政府信息公开工作年度报告")
    assert find_year(lines)[1] != "title"


@pytest.mark.parametrize("compiled", ["本报告由彭阳县白阳\n镇人民政府编制。", "本报告由彭阳县白阳镇人民\n政府编制。"])
def test_a_name_wrapped_inside_a_sentence_of_a_pdf_is_read_whole(compiled):
    """The title names the town only; the text names its government in full, on two lines of a PDF."""
    lines = body_lines("\n".join(["白阳镇2022年政府信息公开工作年度报告", compiled, PERIOD, "一、总体情况"]))
    assert find_agency_name(lines) == "彭阳县白阳镇人民政府"


@pytest.mark.parametrize("joint", ["彭阳县人民政府办公室 彭阳县政务服务管理局", "中共彭阳县委办公室 彭阳县人民政府办公室"])
def test_two_offices_on_a_title_line_stay_together(joint):
    assert find_agency_name(_lines(f"{joint}2023年政府信息公开工作年度报告")) == joint.replace(" ", "")


@pytest.mark.parametrize("date", ["二〇二四年一月二十日", "2024年1月20日", "二〇二四年一月"])
def test_a_publication_date_above_a_title_without_a_year_is_no_title_year(date):
    lines = _lines(date, "彭阳县人民政府政府信息公开工作年度报告")
    assert find_year(lines) == (2023, "统计期限")
    assert find_agency_name(lines) == "彭阳县人民政府"


@pytest.mark.parametrize("notice, agency", [
    ("彭阳县人民政府办公室关于印发彭阳县2023年政府信息公开工作年度报告的通知", "彭阳县人民政府"),
    ("彭阳县人民政府办公室关于印发2023年政府信息公开工作年度报告的通知", "彭阳县人民政府办公室"),
    ("固原市人民政府办公室关于公布固原市生态环境局2023年政府信息公开工作年度报告的通知", "固原市生态环境局"),
])
def test_a_notice_issuing_the_report_names_the_report_s_agency_or_its_issuer(notice, agency):
    lines = _lines(notice, "彭政办发〔2024〕5号", opening="2023年，彭阳县人民政府认真落实要求。")
    assert find_agency_name(lines) == agency


@pytest.mark.parametrize("pronoun", ["本机关", "我局", "本单位", "本部门"])
def test_what_a_report_calls_itself_is_no_name(pronoun):
    lines = _lines("2023年政府信息公开工作年度报告", opening=f"现将{pronoun}2023年度政府信息公开工作情况报告如下。")
    assert find_agency_name(lines, issuer="彭阳县教育局") is None


def test_a_sentence_naming_the_report_after_its_verb_names_the_agency_without_the_verb():
    """Its title unreadable (private-use characters of a viewer's copy), the report named in the opening only:
    …办公室编制了厦门市思明区人民政府2022年…报告 gave the agency 编制了厦门市思明区人民政府."""
    lines = _lines("\ue000\ue001\ue002", "根据《条例》要求，厦门市思明区人民政府办公室",
                   "编制了厦门市思明区人民政府2022年政府信息公开工作年度报告。")
    assert find_agency_name(lines) == "厦门市思明区人民政府"


def test_a_name_spaced_off_its_year_on_the_title_line_is_the_title_s_own():
    """Not a site owner's name before the title: a label naming another body does not outrank it."""
    lines = _lines("彭阳县人民政府 2023年政府信息公开工作年度报告")
    assert find_agency_name(lines, issuer="固原市人民政府") == "彭阳县人民政府"


@pytest.mark.parametrize("name", ["福州市鼓楼区民政局", "彭阳县人民政府办公室", "长阳土家族自治县卫生健康局"])
def test_a_title_wrapped_inside_its_agency_s_name_is_joined_when_the_report_prints_the_whole_name(name):
    """A long name in a large title font wraps (福州市鼓 / 楼区民政局2023年…): the agency was 楼区民政局."""
    for cut in range(1, len(name)):
        lines = [name[:cut], f"{name[cut:]}2023年政府信息公开工作年度报告", "",
                 f"本报告由{name}编制，所列数据统计期限自2023年1月1日至2023年12月31日止。"]
        assert find_agency_name(lines) == name, name[:cut]


def test_a_line_above_the_title_stays_apart_unless_the_report_prints_the_joined_name():
    lines = ["首页", "彭阳县教育局2023年政府信息公开工作年度报告", "", "2023年，本机关认真贯彻落实政务公开工作要求。"]
    assert find_agency_name(lines) == "彭阳县教育局"


@pytest.mark.parametrize("title", [
    "彭阳县教育局2023年政府信息公开年报", "彭阳县教育局2023年度政府信息公开工作年报", "2023年彭阳县教育局政府信息公开年报",
    "彭阳县教育局政府信息公开年报（2023年度）", "彭阳县教育局2023年政务信息公开工作年度报告",
    "彭阳县教育局关于2023年度政务信息公开工作情况的报告", "彭阳县教育局政务信息公开工作年度报告（2023年）",
    "彭阳县教育局2023年年度政府信息公开工作报告",  # 年 typed twice
])
def test_a_title_calling_the_report_a_nianbao_or_the_work_zhengwu_xinxi_gongkai_names_agency_and_year(title):
    """年报 (annual report) for 年度报告, and 政务信息公开 for the work, are titles some agencies print."""
    lines = _lines(title, opening="2023年，本机关认真贯彻落实公开工作要求。")
    assert find_agency_name(lines) == "彭阳县教育局"
    assert find_year(lines)[:2] == (2023, "title")


@pytest.mark.parametrize("name", ["彭阳县卫生健康局（彭阳县中医药管理局）", "彭阳县人民政府办公室（县外事办公室）",
                                  "彭阳县发展和改革局(彭阳县粮食和物资储备局)"])
def test_a_second_name_in_brackets_keeps_its_closing_bracket(name):
    """An agency with two names (挂牌) prints the second in brackets: it lost its closing bracket."""
    found = find_agency_name(_lines(f"{name}2023年政府信息公开工作年度报告"))
    assert found is not None and found.replace("（", "(").replace("）", ")") == name.replace("（", "(").replace("）", ")")


@pytest.mark.parametrize("printed, name", [("（彭阳县教育局", "彭阳县教育局"), ("彭阳县教育局）", "彭阳县教育局"),
                                           ("）彭阳县教育局（", "彭阳县教育局")])
def test_brackets_pairing_with_nothing_at_a_name_s_ends_are_dropped(printed, name):
    assert clean_name(printed) == name


def test_a_title_without_its_year_below_a_menu_names_the_agency():
    """临城县人民政府政府信息公开工作年度报告 (the year only in the 统计期限) on the 8th line, below a menu:
    only the first three lines were read for such a title, and the agency became the 来源 label's office."""
    lines = body_lines("\n".join(["临城县人民政府", "政务公开", "政务服务", "互动交流", "走进临城", "长者模式",
                                   "临城县人民政府政府信息公开工作年度报告",
                                   "发布日期:2025-01-21  来源:临城县人民政府办公室", PERIOD.replace("2023", "2024"),
                                   "一、总体情况", "本年度,临城县人民政府认真贯彻落实《条例》。"]))
    assert find_title(lines) == ("临城县人民政府", None)
    assert find_agency_name(lines) == "临城县人民政府"


@pytest.mark.parametrize("menu", ["", "网站首页 | 政务公开 | 信息公开 | 走进沙县 | 沙县小吃"])
def test_a_county_of_two_characters_in_the_title_is_a_name(menu):
    """沙县2019年…报告: a name of two characters was taken for none, and the menu line above (… 沙县小吃)
    was joined to it: the agency became 沙县小吃沙县."""
    lines = _lines(*filter(None, [menu, "沙县2019年政府信息公开工作年度报告"]),
                   opening="2019年，沙县人民政府认真贯彻落实《条例》。")
    assert (read_title(lines).name, read_title(lines).assembled) == ("沙县", False)
    assert find_agency_name(lines) == "沙县人民政府"


def test_a_list_of_reports_ending_in_the_articles_heading_is_no_title():
    """A page's 部门年报 column lists other bureaus' reports, this one's last, then its heading: the
    first entry of the list was taken for the title."""
    own = "西安市雁塔区人力资源和社会保障局2023年政府信息公开工作年度报告"
    lines = ["首页", "政务公开", "部门年报", "西安市雁塔区发展和改革委员会2023年政府信息公开工作年度报告",
             "西安市雁塔区民政局2023年政府信息公开工作年度报告", own, own,
             "本报告根据《中华人民共和国政府信息公开条例》编制。", "一、总体情况", "2023年，我局主动公开政府信息532条。"]
    assert find_title(lines) == ("西安市雁塔区人力资源和社会保障局", 2023)
    catalogue = ["汇编", "目录", lines[3], lines[4], own, "", lines[3], "一、总体情况"]
    assert find_title(catalogue)[0] == "西安市雁塔区发展和改革委员会"  # a compilation's 目录: its first report


def test_a_name_label_in_a_cell_of_its_own_is_no_part_of_the_title():
    """名　　称 | 监利县人民政府2019年…: the page's info table; the agency was read as 名称监利县人民政府."""
    lines = ["索 引 号\t011215730/2020-00318\t分 类\t政府信息公开年报", "名 称\t监利县人民政府2019年政府信息公开工作年度报告\t\t",
             "监利县人民政府2019年政府信息公开工作年度报告", "一、总体情况", "2019年，监利县认真贯彻落实《条例》。"]
    assert find_agency_name(body_lines("\n".join(lines))) == "监利县人民政府"


@pytest.mark.parametrize("agency", ["长沙县㮾梨街道办事处", "潮州市湘桥区磷溪镇𬒈头村民委员会", "象山县䲔鱼港管理委员会"])
def test_rare_characters_of_a_place_name_stay_in_the_name(agency):
    """Place names use Han characters outside the basic block (Extension A 㮾, Extension B–G 𬒈)."""
    for lines in (_lines(f"{agency}2023年政府信息公开工作年度报告"),
                  _lines("2023年政府信息公开工作年度报告", opening=f"2023年，{agency}认真贯彻落实政务公开工作要求。")):
        assert find_agency_name(lines) == agency


@pytest.mark.parametrize("trail", ["首页 > 政务公开 > 部门信息公开 > 县林业局 > 政府信息公开年报",
                                   "您当前的位置：西吉县人民政府网 >> 政务公开 >> 年度报告", "首页 » 信息公开 » 年报"])
def test_a_breadcrumb_trail_before_the_title_on_its_line_is_no_part_of_the_name(trail):
    lines = _lines(f"{trail}  西吉县林业和草原局2023年政府信息公开工作年度报告")
    assert find_agency_name(lines) == "西吉县林业和草原局"
    assert find_year(lines) == (2023, "title")


def test_a_page_scraped_onto_one_line_keeps_its_report_after_the_labels_under_its_title():
    """标题 发布日期:… 来源:… 浏览次数:… then the report, all on one line: cutting the labels off the title
    cut the whole report with them."""
    body = "根据《中华人民共和国政府信息公开条例》规定，现公布本年度报告。" * 5 + "一、概述 2018年，我局深入推进政府信息公开。"
    line = (f"西吉县林业局2018年政府信息公开工作年度报告 发布日期:2019-03-26 09:15:42 信息来源:县林业局 浏览次数:87 "
            f"【字体:大 中 小】 {body}")
    assert strip_page_labels([line]) == ["西吉县林业局2018年政府信息公开工作年度报告", body]
    short = "西吉县林业局2018年政府信息公开工作年度报告 发布日期:2019-03-26 信息来源:县林业局"
    assert strip_page_labels([short]) == ["西吉县林业局2018年政府信息公开工作年度报告"]


LINKS = ["上饶市广丰区财政局2021年政府信息公开工作年度报告2022-01-26",
         "上饶市广丰区卫生健康委员会2021年政府信息公开工作年度报告2022-01-24",
         "上饶市广丰区住房和城乡建设局2021年政府信息公开工作年度报告2022-01-21"]


@pytest.mark.parametrize("aside", ["", "（收到申请6件） ", "(图解) "])
def test_reports_listed_with_their_dates_before_the_article_s_title_are_links(aside):
    """A sidebar of 部门年报, each title with its date, printed before the article: its first link
    was taken as the agency; so was one with an aside before its date (blind round 145: 相关新闻 …报告（收到申请6件）
    2024-01-18)."""
    links = [link.replace("报告2022", f"报告{aside}2022") for link in LINKS[:2]]
    lines = _lines("部门年报", *links, "上饶市广丰区自然资源局2021年政府信息公开工作年度报告")
    assert find_agency_name(lines) == "上饶市广丰区自然资源局"


@pytest.mark.parametrize("trail", ["您当前所在位置:首页 > 政务公开 > 政府信息公开年报 > 部门年报", "首页 » 政务公开 » 部门年报"])
def test_the_title_below_a_page_s_breadcrumb_trail_is_the_article_s(trail):
    """Above the trail the page lists links (热点信息 … 上饶市广丰区人民政府2021年…报告): none is the article."""
    lines = _lines("首页走进广丰政务公开", "部门年报", *LINKS, "热点信息", "关于2022年城乡居民基本医疗保险集中参保缴费的通告",
                   "上饶市广丰区人民政府2021年政府信息公开工作年度报告", trail,
                   "上饶市广丰区自然资源局2021年政府信息公开工作年度报告")
    assert find_agency_name(lines) == "上饶市广丰区自然资源局"


@pytest.mark.parametrize(("title", "agency"), [("第六师五家渠市", "第六师五家渠市"), ("彭阳县", "彭阳县人民政府")])
@pytest.mark.parametrize("compiler", ["师市政务公开领导小组办公室", "县政务公开办", "彭阳县政府信息公开工作领导小组办公室"])
def test_an_office_coordinating_disclosure_compiles_the_title_s_region_s_report(title, agency, compiler):
    """本报告由师市政务公开领导小组办公室编制 under 第六师五家渠市2022年…报告: the report was published as the
    coordinating office's own."""
    lines = _lines(f"{title}2023年政府信息公开工作年度报告", f"本报告由{compiler}编制。")
    assert find_agency_name(lines) == agency


def test_a_sidebar_of_dated_report_links_a_crawler_saved_a_line_each_is_no_title():
    """Each link's title, then its date on a line of its own, ten of them before the article's title at the
    38th line: the first link (a department's 2020 report) was taken as title, agency and year."""
    links = [line for k in range(10) for line in (
        f"浦江县{['教育局', '民政局', '司法局', '财政局', '审计局', '统计局', '林业局', '水务局', '商务局', '文旅局'][k]}"
        f"{2020 + k % 5}年政府信息公开工作年度报告", f"{2021 + k % 5}-01-{10 + k}")]
    lines = _lines("欢迎访问浦江县人民政府门户网站!", "浦江县人民政府", "首页", "政务公开", "政府信息公开年报", *links,
                   "政府信息公开指南", "依申请公开", "浦江县人民政府办公室2023年政府信息公开工作年度报告",
                   "发布日期:2023-01-28 来源:县府办 浏览次数:987")
    assert find_agency_name(lines) == "浦江县人民政府办公室"
    assert find_year(lines)[0] == 2023


def test_the_compiler_named_with_the_short_name_it_defines_is_the_agency():
    """本报告由宁波市鄞州区市场监督管理局（以下简称“我局”）根据…编制 under a title naming no agency: refused."""
    lines = _lines("2023年政府信息公开工作年度报告",
                   "本报告由宁波市鄞州区市场监督管理局（以下简称“我局”）根据《条例》规定编制。")
    assert find_agency_name(lines) == "宁波市鄞州区市场监督管理局"


@pytest.mark.parametrize("title", ["第八师石河子市", "新疆生产建设兵团第八师石河子市"])
def test_a_corps_division_and_its_city_is_one_body_with_no_people_s_government(title):
    """第八师石河子市2023年…报告 was published as 第八师石河子市人民政府, a body that does not exist."""
    assert find_agency_name(_lines(f"{title}2023年政府信息公开工作年度报告")) == title


@pytest.mark.parametrize("title, name", [("转发：五华区教育体育局2023年政府信息公开工作年度报告", "五华区教育体育局"),
                                         ("Fw: 彭阳县人民政府2023年政府信息公开工作年度报告", "彭阳县人民政府"),
                                         ("转龙镇人民政府2023年政府信息公开工作年度报告", "转龙镇人民政府")])
def test_a_forwarded_mail_s_subject_names_the_report_s_agency(title, name):
    """转发：… (a forwarded e-mail's subject) is no part of the name; the 转 of a town's name is."""
    assert find_title([title]) == (name, 2023)


def test_a_red_head_notice_s_date_and_note_before_the_report_s_title_are_no_name():
    """遵府办发〔2024〕2号 publishing the report: its date, then （此件公开发布）, then the report's title with
    a year in Chinese numerals; the agency came out as 年一月十九日（此件公开发布）遵义市人民政府."""
    from builder.extraction.extract import extract_bytes

    lines = ["遵义市人民政府办公室文件", "遵府办发〔2024〕2号", "遵义市人民政府办公室",
             "关于公布遵义市人民政府二〇二三年政府信息公开", "工作年度报告的通知",
             "各县、自治县、区（市）人民政府，新区管委会，市人民政府各工作部门：",
             "经市人民政府同意，现将《遵义市人民政府二〇二三年政府信息公开工作年度报告》予以公布。",
             "遵义市人民政府办公室", "二〇二四年一月十九日", "（此件公开发布）",
             "遵义市人民政府二〇二三年政府信息公开工作年度报告",
             "本报告依据《中华人民共和国政府信息公开条例》要求，由遵义市人民政府办公室编制。"
             "本报告所列数据统计期限自2023年1月1日起至2023年12月31日止。",
             "一、总体情况", "2023年，市人民政府坚持以公开促落实。全年共收到政府信息公开申请426件。",
             "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况"]
    assert extract_bytes("\n".join(lines).encode(), "遵府办发〔2024〕2号.txt").agency.name == "遵义市人民政府"


def test_a_title_below_a_page_s_worth_of_script_and_separator_lines_is_found():
    """A crawl kept the page's minified script and separator lines before the article, with a list of other
    reports' titles: the report's own title, a few lines above its first section, was past the top the
    title is looked for in, and the report was lost (no agency name)."""
    values = synthetic.consistent_values(random.Random(4), "gov-2021")
    report = synthetic.render("厦门市思明区鹭江街道办事处", 2023, "gov-2021", values, "tab")
    junk = ["if(a&&b.c(d)){e=(f||g)?h:i}p.push(\"x\");" * 40] * 80 + ["=" * 2000] * 80
    listed = ["· 厦门市思明区人民政府2023年政府信息公开工作年度报告 2024-01-30",
              "· 厦门市思明区厦港街道办事处2022年政府信息公开工作年度报告 2023-01-30"]
    read = extract_bytes("\n".join([*junk, *listed, report]).encode(), "page.txt")
    assert (read.agency.name, read.year) == ("厦门市思明区鹭江街道办事处", 2023)


def test_a_title_below_a_long_menu_with_a_guide_entry_is_read_whole():
    """A column's menu, a line an entry (…政府信息公开指南, 政府信息公开制度, …), then the title as the eleventh
    line: the guide's entry was taken for another document's title above, the title looked for only as one
    wrapped over lines, and two menu entries were glued to the agency's name."""
    menu = ["首页", "政务公开", "环境质量", "办事服务", "互动交流", "政府信息公开", "政府信息公开指南", "政府信息公开制度",
            "法定主动公开内容", "政府信息公开年报", "依申请公开"]
    title = "合肥市生态环境局2023年度政府信息公开工作情况报告"
    lines = [*menu, title, "本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。", "一、总体情况"]
    assert find_agency_name(lines) == "合肥市生态环境局"


def test_a_title_joining_another_document_s_name_with_ji_is_the_report_s():
    """宁波市鄞州区财政局2020年度政务公开工作总结 / 暨政府信息公开工作年度报告: a summary and the report in one
    title over two lines; the report's words came too far after the year, and no agency was found."""
    lines = _lines("宁波市鄞州区财政局2020年度政务公开工作总结", "暨政府信息公开工作年度报告")
    assert find_title(lines) == ("宁波市鄞州区财政局", 2020)


def test_a_sidebar_of_other_reports_above_the_heading_is_not_the_title():
    """A 相关链接 box before the article listed other bodies' and years' reports without dates (四平市人民政府2022年…
    first): its first entry was read as the title, and the report put under 四平市. The page's <title> names the
    article; a heading repeating it below other reports' titles is the report's."""
    links = "".join(f"<li><a href='#'>{t}</a></li>" for t in (
        "四平市人民政府2022年政府信息公开工作年度报告", "长春市人民政府2022年政府信息公开工作年度报告",
        "公主岭市人民政府2021年政府信息公开工作年度报告"))
    page = ("<html><head><title>公主岭市人民政府2022年政府信息公开工作年度报告_公主岭市人民政府</title></head><body>"
            f"<div class='side'><h4>相关链接</h4><ul>{links}</ul></div>"
            "<h1>公主岭市人民政府2022年政府信息公开工作年度报告</h1>"
            "<p>本报告由公主岭市人民政府办公室编制。本报告所列数据统计期限自2022年1月1日起至2022年12月31日止。</p>"
            "<p>一、总体情况</p><p>2022年，全市主动公开政府信息4952条。全年共收到政府信息公开申请38件。</p>"
            "<p>五、存在的主要问题及改进情况</p><p>无。</p></body></html>")
    report = extract_bytes(page.encode(), "t20230130_2871234.html")
    assert (report.agency.name, report.year, report.agency.adcode) == ("公主岭市人民政府", 2022, "220184")


def test_a_title_whose_last_character_a_narrow_print_put_on_its_own_line_is_the_title():
    """A CMS page printed by a browser: below the site's menu the title's last character stands alone on the next
    line (…工作年度报 / 告), and the agency was read from the 来源 line and the signature (the office, not the
    government the title names)."""
    lines = ["欢迎访问赣州市章贡区人民政府！无障碍 | 长者模式 | 繁體 | 登录", "赣州市章贡区人民政府", "请输入关键词 搜索", "首页",
             "政务动态", "信息公开", "政务服务", "互动交流", "当前位置：首页 > 信息公开 > 政府信息公开年度报告",
             "赣州市章贡区人民政府2024年政府信息公开工作年度报", "告",
             "发布时间：2025-01-24 11:08 来源：章贡区人民政府办公室 浏览次数：1",
             "本报告所列数据统计期限自2024年1月1日起至2024年12月31日止。", "一、总体情况"]
    assert find_title(lines) == ("赣州市章贡区人民政府", 2024)


@pytest.mark.parametrize("line, name", [
    ("发布机构:浏阳经济技术开发区管理委员会发布日期:2026-01-22来源:浏阳经开区党政综合办公室字号:大 中 小",
     "浏阳经济技术开发区管理委员会"),
    ("发布机构：县市场监管局　成文日期：2025-01-16", "县市场监管局"),
    ("信息来源：湘潭县自然资源局", "湘潭县自然资源局"),
])
def test_a_page_label_s_publisher_ends_where_the_next_label_begins(line, name):
    """Blind round 68 (development zones): 发布机构:…管理委员会发布日期:2026-01-22 (labels run together) read the name on
    into 发布日期, which names no institution: a report naming its body only there was refused."""
    from builder.extraction.metadata import publisher_from_labels

    assert publisher_from_labels([line]) == name


@pytest.mark.parametrize("former", ["（原彭阳县安全生产监督管理局）", "(原彭阳县安监局)"])
def test_a_body_s_former_name_after_its_own_in_the_title_is_no_part_of_it(former):
    """Blind round 72 (renamed bodies): 长兴县应急管理局（原长兴县安全生产监督管理局）2019年…报告 gave the agency its former
    name too, and the agency's series split at the renaming."""
    lines = _lines(f"彭阳县应急管理局{former}2023年政府信息公开工作年度报告")
    assert find_agency_name(lines) == "彭阳县应急管理局"


@pytest.mark.parametrize("header", ["单位：固原市生态环境局,,,,,,,,,年度：2023", "填报单位：固原市生态环境局\t报告年度：2023年",
                                    "单位名称：固原市生态环境局 统计年度：2023"])
def test_a_statistics_form_s_header_fields_give_the_agency_and_the_year(header):
    """Blind round 75 (spreadsheet exports): the three tables exported as CSV under a header line of fields (单位：… 年度：
    2024), no title and no prose: the report was lost for want of a year, then of an agency."""
    values = synthetic.consistent_values(random.Random(4), "gov-2021")
    text = synthetic.render("固原市生态环境局", 2023, "gov-2021", values, "tab")
    tables = text[text.index("二、主动公开政府信息情况"):text.index("五、")]
    report = extract_bytes(f"{header}\n单位：件\n{tables}".encode(), "统计数据.csv")
    assert (report.agency.name, report.year, report.agency.adcode) == ("固原市生态环境局", 2023, "640400")
    assert report.cells["t3.total.total"].value == values["t3.total.total"]


def test_a_notice_s_title_about_the_reports_gives_its_issuer_s_name_not_its_subject():
    """Blind round 75 (gazettes): an issue opening with 长葛市人民政府办公室关于做好2022年度政府信息公开工作年度报告编制和
    发布工作的通知, its own report after it: the agency was read as 长葛市人民政府办公室关于做好 (关于 begins a subject,
    never a name)."""
    lines = _lines("彭阳县人民政府办公室关于做好2022年度政府信息公开工作年度报告编制和发布工作的通知", "彭阳县人民政府办公室")
    assert find_agency_name(lines) == "彭阳县人民政府办公室"


@pytest.mark.parametrize("placeholder", ["××单位（机关）", "XX单位", "××机关"])
def test_a_template_s_placeholder_name_is_no_agency(placeholder):
    """A notice's attached format (彭阳县××单位（机关）2022年政府信息公开工作年度报告（格式）): its title named 单位（机关）,
    a placeholder's words after the placeholder marks, as the agency."""
    assert find_agency_name(_lines(f"彭阳县{placeholder}2022年政府信息公开工作年度报告（格式）")) is None


def test_a_wechat_byline_s_ip_place_is_no_prefix_of_the_name_below_it():
    """Blind round 76 (web clippers): a WeChat article's byline ends with the author's IP place (顺德市场监管 2024年1月26日
    17:30 广东), the title on the next line: 广东 was taken for the name's prefix (广东顺德区市场监督管理局)."""
    title = "顺德区市场监督管理局2023年政府信息公开工作年度报告"
    lines = _lines(title, "顺德市场监管 顺德市场监管 2024年1月26日 17:30 广东", title,
                   opening="2023年，顺德区市场监督管理局认真贯彻落实政务公开工作要求。")
    assert find_agency_name(lines) == "顺德区市场监督管理局"


def test_an_assistant_s_lead_in_before_the_title_is_no_part_of_the_name():
    """Blind round 78 (assistants' Markdown): 以下是洛阳市生态环境局2023年政府信息公开工作年度报告全文： gave the agency
    以下是洛阳市生态环境局."""
    lines = _lines("以下是彭阳县教育局2023年政府信息公开工作年度报告全文：", "彭阳县教育局2023年政府信息公开工作年度报告")
    assert find_agency_name(lines) == "彭阳县教育局"


@pytest.mark.parametrize("bar", [
    "飞书云文档宁陵县市场监管局2023年政府信息公开工作年度报告（送审稿）所有者：办公室 | 最近修改 2024-01-18",
    "腾讯文档2023年政府信息公开年报-县局（汇总）最近",
    "钉钉文档局办公室 / 宁陵县市场监管局2023年政府信息公开工作年度报告王芳 编辑于 2024-01-18"])
def test_an_online_editor_s_bar_above_the_title_is_no_title(bar):
    """A report saved from an online editor (飞书, 腾讯文档, 钉钉文档) keeps the editor's bar above it: its brand,
    the file's name and path, its owner and last edit, on one line with a year and 报告 in it. Read first, the brand
    was the agency (腾讯文档, 飞书云文档宁陵县市场监管局); the title alone on the line below is the report's."""
    assert read_title(_lines(bar, "宁陵县市场监督管理局2023年政府信息公开工作年度报告")).name == "宁陵县市场监督管理局"


@pytest.mark.parametrize("trail", ["首页 / 政务公开 / 部门 / 县教育局", "首页 - 信息公开 - 政府信息公开年报",
                                   "网站首页／政务公开／年报"])
def test_a_breadcrumb_trail_parted_by_slashes_or_dashes_is_no_part_of_a_wrapped_title(trail):
    """Blind round 98 (phone pages printed to PDF): the trail 首页 / 政务公开 / 部门 / 市自然资源局 above a title the
    narrow page wraps (醴陵市自然资源局2022年政府信息公开工 / 作年度报告) was joined with it: the agency read
    市自然资源局醴陵市自然资源局. A trail is no part of a title, whatever marks part its steps."""
    lines = _lines("彭阳县人民政府", "移动版", trail, "彭阳县教育局2023年政府信息公开工", "作年度报告")
    assert read_title(lines).name == "彭阳县教育局"


@pytest.mark.parametrize("head, name", [
    # a mass organisation's short name spelled out by its opening and signature
    (["恭城县残联2021年政府信息公开工作年度报告", "全年收到申请3件。", "恭城瑶族自治县残疾人联合会", "2022年1月20日"],
     "恭城瑶族自治县残疾人联合会"),
    # a page title beginning with its publication date
    (["2025年01月17日漯河市生态环境局2024年度政府信息公开工作年度报告"], "漯河市生态环境局"),
    # a title naming the year as 上一年度
    (["敦化市人民政府上一年度政府信息公开工作年度报告", "本报告所列数据统计期限自2021年1月1日至2021年12月31日止。"],
     "敦化市人民政府"),
])
def test_names_of_mass_organisations_after_a_date_or_before_上一年度_are_read(head, name):
    """Blind round 103: 恭城县残联 (联合会 no institution's word, the full name its signature gives not taken),
    日漯河市生态环境局 (the date's 日 kept), 敦化市人民政府上一年度 (a year in words kept)."""
    assert find_agency_name(_lines(*head)) == name


@pytest.mark.parametrize(("lead", "badge"), [("腾讯文档", "仅查看"), ("飞书云文档", "仅可阅读"), ("石墨文档", "")])
def test_an_editor_s_name_before_a_share_page_s_title_is_no_part_of_the_name(lead, badge):
    """Blind round 106 (reports in online collaborative editors): a share page's top line joins the editor's name, the
    document's title and its 仅查看 badge; the title again below it names the agency: 腾讯文档肥西县人民政府 was read. A
    title whose words before the other's are its city (成都市郫都区教育局 over 郫都区教育局) keeps them."""
    title = "肥西县人民政府2023年政府信息公开工作年度报告"
    assert find_agency_name(_lines(f"{lead}{title}{badge}", "撤销重做格式刷", title)) == "肥西县人民政府"
    city = "成都市郫都区教育局2023年政府信息公开工作年度报告"
    assert find_agency_name(_lines(city, "郫都区教育局2023年政府信息公开工作年度报告")) == "成都市郫都区教育局"


@pytest.mark.parametrize("delimiter", ["\t", ","])
def test_an_export_s_header_block_names_the_agency_and_the_year(delimiter):
    """Blind round 132 (a filing system's export with no report text): 填报单位 ⇥ 乳源瑶族自治县人民政府, 报告年度 ⇥ 2025,
    适用格式 ⇥ 政府信息公开工作年度报告统计表（2021版） above the data: the year was not found (the report lost), or the
    field's name 适用格式 was read as the agency of a title."""
    v = synthetic.consistent_values(random.Random(3), "gov-2021")
    data = [line for line in synthetic.render("乳源瑶族自治县人民政府", 2025, "gov-2021", v, "tab").split("\n")
            if "\t" in line]
    head = [delimiter.join(pair) for pair in (("填报单位", "乳源瑶族自治县人民政府"), ("报告年度", "2025"),
                                              ("适用格式", "政府信息公开工作年度报告统计表（2021版）"))]
    report = extract_bytes("\n".join([*head, "", "二、主动公开政府信息情况", *data[:12], "三、收到和处理政府信息公开申请情况",
                                      *data[12:]]).encode(), "export.txt")
    assert (report.agency.name, report.year, report.agency.adcode) == ("乳源瑶族自治县人民政府", 2025, "440232")


@pytest.mark.parametrize("line, agency", [
    # a forwarded mail's note above the report (blind round 139): a sentence going on after the report's name
    ("附件为区政府2023年政府信息公开工作年度报告发布稿正文，供各部门编制本部门年报时参考。", None),
    # a spreadsheet saved as CSV: the title's row padded with empty fields is a title
    ("杭州市西湖区人民政府2023年政府信息公开工作年度报告,,,", "杭州市西湖区人民政府"),
    ("杭州市西湖区人民政府2023年政府信息公开工作年度报告。", "杭州市西湖区人民政府"),
])
def test_a_line_naming_the_report_is_a_title_unless_a_sentence_goes_on_after_it(line, agency):
    assert read_title(_lines(line)).name == agency


@pytest.mark.parametrize("title, opening, agency", [
    ("天水市麦积区2022年政府信息公开工作年度报告", "2022年，麦积区人民政府认真贯彻落实要求。", "天水市麦积区人民政府"),
    ("固原市彭阳县2022年政府信息公开工作年度报告", "2022年，彭阳县人民政府认真贯彻落实要求。", "固原市彭阳县人民政府"),
    ("彭阳县2022年政府信息公开工作年度报告", "2022年，彭阳县教育局认真贯彻落实要求。", "彭阳县教育局"),
])
def test_a_title_s_place_above_the_opening_s_body_is_its_name_s(title, opening, agency):
    """Blind round 147: a report titled by its place with the city above it (天水市麦积区2022年…) whose text says
    麦积区人民政府 was the district government without its city; a department the opening names stays itself."""
    assert find_agency_name(body_lines("\n".join([title, PERIOD.replace("2023", "2022"), "一、总体情况", opening]))) == agency


def test_a_government_its_prose_calls_x_县政府_is_named_as_it_signs():
    """Blind round 186 (h630: titles off the standard wording): 临朐县政府信息公开年报（2023年）, its prose saying 临朐县政府
    坚持…, its signature 临朐县人民政府: the agency was 临朐县政府, the prose's short form. The report names itself in
    full, and that is its name."""
    text = ["临朐县政府信息公开年报（2023年）", PERIOD, "一、总体情况", "2023年，临朐县政府坚持以人民为中心，深化政务公开。",
            "六、其他需要报告的事项", "本年度未收取信息处理费。", "临朐县人民政府", "2024年1月30日"]
    assert find_agency_name(body_lines("\n".join(text))) == "临朐县人民政府"


def test_a_second_body_joined_to_the_compiler_is_no_part_of_its_name():
    """Blind round 233 (offices sharing their staff): 临澧县人民政府办公室会同临澧县政务服务管理局编制本年度报告 gave the
    name 临澧县人民政府办公室会同临澧县政务服务管理局. 会同 joins a second body: the compiler is the first. (会同县 is a
    county, and a 联合会 a body: no words joining two.)"""
    assert find_agency_name(_lines("2023年政府信息公开工作年度报告",
                                   "本报告由临澧县教育局会同临澧县政务服务管理局编制。")) == "临澧县教育局"
    assert find_agency_name(_lines("2023年政府信息公开工作年度报告", "本报告由会同县教育局编制。")) == "会同县教育局"
    assert find_agency_name(_lines("2023年政府信息公开工作年度报告", "本报告由临澧县残疾人联合会编制。")) == "临澧县残疾人联合会"


@pytest.mark.parametrize("agency, adcode, slug", [
    ("成都市12345政务服务便民热线管理办公室", "510100", "chengdu-shi-12345-zhengwu-fuwu-bianmin-rexian-guanli-bangongshi"),
    ("南宁市公安局110指挥中心", "450100", "nanning-shi-gonganju-110-zhihui-zhongxin"),
    ("德清县5G产业发展办公室", "330521", "deqing-xian-5g-chanye-fazhan-bangongshi"),
    ("长沙市芙蓉区CBD管理委员会", "430102", "furong-qu-cbd-guanli-weiyuanhui"),
    ("国家税务总局苍南县税务局第2税务所", "330327", "cangnan-xian-shuiwuju-di-2-shuiwusuo"),
    ("东莞市12345热线办公室", "441900", "dongguan-shi-12345-rexian-bangongshi"),
])
def test_figures_and_latin_letters_inside_a_name_are_the_name_s(agency, adcode, slug):
    """Blind round h1296: a name with figures or Latin letters inside it was cut at them, silently (成都市12345政务服务…
    read 政务服务便民热线管理办公室, 南宁市公安局110指挥中心 指挥中心) or to a kind alone and the report refused (长沙市芙蓉区
    CBD管理委员会: 管理委员会). They are the name's after a place's or body's name or 第 with more of it after them; a
    year still ends the name, and a list's number, a date or a document's number before it begins none."""
    opening = f"2023年，{agency}认真贯彻落实政务公开工作要求。"
    for title in (f"{agency}2023年政府信息公开工作年度报告", f"{agency}2023年度政府信息公开工作年度报告",
                  f"{agency}二〇二三年度政府信息公开工作年度报告", f"1. {agency}2023年政府信息公开工作年度报告",
                  f"2、{agency}2023年政府信息公开工作年度报告", f"2024年1月20日{agency}2023年政府信息公开工作年度报告",
                  f"国办公开办函〔2024〕3号{agency}2023年政府信息公开工作年度报告"):
        lines = _lines(title, opening=opening)
        assert find_title(lines) == (agency, 2023), title
        assert find_agency_name(lines) == agency
    described = describe_agency(agency, _lines(f"{agency}2023年政府信息公开工作年度报告", opening=opening))
    assert described.agency_id == f"{adcode}-{slug}"
    # the opening or a byline names the body where the title names none
    assert find_agency_name(_lines("2023年政府信息公开工作年度报告", opening=opening)) == agency
    assert find_agency_name(_lines("2023年政府信息公开工作年度报告", agency)) == agency
    # full-width figures, as reading makes them ASCII
    assert find_agency_name(_lines("东莞市１２３４５热线办公室2023年政府信息公开工作年度报告")) == "东莞市12345热线办公室"


def test_a_year_or_a_page_s_number_after_a_name_is_no_part_of_it():
    """…第二税务分局2023年…: the year ends the name as before; 第1页 and 附件1 before a name are not its start."""
    assert find_title(_lines("国家税务总局苍南县税务局第二税务分局2023年政府信息公开工作年度报告")) == (
        "国家税务总局苍南县税务局第二税务分局", 2023)
    assert find_title(_lines("附件1南宁市公安局2023年政府信息公开工作年度报告")) == ("南宁市公安局", 2023)
    assert clean_name("南宁市公安局110") == "南宁市公安局"
    assert clean_name("2025年01月17日漯河市人民政府") == "漯河市人民政府"
