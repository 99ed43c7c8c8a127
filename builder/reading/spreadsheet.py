"""Spreadsheets to text: a workbook (.xlsx, .xls, .ods) as its visible sheets' rows.

Some agencies publish the report as a workbook (the text on one sheet, a paragraph a merged
cell, and a sheet per table), or its tables alone as the report's 附表. Each sheet's rows are
read as a Word table's are: merged cells expanded (``table_grid``), a row's cells
tab-separated; a row of one cell is a paragraph. Hidden sheets (last year's tables kept as a
backup) are not read; a sheet of the form's filling instructions (填报说明) is read after the
report's. python-calamine reads the three formats and the values formulas last computed, as
Excel shows them.
"""

from __future__ import annotations

import datetime
import decimal
import io
import posixpath
import re
import zlib
from collections.abc import Callable
from typing import NamedTuple

from .. import errors
from .excel_tables import column_index, column_letters, excel_tables, structured_to_a1
from .markup import GRID_CELLS, check_unpacked, table_grid, unstacked
from .numfmt import shown_otherwise

ZIP_SIGNATURE = b"PK\x03\x04"


def spreadsheet_to_text(data: bytes, path: str, active_only: bool = False) -> str:
    """The workbook's visible sheets, in order, an empty line between them. EncryptedDocument for
    a workbook saved with a password, NotText for one python-calamine cannot read. ``active_only``: the
    sheet the workbook was last shown at alone, and only the range of cells the object shows, as a Word file
    shows an embedded workbook."""
    import python_calamine

    from .document import FLAT_ODF_SHEET

    if not data.startswith(ZIP_SIGNATURE) and FLAT_ODF_SHEET.search(data[:16384]):
        data = _packed(data)
    if data.startswith(ZIP_SIGNATURE):
        check_unpacked(data, path, "spreadsheet")  # a zip bomb is refused before it is unpacked
    try:
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        active, area = _object_view(data, len(book.sheets_metadata)) if active_only else (None, None)
        sheets = [book.get_sheet_by_index(i) for i, sheet in enumerate(book.sheets_metadata)
                  if sheet.visible == python_calamine.SheetVisibleEnum.Visible
                  and sheet.typ == python_calamine.SheetTypeEnum.WorkSheet
                  and (active is None or i == active)]
        names = [sheet.name for sheet in sheets]
        sheets.sort(key=lambda sheet: (_earlier_year_sheet(sheet.name, names), _instructions_sheet(sheet.name)))
        facts = (_xlsx_facts(data) or _ods_facts(data)) if data.startswith(ZIP_SIGNATURE) else {}
        lines: list[str] = []
        elsewhere = _other_sheets(book, facts, _external_books(data) if data.startswith(ZIP_SIGNATURE) else {})
        budget = GRID_CELLS
        for sheet in sheets:
            budget -= sheet.height * sheet.width
            if budget < 0:  # a few KB can declare a sheet of millions of cells
                raise errors.TableTooLarge(GRID_CELLS)
            sheet_facts = facts.get(sheet.name, SheetFacts())  # (its text boxes first: a title and prose set in one)
            lines += [*sheet_facts.text_boxes, *_sheet_lines(sheet, sheet_facts, area, elsewhere), ""]
    except python_calamine.PasswordError as e:
        raise errors.EncryptedDocument(path, "a spreadsheet") from e
    except (errors.ReportError, errors.TableTooLarge):
        raise
    except Exception as e:  # python-calamine raises its own errors and others on a damaged file
        raise errors.NotText(path, f"not a readable spreadsheet ({type(e).__name__})") from e
    return "\n".join(lines)


def _other_sheets(book, facts: dict[str, SheetFacts], external: ExternalBooks | None = None) -> OtherSheets:
    """The cells of the workbook's sheets, hidden ones too (the figures a visible table's formulas refer to, kept on a
    sheet of their own), read when a formula first asks for one; a sheet too large to read holds no number. A sheet of
    another workbook (``external``: [1]数据, [台账.xlsx]数据) holds the cells its link's cache keeps, no others."""
    names = {meta.name.casefold(): meta.name for meta in book.sheets_metadata}
    grids: dict[str, tuple[int, int, list[list], set[tuple[int, int]]] | None] = {}

    def stored(name: str, row: int, column: int) -> object:
        if name.startswith("["):
            return (external or {}).get(name.casefold(), {}).get((row, column))
        if (key := name.casefold()) not in names:
            return None
        if key not in grids:
            try:
                sheet = book.get_sheet_by_name(names[key])
                start_row, start_column = sheet.start or (0, 0)
                grids[key] = None if sheet.height * sheet.width > GRID_CELLS else (
                    start_row, start_column, sheet.to_python(skip_empty_area=True),
                    set(dict(facts.get(names[key], SheetFacts()).formulas)))
            except Exception:  # python-calamine's own errors: a chart sheet, a damaged one
                grids[key] = None
        if (grid := grids[key]) is None or (row, column) in grid[3]:
            return None  # (a formula of that sheet with no value stored: no number to take)
        start_row, start_column, values, _ = grid
        r, c = row - start_row, column - start_column
        return values[r][c] if 0 <= r < len(values) and 0 <= c < len(values[r]) else ""
    return stored


# A sheet's name saying it holds an earlier year's (上年, 去年, 往年), or a year before another sheet's (2022年 beside
# 2023年度报告): the previous year's report kept for comparison.
_EARLIER_NAME = re.compile(r"上年|上一年|去年|前年|往年|历年")
_NAMED_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def _earlier_year_sheet(name: str, names: list[str]) -> bool:
    """Whether a sheet is named as an earlier year's than the workbook's others: read after them, so that the report
    read first (its later reports are flagged so) is the year's, wherever the earlier one stands. Sheets in their own
    order otherwise."""
    years = [int(year) for other in names for year in _NAMED_YEAR.findall(other)]
    own = [int(year) for year in _NAMED_YEAR.findall(name)]
    return bool(_EARLIER_NAME.search(name)) or (bool(own) and max(own) < max(years))


# A sheet's name saying it tells how to fill the form in (填报说明, 填表须知, 填写指南): the form's rules and worked
# examples, no part of the report.
_INSTRUCTIONS_NAME = re.compile(r"(?:填报|填表|填写)(?:说明|须知|指南|指引|要求)")


def _instructions_sheet(name: str) -> bool:
    """Whether a sheet is named as the form's filling instructions: read after the report's sheets. Set first, its
    example figures (a sample row under 本年新收 | 上年结转 | …) were read as table 3's, the report's own table lost."""
    return bool(_INSTRUCTIONS_NAME.search(name))


def _packed(flat: bytes) -> bytes:
    """A flat OpenDocument spreadsheet as the package it flattens (its one XML file the package's content.xml), which
    python-calamine reads; it reads no flat file."""
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("META-INF/manifest.xml", '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
                         '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry '
                         'manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                         '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                         '</manifest:manifest>')
        archive.writestr("content.xml", flat)
    return buffer.getvalue()


_ACTIVE_TAB = re.compile(rb"<(?:\w+:)?workbookView\b[^>]*\bactiveTab=\"(\d+)\"")
# The cells an embedded workbook's object shows (Excel writes it for every object: <oleSize ref="A1:J28"/>).
_OLE_SIZE = re.compile(rb"<(?:\w+:)?oleSize\b[^>]*\bref=\"\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?\"")
Area = tuple[int, int, int, int]  # top row, left column, bottom row, right column, all from 0


def _object_view(data: bytes, count: int) -> tuple[int, Area | None]:
    """What an embedded workbook (.xlsx) shows as an object: the index of the sheet it was saved showing (its
    workbookView's activeTab, else the first) and the range of cells the object shows (its oleSize: a voided
    draft or a check formula below or beside it is not seen), None for the whole sheet."""
    import zipfile

    if not data.startswith(ZIP_SIGNATURE):
        return 0, None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            book = archive.read("xl/workbook.xml")[:1_000_000]
    except (KeyError, zipfile.BadZipFile, ValueError, OSError, EOFError, zlib.error):
        return 0, None
    tab, size = _ACTIVE_TAB.search(book), _OLE_SIZE.search(book)
    area = None
    if size:
        left, top = column_index(size[1].decode()), int(size[2]) - 1
        right, bottom = (column_index(size[3].decode()), int(size[4]) - 1) if size[3] else (left, top)
        area = (min(top, bottom), min(left, right), max(top, bottom), max(left, right))
    return (int(tab[1]) if tab and int(tab[1]) < count else 0), area


class SheetFacts(NamedTuple):
    """What a sheet's XML says that python-calamine does not: its hidden rows and columns, and the
    formula errors its cells show (#REF!), by (row, column), all from 0."""

    hidden_rows: frozenset[int] = frozenset()
    hidden_columns: frozenset[int] = frozenset()
    errors: tuple[tuple[tuple[int, int], str], ...] = ()
    formulas: tuple[tuple[tuple[int, int], str], ...] = ()  # of cells with no value stored (a script wrote them)
    text_boxes: tuple[str, ...] = ()  # the paragraphs of the text boxes drawn on the sheet, in their order on it
    # The workbook asks to be computed on opening (calcPr fullCalcOnLoad), when ``formulas`` holds every formula (what
    # they store Excel computes again), and no formula of it stores a value but 0, as xlsxwriter writes them: a value
    # no computation made, not shown where the formula is one this reading cannot compute.
    recalculated: bool = False
    # Cells with a custom number format, by (row, column): its code, read where it shows them otherwise than their value
    # (;;; nothing, 0!.0, 12000 as 1.2).
    formats: tuple[tuple[tuple[int, int], str], ...] = ()
    # The columns an autofilter keeps to one word (版本 kept to 定稿, the 初稿 rows it filters out hidden): (its header
    # row, its last row, the column, the word).
    filter_keys: tuple[tuple[int, int, int, str], ...] = ()


def _sheet_lines(sheet, facts: SheetFacts, area: Area | None = None, elsewhere: OtherSheets | None = None) -> list[str]:
    """A sheet's rows as lines: cells tab-separated, the cells of a merged range expanded; hidden rows
    and columns (last year's figures kept out of sight) and those outside the ``area`` an object shows left
    out; a cell showing a formula error holds it (it read as empty, and its row one cell off); formulas computed
    (``elsewhere``: the workbook's other sheets they refer to) and cells shown as their number formats show them."""
    start_row, start_column = sheet.start or (0, 0)
    values = sheet.to_python(skip_empty_area=True)
    for (row, column), error in facts.errors:
        r, c = row - start_row, column - start_column
        if 0 <= r < len(values) and 0 <= c < len(values[r]) and values[r][c] == "":
            values[r][c] = error
    if facts.formulas:
        _compute_formulas(values, dict(facts.formulas), start_row, start_column, facts.recalculated, elsewhere)
    for (row, column), code in facts.formats:
        r, c = row - start_row, column - start_column
        if 0 <= r < len(values) and 0 <= c < len(values[r]) and (shown := shown_otherwise(values[r][c], code)) is not None:
            values[r][c] = shown
    for top, bottom, column, word in facts.filter_keys:
        _without_filter_key(values, top - start_row, bottom - start_row, column - start_column, word, facts.hidden_rows,
                            start_row)
    first_row, first_column, last_row, last_column = area or (0, 0, float("inf"), float("inf"))
    shown_rows = {r for r in range(len(values))
                  if r + start_row not in facts.hidden_rows and first_row <= r + start_row <= last_row}
    shown_columns = {c for c in range(max(map(len, values), default=0))
                     if c + start_column not in facts.hidden_columns and first_column <= c + start_column <= last_column}
    merges = [((top - start_row, left - start_column), (bottom - start_row, right - start_column))
              for (top, left), (bottom, right) in sheet.merged_cell_ranges or ()]
    return grid_lines([[shown_value(value) for value in row] for row in values], merges, shown_rows, shown_columns)


def _without_filter_key(values: list[list], top: int, bottom: int, column: int, word: str, hidden_rows: frozenset[int],
                        start_row: int) -> None:
    """An autofilter's column kept to one word left empty, its header too, where every row the sheet shows below the
    header holds that word: a reader sees the filter's key (版本 | 定稿) repeated on each row, no figure of the table,
    and it was read as a column of the table's own (表三's rows one cell long, 予以公开 unread)."""
    rows = range(max(top, 0), min(bottom, len(values) - 1) + 1)
    shown = [r for r in rows if r > top and r + start_row not in hidden_rows]
    if shown and all(column < len(values[r]) and shown_value(values[r][column]).strip() == word for r in shown):
        for r in rows:
            if column < len(values[r]):
                values[r][column] = ""


def grid_lines(values: list[list[str]], merges: list[tuple[tuple[int, int], tuple[int, int]]], shown_rows: set[int],
                shown_columns: set[int]) -> list[str]:
    """A sheet's cells (rows of texts) as lines, its merged ranges ((top, left), (bottom, right)) expanded, only the
    rows and columns shown."""
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    covered: set[tuple[int, int]] = set()
    for (top, left), (bottom, right) in merges:
        spans[(top, left)] = (len(shown_rows & set(range(top, bottom + 1))) or 1,
                              len(shown_columns & set(range(left, right + 1))) or 1)
        covered.update((r, c) for r in range(top, bottom + 1) for c in range(left, right + 1) if (r, c) != (top, left))
    rows = [[(_cell_text(value), *spans.get((r, c), (1, 1))) for c, value in enumerate(row)
             if (r, c) not in covered and c in shown_columns]
            for r, row in enumerate(values) if r in shown_rows]
    lines = []
    for block in _side_by_side(table_grid(rows)):
        # The cells of the header above, its widest row's (总计 on the first of two, over both): a row of the table keeps
        # its blank cells under it, a total no formula computed too, its figures not read a column off.
        header = 0
        for row in block:
            for cells in unstacked(row):
                filled = [cell for cell in cells if cell.strip()]
                width = max((k + 1 for k, cell in enumerate(cells) if cell.strip()), default=0)
                values = any(_VALUE_CELL.fullmatch(cell.strip()) for cell in filled)
                if not filled:
                    header = 0
                elif len(filled) >= 2 and not values:
                    header = max(header, width)
                if len(filled) == 1 and cells[0].strip():
                    lines.append(filled[0])
                else:  # (政府集中采购 | 4 | ␣ under 信息内容 | 采购项目数量 | 采购总金额: the amount blank, not the count)
                    lines.append("\t".join(cells[:max(width, header if values else 0)]))
    return lines


def _cell_text(text: str) -> str:
    """A cell's text, its line breaks line feeds: a carriage return (stored _x000D_, before a line feed or alone) breaks
    the line too, and a break at the cell's end shows nothing (36↵ is 36, no second line of a stacked cell)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.rstrip() if "\n" in text[len(text.rstrip()):] else text


_VALUE_CELL = re.compile(r"[-+]?\d[\d,]*(?:\.\d+)?|无|—|/|-")  # a header holds no value

# What a table's own block names (表二：…, 第二十条, 本年新收, 行政复议): blocks of the sheet that are tables.
_TABLE_SIGN = re.compile(r"表[二三四]|第二十条|本年新收|行政复议|主动公开|依申请")


def _side_by_side(grid: list[list[str]]) -> list[list[list[str]]]:
    """A sheet's tables placed side by side (表二 in A:D, 表三 in F:P): in each band of rows between
    empty rows, blocks of columns parted by a column empty in every row of the band, each naming a
    table, are read in turn, the left one's first. Other sheets are one block."""
    width = max(map(len, grid), default=0)
    rows = [row + [""] * (width - len(row)) for row in grid]
    bands: list[list[list[str]]] = [[]]
    for row in rows:
        if any(cell.strip() for cell in row):
            bands[-1].append(row)
        elif bands[-1]:
            bands.append([])
    out: list[list[list[str]]] = []
    for band in bands:
        empty = [c for c in range(width) if not any(row[c].strip() for row in band)]
        spans, start = [], 0  # each block's columns, a block naming no table joined to the one on its left
        for column in [*empty, width]:
            if column > start:
                signed = any(_TABLE_SIGN.search(row[c]) for row in band for c in range(start, column))
                if signed or not spans:
                    spans.append([start, column, signed])
                else:
                    spans[-1][1] = column  # (a table's columns of figures, an empty column between them and its labels)
            start = column + 1
        if len(spans) >= 2 and all(signed for _, _, signed in spans):
            out += [[row[a:b] for row in band if any(cell.strip() for cell in row[a:b])] for a, b, _ in spans]
        else:
            out.append(band)
        out.append([[""]])  # the empty row between bands
    return out


_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELATIONSHIP = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


_CELL_REFERENCE = re.compile(r"([A-Z]{1,3})(\d{1,7})")
_RANGE = re.compile(r"\$?([A-Z]{1,3})\$?(\d{1,7}):\$?([A-Z]{1,3})\$?(\d{1,7})")


def _xlsx_facts(data: bytes) -> dict[str, SheetFacts]:
    """Each sheet's ``SheetFacts``, by sheet name, from its XML; none for a workbook whose parts cannot
    be read."""
    import zipfile

    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    found: dict[str, SheetFacts] = {}
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            book = etree.fromstring(archive.read("xl/workbook.xml"), parser)
            computed_on_load = (calc := book.find(f"{_MAIN}calcPr")) is not None and calc.get("fullCalcOnLoad") in ("1", "true")
            recalculated = computed_on_load
            stored_formulas: dict[str, dict[tuple[int, int], str]] = {}  # by sheet: those storing a value, in such a book
            rels = etree.fromstring(archive.read("xl/_rels/workbook.xml.rels"), parser)
            targets = {rel.get("Id"): rel.get("Target", "") for rel in rels}
            custom = _custom_formats(archive, parser)
            parts = [(sheet.get("name", ""), target.lstrip("/") if target.startswith("/") else f"xl/{target}")
                     for sheet in book.iter(f"{_MAIN}sheet") for target in [targets.get(sheet.get(_RELATIONSHIP), "")]]
            tables = excel_tables(archive, parts, parser)
            names = _defined_names(book, len(parts))
            for index, (name, part) in enumerate(parts):
                if part not in archive.namelist():
                    continue
                rows, columns, errors_, formulas, stored, formats = set(), set(), {}, {}, {}, {}
                keys: list[tuple[int, int, int, str]] = []
                shared: dict[str, tuple[tuple[int, int], str]] = {}  # a shared formula's first cell and text, by its si
                tags = (f"{_MAIN}row", f"{_MAIN}col", f"{_MAIN}c", f"{_MAIN}autoFilter")
                for _, element in etree.iterparse(archive.open(part), tag=tags, resolve_entities=False, no_network=True):
                    if element.tag == f"{_MAIN}c":
                        ref = _CELL_REFERENCE.fullmatch(element.get("r", ""))
                        if ref is not None and (code := custom.get(element.get("s", ""))) and len(formats) < _FORMULAS_MAX:
                            formats[(int(ref[2]) - 1, column_index(ref[1]))] = code
                        if element.get("t") == "e" and ref:
                            value = element.findtext(f"{_MAIN}v") or "#VALUE!"
                            errors_[(int(ref[2]) - 1, column_index(ref[1]))] = value
                        elif ref is not None and (formula := _cell_formula(element.find(f"{_MAIN}f"), ref, shared)):
                            at = (int(ref[2]) - 1, column_index(ref[1]))
                            if tables and "[" in formula:
                                formula = structured_to_a1(formula, at[0], name, tables)
                            if names:
                                formula = _named_references(formula, names[index])
                            value = element.findtext(f"{_MAIN}v")
                            if value in (None, ""):
                                formulas[at] = formula
                            elif computed_on_load:  # (Excel computes it again on opening: what it stores may be stale)
                                stored[at] = formula
                                recalculated = recalculated and value == "0"  # (a value computed by what saved it)
                        continue  # its row clears it
                    if element.tag == f"{_MAIN}autoFilter":
                        keys += _filter_keys(element)
                    elif element.get("hidden") in ("1", "true"):
                        if element.tag == f"{_MAIN}row" and (row := element.get("r", "")).isdecimal():
                            rows.add(int(row) - 1)
                        elif element.tag == f"{_MAIN}col" and element.get("min", "").isdecimal():
                            columns.update(range(int(element.get("min")) - 1,
                                                 min(int(element.get("max", element.get("min"))), 16_384)))
                    element.clear()
                stored_formulas[name] = stored
                found[name] = SheetFacts(frozenset(rows), frozenset(columns), tuple(errors_.items()),
                                                          tuple(formulas.items()), _text_boxes(archive, part, parser),
                                                          formats=tuple(formats.items()), filter_keys=tuple(keys))
    except (KeyError, zipfile.BadZipFile, etree.XMLSyntaxError, OSError, ValueError):
        return {}
    if computed_on_load:  # (every formula stored 0 or nothing, recalculated: none was computed, as xlsxwriter writes them)
        found = {name: facts._replace(formulas=(*facts.formulas, *stored_formulas.get(name, {}).items()),
                                      recalculated=recalculated) for name, facts in found.items()}
    return found


# The cells of other workbooks' sheets a workbook keeps as last read (its externalLink parts' caches), by the sheet's
# name as a formula writes it, casefolded: "[1]数据" (the first external reference) and "[台账2023.xlsx]数据" (its file's
# name); each cell's value by (row, column), from 0.
ExternalBooks = dict[str, dict[tuple[int, int], object]]
_EXTERNAL_LINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink"


def _external_books(data: bytes) -> ExternalBooks:
    """The values a workbook's links to other workbooks keep (``ExternalBooks``): a formula of another workbook's cells
    (=[1]数据!C12, SUM([1]数据!B2:G2)) shows them as Excel does when it opens the workbook without updating its links,
    often with no value of its own stored. Only the cells the cache holds: one it does not is not known (never 0).
    At most as many cells as a table's grid; none for a package whose parts cannot be read."""
    import urllib.parse
    import zipfile

    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    found: ExternalBooks = {}
    budget = GRID_CELLS
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            present = set(archive.namelist())
            if not any(name.startswith("xl/externalLinks/") for name in present):
                return {}
            book = etree.fromstring(archive.read("xl/workbook.xml"), parser)
            rels = etree.fromstring(archive.read("xl/_rels/workbook.xml.rels"), parser)
            targets = {rel.get("Id"): rel.get("Target", "") for rel in rels if rel.get("Type") == _EXTERNAL_LINK}
            for number, reference in enumerate(book.iter(f"{_MAIN}externalReference"), 1):
                target = targets.get(reference.get(_RELATIONSHIP), "")
                part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")
                if not target or part not in present:
                    continue
                link = etree.fromstring(archive.read(part), parser)
                external = link.find(f"{_MAIN}externalBook")
                if external is None:  # (a DDE or OLE link: no cells)
                    continue
                books = [f"[{number}]"]
                folder, leaf = posixpath.split(part)
                if f"{folder}/_rels/{leaf}.rels" in present:  # (the linked file's name, as a formula may write it)
                    links = etree.fromstring(archive.read(f"{folder}/_rels/{leaf}.rels"), parser)
                    path = next((rel.get("Target", "") for rel in links if rel.get("Id") == external.get(_RELATIONSHIP)), "")
                    if (file := urllib.parse.unquote(path).replace("\\", "/").rsplit("/", 1)[-1]):
                        books.append(f"[{file}]")
                sheets = [sheet.get("val", "") for sheet in external.iter(f"{_MAIN}sheetName")]
                for sheet_data in external.iter(f"{_MAIN}sheetData"):
                    index = sheet_data.get("sheetId", "")
                    if not index.isdecimal() or int(index) >= len(sheets):
                        continue
                    cells: dict[tuple[int, int], object] = {}
                    for cached in sheet_data.iter(f"{_MAIN}cell"):
                        ref, value = _CELL_REFERENCE.fullmatch(cached.get("r", "")), cached.findtext(f"{_MAIN}v")
                        if ref is None or value is None or (budget := budget - 1) < 0:
                            continue
                        kind, read = cached.get("t", "n"), None
                        if kind == "n" and re.fullmatch(r"\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*", value):
                            read = float(value)
                        elif kind in ("str", "e"):  # (a text, an error: #REF!)
                            read = value
                        elif kind == "b" and value in ("0", "1"):
                            read = value == "1"
                        if read is not None:
                            cells[(int(ref[2]) - 1, column_index(ref[1]))] = read
                    for name in books:
                        found.setdefault(f"{name}{sheets[int(index)]}".casefold(), {}).update(cells)
    except (KeyError, zipfile.BadZipFile, etree.XMLSyntaxError, OSError, ValueError):
        return {}
    return found


# A defined name's reference, the only kind read: a cell or a range, of a sheet ('数据'!$B$5, 数据!$B$2:$B$9).
_NAMED_REFERENCE = re.compile(r"(?:(?:'(?:[^']|'')+'|[^\s'!()=+\-*/,:<>&^\"\[\]]+)!)?\$?[A-Z]{1,3}\$?\d{1,7}"
                              r"(?::\$?[A-Z]{1,3}\$?\d{1,7})?")
# A word of a formula that may be a defined name: not a function's (before a bracket), a sheet's (before !) nor in quotes.
_FORMULA_NAME = re.compile(r"(?<![\w.$'!\]])[^\W\d][\w.]*(?![\w.(!'$])")


def _defined_names(book, count: int) -> list[dict[str, str]]:
    """For each sheet, in order, the workbook's names (definedNames) its formulas may use, by their name casefolded: the
    reference each stands for, a sheet's own names (localSheetId) before the workbook's; only names of a cell or a
    range (=报表项_001 for '数据'!$B$5). Excel's own (_xlnm.Print_Area) are left out."""
    workbook: dict[str, str] = {}
    local: list[dict[str, str]] = [{} for _ in range(count)]
    for defined in book.iter(f"{_MAIN}definedName"):
        name, reference, scope = defined.get("name", ""), (defined.text or "").strip(), defined.get("localSheetId")
        if name.startswith("_xlnm.") or not _NAMED_REFERENCE.fullmatch(reference):
            continue
        if scope is None:
            workbook[name.casefold()] = reference
        elif scope.isdecimal() and int(scope) < count:
            local[int(scope)][name.casefold()] = reference
    return [{**workbook, **own} for own in local] if workbook or any(local) else []


def _named_references(formula: str, names: dict[str, str]) -> str:
    """The formula with each defined name it uses replaced by the reference it stands for; text in quotes kept."""
    parts = re.split(r"('(?:[^']|'')*'|\"[^\"]*\")", formula)
    return "".join(part if i % 2 else _FORMULA_NAME.sub(lambda m: names.get(m[0].casefold(), m[0]), part)
                   for i, part in enumerate(parts))


def _filter_keys(element) -> list[tuple[int, int, int, str]]:
    """A sheet's autoFilter's columns kept to one word (``SheetFacts.filter_keys``): a filter of one value that is no
    number (a figure column filtered to 0 is still the table's)."""
    span = _RANGE.fullmatch(element.get("ref", ""))
    if span is None:
        return []
    top, left, bottom = int(span[2]) - 1, column_index(span[1]), int(span[4]) - 1
    keys = []
    for kept in element.iter(f"{_MAIN}filterColumn"):
        chosen = kept.find(f"{_MAIN}filters")
        words = [] if chosen is None or chosen.get("blank") in ("1", "true") else list(chosen)
        if kept.get("colId", "").isdecimal() and len(words) == 1 and words[0].tag == f"{_MAIN}filter" \
                and (word := words[0].get("val", "").strip()) and not re.fullmatch(r"[\d.,%+-]+", word):
            keys.append((top, bottom, left + int(kept.get("colId")), word))
    return keys


def _custom_formats(archive, parser) -> dict[str, str]:
    """The workbook's custom number formats (styles.xml's numFmts, ids from 164) by the index of each cell style (its
    cells' s attribute) that uses one; none for a workbook with no styles part."""
    from lxml import etree

    if "xl/styles.xml" not in archive.namelist():
        return {}
    styles = etree.fromstring(archive.read("xl/styles.xml"), parser)
    codes = {f.get("numFmtId"): f.get("formatCode", "") for f in styles.iter(f"{_MAIN}numFmt")}
    xfs = styles.find(f"{_MAIN}cellXfs")
    return {str(k): codes[xf.get("numFmtId")] for k, xf in enumerate(xfs if xfs is not None else [])
            if xf.get("numFmtId") in codes}


def _cell_formula(element, ref: re.Match, shared: dict[str, tuple[tuple[int, int], str]]) -> str | None:
    """A cell's formula: its own text, or a shared formula's (t="shared", the text only in its first cell: SUM(D31:I31)
    down a column) moved to the cell as Excel moves it, its relative references by as many rows and columns."""
    if element is None:
        return None
    at = (int(ref[2]) - 1, column_index(ref[1]))
    if element.get("t") != "shared" or (si := element.get("si")) is None:
        return element.text
    if element.text:
        shared[si] = (at, element.text)
        return element.text
    if si not in shared:
        return None
    (row, column), formula = shared[si]
    return _moved(formula, at[0] - row, at[1] - column)


# A cell reference in a formula, its $ marks kept: not a function's name (LOG10) nor part of a sheet's name ('Q1数据'!).
_FORMULA_REFERENCE = re.compile(r"(?<![A-Za-z0-9_$'!.])(\$?)([A-Z]{1,3})(\$?)(\d{1,7})(?![\d(A-Za-z_])")


def _moved(formula: str, rows: int, columns: int) -> str:
    """The formula as Excel writes it in a cell ``rows`` below and ``columns`` right of where it stands: its relative
    references moved, the absolute ($D$8) kept; text in quotes (a sheet's name) left as it is."""
    def move(m: re.Match) -> str:
        column = column_index(m[2]) + (0 if m[1] else columns)
        row = int(m[4]) + (0 if m[3] else rows)
        return f"{m[1]}{column_letters(column)}{m[3]}{row}" if column >= 0 and row >= 1 else m[0]
    parts = re.split(r"('(?:[^']|'')*'|\"[^\"]*\")", formula)
    return "".join(part if i % 2 else _FORMULA_REFERENCE.sub(move, part) for i, part in enumerate(parts))


_DRAWING = "{http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing}"
_DRAWING_TEXT = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def _text_boxes(archive, part: str, parser) -> tuple[str, ...]:
    """The paragraphs of the text boxes (shapes with text) a sheet's drawing holds, box by box from the top
    left: a report's title and prose typed into a text box over an empty sheet. None from a drawing that
    cannot be read (the sheet's cells are read all the same)."""
    from lxml import etree

    folder, name = part.rsplit("/", 1)
    rels_part = f"{folder}/_rels/{name}.rels"
    if rels_part not in archive.namelist():
        return ()
    try:
        return _drawn_paragraphs(archive, etree.fromstring(archive.read(rels_part), parser), folder, parser)
    except (KeyError, etree.XMLSyntaxError, ValueError):
        return ()


def _drawn_paragraphs(archive, rels, folder: str, parser) -> tuple[str, ...]:
    from lxml import etree

    boxes = []
    for rel in rels:
        if not rel.get("Type", "").endswith("/drawing"):
            continue
        target = rel.get("Target", "")
        drawing = target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"{folder}/{target}")
        if drawing not in archive.namelist():
            continue
        for anchor in etree.fromstring(archive.read(drawing), parser):
            start = anchor.find(f"{_DRAWING}from")
            place = (int(start.findtext(f"{_DRAWING}row") or 0), int(start.findtext(f"{_DRAWING}col") or 0)) \
                if start is not None else (0, 0)
            paragraphs = ["".join(t.text or "" for t in p.iter(f"{_DRAWING_TEXT}t"))
                          for body in anchor.iter(f"{_DRAWING}txBody") for p in body.iter(f"{_DRAWING_TEXT}p")]
            if any(text.strip() for text in paragraphs):
                boxes.append((place, paragraphs))
    return tuple(text for _, paragraphs in sorted(boxes, key=lambda box: box[0]) for text in paragraphs)


_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_HIDDEN_VISIBILITY = ("collapse", "filter")  # hidden by hand, or by a filter
# Hidden rows and columns are noted up to here: a report's sheet is far smaller, and a hidden run repeated
# to the sheet's end (a million rows, a few bytes) would fill memory.
_HIDDEN_NOTED = 100_000


def _ods_facts(data: bytes) -> dict[str, SheetFacts]:
    """Each sheet's hidden rows and columns (``SheetFacts``), by sheet name, from an OpenDocument
    workbook's content.xml (LibreOffice, WPS): a row or column whose visibility is collapse or filter,
    each counted as often as it repeats; none for a workbook whose content cannot be read."""
    import zipfile

    from lxml import etree

    found: dict[str, SheetFacts] = {}
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            row = column = cell = 0
            rows: set[int] = set()
            columns: set[int] = set()
            formulas: dict[tuple[int, int], str] = {}
            for event, element in etree.iterparse(archive.open("content.xml"), events=("start", "end"),
                                                  tag=(f"{_TABLE}table", f"{_TABLE}table-row", f"{_TABLE}table-column",
                                                       f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell"),
                                                  resolve_entities=False, no_network=True):
                if element.tag == f"{_TABLE}table":
                    if event == "start":
                        row = column = 0
                        rows, columns, formulas = set(), set(), {}
                    else:
                        found[element.get(f"{_TABLE}name", "")] = SheetFacts(frozenset(rows), frozenset(columns),
                                                                             formulas=tuple(formulas.items()))
                        element.clear()
                    continue
                if event == "start":
                    cell = 0 if element.tag == f"{_TABLE}table-row" else cell
                    continue
                if element.tag in (f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell"):
                    spread = element.get(f"{_TABLE}number-columns-repeated", "1")
                    if (formula := element.get(f"{_TABLE}formula")) and element.get(f"{_OFFICE}value") is None \
                            and len(formulas) < _FORMULAS_MAX:
                        formulas[(row, cell)] = _excel_formula(formula)  # (a script's: no value stored)
                    cell += int(spread) if spread.isdecimal() else 1
                    continue
                is_row = element.tag == f"{_TABLE}table-row"
                repeats = element.get(f"{_TABLE}number-{'rows' if is_row else 'columns'}-repeated", "1")
                first = row if is_row else column
                last = first + (int(repeats) if repeats.isdecimal() else 1)
                if element.get(f"{_TABLE}visibility") in _HIDDEN_VISIBILITY:
                    (rows if is_row else columns).update(range(first, min(last, _HIDDEN_NOTED)))
                if is_row:
                    row = last
                    element.clear()
                else:
                    column = last
    except (KeyError, zipfile.BadZipFile, etree.XMLSyntaxError, OSError, ValueError):
        return {}
    return found


_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_FORMULAS_MAX = 100_000  # formulas with no value kept of one sheet, at most
_OPEN_FORMULA_CELL = re.compile(r"\[\$?\.(\$?[A-Z]{1,3}\$?\d{1,7})(?::\$?\.(\$?[A-Z]{1,3}\$?\d{1,7}))?\]")


def _excel_formula(formula: str) -> str:
    """An OpenDocument formula (of:=SUM([.D8:.I8]), [.D8]+[.D9]) in the A1 words ``_evaluated`` reads; a reference to
    another sheet ([明细.C2]) stays as it is, which no evaluation reads."""
    formula = re.sub(r"^(?:of|oooc|msoxl):", "", formula.strip())
    return _OPEN_FORMULA_CELL.sub(lambda m: m[1] + (f":{m[2]}" if m[2] else ""), formula).replace(";", ",")


def _compute_formulas(values: list[list], formulas: dict[tuple[int, int], str], start_row: int, start_column: int,
                      recalculated: bool = False, elsewhere: OtherSheets | None = None) -> None:
    """Fill the cells whose formulas a workbook stores without the values they last computed (written by a
    script, which computes nothing; Excel computes them on opening), or with values Excel computes again on
    opening it (calcPr fullCalcOnLoad: a stale one is not shown): what ``_evaluated`` reads, of cells of this sheet
    or another (``elsewhere``), as Excel would show them. A formula of anything else, or needing a cell whose value is
    not known (another formula not computed), is left as stored (empty). ``recalculated``: no formula stores a value
    but a script's 0, never shown."""
    computed: dict[tuple[int, int], float | None] = {}

    def value_at(row: int, column: int, depth: int, sheet: str = "") -> object:
        if sheet:
            return elsewhere(sheet, row, column) if elsewhere else None
        if (row, column) in formulas:
            if (row, column) not in computed:
                computed[(row, column)] = None  # a cycle reads as no number
                computed[(row, column)] = _evaluated(formulas[(row, column)], value_at, depth + 1)
            return computed[(row, column)]
        r, c = row - start_row, column - start_column
        return values[r][c] if 0 <= r < len(values) and 0 <= c < len(values[r]) else ""

    for (row, column) in sorted(formulas):
        r, c = row - start_row, column - start_column
        if r < 0 or c < 0 or ((result := value_at(row, column, 0)) is None and not recalculated):
            continue
        while len(values) <= r:
            values.append([])
        values[r].extend([""] * (c + 1 - len(values[r])))
        values[r][c] = "" if result is None else result


# Another sheet's cell as the workbook stores it, by the sheet's name as a formula writes it ('原始数据'!B2): its value
# ("" when empty), or None when no sheet is so named or the cell holds a formula no value was stored for.
OtherSheets = Callable[[str, int, int], object]
# A cell's value as ``_evaluated`` asks for it, by (row, column, depth, sheet): as stored ("" when empty), a formula's
# computed number, or None when it is not known.
CellLookup = Callable[[int, int, int, str], object]


def _number(value, summed: bool) -> float | None:
    """A cell's value as a formula counts it: empty as 0 and a number as itself, as Excel counts them; a number stored
    as text ('123) skipped by SUM and taken by + - * /, as Excel does; None for anything else, and for a formula's
    error (#REF!) SUM would show."""
    if value is None:
        return None
    if value == "":
        return 0.0
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if summed:
        return None if isinstance(value, str) and _ERROR_VALUE.fullmatch(value.strip()) else 0.0
    return float(value) if isinstance(value, str) and _TEXT_NUMBER.fullmatch(value.strip()) else None


_FORMULA_TOKEN = re.compile(r"\s*(?:(?P<number>\d+(?:\.\d+)?)"
                            r"|(?P<function>[A-Z][A-Z0-9.]*)\s*\("
                            r"|(?:(?P<sheet>'(?:[^']|'')+'|[^\s'!()=+\-*/,:<>&^\"]+)!)?\$?(?P<column>[A-Z]{1,3})\$?(?P<row>\d{1,7})"
                            r"|(?P<text>\"(?:[^\"]|\"\")*\")|(?P<op><>|<=|>=|[-+*/(),:<>=]))", re.I)
_FORMULA_DEPTH = 50  # formulas referring to formulas, this deep at most
_TEXT_NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?")  # text Excel's arithmetic reads as a number
_ERROR_VALUE = re.compile(r"#(?:VALUE!|REF!|DIV/0!|N/A|NAME\?|NUM!|NULL!)")
_AREA_CELLS = 100_000  # a range of more cells is not read
_COMPARISONS: dict[str, Callable[[int], bool]] = {
    "=": lambda order: order == 0, "<>": lambda order: order != 0, "<": lambda order: order < 0,
    ">": lambda order: order > 0, "<=": lambda order: order <= 0, ">=": lambda order: order >= 0}


class _Unread(Exception):
    """A formula of what ``_evaluated`` does not read: another function, operator or word."""


class _Area(NamedTuple):
    """A reference in a formula, to a cell or a range of cells (from 0), and its sheet's name ('' for the formula's)."""

    sheet: str
    top: int
    left: int
    bottom: int
    right: int


class _Blank:
    """An empty cell, as a formula reads it: 0 in arithmetic, "" beside text, and ISBLANK."""


_BLANK = _Blank()


def _evaluated(formula: str, value_at: CellLookup, depth: int) -> float | None:
    """A formula computed as Excel computes it: numbers, text in quotes, cells and ranges (of another sheet too),
    + - * / and brackets, comparisons (= <> < > <= >=), SUM, IF, ISBLANK, ROUND and SUMIF (a range, a criterion: a
    text, a number, a cell, with a comparison before it, * and ? in a text, and the range summed). None for any other
    formula, one whose result is no number, or one needing a cell whose value is not known: never a number computed
    from an unknown taken for 0."""
    tokens: list[tuple[str, str]] = []
    at, text = 0, formula.lstrip("=").strip()
    while at < len(text):
        m = _FORMULA_TOKEN.match(text, at)
        if m is None or m.end() == at:
            return None
        if m["column"]:  # (a cell, its sheet's name kept as written after a ! when another's: 原始数据!B2)
            sheet = m["sheet"][1:-1].replace("''", "'") if m["sheet"] and m["sheet"].startswith("'") else m["sheet"]
            tokens.append(("column", (f"{sheet}!" if sheet else "") + (m["column"] + m["row"]).upper()))
        elif m["text"]:
            tokens.append(("text", m["text"][1:-1].replace('""', '"')))
        else:
            tokens.append((m.lastgroup, (m["function"] or m.group(0)).strip().upper()))
        at = m.end()
    if depth > _FORMULA_DEPTH:
        return None
    position = 0

    def peek() -> str:
        return tokens[position][1] if position < len(tokens) and tokens[position][0] == "op" else ""

    def take(expected: str | None = None) -> tuple[str, str]:
        nonlocal position
        if position >= len(tokens) or (expected is not None and peek() != expected):
            raise _Unread
        position += 1
        return tokens[position - 1]

    def cell(ref: str) -> tuple[str, int, int]:
        sheet, _, ref = ref.rpartition("!")
        m = _CELL_REFERENCE.fullmatch(ref.replace("$", ""))
        return sheet, int(m[2]) - 1, column_index(m[1])

    def cells(area: _Area) -> list[list[object]] | None:
        if (area.bottom - area.top + 1) * (area.right - area.left + 1) > _AREA_CELLS:
            return None
        return [[value_at(r, c, depth, area.sheet) for c in range(area.left, area.right + 1)]
                for r in range(area.top, area.bottom + 1)]

    def scalar(value: object) -> object:  # (a range of cells as one value: its one cell's)
        if not isinstance(value, _Area):
            return value
        if (value.top, value.left) != (value.bottom, value.right):
            return None
        stored = value_at(value.top, value.left, depth, value.sheet)
        return _BLANK if stored == "" else stored

    def number(value: object) -> float | None:
        value = scalar(value)
        if isinstance(value, bool):
            return float(value)
        return 0.0 if value is _BLANK else None if value == "" else _number(value, False)  # ("" + 1: #VALUE!)

    def summed(value: object) -> float | None:  # (a reference's text and TRUE skipped, as SUM skips them)
        if not isinstance(value, _Area):
            return number(value)
        found = [_number(v, True) for row in cells(value) or [[None]] for v in row]
        return None if any(n is None for n in found) else sum(found)

    def compared(left: object, right: object) -> int | None:  # (numbers before texts before TRUE/FALSE, as Excel orders)
        left, right = scalar(left), scalar(right)
        if left is None or right is None:
            return None
        if left is _BLANK:
            left = "" if isinstance(right, str) else 0.0
        if right is _BLANK:
            right = "" if isinstance(left, str) else 0.0
        kinds = [2 if isinstance(v, bool) else 1 if isinstance(v, str) else 0 for v in (left, right)]
        if kinds[0] != kinds[1]:
            return -1 if kinds[0] < kinds[1] else 1
        if kinds[0] == 1:
            left, right = left.casefold(), right.casefold()
        elif kinds[0] == 0:
            left, right = float(left), float(right)
        return (left > right) - (left < right)

    def sum_if(area: object, criterion: object, to_sum: object) -> float | None:
        criterion = scalar(criterion)
        if not isinstance(area, _Area) or not isinstance(to_sum, _Area) or criterion is None or criterion is _BLANK \
                or isinstance(criterion, bool):
            return None
        to_sum = to_sum._replace(bottom=to_sum.top + area.bottom - area.top, right=to_sum.left + area.right - area.left)
        tested, added = cells(area), cells(to_sum)
        if tested is None or added is None:
            return None
        operator, operand = "=", criterion
        if isinstance(criterion, str):
            m = re.match(r"(<>|<=|>=|<|>|=)?(.*)", criterion, re.S)
            operator, operand = m[1] or "=", m[2]
            if _TEXT_NUMBER.fullmatch(operand.strip()):
                operand = float(operand)
            elif operator not in ("=", "<>"):
                return None
        pattern = None if not isinstance(operand, str) else re.compile("".join(
            re.escape(part[1:]) if part.startswith("~") else ".*" if part == "*" else "." if part == "?" else re.escape(part)
            for part in re.findall(r"~.|[*?]|[^~*?]+|~", operand)), re.I | re.S)  # (a text's * and ?, ~ before one)
        total = 0.0
        for tested_row, added_row in zip(tested, added, strict=True):
            for value, amount in zip(tested_row, added_row, strict=True):
                if value is None or (pattern is None and isinstance(value, str) and _TEXT_NUMBER.fullmatch(value.strip())):
                    return None  # (not known, or a number stored as text: whether Excel matches it is not read)
                if pattern is not None:  # (equal to the text or not; an empty cell is "")
                    matched = (isinstance(value, str) and pattern.fullmatch(value) is not None) == (operator == "=")
                elif isinstance(value, int | float) and not isinstance(value, bool):
                    matched = _COMPARISONS[operator]((value > operand) - (value < operand))
                else:  # (a text, an empty cell: no number, unequal to one)
                    matched = operator == "<>"
                if matched:
                    if (amount := _number(amount, True)) is None:
                        return None
                    total += amount
        return total

    def function(name: str) -> object:
        arguments: list[object] = []
        if peek() != ")":
            arguments.append(comparison())
            while peek() == ",":
                take()
                arguments.append(comparison())
        take(")")
        if name == "SUM" and arguments:
            parts = [summed(a) for a in arguments]
            return None if any(p is None for p in parts) else sum(parts)
        if name == "IF" and 2 <= len(arguments) <= 3:
            test = scalar(arguments[0])
            if test is _BLANK:
                test = False
            if test is None or isinstance(test, str):
                return None
            return arguments[1] if test else arguments[2] if len(arguments) == 3 else False
        if name == "ISBLANK" and len(arguments) == 1:
            value = scalar(arguments[0])
            return None if value is None else value is _BLANK
        if name == "ROUND" and len(arguments) == 2:
            value, places = number(arguments[0]), number(arguments[1])
            if value is None or places is None:
                return None
            exact = decimal.Decimal(f"{value:.15g}")  # (Excel's 15 digits, rounded half away from 0)
            try:
                return float(exact.quantize(decimal.Decimal(1).scaleb(-max(-15, min(15, int(places)))),
                                            rounding=decimal.ROUND_HALF_UP))
            except decimal.InvalidOperation:  # (more digits than a Decimal holds)
                return None
        if name == "SUMIF" and len(arguments) in (2, 3):
            return sum_if(arguments[0], arguments[1], arguments[-1] if len(arguments) == 3 else arguments[0])
        raise _Unread

    def primary() -> object:
        kind, token = take()
        if kind == "number":
            return float(token)
        if kind == "text":
            return token
        if kind == "column":
            (sheet, top, left), (bottom, right) = cell(token), cell(token)[1:]
            if peek() == ":":
                take()
                kind, last = take()
                if kind != "column":
                    raise _Unread
                _, bottom, right = cell(last)
            return _Area(sheet, min(top, bottom), min(left, right), max(top, bottom), max(left, right))
        if kind == "function":
            return function(token)
        if token == "(":
            inner = comparison()
            take(")")
            return inner
        if token in ("-", "+"):
            inner = number(primary())
            return None if inner is None else -inner if token == "-" else inner
        raise _Unread

    def term() -> object:
        result = primary()
        while peek() in ("*", "/"):
            op, right = take()[1], number(primary())
            left = number(result)
            result = None if left is None or right is None or (op == "/" and right == 0) else \
                left * right if op == "*" else left / right
        return result

    def additive() -> object:
        result = term()
        while peek() in ("+", "-"):
            op, right = take()[1], number(term())
            left = number(result)
            result = None if left is None or right is None else left + right if op == "+" else left - right
        return result

    def comparison() -> object:
        result = additive()
        if peek() in _COMPARISONS:
            operator = take()[1]
            order = compared(result, additive())
            result = None if order is None else _COMPARISONS[operator](order)
        return result

    try:
        result = scalar(comparison())
        if position != len(tokens):
            return None
    except _Unread:
        return None
    if result is _BLANK:  # (='数据'!B5 of an empty cell shows 0)
        return 0.0
    return float(result) if isinstance(result, int | float) and not isinstance(result, bool) else None


def shown_value(value) -> str:
    """A cell's value as a spreadsheet shows it in its usual format: a whole number without '.0'."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        return value.date().isoformat()
    if isinstance(value, datetime.date | datetime.time | datetime.timedelta):
        return value.isoformat() if not isinstance(value, datetime.timedelta) else str(value)
    return str(value)


# --- SpreadsheetML 2003 (Excel's and WPS's "XML 表格", .xml or .xls) -------------------------------------------------

_SS = "{urn:schemas-microsoft-com:office:spreadsheet}"
_X = "{urn:schemas-microsoft-com:office:excel}"
_SHEET_HIDDEN = ("SheetHidden", "SheetVeryHidden")


def spreadsheet_xml_to_text(data: bytes, path: str) -> str:
    """A SpreadsheetML workbook's visible sheets, in order, an empty line between them: each Row and Cell placed by its
    ss:Index where it skips some (the cells a merge covers are not written), merged by ss:MergeAcross and ss:MergeDown,
    hidden rows, columns and sheets left out. Read as XML text, every cell ran into one line."""
    from .markup import parsed_xml

    root = parsed_xml(data, path, "a SpreadsheetML workbook that cannot be read")
    lines: list[str] = []
    budget = GRID_CELLS
    for sheet in root.iter(f"{_SS}Worksheet"):
        if any((v.text or "").strip() in _SHEET_HIDDEN for v in sheet.iter(f"{_X}Visible")):
            continue
        for table in sheet.iter(f"{_SS}Table"):
            cells, merges, hidden_rows, hidden_columns = _xml_table(table)
            height = max((r for r, _ in cells), default=-1) + 1
            width = max((c for _, c in cells), default=-1) + 1
            budget -= height * width
            if budget < 0:
                raise errors.TableTooLarge(GRID_CELLS)
            values = [[cells.get((r, c), "") for c in range(width)] for r in range(height)]
            lines += [*grid_lines(values, merges, set(range(height)) - hidden_rows, set(range(width)) - hidden_columns), ""]
    return "\n".join(lines)


def _xml_table(table) -> tuple[dict[tuple[int, int], str], list, set[int], set[int]]:
    """A SpreadsheetML Table's cells by (row, column) from 0, its merges, and its hidden rows and columns."""
    cells: dict[tuple[int, int], str] = {}
    merges, hidden_rows, hidden_columns = [], set(), set()
    column = -1
    for col in table.iter(f"{_SS}Column"):
        column = _index(col, column)
        span = int(col.get(f"{_SS}Span") or 0) if (col.get(f"{_SS}Span") or "").isdecimal() else 0
        if col.get(f"{_SS}Hidden") == "1":
            hidden_columns.update(range(column, column + span + 1))
        column += span
    row = -1
    for element in table.iter(f"{_SS}Row"):
        row = _index(element, row)
        if element.get(f"{_SS}Hidden") == "1":
            hidden_rows.add(row)
        column = -1
        for cell in element.iter(f"{_SS}Cell"):
            column = _index(cell, column)
            data = next(cell.iter(f"{_SS}Data"), None)
            cells[(row, column)] = "".join(data.itertext()).strip() if data is not None else ""
            across, down = (int(v) if (v := cell.get(f"{_SS}{name}") or "").isdecimal() else 0
                            for name in ("MergeAcross", "MergeDown"))
            if across or down:
                merges.append(((row, column), (row + down, column + across)))
            column += across
    return cells, merges, hidden_rows, hidden_columns


def _index(element, previous: int) -> int:
    """The place (from 0) of a Row, Cell or Column: its ss:Index (from 1) where given, else the one after the last."""
    given = element.get(f"{_SS}Index") or ""
    return int(given) - 1 if given.isdecimal() and 0 < int(given) <= 1_048_576 else previous + 1


# A delimited text's field that is a formula (=SUM(D38:I38), =C6+C7, =SUM(明细!C2:C40)), as a sheet exported with its
# formulas shows them: a spreadsheet opening the file computes it.
FORMULA_FIELD = re.compile(r'(?m)(?:^|[,\t])"?=\s*(?:[A-Za-z][A-Za-z.]*\s*\(|\$?[A-Z]{1,3}\$?\d)')
_FORMULA_START = re.compile(r"=\s*(?:[A-Za-z][A-Za-z.]*\s*\(|\$?[A-Z]{1,3}\$?\d)")
_FIELD_NUMBER = re.compile(r"[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[-+]?\d+(?:\.\d+)?")


def computed_formula_fields(text: str) -> str:
    """A CSV or tab-separated text with each formula field replaced by what a spreadsheet opening it shows: sums and
    differences of the text's own cells (A1 its first line's first field), computed; a formula of anything else (another
    sheet's cells, a function not read) left blank, never read for the digits it names."""
    import csv

    lines = text.split("\n")
    sample = lines[:200]
    delimiter = "\t" if sum(line.count("\t") for line in sample) > sum(line.count(",") for line in sample) else ","
    rows: dict[int, list[str]] = {}
    values: list[list] = []
    formulas: dict[tuple[int, int], str] = {}
    for r, line in enumerate(lines):
        try:
            fields = next(csv.reader([line.rstrip("\r")], delimiter=delimiter)) if line.strip() else []
        except csv.Error:
            fields = []
        row: list = []
        for c, field in enumerate(fields):
            if (bare := field.strip()).startswith("=") and _FORMULA_START.match(bare) and len(formulas) < _FORMULAS_MAX:
                formulas[(r, c)] = bare
                rows[r] = fields
                row.append("")
            else:
                row.append(float(bare.replace(",", "")) if _FIELD_NUMBER.fullmatch(bare) else field)
        values.append(row)
    if not formulas:
        return text
    _compute_formulas(values, formulas, 0, 0)
    for r, fields in rows.items():
        for (row, c) in formulas:
            if row == r:
                fields[c] = shown_value(values[r][c]) if values[r][c] != "" else ""
        out = io.StringIO()
        csv.writer(out, delimiter=delimiter, lineterminator="").writerow(fields)
        lines[r] = out.getvalue()
    return "\n".join(lines)
