"""Tables printed turned, as statistics systems and spreadsheets export them: table 3 with its applicants as rows
(自然人 ⇥ 269 ⇥ 9 ⇥ 96 …) and the form's rows as columns (申请人情况 ⇥ 新收 ⇥ 上年结转 ⇥ 予以公开 …), often in two or
three blocks of columns (续表); table 2 with its measures as rows (本年新制作数量 ⇥ 0 ⇥ 5) and its items as columns
(信息内容 ⇥ 规章 ⇥ 规范性文件). Each such grid is put back the form's way round, its columns made rows under a header
naming its rows' labels, before the table readers look for the form's rows: read as printed, a column's numbers
were taken for a row's (自然人's 269 … as one row of table 3), or a label's digits split into a row's cells.
Table 4 turned is read by the table-4 reader itself. Table 3 printed as small tables, each for some of its columns
(one per applicant), is joined into one here too (``unstacked``)."""

from __future__ import annotations

import itertools
import re

from .. import forms

_APPLICANT_WORDS = tuple(sorted({word for word, column in forms.T3_HEADER_WORDS
                                 if column in {c.id for c in forms.T3_COLUMNS} and len(word) >= 2}, key=len, reverse=True))
_ORDINAL = re.compile(r"^(?:[（(][一二三四五六七]+[)）]|[一二三四五六七]、|\d\.)")
_T3_ROW_WORDS = tuple(sorted({word for words in forms.T3_SHORT_MATCHES.values() for word in words}
                             | {_ORDINAL.sub("", row.label_zh).split("（")[0] for row in forms.T3_ROWS_2021 + forms.T3_ROWS_2019},
                             key=len, reverse=True))
_MEASURE_WORDS = tuple(word for words in forms.T2_MEASURE_WORDS.values() for word in words)
_ITEM_WORDS = tuple({word for item in forms.T2_2021 + forms.T2_2019 for word in item.keywords})
_FIGURE = re.compile(r"\s*(?:[-+]?\d[\d,]*(?:\.\d+)?|无|—|-|/|／)?\s*")  # a value or an empty cell
# A line beginning with an applicant's or a measure's name, then a tab: a turned grid's row (one cheap look first).
_TURNED_LOOK = re.compile(r"^\s*(?:自然人|商业企业|科研机构|本年新制作|本年制发|上一年项目)[^\t\n]{0,8}\t", re.MULTILINE)
_APPLICANT_ROWS_MIN = 4  # rows naming applicants, at least, of a turned table 3 (its seven, or a block of them)
_T3_COLUMNS_MIN = 3  # header cells naming table 3's rows, at least


def unturned(lines: list[str]) -> tuple[list[str], int]:
    """The lines with each turned grid (a run of tab-parted lines, see the module's docstring) put back, and how
    many were; the lines as they are in any other text."""
    if "\t" not in "\n".join(lines) or not _TURNED_LOOK.search("\n".join(lines)):
        return lines, 0  # (nearly every report: its tables the form's way round, 自然人 a column's name)
    out: list[str] = []
    turned = 0
    k = 0
    while k < len(lines):
        if "\t" not in lines[k]:
            out.append(lines[k])
            k += 1
            continue
        end = k
        while end < len(lines) and "\t" in lines[end]:
            end += 1
        grid = [line.split("\t") for line in lines[k:end]]
        if (back := _put_back(grid)) is not None:
            out += back
            turned += 1
        else:
            out += lines[k:end]
        k = end
    return out, turned


def _labels_width(rows: list[list[str]]) -> int:
    """The grid's label columns: those before the first whose cells below the header are all values (the header
    its first row and the rows under it that begin blank: the form's groups over their rows)."""
    width = max(len(row) for row in rows)
    body = next((k for k in range(1, len(rows)) if rows[k][0].strip()), 1)
    for column in range(width):
        if all(_FIGURE.fullmatch(row[column] if column < len(row) else "") for row in rows[body:]):
            return column
    return width


def _put_back(grid: list[list[str]]) -> list[str] | None:
    """A turned grid the form's way round, or None for any other grid."""
    if len(grid) < 3:
        return None
    width = _labels_width(grid)
    if not 1 <= width <= 2 or width >= max(len(row) for row in grid):
        return None
    header = [cell.strip() for cell in grid[0][width:]]
    labels = [" ".join(cell.strip() for cell in row[:width] if cell.strip()) for row in grid[1:]]
    # (a header of several rows, the form's groups over their rows as it prints them: the rows above the first label)
    headers = next((k for k, label in enumerate(labels) if label), 0)
    t2 = _t2_turned(labels, header)
    if not (t2 or _t3_turned(labels, [cell.strip() for row in grid[:headers + 1] for cell in row[width:]])):
        return None
    columns = max(len(row) for row in grid)
    cells = [row + [""] * (columns - len(row)) for row in grid]
    if t2 and (items := _items_by_their_measures(labels, header, [row[width:] for row in cells[1:]])) is not None:
        return items
    corner = " ".join(cell.strip() for cell in grid[0][:width] if cell.strip())
    return ["\t".join([corner, *labels]), *("\t".join([cells[0][j].strip(), *(row[j].strip() for row in cells[1:])])
                                          for j in range(width, columns))]


def _items_by_their_measures(measures: list[str], items: list[str], values: list[list[str]]) -> list[str] | None:
    """A turned table 2 whose items have different measures (规章 its three, 行政许可 one: 本年处理决定数量 ⇥ — ⇥ — ⇥ 8906
    …, a dash where an item has no such measure) as the form prints it, each item under a header of its own measures
    (信息内容 ⇥ 本年处理决定数量 / 行政许可 ⇥ 8906); None when an item's measures are not all rows of the grid."""
    out = []
    for column, printed in enumerate(items):
        found = ([next((k for k, label in enumerate(measures) if any(word in label for word in forms.T2_MEASURE_WORDS[m.id])),
                       None) for m in item.measures] for item in forms.T2_2021 + forms.T2_2019
                 if any(word in printed for word in item.keywords))
        # (the item of either form whose measures are all rows, the most of them: 2019's 行政许可 its three, 2021's one)
        rows = max((rows for rows in found if None not in rows), key=len, default=None)
        if rows is None:
            return None
        out += ["\t".join(["信息内容", *(measures[k] for k in rows)]),
                "\t".join([printed, *(values[k][column].strip() if column < len(values[k]) else "" for k in rows)])]
    return out


def _t3_turned(labels: list[str], header: list[str]) -> bool:
    applicants = sum(1 for label in labels if label.endswith(_APPLICANT_WORDS))
    rows = sum(1 for cell in header if any(word in cell for word in _T3_ROW_WORDS))
    return applicants >= _APPLICANT_ROWS_MIN and rows >= _T3_COLUMNS_MIN


def _t2_turned(labels: list[str], header: list[str]) -> bool:
    """Measures as the rows' labels, items as the header's (and no measure named in the header: a table 2 the form's
    way round names its measures there)."""
    return (all(any(word in label for word in _MEASURE_WORDS) for label in labels)
            and any(any(word in cell for word in _ITEM_WORDS) for cell in header)
            and not any(any(word in cell for word in _MEASURE_WORDS) for cell in header))


# Table 3 printed as small tables side by side or one under another, each for some of its columns: one per applicant
# (（一）自然人申请情况 over 项目 ⇥ 数量 and the form's rows, then （二）商业企业 …), or 自然人 in one and 法人或其他组织's
# five in another. Read as printed, each table's rows were the form's rows again, the last table's values taken for
# the first column (the totals as 自然人's, every sum holding).
_APPLICANT_NAMES = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计", "法人或其他组织")
# (表3-1 申请人类型：自然人, 表2：法人或其他组织——商业企业, （1）法人或其他组织-科研机构, 申请人情况：法人或其他组织 · 商业企业:
# a table a column, named so)
_STACK_CAPTION = re.compile(r"^\s*(?:表\s*(?:[三3]\s*[-—－]\s*)?\d{1,2}\s*[:：.、]?\s*"
                            r"|[（(](?:[一二三四五六七八九十]{1,3}|\d{1,2})[)）]\s*"
                            r"|[一二三四五六七八九十]{1,3}[、.．]\s*|\d{1,2}[.、．]\s*)?(?:申请人(?:类型|类别|情况)\s*[:：]\s*)?"
                            r"(?:法人或其他组织\s*(?:[-—－–·•・]+|[:：（(])\s*)?(?P<name>" + "|".join(_APPLICANT_NAMES)
                            + r")[)）]?(?:申请人?)?(?:情况)?(?:[（(][^（）()]{0,12}[)）])?\s*[:：]?\s*$")
_STACK_VALUE = re.compile(r"\s*(?:[-+]?\d[\d,]*(?:\.\d+)?|—+|-|/|／|无)?\s*")
_STACK_ROWS_MIN = 3  # rows of a small table, at least


def unstacked(lines: list[str]) -> tuple[list[str], int]:
    """The lines with table 3's small tables (see above) joined into one under a header naming their columns, rows
    matched by their labels (or in order, a table printing no labels beside one that does); how many were joined."""
    captions = [k for k, line in enumerate(lines) if "\t" not in line and len(line) <= 40 and _STACK_CAPTION.match(line)]
    if len(captions) < 2:
        return lines, 0  # (nearly every report)
    blocks = [block for k in captions if (block := _small_table(lines, k)) is not None]
    if len(blocks) < 2 or any(a[1] > b[0] or any(line.strip() for line in lines[a[1]:b[0]])
                              for a, b in itertools.pairwise(blocks)):
        return lines, 0  # (the tables one after another, nothing between them: else other lines would be lost)
    names = [name for _, _, columns, _ in blocks for name in columns]
    base = blocks[0][3]
    merged: list[list[str]] = [[label, *values] for label, values in base]
    for _, _, columns, rows in blocks[1:]:
        labelled = {_label_key(label): values for label, values in rows if label}
        if any(_label_key(row[0]) not in labelled for row in merged) and len(rows) == len(base):
            labelled = {}  # (its labels abbreviated otherwise than the first table's, 不予公开-第三方权益: in order)
        for k, row in enumerate(merged):
            values = (labelled.get(_label_key(row[0])) if labelled else
                      rows[k][1] if len(rows) == len(base) else None)
            row += values if values is not None else [""] * len(columns)
    if not all(label for label, _ in base):
        return lines, 0
    out = ["\t".join(["项目", *names]), *("\t".join(row) for row in merged)]
    return [*lines[:blocks[0][0]], *out, *lines[blocks[-1][1]:]], len(blocks)


def _label_key(label: str) -> str:
    return re.sub(r"\s+", "", label)


def _small_table(lines: list[str], caption: int) -> tuple[int, int, list[str], list[tuple[str, list[str]]]] | None:
    """The small table under the caption at ``caption``: where it begins and ends, the columns it prints (its header's
    applicant names, or the caption's name for one value a row) and its rows (label, values); None for any other."""
    name = _STACK_CAPTION.match(lines[caption])["name"]
    k = caption + 1
    while k < len(lines) and not lines[k].strip():
        k += 1
    header: list[str] = []
    if k < len(lines) and "\t" in lines[k] and not any(
            c.strip() and _STACK_VALUE.fullmatch(c) for c in lines[k].split("\t")[1:]):
        header = [c.strip() for c in lines[k].split("\t")]
        k += 1
    rows: list[tuple[str, list[str]]] = []
    while k < len(lines) and "\t" in lines[k]:
        fields = lines[k].split("\t")
        first_is_value = bool(fields[0].strip()) and _STACK_VALUE.fullmatch(fields[0]) is not None
        label, values = ("", fields) if first_is_value else (fields[0].strip(), fields[1:])
        if not values or not all(_STACK_VALUE.fullmatch(v) for v in values):
            break
        rows.append((label, [v.strip() for v in values]))
        k += 1
    if len(rows) < _STACK_ROWS_MIN or len({len(values) for _, values in rows}) != 1:
        return None
    width = len(rows[0][1])
    named = [cell for cell in header if cell in _APPLICANT_NAMES]
    columns = named if len(named) == width else [name] if width == 1 else None
    return (caption, k, columns, rows) if columns else None
