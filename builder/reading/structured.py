"""Reports a filing system received as structured data: one agency-year as nested fields (JSON, YAML, TOML, INI, or
XML in the system's own schema), the form's cells by their paths (表三 / 办理结果 / 予以公开 / 自然人 = 9, or
<表三><行 名称="予以公开" 自然人="9"/>, or the same in pinyin: biao3 / yuYiGongKai / ziRanRen), the agency, the year
and the prose in fields of their own. Flattened to (path, value) pairs, their names put back into Chinese where
written in pinyin, and written back as the report's text by the filing systems' export reader (``exports``), which
the extraction reads as any report. A file of several agencies' submissions is a roster, no report."""

from __future__ import annotations

import configparser
import json
import re
import tomllib
from collections.abc import Iterator
from functools import cache

from .. import errors, forms
from .exports import ENGLISH_FIELDS, NAME_HEADS, as_report
from .observations import observed_report

_LEAVES_MAX = 100_000  # values a file holds at most before the rest is left out (a hostile file's alias expansion)
_CELLS_MIN = 12  # values under the form's tables, at least, for a file to be a submission
_NAME_KEYS = frozenset({"名称", "项目", "行", "列", "类型", "指标", "名字", "信息内容", "大项", "分组", "小项",
                        "name", "label", "title", "item", "mc", "xm", "lx"})
# An XML element's attributes naming its place, besides those (<cell row="…" col="…" value="12"/>); a JSON record's row
# and col keys are its observation's dimensions (``observed_report``), no names.
_ATTRIBUTE_NAME_KEYS = _NAME_KEYS | {"row", "col", "column"}
# An element's attribute naming which table it is (<table id="t3">, <表格 编号="表二">), where it has no name of its own.
_ID_KEYS = frozenset({"id", "编号", "code", "代码", "表号"})
# A path's last part saying only that the value is one (<cell row=… col=… value="12"/>): the cell's path is before it.
_VALUE_KEYS = frozenset({"value", "val", "值", "数值", "数据"})

# A path's part naming one of the form's tables: 表三, biao3, biaoSan, table_3, 三_依申请公开情况, or its section's name.
_TABLE_PART = (
    (re.compile(r"^表\s*([二三四234])"), None),
    (re.compile(r"^(?:biao|table|tab|t)[_\s-]?(2|3|4|er|san|si)$", re.IGNORECASE), None),
    (re.compile(r"^([二三四])\s*[_、.．-]"), None),
    (re.compile(r"主动公开"), "二"),
    (re.compile(r"收到和处理|依申请公开"), "三"),
    (re.compile(r"行政复议|行政诉讼"), "四"),
)
_TABLE_WORD = re.compile(r"^\s*(?:表\s*[二三四234]|[二三四]\s*(?=[_、.．-]))\s*[_、.．-]?")
_TABLE_NAMES = {"二": "表二", "2": "表二", "er": "表二", "三": "表三", "3": "表三", "san": "表三", "四": "表四", "4": "表四",
                "si": "表四"}
# The prose sections by their names, numbered as the report prints them.
_PROSE = {"总体情况": "一、总体情况", "存在的主要问题及改进情况": "五、存在的主要问题及改进情况",
          "主要问题及改进情况": "五、存在的主要问题及改进情况", "其他需要报告的事项": "六、其他需要报告的事项"}
_SECTION_NUMBER = re.compile(r"^[一二三四五六]\s*[_、.．-]\s*(?=[\u4e00-\u9fff])")
_TEXT_KEYS = frozenset({"正文", "内容", "文本", "全文", "text", "content", "body", "value"})
_OTHER_WORDS = ("标题", "报告标题", "机关名称", "机构名称", "单位名称", "报告年度", "年度", "行政区划代码", "前言", "正文",
                "基本信息", "表二", "表三", "表四", "办理结果", "申请人情况", "法人或其他组织", *_PROSE)


def submitted_report(data: bytes, text: str, path: str, kind: str) -> str | None:
    """``text`` (of ``kind``: json, yaml, toml, ini or xml) written back as a report when it is a submission; else
    None. NotAReport for several agencies' submissions in one file."""
    try:
        tree = _parsed(data, text, path, kind)
    except (ValueError, TypeError, RecursionError, configparser.Error, errors.ReportError):
        return None
    if tree is None:
        return None
    record = [("\x01".join(parts), value) for parts, value in _with_tables(_named(_flat(tree)))]
    if sum(1 for name, value in record if name.startswith("表") and re.fullmatch(r"[-+]?[\d,.]+|无|—+|/", value))\
            < _CELLS_MIN:
        return observed_report(tree, path)  # (a cell a record: SDMX's observations, JSON Lines of dimensions)
    heads = [{value for name, value in record if name.rsplit("\x01", 1)[-1] == head and value} for head in NAME_HEADS]
    names = max(heads, key=len)  # (the agencies' names; a batch's sender, 报送单位, one name beside them)
    if len(names) > 1:
        raise errors.NotAReport(path, f"a filing system's submissions of {len(names)} agencies in one file "
                                      f"({'、'.join(sorted(names)[:3])}…): a roster, no report of its own")
    return as_report(record)


def _parsed(data: bytes, text: str, path: str, kind: str) -> object:
    if kind == "json":
        from .markup import shallow_json

        try:
            return json.loads(text, object_pairs_hook=_unsure_repeats)
        except RecursionError:  # (a value nested past the decoder's depth beside the report's: that value left out)
            return json.loads(shallow_json(text), object_pairs_hook=_unsure_repeats)
        except ValueError:  # (JSON Lines: a record a line)
            return [json.loads(line, object_pairs_hook=_unsure_repeats) for line in text.splitlines() if line.strip()]
    if kind == "toml":
        return tomllib.loads(text)
    if kind == "yaml":
        return _yaml(text)
    if kind == "ini":
        parser = configparser.ConfigParser(interpolation=None, strict=False)
        parser.optionxform = str  # (keys as written: 自然人, ziRanRen)
        parser.read_string(text)
        return {section: dict(parser[section]) for section in parser.sections()}
    from .markup import parsed_xml

    return parsed_xml(data, path, "an XML file that is not well-formed XML")


def _unsure_repeats(pairs: list[tuple[str, object]]) -> dict:
    """A JSON object's fields; a field written twice with two values holds both, as a cell no reader can choose
    between (6或9: unsure), not the last of them as a decoder keeps it."""
    fields: dict = {}
    for key, value in pairs:
        if key in fields and fields[key] != value and not isinstance(value, dict | list) \
                and not isinstance(fields[key], dict | list):
            value = f"{fields[key]}或{value}"
        fields[key] = value
    return fields


def _yaml(text: str) -> object:
    """A YAML document read safely, a tag naming a language's object (!!python/object/apply:os.system) read as the
    plain value it tags, never constructed; a file of several (a page's front matter between --- lines, then its
    body) as one mapping of their fields."""
    import yaml

    class PlainLoader(yaml.SafeLoader):
        pass

    def plain(loader: PlainLoader, suffix: str, node: yaml.Node) -> object:
        if isinstance(node, yaml.MappingNode):
            return loader.construct_mapping(node)
        if isinstance(node, yaml.SequenceNode):
            return loader.construct_sequence(node)
        return loader.construct_scalar(node)

    PlainLoader.add_multi_constructor("", plain)
    try:
        documents = [document for document in yaml.load_all(text, Loader=PlainLoader) if document is not None]
    except yaml.YAMLError as e:
        raise ValueError(str(e)) from None
    if len(documents) > 1 and all(isinstance(document, dict) for document in documents):
        return {key: value for document in documents for key, value in document.items()}  # (front matter, then body)
    if len(documents) > 1:
        raise ValueError("several YAML documents of other kinds than mappings")  # (read as the text it is)
    return documents[0] if documents else None


def _leaves(node: object, known: dict[int, int]) -> int:
    """How many values a parsed tree holds (an alias counted each time it is used, every node measured once), at most
    past ``_LEAVES_MAX``."""
    if not isinstance(node, dict | list):
        return 1
    if id(node) not in known:
        known[id(node)] = _LEAVES_MAX + 1  # (a node inside itself, as YAML's aliases allow: as large as can be)
        count = 0
        for child in node.values() if isinstance(node, dict) else node:
            count = min(count + _leaves(child, known), _LEAVES_MAX + 1)
        known[id(node)] = count
    return known[id(node)]


def _flat(tree: object) -> Iterator[tuple[tuple[str, ...], str]]:
    """Each value's path and text, in the file's order (at most ``_LEAVES_MAX``); a part that would expand past them
    (a YAML alias bomb: nine aliases of nine aliases, ten deep) left out whole, the rest read."""
    stack: list[tuple[tuple[str, ...], object]] = [((), tree)]
    count = 0
    known: dict[int, int] = {}
    while stack and count < _LEAVES_MAX:
        parts, node = stack.pop()
        children: list[tuple[tuple[str, ...], object]] = []
        if isinstance(node, dict | list) and parts and _leaves(node, known) > _LEAVES_MAX:
            continue
        if isinstance(node, dict):
            children = [((*parts, str(key)), value) for key, value in node.items()]
        elif isinstance(node, list):
            for k, item in enumerate(node):
                name = next((str(v) for key, v in item.items() if str(key) in _NAME_KEYS), None) \
                    if isinstance(item, dict) else None
                rest = {key: v for key, v in item.items() if str(key) not in _NAME_KEYS} if name else item
                children.append(((*parts, name or str(k + 1)), rest))
        elif hasattr(node, "iterchildren"):  # an XML element: its attributes and children, its text
            children = _element_children(parts, node)
        else:
            count += 1
            yield parts, "" if node is None else str(node).strip()
            continue
        stack.extend(reversed(children))


def _element_children(parts: tuple[str, ...], element) -> list[tuple[tuple[str, ...], object]]:
    tag = str(element.tag).rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""
    attributes = {str(k).rsplit("}", 1)[-1]: v for k, v in element.attrib.items()}
    # (its names in order, a part each: 大项 then 名称, a cell's 行 then 列)
    names = [v for k, v in attributes.items() if k in _ATTRIBUTE_NAME_KEYS] or [
        v for k, v in attributes.items() if k in _ID_KEYS and _table_of(v)][:1]
    here = (*parts, *(names or [tag])) if parts or names else (tag,)
    out: list[tuple[tuple[str, ...], object]] = [((*here, k), v) for k, v in attributes.items()
                                                 if k not in _ATTRIBUTE_NAME_KEYS and v not in names]
    kids = [child for child in element.iterchildren() if isinstance(child.tag, str)]
    out += [(here, child) for child in kids]
    if not kids and (element.text or "").strip():
        out.append((here, element.text))
    return out or [(here, "")]


def _named(pairs: Iterator[tuple[tuple[str, ...], str]]) -> Iterator[tuple[tuple[str, ...], str]]:
    """Each path's names in Chinese where the file writes them in pinyin (ziRanRen, xin_shou: 自然人, 新收)."""
    for parts, value in pairs:
        yield tuple(_in_chinese(part) if part.isascii() else part for part in parts), value


def chinese_path(name: str) -> str:
    """A path's (its parts parted by \\x01) names in Chinese where written in pinyin or its initials."""
    return "\x01".join(_in_chinese(part) if part.isascii() else part for part in name.split("\x01"))


def _in_chinese(part: str) -> str:
    """A name written in pinyin as the words it spells (a run of syllables of one of the form's words: weichi, 维持
    of 结果维持), each of its pieces so where it is written in pieces (susong_zhijie: 诉讼直接); else as it is."""
    if (label := _form_ids().get(part)) is not None:
        return label  # (the ids this project publishes for the form's rows, items and columns: issued, new_received)
    words = _pinyin_words()
    if (whole := words.get(re.sub(r"[^a-z]", "", part.lower()))) is not None:
        return whole
    if re.fullmatch(r"[A-Z]{2,6}", part) and (initialled := _initials().get(part)) is not None:
        return initialled  # (ZRR, SYQY: a dBase field's name, ten bytes at most, as its word's initials)
    pieces = [piece for piece in re.split(r"[_\s-]+", part.lower()) if piece]
    named = [words.get(re.sub(r"[^a-z]", "", piece)) for piece in pieces]
    return "".join(named) if len(pieces) > 1 and all(named) else part


@cache
def _form_ids() -> dict[str, str]:
    """The form's words by the ids this project publishes for its items' measures, its rows and its columns (issued:
    本年制发件数, denied.state_secret: 1.属于国家秘密, upheld: 结果维持); an id two forms word otherwise, the 2021 form's."""
    ids: dict[str, str] = {}
    for item in forms.T2_2021 + forms.T2_2019:
        ids.setdefault(item.id, item.label_zh)
        for measure in item.measures:
            ids.setdefault(measure.id, measure.label_zh)
    for row in forms.T3_ROWS_2021 + forms.T3_ROWS_2019:
        ids.setdefault(row.id, row.label_zh)
    for column in (*forms.T3_COLUMNS, *forms.T4_COLUMNS, *forms.T4_GROUPS):
        ids.setdefault(column.id, column.label_zh)
    return ids


def _with_tables(pairs: Iterator[tuple[tuple[str, ...], str]]) -> Iterator[tuple[tuple[str, ...], str]]:
    """Paths from the table they are in (表三 / 办理结果 / 予以公开 / 自然人; the wrappers above it left out), a column
    written before its row moved after it; a prose section's path named as the report numbers it."""
    columns = {"表三": {c.label_zh for c in forms.T3_COLUMNS}, "表四": {c.label_zh for c in forms.T4_COLUMNS}}
    for parts, value in pairs:
        at = next(((k, table) for k, part in enumerate(parts) if (table := _table_of(part))), None)
        if at is None:
            if len(parts) > 1 and parts[-1] in _TEXT_KEYS:
                parts = parts[:-1]  # ([总体情况] 正文=…: the section's text)
            last = ENGLISH_FIELDS.get(parts[-1].lower(), parts[-1]) if parts else ""
            last = _SECTION_NUMBER.sub("", last)  # (一_总体情况)
            yield (*parts[:-1], _PROSE.get(last, last)), value
            continue
        k, table = at
        if len(parts) > k + 2 and parts[-1] in _VALUE_KEYS:
            parts = parts[:-1]  # (表三 / 予以公开 / 自然人 / value)
        rest = [piece for piece in re.split(r"[_/|>·]+", _TABLE_WORD.sub("", parts[k], count=1))
                if piece and not (_table_of(piece) and "情况" in piece)]
        # (an INI section's 表三_不予公开_属于国家秘密, 表四_行政复议: its rows too; not a caption, 二_主动公开情况)
        path = [table, *rest, *parts[k + 1:]]
        if table in columns and path[-1] not in columns[table] and (
                moved := next((p for p in path[1:-1] if p in columns[table]), None)):
            path.remove(moved)
            path.append(moved)
        yield tuple(path), value


def _table_of(part: str) -> str | None:
    for pattern, numeral in _TABLE_PART:
        if m := pattern.search(part):
            return _TABLE_NAMES[(numeral or m.group(1)).lower()]
    return None


@cache
def _initials() -> dict[str, str]:
    """The form's column words by their pinyin initials (ZRR: 自然人, SYQY: 商业企业), where one word alone has them."""
    from pypinyin import Style, lazy_pinyin

    words = {c.label_zh for c in forms.T3_COLUMNS} | {c.label_zh for c in forms.T4_COLUMNS} | {
        m.label_zh for form in forms.FORMS.values() for item in form.t2 for m in item.measures}
    found: dict[str, set[str]] = {}
    for word in words:
        hanzi = re.sub(r"[^\u4e00-\u9fff]", "", word)
        found.setdefault("".join(lazy_pinyin(hanzi, style=Style.FIRST_LETTER)).upper(), set()).add(word)
    return {initials: next(iter(names)) for initials, names in found.items() if len(names) == 1}


@cache
def _pinyin_words() -> dict[str, str]:
    """The form's and a submission's words by their pinyin, run together (ziranren: 自然人)."""
    from pypinyin import lazy_pinyin

    words = set(_OTHER_WORDS) | set(NAME_HEADS)
    for form in forms.FORMS.values():
        for item in form.t2:
            words.add(item.label_zh)
            words.update(item.keywords)
            words.update(m.label_zh for m in item.measures)
    words.update(c.label_zh for c in forms.T3_COLUMNS)
    words.update(g.label_zh for g in forms.T4_GROUPS)
    words.update(c.label_zh for c in forms.T4_COLUMNS)
    for row in forms.T3_ROWS_2021:
        words.add(re.sub(r"^[（(][一二三四五六七][)）]|^\d+\.|^[一二三四]、", "", row.label_zh))
    words.update(word for names in (*forms.T3_SHORT_MATCHES.values(), *forms.T3_BARE_NAMES.values()) for word in names)
    found: dict[str, set[str]] = {}
    for word in words:
        hanzi = re.sub(r"[^\u4e00-\u9fff]", "", word)
        syllables = lazy_pinyin(hanzi)
        for start in range(len(hanzi)):  # (every run of two syllables or more: a short name's spelling)
            for end in range(start + 2 if len(hanzi) > 1 else start + 1, len(hanzi) + 1):
                found.setdefault("".join(syllables[start:end]).lower(), set()).add(hanzi[start:end])
    for word in words:  # (a word whole names itself, whatever runs of others it spells too)
        found["".join(lazy_pinyin(re.sub(r"[^\u4e00-\u9fff]", "", word))).lower()] = {word}
    return {spelled: next(iter(names)) for spelled, names in found.items() if len(names) == 1}


# A report's section heading as a JSON string of its own (the value of a section's heading field, not a key).
_HEADING_VALUE = re.compile(r"^\s*[一二三四五六]\s*[、.．]\s*(?:总体情况|主动公开|收到和处理|政府信息公开(?:的)?行政复议|"
                            r"存在的主要问题|其他需要报告)")
_HEADINGS_MIN = 3  # section headings a document tree holds as values, at least
_TREE_LINES_MAX = 200_000  # lines written at most (a hostile tree's)


def document_tree_text(tree: object) -> str | None:
    """A JSON document as an export tool or a CMS's API writes it, its sections a list of heading, paragraphs and
    tables ({"heading": "一、总体情况", "paragraphs": […]}, a table as nested objects of counts, 规章 → 本年制发件数 → 0,
    or as "columns" and "rows"), written as the report's text in the file's order: headings and paragraphs a line
    each, a table's rows a line each, their cells parted by tabs. None for a tree that is no such document (at least
    three of the report's section headings as values of their own)."""
    if sum(1 for value in _strings(tree) if _HEADING_VALUE.match(value)) < _HEADINGS_MIN:
        return None
    lines: list[str] = []
    try:
        _write_tree(tree, lines)
    except RecursionError:
        return None  # (nested deeper than any document's sections: read as other JSON is)
    return "\n".join(lines)


def _strings(tree: object) -> Iterator[str]:
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            yield node
        elif isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)


def _cell(value: object) -> str:
    """A table's value as printed: a count as an integer where it is one (3.0), none for a missing one (NaN, Infinity:
    what a data tool writes for an empty or spoiled cell)."""
    if isinstance(value, float):
        return "" if value != value or value in (float("inf"), float("-inf")) else f"{value:g}" if not value.is_integer() \
            else str(int(value))
    return "" if value is None or isinstance(value, dict | list) else str(value).strip()


def _row_object(node: object) -> bool:  # {"本年制发件数": 0, "本年废止件数": 0}: one row's measures
    return isinstance(node, dict) and bool(node) and all(not isinstance(v, dict | list) for v in node.values()) and \
        any(isinstance(v, int | float) and not isinstance(v, bool) for v in node.values())


# What a block of a block editor's document (Editor.js: blocks of {"type", "data"}) prints: a heading's or a paragraph's
# text, a table's rows, a list's items; not its settings (level, withHeadings, style).
_BLOCK_KEYS = ("text", "caption", "content", "items")


def _write_tree(node: object, lines: list[str]) -> None:
    if len(lines) > _TREE_LINES_MAX:
        return
    if isinstance(node, str):
        lines.extend(line for line in node.splitlines() if line.strip())
    elif isinstance(node, list):
        if node and all(isinstance(item, list) for item in node):  # (rows of cells)
            lines.extend("\t".join(map(_cell, item)) for item in node)
            return
        for item in node:
            _write_tree(item, lines)
    elif isinstance(node, dict):
        if isinstance(node.get("type"), str) and isinstance(block := node.get("data"), dict):
            for key in _BLOCK_KEYS:  # (an editor's block: {"type": "table", "data": {"content": [[…]]}}: its text only)
                if key in block:
                    _write_tree(block[key], lines)
            return
        columns = node.get("columns") or node.get("header") or node.get("headers")
        rows = node.get("rows") or node.get("data")
        if isinstance(columns, list) and isinstance(rows, list):  # (a table as its columns and its rows)
            lines.append("\t" + "\t".join(map(_cell, columns)))
            for row in rows:
                if isinstance(row, dict):
                    label = next((_cell(v) for k, v in row.items() if str(k) in _NAME_KEYS), "")
                    values = next((v for v in row.values() if isinstance(v, list)), None)
                    cells = values if values is not None else [v for k, v in row.items() if str(k) not in _NAME_KEYS]
                    lines.append("\t".join([label, *map(_cell, cells)]))
                elif isinstance(row, list):
                    lines.append("\t".join(map(_cell, row)))
            return
        if any(_row_object(value) for value in node.values()):  # (rows by their names, their measures by theirs)
            measures: list[str] = []
            for name, value in node.items():
                if _row_object(value):
                    if list(value) != measures:  # (a header where the rows' measures change: 行政许可's are its own)
                        measures = list(value)
                        lines.append("\t" + "\t".join(measures))
                    lines.append("\t".join([str(name), *map(_cell, value.values())]))
                else:
                    lines.append(str(name))
                    _write_tree(value, lines)
            return
        for key, value in node.items():
            if isinstance(value, dict) and not str(key).isascii():
                lines.append(str(key))  # (a group's name: 第二十条第（一）项)
            if isinstance(value, str | dict | list):
                _write_tree(value, lines)
