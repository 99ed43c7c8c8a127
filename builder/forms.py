"""The prescribed report forms, described once as data.

The parser, the consistency checks, the dataset schema and the page tables all
read these definitions; nothing else in the project lists cell ids or labels.
The ids are the public contract of ``shared/spec/report-schema.md``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

GOV_2021 = "gov-2021"
GOV_2019 = "gov-2019"
PRE_2019 = "pre-2019"
TEMPLATES = (GOV_2021, GOV_2019, PRE_2019)


@dataclass(frozen=True)
class Column:
    id: str
    label_zh: str
    label_en: str


@dataclass(frozen=True)
class Row:
    """A row of a form table. ``match`` is the label core used to recognise it."""

    id: str
    label_zh: str
    label_en: str
    match: str
    group_zh: str = ""


@dataclass(frozen=True)
class Cell:
    """One cell of a form: where it sits and what kind of number it holds."""

    id: str
    table: str  # "t2", "t3", "t4"
    row: str
    column: str
    row_label_zh: str
    column_label_zh: str
    kind: str = "count"  # "count" (>= 0), "change" (may be negative), "money"


@dataclass(frozen=True)
class Table2Item:
    """A row of table 2: one 第二十条 item with its measures."""

    id: str
    section_zh: str
    label_zh: str
    label_en: str
    keywords: tuple[str, ...]
    measures: tuple[Column, ...]


@dataclass(frozen=True)
class Identity:
    """A sum the form implies: sum(parts) == sum(whole).

    ``check`` is the rule id that reports it, ``instance`` names the column,
    row or group it is about.
    """

    check: str
    instance: str
    parts: tuple[str, ...]
    whole: tuple[str, ...]

    @property
    def cells(self) -> tuple[str, ...]:
        return self.parts + self.whole


# --- table 2 --------------------------------------------------------------

_ISSUED = Column("issued", "本年制发件数", "issued this year")
_REPEALED = Column("repealed", "本年废止件数", "repealed this year")
_IN_FORCE = Column("in_force", "现行有效件数", "in force")
_DECISIONS = Column("decisions", "本年处理决定数量", "decisions this year")
_FEES_2021 = Column("amount_10k_cny", "本年收费金额（单位：万元）", "fees charged (10,000 CNY)")
_NEW_MADE = Column("new_made", "本年新制作数量", "newly made this year")
_NEW_PUBLISHED = Column("new_published", "本年新公开数量", "newly published this year")
_TOTAL_PUBLISHED = Column("total_published", "对外公开总数量", "total published")
_PREV_ITEMS = Column("prev_items", "上一年项目数量", "items last year")
_CHANGE = Column("change", "本年增/减", "change this year")
_DECISIONS_2019 = Column("decisions", "处理决定数量", "decisions")
_PROC_ITEMS = Column("items", "采购项目数量", "procurement items")
_PROC_AMOUNT = Column("amount", "采购总金额", "procurement amount")

# The words that name each measure in table 2's header (a report may print the measures in another order).
T2_MEASURE_WORDS = {
    "issued": ("制发",), "repealed": ("废止",), "in_force": ("现行有效", "有效"), "decisions": ("处理决定",),
    "amount_10k_cny": ("收费金额",), "new_made": ("新制作", "新制发"), "new_published": ("新公开",),
    "total_published": ("公开总数",), "prev_items": ("上一年", "上年项目"), "change": ("增/减", "增减", "增(减)", "增（减）"),
    "items": ("采购项目",), "amount": ("总金额",),
}

_RULES = ("rules", "第二十条第（一）项", "规章", "rules", ("规章",))
_NORMATIVE = ("normative_docs", "第二十条第（一）项", "规范性文件", "normative documents", ("规范性文件",))
# (the items named short, as some tables print them: 许可, 处罚, 强制; not 收费, a measure's word too: 收费金额, which
# names its item only as a row's whole label: ``T2_WHOLE_LABELS``)
_LICENSING = ("licensing", "第二十条第（五）项", "行政许可", "administrative licensing", ("行政许可", "许可"))
_OTHER_SERVICES = (
    "other_services", "第二十条第（五）项", "其他对外管理服务事项", "other external services",
    ("其他对外管理服务事项", "对外管理服务", "其他服务"),
)
_PENALTY = ("penalty", "第二十条第（六）项", "行政处罚", "administrative penalties", ("行政处罚", "处罚"))
_COERCION = ("coercion", "第二十条第（六）项", "行政强制", "administrative coercion", ("行政强制", "强制"))
_FEES = ("fees", "第二十条第（八）项", "行政事业性收费", "administrative fees", ("行政事业性收费", "事业性收费", "行政事业收费"))
# Words that name an item only as a row's whole label (its Chinese characters: 收费（万元） is 收费万元).
T2_WHOLE_LABELS = {"fees": ("收费", "收费万元", "收费元", "收费金额", "收费金额万元"),
                   "procurement": ("采购", "政府采购")}  # (采购: a measure's word too, 采购项目数量)
_PROCUREMENT = ("procurement", "第二十条第（九）项", "政府集中采购", "government procurement", ("政府集中采购", "集中采购"))

T2_2021 = (
    Table2Item(*_RULES, (_ISSUED, _REPEALED, _IN_FORCE)),
    Table2Item(*_NORMATIVE, (_ISSUED, _REPEALED, _IN_FORCE)),
    Table2Item(*_LICENSING, (_DECISIONS,)),
    Table2Item(*_PENALTY, (_DECISIONS,)),
    Table2Item(*_COERCION, (_DECISIONS,)),
    Table2Item(*_FEES, (_FEES_2021,)),
)
T2_2019 = (
    Table2Item(*_RULES, (_NEW_MADE, _NEW_PUBLISHED, _TOTAL_PUBLISHED)),
    Table2Item(*_NORMATIVE, (_NEW_MADE, _NEW_PUBLISHED, _TOTAL_PUBLISHED)),
    Table2Item(*_LICENSING, (_PREV_ITEMS, _CHANGE, _DECISIONS_2019)),
    Table2Item(*_OTHER_SERVICES, (_PREV_ITEMS, _CHANGE, _DECISIONS_2019)),
    Table2Item(*_PENALTY, (_PREV_ITEMS, _CHANGE, _DECISIONS_2019)),
    Table2Item(*_COERCION, (_PREV_ITEMS, _CHANGE, _DECISIONS_2019)),
    Table2Item(*_FEES, (_PREV_ITEMS, _CHANGE)),
    Table2Item(*_PROCUREMENT, (_PROC_ITEMS, _PROC_AMOUNT)),
)

# --- table 3 --------------------------------------------------------------

T3_COLUMNS = (
    Column("natural_person", "自然人", "natural persons"),
    Column("commercial_enterprise", "商业企业", "commercial enterprises"),
    Column("research_institution", "科研机构", "research institutions"),
    Column("social_welfare_org", "社会公益组织", "social welfare organisations"),
    Column("legal_service_org", "法律服务机构", "legal service organisations"),
    Column("other_org", "其他", "other organisations"),
    Column("total", "总计", "total"),
)
T3_APPLICANTS = tuple(c.id for c in T3_COLUMNS[:-1])

_RESULTS = "三、本年度办理结果"
_DENIED = "（三）不予公开"
_UNABLE = "（四）无法提供"
_NOT_PROCESSED = "（五）不予处理"
_OTHER = "（六）其他处理"

_T3_HEAD = (
    Row("new_received", "一、本年新收政府信息公开申请数量", "new requests received", "本年新收政府信息公开申请数量"),
    Row("carried_over", "二、上年结转政府信息公开申请数量", "carried over from last year", "上年结转政府信息公开申请数量"),
    Row("granted", "（一）予以公开", "granted", "予以公开", _RESULTS),
    Row("partially_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "partially granted",
        "部分公开区分处理", _RESULTS),
    Row("denied.state_secret", "1.属于国家秘密", "denied: state secret", "属于国家秘密", _DENIED),
    Row("denied.law_prohibited", "2.其他法律行政法规禁止公开", "denied: prohibited by other laws",
        "其他法律行政法规禁止公开", _DENIED),
    Row("denied.three_safeties", "3.危及“三安全一稳定”", "denied: endangers security or stability",
        "危及三安全一稳定", _DENIED),
    Row("denied.third_party_rights", "4.保护第三方合法权益", "denied: third-party rights", "保护第三方合法权益", _DENIED),
    Row("denied.internal_affairs", "5.属于三类内部事务信息", "denied: internal affairs", "属于三类内部事务信息", _DENIED),
    Row("denied.process_info", "6.属于四类过程性信息", "denied: process information", "属于四类过程性信息", _DENIED),
    Row("denied.enforcement_file", "7.属于行政执法案卷", "denied: enforcement files", "属于行政执法案卷", _DENIED),
    Row("denied.admin_query", "8.属于行政查询事项", "denied: administrative query", "属于行政查询事项", _DENIED),
    Row("unable.not_held", "1.本机关不掌握相关政府信息", "unable: not held", "本机关不掌握相关政府信息", _UNABLE),
    Row("unable.needs_creation", "2.没有现成信息需要另行制作", "unable: would need creating",
        "没有现成信息需要另行制作", _UNABLE),
    Row("unable.unclear", "3.补正后申请内容仍不明确", "unable: still unclear", "补正后申请内容仍不明确", _UNABLE),
    Row("not_processed.complaint", "1.信访举报投诉类申请", "not processed: petitions and complaints",
        "信访举报投诉类申请", _NOT_PROCESSED),
    Row("not_processed.duplicate", "2.重复申请", "not processed: duplicate", "重复申请", _NOT_PROCESSED),
    Row("not_processed.publication", "3.要求提供公开出版物", "not processed: publications",
        "要求提供公开出版物", _NOT_PROCESSED),
    Row("not_processed.excessive", "4.无正当理由大量反复申请", "not processed: excessive",
        "无正当理由大量反复申请", _NOT_PROCESSED),
    Row("not_processed.reconfirm", "5.要求行政机关确认或重新出具已获取信息", "not processed: reconfirmation",
        "要求行政机关确认或重新出具已获取信息", _NOT_PROCESSED),
)
_T3_OTHER_2019 = (Row("other", "（六）其他处理", "other handling", "其他处理", _RESULTS),)
T3_OTHER_2021 = (
    Row("other.no_correction",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "other: no correction supplied", "逾期不补正行政机关不再处理", _OTHER),
    Row("other.unpaid_fee",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "other: fee not paid", "逾期未按收费通知要求缴纳费用", _OTHER),
    Row("other.other", "3.其他", "other: other", "其他", _OTHER),
)
_T3_TAIL = (
    Row("total", "（七）总计", "total handled", "总计", _RESULTS),
    Row("carried_forward", "四、结转下年度继续办理", "carried forward to next year", "结转下年度继续办理"),
)
# The shorter names agencies give table 3's rows (新收申请, 不予公开：国家秘密, 办理结果合计, 结转下年), each naming its row
# alone: a label is matched on these too, so that a table printed in another order than the form's is read by its labels.
T3_SHORT_MATCHES = {
    "new_received": ("本年新收", "新收申请", "新收政府信息公开申请"), "carried_over": ("上年结转",),
    "partially_granted": ("部分公开",), "denied.state_secret": ("国家秘密",),
    "denied.law_prohibited": ("法律行政法规禁止", "法律法规禁止"),
    "denied.three_safeties": ("三安全一稳定", "危及国家安全公共安全经济安全社会稳定"),  # (the words 三安全一稳定 stands for)
    "denied.third_party_rights": ("第三方合法权益", "第三方权益", "保护第三方"), "denied.internal_affairs": ("内部事务",),
    "denied.process_info": ("过程性信息",), "denied.enforcement_file": ("执法案卷",), "denied.admin_query": ("行政查询",),
    "unable.not_held": ("本机关不掌握", "不掌握"), "unable.needs_creation": ("另行制作", "没有现成信息"),
    "unable.unclear": ("仍不明确", "不明确"),
    "not_processed.complaint": ("信访举报投诉", "信访举报"), "not_processed.publication": ("出版物",),
    "not_processed.excessive": ("大量反复申请", "大量反复"), "not_processed.reconfirm": ("重新出具",),
    "other.no_correction": ("逾期不补正",), "other.unpaid_fee": ("逾期未缴纳费用", "未按收费通知", "逾期不缴费"),
    "total": ("办理结果合计", "办理结果总计", "办理总数"), "carried_forward": ("结转下年",),
}
# The shortest names of table 3's rows a provincial template prints (（一）公开, （二）部分, 新收, 结转 beside 结转下年度),
# as a label's Chinese characters: a label names its row by one of these only when they are the whole label, with the
# form's own numeral where a bare word could be a wrapped label's piece (公开 ends 予以公开 and 不予公开 as well).
T3_BARE_NAMES = {
    "granted": ("一公开",), "partially_granted": ("二部分",), "new_received": ("新收", "一新收"),
    "carried_over": ("结转", "二结转"), "not_processed.complaint": ("信访",), "not_processed.duplicate": ("重复",),
    "not_processed.reconfirm": ("确认",),
}
T3_ROWS_2019 = _T3_HEAD + _T3_OTHER_2019 + _T3_TAIL
T3_ROWS_2021 = _T3_HEAD + T3_OTHER_2021 + _T3_TAIL
T3_TERMS = ("new_received", "carried_over", "total", "carried_forward")

# --- table 4 --------------------------------------------------------------

T4_GROUPS = (
    Row("admin_review", "行政复议", "administrative review", "行政复议"),
    Row("litigation_direct", "行政诉讼·未经复议直接起诉", "litigation without prior review", "未经复议直接起诉"),
    Row("litigation_after_review", "行政诉讼·复议后起诉", "litigation after review", "复议后起诉"),
)
T4_COLUMNS = (
    Column("upheld", "结果维持", "upheld"),
    Column("corrected", "结果纠正", "corrected"),
    Column("other", "其他结果", "other outcome"),
    Column("pending", "尚未审结", "pending"),
    Column("total", "总计", "total"),
)


@dataclass(frozen=True)
class Form:
    id: str
    title_zh: str
    t2: tuple[Table2Item, ...]
    t3_rows: tuple[Row, ...]

    @property
    def t3_results(self) -> tuple[str, ...]:
        """Rows whose sum is (七)总计."""
        skip = set(T3_TERMS)
        return tuple(r.id for r in self.t3_rows if r.id not in skip)


FORMS = {
    GOV_2021: Form(GOV_2021, "国办公开办函〔2021〕30号", T2_2021, T3_ROWS_2021),
    GOV_2019: Form(GOV_2019, "国办公开办函〔2019〕60号", T2_2019, T3_ROWS_2019),
}

# Labels that only one form prints, compared with whitespace and punctuation removed.
FORM_MARKERS = {
    GOV_2021: ("本年制发件数", "本年废止件数", "本年度止件数", "现行有效件数", "本年处理决定数量",
               "本年收费金额", "逾期不补正", "缴纳费用"),
    GOV_2019: ("本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增减",
               "政府集中采购", "采购总金额", "其他对外管理服务事项"),
}

# Table 3's rows only the 2021 form has ((六)其他处理 in three): a report printing them is on that form's table 3.
T3_2021_MARKERS = ("逾期不补正", "缴纳费用")

# Labels both forms print and older statistics tables do not.
SHARED_MARKERS = ("本年新收政府信息公开申请数量", "上年结转政府信息公开申请数量", "予以公开", "属于国家秘密",
                  "本机关不掌握相关政府信息", "重复申请", "结转下年度继续办理", "结果维持", "结果纠正", "尚未审结",
                  "未经复议直接起诉", "复议后起诉", "本年处理决定数量", "处理决定数量")


def t2_cell(item: str, measure: str) -> str:
    return f"t2.{item}.{measure}"


def t3_cell(row: str, column: str) -> str:
    return f"t3.{row}.{column}"


def t4_cell(group: str, column: str) -> str:
    return f"t4.{group}.{column}"


@cache
def cells(template: str) -> tuple[Cell, ...]:
    """Every cell of a template, in form order. ``pre-2019`` has none."""
    form = FORMS.get(template)
    if form is None:
        return ()
    out: list[Cell] = []
    for item in form.t2:
        for m in item.measures:
            kind = "change" if m.id == "change" else "money" if m.id.startswith("amount") else "count"
            out.append(Cell(t2_cell(item.id, m.id), "t2", item.id, m.id, item.label_zh, m.label_zh, kind))
    for row in form.t3_rows:
        for col in T3_COLUMNS:
            out.append(Cell(t3_cell(row.id, col.id), "t3", row.id, col.id, row.label_zh, col.label_zh))
    for group in T4_GROUPS:
        for col in T4_COLUMNS:
            out.append(Cell(t4_cell(group.id, col.id), "t4", group.id, col.id, group.label_zh, col.label_zh))
    return tuple(out)


@cache
def all_cells() -> dict[str, Cell]:
    """Every cell id of every form (the union), for schemas and documentation."""
    out: dict[str, Cell] = {}
    for template in FORMS:
        for c in cells(template):
            out.setdefault(c.id, c)
    return out


def t3_identities(rows: tuple[Row, ...]) -> list[Identity]:
    """The table-3 sums for a given row set (both forms, or a hybrid layout)."""
    ids = [r.id for r in rows]
    results = [r for r in ids if r not in T3_TERMS]
    out = [
        Identity("t3.total_cols", row, tuple(t3_cell(row, c) for c in T3_APPLICANTS), (t3_cell(row, "total"),))
        for row in ids
    ]
    for col in (c.id for c in T3_COLUMNS):
        out.append(Identity("t3.total_rows", col, tuple(t3_cell(r, col) for r in results), (t3_cell("total", col),)))
    for col in (c.id for c in T3_COLUMNS):
        out.append(Identity(
            "t3.balance", col,
            (t3_cell("new_received", col), t3_cell("carried_over", col)),
            (t3_cell("total", col), t3_cell("carried_forward", col)),
        ))
    return out


def t4_identities() -> list[Identity]:
    parts = [c.id for c in T4_COLUMNS[:-1]]
    return [
        Identity("t4.group_sums", g.id, tuple(t4_cell(g.id, c) for c in parts), (t4_cell(g.id, "total"),))
        for g in T4_GROUPS
    ]


@cache
def identities(template: str) -> tuple[Identity, ...]:
    """Every sum a report on this form must satisfy, in check order."""
    form = FORMS.get(template)
    if form is None:
        return ()
    return tuple(t3_identities(form.t3_rows) + t4_identities())


# --- printed headers -------------------------------------------------------
# The words a report's table header prints for a column (common variants included), so that a
# header printing the columns in another order, or without one of them, can be read by name.
# "" marks words that name no column (the header's caption).

T3_APPLICANT_GROUP = "legal_persons"  # 法人或其他组织: the heading over the five organisation columns
T3_GROUP_SUBTOTAL = "legal_persons_subtotal"  # 小计: a column some tables add, the five organisations' sum
# Columns some tables add after the form's to compare: the year before's total (2023年总计, 上年合计) and the change.
T3_EARLIER_TOTAL, T3_CHANGE = "earlier_total", "change"
T3_EARLIER = "earlier"  # 上年 beside 本年 under a form's column: the year before's value of that column
T3_SHARE = "share"  # 占比(%): each row's share of the year's requests, a column some tables add after 总计
# read by name, not the form's
T3_ADDED_COLUMNS = frozenset({T3_GROUP_SUBTOTAL, T3_EARLIER_TOTAL, T3_EARLIER, T3_CHANGE, T3_SHARE})
# A column the form does not have that a header names in words of its own (个体工商户, 本市户籍 under 自然人, 科研机构和
# 社会公益组织 merging two): its place held, numbered (unlisted1, unlisted2 …), its values no form cell's.
T3_UNLISTED = "unlisted"
T3_PART_OF = ":"  # unlisted1:natural_person: a part of the form's column printed in parts (本地 | 外地 under 自然人)
T3_HEADER_WORDS = (
    ("自然人", "natural_person"), ("商业企业", "commercial_enterprise"), ("科研机构", "research_institution"),
    ("社会公益组织", "social_welfare_org"), ("法律服务机构", "legal_service_org"),
    ("其他", "other_org"), ("其它", "other_org"), ("其他组织", "other_org"), ("其它组织", "other_org"),
    ("总计", "total"), ("合计", "total"), ("小计", T3_GROUP_SUBTOTAL),
    # (the header's Chinese only is read: 2023年总计 as 年总计)
    *((word, T3_EARLIER_TOTAL) for word in ("上年度总计", "上年度合计", "上年总计", "上年合计", "年度总计", "年度合计",
                                            "年总计", "年合计")),
    *((word, T3_CHANGE) for word in ("同比增减", "比上年增减", "较上年增减", "增减", "同比")),
    *((word, T3_SHARE) for word in ("所占比例", "占比", "比例", "比重", "百分比")),
    ("法人或其他组织", T3_APPLICANT_GROUP), ("法人或其它组织", T3_APPLICANT_GROUP),
    ("法人及其他组织", T3_APPLICANT_GROUP), ("法人和其他组织", T3_APPLICANT_GROUP),
    ("申请人情况", ""), ("申请人类型", ""), ("申请人", ""),
    # as local forms shorten them (企业, 公益组织), and the corner cell over the rows' labels (项目; 本年度情况, 数量
    # with a column heading in one cell split by a diagonal line, on the line of the columns' names)
    ("企业", "commercial_enterprise"), ("公益组织", "social_welfare_org"), ("项目", ""), ("本年度情况", ""), ("数量", ""),
    ("商业", "commercial_enterprise"), ("科研", "research_institution"), ("公益", "social_welfare_org"),
    ("法律服务", "legal_service_org"), ("法律", "legal_service_org"),
    # and older or local names (公民 for 自然人, 科研院所, 社会组织, 律师事务所)
    ("公民", "natural_person"), ("科研院所", "research_institution"), ("社会组织", "social_welfare_org"),
    ("律师事务所", "legal_service_org"),
)
T4_HEADER_WORDS = (
    ("结果维持", "upheld"), ("维持", "upheld"), ("结果纠正", "corrected"), ("纠正", "corrected"),
    ("其他结果", "other"), ("其它结果", "other"), ("其他", "other"), ("其它", "other"),
    ("尚未审结", "pending"), ("未审结", "pending"), ("未结", "pending"), ("总计", "total"), ("合计", "total"),
    ("行政复议", "admin_review"), ("未经复议直接起诉", "litigation_direct"), ("直接起诉", "litigation_direct"),
    ("复议后起诉", "litigation_after_review"), ("项目", ""),
    ("行政诉讼", "litigation"),
    *((word, "litigation_subtotal") for word in ("行政诉讼小计", "行政诉讼合计", "诉讼小计", "诉讼合计", "小计")),
)
T4_LITIGATION = "litigation"  # 行政诉讼: the heading over the two litigation groups
T4_LITIGATION_SUBTOTAL = "litigation_subtotal"  # 行政诉讼小计: a group some tables add, the two groups' sums
