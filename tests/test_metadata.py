"""Agency names, years, regions and ids from the ways reports print them."""

from __future__ import annotations

import pytest

from builder.metadata import describe_agency, find_agency_name, find_year, slugify
from builder.reading import body_lines


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
