"""Tables typed with spaces: the blank cells of a row placed by where its numbers stand.

A table typed with spaces instead of cells (full-width and half-width ones, in Word or a plain editor) and copied
as text keeps its columns only as places on the line: a cell left blank is only more space, and a row printing four
of its seven cells reads as four values. Where the numbers of a table's rows stand on one regular grid (the numbers
right-aligned, or left-aligned, every gap between two of a row's numbers a whole number of one column's width), a
row whose numbers reach from the table's first column to its last shows which of its cells are blank. Anything
less regular is left as it was read: the table reader then marks such a row unsure, with its candidates.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from itertools import pairwise

from .layout import ValueRow

_RUN = re.compile(r"[^\s\u3000]+")  # what stands between spaces of either width
_ROWS_MIN = 3  # rows short of the form's width, at least, whose places are read: one is no grid
_LINES_AHEAD = 2  # a row's numbers on a line after its label's first (a label wrapped in its column)


def _width(text: str) -> int:
    """Columns text takes in a fixed-width font: a wide (CJK) character two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _edges(row: ValueRow, lines: list[str]) -> tuple[list[int], list[int]] | None:
    """Where a row's values begin and end on its line, in columns; None when its line does not end with them."""
    values = [c.strip() for c in row.cells if c.strip()]
    for line in lines[row.line:row.line + _LINES_AHEAD + 1]:
        if "\t" in line:
            return None  # (a tab's width is the editor's: no places to read)
        runs = [(m.start(), m.end(), m.group()) for m in _RUN.finditer(line)]
        if len(runs) > len(values) and [r[2] for r in runs[-len(values):]] == values:
            ends = [(_width(line[:a]), _width(line[:b])) for a, b, _ in runs[-len(values):]]
            return [a for a, _ in ends], [b for _, b in ends]
    return None


def _places(edges: list[list[int]], size: int) -> list[list[int]] | None:
    """Each row's columns, where every gap between its values is a whole number of one pitch (the smallest gap),
    and the rows reaching across the form's width are placed from its first column; None when a gap is no whole
    number of pitches, or a row would be wider than the form."""
    gaps = [b - a for row in edges for a, b in pairwise(row)]
    pitch = min(gaps, default=0)
    if pitch < 2:
        return None
    places: list[list[int]] = []
    for row in edges:
        steps = [round((b - a) / pitch) for a, b in pairwise(row)]
        if any(abs((b - a) - k * pitch) > min(k, pitch / 4) for k, (a, b) in zip(steps, pairwise(row))):
            return None
        if sum(steps) > size - 1:
            return None
        at = [0]
        for k in steps:
            at.append(at[-1] + k)
        places.append(at if at[-1] == size - 1 else [])
    return places


def with_spaced_blanks(rows: list[ValueRow], lines: list[str], size: int) -> list[ValueRow] | None:
    """The rows of a table typed with spaces, each labelled row that prints fewer values than the form's ``size`` and
    whose numbers reach from the first column to the last given its blank cells in their places; None for other
    tables."""
    short = [k for k, row in enumerate(rows)  # (a labelled row: a line of numbers alone may be a wrapped cell's pieces)
             if not row.delimited and 2 <= len(row.cells) < size and row.core]  # (a plain row prints no empty cell)
    if len(short) < _ROWS_MIN:
        return None
    found = [edges for k in short if (edges := _edges(rows[k], lines)) is not None]
    if len(found) < len(short):
        return None
    for side in (1, 0):  # right-aligned numbers, else left-aligned
        places = _places([edge[side] for edge in found], size)
        if places is not None and any(places):
            break
    else:
        return None
    out = list(rows)
    for k, at in zip(short, places):
        if at:
            cells = [""] * size
            for place, value in zip(at, [c for c in rows[k].cells if c.strip()]):
                cells[place] = value
            out[k] = replace(rows[k], cells=cells)
    return out
