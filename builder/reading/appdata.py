"""Tables an app-like page keeps only in its scripts' data: a page saved before its scripts ran shows the title and
the prose, its tables empty shells (<tbody></tbody>, <div id="app">), and the rows sit in a script as data
(window.__INITIAL_STATE__ = {…}, <script type="application/json" id="__NEXT_DATA__">, a Vue instance's data: {…},
JSON.parse("…") of a string). Each object is read as JavaScript (chompjs: unquoted keys, single quotes, functions),
pruned to what holds the tables' numbers, and each table written after its section's heading a cell a line, named
by its keys (一、本年新收… · 自然人：5), as the list reader reads such lines. Read as the page shows it, every
cell was lost and the report had no table. The shapes of JSON a table takes (``json_leaves``) are read so wherever
JSON holds one: a page's text, a Markdown code block."""

from __future__ import annotations

import json
import re

from .markup import SCRIPT, unescape_string
from .recognised import after_headings

# Words of the form's rows and columns a table's data names: an object without them is another's (a menu, a chart).
_FORM_WORDS = re.compile(r"自然人|商业企业|本年新收|予以公开|规章|规范性文件|行政许可|行政处罚|维持|纠正|尚未审结|件数|数量|总计"
                         r"|行政复议|直接起诉|复议后起诉")
# A key naming one of the form's rows, items or columns, not a wrapper: 一、…, （三）…, 1.…, 第二十条第（一）项, 自然人.
_ROW_KEY = re.compile(rf"第二十条|^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[.．、])"
                      rf"|{_FORM_WORDS.pattern}")
_JSON_STRING = re.compile(r'"((?:[^"\\]|\\.){200,})"')  # JSON held in a string: JSON.parse("{\"a\": …}")
_ROW_LOOK = re.compile(r"\t[-+]?\d")  # a table row's cell, as the page's text prints one
_SHOWN_CELLS_MAX = 10  # cells the shown page prints, at most, when its tables are empty shells
_LABEL_MAX = 100  # characters of a row's or column's name, at most
_NUMBERS_MIN = 3  # numbers a table's data holds, at least


# Keys of a table's or a record's column names (headers: [...] beside values: [...]; columns: [...] beside rows: [...]),
# of the keys no label (an id, a code), and of the keys of a label's group, before its own (group: （三）不予公开).
_JSON_HEADER_KEYS = frozenset({"headers", "header", "columns", "cols", "colnames", "fields", "表头", "列", "列名"})
# (or a table's own, named after it: t3cols beside t3, t2head beside t2, table3Columns beside table3)
_JSON_HEADER_SUFFIX = re.compile(r"(?:headers?|head|columns?|cols|colnames|fields)$", re.IGNORECASE)
_JSON_ID_KEYS = frozenset({"id", "key", "code", "uuid", "index", "idx", "序号"})
_JSON_GROUP_KEY = re.compile(r"group|section|parent|category|分组|类别|分类|大类|项目类别", re.IGNORECASE)
_JSON_NAME = re.compile(r"[A-Za-z_$][\w$]*")  # a program's key (table3, rows, pageProps): no name the report prints
_NUMBER_TEXT = r"[-+]?\d(?:[\d,]*\d)?(?:\.\d+)?"
_NUMBER = re.compile(rf"\s*{_NUMBER_TEXT}\s*")  # (a number written as a string: "85", as a store may keep a cell)
_JSON_VALUE = re.compile(rf"\s*(?:{_NUMBER_TEXT}|无|零|／|/|—{{1,2}}|-)?\s*")  # a value, or a blank


def _json_values(value) -> bool:
    """Whether a list holds a row's values: numbers, blanks and 无 / — only."""
    return isinstance(value, list) and bool(value) and all(
        item is None or (isinstance(item, int | float) and not isinstance(item, bool))
        or (isinstance(item, str) and _JSON_VALUE.fullmatch(item)) for item in value)


def _json_names(value) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(item, str) for item in value) \
        and not _json_values(value)


def _header_key(key) -> bool:
    return str(key).lower() in _JSON_HEADER_KEYS or bool(_JSON_HEADER_SUFFIX.search(str(key)))


def _header(inner) -> list[list[str]] | None:
    """A header's column names: one list of names, or the lists of each kind of row (docs: [本年制发件数, …], single:
    [本年处理决定数量]), a row taking the one as long as its values."""
    if _json_names(inner):
        return [inner]
    if isinstance(inner, dict) and inner and all(_json_names(names) for names in inner.values()):
        return list(inner.values())
    return None


def _row_leaves(path: tuple[str, ...], labels: list[str], values: list, columns: list[list[str]] | None,
                whole: bool = True) -> list[tuple[tuple[str, ...], object]] | None:
    """A record's values under the one header list as long as they are; when none or several are, the row as one leaf
    of its values in their order (a tuple), where labels name it and the record is ``whole`` (nothing in it but its
    labels, values and plain fields); else None."""
    fitting = [names for names in columns or [] if len(names) == len(values)]
    if len(fitting) == 1:
        return [((*path, *labels, column), cell) for column, cell in zip(fitting[0], values)]
    return [((*path, *labels), tuple(values))] if labels and whole else None


def json_leaves(value, path: tuple[str, ...] = (), columns: list[list[str]] | None = None,
                 ) -> list[tuple[tuple[str, ...], object]]:
    """Each value an object holds, with the keys leading to it; a record's values in a list under its columns'
    names (its own headers, or the columns beside the rows it is one of), or under their keys beside its labels,
    named by its labels (group, then name) and their column; rows as lists (a label, then values) under a first row
    of names. A record whose values no header names is one leaf, its labels and its values in their order (a tuple):
    a row as a page's script would print it."""
    if isinstance(value, dict):
        columns = next((header for key, inner in value.items() if _header_key(key) and (header := _header(inner))),
                       columns)
        rows = next((inner for key, inner in value.items() if not _header_key(key) and _json_names(inner)), None)
        if rows is not None and (cells := _matrix(value, rows, columns[0] if columns and len(columns) == 1 else None)):
            return [((*path, *names), cell) for names, cell in cells]
        lists = [(key, inner) for key, inner in value.items() if _json_values(inner)]
        if len(lists) >= 2 and len(lists) + sum(_header_key(key) for key in value) == len(value) and not any(
                _JSON_NAME.fullmatch(str(key)) for key, _ in lists):  # rows keyed by their labels ({规章: [0, 0, 0], …})
            return [leaf for key, inner in lists for leaf in _row_leaves(path, [str(key)], inner, columns) or []]
        values = lists[0][1] if len(lists) == 1 else None  # (a record's one list of values)
        labels = [inner.strip() for _, key, inner in sorted(
            (0 if _JSON_GROUP_KEY.search(str(key)) else 1, k, inner) for k, (key, inner) in enumerate(value.items())
            if isinstance(inner, str) and str(key).lower() not in _JSON_ID_KEYS and not _JSON_VALUE.fullmatch(inner))]
        whole = all(isinstance(inner, str | int | float) or inner is values or _header_key(key) for key, inner in value.items())
        if values is not None and (leaves := _row_leaves(path, labels, values, columns, whole)) is not None:
            return leaves
        named = [(str(key), inner) for key, inner in value.items() if _json_values([inner])]
        if labels and len(named) >= 2 and all(isinstance(inner, str) or _json_values([inner]) for inner in value.values()):
            # a record naming its row and its columns' values by key ({"项目": "（一）予以公开", "自然人": 14, …})
            return [((*path, *labels, key), cell) for key, cell in named]
        return [leaf for key, inner in value.items()
                if not (_header_key(key) and _header(inner))
                for leaf in json_leaves(inner, path if _JSON_NAME.fullmatch(str(key)) else (*path, str(key)), columns)]
    if isinstance(value, list):
        if len(value) >= 2 and all(isinstance(row, list) and row for row in value):  # rows as lists
            if all(isinstance(item, str) for item in value[0]) and not _json_values(value[0]):
                columns, value = [value[0]], value[1:]
            leaves = []
            for row in value:
                split = next((k for k, item in enumerate(row) if _json_values([item])), len(row))
                labels, cells = [str(item).strip() for item in row[:split]], row[split:]
                header = columns[0] if columns and len(columns) == 1 else []
                names = header[-len(cells):] if len(header) >= len(cells) else [""] * len(cells)
                leaves += [((*path, *labels, name), cell) for name, cell in zip(names, cells)]
            return leaves
        return [leaf for inner in value for leaf in json_leaves(inner, path, columns)]
    return [(path, value)]


def _matrix(value: dict, rows: list[str], columns: list[str] | None) -> list[tuple[tuple[str, str], object]]:
    """A table's cells as an object holds them beside its rows' names (groups, rowKeys): its values row by row in one
    list or a list a row, under its columns' names; or a list a column under each column's name (series: {自然人:
    […], …}). None of these: no cell."""
    for inner in value.values():
        if columns and _json_values(inner) and len(inner) == len(rows) * len(columns):
            return [((row, column), inner[r * len(columns) + c]) for r, row in enumerate(rows)
                    for c, column in enumerate(columns)]
        if columns and isinstance(inner, list) and len(inner) == len(rows) and all(
                _json_values(values) and len(values) == len(columns) for values in inner):
            return [((row, column), cell) for row, values in zip(rows, inner) for column, cell in zip(columns, values)]
        if isinstance(inner, dict) and inner and all(_json_values(values) and len(values) == len(rows)
                                                     for values in inner.values()):
            return [((row, str(column)), values[r]) for column, values in inner.items() for r, row in enumerate(rows)]
    return []


def _named_cell(path: tuple[str, ...], value) -> bool:
    return bool(path) and not isinstance(value, bool) and isinstance(value, int | float | str | type(None))


def named_leaves(leaves: list[tuple[tuple[str, ...], object]]) -> list[tuple[tuple[str, ...], object]]:
    """The leaves that are a named cell: a number, a printed value or a blank under at least one name."""
    return [(path, value) for path, value in leaves if _named_cell(path, value)]


def named_lines(leaves: list[tuple[tuple[str, ...], object]]) -> list[str]:
    """Each named cell as a line naming it by its keys (一、本年新收… · 自然人：5), as the list reader reads one; a row
    no header names as the row its script prints, its labels then its values, parted by tabs (行政复议 ⇥ 1 ⇥ 0 …)."""
    return ["\t".join([*path, *("" if v is None else str(v) for v in value)]) if isinstance(value, tuple)
            else " · ".join(path) + "：" + ("" if value is None else str(value))
            for path, value in leaves if isinstance(value, tuple) or _named_cell(path, value)]


def shows_no_table(text: str) -> bool:
    """Whether a page's text prints (nearly) no table cell: its tables, if it has any, were left to its scripts."""
    return len(_ROW_LOOK.findall(text)) <= _SHOWN_CELLS_MAX


def with_script_tables(text: str, page: str) -> str:
    """The page's text with the tables its scripts' data holds, each after its section's heading; the text as it
    is when no script holds one."""
    tables = _script_tables(page)
    return after_headings(text.split("\n"), tables) if tables else text


def _script_tables(page: str) -> list[str]:
    """Each table the page's scripts' data holds, a cell a line."""
    import chompjs

    tables: list[str] = []
    for m in SCRIPT.finditer(page):
        body = m.group(2)
        if not _FORM_WORDS.search(body):
            continue
        # (JSON in a string, JSON.parse("{\"a\": …}"): the string's JSON, not the script around it)
        sources = [unescape_string(s.group(1)) for s in _JSON_STRING.finditer(body) if '\\"' in s.group(1)] or [body]
        for source in sources:
            try:
                objects = list(chompjs.parse_js_objects(source))
            except (ValueError, RecursionError):  # chompjs's errors for what is no object
                continue
            for data in objects:
                try:
                    kept = _pruned(data)
                    found = _tables(kept) if isinstance(kept, dict) else []
                    tables += ["\n".join(named_lines(json_leaves(table))) for table in found]
                except RecursionError:  # (data nested deeper than any table: a hostile page's, no table)
                    continue
    return tables


def _pruned(node):
    """The node without empty values and long strings (an article's markup, a chart's options): labels and numbers
    left. None when nothing is left."""
    if isinstance(node, dict):
        kept = {key: inner for key, inner in ((k, _pruned(v)) for k, v in node.items()) if inner is not None}
        return kept or None
    if isinstance(node, list):
        kept = [_pruned(v) for v in node]  # (a value's place in a list of values is its column: null kept)
        return kept if any(inner is not None for inner in kept) else None
    if isinstance(node, bool) or node is None or (isinstance(node, str) and len(node) > _LABEL_MAX):
        return None
    return node


def _numbers(node) -> int:
    if isinstance(node, dict):
        return sum(_numbers(v) for v in node.values())
    if isinstance(node, list):
        return sum(_numbers(v) for v in node)
    if isinstance(node, str):
        return 1 if _NUMBER.fullmatch(node) else 0
    return 1 if isinstance(node, int | float) and not isinstance(node, bool) else 0


def _words(node) -> bool:
    return bool(_FORM_WORDS.search(json.dumps(node, ensure_ascii=False)))


def _tables(data: dict) -> list[dict]:
    """The parts of an object that are tables: down through wrappers of one table-holding key (props, pageProps,
    report, tables), each key that holds numbers and the form's words a table of its own (table2, table3); an object
    whose keys name rows or items (一、本年新收…, 第二十条第（一）项) one table, and so is one whose single such key
    holds a list (rows: […] beside the columns' names)."""
    parts = {key: inner for key, inner in data.items() if _numbers(inner) >= _NUMBERS_MIN and _words(inner)}
    if not parts or any(_ROW_KEY.search(str(key)) for key in parts):
        return [data] if parts else []
    if len(parts) == 1:
        (_key, inner), = parts.items()
        return (_tables(inner) or [parts]) if isinstance(inner, dict) else [data]
    # each table with its header beside it (t3cols beside t3, or a header of all of them)
    return [{**{other: header for other, header in data.items() if other not in parts and _header_key(other)
                and (str(other).lower() in _JSON_HEADER_KEYS or str(other).lower().startswith(str(key).lower()))},
             key: inner} for key, inner in parts.items()]
