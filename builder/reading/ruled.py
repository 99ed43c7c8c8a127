"""Pages of placed characters and the lines that rule their tables (OFD's and XPS's fixed layouts, and their packages'
parts) as text: each row
of a ruled table one tab-separated line of its cells, as a PDF's ruled table is read (``pdf``), the other characters
laid out as positioned words are (``positioned``). Lengths in millimetres."""

from __future__ import annotations

import posixpath
import zipfile

from .. import errors
from .markup import numbers_across
from .pdf import table_fit, without_page_furniture
from .positioned import Placed, page_lines, placed_lines

_STRAIGHT = 0.3  # mm a segment may rise over its run (or run over its rise) and still be a table's rule
_SNAP = 1.0  # mm apart, at most, two rules that are one (pdfplumber's 3 points)
_GRID_ROWS = 2  # rows of two cells or more a ruled grid has, at least, to be a table (not a box around prose)
_EDGES_MAX = 20_000  # rules a page has at most to be read by its grid (more: a drawing, read as words)


def package_part(archive: zipfile.ZipFile, name: str, path: str, kind: str):
    """A fixed layout package's XML part (``kind``: what the package is, for the refusal), never expanding entities;
    huge_tree, as a text node past libxml2's 10 MB (a hidden run of millions of characters) would end the part there,
    and the page's every later object with it."""
    from lxml import etree

    try:
        data = archive.read(name.lstrip("/"))
        return etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, recover=True,
                                                      huge_tree=True))
    except (KeyError, etree.XMLSyntaxError, ValueError) as e:
        raise errors.NotText(path, f"{kind} whose part {name!r} is missing or unreadable") from e


def part_location(base: str, ref: str) -> str:
    """A part's path in the package: absolute (/Doc_0/…) or relative to the part that names it."""
    ref = ref.strip()
    return posixpath.normpath(ref.lstrip("/") if ref.startswith("/") else posixpath.join(base, ref))


def rule_edge(x0: float, y0: float, x1: float, y1: float) -> dict | None:
    """A drawn segment as pdfplumber's edge when it is level or upright (a table's rule), else None."""
    if abs(y1 - y0) <= _STRAIGHT < abs(x1 - x0):
        left, right, y = min(x0, x1), max(x0, x1), (y0 + y1) / 2
        return {"x0": left, "x1": right, "top": y, "bottom": y, "width": right - left, "height": 0,
                "orientation": "h", "object_type": "line"}
    if abs(x1 - x0) <= _STRAIGHT < abs(y1 - y0):
        top, bottom, x = min(y0, y1), max(y0, y1), (x0 + x1) / 2
        return {"x0": x, "x1": x, "top": top, "bottom": bottom, "width": 0, "height": bottom - top,
                "orientation": "v", "object_type": "line"}
    return None


def _cell_text(chars: list[Placed]) -> str:
    """A cell's characters, its lines joined without spaces: a wrapped label (and a vertical one, 三 ␤ 、 ␤ 本) reads across."""
    return "".join(line.replace("\t", " ").strip() for line in page_lines(chars))


def _gridded_page(words: list[Placed], edges: list[dict]) -> tuple[list[str], bool]:
    """A page's lines top to bottom, each row of a ruled table one tab-separated line of its cells (a cell spanning
    rows in the first, an empty cell where a merged one covers its place), and whether a table supplied any."""
    from pdfplumber.table import Table, cells_to_tables, edges_to_intersections, intersections_to_cells, merge_edges

    if not edges or len(edges) > _EDGES_MAX:
        return page_lines(words), False
    merged = merge_edges(edges, _SNAP, _SNAP, _SNAP, _SNAP)
    rows: list[tuple[float, str]] = []
    used: set[int] = set()
    for cells in cells_to_tables(intersections_to_cells(edges_to_intersections(merged, _SNAP, _SNAP))):
        table = Table(None, cells)
        grid = [row for row in table.rows if sum(cell is not None for cell in row.cells) >= 2]
        if len(grid) < _GRID_ROWS:
            continue
        columns = [column.bbox[0] for column in table.columns]
        inside: dict[tuple, list[Placed]] = {}
        for n, word in enumerate(words):
            x, y = (word.x0 + word.x1) / 2, word.middle
            cell = next((c for c in cells if c[0] <= x < c[2] and c[1] <= y < c[3]), None)
            if cell is not None:
                inside.setdefault(cell, []).append(word)
                used.add(n)
        for row in grid:
            texts: list[str] = []
            for k, cell in enumerate(row.cells):
                if cell is None:
                    if len(texts) <= k:
                        texts.append("")
                    continue
                text = _cell_text(inside.get(cell, []))
                span = 1
                while k + span < len(row.cells) and row.cells[k + span] is None and columns[k + span] < cell[2] - _SNAP:
                    span += 1
                texts.extend((span == 2 and numbers_across(text, span)) or [text])
            rows.append((row.bbox[1], "\t".join(texts)))  # (its top: a cell spanning rows below reaches down)
    if not rows:
        return page_lines(words), False
    rest = placed_lines([w for n, w in enumerate(words) if n not in used])
    return [text for _, text in sorted(rows + rest, key=lambda item: item[0])], True


def ruled_pages_text(pages: list[tuple[list[Placed], list[dict]]]) -> str:
    """The text of pages (each its characters and its rules' edges). A ruled table is read by its grid, unless the
    pages' words read tables 3 and 4 better (a grid that splits or merges the form's columns)."""
    read = [_gridded_page(words, edges) for words, edges in pages]
    text = "\n".join(without_page_furniture(["\n".join(lines) for lines, _ in read]))
    if any(gridded for _, gridded in read):
        good, bad = table_fit(text)
        if bad or not good:
            plain = "\n".join(without_page_furniture(["\n".join(page_lines(words)) for words, _ in pages]))
            plain_good, plain_bad = table_fit(plain)
            if plain_good - plain_bad > good - bad:
                return plain
    return text
