"""Prose figures: every figure kept with its sentence, at most one headline per key (the year's own total)."""

from __future__ import annotations

import re

import pytest

from builder.checks import check_report
from builder.extraction.extract import extract_bytes
from builder.extraction.narrative import find_figures, sentences
from builder.reading.document import normalize


def figures(text: str, year: int = 2018, **scope):
    return find_figures(sentences(text.split("\n")), year, **scope)


def headlines(found) -> dict:
    heads = [f for f in found if f.headline]
    assert len({f.key for f in heads}) == len(heads), "two headlines for one key"
    return {f.key: f.value for f in heads}


def test_a_sub_category_is_never_the_headline():
    found = figures("2018年，全县主动公开政府信息3120条。其中，主动公开政府采购信息96条，主动公开重点领域信息26580多条。")
    assert headlines(found)["proactive_items"] == 3120
    assert [f.value for f in found if f.key == "proactive_items"] == [3120, 96, 26580]
    assert all(f.text for f in found)


def test_only_a_sub_category_stated_means_no_headline():
    found = figures("2018年，通过县政府网站主动公开政府采购信息96条。")
    assert [f.value for f in found if f.key == "proactive_items"] == [96]
    assert "proactive_items" not in headlines(found)


def test_another_process_is_never_the_headline():
    text = ("2018年，县政务服务中心窗口共受理申请58213件，办结率100%。"
            "全年共收到政府信息公开申请12件，均按期答复。")
    found = figures(text)
    assert sorted(f.value for f in found if f.key == "applications_received") == [12, 58213]
    assert headlines(found)["applications_received"] == 12


def test_another_year_is_never_the_headline():
    found = figures("2018年共收到政府信息公开申请25件，2017年收到申请11件。")
    assert headlines(found)["applications_received"] == 25
    found = figures("2017年，全年收到政府信息公开申请11件。", year=2018)
    assert "applications_received" not in headlines(found)


def test_disagreeing_totals_leave_no_headline():
    found = figures("全年收到政府信息公开申请25件。\n全年收到政府信息公开申请27件。")
    assert "applications_received" not in headlines(found)


def test_the_total_worded_figure_wins_over_a_bare_one():
    found = figures("县教育局收到政府信息公开申请3件。全年全县共收到政府信息公开申请25件。")
    assert headlines(found)["applications_received"] == 25


def test_carried_over_is_about_last_year_by_definition():
    found = figures("2018年受理政府信息公开申请31件（含上年度结转申请4件）。", year=2018)
    # 31 includes last year's 4: the applications handled, not the year's new ones
    assert headlines(found) == {"applications_handled": 31, "applications_carried_over": 4}


PRE_2019_TABLE = """彭阳县2013年政府信息公开工作年度报告
一、概述
2013年，彭阳县认真贯彻落实《中华人民共和国政府信息公开条例》，全年主动公开政府采购信息96条。
二、主动公开政府信息情况
三、依申请公开政府信息情况
四、政府信息公开的收费及减免情况
五、因政府信息公开申请提起行政复议、行政诉讼的情况
六、存在的主要问题及改进措施
附件：彭阳县2013年政府信息公开情况统计表
统计指标\t单位\t统计数
一、主动公开情况\t\t
（一）主动公开政府信息数\t条\t4120
其中：主动公开规范性文件数\t条\t36
制发规范性文件总数\t件\t41
二、依申请公开情况\t\t
（一）收到申请数\t件\t27
1.当面申请数\t件\t5
3.网络申请数\t件\t22
（二）申请答复数\t件\t27
三、行政复议数量\t件\t1
四、行政诉讼数量\t件\t0
五、依申请公开信息收取的费用\t万元\t0.12
"""


def test_a_pre_2019_statistics_table_is_not_the_form_and_its_rows_are_figures():
    report = extract_bytes(PRE_2019_TABLE.encode(), "pengyang2013.txt")
    assert report.template == "pre-2019" and report.template_source == "no form"
    assert all(c.status == "missing" for c in report.cells.values())
    heads = headlines(report.narrative)
    assert heads == {"proactive_items": 4120, "normative_docs_issued": 41, "applications_received": 27,
                     "applications_online": 22, "applications_answered": 27, "admin_review_cases": 1,
                     "litigation_cases": 0, "fees_charged_cny": 1200}
    row = next(f for f in report.narrative if f.key == "proactive_items" and f.headline)
    assert "主动公开政府信息数" in row.text and "4120" in row.text
    assert any(f.key == "proactive_items" and f.value == 96 and not f.headline for f in report.narrative)


@pytest.mark.parametrize("sep", ["\t", " | "])
def test_space_and_pipe_statistics_rows(sep):
    text = PRE_2019_TABLE.replace("\t", sep)
    report = extract_bytes(text.encode(), "t.txt")
    assert report.template == "pre-2019"
    assert headlines(report.narrative)["applications_received"] == 27


@pytest.mark.parametrize("row", ["1\t主动公开政府信息数\t条\t4120", "主动公开政府信息数 条 4120", "主动公开政府信息数（条） 4120",
                                 "| 1 | 主动公开政府信息数 | 条 | 4120 |",
                                 # a PDF's text layer: the row's number glued to its label, spaces between cells
                                 "1.主动公开政府信息数 条 4120", "2、主动公开政府信息数 4120 条"])
def test_statistics_row_shapes(row):
    from builder.extraction.narrative import table_figures

    assert [(f.key, f.value) for f in table_figures([row])] == [("proactive_items", 4120)]


def test_applications_received_worded_as_matters():
    found = figures("2018年，本机关共受理依申请公开事项25件。")
    assert headlines(found)["applications_received"] == 25


def test_a_total_listing_what_it_includes_is_still_the_total():
    found = figures("2018年主动公开政府信息包括政策文件、人事信息等共3120条。")
    assert headlines(found)["proactive_items"] == 3120
    found = figures("2018年共受理政府信息公开申请31件（含网上申请20件）。")
    assert headlines(found)["applications_received"] == 31


@pytest.mark.parametrize("sentence", ["全年没有发生因政府信息公开引起的行政复议和行政诉讼。",
                                      "本年度未收到针对本机关政府信息公开的行政复议、行政诉讼。",
                                      "全年无政府信息公开行政复议、行政诉讼案件。",
                                      "全年无行政复议，无行政诉讼。"])
def test_no_review_or_litigation_is_zero(sentence):
    heads = headlines(figures(sentence))
    assert heads["admin_review_cases"] == 0 and heads["litigation_cases"] == 0


def test_no_application_received_is_zero_before_a_clause_about_review():
    heads = headlines(figures("全年未收到政府信息公开申请，未发生行政复议和行政诉讼。"))
    assert heads == {"applications_received": 0, "admin_review_cases": 0, "litigation_cases": 0}


def test_a_named_kind_of_information_with_its_parts_is_the_total():
    found = figures("2018年，我局主动公开环境信息1043条，其中环境影响评价信息126条。")
    assert headlines(found)["proactive_items"] == 1043


def test_answered_carried_forward_and_natural_persons_as_worded():
    found = figures("2018年新收政府信息公开申请60件，其中自然人申请52件，按时办结58件，结转下年度继续办理2件。"
                    "行政服务中心办结审批事项3120件。")
    heads = headlines(found)
    assert (heads["applications_answered"], heads["applications_carried_forward"],
            heads["applications_natural_person"]) == (58, 2, 52)


def test_a_clause_saying_none_is_zero_beside_a_count():
    heads = headlines(figures("全年发生政府信息公开行政诉讼1件，无行政复议。"))
    assert (heads["litigation_cases"], heads["admin_review_cases"]) == (1, 0)


def test_a_count_in_tens_of_thousands_is_approximate():
    found = figures("2018年，全区主动公开政府信息1.2万余条，其中通过门户网站公开10863条。")
    total = next(f for f in found if f.headline and f.key == "proactive_items")
    assert (total.value, total.approx) == (12000, True)


def test_received_plus_carried_over_stated_as_handled():
    heads = headlines(figures("2018年新收政府信息公开申请23件，加上上年结转2件，共计办理25件。"))
    assert (heads["applications_received"], heads["applications_carried_over"], heads["applications_handled"]) == (23, 2, 25)


@pytest.mark.parametrize("text, expected, wrong", [
    ("全年共收到政府信息公开申请26件，连同上年结转共办结26件，1件结转至下年继续办理。",
     {"applications_received": 26, "applications_carried_forward": 1}, "applications_carried_over"),
    ("我局共收到政府信息公开申请80件（2017年为93件），加上年结转4件，结转下年度继续办理2件。",
     {"applications_received": 80, "applications_carried_over": 4, "applications_carried_forward": 2},
     "applications_handled"),
])
def test_carried_over_and_forward_are_no_count_of_what_follows_them(text, expected, wrong):
    """Blind round 86 (prose in unusual forms): 连同上年结转共办结26件 gave 26 carried over (the answered, all of them),
    and 加上年结转4件，结转下年度继续办理2件 gave 2 handled (those carried forward), each against the table."""
    heads = headlines(figures(text))
    assert {k: v for k, v in heads.items() if k in expected} == expected and wrong not in heads


@pytest.mark.parametrize("text, expected", [
    # A negation stays in its clause: the litigation is counted in the next one.
    ("本年度未收到行政复议申请，被提起行政诉讼2起。", {"admin_review_cases": 0, "litigation_cases": 2}),
    ("本年度未收到行政复议申请，也未被提起行政诉讼。", {"admin_review_cases": 0, "litigation_cases": 0}),
    # A review application is no disclosure application.
    ("本年度收到政府信息公开申请123件。全年接到行政复议申请2件。",
     {"applications_received": 123, "admin_review_cases": 2}),
    # 申请人 is no application; outcomes of reviews say nothing of how many there were.
    ("全年收到政府信息公开申请12件。全年未收到申请人对答复结果的异议。", {"applications_received": 12}),
    ("因政府信息公开申请行政复议2件。全年无被撤销或确认违法的行政复议决定。", {"admin_review_cases": 2}),
    ("因政府信息公开申请行政复议2件。全年未出现行政复议被纠错的情况。", {"admin_review_cases": 2}),
    # Words that hold one of those characters are no outcome (依法).
    ("全年无依法申请行政复议的情况。", {"admin_review_cases": 0}),
    # "None" of one fee, worded with 全年, does not outrank a fee charged.
    ("依申请公开收取复制费120元。全年未收取任何检索费。", {}),
])
def test_a_statement_of_none_is_about_what_it_names(text, expected):
    """Each of these made a wrong headline: a 0 for litigation, 2 applications received, or a 0
    that outranked a count stated elsewhere."""
    assert headlines(figures(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("全区受理依申请公开政府信息12件，其中网上申请9件。", {"applications_received": 12}),
    ("依申请提供政府信息，收费0元。", {"fees_charged_cny": 0}),
    ("本年度无收取信息处理费情况。", {"fees_charged_cny": 0}),
    ("共办理13件，均已按期答复，无结转下年度办理的申请。", {"applications_carried_forward": 0}),
    ("共收到政府信息公开申请48件，其中通过互联网申请32件，通过信函、当面等其他渠道申请16件。",
     {"applications_received": 48, "applications_online": 32, "applications_other_channel": 16}),
    ("未收取任何政府信息公开检索、复制、邮寄等费用。", {"fees_charged_cny": 0}),
    ("依申请公开收取信息处理费1件，金额200元。", {"fees_charged_cny": 200}),
    ("本年度收取信息处理费100元（1件），依据国办函〔2020〕109号执行。", {"fees_charged_cny": 100}),  # (its count in brackets)
    ("现行有效的县政府规范性文件共92件。", {"normative_docs_in_force": 92}),
    ("全市司法行政系统共收到政府信息公开申请462件，其中市司法局本级收到89件。", {"applications_received": 89}),
    ("全区各级行政机关共收到申请1,024件，其中区政府本级收到247件。", {"applications_received": 247}),
    ("全年办结本级申请86件。", {"applications_answered": 86}),
    ("现行有效的区政府行政规范性文件52件，其中本年制发3件、废止5件。",
     {"normative_docs_issued": 3, "normative_docs_in_force": 52}),
    ("通过网上申请平台收到政府信息公开申请173件，通过信函方式收到申请41件，现场申请9件。", {"applications_online": 173}),
    ("全年通过区政府门户网站主动公开政府信息8562条，通过政务微信发布信息2315条，三个渠道合计主动公开政府信息11985条。",
     {"proactive_items": 11985}),
    # the year's figures of several kinds in one sentence, no list of one kind (公开 of 信息公开申请 is a noun's)
    ("2018年，原州区人民政府主动公开政府信息3310条，新收政府信息公开申请30件，发生政府信息公开行政复议2件。",
     {"proactive_items": 3310, "applications_received": 30}),
    ("申请数量较2017年的78件下降19.2%，共63件。", {"applications_received": 63}),
    ("对2件申请收取信息处理费共计1,200元。", {"fees_charged_cny": 1200}),
    ("全年共收到政府信息公开申请26件，加上2017年结转的3件，合计29件。", {"applications_handled": 29}),
    ("发布行政规范性文件9件，废止4件，截至年底现行有效62件。", {"normative_docs_issued": 9, "normative_docs_in_force": 62}),
    # a round count, then the exact one
    ("全年受理政府信息公开申请近300件（296件）。", {"applications_received": 296}),
    ("全年收到政府信息公开申请逾千件，共计1,152件。", {"applications_received": 1152}),
    ("全年主动公开政府信息逾1.2万条（12,583条）。", {"proactive_items": 12583}),
    # a total its channels follow, each with the verb again
    ("全年主动公开政府信息3120条，其中网站发布2000条，微信发布800条，微博发布320条。", {"proactive_items": 3120}),
    ("现行有效政府规章1件（《合肥市公共数据开放管理办法》）、行政规范性文件5件。", {"normative_docs_in_force": 5}),
    # the bound of what was reviewed is no year of the count
    ("对2017年底以前制发的规范性文件进行了全面清理，现行有效规范性文件共137件。", {"normative_docs_in_force": 137}),
    ("组织对2018年以来区政府印发的行政规范性文件进行全面清理，废止2件，现行有效行政规范性文件21件。",
     {"normative_docs_in_force": 21}),
    # other things the sentence publishes after, counted in other units, make no list of channels
    ("市政府办通过市政府门户网站主动公开政府信息1648条，公开市政府及市政府办公室文件52件，发布政策解读31篇，"
     "更新公开事项目录23项。", {"proactive_items": 1648}),
    ("共收到政府信息公开申请76件（其中线上申请56件，信函申请20件）。", {"applications_online": 56}),  # 线上: online
    ("对本局制发的行政规范性文件进行全面清理，废止6件，现行有效74件。", {"normative_docs_in_force": 74}),
    ("现行有效省政府规章187件、省政府及省政府办公厅行政规范性文件298件。", {"normative_docs_in_force": 298}),
    ("全年收到政府信息公开申请1,058件。从申请方式看，通过网上申请平台提交747件，信函方式311件。",
     {"applications_received": 1058, "applications_online": 747, "applications_other_channel": 311}),
    # (counts in Chinese numerals, the financial forms too; the rules' count before the documents' too)
    ("全年共收到政府信息公开申请叁拾陆件，上年结转壹件，均在法定期限内答复，结转下年度贰件。",
     {"applications_received": 36, "applications_carried_over": 1, "applications_carried_forward": 2}),
    ("全年共收到政府信息公开申请贰拾件，办结拾玖件；因政府信息公开申请引发行政复议壹件，复议维持。",
     {"applications_received": 20, "applications_answered": 19, "admin_review_cases": 1}),
    ("全年通过市政府门户网站公开信息一万余条，制发政府规章一件、行政规范性文件十四件。", {"normative_docs_issued": 14}),
    ("全年共收到政府信息公开申请350件，上年结转30件，办理完结365件，结转下年度15件。",
     {"applications_received": 350, "applications_carried_over": 30, "applications_answered": 365,
      "applications_carried_forward": 15}),
    # (the count before the words: 对N件现行有效…文件)
    ("全年制发行政规范性文件14件，废止6件，对118件现行有效行政规范性文件实行统一公开。",
     {"normative_docs_issued": 14, "normative_docs_in_force": 118}),
    # a kind of cases, then 无
    ("本年度行政复议1件，行政诉讼无。", {"admin_review_cases": 1, "litigation_cases": 0}),
    ("因政府信息公开被申请行政复议、提起行政诉讼的情况：无。", {"admin_review_cases": 0, "litigation_cases": 0}),
    # (blind round 201: bodies set up in the year, 统计期内 their part of it, the predecessor's open applications)
    ("统计期内无政府信息公开行政复议和行政诉讼案件。", {"admin_review_cases": 0, "litigation_cases": 0}),
    ("全年新收政府信息公开申请15件，加上市民政局移交结转的2件，共办理17件，办结16件，结转下年度1件。",
     {"applications_received": 15, "applications_carried_over": 2, "applications_carried_forward": 1}),
])
def test_a_count_worded_as_reports_word_it_is_the_headline(text, expected):
    """Each was stated and not found: 依申请公开 with 政府信息 after it, a charge with no 收取 or with the
    fees listed, the count of charges before their amount, whose documents are in force, a rule's title, the
    online channel named 互联网 or before the verb, the body's own count after its sector's, 办结 as answered,
    the year's documents among those in force, the sum of channels a sentence listed."""
    assert headlines(figures(text)).items() >= expected.items()


@pytest.mark.parametrize("text, key", [
    ("我局受理建设项目环境影响评价审批申请386件。", "applications_received"),  # licensing
    ("全年辖区内受理居民各类服务申请2364件。", "applications_received"),  # residents' requests for services
    ("区政府统一行使行政复议职责，全年共收到行政复议申请2,136件。", "admin_review_cases"),  # as the review body
    # (blind round 119: a 司法局's report, the city's review office it houses)
    ("市人民政府行政复议机构全年收到行政复议申请187件，受理162件。", "admin_review_cases"),
    ("全年办结本级申请86件。", "applications_handled"),  # 办结 is answered
    ("市政府门户网站全年发布信息9315条，收到网民留言3126件，办结3108件。", "applications_answered"),  # a site's messages
    ("受理群众数据共享申请1,462件、政府信息公开申请96件。", "applications_received"),  # data sharing
    ("人社数据共享申请126件，全部按期办结。", "applications_answered"),
    ("注：“（六）其他处理 3.其他”中含申请人主动撤回申请1件。", "applications_handled"),  # a table row's label
    ("通过网上申请平台收到申请173件，通过信函方式收到申请41件，现场申请9件。", "applications_other_channel"),  # 2 parts
    # the first of a list of bodies' or channels' counts, the sentence giving no total
    ("2016年，县政府办公室受理政府信息公开申请3件，县国土资源局受理5件，县住房和城乡建设局受理4件。",
     "applications_received"),
    ("县政府门户网站发布各类政府信息4512条，政务微博发布信息2315条，县电视台发布政务信息600余条。", "proactive_items"),
    ("全年共受理城乡低保申请1200件。", "applications_received"),  # another process
    ("2018年上半年共收到政府信息公开申请50件。", "applications_received"),  # part of the year
    ("本年度收到政府信息公开申请12件。不予处理的重复申请3件。", "applications_handled"),  # not handled
    ("本年度收到政府信息公开申请12件。延期答复3件。", "applications_answered"),  # a kind of answer
    ("全年受理档案查阅利用申请4862人次，受理跨馆出证申请318件，办结318件。", "applications_answered"),  # an archive's
    ("申请人申请公开政府信息的数量、频次明显超过合理范围的，按照《政府信息公开信息处理费管理办法》收取信息处理费："
     "同一申请人一个自然月内累计申请10件以下（含10件）的，不收费；", "applications_handled"),  # a fee rule's bound
    # (blind round 199: a 司法局 as the review body, in other words; the reviews it received, then accepted or decided)
    ("本局承担市政府行政复议机构职责，全年收到行政复议申请486件，受理451件。", "admin_review_cases"),
    ("区人民政府行政复议办公室设在本局，全年办理行政复议案件1,035宗。", "admin_review_cases"),
    ("全年收到行政复议申请126件，受理118件，作出复议决定104件。", "admin_review_cases"),
    ("另协助区政府办理依申请公开事项22件（已计入区政府年度报告）。", "applications_handled"),  # counted elsewhere
])
def test_a_count_of_something_else_is_no_headline(text, key):
    assert key not in headlines(figures(text))


def test_a_heading_is_no_start_of_the_next_sentence():
    """二、主动公开政府信息情况 joined to the next line read 政府采购信息96条 as all information."""
    found = figures("二、主动公开政府信息情况\n全年主动公开政府采购信息96条。")
    assert "proactive_items" not in headlines(found)


@pytest.mark.parametrize("text, expected", [
    # Since an earlier date: not the year's figure, whichever clause says from when.
    ("2023年，本机关主动公开政府信息1200条。截至2023年底，累计主动公开政府信息35000条。", {"proactive_items": 1200}),
    ("条例实施以来，累计收到政府信息公开申请356件，2023年收到申请26件。", {"applications_received": 26}),
    ("截至2023年底累计公开政府信息3万条，全年累计主动公开政府信息1234条。", {"proactive_items": 1234}),
    # The year's own total, worded with 截至 or 累计.
    ("截至2023年12月31日，共收到政府信息公开申请15件。", {"applications_received": 15}),
    ("截至2023年底，全年累计主动公开政府信息1234条。", {"proactive_items": 1234}),
    # A running total split by year: the year's share is the year's total (another year's is not).
    ("截至2023年12月31日，累计主动公开政府信息12.6万条，其中2023年新增主动公开政府信息8,437条。",
     {"proactive_items": 8437}),
    ("截至2023年底，累计主动公开政府信息12.6万条，其中2022年新增主动公开政府信息8,437条。", {}),
    # Since a day inside the year (the new regulation's day): part of the year.
    ("2023年共收到政府信息公开申请102件。自2023年5月15日新修订的《条例》施行以来，共收到申请63件。",
     {"applications_received": 102}),
    ("自2023年1月1日起，共收到申请63件。", {"applications_received": 63}),
    # Years counted back from now (blind round 112): their sum (近年来 is no count of years).
    ("全年新收政府信息公开申请8件。近三年来，共收到政府信息公开申请19件。", {"applications_received": 8}),
    ("五年来共收到申请43件。", {}),
    ("近年来，我局不断规范依申请公开工作，共收到申请8件。", {"applications_received": 8}),
])
def test_a_running_total_since_an_earlier_date_is_no_headline(text, expected):
    assert headlines(figures(text, 2023)) == expected


@pytest.mark.parametrize("text, expected", [
    ("本年度未收到以信函报送的政府信息公开申请。", {"applications_received": 0}),  # 报 of 报送 is no 举报
    ("未收到议案相关的政府信息公开申请。", {"applications_received": 0}),
    ("本年度未收到行政复议申请。", {"admin_review_cases": 0}),
    ("未收到投诉举报类申请。", {}),
])
def test_a_negated_application_excludes_words_not_characters(text, expected):
    assert headlines(figures(text, 2023)) == expected


@pytest.mark.parametrize("text, expected", [
    ("全年引发行政复议8件、行政诉讼9件，其中被纠错2件。全年有2件行政复议、行政诉讼案件被纠错。",
     {"admin_review_cases": 8, "litigation_cases": 9}),
    ("全年发生3件行政复议案件，其中1件被纠错。", {"admin_review_cases": 3}),
    ("全年3件行政复议案件中1件被纠错。", {"admin_review_cases": 3}),
    ("有1件行政诉讼被判决败诉。", {}),
])
def test_cases_named_before_their_outcome_are_not_the_years(text, expected):
    assert headlines(figures(text, 2023)) == expected


@pytest.mark.parametrize("text, expected", [
    ("本机关未收到政府信息公开申请，无上年结转的申请。", {"applications_received": 0, "applications_carried_over": 0}),
    ("全年未收到申请，上年度无结转申请。", {"applications_received": 0, "applications_carried_over": 0}),
    ("收到申请5件，无上年结转申请。", {"applications_received": 5, "applications_carried_over": 0}),
    ("上年结转申请2件，无新收申请。", {"applications_carried_over": 2}),
])
def test_none_carried_over_is_a_zero(text, expected):
    assert headlines(figures(text, 2023)) == expected


@pytest.mark.parametrize("text, expected", [
    ("2023年共收到政府信息公开申请1.57件。", {}),  # a count has no fraction: a misread (OCR) or a rate
    ("2023年共收到政府信息公开申请2.0件。", {}),
    ("全年主动公开政府信息1.2万条。", {"proactive_items": 12000}),  # rounded to tens of thousands: approximate
    ("全年收取复制费12.5元。", {"fees_charged_cny": 12.5}),
])
def test_a_count_printed_with_a_fraction_is_no_headline(text, expected):
    assert headlines(figures(text, 2023)) == expected


@pytest.mark.parametrize("text, expected", [
    ("2018年收到政府信息公开申请两件。", {"applications_received": 2}),
    ("全年共受理政府信息公开申请十五件。", {"applications_received": 15}),
    ("全年发生政府信息公开行政复议案件一起，行政诉讼两起。", {"admin_review_cases": 1, "litigation_cases": 2}),
    ("全年主动公开政府信息三千二百条。", {"proactive_items": 3200}),
    ("全年收到政府信息公开申请十余件。", {"applications_received": 10}),
    ("全年主动公开政府信息百余条。", {}),  # 百 alone is no number in the strict grammar
    ("全年收到政府信息公开申请一二件。", {}),  # nor are digits read one by one
    ("第三件申请结转下年度办理。", {}),  # an ordinal
    # some tens: no count (blind round 144: 数十件 was read as 10, and the narr check failed)
    ("全年收到政府信息公开申请数十件。", {}),
    ("全年收到政府信息公开申请几十件。", {}),
    ("全年收到政府信息公开申请十几件。", {}),
    ("全年收到政府信息公开申请二十几件。", {}),
])
def test_a_count_in_chinese_numerals_is_read_whole(text, expected):
    assert headlines(figures(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("2018年，我局印发行政规范性文件3件，现行有效行政规范性文件共计18件。",
     {"normative_docs_issued": 3, "normative_docs_in_force": 18}),
    ("本年度共制发规范性文件5件。", {"normative_docs_issued": 5}),
    ("规范性文件现行有效12件。", {"normative_docs_in_force": 12}),
    ("截至2017年底，现行有效规范性文件23件。", {}),  # another year's
    # the documents named with the count in force, then the year's issued after a comma
    ("截至2018年底，现行有效行政规范性文件156件，2018年制发11件、废止4件。",
     {"normative_docs_issued": 11, "normative_docs_in_force": 156}),
    ("现行有效行政规范性文件156件，2017年制发11件。", {"normative_docs_in_force": 156}),
    # the normative documents among the year's documents; a review (清理) named, then each count
    ("全年发布县政府及县政府办公室文件52件，其中行政规范性文件9件；政策解读67篇。", {"normative_docs_issued": 9}),
    ("全年主动公开政府信息286条，其中规范性文件2件。", {"proactive_items": 286, "normative_docs_issued": 2}),
    ("组织开展规范性文件清理，废止6件，现行有效87件。", {"normative_docs_in_force": 87}),
    ("清理废止行政规范性文件2件，现行有效34件。", {"normative_docs_in_force": 34}),
    # listed after the rules
    ("全年制发省政府规章6件、行政规范性文件42件。现行有效市政府规章96件、行政规范性文件624件。",
     {"normative_docs_issued": 42, "normative_docs_in_force": 624}),
])
def test_normative_documents_issued_and_in_force_are_read_from_the_prose(text, expected):
    assert headlines(figures(text)) == expected


@pytest.mark.parametrize("text", ["全年未因政府信息公开工作被申请行政复议或提起行政诉讼。",
                                  "2018年无因政府信息公开引起的行政复议、行政诉讼案件。",
                                  "本机关没有因政府信息公开被申请行政复议、被提起行政诉讼。"])
def test_a_negation_saying_what_the_cases_would_have_been_about_is_zero(text):
    assert headlines(figures(text)) == {"admin_review_cases": 0, "litigation_cases": 0}


def test_a_negation_is_about_its_own_clause_only():
    found = headlines(figures("全年未因政府信息公开工作被申请行政复议，被提起行政诉讼1起。"))
    assert found == {"admin_review_cases": 0, "litigation_cases": 1}


@pytest.mark.parametrize("example", ["5. 示例：如本年新收10件、上年结转2件，办结11件，则结转下年度继续办理1件。",
                                     "例如：本年新收政府信息公开申请10件，上年结转2件。",
                                     "如本年收到政府信息公开申请10件、上年结转2件，则办理结果总计应为12件减去结转下年度的件数。"])
def test_a_worked_example_s_counts_are_nobody_s(example):
    """Blind round 192 (h677): a workbook's 填报说明 sheet before the report's, its worked example's counts (上年结转2件)
    taken beside the report's own (上年结转4件): no headline, and a check warned of 11 answered."""
    found = headlines(figures(example + "本年度共收到政府信息公开申请36件，上年结转4件。"))
    assert found == {"applications_received": 36, "applications_carried_over": 4}


@pytest.mark.parametrize("note", ["注3：上年结转自然人申请为0件，商业企业申请系2023年12月收到。",
                                  "其中结转下年度的法人申请2件。"])
def test_a_carried_count_of_one_kind_of_applicant_is_a_part(note):
    """Blind round 193 (h683): a note under table 3 (上年结转自然人申请为0件) beside the prose's 上年结转1件: two counts
    of the key, and no headline."""
    found = headlines(figures("全年共新收政府信息公开申请79件，上年结转1件，结转下年度继续办理4件。" + note))
    assert found == {"applications_received": 79, "applications_carried_over": 1, "applications_carried_forward": 4}


def test_no_carried_requests_after_the_applicants_named_is_the_whole_count():
    """(均为自然人申请，无上年结转和结转下年度的申请: the applicants are the year's new requests', the none the whole's.)"""
    found = headlines(figures("2023年，街道办事处共收到政府信息公开申请3件，均为自然人申请，无上年结转和结转下年度的申请。",
                              2023))
    assert found == {"applications_received": 3, "applications_natural_person": 3, "applications_carried_over": 0,
                     "applications_carried_forward": 0}



def test_all_applicants_natural_persons_after_an_aside():
    """Blind round 208 (h803): 收到政府信息公开申请4件（上年2件），均为自然人申请: last year's count in brackets between
    the count and who made it hid that every application was a natural person's."""
    found = headlines(figures("全年收到政府信息公开申请4件（上年2件），均为自然人申请，全部在法定期限内答复。", 2024))
    assert found["applications_natural_person"] == 4

@pytest.mark.parametrize("space", [" ", "\u00a0", "\u2009", "\u202f", "\u3000"])
def test_a_count_whose_thousands_a_space_sets_off_is_one_number(space):
    """1 402件 (GB/T 15835's grouping): nothing was read, and 1 383件 was read as 383."""
    text = normalize(f"全年共收到政府信息公开申请1{space}402件，办结1{space}383件，主动公开政府信息12{space}846条。")
    assert headlines(figures(text)) == {"applications_received": 1402, "applications_answered": 1383,
                                        "proactive_items": 12846}


@pytest.mark.parametrize("text, total", [
    ("全年在区政府门户网站公开各类政府信息7215条，公开区政府及区政府办公室文件71件。", 7215),
    ("全年主动公开政府信息5000条。通过政务新媒体公开政府信息3000条。", 5000),  # the figure naming its kind
    ("全年依申请公开政府信息12条。", None),
    ("通过门户网站、公开栏等渠道主动公开政府信息，全年公开各类信息213条，其中财政预决算信息6条。", 213),
    ("全年公开信息213条。", None),  # information of no stated kind
    ("全年在旗人民政府门户网站发布各类政府信息4713条，其中政策文件96条。", 4713),
    ("全年在政务微博发布政府信息320条。", None),  # one channel's
])
def test_published_items_not_named_proactive_are_the_headline_when_none_is(text, total):
    """公开各类政府信息7215条 with no 主动公开 before it (the overview's, or under its heading): no headline."""
    assert headlines(figures(text, 2024)).get("proactive_items") == total


@pytest.mark.parametrize("text", [
    "2022年，共受理政府信息公开申请228件，其中本年新收216件、上年结转12件。",
    # blind round 142: the parts the other way round, parted by a comma; 228 was the headline of received
    "2022年，共受理政府信息公开申请228件，其中上年结转12件，本年新收216件，均已依法答复。",
])
def test_a_count_broken_down_into_new_and_carried_over_is_the_applications_handled(text):
    """共受理申请228件，其中本年新收216件、上年结转12件: 228 and 216 were both taken as received, no headline."""
    found = headlines(figures(text, 2022))
    assert (found["applications_received"], found["applications_handled"]) == (216, 228)


def test_a_count_a_later_sentence_splits_into_new_and_carried_over_is_the_applications_handled():
    """受理申请2,318件 in the overview, 本年新收2,265件，上年结转53件 in section 三: 2,318 was the headline of
    the applications received, and the prose disagreed with table 3's 本年新收."""
    found = headlines(figures("2023年，全年共受理政府信息公开申请2,318件，均按时答复。"
                              "三、依申请公开情况。本年新收2,265件，上年结转53件，办结2,301件。", 2023))
    assert (found["applications_received"], found["applications_handled"]) == (2265, 2318)


@pytest.mark.parametrize("text, answered", [
    ("全年共受理政府信息公开申请67件，均在法定期限内答复，其中办结64件，结转下年度继续办理3件。", 64),
    ("全年共收到申请80件，其中已办结78件，2件结转下年度办理。", 78),
    # a part of what was answered stays a part; 办结申请80件 is the answered count (the schema: 答复 / 办结)
    ("全年共办结申请80件，其中办结时限内答复75件。", 80),
])
def test_the_answered_a_received_count_splits_into_answered_and_carried_are_its_total(text, answered):
    """受理67件，其中办结64件，结转3件: 其中 parts what came in into what was answered and what goes on,
    and the 64 answered lost its headline as a part."""
    assert headlines(figures(text, 2019)).get("applications_answered") == answered


@pytest.mark.parametrize("text", ["新收申请46件，加上上年结转的2件，全年办理48件，已办结46件。",
                                  "新收申请46件，上年结转2件，共计48件。", "新收申请46件，上年结转2件，合计办理48件。"])
def test_the_years_work_after_the_carried_over_is_the_applications_handled(text):
    """加上上年结转的2件，全年办理48件 (the new and the carried over as the year's work) was not read."""
    assert headlines(figures(text, 2024)).get("applications_handled") == 48


def test_the_documents_a_clean_up_kept_are_those_in_force():
    found = headlines(figures("全面梳理政府信息公开目录，完成规范性文件清理，保留有效规范性文件38件。", 2020))
    assert found == {"normative_docs_in_force": 38}


def test_a_count_of_documents_in_force_before_their_name():
    """对现行有效的6件行政规范性文件逐件标注 (the count before the noun) was not read."""
    found = headlines(figures("完善政策文件库，对现行有效的6件行政规范性文件逐件标注有效性。", 2024))
    assert found == {"normative_docs_in_force": 6}


@pytest.mark.parametrize("text, other", [
    ("共受理申请21件，其中网上申请13件、信函及当面申请8件。", 8),
    ("共收到申请186件，其中网上申请151件、信函申请35件。", 35),
    ("自然人申请12件，法人或其他组织申请2件；网上申请5件，当面申请9件。", 9),
    ("网上申请5件，当面申请6件，信函申请3件。", None),  # two other channels: neither is the count
    # (blind round 67: the last of them was, after an aside of another year's count in the sentence)
    ("共收到申请47件(2008年5月至12月为21件),其中网上申请29件,信函申请13件,当面申请5件。", None),
    ("其中网上申请25件，其他方式申请18件（当面申请11件、信函申请7件）。", 18),  # its parts in brackets
    ("共收到申请100件（其中网上申请71件、当面及信函申请29件），上年结转5件。", 29),  # the total's parts in brackets
])
def test_applications_by_a_named_channel_other_than_online(text, other):
    """信函及当面申请8件 beside 网上申请13件 is the other channels' count; it was not read."""
    assert headlines(figures(text, 2023)).get("applications_other_channel") == other


@pytest.mark.parametrize("text, value", [("全年主动公开政府信息一万二千余条，其中疫情防控相关信息一千三百余条。", 12000),
                                         ("全年主动公开政府信息一万余条。", 10000), ("全年主动公开政府信息三千二百条。", 3200)])
def test_a_count_in_chinese_numerals_with_wan_is_read_whole(text, value):
    """一万二千余条 was read as 2000: the numerals after 万 taken alone."""
    assert headlines(figures(text, 2020)) == {"proactive_items": value}


def test_a_count_carried_forward_for_a_reason_over_a_comma():
    """2件因在法定答复期内跨年，结转至2025年继续办理 (the count, why, then where it goes) was not read."""
    text = normalize("全年共收到申请97件，已全部按期答复95件，2件因在法定答复期内跨年，结转至2025年继续办理。")
    assert headlines(figures(text, 2024)).get("applications_carried_forward") == 2
    assert "applications_carried_forward" not in headlines(figures(text.replace("2025年", "2024年"), 2024))


def test_applications_counted_in_fen():
    assert headlines(figures("本年度我局共收到各类政府信息公开申请8份。")) == {"applications_received": 8}


@pytest.mark.parametrize("text, expected", [
    ("2018年收取费用0元。", {"fees_charged_cny": 0}),
    ("全年共收取信息处理费用200元。", {"fees_charged_cny": 200}),
    ("全年政府信息公开工作无收费情况。", {"fees_charged_cny": 0}),
    ("全年累计主动公开政务信息2345条。", {"proactive_items": 2345}),  # 政务信息 is information in general
])
def test_fees_worded_as_feiyong_and_proactive_zhengwu_information(text, expected):
    assert headlines(figures(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("全年收取证照工本费等行政事业性收费125万元。", {}),  # the body's fees of every kind, not for disclosure
    ("全年收取行政事业性收费7500元，收取信息处理费1,200元。", {"fees_charged_cny": 1200}),
    ("本年度未向申请人收取信息处理费。", {"fees_charged_cny": 0}),
    ("本年度未收取信息处理费（2023年收取信息处理费150元）。", {"fees_charged_cny": 0}),  # the bracket's own year
    ("收到申请30件（含2023年结转2件）。", {"applications_handled": 30, "applications_carried_over": 2}),
])
def test_the_disclosure_fee_is_neither_another_fee_nor_another_year_s(text, expected):
    assert headlines(figures(text, 2024)) == expected


@pytest.mark.parametrize("text", ["全面推行“一件事一次办”，受理申请一件事集成服务事项。", "答复申请人一件一档，规范办理。",
                                  "主动公开为民办十件实事进展情况信息。"])
def test_a_chinese_numeral_inside_a_slogan_is_no_count(text):
    """一件事一次办 (a reform's slogan) read as one application received, with Chinese numerals."""
    assert figures(text) == []


@pytest.mark.parametrize("row, key, value", [
    ("三、因政府信息公开申请行政复议数\t件\t2", "admin_review_cases", 2),
    ("四、因政府信息公开提起行政诉讼数\t件\t1", "litigation_cases", 1),
    ("四、因政府信息公开申请提起行政诉讼数\t件\t0", "litigation_cases", 0),
])
def test_the_old_statistics_table_s_own_review_and_litigation_rows(row, key, value):
    """The pre-2019 statistics form words its rows 因政府信息公开…数: they were not read as figures."""
    from builder.extraction.narrative import table_figures

    assert [(f.key, f.value) for f in table_figures([row])] == [(key, value)]


@pytest.mark.parametrize("text", ["二、上年结转政府信息公开申请数量1件0件1件0件0件0件2件",
                                  "四、结转下年度继续办理1件 0件 1件 0件 0件 0件 2件"])
def test_a_table_row_read_as_text_gives_no_headline(text):
    """A table 3 row whose counts carry 件, in text without cell borders, is prose to the reader of
    sentences: its first cell (a natural person's 1) was the year's headline of 2 carried over."""
    found = figures(text)
    assert found and not any(f.headline for f in found)


@pytest.mark.parametrize("text, total", [
    ("（一）主动公开全年在厅门户网站主动公开政府信息2764条。", 2764),
    ("（一）主动公开全年通过区政府门户网站、政府信息公开专栏、“南海发布”政务新媒体等渠道主动公开政府信息23647条。", 23647),
    ("一、主动公开情况全年主动公开政府信息318条，其中政策文件21条。", 318),
])
def test_a_heading_run_into_its_first_sentence_is_no_sub_category(text, total):
    """A web page prints the heading (（一）主动公开) and its first sentence in one paragraph: the
    words between the heading's 主动公开 and the sentence's 信息 read as a sub-category."""
    assert headlines(figures(text))["proactive_items"] == total


@pytest.mark.parametrize("text, review, litigation", [
    ("全年发生政府信息公开行政复议2件，其中维持1件、纠正1件。全年有1件行政复议被纠正。", 2, None),
    ("全年共发生行政复议案件5件、行政诉讼案件4件。有1件行政复议案件被撤销，2起行政诉讼败诉。", 5, 4),
    ("全年引发行政复议5件、行政诉讼4件，其中行政复议已全部审结，行政诉讼1件尚未审结。", 5, 4),
    ("全年引发行政复议5件、行政诉讼案件4件，行政诉讼2件审理中。", 5, 4),
])
def test_the_cases_of_one_outcome_are_no_headline(text, review, litigation):
    """全年有1件行政复议被纠正 counts the cases that ended so (行政诉讼1件尚未审结, those not ended yet):
    beside the year's 2 it left no headline."""
    assert headlines(figures(text))["admin_review_cases"] == review
    assert headlines(figures(text)).get("litigation_cases") == litigation


@pytest.mark.parametrize("text, key, total", [
    ("2022年，市人民政府（含市政府办公室）共新收政府信息公开申请302件。", "applications_received", 302),
    ("2019年，我局（含原区国土资源局）共收到政府信息公开申请12件，其中原区国土资源局收到3件。",
     "applications_received", 12),
    ("全年主动公开政府信息1000条（含政府采购信息96条）。", "proactive_items", 1000),
])
def test_what_a_total_includes_in_brackets_before_it_leaves_it_a_total(text, key, total):
    """（含…） closed before the number says what the total includes; only a figure inside it is a part."""
    assert headlines(figures(text, _year(text)))[key] == total


def _year(text: str) -> int:
    return int(m.group()) if (m := re.search(r"20\d\d", text)) else 2022


@pytest.mark.parametrize("text, key, total", [
    ("全年主动公开政府信息512条。从全市层面看，据《湖州市人民政府2022年政府信息公开工作年度报告》，"
     "全年主动公开政府信息9,860条，行政诉讼19件。未发生政府信息公开行政诉讼案件。", "litigation_cases", 0),
    ("2021年，双塔街道共收到政府信息公开申请4件。据姑苏区政务公开办公室通报，2021年全区共收到政府信息公开申请57件。",
     "applications_received", 4),
    ("据统计，2022年共收到政府信息公开申请4件。", "applications_received", 4),
    ("全市因政府信息公开引发的行政复议案件共16件。市司法局全年共办理各类行政复议案件1083件。", "admin_review_cases", 16),
    ("2022年共新收政府信息公开申请23件。另据统计，全市生态环境系统（含各区县分局）共收到政府信息公开申请61件。",
     "applications_received", 23),
    ("2021年，历下区人民政府因政府信息公开被申请行政复议4件、被提起行政诉讼3件。行政复议体制改革后，区人民政府统一行使"
     "行政复议职责，全年作为复议机关办理政府信息公开类行政复议案件16件，按被申请人统计如下：", "admin_review_cases", 4),
    ("2021年，区政府本级新收政府信息公开申请52件，上年结转2件。全区各级行政机关共新收政府信息公开申请1,354件，上年结转29件。",
     "applications_carried_over", 2),
    ("全年涉及政府信息公开的行政复议、行政诉讼案件共计101件。全年发生政府信息公开行政复议62件、行政诉讼39件。",
     "litigation_cases", 39),
])
def test_another_body_s_figures_quoted_in_a_report_are_no_headline(text, key, total):
    """A department quoting its city's report (据《…年度报告》), a street its district's (据…通报), a city
    the reviews of every kind its 司法局 handled, a government the reviews it decided as the review
    body, reviews and suits counted together: none is the report's own total."""
    assert headlines(figures(text, _year(text)))[key] == total


@pytest.mark.parametrize("text, key, total", [
    ("全年发生1起因政府信息公开引发的行政复议案件，复议结果为纠正。", "admin_review_cases", 1),
    ("本年度共有2件因政府信息公开工作引起的行政诉讼。", "litigation_cases", 2),
    ("全年发生3起涉及政府信息公开的行政复议。", "admin_review_cases", 3),
])
def test_a_count_of_cases_with_their_cause_between_is_read(text, key, total):
    """1起因政府信息公开引发的行政复议案件: the cause between the count and the cases hid the count."""
    assert headlines(figures(text))[key] == total


def test_the_figure_an_erratum_corrects_is_never_the_headline():
    """A report republished with its 更正说明: the figure first printed is superseded, the corrected
    one agrees with the body, and is the headline (the two disagreed: no headline at all)."""
    found = figures("更正说明：“一、总体情况”中“全年共收到政府信息公开申请50件”更正为“全年共收到政府信息公开申请59件”。"
                    "2018年，区政府办公室全年共收到政府信息公开申请59件，上年结转2件。")
    assert [(f.value, f.context) for f in found if f.key == "applications_received"] == [
        (50, "superseded"), (59, ""), (59, "")]
    assert headlines(found)["applications_received"] == 59


def test_a_reviews_outcome_and_the_next_count_are_no_answered_applications():
    """维持原答复）、行政诉讼1件: the 1 was read as the applications answered, and narr.applications failed."""
    found = figures("2018年，因政府信息公开引发行政复议2件（均维持原答复）、行政诉讼1件（尚未审结）。")
    assert [f for f in found if f.key == "applications_answered"] == []


def test_a_clause_opening_with_quannian_is_the_reports_year():
    found = figures("2018年，收到申请93件，加上2017年结转的3件，全年办结96件，4件结转至2019年继续办理。")
    assert headlines(found)["applications_answered"] == 96
    assert headlines(figures("2017年，全年收到政府信息公开申请11件。")) == {}


PICTURED_TABLES = """遵义市红花岗区人民政府2023年政府信息公开工作年度报告
一、总体情况
2023年，红花岗区人民政府共主动公开政府信息3120条，收到政府信息公开申请58件。
二、主动公开政府信息情况
[图片]
三、收到和处理政府信息公开申请情况
[图片]
四、政府信息公开行政复议、行政诉讼情况
[图片]
五、存在的主要问题及改进情况
信息发布的及时性有待提高。
"""


def test_a_report_under_the_form_s_headings_with_its_tables_as_pictures_uses_the_form():
    """The headings of tables 3 and 4 are the 2019 form's own; the year tells which form, and with
    no cell to check the badge says there is no table to check."""
    report = extract_bytes(PICTURED_TABLES.encode(), "honghuagang2023.txt")
    check_report(report)
    assert (report.template, report.template_source) == ("gov-2021", "year")
    assert all(c.status == "missing" for c in report.cells.values())
    assert report.badge == "无表格"
    older = extract_bytes(PICTURED_TABLES.replace("2023", "2018").encode(), "honghuagang2018.txt")
    assert older.template == "pre-2019"  # headings a report before the form cannot have followed


def test_a_page_of_a_report_citing_the_form_s_notice_uses_the_form():
    """Page 1 of a report a portal splits over four: its preface, citing the notice that prescribed the 2021 form
    (国办公开办函〔2021〕30号), and its overview; none of the form's tables or their headings. It was read as a
    report before the form (pre-2019), and meta.template_year failed on it."""
    page = ("武汉市江汉区人民政府2023年政府信息公开工作年度报告\n本报告依据《中华人民共和国政府信息公开条例》和《国务院办公厅"
            "政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕"
            "30号）编制。\n一、总体情况\n2023年，江汉区共收到政府信息公开申请126件，均按期答复。\n（一）主动公开\n"
            "全年主动公开政府信息3120条。\n（二）依申请公开\n办结124件，结转下年度2件。\n第1页 2 3 4 下一页")
    report = extract_bytes(page.encode(), "t20240126_2345678.txt")
    assert report.template == "gov-2021"
    assert extract_bytes(page.replace("2023", "2018").encode(), "page.txt").template == "pre-2019"


@pytest.mark.parametrize(("text", "expected"), [
    # the year carried over from is the year before; carried forward to, the year after
    ("加上2021年结转的47件，全年共需办理1233件，已办结1175件，其余58件因尚在法定答复期限内，结转至2023年继续办理。",
     {"applications_carried_over": 47, "applications_handled": 1233, "applications_answered": 1175,
      "applications_carried_forward": 58}),
    ("另有2021年结转申请14件。全年共办结363件，7件结转至2023年继续办理。",
     {"applications_carried_over": 14, "applications_answered": 363, "applications_carried_forward": 7}),
    ("办结226件，结转至2023年继续办理16件。", {"applications_answered": 226, "applications_carried_forward": 16}),
    ("办结226件，结转2023年继续办理16件。", {"applications_answered": 226, "applications_carried_forward": 16}),
    ("区政府本级收到政府信息公开申请35件；另有原梅列区人民政府受理、结转至本年度办理的申请2件。",
     {"applications_received": 35, "applications_carried_over": 2}),
    ("加上结转2021年的申请5件，全年办结226件。", {"applications_answered": 226}),  # from the year before: not forward
    ("截至年底已办结二百零五件，八件因在法定期限内尚未答复结转至下一年度继续办理。",
     {"applications_answered": 205, "applications_carried_forward": 8}),
    # a year in a bracket closed before the figure is an aside, not what the figure is about
    ("2022年共收到政府信息公开申请62件，同比下降28.7%（2021年为87件），已办结61件，1件结转下年度办理。",
     {"applications_received": 62, "applications_answered": 61, "applications_carried_forward": 1}),
    # a count of applications including last year's is the applications handled
    ("我厅共收到政府信息公开申请1,027件（含上年结转36件），办结1,013件。",
     {"applications_handled": 1027, "applications_carried_over": 36, "applications_answered": 1013}),
    ("共办理依申请公开件28件，其中新收25件、上年结转3件。",
     {"applications_handled": 28, "applications_received": 25, "applications_carried_over": 3}),
    ("其中，通过网上申请平台提交301件，信函申请48件。", {"applications_online": 301, "applications_other_channel": 48}),
    # the year's count after a comparison with last year's; the sum with last year's carried over
    ("2022年，我局受理政府信息公开申请数量较上年的37件增长62.2%，达到60件。", {"applications_received": 60}),
    ("全年新收政府信息公开申请126件（2021年：98件），上年结转9件，共计135件。",
     {"applications_received": 126, "applications_carried_over": 9, "applications_handled": 135}),
    # applicants by type where the text breaks them down
    ("全年新收政府信息公开申请14件，其中自然人8件、企业5件、律师事务所1件。",
     {"applications_received": 14, "applications_natural_person": 8, "applications_commercial_enterprise": 5,
      "applications_legal_service_org": 1}),
])
def test_carried_applications_and_their_years_channels_and_applicants(text, expected):
    assert headlines(figures(text, year=2022)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # another year's carry, a review's outcome, the breakdown of the answers, every level of the province
    ("2020年结转申请3件，已办结。", {}),
    ("全年办结40件，5件结转至2024年办理。", {"applications_answered": 40}),
    ("全区已答复409件。被提起行政复议7件，其中维持原具体行政行为5件，责令重新答复2件。",
     {"applications_answered": 409, "admin_review_cases": 7}),
    ("已答复182件，答复中“同意公开”95件。", {"applications_answered": 182}),
    ("全省各级自然资源主管部门共收到政府信息公开申请2.3万余件。本厅共收到政府信息公开申请356件。",
     {"applications_received": 356}),
    ("企业开办申请15件全部办结。", {}),  # applicant types only beside 自然人 or 法人
    # another process: letters to an official's mailbox, a count the text says is none of the disclosure's
    ("全年在“区长信箱”受理群众来信412件，办结409件。截至12月31日，已答复45件。", {"applications_answered": 45}),
    ("市政务服务中心窗口全年受理审批申请215件（该数据不属于政府信息公开申请）。全年共收到政府信息公开申请37件。",
     {"applications_received": 37}),
])
def test_figures_that_are_not_the_report_s_own_totals(text, expected):
    assert headlines(figures(text, year=2022)) == expected


def test_a_figure_for_every_level_of_a_region_is_its_government_s_only_before_the_form():
    """全区各级行政机关共受理…: a government's report before 2019 spoke for all of them; since the form, its
    tables (and so its totals) are its own, and a department's never were all levels'."""
    text = "全区各级行政机关共受理政府信息公开申请47件。区人民政府本年新收政府信息公开申请11件。"
    assert headlines(figures(text, year=2022)) == {"applications_received": 11}
    other = ("市政府（含市政府办公厅）共收到政府信息公开申请1,287件。"
             "全市各区（市）县政府及市级部门共受理政府信息公开申请23,516件。")
    assert headlines(figures(other, year=2022)) == {"applications_received": 1287}
    assert headlines(find_figures(sentences(text.split("\n")), 2017, all_levels=True)) == {"applications_received": 47}


@pytest.mark.parametrize(("text", "expected"), [
    ("2022年共收到政府信息公开申请103件，较2021年的88件增长17%，另有上年结转申请5件。",
     {"applications_received": 103, "applications_carried_over": 5}),
    ("受理的23件申请已全部按期答复，其中同意公开12件。", {"applications_answered": 23}),
])
def test_a_year_compared_with_governs_nothing_after_it_and_answers_stated_of_the_applications(text, expected):
    assert headlines(figures(text, year=2022)) == expected


WRAPPED_TITLE = """海宁市人民政府2018年政府信息公开工作年度报
告
本报告由海宁市人民政府办公室编制。本报告中所列数据的统计期限自2018年1月1日起至2018年12月31日止。
一、概述
2018年，我市深入推进政府信息公开工作。
二、主动公开政府信息情况
2018年，全市主动公开政府信息24617条。
三、依申请公开政府信息情况
2018年，全市共受理政府信息公开申请186件。
四、因政府信息公开申请行政复议、提起行政诉讼的情况
2018年，全市发生政府信息公开行政复议2件。
"""


def test_a_report_whose_title_s_last_word_wraps_onto_the_next_line_is_a_report():
    """…年度报 / 告: a PDF wrapped the title's last character, and the report was rejected as none."""
    report = extract_bytes(WRAPPED_TITLE.encode(), "haining2018.txt")
    assert (report.agency.name, report.year, report.template) == ("海宁市人民政府", 2018, "pre-2019")
    assert headlines(report.narrative)["applications_received"] == 186


@pytest.mark.parametrize("text", ["全县主动公开政府信息l2846条。", "全县主动公开政府信息2846l条。",
                                  "共受理政府信息公开申请4 2件。", "共受理政府信息公开申请2O17件。"])
def test_a_count_ocr_misread_is_kept_but_never_a_headline(text):
    """l2846条 was read as 2846, 4 2件 as 2: a letter OCR reads a digit as, or a digit spaced off, beside it."""
    found = figures(text, year=2017)
    assert all(f.context == "misread" for f in found) and not headlines(found)


@pytest.mark.parametrize(("text", "expected"), [
    ("开展行政规范性文件清理，本年制发3件，废止5件，现行有效21件。",
     {"normative_docs_issued": 3, "normative_docs_in_force": 21}),
    ("本年新制作规范性文件4件。", {"normative_docs_issued": 4}),
    ("全年未制发行政规范性文件。", {"normative_docs_issued": 0}),
    ("对2017年以来制发的规范性文件开展全面清理，废止3件，截至年底，现行有效行政规范性文件47件。",
     {"normative_docs_in_force": 47}),
    ("共收到申请475件，其中网上提交412件，通过信函、当面等其他渠道提交63件。",
     {"applications_received": 475, "applications_online": 412, "applications_other_channel": 63}),
    ("全年收到申请20件，其中自然人15件、企业4件、其他组织1件。",
     {"applications_received": 20, "applications_natural_person": 15, "applications_commercial_enterprise": 4,
      "applications_other_org": 1}),
    ("其中公民申请126件，法人申请5件。", {"applications_natural_person": 126}),
    # the kind of application named after who made it (blind round 159): each was missed
    ("全年收到自然人提出的政府信息公开申请3件，商业企业提出的政府信息公开申请1件，均在法定期限内予以答复。",
     {"applications_natural_person": 3, "applications_commercial_enterprise": 1}),
    ("公民、法人申请共5件。", {}),
    ("依托政府信息公开专栏发布信息，全年不动产登记窗口受理各类登记申请52.6万件。", {}),
    # (blind round 169: an education bureau's student aid, read as the year's requests)
    ("全年共受理学生资助申请3415件，发放各类资助资金2687.5万元。", {}),
])
def test_documents_channels_and_applicants_as_reports_word_them(text, expected):
    assert headlines(figures(text, year=2022)) == expected


@pytest.mark.parametrize("text", ["2021年市政府办公室收到政府信息公开申请31件，2022年收到45件，全部按期答复。",
                                  "2021年受理政府信息公开申请31件，而2022年共受理45件。"])
def test_the_year_s_count_after_another_year_s_with_its_noun_left_out(text):
    """Blind round 160: 2021年…收到政府信息公开申请31件，2022年收到45件: the year's count names no application, and was
    missed (the headline None, only 2021's 31 found)."""
    found = figures(text, year=2022)
    assert headlines(found)["applications_received"] == 45
    assert [f.value for f in found if f.key == "applications_received" and f.context == "other_year"] == [31]


@pytest.mark.parametrize("text, answered", [
    ("2022年，街道共收到政府信息公开申请8件，全部在法定期限内办结，无结转下年度的申请。", 8),
    ("2022年，我局全年共受理政府信息公开申请9件（含2021年结转1件），已全部办结。", 9),
    ("全年共收到政府信息公开申请14件，均已按时答复。", 14),
    # not when the report counts the answered itself, or carries some forward, or says nothing of answering
    ("全年共收到政府信息公开申请14件，答复12件，均已按时答复。", 12),
    ("全年共收到政府信息公开申请14件，均已按时答复，结转下年度2件。", None),
    ("全年共收到政府信息公开申请14件，均为自然人申请。", None),
])
def test_applications_all_answered_are_the_answered(text, answered):
    """Blind rounds 159-160: 收到申请8件，全部在法定期限内办结 states the answered without repeating the count, as six
    sets' reports did; the key was missed."""
    assert headlines(figures(text, year=2022)).get("applications_answered") == answered


def test_a_round_figure_gives_way_to_the_count():
    """共受理政府信息公开申请200余件 in the overview, 新收213件 further on: 200 was the headline, and the
    check against table 3 failed."""
    found = figures("全年主动公开各类政府信息1.5万余条，共受理政府信息公开申请200余件。\n"
                    "本年新收政府信息公开申请213件。", year=2023)
    assert headlines(found)["applications_received"] == 213
    assert headlines(figures("全年共受理政府信息公开申请200余件。", year=2023))["applications_received"] == 200


def test_a_running_total_since_the_regulation_is_no_headline():
    """自2008年5月1日《条例》施行至2021年底，累计…: the years since, not 2021's."""
    found = figures("自2008年5月1日《条例》施行至2021年底，南海区累计主动公开政府信息21.6万条、累计受理政府信息公开申请3,417件。"
                    "2021年，区政府主动公开政府信息18,904条。2021年，区政府收到政府信息公开申请287件。", year=2021)
    assert headlines(found) == {"proactive_items": 18904, "applications_received": 287}


def test_a_wider_scope_set_before_a_semicolon_holds_for_the_clause_after_it():
    """全市各级行政机关…412件；因政府信息公开引发行政复议15件: the city's cases, not the office's 2."""
    found = figures("全市各级行政机关全年共收到政府信息公开申请412件，同比下降8.2%；因政府信息公开引发行政复议15件、"
                    "行政诉讼6件。2022年，市政府办公室因政府信息公开被申请行政复议2件；未被提起行政诉讼。", year=2022)
    assert headlines(found) == {"admin_review_cases": 2, "litigation_cases": 0}


def test_the_documents_in_force_after_those_issued_and_repealed():
    found = figures("全年制发行政规范性文件7件，废止3件，现行有效52件。", year=2023)
    assert headlines(found) == {"normative_docs_issued": 7, "normative_docs_in_force": 52}


def test_a_province_s_service_portal_is_no_other_process():
    """其中通过浙江政务服务网在线申请九件: the channel, not the 政务服务 of approvals."""
    found = figures("全年共收到政府信息公开申请十二件，其中通过浙江政务服务网在线申请九件、信函申请三件。", year=2022)
    assert headlines(found)["applications_online"] == 9


def test_a_paragraph_laid_out_as_a_spreadsheet_row_is_prose():
    """A report made in a spreadsheet: each paragraph one row, its other cells empty. Its figures were
    never read (rows with tabs are the tables'); a row of the table itself stays no prose."""
    lines = ["(二)依申请公开情况。全年共受理政府信息公开申请308件,其中自然人申请266件;上年结转10件。\t\t\t\t\t\t",
             "| 一、本年新收政府信息公开申请数量 | 266 | 32 | 0 | 1 | 6 | 3 | 308 |",
             "\t(七)总计\t\t\t\t\t\t\t\t"]
    found = find_figures(sentences(lines), 2021)
    assert headlines(found)["applications_received"] == 308
    assert [s for s in sentences(lines) if "总计" in s or "本年新收政府信息公开申请数量" in s] == []


@pytest.mark.parametrize("count", [False, True])
def test_an_overview_laid_out_as_a_table_of_topics_is_prose(count):
    """Blind round 206 (一、总体情况 as a table: 工作事项 | 情况说明, or 指标 | 数量 | 说明): each topic's paragraph in
    the row's last cell beside its name (and a count) was no prose, and no headline was read. A table's row whose long
    label holds no full stop stays no prose."""
    rows = [("主动公开", "1,234条", "全年主动公开政府信息1,234条，其中政策文件137条、政策解读30条。"),
            ("依申请公开", "56件", "全年共收到政府信息公开申请56件，上年结转2件，办结55件，结转下年度3件。"),
            ("行政复议和行政诉讼", "1件/1件", "全年因政府信息公开引发行政复议1件、行政诉讼1件。")]
    lines = ["工作事项\t情况说明", *("\t".join((name, amount, text) if count else (name, text)) for name, amount, text in rows),
             "一、本年新收政府信息公开申请数量\t46\t10\t0\t0\t0\t0\t56"]
    assert headlines(find_figures(sentences(lines), 2023)) == {
        "proactive_items": 1234, "applications_received": 56, "applications_carried_over": 2,
        "applications_answered": 55, "applications_carried_forward": 3, "admin_review_cases": 1, "litigation_cases": 1}


def test_a_short_paragraph_alone_in_its_spreadsheet_row_is_prose():
    """Blind round 137 (office files as web systems export them): 2021年，我厅未收取信息处理费。 alone in its row, shorter
    than a paragraph a row usually holds, was no prose, and the fee stated was not read."""
    lines = ["2021年，我厅未收取信息处理费。" + "\t" * 14, "\t合计。\t\t"]
    assert headlines(find_figures(sentences(lines), 2021)) == {"fees_charged_cny": 0}


@pytest.mark.parametrize("text, expected", [
    ("2023年共收到政府信息公开申请246件。其中，自然人、法人或其他组织分别为221件、25件；网上申请、信函申请、当面申请分别为187件、"
     "41件、18件。", {"applications_received": 246, "applications_natural_person": 221, "applications_online": 187}),
    ("2023年，区政府行政复议、行政诉讼案件分别为15件、9件，同比分别增加2件、减少1件。",
     {"admin_review_cases": 15, "litigation_cases": 9}),
    ("2022年、2023年，我局分别收到政府信息公开申请58件、71件，2023年同比增长22.4%。", {"applications_received": 71}),
    # counts with thousands commas (2,876件、3,104件: two counts, not four)
    ("2022年、2023年市政府分别收到政府信息公开申请2,876件、3,104件，同比增长7.9%。", {"applications_received": 3104}),
    # as many names as counts, or nothing is paired
    ("全区各部门、各镇（街道）涉及政府信息公开的行政复议、行政诉讼案件分别为43件、27件。", {}),
])
def test_names_and_counts_paired_by_fenbie_are_read_as_pairs(text, expected):
    """自然人、法人或其他组织分别为221件、25件: the counts of a list, in its order; each was missed, and a
    year's list (2022年、2023年…分别…58件、71件) gave last year's count as this year's."""
    assert headlines(figures(text, 2023)) == expected


@pytest.mark.parametrize("text, expected", [
    # a count to a day before the year's end, and the clauses after it: part of the year
    ("截至2023年11月底，区政府共收到政府信息公开申请118件，办结113件；涉及政府信息公开的行政复议3件、行政诉讼2件。"
     "全年共收到政府信息公开申请131件。12月份收到申请13件。", {"applications_received": 131}),
    ("截至2023年12月31日，共收到政府信息公开申请131件。", {"applications_received": 131}),
    ("2023年1-12月份共收到政府信息公开申请131件。", {"applications_received": 131}),
    # a count corrected where it stands
    ("2023年，我局共收到政府信息公开申请16件（更正：应为18件），其中网上申请11件。",
     {"applications_received": 18, "applications_online": 11}),
])
def test_counts_to_a_day_before_the_year_s_end_or_corrected_where_they_stand(text, expected):
    assert headlines(figures(text, 2023)) == expected


@pytest.mark.parametrize("rows, year, expected", [
    # a column per year, the report's first, last year's beside it
    (["序号\t指 标 名 称\t单位\t2009年\t2008年（5-12月）", "\t（一）主动公开政府信息数\t条\t3128\t1921",
      "\t（二）对申请的答复数\t件\t41\t18"], 2009, [("proactive_items", 3128), ("applications_answered", 41)]),
    (["指标\t单位\t上年\t本年", "（一）收到申请数\t件\t18\t41"], 2009, [("applications_received", 41)]),
    # each count's share beside it; 其中 naming a part by its nature
    (["网络申请\t112\t52.1%", "其中：公民申请\t196\t91.2%", "其中：主动公开规范性文件数\t条\t19"], 2013,
     [("applications_online", 112), ("applications_natural_person", 196)]),
    # the region's and the government's own columns, the same count in each
    (["|  网络申请  |件  |0  |0  |"], 2008, [("applications_online", 0)]),
    # a two-column table whose value cells say more after their counts
    (["二、收到政府信息公开申请\t58件（2014年：41件）", "三、申请办结\t58件，其中按时办结56件", "五、行政复议\t2件（维持1件）",
      "八、依申请公开信息收取的费用\t0元", "制发规范性文件\t9件"], 2015,
     [("applications_received", 58), ("applications_answered", 58), ("admin_review_cases", 2),
      ("fees_charged_cny", 0), ("normative_docs_issued", 9)]),
    # a row crawled a cell a line
    (["（一）主动公开政府信息数", "条", "12716", "其中：主动公开规范性文件数", "条", "19", "（一）收到申请数", "23"], 2014,
     [("proactive_items", 12716), ("applications_received", 23)]),
])
def test_statistics_tables_of_other_shapes(rows, year, expected):
    """The old statistics tables as provinces printed them: their rows were skipped (two columns of numbers, a
    share beside each count, counts inside sentences) or never joined (crawled a cell a line)."""
    from builder.extraction.narrative import table_figures

    assert [(f.key, f.value) for f in table_figures(rows, year)] == expected


def test_a_count_in_ten_thousands_is_its_round_number_and_a_channel_s_count_no_total():
    """主动公开政府信息数 | 万条 | 8.64 was read as 8.64 items; then 通过政府公报公开政府信息1136条 (one channel's
    count, not naming 主动公开) outranked the round figure and was the year's headline."""
    text = ("襄阳市人民政府2016年政府信息公开工作年度报告\n一、概述\n2016年，全市政府信息公开工作有序推进。\n"
            "二、主动公开政府信息情况\n2016年，全市共主动公开政府信息8.64万条。"
            "从公开渠道看，通过政府公报公开政府信息1136条，通过政府网站公开61254条。\n"
            "三、依申请公开政府信息情况\n全年收到申请331件。\n附表\n"
            "（一）主动公开政府信息数\t万条\t8.64\n（二）收到申请数\t件\t331\n")
    report = extract_bytes(text.encode(), "t.txt")
    assert report.template == "pre-2019"
    assert headlines(report.narrative)["proactive_items"] == 86400


@pytest.mark.parametrize("text, year, expected", [
    ("2015年，因政府信息公开申请被提起行政复议案7件，行政诉讼案3件。", 2015, {"admin_review_cases": 7, "litigation_cases": 3}),
    ("2011年，全区共主动公开政府信息4千余条，比上年增长约三成。", 2011, {"proactive_items": 4000}),
    ("全年办结61件；另有2件于2017年12月下旬受理，尚在法定答复期限内，结转至2018年办理。", 2017,
     {"applications_answered": 61, "applications_carried_forward": 2}),
    ("其中按时办结270件，延期办结4件。", 2017, {}),  # parts of what was answered
    ("答复情况为：属于已主动公开范围的23件，同意公开的96件。", 2017, {}),  # a breakdown of the answers
    ("（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）条4327", 2016, {}),  # a crawled row's counting rule
])
def test_more_ways_of_stating_the_year_s_counts(text, year, expected):
    """行政复议案7件, 4千余条, a carried count whose clause names a date before the year it goes to; and three
    figures that are no totals: 延期办结 (a part), 答复情况为 (a breakdown), 计1条 (a row's counting rule)."""
    found = figures(text, year)
    assert headlines(found) == expected
    assert not any(f.key == "proactive_items" and f.value == 1 for f in found)


def test_a_statistics_row_with_its_unit_in_brackets_under_last_and_this_year():
    from builder.extraction.narrative import table_figures

    rows = ["项 目\t上年数\t本年数", "答复申请（件）\t98\t127", "主动公开政府信息数（条）\t2104\t2587"]
    assert [(f.key, f.value) for f in table_figures(rows, 2011)] == [("applications_answered", 127),
                                                                     ("proactive_items", 2587)]


def test_a_statistics_cell_of_thousands_of_digits_is_no_figure_and_no_error():
    """int() refuses more than 4,300 digits: a hostile cell of 5,000 made the whole file an internal error."""
    from builder.extraction.narrative import table_figures

    found = table_figures(["行政复议\t" + "9" * 5000 + "件（维持1件）", "行政诉讼\t件\t" + "9" * 5000, "项 目\t上年数\t本年数",
                           "答复申请（件）\t" + "9" * 5000 + "\t1"], 2011)
    assert [(f.key, f.value) for f in found] == [("applications_answered", 1)]  # this year's column


@pytest.mark.parametrize("text", ["全年因政府信息公开引发行政复议7件、行政诉讼5件，较上年（行政复议11件、行政诉讼4件）均有变化。",
                                  "全年因政府信息公开引发行政复议7件（上年11件）、行政诉讼5件（上年4件）。"])
def test_last_year_s_figures_in_a_bracket_are_not_the_year_s(text):
    """较上年（行政复议11件、…）: the bracket holds last year's; 行政复议7件（上年11件）、行政诉讼5件: the 上年 of a
    bracket closed before a figure is not the figure's. Either way no headline was chosen, or the wrong one."""
    found = figures(text, 2023)
    assert {k: v for k, v in headlines(found).items() if k in ("admin_review_cases", "litigation_cases")} == \
        {"admin_review_cases": 7, "litigation_cases": 5}


def test_an_erratum_s_quotation_of_what_it_replaced_is_superseded():
    text = ("更正说明：“四、结转下年度继续办理”总计栏由“12”更正为“3”。正文相关表述同步更正（原为“办结80件，结转下年度12件”）。\n"
            "全年办结89件，结转下年度继续办理3件。")
    assert headlines(figures(text, 2022))["applications_carried_forward"] == 3


def test_carried_over_with_last_year_named_in_a_bracket():
    assert headlines(figures("区政府共收到政府信息公开申请56件，上年（二O二O年）结转2件，办结56件。", 2021))[
        "applications_carried_over"] == 2


@pytest.mark.parametrize("sentence, value", [
    ("主动公开行政许可、行政处罚、监管动态、风险提示等信息共计486条。其中公开行政许可批复信息412条。", 486),
    ("主动公开金融政策解读、行政许可和行政处罚信息、金融统计数据等信息112条。", 112),
    # the kinds listed at length, more than thirty characters before 信息
    ("全年主动公开交通管理政策法规、交通管制及出行提示、事故多发路段、“两客一危一货”重点车辆及驾驶人安全隐患等"
     "信息3641条。", 3641),
])
def test_proactive_items_listing_their_kinds_then_deng_are_the_total(sentence, value):
    """主动公开A、B、C等信息N条 names every kind, then 等: the year's total, not a part (政府采购信息96条)."""
    assert headlines(figures(sentence, 2023))["proactive_items"] == value


def test_proactive_items_added_listing_their_kinds_are_a_part():
    text = "全年主动公开政府信息37,459条。全年新增主动公开征收补偿方案、安置房分配结果等信息1129条。"
    assert headlines(figures(text, 2023))["proactive_items"] == 37459


@pytest.mark.parametrize("owner", ["区政府", "市人民政府", "省政府办公厅", "本级"])
def test_normative_documents_named_with_their_owner_are_counted(owner):
    """制发区政府行政规范性文件12件，废止7件，现行有效86件: whose documents stood between the verb and 规范性文件,
    and neither count was found."""
    found = headlines(figures(f"2023年，制发{owner}行政规范性文件12件，废止7件，现行有效86件。", 2023))
    assert (found["normative_docs_issued"], found["normative_docs_in_force"]) == (12, 86)


@pytest.mark.parametrize(("text", "key", "expected"), [
    ("全年制定（修订）行政规范性文件5件。", "normative_docs_issued", 5),
    ("全年清理行政规范性文件，宣布废止6件、继续有效29件。", "normative_docs_in_force", 29),
    ("发布镇政府规范性文件〇件，现行有效规范性文件二件。", "normative_docs_issued", 0),
])
def test_normative_documents_revised_kept_by_a_clean_up_or_a_township_s_are_counted(text, key, expected):
    """Blind round 178: 制定（修订） (the revised counted with the new), a clean-up's 继续有效 (what it kept in force) and a
    township's 镇政府规范性文件 (its owner named): none was found."""
    assert headlines(figures(text, 2024))[key] == expected


@pytest.mark.parametrize("verb", ["制发并公开", "制定并发布", "印发并备案"])
def test_normative_documents_made_and_published_are_counted(verb):
    """全年制发并公开规范性文件4件: the second verb stood between the first and the documents."""
    assert headlines(figures(f"2018年，全年{verb}规范性文件4件。", 2018))["normative_docs_issued"] == 4


def test_every_body_of_a_kind_in_the_province_is_not_the_department_s_scope():
    """全省公安机关共受理…6,218件，办理…行政复议案件216件: every police body of the province, beside the
    department's own (省公安厅共收到…462件): the province's figures were taken for its headlines."""
    text = ("全省公安机关共受理政府信息公开申请6,218件，办理涉及政府信息公开的行政复议案件216件、行政诉讼案件133件。"
            "2022年，省公安厅共收到政府信息公开申请462件。以省公安厅为被申请人的政府信息公开行政复议案件38件。"
            "以省公安厅为被告的政府信息公开行政诉讼案件21件。")
    found = headlines(figures(text, 2022))
    assert (found["applications_received"], found["admin_review_cases"], found["litigation_cases"]) == (462, 38, 21)


@pytest.mark.parametrize("text, expected", [
    # deputies' proposals answered are no applications answered
    ("全年办结1,094件。全年接收省人大代表建议58件、省政协提案91件，全部按时办结并公开答复全文128件。",
     {"applications_answered": 1094}),
    # a channel's count in a sentence of its own, 提交 its only verb
    ("全年共收到政府信息公开申请439件。通过网络在线提交375件，通过信函提交64件。",
     {"applications_received": 439, "applications_online": 375, "applications_other_channel": 64}),
    # whose information, the government and its office: the body's own total
    ("全年通过市政府门户网站主动公开市政府及市政府办公厅政府信息5,216条。全市各区、各部门全年主动公开政府信息21.7万条。",
     {"proactive_items": 5216}),
    ("2018年，区政府及区政府办公室发布规范性文件9件。", {"normative_docs_issued": 9}),
    # another process named as the sentence's subject, its count in a later clause
    # those carried over, answered: a part
    ("全年新收政府信息公开申请203件，2020年度结转的9件申请已全部办结。全年共办结204件。",
     {"applications_received": 203, "applications_answered": 204}),
])
def test_proposals_channels_and_owners_in_long_prose(text, expected):
    assert headlines(figures(text, 2018 if text.startswith("2018") else 2023)) == expected


def test_another_process_named_as_a_sentence_s_subject_is_its_later_clauses_too():
    """江苏政务服务网…受理政务服务事项申请26,428件，办结26,391件 (as read: ASCII commas): the second clause names no
    process, and its 26,391 disputed the applications answered."""
    text = normalize("江苏政务服务网住建旗舰店全年受理政务服务事项申请26,428件，办结26,391件。"
                     "江苏省12345在线平台转办我厅工单3,216件，办结率100%。")
    assert {f.value: f.context for f in figures(text, 2021)} == {26428: "other_process", 26391: "other_process"}


def test_the_towns_of_a_county_are_not_the_county_government_s_scope():
    """全县16个乡镇共收到政府信息公开申请31件 beside the county government's own 22: the towns' count was
    taken with it, and the headline was left out."""
    text = ("2023年，县政府本级全年共新收政府信息公开申请22件，上年结转1件。"
            "全县16个乡镇共收到政府信息公开申请31件（具体见六、其他需要报告的事项）。")
    assert headlines(figures(text, 2023))["applications_received"] == 22


def test_a_year_named_before_a_bracket_of_its_figures_and_the_handled_total_needing_work():
    """与2023年（行政复议157件、行政诉讼96件）相比: the bracket holds 2023's figures in a 2024 report; 合计需办理2,265件
    is the applications handled (需 as 需要)."""
    text = ("2024年，本厅新收政府信息公开申请2,176件，上年结转89件，合计需办理2,265件。被提起行政诉讼89件。"
            "与2023年（行政复议157件、行政诉讼96件）相比均有所下降。")
    found = headlines(figures(text, 2024))
    assert (found["applications_handled"], found["litigation_cases"]) == (2265, 89)


def test_every_administrative_body_of_the_district_in_its_government_s_report_stays_the_total():
    """全区各行政机关主动公开政府信息93208条 in a district government's report: its own total, as before; only a
    sector's bodies (全省公安机关) are a scope wider than a department's."""
    assert headlines(figures("全年全区各行政机关主动公开政府信息93208条，其中通过门户网站公开41736条。", 2022))[
        "proactive_items"] == 93208


@pytest.mark.parametrize("blank", ["", "   "])
def test_a_sentence_wrapped_across_a_blank_line_is_one_sentence(blank):
    """A PDF tool's text blocks put a blank line after each wrapped line (…共新收政府 / ␣ / 信息公开申请107件): the
    blank line ended the paragraph, and neither the applications nor the reviews were found. A short line
    left open, a title (no comma in it), a heading or caption (…情况) and a line that ends its sentence still
    end their paragraph at a blank line."""
    text = "\n".join(["（二）依申请公开。2024年，市生态环境局共新收政府", blank,
                      "信息公开申请107件，上年结转7件，全部在法定期限内予以", blank,
                      "答复，结转下年度继续办理6件。全年因政府信息公开引发行", blank, "政复议5件、行政诉讼3件。", blank,
                      "年度报告", blank, "2件材料。", blank, "Table: 政府信息公开行政复议、行政诉讼情况", blank,
                      "全年共2件材料。", blank, "固原市彭阳县人民政府2022年政府信息公开工作年度报告", blank, "本报告所列数据。"])
    found = figures(text, year=2024)
    assert headlines(found) == {"applications_received": 107, "applications_carried_over": 7,
                                "applications_carried_forward": 6, "admin_review_cases": 5, "litigation_cases": 3}
    assert not any(joined in sentence for sentence in sentences(text.split("\n"))
                   for joined in ("年度报告2件材料", "情况全年", "年度报告本报告"))


def test_the_body_s_own_count_after_its_region_s_is_its_headline():
    """全县各级行政机关共收到申请287件，其中县政府办公室本级收到申请31件，另有上年结转申请1件: in the office's report
    the 31 was a part (其中) and the carried-over one the county's, so neither was a headline. After the body
    names itself (本级), what follows is its own; in a report of the region's scope the region's count stays."""
    text = ("2022年，全县各级行政机关共收到政府信息公开申请287件，其中县政府办公室本级收到政府信息公开申请31件（同比减少4件），"
            "另有上年结转申请1件，均已在法定期限内办结。")
    assert headlines(figures(text, year=2022)) == {"applications_received": 31, "applications_carried_over": 1}
    region = find_figures(sentences(text.split("\n")), 2022, all_levels=True)
    assert headlines(region)["applications_received"] == 287


def test_cases_of_both_kinds_said_to_be_zero_are_each_zero():
    """全年因政府信息公开引起的行政复议、行政诉讼案件数均为零: neither count was found."""
    found = figures("全年因政府信息公开引起的行政复议、行政诉讼案件数均为零。", year=2023)
    assert headlines(found) == {"admin_review_cases": 0, "litigation_cases": 0}


def test_a_sector_system_s_count_is_the_report_s_when_its_tables_are_of_that_scope():
    """全县政府系统共受理申请126件 in a county government's report whose table 3 counts 126: the report speaks for
    the system (``all_levels``), and its count was still set aside as another scope's."""
    text = "2020年，全县政府系统共受理政府信息公开申请126件，较上年有所增长；已办结123件，结转下年度7件。"
    assert headlines(find_figures(sentences([text]), 2020, all_levels=True)).get("applications_received") == 126
    assert "applications_received" not in headlines(find_figures(sentences([text]), 2020))


def test_a_count_parted_from_its_unit_by_a_blank_line_is_one_sentence():
    """pdfminer's text boxes put a blank line between a wrapped count and its unit (…主动公开政府信息 16825 / ␣ / 条，
    发布…): the paragraph ended at the count, and the year's proactive total was not found. A line ending in a
    count goes on across blank lines only into a line that begins with a unit and goes on."""
    text = ("全年通过市政府门户网站累计主动公开政府信息 16825\n\n条，发布市政府文件 53 件。\n\n"
            "本年度共收到政府信息公开申请 12\n\n二、主动公开")
    found = figures(text)
    assert headlines(found)["proactive_items"] == 16825
    assert not any("12二" in sentence for sentence in sentences(text.split("\n")))
    # a count wrapped from its unit with no blank line is one sentence, whatever follows the unit
    assert headlines(figures("全年因政府信息公开被申请行政复议 2\n件（1 件维持、1 件尚未审结），未发生行政诉讼。"))[
        "admin_review_cases"] == 2


def test_a_year_written_in_chinese_numerals_is_read_as_its_digits():
    """结转至二〇二五年继续办理6件: the carried-forward count names the next year, here in numerals, and was lost."""
    assert headlines(figures("截至年底办结286件，结转至二〇二五年继续办理6件。", 2024))[
        "applications_carried_forward"] == 6


def test_a_town_s_own_count_after_its_city_s_towns_count_is_its_headline():
    """玉山镇: 11个区镇共收到政府信息公开申请487件，我镇收到63件: the 487 was the town's headline (存疑 against its
    table); the towns' and zones' together are a wider scope, and 我镇's count, its noun left implied, is its own."""
    found = figures("2024年，11个区镇共收到政府信息公开申请487件，我镇收到63件，居第二位。", 2024)
    assert headlines(found)["applications_received"] == 63
    assert headlines(figures("全年共收到政府信息公开申请30件，我局收到12件。", 2024))["applications_received"] == 30


@pytest.mark.parametrize("wider", ["各区镇共收到申请307件（表2）。", "各县（市、区）政府及开发区共收到申请1030件（见下表）。",
                                   "各县区政府共收到申请1030件。"])
def test_a_city_s_own_count_before_its_towns_or_counties_count_is_its_headline(wider):
    """Blind round 143 (provincial and city reports with more tables): 全年市政府收到申请104件 … 各区镇共收到申请307件:
    the towns' and zones' (or the counties' governments') count, a wider scope, took the city's headline away."""
    found = figures("全年本机关收到政府信息公开申请104件，上年结转1件，办结101件。" + wider, 2024)
    assert headlines(found)["applications_received"] == 104


@pytest.mark.parametrize(("text", "place", "key", "expected"), [
    # a division named with every level (济南市各级行政机关) is a scope wider than a district's government; 我区 its own
    ("2021年，济南市各级行政机关共收到政府信息公开申请6842件，我区收到312件，占全市4.6%。", "历下区",
     "applications_received", 312),
    # the city's count then the district's by name, the verb and the noun left implied
    ("全市各级行政机关全年共收到政府信息公开申请5867件，其中武侯区213件，占全市的3.6%。", "武侯区",
     "applications_received", 213),
    # 范围内: all of an area; 其中涉及我市的: the county-level city's own cases, no part of its total
    ("2024年，温州市范围内涉政府信息公开行政复议案件121件、行政诉讼案件43件，其中涉及我市的行政复议9件、行政诉讼6件。",
     "瑞安市", "admin_review_cases", 9),
    ("2024年，温州市范围内涉政府信息公开行政复议案件121件、行政诉讼案件43件，其中涉及我市的行政复议9件、行政诉讼6件。",
     "瑞安市", "litigation_cases", 6),
    # a bureau calling itself 市局机关 after its city's system
    ("2022年，全市公安机关涉及政府信息公开的行政复议案件19件、行政诉讼案件7件；市局机关被申请行政复议3件，"
     "被提起行政诉讼1件。", "", "admin_review_cases", 3),
])
def test_a_body_s_own_count_after_its_wider_area_s(text, place, key, expected):
    """Reports quoting their city's or system's figures before their own: the wider area named by its name
    (济南市各级, 温州市范围内) and the body by its division (我区, 武侯区, 我市) or as 市局机关."""
    found = find_figures(sentences([text]), 2024 if "2024" in text else 2021, own_place=place)
    assert headlines(found)[key] == expected


def test_we_of_a_division_is_a_government_s_own_only():
    """我区 is a district government's own word; a district bureau's 我区 is its district, wider than itself."""
    text = "2021年，济南市各级行政机关共收到政府信息公开申请6842件，我区收到312件。"
    assert "applications_received" not in headlines(find_figures(sentences([text]), 2021))


def test_cases_listed_before_their_outcome_are_the_outcome_s():
    """全区有3件行政复议案件、1件行政诉讼案件被纠正: both counts are of the cases corrected (the first one's outcome
    stands after the second count), not the year's cases."""
    found = figures("全区因政府信息公开被申请行政复议14件、被提起行政诉讼12件。一是依申请公开数量持续增长，"
                    "部分部门答复质量不高，全区有3件行政复议案件、1件行政诉讼案件被纠正。", 2021)
    assert headlines(found)["admin_review_cases"] == 14
    assert headlines(found)["litigation_cases"] == 12


def test_documents_in_force_after_the_normative_among_the_year_s_documents():
    """公开…文件97件，其中制发行政规范性文件9件，废止3件，现行有效58件: the 其中 picks the normative documents out
    of the year's documents; their counts (issued, in force) are the report's."""
    found = figures("公开市政府及市政府办公室文件97件，其中制发行政规范性文件9件，废止3件，现行有效58件。", 2024)
    assert headlines(found)["normative_docs_in_force"] == 58
    assert headlines(found)["normative_docs_issued"] == 9


def test_a_national_body_s_own_count_beside_its_offices_nationwide():
    """海关总署本级新收…478件 … 全国海关共新收…6,330件: the second was the headline (全国 named no wider scope)."""
    found = figures("2021年，海关总署本级新收政府信息公开申请478件，上年结转17件。全国海关共新收政府信息公开申请6,330件。"
                    "全国税务系统共受理政府信息公开申请12,031件。", 2021)
    assert headlines(found)["applications_received"] == 478


def test_a_regulator_s_registrations_are_another_process():
    """全年药品审评中心受理药品注册申请12,345件: a registration, not a disclosure request."""
    found = figures("及时公开注册审批结果，全年药品审评中心受理药品注册申请12,345件。2022年，新收政府信息公开申请760件。",
                    2022)
    assert headlines(found)["applications_received"] == 760


def test_a_tax_bureau_s_normative_documents_are_its_normative_documents():
    """税务规范性文件: a tax bureau's word for its 行政规范性文件, the dated in-force count after its clean-up."""
    found = figures("2022年，制发税务规范性文件6件，废止3件，截至2022年底现行有效税务规范性文件41件。", 2022)
    assert (headlines(found)["normative_docs_issued"], headlines(found)["normative_docs_in_force"]) == (6, 41)
    # 税务行政规范性文件: both words before the documents (blind round 64: the year's count went unread)
    found = figures("制发税务行政规范性文件3件，废止5件，截至年底现行有效28件。", 2025)
    assert (headlines(found)["normative_docs_issued"], headlines(found)["normative_docs_in_force"]) == (3, 28)


@pytest.mark.parametrize(("text", "expected"), [
    # the towns or streets as a subject of their own: another scope
    ("全年共收到政府信息公开申请190件，办结188件。各街道作为独立公开义务主体，共新收申请51件，不含在上表中。", 190),
    # 全市各镇（街道）: every town of the city, beside the government's own count
    ("市政府本级新收政府信息公开申请57件，全市各镇（街道）共新收申请47件。", 57),
])
def test_the_towns_or_streets_counts_beside_the_body_s_are_another_scope(text, expected):
    assert headlines(figures(text, 2023))["applications_received"] == expected


def test_requests_answers_made_public_are_no_count_of_the_year_s_published_items():
    """依申请公开转主动公开信息6条 beside 主动公开政府信息21563条: the 6 took the headline's place (no headline)."""
    found = figures("通过门户网站主动公开政府信息21563条，其中基础信息9000条。\n"
                    "全年审核公文公开属性412件，依申请公开转主动公开信息6条。", 2024)
    assert headlines(found)["proactive_items"] == 21563


@pytest.mark.parametrize("phrase", ["无上年结转及结转下年度的申请", "无上年结转及结转下年度办理的申请",
                                    "无上年结转及结转下年度继续办理的申请"])
def test_none_carried_either_way_in_one_phrase_is_zero_for_both(phrase):
    """无上年结转及结转下年度的申请: one phrase saying none was carried over and none goes on (no headline for either;
    办理 without 继续 was not read)."""
    found = figures(f"本年度共收到政府信息公开申请31件，均已按期办结，{phrase}。", 2021)
    assert (headlines(found)["applications_carried_over"], headlines(found)["applications_carried_forward"]) == (0, 0)


def test_the_offline_ways_named_then_submitted_are_the_other_channels():
    """通过网络平台提交22件，通过信函、当面提交7件: the second clause names the ways, not 申请 after its verb."""
    found = figures("从申请方式看，通过网络平台提交22件，通过信函、当面提交7件。", 2022)
    assert headlines(found)["applications_other_channel"] == 7


@pytest.mark.parametrize(("text", "place", "names", "expected"), [
    # 其中 picking out the body's own (本级) makes the total before it a wider scope's, a sentence apart too
    ("全区共收到政府信息公开申请3152件，同比下降6.8%。其中，区政府本级新收申请422件，占全区的13.4%。", "宝安区", (),
     422),
    # the body by its full name inside the parts list
    ("全市共受理政府信息公开申请376件，其中寿光市人民政府办公室受理28件，各部门受理348件。", "",
     ("寿光市人民政府办公室",), 28),
    # after a colon, the government as 县政府 with an aside in brackets
    ("全县共收到政府信息公开申请245件，其中：县政府（含县政府办公室）收到38件，县直部门收到151件，乡镇收到56件。",
     "肥西县", (), 38),
    # a named city's system, then 我局
    ("苏州市人社系统共收到政府信息公开申请587件，其中我局收到94件，同比增加11件。", "", (), 94),
    # the body's full name as the subject after its city's system, the noun implied
    ("全市市场监管系统共收到申请1046件，长沙县市场监督管理局收到210件，占20.1%。", "", ("长沙县市场监督管理局",), 210),
    # a part that is no body (其中自然人…): the total stays the headline
    ("全年共收到政府信息公开申请50件，其中自然人申请30件。", "宝安区", (), 50),
])
def test_the_body_s_own_count_picked_out_of_a_wider_total(text, place, names, expected):
    found = find_figures(sentences([text]), 2023, own_place=place, own_names=names)
    assert headlines(found)["applications_received"] == expected


def test_last_year_s_pair_in_an_aside_is_no_list_of_this_year_s():
    """行政复议5件、行政诉讼3件（上年分别为7件、2件）: the aside's 分别 paired the two counted kinds with last year's
    figures (行政复议5件7件), and the review's count was no headline."""
    found = figures("全年发生政府信息公开行政复议5件、行政诉讼3件（上年分别为7件、2件）。", 2023)
    assert (headlines(found)["admin_review_cases"], headlines(found)["litigation_cases"]) == (5, 3)


def test_another_government_body_as_the_subject_is_another_scope():
    """A district's report quoting 国务院办公厅全年共收到…1124件: the State Council office's count took the headline."""
    found = find_figures(sentences(["国务院办公厅全年共收到政府信息公开申请1124件。全区各级行政机关全年共收到政府信息公开申请"
                                    "5867件，其中武侯区213件，占全市的3.6%。"]), 2023, own_place="武侯区",
                         own_names=("成都市武侯区人民政府", "武侯区人民政府"))
    assert headlines(found)["applications_received"] == 213


def test_the_cases_with_the_body_as_respondent_are_its_own_after_a_wider_count():
    """全市…引发行政复议31件、行政诉讼12件；其中以市政府为被申请人的行政复议5件…，以市政府为被告的行政诉讼2件: the city's
    suits were the headline (12 against table 4's 2), as the second 以…为被告 stands after a comma, not after 其中."""
    text = ("全市因政府信息公开引发行政复议31件、行政诉讼12件；其中以市政府为被申请人的行政复议5件（维持3件、纠正1件、"
            "尚未审结1件），以市政府为被告的行政诉讼2件。")
    found = find_figures(sentences([text]), 2022, own_place="寿光市", own_names=("寿光市人民政府",))
    assert (headlines(found)["admin_review_cases"], headlines(found)["litigation_cases"]) == (5, 2)
    # another body as respondent is no part of the body's own
    found = find_figures(sentences(["全市因政府信息公开引发行政诉讼12件，以市公安局为被告的行政诉讼2件。"]), 2022,
                         own_place="寿光市", own_names=("寿光市人民政府",))
    assert headlines(found).get("litigation_cases") != 2


def test_the_sentence_after_one_on_acting_as_review_body_counts_the_review_body_s_cases():
    """区政府统一行使行政复议职责，由我局具体承办。2024年区政府共收到行政复议申请312件…: a bureau's report of the reviews its
    government decided; 312 was its headline against table 4's 0. The sentence after that names the body is its own."""
    text = ("行政复议体制改革后，区政府统一行使行政复议职责，由我局具体承办。2024年区政府共收到行政复议申请312件，受理286件，"
            "审结271件，其中涉及政府信息公开的复议案件34件，相关情况在区政府年度报告中统计。2024年，我局未因政府信息公开"
            "被申请行政复议，也未被提起行政诉讼。")
    found = find_figures(sentences([text]), 2024)
    assert headlines(found)["admin_review_cases"] == 0


def test_the_body_s_count_then_its_parts_after_which_is_no_part_picked_out():
    """其中市政府本级收到申请587件（网上申请512件、信函申请63件、当面申请12件）: the channels are the body's count's
    parts, not a count of the body picked out of the channel before it (63 was marked another scope's)."""
    found = find_figures(sentences(["全市各级行政机关共收到申请3126件，其中市政府本级收到申请587件（网上申请512件、信函申请63件、"
                                    "当面申请12件）。"]), 2023, own_place="南京市")
    assert [f.context for f in found if f.key.startswith("applications_o")] == ["", "", ""]
    assert headlines(found)["applications_received"] == 587


def test_a_channel_picked_out_of_the_published_items_is_no_body_s_own_count():
    """全年主动公开政府信息41268条，其中通过市政府门户网站发布各类信息18735条: 市政府 names a channel here (the city
    government's portal), not the body picked out of a wider count; the total stays the headline."""
    text = "全年主动公开政府信息41268条，其中通过市政府门户网站发布各类信息18735条，政务新媒体发布22533条。"
    found = find_figures(sentences([text]), 2023, own_place="晋江市", own_names=("晋江市人民政府",))
    assert headlines(found)["proactive_items"] == 41268


@pytest.mark.parametrize(("text", "key", "expected"), [
    # the answered among the handled, the count before its verb
    ("全年共办理申请82件，其中77件已按期答复，5件结转至2021年继续办理。", "applications_answered", 77),
    # the documents named once with the count in force, the year's new ones after
    ("全区现行有效行政规范性文件86件，全年新制发9件、废止5件。", "normative_docs_issued", 9),
    # new and carried over in Chinese numerals, then their sum with 共计
    ("全年新收政府信息公开申请二百零五件，上年结转七件，共计二百一十二件。", "applications_handled", 212),
])
def test_the_year_s_own_count_said_after_another(text, key, expected):
    """Each of these was found as no headline (a part, or no figure at all)."""
    assert headlines(figures(text, 2020))[key] == expected


def test_a_report_the_body_published_is_no_report_it_cites():
    """发布《苏州市住房公积金2023年年度报告》 in a 2024 report, then the year's documents: the title's year and the title
    itself (as if the figures after it were quoted from it) left the counts without a headline."""
    found = figures("全年主动公开政府信息672条，发布《苏州市住房公积金2023年年度报告》，制发行政规范性文件3件，废止2件，"
                    "现行有效行政规范性文件14件。", 2024)
    assert (headlines(found)["normative_docs_issued"], headlines(found)["normative_docs_in_force"]) == (3, 14)
    quoted = figures("据《苏州市住房公积金2023年年度报告》，全年制发行政规范性文件5件。", 2024)
    assert "normative_docs_issued" not in headlines(quoted)


@pytest.mark.parametrize(("text", "key", "expected"), [
    ("2020年度跨年度办理的申请3件已于2021年1月全部办结。", "applications_carried_over", 3),
    ("全年共收到申请73件，另有5件因尚在法定答复期限内，跨年度办理。", "applications_carried_forward", 5),
    ("本年度办理完毕90件，结转下年度继续办理7件。", "applications_answered", 90),
    ("上年度转结申请2件。", "applications_carried_over", 2),
    ("本年度信息处理费收取金额为0元。", "fees_charged_cny", 0),
])
def test_carry_overs_answers_and_fees_in_other_words(text, key, expected):
    """跨年度办理 for carried over or forward, 办理完毕 for answered, 转结 for 结转, the fee named before 收取:
    none was found."""
    assert headlines(figures(text, 2021))[key] == expected


@pytest.mark.parametrize(("text", "key", "expected"), [
    ("本年度收取信息处理费1次共计200元。", "fees_charged_cny", 200),
    ("2024年共收到政府信息公开申请29件；已答复28件，结转1件。", "applications_carried_forward", 1),
    ("全年收到申请11件，按时办结10件，1件因申请人补正材料于2024年12月底提交，结转至2025年继续办理。",
     "applications_carried_forward", 1),
])
def test_a_fee_s_count_then_its_amount_and_what_is_carried_after_the_answered(text, key, expected):
    """Blind round 79: the charges' count then their amount with no comma (1次共计200元); 结转1件 after the answered
    (答复, as after 办结); a reason dated with its year (于2024年12月底提交) before 结转至2025年: none was found."""
    assert headlines(figures(text, 2024))[key] == expected


def test_the_year_before_s_applications_not_yet_answered_are_no_answered_count():
    """2020年度遗留未办结的申请9件，已于本年度依法办结: 未办结的申请9件 was read as 9 answered (the headline), against
    table 3's total."""
    found = headlines(figures("2020年度遗留未办结的申请9件，已于本年度依法办结。", 2021))
    assert found["applications_carried_over"] == 9 and "applications_answered" not in found


def test_the_department_s_own_after_its_system_s_count_is_its_count():
    """全省自然资源系统…8,913件，其中本厅收到1,046件: 本厅 is the department itself (as 本局 is a bureau): no headline."""
    found = headlines(figures("2022年，全省自然资源系统共收到政府信息公开申请8,913件，其中本厅收到1,046件，同比增长5.2%"
                              "（2021年为994件）；加上上年结转54件，本厅全年共需办理1,100件，已办结1012件，结转下年度88件。",
                              2022))
    assert (found["applications_received"], found["applications_handled"], found["applications_answered"]) == (
        1046, 1100, 1012)


def test_applications_a_government_decided_as_review_body_are_none_of_its_requests():
    """省人民政府作为行政复议机关…依法办结3,127件 beside 全年办结189件: two answered counts, no headline."""
    found = headlines(figures("省政府办公厅全年收到政府信息公开申请192件，加上年结转8件，共计200件；全年办结189件，结转下年度"
                              "办理11件。省人民政府作为行政复议机关，全年收到行政复议申请3,462件，依法办结3,127件。", 2024))
    assert found["applications_answered"] == 189


@pytest.mark.parametrize(("text", "names", "expected"), [
    # the carried and the new, a share between, then their sum
    ("区政府办公室上年结转申请3件，本年新收申请71件，占全区总量的10.8%，合计74件，已答复70件，4件结转至2023年办理。",
     (), {"applications_handled": 74, "applications_received": 71}),
    # the rest, by letter, after the online count
    ("区政府共收到政府信息公开申请47件，通过门户网站依申请公开系统在线提交34件，占72.3%，其余13件通过信函方式提交。", (),
     {"applications_online": 34, "applications_other_channel": 13}),
    # the items named, the quarters' parts, then their sum in a clause of its own
    ("全年通过区政府门户网站等渠道主动公开政府信息，第一季度至第四季度分别公开312条、287条、356条、401条，全年共计1,356条，"
     "较上年增加118条。", (), {"proactive_items": 1356}),
    # last year's count, then this year's with the kind implied
    ("2021年，我局主动公开政府信息1,128条；2022年为1,305条，增长15.7%。", (), {"proactive_items": 1305}),
    ("2021年，我局共收到政府信息公开申请52件；2022年收到64件，较上年增加12件。", (), {"applications_received": 64}),
    # a whole county's cases in a bureau's report, then its own
    ("2022年，全县因政府信息公开引发行政复议23件、行政诉讼9件，其中涉及我局的行政复议6件（维持4件、纠正1件、其他结果1件），"
     "行政诉讼3件（未经复议直接起诉2件；复议后起诉1件）。", ("长兴县自然资源和规划局",),
     {"admin_review_cases": 6, "litigation_cases": 3}),
    ("全年以区政府办公室为被申请人的政府信息公开行政复议2件，均维持；无行政诉讼。全区因政府信息公开引发的行政复议共14件。",
     ("绍兴市柯桥区人民政府办公室",), {"admin_review_cases": 2, "litigation_cases": 0}),
    # a system's count in an aside is no scope of what follows it
    ("全年因政府信息公开被申请行政复议1件（全区教育系统共3件），结果为维持；未发生行政诉讼。", ("佛山市南海区教育局",),
     {"admin_review_cases": 1, "litigation_cases": 0}),
])
def test_headlines_among_comparisons_and_sub_counts(text, names, expected):
    """Blind round 48 (comparisons and sub-counts): each headline was missed, or another scope's taken."""
    assert headlines(find_figures(sentences([text]), 2022, own_names=names)).items() >= expected.items()


def test_a_whole_division_s_count_is_its_government_s_own():
    """全区…共收到申请 in the district government's own report: its scope, not a wider one."""
    found = find_figures(sentences(["全区因政府信息公开引发的行政复议共14件。"]), 2022, own_place="柯桥区",
                         own_names=("绍兴市柯桥区人民政府",))
    assert headlines(found)["admin_review_cases"] == 14


@pytest.mark.parametrize(("text", "expected"), [
    # the amount's words between the noun and its number
    ("本年度新收政府信息公开申请的数量为58件，上年结转申请的数量为3件，本年度办理申请共计为61件。",
     {"applications_received": 58, "applications_carried_over": 3, "applications_handled": 61}),
    ("其中，已办结申请总数达57件，结转下年度继续办理的数量为4件。",
     {"applications_answered": 57, "applications_carried_forward": 4}),
    ("因政府信息公开引发的行政复议案件数量为2件，行政诉讼案件数量为1件。", {"admin_review_cases": 2, "litigation_cases": 1}),
    ("本年度制发行政规范性文件数量为6件，废止数量为3件。", {"normative_docs_issued": 6}),
    # 是 before the count
    ("全年作出答复的是22件，因补正等原因结转到下一年度的是2件。", {"applications_answered": 22,
                                                  "applications_carried_forward": 2}),
    ("以区政府名义作出的政府信息公开答复被申请行政复议的是1件。", {"admin_review_cases": 1}),
    # the count in a bracket of its own after its noun; a comparison's keeps its bracket
    ("全年受理政府信息公开申请（47件），较上年（39件）增加8件。", {"applications_received": 47}),
    ("全年发生政府信息公开行政复议（2件）、行政诉讼（1件）。", {"admin_review_cases": 2, "litigation_cases": 1}),
    ("全年主动公开政府信息（2,318条），其中行政许可信息（612条）。", {"proactive_items": 2318}),
])
def test_a_count_s_noun_with_its_amount_s_words_or_a_bracket_before_the_number(text, expected):
    """Blind round 49 (unusual syntax): 申请的数量为58件, 总数达57件, 共计为61件, 答复的是22件, 申请（47件）: no figure was
    read, the patterns wanting the noun and the number side by side."""
    assert headlines(figures(text, 2022)).items() >= expected.items()


@pytest.mark.parametrize(("text", "expected"), [
    ("2022年共收到36件政府信息公开申请。", {"applications_received": 36}),  # the count before its noun
    ("2022年共有36件政府信息公开申请提交至我局，34件已在法定期限内办结。", {"applications_received": 36}),
    ("行政复议和行政诉讼：各1件。", {"admin_review_cases": 1, "litigation_cases": 1}),  # one count for each kind
    ("2022年，因政府信息公开引发的行政复议、行政诉讼均为0件。", {"admin_review_cases": 0, "litigation_cases": 0}),
    ("收到申请：35件；办结：33件；结转下年度：2件。", {"applications_received": 35, "applications_answered": 33,
                                         "applications_carried_forward": 2}),  # a colon list
    ("共收到政府信息公开申请100余件，经统计为108件。", {"applications_received": 108}),  # the round one, then the count
    # a volume (受理量, 办结量, 案件量)
    ("全年政府信息公开申请受理量达到128件，上年结转4件。全年办结量达到125件，办结率97.0%。",
     {"applications_received": 128, "applications_answered": 125}),
    ("全年政府信息公开行政复议案件受理量7件、行政诉讼案件量4件。", {"admin_review_cases": 7, "litigation_cases": 4}),
    # the count before its noun and verb
    ("全年共有1,286条政府信息通过区政府门户网站局专栏主动公开。", {"proactive_items": 1286}),
    ("在这些申请中，34件已在法定期限内办结，3件结转至2023年继续办理。", {"applications_answered": 34}),
    # counts, then what became of each (分别办结…), another process's first
    ("受理信访件214件、政府信息公开申请142件，分别办结214件、138件。", {"applications_answered": 138}),
    ("7件政府信息公开申请尚在答复期内，结转至2024年办理。", {"applications_carried_forward": 7}),
    ("本年度新收的37件政府信息公开申请中，自然人30件。", {"applications_received": 37}),
])
def test_counts_before_their_nouns_for_each_kind_in_colon_lists_or_after_a_round_figure(text, expected):
    """Blind round 49 (unusual syntax): each was missed, or the round figure taken."""
    assert headlines(figures(text, 2022)).items() >= expected.items()



def test_a_summary_table_in_the_overview_gives_the_year_s_figures():
    """全年政府信息公开工作主要数据见下表 | 主动公开政府信息（条） | 3,862 |…: a 2019+ report's figures in a table of its
    first section only; none was read, the statistics table's reader being for reports before the form."""
    from builder.extraction.narrative import overview_table_lines, table_figures

    lines = ["一、总体情况", "全年政府信息公开工作主要数据见下表：", "| 项目 | 2023年 |", "| 主动公开政府信息（条） | 3,862 |",
             "| 依申请公开（件） | 64 |", "| 上年结转申请（件） | 2 |", "| 已办结申请（件） | 60 |", "| 结转下年度（件） | 6 |",
             "| 政府信息公开行政复议（件） | 3 |", "二、主动公开政府信息情况", "| 行政许可 | 13964 |"]
    found = {f.key: f.value for f in table_figures(overview_table_lines(lines), 2023)}
    assert found == {"proactive_items": 3862, "applications_received": 64, "applications_carried_over": 2,
                     "applications_answered": 60, "applications_carried_forward": 6, "admin_review_cases": 3}
    assert overview_table_lines(lines[1:]) == []  # no first section: no such table
    # the form's tables right after the overview, no heading between: none of their rows
    form = ["一、总体情况", "| 第二十条第（一）项 | | |", "| 规章 | 0 | 0 |", "| 二、上年结转政府信息公开申请数量 | 0 | 0 |"]
    assert overview_table_lines(form) == []


def test_applications_answered_are_not_the_ones_carried_forward_after_them():
    """十二件申请均已…办结，结转下年度的数量为零: the count before 申请 read as carried forward (12 against table 3's 0)."""
    found = headlines(figures("十二件申请均已在法定期限内办结，结转下年度的数量为零。", 2022))
    assert found.get("applications_answered") == 12 and found.get("applications_carried_forward") is None


@pytest.mark.parametrize(("text", "place", "expected"), [
    # the government's own level first, then its division's whole after a semicolon
    ("2024年，市政府本级发生政府信息公开行政复议1件、行政诉讼1件；全市共发生政府信息公开行政复议12件、行政诉讼5件。", "醴陵市",
     {"admin_review_cases": 1, "litigation_cases": 1}),
    # the division's whole, then the government's counts one after another after 其中
    ("全县共发生政府信息公开行政复议案件19件、行政诉讼案件7件，其中县政府作为被申请人的行政复议案件2件、作为被告的行政诉讼案件1件。",
     "长兴县", {"admin_review_cases": 2, "litigation_cases": 1}),
    # the government as respondent of both kinds in an aside, paired by 分别
    ("2022年全省因政府信息公开引发行政复议1,126件、行政诉讼604件（其中以省政府为被申请人、被告的分别为9件、14件）。", "江西省",
     {"admin_review_cases": 9, "litigation_cases": 14}),
])
def test_a_government_s_own_level_beside_its_division_s_whole(text, place, expected):
    """Blind round 51: the city's 12/5 after 市政府本级's 1/1 and the county's 7 beside 其中县政府…1件 were the headlines,
    against the government's own tables."""
    found = find_figures(sentences([text]), _year(text), own_place=place, own_names=(f"{place}人民政府",))
    assert headlines(found).items() >= expected.items()


@pytest.mark.parametrize(("text", "expected"), [
    ("本机关政府信息公开申请86件，均已办结。", 86),  # the full name and its count, no verb
    ("全年政府信息公开申请86件，办结86件。", 86),
    ("2023年，政府信息公开申请共86件，其中自然人80件。", 86),
    ("本年度共收到政府信息公开申请，数量是23件。", 23),  # the amount's words after a comma
    # a part, a comparison, a carry: none the year's count
    ("其中，自然人政府信息公开申请80件。", None),
    ("较上年政府信息公开申请86件有所增加。", None),
    ("政府信息公开申请3件结转至下年度办理。", None),
])
def test_the_received_count_with_no_verb_or_its_amount_after_a_comma(text, expected):
    """Left by blind rounds 49–51: 政府信息公开申请86件 with no verb before it and 申请，数量是23件 gave no headline."""
    assert headlines(figures(text, 2023)).get("applications_received") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("本年度政府信息公开申请的新收、上年结转、办结及结转下年度数量均为零。",  # a list of measures, all none
     {"applications_received": 0, "applications_carried_over": 0, "applications_answered": 0,
      "applications_carried_forward": 0}),
    ("新收申请5件，上年结转和结转下年度均为零。", {"applications_received": 5, "applications_carried_over": 0,
                                      "applications_carried_forward": 0}),
    ("因政府信息公开引起的行政复议、行政诉讼亦均为零。", {"admin_review_cases": 0, "litigation_cases": 0}),
    ("全年共受理申请0件，无上年结转，结转下年度0件。", {"applications_carried_over": 0}),  # 无上年结转 with no noun
    ("法人或其他组织申请为零。无上年结转。", {"applications_carried_over": 0}),
    ("本年度新收申请3件，办结2件，无结转下年度。", {"applications_carried_forward": 0}),
    ("本年度申请数量为零，上年度无结转申请。", {"applications_received": 0, "applications_carried_over": 0}),
])
def test_nones_said_of_a_list_of_measures_or_with_no_noun(text, expected):
    """Blind round 52 (zeros, nones and negatives): …数量均为零 after a list of measures, 亦均为零, 无上年结转 with no noun
    after it and 申请数量为零 gave no headline."""
    assert headlines(figures(text, 2023)).items() >= expected.items()


def test_a_part_s_none_is_no_received_count():
    assert "applications_received" not in headlines(figures("法人或其他组织申请为零。", 2023))
    assert "applications_received" not in headlines(figures("自然人、法人申请均为零。", 2023))


def test_the_year_s_answered_count_after_its_received_and_a_stock_counted_from_a_year():
    """Blind round 52: 其中本年度办结49件 after the received and carried over (the year's answered, no sub-category),
    and 对2017年以来制发的规范性文件开展清理，…现行有效17件 (the documents' first year, not the count's) gave no
    headline."""
    found = headlines(figures("2024年共收到政府信息公开申请50件，上年结转1件，均依法依规予以答复或处理，其中本年度办结"
                              "49件，结转至2025年继续办理2件。", 2024))
    assert found.get("applications_answered") == 49
    found = headlines(figures("对本单位2017年以来制发的规范性文件开展清理，废止1件，现行有效17件。", 2022))
    assert found.get("normative_docs_in_force") == 17
    assert "applications_received" not in headlines(figures("2019年以来共收到申请300件。", 2022))


def test_a_wrapped_line_whose_only_mark_is_a_full_stop_mid_line_goes_on_across_a_blank_line():
    """Blind round 52 (pdfminer's text, a blank line after each line): （一）主动公开。全年通过…主动公开政府 / ␣ / 信息
    9873条: the line has no comma, only a full stop inside it, and was taken for a title that ends its paragraph."""
    text = "\n".join(["（一）主动公开。全年通过区政府门户网站主动公开政府", "", "信息 9873 条，发布政策文件解读 112 篇。"])
    assert headlines(figures(text, year=2022)).get("proactive_items") == 9873


def test_figures_listed_a_line_each_after_colons_are_items_of_their_own():
    """Blind round 53 (lists): 新收政府信息公开申请：97件 / 自然人：83件 / 法人或其他组织：14件 / 上年结转：6件 / … a line
    each ran into one sentence: 法人或其他组织's 14 was taken for the carried forward, the rest unread."""
    text = "\n".join(["主要数据如下：", "主动公开政府信息：2,371条", "新收政府信息公开申请：97件", "法人或其他组织：14件",
                      "上年结转：6件", "办结：96件", "结转下年度：7件", "行政复议：5件", "行政诉讼：2件"])
    found = headlines(figures(text, 2022))
    assert found.items() >= {"proactive_items": 2371, "applications_received": 97, "applications_carried_over": 6,
                             "applications_answered": 96, "applications_carried_forward": 7, "admin_review_cases": 5,
                             "litigation_cases": 2}.items()


def test_a_channel_s_count_is_no_received_total_and_a_request_s_registering_no_other_process():
    """Blind round 53: 严格执行申请接收、登记、审核、答复…，全年通过互联网渠道收到申请218件，通过信函、当面等其他渠道收到
    申请141件: the step 登记 made both other processes' counts, and the first channel's was taken for the year's 359."""
    text = ("全年受理政府信息公开申请359件。严格执行申请接收、登记、审核、答复、归档等环节工作规范，"
            "全年通过互联网渠道收到申请218件，通过信函、当面等其他渠道收到申请141件。")
    assert headlines(figures(text, 2022)).items() >= {"applications_received": 359, "applications_online": 218,
                                                      "applications_other_channel": 141}.items()
    assert "applications_received" not in headlines(figures("全年办理不动产登记申请5,600件。", 2022))


def test_a_summary_table_of_two_years_and_their_change_gives_the_report_year_s_column():
    """Blind round 53: 指标 | 2024年 | 2023年 | 同比增减 in 一、总体情况, the change signed (+573): a row of three values
    for two years' columns was no row, and the figures only the table states were missed."""
    from builder.extraction.narrative import overview_table_lines, table_figures

    lines = ["一、总体情况", "主要数据见下表：", "指标\t2024年\t2023年\t同比增减", "主动公开政府信息（条）\t8,215\t7,642\t+573",
             "上年结转申请（件）\t27\t17\t+10", "政府信息公开行政复议（件）\t21\t25\t-4",
             "政府信息公开行政诉讼（件）\t13\t11\t+2", "二、主动公开政府信息情况"]
    found = {f.key: f.value for f in table_figures(overview_table_lines(lines), 2024)}
    assert found == {"proactive_items": 8215, "applications_carried_over": 27, "admin_review_cases": 21,
                     "litigation_cases": 13}


def test_all_applications_come_through_one_channel_worded_as_a_total():
    """通过网上申请平台新收政府信息公开申请共计1474件: the year's total, all of it through the one platform (a regression of
    the rule that a channel's count is a part)."""
    found = headlines(figures("全年，我局通过网上申请平台新收政府信息公开申请共计1474件，较上年增长7.6%，上年结转97件。", 2024))
    assert found.get("applications_received") == 1474


@pytest.mark.parametrize(("text", "expected"), [
    ("2023年和2024年，全区分别收到政府信息公开申请326件、389件。", {"applications_received": 389}),
    ("行政复议和行政诉讼案件分别为6件和3件，较2023年的11件、5件分别减少5件、2件。",
     {"admin_review_cases": 6, "litigation_cases": 3}),
    ("上年结转和结转下年度的申请分别为1件和3件。", {"applications_carried_over": 1, "applications_carried_forward": 3}),
])
def test_a_list_of_two_names_joined_by_he_is_paired_with_its_counts(text, expected):
    """Blind round 54 (dense comparisons): 2023年和2024年…分别…326件、389件 took 2023's 326 as the year's; names and
    counts joined by 和 (…分别为6件和3件) were no list at all."""
    assert headlines(figures(text, 2024)).items() >= expected.items()


def test_a_count_gone_from_last_year_s_to_this_year_s_and_no_fee_charged_as_an_event():
    """Blind round 54 (dense comparisons): 收到申请由2023年的184件降至2024年的157件 and 未发生收取信息处理费的情况 gave no
    headline."""
    assert headlines(figures("全区收到政府信息公开申请由2023年的184件降至2024年的157件。", 2024)) == {
        "applications_received": 157}
    assert headlines(figures("本年度未发生收取信息处理费的情况。", 2024)) == {"fees_charged_cny": 0}


@pytest.mark.parametrize(("text", "expected"), [
    ("全年收到自然人申请52件，商业企业申请6件，合计58件。", 58),
    ("本年度收到公民申请27件、法人或其他组织申请5件，共计32件。", 32),
    ("全年网上申请30件，信函申请2件，合计32件。", 32),
    ("全年收到自然人申请52件，商业企业申请6件。", None),  # the parts only: no total
])
def test_one_kind_of_applicant_s_count_is_no_total_and_the_parts_sum_is(text, expected):
    """Blind round 55 (channels and applicant types): 收到自然人申请52件…合计58件 took the natural persons' 52 for the
    year's received; the sum after the parts was not read."""
    assert headlines(figures(text, 2022)).get("applications_received") == expected


def test_the_new_documents_among_a_clean_up_s_counts():
    """Blind round 55: 全年清理行政规范性文件，废止2件，新制发5件，现行有效37件 gave no issued headline."""
    found = headlines(figures("全年清理行政规范性文件，废止2件，新制发5件，现行有效37件。", 2022))
    assert found.items() >= {"normative_docs_issued": 5, "normative_docs_in_force": 37}.items()


@pytest.mark.parametrize("text", ["全年共收到申请713件，申请人以自然人为主，共655件，占91.9%。",
                                  "全年共收到申请713件，申请人以自然人为主，占比达91.9%（655件）。"])
def test_the_natural_persons_count_after_they_are_said_to_be_most(text):
    """Blind rounds 52 and 55: 申请人以自然人为主，共655件 gave no natural persons' headline, nor did the share before
    the count (占比达91.9%（655件）)."""
    found = headlines(figures(text, 2022))
    assert found.items() >= {"applications_received": 713, "applications_natural_person": 655}.items()


@pytest.mark.parametrize(("text", "expected"), [
    ("2021—2023年分别收到政府信息公开申请40件、52件、71件。", 71),
    ("2021年至2023年，本机关分别收到政府信息公开申请40件、52件、71件。", 71),
    ("2021-2023年累计收到政府信息公开申请163件。", None),  # the three years' sum
    ("2021年至2023年共收到政府信息公开申请163件，2023年本机关收到政府信息公开申请71件。", 71),
])
def test_a_range_of_years_is_each_of_its_years(text, expected):
    """A limit of rounds 52–55: 2021—2023年分别…40件、52件、71件 took 2021's 40 as the year's, and a span's sum
    (2021-2023年累计…163件) was taken for its last year's."""
    assert headlines(figures(text, 2023)).get("applications_received") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("全年我局作为被申请人的行政复议案件共46件，其中涉及政府信息公开的4件；作为被告的行政诉讼案件共129件，其中政府信息公开类2件。",
     {"admin_review_cases": 4, "litigation_cases": 2}),
    ("本年度因政府信息公开被申请行政复议、提起行政诉讼各1件。镇综合行政执法局因违法建设查处引发行政诉讼8件。",
     {"admin_review_cases": 1, "litigation_cases": 1}),
    ("全年因政府信息公开申请答复引发行政复议2件，经复议机关审理均予以维持；引发行政诉讼1件，原告在审理中主动撤诉。",
     {"admin_review_cases": 2, "litigation_cases": 1}),
    ("全年厅本级作为复议机关办理行政复议案件21件，作为被申请人或被告的案件中，涉及政府信息公开的行政复议4件：维持2件，驳回1件；"
     "行政诉讼3件（其中2件为复议后起诉）。", {"admin_review_cases": 4, "litigation_cases": 3}),
    ("县政府作为被告的一审行政诉讼案件46件。2024年，涉及县政府政府信息公开的行政复议案件2件，结果均为维持；行政诉讼案件3件，"
     "已审结2件。", {"admin_review_cases": 2, "litigation_cases": 3}),
])
def test_the_cases_about_disclosure_among_the_body_s_cases(text, expected):
    """Blind round 56 (review, litigation, fees): the whole caseload before 其中涉及政府信息公开的4件 was the headline;
    被申请行政复议、提起行政诉讼各1件 was not read; a clause after ；lost the disclosure its sentence named, and 经复议机关
    审理 or a review body's count before the body's own cases made them another scope's."""
    assert headlines(figures(text, 2024)).items() >= expected.items()


@pytest.mark.parametrize(("text", "expected"), [
    ("依法收取信息处理费，全年共向2名申请人发出收费通知，其中1名申请人按期缴纳，共收费120元；1名申请人逾期未缴纳。", 120),
    ("本年度收取信息处理费共计人民币80元。", 80),
    ("本年度无信息处理费收取情况。", 0),
])
def test_fees_worded_otherwise(text, expected):
    """Blind round 56: 共收费120元 after the notices, 共计人民币80元 and 无信息处理费收取情况 gave no fee headline."""
    assert headlines(figures(text, 2024)).get("fees_charged_cny") == expected


def test_counts_in_fen_and_a_review_s_answers():
    """Blind round 56: applications counted in 份 were not read, and 行政复议答复案件52件 (the body's answers to reviews)
    was read as applications answered."""
    found = headlines(figures("全年受理政府信息公开申请51份，上年结转2份，已答复52份，结转下年度1份。全年办理行政应诉案件37件、"
                              "行政复议答复案件52件。", 2023))
    assert found == {"applications_received": 51, "applications_carried_over": 2, "applications_answered": 52,
                     "applications_carried_forward": 1}
    assert "applications_answered" not in headlines(figures("全年办理行政复议答复案件52件。", 2023))


def test_normative_documents_named_before_each_count():
    """Blind round 56: 行政规范性文件制发3件、现行有效27件 gave no headline, and drafts reviewed for others
    (审核区直部门拟制发规范性文件16件) were taken as the year's issued."""
    found = headlines(figures("2024年，区人民政府行政规范性文件制发3件、现行有效27件、废止2件，"
                              "另审核区直部门拟制发规范性文件16件。", 2024))
    assert found.items() >= {"normative_docs_issued": 3, "normative_docs_in_force": 27}.items()


@pytest.mark.parametrize(("text", "expected"), [
    ("全年发布县政府文件25件，其中行政规范性文件5件，废止2件，现行有效18件。",
     {"normative_docs_issued": 5, "normative_docs_in_force": 18}),
    ("规范性文件新制作并公开3件，对外公开规范性文件总数27件。", {"normative_docs_issued": 3}),
])
def test_normative_documents_counted_with_a_verb_left_out_or_the_2019_form_s_words(text, expected):
    """Blind round 151: the year's documents counted with no verb, then 废止 and 现行有效 with theirs, gave no in-force
    headline; 规范性文件新制作并公开3件 (the 2019 form's words after the noun) gave no issued one."""
    assert headlines(figures(text, 2022)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("全年共收到政府信息公开申请279件，其中网上申请（政府网站依申请公开系统）196件、信函申请51件、当面申请32件。",
     {"applications_received": 279, "applications_online": 196}),
    ("全年主动公开政府信息数量同比增长8.6%，达到4,128条。", {"proactive_items": 4128}),
    ("全年共公开政府信息5846条，其中主动公开政府信息5712条、依申请公开政府信息134条。", {"proactive_items": 5712}),
    ("主动公开方面，市政府门户网站全年发布信息12,847条，其中市政府及市政府办公室主动公开政府信息2,963条。",
     {"proactive_items": 2963}),  # (blind round 199: the site's whole, published, then the body's proactive part)
    ("本年度办理政府信息公开申请（含上年结转）196件。", {"applications_handled": 196}),
    ("上年结转（含2021年转入）3件。", {"applications_carried_over": 3}),
])
def test_notes_and_changes_between_a_noun_and_its_count(text, expected):
    """Blind round 56: a note in brackets between a channel and its count, a change before the count it reached
    (同比增长8.6%，达到4,128条), the proactive part of all information made public (其中主动公开…5712条) and what a count
    includes bracketed before it ((含上年结转)196件, read as carried over) were missed or misread."""
    assert headlines(figures(text, 2023)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("其中，自然人申请302件，占82.3%；商业企业申请46件，占12.5%；法律服务机构申请13件，占3.5%；其他组织申请6件，占1.6%。",
     {"applications_natural_person": 302, "applications_commercial_enterprise": 46,
      "applications_legal_service_org": 13, "applications_other_org": 6}),
    ("我局收到的政府信息公开申请中，网上申请48件，占85.7%；信函、当面等其他方式申请8件，占14.3%，以上共计56件。申请人以自然人"
     "为主，共51件，另有商业企业申请3件。", {"applications_online": 48, "applications_other_channel": 8,
                                 "applications_received": 56, "applications_natural_person": 51,
                                 "applications_commercial_enterprise": 3}),
    ("本年度收到公民申请27件，法人或其他组织申请5件（其中商业企业3件、法律服务机构2件），共计32件。",
     {"applications_received": 32, "applications_natural_person": 27, "applications_commercial_enterprise": 3,
      "applications_legal_service_org": 2}),
    ("从申请主体看，自然人、商业企业、其他组织分别提出申请19件、3件、1件。",
     {"applications_natural_person": 19, "applications_commercial_enterprise": 3, "applications_other_org": 1}),
    ("全年通过网上申请平台提交申请126件，通过信函方式提交申请37件，当面提交申请9件，传真提交申请2件，合计收到政府信息公开申请"
     "174件，另有2022年结转申请3件。", {"applications_online": 126, "applications_received": 174}),
])
def test_lists_of_applicant_types_and_channels(text, expected):
    """Blind round 55 (channels and applicant types), left then: a list's third clause after ；lost the words its
    patterns need, 另有/其中 before 商业企业, a share between the parts and their sum, 其中 in a closed bracket making the
    sum a part, 其他组织 alone in its clause or paired by 分别, and one channel of several taken as the other channels'
    total because 2 was found in 2022年."""
    found = headlines(figures(text, 2023))
    assert {key: found.get(key) for key in expected} == expected
    assert "applications_other_channel" not in found or "传真" not in text


@pytest.mark.parametrize(("text", "expected"), [
    ("收到申请量同比下降（由2023年的184件降至2024年的157件），降幅14.7%。", {"applications_received": 157}),
    ("行政复议和行政诉讼数量较2023年均有下降，分别为4件、2件（2023年分别为6件、3件）。",
     {"admin_review_cases": 4, "litigation_cases": 2}),
])
def test_a_change_stated_before_its_counts(text, expected):
    """Blind round 54 (dense comparisons), left then: the counts a change went between in a bracket after it, and a
    comparison between a 分别 list's names and its counts (its year read as the last name's)."""
    assert headlines(figures(text, 2024)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("2012年，我局共受理政府信息公开申请3件，其中公民申请2件，企业申请1件。区政府采购中心全年受理采购申请386件。",
     {"applications_received": 3, "applications_natural_person": 2, "applications_commercial_enterprise": 1}),
    ("2012年，街道“四个平台”全年受理各类事件2,358件，办结2,341件；截至2012年12月31日，已办结政府信息公开申请6件。",
     {"applications_answered": 6}),
    ("2012年，收到以我局为被申请人的行政复议申请6件，其中因政府信息公开申请引发的行政复议1件。", {"admin_review_cases": 1}),
])
def test_other_processes_and_parts_of_early_reports(text, expected):
    """Blind round 57 (pre-2019 prose): 企业申请 after 公民申请 (no 自然人 or 法人 in the sentence) was not read, a
    procurement centre's 采购申请 and a grid's 各类事件 were taken for disclosure counts, and the reviews about disclosure
    among a bureau's reviews (其中因政府信息公开申请引发的行政复议1件) were not told from them."""
    assert headlines(figures(text, 2012)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the government's own cases, the whole city's before or after them
    ("2023年全市因政府信息公开引发行政复议案件1,138件、行政诉讼案件764件。以市政府为被申请人的政府信息公开行政复议案件9件，"
     "均已审结；以市政府为被告的政府信息公开行政诉讼案件13件。", {"admin_review_cases": 9, "litigation_cases": 13}),
    ("2023年，因政府信息公开以市政府为被申请人的行政复议9件，以市政府为被告的行政诉讼10件。全市因政府信息公开引发行政复议615件、"
     "行政诉讼408件。", {"admin_review_cases": 9, "litigation_cases": 10}),
    ("2023年，市政府（本级）因政府信息公开被申请行政复议和被提起行政诉讼分别为6件、8件；全市因政府信息公开引发的行政复议、"
     "行政诉讼案件分别为402件、287件。", {"admin_review_cases": 6, "litigation_cases": 8}),
    # the parts in the names a body received them under, then their sum; handled after what was carried over
    ("2023年，以市人民政府名义收到政府信息公开申请175件，以市人民政府办公厅名义收到政府信息公开申请37件，两项共计212件。",
     {"applications_received": 212}),
    ("连同2022年结转的4件，市本级全年办理187件，在法定期限内答复180件。",
     {"applications_handled": 187, "applications_carried_over": 4, "applications_answered": 180}),
    ("加上2022年结转的6件，2023年市政府本级实际办理233件，已全部依法答复227件。",
     {"applications_carried_over": 6, "applications_handled": 233, "applications_answered": 227}),
    # another report's count
    ("2023年，市政府办公厅共承办以市政府名义收到的政府信息公开申请486件（相关情况详见市政府年度报告）。以市政府办公厅名义新收"
     "政府信息公开申请109件。", {"applications_received": 109}),
])
def test_a_city_government_s_own_counts_among_wider_ones(text, expected):
    """Blind round 57 (big cities' long overviews): the whole city's cases beside the government's own (after a clause
    of its own, or before them), a 分别 list whose scope its first name carried, 两项共计 after the parts, 连同…结转…
    办理, 实际办理, and a count another report gives (详见市政府年度报告) were missed or taken as the body's."""
    assert headlines(figures(text, 2023, own_place="广州市", own_names=("广州市人民政府",))) == expected


def test_the_government_s_share_of_whole_city_tables_is_a_part():
    """Blind round 57: with tables of every level (all_levels), 其中，以市政府名义新收申请612件 (市政府本级新收…137件) is the
    government's share, not a second total beside 全市各级行政机关…15,807件; and the sum after the parts is its own
    clause's (全市合计新收)."""
    text = "全市各级行政机关2024年新收政府信息公开申请15,807件，比2023年增长2.9%；其中，以市政府名义新收申请612件，占全市的3.9%。"
    assert headlines(figures(text, 2024, all_levels=True, own_place="深圳市", own_names=("深圳市人民政府",))) == {
        "applications_received": 15807}
    text = ("2024年，市政府本级新收政府信息公开申请287件，市直部门新收1,964件，各县（市）区新收3,284件，其中蜀山区632件，"
            "全市合计新收5,535件，同比增长5.1%。")
    assert headlines(figures(text, 2024, all_levels=True, own_place="合肥市", own_names=("合肥市人民政府",))) == {
        "applications_received": 5535}
    text = "市政府本级新收政府信息公开申请137件，办结131件。全市各级行政机关新收政府信息公开申请5982件，本年度办结5961件。"
    assert headlines(figures(text, 2024, all_levels=True, own_place="昆明市", own_names=("昆明市人民政府",))) == {
        "applications_received": 5982, "applications_answered": 5961}


def test_a_part_of_the_cases_named_after_their_sentence_is_no_second_total():
    """A regression of round 56's clause rule, caught on earlier sets: 其中，涉及市级机关的行政复议41件 (no kind named)
    took the disclosure its sentence before named and stood beside 全市…167件 as a second total; and a county
    government's tables being the county's, its city's count (六安市全市同类行政复议案件64件) is still another scope's."""
    text = "2017年，全市因政府信息公开引发行政复议案件167件，行政诉讼案件89件。其中，涉及市级机关的行政复议41件、行政诉讼23件。"
    assert headlines(figures(text, 2017, all_levels=True, own_place="曲靖市", own_names=("曲靖市人民政府",))) == {
        "admin_review_cases": 167, "litigation_cases": 89}
    text = "2024年，全县因政府信息公开引发行政复议3件、行政诉讼2件；六安市全市同类行政复议案件64件、行政诉讼案件21件。"
    assert headlines(figures(text, 2024, all_levels=True, own_place="霍山县", own_names=("霍山县人民政府",))) == {
        "admin_review_cases": 3, "litigation_cases": 2}


@pytest.mark.parametrize(("text", "place", "name", "expected"), [
    ("2023年，全县主动公开政府信息15872条，其中以县政府名义发布2406条。", "宁乡县", "宁乡县人民政府", 2406),
    ("全省各级行政机关主动公开政府信息76.8万条（其中省政府门户网站以省政府名义发布3,962条）。", "云南省", "云南省人民政府", 3962),
    ("全年主动公开政府信息1,286条，其中通过市政府门户网站发布1,020条。", "昆明市", "昆明市人民政府", 1286),  # a channel
    # blind round 208 (h803): its own level's after the whole's on its portal
    ("2022年全市各级行政机关在晋江市人民政府门户网站共主动公开政府信息31,806条；其中，市政府本级公开5,214条，"
     "比2021年的4,876条增加338条。", "晋江市", "晋江市人民政府", 5214),
])
def test_the_items_a_government_publishes_in_its_own_name(text, place, name, expected):
    """Blind round 52 (governments and their scopes), left then: the items published in the government's own name
    among its whole division's (其中以县政府名义发布2406条) were a part or not read at all."""
    found = headlines(figures(text, 2023, own_place=place, own_names=(name,)))
    assert found.get("proactive_items") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("一是主动公开政府信息86条；二是受理申请3件；三是无行政复议和诉讼；四是加强培训。",
     {"proactive_items": 86, "applications_received": 3, "admin_review_cases": 0, "litigation_cases": 0}),
    ("主动公开：141条；其中街道动态：88条，通知公告：53条。", {"proactive_items": 141}),
    ("主动公开：97条（其中规划计划12条、民生资金信息23条）；", {"proactive_items": 97}),
    ("一是办事服务：受理办事申请3120件；三是依申请公开：受理0件；", {"applications_received": 0}),
])
def test_a_town_s_short_lists_of_work(text, expected):
    """Blind round 58 (towns and streets): 三是无行政复议和诉讼 (诉讼 without 行政, none after 三是), 主动公开：141条 (a colon
    item, its parts' kinds after it), 依申请公开：受理0件 and a service hall's 受理办事申请3120件 were missed or misread."""
    assert headlines(figures(text, 2023)) == expected


def test_cases_carried_over_are_no_applications_carried_over():
    """上年度结转至本年审结的行政诉讼案件2件 (a note under table 4) stood beside 上年结转3件 as a second carried-over count;
    the tie had been broken only by taking the 3 of 2023年 for the count's own digits."""
    text = "2023年共新收政府信息公开申请47件，上年结转3件。上年度结转至本年审结的行政诉讼案件2件未计入本表。"
    assert headlines(figures(text, 2023)).get("applications_carried_over") == 3


@pytest.mark.parametrize(("text", "expected"), [
    ("2024年，制发《深圳市市场监督管理局行政处罚裁量权若干规定》（深市监规〔2024〕1号）等行政规范性文件9件，废止6件，截至年底"
     "现行有效58件。", {"normative_docs_issued": 9, "normative_docs_in_force": 58}),
    ("全年共收到申请95件，已办结93件，其中依据《条例》第三十六条第（三）项作出不予公开答复8件。",
     {"applications_received": 95, "applications_answered": 93}),
])
def test_titles_document_numbers_and_outcomes_between_a_verb_and_its_count(text, expected):
    """Blind round 58 (legal citations and document numbers): a document's title and number before 等行政规范性文件9件
    hid the count from its verb, and one outcome's answers (作出不予公开答复8件) stood beside the year's 办结93件."""
    assert headlines(figures(text, 2024)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("近三年，我局收到政府信息公开申请数量分别为：2021年1,823件、2022年2,047件、2023年2,312件。",
     {"applications_received": 2312}),
    ("行政复议由上年的4件下降为2件，行政诉讼1件（上年2件）。", {"admin_review_cases": 2, "litigation_cases": 1}),
    ("图1 2019—2023年政府信息公开申请数量变化情况\n（2019年156件、2020年131件、2021年118件、2022年101件、2023年89件）\n"
     "全年因政府信息公开引发行政复议1件，结果为维持原行政行为，未发生行政诉讼。",
     {"admin_review_cases": 1, "litigation_cases": 0}),
])
def test_a_year_s_counts_among_other_years(text, expected):
    """Blind round 58 (summary tables and charts): counts listed a year each after 分别为, a case count after 由上年的4件
    下降为, and a chart's caption and data run into the sentence below them (read as a span of years) gave no headline."""
    assert headlines(figures(text, 2023)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("全年共收到申请5件，均已按期答复：予以公开3件，因保护第三方合法权益不予公开1件，本机关不掌握相关政府信息1件。",
     {"applications_received": 5, "applications_answered": 5}),
    ("全年新收政府信息公开申请300件，其中通过网络平台提交218件、信函提交59件、当面提交23件；上年结转22件（均为原市政务服务管理局"
     "受理）。", {"applications_received": 300, "applications_online": 218, "applications_carried_over": 22}),
    ("全年共办理政府信息公开申请435件，其中按时办结409件（其余26件结转下年度）。",
     {"applications_handled": 435, "applications_answered": 409}),
    ("全年收到政府信息公开申请200件，通过浙江政务服务网提交180余件。",
     {"applications_received": 200, "applications_online": 180}),
    ("全年收到申请1347件，其中自然人申请1342件，社会公益组织（环保类社会组织）申请5件，申请渠道以网上申请为主（986件，占73.2%）。",
     {"applications_received": 1347, "applications_natural_person": 1342, "applications_social_welfare_org": 5,
      "applications_online": 986}),
    ("全年共收到申请412件，加上上年结转20件，共需答复432件，已答复412件。",
     {"applications_received": 412, "applications_carried_over": 20, "applications_handled": 432,
      "applications_answered": 412}),
])
def test_long_sentences_of_applications(text, expected):
    """Blind round 59 (long sentences; reformed bodies): an outcome after 均已按期答复：, a predecessor's name in a bracket
    (原市政务服务管理局) making a carried-over count another process's, 其中按时办结 (no late ones beside it), a platform
    named for the online channel, a note in brackets before 申请5件, 以网上申请为主（986件）and 共需答复432件 (those to
    answer: handled)."""
    assert headlines(figures(text, 2023)) == expected


def test_a_channel_the_body_runs_and_a_total_handled_after_what_was_carried_over():
    """Blind round 59 (long sentences): 其中，通过区政府门户网站等网上渠道提交213件 took the district government's site for
    the government's share (a part, its total another scope's), and 加上…结转至本年度办理的31件，全年累计办理960余件
    read the carried-over clause as the handled count's own."""
    text = ("全年共受理政府信息公开申请286件（其中，通过区政府门户网站等网上渠道提交213件，通过信函、现场等其他渠道提交73件）。"
            "加上2021年结转至本年度办理的11件，全年累计办理297件。")
    found = headlines(figures(text, 2022, all_levels=True, own_place="鼓楼区", own_names=("鼓楼区人民政府",)))
    assert found == {"applications_received": 286, "applications_online": 213, "applications_other_channel": 73,
                     "applications_handled": 297, "applications_carried_over": 11}


@pytest.mark.parametrize(("text", "expected"), [
    ("全年新收政府信息公开申请计110件，较上年（121件）下降9.1%；上年结转计5件。全年办结申请计113件。",
     {"applications_received": 110, "applications_carried_over": 5, "applications_answered": 113}),
    ("全年发生政府信息公开行政复议计3件（上年为5件），行政诉讼计2件（上年为1件）。",
     {"admin_review_cases": 3, "litigation_cases": 2}),
    ("全年涉及本局政府信息公开的行政复议案件合计6件，其中结果维持4件、结果纠正1件、尚未审结1件；行政诉讼案件合计3件，"
     "其中未经复议直接起诉2件、复议后起诉1件。", {"admin_review_cases": 6, "litigation_cases": 3}),
    ("行政复议方面：结果维持5件、结果纠正1件、其他结果1件、尚未审结2件，合计9件。", {"admin_review_cases": 9}),
    ("行政诉讼方面：未经复议直接起诉的，结果维持2件、结果纠正1件、尚未审结1件，合计4件；复议后起诉的，结果维持1件、"
     "尚未审结2件，合计3件。", {}),
    ("本年新收申请231件。其他处理12件（其中申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请9件，申请人逾期"
     "未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请1件，其他2件）。", {"applications_received": 231}),
    ("从办理结果看，予以公开47件、不予处理12件（其中信访举报投诉类申请5件、重复申请7件）、其他处理8件，共办结67件，"
     "结转下年度继续办理9件。", {"applications_answered": 67, "applications_carried_forward": 9}),
])
def test_the_table_restated_in_prose(text, expected):
    """Blind round 60 (paragraphs that walk through the table): counts written 计110件, case totals with 合计 (before their
    parts, or after the results listed under 行政复议方面：), the form's row 行政机关不再处理其政府信息公开申请 (no count
    handled), and a sentence listing 信访举报投诉类申请 (the form's row, no other process) before 共办结."""
    assert headlines(figures(text, 2023)) == expected


def test_a_count_that_says_it_includes_another_is_the_total():
    """Blind round 60 (pre-2019 PDFs): the office's 11 and the county's 63 (含县政府办公室11件) disagreed and left no
    headline; the one that says it includes the other is the total."""
    text = "2018年，县政府办公室共受理政府信息公开申请11件；全县各乡镇、各部门共受理政府信息公开申请63件（含县政府办公室11件）。"
    assert headlines(figures(text, 2018, all_levels=True)) == {"applications_received": 63}


@pytest.mark.parametrize(("text", "expected"), [
    ("本年新制作、新公开规范性文件各9件，累计对外公开规范性文件97件。", {"normative_docs_issued": 9}),
    ("加上2019年结转的2件，共办理45件，全部45件均已在法定期限内办结。",
     {"applications_carried_over": 2, "applications_handled": 45, "applications_answered": 45}),
])
def test_counts_of_2019_form_reports(text, expected):
    """Blind round 61 (reports on the 2019 form): documents made and published 各9件, and 全部45件均已…办结 (the count
    before its verb, after 全部) gave no headline."""
    assert headlines(figures(text, 2020)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("2024年，县人民政府（本级）受理政府信息公开申请由2023年的47件下降至35件，下降25.5%。", {"applications_received": 35}),
    ("2024年，涉及区政府政府信息公开工作的行政复议和行政诉讼案件共4件，其中行政复议3件（同比增加1件）、行政诉讼1件"
     "（同比减少2件）。", {"admin_review_cases": 3, "litigation_cases": 1}),
    ("本年度无以区政府为被申请人的政府信息公开行政复议和行政诉讼案件。", {"admin_review_cases": 0, "litigation_cases": 0}),
    ("收到政府信息公开申请数为23件。", {"applications_received": 23}),
    ("2024年政府信息公开申请办理情况如下：申请数18件，办结数18件。", {"applications_answered": 18}),
])
def test_the_2024_reports_wording(text, expected):
    """Blind round 61 (the 2024 reports' wording): a count gone from a year's to this one's (由2023年的47件下降至35件),
    the two kinds' count split by 其中 into each kind's, none 以区政府为被申请人 (a long gap), 申请数为23件, and a
    heading's 办理情况如下： before what it lists (no count handled)."""
    assert headlines(figures(text, 2024)) == expected


def test_the_applications_among_other_matters_counted_together():
    """Blind round 63 (towns' prose full of other counts): 受理政府信息公开申请、人大代表建议、政协委员提案共计17件，其中政府
    信息公开申请3件 gave no count of applications (the 3 after 其中 was dropped as a part)."""
    text = "本年度共受理政府信息公开申请、人大代表建议、政协委员提案共计17件，其中政府信息公开申请3件，均已依法答复。"
    assert headlines(figures(text, 2023)) == {"applications_received": 3, "applications_answered": 3}


def test_the_body_named_in_an_aside_on_what_a_wider_scope_holds_is_no_count_of_its_own():
    """Blind round 64 (central bodies): 全国海关（含海关总署及直属海关、隶属海关）全年共收到…2,315件 after the body's own 180件:
    the body named inside the aside read as the clause's subject, the nation's count as its own, no headline was left."""
    text = ("2025年，海关总署机关共收到政府信息公开申请180件（2024年为173件），上年结转6件。"
            "全国海关（含海关总署及直属海关、隶属海关）全年共收到政府信息公开申请2,315件。")
    found = find_figures(sentences([text]), 2025, own_names=("海关总署",))
    assert headlines(found)["applications_received"] == 180


@pytest.mark.parametrize("text", ["本年度，我局无行政复议、行政诉讼情况，未收取信息处理费。",
                                  "本年度，本单位无因政府信息公开引起的行政复议、行政诉讼情况。"])
def test_none_with_the_body_as_its_subject(text):
    """Blind round 64 (2025 reports as web pages): 我局无行政复议、行政诉讼情况, the body between the clause's start and 无:
    no none was read, so no headline of 0 either."""
    assert {k: v for k, v in headlines(figures(text, 2025)).items() if k != "fees_charged_cny"} == \
        {"admin_review_cases": 0, "litigation_cases": 0}


def test_a_channel_other_than_online_opening_a_clause_of_the_list():
    """Blind round 64 (Word files): 其中通过网上申请平台提交19件，信函提交6件: the second channel named without 通过 or 申请."""
    found = figures("全年共收到政府信息公开申请25件，其中通过网上申请平台提交19件，信函提交6件；", 2023)
    assert (headlines(found)["applications_online"], headlines(found)["applications_other_channel"]) == (19, 6)


@pytest.mark.parametrize("other", ["全年受理教师资格认定申请12683件，认定结果全部公开公示。",
                                   "受理工伤认定申请361件，均按时作出决定。",
                                   # (blind round 112, portal text: a labour bureau's disputes)
                                   "全年受理劳动人事争议仲裁申请312件，调解结案率达68%。"])
def test_a_qualification_or_finding_applied_for_is_another_process(other):
    """Blind round 64 (PDFs printed from web pages): 受理教师资格认定申请12683件 before the year's disclosure requests:
    two received counts, no headline."""
    found = figures(other + "全年共受理政府信息公开申请58件，上年结转2件，均已按期办结。", 2024)
    assert headlines(found)["applications_received"] == 58


@pytest.mark.parametrize("other", ["依托12315平台受理投诉举报2134件、办结2130件，处理结果按规定向当事人反馈。",
                                   "全年处理举报投诉1,532件，办结率100%。"])
def test_a_regulator_s_complaints_are_another_process(other):
    """Blind round 122 (markdown from PDF converters): a market regulator's 12315 complaints, 受理投诉举报2134件、办结2130件,
    gave the year's answered count 2130 against table 3's 31 (the 31 均按期答复 are the answered)."""
    found = figures(other + "全年共收到政府信息公开申请31件，均按期答复。", 2025)
    assert (headlines(found).get("applications_received"), headlines(found).get("applications_answered")) == (31, 31)


@pytest.mark.parametrize("mark", ["②", "（2）", "2."])
def test_a_kind_of_applicant_after_a_list_s_mark(mark):
    """Blind round 65 (Unicode tricks): 其中：①自然人申请12件；②企业申请3件 — the companies' count after a circled
    number was not read (only list separators and a few words may stand before 企业)."""
    found = figures(f"全年共收到政府信息公开申请15件，其中：①自然人申请12件；{mark}企业申请3件。", 2023)
    assert headlines(found)["applications_commercial_enterprise"] == 3


def test_no_fee_charged_to_applicants_named_at_length():
    """Blind round 65: 本年度未向政府信息公开申请人收取信息处理费 (nine characters after 向): no none was read."""
    assert headlines(figures("本年度未向政府信息公开申请人收取信息处理费。", 2022))["fees_charged_cny"] == 0


@pytest.mark.parametrize("text, expected", [
    # a running total over the years counted back from now
    ("十年来，全区累计主动公开政府信息41,387条，累计发生相关行政复议11件、行政诉讼3件。2017年，全区共主动公开政府信息5,126条。",
     {"proactive_items": 5126}),
    # a target for the next year in the plans
    ("2017年，全区共主动公开政府信息5,126条。一是计划全年主动公开政府信息不少于5,500条，重点领域信息公开率达到100%；",
     {"proactive_items": 5126}),
    ("按照年度工作计划，全年主动公开政府信息1234条。", {"proactive_items": 1234}),  # a plan followed, the count done
    # the body's cases the sentence says are not about disclosure
    ("全年我局作为被申请人的行政复议案件共5件，均为工伤认定类案件，不涉及政府信息公开。", {}),
    ("全年发生行政复议案件2件，与政府信息公开工作无关。全年未发生政府信息公开行政诉讼。", {"litigation_cases": 0}),
])
def test_running_totals_targets_and_cases_of_other_matters(text, expected):
    """Blind round 67 (years and comparisons; reports before 2019): 十年来…累计 was read as the year's count beside the
    year's own, a plan's 不少于5,500条 beside the count done, and cases 不涉及政府信息公开 as the disclosure cases."""
    assert headlines(figures(text, 2017)) == expected


@pytest.mark.parametrize("text, expected", [
    ("2021年，我局收到政府信息公开申请3件，均为自然人申请，已全部按时答复。", 3),
    ("全年共受理政府信息公开申请6件，全部由自然人提出。", 6),
    ("全年共收到申请3件，均为自然人和企业申请。", None),  # two kinds: neither's count
])
def test_applications_all_from_natural_persons(text, expected):
    """Blind round 67: 收到政府信息公开申请3件，均为自然人申请 states the natural persons' count; it was not read."""
    assert headlines(figures(text, 2021)).get("applications_natural_person") == expected


@pytest.mark.parametrize("text, year, expected", [
    ("2012年，我局依照有关规定共收取复制费、邮寄费等合计126元。", 2012, {"fees_charged_cny": 126}),
    ("2025年共收到政府信息公开申请13件，办结12件，1件因申请于12月下旬提出，结转至2026年度继续办理。", 2025,
     {"applications_received": 13, "applications_answered": 12, "applications_carried_forward": 1}),
    ("对2008年以来制发的规范性文件进行全面清理，共清理规范性文件19件，继续有效11件。", 2019, {"normative_docs_in_force": 11}),
    # a running total, then the year's own
    ("《条例》施行以来，我街道累计受理政府信息公开申请19件，其中2016年受理3件，均为公民申请。", 2016,
     {"applications_received": 3, "applications_natural_person": 3}),
    ("截至2016年底，累计主动公开政府信息3218条，其中2016年新增412条。", 2016, {"proactive_items": 412}),
    ("截至2016年底，累计主动公开政府信息3218条，其中2015年新增412条。", 2016, {}),
    # the 条例 in force from 1 May 2008: a 2008 report's whole period
    ("自2008年5月1日以来，区政府及各部门共受理政府信息公开申请23件，其中网上申请6件。", 2008,
     {"applications_received": 23, "applications_online": 6}),
    ("自2019年5月15日新《条例》施行以来，共收到申请63件。", 2019, {}),
])
def test_fees_carried_kept_in_force_the_year_s_part_of_a_running_total_and_2008_s_period(text, year, expected):
    """Blind round 67 (reports before 2019; text out of PDFs; more than the report): each of these was not read."""
    assert headlines(figures(text, year)) == expected


def test_the_levels_of_a_region_s_bodies_are_a_wider_scope():
    """Blind round 68: 全省市、县两级民政部门共受理政府信息公开申请1142件 in a provincial department's report was read as its
    own count beside its own 37."""
    text = ["全省市、县两级民政部门共受理政府信息公开申请1142件。", "2023年，我厅共收到政府信息公开申请37件。"]
    found = find_figures(sentences(text), 2023, own_names=("四川省民政厅",))
    assert headlines(found) == {"applications_received": 37}


@pytest.mark.parametrize("text, expected", [
    ("全年收到政府信息公开申请348件，上年结转9件。办结346件，结转11件。",
     {"applications_received": 348, "applications_carried_over": 9, "applications_answered": 346,
      "applications_carried_forward": 11}),
    ("从申请方式看，通过浙江政务服务网“依申请公开”模块提交831件，邮寄信函187件，现场递交28件。", {"applications_online": 831}),
])
def test_carried_on_after_those_answered_and_a_platform_s_module_online(text, expected):
    """Blind round 68 (large numbers): 办结346件，结转11件 (what goes on, after what was answered) and a platform's
    module named in quotes before 提交831件 were not read."""
    assert headlines(figures(text, 2022)) == expected


@pytest.mark.parametrize("text, expected", [
    # others' count the report says it leaves out
    ("2021年，本局共新收政府信息公开申请19件。另外，局属学校和各镇（街道）教育管理办公室共受理政府信息公开申请7件，均已按期答复，"
     "不计入本报告统计。", {"applications_received": 19}),
    # the cases of one outcome, the body deciding it named between
    ("全年因政府信息公开引发行政复议8件、行政诉讼5件。一是部分部门对新修订《条例》理解不深，依申请公开答复的规范性有待提升，"
     "全年有1件行政复议案件被复议机关责令重新答复。",
     {"admin_review_cases": 8, "litigation_cases": 5}),
    ("本年度我局发出收费通知1件，申请人逾期未缴纳，未实际收取信息处理费。", {"fees_charged_cny": 0}),
    # a county's departments and towns counted: wider than the office's own
    ("全县情况：全县18个县直部门、16个乡镇共主动公开政府信息28463条。县政府办公室全年主动公开政府信息3126条。",
     {"proactive_items": 3126}),
])
def test_others_counts_left_out_one_outcome_s_cases_a_fee_not_charged_and_a_county_s_departments(text, expected):
    """Blind round 68 (prose of many figures): each of these was read as the year's own count, or not read."""
    assert headlines(figures(text, 2021, own_names=("霍山县人民政府办公室",))) == expected


@pytest.mark.parametrize("text, expected", [
    # the sum of the parts in a bracket after them, with or without 其中 before the list
    ("全年依法依规办理政府信息公开申请。其中，自然人申请１１件、法人或其他组织申请２件（共计１３件），均在规定时限内答复完毕。",
     {"applications_received": 13, "applications_natural_person": 11}),
    ("全年收到政府信息公开申请的渠道以网络为主，其中通过四川省政府信息公开申请平台提交23件、信函提交9件、当面提交4件"
     "（合计36件），较2023年的41件下降12.2%。", {"applications_received": 36, "applications_online": 23}),
    # the ways other than online as one count
    ("2025年，我局共收到政府信息公开申请86件，其中线上（青海省政府信息公开申请平台、电子邮件）申请59件，线下（信函、当面）申请27件。",
     {"applications_received": 86, "applications_online": 59, "applications_other_channel": 27}),
    # the documents in force reviewed, then the counts
    ("全面清理现行有效行政规范性文件，废止4件，现行有效56件。", {"normative_docs_in_force": 56}),
    # the normative documents among the body's documents of the year, in a bracket or next in the list
    ("全年主动公开政府信息1735条，其中市政府及市政府办公室文件62件（规范性文件8件），政策解读51篇。",
     {"proactive_items": 1735, "normative_docs_issued": 8}),
    ("全年在区政府门户网站主动公开政府信息2874条，其中区政府及区政府办公室文件45件，规范性文件7件，政策解读32篇。",
     {"proactive_items": 2874, "normative_docs_issued": 7}),
])
def test_sums_in_brackets_offline_counts_and_the_normative_documents_of_a_list(text, expected):
    """Blind round 70: a total printed only in a bracket after its parts (the 其中 before them made it a part), the
    offline ways counted as one, the documents in force after a clean-up of those in force, and the normative
    documents listed among the year's documents were not read."""
    assert headlines(figures(text, 2025)) == expected


@pytest.mark.parametrize("text, expected", [
    # last year's applications handled this year: carried over, not the year's handled total
    ("2025年共收到政府信息公开申请186件，较2024年（203件）有所减少，另办理上年结转申请9件。",
     {"applications_received": 186, "applications_carried_over": 9}),
    # all the reviews of every matter, then those about disclosure (a bracket's aside between)
    ("全年共收到行政复议申请7,436件（主要涉及专利、商标审查事项），其中涉及政府信息公开的行政复议申请83件，均由我局依法审理。",
     {"admin_review_cases": 83}),
    ("全年共收到行政复议申请1,062件，其中政府信息公开类行政复议申请291件。", {"admin_review_cases": 291}),
    # the body's own cases among those it decided as the review body, and the others'
    ("自然资源部作为复议机关共审结政府信息公开类行政复议案件183件，其中以自然资源部为被申请人的64件，以省级自然资源主管部门"
     "为被申请人的119件。", {"admin_review_cases": 64}),
    ("国家税务总局共收到涉及政府信息公开的行政复议申请143件，其中以国家税务总局为被申请人的17件，以各省、自治区、直辖市和"
     "计划单列市税务局为被申请人的126件。", {"admin_review_cases": 17}),
    ("生态环境部办理政府信息公开行政复议案件共67件，其中以生态环境部为被申请人的行政复议案件29件，对省级生态环境部门政府信息"
     "公开行为不服提起的行政复议案件38件。", {"admin_review_cases": 29}),
    ("全国海关共办理政府信息公开行政复议案件97件。以海关总署为被申请人的案件18件。", {"admin_review_cases": 18}),
    # another respondent named alone (the government, in its office's report): the report's
    ("全年发生以县政府为被申请人的政府信息公开行政复议案件3件，其中结果维持2件、结果纠正1件。", {"admin_review_cases": 3}),
    ("我部作为复议机关审理对省级住房城乡建设主管部门政府信息公开答复不服的行政复议案件27件，均已审结。涉及我部的政府信息公开"
     "行政诉讼案件26件。", {"litigation_cases": 26}),
    ("人力资源社会保障部办理政府信息公开行政复议案件共58件（含申请人对省级人力资源社会保障部门政府信息公开答复不服、向我部申请"
     "行政复议的案件35件）。", {}),
    # an aside's 分别 of another year, after a worded zero
    ("本年度未发生政府信息公开行政复议、行政诉讼案件（2024年分别为2件、1件）。",
     {"admin_review_cases": 0, "litigation_cases": 0}),
    # the clean-up's counts, the new ones after those repealed; the documents the body issued, as a noun
    ("全年清理行政规范性文件，废止2件，制发1件，现行有效11件。", {"normative_docs_issued": 1, "normative_docs_in_force": 11}),
    ("全年通过中国政府网主动公开国务院及国务院办公厅政府信息1,067条，其中国务院办公厅印发的行政规范性文件31件。",
     {"proactive_items": 1067, "normative_docs_issued": 31}),
])
def test_carried_over_handled_central_bodies_reviews_an_aside_s_pairs_and_documents_issued(text, expected):
    """Blind round 71: each of these was read as another measure's count, as the year's own when it was another
    body's or another matter's, or not read (central government bodies' reports mix their own cases with those
    they decide as the review body; the own ones are those naming it the respondent, or 涉及我部)."""
    names = ("自然资源部", "国家税务总局", "生态环境部", "海关总署", "住房和城乡建设部", "人力资源社会保障部")
    assert headlines(figures(text, 2025, own_names=names)) == expected


@pytest.mark.parametrize("text, expected", [
    ("从申请人类型看，自然人申请十九件，商业企业申请二件，法律服务机构和其他组织各一件。",
     {"applications_natural_person": 19, "applications_commercial_enterprise": 2, "applications_legal_service_org": 1,
      "applications_other_org": 1}),
    ("全年收到申请12件，其中自然人申请10件，科研机构、社会公益组织申请各1件。",
     {"applications_received": 12, "applications_natural_person": 10, "applications_research_institution": 1,
      "applications_social_welfare_org": 1}),
])
def test_applicant_types_given_one_count_each(text, expected):
    """Blind round 71 (numbers in Chinese): 法律服务机构和其他组织各一件, one count standing for each of the types
    named, was not read for either."""
    assert headlines(figures(text, 2025)) == expected


@pytest.mark.parametrize("text, expected", [
    ("本年度共收取信息处理费95元5角。", {"fees_charged_cny": 95.5}),
    ("本年度共对3件申请收取信息处理费，合计350元，其中按件计收200元、按量计收150元。", {"fees_charged_cny": 350}),
    # the body's administrative fees not charged: no word on the disclosure fee
    ("本年度对1件申请收取信息处理费200元。本局不收取行政事业性收费，表中“行政事业性收费”栏为0.00。", {"fees_charged_cny": 200}),
    ("全年共收到政府信息公开申请24件，均按期答复（其中1件依法延期，结转2026年办理）。",
     {"applications_received": 24, "applications_carried_forward": 1}),
    ("2025年共收到政府信息公开申请36件，上年结转2件，共办结37件，结转至2026年继续办理1件。",
     {"applications_received": 36, "applications_carried_over": 2, "applications_answered": 37,
      "applications_carried_forward": 1}),
])
def test_fees_in_yuan_and_jiao_their_sum_after_a_comma_and_one_extended_into_next_year(text, expected):
    """Blind round 72 (money and units): 95元5角 was read 95; 收取信息处理费，合计350元 not read; 不收取行政事业性收费 was
    read as no disclosure fee charged; 1件依法延期，结转2026年办理 was not read as carried forward."""
    assert headlines(figures(text, 2025)) == expected


@pytest.mark.parametrize("lead", ["（一）主动公开。", "一是主动公开。", "（一）主动公开："])
@pytest.mark.parametrize("published", ["全年通过县政府门户网站“西塘镇”专栏公开信息168条，村务公开栏更新信息1,200余条。",
                                       "全年通过市公安局网站“交警公开”栏目及政务新媒体发布信息168条，公开行政许可决定86,214宗。"])
def test_a_paragraph_headed_by_proactive_disclosure_states_the_year_s_total(lead, published):
    """Blind round 126: (一)主动公开。全年通过…专栏公开信息168条 (a sentence of its own after its heading): the count
    was not found, or taken for one kind of information (a gap of words between 主动公开 and 信息), and the report had no
    proactive_items headline. What the heading's first sentence publishes, of no named kind, is the year's total."""
    assert headlines(figures(lead + published, 2023)).get("proactive_items") == 168


def test_a_paragraph_headed_by_proactive_disclosure_naming_one_kind_states_no_total():
    """(一)主动公开：全年发布政府采购信息96条: one kind of information, no total."""
    assert "proactive_items" not in headlines(figures("（一）主动公开：全年在网站发布政府采购信息96条。", 2023))


@pytest.mark.parametrize("text, expected", [
    ("全年共收到政府信息公开申请96件，其中网上申请71件。与2020年全年受理申请132件相比有所下降。", 96),
    ("全年共收到政府信息公开申请96件，和上年的132件比较有所下降。", 96),
])
def test_a_count_inside_a_comparison_with_another_year_is_that_year_s(text, expected):
    """Blind round 131: 与2020年全年受理申请132件相比 (the year compared with named before the count, 相比 after it): 132
    could be the report's, and the two counts disagreeing, no headline was given."""
    assert headlines(figures(text, 2021)).get("applications_received") == expected


@pytest.mark.parametrize("text, expected", [
    ("主动公开方面，全年通过市政府门户网站发布政府信息14286条，举办新闻发布会42场。", 14286),
    ("主动公开方面，全年在区政府信息公开平台震泽镇栏目发布政府信息218条，在“美丽震泽”微信公众号发布信息460余条。", 218),
    ("主动公开方面，在政府网站发布政府信息120条，在政务新媒体发布政府信息300条。", None),
])
def test_government_information_published_under_the_lead_of_proactive_disclosure_is_its_total(text, expected):
    """Blind rounds 130 and 131: 主动公开方面，全年通过…发布政府信息14286条 (one channel's words, under the lead of proactive
    disclosure; a new-media account's 信息 no 政府信息) had no headline; two channels' 政府信息 of different counts none."""
    assert headlines(figures(text, 2020)).get("proactive_items") == expected


def test_documents_in_force_after_a_review_worded_as_combing_are_read():
    """Blind round 131: 对本局制发的规范性文件进行梳理，现行有效6件 (梳理, not 清理): no figure."""
    assert headlines(figures("对本局制发的规范性文件进行梳理，现行有效6件。", 2022)).get("normative_docs_in_force") == 6


def _with_overview(lines: list[str]) -> str:
    """A 2022 report whose 一、总体情况 states its figures in ``lines`` only (a table, cards), no sentence."""
    import random

    from builder import synthetic
    from builder.forms import GOV_2021

    text = synthetic.render("固原市彭阳县人民政府", 2022, GOV_2021, synthetic.consistent_values(random.Random(2), GOV_2021),
                            "tab", prose_figures=False)
    return text.replace("一、总体情况\n", "一、总体情况\n" + "\n".join(lines) + "\n", 1)


def _report_headlines(text: str) -> dict:
    report = extract_bytes(text.encode(), "overview.txt")
    return {f.key: f.value for f in report.narrative if f.headline}


@pytest.mark.parametrize("sep", ["\t", " | "])
def test_an_overview_table_comparing_two_years_gives_the_report_year_s_column(sep):
    """Blind round 139: 指标 | 2022年数量 | 2021年数量 with counts printed with their units (1,674条 | 1,529条) gave no
    figure: a count and its unit in one cell is read as the row's number, the report year's column the year's."""
    rows = [["指标", "2021年数量", "2022年数量"], ["主动公开政府信息", "1,529条", "1,674条"],
            ["收到政府信息公开申请", "61件", "53件"], ["政府信息公开行政复议", "2件", "3件"],
            ["制发行政规范性文件", "4件", "6件"], ["结转下年度办理", "0件", "2件"]]
    found = _report_headlines(_with_overview([sep.join(r) for r in rows]))
    assert {k: found.get(k) for k in ("proactive_items", "applications_received", "admin_review_cases",
                                      "normative_docs_issued", "applications_carried_forward")} == {
        "proactive_items": 1674, "applications_received": 53, "admin_review_cases": 3, "normative_docs_issued": 6,
        "applications_carried_forward": 2}


def test_overview_cards_with_their_number_above_their_label_are_figures():
    """Infographic cards (3487 / 主动公开政府信息（条） / 2021年：3,105条): the number above its label is the year's
    figure; the line of last year's is not."""
    lines = ["3487", "主动公开政府信息（条）", "2021年：3,105条", "138", "收到政府信息公开申请（件）", "2021年：152件"]
    found = _report_headlines(_with_overview(lines))
    assert (found.get("proactive_items"), found.get("applications_received")) == (3487, 138)


def test_a_list_of_fields_names_each_measure_and_its_count_after_a_colon():
    """1. 收到申请件数：48 … 3. 办结件数：45: the counts, no 件 after them, were no figures."""
    found = figures("（二）依申请公开。本年度依申请公开主要数据如下：\n1. 收到申请件数：48（其中自然人41件，法人或其他组织7件）\n"
                    "2. 上年结转件数：0\n3. 办结件数：45\n4. 结转下年度件数：3", 2023)
    assert headlines(found) == {"applications_received": 48, "applications_natural_person": 41,
                                "applications_carried_over": 0, "applications_answered": 45,
                                "applications_carried_forward": 3}


@pytest.mark.parametrize("brackets", ["（）", "()"])
def test_what_a_count_includes_in_brackets_before_it_leaves_the_breakdown_after_it_this_year_s(brackets):
    """申请（含上年结转）95件（其中本年新收91件、上年结转4件）: 上年 in the bracket before the count was read as naming the
    year of the breakdown after it, and 91 and 4 lost their headlines."""
    opened, closed = brackets
    text = normalize(f"全年共受理政府信息公开申请{opened}含上年结转{closed}95件{opened}其中本年新收91件、上年结转4件{closed}，"
                     "办结92件，3件结转至2021年办理。")
    assert headlines(figures(text, 2020)) == {"applications_handled": 95, "applications_received": 91,
                                              "applications_carried_over": 4, "applications_answered": 92,
                                              "applications_carried_forward": 3}


def test_a_bracket_after_last_year_s_word_still_holds_last_year_s_figures():
    found = figures("行政复议7件，较上年（行政复议11件、行政诉讼2件）有所下降。", 2020)
    assert headlines(found) == {"admin_review_cases": 7}


def test_the_applications_handled_as_a_volume_of_the_disclosure_by_request():
    found = figures("依申请公开办理量为56件，其中新收申请51件、上年结转5件，较2020年的43件有所增加。", 2021)
    assert headlines(found) == {"applications_handled": 56, "applications_received": 51, "applications_carried_over": 5}


def test_a_channel_the_body_runs_after_every_level_s_count_is_no_headline():
    """Blind round 160: 全市各级行政机关…主动公开政府信息156732条，其中市政府门户网站主动公开政府信息23815条 in the city
    government's report: 市政府 named after the wider scope made the site's share the city government's own headline.
    The body itself after it still is (其中市政府本级…)."""
    own = {"own_place": "洛阳市", "own_names": ("洛阳市人民政府",)}
    found = find_figures(sentences(["全市各级行政机关通过政府网站等渠道主动公开政府信息156732条，其中市政府门户网站主动公开"
                                    "政府信息23815条。"]), 2022, **own)
    assert "proactive_items" not in headlines(found)
    found = find_figures(sentences(["全市各级行政机关共收到政府信息公开申请362件，其中市政府本级收到45件。"]), 2022, **own)
    assert headlines(found)["applications_received"] == 45
    # (no 其中: the count the body's site published for the wider scope, the body's report's own, as before)
    found = find_figures(sentences(["2024年，全省公安机关坚持以公开为常态，全年通过浙江省公安厅门户网站等平台主动公开政府信息"
                                    "1.2万条。"]), 2024, own_place="浙江省", own_names=("浙江省公安厅",))
    assert headlines(found)["proactive_items"] == 12000


@pytest.mark.parametrize("text, expected", [
    ("对现行有效的9件部门规章、27件行政规范性文件进行梳理，在局门户网站统一发布。", {"normative_docs_in_force": 27}),
    # (round 163: a government's rules and documents of the year, published, after its proactive count)
    ("全年主动公开政府信息15,284条，发布省政府规章6件、行政规范性文件21件。",
     {"proactive_items": 15284, "normative_docs_issued": 21}),
    ("全面清理税收规范性文件，现行有效税务部门规章38件、税收规范性文件604件。", {"normative_docs_in_force": 604}),
    ("全年收到政府信息公开申请1件，为自然人申请，予以公开。",
     {"applications_received": 1, "applications_natural_person": 1}),
    ("署机关全年新收政府信息公开申请2,369件，其中商业企业申请1,247件，占53%。",
     {"applications_received": 2369, "applications_commercial_enterprise": 1247}),
    ("局机关全年共收到政府信息公开申请1,516件，其中科研机构提出申请88件。",
     {"applications_received": 1516, "applications_research_institution": 88}),
])
def test_national_bodies_figures_as_they_word_them(text, expected):
    """Blind round 161 (State Council ministries): rules and documents in force each counted before its noun, a
    税收规范性文件 count, one applicant kind after 其中 with no 自然人 in the sentence, and 为自然人申请 were missed."""
    assert headlines(figures(text, year=2024)) == expected


def test_a_ministry_s_system_is_a_wider_scope_than_its_own_offices():
    """Blind round 161: 部机关全年新收…2,620件 and 部系统全年共收到…5,870件: two received counts, no headline."""
    found = find_figures(sentences(["2024年，部机关全年新收政府信息公开申请2,620件，上年结转105件。"
                                    "部系统全年共收到政府信息公开申请5,870件。"]), 2024, own_names=("交通运输部",))
    assert headlines(found)["applications_received"] == 2620


def test_another_body_s_report_abstract_in_a_page_s_related_list_is_another_report_s():
    """Blind round 162 (pages with their furniture): a 相关阅读 list before the report, 长沙市卫生健康委员会2022年政府信息
    公开工作年度报告摘要：全年主动公开政府信息4,216条: another body's count beside the body's own 1386, no headline
    left. The body's own abstract is its own."""
    own = {"own_place": "浏阳市", "own_names": ("浏阳市卫生健康局",)}
    teaser = "长沙市卫生健康委员会2022年政府信息公开工作年度报告摘要：全年主动公开政府信息4,216条，受理依申请公开84件。"
    report = "（一）主动公开：全年通过政府门户网站等渠道主动公开政府信息1386条。"
    assert headlines(find_figures(sentences([teaser, report]), 2022, **own))["proactive_items"] == 1386
    own_teaser = "浏阳市卫生健康局2022年政府信息公开工作年度报告摘要：全年主动公开政府信息1386条。"
    assert headlines(find_figures(sentences([own_teaser]), 2022, **own))["proactive_items"] == 1386


@pytest.mark.parametrize("text, expected", [
    ("全年共收到政府信息公开申请214件。从申请渠道看，通过网上申请平台收到176件，通过信函、当面等方式收到38件。",
     {"applications_received": 214, "applications_online": 176, "applications_other_channel": 38}),
    # documents reviewed are no applications answered (每季度抽取3至5件答复文书开展评查)
    ("全年共收到政府信息公开申请214件。全年累计评查答复文书20件。", {"applications_received": 214}),
    # each channel's count of what it published, no sum said: no year's total
    ("（一）主动公开：通过县政府信息公开网专栏公开信息356条，通过“肥西农业”微信公众号发布信息1,024条。", {}),
    ("（一）主动公开：全年通过门户网站发布信息1,936条。", {"proactive_items": 1936}),
])
def test_figures_among_many_other_numbers(text, expected):
    """Blind round 163 (prose full of numbers): the channels' counts received (通过…平台收到176件) were missed; 评查答复文书
    20件 was the year's answered count against table 3's 212; one channel's published count of two was the year's."""
    assert headlines(figures(text, year=2022)) == expected


@pytest.mark.parametrize("text", ["全年受理政府信息公开申请六十二件（上年结转五件，本年新收五十七件），结转下年度继续办理四件。",
                                  "全年受理政府信息公开申请62件（本年新收57件，上年结转5件）。"])
def test_a_count_split_in_a_bracket_after_it_into_new_and_carried_is_the_handled(text):
    """Blind round 165: 受理…62件（上年结转5件，本年新收57件）: the split in a bracket right after the count says the 62 are
    handled, as 其中 does; in Chinese numerals the split was not read at all (received 62 and 57, no headline)."""
    assert headlines(figures(text, year=2022))["applications_received"] == 57
    assert headlines(figures(text, year=2022))["applications_handled"] == 62


@pytest.mark.parametrize("trusted, heads", [
    ("lO", {"proactive_items": 1286, "applications_received": 17, "admin_review_cases": 1}),
    ("O", {}),  # (no sum read l as 1: l286条 is no count)
    ("", {}),
])
def test_a_count_printed_with_glyphs_the_report_s_sums_read_as_digits_is_read_so(trusted, heads):
    """Blind round 167 (ABBYY's text of scans): 主动公开政府信息l286条 and 收到申请l7件 were misread counts, no headlines,
    though the report's own table 3 read its l9 as 19 because only then its sums hold. Read glyph by glyph then."""
    found = find_figures(sentences(["全年主动公开政府信息l286条，其中政策文件4O条。", "全年共收到政府信息公开申请l7件。",
                                    "发生政府信息公开行政复议l件。"]), 2023, trusted_glyphs=frozenset(trusted))
    assert {f.key: f.value for f in found if f.headline} == heads


@pytest.mark.parametrize("other_column", ["2023-.", "2023", ".", ""])
def test_a_paragraph_beside_what_is_left_of_a_bilingual_page_s_other_column_is_prose(other_column):
    """Blind round 169 (a page laid out as a table, Chinese paragraphs beside Uyghur or Mongolian ones): the other
    script is left out, its year and stop stay (2023-.), and each paragraph's row was taken for a row of a table, its
    figures no prose: no headline."""
    lines = ["一、总体情况\t", f"2023年，全年主动公开政府信息3672条，较2022年的3418条有所增加。\t{other_column}",
             f"全年新收政府信息公开申请47件，上年结转3件。\t{other_column}"]
    assert headlines(find_figures(sentences(lines), 2023)) == {
        "proactive_items": 3672, "applications_received": 47, "applications_carried_over": 3}


@pytest.mark.parametrize("note", ["*上年结转申请中2件为2021年12月下旬收到的申请。", "上年结转的申请中有2件涉及同一事项。"])
def test_those_among_the_carried_over_are_a_part_of_them(note):
    """Blind round 171 (h509): a footnote under a table, 上年结转申请中2件为12月下旬收到的申请, gave a second carried-over
    count beside the prose's 4; with two, neither was the headline. Those among what the clause names are a part."""
    found = figures("全年共收到政府信息公开申请141件，加上年结转的4件，共145件，均已依法按时答复142件，结转下年度3件。\n"
                    + note, 2022)
    assert headlines(found)["applications_carried_over"] == 4
    assert [f.value for f in found if f.key == "applications_carried_over"] == [4, 2]


@pytest.mark.parametrize("text, forward", [
    ("全年共受理政府信息公开申请34件，上年结转2件，已全部办结，无结转。", 0),
    ("全年共收到申请12件，均已按时答复，没有结转件。", 0),
    ("全年共受理政府信息公开申请34件，无结转。", None),  # (none carried: which way, the clause does not say)
])
def test_none_carried_after_the_year_s_answered_is_none_carried_forward(text, forward):
    """Blind round 172 (h521): 已全部办结，无结转。 closes the year's applications: none left for the next year. No
    figure was read."""
    assert headlines(figures(text, 2020)).get("applications_carried_forward") == forward


def test_a_count_right_after_a_channel_s_name_is_that_channel_s():
    """Blind round 172 (h519): 按受理方式分：在线申请41件，信函申请19件 after 新收…申请63件: the online count was read as a
    second received count, and with two, neither was the headline."""
    found = figures("2024年，市政府新收政府信息公开申请63件，上年结转3件；按受理方式分：在线申请41件，信函申请19件，"
                    "当面申请3件。", 2024)
    assert headlines(found)["applications_received"] == 63
    assert headlines(found)["applications_online"] == 41


def test_the_cases_disclosure_caused_after_the_applications_are_the_year_s_cases():
    """Blind round 173 (h523): 其中因政府信息公开引发行政复议3件、行政诉讼1件。 after the applications' sentence: read as a
    part (after 其中) of some total of cases no sentence gives, so no headline. The cases disclosure caused are the
    measure itself."""
    found = figures("全年共收到政府信息公开申请56件，上年结转3件，均在法定期限内予以答复，结转下年度继续办理5件。"
                    "其中因政府信息公开引发行政复议3件、行政诉讼1件。", 2021)
    assert {k: v for k, v in headlines(found).items() if k.endswith("_cases")} == {
        "admin_review_cases": 3, "litigation_cases": 1}


def test_text_pasted_from_a_chat_without_its_punctuation_keeps_each_line_and_clause_apart():
    """Blind round 179 (reports forwarded through chat groups): no full stop anywhere, each line a paragraph, its clauses
    parted by spaces (共收到申请126件（2022年为141件） 其中网上申请97件 … 共办理131件). The lines ran together, the
    count ending one read with the next's words (办理131件行政复议: 131 review cases), the year in brackets taken for
    every count after it, and 申请39件 上年结转2件 read as 39 carried over."""
    text = "\n".join([
        "2023年 县政府全年主动公开政府信息3746条",
        "依申请公开方面 全年共收到政府信息公开申请126件（2022年为141件） 其中网上申请97件 信函申请29件 上年结转5件 共办理131件",
        "行政复议和行政诉讼方面 全年涉及政府信息公开的行政复议4件 行政诉讼3件",
        "本年度共受理政府信息公开申请126件 上年结转5件 办结128件 结转下年度3件",
        "下一步 我县将继续加强政策解读 提升公开质量",
    ])
    found = headlines(figures(text, 2023))
    assert (found["admin_review_cases"], found["litigation_cases"]) == (4, 3)
    assert (found["applications_received"], found["applications_carried_over"]) == (126, 5)
    assert (found["applications_handled"], found["applications_carried_forward"]) == (131, 3)


@pytest.mark.parametrize("text, expected", [
    ("全年共收到政府信息公开申请83宗，上年结转2宗，结转下年度继续办理6宗。",
     {"applications_received": 83, "applications_carried_over": 2, "applications_carried_forward": 6}),
    ("主动公开政府信息4,127篇，其中政策文件156篇、政策解读87篇。", {"proactive_items": 4127}),
    ("全年主动公开政府信息1,876则，召开新闻发布会6场，回应网民留言1,032人次。", {"proactive_items": 1876}),
    ("新收政府信息公开申请238个，上年结转12个，共办理250个，结转下年度9个。",
     {"applications_received": 238, "applications_carried_over": 12, "applications_handled": 250,
      "applications_carried_forward": 9}),
    ("主动公开各类信息2,046项，更新栏目52次。", {"proactive_items": 2046}),
    ("全年共收到政府信息公开申请21起，均依法作出答复。", {"applications_received": 21, "applications_answered": 21}),
    # not counts of these: days, measures, a person's data
    ("全年收到政府信息公开申请5件，平均办理时长8个工作日。", {"applications_received": 5}),
    ("制定政务公开制度12项，主动公开政府信息300条。", {"proactive_items": 300}),
    ("共收到政府信息公开申请82件，其中个人申请57件，涉及个人信息3件。",
     {"applications_received": 82, "applications_natural_person": 57}),
    ("本年度收到政府信息公开申请7宗；上年结转1宗，共办理8宗，结转下年度1宗。",  # (disclosure named a clause before)
     {"applications_received": 7, "applications_carried_over": 1, "applications_handled": 8,
      "applications_carried_forward": 1}),
    # other processes' counts in these counters (blind rounds 178, 193: a trading centre's, an interview's questions)
    ("全年受理进场交易项目申请4589个，交易额约2860亿元。", {}),
    ("本次访谈累计收到提问58个，现场答复41个。", {}),
])
def test_counts_in_other_counters(text, expected):
    """Blind round 210 (h816, h818): counts in the counters agencies use besides 件 and 条 (申请83宗, 信息4,127篇, 1,876则,
    238个, 2,046项, 21起) and applicants called 个人 were not read."""
    assert headlines(figures(text, 2023)) == expected


@pytest.mark.parametrize("text, key, value", [
    ("全年共收到政府信息公开申请478件，其中通过网络申请412件、信函申请35件、当面申请28件、传真申请3件，网络以外其他渠道申请合计66件。",
     "applications_other_channel", 66),
    ("全年收到政府信息公开申请7件，均通过依申请公开系统网上提交，网上申请共计7件。", "applications_online", 7),
    ("全年制发行政规范性文件6件（含区政府规范性文件4件、区政府办公室规范性文件2件），废止4件，截至年底现行有效23件。",
     "normative_docs_in_force", 23),
    ("本年度共收费3笔合计600元，均为申请人要求提供大量纸质复印件产生的信息处理费。", "fees_charged_cny", 600),
    ("对申请人依法免收信息处理费，本年度未发生收费情况。", "fees_charged_cny", 0),
])
def test_channel_documents_and_fees_in_other_words(text, key, value):
    """Blind round 211 (h822, h823): a sum said with 合计 or 共计 before it (其他渠道申请合计66件, 网上申请共计7件), the
    documents in force after an aside and 截至年底, the charges counted before their sum (收费3笔合计600元) and
    未发生收费情况 were not read."""
    assert headlines(figures(text, 2023))[key] == value


@pytest.mark.parametrize("text, expected", [
    ("第一季度主动公开信息1,204条，第二季度1,387条，第三季度1,122条，第四季度1,456条，合计5,169条。",
     {"proactive_items": 5169}),
    ("第一季度收到政府信息公开申请28件，第二季度33件，第三季度31件，第四季度31件，合计123件。",
     {"applications_received": 123}),
    ("上半年收到申请9件，下半年12件，全年共计21件。", {"applications_received": 21}),
    ("截至6月底累计收到申请14件，1-11月累计29件，全年共收到政府信息公开申请32件。", {"applications_received": 32}),
    # (no sum for the year: no headline; a count up to a month is the part of the year it says)
    ("第一季度主动公开信息1,204条，第二季度1,387条。", {}),
    ("截至11月底，共收到申请118件。", {}),
])
def test_counts_by_period_and_the_year_s_sum(text, expected):
    """Blind round 213 (h837): counts by quarter or half-year closed by their sum (…第四季度1,456条，合计5,169条) gave no
    headline, and 全年共收到…32件 after 截至6月底…14件 was read as a part of the year, the date before it scoping it."""
    assert headlines(figures(text, 2023)) == expected


def test_a_count_said_to_be_proactive_beats_a_site_s_postings_it_is_part_of():
    """Blind round 214 (h842): 县政府门户网站全年发布信息4,127条，其中主动公开政府信息2,693条 gave no headline, the site's
    postings (news and notices among them) and the proactive count disagreeing: the count said to be proactive is."""
    found = figures("（一）主动公开：县政府门户网站全年发布信息4,127条，其中主动公开政府信息2,693条，"
                    "其余为工作动态、通知公告等。", 2023)
    assert headlines(found)["proactive_items"] == 2693


@pytest.mark.parametrize("wechat", ["940", "1,040"])
def test_two_channels_counts_under_one_whole_year_give_no_headline(wechat):
    """Blind round 187 (h634_06): 全年在…网站…栏目主动公开信息593条，通过…公众号主动公开信息940条 made the first count the
    year's, its clause opening with 全年 as a total does; that 全年 scopes both channels' counts, and no sum is said.
    (With 1,040 the second clause was lost to its thousands comma, and the two were not told apart at all.)"""
    found = figures(f"（一）主动公开：全年在三台县人民政府网站教育和体育局栏目主动公开信息593条，通过“三台教育”微信公众号主动公开"
                    f"信息{wechat}条。", 2023)
    assert "proactive_items" not in headlines(found)
