"""Table 3 from the order text without layout gives its values in.

Plain pdftotext (no -layout), pdfminer and PyMuPDF print a table's cells a block each, in the order of the
blocks on the page: row by row where rows stand apart, a column at a time over the rows whose cells stand
close (0 ␤ 99 ␤ 3 ␤␤ 0 ␤ 12 ␤ 1 …), the labels elsewhere. No row's label stands by its values, and the
rows' readers leave such a table unread. Its values, taken in the text's order, fill the form's grid in
blocks of consecutive rows, each block read a column at a time (a block of one row is read across): where
exactly one such filling keeps every sum of the table, the table is read so. Where several do (a table of
mostly 0s), the text's own blocks settle it: the numbers of a block's column stand on consecutive lines, a
blank line after them, so the lengths of the runs of numbers give each block's number of rows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..forms import Identity

_LONE_NUMBER = re.compile(r"^\s*(\d{1,7})\s*$")
_FILLINGS_MAX = 256  # distinct fillings of the rows below a point kept: more, and the text settles nothing


def lone_numbers(lines: Sequence[str]) -> list[int]:
    """The numbers printed on lines of their own, in order."""
    return [int(m.group(1)) for line in lines if (m := _LONE_NUMBER.match(line))]


def lone_number_runs(lines: Sequence[str]) -> list[list[int]]:
    """The numbers printed on lines of their own, as the runs of consecutive such lines."""
    runs: list[list[int]] = [[]]
    for line in lines:
        if m := _LONE_NUMBER.match(line):
            runs[-1].append(int(m.group(1)))
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if run]


def grid_of_runs(runs: Sequence[Sequence[int]], row_ids: Sequence[str], column_ids: Sequence[str],
                 identities: Sequence[Identity], cell_id) -> dict[str, int] | None:
    """The filling whose blocks the runs give (each block's columns a run each, as long as its rows), where
    the runs make such blocks exactly and the filling keeps each row's total and every identity; else None."""
    width, filling, at = len(column_ids), [], 0
    while at < len(runs):
        columns = runs[at:at + width]
        if len(columns) < width or len({len(column) for column in columns}) != 1:
            return None
        filling += [tuple(column[k] for column in columns) for k in range(len(columns[0]))]
        at += width
    if len(filling) != len(row_ids) or not all(values[-1] == sum(values[:-1]) for values in filling):
        return None
    cells = {cell_id(r, c): value for r, values in zip(row_ids, filling) for c, value in zip(column_ids, values)}
    return cells if _keeps(cells, identities) else None


def _keeps(cells: dict[str, int], identities: Sequence[Identity]) -> bool:
    return all(sum(cells[p] for p in i.parts) == sum(cells[w] for w in i.whole) for i in identities
               if all(c in cells for c in (*i.parts, *i.whole)))


def filled_grid(numbers: Sequence[int], row_ids: Sequence[str], column_ids: Sequence[str],
                identities: Sequence[Identity], cell_id) -> dict[str, int] | None:
    """The table's cells (by ``cell_id(row, column)``) from ``numbers`` in reading order, where exactly one
    filling by blocks of rows read a column at a time keeps each row's total (its last column) and every
    identity; None otherwise (another count of numbers, no filling, or several)."""
    rows, width = len(row_ids), len(column_ids)
    if len(numbers) != rows * width:
        return None
    memo: dict[tuple[int, int], list[tuple[tuple[int, ...], ...]] | None] = {}

    def below(at: int, row: int) -> list[tuple[tuple[int, ...], ...]] | None:
        """The distinct fillings of rows ``row``… from number ``at`` on; None when too many to settle."""
        if row == rows:
            return [()]
        if (at, row) in memo:
            return memo[(at, row)]
        out: dict[tuple[tuple[int, ...], ...], None] = {}
        for block in range(1, rows - row + 1):
            chunk = numbers[at:at + width * block]
            filled = tuple(tuple(chunk[column * block + k] for column in range(width)) for k in range(block))
            if not all(values[-1] == sum(values[:-1]) for values in filled):
                continue
            rest = below(at + width * block, row + block)
            if rest is None:
                memo[(at, row)] = None
                return None
            out.update(dict.fromkeys(filled + tail for tail in rest))
            if len(out) > _FILLINGS_MAX:
                memo[(at, row)] = None
                return None
        memo[(at, row)] = list(out)
        return memo[(at, row)]

    fillings = below(0, 0)
    if not fillings:
        return None
    grids = []
    for filling in fillings:
        cells = {cell_id(r, c): value for r, values in zip(row_ids, filling) for c, value in zip(column_ids, values)}
        if _keeps(cells, identities):
            grids.append(cells)
    return grids[0] if len(grids) == 1 else None
