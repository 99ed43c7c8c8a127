"""One file to one report: read, locate, classify, assign cells, find figures."""

from __future__ import annotations

import collections
import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import errors, forms
from ..forms import PRE_2019
from ..reading.document import UNDONE_GBK_MOJIBAKE, UNDONE_MOJIBAKE, Document, read_bytes, read_file
from .errata import apply_errata, correct_figures, corrections
from .layout import Layout, headed_rows, locate, numbered_headings, without_zero_decimals
from .listed import relisted, ungridded, unpiped
from .metadata import (
    UNSURE_YEAR_SOURCES,
    Agency,
    agency_step_in_trail,
    department_on_government_page,
    describe_agency,
    find_agency_name,
    find_title,
    find_year,
    generic_name,
    issuer_from_labels,
    linked_reports,
    lost_character_place,
    masthead_name,
    misread_place,
    mistyped_name,
    name_in_running_heads,
    name_in_trail,
    names_one_body,
    publisher_from_labels,
    self_named_owner,
    signature_name,
    signed_in_full,
    strip_page_labels,
    title_line_year,
    variant_place,
)
from .narrative import Figure, find_figures, mark_headlines, overview_table_lines, own_level_beside_whole
from .parted import parted_measures
from .tables import (
    CellValue,
    Tables,
    detect_template,
    form_sections,
    form_structure,
    glyphs_read_by_sums,
    read_tables,
    tables_of_region,
)
from .turned import unstacked, unturned

_FORM_SINCE = 2019  # the first report year on the prescribed form: a report since has its tables, sections or figures

_REPORT_SIGNS = re.compile(r"政府信息公开|政务公开|信息公开")
_ANNUAL = re.compile(r"年度报告|工作报告|年报")
_SECTION_SIGNS = re.compile(
    r"总体情况|概述|主动公开|依申请公开|收到和处理|行政复议|行政诉讼|存在的主要问题|存在问题|改进|其他需要报告")


@dataclass
class Report:
    """Everything extracted from one published report."""

    document: Document
    layout: Layout
    agency: Agency
    year: int
    year_source: str
    template: str
    cells: dict[str, CellValue]
    narrative: list[Figure]
    warnings: list[dict] = field(default_factory=list)
    t3_layout: str | None = None
    template_source: str = "labels"  # what decided the template: "labels", "no form" or "year"
    checks: list = field(default_factory=list)
    badge: str | None = None
    summary: str | None = None

    @property
    def report_id(self) -> str:
        return f"{self.agency.agency_id}/{self.year}"

    @property
    def source_name(self) -> str:
        return Path(self.document.source.path).name

    def __reduce__(self):
        """Between processes a report travels as its cache record: a few lists and strings
        pickle several times faster than its hundreds of small objects."""
        from .cache import report_from_parts, report_record

        return report_from_parts, (report_record(self), self.badge, self.summary)

    def value(self, cell: str) -> int | float | None:
        c = self.cells.get(cell)
        return c.value if c is not None else None

    def as_json(self, with_checks: bool = True) -> dict:
        out = {
            "source": self.document.source.as_json(),
            "report_id": self.report_id,
            "agency": self.agency.as_json(),
            "year": self.year,
            "template": self.template,
            "cells": {cell: value.as_json() for cell, value in self.cells.items()},
            "narrative": [f.as_json() for f in self.narrative],
            "warnings": self.warnings,
        }
        if with_checks:
            from ..checks import published

            out["checks"] = [c.as_json() for c in published(self.checks)]
            out["badge"] = self.badge
            out["summary"] = self.summary
        return out


# What a title that does not name an annual report says the document is, by
# its closing words (a letter about a 工作要点 is a letter).
_OTHER_KINDS = (
    # a statement of a quarter or part of a year (2022年第三季度政府信息公开申请办理情况, 2024年1-9月…): not the year's
    (re.compile(r"(?:19|20)\d{2}年度?(?:第?[一二三四1-4]季度|前三季度|上半年|下半年|1\s*[-—～~至到]\s*\d{1,2}\s*月)"),
     "a statement of part of a year (季度、半年), not the annual report"),
    (_REPLY := re.compile(r"(?:告知书|答复书|答复意见书|补正通知书)$"),
     "a reply to a disclosure applicant (答复告知书), which may quote a report's figures"),
    (re.compile(r"(?:的)?(?:复)?函$"), "a letter (函)"),
    (re.compile(r"(?:的)?通知$"), "a notice (通知)"),
    (re.compile(r"(?:的)?通报$"), "a circular (通报)"),
    (re.compile(r"(?:更正|勘误)(?:说明|公告|声明|启事)?$"), _ERRATUM := "an erratum (更正说明) to a report"),
    (re.compile(r"(?:的)?(?:批复|请示|决定|意见|公告|通告)$"), "an official document (批复/请示/决定/意见/公告)"),
    (re.compile(r"(?<!更正)(?<!勘误)(?:的)?(?:情况)?说明$"), "a note (说明), such as on a report's drafts"),
    (re.compile(r"工作要点(?:落实情况)?$|要点$"), "a work plan (工作要点)"),
    (re.compile(r"(?:工作)?(?:计划|方案|安排|思路|打算)$"), "a work plan (计划/方案)"),
    (re.compile(r"(?:工作)?(?:总结|汇报)$"), "a work summary (总结)"),
    (re.compile(r"报表$"), "a website's annual statistics form (网站工作年度报表)"),
    (re.compile(r"评估(?:报告|结果|情况)$"), "an evaluation of agencies' work (评估报告)"),
    # 关于2023年度法治政府建设情况的报告, 2023年度行政复议和行政应诉工作统计年报: a report whose title names no
    # disclosure (信息公开, 政务公开).
    (re.compile(r"^(?!.*(?:信息公开|政务公开)).*(?:报告|年报)$"),
     _OTHER_SUBJECT := "a report on another subject than disclosure (信息公开)"),
    (re.compile(r"公开指南$"), _GUIDE := "a disclosure guide (政府信息公开指南)"),
    (re.compile(r"公开(?:目录|制度)$"), _CATALOGUE := "a disclosure catalogue or rule (政府信息公开目录/制度)"),
)
# …年度报告（填报模板）, 参考格式, 样表: the form to fill in, titled as the report it is for; refused when its tables
# print no figure (a report published under such a title, filled in, is read).
_BLANK_FORM_TITLE = re.compile(r"(?:模板|模版|范本|样表|参考格式|格式文本)[)）]?$")
_BLANK_FORM = "a template to fill in (模板)"
# A title naming a year's report and no subject, after a page label (文件名称：2023年度报告).
_NO_SUBJECT = re.compile(r"(?:[^:：]{1,6}[:：])?(?:\d{4}年度?)?(?:工作)?(?:年度)?(?:报告|年报)")
# Titles that name an agency's standing page of the disclosure column, with no year or 关于
# (洛阳市人民政府政府信息公开指南; a menu entry 政府信息公开指南 names no agency).
_STANDING_PAGE = re.compile(
    r"(?:人民政府|委员会|管委会|局|办公室|厅|[省市县区旗州盟镇乡]|街道|办事处)(?:政府)?信息公开(?:指南|目录|制度)$")
# What a sentence has and a title does not: a comma, or a full stop (a PDF line ending inside the
# next sentence: …至2021年12月31日止。如对本报告).
_SECTION_HEADING = re.compile(r"[一二三四五六七八九十]{1,3}\s*、")
_SENTENCE = re.compile(r"[,，;；。]")
# A summary printing the form's tables is an annual report under another name.
# An erratum printed above the corrected report it introduces is that report's.
# A guide's or catalogue's name above filled tables is the column's menu (本局 / 政府信息公开指南 …).
_INTERPRETATION_KIND = "an interpretation of a report (一图读懂, 图解)"
# News of a report's publication (信丰县发布2023年政府信息公开工作年度报告) and a newspaper's abstract of one
# (……年度报告（摘要）) quote its figures without being it.
_NEWS_OF_REPORT = re.compile(r"^(?!.*关于)[^《》]{2,30}?(?:发布|公布|出炉|亮相|晒出)了?[《“]?\s*(?:19|20)\d{2}\s*年")
_NEWS_KIND = "news of a report's publication (……发布……年度报告)"
_ABSTRACT = re.compile(r"[（(](?:摘要|摘编|简版)[)）]$|(?:报告|年报)(?:摘要|摘编)$")
_ABSTRACT_KIND = "an abstract (摘要) of a report"
# A table of many bodies' figures, titled after their reports (……年度报告数据汇总表): a roster, not one report (a
# compilation of the bodies' own tables under the form's headings, so titled, reads its first).
_ROSTER = re.compile(r"(?:数据|情况|统计)?汇总(?:表|情况)?(?:[（(][^（()）]{0,12}[)）])?$")  # (…汇总表（各单位报送）)
_ROSTER_KIND = "a summary table of several bodies' figures (汇总表)"
# An analysis of reports, titled after them (……2023—2024年度政府信息公开工作年度报告数据对比分析): about them, not one.
_ANALYSIS = re.compile(r"(?:报告|年报)》?(?:的)?(?:数据|情况)?(?:对比|比较|统计|综合)?分析(?:报告)?$")
_ANALYSIS_KIND = "an analysis of reports (……年度报告数据对比分析)"
_WEAK_KINDS = frozenset({"a work summary (总结)", _ERRATUM, _GUIDE, _CATALOGUE, _INTERPRETATION_KIND, _NEWS_KIND,
                         _ABSTRACT_KIND, _BLANK_FORM, _ROSTER_KIND, _ANALYSIS_KIND})
_ANNUAL_TITLE = re.compile(r"年度报告|年报|工作报告|年度工作情况报告")
# A picture or summary explaining a report, titled after it: 一图读懂丨…2022年政府信息公开工作年度报告, 图文解读：《…》.
# (…年度报告解读, 《…年度报告》政策解读: the kind after the report's name)
_INTERPRETATION_AFTER = re.compile(r"(?:报告|年报)》?\s*(?:的)?(?:图文|政策|图片)?解读$")
# (its kind in brackets first too: 【图解】一图读懂《…》)
_INTERPRETATION = re.compile(r"^(?:[【\[]\s*)?(?:一图(?:读懂|看懂|了解)|一张图(?:读懂|看懂)|图解|图说"
                             r"|(?:图文|视频|动漫|漫画|政策)?解读|读懂)")
# A notice or letter about compiling or sending the reports, or an erratum to one, names them without being one.
# (…年度报告发布情况的通报: how the bodies published theirs, no report sent with it)
_ABOUT_REPORTS = re.compile(r"(?:编制|报送|撰写|做好|开展)[^《》]{0,30}(?:工作)?的(?:通知|函|通报)$"
                            r"|(?:年度报告|年报)(?:的)?(?:发布|公开|编制|报送|审核|检查|抽查|评估)(?:工作)?(?:情况|结果)"
                            r"的(?:通知|函|通报|报告)$"
                            r"|(?:更正|勘误)(?:说明|公告|声明|启事)?$"
                            # a notice that a report is published (关于公开《…2023年政府信息公开工作年度报告》的公告)
                            r"|关于(?:公开|发布|公布|印发)《[^《》]*(?:年度报告|年报)》的(?:公告|通告|通知)$"
                            # a note on a report's drafts (关于《…年度报告》（送审稿）修改情况的说明)
                            # (关于更正《…2023年…年度报告》部分数据的说明: an erratum of one, its report not printed with it)
                            r"|关于(?:更正|修正|修改|调整|勘误)?《[^《》]*(?:年度报告|年报)》[^《》]{0,20}的(?:说明|情况说明)$")

# News of a meeting or a training on the reports, titled after them: 我区召开2021年度政府信息公开工作年度报告编制培训会.
_EVENT = re.compile(r"召开|举办|举行|(?:培训|推进|部署|座谈|调度|动员|工作)会议?$|培训班?$|会议$")
# Bodies the regulation does not cover, by their names, and what they are: their disclosure reports (an
# enterprise's under art. 55 and its sector's rules, a university's under 高等学校信息公开办法, a court's 司法公开)
# are no administrative agency's annual report, however closely they copy its form.
_NOT_AGENCIES = (
    (re.compile(r"(?:公司|集团)$"), "an enterprise: its disclosure report is a public enterprise's (公共企事业单位信息公开)"),
    (re.compile(r"人大常委会|人民代表大会|^(?:[^政]*[县市区州旗])?人大(?:办公室|机关)"),
     "a people's congress body (人大), which the regulation does not cover"),
    (re.compile(r"政协|政治协商会议"), "a political consultative conference body (政协), which the regulation does not cover"),
    (re.compile(r"(?:村民|居民)委员会$|(?:村|居)委会$"),
     "a village or residents' committee (村民委员会/居民委员会), a self-governing body"),
    (re.compile(r"人民法院$"), "a court: its openness reports are 司法公开's"),
    (re.compile(r"人民检察院$"), "a procuratorate: its openness reports are 检务公开's"),
    (re.compile(r"(?:大学|学院)$"), "a university or college: its disclosure reports follow 高等学校信息公开办法"),
    (re.compile(r"(?:医院|卫生院|保健院|学校|中学|小学|幼儿园)$"),
     "a hospital or school: its disclosure report is a public institution's (公共企事业单位信息公开)"),
    (re.compile(r"各(?:区县|县区|县市区|县（市、区）|区|县|市|乡镇|街道|部门|单位|委办局)$"),
     "several agencies at once (各区县, 各部门): a summary of their reports, no agency's own"),
)
# (XX县人民政府, ×××局: a template's agency, as sharing sites' 范文 print it; not a word's x: report.docx, index)
_PLACEHOLDER = "(?<![A-Za-z])[XＸ×*＊]{2,3}\\s*"
_PLACEHOLDER_SEEN = re.compile(_PLACEHOLDER)


def _not_an_agency(name: str, lines: list[str]) -> tuple[str, str] | None:
    """The name and kind of a body the regulation does not cover, when the report's name or the other name it
    bears beside it in the opening is one: 光山县城乡供水管理处（光山县城乡供水有限公司）, a water-supply office that is
    a company. A former name (（原…）) is what the body was, not what it is."""
    for candidate in (name, *_names_beside(name, "".join(lines[:30]))):
        if (kind := next((kind for pattern, kind in _NOT_AGENCIES if pattern.search(candidate)), None)) is not None:
            return name if candidate == name else f"{name}（{candidate}）", kind
    return None


# The other name a body bears in brackets after its own (光山县城乡供水管理处（光山县城乡供水有限公司）), not a former one.
_NAME_BESIDE = re.compile(r"\s*[（(](?!原)([^（）()]{2,40})[）)]")


def _names_beside(name: str, text: str) -> list[str]:
    """The names in brackets right after ``name`` in ``text``, each mention after the last one read (as a
    regex of the name and the brackets finds them, without compiling one for each report's name)."""
    found, at = [], text.find(name) if name else -1
    while at >= 0:
        if (m := _NAME_BESIDE.match(text, at + len(name))) is not None:
            found.append(m.group(1))
            at = text.find(name, m.end())
        else:
            at = text.find(name, at + 1)
    return found


def _above_sections(lines: list[str]) -> list[str]:
    """The lines above the document's first section (一、…): its head, where a link to a disclosure report beside
    another subject's title stands; one after its sections (相关链接 under the signature) is no sign of it."""
    first = next((k for k, line in enumerate(lines) if _SECTION_HEADING.match(line)), len(lines))
    return lines[:first]


def other_document_kind(lines: list[str], deep: bool = False) -> tuple[str, str] | None:
    """What the document seems to be when its title names something else than
    an annual report (a letter, notice or work plan filed in the reports'
    column): the kind and the title, or None. ``deep`` looks below a menu
    a crawler saved one entry per line (for a page with no report title)."""
    # (a sidebar's entries run into the page's text, 热点推荐 / · 信丰县2013年春运工作安排, are no title: left out)
    shown = [text for line in lines[:60] if (text := line.strip(" |\t")) and text[0] not in _BULLETS][:30]
    head = [text for line in lines[:12] if (text := line.strip(" |\t")) and text[0] not in _BULLETS][:8]
    # A title on one line before one split over two (a menu line then the title), or over three (a narrow page's
    # long title: …关于做好2024年 / 度政府信息公开工作年度报告编制发布工作的 / 通知); each with the place of its last line.
    # (a line inside a book title a sentence opened on the line above, 《…关于印发〈…〉等文件的通知 / 》要求编制, is none)
    quoted, inside = _inside_book_titles(shown if deep else head), _inside_book_titles(head)
    singles = [(None, line) for k, line in enumerate(shown if deep else head) if k not in quoted]
    pairs = [(i + 1, "".join(head[i:i + 2])) for i in range(len(head) - 1) if i not in inside]  # below a red head's name
    triples = [(i + 2, "".join(head[i:i + 3])) for i in range(len(head) - 2) if i not in inside]
    titled = False  # a report's own title seen above: a picture's card below it (图解：…) is the page's sidebar
    for last, title in singles + pairs + triples:
        if _SENTENCE.search(title) or _SECTION_HEADING.match(title) or title.count("《") > title.count("》"):
            continue  # the opening sentence (2023年，……落实全市政务公开工作要点。), a section (四、2024年工作安排) or a
            # book title still open (…和《国务院办公厅…办公室关于印发〈…〉等文件的通知, its 》 on the next line) is no title
        title = re.sub(r"\s+", "", title)
        bare = _EDITION.sub("", title)  # (a guide's edition in brackets after its name: …公开指南（2023年修订）)
        if not 8 <= len(title) <= 80 or (not re.search(r"关于|\d{4}年", title) and not _STANDING_PAGE.search(bare)
                                         and not _REPLY.search(bare)):
            continue  # a column name (通知公告) is not a title; a reply to an applicant is titled without a year
        if (_INTERPRETATION.match(title) or _INTERPRETATION_AFTER.search(title)) and not titled:
            return _INTERPRETATION_KIND, title
        if _EVENT.search(title):
            return "news of a meeting or training on the reports (培训会, 推进会)", title
        if _NEWS_OF_REPORT.search(title):
            return _NEWS_KIND, title
        if _ABSTRACT.search(title):
            return _ABSTRACT_KIND, title
        if _ROSTER.search(title):
            return _ROSTER_KIND, title
        if _ANALYSIS.search(title):
            return _ANALYSIS_KIND, title
        if _ANNUAL_TITLE.search(title) and _REPORT_SIGNS.search(title) and not _ABOUT_REPORTS.search(title):
            titled = titled or last is None
            continue  # a disclosure report's title (法治政府建设年度报告 is another subject's)
        kind = next((kind for pattern, kind in _OTHER_KINDS if pattern.search(title) or pattern.search(bare)), None)
        if kind == _OTHER_SUBJECT and _NO_SUBJECT.fullmatch(title):
            continue  # 2023年度报告 (a column's entry titled so, the agency in the page's labels): no subject named
        # Two lines joined with a report's title below them: a name and a menu entry (凤凰镇 / 政府信息公开指南);
        # a report's title anywhere in the head: another subject's report is a link beside it.
        after = _above_sections(shown) if kind == _OTHER_SUBJECT else shown[last + 1:] if last is not None else []
        after = after[:next((k for k, line in enumerate(after) if _SALUTATION.match(line)), len(after))]
        # (an attachment's name, 附件：…2023年政府信息公开工作年度报告（网页链接）, is no report's title: a report
        # printed after its notice is read from its sections, as a gazette's)
        if kind is not None and not any(title_line_year(line) for line in after if not _ATTACHMENT.match(line)):
            return kind, title
    return None


def _inside_book_titles(lines: list[str]) -> set[int]:
    """The lines that begin inside a book title (《) a line above opened and did not close."""
    out, depth = set(), 0
    for k, line in enumerate(lines):
        if depth > 0:
            out.add(k)
        depth = max(0, depth + line.count("《") - line.count("》"))
    return out


_EDITION = re.compile(r"[（(](?:\d{4}年)?(?:修订|修订版|修正|试行|更新|版)[^（）()]{0,6}[)）]$")
_ATTACHMENT = re.compile(r"附件\s*\d*\s*[:：]")
# A notice's salutation (各乡镇人民政府，区政府各部门：): its body follows, whose wrapped lines are no report's title
# (…现 / 将全区2023年度政府信息公开工作年度报告编制发布情况通报 / 如下).
_SALUTATION = re.compile(r"^各[^。；;]{1,60}[：:]$")
_BULLETS = frozenset("·•●◆◇▪▫■□►▶>-–—*")  # (what a link's title in a list begins with)


FILE_NAME = "the file's name"  # where the year of a document that states none came from (not settled)


def _titled_file(path: str, layout: Layout) -> str | None:
    """The file's name, when it is a report's title and the file prints the form's tables: what names a workbook
    of the tables alone, published as the report's 附件."""
    stem = Path(path).stem
    return stem if form_structure(layout) and title_line_year(stem) is not None else None


def _blank_form(lines: list[str]) -> tuple[str, str] | None:
    """The kind and title of a template of the report (its title among the first lines, below a system's menu too)."""
    title = next((line.strip() for line in lines[:60] if len(line.strip()) <= 80 and _ANNUAL_TITLE.search(line)
                  and _BLANK_FORM_TITLE.search(line.strip())), None)
    return (_BLANK_FORM, title) if title else None


def _prints_figures(layout: Layout) -> bool:
    """Whether any of the form's tables prints a value (a template's are left empty)."""
    return any(row.has_values for table in ("t2", "t3", "t4") for row in layout.rows(table))


def _whole_report(layout: Layout) -> bool:
    """Whether the text prints the report's sections from table 2's to its problems' (an erratum republishing the
    corrected report whole is that report; one reprinting a table it corrects is not)."""
    return form_sections(layout, ("t2", "t3", "t4", "t5"))


def _looks_like_report(doc: Document, layout: Layout) -> bool:
    if layout.rows("t3") or layout.rows("t4"):
        return True
    head = "".join(doc.lines[:30])  # with a title's last word wrapped (…年度报 / 告) joined again
    body = doc.body
    sections = {m.group() for m in _SECTION_SIGNS.finditer(body)}
    return bool(_REPORT_SIGNS.search(head) and _ANNUAL.search(head) and len(sections) >= 3)


# A region's government, whose report before the 2019 form spoke for every level of it (全区各级行政机关共受理…).
_REGION_GOVERNMENT = re.compile(r"(?:人民政府|行政公署)$")
_OVERVIEW = re.compile(r"^\s*[一1]\s*[、.．]\s*(?:总体情况|概述)")
# A report's numbered section heading, also mid-line (a page scraped onto one line).
_NUMBERED_SECTION = re.compile(r"[一二三四五六七]\s*[、.．]\s*(?:总体情况|概述|主动公开|依申请公开|收到和处理"
                               r"|政府信息公开(?:的)?收费|因政府信息公开|政府信息公开(?:的)?行政复议|存在的主要问题|其他需要报告)")
_LISTED_REPORTS = 3  # titles of this many agencies' reports, and no report: a list of them
_LINKS_READ = 400  # lines of a page looked through for links to reports
_COMPILING = re.compile(r"汇编|合集|汇总")


_FORM_YEAR = 2019  # the first year of the prescribed form, its tables and its sections
# A report's section heading on a line of its own, numbered or not (二、主动公开政府信息情况; 总体情况 under a badge)
_HEADING_LINE = re.compile(r"^\s*(?:[（(]?(?:[一二三四五六七]|0?[1-7])[)）]?\s*[、.．]?)?\s*(?:总体情况|概述"
                           r"|主动公开政府信息(?:的)?情况|收到和处理政府信息公开申请(?:的)?情况|政府信息公开(?:的)?行政复议"
                           r"|存在的主要问题|其他需要报告的事项)")
# A page speaking of a report as a thing published elsewhere: its title in 《》, the link to read it whole, or its
# pictures' summary (一图读懂, 图解要点).
_OF_A_REPORT = re.compile(r"《[^《》]{0,60}(?:年度报告|年报)》|阅读原文|查看(?:报告)?全文|全文(?:链接|详?见)|点击(?:查看|阅读)"
                          r"|一图(?:带你)?(?:读懂|看懂)|图解要点")


def _about_the_report(lines: list[str], layout: Layout) -> bool:
    """Whether a document of the form's years is about a report rather than one (平遥县…年度报告 as an account's
    post: 近日，《…报告》…正式发布。报告显示…，点击“阅读原文”): it speaks of the report as published elsewhere
    and prints no table of the form and at most one of the report's section headings."""
    if any(layout.rows(table) for table in ("t2", "t3", "t4")) or not any(_OF_A_REPORT.search(line) for line in lines):
        return False
    headings = {m.group() for line in lines for m in _NUMBERED_SECTION.finditer(line)}
    headings |= {m.group().strip() for line in lines if len(line.strip()) <= 30 and (m := _HEADING_LINE.match(line))}
    return len(headings) < 2


def _listed_reports(lines: list[str]) -> int:
    """How many agencies' report titles a document without tables lists (晋江市…年度报告汇编: a row per
    agency's report, linked), when it has no numbered sections of a report of its own; else 0."""
    names = {name for line in lines[:400] if title_line_year(line) is not None and not _COMPILING.search(line)
             and (name := find_title([line])[0]) is not None}  # (not the compilation's own title)
    if len(names) < _LISTED_REPORTS:
        return 0
    sections = {m.group() for m in _NUMBERED_SECTION.finditer("\n".join(lines[:2000]))}
    return 0 if len(sections) >= 2 else len(names)


_OPENING_REACH = 15  # a report's 一、概述 within this many lines below its title


def _prose_reports(lines: list[str]) -> tuple[tuple[int, int], int] | None:
    """Where the first of several prose reports a file holds one after another begins and ends (a
    compilation before the form: each report's title, then its own 一、概述), and how many follow;
    None for a file of one. A 目录 of titles, or a list of links, opens no report."""
    openings: dict[int, int] = {}  # each report's 一、概述 and the last title above it (a file's name above its title,
    # 某某…年度报告.docx then the title, as a sharing site prints them: one report)
    for i, line in enumerate(lines[:_LATER_WINDOW]):
        if title_line_year(line) is not None and not any(title_line_year(x) is not None for x in lines[i + 1:i + 3]):
            opening = next((k for k in range(i + 1, min(i + 1 + _OPENING_REACH, len(lines)))
                            if _OVERVIEW.match(lines[k])), None)
            if opening is not None:
                openings[opening] = i
    starts = sorted(openings.values())
    return ((starts[0], starts[1]), len(starts) - 1) if len(starts) >= 2 else None


def _prose_first(lines: list[str], layout: Layout, first: tuple[int, int]) -> bool:
    """Whether the first of several reports is prose only, the tables the file prints another's: a crawl of an
    agency's 2018 report (before the form) then its 2019 one. The first ends before any table and has its own
    一、概述; the second is no copy of it (another year or agency)."""
    start, end = first
    if min(begin for begin, _ in layout.regions.values()) < end or not any(
            _OVERVIEW.match(line) for line in lines[start + 1:end]):
        return False
    (name, year), (other, other_year) = find_title([lines[start]]), find_title([lines[end]])
    return year != other_year or not (name and other and names_one_body(name, other))


_LATER_TABLE_ROWS = 5  # a later table 3 (or 4) with fewer value rows is a quotation, not another report
_LATER_WINDOW = 2_000  # lines searched for the next report's tables: a report is a few hundred; a file of many stays linear


def _numbers(layout: Layout) -> list[list[str]]:
    return [row.cells for table in ("t3", "t4") for row in layout.rows(table)]


def later_report(layout: Layout) -> tuple[int, int] | None:
    """Where a second report begins in a file that holds several (a county's departments' reports
    compiled into one document), and how many other reports follow: after the first report's
    tables, another table 3 or 4 with rows of numbers, after a title or an 一、总体情况 of its own
    (tables printed again without one are the report's own 附表). A later copy of the first
    report (a page that prints its article twice) begins one too, but is no other report.
    None for a file of one report."""
    if not layout.regions:
        return None
    end = max(stop for _, stop in layout.regions.values())
    lines = layout.lines
    starts: list[int] = []
    others = 0
    while end < len(lines):
        rest = locate(lines[end:end + _LATER_WINDOW])
        if len(rest.rows("t3")) + len(rest.rows("t4")) < _LATER_TABLE_ROWS:
            if (prose := _prose_report_after(lines, end)) is not None:  # (a gazette's next report, its tables as prose)
                starts.append(prose)
                others += 1
            break
        tables = end + min(start for start, _ in rest.regions.values())
        titles = [i for i in range(end + 1, tables) if title_line_year(lines[i]) is not None]
        overviews = [i for i in range(end + 1, tables) if _OVERVIEW.match(lines[i])]
        if not titles and not overviews:
            break  # the report's tables printed again (附表), not another report
        starts.append(titles[-1] if titles else overviews[-1])
        others += _numbers(rest) != _numbers(layout)
        end += max(stop for _, stop in rest.regions.values())
    return (starts[0], others) if starts else None


def _prose_report_after(lines: list[str], end: int) -> int | None:
    """Where a report of prose only begins after ``end`` (the first report's tables): a title (``_titled``) with its
    own 一、总体情况 below it, as a gazette's issue prints a department's report after its government's, its figures
    in sentences; None if none does."""
    for i in range(end, min(len(lines), end + _LATER_WINDOW)):
        if _titled(lines, i) and not any(title_line_year(x) is not None for x in lines[i + 1:i + 3]) \
                and any(_OVERVIEW.match(line) for line in lines[i + 1:i + 1 + _OPENING_REACH]):
            return i
    return None


# What introduces a report's corrected version printed after the original: 【更正后全文】, 以下为修订后的报告.
# (not 修订后的《条例》, the law)
_CORRECTED_VERSION = re.compile(r"(?:更正|修订|修正|勘误)后(?!的?《)|(?:更正|修订)(?:版|稿)|以此为准")
_CORRECTION_LEAD = 4  # lines before a later report's title that may introduce it


def _corrected_version_at(lines: list[str], start: int) -> bool:
    """Whether the report that begins at ``start``, after another, is that one's corrected version: the lines just
    before its title (or the title itself) say so (【更正后全文】（2024年2月2日更正）)."""
    return any(_CORRECTED_VERSION.search(line) for line in lines[max(0, start - _CORRECTION_LEAD):start + 1])


def _first_report_start(layout: Layout) -> int:
    """Where the first report of a file of several begins: its title, the last before its tables.
    What comes before (a compilation's cover, preface and 目录, a page's lead paragraph) sums up
    all the reports: its figures are none of the first report's."""
    tables = min(start for start, _ in layout.regions.values())
    titles = [i for i in range(tables) if _titled(layout.lines, i)]
    return titles[-1] if titles else 0


def _titled(lines: list[str], i: int) -> bool:
    """Whether a report's title begins at line ``i``: on it, or its agency's name on it and the rest below (a
    gazette's 宜昌市人民政府 / 2024年政府信息公开工作年度报告)."""
    if title_line_year(lines[i]) is not None:
        return True
    below = next((line for line in lines[i + 1:i + 3] if line.strip()), None)  # (a blank line between them too)
    return bool(lines[i].strip()) and below is not None and title_line_year(below) is None \
        and title_line_year(lines[i].strip() + below.strip()) is not None


def other_report_title(layout: Layout, year: int, name: str) -> int | None:
    """The line where another report begins below this one's tables: another year's (a page that
    lists or sums up the agency's earlier reports: 【往年年报】 / …2022年…年度报告 / its figures) or
    another agency's (相关推荐: a link to the government's report with its opening figures). Its prose is
    none of this report's. None when no such title follows."""
    start = max((stop for _, stop in layout.regions.values()), default=0)
    for i in range(start, len(layout.lines)):
        if (found := title_line_year(layout.lines[i])) is None:
            continue
        other = find_title([layout.lines[i]])[0]
        if found != year or (other is not None and not names_one_body(other, name)):
            return i
    return None


def _reading_warnings(doc: Document) -> list[dict]:
    """What the reading of the file's bytes repaired or could not read, for the report's readers."""
    warnings = []
    if doc.source.encoding in (UNDONE_MOJIBAKE, UNDONE_GBK_MOJIBAKE):
        warnings.append({"code": "mojibake_undone",
                         "message": "the text was Chinese (UTF-8 or GBK) decoded as Windows-1252 and saved as UTF-8 "
                                    "again (mojibake such as 'æ”¿åºœ' or 'ÕþÎñ'); read as it was before"})
    if doc.source.attachments:
        warnings.append({"code": "attached_report", "files": list(doc.source.attachments),
                         "message": "the file is a cover note (a PDF's pages, an e-mail, a Word file: 详见附件) or an "
                                    "archive (zip, tar); the report was read from the file(s) it holds: "
                                    f"{'; '.join(doc.source.attachments)}"})
    if doc.source.exported:
        warnings.append({"code": "export_laid_out",
                         "message": "the file is a filing system's export of the form's cells (one row of columns "
                                    "named by their place in the form, or a code book's codes; or fields of structured "
                                    "data, JSON, YAML, TOML, INI or XML, named so); read as the report they make, its "
                                    "source text written out in the form's layout"})
    if doc.source.repaired:
        warnings.append({"code": "file_repaired",
                         "message": f"the file is damaged: {doc.source.repaired}; what is missing or spoiled is not read"})
    if unreadable := doc.text.count("\ufffd"):
        warnings.append({"code": "unreadable_characters", "count": unreadable,
                         "message": f"{unreadable} character(s) of the file could not be read (U+FFFD: bytes "
                                    "spoiled or invalid in its encoding); what they held is unknown"})
    return warnings


def _governed_division(name: str | None) -> str:
    """The division a government's report is the government of (历下区人民政府 → 历下区), '' for other bodies."""
    return _REGION_GOVERNMENT.sub("", name) if name and _REGION_GOVERNMENT.search(name) else ""


_SCOPE_CELLS = {"applications_received": "t3.new_received.total", "admin_review_cases": "t4.admin_review.total"}


def _tables_of_that_scope(narrative: list, cells: dict) -> bool:
    """Whether the prose's count for every level of the region (全区各级行政机关共受理申请644件, 全区因政府信息公开被
    申请行政复议23件) is the tables': the tables are then of that scope, and so are the report's totals. So too a
    government's count for its whole division (全县共收到申请14件 of a county's report) that is the tables': the report
    speaks for the county, and 全县各级行政机关主动公开…7216条 is its own total."""
    for key, cell_id in _SCOPE_CELLS.items():
        cell = cells.get(cell_id)
        if cell is not None and cell.value and any(
                f.key == key and f.value == cell.value
                and (f.context == "other_scope" or (not f.context and f.whole))
                for f in narrative):
            return True
    return False


def _own_level_tables(narrative: list, cells: dict) -> bool:
    """Whether a government's tables are its own level's, the prose giving its whole division's counts beside: a count
    of the tables' stated apart from a different one for the whole division (县政府本级新收21件；全县汇总新收134件)."""
    for key, cell_id in _SCOPE_CELLS.items():
        cell = cells.get(cell_id)
        if cell is not None and cell.value is not None and any(
                f.key == key and f.value == cell.value and not f.whole for f in narrative) and any(
                f.key == key and f.value != cell.value and f.whole for f in narrative):
            return True
    return False


# A run of digits no count, code or number a report prints is so long (a hostile file's 10,000-digit cell): read as
# a cell too narrow for its number (####, unreadable, in its place); else every reading of it would convert it whole.
_ENDLESS_DIGITS = re.compile(r"\d{100,}")


def _without_endless_digits(lines: list[str]) -> list[str]:
    return [_ENDLESS_DIGITS.sub("####", line) if len(line) >= 100 and _ENDLESS_DIGITS.search(line) else line
            for line in lines]


# A stamp a watermark or a download log prints: an IPv4 address, or a date with its time (2024-01-15 10:32).
_STAMP = re.compile(r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])|(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}\s+\d{1,2}:\d{2}")
_STAMP_REPEATS = 3  # times a stamped line is printed at least to be a watermark's


def _without_watermark_lines(lines: list[str]) -> list[str]:
    """The lines without a watermark's, as a text export writes it between a table's rows (20240115103245  10.12.3.45
    2024-01-15 10:32  仅供内部参考, again every few rows): a line printing a stamp, the same line three times or more.
    Read where it stood, its digits were a row of table 4."""
    stamped = collections.Counter(line.strip() for line in lines if len(line) <= 120 and _STAMP.search(line))
    repeated = {line for line, count in stamped.items() if count >= _STAMP_REPEATS}
    return [line for line in lines if line.strip() not in repeated] if repeated else lines


# A table's row drawn as a rule with typed characters (-----, =====, a cell each or one across the row): no row of it.
# Not a dash: — and —— print a cell's none.
_TYPED_RULE = re.compile(r"([-=_＿─━═~～*#])\1{3,}")


# A row numbering the columns or groups under it (1 2 3, 一 二 三, ⑴ ⑵ ⑶ over 行政复议 | 行政诉讼…): no row of figures.
_ORDINALS = ("123456789", "一二三四五六七八九")
_HEADER_WORDS = re.compile(r"结果维持|行政复议|申请人情况|自然人|信息内容|本年制发|序号")


def _without_numbering_rows(lines: list[str]) -> list[str]:
    """The lines without a row that only numbers the columns or groups of the header line under it (1 ⇥ 2 ⇥ 3 over 序号 |
    行政复议 | 行政诉讼…): read as a row, it was table 4's figures, and the figures under the header one row too many."""
    out = []
    for k, line in enumerate(lines):
        if len(line) <= 300 and len(cells := line.split()) >= 3 and any(
                "".join(cells) == digits[:len(cells)] for digits in _ORDINALS) \
                and _HEADER_WORDS.search(next((b for b in lines[k + 1:k + 3] if b.strip()), "")):
            continue
        out.append(line)
    return out


def _without_typed_rules(lines: list[str]) -> list[str]:
    """The lines without a table's rows that are typed rules, every cell that is not empty a run of one rule character
    (----- ⇥ ----- …, or ====== alone across the row). Read as a row, a rule under table 4's header was its row of
    figures (a run of hyphens, a dash for none), and the row of figures under it one too many."""
    return [line for line in lines if "\t" not in line or not line.strip() or not all(
        _TYPED_RULE.fullmatch(cell.strip()) for cell in line.split("\t") if cell.strip())]


# A blank form's cell: a placeholder the form as issued, or a template, prints where a figure goes (X, ___, ＿＿).
_PLACEHOLDER_CELL = re.compile(r"[Xx]|[_＿]+")


def _without_blank_form_rows(lines: list[str]) -> list[str]:
    """The lines without a blank form's rows (规章 ⇥ X ⇥ X ⇥ X, 一、本年新收… ⇥ ___ ⇥ …: the form as issued, printed with
    the report as its annex or before it), every value cell a placeholder: read as rows, they stood for the report's
    own, and each row printed twice was unsure. A few such rows are a template's cells left unfilled (行政许可 ⇥ X),
    read so, each with its note."""
    blank = {k for k, line in enumerate(lines) if "\t" in line and _PLACEHOLDER_ROW.search(line) and (
        cells := [cell.strip() for cell in line.split("\t")[1:] if cell.strip()])
             and all(_PLACEHOLDER_CELL.fullmatch(cell) for cell in cells)}
    return [line for k, line in enumerate(lines) if k not in blank] if len(blank) >= _BLANK_FORM_ROWS else lines


_BLANK_FORM_ROWS = 5  # rows of placeholders, at least, of a blank form (table 3 alone has 25)
_PLACEHOLDER_ROW = re.compile(r"\t\s*(?:[Xx]|[_＿]+)\s*(?:\t|$)")  # (a look for one, before the cells are parted)


# A legend naming the columns a table's header abbreviates or numbers (注：自=自然人，A=商业企业，Σ=总计; 1为商业企业，
# 栏2为自然人; ①—行政复议结果维持): table 3's columns, and table 4's a group's result each.
_COLUMN_NAMES = sorted({c.label_zh for c in forms.T3_COLUMNS} | {"法人或其他组织", "其他组织", "合计"}, key=len, reverse=True)
_T4_COLUMN_NAME = (r"(?:行政复议|(?:行政诉讼\s*[（(]?\s*)?(?:未经复议)?直接起诉[)）]?|(?:行政诉讼\s*[（(]?\s*)?复议后起诉[)）]?)"
                   r"(?:结果维持|结果纠正|其他结果|尚未审结|总计)")
_ABBREVIATED = re.compile(r"(?P<short>[A-Za-zΣ∑\u4e00-\u9fff]{1,4}|[①-⑳]|[(（]?\d{1,2}[)）]?|[栏列]\s*\d{1,2}"
                          r"|第\s*\d{1,2}\s*[栏列])\s*(?:=|＝|:|：|代表|表示|即|指|为|—|－)\s*"
                          rf"(?P<full>{_T4_COLUMN_NAME}|{'|'.join(_COLUMN_NAMES)})")
_LEGEND_REACH = 40  # lines from a legend to the header it explains, at most (above or below the table)
_ABBREVIATIONS_MIN = 3  # abbreviations a legend explains and a header line prints, at least


def _with_columns_spelled_out(lines: list[str]) -> list[str]:
    """The lines with a table's header that a legend explains (自=自然人，A=科研机构，Σ=总计; 1为商业企业) written as the
    names it gives: the first line near the legend whose cells are its marks (three at least) and words, no other
    figure (a row of figures 1 2 3 is none). Read as printed, no column was named and the columns were taken in the
    form's order: 167 cells wrong in eight reports whose columns were in another order."""
    out = list(lines)
    for k, line in enumerate(lines):
        if len(line) > 600 or not any(sign in line for sign in ("=", "＝", "代表", "表示", "为", "—")):
            continue
        pairs = {re.sub(r"\s+", "", m["short"]): m["full"] for m in _ABBREVIATED.finditer(line) if m["short"] != m["full"]}
        if len(pairs) < _ABBREVIATIONS_MIN:
            continue
        cell = re.compile(r"(?<![^\s|｜])(" + "|".join(map(re.escape, sorted(pairs, key=len, reverse=True)))
                          + r")(?![^\s|｜])")
        for j in range(max(0, k - _LEGEND_REACH), min(len(out), k + _LEGEND_REACH)):
            marks = cell.findall(out[j])
            rest = cell.sub("", out[j])
            if j != k and len(marks) >= _ABBREVIATIONS_MIN and not re.search(r"\d", rest):
                out[j] = cell.sub(lambda m, names=pairs: names[m[1]], out[j])
                break
    return out


def _units_annex_alone(tables: Tables, lines: list[str]) -> bool:
    """Whether the document is a report's annex alone: every table it prints another unit's (附表N X局…统计表), no
    figure of the agency's own in any table, and no overview of its own."""
    return any(w["code"].endswith("units_annexed") and not w.get("own", True) for w in tables.warnings) \
        and all(cell.value is None for cell in tables.cells.values()) and not any(_OVERVIEW.match(line) for line in lines)


def extract_document(doc: Document) -> Report:
    """A read document to a report, or a ReportError naming what is missing."""
    path = doc.source.path
    doc.lines = _with_columns_spelled_out(_without_numbering_rows(_without_typed_rules(_without_blank_form_rows(
        _without_watermark_lines(_without_endless_digits(doc.lines))))))
    doc.lines, formatted = without_zero_decimals(numbered_headings(strip_page_labels(doc.lines)))
    doc.lines, placed = ungridded(doc.lines)
    doc.lines, _ = unpiped(doc.lines)
    doc.lines, turned = unturned(doc.lines)
    doc.lines, _ = unstacked(doc.lines)
    doc.lines, listed = relisted(headed_rows(parted_measures(doc.lines)))
    other = other_document_kind(doc.lines) or _blank_form(doc.lines)
    errata = corrections(doc.lines)
    layout = locate(doc.lines)
    more = later_report(layout)
    corrected = more is not None and _corrected_version_at(layout.lines, more[0])
    if corrected:  # 【原文】… then 【更正后全文】…: the corrected version is the report
        doc.lines = layout.lines[more[0]:]
        layout = locate(doc.lines)
        more = later_report(layout)
    if more is not None:  # the first report is read alone: its tables, prose and metadata
        start = _first_report_start(layout)
        doc.lines = layout.lines[start:more[0]]
        layout = locate(doc.lines)
        if start and other is not None:  # (a gazette's issue: the title of a notice before the reports is none of theirs)
            other = other_document_kind(doc.lines) or _blank_form(doc.lines)
    elif (prose := _prose_reports(doc.lines)) is not None and (
            not (layout.rows("t3") or layout.rows("t4")) or _prose_first(doc.lines, layout, prose[0])):
        (start, end), count = prose  # reports of prose only (before the form), one after another
        doc.lines = doc.lines[start:end]
        layout = locate(doc.lines)
        more = (end, count)
    if other is None and not (layout.rows("t3") or layout.rows("t4")) and find_title(doc.lines)[0] is None:
        other = other_document_kind(doc.lines, deep=True)
    if (other is not None and other[0] not in _WEAK_KINDS and layout.regions and form_structure(layout)
            and _whole_report(layout) and (start := _first_report_start(layout)) > 0):
        doc.lines = layout.lines[start:]  # a gazette's issue: another document first, then the report whole
        layout, other = locate(doc.lines), None
    if other is not None and (other[0] not in _WEAK_KINDS or not form_structure(layout)
                              or (other[0] == _ERRATUM and not _whole_report(layout))
                              or (other[0] == _BLANK_FORM and not _prints_figures(layout))
                              or (other[0] == _ROSTER_KIND and not form_sections(layout, ("t3", "t4")))):
        raise errors.NotAReport(path, f"the title “{other[1]}” names {other[0]}, not an annual report")
    if not _looks_like_report(doc, layout):
        raise errors.NotAReport(path, "no report title, form tables or report sections found")
    if not form_structure(layout) and (listed := _listed_reports(doc.lines)):  # (a search result's snippet of a row)
        raise errors.NotAReport(path, f"a list of {listed} reports of several agencies (a compilation's index or "
                                      "a column page) with no report's tables or sections of its own")
    if not any(_OVERVIEW.match(line) for line in doc.lines) and not form_structure(layout) and (
            linked := linked_reports(doc.lines[:_LINKS_READ])):
        raise errors.NotAReport(path, f"a column page listing {linked} reports as links with their dates, with no "
                                      "report title, tables or 一、总体情况 of its own")
    issuer = issuer_from_labels(doc.page_lines)
    name = find_agency_name(doc.lines, issuer)
    if not name and layout.regions and (start := _first_report_start(layout)) > 0:
        doc.lines = layout.lines[start:]  # a gazette's issue or pages of it: other documents before the report
        layout = locate(doc.lines)
        name = find_agency_name(doc.lines, issuer)
    year, year_source = find_year(doc.lines)
    titled = _titled_file(path, layout) if year is None or not name else None
    if year is None and titled:  # the form's tables alone (a workbook), the file named as the report
        year, year_source = title_line_year(titled), FILE_NAME
    if year is None:
        raise errors.MissingMetadata(path, "no report year in the title, 统计期限 or opening, nor in the file's name")
    if year >= _FORM_YEAR and _about_the_report(doc.lines, layout):
        raise errors.NotAReport(path, "a page about a report (news of it or a teaser linking to it): it names the "
                                      "report and prints neither the form's tables nor the report's sections")
    sources = (lambda: name, lambda: issuer, lambda: name_in_trail(doc.page_lines), lambda: publisher_from_labels(doc.page_lines),
               lambda: name_in_running_heads(doc.source.running_heads), lambda: signature_name(doc.lines),
               lambda: agency_step_in_trail(doc.page_lines), lambda: find_agency_name([titled]) if titled else None,
               lambda: self_named_owner(doc.lines, doc.page_lines), lambda: masthead_name(doc.lines, doc.page_lines))
    text_name = name
    name = next((found for source in sources if (found := source()) and not generic_name(found)), None)
    if not name:
        raise errors.MissingMetadata(path, "no agency name in the title or opening")
    if department := department_on_government_page(name, doc.lines, doc.page_lines):
        name = department  # (the site's masthead 江油市人民政府 over a report saying 我局, 来源：江油市教育局)
    if name != text_name:  # (a page's label or trail: 来源：市医保局)
        name = signed_in_full(name, doc.lines)
    if _PLACEHOLDER_SEEN.search("\n".join(doc.lines[:30])) and any(
            re.search(_PLACEHOLDER + re.escape(name), line) for line in doc.lines[:30]):
        raise errors.NotAReport(path, f"a template to fill in (模板): its agency is a placeholder (XX{name})")
    if (found := _not_an_agency(name, doc.lines)) is not None:
        raise errors.NotAReport(path, f"“{found[0]}” is not an administrative agency: {found[1]}")
    lost = variant = None
    if misread := misread_place(name, doc.lines) or mistyped_name(name, doc.lines):  # (a scan's title read a character
        misread, name = name, misread  # off, or a title typed so: its text's spelling)
    elif lost := lost_character_place(name, doc.lines):  # (鄠 printed as ? by a GB2312 page, dropped)
        lost, name = name, lost
    elif variant := variant_place(name):  # (济宁市兗州区…: a variant character, 兗 for 兖)
        variant, name = name, variant
    agency = describe_agency(name, doc.lines, [*doc.page_lines, *doc.source.running_heads])
    if layout.regions and (cut := other_report_title(layout, year, name)) is not None:
        doc.lines = layout.lines[:cut]
    template, template_source = detect_template(layout, year)
    tables = read_tables(layout, template)
    if _units_annex_alone(tables, doc.lines):
        raise errors.NotAReport(path, "an annex of other units' statistics tables (附表N, each captioned with its unit's "
                                      "name), with no table or 一、总体情况 of the agency's own")
    warnings = [*tables.warnings, *_reading_warnings(doc)]
    errata = [c for c in errata if c.of_report(year)]  # (2022年度报告…更正为… in a 2023 report: last year's)
    if corrected_cells := apply_errata(errata, tables.cells, template):
        warnings.append({"code": "erratum_applied", "count": corrected_cells,
                         "message": f"{corrected_cells} table cells corrected as the erratum (更正说明) printed with "
                                    "the report says; each cell's note quotes its correction"})
    if formatted:
        warnings.append({"code": "zero_decimals", "count": formatted,
                         "message": f"{formatted} numbers of the tables print two zero decimals (a spreadsheet's "
                                    "number format, 1,274.00): read as whole numbers"})
    if placed:
        warnings.append({"code": "placed_cells", "count": placed,
                         "message": f"{placed} table cells are printed a line each by their places (第六行 第四列 54, "
                                    "a screen reader's text): put back in their rows and columns"})
    if turned:
        warnings.append({"code": "turned_tables", "count": turned,
                         "message": f"{turned} table grids are printed turned (table 3's applicants or table 2's "
                                    "measures as rows, the form's rows or items as columns): read back the form's way"})
    if listed:
        warnings.append({"code": "listed_rows", "count": listed,
                         "message": f"{listed} table rows are printed as lists of named values (自然人：114；商业企业：9 "
                                    "…, a line or a card a row): each value read by its column's name"})
    if year_source in UNSURE_YEAR_SOURCES or year_source == FILE_NAME:
        warnings.append({"code": "year_unsure",
                         "message": f"report year {year} read from {year_source}: the title, the 统计期限 and the "
                                    "publication sentence do not settle it"})
    if misread:
        warnings.append({"code": "agency_misread",
                         "message": f"the title names '{misread}'; read as '{name}', as the text names it a "
                                    "character off (a title OCR misread, or a typing slip in it)"})
    if lost:
        warnings.append({"code": "agency_character_lost",
                         "message": f"the name reads '{lost}', its place's first character lost (a rare character a "
                                    f"page could not print: ? or □); read as '{name}', the one place so ending"})
    if variant:
        warnings.append({"code": "agency_variant_character",
                         "message": f"the name '{variant}' writes its place with a variant or traditional character "
                                    f"(兗 for 兖) the region table does not know; read in standard characters as '{name}'"})
    if corrected:
        warnings.append({"code": "corrected_version",
                         "message": "the file prints a report, then its corrected version (更正后全文, 修订版); the "
                                    "corrected version is read"})
    if layout.corrected:
        warnings.append({"code": "corrected_table", "tables": list(layout.corrected),
                         "message": f"table(s) {', '.join(layout.corrected)} printed again after the report, captioned "
                                    "as corrected (更正后的表三): the corrected version is read"})
    if more is not None and more[1]:
        start, count = more
        warnings.append({"code": "more_reports", "lines": start + 1, "count": count,
                         "message": f"the file holds {count} more report(s) from line {start + 1} on; only the first "
                                    "is read"})
    if agency.adcode is None:
        warnings.append({"code": "region_unknown",
                         "message": f"no region or 行政区划代码 found for '{name}' (not in the name, the zone table or "
                                    "the text); region left empty, agency_id starts 000000"})
    all_levels = (template == PRE_2019 and bool(agency.name and _REGION_GOVERNMENT.search(agency.name))) or \
        tables_of_region(layout)
    own_place = _governed_division(agency.name_normalized)
    own_names = tuple(dict.fromkeys(n for n in (agency.name, agency.name_normalized) if n))
    stated = doc.lines if template == PRE_2019 else overview_table_lines(doc.lines)  # a statistics table's rows
    trusted = glyphs_read_by_sums(tables.cells)
    narrative = find_figures(doc.sentences, year, stated, all_levels=all_levels,
                             own_place=own_place, own_names=own_names, trusted_glyphs=trusted)
    if not all_levels and _tables_of_that_scope(narrative, tables.cells):
        narrative = find_figures(doc.sentences, year, None, all_levels=True, own_place=own_place, own_names=own_names,
                                 trusted_glyphs=trusted)
    elif _own_level_tables(narrative, tables.cells):
        if all_levels:  # (the whole division's tables printed too, as an annex or before the government's own)
            narrative = find_figures(doc.sentences, year, stated, own_place=own_place, own_names=own_names,
                                     trusted_glyphs=trusted)
        own_level_beside_whole(narrative)
    if correct_figures(errata, narrative):
        mark_headlines(narrative)
    if template == PRE_2019 and year >= _FORM_SINCE and not layout.regions and not narrative:
        raise errors.NotAReport(path, f"a {year} document with none of the form's tables or sections and no figure "
                                      "of a report (a notice or page about the reports, not one)")
    return Report(
        document=doc,
        layout=layout,
        agency=agency,
        year=year,
        year_source=year_source,
        template=template,
        cells=tables.cells,
        narrative=narrative,
        warnings=warnings,
        t3_layout=tables.t3_layout,
        template_source=template_source,
    )


def extract_bytes(data: bytes, path: str) -> Report:
    return extract_document(read_bytes(data, path))


def extract_file(path: str | Path) -> Report:
    return extract_document(read_file(path))
