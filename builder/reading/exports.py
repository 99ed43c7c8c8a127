"""Reports a filing system exported one agency-year to a row: every cell of the form a column named by its path
(表三_一、本年新收…_自然人, 表四/行政复议/结果维持, a header of two or three rows whose groups span their columns) or by a
code its code book explains (T3R01C1 beside a sheet 指标代码 | 指标名称 | 所属表), the agency, the year and the prose in
columns of their own (单位名称, 年度, 报告标题, 一、总体情况); or that row turned, a 指标 | 数值 line each. Written back as
the report's text, its title, prose and three tables under their headings as the form prints them, which the
extraction reads as any report. A file of several agencies' rows is a roster, no report."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator

from .. import errors

_MIN_COLUMNS = 20  # a row of the form's cells has a hundred or more; a table's row has at most 16
_MIN_CELLS = 12  # columns naming the form's cells, at least
_FORM_PATH = re.compile(r"^\s*表\s*[二三四234]")
_CODE = re.compile(r"^[A-Za-z]{1,3}\d{0,2}(?:[A-Za-z]\d{1,3}){1,3}$")  # (T3R01C1, T4C05, A3R12)
_VALUE = re.compile(r"[-+]?\d[\d,，]*(?:\.\d+)?|无|—+|-|/")
_SEPARATORS = ("_", "/", "-", "|", "·", ">")
# Words a path's parts hold that are no separators: 本年增/减 (the 2019 form's measure), 单位：万元
_PROTECTED = (("增/减", "增\x00减"),)
_TABLE_WORD = re.compile(r"表\s*([二三四234])")
_TABLE_TITLE = re.compile(r"^\s*表\s*[二三四234]\s*(?:[ :：、．.]|$)")  # (表三 收到和处理…情况; not 表三/一、本年新收…)
_TABLE_IDS = {"二": "t2", "2": "t2", "三": "t3", "3": "t3", "四": "t4", "4": "t4"}
# A column's path's words, no row's (表三_一、本年新收…_法人或其他组织_商业企业).
_T3_COLUMN_GROUPS = ("申请人情况", "法人或其他组织")
_HEADINGS = {"t2": "二、主动公开政府信息情况", "t3": "三、收到和处理政府信息公开申请情况",
             "t4": "四、政府信息公开行政复议、行政诉讼情况"}
_PROSE_HEAD = re.compile(r"^\s*([一五六])\s*[、.．]")
NAME_HEADS = ("单位名称", "机关名称", "机构名称", "填报单位", "报送单位", "部门名称")
_YEAR_HEADS = ("年度", "报告年度", "统计年度", "年份")
_TITLE_HEADS = ("报告标题", "标题", "报告名称")


def exported_report(text: str, path: str) -> str:
    """``text`` written back as a report when it is such an export; else as it is. NotAReport for a roster."""
    if not _looks_exported(text):
        return text
    records = _wide(text) or _turned(text)
    if records is None:
        return text
    if len(records) > 1:
        names = {_meta(record, NAME_HEADS) for record in records} - {""}
        raise errors.NotAReport(path, f"a filing system's table of {len(records)} agencies' figures, one a row "
                                      f"({'、'.join(sorted(names)[:3])}…): a roster, no report of its own")
    return as_report(records[0])


def _looks_exported(text: str) -> bool:
    """A cheap sign: a line of many delimited cells, a dozen naming the form's tables or codes."""
    for line in text.split("\n", 200)[:200]:
        if line.count("\t") >= _MIN_COLUMNS or line.count(",") >= _MIN_COLUMNS:
            return True
    return text.count("表三") >= _MIN_CELLS and text.count("\n") < 2000  # (a turned row: 指标 | 数值 lines)


Record = list[tuple[str, str]]  # (the column's path or name, the cell's text)


def _rows(text: str, delimiter: str) -> list[list[str]]:
    quoting = csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL
    try:
        return list(csv.reader(text.splitlines(), delimiter=delimiter, quoting=quoting))
    except csv.Error:
        return []


def _wide(text: str) -> list[Record] | None:
    """The records of a wide export: its header rows (the first row of many cells and the rows under it before the
    first row of data: the form's cells named by their levels, or coded) and one record per row of data under them."""
    for delimiter in ("\t", ","):
        rows = _rows(text, delimiter)
        start = next((k for k, row in enumerate(rows) if len(row) >= _MIN_COLUMNS), None)
        if start is None:
            continue
        first = next((k for k in range(start + 1, min(start + 5, len(rows))) if _data(rows[k])), None)
        if first is None:
            continue
        header = rows[start:first]
        coded = any(_CODE.fullmatch(cell.strip()) for row in header for cell in row)
        names = _column_names(header, max(map(len, header)), _code_book(rows) if coded else {})
        if sum(1 for name in names if _FORM_PATH.match(name)) < _MIN_CELLS:
            continue  # (codes no code book explains, or no header naming the form's cells)
        records = []
        for row in rows[first:]:
            if len(row) < _MIN_COLUMNS or not _data(row):
                break
            records.append([(name, cell.strip()) for name, cell in zip(names, row) if name])
        return records
    return None


def _data(row: list[str]) -> bool:
    """Whether a row under the header is data: a dozen numbers at least (the form's cells print one each)."""
    return sum(1 for c in row if _VALUE.fullmatch(c.strip())) >= _MIN_CELLS


def _column_names(header: list[list[str]], width: int, codes: dict[str, str]) -> list[str]:
    """Each column's name: its header cells top to bottom, a group's name carried over the columns it spans (the
    cells right of it left empty), a code put as its meaning."""
    names = []
    carried = [""] * len(header)
    for column in range(width):
        parts = []
        for level, row in enumerate(header):
            cell = row[column].strip() if column < len(row) else ""
            if cell:
                carried[level] = cell
                carried[level + 1:] = [""] * (len(header) - level - 1)
            elif level < len(header) - 1 and any(r[column].strip() for r in header[level + 1:] if column < len(r)):
                cell = carried[level]  # (a merged group's empty cells, over columns named below)
            if cell:
                parts.append(codes.get(cell, cell))
        names.append("\x01".join(parts))
    return names


def _code_book(rows: list[list[str]]) -> dict[str, str]:
    """Codes and the paths a code book gives them (T3R01C1 | 一、本年新收…-自然人 | 表三 收到和处理…): the table's word
    before the meaning's path."""
    book = {}
    for row in rows:
        cells = [c.strip() for c in row if c.strip()]
        if len(cells) < 2 or not _CODE.fullmatch(cells[0]):
            continue
        # the meaning: the longest cell other than the table's title (表三 收到和处理…, longer than 总计's meaning)
        meaning = max(cells[1:], key=lambda c: (not _TABLE_TITLE.match(c), len(c)))
        word = next((m for c in cells[1:] if c is not meaning and (m := _TABLE_WORD.match(c))), None)
        book[cells[0]] = (f"表{word.group(1)}\x01" if word and not _FORM_PATH.match(meaning) else "") + meaning
    return book


def _turned(text: str) -> list[Record] | None:
    """The record of an export turned to a line per cell (指标 | 数值)."""
    for delimiter in ("\t", ","):
        record = [(row[0].strip(), row[1].strip()) for row in _rows(text, delimiter)
                  if len(row) >= 2 and row[0].strip() and not any(cell.strip() for cell in row[2:])]
        # (a path whole in its name: 表三_一、本年新收…_自然人; not a long table's 表三 | 一、本年新收… | 自然人 | 12)
        if sum(1 for name, _ in record if _FORM_PATH.match(name) and len(_parts(name)) >= 3) >= _MIN_CELLS:
            return [record]
    return None


def _meta(record: Record, heads: tuple[str, ...]) -> str:
    return next((value for name, value in record if _last(name) in heads and value), "")


def _last(name: str) -> str:
    """A column's or field's own name, after the groups it is in (基本信息 / 机关名称: 机关名称)."""
    return name.rsplit("\x01", 1)[-1]


def _parts(path: str) -> list[str]:
    """A column's path split into its names: by the levels of its header, or by the separator its names are joined
    with (the most used one)."""
    for word, kept in _PROTECTED:
        path = path.replace(word, kept)
    pieces = [p for p in path.split("\x01") if p]
    separator = max(_SEPARATORS, key=path.count)
    if path.count(separator):
        pieces = [part for piece in pieces for part in piece.split(separator)]
    parts = []
    for piece in pieces:
        for word, kept in _PROTECTED:
            piece = piece.replace(kept, word)
        parts.append(piece.strip())
    return [p for p in parts if p]


def _tables(record: Record) -> dict[str, dict[tuple[str, ...], list[tuple[str, str]]]]:
    """The form's cells of a record by table, row (its names between the table's and the column's) and column."""
    out: dict[str, dict[tuple[str, ...], list[tuple[str, str]]]] = {"t2": {}, "t3": {}, "t4": {}}
    for name, value in record:
        parts = _parts(name)
        if len(parts) < 3 or not (word := _TABLE_WORD.match(parts[0])):
            continue
        table = _TABLE_IDS[word.group(1)]
        names = tuple(name for name in parts[1:-1] if table != "t3" or name not in _T3_COLUMN_GROUPS)
        out[table].setdefault(names, []).append((parts[-1], value))
    return out


def as_report(record: Record) -> str:
    """A record's report: its title, the place it states, its sections' prose and its three tables, in the form's
    order."""
    name, year = _meta(record, NAME_HEADS), _meta(record, _YEAR_HEADS)
    title = _meta(record, _TITLE_HEADS) or (f"{name}{year}年政府信息公开工作年度报告" if name and year else "")
    prose = {m.group(1): (_last(head), value) for head, value in record
             if (m := _PROSE_HEAD.match(_last(head))) and value and not _FORM_PATH.match(head)}
    tables = _tables(record)
    lines = [title] if title else []
    lines += [f"{_last(head)}：{value}" for head, value in record if _last(head) in ("所属地区", "行政区划代码") and value]
    lines += [value for head, value in record if _last(head) == "前言" and value]  # (a preface: who compiled it, when)
    if "一" in prose:
        lines += list(prose["一"])
    for table in ("t2", "t3", "t4"):
        lines.append(_HEADINGS[table])
        lines += list(_table_lines(table, tables[table]))
    for number in ("五", "六"):
        if number in prose:
            lines += list(prose[number])
    return "\n".join(lines) + "\n"


def _table_lines(table: str, rows: dict[tuple[str, ...], list[tuple[str, str]]]) -> Iterator[str]:
    """A table's rows as the form prints them, tab-parted: table 2 an item a row under its measures (and its
    第二十条 heading), tables 3 and 4 a row each under one header of their columns."""
    last_header: list[str] = []
    section = ""
    for names, cells in rows.items():
        columns = [column for column, _ in cells]
        if table == "t2":
            if len(names) > 1 and names[0] != section:
                section = names[0]
                yield section
            if columns != last_header:
                yield "\t".join(["信息内容", *columns])
        elif columns != last_header:
            yield "\t".join(["项目" if table == "t3" else "组别", *columns])
        last_header = columns
        label = names[-1] if table == "t2" else " ".join(names)
        yield "\t".join([label, *(value for _, value in cells)])
