"""Tables 2, 3 and 4: printed rows to form cells, with every status explained.

Rows are matched to the form by order and label; columns are the form's, in its order, unless
a header names them unmistakably otherwise (``columns``). What a text layout broke (digits run
together, numbers displaced into a neighbouring cell, blanks dropped) is put back only when
exactly one reading satisfies the form's identities; otherwise the cells say ``ambiguous`` and
list candidates.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from typing import NamedTuple

from .. import forms, limits
from ..codebook import identity_zh, label_zh, labels
from ..forms import GOV_2019, GOV_2021, PRE_2019, Identity, Row
from ..limits import MAX_NUMBER_DIGITS
from .columns import (
    T3_ORDER,
    column_year,
    names_t4_part,
    t3_column_names,
    t3_column_sequence,
    t3_columns,
    t4_cell_named,
    t4_columns,
    t4_group_named,
    t4_groups_named,
    t4_result,
    t4_results_in,
    t4_turned_groups,
)
from .layout import (
    BADGED,
    COUNT_UNIT,
    DASH_OR_ONE,
    FILL_IN,
    LETTERED,
    MONEY_UNIT,
    NONE_STATEMENT,
    NONE_WORDS,
    PLACEHOLDER,
    ROW_START,
    SECTION_HEADINGS,
    SPACE_GROUPED,
    SPELLED_NOTE,
    SPREADSHEET_ERROR,
    SPREADSHEET_FORMULA,
    SYMBOL_CELL,
    ZERO_GLYPHS,
    Layout,
    ValueRow,
    delimiter,
    glyph_digits,
    glyph_reading,
    is_value_cell,
    label_core,
    leading_zero_reading,
    line_cells,
    misread_glyphs,
    none_with_unit,
    several_numbers,
    spelled_number,
    wrapped_number,
)
from .reading_order import filled_grid, grid_of_runs, lone_number_runs, lone_numbers
from .solver import (
    SOLUTION_LIMIT,
    Choice,
    SearchTooLarge,
    best_effort,
    blank_insertions,
    propagate,
    search,
    split_runs,
)
from .solver import (
    status as identity_status,
)
from .spaced import with_spaced_blanks

TABLE_ZH = {"t2": "表二", "t3": "表三", "t4": "表四"}
_KIND = {c.id: c.kind for t in (GOV_2021, GOV_2019) for c in forms.cells(t)}
# A number in brackets: in a change cell a decrease, as accounting formats print it ((3) is -3); in a count's
# cell a reading the sums may take (（2）).
_IN_BRACKETS = re.compile(r"[(（]\s*(\d+)\s*[)）]")
STATUSES = ("reported", "none", "blank", "missing", "repaired", "ambiguous", "inferred")


@dataclass
class CellValue:
    value: int | float | None
    raw: str | None
    status: str
    note: str | None = None
    candidates: list[int | float | None] | None = None
    unit: str | None = None  # money cells: the unit the amount is printed in

    def as_json(self) -> dict:
        out: dict = {"value": self.value, "raw": self.raw, "status": self.status}
        if self.note:
            out["note"] = self.note
        if self.candidates is not None:
            out["candidates"] = self.candidates
        if self.unit:
            out["unit"] = self.unit
        return out


@dataclass
class Tables:
    cells: dict[str, CellValue] = field(default_factory=dict)
    warnings: list[dict] = field(default_factory=list)
    t3_layout: str | None = None  # the table-3 row set printed, when it differs from the form

    def warn(self, code: str, message: str, **extra) -> None:
        self.warnings.append({"code": code, "message": message, **extra})


# Commas only as thousands separators: "1,2" may be a list or a decimal comma, never 12.
_PRINTED_NUMBER = re.compile(r"(?P<n>[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(?:(?P<unit>万元|亿元|千元|元)|"
                             r"(?P<count>" + COUNT_UNIT + "))?")


def parse_cell(raw: str) -> CellValue:
    """One printed cell: a number (with the money unit it was printed with),
    a worded zero, a blank, or text that is no number (never guessed)."""
    if ("*" in raw or "_" in raw) and (strong := _STRONG.fullmatch(raw.strip())):
        return replace(parse_cell(strong["inner"]), raw=raw)  # **52**: Markdown's bold in a pipe table's cell
    if DASH_OR_ONE in raw and raw.strip() == DASH_OR_ONE and _NUMERALS_PRINTED.get():
        return CellValue(1, raw, "reported", f"{SPELLED_NOTE}（表中其他数字也以汉字印出）")
    if (order := _PAIRS_PRINTED.get()) is not None and (pair := _PAIR.fullmatch(raw.strip())):
        shown = "上年/本年" if order else "本年/上年"
        this_year = pair[order + 1]
        return CellValue(int(this_year) if this_year.isdecimal() else float(this_year), raw, "reported",
                         f"格中印出两年的数（“{raw.strip()}”），表头说明是“{shown}”：取{'后' if order else '前'}一个，本年的数")
    if not raw.isdigit() and (legend := _LEGEND.get()) and (meaning := legend.get(raw.strip())):
        value, words = meaning
        if value is None:
            return CellValue(None, raw, "blank", f"表下说明“{raw.strip()}”表示{words}：这一格没有数")
        return CellValue(0, raw, "none", f"表下说明“{raw.strip()}”表示{words}，读作 0")
    if _BRACKETS_CORRECTED.get() and (bracketed := _CORRECTION_BRACKETED.fullmatch(raw.strip())):
        return CellValue(int(bracketed["corrected"]), raw, "reported",
                         f"表下注明括号内为更正后的数：原印 {bracketed['printed']}，更正为 {bracketed['corrected']}")
    value, status, note, unit, candidates = _read_cell(raw)
    return CellValue(value, raw, status, note, list(candidates) if status == "ambiguous" else None, unit)


_STRONG = re.compile(r"(?P<mark>\*\*|__)\s*(?P<inner>[^*_]+?)\s*(?P=mark)")


# Whether the table being read says the figure in a cell's brackets is the corrected one (8（9）under 注：括号内数字为更正后
# 数据): the cell's value is the bracket's, not the figure before it, as it is in other tables (last year's, a change).
_BRACKETS_CORRECTED: ContextVar[bool] = ContextVar("brackets_corrected", default=False)
_CORRECTED_NOTE = re.compile(r"括号(?:内|中|里)的?(?:数字|数据|数)?(?:为|是|系)(?:经?复核)?更正后")
_CORRECTION_BRACKETED = re.compile(r"(?P<printed>\d{1,9})\s*[(（]\s*(?P<corrected>\d{1,9})\s*[)）]")


# What the marks in the table being read mean, as a legend under it (or under another, said of all) says: 注：表中“∅”表示无；
# “○”表示该项未统计 (set by ``read_tables`` for each table): mark → (0, or None where no number applies; the legend's words).
_LEGEND: ContextVar[dict[str, tuple[int | None, str]] | None] = ContextVar("legend", default=None)
_LEGEND_LINE = re.compile(r"^\s*[(（]?\s*(?:注|说明|备注|附注|图例|填表说明)\s*\d?\s*[:：]")
# A legend's clause: a mark (quoted, or a few signs that are no words) and what it stands for.
_LEGEND_CLAUSE = re.compile(r"(?:[“\"「‘'](?P<quoted>[^”\"」’'\n]{1,6})[”\"」’']|(?<![^\s:：，,；;、])(?P<bare>[^\s\u4e00-\u9fff"
                            r"“”\"「」:：，,；;。()（）]{1,5}))[^，,；;。“\"「]{0,6}?(?:表示|代表|意为|即为|指)"
                            r"(?P<words>[^，,；;。“\"「()（）]{1,24})")
_MEANS = re.compile(r"表示|代表|意为|即为|指")  # (a legend's verb: a report without one has no legend, one look)
_NOT_APPLICABLE = re.compile(r"不适用|未统计|无此项|不涉及|未填报|缺失|暂缺|无法统计|不掌握|未开展")
_NONE_MEANT = re.compile(r"^(?:该项|此项|数量|数值|数据|本项)?(?:为|是)?(?:无|零|0|没有|空)|(?:为|是)(?:零|0)$|数量为零|数值为零")


def legend_marks(text: str) -> dict[str, tuple[int | None, str]]:
    """The marks a legend in ``text`` gives a meaning (注：“○”表示无，“×”表示不适用): a legend's line only, a mark
    that no one number is (a legend never says what 5 means)."""
    out: dict[str, tuple[int | None, str]] = {}
    for line in text.splitlines():
        if not _LEGEND_LINE.match(line):
            continue
        for m in _LEGEND_CLAUSE.finditer(line):
            mark, words = (m["quoted"] or m["bare"]).strip(), m["words"].strip()
            if not mark or _DIGITS.fullmatch(mark):
                continue
            either = re.split(r"或者?", words)
            if (not_applicable := _NOT_APPLICABLE.search(words)) and not (
                    len(either) > 1 and any(_NONE_MEANT.search(w) and not _NOT_APPLICABLE.search(w) for w in either)):
                out[mark] = (None, not_applicable.group())
            elif _NONE_MEANT.search(words):  # (无此项数据或数量为零: a count of none either way, as a dash is read)
                out[mark] = (0, "无")
    return out


def _agreed_legend(layout: Layout) -> dict[str, tuple[int | None, str]]:
    """The marks the report's legends explain wherever they stand, each mark the one meaning they agree on."""
    found: dict[str, tuple[int | None, str]] = {}
    disputed: set[str] = set()
    if not _MEANS.search("\n".join(layout.lines)):
        return found
    for line in layout.lines:
        if _LEGEND_LINE.match(line):
            for mark, meaning in legend_marks(line).items():
                if found.setdefault(mark, meaning)[0] != meaning[0]:
                    disputed.add(mark)
    return {mark: meaning for mark, meaning in found.items() if mark not in disputed}


def _table_legend(layout: Layout, table: str,
                  everywhere: dict[str, tuple[int | None, str]]) -> dict[str, tuple[int | None, str]]:
    """The marks the table's own legend explains, over what the report's legends say elsewhere where they agree
    (注：表中“○”表示无，下同 under table 2 serves table 3 too); a mark legends give two meanings is left to its own."""
    return {**everywhere, **legend_marks(layout.region_text(table))}


# Which of a cell's two numbers is the report year's (0 the first, 1 the second) when the tables print each cell as
# this year's and last year's (22/16 under 申请人情况（本年/上年）), as their header says; None for other tables.
_PAIRS_PRINTED: ContextVar[int | None] = ContextVar("pairs_printed", default=None)
_PAIR = re.compile(r"(\d{1,9}(?:\.\d{1,6})?)\s*[/／]\s*(\d{1,9}(?:\.\d{1,6})?)")  # (a fee's: 237.22/229.43)
_YEAR_WORD = r"(本年度?|今年|上年度?|去年|(?:19|20)\d{2}\s*年度?)"
_PAIR_HEADER = re.compile(_YEAR_WORD + r"(?:数据?)?\s*[/／]\s*" + _YEAR_WORD)
# (or a note saying so: 单位：件（“/”前为2023年数据，后为2022年数据）)
_PAIR_NOTE = re.compile(r"[“\"「]?[/／][”\"」]?\s*(?:之)?前(?:为|是|的数?为)?\s*" + _YEAR_WORD + r"[^，,；;。）)]{0,6}[，,；;]\s*"
                        r"(?:之)?后(?:为|是|的数?为)?\s*" + _YEAR_WORD)


def _pair_order(layout: Layout) -> int | None:
    """Where the report year's number stands in a cell printing two years' (0 or 1), as a header of the tables says
    (本年/上年, 2024年/2023年: the later year is the report's); None when no header says so."""
    text = "\n".join(layout.region_text(table) for table in ("t2", "t3", "t4"))
    for m in itertools.chain(_PAIR_HEADER.finditer(text), _PAIR_NOTE.finditer(text)):
        ranks = [2 if word.startswith(("本年", "今年")) else 0 if word.startswith(("上年", "去年"))
                 else 1 + int(re.sub(r"\D", "", word)) for word in (m[1], m[2])]
        if ranks[0] != ranks[1] and (0 in ranks or min(ranks) > 2):
            return ranks.index(max(ranks))
    return None


# Whether the tables being read print their counts in Chinese numerals (二十三, or 〇 and 零 for 0): there 一 alone is
# 1, one of them, not a dash (set by ``read_tables`` for one report's tables).
_NUMERALS_PRINTED: ContextVar[bool] = ContextVar("numerals_printed", default=False)


@lru_cache(maxsize=4096)
def _read_cell(raw: str) -> tuple[int | float | None, str, str | None, str | None, tuple]:
    """``parse_cell``'s reading as (value, status, note, unit, candidates): the same few printed cells
    (0, 无, small counts) fill every report, so readings are remembered, a new cell made each time."""
    if m := _RAISED_DIGITS.fullmatch(raw.strip()):
        joined = m["n"] + m["raised"].translate(_LOWERED)
        return (None, "ambiguous", f"数字后的上标“{m['raised']}”可能是脚注标记（读作 {int(m['n'])}），也可能是数字的一部分"
                f"（读作 {int(joined)}），勾稽关系无法确认，未作选择", None, (int(m["n"]), int(joined)))
    value, status, note, unit = _read_number(raw)
    if raw.strip() == DASH_OR_ONE:
        return None, "ambiguous", "“一”可能是汉字数字 1，也可能是表示无的横线，未作选择", None, (0, 1)
    if status == "ambiguous" and (glyphs := glyph_reading(raw)) is not None:
        return (None, status, f"印出的字可能是形近的数字（按字形读作 {glyphs}），勾稽关系无法确认，未作选择", None,
                (glyphs,))
    if status == "ambiguous" and (number := leading_zero_reading(raw)) is not None:
        return (None, status, f"以 0 开头的多位数（读作 {number}）也可能是数字拆开或表格线被认成了数字，勾稽关系无法确认，"
                "未作选择", None, (number,))
    if status == "ambiguous" and (stopped := _stop_after_count(raw)) is not None:
        return (None, status, f"数字后多印了“{raw.strip()[-1]}”（读作 {stopped}），也可能是认错的字，勾稽关系无法确认，"
                "未作选择", None, (stopped,))
    if status == "ambiguous" and (joined := wrapped_number(raw)) is not None:
        return (None, status, f"格内的数字可能折成了几行（连读作 {joined}），也可能是几格连在一起，勾稽关系无法确认，"
                "未作选择", None, (joined,))
    if status == "ambiguous" and (m := _MARKED.fullmatch(raw.strip())):
        number = int(m["n"] or m["after"])
        readings = (number,) if m["n"] else tuple(dict.fromkeys((number, -number)))  # (~2: a mark, or a minus misread)
        return (None, status, f"数字带有记号（“{raw.strip()}”，读作 {number}），记号的含义不明，勾稽关系无法确认，未作选择",
                None, readings)
    return value, status, note, unit, ()


# A count with raised digits after it: a footnote's mark (27¹) or the number's own last digits a page set in <sup> by
# mistake (2¹⁶ for 216): two readings, the identities decide.
_RAISED_DIGITS = re.compile(r"(?P<n>\d{1,9})(?P<raised>[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})")
_LOWERED = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
# A count with a mark beside it that a note may explain (4+, 0~, ~0: a cross-year case, an export's residue; a footnote's
# mark, 1※ or 3*, is read as such before): only a reading, the identities decide.
_MARKED = re.compile(r"(?P<n>\d{1,9})\s*[+＋~～]{1,2}|[~～]\s*(?P<after>\d{1,9})")


def _read_number(raw: str) -> tuple[int | float | None, str, str | None, str | None]:
    """A cell as (value, status, note, unit): a number however printed, a worded zero, a blank, or unsure."""
    text = raw.strip()
    if not text:
        return None, "blank", None, None
    if FILL_IN.fullmatch(text):  # (before the words for none: ——（待填） is no dash for none)
        return None, "ambiguous", f"这一格印出的是模板留下的“{text}”（待填写），没有印出数字", None
    if text in NONE_WORDS or none_with_unit(text):
        return 0, "none", "以文字表示，读作 0", None
    if len(text) <= 40 and NONE_STATEMENT.fullmatch(text):
        return 0, "none", "以文字说明没有（合并单元格中的说明），读作 0", None
    if text in ZERO_GLYPHS:
        return 0, "reported", None, None
    if SYMBOL_CELL.fullmatch(text):
        return _mark_reading(text)
    if spelled := spelled_number(text):
        value, status, note, unit = _read_number(spelled[0])
        return value, status, note or spelled[1], unit
    if text[0] in ".．" and _BARE_FRACTION.fullmatch(text):
        text = "0." + text[1:]  # (.35: a fee typed without its 0)
    if "E" in text.upper() and (scientific := _SCIENTIFIC.fullmatch(text)):
        return _scientific_reading(scientific)
    if (badged := BADGED.fullmatch(text)) is not None:  # (7 新, 5 ↗: a page's badge or trend icon after the figure)
        value, status, note, unit = _read_number(badged["figure"])
        if status == "reported" and note is None:
            return value, status, f"数字后的“{badged['badge']}”是页面加的标记，不是数的一部分", unit
    m = _PRINTED_NUMBER.fullmatch(text)
    if m is None and SPREADSHEET_ERROR.fullmatch(text):
        return None, "ambiguous", f"表格软件在这一格印出“{text}”（公式错误或栏宽不够），没有印出数字", None
    if m is None and SPREADSHEET_FORMULA.fullmatch(text):
        return None, "ambiguous", f"这一格印出的是公式“{text}”，没有印出它算得的数字", None
    if m is None and PLACEHOLDER.fullmatch(text):
        return None, "ambiguous", f"这一格印出的是程序或模板留下的“{text}”，没有印出数字", None
    if m is None:
        return None, "ambiguous", "印出的文字无法读作一个数字", None
    number = m.group("n").replace(",", "")
    whole = number.split(".")[0].lstrip("-+")
    if len(whole) > 1 and whole.startswith("0"):
        return None, "ambiguous", "以 0 开头的多位数不是印出的数字，可能是数字拆开或表格线被认成了数字", None
    if len(whole) > MAX_NUMBER_DIGITS:
        return None, "ambiguous", f"数字超过 {MAX_NUMBER_DIGITS} 位，不可能是计数，无法读出", None
    if m.group("count") and ("." in number or number.startswith(("-", "+"))):
        return None, "ambiguous", "件数印有小数或正负号，无法读作一个计数", None
    value: int | float = float(number) if "." in number else int(number)
    return value, "reported", None, m.group("unit")


_BARE_FRACTION = re.compile(r"[.．]\d{2}")
_STRAY_STOPS = "、。"  # what a typist may leave after a count in its cell, as after an item of a list


def _stop_after_count(raw: str) -> int | float | None:
    """The count a cell printing a stop after it reads as (174、 and 11。: typed as after a list's item); None for any
    other cell. Only a reading: in a scan's text the stop may be a speck or a misread digit, and the sums decide."""
    text = raw.strip()
    if len(text) < 2 or text[-1] not in _STRAY_STOPS:
        return None
    value, status, _, _ = _read_number(text[:-1])
    return value if status == "reported" else None


# A number a spreadsheet shows in scientific notation (1.443E+03, 1.2E+05): what it prints of the number's digits.
_SCIENTIFIC = re.compile(r"(?P<whole>\d)(?:\.(?P<fraction>\d+))?[Ee]\+?(?P<exponent>\d{1,2})")


def _scientific_reading(m: re.Match[str]) -> tuple[int | float | None, str, str | None, str | None]:
    """A number in scientific notation: the number it prints where its digits reach the units (1.443E+03 is 1443, 3.5E+00
    3.5); unsure where they stop short of them (1.2E+05: any count from 115000 to 124999 shows so)."""
    fraction, exponent = m["fraction"] or "", int(m["exponent"])
    if len(fraction) < exponent:
        return None, "ambiguous", (f"表格软件以科学计数法印出“{m.group()}”，只印出 {1 + len(fraction)} 位有效数字，"
                                   "个位数不明，无法读出"), None
    digits = m["whole"] + fraction
    whole, decimals = digits[:exponent + 1], digits[exponent + 1:].rstrip("0")
    value: int | float = float(f"{whole}.{decimals}") if decimals else int(whole)
    return value, "reported", f"表格软件以科学计数法印出“{m.group()}”，读作 {value}", None


_MARK_NOT_APPLICABLE = frozenset({"不适用", "N/A", "n/a", "NA", "未统计", "不涉及", "缺", "待统计", "另行统计", "暂无数据"})
_MARK_SOME = "若干"  # "some": a count not given
_MARK_NONE = frozenset({"-0-", "nil", "Nil", "NIL", "∅", "Ø", "ø"})


def _mark_reading(mark: str) -> tuple[int | float | None, str, str | None, str | None]:
    """A mark in a cell that no legend explains: words that say no number applies (不适用, N/A, 未统计) a blank, marks
    of none by convention (∅, -0-, nil) 0; any other (×, …, ●) unsure, as it may mean either."""
    if mark in _MARK_NOT_APPLICABLE:
        return None, "blank", f"印出“{mark}”：这一项没有数（不适用或未统计）", None
    if mark in _MARK_NONE:
        return 0, "none", f"以符号“{mark}”表示无，读作 0", None
    if mark == _MARK_SOME:
        return None, "ambiguous", f"印出“{mark}”，格中没有数字", None
    return None, "ambiguous", f"印出符号“{mark}”，表下没有说明它表示无还是不适用，未作选择", None


# --- runs with signs, decimals and units ---------------------------------------

_PIECE = {
    "count": re.compile(r"0|[1-9]\d*"),
    "change": re.compile(r"-?(?:0|[1-9]\d*)"),
    "money": re.compile(r"(?:0|[1-9]\d*)(?:\.\d{1,2})?"),
}
_RUN_LIMIT = 2_000


def split_signed_runs(tokens: list[str], kinds: tuple[str, ...]) -> list[tuple[int | float, ...]] | None:
    """Every reading of printed tokens as one cell each of ``kinds``, where the
    text ran cells together: a space or a sign starts a cell, a decimal point
    stays inside its cell (money only), a sign only fits a 本年增/减 cell.
    ``1530-4212`` as count, change, count reads 1530|-4|212, 1530|-42|12 or
    1530|-421|2. None when there are too many readings to list."""
    segments: list[str] = []
    for token in tokens:
        body = MONEY_UNIT.sub("", token.replace(",", "")).strip()
        segments += [p for p in re.split(r"(?=-)", body) if p]
    size = len(kinds)
    out: list[tuple[int | float, ...]] = []
    cells: list[int | float] = []
    steps = [limits.current().search_steps]  # counted in steps tried, not readings found

    def place(seg: int, pos: int) -> bool:
        if seg == len(segments):
            if len(cells) == size:
                out.append(tuple(cells))
            return len(out) <= _RUN_LIMIT
        if len(cells) >= size:
            return True
        text = segments[seg]
        pattern = _PIECE.get(kinds[len(cells)], _PIECE["count"])
        # A cell longer than any count (plus sign, point and two decimals) cannot be one.
        for end in range(pos + 1, min(len(text), pos + MAX_NUMBER_DIGITS + 4) + 1):
            steps[0] -= 1
            if steps[0] < 0:
                return False
            piece = text[pos:end]
            if not pattern.fullmatch(piece) or (end < len(text) and text[end] == "."):
                continue
            cells.append(float(piece) if "." in piece else int(piece))
            ok = place(seg + 1, 0) if end == len(text) else place(seg, end)
            cells.pop()
            if not ok:
                return False
        return True

    if not segments or any(not re.fullmatch(r"-?[\d.]+", p) for p in segments):
        return []
    return out if place(0, 0) else None


# --- template ----------------------------------------------------------------


def form_structure(layout: Layout) -> bool:
    """The prescribed tables' shape: table 3 as rows of seven applicant
    columns, or table 4 as fifteen numbers (or three groups of five)."""
    t3_rows = sum(1 for r in layout.rows("t3") if len([c for c in r.cells if c.strip()]) >= 6)
    t4_sizes = [len([c for c in r.cells if c.strip()]) for r in layout.rows("t4")]
    return t3_rows >= 5 or any(n >= 15 for n in t4_sizes) or sum(1 for n in t4_sizes if n == 5) >= 3


def form_sections(layout: Layout, sections: tuple[str, ...] = ("t3", "t4")) -> bool:
    """Whether the text prints the form's own headings of these sections; by default table 3's and table 4's
    (三、收到和处理政府信息公开申请情况, 四、政府信息公开行政复议、行政诉讼情况), new with the 2019 form: a report
    printing them follows the form even when its tables cannot be read (pasted as pictures)."""
    return all(any(SECTION_HEADINGS[t].search(line) for line in layout.lines) for t in sections)


# The notices that prescribed the forms, cited by a report that follows one (按照…国办公开办函〔2021〕30号…要求编制):
# so it does though no table of it is read (a page of the report, tables pasted as pictures).
_FORM_NOTICE = re.compile(r"国办公开办函\s*[〔\[［（(]\s*20(?:19|21)\s*[〕\]］）)]\s*(?:60|30)\s*号")


_BOTH_FORMS = 3  # each form's own labels, at least, of tables that print both (last year's on the old form): the year's


def detect_template(layout: Layout, year: int | None) -> tuple[str, str]:
    """The form a report uses, from its own labels and structure; the year only
    tells the two forms apart when their labels do not, or when the tables print both forms' labels (a 2021
    report with last year's tables on the 2019 form beside its own).
    Returns the template and what decided it: "labels", "no form" or "year".

    A table without the prescribed form's labels or shape (a pre-2019
    信息公开情况统计表 of 主动公开政府信息数, 行政复议数 …) is not the form."""
    if year is not None and year < 2019 and not form_structure(layout):
        return PRE_2019, "no form"  # a report of before the form that speaks its words (本年新收…) in prose
    text = label_core(layout.region_text("t2") + layout.region_text("t3") + layout.region_text("t4"))
    if (year or 0) >= 2021 and any(marker in label_core(layout.region_text("t3")) for marker in forms.T3_2021_MARKERS):
        return GOV_2021, "labels"  # (table 3 on the year's form, table 2 on the old one's: 本年新制作数量 …)
    hits = {t: sum(1 for marker in markers if marker in text) for t, markers in forms.FORM_MARKERS.items()}
    if hits[GOV_2021] != hits[GOV_2019] and (year is None or year < 2019 or min(hits.values()) < _BOTH_FORMS):
        return (GOV_2021 if hits[GOV_2021] > hits[GOV_2019] else GOV_2019), "labels"
    shared = sum(1 for marker in forms.SHARED_MARKERS if marker in text)
    if shared < 3 and not form_structure(layout) and not ((year or 0) >= 2019 and (
            form_sections(layout) or any(_FORM_NOTICE.search(line) for line in layout.lines))):
        return PRE_2019, "no form"
    return (GOV_2021 if (year or 0) >= 2021 else GOV_2019), "year"


# --- fitting printed cells to form cells --------------------------------------


def fit(cells: list[str], size: int) -> list[str]:
    """Drop the empty cells a grid pads rows with, down to the form's width."""
    out = list(cells)
    while len(out) > size and not out[-1].strip():
        out.pop()
    while len(out) > size and not out[0].strip():
        out.pop(0)
    return out


def _fit_as_its_width(slot: _Slot, slots: list[_Slot]) -> list[str]:
    """A delimited row's cells down to the form's width, where it prints one cell more with both ends empty (a blank
    last cell, or its label's spare column first): the end the table's full rows of its width leave empty dropped
    (| 16 | 2 | 0 | 0 | 0 | 1 | ␣ | under rows | ␣ | 0 | … | 0 |: the total blank, not 自然人), else ``fit``'s."""
    row, size = slot.row, len(slot.ids)
    cells = row.cells
    if not row.delimited or len(cells) != size + 1 or cells[0].strip() or cells[-1].strip():
        return fit(cells, size)
    ends = Counter("first" if not other.row.cells[0].strip() else "last"
                   for other in slots if other is not slot and other.row is not None and other.row.delimited
                   and other.row.width == row.width and len(other.row.cells) == size + 1
                   and sum(1 for c in other.row.cells if c.strip()) == size)
    return cells[1:] if ends["first"] > ends["last"] else fit(cells, size)


def _ends_at_the_grid_s_edge(slots: list[_Slot], identities: list[Identity]) -> bool:
    """Whether a table's rows are one grid's, each row's values its last cells: every row delimited and of one width
    (a Word table's, a 序号 column and label columns before its values), and each row filled to its end keeping its
    own sums there (its blanks as zeros), two at least. A row leaving zeros blank (| 2 | 二、上年结转… | ∅ | ∅ | 0 | 0 | ∅ |
    ∅ | 0 | 0 | ∅ |) is then read where the grid puts its cells, not its label's spare cells taken for values."""
    rows = [slot for slot in slots if slot.row is not None]
    if len(rows) < 3 or len({(slot.row.delimited, slot.row.width) for slot in rows}) != 1 or not rows[0].row.delimited \
            or any(len(slot.row.cells) < len(slot.ids) or any(c.strip() for c in slot.row.cells[:-len(slot.ids)])
                   for slot in rows):
        return False  # (nor when a row prints a value before its last cells: a padded end, | 8 | 0 | … | 8 | ∅ |)
    kept = 0
    for slot in rows:
        window = slot.row.cells[-len(slot.ids):]
        if not window[0].strip() or not window[-1].strip():
            continue
        values = [parse_cell(c).value if c.strip() else 0 for c in window]
        local = _local(identities, slot.ids)
        if not local or any(v is None for v in values):
            continue
        if any(sum(values[i] for i in parts) != sum(values[i] for i in whole) for parts, whole in local):
            return False
        kept += 1
    return kept >= 2


def _local(identities: list[Identity], ids: tuple[str, ...]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """A row's own identities, as positions within the row."""
    pos = {c: i for i, c in enumerate(ids)}
    return [
        (tuple(pos[c] for c in i.parts), tuple(pos[c] for c in i.whole))
        for i in identities
        if i.whole[0] in pos and all(c in pos for c in i.cells)  # most sums end in another row or column
    ]


@dataclass
class _Slot:
    ids: tuple[str, ...]
    row: ValueRow | None
    grid: list[str] | None = None  # a row wider than the table's others: its values where the grid puts them


def _candidates(values: list) -> list:
    seen: list = []
    for v in values:
        if v not in seen:
            seen.append(v)
    return sorted(seen, key=lambda v: (v is None, v if v is not None else 0))


def read_table(slots: list[_Slot], identities: list[Identity], out: Tables, table: str, keep: str = "last") -> None:
    """Fill the cells of one table from its printed rows, repairing what the
    identities settle uniquely and marking the rest ambiguous."""
    fixed: dict[str, int | float | None] = {}
    absent: set[str] = set()
    _regroup_displaced_runs(slots, identities)
    runs: list[tuple[_Slot, list[str]]] = []
    displaced: list[tuple[str, list[int], str]] = []
    aligned: list[tuple[_Slot, list[list[str]]]] = []
    # Numbers displaced into one cell (PDF text) fill blanks of their column:
    # such a table keeps one alignment per row, the cells the text shows.
    displacing = any(several_numbers(c) for slot in slots if slot.row for c in slot.row.cells)
    blank_columns = _blank_columns(slots) if displacing else set()
    extra_columns = _extra_columns(slots, identities, keep)
    subtotal, a_sum = _extra_column(slots, identities) if extra_columns else (None, False)
    # one row wider than every other (rows of text with their labels in more or fewer cells vary in width
    # among themselves; a web row with an extra cell stands alone): the others' widest is the grid's
    widths = Counter(slot.row.width for slot in slots if slot.row is not None and slot.row.delimited)
    widest = max(widths, default=0)
    usual_width = max((w for w in widths if w < widest), default=0) if widths[widest] == 1 else widest
    zeros_blank = _leaves_zeros_blank(slots)
    grid_ends = not displacing and _ends_at_the_grid_s_edge(slots, identities)
    window_of_width = _windows_by_width(slots, identities)
    lost_lines: list[tuple[_Slot, list[str]]] = []  # rows read as a lost column line's only if every sum then holds
    for slot in slots:
        if slot.row is None:
            absent.update(slot.ids)
            for cell in slot.ids:
                out.cells[cell] = CellValue(None, None, "missing")
            continue
        windows = [_fit_as_its_width(slot, slots)] if displacing else (
            [slot.row.cells[-len(slot.ids):]] if grid_ends else alignments(slot.row.cells, len(slot.ids)))
        if _BLANKS_ZERO.get() and slot.row.delimited and 0 < len(slot.row.cells) < len(slot.ids) \
                and not slot.row.cells[0].strip():
            windows = [[*slot.row.cells, *[""] * (len(slot.ids) - len(slot.row.cells))]]  # (a sheet's row, its
            # empty cells written out from its first to its last value, the empty end cut: it stands from the left)
        if not displacing and (gridded := _on_the_grid(slot, usual_width)) is not None and all(
                [parse_cell(c).value for c in gridded] != [parse_cell(c).value for c in w] for w in windows):
            windows.append(gridded)
            slot.grid = gridded
        if len(windows) > 1 and not slot.grid and zeros_blank:
            windows = _zero_blank_alignment(windows, _local(identities, slot.ids)) or windows
        if len(windows) > 1:
            aligned.append((slot, windows))
            for cell in slot.ids:  # decided with the identities below; not a blank to fill meanwhile
                fixed[cell] = None
                out.cells[cell] = CellValue(None, None, "ambiguous")
            continue
        printed = windows[0] if windows else fit(slot.row.cells, len(slot.ids))
        left_out = None
        if subtotal is not None and len(printed) == len(slot.ids) + 1:
            left_out = printed.pop(subtotal).strip()
            out.warn("extra_values", f"{table}: row '{slot.row.label or slot.row.extra_label}' prints its value "
                     f"{subtotal + 1} ({left_out}), " + ("the sum of the values before it, " if a_sum else "")
                     + "in a column the form does not have (" + ("合计" if a_sum else "taken out, every row of its width "
                     "keeps its own sums: 上年合计, a 小计") + "); it is left out", line=slot.row.line + 1)
        if len(slot.ids) < len(printed) <= 2 * len(slot.ids) and _all_zero(printed):
            printed = printed[:len(slot.ids)]  # 0 merged over a grid's columns (a cell of 0 for all): 0 whichever
        if len(printed) > len(slot.ids) and (joined := _spaced_in_a_cell(slot, printed, identities)) is not None:
            printed = joined
            out.warn("spaced_numbers", f"{table}: row '{slot.row.label or slot.row.extra_label}' prints a number "
                     "with a space inside its cell (2 4 for 24): its tokens are grouped into the form's cells as "
                     "only one grouping keeps the row's own sums", line=slot.row.line + 1)
        if len(printed) > len(slot.ids):
            size = len(slot.ids)
            # Twice a row of table 3 or 4 or more are several rows' or columns' run together (a column block of
            # plain pdftotext, 20 values a line each under a header word): whichever seven keep their sums, by
            # chance. (A row of table 2 prints its one value in each cell it spans: 13021 | 13021 | 13021.)
            run_together = table != "t2" and len(printed) > 2 * size and not _total_then_its_parts(printed, size)
            which = None if len(printed) in extra_columns or run_together else _window(
                printed, size, _local(identities, slot.ids), window_of_width.get(len(printed), keep),
                joinable=not slot.row.delimited)
            used = (f"the {which} {size} are used" if which else "more than twice a row's values are no row"
                    if run_together else "neither the first nor the last keep its own sums")
            out.warn("extra_values", f"{table}: row '{slot.row.label or slot.row.extra_label}' prints "
                     f"{len(printed)} values for {size} cells; {used}", line=slot.row.line + 1)
            if which is None:
                for k, cell in enumerate(slot.ids):
                    out.cells[cell] = CellValue(None, " | ".join(c.strip() for c in printed), "ambiguous",
                                                "本行印出的数字比表格的格多，前几个、后几个都不符合本行自身的合计，未作选择",
                                                _candidates([parse_cell(w[k]).value for w in (printed[:size],
                                                                                               printed[-size:])]))
                    fixed[cell] = None
                continue
            printed = printed[:size] if which == "first" else printed[-size:]
        if len(printed) < len(slot.ids):
            runs.append((slot, [p.strip() for p in printed]))
            continue
        if (lost_line := _lost_column_line(slot, printed, identities)) is not None:
            runs.append((slot, lost_line))
            lost_lines.append((slot, printed))
            continue
        for k, (cell, raw) in enumerate(zip(slot.ids, printed)):
            numbers = several_numbers(raw)
            if numbers and SPACE_GROUPED.fullmatch(raw.strip()) and all(p.strip() for p in printed):
                numbers = None  # 1 862 in a row with every cell printed: one number, its thousands spaced off
            elif (numbers and wrapped_number(raw) is not None and all(p.strip() for p in printed)
                  and k not in blank_columns):
                numbers = None  # 13 6 with every cell printed: no blank it was displaced from, in its row or its
                # column; maybe 136 wrapped
            if numbers and all(len(str(n)) <= MAX_NUMBER_DIGITS for n in numbers):
                displaced.append((cell, list(numbers), raw.strip()))
                fixed[cell] = None
                out.cells[cell] = CellValue(None, raw.strip(), "blank")
                continue
            parsed = parse_cell(raw)
            if _KIND.get(cell) == "change" and (negative := _IN_BRACKETS.fullmatch(raw.strip())):
                parsed = CellValue(-int(negative.group(1)), parsed.raw, "reported",
                                   "增减印在括号中（会计格式的负数），读作减少")
            elif parsed.status == "ambiguous" and (bracketed := _IN_BRACKETS.fullmatch(raw.strip())):
                count = int(bracketed.group(1))  # a count in brackets, （2）: no count is negative
                parsed = CellValue(None, parsed.raw, "ambiguous", f"件数印在括号中（读作 {count}），勾稽关系无法确认，"
                                   "未作选择", [count])
            if isinstance(parsed.value, float) and _KIND.get(cell) != "money":  # 2.0 may be 20 misread
                parsed = CellValue(None, parsed.raw, "ambiguous", "件数没有小数，印出的数字无法读作件数（小数点可能是"
                                   "表格软件的格式，也可能是认错的字），勾稽关系无法确认，未作选择", _decimal_count_readings(raw))
            elif left_out is not None and parsed.note is None:
                parsed.note = (f"本行多印了一列合计（第 {subtotal + 1} 个数 {left_out}，等于它前面几列之和），"
                               "不是表格的列，已略去；每行略去它后本行合计都成立" if a_sum else
                               f"本行多印了一列（第 {subtotal + 1} 个数 {left_out}，如上年合计、小计），不是表格的列，"
                               "已略去；各行略去这一列后本行合计都成立")
            out.cells[cell] = parsed
            fixed[cell] = parsed.value
        for cell, candidates in (_maybe_shifted(slot.ids, printed) if displacing else {}).items():
            out.cells[cell] = CellValue(None, out.cells[cell].raw, "ambiguous", "本行有一格印了几个数字、又有空格："
                                        "可能是两格印在了一格里，其后的数字错了一格，未作选择", candidates)
            fixed[cell] = None
    usable = [i for i in identities if not any(c in absent for c in i.cells)] if absent else identities
    if not (lost_lines and _resolve(slots, runs, displaced, fixed, usable, out, table, aligned, only_exact=True)):
        if lost_lines:  # no reading keeps every sum: the report's own mistake, not a lost line; as printed
            runs = [(slot, tokens) for slot, tokens in runs if all(slot is not lost for lost, _ in lost_lines)]
            for slot, printed in lost_lines:
                for cell, raw in zip(slot.ids, printed):
                    out.cells[cell] = parse_cell(raw)
                    fixed[cell] = out.cells[cell].value
        if runs or displaced or aligned:
            _resolve(slots, runs, displaced, fixed, usable, out, table, aligned)
        else:
            fixed = _reread_short_rows(slots, fixed, usable, out, table)
    _infer(fixed, usable, out)
    _settle_glyphs(fixed, usable, out)


_DISPLACED_ROWS = 3  # rows below, at most, whose values a space-separated row may print in one of its cells


def _regroup_displaced_runs(slots: list[_Slot], identities: list[Identity]) -> None:
    """Space-separated rows where one prints k values too many and the k rows after it each one too few (4 2 1 1 0 0 0
    0 5 over 0 0 0 0 0 2 and 0 0 0 0 0 1): a PDF's text put the values of a column's cells below into the first
    one's, as a tab-separated text shows them in one cell (4 2 1 ⇥ 1 ⇥ …). Where exactly one column, so grouped,
    keeps every one of these rows' own sums, the rows are given back their cells: the group in one cell, an empty
    cell in each row below, for the displaced numbers' reading (the table's sums decide it)."""
    for at, slot in enumerate(slots):
        if slot.row is None or slot.row.delimited:
            continue
        size = len(slot.ids)
        extra = len(slot.row.cells) - size
        below = slots[at + 1:at + 1 + extra]
        if not 0 < extra <= _DISPLACED_ROWS or len(below) < extra or any(
                s.row is None or s.row.delimited or len(s.ids) != size or len(s.row.cells) != size - 1 for s in below):
            continue
        rows = [[_count_or_glyph(c) for c in cells] for cells in (slot.row.cells, *(s.row.cells for s in below))]
        if any(v is None for r in rows for v in r):
            continue
        local = [_local(identities, s.ids) for s in (slot, *below)]
        places = [j for j in range(size) if all(c.isdecimal() for c in slot.row.cells[j:j + extra + 1])
                  and _holds(rows[0][:j + 1] + rows[0][j + extra + 1:], local[0])
                  and all(_holds([*r[:j], rows[0][j + 1 + k], *r[j:]], local[k + 1]) for k, r in enumerate(rows[1:]))]
        if len(places) != 1:
            continue
        j, cells = places[0], slot.row.cells
        slot.row = replace(slot.row, cells=[*cells[:j], " ".join(cells[j:j + extra + 1]), *cells[j + extra + 1:]])
        for s in below:
            s.row = replace(s.row, cells=[*s.row.cells[:j], "", *s.row.cells[j:]])


def _count_or_glyph(cell: str) -> int | None:
    """A cell's count, or the count its glyphs read as (O for 0: OCR's); None for anything else."""
    parsed = parse_cell(cell)
    if parsed.status == "reported" and isinstance(parsed.value, int):
        return parsed.value
    return glyph_reading(cell)


def _blank_columns(slots: list[_Slot]) -> set[int]:
    """The columns in which a row printed as wide as the form leaves a cell empty (a number displaced from it may
    stand in another row's cell of its column: 3 ⇥ 2 1 ⇥ 0 … over 0 ⇥ ␣ ⇥ 0 …)."""
    return {k for slot in slots if slot.row is not None
            and len(printed := fit(slot.row.cells, len(slot.ids))) == len(slot.ids)
            for k, cell in enumerate(printed) if not cell.strip()}


def _total_then_its_parts(printed: list[str], size: int) -> bool:
    """Whether a row prints its cells, its own total last, then that total broken down again (by month or quarter:
    … | 404 | 10 | 3 | 47 | … | 42 under 1月 … 12月, summing to 404): the form's cells first, not rows run together."""
    values = [parse_cell(c).value for c in printed]
    if any(not isinstance(v, int) for v in values):
        return False
    cells, rest = values[:size], values[size:]
    return len(rest) >= 2 and cells[-1] == sum(cells[:-1]) == sum(rest)


def _on_the_grid(slot: _Slot, usual_width: int) -> list[str] | None:
    """The values of a row of cells wider than the table's other rows where the grid puts them: the
    cells under the form's columns, its extra cells (one past the table's edge) left out. Read so, an
    empty first cell is a cell of the form, not the label's padding (| 部分公开 | ␣ | 6 | 2 | … | 1 | 9 |:
    自然人 blank and 9 outside the table, or every number one cell right; the identities say which)."""
    row = slot.row
    if row is None or not row.delimited or not usual_width or row.width <= usual_width:
        return None
    extra, size = row.width - usual_width, len(slot.ids)
    if len(row.cells) < size + extra or not any(c.strip() for c in row.cells[len(row.cells) - extra:]):
        return None
    return row.cells[len(row.cells) - size - extra:len(row.cells) - extra]


def _all_zero(printed: list[str]) -> bool:
    """Whether every value a row prints is 0 (or a mark of none): read in any window, each cell is 0."""
    return all((cell := parse_cell(c)).value == 0 and cell.status in ("reported", "none") for c in printed)


def _edge_blank(slot: _Slot, widest: int) -> list[str] | None:
    """The values of a delimited row printed as wide as the form with an empty cell at one end
    that may be no cell of the form, the row a value short: its last cell (a grid pads a short
    row there), or its first when the row has no label (an empty label cell) or fewer cells than
    the table's widest row (a web page's short row, its label's spare columns before it). A grid's line of
    the form's width with several empty cells at its end (table 4's last group left blank) prints them: no
    padding of one; nor does one whose empty cells stand between its values too (0 ⇥ 0 ⇥ ∅ ⇥ 0 ⇥ … ⇥ 0 ⇥ ∅: a Word
    table leaving cells unfilled), which keeps every cell in its place."""
    if slot.row is None or not slot.row.delimited or slot.grid is not None:
        return None
    printed = [c.strip() for c in fit(slot.row.cells, len(slot.ids))]
    if len(printed) != len(slot.ids) or sum(1 for c in printed if c) < 2:
        return None
    whole_line = slot.row.width >= len(slot.ids)  # (not a row put together from a list: its places are read)
    filled = [k for k, c in enumerate(printed) if c]
    if whole_line and any(not c for c in printed[filled[0]:filled[-1]]):
        return None
    if not printed[0] and (not whole_line or printed[1]) and (not slot.row.label or slot.row.width < widest):
        return printed[1:]
    return printed[:-1] if not printed[-1] and (not whole_line or printed[-2]) else None


def _maybe_shifted(ids: tuple[str, ...], printed: list[str]) -> dict[str, list]:
    """Cells of a row that may stand one place off: between a cell printing several numbers and
    an empty cell of the same row. A grid that lost a rule prints two cells in one (1 | 0 0 | 1 |
    0 | ␣), and the numbers after it stand one cell early, the row's end padded; read where they
    stand, 1 and 0 were certain and wrong. Each with its value where printed and where shifted."""
    several = [several_numbers(c) for c in printed]
    values = [parse_cell(c).value if not numbers else None for c, numbers in zip(printed, several)]
    blanks = [i for i, c in enumerate(printed) if not c.strip()]
    shifted: dict[str, list] = {}
    for at, numbers in enumerate(several):
        if not numbers:
            continue
        for blank in blanks:
            step = 1 if blank > at else -1
            for k in range(at + step, blank, step):
                if values[k] is not None:
                    before = values[k - step] if k - step != at else numbers[-1 if step > 0 else 0]
                    shifted[ids[k]] = _candidates([values[k], before])
    return shifted


def _reread_short_rows(slots: list[_Slot], fixed: dict, identities: list[Identity], out: Tables, table: str) -> dict:
    """Rows whose end cell is empty may be a value short, their numbers shifted. Where the
    identities allow another reading than the printed one, it is taken when it is the only one
    that keeps every identity (repaired), and the cells stay unsure when several do; otherwise
    the row is read as printed."""
    widest = max((slot.row.width for slot in slots if slot.row is not None), default=0)
    short = [(slot, tokens) for slot in slots if (tokens := _edge_blank(slot, widest)) is not None]
    if not short:
        return fixed
    trial = {c: v for c, v in fixed.items() if not any(c in slot.ids for slot, _ in short)}
    choices = [Choice(slot.ids, tuple(blank_insertions([parse_cell(t).value for t in tokens], len(slot.ids))))
               for slot, tokens in short]
    printed = [tuple(fixed[c] for c in slot.ids) for slot, _ in short]
    holding = [i for i in identities if _holds_or_open(i, trial, set(trial) ^ set(fixed))]
    try:
        found = search(trial, choices, holding, [c for c, v in trial.items() if v is None])
    except SearchTooLarge:
        return fixed
    cells = [c for slot, _ in short for c in slot.ids]
    unknown = [c for c, v in trial.items() if v is None] + cells

    def settled(values: dict) -> tuple | None:
        ok, found_values = propagate(values, holding, unknown)
        return tuple(values.get(c) if values.get(c) is not None else found_values.get(c, (None,))[0]
                     for c in cells) if ok else None

    as_printed = settled({**trial, **dict(zip(cells, (v for row in printed for v in row)))})
    readings = {settled({**trial, **{c: v for choice, pick in zip(choices, solution)
                                     for c, v in zip(choice.cells, choice.options[pick])}}) for solution in found}
    if not found or readings == {as_printed}:
        return fixed  # as printed, or no reading keeps the identities: the report's own inconsistency
    concerned = [i for i in identities if set(i.cells) & set(cells)]
    placements = [{**trial, **{c: v for choice, pick in zip(choices, solution)
                               for c, v in zip(choice.cells, choice.options[pick])}} for solution in found]
    if _leaves_zeros_blank(slots) and _holds_as_zeros(fixed, concerned) and not any(
            _holds_as_zeros(values, concerned) for values in placements
            if tuple(values.get(c) for c in cells) != tuple(fixed.get(c) for c in cells)):
        return fixed  # a table that leaves its zeros blank (1 ␣ ␣ ␣ 1): as printed, the only sums that add up
    return trial if _resolve(slots, short, [], trial, identities, out, table, only_exact=True) else fixed


def _zero_blank_alignment(windows: list[list[str]], local) -> list[list[str]] | None:
    """Of a row's alignments (an empty cell at one end: ␣ 1 ␣ ␣ ␣ 1 ␣ …), the one alignment whose own
    sums add up with its blank cells read as 0, as in a table that leaves its zeros blank; None when
    not exactly one does."""
    def adds_up(window: list[str]) -> bool:
        values = [parse_cell(c).value or 0 for c in window]
        return all(sum(values[k] for k in parts) == sum(values[k] for k in whole) for parts, whole in local)

    fitting = [w for w in windows if adds_up(w)] if local else []
    return fitting if len(fitting) == 1 else None


def _leaves_zeros_blank(slots: list[_Slot]) -> bool:
    """Whether a table fills only its cells that are not 0: it prints no 0 (nor 无, —) and leaves cells
    empty. There a blank reads as 0 to choose among placements the sums allow alike."""
    printed = [c.strip() for slot in slots if slot.row is not None for c in slot.row.cells]
    return "" in printed and not any(c and parse_cell(c).value == 0 for c in printed)


def _holds_as_zeros(values: dict, identities: list[Identity]) -> bool:
    """Whether every identity holds with the blank cells read as 0 (a table leaving its zeros blank)."""
    return all(sum(values.get(c) or 0 for c in i.parts) == sum(values.get(c) or 0 for c in i.whole) for i in identities)


def _extra_columns(slots: list[_Slot], identities: list[Identity], keep: str) -> set[int]:
    """Row widths beyond the form's at which some row keeps its own sums in neither window: a
    column the form does not have (法人或其他组织小计), not a stray number; a row of that width
    whose window holds does so by chance."""
    out = set()
    for slot in slots:
        printed = fit(slot.row.cells, len(slot.ids)) if slot.row else []
        if len(printed) > len(slot.ids) and _window(printed, len(slot.ids), _local(identities, slot.ids), keep) is None:
            out.add(len(printed))
    return out


_EXTRA_COLUMN_ROWS = 3  # rows that only one place fits, at least, to take out a column that sums nothing
_MISPRINTED_ROWS = 1  # rows that the place does not fit, at most: misprints


def _extra_column(slots: list[_Slot], identities: list[Identity]) -> tuple[int | None, bool]:
    """Where rows one value wider than the form print a column the form does not have, and whether it is a
    subtotal of the columns just before it (15 | 6 0 0 1 0 | 7 | 22: 法人或其他组织 合计): the one place that,
    taken out, leaves each such row keeping its own sums, the same in every row; a column that sums nothing
    (上年合计 between 其他 and 总计) only when three rows or more fit no other place and at most one row (misprinted)
    does not fit it. (None, False) when no place or several do (rows of zeros fit any), or a row has a cell that
    reads as no count."""
    rows = _one_wider_rows(slots, identities)
    if rows is None:
        return None, False
    subtotal = _subtotal_column(rows)
    if subtotal is not None:
        return subtotal, True
    fits = [{j for j in range(len(values)) if _holds(values[:j] + values[j + 1:], local)} for values, local in rows]
    # (a misprinted row fits no place, or another by chance: 19 4 0 0 0 0 18 22 with 23 misprinted 22 keeps its sum
    # without its 19)
    places = [j for j in range(len(rows[0][0]) if rows else 0)
              if sum(j not in fit for fit in fits) <= _MISPRINTED_ROWS]
    if len(places) != 1 or sum(fit == set(places) for fit in fits) < _EXTRA_COLUMN_ROWS:
        return None, False
    return places[0], False


def _one_wider_rows(slots: list[_Slot], identities: list[Identity]) -> list[tuple[list, list]] | None:
    """Each row one value wider than the form, as its values and its own sums; None when one holds a value that
    reads as no count."""
    rows = []
    for slot in slots:
        size = len(slot.ids)
        printed = fit(slot.row.cells, size) if slot.row else []
        local = _local(identities, slot.ids)
        if len(printed) != size + 1 or not local:
            continue
        values = [parse_cell(c).value for c in printed]
        if not all(isinstance(v, int) for v in values):
            return None
        rows.append((values, local))
    return rows


def _subtotal_column(rows: list[tuple[list, list]]) -> int | None:
    """Where rows one value wider than the form print a subtotal of the columns just before it (see
    ``_extra_column``), or None."""
    common: set[int] | None = None
    for values, local in rows:
        fits = set()
        for j in range(2, len(values) - 1):
            rest = values[:j] + values[j + 1:]
            if any(values[j] == sum(values[i:j]) for i in range(j - 1)) and all(
                    sum(rest[i] for i in p) == sum(rest[i] for i in w) for p, w in local):
                fits.add(j)
        common = fits if common is None else common & fits
    return common.pop() if common and len(common) == 1 else None


def _holds(values: list, local: list[tuple[tuple[int, ...], tuple[int, ...]]]) -> bool:
    """Whether a row's values (printed or read) keep the row's own sums."""
    numbers = [v if isinstance(v, int) else parse_cell(v).value for v in values]
    return all(all(isinstance(numbers[i], int | float) for i in p + w)
               and sum(numbers[i] for i in p) == sum(numbers[i] for i in w) for p, w in local)


def _windows_by_width(slots: list[_Slot], identities: list[Identity]) -> dict[int, str]:
    """Per width of rows wider than the form, the window ("first" or "last") that the rows of it
    which decide (their own sums hold in one window only) all take: a table printing two columns
    after the form's (2021年总计, 同比增减) reads its first values in a row whose last values hold too
    (1 0 0 0 0 0 1 0 +1). Widths whose rows disagree, or that no row decides, are not given."""
    votes: dict[int, set[str]] = {}
    for slot in slots:
        size = len(slot.ids)
        if slot.row is None or len(slot.row.cells) <= size:
            continue  # most rows: no more values than cells
        printed = fit(slot.row.cells, size)
        local = _local(identities, slot.ids)
        if len(printed) > size and local:
            first, last = _holds(printed[:size], local), _holds(printed[-size:], local)
            if first != last:
                votes.setdefault(len(printed), set()).add("first" if first else "last")
    return {width: which.pop() for width, which in votes.items() if len(which) == 1}


def _window(printed: list[str], size: int, local: list[tuple[tuple[int, ...], tuple[int, ...]]],
            keep: str, joinable: bool = False) -> str | None:
    """Which ``size`` of a row's values to read, "first" or "last": ``keep``, unless only the other
    holds the row's own total (85 0 0 0 0 0 85 with a page number 3 after it); None when the row
    has a total and neither holds it (an extra column inside the row: 法人或其他组织小计), or, in
    space-separated text (``joinable``), when numbers a space split also hold it (11 0 0 0 0 0 1 1:
    its last seven hold by chance, 11 … 11 too)."""
    def holds(values: list) -> bool:
        return _holds(values, local)

    other = "last" if keep == "first" else "first"
    windows = {"first": printed[:size], "last": printed[-size:]}
    which = keep if not local or holds(windows[keep]) else other if holds(windows[other]) else None
    if which is None or not local or not joinable:
        return which
    taken = [parse_cell(v).value for v in windows[which]]
    joined = (reading for reading in _joined_readings(printed, size) if reading != taken)
    return None if any(holds(reading) for reading in joined) else which


_MAX_SPLIT_NUMBERS = 2  # numbers a space may have split in one row, beyond which no joining is tried


def _spaced_in_a_cell(slot: _Slot, printed: list[str], identities: list[Identity]) -> list[str] | None:
    """A row of cells (tabs, a grid) with as many cells as the form's, one or two of them printing a number with
    a space inside (2 4, a narrow cell's wrap): its cells as the one grouping of its tokens that keeps the row's
    own sums groups them (the number's cell printed as it is, its reading left to the sums); None when there is
    none or more than one, or the row is no such row."""
    size, local = len(slot.ids), _local(identities, slot.ids)
    if not (slot.row.delimited and slot.row.width == size and local):
        return None
    holding = [groups for groups in _joined_tokens(printed, size)
               if _holds([int("".join(group)) for group in groups], local)]
    return [" ".join(group) for group in holding[0]] if len(holding) == 1 else None  # (2 4: read with the sums)


def _lost_column_line(slot: _Slot, printed: list[str], identities: list[Identity]) -> list[str] | None:
    """A row of cells with one blank beside a number of several digits, the row's own sums failing whatever the blank
    is (112 | ∅ | 0 | 0 | 0 | 0 | 13): a scan's text layer that lost the line between two cells put both numbers in
    one (11 and 2). Its numbers, read as a row short of a cell (split only where every sum then holds); else None."""
    cells = [p.strip() for p in printed]
    local = _local(identities, slot.ids)
    blanks = [k for k, c in enumerate(cells) if not c]
    if not (slot.row.delimited and local and len(blanks) == 1 and len(cells) == len(slot.ids)):
        return None
    blank = blanks[0]
    if not all(c.isdecimal() and c.isascii() for k, c in enumerate(cells) if k != blank) or not any(
            len(cells[k]) > 1 for k in (blank - 1, blank + 1) if 0 <= k < len(cells)):
        return None
    values = [int(c) if k != blank else 0 for k, c in enumerate(cells)]
    for parts, whole in local:
        if blank in parts + whole:
            sign = 1 if blank in parts else -1
            gap = sum(values[i] for i in whole) - sum(values[i] for i in parts)
            if sign * gap >= 0:
                return None  # a blank the sums can fill (0 or more): an empty cell, inferred as the others are
        elif sum(values[i] for i in parts) != sum(values[i] for i in whole):
            return None  # the row's own mistake elsewhere: no evidence of a lost line
    return [c for c in cells if c]


def _joined_readings(printed: list[str], size: int) -> Iterator[list[int]]:
    """The row's tokens read as ``size`` numbers by joining neighbours (1 1 → 11, never 0 1): the
    readings of a row whose extra tokens are numbers a space split."""
    for groups in _joined_tokens(printed, size):
        yield [int("".join(group)) for group in groups]


def _joined_tokens(printed: list[str], size: int) -> Iterator[list[list[str]]]:
    """The row's tokens in ``size`` groups of neighbours (never one opening with 0, nor of three)."""
    extra = len(printed) - size
    if not 0 < extra <= _MAX_SPLIT_NUMBERS or not all(t.strip().isdecimal() for t in printed):
        return
    for joins in itertools.combinations(range(1, len(printed)), extra):
        if any(b - a == 1 for a, b in itertools.pairwise(joins)):
            continue  # three tokens in one number: not tried
        groups, start = [], 0
        for cut in [j for j in range(1, len(printed)) if j not in joins] + [len(printed)]:
            part = [t.strip() for t in printed[start:cut]]
            if len(part) > 1 and part[0].startswith("0"):
                break
            groups.append(part)
            start = cut
        else:
            yield groups


def _run_choice(slot: _Slot, tokens: list[str], identities: list[Identity], checked: frozenset[str]) -> Choice:
    """Readings of a row printed with fewer cells than the form has: those
    that satisfy the row's own total, or every split when none does. A row that
    no identity reads (table 2), printed with spaces between its numbers and some
    missing, has the readings with blank cells too: nothing tells a split number
    from an unprinted cell."""
    size = len(slot.ids)
    if _lacks_cells(slot, tokens):
        return Choice(slot.ids, tuple(blank_insertions([parse_cell(t).value for t in tokens], size)))
    local = _local(identities, slot.ids)
    digits = [_run_digits(t) for t in tokens if t]
    options: list[tuple] = []
    if digits and all(t.isdecimal() for t in digits):
        options = split_runs(digits, size, local)
        if not options and local:
            options = split_runs(digits, size)
    elif digits:
        options = split_signed_runs(digits, tuple(_KIND.get(c, "count") for c in slot.ids)) or []
        if local:
            options = [o for o in options if all(sum(o[i] for i in p) == sum(o[i] for i in w) for p, w in local)]
    if checked.isdisjoint(slot.ids) and _may_have_dropped_blanks(slot, tokens):
        options = list(dict.fromkeys([*options, *_blank_choice(slot, tokens).options]))
    return Choice(slot.ids, tuple(options))


def _split_choice(slot: _Slot, tokens: list[str], identities: list[Identity]) -> Choice:
    """The readings of a delimited row's cells as runs of digits, split where the row's own sums say."""
    return Choice(slot.ids, tuple(split_runs([t for t in tokens if t], len(slot.ids), _local(identities, slot.ids))))


def _lacks_cells(slot: _Slot, tokens: list[str]) -> bool:
    """A delimited row with fewer cells than the form, its numbers in cells of their own: a number
    is never split across cells (32 is no 3 and 2); the row lacks cells, wherever they were."""
    return slot.row.delimited and sum(1 for t in tokens if t) > 1


def _checked(identities: list[Identity]) -> frozenset[str]:
    """The cells an identity reads (table 2 has none): a reading of those is evidence."""
    return frozenset(cell for identity in identities for cell in identity.cells)


def _may_have_dropped_blanks(slot: _Slot, tokens: list[str]) -> bool:
    """A space-separated row one or two numbers short, every token a number
    of its own: the text may have dropped empty cells (a PDF does)."""
    size = len(slot.ids)
    return (not slot.row.delimited and size - 2 <= len(tokens) < size
            and all(t and _token_value(t) is not None for t in tokens))


def _blank_choice(slot: _Slot, tokens: list[str]) -> Choice:
    values = [_token_value(t) for t in tokens]
    return Choice(slot.ids, tuple(blank_insertions(values, len(slot.ids))))


def _run_digits(token: str) -> str:
    """A token of a short row as digits: its thousands commas left out, OCR's glyphs for digits read (1 o 0 O: 1 0 0 0)."""
    digits = token.replace(",", "")
    return digits if digits.isdecimal() else glyph_digits(token) or digits


def _token_value(token: str) -> int | float | None:
    """A short row's token as a number, OCR's glyphs for digits read; None for a token that is none."""
    parsed = parse_cell(token)
    if parsed.status == "reported":
        return parsed.value
    return glyph_reading(token)


def _glyphs_read(tokens: list[str]) -> bool:
    return any(t and not t.replace(",", "").isdigit() and glyph_digits(t) is not None for t in tokens)


def _displaced_choices(
    displaced: list[tuple[str, list[int], str]], fixed: dict, slots: list[_Slot], out: Tables
) -> list[Choice]:
    """Numbers printed together in one cell belong to that column's blank cells, or to the blank
    cells right after it in its row: the cells a lost table rule merged it with (2 | 0 0 | ␣ | 1)."""
    order = [c for s in slots for c in s.ids]
    position = {c: i for i, c in enumerate(order)}
    choices = []
    for cell, numbers, _raw in displaced:
        column = cell.rsplit(".", 1)[1]
        targets = [c for c in order if c.rsplit(".", 1)[1] == column and c in fixed and fixed[c] is None
                   and out.cells[c].status == "blank"]
        row = next(s.ids for s in slots if cell in s.ids)
        covered = row[row.index(cell) + 1:row.index(cell) + len(numbers)]
        if len(covered) == len(numbers) - 1 and all(fixed.get(c, 0) is None and out.cells[c].status == "blank"
                                                    for c in covered):
            targets = sorted({*targets, *covered}, key=position.__getitem__)
        if math.comb(len(targets), len(numbers)) > limits.current().search_steps:
            raise SearchTooLarge
        options = []
        for chosen in itertools.combinations(targets, len(numbers)):
            assign = dict(zip(chosen, numbers))
            options.append(tuple(assign.get(c) for c in targets))
        choices.append(Choice(tuple(targets), tuple(options)))
    return choices


_SLIVERS = 2  # empty cells inside a row one cell too wide, each of which may be the one too many


def alignments(cells: list[str], size: int) -> list[list[str]]:
    """The ways a grid row with empty cells at either end holds the form's
    cells: a label's colspan pads the start, a pipe or a blank the end, and
    both look alike. One window when the row's width settles it; none when
    the row has more printed values than cells."""
    extra = len(cells) - size
    if extra <= 0:
        return [cells]
    lead = next((i for i, c in enumerate(cells) if c.strip()), len(cells))
    trail = next((i for i, c in enumerate(reversed(cells)) if c.strip()), len(cells))
    windows = [cells[i:len(cells) - (extra - i)] for i in range(extra + 1) if i <= lead and extra - i <= trail]
    printed = cells[lead:len(cells) - trail]
    inside = [i for i, c in enumerate(printed) if not c.strip()]
    if not windows and len(printed) == size + 1 and 0 < len(inside) <= _SLIVERS:
        # an empty cell inside a row one cell too wide: a sliver column a dragged border left (Word's
        # web pages), which a value cell spans in some rows and not in others
        windows = [printed[:i] + printed[i + 1:] for i in inside]
    distinct: list[list[str]] = []
    for window in windows:
        if [parse_cell(c).value for c in window] not in [[parse_cell(c).value for c in d] for d in distinct]:
            distinct.append(window)
    return distinct


def _aligned_choice(slot: _Slot, windows: list[list[str]]) -> Choice:
    return Choice(slot.ids, tuple(tuple(parse_cell(c).value for c in w) for w in windows))


def _apply_aligned(aligned, choices: list[Choice], solutions, fixed, out: Tables, table: str,
                   identities: list[Identity] = ()) -> None:
    """Cells of rows whose alignment the identities chose: as printed in the
    chosen window; where the windows that fit disagree, ambiguous, unless they differ only in a 0 or a blank
    that an identity makes 0 (a row of zeros one cell off: 0 either way)."""
    first = len(choices) - len(aligned)
    zero_or_blank: list[str] = []
    for offset, (slot, windows) in enumerate(aligned):
        picked = sorted({s[first + offset] for s in solutions}) or list(range(len(windows)))
        raw = " | ".join(c for c in slot.row.cells)
        for k, cell in enumerate(slot.ids):
            values = _candidates([parse_cell(windows[i][k]).value for i in picked])
            if len(picked) == 1 or len(values) == 1:
                parsed = parse_cell(windows[picked[0]][k])
                if slot.grid is not None and windows[picked[0]] != slot.grid:
                    parsed.status = "repaired"
                    on_grid = "、".join(c.strip() or "空白" for c in slot.grid)
                    parsed.note = (f"本行比表格的其他行多一格：照表格的格读作 {on_grid}（其后一格在表格之外），不符合"
                                   f"{TABLE_ZH[table]}的勾稽关系；各数错开一格读出才符合，这是勾稽关系唯一允许的读法")
                elif len(picked) > 1 or parsed.value is not None:
                    parsed.note = "行首或行尾的空单元格可有多种对齐方式；" + (
                        f"这是{TABLE_ZH[table]}勾稽关系唯一允许的对齐" if len(picked) == 1 else "各种对齐读数相同")
                out.cells[cell] = parsed
                fixed[cell] = parsed.value
            else:
                out.cells[cell] = CellValue(None, raw, "ambiguous",
                                            f"行首或行尾的空单元格有 {len(picked)} 种对齐方式都符合勾稽关系，未作选择",
                                            values)
                fixed[cell] = None
                if values == [0, None]:
                    zero_or_blank.append(cell)
    for cell in zero_or_blank:
        if any(cell in i.cells and _implied(i, cell, fixed) == 0 for i in identities):
            out.cells[cell] = CellValue(0, out.cells[cell].raw, "inferred",
                                        "行首或行尾的空单元格有两种对齐方式：这一格印的 0，或空白而由勾稽关系推出 0，都是 0")
            fixed[cell] = 0


def _implied(identity: Identity, cell: str, fixed: dict) -> int | float | None:
    """The value an identity gives one of its cells from its others, when they are all read; else None."""
    others = [c for c in identity.cells if c != cell]
    if any(fixed.get(c) is None for c in others) or identity.cells.count(cell) != 1:
        return None
    parts = sum(fixed[c] for c in identity.parts if c != cell)
    whole = sum(fixed[c] for c in identity.whole if c != cell)
    return whole - parts if cell in identity.parts else parts - whole


def _resolve(slots, runs, displaced, fixed, identities, out: Tables, table: str, aligned=(),
             only_exact: bool = False) -> bool:
    """Read the runs, displaced numbers and alignments with the identities; ``only_exact``: leave
    everything as it is (and say so) unless some reading keeps every identity."""
    runs = _zero_rows_read(runs, identities, fixed, out, table)
    open_cells = {c for slot, _ in runs for c in slot.ids} | {c for c, _, _ in displaced}
    holding = [i for i in identities if _holds_or_open(i, fixed, open_cells)]
    # Cells a displacement may fill are decided by it, not by blank inference.
    unknown = [c for c, v in fixed.items() if v is None]
    blanks_dropped = False
    broken: set[str] = set()
    split: set[str] = set()  # the cells of delimited rows whose runs of digits were split
    checked = _checked(identities)
    # Past the search budget no reading is taken: the run's cells stay ambiguous.
    run_choices = [(slot, tokens, Choice(slot.ids, ())) for slot, tokens in runs]
    choices = [c for _, _, c in run_choices] + [Choice(slot.ids, ()) for slot, _ in aligned]
    droppable: list[bool] = [False] * len(runs)
    try:
        run_choices = [(slot, tokens, _run_choice(slot, tokens, identities, checked)) for slot, tokens in runs]
        choices = [c for _, _, c in run_choices] + _displaced_choices(displaced, fixed, slots, out)
        choices += [_aligned_choice(slot, windows) for slot, windows in aligned]
        solutions = search(fixed, choices, holding, unknown) if all(c.options for c in choices) else []
        droppable = [_may_have_dropped_blanks(slot, tokens) for slot, tokens, _ in run_choices]
        if not solutions and any(droppable):
            # Spaces cannot show an empty cell: try the blank cells the text dropped.
            alt = [
                _blank_choice(slot, tokens) if drop else choice
                for (slot, tokens, choice), drop in zip(run_choices, droppable)
            ] + choices[len(run_choices):]
            if all(c.options for c in alt):
                found = search(fixed, alt, holding, unknown)
                if found:
                    choices, solutions, blanks_dropped = alt, found, True
        joined = [not solutions and _lacks_cells(slot, tokens) and all(t.isdecimal() for t in tokens)
                  for slot, tokens, _ in run_choices]
        if any(joined):
            # No cell lacking keeps the sums: a converter ran two cells' numbers together (1210 for 12 ⇥ 10).
            alt = [_split_choice(slot, tokens, identities) if join else choice
                   for (slot, tokens, choice), join in zip(run_choices, joined)] + choices[len(run_choices):]
            if all(c.options for c in alt) and (found := search(fixed, alt, holding, unknown)):
                choices, solutions = alt, found
                split = {cell for (slot, _, _), join in zip(run_choices, joined) if join for cell in slot.ids}
        exact = bool(solutions)
        if not solutions and all(c.options for c in choices) and not only_exact:
            solutions = best_effort(fixed, choices, identities)
            broken = _broken_cells(fixed, choices, solutions, identities)
    except SearchTooLarge:
        solutions, exact = [], False
    # The search stops at SOLUTION_LIMIT readings: what they share is not what every reading shares
    # (a column dropped from every row fits the sums wherever it is put), so none is taken.
    crowded = exact and len(solutions) >= SOLUTION_LIMIT
    if crowded:
        solutions, exact = [], False
    if only_exact and not exact:
        return False
    count = len(choices) - len(aligned)
    short = {cell for slot, tokens, _ in run_choices if _lacks_cells(slot, tokens) for cell in slot.ids} - split
    if exact and short:
        broken = _unchecked_by_some_reading(fixed, choices[:count], solutions, identities, short)
    # A row whose blank cells the text dropped: a cell no reading checks (the blank put where only its own
    # sum, then unknown, would fill it) is no evidence.
    dropped_cells = {cell for (slot, _, _), dropped in zip(run_choices, droppable) if blanks_dropped and dropped
                     for cell in slot.ids}
    if exact and dropped_cells:
        broken |= _unchecked_by_some_reading(fixed, choices[:count], solutions, identities, dropped_cells, every=True)
    _apply(choices[:count], solutions, exact, blanks_dropped, run_choices, short | dropped_cells, displaced, fixed, out,
           table, checked, crowded, broken, identities)
    if aligned:
        _apply_aligned(aligned, choices, solutions if exact else [], fixed, out, table, identities)
    return True


def _unchecked_by_some_reading(fixed: dict, choices: list[Choice], solutions: list[tuple[int, ...]],
                               identities: list[Identity], cells: set[str], every: bool = False) -> set[str]:
    """Of ``cells`` (a short row's), those some reading (``every``: every reading) leaves with no identity to
    check them: each identity they are in holds a cell that reading leaves unknown (the row's missing cell put
    in their group). A reading is evidence for a cell only through an identity it closes; a report
    whose own sums fail leaves one reading "allowed" only because the gap lands where nothing
    can fail."""
    around = {cell: [i for i in identities if cell in i.cells] for cell in cells}
    per_reading: list[set[str]] = []
    for solution in solutions:
        values = dict(fixed)
        for choice, index in zip(choices, solution):
            values.update(zip(choice.cells, choice.options[index]))
        per_reading.append({cell for cell, sums in around.items()
                            if sums and all(any(values.get(c) is None for c in i.cells) for i in sums)})
    if not per_reading:
        return set()
    return set.intersection(*per_reading) if every else set.union(*per_reading)


def _broken_cells(fixed: dict, choices: list[Choice], solutions: list[tuple[int, ...]],
                  identities: list[Identity]) -> set[str]:
    """The cells of every identity that fails under one of the readings that keep the most."""
    broken: set[str] = set()
    for solution in solutions:
        values = dict(fixed)
        for choice, index in zip(choices, solution):
            values.update(zip(choice.cells, choice.options[index]))
        for identity in identities:
            if not identity_status(identity, values)[0]:
                broken.update(identity.cells)
    return broken


def _holds_or_open(identity: Identity, fixed: dict, open_cells: set[str]) -> bool:
    """False for an identity that fails on printed numbers alone: a real
    inconsistency of the report, left to the checks rather than 'repaired'."""
    if any(c in open_cells or fixed.get(c) is None for c in identity.cells):
        return True
    return sum(fixed[c] for c in identity.parts) == sum(fixed[c] for c in identity.whole)


def _apply(choices, solutions, exact, blanks_dropped, run_choices, short: set[str], displaced, fixed, out: Tables, table,
           checked: frozenset[str], crowded: bool = False, broken: set[str] | frozenset[str] = frozenset(),
           identities: Sequence[Identity] = ()) -> None:
    """The readings found, cell by cell; ``checked``: the cells an identity reads, of which a
    reading is evidence (of the others, only that no other reading exists); ``crowded``: more
    readings fit than the search lists, and none is taken. When no reading keeps every identity
    (not ``exact``), a cell is read only where the readings keeping the most agree on it and
    every identity it is in holds (``broken``: the cells of those that fail, or, of an exact
    reading, the ``short`` rows' cells it leaves unchecked)."""
    raw_of = {cell: " ".join(tokens) for slot, tokens, _ in run_choices for cell in slot.ids}
    glyph_cells = {cell for slot, tokens, _ in run_choices if _glyphs_read(tokens) for cell in slot.ids}
    displaced_raw = {cell: raw for cell, _, raw in displaced}
    name = TABLE_ZH[table]
    evidence = f"这是{name}勾稽关系唯一允许的读法" if exact else (
        f"{name}有勾稽关系不成立，这一格所在的勾稽关系都成立，且只有这一种读法")
    unchecked = "本行没有勾稽关系可以核对"
    for index, choice in enumerate(choices):
        values_per_cell = {
            cell: [choice.options[s[index]][k] for s in solutions] for k, cell in enumerate(choice.cells)
        }
        for cell in choice.cells:
            values = values_per_cell[cell]
            in_run = cell in raw_of
            raw = raw_of.get(cell) or displaced_raw.get(cell) or (out.cells[cell].raw if cell in out.cells else None)
            if not values:
                note = (f"符合{name}勾稽关系的读法超过 {SOLUTION_LIMIT} 种，未作选择" if crowded else
                        "印出的数字无法读作本行的单元格")
                out.cells[cell] = CellValue(None, raw, "ambiguous", note, [])
                fixed[cell] = None
                continue
            distinct = _candidates(values)
            # (a row of zeros a cell short: 0 wherever its gap is, checked or not)
            if exact and in_run and distinct == [0, None] and _zero_either_way(cell, index, choices, solutions, fixed,
                                                                                identities):
                out.cells[cell] = CellValue(0, raw, "inferred", _zero_either_way_note(name))
                fixed[cell] = 0
                continue
            if exact and cell in broken and cell in short and distinct != [None]:
                note = f"本行少印了单元格，这一格所在的{name}勾稽关系含有未印出的格，无从核对，未作选择"
                out.cells[cell] = CellValue(None, raw, "ambiguous", note, distinct)
                fixed[cell] = None
                continue
            if not exact and (cell in broken or len(distinct) > 1):  # a reading breaking an identity is no evidence
                note = f"没有一种读法符合{name}全部勾稽关系，候选值是符合最多关系的读法，未作选择"
                out.cells[cell] = CellValue(None, raw, "ambiguous", note, distinct)
                fixed[cell] = None
                continue
            if in_run and distinct == [0, None] and _BLANKS_ZERO.get():
                out.cells[cell] = CellValue(0, raw, "none", "本行少印了单元格：各种读法中，这一格或是印出的 0，或是"
                                            "未印出的空白，而报告说明表中空白即为 0，都是 0")
                fixed[cell] = 0
                continue
            if len(distinct) > 1:
                note = (f"有 {len(solutions)} 种读法都符合{name}勾稽关系，未作选择" if cell in checked else
                        f"有 {len(distinct)} 种可能的读法，{unchecked}，未作选择")
                out.cells[cell] = CellValue(None, raw, "ambiguous", note, distinct)
                fixed[cell] = None
                continue
            value = distinct[0]
            fixed[cell] = value
            if in_run:
                if value is None:
                    out.cells[cell] = CellValue(None, raw, "blank", "本行少印了单元格，这一格未印出" if cell in short
                                                else "未印出数字：文本漏掉了这个空白单元格")
                    continue
                what = ("本行少印了单元格，各数字按所在位置放回" if cell in short else
                        "以空格分隔的文本漏掉了空白单元格，已补回" if blanks_dropped else "数字粘连，已拆分")
                if cell in glyph_cells:
                    what += "（本行有印作字母或“〇”的数字，按字形读作数字）"
                why = evidence if cell in checked else f"只有这一种拆法，{unchecked}"
                out.cells[cell] = CellValue(value, raw, "repaired", f"{what}；{why}")
            else:
                if value is None:
                    continue  # a blank no displaced number belongs to
                source = next(c for c, _, _ in displaced if c in choice.cells)
                out.cells[cell] = CellValue(
                    value, displaced_raw[source], "repaired",
                    f"版式错位：“{displaced_raw[source]}”印在{label_zh(source)}中；{evidence}")


def _zero_either_way_note(name: str) -> str:
    return f"本行少印了单元格：各种读法中，这一格或是印出的 0，或是未印出而由{name}勾稽关系推出 0，都是 0"


def _zero_rows_read(runs: list, identities: Sequence[Identity], fixed: dict, out: Tables, table: str) -> list:
    """The runs but those that are a row of zeros one cell short, each of whose cells is in a sum of the row's own
    cells: every cell of such a row is 0 wherever its gap is (a printed 0, or the gap its sum makes 0), read so
    before the search, where several such rows (7 places each) crowded out every reading."""
    rest = []
    for slot, tokens in runs:
        within = [i for i in identities if set(i.cells) <= set(slot.ids)]
        if (_lacks_cells(slot, tokens) and len(tokens) == len(slot.ids) - 1 and all(t == "0" for t in tokens)
                and all(any(cell in i.cells for i in within) for cell in slot.ids)):
            for cell in slot.ids:
                out.cells[cell] = CellValue(0, " ".join(tokens), "inferred", _zero_either_way_note(TABLE_ZH[table]))
                fixed[cell] = 0
        else:
            rest.append((slot, tokens))
    return rest


def _zero_either_way(cell: str, index: int, choices, solutions, fixed: dict, identities: Sequence[Identity]) -> bool:
    """Whether every reading leaving ``cell`` unprinted has an identity make it 0 (a row of zeros a cell short: the
    missing cell, wherever it is, is 0, and so is each printed one)."""
    for solution in solutions:
        if choices[index].options[solution[index]][choices[index].cells.index(cell)] is not None:
            continue
        values = dict(fixed)
        for choice, at in zip(choices, solution):
            values.update(zip(choice.cells, choice.options[at]))
        if not any(cell in i.cells and _implied(i, cell, values) == 0 for i in identities):
            return False
    return True


def _infer(fixed: dict, identities: list[Identity], out: Tables) -> None:
    """Blank cells the identities settle: always marked ``inferred``. Not a cell that prints that no number applies
    (不适用, or a mark a legend says so of): it is no blank left to fill."""
    blanks = [c for c, v in fixed.items() if v is None and out.cells.get(c) and out.cells[c].status == "blank"
              and not _prints_no_number(out.cells[c].raw or "")]
    if not blanks:
        return
    holding = [i for i in identities if all(fixed.get(c) is not None or c in blanks for c in i.cells)]
    ok, settled = propagate(fixed, holding, blanks)
    if not ok:
        return
    for cell, (value, identity) in settled.items():
        old = out.cells[cell]
        out.cells[cell] = CellValue(value, old.raw, "inferred",
                                    f"表中空白，由勾稽关系推出：{identity_zh(identity)}")
        fixed[cell] = value


def _prints_no_number(raw: str) -> bool:
    """Whether a blank cell prints a mark that says no number applies (不适用, N/A, or a mark a legend says so of)."""
    mark = raw.strip()
    return bool(mark) and (bool(SYMBOL_CELL.fullmatch(mark)) or mark in (_LEGEND.get() or {}))


def _settle_glyphs(fixed: dict, identities: list[Identity], out: Tables) -> None:
    """Cells printed with glyphs for digits (1O52, l5, O) or as 一: read as the identities settle
    them, when every cell they settle is one of its readings (else none is taken)."""
    readings = {c: out.cells[c].candidates for c in [c for c, v in fixed.items() if v is None]
                if _glyph_cell(out.cells.get(c))}
    if not readings:
        return
    # The identities about these cells only: a sum broken elsewhere in the table is no evidence here.
    holding = [i for i in identities if any(c in readings for c in i.cells)
               and all(fixed.get(c) is not None or c in readings for c in i.cells)]
    ok, settled = propagate(fixed, holding, readings)
    if not ok:  # the report's own mistake in one cell breaks its sums: read by the sums not through that cell
        settled, suspects = _sums_past_one_mistake(fixed, holding, readings)
        if not settled:
            return
        # (and searched below by the sums through none of the cells the mistake may be: no assuming which it is)
        holding = [i for i in holding if not suspects & set(i.cells)]
    if any(value not in readings[cell] for cell, (value, _) in settled.items()):
        return
    for cell, (value, identity) in settled.items():
        raw = out.cells[cell].raw
        out.cells[cell] = CellValue(value, raw, "repaired",
                                    f"印作“{raw.strip()}”，读作 {value}：只有这样{identity_zh(identity)}才成立")
        fixed[cell] = value
    _settle_together({c: r for c, r in readings.items() if c not in settled}, holding, fixed, out)
    _settle_by_search({c: r for c, r in readings.items() if fixed.get(c) is None}, holding, fixed, out)
    _first_readings_where_sums_hold({c: r for c, r in readings.items() if fixed.get(c) is None
                                     and _RAISED_DIGITS.fullmatch(out.cells[c].raw.strip())}, holding, fixed, out,
                                    "上标读作脚注标记，这样读时表中{n} 项勾稽关系全部成立（读作数字的一部分也成立）", alone=False)
    if math.prod(len(r) for c, r in readings.items() if fixed.get(c) is None) > _SEARCH_LIMIT:  # (none searched)
        _first_readings_where_sums_hold({c: r for c, r in readings.items() if fixed.get(c) is None}, holding, fixed, out)


def _sums_past_one_mistake(fixed: dict, identities: list[Identity], readings: dict) -> tuple[dict, set[str]]:
    """What the sums settle once those through one printed cell are left out, when that makes them hold and the glyph
    cells settle to the same readings whichever such cell it is (a 总计 printed 52 where its row sums to 51 breaks its
    row's sum and its column's, which are then no evidence about the O and l elsewhere): the cells every such reading
    settles, each with its identity, and the cells the mistake may be. None when two readings disagree."""
    printed = sorted({c for i in identities for c in i.cells if c not in readings and fixed.get(c) is not None})
    found: dict[str, dict] = {}
    for suspect in printed:
        ok, settled = propagate(fixed, [i for i in identities if suspect not in i.cells], readings)
        if ok and settled and all(value in readings[cell] for cell, (value, _) in settled.items()):
            found[suspect] = settled
    values: dict[str, set] = {}
    for settled in found.values():
        for cell, (value, _) in settled.items():
            values.setdefault(cell, set()).add(value)
    if not found or any(len(v) > 1 for v in values.values()):
        return {}, set()
    first = next(iter(found.values()))
    return {c: v for c, v in first.items() if all(c in other for other in found.values())}, set(found)


_SEARCH_LIMIT = 4096  # readings tried together at most


def _settle_by_search(readings: dict[str, list], identities: list[Identity], fixed: dict, out: Tables) -> None:
    """Cells of several readings each that no identity settles alone (rows of 一 … 一, each 1 or a
    dash for 0, whose column sums decide): every combination of their readings tried, taken when
    exactly one makes every sum about them hold and each is checked by one sum at least."""
    readings = {c: [v for v in r if v is not None] for c, r in readings.items()}  # (a blank among a cell's readings)
    cells = list(readings)
    about = [i for i in identities if any(c in readings for c in i.cells)]
    if not cells or not all(readings.values()) or any(c not in {x for i in about for x in i.cells} for c in cells) or \
            math.prod(len(readings[c]) for c in cells) > _SEARCH_LIMIT:
        return
    found = None
    for combination in itertools.product(*(readings[c] for c in cells)):
        values = {**fixed, **dict(zip(cells, combination))}
        if all(sum(values[c] for c in i.parts) == sum(values[c] for c in i.whole) for i in about):
            if found is not None:
                return  # two readings hold: none is taken
            found = combination
    if found is None:
        return
    for cell, value in zip(cells, found):
        raw = out.cells[cell].raw
        out.cells[cell] = CellValue(value, raw, "repaired", f"印作“{raw.strip()}”，读作 {value}：只有这样读时表中"
                                    f"{len(about)} 项勾稽关系全部成立")
        fixed[cell] = value


def _first_readings_where_sums_hold(readings: dict[str, list], identities: list[Identity], fixed: dict, out: Tables,
                                    why: str = "这样读时表中{n} 项勾稽关系全部成立", alone: bool = True) -> None:
    """Cells of several readings each that the sums leave open, read each by its first reading when every sum about
    them then holds, each checked by one sum at least (``alone``: and no other reading of any of them holds too, the
    rest read so); else none is. So are counts with raised digits (1³ as a group's 尚未审结 and its 总计: 1 and 1, or 13
    and 13: a footnote's marks, the usual reading, whichever else holds), and a table printing many counts as 12.0,
    007 or 5. (a system's format: 12, 7, 5), too many together to try every combination."""
    about = [i for i in identities if any(c in readings for c in i.cells)]
    values = {**fixed, **{c: r[0] for c, r in readings.items() if r and r[0] is not None}}
    if not readings or any(c not in values for c in readings) or any(
            c not in {x for i in about for x in i.cells} for c in readings) or any(
            values.get(c) is None for i in about for c in i.cells):
        return

    def holding(read: dict) -> bool:
        return all(sum(read[c] for c in i.parts) == sum(read[c] for c in i.whole) for i in about)

    if not holding(values) or (alone and any(holding({**values, cell: other}) for cell, options in readings.items()
                                             for other in options[1:] if other is not None)):
        return
    for cell, (value, *_) in readings.items():
        raw = out.cells[cell].raw
        out.cells[cell] = CellValue(value, raw, "repaired", f"印作“{raw.strip()}”，读作 {value}：" + why.format(n=len(about)))
        fixed[cell] = value


def _settle_together(readings: dict[str, list], identities: list[Identity], fixed: dict, out: Tables) -> None:
    """Cells of one reading each that no identity settles alone (13 6 for 136 in a column whose total
    reads 14 0 for 140: two unknowns in every sum): taken together when every sum about them then
    holds, each checked by one sum at least; else none is."""
    if not readings or any(len(r) != 1 for r in readings.values()):
        return
    values = {**fixed, **{c: r[0] for c, r in readings.items()}}
    about = [i for i in identities if any(c in readings for c in i.cells)]
    if any(c not in {x for i in about for x in i.cells} for c in readings):
        return
    if not all(sum(values[c] for c in i.parts) == sum(values[c] for c in i.whole) for i in about):
        return
    for cell, (value,) in readings.items():
        raw = out.cells[cell].raw
        out.cells[cell] = CellValue(value, raw, "repaired", f"印作“{raw.strip()}”，读作 {value}：这样读时表中"
                                    f"{len(about)} 项勾稽关系全部成立")
        fixed[cell] = value


def _raised_marks_noted(layout: Layout, out: Tables) -> None:
    """Counts with raised digits the sums left open (table 2's, which has none: 52², 13¹) read as a footnote's marks
    where the report prints the notes they mark (注2：…, ²…, [2]…, or ²注：… as a page sets the raised mark before
    注, under a table): the raised digits are then no digits of the count."""
    marked = {cell: m for cell, value in out.cells.items()
              if value.status == "ambiguous" and value.raw and (m := _RAISED_DIGITS.fullmatch(value.raw.strip()))}
    text = "\n".join(layout.region_text(table) for table in ("t2", "t3", "t4")) if marked else ""
    for cell, m in marked.items():
        digits = m["raised"].translate(_LOWERED)
        if re.search(rf"(?m)^\s*(?:(?:注释?|附注)\s*{digits}|(?:{m['raised']}|{digits})\s*注|{m['raised']}|"
                     rf"[\[［(（]{digits}[\]］)）])\s*[:：.、\s]\s*\S",
                     text):
            out.cells[cell] = CellValue(int(m["n"]), out.cells[cell].raw, "reported", f"数字后的上标“{m['raised']}”是脚注标记，"
                                        f"表下印有这条注（注{digits}），不计入数值")
    _lettered_marks_noted(layout, out)


_PLAIN_LETTERS = str.maketrans("ᵃᵇᶜᵈᵉ", "abcde")


def _lettered_marks_noted(layout: Layout, out: Tables) -> None:
    """Counts with a letter or # glued after them (13a, 60ᵃ, 54#) read as a footnote's marks where the report prints
    the notes they mark under the tables (a. 含网上申请5件, b：…, #：…): the mark is then no part of the count."""
    marked = {cell: m for cell, value in out.cells.items()
              if value.status == "ambiguous" and value.raw and (m := LETTERED.fullmatch(value.raw.strip()))}
    text = "\n".join(layout.region_text(table) for table in ("t2", "t3", "t4")) if marked else ""
    for cell, m in marked.items():
        letter = m["mark"].translate(_PLAIN_LETTERS)
        if re.search(rf"(?m)^\s*(?:注\s*[:：]?\s*)?(?:{re.escape(m['mark'])}|{re.escape(letter)})\s*[.．:：、)）]\s*\S", text):
            value = float(m["n"]) if "." in m["n"] else int(m["n"])
            out.cells[cell] = CellValue(value, out.cells[cell].raw, "reported", f"数字后的“{m['mark']}”是脚注标记，"
                                        f"表下印有这条注（{letter}），不计入数值")


def _glyph_cell(cell: CellValue | None) -> bool:
    return (cell is not None and cell.status == "ambiguous" and bool(cell.candidates) and cell.raw is not None
            and (glyph_reading(cell.raw) is not None or wrapped_number(cell.raw) is not None
                 or leading_zero_reading(cell.raw) is not None or cell.raw.strip() == DASH_OR_ONE
                 or _IN_BRACKETS.fullmatch(cell.raw.strip()) is not None or _MARKED.fullmatch(cell.raw.strip()) is not None
                 or _RAISED_DIGITS.fullmatch(cell.raw.strip()) is not None or _stop_after_count(cell.raw) is not None
                 or bool(_decimal_count_readings(cell.raw))))


_DECIMAL = re.compile(r"(\d+)\.(\d+)")


# Whether the report's tables say their blank cells are 0 (注：表中空白单元格表示0): a sheet leaving its zeros blank.
_BLANKS_ZERO: ContextVar[bool] = ContextVar("blanks_zero", default=False)


def _decimal_count_readings(raw: str) -> list[int]:
    """What a count printed with decimals may be: its whole part when they are zeros (5.0, 178.00: a
    spreadsheet's number format), its digits run together (2.5 for 25: a speck read as a point)."""
    m = _DECIMAL.fullmatch(raw.strip())
    if m is None:
        return []
    joined = int(m.group(1) + m.group(2)) if len(m.group(1) + m.group(2)) <= MAX_NUMBER_DIGITS else None
    readings = [int(m.group(1))] if not int(m.group(2)) else []
    return readings + ([joined] if joined is not None and joined not in readings else [])


# --- the three tables --------------------------------------------------------


def _sim(row: Row, printed: ValueRow) -> float:
    core = printed.core
    if not core:
        return 0.0
    target = set(row.match)
    return len(target & set(core)) / len(target)


def align(rows: list[ValueRow], template: tuple[Row, ...]) -> tuple[list[ValueRow | None], float]:
    """Match printed rows to form rows in order. Equal counts: by sequence
    (labels are often garbled or printed on other lines); otherwise by label
    similarity, skipping rows the report leaves out."""
    if len(rows) == len(template):
        return list(rows), sum(_sim(t, r) for t, r in zip(template, rows))
    n, m = len(template), len(rows)
    skip = -1.0
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    move = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        score[i][0], move[i][0] = i * skip, 1
    for j in range(1, m + 1):
        score[0][j], move[0][j] = j * skip, 2
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            best, how = score[i - 1][j - 1] + 2 * _sim(template[i - 1], rows[j - 1]) - 0.5, 0
            if score[i - 1][j] + skip > best:
                best, how = score[i - 1][j] + skip, 1
            if score[i][j - 1] + skip > best:
                best, how = score[i][j - 1] + skip, 2
            score[i][j], move[i][j] = best, how
    out: list[ValueRow | None] = [None] * n
    i, j = n, m
    while i > 0 or j > 0:
        how = move[i][j]
        if how == 0 and i > 0 and j > 0:
            out[i - 1] = rows[j - 1]
            i, j = i - 1, j - 1
        elif how == 1 or j == 0:
            i -= 1
        else:
            j -= 1
    return out, score[n][m]


# What stands between a row and values that are no rest of it: the table's heading or header printed again (a wide
# table's second strip, its rows' other columns, screenshots of a table scrolled sideways).
_HEADER_WORDS = ("申请人情况", "法人或其他组织", "商业企业", "社会公益组织")


def _printed_again_between(lines: list[str], start: int, end: int) -> bool:
    return any(SECTION_HEADINGS["t3"].match(line) or any(word in line for word in _HEADER_WORDS)
               for line in lines[start + 1:end])


def _merge_broken(rows: list[ValueRow], size: int, lines: list[str] = ()) -> list[ValueRow]:
    """A row whose values wrap onto the next line: join the halves. A number a narrow cell wraps, the
    row's other values centred between its two lines (11 / （七）总计 101 12 0 0 2 2 / 7, or at its
    thousands comma: 1, / … / 066), is put back where the row's last value is the sum of the others (the
    total column's identity), at one place only; else it is left out, its halves neither a row nor the
    row's last value: the row is short of it, as printed."""
    rows = _without_split_numbers(rows, size)
    out: list[ValueRow] = []
    for row in rows:
        prev = out[-1] if out else None
        if (prev is not None and not row.delimited and not prev.delimited and not row.label
                and len(prev.cells) < size and len(prev.cells) + len(row.cells) == size
                and (not _printed_again_between(lines, prev.line, row.line) or _continued_over_page(out, row, size))):
            out[-1] = ValueRow(prev.label, prev.cells + row.cells, False, prev.line, prev.extra_label)
            continue
        if prev is not None and not row.label and (joined := _number_cut_by_page(prev, row, size)) is not None:
            out[-1] = replace(prev, cells=joined)
            continue
        if prev is not None and not row.label and (joined := _wrapped_cells(prev, row, size)) is not None:
            out[-1] = replace(prev, cells=joined)
            continue
        out.append(row)
    return out


def _number_cut_by_page(head: ValueRow, tail: ValueRow, size: int) -> list[str] | None:
    """A table-3 row whose last number a page break cut (（一）予以公开 1 / the next page / 31 2 0 1 0 1 135, or
    （七）总计 53 8 0 0 1 0 6 / the next page / 2), as converters that reflow a PDF's text give it: the head's last
    digits and the tail's first joined, when that makes a row of the columns whose total is the sum of the others and
    the head alone is no such row; None otherwise."""
    if head.delimited or tail.delimited or size != len(forms.T3_COLUMNS) or len(head.cells) + len(tail.cells) != size + 1:
        return None
    values = [cell.strip() for cell in head.cells + tail.cells]
    if not all(_DIGITS.fullmatch(value) for value in values) or (len(head.cells) == size and _total_holds(head.cells)):
        return None
    cells = [*values[:len(head.cells) - 1], values[len(head.cells) - 1] + values[len(head.cells)],
             *values[len(head.cells) + 1:]]
    if max(map(len, cells)) > MAX_NUMBER_DIGITS or cells[len(head.cells) - 1].startswith("0"):
        return None
    counts = [int(cell) for cell in cells]
    return cells if counts[-1] == sum(counts[:-1]) else None


def _continued_over_page(rows: list[ValueRow], tail: ValueRow, size: int) -> bool:
    """Whether ``tail``, after the header printed again, is the rest of the last of ``rows``, a row that a page break
    cut (6.属于四类过程性信息 25 0 0 0 0 / the next page's header / 0 25): the row above it is whole, as no row of a
    table printed in strips is, and together they make a table-3 row whose total is the sum of the others."""
    if len(rows) < 2 or len(rows[-2].cells) != size or size != len(forms.T3_COLUMNS):
        return False
    values = [cell.strip().replace(",", "") for cell in rows[-1].cells + tail.cells]
    if not all(_DIGITS.fullmatch(value) and len(value) <= MAX_NUMBER_DIGITS for value in values):
        return False
    counts = [int(value) for value in values]
    return counts[-1] == sum(counts[:-1])


def _wrapped_cells(head: ValueRow, tail: ValueRow, size: int) -> list[str] | None:
    """A row of cells (pipes, tabs) wrapped onto the next line, as a converter's stream of cells breaks at its line
    width (|四、结转下年度继续办理 | | |18 |1 |0 |0 |0 |0 / |19 |), or a mail's at 72 columns: the values of both, the first
    line's empty cells before its values and the second's after them padding, when together they are a table-3 row whose total is
    the sum of the others; None otherwise."""
    if not (head.delimited and tail.delimited) or size != len(forms.T3_COLUMNS):
        return None
    first, second = [c.strip() for c in head.cells], [c.strip() for c in tail.cells]
    while first and not first[0]:
        first.pop(0)
    while second and not second[-1]:
        second.pop()
    if len(first) + len(second) == size + 1 and first and second:  # the line broken at a cell's border: its
        if not second[0]:  # tab begins the next line, or ends this one
            second.pop(0)
        elif not first[-1]:
            first.pop()
    values = first + second
    if not first or not second or len(values) != size or not all(_DIGITS.fullmatch(v.replace(",", "")) for v in values):
        return None  # (a row printed empty, then an unlabelled row of its own: no halves of one row)
    numbers = [int(v.replace(",", "")) for v in values]
    return values if numbers[-1] == sum(numbers[:-1]) else None


_THOUSANDS_HEAD = re.compile(r"\d{1,3},")
_THOUSANDS_TAIL = re.compile(r"\d{3}(?:,\d{3})*")
_DIGITS = re.compile(r"\d+")
_HAS_DIGIT = re.compile(r"\d")
_GROUPED_DIGITS = re.compile(r"\d+(?:,\d+)*")  # a wrapped number's piece may hold its thousands' comma (10,57 / 3)


_DIGITS_TAIL = re.compile(r"^\D*[\d\s]+$")  # digits after the rest of a wrapped label, if any


def _with_wrapped_digits(rows: list[ValueRow], lines: list[str], size: int,
                         name: Callable[[str], int | None] | None = None) -> list[ValueRow]:
    """Table 3's rows whose numbers narrow cells wrapped onto the lines around them, as a PDF's text keeps
    the page's layout (261 … 269 / 一、本年新收… 66 0 1 13 4 / 2 … 6; 12 21 0 1 11 17 150 / 62 5 6; a label's
    line with 120 … 122, the line below with the other values, then 4 … 8): each column's pieces joined top
    to bottom where they stand under one another, taken only when the row then has its seven values, its
    total the sum of the others, and no line of them prints a whole row, nor a row of its own (``name``: the label
    before its numbers names a form row, 二、上年结转…申请数量 0 above （一）予以公开 7 1 0 0 3 11, a blank left out)."""
    used: set[int] = set()
    out: dict[int, list[str]] = {}  # the rows made whole, by their index

    @cache
    def pieces_line(line: int) -> bool:  # a line that may hold pieces: numbers only after any text, fewer than a row's
        return 0 <= line < len(lines) and bool(_DIGITS_TAIL.match(lines[line])) and \
            0 < len(_DIGITS.findall(lines[line])) < size

    for k, row in enumerate(rows):
        if not row.label or row.delimited or len(row.cells) > size or not 0 <= row.line < len(lines) or not (
                pieces_line(row.line - 1) or pieces_line(row.line + 1)):
            continue
        own = _value_spans(lines[row.line], row.cells)
        if own is None:
            continue
        at = row.line
        for group in ((at - 1, at, at + 1), (at, at + 1), (at - 1, at), (at, at + 1, at + 2)):
            pieces = _wrapped_pieces(group, at, own, lines, used, size, name)
            for cells in (_stacked(sorted(pieces, key=lambda p: p[1])) if pieces else None,
                          _anchored(pieces, at) if pieces and len(own) == size else None):
                counts = [int(cell.replace(",", "")) for cell in cells] if cells is not None else []
                if len(counts) == size and counts[-1] == sum(counts[:-1]):
                    out[k] = cells
                    used |= set(group) - {at}
                    break
            if k in out:
                break
    if not out:
        return rows
    return [replace(row, cells=out[k]) if k in out else replace(row, cells=[]) if row.line in used else row
            for k, row in enumerate(rows) if k in out or row.label or row.line not in used]


_WRAPPED_DIGITS = re.compile(r"\d{1,2}")  # a wrapped count's last digits on the line below
_NOTE_MARKS = re.compile(r"[（(=+＝＋；;。：:]|注|行次")  # what a note's or a formula's words hold, a wrapped label's not


def _with_wrapped_last_digits(rows: list[ValueRow], name: Callable[[str], int | None], size: int) -> list[ValueRow]:
    """Table 3's rows whose numbers' last digits narrow cells wrapped onto the next line, with the label's tail, as a
    PDF viewer's copy gives them without the page's layout (一、本年新收政府信息公开 129 138 3 7 21 12 147 / 申请数量 3 4):
    a row whose total is not the sum of its values takes the digits, in order, at the one choice of its cells that
    makes it so; none when no choice or several do."""
    out: list[ValueRow] = []
    skip = False
    for k, row in enumerate(rows):
        if skip:
            skip = False
            continue
        tail = rows[k + 1] if k + 1 < len(rows) else None
        counts = [int(c) for c in row.cells] if all(c.isdecimal() and len(c) <= MAX_NUMBER_DIGITS for c in row.cells) else []
        if (tail is None or len(counts) != size or counts[-1] == sum(counts[:-1]) or tail.line != row.line + 1
                or not 0 < len(tail.cells) < size or not all(_WRAPPED_DIGITS.fullmatch(c) for c in tail.cells)
                or (tail.label and name(label_core(tail.label)) is not None)
                or _NOTE_MARKS.search(tail.label)):  # (a note under the table, （行次1+行次2=行次24…）: no label's tail)
            out.append(row)
            continue
        joined = [cells for places in itertools.combinations(range(size), len(tail.cells))
                  if (cells := [c + tail.cells[places.index(i)] if i in places else c for i, c in enumerate(row.cells)])
                  and int(cells[-1]) == sum(map(int, cells[:-1]))]
        if len(joined) != 1:
            out.append(row)
            continue
        out.append(replace(row, label=f"{row.label}{tail.label}", cells=joined[0]))
        skip = True
    return out


def _wrapped_pieces(group: tuple[int, ...], at: int, own: list[tuple[int, int, str]], lines: list[str],
                    used: set[int], size: int,
                    name: Callable[[str], int | None] | None = None) -> list[tuple[int, int, int, str]] | None:
    """The runs of digits on ``group``'s lines, as (line, start, end, digits): the row's own values on its line
    ``at``, every run on the others, which must print numbers only after any rest of a label, right of the row's
    label and fewer than a row's; None when a line of them does not."""
    pieces = [(at, a, b, text) for a, b, text in own]
    label_end = len(lines[at][:own[0][0]].rstrip())  # (a piece stands right of the row's label, under the values)
    for line in group:
        if line == at:
            continue
        if not 0 <= line < len(lines) or line in used or not _DIGITS_TAIL.match(lines[line]):
            return None
        runs = [(line, m.start(), m.end(), m.group()) for m in _GROUPED_DIGITS.finditer(lines[line])]
        if not runs or len(runs) >= size or runs[0][1] < label_end:
            return None
        if name is not None and name(label_core(lines[line][:runs[0][1]])) is not None:
            return None  # (a row of its own, its label naming a form row)
        pieces += runs
    return pieces


def _value_spans(line: str, cells: list[str]) -> list[tuple[int, int, str]] | None:
    """Where a row's values stand on its line: its last runs of digits, one a cell, or None."""
    runs = [(m.start(), m.end(), m.group()) for m in _GROUPED_DIGITS.finditer(line)][-len(cells):] if cells else []
    return runs if [text for _, _, text in runs] == [c.strip() for c in cells] else None


def _stacked(pieces: list[tuple[int, int, int, str]]) -> list[str] | None:
    """The columns that digit runs on lines one under another make, left to right: runs that overlap are
    one column's, joined top to bottom; None when a column has two runs of one line or joins into a 0 with
    digits after it."""
    columns: list[list[tuple[int, int, int, str]]] = []
    for piece in pieces:
        column = columns[-1] if columns else None
        if column and piece[1] < max(p[2] for p in column) and piece[2] > min(p[1] for p in column):
            if any(p[0] == piece[0] for p in column):
                return None
            column.append(piece)
        else:
            columns.append([piece])
    joined = ["".join(p[3] for p in sorted(column)) for column in columns]
    return None if any(len(cell) > 1 and cell.startswith("0") for cell in joined) else joined  # (no number does)


_ANCHOR_REACH = 3  # characters between a piece's centre and its value's in text laid out by pdftotext


def _anchored(pieces: list[tuple[int, int, int, str]], at: int) -> list[str] | None:
    """The row's values (on line ``at``, one a column) with the pieces of the lines around joined to them, each
    line's pieces to the nearest values left to right, one a value: pdftotext lays a narrow cell's wrapped digits
    a character or two off its value (164 106 … 276 / 申请数量 7 1 8, the 1 between 164 and 106). None when a
    piece stands by no value."""
    anchors = [piece for piece in pieces if piece[0] == at]
    joined: list[list[tuple[int, str]]] = [[(at, text)] for _, _, _, text in anchors]
    for line in sorted({piece[0] for piece in pieces} - {at}):
        last = -1
        for _, start, end, text in sorted(piece for piece in pieces if piece[0] == line):
            centre = (start + end) / 2
            free = [(abs(centre - (a[1] + a[2]) / 2), k) for k, a in enumerate(anchors) if k > last]
            if not free or (near := min(free))[0] > _ANCHOR_REACH:
                return None
            last = near[1]
            joined[last].append((line, text))
    cells = ["".join(text for _, text in sorted(column)) for column in joined]
    return None if any(len(cell) > 1 and cell.startswith("0") for cell in cells) else cells


def _halves_joined(head: ValueRow, tail: ValueRow) -> str:
    return (head.cells[0] + tail.cells[0]).replace(",", "").strip()


def _without_split_numbers(rows: list[ValueRow], size: int) -> list[ValueRow]:
    """The rows without the halves of a number wrapped around a labelled row (a lone 11 or 1, on the line
    above it, a lone 7 or 066 on the line below): put in the row where it is one short and, at one place
    only, they make its last value the sum of the others (table 3's total column); else dropped, the row
    short of it (see ``_merge_broken``)."""
    def lone(k: int, pattern: re.Pattern[str]) -> bool:
        return (0 <= k < len(rows) and not rows[k].label and not rows[k].delimited and len(rows[k].cells) == 1
                and bool(pattern.fullmatch(rows[k].cells[0].strip())))

    def placed(j: int) -> list[str] | None:
        """The row's values with the joined number in the one place that keeps the sum, or None."""
        others = [cell.strip() for cell in rows[j].cells]
        joined = _halves_joined(rows[j - 1], rows[j + 1])
        if len(others) != size - 1 or not all(_DIGITS.fullmatch(c) for c in [*others, joined]) or max(
                map(len, [*others, joined])) > MAX_NUMBER_DIGITS:
            return None
        fits = [cells for k in range(size) if int((cells := [*others[:k], joined, *others[k:]])[-1])
                == sum(map(int, cells[:-1]))]
        return fits[0] if len(fits) == 1 else None

    halves: set[int] = set()
    whole: dict[int, list[str]] = {}  # the rows the halves are put back in
    for j in range(1, len(rows) - 1):
        if not rows[j].label or rows[j - 1].label or rows[j + 1].line - rows[j - 1].line != 2:
            continue
        comma = lone(j - 1, _THOUSANDS_HEAD) and lone(j + 1, _THOUSANDS_TAIL)
        # (not the rest of a row one short above, wrapped onto its own line: a row's values that wrap)
        digits = (lone(j - 1, _DIGITS) and lone(j + 1, _DIGITS) and not rows[j].delimited
                  and (j < 2 or len(rows[j - 2].cells) >= size or rows[j - 2].line != rows[j - 1].line - 1))
        if not (comma or digits):
            continue
        if (cells := placed(j)) is not None:
            whole[j] = cells
        halves |= {j - 1, j + 1}
    if not halves:
        return rows
    return [replace(row, cells=whole[k]) if k in whole else row for k, row in enumerate(rows) if k not in halves]


def _join_cell_lines(rows: list[ValueRow], lines: list[str], size: int = 0, group: int = 0) -> list[ValueRow]:
    """A crawled table flattened one cell per line: consecutive lines holding
    one value each, with no text between them, are one row. Its label is the label text on the
    lines right above it, from the last piece that begins with a row's number (a web page's text
    prints a row's label cell before its cells; a row left empty prints its label alone). With the
    table's row ``size``, an empty line in a row is its blank cell (``_with_blank_cell_lines``), where
    each ``group`` of the row's cells, ending in their sum, leaves its blanks a count."""
    joined = _joined_cell_lines(rows)
    return _with_wrapped_notes(_with_blank_cell_lines(joined, lines, size, group), size) if size else joined


def _blanks_can_be_counts(cells: list[str], group: int) -> bool:
    """Whether each ``group`` of a row's cells whose last is their sum can have counts in its blank cells: its
    printed parts are no more than its printed total, and its total is printed unless its parts are all none.
    Runs of values that a text parts by empty lines are not always one row's pieces: plain pdftotext prints a
    column's cells of several rows as one run (0 ␤ 99 ␤ 3), and two such runs make a row's width with the empty
    line between them ([0, 99, 3, _, 0, 12, 1]); or a column's five values under its header 总计, then the
    empty lines before the next words, make a row of seven with its total blank."""
    if not group:
        return True
    for start in range(0, len(cells) - group + 1, group):
        *parts, total = [parse_cell(cell).value if cell.strip() else None for cell in cells[start:start + group]]
        counted = sum(v for v in parts if isinstance(v, (int, float)))
        if counted > total if isinstance(total, (int, float)) else total is None and counted:
            return False
    return True


# A note in brackets that a cell printed after its number, on a line of its own: （其中网上申请15件）.
_CELL_NOTE = re.compile(r"^[（(](?:其中|含|包括|包含|另|注|均|系)[^（）()]*[）)]$")


def _with_wrapped_notes(rows: list[ValueRow], size: int) -> list[ValueRow]:
    """A row whose cell's note in brackets went onto the next line with the rest of the row (a cell
    with a line break, saved as text: 一、本年新收… | 23 ␤ （其中网上申请15件） | 2 | 0 | … | 26): one row,
    the note after its number, where together they are as wide as the table."""
    out: list[ValueRow] = []
    for row in rows:
        prev = out[-1] if out else None
        if (prev is not None and prev.delimited and row.delimited and prev.cells and prev.cells[-1].strip()
                and _CELL_NOTE.match(row.label.strip()) and len(prev.cells) + len(row.cells) == size):
            cells = [*prev.cells[:-1], prev.cells[-1] + row.label.strip(), *row.cells]
            out[-1] = replace(prev, cells=cells, after=row.after)
            continue
        out.append(row)
    return out


def _joined_cell_lines(rows: list[ValueRow]) -> list[ValueRow]:
    out: list[ValueRow] = []
    joined: set[int] = set()
    for row in rows:
        prev = out[-1] if out else None
        if (prev is not None and not prev.delimited and not row.delimited and not row.label and not row.extra_label
                and len(row.cells) == 1 and row.line == prev.line + len(prev.cells) and not prev.label):
            out[-1] = replace(prev, cells=prev.cells + row.cells, after=row.after)
            joined.add(len(out) - 1)
            continue
        out.append(row)
    for k in joined:
        if out[k].before:
            out[k] = replace(out[k], label=_label_above(out[k].extra_label, out[k].before))
    return out


def _with_blank_cell_lines(rows: list[ValueRow], lines: list[str], size: int, group: int = 0) -> list[ValueRow]:
    """A row crawled one cell a line whose blank cell is an empty line (2 0 ␤ 0 0 0 2): two runs parted
    by one empty line that make a whole row with it, or a run one cell short with an empty line on
    one side only (before it, after its label; or after it, before the next text). A crawl that puts
    an empty line between every cell has no such runs."""
    def blank(i: int) -> bool:
        return 0 <= i < len(lines) and not lines[i].strip()

    def text(i: int) -> bool:
        return 0 <= i < len(lines) and bool(lines[i].strip())

    def a_cell_a_line(row: ValueRow) -> bool:
        return not row.delimited and row.line + len(row.cells) <= len(lines) and all(
            lines[row.line + k].strip() == cell.strip() for k, cell in enumerate(row.cells))

    rows = _spanned_cell_lines(rows, lines, size, a_cell_a_line, group)
    out: list[ValueRow] = []
    for row in rows:
        prev = out[-1] if out else None
        if len(row.cells) >= size or not a_cell_a_line(row):
            out.append(row)
            continue
        end = row.line + len(row.cells)
        if (prev is not None and a_cell_a_line(prev) and not row.label and not row.extra_label
                and row.line == prev.line + len(prev.cells) + 1 and blank(row.line - 1)
                and len(prev.cells) + 1 + len(row.cells) == size
                and _blanks_can_be_counts([*prev.cells, "", *row.cells], group)):
            out[-1] = replace(prev, cells=[*prev.cells, "", *row.cells], after=row.after)
        elif len(row.cells) == size - 1 and len(row.cells) > 1 and blank(row.line - 1) != blank(end):
            leading = blank(row.line - 1) and text(row.line - 2)
            trailing = blank(end) and text(end + 1)
            cells = [""] * leading + row.cells + [""] * trailing
            out.append(replace(row, cells=cells) if (leading or trailing) and _blanks_can_be_counts(cells, group)
                       else row)
        else:
            out.append(row)
    return out


def _spanned_cell_lines(rows: list[ValueRow], lines: list[str], size: int,
                        a_cell_a_line: Callable[[ValueRow], bool], group: int = 0) -> list[ValueRow]:
    """Rows crawled one cell a line whose blank cells are empty lines, several of them (389 ␤ 31 ␤ ␤ ␤ 6 ␤ 2 ␤
    428): between a row's label (words, no value) and the next line of text exactly the table's ``size``
    lines, each a value of the runs there or empty, are one row, its empty lines its blank cells (empty
    lines after a last value beyond them part the table from what follows)."""
    out: list[ValueRow] = []
    k = 0
    while k < len(rows):
        row = rows[k]
        if row.delimited or not a_cell_a_line(row):
            out.append(row)
            k += 1
            continue
        label = row.line - 1
        while label >= 0 and not lines[label].strip():
            label -= 1
        run, last = [row], row.line + len(row.cells)
        while (k + len(run) < len(rows) and a_cell_a_line(nxt := rows[k + len(run)]) and not nxt.label
               and not nxt.extra_label and all(not lines[i].strip() for i in range(last, nxt.line))):
            run.append(nxt)
            last = nxt.line + len(nxt.cells)
            if last - label - 1 > size:
                break  # longer than a row: no row (and the next rows not gathered again and again)
        end = last
        while end < len(lines) and end - label - 1 <= size and not lines[end].strip():
            end += 1  # empty lines after the last value: blank cells at the row's end, or the table's end
        width = last - label - 1 if last - label - 1 == size else end - label - 1
        span = [lines[i].strip() for i in range(label + 1, label + 1 + width)] if width == size else []
        if (label >= 0 and span and "" in span and not is_value_cell(lines[label].strip())
                and [cell for cell in span if cell] == [c.strip() for r in run for c in r.cells]
                and _blanks_can_be_counts(span, group)):
            label_text = _label_above(row.extra_label, row.before) if row.before and not row.label else row.label
            out.append(replace(row, label=label_text, cells=span, after=run[-1].after))
            k += len(run)
            continue
        out.append(row)
        k += 1
    return out


def _label_above(text: str, last: str) -> str:
    """The label of a row from the label lines printed above it (``text``, joined by spaces; ``last``
    the line right above): from the last line that begins with a row's number, else that line."""
    pieces = text.split(" ")
    starts = [k for k, piece in enumerate(pieces) if ROW_START.match(piece)]
    return " ".join(pieces[starts[-1]:]) if starts and last in " ".join(pieces[starts[-1]:]) else last


def _t2_labels(rows: list[ValueRow], form: forms.Form, lines: list[str]) -> list[str]:
    """The label each table-2 row is matched by. An unlabelled row takes the
    label line printed next to it: before it, or after it when the table
    prints its labels after the numbers (the side that names a form row for
    more rows wins; the text before is kept when neither does). A label naming
    no item goes on with a line of words below it that makes it one (行政规范
    1 0 4 / 性文件)."""
    def names_item(text: str) -> bool:
        core = label_core(text)
        return any(k in core for item in form.t2 for k in item.keywords)

    unlabelled = [r for r in rows if r.has_values and not r.label]
    # (a card's title above its measures' line, 第二十条第（一）项 · 规章 / 本年制发件数…: the lines since the row before)
    before = sum(1 for r in unlabelled if names_item(r.before) or _naming_end(r.extra_label, names_item))
    after = sum(1 for r in unlabelled if names_item(r.after))
    out = []
    for r in rows:
        if r.label and r.has_values and not names_item(r.label) and (whole := _naming_end(r.extra_label, names_item)):
            out.append(whole)  # a label wrapped a piece a line above its numbers: 其他对外管理服 / 务事项
        elif (r.label and r.has_values and not names_item(r.label) and r.line + 1 < len(lines)
              and not _HAS_DIGIT.search(below := lines[r.line + 1]) and names_item(r.label + below.strip())
              and not names_item(below)):  # (行政处罚 / 本年处理决定数量647 / 行政强制: the next card's title)
            out.append(r.label + below.strip())  # …and a piece a line below: 行政规范 1 0 4 / 性文件
        elif (r.label and r.has_values and not names_item(r.label) and r.line > 0
              and not _HAS_DIGIT.search(above := lines[r.line - 1]) and names_item(above.strip() + r.label)
              and not (delimiter(above) and _ITEM_OF_ITS_OWN.match(r.label))):
            out.append(above.strip() + r.label)  # …and its numbers on its last line: 其他对外管理服务 / 事项 0 0 0
        elif r.label and r.has_values and " " in r.label and len(_items_named(form.id, r.label)) > 1 \
                and (last := _naming_end(r.label, names_item)) is not None and len(_items_named(form.id, last)) == 1:
            out.append(last)  # (label lines run together, 行政许可 ··· 第二十条第（六）项 … 行政处罚 0: the item nearest its
            # numbers; the one before printed none)
        elif r.label or not r.has_values:
            out.append(r.label or r.extra_label)
        elif after > before and names_item(r.after):
            out.append(r.after)
        else:  # from the item heading printed last (a crawl's empty rows' labels come before it)
            out.append(r.extra_label[r.extra_label.rfind("第二十条"):] if "第二十条" in r.extra_label else r.extra_label)
    return out


# A row label that begins as an item's does (行政确认, 其他行政权力事项: an item a local template adds), no piece of a
# wrapped label: under a row of cells of its own (行政许可 |  |, printed empty), it is no end of that row's label.
# So too a sum's row (合计 | 0 | 0 | 0 under 行政规范性文件 |  |  |): the rows above it summed, no piece of theirs.
_ITEM_OF_ITS_OWN = re.compile(r"\s*(?:行政|其他|地方性|政府|合计|小计|总计)")


def _naming_end(text: str, names: Callable[[str], bool]) -> str | None:
    """The fewest of the last pieces of ``text`` (label lines joined by spaces) that ``names`` a
    row, or None."""
    pieces = text.split(" ")
    return next((whole for k in range(len(pieces) - 1, -1, -1) if names(whole := " ".join(pieces[k:]))), None)


_ASIDE = re.compile(r"[（(][^（）()]*[)）]")


def _t2_rows(rows: list[ValueRow], cores: list[str], form: forms.Form) -> dict[str, ValueRow]:
    """The printed row of each table-2 item, by its label. A row goes to one item only: an item
    takes a row naming it alone first (行政强制), then one naming it with others (行政处罚、行政强制)
    that no item has taken; among them, the first with numbers. An item named only in a row's aside
    (行政处罚（含行政强制）) is not that row's."""
    named = [[item.id for item in form.t2 if any(k in core for k in item.keywords)
              or core in forms.T2_WHOLE_LABELS.get(item.id, ())] for core in cores]
    for k, row in enumerate(rows):  # (规范性文件（含政府规章）: the item its aside includes is no other row's)
        if len(named[k]) > 1 and (outside := label_core(_ASIDE.sub("", row.label))):
            named[k] = [item for item in named[k] if any(
                w in outside for w in next(i for i in form.t2 if i.id == item).keywords)] or named[k]
        elif not named[k] and row.has_values and (cut := _cut_item(cores[k], form)) is not None:
            named[k] = [cut]
    taken: set[int] = set()
    out: dict[str, ValueRow] = {}
    for alone in (True, False):
        for item in form.t2:
            pool = [i for i, r in enumerate(rows) if item.id in named[i] and (len(named[i]) == 1) == alone
                    and i not in taken and (r.has_values or r.delimited)]
            if item.id in out or not pool:
                continue
            pick = next((i for i in pool if rows[i].has_values), pool[0])
            out[item.id] = rows[pick]
            taken.add(pick)
    return out


_CUT_MIN = 3  # characters of an item's name a label cut short ends with, at least (规范性, 其他对外管理服)
_MISREAD_MIN = 4  # characters of an item's name read with one of them wrong, at least (行政许可: not 规章, 许可)


def _misread_item(core: str, form: forms.Form) -> forms.Table2Item | None:
    """The item a row's label names with one character misread (OCR's 行政许司, 行政强剔 for 行政许可, 行政强制): the one
    item one of whose names of four or more characters differs from the label in one character only; None when none
    or several. (No two of the form's items' names are one character apart.)"""
    items = {item for item in form.t2 for word in item.keywords if len(word) >= _MISREAD_MIN and len(word) == len(core)
             and sum(a != b for a, b in zip(word, core)) == 1}
    return items.pop() if len(items) == 1 else None


def _rows_misread(rows: list[ValueRow], cores: list[str], form: forms.Form,
                  matched: dict[str, ValueRow]) -> list[tuple[forms.Table2Item, ValueRow]]:
    """Rows whose label names no item but one item's name with one character misread (``_misread_item``): that item's,
    when it is the one such row and the item has no row of its own (a section of two items, where ``_rows_by_section``
    cannot tell)."""
    found: dict[forms.Table2Item, list[ValueRow]] = {}
    for row, core in zip(rows, cores):
        if row.has_values and not any(k in core for item in form.t2 for k in item.keywords) \
                and (item := _misread_item(core, form)) is not None and item.id not in matched:
            found.setdefault(item, []).append(row)
    return [(item, rows_of[0]) for item, rows_of in found.items() if len(rows_of) == 1]


def _cut_item(core: str, form: forms.Form) -> str | None:
    """The item a row's label names cut short (a narrow column, a character limit: 行政规范性…, 其他对外管理服…): the
    one item one of whose names begins with the label's last characters, three or more; None when none or several."""
    items = {item.id for item in form.t2 for word in item.keywords
             if any(core.endswith(word[:n]) for n in range(_CUT_MIN, len(word)))}
    return items.pop() if len(items) == 1 else None


def _item_in_parts(rows: list[ValueRow], cores: list[str], form: forms.Form) -> dict[str, list[ValueRow]]:
    """Items printed only in parts, a row each that names the item with an aside of its own (行政许可（前置审批） and
    行政许可（一般）) and prints numbers, no row naming it alone: each such item's rows."""
    parts: dict[str, list[tuple[ValueRow, str]]] = {}
    for row, core in zip(rows, cores):  # (most rows print no aside: looked at no further)
        if (aside := _ASIDE.search(row.label)) and row.has_values and len(named := _items_named(form.id, core)) == 1:
            parts.setdefault(named[0].id, []).append((row, aside.group()))
    return {item: [row for row, _ in found] for item, found in parts.items()
            if len(found) >= 2 and len({a for _, a in found}) == len(found)  # (and no row naming the item alone)
            and sum(1 for row, core in zip(rows, cores) if row.has_values
                    and [i.id for i in _items_named(form.id, core)] == [item]) == len(found)}


def _measure_rows(rows: list[ValueRow], lines: list[str],
                  form: forms.Form) -> dict[forms.Table2Item, tuple[ValueRow, list[ValueRow]]]:
    """Each item of several measures printed a row per measure, one value each, its line naming the item and the
    measure (规章 | 本年制发件数 | 件 | 0; 规章 | 本年废止件数 | 件 | 0): the item's row of those values in the form's order,
    a measure no row names left empty, with the rows it was read from. Only where two measures of the item or more
    have such rows."""
    out = {}
    for item in form.t2:
        if len(item.measures) < 2:
            continue
        found: dict[str, ValueRow] = {}
        for row in rows:
            own = lines[row.line]  # (not the label: a row printing no figure above it is joined to it)
            named = [m.id for m in item.measures if any(w in own for w in forms.T2_MEASURE_WORDS[m.id])]
            if len(named) == 1 and len(row.cells) == 1 and any(k in label_core(own) for k in item.keywords) \
                    and any(w in row.label for w in forms.T2_MEASURE_WORDS[named[0]]):  # (its own value, after them)
                found.setdefault(named[0], row)
            elif not row.label and len(row.cells) == 1 and (named := _measure_above(row, lines, item)):
                found.setdefault(named, row)
        if len(found) >= 2:
            first = min(found.values(), key=lambda row: row.line)
            out[item] = (ValueRow(item.label_zh, [found[m.id].cells[0] if m.id in found else "" for m in item.measures],
                                  True, first.line), list(found.values()))
    return out


_ITEM_LABEL_SLACK = 4  # characters an item's label may print beyond the form's name of it (行政规范性文件)


def _measure_above(row: ValueRow, lines: list[str], item: forms.Table2Item) -> str | None:
    """The measure of ``item`` a lone value's line is under, a line each (规章 / 本年制发件数 / 0 / 本年废止件数 / 0: a
    list of terms and their values, as <dl> pairs print them): the line above naming one measure alone, and the lines
    above it up to one naming the item only its measures' names and values."""
    if row.line < 2 or len(named := _measures_named(lines[row.line - 1], item)) != 1:
        return None
    for k in range(row.line - 2, -1, -1):
        core = label_core(lines[k])
        if any(k_ in core for k_ in item.keywords) and not any(c.isdigit() for c in lines[k]):
            return named[0] if len(core) <= len(item.label_zh) + _ITEM_LABEL_SLACK else None  # (a label, no prose)
        if core and len(_measures_named(lines[k], item)) != 1:
            return None
    return None


def _measures_named(line: str, item: forms.Table2Item) -> list[str]:
    """The measures of ``item`` a line names, where it names nothing else: 本年制发件数, not a row of numbers."""
    if any(c.isdigit() for c in line):
        return []
    return [m.id for m in item.measures if any(w in line for w in forms.T2_MEASURE_WORDS[m.id])]


_ARTICLE = re.compile(r"第二十条\s*第?\s*[（(]\s*([一二三四五六七八九十]+)\s*[)）]\s*项")


def _rows_by_section(layout: Layout, rows: list[ValueRow], cores: list[str], form: forms.Form,
                     matched: dict[str, ValueRow]) -> list[tuple[forms.Table2Item, ValueRow]]:
    """Rows whose label names no item (OCR's 行政许司) under a 第二十条 heading of one item only: that item's,
    when it is the heading's one such row and the item has no row of its own."""
    sole = {}
    for item in form.t2:
        article = _ARTICLE.search(item.section_zh)[1]
        sole[article] = None if article in sole else item
    start = layout.regions.get("t2", (0, 0))[0]
    under: dict[forms.Table2Item, list[ValueRow]] = {}
    for row, core in zip(rows, cores):
        if not row.has_values or any(k in core for item in form.t2 for k in item.keywords):
            continue
        heading = next((m for k in range(row.line - 1, start - 1, -1) if (m := _ARTICLE.search(layout.lines[k]))), None)
        if heading and (item := sole.get(heading[1])) and item.id not in matched:
            under.setdefault(item, []).append(row)
    return [(item, found[0]) for item, found in under.items() if len(found) == 1]


def _page_cut_rows_joined(rows: list[ValueRow]) -> list[ValueRow]:
    """Rows of cells that a page break cut in two, as a PDF's ruled table gives them (其他对外管理服务事项 | 30 | | on
    one page, | | 0 | 1434 on the next): a labelled row whose last cells are empty, then on the next line an unlabelled
    one of as many cells whose first are, each holding values exactly where the other is empty, are one row."""
    out: list[ValueRow] = []
    for row in rows:
        prev = out[-1] if out else None
        if prev is not None and prev.delimited and row.delimited and prev.label and not row.label \
                and row.line == prev.line + 1:
            cells = row.cells[1:] if len(row.cells) == len(prev.cells) + 1 and not row.cells[0].strip() else row.cells
            head = [bool(cell.strip()) for cell in prev.cells]  # (the second's empty label cell is none of its values)
            tail = [bool(cell.strip()) for cell in cells]
            cut = head.index(False) if False in head else len(head)
            if len(head) == len(tail) > 1 and 0 < cut < len(head) and head == [True] * cut + [False] * (len(head) - cut) \
                    and tail == [not h for h in head]:
                out[-1] = replace(prev, cells=prev.cells[:cut] + cells[cut:])
                continue
        out.append(row)
    return out


def _wrapped_t2_rows(rows: list[ValueRow], form: forms.Form) -> list[ValueRow]:
    """An item's row whose last values a hard line break put on the next line, alone (行政规范性文件 ⇥ 12 ⇥ 8 ⏎ 103): the
    row's label names one item, its values and the next line's, all printed, are as many as the item's measures, and
    no item's label follows the line's (values printed before their labels, as some PDF text does)."""
    out: list[ValueRow] = []
    for row in rows:
        prev = out[-1] if out else None
        if (prev is not None and prev.label and not row.label and not row.extra_label and row.line == prev.line + 1
                and not (row.after and _items_named(form.id, row.after))  # (12 ⏎ 行政许可: the next item's, its label after)
                and all(cell.strip() for cell in prev.cells + row.cells)
                and len(items := _items_named(form.id, prev.label)) == 1
                and len(prev.cells) < len(items[0].measures) == len(prev.cells) + len(row.cells)):
            out[-1] = replace(prev, cells=prev.cells + row.cells)
            continue
        out.append(row)
    return out


def read_t2(layout: Layout, form: forms.Form, out: Tables) -> None:
    rows = _own_scope_columns(layout, "t2", _join_cell_lines(_own_scope_rows(layout, "t2", _wrapped_t2_rows(
        _page_cut_rows_joined(_this_year_copy(layout, "t2", out)), form), out), layout.lines), out)
    if (parted := _two_items_parted(rows, form)) is not None:
        rows = parted
        out.warn("t2.two_items_a_row", "t2: a row names two items of one measure each and prints two values "
                 "(行政许可、行政处罚 | 1362、214): each item read with its value, in the order the label names them")
    cores = [label_core(text) for text in _t2_labels(rows, form, layout.lines)]
    matched = _t2_rows(rows, cores, form)
    split = _item_in_parts(rows, cores, form)
    for item_id in split:
        matched.pop(item_id, None)
    by_measure = _measure_rows(rows, layout.lines, form)
    for item, (row, used) in by_measure.items():
        matched[item.id] = row
        for other, taken in list(matched.items()):  # (a row printing no figure joined to the label of the next)
            if other not in by_measure and any(taken is r for r in used):
                del matched[other]
        out.warn("t2.measure_rows", f"t2: '{item.label_zh}' is printed a row per measure (规章 | 本年制发件数 | 0, as "
                 "statistics forms and data exports list it); each value read by the measure its row names",
                 line=row.line + 1)
    for item, row in _rows_by_section(layout, rows, cores, form, matched):
        matched[item.id] = row
        out.warn("t2.row_by_section", f"t2: the row labelled {row.label!r} names no item of the form; read as "
                 f"'{item.label_zh}', the only item of the 第二十条 heading above it", line=row.line + 1)
    for item, row in _rows_misread(rows, cores, form, matched):
        matched[item.id] = row
        out.warn("t2.row_misread", f"t2: the row labelled {row.label!r} names no item of the form; read as "
                 f"'{item.label_zh}', whose name it prints with one character otherwise", line=row.line + 1)
    unsure: dict[forms.Table2Item, tuple[ValueRow, ValueRow]] = {}
    for item, row, across in [*_section_blocks(layout, form, matched), *_measure_columns(layout, form, matched)]:
        if across.cells != row.cells:
            unsure[item] = (row, across)
            matched.pop(item.id, None)
            continue
        matched[item.id] = row
        out.warn("t2.section_blocks", f"t2: '{item.label_zh}' printed apart from its numbers, which follow its "
                 "第二十条 heading and measures a line each (text of a PDF read cell by cell, column by column); "
                 "read in the order its labels are printed", line=row.line + 1)
    for code, how, reader in (
            ("t2.turned", "as a column under a header naming items, its measures a row each (本年制发件数 | 0 | 4 …); "
                          "each value is read by its column's and its row's names", _turned_t2_items),
            ("t2.wide", "in one wide row of every item (a header of items, one of their measures, then a line of "
                        "numbers); each value is read by its column", _wide_t2_items)):
        for item, row in reader(layout, form).items():
            # (a row read by its label that prints other than the item's measures, 现行有效件数 | 0 | 5 taken for the
            # turned header's 行政许可 beside it, or the first measure's row with the header's names joined to its label
            # (项目 规章 行政规范性文件 … 本年制发件数 | 0 | 8, taken for 规章), loses to the column its header names)
            if not (item.id in matched and matched[item.id].has_values and matched[item.id].label
                    and _items_named(form.id, matched[item.id].label) == (item,)
                    and len(fit(matched[item.id].cells, len(item.measures))) == len(item.measures)):
                matched[item.id] = row
                out.warn(code, f"t2: '{item.label_zh}' is printed {how}", line=row.line + 1)
    headers = _t2_headers(layout)
    # (行政处罚 | 214 | 214 | 214 elsewhere: the table copies a merged cell's value, and 行政强制 | 9 | 9 | 9 is 9, not 999)
    copied = any(len(value) > 1 for item in form.t2 if len(item.measures) == 1
                 and (row := matched.get(item.id)) is not None and (value := _repeated_value(row)))
    for item in form.t2:
        ids = tuple(forms.t2_cell(item.id, m.id) for m in item.measures)
        match = matched.get(item.id)
        if match is not None and match.has_values and not match.label and _under_other_measures(layout, match, item):
            out.warn("t2.other_measures", f"t2: the numbers read for '{item.label_zh}' stand under a header naming "
                     "another item's measures (labels printed apart from their numbers); not read", line=match.line + 1)
            match = None
        if match is not None and match.has_values and (other := _other_form_measures(layout, match, form)):
            out.warn("t2.other_form_measures", f"t2: '{item.label_zh}' is printed under measures of the other form's "
                     f"table 2 ({', '.join(other)}), none of this form's: its values are not read", line=match.line + 1)
            match = None
        if match is not None and len(match.cells) > len(ids) and _empty_past_header(headers, match):
            match = replace(match, cells=fit(match.cells, len(ids)))  # (| 行政事业性收费 | 22 | 0 |  | under 3 cells)
        if (match is not None and len(match.cells) > len(ids)
                and (columns := _t2_header_columns(headers, layout, match, item)) is not None):
            match = replace(match, cells=[match.cells[k] for k in columns])
            out.warn("t2.extra_columns", f"t2: the header above '{item.label_zh}' prints columns the form does not "
                     "have (the year before's, a change); its own read by the header's names", line=match.line + 1)
        elif match is not None and (printed := _t2_header_order(headers, match.line, item)) is not None:
            ids = tuple(forms.t2_cell(item.id, m) for m in printed)
            out.warn("t2.column_order", f"t2: the header above '{item.label_zh}' prints its measures in another order "
                     f"({', '.join(printed)}); read by the header's names", line=match.line + 1)
        if match is not None and (named := _fewer_measures_named(layout, match, item)) is not None:
            ids = tuple(forms.t2_cell(item.id, m) for m in named)
            match = replace(match, cells=match.cells[:len(named)])
            out.warn("t2.fewer_measures", f"t2: the header above '{item.label_zh}' names only {', '.join(named)} (the "
                     "other form's columns for this item): its values are read so, the other measures not printed",
                     line=match.line + 1)
        if match is not None and (said_none := _merged_none(match, len(ids))) is not None:
            match = said_none  # (规章 | 无: one cell merged across the item's measures)
        if match is not None and not match.has_values:
            match = ValueRow(match.label, [""] * len(ids), True, match.line)  # the row is printed, its cells empty
        if match is not None and len(match.cells) > len(ids) and (
                not match.delimited or (_digits_spread(match, ids) and not (copied and _repeated_value(match)))):
            _read_crowded_t2_row(ids, match, out)
            continue
        if match is not None and len(ids) == 1 and (pieces := _pieces_of_one_number(match)) is not None:
            joined = int("".join(pieces))
            out.cells[ids[0]] = CellValue(None, " | ".join(c.strip() for c in match.cells if c.strip()), "ambiguous",
                                          f"本项只有一个数，这一行却印出 {len(pieces)} 个：可能是窄格中折成几行的一个数（连读作 "
                                          f"{joined}），也可能是表格没有的列，未作选择", [int(pieces[0]), joined])
            continue
        placed = match.cells if match is not None and _under_its_measures(headers, match, item, ids) else None
        read_table([_Slot(ids, match, grid=placed)], [], out, "t2", keep="first")
    for item_id, parts in split.items():
        item = next(i for i in form.t2 if i.id == item_id)
        for k, measure in enumerate(item.measures):
            printed = [cells[k] if k < len(cells := fit(row.cells, len(item.measures))) else "" for row in parts]
            readings = [parse_cell(c).value for c in printed]
            if all(isinstance(v, int | float) for v in readings):
                readings.append(sum(readings))
            out.cells[forms.t2_cell(item.id, measure.id)] = CellValue(
                None, " | ".join(printed), "ambiguous", "本项分几行印出（" + "、".join(r.label for r in parts)
                + "），没有本项自身的一行：各行之一或其和，未作选择", _candidates(readings))
        out.warn("t2.item_in_parts", f"t2: '{item.label_zh}' is printed only in parts, a row each "
                 f"({', '.join(r.label for r in parts)}), with no row of its own; not chosen", line=parts[0].line + 1)
    for item, (row, across) in unsure.items():
        for measure, down, side in zip(item.measures, row.cells, across.cells):
            readings = [parse_cell(down).value, parse_cell(side).value]
            out.cells[forms.t2_cell(item.id, measure.id)] = CellValue(
                None, f"{down} | {side}", "ambiguous", _BLOCK_ORDER_NOTE, readings)
        out.warn("t2.section_blocks", f"t2: the numbers under the heading of '{row.label}' stand a line each apart "
                 "from its labels, in an order the text does not show (row by row, or column by column as pdfminer "
                 "gives them); not chosen", line=row.line + 1)
    for cell in forms.cells(form.id):  # (a cell no row reached is not yet in ``out``: it is missing)
        if cell.kind == "money" and (read := out.cells.get(cell.id)) is not None and read.status != "missing":
            _set_money_unit(read, cell, layout.region_text("t2"))


_NUMBER_PIECE = re.compile(r"\d{1,3}")


def _pieces_of_one_number(row: ValueRow) -> list[str] | None:
    """The pieces of one number a narrow cell wrapped (4 | 32 | 15 for 43215, a merged cell's lines spread over the
    places it spans) in a row of an item of one measure: its values, two or more, short runs of digits, not all the
    same (214 | 214 | 214: a merged cell's value copied); None for any other row."""
    values = [cell.strip() for cell in row.cells if cell.strip()]
    if len(values) < 2 or len(set(values)) == 1 or not all(_NUMBER_PIECE.fullmatch(v) for v in values) \
            or values[0].startswith("0") or len("".join(values)) > MAX_NUMBER_DIGITS:
        return None
    return values


_JOINS = frozenset("、/／和及与")
_TWO_ITEMS = re.compile(r"(?P<first>[\u4e00-\u9fff]{2,12})\s*[、/／和及与]\s*(?P<second>[\u4e00-\u9fff]{2,12})")
_TWO_VALUES = re.compile(r"(?P<first>\d[\d,.]*)\s*[、/／;；]\s*(?P<second>\d[\d,.]*)")


def _two_items_parted(rows: list[ValueRow], form: forms.Form) -> list[ValueRow] | None:
    """Table 2's rows naming two items of one measure each joined (行政许可、行政处罚, 行政处罚/行政强制) and printing
    two values (in two cells, or one: 1362、214), as a row for each item, the values in the label's order; None when
    no row is such."""
    out, parted = [], False
    for row in rows:
        names = _TWO_ITEMS.fullmatch(row.label.strip()) if _JOINS.intersection(row.label) else None
        items = [_items_named(form.id, names[part]) for part in ("first", "second")] if names else []
        values = [c for c in row.cells if c.strip()]
        if len(values) == 1 and (two := _TWO_VALUES.fullmatch(values[0].strip())):
            values = [two["first"], two["second"]]
        if (len(items) == 2 and all(len(named) == 1 and len(named[0].measures) == 1 for named in items)
                and items[0] != items[1] and len(values) == 2):
            out += [replace(row, label=named[0].label_zh, cells=[value]) for named, value in zip(items, values)]
            parted = True
        else:
            out.append(row)
    return out if parted else None


def _t2_lines(layout: Layout) -> tuple[int, list[str]]:
    """Table 2's region: its first line's index and its lines (none when the report prints no table 2)."""
    start, end = layout.regions.get("t2", (0, 0))
    return start, layout.lines[start:end]


def _turned_t2_items(layout: Layout, form: forms.Form) -> dict[forms.Table2Item, ValueRow]:
    """Items printed turned: a header line naming two items or more, a column each (信息内容 | 规章 | 行政规范性文件 |
    合计), then a line for each measure of theirs, named in its first words (本年制发件数 | 0 | 4 | 4, after a 序号 cell
    or not): each item's row, its measures in the form's order, when every measure of it is printed so. The values
    stand after the measure's name as the items after the header's first: a column naming no item (合计) is none."""
    start, lines = _t2_lines(layout)
    out: dict[forms.Table2Item, ValueRow] = {}
    for k, line in enumerate(lines):
        if _HAS_DIGIT.search(line):
            continue
        header: list[str] = []  # (its names in one cell, spaced apart: a text's header line)
        for cell in line_cells(line):
            words = cell.split()
            if sum(1 for word in words if _items_named(form.id, word)) >= 2:
                header += words
            else:  # (an empty cell too keeps its column: the corner under a merged 信息内容 above)
                header.append(cell.strip())
        columns = {p: named[0] for p, cell in enumerate(header) if p and len(named := _items_named(form.id, cell)) == 1}
        if len(columns) < 2:
            continue
        first = min(columns)
        printed: dict[forms.Table2Item, dict[str, str]] = {}
        for below in lines[k + 1:]:
            cells = [cell.strip() for cell in line_cells(below)]
            at = next((n for n, cell in enumerate(cells) if cell and not is_value_cell(cell)), None)
            measure = [m for m, words in forms.T2_MEASURE_WORDS.items() if at is not None
                       and any(w in cells[at] for w in words)]
            if len(measure) != 1:
                break
            for p, item in columns.items():
                if (n := at + 1 + p - first) < len(cells) and measure[0] in {m.id for m in item.measures}:
                    printed.setdefault(item, {})[measure[0]] = cells[n]
        for item, values in printed.items():
            if set(values) == {m.id for m in item.measures}:
                out[item] = ValueRow(item.label_zh, [values[m.id] for m in item.measures], True, start + k)
    return out


_WIDE_REACH = 3  # lines from a wide table 2's line of items to its line of numbers, its measures' line between


def _wide_t2_items(layout: Layout, form: forms.Form) -> dict[forms.Table2Item, ValueRow]:
    """Items printed in one wide row (a line naming the items, each once over its merged columns: ⇥规章⇥⇥⇥行政规范性
    文件⇥⇥⇥行政许可…; a line naming each column's measure, or each cell naming its item and measure at once, as an
    export joins a header's levels: 规章-本年制发件数; then a line of numbers, a column each): each item's row,
    when its columns are exactly its measures, every one holding a value."""
    start, lines = _t2_lines(layout)
    out: dict[forms.Table2Item, ValueRow] = {}
    for k, line in enumerate(lines):
        if "\t" not in line or _HAS_DIGIT.search(line):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        named = {p: found[0] for p, cell in enumerate(cells) if cell and len(found := _items_named(form.id, cell)) == 1}
        if len(set(named.values())) < 3:
            continue
        below, first = lines[k + 1:k + _WIDE_REACH], start + k + 1  # (the line ``below`` starts at)
        if all(len(_MEASURE_WORD.findall(cells[p])) == 1 for p in named):
            below, first, measures_at = [line, *below], start + k, 0  # (规章-本年制发件数: item and measure in a cell)
        else:
            measures_at = next((n for n, text in enumerate(below) if not _HAS_DIGIT.search(text)
                                and len(_MEASURE_WORD.findall(text)) >= 3), None)
        if measures_at is None:
            out.update(_wide_single_measures(named, below, first))
            continue
        if measures_at + 1 >= len(below):
            continue
        measure_cells = [cell.strip() for cell in below[measures_at].split("\t")]
        values = [cell.strip() for cell in below[measures_at + 1].split("\t")]
        columns: dict[forms.Table2Item, dict[str, str]] = {}
        item = None
        for p, cell in enumerate(measure_cells):
            item = named.get(p, item)
            measure = [m for m, words in forms.T2_MEASURE_WORDS.items() if any(w in cell for w in words)]
            if item is not None and len(measure) == 1 and p < len(values):
                columns.setdefault(item, {})[measure[0]] = values[p]
        for item, printed in columns.items():
            if set(printed) == {m.id for m in item.measures} and all(is_value_cell(v) for v in printed.values()):
                out[item] = ValueRow(item.label_zh, [printed[m.id] for m in item.measures], True,
                                     first + measures_at + 1)
    return out


def _wide_single_measures(named: dict[int, forms.Table2Item], below: list[str],
                          first: int) -> dict[forms.Table2Item, ValueRow]:
    """Items of one measure each named in a header's columns (信息内容 | 许可 | 处罚 | 强制 | 收费（万元）) over the next line's
    numbers, a column each (本年数量 | 517 | 163 | 9 | 0): each item's value; none unless every named column holds one."""
    at = next((n for n, text in enumerate(below) if text.strip()), None)
    if at is None or any(len(item.measures) != 1 for item in named.values()):
        return {}
    values = [cell.strip() for cell in below[at].split("\t")]
    if not all(p < len(values) and values[p] and is_value_cell(values[p]) for p in named):
        return {}
    return {item: ValueRow(item.label_zh, [values[p]], True, first + at) for p, item in named.items()}


@lru_cache(maxsize=4096)
def _items_named(form_id: str, cell: str) -> tuple[forms.Table2Item, ...]:
    core = label_core(cell)
    return tuple(item for item in forms.FORMS[form_id].t2 if any(w in core for w in item.keywords)
                 or core in forms.T2_WHOLE_LABELS.get(item.id, ()))


_MEASURE_WORD = re.compile("|".join(re.escape(w) for words in forms.T2_MEASURE_WORDS.values() for w in words))


_BLOCK_ORDER_NOTE = ("各数与行名分开、一行一个（不保留版式的 PDF 文字），文字不显示是逐行还是逐列排列："
                     "两种读法不同，未作选择")


def _section_blocks(layout: Layout, form: forms.Form,
                    matched: dict[str, ValueRow]) -> list[tuple[forms.Table2Item, ValueRow, ValueRow]]:
    """Rows of items with no numbers of their own read from a 第二十条 heading printed alone, its measures a
    line each under it, then exactly a value a line for each of its items and measures: a PDF's text read
    cell by cell puts the labels column first (规章 / 规范性文件 / 行政许可 …) and each heading's block of
    numbers after it, row by row (pdftotext) or column by column (pdfminer); each item's row both ways. The
    items go in the order the region prints their labels (the form's when it does not print them all)."""
    if "t2" not in layout.regions:
        return []
    start, end = layout.regions["t2"]
    lines = [line.strip() for line in layout.lines[start:end]]
    first = start  # the labels column may stand before the region's first heading: short lines of words
    while first > 0 and len(above := layout.lines[first - 1].strip()) <= 20 and not _HAS_DIGIT.search(above):
        first -= 1
    labels_column = [line.strip() for line in layout.lines[first:start]]
    out = []
    for at, line in enumerate(lines):
        if not ((m := _ARTICLE.fullmatch(line)) and (items := [i for i in form.t2 if _ARTICLE.search(i.section_zh)[1] == m[1]])):
            continue
        if any(i.id in matched and sum(1 for c in matched[i.id].cells if c.strip()) >= len(i.measures) for i in items):
            continue  # an item's row printed whole
        measures, values, k = [], [], at + 1
        while k < len(lines) and not values:
            named = [mid for mid, words in forms.T2_MEASURE_WORDS.items() if any(w in lines[k] for w in words)]
            if len(named) != 1 or _HAS_DIGIT.search(lines[k]):
                break
            measures.append(named[0])
            k += 1
        labels = {label_core(i.label_zh) for i in items}
        while k < len(lines) and (not lines[k] or is_value_cell(lines[k]) or label_core(lines[k]) in labels):
            if lines[k] and is_value_cell(lines[k]):
                values.append(lines[k])
            k += 1
        if not all({ms.id for ms in i.measures} == set(measures) for i in items) or len(values) != len(measures) * len(items):
            continue
        printed = {i.id: min((p for p, text in enumerate(labels_column + lines[:at])
                              if any(w in label_core(text) for w in i.keywords)), default=None) for i in items}
        if all(p is not None for p in printed.values()) and len(set(printed.values())) == len(items):
            items.sort(key=lambda i: printed[i.id])
        for n, item in enumerate(items):
            by_row = dict(zip(measures, values[n * len(measures):(n + 1) * len(measures)]))
            by_column = dict(zip(measures, values[n::len(items)]))
            out.append((item, *(ValueRow(item.label_zh, [read[ms.id] for ms in item.measures], True, start + at)
                                for read in (by_row, by_column))))
    return out


def _measure_columns(layout: Layout, form: forms.Form,
                     matched: dict[str, ValueRow]) -> list[tuple[forms.Table2Item, ValueRow, ValueRow]]:
    """Rows of items read from a 第二十条 heading whose table a PDF reader copied column by column: 信息内容, its items'
    labels a line each, then each measure's name followed by a value a line for each item (规章 / 行政规范性文件 /
    本年制发件数 / 0 / 0 / 本年废止件数 / 0 / 0 …). Each measure's values are its items', in the order their labels
    are printed: one reading (given twice, as ``_section_blocks`` gives its two)."""
    if "t2" not in layout.regions:
        return []
    start, end = layout.regions["t2"]
    lines = [line.strip() for line in layout.lines[start:end]]
    out = []
    for at, line in enumerate(lines):
        if not ((m := _ARTICLE.fullmatch(line)) and (items := [i for i in form.t2 if _ARTICLE.search(i.section_zh)[1] == m[1]])):
            continue
        if any(i.id in matched and sum(1 for c in matched[i.id].cells if c.strip()) == len(i.measures) for i in items):
            continue  # an item's row printed whole (not one its column's values ran into: 行政强制 / … / 21 / 0)
        k = at + 1
        while k < len(lines) and label_core(lines[k]) in ("", "信息内容"):
            k += 1
        order: list[forms.Table2Item] = []
        while k < len(lines) and lines[k] and not _HAS_DIGIT.search(lines[k]) and len(
                named := [i for i in items if any(w in label_core(lines[k]) for w in i.keywords)]) == 1:
            order.append(named[0])
            k += 1
        if sorted(i.id for i in order) != sorted(i.id for i in items):
            continue
        values: dict[str, list[str]] = {}
        while k < len(lines) and not _HAS_DIGIT.search(lines[k]) and len(
                measure := [mid for mid, words in forms.T2_MEASURE_WORDS.items() if any(w in lines[k] for w in words)]) == 1:
            column = lines[k + 1:k + 1 + len(order)]
            if len(column) != len(order) or not all(c and is_value_cell(c) for c in column):
                break
            values[measure[0]] = column
            k += 1 + len(order)
        if not all({ms.id for ms in i.measures} == set(values) for i in items):
            continue
        for n, item in enumerate(order):
            row = ValueRow(item.label_zh, [values[ms.id][n] for ms in item.measures], True, start + at)
            out.append((item, row, row))
    return out


def _under_other_measures(layout: Layout, row: ValueRow, item: forms.Table2Item) -> bool:
    """Whether the nearest line above an unlabelled row's numbers that names measures (a header:
    本年处理决定数量) names none of the item's: labels printed apart from their numbers (OCR of a table
    read column by column) put the licensing decisions under 行政事业性收费."""
    start = layout.regions.get("t2", (0, 0))[0]
    for index in range(row.line - 1, start - 1, -1):
        text = layout.lines[index]
        if re.search(r"\d", text):
            continue
        named = {m for m, words in forms.T2_MEASURE_WORDS.items() if any(word in text for word in words)}
        if not named and index + 1 < row.line:  # (a header wrapped a cell a line: 本年处理 ␤ 决定数量)
            joined = text.strip() + layout.lines[index + 1].strip()
            named = {m for m, words in forms.T2_MEASURE_WORDS.items() if any(word in joined for word in words)}
        if named:
            return not named & {m.id for m in item.measures}
    return False


class _T2Header(NamedTuple):
    line: int  # the line naming the measures
    measures: tuple[str, ...]  # the measures it names, in printed order
    text: str  # its cells; with a line of years under it, each column's measure and year (本年制发件数2023年)
    placed: str  # the line whose cells stand over the values: that line of years, else the header's own


def _t2_headers(layout: Layout) -> list[_T2Header]:
    """Table 2's header lines (two measures named or more) and the measures each names, in the
    order it prints them; none for a report that prints no table 2 (a page of it holding table 4 only)."""
    if "t2" not in layout.regions:
        return []
    start, end = layout.regions["t2"]
    headers = []
    for index in range(start, end):
        text = placed = layout.lines[index]
        measures = len(_MEASURE_WORD.findall(text))
        if measures and index + 1 < end and (dated := _with_years_below(text, layout.lines[index + 1])):
            text, placed = "\t".join(dated), layout.lines[index + 1]
        if measures < 2 and not (measures and _OTHER_YEAR.search(text) and not re.search(r"\d", text)) \
                and len(_YEAR_NAMED.findall(text)) < 2:
            continue  # one look for the rows, most lines
        found = {m: min(p for word in words if (p := text.find(word)) >= 0)
                 for m, words in forms.T2_MEASURE_WORDS.items() if any(word in text for word in words)}
        if len(found) >= 2 or (found and (_OTHER_YEAR.search(text) or len(_YEAR_NAMED.findall(text)) >= 2)):
            # (上年度 | 本年处理决定数量, 2022年处理决定数量 | 2023年处理决定数量: a header too)
            headers.append(_T2Header(index, tuple(sorted(found, key=found.get)), text, placed))
    return headers


# A header cell of table 2 naming the year of the column under a measure's (a second header line).
_YEAR_HEAD = re.compile(r"(?:19|20)\d{2}\s*年度?|上一?年度?|本年度?|去年|今年")


def _with_years_below(header: str, below: str) -> tuple[str, ...] | None:
    """A header line and the line of years under it (本年制发件数 over 2022年 | 2023年) as one: each column's
    measure with its year. In a grid (a web page's or Word table's cells, spans expanded), each cell under a
    year takes the measure spanning it; in text spaced apart, each measure is over as many years, the same
    ones. None when the line below is no such line of years."""
    cells, years = header.split("\t"), below.split("\t")
    if "\t" in header and len(cells) == len(years):
        if sum(1 for y in years if y.strip()) < 2 or not all(_YEAR_HEAD.fullmatch(y.strip()) for y in years if y.strip()):
            return None
        spanning, out = "", []
        for cell, year in zip(cells, years):
            spanning = cell.strip() or spanning
            out.append(spanning + year.strip() if year.strip() else cell)
        return tuple(out)
    heads = [word for word in header.replace("|", " ").split() if _MEASURE_WORD.search(word)]
    named = below.replace("|", " ").split()
    each = len(named) // len(heads) if heads else 0
    if each < 2 or named != named[:each] * len(heads) or not all(_YEAR_HEAD.fullmatch(y) for y in named):
        return None
    return tuple(head + year for head in heads for year in named[:each])


def _empty_past_header(headers: list[_T2Header], row: ValueRow) -> bool:
    """Whether a row ends in empty cells past the last of its header's (a Markdown table as wide as its widest block):
    no columns of its, the header's cells its values' names from its label's on."""
    above = [header for header in headers if header.line < row.line]
    return bool(above) and row.delimited and not row.cells[-1].strip() and len(line_cells(above[-1].text)) < row.width


def _other_form_measures(layout: Layout, row: ValueRow, form: forms.Form) -> tuple[str, ...] | None:
    """The measures the nearest line above a row that names any names, when the form has none of them (a 2021 report
    whose table 2 is the 2019 form's: 本年新制作数量 | 本年新公开数量 | 对外公开总数量, 上一年项目数量 | 本年增/减): its
    values measure other things than the form's cells. None for any other row."""
    start = layout.regions.get("t2", (0, 0))[0]
    for line in reversed(layout.lines[start:row.line]):
        if _MEASURE_WORD.search(line) and not _HAS_DIGIT.search(line):
            if _own_measure_words(form.id).search(line):
                return None  # (nearly every header: one look)
            return tuple(m for m, words in forms.T2_MEASURE_WORDS.items() if any(word in line for word in words))
    return None


@lru_cache(maxsize=4)
def _own_measure_words(form_id: str) -> re.Pattern:
    """The words naming the measures of a form's table 2."""
    own = {measure.id for item in forms.FORMS[form_id].t2 for measure in item.measures}
    return re.compile("|".join(re.escape(w) for m, words in forms.T2_MEASURE_WORDS.items() if m in own for w in words))


def _t2_header_order(headers: list[_T2Header], line: int,
                     item: forms.Table2Item) -> tuple[str, ...] | None:
    """The item's measures in the order the nearest header line above its row prints them (现行有效件数 |
    本年制发件数 | 本年废止件数), when that header names exactly its measures in another order than the
    form's; else None (the form's order)."""
    above = [header.measures for header in headers if header.line < line]
    if not above:
        return None
    form_order = tuple(m.id for m in item.measures)
    printed = tuple(m for m in above[-1] if m in form_order)  # (本年新制发 names 制发 too, the other form's)
    return printed if set(printed) == set(form_order) and printed != form_order else None


def _under_its_measures(headers: list[_T2Header], row: ValueRow, item: forms.Table2Item, ids: tuple[str, ...]) -> bool:
    """Whether an item's row of a grid (a Word or web table) stands cell for cell under the nearest header above it,
    which names the item's measures, a cell each, in the form's order (信息内容 | 本年制发件数 | 本年废止件数 |
    现行有效件数 over 行政规范性文件 | 2 | 2 | ∅): its empty last cell is that measure's, left blank, no padding."""
    above = [header for header in headers if header.line < row.line]
    if not row.delimited or len(row.cells) != len(ids) or not above or ids != tuple(
            forms.t2_cell(item.id, m.id) for m in item.measures):
        return False
    cells = above[-1].placed.split("\t")
    return len(cells) == row.width == len(ids) + 1 and all(
        any(word in cell for word in forms.T2_MEASURE_WORDS[m.id]) for cell, m in zip(cells[1:], item.measures))


_HEADER_REACH = 3  # lines from a row up to its header: the block's other rows between (规章 | 0 | 0)
_ROW_OF_FIGURES = re.compile(r"^[^\d]+\t\s*\d+(?:\t\s*\d*)*\s*$")  # a row of the block: a label, its figures


def _fewer_measures_named(layout: Layout, row: ValueRow, item: forms.Table2Item) -> tuple[str, ...] | None:
    """The item's measures the header above its row names (right above, or above the block's rows before it), in
    their printed order, when the row prints as many values as that and fewer than the form has (a 2020 report on
    the 2019 form with one item's block pasted from the 2021 form: 信息内容 | 本年处理决定数量 over 行政许可 | 1326;
    a page cut at its right edge: 信息内容 本年制发件数 本年废止件数 over 规章 and 行政规范性文件); else None, and
    None where the header's cells are the form's (with the labels' cell), one's name unreadable."""
    printed = len(row.cells)
    while printed and not row.cells[printed - 1].strip():
        printed -= 1  # (a grid's empty cells after them)
    if not printed or printed >= len(item.measures) or row.line < 1:
        return None
    above = next((line for line in reversed(layout.lines[max(row.line - _HEADER_REACH, 0):row.line])
                  if _MEASURE_WORD.search(line) or not _ROW_OF_FIGURES.search(line)), "")
    found = {m.id: min(p for word in forms.T2_MEASURE_WORDS[m.id] if (p := above.find(word)) >= 0)
             for m in item.measures if any(word in above for word in forms.T2_MEASURE_WORDS[m.id])}
    named = tuple(sorted(found, key=found.get))
    if delimiter(above) and len([c for c in line_cells(above) if c.strip()]) > len(item.measures):
        return None  # (a cell a measure, one's name unreadable, 本年增/減: the form's columns, a value short)
    return named if len(named) == printed and not re.search(r"\d", above) else None


# A table-2 header cell naming a column the form does not have: the year before's figure (上年现行有效件数,
# 上年处理决定数量) or the change on it (增减, 同比), printed beside the report year's.
_OTHER_YEAR = re.compile(r"上年|上一年|去年|同期|同比|增减|增/减|增\(减\)|增长|较上年|比上年")
_YEAR_NAMED = re.compile(r"((?:19|20)\d{2})\s*年")  # (2022年处理决定数量: a column of that year's)


def _t2_header_columns(headers: list[_T2Header], layout: Layout, row: ValueRow,
                       item: forms.Table2Item) -> tuple[int, ...] | None:
    """Where the item's measures are among the cells of its row when it prints more than the form
    has, by the cells of the header line above it (上年现行有效件数 | 本年制发件数 | 本年废止件数 |
    现行有效件数 | 增减): each measure in the one cell naming it, a cell naming another year or a change
    naming none (unless the measure is such: 2019's 上一年项目数量, 本年增/减), nor one naming a year before
    another cell's (2022年处理决定数量 | 2023年处理决定数量: the report's is the latest) or a year beside a cell
    naming its measure without one. None unless the header
    has a cell per value (and one for the labels) and names every measure in one cell. In text spaced apart
    (PDF text), only when each value stands under a header cell of its own: more numbers than cells may
    be a number split (3 682) or a sign spaced off (- 2), read as such (``_read_crowded_t2_row``)."""
    above = [header for header in headers if header.line < row.line]
    if not above:
        return None
    line, placed = above[-1].text, above[-1].placed
    splits = [line_cells(line), line.replace("|", " ").split()]  # (or its names spaced apart in one cell)
    width = len(row.cells)  # the header's cells above the values: its last, when it has as many as the row
    cells = next((split[len(split) - width:] for split in splits
                  if len(split) in (width, width + 1) or (row.delimited and len(split) == row.width)), None)
    if cells is None and not row.delimited:  # (PDF text: a last column of changes in % not read as the row's)
        heads = splits[1][1:]
        while len(heads) > width and _OTHER_YEAR.search(heads[-1]):
            heads.pop()
        cells = heads if len(heads) == width else None
    if cells is None:  # (or one more: the labels' column, 信息内容)
        return None
    marks = cells if placed == line else placed.replace("|", " ").split()[-len(cells):]
    if not row.delimited and not _each_under_its_own(placed, marks, layout.lines[row.line], row.cells):
        return None
    positions: dict[str, int] = {}
    unnamed = []
    latest = max((int(y) for cell in cells for y in _YEAR_NAMED.findall(cell)), default=0)
    measures = [[m.id for m in item.measures if any(word in cell for word in forms.T2_MEASURE_WORDS[m.id])]
                for cell in cells]
    undated = {m for cell, named in zip(cells, measures) if not _YEAR_NAMED.search(cell) for m in named}
    for k, (cell, named) in enumerate(zip(cells, measures)):
        if _OTHER_YEAR.search(cell) and not any(_OTHER_YEAR.search(w) for m in named for w in forms.T2_MEASURE_WORDS[m]):
            continue
        if (years := [int(y) for y in _YEAR_NAMED.findall(cell)]) and (
                any(y < latest for y in years) or set(named) <= undated):
            continue  # (现行有效件数 | 2021年现行有效件数: the form's column and a year's beside it)
        if len(named) == 1 and named[0] in positions:
            return None
        if len(named) == 1:
            positions[named[0]] = k
        elif not named and cell.strip():
            unnamed.append(k)
    missing = [m.id for m in item.measures if m.id not in positions]
    if len(missing) == 1 and len(unnamed) == 1:
        positions[missing[0]] = unnamed[0]  # a name misprinted (本年度止件数), the only column left
    if len(positions) != len(item.measures):
        return None
    return tuple(positions[m.id] for m in item.measures)


def _centres(line: str, tokens: list[str]) -> list[float] | None:
    """Where each token stands in a line (the middle of it), found in order from the line's end."""
    centres, end = [], len(line)
    for token in reversed(tokens):
        start = line.rfind(token, 0, end)
        if start < 0:
            return None
        centres.append(start + len(token) / 2)
        end = start
    return centres[::-1]


def _each_under_its_own(header: str, heads: list[str], line: str, values: list[str]) -> bool:
    """Whether each value of a row spaced apart is nearest a header cell of its own (pdftotext's columns: 上年制发件数
    … 7 under it), not two values under one cell (a number split, 3 682)."""
    above, below = _centres(header, heads), _centres(line, values)
    if above is None or below is None:
        return False
    nearest = [min(range(len(above)), key=lambda k: abs(above[k] - at)) for at in below]
    return len(set(nearest)) == len(nearest)


_DASHES = frozenset({"-", "--", "—", "——", "–", "－", "一"})  # 一: a dash OCR read as the character
_CANDIDATE_READINGS = 6  # more readings than this list no candidates
_MAX_JOINED = 3  # a row more tokens than this over its cells is no number split by spaces


def _joined_value(tokens: list[str], kind: str) -> int | float | None:
    """Space-separated tokens read as one cell: digits a space split (3 682, 1 7), or a dash and a
    number in a 本年增/减 cell (- 2, OCR spacing a minus sign off). None when they cannot be one."""
    sign = -1 if tokens[0] in _DASHES and kind == "change" else 1
    digits = tokens[1:] if sign < 0 else tokens
    if not digits or not all(t.isdecimal() for t in digits) or (len(digits) > 1 and digits[0].startswith("0")):
        return None
    return sign * int("".join(digits))


def _crowded_readings(cells: list[str], kinds: tuple[str, ...]) -> list[tuple]:
    """A row's readings when it prints more tokens than the form has cells: neighbours joined into
    one cell wherever they can be one number, and the first or the last cells with the rest left over."""
    size = len(kinds)
    readings: list[tuple] = []
    joins = itertools.combinations(range(1, len(cells)), size - 1) if len(cells) - size <= _MAX_JOINED else ()
    for cuts in joins:
        bounds = (0, *cuts, len(cells))
        groups = [cells[a:b] for a, b in itertools.pairwise(bounds)]
        values = [parse_cell(g[0]).value if len(g) == 1 else _joined_value(g, kind) for g, kind in zip(groups, kinds)]
        if all(v is not None or len(g) == 1 for v, g in zip(values, groups)):
            readings.append(tuple(values))
    readings += [tuple(parse_cell(c).value for c in window) for window in (cells[:size], cells[-size:])]
    return list(dict.fromkeys(readings))


def _repeated_value(row: ValueRow) -> str | None:
    """The value a one-measure item's row prints in each of its cells (行政处罚 | 214 | 214 | 214: a merged cell's value
    copied into every cell it spans, as data frames export it), or None."""
    filled = {c.strip() for c in row.cells if c.strip()}
    return filled.pop() if len(filled) == 1 and sum(1 for c in row.cells if c.strip()) > 1 else None


def _digits_spread(row: ValueRow, ids: tuple[str, ...]) -> bool:
    """Whether a one-measure item's delimited row prints a digit in each of several cells (6 ⇥ 4 ⇥ 2: the digits of
    642 set apart in a cell spanning three columns, parted as a merged cell's numbers are): one number or several,
    never its first digit alone."""
    filled = [c.strip() for c in row.cells if c.strip()]
    digits = [c for c in filled if c.isdigit()]
    return (len(ids) == 1 and len(digits) > 1 and any(c != "0" for c in digits[1:])  # (0 ⇥ 0 ⇥ 0: a merged 0's copies)
            and digits[0] != "0"  # (0 ⇥ 1: this year's 0 beside last year's 1; no number begins with 0)
            and all(len(c) == 1 and (c.isdigit() or c in ".,") for c in filled))


def _read_crowded_t2_row(ids: tuple[str, ...], row: ValueRow, out: Tables) -> None:
    """A space-separated table-2 row with more numbers than the form's cells (a space inside a
    number, a dash spaced off its number, a table rule read as a number). No identity checks
    table 2, so no reading is taken: each cell is ambiguous, with the readings' values while few."""
    readings = _crowded_readings(row.cells, tuple(_KIND.get(c, "count") for c in ids))
    raw = " ".join(row.cells)
    out.warn("extra_values", f"t2: row '{row.label or row.extra_label}' prints {len(row.cells)} values for "
             f"{len(ids)} cells; none is used", line=row.line + 1)
    few = len(readings) <= _CANDIDATE_READINGS
    note = f"本行印出 {len(row.cells)} 个数，多于表格的 {len(ids)} 格，表二没有勾稽关系可以核对，未作选择"
    for k, cell in enumerate(ids):
        out.cells[cell] = CellValue(None, raw, "ambiguous", note, _candidates([r[k] for r in readings]) if few else [])


_UNIT = re.compile(r"(万元|亿元|千元|元)")
_UNIT_AFTER = re.compile(r"\s*+[(（]?\s*+(?:单位\s*+[:：]?\s*+)?(万元|亿元|千元|元)")
_UNIT_FACTOR = {"元": 1, "千元": 1_000, "万元": 10_000, "亿元": 100_000_000}
_BARE_WAN = re.compile(r"\s*(?P<n>\d[\d,]*(?:\.\d+)?)\s*万\s*")  # (an amount with 万 and no 元 after it)


def _set_money_unit(value: CellValue, cell: forms.Cell, text: str) -> None:
    """An amount keeps the unit printed with it, else the one its column's header prints, else
    the form's. Where the form fixes the unit (2021 fees in 万元), an amount printed in another
    unit, in its cell or in its header (本年收费金额（单位：元）), is converted."""
    printed = _UNIT.search(value.raw or "")
    header = _header_unit(cell, text)
    own = _UNIT.search(cell.column_label_zh)
    if own and own.group(1) == "万元" and (wan := _BARE_WAN.fullmatch(value.raw or "")) and value.value is not None:
        amount = float(wan["n"].replace(",", ""))  # (3.26万 in a column of 万元: 3.26 of that unit, not 32,600)
        value.value, value.status = int(amount) if amount.is_integer() else amount, "reported"
        value.note, value.unit = f"印作“{value.raw.strip()}”，“万”即本栏的单位万元", "万元"
        return
    given = ("印出单位", printed.group(1)) if printed else ("表头单位", header) if header else None
    if given and own and given[1] != own.group(1):
        factor = _UNIT_FACTOR[given[1]] / _UNIT_FACTOR[own.group(1)]
        if value.value is not None:
            value.value = round(value.value * factor, 6)
            value.note = f"{given[0]}为{given[1]}，已换算为{own.group(1)}"
        if value.candidates:
            value.candidates = [None if c is None else round(c * factor, 6) for c in value.candidates]
        value.unit = own.group(1)
        return
    value.unit = given[1] if given else own.group(1) if own else None


_LABEL_UNIT = re.compile(r"\s*[(（]\s*(?:单位\s*[:：]?\s*)?(?:万元|亿元|千元|元)\s*[)）]\s*$")


def _header_unit(cell: forms.Cell, text: str) -> str | None:
    """The unit printed after the column's label in the table (采购总金额（万元）): the label
    is looked for without the unit the form gives it, which the report may print otherwise."""
    label = _LABEL_UNIT.sub("", cell.column_label_zh)
    start = text.find(label)
    m = _UNIT_AFTER.match(text, start + len(label)) if start >= 0 else None
    return m.group(1) if m else None


_t3_identities = cache(forms.t3_identities)  # one row set per form (and the hybrid layout)

# Table-3 rows by their labels. A group heading (（三）不予公开 …) is printed beside its first
# sub-row's label and names no row; a label names the form row whose label it contains (the
# longest such: 其他法律行政法规禁止公开 is no 3.其他) when that is a fair share of it.
_ORDINALS = re.compile("[一二三四五六七八九十]")
_SUBTOTAL_WORDS = ("合计", "小计")
_NAME_SHARE = 1 / 3
_SHORT_NAME = 2  # a row label this short (其他, 总计) names its row only as the whole printed label
_RESULTS_ZH = next(r.group_zh for r in forms.T3_ROWS_2021 if r.id == "granted")


@lru_cache(maxsize=256)
def _group_word(group_zh: str) -> str:
    return _ORDINALS.sub("", label_core(group_zh))


def _headings(row_set: tuple[Row, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(_group_word(r.group_zh) for r in row_set if r.group_zh))


def _namer(row_set: tuple[Row, ...], headings: tuple[str, ...]) -> Callable[[str], int | None]:
    """The form row a printed label names, by its index in ``row_set``; None when it names none
    or several."""
    matches, bare = _row_names(row_set), _bare_names(row_set)
    return lambda core: _named_index(core, matches, headings, bare)


@cache
def _row_names(row_set: tuple[Row, ...]) -> tuple[tuple[str, int], ...]:
    """Each row's names (its form label's core and the shorter ones agencies print) with its index in ``row_set``."""
    return tuple((match, i) for i, r in enumerate(row_set) for match in (r.match, *forms.T3_SHORT_MATCHES.get(r.id, ())))


@cache
def _bare_names(row_set: tuple[Row, ...]) -> tuple[tuple[str, int], ...]:
    """Each row's bare names (``forms.T3_BARE_NAMES``), a whole label's characters, with its index in ``row_set``."""
    return tuple((name, i) for i, r in enumerate(row_set) for name in forms.T3_BARE_NAMES.get(r.id, ()))


@lru_cache(maxsize=8192)
def _named_index(core: str, matches: tuple[tuple[str, int], ...], headings: tuple[str, ...],
                 bare: tuple[tuple[str, int], ...] = ()) -> int | None:
    # Reports print the same labels again and again: each is matched against a row set once.
    core = _after_column_names(_without_headings(core, headings))
    if (whole := next((i for name, i in bare if name == core), None)) is not None:
        return whole  # (a bare name is the whole label: （一）公开)
    words = len(_ORDINALS.sub("", core))
    found = {}  # each row's longest name in the label
    for match, i in matches:
        if match in core and len(match) > found.get(i, ("", 0))[1]:
            found[i] = (match, len(match))
    hits = sorted(((length, i) for i, (_, length) in found.items()), reverse=True)
    if not hits or (len(hits) > 1 and hits[0][0] == hits[1][0]) or hits[0][0] < _NAME_SHARE * words:
        return None
    named = [found[i][0] for length, i in hits if length > _SHORT_NAME]
    if any(a not in b and b not in a for a, b in itertools.combinations(named, 2)):
        return None  # 2.重复申请3.要求提供公开出版物4.…: the labels of several rows in one cell (a page break's)
    if hits[0][0] <= _SHORT_NAME and _ORDINALS.sub("", core) != found[hits[0][1]][0]:
        return None  # 其他 in 2.其他法律… or 不计其他情形: a piece of another row's label names no row
    return hits[0][1]


# Table 3's column names, three of which in a label are its header's line taken in (项目 自然人 商业企业 … 总计 above a
# first row printed short, 上年结转: a label of no form row's, and the row was lost).
_COLUMN_NAMES = re.compile("|".join(sorted({c.label_zh for c in forms.T3_COLUMNS} | {"其它"}, key=len, reverse=True)))
_HEADER_NAMES_MIN = 3


def _after_column_names(core: str) -> str:
    """A label without the table's header taken in before it: what follows the header's last column name."""
    names = list(_COLUMN_NAMES.finditer(core))
    return core[names[-1].end():] if len({m.group() for m in names}) >= _HEADER_NAMES_MIN and names[-1].end() < len(
        core) else core


@lru_cache(maxsize=8192)
def _heading_alone(core: str, headings: tuple[str, ...]) -> str | None:
    """The group heading a label is, when it prints nothing else (（三）不予公开, 三、本年度办理结果 合计)."""
    for heading in headings:
        if heading in core:
            rest = _ORDINALS.sub("", core.replace(heading, ""))
            for word in _SUBTOTAL_WORDS:
                rest = rest.replace(word, "")
            if not rest:
                return heading
    return None


def _own_label(row: ValueRow) -> str:
    """The label printed on the row's own line: one printed on a line before or after it (PDF
    text) may be its neighbour's, and names no row."""
    return label_core(row.label)


def _group_row(members: list[Row]) -> Row:
    """The one row that stands for a group printed as its total (the 2019 form's （六）其他处理 for （六））."""
    prefix = members[0].id.split(".")[0]
    single = next((r for r in forms.T3_ROWS_2019 if r.id == prefix), None)
    return single or Row(prefix, members[0].group_zh, f"{prefix} (group total)", _group_word(members[0].group_zh),
                         _RESULTS_ZH)


def _t3_row_set(rows: list[ValueRow], form_rows: tuple[Row, ...]) -> tuple[tuple[Row, ...], dict[str, list[Row]]]:
    """The form's rows, a group whose heading is printed with numbers and none of whose sub-rows
    is printed standing as one row: the heading row is the group's total."""
    headings = _headings(form_rows)
    name = _namer(form_rows, headings)
    names = [name(_own_label(r)) for r in rows]
    alone = {h for p, r in enumerate(rows) if r.has_values and (h := _heading_alone(_own_label(r), headings))
             and h != _group_word(_RESULTS_ZH) and _only_unnamed_row(p, rows, names)}
    named = {form_rows[i].id for i in names if i is not None}
    # A label with the heading and more (（四）无法提供 1.本机关不掌握, however shortened) is a sub-row.
    beside = {h for r in rows for h in headings if h in _own_label(r) and not _heading_alone(_own_label(r), headings)}
    row_set = list(form_rows)
    merged: dict[str, list[Row]] = {}
    for heading in sorted(alone - beside):
        members = [r for r in form_rows if "." in r.id and _group_word(r.group_zh) == heading]
        if not members or any(m.id in named for m in members):
            continue  # printed sub-rows: the heading's numbers are an extra subtotal row
        start = row_set.index(members[0])
        group = _group_row(members)
        row_set[start:start + len(members)] = [group]
        merged[group.id] = members
    return tuple(row_set), merged


def _disputed_rows(rows: list[ValueRow], row_set: tuple[Row, ...]) -> set[int]:
    """Form rows (by index) that text without cell boundaries (PDF text, spaces) leaves in doubt:
    as many rows printed as the form has, but labels naming other places than their positions. A
    label may sit on its neighbour's line there (a wrapped label set beside the next row's numbers),
    so neither the order nor the names can be trusted: the row and the one it names are unsure."""
    if len(rows) != len(row_set) or any(r.delimited for r in rows):
        return set()
    name = _namer(row_set, _headings(row_set))
    return {k for p, r in enumerate(rows) if (n := name(_own_label(r))) is not None and n != p for k in (p, n)}


def _only_unnamed_row(at: int, rows: list[ValueRow], names: list[int | None]) -> bool:
    """Whether the row at ``at`` is the only row with numbers between the named rows around it. A
    heading beside unnamed number rows (PDF text: the sub-rows' labels wrapped onto lines of their
    own, the centred heading on one sub-row's numbers) is no group printed as its total."""
    before = next((p for p in range(at - 1, -1, -1) if names[p] is not None), -1)
    after = next((p for p in range(at + 1, len(rows)) if names[p] is not None), len(rows))
    return not any(rows[p].has_values for p in range(before + 1, after) if p != at)


def _assign_rows(rows: list[ValueRow], row_set: tuple[Row, ...]) -> list[ValueRow | None]:
    """Printed rows to form rows. Rows whose labels name their own place, or name nothing (labels
    garbled or printed on other lines), are read in order when the counts agree. Otherwise each
    row whose label names a form row goes to it; the unnamed rows between two such fill the form
    rows between them, in order when as many, else by label similarity, where a bare group heading
    (三、本年度办理结果 with the total) is no row of the form."""
    headings = _headings(row_set)
    name = _namer(row_set, headings)
    names = [name(_own_label(r)) for r in rows]
    if len(rows) == len(row_set) and all(n is None or n == i for i, n in enumerate(names)):
        return list(rows)
    counts = Counter(n for n in names if n is not None)
    anchors = [(p, n) for p, n in enumerate(names) if n is not None and counts[n] == 1]
    out: list[ValueRow | None] = [None] * len(row_set)
    for p, n in anchors:
        out[n] = rows[p]
    bounds = [(-1, -1), *anchors, (len(rows), len(row_set))]
    for (p0, f0), (p1, f1) in itertools.pairwise(bounds):
        printed = rows[p0 + 1:p1]
        free = [k for k in range(f0 + 1, f1) if out[k] is None]
        if len(printed) != len(free):
            printed = [r for r in printed if not _heading_alone(_own_label(r), headings)]
        if not printed or not free:
            continue
        if len(printed) == len(free):
            for k, row in zip(free, printed):
                out[k] = row
            continue
        candidates = tuple(row_set[k] for k in free)
        for k, row in zip(free, align(printed, candidates)[0]):
            # (a character of a column's name alone, the header wrapped a character a line, 总 / 计 before the
            # column's values: no likeness to a row's label)
            core = _without_headings(_own_label(row), headings) if row is not None else ""
            if row is not None and not (len(core) == 1 and core in _COLUMN_NAME_CHARACTERS) \
                    and _closest(core, candidates) == row_set[k]:
                out[k] = row
    return out


_COLUMN_NAME_CHARACTERS = frozenset("".join(column.label_zh for column in forms.T3_COLUMNS))


def _without_headings(core: str, headings: tuple[str, ...]) -> str:
    for heading in headings:
        core = core.replace(heading, "")
    return core


def _closest(core: str, candidates: tuple[Row, ...]) -> Row | None:
    """The form row a label (its group heading left out) resembles most, by the characters they
    share of all either has (大量反复申请 is 无正当理由大量反复申请's more than 重复申请's); None when
    another resembles it as much: no evidence."""
    chars = set(_ORDINALS.sub("", core))
    scores = sorted(((len(set(r.match) & chars) / len(set(r.match) | chars), i) for i, r in enumerate(candidates)),
                    reverse=True)
    if not scores or scores[0][0] <= 0 or (len(scores) > 1 and scores[1][0] >= scores[0][0]):
        return None
    return candidates[scores[0][1]]


def _t3_rows(layout: Layout, form_rows: tuple[Row, ...], out: Tables | None = None) -> list[ValueRow]:
    """The printed rows of table 3: rows with numbers, and delimited rows whose cells are all
    empty but whose label names a form row (zeros not typed): a row all the same."""
    name = _namer(form_rows, _headings(form_rows))
    size = len(forms.T3_COLUMNS)
    copy = _with_wrapped_label_cells(_own_scope_rows(layout, "t3", _annexed_units_left_out(
        layout, "t3", _this_year_copy(layout, "t3", out), out), out), layout.lines, name)
    rows = _label_line_rows(_join_cell_lines(copy, layout.lines, size, size), name, len(form_rows), size)
    if (unrated := _without_rate_column(rows, size)) is not None:
        rows = unrated
        if out is not None:
            out.warn("t3.rate_column", "table 3 prints a rate after its totals (较上年增减 -33.3%, or the sheet's error "
                     "#DIV/0! where last year had none), a column the form does not have; its rows are read without it")
    if (beside := _numbers_after_their_labels(rows, name, size)) is not None:
        rows = beside
        if out is not None:
            out.warn("t3.numbers_apart", "table 3 prints its rows' labels with empty cells, then as many rows of numbers "
                     "with no labels (a PDF-to-Word converter's text boxes beside an empty table): each label's row takes "
                     "the numbers printed in its place")
    if (unglued := _first_value_off_label(rows, size)) is not None:
        rows, glued = unglued
        if out is not None:
            out.warn("t3.value_glued_to_label", f"{glued} row(s) of table 3 print their first value glued to the row's "
                     "label, no tab or space between (（一）予以公开8 | 2 | …): the label's last digits read as its first "
                     "value, as the row's total is then the sum of the others")
    cleared = _without_stray_blanks(rows, size)
    if out is not None and (strewn := sum(a.cells != b.cells for a, b in zip(rows, cleared))):
        out.warn("t3.stray_blanks", f"{strewn} row(s) of table 3 print empty cells among their values, or several values "
                 "in a cell (OCR reading a scan's rules as |, or missing some); the values are read apart, as many as the "
                 "columns, each row's total the sum of the others")
    unwoven = _two_rows_interleaved(cleared, layout.lines, name, size)
    if out is not None and len(unwoven) > len(rows):
        out.warn("t3.interleaved_rows", f"table 3 prints {len(unwoven) - len(rows)} pair(s) of rows run together a "
                 "digit at a time (20 00 00 …: a label alone on the line above); each pair's first digit read as the "
                 "row above's, its second as the row's own")
    rows = _with_wrapped_last_digits(_with_wrapped_digits(unwoven, layout.lines, size, name), name, size)
    return _merge_broken([
        r for r in rows
        if (r.has_values and not _UNLISTED_ZERO.search(r.label))  # (注：其余单元格数值均为0): a note's 0, no row's
        or (r.delimited and len(r.cells) >= size and name(_own_label(r)) is not None)
    ], size, layout.lines)


_RATE_ROWS_MIN = 3  # rows of table 3, at least, that end in a percentage, for its last column to be a rate
_SIGNED_RATE = re.compile(r"[-+]?\d+(?:\.\d+)?\s*[%％]")


def _without_rate_column(rows: list[ValueRow], size: int) -> list[ValueRow] | None:
    """Table 3's rows without a last column of rates (a change on last year's count, 较上年增减: -33.3%, +12.5%, or a
    spreadsheet's error where the rate could not be computed, #DIV/0!): each row printing more values than the form's
    columns and ending in one loses it. None unless rows so ending are several and no wider row ends otherwise."""
    def ends_in_rate(row: ValueRow) -> bool | None:
        filled = [c.strip() for c in row.cells if c.strip()]
        if len(filled) <= size:
            return None  # (a row of the form's width: no rate to leave out)
        return bool(_SIGNED_RATE.fullmatch(filled[-1]) or SPREADSHEET_ERROR.fullmatch(filled[-1]))

    if sum(1 for r in rows if r.cells and "%" in r.cells[-1] and _SIGNED_RATE.fullmatch(r.cells[-1].strip())) \
            < _RATE_ROWS_MIN:
        return None  # (nearly every table: no row ends in a percentage)
    ends = [ends_in_rate(r) for r in rows]
    if False in ends:
        return None
    out = []
    for row, rated in zip(rows, ends):
        if rated:
            last = max(k for k, c in enumerate(row.cells) if c.strip())
            row = replace(row, cells=row.cells[:last])
        out.append(row)
    return out


_LABEL_LOOK = 4  # characters of a label, at least, that have words of a label (a shorter one may be 、 or 本 alone)


def _labels_around_numbers(rows: list[ValueRow], lines: list[str], form_rows: tuple[Row, ...],
                           region: tuple[int, int] | None) -> list[ValueRow] | None:
    """Rows of numbers with no label between two rows whose labels name their form rows (or the table's start and end:
    a table none of whose rows prints its label on its own line), where the lines between hold as many labels naming
    form rows, in the form's order (PDF or OFD text of a ruled table whose labels wrap around their numbers: （二）部分公开
    （区分处理的，只 ␤ 9 0 0 0 0 0 9 ␤ 计其他情形） ␤ 0 0 0 0 0 0 0 ␤ 1.属于国家秘密; or a reader giving each row's numbers
    before its label): each row of numbers takes the label printed at its place in that order. None when no table is
    printed so. Read by label likeness alone, a row whose label sat on the line after it had none, and its numbers were
    lost."""
    if all(len(r.label) >= _LABEL_LOOK for r in rows) or all(label_core(r.label) for r in rows):
        return None  # (nearly every table: each row prints its label)
    headings = _headings(form_rows)
    name = _namer(form_rows, headings)
    glyph = {p for p, r in enumerate(rows) if _glyph_row(r)}
    named = [(p, n, rows[p].line) for p, r in enumerate(rows) if (n := name(_own_label(r))) is not None]
    edges = [(-1, -1, region[0] - 1), *named, (len(rows), len(form_rows), region[1])] if region else named
    out, changed = list(rows), False
    for (p0, low, line0), (p1, high, line1) in itertools.pairwise(edges):
        bare = [p for p in range(p0 + 1, p1) if rows[p].has_values and not label_core(rows[p].label) and p not in glyph]
        if not bare or high - low - 1 < len(bare) or any(
                rows[p].has_values and p not in bare and p not in glyph
                and not _heading_alone(_own_label(rows[p]), headings) for p in range(p0 + 1, p1)):
            continue  # (rows with labels naming no row between, a group heading's aside: whose labels are whose?)
        taken = {r.line for r in rows[max(p0, 0):p1 + 1]}
        texts = [lines[i].strip() for i in range(line0 + 1, line1) if i not in taken]
        if p0 < 0:  # (the header's column names above the first row: 总计 is a column there, no row)
            texts = [text for text in texts if not _column_words_only(text)]
        labels = _named_labels(texts, name)
        order = [low, *(n for n, _ in labels), high]
        if len(labels) == len(bare) and all(a < b for a, b in itertools.pairwise(order)):
            for p, (_, label) in zip(bare, labels):
                out[p] = replace(rows[p], label=label, before="", after="")
            changed = True
    return [row for p, row in enumerate(out) if p not in glyph] if changed else None


def _glyph_row(row: ValueRow) -> bool:
    """三 of a heading printed down the page, a character a line, read as a row of one value: no row."""
    return len(row.cells) == 1 and not label_core(row.label) and not row.cells[0].strip().isascii()


_COLUMN_WORDS = re.compile("|".join(sorted((re.escape(word) for word, _ in forms.T3_HEADER_WORDS if word),
                                           key=len, reverse=True)))


def _column_words_only(text: str) -> bool:
    """A header line of table 3: its columns' names and nothing else (自然人 商业企业 … 总计: 总计 is a column there)."""
    return not re.sub(r"[\s|｜/]", "", _COLUMN_WORDS.sub("", text))


def _named_labels(texts: list[str], name: Callable[[str], int | None]) -> list[tuple[int, str]]:
    """The form rows lines name, in their order, each with its label (a wrap's pieces read once, joined)."""
    labels: list[tuple[int, str]] = []
    k = 0
    while k < len(texts):
        # (a label wrapped around its numbers names its row only whole: 5.要求行政机关确认或重新出具 ␤ … ␤ 已获取信息)
        text = texts[k] if (n := name(label_core(texts[k]))) is not None or k + 1 == len(texts) \
            else texts[k] + texts[k + 1]
        if n is None and (n := name(label_core(text))) is not None:
            k += 1
        if n is not None and (not labels or labels[-1][0] != n):
            labels.append((n, text))
        k += 1
    return labels


def _numbers_before_labels(rows: list[ValueRow], lines: list[str], form_rows: tuple[Row, ...],
                           region: tuple[int, int]) -> list[ValueRow] | None:
    """A table 3 whose every row of numbers comes before its label, no label above the first (a PDF reader giving a
    ruled row's numbers before its label centred over several lines): each row of numbers takes the first form row the
    lines after it name, before the next row of numbers, in the form's order (the first after the row before's). A
    label with no numbers before it is a row printed empty (二、上年结转… with no cells). None when the table is not
    printed so."""
    if any(label_core(r.label) for r in rows if r.has_values):
        return None  # (nearly every table: a row prints its label on its line)
    name = _namer(form_rows, _headings(form_rows))
    numbers = [p for p, r in enumerate(rows) if r.has_values and not _glyph_row(r)]
    taken = {r.line for r in rows}

    def texts(start: int, stop: int) -> list[str]:
        return [lines[i].strip() for i in range(start, stop) if i not in taken]

    if not numbers or _named_labels([text for text in texts(region[0], rows[numbers[0]].line)
                                     if not _column_words_only(text)], name):
        return None  # (a label above the first row of numbers: labels above their numbers)
    ends = [rows[p].line for p in numbers] + [region[1]]
    out, last = list(rows), -1
    for p, start, stop in zip(numbers, ends, ends[1:]):
        # (the first row after the last in the form's order: a wrap's first piece may name another, （三）不予公开 2.其他)
        later = [(n, label) for n, label in _named_labels(texts(start + 1, stop), name) if n > last]
        if not later:
            return None
        last, label = min(later)
        out[p] = replace(rows[p], label=label, before="", after="")
    return [row for row in out if not _glyph_row(row)]  # (三 of a heading printed down the page: no row)


_APART_ROWS = 3  # rows of labels, at least, whose numbers printed apart are matched to them in order


def _numbers_after_their_labels(rows: list[ValueRow], name: Callable[[str], int | None],
                                size: int) -> list[ValueRow] | None:
    """Rows of labels printed with empty cells, each naming another form row, then as many rows of numbers with no
    label, each as wide as the form (a table a converter rebuilt empty, its numbers in text boxes after it): each label
    row with the numbers row at its place. None when no table is printed so."""
    if not any(r.delimited and not r.has_values and r.label for r in rows):
        return None  # (nearly every table: its labels print their numbers)
    k = 0
    while k < len(rows):
        start = k
        while k < len(rows) and rows[k].delimited and not rows[k].has_values and rows[k].label:
            k += 1
        while start < k and name(_own_label(rows[start])) is None:
            start += 1  # (the header's lines above the first row)
        labels, numbers = rows[start:k], []
        while k < len(rows) and len(numbers) < len(labels) and rows[k].has_values and not label_core(rows[k].label) \
                and len(fit(rows[k].cells, size)) == size:
            numbers.append(rows[k])
            k += 1
        named = [name(_own_label(r)) for r in labels]
        if len(labels) >= _APART_ROWS and len(numbers) == len(labels) and None not in named \
                and len(set(named)) == len(named) and not (k < len(rows) and rows[k].has_values
                                                           and not label_core(rows[k].label)):
            joined = [replace(label, cells=fit(number.cells, size)) for label, number in zip(labels, numbers)]
            return [*rows[:start], *joined, *rows[k:]]
        k = max(k, start + 1)
    return None


# A label ending in digits glued to its words (（一）予以公开8, 2.重复申请1): no form label ends in a digit.
_GLUED_VALUE = re.compile(r"(?<=[\u4e00-\u9fff）)])(\d{1,6})$")


def _first_value_off_label(rows: list[ValueRow], size: int) -> tuple[list[ValueRow], int] | None:
    """Delimited rows a value short whose label ends in digits glued to its words (a tab-stop table whose first tab was
    not typed: （一）予以公开8 ⇥ 2 ⇥ 0 …), with the digits as their first value where the row's total is then the sum of
    its other values; None when no row is such. (The number of rows so read.)"""
    out, glued = [], 0
    for row in rows:
        m = _GLUED_VALUE.search(row.label) if row.delimited else None
        cells = list(row.cells) if m else []
        while cells and not cells[-1].strip():
            cells.pop()  # (a tab after every line: no cell)
        values = [m[1], *cells] if m and len(cells) == size - 1 else None
        numbers = [parse_cell(c).value for c in values] if values else None
        if numbers and None not in numbers and sum(numbers[:-1]) == numbers[-1]:
            row, glued = replace(row, label=row.label[:m.start()], cells=values), glued + 1
        out.append(row)
    return (out, glued) if glued else None


# What begins a row's own label: its number ((三), 四、, 2.), not a wrapped label's next piece.
_ROW_START = re.compile(r"\s*(?:[(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+\s*[、.．]|\d+\s*[.．、])")


def _with_wrapped_label_cells(rows: list[ValueRow], lines: list[str], name: Callable[[str], int | None]) -> list[ValueRow]:
    """A fixed-width text table's rows (antiword's, catdoc's, pandoc's) whose label cells wrap onto the lines below, the
    values on the first (|（六）其他处|1.申请人无正|1 |… ␤ |理 |当理由逾期不| | …): each such line's label cells joined
    to the row's, cell by cell; a line whose label begins with a row's number, or names a row of its own that the
    whole does not, starts one.
    Read apart, a wrapped row's first words matched another row's label, and its values went there."""
    if not any(r.delimited and not r.has_values and r.label for r in rows):
        return rows  # (nearly every table: one look)
    out: list[ValueRow] = []
    label_cells: list[str] = []  # the last row's label cells, as joined so far
    last = -2  # the line the last row's label reached
    for row in rows:
        prev = out[-1] if out else None
        below = line_cells(lines[row.line]) if row.delimited else []
        if (prev is not None and prev.has_values and not row.has_values and row.delimited and row.line == last + 1
                and len(row.cells) == len(prev.cells) and row.label.strip() and not _ROW_START.match(row.label)
                and len(below) == len(label_cells) + len(row.cells)):
            joined = [a.strip() + b.strip() for a, b in zip(label_cells, below)]
            label = " ".join(c for c in joined if c)
            # (its own words name no row, or the row the whole names, which the row's first words alone do not)
            if (own := name(row.label)) is None or (name(prev.label) is None and name(label) == own):
                label_cells = joined
                out[-1] = replace(prev, label=label)
                last = row.line
                continue
        cells = line_cells(lines[row.line]) if row.delimited and row.has_values else []
        label_cells = cells[:len(cells) - len(row.cells)] if len(cells) > len(row.cells) else []
        last = row.line
        out.append(row)
    return out


def _without_stray_blanks(rows: list[ValueRow], size: int) -> list[ValueRow]:
    """Rows of cells with empty cells strewn among their values (OCR reading a scan's rules as |: | 15| 1| |0 | 0 |
    0| |0 |16 |), or with a cell of several values (OCR missing some rules: 46 | 12 | 0 0 2 1 | 61): the values
    alone, where they are as many as the form's columns and the row's total is the sum of the others; the rows
    as they are otherwise (one empty cell, or one every other cell, is another layout's). A row whose total does
    not hold is read so too where its empty cells stand where those of rows that do stand, at least three (a grid's
    spacer columns: the row's own figures wrong, not its places)."""
    out: list[ValueRow] = []
    held: Counter[tuple[int, ...]] = Counter()
    unsummed: list[tuple[int, tuple[int, ...], list[str]]] = []
    for row in rows:
        values = [value for c in row.cells for value in c.split()]
        filled = [k for k, c in enumerate(row.cells) if c.strip()]
        inner = [k for k in range(filled[0], filled[-1]) if not row.cells[k].strip()] if filled else []
        strewn = len(inner) >= _STRAY_BLANKS and inner != list(range(filled[0] + 1, filled[-1], 2))
        crowded = any(len(c.split()) > 1 for c in row.cells)
        if row.delimited and (strewn or crowded) and len(values) == size and len(
                counts := [n for v in values if (n := _grouped_count(v)) is not None]) == size:  # (1,411: thousands)
            if counts[-1] == sum(counts[:-1]):
                if not crowded:
                    held[tuple(inner)] += 1
                row = replace(row, cells=values)
            elif strewn and not crowded:
                unsummed.append((len(out), tuple(inner), values))
        out.append(row)
    for k, places, values in unsummed:
        if held[places] >= _STRAY_PATTERN_ROWS:
            out[k] = replace(out[k], cells=values)
    return out


_STRAY_PATTERN_ROWS = 3  # rows whose totals hold, at least, with their empty cells where a row's that does not hold


_GROUPED_COUNT = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")


def _grouped_count(text: str) -> int | None:
    """A count as printed (1,411 grouped in thousands), or 0 for a mark of none (- in a sheet's accounting format)."""
    return int(text.replace(",", "")) if _GROUPED_COUNT.fullmatch(text) else 0 if text in NONE_WORDS else None


_STRAY_BLANKS = 2  # empty cells among a row's values, at least, that are strewn, not a spacer column every other cell


_DIGIT_PAIR = re.compile(r"\d\d")


def _two_rows_interleaved(rows: list[ValueRow], lines: list[str], name: Callable[[str], int | None],
                          size: int) -> list[ValueRow]:
    """Two rows of single digits a PDF's text ran together a character at a time (2.重复申请 alone on a line, then
    3.要求提供公开出版物 20 00 00 00 00 00 20: 2 0 0 0 0 0 2 and 0 0 0 0 0 0 0): each pair's first digit the row
    above's, its second the row's own. Only where every value is a pair of digits, one starts with 0 (no count
    is printed so) and the line above is a label naming a form row with no values of its own."""
    out = []
    for row in rows:
        above = lines[row.line - 1].strip() if row.line > 0 else ""
        if (not row.delimited and len(row.cells) == size and all(_DIGIT_PAIR.fullmatch(c) for c in row.cells)
                and any(c.startswith("0") for c in row.cells) and above and not re.search(r"\d{2,}|\d\s*$", above)
                and name(label_core(above)) is not None):
            out.append(ValueRow(above, [c[0] for c in row.cells], False, row.line - 1))
            row = replace(row, cells=[c[1] for c in row.cells])
        out.append(row)
    return out


# A caption naming the year a copy of a table is for: 表3-1 本年（2023年）, 表3-2 上年（2022年）.
_COPY_CAPTION = re.compile(r"^\s*(?:表\s*[\d一二三四]+(?:\s*[-—－.]\s*\d+)?\s*[：:]?\s*)?"
                           r"(?P<which>本年度?|今年|上年度?|去年|上一年度?)"
                           r"\s*(?:[（(]\s*(?:19|20)\d{2}\s*年度?\s*[)）])?\s*$")


# A copy's caption naming its year, the copy printed to compare with (2022年度收到和处理政府信息公开申请情况（对比）,
# 附：2023年度…（对比表）, （一）2023年度情况（供对比）, a table of the years compared) or not (（二）2024年度情况).
# (附：2022年度…情况（上年度数据，供对比）, its bracket perhaps wrapped; 2021年、2022年…对比表: the years compared;
# 表2-1 2022年主动公开政府信息情况: numbered)
_YEAR_CAPTION = re.compile(r"^\s*(?:附\s*[:：]?\s*|[（(][一二三四五六]\s*[)）]\s*"
                           r"|表\s*[\d一二三四]+(?:\s*[-—－.]\s*\d+)?\s*[：:]?\s*)?(?:19|20)\d{2}\s*年度?"
                           r"(?:\s*[、和与至—－-]\s*(?:19|20)\d{2}\s*年度?)*[^。，,；;\d]{0,30}"
                           r"(?:[（(][^（()）\d]{0,20}[)）]?)?$")
_COMPARED_COPY = re.compile(r"对比|比较|上年|去年")
_CAPTION_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")


# A table's caption naming a body whose statistics it holds (附表3 黄岛区发展和改革局政府信息公开申请情况统计表): an
# annex's unit's, not the agency's own, where the captions name two bodies or more.
_UNIT_CAPTION = re.compile(r"^\s*附表\s*\d{1,5}\s*[:：、.．]?\s*(?P<name>[\u4e00-\u9fff]{2,40}?"
                           r"(?:局|委|办|办公室|政府|街道|镇|乡|所|中心|站|队|院|公司))(?:[（(][^（()）]{0,20}[)）])?\s*"
                           r"(?:(?:19|20)\d{2}\s*年度?)?(?:政府信息公开)?[\u4e00-\u9fff]{0,12}?(?:统计表|情况表)")
_UNIT_CAPTION_MIN = 2  # bodies the captions name, at least


def _annexed_units_left_out(layout: Layout, table: str, rows: list[ValueRow], out: Tables | None) -> list[ValueRow]:
    """The rows of a table printed again for each unit in an annex (附表1 X局…统计表, 附表2 Y镇…统计表, each with the
    table's heading and rows) without the units' copies: the rows after such a caption, up to the next, are that
    unit's. All of them, in an annex printed alone, when the agency's own table is not printed (``out`` told so)."""
    start, stop = layout.regions.get(table, (0, 0))
    captions = [(k, m["name"]) for k in range(max(0, start - _CAPTION_LEAD), stop)
                if "附表" in layout.lines[k] and (m := _UNIT_CAPTION.match(layout.lines[k]))]
    if len({name for _, name in captions}) < _UNIT_CAPTION_MIN:
        return rows
    first = captions[0][0]
    kept = [row for row in rows if row.line < first]
    if out is not None and len(kept) < len(rows):
        out.warn(f"{table}.units_annexed", f"{_TABLE_NAMES_ZH[table]} is printed again for {len(captions)} units in an "
                 f"annex, each under a caption naming it (附表N {captions[0][1]}…); those copies are not the agency's "
                 "own and are left out" + ("" if kept else ", and the agency's own is not printed"), own=bool(kept))
    return kept


def _this_year_copy(layout: Layout, table: str, out: Tables | None = None) -> list[ValueRow]:
    """The rows of a table printed for this year and last under captions (本年 / 上年, or each copy's year with
    the one to compare with so called): this year's copy's only (``out`` told so); all its rows when it has no such
    captions."""
    start, stop = layout.regions.get(table, (0, 0))
    captions = []
    years: dict[int, int] = {}  # the year each caption names alone (2022年 above one copy, 2023年 above the other)
    for i in range(max(0, start - _CAPTION_LEAD), stop):  # (the first copy's caption above the table's first row)
        if m := _COPY_CAPTION.match(layout.lines[i]):
            captions.append((i, m["which"]))
        elif _YEAR_CAPTION.match(layout.lines[i]):
            captions.append((i, "上年" if _COMPARED_COPY.search(layout.lines[i]) else "本年"))
            if len(named := set(_CAPTION_YEAR.findall(layout.lines[i]))) == 1:
                years[i] = int(named.pop())
    by_years = len(set(years.values())) > 1
    if by_years:  # (copies captioned by their years alone: the latest is the report's)
        latest = max(years.values())
        captions = [(i, "上年" if years.get(i, latest) < latest else which) for i, which in captions]
    rows = layout.rows(table)
    if not any(which.startswith(("上", "去")) for _, which in captions):
        return rows
    # (each copy up to the next caption where every copy has its year's; else up to its rows' end, the form's own
    # table, uncaptioned, below a comparison's copy)
    ends = [end if by_years else min(end, _block_end(layout.lines, i, end))
            for i, end in zip([i for i, _ in captions], [i for i, _ in captions[1:]] + [stop])]
    last_year = [(i, end) for (i, which), end in zip(captions, ends) if which.startswith(("上", "去"))]
    kept = [r for r in rows if not any(i <= r.line < end for i, end in last_year)]
    if out is not None and len(kept) < len(rows):
        out.warn(f"{table}.last_year_copy", f"{_TABLE_NAMES_ZH[table]} is printed for this year and for the year "
                 "before, each under a caption naming its year; the report year's copy is read, the other left out")
    return kept


_TABLE_NAMES_ZH = {"t2": "table 2 (表二)", "t3": "table 3 (表三)", "t4": "table 4 (表四)"}


def _block_end(lines: list[str], caption: int, stop: int) -> int:
    """Where the table under a caption ends: at the first line after its rows that is none (a blank line, a sentence:
    本年度收到和处理…情况如下), the form's own table below it no part of a comparison's copy."""
    seen = False
    for k in range(caption + 1, stop):
        line = lines[k]
        if line.strip() and (delimiter(line) is not None or _ROW_LIKE.search(line)):
            seen = True
        elif seen:
            return k
    return stop


# Whose figures a copy of a table holds, as its caption (（一）区政府本级, 表3-2 全区汇总), a title row inside
# it (县人民政府（本级）) or a note after it (注：上表为全区汇总数据) says: the agency's own, or its region's.
_OWN_SCOPE = re.compile(r"本级|本机关|本部门|本单位")
# (全国海关, 全系统: a national body's or a sector's every office)
_ALL_SCOPE = re.compile(r"汇总|全(?:国|区|县|市|省|州|盟|旗|系统)(?![^，,。；;（(]*本级)|各级行政机关|所属(?:各)?部门")
_ROW_OWN_SCOPE = re.compile(r"本级")
# The sum over a body and its units (合计（市卫健委及所属单位）, 含下属单位), and a copy captioned as a sum, numbered
# ((4)合计; a column's 合计 over others' names), not a header cell's line of a table's text.
_WITH_UNITS = re.compile(r"(?:及|和|含|包括)(?:其)?(?:所属|下属|直属)(?:各)?单位")
_NUMBERED = r"[（(]?[一二三四五六七八九十\d]{1,2}[)）、.．]\s*"
_TOTAL_CAPTION = re.compile(_NUMBERED + r"(?:合计|汇总)(?:[（(][^（()）]*[)）])?")
_TOTAL_COLUMN = re.compile(r"合计|汇总")
# A copy captioned by a body's name alone ((2)南昌市不动产登记中心): the agency's own when it is the agency, else a
# unit of it.
_BODY_CAPTION = re.compile(r"(?:[（(]?[一二三四五六七八九十\d]{1,2}[)）、.．]\s*)?(?P<name>[\u4e00-\u9fff]{0,30}?"
                           r"[省市县区州旗盟镇乡][\u4e00-\u9fff]{2,30}?"
                           r"(?:局|委员会|委|办公室|办|中心|站|所|院|队|馆|处|公司|场|厂))(?P<itself>本级|机关)?")
_ITSELF_CAPTION = re.compile(_NUMBERED + r"(?:本?[局委办厅]|本单位|本部门)?机关(?:本级)?")
# A sentence saying which copy holds the report's figures (其中“合计”栏为本机关政府信息公开工作年度报告数据).
_STATED_COPY = re.compile(r"[“\"‘「]?(?P<word>合计|汇总|本级)[”\"’」]?(?:栏|列|表|部分)?(?:数据)?(?:为|是)"
                          r"(?:本(?:机关|单位|部门|局|委|办))?[^。；;，,“”]{0,14}?(?:年度报告|本报告)(?:的)?数据")
# (an aside listing what the region holds: 全县（含本级）, 全县汇总（含县政府本级、各乡镇人民政府和县政府各部门）)
_WITH_OWN = re.compile(r"[（(]\s*(?:含|包括|包含)[^（()）]{0,40}[)）]")
# A report titled by its place alone (连云港市2021年…报告, 歙县2022年…报告): the place's report, all its agencies'.
_PLACE_NAME = re.compile(r"[\u4e00-\u9fff]{1,14}?[省市县区州旗盟]")
_SCOPE_WORD = re.compile(r"本级|本机关|本部门|本单位|汇总|全[国区县市省州盟旗]|全系统|各级行政机关|所属")  # one look first
_NOTE_ABOVE = re.compile(r"^\s*(?:注\s*\d?\s*[:：]?\s*)?(?:上表|以上|上述)")
_CAPTION_MAX = 60  # characters: a caption or note, not a paragraph
_ROW_LIKE = re.compile(r"\d{2}\D+\d|[\t|]|\d\s+\d")  # numbers apart, or cells: a table's row
_CLAUSE_MARK = re.compile(r"[。，,;；]")
_CAPTION_LEAD = 3  # lines before a table's first row its caption may stand on (its heading between)


def _scope_of(line: str, own_words: re.Pattern[str] = _OWN_SCOPE) -> str | None:
    line = _WITH_OWN.sub("", line)  # 全县（含本级）: the region's, the agency's own among it
    own, region = own_words.search(line), _ALL_SCOPE.search(line)
    return "own" if own and not region else "region" if region and not own else None


def _scope_captions(layout: Layout, table: str) -> list[tuple[int, str, bool]]:
    """(line, scope, whether it says what is above it) of the captions and notes in and just before
    a table's region that say whose figures it holds (found once a layout)."""
    if ("captions", table) not in layout.memo:
        layout.memo[("captions", table)] = _found_scope_captions(layout, table)
    return layout.memo[("captions", table)]


def _found_scope_captions(layout: Layout, table: str) -> list[tuple[int, str, bool]]:
    start, stop = layout.regions.get(table, (0, 0))
    before = max((end for name, (_, end) in layout.regions.items() if end <= start and name != table), default=0)
    marks = []
    for i in range(max(before, start - _CAPTION_LEAD), stop):
        line = layout.lines[i].strip()
        if not line or len(line) > _CAPTION_MAX or _ROW_LIKE.search(line):
            continue  # a row of the table is no caption
        if not (scope := (_SCOPE_WORD.search(line) and _scope_of(line)) or _copy_caption_scope(line, layout)):
            continue  # most lines: no scope named
        note = bool(_NOTE_ABOVE.match(line))
        if note or not _CLAUSE_MARK.search(line):
            marks.append((i, scope, note))  # a caption or a note, no sentence of the prose
    return marks


def _copy_caption_scope(caption: str, layout: Layout, column: bool = False) -> str | None:
    """Whose figures a copy captioned by a body or as a sum holds (a table printed once for the agency itself and once
    for each of its units, with their 合计; ``column``: a header cell over a group of columns): "own" for the agency
    (its name, 局机关), "unit" for another body, "region" for the sum; None for a line that is no such caption."""
    if _WITH_UNITS.search(caption) or (_TOTAL_COLUMN if column else _TOTAL_CAPTION).fullmatch(caption):
        return "region"
    if _ITSELF_CAPTION.fullmatch(caption):
        return "own"
    if not (body := _BODY_CAPTION.fullmatch(caption)):
        return None
    agency, name = _title_name(layout) or "", body["name"]
    return "own" if body["itself"] or (agency and (agency.endswith(name) or name.endswith(agency))) else "unit"


def _stated_copy(layout: Layout) -> str | None:
    """Which copy the report says holds its own figures, where it prints its table for itself (本级), its units
    and their sum (“合计”栏为本机关政府信息公开工作年度报告数据): "own", "region" or None."""
    if "stated copy" not in layout.memo:
        stated = {"本级": "own"}
        words = {stated.get(m["word"], "region") for line in layout.lines for m in _STATED_COPY.finditer(line)}
        layout.memo["stated copy"] = words.pop() if len(words) == 1 else None
    return layout.memo["stated copy"]


def tables_of_region(layout: Layout) -> bool:
    """Whether the report's tables say they hold its region's figures (全区各级行政机关汇总) and none
    the agency's own: its prose's figures of that scope are then its totals."""
    scopes = {scope for table in ("t2", "t3", "t4") for _, scope, _ in _scope_captions(layout, table)}
    return scopes == {"region"}


def _own_scope_rows(layout: Layout, table: str, rows: list[ValueRow], out: Tables | None) -> list[ValueRow]:
    """The rows of the agency's own copy of a table printed twice, for the agency itself (本级) and
    summed over its region (全区汇总), each copy captioned (or noted after: 上表为…), or each row
    labelled so: the copy not the agency's own is left out (of a report titled by its place alone, the place's
    report, the agency's own). So too a table printed for the agency itself, each of its units ((2)某某中心) and their
    sum (合计（…及所属单位）): the copy the report says holds its figures is read, else the agency's own. Tables with one
    copy, or copies whose scope no caption says, as they are."""
    marks = _scope_captions(layout, table)
    # a row's own label says its scope by 本级 only: the form's labels print 本机关 (本机关不掌握相关政府信息)
    labelled = {r.line: scope for r in rows if r.has_values and (scope := _scope_of(r.label or "", _ROW_OWN_SCOPE))}
    if any(scope == "unit" for _, scope, _ in marks):  # (copies for units: captions only, no 1.本机关不掌握… label)
        marks = [(i, scope, above) for i, scope, above in marks
                 if _copy_caption_scope(layout.lines[i].strip(), layout) or _ROW_OWN_SCOPE.search(layout.lines[i])]
    elif not {"own", "region"} <= {scope for _, scope, _ in marks} | set(labelled.values()):
        return rows

    def scope_of_row(row: ValueRow) -> str | None:
        if row.line in labelled:
            return labelled[row.line]
        after = next((scope for i, scope, above in marks if above and i > row.line), None)
        if after is not None:
            return after
        return next((scope for i, scope, above in reversed(marks) if not above and i <= row.line), None)

    scopes = {scope_of_row(r) for r in rows if r.has_values} - {None}
    if not _copies_apart(scopes):
        return rows  # (units' copies with neither the agency's own nor their sum: which is the report's, unknown)
    whole, units = _titled_by_place(layout), "unit" in scopes
    chosen = "region" if whole or (units and _stated_copy(layout) == "region") else "own"
    if chosen not in scopes:
        chosen = ({"own", "region"} & scopes).pop()
    kept = [r for r in rows if scope_of_row(r) in (chosen, None)]
    if out is not None and len(kept) < len(rows) and units:
        out.warn("unit_copies_total" if chosen == "region" else "unit_copies",
                 f"{table}: printed for the agency itself (本级), for its units and summed (合计); the "
                 + ("sum is read (the report says it holds its figures, or prints no copy of the agency's own)"
                    if chosen == "region" else "agency's own copy is read"))
    elif out is not None and len(kept) < len(rows):
        out.warn("scope_copy", f"{table}: printed for the agency itself (本级) and summed over its region (汇总); "
                 + ("the report is titled by its place alone, and the region's copy is read" if whole
                    else "the agency's own copy is read"))
    return kept


def _copies_apart(scopes: set[str | None]) -> bool:
    """Whether the scopes a table's copies are marked with tell them apart: the agency's own and its region's, or
    units' beside either."""
    return {"own", "region"} <= scopes or ("unit" in scopes and bool(scopes & {"own", "region"}))


def _title_name(layout: Layout) -> str | None:
    """The name the report's title gives (found once a layout)."""
    if "title name" not in layout.memo:
        from .metadata import find_title

        layout.memo["title name"] = find_title(layout.lines)[0]
    return layout.memo["title name"]


def _titled_by_place(layout: Layout) -> bool:
    """Whether the report's title names its place alone, no agency (连云港市2021年…报告): the place's report."""
    name = _title_name(layout)
    return bool(name and _PLACE_NAME.fullmatch(name))


def _own_scope_columns(layout: Layout, table: str, rows: list[ValueRow], out: Tables) -> list[ValueRow]:
    """A table's rows with only the agency's own columns, when its header prints two groups side by side, the
    agency's (县政府本级) and its region's (全县合计, 全县（含本级）), over the same columns, or alternating (本级 | 全县
    under each): the nearest line above a row naming nothing but the scopes from its first scope on, each over the
    grid's columns up to the next. Rows on one line of that line's width are cut so; any other table as it is. So too a
    header over groups for the agency itself (本级), each of its units and their sum (合计); of the agency's and its
    region's or units', the group the report says holds its figures is read (“合计”栏为本机关…年度报告数据), else its own."""
    if table not in layout.regions or not any(row.has_values for row in rows):
        return rows
    start, end = layout.regions[table]
    headers: dict[int, tuple[int, list[int]]] = {}  # line → (its width, the agency's own columns)
    units = read_sum = False
    stated = _stated_copy(layout)
    for at in range(start, end):
        line = layout.lines[at]
        if not (_SCOPE_WORD.search(line) or "合计" in line) or delimiter(line) is None or _DIGITS.search(line):
            continue  # (a header names, no row's figures: 1.本机关不掌握… | 6(全县44) is a row)
        cells = line_cells(line)
        named = [(k, _scope_of(cell.strip()) or _copy_caption_scope(cell.strip(), layout, column=True))
                 for k, cell in enumerate(cells) if cell.strip()]
        scoped = [(k, scope) for k, scope in named if scope]
        scopes = {scope for _, scope in scoped}
        if not _copies_apart(scopes) or any(
                scope is None for k, scope in named if k > scoped[0][0]):
            continue
        # (of the agency's own and its units' and their sum: the one the report names, else its own, if printed)
        chosen = "region" if "unit" in scopes and "region" in scopes and (stated == "region" or "own" not in scopes) \
            else "own"
        units, read_sum = units or "unit" in scopes, read_sum or chosen == "region"
        ends = [k for k, _ in scoped[1:]] + [len(cells)]
        headers[at] = (len(cells), [k for (first, scope), last in zip(scoped, ends) if scope == chosen
                                    for k in range(first, last)])
    if not headers:
        return rows
    cut = []
    for row in rows:
        above = max((at for at in headers if at < row.line), default=None)
        full = line_cells(layout.lines[row.line])
        if above is not None and row.has_values and len(full) == headers[above][0]:
            row = replace(row, cells=[full[k] for k in headers[above][1]])
        cut.append(row)
    if cut != rows and units:
        out.warn("unit_columns_total" if read_sum else "unit_columns",
                 f"{table}: prints columns for the agency itself (本级), for its units and their sum (合计) under one "
                 "header; the " + ("sum's are read (the report says they hold its figures, or prints no columns of the "
                                   "agency's own)" if read_sum else "agency's own are read"))
    elif cut != rows:
        out.warn("scope_columns", f"{table}: prints the agency's own columns (本级) beside its region's (全县合计) under "
                 "one header; the agency's own are read")
    return cut


def _label_line_rows(rows: list[ValueRow], name: Callable[[str], int | None], form_size: int,
                     size: int) -> list[ValueRow]:
    """A row's label on a delimited line of its own, its cells empty, and its numbers on the next
    delimited line with no label (PDF-to-Word or spreadsheet text pasted as text, Word tables): one
    row; so too numbers followed by such a label line (the label cell printed after them)."""
    if not any(r.delimited and not r.has_values for r in rows):
        return rows
    label_first = _join_label_lines(rows, name, form_size, size, numbers_first=False)
    return _join_label_lines(label_first[::-1], name, form_size, size, numbers_first=True)[::-1]


def _join_label_lines(rows: list[ValueRow], name: Callable[[str], int | None], form_size: int, size: int,
                      numbers_first: bool) -> list[ValueRow]:
    """Label lines joined to the number lines right after them, in the rows' order or (``numbers_first``)
    the other way round. Taken so only where neither line can be another row's: the label names a form
    row, the line before it is no unlabelled number row (whose label it could be, printed on the other
    side), the numbers fill the form's width, and the rows after them up to the next named row fill
    the form rows between exactly (else the label line may be a row printed with empty cells and the
    numbers the next row's, its label lost)."""
    names = [name(_own_label(r)) if r.label else None for r in rows]
    step, edge = (-1, -1) if numbers_first else (1, form_size)
    out: list[ValueRow] = []
    for p, row in enumerate(rows):
        label_line = rows[p - 1] if p else None
        if (label_line is not None and out and out[-1] is label_line and names[p - 1] is not None
                and _unlabelled_numbers(row, size) and label_line.delimited and not label_line.has_values
                and (row.after if numbers_first else row.before) == label_line.label
                and not (len(out) > 1 and _unlabelled_numbers(out[-2], 0))
                and _fills_to_next_named(rows, names, p, names[p - 1], step, edge)):
            out[-1] = replace(row, label=label_line.label, extra_label="", before="", after="")
            continue
        out.append(row)
    return out


def _unlabelled_numbers(row: ValueRow, size: int) -> bool:
    """A delimited row of numbers with no label of its own, as wide as ``size`` (0: any width)."""
    return (row.delimited and row.has_values and not label_core(row.label)
            and (not size or len(fit(row.cells, size)) == size))


def _fills_to_next_named(rows: list[ValueRow], names: list[int | None], at: int, named: int, step: int,
                         edge: int) -> bool:
    """Whether the number rows after ``at`` up to the next row naming a form row are as many as the
    form rows between ``named`` and that one (``step``: 1 when the form's rows are in the list's
    order, -1 when reversed; ``edge``: the form row past the last): the row at ``at`` is then one
    too many there."""
    following = next((p for p in range(at + 1, len(rows)) if names[p] is not None), len(rows))
    target = names[following] if following < len(rows) else edge
    between = sum(1 for r in rows[at + 1:following] if r.has_values)
    return (target - named) * step - 1 == between


# Labels only the 2021 form's table 3 prints: a 2019-form report (by its table 2) printing them
# has table 3 on the 2021 form.
_OTHER_2021_NAMED = frozenset({"other.no_correction", "other.unpaid_fee"})


def _prints_2021_other(layout: Layout) -> bool:
    name = _namer(forms.T3_ROWS_2021, _headings(forms.T3_ROWS_2021))
    return any(forms.T3_ROWS_2021[i].id in _OTHER_2021_NAMED for r in _t3_rows(layout, forms.T3_ROWS_2021)
               if (i := name(_own_label(r))) is not None)


_PART_ROW = re.compile("[一二三四五六七八九十]*其中")  # a label's characters: 其中：主动公开, （1）其中…
# A row of shares a publisher adds under a count's (予以公开占比（%） 44.4% …): words no row of the form has.
_SHARE_ROW = re.compile(r"占比|比例|比重|百分比")


def _set_aside_part_rows(rows: list[ValueRow], form_rows: tuple[Row, ...], out: Tables) -> list[ValueRow]:
    """Rows labelled 其中… that name no form row (其中：主动公开 under （一）予以公开): a part of the row
    above that the publisher added, no row of the form. They are not read, and the reader is told:
    placed by position, one took the place of a form row whose label is garbled or cut short. So are rows of shares
    (予以公开占比（%）, or every value a percentage): named by the row they share, two rows were that row's."""
    name = _namer(form_rows, _headings(form_rows))
    parts = [r for r in rows if _PART_ROW.match(_own_label(r)) and name(_own_label(r)) is None]
    for row in parts:
        out.warn("t3.part_row", f"table 3 prints '{row.label}' ({' '.join(row.cells)}), a part of the row above "
                 "(其中…), not a row of the form; it is not read", line=row.line + 1)
    shares = [r for r in rows if _SHARE_ROW.search(r.label) or (
        any(cell.strip() for cell in r.cells) and all("%" in cell or "％" in cell for cell in r.cells if cell.strip()))]
    for row in shares:
        out.warn("t3.share_row", f"table 3 prints '{row.label}' ({' '.join(row.cells)}), the shares of a row (占比), "
                 "not a row of the form; it is not read", line=row.line + 1)
    set_aside = parts + shares
    return [r for r in rows if not any(r is p for p in set_aside)] if set_aside else rows


def _continued_columns(layout: Layout, rows: list[ValueRow],
                       form_rows: tuple[Row, ...]) -> tuple[list[ValueRow], tuple[str, ...]] | None:
    """Table 3 printed in two parts side by side, the second (续表) repeating the rows' labels with
    the columns the first leaves out (a phone's page splits a wide table: 自然人…法律服务机构, then
    其他 and 总计; a report prints (一)自然人 and (二)法人或其他组织 as two tables): each row's values, the first
    part's then the second's, and the columns they stand in. Only when the second part's labels are the first's,
    in order, each part's header names its columns and the two name the form's seven between them."""
    name = _namer(form_rows, _headings(form_rows))
    labels = [name(_own_label(r)) for r in rows]
    if not rows or labels[0] is None:
        return None
    for count in (2, 3):  # (three: 自然人's, the organisations', and 总计's alone)
        size = len(rows) // count
        if len(rows) % count or size < 2:
            continue
        parts = [rows[k * size:(k + 1) * size] for k in range(count)]
        named = [labels[k * size:(k + 1) * size] for k in range(count)]
        if any(a is not None and b is not None and a != b for other in named[1:] for a, b in zip(named[0], other)):
            continue
        heads = [_columns_under_caption(_header_lines(layout, "t3", rows)),
                 *(_columns_under_caption(_lines_above(layout, rows, part[0])) for part in parts[1:])]
        if None not in heads and all(other == named[0] for other in named[1:]) and _columns_between(heads):
            parts = [_spacer_left_out(part, len(head)) for part, head in zip(parts, heads)]
            ends = [_grid_ends(part, len(head)) for part, head in zip(parts, heads)]
            cells = [[row.cells[-len(head):] if end else fit(row.cells, len(head))
                      for row, head, end in zip(across, heads, ends)] for across in zip(*parts)]
            if any(len(piece) != len(head) for row in cells for piece, head in zip(row, heads)):
                return None
            return ([replace(row, cells=[c for piece in pieces for c in piece]) for row, pieces in zip(parts[0], cells)],
                    tuple(c for head in heads for c in head))
        if count == 2:
            return _halves_that_add_up(rows)
    return None


def _grid_ends(rows: list[ValueRow], size: int) -> bool:
    """Whether a part's rows are a grid's, all of one width, so that each row's last ``size`` cells are its values:
    rows leaving zeros blank (| 1 | ∅ | ∅ | ∅ |) keep their empty last cells, which ``fit`` would take for padding
    and the label's spare cells for values."""
    return len({(row.delimited, row.width) for row in rows}) == 1 and rows[0].delimited and all(
        len(row.cells) >= size for row in rows)


def _spacer_left_out(rows: list[ValueRow], size: int) -> list[ValueRow]:
    """A part's rows without a column empty in every one of them between its values, where they print one cell more
    than its header names (a Word table's narrow spacer column between 其他 and 总计); else as they are."""
    cells = [fit(row.cells, size) for row in rows]
    if not cells or any(len(c) != size + 1 for c in cells):
        return rows
    empty = [k for k in range(1, size) if all(not c[k].strip() for c in cells)]
    if len(empty) != 1:
        return rows
    return [replace(row, cells=c[:empty[0]] + c[empty[0] + 1:]) for row, c in zip(rows, cells)]


def _first_of_two_parts(layout: Layout, rows: list[ValueRow], form_rows: tuple[Row, ...]) -> list[ValueRow] | None:
    """The first part of a table 3 printed in two whose columns ``_continued_columns`` could not place: the same rows'
    labels twice in order, the parts' values not the same (other columns, no copy), and no header naming columns over
    the second (a table printed whole twice has one: another scope's first, the report's own last). Read as one, the
    second part's rows, read last, took the first part's header, under which the first part stands. None for any
    other table."""
    half = len(rows) // 2
    if len(rows) % 2 or half < 2:
        return None
    name = _namer(form_rows, _headings(form_rows))
    first, second = rows[:half], rows[half:]
    names = [name(_own_label(r)) for r in first]
    if sum(n is not None for n in names) * 2 < half or names != [name(_own_label(r)) for r in second]:
        return None
    if _columns_under_caption(_lines_above(layout, rows, second[0])) is not None:
        return None
    return first if [r.cells for r in first] != [r.cells for r in second] else None


def _columns_between(heads: list[tuple[str, ...]]) -> bool:
    """Whether the parts' headers name the form's seven columns between them, each once (a 小计 aside), or all but one
    organisation's (a page that cut the first part's last column at its edge: that column is not printed)."""
    columns = [c for head in heads for c in head if c != forms.T3_GROUP_SUBTOTAL]
    return (len(columns) == len(set(columns)) and set(columns) <= set(T3_ORDER) and "total" in columns
            and "natural_person" in columns and len(columns) >= len(T3_ORDER) - 1)


def _halves_that_add_up(rows: list[ValueRow]) -> tuple[list[ValueRow], tuple[str, ...]] | None:
    """The two parts' rows joined in the form's column order where the headers do not say which columns each part
    holds (their names wrapped in narrow cells, or the second part unlabelled: a spreadsheet's page of columns): the
    one split of the form's seven columns between the parts that every row of each fits (a grid's padding aside) and
    that makes every joined row's total (the last) the sum of the six before it."""
    half = len(rows) // 2
    found = []
    for width in range(1, len(T3_ORDER)):
        parts = [(fit(a.cells, width), fit(b.cells, len(T3_ORDER) - width)) for a, b in zip(rows[:half], rows[half:])]
        if all(len(a) == width and len(b) == len(T3_ORDER) - width and _total_holds(a + b) for a, b in parts):
            found.append([a + b for a, b in parts])
    if len(found) != 1:
        return None
    return [replace(row, cells=cells) for row, cells in zip(rows, found[0])], T3_ORDER


def _total_holds(cells: list[str]) -> bool:
    numbers = [parse_cell(c).value for c in cells]
    return all(n is not None for n in numbers) and sum(numbers[:-1]) == numbers[-1]


def _columns_under_caption(lines: list[str]) -> tuple[str, ...] | None:
    """The columns a part's header names, below a caption naming them too ((一)自然人 / (二)法人或其他组织 over a
    table of those columns): the most any run of its last lines names (the caption's words confuse a header's)."""
    found = [columns for k in range(len(lines)) if (columns := t3_columns(lines[k:])) is not None]
    return max(found, key=len, default=None)


def _printed_in_strips(layout: Layout, rows: list[ValueRow], form_rows: tuple[Row, ...]) -> list[ValueRow] | None:
    """Table 3 printed as a spreadsheet prints a table too wide for its page: the rows with their labels
    and the first columns, then (on the next page) as many rows without labels holding the rest, under a
    header naming only those. Each row's values, the first strip's then the second's, in the form's
    columns. Only when every row of a strip prints as many values, the two strips' widths make the
    form's, and each header names columns of its own strip only."""
    half = len(rows) // 2
    if len(rows) % 2 or half < 2 or any(r.label for r in rows[half:]):
        return None
    name = _namer(form_rows, _headings(form_rows))
    if any(name(_own_label(r)) is None for r in rows[:half]):
        return None
    strips = [[fit(r.cells, 1) for r in rows[:half]], [fit(r.cells, 1) for r in rows[half:]]]
    widths = [{len(cells) for cells in strip} for strip in strips]
    rest = len(T3_ORDER) - min(widths[0])
    if len(widths[0]) == 1 and all(
            len(r.cells) >= rest and not any(map(str.strip, r.cells[:-rest])) for r in rows[half:]):
        strips[1] = [r.cells[-rest:] for r in rows[half:]]  # (a grid's column printed empty in every row of the strip)
        widths[1] = {rest}
    if any(len(w) != 1 for w in widths) or sum(w.pop() for w in widths) != len(T3_ORDER):
        return None
    first = len(strips[0][0])
    named = (t3_column_names(_header_lines(layout, "t3", rows)),
             t3_column_names(_lines_above(layout, rows, rows[half])))
    own = (set(T3_ORDER[:first]) | {forms.T3_APPLICANT_GROUP}, set(T3_ORDER[first:]) | {forms.T3_APPLICANT_GROUP})
    if any(not names or not names <= columns for names, columns in zip(named, own)):
        return None
    printed = (t3_column_sequence(_header_lines(layout, "t3", rows)),
               t3_column_sequence(_lines_above(layout, rows, rows[half])))
    if printed != (T3_ORDER[:first], T3_ORDER[first:]):
        return None  # (a strip naming its columns in another order: read by their names, _continued_columns)
    return [replace(row, cells=a + b) for row, a, b in zip(rows, *strips)]


def _lines_above(layout: Layout, rows: list[ValueRow], row: ValueRow) -> list[str]:
    """The lines between a row and the row printed last above it (a part's header, when the row begins one)."""
    above = max((r.line for r in rows if r.line < row.line), default=row.line - 1)
    return layout.lines[above + 1:row.line]


def _pages_across_then_down(rows: list[ValueRow], form_rows: tuple[Row, ...]) -> list[ValueRow] | None:
    """The rows of a table 3 a spreadsheet printed on four pages or more, across then down (rows 一 to (四)1 with
    the first columns, the same rows with the rest, then rows (四)2 to 四 with the first columns and with the
    rest), put in the order of a table printed in two parts: every row with the first columns, then every row with
    the rest. Labelled pages: each row's first printing, then its second, where every row is printed twice. Pages
    of the rest unlabelled: the runs of labelled rows, then those of unlabelled ones, where they alternate in pairs
    of as many rows. None when the rows are so ordered already, or are no such pages."""
    if all(row.label for row in rows):
        name = _namer(form_rows, _headings(form_rows))
        names = [name(_own_label(row)) for row in rows]
        first = [k for k, n in enumerate(names) if n not in names[:k]]
        second = [k for k in range(len(rows)) if k not in first]
        if None in names or [names[k] for k in first] != [names[k] for k in second] \
                or [names[k] for k in first] != sorted({names[k] for k in first}):
            return None
        order = first + second
    else:
        runs: list[list[int]] = []
        for k, row in enumerate(rows):
            if not runs or bool(row.label) != bool(rows[k - 1].label):
                runs.append([])
            runs[-1].append(k)
        if len(runs) < 4 or len(runs) % 2 or not rows[0].label \
                or any(len(a) != len(b) for a, b in zip(runs[::2], runs[1::2])):
            return None
        order = [k for run in runs[::2] for k in run] + [k for run in runs[1::2] for k in run]
    return None if order == list(range(len(rows))) else [rows[k] for k in order]


def _header_lines(layout: Layout, table: str, rows: list[ValueRow]) -> list[str]:
    """The lines of a table's region before its first printed row: its heading and header."""
    return layout.lines[layout.regions[table][0]:rows[0].line] if rows and table in layout.regions else []


def _t3_printed_columns(layout: Layout, rows: list[ValueRow], out: Tables) -> tuple[str, ...] | None:
    """The table-3 columns each row prints, in printed order, as the header names them: in the
    form's order or another, all but one of the form's, or with a 小计 column the form does not
    have. A header naming other than seven columns must fit the rows: some row prints as many
    values as it names, none more (else the header is what is garbled or incomplete), and every row as
    many when it names fewer (a phone's view of two columns). None when the header does not name the
    columns: the form's order is assumed."""
    named = t3_columns(_header_lines(layout, "t3", rows))
    if named is None and _total_printed_first(rows):
        out.warn("t3.column_order", "table 3's rows print their total first (each row's first value is the sum of "
                 "the six after it, its last is not): read so, its header being unreadable",
                 columns=["total", *T3_ORDER[:-1]])
        return ("total", *T3_ORDER[:-1])
    if named is None or named == T3_ORDER:
        return named
    if sorted(named) == sorted(T3_ORDER) and named[-1] != "total" and _sums_deny_the_header(named, rows):
        out.warn("t3.column_order", "table 3's header names the columns in another order (" + ", ".join(named)
                 + "), but its rows print each total last, as the form does (the last value the sum of the six before "
                 "it): read in the form's order", columns=list(T3_ORDER))
        return T3_ORDER
    compared = [c for c in named if c in (forms.T3_EARLIER_TOTAL, forms.T3_EARLIER, forms.T3_CHANGE)]
    shares = [c for c in named if c == forms.T3_SHARE]
    if (compared or shares) and "total" not in named:
        return None  # (2024年总计 | 2023年总计: which is the report's, its year alone says)
    if _cut_at_the_edge(named, rows):
        named = named[:-1]  # (其 of 其他 and no 总计: the page cut the table, the cut column's cells empty in every row)
    size, of_form = len(named), [c for c in named if c in T3_ORDER]
    widths = {len(fit(r.cells, size)) for r in rows}
    if size != len(T3_ORDER) and (max(widths, default=0) > size or size not in widths):
        return None
    if _organisations_as_one(named):
        out.warn("t3.organisations_one_column", "table 3 prints 法人或其他组织 as one column, not the form's five "
                 "organisation columns; 自然人 and 总计 are read by their header names, the five columns are not "
                 "printed", columns=list(named))
        return named
    if named == ("total",):
        out.warn("t3.total_only", "table 3 prints its 总计 column only: the applicant columns are not printed",
                 columns=list(named))
        return named
    if len(of_form) < len(T3_ORDER) - 1 and widths != {size}:  # a few columns named: every row prints as many
        return None
    left_out = [c for c in T3_ORDER if c not in named]
    unlisted = [c for c in named if c.startswith(forms.T3_UNLISTED)]
    if left_out and not unlisted:  # (with columns of its own, the form's are merged or split: said below)
        out.warn("t3.column_not_printed", f"table 3's header and rows leave out the column(s) {', '.join(left_out)}; "
                 "the others are read by their header names", columns=list(named))
    if compared:
        out.warn("t3.comparison_columns", "table 3 prints columns the form does not have to compare with the year "
                 "before (its total, the change, or each column's figure of the year before beside the year's: "
                 "2023年总计, 增减, 本年 | 上年); they are left out, the others read by their header names",
                 columns=list(named))
    if shares:
        out.warn("t3.share_column", "table 3 prints each row's share of the requests (占比), a column the form does "
                 "not have; it is left out, the others read by their header names", columns=list(named))
    if unlisted:
        out.warn("t3.columns_not_the_forms", f"table 3's header prints {len(unlisted)} column(s) the form does not "
                 "have (a kind of applicant of its own, two of the form's merged into one, or one split in parts); "
                 "they are read past, the form's columns it names read by their names, the others not printed",
                 columns=list(named))
    if forms.T3_GROUP_SUBTOTAL in named:
        out.warn("t3.subtotal_column", "table 3 prints a 小计 column of the organisations, which the form does not "
                 "have; the columns are read by their header names", columns=list(named))
    if of_form != [c for c in T3_ORDER if c in of_form]:
        out.warn("t3.column_order", "table 3's header prints the columns in another order: "
                 + ", ".join(named) + "; they are read by their header names", columns=list(named))
    return named


def _cut_at_the_edge(named: tuple[str, ...], rows: list[ValueRow]) -> bool:
    """Whether a header's last column is one the form does not have, 总计 named nowhere, and no row prints as many values
    as the header names: a page that cut the table at its right edge, leaving a piece of a column's name (其 of 其他)
    over empty cells."""
    return (named[-1].startswith(forms.T3_UNLISTED) and "total" not in named and any(r.has_values for r in rows)
            and all(sum(1 for c in r.cells if c.strip()) < len(named) for r in rows))


_TOTAL_FIRST_ROWS = 2  # rows (table 4: groups) whose sums show the total printed first, none showing it last


def _total_printed_first(rows: list[ValueRow]) -> bool:
    """Whether table 3's rows print the 总计 column first (a local form's order, under a header a PDF's text
    breaks beyond reading: 总 / 计 on two lines): rows of seven numbers whose first is the sum of the others
    and whose last is not, at least two, and no row the other way round."""
    first = last = 0
    for row in rows:
        if len(row.cells) != len(T3_ORDER):
            continue
        cells = [c.strip().replace(",", "") for c in row.cells]
        if not all(_DIGITS.fullmatch(c) and len(c) <= MAX_NUMBER_DIGITS for c in cells):
            continue
        values = list(map(int, cells))
        leads, ends = values[0] == sum(values[1:]), values[-1] == sum(values[:-1])
        first += leads and not ends
        last += ends and not leads
    return first >= _TOTAL_FIRST_ROWS and not last


def _sums_deny_the_header(named: tuple[str, ...], rows: list[ValueRow]) -> bool:
    """Whether table 3's rows print 总计 last, as the form does, where a header names it elsewhere: rows of seven
    numbers whose last is the sum of the others and whose value under the header's 总计 is not, at least two, and
    none the other way round (a Word file's text boxes give the header's 总计 box, spanning its rows, first; its
    values' boxes stand in the form's order)."""
    at = named.index("total")
    form = header = 0
    for row in rows:
        cells = [c.strip().replace(",", "") for c in row.cells]
        if len(cells) != len(T3_ORDER) or not all(_DIGITS.fullmatch(c) and len(c) <= MAX_NUMBER_DIGITS for c in cells):
            continue
        values = list(map(int, cells))
        as_form, as_header = values[-1] == sum(values[:-1]), values[at] == sum(values) - values[at]
        form += as_form and not as_header
        header += as_header and not as_form  # (1 0 0 0 0 0 1 either way: no evidence)
    return form >= _TOTAL_FIRST_ROWS and not header


def _organisations_as_one(columns: tuple[str, ...]) -> bool:
    """自然人, 法人或其他组织 and 总计: a table 3 that does not print the organisations one by one."""
    return set(columns) == {"natural_person", forms.T3_GROUP_SUBTOTAL, "total"}


def _organisations_identities(row_set: tuple[Row, ...]) -> list[Identity]:
    """The sums the one 法人或其他组织 column keeps: each row's 自然人 and organisations make its
    总计, and the column itself sums and balances like every column of the form."""
    one = forms.T3_GROUP_SUBTOTAL
    rows = [Identity("t3.total_cols", r.id, (forms.t3_cell(r.id, "natural_person"), forms.t3_cell(r.id, one)),
                     (forms.t3_cell(r.id, "total"),)) for r in row_set]
    column = [replace(i, parts=tuple(c.replace(".natural_person", "." + one) for c in i.parts),
                      whole=tuple(c.replace(".natural_person", "." + one) for c in i.whole))
              for i in _t3_identities(row_set) if i.instance == "natural_person"]
    return rows + column


def _without_padding_column(rows: list[ValueRow | None]) -> list[ValueRow | None]:
    """Grid rows that each print six values, or seven with an empty first or last cell: under a
    header that does not name six columns, a table printing six values a row, the grid filling a
    seventh cell with a label's spare column or padding the row's end, not a column left blank.
    Each row is read as the values it prints without its empty end cells: which column is not
    printed, only the identities can settle; otherwise the cells are unsure."""
    size = len(T3_ORDER)
    printed = {k: [c.strip() for c in fit(r.cells, size)] for k, r in enumerate(rows) if r is not None and r.has_values}
    if len(printed) < 2 or any(not rows[k].delimited or len(p) not in (size - 1, size) for k, p in printed.items()):
        return rows
    full = [p for p in printed.values() if len(p) == size]
    if not full or any(p[0] and p[-1] for p in full) or not all(all(p[1:-1]) for p in full):
        return rows  # (a row blank inside, 自然人 to 其他 left blank and only 总计 printed: its blanks are cells)
    out = list(rows)
    for k, cells in printed.items():
        if len(cells) == size:
            cells = cells[1 if not cells[0] else 0:size - 1 if not cells[-1] else size]
        out[k] = replace(rows[k], cells=cells)
    return out


def _rows_total_first(row_set: tuple[Row, ...],
                      rows: list[ValueRow | None]) -> tuple[list[ValueRow | None], list[Row]]:
    """Rows of table 3 that print their total first among the form's columns (12 11 1 0 0 0 0: the first value the
    sum of the six after it, the last not the sum of the six before it, the table's other rows as the form prints
    them; a table printing every row so has its columns so, ``_total_printed_first``), with the total moved last;
    and the form's rows that were so. Only where the table's sums across the rows confirm it: a row whose 自然人 is
    misprinted can have its first value the sum of the rest by chance (7 1 0 0 0 0 6 for 5 1 0 0 0 0 6)."""
    def numbers_of(row: ValueRow | None) -> list[str] | None:
        filled = [c.strip().replace(",", "") for c in row.cells if c.strip()] if row is not None else []
        return filled if len(filled) == len(T3_ORDER) and all(
            _DIGITS.fullmatch(c) and len(c) <= MAX_NUMBER_DIGITS for c in filled) else None

    def total_first(row: ValueRow | None) -> bool:  # (its first value over its last, as no row of the form's order is)
        if row is None or len(row.cells) < len(T3_ORDER):
            return False
        head = next((c for c in row.cells if c.strip()), "").strip().replace(",", "")
        tail = next((c for c in reversed(row.cells) if c.strip()), "").strip().replace(",", "")
        return bool(_DIGITS.fullmatch(head) and _DIGITS.fullmatch(tail)) and int(head) > int(tail)  # (not 13¹)

    if not any(total_first(row) for row in rows):
        return rows, []  # (nearly every table, one look)
    numbers = {k: filled for k, row in enumerate(rows) if (filled := numbers_of(row)) is not None}
    first = {k: printed for k, filled in numbers.items() if (printed := list(map(int, filled)))[0] > 0
             and printed[0] == sum(printed[1:]) and printed[-1] != sum(printed[:-1])}
    values = {forms.t3_cell(row_set[k].id, column): int(v) for k, filled in numbers.items()
              for column, v in zip(T3_ORDER, filled)}
    identities = _t3_identities(row_set)
    out, turned = list(rows), []
    for k, printed in first.items():
        filled = numbers[k]
        cells = {forms.t3_cell(row_set[k].id, column) for column in T3_ORDER}
        turned_values = {**values, **dict(zip((forms.t3_cell(row_set[k].id, c) for c in T3_ORDER),
                                              [*printed[1:], printed[0]]))}
        across = [i for i in identities if cells & set(i.cells) and not set(i.cells) <= cells]  # (the columns' sums)
        if any(all(c in turned_values for c in i.cells) for i in across) and all(
                identity_status(i, turned_values)[0] for i in across):
            out[k] = replace(rows[k], cells=[*filled[1:], filled[0]])
            turned.append(row_set[k])
    return out, turned


def _total_column_left_blank(layout: Layout, rows: list[ValueRow | None]) -> list[ValueRow | None] | None:
    """The rows read from their last cells when the grid's header ends in 总计, every row's last cell is empty
    and some row's sixth value is less than the five before it, so no total (a small body's table 3 whose totals
    were never filled in): each row's last seven cells, the total blank. Taken for padding, the empty cells left
    every row a value short and no sum to place it (every cell unsure). None for another table (six values a
    row ending in their total, a column left out: which one, only the sums can say)."""
    size = len(T3_ORDER)
    printed = [r for r in rows if r is not None and r.has_values]
    if not printed or any(not r.delimited or len(r.cells) < size or r.cells[-1].strip() for r in printed):
        return None
    if any(sum(1 for c in r.cells if c.strip()) >= size for r in printed):
        return None  # (a row of seven values before its empty last cell: a trailing tab on every line, no blank total)
    header = [line.split("\t") for line in _header_lines(layout, "t3", printed) if "\t" in line]
    if not any("".join(fields[-1].split()) == "总计" for fields in header):
        return None
    sixes = [[parse_cell(c).value for c in r.cells[-size:-1]] for r in printed]
    if not any(None not in six and six[-1] < sum(six[:-1]) for six in sixes):
        return None
    return [replace(r, cells=r.cells[-size:]) if r is not None else None for r in rows]


def read_t3(layout: Layout, form: forms.Form, out: Tables) -> None:
    form_rows = form.t3_rows
    if form.id == GOV_2019 and _prints_2021_other(layout):
        form_rows = forms.T3_ROWS_2021
    rows = [r for r in _set_aside_part_rows(_t3_rows(layout, form_rows, out), form_rows, out) if not _numbers_the_columns(r)]
    rows = _own_scope_columns(layout, "t3", rows, out)
    if (spaced := _without_spacer_cells(rows, len(T3_ORDER))) is not None:
        rows = spaced
        out.warn("t3.spacer_columns", "table 3's rows print an empty spacer cell between every two values (a page "
                 "laid out with narrow blank columns); the values are read without them")
    if (placed := with_spaced_blanks(rows, layout.lines, len(T3_ORDER))) is not None:
        rows = placed
        out.warn("t3.spaced_blanks", "table 3 is typed with spaces, blank cells only more space: where a row's "
                 "numbers stand on the table's regular column grid from its first column to its last, its blank "
                 "cells are read in their places")
    if (latest := _latest_year_columns(layout, rows)) is not None:
        rows = latest
        out.warn("t3.year_columns", "table 3 prints each column for several years side by side (2022年 | 2023年): "
                 "the latest year's columns are read")
    if (by_column := _read_by_column(rows, form_rows, layout.region_text("t3").split("\n"))) is not None:
        rows = by_column
        out.warn("t3.by_column", "table 3 is printed column by column (each applicant type with its values for the "
                 "form's rows in order, as OCR of a table or a turned table gives them): read so")
    if (paged := _pages_across_then_down(rows, form_rows)) is not None and (
            _printed_in_strips(layout, paged, form_rows) is not None or _continued_columns(layout, paged, form_rows)):
        rows = paged
        out.warn("t3.pages_across", "table 3 is printed on pages across then down, as a spreadsheet prints a table "
                 "too wide and too long for its page (the first rows with the first columns, then with the rest, then "
                 "the next rows so); the pages are read in that order")
    if (stripped := _printed_in_strips(layout, rows, form_rows)) is not None:
        rows = stripped
        out.warn("t3.strips", "table 3 is printed in two strips, as a spreadsheet prints a table wider than its "
                 "page: the rows with their labels and the first columns, then the same rows without labels holding "
                 "the rest; each row is read across both, in the form's columns")
    continued = _continued_columns(layout, rows, form_rows)
    if continued is not None:
        rows = continued[0]
        out.warn("t3.continued", "table 3 is printed in two parts, the second (续表) repeating the rows with the "
                 "columns the first leaves out; each row is read across both, by the headers' column names",
                 columns=list(continued[1]))
    elif (first := _first_of_two_parts(layout, rows, form_rows)) is not None:
        rows = first
        out.warn("t3.second_part_unread", "table 3 is printed in two parts, the second repeating the rows with other "
                 "values, in columns no header names (a page cut at its edge, a header unreadable); only the first "
                 "part is read, by its header")
    rows, twice = _rows_printed_twice(rows, form_rows, out)
    region = layout.regions.get("t3")
    if region and (before := _numbers_before_labels(rows, layout.lines, form_rows, region)) is not None:
        rows = before
        out.warn("t3.numbers_before_labels", "table 3 prints each row's numbers on the line before its label, none "
                 "above the first row's numbers (a PDF reader's text of labels centred over several lines): each row of "
                 "numbers takes the label after it, in the form's order")
    elif (labelled := _labels_around_numbers(rows, layout.lines, form_rows, region)) is not None:
        rows = labelled
        out.warn("t3.labels_around_numbers", "table 3's labels wrap onto lines of their own around rows of numbers with "
                 "no label (a ruled table's text, each label's lines above and below its numbers); between rows whose "
                 "labels name them, the rows of numbers take the labels printed there, in the form's order")
    row_set, merged = _t3_row_set(rows, form_rows)
    disputed = _disputed_rows(rows, row_set)
    assigned = [None if k in disputed else r for k, r in enumerate(rows)] if disputed else _assign_rows(rows, row_set)
    named = continued[1] if continued is not None else _t3_printed_columns(layout, rows, out)
    printed = named or T3_ORDER
    if (blank_total := _total_column_left_blank(layout, assigned)) is not None:
        assigned = blank_total
        out.warn("t3.total_left_blank", "table 3's 总计 column is left blank in every row: the rows' empty last cells "
                 "stand under the header's 总计, as the grid prints them; the six applicant columns are read before it")
    elif named in (None, T3_ORDER):
        assigned = _without_padding_column(assigned)
    turned: list[Row] = []
    if printed == T3_ORDER:
        assigned, turned = _rows_total_first(row_set, assigned)
        if turned:
            out.warn("t3.row_total_first", "table 3 prints the 总计 of row(s) " + ", ".join(r.label_zh for r in turned)
                     + " before their six applicant values (a PDF's text giving the cell first); each such row's first "
                     "value is the sum of the six after it, its last is not: read with the total last")
    slots = [_Slot(tuple(forms.t3_cell(r.id, c) for c in printed), a) for r, a in zip(row_set, assigned)]
    said_none = [k for k, slot in enumerate(slots) if slot.row is not None and _merged_none(
        slot.row, len(slot.ids), layout.lines[slot.row.line] if 0 <= slot.row.line < len(layout.lines) else "") is not None]
    for k, above in _merged_down(slots, layout.lines, said_none):
        slots[k] = replace(slots[k], row=replace(above, label=row_set[k].label_zh))
        said_none.append(k)
    for k in said_none:
        slots[k] = replace(slots[k], row=_merged_none(slots[k].row, len(slots[k].ids)))
    if said_none:
        out.warn("t3.merged_none", f"table 3 prints {len(said_none)} row(s) as one cell saying none (无, 本年度无此类情况: "
                 "a cell merged across the row, or down over the rows whose labels follow it with no cells): every "
                 "cell of those rows is read as 0")
    identities = _t3_identities(row_set)
    if not set(T3_ORDER) <= set(printed):  # a column not printed: the sums it is in cannot be read
        identities = [i for i in identities if all(c.rsplit(".", 1)[1] in printed for c in i.cells)]
    one_column = _organisations_as_one(printed)
    if one_column:
        identities += _organisations_identities(row_set)
    read_table(slots, identities, out, "t3")
    for row in turned:
        for column in T3_ORDER:
            cell = out.cells.get(forms.t3_cell(row.id, column))
            if cell is not None and cell.status == "reported":
                out.cells[forms.t3_cell(row.id, column)] = replace(cell, status="repaired", note=(
                    "本行的总计印在六类申请人之前：第一个数等于其后六个数之和，按总计在后读出"))
    not_printed = (_ONE_COLUMN_NOTE if one_column
                   else "表头把这一列与别的列合并印出或拆开印出，本列的数未单独印出" if any(
                       c.startswith(forms.T3_UNLISTED) for c in printed)
                   else _LEFT_OUT_NOTE)
    for column in T3_ORDER:
        if column not in printed:
            for row in row_set:
                out.cells[forms.t3_cell(row.id, column)] = CellValue(None, None, "missing", not_printed)
    _summed_parts(out, row_set, printed)
    for kept, other in twice:
        row = next((r for r, a in zip(row_set, assigned) if a is kept), None)
        for column, first, second in zip(printed, fit(kept.cells, len(printed)), fit(other.cells, len(printed))):
            a, b = parse_cell(first).value, parse_cell(second).value
            if row is not None and column in T3_ORDER and a != b:
                out.cells[forms.t3_cell(row.id, column)] = CellValue(
                    None, f"{first} | {second}", "ambiguous", "这一行印了两次，两次的数不同，本行合计也不能确定哪一次是对的，"
                    "未作选择", [a, b])
    for k in disputed:
        for cell in slots[k].ids:
            out.cells[cell] = CellValue(None, " ".join(rows[k].cells), "ambiguous", "行名与所在位置不符：PDF 等文字中行名"
                                        "可能印在相邻一行旁，按位置、按行名读都没有依据，未作选择", [])
    if named in (None, T3_ORDER) and not merged:
        _read_in_text_order(layout, row_set, identities, out)
    for group, members in merged.items():
        _group_total_row(out, group, members, form)
    if form_rows is not form.t3_rows:
        _other_from_sub_rows(out)


_FIGURES = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])")
_LAST_WORD = re.compile(r"[\u4e00-\u9fff](?=[^\u4e00-\u9fff]*$)")


def _merged_none(row: ValueRow | None, size: int, line: str = "") -> ValueRow | None:
    """A row printing one cell only that says none (无, 0, 本年度无此类情况: a cell merged across the row; a Word table
    gives a merged cell's words in its first place, the places it spans empty), as a row of ``size`` such cells;
    None for any other row, and for one whose ``line`` prints several figures after its last word (0L, 1L, 2L: cells
    the row reader did not take; figures set among a label's characters are none of them)."""
    if row is None or size < 2 or not row.cells:
        return None
    if (last := _LAST_WORD.search(line)) is not None and len(_FIGURES.findall(line, last.end())) > 1:
        return None
    # (a Word table's merged cell among empty places: words no cell of its own prints; 无 alone may be one cell's)
    if len(row.cells) > 1 and not NONE_STATEMENT.fullmatch("".join(row.cells).strip()):
        return None
    printed = [c for c in row.cells if c.strip()]
    if len(printed) != 1 or (cell := parse_cell(printed[0])).value != 0 or cell.status not in ("none", "reported"):
        return None
    return replace(row, cells=printed * size)


def _merged_down(slots: list[_Slot], lines: list[str], said_none: list[int]) -> list[tuple[int, ValueRow]]:
    """The slots with no values under one whose single none cell is merged across it (``said_none``), when the rows
    between print their labels a line each right after it and no cell (a cell merged down over them: 无 for
    （三）不予公开's eight)."""
    out = []
    for k in said_none:
        slot = slots[k]
        if slot.row is None:
            continue
        gap = next((j for j in range(k + 1, len(slots)) if slots[j].row is not None and slots[j].row.has_values),
                   len(slots))
        if gap == k + 1:
            continue
        below = lines[slot.row.line + 1:slot.row.line + gap - k]
        if len(below) == gap - k - 1 and all(line.strip() and not any(c.strip() and is_value_cell(c)
                                                                       for c in line_cells(line)) for line in below) \
                and (gap == len(slots) or (after := slots[gap].row) is None or after.line == slot.row.line + gap - k):
            out += [(j, slot.row) for j in range(k + 1, gap)]
    return out


def _rows_printed_twice(rows: list[ValueRow], form_rows: tuple[Row, ...],
                        out: Tables) -> tuple[list[ValueRow], list[tuple[ValueRow, ValueRow]]]:
    """Table 3's rows printed twice one after the other under one label (a copy-paste slip): one of them, the other
    left out; where the copies' values differ, the one whose total is the sum of its other values, and where that does
    not settle it, the first, paired with the other (its cells are then unsure, ``read_t3``)."""
    name = _namer(form_rows, _headings(form_rows))
    out_rows: list[ValueRow] = []
    unsettled: list[tuple[ValueRow, ValueRow]] = []
    for row in rows:
        prev = out_rows[-1] if out_rows else None
        if (prev is None or row.label.strip() != prev.label.strip() or len(row.cells) != len(prev.cells)
                or row.line - prev.line > _COPY_REACH or not _whole_row(row) or not _whole_row(prev)
                or (named := name(_own_label(row))) is None or name(_own_label(prev)) != named
                or _heading_alone(_own_label(row), _headings(form_rows))):
            out_rows.append(row)
            continue
        copies = [[parse_cell(c).value for c in fit(r.cells, len(T3_ORDER))] for r in (prev, row)]
        holds = [len(v) == len(T3_ORDER) and None not in v and sum(v[:-1]) == v[-1] for v in copies]
        if copies[0] != copies[1] and holds == [False, True]:
            out_rows[-1] = row
        elif copies[0] != copies[1] and holds != [True, False]:
            unsettled.append((prev, row))
        out.warn("t3.row_printed_twice", f"table 3 prints the row '{_own_label(row)}' twice"
                 + ("" if copies[0] == copies[1] else f" with other values ({' '.join(prev.cells)} | "
                    f"{' '.join(row.cells)})") + ": read once", line=row.line + 1)
    return out_rows, unsettled


_COPY_REACH = 2  # lines from a row to its copy at most (a page's break and header between: a row cut, not copied)


def _whole_row(row: ValueRow) -> bool:
    """Whether a row prints a whole row of table 3's values (all seven, or all but one), not a cell of it (a list
    printing a cell a line names the same row on each)."""
    return sum(1 for c in row.cells if c.strip()) >= len(T3_ORDER) - 1


def _summed_parts(out: Tables, row_set: tuple[Row, ...], printed: tuple[str, ...]) -> None:
    """A form's column printed in parts (自然人 over 本地 | 外地): each row's sum of its parts, where the row's 总计 is
    that sum with its other columns (the one reading the table's own sums confirm: repaired); unsure otherwise."""
    parts: dict[str, list[str]] = {}
    for name in printed:
        if forms.T3_PART_OF in name:
            parts.setdefault(name.partition(forms.T3_PART_OF)[2], []).append(name)
    if "total" not in printed:
        return
    # the columns 总计 sums, parts and all: those before it (其中：网上申请 after it is a part of it)
    summed = [c for c in printed[:printed.index("total")] if c not in forms.T3_ADDED_COLUMNS]
    for column, names in parts.items():
        for row in row_set:
            read = [out.cells.get(forms.t3_cell(row.id, name)) for name in names]
            if any(cell is None or cell.value is None for cell in read):
                continue
            whole = sum(cell.value for cell in read)
            raw = " + ".join(cell.raw or "" for cell in read)
            row_sum = [out.cells.get(forms.t3_cell(row.id, c)) for c in [*summed, "total"]]
            if all(cell is not None and cell.value is not None for cell in row_sum) and \
                    sum(cell.value for cell in row_sum[:-1]) == row_sum[-1].value:
                out.cells[forms.t3_cell(row.id, column)] = CellValue(
                    whole, raw, "repaired", f"这一列分{len(read)}栏印出（{raw}），相加为 {whole}，与本行总计相合")
            else:
                out.cells[forms.t3_cell(row.id, column)] = CellValue(
                    None, raw, "ambiguous", f"这一列分{len(read)}栏印出（{raw}），相加为 {whole}，但与本行总计不合，"
                    "未作选择", [whole])


def _read_in_text_order(layout: Layout, row_set: tuple[Row, ...], identities: list[Identity], out: Tables) -> None:
    """Table 3 left mostly unread whose region prints exactly its values on lines of their own (text without
    layout): read in the text's order where only one filling of the grid keeps its sums (``reading_order``);
    the cells read already must agree."""
    ids = [forms.t3_cell(row.id, column) for row in row_set for column in T3_ORDER]
    if "t3" not in layout.regions or sum(
            1 for cell in ids if out.cells.get(cell) is None or out.cells[cell].value is None) * 2 < len(ids):
        return
    start, end = layout.regions["t3"]
    lines, row_ids = layout.lines[start:end], [row.id for row in row_set]
    grid = (filled_grid(lone_numbers(lines), row_ids, T3_ORDER, identities, forms.t3_cell)
            or grid_of_runs(lone_number_runs(lines), row_ids, T3_ORDER, identities, forms.t3_cell))
    if grid is None or any(out.cells.get(cell) is not None and out.cells[cell].value not in (None, grid[cell])
                           for cell in ids):
        return
    for cell in ids:
        out.cells[cell] = CellValue(grid[cell], str(grid[cell]), "reported", _TEXT_ORDER_NOTE)
    out.warn("t3.text_order", "table 3's values stand on lines of their own, apart from their rows' labels (text "
             "without layout); read in the text's order, by blocks of rows a column at a time, the one filling of "
             "the table that keeps all its sums")


_TEXT_ORDER_NOTE = ("文字中各数与行名分开、一行一个（不保留版式的 PDF 文字）：按文字中的先后顺序逐块填入表格，"
                    "只有这一种填法使表中各项合计都成立")


# A note that the table prints only what is not 0 (（本部分只列出数据不为0的项目，其余各项均为0。）, 未列出的项目
# 数据均为0): every cell it leaves out is 0, by the report's own word.
_ZERO = r"\s*(?:0|０|零)(?![\d.])"
# (未单独列明的申请人类型（自然人、…），其数量均为0: a bracketed list between)
_UNLISTED_ZERO = re.compile(r"(?:未(?:单独)?列[出明]?|没有列出|未予列出|不再列出|其余|其他各?项)"
                            r"(?:[^。；;\n（(]|[（(][^）)\n]{0,60}[）)]){0,24}?(?:均为|均|为|都是)"
                            + _ZERO + r"|(?:只|仅)列[出示]?[^。；;\n]{0,6}?(?:不为\s*[0０零]|非零|有数据|有数值|有申请)")
# Table 2 listing only the items the body has, saying the others have nothing (其他事项本年度无, 其余项目均为0).
_OTHER_ITEMS_NONE = re.compile(r"(?:其他|其余|其它)(?:事项|项目|各项)[^。；;\n]{0,8}?(?:均为|均|为|都是)?\s*(?:无|0|０|零)"
                               r"(?![\d.])")
# Columns table 3 leaves out because no one of their kind applied (申请人均为自然人; 科研机构…未提出政府信息公开申请，表中
# 不再列出; 未收到法人或其他组织提出的…申请): their cells are 0, and only theirs (a blank cell printed is no such column's).
_APPLICANT_KINDS = r"(?:法人或其他组织|商业企业|科研机构|社会公益组织|法律服务机构|其他组织)"
_NO_APPLICANTS = re.compile(r"申请人?均为自然人|" + _APPLICANT_KINDS + r"[^。；;\n]{0,30}?未(?:收到|提出)[^。；;\n]{0,20}?申请"
                            r"|未收到[^。；;\n]{0,6}?" + _APPLICANT_KINDS + r"[^。；;\n]{0,20}?申请")
# Table 3 as one sentence saying that all its cells are 0 (表三各项数据（本年新收、…各类申请人）均为0).
_T3_ALL_ZERO = re.compile(r"(?:表三|本表)(?:中的?)?(?:各项|全部)(?:数据|数字)?(?:[^。；;\n（(]|[（(][^）)\n]{0,80}[）)]){0,12}?"
                          r"(?:均为|均|全部为|都是)" + _ZERO)
# Table 4 as one sentence saying that all its cells are 0 (行政复议、行政诉讼（…）的结果维持、…及总计各项均为0).
_ALL_SAID_ZERO = re.compile(r"(?:各项|各栏|全部|均)\s*(?:均为|为|均是)?" + _ZERO)
_SENTENCE_END = re.compile(r"[。；;\n]")
_DECLARED_ZERO_NOTE = "表中未印出，报告声明其为0：“{}”"
# A legend saying the tables' blank cells are 0 (注：表中空白单元格表示0, 空格为零, 本表空白处数值为0, 空格表示“0”,
# 表内未填写数字的单元格均为0, 表格中空白项数据为零): every table's blank cells are.
_BLANK_IS_ZERO = re.compile(r"(?:空白|空格|空项|未填(?:写|报)?(?:数字|数值|数据)?的?)(?:单元格|格|处|栏|项)?(?:的|处)?"
                            r"(?:数值|数据|数字|值)?(?:均|皆|一律|即|都)?(?:表示|代表|为|视为|即为|是)"
                            r"(?:(?:数量|数值|数据|数字)(?:均|皆|都)?(?:为|是))?\s*[“\"‘']?"
                            r"(?:0|０|零|无)[”\"’']?(?![\d.])")
_BLANK_ZERO_NOTE = "表中空白，报告说明空白即为0：“{}”"
_LEGEND_ABOVE = 2  # lines above a table's region a legend may stand in (its section's heading, the legend)
_NOTE_MAX = 80  # characters of the declaration the note quotes


def _t4_all_zero(text: str) -> str | None:
    """The sentence naming both kinds of cases and saying that all of table 4 is 0, or None. (A sentence that none
    happened, 本年度未发生…案件, in place of the table prints none of its cells: only a cell of the table's grid saying
    so is read as the cells it covers, ``_t4_groups_said_none``.)"""
    return next((sentence for sentence in _SENTENCE_END.split(text)
                 if "行政复议" in sentence and "行政诉讼" in sentence and _ALL_SAID_ZERO.search(sentence)), None)


_ONE_COLUMN_NOTE = "表头把法人或其他组织印成一列，不分五类：本列未印出"
_LEFT_OUT_NOTE = "表头没有这一列，各行也少印一个数：本列未印出"
# Cells a table does not print that no printed number speaks of alone: a row or table left out, a blank, a column
# the header leaves out or merges into 法人或其他组织 (that column's count is a sum the rule weighs too).
_UNPRINTED_NOTES = (None, _ONE_COLUMN_NOTE, _LEFT_OUT_NOTE)


def _zeros_by_sums(out: Tables, template: str, subtotals: dict[str, CellValue]) -> None:
    """Cells of tables 3 and 4 that are not printed (a column or row left out, a blank) where the cells printed
    already make their sum: each is 0, counts being never negative (自然人 equal to 总计: each organisation 0; the
    rows printed making （七）总计: the rows left out 0). Marked inferred, with the sum named. Only from a sum whose
    total is known (not the rows a lost page took, total row and all: nothing anchors them), and where every other sum
    the zeros are in still holds or can (a table that does not add up is left as it is). ``subtotals``: the cells of
    the one 法人或其他组织 column a table prints so, if it does."""
    def known(cell: str) -> int | float | None:
        value = out.cells.get(cell) or subtotals.get(cell)
        return value.value if value is not None and value.status != "ambiguous" else None

    def unprinted(cell: str) -> bool:
        value = out.cells.get(cell)
        return value is None or (value.value is None and (
            (value.status == "missing" and value.note in _UNPRINTED_NOTES)
            or (value.status == "blank" and not _prints_no_number(value.raw or ""))))

    if None not in [value.value for value in out.cells.values()] or not any(
            unprinted(cell) for cell in out.cells if cell.startswith(("t3.", "t4."))):
        return  # (nearly every report: its tables print every cell)
    identities = [*forms.identities(template), *(  # 法人或其他组织 printed as one column: the five organisations' sum
        Identity("t3.total_cols", row, tuple(forms.t3_cell(row, c) for c in T3_ORDER[1:-1]), (cell,))
        for cell in subtotals for row in [cell[3:].rsplit(".", 1)[0]])]

    def holds(identity: Identity, zeros: set[str]) -> bool:  # (the unknown cells left can still make the sum)
        def side(cells: tuple[str, ...]) -> tuple[float, bool]:
            values = [0 if c in zeros else known(c) for c in cells]
            return sum(v for v in values if v is not None), None in values
        (parts, parts_open), (whole, whole_open) = side(identity.parts), side(identity.whole)
        return parts == whole or (parts_open and whole > parts) or (whole_open and parts > whole) or (
            parts_open and whole_open)

    changed = True
    while changed:  # (zeros found make other sums whole: a row left out, 0 by its column, is 0 across)
        changed = False
        for identity in identities:
            unknown = [c for c in identity.cells if known(c) is None]
            if not unknown or not all(unprinted(c) for c in unknown):
                continue
            if not (set(unknown) <= set(identity.parts) or set(unknown) < set(identity.whole)):
                continue  # (on one side; of the total's side, one known at least)
            if sum(known(c) for c in identity.parts if c not in unknown) != sum(
                    known(c) for c in identity.whole if c not in unknown):
                continue
            zeros = set(unknown)
            if not all(holds(other, zeros) for other in identities if zeros & set(other.cells)):
                continue
            said = identity_zh(identity) if identity.whole[0] in forms.all_cells() else (
                f"表三“{labels()[identity.parts[0]].row_place_zh}”一行的法人或其他组织印作一列，五类组织之和等于它")
            for cell in unknown:
                out.cells[cell] = CellValue(0, None, "inferred", f"未印出，由勾稽关系推出：{said}，已印出的各数已合成"
                                            "总数，其余各项不能为负，故为 0")
            changed = True


def _declared_zeros(layout: Layout, out: Tables) -> None:
    """Cells a table leaves out as 0, when the report says so: table 3's when it lists only what is not 0
    (and some of it was read), table 4's when none of it is printed and a sentence says that all of it is 0."""
    declared = {}
    columns_only = False  # (only the cells of columns not printed at all: a column no one of its kind applied in)
    if any(value.value is not None for cell, value in out.cells.items() if cell.startswith("t3.")):
        text = layout.region_text("t3")  # (a list read, not a table lost)
        found = _UNLISTED_ZERO.search(text)
        declared["t3"] = _sentence_around(text, found.start()) if found else None
        if found is None and (unprinted := _NO_APPLICANTS.search(text)):
            declared["t3"], columns_only = _sentence_around(text, unprinted.start()), True
    elif all(value.status == "missing" for cell, value in out.cells.items() if cell.startswith("t3.")):
        text = layout.region_text("t3")  # (no table: a sentence that all of it is 0, 表三各项数据（…）均为0)
        found = _T3_ALL_ZERO.search(text)
        declared["t3"] = _sentence_around(text, found.start()) if found else None
    if all(value.status == "missing" for cell, value in out.cells.items() if cell.startswith("t4.")):
        declared["t4"] = _t4_all_zero(layout.region_text("t4"))
    for table in ("t2", "t4"):  # (only the cells that are not 0 listed, 其余单元格数值均为0 under them)
        if table not in declared or declared[table] is None:
            text = layout.region_text(table)
            if (found := _UNLISTED_ZERO.search(text) or (_OTHER_ITEMS_NONE.search(text) if table == "t2" else None)) and any(
                    value.value is not None for cell, value in out.cells.items() if cell.startswith(table + ".")):
                declared[table] = _sentence_around(text, found.start())
    _blanks_said_zero(layout, out)
    _items_said_zero(layout, out)
    printed = {cell.rsplit(".", 1)[0] for cell, value in out.cells.items()
               if cell.startswith("t3.") and cell.endswith((".natural_person", ".total")) and value.value is not None
               } if declared.get("t3") else set()
    for table, words in declared.items():
        filled = 0
        for cell, value in out.cells.items() if words else ():
            # (not an organisation's cell the header merged into 法人或其他组织, in a row printed: its share of that
            # column's count, which 表中未列示的项目数据均为0 does not speak of; a row left out is 0 throughout)
            if cell.startswith(table + ".") and not (value.note == _ONE_COLUMN_NOTE
                                                     and cell.rsplit(".", 1)[0] in printed) and (
                    value.status in ("missing",) + (() if columns_only else ("blank",))
                    or (value.status == "inferred" and value.value == 0 and not columns_only)):
                out.cells[cell] = CellValue(0, None, "none", _DECLARED_ZERO_NOTE.format(_sentence_of(words)))
                filled += 1
        if filled:
            out.warnings = [w for w in out.warnings if w["code"] != "t3.column_not_printed" or table != "t3"]
            out.warn("declared_zeros", f"{table}: {filled} cells the report leaves out are 0 by its own words: "
                     f"“{_sentence_of(words)}”", count=filled)


# A sentence saying an item of table 2 that the table leaves out is 0 (注：本机关无规章制定权，规章本年制发件数、…均为0).
_ITEM_SAID_ZERO = re.compile(r"(?:均为|均是|都是|全部为|均)" + _ZERO)


def _items_said_zero(layout: Layout, out: Tables) -> None:
    """Table 2's items not printed, in a table 2 printed, whose cells a sentence of the table's region names and says
    are 0 (the 规章 row left out by a body without the power to make rules, its note saying so): 0, worded, the note
    quoted. A note saying only that it has no such power (无规章制定权) says nothing of a count: those stay missing."""
    text = layout.region_text("t2")
    if ("0" not in text and "０" not in text and "零" not in text) or not any(
            value.value is not None for cell, value in out.cells.items() if cell.startswith("t2.")):
        return  # (a table 2 not printed at all, its items said 0 in a sentence, stays unprinted: the checks quote it)
    sentences = [s for s in _SENTENCE_END.split(text) if _ITEM_SAID_ZERO.search(s) and not re.search(r"[1-9１-９]", s)]
    for item in forms.FORMS[GOV_2021].t2 + forms.FORMS[GOV_2019].t2:  # (the report's form's: its cells are out's)
        cells = [forms.t2_cell(item.id, m.id) for m in item.measures]
        if not all(c in out.cells and out.cells[c].status == "missing" for c in cells):
            continue
        said = next((s for s in sentences if item.label_zh in s), None)
        if said is not None:
            for cell in cells:
                out.cells[cell] = CellValue(0, None, "none", _DECLARED_ZERO_NOTE.format(_sentence_of(said)))
            out.warn("declared_zeros", f"t2: '{item.label_zh}' is not printed; the report says its cells are 0: "
                     f"“{_sentence_of(said)}”", count=len(cells))


def _blank_is_zero(layout: Layout) -> str | None:
    """The words of the tables' legend saying their blank cells are 0, if they say so: under a table, or above it
    between its section's heading and its first line (填报说明：表格中未填写的视为0。)."""
    regions = sorted(layout.regions.values())
    text = "\n".join("\n".join(layout.lines[max(start - _LEGEND_ABOVE, end_before):end])
                     for (start, end), end_before in zip(regions, [0] + [end for _, end in regions]))
    found = _BLANK_IS_ZERO.search(text)
    if found is None:  # (elsewhere, a sentence naming the tables: 本报告表二、表三、表四中空白单元格均表示数量为0)
        text = "\n".join(layout.lines)
        found = next((m for m in _BLANK_IS_ZERO.finditer(text)
                      if _TABLES_NAMED.search(_sentence_around(text, m.start()))), None)
    return None if found is None else _sentence_of(_sentence_around(text, found.start()).rstrip(",，\t "))


_TABLES_NAMED = re.compile(r"表[一二三四1-4]|表格|表中|表内|各表|本表")


def _blanks_said_zero(layout: Layout, out: Tables) -> None:
    """The tables' blank cells as 0 where a legend says blank means 0 (注：表中空白单元格表示0: a statistics export that
    prints only what is not 0); a blank the sums filled keeps its reading, which the legend then confirms or not."""
    if (words := _blank_is_zero(layout)) is None:
        return
    filled = 0
    for cell, value in out.cells.items():
        if value.status == "blank" and not _prints_no_number(value.raw or ""):
            out.cells[cell] = CellValue(0, value.raw, "none", _BLANK_ZERO_NOTE.format(words))
            filled += 1
    t4 = [cell for cell in out.cells if cell.startswith("t4.")]
    if all(out.cells[cell].status == "missing" for cell in t4) and _t4_header_whole(layout):
        for cell in t4:  # (its row of fifteen blank cells, which leaves no line in the text read)
            out.cells[cell] = CellValue(0, None, "none", _BLANK_ZERO_NOTE.format(words))
        filled += len(t4)
    if filled:
        out.warn("blank_zeros", f"{filled} blank cells are 0, as the report's legend says: “{words}”", count=filled)


def _t4_header_whole(layout: Layout) -> bool:
    """Whether table 4's region prints its header naming all fifteen cells and not a value under it: the table
    printed with its one row blank (a statistics export leaving zeros blank), not a table lost."""
    if "t4" not in layout.regions or any(row.has_values for row in layout.rows("t4")):
        return False
    start, end = layout.regions["t4"]
    named = t4_columns(layout.lines[start:end])
    return named is not None and len(set(named)) == len(_T4_FORM_IDS)


def _sentence_around(text: str, at: int) -> str:
    """The sentence of ``text`` that ``at`` is in."""
    start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, at)), default=0)
    end = next((m.start() for m in _SENTENCE_END.finditer(text, at)), len(text))
    return text[start:end]


def _sentence_of(words: str) -> str:
    """The report's words a declared zero quotes, whole up to ``_NOTE_MAX`` characters."""
    words = words.strip().strip("（）()")
    return words if len(words) <= _NOTE_MAX else words[:_NOTE_MAX] + "…"


def _without_spacer_cells(rows: list[ValueRow], size: int) -> list[ValueRow] | None:
    """Rows whose values alternate with empty cells (23 ␣ 2 ␣ 0 ␣ … ␣ 26: a layout's blank spacer
    columns) read without them, when most rows are printed so and then make the form's width, or when
    every other row prints no wider than the form (a text whose rows are parted by one tab here, two there:
    the doubled separators' empty cells). None for any other table."""
    widths = [len(fit(row.cells, 0)) for row in rows]
    spaced = [width == 2 * size - 1 and _two_column_cells(cells) != cells
              for width, cells in zip(widths, (fit(row.cells, 0) for row in rows))]
    if not rows or not any(spaced) or (sum(spaced) * 2 <= len(rows) and any(
            width > size for width, alternate in zip(widths, spaced) if not alternate)):
        return None
    return [replace(row, cells=_two_column_cells(fit(row.cells, 0))) if alternate else row
            for row, alternate in zip(rows, spaced)]


def _latest_year_columns(layout: Layout, rows: list[ValueRow]) -> list[ValueRow] | None:
    """Table 3's rows with only the latest year's values, when its header prints a year over every
    column (2022年 | 2023年 under each applicant type: the year before beside the report's own, which
    is the latest) and the rows print a value under each; None for any other table."""
    first = next((row for row in rows if row.has_values), None)
    if first is None or "t3" not in layout.regions:
        return None
    for line in layout.lines[layout.regions["t3"][0]:first.line]:
        cells = [c for c in line_cells(line) if c.strip()]
        if len(cells) == 1 and cells[0].count(",") >= 2 * len(T3_ORDER) - 1:
            cells = [c for c in cells[0].split(",") if c.strip()]  # (a CSV file's header line: ,本年,上年,…)
        while cells and column_year(cells[0]) is None:
            cells = cells[1:]  # (the caption or the corner cell before the years: （本列数据的勾稽关系为……） 2023年 …)
        years = [column_year(c) for c in cells]
        if len(cells) < 2 * len(T3_ORDER) or None in years:
            continue
        latest = [k for k, year in enumerate(years) if year == max(years)]
        if len(latest) != len(T3_ORDER) or len(set(years)) < 2:
            return None
        # (a row's label cell spanning more grid columns leaves empty cells before its values)
        values = [row.cells[len(row.cells) - len(years):] if len(row.cells) >= len(years)
                  and not any(row.cells[:len(row.cells) - len(years)]) else None for row in rows]
        if not any(values):
            return None
        return [replace(row, cells=[printed[k] for k in latest]) if printed else row
                for row, printed in zip(rows, values)]
    return None


def _read_by_column(rows: list[ValueRow], form_rows: tuple[Row, ...], lines: list[str]) -> list[ValueRow] | None:
    """A table 3 printed column by column (OCR of a table, or a table turned: each applicant type a
    row, named so, with one value for each of the form's rows, in the form's order or another, 总计
    first): its rows put together across the columns. An applicant type whose row prints its name alone
    (科研机构 and empty cells, ``lines``: the table's) is a column left blank. None for any other table."""
    columns, size = forms.T3_COLUMNS, len(form_rows)
    # Pieces of a header broken over many lines (一、本 二、上 4. 属 … 5. 6.) stand above such a table's rows: few values.
    rows = [row for row in rows if len(row.cells) * 2 > size]
    # A label two grid columns wide (自然人 over the 法人或其他组织 rows' two label cells) leaves one blank before.
    printed = [row.cells[len(row.cells) - size:] if len(row.cells) > size and not any(row.cells[:len(row.cells) - size])
               else row.cells for row in rows]
    if not 0 < len(rows) <= len(columns) or any(len(cells) != size for cells in printed):
        return None
    named = [next((column.id for column in columns if _names_column(row.core, column.label_zh)), None) for row in rows]
    if len(rows) == len(columns):
        # A narrow header cell's label wrapped (商业企 / 业): its last line, the end of the column's name in its place.
        named = [name or (column.id if row.core and column.label_zh.endswith(row.core) else None)
                 for name, row, column in zip(named, rows, columns)]
    blank = {column.id for column in columns if column.id not in named
             and any(label_core(line) == column.label_zh and not _DIGITS.search(line) for line in lines)}
    if None in named or sorted([*named, *blank]) != sorted(column.id for column in columns):
        return None
    by_column = {**dict(zip(named, printed)), **dict.fromkeys(blank, [""] * size)}
    return [ValueRow(row.label_zh, [by_column[column.id][r] for column in columns], True, rows[0].line)
            for r, row in enumerate(form_rows)]


def _names_column(core: str, label: str) -> bool:
    """Whether a label names this column (其他 and 总计 only as the label's end: 法人或其他组织 is none)."""
    return core.endswith(label) if len(label) <= _SHORT_NAME else label in core


def _other_from_sub_rows(out: Tables) -> None:
    """A 2019-form report whose table 3 prints （六）其他处理 as the 2021 form's three sub-rows:
    the 2019 form's single row is their sum (inferred), where all three are known."""
    out.t3_layout = GOV_2021
    sums = []
    for col in forms.T3_COLUMNS:
        parts = [out.cells.pop(forms.t3_cell(r.id, col.id)).value for r in forms.T3_OTHER_2021]
        total = None if any(p is None for p in parts) else sum(parts)
        sums.append(total)
        printed_as = "表三按 2021 年版印出（六）其他处理的三个分项"
        out.cells[forms.t3_cell("other", col.id)] = (
            CellValue(total, None, "inferred", f"{printed_as}，本格为三项之和") if total is not None
            else CellValue(None, None, "missing", f"{printed_as}，其中有未知的"))
    out.warn("t3.other_sub_rows", "table 3 prints (六)其他处理 as the 2021 form's three sub-rows; the 2019 form's "
             "single row is their sum: " + " ".join("—" if v is None else str(v) for v in sums), values=sums)


def _group_total_row(out: Tables, group: str, members: list[Row], form: forms.Form) -> None:
    """A group printed as one row with its total (（三）不予公开 and numbers, or a 2021-form report
    printing （六）其他处理 as one row, as the 2019 form did).

    The sub-rows are not printed: missing, except where the total is 0 (counts cannot be
    negative), which is recorded as inferred."""
    single = {c.id: out.cells.pop(forms.t3_cell(group, c.id)) for c in forms.T3_COLUMNS}
    printed = [single[c.id].value for c in forms.T3_COLUMNS]
    shown = " ".join("—" if v is None else str(v) for v in printed)
    heading = members[0].group_zh
    if group == "other" and form.id == GOV_2021:
        out.t3_layout = GOV_2019
        out.warn("t3.single_other_row", "table 3 prints (六)其他处理 as a single row (the 2019 layout): "
                 + shown + "; the three 2021 sub-rows are not printed", values=printed)
    else:
        out.warn("t3.group_total_row", f"table 3 prints {heading} as one row with the group's total: {shown}; "
                 "its sub-rows are not printed", group=group, values=printed)
    for row in members:
        for col in forms.T3_COLUMNS:
            cell = forms.t3_cell(row.id, col.id)
            if single[col.id].value == 0:
                out.cells[cell] = CellValue(0, None, "inferred",
                                            f"未印出；{heading}合为一行且为 0，分项不能为负，故为 0")
            else:
                out.cells[cell] = CellValue(None, None, "missing", f"未印出；{heading}只印出合计一行")


def read_t4(layout: Layout, out: Tables) -> None:
    size = len(forms.T4_GROUPS) * len(forms.T4_COLUMNS)
    ids = tuple(forms.t4_cell(g.id, c.id) for g in forms.T4_GROUPS for c in forms.T4_COLUMNS)
    copy = _own_scope_rows(layout, "t4", _this_year_copy(layout, "t4", out), out)  # (not last year's, nor the region's)
    rows = [r for r in _join_cell_lines(copy, layout.lines, size, len(forms.T4_COLUMNS))
            if r.has_values and not _numbers_the_columns(r)]
    rows = _own_scope_columns(layout, "t4", _years_as_labels(rows, size), out)
    if (spaced := _without_spacer_cells(rows, size)) is not None:
        rows = spaced
        out.warn("t4.spacer_columns", "table 4's row prints an empty cell between every two values (each value's cell "
                 "spanning two columns of its grid); the values are read without them")
    elif (unrated := _without_rate_cells(rows, ids)) is not None:
        rows = unrated
        out.warn("t4.rate_columns", "table 4 prints a rate beside its counts (纠错率, 占比: a percentage after a group's "
                 "total), columns the form does not have; its fifteen counts are read without them")
    elif (unspanned := _without_empty_columns(rows, ids)) is not None:
        rows = unspanned
        out.warn("t4.empty_columns", "table 4's row prints empty cells beside its fifteen values (columns of its grid "
                 "hidden or left empty); read without them, as every group's total is then the sum of its parts")
    if (latest := _latest_year_row(rows)) is not None:
        out.warn("t4.year_rows", f"table 4 prints a row for each of several years; the latest ({latest.label}) "
                 "is read as the report's")
        rows = [latest]
    elif (latest_groups := _latest_year_groups(rows)) is not None:
        out.warn("t4.year_rows", "table 4 prints each group's row for each of several years; the latest year's rows "
                 "are read as the report's")
        rows = latest_groups
    for code, message, reshaped in _RESHAPED_T4:
        if (row := reshaped(layout, rows, ids)) is not None:
            out.warn(code, message)
            read_table([_Slot(ids, row)], forms.t4_identities(), out, "t4")
            return
    named = t4_columns(_header_lines(layout, "t4", rows)) or _t4_groups_by_label(layout, rows)
    if named is not None and len(named) < size:
        if (part := _printed_part(rows, named)) is None:
            named = None  # the rows print more than the groups named (a header read in part: each group's block
            # under its own header, 行政复议 over the first)
        else:
            rows, size = [part], len(named)
            printed = sorted({g for g, _ in named}, key=[g.id for g in forms.T4_GROUPS].index)
            if len(printed) == len(forms.T4_GROUPS):
                out.warn("t4.columns_printed", "table 4 prints only " + ", ".join(sorted({c for _, c in named}))
                         + " under each group: " + str(len(named)) + " of its cells, the others not printed")
            else:
                out.warn("t4.part_printed", "table 4 prints only " + ", ".join(printed) + " (the report leaves out the "
                         "groups it has nothing for, or its page cut the table at its edge): " + str(len(named))
                         + " of its cells, the others not printed")
    if (named is None or named == _T4_FORM_ORDER) and _t4_total_printed_first(rows):
        named = tuple((g.id, c) for g in forms.T4_GROUPS for c in ("total", *(c.id for c in forms.T4_COLUMNS[:-1])))
    if named is None and (by_rows := _t4_rows_of_five(layout, rows)) is not None:
        named = by_rows  # three rows of five, the results in the header's order: one row of fifteen
        rows = [ValueRow("", [c for r in rows[:len(forms.T4_GROUPS)] for c in fit(r.cells, len(forms.T4_COLUMNS))],
                         True, rows[0].line)]
    if named is not None and forms.T4_LITIGATION_SUBTOTAL in {g for g, _ in named}:
        size = len(named)
        out.warn("t4.subtotal_group", "table 4 prints a group the form does not have, 行政诉讼's subtotal (行政诉讼小计) "
                 "beside its two groups; it is left out, the others read by their header names")
    if named is not None and ids != (named_ids := tuple(forms.t4_cell(g, c) for g, c in named)):
        ids = named_ids
        kept = tuple(cell for cell in named if cell[0] != forms.T4_LITIGATION_SUBTOTAL)
        if kept != tuple(cell for cell in _T4_FORM_ORDER if cell in set(kept)):
            out.warn("t4.column_order", "table 4's header prints the groups or columns in another order: "
                     + ", ".join(f"{g}.{c}" for g, c in named) + "; they are read by their header names")
    wrapped = _wrapped_t4_row(rows, ids, size)
    if wrapped is not None:
        row, lines = wrapped
        out.warn("t4.wrapped_row", f"table 4's numbers are printed over {lines} lines (its row wrapped, or the table "
                 "cut in parts: 行政复议's and 行政诉讼's); they are read as one row, as every group's total is then the "
                 "sum of its parts", lines=lines)
    elif ids == _T4_FORM_IDS and (banded := _t4_bands(layout, rows)) is not None:
        row = banded
        out.warn("t4.bands", "table 4 is printed in two bands, 行政复议's five cells under its header, then 行政诉讼's ten "
                 "under theirs (未经复议直接起诉, 复议后起诉); they are read as one row, each band by its header")
    else:
        row = _t4_printed_row(rows, size)
    numbered = _after_its_number(layout, rows, row, size) if row is not None else None
    if numbered is not None:
        row = numbered
    if row is not None and size == len(_T4_FORM_ORDER) and (spread := _t4_groups_said_none(row.cells)) is not None:
        row = replace(row, cells=spread)
        out.warn("t4.merged_none", "table 4 prints a group (or 行政诉讼's two, or the whole table) as one cell saying "
                 "none (无, 本年度未发生…: a cell merged across them): each of their cells is read as 0, the other "
                 "groups' as printed, every group's total the sum of its parts")
    # (a row placed by its grid's columns has no blank end to take for padding)
    read_table([_Slot(ids, row, grid=row.cells if numbered is not None else None)], forms.t4_identities(), out, "t4")


_NUMBER_COLUMN = frozenset({"序号", "编号", "序"})


def _after_its_number(layout: Layout, rows: list[ValueRow], row: ValueRow, size: int) -> ValueRow | None:
    """Table 4's row in a grid whose first column is a 序号 (| 1 | ∅ | … | 0 | ∅ |): its values the cells after the
    number's, where the row prints one cell more than the form, its first empty or a row number. Without it the
    number's cell and a blank last value left two windows, and a row leaving zeros blank stayed unread."""
    if not row.delimited or len(row.cells) != size + 1 or not (
            not row.cells[0].strip() or (row.cells[0].strip().isdigit() and len(row.cells[0].strip()) <= 2)):
        return None
    # the header's line of results names them in the last cells, its first the number column's (empty, or 序号)
    if not any(len(cells := line.split("\t")) == size + 1 and (not cells[0].strip() or cells[0].strip() in _NUMBER_COLUMN)
               and cells[1].strip() and "结果维持" in line for line in _header_lines(layout, "t4", rows)):
        return None
    return replace(row, cells=row.cells[1:])


def _printed_part(rows: list[ValueRow], named: tuple[tuple[str, str], ...]) -> ValueRow | None:
    """The one row of a table 4 printed in part, its groups' values in order, when its rows (one, or one a group)
    print exactly as many values as the cells named; else None."""
    trimmed = [_without_edge_blanks(r.cells) for r in rows]
    if sum(map(len, trimmed)) != len(named) or max(map(len, trimmed)) not in (len(named), len(forms.T4_COLUMNS)):
        return None
    return ValueRow(rows[0].label, [c for cells in trimmed for c in cells], True, rows[0].line)


def _without_edge_blanks(cells: list[str]) -> list[str]:
    """A row's cells without the empty ones before its first value and after its last (a label cell left
    empty, a grid's padding)."""
    filled = [k for k, c in enumerate(cells) if c.strip()]
    return cells[filled[0]:filled[-1] + 1] if filled else []


def _t4_groups_by_label(layout: Layout, rows: list[ValueRow]) -> tuple[tuple[str, str], ...] | None:
    """Table 4 printed as a row of five for one or two groups, each labelled by its group's name (类别 |
    结果维持 | … over 行政复议 | 3 | 0 | …), the results in the header's order; None otherwise."""
    size = len(forms.T4_COLUMNS)
    groups = [t4_group_named(r.label) for r in rows]
    if not 0 < len(rows) < len(forms.T4_GROUPS) or None in groups or len(set(groups)) != len(groups) or any(
            len(r.cells) != size for r in rows):
        return None
    order = next((o for line in reversed(_header_lines(layout, "t4", rows))
                  if len(o := t4_results_in(line)) == size and len(set(o)) == size), None)
    return tuple((g, c) for g in groups for c in order) if order else None


def _without_empty_columns(rows: list[ValueRow], ids: tuple[str, ...]) -> list[ValueRow] | None:
    """Table 4's rows of a grid printing empty cells beside exactly its fifteen values (a Word table's hidden narrow
    columns between the groups), read without them where each group's total is then the sum of its parts; None
    when no row is such (a table leaving its zeros blank prints its fifteen cells, no more)."""
    local = _local(forms.t4_identities(), ids)
    out, changed = [], False
    for row in rows:
        values = [c for c in row.cells if c.strip()]
        if row.delimited and len(row.cells) > len(ids) == len(values) and _holds(values, local):
            row, changed = replace(row, cells=values), True
        out.append(row)
    return out if changed else None


_RATE = re.compile(r"-?\d+(?:\.\d+)?\s*%")


def _without_rate_cells(rows: list[ValueRow], ids: tuple[str, ...]) -> list[ValueRow] | None:
    """Table 4's rows printing a percentage beside its fifteen counts (a group's 纠错率 after its 总计), read without
    the percentages, which are no count; None when no row prints exactly fifteen values besides them."""
    out, changed = [], False
    for row in rows:
        if not any("%" in c for c in row.cells):  # (nearly every row: one look)
            out.append(row)
            continue
        rates = [c for c in row.cells if _RATE.fullmatch(c.strip())]
        values = [c for c in row.cells if c.strip() and not _RATE.fullmatch(c.strip())]
        if rates and len(values) == len(ids):
            row, changed = replace(row, cells=values), True
        out.append(row)
    return out if changed else None


_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_T4_FORM_ORDER = tuple((g.id, c.id) for g in forms.T4_GROUPS for c in forms.T4_COLUMNS)


def _t4_total_printed_first(rows: list[ValueRow]) -> bool:
    """Whether table 4's row of fifteen prints each group's 总计 first (a local form's order, under a header a PDF's
    text breaks beyond reading, or reads in the form's order: 总 / 计, 结果维 / 持 on two lines): every group's first
    value the sum of the others, and two groups' or more not their last (a misprinted row of 1 0 0 0 1 | 0 … |
    1 0 0 1 0, its last group failing, says nothing of the order)."""
    width = len(forms.T4_COLUMNS)
    for row in rows:
        cells = [c.strip().replace(",", "") for c in row.cells]
        if len(cells) != len(forms.T4_GROUPS) * width or not all(
                _DIGITS.fullmatch(c) and len(c) <= MAX_NUMBER_DIGITS for c in cells):
            continue
        groups = [list(map(int, cells[k:k + width])) for k in range(0, len(cells), width)]
        if all(g[0] == sum(g[1:]) for g in groups) and sum(g[-1] != sum(g[:-1]) for g in groups) >= _TOTAL_FIRST_ROWS:
            return True
    return False


_LISTED_T4_MIN = 8  # rows a table 4 printed as a list names, at least: more than any group's five
_LISTED_T4_SAID_MIN = 2  # of one saying that the rest is 0 (a result and its group's total)


def _listed_t4_row(rows: list[ValueRow], ids: tuple[str, ...], layout: Layout | None = None) -> ValueRow | None:
    """Table 4 printed as a list, a row per cell whose label names its group and result, a value each:
    the form's row of fifteen, the cells the list leaves out blank; a row naming no group or result is no
    part of the list. None for any other table 4, or when a row names no one cell (行政诉讼-结果维持: which of
    the two groups?) or names one twice. A row printing its cell empty (行政复议-结果维持 ⇥, a card's blank) is
    the list's too (``layout``'s rows): left out, the list was too short to be one, and no cell was read."""
    blank = [r for r in layout.rows("t4") if r.delimited and not r.has_values and names_t4_part(r.label) and (
        len(r.cells) == 1 or (not any(c.strip() for c in r.cells) and t4_cell_named(r.label, None)))
             ] if layout is not None else []
    # (行政复议 ⇥ 结果维持 ⇥ ⇥ 5: a sheet's row, the label's columns apart from its value by empty ones)
    rows = sorted([_last_value_only(row) for row in rows if names_t4_part(row.label)]
                  + [replace(r, cells=[""]) for r in blank], key=lambda r: r.line)
    if sum(r.delimited for r in rows) >= _LISTED_T4_MIN:  # a list's cells each after a tab: a line of words with a
        rows = [r for r in rows if r.delimited]  # digit in it (its caption's 编码规则：T4-行号-列号) is none of them
    # (fewer when the report says the cells it leaves out are 0: 行政复议-结果维持 1, 行政复议-总计 1, 其余各项均为0)
    least = _LISTED_T4_SAID_MIN if layout is not None and (_UNLISTED_ZERO.search(layout.region_text("t4"))
                                                           or _blank_is_zero(layout)) else _LISTED_T4_MIN
    if len(rows) < least or any(len(r.cells) != 1 for r in rows):
        return None
    values: dict[str, str] = {}
    group = None  # a row naming a result only is of the group above it (its merged cell names it once)
    for row in rows:
        named = t4_cell_named(row.label, group)
        if named is None or (cell := forms.t4_cell(*named)) in values:
            return None
        values[cell] = row.cells[0]
        group = named[0]
    # (labelled: an empty first cell of a row with no label is its label's padding, and the row a value short)
    return ValueRow(rows[0].label, [values.get(cell, "") for cell in ids], True, rows[0].line)


def _last_value_only(row: ValueRow) -> ValueRow:
    """A row printing one value after empty cells as a row of that one cell; any other as it is."""
    if len(row.cells) > 1 and not any(c.strip() for c in row.cells[:-1]):
        return replace(row, cells=row.cells[-1:])
    return row


# Table 4 printed in another shape than the form's row: what shows it, the warning, and the reader that
# puts its values back in the form's row of fifteen (None when the table is not so printed).
_RESHAPED_T4: tuple[tuple[str, str, Callable[[Layout, list[ValueRow], tuple[str, ...]], ValueRow | None]], ...] = (
    ("t4.turned", "table 4 is printed turned, a row per result (结果维持 … 总计) and a column per group; each value "
                  "is read by its row's and its column's names", lambda layout, rows, ids: _turned_t4_row(layout, rows)),
    ("t4.turned", "table 4 is printed turned in parts, a row per result in each (行政复议 | 结果维持 … 总计, then 未经复议"
                  "直接起诉 | 复议后起诉 and the same rows); each value is read by its row's name and its part's column",
     lambda layout, rows, ids: _turned_t4_parts(layout, rows)),
    ("t4.listed", "table 4 is printed as a list, a row per cell naming its group and result (行政复议-结果维持 | 1); "
                  "each value is read by its row's name", lambda layout, rows, ids: _listed_t4_row(rows, ids, layout)),
    ("t4.group_rows", "table 4 is printed a row per group (行政复议, 未经复议直接起诉, 复议后起诉), its five results in the "
                  "columns its header names, as statistics forms lay it out; each value is read by its row's and its "
                  "column's names", lambda layout, rows, ids: _t4_rows_by_group(layout, rows)),
    ("t4.listed", "table 4 is printed a value a line, each after its group's and result's names wrapped over the "
                  "lines above it (结果维 / 持 / 3: PDF text of narrow cells); each value is read by those names",
     lambda layout, rows, ids: _listed_t4_row(_labelled_by_lines_above(layout, rows), ids)),
    ("t4.listed", "table 4 is printed as a list of results and values, the five results once per group, the groups "
                  "named only in the header above; each block is read as the group the header names in its place",
     lambda layout, rows, ids: _results_by_group_blocks(layout, rows, ids)),
    ("t4.extra_results", "table 4's header prints results or groups the form does not have beside its own (其中：撤诉, "
                         "驳回, 确认违法, 终止; 行政赔偿): they are left out, the form's five results of its three groups "
                         "read by the header's names", lambda layout, rows, ids: _without_extra_results(
                             layout, rows)),
)

# A table-4 header cell naming one of the form's five results, whole (not 其中：撤诉, 确认违法), or one of its groups
# (or 行政诉讼 over two of them).
_T4_RESULT_CELL = {word: column for word, column in forms.T4_HEADER_WORDS if column in {c.id for c in forms.T4_COLUMNS}}
_T4_GROUP_CELL = {word for word, column in forms.T4_HEADER_WORDS  # (行政诉讼小计: read by its name, t4.subtotal_group)
                  if column in {*(g.id for g in forms.T4_GROUPS), forms.T4_LITIGATION, forms.T4_LITIGATION_SUBTOTAL}}


def _without_extra_results(layout: Layout, rows: list[ValueRow]) -> ValueRow | None:
    """Table 4's one row of values without the columns its header names that are none of the form's: results
    beside its five (其中：撤诉, 确认违法) and groups beside its three (行政赔偿, a 合计 over both litigation groups: over
    all their columns), when what is left is the form's five results in its order once for each group (a grid: its
    header lines and its row as wide); else None."""
    if len(rows) != 1 or len(rows[0].cells) <= len(forms.T4_GROUPS) * len(forms.T4_COLUMNS):
        return None
    cells = rows[0].cells
    heads = [[re.sub(r"\s+", "", head) for head in _as_wide(line.split("\t"), len(cells))]
             for line in _header_lines(layout, "t4", rows) if "\t" in line]
    # each column's result: the lowest header line's that names one there (行政复议's on the groups' line, if so)
    names = [next((line[k] for line in reversed(heads) if line[k] in _T4_RESULT_CELL), None) for k in range(len(cells))]
    if "总计" in names and "合计" in names:  # (维持 | 纠正 | 其他 | 合计 | 尚未审结 | 总计: 合计 the concluded, not the form's)
        names = [None if name == "合计" else name for name in names]
    dropped = {k for k in range(len(cells)) if names[k] is None and any(line[k] for line in heads)}
    for line in heads:
        if any(head in _T4_GROUP_CELL for head in line):  # (a group line: what it names beside the groups is extra)
            results_here = sum(1 for head in line if head in _T4_RESULT_CELL) >= len(forms.T4_COLUMNS)
            named = [k for k, head in enumerate(line) if head]
            for start, end in zip(named, [*named[1:], len(line)]):
                if line[start] not in _T4_GROUP_CELL and not (results_here and line[start] in _T4_RESULT_CELL):
                    dropped.update(range(start, end))
    kept = [k for k in range(len(cells)) if k not in dropped]
    if [_T4_RESULT_CELL.get(names[k] or "") for k in kept] != [c.id for c in forms.T4_COLUMNS] * len(forms.T4_GROUPS):
        return None
    return replace(rows[0], cells=[cells[k] for k in kept])


def _as_wide(heads: list[str], width: int) -> list[str]:
    """A grid's header line as wide as its rows of values: its last ``width`` cells (a label's columns before them), or
    its cells and empty ones after (a spreadsheet's line, its empty end cut)."""
    return heads[-width:] if len(heads) >= width else heads + [""] * (width - len(heads))


def _t4_rows_by_group(layout: Layout, rows: list[ValueRow]) -> ValueRow | None:
    """Table 4 printed a row per group, five values each, under a header naming the five results (结果维持 … 总计):
    the form's row of fifteen. None for any other table 4: a group named twice or not at all, its row of other than
    five values, a header not naming each result once."""
    size = len(forms.T4_COLUMNS)
    grouped = [row for row in rows if t4_group_named(row.label)]
    positions = _result_positions(_header_lines(layout, "t4", grouped), len(grouped[0].cells)) if grouped else None
    reordered = positions is not None and all(len(row.cells) == len(positions) for row in grouped)
    if reordered:  # (a grid whose header prints results the form does not have: 其中：撤诉, 其他结果's 撤诉 | 驳回 by 小计)
        order = [positions.index(c.id) for c in forms.T4_COLUMNS]
        grouped = [replace(row, cells=[row.cells[k] for k in order]) for row in grouped]
    # (not the heading's line with a form's number, 四、…行政复议、行政诉讼情况 表号…4表)
    printed = [row for row in grouped if len(fit(row.cells, size)) == size]
    groups = [t4_group_named(row.label) for row in printed]
    if len(printed) != len(forms.T4_GROUPS) or sorted(filter(None, groups)) != sorted(g.id for g in forms.T4_GROUPS):
        return None
    values = [fit(row.cells, size) for row in printed]
    header = " ".join(_header_lines(layout, "t4", printed))
    results = [c.id for c in forms.T4_COLUMNS] if reordered else t4_results_in(header)
    if sorted(results) != sorted(c.id for c in forms.T4_COLUMNS) and not reordered:
        # (the header printed under the rows: a table's rows come out bottom to top, its header last)
        end = layout.regions["t4"][1] if "t4" in layout.regions else printed[-1].line + 1
        results = t4_results_in(" ".join(layout.lines[max(r.line for r in printed) + 1:end]))
    if sorted(results) != sorted(c.id for c in forms.T4_COLUMNS):
        return None
    by_group = {group: dict(zip(results, v)) for group, v in zip(groups, values)}
    return ValueRow("", [by_group[g.id][c.id] for g in forms.T4_GROUPS for c in forms.T4_COLUMNS], True,
                    printed[0].line)


def _result_positions(lines: list[str], width: int) -> list[str | None] | None:
    """The form's result (结果维持 … 总计) each of a grid's ``width`` value columns stands under, None for a column
    of another (其中：撤诉, 确认违法, or a breakdown under 其他结果 beside its 小计, which is the form's cell); None
    unless the header line naming the results is as wide as the row, names each of them once and names others."""
    grid = [[re.sub(r"\s+", "", head) for head in line.split("\t")[-width:]] for line in lines
            if line.count("\t") >= width - 1]
    top = next((k for k in range(len(grid) - 1, -1, -1) if any(head in _T4_RESULT_CELL for head in grid[k])), None)
    if top is None:
        return None
    named = [_T4_RESULT_CELL.get(head) for head in grid[top]]
    below = grid[top + 1] if top + 1 < len(grid) else [""] * width
    for k, name in enumerate(list(named)):
        span = k + 1
        while span < width and not grid[top][span]:
            span += 1
        subtotal = next((j for j in range(k, span) if below[j] in ("小计", "合计")), None)
        if name and span > k + 1 and subtotal is not None:  # (其他结果 over 小计 | 撤诉 | 驳回申请: its 小计)
            named[k], named[subtotal] = None, name
    if sorted(filter(None, named)) != sorted(c.id for c in forms.T4_COLUMNS) or None not in named:
        return None
    return named


def _labelled_by_lines_above(layout: Layout, rows: list[ValueRow]) -> list[ValueRow]:
    """Table 4's unlabelled rows of one value each, labelled with the lines between the value before and it (行政复议 /
    结果维 / 持 before 3: a group's name and a result's, wrapped in narrow cells); no rows for any other table 4."""
    if not rows or "t4" not in layout.regions or any(r.label or len(r.cells) != 1 for r in rows):
        return []
    start = layout.regions["t4"][0] + 1  # (after the section's heading, which names both kinds)
    labelled = []
    for row in rows:
        labelled.append(replace(row, label="".join("".join(line.split()) for line in layout.lines[start:row.line])))
        start = row.line + 1
    return labelled


def _results_by_group_blocks(layout: Layout, rows: list[ValueRow], ids: tuple[str, ...]) -> ValueRow | None:
    """Table 4 as result names and values a line each, the five results once per group, the groups named only in
    a header above (行政复议 / 行政诉讼 / 未经复议直接起诉 / 复议后起诉, then 结果维持 7 结果纠正 2 … 总计 13 three
    times: a web grid laid out column by column): each block of five is the group the header names in its place.
    None for any other table 4, or when a block does not name each result once."""
    size = len(forms.T4_COLUMNS)
    named = [(t4_result(row.label or row.before), row) for row in rows]
    if len(named) != len(forms.T4_GROUPS) * size or any(
            result is None or len(row.cells) != 1 for result, row in named):
        return None
    groups = t4_turned_groups(layout.lines[layout.regions["t4"][0]:rows[0].line])
    if groups is None or any(len({result for result, _ in named[k:k + size]}) != size
                             for k in range(0, len(named), size)):
        return None
    values = {forms.t4_cell(groups[k // size], result): row.cells[0] for k, (result, row) in enumerate(named)}
    return ValueRow("", [values[cell] for cell in ids], True, rows[0].line)


def _numbers_the_columns(row: ValueRow) -> bool:
    """A header row numbering the columns (栏次: 1 2 … 15 under table 4's header, as statistics templates
    print it): five values or more, each one more than the one before. No row of table 3 or 4 is so: its
    total would be less than the sum of its parts. Or a spreadsheet's column letters printed with it (K L M N O: the O
    a zero's lookalike), each the letter after the one before."""
    last = row.cells[-1].strip() if row.cells else ""
    if last.isascii() and last.isupper() and (letters := "".join((row.label + "".join(row.cells)).split())) \
            and len(letters) >= 3 and letters.isascii() and letters == _LETTERS[
            (first := ord(letters[0]) - ord("A")):first + len(letters)]:
        return True  # (one look at its last cell, a figure in nearly every row)
    previous, count = -1, 0
    for cell in row.cells:  # most rows part at their second value
        if not (value := cell.strip()):
            continue
        if not value.isdecimal() or len(value) > MAX_NUMBER_DIGITS or (count and int(value) != previous + 1):
            return False
        previous, count = int(value), count + 1
    return count >= 5


def _t4_rows_of_five(layout: Layout, rows: list[ValueRow]) -> list[tuple[str, str]] | None:
    """Table 4 printed as three rows of five, a group each, under a header naming the five results
    once (类别 | 总计 | 结果维持 | …): the groups in the order the rows' labels name them (行政诉讼（复议后起诉）
    first), else the form's, each with the results in the header's order. None when the rows are not three of
    five, or the header names no such order."""
    size = len(forms.T4_COLUMNS)
    if len(rows) < len(forms.T4_GROUPS) or any(len(fit(r.cells, size)) != size for r in rows[:len(forms.T4_GROUPS)]):
        return None
    named = [t4_group_named(r.label.rsplit(" ", 1)[-1]) for r in rows[:len(forms.T4_GROUPS)]]  # (its line's label)
    groups = named if None not in named and len(set(named)) == len(named) else [g.id for g in forms.T4_GROUPS]
    for line in reversed(_header_lines(layout, "t4", rows)):
        order = t4_results_in(line)
        if len(order) == size and len(set(order)) == size:
            return [(g, c) for g in groups for c in order]
    return None


_PART_OF_ROW = re.compile(r"\s*其中")


def _turned_t4_row(layout: Layout, rows: list[ValueRow]) -> ValueRow | None:
    """Table 4 printed turned: its first rows labelled by the five results (结果维持 … 总计), each
    printing a value per group. The form's row of fifteen, each value taken from its result's row
    and its group's column; None for any other table 4, or when the header does not settle the
    groups' order (the sums cannot: each group sums on its own). A row of a part of a result (其中：撤诉, under 其他结果)
    is no row of the form, and left out."""
    size = len(forms.T4_GROUPS)
    by_result: dict[str, list[str]] = {}
    rows = [row for row in rows if not _PART_OF_ROW.match(row.label)]
    for row in rows[:len(forms.T4_COLUMNS)]:
        result, cells = t4_result(row.label), fit(row.cells, size)
        if result is None or result in by_result or len(cells) != size:
            return None
        by_result[result] = cells
    if len(by_result) != len(forms.T4_COLUMNS):
        return None
    groups = t4_turned_groups(layout.lines[layout.regions["t4"][0]:rows[0].line + 1])
    if groups is None:
        return None
    cells = [by_result[c.id][groups.index(g.id)] for g in forms.T4_GROUPS for c in forms.T4_COLUMNS]
    return ValueRow("", cells, True, rows[0].line)


def _turned_t4_parts(layout: Layout, rows: list[ValueRow]) -> ValueRow | None:
    """Table 4 printed turned in parts (two tables: 行政复议 alone, then the two litigation groups), each part five rows
    labelled by the results, a value per group its header names above it: the form's row of fifteen. None unless
    every row belongs to such a part and the parts name each group once."""
    results = len(forms.T4_COLUMNS)
    if len(rows) % results or len(rows) == results or "t4" not in layout.regions:
        return None  # (one part: ``_turned_t4_row``)
    values: dict[tuple[str, str], str] = {}
    subtotals: list[dict[str, str]] = []
    above = layout.regions["t4"][0]
    for k in range(0, len(rows), results):
        part = rows[k:k + results]
        heading = layout.lines[above:part[0].line]
        groups = t4_groups_named(heading)
        by_result = {t4_result(row.label): fit(row.cells, len(groups) or 1) for row in part}
        if set(by_result) != {c.id for c in forms.T4_COLUMNS} or any(
                len(cells) != (len(groups) or 1) for cells in by_result.values()) or set(groups) & {g for g, _ in values}:
            return None
        if not groups and any(_LITIGATION_SUBTOTAL.search(line) for line in heading):
            subtotals.append({result: cells[0] for result, cells in by_result.items()})  # (checked below)
        elif not groups:
            return None
        values.update({(group, result): cells[j] for result, cells in by_result.items() for j, group in enumerate(groups)})
        above = part[-1].line + 1
    if {g for g, _ in values} != {g.id for g in forms.T4_GROUPS} or any(
            parse_cell(cells[c]).value != _summed(parse_cell(values[(g, c)]).value for g in _LITIGATION_GROUPS)
            for cells in subtotals for c in cells):
        return None  # (a part of the two litigation groups' sums, 行政诉讼合计, is set aside where it is theirs)
    return ValueRow("", [values[(g.id, c.id)] for g in forms.T4_GROUPS for c in forms.T4_COLUMNS], True, rows[0].line)


_LITIGATION_SUBTOTAL = re.compile("|".join(word for word, name in forms.T4_HEADER_WORDS
                                           if name == forms.T4_LITIGATION_SUBTOTAL and len(word) > 2))
_LITIGATION_GROUPS = ("litigation_direct", "litigation_after_review")


def _summed(values) -> int | float | None:
    """The sum of read values, None when one is not read."""
    values = list(values)
    return None if any(v is None for v in values) else sum(values)


_YEAR_LABEL = re.compile(r"^\s*(?:(?:(?P<this>本年度?|今年|当年)|(?P<last>上年度?|去年|上一年度?))(?:新?发生|情况|数据?)?)?"
                         r"\s*[（(]?\s*(?:(?P<year>(?:19|20)\d{2})\s*年?度?)?\s*[)）]?\s*$")  # (本年度发生: this year's row)


_CUMULATIVE = re.compile(r"累计|以来|历年")  # a row of several years summed (2008年以来累计, 历年累计)
_YEAR_AT_END = re.compile(r"(?:(?P<year>(?:19|20)\d{2})\s*年度?|(?P<this>本年度?|今年|当年)|(?P<last>上年度?|去年|上一年度?))"
                          r"\s*$")


def _latest_year_groups(rows: list[ValueRow]) -> list[ValueRow] | None:
    """Of table 4 printed a group a row, each group's row for several years (行政复议 2021年 | 4 1 1 2 8, then
    2020年 | 3 1 0 1 5), the latest year's rows; None unless every row is of five values, labelled by a year at its
    end, two years or more, and the latest year's rows are one per group."""
    dated = []
    for row in rows:
        if len(fit(row.cells, len(forms.T4_COLUMNS))) != len(forms.T4_COLUMNS) or not (
                m := _YEAR_AT_END.search(row.label)):
            return None
        dated.append((int(m["year"]) if m["year"] else 9999 if m["this"] else 0, row))
    latest = max((order for order, _ in dated), default=0)
    kept = [row for order, row in dated if order == latest]
    return kept if len(kept) == len(forms.T4_GROUPS) and len(kept) < len(dated) else None


_YEAR_VALUE = re.compile(r"(?:19|20)\d{2}")


def _years_as_labels(rows: list[ValueRow], size: int) -> list[ValueRow]:
    """Rows of table 4 whose first value is a year, one more value than the form's row, as rows labelled by that
    year (2021 4 0 1 0 5 … over a line 年: a label column of years, its 年 wrapped, taken for a value), when two
    rows or more name different years so; the rows as they are otherwise."""
    dated = [row for row in rows if len(row.cells) == size + 1 and _YEAR_VALUE.fullmatch(row.cells[0].strip())
             and not row.label.strip()]
    if len(dated) < 2 or len({row.cells[0].strip() for row in dated}) < len(dated):
        return rows
    return [replace(row, label=row.cells[0].strip() + "年", cells=row.cells[1:]) if row in dated else row
            for row in rows]


def _latest_year_row(rows: list[ValueRow]) -> ValueRow | None:
    """Of rows labelled by years (2019年 / 2020年, 上年 / 本年: a table comparing the year with
    the one before; or 累计 beside 本年度), the latest: a report compares itself with earlier years, never later ones.
    None unless two rows or more carry a year label, of two years or more (three rows 上年 under rows
    labelled by their groups and 本年 are not the years' rows: ``_latest_year_groups``)."""
    dated = []
    for row in rows:
        if (m := _YEAR_LABEL.match(row.label)) and (m["year"] or m["this"] or m["last"]):
            order = int(m.group("year")) if m.group("year") else 9999 if m.group("this") else 0
            dated.append((order, row))
        elif _CUMULATIVE.search(row.label):
            dated.append((-1, row))  # (2008年以来累计 beside 本年度: years summed, never the report's)
    if len(dated) < 2 or len({order for order, _ in dated}) < 2:
        return None
    return max(dated, key=lambda pair: pair[0])[1]


_GROUP = 5  # table 4's cells a group: four results and their total
# Where a cell merged over whole groups of table 4 may start, and how many cells it covers: a group, 行政诉讼's two, all.
_T4_SPANS = {0: (_GROUP, 3 * _GROUP), _GROUP: (_GROUP, 2 * _GROUP), 2 * _GROUP: (_GROUP,)}


def _t4_groups_said_none(cells: list[str]) -> list[str] | None:
    """Table 4's fifteen cells where its printed row says none once for whole groups (2 0 0 1 3 | 1 0 0 0 1 | 无: the
    last group's five cells merged; 1 0 0 0 1 | 无: 行政诉讼's ten), when exactly one way of spreading its cells of none
    over groups gives fifteen cells in which every group printing numbers adds up; None otherwise."""
    printed = [c for c in cells if c.strip()]
    total = 3 * _GROUP
    if not printed or len(printed) >= total or not any(parse_cell(c).status == "none" for c in printed):
        return None
    found: list[list[str]] = []

    def spread(k: int, out: list[str]) -> None:
        if len(found) > 1 or len(out) > total:
            return
        if k == len(printed):
            if len(out) == total and all(_group_adds_up(out[g:g + _GROUP]) for g in range(0, total, _GROUP)):
                found.append(out)
            return
        spread(k + 1, [*out, printed[k]])
        if parse_cell(printed[k]).status == "none":
            for width in _T4_SPANS.get(len(out), ()):
                spread(k + 1, out + [printed[k]] * width)

    spread(0, [])
    return found[0] if len(found) == 1 else None


def _group_adds_up(group: list[str]) -> bool:
    values = [v for c in group if isinstance(v := parse_cell(c).value, int)]
    return len(values) == len(group) and values[-1] == sum(values[:-1])


def _t4_printed_row(rows: list[ValueRow], size: int) -> ValueRow | None:
    """The first row as printed, and a group (5 cells) on each line after it while it is short:
    read_table settles which of its empty end cells are padding. Lines of one figure each before a
    whole row of the form's width are no part of it (a crawl's page furniture between the header
    and the row: titles with their view counts, 热点排行)."""
    whole = next((k for k, r in enumerate(rows) if len(r.cells) >= size), 0)
    if all(len(r.cells) == 1 for r in rows[:whole]):
        rows = rows[whole:]
    row = None
    for candidate in rows:
        if row is None:
            cells = candidate.cells if len(candidate.cells) >= size else fit(candidate.cells, size)
            row = ValueRow(candidate.label, list(cells), candidate.delimited, candidate.line, width=candidate.width)
        elif len(row.cells) < size and len(row.cells) % len(forms.T4_COLUMNS) == 0 and \
                len(fit(candidate.cells, size)) == len(forms.T4_COLUMNS):
            row.cells = row.cells + fit(candidate.cells, size)
        else:
            break
    return row


def _two_column_cells(cells: list[str]) -> list[str]:
    """A line of cells each two grid columns wide (a web page's 行政复议 row of 5 under a grid of 10:
    1 ␣ 0 ␣ 1 ␣ 0 ␣ 2): its values, every other cell, when every other cell is empty."""
    if len(cells) > 2 and len(cells) % 2 and all(not c.strip() for c in cells[1::2]) and all(
            c.strip() for c in cells[::2]):
        return cells[::2]
    return cells


_T4_FORM_IDS = tuple(forms.t4_cell(g.id, c.id) for g in forms.T4_GROUPS for c in forms.T4_COLUMNS)


def _t4_bands(layout: Layout, rows: list[ValueRow]) -> ValueRow | None:
    """Table 4 printed in two bands, each under its own header (行政复议 / its five columns / five values, then 行政诉讼 /
    未经复议直接起诉 复议后起诉 / their ten columns / ten values), the second band's blanks kept in their places: one row of
    the fifteen cells, by the headers, whether or not its sums hold (a report's own mistake stays so)."""
    valued = [row for row in rows if row.has_values]
    if len(valued) != 2 or any(row.label.strip() for row in valued):
        return None
    review, litigation = len(forms.T4_COLUMNS), len(forms.T4_COLUMNS) * (len(forms.T4_GROUPS) - 1)
    first, second = (_band_cells(row.cells, width) for row, width in zip(valued, (review, litigation)))
    if len(first) != review or len(second) != litigation:
        return None
    start = layout.regions.get("t4", (0, 0))[0]
    above = "".join(layout.lines[start:valued[0].line])
    between = "".join(layout.lines[valued[0].line + 1:valued[1].line])
    if "行政复议" not in above or "未经复议" in above or not ("未经复议" in between and "复议后" in between):
        return None
    return ValueRow("", first + second, True, valued[0].line)


def _band_cells(cells: list[str], width: int) -> list[str]:
    """A band's cells without the empty ones its grid adds after them (a band as wide as the table's other), nor before
    them where it has more than its own (a row's empty label cell)."""
    cells = [cell.strip() for cell in cells]
    while cells and not cells[-1]:
        cells.pop()
    while len(cells) > width and not cells[0]:
        cells.pop(0)
    return cells


def _wrapped_t4_row(rows: list[ValueRow], ids: tuple[str, ...], size: int) -> tuple[ValueRow, int] | None:
    """Table 4's one row of numbers wrapped over lines at any point (PDF text prints the 15 as 5 and 10, or 8 and
    7; a mail wrapped at its width 14 and 1): the lines that make exactly the form's width together, taken only
    when every group's total is then the sum of its parts. A join that only fills the width would shift cells
    silently (a row that dropped a blank cell, then a grand total); one the sums confirm cannot. The row, and how
    many lines it was printed on."""
    cells: list[str] = []
    count = 0
    for count, candidate in enumerate(rows, 1):
        piece = _two_column_cells(fit(candidate.cells, 0))  # a wrapped line's empty label cell is no cell of the row
        if count > 1 and (candidate.label or not piece or (len(piece) < 2 and len(cells) + len(piece) != size)):
            return None  # (a lone number only as the row's last: a mail wrapped at 72 characters leaves one behind)
        cells += piece
        if len(cells) >= size:
            break
    if count < 2 or len(cells) != size:
        return None
    values = dict(zip(ids, (parse_cell(c).value for c in cells)))
    for identity in forms.t4_identities():
        parts = [values[c] for c in identity.parts]
        whole = values[identity.whole[0]]
        if not all(isinstance(v, int) for v in (*parts, whole)) or sum(parts) != whole:
            return None
    return ValueRow(rows[0].label, cells, rows[0].delimited, rows[0].line), count


def _prints_numerals(layout: Layout) -> bool:
    """Whether the tables print counts in Chinese numerals (二十三, 十二, or 〇 and 零 for 0): the report writes its
    counts so, and 一 alone is one of them, not a dash (read so before any identity weighs it: as a dash the sums
    hid a table that does not add up)."""
    return any((c := cell.strip()) and not c.isascii() and (c in ZERO_GLYPHS or _read_cell(c)[2] == SPELLED_NOTE)
               for table in layout.regions for row in layout.rows(table) for cell in row.cells)


_SUBTOTAL_SUFFIX = "." + forms.T3_GROUP_SUBTOTAL  # (the one 法人或其他组织 column's cells: t3.granted.legal_persons_subtotal)
_SUBTOTAL_END = len(_SUBTOTAL_SUFFIX)


def glyphs_read_by_sums(cells: dict[str, CellValue]) -> frozenset[str]:
    """The glyphs (O, l) and specks a report's sums read as digits: those of every cell repaired so, which were read
    glyph by glyph because only then its table's sums hold. The evidence for reading them so where no sum checks."""
    return frozenset(g for cell in cells.values() if cell.status == "repaired" and cell.raw
                     and (digits := glyph_digits(cell.raw)) is not None and int(digits) == cell.value
                     for g in misread_glyphs(cell.raw))


def _glyphs_the_sums_read(out: Tables) -> None:
    """Table 2's cells printed with OCR's glyphs for digits (O, l173), which no sum checks: read glyph by glyph when
    the same report's sums read every glyph in them so (table 3's l9 and ,O taken as 19 and 0 because only then its
    sums hold). A glyph the sums never read stays unsure, and so does each cell of a report whose sums read none."""
    confirmed = glyphs_read_by_sums(out.cells)
    for cell_id, cell in out.cells.items():
        if confirmed and cell_id.startswith("t2.") and _glyph_cell(cell) \
                and (digits := glyph_digits(cell.raw)) is not None and int(digits) in cell.candidates \
                and (glyphs := misread_glyphs(cell.raw)) and glyphs <= confirmed:
            out.cells[cell_id] = CellValue(int(digits), cell.raw, "repaired",
                                           f"印作“{cell.raw.strip()}”，读作 {int(digits)}：本报告表三、表四中这样印的字符，"
                                           "只有逐字读作数字时勾稽关系才成立")


def read_tables(layout: Layout, template: str) -> Tables:
    out = Tables()
    form = forms.FORMS.get(template)
    if form is None:
        return out
    numerals = _NUMERALS_PRINTED.set(_prints_numerals(layout))
    pairs = _PAIRS_PRINTED.set(_pair_order(layout))
    blanks_zero = _BLANKS_ZERO.set(_blank_is_zero(layout) is not None)
    everywhere = _agreed_legend(layout)
    try:
        for table, read in (("t2", lambda: read_t2(layout, form, out)), ("t3", lambda: read_t3(layout, form, out)),
                            ("t4", lambda: read_t4(layout, out))):
            corrected = _BRACKETS_CORRECTED.set(bool(_CORRECTED_NOTE.search(layout.region_text(table))))
            legend = _LEGEND.set(_table_legend(layout, table, everywhere))
            try:
                read()
            finally:
                _BRACKETS_CORRECTED.reset(corrected)
                _LEGEND.reset(legend)
    finally:
        _NUMERALS_PRINTED.reset(numerals)
        _PAIRS_PRINTED.reset(pairs)
        _BLANKS_ZERO.reset(blanks_zero)
    _glyphs_the_sums_read(out)
    _raised_marks_noted(layout, out)
    subtotals = {cell: value for cell, value in out.cells.items() if cell[-_SUBTOTAL_END:] == _SUBTOTAL_SUFFIX}
    order = [c.id for c in forms.cells(template)]
    out.cells = {c: out.cells.get(c, CellValue(None, None, "missing")) for c in order}
    _declared_zeros(layout, out)
    _zeros_by_sums(out, template, subtotals)
    return out
