"""A crawled HTML page of a zone's pre-2019 report: page labels, site chrome, prose and a statistics table."""

from __future__ import annotations

from builder.checks import check_report
from builder.extraction.extract import extract_bytes

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
    assert heads == {"proactive_items": 3580, "applications_received": 46, "admin_review_cases": 2,
                     "litigation_cases": 1}
    assert {f.value for f in report.narrative if f.key == "applications_received"} == {46, 31, 58213}
    check_report(report)
    assert report.badge == "无表格"


def test_without_the_table_the_prose_total_is_the_headline():
    page = PAGE[:PAGE.index("<p>附件")] + "</body></html>"
    report = extract_bytes(page.encode(), "pingtan2015.html")
    heads = {f.key: f.value for f in report.narrative if f.headline}
    assert heads["applications_received"] == 46 and heads["proactive_items"] == 3580
