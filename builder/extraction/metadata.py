"""Who published a report, for which year, and where: names, years, regions, ids.

Regions and 行政区划代码 come from the cpca gazetteer, brought up to the current
division table (``gazetteer``); slugs from pypinyin with jieba word segmentation,
so that ids are stable ASCII and readable.
"""

from __future__ import annotations

import getpass
import hashlib
import importlib.resources
import logging
import os
import re
import sys
import types
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from functools import lru_cache

from ..limits import memoised_when_short

# Han characters, with the extensions that rare place names use (长沙县㮾梨街道).
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f"
_HAN_LETTER = re.compile(f"[{_HAN}]")
# Figures and Latin letters inside a name (成都市12345政务服务便民热线管理办公室, 南宁市公安局110指挥中心, 德清县5G产业发展办公室,
# 长沙市芙蓉区CBD管理委员会, …税务局第2税务所): after a place's or a body's name or an ordinal's 第, with more of the name
# right after them. Not a year's, a date's, a number's or a page's (…分局2023年度…, 3月, 30号, 第1页), and never a name's
# start (a line's or a list's number, a date): a name's characters begin with a Han one. (Reading made full-width
# figures and letters ASCII: 东莞市１２３４５热线办公室 is 东莞市12345热线办公室.)
_ALNUM = "0-9A-Za-z"
_INNER_ALNUM = (r"(?<=[第省市县区旗州盟局厅委办心院署所站队处乡镇会司团关行联道府室])[" + _ALNUM + r"]+"
                r"(?=[" + _HAN + r"])(?![年月日号页])")
_NAME_WORD = r"(?:[" + _HAN + r"]|" + _INNER_ALNUM + r")"  # a name's character, or figures and letters inside it
_NAME_CHAR = r"(?:[" + _HAN + r"（）()]|" + _INNER_ALNUM + r")"  # …or a bracket (its second name, its place's)
_YEAR = r"((?:19|20)\d{2})"
# What a report's title calls the work it reports on, and what it calls itself: …工作年度报告, …年报.
_WORK = r"(?:政府信息公开|政务信息公开|政务公开|信息公开|政府信息与政务公开)"
_REPORT_WORD = r"(?:(?:年度)?报告|年报)"
# (…2020年度政务公开工作总结暨政府信息公开工作年度报告: another document's name, then 暨, then the report's)
_REPORT = r"\s*年(?:年?度)?\s*(?:[^\n《》。暨]{0,16}?暨)?" + _WORK + r"[^\n《》。]{0,12}?" + _REPORT_WORD
_TITLE = re.compile(r"^\s*+(?:关于)?(?P<name>[^\n。，,《>]{0,40}?)\s*" + _YEAR + _REPORT)
# 2024年一月二十日 is a date, not a title's year.
_DATE_AFTER_YEAR = r"(?!\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*月)"
_TITLE_YEAR_FIRST = re.compile(r"^\s*" + _YEAR + r"\s*年(?:度)?" + _DATE_AFTER_YEAR
                               + r"\s*(?P<name>" + _NAME_CHAR + r"{2,40}?)\s*"
                               + _WORK + r"[^\n《》。]{0,12}?" + _REPORT_WORD)
# The year after the words: …年度报告（2023年度）, …工作2023年度报告.
_NAME_BEFORE_WORDS = r"^\s*(?P<name>" + _NAME_CHAR + r"{2,40}?(?:人民政府|政府)?)\s*(?:政府信息公开|政务信息公开|政务公开)"
_TITLE_YEAR_LAST = (
    re.compile(_NAME_BEFORE_WORDS + r"[^\n《》。（(]{0,12}?(?:报告|年报)\s*[（(]\s*" + _YEAR + r"\s*年?度?\s*[)）]"),
    re.compile(_NAME_BEFORE_WORDS + r"(?:工作)?\s*" + _YEAR + r"\s*年(?:度)?\s*(?:工作)?(?:年度)?报告"),
)
_CLAUSE_MARK = re.compile(r"[,，。；;:：]")
# What follows a report's name in a sentence, not a title: a few words, then a clause mark with more after it
# (…年度报告发布稿正文，供各部门…); not the report's text run on after its title (…报告一、总体情况2022年，…).
_SENTENCE_GOES_ON = re.compile(r"[\u4e00-\u9fff]{0,10}[,，;；]\s*[\u4e00-\u9fff]")  # (not a CSV row's empty fields)
# How the title of a page that is another document ends (a catalogue, a guide, a notice).
_OTHER_TITLE_END = re.compile(r"(?:目录|指南|通知|制度|要点|总结|方案|的函)$")
_TITLE_END = re.compile(r"(?:报告|年报)\s*(?:[（(]\s*全文\s*[)）])?$")
_OTHER_TITLE_MIN = 10  # characters: a document's title names its agency; a menu entry (政府信息公开指南) is shorter
_TITLE_NO_YEAR = re.compile(r"^\s*(?P<name>" + _NAME_WORD + r"{2,40}?)\s*"
                            r"(?:政府信息公开|政务信息公开|政务公开)工作(?:年度报告|年报)")
_BOOK_TITLE = re.compile(r"《(?P<name>[^《》\n]{0,40}?)\s*" + _YEAR + _REPORT + r"》")
_PUBLISH = re.compile(r"(?:现公布|现发布|现予公布|特发布|现将|特此公布)\s*(?P<name>[^,，。《\n]{0,40}?)\s*" + _YEAR
                      + r"\s*年度?\s*(?:政府信息公开|政务公开|信息公开|工作)")
# The statistical period: from 1 January (…自2023年1月1日起), the whole year (…期限为2023年度), or the
# data's year-end date (本报告数据截至2023年12月31日).
_PERIOD = re.compile(r"(?:(?:统计期限|统计数据|统计时限|统计时间|数据统计)[^。\n]{0,8}?(?:从|自|为)?\s*" + _YEAR
                     + r"\s*年\s*(?:[1一]\s*月\s*[1一]\s*日|度)"
                     r"|(?:数据|统计)[^。\n，,]{0,4}?(?:截至|截止)(?:到|至)?\s*" + _YEAR
                     + r"\s*年\s*(?:12|十二)\s*月\s*(?:31|三十一)\s*日)")
# A report's own title right after the verb that publishes it (现发布《彭阳县2022年…报告》), not a citation.
_OWN_BOOK_TITLE = re.compile(r"(?:现公布|现发布|现予公布|特发布|现印发|印发|现将)\s*" + _BOOK_TITLE.pattern)
# A report cited as another one: 对照《…2017年…报告》, 针对《…》中提出的问题.
_CITING = re.compile(r"(?:对照|针对|根据|按照|落实|参照|结合|同)\s*$")
# (…镇人民政府信息公开工作: 人民政府 and 信息公开, not 人民 and 政府信息公开)
_OPENING = re.compile(r"^\s*" + _YEAR + r"\s*年(?:度)?\s*[,，]\s*(?P<name>" + _NAME_WORD + r"{2,40}?)"
                      + r"(?<!人民)" + _WORK + "工作")
_COMPILED_BY = re.compile(r"本报告由\s*(?P<name>" + _NAME_WORD + r"{2,40}?)\s*(?:[(（]\s*以下简称[^()（）]{0,12}[)）]\s*)?"
                          r"(?:根据|依据|按照|编制)")
# 本年度报告根据《条例》要求，由X编制: the compiler after what the report follows (read where the title names none).
_COMPILED_AFTER = re.compile(r"本(?:年度)?报告[^。\n]{0,160}?[，,]\s*由\s*(?P<name>" + _NAME_WORD + r"{2,40}?)\s*"
                             r"(?:[(（]\s*以下简称[^()（）]{0,12}[)）]\s*)?编制")
# …，井冈山市人民政府办公室编制了本年度报告 (…编制了2024年政府信息公开工作年度报告): the compiler as the sentence's
# subject.
_THIS_REPORT = r"(?:编制|编写|撰写)了?(?:(?:本|此|该)(?:年度)?|(?:19|20)\d{2}\s*年度?\s*(?:政府)?信息公开工作年度)报告"
_COMPILED_THIS = re.compile(r"(?:^|[,，。；;])\s*(?P<name>" + _NAME_WORD + r"{2,40}?)\s*" + _THIS_REPORT, re.M)
_COMPILED_THIS_VERB = re.compile(_THIS_REPORT)  # found fast, or no need to try the above

# What an agency's name ends with (a grammatical list, not a gazetteer).
_INSTITUTION_WORDS = (r"(?:人民政府办公室|人民政府办公厅|人民政府|政府办公室|政府办公厅|政府|办事处|街道|管理委员会|管委会|"
                      r"委员会|办公室|办公厅|局|厅|委|办|中心|院|署|所|站|队|处|乡|镇|总局|分局|海关|支行|分行|公司|集团|"
                      # (mass organisations publish reports too: 残疾人联合会, 红十字会, 科学技术协会, and their short names)
                      r"联合会|红十字会|总工会|协会|残联|妇联|科协|侨联|文联|工商联)")
INSTITUTION = re.compile(_INSTITUTION_WORDS + "$")
# The institution an opening sentence makes its subject: 2023年，彭阳县教育局认真贯彻落实…
_OPENING_SUBJECT = re.compile(r"^\s*" + _YEAR + r"\s*年(?:度)?\s*[,，]\s*(?P<name>" + _NAME_CHAR + r"{2,30}?"
                              + _INSTITUTION_WORDS
                              + r")(?=认真|坚持|深入|严格|始终|紧紧|全面|持续|高度|进一步|积极|扎实|不断|按照|围绕)", re.M)
# A line opening with the body's name, its report's title after it or not, then what it follows (南宁市兴宁区人力资源和
# 社会保障局根据《…条例》要求，编制…; 淮安市洪泽区…局2023年度政府信息公开工作年度报告根据…编制): the body that compiled it.
_OPENING_BY_LAW = re.compile(r"^\s*(?P<name>" + _NAME_CHAR + r"{4,40}?" + _INSTITUTION_WORDS + r")\s*"
                             r"(?:(?:19|20)\d{2}\s*年度?[" + _HAN + r"]{0,30}?报告\s*)?(?:根据|依据|按照)\s*《", re.M)
_REGION_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "新区", "省", "市", "区",
                    "县", "旗", "盟")


# Labels a crawled page prints around the report (the value after 标题 is the title).
# 名 称<td>…; an open-data portal's export: 数据名称,<title> (a CSV's key and value)
_TITLE_LABEL = re.compile(r"^\s*[|【\[]?\s*(?:标\s*题|题\s*名|文章标题|信息名称|名\s*称|数据(?:集)?名称|资源名称)"
                          r"\s*(?:[:：,，]|\t)\s*")
# A label may be prefixed with 信息 (信息索引号, 信息分类): the prefix is the label's, not a line of its own.
_PAGE_LABEL = re.compile(
    r"(?:信息)?(?:标\s*题|题\s*名|文章标题|信息名称|来\s*源|信息来源|发布时间|发布日期|更新时间|生成日期|成文日期|公开日期|发文日期"
    r"|索\s*引\s*号|索\s*取\s*号|所属分类|分\s*类|信息类别|发文字号|文\s*号|发布机构|发文机关|发布单位|主题分类|体裁分类|组配分类|主题词|服务对象|公开方式"
    r"|公开范围|公开时限|公开形式|有\s*效\s*性|时\s*效|所属机构|作\s*者"
    r"|编\s*辑|责任编辑|字\s*号|分\s*享|打\s*印|收\s*藏|关\s*闭)\s*(?:[:：\t]|\s*[\[【]?\s*大)"
    # a counter's number may follow it with no colon (浏览次数 87, 点击数(123)); no other label's (不属于本机关公开范围1件)
    r"|(?:浏览次数|浏览量|点击数|点击量|阅读数|访问次数)\s*(?:[:：\t]|[(（]?\s*\d)"
)
# One alternative a character, so that a line of spaces is read once: nested spaces (\s* around \s) tried
# every way of sharing out 40 spaces before a word that is none of these, and never ended.
_PAGE_WORDS = re.compile(r"^(?:分享到?|打印|关闭|收藏|字号|字体|大|中|小|返回顶部|[\s|\[\]【】:：>])+$")
# Past the labels a page prints after its title, this much text on the line is the report itself
# (a page scraped onto one line), not a label's value.
_BODY_AFTER_LABELS = 120


def strip_page_labels(lines: list[str], head: int = 40) -> list[str]:
    """Lines without a crawled page's labels: '标题：X' becomes X, a line that
    starts with another label (来源：, 发布时间：, 索引号：, 浏览次数 …) is dropped,
    and in the first ``head`` lines a label printed after the title is cut off
    with what follows it."""
    return [line for _, line in _page_lines(lines, head)]


def _page_lines(lines: list[str], head: int = 40) -> list[tuple[int, str]]:
    """``strip_page_labels`` with each line's index: a line's fate depends only on the lines before
    it, so the lines of a longer list's first n are those of its first n lines."""
    out: list[tuple[int, str]] = []
    value_next = False  # a label alone on its line (a crawler's line per text node): its value is the next line
    for index, line in enumerate(lines):
        core = line.strip(" |\t")
        if (value_next and core and len(core) <= 40 and not _PAGE_LABEL.search(core) and not _TITLE_LABEL.match(core)
                and not _TITLE.match(core)):  # 发文字号： left empty before the title
            value_next = False
            continue
        value_next = False
        title = _TITLE_LABEL.match(core)
        if title:
            core = core[title.end():]
            line = core
            if not core:
                continue  # 名称： alone: the title is the next line, kept as it is
        label = _PAGE_LABEL.search(core)
        if label and not core[:label.start()].strip(" |\t[]【】") and (index < head or len(core) <= 40):
            value_next = index < head and not core[label.end():].strip(" |\t") and core[label.end() - 1] in ":：\t"
            continue  # below the head, only a short line: 公开方式：… may begin a paragraph
        if label and label.start() > 0 and index < head:
            line = core[:label.start()].rstrip(" |\t")
            rest = _after_labels(core[label.start():])
            if len(rest) > _BODY_AFTER_LABELS:
                out.append((index, line))
                line = rest
        if core and _PAGE_WORDS.match(core):
            continue
        out.append((index, line))
    return out


def _after_labels(text: str) -> str:
    """What follows a run of page labels and their values (发布日期:2019-03-26 来源:县林场 浏览次数:87
    【字体:大 中 小】): each value one word; words of no Chinese (a time) and page words are skipped too."""
    words = text.split()
    skip = 0
    while skip < len(words):
        word = words[skip]
        if _PAGE_LABEL.match(word) or _PAGE_WORDS.match(word) or not _HAN_RUN.search(word):
            skip += 1
        else:
            break
    return " ".join(words[skip:])


_HAN_RUN = re.compile("[" + _HAN + "]{2}")


# The municipalities' province codes (北京, 天津, 上海, 重庆): each is a province and its own city, as datasets and
# gazetteers list it (省 北京市, 市 北京市, 区 朝阳区); the region pages show it once.
MUNICIPALITY_CODES = frozenset({"11", "12", "31", "50"})


@dataclass
class Agency:
    name: str | None = None
    name_normalized: str | None = None
    agency_id: str | None = None
    province: str | None = None
    city: str | None = None
    county: str | None = None
    adcode: str | None = None
    region_source: str | None = None  # name, zones, text, site; None: region not found

    def as_json(self) -> dict:
        return asdict(self)


_CN_DIGITS = {"〇": "0", "○": "0", "零": "0", "Ｏ": "0", "O": "0", "o": "0", "0": "0", "一": "1", "二": "2", "三": "3", "四": "4",
              "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}
_CN_YEAR = re.compile(r"[一二][〇○零ＯO0九][〇○零ＯO0一二三四五六七八九]{2}(?=\s*年)")
# A year typed with the letter O for a zero: 2O23年.
_LETTER_O_YEAR = re.compile(r"(?<![0-9A-Za-z])[12][0-9OoＯ]{3}(?=\s*年)")


def arabic_years(line: str) -> str:
    """二〇一五年 → 2015年 (older titles write the year in Chinese numerals; some mix in a 0: 二0二三,
    or type the letter O: 2O23)."""
    line = _CN_YEAR.sub(lambda m: "".join(_CN_DIGITS[c] for c in m.group()), line)
    return _LETTER_O_YEAR.sub(lambda m: "".join(_CN_DIGITS.get(c, c) for c in m.group()), line)


# A breadcrumb before the title on its line (a page flattened to one line): 当前位置：首页 > 政务公开 > 年度报告 …
_CRUMB = re.compile(r"^(?:当前位置|您现在的位置|您的位置|现在位置|所在位置)\s*[:：]?\s*(?:[^\s>»]+\s*[>»]\s*)+[^\s>»]+\s+(?=\S)")
# Links to other reports around the title: a list's bullet, 上一篇：, 相关文章：
_LINK_LINE = re.compile(r"^(?:[·•▪◆■]|(?:上一篇|下一篇|上一条|下一条|相关链接|相关文章|相关阅读|相关信息|推荐阅读)\s*[:：]?)")


def _head(lines: list[str], count: int = 40) -> list[str]:
    """The first ``count`` lines as the title and the opening are read in: page labels, breadcrumbs
    and link lines left out, years in arabic digits."""
    if count > _HEAD_MAX:
        return [line for _, line in _head_of(tuple(lines[:count]))]
    return [line for index, line in _head_of(tuple(lines[:_HEAD_MAX])) if index < count]


_HEAD_MAX = 60  # the most lines a reader of the title, the year or the name asks for


@lru_cache(maxsize=8)
def _head_of(first: tuple[str, ...]) -> tuple[tuple[int, str], ...]:
    # The title, year and name readers of one report each ask for the head: it is made once.
    out = []
    for index, line in _page_lines(list(first)):
        line = _CRUMB.sub("", line.strip(" |\t"))
        if line and not _LINK_LINE.match(line):
            out.append((index, arabic_years(line)))
    return tuple(out)


# (up to the next label, when the labels run together: 发布机构:浏阳经济技术开发区管理委员会发布日期:2026-01-22来源:…)
_NEXT_LABEL = (r"(?=(?:发布日期|发布时间|成文日期|生成日期|公开日期|信息来源|来\s*源|索引号|文号|字号|浏览|点击|作者|主题分类)"
               r"|(?!" + _NAME_CHAR + r")|$)")
_PUBLISHER = re.compile(r"(?:发布机构|发文机关|发布单位|信息来源|来\s*源)\s*[:：\t]\s*(?P<name>" + _NAME_CHAR + r"{3,40}?)"
                        + _NEXT_LABEL)
# (and a statistics form's header field: 填报单位：…, 单位：云南省生态环境厅, an export's 填报单位,…; not 主办单位, the
# site's owner, nor 单位：件)
_ISSUER = re.compile(r"(?:发布机构|发文机关|发布单位|(?<![" + _HAN + r"])(?:填报|报送|报告)?单位(?:名称)?)\s*[:：\t,]\s*"
                     r"(?P<name>" + _NAME_CHAR + r"{3,40}?)" + _NEXT_LABEL)


def publisher_from_labels(lines: list[str], labels: re.Pattern = _PUBLISHER) -> str | None:
    """The publishing body a crawled page's labels name (发布机构：…), for a
    report that never names itself: a last resort, an institution only.
    With ``labels=_ISSUER`` only the labels that name the issuing body, not a 来源 (often the site)."""
    for line in lines[:60]:
        m = labels.search(line)
        if m and INSTITUTION.search(m.group("name")):
            return m.group("name")
    return None


def name_in_trail(lines: list[str]) -> str | None:
    """The agency the page's breadcrumb trail names as its last step, the report's whole title (当前位置：首页 > … >
    渭源县人民政府2023年政府信息公开工作年度报告): for a page whose heading is a picture, before its labels' 来源."""
    for line in lines[:_HEAD_MAX]:
        if _TRAIL_LINE.search(line) and (crumbs := _BREADCRUMB.match(line)):
            m = _TITLE.match(line[crumbs.end():].replace(" ", ""))
            if m and (name := _title_name(m.group("name"))) and INSTITUTION.search(name):
                return name
    return None


def agency_step_in_trail(lines: list[str]) -> str | None:
    """The last step of the page's breadcrumb trail that is an agency's whole name (首页 >> 部门信息公开 >>
    平遥县卫生健康和体育局 >> 政府信息公开年度报告): the column of the agency whose report the page holds, for a report
    that names itself nowhere."""
    for line in lines[:_HEAD_MAX]:
        if _TRAIL_LINE.search(line):
            steps = [step.strip(" :：") for step in _TRAIL_STEP.split(line)]
            return next((step for step in reversed(steps) if _NAME_LINE.match(step) and INSTITUTION.search(step)
                         and not _PLACEHOLDER.search(step) and not generic_name(step)), None)
    return None


_TRAIL_STEP = re.compile(r"[>»›/／]+|\s[-－—]\s|[:：]")
_HEAD_PARTS = re.compile(r"\s{2,}|\t|\|")


def name_in_running_heads(heads: Iterable[str]) -> str | None:
    """The institution a Word file's 页眉 or 页脚 names (柳州市城中区人民政府办公室　　第 1 页 共 4 页),
    the one named most often: a last resort for a report whose body never names its agency."""
    names: list[str] = []
    for head in heads:
        for part in _HEAD_PARTS.split(head.replace("\u3000", "  ")):
            part = part.strip()
            if m := _TITLE_NO_YEAR.match(part):
                part = m.group("name")
            if _NAME_LINE.match(part) and INSTITUTION.search(part):
                names.append(part)
    return max(names, key=names.count) if names else None


def issuer_from_labels(lines: list[str]) -> str | None:
    """The body a crawled page's 发布机构 / 发文机关 / 发布单位 label names, or None."""
    return publisher_from_labels(lines, _ISSUER)


# 〇 of a numbered body: 一〇三团; □ a character no font shows; figures and letters inside a name (成都市12345热线办)
_NAME_CHARS = re.compile(r"[" + _HAN + r"〇（）()□]+(?:" + _INNER_ALNUM + r"[" + _HAN + r"〇（）()□]+)*")


# A bracketed note before a name run into it (（此件公开发布）遵义市人民政府), and the name after it; not the province
# in a free-trade zone's name (中国（四川）自由贸易试验区…).
_ASIDE_BEFORE_NAME = re.compile(r"(?<!中国)[（(](?P<aside>[^（）()]*)[）)](?P<name>[^（）()]{2,})$")


# A picture's or summary's lead before the name of the report it explains (一图读懂丨, 图解：), on a page printing both.
_PICTURE_LEAD = re.compile(r"^(?:一图(?:读懂|看懂|了解)|一张图(?:读懂|看懂)|图解|图说)[丨|｜:：·]?")
# A site's column name run into the title after it, as text with the page's breaks lost gives it (…> 政府信息公开年报
# 临朐县卫生健康局2021年…): the breadcrumb's last step, no part of the name, where a place follows it.
_COLUMN_LEAD = re.compile(r"^(?:政府信息公开|政务公开|信息公开)?(?:工作)?(?:年度报告|年报)(?:专栏|栏目)?")


def clean_name(name: str | None) -> str | None:
    """A printed name without page chrome (labels, markup, brackets before it):
    the Chinese words at its end, or None."""
    if not name:
        return None
    compact = re.sub(r"\s+", "", name).replace("／", "/")
    runs = _NAME_CHARS.findall(compact)
    if not runs:
        return None
    last = runs[-1]
    if len(runs) > 1 and compact.endswith(f"{runs[-2]}/{last}") and INSTITUTION.search(runs[-2]) \
            and INSTITUTION.search(last):
        last = f"{runs[-2]}/{last}"  # one body's two names (长沙市民族宗教事务局/长沙市宗教事务局): both
    if compact[:compact.rfind(last)][-1:].isdigit():
        last = re.sub(r"^[年月日号度]+", "", last)  # (2025年01月17日漯河市…: a date's last word is no part of the name)
    name = _unpaired_brackets_stripped(re.sub(r"^(?:关于|印发|公布)", "", last))  # chrome comes before the name
    name = re.sub(r"关于$|(?:上一|上|本)年度$", "", name)  # 某某管理委员会关于2021年…; 敦化市人民政府上一年度…年度报告
    name = re.sub(r"(?:正式|今日|近日)?(?:发布|公布|晒出)了?$", "", name)  # news of it: 醴陵市人社局发布2022年…年度报告
    name = _PICTURE_LEAD.sub("", name) or name  # 一图读懂丨大理市人民政府2024年…: the report's own name after it
    if (column := _COLUMN_LEAD.match(name)) and (place := next(gazetteer_matches(name[column.end():]), None)) \
            and place.start_index == 0:
        name = name[column.end():]
    if (aside := _ASIDE_BEFORE_NAME.search(name)) and INSTITUTION.search(aside["name"]) \
            and not re.search(_INSTITUTION_WORDS, aside["aside"]):
        name = aside["name"]  # …一月十九日（此件公开发布）遵义市人民政府: a document's note before the title's name
    return name if len(name) >= 2 else None


def _unpaired_brackets_stripped(name: str) -> str:
    """A name without the brackets at its ends that pair with none inside it (page chrome, a
    title's opening bracket), keeping a second name in brackets: 彭阳县卫生健康局（彭阳县中医药管理局）."""
    while name:
        opened = name.count("（") + name.count("(")
        closed = name.count("）") + name.count(")")
        if name[0] in "）)" or (name[0] in "（(" and opened > closed):
            name = name[1:]
        elif name[-1] in "（(" or (name[-1] in "）)" and closed > opened):
            name = name[:-1]
        else:
            return name
    return name


# A site's own name is no agency's (固原市人民政府门户网站), nor what the report calls itself (本机关, 我局).
_SITE_NAME = re.compile(r"(?:网站|门户|官网|网)$")
_PRONOUN = re.compile(r"^(?:本|我|该)(?:机关|单位|部门|局|委|办|厅|院|署|中心|所|站|处|县|市|区|旗|镇|乡|街道|公司)(?:机关)?$")
# A government's name (a site's owner) before the agency's own on the title line: 固原市人民政府  西吉县…, and the
# page's version after it (厦门市思明区人民政府门户网站 · 打印版  厦门市思明区…: a print view's running head)
_SITE_OWNER_BEFORE = re.compile(r"^[" + _HAN + r"]{2,20}?(?:人民政府|政府)(?:门户网站|网站|门户)?"
                                r"(?:\s*[·•|｜丨]\s*[" + _HAN + r"]{1,8})?\s+(?=\S)")
# Words spaced off at a line's start (栏目导航  南平市人民政府2023年…报告).
_LEADING_WORDS = re.compile(r"^(?P<words>[" + _HAN + r"]{2,10})\s+(?=\S)")
# A page's breadcrumb trail before the title on its line (首页 > 政务公开 > 年报  …): up to its last mark.
_BREADCRUMB = re.compile(r"^.*[>»›]\s*")
# A notice that issues the report: 彭阳县人民政府办公室关于印发彭阳县2023年…报告的通知.
_ISSUING = re.compile(r"^(?P<issuer>.*?)关于(?:印发|公布|发布)(?P<own>.*)$")
_SPAN_BEFORE = re.compile(r"\d{4}\s*年?度?\s*[—–\-~～至到和及与、]\s*$")  # (2019—2020年度, 2020年度和2021年度)
# What a title line says before the name that is no part of it: a sentence's verb (…办公室编制了X2022年…报告), an
# assistant's lead-in (以下是X2023年…报告全文：), a forwarded mail's subject (转发：…, Fw: …; not the 转 of a name: 转龙镇).
_REPORTING_VERB = re.compile(r"现将|现就|特将|兹将|现把|编制了|编写了|起草了|形成了|^(?:以下|下面)(?:是|为)"
                             r"|^(?:转发\s*[:：]?|(?:转|Fwd?|FW|回复)\s*[:：])")
# A line that is a name alone (a byline below a title that names no agency).
_NAME_LINE = re.compile(r"^" + _NAME_CHAR + r"{4,30}$")


@dataclass(frozen=True)
class Title:
    name: str | None
    year: int | None
    assembled: bool = False  # the name came from a line next to the title's, not its own


def _title_name(raw: str | None) -> str | None:
    """A title's name part as an agency's name, or None: the report's own name in an issuing
    notice (else its issuer), never a site's name or a pronoun."""
    if raw and (issuing := _ISSUING.match(raw)):
        raw = issuing.group("own") if clean_name(issuing.group("own")) else issuing.group("issuer")
    if raw and (verb := _REPORTING_VERB.search(raw)):
        raw = raw[verb.end():]  # 一、总体情况 / 现将本机关2023年度…报告如下: a sentence, not a title
    name = clean_name(raw)
    if not name or _SITE_NAME.search(name) or _PRONOUN.match(name):
        return None
    if len(name) < 3 and not (len(name) == 2 and resolve_region(name)[1] == 2):
        return None  # no agency's name, but a county's of two characters (沙县, 易县)
    return name


def _without_site_owner(line: str) -> str:
    """The title line without a site owner's name before the agency's own (固原市人民政府  西吉县…),
    or words of the page spaced off before it that name no place or body (栏目导航  南平市…, a side
    menu printed beside the title); a name spaced off its year (彭阳县人民政府 2023年…) stays."""
    if (crumbs := _BREADCRUMB.match(line)) and (rest := _without_site_owner(line[crumbs.end():])) != line[crumbs.end():]:
        return rest  # 首页 > 政务公开 > … > 政府信息公开年报  仙居县国有林场2018年…报告: the title after the trail
    rest = _SITE_OWNER_BEFORE.sub("", line)
    chunk = _LEADING_WORDS.match(line) if rest == line else None
    if chunk and not INSTITUTION.search(chunk["words"]) and not resolve_region(chunk["words"])[0]:
        rest = line[chunk.end():]
    m = _TITLE.match(rest.replace(" ", "")) if rest != line else None
    return rest if m and _title_name(m.group("name")) else line


def _unwrapped(name: str, above: str, body: str) -> str | None:
    """A title that wraps inside its agency's name (福州市鼓 / 楼区民政局2022年…报告): the line above
    is the name's start when it is a fragment of characters only and the report prints the whole
    name elsewhere (本报告由福州市鼓楼区民政局编制); None otherwise."""
    if not above or len(above) > 20 or not _NAME_CHARS.fullmatch(above):
        return None
    whole = above + name
    return whole if whole in body else None


def _whole_title(lines: list[str]) -> bool:
    """Whether one of the lines is a title with its agency's name, year and words."""
    for line in lines:
        m = _TITLE.match(line.replace(" ", ""))
        if m and _title_name(m.group("name")):
            return True
    return False


_TITLE_LIST = 3  # report titles one after another: a list of links (部门年报, 相关文章), not a title


# A report's title with its publication date after it: a list's entry (…年度报告2022-01-26, …报告 [2023/01/16]).
# A date as a list prints it beside a link, bracketed or not: 2022-01-26, [2023/01/16], 2023年1月16日.
_LINK_DATE = r"[\[(（]?\s*(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*[\])）]?\s*$"
_DATED_ENTRY = re.compile(r"(?:报告|年报)\s*(?:[（(][^（()）]{0,24}[)）]\s*)?" + _LINK_DATE)  # (…报告（收到申请6件） 2024-01-18)
# A page's breadcrumb trail on a line of its own (您当前所在位置：首页 > 政务公开 > 部门年报): the article follows.
# (or a trail from 首页 whose steps a slash or a spaced dash parts: 首页 / 政务公开 / 部门, 首页 - 信息公开 - 年报)
_TRAIL_LINE = re.compile(r"(?:位置|所在).{0,12}[:：].*[>»›]|[>»›].*[>»›]|^\s*(?:网站)?首页\s*(?:[/／]|\s[-－—]\s)")
_TRAIL_REACH = 3  # the article's title within this many lines below the trail


_DATE_LINE = re.compile(r"^\s*" + _LINK_DATE)
_DATED_LIST = 2  # titles printed with a date each, this many or more: a list of links


def _dated_entries(head: list[str]) -> set[int]:
    """The lines of report titles printed with their dates, on the line (…年度报告2022-01-26) or on the
    next (a crawler's line per text node), the date lines with them."""
    out: set[int] = set()
    for k, line in enumerate(head):
        if "报" not in line:
            continue
        if _DATED_ENTRY.search(line):
            if title_line_year(line) is not None:
                out.add(k)
        elif k + 1 < len(head) and _DATE_LINE.match(head[k + 1]) and title_line_year(line) is not None:
            out.update((k, k + 1))
    return out


def linked_reports(lines: list[str]) -> int:
    """How many reports' titles a page lists as links, each with its date (湄潭县人民政府2024年…年度报告2025-01-24: a
    column page), when it prints no report title of its own; else 0."""
    dated = _dated_entries(lines)
    links = sum(1 for k in dated if "报" in lines[k])
    if links < _TITLE_LIST or any("报" in line and title_line_year(line) is not None
                                  for k, line in enumerate(lines) if k not in dated):
        return 0
    return links


def _has_dated_list(head: list[str]) -> bool:
    return sum(1 for k in _dated_entries(head) if "报" in head[k]) >= _DATED_LIST


def _without_title_lists(head: list[str]) -> list[str]:
    """The head without a list of reports' titles a page prints before the article (部门年报: a run of
    three or more title lines) when the run ends in the article's own title, repeating the list's
    entry for it: that heading alone is kept. (A compilation's 目录 lists its first report first: kept.)
    Titles printed with their dates are a list's links when two or more are and another title is not;
    a title below a page's breadcrumb trail is the article's, whatever the page prints above it."""
    trail = next((i for i in range(len(head) - 1, -1, -1) if _TRAIL_LINE.search(head[i])), None)
    if trail and any(title_line_year(line) is not None for line in head[trail + 1:trail + 1 + _TRAIL_REACH]):
        head = head[trail + 1:]  # what a page prints before its trail (menus, links, lists) is no article's
    dated = _dated_entries(head)
    if _has_dated_list(head) and any(title_line_year(line) is not None for k, line in enumerate(head) if k not in dated):
        head = [line for k, line in enumerate(head) if k not in dated]  # links to reports, each with its date
    out: list[str] = []
    run: list[str] = []
    for line in [*head, ""]:
        if "报" in line and title_line_year(line) is not None:  # (a title names its 报告 or 年报: one look first)
            run.append(line)
            continue
        last = run[-1].replace(" ", "") if run else ""
        if len(run) >= _TITLE_LIST and any(last == r.replace(" ", "") for r in run[:-1]):
            run = run[-1:]
        out += [*run, line]
        run = []
    return out[:-1]


@lru_cache(maxsize=8)
def _head_of_links(first: tuple[str, ...]) -> tuple[str, ...] | None:
    wide = _head(list(first), _HEAD_MAX)
    return tuple(_without_title_lists(wide)[:30]) if _has_dated_list(wide) else None


def _head_past_links(lines: list[str]) -> list[str] | None:
    """The head read past a list of dated links that pushes the title further down (a sidebar of
    reports, each with its date), asked for by the title's and the years' readers; None with no
    such list."""
    head = _head_of_links(tuple(lines[:_HEAD_MAX]))
    return list(head) if head is not None else None


def _whole_name_line(line: str) -> bool:
    """A line that is a body's whole name, its place first (霍山县人民政府办公室)."""
    line = line.replace(" ", "")
    return bool(_NAME_LINE.match(line) and INSTITUTION.search(line) and resolve_region(line)[0])


# A header field's name in the cell before its value (报告名称 ⇥ …年度报告, 适用格式 ⇥ 政府信息公开工作年度报告统计表, as a
# filing system's export heads its data): the value is what a title may be, the field's name no agency's.
_FIELD_LABEL = re.compile(r"^\s*[\u4e00-\u9fff]{2,4}(?:名称|格式|标题|类型|版本)\s*\t\s*")


def read_title(lines: Sequence[str]) -> Title:
    """The report title at the top: name and year (a title may span two lines, or print its
    agency on the line below, as a byline). Read once per text: the name's, the year's and the
    checks' readers all ask."""
    return _read_title(tuple(lines))


@lru_cache(maxsize=8)
def _read_title(lines: tuple[str, ...]) -> Title:
    # a crawler's line per menu entry: the title may be the 14th line
    head = _head_past_links(lines) or _without_title_lists(_head(lines, 30))
    head = [_FIELD_LABEL.sub("", line) if "\t" in line else line for line in head]
    if teasers := _teasers(head):  # (another page's title, or a sharing site's listing of the document)
        head = [line for k, line in enumerate(head) if k not in teasers]
    singles = [_without_site_owner(line).replace(" ", "") for line in head[:3]]
    # A title alone on its line before one with more after it (an online editor's bar above the document: 飞书云文档
    # …年度报告(送审稿)所有者:区教育局办公室 | 最近修改 2023-01-29, its brand run into the name).
    above = {text: head[i - 1].replace(" ", "") for i, text in enumerate(singles) if i}
    singles.sort(key=lambda text: not _TITLE_END.search(text))
    # Lines joined: none a whole title of its own (a menu line above a title is no part of it).
    # Nor a breadcrumb trail (首页 / 政务公开 / 部门 / 市自然资源局 above 醴陵市自然资源局2022年…工 / 作年度报告).
    pairs = ["".join(head[i:i + 2]).replace(" ", "") for i in range(min(3, len(head)))
             if not _whole_title(head[i + 1:i + 2]) and not _TRAIL_LINE.search(head[i])]
    pairs += ["".join(head[i:i + 3]).replace(" ", "") for i in range(min(2, len(head) - 2))  # name / 2023年度 / 报告
              if not _whole_title(head[i + 1:i + 3]) and not _TRAIL_LINE.search(head[i])]
    # Below a site's menu the title is a short line of its own.
    later = [_without_site_owner(line).replace(" ", "") for line in head[3:10] if len(line) <= 50]
    # A crawler's line per menu entry pushes it further: there only a line that ends as a title does.
    # Not past another document's title (a catalogue page's title above the reports it lists).
    stop = next((i for i, line in enumerate(head) if len(line) >= _OTHER_TITLE_MIN and _OTHER_TITLE_END.search(line)),
                len(head))
    later += [_without_site_owner(line).replace(" ", "") for line in head[10:stop]
              if len(line) <= 50 and _TITLE_END.search(line)]
    # Below a menu, a title wrapped over two or three short lines (a page printed narrow, a large heading);
    # not three when the second is a whole name of its own, a place's body (走进霍山 / 霍山县人民政府办公室 / 2025年…:
    # the menu's last entry above the name)
    wrapped = ["".join(head[i:i + n]).replace(" ", "") for i in range(2, 10) for n in (3, 2)
               if (i >= 3 or n == 3) and i + n <= len(head) and _TITLE_END.search(head[i + n - 1])
               and all(len(part) <= 40 and not _CLAUSE_MARK.search(part) and not _TRAIL_LINE.search(part)
                       for part in head[i:i + n])
               and not (n == 3 and _whole_name_line(head[i + 1]))]
    # …or its last character or two alone on the line below it (…工作年度报 / 告: a browser's print, narrow).
    wrapped += ["".join(head[i:i + 2]).replace(" ", "") for i in range(2, 10) if i + 2 <= len(head)
                and len(head[i + 1].strip()) <= 2 and _TITLE_END.search("".join(head[i:i + 2]).replace(" ", ""))]
    # A title on one line first: a site's name printed above it is no part of it.
    body = "\n".join(lines)
    for text, assembled in [*((t, False) for t in singles), *((t, True) for t in pairs), *((t, False) for t in later),
                            *((t, True) for t in wrapped)]:
        m = _TITLE.match(text)
        if m and _SENTENCE_GOES_ON.match(text, m.end()):
            continue  # a sentence naming a report (附件为区政府2023年…年度报告发布稿正文,供各部门…: a cover note's)
        span = _SPAN_BEFORE.search(m.group("name")) if m else None  # (its name before the first year)
        name = _title_name(m.group("name")[:span.start()] if span else m.group("name")) if m else None
        if name and assembled and not _names_body(name) \
                and not (name.endswith(_REGION_SUFFIXES) and resolve_region(name)[0]):
            continue  # lines joined above a title that names no body: a menu's entries (互动交流 / 走进宝鸡), a site's
            # name and menu (成都市郫都区人民政府门户网站 / 首页  政务公开 … 长者模式) though a place begins them
        if name and not assembled and (whole := _unwrapped(name, above.get(text, ""), body)):
            name, assembled = whole, True
        if name:  # 2023—2024年…报告 spans two years: the report settles which
            return Title(name, None if span else int(m.group(2)), assembled)
        m = _TITLE_YEAR_FIRST.match(text)
        name = _title_name(m.group("name")) if m else None
        if name and not name.startswith("政府"):
            return Title(name, int(m.group(1)), assembled)
        for pattern in _TITLE_YEAR_LAST:
            m = pattern.match(text)
            name = _title_name(m.group("name")) if m else None
            if name:
                return Title(name, int(m.group(2)), assembled)
    for index, text in enumerate(head[:3]):
        m = _TITLE.match(text.replace(" ", ""))
        below = head[index + 1].replace(" ", "") if index + 1 < len(head) else ""
        if m and not clean_name(m.group("name")) and _NAME_LINE.match(below) and INSTITUTION.search(below) \
                and _title_name(below):
            return Title(_title_name(below), int(m.group(2)), True)
    for text in [*head[:3], *pairs, *later]:  # 临城县人民政府政府信息公开工作年度报告 below a menu
        m = _TITLE_NO_YEAR.match(text.replace(" ", ""))
        if m and _title_name(m.group("name")):
            return Title(_title_name(m.group("name")), None)
    if (below := _title_above_sections(lines)) is not None:
        return read_title(lines[below:])
    return Title(None, None)


# A party body working as a government one, its second name in brackets or not (中共赣州市委统一战线工作部（赣州市民族宗教
# 事务局）, 中共石门县委宣传部): a body, as a government's name is.
_PARTY_BODY = re.compile(r"^中共[" + _HAN + r"]{2,20}?委[" + _HAN + r"]{1,12}?部(?:[（(][^（()）]{2,30}[)）])?$")
_SECOND_NAME = re.compile(r"[（(](?P<name>[^（()）]{2,30})[)）]$")


def _names_body(name: str) -> bool:
    """Whether a title's name is a body's: an institution's, or a party body's working as a government one."""
    second = _SECOND_NAME.search(name)
    return bool(INSTITUTION.search(name) or (second and INSTITUTION.search(second["name"])) or _PARTY_BODY.match(name))


# The report's first section: its title stands a few lines above it.
_FIRST_SECTION = re.compile(r"\s*[一1]\s*[、.．]\s*(?:总体情况|概述|概况|基本情况|总体工作情况)")
_TITLE_ABOVE = 12  # lines between the title and the first section at most (a preamble, a date, the source)


def _title_above_sections(lines: list[str]) -> int | None:
    """Where the title stands when the page's top is no report (kilobytes of a script or of separator lines
    a crawler kept before the article): the last title-shaped line above the report's first section,
    not an entry of a list of reports (· …年度报告 2024-01-30). None when there is none past the top."""
    first = next((k for k, line in enumerate(lines[:5_000]) if _FIRST_SECTION.match(line)), None)
    if first is None or first < _HEAD_MAX // 2:
        return None
    return next((k for k in range(first - 1, max(first - _TITLE_ABOVE, 0) - 1, -1)
                 if not lines[k].lstrip().startswith(("·", "•", "-", "*")) and title_line_year(lines[k])), None)


def find_title(lines: list[str]) -> tuple[str | None, int | None]:
    """The report title's name and year (see ``read_title``)."""
    title = read_title(lines)
    return title.name, title.year


# Where a year came from when the report does not settle it: the caller flags such a year as unsure.
UNSURE_YEAR_SOURCES = frozenset({"title, among others", "title, against the period", "period, against the title",
                                 "period, against another title", "years in the body", "signature date"})
# A dated clause of the body (2023年，本机关…), and words that make it a plan, not the year reported on.
_DATED_CLAUSE = re.compile(r"(?:^|[。；;！!\s])\s*" + _YEAR + r"\s*年(?:度)?\s*[,，]([^,，。；;]*)", re.M)
# Words that make a dated sentence a plan or a target, not what the body reports on (2022年…不少于180条).
FUTURE = re.compile(r"将|计划|拟|下一步|明年|今后|不少于|不低于|力争")


def titles_above_body(lines: list[str]) -> list[int]:
    """Years of the title-shaped lines above the body's first sentence: the page's title and the article's
    own heading, not a link to another year's report below the article (往期推荐) or above it (a teaser)."""
    years = []
    head = _head(lines, 30)
    teasers = _teasers(head)
    for k, line in enumerate(head):
        if k in teasers:
            continue
        if len(line) >= _SENTENCE_MIN and _CLAUSE_MARK.search(line):
            break
        if (year := title_line_year(line)) is not None:
            years.append(year)
    return years


# A link's label after a teaser of another page (查看全文>>, 阅读全文 », 详情>).
_READ_MORE = re.compile(r"^\s*[\[【]?(?:查看全文|阅读全文|查看详情|详细内容|详情|更多|阅读更多|全文)\s*[\]】]?"
                        r"\s*(?:>>|»|›|>|→)?\s*$")
_CUT_SHORT = re.compile(r"(?:……|…|\.\.\.)\s*$")  # a summary's end, cut short with an ellipsis
_TEASER_REACH = 3  # lines from a teaser's title to its read-more link: the title, its opening sentence, the link
# The uploader's line a document-sharing site prints under its own title for the document (上传人：hzyh2018 | 上传时间：
# 2023-03-06, 2024-03-02上传): that title is the uploader's (余杭区市场监管局…, 2024年鄞州区…), not the report's.
_UPLOADED = re.compile(r"^\s*(?:上传者|上传人|贡献者|分享者|上传用户)\s*[:：]|^\s*(?:19|20)\d{2}-\d{1,2}-\d{1,2}\s*上传\s*$")


def without_teasers(lines: list[str]) -> list[str]:
    """The lines without other pages' teasers at the top (related reports' titles and openings): no part of the
    report, whose years a reader of the body's years leaves out."""
    pairs = _head_of(tuple(lines[:_HEAD_MAX]))[:30]
    teasers = {pairs[k][0] for k in _teasers([line for _, line in pairs])}
    return [line for index, line in enumerate(lines) if index not in teasers] if teasers else lines


def _teasers(head: list[str]) -> set[int]:
    """The lines of teasers a page prints of other pages (related reports: a title, its first sentence, 查看全文>>),
    and of a sharing site's listing of the document (its uploader's title, 上传人：…): each title and what follows it
    to its read-more link or uploader's line."""
    found: set[int] = set()
    for k, line in enumerate(head):
        if k and _CUT_SHORT.search(line) and title_line_year(head[k - 1]) is not None:
            found.update((k - 1, k))  # (a title and its summary cut short, 上派镇2023年主动公开…5件……: no read-more link)
        elif _READ_MORE.match(line) or _UPLOADED.match(line):
            start = next((j for j in range(k - 1, max(-1, k - _TEASER_REACH - 1), -1)
                          if title_line_year(head[j]) is not None), None)
            if start is not None:
                found.update(range(start, k + 1))
    return found


_SENTENCE_MIN = 40


def _title_years(lines: list[str]) -> list[int]:
    """Years of the title-shaped lines at the top, in order (a list of related reports may stand
    around the title)."""
    head = _head_past_links(lines) or _head(lines, 30)
    teasers = _teasers(head)
    return [year for k, line in enumerate(head) if k not in teasers and (year := title_line_year(line)) is not None]


@memoised_when_short(120)  # (a line over 60 characters is no title: longer ones are not remembered)
def title_line_year(line: str) -> int | None:
    """The year of a line shaped as a report's title (an agency, a year, 年度报告), else None."""
    line = line.replace(" ", "")
    if len(line) > 60 or "。" in line or line.count("》") > line.count("《"):
        return None  # a PDF's line of a sentence that quotes a title: …2022年…年度报告》。本
    if (m := _TITLE.match(line)) and _title_name(m.group("name")):
        return int(m.group(2))
    if (m := _TITLE_YEAR_FIRST.match(line)) and _title_name(m.group("name")):
        return int(m.group(1))
    if m := next((m for p in _TITLE_YEAR_LAST if (m := p.match(line)) and _title_name(m.group("name"))), None):
        return int(m.group(2))
    return None


def _body_years(lines: list[str]) -> dict[int, int]:
    """How often each year opens a clause of the body that reports on it (not a plan: 2024年，我们将…)."""
    counts: dict[int, int] = {}
    for m in _DATED_CLAUSE.finditer(arabic_years("\n".join(lines[:400]))):
        if not FUTURE.search(m.group(2)):
            counts[int(m.group(1))] = counts.get(int(m.group(1)), 0) + 1
    return counts


def find_year(lines: list[str]) -> tuple[int | None, str]:
    """The report year and where it was found, in order of trust: the title; the report's own
    publication sentence; the 统计期限; a title in 《》 that is not cited as another report's; the
    years the body's clauses open with. A year the report does not settle has a source in
    ``UNSURE_YEAR_SOURCES``."""
    title_year = read_title(lines).year
    others = _title_years(lines) if title_year else []
    text = "\n".join(_head(lines, 60))
    stated = [(int(m.group(2)), "《…年度报告》") for m in _OWN_BOOK_TITLE.finditer(text)]
    stated += [(int(m.group(2)), "publication sentence") for m in _PUBLISH.finditer(text)]
    stated += [(int(m.group(1) or m.group(2)), "统计期限") for m in _PERIOD.finditer(text)]
    stated += [(int(m.group(1)), "year label") for m in _YEAR_LABEL.finditer(text)]
    if title_year and set(others) <= {title_year}:
        # The usual case, settled before the body is read. A title the report's own statements all
        # contradict (an OCR misreading, last year's title kept) is still read, but not as settled.
        periods = {year for year, where in stated if where == "统计期限"}
        if stated and (title_year not in {year for year, _ in stated} or (periods and title_year not in periods)):
            # Two witnesses against it, the period and the body's dated sentences, and the title
            # is the slip (titled with the year of publication, or last year's title and opening kept):
            # still not settled.
            years = periods or {year for year, _ in stated}
            body = _body_years(lines)
            if len(years) == 1 and body and (said := years.pop()) == max(body, key=body.__getitem__) \
                    and body[said] > 2 * body.get(title_year, 0):
                return said, "period, against the title"
            return title_year, "title, against the period"
        return title_year, "title"
    body = _body_years(lines)
    if title_year:
        titles = {title_year, *others}
        # Titles of several years (related reports listed above or below): the one the report backs.
        for year, where in stated:
            if year in titles:  # the page's title and the article's own (横店镇2023年… / …2022年…) disagree
                two = titles_above_body(lines)  # exactly two: a list of related reports is no article's title
                return year, "period, against another title" if len(two) == len(set(two)) == 2 else where
        backed = [y for y in titles if body.get(y, 0) and body[y] == max(body.values())]
        if len(backed) == 1:
            return backed[0], "title"
        if len(said := {year for year, _ in stated}) == 1:
            # (no title of those years backed: the titles are a list of other years' reports, 往年年报, above the
            # report's own title printed without its year; its 统计期限 says which)
            return said.pop(), "period, against another title"
        return others[-1], "title, among others"  # the one nearest the body
    if stated:
        return stated[0]
    for m in _BOOK_TITLE.finditer(text):
        if not _CITING.search(text[max(0, m.start() - 4):m.start()]):
            return int(m.group(2)), "《…年度报告》"
    if body:
        best = max(body, key=lambda y: (body[y], y))
        return best, "opening sentence" if len(body) == 1 else "years in the body"
    if (year := _nameless_title_year(lines)) is not None:
        return year, "title"
    if (year := _year_before_signature(lines)) is not None:
        return year, "signature date"
    return None, ""


# A statistics form's header field naming the year (单位：云南省生态环境厅 … 年度：2024, 报告年度：2024年; an export's
# 报告年度 ⇥ 2025 or 报告年度,2025).
_YEAR_LABEL = re.compile(r"(?<![\u4e00-\u9fff])(?:报告|统计|填报)?(?:年度|年份)\s*[:：\t,]\s*((?:19|20)\d{2})(?!\d)")


# A title that names no body (the agency signs at the end): 2021年政府信息公开工作年度报告, 二〇二一年…; an annex of the
# report's tables printed apart, …年度报告附表 (填报单位：… below it).
_NAMELESS_TITLE = re.compile(r"^\s*(?:关于)?" + _YEAR + _REPORT + r"(?:[（(]?(?:附表|附件|统计表)[)）]?)?\s*$")


def _nameless_title_year(lines: list[str]) -> int | None:
    """The year of the title lines at the top that name no body, when they name one year (a list of
    related reports names several)."""
    head = _head_past_links(lines) or _head(lines, 30)
    teasers = _teasers(head)
    years = {int(m.group(1)) for k, line in enumerate(head[:10])
             if k not in teasers and (m := _NAMELESS_TITLE.match(line.replace(" ", "")))}
    return years.pop() if len(years) == 1 else None


_REPORTING_MONTHS = 6  # a report signed in the first half of a year reports on the year before (due by 31 January,
# by 31 March before 2019)


def _year_before_signature(lines: list[str]) -> int | None:
    """The year before the signature's date, when a report gives its year nowhere else and signs in the
    first half of a year (成都市武侯区教育局 / 2022年1月20日: the 2021 report)."""
    if (signature := _signature(lines)) is None:
        return None
    date = _SIGNATURE_DATE.match(arabic_years(signature[1]))
    month = _CN_NUMBER.get(date.group("month"), date.group("month"))
    return int(date.group("year")) - 1 if month.isdigit() and int(month) <= _REPORTING_MONTHS else None


# Words before a name that are no part of it: a date of publication (2024年1月发布), or the verb
# of a sentence read as a title (现将彭阳县人民政府2023年度…报告如下).
_NOT_NAME_START = re.compile(r"^(?:[\d年月日号\s./-]*(?:发布|公布|印发)(?:日期|时间)?[:：\s]*|现将|现就|特将|兹将|现把)")


_LINE_BREAK_IN_WORDS = re.compile(r"(?<=[" + _HAN + r"])\n(?=[" + _HAN + r"])")


def _unwrapped_text(text: str) -> str:
    """Text whose line breaks between two Chinese characters are gone: a PDF breaks its lines at
    the page's edge, inside a name. Only searches for a name with its ending (白阳镇人民政府,
    本报告由…编制) read it: the break after a heading goes too, and a heading with the line
    after it seldom makes one."""
    return _LINE_BREAK_IN_WORDS.sub("", text)


def _candidates(lines: list[str], issuer: str | None = None) -> list[tuple[str, str]]:
    """Names the report gives itself, most trusted first. A title's name taken from the line next to
    it (a site's name above a title naming no agency) yields to the agency the report says compiled
    it (本报告由X编制), the page's 发布机构 label (``issuer``) or the opening's subject when they name
    another institution (neither name inside the other) and none names the title's."""
    title = read_title(lines)
    head = _head(lines, 60)
    text = "\n".join(head)
    compiled = _unwrapped_text(text)  # 本报告由…编制 wrapped over two lines of a PDF is one sentence again
    found: list[tuple[str, str]] = []
    title_name = _NOT_NAME_START.sub("", title.name) if title.name else None
    title_name = None if title_name and _PLACEHOLDER.search(title_name) else title_name
    if title_name and title.assembled:
        stated = [(m.group("name"), "本报告由") for m in _COMPILED_BY.finditer(compiled)] + [(issuer, "发布机构")]
        stated += [(m.group("name"), "opening subject") for m in _OPENING_SUBJECT.finditer(text)
                   if resolve_region(m.group("name"))[0]]
        stated = [(n, w) for n, w in stated if n and INSTITUTION.search(n) and not _PRONOUN.match(n)]
        # 洪泽区人民政府 / 2023年…报告, compiled by 淮安市洪泽区人民政府办公室: one agency, the title's
        if stated and not any(names_one_body(title_name, n) for n, _ in stated):
            found.append(stated[0])
    if title_name:
        found.append((title_name, "title"))
    for pattern, where in ((_BOOK_TITLE, "《…年度报告》"), (_PUBLISH, "publication sentence"),
                           (_OPENING, "opening sentence"), (_COMPILED_BY, "本报告由"), (_COMPILED_THIS, "本报告由"),
                           (_OPENING_SUBJECT, "opening subject"), (_OPENING_BY_LAW, "opening subject")):
        if pattern is _COMPILED_THIS and not _COMPILED_THIS_VERB.search(compiled):
            continue
        for m in pattern.finditer(compiled if where == "本报告由" else text):
            name = _JOINED_BODY.split(_NOT_NAME_START.sub("", m.group("name").strip(" ,，:：")))[0]
            if where == "opening subject" and not resolve_region(name)[0]:
                continue  # 新区管委 坚持…: a short name of itself, not the name to print
            if where == "本报告由" and title_name and _COORDINATOR.search(name):
                continue  # 师市政务公开领导小组办公室 compiles the title's region's report, not its own
            if (len(name) >= 2 and re.fullmatch(_NAME_CHAR + "+", name) and not _PRONOUN.match(name)
                    and not _PLACEHOLDER.search(name)):
                found.append((name, where))
    if not title_name or not (INSTITUTION.search(title_name) or resolve_region(title_name)[0]):
        # a title naming no body (a page label's 星村村): the one the report says compiled it
        # (生态环境部 compiled by 生态环境部办公厅: the title's own body, not its office)
        found += [(m.group("name"), "本报告由") for m in _COMPILED_AFTER.finditer(compiled)
                  if INSTITUTION.search(m.group("name")) and not _PLACEHOLDER.search(m.group("name"))
                  and not (title_name and title_name in m.group("name"))]
    return found


# Words joining a second body to the one compiling the report (X会同Y编制本年度报告, X联合Y…): the name is X's. (Not 会同县,
# nor a 联合会.)
_JOINED_BODY = re.compile(r"会同(?!县)|联合(?!会)")
# A template's placeholder where a name goes (【单位名称】, XX镇, ××局, 某某街道): never a name.
_PLACEHOLDER = re.compile(r"单位名称|机关名称|[XxＸｘ×]{2}|某某")
_PLACEHOLDER_YEAR = re.compile(r"[XxＸｘ×]{4}\s*年度?")  # XXXX年: the year a template left for its user


def names_one_body(name: str, other: str) -> bool:
    """Whether one name is inside the other, a government's short form written out and its office
    taken as its own (金水区政府 is in 郑州市金水区人民政府; 县政府办公室 compiles 浦江县人民政府's report), or both
    name one place, in full or short (恩施州人民政府 and 恩施土家族苗族自治州人民政府), and one body there."""
    name, other = (re.sub(r"(?:党政(?:综合)?|综合)?(?:办公室|办公厅)$", "", re.sub(r"(?<=[省市县区州旗盟])政府", "人民政府", n))
                   for n in (name, other))  # (震泽镇党政办公室 compiles 震泽镇人民政府's report: the town's own office)
    if name in other or other in name:
        return True
    (place, end), (other_place, other_end) = resolve_region(name), resolve_region(other)
    rest, other_rest = name[end:], other[other_end:]
    return place is not None and place == other_place and bool(rest and other_rest) and (
        rest in other_rest or other_rest in rest)


# An office coordinating disclosure for a region (政务公开领导小组办公室, 政务公开办): it compiles the
# region's report, whose title names the region.
_COORDINATOR = re.compile(r"(?:政务公开|政府信息公开|信息公开)(?:工作)?(?:领导小组)?(?:办公室|办)$")


# Site chrome that names the site's owner, not the report's author (主办单位：…人民政府办公室).
_CHROME_LINE = re.compile(r"ICP备|公网安备|网站标识码|主办单位|主办\s*[:：]|承办单位|版权所有|技术支持")
# Names of a place that are also an institution's short name: 白阳镇 is 白阳镇人民政府, 长江路街道 its 办事处.
_PLACE_INSTITUTION = re.compile(r"(?:乡|镇|街道)$")
_PLACE_FULLER = r"(人民政府|办事处)"
# not X政府信息公开, nor X政府门户网站 (教育部政府门户网站: a ministry's site) or X人民政府网 (a site's name);
# X人民政府办公室 compiles X人民政府's report
_GOVERNMENT = r"(人民政府(?!门户|网)|政府(?!信息|门户|网站|网)|管理委员会|管委会)"
# The office of a government or committee (党政办公室, 综合办公室 …): the name of what it serves, then the office.
_OFFICE_OF = re.compile(r"^(.+?(?:人民政府|政府|管理委员会|管委会|行政公署|委员会|办事处))[" + _HAN + r"]{0,4}(?:办公室|办公厅)$")


# A division of the 兵团 and its city, one body (第八师石河子市): it has no 人民政府.
_CORPS_DIVISION = re.compile(r"第[一二三四五六七八九十]{1,3}师")


# A body's kind with nothing of its own (人民政府, 办公室): what is left of a name whose place was garbled
# or cut off (彭阳县"><img …>人民政府), no agency's name.
_GENERIC_NAME = re.compile(r"(?:人民)?政府(?:办公室|办公厅)?|办公室|办公厅|办事处|管委会|管理委员会|委员会|局"
                           r"|单位|机关|单位[（(]机关[)）]|机关[（(]单位[)）]"  # (a template's ××单位（机关）)
                           r"|[厅局委署院](?:办公室|办)")  # (来源：厅办公室: the body's own office, by its kind alone)


def find_agency_name(lines: list[str], issuer: str | None = None) -> str | None:
    """The agency as printed: the title's name when it names an institution,
    else the fullest form of it the report uses for itself (None for a name of a kind alone: 人民政府).
    ``issuer``: the page's 发布机构 label."""
    name = _agency_name(lines, issuer)
    if name is not None:  # (关于 begins a document's subject, never a name: 长葛市人民政府办公室关于做好…年度报告…的通知)
        name = _FORMER_NAME.sub("", name.partition("关于")[0]) or name
    return None if name is None or generic_name(name) else name


_UNSHOWN = "□"  # a character no font shows (a rare one: 埇, 鄠, 畲), as pages print it or reading puts it
# The county-level place a character no font shows stands in (宁□彝族自治县, □城县, 宿州市□桥区: not 宿州市).
_UNSHOWN_PLACE = re.compile(r"[^市县区旗□\s]{0,6}□[^市县区旗\s]{0,6}?(?:县|区|市|旗)")
_UNSHOWN_MENTIONS = 200  # lines searched for the name printed whole (the signature's is near the end: all of them)


def _unshown_put_back(name: str, lines: list[str]) -> str:
    """A name with characters no font shows (宿州市□桥区人民政府) as the report prints it whole elsewhere (its signature,
    its opening: 宿州市埇桥区人民政府), or with its place as the one county-level division so spelled (宁□彝族自治县:
    宁蒗彝族自治县), or the one of several in a city the text names; as it is, the □ kept, when none settles it."""
    pattern = re.compile("".join(f"[{_HAN}]" if c == _UNSHOWN else re.escape(c) for c in name))
    text = "\n".join(lines[:_UNSHOWN_MENTIONS] + lines[-_UNSHOWN_MENTIONS:])
    found = Counter(m.group() for m in pattern.finditer(text))
    if len(found) == 1:
        return next(iter(found))
    if (part := _UNSHOWN_PLACE.search(name)) is None:
        return name
    place = re.compile("".join(f"[{_HAN}]" if c == _UNSHOWN else re.escape(c) for c in part.group()))
    spelled = [(code, p) for code, p in _county_names() if len(p) == len(part.group()) and place.fullmatch(p)]
    if len({p for _, p in spelled}) > 1:
        cities = {code[:4] for code, _ in spelled if (parent := region_names(code)[1]) and parent in text}
        spelled = [(code, p) for code, p in spelled if code[:4] in cities]
    return name[:part.start()] + spelled[0][1] + name[part.end():] if len({p for _, p in spelled}) == 1 else name


# A body's former name after its own (长兴县应急管理局（原长兴县安全生产监督管理局）): a note, not the name.
_FORMER_NAME = re.compile(r"\s*[（(]\s*原[^（）()]{2,40}[）)]\s*$")


def generic_name(name: str) -> bool:
    """Whether a name is a body's kind alone (人民政府, 办公室), no agency's own."""
    return bool(_GENERIC_NAME.fullmatch(name))


def _agency_name(lines: list[str], issuer: str | None) -> str | None:
    if any(_PLACEHOLDER_YEAR.search(line) for line in lines[:_HEAD_MAX]):  # 花园镇人民政府XXXX年…: a title still
        lines = [_PLACEHOLDER_YEAR.sub("", line) for line in lines[:_HEAD_MAX]] + lines[_HEAD_MAX:]
    candidates = [(_unshown_put_back(name, lines) if _UNSHOWN in name else name, where)
                  for name, where in _candidates(lines, issuer)]
    if not candidates:
        return None
    # A title with the short name the report defines (深圳市人民政府驻北京办事处（以下简称市驻京办）): the full one.
    head = _unwrapped_text("\n".join(lines[:60]))  # a PDF wraps the full name: 镇沅彝族…自治县自然 / 资源局（以下简称…）
    defined: dict[str, str] = {}
    if "以下简称" in head:
        defined = {m.group("short"): _BY.sub("", m.group("full")) for m in _SHORT_NAME.finditer(head)
                   if INSTITUTION.search(m.group("full"))}  # (…，由X（以下简称Y）编制: X)
        candidates = [(defined.get(name, name), where) for name, where in candidates]
    # The names the report gives in full (由X（以下简称乡政府）编制, its signature) spell out a title's short one too.
    named = [name for name, where in candidates[1:] if where != "title"] + list(defined.values())
    named += [signed] if (signed := signature_name(lines)) else []
    if candidates[0][1] == "title" and not _signed_as_titled(candidates[0][0], signed) and (
            spelled := _spelled_out(candidates[0][0], lines) or next(
                (name for name in named if _spells_out(candidates[0][0], name)), None)):
        candidates[0] = (spelled, "title")  # the title's short name, spelled out in another title or the text
    elif candidates[0][1] == "title" and (unled := _without_lead(candidates[0][0], lines)):
        candidates[0] = (unled, "title")  # (腾讯文档肥西县人民政府: an editor's name before a share page's title)
    elif candidates[0][1] == "title" and (own := _department_under_titled_government(candidates, signed, head)):
        candidates[0] = (own, "title")  # (宜阳县人民政府…年度报告 over a report 宜阳县自然资源局 compiles and signs)
    elif candidates[0][1] == "title" and (placed := next((
            full for full in (signed, clean_name(issuer)) if full and full != candidates[0][0]
            and full.endswith(candidates[0][0]) and next(gazetteer_matches(full), None)), None)) \
            and next(gazetteer_matches(candidates[0][0]), None) is None:
        candidates[0] = (placed, "title")  # 民政局2022年…报告 signed 涞源县民政局, or its page's 发布机构 so: its place
    # With the names a PDF wrapped (彭阳县白阳 / 镇人民政府) joined again.
    body = _unwrapped_text("\n".join(_apart_from_masthead([line for line in lines[:400] if not _CHROME_LINE.search(line)])))
    stem, stem_source = candidates[0]
    for name, source in candidates:
        if not INSTITUTION.search(name):
            continue
        if name.endswith("政府") and not name.endswith("人民政府") and (full := name[:-2] + "人民政府") in body:
            name = full  # (临朐县政府, as the prose says it, where the report names itself 临朐县人民政府 too)
        if _PLACE_INSTITUTION.search(name):
            fuller = re.findall(re.escape(name) + _PLACE_FULLER, body)
            # A town's own report is its government's, a street's its office's, also where the
            # text only says 我镇 (as a county's report is its 人民政府's).
            name += max(set(fuller), key=lambda s: (fuller.count(s), len(s))) if fuller else (
                "办事处" if name.endswith("街道") else "人民政府")
        elif source == "本报告由" and _OFFICE_OF.match(name) and (
                stem_source != "title" or (not INSTITUTION.search(stem) and stem in name)):
            # 兰州新区 (or no title) compiled by (上海市)兰州新区管委会(党政)办公室: the report is the 管委会's
            name = _OFFICE_OF.match(name).group(1)
        if stem_source == "title" and stem != name and (fuller := _titled_place_before(stem, name)):
            return fuller
        return with_parent_prefix(name, body)
    fuller = re.findall(re.escape(stem) + _GOVERNMENT, body)
    if fuller:
        best = max(set(fuller), key=lambda s: (fuller.count(s), -len(s)))
        return with_parent_prefix(stem + best, body)
    for start in range(1, len(stem) - 1):  # 平潭综合实验区 whose text says 实验区管委会
        short = re.findall(re.escape(stem[start:]) + r"(管理委员会|管委会)", body)
        if short:
            return with_parent_prefix(stem + max(set(short), key=lambda s: (short.count(s), -len(s))), body)
    adcode, end = resolve_region(stem)
    if adcode and end == len(stem) and re.search(r"[省市县区旗盟州]$", stem) and not _CORPS_DIVISION.search(stem):
        return stem + "人民政府"  # 平潭县2009年…年度报告: a region's own report is its government's
    return with_parent_prefix(stem, body)


def _apart_from_masthead(lines: list[str]) -> list[str]:
    """The lines with a blank one after a line that is an institution's name alone (a site's masthead, 长春市朝阳区人民政府)
    where the next begins with a place's name in full (the title, 朝阳区红旗街道办事处2023年…): unwrapped as a PDF's broken name,
    the two read as one body's name (长春市朝阳区人民政府朝阳区红旗街道办事处)."""
    out = []
    for line, following in zip(lines, [*lines[1:], ""]):
        out.append(line)
        name = line.strip()
        if len(name) <= _MASTHEAD_MAX and _NAME_ONLY.fullmatch(name) and INSTITUTION.search(name) and (
                (first := next(gazetteer_matches(following.strip()), None)) is not None and first.start_index == 0
                and any(first.full(info) for info in first.attr_infos)):  # (文昌路街道: a street named, no 文昌市)
            out.append("")
    return out


_MASTHEAD_MAX = 24  # characters a masthead's name is long at most
_NAME_ONLY = re.compile(_NAME_CHAR + "+")


def _signed_as_titled(titled: str, signed: str | None) -> bool:
    """Whether the report signs with its title's name, a place's body named from its place on: that name is whole, the
    body's present one. A name the text spells out more fully is then a former one (泰州市数据局 over a text saying
    泰州市大数据管理局: renamed in the year's reform, the text not yet updated), not the title's short form."""
    first = next(gazetteer_matches(titled), None)
    return signed == titled and first is not None and first.start_index == len(_PARTY.match(titled)[0])


def _titled_place_before(place: str, name: str) -> str | None:
    """The name with the places above its own that the title prints (天水市麦积区2022年…报告 over a text saying
    麦积区人民政府: 天水市麦积区人民政府); None when the title's place does not end as the name begins."""
    own = resolve_region(name)[0]
    for k in range(1, len(place) - 1):
        if own and name.startswith(place[k:]):
            fuller = place[:k] + name
            return fuller if _region_chain(fuller)[0] == own else None
    return None


# A department that may compile and sign its government's own report, for the government (县政务服务和数据管理局).
_RUNS_DISCLOSURE = re.compile(r"政务公开|信息公开|政务服务|数据|行政审批")


def _department_under_titled_government(candidates: list[tuple[str, str]], signed: str | None, head: str) -> str | None:
    """The department a report titled with its government's name (宜阳县人民政府2022年…年度报告, as the site's owner titles
    its pages) is: the one that signs it, of the government's place, where the report also names it as its author
    (本报告由桂林市生态环境局编制, 公布宜阳县自然资源局2022年…报告, 来源：…). Not the government's own office, which
    compiles and signs the government's report."""
    titled = candidates[0][0]
    if not signed or not titled.endswith("人民政府") or signed.startswith(titled) or not INSTITUTION.search(signed) \
            or _RUNS_DISCLOSURE.search(signed):
        return None
    place = titled.removesuffix("人民政府")
    if not place or not signed.startswith(place):
        return None
    said = re.escape(signed)
    if any(name == signed for name, _ in candidates[1:]) or re.search(
            said + r"\s*(?:19|20)\d{2}\s*年度?[^。；;]{0,16}报告|(?:来源|发布机构|信息来源)\s*[:：]\s*" + said, head):
        return signed
    return None


# A signature's date line: 2024年1月30日, 二〇二四年一月三十日, or the month alone (2026年1月).
_SIGNATURE_DATE = re.compile(r"^\s*(?P<year>(?:19|20)\d{2}|[一二][〇○零ОO0][〇○零ОO0一二三四五六七八九]{2})\s*年\s*"
                             r"(?P<month>[\d一二三四五六七八九十]{1,3})\s*月\s*(?:[\d一二三四五六七八九十]{1,3}\s*日)?\s*$")
_CN_NUMBER = {"一": "1", "二": "2", "三": "3", "四": "4", "五": "5", "六": "6", "七": "7", "八": "8", "九": "9", "十": "10",
              "十一": "11", "十二": "12"}
_SIGNATURE_REACH = 60  # lines from the text's end a signature is looked for in (a page's chrome may follow it)


def signature_name(lines: list[str]) -> str | None:
    """The agency a report signs with at its end (its name on a line, the date on the next): the last such pair.
    A report whose title and opening name no body is still its signer's."""
    return signature[0] if (signature := _signature(lines)) else None


def _signature(lines: list[str]) -> tuple[str, str] | None:
    """The last line pair at the text's end that signs a report: the agency's name, then the date. A joint office
    signs with its names a line each (泉州市人民政府外事办公室 / 泉州市人民政府港澳事务办公室 / 2024年1月19日): the first."""
    tail = [line.strip() for line in lines[-_SIGNATURE_REACH:] if line.strip()]

    def signer(line: str) -> bool:  # (a second name in brackets under the first: (歙县互联网信息办公室))
        return bool(_NAME_LINE.match(line) and INSTITUTION.search(line.strip("()（）"))) and not _PLACEHOLDER.search(line)

    for k in range(len(tail) - 2, -1, -1):
        if _SIGNATURE_DATE.match(tail[k + 1]) and signer(tail[k]):
            first = k
            while first > 0 and signer(tail[first - 1]):
                first -= 1
            return tail[first], tail[k + 1]
    return None


def _spelled_out(name: str, lines: list[str]) -> str | None:
    """The name of another title of the same year at the top that spells out the first title's short
    one: a post's title says 海曙公安分局, its article's 宁波市公安局海曙分局. Every character of the short
    name in the longer, not as a run of it (the one naming 海曙区人民政府办公室 below 海曙区人民政府 is its
    office's report, listed beside it)."""
    titles = [(line, year) for line in lines[:12] if (year := title_line_year(line)) is not None]
    for line, year in titles:
        if year == titles[0][1] and (other := find_title([line])[0]) and _spells_out(name, other):
            return other
    return None


def _without_lead(name: str, lines: list[str]) -> str | None:
    """The name of another title of the same year at the top that is the first title's end, where the first begins
    with words no place begins (腾讯文档肥西县人民政府 …仅查看, an online editor's share page, over 肥西县人民政府
    …年度报告): words the page put before its title. None when no such title (成都市郫都区教育局 over 郫都区教育局: its
    city)."""
    first = next(gazetteer_matches(name), None)
    if first is None or first.start_index == len(_PARTY.match(name)[0]):
        return None
    titles = [(line, year) for line in lines[:12] if (year := title_line_year(line)) is not None]
    for line, year in titles[1:]:
        if year == titles[0][1] and (other := find_title([line])[0]) and other != name and name.endswith(other) \
                and len(name) - len(other) <= first.start_index and INSTITUTION.search(other):
            return other
    return None


def _spells_out(short: str, other: str) -> bool:
    """Whether ``other`` is the full name of the institution ``short`` names: every character of it, not
    as a run (海曙公安分局 → 宁波市公安局海曙分局, 莪山乡政府 → 桐庐县莪山畲族乡人民政府), or, a name by its level
    alone, as its end with the place before it (县教育局 → 沛县教育局). With words after it, it is a part of it
    (人民政府 → 人民政府办公室). The full name starts with its place."""
    if len(other) <= len(short) or not INSTITUTION.search(other):
        return False
    first = next(gazetteer_matches(other), None)
    if first is None or first.start_index != len(_PARTY.match(other)[0]):  # a name starts with its place (not 特向社会
        return False  # 公布…), a party body's after 中共 (中共歙县县委网络安全和信息化委员会办公室)
    if short in other:
        return other.endswith(short) and bool(_BARE_LEVEL.match(short))
    return not Counter(short) - Counter(other)


def signed_in_full(name: str, lines: list[str]) -> str:
    """A name read from a page's labels or trail (来源：市自然资源局, 发布机构：双流区教育局, 周市镇, 市医保局) as the
    report signs it, when its signature names the same body more fully: with the places above it (宁乡市自然资源局,
    成都市双流区教育局), a town's as its government (昆山市周市镇人民政府), or spelled out (赣州市医疗保障局)."""
    signed = signature_name(lines)
    if not signed or signed == name:
        return name
    core = re.sub(_PLACE_FULLER + "$", "", signed) if _PLACE_INSTITUTION.search(name) else signed
    if core == name or _spells_out(name, signed):
        return signed
    if not core.endswith(name):
        return name
    place, (own, _) = core[:-len(name)], resolve_region(name)
    above, end = _region_chain(place)
    return signed if above and end == len(place) and (own is None or _within(own, above)) else name


_PARTY = re.compile(r"(?:中共|中国共产党)?")
_BY = re.compile(r"^(?:本报告)?(?:由|经|系)")
_SHORT_NAME = re.compile(r"(?:^|(?<=[,，。;；:：、\s》)）]))(?P<full>[" + _HAN + r"]{4,40})\s*[(（]\s*以下简称\s*[“\"]?"
                         r"(?P<short>[" + _HAN + r"]{2,12})[”\"]?\s*[)）]", re.MULTILINE)
# What may follow a body's name when it names another: its office, its site, a unit of it.
# (its site named in quotes: “长沙市长沙县人民政府”门户网站)
_ITS_PART = re.compile(r"[”’\"」』]?(?:办|网|门户|官网|信息中心|大数据|"
                       r"[" + _HAN + r"]{0,6}(?:办公室|中心|站|所|科|处|股|局|委员会))")
_CJK_BEFORE = re.compile(r"[" + _HAN + r"]{2,14}$")  # the characters right before a name (searched up to it)


_WITH_ANOTHER = "与同和跟向赴到及对、"  # words before another body's name: 与, 赴, 向 …


def with_parent_prefix(name: str, body: str) -> str:
    """The name with its parent government's prefix when the report prints one: for a name with no
    place of its own (安庆矿区办事处 → 铜陵市郊区安庆矿区办事处), and for one whose place the report also
    prints after the places above it (小店区人民政府 → 太原市小店区人民政府)."""
    bare = _BARE_LEVEL.match(name)
    own = None if bare else resolve_region(name)[0]
    if own:  # 小店区人民政府 that the report calls 太原市小店区人民政府: the places above its own printed too
        # (not 淮安市洪泽区人民政府办公室, its office, nor …人民政府网站, its site). Found with str.find:
        # a pattern made for each agency's name would be compiled anew for every report.
        at = body.find(name)
        while at >= 0:
            before = _CJK_BEFORE.search(body, max(0, at - 14), at)
            if before and _ITS_PART.match(body, at + len(name)) is None:
                prefix = before.group()
                for start in range(len(prefix) - 1):
                    adcode, end = _region_chain(prefix[start:] + name)
                    if adcode == own and end > len(prefix) - start and prefix.endswith(_PREFIX_ENDS):
                        return prefix[start:] + name
            at = body.find(name, at + len(name))
        return name
    if _BARE_ZONE.match(name):  # 开发区管委会 of 当涂经济开发区管委会: the zone's own name is in the text
        for m in re.finditer(r"([" + _HAN + r"]{2,14}?)" + re.escape(name), body):
            prefix = m.group(1)
            for start in range(len(prefix) - 1):
                fuller = prefix[start:] + name
                if zone_region(fuller) or resolve_region(fuller)[0]:
                    return fuller
        return name
    prefixes = [m.group(1) for m in re.finditer(r"([" + _HAN + r"]{2,14}?)" + re.escape(name), body)]
    own = _own_city_of_same_names(name, [body]) if prefixes else None  # (南京市鼓楼区教育局, a partner: 福州's own)
    for prefix in sorted(set(prefixes), key=lambda p: (-prefixes.count(p), len(p))):
        for start in range(len(prefix) - 1):
            if any(c in _WITH_ANOTHER for c in prefix[:start]):
                continue  # 我局与(江苏省)上海市普陀区教育局续签…协议: a partner of the same name, not the report's own
            tail = prefix[start:]
            place = tail + name[0] if bare else tail  # 西吉 + 县教育局: the region is 西吉县
            if name.endswith("街道办事处") and place.endswith("人民政府"):
                place = place[:-len("人民政府")]  # 莱州市人民政府文昌路街道办事处: the street office is the city's
            adcode, end = _region_chain(place)
            if own and adcode and not (adcode == own or _within(own, adcode)):
                continue
            if not bare and not tail.endswith(_PREFIX_ENDS) and not any(tail == z.name for z in zones()):
                continue  # 广东 + 顺德区…: a province's short name (a WeChat page's 广东, its IP place) is no name's prefix
            if (adcode and end == len(place)) or (bare and _shared_place(place)) \
                    or (not bare and any(tail == z.name for z in zones())):
                return tail + name
    return name


# What a government's own prefix to a body's name ends with (太原市, 铜陵市郊区, 莱州市人民政府 of its street offices).
_PREFIX_ENDS = tuple("省市区县州盟旗府")


def _shared_place(text: str) -> bool:
    """Whether ``text`` is, whole, the full name of several places (鼓楼区, 朝阳区): the name it
    makes is kept, and its region comes from the cities the text names (``describe_agency``)."""
    first = next(iter(gazetteer_matches(text)), None)
    return (first is not None and first.start_index == 0 and first.end_index == len(text) - 1
            and sum(1 for info in first.attr_infos if first.full(info)) > 1)


# A zone named by its kind alone (新区管委会, 实验区经济发展局): its own name is in the text.
_BARE_ZONE = re.compile(r"^(?:新区|开发区|高新区|经开区|实验区|综合实验区|园区|工业园区|保税区|管委会)")
# A department named by its level alone (县教育局, 市生态环境局): its region is in the text, not the name.
_BARE_LEVEL = re.compile(r"^[省市县区旗](?!中区)")  # 市中区 is a district's own name


def _import_cpca():
    """cpca, its table read through importlib.resources. cpca reads it with pkg_resources, which
    setuptools has deprecated and which costs 0.1 s to import (it scans every installed
    distribution): while cpca is imported, a stand-in gives it ``resource_stream``."""
    if "pkg_resources" in sys.modules or "cpca" in sys.modules:
        import cpca

        return cpca
    stand_in = types.ModuleType("pkg_resources")
    stand_in.resource_stream = lambda package, name: importlib.resources.files(package).joinpath(name).open("rb")
    sys.modules["pkg_resources"] = stand_in
    try:
        import cpca
    finally:
        del sys.modules["pkg_resources"]
    return cpca


@lru_cache(maxsize=1)
def gazetteer():
    """cpca, brought up to date: its table is of about 2016, so divisions made or recoded since
    (即墨市 → 即墨区 370215, 公主岭市 now of 长春市 220184, 济南市莱芜区) are added from
    builder/extraction/divisions.csv, each with the division it replaces, if any. A replaced
    division's name stays readable and reads as its successor (a 2019 report of 沙县 is 沙县区's),
    also after its former parent (四平市公主岭市: ``former``, read by ``_under``); a division
    renamed under the same code (桥东区 → 襄都区) is named by its current name."""
    import csv
    from pathlib import Path

    cpca = _import_cpca()
    with Path(__file__).with_name("divisions.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    table, matcher = cpca.ad_2_addr_dict, cpca.matcher
    for row in rows:
        key = row["adcode"] + "000000"
        replaced = table.get(row["replaces"] + "000000") if row["replaces"] else None
        if replaced is None or replaced.name != row["name"]:
            current = cpca.AddrInfo(row["name"], key, "", "")
            matcher.add_addr_info(current)
        else:
            current = replaced  # the same name under a new code
        if replaced is not None:  # of the same level (the table's test): its rank stays
            replaced.adcode, replaced.former = row["adcode"], row["replaces"]
        table[key] = current
    matcher.complete_add()
    return cpca


# Rows of the division table that name no place: a city's districts (市辖区), its counties (县), and the
# counties a province or an autonomous region governs directly (石河子市, 仙桃市: no city above them).
_NO_PLACE = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})


@lru_cache(maxsize=4096)
def locate_region(name: str) -> tuple[str | None, str | None, str | None, str | None]:
    """Province, city, county and 行政区划代码 of a name, from the gazetteer."""
    cpca = gazetteer()

    # cpca.transform builds a pandas frame per call (~9 ms); the per-string
    # lookup behind it gives the same row in microseconds.
    one = getattr(cpca, "_get_one_addr", None)
    row = one(name, False, {}) if one is not None else cpca.transform([name]).iloc[0].to_dict()

    def clean(value) -> str | None:
        if not isinstance(value, str) or not value or value in _NO_PLACE:
            return None
        return value

    province, city, county = clean(row["省"]), clean(row["市"]), clean(row["区"])
    adcode = row.get("adcode")
    adcode = str(adcode) if isinstance(adcode, str) and adcode.isdigit() else None
    if adcode and county is None and city is None and province is None:
        adcode = None
    if province and city == province:  # municipalities: 北京市 is province and city
        city = None
    return province, city, county, adcode


# A city's or county's short name leads a zone's name (合肥高新区, 长沙经开区).
_ZONE_WORDS = re.compile(r"^(?:高新|高技术|经济技术|经济开发|经开|开发区|工业园|产业园|保税|综合保税|新区|综合实验区|自由贸易"
                         r"|自贸|出口加工|临空|航空港|港区)")


@dataclass(frozen=True)
class PlaceMatch:
    """A place name found in a text: where, as printed, and the gazetteer entries it may be.
    ``full``: printed as the entry's own name (or its usual short form, 长阳县 for 长阳土家族自治县)."""

    start_index: int
    end_index: int  # inclusive, as cpca's
    origin_value: str
    attr_infos: tuple
    short_form: bool = False

    def full(self, info) -> bool:
        return self.short_form or self.origin_value == info.name


# The 55 minorities' names as autonomous places print them (族 may be left out: 巴音郭楞蒙古自治州).
_ETHNIC = re.compile(r"\s+").split(  # 各: 龙胜各族自治县
    "蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 "
    "达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 "
    "赫哲 门巴 珞巴 基诺 各")
_ETHNIC_NAMES = frozenset(_ETHNIC)
_ETHNIC_WORDS = re.compile("(?:(?:" + "|".join(sorted(_ETHNIC, key=len, reverse=True)) + ")族?)+")
_AUTONOMOUS = re.compile(r"自治(县|州|旗)$")


@lru_cache(maxsize=1)
def place_short_forms() -> dict[str, object]:
    """长阳县 (or 长阳自治县) → 长阳土家族自治县: an autonomous county, prefecture or banner by its place name
    and level alone (the ethnic words left out), or a place by its customary short name (东乌旗 for
    东乌珠穆沁旗, ``customary_short_names``), when that short form names one place and no
    other gazetteer entry bears it as its own name."""
    cpca = gazetteer()

    forms: dict[str, list] = {}
    names = {info.name for info in cpca.ad_2_addr_dict.values()}
    for info in cpca.ad_2_addr_dict.values():
        level = _AUTONOMOUS.search(info.name)
        if not level:
            continue
        for start in range(2, level.start()):  # the place's own name: two characters at least
            if _ETHNIC_WORDS.fullmatch(info.name[start:level.start()]):
                forms.setdefault(info.name[:start] + level.group(1), []).append(info)
                forms.setdefault(info.name[:start] + "自治" + level.group(1), []).append(info)  # 威宁自治县
                break
        else:  # a place named after its people: 鄂温克族自治旗 → 鄂温克旗, 鄂伦春自治旗 → 鄂伦春旗
            people = info.name[:level.start()].removesuffix("族")
            if people in _ETHNIC_NAMES and len(people) >= 2:
                forms.setdefault(people + level.group(1), []).append(info)
    by_code = {info.adcode[:6]: info for info in cpca.ad_2_addr_dict.values()}
    forms.update({short: [by_code[adcode]] for short, adcode in customary_short_names().items()})
    return {short: infos[0] for short, infos in forms.items()
            if len({i.adcode for i in infos}) == 1 and short not in names}


@lru_cache(maxsize=1)
def customary_short_names() -> dict[str, str]:
    """Short names the places' own governments use (东乌旗 for 东乌珠穆沁旗, 科右前旗 for 科尔沁右翼前旗), from
    builder/extraction/short_names.csv: short name → 行政区划代码."""
    import csv
    from pathlib import Path

    with Path(__file__).with_name("short_names.csv").open(encoding="utf-8") as f:
        return {row["short"]: row["adcode"] for row in csv.DictReader(f)}


@lru_cache(maxsize=1)
def _short_forms_of() -> dict[str, tuple[str, ...]]:
    """长阳土家族自治县 → (长阳县, 长阳自治县): ``place_short_forms`` the other way round, made once."""
    out: dict[str, list[str]] = {}
    for short, info in place_short_forms().items():
        out.setdefault(info.name, []).append(short)
    return {name: tuple(sorted(shorts, key=len, reverse=True)) for name, shorts in out.items()}


@lru_cache(maxsize=1)
def _short_form_pattern() -> re.Pattern:
    return re.compile("|".join(sorted(place_short_forms(), key=len, reverse=True)))


def gazetteer_matches(text: str) -> Iterator[PlaceMatch]:
    """The gazetteer's (cpca's) place names in ``text``, read left to right without overlaps: 南县
    inside 河南县 is no mention of 南县 (湖南). Autonomous places count by their short form too
    (威宁县 is 威宁彝族回族苗族自治县, not 宁县 of 甘肃); a name of one character (县, which
    the gazetteer lists for 重庆's counties) is a word, not a place."""
    cpca = gazetteer()

    short = place_short_forms()
    found = [PlaceMatch(m.start(), m.end() - 1, m.group(), (short[m.group()],), True)
             for m in _short_form_pattern().finditer(text)]
    found += [PlaceMatch(m.start_index, m.end_index, m.origin_value, tuple(m.attr_infos))
              for m in cpca.matcher.iter(text) if len(m.origin_value) > 1]
    end = -1
    for m in sorted(found, key=lambda m: (m.start_index, -m.end_index)):
        if m.start_index > end:
            end = m.end_index
            yield m


# What follows a province's short name when the words name another place: a street or road (江苏路
# 街道), a town or village, or a county, prefecture or banner of that name (河南县 and 海南州 are in 青海).
_NOT_A_PROVINCE_AFTER = re.compile(r"(?:北|南|东|西|中)?(?:路|街|道|大道|巷|里|镇|乡|村|社区|县|州|旗|盟|区)")


# What follows a place's name when the words name a street, town or village called after it (中山市's
# 东区街道 is no 东区 of 攀枝花; 郊区乡 no 郊区).
# (乡村振兴局 after a place is the place's rural revitalisation bureau, no 乡; 村镇建设 no 村)
_TOWN_AFTER = re.compile(r"(?:街道|镇|乡(?!村振兴)|村(?!镇建设)|社区|路|街)")


def _names_a_town(text: str, end: int, starts: Collection[int]) -> bool:
    """Whether the place read up to ``end`` is the start of a street's, town's or village's name:
    what follows is 街道, 镇, 乡 … and not the next place of the name (``starts``: where the
    gazetteer's names in ``text`` begin), whose first character it may be (昭通市镇雄县, 江苏省镇江市,
    临汾市乡宁县, 宁波市镇海区)."""
    if text[end - 1:end] in _LEVEL_ENDS and text.startswith("街", end) and not text.startswith("街道", end):
        return False  # (从化区街口街道: a street whose name begins with 街, after a district named in full)
    return bool(_TOWN_AFTER.match(text, end)) and end not in starts


_LEVEL_ENDS = frozenset("区县市旗")  # what a division named in full ends with

def _under(info, parent) -> bool:
    """Whether a division lies in ``parent``, or did under its former code (``gazetteer``:
    四平市公主岭市, 莱芜市钢城区, as reports printed them before the change)."""
    prefix = parent.adcode[:(parent.rank + 1) * 2]
    return info.belong_to(parent) or getattr(info, "former", "").startswith(prefix)


def _region_chain(text: str, full_first: bool = False) -> tuple[str | None, int]:
    """The region a name starts with, read as a chain of gazetteer names
    (省, 市, 县 each inside the one before): its 行政区划代码 and where it ends.

    A county name shared by several counties (郊区, 鼓楼区) needs its city in
    the chain; a short name (合肥) counts only for a province or before a
    zone word, so that 安庆矿区 is not read as 安庆市; ``full_first``: not even then
    for the first name. A place name followed by 街道, 镇 or 乡 names the street or town."""
    chosen = None
    end = 0
    matches = list(gazetteer_matches(text))
    starts = {m.start_index for m in matches}
    for m in matches:
        if m.start_index != end:
            break
        options = [a for a in m.attr_infos if chosen is None or (a.rank > chosen.rank and _under(a, chosen))]
        if len(options) != 1:
            break
        info = options[0]
        full = m.full(info)
        after = text[m.end_index + 1:]
        if not full and (info.rank != 0 or (chosen is None and full_first)) and not _ZONE_WORDS.match(after):
            break
        if not full and info.rank == 0 and _NOT_A_PROVINCE_AFTER.match(after):
            break  # 湖南路街道, 河南县, 海南州: a place named after a province, not the province
        if not full and chosen is None and full_first:
            break
        if _names_a_town(text, m.end_index + 1, starts):
            break
        chosen, end = info, m.end_index + 1
        if info.rank == 2:
            break
    return (chosen.adcode[:6], end) if chosen is not None else (None, 0)


# A national body (or the Party's) before the region of its local office: 国家税务总局固原市税务局,
# 中国人民银行固原市中心支行, 中共彭阳县委宣传部, 兵团第八师石河子市 (a division and its city are one).
# Elsewhere a place inside a name is not the agency's region: 固原市人民政府驻北京联络处 is 固原市's.
_BODY_BEFORE_REGION = re.compile(
    r"^(?:中共|中国共产党|共青团|(?:新疆生产建设)?兵团第[一二三四五六七八九十]{1,3}师"
    # a customs district's or a maritime bureau's full name (中华人民共和国重庆海关, 中华人民共和国连云港海事局)
    r"|中华人民共和国(?=[" + _HAN + r"]{2,4}?(?:海关|海事局))"
    r"|(?:国家|中国|中华人民共和国)[" + _HAN + r"]{1,10}?(?:总局|局|署|银行|委员会)"
    r"|(?:财政|商务|交通运输|水利|自然资源|生态环境|农业农村|工业和信息化|人力资源和社会保障)部|审计署|海关总署)")


# A place printed as one after the region read (济南市莱芜区人民政府, 沙县区人民政府: districts newer than
# the gazetteer): its region is not the one read, which is at best its parent. Not a word of an
# institution's name (县市场监督管理局, 市城市管理局), nor a zone, street or town.
_PLACE_WORD = re.compile(r"^[" + _HAN + r"]{0,4}?(?:区|县|市|旗)(?![场政民容级直域划属内外委街镇乡])"
                         r"(?=人民政府|政府|管委会|[" + _HAN + r"]{0,10}(?:局|办公室|委员会|中心|办事处)$)")
_NOT_A_PLACE_WORD = re.compile(r"^(?:城市|城区|市区|社区|辖区|山区|片区|郊区|县区|县市|区县)$"
                               r"|(?:新区|园区|开发区|高新区|经开区|实验区|保税区|示范区|试验区|合作区|管理区|景区)$")


def _place_word_at(name: str, start: int) -> str | None:
    """The place word (莱芜区) a name goes on with at ``start``, or None."""
    m = _PLACE_WORD.match(name[start:])
    if not m or _NOT_A_PLACE_WORD.search(m.group()) or _ZONE_WORDS.match(name[start:]):
        return None
    return m.group()


def _goes_on_with_place(name: str, start: int, above_county: bool) -> bool:
    """Whether the place read up to ``start`` is not the agency's own: the name goes on
    with a county-level place below a city or province (济南市莱芜区), or with a level word that
    makes the place read part of a longer name (沙县区). Below a county a place is its unit
    (铜陵市郊区安庆矿区办事处)."""
    word = _place_word_at(name, start)
    return bool(word) and (len(word) == 1 or above_county)


def resolve_region(name: str) -> tuple[str | None, int]:
    """行政区划代码 of the region a name starts with (or, after a national
    body's name, names in full: 国家税务总局固原市税务局); None when the name goes on with
    a place of its own the gazetteer does not place there (济南市莱芜区)."""
    if (_BARE_LEVEL.match(name) and not _places_named(name)) or _BARE_ZONE.match(name):
        return None, 0  # (not a division whose own name opens so: 市南区, 市北区)
    adcode, end = _region_chain(name)
    body = _BODY_BEFORE_REGION.match(name)
    if body and (adcode is None or end <= body.end()):  # 新疆 of 新疆生产建设兵团第八师石河子市 is the body's
        inner, inner_end = _region_chain(name[body.end():], full_first=True)
        if inner and (adcode is None or _within(inner, adcode)):
            adcode, end = inner, inner_end + body.end()
    if adcode and _goes_on_with_place(name, end, adcode.endswith("00")):
        return None, 0
    return adcode, end


@lru_cache(maxsize=4096)
def region_names(adcode: str) -> tuple[str | None, str | None, str | None]:
    """Province, city and county names of a 行政区划代码 (municipalities have no city)."""
    cpca = gazetteer()

    def name(code: str) -> str | None:
        info = cpca.ad_2_addr_dict.get(code + "000000")
        if info is None or info.name in _NO_PLACE:
            return None
        return info.name

    province = name(adcode[:2] + "0000")
    city = name(adcode[:4] + "00") if adcode[2:4] != "00" else None
    county = name(adcode) if adcode[4:] != "00" else None
    if city == province:
        city = None
    return province, city, county


@dataclass(frozen=True)
class Zone:
    """A body the gazetteer does not name (新区, 综合实验区 …) and the region it covers."""

    name: str
    adcode: str
    source: str


@lru_cache(maxsize=1)
def zones() -> tuple[Zone, ...]:
    """The zone table (builder/extraction/zones.csv), longest names first."""
    import csv
    from pathlib import Path

    path = Path(__file__).with_name("zones.csv")
    with path.open(encoding="utf-8") as f:
        rows = [Zone(r["name"], r["adcode"], r["source"]) for r in csv.DictReader(f)]
    return tuple(sorted(rows, key=lambda z: -len(z.name)))


def zone_region(name: str) -> str | None:
    zone = _zone_named(name)
    return zone.adcode if zone else None


def _zone_named(name: str) -> Zone | None:
    for zone in zones():
        if zone.name in name and not name.startswith("范", name.find(zone.name) + len(zone.name)):
            return zone  # (第一师范学院 is no 兵团 division)
    return None


def text_region(name: str, lines: list[str]) -> str | None:
    """The region the report names as its own: the name printed with a
    region before it, else the one county (or city) the body keeps naming."""
    body = "\n".join(strip_page_labels(lines[:400]))
    fuller = with_parent_prefix(name, body)
    if fuller != name:
        return resolve_region(fuller)[0]
    if _BARE_LEVEL.match(name):
        return None  # 县教育局: the city above it and the counties it learns from are not its county
    counts: dict[str, int] = {}
    inside: dict[str, list[str]] = {}  # per place, the names it was read in the middle of a word of (早宁县)
    for line in body.split("\n"):
        before = None  # the place read right before, for a name shared by several (长春市朝阳区)
        for m in gazetteer_matches(line):
            full = [a for a in m.attr_infos if m.full(a)]
            if len(full) > 1 and before is not None and before[1] == m.start_index:
                full = [a for a in full if a.rank > before[0].rank and a.belong_to(before[0])]
            if len(full) == 1 and full[0].rank >= 1:
                code = full[0].adcode[:6]
                counts[code] = counts.get(code, 0) + 1
                if m.start_index and _HAN_LETTER.match(line[m.start_index - 1]) and not (
                        before is not None and before[1] == m.start_index):
                    inside.setdefault(code, []).append(line[m.start_index:m.end_index + 1])
            before = (full[0], m.end_index + 1) if len(full) == 1 else None
    # A place read inside a word whose end it is, another place's name ending so named in the text too (宁县 of 早宁县,
    # 乍宁县: OCR misreading 阜 of 阜宁县): those readings count for neither.
    named = {region_names(code)[2] or region_names(code)[1] or "" for code in counts}
    for code, words in inside.items():
        counts[code] -= sum(1 for word in words if any(n != word and n.endswith(word) for n in named))
    for rank in (2, 1):
        ranked = sorted(((n, c) for c, n in counts.items() if (c[4:] != "00") == (rank == 2)), reverse=True)
        if ranked and ranked[0][0] >= 2 and (len(ranked) == 1 or ranked[0][0] >= 2 * ranked[1][0]):
            return ranked[0][1]
    return None


def normalize_name(name: str, province: str | None, city: str | None, county: str | None) -> str:
    """The name from its own region down: 淮安市洪泽区人民政府 and 洪泽区人民政府 are
    one agency. Short forms are written out: 'X县政府' as 'X县人民政府', 长阳县 as 长阳土家族自治县,
    'X县政府办' as 'X县人民政府办公室', '管委会' as '管理委员会'; a department named by its level alone (县财政局) with its
    place (肥西县财政局); a street office named as its district
    government's (沈阳市铁西区人民政府笃工街道办事处) as the district's (沈阳市铁西区笃工街道办事处)."""
    out = re.sub(r"\s+", "", name)
    short_forms = _short_forms_of()
    for region in (county, city):  # 长阳县人民政府 (长阳自治县人民政府) is 长阳土家族自治县人民政府
        if region in short_forms and region not in out:
            short = next((short for short in short_forms[region] if short in out), region)
            out = out.replace(short, region, 1)
    for region in (county, city, province):
        if region and region in out:
            out = out[out.index(region):]
            break
    else:  # 县财政局 of 肥西县 (its place from the site or the text): 肥西县财政局
        level = {"县": county, "区": county, "旗": county, "市": county or city, "省": province}
        if _BARE_LEVEL.match(out) and (place := level.get(out[0])) and place.endswith(out[0]):
            out = place + out[1:]
    out = re.sub(r"(?<=[省市县区州旗盟])政府办(?!公)", "人民政府办公室", out)
    out = re.sub(r"管委会$", "管理委员会", out)
    out = re.sub(r"(?<=[市县区旗])(?:人民)?政府(?=[" + _HAN + r"]{1,10}街道办事处$)", "", out)  # …区人民政府X街道办事处
    return re.sub(r"(?<=[省市县区州旗盟])政府", "人民政府", out)


def _region_prefix(name: str, regions: tuple[str | None, ...]) -> tuple[str, str]:
    for region in regions:
        if region and name.startswith(region):
            return region, name[len(region):]
    return "", name


@lru_cache(maxsize=1)
def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    # Its dictionary's cache, one per user: the shared /tmp/jieba.cache of another user cannot be replaced
    # (jieba then prints a traceback on every run).
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # a user id with no name (a container's)
        user = str(os.getuid()) if hasattr(os, "getuid") else "user"
    jieba.dt.cache_file = f"jieba.{user}.cache"
    jieba.initialize()
    return jieba


def _words(text: str) -> list[str]:
    """Finest dictionary words: 人民政府 becomes 人民 + 政府."""
    jieba = _jieba()
    freq = jieba.dt.FREQ

    def finest(word: str) -> list[str]:
        if len(word) >= 4:
            for i in range(2, len(word) - 1):
                if freq.get(word[:i]) and freq.get(word[i:]):
                    return finest(word[:i]) + finest(word[i:])
        return [word]

    return [w for word in jieba.cut(text, HMM=False) for w in finest(word)]


def _pinyin(word: str) -> str:
    from pypinyin import lazy_pinyin

    return re.sub(r"[^a-z0-9]", "", "".join(lazy_pinyin(word, errors=lambda s: s)).lower())


@lru_cache(maxsize=4096)
def slugify(name: str, regions: tuple[str | None, ...] = ()) -> str:
    """ASCII slug: the region's name and type, then the words of the rest
    (彭阳县人民政府 → pengyang-xian-renmin-zhengfu)."""
    parts: list[str] = []
    region, rest = _region_prefix(name, regions)
    if region:
        suffix = next((s for s in _REGION_SUFFIXES if region.endswith(s) and len(region) > len(s)), "")
        parts += [_pinyin(region[: len(region) - len(suffix)]), _pinyin(suffix)]
    parts += [_pinyin(w) for w in _words(rest)] if rest else []
    slug = "-".join(p for p in parts if p) or "unknown"
    if len(slug) > _SLUG_MAX:  # kept unique by the whole slug's digest
        slug = slug[:_SLUG_MAX - 9].rstrip("-") + "-" + hashlib.sha256(slug.encode()).hexdigest()[:8]
    return slug


# A slug names the agency's folders and ends its id: a long name's (二十几个字) would pass the 255
# bytes a file system allows a name, and one report would stop the build writing its folder.
_SLUG_MAX = 100


# Slugs of the names read by an earlier run of this parser version, by (name as printed,
# province, city, county): what a slug is made of (``describe_agency``). A rebuild that reads
# a few files of known agencies then loads neither jieba's dictionary nor pypinyin (~0.7 s).
_KNOWN_SLUGS: dict[tuple[str | None, ...], str] = {}


def remember_slugs(agencies: Iterable[Agency]) -> None:
    """Take the slugs of agencies described by this parser version (their ids) as known."""
    for agency in agencies:
        if agency.name and agency.agency_id and "-" in agency.agency_id:
            key = (agency.name, agency.province, agency.city, agency.county)
            _KNOWN_SLUGS[key] = agency.agency_id.partition("-")[2]


@lru_cache(maxsize=1024)
def _shared_county_name(county: str) -> bool:
    """Whether several counties bear this name (郊区, 鼓楼区, 朝阳区)."""
    cpca = gazetteer()

    return sum(1 for m in cpca.matcher.iter(county) for a in m.attr_infos if a.name == county) > 1


# A zone named after its province or municipality lies in a county its text names.
_ZONE_KIND = re.compile(r"(?:新区|开发区|高新区|经开区|实验区|园区|保税区|保税港区|自由贸易试验区|合作区)")
# National bodies have no region: the places their text names are not theirs.
_NATIONAL = re.compile(r"^(?:国家|国务院|中国|中华人民共和国|全国|中央)|部$")


_LEVEL_SUFFIX = re.compile(r"(?:自治州|自治县|自治旗|地区|市|县|区|盟|旗)$")


def _branch_region(name: str, lines: list[str]) -> str | None:
    """The region of a national body's local office named by its place's short name (国家统计局慈溪调查队): the
    one the text keeps naming, when the name goes on with it (慈溪市); a national body itself has none."""
    body = _BODY_BEFORE_REGION.match(name)
    if body is None or (adcode := text_region(name, lines)) is None:
        return None
    place = next(place for place in reversed(region_names(adcode)) if place)
    short = _LEVEL_SUFFIX.sub("", place)
    return adcode if len(short) >= 2 and name.startswith(short, body.end()) else None


def _within(inner: str, outer: str) -> bool:
    stem = outer
    while stem.endswith("00"):
        stem = stem[:-2]
    return inner.startswith(stem) and inner != outer


# A name's own place the gazetteer does not know: its first characters up to a level (阳翔县 of 阳翔县人民政府).
_UNKNOWN_PLACE = re.compile(r"^[" + _HAN + r"]{2,3}?(?:县|市|区|旗)")
_MISREAD_MENTIONS = 2  # the text names the place one character off at least this often


def misread_place(name: str, lines: list[str]) -> str | None:
    """The name with its place as the text spells it, when the gazetteer knows no place the name starts with and
    the text keeps naming one a character off (阳翔县人民政府 over a text naming 阳朔县: OCR misread the title's
    character); None otherwise."""
    head = _UNKNOWN_PLACE.match(name)
    if head is None or resolve_region(name)[0] is not None:
        return None
    place = head.group()
    counts: dict[str, int] = {}
    for line in strip_page_labels(lines[:_PARENT_LINES]):
        for m in gazetteer_matches(line):
            spelled = m.origin_value
            if len(spelled) == len(place) and spelled[-1] == place[-1] and spelled != place \
                    and sum(a != b for a, b in zip(spelled, place)) == 1 and any(m.full(a) for a in m.attr_infos):
                counts[spelled] = counts.get(spelled, 0) + 1
    found = [spelled for spelled, count in counts.items() if count >= _MISREAD_MENTIONS]
    return found[0] + name[len(place):] if len(found) == 1 else None


def mistyped_name(name: str, lines: list[str]) -> str | None:
    """The name as the report's text spells it, where the title's is that name with one character wrong (常州市市场监督
    管里局, 德清县教有局: a typing slip in the title), the text names it so at least twice (its opening, its signature)
    and the title's spelling nowhere else; None otherwise."""
    text = "\n".join(lines[:_NAMED_LINES] + lines[-_SIGNATURE_REACH:])
    if len(name) < 4 or text.count(name) > 1:
        return None
    spelled: set[str] = set()
    for k in range(len(name)):
        pattern = re.escape(name[:k]) + f"[{_HAN}]" + re.escape(name[k + 1:])
        # (the title's spelling of the words around the character, found elsewhere too, is none of a slip's: 江西省水利厅
        # titled, 省水利厅 in the text, 江西省水利科学院 twice, a unit of its own)
        attested = text.count(name[max(0, k - 2):k + 2]) > text.count(name)
        spelled |= {m for m in re.findall(pattern, text)
                    if m != name and text.count(m) >= _MISREAD_MENTIONS and not attested
                    and not (name[k] in _LEVEL_CHARACTERS and m[k] in _LEVEL_CHARACTERS)}
    return spelled.pop() if len(spelled) == 1 else None


# Characters of a division's level: one for another names another body (府谷县人民政府 and its town's 府谷镇人民政府,
# whose figures a county's report lists), no slip.
_LEVEL_CHARACTERS = frozenset("省市县区镇乡旗州盟村")


_NAMED_LINES = 400  # lines of a report's text searched for its name spelled otherwise than in its title


# A name whose place lost its first character (a rare one a GB2312 page printed as ? or □, dropped in reading): what
# is left of the place, up to its level (邑区 of 鄠邑区教育局, 河区 of 浉河区人民政府).
_PLACE_TAIL = re.compile(r"^[" + _HAN + r"]{1,4}?(?:区|县|市|旗)")
# A level a body's name begins with when it leaves its place out (市市场监督管理局, 县自然资源局); no county-level place's
# name goes on from its first character with one of them (州 does: 儋州市 short of 儋 is 州市…).
_LEVEL_ALONE = frozenset("市县区旗")


@lru_cache(maxsize=1)
def _county_names() -> tuple[tuple[str, str], ...]:
    """Every county-level division's (adcode, name) the gazetteer knows."""
    return tuple((key[:6], info.name) for key, info in gazetteer().ad_2_addr_dict.items()
                 if not key[:6].endswith("00") and info.name)


def lost_character_place(name: str, lines: list[str]) -> str | None:
    """The name with its place's first character put back, when the name begins with what no place is called but
    the end of one county-level division's name (邑区: 鄠邑区), or of several of which one lies in the one city the
    text names (河区 in a text naming 信阳市: 浉河区); None otherwise, and for a name beginning with a level alone
    (市市场监督管理局: the city's 市场监督管理局, its place left out, as 县自然资源局 is; not 津市市场… short of 津)."""
    head = _PLACE_TAIL.match(name)
    if head is None or name[0] in _LEVEL_ALONE or resolve_region(name)[0] is not None or _region_chain(head.group())[0] \
            or _places_named(head.group()):
        return None  # (西湖区 is a place of its own, of several cities: not 东西湖区 short of a character)
    tail = head.group()
    places = [(code, place) for code, place in _county_names() if len(place) == len(tail) + 1 and place.endswith(tail)]
    if len(places) > 1:
        text = "".join(strip_page_labels(lines[:_PARENT_LINES]))
        cities = {code[:4] for code, place in places if (parent := region_names(code)[1]) and parent in text}
        places = [(code, place) for code, place in places if code[:4] in cities]
    return places[0][1] + name[len(tail):] if len({place for _, place in places}) == 1 else None


def variant_place(name: str) -> str | None:
    """The name with its place in standard characters, where it writes the place with a variant or traditional one
    the gazetteer does not know (济宁市兗州区市场监督管理局: 兗 for 兖) and OpenCC's conversion (t2s) names a place
    it knows, reaching further into the name; None otherwise. Only the place is converted: the rest stays as printed."""
    from ..reading.document import opencc_converter

    adcode, end = resolve_region(name)
    standard = opencc_converter("t2s").convert(name)
    if standard == name or len(standard) != len(name):
        return None
    found, reach = resolve_region(standard)
    if found is None or found == adcode or reach <= end or standard[:reach] == name[:reach]:
        return None
    return standard[:reach] + name[reach:]


def _short_named_division(name: str, lines: list[str], province: str) -> str | None:
    """The one city or county of the province that a zone's name carries by its short name (河北宁晋经济开发区: 宁晋)
    and the report names in full, even once (宁晋县人民政府网站); None when none or several."""
    found = set()
    for line in strip_page_labels(lines[:_PARENT_LINES]):
        for m in gazetteer_matches(line):
            for place in m.attr_infos:
                code = place.adcode[:6]
                short = _LEVEL_SUFFIX.sub("", place.name)
                if m.full(place) and place.rank >= 1 and _within(code, province) and len(short) >= 2 and short in name:
                    found.add(code)
    return found.pop() if len(found) == 1 else None


def _places_named(name: str) -> list[str]:
    """The 行政区划代码 the place a name starts with may stand for (鼓楼区: districts of four
    cities), when the gazetteer knows it by that full name."""
    matches = list(gazetteer_matches(name))
    if matches and matches[0].start_index == 0:
        m, starts = matches[0], {m.start_index for m in matches}
        # 东区街道 is no 东区, 沙县区 no 沙县
        if not _names_a_town(name, m.end_index + 1, starts) and not _goes_on_with_place(name, m.end_index + 1, False):
            return [a.adcode[:6] for a in m.attr_infos if m.full(a)]
    return []


# A vertically managed body's local office named by its city's or province's short name: 厦门海关, 绍兴调查队,
# 湖南调查总队 (a province's), 湖南银保监局, 国家金融监督管理总局泉州监管分局, 中国人民银行泉州中心支行, 财政部宁波监管局,
# 湖北证监局, 南京住房公积金管理中心; and a national zone named so, which has no code of its own (合肥经济技术开发区: its
# city's).
_SHORT_CITY_OFFICE = re.compile(r"^(?:海关|调查(?:总)?队|(?:金融|银保)?监管(?:分)?局|银保监(?:分)?局|证监局|中心支行"
                                r"|海事局|海事处|邮政管理局|气象局"
                                r"|住房公积金管理中心|铁路监督管理局|(?:出入境)?边防检查站|边检站"
                                r"|经济技术开发区|高新技术产业开发区|经济开发区|高新区|经开区|片区)")
# A national body's office named by its national body and a place's short name alone (国家矿山安全监察局山西局).
_OFFICE_AFTER_BODY = re.compile(r"(?:分)?局|监管局|监管办公室|办事处")
# A zone named by its city's short name and its own (东莞松山湖高新技术产业开发区): the city's.
_SHORT_CITY_ZONE = re.compile(r"^[" + _HAN + r"]{1,4}?(?:经济技术开发区|高新技术产业开发区|经济开发区|高新区|经开区|综合保税区"
                              r"|旅游度假区)")


def _short_city_region(name: str) -> str | None:
    """The city (or province, or county-level city) whose short name begins a local office's name (after its
    national body's), when the gazetteer knows one place by that short name."""
    body = _BODY_BEFORE_REGION.match(name)
    rest = name[body.end():] if body else name
    first = next(gazetteer_matches(rest), None)
    after = rest[first.end_index + 1:] if first is not None else ""
    if first is None or first.start_index != 0:
        return _short_county_region(rest, body is not None)
    if not (_SHORT_CITY_OFFICE.match(after) or _SHORT_CITY_ZONE.match(after)
            or (body and _OFFICE_AFTER_BODY.fullmatch(after))):
        return None
    for ranks in ((0, 1), (2,)):  # a city's or province's short name first; else a county-level city's (慈溪调查队)
        places = [a for a in first.attr_infos if a.rank in ranks and not first.full(a)]
        if places:
            return places[0].adcode[:6] if len(places) == 1 else None
    return None


def _short_county_region(rest: str, after_body: bool) -> str | None:
    """The county whose name without 县 (or a county-level city's without 市, a district's without 区) begins an
    office's name that the gazetteer does not read as a place (苍南 of 国家统计局苍南调查队: 苍南县), when one county
    so named is there."""
    found = set()
    for k in (2, 3):
        office = rest[k:]
        if not (_SHORT_CITY_OFFICE.match(office) or (after_body and _OFFICE_AFTER_BODY.fullmatch(office))):
            continue
        for suffix in ("县", "市", "区"):  # (北仑海关: 北仑区, a port district)
            place = rest[:k] + suffix
            code, end = _region_chain(place)
            if code and end == len(place) and not code.endswith("00"):
                found.add(code)
    return found.pop() if len(found) == 1 else None


# The government whose site a page is on, as the page's header or footer prints it: 主办单位：正定县人民政府办公室,
# 版权所有：西峡县人民政府, 欢迎访问西峡县人民政府网站.
_SITE_OWNER = re.compile(r"(?:主办(?:单位)?|版权所有|欢迎访问)\s*[:：]?\s*(?:(?:©|\(c\)|Copyright)\s*)?(?:\d{4}\s*)?"
                         r"(?P<owner>[" + _HAN + r"]{2,30}?(?:人民政府|政府))(?:办公室|办公厅|门户网站|网站|网)?"
                         r"(?![" + _HAN + r"])")
# (or the owner first: 舟山市普陀区人民政府办公室主办, a page's footer as a browser prints it)
_SITE_OWNER_FIRST = re.compile(r"(?P<owner>[" + _HAN + r"]{2,30}?(?:人民政府|政府))(?:办公室|办公厅)?\s*主办(?![" + _HAN
                               + r"])")
# (or a Word file's page header naming the column it is filed in: 安溪县人民政府信息公开)
_SITE_NAME_LINE = re.compile(r"^\s*(?P<owner>[" + _HAN + r"]{2,30}?(?:人民政府|政府))"
                             r"(?:门户网站|网站|门户|网|(?:政府)?信息公开|政务公开)\s*$")
# Bodies a county's site publishes whose names carry no place: its towns and streets (丁河镇人民政府,
# 稠城街道办事处), the 管理区 run on state farms at their level (…管理区管理委员会), and its departments named
# by level (县教育局).
_BELOW_COUNTY = re.compile(r"(?:乡|镇|街道|苏木|管理区)(?:人民政府|政府|办事处|管理委员会|管委会)?$")
_LEVEL_NAMED = re.compile(r"^[县区旗](?!中区)")
_CITY_NAMED = re.compile(r"^市(?![中北南]区)")  # (市市场监督管理局: the city's; 市中区 a district's name)


def site_owner(page_lines: list[str]) -> str | None:
    """The government whose site the page is on, from the page's header and footer (kept in the
    page's lines, dropped from its body); None when they name none, or several."""
    edges = page_lines[:40] + page_lines[-40:] if len(page_lines) > 80 else page_lines
    owners = {m.group("owner") for line in edges if len(line) <= 200
              for m in (*_SITE_OWNER.finditer(line), *_SITE_OWNER_FIRST.finditer(line), _SITE_NAME_LINE.match(line))
              if m}
    owners = {owner for owner in owners if resolve_region(owner)[0]}  # not 中国政府网, a footer's link to gov.cn
    return owners.pop() if len(owners) == 1 else None


# A government site's identifier (政府网站标识码, in every page's footer): its owner's 行政区划代码 and four digits; and
# its public-security filing (川公网安备 51110202000048号): the filing bureau's division's code and eight digits.
_SITE_CODE = re.compile(r"(?:网站标识码\s*[:：]?\s*(\d{6})\d{4}|公网安备\s*[:：]?\s*(\d{6})\d{8})(?!\d)")
# The province a site's ICP filing is in (粤ICP备13004420号, 蜀ICP备…): a government's own site files in its province.
_ICP = re.compile(r"(?P<province>[京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川蜀黔贵滇云藏陕甘陇青宁新])\s*ICP\s*备")
_ICP_PROVINCES = {"京": "11", "津": "12", "冀": "13", "晋": "14", "蒙": "15", "辽": "21", "吉": "22", "黑": "23",
                  "沪": "31", "苏": "32", "浙": "33", "皖": "34", "闽": "35", "赣": "36", "鲁": "37", "豫": "41",
                  "鄂": "42", "湘": "43", "粤": "44", "桂": "45", "琼": "46", "渝": "50", "川": "51", "蜀": "51",
                  "黔": "52", "贵": "52", "滇": "53", "云": "53", "藏": "54", "陕": "61", "甘": "62", "陇": "62",
                  "青": "63", "宁": "64", "新": "65"}


def _site_code_region(name: str, page_lines: list[str]) -> str | None:
    """Of the places a name shared by several stands for (南沙区: 广州's and 三沙's), the one in the city of the site
    the page is on, by its identifier (网站标识码：4401150001) or its public-security filing (公网安备 of a district of
    that city); else the one in the province its ICP filing names (粤ICP备); None when none, or several."""
    candidates = _places_named(name)
    if len(candidates) < 2:
        return None
    edges = page_lines[-60:] + page_lines[:20]
    codes = {m.group(1) or m.group(2) for line in edges for m in _SITE_CODE.finditer(line)}
    inside = {code for code in candidates for site in codes
              if code == site or (code[:4] == site[:4] and site[4:] != "0000")}
    if not codes:
        provinces = {_ICP_PROVINCES[m["province"]] for line in edges for m in _ICP.finditer(line)}
        inside = {code for code in candidates for province in provinces if code[:2] == province}
    return inside.pop() if len(inside) == 1 else None


# A site's owner of any kind in its footer (Copyright © 四川省交通运输厅 版权所有, 主办单位：…局), and what a report calls
# itself by its kind alone (我厅, 本局).
_OWNER_OF_SITE = re.compile(r"(?:主办(?:单位)?|版权所有|Copyright|©)\s*[:：©]?\s*(?:©\s*)?(?:\d{4}(?:\s*[-—–]\s*\d{4})?\s*)?"
                            r"(?P<owner>[" + _HAN + r"]{4,30}?(?:厅|局|委员会|委|署|院|中心|办公室))(?![" + _HAN + r"])")
_SELF_BY_KIND = re.compile(r"[我本](厅|局|委|署|院|中心|办)(?![" + _HAN + r"]{0,1}(?:属|系统))")


def self_named_owner(lines: list[str], page_lines: list[str]) -> str | None:
    """The agency of a report that names itself only by its kind (我厅, 本局) on its own site: the one owner the page's
    header and footer name (Copyright © 四川省交通运输厅) whose name ends in that kind and has a place; None when the
    report says no kind, or the site names no such owner, or several."""
    kinds = Counter(m[1] for m in _SELF_BY_KIND.finditer("".join(lines[:_PARENT_LINES])))
    if not kinds or not page_lines:
        return None
    kind = kinds.most_common(1)[0][0]
    edges = page_lines[:40] + page_lines[-40:] if len(page_lines) > 80 else page_lines
    owners = {m["owner"] for line in edges if len(line) <= 200 for m in _OWNER_OF_SITE.finditer(line)}
    owners = {owner for owner in owners if owner.endswith(kind) and resolve_region(owner)[0]}
    return owners.pop() if len(owners) == 1 else None


def masthead_name(lines: list[str], page_lines: list[str]) -> str | None:
    """The agency of a report that never names itself (本机关, 我局) under a title naming none, on a page whose masthead
    (above the title: a logo's words, read from its alt text) names one institution with a place, alone on its line;
    None where the report calls itself a kind of body the masthead's is not (我局 under 某某县人民政府), or the masthead
    names none or several."""
    title = next((k for k, line in enumerate(page_lines[:_MASTHEAD_LINES]) if _TITLE_WORDS.search(line)), None)
    names = {name for line in page_lines[:title] if len(name := line.strip()) <= _MASTHEAD_MAX
             and _NAME_ONLY.fullmatch(name) and INSTITUTION.search(name) and resolve_region(name)[0]}
    if title is None or len(names) != 1:
        return None
    name = names.pop()
    kinds = Counter(m[1] for m in _SELF_BY_KIND.finditer("".join(lines[:_PARENT_LINES])))
    endings = {**_KIND_ENDINGS, "办": ("办公室", "办公厅")}
    if kinds and not name.endswith(endings.get(kind := kinds.most_common(1)[0][0], (kind,))):
        return None
    return name


_MASTHEAD_LINES = 40  # a page's lines above its article's title, at most
_TITLE_WORDS = re.compile(r"(?:政府信息公开|政务信息公开|政务公开)工作(?:年度报告|年报)")


# What a government's report calls itself by its division (我县, 本市, 我区, 我镇): not 本市场, 本区域.
_SELF_AS_GOVERNMENT = re.compile(r"[我本](?:省|市|县|区|旗|州|盟|镇|乡|街道)(?![场域])")
# The endings of a body of each kind a report calls itself by (我委: a 委 or a 委员会).
_KIND_ENDINGS = {"厅": ("厅",), "局": ("局",), "委": ("委", "委员会"), "署": ("署",), "院": ("院",), "中心": ("中心",)}


def department_on_government_page(name: str, lines: list[str], page_lines: list[str]) -> str | None:
    """The department whose report a government's site holds under the site's masthead (江油市人民政府 over
    2022年政府信息公开工作年度报告, read as one title): the report calls itself by a department's kind (我局, 本局, 我委)
    more often than as a government (我市, 本县), and the page's publisher label (来源：江油市教育局), its trail's agency
    step (首页 > 部门信息公开 > 当阳市农业农村局 > …) or the signature names one body of that kind in the government's
    place. Not 我办: a government's own office compiles its report. None when the report speaks as the government."""
    if not name.endswith("人民政府"):
        return None
    text = "".join(lines[:_PARENT_LINES])
    kinds = Counter(m[1] for m in _SELF_BY_KIND.finditer(text) if m[1] in _KIND_ENDINGS)
    if sum(kinds.values()) <= len(_SELF_AS_GOVERNMENT.findall(text)):
        return None
    place, own = name.removesuffix("人民政府"), resolve_region(name)[0]
    endings = tuple(ending for kind in kinds for ending in _KIND_ENDINGS[kind])
    bodies = {body for body in (publisher_from_labels(page_lines), agency_step_in_trail(page_lines), signature_name(lines))
              if body and body.endswith(endings) and not generic_name(body)
              and (resolve_region(body)[0] == own if own else body.startswith(place))}
    return bodies.pop() if len(bodies) == 1 else None


def _site_owner_region(name: str, page_lines: list[str]) -> str | None:
    """Of the places a name shared by several stands for (普陀区: 上海's and 舟山's), the one the site's owner
    (主办：上海市普陀区人民政府办公室), or the page's label naming the publisher (发布机构：南京市鼓楼区卫生健康委员会, 来源：
    阳泉市郊区人民政府网站) is or holds; None when the page names none, or they hold none or several."""
    candidates = _places_named(name)
    if len(candidates) < 2:
        return None
    for owner in (site_owner(page_lines), issuer_from_labels(page_lines), publisher_from_labels(page_lines)):
        site = resolve_region(owner)[0] if owner else None
        inside = [code for code in candidates if site and (code == site or _within(code, site))]
        if len(inside) == 1:
            return inside[0]
    return None


def _parent_named_region(name: str, lines: list[str]) -> str | None:
    """Of the places a name shared by several stands for (鼓楼区: four cities'), the one whose city the report
    names, even once (《福州市2023年政务公开工作要点》) and even across a PDF's line break; None when it names
    none of them, or several. The city with the place's name after it (与上海市普陀区教育局签约) is another
    body's of the same name, no mention of the report's own city."""
    candidates = _places_named(name)
    if len(candidates) < 2:
        return None
    text = re.sub(r"\s+", "", "".join(lines[:_PARENT_LINES]))
    inside = [code for code in candidates if (names := region_names(code)) and (parent := names[1] or names[0])
              and re.search(re.escape(parent) + (f"(?!{re.escape(names[2])})" if names[2] else ""), text)]
    return inside[0] if len(inside) == 1 else None


_PARENT_LINES = 400  # the report's body, where it names its city; not a long annex


# What follows a district's full name in a street address: a street, road or number (舟山市普陀区东港街道海莲路333号).
_STREET_ADDRESS = r"[\u4e00-\u9fff\d]{0,16}?(?:路|街|大道|巷|弄)\d*号?"


def _own_city_of_same_names(name: str, lines: list[str]) -> str | None:
    """Of the places a name shared by several stands for (普陀区: 上海's and 舟山's), the one whose city the text names on
    its own when it names another's with the district after it (舟山市 …, and 与上海市普陀区结对: the partner is that
    other district, named in full as one names another body); else, when the text names no city on its own, the one
    whose full name begins a street address (联系地址：舟山市普陀区…路333号: the agency's own); None otherwise."""
    candidates = _places_named(name)
    if len(candidates) < 2:
        return None
    text = re.sub(r"\s+", "", "".join(strip_page_labels(lines[:_PARENT_LINES])))
    alone, before, addressed = [], [], []
    for code in candidates:
        province, city, county = region_names(code)
        parent = city or province
        if not parent or not county:
            continue
        if re.search(re.escape(parent) + re.escape(county), text):
            before.append(code)
        if re.search(re.escape(parent) + f"(?!{re.escape(county)})", text):
            alone.append(code)
        if re.search(re.escape(parent) + re.escape(county) + _STREET_ADDRESS, text):
            addressed.append(code)
    if len(alone) == 1 and any(code != alone[0] for code in before):
        return alone[0]
    return addressed[0] if not alone and len(addressed) == 1 else None  # (联系地址：舟山市普陀区东港街道海莲路333号)


# Where the body says it stands (黄埔老港海关为广州海关隶属海关，位于广州市黄埔区): the sentence naming it, then the place.
_LOCATED = r"[^。；;\n]{0,30}?(?:位于|地处|坐落于|坐落在|驻地在|驻)\s*"


def _stated_location(name: str, lines: list[str]) -> str | None:
    """The region a sentence naming the body says it stands in, printed in full from its province or city on (a customs
    office, a branch named by no place the gazetteer knows); None when its sentences say none, or several."""
    located = re.compile(re.escape(name) + _LOCATED)
    found = {code for line in lines[:_PARENT_LINES] if name in line for m in located.finditer(line)
             if (code := _region_chain(line[m.end():], full_first=True)[0])}
    return found.pop() if len(found) == 1 else None


# A contact address the report prints (地址：苏州市吴江区中山南路1979号, 联系地址：平遥县…路…号): where its body sits.
_ADDRESS = re.compile(r"地\s*址\s*[:：]\s*(?P<address>[" + _HAN + r"]{2,40})")


def _address_region(name: str, lines: list[str]) -> str | None:
    """The county of a department named by its level alone (区卫健委, 县住建局) from the one county-level division the
    addresses its text prints begin with, of that level (区: a district; 县: a county); None when they name none of
    that level, or several."""
    if not _LEVEL_NAMED.match(name):
        return None
    found = set()
    for line in lines[:_PARENT_LINES]:
        for m in _ADDRESS.finditer(line) if "址" in line else ():
            code = _region_chain(m["address"])[0]
            county = region_names(code)[2] if code else None
            if county and county.endswith(name[0]):
                found.add(code)
    return found.pop() if len(found) == 1 else None


def _site_region(name: str, page_lines: list[str] | None) -> str | None:
    """The county of a town, street or county department whose name has no place, from the site it is
    published on: a county government's site publishes its own towns' and departments' reports; and the city of
    a city's department so named (市市场监督管理局), from its city's site, prefecture or county-level."""
    city_named = bool(_CITY_NAMED.match(name))
    if not page_lines or not (_BELOW_COUNTY.search(name) or _LEVEL_NAMED.match(name) or city_named):
        return None
    owner = site_owner(page_lines)
    if not owner:
        return None
    adcode, end = resolve_region(owner)
    if adcode is None or not re.fullmatch(r"(?:人民)?政府", owner[end:]):
        return None
    if city_named:  # (a province's site publishes its cities' departments: which city, it does not say)
        return adcode if owner[:end].endswith("市") and not adcode.endswith("0000") else None
    if adcode.endswith("00") and (adcode.endswith("0000") or adcode[:4] in _cities_with_counties()):
        return None  # a city's or province's site also publishes its counties' bodies: no county said
    return adcode  # (a city without counties, 东莞市, publishes its towns' reports: they are the city's)


# A government's portal the report names as where it publishes (依托南通市海门区人民政府门户网站常乐镇专栏).
_PORTAL_NAMED = re.compile(r"(?P<owner>[" + _HAN + r"]{2,30}?(?:人民政府|政府))(?:门户网站|网站|门户网|政务网|官网)")


def _portal_region(name: str, lines: list[str]) -> str | None:
    """The county of a town, street or county department whose name has no place, from the one county
    government whose portal its text names (a county's site holds its towns' columns); None when the text
    names none, several, or a city's or province's (which publish their counties' bodies too)."""
    if not (_BELOW_COUNTY.search(name) or _LEVEL_NAMED.match(name)):
        return None
    text = re.sub(r"\s+", "", "".join(lines[:_PARENT_LINES]))
    counties = set()
    for m in _PORTAL_NAMED.finditer(text):
        owner = m.group("owner")  # (its words before the place: 依托南通市海门区人民政府)
        adcode = next((code for k in range(len(owner) - 3) for code, end in [resolve_region(owner[k:])]
                       if code and re.fullmatch(r"(?:人民)?政府", owner[k + end:])), None)
        if adcode is None:
            continue
        if adcode.endswith("00") and (adcode.endswith("0000") or adcode[:4] in _cities_with_counties()):
            return None
        counties.add(adcode)
    return counties.pop() if len(counties) == 1 else None


@lru_cache(maxsize=1)
def _cities_with_counties() -> frozenset[str]:
    """The first four digits of every city the gazetteer has county-level divisions under (not 东莞, 中山, 儋州)."""
    return frozenset(code[:4] for code in (key[:6] for key in gazetteer().ad_2_addr_dict)
                     if not code.endswith("00") and not code.endswith("01"))


# A city bureau's branch named after a district of the city: 南通市公安局崇川分局, 济南市生态环境局历城分局,
# 上海市公安局浦东分局, 深圳市市场监督管理局福田监管局; and a city centre's (无锡市住房公积金管理中心江阴分中心).
_BRANCH = re.compile(r"(?:局|委员会|中心)(?P<short>[" + _HAN + r"]{1,6}?)(?:分局|监管局|管理局|分中心|海事处)$")
_BRANCH_ALONE = re.compile(r"[" + _HAN + r"]{1,6}?(?:分局|监管局|管理局|分中心|海事处)")  # (named in brackets after its city's)


# The city's ecology bureau's office in a county, named by the city and the county's short name (泉州市晋江生态环境局,
# 南京市江宁生态环境局: the vertical management of 2019).
_ECOLOGY_BRANCH = re.compile(r"(?P<short>[" + _HAN + r"]{1,6}?)生态环境局")


def _district_branch(name: str, city: str) -> str | None:
    """The district (or county) a city bureau's 分局 (or its ecology bureau's office) is named after and serves, when
    the short name is one of the city's divisions with its 区, 县, 市 or 旗; None for any other name."""
    municipality = city[:2] in ("11", "12", "31", "50") and city.endswith("0000")
    # 芝罘分局（芝罘区公安局）: the branch, its other name after it; but 南通市住房公积金管理中心（海门分中心）: the branch in it
    bracket = re.search(r"[（(]([^（）()]*)[）)]$", name)
    name = name[:bracket.start()] + (bracket[1] if _BRANCH_ALONE.fullmatch(bracket[1]) else "") if bracket else name
    if not city.endswith("00") or (city.endswith("0000") and not municipality):
        return None
    prefix = name[:resolve_region(name)[1]]
    if not (m := _BRANCH.search(name) or _ECOLOGY_BRANCH.fullmatch(name, len(prefix))):
        return None
    for suffix in ("", "区", "县", "市", "旗", "新区"):
        place = prefix + m["short"] + suffix
        code, end = resolve_region(place)
        if code and code != city and _within(code, city) and end == len(place):
            return code
    return None


_CHINESE_BRACKETS = str.maketrans("()", "（）")


# A free-trade zone's name, its province in brackets after 中国 (中国（四川）自由贸易试验区…): placed by the province.
_NATIONAL_ZONE = re.compile(r"^中国（([^（）]{2,8})）")


def describe_agency(name: str | None, lines: list[str] | None = None, page_lines: list[str] | None = None) -> Agency:
    """Name, region and id of an agency. The region comes from the gazetteer
    for the name, else from the zone table, else from the text, else (a town, street or county
    department) from the county government whose site the page is on (``site_owner`` of the page's
    lines, chrome kept); when none says, the region stays unknown (None) and the id starts 000000."""
    if not name:
        return Agency()
    name = name.translate(_CHINESE_BRACKETS)  # read as ASCII (``normalize``), printed as a Chinese name is
    adcode, source = resolve_region(_NATIONAL_ZONE.sub(r"\1", name))[0], "name"
    area = name.partition("自由贸易试验区")[2]
    if adcode and _NATIONAL_ZONE.match(name) and (part := resolve_region(area)[0] or _short_city_region(area)) \
            and _within(part, adcode):
        adcode = part  # its 片区 named by a city (中国（河南）自由贸易试验区洛阳片区): the city's
    zone = _zone_named(name)
    if zone and (adcode is None or _within(zone.adcode, adcode)):
        adcode, source = zone.adcode, "zones"  # 福建省平潭综合实验区: the zone is finer than the province
        rest = name[name.find(zone.name) + len(zone.name):]
        if (inner := resolve_region(rest)[0]) and inner != adcode and _within(inner, adcode):
            adcode = inner  # 雄安新区安新县人民政府: the county of the zone's that its name goes on with
    if adcode is None and (short := _short_city_region(name)):
        adcode = short
    elif adcode is None and lines and _NATIONAL.search(name):
        adcode, source = _branch_region(name, lines), "text"
    elif adcode is None and lines and (own := _own_city_of_same_names(name, lines)):
        adcode, source = own, "text"  # 普陀区 whose text names 舟山市, and 上海市普陀区 as a partner
    elif adcode is None and lines:
        adcode, source = text_region(name, lines), "text"
        named = _places_named(name)
        inside = [code for code in named if adcode and _within(code, adcode)]
        if adcode and named and adcode not in named and len(inside) == 1:
            adcode = inside[0]  # 朝阳区 whose text keeps naming 长春市: 长春's 朝阳区
        elif adcode and named and not any(code == adcode or _within(code, adcode) for code in named):
            adcode = None  # 鼓楼区 whose text keeps naming 沙县: no 鼓楼区 lies there
        elif adcode and adcode.endswith("00") and _goes_on_with_place(name, _region_chain(name)[1], True):
            adcode = None  # (济南市)莱芜区 whose text names 济南市: a district the gazetteer lacks, not the city
    elif source == "name" and adcode is not None and adcode.endswith("0000") and _ZONE_KIND.search(name) and lines:
        finer = text_region(name, lines) or _short_named_division(name, lines, adcode)
        if finer and _within(finer, adcode):  # 天津港保税区 whose text keeps naming 滨海新区
            adcode, source = finer, "text"
    if source == "name" and adcode and (branch := _district_branch(name, adcode)):
        adcode = branch
    if adcode is None and page_lines and (sited := _site_code_region(name, page_lines) or _site_owner_region(name, page_lines)):
        adcode, source = sited, "site"
    if adcode is None and lines and (adcode := _parent_named_region(name, lines)):
        source = "text"
    if adcode is None and (adcode := _site_region(name, page_lines)):
        source = "site"
    if adcode is None and lines and (adcode := _portal_region(name, lines)):
        source = "text"
    if adcode is None and lines and (adcode := _address_region(name, lines)):
        source = "text"
    if adcode is None and lines and (adcode := _stated_location(name, lines)):
        source = "text"
    if adcode is None:
        province = city = county = None
        source = None
    else:
        province, city, county = region_names(adcode)
    normalized = normalize_name(name, province, city, county)
    # The id's words: never change for a published name.
    slug = _KNOWN_SLUGS.get((name, province, city, county)) or slugify(normalized, (county, city, province))
    if county and city and normalized.startswith(county) and _shared_county_name(county) and city in name:
        normalized = city + normalized  # 郊区 is several counties: 铜陵市郊区…, as the report prints it
    if adcode and adcode[:2] in MUNICIPALITY_CODES:
        city = province  # (after the id's words, which never change) a municipality as its own city: 北京市, 北京市, 朝阳区
    return Agency(name, normalized, f"{adcode or '000000'}-{slug}", province, city, county, adcode, source)
