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


def test_table_4_s_csv_header_whose_last_row_begins_empty_is_no_frame_s_index():
    """Blind round 134's CSV table 4 (行政复议,,,,,行政诉讼 / 结果维持,…,未经复议直接起诉 / ,,,,,结果维持,…) over a row of
    fifteen zeros: its last header row begins with empty cells, and its row with 0, as a frame's index would; the
    rule above took the first 0 for one (fourteen values left, all unsure). A frame's header begins the table."""
    v = values(seed=7)
    zero = {k: (0 if k.startswith("t4.") else value) for k, value in v.items()}
    text = frames_as_csv(zero, index=False, headers=False)
    start = text.index("四、政府信息公开行政复议")
    end = text.index("五、存在的主要问题")
    t4 = ("行政复议,,,,,行政诉讼,,,,,,,,,\n结果维持,结果纠正,其他结果,尚未审结,总计,未经复议直接起诉,,,,,复议后起诉,,,,\n"
          ",,,,,结果维持,结果纠正,其他结果,尚未审结,总计,结果维持,结果纠正,其他结果,尚未审结,总计\n" + ",".join(["0"] * 15))
    report = extract_bytes((text[:start] + "四、政府信息公开行政复议、行政诉讼情况\n" + t4 + "\n\n" + text[end:]).encode(),
                           "report.txt")
    assert {k: (c.value, c.status) for k, c in report.cells.items() if k.startswith("t4.")} == {
        k: (0, "reported") for k in zero if k.startswith("t4.")}


def sheet_as_csv(v: dict, sep: str = ",", protect: str = "", rates: bool = False) -> str:
    """The report as a spreadsheet saves it as CSV: the prose in the first cell of its lines, each table as its grid
    (a merged cell's text in its first cell, the others empty); with ``sep`` ";" the sep=; line Excel writes first.
    ``protect``: counts kept as text ("formula": =\"41\"; "quoted": "=\"\"41\"\"\""; "apostrophe": '041). ``rates``: table 3
    with a 较上年增减 column after its totals, a percentage or #DIV/0! where last year's count was 0."""
    from .official_form import placed, table3

    t3 = table3(v)
    wrap = {"formula": lambda n: f'="{n}"', "quoted": lambda n: f'"=""{n}"""', "apostrophe": lambda n: f"'0{n}",
            "": lambda n: n}[protect]
    lines = ["sep=;"] if sep == ";" else []
    for block in blocks(v, t3):
        if isinstance(block, str):
            lines.append(block)
            continue
        cells = placed(block)
        width = max(c + cell.colspan for _, c, cell in cells)
        grid = {(r, c): cell.text for r, c, cell in cells}
        for r in range(max(r for r, _, _ in cells) + 1):
            row = [grid.get((r, c), "") for c in range(width)]
            row = [wrap(text) if text.replace(".", "", 1).isdecimal() else text for text in row]
            if rates and block is t3:
                total = grid.get((r, width - 1), "")
                row.append("较上年增减" if r == 0 else "" if not total.isdecimal()
                           else "#DIV/0!" if r % 3 == 0 else f"{(-1) ** r * (r * 7.3 % 60):+.1f}%")
            lines.append(sep.join(row))
    return "\n".join(lines)


@pytest.mark.parametrize("sep, protect", [(";", "formula"), (",", "quoted"), (";", "apostrophe"), (",", "")])
@pytest.mark.parametrize("rates", [False, True], ids=["", "rate column"])
def test_a_sheet_s_csv_with_counts_kept_as_text_and_a_rate_column_is_read(sep, protect, rates):
    """Blind round 147 (spreadsheets' CSV dialects): counts written ="41" (Excel keeps them as text so), or '004,
    were no values: the tables of two reports were not read at all (393 cells). A 较上年增减 column after table 3's
    totals (-33.3%, or #DIV/0! where last year had none) left every row a value too wide and three cells wrong."""
    v = values(seed=7)
    text = sheet_as_csv(v, sep, protect, rates)
    report = extract_bytes(text.encode("utf-8"), "report.csv")
    assert (report.agency.name, report.year) == (AGENCY, YEAR)
    assert_every_cell(report, v)


@pytest.mark.parametrize("fee", [0.15, 0.8, 3.06, 2.45])
def test_a_semicolon_sheet_s_fee_with_a_decimal_comma_is_a_decimal(fee):
    """Blind round h1191 (Excel's CSV in a European locale: cells parted by semicolons, 行政事业性收费;0,15): the fee's
    decimal comma was read as a thousands comma (0,15 as 15) or the fee was unsure (3,06). A comma before three digits
    (行政处罚;1,386) still groups a count's thousands."""
    v = {**values(seed=7), "t2.fees.amount_10k_cny": fee, "t2.penalty.decisions": 1386}
    text = sheet_as_csv(v, ";").replace(f"行政事业性收费;{fee:g};", f"行政事业性收费;{fee:g};".replace(".", ","))
    text = text.replace("行政处罚;1386;", "行政处罚;1,386;")
    assert f";{fee:g};".replace(".", ",") in text and ";1,386;" in text
    report = extract_bytes(text.encode("utf-8"), "report.csv")
    assert (report.cells["t2.fees.amount_10k_cny"].value, report.cells["t2.penalty.decisions"].value) == (fee, 1386)
    assert_every_cell(report, v)
