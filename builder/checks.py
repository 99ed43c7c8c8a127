"""Consistency checks (勾稽关系 and more): a catalogue of rules, each a small unit.

Every rule has an id, a severity, titles and a formula in words, and an
evaluator registered beside it. A rule is evaluated per instance (column, row,
group, stated figure), so a failure names its cells, both sides and the
difference. Missing, blank or ambiguous cells make an instance
``not_applicable``; they are never read as 0.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from . import forms
from .forms import GOV_2019, GOV_2021, PRE_2019, Identity
from .metadata import INSTITUTION, locate_region

PASS, FAIL, NA = "pass", "fail", "not_applicable"
OUTCOMES = (PASS, FAIL, NA)
SEVERITIES = ("error", "warning", "info")
BADGES = ("一致", "不一致", "存疑", "无表格")
USABLE = frozenset({"reported", "none", "repaired", "inferred"})


@dataclass
class Result:
    """One evaluated instance of a rule."""

    id: str
    severity: str
    outcome: str
    instance: str = ""
    cells: list[str] = field(default_factory=list)
    left: float | int | None = None
    right: float | int | None = None
    detail: str = ""
    summary_zh: str = ""

    def as_json(self) -> dict:
        return {
            "id": self.id, "instance": self.instance, "severity": self.severity, "outcome": self.outcome,
            "cells": self.cells, "left": self.left, "right": self.right, "detail": self.detail,
        }


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    title_zh: str
    title_en: str
    formula_zh: str
    formula_en: str
    templates: tuple[str, ...]
    scope: str  # "report" or "corpus" (needs the same agency's other years)
    evaluate: Callable[..., list[Result]]

    def as_json(self) -> dict:
        return {
            "id": self.id, "severity": self.severity, "title_zh": self.title_zh, "title_en": self.title_en,
            "formula_zh": self.formula_zh, "formula_en": self.formula_en, "templates": list(self.templates),
            "scope": self.scope,
        }


# --- helpers -------------------------------------------------------------------


def _num(value: float | int | None) -> str:
    if value is None:
        return "—"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _usable(report, cell: str) -> bool:
    c = report.cells.get(cell)
    return c is not None and c.status in USABLE and c.value is not None


def _why_not(report, cells: Iterable[str]) -> str:
    bad = [(c, report.cells[c].status if c in report.cells else "missing") for c in cells if not _usable(report, c)]
    shown = ", ".join(f"{c} is {s}" for c, s in bad[:3])
    return shown + (f" and {len(bad) - 3} more" if len(bad) > 3 else "")


def _label(cell: str) -> str:
    """A cell's place in the form, in Chinese, for summaries."""
    c = forms.all_cells().get(cell)
    if c is None:
        return cell
    return f"{c.row_label_zh}·{c.column_label_zh}"


_ROW_ZH = {r.id: r.label_zh for r in forms.T3_ROWS_2021 + forms.T3_ROWS_2019}
_COL_ZH = {c.id: c.label_zh for c in forms.T3_COLUMNS}
_GROUP_ZH = {g.id: g.label_zh for g in forms.T4_GROUPS}


def _identity_summary(identity: Identity, left, right) -> str:
    if identity.check == "t4.group_sums":
        return f"表四“{_GROUP_ZH[identity.instance]}”总计为 {_num(right)}，分项之和为 {_num(left)}"
    if identity.check == "t3.total_cols":
        return f"表三“{_ROW_ZH[identity.instance]}”一行总计为 {_num(right)}，各类申请人之和为 {_num(left)}"
    if identity.check == "t3.total_rows":
        return f"表三“{_COL_ZH[identity.instance]}”一列（七）总计为 {_num(right)}，各项办理结果之和为 {_num(left)}"
    return (f"表三“{_COL_ZH[identity.instance]}”一列新收加上年结转为 {_num(left)}，"
            f"办理总计加结转下年度为 {_num(right)}")


def evaluate_identity(report, identity: Identity, severity: str = "error") -> Result:
    """Both sides of one sum, or not_applicable naming the unusable cells."""
    cells = list(identity.cells)
    if not all(_usable(report, c) for c in cells):
        return Result(identity.check, severity, NA, identity.instance, cells,
                      detail=f"{identity.check}.{identity.instance}: {_why_not(report, cells)}")
    parts = [report.cells[c].value for c in identity.parts]
    whole = [report.cells[c].value for c in identity.whole]
    left, right = sum(parts), sum(whole)
    ok = abs(left - right) < 1e-9
    inferred = [c for c in cells if report.cells[c].status == "inferred"]
    word = "总计" if len(whole) == 1 else "总计+结转下年度"
    detail = (f"{identity.check}.{identity.instance}: {'+'.join(map(_num, parts))} = {_num(left)} "
              f"{'=' if ok else '≠'} {_num(right)} ({word}: {'+'.join(map(_num, whole))})")
    if not ok:
        detail += f"; difference {_num(left - right)}"
    if inferred:
        detail += f"; inferred: {', '.join(inferred)}"
    return Result(identity.check, severity, PASS if ok else FAIL, identity.instance, cells, left, right, detail,
                  "" if ok else _identity_summary(identity, left, right))


def _identity_rule(check: str):
    def evaluate(report, context=None) -> list[Result]:
        return [evaluate_identity(report, i) for i in forms.identities(report.template) if i.check == check]

    return evaluate


# --- table 2 ---------------------------------------------------------------------


def _t2_nonnegative(report, context=None) -> list[Result]:
    form = forms.FORMS[report.template]
    out = []
    for item in form.t2:
        cells = [forms.t2_cell(item.id, m.id) for m in item.measures if m.id != "change"]
        usable = [c for c in cells if _usable(report, c)]
        if not usable:
            out.append(Result("t2.nonnegative", "error", NA, item.id, cells,
                              detail=f"t2.nonnegative.{item.id}: {_why_not(report, cells)}"))
            continue
        negative = [c for c in usable if report.cells[c].value < 0]
        if negative:
            first = negative[0]
            listed = ", ".join(f"{c} = {_num(report.cells[c].value)}" for c in negative)
            out.append(Result("t2.nonnegative", "error", FAIL, item.id, negative, report.cells[first].value, 0,
                              f"t2.nonnegative.{item.id}: {listed} < 0",
                              f"表二“{_label(first)}”为负数 {_num(report.cells[first].value)}"))
        else:
            out.append(Result("t2.nonnegative", "error", PASS, item.id, usable,
                              detail=f"t2.nonnegative.{item.id}: {len(usable)} counts ≥ 0"))
    return out


# --- across years ------------------------------------------------------------------


def _previous(report, context):
    if not context:
        return None
    return context.get((report.agency.agency_id, report.year - 1))


def _cy_carry(report, context=None) -> list[Result]:
    cells = [forms.t3_cell("carried_over", c.id) for c in forms.T3_COLUMNS]
    prev = _previous(report, context)
    if prev is None or prev.template == PRE_2019:
        return [Result("cy.carry", "warning", NA, "", cells,
                       detail=f"cy.carry: no {report.year - 1} report of {report.agency.agency_id} with table 3")]
    out = []
    for col in forms.T3_COLUMNS:
        now, before = forms.t3_cell("carried_over", col.id), forms.t3_cell("carried_forward", col.id)
        if not _usable(report, now) or not _usable(prev, before):
            why = "; ".join(filter(None, [_why_not(report, [now]), _why_not(prev, [before]) and
                                          f"in {prev.report_id}: {_why_not(prev, [before])}"]))
            out.append(Result("cy.carry", "warning", NA, col.id, [now, f"{prev.report_id}:{before}"],
                              detail=f"cy.carry.{col.id}: {why}"))
            continue
        a, b = report.cells[now].value, prev.cells[before].value
        ok = a == b
        out.append(Result(
            "cy.carry", "warning", PASS if ok else FAIL, col.id, [now, f"{prev.report_id}:{before}"], a, b,
            f"cy.carry.{col.id}: 上年结转 {_num(a)} {'=' if ok else '≠'} {_num(b)} "
            f"(结转下年度 in {prev.report_id})" + ("" if ok else f"; difference {_num(a - b)}"),
            "" if ok else f"表三“{col.label_zh}”上年结转为 {_num(a)}，{report.year - 1} 年报告结转下年度为 {_num(b)}"))
    return out


def _in_force_flow(report, context=None) -> list[Result]:
    prev = _previous(report, context)
    items = ("rules", "normative_docs")
    if prev is None or prev.template != GOV_2021:
        return [Result("t2.in_force_flow", "warning", NA, "", [],
                       detail=f"t2.in_force_flow: no {report.year - 1} report of {report.agency.agency_id} "
                              "on the 2021 form")]
    out = []
    for item in items:
        now = [forms.t2_cell(item, m) for m in ("in_force", "issued", "repealed")]
        before = forms.t2_cell(item, "in_force")
        if not all(_usable(report, c) for c in now) or not _usable(prev, before):
            why = "; ".join(filter(None, [_why_not(report, now), _why_not(prev, [before]) and
                                          f"in {prev.report_id}: {_why_not(prev, [before])}"]))
            out.append(Result("t2.in_force_flow", "warning", NA, item, [*now, f"{prev.report_id}:{before}"],
                              detail=f"t2.in_force_flow.{item}: {why}"))
            continue
        in_force, issued, repealed = (report.cells[c].value for c in now)
        last = prev.cells[before].value
        expected = last + issued - repealed
        ok = in_force == expected
        label = "规章" if item == "rules" else "规范性文件"
        out.append(Result(
            "t2.in_force_flow", "warning", PASS if ok else FAIL, item, [*now, f"{prev.report_id}:{before}"],
            in_force, expected,
            f"t2.in_force_flow.{item}: 现行有效 {_num(in_force)} {'=' if ok else '≠'} "
            f"{_num(last)} + {_num(issued)} − {_num(repealed)} = {_num(expected)}"
            + ("" if ok else f"; difference {_num(in_force - expected)}"),
            "" if ok else f"表二“{label}”现行有效 {_num(in_force)} 件，按上年 {_num(last)} 件加制发减废止应为 "
                          f"{_num(expected)} 件"))
    return out


# --- prose -----------------------------------------------------------------------------

_APPLICATION_KEYS = ("applications_received", "applications_handled", "applications_answered")


def _total(report, row: str) -> float | None:
    cell = forms.t3_cell(row, "total")
    return report.cells[cell].value if _usable(report, cell) else None


def _agrees(stated, options: list[float], approx: bool) -> bool:
    if approx:
        return any(o >= stated and o <= stated * 1.5 + 5 for o in options)
    return any(abs(o - stated) < 1e-9 for o in options)


def _narr_applications(report, context=None) -> list[Result]:
    new, carried, total, forward = (_total(report, r) for r in forms.T3_TERMS)
    options: dict[str, list[tuple[str, float]]] = {}
    if new is not None:
        applications = [("本年新收", new), ("办理总计", total)]
        if carried is not None:
            applications.append(("新收+上年结转", new + carried))
        if total is not None and forward is not None:
            applications.append(("总计+结转下年度", total + forward))
        applications = [(w, v) for w, v in applications if v is not None]
        for key in _APPLICATION_KEYS:
            options[key] = applications
    if carried is not None:
        options["applications_carried_over"] = [("上年结转", carried)]
    if forward is not None:
        options["applications_carried_forward"] = [("结转下年度", forward)]
    figures = [f for f in report.narrative if f.headline and (
        f.key in options or f.key in _APPLICATION_KEYS
        or f.key in ("applications_carried_over", "applications_carried_forward"))]
    if not figures:
        return [Result("narr.applications", "warning", NA, "", [], detail="narr.applications: no count of "
                       "applications stated in the prose")]
    out = []
    for index, figure in enumerate(figures, 1):
        choices = options.get(figure.key)
        instance = f"{figure.key}#{index}"
        if not choices:
            out.append(Result("narr.applications", "warning", NA, instance, [],
                              detail=f"narr.applications: table 3 totals not usable for {figure.key}"))
            continue
        ok = _agrees(figure.value, [v for _, v in choices], figure.approx)
        table = "; ".join(f"{w} {_num(v)}" for w, v in choices)
        cells = [forms.t3_cell(r, "total") for r in forms.T3_TERMS]
        out.append(Result(
            "narr.applications", "warning", PASS if ok else FAIL, instance, cells, figure.value,
            next((v for _, v in choices), None),
            f"narr.applications: prose {_num(figure.value)}{'+' if figure.approx else ''} "
            f"{'matches' if ok else 'matches none of'} table 3 ({table}) — “{figure.text}”",
            "" if ok else f"正文称申请 {_num(figure.value)} 件，表三" + "、".join(
                f"{w} {_num(v)} 件" for w, v in zip(("本年新收", "上年结转", "办理总计"), (new, carried, total))
                if v is not None)))
    return out


def _narr_review_litigation(report, context=None) -> list[Result]:
    def t4(group: str) -> float | None:
        cell = forms.t4_cell(group, "total")
        return report.cells[cell].value if _usable(report, cell) else None

    review = t4("admin_review")
    direct, after = t4("litigation_direct"), t4("litigation_after_review")
    table = {
        "admin_review_cases": (review, [forms.t4_cell("admin_review", "total")], "行政复议"),
        "litigation_cases": (None if direct is None or after is None else direct + after,
                             [forms.t4_cell("litigation_direct", "total"),
                              forms.t4_cell("litigation_after_review", "total")], "行政诉讼"),
    }
    figures = [f for f in report.narrative if f.headline and f.key in table]
    if not figures:
        return [Result("narr.review_litigation", "warning", NA, "", [],
                       detail="narr.review_litigation: no 行政复议/行政诉讼 count stated in the prose")]
    out = []
    for index, figure in enumerate(figures, 1):
        value, cells, word = table[figure.key]
        instance = f"{figure.key}#{index}"
        if value is None:
            out.append(Result("narr.review_litigation", "warning", NA, instance, cells,
                              detail=f"narr.review_litigation: table 4 totals not usable for {figure.key}"))
            continue
        ok = _agrees(figure.value, [value], figure.approx)
        out.append(Result(
            "narr.review_litigation", "warning", PASS if ok else FAIL, instance, cells, figure.value, value,
            f"narr.review_litigation: prose {word} {_num(figure.value)} {'=' if ok else '≠'} table 4 "
            f"{_num(value)} — “{figure.text}”",
            "" if ok else f"正文称{word} {_num(figure.value)} 件，表四总计为 {_num(value)} 件"))
    return out


# --- metadata ----------------------------------------------------------------------------

_FUTURE = re.compile(r"将|计划|拟|下一步|明年|今后")
_REPORTING = re.compile(
    r"((?:19|20)\d{2})\s*年(?:全年|度|以来)?\s*[,，]?[^。；;]{0,60}?"
    r"(?:收到|受理|主动公开|公开|发布|办理|答复)[^。；;]{0,40}?\d+\s*(?:余|多)?\s*(?:件|条)")
_PERIOD_YEAR = re.compile(r"(?:统计期限|统计数据|统计时限)[^。]{0,8}?(?:从|自|为)?\s*((?:19|20)\d{2})\s*年")


def _meta_year(report, context=None) -> list[Result]:
    sentences = report.document.sentences
    evidence: list[tuple[int, str]] = []
    for sentence in sentences:
        for m in _PERIOD_YEAR.finditer(sentence):
            evidence.append((int(m.group(1)), sentence.strip()))
        if _FUTURE.search(sentence):
            continue
        for m in _REPORTING.finditer(sentence):
            year = int(m.group(1))
            # A comparison with another year ("较2021年") is not what the body reports on.
            if not re.search(r"(?:较|比|同比|相比|与)\s*$", sentence[: m.start(1)]):
                evidence.append((year, sentence.strip()))
    if not evidence:
        return [Result("meta.year", "warning", NA, "", [], detail="meta.year: the body states no dated figures")]
    wrong = [(y, s) for y, s in evidence if y != report.year]
    if wrong:
        year, sentence = wrong[0]
        return [Result("meta.year", "warning", FAIL, "", [], report.year, year,
                       f"meta.year: the report is titled {report.year} but the body reports on {year}: “{sentence}”",
                       f"标题年份为 {report.year} 年，正文却报告 {year} 年的情况")]
    return [Result("meta.year", "warning", PASS, "", [], report.year, report.year,
                   f"meta.year: {len(evidence)} dated statements in the body, all {report.year}")]


def _expected_template(year: int) -> str:
    return GOV_2021 if year >= 2021 else GOV_2019 if year >= 2019 else PRE_2019


def _meta_template_year(report, context=None) -> list[Result]:
    if report.template_source == "year":
        return [Result("meta.template_year", "warning", NA, "", [], detail=(
            "meta.template_year: the form's own labels do not tell the form apart; it was taken from the year"))]
    expected = _expected_template(report.year)
    ok = report.template == expected
    return [Result("meta.template_year", "warning", PASS if ok else FAIL, "", [], report.template, expected,
                   f"meta.template_year: a {report.year} report on the {report.template} form"
                   + ("" if ok else f" (expected {expected})"),
                   "" if ok else f"{report.year} 年度报告使用了 {report.template} 表格（应为 {expected}）")]


_SELF = re.compile(
    r"(?:^|[。；;])\s*(?:[(（]?[一二三四五六七八九十\d]{1,2}[)）、.]\s*)?[^。；;]{0,12}?(?:19|20)\d{2}\s*年"
    r"(?:以来|度|全年)?\s*[,，]\s*(?P<x>[\u4e00-\u9fff]{2,20}?)"
    r"(?=暂未|暂无|未收到|共|累计|全年|不断|严格|认真|深入|高度|坚持|始终|紧紧|积极|进一步|全面|扎实|持续)")
_GENERIC = re.compile(r"^(?:我|本|全|各|该|市|县|区|乡|镇|省|政府|办公室|单位|机关|部门)")
_TOWNSHIP = re.compile(r"(?:乡|镇|街道|街道办事处)(?:人民政府)?$")


def _foreign_name(mention: str, report) -> bool:
    """Whether a self-referring mention names another agency than the report's:
    a township, or a place outside the agency's own province, city and county."""
    agency = report.agency
    own = [n for n in (agency.name, agency.name_normalized) if n]
    if _GENERIC.match(mention) or any(mention in n or n in mention for n in own):
        return False
    core = INSTITUTION.sub("", mention)
    if core and any(core in n for n in own):
        return False
    if _TOWNSHIP.search(mention):
        return True
    _, city, county, _ = locate_region(core or mention)
    named = county or city
    return named is not None and named not in {agency.province, agency.city, agency.county}


def _meta_agency(report, context=None) -> list[Result]:
    if not report.agency.name:
        return [Result("meta.agency", "warning", NA, "", [], detail="meta.agency: agency unknown")]
    mentions: list[tuple[str, str]] = []
    for sentence in report.document.sentences:
        for m in _SELF.finditer(sentence):
            mentions.append((m.group("x"), sentence.strip()))
    if not mentions:
        return [Result("meta.agency", "warning", NA, "", [],
                       detail="meta.agency: the body never names itself at the start of a dated sentence")]
    foreign = [(x, s) for x, s in mentions if _foreign_name(x, report)]
    if foreign:
        name, sentence = foreign[0]
        return [Result("meta.agency", "warning", FAIL, "", [], None, None,
                       f"meta.agency: the report of {report.agency.name} speaks of itself as “{name}”: “{sentence}”",
                       f"正文以“{name}”自称，与报告机关“{report.agency.name}”不符，疑为照抄其他机关的报告")]
    return [Result("meta.agency", "warning", PASS, "", [], None, None,
                   f"meta.agency: {len(mentions)} self-references, all to {report.agency.name}")]


def _completeness(report, context=None) -> list[Result]:
    ids = [c.id for c in forms.cells(report.template)]
    if not ids:
        return [Result("completeness", "info", NA, "", [], detail="completeness: the report has no form")]
    found = [c for c in ids if report.cells[c].status != "missing"]
    share = len(found) / len(ids)
    return [Result("completeness", "info", PASS if len(found) == len(ids) else FAIL, "", [], len(found), len(ids),
                   f"completeness: {len(found)} of {len(ids)} template cells found ({share:.0%})")]


# --- the catalogue ------------------------------------------------------------------------

TEMPLATED = (GOV_2021, GOV_2019)
ALL = (GOV_2021, GOV_2019, PRE_2019)

RULES: tuple[Rule, ...] = (
    Rule("t3.balance", "error", "申请数量收支平衡", "Requests balance",
         "每一列：本年新收 + 上年结转 = 办理结果总计 + 结转下年度继续办理（表上印明的勾稽关系）",
         "for each column: new_received + carried_over = total + carried_forward (the identity printed on the form)",
         TEMPLATED, "report", _identity_rule("t3.balance")),
    Rule("t3.total_rows", "error", "办理结果合计", "Results add up to the total",
         "每一列：（七）总计 = 予以公开 + 部分公开 + 不予公开各项 + 无法提供各项 + 不予处理各项 + 其他处理（各项）",
         "for each column: total = granted + partially_granted + Σdenied + Σunable + Σnot_processed + other",
         TEMPLATED, "report", _identity_rule("t3.total_rows")),
    Rule("t3.total_cols", "error", "申请人类别合计", "Applicant types add up to the total",
         "每一行：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他",
         "for each row: total = sum of the six applicant columns", TEMPLATED, "report",
         _identity_rule("t3.total_cols")),
    Rule("t4.group_sums", "error", "复议诉讼分项合计", "Review and litigation outcomes add up",
         "每一组（行政复议、未经复议直接起诉、复议后起诉）：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
         "for each group: total = upheld + corrected + other + pending", TEMPLATED, "report",
         _identity_rule("t4.group_sums")),
    Rule("t2.nonnegative", "error", "主动公开数量非负", "Counts are not negative",
         "表二各项数量不小于 0（2019 年表格的“本年增/减”可以为负）",
         "counts are ≥ 0 (a change cell in 2019 forms may be negative)", TEMPLATED, "report", _t2_nonnegative),
    Rule("t2.in_force_flow", "warning", "现行有效件数衔接", "Documents in force carry over",
         "同一机关相邻年度：本年现行有效 = 上年现行有效 + 本年制发 − 本年废止",
         "same agency, consecutive years: in_force(y) = in_force(y−1) + issued(y) − repealed(y)",
         (GOV_2021,), "corpus", _in_force_flow),
    Rule("cy.carry", "warning", "上年结转衔接", "Carry-over matches last year",
         "同一机关相邻年度：本年“上年结转” = 上年报告“结转下年度继续办理”",
         "same agency, consecutive years: carried_over(y) = carried_forward(y−1)", TEMPLATED, "corpus", _cy_carry),
    Rule("narr.applications", "warning", "正文申请数与表三一致", "Prose request count matches table 3",
         "正文所述申请件数等于表三本年新收（或新收 + 上年结转、办理总计、总计 + 结转下年度）",
         "a count of applications in the prose equals new_received, new_received + carried_over, total, "
         "or total + carried_forward of table 3", TEMPLATED, "report", _narr_applications),
    Rule("narr.review_litigation", "warning", "正文复议诉讼数与表四一致", "Prose review/litigation counts match table 4",
         "正文所述行政复议、行政诉讼件数等于表四相应总计",
         "counts of 行政复议/行政诉讼 in the prose equal the table-4 totals", TEMPLATED, "report",
         _narr_review_litigation),
    Rule("meta.year", "warning", "报告年份一致", "Report year is consistent",
         "标题年份与统计期限及正文所报告的年份一致",
         "the year in the title agrees with the statistical period and the years the body reports on",
         ALL, "report", _meta_year),
    Rule("meta.template_year", "warning", "表格版本与年份相符", "Form fits the year",
         "2021 年起使用 2021 年版表格，2019–2020 年使用 2019 年版，此前无统一表格",
         "gov-2021 from 2021, gov-2019 for 2019–2020, pre-2019 before", ALL, "report", _meta_template_year),
    Rule("meta.agency", "warning", "机关名称一致", "The report speaks of its own agency",
         "正文不以其他机关的名称自称（照抄其他机关报告的迹象）",
         "the body does not speak of itself under another agency's name (text copied from another report)",
         ALL, "report", _meta_agency),
    Rule("completeness", "info", "单元格完整度", "Completeness",
         "找到的表格单元格占该版本表格全部单元格的比例", "share of the template's cells that were found",
         TEMPLATED, "report", _completeness),
)
RULE_INDEX = {r.id: r for r in RULES}


def outcome_of(results: list[Result]) -> str:
    """A rule's outcome for a report: fail if any instance fails, pass if any
    passes, otherwise not applicable."""
    outcomes = {r.outcome for r in results}
    return FAIL if FAIL in outcomes else PASS if PASS in outcomes else NA


FOLD_ABOVE = 3  # instances of one rule beyond which passing and not-applicable ones are folded


def published(results: list[Result]) -> list[Result]:
    """The evidence published per report: every failing instance in full, and
    a rule's other instances folded into one summary row when there are more
    than three (a table check has up to 27 identical-looking passes)."""
    by_rule: dict[str, list[Result]] = {}
    for r in results:
        by_rule.setdefault(r.id, []).append(r)
    out: list[Result] = []
    for rule_id, items in by_rule.items():
        if len(items) <= FOLD_ABOVE:
            out.extend(items)
            continue
        failing = [r for r in items if r.outcome == FAIL]
        counted = {o: sum(1 for r in items if r.outcome == o) for o in OUTCOMES}
        first_na = next((r.detail for r in items if r.outcome == NA), "")
        detail = (f"{rule_id}: {counted[PASS]} pass, {counted[FAIL]} fail, {counted[NA]} not applicable"
                  + (f"; {first_na}" if first_na else ""))
        out.extend(failing)
        out.append(Result(rule_id, items[0].severity, outcome_of(items), "*", detail=detail))
    return out


def outcomes(report) -> dict[str, str]:
    by_rule: dict[str, list[Result]] = {}
    for r in report.checks:
        by_rule.setdefault(r.id, []).append(r)
    return {rule.id: outcome_of(by_rule.get(rule.id, [])) for rule in RULES}


def _more(failures: list[Result]) -> str:
    return f"（另有 {len(failures) - 1} 处）" if len(failures) > 1 else ""


def badge(report) -> tuple[str, str]:
    """The badge and a one-sentence summary naming the most important failure."""
    if report.template == PRE_2019:
        return "无表格", "无表格：2019 年以前的报告没有统一表格，只有正文中的数字"
    failed = [r for r in report.checks if r.outcome == FAIL]
    errors_ = [r for r in failed if r.severity == "error"]
    warnings_ = [r for r in failed if r.severity == "warning"]
    if errors_:
        return "不一致", f"不一致：{errors_[0].summary_zh}{_more(errors_)}"
    passed_errors = [r for r in report.checks if r.severity == "error" and r.outcome == PASS]
    if warnings_:
        return "存疑", f"存疑：{warnings_[0].summary_zh}{_more(warnings_)}"
    if not passed_errors:
        return "存疑", "存疑：表格数据无法读出，勾稽关系无从核对"
    return "一致", "一致：表格各项勾稽关系均成立"


def run_rules(report, context: dict | None, scopes: tuple[str, ...]) -> list[Result]:
    out: list[Result] = []
    for rule in RULES:
        if report.template not in rule.templates:
            continue
        if rule.scope == "corpus" and "corpus" not in scopes:
            out.append(Result(rule.id, rule.severity, NA, "", [],
                              detail=f"{rule.id}: needs the same agency's other years (run `check` on the corpus)"))
            continue
        if rule.scope in scopes:
            out.extend(rule.evaluate(report, context))
    return out


def check_report(report) -> None:
    """Single-report checks: sets ``report.checks``, ``badge`` and ``summary``."""
    report.checks = run_rules(report, None, ("report",))
    report.badge, report.summary = badge(report)


def check_corpus(reports: list) -> None:
    """All checks, cross-year ones included, for every report of a corpus."""
    context = {(r.agency.agency_id, r.year): r for r in reports}
    for report in reports:
        report.checks = run_rules(report, context, ("report", "corpus"))
        report.badge, report.summary = badge(report)
