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
from functools import cache

from .. import errors, forms

_MIN_COLUMNS = 20  # a row of the form's cells has a hundred or more; a table's row has at most 16
_MIN_CELLS = 12  # columns naming the form's cells, at least
_FORM_PATH = re.compile(r"^\s*表\s*[二三四234]")
_CODE = re.compile(r"^[A-Za-z]{1,3}\d{0,2}(?:[A-Za-z]\d{1,3}){1,3}$")  # (T3R01C1, T4C05, A3R12)
_VALUE = re.compile(r"[-+]?\d[\d,，]*(?:\.\d+)?|无|—+|-|/")
_SEPARATORS = ("_", "/", "-", "|", "·", ">")
# Words a path's parts hold that are no separators: 本年增/减 (the 2019 form's measure), 单位：万元
_PROTECTED = (("增/减", "增\x00减"),)
_TABLE_WORD = re.compile(r"表\s*([二三四234])")
_SPACED_PATH = re.compile(r"\s*表\s*[二三四234]\s+\S+\s+\S")
_TABLE_TITLE = re.compile(r"^\s*表\s*[二三四234]\s*(?:[ :：、．.]|$)")  # (表三 收到和处理…情况; not 表三/一、本年新收…)
_TABLE_IDS = {"二": "t2", "2": "t2", "三": "t3", "3": "t3", "四": "t4", "4": "t4"}
# A column's path's words, no row's (表三_一、本年新收…_法人或其他组织_商业企业).
_T3_COLUMN_GROUPS = ("申请人情况", "法人或其他组织")
_HEADINGS = {"t2": "二、主动公开政府信息情况", "t3": "三、收到和处理政府信息公开申请情况",
             "t4": "四、政府信息公开行政复议、行政诉讼情况"}
_PROSE_HEAD = re.compile(r"^\s*([一五六])\s*[、.．]")
NAME_HEADS = ("单位名称", "机关名称", "机构名称", "填报单位", "报送单位", "部门名称", "机关")
_YEAR_HEADS = ("年度", "报告年度", "统计年度", "年份")
_TITLE_HEADS = ("报告标题", "标题", "报告名称")
# A record's fields named in English outside the form's tables (inside them, other is 其他's column).
ENGLISH_FIELDS = {"title": "报告标题", "agency": "机关名称", "organization": "机关名称", "org": "机关名称",
                  "year": "报告年度", "adcode": "行政区划代码", "preface": "前言", "overview": "总体情况",
                  "problems": "存在的主要问题及改进情况", "other": "其他需要报告的事项", "others": "其他需要报告的事项"}
# The sections a report's whole text prints, two of them at least in a field holding it (正文, 全文, text).
_SECTION_LINE = re.compile(r"(?m)^\s*(?:一\s*[、.．]\s*总体情况|五\s*[、.．]\s*存在的主要问题|六\s*[、.．]\s*其他需要报告的事项)")
_TABLE_HEADING = {"t2": re.compile(r"^\s*二\s*[、.．]\s*主动公开"), "t3": re.compile(r"^\s*三\s*[、.．]\s*收到和处理"),
                  "t4": re.compile(r"^\s*四\s*[、.．]\s*政府信息公开行政复议")}


@cache
def cell_paths() -> dict[str, str]:
    """Each cell's path in the form's words by its id (t3.granted.natural_person: 表三 / 三、本年度办理结果 / （一）予以公开 /
    自然人), for an export whose cells are named by the ids this project publishes."""
    tables = {"t2": "表二", "t3": "表三", "t4": "表四"}
    paths: dict[str, str] = {}
    for template in (forms.GOV_2021, forms.GOV_2019):
        groups = {row.id: row.group_zh for row in forms.FORMS[template].t3_rows}
        for cell in forms.cells(template):
            parts = (tables[cell.table], groups.get(cell.row, "") if cell.table == "t3" else "", cell.row_label_zh,
                     cell.column_label_zh)
            paths.setdefault(cell.id, "\x01".join(part for part in parts if part))
    return paths


def _field_name(name: str) -> str:
    """A field's name in the form's words: a cell's id as its path, an English name of a field as its Chinese one."""
    name = name.strip()
    return cell_paths().get(name) or ENGLISH_FIELDS.get(name.lower(), name)


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
    return (text.count("表三") >= _MIN_CELLS or text.count("t3.") >= _MIN_CELLS) and text.count("\n") < 2000
    # (a turned row: 指标 | 数值 lines, the cells named in the form's words or by their ids)


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
        if sum(1 for name in names if _FORM_PATH.match(_field_name(name))) < _MIN_CELLS:
            continue  # (codes no code book explains, or no header naming the form's cells)
        records = []
        for row in rows[first:]:
            if len(row) < _MIN_COLUMNS or not _data(row):
                break
            records.append([(_field_name(name), cell.strip()) for name, cell in zip(names, row) if name])
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
    """The record of an export turned to a line per cell (指标 | 数值); or of a long one, a line naming the cell by its
    table, row and column in fields of their own (表名 | 行 | 列 | 值: 表三 | 一、本年新收… | 自然人 | 12; 报告信息 | 机关名称 |
    | 某局; 报告信息 | 一、总体情况 | 正文 | …), its value last, when the file is nothing else (a report's text with such
    tables in it is left to the long tables' reading: ``relisted``)."""
    for delimiter in ("\t", ","):
        rows = _rows(text, delimiter)
        record = [(_field_name(row[0]), row[1].strip()) for row in rows
                  if len(row) >= 2 and row[0].strip() and not any(cell.strip() for cell in row[2:])]
        if _names_cells(record):  # (a path whole in its name: 表三_一、本年新收…_自然人)
            return [record]
        filled = [row for row in rows if any(cell.strip() for cell in row)]
        record = [record for row in filled if (record := _turned_line(row)) is not None]
        if len(record) == len(filled) and _names_cells(record):  # (every line of the file one of its values)
            return [record]
    return None


def _names_cells(record: Record) -> bool:
    return sum(1 for name, _ in record if _FORM_PATH.match(name) and len(_parts(name)) >= 3) >= _MIN_CELLS


_TEXT_FIELD = frozenset({"正文", "内容", "文本", "全文", "text", "content"})  # a field's name saying only it holds text


def _turned_line(row: list[str]) -> tuple[str, str] | None:
    """A long export's line's path and value: its fields before the last that is not empty, when none of them is a value
    (a grid's row of several is none: 一、本年新收… | 3 | 0 | …), but for a leading index (序号: 1, 2, …), a text's generic
    name (正文) and, beside the form's words, a program's codes (meta, t3_new_received)."""
    fields = [cell.strip() for cell in row if cell.strip()]
    while len(fields) > 2 and fields[0].isdecimal():
        fields = fields[1:]
    if len(fields) < 2 or any(_VALUE.fullmatch(field) for field in fields[:-1]):
        return None
    path = [field for field in fields[:-1] if field.lower() not in _TEXT_FIELD] or fields[:1]
    if any(_HAN.search(field) for field in path):
        path = [field for field in path if not _PROGRAM_CODE.fullmatch(field)]
    return _field_name("\x01".join(path)), fields[-1]


_HAN = re.compile(r"[\u4e00-\u9fff]")
_PROGRAM_CODE = re.compile(r"[A-Za-z_][\w.]*")  # (a field of ASCII words a program names a row or a group by)


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
    pieces = [p for p in path.replace("｜", "\x01").split("\x01") if p]  # (a full-width bar: no word's, a level's)
    if _SPACED_PATH.match(path):  # (表二 规章 本年制发件数: a dataset's variable label, its names parted by spaces)
        pieces = [part for piece in pieces for part in piece.split()]
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


def record_cells(record: Record) -> int:
    """How many of the form's cells a record names."""
    return sum(1 for name, _ in record if _FORM_PATH.match(_field_name(name)))


def record_names(record: Record) -> set[str]:
    """The agencies' names a record gives (one, or none, for one agency-year's)."""
    return {value for name, value in record if _last(name) in NAME_HEADS and value}


def as_report(record: Record) -> str:
    """A record's report: its title, the place it states, its sections' prose and its three tables, in the form's
    order."""
    record = [(_field_name(name), value) for name, value in record]
    name, year = _meta(record, NAME_HEADS), _meta(record, _YEAR_HEADS)
    title = _meta(record, _TITLE_HEADS) or (f"{name}{year}年政府信息公开工作年度报告" if name and year else "")
    prose: dict[str, list[str]] = {}
    for head, value in record:  # (a section's text in one field, or a paragraph a field under its name: 一、总体情况 / 1)
        found = next(((part, m.group(1)) for part in head.split("\x01") if (m := _PROSE_HEAD.match(part))), None)
        if found is not None and value and not _FORM_PATH.match(head):
            prose.setdefault(found[1], [found[0]]).append(value)
    tables = _tables(record)
    whole = None if prose else next((text for text in _group_texts(record) if len(_SECTION_LINE.findall(text)) >= 2), None)
    if whole is not None:
        return _with_tables(whole, tables, title)
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
    form_columns = {"t3": [c.label_zh for c in forms.T3_COLUMNS], "t4": [c.label_zh for c in forms.T4_COLUMNS]}.get(table)
    for names, cells in rows.items():
        if form_columns and {column for column, _ in cells} <= set(form_columns):
            values = dict(cells)  # (a row some of whose cells the export leaves out: those blank, the rest in place)
            cells = [(column, values.get(column, "")) for column in form_columns]
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


def _group_texts(record: Record) -> Iterator[str]:
    """Each field's text, and the texts of fields in one group joined (正文 / 段落01, 正文 / 段落02, …: a text a
    paragraph a field)."""
    groups: dict[str, list[str]] = {}
    for name, value in record:
        yield value
        if "\x01" in name and not _FORM_PATH.match(name):
            groups.setdefault(name.split("\x01", 1)[0], []).append(value)
    for values in groups.values():
        if len(values) > 1:
            yield "\n".join(values)


def _with_tables(whole: str, tables: dict[str, dict[tuple[str, ...], list[tuple[str, str]]]], title: str) -> str:
    """A report's whole text (a field holding its title and sections) with each table after its heading, or, where the
    text prints none, after the text of the section before it."""
    lines = whole.splitlines()
    if title and not any(title in line for line in lines[:5]):
        lines.insert(0, title)
    for table in ("t4", "t3", "t2"):  # (from the last: each insertion leaves the earlier headings where they are)
        at = next((k for k, line in enumerate(lines) if _TABLE_HEADING[table].match(line)), None)
        rows = list(_table_lines(table, tables[table]))
        if at is None:
            later = next((k for k, line in enumerate(lines) if re.match(r"\s*[五六]\s*[、.．]", line)), len(lines))
            lines[later:later] = [_HEADINGS[table], *rows]
        else:
            lines[at + 1:at + 1] = rows
    return "\n".join(lines) + "\n"
