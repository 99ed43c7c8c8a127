"""Excel tables' structured references (申请数量[[#This Row],[自然人]], SUBTOTAL(109,[总计])) as the A1 ranges they mean.

A sheet formatted as an Excel table (a ListObject: xl/tables/tableN.xml) writes its formulas by the table's and the
columns' names. The formula evaluation reads A1 references only, so each structured reference is rewritten into the
cells it names, from the table's range, header and totals rows and column names, as Excel resolves it.
"""

from __future__ import annotations

import posixpath
import re
from typing import NamedTuple

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_TABLE_RELATIONSHIP = re.compile(r"/relationships/table$")
_RANGE = re.compile(r"\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?")


class ExcelTable(NamedTuple):
    """A table's place: its sheet, its range's rows and columns from 0, its header and totals rows, its columns' names."""

    sheet: str
    top: int
    left: int
    bottom: int
    header_rows: int
    totals_rows: int
    columns: tuple[str, ...]


def excel_tables(archive, sheets: list[tuple[str, str]], parser) -> dict[str, ExcelTable]:
    """The workbook's tables by their names in lower case (Excel matches them so), from each sheet's (name, part)
    relationships; none for a workbook without any."""
    from lxml import etree

    names = set(archive.namelist())
    found: dict[str, ExcelTable] = {}
    for sheet, part in sheets:
        rels = posixpath.join(posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels")
        if rels not in names:
            continue
        for rel in etree.fromstring(archive.read(rels), parser):
            if not _TABLE_RELATIONSHIP.search(rel.get("Type", "")):
                continue
            target = rel.get("Target", "")
            table_part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                posixpath.join(posixpath.dirname(part), target))
            if table_part not in names:
                continue
            table = etree.fromstring(archive.read(table_part), parser)
            area = _RANGE.fullmatch(table.get("ref", ""))
            name = table.get("displayName") or table.get("name")
            if area is None or not area[3] or not name:
                continue
            columns = tuple(column.get("name", "") for column in table.iter(f"{_MAIN}tableColumn"))
            found[name.lower()] = ExcelTable(sheet, int(area[2]) - 1, column_index(area[1]), int(area[4]) - 1,
                                             _count(table.get("headerRowCount"), 1), _count(table.get("totalsRowCount"), 0),
                                             columns)
    return found


def _count(value: str | None, default: int) -> int:
    return int(value) if value is not None and value.isdecimal() else default


# A structured reference: a table's name (or none, in the table's own cells) and its bracketed specifier, whose items
# are brackets of their own ([[#This Row],[自然人]:[其他]]); ' escapes a bracket, # or ' in a column's name.
_STRUCTURED = re.compile(r"(?<![\w.\]])(?P<table>[^\W\d][\w.]*)?\[(?P<body>(?:[^\[\]']|'.|\[(?:[^\[\]']|'.)*\])*)\]")
_ITEM = re.compile(r"\[((?:[^\[\]']|'.)*)\]|(,)|(:)|(@)")
_SUBTOTAL_SUM = re.compile(r"\bSUBTOTAL\s*\(\s*1?09\s*,", re.I)  # SUBTOTAL(9 or 109, …): a sum


def structured_to_a1(formula: str, row: int, sheet: str, tables: dict[str, ExcelTable]) -> str:
    """The formula with each structured reference as the A1 cell or range it names (a table on another sheet
    with its sheet's name), and SUBTOTAL's sums as SUM; a reference to no table or column known is left as
    written, which no evaluation reads. ``row`` is the formula's own (#This Row), from 0."""
    def own_table() -> ExcelTable | None:
        return next((t for t in tables.values() if t.sheet == sheet and t.top <= row <= t.bottom), None)

    def rewrite(m: re.Match) -> str:
        table = tables.get(m["table"].lower()) if m["table"] else own_table()
        if table is None:
            return m[0]
        cells = _cells_named(m["body"], table, row)
        if cells is None:
            return m[0]
        (top, left), (bottom, right) = cells
        first, last = f"{column_letters(left)}{top + 1}", f"{column_letters(right)}{bottom + 1}"
        where = "" if table.sheet == sheet else "'" + table.sheet.replace("'", "''") + "'!"
        return where + first + ("" if (top, left) == (bottom, right) else f":{last}")

    parts = re.split(r"(\"[^\"]*\")", formula)  # (text in quotes left as it is)
    rewritten = "".join(part if i % 2 else _STRUCTURED.sub(rewrite, part) for i, part in enumerate(parts))
    return _SUBTOTAL_SUM.sub("SUM(", rewritten)


def _cells_named(body: str, table: ExcelTable, row: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The first and last cells (row, column) a specifier names in the table: rows by its # items (the data rows
    when none), columns by its column names (every column when none); None for one naming no column it has."""
    specials: list[str] = []
    columns: list[str] = []
    if body.startswith("["):
        for m in _ITEM.finditer(body):
            if m[4]:
                specials.append("#this row")
            elif m[1] is not None:
                item = _unescaped(m[1])
                (specials if item.startswith("#") else columns).append(item.lower() if item.startswith("#") else item)
    elif body.startswith("@"):
        specials.append("#this row")
        columns.append(_unescaped(body[1:].strip("[]")))
    elif body.startswith("#"):
        specials.append(body.lower())
    elif body:
        columns.append(_unescaped(body))
    data_top, data_bottom = table.top + table.header_rows, table.bottom - table.totals_rows
    spans = {"#this row": (row, row), "#headers": (table.top, data_top - 1), "#data": (data_top, data_bottom),
             "#totals": (data_bottom + 1, table.bottom), "#all": (table.top, table.bottom)}
    rows = [spans.get(item) for item in specials] or [spans["#data"]]
    if None in rows or any(first > last for first, last in rows):
        return None
    known = [name.lower() for name in table.columns]
    indexes = [known.index(name.lower()) if name.lower() in known else None for name in columns]
    if None in indexes:
        return None
    left, right = (min(indexes), max(indexes)) if indexes else (0, len(known) - 1)
    return ((min(first for first, _ in rows), table.left + left), (max(last for _, last in rows), table.left + right))


def _unescaped(name: str) -> str:
    """A column's name as the table lists it: ' before a bracket, #, ' or @ in a reference dropped."""
    return re.sub(r"'(.)", r"\1", name)


def column_index(letters: str) -> int:
    """A column's index from 0 by its letters (A → 0, AA → 26)."""
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - ord("A") + 1
    return index - 1


def column_letters(index: int) -> str:
    """A column's letters by its index from 0 (0 → A, 26 → AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters
