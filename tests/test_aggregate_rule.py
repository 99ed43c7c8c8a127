"""agg.subordinate_sum: a report that aggregates its subordinate bodies against the sum of
their reports in the corpus (pass, fail, not applicable), with coverage in the evidence."""

from __future__ import annotations

from builder import forms
from builder.checks import FAIL, NA, PASS, RULE_INDEX, check_corpus, outcomes

from .checkhelpers import AGENCY, cell, make_report, prose_lines, small_values

COUNTY = "640425"
BUREAUS = ("固原市彭阳县财政局", "固原市彭阳县教育局")
NEW = forms.t3_cell("new_received", "total")
TOTAL = forms.t3_cell("total", "total")
REVIEW = forms.t4_cell("admin_review", "total")
AGGREGATED = "本报告由彭阳县人民政府办公室根据县政府各部门、各乡镇年度报告汇总编制。"


def corpus(statement: str | None = AGGREGATED, year: int = 2022, bureau_years: tuple[int, ...] = (2022, 2022),
           change: dict | None = None):
    """The county government (its tables the sum of two bureaus' unless ``change``d) and two bureaus."""
    bureaus = []
    for name, bureau_year in zip(BUREAUS, bureau_years):
        bureaus.append(make_report(small_values(), year=bureau_year, agency=name, lines=prose_lines(bureau_year, name)))
    values = {cell_id: 2 * v for cell_id, v in small_values().items()}
    values.update(change or {})
    lines = prose_lines(year) + ([statement] if statement else [])
    government = make_report(values, year=year, agency=AGENCY, lines=lines)
    check_corpus([government, *bureaus])
    return government, bureaus


def results(report) -> dict[str, object]:
    return {r.instance: r for r in report.checks if r.id == "agg.subordinate_sum"}


def test_the_rule_is_in_the_catalogue_as_info():
    rule = RULE_INDEX["agg.subordinate_sum"]
    assert (rule.severity, rule.scope) == ("info", "corpus")


def test_pass_when_the_stated_totals_are_the_sum_of_the_subordinates():
    government, bureaus = corpus()
    got = results(government)
    assert government.agency.adcode == COUNTY and all(b.agency.adcode == COUNTY for b in bureaus)
    assert got[NEW].outcome == PASS and (got[NEW].left, got[NEW].right) == (18, 18)
    assert got[REVIEW].outcome == PASS
    assert "2 of 2 2022 reports of bodies under 640425 (2 such agencies known to the corpus)" in got[NEW].detail_en
    assert all(b.report_id in got[NEW].detail_en for b in bureaus)
    assert outcomes(government)["agg.subordinate_sum"] == PASS
    # The bureaus do not say they aggregate anything.
    assert {r.outcome for b in bureaus for r in b.checks if r.id == "agg.subordinate_sum"} == {NA}


def test_fail_names_both_sides_and_coverage_without_changing_the_badge():
    government, _ = corpus(change={TOTAL: 19, forms.t3_cell("total", "natural_person"): 13})
    got = results(government)
    assert got[TOTAL].outcome == FAIL and (got[TOTAL].left, got[TOTAL].right) == (19, 18)
    assert "stated 19 ≠ 18, the sum of 2 of 2 2022 reports" in got[TOTAL].detail_en
    assert "为 19，而本站已有的 2 份下属机关报告之和为 18" in got[TOTAL].detail_zh and "t3." not in got[TOTAL].detail_zh
    assert not got[TOTAL].summary_zh  # an info rule never gives the badge's sentence
    assert got[NEW].outcome == PASS
    assert government.badge == "不一致"  # t3.total_rows fails: the error check, not the info rule, sets the badge
    other, _ = corpus(change={REVIEW: 5, forms.t4_cell("admin_review", "other"): 1})
    assert results(other)[REVIEW].outcome == FAIL and other.badge == "一致"


def test_whole_area_figures_count_as_aggregation():
    government, _ = corpus(statement="2022年，全县共收到政府信息公开申请18件。")
    assert results(government)[NEW].outcome == PASS


def test_not_applicable_without_an_aggregation_statement():
    government, _ = corpus(statement="本报告由彭阳县人民政府办公室编制。")
    assert [(r.outcome, r.detail_en) for r in results(government).values()] == [
        (NA, "agg.subordinate_sum: the report does not say it aggregates other bodies' figures")]


def test_not_applicable_without_subordinate_reports_of_the_same_year():
    government, _ = corpus(bureau_years=(2021, 2021))
    (only,) = results(government).values()
    assert only.outcome == NA and "no 2022 report of another body under 640425" in only.detail_en


def test_an_unusable_cell_is_not_applicable_and_never_read_as_zero():
    government, bureaus = corpus(change={NEW: cell(None, "blank")})
    assert results(government)[NEW].outcome == NA
    assert "is blank" in results(government)[NEW].detail_en
    bureaus[0].cells[REVIEW] = cell(None, "ambiguous")
    check_corpus([government, *bureaus])
    review = results(government)[REVIEW]
    assert review.outcome == FAIL and review.right == 2  # only the usable bureau is summed …
    assert "1 of 2 2022 reports" in review.detail_en  # … and the evidence says so
