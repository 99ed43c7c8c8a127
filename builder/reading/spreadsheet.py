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

from .. import errors
from .markup import GRID_CELLS, _check_unpacked, table_grid, unstacked

ZIP_SIGNATURE = b"PK\x03\x04"


def spreadsheet_to_text(data: bytes, path: str) -> str:
    """The workbook's visible sheets, in order, an empty line between them. EncryptedDocument for
    a workbook saved with a password, NotText for one python-calamine cannot read."""
    import python_calamine

    if data.startswith(ZIP_SIGNATURE):
        _check_unpacked(data, path, "spreadsheet")  # a zip bomb is refused before it is unpacked
    try:
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheets = [book.get_sheet_by_index(i) for i, sheet in enumerate(book.sheets_metadata)
                  if sheet.visible == python_calamine.SheetVisibleEnum.Visible
                  and sheet.typ == python_calamine.SheetTypeEnum.WorkSheet]
        lines: list[str] = []
        budget = GRID_CELLS
        for sheet in sheets:
            budget -= sheet.height * sheet.width
            if budget < 0:  # a few KB can declare a sheet of millions of cells
                raise errors.TableTooLarge(GRID_CELLS)
            lines += [*_sheet_lines(sheet), ""]
    except python_calamine.PasswordError as e:
        raise errors.EncryptedDocument(path, "a spreadsheet") from e
    except (errors.ReportError, errors.TableTooLarge):
        raise
    except Exception as e:  # python-calamine raises its own errors and others on a damaged file
        raise errors.NotText(path, f"not a readable spreadsheet ({type(e).__name__})") from e
    return "\n".join(lines)


def _sheet_lines(sheet) -> list[str]:
    """A sheet's rows as lines: cells tab-separated, the cells of a merged range expanded."""
    start_row, start_column = sheet.start or (0, 0)
    values = sheet.to_python(skip_empty_area=True)
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    covered: set[tuple[int, int]] = set()
    for (top, left), (bottom, right) in sheet.merged_cell_ranges or ():
        top, left, bottom, right = top - start_row, left - start_column, bottom - start_row, right - start_column
        spans[(top, left)] = (bottom - top + 1, right - left + 1)
        covered.update((r, c) for r in range(top, bottom + 1) for c in range(left, right + 1) if (r, c) != (top, left))
    rows = [[(_shown(value), *spans.get((r, c), (1, 1))) for c, value in enumerate(row) if (r, c) not in covered]
            for r, row in enumerate(values)]
    lines = []
    for row in table_grid(rows):
        for cells in unstacked(row):
            filled = [cell for cell in cells if cell.strip()]
            lines.append(filled[0] if len(filled) == 1 and cells[0].strip() else "\t".join(cells).rstrip("\t"))
    return lines


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
