"""An erratum (更正说明) printed with a report that still prints the numbers it corrects: its corrections applied.

A correction names a cell by the words of its row and column and gives the number printed and the right one
(“（一）予以公开”行自然人一栏“11”应为“13”; or a table of 更正位置 | 原数据 | 更正后数据). It is applied only where
exactly one of the form's cells is named by the words before the numbers and prints the number corrected: a
report republished with its corrections already prints the new numbers, and is left as it is.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from .. import forms
from ..reading.document import normalize

if TYPE_CHECKING:
    from .narrative import Figure
    from .tables import CellValue

_ERRATUM = re.compile(r"更正|勘误")
_NUMBER = r"\d[\d,]*(?:\.\d+)?"
_UNIT = r"\s*(?:件|条|个|项|万元|元)?"
# “11”应为“13”, 原为48件，更正为84件, “…申请26件”相应更正为“27件”, “35.6”万元应为“53.6”, “162”有误，应为“126”,
# “共收到…申请58件”应为“共收到…申请56件” (the quoted words again before the right number)
_INLINE = re.compile(rf"[“\"‘「]?\s*(?P<old>{_NUMBER})(?P<unit>{_UNIT})\s*[”\"’」]?{_UNIT}\s*"
                     rf"(?:有误|错误|系笔误|为笔误)?\s*[，,]?\s*"
                     rf"(?:相应|一并|同步|亦)?(?:应为|应是|更正为|改为|修改为|修正为|调整为)\s*"
                     rf"(?:[“\"‘「][^\d“”\"‘’「」]{{0,40}}?)?\s*(?P<new>{_NUMBER})")
_CLAUSE_END = re.compile(r"[。；;]|^\s*\d+\s*[.．、]")
# A cell named in quotes and the number it should print, the one it prints not said (行政复议“结果维持”应为3，“总计”应为4)
_NAMED_NEW = re.compile(rf"[“\"‘「][^“”\"‘’「」\d]{{1,30}}[”\"’」](?:一?(?:栏|列|行|项|格))?\s*(?:的?(?:数据|数字|数值))?\s*"
                        rf"(?:应为|应是|更正为|改为|修改为|修正为|调整为)\s*[“\"‘「]?(?P<new>{_NUMBER}){_UNIT}\s*[”\"’」]?")
# A table of corrections: its header names the numbers printed and the right ones.
_HEAD_OLD = re.compile(r"原(?:数据|数值|数字|内容|值)|更正前|修改前")
_HEAD_NEW = re.compile(r"更正后|修改后|更正为|正确(?:数据|数值|数字)")
_HEADER_MAX = 60  # characters of a table's header line (序号 更正位置 原数据 更正后数据), no sentence
_CELL_VALUE = re.compile(rf"\s*({_NUMBER}){_UNIT}\s*")
_NOT_WORDS = re.compile(r"[^\u3400-\u4dbf\u4e00-\u9fff]")


@dataclass(frozen=True)
class Correction:
    where: str  # the words before the numbers, naming the cell
    old: float | None  # None: the correction does not say what the cell printed
    new: float
    text: str  # the correction as printed, for the cell's note
    line: int
    in_table: bool = False  # a row of a table of corrections (or its header), not a sentence
    unit: str = ""  # printed after the number corrected (件)
    # the report it corrects, where it names one: by its year (2022年度报告表三中…), or 0 for last year's (上年度报告)
    of_year: int | None = None

    def of_report(self, year: int) -> bool:
        """Whether it corrects the report of ``year`` (one naming no other year's report does)."""
        return self.of_year is None or self.of_year == year

def _number(text: str) -> float:
    return float(text.replace(",", ""))


def corrections(lines: list[str]) -> list[Correction]:
    """The corrections an erratum in the text prints, in both ways; none in a text that names no erratum."""
    if not any(_ERRATUM.search(line) for line in lines):
        return []
    out = []
    in_table = False
    heading_year = None  # the year of the report the erratum above names (关于2022年度报告部分数据的更正说明)
    for k, line in enumerate(lines):
        if _ERRATUM.search(line):
            heading_year = _report_year(line)
        cells = [c.strip() for c in re.split(r"\t|\|", line)] if ("\t" in line or "|" in line) else []
        cells = [c for c in cells if c]
        if _HEAD_OLD.search(line) and _HEAD_NEW.search(line) and len(line) <= _HEADER_MAX and not _INLINE.search(line):
            in_table = True
            out.append(Correction("", 0, 0, line.strip(), k, True))  # (its header: no correction, the erratum's line)
            continue
        values = [_CELL_VALUE.fullmatch(c) for c in cells[-2:]]
        if in_table and len(cells) >= 3 and all(values):
            out.append(Correction(" ".join(cells[:-2]), _number(values[0][1]), _number(values[1][1]), line.strip(), k,
                                  True, of_year=_first_named(_report_year(" ".join(cells[:-2])), heading_year)))
            continue
        in_table = False
        inline = list(_INLINE.finditer(line))
        lead = _clause_begun(lines[k - 1]) if k else ""
        for m in inline:
            start = max((end.end() for end in _CLAUSE_END.finditer(line, 0, m.start())), default=0)
            # (the line before's end too: a PDF broke 2023年度报告 after 202)
            named = _report_year((lines[k - 1][-_YEAR_CUT:] if k else "") + line[:m.start()])
            out.append(Correction((lead if start == 0 else "") + line[start:m.start()], _number(m["old"]),
                                  _number(m["new"]), line.strip(), k, unit=m["unit"].strip(),
                                  of_year=_first_named(named, heading_year)))
        out += _named_corrections(line, k, inline, heading_year, lead)
    return out


def _clause_begun(line: str) -> str:
    """The clause a line of text ends in unfinished, which the next line goes on with (a PDF broke “（一）予以公开 | ”行
    “总计”栏数据“10”应为“7” after the row's name), the cells its corrections naming a right number only name left out
    (行政复议, not “结果维持”应为3); none after a table's row."""
    if "\t" in line or "|" in line:
        return ""
    return _NAMED_NEW.sub("", line[max((end.end() for end in _CLAUSE_END.finditer(line)), default=0):])


def _named_corrections(line: str, k: int, inline: list[re.Match], heading_year: int | None,
                       lead: str = "") -> list[Correction]:
    """The corrections of a line that name a cell in quotes and its right number only (表中行政复议“结果维持”应为3，
    “总计”应为4): each names its cell by its clause's words, the cells the corrections before it in the clause name
    and their numbers left out (行政复议 and “总计”, not “结果维持”)."""
    out: list[Correction] = []
    named: list[re.Match] = []
    for m in _NAMED_NEW.finditer(line):
        if any(m.start() < other.end() and other.start() < m.end() for other in inline):
            continue
        start = max((end.end() for end in _CLAUSE_END.finditer(line, 0, m.start())), default=0)
        where, at = lead if start == 0 else "", start
        for before in (b for b in named if b.start() >= start):
            where += line[at:before.start()]
            at = before.end()
        where += line[at:m.start("new")]
        out.append(Correction(where, None, _number(m["new"]), line.strip(), k,
                              of_year=_first_named(_report_year(line[:m.start()]), heading_year)))
        named.append(m)
    return out


# The report a correction is of, named by its year (2022年度报告表三中…, 《…2022年政府信息公开工作年度报告》存在…) or as last
# year's (上年度报告): another report than this one, whose cells it does not correct. 本报告 names this one.
_REPORT_OF_YEAR = re.compile(r"((?:19|20)\d{2})\s*年度?[^。；;，,“”《》]{0,20}?(?:报告|年报)"
                             r"|(上一?年度?|去年)(?:的)?(?:年度)?(?:报告|年报)|(本报告|本年度报告)")


def _first_named(named: int | None, above: int | None) -> int | None:
    """The report the correction names itself, else the one its erratum's heading names (0 is last year's)."""
    return named if named is not None else above


_YEAR_CUT = 6  # characters of the line before that a year broken over the line's end may begin in


def _report_year(text: str) -> int | None:
    """The year of the report the text's last mention of one names (0: last year's); None where it names none, or
    this one."""
    found = list(_REPORT_OF_YEAR.finditer(text))
    if not found:
        return None
    last = found[-1]
    return int(last[1]) if last[1] else 0 if last[2] else None


def without_errata(lines: list[str]) -> list[str]:
    """The lines with an erratum's corrections blanked: they name the form's sections, rows and items beside
    numbers (二、主动公开政府信息情况 第二十条第（五）项 行政许可 处理决定数量 | 48 | 84), no table of the report's."""
    blanked = {c.line for c in corrections(lines) if c.in_table or not ("\t" in lines[c.line] or "|" in lines[c.line])}
    # (a correction inside a row of the report's own table, 11，应为13, leaves the row: only sentences are blanked)
    return [("" if k in blanked else line) for k, line in enumerate(lines)] if blanked else lines


@cache
def _names(template: str) -> tuple[tuple[str, tuple[tuple[str, ...], tuple[str, ...]]], ...]:
    """Each cell's id (in the form's order) with the words that may name its row and its column: a t3 row by the
    shortest start of its label (four characters or more) no other row's shares."""
    form = forms.FORMS[template]
    matches = [row.match for row in form.t3_rows]

    def unique_start(match: str) -> str:
        for k in range(min(4, len(match)), len(match) + 1):
            if sum(1 for other in matches if other.startswith(match[:k])) == 1:
                return match[:k]
        return match

    rows = {row.id: (unique_start(row.match),) for row in form.t3_rows}
    columns = {c.id: (c.label_zh,) for c in forms.T3_COLUMNS}
    t4_rows = {"admin_review": ("行政复议",), "litigation_direct": ("直接起诉",), "litigation_after_review": ("复议后起诉",)}
    t4_columns = {"upheld": ("维持",), "corrected": ("纠正",), "other": ("其他结果",), "pending": ("尚未审结", "未审结"),
                  "total": ("总计", "合计")}
    out = []
    for cell in forms.cells(template):
        row, column = cell.id.split(".", 1)[1].rsplit(".", 1)
        if cell.table == "t2":
            item = next(i for i in form.t2 if i.id == row)
            measure = () if len(item.measures) == 1 else forms.T2_MEASURE_WORDS.get(column, ())
            out.append((cell.id, (item.keywords, measure)))
        elif cell.table == "t3":
            out.append((cell.id, (rows[row], columns[column])))
        elif cell.table == "t4":
            out.append((cell.id, (t4_rows[row], t4_columns[column])))
    return tuple(out)


def _named(where: str, row_words: tuple[str, ...], column_words: tuple[str, ...]) -> bool:
    """Whether the words name the row and the column, at different places (总计 is a row's and a column's)."""
    rows = [(m.start(), m.end()) for w in row_words for m in re.finditer(re.escape(w), where)]
    if not rows:
        return False
    if not column_words:
        return True
    columns = [(m.start(), m.end()) for w in column_words for m in re.finditer(re.escape(w), where)]
    return any(c_end <= r_start or r_end <= c_start for r_start, r_end in rows for c_start, c_end in columns)


def _fitting(correction: Correction, cells: dict[str, CellValue], template: str, value: float | None) -> list[str]:
    """The cells a correction's words name that print ``value`` (None: whatever they print)."""
    if not correction.where:
        return []
    where = _NOT_WORDS.sub("", correction.where)
    return [cell for cell, (row_words, column_words) in _names(template)
            if (value is None or cells[cell].value == value) and _named(where, row_words, column_words)]


def apply_errata(errata: list[Correction], cells: dict[str, CellValue], template: str) -> int:
    """Correct the cells an erratum's ``corrections`` name, each where one cell alone fits its words and prints
    its number corrected; how many were corrected."""
    if template not in forms.FORMS:
        return 0
    # A revised report printing its corrections (修订说明：原报告…由1件更正为2件) shows the new numbers already: its cells
    # are read as printed when more of the corrections find their new number than their old.
    said = [c for c in errata if c.old is not None]  # (a correction not saying what was printed cannot tell)
    shown_old = sum(len(_fitting(c, cells, template, c.old)) == 1 for c in said)
    shown_new = sum(len(_fitting(c, cells, template, c.new)) == 1 for c in said)
    if shown_new and shown_old <= shown_new:
        return 0
    applied: set[str] = set()
    for correction in errata:
        # (a cell once corrected is not the next correction's: “自然人”栏“12”更正为“13”，“总计”栏“13”更正为“14”)
        fits = [cell for cell in _fitting(correction, cells, template, correction.old) if cell not in applied]
        if len(fits) != 1 or cells[fits[0]].value == correction.new:
            continue
        cell = cells[fits[0]]
        new = int(correction.new) if correction.new.is_integer() else correction.new
        cells[fits[0]] = dataclasses.replace(cell, value=new, status="reported", candidates=None,
                                             note=f"页面上的更正说明改正了表中印出的数：“{correction.text}”")
        applied.add(fits[0])
    return len(applied)


_QUOTED = re.compile(r"[“\"「]([^”\"」]{2,60})[”\"」]")
# The quoted words an inline correction's old number closes (正文“共收到政府信息公开申请26件”相应更正为“27件”).
_QUOTE_OPEN = re.compile(r"[“\"「]([^”\"」]{2,60})$")


def correct_figures(errata: list[Correction], figures: list[Figure]) -> int:
    """Correct the prose figures an erratum names by quoting their words (“共收到政府信息公开申请27件” | 27件 | 30件, or
    正文“共收到政府信息公开申请26件”相应更正为“27件”):
    each figure of the corrected number whose sentence holds the quoted words takes the right one; how many did."""
    from .narrative import find_figures

    changed = 0
    for correction in errata:
        if correction.old is None:
            continue  # (the prose's words are quoted with the number they printed)
        old = f"{correction.old:g}"
        opened = _QUOTE_OPEN.search(correction.where) if not correction.in_table else None
        for quoted in [*_QUOTED.findall(correction.where), *([opened[1] + old + correction.unit] if opened else [])]:
            words = normalize(quoted)
            if not re.search(rf"(?<![\d.]){re.escape(old)}(?![\d.])", words):
                continue
            # (the kind the quoted words count, where they name one: 办理行政复议案件2件, not the 行政诉讼案件2件 beside it)
            kinds = {figure.key for figure in find_figures([words])}
            for figure in figures:
                if figure.value == correction.old and words in normalize(figure.text) and (
                        not kinds or figure.key in kinds):
                    figure.value = int(correction.new) if correction.new.is_integer() else correction.new
                    changed += 1
                    for every in figures:  # (…72件，均在法定期限内予以答复: the answered are those corrected)
                        if every.all_of == figure.key and every.text == figure.text and every.value == correction.old:
                            every.value = figure.value
    return changed
