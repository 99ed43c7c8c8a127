"""Reports published as workbooks (.xlsx, .xls, .ods): the text on a sheet, the tables on sheets of
their own, merged cells; hidden sheets are not read; a workbook too large is refused."""

from __future__ import annotations

import io
import random
from pathlib import Path

import pytest

from builder import errors, forms, synthetic
from builder.extraction.extract import extract_bytes
from builder.reading.document import detect_format, read_bytes

from .official_form import AGENCY, YEAR, Cell, Table, assert_every_cell, blocks, values, xlsx_bytes

FIXTURES = Path(__file__).parent / "fixtures"


def test_a_report_saved_as_a_workbook_is_read_sheet_by_sheet():
    """Text on the first sheet (a paragraph a merged row), a table a sheet: they were refused as an
    Excel workbook, and the report lost."""
    v = values()
    report = extract_bytes(xlsx_bytes(blocks(v)), "report.xlsx")
    assert report.document.source.format == "spreadsheet"
    assert (report.agency.name, report.year) == (AGENCY, YEAR)
    assert_every_cell(report, v)
    assert {f.key: f.value for f in report.narrative if f.headline}["applications_received"] == \
        v["t3.new_received.total"]


def test_a_hidden_sheet_is_not_read():
    """Last year's tables kept on a hidden sheet as a backup: not what the workbook shows."""
    v, last_year = values(), values(seed=3)
    hidden = [b for b in blocks(last_year) if not isinstance(b, str)]
    assert_every_cell(extract_bytes(xlsx_bytes(blocks(v), hidden=hidden), "report.xlsx"), v)


def _sheets_workbook(sheets: list[tuple[str, list]]) -> bytes:
    """A workbook of visible sheets, each a whole report laid out as ``xlsx_bytes`` lays out its first sheet."""
    from openpyxl import Workbook

    from .official_form import _xlsx_table

    book = Workbook()
    book.remove(book.active)
    for name, report in sheets:
        sheet, row = book.create_sheet(name), 1
        for block in report:
            if isinstance(block, str):
                sheet.cell(row, 1, block)
                row += 1
            else:
                _xlsx_table(sheet, block, row)
                row += len(block) + 1
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize("earlier", ["上年", f"{YEAR - 1}年"])
def test_the_previous_year_s_report_on_a_sheet_before_the_year_s_is_read_after_it(earlier):
    """Blind round 192 (h677): the year before's whole report kept on a visible sheet (上年, 2022年) before the sheet of
    the year's (2023年度报告): the first report read was the earlier year's, 393 cells and the year wrong in ten files."""
    v, last_year = values(), values(seed=3)
    old = [b.replace(str(YEAR), str(YEAR - 1)) if isinstance(b, str) else b for b in blocks(last_year)]
    report = extract_bytes(_sheets_workbook([(earlier, old), (f"{YEAR}年度报告", blocks(v))]), "report.xlsx")
    assert report.year == YEAR
    assert_every_cell(report, v)


@pytest.mark.parametrize("name", ["填报说明", "填表须知"])
def test_a_sheet_of_filling_instructions_before_the_report_s_is_read_after_them(name):
    """Blind round (h1271): a 填报说明 sheet first, its worked example a row of figures under 本年新收 | 上年结转 | …, the
    report's text on the next sheet naming each table's sheet (见“表三”工作表) and the tables on sheets of their own: the
    example's row was read as table 3, the report's table 3 lost (175 cells in two files)."""
    v = values()
    report = blocks(v)
    tables = [k for k, b in enumerate(report) if not isinstance(b, str)]
    text = [f"{b}（见“表{'二三四'[tables.index(k + 1)]}”工作表）" if k + 1 in tables else b
            for k, b in enumerate(report) if not isinstance(b, list)]
    example = [[Cell(h) for h in ("本年新收", "上年结转", "予以公开", "部分公开", "结转下年度")],
               [Cell(n) for n in ("28", "3", "18", "5", "2")]]
    instructions = ["填报说明", "1. 表三勾稽关系：第一项加第二项之和等于第三项加第四项之和。",
                    "示例（仅供参考，非本单位数据）", example]
    sheets = [(name, instructions), ("正文", text)]  # (table 2 without its rows citing 第二十条, which mark where it is)
    sheets += [(f"表{'二三四'[i]}", [report[k - 1], [row for row in report[k] if not row[0].text.startswith("第二十条")]])
               for i, k in enumerate(tables)]
    assert_every_cell(extract_bytes(_sheets_workbook(sheets), "report.xlsx"), v)


def _with_text_box(data: bytes, paragraphs: list[str]) -> bytes:
    """The workbook with a text box drawn over its first sheet holding ``paragraphs`` (as Excel stores one: a
    drawing part the sheet's relationships name, a shape with a text body)."""
    import zipfile
    from xml.sax.saxutils import escape

    text = "".join(f"<a:p><a:r><a:t>{escape(p)}</a:t></a:r></a:p>" for p in paragraphs)
    drawing = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
               '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" '
               'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor>'
               '<xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>0</xdr:row><xdr:rowOff>0</xdr:rowOff>'
               '</xdr:from><xdr:to><xdr:col>9</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>40</xdr:row>'
               '<xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="2" '
               'name="文本框 1"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr/><xdr:txBody><a:bodyPr/>'
               f'{text}</xdr:txBody></xdr:sp><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats'
            '.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"/></Relationships>')
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                content = content.replace(b"</worksheet>", b'<drawing xmlns:r="http://schemas.openxmlformats.org/'
                                          b'officeDocument/2006/relationships" r:id="rId9"/></worksheet>')
            target.writestr(item, content)
        target.writestr("xl/worksheets/_rels/sheet1.xml.rels", rels)
        target.writestr("xl/drawings/drawing1.xml", drawing)
    return out.getvalue()


def test_a_report_s_title_and_prose_in_a_text_box_over_its_first_sheet_are_read():
    """The title and the opening typed into a text box drawn over the sheet, the tables in its cells: the agency
    was read from the file's name and no prose figure was found."""
    v = values()
    report_blocks = blocks(v)
    first_table = next(k for k, b in enumerate(report_blocks) if not isinstance(b, str))
    opening, rest = report_blocks[:first_table], report_blocks[first_table:]
    data = _with_text_box(xlsx_bytes(rest), opening)
    report = extract_bytes(data, f"{YEAR}年报告.xlsx")
    assert (report.agency.name, report.year) == (AGENCY, YEAR)
    assert_every_cell(report, v)
    assert any("共收到政府信息公开申请" in line for line in opening)
    assert {f.key: f.value for f in report.narrative if f.headline}["applications_received"] == \
        v["t3.new_received.total"]


def _text_with_carriage_returns(data: bytes) -> bytes:
    """The workbook's table sheets as a converter writes them: each figure a text cell ending in an escaped carriage
    return and a line feed (36_x000D_↵, Excel shows 36), every other one's digits in two rich-text runs, and each
    label of 8 characters or more broken after its fourth by _x000D_↵ (一、本年新收_x000D_↵政府信息公开申请数量)."""
    import html
    import re
    import zipfile
    from xml.sax.saxutils import escape

    figures = 0

    def figure(m: re.Match) -> bytes:
        nonlocal figures
        figures += 1
        digits = m[2].decode()
        runs = (f"<r><t>{digits[:1]}</t></r><r><t xml:space=\"preserve\">{digits[1:]}_x000D_\n</t></r>"
                if figures % 2 and len(digits) > 1 else f"<t xml:space=\"preserve\">{digits}_x000D_\n</t>")
        return m[1] + b' t="inlineStr"><is>' + runs.encode() + b"</is></c>"

    def label(m: re.Match) -> bytes:
        text = html.unescape(m[1].decode())
        if len(text) < 8:
            return m[0]
        return f"<t xml:space=\"preserve\">{escape(text[:4])}_x000D_\n{escape(text[4:])}</t>".encode()

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            part = source.read(item.filename)
            if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", item.filename) and item.filename != "xl/worksheets/sheet1.xml":
                part = re.sub(rb"<t>([^<]*)</t>", label, part)
                part = re.sub(rb'(<c r="[A-Z]+\d+")[^>]*t="n"[^>]*><v>(\d+)</v></c>', figure, part)
            target.writestr(item, part)
    assert figures >= 60
    return out.getvalue()


def test_figures_stored_as_text_ending_in_an_escaped_carriage_return_and_line_feed_are_read():
    """Blind round 261 (h1245): each figure a text cell 36_x000D_↵ (the carriage return and line feed a line break
    Excel shows at the cell's end, under 36) and labels broken by _x000D_↵: the carriage return read as a line of its
    own put each figure's cell on a line apart, 4 cells wrong and 137 unsure."""
    v = values()
    report = extract_bytes(_text_with_carriage_returns(xlsx_bytes(blocks(v))), "report.xlsx")
    assert (report.agency.name, report.year) == (AGENCY, YEAR)
    assert_every_cell(report, v)


def test_a_workbook_of_the_tables_alone_under_the_report_s_title_is_read():
    v = values()
    title, *rest = blocks(v)
    tables_only = [title, *(b for b in rest if not isinstance(b, str) or b.startswith(("二、", "三、", "四、")))]
    assert_every_cell(extract_bytes(xlsx_bytes(tables_only), "附表.xlsx"), v)


@pytest.mark.parametrize("suffix", [".xls", ".ods"])
def test_an_excel_97_or_opendocument_workbook_is_read(suffix):
    """The .xlsx of the first test saved by LibreOffice as Excel 97 and as OpenDocument (tests/fixtures/README.md)."""
    data = (FIXTURES / f"official-form-seed5{suffix}").read_bytes()
    assert detect_format(data, "report" + suffix) == "spreadsheet"
    assert_every_cell(extract_bytes(data, "report" + suffix), values())


def test_a_sheet_declaring_millions_of_cells_is_refused():
    """A few KB of XML can declare a sheet of a million rows: refused before it is expanded."""
    from openpyxl import Workbook

    book = Workbook()
    book.active["A1"] = f"{AGENCY}{YEAR}年政府信息公开工作年度报告"
    book.active.cell(1_000_000, 16, 1)
    out = io.BytesIO()
    book.save(out)
    with pytest.raises(errors.OverLimit, match=r"^report\.xlsx: "):
        read_bytes(out.getvalue(), "report.xlsx")


def test_a_damaged_workbook_is_refused_with_its_reason():
    data = xlsx_bytes(blocks(values()))
    with pytest.raises(errors.ReportError) as caught:
        read_bytes(data[: len(data) // 2], "report.xlsx")
    assert str(caught.value).startswith("report.xlsx: not a document, spreadsheet, OCR result or archive the build reads: "
                                        "not a readable spreadsheet")


def test_a_workbook_of_several_agencies_tables_reads_the_first_and_says_more_follow():
    """A compilation of departments' tables, a sheet each, with no sections after table 4: table 4 ran
    to the end of the file, the other departments' tables in it, and the compiler's note named the agency."""
    v, other = values(), values(seed=3)
    note = "说明：本表由彭阳县人民政府办公室根据各部门报送的年度报告整理汇总。"

    def tables_only(vals: dict, agency: str) -> list:
        title, *rest = blocks(vals)
        return [title.replace(AGENCY, agency),
                *(b for b in rest if not isinstance(b, str) or b.startswith(("二、", "三、", "四、")))]

    workbook = xlsx_bytes(["彭阳县2022年度部门政府信息公开工作年度报告数据汇总表", note,
                           *tables_only(v, AGENCY), *tables_only(other, "彭阳县教育局")])
    report = extract_bytes(workbook, "汇总.xlsx")
    assert (report.agency.name, report.year) == (AGENCY, YEAR)
    assert_every_cell(report, v)
    assert [w["count"] for w in report.warnings if w["code"] == "more_reports"] == [1]


def _workbook(fill) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    fill(book.active)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_tables_side_by_side_on_one_sheet_are_read_one_after_the_other():
    """表二 in A:D and 表三 from F on, in the same rows: read row by row across, table 2's cells ran into
    table 3's and were lost. Blocks of columns parted by an empty column, each naming a table."""
    from .official_form import _xlsx_table

    v = values()
    t2, t3, t4 = (b for b in blocks(v) if not isinstance(b, str))

    def fill(sheet) -> None:
        sheet["A1"] = f"{AGENCY}{YEAR}年政府信息公开工作年度报告附表"
        sheet["A2"], sheet["F2"] = "表二：主动公开政府信息情况", "表三：收到和处理政府信息公开申请情况"
        _xlsx_table(sheet, t2, 3)
        _xlsx_table(sheet, t3, 3, left=6)
        sheet.cell(40, 1, "表四：政府信息公开行政复议、行政诉讼情况")
        _xlsx_table(sheet, t4, 41)

    assert_every_cell(extract_bytes(_workbook(fill), "附表.xlsx"), v)


def test_tables_side_by_side_with_an_empty_column_inside_one_are_read_one_after_the_other():
    """Blind round 249 (h1164): 表二 with an empty column between its labels and its figures (a label merged over two
    columns), 表四 to its right: the figures' block named no table, so the sheet was read row by row across and table
    2 was lost (18 to 25 cells missing a file). A block naming no table is the table's on its left."""
    from .official_form import _xlsx_table

    v = values()
    t2, t3, t4 = (b for b in blocks(v) if not isinstance(b, str))

    def fill(sheet) -> None:
        sheet["A1"] = f"{AGENCY}{YEAR}年政府信息公开工作年度报告附表"
        sheet["A2"], sheet["H2"] = "表二：主动公开政府信息情况", "表四：政府信息公开行政复议、行政诉讼情况"
        for r, row in enumerate(t2, start=3):  # (its labels in A, B empty in every row, its figures from C)
            for c, cell in enumerate(row):
                sheet.cell(r, 1 if c == 0 else c + 2, cell.text)
        _xlsx_table(sheet, t4, 3, left=8)
        sheet.cell(40, 1, "表三：收到和处理政府信息公开申请情况")
        _xlsx_table(sheet, t3, 41)

    assert_every_cell(extract_bytes(_workbook(fill), "附表.xlsx"), v)


def test_hidden_rows_and_columns_of_a_sheet_are_not_read():
    """Last year's rows and columns kept in the sheet, hidden: they were read as this year's."""
    from .official_form import _xlsx_table

    v, last = values(), values(seed=3)
    t2, t3, t4 = (b for b in blocks(v) if not isinstance(b, str))
    old_t4 = [b for b in blocks(last) if not isinstance(b, str)][2]

    def fill(sheet) -> None:  # the tables from column C on; columns A and B hidden, holding last year's notes
        sheet["C1"] = f"{AGENCY}{YEAR}年政府信息公开工作年度报告附表"
        sheet["C2"] = "表二：主动公开政府信息情况"
        _xlsx_table(sheet, t2, 3, left=3)
        sheet.cell(30, 3, "表三：收到和处理政府信息公开申请情况")
        _xlsx_table(sheet, t3, 31, left=3)
        for row in range(1, 31 + len(t3)):
            sheet.cell(row, 1, "上年")
            sheet.cell(row, 2, row)
        sheet.column_dimensions["A"].hidden = sheet.column_dimensions["B"].hidden = True
        sheet.cell(70, 3, "表四：政府信息公开行政复议、行政诉讼情况")
        _xlsx_table(sheet, old_t4, 71, left=3)  # last year's table 4, its rows hidden
        for row in range(71, 71 + len(old_t4)):
            sheet.row_dimensions[row].hidden = True
        _xlsx_table(sheet, t4, 71 + len(old_t4), left=3)

    assert_every_cell(extract_bytes(_workbook(fill), "附表.xlsx"), v)


def test_a_cell_showing_a_formula_error_holds_its_place():
    """#REF! in a row's total: python-calamine reads an error as an empty cell, and the row read one cell
    off (its 自然人 empty, the total taken from the cell before). The error is read from the sheet's XML."""
    from .official_form import table3

    v = values()
    total = str(v["t3.granted.total"])
    t3 = table3(v)
    granted = next(k for k, row in enumerate(t3) if any(c.text == "（一）予以公开" for c in row))
    t3[granted] = [*t3[granted][:-1], Cell("#REF!")]  # openpyxl writes it as an error cell (t="e")
    data = xlsx_bytes(blocks(v, t3))
    assert any(line.startswith("三、本年度办理结果") and line.endswith("\t#REF!")
               for line in read_bytes(data, "report.xlsx").text.split("\n"))
    report = extract_bytes(data, "report.xlsx")
    row = {c: report.cells[f"t3.granted.{c}"] for c in ("natural_person", "commercial_enterprise", "total")}
    assert (row["natural_person"].value, row["commercial_enterprise"].value) == (
        v["t3.granted.natural_person"], v["t3.granted.commercial_enterprise"])
    assert row["total"].status != "reported" and row["total"].value in (None, int(total))


def _totals_as_formulas(data: bytes) -> tuple[bytes, int]:
    """The workbook with table 3's 总计 column and table 4's three 总计 cells written as formulas, as a
    script (openpyxl) writes them: =SUM(…) with no value stored."""
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    def summed(cells: list) -> str:
        first, last = cells[0], cells[-1]
        return f"=SUM({get_column_letter(first.column)}{first.row}:{get_column_letter(last.column)}{last.row})"

    book = load_workbook(io.BytesIO(data))
    made = 0
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            numbers = [cell for cell in row if isinstance(cell.value, int)]
            groups = [numbers] if len(numbers) == 7 else [numbers[k:k + 5] for k in (0, 5, 10)] if len(numbers) == 15 else []
            for group in groups:
                group[-1].value = summed(group[:-1])
                made += 1
    out = io.BytesIO()
    book.save(out)
    return out.getvalue(), made


def test_totals_a_script_wrote_as_formulas_without_values_are_computed():
    """A workbook an export script wrote (openpyxl, Apache POI) stores each 总计 as =SUM(…) with no value:
    a reader saw those cells empty, where Excel, WPS and LibreOffice show the sums."""
    v = values(seed=12)
    data, made = _totals_as_formulas(xlsx_bytes(blocks(v)))
    assert made >= 20
    report = extract_bytes(data, "report.xlsx")
    assert (report.agency.name_normalized, report.year) == (AGENCY, YEAR)
    assert_every_cell(report, v)


def _stored_as(data: bytes, stored: str, calc: str) -> bytes:
    """The workbook with every formula's stored value ``stored`` and ``calc`` as its workbook's calcPr element."""
    import re
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            part = source.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                part = re.sub(rb"(<f>[^<]*</f>)(?:<v>[^<]*</v>|<v/>)?", rb"\1<v>" + stored.encode() + rb"</v>", part)
            elif item.filename == "xl/workbook.xml":
                part = re.sub(rb"<calcPr[^>]*/>", b"", part).replace(b"</workbook>", calc.encode() + b"</workbook>")
            target.writestr(item, part)
    return out.getvalue()


def test_a_workbook_to_be_computed_on_opening_shows_its_formulas_results_not_their_stored_zeros():
    """Blind round 152 (h375): xlsxwriter stores 0 for every formula and asks Excel to compute them all on opening
    (calcPr fullCalcOnLoad="1"): every 总计 was read as 0, and every sum failed. A workbook that does not ask so
    (Excel's own) shows the values it stored."""
    v = values(seed=12)
    data, _ = _totals_as_formulas(xlsx_bytes(blocks(v)))
    report = extract_bytes(_stored_as(data, "0", '<calcPr calcId="124519" fullCalcOnLoad="1"/>'), "report.xlsx")
    assert_every_cell(report, v)
    stored = extract_bytes(_stored_as(data, "0", '<calcPr calcId="191029"/>'), "report.xlsx")
    assert stored.cells["t3.total.total"].value == 0
    # Blind round 252 (h1183): stale values stored (an earlier draft's sums) are computed again on opening too; a
    # workbook that does not ask so shows them.
    computed = extract_bytes(_stored_as(data, "7", '<calcPr calcId="124519" fullCalcOnLoad="1"/>'), "report.xlsx")
    assert_every_cell(computed, v)
    stale = extract_bytes(_stored_as(data, "7", '<calcPr calcId="191029"/>'), "report.xlsx")
    assert stale.cells["t3.total.total"].value == 7


def _shared(data: bytes) -> tuple[bytes, int]:
    """The workbook with each column's run of like formulas (=SUM(B5:G5), =SUM(B6:G6) …) written as Excel writes
    them: one shared formula, its text in the first cell only (t="shared" si=…), the others naming it by its si."""
    import re
    import zipfile

    made = 0

    def share(part: bytes) -> bytes:
        nonlocal made
        masters: dict[str, tuple[int, str, int]] = {}  # by column: the first cell's row, its formula, its si

        def cell(m: re.Match) -> bytes:
            nonlocal made
            column, row, formula = m[3].decode(), int(m[4]), m[5].decode()
            first = masters.get(column)
            if first and formula == re.sub(r"(?<=[A-Z])\d+", lambda r: str(int(r[0]) + row - first[0]), first[1]):
                made += 1
                return m[1] + b'<f t="shared" si="%d"/>' % first[2] + m[6]
            masters[column] = (row, formula, len(masters))
            return m[1] + b'<f t="shared" ref="%s%d:%s1048576" si="%d">%s</f>' % (
                column.encode(), row, column.encode(), len(masters) - 1, formula.encode()) + m[6]
        return re.sub(rb'(<c r="(([A-Z]+)(\d+))"[^>]*>)<f>([^<]*)</f>(<v>[^<]*</v>|<v/>)?', cell, part)

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            part = source.read(item.filename)
            target.writestr(item, share(part) if item.filename.startswith("xl/worksheets/") else part)
    return out.getvalue(), made


def _in_excel_tables(data: bytes) -> tuple[bytes, int]:
    """The workbook with each sheet holding formulas formatted as an Excel table (a ListObject over its used range,
    columns named 列A, 列B …) and each SUM(B5:G5) of a row written by the table's names, as Excel writes it:
    SUM(表格2[[#This Row],[列B]:[列G]])."""
    import re
    import zipfile

    made = 0

    def structured(part: bytes, name: str) -> bytes:
        nonlocal made

        def by_names(m: re.Match) -> bytes:
            nonlocal made
            made += 1
            return b"<f>SUM(%s[[#This Row],[\xe5\x88\x97%s]:[\xe5\x88\x97%s]])</f>" % (name.encode(), m[1], m[3])
        return re.sub(rb"<f>SUM\(([A-Z])(\d+):([A-Z])\2\)</f>", by_names, part)

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        tables = 0
        for item in source.infolist():
            part = source.read(item.filename)
            sheet = re.fullmatch(r"xl/worksheets/(sheet\d+)\.xml", item.filename)
            if sheet and b"<f>" in part:
                tables += 1
                name = f"表格{tables}"
                part = structured(part, name)
                last = max(int(r) for r in re.findall(rb'<row r="(\d+)"', part))
                columns = "".join(f'<tableColumn id="{k + 1}" name="列{chr(65 + k)}"/>' for k in range(16))
                target.writestr(f"xl/tables/table{tables}.xml", (
                    f'<table xmlns="{_SPREADSHEET}" id="{tables}" name="{name}" displayName="{name}" ref="A1:P{last}">'
                    f'<tableColumns count="16">{columns}</tableColumns></table>').encode())
                target.writestr(f"xl/worksheets/_rels/{sheet[1]}.xml.rels", (
                    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                    '<Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships'
                    f'/table" Target="../tables/table{tables}.xml"/></Relationships>').encode())
            target.writestr(item, part)
    return out.getvalue(), made


_SPREADSHEET = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def test_formulas_naming_an_excel_table_s_columns_are_computed():
    """Blind round 257 (h1217): a sheet formatted as an Excel table writes its totals by the table's names
    (SUM(办理结果[[#This Row],[自然人]:[其他]]), SUBTOTAL(109,[总计])); in a workbook computed again on opening,
    their stale stored values were read (13 cells wrong in one file). They name the cells the table's range and
    columns say, as Excel resolves them."""
    v = values(seed=17)
    data, made = _in_excel_tables(_totals_as_formulas(xlsx_bytes(blocks(v)))[0])
    assert made >= 20
    report = extract_bytes(_stored_as(data, "7", '<calcPr calcId="124519" fullCalcOnLoad="1"/>'), "report.xlsx")
    assert_every_cell(report, v)


def test_structured_references_name_the_cells_excel_resolves_them_to():
    from builder.reading.excel_tables import ExcelTable, structured_to_a1

    tables = {"办理结果": ExcelTable("表3", 3, 1, 12, 1, 1, ("情形", "自然人", "商业企业", "其他", "总计")),
              "t4": ExcelTable("表4", 0, 0, 3, 1, 0, ("a[1]", "b"))}
    assert structured_to_a1("SUM(办理结果[[#This Row],[自然人]:[其他]])", 6, "表3", tables) == "SUM(C7:E7)"
    assert structured_to_a1("SUBTOTAL(109,[总计])", 12, "表3", tables) == "SUM(F5:F12)"  # the table's own column
    assert structured_to_a1("办理结果[[#Totals],[自然人]]+办理结果[@其他]", 8, "表3", tables) == "C13+E9"
    assert structured_to_a1("SUM(办理结果[自然人])-办理结果[[#Headers],[总计]]", 0, "表3", tables) == "SUM(C5:C12)-F4"
    assert structured_to_a1("T4[a'[1']]*2", 0, "表3", tables) == "'表4'!A2:A4*2"  # another sheet's, its ' escapes
    # A name no table or column has, and text in quotes, are left as written (no evaluation reads them).
    assert structured_to_a1('办理结果[不存在]&"[自然人]"', 6, "表3", tables) == '办理结果[不存在]&"[自然人]"'
    assert structured_to_a1("SUBTOTAL(101,[总计])", 12, "表3", tables) == "SUBTOTAL(101,F5:F12)"


def _table3_as_excel_tables(v: dict) -> list[Table]:
    """Table 3 as a sheet formatted as Excel tables lays it out: three tables one under another, each with a header
    row of its own, whose corner words are no heading the form prints (申请情况, 办理结果 | 具体情形, 项目 | 说明)."""
    names = [Cell(c.label_zh) for c in forms.T3_COLUMNS]

    def figures(row) -> list[Cell]:
        return [Cell(str(v[forms.t3_cell(row.id, c.id)])) for c in forms.T3_COLUMNS]
    rows = {r.id: r for r in forms.T3_ROWS_2021}
    applications = [[Cell("申请情况"), *names]] + [[Cell(rows[k].label_zh), *figures(rows[k])]
                                                 for k in ("new_received", "carried_over")]
    results = [[Cell("办理结果"), Cell("具体情形"), *names]] + [
        [Cell(r.group_zh if r.group_zh != "三、本年度办理结果" else r.label_zh),
         Cell(r.label_zh if r.group_zh != "三、本年度办理结果" else ""), *figures(r)]
        for r in forms.T3_ROWS_2021 if r.group_zh]
    forward = [[Cell("项目"), Cell("说明"), *names], [Cell(rows["carried_forward"].label_zh), Cell(""),
                                                      *figures(rows["carried_forward"])]]
    return [applications, results, forward]


def test_table_3_as_excel_tables_with_corner_words_of_their_own_is_read():
    """Blind round 257 (h1217): a sheet formatted as Excel tables prints table 3 as three tables, each headed by its
    own row whose corner words are no heading of the form's (申请情况, 具体情形): they were taken for a column the form
    does not have, and every row of the table, a figure short of the header, was left unsure (147 cells in each of
    ten files). Words before 自然人 on its line head the rows' labels."""
    v = values(seed=23)
    report = blocks(v)
    at = report.index("三、收到和处理政府信息公开申请情况") + 1
    report = report[:at] + _table3_as_excel_tables(v) + report[at + 1:]
    assert_every_cell(extract_bytes(_sheets_workbook([("年度报告", report)]), "report.xlsx"), v)


def test_a_shared_formula_is_computed_in_each_cell_it_fills():
    """Blind round 252 (h1183): Excel writes a column of like totals as one shared formula, its text in the first
    cell only; with no values stored, every total but the first was read empty (94 cells left unsure)."""
    v = values(seed=21)
    data, _ = _shared(_totals_as_formulas(xlsx_bytes(blocks(v)))[0])
    from builder.reading.spreadsheet import _moved

    assert _moved("SUM(D31:I31)+$C$2+'Q1数据'!A1", 2, 1) == "SUM(E33:J33)+$C$2+'Q1数据'!A1"
    assert_every_cell(extract_bytes(data, "report.xlsx"), v)


def test_formulas_taking_their_figures_from_another_sheet_are_computed():
    """Blind round 252 (h1183): every figure of table 3 a reference to a sheet of raw figures (='原始数据'!B2, a
    hidden sheet here), the totals sums of those, no value stored: all 175 cells were read empty."""
    from openpyxl import load_workbook

    v = values(seed=22)
    book = load_workbook(io.BytesIO(_totals_as_formulas(xlsx_bytes(blocks(v)))[0]))
    moved = 0
    for k, sheet in enumerate(list(book.worksheets)):
        raw = book.create_sheet(f"原始 数据{k}")
        raw.sheet_state = "hidden"
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, int):
                    raw[cell.coordinate] = cell.value
                    cell.value = f"='原始 数据{k}'!{cell.coordinate}"
                    moved += 1
    assert moved > 150
    out = io.BytesIO()
    book.save(out)
    assert_every_cell(extract_bytes(out.getvalue(), "report.xlsx"), v)


ACCOUNTING = '_(* #,##0_);_(* (#,##0);_(* "-"_);_(@_)'


@pytest.mark.parametrize("value, code, shown, otherwise", [
    (12000, "0!.0,", "1.2", "1.2"), (5412, ACCOUNTING, " 5,412 ", None), (0, ACCOUNTING, " - ", None),
    (3, ";;;", "", ""), ("草稿", ";;;", "", ""), (12, '0"件"', "12件", None), (0, '0;-0;"无"', "无", None),
    (-3, "0;[Red]-0", "-3", None), (12, "@", None, None), (12, "0.00", "12.00", None), (7, "000", "007", None),
    (1234.5, "#,##0.0", "1,234.5", None), (12000, "0.0,", "12.0", "12.0"), (0.5, "0%", "50%", "50%"),
    (3, "yyyy-mm-dd", None, None), (12, "General", None, None), (12, "[>100]0", None, None),
])
def test_a_cell_shows_its_number_as_its_format_says(value, code, shown, otherwise):
    """Blind round 255 (h1204): Excel shows a cell by its number format; only where that is not the stored value read as
    a number (hidden by ;;;, 12000 元 shown as 1.2 万元 by 0!.0,) does the reading take what is shown."""
    from builder.reading.numfmt import formatted, shown_otherwise

    assert (formatted(value, code), shown_otherwise(value, code)) == (shown, otherwise)


def test_a_draft_figure_a_format_hides_and_a_fee_a_format_scales_are_read_as_excel_shows_them():
    """Blind round 255 (h1204): a draft 3 left in a cell formatted ;;; (Excel shows it blank) was read as a figure, and a
    fee stored as 12000 (元) with the format 0!.0, (Excel shows 1.2, in 万元) was read as 12,000 万元."""
    from openpyxl import load_workbook

    v = values(seed=23)
    book = load_workbook(io.BytesIO(xlsx_bytes(blocks(v))))
    fee = draft = None
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            label = str(row[0].value or "")
            numbers = [cell for cell in row if isinstance(cell.value, int | float) and not isinstance(cell.value, bool)]
            if "行政事业性收费" in label and numbers:
                fee = numbers[0]
            elif "结转下年度继续办理" in label and len(numbers) == 7:  # (a draft's 3 beside its 总计, unseen)
                draft = sheet.cell(row=numbers[-1].row, column=numbers[-1].column + 1)
                draft.value, draft.number_format = 3, ";;;"
    assert fee is not None and draft is not None
    fee.value, fee.number_format = round(v["t2.fees.amount_10k_cny"] * 10000), "0!.0,"
    out = io.BytesIO()
    book.save(out)
    report = extract_bytes(out.getvalue(), "report.xlsx")
    assert_every_cell(report, {**v, "t2.fees.amount_10k_cny": round(v["t2.fees.amount_10k_cny"], 1)})


@pytest.mark.parametrize("formula, value", [
    ("=SUM(A1:A3)+B1*2", 16.0), ("=A1+A2-A3", 0.0), ("=(A1+B1)/2", 3.0), ("=SUM(A1,A2,7)", 10.0),
    ("=-A1+$B$1", 4.0), ("=C9", 0.0),  # an empty cell counts 0
    ("=A1/C9", None), ("=VLOOKUP(A1,A1:B3,2)", None), ("=Sheet2!A1", None), ("=SUM(A1:A3", None), ("=A1+T1", None),
    ("=D1", None),  # a cycle
])
def test_the_formulas_a_workbook_is_filled_with(formula, value):
    from builder.reading.spreadsheet import _evaluated

    cells = {(0, 0): 1.0, (1, 0): 2.0, (2, 0): 3.0, (0, 1): 5.0, (0, 19): None}  # A1..A3, B1, T1 holds text

    def value_at(row: int, column: int, depth: int, sheet: str = ""):
        if sheet:  # (no other sheet)
            return None
        if (row, column) == (0, 3):  # D1 = D1
            return _evaluated("=D1", value_at, depth + 1)
        return cells.get((row, column), "")

    assert _evaluated(formula, value_at, 0) == value


@pytest.mark.parametrize(("formula", "shown"), [("=A1+B1+C1", 135), ("=SUM(A1:C1)", 12), ("=SUM(A1,B1,C1)", 12),
                                                ("=A1+D1", None)])
def test_numbers_stored_as_text_count_as_excel_counts_them(formula, shown):
    """Blind round 136 (workbooks as clerks make them): '123 typed with an apostrophe is text. Excel's + takes its
    number and SUM skips it; the formula's total (no value stored) was left empty, and the row one cell short."""
    from builder.reading.spreadsheet import _compute_formulas

    values = [["123", 10, 2, "无", ""]]
    _compute_formulas(values, {(0, 4): formula}, 0, 0)
    assert values[0][4] == ("" if shown is None else shown)


@pytest.mark.parametrize("formula, value", [
    ('=IF(C1="",0,C1)', 0.0), ('=IF(A2="",0,A2)', 2.0), ("=IF(ISBLANK(C1),0,C1)", 0.0), ("=IF(A3>2,A3,0)", 3.0),
    ("=IF(A1>=2,1,0)", 0.0), ('=IF(E1="已登记",A1,A2)', 1.0), ("=IF(A1<>1,5,6)", 6.0), ("=C1", 0.0),  # empty: 0
    ("=ROUND(F1/10000,2)", 12.35), ("=ROUND(-2.5,0)", -3.0), ("=ROUND(1234,-2)", 1200.0),
    ('=SUMIF(E1:E3,"已登记",A1:A3)', 4.0), ("=SUMIF(E1:E3,E1,B1:B3)", 7.0), ('=SUMIF(E1:E3,"已*",A1)', 4.0),
    ('=SUMIF(A1:A3,">1")', 5.0), ('=SUMIF(A1:A3,"<>2",B1:B3)', 7.0), ('=SUMIF(E1:E3,"",A1:A3)', 2.0),
    ("=SUM(A1:A3,B1)", 11.0), ("=SUMIF(E1:E3,E2,B1:B3)", None),  # (an empty criterion: not read)
    # not known (T1, a formula not computed) or not read: no number, never one counting the unknown as 0
    ("=IF(T1>0,T1,0)", None), ("=IF(ISBLANK(T1),0,T1)", None), ('=SUMIF(E1:E3,"已登记",T1:T3)', None),
    ('=SUMIF(T1:T3,"x",A1:A3)', None), ("=SUM(A1:A3,T1)", None), ("=ROUND(T1,0)", None), ("=IF(E1,1,0)", None),
    ("=IF(A1>0,1)", 1.0), ("=IF(A1>1,1)", None), ("=A1>0", None), ('=IF(A1="1",1,0)', 0.0),  # (text is no number)
    ("=SUMPRODUCT(A1:A3,B1:B3)", None), ('=IF(A1>0,T1,0)', None), ('=IF(A1>1,T1,A2)', 2.0),
])
def test_the_conditions_roundings_and_conditional_sums_a_workbook_is_filled_with(formula, value):
    """Blind round 300 (h1295): report cells =IF('数据'!B5="",0,'数据'!B5), =ROUND(数据!B9/10000,2) of a fee in 元 and
    =SUMIF(a ledger's kinds,"行政许可决定",its figures) were left empty, and their rows read shifted by a cell."""
    from builder.reading.spreadsheet import _evaluated

    cells = {(0, 0): 1.0, (1, 0): 2.0, (2, 0): 3.0, (0, 1): 5.0, (2, 1): 2.0, (0, 4): "已登记", (1, 4): "",
             (2, 4): "已登记", (0, 5): 123456.0, (0, 19): None, (1, 19): None, (2, 19): 1.0}  # T1, T2: not known

    def value_at(row: int, column: int, depth: int, sheet: str = ""):
        return None if sheet else cells.get((row, column), "")

    assert _evaluated(formula, value_at, 0) == value


def _kept_on_data_sheets(data: bytes) -> tuple[bytes, int]:
    """The workbook with each figure of its tables kept on a hidden sheet (数据, its zeros left empty) and its cell a
    formula of it, no value stored, as a script writes them: a name the workbook defines (one of the table's sheet's
    own over a workbook's of the same name), IF(ISBLANK(…)), IF(…>0), a SUMIF over a ledger of the figure's parts in
    shuffled rows, and the fee (万元) ROUND of an amount in 元."""
    from openpyxl import load_workbook
    from openpyxl.workbook.defined_name import DefinedName

    book = load_workbook(io.BytesIO(data))
    tables = list(book.worksheets)
    raw = book.create_sheet("数据")
    raw.sheet_state = "hidden"
    ledger: list[tuple[str, int]] = []
    pending = []
    made = 0
    for sheet in tables:
        for row in sheet.iter_rows():
            fee = "行政事业性收费" in str(row[0].value or "")
            for cell in row:
                if not isinstance(cell.value, int | float) or isinstance(cell.value, bool):
                    continue
                made += 1
                at = made + 1
                if fee:
                    raw.cell(at, 2, round(cell.value * 10000) + 37)  # (元: 12.34 万元 as 123437)
                    cell.value = f"=ROUND('数据'!B{at}/10000,2)"
                    continue
                if cell.value:
                    raw.cell(at, 2, cell.value)
                kind = made % 5
                if kind == 0:
                    name = f"项_{made:03d}"
                    book.defined_names[name] = DefinedName(name, attr_text="'数据'!$C$1")  # (the sheet's own first)
                    sheet.defined_names[name] = DefinedName(name, attr_text=f"'数据'!$B${at}")
                    cell.value = f"={name}"
                elif kind == 1:
                    cell.value = f"=IF(ISBLANK('数据'!B{at}),0,'数据'!B{at})"
                elif kind == 2:
                    cell.value = f"=IF(数据!B{at}>0,数据!$B${at},0)"
                elif kind == 3:
                    ledger += [(f"项{made}", cell.value - cell.value // 2), (f"项{made}", cell.value // 2)]
                    pending.append((cell, f"项{made}"))
                else:
                    cell.value = f"='数据'!B{at}"
    raw["C1"] = 999
    random.Random(7).shuffle(ledger)
    first = made + 3
    for k, (label, part) in enumerate(ledger):
        raw.cell(first + k, 1, label)
        raw.cell(first + k, 3, part)
    last = first + len(ledger) - 1
    for cell, label in pending:
        cell.value = f'=SUMIF(\'数据\'!$A${first}:$A${last},"{label}",\'数据\'!$C${first}:$C${last})'
    out = io.BytesIO()
    book.save(out)
    return out.getvalue(), made


def test_figures_a_hidden_sheet_holds_through_names_conditions_and_conditional_sums_are_computed():
    """Blind round 300 (h1295): a script wrote each figure of the report's tables as a formula of hidden data sheets,
    no value stored: workbook names (=报表项_001), IF wrappers over a sheet leaving its zeros empty, SUMIF over a
    shuffled ledger, ROUND(元/10000,2). They were read empty, and their rows a cell off."""
    v = values(seed=24)
    data, made = _kept_on_data_sheets(xlsx_bytes(blocks(v)))
    assert made > 150
    report = extract_bytes(data, "report.xlsx")
    assert_every_cell(report, v)


def _linked_to_another_workbook(data: bytes) -> tuple[bytes, int]:
    """The workbook with each figure of its tables a formula of another workbook's cell (=[1]数据0!C12, some written
    '[台账2023.xlsx]数据0'!C12, the totals SUM([1]数据0!B5:G5)), no value stored: the figures only in the package's
    externalLink part, the linked sheet's cells as Excel last read them."""
    import re
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    book = load_workbook(io.BytesIO(data))
    cached: dict[int, dict[int, list[str]]] = {}
    made = 0
    for k, sheet in enumerate(book.worksheets):  # (the report's sheet k linked to the ledger's 数据k)
        for row in sheet.iter_rows():
            numbers = [cell for cell in row if isinstance(cell.value, int | float) and not isinstance(cell.value, bool)]
            for cell in numbers:
                kept = f'<cell r="{cell.coordinate}"><v>{cell.value}</v></cell>'
                cached.setdefault(k, {}).setdefault(cell.row, []).append(kept)
                linked = f"'[台账2023.xlsx]数据{k}'" if made % 3 == 1 else f"[1]数据{k}"
                cell.value = f"={linked}!{cell.coordinate}"
                made += 1
            if len(numbers) == 7:
                first, last = (f"{get_column_letter(c.column)}{c.row}" for c in (numbers[0], numbers[-2]))
                numbers[-1].value = f"=SUM([1]数据{k}!{first}:{last})"
    out = io.BytesIO()
    book.save(out)
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    for name in [name for name in files if name.startswith("xl/worksheets/sheet")]:
        files[name] = re.sub(r"<v\s*/>|<v></v>", "", files[name].decode()).encode()
    main, relationships = "http://schemas.openxmlformats.org/spreadsheetml/2006/main", \
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    files["xl/workbook.xml"] = files["xl/workbook.xml"].decode().replace(
        "</sheets>", f'</sheets><externalReferences><externalReference xmlns:r="{relationships}" r:id="rIdLink"/>'
                     "</externalReferences>").encode()
    files["xl/_rels/workbook.xml.rels"] = files["xl/_rels/workbook.xml.rels"].decode().replace(
        "</Relationships>", f'<Relationship Id="rIdLink" Type="{relationships}/externalLink" '
                            'Target="externalLinks/externalLink1.xml"/></Relationships>').encode()
    names = "".join(f'<sheetName val="数据{k}"/>' for k in range(len(book.worksheets)))
    sheets = "".join(f'<sheetData sheetId="{k + 1}">' + "".join(f'<row r="{r}">{"".join(cells)}</row>'
                                                             for r, cells in sorted(rows.items())) + "</sheetData>"
                     for k, rows in sorted(cached.items()))
    files["xl/externalLinks/externalLink1.xml"] = (
        f'<externalLink xmlns="{main}" xmlns:r="{relationships}"><externalBook r:id="rId1"><sheetNames>'
        f'<sheetName val="封面"/>{names}</sheetNames><sheetDataSet><sheetData sheetId="0"/>{sheets}</sheetDataSet>'
        "</externalBook></externalLink>").encode()
    files["xl/externalLinks/_rels/externalLink1.xml.rels"] = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{relationships}/externalLinkPath" Target="file:///D:/%E5%85%AC%E5%BC%80/'
        '台账2023.xlsx" TargetMode="External"/></Relationships>').encode()
    linked = io.BytesIO()
    with zipfile.ZipFile(linked, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return linked.getvalue(), made


def test_figures_of_another_workbook_are_read_from_the_link_s_cache():
    """Blind round 305 (h1300): each figure a formula of a ledger workbook (=[1]数据!C12, SUM([1]数据!B5:G5)), some with
    no value stored: Excel shows the values the workbook's externalLink part keeps, which were not read (1-21 cells
    of 9 reports left empty). A cell the cache does not hold is not known, not 0."""
    v = values(seed=25)
    data, made = _linked_to_another_workbook(xlsx_bytes(blocks(v)))
    assert made > 150
    assert_every_cell(extract_bytes(data, "report.xlsx"), v)
    from builder.reading.spreadsheet import _evaluated, _external_books

    external = _external_books(data)
    assert external["[1]数据0"] == external["[台账2023.xlsx]数据0"] and external["[1]封面"] == {}

    def value_at(row: int, column: int, depth: int, sheet: str = "") -> object:
        return external.get(sheet.casefold(), {}).get((row, column))

    assert _evaluated("=[1]数据0!ZZ999", value_at, 0) is None and _evaluated("=SUM([1]数据0!A1:ZZ99)", value_at, 0) is None


def test_a_row_whose_last_figure_no_formula_computes_is_not_read_a_cell_off():
    """Blind round 300 (h1295): table 3's 总计 (above 商业企业 … 其他 in the header's first row) a formula this reading
    cannot compute, left empty: each row ended a cell early, and its figures were read one column off (其他's 3 as 总计,
    silently) or not at all. The widest of the header's rows keeps a row's blank cells under it."""
    from openpyxl import load_workbook

    v = values(seed=25)
    book = load_workbook(io.BytesIO(xlsx_bytes(blocks(v))))
    made = 0
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            numbers = [cell for cell in row if isinstance(cell.value, int)]
            if len(numbers) == 7:
                numbers[-1].value = f"=AGGREGATE(9,6,{numbers[0].coordinate}:{numbers[-2].coordinate})"
                made += 1
    assert made >= 20
    out = io.BytesIO()
    book.save(out)
    report = extract_bytes(out.getvalue(), "report.xlsx")
    wrong = {cell.id: report.cells[cell.id].value for cell in forms.cells(forms.GOV_2021) if cell.id.startswith("t3.")
             and report.cells[cell.id].value not in (None, v[cell.id])}
    assert not wrong
    assert all(report.cells[f"t3.{row}.natural_person"].value == v[f"t3.{row}.natural_person"]
               for row in ("granted", "carried_over", "new_received"))


def _ods(lines: list[str], hidden_column: int, hidden_rows: set[int], visibility: str, flat: bool = False) -> bytes:
    """An OpenDocument workbook of one sheet, a line a row and a tab-separated piece a cell (numbers as
    numbers), with one column and some rows hidden as LibreOffice writes them; ``flat``: as one XML file (.fods)."""
    import zipfile
    from xml.sax.saxutils import escape

    def cell(text: str) -> str:
        if text.startswith("of:="):  # (a formula a script wrote, no value stored)
            return f'<table:table-cell table:formula="{escape(text)}"/>'
        if text.lstrip("-").isdecimal():
            return f'<table:table-cell office:value-type="float" office:value="{text}"><text:p>{text}</text:p></table:table-cell>'
        return f'<table:table-cell office:value-type="string"><text:p>{escape(text)}</text:p></table:table-cell>'

    hide = f' table:visibility="{visibility}"'
    rows = "".join(f"<table:table-row{hide if k in hidden_rows else ''}>{''.join(map(cell, line.split(chr(9))))}"
                   "</table:table-row>" for k, line in enumerate(lines))
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
               '<office:body><office:spreadsheet><table:table table:name="附表">'
               f'<table:table-column table:number-columns-repeated="{hidden_column}"/><table:table-column{hide}/>'
               '<table:table-column table:number-columns-repeated="30"/>'
               f"{rows}</table:table></office:spreadsheet></office:body></office:document-content>")
    if flat:
        return content.replace("office:document-content", "office:document").replace(
            'office:version="1.2"', 'office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet"',
            1).encode()
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return out.getvalue()


@pytest.mark.parametrize("flat", [False, True])
@pytest.mark.parametrize("visibility", ["collapse", "filter"])
def test_hidden_rows_and_columns_of_an_opendocument_sheet_are_not_read(visibility, flat):
    """LibreOffice's and WPS's .ods with last year's figures in a hidden column beside each row and last
    year's table 4 in a hidden row above this year's: they were read as this year's. Blind round 143: a flat one
    (.fods, one XML file) was read as XML text, each row's cells run together (101010), its agency not found."""
    current, last = (synthetic.consistent_values(random.Random(seed), "gov-2021") for seed in (11, 12))
    lines = synthetic.render(AGENCY, YEAR, "gov-2021", current, "tab").split("\n")
    old_t4 = synthetic.render(AGENCY, YEAR, "gov-2021", last, "tab").split("\n")
    t4 = next(k for k, line in enumerate(lines) if line.startswith("行政复议")) + 1
    lines.insert(t4, old_t4[t4])  # last year's row of fifteen, hidden
    lines = [line.replace("\t", "\t999\t", 1) if "\t" in line else line for line in lines]  # hidden column B
    report = extract_bytes(_ods(lines, 1, {t4}, visibility, flat), "附表.fods" if flat else "附表.ods")
    assert report.document.source.format == "spreadsheet"
    for name, value in current.items():
        assert report.cells[name].value == value, name


def _totals_as_formulas_in_text(lines: list[str], formula) -> list[str]:
    """Table 3's rows with their 总计 field a formula summing the six before it (``formula(row, first, last)``, A1
    words: the label in column A)."""
    out = []
    for r, line in enumerate(lines, start=1):
        fields = line.split("\t")
        if len(fields) == 8 and all(f.isdecimal() for f in fields[1:]):
            fields[7] = formula(r, "B", "G")
        out.append("\t".join(fields))
    return out


def test_an_opendocument_sheet_s_formulas_a_script_wrote_without_values_are_computed():
    """Blind round 153 (h379, odfpy): each 总计 a table:formula of:=SUM([.B9:.G9]) with no office:value: the cells were
    empty and table 3 unsure (175 cells missed)."""
    v = synthetic.consistent_values(random.Random(13), "gov-2021")
    lines = synthetic.render(AGENCY, YEAR, "gov-2021", v, "tab").split("\n")
    made = _totals_as_formulas_in_text(lines, lambda r, first, last: f"of:=SUM([.{first}{r}:.{last}{r}])")
    assert sum("of:=" in line for line in made) >= 20
    report = extract_bytes(_ods(made, 40, set(), "collapse"), "附表.ods")
    assert {c.id: report.cells[c.id].value for c in forms.cells("gov-2021")} == v
    assert {report.cells[c.id].status for c in forms.cells("gov-2021") if c.id.endswith(".total")} == {"reported"}


def test_a_csv_s_formulas_are_computed_and_those_of_other_sheets_left_blank():
    """Blind round 153 (h379): a sheet exported to CSV with its formulas as text (=SUM(B9:G9)), as a spreadsheet opening
    it computes them: the totals were read as text, and =SUM(明细!C2:C40) as the digits it names (2: wrong)."""
    v = synthetic.consistent_values(random.Random(14), "gov-2021")
    lines = synthetic.render(AGENCY, YEAR, "gov-2021", v, "tab").split("\n")
    made = _totals_as_formulas_in_text(lines, lambda r, first, last: f"=SUM({first}{r}:{last}{r})")
    made = [("行政许可\t=SUM(明细!C2:C40)" if line.startswith("行政许可\t") else line) for line in made]
    report = extract_bytes("\n".join(line.replace("\t", ",") for line in made).encode("utf-8-sig"), "导出.csv")
    assert {c.id: report.cells[c.id].value for c in forms.cells("gov-2021") if c.table == "t3"} == {
        c.id: v[c.id] for c in forms.cells("gov-2021") if c.table == "t3"}
    assert report.cells["t2.licensing.decisions"].value is None


def test_a_spreadsheetml_workbook_is_read_by_its_cells_places():
    """Blind round 75 (spreadsheet formats): Excel's and WPS's XML 表格 (SpreadsheetML 2003, saved as .xml or .xls) was
    read as XML text, every cell of a sheet run into one line (67 cells of two reports lost). Cells after a merged one
    are placed by ss:Index; hidden rows and sheets (last year's figures) are not read."""
    from .official_form import spreadsheet_xml_bytes

    v = values(seed=14)
    old = values(seed=15)
    data = spreadsheet_xml_bytes(blocks(v), hidden=blocks(old))
    assert detect_format(data, "统计表.xls") == "spreadsheet-xml"
    report = extract_bytes(data, "统计表.xls")
    assert (report.agency.name, report.year) == (AGENCY, YEAR)
    assert_every_cell(report, v)
    assert "999" not in report.document.text


def test_a_row_s_last_cells_left_blank_keep_their_place_under_the_header():
    """Blind round 136 (workbooks as clerks make them): 政府集中采购 | 4 | ␣ under 采购项目数量 | 采购总金额: the line
    ended after the 4 (a row's empty cells at its end were dropped), and which measure the 4 was, unsure. A row of
    values keeps its cells to the header's width; a line of words alone, or a row wider than the header, as it is."""
    v = values(seed=12)
    v["t2.normative_docs.in_force"] = None
    lines = read_bytes(xlsx_bytes(blocks(v)), "report.xlsx").lines
    assert "行政规范性文件\t{}\t{}\t".format(v["t2.normative_docs.issued"], v["t2.normative_docs.repealed"]) in lines
    assert "二、主动公开政府信息情况" in lines


def test_a_workbook_embedding_the_report_s_text_as_a_word_object_reads_it_first():
    """Blind round 148 (embedded files): a workbook of the three tables, the report's text (its title and sections,
    its figures) in a Word document embedded as an object (xl/embeddings/…docx): the text was never read, the title
    and the prose's figures lost. The embedded document is read before the sheets, as the report prints it."""
    import zipfile

    from .official_form import docx_bytes

    v = values()
    report = blocks(v)
    book = xlsx_bytes([b for b in report if not isinstance(b, str)])
    prose = docx_bytes([b for b in report if isinstance(b, str)])
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(book)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, source.read(info))
        target.writestr("xl/embeddings/Microsoft_Word_Document.docx", prose)
    read = extract_bytes(out.getvalue(), "tables.xlsx")
    assert (read.agency.name, read.year) == (AGENCY, YEAR)
    assert_every_cell(read, v)
    assert [f.value for f in read.narrative if f.key == "applications_received" and f.headline] == [
        v["t3.new_received.total"]]


def _statistics_export_csv(v: dict, numbered: str, decimals: bool) -> bytes:
    """A report as a statistics system exports it to CSV: the text a line each, padded with commas to the sheet's
    width; its tables with a column numbering the rows (``numbered``: "named" 行次 in its header, "unnamed" an empty
    header cell, a line numbering the columns under it), zeros left blank under a legend saying so, counts printed
    with a decimal (23.0) when ``decimals``, table 4 a row per cell (行政复议,结果维持,,5)."""
    from .official_form import blocks as report_blocks

    width = 12

    def line(*fields: str) -> str:
        return ",".join([*fields, *[""] * (width - len(fields))])

    def shown(value) -> str:
        if not value:
            return ""
        text = f"{value:,}" if value >= 1000 else str(value)
        text = f"{value:.2f}" if decimals and isinstance(value, float) else f"{text}.0" if decimals else text
        return f'"{text}"' if "," in text else text

    head = "行次" if numbered == "named" else ""
    out, number = [], 0
    for block in report_blocks(v):
        if not isinstance(block, str):
            continue
        out.append(line(block))
        if block.startswith("二、"):
            section = ""
            for item in forms.T2_2021:
                if item.section_zh != section:
                    section = item.section_zh
                    out += [line(section), line("信息内容", head, *(m.label_zh for m in item.measures))]
                number += 1
                out.append(line(item.label_zh, str(number), *(shown(v[forms.t2_cell(item.id, m.id)])
                                                              for m in item.measures)))
        elif block.startswith("三、"):
            out += [line("单位：件"), line("项目", head, *(c.label_zh for c in forms.T3_COLUMNS))]
            if numbered == "unnamed":
                out.append(line("", "", *(str(k) for k in range(1, len(forms.T3_COLUMNS) + 1))))
            for k, row in enumerate(forms.T3_ROWS_2021, 1):
                out.append(line(row.group_zh + row.label_zh if row.group_zh else row.label_zh, str(k),
                                *(shown(v[forms.t3_cell(row.id, c.id)]) for c in forms.T3_COLUMNS)))
            out.append(line("注：表中空白单元格表示0"))
        elif block.startswith("四、"):
            out.append(line("项目", "", "", "本年数"))
            for group in forms.T4_GROUPS:
                for column in forms.T4_COLUMNS:
                    out.append(line(group.label_zh, column.label_zh, "", shown(v[forms.t4_cell(group.id, column.id)])))
    return ("\ufeff" + "\r\n".join(out)).encode()


@pytest.mark.parametrize(("numbered", "decimals"), [("named", False), ("unnamed", False), ("named", True)])
def test_a_statistics_system_s_csv_export_is_read_without_its_numbering(numbered, decimals):
    """Blind round 179 (statistics exports): a CSV whose header lines stayed comma-parted while its rows were read as
    cells (the 行次 column's numbers then read as values, every row a column off), its row numbers under an empty
    header cell and a line of column numbers, 1 … 7; a label's own commas inside its brackets (（区分处理的，只计这一
    情形…）) parting it; zeros left blank under 注：表中空白单元格表示0; counts printed as 23.0; table 4 a row per
    cell, an empty column between its names and its value. 50 cells of the round were wrong and 571 unsure."""
    v = synthetic.consistent_values(random.Random(4), forms.GOV_2021)
    assert any(value == 0 for value in v.values())
    report = extract_bytes(_statistics_export_csv(v, numbered, decimals), "report.csv")
    read = {cell.id: report.cells[cell.id] for cell in forms.cells(forms.GOV_2021)}
    assert {cell: value.value for cell, value in read.items()} == {cell: v[cell] for cell in read}
    assert {value.status for value in read.values()} <= {"reported", "none", "inferred"}
    assert [w for w in report.warnings if w["code"] == "blank_zeros"]


def test_the_column_an_autofilter_keeps_to_one_version_is_not_read_as_a_column_of_the_table():
    """Blind round (h1264_04): table 3 under an autofilter on a 版本 column kept to 定稿, the 初稿 rows it filters out
    hidden; the rows shown each end in 定稿, read as an eighth column of the table, and 予以公开's seven cells were left
    unread. The filter's key, one value in every row it shows, is no figure of the table: not read."""
    from .official_form import _xlsx_table

    v, draft = values(), values(seed=3)
    t2, t3, t4 = (b for b in blocks(v) if not isinstance(b, str))
    old_t3 = [b for b in blocks(draft) if not isinstance(b, str)][1]

    def fill(sheet) -> None:
        sheet["A1"] = f"{AGENCY}{YEAR}年政府信息公开工作年度报告附表"
        sheet["A2"] = "表二：主动公开政府信息情况"
        _xlsx_table(sheet, t2, 3)
        sheet.cell(30, 1, "表三：收到和处理政府信息公开申请情况")
        _xlsx_table(sheet, t3, 31)
        bottom = 30 + len(t3)
        for row, cells in enumerate(old_t3[3:], start=bottom + 1):  # the draft's rows after the table's, filtered out
            for column, cell in enumerate(cells, start=11 - len(cells)):
                sheet.cell(row, column, int(cell.text) if cell.text.isdigit() else cell.text)
            sheet.row_dimensions[row].hidden = True
        last = bottom + len(old_t3) - 3
        sheet.cell(33, 11, "版本")
        for row in range(34, last + 1):
            sheet.cell(row, 11, "定稿" if row <= bottom else "初稿")
        sheet.auto_filter.ref = f"A33:K{last}"
        sheet.auto_filter.add_filter_column(10, ["定稿"])
        sheet.cell(last + 2, 1, "表四：政府信息公开行政复议、行政诉讼情况")
        _xlsx_table(sheet, t4, last + 3)

    assert_every_cell(extract_bytes(_workbook(fill), "附表.xlsx"), v)
