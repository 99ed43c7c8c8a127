"""The site reads the long tables of the package a report at a time and keeps only what it draws."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from builder.site import data


def write_checks(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    """checks.parquet with these (report_id, check_id, outcome) rows."""
    pq.write_table(pa.table({"report_id": [r[0] for r in rows], "check_id": [r[1] for r in rows],
                             "instance": ["1"] * len(rows), "outcome": [r[2] for r in rows],
                             "detail_zh": [f"={r[0]}" if r[2] == "fail" else None for r in rows]}), path)
    return path


def test_rule_pages_keep_their_first_failing_reports_and_count_them_all(tmp_path, monkeypatch):
    monkeypatch.setattr(data, "RULE_PAGE_ROWS", 2)
    rows = []
    for n in range(5):  # a/0 … a/4: each fails t3.balance twice; a/4 passes t4.x, the others are not applicable
        rows += [(f"a/{n}", "t3.balance", "fail"), (f"a/{n}", "t3.balance", "fail"), (f"a/{n}", "t3.balance", "pass"),
                 (f"a/{n}", "t4.x", "pass" if n == 4 else "not_applicable")]
    failing, counts = data.read_check_outcomes(write_checks(tmp_path / "checks.parquet", rows))
    assert failing["t3.balance"] == [{"report_id": "a/0", "detail_zh": "=a/0"}, {"report_id": "a/1", "detail_zh": "=a/1"}]
    assert counts["t3.balance"] == {"fail": 5}
    assert counts["t4.x"] == {"not_applicable": 4, "pass": 1}
    assert "t4.x" not in failing


def test_a_long_table_out_of_report_order_is_refused(tmp_path):
    path = write_checks(tmp_path / "checks.parquet", [("a/1", "t3.balance", "pass"), ("a/0", "t3.balance", "pass")])
    with pytest.raises(ValueError, match=r"checks\.parquet is not sorted by report_id"):
        data.read_check_outcomes(path)


def test_a_report_s_rows_across_batches_are_one_report(tmp_path):
    rows = [("a/0", "t3.balance", "pass"), ("a/1", "t3.balance", "fail"), ("a/1", "t3.balance", "pass"),
            ("a/1", "t4.x", "pass"), ("a/2", "t4.x", "fail")]
    path = write_checks(tmp_path / "checks.parquet", rows)
    expected = [("a/0", [("pass",)]), ("a/1", [("fail",), ("pass",), ("pass",)]), ("a/2", [("fail",)])]
    for batch_rows in (1, 2, 3, 100):
        assert list(data.by_report(path, ("outcome",), batch_rows)) == expected


def test_agency_charts_read_table3_totals(tmp_path):
    path = tmp_path / "table3.parquet"
    rows = [("a/1", "new_received", 9), ("a/1", "granted", 4), ("a/1", "denied.state_secret", 2),
            ("a/1", "denied.third_party_rights", None), ("a/1", "total", None), ("b/1", "new_received", None)]
    pq.write_table(pa.table({"report_id": [r[0] for r in rows], "row": [r[1] for r in rows], "label": [""] * len(rows),
                             "total": pa.array([r[2] for r in rows], type=pa.int64())}), path)
    outcomes = data.read_outcomes(path)
    assert outcomes["a/1"].new == 9 and outcomes["a/1"].total is None
    assert outcomes["a/1"].groups[:3] == (4, None, 2)  # 予以公开, 部分公开 (no row), 不予公开 (its known rows)
    assert outcomes["b/1"] == data.Outcomes(None, None, (None,) * len(data.OUTCOME_GROUPS))
