"""Reports whose tables went through a data frame (pandas' read_html, then to_csv): blind round 144 (data tools'
exports). pandas writes its index as a first column (0, 1, 2 … under an empty header cell), a merged cell's text
into every cell it spans, and counts as floats (23.0): table 3's rows were not read and table 4's row was read
a column off (the index's 0 as its first value), its sums holding by chance."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from builder.extraction.extract import extract_bytes

from .official_form import AGENCY, YEAR, assert_every_cell, blocks, html_body, html_page, values


def frames_as_csv(v: dict, index: bool, headers: bool) -> str:
    """The report's prose as lines and each table as pandas reads it from the page (tables 3 and 4 with their three
    header rows as the columns' MultiIndex, or every row as data) and writes it to CSV, counts as floats."""
    report = blocks(v)
    page = io.StringIO(html_page(html_body(report)))
    tables = iter(pd.read_html(page, flavor="lxml", header=None))
    out = []
    for block in report:
        if isinstance(block, str):
            out.append(block)
            continue
        frame = next(tables)
        if headers and len(frame.columns) > 5:  # tables 3 and 4
            frame = pd.DataFrame(frame.iloc[3:].values, columns=pd.MultiIndex.from_arrays(frame.iloc[:3].values))
        frame = frame.map(lambda cell: float(cell) if isinstance(cell, str) and cell.isdecimal() else cell)
        out.append(frame.to_csv(index=index, lineterminator="\n"))
    return "\n".join(out)


@pytest.mark.parametrize("headers", [True, False])
@pytest.mark.parametrize("index", [True, False])
def test_tables_pandas_read_from_a_page_and_wrote_as_csv_are_read(index, headers):
    """(行政强制 9, its merged cell copied 9,9,9 as 行政处罚's 4514,4514,4514 is: 9, not the digits of 999.)"""
    v = {**values(seed=7), "t2.coercion.decisions": 9}
    assert v["t2.penalty.decisions"] > 9
    text = frames_as_csv(v, index, headers)
    assert ".0," in text
    report = extract_bytes(text.encode("utf-8"), "report.txt")
    assert (report.agency.name, report.year) == (AGENCY, YEAR)
    assert_every_cell(report, v)


def test_a_one_row_table_under_a_header_with_an_empty_corner_keeps_a_first_value_of_0():
    """No index: a row whose first value is 0 under a header whose first cell is empty (a corner) is the table's."""
    v = values(seed=7)
    v = {**v, "t4.admin_review.upheld": 0}
    v["t4.admin_review.total"] = sum(v[f"t4.admin_review.{c}"] for c in ("upheld", "corrected", "other", "pending"))
    text = frames_as_csv(v, index=False, headers=True)
    report = extract_bytes(text.encode("utf-8"), "report.txt")
    assert_every_cell(report, v)
