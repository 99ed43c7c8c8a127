"""The published dataset's tables, described once as data.

The same description writes the CSV headers, the Parquet schemas, the Excel
headers, ``datapackage.json`` and the field documentation on the site. Wide
tables take their columns from ``builder.forms``.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import forms
from .checks import BADGES, OUTCOMES, SEVERITIES
from .forms import TEMPLATES
from .reading import FORMATS
from .tables import STATUSES


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
        if self.description:
            out["description"] = " / ".join(filter(None, (self.description_zh, self.description)))
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
    "adcode": "六位行政区划代码，取自 cpca 地名库",
    "template": "报告实际使用的表格版本，按表格自身的标签判断",
    "badge": "一致：错误级检查全部通过；不一致：有错误级检查未通过；存疑：只有警告级未通过；无表格：2019 年以前，无表可查",
    "summary": "一句话说明最重要的问题",
    "failed_errors": "未通过的实例数",
    "failed_warnings": "未通过的实例数",
    "completeness": "找到的表格单元格所占比例（0–1）",
    "source_file": "语料中的文件名",
    "source_url": "报告发布的网址（已知时）",
    "retrieved": "文件下载日期（已知时）",
    "page_url": "本站上的报告页面",
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
    "instance": "所检查的列、行、组或正文数字；规则的实例超过三个时，通过和不适用的合为一行，记为 *",
    "cells": "单元格编号，以空格分隔",
    "detail": "等式两边的数值，或不适用的原因",
    "templates": "以空格分隔",
    "scope": "report：单份报告；corpus：需要同一机关的其他年度",
    "seq": "在正文中的顺序",
    "key": "例如 applications_received、admin_review_cases、fees_charged_cny",
    "approx": "以“多”“余”表述（约数）",
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
    in_workbook: bool = True
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
        _f("city", "string", "地级", "city"),
        _f("county", "string", "县级", "county"),
        _f("adcode", "string", "行政区划代码", "administrative division code", "6 digits, from the cpca gazetteer"),
        _f("year", "integer", "报告年度", "report year", required=True),
        _f("template", "string", "表格版本", "form", "the form the report uses, from its own labels",
           TEMPLATES, True),
        _f("badge", "string", "一致性标记", "consistency badge", "一致: every error check passes; 不一致: an error "
           "check fails; 存疑: only warnings fail; 无表格: pre-2019, nothing to check", BADGES, True),
        _f("summary", "string", "一致性摘要", "summary", "one sentence naming the most important failure"),
        _f("failed_errors", "integer", "未通过的错误级检查", "failed error checks", "failing instances"),
        _f("failed_warnings", "integer", "未通过的警告级检查", "failed warning checks", "failing instances"),
        _f("completeness", "number", "单元格完整度", "completeness", "share of the form's cells found (0–1)"),
        _f("source_file", "string", "源文件", "source file", "file name in the corpus"),
        _f("source_format", "string", "源文件格式", "source format", enum=FORMATS),
        _f("sha256", "string", "源文件SHA-256", "source sha256"),
        _f("source_url", "string", "原始网址", "source URL", "where the report was published, when known"),
        _f("retrieved", "string", "获取日期", "retrieved", "date the file was downloaded, when known"),
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
        _f("city", "string", "地级", "city"),
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
    (TO_REPORTS,),
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
        _f("instance", "string", "实例", "instance", "the column, row, group or figure checked; * for a row "
           "summarising a rule's passing and not-applicable instances when it has more than three"),
        _f("severity", "string", "级别", "severity", enum=SEVERITIES),
        _f("outcome", "string", "结果", "outcome", enum=OUTCOMES, required=True),
        _f("cells", "string", "涉及单元格", "cells", "cell ids, separated by spaces"),
        _f("left", "number", "左边", "left side"),
        _f("right", "number", "右边", "right side"),
        _f("detail", "string", "详情", "detail", "the equation with both sides, or why not applicable"),
    ),
    ("report_id", "check_id", "instance"),
    (TO_REPORTS, ForeignKey(("check_id",), "rules", ("check_id",))),
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
)
_REJECTED = Table(
    "rejected", "未能读取的文件", "Rejected files", "Every corpus file that did not become a report, and why.",
    (
        _f("file", "string", "文件", "file", required=True),
        _f("reason", "string", "原因", "reason"),
    ),
    ("file",),
)

# The CSV beside each report's page: its cells, without the columns that repeat the report.
REPORT_CELLS = Table(
    "report_cells", "本报告单元格", "This report's cells", "Every cell of one report (cells.csv beside its page).",
    tuple(f for f in _CELLS.fields if f.name not in ("report_id", "table", "row", "column")),
    ("cell_id",),
)

TABLES: tuple[Table, ...] = (_REPORTS, _AGENCIES, _CELLS, _TABLE2, _TABLE3, _TABLE4, _CHECKS, _RULES, _NARRATIVE,
                             _REJECTED)
TABLE_INDEX = {t.name: t for t in TABLES}
