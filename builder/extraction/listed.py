"""Tables printed as lists, as text-only, phone and export views flatten them.

Named values: a row a line (一、本年新收政府信息公开申请数量 自然人：114；商业企业：9；…；总计：129), a cell a line
(规章 本年制发件数：3), or a card a row (its heading, then 自然人 40, 商业企业 4 … a line each): each row
is put back as the tab-separated row the table readers take, its values in the form's column order
(table 3), under a header naming its measures (table 2), or as a cell a line naming its group and result
(table 4, read as a list by the table-4 reader). A column a line (本年新制作数量：规章0，规范性文件5；自然人：36，
0，18，… in the form's row order; 自然人：新收88件，…不予公开0/0/0/4/1/3/0/0件, rows named short and a group's rows
between slashes; several columns a line parted by semicolons) is first made a cell a line. Only a text naming
at least ``_PAIRS_MIN`` values so is changed, and in it only the lines that are nothing but such values after a
label.

Placed values: a screen reader's linearisation, a cell a line by its place (第六行 第四列 54, merged cells
once, at their first place): each table's cells put back in their rows, tab-separated, the places no cell
names left empty (``ungridded``).

Piped cells: a crawl's table a cell a line, each after a pipe (| 行政许可 / | 18 / | 0 / | 412), each row closed by a
pipe alone or a blank line: the rows put back, their cells parted by pipes (``unpiped``).
"""

from __future__ import annotations

import collections
import functools
import itertools
import re
from dataclasses import dataclass, field

from .. import forms
from ..reading.appdata import json_leaves, named_leaves, named_lines

# The names of table 3's columns and table 2's measures as such lists print them, longest first (其他结果
# before 其他): each named value is one of these, then its value.
_T3_NAMES = {word: column for word, column in forms.T3_HEADER_WORDS
             if column and column != forms.T3_APPLICANT_GROUP and column not in forms.T3_ADDED_COLUMNS}
# 法人或其他组织 with a value of its own (自然人5件，法人或其他组织0件，总计5件): the five organisations as one column,
# which the table-3 reader reads so under a header naming it
_T3_GROUP_NAMES = {word: column for word, column in forms.T3_HEADER_WORDS if column == forms.T3_APPLICANT_GROUP}
_ORGANISATIONS = frozenset(column.id for column in forms.T3_COLUMNS[1:-1])
_T3_LISTED = (*((c.id, c.label_zh) for c in forms.T3_COLUMNS[:1]), (forms.T3_APPLICANT_GROUP, "法人或其他组织"),
              *((c.id, c.label_zh) for c in forms.T3_COLUMNS[1:]))
_T2_NAMES = {re.sub(r"[（(].*", "", measure.label_zh): measure.label_zh
             for item in forms.T2_2021 + forms.T2_2019 for measure in item.measures}
_T2_NAMES |= {name.removesuffix(suffix): label for name, label in _T2_NAMES.items()  # (本年制发0件, 本年新制作0件)
              for suffix in ("件数", "数量") if name.endswith(suffix) and not name.endswith("总" + suffix)}
_T2_NAMES |= {name.removeprefix("本年"): label for name, label in _T2_NAMES.items()  # (本年制发1件、废止0件)
              if name.startswith("本年") and "/" not in name}
_T2_ITEM_WORDS = frozenset(word for item in forms.T2_2021 + forms.T2_2019 for word in item.keywords)
_T4_NAMES = {column.label_zh: column.id for column in forms.T4_COLUMNS if column.id != "total"}
_APPLICANTS_OF_GROUP = "|".join(sorted((re.escape(word) for word, column in forms.T3_HEADER_WORDS
                                        if column in {c.id for c in forms.T3_COLUMNS[1:-1]}), key=len, reverse=True))
_NAMES = sorted({*_T3_NAMES, *_T3_GROUP_NAMES, *_T2_NAMES, *_T4_NAMES}, key=len, reverse=True)
_VALUE = r"[-+]?\d(?:[\d,]*\d)?(?:\.\d+)?|无|零|／|/|—{1,2}|-"  # (a comma after a number is no part of it)
_UNIT = r"[（(][^）)]{0,10}[）)]"  # 本年收费金额（单位：万元）
# Words over a group of columns, or naming a table's part, that a listed value's label may carry: no row's name.
_GROUP_WORDS = r"法人或其他组织|法人或其它组织|申请人情况|申请人类型|指标名称|第二十条第?[（(][一二三四五六七八九十]+[)）]项"
# A named value: the organisations' heading may come before a column's name (法人或其他组织—商业企业：9, 法人或
# 其他组织（商业企业：1，…）), after the header's (申请人情况 法人或其他组织 商业企业 7); the next after a comma, only a
# space (自然人4 商业企业0) or nothing (商业企业6科研机构0). An aside breaking a count down (法人或其他组织1件（其他1件）)
# is read past: the count is the column the list prints.
_PAIR = re.compile(rf"(?:其中\s*)?(?:(?:{_GROUP_WORDS})[—\-－·・、/／›>（(\s]*){{0,2}}"
                   rf"(?P<name>{'|'.join(map(re.escape, _NAMES))})\s*"
                   rf"(?:{_UNIT}\s*)?(?:[:：=]\s*)?(?P<value>{_VALUE})\s*"
                   r"(?:(?:件|条|个|项|万元)\s*)?(?:[）)]\s*)?"
                   rf"(?:[（(]\s*(?:其中\s*[:：]?\s*)?(?P<aside>(?:(?:{'|'.join(map(re.escape, _NAMES))})\s*[:：]?\s*\d+\s*件?"
                   r"\s*[，,、；;]?\s*)+)[）)]\s*)?(?:[;；,，、。]\s*|\s+(?=[\u4e00-\u9fff])|$"
                   rf"|(?=(?:{'|'.join(map(re.escape, _NAMES))})\s*[:：=]?\s*(?:{_VALUE})))")
_BLANK_NAMED = re.compile(rf"\s*(?P<name>{'|'.join(map(re.escape, _NAMES))})\s*[:：]\s*")
# A cell a line, its label's parts in any order, the column's name one of them (自然人 · 一、本年新收…：27;
# 本年新收…／申请人情况／自然人 ⇥ 210), the value after the label's last colon or tab (nothing after a tab: blank).
_CELL_VALUE = re.compile(rf"\s*(?:(?P<value>{_VALUE})\s*)?(?:(?:件|条|个|项|万元)\s*)?[。;；]?")
_VALUE_CELL = re.compile(r"\t\s*\d[\d,.]*\s*(?=\t|$)")  # a tab-separated cell of a number
_FIGURE_CELL = re.compile(r"\t\s*\d")  # a tab-separated cell beginning with a figure
_LINE_MAX = 300  # a listed value's line is short; longer lines are prose (and no pattern runs over a long one)
_PART_SEPARATORS = re.compile(r"\s*(?:[·・›>|｜\t]|(?<!增)[／/](?!减))\s*|\s+[—\-－]\s+|(?<=[^\d\s])[—\-－](?=[^\d\s])|\s{2,}|　")
# 各类申请人均为0件, 各项均为0件: every value of the row (or the column) 0.
_ZERO_WORDS = r"(?:各类申请人|各类|各栏|各项|各行|全部)?(?:均为|均|全部为|全为)\s*(?:0|０|零)\s*件?[。;；]?"
# (行政复议：均为0, or 行政复议各项均为0: the colon left out before 各项 after a row's short name, no sentence's words)
_ALL_ZERO = re.compile(r"(?P<label>.+?)\s*[:：]\s*" + _ZERO_WORDS
                       + r"|(?P<named>[^，,、。；;：:]{2,30}?)(?=各类申请人|各类|各栏|各项|各行)" + _ZERO_WORDS)
_THE_REST = re.compile(r"(?:表[二三四])?[:：]?(?:其余|其他|其它|余下)")  # (表三其余各项均为0: no row, the rows not listed)
_ROW_NUMBER_BEFORE = re.compile(r"(?:[（(][一二三四五六七八九十]+[)）]|\d+\s*[.．、])\s*$")
_LABEL_END = " \t—-－·・:：|>›/／-"
_PAIRS_MIN = 12  # named values a text prints at least before its lines are read so: two rows of table 3
# or most of table 2 or of table 4 (its ten cells; two of its groups), listed beside tables printed as grids
_TABLE_PAIRS_MIN = 8
# Column names a list repeats on every row, and a table's header prints once: a first, cheap look; then
# named values themselves, for a list of only the values that are not 0 (its rows name few columns each).
_LISTED_WORDS = ("自然人", "商业企业", "科研机构", "本年制发件数", "本年新制作数量")
_NAMED_VALUE = re.compile(rf"(?=[{re.escape(''.join(sorted({name[0] for name in _NAMES})))}])"
                          rf"(?:{'|'.join(map(re.escape, _NAMES))})(?:[，,][^）)\n]{{0,10}})?[)）]?\s*[:：]?\s*\d")
_T4_GROUPS = ("行政复议", "未经复议直接起诉", "复议后起诉", "行政诉讼")
# The words of the form's rows (table 3's, its groups', table 2's items, table 4's groups): a card's heading names one.
_ROW_WORDS = tuple(sorted({re.sub(r"^(?:[一二三四五六七]、|（[一二三四五六七]）|\d\.)", "", text)
                           for row in forms.T3_ROWS_2021 + forms.T3_ROWS_2019 for text in (row.label_zh, row.group_zh)
                           if text} | {item.label_zh for item in forms.T2_2021 + forms.T2_2019} | set(_T4_GROUPS)
                          | {short for shorts in forms.T3_SHORT_MATCHES.values() for short in shorts},  # (本年新收, 结转下年)
                          key=len, reverse=True))
_GROUP_LINE = re.compile(rf"[\s\-*+•·:：]*(?:{_GROUP_WORDS})[\s:：]*")  # a card's line over the organisations' values


@dataclass
class _Row:
    label: str
    values: list[tuple[str, str]] = field(default_factory=list)  # (name, value) in printed order


# A table-2 item's name, after its 第二十条 heading or alone, as a list of its measures begins (规章，本年制发件数0，…).
_T2_ITEM_LABEL = re.compile(r"(?:第二十条第?\s*[（(][一二三四五六七八九十]+[)）]\s*项\s*[:：]?\s*)?(?P<item>(?:行政)?(?:"
                            + "|".join(sorted({re.escape(item.label_zh) for item in forms.T2_2021 + forms.T2_2019},
                                              key=len, reverse=True)) + "))")


def _sentence(label: str) -> bool:
    """A sentence's counts (其中自然人56件，商业企业5件。), not a row's label."""
    return bool(re.search(r"(?<![第\d])\d+\s*[件条个项]", label)) or label.endswith(("。", "，", ","))


_SAID_ZERO = r"\s*(?:均为|均|全部为|都是|为)\s*(?:0|０|零)\s*件?[。;；]?"  # (…均为0。)
# The rest of a row said to be 0 after its named values (自然人9件，总计10件，其余均为0。): every column it did not name.
_REST_ZERO = re.compile(r"[，,；;、]?\s*(?:其余|其他|其它|余下)(?:各项|各栏|各类|的)?" + _SAID_ZERO + r"\s*$")


# A table-2 item's measures named short, listed and said to be 0 together (规章本年制发、本年废止、现行有效件数均为0).
_MEASURES_ZERO = re.compile(r"(?P<label>[^、，,。；;：:]+?)(?P<measures>(?:本年|现行)[^、，,。；;\d]{1,6}?"
                            r"(?:、(?:本年|现行)[^、，,。；;\d]{1,6}?)+)(?:件数|数量)?" + _SAID_ZERO)


def _measures_said_zero(line: str) -> tuple[str, list[tuple[str, str]]] | None:
    """The item and its measures a line names short and says are 0, each measure one of table 2's."""
    if (m := _MEASURES_ZERO.fullmatch(line)) is None:
        return None
    names = [next((name for name in _T2_NAMES if name.startswith(short)), None) for short in m["measures"].split("、")]
    return (m["label"].strip(_LABEL_END), [(name, "0") for name in names]) if None not in names else None


def _pairs(line: str) -> tuple[str, list[tuple[str, str]]] | None:
    """A line's label and its named values, when the line is nothing else after its label (but for the rest
    said to be 0)."""
    if "、" in line and (said := _measures_said_zero(line)) is not None:
        return said
    if (rest := _REST_ZERO.search(line)) and (named := _pairs(line[:rest.start()])) and named[1]:
        label, values = named
        columns = forms.T4_COLUMNS if _table(_Row(label, values)) == "t4" else forms.T3_COLUMNS
        said = {_T3_NAMES.get(name) or _T4_NAMES.get(name) for name, _ in values}
        return label, values + [(column.label_zh, "0") for column in columns if column.id not in said]
    found = list(_PAIR.finditer(line))
    if found and _ROW_NUMBER_BEFORE.search(line[:found[0].start()]):
        found = []  # （七）总计, 3.其他: a row's name, not a column's
    if found and all(a.end() == b.start() for a, b in itertools.pairwise(found)) and found[-1].end() == len(line):
        label = line[:found[0].start()].strip(_LABEL_END)
        if label[-1:] in "，," and (item := _T2_ITEM_LABEL.fullmatch(label[:-1].strip(_LABEL_END))):
            label = item["item"]  # (第二十条第（一）项：规章，本年制发件数0，…: the item's name, then its measures')
        if _sentence(label) or len(_FIGURE_CELL.findall(label)) > 1 or _CLAUSES.search(label):
            return None  # (a row of figures whose last cell names a column in an aside: 32(…) ⇥ … ⇥ 38(全县合计285);
            # clauses of other rows before the label: 行政复议各项均为0；行政诉讼…结果维持1件)
        if label and (first := found[0]["name"]) in _T2_NAMES and not any(word in label for word in _T2_ITEM_WORDS) \
                and any(word in label + first for word in _T2_ITEM_WORDS):
            label += first  # (an item's name running into its measure's: 政府集中 ‖ 采购项目数量0个)
        return " ".join(_label_parts(label)), [pair for m in found for pair in _named_pairs(m)]
    if (zero := _ALL_ZERO.fullmatch(line)) and not _sentence(label := (zero["label"] or zero["named"]).strip(_LABEL_END)) \
            and not _THE_REST.fullmatch(label):
        columns = forms.T4_COLUMNS if any(group in label for group in _T4_GROUPS) else forms.T3_COLUMNS
        return label, [(column.label_zh, "0") for column in columns]
    if (blank := _BLANK_NAMED.fullmatch(line)) is not None:
        return "", [(blank["name"], "")]  # a card's column named with nothing after it (自然人：): a blank cell
    return _cell(line)


_ASIDE_VALUE = re.compile(rf"(?P<name>{_APPLICANTS_OF_GROUP})\s*[:：]?\s*(?P<value>\d+)")


def _named_pairs(found: re.Match) -> list[tuple[str, str]]:
    """A named value's (name, value); the organisations an aside breaks 法人或其他组织's count into (法人或其他组织1件
    （商业企业1件）: 商业企业 1) in its place, when they make the count (the others then 0 by the sums)."""
    if found["aside"] is None or found["name"] not in _T3_GROUP_NAMES:
        return [(found["name"], found["value"])]
    named = [(m["name"], m["value"]) for m in _ASIDE_VALUE.finditer(found["aside"])]
    made = found["value"].isdecimal() and sum(int(value) for _, value in named) == int(found["value"])
    return named if named and made else [(found["name"], found["value"])]


def _label_parts(label: str) -> list[str]:
    """A listed value's label in its parts (三、本年度办理结果 · （三）不予公开 · 1.属于国家秘密), without the words
    over a group of columns and the 第二十条 item a table-2 row's name carries."""
    parts = [re.sub(r"[（(]第二十条第?[（(][一二三四五六七八九十]+[)）]项[)）]", "", part).strip(_LABEL_END)
             for part in _PART_SEPARATORS.split(label)]
    parts = [piece for part in parts for piece in _bracketed_name(part)]
    return [part for part in parts if part and not re.fullmatch(_GROUP_WORDS, part)]


_BRACKETED = re.compile(r"(?P<row>[^（(]+)[（(](?P<name>[^（）()，,]+)(?:[，,][^（）()]*)?[)）]")


def _bracketed_name(part: str) -> list[str]:
    """规章（本年制发件数）: a row's name with its column's in brackets, as two parts."""
    m = _BRACKETED.fullmatch(part)
    return [m["row"], m["name"]] if m and m["name"] in _NAMES else [part]


def _label_and_value(line: str) -> tuple[str, str] | None:
    """A line split at its last tab, or else at its last colon outside brackets (本年收费金额（单位：万元）…：0)."""
    if "\t" in line:
        label, _, value = line.rpartition("\t")
        return label, value
    depth, at = 0, -1
    for k, char in enumerate(line):
        depth += (char in "（(") - (char in "）)")
        if char in ":：=" and depth <= 0:
            at = k
    if at > 0:
        return line[:at], line[at + 1:]
    for separator in ("——", "｜", "|", "->", "→", "=>"):  # 自然人／一、本年新收…——128件; 表三｜…｜自然人｜77个; … -> 自然人 -> 13
        if separator in line:
            label, _, value = line.rpartition(separator)
            return label, value
    return None


def _cell(line: str) -> tuple[str, list[tuple[str, str]]] | None:
    """A cell a line whose label names its column among its parts (see ``_CELL_VALUE``)."""
    split = _label_and_value(line)
    if (split is None or _sentence(split[0]) or (m := _CELL_VALUE.fullmatch(split[1])) is None
            or _VALUE_CELL.search(split[0])):
        return None  # (a row of values, its last cell after a tab: 自然人 ⇥ 26 ⇥ 0 ⇥ … ⇥ 1)
    if m.group("value") is None and "\t" not in line and not line.rstrip().endswith(("|", "｜")):
        return None  # only a tab's or a bar's empty cell (an export's last field) is a blank value
    parts = _label_parts(split[0])
    names = [part for part in parts if re.sub(r"[（(].*", "", part) in _NAMES]
    if len(names) != 1 or len(parts) < 2:
        return None
    return " ".join(part for part in parts if part not in names), [(re.sub(r"[（(].*", "", names[0]), m.group("value") or "")]


def _names_a_row(line: str) -> bool:
    """Whether a line names one of the form's rows (a card's heading), not a header or caption naming the
    columns (图2文字版（自然人、法人或其他组织〔商业企业、…〕、总计）：)."""
    return len(line) <= 80 and "\t" not in line and any(word in line for word in _ROW_WORDS) \
        and sum(word in line for word in _LISTED_WORDS[:3]) < 3


def _table(row: _Row) -> str:
    names = [name for name, _ in row.values]
    if any(name in _T2_NAMES and name not in _T3_NAMES for name in names):
        return "t2"
    if any(group in row.label for group in _T4_GROUPS) or all(name in _T4_NAMES for name in names):
        return "t4"
    return "t3"


def _lines(row: _Row, t3_columns: set[str] | None = None) -> list[str]:
    """The row as the lines a table reader takes; a table-3 row in the columns the list prints (``t3_columns``,
    all by default)."""
    table = _table(row)
    if table == "t2":
        return ["信息内容\t" + "\t".join(_T2_NAMES.get(name, name) for name, _ in row.values),
                row.label + "\t" + "\t".join(value for _, value in row.values)]
    if table == "t4":
        return [f"{row.label}-{name}\t{value}" for name, value in row.values]
    by_column = {(_T3_NAMES | _T3_GROUP_NAMES)[name]: value for name, value in row.values
                 if name in _T3_NAMES or name in _T3_GROUP_NAMES}
    values = "\t".join(by_column.get(column, "") for column, _ in _T3_LISTED
                       if (column in t3_columns if t3_columns is not None else column != forms.T3_APPLICANT_GROUP))
    zero = all(_ZERO_VALUE.fullmatch(value) for _, value in row.values)
    return [f"{label}\t{values}" for label in (_group_rows(row.label) if zero else None) or [row.label]]


# A group's rows listed in one sentence, parted by semicolons (（四）无法提供：1.本机关不掌握…：自然人3件，总计3件；2.没有
# 现成信息需要另行制作：均为0；3.…), a run of them by its numbers or the others said 0: a line each, the group's name
# before each.
_ROW_PARTS = re.compile(r"[；;]\s*(?=\d{1,2}\s*[.．、]\s*[\u4e00-\u9fff]|\d\s*[—\-－~～至到]\s*\d\s*项"
                        r"|(?:其他|其余|其它)各?项\s*(?:均|全部|都|为))")
_GROUP_HEAD = re.compile(r"\s*[（(][一二三四五六七]+[)）][\u4e00-\u9fff]{2,6}\s*[:：]\s*(?=\d)")


# Rows of a group named by their numbers' range (1—8项均为0, 2至5项均为0): each of them 0.
_ROW_RANGE = re.compile(r"(?P<first>\d)\s*[—\-－~～至到]\s*(?P<last>\d)\s*项" + _SAID_ZERO)


# The group's other rows said to be 0 after those it names (…：自然人1件，总计1件；其他各项均为0。).
_OTHER_ROWS_ZERO = re.compile(r"\s*(?:其他|其余|其它)各?项" + _SAID_ZERO + r"\s*")


# A row written as a count with its applicants in brackets after it (予以公开6件（自然人5件、商业企业1件）, 部分公开1件
# （均为自然人）), or a count alone (属于国家秘密0件: every applicant's 0 by the sums): its total and the values it names.
# The clauses of a sentence listing a group's rows after its name (不予公开：属于国家秘密0件；…；属于三类内部事务信息1件
# （自然人1件）) are each one.
_APPLICANTS = "|".join(sorted((re.escape(w) for w, c in forms.T3_HEADER_WORDS if c in {col.id for col in forms.T3_COLUMNS}
                               and c != "total"), key=len, reverse=True))
_ALL_OF = r"(?:均为|均系|均是|全部为|全部是|全为|都是|都为)"  # 部分公开1件（均为自然人）: every one of the row's
_BREAKDOWN = re.compile(r"(?P<label>[^；;。]*?[\u4e00-\u9fff）)”\"])\s*(?P<total>\d+)\s*件\s*"
                        rf"(?:[（(](?:(?P<inner>(?:\s*(?:{_APPLICANTS})\s*\d+\s*件\s*[，,、；;]?)+)"
                        rf"|\s*{_ALL_OF}\s*(?P<all>{_APPLICANTS})\s*(?:申请)?)[）)])?\s*")
_BREAKDOWN_MARK = re.compile(rf"\d\s*件\s*[（(]\s*(?:{_ALL_OF}\s*)?(?:{_APPLICANTS})")
_BREAKDOWN_ROWS_MIN = 3  # rows so written, at least, to read a text's table 3 from them
_BREAKDOWN_VALUE = re.compile(rf"(?P<name>{_APPLICANTS})\s*(?P<value>\d+)\s*件")
_CLAUSES = re.compile(r"[；;。](?![^（(]*[）)])")  # (not inside brackets)
_GROUP_NAME = re.compile(r"^\s*(?P<head>[^：:\d]{2,20})[：:]")  # 不予公开： before the group's rows
_ORDINAL = re.compile(r"^\s*(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|\d+\s*[.．、])\s*")
_T3_ROW_WORDS = frozenset(_ORDINAL.sub("", row.label_zh) for row in forms.T3_ROWS_2021 + forms.T3_ROWS_2019)
_T3_SHORT_WORDS = tuple(word for words in forms.T3_SHORT_MATCHES.values() for word in words)
# A group's count, then the rows of it that are not 0 (无法提供2件，其中本机关不掌握相关政府信息2件（均为自然人）): the
# rows; the group's count is their sum, no row of the form (its other rows are 0 by the sums).
_GROUP_THEN_ROWS = re.compile(r"(?P<group>[^，,]{2,12}?)\s*\d+\s*件\s*[，,]\s*其中\s*[:：]?\s*(?P<rows>.+)")
# Rows and groups said to be 0 together (不予公开、不予处理、其他处理均为0件): each of them.
_NAMED_ZERO = re.compile(r"(?P<names>[\u4e00-\u9fff“”]{2,20}(?:、[\u4e00-\u9fff“”]{2,20})+)\s*(?:均为|均|都为|全部为|都是)"
                         r"\s*(?:0|０|零)\s*件?")


# Table 4 in a sentence, a group a clause: its count, the outcomes that are not 0 in brackets (行政复议1件（结果维持1件）；
# 未经复议直接起诉的行政诉讼0件): the group's 总计 and the outcomes it names.
_T4_OUTCOMES = "|".join(sorted((re.escape(word) for word, column in forms.T4_HEADER_WORDS
                                if column in {c.id for c in forms.T4_COLUMNS[:-1]}), key=len, reverse=True))
_T4_OUTCOME_NAMES = {word: next(c.label_zh for c in forms.T4_COLUMNS if c.id == column)
                     for word, column in forms.T4_HEADER_WORDS if column in {c.id for c in forms.T4_COLUMNS[:-1]}}
_T4_GROUP_CLAUSE = re.compile(r"(?P<label>(?:表四\s*[:：]\s*)?(?:行政复议|(?:行政诉讼\s*[（(]?\s*)?(?:未经复议)?直接起诉|"
                              r"(?:行政诉讼\s*[（(]?\s*)?复议后起诉)[）)]?(?:的行政诉讼(?:案件)?|案件)?)\s*(?P<total>\d+)\s*件"
                              rf"\s*(?:[（(](?:其中\s*)?(?P<inner>(?:\s*(?:{_T4_OUTCOMES})\s*\d+\s*件\s*[，,、；;]?)+)[）)])?\s*")
_T4_OUTCOME_VALUE = re.compile(rf"(?P<name>{_T4_OUTCOMES})\s*(?P<value>\d+)\s*件")


# Table 4 a group a line, its results named short after the group's name, with or without 件 (复议维持1 纠正0 其他1
# 未结0 合计2; 直接起诉：维持2件，纠正0件，…): the group's row of named values, each result named once.
_T4_RESULT_WORDS = {word: next(c.label_zh for c in forms.T4_COLUMNS if c.id == column)
                    for word, column in forms.T4_HEADER_WORDS if column in {c.id for c in forms.T4_COLUMNS}}
_T4_RESULT_WORD = "|".join(sorted(map(re.escape, _T4_RESULT_WORDS), key=len, reverse=True))
_T4_SHORT_GROUPS = (("行政复议", "行政复议"), ("复议后起诉", "复议后起诉"), ("直接起诉", "未经复议直接起诉"),
                    ("复议", "行政复议"))  # (a group's word in its line, longest first: the group it names)
_T4_RESULTS_RUN = rf"(?P<results>(?:(?:{_T4_RESULT_WORD})\s*[:：]?\s*\d+\s*件?\s*[，,、；;]?\s*){{4,5}})[。]?\s*"
_T4_SHORT_ROW = re.compile(r"\s*(?P<group>(?:行政诉讼\s*[（(]?\s*)?(?:未经复议)?直接起诉|(?:行政诉讼\s*[（(]?\s*)?复议后起诉"
                           r"|行政复议|复议)[）)]?\s*[:：]?\s*" + _T4_RESULTS_RUN)
_T4_SHORT_RESULT = re.compile(rf"(?P<name>{_T4_RESULT_WORD})\s*[:：]?\s*(?P<value>\d+)")


# A list's item naming a group alone (* 行政复议), its results in the item under it; and an item of results alone.
_BULLET = r"\s*(?:[-*•·◦▪+]|\d{1,2}[.、)）])?\s*"
_T4_GROUP_ITEM = re.compile(_BULLET + r"(?P<group>行政复议|复议)\s*[:：]?\s*")
_T4_RESULTS_ITEM = re.compile(_BULLET + _T4_RESULTS_RUN)


def _t4_short_rows(lines: list[str]) -> list[str]:
    """The lines with each of table 4's groups printed short (``_T4_SHORT_ROW``) as its row of named values; a list's
    item of results alone under an item naming its group alone (* 行政复议 / * 结果维持0，…，总计0) as that group's."""
    out = []
    for k, line in enumerate(lines):
        if "维持" in line and len(line) <= _LINE_MAX and _T4_RESULTS_ITEM.fullmatch(line) and (
                above := next((a for a in reversed(lines[:k]) if a.strip()), None)) and (
                named := _T4_GROUP_ITEM.fullmatch(above)):
            line = f"{named['group']}：{_T4_RESULTS_ITEM.fullmatch(line)['results']}"
        out.append(_t4_short_row(line) if "维持" in line and len(line) <= _LINE_MAX else line)
    return out


def _t4_short_row(line: str) -> str:
    if (m := _T4_SHORT_ROW.fullmatch(line)) is None:
        return line
    results = [(_T4_RESULT_WORDS[r["name"]], r["value"]) for r in _T4_SHORT_RESULT.finditer(m["results"])]
    if len({name for name, _ in results}) < len(results):
        return line  # (a result named twice: no row of the form)
    group = next(label for word, label in _T4_SHORT_GROUPS if word in m["group"])
    return f"{group} " + "；".join(f"{name}：{value}" for name, value in results)


def _t4_group_clause(clause: str) -> tuple[str, str] | None:
    """A clause of table 4 in a sentence (``_T4_GROUP_CLAUSE``) as a row's label and named values; else None."""
    if (m := _T4_GROUP_CLAUSE.fullmatch(clause)) is None:
        return None
    named = [f"{_T4_OUTCOME_NAMES[v['name']]}：{v['value']}" for v in _T4_OUTCOME_VALUE.finditer(m["inner"] or "")]
    if not named and int(m["total"]) == 0:  # (no case: each outcome none)
        named = [f"{column.label_zh}：0" for column in forms.T4_COLUMNS[:-1]]
    return m["label"].strip(), "；".join([f"总计：{m['total']}", *named])


# What a line stating rows so has (a first, cheap look): an applicant's name, rows said 0, a count ending it, table 4's
_STATED_LOOK = re.compile(_APPLICANTS + r"|均为\s*[0０零]|\d\s*件\s*[。；;]?\s*$|行政复议\s*\d")


_NO_ROW_NAME = re.compile(r"[\d，,:：]")  # (a figure, a comma or a colon: a sentence's words, or a row's and its values)


def _names_a_t3_row(label: str) -> bool:
    """Whether a clause's label (its ordinal apart) is one of table 3's rows or groups, by its words or short name."""
    core = _ORDINAL.sub("", label).strip()
    return bool(core) and not _NO_ROW_NAME.search(core) and (
        core in _T3_ROW_WORDS or core in _GROUPS or core.startswith(_T3_SHORT_WORDS)
        or any(core.startswith(word) for word in _T3_ROW_WORDS))


def _stated_clauses(clause: str) -> list[str] | None:
    """A clause of a sentence stating table 3 that is no row as such, as the rows it states: a group's count then its
    rows (``_GROUP_THEN_ROWS``), rows said 0 together (``_NAMED_ZERO``), a row each said 0 (不予公开：均为0); None
    for any other clause."""
    if (m := _GROUP_THEN_ROWS.fullmatch(clause)) and (group := _ORDINAL.sub("", m["group"]).strip()) in _GROUPS:
        parts = [part for part in re.split(r"[，,、](?![^（(]*[）)])", m["rows"]) if part.strip()]
        counts = [found["total"] for part in parts if (found := _BREAKDOWN.fullmatch(part))]
        count = int(re.search(r"(\d+)\s*件\s*[，,]\s*其中", clause)[1])
        if len(counts) == len(parts) and sum(map(int, counts)) == count:  # (the group's other rows: 0)
            parts += [f"{row}：均为0" for row in _GROUPS[group]
                      if not any(_ORDINAL.sub("", row).startswith(_ORDINAL.sub("", part)[:4]) for part in parts)]
        return parts
    names = m["names"].split("、") if (m := _NAMED_ZERO.fullmatch(clause.strip())) else []
    if names and all(_names_a_t3_row(name) for name in names):
        return [f"{name}：均为0" for name in names]
    return None


def _breakdown_rows(line: str) -> list[str]:
    """The line's rows written as counts with their applicants in brackets (``_BREAKDOWN``), each as a row of
    named values (予以公开 总计：6；自然人：5；商业企业：1), when every clause of it is such a row (or states rows so,
    ``_stated_clauses``) and one names its applicants at least; else the line."""
    if "件" not in line or len(line) > _LINE_MAX * 4 or not _STATED_LOOK.search(line):
        return [line]
    clauses = [clause for clause in _CLAUSES.split(line) if clause.strip()]
    head = m["head"] if (m := _GROUP_NAME.match(clauses[0])) else ""
    rows = []
    for k, clause in enumerate(clauses):
        body = clause[m.end():] if k == 0 and head and (m := _GROUP_NAME.match(clause)) else clause
        for part in _stated_clauses(body.strip()) or [body]:
            if (zero := _ALL_ZERO.fullmatch(part.strip())) and zero["label"] and _names_a_t3_row(zero["label"]):
                rows.append((part.strip(), "", True))
                continue
            if (t4 := _t4_group_clause(part.strip())) is not None:
                rows.append((*t4, True))
                continue
            found = _BREAKDOWN.fullmatch(part)
            if found is None:
                return [line]
            label = found["label"].strip()
            label = (head + "：" + label) if head and not label.startswith(head) else label
            named = ([f"{found['all']}：{found['total']}"] if found["all"]
                     else [f"{m['name']}：{m['value']}" for m in _BREAKDOWN_VALUE.finditer(found["inner"] or "")])
            rows.append((label, "；".join([f"总计：{found['total']}", *named]), bool(named)))
    # (counts alone only where each names a row of the form in its words: 上年结转政府信息公开申请数量0件, not a sentence)
    if not any(names_applicants for *_, names_applicants in rows) and not all(
            _names_a_t3_row(label.rpartition("：")[2]) for label, *_ in rows):
        return [line]
    return [f"{label} {values}".strip() for label, values, _ in rows]


def _pair_clauses(line: str) -> list[str]:
    """A sentence of several rows' named values, a clause each (行政复议：结果维持0件，…，总计0件；行政诉讼（未经复议直接
    起诉）：结果维持1件，…；行政诉讼（复议后起诉）：均为0件。): its clauses, when each is such a row; else the line."""
    if len(line) > _LINE_MAX * _CLAUSES_MAX:
        return [line]
    if len(line) > _LINE_MAX * 4:  # (a whole table's rows in one paragraph: a picture's description)
        if not _CLAUSES.search(line):
            return [line]
    elif _pairs(line) is not None:
        return [line]
    elif not _CLAUSES.search(line.rstrip("。；; ")):  # one row: its label then a comma (予以公开，自然人2，…，总计2。)
        named = _named_row_clause(line.strip())
        return [named] if named != line.strip() and _pairs(named) is not None else [line]
    lead = _TEXT_VERSION_LEAD.match(line)
    clauses = [_named_row_clause(clause.strip()) for clause in _CLAUSES.split(line[lead.end():] if lead else line)
               if clause.strip()]
    caption = clauses[:1] if clauses and _CAPTION_CLAUSE.fullmatch(clauses[0]) else []  # (图1 主动公开…情况。规章：…)
    rows = clauses[len(caption):]
    rest = rows[-1:] if len(rows) > 1 and _REST_OF_TABLE_ZERO.search(rows[-1]) else []  # (…；表三其余各项均为0件。)
    rows = rows[:len(rows) - len(rest)]
    return [*caption, *rows, *rest] if (len(rows) > 1 or (rest and rows)) and all(
        len(clause) <= _LINE_MAX and _pairs(clause) for clause in rows) else [line]


# A table 3 stated as the rows that are not 0, the rest said to be 0 (表三其余各项均为0件): read from one row on.
_REST_OF_TABLE_ZERO = re.compile(r"(?:其余|其他|其它)(?:各项|各栏|项目|各行|单元格|各格)(?:数据|数字|数值)?\s*"
                                 r"(?:均为|均|都是|全部为|都为)\s*[0０零]")
_ROW_PAIRS_MIN = 3  # named values of such a row, at least (自然人, 法人或其他组织 and 总计)
_T4_PAIRS_MIN = 2  # of table 4's such list, at least (a result and its group's total)
_CLAUSES_MAX = 40  # lines of a paragraph listing rows, at most (table 3's 26 rows, a caption)


# A picture's or a table's caption before the rows its sentence lists (图1 主动公开政府信息情况, 表3 …情况).
_CAPTION_CLAUSE = re.compile(r"(?:图|表)\s*[\d一二三四]{1,2}\s*[\u4e00-\u9fff、，,（）()]{2,40}")
# What introduces a picture's table written out as text (表格内容：…, 表格文字版：…): no row's label.
_TEXT_VERSION_LEAD = re.compile(r"\s*(?:[\u4e00-\u9fff、]{2,30}?[（(])?(?:图表|表格|表)?(?:文字版|文字说明|内容|数据)(?:如下)?"
                                r"[）)]?\s*[:：]\s*")
_ROW_THEN_COMMA = re.compile(r"^(?P<label>(?:[^，,（(]|[（(][^）)]{0,40}[）)]){2,60}?)[，,]\s*(?P<rest>.+)$")


def _named_row_clause(clause: str) -> str:
    """A clause naming a row of table 3, a comma, then its values (予以公开，自然人2件，总计2件), with the comma as a
    label's end; any other clause as it is (在收到的申请中，自然人10件: a sentence's, no row's)."""
    m = _ROW_THEN_COMMA.match(clause)
    if m is None or _pairs(clause) is not None or not any(
            (core := word.split("（")[0]) in m["label"] and (len(core) >= 4 or _ORDINAL.sub("", m["label"]) == core)
            for word in _T3_ROW_WORDS):  # (its aside apart; a short row's name alone: （七）总计，…):
        return clause
    return f"{m['label']} {m['rest']}"


def _rows_of_sentence(line: str) -> list[str]:
    """The line as its rows, when it lists several of a group's rows (see ``_ROW_PARTS``, ``_ROW_RANGE``,
    ``_OTHER_ROWS_ZERO``); else the line."""
    if len(line) > _LINE_MAX * 4 or not (_ROW_PARTS.search(line) or _ROW_RANGE.search(line)):
        return [line]
    parts = _ROW_PARTS.split(line)
    group = m.group(0).strip() if (m := _GROUP_HEAD.match(parts[0])) else ""
    rows = _GROUPS.get(re.sub(r"^[（(][一二三四五六七八九十]+[)）]|[\s:：]", "", group), [])
    out = []
    for k, part in enumerate(parts):
        head = group if k else ""
        if (span := _ROW_RANGE.fullmatch((part if k else part[len(group):]).strip())) and rows:
            first, last = int(span["first"]), int(span["last"])
            out += [f"{group}{row}：均为0" for row in rows[first - 1:last]]
        elif k and rows and _OTHER_ROWS_ZERO.fullmatch(part):
            named = "".join(parts[:k])
            out += [f"{group}{row}：均为0" for row in rows if row not in named]
        else:
            out.append(head + part)
    return out


_ZERO_VALUE = re.compile(r"\s*(?:0|０|零)\s*")
_GROUPS = {re.sub(r"^[（(][一二三四五六七八九十]+[)）]", "", group): [r.label_zh for r in forms.T3_ROWS_2021
                                                                if r.group_zh == group]
           for group in {r.group_zh for r in forms.T3_ROWS_2021} if group.startswith("（")}


def _group_rows(label: str) -> list[str] | None:
    """（五）不予处理：各项均为0: the labels of the group's rows, each of them 0; None for a label naming no group alone."""
    core = re.sub(r"^[（(][一二三四五六七八九十]+[)）]|[\s:：]", "", label)
    return [label.strip(":：") + "：" + row for row in _GROUPS[core]] if core in _GROUPS else None


_T2_ITEMS = tuple(sorted({item.label_zh for item in forms.T2_2021 + forms.T2_2019}, key=len, reverse=True))


def _with_item_cells(items: list) -> list:
    """Table 2 listed a measure a line beside its item's merged cell, which names the item on one of them only
    (1 ⇥ 本年制发件数 ⇥ 0 / 2 ⇥ 规章 ⇥ 本年废止件数 ⇥ 0 / 3 ⇥ 现行有效件数 ⇥ 0): a row naming no item is its
    item's, the item the nearest row of its run names, above it or below, whose measures it does not repeat."""
    out: list = []
    waiting: list[tuple[str, str]] = []  # values of rows naming no item, before the row naming theirs
    named: _Row | None = None  # the last row naming an item, that values below may still be of

    def names_item(row: _Row) -> bool:
        return any(item in row.label for item in _T2_ITEMS)

    def unclaimed() -> list[_Row]:  # values no item took, each a row of its own as printed
        return [_Row("", [value]) for value in waiting]

    for item in items:
        if not isinstance(item, _Row) or _table(item) != "t2":
            if not (isinstance(item, str) and not item.strip()):
                out += unclaimed()
                waiting, named = [], None
            out.append(item)
            continue
        if names_item(item):
            measures = {name for name, _ in item.values}
            if waiting and not {name for name, _ in waiting} & measures:
                item.values[:0], waiting = waiting, []
            out += unclaimed()
            waiting, named = [], item
            out.append(item)
            continue
        for name, value in item.values:  # (rows naming no item may have been gathered as one: a card)
            if named is not None and name not in {n for n, _ in named.values}:
                named.values.append((name, value))
            elif name in {n for n, _ in waiting}:
                out += unclaimed()
                waiting, named = [(name, value)], None
            else:
                waiting.append((name, value))
                named = None
    return out + unclaimed()


# A column a line (a table printed turned, as text): its name, a colon, then its values, each after its row's
# name (本年新制作数量：规章0，规范性文件5。 结果维持：行政复议1件，行政诉讼（复议后起诉）0件) or in the form's row order
# (自然人：36，0，18，…: table 3's column, as many values as the form has rows).
# (Spaces within a line only, [^\S\n]: at each of many blank lines' starts a pattern's \s* ran over all the rest, which
# took minutes over a table's thousands of empty rows.)
# (申请人为法人或其他组织中的商业企业一栏：…, 商业企业（法人或其他组织）一列：…: a screen reader's text version's column)
_COLUMN_HEAD = (rf"(?:[（(][一二三四五六七八九十]+[)）]|\d{{1,2}}[.、．])?[^\S\n]*(?:申请人(?:类型|类别)?为)?"
                rf"(?:(?:{_GROUP_WORDS})(?:中的)?[—\-－·・ \t（(]*)?(?P<head>{'|'.join(map(re.escape, _NAMES))})[^\S\n]*"
                rf"(?:[（(](?:{_GROUP_WORDS})[)）])?[）)]?[^\S\n]*(?:一栏|一列)?[^\S\n]*[:：]\s*")
_COLUMN_LINE = re.compile(rf"(?m)^[^\S\n]*{_COLUMN_HEAD}(?=[^\n]*?\d[^\n]*?[，,、；;\s][^\n]*?\d)")
_COLUMN_LINES_MIN = 3
_ONE_NAMED_VALUE = re.compile(rf"{_COLUMN_HEAD}(?:{_VALUE})\s*(?:件|条|个|项|万元)?[。；;]?")
_COLUMN_START = re.compile(rf"\s*{_COLUMN_HEAD}")
_COLUMN_AFTER = re.compile(rf"[；;]\s*(?={_COLUMN_HEAD})")
# A row's value, or a group's values in its rows' order parted by slashes (不予公开0/0/0/4/1/3/0/0件); the
# name ends in no digit or slash, so that the two never part a run of slashed digits twice.
_ROW_VALUE = re.compile(rf"(?P<name>[^:：]*?[^:：\d/／\s])\s*(?P<value>\d+(?:\s*[/／]\s*\d+)+|{_VALUE})\s*(?:件|条|个|项|万元)?")
_FORM_ROWS = {len(form.t3_rows): form.t3_rows for form in forms.FORMS.values()}
_T3_LABELS = {" ".join(filter(None, (row.group_zh, row.label_zh))): re.sub(r"[^\u4e00-\u9fff]", "", row.label_zh)
              for row in forms.T3_ROWS_2021 + forms.T3_ROWS_2019}
_T3_GROUPS = {group: [label for label in _T3_LABELS if label.startswith(group + " ")]
              for group in dict.fromkeys(row.group_zh for row in forms.T3_ROWS_2021 if row.group_zh.startswith("（"))}


def _t3_row_cells(name: str, value: str, head: str) -> list[str] | None:
    """A table-3 column's named value as cells a line: a row named short (新收 for 一、本年新收…, where only one
    row's label holds the name) by its full label, a group's slashed values (不予公开0/0/…) by its rows in order."""
    core = re.sub(r"[^\u4e00-\u9fff]", "", name)
    values = re.split(r"\s*[/／]\s*", value)
    if len(values) > 1:
        rows = next((rows for group, rows in _T3_GROUPS.items() if core and core in group), [])
        return [f"{row} · {head}：{v}" for row, v in zip(rows, values)] if len(rows) == len(values) else None
    return [f"{_t3_row_named(core) or name} · {head}：{value}"]


@functools.lru_cache(maxsize=1024)
def _t3_row_named(core: str) -> str | None:
    """The one table-3 row whose label holds the name's characters (新收: 一、本年新收…), or None."""
    labels = [label for label, label_core in _T3_LABELS.items() if core and core in label_core]
    return labels[0] if len(labels) == 1 else None


def _columns_as_cells(lines: list[str]) -> list[str]:
    """Each column printed a line as a cell a line; a column printed as all zeros (科研机构：各项均为0件。) a zero
    for each row the other columns name."""
    out = [cell for line in lines for part in ([line] if _named_values_only(line) else _columns_of_line(line))
           for cell in _column_cells(part)]
    labels = list(dict.fromkeys(label for cell in out if " · " in cell  # the rows table 3's other columns name
                                for label, _, rest in [cell.partition(" · ")] if rest.split("：")[0] in _T3_NAMES))
    zero_columns = {k: m["head"] for k, line in enumerate(out)
                    if len(line) <= _LINE_MAX and (m := re.fullmatch(_COLUMN_HEAD + _ZERO_WORDS, line.strip()))}
    if not zero_columns or not labels:
        return out
    groups = [group.label_zh for group in forms.T4_GROUPS]
    return [cell for k, line in enumerate(out)
            for cell in ([f"{label} · {zero_columns[k]}：0"
                          for label in (labels if zero_columns[k] in _T3_NAMES else groups)]
                         if k in zero_columns else [line])]



_COLUMN_LINE_MAX = 3_000  # a table-3 column of the form's 26 rows, each named in full
_GROUP_COLON = re.compile(r"(?<=[\u4e00-\u9fff）)])\s*[:：]\s*(?=\d{1,2}\s*[.．、])")
_ITEM_END = frozenset("，,、；;")
_VALUE_END = re.compile(r"(?:\d|件|条|个|项|无|零|—|-|/)\s*$")  # an item ends with its value: 逾期不补正、行政机关… is one


def _items(text: str) -> list[str]:
    """A column line's items, parted after their values by commas or semicolons (or spaces between bare values)
    outside brackets: （二）部分公开（区分处理的，只计这一情形，不计其他情形）3件 is one."""
    items, depth, start = [], 0, 0
    for k, char in enumerate(text):
        depth += (char in "（(") - (char in "）)")
        if depth <= 0 and ((char in _ITEM_END and _VALUE_END.search(text[start:k]))
                           or (char.isspace() and text[start:k].strip().isdigit())):
            items.append(text[start:k])
            start = k + 1
    return [item.strip() for item in [*items, text[start:]] if item.strip()]


def _named_values_only(line: str) -> bool:
    """Whether a line whose parts each begin with a column's name holds one value a part: a row of named values
    (自然人：27；商业企业：4；…；总计：32, its label on the line above), no columns of values."""
    parts = _COLUMN_AFTER.split(line)[::2] if len(line) <= _LINE_MAX else []  # (not the heads the split captures)
    return len(parts) >= 3 and all(_ONE_NAMED_VALUE.fullmatch(part.strip()) for part in parts)


def _columns_of_line(line: str) -> list[str]:
    """A line of several columns, each after a semicolon (本年制发件数：规章0件、…；本年废止件数：…), as a line each."""
    if len(line) > _COLUMN_LINE_MAX or not _COLUMN_START.match(line):
        return [line]
    return _COLUMN_AFTER.split(line)[::2]  # (the split's parts, not the heads it captures)


def _column_cells(line: str) -> list[str]:
    """A column printed a line as a cell a line each (行政复议 · 结果维持：1), or the line as it is."""
    m = re.fullmatch(_COLUMN_HEAD + r"(?P<rest>.+?)[。；;]?", line.strip()) if len(line) <= _COLUMN_LINE_MAX else None
    if m is None or re.fullmatch(_ZERO_WORDS, m["rest"]):
        return [line]  # (a column of zeros: see _columns_as_cells)
    items = _items(m["rest"])
    if all(re.fullmatch(_VALUE, item) for item in items):
        if len(items) in _FORM_ROWS and m["head"] in _T3_NAMES:
            return [f"{' '.join(filter(None, (row.group_zh, row.label_zh)))} · {m['head']}：{value}"
                    for row, value in zip(_FORM_ROWS[len(items)], items)]
        if len(items) == len(forms.T4_GROUPS) and m["head"] in _T4_NAMES:
            return [f"{group.label_zh} · {m['head']}：{value}" for group, value in zip(forms.T4_GROUPS, items)]
        return [line]
    # (a group's name and its row's number parted by a colon, （三）不予公开:1.属于国家秘密0: one row's name)
    named = [_ROW_VALUE.fullmatch(_GROUP_COLON.sub(" ", item)) for item in items]
    if not items or not all(named):
        return [line]
    if m["head"] not in _T3_NAMES:
        return [f"{n['name'].strip()} · {m['head']}：{n['value']}" for n in named]
    cells = [_t3_row_cells(n["name"].strip(), n["value"], m["head"]) for n in named]
    return [line] if None in cells else [cell for row in cells for cell in row]


def _with_merged_labels(lines: list[str]) -> list[str]:
    """Table 2 printed a measure a row (条款 | 信息内容 | 统计指标 | 数量), its item's label merged down over its
    measures' rows and so left blank on all but the first: each such row given the labels of the row above."""
    out, above = [], None
    for line in lines:
        cells = line.split("\t") if line.startswith("\t") else None
        if cells is None:
            above = line.split("\t") if "\t" in line else None
        elif above is not None and len(cells) == len(above):
            named = next(k for k, cell in enumerate(cells) if cell.strip() or k == len(cells) - 1)
            if re.sub(r"[（(].*", "", cells[named].strip()) in _T2_NAMES:
                line = "\t".join(above[:named] + cells[named:])
            above = line.split("\t")
        out.append(line)
    return out


_WRAPPED_PARTS_MAX = 4  # lines a PDF wraps a listed row over, at most
# A line going on with the named values of the line before (、科研机构74件、… / 件、合计112件。), or a line
# left open after one of them (…商业企业零件、 / 科研机构74件…)
_CONTINUED = re.compile(r"\s*(?:[、，,；;）)]|件|\d)")
_LEFT_OPEN = frozenset("、，,（(")
_ROW_END = "。；;"


def _unwrapped_rows(lines: list[str]) -> list[str]:
    """Rows of named values a PDF wrapped over lines (一、本年新收…：自然人14件，法人或其他组织（商业企 / 业3件、…），
    总计18 / 件。) as one line each: a line that names values but is no row alone, or whose next line goes on
    with its values, joined with the lines after it up to its row's end, when they make one naming more."""
    out: list[str] = []
    k = 0
    while k < len(lines):
        line = lines[k].strip()
        joined = None
        alone = _pairs(line) if line and "\t" not in line and line[-1] not in _ROW_END and _PAIR.search(line) else False
        if alone is None or (alone and k + 1 < len(lines) and (_CONTINUED.match(lines[k + 1]) or line[-1] in _LEFT_OPEN)):
            for end in range(k + 2, min(k + 1 + _WRAPPED_PARTS_MAX, len(lines)) + 1):
                candidate = "".join(part.strip() for part in lines[k:end])
                if len(candidate) > _LINE_MAX or "\t" in candidate:
                    break
                if candidate[-1:] in _ROW_END or end == len(lines):
                    whole = _pairs(candidate)
                    joined = (candidate, end) if whole and len(whole[1]) > len((alone or ("", []))[1]) else None
                    break
        if joined:
            out.append(joined[0])
            k = joined[1]
        else:
            out.append(lines[k])
            k += 1
    return out


# A 第二十条 item's rows written out in a sentence (第二十条第（一）项：规章，本年制发件数0，…；行政规范性文件，…。): the
# heading, then each item with its named values.
_ITEMS_SENTENCE = re.compile(r"\s*(?P<heading>第二十条第?[（(][一二三四五六七八九十]+[)）]项)\s*[:：]\s*(?P<items>.+?)[。.]?\s*")
# (the item glued to its first measure's name: 规章本年制发0件，本年废止0件，…)
_ITEM_CLAUSE = re.compile(r"\s*(?P<item>[\u4e00-\u9fff]{2,12}?)\s*(?:[，,：:]\s*|(?=本年|现行))(?P<values>.+)")


def _item_lines(lines: list[str]) -> list[str]:
    """Table 2's items written out a 第二十条 heading a sentence: the heading, then a line for each item and its
    named values (规章 本年制发件数0，本年废止件数0，现行有效件数0), each clause naming values after its item."""
    out: list[str] = []
    for line in lines:
        sentence = _ITEMS_SENTENCE.fullmatch(line) if "第二十条" in line else None
        clauses = [_ITEM_CLAUSE.fullmatch(part) for part in re.split(r"[；;]", sentence["items"])] if sentence else []
        if not clauses or not all(c and _PAIR.search(c["values"]) for c in clauses):
            out.append(line)
            continue
        out += [sentence["heading"], *(f"{c['item']} {c['values']}" for c in clauses)]
    return out if len(out) > len(lines) else lines  # (nearly every text: its table 2 a grid, the lines as they are)


# A card of table 3's column (a phone's view of the table turned: 自然人, or 法人或其他组织 · 商业企业, or 申请人情况：商业企业
# （法人或者其他组织）, or a small table's caption 表三（2）商业企业, then the form's rows a line each with the column's value
# after the label, glued or not, or in the card's last cell).
_CARD_HEAD = re.compile(rf"[^\S\n]*(?:表[^\S\n]*[三3][^\S\n]*(?:[（(][^\S\n]*\d{{1,2}}[^\S\n]*[)）]|[-－—.．]\d{{1,2}})?"
                        r"[^\S\n]*[:：]?[^\S\n]*)?"  # (表三（1）自然人)
                        rf"(?:[(（]?[一二三四五六七八九十\d]{{1,2}}[)）、.．][^\S\n]*)?"  # ((一)自然人：)
                        r"(?:申请人[^\S\n]*[:：][^\S\n]*)?"  # (申请人：法人或其他组织—商业企业)
                        rf"(?:(?:{_GROUP_WORDS})[^\S\n]*[—\-－·・›>/／(（:：]{{0,2}}[^\S\n]*)?"
                        rf"(?P<head>{'|'.join(map(re.escape, _T3_NAMES))})[^\S\n]*[)）]?"
                        r"(?:[^\S\n]*[（(]法人或者?其[他它]组织[)）])?[^\S\n]*[:：]?[^\S\n]*")
# A card's line naming a group of rows with no value (三、本年度办理结果, （三）不予公开), its rows on the lines after it
_CARD_GROUP = re.compile("|".join(re.escape(group).replace("（", "[（(]").replace("）", "[)）]") for group in
                                  sorted({row.group_zh for row in forms.T3_ROWS_2021 + forms.T3_ROWS_2019} - {""})))
_CARD_GROUP_LINE = re.compile(rf"[^\S\n]*(?P<group>{_CARD_GROUP.pattern})[^\S\n]*[:：]?[^\S\n]*")
# A small table's header over its rows (项目 | 数量)
_CARD_HEADER = re.compile(r"[^\S\n]*(?:(?:项目|数量|指标|件数|数值|内容|类别|名称|单位)[^\S\n]*)+")
_NUMBERED_ROW = re.compile(r"\d{1,2}\s*[.．、]")  # a group's row (1.属于国家秘密), named in full with its group's name
_CARD_HEADS = re.compile(rf"(?m)^{_CARD_HEAD.pattern}$")
_CARD_ROW = re.compile(rf"(?P<label>.*?\D)[^\S\n]*[:：]?[^\S\n]*(?P<value>{_VALUE})[^\S\n]*(?:件)?[^\S\n]*")
_CJK_WORD = re.compile(r"[\u4e00-\u9fff]")
_CARD_ROWS_MIN = 5  # rows under a column's card, at least
_CARDS_MIN = 2  # and cards, at least: a table turned, not a heading over a few lines


def _column_cards(lines: list[str]) -> list[str]:
    """Table 3 printed a card a column (自然人 ␤ 一、本年新收政府信息公开申请数量13 ␤ …, then 法人或其他组织 · 商业企业 ␤
    …): each row line as a cell a line naming its column (一、本年新收… · 自然人：13), which ``relisted`` gathers by
    row; the cards' heads left out. Read as rows, each card's values overwrote the last's (总计's in 自然人's column)."""
    if len(_CARD_HEADS.findall("\n".join(lines))) < _CARDS_MIN:
        return lines  # (nearly every report: one look at its text)
    cards: list[tuple[int, int, str]] = []  # each card's head line, its end and its column's name
    k = 0
    while k < len(lines):
        head = _CARD_HEAD.fullmatch(lines[k]) if len(lines[k]) <= 40 else None
        end = last = k + 1  # (``last``: after the card's last row; a group's name, a blank or words after it no part)
        while head and end < len(lines) and (not lines[end].strip() or _no_card_row(lines[end])
                                             or _card_row(lines[end]) is not None or _label_goes_on(lines[end])):
            end += 1
            last = end if _card_row(lines[end - 1]) is not None else last
        if head and len(_card_rows(lines[k + 1:last])) >= _CARD_ROWS_MIN:
            cards.append((k, last, head["head"]))
            k = last
        else:
            k += 1
    if len(cards) < _CARDS_MIN:
        return lines
    out, at = [], 0
    for start, end, head in cards:
        out += lines[at:start]
        out += [f"{label} · {head}：{value}" for label, value in _card_rows(lines[start + 1:end])]
        at = end
    return out + lines[at:]


def _label_goes_on(line: str) -> bool:
    """A line of a card's label wrapped after its value (1.申请人无正当理由逾期不补正、行政机关不 5 ␤ 再处理其政府信息
    公开申请): a few words, no figure, no card's head."""
    return len(line) <= 40 and "\t" not in line and not re.search(r"\d", line) and bool(_CJK_WORD.search(line)) \
        and not _CARD_HEAD.fullmatch(line)


def _no_card_row(line: str) -> bool:
    """A card's line of no value: a group's name over its rows, or its small table's header."""
    return bool(_CARD_GROUP_LINE.fullmatch(line) or _CARD_HEADER.fullmatch(line))


def _card_row(line: str) -> tuple[str, str] | None:
    """A card's row, its label and value: the value after the label, or in the last of the row's cells (a small table's
    labels over several cells, a merged group's left blank: ⇥（二）部分公开…⇥⇥5)."""
    if len(line) > _LINE_MAX:
        return None
    cells = [cell.strip() for cell in line.split("\t") if cell.strip()]
    if any(re.fullmatch(_VALUE, cell) for cell in cells[:-1]):
        return None  # (a row of several values: a grid's, no card's)
    row = _CARD_ROW.fullmatch(" ".join(cells))
    if row is None or not _names_a_row(row["label"]) or _sentence(row["label"]):
        return None
    return row["label"].strip(_LABEL_END), row["value"]


def _card_rows(lines: list[str]) -> list[tuple[str, str]]:
    """A card's rows, each its label and value; a group's numbered rows under a line naming the group alone
    (（六）其他处理 ␤ 3.其他：0), or under a row naming it (⇥（六）其他处理⇥1.申请人…⇥0), named with it, as the form names
    them (3.其他 alone is a column's name)."""
    rows, group = [], ""
    for line in lines:
        if named := _CARD_GROUP_LINE.fullmatch(line):
            group = named["group"] if named["group"].startswith(("（", "(")) else ""
        elif rows and _card_row(line) is None and _label_goes_on(line) and not _no_card_row(line):
            rows[-1] = (rows[-1][0] + line.strip(), rows[-1][1])
        elif row := _card_row(line):
            label, value = row
            if groups := _CARD_GROUP.findall(label):
                group = groups[-1] if groups[-1].startswith(("（", "(")) else ""
            elif _NUMBERED_ROW.match(label) and group:
                label = f"{group} {label}"
            else:
                group = ""
            rows.append((label, value))
    return rows


_JSON_START = re.compile(r"\s*[{\[]")
_JSON_LINES = 600  # lines one object printed in a page may run over, at most
_JSON_LEAVES_MIN = 5  # named numbers an object holds, at least, to be a table's


# A table exported as records, a cell a line under a header naming their fields (表格,行,列,数值 then 表三,一、本年新收…,
# 自然人,72; parted by tabs; or JSON Lines with those keys): the field each name stands for.
_RECORD_FIELDS = {**dict.fromkeys(("表格", "表", "表号", "表名", "table"), "table"),
                  **dict.fromkeys(("行", "行名", "行标题", "项目", "row"), "row"),
                  **dict.fromkeys(("列", "列名", "列标题", "栏目", "column", "col"), "column"),
                  **dict.fromkeys(("值", "数值", "数据", "数量", "value", "val"), "value")}
_RECORD_ROLES = frozenset({"row", "column", "value"})
# A header's last two fields (…,列,数值 or ⇥column⇥value), or a JSON record's key for a column: a first, cheap look.
_RECORD_LOOK = re.compile(r"(?:列|列名|栏目|column|col)\"?\s*[\t,]\s*\"?(?:值|数值|数据|数量|value|val)\"?\s*$"
                          r"|\"(?:列|column)\"\s*:", re.MULTILINE | re.IGNORECASE)


def _record_roles(fields: list[str]) -> list[str | None] | None:
    """The field each of a header's names stands for, when they name a row, a column and a value at least."""
    roles = [_RECORD_FIELDS.get(field.strip().strip('"').lower()) for field in fields]
    return roles if set(roles) >= _RECORD_ROLES and len(set(filter(None, roles))) == len(list(filter(None, roles))) \
        else None


def _record_line(record: dict[str, str]) -> str:
    """A record as a cell a line: its row's and column's names, then its value after a tab (its table's name left
    out: the row's names the table)."""
    return f"{record['row']} / {record['column']}\t{record['value']}"


def _records(lines: list[str]) -> list[str]:
    """Each record of a table exported as records (``_RECORD_FIELDS``) as a cell a line; other lines as they are."""
    if not _RECORD_LOOK.search("\n".join(lines)):
        return lines  # (nearly every report: one look)
    import csv
    import json

    out: list[str] = []
    roles: list[str | None] | None = None
    delimiter = ","
    for line in lines:
        if line[:1] == "{" and line.rstrip().endswith("}"):
            try:
                record = json.loads(line)
            except (ValueError, RecursionError):  # (nested deeper than Python's decoder goes: no record)
                record = None
            if isinstance(record, dict) and (keys := _record_roles(list(record))):
                out.append(_record_line({role: str(value) for role, value in zip(keys, record.values()) if role}))
                continue
        if (header := _record_header(line)) is not None:
            roles, delimiter = header
            continue
        if roles is not None and line.strip():
            fields = next(csv.reader([line], delimiter=delimiter))
            if len(fields) > len(roles):  # (a label's commas, made ASCII with its brackets: 部分公开(区分处理的,只计…))
                fields = _outside_brackets(line, delimiter)
            if len(fields) == len(roles):
                out.append(_record_line({role: field.strip() for role, field in zip(roles, fields) if role}))
                continue
            roles = None
        out.append(line)
    return out


def _outside_brackets(line: str, delimiter: str) -> list[str]:
    """The line's fields parted by the delimiter where it stands outside brackets."""
    fields, depth, start = [], 0, 0
    for k, char in enumerate(line):
        depth += (char in "(（[【") - (char in ")）]】")
        if char == delimiter and depth <= 0:
            fields.append(line[start:k])
            start = k + 1
    return [*fields, line[start:]]


def _record_header(line: str) -> tuple[list[str | None], str] | None:
    """A header line of records (表格,行,列,数值): the fields' roles and the delimiter; None for any other line."""
    if len(line) > _LINE_MAX:
        return None
    for delimiter in ("\t", ","):
        if delimiter in line and (roles := _record_roles(line.split(delimiter))) is not None:
            return roles, delimiter
    return None


def _json_cells(lines: list[str]) -> list[str]:
    """A table printed as a JSON object in the page (数据导出（JSON）：{"一、本年新收…": {"自然人": 5, …}, …}, on a line or
    over many, keyed by row or by column first): each value as a cell a line naming its keys (一、本年新收… · 自然人：5),
    which the cells' names place whatever their order. Other lines, and objects that do not parse, as they are."""
    if '":' not in "".join(lines):
        return lines  # (nearly every report: one look)
    import json

    out: list[str] = []
    k = 0
    while k < len(lines):
        if _JSON_START.match(lines[k]) and '"' in "".join(lines[k:k + 3]):
            depth, end = 0, k
            while end < len(lines) and end - k < _JSON_LINES:
                depth += lines[end].count("{") + lines[end].count("[") - lines[end].count("}") - lines[end].count("]")
                end += 1
                if depth <= 0:
                    break
            try:
                leaves = json_leaves(json.loads("\n".join(lines[k:end])))
            except (ValueError, RecursionError):  # (nested deeper than Python's decoder goes: no table's cells)
                leaves = []
            if sum(isinstance(value, int | float) for _, value in named_leaves(leaves)) >= _JSON_LEAVES_MIN:
                out += named_lines(leaves)
                k = end
                continue
        out.append(lines[k])
        k += 1
    return out


# A legend of codes (R01 = 一、本年新收政府信息公开申请数量, C02 = 商业企业) and cells named by them (T3-R01-C02: 5).
_LEGEND_ENTRY = re.compile(r"\s*(?P<code>[A-Za-z]{1,2}\d{1,3})\s*[=＝:：]\s*(?P<name>[^\s=＝:：\d][^=＝]{0,80}?)\s*")
_CODED_CELL = re.compile(r"\s*(?P<key>[A-Za-z]{0,2}\d{0,2}(?:[-_.]?[A-Za-z]{1,2}\d{1,3}){2,3})\s*[:：=]\s*(?P<value>.*)")
_CODE = re.compile(r"[A-Za-z]{1,2}\d{1,3}")
_LEGEND_MIN = 5  # entries a legend has, at least


def _decoded(lines: list[str]) -> list[str]:
    """Cells named by codes a legend above them defines (图例：R01 = 一、本年新收…；C01 = 自然人 … then T3-R01-C01: 58),
    each as a cell a line naming its row and column (一、本年新收… · 自然人：58); a later legend redefines its codes
    (table 4's R01 = 行政复议). Lines as they are in a text with no such legend."""
    text = "".join(lines)
    if text.count("=") + text.count("＝") < _LEGEND_MIN:
        return lines  # (nearly every report)
    legend: dict[str, str] = {}
    out: list[str] = []
    entries: set[int] = set()  # the legend's lines, left out where it decoded cells (R01 = …, C01 = …: no table's rows)
    decoded = 0
    for line in lines:
        entry = _LEGEND_ENTRY.fullmatch(line) if len(line) <= 120 and ("=" in line or "＝" in line) else None
        if entry is not None:
            legend[entry["code"].upper()] = entry["name"]
            entries.add(len(out))
        elif len(legend) >= _LEGEND_MIN and (cell := _CODED_CELL.fullmatch(line)):
            names = [legend[code.upper()] for code in _CODE.findall(cell["key"]) if code.upper() in legend]
            if len(names) >= 2:
                out.append(" · ".join(names) + "：" + cell["value"].strip())
                decoded += 1
                continue
        out.append(line)
    return [line for k, line in enumerate(out) if k not in entries] if decoded else out


def relisted(lines: list[str]) -> tuple[list[str], int]:
    """The lines with each table row printed as a list of named values put back as a row (see the
    module's docstring), and how many such rows there were; the lines as they are in any other text.
    A row's values printed apart (a cell a line, column by column) are gathered at its first."""
    lines = _t4_short_rows(_column_cards(_item_lines(_decoded(_json_cells(_records(lines))))))
    text = "\n".join(lines)
    if len(_COLUMN_LINE.findall(text)) >= _COLUMN_LINES_MIN and sum(  # a column a line: made a cell a line first
            1 for line in lines if _COLUMN_LINE.match(line) and not _named_values_only(line)) >= _COLUMN_LINES_MIN:
        lines = _columns_as_cells(lines)
        text = "\n".join(lines)
    written = len(_BREAKDOWN_MARK.findall(text))  # rows as counts with their applicants in brackets
    if (sum(text.count(word) for word in _LISTED_WORDS) < _PAIRS_MIN
            and len(_NAMED_VALUE.findall(text)) < _TABLE_PAIRS_MIN and written < _BREAKDOWN_ROWS_MIN
            and not _REST_OF_TABLE_ZERO.search(text)):
        return lines, 0  # nearly every report: its tables' headers name each column once or twice
    printed, lines = lines, [row for line in _unwrapped_rows(_with_merged_labels(lines)) for part in _breakdown_rows(line)
                             for clause in _pair_clauses(part) for row in _rows_of_sentence(clause)]
    stripped = [line.strip() + ("\t" if line.rstrip(" ").endswith("\t") else "") for line in lines]  # ⇥ a blank cell
    parsed = [_pairs(line) if len(line) <= _LINE_MAX else None for line in stripped]
    # Table 4 printed down a grid, a row per cell (行政复议 ⇥ 结果维持 ⇥ 2, then ⇥ ⇥ 结果纠正 ⇥ 1: its group's merged cell
    # names it once): the table-4 reader reads it by its labels; gathered by name, the groups' rows ran together.
    parsed = [None if pairs is not None and "\t" in line and _table(_Row(*pairs)) == "t4" else pairs
              for line, pairs in zip(stripped, parsed)]
    by_table = collections.Counter()
    for pairs in filter(None, parsed):
        by_table[_table(_Row(*pairs))] += len(pairs[1])
    if by_table.total() < _PAIRS_MIN:  # only table 2 or 4 listed: only its lines are
        alone = {table for table in ("t2", "t4") if by_table[table] >= _TABLE_PAIRS_MIN}
        # (table 4's one group with what is not 0, the rest said 0: 行政复议：结果维持1件，总计1件；其余各项均为0)
        alone |= {"t4"} if by_table["t4"] >= _T4_PAIRS_MIN and _REST_OF_TABLE_ZERO.search(text) else set()
        # (table 3's few rows with what is not 0, the rest said 0 or left to its sums: 予以公开，自然人2件，总计2件)
        rows_of_t3 = sum(1 for pairs in filter(None, parsed) if _table(_Row(*pairs)) == "t3")
        alone |= {"t3"} if written >= _BREAKDOWN_ROWS_MIN or (
            by_table["t3"] >= _TABLE_PAIRS_MIN and rows_of_t3 >= _BREAKDOWN_ROWS_MIN) or (
            by_table["t3"] >= _ROW_PAIRS_MIN and _REST_OF_TABLE_ZERO.search(text)) else set()
        if not alone:
            return printed, 0  # (as printed: no row joined or labelled for a list that is none)
        parsed = [pairs if pairs is not None and _table(_Row(*pairs)) in alone else None for pairs in parsed]
    out: list[str | _Row] = []
    rows: dict[str, _Row] = {}  # by label: a row printed in pieces is one
    card: _Row | None = None
    heading: list[str] = []  # the lines since the last row that name one of the form's rows: a card's heading

    def row_named(label: str, values: list[tuple[str, str]]) -> _Row:
        # (not a header's line, naming values with none under a label of no row: 信息内容 | 本年处理决定数量 over
        # each item of table 2 is no row printed in pieces)
        key = re.sub(r"\s+", "", label) if any(value for _, value in values) or _names_a_row(label) else ""
        if key and key in rows:
            rows[key].values += values
            return rows[key]
        row = _Row(label, list(values))
        if key:
            rows[key] = row
        out.append(row)
        return row

    for line, pairs in zip(lines, parsed):
        if pairs is None:
            if card is not None and _GROUP_LINE.fullmatch(line):
                continue  # 法人或其他组织 over a card's organisation values
            card = None
            out.append(line)
            heading = [*heading, line] if _names_a_row(line) else []
            continue
        label, values = pairs
        if label:
            row_named(label, values)
            card = None
        elif card is not None:
            card.values += values
        else:
            taken = heading[-2:]
            del out[len(out) - len(taken):]
            card = row_named(" ".join(part.strip().lstrip("-*+• ") for part in taken), values)
        heading = []
    out = _with_item_cells(out)
    listed = [item for item in out if isinstance(item, _Row)]
    t3 = [row for row in listed if _table(row) == "t3"]
    in_t3 = {id(row) for row in t3}
    if any(_T3_NAMES.get(name) in _ORGANISATIONS for row in t3 for name, _ in row.values):
        for row in t3:  # (organisations named in some rows: the columns; 法人或其他组织's count of others a sum of them)
            row.values = [(name, value) for name, value in row.values if name not in _T3_GROUP_NAMES]
    printed = {(_T3_NAMES | _T3_GROUP_NAMES)[name] for row in t3 for name, _ in row.values
               if name in _T3_NAMES or name in _T3_GROUP_NAMES}
    lines_out: list[str] = []
    for item in out:
        if t3 and item is t3[0] and printed != {column.id for column in forms.T3_COLUMNS}:
            # a column no row names (总计 left out), or the organisations' one: the header says which the rows print
            lines_out.append("\t" + "\t".join(label for column, label in _T3_LISTED if column in printed))
        lines_out += [item] if isinstance(item, str) else _lines(item, printed if id(item) in in_t3 else None)
    return lines_out, len(listed)


# 第六行 第四列 54 (or 第6行第4列：54): a cell by its row and column; 表格开始，共二十八行十列 / 表格结束 around them.
_NUMERAL = r"[\d一二三四五六七八九十百〇零两]+"
# A merged cell's extent, said before its text (跨3列, （合并三列）, 跨2行3列): the text is its first place's.
_SPAN = rf"[（(]?\s*(?:跨|合并)\s*(?:{_NUMERAL}\s*行\s*)?{_NUMERAL}\s*[行列]\s*[）)]?"
# A screen reader says a cell's row when it changes (第 2 行 第 4 列 自然人), then its column alone (第 5 列 …).
_PLACED = re.compile(rf"\s*(?:第\s*(?P<row>{_NUMERAL})\s*行\s*[，,、]?\s*)?第\s*(?P<column>{_NUMERAL})\s*列"
                     rf"(?:\s*{_SPAN})*\s*[:：]?\s*(?P<text>.*)")
_EMPTY_WORDS = ("空白", "空", "（空白）", "(空白)")  # a screen reader's word for an empty cell
_ROLE_WORDS = frozenset({"单元格", "表头", "列标题", "行标题", "表格单元格"})  # what a screen reader says a cell is
_GRID_MARK = re.compile(r"\s*表格(?:开始|结束)[^\t]{0,30}")
_DIGITS = {c: k for k, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "两": 2}
_PLACED_ROWS_MIN = 5  # rows a text places cells in at least before it is read so (a screen reader names each once)


def _ordinal(text: str) -> int | None:
    """第二十八 → 28: digits, or Chinese numerals below a thousand."""
    if text.isdecimal():
        return int(text) if len(text) <= 6 else None
    total, digit = 0, None
    for char in text:
        if char in _DIGITS:
            digit = _DIGITS[char]
        elif char in "十百":
            total += (1 if digit is None else digit) * (10 if char == "十" else 100)
            digit = None
        else:
            return None
    return total + (digit or 0)


def ungridded(lines: list[str]) -> tuple[list[str], int]:
    """The lines with each run of cells placed by row and column (see the module's docstring) put back as
    the table's rows, and how many cells were; the lines as they are in any other text."""
    if sum(1 for line in lines if "列" in line and (m := _PLACED.fullmatch(line)) and m["row"]) < _PLACED_ROWS_MIN:
        return lines, 0
    out: list[str] = []
    grid: dict[tuple[int, int], str] = {}
    placed = 0
    current = last = 0  # the row the last placed cell named; the grid's last row

    def flush() -> None:
        nonlocal placed
        if grid:
            width = max(column for _, column in grid)
            for row in sorted({row for row, _ in grid}):
                out.append("\t".join(grid.get((row, column), "") for column in range(1, width + 1)).rstrip("\t"))
            placed += len(grid)
            grid.clear()

    k = 0
    while k < len(lines):
        line = lines[k]
        k += 1
        m = _PLACED.fullmatch(line) if "列" in line else None
        row = (_ordinal(m["row"]) if m["row"] else current) if m else None
        column = _ordinal(m["column"]) if m else None
        if row and column and column <= 100:
            if (row, column) in grid or (grid and row < last):
                flush()  # a place named again, or a row before the last: the next table
            text = m.group("text").strip()
            if not text:  # the place said on a line of its own, the cell's text on the next (its role word between)
                while k < len(lines) and lines[k].strip() in _ROLE_WORDS:
                    k += 1
                if k < len(lines) and not ("列" in lines[k] and _PLACED.fullmatch(lines[k])) \
                        and not _GRID_MARK.fullmatch(lines[k]):
                    text, k = lines[k].strip(), k + 1
            grid[(row, column)] = "" if text in _EMPTY_WORDS else text.replace("\t", " ")
            current = last = row
        elif _GRID_MARK.fullmatch(line):
            flush()
            current = 0
        else:
            flush()
            current = 0
            out.append(line)
    flush()
    return out, placed


_PIPED_CELL = re.compile(r"\s*\|\s*(?P<cell>[^|\s][^|]*?)\s*")
_PIPED_ROWS_MIN = 5  # rows of piped cells, at least, for a text to be read so


def unpiped(lines: list[str]) -> tuple[list[str], int]:
    """The lines with each run of two piped cells or more that a blank line, a pipe alone or the text's end closes put
    back as a row (| 行政许可 | 18 | 0 | 412 |), and how many rows were; the lines as they are in any other text."""
    if sum(1 for line in lines if "|" in line and line.count("|") == 1) < 2 * _PIPED_ROWS_MIN:
        return lines, 0  # (most texts: one look at each line)
    out: list[str] = []
    cells: list[str] = []
    rows = 0

    def close(closing: bool) -> None:
        nonlocal rows
        if len(cells) > 1 and closing:
            out.append("| " + " | ".join(cells) + " |")
            rows += 1
        else:
            out.extend(f"| {cell}" for cell in cells)  # (one cell, or cells no line closes: as they were)
        cells.clear()

    for line in lines:
        if m := _PIPED_CELL.fullmatch(line):
            cells.append(m["cell"])
            continue
        closing = line.strip() in ("", "|")
        close(closing)
        if not (closing and line.strip() == "|" and out and out[-1].endswith(" |")):
            out.append(line)
    close(True)
    return (out, rows) if rows >= _PIPED_ROWS_MIN else (lines, 0)
