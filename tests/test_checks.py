"""The consistency checks, rule by rule: pass, fail and not_applicable, with exact details.

Most reports here are made straight from cell values (``checkhelpers.make_report``);
a few go through text rendering and extraction, so that the two paths agree.
Property-based tests draw consistent tables 3 and 4 and change or blank one cell.
"""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builder import forms, synthetic
from builder.checks import (
    FAIL,
    NA,
    PASS,
    RULE_INDEX,
    RULES,
    check_corpus,
    check_report,
    outcome_of,
    outcomes,
    published,
)
from builder.extraction.extract import extract_bytes
from builder.extraction.metadata import Agency
from builder.extraction.tables import CellValue
from builder.forms import GOV_2019, GOV_2021, PRE_2019

from .checkhelpers import AGENCY, AGENCY_ID, OTHER_AGENCY, cell, make_report, prose_lines, small_values

TEMPLATED = (GOV_2021, GOV_2019)
YEAR = {GOV_2021: 2022, GOV_2019: 2020}
ERROR_RULES = [r.id for r in RULES if r.severity == "error"]
# The cells the sums of tables 3 and 4 are made of.
T3T4 = {t: [c for c in forms.cells(t) if c.table in ("t3", "t4")] for t in TEMPLATED}


def checked(values: dict, template: str = GOV_2021, year: int | None = None, **kwargs):
    report = make_report(values, template, year or YEAR[template], **kwargs)
    check_report(report)
    return report


def by_instance(report, rule: str) -> dict:
    out = {r.instance: r for r in report.checks if r.id == rule}
    assert len(out) == len([r for r in report.checks if r.id == rule]), f"{rule}: instances not unique"
    return out


def failing(report) -> set[tuple[str, str]]:
    """Failing error and warning instances (completeness, info only, is asserted on its own)."""
    return {(r.id, r.instance) for r in report.checks if r.outcome == FAIL and r.severity != "info"}


def t3(row: str, col: str) -> str:
    return forms.t3_cell(row, col)


def t4(group: str, col: str) -> str:
    return forms.t4_cell(group, col)


# --- t3.balance -------------------------------------------------------------------------


@pytest.mark.parametrize("template", TEMPLATED)
def test_balance_passes_for_every_column(template):
    report = checked(small_values(template), template)
    results = by_instance(report, "t3.balance")
    assert list(results) == [c.id for c in forms.T3_COLUMNS]
    assert {r.outcome for r in results.values()} == {PASS}
    person = results["natural_person"]
    assert person.detail_en == "t3.balance.natural_person: 6+2 = 8 = 8 (总计+结转下年度: 6+2)"
    assert (person.left, person.right, person.summary_zh) == (8, 8, "")
    assert person.cells == [t3("new_received", "natural_person"), t3("carried_over", "natural_person"),
                            t3("total", "natural_person"), t3("carried_forward", "natural_person")]


def test_balance_fails_naming_cells_sides_and_difference():
    values = small_values()
    values[t3("carried_forward", "natural_person")] = 3  # rows still add up across: 3 + 0 = 3
    values[t3("carried_forward", "total")] = 3
    report = checked(values)
    assert failing(report) == {("t3.balance", "natural_person"), ("t3.balance", "total")}
    person = by_instance(report, "t3.balance")["natural_person"]
    assert person.severity == "error"
    assert person.cells == [t3("new_received", "natural_person"), t3("carried_over", "natural_person"),
                            t3("total", "natural_person"), t3("carried_forward", "natural_person")]
    assert (person.left, person.right) == (8, 9)
    assert person.detail_en == "t3.balance.natural_person: 6+2 = 8 ≠ 9 (总计+结转下年度: 6+3); difference -1"
    assert person.summary_zh == "表三“自然人”一列新收加上年结转为 8，办理总计加结转下年度为 9"
    assert by_instance(report, "t3.balance")["total"].detail_en == \
        "t3.balance.total: 9+2 = 11 ≠ 12 (总计+结转下年度: 9+3); difference -1"
    assert report.badge == "不一致"
    assert report.summary == "不一致：表三“自然人”一列新收加上年结转为 8，办理总计加结转下年度为 9（另有 1 处）"


@pytest.mark.parametrize("status", ["blank", "missing", "ambiguous"])
def test_balance_unusable_cell_is_not_applicable_never_zero(status):
    values = small_values()
    # Read as 0, the first would fail (6+2 ≠ 6+0) and the second pass (3+0 = 3+0): both must be NA.
    values[t3("carried_forward", "natural_person")] = cell(None, status, raw="2 0" if status == "ambiguous" else "")
    values[t3("carried_forward", "legal_service_org")] = cell(None, status)
    report = checked(values)
    results = by_instance(report, "t3.balance")
    for col in ("natural_person", "legal_service_org"):
        assert results[col].outcome == NA
        assert results[col].left is None and results[col].right is None
        assert results[col].detail_en == f"t3.balance.{col}: {t3('carried_forward', col)} is {status}"
    assert {r.outcome for c, r in results.items() if c not in ("natural_person", "legal_service_org")} == {PASS}
    assert by_instance(report, "t3.total_cols")["carried_forward"].outcome == NA
    assert failing(report) == set()
    assert outcomes(report)["t3.balance"] == PASS  # some columns could be checked, and they hold


def test_balance_not_applicable_when_table_3_is_missing():
    values = {k: v for k, v in small_values().items() if not k.startswith("t3.")}
    report = checked(values)
    results = by_instance(report, "t3.balance")
    assert {r.outcome for r in results.values()} == {NA}
    assert results["total"].detail_en == ("t3.balance.total: t3.new_received.total is missing, t3.carried_over.total "
                                       "is missing, t3.total.total is missing and 1 more")
    assert outcomes(report)["t3.balance"] == NA


# --- t3.total_rows ----------------------------------------------------------------------


@pytest.mark.parametrize("template", TEMPLATED)
def test_total_rows_passes_for_every_column(template):
    report = checked(small_values(template), template)
    results = by_instance(report, "t3.total_rows")
    assert list(results) == [c.id for c in forms.T3_COLUMNS]
    assert {r.outcome for r in results.values()} == {PASS}
    # 2021: 21 result rows ((六) split in three); 2019: 19 ((六) one row).
    assert len(results["total"].cells) == (22 if template == GOV_2021 else 20)
    assert results["total"].cells[-1] == t3("total", "total")


def test_total_rows_fails_naming_cells_sides_and_difference():
    values = small_values()
    values[t3("granted", "natural_person")] = 5  # and the row total, so that the row still adds up
    values[t3("granted", "total")] = 6
    report = checked(values)
    assert failing(report) == {("t3.total_rows", "natural_person"), ("t3.total_rows", "total")}
    person = by_instance(report, "t3.total_rows")["natural_person"]
    assert person.detail_en == ("t3.total_rows.natural_person: 5+0+0+0+0+0+0+0+0+0+1+0+0+0+1+0+0+0+0+0+0 = 7 ≠ 6 "
                             "(总计: 6); difference 1")
    assert (person.left, person.right) == (7, 6)
    assert person.cells == [t3(r, "natural_person") for r in forms.FORMS[GOV_2021].t3_results] + \
        [t3("total", "natural_person")]
    assert person.summary_zh == "表三“自然人”一列（七）总计为 6，各项办理结果之和为 7"


def test_total_rows_2019_uses_the_single_other_row():
    values = small_values(GOV_2019)
    values[t3("other", "natural_person")] = 2
    values[t3("other", "total")] = 2
    report = checked(values, GOV_2019)
    assert failing(report) == {("t3.total_rows", "natural_person"), ("t3.total_rows", "total")}
    assert t3("other", "natural_person") in by_instance(report, "t3.total_rows")["natural_person"].cells
    assert by_instance(report, "t3.total_rows")["natural_person"].detail_en.endswith("= 8 ≠ 6 (总计: 6); difference 2")


def test_total_rows_unusable_result_cell_is_not_applicable():
    values = small_values()
    values[t3("denied.state_secret", "research_institution")] = cell(None, "blank")
    report = checked(values)
    rows, cols = by_instance(report, "t3.total_rows"), by_instance(report, "t3.total_cols")
    assert rows["research_institution"].outcome == NA
    assert rows["research_institution"].detail_en == \
        "t3.total_rows.research_institution: t3.denied.state_secret.research_institution is blank"
    assert cols["denied.state_secret"].outcome == NA
    assert [(r.id, r.instance) for r in report.checks if r.outcome == NA and r.id.startswith("t3.")] == [
        ("t3.total_rows", "research_institution"), ("t3.total_cols", "denied.state_secret")]
    assert failing(report) == set()


# --- t3.total_cols ----------------------------------------------------------------------


@pytest.mark.parametrize("template", TEMPLATED)
def test_total_cols_passes_for_every_row(template):
    report = checked(small_values(template), template)
    results = by_instance(report, "t3.total_cols")
    assert list(results) == [r.id for r in forms.FORMS[template].t3_rows]
    assert {r.outcome for r in results.values()} == {PASS}
    assert results["granted"].detail_en == "t3.total_cols.granted: 4+0+0+0+1+0 = 5 = 5 (总计: 5)"


def test_total_cols_fails_naming_cells_sides_and_difference():
    values = small_values()
    values[t3("granted", "natural_person")] = 5  # the column still adds up: 5 + 0 + 1 = 6
    values[t3("unable.not_held", "natural_person")] = 0
    report = checked(values)
    assert failing(report) == {("t3.total_cols", "granted"), ("t3.total_cols", "unable.not_held")}
    granted = by_instance(report, "t3.total_cols")["granted"]
    assert granted.cells == [t3("granted", c) for c in forms.T3_APPLICANTS] + [t3("granted", "total")]
    assert (granted.left, granted.right) == (6, 5)
    assert granted.detail_en == "t3.total_cols.granted: 5+0+0+0+1+0 = 6 ≠ 5 (总计: 5); difference 1"
    assert granted.summary_zh == "表三“（一）予以公开”一行总计为 5，各类申请人之和为 6"
    assert by_instance(report, "t3.total_cols")["unable.not_held"].detail_en == \
        "t3.total_cols.unable.not_held: 0+0+0+0+0+0 = 0 ≠ 1 (总计: 1); difference -1"


def test_total_cols_unusable_total_is_not_applicable():
    values = small_values()
    values[t3("granted", "total")] = cell(None, "ambiguous", raw="51")
    report = checked(values)
    assert by_instance(report, "t3.total_cols")["granted"].outcome == NA
    assert by_instance(report, "t3.total_cols")["granted"].detail_en == \
        "t3.total_cols.granted: t3.granted.total is ambiguous"
    assert by_instance(report, "t3.total_rows")["total"].outcome == NA
    assert failing(report) == set()


# --- t4.group_sums ----------------------------------------------------------------------


@pytest.mark.parametrize("template", TEMPLATED)
def test_group_sums_pass(template):
    report = checked(small_values(template), template)
    results = by_instance(report, "t4.group_sums")
    assert list(results) == ["admin_review", "litigation_direct", "litigation_after_review"]
    assert {r.outcome for r in results.values()} == {PASS}
    assert results["admin_review"].detail_en == "t4.group_sums.admin_review: 1+1+0+0 = 2 = 2 (总计: 2)"


def test_group_sums_fail_as_in_the_issue():
    values = small_values()
    values[t4("litigation_after_review", "upheld")] = 1
    values[t4("litigation_after_review", "pending")] = 1
    report = checked(values)
    assert failing(report) == {("t4.group_sums", "litigation_after_review")}
    result = by_instance(report, "t4.group_sums")["litigation_after_review"]
    assert result.cells == [t4("litigation_after_review", c.id) for c in forms.T4_COLUMNS]
    assert (result.left, result.right) == (2, 0)
    assert result.detail_en == "t4.group_sums.litigation_after_review: 1+0+0+1 = 2 ≠ 0 (总计: 0); difference 2"
    assert result.detail_zh == "复议后起诉：结果维持 1 + 结果纠正 0 + 其他结果 0 + 尚未审结 1 = 2，但报告所填总计为 0（相差 2）"
    assert report.summary == "不一致：表四“行政诉讼·复议后起诉”总计为 0，分项之和为 2"


def test_group_sums_not_applicable_when_table_4_is_missing_or_a_cell_blank():
    values = {k: v for k, v in small_values().items() if not k.startswith("t4.litigation")}
    values[t4("admin_review", "corrected")] = cell(None, "blank")
    report = checked(values)
    results = by_instance(report, "t4.group_sums")
    assert {r.outcome for r in results.values()} == {NA}
    assert results["admin_review"].detail_en == "t4.group_sums.admin_review: t4.admin_review.corrected is blank"
    assert results["admin_review"].detail_zh == "行政复议无法核对：表四 行政复议·结果纠正为空白"
    assert results["litigation_direct"].detail_zh == (
        "未经复议直接起诉无法核对：表四 行政诉讼·未经复议直接起诉·结果维持在报告中没有、"
        "表四 行政诉讼·未经复议直接起诉·结果纠正在报告中没有、表四 行政诉讼·未经复议直接起诉·其他结果在报告中没有"
        "（另有 2 格）")
    assert results["litigation_direct"].detail_en == (
        "t4.group_sums.litigation_direct: t4.litigation_direct.upheld is missing, t4.litigation_direct.corrected "
        "is missing, t4.litigation_direct.other is missing and 2 more")
    assert outcomes(report)["t4.group_sums"] == NA


# --- t2.nonnegative ---------------------------------------------------------------------


@pytest.mark.parametrize("template", TEMPLATED)
def test_nonnegative_passes_and_a_2019_change_may_be_negative(template):
    report = checked(small_values(template), template)
    results = by_instance(report, "t2.nonnegative")
    assert list(results) == [item.id for item in forms.FORMS[template].t2]
    assert {r.outcome for r in results.values()} == {PASS}
    if template == GOV_2019:
        assert results["licensing"].cells == ["t2.licensing.prev_items", "t2.licensing.decisions"]
        assert results["licensing"].detail_en == "t2.nonnegative.licensing: 2 counts ≥ 0"
    else:
        assert results["rules"].detail_en == "t2.nonnegative.rules: 3 counts ≥ 0"


@pytest.mark.parametrize(("template", "bad", "value", "summary"), [
    (GOV_2021, "t2.rules.repealed", -1, "表二“规章·本年废止件数”为负数 -1"),
    (GOV_2021, "t2.fees.amount_10k_cny", -0.5, "表二“行政事业性收费·本年收费金额（单位：万元）”为负数 -0.5"),
    (GOV_2019, "t2.licensing.prev_items", -12, "表二“行政许可·上一年项目数量”为负数 -12"),
])
def test_nonnegative_fails_naming_the_cell(template, bad, value, summary):
    values = small_values(template)
    values[bad] = value
    report = checked(values, template)
    item = bad.split(".")[1]
    assert failing(report) == {("t2.nonnegative", item)}
    result = by_instance(report, "t2.nonnegative")[item]
    assert result.cells == [bad]
    assert (result.left, result.right) == (value, 0)
    assert result.detail_en == f"t2.nonnegative.{item}: {bad} = {value} < 0"
    assert result.summary_zh == summary
    assert report.badge == "不一致"


def test_nonnegative_names_every_negative_cell_of_an_item():
    values = small_values()
    values["t2.normative_docs.issued"] = -2
    values["t2.normative_docs.in_force"] = -10
    result = by_instance(checked(values), "t2.nonnegative")["normative_docs"]
    assert result.outcome == FAIL
    assert result.cells == ["t2.normative_docs.issued", "t2.normative_docs.in_force"]


def test_nonnegative_not_applicable_without_usable_cells_and_unusable_cells_are_skipped():
    values = small_values()
    values["t2.fees.amount_10k_cny"] = cell(None, "blank")
    values["t2.rules.issued"] = cell(None, "ambiguous", raw="2115")
    values["t2.rules.repealed"] = cell(None, "ambiguous", raw="2115")
    report = checked(values)
    results = by_instance(report, "t2.nonnegative")
    assert results["fees"].outcome == NA
    assert results["fees"].detail_en == "t2.nonnegative.fees: t2.fees.amount_10k_cny is blank"
    assert results["rules"].outcome == PASS and results["rules"].cells == ["t2.rules.in_force"]
    no_t2 = checked({k: v for k, v in small_values().items() if not k.startswith("t2.")})
    assert {r.outcome for r in by_instance(no_t2, "t2.nonnegative").values()} == {NA}
    assert outcomes(no_t2)["t2.nonnegative"] == NA


# --- across years: cy.carry and t2.in_force_flow (reports made from values) ---------------


def year_pair(change_now: dict | None = None, change_before: dict | None = None, before_template: str = GOV_2021,
              now_template: str = GOV_2021, agency_before: str = AGENCY):
    """Two consecutive reports of one agency (2021, 2022 unless a template says otherwise),
    consistent across years unless changed; checked as a corpus."""
    before = small_values(before_template)
    before.update(change_before or {})
    now = small_values(now_template)
    if now_template == GOV_2021:
        now["t2.normative_docs.in_force"] = 11  # 10 + 2 issued − 1 repealed
    now.update(change_now or {})
    before_year = 2020 if before_template == GOV_2019 else 2021 if now_template == GOV_2021 else 2019
    reports = [make_report(before, before_template, before_year, agency_before),
               make_report(now, now_template, before_year + 1)]
    check_corpus(reports)
    return reports


def test_carry_passes_for_every_column():
    _, now = year_pair()
    results = by_instance(now, "cy.carry")
    assert list(results) == [c.id for c in forms.T3_COLUMNS]
    assert {r.outcome for r in results.values()} == {PASS}
    assert results["natural_person"].detail_en == \
        f"cy.carry.natural_person: 上年结转 2 = 2 (结转下年度 in {AGENCY_ID}/2021)"
    assert outcomes(now)["cy.carry"] == PASS and now.badge == "一致"


def test_carry_fails_naming_both_reports_cells_and_the_difference():
    _, now = year_pair({t3("new_received", "natural_person"): 7, t3("carried_over", "natural_person"): 1,
                        t3("new_received", "total"): 10, t3("carried_over", "total"): 1})
    assert failing(now) == {("cy.carry", "natural_person"), ("cy.carry", "total")}
    result = by_instance(now, "cy.carry")["natural_person"]
    assert result.severity == "warning"
    assert result.cells == [t3("carried_over", "natural_person"), f"{AGENCY_ID}/2021:{t3('carried_forward', 'natural_person')}"]
    assert (result.left, result.right) == (1, 2)
    assert result.detail_en == \
        f"cy.carry.natural_person: 上年结转 1 ≠ 2 (结转下年度 in {AGENCY_ID}/2021); difference -1"
    assert result.detail_zh == \
        "自然人：2022 年报告的“上年结转”为 1，但 2021 年报告的“结转下年度继续办理”为 2（相差 1）"
    assert result.summary_zh == "表三“自然人”上年结转为 1，2021 年报告结转下年度为 2"
    assert now.badge == "存疑"
    assert now.summary == "存疑：表三“自然人”上年结转为 1，2021 年报告结转下年度为 2（另有 1 处）"


def test_carry_across_the_change_of_form():
    before, now = year_pair(before_template=GOV_2019)
    assert (before.year, now.year) == (2020, 2021)
    assert outcomes(now)["cy.carry"] == PASS
    assert outcomes(before)["cy.carry"] == NA


def test_carry_not_applicable_without_last_years_table_3():
    alone = make_report(small_values(), GOV_2021, 2022)
    check_corpus([alone])
    assert [(r.outcome, r.detail_en) for r in alone.checks if r.id == "cy.carry"] == [
        (NA, f"cy.carry: no 2021 report of {AGENCY_ID} with table 3")]
    prose_only = make_report({}, PRE_2019, 2018)
    first = make_report(small_values(GOV_2019), GOV_2019, 2019)
    check_corpus([prose_only, first])
    assert outcomes(first)["cy.carry"] == NA
    _, other = year_pair(agency_before=OTHER_AGENCY)
    assert outcomes(other)["cy.carry"] == NA  # another agency's 2021 is not this one's last year
    check_report(alone)  # a single report, without its corpus
    assert [(r.outcome, r.detail_en) for r in alone.checks if r.id == "cy.carry"] == [
        (NA, "cy.carry: needs the same agency's other years (run `check` on the corpus)")]


def test_carry_unusable_cell_either_year_is_not_applicable():
    _, now = year_pair({t3("carried_over", "natural_person"): cell(None, "blank")},
                       {t3("carried_forward", "total"): cell(None, "ambiguous", raw="2 0")})
    results = by_instance(now, "cy.carry")
    assert results["natural_person"].outcome == NA and results["total"].outcome == NA
    assert results["natural_person"].detail_en == "cy.carry.natural_person: t3.carried_over.natural_person is blank"
    assert results["total"].detail_en == (
        f"cy.carry.total: in {AGENCY_ID}/2021: t3.carried_forward.total is ambiguous")
    assert results["total"].detail_zh == (
        "总计一列无法核对：2021 年报告中表三 结转下年度继续办理·总计有多种读法、未能确定")
    assert {r.outcome for c, r in results.items() if c not in ("natural_person", "total")} == {PASS}


def test_in_force_flow_passes():
    _, now = year_pair()
    results = by_instance(now, "t2.in_force_flow")
    assert {i: r.outcome for i, r in results.items()} == {"rules": PASS, "normative_docs": PASS}
    assert results["normative_docs"].detail_en == "t2.in_force_flow.normative_docs: 现行有效 11 = 10 + 2 − 1 = 11"
    assert results["rules"].detail_en == "t2.in_force_flow.rules: 现行有效 3 = 3 + 0 − 0 = 3"


def test_in_force_flow_fails_naming_cells_both_sides_and_the_difference():
    _, now = year_pair({"t2.normative_docs.in_force": 10})
    assert failing(now) == {("t2.in_force_flow", "normative_docs")}
    result = by_instance(now, "t2.in_force_flow")["normative_docs"]
    assert result.cells == ["t2.normative_docs.in_force", "t2.normative_docs.issued", "t2.normative_docs.repealed",
                            f"{AGENCY_ID}/2021:t2.normative_docs.in_force"]
    assert (result.left, result.right) == (10, 11)
    assert result.detail_en == "t2.in_force_flow.normative_docs: 现行有效 10 ≠ 10 + 2 − 1 = 11; difference -1"
    assert result.detail_zh == ("规范性文件：2022 年报告现行有效 10 件，但按 2021 年报告现行有效 10 件 + 2022 年制发 2 件"
                                " − 废止 1 件，应为 11 件（相差 1）")
    assert result.summary_zh == "表二“规范性文件”现行有效 10 件，按上年 10 件加制发减废止应为 11 件"
    assert now.badge == "存疑"


def test_in_force_flow_not_applicable():
    _, after_2019_form = year_pair(before_template=GOV_2019)
    assert [(r.outcome, r.detail_en) for r in after_2019_form.checks if r.id == "t2.in_force_flow"] == [
        (NA, f"t2.in_force_flow: no 2020 report of {AGENCY_ID} on the 2021 form")]
    alone = make_report(small_values(), GOV_2021, 2022)
    check_corpus([alone])
    assert outcomes(alone)["t2.in_force_flow"] == NA
    _, blank = year_pair({"t2.rules.issued": cell(None, "blank")}, {"t2.normative_docs.in_force": cell(None, "missing")})
    results = by_instance(blank, "t2.in_force_flow")
    assert {i: r.outcome for i, r in results.items()} == {"rules": NA, "normative_docs": NA}
    assert results["rules"].detail_en == "t2.in_force_flow.rules: t2.rules.issued is blank"
    assert outcomes(blank)["t2.in_force_flow"] == NA
    nineteen = make_report(small_values(GOV_2019), GOV_2019, 2020)
    check_corpus([nineteen])
    assert [r for r in nineteen.checks if r.id == "t2.in_force_flow"] == []  # not a gov-2019 rule
    assert outcomes(nineteen)["t2.in_force_flow"] == NA


# --- narr.applications ----------------------------------------------------------------


def test_applications_in_prose_match_table_3():
    report = checked(small_values(), lines=prose_lines(2022, applications=9))
    [result] = by_instance(report, "narr.applications").values()
    assert result.instance == "applications_received#1" and result.outcome == PASS
    assert result.detail_en == ("narr.applications: prose 9 matches table 3 (本年新收 9; 新收+上年结转 11) "
                             "— “2022年，固原市彭阳县人民政府共收到政府信息公开申请9件。”")
    assert result.cells == [t3(r, "total") for r in forms.T3_TERMS]
    with_carried = checked(small_values(), lines=["2022年，本机关共受理政府信息公开申请11件，上年结转申请2件。"])
    assert [(r.instance, r.outcome) for r in with_carried.checks if r.id == "narr.applications"] == [
        ("applications_received#1", PASS), ("applications_carried_over#2", PASS)]
    approx = checked(small_values(), lines=["2022年共收到政府信息公开申请10余件。"])
    assert [(r.left, r.outcome) for r in approx.checks if r.id == "narr.applications"] == [(10, PASS)]  # 11 = 9 + 2


def test_a_count_received_is_not_matched_by_the_handled_total_when_the_new_count_is_printed():
    """Blind round 212 (h831_10): table 3 printing 本年新收 19 over columns adding to 18 (the agency's slip), the prose's
    收到申请18件 passed, matching 办理总计 18. A count received is compared with the intake only (新收, or it with 上年结转),
    as the spec says; 办理总计 stands in only where 本年新收 cannot be read."""
    values = small_values()
    values[t3("new_received", "total")] = 10  # 6 + 3 printed as 10; 办理总计 9
    report = checked(values, lines=["2022年共收到政府信息公开申请9件。"])
    [result] = by_instance(report, "narr.applications").values()
    assert (result.outcome, result.left, result.right) == (FAIL, 9, 10)
    answered = checked(values, lines=["2022年共办结政府信息公开申请9件。"])
    assert [r.outcome for r in answered.checks if r.id == "narr.applications"] == [PASS]


@pytest.mark.parametrize(("stated", "outcome"), [("近10件", PASS), ("近九件", PASS), ("近20件", FAIL), ("近8件", FAIL)])
def test_a_count_said_to_be_nearly_so_many_agrees_with_a_table_at_most_it(stated, outcome):
    """Blind round 80 (Chinese numerals, round counts): 近二十件 (nearly 20) against table 3's 19 failed the check, as
    if 近 were 余 (at least): a count nearly so many is at most it, and not far below (new 9, handled 11)."""
    report = checked(small_values(), lines=[f"2022年共收到政府信息公开申请{stated}。"])
    assert [r.outcome for r in report.checks if r.id == "narr.applications"] == [outcome]


def test_applications_in_prose_differ_from_table_3():
    report = checked(small_values(), lines=prose_lines(2022, applications=12))
    [result] = by_instance(report, "narr.applications").values()
    assert result.outcome == FAIL and result.severity == "warning"
    assert (result.left, result.right) == (12, 9)
    assert result.detail_en == ("narr.applications: prose 12 matches none of table 3 (本年新收 9; "
                             "新收+上年结转 11) — “2022年，固原市彭阳县人民政府共收到政府信息公开申请12件。”")
    assert result.summary_zh == "正文称收到（受理）申请 12 件，表三本年新收 9 件、上年结转 2 件、办理总计 9 件"
    assert report.badge == "存疑"


def test_applications_matching_only_the_other_side_of_an_unbalanced_table_3_fail():
    """Blind round 170: table 3 that does not balance (结转下年度 one too many), the prose's 12 received the results' side
    (总计 9 + 结转下年度 3) and neither 本年新收 9 nor 新收+上年结转 11: passed, as an agreement with a total the table
    itself contradicts. The spec compares the intake; the results' side only where the intake cannot be read."""
    values = small_values()
    values[t3("carried_forward", "total")] = cell(3)
    report = checked(values, lines=prose_lines(2022, applications=12))
    [result] = by_instance(report, "narr.applications").values()
    assert (result.outcome, result.left, result.right) == (FAIL, 12, 9)


def test_applications_not_applicable():
    report = checked(small_values(), lines=prose_lines(2022))
    assert [(r.outcome, r.detail_en) for r in report.checks if r.id == "narr.applications"] == [
        (NA, "narr.applications: no count of applications stated in the prose")]
    values = small_values()
    values[t3("new_received", "total")] = cell(None, "blank")
    values[t3("carried_over", "total")] = cell(None, "missing")
    report = checked(values, lines=["2022年共收到政府信息公开申请9件，上年结转申请2件。"])
    # 本年新收 is unreadable, 办理总计 is not: the received count is compared with what can be read.
    assert [(r.instance, r.outcome) for r in report.checks if r.id == "narr.applications"] == [
        ("applications_received#1", PASS), ("applications_carried_over#2", NA)]
    carried = by_instance(report, "narr.applications")["applications_carried_over#2"]
    assert carried.detail_en == "narr.applications: table 3 totals not usable for applications_carried_over"
    values[t3("total", "total")] = cell(None, "ambiguous")
    report = checked(values, lines=["2022年共收到政府信息公开申请9件。"])
    assert [(r.outcome, r.detail_en) for r in report.checks if r.id == "narr.applications"] == [
        (NA, "narr.applications: table 3 totals not usable for applications_received")]


@pytest.mark.parametrize("blanked, line, key", [
    ("new_received", "2022年共收到政府信息公开申请7件。", "applications_received"),
    ("total", "2022年共收到申请9件，已全部答复7件。", "applications_answered"),
])
def test_a_count_whose_own_total_cannot_be_read_is_not_checked_against_the_others(blanked, line, key):
    """Rows of table 3 a page never loaded (a virtual-scroll table): the prose's 办结127件 disagreed with
    本年新收 and 新收+上年结转, and the report was marked 存疑, though its own total (办理总计) was lost."""
    values = small_values()
    values[t3(blanked, "total")] = cell(None, "missing")
    report = checked(values, lines=[line])
    result = next(r for r in by_instance(report, "narr.applications").values() if r.instance.startswith(key))
    assert (result.outcome, result.detail_en) == (NA, f"narr.applications: the table-3 total matching {key} is not usable, "
                                                      "and the prose matches no other")
    assert report.badge != "存疑" or any(r.outcome == FAIL for r in report.checks if r.id != "narr.applications")


def test_a_prose_count_against_an_approximate_table_total_is_not_checked():
    """Blind round 143 (qualified cells): table 3 printing 本年新收 as 9余 (read as 9) and the prose an exact 12 made the
    report 存疑; a bound cannot disagree with the count. A figure compared with exact totals only is still checked."""
    values = small_values()
    values[t3("new_received", "total")] = cell(9, "reported", raw="9余")
    values[t3("total", "total")] = cell(9, "reported", raw="9余")
    report = checked(values, lines=["2022年共收到政府信息公开申请12件，上年结转申请3件。"])
    results = by_instance(report, "narr.applications")
    received = results["applications_received#1"]
    assert received.outcome == NA
    assert received.detail_zh == ("正文称收到（受理）申请 12 件，表三本年新收印作“9余”、办理总计印作“9余”，"
                                  "是约数或下限，无从核对是否相符")
    assert results["applications_carried_over#2"].outcome == FAIL  # 上年结转 is printed exactly: 2, not 3
    exact = checked(small_values(), lines=["2022年共收到政府信息公开申请12件。"])
    assert [r.outcome for r in exact.checks if r.id == "narr.applications"] == [FAIL]


# --- narr.review_litigation ------------------------------------------------------------


def test_review_and_litigation_in_prose_match_table_4():
    report = checked(small_values(), lines=["2022年，全年发生政府信息公开行政复议2件，行政诉讼1件。"])
    results = by_instance(report, "narr.review_litigation")
    assert {i: r.outcome for i, r in results.items()} == {"admin_review_cases#1": PASS, "litigation_cases#2": PASS}
    assert results["litigation_cases#2"].cells == [t4("litigation_direct", "total"),
                                                   t4("litigation_after_review", "total")]
    assert results["admin_review_cases#1"].detail_en == \
        "narr.review_litigation: prose 行政复议 2 = table 4 2 — “2022年，全年发生政府信息公开行政复议2件，行政诉讼1件。”"


def test_review_and_litigation_in_prose_differ_from_table_4():
    report = checked(small_values(), lines=["全年发生政府信息公开行政复议3件。", "全年未发生政府信息公开行政诉讼案件。"])
    results = by_instance(report, "narr.review_litigation")
    assert {i: r.outcome for i, r in results.items()} == {"admin_review_cases#1": FAIL, "litigation_cases#2": FAIL}
    review = results["admin_review_cases#1"]
    assert (review.left, review.right, review.cells) == (3, 2, [t4("admin_review", "total")])
    assert review.detail_en == "narr.review_litigation: prose 行政复议 3 ≠ table 4 2 — “全年发生政府信息公开行政复议3件。”"
    assert review.summary_zh == "正文称行政复议 3 件，表四总计为 2 件"
    assert results["litigation_cases#2"].detail_en == \
        "narr.review_litigation: prose 行政诉讼 0 ≠ table 4 1 — “全年未发生政府信息公开行政诉讼案件。”"


def test_review_and_litigation_not_applicable():
    report = checked(small_values(), lines=prose_lines(2022, applications=9))
    assert [(r.outcome, r.detail_en) for r in report.checks if r.id == "narr.review_litigation"] == [
        (NA, "narr.review_litigation: no 行政复议/行政诉讼 count stated in the prose")]
    values = small_values()
    values[t4("litigation_after_review", "total")] = cell(None, "blank")  # 0 if it were read as 0
    report = checked(values, lines=["全年发生政府信息公开行政复议2件，行政诉讼1件。"])
    results = by_instance(report, "narr.review_litigation")
    assert {i: r.outcome for i, r in results.items()} == {"admin_review_cases#1": PASS, "litigation_cases#2": NA}
    assert results["litigation_cases#2"].detail_en == \
        "narr.review_litigation: table 4 totals not usable for litigation_cases"


# --- meta.year, meta.template_year, meta.agency -------------------------------------


def test_meta_year_passes_when_title_period_and_body_agree():
    report = checked(small_values(), lines=[*prose_lines(2022, applications=9),
                                            "较2021年，收到申请增加3件。", "2023年将继续公开100条信息。"])
    [result] = by_instance(report, "meta.year").values()
    assert (result.outcome, result.left, result.right) == (PASS, 2022, 2022)
    assert result.detail_en == "meta.year: 2 dated statements in the body, all 2022"


@pytest.mark.parametrize("sentence", ["加上2021年结转的3件，全年共需办理15件，已办结13件。",
                                      "全年共收到申请12件，其中结转至2023年继续办理2件。",
                                      "全年共受理申请260件，上年结转10件，按时办结255件，结转2023年继续办理15件。",
                                      # a gazette's issue number in its running head, read into a sentence
                                      "黄岛区人民政府公报2023年第2期全年公开规范性文件126件。",
                                      "新制作规范性文件4件，新公开3件（1件于2023年1月初公开）。",
                                      # an aside in brackets, another year's cases framed in this one's
                                      "全年共收到申请24件（2021年为19件），均已按期答复，其中予以公开11件。",
                                      "全年共受理申请1136件，同比下降6.2%（2021年受理1211件）。",
                                      "另有2021年受理的2件行政诉讼于本年度审结，未计入本表。",
                                      "因2021年办理的一件政府信息公开申请，申请人于2022年提起行政复议1件。",
                                      # a span before or since another year
                                      "清理2019年以前公开的过时信息320条。", "2019年以来累计公开信息8600条。",
                                      # the years documents were published in, cleared or checked this year
                                      "全年清理2020年、2021年发布的过期失效信息96条。",
                                      # a document's title the body cites
                                      "我局《2021年政府信息公开工作年度报告》指出：全年收到申请52件，答复质量有待提高。",
                                      "对2019—2021年发布的规划公示信息进行全面核查，撤下过期信息214条。",
                                      "自2008年《条例》实施以来，累计收到政府信息公开申请1,236件。",
                                      # the year before set beside the report's, clause by clause
                                      "2021年本局收到政府信息公开申请63件；2022年收到政府信息公开申请50件。",
                                      # a clause dated by an earlier event, the count in the report year's
                                      "2021年撤县设市后，我局对原会理县医疗保障局发布的信息进行梳理，2022年完成归档153条。",
                                      # a sidebar's links to the years' reports run into a PDF's line
                                      "（一）主动公开2021年度2020年度2022年，县政府通过门户网站主动公开政府信息6734条。"])
def test_meta_year_passes_over_a_carry_over_or_a_date_of_another_year(sentence):
    """A carried-over application's year, the year it goes on into, or a date are no year the body reports on."""
    report = checked(small_values(), lines=[*prose_lines(2022, applications=9), sentence])
    [result] = by_instance(report, "meta.year").values()
    assert result.outcome == PASS, result.detail_en


@pytest.mark.parametrize("sentence", ["本报告所列数据的统计期限为2021年12月1日至2022年11月30日。",
                                      "本报告统计期限自2021年12月1日起至2022年11月30日止。"])
def test_meta_year_reads_a_period_from_december_as_the_year_it_ends_in(sentence):
    """Blind round 124: a report for 2022 counting from 2021年12月1日 to 2022年11月30日 was read as reporting on 2021,
    and its year failed. Eleven of the period's twelve months are the year it ends in."""
    [result] = by_instance(checked(small_values(), lines=[*prose_lines(2022), sentence]), "meta.year").values()
    assert result.outcome == PASS, result.detail_en


@pytest.mark.parametrize("sentence", ["2021年同期收到申请25件。", "2021年度同期主动公开政府信息3,105条。"])
def test_meta_year_reads_a_year_s_same_period_as_a_comparison(sentence):
    """Blind round 70 (text encodings): 2023年同期收到申请25件。 in a 2024 report, a sentence of its own, counted as a
    statement on 2023, as many as the body's on 2024: the year failed. 同期 is the same period of a year compared."""
    [result] = by_instance(checked(small_values(), lines=[*prose_lines(2022), sentence]), "meta.year").values()
    assert result.outcome == PASS, result.detail_en


def test_meta_year_passes_over_next_year_s_targets_appended_to_the_report():
    """Blind round 72 (reports combined with other documents): the next year's 工作要点 after the report
    (2023年在门户网站公开…信息不少于180条) was a statement on a later year, which no report makes: the year failed.
    A target (不少于, 不低于, 力争) is a plan."""
    lines = [*prose_lines(2022), "2023年在门户网站公开重大建设项目批准和实施信息不少于180条。"]
    [result] = by_instance(checked(small_values(), lines=lines), "meta.year").values()
    assert result.outcome == PASS, result.detail_en


def test_meta_year_passes_over_the_earlier_years_of_a_list_paired_by_fenbie():
    """Blind round 58 (summary tables and charts): 2020年、2021年、2022年分别收到…612件、587件、634件 in a 2022 report
    counted as a statement on 2020 and one on 2021, as many as the body's on 2022: the year failed."""
    lines = [*prose_lines(2022), "2020年、2021年、2022年分别收到政府信息公开申请612件、587件、634件。"]
    [result] = by_instance(checked(small_values(), lines=lines), "meta.year").values()
    assert result.outcome == PASS, result.detail_en


@pytest.mark.parametrize("listed", ["2022年、2021年", "2021年和2022年", "2022年度、2021年度、2020年度"])
def test_meta_year_reads_a_list_paired_by_fenbie_as_its_latest_year_in_any_order(listed):
    """Blind round 67: 2024年、2023年我局分别主动公开政府信息1,215条和1,094条 in a 2024 report was read as a statement
    on 2023, the list's last year, as many as the body's on 2024: the year failed."""
    lines = [*prose_lines(2022), f"{listed}我局分别主动公开政府信息1,215条、1,094条和1,003条。"]
    [result] = by_instance(checked(small_values(), lines=lines), "meta.year").values()
    assert result.outcome == PASS, result.detail_en


def test_meta_year_passes_over_a_sentence_of_the_year_before_among_more_of_the_year():
    """2021年主动公开政府信息4473条。 in a 2022 report whose period and body say 2022: a comparison, it failed. Blind
    round 84: so did one such sentence (2024年收到申请21件。, 2022年，全市共收到…390件。) where the period alone said the
    report's year: the period weighs as two sentences, a body of last year's counts still fails."""
    lines = [*prose_lines(2022, applications=9), "2021年主动公开政府信息4473条。"]
    [result] = by_instance(checked(small_values(), lines=lines), "meta.year").values()
    assert (result.outcome, result.left, result.right) == (PASS, 2022, 2022)
    assert result.detail_en == ("meta.year: 2 dated statements in the body are 2022; 1 of another year, fewer, read as "
                                "a comparison")
    lines = [*prose_lines(2022), "2021年主动公开政府信息4473条。"]  # the period against one sentence: a comparison
    assert by_instance(checked(small_values(), lines=lines), "meta.year")[""].outcome == PASS
    lines = [*prose_lines(2022), "2021年主动公开政府信息4473条。", "2021年共收到申请9件。"]  # as many: a copied body?
    assert by_instance(checked(small_values(), lines=lines), "meta.year")[""].outcome == FAIL


def test_meta_year_counts_a_year_in_which_nothing_came_as_reported_on():
    """Blind round 64 (2025 reports as web pages): 2025年，我局未收到政府信息公开申请。 then 2024年我局收到申请1件 in a
    2025 report: the year with no count was no statement, the year before's one as many as the period's: it failed."""
    lines = [*prose_lines(2025), "2025年，我局未收到政府信息公开申请。", "2024年我局收到申请1件，已于当年办结。"]
    [result] = by_instance(checked(small_values(), year=2025, lines=lines), "meta.year").values()
    assert (result.outcome, result.left, result.right) == (PASS, 2025, 2025), result.detail_en
    lines = [*prose_lines(2025), "2024年，我局未收到政府信息公开申请。", "2024年我局收到申请1件，已于当年办结。"]
    assert by_instance(checked(small_values(), year=2025, lines=lines), "meta.year")[""].outcome == FAIL


def test_meta_year_fails_on_a_later_year_the_body_reports_on_however_often_the_report_s():
    """A year after the report's is none it can count (text copied from a later report: 2020年全年…526条 in a 2018
    report, beside 2018年，…未收到申请, as the bundled 003 report has it): a comparison is with an earlier year."""
    lines = [*prose_lines(2018), "2018年，本机关未收到政府信息公开申请。", "2020年全年主动公开各类信息526条。"]
    [result] = by_instance(checked(small_values(), year=2018, lines=lines), "meta.year").values()
    assert (result.outcome, result.left, result.right) == (FAIL, 2018, 2020)


def test_meta_year_fails_when_the_body_reports_on_another_year():
    report = checked(small_values(), lines=[f"{AGENCY}2022年政府信息公开工作年度报告", "",
                                            "本报告所列数据统计期限自2021年1月1日至2021年12月31日止。"])
    [result] = by_instance(report, "meta.year").values()
    assert (result.outcome, result.left, result.right) == (FAIL, 2022, 2021)
    assert result.detail_en == ("meta.year: the report is titled 2022 but the body reports on 2021: "
                             "“本报告所列数据统计期限自2021年1月1日至2021年12月31日止。”")
    assert result.summary_zh == "标题为 2022 年，正文却报告 2021 年的情况"


def test_meta_year_fails_when_the_body_says_it_reports_another_year():
    """A 2022 report reusing last year's opening (现将…2021年度…工作情况报告如下): it passed."""
    opening = "现将本局2021年度政府信息公开工作情况报告如下。本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。"
    report = checked(small_values(), lines=[f"{AGENCY}2022年政府信息公开工作年度报告", "", opening])
    [result] = by_instance(report, "meta.year").values()
    assert (result.outcome, result.left, result.right) == (FAIL, 2022, 2021)
    same = checked(small_values(), lines=[f"{AGENCY}2022年政府信息公开工作年度报告", "", opening.replace("2021", "2022")])
    assert by_instance(same, "meta.year")[""].outcome == PASS


def test_meta_year_names_where_the_year_was_read_when_no_title_gives_it():
    """A year read from the opening sentence is no title's: the finding must not blame a title."""
    report = make_report(small_values(), lines=[f"{AGENCY}政府信息公开工作年度报告", "",
                                                "2022年，本机关主动公开政府信息120条。",
                                                "本报告所列数据统计期限自2021年1月1日至2021年12月31日止。"])
    report.year_source = "opening sentence"
    check_report(report)
    [result] = by_instance(report, "meta.year").values()
    assert result.outcome == FAIL
    assert result.detail_zh.startswith("开头一句为 2022 年度，但正文报告的是 2021 年的情况")
    assert result.summary_zh == "开头一句为 2022 年，正文却报告 2021 年的情况"


def test_meta_year_not_applicable_without_dated_statements():
    report = checked(small_values(), lines=[f"{AGENCY}2022年政府信息公开工作年度报告", "一、总体情况"])
    assert [(r.outcome, r.detail_en) for r in report.checks if r.id == "meta.year"] == [
        (NA, "meta.year: the body states no dated figures")]


@pytest.mark.parametrize(("year", "template", "outcome"), [
    (2022, GOV_2021, PASS), (2021, GOV_2021, PASS), (2020, GOV_2019, PASS), (2019, GOV_2019, PASS),
    (2017, PRE_2019, PASS), (2022, GOV_2019, FAIL), (2020, GOV_2021, FAIL), (2018, GOV_2019, FAIL),
    (2019, PRE_2019, FAIL),
])
def test_meta_template_year(year, template, outcome):
    report = checked(small_values(template) if template != PRE_2019 else {}, template, year=year)
    [result] = by_instance(report, "meta.template_year").values()
    assert result.outcome == outcome


def test_meta_template_year_fail_detail():
    report = checked(small_values(GOV_2019), GOV_2019, year=2022)
    [result] = by_instance(report, "meta.template_year").values()
    assert (result.left, result.right) == (GOV_2019, GOV_2021)
    assert result.detail_en == "meta.template_year: a 2022 report on the gov-2019 form (expected gov-2021)"
    assert result.summary_zh == "2022 年度报告使用了2019 年版表格（应为2021 年版表格）"
    assert result.detail_zh == "2022 年度报告使用了2019 年版表格，按年度应为2021 年版表格"
    assert report.badge == "存疑"


def test_meta_template_year_not_applicable_only_before_checking():
    """The year and the form of an extracted report are always known, so the rule
    always evaluates; its outcome is not_applicable only when it has not run."""
    report = make_report(small_values())
    assert set(outcomes(report).values()) == {NA}
    check_report(report)
    assert outcomes(report)["meta.template_year"] == PASS


def test_meta_agency_passes_when_the_body_names_its_own_agency():
    report = checked(small_values(), lines=prose_lines(2022, applications=9))
    [result] = by_instance(report, "meta.agency").values()
    assert (result.outcome, result.detail_en) == (PASS, f"meta.agency: 1 self-references, all to {AGENCY}")


def test_meta_agency_passes_over_a_prefecture_s_short_form():
    """恩施州人民政府 in the report of 恩施土家族苗族自治州人民政府: its own short form, taken for another agency's."""
    name = "恩施土家族苗族自治州人民政府"
    report = checked(small_values(), lines=[*prose_lines(2022, agency=name), "2022年，恩施州人民政府积极推进政务公开。"],
                     agency=name)
    [result] = by_instance(report, "meta.agency").values()
    assert result.outcome == PASS


@pytest.mark.parametrize("itself", ["深汕合作区管委会本级", "合作区管委会本级", "合作区管委会机关"])
def test_meta_agency_passes_over_the_body_itself(itself):
    """Blind round 73: 合作区管委会本级 (the body itself, apart from its departments) in the report of
    深圳市深汕特别合作区管理委员会 was read as another body's name, 深汕 placed in 汕尾, and the report flagged as copied."""
    name = "深圳市深汕特别合作区管理委员会"
    report = checked(small_values(), lines=[*prose_lines(2023, agency=name), f"2023年，{itself}共新收政府信息公开申请9件。"],
                     agency=name, year=2023)
    [result] = by_instance(report, "meta.agency").values()
    assert result.outcome == PASS


def test_meta_agency_fails_on_text_copied_from_another_agency():
    report = checked(small_values(), lines=[*prose_lines(2022, applications=9), "2022年，隆德县人民政府积极推进政务公开。"])
    [result] = by_instance(report, "meta.agency").values()
    assert result.outcome == FAIL
    assert result.detail_en == (f"meta.agency: the report of {AGENCY} speaks of itself as “隆德县人民政府”: "
                             "“2022年，隆德县人民政府积极推进政务公开。”")
    assert result.summary_zh == f"正文以“隆德县人民政府”自称，与报告机关“{AGENCY}”不符，疑为照抄其他机关的报告"


@pytest.mark.parametrize("opening", ["在县委、县政府的正确领导下", "按照上级部署", "围绕中心工作",
                                     "以习近平新时代中国特色社会主义思想为指导",
                                     # (blind round 170: the channels it published through, 通过门户网站…主动公开)
                                     "通过门户网站、政务新媒体等渠道主动公开政府信息742条，"])
def test_meta_agency_reads_a_self_mention_before_in_or_following(opening):
    """2022年，隆德县人民政府在县委…领导下: the dated sentence names its subject before 在, 按照, 围绕 as often as
    before 认真 or 积极; such a sentence was not looked at, and the check could not run."""
    report = checked(small_values(), lines=[*prose_lines(2022), f"2022年，隆德县人民政府{opening}推进政务公开。"])
    [result] = by_instance(report, "meta.agency").values()
    assert result.outcome == FAIL


@pytest.mark.parametrize("signed, outcome", [("英德市大站镇人民政府", FAIL), ("英德市浛洸镇人民政府", NA),
                                             ("浛洸镇人民政府", NA)])
def test_meta_agency_reads_the_signature(signed, outcome):
    """Blind round 114 (template slips): a town's report signed with the town it was copied from (英德市大站镇人民政府
    under 英德市浛洸镇人民政府's title) passed: only dated sentences were looked at. (Its own signature is no dated
    self-mention: with none, the check cannot run.)"""
    agency = "英德市浛洸镇人民政府"
    report = checked(small_values(), agency=agency, lines=[*prose_lines(2022, agency), "六、其他需要报告的事项", "无。",
                                                           signed, "2023年1月15日"])
    [result] = by_instance(report, "meta.agency").values()
    assert result.outcome == outcome
    if outcome == FAIL:
        assert result.detail_en == f"meta.agency: the report of {agency} is signed “{signed}”"



@pytest.mark.parametrize("sentence, outcome", [("会昌县市场监督管理局严格落实信息发布审核制度。", FAIL),
                                               ("于都县市场监督管理局严格落实信息发布审核制度。", PASS),
                                               ("（三）政府信息管理。会昌县市场监督管理局严格落实审核制度。", FAIL)])
def test_meta_agency_reads_an_undated_sentence_naming_the_body_in_full(sentence, outcome):
    """Blind round 119 (Markdown reports with slips): 会昌县市场监督管理局严格落实… in 于都县市场监督管理局's report,
    copied from the neighbouring county's: only dated sentences (2020年，X坚持…) were looked at."""
    agency = "于都县市场监督管理局"
    report = checked(small_values(), GOV_2019, agency=agency, lines=[*prose_lines(2020, agency), sentence])
    [result] = by_instance(report, "meta.agency").values()
    assert result.outcome == outcome


def test_meta_agency_passes_a_signature_of_the_body_the_report_names_as_its_compiler():
    """Blind set ww (a merged township): 资中县板栗桠乡人民政府's last report, compiled and signed by the town it was
    merged into (由球溪镇人民政府代为编制发布 … 资中县球溪镇人民政府): a body the text names is no copy slip."""
    agency = "资中县板栗桠乡人民政府"
    lines = [*prose_lines(2020, agency), "本报告由资中县球溪镇人民政府代为编制发布。", "六、其他需要报告的事项", "无。",
             "资中县球溪镇人民政府", "2021年1月28日"]
    [result] = by_instance(checked(small_values(), GOV_2019, agency=agency, lines=lines), "meta.agency").values()
    assert result.outcome != FAIL


@pytest.mark.parametrize("mention, outcome", [
    ("淮安市市场监督管理局（淮安市知识产权局）", PASS), ("市市场监管局(市知识产权局)", PASS),
    ("盐城市市场监督管理局（盐城市知识产权局）", FAIL)])
def test_meta_agency_reads_a_self_mention_naming_a_second_name_in_brackets(mention, outcome):
    """Blind round 171 (h510): bodies with two names (市场监督管理局（知识产权局）, 县委办公室（县政府办公室）) say both in
    their dated sentences; a name ran only to the bracket, the sentence was no self-mention and the check could not
    run, so a neighbour's name left in a copied report was not caught either."""
    agency = "淮安市市场监督管理局（淮安市知识产权局）"
    report = checked(small_values(), agency=agency,
                     lines=[*prose_lines(2023, agency), f"2023年，{mention}坚持以习近平新时代中国特色社会主义思想为指导。"])
    [result] = by_instance(report, "meta.agency").values()
    assert result.outcome == outcome


def test_meta_agency_not_applicable():
    report = checked(small_values(), lines=prose_lines(2022))
    assert [(r.outcome, r.detail_en) for r in report.checks if r.id == "meta.agency"] == [
        (NA, "meta.agency: the body never names itself at the start of a dated sentence")]
    unknown = make_report(small_values(), lines=prose_lines(2022, applications=9))
    unknown.agency = Agency()
    check_report(unknown)
    assert [(r.outcome, r.detail_en) for r in unknown.checks if r.id == "meta.agency"] == [
        (NA, "meta.agency: agency unknown")]


# --- completeness -------------------------------------------------------------------------


def test_completeness_passes_when_every_cell_is_found_blank_ones_included():
    values = small_values()
    values[t3("granted", "other_org")] = cell(None, "blank")
    [result] = by_instance(checked(values), "completeness").values()
    assert (result.outcome, result.severity, result.left, result.right) == (PASS, "info", 200, 200)
    assert result.detail_en == "completeness: 200 of 200 template cells found (100%)"


def test_completeness_fails_when_cells_are_missing():
    report = checked({k: v for k, v in small_values().items() if not k.startswith("t4.")})
    [result] = by_instance(report, "completeness").values()
    assert (result.outcome, result.severity, result.left, result.right) == (FAIL, "info", 185, 200)
    assert result.detail_en == "completeness: 185 of 200 template cells found (92%)"


@pytest.mark.parametrize("table, status, count", [("t4", "missing", 15), ("t3", "missing", 175),
                                                  ("t3", "ambiguous", 175)])
def test_a_table_not_read_at_all_is_no_consistent_report(table, status, count):
    """Table 3 unread (its cells printed as no reader could take them) and tables 2 and 4 passing
    made the badge 一致, its summary saying every identity holds: nobody had checked table 3."""
    values = {k: (cell(None, status) if k.startswith(table + ".") else v) for k, v in small_values().items()}
    report = checked(values)
    assert report.badge == "存疑"
    assert report.summary == f"存疑：{'表三' if table == 't3' else '表四'}有 {count} 格缺失或有歧义，它的勾稽关系都无从核对"


def test_a_table_read_as_blank_cells_leaves_the_badge_to_the_other_tables():
    """Blank cells were read (a web page leaves 0 unprinted): no sum of them is checked, no badge changed."""
    values = {k: (cell(None, "blank") if k.startswith("t4.") else v) for k, v in small_values().items()}
    assert checked(values).badge == "一致"


def test_completeness_not_applicable_to_prose_reports():
    report = checked({}, PRE_2019, year=2017, lines=prose_lines(2017, applications=3))
    assert [r for r in report.checks if r.id == "completeness"] == []
    assert outcomes(report)["completeness"] == NA


# --- outcomes and badges ------------------------------------------------------------------


def test_rule_outcome_is_fail_over_pass_over_not_applicable():
    report = checked(small_values())
    results = [r for r in report.checks if r.id == "t3.balance"]
    assert outcome_of(results) == PASS
    results[0].outcome = NA
    assert outcome_of(results) == PASS
    results[1].outcome = FAIL
    assert outcome_of(results) == FAIL
    assert outcome_of([r for r in report.checks if r.id == "cy.carry"]) == NA
    assert outcome_of([]) == NA


def test_every_rule_has_an_outcome_and_its_results_say_so():
    report = checked(small_values(), lines=prose_lines(2022, applications=9))
    assert list(outcomes(report)) == [r.id for r in RULES]
    for result in report.checks:
        rule = RULE_INDEX[result.id]
        assert result.severity == rule.severity
        assert result.outcome in (PASS, FAIL, NA)
        assert result.detail_en.startswith(rule.id)
        assert list(result.as_json()) == [
            "id", "instance", "severity", "outcome", "cells", "left", "right", "detail_zh", "detail_en"]


def test_badges():
    assert checked(small_values()).badge == "一致"
    nothing = checked({c.id: cell(None, "blank") for c in forms.cells(GOV_2021)})  # the blank form, never filled in
    assert (nothing.badge, nothing.summary) == ("无表格", "无表格：报告印出了统计表格，但没有填入任何数字，没有可核对的数字")
    pictures = checked({c.id: cell(None, "missing") for c in forms.cells(GOV_2021)})  # tables printed as images
    assert (pictures.badge, pictures.summary) == (
        "无表格", "无表格：报告的统计表格没有一格能读出文字（例如以图片发布），没有可核对的数字")
    prose = checked({}, PRE_2019, year=2017, lines=prose_lines(2017, applications=3))
    assert prose.badge == "无表格"
    assert prose.summary == "无表格：2019 年以前的报告没有统一表格，只有正文中的数字"
    assert [r.id for r in prose.checks] == ["meta.year", "meta.template_year", "meta.agency"]


# --- through text: rendered by builder.synthetic, extracted again ------------------------


def render_extract(values: dict, template: str = GOV_2021, layout: str = "tab", year: int | None = None,
                   edit=None):
    text = synthetic.render(AGENCY, year or YEAR[template], template, values, layout)
    report = extract_bytes((edit(text) if edit else text).encode("utf-8"), "report.txt")
    check_report(report)
    return report


def replace_row(text: str, startswith: str, new: str) -> str:
    lines = text.split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith(startswith))
    lines[index] = new
    return "\n".join(lines)


def test_rendered_report_has_the_same_results_as_its_values():
    values = synthetic.consistent_values(random.Random(5), GOV_2021)
    values[t4("litigation_after_review", "upheld")] += 1
    values[t4("litigation_after_review", "pending")] += 1
    rendered = render_extract(values)
    direct = checked(values, lines=rendered.document.lines)
    assert [r.as_json() for r in rendered.checks] == [r.as_json() for r in direct.checks]
    assert (rendered.badge, rendered.summary) == (direct.badge, direct.summary)
    assert failing(rendered) == {("t4.group_sums", "litigation_after_review")}
    assert outcomes(rendered)["narr.applications"] == PASS and outcomes(rendered)["meta.year"] == PASS


def test_rendered_blank_cells_the_identities_cannot_settle_are_not_applicable():
    """A 2×2 square of blank cells: every sum through them has two unknowns."""
    values = small_values()
    square = [(r, c) for r in ("granted", "unable.not_held") for c in ("natural_person", "legal_service_org")]

    def blank_square(text: str) -> str:
        for row in ("（一）予以公开", "（四）无法提供 1."):
            line = next(x for x in text.split("\n") if x.startswith(row))
            cells = line.split("\t")
            cells[1] = cells[5] = ""
            text = replace_row(text, row, "\t".join(cells))
        return text

    report = render_extract(values, edit=blank_square)
    assert {report.cells[t3(r, c)].status for r, c in square} == {"blank"}
    assert [(r.id, r.instance) for r in report.checks if r.outcome == NA and r.id.startswith("t3.")] == [
        ("t3.total_rows", "natural_person"), ("t3.total_rows", "legal_service_org"),
        ("t3.total_cols", "granted"), ("t3.total_cols", "unable.not_held")]
    assert failing(report) == set() and report.badge == "一致"


def test_rendered_single_blank_cell_is_inferred_and_marked():
    values = small_values()
    report = render_extract(values, edit=lambda text: replace_row(
        text, "（一）予以公开", "（一）予以公开\t\t0\t0\t0\t1\t0\t5"))
    assert report.cells[t3("granted", "natural_person")].status == "inferred"
    result = by_instance(report, "t3.total_cols")["granted"]
    assert result.outcome == PASS
    assert result.detail_en == "t3.total_cols.granted: 4+0+0+0+1+0 = 5 = 5 (总计: 5); inferred: t3.granted.natural_person"


@pytest.mark.parametrize(("table", "sentence", "heading"), [
    ("t4", "本年度未发生政府信息公开行政复议、行政诉讼。", False),
    # (blind round 68, towns and streets: the section only saying so, its subject the body)
    ("t4", "2021年度，本机关无行政复议和行政诉讼。", True),
    ("t3", "本年度未收到政府信息公开申请。", False),
    ("t3", "本年度，本乡收到政府信息公开申请0件。", True),
    ("t4", "以上各项均为0。", True),
    ("t2", "规章、行政规范性文件、行政许可、行政处罚、行政强制、行政事业性收费，以上各项均为0。", True)])
def test_a_table_left_out_with_the_report_saying_it_had_nothing_is_no_doubt(table, sentence, heading):
    """A small township prints no table 3 and says 本年度未收到政府信息公开申请 (or 以上各项均为0 in place
    of a table): the badge was 存疑 as if a table had been lost. The clause saying so is quoted."""
    values = small_values()
    names = {"t2": "二、主动公开政府信息情况", "t3": "三、收到和处理政府信息公开申请情况",
             "t4": "四、政府信息公开行政复议、行政诉讼情况"}
    following = {"t2": names["t3"], "t3": names["t4"], "t4": "五、存在的主要问题及改进情况"}

    def leave_out(text: str) -> str:
        lines = text.split("\n")
        start = next(k for k, line in enumerate(lines) if line.startswith(names[table]))
        end = next(k for k, line in enumerate(lines) if line.startswith(following[table]))
        kept = [lines[start], sentence] if heading else []
        return "\n".join(lines[:start] + kept + lines[end:] + ([] if heading else [sentence]))

    report = render_extract(values, edit=leave_out)
    assert {report.cells[c.id].status for c in forms.cells(GOV_2021) if c.table == table} == {"missing"}
    name = {"t2": "表二", "t3": "表三", "t4": "表四"}[table]
    said = sentence.split("，")[-1].rstrip("。")
    assert (report.badge, report.summary) == ("一致", f"一致：表格各项勾稽关系均成立（{name}未印出，报告称“{said}”）")


def test_a_consistent_badge_with_sums_it_could_not_check_says_which_held():
    """Table 3's rows of the applicant columns unread (a PDF's wrapped units): the badge said 表格各项勾稽关系均成立
    of sums nobody could check. It says how many held and how many could not be made."""
    values = small_values()
    for row in forms.FORMS[GOV_2021].t3_rows[2:]:
        values[t3(row.id, "natural_person")] = CellValue(None, "件0", "ambiguous", "印出的文字无法读作一个数字")
    report = checked(values)
    unrun = sum(1 for r in report.checks if r.severity == "error" and r.outcome == NA)
    held = sum(1 for r in report.checks if r.severity == "error" and r.outcome == PASS)
    assert report.badge == "一致" and unrun and held
    assert report.summary == (f"一致：核对得到的 {held} 项勾稽关系均成立，但表三有 {len(forms.FORMS[GOV_2021].t3_rows) - 2} "
                              f"格缺失或有歧义，另有 {unrun} 项无从核对")


def test_rendered_report_without_table_4():
    values = small_values()

    def drop_t4(text: str) -> str:
        return "\n".join(x for x in text.split("\n") if not x.startswith(("行政复议", "1\t1\t0")))

    report = render_extract(values, edit=drop_t4)
    assert {report.cells[c.id].status for c in forms.cells(GOV_2021) if c.table == "t4"} == {"missing"}
    assert outcomes(report)["t4.group_sums"] == NA
    assert outcomes(report)["completeness"] == FAIL
    assert (report.badge, report.summary) == ("存疑", "存疑：表四有 15 格缺失或有歧义，它的勾稽关系都无从核对")


def test_rendered_ambiguous_table_2_row_is_not_applicable():
    values = small_values()
    report = render_extract(values, layout="space", edit=lambda text: replace_row(text, "规范性文件", "规范性文件2110"))
    assert {report.cells[f"t2.normative_docs.{m}"].status for m in ("issued", "repealed", "in_force")} == {"ambiguous"}
    assert by_instance(report, "t2.nonnegative")["normative_docs"].outcome == NA
    assert failing(report) == set()


# --- property-based -------------------------------------------------------------------------

COUNT = st.one_of(st.just(0), st.integers(0, 40))


@st.composite
def consistent_tables(draw, template: str | None = None) -> tuple[str, dict[str, int | float]]:
    """A template and values for all its cells such that every identity of tables 3 and 4 holds."""
    template = template or draw(st.sampled_from(TEMPLATED))
    form = forms.FORMS[template]
    values: dict[str, int | float] = {}
    for item in form.t2:
        for m in item.measures:
            if m.id == "change":
                value = draw(st.integers(-20, 20))
            elif m.id.startswith("amount"):
                value = draw(st.decimals(0, 1000, places=2).map(float))
            else:
                value = draw(COUNT)
            values[forms.t2_cell(item.id, m.id)] = value
    for col in forms.T3_APPLICANTS:
        results = draw(st.lists(COUNT, min_size=len(form.t3_results), max_size=len(form.t3_results)))
        values.update({t3(row, col): v for row, v in zip(form.t3_results, results)})
        total, forward = sum(results), draw(st.integers(0, 10))
        carried = draw(st.integers(0, total + forward))
        values.update({t3("total", col): total, t3("carried_forward", col): forward,
                       t3("carried_over", col): carried, t3("new_received", col): total + forward - carried})
    for row in form.t3_rows:
        values[t3(row.id, "total")] = sum(values[t3(row.id, c)] for c in forms.T3_APPLICANTS)
    for group in forms.T4_GROUPS:
        parts = draw(st.lists(st.integers(0, 6), min_size=4, max_size=4))
        values.update({t4(group.id, c.id): v for c, v in zip(forms.T4_COLUMNS, parts)})
        values[t4(group.id, "total")] = sum(parts)
    return template, values


def consistent_prose(values: dict, year: int, with_carried: bool) -> list[str]:
    applications = values[t3("new_received", "total")] + (values[t3("carried_over", "total")] if with_carried else 0)
    review = values[t4("admin_review", "total")]
    suits = values[t4("litigation_direct", "total")] + values[t4("litigation_after_review", "total")]
    return [*prose_lines(year, applications=applications), f"全年发生政府信息公开行政复议{review}件，行政诉讼{suits}件。"]


def sides(cell_id: str) -> dict[tuple[str, str], int]:
    """The checks a t3/t4 cell takes part in, with +1 where it is on the left of
    the sum (the parts) and −1 on the right (the whole), worked out from the form
    as the schema describes it, not from ``forms.identities``."""
    table, rest = cell_id.split(".", 1)
    row, col = rest.rsplit(".", 1)  # rows such as denied.state_secret hold a dot themselves
    if table == "t4":
        return {("t4.group_sums", row): -1 if col == "total" else 1}
    out = {("t3.total_cols", row): -1 if col == "total" else 1}
    if row not in ("new_received", "carried_over", "carried_forward"):
        out[("t3.total_rows", col)] = -1 if row == "total" else 1
    if row in ("new_received", "carried_over", "total", "carried_forward"):
        out[("t3.balance", col)] = 1 if row in ("new_received", "carried_over") else -1
    return out


@settings(max_examples=40, deadline=None)
@given(consistent_tables(), st.booleans())
def test_consistent_tables_pass_every_check(drawn, with_carried):
    template, values = drawn
    year = YEAR[template]
    report = make_report(values, template, year, lines=consistent_prose(values, year, with_carried))
    check_corpus([report])
    for result in report.checks:
        if RULE_INDEX[result.id].scope == "corpus":
            assert result.outcome == NA, result.detail_en
        else:
            assert result.outcome == PASS, result.detail_en
    assert report.badge == "一致"
    assert len([r for r in report.checks if r.id.startswith(("t3.", "t4."))]) == len(forms.identities(template))


@settings(max_examples=60, deadline=None)
@given(consistent_tables(), st.data())
def test_changing_one_cell_fails_exactly_the_checks_on_it(drawn, data):
    template, values = drawn
    changed = data.draw(st.sampled_from(T3T4[template])).id
    old = values[changed]
    new = data.draw(st.integers(0, old + 30).filter(lambda v: v != old))
    report = checked({**values, changed: new}, template)
    expected = sides(changed)
    assert failing(report) == set(expected)
    for (rule, instance), sign in expected.items():
        result = by_instance(report, rule)[instance]
        assert changed in result.cells
        assert result.left - result.right == sign * (new - old)
        assert result.detail_en.endswith(f"; difference {sign * (new - old)}")
        assert result.detail_en.startswith(f"{rule}.{instance}: ")
    assert report.badge == "不一致"


@settings(max_examples=30, deadline=None)
@given(consistent_tables(), st.data())
def test_a_negative_table_2_count_fails_naming_it(drawn, data):
    template, values = drawn
    changed = data.draw(st.sampled_from([c for c in forms.cells(template) if c.table == "t2"]))
    new = data.draw(st.integers(-50, -1))
    report = checked({**values, changed.id: new}, template)
    if changed.kind == "change":
        assert failing(report) == set()
        return
    assert failing(report) == {("t2.nonnegative", changed.row)}
    result = by_instance(report, "t2.nonnegative")[changed.row]
    assert result.cells == [changed.id]
    assert result.detail_en == f"t2.nonnegative.{changed.row}: {changed.id} = {new} < 0"


@settings(max_examples=60, deadline=None)
@given(consistent_tables(), st.data(), st.sampled_from(["blank", "missing", "ambiguous"]))
def test_an_unusable_cell_makes_exactly_its_instances_not_applicable(drawn, data, status):
    template, values = drawn
    unusable = data.draw(st.sampled_from(T3T4[template])).id
    report = checked({**values, unusable: cell(None, status)}, template)
    na = {(r.id, r.instance): r for r in report.checks if r.outcome == NA and r.id.startswith(("t3.", "t4."))}
    assert set(na) == set(sides(unusable))
    for (rule, instance), result in na.items():
        assert result.detail_en == f"{rule}.{instance}: {unusable} is {status}"
        assert (result.left, result.right) == (None, None)
    assert failing(report) == set()
    assert report.badge == "一致"


@settings(max_examples=30, deadline=None)
@given(consistent_tables(GOV_2021), consistent_tables(GOV_2021), st.data())
def test_consecutive_years_carry_over_and_one_change_is_named(first, second, data):
    (_, before), (_, now) = first, second
    for col in forms.T3_APPLICANTS:  # last year's forward is this year's carried over; rebalance this year
        before[t3("carried_forward", col)] = now[t3("carried_over", col)]
        before[t3("new_received", col)] = before[t3("total", col)] + now[t3("carried_over", col)] \
            - before[t3("carried_over", col)]
        if before[t3("new_received", col)] < 0:
            before[t3("carried_over", col)] += before[t3("new_received", col)]
            before[t3("new_received", col)] = 0
    for row in ("new_received", "carried_over", "carried_forward"):
        before[t3(row, "total")] = sum(before[t3(row, c)] for c in forms.T3_APPLICANTS)
    for item in ("rules", "normative_docs"):
        now[f"t2.{item}.repealed"] = min(now[f"t2.{item}.repealed"], before[f"t2.{item}.in_force"])
        now[f"t2.{item}.in_force"] = before[f"t2.{item}.in_force"] + now[f"t2.{item}.issued"] \
            - now[f"t2.{item}.repealed"]
    reports = [make_report(before, GOV_2021, 2021), make_report(now, GOV_2021, 2022)]
    check_corpus(reports)
    assert {r.outcome for r in reports[1].checks if r.id in ("cy.carry", "t2.in_force_flow")} == {PASS}
    assert failing(reports[0]) == failing(reports[1]) == set()

    changed = data.draw(st.sampled_from([t3("carried_over", c.id) for c in forms.T3_COLUMNS]
                                        + [f"t2.{i}.{m}" for i in ("rules", "normative_docs")
                                           for m in ("issued", "repealed", "in_force")]))
    reports[1].cells[changed] = cell(reports[1].value(changed) + data.draw(st.integers(1, 9)))
    check_corpus(reports)
    rule = "cy.carry" if changed.startswith("t3.") else "t2.in_force_flow"
    instance = changed.split(".")[2] if rule == "cy.carry" else changed.split(".")[1]
    assert {(r.id, r.instance) for r in reports[1].checks if r.outcome == FAIL and r.id == rule} == {(rule, instance)}
    assert changed in by_instance(reports[1], rule)[instance].cells


@settings(max_examples=12, deadline=None)
@given(st.integers(0, 10_000), st.sampled_from(synthetic.LAYOUTS), st.sampled_from(TEMPLATED))
def test_rendered_consistent_reports_pass(seed, layout, template):
    values = synthetic.consistent_values(random.Random(seed), template)
    report = render_extract(values, template, layout)
    assert report.badge == "一致", [r.detail_en for r in report.checks if r.outcome == FAIL]
    got = outcomes(report)
    assert [got[r] for r in ("t3.balance", "t3.total_rows", "t3.total_cols", "t4.group_sums")] == [PASS] * 4
    assert [got[r] for r in ("narr.applications", "narr.review_litigation", "meta.year", "meta.template_year",
                             "meta.agency")] == [PASS] * 5


@settings(max_examples=12, deadline=None)
@given(st.integers(0, 10_000), st.sampled_from(["tab", "pipe", "space"]), st.sampled_from(TEMPLATED), st.data())
def test_rendered_changed_cell_fails_the_checks_on_it(seed, layout, template, data):
    values = synthetic.consistent_values(random.Random(seed), template)
    changed = data.draw(st.sampled_from(T3T4[template])).id
    old = values[changed]
    values[changed] = data.draw(st.integers(0, old + 30).filter(lambda v: v != old))
    report = render_extract(values, template, layout)
    assert report.cells[changed].value == values[changed]
    assert {f for f in failing(report) if RULE_INDEX[f[0]].severity == "error"} == set(sides(changed))
    for rule, instance in sides(changed):
        assert changed in by_instance(report, rule)[instance].cells


# --- explanations for readers ------------------------------------------------------------

_ID = re.compile(r"\bt[234]\.[a-z_.]+|\b(?:gov|pre)-20\d\d\b|\b(?:pass|fail|blank|missing|ambiguous)\b")
_QUOTED = re.compile(r"“[^”]*”")


def explanations(report) -> list[str]:
    return [r.detail_zh for r in report.checks + published(report.checks)]


def assert_readable(text: str) -> None:
    """Chinese for readers: no cell, rule or form ids, no English words outside quoted report text."""
    assert text and not _ID.search(text), text
    assert not re.search(r"[A-Za-z]{3,}", _QUOTED.sub("", text)), text


def test_every_explanation_is_chinese_without_ids():
    values = small_values()
    values[t4("litigation_after_review", "pending")] = 1
    values[t3("granted", "natural_person")] = cell(None, "blank")
    values[t3("denied.three_safeties", "total")] = cell(None, "ambiguous", raw="1 0")
    reports = [checked(values, lines=prose_lines(2022, applications=12)), checked({}, PRE_2019, year=2017),
               checked(small_values(GOV_2019), GOV_2019, year=2022)]
    _, now = year_pair({"t2.normative_docs.in_force": 10})
    for report in [*reports, now]:
        for text in explanations(report):
            assert_readable(text)
    rows = by_instance(reports[0], "t3.total_rows")
    assert rows["natural_person"].detail_zh.startswith("自然人一列无法核对：表三 予以公开·自然人为空白")


def test_a_long_column_sum_lists_what_is_not_zero():
    values = small_values()
    values[t3("total", "natural_person")] = 5
    result = by_instance(checked(values), "t3.total_rows")["natural_person"]
    assert result.outcome == FAIL
    assert result.detail_zh.startswith("自然人一列：予以公开 ")
    assert "其余" in result.detail_zh and "项均为 0）" in result.detail_zh
    assert result.detail_zh.endswith("，但报告所填（七）总计为 5（相差 1）")


def test_message_templates_are_data_in_both_languages():
    for rule in RULES:
        assert rule.messages and rule.as_json()["messages"], rule.id
        for key, (zh, en) in rule.messages.items():
            assert re.search(r"[\u4e00-\u9fff]", zh) and en, (rule.id, key)
            assert en.startswith("{rule}") or key == "summary", (rule.id, key)
        # What a badge quotes when the rule fails (the info rule never sets a badge).
        assert ("summary" in rule.messages) == (rule.severity != "info"), rule.id


def test_every_place_a_year_is_read_from_is_named_in_words():
    """meta.year names where the year was read; each source find_year can give has its words."""
    import inspect

    from builder.checks import YEAR_BASIS
    from builder.extraction import metadata

    source = inspect.getsource(metadata.find_year)
    given = {*re.findall(r'return [^\n]*?, "([^"]+)"', source), *re.findall(r'else "([^"]+)"', source),
             *re.findall(r', "([^"]+)"\)', source)}
    assert given and given <= set(YEAR_BASIS), given - set(YEAR_BASIS)


def test_meta_year_passes_over_a_year_s_report_cited_without_brackets():
    """Blind round 68 (prose of many figures): 2024年度报告中指出的……两个问题已基本整改：全年制作图解……35件 in a 2025 report
    was read as a statement on 2024, as many as the body's on 2025: the year failed."""
    lines = [*prose_lines(2022), "2021年度报告中指出的“政策解读形式较为单一”“部门依申请公开答复规范性不够”两个问题已基本整改："
                                 "全年制作图解、短视频等多形式解读35件。"]
    [result] = by_instance(checked(small_values(), lines=lines), "meta.year").values()
    assert result.outcome == PASS, result.detail_en
