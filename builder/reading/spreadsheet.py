"""Spreadsheets to text: a workbook (.xlsx, .xls, .ods) as its visible sheets' rows.

Some agencies publish the report as a workbook (the text on one sheet, a paragraph a merged
cell, and a sheet per table), or its tables alone as the report's 附表. Each sheet's rows are
read as a Word table's are: merged cells expanded (``table_grid``), a row's cells
tab-separated; a row of one cell is a paragraph. Hidden sheets (last year's tables kept as a
backup) are not read. python-calamine reads the three formats and the values formulas last
computed, as Excel shows them.
"""

from __future__ import annotations

import datetime
import io
import re
from typing import NamedTuple

from .. import errors
from .markup import GRID_CELLS, check_unpacked, table_grid, unstacked

ZIP_SIGNATURE = b"PK\x03\x04"


def spreadsheet_to_text(data: bytes, path: str) -> str:
    """The workbook's visible sheets, in order, an empty line between them. EncryptedDocument for
    a workbook saved with a password, NotText for one python-calamine cannot read."""
    import python_calamine

    if data.startswith(ZIP_SIGNATURE):
        check_unpacked(data, path, "spreadsheet")  # a zip bomb is refused before it is unpacked
    try:
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheets = [book.get_sheet_by_index(i) for i, sheet in enumerate(book.sheets_metadata)
                  if sheet.visible == python_calamine.SheetVisibleEnum.Visible
                  and sheet.typ == python_calamine.SheetTypeEnum.WorkSheet]
        facts = _xlsx_facts(data) if data.startswith(ZIP_SIGNATURE) else {}
        lines: list[str] = []
        budget = GRID_CELLS
        for sheet in sheets:
            budget -= sheet.height * sheet.width
            if budget < 0:  # a few KB can declare a sheet of millions of cells
                raise errors.TableTooLarge(GRID_CELLS)
            lines += [*_sheet_lines(sheet, facts.get(sheet.name, SheetFacts())), ""]
    except python_calamine.PasswordError as e:
        raise errors.EncryptedDocument(path, "a spreadsheet") from e
    except (errors.ReportError, errors.TableTooLarge):
        raise
    except Exception as e:  # python-calamine raises its own errors and others on a damaged file
        raise errors.NotText(path, f"not a readable spreadsheet ({type(e).__name__})") from e
    return "\n".join(lines)


class SheetFacts(NamedTuple):
    """What a sheet's XML says that python-calamine does not: its hidden rows and columns, and the
    formula errors its cells show (#REF!), by (row, column), all from 0."""

    hidden_rows: frozenset[int] = frozenset()
    hidden_columns: frozenset[int] = frozenset()
    errors: tuple[tuple[tuple[int, int], str], ...] = ()


def _sheet_lines(sheet, facts: SheetFacts) -> list[str]:
    """A sheet's rows as lines: cells tab-separated, the cells of a merged range expanded; hidden rows
    and columns (last year's figures kept out of sight) left out; a cell showing a formula error holds
    it (it read as empty, and its row one cell off)."""
    start_row, start_column = sheet.start or (0, 0)
    values = sheet.to_python(skip_empty_area=True)
    for (row, column), error in facts.errors:
        r, c = row - start_row, column - start_column
        if 0 <= r < len(values) and 0 <= c < len(values[r]) and values[r][c] == "":
            values[r][c] = error
    shown_rows = {r for r in range(len(values)) if r + start_row not in facts.hidden_rows}
    shown_columns = {c for c in range(max(map(len, values), default=0)) if c + start_column not in facts.hidden_columns}
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    covered: set[tuple[int, int]] = set()
    for (top, left), (bottom, right) in sheet.merged_cell_ranges or ():
        top, left, bottom, right = top - start_row, left - start_column, bottom - start_row, right - start_column
        spans[(top, left)] = (len(shown_rows & set(range(top, bottom + 1))) or 1,
                              len(shown_columns & set(range(left, right + 1))) or 1)
        covered.update((r, c) for r in range(top, bottom + 1) for c in range(left, right + 1) if (r, c) != (top, left))
    rows = [[(_shown(value), *spans.get((r, c), (1, 1))) for c, value in enumerate(row)
             if (r, c) not in covered and c in shown_columns]
            for r, row in enumerate(values) if r in shown_rows]
    lines = []
    for block in _side_by_side(table_grid(rows)):
        for row in block:
            for cells in unstacked(row):
                filled = [cell for cell in cells if cell.strip()]
                lines.append(filled[0] if len(filled) == 1 and cells[0].strip() else "\t".join(cells).rstrip("\t"))
    return lines


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
        blocks, start = [], 0
        for column in [*empty, width]:
            if column > start:
                blocks.append([row[start:column] for row in band])
            start = column + 1
        tables = [block for block in blocks if any(_TABLE_SIGN.search(cell) for row in block for cell in row)]
        if len(tables) >= 2 and len(tables) == len(blocks):
            out += [[row for row in block if any(cell.strip() for cell in row)] for block in tables]
        else:
            out.append(band)
        out.append([[""]])  # the empty row between bands
    return out


_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELATIONSHIP = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


_CELL_REFERENCE = re.compile(r"([A-Z]{1,3})(\d{1,7})")


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
            rels = etree.fromstring(archive.read("xl/_rels/workbook.xml.rels"), parser)
            targets = {rel.get("Id"): rel.get("Target", "") for rel in rels}
            for sheet in book.iter(f"{_MAIN}sheet"):
                target = targets.get(sheet.get(_RELATIONSHIP), "")
                part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
                if part not in archive.namelist():
                    continue
                rows, columns, errors_ = set(), set(), {}
                for _, element in etree.iterparse(archive.open(part), tag=(f"{_MAIN}row", f"{_MAIN}col", f"{_MAIN}c"),
                                                  resolve_entities=False, no_network=True):
                    if element.tag == f"{_MAIN}c":
                        if element.get("t") == "e" and (ref := _CELL_REFERENCE.fullmatch(element.get("r", ""))):
                            value = element.findtext(f"{_MAIN}v") or "#VALUE!"
                            errors_[(int(ref[2]) - 1, _column_index(ref[1]))] = value
                        continue  # its row clears it
                    if element.get("hidden") in ("1", "true"):
                        if element.tag == f"{_MAIN}row" and (row := element.get("r", "")).isdecimal():
                            rows.add(int(row) - 1)
                        elif element.tag == f"{_MAIN}col" and element.get("min", "").isdecimal():
                            columns.update(range(int(element.get("min")) - 1,
                                                 min(int(element.get("max", element.get("min"))), 16_384)))
                    element.clear()
                found[sheet.get("name", "")] = SheetFacts(frozenset(rows), frozenset(columns), tuple(errors_.items()))
    except (KeyError, zipfile.BadZipFile, etree.XMLSyntaxError, OSError, ValueError):
        return {}
    return found


def _column_index(letters: str) -> int:
    """A column's index from 0 by its letters (A → 0, AA → 26)."""
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - ord("A") + 1
    return index - 1


def _shown(value) -> str:
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
