"""Report data as open-data portals and statistics offices distribute it in database and binary table files: SQLite,
dBase, Parquet, Arrow (Feather) and Stata. Each kind in the layouts such files use: a cell a row (by the form's
words, or by the cell ids this project publishes), an agency-year a row, the report's text in a field or a
paragraph a row, the metadata in the file's own key-value pairs."""

from __future__ import annotations

import io
import random
import sqlite3
import struct

import pandas
import pyarrow
import pyarrow.feather
import pyarrow.parquet
import pytest

from builder import errors, forms, synthetic
from builder.extraction.extract import extract_bytes

AGENCY = "浏阳市人民政府"
YEAR = 2023
TABLES = {"t2": "表二", "t3": "表三", "t4": "表四"}


def _report(seed: int, template: str = forms.GOV_2021) -> tuple[str, dict, int]:
    """The report's text without its tables' rows (its title, sections and their headings), its values, its year."""
    v = synthetic.consistent_values(random.Random(seed), template)
    year = YEAR if template == forms.GOV_2021 else 2020
    text = synthetic.render(AGENCY, year, template, v, "tab")
    return "\n".join(line for line in text.split("\n") if "\t" not in line and "勾稽" not in line), v, year


def _labels(template: str) -> list[tuple[str, str, str, str]]:
    """Each cell's id and its table's, row's and column's words as the form prints them."""
    groups = {row.id: row.group_zh for row in forms.FORMS[template].t3_rows}
    out = []
    for cell in forms.cells(template):
        row = cell.row_label_zh
        if cell.table == "t3" and groups.get(cell.row) and groups[cell.row] != row:
            row = f"{groups[cell.row]} {row}"
        out.append((cell.id, TABLES[cell.table], row, cell.column_label_zh))
    return out


def _cells(rep, template: str) -> dict:
    return {k: c.value for k, c in rep.cells.items() if k in {c.id for c in forms.cells(template)}}


def _assert_read(data: bytes, name: str, v: dict, year: int) -> None:
    """The file read as the report: its agency, its year and every cell of the 2021 form."""
    rep = extract_bytes(data, name)
    assert (rep.agency.name, rep.year) == (AGENCY, year)
    assert _cells(rep, forms.GOV_2021) == {c.id: v[c.id] for c in forms.cells(forms.GOV_2021)}


def sqlite_database(text: str, v: dict, template: str, year: int) -> bytes:
    """A portal's database: the report's text in one table, each form table a cell a row in its own."""
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE TABLE 报告(机关 TEXT, 年度 INTEGER, 标题 TEXT, 正文 TEXT)")
    connection.execute("INSERT INTO 报告 VALUES (?, ?, ?, ?)", (AGENCY, year, text.split("\n")[0], text))
    for table in TABLES.values():
        connection.execute(f"CREATE TABLE {table}(序号 INTEGER, 行 TEXT, 列 TEXT, 数值 REAL)")
    for n, (cell, table, row, column) in enumerate(_labels(template)):
        connection.execute(f"INSERT INTO {table} VALUES (?, ?, ?, ?)", (n + 1, row, column, v[cell]))
    connection.commit()
    data = connection.serialize()
    connection.close()
    return data


@pytest.mark.parametrize("template", [forms.GOV_2021, forms.GOV_2019])
def test_a_sqlite_database_of_one_report_is_read_cell_for_cell(template):
    """A SQLite file was binary data, refused: a table of the report's text, a table for each form table."""
    text, v, year = _report(31, template)
    rep = extract_bytes(sqlite_database(text, v, template, year), "report.db")
    assert (rep.agency.name, rep.year, rep.template) == (AGENCY, year, template)
    assert _cells(rep, template) == {c.id: v[c.id] for c in forms.cells(template)}
    assert rep.document.source.format == "data-file"
    assert "一、总体情况" in rep.document.lines


def test_a_database_of_several_agencies_figures_is_refused_as_a_roster():
    """A city's summary (an agency a row, every cell a column) is no report of its own."""
    template = forms.GOV_2021
    labels = _labels(template)
    connection = sqlite3.connect(":memory:")
    columns = ", ".join(f'"{table}_{row}_{column}" REAL' for _, table, row, column in labels)
    connection.execute(f'CREATE TABLE 汇总(单位名称 TEXT, 年度 INTEGER, {columns})')
    for k, name in enumerate(("浏阳市人民政府", "宁乡市人民政府", "长沙县人民政府")):
        v = synthetic.consistent_values(random.Random(40 + k), template)
        connection.execute(f"INSERT INTO 汇总 VALUES ({', '.join('?' * (len(labels) + 2))})",
                           (name, YEAR, *(v[cell] for cell, *_ in labels)))
    connection.commit()
    with pytest.raises(errors.NotAReport, match="3 agencies"):
        extract_bytes(connection.serialize(), "summary.sqlite")


def test_a_parquet_file_of_cell_ids_with_its_metadata_is_read_cell_for_cell():
    """A cell a row named by this project's cell ids, the agency, year and text in the file's key-value metadata."""
    text, v, year = _report(32)
    table = pyarrow.table({"cell_id": [c.id for c in forms.cells(forms.GOV_2021)],
                           "value": [float(v[c.id]) for c in forms.cells(forms.GOV_2021)]})
    table = table.replace_schema_metadata({"agency": AGENCY, "year": str(year), "正文": text})
    buffer = io.BytesIO()
    pyarrow.parquet.write_table(table, buffer)
    _assert_read(buffer.getvalue(), "report.parquet", v, year)


def test_an_arrow_file_of_labelled_rows_with_metadata_and_paragraph_rows_is_read_cell_for_cell():
    """表 | 行 | 列 | 数值 | 文本: the cells by the form's words, the agency and year as rows of their own, the text a
    paragraph a row; a Feather (Arrow IPC) file."""
    text, v, year = _report(33)
    rows = [("元数据", "机关", "", None, AGENCY), ("元数据", "年度", "", None, str(year))]
    rows += [("正文", f"段落{k:02d}", "", None, line) for k, line in enumerate(text.split("\n")) if line.strip()]
    rows += [(table, row, column, float(v[cell]), "") for cell, table, row, column in _labels(forms.GOV_2021)]
    table = pyarrow.table({name: [row[k] for row in rows] for k, name in enumerate(("表", "行", "列", "数值", "文本"))})
    buffer = io.BytesIO()
    pyarrow.feather.write_feather(table, buffer)
    _assert_read(buffer.getvalue(), "report.feather", v, year)


def test_a_stata_dataset_of_one_wide_row_is_read_by_its_variable_labels():
    """Variables named in short pinyin (t3_1_zrr), labelled with the cell's words parted by spaces (表三 予以公开
    自然人); the text in a long string variable."""
    text, v, year = _report(34)
    labels = _labels(forms.GOV_2021)
    frame = pandas.DataFrame([[AGENCY, year, text, *(float(v[cell]) for cell, *_ in labels)]],
                             columns=["jiguan", "niandu", "zhengwen", *(f"v{k}" for k in range(len(labels)))])
    variable_labels = {"jiguan": "机关", "niandu": "年度", "zhengwen": "报告正文"}
    variable_labels |= {f"v{k}": f"{table} {row.split()[-1]} {column}"[:80] for k, (_, table, row, column)
                        in enumerate(labels)}
    buffer = io.BytesIO()
    frame.to_stata(buffer, write_index=False, version=118, variable_labels=variable_labels, convert_strl=["zhengwen"])
    _assert_read(buffer.getvalue(), "report.dta", v, year)


def dbf(fields: list[tuple[str, str, int]], records: list[list[str]], language_driver: int = 0x4D) -> bytes:
    """A dBase III table in GBK: fields (name, type, width), records of texts."""
    header_length = 32 + 32 * len(fields) + 1
    record_length = 1 + sum(width for _, _, width in fields)
    head = struct.pack("<BBBBIHH", 0x03, 123, 1, 1, len(records), header_length, record_length) + b"\0" * 17 \
        + bytes([language_driver]) + b"\0\0"
    descriptors = b"".join(name.encode("gbk").ljust(11, b"\0") + kind.encode() + b"\0" * 4 + bytes([width, 0])
                           + b"\0" * 14 for name, kind, width in fields)
    body = b"".join(b" " + b"".join(value.encode("gbk")[:width].ljust(width) for value, (_, _, width)
                                     in zip(record, fields, strict=True)) for record in records)
    return head + descriptors + b"\r" + body + b"\x1a"


def test_a_dbase_table_with_initialled_fields_is_read_cell_for_cell():
    """Field names of ten bytes at most, the applicant columns by their initials (ZRR 自然人, SYQY 商业企业), a table-3
    row's values across them, every other cell in one value column (SZ), the text a paragraph a record."""
    text, v, year = _report(35)
    columns = [c for c in forms.T3_COLUMNS]
    initials = {"自然人": "ZRR", "商业企业": "SYQY", "科研机构": "KYJG", "社会公益组织": "SHGYZZ",
                "法律服务机构": "FLFWJG", "其他": "QT", "总计": "ZJ"}
    fields = [("LB", "C", 8), ("XM", "C", 120), ("LM", "C", 40), ("WB", "C", 254)]
    fields += [(initials[c.label_zh], "N", 10) for c in columns] + [("SZ", "N", 12)]
    blank = [""] * (len(columns) + 1)
    records = [["元数据", "机关", "", AGENCY, *blank], ["元数据", "年度", "", str(year), *blank]]
    records += [["正文", f"段落{k:02d}", "", line, *blank] for k, line in enumerate(text.split("\n")) if line.strip()]
    t3_rows: dict[str, list[str]] = {}
    for cell, table, row, column in _labels(forms.GOV_2021):
        if table == "表三":
            t3_rows.setdefault(row, []).append(f"{v[cell]}")
        else:
            records.append([table, row, column, "", *[""] * len(columns), f"{float(v[cell]):.2f}"])
    records += [["表三", row, "", "", *values, ""] for row, values in t3_rows.items()]
    _assert_read(dbf(fields, records), "report.dbf", v, year)


def test_bytes_that_only_begin_like_a_dbase_table_are_no_table():
    """A dBase header is told by its lengths adding up to the file's size, not by its first byte (0x03 begins
    other files too)."""
    data = b"\x03" + b"\x00" * 40 + "一、总体情况".encode()
    with pytest.raises(errors.ReportError) as caught:
        extract_bytes(data, "notes.txt")
    assert "dBase" not in str(caught.value) and "data-file" not in str(caught.value)


def test_a_parquet_file_of_a_line_a_row_after_thousands_of_blank_rows_is_read():
    """Blind round 150 (hostile data files): a crawler's table, a line of the report a row (source, line_no, text),
    after 300,000 rows holding only a category's label ('crawl'): the rows past the limit refused the file whole,
    and the id and category cells before each line made it no report's text."""
    _, v, year = _report(36)
    lines = synthetic.render(AGENCY, year, forms.GOV_2021, v, "tab").split("\n")
    blank = 300_000
    table = pyarrow.table({
        "source": pyarrow.array(["crawl"] * blank + ["report"] * len(lines)).dictionary_encode(),
        "line_no": pyarrow.array([None] * blank + list(range(1, len(lines) + 1)), pyarrow.int32()),
        "text": [""] * blank + lines})
    buffer = io.BytesIO()
    pyarrow.parquet.write_table(table, buffer)
    _assert_read(buffer.getvalue(), "crawl.parquet", v, year)


def test_labelled_rows_whose_text_column_is_null_are_not_left_out():
    """表 | 行 | 列 | 数值 | 文本, the text null (not empty) in the cells' rows: a null compared with "" made the whole
    row look blank, and every cell was lost."""
    text, v, year = _report(37)
    rows = [("元数据", "机关", "", None, AGENCY), ("元数据", "年度", "", None, str(year))]
    rows += [("正文", f"段落{k:02d}", "", None, line) for k, line in enumerate(text.split("\n")) if line.strip()]
    rows += [(table, row, column, v[cell], None) for cell, table, row, column in _labels(forms.GOV_2021)
             if isinstance(v[cell], int)]
    table = pyarrow.table({name: [row[k] for row in rows] for k, name in enumerate(("表", "行", "列", "数值", "文本"))})
    buffer = io.BytesIO()
    pyarrow.feather.write_feather(table, buffer)
    rep = extract_bytes(buffer.getvalue(), "report.arrow")
    assert rep.cells["t3.total.total"].value == v["t3.total.total"]


def test_a_stata_dataset_of_the_report_s_sections_beside_thousands_of_zero_variables_is_read():
    """A section a row (section_no, text with the tables' rows tab-separated) beside 2,000 variables of zeros: each
    zero was a cell of every section (an hour of work at 30,000), and the sections' lines no report's text."""
    _, v, year = _report(38)
    sections = synthetic.render(AGENCY, year, forms.GOV_2021, v, "tab").split("\n\n")
    frame = pandas.DataFrame({"section_no": list(range(1, len(sections) + 1)), "text": sections,
                              **{f"v{k:05d}": [0] * len(sections) for k in range(2_000)}})
    buffer = io.BytesIO()
    frame.to_stata(buffer, write_index=False, version=118, convert_strl=["text"])
    _assert_read(buffer.getvalue(), "report.dta", v, year)


def test_a_dbase_header_claiming_more_records_than_the_file_holds_is_read_for_those_it_holds():
    """The count said 4,000,000,000 records: the sizes did not add up, and the file was binary data. A header whose
    fields' widths make its records' length is a dBase table, read for the records there are."""
    text, v, year = _report(39)
    fields = [("LB", "C", 8), ("XM", "C", 120), ("LM", "C", 40), ("WB", "C", 254), ("SZ", "N", 12)]
    records = [["元数据", "机关", "", AGENCY, ""], ["元数据", "年度", "", str(year), ""]]
    records += [["正文", f"段落{k:02d}", "", line, ""] for k, line in enumerate(text.split("\n")) if line.strip()]
    records += [[table, row, column, "", f"{v[cell]}"] for cell, table, row, column in _labels(forms.GOV_2021)]
    data = bytearray(dbf(fields, records))
    data[4:8] = struct.pack("<I", 4_000_000_000)
    rep = extract_bytes(bytes(data), "report.dbf")
    assert _cells(rep, forms.GOV_2021) == {c.id: v[c.id] for c in forms.cells(forms.GOV_2021)}
