"""The report year: which statement settles it, and when it stays unsure."""

from __future__ import annotations

import random

import pytest

from builder import errors, forms, synthetic
from builder.extraction.extract import extract_bytes
from builder.extraction.metadata import UNSURE_YEAR_SOURCES, find_agency_name, find_year
from builder.reading.document import body_lines

N = "彭阳县人民政府"
PERIOD = "本报告所列数据统计期限自2023年1月1日至2023年12月31日止。"


def _lines(*text: str) -> list[str]:
    return body_lines("\n".join(text))


@pytest.mark.parametrize("title", [
    f"{N}政府信息公开工作年度报告（2023年度）",
    f"{N}政府信息公开工作年度报告(2023年)",
    f"{N}政府信息公开工作2023年度报告",
    f"{N}二0二三年政府信息公开工作年度报告",
    f"{N}2O23年政府信息公开工作年度报告",
    f"{N}\n2023年度\n政府信息公开工作年度报告",
])
def test_title_year_however_printed(title):
    """The opening's other year (2022年，本机关收到…) does not outrank the title's."""
    lines = _lines(title, "2022年，本机关收到申请5件；现将本年度工作报告如下。", "一、总体情况")
    assert find_year(lines) == (2023, "title")
    assert find_agency_name(lines) == N


def test_title_after_a_breadcrumb_on_a_page_flattened_to_one_line():
    lines = _lines(f"当前位置：首页 > 政务公开 > 年度报告 {N}2023年政府信息公开工作年度报告 一、总体情况 "
                   "2022年，本机关收到申请5件；现将本年度工作报告如下。")
    assert find_year(lines) == (2023, "title")
    assert find_agency_name(lines) == N


@pytest.mark.parametrize("citation", ["对照《{n}2022年政府信息公开工作年度报告》提出的问题，已逐项整改。",
                                      "针对《{n}2022年政府信息公开工作年度报告》中提出的问题，本年度已全部整改到位。"])
def test_a_cited_report_of_another_year_is_not_this_report(citation):
    cited = citation.format(n=N)
    assert find_year(_lines(f"{N}政府信息公开工作年度报告", cited, PERIOD)) == (2023, "统计期限")
    published = "根据《条例》规定，现公布彭阳县人民政府2023年政务公开工作年度报告。"
    assert find_year(_lines(f"{N}政府信息公开工作年度报告", cited, published)) == (2023, "publication sentence")
    # One line (a page flattened): the title after the breadcrumb, the citation further on.
    flat = f"当前位置：首页 > 政务公开 > 年度报告 {N}2023年政府信息公开工作年度报告 一、总体情况 {cited}"
    assert find_year(_lines(flat)) == (2023, "title")
    # Nothing else dates the report: the citation alone does not, the body's clauses do.
    assert find_year(_lines(f"{N}政府信息公开工作年度报告", cited, "2023年，本机关认真落实条例。")) == (
        2023, "opening sentence")


def test_the_report_s_own_title_after_the_verb_publishing_it_dates_it():
    lines = _lines("根据《条例》规定，现发布《彭阳县2022年政府信息公开工作年度报告》。", "2021年，本机关收到申请。")
    assert find_year(lines) == (2022, "《…年度报告》")


RELATED = [f"{N}2022年政府信息公开工作年度报告", f"{N}2021年政府信息公开工作年度报告"]


@pytest.mark.parametrize("above", [RELATED, ["相关文章：", *(f"· {t}" for t in RELATED)], [f"上一篇：{RELATED[0]}"]])
def test_titles_of_related_reports_around_the_title(above):
    title = f"{N}2023年政府信息公开工作年度报告"
    assert find_year(_lines(*above, title, PERIOD, "一、总体情况")) == (2023, "统计期限" if above == RELATED else "title")
    assert find_year(_lines(*above, title, "一、总体情况", "2023年，本机关认真落实条例。"))[0] == 2023
    assert find_year(_lines(title, f"相关链接：{RELATED[0]}", "一、总体情况"))[0] == 2023


def test_titles_of_several_years_and_nothing_backing_one_leave_the_year_unsure():
    year, source = find_year(_lines(*RELATED, f"{N}2023年政府信息公开工作年度报告", "一、总体情况"))
    assert (year, source) == (2023, "title, among others") and source in UNSURE_YEAR_SOURCES


def test_other_years_reports_over_a_title_without_its_year_leave_the_year_to_the_period():
    """Blind round 225: a list of other years' reports (往年年报) over the report's own title printed without its
    year, its 统计期限 naming the year: the year was the listed title's nearest the body (2020 for 2022)."""
    lines = _lines("往年年报", *RELATED[::-1], f"{N}2020年政府信息公开工作年度报告", f"{N}政府信息公开工作年度报告",
                   "本报告所列数据的统计期限自2019年1月1日起至2019年12月31日止。", "一、总体情况")
    year, source = find_year(lines)
    assert (year, source) == (2019, "period, against another title") and source in UNSURE_YEAR_SOURCES


def test_a_title_spanning_two_years_is_settled_by_the_period():
    assert find_year(_lines(f"{N}2023—2024年政府信息公开工作年度报告", PERIOD)) == (2023, "统计期限")


def test_a_period_in_chinese_numerals():
    assert find_year(_lines(f"{N}政府信息公开工作年度报告", "本报告统计数据时间从二〇二三年一月一日至十二月三十一日。")) == (
        2023, "统计期限")


def test_without_title_year_or_period_the_body_s_clauses_decide():
    """A plan for the next year (2024年，我们将…) is not the year reported on; clauses of two years
    leave the year unsure (the later, or the more frequent, is read)."""
    plan = _lines(f"{N}政府信息公开工作年度报告", "2024年，我们将继续做好政务公开工作。", "2023年，工作仍有不足。")
    assert find_year(plan) == (2023, "opening sentence")
    mixed = _lines(f"{N}政府信息公开工作年度报告", "2022年，本机关收到申请5件。", "2023年，工作仍有不足。")
    year, source = find_year(mixed)
    assert year == 2023 and source in UNSURE_YEAR_SOURCES


def _report(head: list[str], intro: str, year: int = 2023) -> bytes:
    rng = random.Random(1)
    values = synthetic.consistent_values(rng, forms.GOV_2021)
    body = synthetic.render("本机关", year, forms.GOV_2021, values, "tab").split("\n", 1)[1]
    body = "\n".join(line for line in body.split("\n") if "统计" not in line)  # no 统计期限 sentence
    return ("\n".join(head) + "\n\n" + intro + "\n\n" + body).encode()


def test_an_unsure_year_is_flagged_in_the_report_s_warnings():
    data = _report([f"{N}政府信息公开工作年度报告"], "一、总体情况\n2022年，本机关收到申请5件。2023年，本机关认真落实条例。")
    report = extract_bytes(data, "r.txt")
    assert report.year == 2023 and "year_unsure" in [w["code"] for w in report.warnings]
    settled = extract_bytes(_report([f"{N}2023年政府信息公开工作年度报告"], "一、总体情况\n2022年，本机关收到申请5件。"),
                            "r.txt")
    assert settled.year == 2023 and "year_unsure" not in [w["code"] for w in settled.warnings]


@pytest.mark.parametrize("statement", [PERIOD, "本报告统计数据时间从2023年1月1日至12月31日。",
                                       "现将本机关2023年度政府信息公开工作情况报告如下。"])
@pytest.mark.parametrize("title_year", ["2028", "2O28", "2022"])
def test_a_title_its_own_statements_contradict_is_read_but_left_unsure(statement, title_year):
    """An OCR-misread title year (2028 for 2023) or last year's title kept over this year's
    report: the title is still read first, but the period or publishing sentence that contradicts
    it leaves the year unsure (a reading note), not settled."""
    year, source = find_year(_lines(f"{N}{title_year}年政府信息公开工作年度报告", statement, "一、总体情况"))
    assert year == int(title_year.replace("O", "0")) and source in UNSURE_YEAR_SOURCES
    assert find_year(_lines(f"{N}2023年政府信息公开工作年度报告", statement, "一、总体情况")) == (2023, "title")


@pytest.mark.parametrize("period", ["本报告统计数据期限为2023年度。", "本报告数据截至2023年12月31日。",
                                    "本报告所列数据统计截止到2023年12月31日。"])
def test_a_period_given_as_the_whole_year_or_its_last_day_settles_a_title_without_a_year(period):
    lines = _lines(f"{N}政府信息公开工作年度报告", period, "一、总体情况", "本机关认真贯彻落实政务公开工作要求。")
    assert find_year(lines) == (2023, "统计期限")


def test_a_stock_counted_to_another_year_end_is_no_period():
    """截至2022年底 in a sentence about documents in force is no statistical period."""
    lines = _lines(f"{N}政府信息公开工作年度报告", "截至2022年12月31日，现行有效规范性文件23件。",
                   "一、总体情况", "本机关认真贯彻落实政务公开工作要求。")
    assert find_year(lines)[1] != "统计期限"


def test_a_title_against_its_period_and_its_body_takes_their_year_still_unsure():
    """Titled with the year of publication (2023) over a report whose period and dated sentences all
    say 2022: two witnesses against the title. The year is theirs, and not settled."""
    lines = _lines(f"{N}2023年政府信息公开工作年度报告", "本报告所列数据统计期限自2022年1月1日至2022年12月31日止。",
                   "一、总体情况", "2022年，本机关认真落实条例。", "2022年，本机关收到申请5件。")
    assert find_year(lines) == (2022, "period, against the title")
    alone = _lines(f"{N}2023年政府信息公开工作年度报告", "本报告所列数据统计期限自2022年1月1日至2022年12月31日止。",
                   "一、总体情况", "2023年，本机关认真落实条例。")
    assert find_year(alone) == (2023, "title, against the period")  # the body backs the title
    # last year's title and opening kept (现将…2022年度…报告如下), this year's period and sentences: they were outvoted
    kept = _lines(f"{N}2022年政府信息公开工作年度报告", "现将本机关2022年度政府信息公开工作情况报告如下。",
                  "本报告所列数据统计期限自2023年1月1日至2023年12月31日止。", "一、总体情况",
                  "2023年，本机关认真落实条例。", "2023年，本机关收到申请5件。")
    assert find_year(kept) == (2023, "period, against the title")


def test_a_pdf_line_of_a_sentence_quoting_a_title_is_no_title():
    """…现发布《西安 / 市雁塔区人民政府 2022 年政府信息公开工作年度报告》。本: a narrow PDF's line of the
    publishing sentence looked like a second title, of another year, and the title's year lost to it."""
    from builder.extraction.metadata import title_line_year

    assert title_line_year("市雁塔区人民政府 2022 年政府信息公开工作年度报告》。本") is None
    assert title_line_year("西安市雁塔区人民政府2022年政府信息公开工作年度报告") == 2022
    lines = ["西安市雁塔区人民政府", "2023年政府信息公开工作年度报告", "根据《条例》要求，现发布《西安",
             "市雁塔区人民政府2023年政府信息公开工作年度报告》。本", "报告所列数据统计期限自2023年1月1日至2023年12月31日止。",
             "一、总体情况", "2023年，雁塔区认真贯彻落实《条例》。"]
    assert find_year(lines) == (2023, "title")


def test_a_report_of_before_the_form_speaking_its_words_in_prose_is_pre_2019():
    """A 2018 report writing 本年新收…予以公开…结转下年度 in its prose, with no table: it was read as the 2019
    form, every cell missing. A 2018 report printing the form's tables keeps the form."""
    prose = ("长沙市岳麓区人民政府2018年政府信息公开工作年度报告\n一、总体情况\n2018年，本机关认真落实《条例》。\n"
             "二、主动公开政府信息情况\n全年主动公开政府信息3120条。\n三、收到和处理政府信息公开申请情况\n"
             "本年新收政府信息公开申请68件，上年结转政府信息公开申请3件；予以公开41件，部分公开6件，属于国家秘密不予公开2件，"
             "本机关不掌握相关政府信息14件，重复申请7件，结转下年度继续办理1件。\n"
             "四、政府信息公开行政复议、行政诉讼情况\n全年未发生行政复议和行政诉讼，结果维持0件。")
    report = extract_bytes(prose.encode(), "yuelu.txt")
    assert (report.year, report.template) == (2018, "pre-2019")
    v = synthetic.consistent_values(random.Random(2), forms.GOV_2019)
    tables = synthetic.render("长沙市岳麓区人民政府", 2018, forms.GOV_2019, v, "tab")
    assert extract_bytes(tables.encode(), "yuelu2.txt").template == forms.GOV_2019


def test_the_page_s_title_and_the_article_s_own_of_another_year_fail_the_year_check():
    """The page is titled 2023, the article's own heading still says 2022 (last year's pasted), the period
    2023: the year is the period's, unsure, and meta.year fails naming the other title."""
    from builder.checks import check_report

    v = synthetic.consistent_values(random.Random(3), forms.GOV_2021)
    printed = {c: synthetic._fmt(x) for c, x in v.items()}
    data, _ = synthetic.render_layout(random.Random(1), N, 2023, forms.GOV_2021, printed, v, "tab")
    text = data.decode().replace(f"{N}2023年政府信息公开工作年度报告", f"横店镇2023年政府信息公开工作年度报告\n"
                                 f"发布时间：2024-01-25\n{N}2022年政府信息公开工作年度报告", 1)
    report = extract_bytes(text.encode(), "report.txt")
    assert (report.year, report.year_source) == (2023, "period, against another title")
    check_report(report)
    year = next(r for r in report.checks if r.id == "meta.year")
    assert (year.outcome, year.left, year.right) == ("fail", 2022, 2023) and "另一个标题" in year.detail_zh


@pytest.mark.parametrize("misprint, outcome", [("2109年", "fail"), ("2202年度", "fail"), ("2023年", "pass")])
def test_a_title_year_misprinted_as_no_year_fails_the_year_check(misprint, outcome):
    """Blind round 162: 霍山县人民政府2109年政府信息公开工作年度报告, its period 2019: the year is the period's, and
    the title's 2109, no year, was not read at all, so meta.year passed where the title disagrees with the body."""
    from builder.checks import check_report

    v = synthetic.consistent_values(random.Random(3), forms.GOV_2021)
    printed = {c: synthetic._fmt(x) for c, x in v.items()}
    data, _ = synthetic.render_layout(random.Random(1), N, 2023, forms.GOV_2021, printed, v, "tab")
    text = data.decode().replace(f"{N}2023年政府信息公开", f"{N}{misprint}政府信息公开", 1)
    report = extract_bytes(text.encode(), "report.txt")
    check_report(report)
    year = next(r for r in report.checks if r.id == "meta.year")
    assert (report.year, year.outcome) == (2023, outcome)
    if outcome == "fail":
        assert (year.left, year.right) == (int(misprint[:4]), 2023) and "标题" in year.detail_zh


def test_a_link_to_last_year_s_report_below_a_short_article_is_no_second_title():
    """往期推荐 under a WeChat article names last year's report within the page's first lines: not the
    article's own heading, so no title disagrees."""
    opening = ("根据《中华人民共和国政府信息公开条例》规定，现公布彭阳县人民政府2023年政府信息公开工作年度报告。"
               + PERIOD)
    lines = _lines(f"{N}2023年政府信息公开工作年度报告", opening, "一、总体情况", "2023年，本机关认真落实条例。",
                   "往期推荐", f"{N}2022年政府信息公开工作年度报告")
    assert find_year(lines) == (2023, "publication sentence")


def test_a_list_of_related_reports_of_two_years_above_the_title_is_no_second_title():
    """A portal's column lists the latest reports above the article (the city's 2022, a bureau's 2021, …): two
    years among four titles, but no article's own title of another year."""
    listed = ["温州市人民政府2022年政府信息公开工作年度报告", f"{N}2021年政府信息公开工作年度报告",
              f"{N}2022年政府信息公开工作年度报告"]
    lines = _lines(*listed, "温州市市场监督管理局2022年政府信息公开工作年度报告", PERIOD.replace("2023", "2022"),
                   "一、总体情况")
    assert find_year(lines)[1] != "period, against another title"


_SIBLINGS = ("彭阳县教育局", "彭阳县卫生健康局", "彭阳县自然资源局", "彭阳县财政局", "彭阳县民政局")


def test_teasers_of_related_reports_above_the_article_are_no_titles_nor_its_years():
    """Blind round 52: a portal's 相关报告 above the article, each report's title, its opening sentence and
    查看全文>>: the year was the period's against 'another title' (2022) and meta.year failed on the teasers'
    2022 (the report's 存疑)."""
    from builder.checks import check_report

    v = synthetic.consistent_values(random.Random(3), forms.GOV_2021)
    printed = {c: synthetic._fmt(x) for c, x in v.items()}
    data, _ = synthetic.render_layout(random.Random(1), N, 2023, forms.GOV_2021, printed, v, "tab")
    teasers = "".join(f"{name}2022年政府信息公开工作年度报告\n2022年，{name}主动公开政府信息{k + 8000}条，共收到政府"
                      f"信息公开申请{k + 90}件。\n查看全文>>\n" for k, name in enumerate([N, *_SIBLINGS]))
    text = f"{N}2023年政府信息公开工作年度报告\n相关报告\n{teasers}" + data.decode()
    report = extract_bytes(text.encode(), "report.txt")
    assert (report.year, report.year_source) == (2023, "title")
    check_report(report)
    assert next(r for r in report.checks if r.id == "meta.year").outcome == "pass"


@pytest.mark.parametrize("cut", ["……", "…", "..."])
def test_a_related_report_s_title_and_summary_cut_short_above_the_article_are_a_teaser(cut):
    """Blind round 173 (h529): an app page's 相关阅读 read out of its script before the article, the other year's title
    and its summary cut short (上派镇2023年主动公开政府信息385条，收到…5件……), no 查看全文 link: meta.year failed on
    'another title' of 2023 and the report was 存疑."""
    from builder.checks import check_report

    v = synthetic.consistent_values(random.Random(3), forms.GOV_2021)
    printed = {c: synthetic._fmt(x) for c, x in v.items()}
    data, _ = synthetic.render_layout(random.Random(1), N, 2023, forms.GOV_2021, printed, v, "tab")
    teaser = f"{N}2022年政府信息公开工作年度报告\n2022年主动公开政府信息8000条，收到政府信息公开申请90件{cut}\n"
    report = extract_bytes((teaser + data.decode()).encode(), "report.txt")
    assert report.year == 2023
    check_report(report)
    assert next(r for r in report.checks if r.id == "meta.year").outcome == "pass"


def _unnamed(title: str, signature: list[str], first: list[str] = ()) -> bytes:
    """A report that names itself nowhere but where given: its title ``title``, its body 本机关 and no year (本年度,
    今年以来), then ``signature``; ``first`` lines above the title (a saved page's breadcrumb)."""
    v = synthetic.consistent_values(random.Random(2), forms.GOV_2021)
    text = synthetic.render(N, 2021, forms.GOV_2021, v, "tab", prose_figures=False)
    lines = [line.replace(N, "本机关").replace("2021年1月1日至2021年12月31日", "本年度1月1日至12月31日")
             .replace("2021年，", "今年以来，") for line in text.split("\n")]
    return "\n".join([*first, title, *lines[1:], *signature]).encode()


@pytest.mark.parametrize("title", ["二〇二一年政府信息公开工作年度报告", "2021年度政府信息公开工作年度报告",
                                   "2021年度政府信息公开工作年度报告附表", "2021年政府信息公开工作年度报告（附表）"])
def test_a_title_naming_no_body_still_gives_the_year(title):
    """A title with a year and no name (the agency signs at the end), and no year in the period or the body (本年度,
    今年以来): the report was lost for want of a year, its title's unread. Blind round 204: the report's tables printed
    apart under …年度报告附表 and 填报单位：… were lost so too."""
    report = extract_bytes(_unnamed(title, ["准格尔旗林业和草原局", "二〇二二年一月二十日"]), "report.txt")
    assert (report.agency.name, report.year, report.year_source) == ("准格尔旗林业和草原局", 2021, "title")


def test_a_report_dated_only_by_its_signature_reports_on_the_year_before():
    """No year in the title, the period or the body; the signature dated 2022年1月20日. Reports are due by 31 January
    (31 March before 2019) for the year before: the 2021 report, its year flagged unsure. Signed in the second half
    of a year, the date settles nothing and the report is refused for want of a year."""
    title = "成都市武侯区教育局政府信息公开工作年度报告"
    report = extract_bytes(_unnamed(title, ["成都市武侯区教育局", "2022年1月20日"]), "report.txt")
    assert (report.year, report.year_source) == (2021, "signature date")
    assert "year_unsure" in {w["code"] for w in report.warnings}
    with pytest.raises(errors.MissingMetadata):
        extract_bytes(_unnamed(title, ["成都市武侯区教育局", "2022年9月20日"]), "report.txt")


def test_two_nameless_titles_of_two_years_give_neither():
    """A list of related reports (2021年… / 2020年…) names two years: no title's year."""
    lines = _lines("2021年政府信息公开工作年度报告", "2020年政府信息公开工作年度报告", "一、总体情况", "本机关认真贯彻《条例》。",
                   "沛县教育局", "2022年1月20日")
    assert find_year(lines) == (2021, "signature date")
