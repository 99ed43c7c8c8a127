"""Reports laid out on the official gov-2021 form, for the HTML, Word and PDF tests.

A table is a list of rows and a row a list of ``Cell``s with their spans, as
the form prints them (国办公开办函〔2021〕30号): section rows across table 2,
a three-level header and nested row groups in table 3, two header rows over
one row of 15 numbers in table 4. Renderers turn the same layout into an HTML
page or a Word document (and, in test_pdf.py, a PDF), so every format is
tested against one set of values.
"""

from __future__ import annotations

import html
import io
import random
import re
from dataclasses import dataclass, replace

from builder import forms, synthetic
from builder.forms import GOV_2021

AGENCY = "彭阳县人民政府"
YEAR = 2023
T3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
RESULTS = "三、本年度办理结果"


@dataclass(frozen=True)
class Cell:
    text: str
    rowspan: int = 1
    colspan: int = 1


Table = list[list[Cell]]
Block = str | Table  # a paragraph or a table


def values(seed: int = 5) -> dict[str, int | float]:
    """Cell values on which every identity of the form holds; seeded, so every run prints the same report."""
    return synthetic.consistent_values(random.Random(seed), GOV_2021)


def rebalance(v: dict) -> dict:
    """Recompute table 3's totals and 新收 after cells were changed, so the identities hold again."""
    results = forms.FORMS[GOV_2021].t3_results
    for row in forms.T3_ROWS_2021:
        v[forms.t3_cell(row.id, "total")] = sum(v[forms.t3_cell(row.id, c)] for c in forms.T3_APPLICANTS)
    for col in (c.id for c in forms.T3_COLUMNS):
        v[forms.t3_cell("total", col)] = sum(v[forms.t3_cell(r, col)] for r in results)
        v[forms.t3_cell("new_received", col)] = (v[forms.t3_cell("total", col)] + v[forms.t3_cell("carried_forward", col)]
                                                 - v[forms.t3_cell("carried_over", col)])
    return v


def fmt(value) -> str:
    """A printed value; None is an empty cell."""
    if value is None:
        return ""
    return f"{value:g}" if isinstance(value, float) else str(value)


def table2(v: dict) -> Table:
    """Four columns; an item with one measure spans its value over the last three."""
    rows: Table = []
    section = ""

    def spread(texts: list[str]) -> list[Cell]:
        return [Cell(t, colspan=4 - len(texts) if i == len(texts) - 1 else 1) for i, t in enumerate(texts)]

    for item in forms.T2_2021:
        if item.section_zh != section:
            section = item.section_zh
            rows.append([Cell(section, colspan=4)])
            rows.append([Cell("信息内容"), *spread([m.label_zh for m in item.measures])])
        label = "行政规范性文件" if item.id == "normative_docs" else item.label_zh
        rows.append([Cell(label), *spread([fmt(v[forms.t2_cell(item.id, m.id)]) for m in item.measures])])
    return rows


def table3(v: dict) -> Table:
    rows: Table = [
        [Cell(T3_NOTE, rowspan=3, colspan=3), Cell("申请人情况", colspan=7)],
        [Cell("自然人", rowspan=2), Cell("法人或其他组织", colspan=5), Cell("总计", rowspan=2)],
        [Cell(c.label_zh) for c in forms.T3_COLUMNS[1:6]],
    ]
    in_results = [r for r in forms.T3_ROWS_2021 if r.group_zh]
    group_sizes: dict[str, int] = {}
    for r in in_results:
        group_sizes[r.group_zh] = group_sizes.get(r.group_zh, 0) + 1
    seen: set[str] = set()
    for row in forms.T3_ROWS_2021:
        numbers = [Cell(fmt(v[forms.t3_cell(row.id, c.id)])) for c in forms.T3_COLUMNS]
        if not row.group_zh:
            rows.append([Cell(row.label_zh, colspan=3), *numbers])
            continue
        cells = []
        if RESULTS not in seen:
            seen.add(RESULTS)
            cells.append(Cell(RESULTS, rowspan=len(in_results)))
        if row.group_zh == RESULTS:
            cells.append(Cell(row.label_zh, colspan=2))
        else:
            if row.group_zh not in seen:
                seen.add(row.group_zh)
                cells.append(Cell(row.group_zh, rowspan=group_sizes[row.group_zh]))
            cells.append(Cell(row.label_zh))
        rows.append(cells + numbers)
    return rows


def table4(v: dict) -> Table:
    heads = [Cell(c.label_zh) for c in forms.T4_COLUMNS]
    return [
        [Cell("行政复议", colspan=5), Cell("行政诉讼", colspan=10)],
        [replace(h, rowspan=2) for h in heads] + [Cell("未经复议直接起诉", colspan=5), Cell("复议后起诉", colspan=5)],
        heads + heads,
        [Cell(fmt(v[forms.t4_cell(g.id, c.id)])) for g in forms.T4_GROUPS for c in forms.T4_COLUMNS],
    ]


def blocks(v: dict, t3: Table | None = None) -> list[Block]:
    """A whole report: title, prose and the three tables under their headings."""
    new = v[forms.t3_cell("new_received", "total")]
    return [
        f"{AGENCY}{YEAR}年政府信息公开工作年度报告",
        f"本报告由{AGENCY}办公室编制，所列数据统计期限自{YEAR}年1月1日至{YEAR}年12月31日止。",
        "一、总体情况",
        f"{YEAR}年，本机关共收到政府信息公开申请{new}件，均在法定期限内予以答复。",
        "二、主动公开政府信息情况",
        table2(v),
        "三、收到和处理政府信息公开申请情况",
        t3 if t3 is not None else table3(v),
        "四、政府信息公开行政复议、行政诉讼情况",
        table4(v),
        "五、存在的主要问题及改进情况",
        "工作仍有不足，下一步将继续改进。",
        "六、其他需要报告的事项",
        "本年度未收取信息处理费。",
    ]


def placed(table: Table) -> list[tuple[int, int, Cell]]:
    """Each cell with its grid row and column, as a browser places spans."""
    taken: set[tuple[int, int]] = set()
    out = []
    for r, row in enumerate(table):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            out.append((r, c, cell))
            taken.update((r + dr, c + dc) for dr in range(cell.rowspan) for dc in range(cell.colspan))
            c += cell.colspan
    return out


# --- HTML ---------------------------------------------------------------------


def html_table(table: Table, blank: str = "&nbsp;") -> str:
    def td(cell: Cell) -> str:
        spans = "".join(f' {name}="{n}"' for name, n in (("rowspan", cell.rowspan), ("colspan", cell.colspan)) if n > 1)
        return f"<td{spans}>{html.escape(cell.text) if cell.text else blank}</td>"

    return ('<table border="1" cellspacing="0">'
            + "".join("<tr>" + "".join(td(c) for c in row) + "</tr>" for row in table) + "</table>")


def html_body(report: list[Block]) -> str:
    return "\n".join(f"<p>{html.escape(b)}</p>" if isinstance(b, str) else html_table(b) for b in report)


def html_page(body: str) -> str:
    """A government web page around ``body``: head, scripts, navigation and footer."""
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府信息公开工作年度报告</title>'
        "<style>td { border: 1px solid #000 }</style><script>var total = 12345;</script></head><body>"
        '<div class="nav">首页 &gt; 政务公开 &gt; 年度报告</div>'
        f'<div class="article">{body}</div>'
        '<div class="footer">版权所有：彭阳县人民政府 主办：彭阳县人民政府办公室</div></body></html>'
    )


# --- Word -----------------------------------------------------------------------


def docx_bytes(report: list[Block]) -> bytes:
    """A Word document; spans become merged cells (gridSpan across, vMerge down)."""
    import docx

    document = docx.Document()
    for block in report:
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        add_docx_table(document, block)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def docx_with_sheet_objects(report: list[Block], decoys: list[Table] | None = None, below: bool = False) -> bytes:
    """A Word document whose tables are pasted worksheets (OLE objects: an embedded .xlsx shown as a picture, the
    prose as paragraphs). ``decoys``: the workbook of the report's n-th table also holds the n-th of them on a second
    sheet, the first one active; or, ``below``, under the table on its sheet, out of the range the object shows (its
    oleSize)."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml
    from openpyxl import Workbook
    from PIL import Image

    document = docx.Document()
    kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    picture = io.BytesIO()
    Image.new("RGB", (40, 30), "white").save(picture, "PNG")  # (what Word shows: a picture of the sheet)
    tables = 0
    for k, block in enumerate(report):
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        book = Workbook()
        _xlsx_table(book.active, block, 1)
        shown = book.active.dimensions
        decoy = decoys[tables] if decoys else None
        tables += 1
        if decoy is not None and below:
            _xlsx_table(book.active, decoy, len(block) + 3)
        elif decoy is not None:
            _xlsx_table(book.create_sheet("上年"), decoy, 1)
        out = io.BytesIO()
        book.save(out)
        workbook = out.getvalue()
        if below:
            size = f'<oleSize ref="{shown}"/></workbook>'.encode()
            workbook = _with_part(workbook, "xl/workbook.xml", lambda xml, size=size: xml.replace(b"</workbook>", size))
        part = Part(PackURI(f"/word/embeddings/Microsoft_Excel_Worksheet{k}.xlsx"), kind, workbook,
                    document.part.package)
        rid = document.part.relate_to(part, RELATIONSHIP_TYPE.PACKAGE)
        image = Part(PackURI(f"/word/media/sheet{k}.png"), "image/png", picture.getvalue(), document.part.package)
        image_rid = document.part.relate_to(image, RELATIONSHIP_TYPE.IMAGE)
        paragraph = document.add_paragraph()
        paragraph._p.append(parse_xml(
            '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:object '
            'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            f'<v:shape id="_x0000_i10{k}" type="#_x0000_t75" style="width:440pt;height:300pt">'
            f'<v:imagedata r:id="{image_rid}" o:title=""/></v:shape>'
            f'<o:OLEObject Type="Embed" ProgID="Excel.Sheet.12" ShapeID="_x0000_i10{k}" DrawAspect="Content" '
            f'ObjectID="_17223456{k}" r:id="{rid}"/></w:object></w:r>'))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _with_part(package: bytes, name: str, change) -> bytes:
    """The ZIP package with one part's bytes changed by ``change``."""
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(package))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info)
            target.writestr(info, change(body) if info.filename == name else body)
    return out.getvalue()


def add_docx_table(parent, table: Table):
    cells = placed(table)
    width = max(c + cell.colspan for _, c, cell in cells)
    grid = parent.add_table(rows=len(table), cols=width)
    grid.style = "Table Grid"
    for r, c, cell in cells:
        target = grid.cell(r, c)
        if cell.rowspan > 1 or cell.colspan > 1:
            target = target.merge(grid.cell(min(r + cell.rowspan, len(table)) - 1, c + cell.colspan - 1))
        target.text = cell.text
    return grid


# --- Spreadsheets ---------------------------------------------------------------


def xlsx_bytes(report: list[Block], hidden: list[Block] | None = None) -> bytes:
    """An Excel workbook as agencies save a report: the text on the first sheet, a paragraph a row
    in a cell merged across; each table on a sheet of its own after the text above it; spans as
    merged ranges and numbers as numbers. ``hidden``: a hidden sheet of other tables (a backup)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "报告正文"
    row = 1
    for block in report:
        if isinstance(block, str):
            sheet.cell(row, 1, block)
            sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=10)
            row += 1
            continue
        _xlsx_table(sheet, block, row)
        sheet, row = book.create_sheet(f"表{len(book.sheetnames) + 1}"), 1
    for block in hidden or []:
        if not isinstance(block, str):
            back = book.create_sheet("上年（备份）")
            back.sheet_state = "hidden"
            _xlsx_table(back, block, 1)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _xlsx_table(sheet, table: Table, top: int, left: int = 1) -> None:
    for r, c, cell in placed(table):
        text = cell.text
        sheet.cell(top + r, left + c, int(text) if text.isdigit() else float(text) if re.fullmatch(r"\d+\.\d+", text)
                   else text)
        if cell.rowspan > 1 or cell.colspan > 1:
            sheet.merge_cells(start_row=top + r, start_column=left + c,
                              end_row=top + min(r + cell.rowspan, len(table)) - 1, end_column=left + c + cell.colspan - 1)


def spreadsheet_xml_bytes(report: list[Block], hidden: list[Block] | None = None) -> bytes:
    """The workbook as SpreadsheetML 2003 (Excel's and WPS's XML 表格): a paragraph a row in a cell merged across, each
    table on a sheet of its own; a cell after one a merge covers (down or across) placed by its ss:Index, covered cells
    not written; a hidden row of last year's figures in each table, and a hidden sheet of ``hidden`` tables."""
    ns = 'xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" ' \
         'xmlns:x="urn:schemas-microsoft-com:office:excel"'

    def data(text: str) -> str:
        kind = "Number" if re.fullmatch(r"\d+(?:\.\d+)?", text) else "String"
        return f'<Data ss:Type="{kind}">{html.escape(text)}</Data>'

    def table_rows(table: Table) -> list[str]:
        rows: dict[int, list[str]] = {}
        for r, c, cell in placed(table):
            merge = (f' ss:MergeAcross="{cell.colspan - 1}"' if cell.colspan > 1 else "") + (
                f' ss:MergeDown="{min(cell.rowspan, len(table) - r) - 1}"' if cell.rowspan > 1 else "")
            rows.setdefault(r, []).append(f'<Cell ss:Index="{c + 1}"{merge}>{data(cell.text)}</Cell>')
        out = [f'<Row>{"".join(cells)}</Row>' for _, cells in sorted(rows.items())]
        return [*out[:-1], '<Row ss:Hidden="1"><Cell><Data ss:Type="String">上年</Data></Cell>'
                           + '<Cell><Data ss:Type="Number">999</Data></Cell>' * 7 + '</Row>', out[-1]]

    def sheet(name: str, rows: list[str], shown: bool = True) -> str:
        options = "" if shown else '<WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel">' \
                                   '<Visible>SheetHidden</Visible></WorksheetOptions>'
        return f'<Worksheet ss:Name="{name}"><Table>{"".join(rows)}</Table>{options}</Worksheet>'

    sheets, rows = [], []
    for block in report:
        if isinstance(block, str):
            rows.append(f'<Row><Cell ss:MergeAcross="9">{data(block)}</Cell></Row>')
            continue
        rows += table_rows(block)
        sheets.append(sheet(f"表{len(sheets) + 1}", rows))
        rows = []
    if rows:
        sheets.append(sheet(f"表{len(sheets) + 1}", rows))
    sheets += [sheet("上年（备份）", table_rows(block), shown=False) for block in hidden or [] if not isinstance(block, str)]
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<?mso-application progid="Excel.Sheet"?>\n'
            f'<Workbook {ns}>{"".join(sheets)}</Workbook>').encode()


# --- RTF ------------------------------------------------------------------------


def _rtf_text(text: str, gbk: bool) -> str:
    """Characters outside ASCII as Word writes them: GBK bytes in hex (\\'d6\\'d0) under \\ansicpg936,
    or Unicode escapes (\\u20013?) otherwise."""
    out = []
    for ch in text:
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ord(ch) < 128:
            out.append(ch)
        elif gbk:
            out.append("".join(f"\\'{b:02x}" for b in ch.encode("gb18030")))
        else:
            code = ord(ch)
            out.append(f"\\u{code if code < 32768 else code - 65536}?")
    return "".join(out)


def rtf_bytes(report: list[Block], gbk: bool = True, nested: bool = False) -> bytes:
    """An RTF document as a word processor saves one: a paragraph each, tables as rows of cells
    (spans written out as the empty cells they cover); ``nested``: each table in a one-cell table, as Word writes a
    table in a table's cell (\\itap2 paragraphs, \\nestcell, the row's end in a \\nesttableprops group)."""
    from builder.reading.markup import table_grid

    parts = ["{\\rtf1\\ansi" + ("\\ansicpg936" if gbk else "") + "\\deff0{\\fonttbl{\\f0\\fcharset134 SimSun;}}\\f0\n"]
    for block in report:
        if isinstance(block, str):
            parts.append(_rtf_text(block, gbk) + "\\par\n")
            continue
        for row in table_grid([[(c.text, c.rowspan, c.colspan) for c in r] for r in block]):
            cells = "".join(f"\\cellx{1000 * (k + 1)}" for k in range(len(row)))
            if nested:
                parts.append("".join("\\pard\\intbl\\itap2 " + _rtf_text(t, gbk) + "\\nestcell " for t in row)
                             + "{\\*\\nesttableprops\\trowd" + cells + "\\nestrow}{\\nonesttables\\par}\n")
            else:
                parts.append("\\trowd" + cells + " " + "".join(_rtf_text(t, gbk) + "\\cell " for t in row) + "\\row\n")
        if nested:
            parts.append("\\pard\\intbl\\itap1\\cell\\trowd\\cellx9000\\row\n")
    parts.append("}")
    return "".join(parts).encode("ascii")


# --- OpenDocument ---------------------------------------------------------------

_ODF_NAMESPACES = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
                   'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
                   'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
                   'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
                   'xmlns:xlink="http://www.w3.org/1999/xlink"')


def _odf_paragraph(text: str) -> str:
    """A paragraph as LibreOffice writes it: a run of spaces as text:s, the text in a span."""
    runs = html.escape(text).replace("  ", '<text:s text:c="2"/>')
    return f'<text:p><text:span>{runs}</text:span></text:p>'


def odt_bytes(report: list[Block], embedded: bool = False, flat: bool = False) -> bytes:
    """An OpenDocument text: its mimetype stored first, paragraphs, and tables whose merged cells
    span rows and columns over the covered-table-cells they hide. ``embedded``: each table a
    spreadsheet object in a frame (Object N/content.xml), as a Calc range pasted into Writer is;
    ``flat``: one XML file (.fodt) as LibreOffice saves it, the mimetype an attribute of the root after
    its many namespaces, font and style declarations before the body."""
    import zipfile

    body, objects = [], {}
    for block in report:
        if isinstance(block, str):
            body.append(_odf_paragraph(block))
        elif embedded:
            name = f"Object {len(objects) + 1}"
            objects[name] = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODF_NAMESPACES}>'
                             f'<office:body><office:spreadsheet>{_odf_table(block)}</office:spreadsheet></office:body>'
                             "</office:document-content>")
            body.append(f'<text:p><draw:frame draw:name="{name}"><draw:object xlink:href="./{name}"/>'
                        f'<draw:image xlink:href="./ObjectReplacements/{name}"/></draw:frame></text:p>')
        else:
            body.append(_odf_table(block))
    if flat:
        namespaces = " ".join(f'xmlns:ns{k}="urn:example:ns{k}"' for k in range(60))
        styles = "".join(f'<style:style style:name="P{k}" style:family="paragraph"/>' for k in range(200))
        return (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {_ODF_NAMESPACES} {namespaces} '
                'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" office:version="1.3" '
                f'office:mimetype="application/vnd.oasis.opendocument.text"><office:automatic-styles>{styles}'
                f'</office:automatic-styles><office:body><office:text>{"".join(body)}</office:text></office:body>'
                "</office:document>").encode()
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODF_NAMESPACES}>'
               f'<office:body><office:text>{"".join(body)}</office:text></office:body></office:document-content>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        for name, part in objects.items():
            archive.writestr(f"{name}/content.xml", part, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _odf_table(block: Table) -> str:
    cells = placed(block)
    width = max(c + cell.colspan for _, c, cell in cells)
    covered = {(r + dr, c + dc) for r, c, cell in cells for dr in range(cell.rowspan)
               for dc in range(cell.colspan) if dr or dc}
    at = {(r, c): cell for r, c, cell in cells}
    rows = []
    for r in range(len(block)):
        row = []
        for c in range(width):
            if (r, c) in covered:
                row.append("<table:covered-table-cell/>")
            elif (cell := at.get((r, c))) is not None:
                row.append(f'<table:table-cell table:number-rows-spanned="{cell.rowspan}" '
                           f'table:number-columns-spanned="{cell.colspan}">{_odf_paragraph(cell.text)}'
                           "</table:table-cell>")
            else:
                row.append("<table:table-cell/>")
        rows.append("<table:table-row>" + "".join(row) + "</table:table-row>")
    return (f'<table:table><table:table-column table:number-columns-repeated="{width}"/>'
            + "".join(rows) + "</table:table>")


def assert_every_cell(report, v: dict, blank: frozenset[str] = frozenset(), shifted: str = "") -> None:
    """Each cell has its value as printed; the cells in ``blank`` are printed empty; those of the table-3
    row ``shifted`` stand one cell off the table's grid, and are put back (repaired)."""
    assert report.template == GOV_2021
    for cell in forms.cells(GOV_2021):
        got = report.cells[cell.id]
        want = ("blank", None) if cell.id in blank else (
            "repaired" if shifted and cell.id.startswith(f"t3.{shifted}.") else "reported", v[cell.id])
        assert (got.status, got.value) == want, cell.id
