"""The site reads the long tables of the package a report at a time and keeps only what it draws."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from builder.site import data

CHECK_COLUMNS = ["report_id", "check_id", "instance", "severity", "outcome", "cells", "left", "right", "detail_zh",
                 "detail_en"]


def write_checks(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(CHECK_COLUMNS)
        for report_id, check_id, outcome in rows:
            writer.writerow([report_id, check_id, "1", "error", outcome, "", "", "", f"'={report_id}", ""])
    return path


def test_rule_pages_keep_their_first_failing_reports_and_count_them_all(tmp_path, monkeypatch):
    monkeypatch.setattr(data, "RULE_PAGE_ROWS", 2)
    rows = []
    for n in range(5):  # a/0 … a/4: each fails t3.balance twice; a/4 passes t4.x, the others are not applicable
        rows += [(f"a/{n}", "t3.balance", "fail"), (f"a/{n}", "t3.balance", "fail"), (f"a/{n}", "t3.balance", "pass"),
                 (f"a/{n}", "t4.x", "pass" if n == 4 else "not_applicable")]
    failing, counts = data.read_check_outcomes(write_checks(tmp_path / "checks.csv", rows))
    assert [row["report_id"] for row in failing["t3.balance"]] == ["a/0", "a/1"]
    assert failing["t3.balance"][0]["detail_zh"] == "=a/0"  # the formula guard undone
    assert counts["t3.balance"] == {"fail": 5}
    assert counts["t4.x"] == {"not_applicable": 4, "pass": 1}
    assert "t4.x" not in failing


def test_a_long_table_out_of_report_order_is_refused(tmp_path):
    path = write_checks(tmp_path / "checks.csv", [("a/1", "t3.balance", "pass"), ("a/0", "t3.balance", "pass")])
    with pytest.raises(ValueError, match=r"checks\.csv is not sorted by report_id"):
        data.read_check_outcomes(path)


def test_agency_charts_read_table3_totals(tmp_path):
    path = tmp_path / "table3.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["report_id", "row", "label", "total"])
        writer.writerows([["a/1", "new_received", "", "9"], ["a/1", "granted", "", "4"],
                          ["a/1", "denied.state_secret", "", "2"], ["a/1", "denied.third_party_rights", "", ""],
                          ["a/1", "total", "", ""], ["b/1", "new_received", "", ""]])
    outcomes = data.read_outcomes(path)
    assert outcomes["a/1"].new == 9 and outcomes["a/1"].total is None
    assert outcomes["a/1"].groups[:3] == (4, None, 2)  # 予以公开, 部分公开 (no row), 不予公开 (its known rows)
    assert outcomes["b/1"] == data.Outcomes(None, None, (None,) * len(data.OUTCOME_GROUPS))
