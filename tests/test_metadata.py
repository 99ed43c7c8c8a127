"""Agency names, years, regions and ids from the ways reports print them."""

from __future__ import annotations

import random

import pytest

from builder import errors, forms
from builder.extraction.metadata import (
    describe_agency,
    find_agency_name,
    find_year,
    mistyped_name,
    read_title,
    slugify,
    strip_page_labels,
)
from builder.reading.document import body_lines, body_of

from .official_form import AGENCY, YEAR, assert_every_cell, blocks, html_body, values


@pytest.mark.parametrize("text", [
    "彭阳县卫生健康局2022年政府信息公开工作年度报告",
    "彭阳县卫生健康局 2022 年度政府信息公开工作年度报告",
    "彭阳县卫生健康局2022年度政府信息公开工作报告",
    "彭阳县卫生健康局2022年政务公开工作年度报告",
    "关于彭阳县卫生健康局2022年政府信息公开工作年度报告",
    "2022年彭阳县卫生健康局政府信息公开工作年度报告",
    "2022年度彭阳县卫生健康局政府信息公开工作年度报告",
    "彭阳县卫生健康局\n2022 年政府信息公开工作年度报告",
    "首页 > 政府信息公开 > 年度报告\n彭阳县卫生健康局2022年政府信息公开工作年度报告\n发布时间：2023-01-20",
])
def test_title_variants(text):
    lines = body_lines(text + "\n一、总体情况\n2022年，本局认真落实条例。")
    assert find_agency_name(lines) == "彭阳县卫生健康局"
    assert find_year(lines) == (2022, "title")


def test_year_from_the_report_mention_and_the_period():
    lines = ["根据《条例》规定，现发布《彭阳县2022年政府信息公开工作年度报告》。本报告统计数据从2022年1月1日至12月31日。",
             "2022年,彭阳县人民政府紧紧围绕要点开展工作。"]
    assert find_year(lines) == (2022, "《…年度报告》")
    assert find_agency_name(lines) == "彭阳县人民政府"
    assert find_year(["本报告所列数据统计期限自2021年1月1日起至2021年12月31日止。"]) == (2021, "统计期限")


def test_one_agency_however_its_name_is_printed():
    short, full = describe_agency("洪泽区人民政府"), describe_agency("淮安市洪泽区人民政府")
    assert short.agency_id == full.agency_id == "320813-hongze-qu-renmin-zhengfu"
    assert (full.province, full.city, full.county, full.adcode) == ("江苏省", "淮安市", "洪泽区", "320813")
    assert describe_agency("定西市政府").name_normalized == "定西市人民政府"


def test_slugs_are_readable_ascii_words():
    assert slugify("彭阳县人民政府", ("彭阳县", "固原市", "宁夏回族自治区")) == "pengyang-xian-renmin-zhengfu"
    assert slugify("住房和城乡建设局") == "zhufang-he-chengxiang-jiansheju"
    assert describe_agency("隆德县人民政府办公室").agency_id == "640423-longde-xian-renmin-zhengfu-bangongshi"


def test_an_agency_without_a_place_name_keeps_an_id():
    agency = describe_agency("国家税务总局")
    assert agency.adcode is None and agency.agency_id.startswith("000000-")


@pytest.mark.parametrize("name, adcode", [("厦门海关", "350200"), ("国家统计局绍兴调查队", "330600"),
                                          ("国家金融监督管理总局泉州监管分局", "350500"), ("财政部宁波监管局", "330200"),
                                          ("中国证券监督管理委员会湖北监管局", "420000"),
                                          ("国家税务总局合肥经济技术开发区税务局", "340100"),
                                          ("东莞松山湖高新技术产业开发区管理委员会", "441900"),
                                          ("苏州工业园区综合保税区管理办公室", "320500"), ("南京住房公积金管理中心", "320100"),
                                          # (blind round 221: a province's survey corps, a province's banking regulator)
                                          ("国家统计局湖南调查总队", "430000"), ("湖南银保监局", "430000")])
def test_a_local_office_named_by_its_place_s_short_name_is_placed_there(name, adcode):
    """A vertically managed body's office is named 厦门海关, not 厦门市海关 (and a ministry's 财政部宁波监管局,
    a province's 湖北监管局, a national zone's 合肥经济技术开发区): the short name is the place's."""
    lines = [f"{name}2022年政府信息公开工作年度报告", f"2022年，{name}围绕中心工作，做好政务公开工作。"]
    assert describe_agency(name, lines).adcode == adcode


@pytest.mark.parametrize("name", ["拱北海关", "安庆矿区办事处"])
def test_a_short_place_name_inside_an_offices_name_is_no_region(name):
    """拱北 is no city (北海 inside it is not at its start); 安庆矿区 lies in 铜陵, not 安庆."""
    lines = [f"{name}2022年政府信息公开工作年度报告", "2022年，本单位在北海市、安庆市开展工作。"]
    assert describe_agency(name, lines).adcode is None


CRAWLED_PAGE = """首页 > 政务公开 > 政府信息公开年报
标题：{title}
索引号：11350128MB1234567X/2017-00012  发布机构：{name}办公室
发文字号：  发布时间：2017-03-20  来源：党政办  浏览次数：1234
字号：[ 大 中 小 ]  分享到：
{title}
一、总体情况
{body}"""


@pytest.mark.parametrize("label", ["标题：", "标题:", "标 题：", "| 标题： "])
def test_page_labels_never_reach_the_agency_or_its_id(label):
    page = CRAWLED_PAGE.format(title="平潭综合实验区管理委员会2016年政府信息公开工作年度报告",
                               name="平潭综合实验区", body="2016年，实验区管委会认真贯彻落实《条例》。")
    lines = body_lines(page.replace("标题：", label, 1).split("\n", 2)[0] + "\n" + page.split("\n", 2)[1].replace(
        "标题：", label) + "\n" + page.split("\n", 2)[2])
    assert find_agency_name(lines) == "平潭综合实验区管理委员会"
    assert find_year(lines) == (2016, "title")
    agency = describe_agency(find_agency_name(lines), lines)
    assert agency.agency_id == "350128-pingtan-zonghe-shiyanqu-guanli-weiyuanhui"
    assert (agency.county, agency.adcode, agency.region_source) == ("平潭县", "350128", "zones")


def test_an_open_data_export_s_title_is_its_data_name():
    """数据名称,<title> as a portal's CSV export begins: the title went unread and the file was refused."""
    lines = body_lines("数据名称,上海市徐汇区人民政府2022年政府信息公开工作年度报告数据\n数据提供方,上海市徐汇区人民政府办公室\n"
                       "更新日期,2023-01-31\n表二：主动公开政府信息情况")
    assert find_year(lines)[0] == 2022
    assert find_agency_name(lines) == "上海市徐汇区人民政府"


def test_labels_after_the_title_on_its_line_are_cut():
    lines = body_lines("彭阳县教育局2019年政府信息公开工作年度报告 发布时间：2020-01-15 来源：县教育局\n"
                       "一、总体情况\n2019年，彭阳县教育局认真落实条例。")
    assert strip_page_labels(lines)[0] == "彭阳县教育局2019年政府信息公开工作年度报告"
    assert find_agency_name(lines) == "彭阳县教育局"


@pytest.mark.parametrize("label", ["分 类:", "分类：", "信息分类：", "所属分类:"])
def test_a_page_category_is_a_label_not_part_of_a_title_printed_on_two_lines(label):
    """A government site's article table (索 引 号, 分 类, 发布机构 …) below its menu, above a title printed as the
    agency on one line and the year and words on the next: the category's value was read as the
    first line of the title (政府信息公开年报恩施州民族宗教事务委员会)."""
    title = "恩施州民族宗教事务委员会2021年政府信息公开工作年度报告"
    page = ["今天是:", "首页州情概况政府信息公开政务服务互动交流专题专栏", "索 引 号:011230025/2022-00003",
            f"{label}政府信息公开年报", "发布机构:恩施州民族宗教事务委员会", "发文日期:2022-01-20", "文 号:",
            "有 效 性:有效", f"标 题:{title}", title, "恩施州民族宗教事务委员会", "2021年政府信息公开工作年度报告",
            "一、总体情况", "2021年,州民宗委认真贯彻落实《条例》。"]
    lines = body_lines("\n".join(page))
    assert find_agency_name(lines) == "恩施州民族宗教事务委员会"


@pytest.mark.parametrize("label", ["信息索引号:", "信息索引号：", "索取号：", "索 取 号:"])
def test_a_label_prefixed_with_its_kind_leaves_nothing_for_a_title_printed_on_two_lines(label):
    """信息索引号 (the index number with 信息 before it) above a title printed as the agency on one line and the
    year and words on the next: the prefix was left as a line of its own and read as the title's first word
    (信息霍山县人民政府办公室)."""
    page = ["霍山县人民政府", "信息公开", f"{label}\t11341525003205917F/202601-00031\t信息分类:\t政府信息公开年报",
            "发布机构:\t霍山县人民政府办公室\t生成日期:\t2026-01-20", "霍山县人民政府办公室",
            "2025年政府信息公开工作年度报告", "一、总体情况", "2025年,霍山县人民政府办公室认真贯彻落实《条例》。"]
    lines = body_lines("\n".join(page))
    assert find_agency_name(lines) == "霍山县人民政府办公室"


def test_a_site_s_name_and_menu_joined_above_a_title_naming_no_body_are_no_name_though_a_place_begins_them():
    """Blind round 66 (prose numbers): 成都市郫都区人民政府门户网站 / 首页  政务公开 … 长者模式 / 2023年度…年度报告, then the
    whole title (成都市郫都区教育局2023年度…): the three lines joined were taken for the name, as a place begins it."""
    page = ["成都市郫都区人民政府门户网站", "首页  政务公开  政务服务  互动交流  走进郫都  无障碍  长者模式",
            "2023年度政府信息公开工作年度报告", "成都市郫都区教育局2023年度政府信息公开工作年度报告",
            "一、总体情况", "2023年,成都市郫都区教育局在区委、区政府的领导下,扎实做好政府信息公开工作。"]
    lines = body_lines("\n".join(page))
    assert (read_title(lines).name, find_agency_name(lines)) == ("成都市郫都区教育局", "成都市郫都区教育局")
    # a county's report titled with the county alone, over two lines, is still the county's
    assert read_title(body_lines("\n".join(["彭阳县", "2023年政府信息公开工作年度报告", "一、总体情况"]))).name == "彭阳县"


def test_a_menu_entry_above_a_title_printed_as_its_name_and_its_year_is_no_part_of_it():
    """A site's menu (… 互动交流 / 走进霍山) right above a title printed as the agency's whole name on one line and the
    year and words on the next: the three lines were joined (走进霍山霍山县人民政府办公室)."""
    page = ["霍山县人民政府", "要闻动态", "信息公开", "政务服务", "互动交流", "走进霍山", "霍山县人民政府办公室",
            "2025年政府信息公开工作年度报告", "一、总体情况", "2025年,本机关认真贯彻落实《条例》。"]
    assert find_agency_name(body_lines("\n".join(page))) == "霍山县人民政府办公室"
    # a name wrapped over two lines is still joined (宿州市埇桥区 / 人民政府办公室 / 2025年…)
    page[5:7] = ["宿州市埇桥区", "人民政府办公室"]
    assert find_agency_name(body_lines("\n".join(page))) == "宿州市埇桥区人民政府办公室"


@pytest.mark.parametrize("title, text, name", [
    ("小店区人民政府", "特向社会公布太原市小店区人民政府2014年度政府信息公开工作年度报告。", "太原市小店区人民政府"),
    ("思明区人民政府", "厦门市思明区人民政府2012年政府信息公开工作年度报告", "厦门市思明区人民政府"),
    ("金凤区教育局", "2021年，银川市金凤区教育局主动公开政府信息298条。", "银川市金凤区教育局"),
    ("洪泽区人民政府", "本报告由淮安市洪泽区人民政府办公室编制。", "洪泽区人民政府"),  # its office, another body
    ("南海区人民政府", "本报告电子版可在佛山市南海区人民政府网站下载。", "南海区人民政府"),  # its site
    # (its site named in quotes, blind round 215: h849_03)
    ("长沙县人民政府", "本报告电子版可在“长沙市长沙县人民政府”门户网站下载。", "长沙县人民政府"),
])
def test_a_name_the_report_also_prints_after_the_places_above_it_is_taken_so(title, text, name):
    """The page's title says 小店区人民政府, the report itself 太原市小店区人民政府: the report's name for
    itself, its region prefix included (as for 安庆矿区办事处 below); not a prefix taken from the name of
    its office or its site."""
    lines = [f"{title}2014年政府信息公开工作年度报告", text, "一、总体情况"]
    assert find_agency_name(lines) == name
    assert describe_agency(name).agency_id == describe_agency(title).agency_id


def test_the_parent_government_prefix_is_kept_when_the_report_prints_it():
    lines = ["安庆矿区办事处2018年政府信息公开工作年度报告",
             "2018年，铜陵市郊区安庆矿区办事处信息公开工作认真贯彻落实条例。"]
    assert find_agency_name(lines) == "铜陵市郊区安庆矿区办事处"
    agency = describe_agency("铜陵市郊区安庆矿区办事处")
    assert (agency.city, agency.county, agency.adcode) == ("铜陵市", "郊区", "340711")


@pytest.mark.parametrize("name, adcode", [
    ("彭阳县教育局", "640425"),            # a department: its government's county
    ("国家税务总局固原市税务局", "640400"),  # a national body's local office
    ("合肥高新区管委会", "340100"),          # a city's short name before a zone word
    ("宁夏固原市彭阳县人民政府", "640425"),  # a province's short name
    ("湖南长沙县人民政府", "430121"),        # a province's short name before a county's
    ("吉林市人民政府", "220200"),            # a city named like its province
])
def test_regions_from_the_name(name, adcode):
    agency = describe_agency(name)
    assert (agency.adcode, agency.region_source) == (adcode, "name")


@pytest.mark.parametrize("name", ["安庆矿区办事处", "郊区人民政府", "鼓楼区人民政府", "城阳镇人民政府",
                                  "湖南路街道办事处", "江苏路街道办事处", "四川北路街道办事处", "湖南镇人民政府"])
def test_names_the_gazetteer_cannot_place_alone_get_no_invented_region(name):
    """安庆 is 安庆市 only as a name of its own; 郊区 and 鼓楼区 are several counties. A street,
    town or county named after a province is not in it (青岛's 江苏路街道; 湖南镇 of 衢州)."""
    agency = describe_agency(name)
    assert agency.adcode is None and agency.region_source is None
    assert agency.agency_id.startswith("000000-")


def test_regions_from_the_text_the_report_names_as_its_own():
    township = describe_agency("城阳镇人民政府", [
        "城阳镇人民政府2020年政府信息公开工作年度报告",
        "2020年，在彭阳县委、县政府的正确领导下，城阳镇认真落实条例。",
        "城阳镇坚持以公开促落实，全年在彭阳县人民政府网站公开信息120条。"])
    assert (township.county, township.adcode, township.region_source) == ("彭阳县", "640425", "text")
    district = describe_agency("郊区人民政府", ["2020年，铜陵市郊区人民政府认真落实条例。"])
    assert (district.city, district.county, district.adcode) == ("铜陵市", "郊区", "340711")


def test_a_text_region_is_a_place_the_name_can_stand_for():
    """县 alone (县委、县政府) is a word, not the gazetteer's entry for 重庆's counties; a county the
    text keeps naming where no 鼓楼区 lies is not 鼓楼区's region."""
    town = describe_agency("城关镇人民政府", ["在县委、县政府的正确领导下，县政府办公室加强指导。"] * 2)
    assert town.adcode is None
    district = describe_agency("鼓楼区人民政府", ["本区对口帮扶沙县工作。", "推广沙县小吃。"])
    assert district.adcode is None
    fuzhou = describe_agency("鼓楼区人民政府", ["福州市鼓楼区认真落实条例。", "福州市委、福州市政府高度重视。"])
    assert (fuzhou.city, fuzhou.county, fuzhou.adcode) == ("福州市", "鼓楼区", "350102")  # the one 鼓楼区 in 福州市


def test_a_street_office_named_as_its_district_government_s_is_one_agency_with_its_short_name():
    full = describe_agency("莱州市人民政府文昌路街道办事处")
    assert (full.adcode, full.agency_id) == ("370683", describe_agency("莱州市文昌路街道办事处").agency_id)
    assert full.name == "莱州市人民政府文昌路街道办事处"


def test_a_normal_university_is_no_corps_division():
    assert describe_agency("湖南第一师范学院").adcode != "659002"


def test_a_text_naming_several_places_equally_decides_nothing():
    agency = describe_agency("城阳镇人民政府", ["学习彭阳县、隆德县的经验。", "赴彭阳县、隆德县考察。"])
    assert agency.adcode is None


@pytest.mark.parametrize("name, adcode", [
    ("福建省平潭综合实验区管理委员会", "350128"), ("重庆两江新区管理委员会", "500000"),
    ("河北雄安新区管理委员会", "130600"), ("兰州新区管委会", "620100"),
    ("济源示范区自然资源和规划局", "419001"),  # 济源产城融合示范区: 济源市, a county-level city under the province
    ("第六师一〇三团", "659004"),  # a 兵团 regiment: its division is one body with 五家渠市 (师市合一)
    ("新疆生产建设兵团第十四师昆玉市", "659009"),
])
def test_zone_table(name, adcode):
    agency = describe_agency(name)
    assert agency.adcode == adcode


def test_zone_table_rows_are_sourced_and_match_the_gazetteer():
    import csv
    from pathlib import Path

    from builder.extraction.metadata import region_names

    path = Path(__file__).parents[1] / "builder" / "extraction" / "zones.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert len({r["name"] for r in rows}) == len(rows)
    for row in rows:
        assert row["source"].strip(), row["name"]
        assert region_names(row["adcode"]) == (row["province"], row["city"] or None, row["county"] or None), row


def test_one_name_everywhere_keeps_the_prefix_a_shared_county_name_needs():
    """郊区 names four counties: the normalised name keeps 铜陵市, the id stays as published."""
    agency = describe_agency("铜陵市郊区安庆矿区办事处")
    assert agency.name_normalized == agency.name == "铜陵市郊区安庆矿区办事处"
    assert agency.agency_id == "340711-jiao-qu-anqing-kuangqu-banshichu"
    assert describe_agency("淮安市洪泽区人民政府").name_normalized == "洪泽区人民政府"


@pytest.mark.parametrize("short, full", [
    ("平潭综合实验区管委会", "平潭综合实验区管理委员会"), ("彭阳县政府办", "彭阳县人民政府办公室"),
    ("定西市政府", "定西市人民政府")])
def test_short_forms_are_one_agency(short, full):
    assert describe_agency(short).agency_id == describe_agency(full).agency_id


def test_a_site_name_above_the_title_is_not_part_of_it():
    lines = body_lines("平潭综合实验区管理委员会 门户网站\n当前位置：首页 > 政务公开\n"
                       "平潭综合实验区管理委员会2015年政府信息公开工作年度报告\n一、概述\n2015年，实验区认真落实条例。")
    assert find_agency_name(lines) == "平潭综合实验区管理委员会"


@pytest.mark.parametrize("title", ["彭阳县人民政府二〇一五年政府信息公开工作年度报告",
                                   "彭阳县人民政府二○一五年度政府信息公开工作年度报告"])
def test_years_in_chinese_numerals(title):
    lines = body_lines(title + "\n一、概述\n本年度，我县认真落实条例。")
    assert find_year(lines) == (2015, "title")
    assert find_agency_name(lines) == "彭阳县人民政府"


def test_a_report_that_never_names_itself_takes_the_publisher_label():
    from builder.extraction.extract import extract_bytes

    page = ("索引号：640425/2016-00003\n发布机构：彭阳县人民政府办公室\n发布时间：2016-03-20\n"
            "2015年政府信息公开工作年度报告\n一、概述\n2015年，我办认真贯彻落实《条例》。\n"
            "二、主动公开政府信息情况\n三、依申请公开政府信息情况\n四、政府信息公开的收费及减免情况\n"
            "五、存在的主要问题及改进措施\n")
    report = extract_bytes(page.encode(), "page.txt")
    assert (report.agency.name, report.year, report.agency.adcode) == ("彭阳县人民政府办公室", 2015, "640425")


_MASTHEADS = {
    "img": '<div class="logo"><img src="/logo.png" alt="{name}"></div>',
    "link title": '<div class="header"><a class="logo" href="/" title="{name}"><img src="/logo.png" alt=""></a></div>',
    "svg": '<div class="header"><a href="/"><svg role="img"><title>{name}</title><image href="/l.png"/></svg></a></div>',
    "hidden heading": '<div class="top-banner"><div class="logo"><h1 class="sr-only">{name}</h1></div></div>',
}


@pytest.mark.parametrize("masthead", _MASTHEADS)
@pytest.mark.parametrize(("name", "self_named", "read"), [
    ("绵阳市生态环境局", "本机关", "绵阳市生态环境局"), ("临安区人民政府办公室", "我办", "临安区人民政府办公室"),
    ("桐城市人民政府", "我局", None)])
def test_a_report_naming_no_agency_takes_its_page_s_masthead(masthead, name, self_named, read):
    """Blind round 261 (h1241): the report says 本机关 under a title naming no agency (2023年政府信息公开工作年度报告), and
    the page names its agency only in the masthead's logo (its alt text, its link's title, an SVG's <title>, a heading
    only screen readers read): all ten pages were refused. The masthead names it, unless it is a body of another kind
    than the report calls itself (我局 under a government's masthead)."""
    from builder.extraction.extract import extract_bytes

    v = values(seed=4)
    body = html_body(blocks(v)).replace(AGENCY, "")
    style = "<style>.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0,0,0,0)}</style>"
    page = (f"<html><head><title>{YEAR}年政府信息公开工作年度报告</title>{style}</head><body>"
            + _MASTHEADS[masthead].format(name=name) + '<div class="nav">首页 政务公开</div>'
            + f'<div class="article"><p>{self_named}按照条例要求编制本报告。</p>{body}</div></body></html>')
    if read is None:
        with pytest.raises(errors.MissingMetadata):
            extract_bytes(page.encode(), "page.html")
        return
    report = extract_bytes(page.encode(), "page.html")
    assert report.agency.name == read
    assert_every_cell(report, v)


def test_a_paragraph_starting_like_a_label_is_kept_below_the_head():
    paragraph = "公开方式：主要通过政府门户网站、政务新媒体、政务公开栏等渠道主动公开政府信息，方便群众查阅和监督。"
    lines = ["x"] * 50 + [paragraph, "浏览次数：123"]
    assert strip_page_labels(lines)[50:] == [paragraph]


def test_a_label_word_in_a_sentence_with_a_count_after_it_cuts_nothing():
    """Blind round 57 (pre-2019 prose): 不属于本机关公开范围1件 in a paragraph near the top was cut at 公开范围, a page label
    only where a colon follows it, and the rest of the paragraph (the year's carried forward and channels) was lost; a
    counter's number with no colon (浏览次数 87) still ends the title's line."""
    paragraph = "截至2011年12月31日，已答复24件，不属于本机关公开范围1件；尚有1件正在办理中，结转至2012年继续办理。"
    assert strip_page_labels(["江阴市环境保护局2011年政府信息公开工作年度报告", paragraph]) == [
        "江阴市环境保护局2011年政府信息公开工作年度报告", paragraph]
    assert strip_page_labels(["江阴市环境保护局2011年政府信息公开工作年度报告 浏览次数 87"]) == [
        "江阴市环境保护局2011年政府信息公开工作年度报告"]


@pytest.mark.parametrize(("name", "adcode"), [("市南区人民政府", "370202"), ("市北区教育和体育局", "370203"),
                                          ("市教育局", None), ("市中区人民政府", None)])
def test_a_district_whose_own_name_opens_with_a_level_word(name, adcode):
    """Blind round 58 (legal citations): 市南区人民政府 was read as a bare level's body (市…, like 市教育局) and left
    without a region; only 市中区 (several cities have one) had been told apart. A name the gazetteer knows in full
    is a place."""
    assert describe_agency(name, []).adcode == adcode


def test_a_national_body_takes_no_region_from_its_address():
    agency = describe_agency("国家林业和草原局", ["地址：北京市东城区和平里东街18号", "北京市东城区和平里东街18号"])
    assert agency.adcode is None


@pytest.mark.parametrize("title, body, name, adcode", [
    ("县教育局2023年政府信息公开工作年度报告", "2023年，西吉县教育局认真落实工作部署。", "西吉县教育局", "640422"),
    ("市生态环境局2021年政府信息公开工作年度报告", "本报告由固原市生态环境局编制。", "固原市生态环境局", "640400"),
    ("县人民政府办公室2020年政府信息公开工作年度报告", "隆德县人民政府办公室按要求编制本报告。", "隆德县人民政府办公室",
     "640423"),
])
def test_a_department_named_by_its_level_alone_takes_its_region_from_the_text(title, body, name, adcode):
    lines = [title, "", body]
    agency = describe_agency(find_agency_name(lines), lines)
    assert (agency.name, agency.adcode) == (name, adcode)


def test_a_bare_level_name_without_a_place_in_the_text_gets_no_invented_region():
    lines = ["县教育局2023年政府信息公开工作年度报告", "", "2023年，我局认真落实工作部署。"]
    agency = describe_agency(find_agency_name(lines), lines)
    assert (agency.name, agency.adcode) == ("县教育局", None)


def test_a_zone_prints_before_a_street_office_as_its_parent():
    lines = ["长江路街道办事处2021年政府信息公开工作年度报告", "", "本报告由青岛西海岸新区长江路街道办事处编制。"]
    agency = describe_agency(find_agency_name(lines), lines)
    assert (agency.name, agency.adcode, agency.region_source) == ("青岛西海岸新区长江路街道办事处", "370211", "zones")


@pytest.mark.parametrize("title, body, name", [
    ("白阳镇2022年政府信息公开工作年度报告", "本报告由彭阳县白阳镇人民政府编制。", "彭阳县白阳镇人民政府"),
    ("宁海路街道2020年政府信息公开工作年度报告", "南京市鼓楼区宁海路街道办事处按要求编制。", "南京市鼓楼区宁海路街道办事处"),
    ("兰州新区2016年政府信息公开工作年度报告", "本报告由兰州新区管委会办公室编制。", "兰州新区管委会"),
    ("平潭县二〇〇九年政府信息公开工作年度报告", "2009年，我县稳步推进。\n主办单位：平潭县人民政府办公室 闽ICP备05012345号",
     "平潭县人民政府"),
    # a street office signed as its city government's: the city is its region
    ("文昌路街道办事处2022年政府信息公开工作年度报告",
     "2022年，文昌路街道办事处扎实推进政务公开。\n莱州市人民政府文昌路街道办事处", "莱州市人民政府文昌路街道办事处"),
    # a regiment numbered with 〇; a division-city whose site (…人民政府网) is no part of its name
    ("第六师一〇三团2023年政府信息公开工作年度报告", "2023年，一〇三团持续推进政务公开。", "第六师一〇三团"),
    ("第六师五家渠市2023年政府信息公开工作年度报告", "新疆生产建设兵团第六师五家渠市人民政府网 | 首页 | 无障碍\n"
     "2023年，第六师五家渠市深入推进政务公开。", "第六师五家渠市"),
])
def test_the_agency_is_the_body_the_report_is_of(title, body, name):
    """A township or street is its government or office; a region's report compiled by an
    office is the region's government's; the site's owner in the footer is no candidate."""
    lines = [title, "", body]
    assert find_agency_name(lines) == name


def test_a_site_s_masthead_above_a_title_naming_its_place_is_no_part_of_the_name():
    """Blind round 202 (street offices of common names): the district's site name above the title (长春市朝阳区人民政府 /
    朝阳区红旗街道办事处2023年…报告) was read as one name with it, as a PDF breaks a name over two lines: the agency was
    长春市朝阳区人民政府朝阳区红旗街道办事处. A line that is an institution's name alone, the next beginning with a
    place, is no part of it; a name a PDF broke after its place (莱州市人民政府 / 文昌路街道办事处) still is."""
    title = "朝阳区红旗街道办事处2023年政府信息公开工作年度报告"
    body = "2023年，红旗街道扎实做好政务公开工作。"
    assert find_agency_name(["长春市朝阳区人民政府", title, body, "朝阳区红旗街道办事处"]) == "朝阳区红旗街道办事处"
    signed = ["文昌路街道办事处2022年政府信息公开工作年度报告", "", "2022年，文昌路街道办事处扎实推进政务公开。",
              "莱州市人民政府", "文昌路街道办事处"]
    assert find_agency_name(signed) == "莱州市人民政府文昌路街道办事处"


@pytest.mark.parametrize("lines, name", [
    (["平潭综合实验区管理委员会关于2021年政府信息公开工作年度报告"], "平潭综合实验区管理委员会"),
    (["平潭综合实验区2018年政务公开工作年度报告", "2018年，实验区管委会共主动公开政府信息5215条。"], "平潭综合实验区管委会"),
])
def test_a_zone_title_names_its_committee(lines, name):
    assert find_agency_name(lines) == name


def test_a_title_below_a_site_menu_is_found():
    lines = ["栏目导航", "政府信息公开指南", "政府信息公开目录", "政府信息公开年报",
             "南平市人民政府2020年政府信息公开工作年度报告", "本报告由南平市人民政府办公室编制。"]
    assert find_agency_name(lines) == "南平市人民政府"
    assert find_year(lines) == (2020, "title")


def test_a_stem_before_zhengfu_xinxi_gongkai_is_not_a_government_name():
    lines = ["平潭综合实验区政府信息公开工作年度报告（2017年度）", "2017年，实验区管委会主动公开政府信息。"]
    assert find_agency_name(lines) == "平潭综合实验区管委会"


@pytest.mark.parametrize("title, body, name, adcode", [
    ("实验区经济发展局2021年政府信息公开工作年度报告", "2021年，平潭综合实验区经济发展局主动公开信息。",
     "平潭综合实验区经济发展局", "350128"),
    ("新区管委会2019年政府信息公开工作年度报告", "2019年，兰州新区管委会主动公开信息。", "兰州新区管委会", "620100"),
])
def test_a_zone_named_by_its_kind_alone_takes_its_name_from_the_text(title, body, name, adcode):
    lines = [title, "", body]
    agency = describe_agency(find_agency_name(lines), lines)
    assert (agency.name, agency.adcode) == (name, adcode)


@pytest.mark.parametrize("body, adcode", [
    ("2024年，开发区推进政务公开，信息发布于宁晋县人民政府网站。", "130528"),
    ("2024年，开发区推进政务公开，信息发布于河北省人民政府网站。", "130000"),  # no county named: the province's
    ("2024年，开发区推进政务公开，学习宁晋县、晋州市的做法。", "130528"),  # 晋州 is not in the zone's name
])
def test_a_zone_named_by_its_county_s_short_name_is_in_the_county_its_text_names(body, adcode):
    """河北宁晋经济开发区管理委员会: 宁晋 is 宁晋县, which the text names once; the zone was the province's."""
    lines = ["河北宁晋经济开发区管理委员会2024年政府信息公开工作年度报告", "", body]
    assert describe_agency(find_agency_name(lines), lines).adcode == adcode


def test_a_bare_zone_name_without_its_full_name_in_the_text_gets_no_invented_region():
    lines = ["新区管委会2019年政府信息公开工作年度报告", "", "2019年，新区管委会主动公开信息。"]
    agency = describe_agency(find_agency_name(lines), lines)
    assert (agency.name, agency.adcode) == ("新区管委会", None)


@pytest.mark.parametrize("title, opening", [
    ("2024年1月发布 彭阳县人民政府2023年政府信息公开工作年度报告", "2023年，彭阳县认真落实条例。"),
    ("彭阳县政府信息公开工作年度报告", "现将彭阳县人民政府2023年度政府信息公开工作报告如下，本报告于2024年1月发布。"),
])
def test_a_date_of_publication_or_a_verb_before_the_name_is_no_part_of_it(title, opening):
    """They were read as 月发布彭阳县人民政府 and 现将彭阳县人民政府."""
    lines = [title, "", opening, "一、总体情况"]
    assert find_agency_name(lines) == "彭阳县人民政府"


def test_a_post_s_byline_does_not_run_into_the_title_below_it():
    """WeChat prints the region of the poster's IP address after the date (… 2022-01-28 17:30 浙江): the
    agency was 浙江杭州市萧山区人民政府."""
    lines = ["萧山区2021年政府信息公开工作年度报告", "原创 萧山区政府办 萧山发布 2022-01-28 17:30 浙江",
             "杭州市萧山区人民政府2021年政府信息公开工作年度报告", "一、总体情况", "2021年，萧山区人民政府深入推进政务公开。"]
    report_lines = body_of(lines)
    assert "原创 萧山区政府办 萧山发布 2022-01-28 17:30 浙江" not in report_lines
    assert find_agency_name(report_lines) == "杭州市萧山区人民政府"


@pytest.mark.parametrize(("first", "second", "name"), [
    ("海曙公安分局", "宁波市公安局海曙分局", "宁波市公安局海曙分局"),  # a post's short title, the article's full one
    ("宁波市海曙区人民政府", "宁波市海曙区人民政府办公室", "宁波市海曙区人民政府"),  # its office's report, listed below
])
def test_a_second_title_that_spells_out_the_first_s_short_name_names_the_agency(first, second, name):
    lines = [f"{first}2021年政府信息公开工作年度报告", f"{second}2021年政府信息公开工作年度报告", "一、总体情况"]
    assert find_agency_name(lines) == name


@pytest.mark.parametrize(("title", "opening", "name"), [
    ("【单位名称】2022年政府信息公开工作年度报告", "2022年，浠水县团陂镇人民政府认真贯彻落实《条例》。", "浠水县团陂镇人民政府"),
    ("霍邱县××局2020年政府信息公开工作年度报告", "2020年，霍邱县农业农村局认真贯彻落实《条例》。", "霍邱县农业农村局"),
    ("霍邱县花园镇人民政府XXXX年政府信息公开工作年度报告", "本报告统计期限自2022年1月1日起至2022年12月31日止。",
     "霍邱县花园镇人民政府"),
])
def test_a_template_s_placeholder_is_no_name_and_its_year_no_obstacle(title, opening, name):
    """A report written from a template with its placeholders left: 【单位名称】 and ××局 were taken for the
    agency; a title with XXXX年 was no title, and the report was lost for want of a name."""
    assert find_agency_name([title, opening, "一、总体情况"]) == name


@pytest.mark.parametrize("date", ["2024年1月30日", "2024年1月", "二〇二四年一月"])
def test_a_report_named_only_by_its_signature_is_its_signer_s(date):
    """二〇二三年度政府信息公开工作年度报告, the body saying 本机关 throughout, the name only in the signature above
    the date: the report was lost for want of a name. (Blind round 99, OCR of a screenshot without the title: a
    signature dated by its month alone, 2026年1月, was no signature.)"""
    import random

    from builder import synthetic
    from builder.extraction.extract import extract_bytes

    v = synthetic.consistent_values(random.Random(2), forms.GOV_2021)
    text = synthetic.render("佛山市南海区市场监督管理局", 2023, forms.GOV_2021, v, "tab")
    lines = [line.replace("佛山市南海区市场监督管理局", "本机关") for line in text.split("\n")]
    lines[0] = "二〇二三年度政府信息公开工作年度报告"
    lines += ["佛山市南海区市场监督管理局", date, "", "【打印】【关闭】"]
    report = extract_bytes("\n".join(lines).encode(), "附件：2023年度报告.txt")
    assert (report.agency.name, report.year) == ("佛山市南海区市场监督管理局", 2023)


def test_a_second_name_in_brackets_is_printed_with_chinese_brackets():
    """Text is read with ASCII brackets; an agency's name is printed as the report prints it, （）."""
    agency = describe_agency("陇西县卫生健康局(陇西县中医药管理局)")
    assert agency.name == "陇西县卫生健康局（陇西县中医药管理局）"
    assert agency.agency_id == describe_agency("陇西县卫生健康局（陇西县中医药管理局）").agency_id


@pytest.mark.parametrize(("title", "opening", "name"), [
    ("莪山乡政府", "本报告由桐庐县莪山畲族乡人民政府（以下简称乡政府）编制。", "桐庐县莪山畲族乡人民政府"),
    # a village's page label for the title: the compiler named after what the report follows
    ("星村村", "本年度报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求，由武夷山市星村镇人民政府编制。",
     "武夷山市星村镇人民政府"),
    ("生态环境部", "本报告根据《条例》要求，由生态环境部办公厅编制。", "生态环境部"),  # its office compiles a ministry's
    ("区府办", "本报告根据《条例》要求，由广州市番禺区人民政府办公室（以下简称区府办）编制。", "广州市番禺区人民政府办公室"),
    ("县教育局", "现公布沛县教育局2021年政府信息公开工作年度报告。", "沛县教育局"),
    ("宁波市海曙区人民政府", "本报告由宁波市海曙区人民政府办公室编制。", "宁波市海曙区人民政府"),
    # a PDF's line ends inside the full name
    ("镇沅县自然资源局", "要求，由镇沅彝族哈尼族拉祜族自治县自然\n资源局（以下简称“县自然资源局”）编制。",
     "镇沅彝族哈尼族拉祜族自治县自然资源局"),
    # (blind round 123) the opening's subject before what it follows, the report's title between or not
    ("兴宁区人社局", "南宁市兴宁区人力资源和社会保障局根据《中华人民共和国政府信息公开条例》要求，编制本报告。",
     "南宁市兴宁区人力资源和社会保障局"),
    ("洪泽区人社局", "淮安市洪泽区人力资源和社会保障局2021年度政府信息公开工作年度报告根据《条例》编制。",
     "淮安市洪泽区人力资源和社会保障局"),
])
def test_a_title_s_short_name_is_spelled_out_by_the_report_s_own_words(title, opening, name):
    """A title naming its agency short (莪山乡政府, 区府办, 县教育局): the name the opening gives in full, never
    with the word before it (由广州市…), nor the office that compiled a government's report."""
    lines = [f"{title}2021年政府信息公开工作年度报告", *opening.split("\n"), "一、总体情况"]
    assert find_agency_name(lines) == name


@pytest.mark.parametrize(("title", "signature", "name"), [
    ("区住建局", ["成都市武侯区住房和城乡建设局"], "成都市武侯区住房和城乡建设局"),
    ("市政府办", ["酒泉市人民政府办公室"], "酒泉市人民政府办公室"),
    # a party body's name after 中共, its second name in brackets on the line under it
    ("县委网信办", ["中共歙县县委网络安全和信息化委员会办公室", "（歙县互联网信息办公室）"],
     "中共歙县县委网络安全和信息化委员会办公室"),
])
def test_a_title_s_short_name_is_spelled_out_by_the_signature(title, signature, name):
    """Blind round 80 (short and joint names): a title naming its agency short (区住建局, 市政府办, 县委网信办), the
    full name only in the signature (and in a sentence no rule reads): the short name was the agency's."""
    lines = [f"{title}2024年政府信息公开工作年度报告", "一、总体情况", f"2024年，{title}认真做好政务公开工作。",
             "六、其他需要报告的事项", "无。", *signature, "2025年1月20日"]
    assert find_agency_name(lines) == name


@pytest.mark.parametrize(("signed", "name"), [("泰州市数据局", "泰州市数据局"), (None, "泰州市大数据管理局")])
def test_a_title_signed_with_its_own_name_is_not_spelled_out_by_a_former_one(signed, name):
    """Blind round 171 (h510): a body renamed in the year's reform titles and signs its report 泰州市数据局, its text
    still says 泰州市大数据管理局. The title's characters are all in the old name, so the old name was taken for the
    title's spelled-out short form; a name signed as titled, from its place on, is whole. Unsigned, the longer name
    the text gives still spells out the title's."""
    lines = ["泰州市数据局2024年政府信息公开工作年度报告", "一、总体情况",
             "2024年，泰州市大数据管理局坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《条例》。",
             "六、其他需要报告的事项", "无。", *([signed, "2025年1月24日"] if signed else [])]
    assert find_agency_name(lines) == name


def test_a_title_s_place_misread_a_character_off_is_spelled_as_the_text_spells_it():
    """OCR read 阳朔县 of a scanned title as 阳翔县, a place the gazetteer does not know; the text names 阳朔县 (its
    address, its sentences): the report was 阳翔县人民政府's. Named once only, or not one character off, it stays."""
    from builder import synthetic
    from builder.extraction.extract import extract_bytes
    from builder.forms import GOV_2021

    values = synthetic.consistent_values(random.Random(3), GOV_2021)
    text = synthetic.render("阳朔县人民政府", 2024, GOV_2021, values, "tab")
    body = text.replace("阳朔县人民政府2024年", "阳翔县人民政府2024年", 1)
    assert body.count("阳朔县") >= 2 and body.startswith("阳翔县")
    report = extract_bytes(body.encode(), "scan.txt")
    assert (report.agency.name, report.agency.adcode) == ("阳朔县人民政府", "450321")
    assert "agency_misread" in [w["code"] for w in report.warnings]
    once = text.replace("阳朔县", "阳翔县").replace("阳翔县人民政府办公室", "阳朔县人民政府办公室", 1)
    assert extract_bytes(once.encode(), "scan.txt").agency.name == "阳翔县人民政府"


def test_an_autonomous_prefecture_s_title_in_full_keeps_its_name_over_its_short_form_in_the_text():
    """恩施土家族苗族自治州人民政府 / 2023年…年度报告 (a title over two lines), its text saying 恩施州人民政府: the short
    form was taken for another body's and won as the opening's subject; the two are one body (one place)."""
    from builder.extraction.metadata import names_one_body

    lines = ["恩施土家族苗族自治州人民政府", "2023年政府信息公开工作年度报告",
             "根据《条例》规定，现公布恩施州人民政府2023年政府信息公开工作年度报告。",
             "一、总体情况", "2023年，恩施州人民政府认真贯彻落实《条例》。"]
    assert find_agency_name(lines) == "恩施土家族苗族自治州人民政府"
    assert names_one_body("恩施州人民政府", "恩施土家族苗族自治州人民政府")
    assert not names_one_body("恩施州教育局", "恩施土家族苗族自治州人民政府")


def _named_nowhere(*around: list[str]) -> bytes:
    """A report whose title and body name no body (2023年度…报告, 本机关 throughout): ``around`` gives the lines
    above the title and those after the last section."""
    import random

    from builder import synthetic

    v = synthetic.consistent_values(random.Random(2), forms.GOV_2021)
    text = synthetic.render("平遥县卫生健康和体育局", 2023, forms.GOV_2021, v, "tab")
    lines = [line.replace("平遥县卫生健康和体育局", "本机关") for line in text.split("\n")]
    above, below = around
    return "\n".join([*above, "2023年度政府信息公开工作年度报告", *lines[1:], *below]).encode()


def test_a_report_named_only_by_its_breadcrumb_trail_is_the_agency_step_s():
    """A page whose title, body and footer name no agency, its trail naming the agency's column (首页 >> 部门信息公开
    >> 平遥县卫生健康和体育局 >> 政府信息公开年度报告): the report was lost for want of a name. A trail of no agency's
    column (首页 > 政务公开 > 年度报告) still names none."""
    from builder.extraction.extract import extract_bytes
    from builder.extraction.metadata import agency_step_in_trail

    trail = "您当前的位置：首页 >> 政务公开 >> 部门信息公开 >> 平遥县卫生健康和体育局 >> 政府信息公开年度报告"
    report = extract_bytes(_named_nowhere([trail], ["【打印】【关闭】"]), "report.txt")
    assert (report.agency.name, report.agency.adcode) == ("平遥县卫生健康和体育局", "140728")
    assert agency_step_in_trail(["当前位置：首页 > 政务公开 > 年度报告"]) is None


def test_a_joint_office_signing_with_both_names_is_the_first_s():
    """合署办公: the signature prints the office's two names a line each above the date; the one above the date was
    taken, the office's second name."""
    from builder.extraction.extract import extract_bytes

    signature = ["泉州市人民政府外事办公室", "泉州市人民政府港澳事务办公室", "2024年1月19日"]
    report = extract_bytes(_named_nowhere([], signature), "report.txt")
    assert report.agency.name == "泉州市人民政府外事办公室"


@pytest.mark.parametrize(("label", "signed", "adcode"), [
    ("来源：市自然资源局", "宁乡市自然资源局", "430182"),  # a city's department by its level alone
    ("发布机构：双流区教育局", "成都市双流区教育局", "510116"),  # the places above it
    ("来源：周市镇", "昆山市周市镇人民政府", "320583"),  # a town's report, its government's
    ("来源：市医保局", "赣州市医疗保障局", "360700"),  # a short name
])
def test_a_page_s_short_label_is_the_name_its_signature_gives_in_full(label, signed, adcode):
    """Blind round 104 (titles only in pictures): a page whose heading names no body took its agency from its 来源 or
    发布机构 label, as a city's site shortens it (市医保局: no place, no region); the signature names it in full."""
    from builder.extraction.extract import extract_bytes

    report = extract_bytes(_named_nowhere(["首页 > 政务公开 > 部门信息公开", label], [signed, "2024年1月15日"]), "a.txt")
    assert (report.agency.name, report.agency.adcode) == (signed, adcode)
    other = extract_bytes(_named_nowhere([label], ["泉州市人民政府外事办公室", "2024年1月15日"]), "a.txt")
    assert other.agency.name == label.partition("：")[2]  # another body's signature: the label's name stays


@pytest.mark.parametrize("lead", ["一图读懂丨", "一图读懂", "图解："])
def test_a_picture_s_lead_before_the_title_is_no_part_of_the_name(lead):
    """Blind round 83 (pages printing a summary then the report): 一图读懂丨大理市人民政府2024年…报告 above the figures'
    boxes and the full report: the agency was 一图读懂丨大理市人民政府."""
    lines = [f"{lead}大理市人民政府2024年政府信息公开工作年度报告", "01 主动公开 6782条",
             "大理市人民政府2024年政府信息公开工作年度报告", "一、总体情况"]
    assert find_agency_name(lines) == "大理市人民政府"


@pytest.mark.parametrize("column, name", [("政府信息公开年报", "临朐县卫生健康局"), ("年度报告", "临朐县卫生健康局"),
                                          ("政务公开年报", "临朐县卫生健康局"), ("年报", "年报县")])
def test_a_site_s_column_name_run_into_the_title_is_no_part_of_the_name(column, name):
    """Blind round 113 (page text with its breaks lost): …> 政府信息公开年报临朐县卫生健康局2021年…报告 — the breadcrumb's
    last step was the agency's first words. Only before a place: a name of its own is kept whole."""
    lines = [f"{column}{name}2021年政府信息公开工作年度报告", "一、总体情况"]
    assert find_agency_name(lines) == ("临朐县卫生健康局" if name == "临朐县卫生健康局" else f"{column}{name}")


@pytest.mark.parametrize("authored", ["本报告由宜阳县自然资源局根据《条例》编制。",
                                      "特向社会公布宜阳县自然资源局2022年政府信息公开工作年度报告。",
                                      "来源：宜阳县自然资源局 发布日期：2023-01-30"])
def test_a_title_naming_the_government_over_its_department_s_report_is_the_department_s(authored):
    """Blind round 117 (metadata traps): 宜阳县人民政府2022年…年度报告 as the site titles its pages, over a report that
    宜阳县自然资源局 compiles and signs: read as the government's. The signature, named as the author too, is the
    agency; the government's own office signing its report is not."""
    body = ["一、总体情况", "2022年，我局认真贯彻落实《条例》。", "二、主动公开政府信息情况"]
    lines = ["宜阳县人民政府2022年政府信息公开工作年度报告", authored, *body, "宜阳县自然资源局", "2023年1月30日"]
    assert find_agency_name(lines) == "宜阳县自然资源局"
    office = ["宜阳县人民政府2022年政府信息公开工作年度报告", "本报告由宜阳县人民政府办公室编制。", *body,
              "宜阳县人民政府办公室", "2023年1月30日"]
    assert find_agency_name(office) == "宜阳县人民政府"
    unsaid = ["宜阳县人民政府2022年政府信息公开工作年度报告", *body, "宜阳县自然资源局", "2023年1月30日"]
    assert find_agency_name(unsaid) == "宜阳县人民政府"  # (a signature alone: no second word for it)
    spoken = ["宜阳县人民政府2022年政府信息公开工作年度报告", "2022年，宜阳县自然资源局认真贯彻落实《条例》。", *body,
              "宜阳县自然资源局", "2023年1月30日"]
    assert find_agency_name(spoken) == "宜阳县自然资源局"  # (the body speaking as it, at a dated sentence's start)


def test_a_title_s_placeless_name_is_the_signature_s_not_the_first_place_the_text_names():
    """Blind round 117: 民政局2022年度…报告 signed 涞源县民政局, its text copied from 涞水县民政局's (2022年，涞水县民政局
    始终坚持…): the name took the first place the text put before 民政局."""
    lines = ["民政局2022年度政府信息公开工作报告", "2022年，涞水县民政局始终坚持以人民为中心。", "一、总体情况",
             "涞源县民政局", "2023年1月20日"]
    assert find_agency_name(lines) == "涞源县民政局"


def test_an_opening_sentence_s_government_before_信息公开_keeps_its_政府():
    """Blind round 119 (Markdown reports with no title, as the sample 003): 2020年，义安区钟鸣镇人民政府信息公开工作认真…
    gave the name 义安区钟鸣镇人民, 政府 taken for the start of 政府信息公开."""
    lines = ["2020年，义安区钟鸣镇人民政府信息公开工作认真贯彻落实上级部署。", "一、总体情况", "二、主动公开政府信息情况"]
    assert find_agency_name(lines) == "义安区钟鸣镇人民政府"


def test_a_title_s_name_without_its_place_takes_the_place_its_page_s_issuer_label_gives():
    """Blind round 157: 应急管理局2024年…报告 on a page labelled 发布机构：仁寿县应急管理局, the text saying 我局 only: the
    agency was 应急管理局, of no place."""
    lines = ["应急管理局2024年政府信息公开工作年度报告", "根据《条例》要求，现将我局2024年度政府信息公开工作情况报告如下。",
             "一、总体情况", "2024年，我局扎实做好政府信息公开工作。"]
    assert find_agency_name(lines, "仁寿县应急管理局") == "仁寿县应急管理局"
    assert find_agency_name(lines, "仁寿县人民政府办公室") == "应急管理局"  # (an issuer of another name: not the title's)


def test_a_town_s_report_compiled_by_its_party_and_government_office_is_the_town_government_s():
    """Blind round 158: 苏州市吴江区震泽镇人民政府 / 2023年…年度报告, 本报告由震泽镇党政办公室…编制: the office was taken for
    another institution than the title's, and named the agency."""
    lines = ["苏州市吴江区震泽镇人民政府", "2023年政府信息公开工作年度报告",
             "本报告由震泽镇党政办公室根据《中华人民共和国政府信息公开条例》要求编制。", "一、总体情况",
             "2023年，震泽镇人民政府坚持以公开为常态。"]
    assert find_agency_name(lines) == "苏州市吴江区震泽镇人民政府"


@pytest.mark.parametrize("verb", ["发布", "公布", "正式发布"])
def test_a_news_page_s_title_of_a_report_s_publication_names_the_agency_without_its_verb(verb):
    """Blind round 159: a news page 醴陵市人社局发布2022年政府信息公开工作年度报告, the report's full text below (年度报告全文
    如下：醴陵市人力资源和社会保障局2022年…年度报告): the verb stayed in the name (醴陵市人社局发布)."""
    lines = [f"醴陵市人社局{verb}2022年政府信息公开工作年度报告", "来源：醴陵市人力资源和社会保障局",
             "近日，醴陵市人力资源和社会保障局发布了本局2022年政府信息公开工作年度报告。年度报告全文如下：",
             "醴陵市人力资源和社会保障局2022年政府信息公开工作年度报告", "一、总体情况", "2022年，我局认真贯彻落实《条例》。"]
    assert find_agency_name(lines) == "醴陵市人力资源和社会保障局"


def test_a_title_mistyping_the_agency_by_a_character_is_read_as_the_report_signs():
    """Blind round 189 (h656: misspelt titles): 常州市市场监督管里局2023年…年度报告 over a text naming 常州市市场监督管理局
    (its opening, its signature): the agency was the title's typing slip. Read as the text names it twice, with the warning
    agency_misread. A title whose spelling the text uses again stays as it is."""
    from builder import synthetic
    from builder.extraction.extract import extract_bytes
    from builder.forms import GOV_2021

    values = synthetic.consistent_values(random.Random(3), GOV_2021)
    text = synthetic.render("常州市市场监督管理局", 2023, GOV_2021, values, "tab")
    mistyped = text.replace("常州市市场监督管理局", "常州市市场监督管里局", 1)
    assert mistyped.startswith("常州市市场监督管里局") and mistyped.count("常州市市场监督管理局") >= 2
    report = extract_bytes(mistyped.encode(), "report.txt")
    assert report.agency.name == "常州市市场监督管理局"
    assert "agency_misread" in [w["code"] for w in report.warnings]
    again = text.replace("常州市市场监督管理局", "常州市市场监督管里局", 2)
    assert extract_bytes(again.encode(), "report.txt").agency.name == "常州市市场监督管里局"


def test_a_unit_whose_name_is_the_agency_s_but_a_character_is_no_spelling_of_the_agency():
    """Blind round 198 (h729): 江西省水利厅 titled, 省水利厅 in the opening, and a unit of its own, 江西省水利科学院, named
    twice: read as the title's slip, the agency was 江西省水利科. The title's words around the character (水利厅) are
    printed elsewhere, so the title's spelling stands."""
    body = ["全年工作有序推进。"] * 500  # (the text's first lines and its last, the signature's, apart)
    lines = ["江西省水利厅2023年政府信息公开工作年度报告",
             "本报告第三部分按厅机关及厅属江西省水利科学院、江西省水文监测中心分别列示。",
             "2023年，省水利厅坚持以习近平新时代中国特色社会主义思想为指导。", "表三\t合计\t本级\t江西省水利科学院", *body]
    assert mistyped_name("江西省水利厅", lines) is None
    assert mistyped_name("德清县教有局", ["德清县教有局2023年政府信息公开工作年度报告", "德清县教育局认真贯彻落实《条例》。",
                                        *body, "德清县教育局", "2024年1月20日"]) == "德清县教育局"


def test_a_town_named_like_its_county_is_no_spelling_of_the_county_s_government():
    """Blind round 263 (h1254): 府谷县人民政府 titled, and its town 府谷镇人民政府 named twice in a table of the
    applications each department and town handled: read as the title's slip, the agency was the town's. A division's
    level character for another names another body."""
    body = ["全年工作有序推进。"] * 500
    lines = ["府谷县人民政府2024年政府信息公开工作年度报告", "各部门、各乡镇办理情况详见附表。",
             "府谷镇人民政府\t5\t0\t8", "附表2", "府谷镇人民政府\t3\t0\t3", *body]
    assert mistyped_name("府谷县人民政府", lines) is None
