"""The published dataset's tables, described once as data.

The same description writes the CSV headers, the Parquet schemas, the Excel
headers, ``datapackage.json`` and the field documentation on the site. Wide
tables take their columns from ``builder.forms``.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import forms
from ..checks import BADGES, OUTCOMES, SEVERITIES
from ..extraction.tables import STATUSES
from ..forms import TEMPLATES
from ..reading.document import FORMATS

# CSV text is neutralised as OWASP recommends against formula injection: a text
# beginning with one of these gets a single quote in front (the quote itself
# included, so ``restore`` gives back the exact text).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "'")
FORMULA_NOTE_ZH = "CSV 中以 = + - @ ' 或制表符、回车开头的文本前加了一个单引号（'），以免电子表格当作公式执行；去掉它即为原文"
FORMULA_NOTE_EN = ("In CSV, text beginning with =, +, -, @, ', a tab or a carriage return has a single quote (') "
                   "put in front so that spreadsheets never run it as a formula; remove it for the text as printed")


def neutralise(text: str) -> str:
    """A CSV text field that no spreadsheet reads as a formula."""
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def restore(text: str) -> str:
    """The text ``neutralise`` was given."""
    return text[1:] if text.startswith("'") else text


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # string, integer, number, boolean
    title_zh: str
    title_en: str
    description: str = ""
    enum: tuple = ()
    required: bool = False

    @property
    def description_zh(self) -> str:
        return DESCRIPTIONS_ZH.get(self.name, "")

    def as_json(self) -> dict:
        out: dict = {"name": self.name, "type": self.type, "title": f"{self.title_zh} / {self.title_en}"}
        zh, en = self.description_zh, self.description
        if self.type == "string":
            zh, en = (f"{zh}。{FORMULA_NOTE_ZH}" if zh else FORMULA_NOTE_ZH), (
                f"{en}. {FORMULA_NOTE_EN}" if en else FORMULA_NOTE_EN)
        if zh or en:
            out["description"] = " / ".join(filter(None, (zh, en)))
        constraints: dict = {}
        if self.required:
            constraints["required"] = True
        if self.enum:
            constraints["enum"] = list(self.enum)
        if constraints:
            out["constraints"] = constraints
        return out


# The Chinese half of field descriptions, by field name (a name means the same in every table).
DESCRIPTIONS_ZH = {
    "report_id": "<机关编号>/<年度>；报告页面为 /reports/<report_id>/",
    "agency_id": "行政区划代码加规范化名称的拼音",
    "agency_name": "报告中印出的机关名称",
    "adcode": "六位行政区划代码（2023 年区划），取自 cpca 地名库和区划更新表 divisions.csv",
    "template": "报告实际使用的表格版本，按表格自身的标签判断；表格读不出时按统一表格的章节标题和年份",
    "badge": ("一致：错误级检查全部通过；不一致：有错误级检查未通过；存疑：只有警告级未通过，"
              "或有一张表格的单元格缺失或有歧义、其勾稽关系一项也无从核对（报告未印、并称该表无事项可报的表格除外）；"
              "无表格：2019 年以前，或表格一格也读不出（如以图片发布）、印出的表格没有填入任何数字，无表可查"),
    "summary": "一句话说明最重要的问题",
    "failed_errors": "未通过的实例数",
    "failed_warnings": "未通过的实例数",
    "completeness": "找到的表格单元格所占比例（0–1）",
    "reading_notes": "读取时的提示，以空格分隔的代码：year_unsure 年度存疑，region_unknown 地区未知，"
                     "more_reports 文件还收有别的报告、只读了第一份，corrected_version 文件先印原文、后印更正后全文，"
                     "读的是更正后的，corrected_table 报告之后又印了更正后的表格、读的是更正后的，"
                     "erratum_applied 按报告所附的更正说明改正了表格仍印原数的单元格，"
                     "agency_misread 标题中的机关名称错了一个字、按正文写法读出，agency_character_lost 地名的生僻字未印出、"
                     "按唯一相符的地名补出，agency_variant_character 地名用了异体字或繁体字、按规范字读出，"
                     "extra_values 某行数字多于列数，t3.single_other_row 等 表三（六）或某组的印法与表格不同；"
                     "报告页面逐条说明",
    "source_file": "语料中的文件名",
    "source_url": "报告发布的网址（已知时）",
    "retrieved": "文件下载日期（已知时）",
    "page_url": "本站上的报告页面",
    "archive_url": "原始报告的存档副本（已知时）",
    "listing_url": "发布该报告的网页或栏目（已知时）",
    "names_seen": "报告中印出的全部名称，以“；”分隔",
    "level": "省、市、县级政府，乡镇（含街道办事处），或部门",
    "years": "有报告的年度，以空格分隔",
    "cell_id": "表.行.列，见数据说明",
    "value": "空白、缺失或有歧义时为空",
    "unit": "仅金额：印出时的单位（万元、元）",
    "raw": "印出的原文",
    "status": "印明、文字（无、—）、空白、缺失、复原、歧义、推出",
    "note": "复原、推出或歧义的依据；候选值",
    "label": "表中这一行的名称",
    "flags": "不是印明数字的单元格：列:状态",
    "instance": "所检查的列、行、组或正文数字；整份报告的规则记为 report；实例超过三个时，通过和不适用的合为一行，记为 *",
    "cells": "单元格编号，以空格分隔",
    "left": "规则算出的一边（分项之和、正文数字等）",
    "right": "与之比较的一边（报告所填的合计等）",
    "detail_zh": "用表格中的栏目名称写出的等式两边与差额，或不适用的原因",
    "detail_en": "同一说明的英文版，使用单元格编号",
    "templates": "以空格分隔",
    "scope": "report：单份报告；corpus：需要同一机关的其他年度",
    "seq": "在正文中的顺序",
    "key": "例如 applications_received、admin_review_cases、fees_charged_cny",
    "approx": "以“多”“余”表述（约数）",
    "label_zh": "表、行、列在表格中的名称，如：表三 不予公开·危及“三安全一稳定”·自然人",
    "row_zh": "行名，含所属分组",
    "headline": "报告本年度该项的总数；每份报告每项至多一个",
}


@dataclass(frozen=True)
class ForeignKey:
    fields: tuple[str, ...]
    resource: str
    reference: tuple[str, ...]

    def as_json(self) -> dict:
        return {"fields": list(self.fields), "reference": {"resource": self.resource, "fields": list(self.reference)}}


@dataclass(frozen=True)
class Table:
    name: str
    title_zh: str
    title_en: str
    description: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()
    in_workbook: bool = True  # a sheet of the workbook: summary tables only (see dataset.write_workbook)
    compressed: bool = False  # CSV written gzipped: the long cells table would be most of a site's bytes

    @property
    def csv_name(self) -> str:
        return f"{self.name}.csv.gz" if self.compressed else f"{self.name}.csv"

    @property
    def field_names(self) -> list[str]:
        return [f.name for f in self.fields]


def _f(name: str, type_: str, zh: str, en: str, description: str = "", enum: tuple = (), required: bool = False):
    return Field(name, type_, zh, en, description, enum, required)


REPORT_ID = _f("report_id", "string", "报告编号", "report id", "<agency_id>/<year>; the page is /reports/<report_id>/",
               required=True)
TO_REPORTS = ForeignKey(("report_id",), "reports", ("report_id",))

_REPORTS = Table(
    "reports", "报告", "Reports", "One row per report: who, when, which form, and its consistency badge.",
    (
        REPORT_ID,
        _f("agency_id", "string", "机关编号", "agency id", "adcode + pinyin slug of the normalised name", required=True),
        _f("agency_name", "string", "机关名称", "agency name", "as printed in the report"),
        _f("province", "string", "省级", "province"),
        _f("city", "string", "地级", "city", "a municipality (北京市, 天津市, 上海市, 重庆市) is its own city"),
        _f("county", "string", "县级", "county"),
        _f("adcode", "string", "行政区划代码", "administrative division code", "6 digits, 2023 divisions"),
        _f("year", "integer", "报告年度", "report year", required=True),
        _f("template", "string", "表格版本", "form", "the form the report uses, from its own labels",
           TEMPLATES, True),
        _f("badge", "string", "一致性标记", "consistency badge", "一致: every error check passes; 不一致: an error "
           "check fails; 存疑: only warnings fail; "
           "无表格: pre-2019 or no cell readable (tables as pictures), nothing to check", BADGES, True),
        _f("summary", "string", "一致性摘要", "summary", "one sentence naming the most important failure"),
        _f("failed_errors", "integer", "未通过的错误级检查", "failed error checks", "failing instances"),
        _f("failed_warnings", "integer", "未通过的警告级检查", "failed warning checks", "failing instances"),
        _f("completeness", "number", "单元格完整度", "completeness", "share of the form's cells found (0–1)"),
        _f("reading_notes", "string", "读取提示", "reading notes", "what the reading of the report warns of, "
           "as codes separated by spaces (year_unsure: the year is not settled by the title and the statistical "
           "period; region_unknown; more_reports: the file holds more reports after this one, only the first is read; "
           "corrected_version: the file prints a report then its corrected version, the corrected one is read; "
           "corrected_table: a table printed again after the report as corrected (更正后的表三), that one is read; "
           "erratum_applied: cells the report's tables still print as they were, corrected as its erratum says; "
           "agency_misread: the title's name a character off the text's, read as the text spells it (a scan's "
           "title OCR misread, or a typing slip in the title); agency_character_lost: the name's place lost its "
           "first character (a rare one a page printed as ? or □), put back from the one place so ending; "
           "agency_variant_character: the name's place written with a variant or traditional character the region "
           "table does not know (兗州区), read in standard characters (兖州区); "
           "extra_values: a row printed more values than the form has cells; "
           "t2.column_order: a table-2 header printing the measures in another order, read by their names; "
           "t2.other_measures: numbers under a header naming another item's measures, not read; "
           "t2.row_by_section: a table-2 row whose label names no item (OCR's 行政许司), read as the one item of the "
           "第二十条 heading above it; t2.row_misread: a table-2 row whose label names no item but one item's name with "
           "one character misread (OCR's 行政强剔), read as that item; t2.fewer_measures: a table-2 item under a header "
           "naming fewer of its measures "
           "(the other form's), read by the header, the rest missing; spaced_numbers: a cell printing a number with a "
           "space inside (2 4), grouped as the row's sums require; declared_zeros: cells a table leaves out that the "
           "report says are 0, read as 0 (worded) with its words in the cell's note; blank_zeros: blank cells a "
           "legend says are 0 (表中空白单元格表示0), read so; "
           "t3.single_other_row, t3.other_sub_rows, t3.group_total_row: table 3 printed (六) or a group otherwise than "
           "the form; t3.part_row, t3.share_row: table 3 printed a 其中… row or a row of shares (占比) of its own, not read; "
           "t3.column_order, "
           "t3.column_not_printed, t3.subtotal_column, t3.comparison_columns, t3.share_column, t4.column_order, "
           "t4.subtotal_group: columns printed in another order, left out or added (小计; 2023年总计, 增减 to compare; 占比; "
           "行政诉讼小计), read by the header's names; "
           "t3.organisations_one_column: table 3 printed 法人或其他组织 as one column, its five columns are missing; "
           "t3.columns_not_the_forms: table 3 printed applicant columns the form has not (a kind of its own, two "
           "merged, one split), read past, the merged or split ones missing; "
           "scope_copy: a table printed for the agency itself (本级) and summed "
           "over its region (汇总), the agency's own read; scope_columns: the agency's own columns (本级) beside its "
           "county's (全县) under one header, the agency's own read; unit_copies, unit_columns (the agency's own read), "
           "unit_copies_total, unit_columns_total (the sum read): a table printed (as copies or groups of columns) for "
           "the agency itself (本级), each of its units and their sum (合计), the one the report says holds its figures "
           "read, else the agency's own where printed; t3.total_only: table 3 printed its 总计 column only, "
           "the applicant columns are missing; t3.total_left_blank: table 3's 总计 column left blank in every row, the six "
           "applicant columns read by the grid; t3.row_total_first: a row of table 3 printing its total before its six "
           "applicant values, read with the total last (repaired); t3.continued: table 3 printed in two parts side by side "
           "(续表), each row read across both; t3.second_part_unread: table 3 printed in two parts, the second's columns "
           "named by no readable header, only the first read; t3.numbers_apart: table 3 printed with its labels and empty "
           "cells, its numbers in as many rows after it, paired in order; t3.labels_around_numbers: table 3's labels wrapped "
           "onto lines around rows of numbers with no label, each row given the label printed at its place in order; "
           "t3.numbers_before_labels: each row of table 3's numbers printed on the line before its label, each given "
           "the label after it in order; "
           "t3.strips: table 3 printed in two strips as a spreadsheet prints a wide "
           "table (the labelled rows with the first columns, then the same rows unlabelled with the rest), each row "
           "read across both; t3.spacer_columns, t4.spacer_columns: table 3 or 4 printed an empty spacer cell between "
           "every two values, read without them; t4.empty_columns: table 4 printed empty cells beside its fifteen "
           "values (hidden columns), read without them as its sums hold; "
           "t3.by_column: table 3 printed column by column (OCR) or turned, read "
           "back by column; t3.text_order: table 3's values a line each apart from their labels (text without "
           "layout), read in the text's order as the one filling of the table that keeps its sums; "
           "t3.interleaved_rows: two rows of table 3 run together a digit at a time (PDF text), read apart; "
           "t3.stray_blanks: empty cells among a row's values (OCR's rules), read without them; "
           "t4.wrapped_row: table 4's row printed over several lines (or cut in parts), read "
           "as one as its sums confirm; t4.turned: table 4 printed with a row per result, read by its "
           "names; t4.year_rows: table 4 printed a row for each of several years, the latest read); "
           "the report page says each in words"),
        _f("source_file", "string", "源文件", "source file", "file name in the corpus"),
        _f("source_format", "string", "源文件格式", "source format", enum=FORMATS),
        _f("sha256", "string", "源文件SHA-256", "source sha256"),
        _f("source_url", "string", "原始网址", "source URL", "where the report was published, when known"),
        _f("retrieved", "string", "获取日期", "retrieved", "date the file was downloaded, when known"),
        _f("archive_url", "string", "存档网址", "archive URL", "an archived copy of the original, when known"),
        _f("listing_url", "string", "发布栏目网址", "listing URL",
           "the page or column where the report was published, when known"),
        _f("page_url", "string", "本站页面", "page URL", "the report's page on this site"),
    ),
    ("report_id",),
    (ForeignKey(("agency_id",), "agencies", ("agency_id",)),),
)

LEVELS = ("省", "市", "县", "乡镇", "部门")
_AGENCIES = Table(
    "agencies", "机关", "Agencies", "One row per agency, with every name it printed.",
    (
        _f("agency_id", "string", "机关编号", "agency id", required=True),
        _f("name", "string", "规范名称", "normalised name"),
        _f("names_seen", "string", "报告中出现的名称", "names seen", "every printed name, separated by ；"),
        _f("province", "string", "省级", "province"),
        _f("city", "string", "地级", "city", "a municipality (北京市, 天津市, 上海市, 重庆市) is its own city"),
        _f("county", "string", "县级", "county"),
        _f("adcode", "string", "行政区划代码", "administrative division code"),
        _f("level", "string", "层级", "level", "省/市/县 government, 乡镇 (township, street office) or 部门 (department)",
           LEVELS),
        _f("reports", "integer", "报告数", "reports"),
        _f("years", "string", "报告年度", "years", "years with a report, separated by spaces"),
    ),
    ("agency_id",),
)
_CELLS = Table(
    "cells", "单元格", "Cells", "Long form: every cell of every report with its value, printed text and status.",
    (
        REPORT_ID,
        _f("cell_id", "string", "单元格编号", "cell id", "table.row.column as in the schema", required=True),
        _f("table", "string", "表", "table", enum=("t2", "t3", "t4")),
        _f("row", "string", "行", "row"),
        _f("column", "string", "列", "column"),
        _f("value", "number", "数值", "value", "null when blank, missing or ambiguous"),
        _f("unit", "string", "单位", "unit", "amounts only: the unit they are printed in (万元, 元)"),
        _f("raw", "string", "原文", "raw", "the text as printed"),
        _f("status", "string", "状态", "status", "reported, none (worded 无/—), blank, missing, repaired, ambiguous, "
           "inferred", STATUSES, True),
        _f("note", "string", "说明", "note", "the evidence for a repair, inference or ambiguity; candidates"),
    ),
    ("report_id", "cell_id"),
    (TO_REPORTS, ForeignKey(("cell_id",), "codebook", ("cell_id",))),
    in_workbook=False,
    compressed=True,
)


def _wide(name: str, zh: str, en: str, key: str, key_zh: str, columns: list[tuple[str, str, str, str]]) -> Table:
    return Table(
        name, zh, en, f"One row per report and {key}; the form's columns as columns. Statuses other than "
        "'reported' are listed in `flags` (details in `cells`).",
        (
            REPORT_ID,
            _f(key, "string", key_zh, key, required=True),
            _f("label", "string", "表中名称", "label", "the row's label in the form"),
            *(_f(c, t, czh, cen) for c, t, czh, cen in columns),
            _f("flags", "string", "状态标记", "flags", "column:status for cells not printed as plain numbers"),
        ),
        ("report_id", key),
        (TO_REPORTS,),
        in_workbook=False,
    )


def _t2_columns() -> list[tuple[str, str, str, str]]:
    seen: dict[str, tuple[str, str, str, str]] = {}
    for template in (forms.GOV_2021, forms.GOV_2019):
        for item in forms.FORMS[template].t2:
            for m in item.measures:
                kind = "number" if m.id.startswith("amount") else "integer"
                seen.setdefault(m.id, (m.id, kind, m.label_zh, m.label_en))
    return list(seen.values())


T2_COLUMNS = _t2_columns()
_TABLE2 = _wide("table2", "表二 主动公开", "Table 2: proactive disclosure", "item", "事项", T2_COLUMNS)
_TABLE3 = _wide("table3", "表三 依申请公开", "Table 3: requests", "row", "行",
                [(c.id, "integer", c.label_zh, c.label_en) for c in forms.T3_COLUMNS])
_TABLE4 = _wide("table4", "表四 复议诉讼", "Table 4: review and litigation", "group", "类别",
                [(c.id, "integer", c.label_zh, c.label_en) for c in forms.T4_COLUMNS])
_CHECKS = Table(
    "checks", "检查结果", "Checks", "Every failing instance of a rule (column, row, group or stated figure) with "
    "its evidence; a rule's other instances one by one, or summarised in one row (instance *) when there are "
    "more than three.",
    (
        REPORT_ID,
        _f("check_id", "string", "规则编号", "check id", required=True),
        _f("instance", "string", "实例", "instance", "the column, row, group or figure checked; report for a "
           "rule of the whole report; * for a row summarising a rule's passing and not-applicable instances when "
           "it has more than three", required=True),
        _f("severity", "string", "级别", "severity", enum=SEVERITIES),
        _f("outcome", "string", "结果", "outcome", enum=OUTCOMES, required=True),
        _f("cells", "string", "涉及单元格", "cells", "cell ids, separated by spaces"),
        _f("left", "number", "计算值", "computed side", "the sum (or figure) the rule computes"),
        _f("right", "number", "报告所填值", "stated side", "the total (or figure) it is compared with"),
        _f("detail_zh", "string", "说明", "explanation (Chinese)",
           "both sides and the difference in the form's own labels, or why not applicable"),
        _f("detail_en", "string", "英文说明", "explanation (English)", "the same in English, with cell ids"),
    ),
    ("report_id", "check_id", "instance"),
    (TO_REPORTS, ForeignKey(("check_id",), "rules", ("check_id",))),
    in_workbook=False,
)
_RULES = Table(
    "rules", "检查规则", "Rules", "The catalogue of consistency checks.",
    (
        _f("check_id", "string", "规则编号", "check id", required=True),
        _f("severity", "string", "级别", "severity", enum=SEVERITIES),
        _f("title_zh", "string", "名称", "title (Chinese)"),
        _f("title_en", "string", "英文名称", "title (English)"),
        _f("formula_zh", "string", "规则", "rule (Chinese)"),
        _f("formula_en", "string", "英文规则", "rule (English)"),
        _f("templates", "string", "适用表格", "forms", "separated by spaces"),
        _f("scope", "string", "范围", "scope", "report: one report; corpus: needs the same agency's other years",
           ("report", "corpus")),
    ),
    ("check_id",),
)
_NARRATIVE = Table(
    "narrative", "正文数字", "Prose figures", "Counts stated in the text, with the sentence they come from.",
    (
        REPORT_ID,
        _f("seq", "integer", "序号", "sequence", "order in the text", required=True),
        _f("key", "string", "类别", "key", "e.g. applications_received, admin_review_cases, fees_charged_cny"),
        _f("value", "number", "数值", "value"),
        _f("approx", "boolean", "约数", "approximate", "stated as 多/余 (more than)"),
        _f("headline", "boolean", "主数", "headline", "the report's own total of this key for the report year; "
           "at most one per report and key"),
        _f("sentence", "string", "原句", "sentence"),
    ),
    ("report_id", "seq"),
    (TO_REPORTS,),
    in_workbook=False,
)
_REJECTED = Table(
    "rejected", "未能读取的文件", "Rejected files", "Every corpus file that did not become a report, and why.",
    (
        _f("file", "string", "文件", "file", required=True),
        _f("reason", "string", "原因", "reason"),
    ),
    ("file",),
)

_CODEBOOK = Table(
    "codebook", "单元格编码表", "Codebook", "Every cell id of the forms: its table, row and column in Chinese and "
    "English, its unit and the forms that have it.",
    (
        _f("cell_id", "string", "单元格编号", "cell id", required=True),
        _f("templates", "string", "所在表格版本", "forms", "separated by spaces"),
        _f("table", "string", "表", "table", enum=("t2", "t3", "t4")),
        _f("table_zh", "string", "表（中文）", "table (Chinese)"),
        _f("row", "string", "行", "row"),
        _f("row_zh", "string", "行（中文）", "row (Chinese)", "the row's label, with its group"),
        _f("row_en", "string", "行（英文）", "row (English)"),
        _f("column", "string", "列", "column"),
        _f("column_zh", "string", "列（中文）", "column (Chinese)"),
        _f("column_en", "string", "列（英文）", "column (English)"),
        _f("label_zh", "string", "表中位置", "place in the form (Chinese)", "table, row and column as printed"),
        _f("label_en", "string", "英文名称", "place in the form (English)"),
        _f("unit_zh", "string", "单位", "unit (Chinese)"),
        _f("unit_en", "string", "英文单位", "unit (English)"),
    ),
    ("cell_id",),
)

# --- derived data: indicators and regional totals (builder.datasets.indicators, builder.datasets.regional) ---

DESCRIPTIONS_ZH.update({
    "indicator_id": "指标编号；以 .yoy 结尾的是同比变化",
    "numerator": "分子（计数指标即其数值）；同比变化为本年度的值",
    "denominator": "分母；同比变化为上一年度的值",
    "compared_with": "同比变化所比较的上一年度报告",
    "formula": "以单元格编号写出的公式，* 表示该组各行",
    "min_denominator": "分母小于此数时标记为 small_denominator，不参与排名",
    "base_indicator": "同比变化所依据的指标",
    "region_code": "行政区划代码（省级、地级取前两位、前四位）",
    "reports_summed": "加总的报告数（该单元格可用的报告）",
    "reports_unusable": "该单元格缺失、空白或有歧义、未能加总的报告数",
    "reports_in_year": "该地区本年度的报告数",
    "agencies_known": "本数据集中该地区出现过的机关数（任一年度）",
})
INDICATOR_FLAGS = ("input_unusable: an input cell is missing, blank or ambiguous (value null); zero_denominator; "
                   "negative_denominator: the inputs contradict each other (value null); small_denominator: under "
                   "the indicator's minimum, never ranked; inferred_input; no_previous_year; approximate_input: an input "
                   "was printed as approximate or a bound (500余), read as its number")
_INDICATOR_DEFINITIONS = Table(
    "indicator_definitions", "指标定义", "Indicator definitions",
    "The catalogue of derived indicators: formula in words and over cell ids, unit, forms, minimum denominator.",
    (
        _f("indicator_id", "string", "指标编号", "indicator id", required=True),
        _f("name_zh", "string", "名称", "name (Chinese)"),
        _f("name_en", "string", "英文名称", "name (English)"),
        _f("formula_zh", "string", "计算方法", "formula (Chinese)"),
        _f("formula_en", "string", "英文计算方法", "formula (English)"),
        _f("formula", "string", "单元格公式", "formula over cell ids", "cell-id patterns; * stands for a group's rows"),
        _f("unit", "string", "单位", "unit", "件 (a count) or 比例 (a ratio from 0 to 1)", ("件", "比例")),
        _f("min_denominator", "integer", "最小分母", "minimum denominator",
           "ratios with a smaller denominator are flagged small_denominator and left out of rankings"),
        _f("templates", "string", "适用表格", "forms", "separated by spaces"),
        _f("base_indicator", "string", "基础指标", "base indicator", "for a year-over-year change: the indicator"),
    ),
    ("indicator_id",),
)
_INDICATORS = Table(
    "indicators", "指标", "Indicators", "Long form: every indicator of every report on a prescribed form, from "
    "usable cells only (a missing, blank or ambiguous input gives null, never 0), and its year-over-year change.",
    (
        REPORT_ID,
        _f("indicator_id", "string", "指标编号", "indicator id", "see indicator_definitions; .yoy: change on the "
           "previous year", required=True),
        _f("value", "number", "数值", "value", "ratios from 0 to 1; null when an input is unusable or the "
           "denominator is not positive"),
        _f("numerator", "number", "分子", "numerator", "year-over-year rows: this year's value"),
        _f("denominator", "number", "分母", "denominator", "year-over-year rows: the previous year's value"),
        _f("flags", "string", "标记", "flags", INDICATOR_FLAGS),
        _f("compared_with", "string", "比较的报告", "compared with", "year-over-year rows: the previous year's report"),
    ),
    ("report_id", "indicator_id"),
    (TO_REPORTS, ForeignKey(("indicator_id",), "indicator_definitions", ("indicator_id",))),
    in_workbook=False,
)
_REGIONAL_TOTALS = Table(
    "regional_totals", "地区合计", "Regional totals",
    "Tables 3 and 4 summed over the reports in this dataset of each province, city and county, per year, with "
    "the coverage of every total. Not official statistics: only the reports collected here are added up, and a "
    "government report that already aggregates its departments is added like any other.",
    (
        _f("year", "integer", "报告年度", "report year", required=True),
        _f("region_code", "string", "地区代码", "region code", "行政区划代码 of the province, city or county",
           required=True),
        _f("region_level", "string", "地区层级", "region level", enum=("province", "city", "county")),
        _f("region_name", "string", "地区名称", "region name"),
        _f("cell_id", "string", "单元格编号", "cell id", "table.row.column as in the schema", required=True),
        _f("value", "number", "合计", "total", "the sum over reports_summed reports; null when none could be added"),
        _f("reports_summed", "integer", "加总报告数", "reports summed", "reports whose cell is usable"),
        _f("reports_unusable", "integer", "未能加总的报告数", "reports not summed",
           "reports on a form with this cell where it is missing, blank or ambiguous"),
        _f("reports_in_year", "integer", "本年度报告数", "reports that year", "the region's reports of the year"),
        _f("agencies_known", "integer", "已知机关数", "agencies known",
           "agencies of the region with a report in this dataset, any year"),
    ),
    ("year", "region_code", "cell_id"),
    in_workbook=False,
    compressed=True,
)

_LABEL_ZH = _f("label_zh", "string", "表中位置", "place in the form", "table, row and column in the form's words")
# The CSV beside each report's page: the report id, each cell's place in the form and its value.
REPORT_CELLS = Table(
    "report_cells", "本报告单元格", "This report's cells", "Every cell of one report (cells.csv beside its page).",
    (REPORT_ID, _CELLS.fields[1], _LABEL_ZH,
     *(f for f in _CELLS.fields if f.name not in ("report_id", "cell_id", "table", "row", "column"))),
    ("cell_id",),
)

TABLES: tuple[Table, ...] = (_REPORTS, _AGENCIES, _CELLS, _TABLE2, _TABLE3, _TABLE4, _CHECKS, _RULES, _NARRATIVE,
                             _REJECTED, _CODEBOOK, _INDICATOR_DEFINITIONS, _INDICATORS, _REGIONAL_TOTALS)
TABLE_INDEX = {t.name: t for t in TABLES}
# What each table holds, for readers of the workbook's 说明 sheet and of the downloads page.
TABLE_DESCRIPTIONS_ZH = {
    "reports": "每份报告一行：机关、年度、表格版本、一致性标记与摘要、来源",
    "agencies": "每个机关一行，含报告中出现过的全部名称",
    "cells": "长表：每份报告的每个单元格，含数值、原文与状态",
    "table2": "表二（主动公开）：每份报告每个事项一行，表格各栏为列",
    "table3": "表三（依申请公开）：每份报告每一行，各类申请人为列",
    "table4": "表四（行政复议、行政诉讼）：每份报告每一类一行，各结果为列",
    "checks": "检查结果：未通过的每一处，以及其余结果（超过三处时合为一行，实例记为 *）",
    "rules": "检查规则目录",
    "narrative": "正文中的数字及其原句",
    "rejected": "未能读取的文件及原因",
    "codebook": "单元格编码表：编号对应的表、行、列（中英文）、单位与表格版本",
    "indicator_definitions": "指标定义：名称、计算方法（文字与单元格公式）、单位、最小分母",
    "indicators": "长表：每份报告的每个指标及其同比变化，只用可用的单元格计算",
    "regional_totals": "地区合计（非官方统计）：各省、市、县每年表三、表四的加总及覆盖情况",
}

