"""Cells printing two measures or more with a mark between them (本年制发/废止件数 over 9/6; 维持/纠正/其他/未审结 over
3/0/2/1; a row of (件/人次) with 29/31 in each cell), as publishers save a column or two. Each such cell is put back
as the form's cells before the table readers look for them: read as printed, 9/6 is no number and every cell of
the column was missing (or 3/0/2/1 a run of digits)."""

from __future__ import annotations

import re

from .. import forms

_MARK = r"\s*[/／·・]\s*"
_COUNT = r"\d+(?:,\d{3})*(?:\.\d+)?"
_PARTED_CELL = re.compile(rf"{_COUNT}(?:{_MARK}{_COUNT})+")
_NONE_CELL = re.compile(r"\s*(?:|—+|-|/|／|无)\s*")  # (a blank, a dash or a slash alone: none of the parts printed)
_LOOK = re.compile(rf"\d{_MARK}\d")  # a parted cell somewhere in the text (one cheap look first)


def _families() -> list[dict[str, str]]:
    """The names a parted header's words stand for, a table's at a time (a word names a column of one table):
    each name its column's label as the table readers know it."""
    t2 = {re.sub(r"[（(].*", "", c.label_zh): re.sub(r"[（(].*", "", c.label_zh)
          for form in forms.FORMS.values() for item in form.t2 for c in item.measures}
    t3 = {c.label_zh: c.label_zh for c in forms.T3_COLUMNS}
    t4_labels = {c.id: c.label_zh for c in forms.T4_COLUMNS}
    t4 = {word: t4_labels[column] for word, column in forms.T4_HEADER_WORDS if column in t4_labels}
    return [t2, t3, t4]


_FAMILIES = _families()
_HEADS = frozenset(name for family in _FAMILIES for name in family)


def _named(part: str, family: dict[str, str]) -> str | None:
    """The column a part of a parted header names in a table's family: a word of it, or the one label holding it
    (制发 of 本年制发件数, 废止件数 of 本年废止件数); None for no column or several."""
    if part in family:
        return family[part]
    labels = {label for word, label in family.items() if len(part) >= 2 and part in word}
    return labels.pop() if len(labels) == 1 else None


def _parted_header(cell: str) -> list[str] | None:
    """The form's column labels a header cell names with marks between them (本年制发/废止件数), each part one
    column's of the same table and no two the same; None for any other cell (本年增/减 is one column's name)."""
    text = re.sub(r"\s+", "", cell)
    if text in _HEADS or not re.search(_MARK, text):
        return None
    parts = re.split(_MARK, text)
    for family in _FAMILIES:
        labels = [_named(part, family) for part in parts]
        if None not in labels and len(set(labels)) == len(labels):
            return labels
    return None


# A row's label naming its cells' parts in brackets (本年新收政府信息公开申请数量（件/人次）): the count of applications,
# the form's, and the people they came from, which the form does not count.
_PARTED_UNITS = re.compile(rf"[（(](?P<units>件数?(?:{_MARK}(?:人次|人数|人|次))+|(?:(?:人次|人数|人){_MARK})+件数?)[)）]")


def _parts(cell: str, count: int) -> list[str] | None:
    """A cell's figures when it prints ``count`` of them with marks between; None otherwise."""
    if _PARTED_CELL.fullmatch(cell.strip()) is None:
        return None
    parts = re.split(_MARK, cell.strip())
    return parts if len(parts) == count else None


def parted_measures(lines: list[str]) -> list[str]:
    """The lines with each parted column and row (see the module's docstring) put back as the form's cells, tab- or
    bar-parted rows only: a header cell naming the form's columns with marks between becomes those columns, and each
    row's cell below it that many cells, while the rows below print their parts there (as many as the header names);
    a row whose label names its parts' units (件/人次) keeps the applications' count of each cell."""
    text = "\n".join(lines)
    if not _LOOK.search(text):
        return lines
    out = list(lines)
    for k, line in enumerate(out):
        sep = "\t" if "\t" in line else "|" if "|" in line else None
        if sep is None:
            continue
        cells = line.split(sep)
        if (m := _PARTED_UNITS.search(cells[0])) is not None:
            out[k] = _applications_kept(cells, m["units"], sep) or line
            continue
        for j in reversed(range(1, len(cells))):
            if (labels := _parted_header(cells[j])) is not None:
                _split_column(out, k, j, labels, sep)
    return out


def _applications_kept(cells: list[str], units: str, sep: str) -> str | None:
    """A row of parted cells under a label naming their units, each cell its count of applications (件); None when
    a cell after the label is neither parted that way nor blank."""
    names = re.split(_MARK, units)
    keep = next(i for i, name in enumerate(names) if name.startswith("件"))
    values = [cells[0]]
    for cell in cells[1:]:
        if (parts := _parts(cell, len(names))) is not None:
            values.append(parts[keep])
        elif _NONE_CELL.fullmatch(cell):
            values.append(cell)
        else:
            return None
    return sep.join(values) if len(values) > 1 and values[1:] != cells[1:] else None


def _split_column(lines: list[str], header: int, column: int, labels: list[str], sep: str) -> None:
    """The header's parted cell as its columns' labels, and the cell of each row below in that column as its
    parts, while the rows print them there (a blank or a dash: a blank for each); nothing when no row does."""
    rows: list[tuple[int, list[str]]] = []
    for k in range(header + 1, len(lines)):
        cells = lines[k].split(sep)
        if len(cells) <= column:
            break
        if (parts := _parts(cells[column], len(labels))) is None:
            if not _NONE_CELL.fullmatch(cells[column]):
                break
            parts = [cells[column].strip()] * len(labels)
        rows.append((k, cells[:column] + parts + cells[column + 1:]))
    if not any(_parts(lines[k].split(sep)[column], len(labels)) for k, _ in rows):
        return
    cells = lines[header].split(sep)
    lines[header] = sep.join(cells[:column] + labels + cells[column + 1:])
    for k, row in rows:
        lines[k] = sep.join(row)
