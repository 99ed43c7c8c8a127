"""The five bundled reports extract to the values in ../shared/corpus/expected."""

from __future__ import annotations

import pytest

from builder.checks import check_corpus, outcomes
from builder.extraction.extract import extract_file

from .conftest import CORPUS, CORPUS_FILES, assert_expected_checks, expected_for


@pytest.fixture(scope="module")
def reports():
    reports = {name: extract_file(CORPUS / name) for name in CORPUS_FILES}
    check_corpus(list(reports.values()))
    return reports


def test_the_bundled_corpus_is_the_shared_one():
    assert CORPUS_FILES == ["000_3c99cf29d2b59166.txt", "001_497777d1f7d5736d.txt", "002_ca7c6a4c8b1a7e82.txt",
                            "003_22aab187490cdc1c.txt", "004_13e53bba648087dd.txt"]


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_metadata(reports, name):
    report, expected = reports[name], expected_for(name)
    assert report.agency.name == expected["agency"]
    assert report.year == expected["year"]
    assert report.template == expected["template"]
    region = expected["region"]
    assert (report.agency.province, report.agency.city, report.agency.county, report.agency.adcode) == (
        region["province"], region["city"], region["county"], region["adcode"])
    assert report.agency.agency_id.startswith(region["adcode"] + "-")
    assert report.report_id == f"{report.agency.agency_id}/{expected['year']}"


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_every_cell(reports, name):
    report, expected = reports[name], expected_for(name)
    alternatives = expected.get("cells_alternatives", {})
    for cell, want in expected["cells"].items():
        got = report.cells[cell]
        allowed = alternatives.get(cell, [want])
        assert got.value in allowed, f"{cell}: {got} (expected one of {allowed})"
    assert set(report.cells) == {c for c in report.cells}  # every template cell present
    for cell in expected.get("repaired_cells", []):
        assert report.cells[cell].status == "repaired", cell
        assert report.cells[cell].note
    for cell in expected.get("worded_none_cells", []):
        assert report.cells[cell].status == "none", cell
        assert report.cells[cell].raw == "无"


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_narrative(reports, name):
    report, expected = reports[name], expected_for(name)
    for key, want in expected.get("narrative", {}).items():
        approx = key.endswith("_approx")
        key = key.removesuffix("_approx")
        figures = [f for f in report.narrative if f.key == key and f.value == want]
        assert figures, f"{key} = {want} not found in {[(f.key, f.value) for f in report.narrative]}"
        assert all(f.approx == approx for f in figures)
        assert all(f.text for f in figures)


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_checks_and_badge(reports, name):
    report, expected = reports[name], expected_for(name)
    assert_expected_checks(outcomes(report), expected)
    assert report.badge == expected["badge"]
    assert report.summary.startswith(expected["badge"] + "：")


def test_displaced_numbers_are_repaired_with_evidence(reports):
    cell = reports["000_3c99cf29d2b59166.txt"].cells["t3.denied.internal_affairs.natural_person"]
    assert (cell.value, cell.raw, cell.status) == (3, "0 0 3", "repaired")
    assert "印在表三 不予公开·危及“三安全一稳定”·自然人中" in cell.note and "t3." not in cell.note


def test_blank_total_is_inferred_and_marked(reports):
    cell = reports["000_3c99cf29d2b59166.txt"].cells["t3.total.natural_person"]
    assert cell.status in ("blank", "inferred")
    if cell.status == "inferred":
        assert cell.value == 33 and cell.raw == ""
        assert cell.note == "表中空白，由勾稽关系推出：表三“总计”一行各类申请人之和等于总计"


def test_summary_names_the_failing_cells(reports):
    assert reports["000_3c99cf29d2b59166.txt"].summary == "不一致：表四“行政诉讼·复议后起诉”总计为 0，分项之和为 2"
    failing = [c for c in reports["000_3c99cf29d2b59166.txt"].checks if c.outcome == "fail" and c.severity == "error"]
    assert [c.detail_en for c in failing] == [
        "t4.group_sums.litigation_after_review: 1+0+0+1 = 2 ≠ 0 (总计: 0); difference 2"]


def test_pengyang_id_is_readable_ascii(reports):
    assert reports["004_13e53bba648087dd.txt"].report_id == "640425-pengyang-xian-renmin-zhengfu/2022"
    assert reports["004_13e53bba648087dd.txt"].value("t3.total.total") == 27
