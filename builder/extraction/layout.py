"""Where the tables are, and which printed values sit on which row.

Reports reach us as tab grids, pipe tables, space-separated PDF lines or a
whole web page on one line. This module turns any of them into a sequence of
``ValueRow``s (a label and the value cells printed after it) per table,
without trusting headers, which are garbled, split or reordered in practice.
"""

from __future__ import annotations

import itertools
import re
import string
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from .. import forms
from ..limits import MAX_NUMBER_DIGITS, checkpoint, memoised_when_short
from .errata import without_errata
from .literals import holds_words, required_words

NONE_WORDS = frozenset({"无", "—", "——", "-", "--", "–", "/", "／", "\\", "＼", "－", "空", "暂无", "没有", "未发生",
                        "未收取", "未收费", "不收费", "免收",  # (the fee row's words for none)
                        "无变化", "无增减", "持平"})  # (the 2019 form's 本年增/减 column: no change)
# A cell saying in words that its row (or more) has nothing (本年度无此类情况, 未发生此类案件, 本年度未收到政府信息公开申请):
# a merged cell's text, read as none.
# (本年度未发生政府信息公开行政复议、行政诉讼 over table 4; 本机关无规章制定权 over table 2's 规章 row: none it may make)
NONE_STATEMENT = re.compile(r"(?:本年度?|本年|全年|当年)?(?:无此类(?:情况|事项|申请|案件)|无相关(?:情况|数据|事项)"
                            r"|(?:未|没有)(?:发生|收到|出现)[\u4e00-\u9fff、]{0,30}?(?:申请|案件|情况|事项|行政复议|行政诉讼))"
                            r"|(?:本年度?|本年|全年|当年)无[\u4e00-\u9fff、]{0,30}?(?:案件|情况|事项)"  # (not 无正当理由…申请)
                            r"|本?(?:机关|单位|部门|局|镇|街道)?(?:无|没有|不具有|不具备)[\u4e00-\u9fff]{0,6}?(?:制定|制发)权(?:限)?")
_NONE_STATEMENT_STARTS = frozenset("本全当无未没")
# A zero printed as a Chinese numeral (零, 〇, or the circle ○ typed for it) in a cell of its own.
ZERO_GLYPHS = frozenset({"零", "〇", "○"})
_NUMBER = re.compile(r"[-+]?\d+(?:,\d{3})*(?:\.\d+)?|[-+]?\d+(?:\.\d+)?")
# A money unit printed with an amount belongs to the value (2813560470.35元, 96.5 万元).
MONEY_UNIT = re.compile(r"\s*(万元|亿元|千元|元)")
_VALUE_WITH_UNIT = re.compile(r"(?:-?\d+(?:,\d{3})*(?:\.\d+)?|[-\d.]+)\s*(?:万元|亿元|千元|元)")
# What a count printed in a cell of its own may carry (4906件, 12条): the form's unit, said again.
# In text without cell borders a number before such a word is prose (``scan_plain``).
COUNT_UNIT = "件|条|个|项|起|宗|次|人次|家|篇|份"
_COUNT_WITH_UNIT = re.compile(r"[-+]?\d+(?:,\d{3})*\s*(?:" + COUNT_UNIT + ")")  # (+1件: a change)
# Digits with signs and decimal points run together (1530-4212, 122813560470.35). Possessive digits:
# a run of 30 digits and a letter was otherwise tried split every way between the repeats (forever).
_SIGNED_RUN = re.compile(r"-?\d++(?:\.\d+)?(?:-?\d++(?:\.\d+)?)*")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# A cell's text ends in a token with a digit: a value spaced off, or after the label's colon (规章:0 | 0 | 0, a plain
# view's row whose commas part the cells); not a word with a digit (calc'!A0, a spreadsheet's cell reference in a
# label), whose letters are not the ones OCR reads for digits; or a word for none spaced off (本年收费金额（单位：万元）  无).
_NOT_DIGIT_LETTERS = "".join(sorted(set(string.ascii_letters) - set("OoDQlIiSsZzBbGgqAT")))
# Or a letter OCR reads for a digit, alone after the label's words (1.信访举报投诉 O: an OCR'd 0 set close to its label).
_ENDS_IN_VALUE = re.compile(rf"[\s:：][^\s:：{_NOT_DIGIT_LETTERS}]*\d[^\s{_NOT_DIGIT_LETTERS}]*\s*$"
                            r"|(?<=[\u4e00-\u9fff）)])\s+(?:无|—{1,2}|/|／|[OoDQlIЗ])\s*$")
_NON_LABEL = re.compile(r"[^\u4e00-\u9fff]")
# Letters, of the scripts a report is printed in beside Chinese too (Cyrillic, Arabic for Uyghur and Kazakh, Tibetan,
# Mongolian, Yi, Hangul): a bilingual table's labels, never its values (their digits are left out).
_WORDS = re.compile(r"[A-Za-z\u3400-\u9fff\uf900-\ufaff\u0400-\u04ff\u0620-\u065f\u066e-\u06ef\u06fa-\u06ff"
                    r"\ufb50-\ufdff\ufe70-\ufeff\u0f00-\u0f1f\u0f34-\u0fff\u1820-\u18af\ua000-\ua4cf\uac00-\ud7af"
                    r"\u1100-\u11ff\u3130-\u318f]")
# What a spreadsheet prints in a cell instead of its number: a formula's error (#VALUE!, #REF!, #DIV/0!),
# or #### where the column is too narrow for it. The cell holds its place; its number is unknown.
SPREADSHEET_ERROR = re.compile(r"#(?:VALUE!|REF!|DIV/0!|N/A|NAME\?|NUM!|NULL!|SPILL!|CALC!)|#{3,}")
# A template's mark for a value still to fill in (X, XX, **, （填写数字）, ——（待填）, 【填写】): no number.
FILL_IN = re.compile(r"[XxＸｘ]{1,4}|\*{2,4}|＊{2,4}|[-—－_＿]*\s*[（(【\[][^（）()【】\[\]\n]{0,6}"
                     r"(?:填写|待填|填报|填入|待补|待定)[^（）()【】\[\]\n]{0,6}[）)】\]]")
# What a broken export prints in a cell instead of its number: a script's missing value (NaN, null, undefined,
# [object Object]) or a template's unfilled placeholder ({{count}}, ${n}, ``FILL_IN``, and «结转_其他», the name Word
# shows for a mail-merge field never merged). The cell holds its place.
PLACEHOLDER = re.compile(r"NaN|null|NULL|Null|undefined|None|\[object Object\]|\{\{[^{}\n]{1,40}\}\}|\$\{[^{}\n]{1,40}\}"
                         r"|«[^«»\n]{1,40}»|" + FILL_IN.pattern)
# A mark a table prints in a cell instead of a number, its meaning a legend's under the table (“∅”表示无, “×”表示不适用),
# or the words' own (不适用, N/A: not applicable; -0-, nil: none). The cell holds its place; ``parse_cell`` reads it.
SYMBOL_CELL = re.compile(r"[○∅Øø×✕✗╳※●◎△▲☆★◇□■]|…{1,2}|-0-|N/A|n/a|NA|nil|Nil|NIL|缺|不适用|未统计|不涉及"
                         r"|待统计|另行统计|暂无数据|若干")  # (words in place of a count; 详见附件 after the values is a remark)
# A formula printed as text (=SUM(D6:I6), =D5+E5): a cell formatted as text, or shown with formulas on.
_FORMULA_WORD = r"(?i:[=＝](?:[A-Z]{2,10}\()?[$A-Z]{1,4}\$?\d{1,7}[$A-Z0-9:+\-*/(),.]*)"  # (one, spaced off in a row)
SPREADSHEET_FORMULA = re.compile(r"[=＝]\s*(?:[A-Z]{2,10}\s*\()?[$A-Z]{1,4}\$?\d{1,7}[$A-Z0-9:+\-*/(),.\s]*", re.I)

# What OCR reads for a digit (l, I, 丨 for 1; O, 〇 for 0; S, Z, B, G …) and the punctuation it
# glues to one (3682. 11,16 4。0 3·682): a token made of these and digits is a number misread.
_DIGIT_LOOKALIKES = "OoDQ〇lIi|丨[]!SsZzBbGgqATЗзбОоΟο"  # (Cyrillic З б О, Greek Ο: OCR engines' digits too)
_LONE_LOOKALIKES = "OoDQ〇lISZBОоΟοЗзб"  # those a cell may print alone for its digits (O, l, З), no word's
_NUMBER_PUNCT = ".,、·。，．'`:;_’′"
_MINUS_LOOKALIKES = "-一—–~"  # OCR reads a minus sign as 一 or a dash
# A table rule OCR'd as a glyph of its own: only ever a rule, or also a 1.
_PURE_RULES = "丨|[]!_＿"  # (_: a horizontal rule's stroke between two cells)
_RULE_OR_ONE = "lI"

# Section headings of the prescribed form; found anywhere, also mid-line.
# (not a heading quoted: 1.“二、主动公开政府信息情况”第二十条第（六）项中…应为…, an erratum's). Tables 3 and 4 by their
# names under another number too (二 to 六): a report printing its sections in another order numbers them so
# (三、政府信息公开行政复议… before 四、收到和处理…).
SECTION_HEADINGS = {
    "t2": re.compile(r"(?<![“\"‘《「])[二2]\s*[、.．]\s*主动公开政府信息(?:的)?情况"),
    "t3": re.compile(r"(?<![“\"‘《「])[二三四五六3]\s*[、.．]\s*收到和处理政府信息公开申请(?:的)?情况"),
    "t4": re.compile(r"(?<![“\"‘《「])[二三四五六4]\s*[、.．]\s*政府信息公开(?:的)?行政复[议义]\s*[、,和及与]?\s*行政诉讼"
                     r"(?:的)?情况"),
    "t5": re.compile(r"(?<![“\"‘《「])[五5]\s*[、.．]\s*(?:政府信息公开工作)?存在的主要问题(?:及|和)?(?:改进情况)?"),
    "t6": re.compile(r"(?<![“\"‘《「])[六6]\s*[、.．]\s*其他需要报告的事项"),
}
_OVERVIEW_HEADING = re.compile(r"^\s*[一1]\s*[、.．]\s*(?:总体情况|概述|概况)")
_T2_ANCHOR = re.compile(r"第二十条\s*第?\s*[(（]\s*一\s*[)）]\s*项|第二十条")
_T3_ANCHOR = re.compile(r"本年新收")
_T2_HEADER = re.compile(r"^\s*(?:[|｜]\s*)?信息内容\s*(?:[\t|｜]|\s{2,})\s*本年")  # table 2's header, its first cells
_T4_ANCHOR = re.compile(r"行政复[议义]")
_T4_RESULTS_HEADER = re.compile(r"^(?!.*\d).*(?:结果维持|结果纠正|尚未审结)")  # 类别 | 结果维持 | … | 总计: no figure


def _t4_header_above(lines: list[str], low: int, first: int) -> int:
    """Where table 4 begins that has no heading, its first row at ``first`` (行政复议 | 1 | 0 …): at the header above
    it naming its results (a workbook's 类别 | 结果维持 | …, a row per group below), else at the row."""
    k = first
    while k > low and (not lines[k - 1].strip() or _T4_RESULTS_HEADER.search(lines[k - 1])):
        k -= 1
    while k < first and not _T4_RESULTS_HEADER.search(lines[k]):
        k += 1  # (the blank lines above the header are no part of it)
    return k


_PROSE_MARKS = re.compile(r"[，,。；;]")  # what a sentence about reviews prints, a header's cells not


def _bare_t4_header(lines: list[str], low: int, high: int) -> int | None:
    """Where table 4 begins that is printed before the other tables with no heading or caption (四, 三, 二 pasted
    bare after the prose): at its header's 行政复议 line, a cell line with its results named on the lines below, or its
    one row of 15 figures."""
    for k in range(low, high):
        if _T4_ANCHOR.search(lines[k]) and not _PROSE_MARKS.search(lines[k]) and any(
                _T4_RESULTS_HEADER.search(line) or _T4_BARE_ROW.match(line) for line in lines[k + 1:min(high, k + 4)]):
            return k
    return None


# Table 4's caption on a line of its own, with no section number (an appendix's: 附件1 / 政府信息公开行政复议、行政诉讼情况).
_T4_CAPTION = re.compile(r"^\s*(?:附[件表]\s*[\d一二三四]*\s*[:：]?\s*|表\s*[一二三四1-4]?\s*[:：]?\s*)?"
                         r"(?:(?:19|20)\d{2}\s*年度?\s*)?政府信息公开(?:的)?行政复[议义]"
                         r"\s*[、,和及与]?\s*行政诉讼(?:的)?情况(?:统计表|表)?\s*$")
# A table's short caption on a line of its own, as a statistics sheet captions it (表三 依申请公开, 表四：复议诉讼): where the
# table begins when no section heading, no form label and no header of its own is printed.
_SHORT_CAPTIONS = {table: re.compile(rf"^\s*表\s*[{digits}]\s*(?:[:：、.．]\s*)?[\u4e00-\u9fff（）()]{{0,16}}\s*$")
                   for table, digits in (("t3", "三3"), ("t4", "四4"))}
# Table 2's first row, printed with no heading or header above it (its first value a word for none, 无, or a full-width
# digit too: a township's 规章 | 无 | 无 | 无 under a header the page hides).
_T2_ROW = re.compile(r"^\s*(?:规章|行政规范性文件)\s*(?:\t|\||\s{2,})\s*(?:\d|[０-９/—－-]|无(?=[\s|｜]|$))")
# Table 4's row of 15 figures, printed with no label.
_T4_BARE_ROW = re.compile(r"^\s*(?:\d+(?:\t|\s+|\s*\|\s*)){14}\d+\s*$")
_T3_HEADER_WORDS = re.compile(r"本列数据的勾稽关系|申请人情况")  # table 3's header, printed above its first row
# Table 3's own words, which no sentence of the prose prints (its first row's label, the identity it notes).
_T3_FORM_LABEL = re.compile(r"本年新收政府信息公开申请数量|本列数据的勾稽关系")
_ANY_HEADING = re.compile("|".join(p.pattern for p in SECTION_HEADINGS.values()))
# Words each of SECTION_HEADINGS prints whole: a line without its word holds no such heading (most lines: one look,
# not the regex).
HEADING_WORDS = {"t2": "主动公开政府信息", "t3": "收到和处理政府信息公开申请", "t4": "行政复", "t5": "存在的主要问题",
                 "t6": "其他需要报告的事项"}


def _own_row_words() -> list[str]:
    """Words of table 3's rows that no other table prints: the first six characters of the first run of four or
    more in each result row's and group's label (属于国家秘密, 三安全一稳定, 无法提供) and of 结转下年度继续办理."""
    rows = [row for row in forms.T3_ROWS_2021 + forms.T3_ROWS_2019
            if row.group_zh.startswith("（") or row.id == "carried_forward"]
    runs = (next(iter(re.findall(r"[\u4e00-\u9fff]{4,}", label)), "")
            for row in rows for label in (row.label_zh, row.group_zh))
    return sorted({run[:6] for run in runs if run}, key=len, reverse=True)


# A row of table 3 by a label no other table prints, with its seven figures.
_T3_ROW = re.compile(rf"(?:{'|'.join(_own_row_words())})[^\d]*(?:\d+\D+){{6}}\d+\s*$")

# A number followed by one of these is prose ("29件", "2022年"), not a cell.
_UNIT_AFTER = re.compile(r"\s*[年月日号时%％件条个次项元万亿余多名人家场期篇份批户页届位种类座所]")
# A count and its unit spaced off as a cell of its own, only cells after it to the end of the line
# (行政规范性文件 1件 0件 4件, a PDF's table row): a value, where 收到申请6件 is prose.
_SPACED_COUNT = re.compile(r"\s*(?P<unit>" + COUNT_UNIT + r")(?=(?:\s+(?:\d+(?:,\d{3})*(?:\s*(?:" + COUNT_UNIT
                           + r"))?|[无—/-]+))*\s*$)")


@dataclass
class ValueRow:
    """One printed row: its label text and the value cells after it."""

    label: str
    cells: list[str]
    delimited: bool
    line: int
    extra_label: str = ""
    before: str = ""  # an unlabelled row: the label line printed just before it
    after: str = ""  # and the one just after it (PDF text puts a label on either side)
    width: int = 0  # a delimited line: its cells, label cells included (a grid row with fewer is short)

    @property
    def core(self) -> str:
        """The label's Chinese characters only, for matching."""
        return _NON_LABEL.sub("", self.label or self.extra_label)

    @property
    def has_values(self) -> bool:
        return any(map(str.strip, self.cells))


@dataclass
class Layout:
    """The report body split into the form's table regions."""

    lines: list[str]
    regions: dict[str, tuple[int, int]] = field(default_factory=dict)
    _rows: dict[str, list[ValueRow]] = field(default_factory=dict, repr=False)
    memo: dict = field(default_factory=dict, repr=False)  # what the table readers find once a layout
    corrected: tuple[str, ...] = ()  # tables read from their corrected version printed after the report

    def rows(self, table: str) -> list[ValueRow]:
        """The table's printed rows (scanned once; callers must not change them)."""
        if table not in self.regions:
            return []
        if table not in self._rows:
            start, end = self.regions[table]
            self._rows[table] = scan_lines(self.lines[start:end], start)
        return self._rows[table]

    def region_text(self, table: str) -> str:
        if table not in self.regions:
            return ""
        start, end = self.regions[table]
        return "\n".join(self.lines[start:end])


# Characters OCR and input methods put for the forms' own, which the forms' labels never print:
# 政府集中釆购, 行政规范牲文件, 行政复义, 规范性文仵; and the traditional or Japanese forms of a few of theirs
# a PDF's text layer gives in otherwise simplified text (行政規范性文件, 本年增/減, 行政査询事项).
_CONFUSED = str.maketrans({"釆": "采", "牲": "性", "义": "议", "仵": "件", "規": "规", "減": "减", "査": "查", "処": "处",
                           "収": "收", "決": "决"})


@lru_cache(maxsize=4096)
def label_core(text: str) -> str:
    """A label's Chinese characters only (rows are matched on these, asked for many times), the
    characters commonly put for the forms' own read as theirs."""
    return _NON_LABEL.sub("", text).translate(_CONFUSED)


@lru_cache(maxsize=4096)
def several_numbers(cell: str) -> tuple[int, ...] | None:
    """The values of a cell printing several numbers or marks of none (``0 0``, ``/ /``, ``1 无``):
    cells that a table rule lost in print merged into one. None for any other cell."""
    tokens = cell.split()
    if len(tokens) < 2 or not all(t.isdecimal() or t in NONE_WORDS or t in ZERO_GLYPHS for t in tokens):
        return None
    if (folio := _PAGE_FOLIO.search(cell)) and _NUMBER.fullmatch(cell[:folio.start()].strip()):
        return None  # (2 - 3 -: a number and a page's folio, ``spelled_number``)
    return tuple(int(t) if t.isdecimal() else 0 for t in tokens)


_NONE_MARKS = "*＊※†‡"  # a footnote's marks after a word for none


def none_with_unit(cell: str) -> bool:
    """Whether a cell prints a word for none with the count's unit after it (—件, 无件), or with its English after it
    (无 None: a page translation tool writes it into the cell), or with a footnote's mark (无*: a note under the table
    says why there is none): none."""
    if cell[-1:] in "件条项个":
        return cell[:-1].strip() in NONE_WORDS
    if cell[-1:] in _NONE_MARKS:
        return cell.rstrip(_NONE_MARKS).strip() in NONE_WORDS
    if " " not in cell:  # (nearly every cell: one look)
        return False
    word, _, english = cell.partition(" ")
    return word in NONE_WORDS and english.strip().lower() in _NONE_IN_ENGLISH


_NONE_IN_ENGLISH = frozenset({"none", "nil", "zero", "no"})  # (not N/A: no number applies)
_CELL_MEMO_LENGTH = 120  # a cell up to this long is remembered as a value or words (``memoised_when_short``)
# A count with a note's letter or # glued after it (13a, 60ᵃ, 40.77ᵇ, 54#): a cell, its mark read where its note is printed.
LETTERED = re.compile(r"(?P<n>\d{1,9}(?:\.\d{1,6})?)(?P<mark>[a-e]|[ᵃᵇᶜᵈᵉ]|#)")
# A badge or an icon a web page sets after a figure: 新, 热, NEW, a trend's diagonal arrow (↗ ↘), a star or a dot; not an
# arrow up or down, nor a triangle (▲3, 3↓: a change's sign in a column of changes).
BADGED = re.compile(r"(?P<figure>[-+]?\d[\d,]*(?:\.\d+)?)\s+(?P<badge>新|热|荐|NEW|New|new|HOT|Hot|hot|[↗↘★☆●◆■♦])")


@memoised_when_short(_CELL_MEMO_LENGTH)
def is_value_cell(cell: str) -> bool:
    """Whether a cell prints a value (a number, a mark of none, a blank); asked of every cell many times."""
    c = cell.strip()
    return (not c or c in NONE_WORDS or none_with_unit(c) or c in ZERO_GLYPHS or bool(_NUMBER.fullmatch(c))
            or (c[0] in _NONE_STATEMENT_STARTS and bool(NONE_STATEMENT.fullmatch(c)))
            or several_numbers(c) is not None
            or bool(SPREADSHEET_ERROR.fullmatch(c)) or bool(SPREADSHEET_FORMULA.fullmatch(c)) or bool(PLACEHOLDER.fullmatch(c))
            or bool(_VALUE_WITH_UNIT.fullmatch(c)) or bool(_SIGNED_RUN.fullmatch(c)) or bool(_COUNT_WITH_UNIT.fullmatch(c))
            or c == DASH_OR_ONE or spelled_number(c) is not None or bool(SYMBOL_CELL.fullmatch(c)) or bool(BADGED.fullmatch(c))
            or bool(LETTERED.fullmatch(c)))


# How a cell of its own prints a number in other ways than digits alone (each read with a note):
# a footnote mark after it (12¹, 512*, 12注1, the raised mark of a web page or Word cell), digits grouped
# by spaces as GB/T 15835 sets them (9 417), a change in words (减少15, 增3项), Chinese numerals (二十三).
# (after the number, or after its unit: 5*, 5件*, 1件（注）)
_FOOTNOTE_MARK = re.compile(r"(?<=[\d件条项个次])\s*(?:[*＊※†‡§△▲☆★◆◇]+|[⁰¹²³⁴⁵⁶⁷⁸⁹]+|[①-⑳]|[(（]?注\s*\d{0,2}[)）]?"
                            r"|[\[［〔【]\s*(?:注\s*\d{0,2}|\d{1,2}|[a-z])\s*[\]］〕】]"  # ([注1], 〔注〕, [a])
                            r"|\[\^[\w-]{1,12}\]|\^[\w-]{1,12})$")  # (Markdown's [^1], and ^1 as a converter renders it)
_TRAILING_COUNT_UNIT = re.compile(r"\s*(?:" + COUNT_UNIT + r")$")
SPACE_GROUPED = re.compile(r"[1-9]\d{0,2}(?:[ \u00a0\u2009\u202f]\d{3})+(?:\.\d{1,2})?")
_CHANGE_WORDS = re.compile(r"(?P<sign>增加|新增|增|上升|减少|减|下降)\s*(?P<n>\d+(?:,\d{3})*)\s*(?:" + COUNT_UNIT + ")?")
_NUMERAL = "零〇一二两三四五六七八九十百千壹贰叁肆伍陆柒捌玖拾佰仟"  # (the financial forms too: 壹佰叁拾陆)
_DECIMAL_NUMERALS = "零〇一二三四五六七八九壹贰叁肆伍陆柒捌玖"  # a digit each, after 点
_DECIMAL_DIGITS = str.maketrans(_DECIMAL_NUMERALS, "00123456789123456789")
# not 一 alone; 万 after a numeral (一万二千三百四十五)
_CHINESE_NUMERAL = re.compile(f"[{_NUMERAL[:2]}{_NUMERAL[3:]}][{_NUMERAL}万]*|一[{_NUMERAL}万]+")
# The digit each glyph OCR reads for one stands for (O for 0, l for 1, S for 5, B for 8 …).
_GLYPH_DIGITS = str.maketrans({**dict.fromkeys("OoDQ〇ОоΟο", "0"), **dict.fromkeys("lIi|丨!", "1"), "S": "5", "s": "5",
                               "Z": "2", "z": "2", "B": "8", "b": "6", "G": "6", "g": "9", "q": "9", "A": "4", "T": "7",
                               "З": "3", "з": "3", "б": "6"})
_GLYPH_CELL = re.compile(r"[0-9OoDQ〇lIi|丨!SsZzBbGgqATЗзбОоΟο]+")


# Specks OCR reads at a count's edge (0. and .0: a dot of the scan or of a table rule beside the digit).
# (。: a full stop typed after a table's last numbers, 2。 0。, or OCR's speck; : ‘ ’: a scan's specks read as marks, 2: ‘O)
_EDGE_SPECKS = ".·'`,。:;‘’"


def glyph_reading(cell: str) -> int | None:
    """The number a cell printed with glyphs for some digits (1O52, l5, O: OCR's misreadings) or with
    a speck at its edge (0., .0) reads as, glyph by glyph; None for a cell of digits or of anything else.
    Only a reading: the identities of the form decide whether it is taken (``tables._settle_glyphs``)."""
    digits = glyph_digits(cell)
    return int(digits) if digits is not None else None


def glyph_digits(cell: str) -> str | None:
    """The digits ``glyph_reading`` reads a cell as, as printed (〇〇 is 00: a run of two zeros)."""
    c = cell.strip()
    if c.strip(_EDGE_SPECKS) != c and (c.startswith(tuple(_EDGE_SPECKS)) != c.endswith(tuple(_EDGE_SPECKS))):
        c = c.strip(_EDGE_SPECKS)  # (a speck on one side only: 1.5 and .5. are no count's specks)
    elif not _GLYPH_CELL.fullmatch(c) or c.isdigit():
        return None
    if not _GLYPH_CELL.fullmatch(c):
        return None
    digits = c.translate(_GLYPH_DIGITS)
    return digits if len(digits) <= MAX_NUMBER_DIGITS else None


def misread_glyphs(cell: str) -> frozenset[str]:
    """What a glyph reading of the cell takes on trust: each glyph read for a digit (O, l), and a speck at its edge
    (… for any of them)."""
    c = cell.strip()
    core = c.strip(_EDGE_SPECKS)
    return frozenset({g for g in core if not g.isdigit()} | ({"…"} if core != c else set()))


def leading_zero_reading(cell: str) -> int | None:
    """The number a count typed with leading zeros (05, 017) reads as; None for any other cell. Only
    a reading: digits split apart or a rule read as 0 print so too, and the identities decide."""
    c = cell.strip()
    return int(c) if len(c) > 1 and c[0] == "0" and c.isdecimal() and len(c) <= MAX_NUMBER_DIGITS else None


_SPACED_THOUSANDS = re.compile(r"[1-9]\d{0,2}(?:,\d{3})+")
_WRAPPED_PIECES = 4  # lines a narrow cell wraps a count over, at most (a digit a line: 3 / 1 / 2 / 7)


def wrapped_number(cell: str) -> int | None:
    """The number a cell printing two to four runs of digits reads as joined (13 6: a narrow cell wrapped
    136 over two lines; 6 1 2: one digit a line; 1, 514 and 5,3 14: one with thousands commas); None for any other
    cell. Only a reading: it may as well be cells run together, and the identities of the form decide
    (``tables._settle_glyphs``)."""
    if " " in cell.strip() and _SPACED_THOUSANDS.fullmatch(compact := re.sub(r"\s+", "", cell)):
        return int(compact.replace(",", ""))  # 1, 514 and 5,3 14: a number with thousands commas, wrapped
    tokens = cell.split()
    if not 2 <= len(tokens) <= _WRAPPED_PIECES or not all(t.isdecimal() for t in tokens) or tokens[0].startswith("0"):
        return None
    joined = "".join(tokens)
    return int(joined) if len(joined) <= MAX_NUMBER_DIGITS else None


# A number with an aside in brackets after it: last year's figure (24（19）, a table printing both
# years so), a part of it (96（其中网上申请71）) or its unit. The number before is the cell's.
_BRACKETED_ASIDE = re.compile(r"(?P<n>[-+]?\d[\d,]*(?:\.\d+)?|无|—+|/)\s*[(（](?P<aside>[^()（）]{1,16})[)）]")  # (无（全县5）)
# A cell printing 同上 or 同左, written by the reading as the value it repeats (0（同上）, 无（同左）).
_REPEATED = re.compile(r"(?P<n>[-+]?\d[\d,]*(?:\.\d+)?|无|—+|-|/)[(（](?P<word>同上|同左)[)）]")
# A count printed in ten thousands or thousands (1.2万, 3.5万条, 3.5千): rounded.
_TEN_THOUSANDS = re.compile(r"(?P<n>\d+(?:\.\d+)?)\s*(?P<unit>万|千)(?![元米克瓦])\s*[件条个项]?")
_UNIT_SIZES = {"万": 10_000, "千": 1_000}
# A count printed as approximate or as a bound (约35, 1200余, 60多, 1.2万余, ≥3, 不少于20, 逾100): the number, no exact
# one. (4+ is not: a mark a table's note explains, read by the sums: tables._MARKED.)
_APPROXIMATE = re.compile(r"(?P<before>约|大约|近|逾|超过|不少于|不低于|≥|>=)?\s*(?P<n>\d[\d,]*(?:\.\d+)?\s*[万千]?)\s*"
                          r"(?P<after>余|多|以上)?\s*[件条个项]?")
# A change printed with an arrow (▼3 a decrease, ▲5 an increase), or with △, the accountants' mark of a negative figure.
_ARROWED = re.compile(r"(?P<arrow>[▼▲↓↑△])\s*(?P<n>\d+(?:\.\d+)?)")
# A cell printing its figure's revision (原8现9, 3→4): the figure now.
# A figure printed as the sum of its parts (3+2, 2+0+1), alone or after the figure (5（3+2）, 5=3+2).
_SUMMED = re.compile(r"(?:(?P<n>\d{1,9})\s*(?:[=＝]\s*|(?P<open>[(（])\s*))?(?P<parts>\d{1,9}(?:\s*[+＋]\s*\d{1,9})+)"
                     r"(?(open)\s*[)）])")
_REVISED = re.compile(r"原\s*(?P<was>\d+(?:,\d{3})*)\s*[,，、]?\s*现\s*(?P<now>\d+(?:,\d{3})*)"
                      r"|(?P<was_>\d+(?:,\d{3})*)\s*(?:→|->|⇒|➝|➔)\s*(?P<now_>\d+(?:,\d{3})*)"
                      # 279（更正为297）, 7（应为6）: the printed number, then what it is corrected to
                      r"|(?P<was2>\d+(?:,\d{3})*)\s*[（(]\s*(?:(?:更正|修正|修改|调整|改)(?:后)?(?:为|成)|应为)\s*"
                      r"(?P<now2>\d+(?:,\d{3})*)\s*(?:件|条|个|项)?\s*[)）]")
# A figure with its change from last year after it (35 ↑5, 8 ↓2, 12▲3): the figure.
_WITH_CHANGE = re.compile(r"(?P<n>\d+(?:,\d{3})*)(?P<change>\s*[↑↓▲▼]\s*\d+(?:,\d{3})*)")
# A figure with last year's after it, or its change from last year, unbracketed (23 上年：13, 5 同比+3: a cell's
# second line under a header 本年/上年): the figure.
_WITH_LAST_YEAR = re.compile(r"(?P<n>\d+(?:,\d{3})*(?:\.\d+)?)\s*(?P<aside>(?:上年度?|去年|上一年度?)(?:同期)?\s*[:：]?\s*"
                             r"\d+(?:,\d{3})*(?:\.\d+)?|同比\s*(?:[+\-－±]|增加|减少|增长|下降|持平)?\s*(?:\d+(?:,\d{3})*"
                             r"(?:\.\d+)?\s*[%％]?)?)\s*(?:件|条|个|项)?")
# A figure with a note of a part of it after it, unbracketed (64 含转办1件, 12 其中网上申请3件: a cell's second paragraph).
_WITH_PART = re.compile(r"(?P<n>\d+(?:,\d{3})*)\s*(?P<part>(?:含|其中|包括|内含)[\u4e00-\u9fff：:]{0,12}?\s*\d+(?:,\d{3})*\s*"
                        r"(?:件|条|个|项|人次)?)")
# An icon a page sets beside a figure (an icon font's glyph in the Private Use Area, not a symbol font's digit U+F030–F039;
# an emoji, a dingbat or an arrow, its variation selector): 📈 251, 5 ✅, 769 ⬆4 (the change from last year after it).
_ICON = r"[\ue000-\uf02f\uf03a-\uf8ff\u2600-\u27bf\u2b00-\u2bff\U0001f300-\U0001faff\ufe0f\u200d]"
_WITH_ICONS = re.compile(rf"\s*(?:{_ICON}\s*)+(?P<n>\d+(?:,\d{{3}})*(?:\.\d+)?)\s*(?:{_ICON}\s*)*"
                         rf"|\s*(?P<n_>\d+(?:,\d{{3}})*(?:\.\d+)?)\s*(?:{_ICON}\s*)+(?P<change>\d+(?:,\d{{3}})*(?:\.\d+)?\s*)?")
# A figure with its share after a slash or comma (26件/占92.9%, 5，占10.2%): the figure.
_WITH_SHARE = re.compile(r"(?P<n>\d+(?:,\d{3})*)\s*(?:" + COUNT_UNIT + r")?\s*[/／,，;；、]\s*"
                         r"(?P<share>(?:占比?|比重|比例)?\s*[:：]?\s*\d+(?:\.\d+)?\s*[%％])")
# A figure a document converter wrapped as inline math ($16$, MinerU's for a table row it read as a formula): the figure.
_AS_MATH = re.compile(r"\$\s*(?P<n>\d+(?:,\d{3})*(?:\.\d+)?)\s*\$")
# A page's folio after a cell's number, where a converted page break left it in the cell (2 - 3 -, 0 — 5 —, 12 第3页).
_PAGE_FOLIO = re.compile(r"\s(?:[-—－–]\s*\d{1,4}\s*[-—－–]|第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?)$")
# A total written with its word in each cell of a total row or column (合计：26, 共5件, 总计 37).
_SUM_WORDED = re.compile(r"(?P<word>合计|总计|小计|共计|共)\s*[:：]?\s*(?P<n>\d+(?:,\d{3})*)\s*(?:" + COUNT_UNIT + ")?")
_SPELLED_MAX = 24  # characters: no count, spelled any way, is longer (二千三百四十五, 12,345,678*)
# 一 alone in a cell: a 1 in Chinese numerals, or a dash for none (typed so, or OCR's): a value, unread.
DASH_OR_ONE = "一"
SPELLED_NOTE = "以汉字数字印出"  # the note of a count printed in Chinese numerals (二十三)
# What a spreadsheet shows of a number stored as text ('12, the apostrophe Excel and WPS keep before it
# when the cell is pasted as text).
_TEXT_NUMBER = re.compile(r"['‘’`](?P<n>-?\d+(?:,\d{3})*(?:\.\d+)?)")
# A closing mark of the label before, which Word hangs past the cell's edge (3.危及“三安全一稳定” wrapped, its ”
# in the next column): a PDF's text puts it before the number (”0).
_HANGING_PUNCTUATION = re.compile(r"[”」』）)》](?P<n>\d+(?:,\d{3})*(?:\.\d+)?)")


def approximate(raw: str | None) -> bool:
    """Whether a cell printed its count as approximate or as a bound (约35, 1200余, ≥3, 1.2万): read as its number, it
    is no exact count a sum can fail by."""
    c = (raw or "").strip()
    return bool(c) and (_TEN_THOUSANDS.fullmatch(c) is not None
                        or ((m := _APPROXIMATE.fullmatch(c)) is not None and bool(m["before"] or m["after"])))


@lru_cache(maxsize=4096)
def spelled_number(cell: str) -> tuple[str, str] | None:
    """A cell printing one number in such another way (``_FOOTNOTE_MARK`` …): the number in digits
    and how it was printed (the value's note), or None. 一 alone stays unread: OCR and typists put
    it for a dash as often as for a 1."""
    c = cell.strip()
    if len(c) > _SPELLED_MAX:
        return None
    if m := _FOOTNOTE_MARK.search(c):
        inner = spelled_number(c[:m.start()])
        number = inner[0] if inner else _TRAILING_COUNT_UNIT.sub("", c[:m.start()])
        if _NUMBER.fullmatch(number):
            return number, f"数字后的脚注标记“{m.group().strip()}”不计入数值"
        return None
    if (m := _PAGE_FOLIO.search(c)) and m.start() and _NUMBER.fullmatch(number := c[:m.start()].strip()):
        return number, f"数字后的“{m.group().strip()}”是换页处落进这一格的页码，不计入数值"
    if m := _SUM_WORDED.fullmatch(c):
        return m["n"], f"格中的“{m['word']}”说明这一格是合计，不计入数值"
    if m := _TEN_THOUSANDS.fullmatch(c):
        value = round(float(m.group("n")) * _UNIT_SIZES[m["unit"]])
        return str(value), f"以“{m['unit']}”为单位印出（{c}），读作 {value}，是约数"
    if (m := _APPROXIMATE.fullmatch(c)) and (m["before"] or m["after"]):
        inner = spelled_number(m["n"]) if "万" in m["n"] or "千" in m["n"] else None
        value = inner[0] if inner else m["n"].replace(",", "").strip()
        return value, f"印作“{c}”，是约数或下限，读作 {value}，不一定是确切的数"
    if m := _SUMMED.fullmatch(c):
        parts = [int(part) for part in re.findall(r"\d+", m["parts"])]
        if m["n"] is not None and int(m["n"]) != sum(parts):
            return None  # (5（3+3）: which is the cell's, the figure or its parts' sum, no reader can say)
        return str(sum(parts)), f"格中印作“{c}”，是各部分之和，读作 {sum(parts)}"
    if m := _REVISED.fullmatch(c):
        was, now = m["was"] or m["was_"] or m["was2"], m["now"] or m["now_"] or m["now2"]
        return now, f"格中写明由 {was} 改为 {now}（“{c}”），取改后的数"
    if m := _WITH_CHANGE.fullmatch(c):
        return m["n"], f"数字后的“{m['change'].strip()}”是与上年相比的增减，不计入数值"
    if m := _WITH_LAST_YEAR.fullmatch(c):
        return m["n"], f"数字后的“{m['aside'].strip()}”是上年的数或与上年相比的增减，不计入数值"
    if m := _WITH_PART.fullmatch(c):
        return m["n"], f"数字后的“{m['part'].strip()}”是其中一部分的说明，不计入数值"
    if m := _WITH_ICONS.fullmatch(c):
        return m["n"] or m["n_"], (f"数字旁的图标不计入数值，图标后的“{m['change'].strip()}”是与上年相比的增减" if m["change"]
                                   else "数字旁的图标不计入数值")
    if m := _AS_MATH.fullmatch(c):
        return m["n"], "数字外的“$”是文档转换工具写出的公式标记，不计入数值"
    if m := _WITH_SHARE.fullmatch(c):
        return m["n"], f"数字后的“{m['share'].strip()}”是所占比例，不计入数值"
    if m := _ARROWED.fullmatch(c):
        sign = "-" if m.group("arrow") in "▼↓△" else ""
        return sign + m.group("n"), f"“{m.group('arrow')}”读作{'减少（负数）' if sign else '增加'}"
    if m := _REPEATED.fullmatch(c):
        return m.group("n"), f"格中印“{m.group('word')}”，取{'上' if m.group('word') == '同上' else '左'}一格的值"
    if m := _BRACKETED_ASIDE.fullmatch(c):
        return m.group("n"), f"数字后括号中的“{m.group('aside').strip()}”是附注（如上年的数、其中数），不计入数值"
    if SPACE_GROUPED.fullmatch(c):
        return re.sub(r"[^\d.]", "", c), "数字中的空格是千位分隔，读作一个数"
    if _APOSTROPHE_GROUPED.fullmatch(c):
        return re.sub(r"['’′]", "", c), "数字中的撇号是千位分隔（如 12'480），读作一个数"
    if _DOT_GROUPED.fullmatch(c):
        return c.replace(".", "").replace(",", "."), "以点分千位、逗号作小数点印出（如 1.245,3），读作一个数"
    if m := _TEXT_NUMBER.fullmatch(c):
        return m.group("n"), "数字前的撇号是表格软件“以文本形式存储的数字”的标记，不计入数值"
    if m := _HANGING_PUNCTUATION.fullmatch(c):
        return m.group("n"), "数字前的标点是上一格末尾悬挂出格的标点（如行名末尾的引号），不计入数值"
    if m := _CHANGE_WORDS.fullmatch(c):
        sign = "-" if m.group("sign") in ("减少", "减", "下降") else ""
        return sign + m.group("n").replace(",", ""), f"“{m.group('sign')}”读作{'负数' if sign else '正数'}"
    if m := _SPELLED_CELL.fullmatch(c):
        import cn2an  # only for the rare table printed in Chinese numerals

        try:
            value = int(cn2an.cn2an(m["n"].replace("两", "二").replace("〇", "零"), "strict"))
        except ValueError:
            return None
        if (m["unit"] == "元" and value) or (m["digits"] and (m["decimals"] or int(m["digits"]) != value)):
            return None  # (壹拾元 in a column of 万元; 二十三（32）: which is the cell's?)
        return str(value) + (f".{m['decimals'].translate(_DECIMAL_DIGITS)}" if m["decimals"] else ""), SPELLED_NOTE
    return None


# Digits grouped by apostrophes (12'480, 4’391: a Swiss or a spreadsheet's locale), or by dots with a decimal comma
# (1.245,3: a European export): one number each, as no other reading has both marks so.
_APOSTROPHE_GROUPED = re.compile(r"[1-9]\d{0,2}(?:['’′]\d{3})+(?:\.\d{1,2})?")
_DOT_GROUPED = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+,\d{1,2}")


# A count in Chinese numerals, its unit after it or not (十九件, 两件, and 零元 in the fee's column: none in any
# unit), and the same count in digits in brackets after it or not (二十三（23）); an amount's decimals after 点
# (壹点伍, 零点零伍: the fee in 万元 written as a cheque writes it).
_SPELLED_CELL = re.compile(rf"(?P<n>{_CHINESE_NUMERAL.pattern})(?:点(?P<decimals>[{_DECIMAL_NUMERALS}]{{1,4}}))?"
                           rf"\s*(?P<unit>{COUNT_UNIT}|元)?(?:\s*[(（]\s*(?P<digits>\d{{1,9}})\s*[)）])?")


def delimiter(line: str) -> str | None:
    """Tabs, or pipes: two or more, or one that opens a row (| 规章 0). One pipe alone between
    spaces inside the line is a table rule OCR read as a glyph (行政强制 160 -1 | 2809)."""
    if "\t" in line:
        return None if _spaces_part_too(line) or _rows_run_together(line.split("\t")) else "\t"
    stripped = line.strip()
    if line.count("|") >= 2 or (line.count("|") == 1 and not stripped.endswith("|")
                                and not re.search(r"\S\s+\|\s+\S", stripped)):
        return "|"
    return None


# Figures, then a row's label (its ordinal, then words: （二）部分公开, 2.重复申请; not an aside in brackets, (无), (上年5)).
_FIGURES_THEN_LABEL = re.compile(r"\s*(?:[-+]?\d[\d,.]*\s+)+(?:[(（][一二三四五六七八九十]{1,3}[)）]"
                                 r"|[一二三四五六七八九十\d]{1,2}[、.．])?\s*[\u4e00-\u9fff]{2}")
_SPACED_CELLS_MIN = 2  # cells of a tab line, at least, so printed for its spaces to part cells too


def _spaces_part_too(line: str) -> bool:
    """Whether a line's cells are parted by spaces as well as by tabs (a typist's mixed keys, or rows run together:
    规章  0  0  0 ⇥ 行政规范性文件 ⇥ 5  0 13; 行政处罚  68 ⇥ 行政强制 1): several of its tab cells print a label and its
    figures, figures and the next row's label, or figures spaced as typed (two spaces somewhere). Read by its tabs,
    each such cell was one value printed so that it reads as none, or a label. A cell reading as one value as printed
    (64 含转办1件: a figure and its note's paragraph) is none of them."""
    spaced = 0
    for cell in line.split("\t"):
        tokens = cell.split()
        if len(tokens) >= 2 and not SPACE_GROUPED.fullmatch(cell.strip()) and spelled_number(cell) is None and (
                (several_numbers(cell) is not None and "  " in cell.strip()) or (_WORDS.search(tokens[0]) and all(
                    _NUMBER.fullmatch(t) or t in NONE_WORDS for t in tokens[1:])) or _FIGURES_THEN_LABEL.match(cell)):
            spaced += 1  # (5  0 13, 规章  0  0  0, or 0 1  11 (二)部分公开; not 5 8 5, a number wrapped a digit a line)
            if spaced >= _SPACED_CELLS_MIN:
                return True
    return False


def _rows_run_together(cells: list[str]) -> bool:
    """Whether a tab line prints rows one after another (规章 ⇥ 0 ⇥ 0 ⇥ 5 ⇥ 行政规范性文件 ⇥ 2 ⇥ 1 ⇥ 30): a label after
    values, values after it. Read by its tabs as one row, the first rows' labels and values were the last one's label."""
    valued = False  # a value printed since the last label
    for k, cell in enumerate(cells):
        c = cell.strip()
        if not c:
            continue
        if is_value_cell(c):
            valued = True
        elif _is_words(c) and (not c[0].isdecimal() or _LIST_NUMBER.match(c)):  # (2.重复申请; not 3件（网上2件）: a
            # value with its aside, no row's label)
            if valued and any(v.strip() and is_value_cell(v) for v in cells[k + 1:]):
                return True
            valued = False
    return False


def line_cells(line: str) -> list[str]:
    """A line's cells as its delimiter parts them (tabs; pipes, the text outside the outer ones left
    out), or its words as spaces part them."""
    sep = delimiter(line)
    if sep == "\t":
        return line.split("\t")
    if sep == "|":
        line = with_pipes_for_rules(line)
        return rules_parted(line.strip().removeprefix("|").removesuffix("|").split("|"))
    return line.split()


# A table rule OCR read as another glyph between two numbers of a pipe table's cell (| 0 [ 0 | 0 |): a border too.
_RULE_IN_CELL = re.compile(r"(?<=\d)\s+[\[\]丨!]\s+(?=\d)")


# 丨 alone between spaces, in a line whose other rules are pipes (行政许可 丨 7 丨 2 | 38 |): a rule OCR read so.
_LONE_CJK_RULE = re.compile(r"(?:(?<=\s)|^)丨(?=\s|$)")


def with_pipes_for_rules(line: str) -> str:
    """A pipe table's line with the rules OCR read as 丨 written as the pipes they are."""
    return _LONE_CJK_RULE.sub("|", line) if "丨" in line else line


# …and at a cell's edge beside a number (| 0 [ |, | 41 ] |): the rule beside the cell.
_RULE_AT_EDGE = re.compile(r"^\s*[\[\]丨!]\s+(?=\d)|(?<=\d)\s+[\[\]丨!]\s*$")


def rules_parted(cells: list[str]) -> list[str]:
    """A pipe table's cells, each parted where OCR read a rule between two of its numbers as [ ] 丨 or !, and without
    one so read at its edge beside a number."""
    if not any(_RULE_IN_CELL.search(cell) or _RULE_AT_EDGE.search(cell) for cell in cells):
        return cells
    # (a label's cell ending in values is read with its rules by ``scan_plain``, every glyph of the row in sight)
    return [part for cell in cells for part in (
        [cell] if _HAN_CHARACTER.search(cell) else _RULE_IN_CELL.split(_RULE_AT_EDGE.sub("", cell)))]


_HAN_CHARACTER = re.compile(r"[\u4e00-\u9fff]")
_RULE_GLYPH_SEEN = re.compile(r"(?:^|\s)[\[\]丨!lI](?=\s|$)")  # (a rule OCR read as another glyph, in the line)


# (-l: a signed 1; ,O and O': a speck of the scan beside it)
_MISREAD_CELL = re.compile(rf"[{re.escape(_EDGE_SPECKS)}]?(?:(?=\D*\d)[\d{re.escape(_DIGIT_LOOKALIKES)}]+"
                           rf"|[-－]?[{_LONE_LOOKALIKES}]+)[{re.escape(_EDGE_SPECKS)}]?")


# A cell printing its column's name above or before its value (结果维持 ⏎ 2, 本年制发件数 ⏎ 9: a Word table's cell with a
# line break; 自然人 6, 本年新制作 2: a row written out as name-value pairs), a table's header row and values in one: the
# names of table 4's results, of table 2's measures (or their first words) and of table 3's columns that may head one.
_HEADED_CELL = re.compile(r"(?:[\u4e00-\u9fff（）()]{2,24}[·・•])?"  # (its group's name before a dot: 行政复议·结果维持0)
                          r"(?P<head>[\u4e00-\u9fff][\u4e00-\u9fff/（）()：:]{1,14}?)\s*[:：]?\s*"
                          r"(?P<value>[-+]?\d[\d,]*(?:\.\d+)?|无|—|/)?")
_COLUMN_HEADS = frozenset({*(w for w, name in forms.T4_HEADER_WORDS if name in {c.id for c in forms.T4_COLUMNS}),
                           *(re.sub(r"[（(].*", "", c.label_zh) for form in forms.FORMS.values() for item in form.t2
                             for c in item.measures), *(c.label_zh for c in forms.T3_COLUMNS)})
_HEAD_PREFIX = 4  # characters a measure's name is printed with at least when its 数量 or 件数 is left off (本年新制作)
# What a line of such cells holds, found in one search: a name's end right before a value in its cell.
_HEAD_SIGN = re.compile(r"(?:结果|维持|纠正|审结|总计|件数|数量|金额|自然人|企业|机构|组织|其他|新制作|新公开|增/减|[)）])"
                        r"\s*[:：]?\s*(?:[-+]?\d|无|—|/)")
_HEADED_MIN = 3  # such cells in a row, at least: one is a label and its value
_LABEL_THEN_HEADED = re.compile(r"(?P<label>.*?[\u4e00-\u9fff)）])\s*[:：]\s*(?P<cell>[\u4e00-\u9fff].*)")


def _bare_head(head: str) -> str:
    """A cell's name without a unit in brackets after it (采购总金额 of 采购总金额（万元）) or a colon."""
    return re.sub(r"[（(][^)）]*[)）]$", "", head).rstrip(":：")


def _column_head(head: str) -> bool:
    """Whether a cell's name is a column's: one of the form's, or a measure's first words (本年新制作 for 本年新制作数量),
    a unit in brackets after it left out (采购总金额（万元）)."""
    name = _bare_head(head)
    return name in _COLUMN_HEADS or (len(name) >= _HEAD_PREFIX and any(h.startswith(name) for h in _COLUMN_HEADS))


def headed_rows(lines: list[str]) -> list[str]:
    """Rows whose cells each print their column's name with their value (结果维持 2 ⇥ 结果纠正 0 ⇥ …, the results'
    header row left out, the groups' above; 规章 ⇥ 本年制发件数 0 ⇥ …; 申请数量：自然人 6｜商业企业 0｜…｜总计 6, parted by
    tabs or bars, the label's colon before the first): their values alone, in the cells' places, tab-parted. Only a
    row of three such cells or more holding values (or a label and two), every cell after the first of them one too (a
    name with no value: a blank) or empty."""
    out = lines
    for k, line in enumerate(lines):
        sep = "\t" if "\t" in line else "|"
        if sep not in line or not _HEAD_SIGN.search(line):
            continue
        cells = line.split(sep)
        if sep == "|" and (m := _LABEL_THEN_HEADED.fullmatch(cells[0].strip())) and _headed(m["cell"]):
            cells[0:1] = [m["label"], m["cell"]]
        found = [(j, m) for j, c in enumerate(cells) if (m := _headed(c)) is not None and (j or m["value"])]
        valued = sum(1 for _, m in found if m["value"])
        # (two are enough after a label when they are the row's every other cell: 采购项目 4｜采购总金额 86.5; one, when
        # it is the row's one cell after its label and names a measure in full: 行政许可 | 本年处理决定数量5051)
        every_other = bool(found) and found[0][0] > 0 and valued == sum(1 for c in cells[1:] if c.strip()) and (
            valued >= 2 or (len(cells) == 2 and _bare_head(found[0][1]["head"]) in _COLUMN_HEADS))
        if not found or (valued < _HEADED_MIN and not every_other) or any(
                c.strip() and _headed(c) is None for c in cells[found[0][0]:]):
            continue
        for j, m in found:
            cells[j] = m["value"] or ""
        if out is lines:
            out = list(lines)
        out[k] = "\t".join(cell.strip() for cell in cells)
    return out


def _headed(cell: str) -> re.Match | None:
    m = _HEADED_CELL.fullmatch(cell.strip())
    return m if m is not None and _column_head(m["head"]) else None


# A cell holding a group's last value and the next group's first after its name (0;未经复议直接起诉:1): a plain view's
# row of table 4, its groups parted by semicolons, its values by commas that part the cells.
_NEXT_GROUP = re.compile(r"(?P<end>\d+)\s*[;；]\s*[\u4e00-\u9fff()（）·・、 ]{2,24}\s*[:：]\s*(?P<start>\d+)")


def _parted_at_next_group(cell: str) -> list[str]:
    """A cell as its values, the next group's name between them left out (``_NEXT_GROUP``); else the cell."""
    m = _NEXT_GROUP.fullmatch(cell)
    return [m["end"], m["start"]] if m else [cell]


def scan_delimited(line: str, sep: str, index: int) -> ValueRow:
    misread_rules = sep == "|" and _RULE_GLYPH_SEEN.search(line) is not None
    if sep == "|":
        line = with_pipes_for_rules(line)
    cells = [c.strip() for c in line.split(sep)]
    if sep == "|":  # the text before the first pipe and after the last is no cell
        stripped = line.strip()
        if stripped.startswith("|"):
            cells = cells[1:]
        if stripped.endswith("|") and len(cells) > 1:
            cells = cells[:-1]
        cells = [c.strip() for c in rules_parted(cells)]
    if any(";" in c or "；" in c for c in cells):
        cells = [piece for c in cells for piece in _parted_at_next_group(c)]
    if _UNIT_CELLS & set(cells):
        cells = _without_unit_cells(cells)
    # The label ends at the last cell with words in it: a cell of digits and marks after it ("1,2",
    # "3(2)") is a value the form has a cell for, printed so that it reads as no number; taken
    # into the label, the row would be a number short and the others split to fill it.
    # A cell of digits and the letters OCR reads for them (Z7, 1O, l4, O) is a value misread, no words.
    last_label = max((i for i, c in enumerate(cells) if _is_words(c) and not _stray_end(cells, i)), default=-1)
    if (labelled := _label_last(cells)) is not None:
        return ValueRow(labelled[0], labelled[1], True, index, width=len(cells))
    if (remarked := _before_remark(cells, last_label)) is not None:
        cells[last_label], last_label = "", remarked
    values = cells[last_label + 1:]
    if last_label >= 0 and _ENDS_IN_VALUE.search(cells[last_label]):
        # The label's cell may end in values spaced off it, the separators before them OCR'd as
        # spaces (行政强制 160 -1 | 2809): they are the row's first cells.
        inside = scan_plain(cells[last_label], index)
        if len(inside) == 1 and inside[0].core and inside[0].cells:
            cells[last_label] = inside[0].label
            # blank cells right after it are the label's spare columns (a label across three, its first value run
            # into it by OCR: 一、本年新收…数量 68 | ∅ | ∅ | 2l | …): the value is the first after them
            spare = len(values) - len(list(itertools.dropwhile(lambda c: not c, values)))
            values = values[:spare] + inside[0].cells + values[spare:] if spare < len(values) else \
                inside[0].cells + values
    label = " ".join(c for c in cells[: last_label + 1] if c)
    if (last_label < 0 or misread_rules) and all(c and is_value_cell(c) for c in values) \
            and any(several_numbers(c) and not SPACE_GROUPED.fullmatch(c.strip()) for c in values):
        # | 3 1 0 1 5 | 1 0 1 1 3 | …: no label, and rules drawn between groups of cells, not between cells; or a
        # scan's row whose rules OCR read as other glyphs too, one lost between two cells (规章 丨 0 0 | 0 |) (with a blank
        # among them, a rule lost between two cells put their numbers in one: ``_resolve``; a PDF's row of tabs puts
        # the numbers of the blank cells below in one of its own: ``_resolve``; 1 862 is one number)
        values = [token for c in values for token in ([c] if SPACE_GROUPED.fullmatch(c.strip()) else c.split())]
    return ValueRow(label, values, True, index, width=len(cells))


# One character, digits beside it or not, in a row's last cell after its values: a seal's fragment over the
# total (8政, 府, 2民 of a 骑缝章 across the 总计 column), an unreadable cell in its place, no label or remark.
_STRAY_GLYPH = re.compile(r"\d{0,3}[\u4e00-\u9fff]\d{0,3}")


def _stray_end(cells: list[str], i: int) -> bool:
    return i == len(cells) - 1 and i >= 2 and bool(_STRAY_GLYPH.fullmatch(cells[i])) and cells[i] not in NONE_WORDS \
        and bool(cells[i - 1]) and is_value_cell(cells[i - 1]) and bool(cells[i - 2]) and is_value_cell(cells[i - 2])


@memoised_when_short(_CELL_MEMO_LENGTH)
def _is_words(cell: str) -> bool:
    return bool(cell) and not is_value_cell(cell) and bool(_WORDS.search(cell)) and not _MISREAD_CELL.fullmatch(cell.strip())


# A 计量单位 column's cell: the unit alone (件, 万元), after the row's values, neither a label nor a value.
_UNIT_CELLS = frozenset([*COUNT_UNIT.split("|"), "万元", "元", "千元", "亿元"])


def _without_unit_cells(cells: list[str]) -> list[str]:
    """The row's cells with a unit column's cells emptied: a unit cell after a number (1932 | 件 | 含…1208件), which
    read as words made the row's label run on to its last words and lose its numbers."""
    first = next((i for i, c in enumerate(cells) if _NUMBER.fullmatch(c)), None)
    if first is None:
        return cells
    return [c if i < first or c not in _UNIT_CELLS else "" for i, c in enumerate(cells)]


def _before_remark(cells: list[str], last_words: int) -> int | None:
    """Where a row's label ends when a cell after its values is a remark (a 备注 column: 规范性文件 | 6件 | 2件 |
    38件 | 详见县政府网站…; 上年5件 | +1件 under 上年同期 | 同比): a label, then values, then words in a cell, values
    or none after it. The remark is no label: read as one, the row lost its numbers and its label ran into the
    next row's. A row of values with no label (table 4's) and a remark after them ends its label before its first
    cell (-1)."""
    if last_words < 0:
        return None
    label = max((i for i in range(last_words) if _is_words(cells[i])), default=-1)
    between = cells[label + 1:last_words]
    if not any(between) or not all(is_value_cell(c) for c in between) \
            or not all(not c or is_value_cell(c) for c in cells[last_words + 1:]):
        return None  # (values after the remark: a 同比 column's +1件 after 上年同期's 上年5件)
    return label if label >= 0 or sum(1 for c in between if c) >= _REMARKED_VALUES else None


_REMARKED_VALUES = 5  # values of a row without a label, at least, before a remark: a row of table 4, not a note
# Words that name one of the form's rows (table 3's, table 2's items, table 4's groups): a row's label, no remark.
_FORM_ROW_WORDS = re.compile("|".join([*_own_row_words(), "本年新收", "上年结转", "予以公开", "部分公开", "总计",
                                       "规章", "规范性文件", "行政许可", "行政处罚", "行政强制", "行政事业性收费",
                                       "行政复议", "直接起诉", "复议后起诉"]))


def _label_last(cells: list[str]) -> tuple[str, list[str]] | None:
    """A row printed with its label after its values (5 | 0 | … | 5 | （一）予以公开 | 三、本年度办理结果: a table whose
    label columns are its last): the label, its outer groups first, and the values; None for any other row (a
    label first; a remark after values, which names no row of the form)."""
    words = [i for i, c in enumerate(cells) if _is_words(c)]
    if not words or words[0] < 1 or any(c and not _is_words(c) for c in cells[words[0]:]):
        return None
    values = cells[:words[0]]
    filled = sum(1 for c in values if c)
    if not filled or not all(is_value_cell(c) for c in values if c):
        return None
    parts = [cells[i] for i in reversed(words)]
    label = " ".join(parts)
    # (one value only before a table-2 item named whole: 412 | ⇥ | ⇥ | 行政许可)
    if filled < 2 and not _T2_ITEM_LABEL.fullmatch(label_core(label)):
        return None
    return (label, values) if _FORM_ROW_WORDS.search(label) else None


_T2_ITEM_LABEL = re.compile(r"(?:行政)?(?:规章|规范性文件|许可|处罚|强制|事业性收费)")


_VALID_NUMBER = r"-?(?:\d+(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:-\d+(?:\.\d+)?)*"
_UNREADABLE = "■□\ufffd"  # what OCR and converters print for a character they could not read (1■: a digit lost)
_LOOK = re.escape(_DIGIT_LOOKALIKES + _NUMBER_PUNCT + _UNREADABLE)
# Every character a token (``_TOKEN_ALTERNATIVES``) can begin with: tried first, so that a position
# in label text fails on one look instead of every alternative (the same matches, in half the time).
_TOKEN_START = (_PURE_RULES + _RULE_OR_ONE + _MINUS_LOOKALIKES + _DIGIT_LOOKALIKES + _NUMBER_PUNCT + "OoDQ〇lISZB/／—–一无-－+"
                + _NUMERAL + "#=＝Nnu{$【«○∅Øø×✕✗╳※●◎△▲☆★◇□■…缺不未持\ufffd" + "XxＸｘ*＊(（[_＿")  # (the last: FILL_IN's)
_TOKEN_ALTERNATIVES = (
    # a mark in place of a number, between spaces (∅, ×, -0-, N/A, 不适用): a cell
    rf"(?P<symbol>(?<!\S)(?:{SYMBOL_CELL.pattern})(?!\S))|"
    # a row's values listed with enumeration commas (：31、4、0、0、1、0、36), or a wrapped row's first part
    # (：4、1、0、0、, its last comma before the line's end): its cells; before a semicolon too (行政复议:1、0、0、0、1;
    # 未经复议直接起诉:…: a group's five, the next group's after it); or with slashes after the label's colon (行政复议:
    # 0/0/0/0/0, a plain view's; not a date)
    r"(?P<listed>[:：]?(?:(?<![^\s:：\u4e00-\u9fff])\d+(?:、\d+){2,}、?|(?<=[:：])\d+(?:、\d+)*、"
    r"|(?<!\S)\d+(?:、\d+)+、"
    r"|(?<=[:：])(?!(?:19|20)\d\d/)\d+(?:/\d+){2,})(?![^\s;；。]))|"
    # a lone rule glyph: a separator, or a misread 1 (decided per row, see _drop_rules)
    rf"(?P<rule>(?<!\S)[{re.escape(_PURE_RULES + _RULE_OR_ONE)}](?!\S))"
    # digits with lookalikes or punctuation glued in (l7, 36B2, 3682., 11,16, 一2), after a space
    # or a label, up to a space: one cell that reads as no number, in its place
    # (412,36万元: up to its unit too, or the part before the comma was read as the amount)
    # (not a label's colon before its number, 本年处理决定数量:9066, once full-width colons are half-width)
    # (83口7, 83口: OCR's 口 for a digit it could not read, after a digit; 窗口12 is a label and its number)
    rf"|(?P<garbled>(?<![^\s\u4e00-\u9fff])(?!{_VALID_NUMBER}(?![^\s万千亿元件条]))"
    rf"(?!(?<=[\u4e00-\u9fff])[:;]{_VALID_NUMBER}(?![^\s万千亿元件条]))"
    rf"[{re.escape(_MINUS_LOOKALIKES)}]?(?=[{_LOOK}]*\d)[\d{_LOOK}]+(?:口[\d{_LOOK}口]*)?(?![^\s万千亿元件条]))"
    # lookalikes alone (O, lO, Z) between spaces: a misread number too, and so is one glued to a
    # word for none (l/, —l): a rule or a 1 beside it, which cannot be told apart
    # (-l: a signed change whose 1 OCR read as a letter)
    rf"|(?P<lookalike>(?<!\S)(?:[-－]?[{_LONE_LOOKALIKES}]+|[{_LOOK}]+[/／—–]+|[/／—–]+[{_LOOK}]+)(?!\S))"
    # 一 alone after a value: a dash OCR read as the character (0 一 2 0), a cell that reads as no number
    rf"|(?P<dash>(?<!\S)一(?=\s+[\d{_NUMERAL}]|\s*$))"
    # +3: a 本年增/减 printed with its sign; 27¹, 35*, 893①: a number with its footnote mark (a PDF's raised digits, a
    # mark the notes under the table explain), read by ``parse_cell`` (the mark alone after it was a row's label)
    rf"|(?P<num>(?:(?<![^\s\d])-|(?<!\S)\+)?{_VALID_NUMBER}[⁰¹²³⁴⁵⁶⁷⁸⁹]*(?:(?:[*※†‡]{{1,2}}|[\u2460-\u2473])(?!\S))?)"
    r"|(?P<none>(?<!\S)(?:无|—+|–|-{1,2}|/|／|－|持平|无变化|无增减)(?!\S))"
    # (2): a change printed in brackets, a decrease (a spreadsheet's accounting format), between spaces after its label
    r"|(?P<bracketed>(?<!\S)[(（]\d+[)）](?!\S))"
    # a Chinese numeral between spaces (三 零 零 十二; 壹 贰): a cell (a table whose cells a full-width space parts)
    rf"|(?P<numeral>(?<!\S)(?:{_CHINESE_NUMERAL.pattern})(?:{COUNT_UNIT}|元)?(?!\S))"
    # what a spreadsheet, a script or a template prints in place of a number (#VALUE!, =SUM(C5:C11), NaN, 【填写】)
    rf"|(?P<placeholder>(?<!\S)(?:{SPREADSHEET_ERROR.pattern}|{_FORMULA_WORD}|{PLACEHOLDER.pattern})(?!\S))"
)
_TOKEN = re.compile(rf"(?=[\d{re.escape(_TOKEN_START)}])(?:{_TOKEN_ALTERNATIVES})")
_LIST_NUMBER = re.compile(r"\d+[.、]")
_LABEL_WORD = re.compile(rf"(?![{_NUMERAL}无])[A-Za-z\u3400-\u9fff]")  # a label's character, no numeral's
# A line of a dash, a space and a number: a minus sign OCR spaced off (- 2), or a none and a number.
_SPACED_MINUS = re.compile(rf"[{re.escape(_MINUS_LOOKALIKES)}]\s+\d+")


class _Rule(str):
    """A lone rule glyph among a row's values, until the row shows what it is."""


def _drop_rules(values: list[str], border: bool) -> list[str]:
    """A row's values without the table rules OCR read as glyphs of their own.

    丨 | [ ] ! are always rules; l and I are rules when the row prints them twice or more, one
    between two values (丨 19 丨 0 丨, l 4526 l 4 l 27 l), else each is a 1 misread and stays
    as a cell that reads as no number. Glyphs alone before the line's first label are its border."""
    rules = [i for i, v in enumerate(values) if isinstance(v, _Rule)]
    if not rules:
        return values
    real = [i for i, v in enumerate(values) if not isinstance(v, _Rule)]
    if border and not real:
        return []
    # (l 6182 l: one glyph on each side of a lone value, as a border draws them, is rules too; l 0 0 0 0 0 l is 1 … 1)
    between = len(rules) >= 2 and bool(real) and (any(real[0] < i < real[-1] for i in rules)
                                                  or (len(real) == 1 and rules[0] < real[0] < rules[-1]
                                                      and values[rules[0]] == values[rules[-1]]))

    def ruled_off(i: int) -> bool:  # (丨 l 丨: a cell of its own between two rules, a 1 misread)
        return 0 < i < len(values) - 1 and all(isinstance(values[k], _Rule) and values[k] in _PURE_RULES for k in (i - 1, i + 1))

    return [str(v) for i, v in enumerate(values)
            if not isinstance(v, _Rule) or not (between or v in _PURE_RULES) or (v not in _PURE_RULES and ruled_off(i))]


def _caption_number(line: str, start: int) -> bool:
    """Whether the number at ``start`` is a table's caption number: 附表3 政府信息公开行政复议…,
    附件2, （详见附件表1）, a figure's a heading refers to (（详见图3、图4）: the tables as pictures), 表3 at
    the start of a line, or the table a part continues (表3-2（续表3-1）)."""
    before = line[max(0, start - 6):start].rstrip()
    return before.endswith(("附表", "附件", "附件表", "见表", "续表")) or (before[-1:] in ("表", "图") and (
        line[:start].strip() in ("表", "图") or _SEE_FIGURE.search(before) is not None))


_SEE_FIGURE = re.compile(r"见[^。；;，,见]{0,4}?[表图]$")  # (见图, 详见图3、图: the figure a number names)


# A section's number at the start of its heading (4.1 行政复议, 2.3 收到申请情况): the label's, no value.
_SECTION_NUMBER = re.compile(r"\d{1,2}\.\d{1,2}")


def _section_number(line: str, m: re.Match) -> bool:
    return (bool(_SECTION_NUMBER.fullmatch(m.group())) and not line[:m.start()].strip()  # (the rare test first: a
            and bool(_WORDS.match(line[m.end():].lstrip())))  # line's other tokens would copy it for each, O(n²))


# A narrow cell's unit wrapped before its count (件0: the 0件 of a cell too narrow for it, as a PDF's text reads
# it), in a row whose other cells print their unit after the count: the unit is no part of the cell.
_UNIT_BEFORE_COUNT = re.compile(r"(?<=\s)(?:" + COUNT_UNIT + r")(?=\d+(?:\s|$))")


_QUOTES_OPEN, _QUOTES_CLOSE = ("“", "‘", '"', "「"), ("”", "’", '"', "」")


# A count's share in brackets right after it (5(27.8%), 12（60%）): an aside, no cell of its own.
_SHARE_ASIDE = re.compile(r"(?<=\d)\s*[（(]\s*[+-]?\d+(?:\.\d+)?\s*[%％]\s*[)）]")
# A share's percent sign, the cell ending with it (60.8% between spaces in a row of counts).
_SPACED_SHARE = re.compile(r"[%％](?=\s|$)")
# A number in brackets right after a cell's (8（9）: a correction a note explains, last year's figure, a change 5（-2）).
_NUMBER_ASIDE = re.compile(r"[（(][+-]?\d{1,9}(?:\.\d+)?[)）](?=\s|$)")
_PLAIN_FIGURE = re.compile(r"\d{1,9}(?:\.\d+)?")
# A note's mark after a label (行政许可（注2）  31576): its number is no value of the row.
_LABEL_NOTE = re.compile(r"(?<=[\u4e00-\u9fff])\s*[（(]\s*注\s*\d{1,2}\s*[)）]")


# A word for none glued to a column's name (本年处理决定数量无, 本年收费金额（单位：万元）无: a card's name and value
# spans run together, as a digit is glued in 本年处理决定数量647): a cell of its own.
_NONE_AFTER_HEADING = re.compile(r"(数量|件数|金额|万元\)|万元）|自然人|商业企业|科研机构|公益组织|服务机构|总计|维持|纠正|"
                                 r"其他结果|尚未审结)(无|—+|/|／)$")
_NONE_ENDS = frozenset("无—/／")


def _word_before(line: str, at: int) -> bool:
    """Whether a Chinese character stands before ``at``, spaces between (looked at back from ``at``, not scanned
    from the line's start: a line of a thousand slashes)."""
    k = at - 1
    while k >= 0 and line[k] in " \t\u3000":
        k -= 1
    return k >= 0 and "\u4e00" <= line[k] <= "\u9fff"


def scan_plain(line: str, index: int) -> list[ValueRow]:
    """Space-separated or unseparated text: alternate label text and values.

    A digit before ``.`` or ``、`` and label text is a label number (``1.属于``, ``1. 属于``);
    a number before a unit (``29件``), in brackets or after 附表 (a caption's) is prose, unless spaced off
    with only cells after it (``行政许可 256件``)."""
    if _SPACED_MINUS.fullmatch(line.strip()):  # a cell of its own line: one cell, that reads as no number
        return [ValueRow("", [line.strip()], False, index)]
    if _UNIT_BEFORE_COUNT.search(line) and _COUNT_WITH_UNIT.search(line):
        line = _UNIT_BEFORE_COUNT.sub(" ", line)
    if line[-1:] in _NONE_ENDS:
        line = _NONE_AFTER_HEADING.sub(r"\1 \2", line)
    if "注" in line:
        line = _LABEL_NOTE.sub("", line)
    if "%" in line or "％" in line:
        line = _SHARE_ASIDE.sub("", line)
    rows: list[ValueRow] = []
    label: list[str] = []
    values: list[str] = []
    pos = 0

    def close(border: bool = False) -> None:
        if not values:
            return
        kept = _drop_rules(list(values), border and not label and not rows)
        values.clear()
        if kept:
            rows.append(ValueRow(" ".join(label).strip(), kept, False, index))
            label.clear()

    def text(fragment: str) -> None:
        if fragment.strip():
            close(border=True)
            label.append(fragment.strip())

    for m in _TOKEN.finditer(line):
        if m.start() < pos:
            continue  # (inside what a token before took: 8（9）'s 9)
        text(line[pos:m.start()])
        pos = m.end()
        token = m.group()
        kind = m.lastgroup  # the alternative that matched (each matches at least a character)
        if kind == "rule":
            values.append(_Rule(token))
            continue
        if kind == "listed":
            values += token.lstrip(":：").rstrip("、").split("/" if "/" in token else "、")
            continue
        if kind == "placeholder" or kind == "symbol":
            values.append(token)  # (a cell of the row, in its place, that prints no number)
            continue
        if kind == "garbled" or kind == "lookalike":
            if _LIST_NUMBER.fullmatch(token) and _WORDS.match(line[m.end():].lstrip()):
                text(token)  # "1. 属于": the label's number
            else:
                values.append(token)
            continue
        if kind == "none" and not (values or label or rows) and _WORDS.match(after := line[m.end():].lstrip()) \
                and not is_value_cell(after.split(maxsplit=1)[0]):
            text(token)  # "无 要另行制作 57 …": a character of a group's label set down the column (（四）无法提供)
            continue
        if kind == "numeral" and ((not (values or rows) and all(len(part) == 1 for part in label)
                                   and _LABEL_WORD.search(line, m.end()))
                                  or line[:m.start()].rstrip().endswith(("(", "（"))
                                  or line[m.end():].lstrip().startswith((")", "）", "、"))):
            text(token)  # (a group's label set down the column a character a line: 三 / （一）予以公开 …, 、 四 政府信息 (四
            # after 、 of 三、本年…); a label's number spaced out: ( 二 ) 部分公开)
            continue
        if kind == "none" and token in "/／" and _word_before(line, m.start()) \
                and _WORDS.match(line[m.end():].lstrip()):
            text(token)  # (未经复议直接起诉 / 复议后起诉: a slash between two names parts them, says no none)
            continue
        if kind == "bracketed":
            if (values or label) and not _WORDS.match(line[m.end():].lstrip()):
                values.append(token)  # (行政处罚 23 (2) 76: the change, -2; not (2) 部分公开, a label's number)
            else:
                text(token)
            continue
        if kind == "none" or (kind == "dash" and (values or label)):
            values.append(token)  # (一 after the label, numerals after it: 行政规范性文件 一 零 五)
            continue
        if kind == "dash":
            text(token)
            continue
        after = line[m.end():m.end() + 2]
        before = line[m.start() - 1] if m.start() else ""
        if after[:1] in (".", "、") and after[1:2].strip() and not after[1:2].isdigit() and token.isdigit():
            if len(token) > 1:  # "00000001.属于": a run, then the label number
                values.append(token[:-1])
            text(token[-1])
            continue
        money = MONEY_UNIT.match(line, m.end())
        if money and before not in ("第", "〔", "[", "(", "（"):
            values.append(token + money.group(1))  # the amount keeps its printed unit
            pos = money.end()
            continue
        if _PLAIN_FIGURE.fullmatch(token) and (aside := _NUMBER_ASIDE.match(line, m.end())):
            values.append(token + aside.group())  # 8（9）, 5（-2）: the cell with its bracket, read by ``spelled_number``
            pos = aside.end()
            continue
        if values and (not before or before.isspace()) and (share := _SPACED_SHARE.match(line, m.end())):
            values.append(token + share.group())  # (48 60.8% 23: a count's share spaced off after it, a cell of its own)
            pos = share.end()
            continue
        counted = _SPACED_COUNT.match(line, m.end()) if token.isdigit() and (not before or before.isspace()) else None
        if counted:
            values.append(token + counted.group("unit"))
            pos = counted.end()
            continue
        if (before in ("第", "〔", "[", "(", "（") or after[:1] in ("〕", "]") or _UNIT_AFTER.match(line, m.end())
                or (before in _QUOTES_OPEN and after[:1] in _QUOTES_CLOSE)  # (由“56”修订为“65”: an erratum's quote)
                or _caption_number(line, m.start()) or _section_number(line, m)):
            text(token)
            continue
        values.append(token)
    text(line[pos:])
    close()
    if label:
        rows.append(ValueRow(" ".join(label).strip(), [], False, index))
    return rows


def _sentence_end(line: str) -> int:
    """Where the line's last sentence ends (0 when none does). A 。 ends a sentence (共计85。), except
    where OCR put it for a decimal point or glued it to a number of its own: between digits (4。0),
    or after a number that starts the line or follows a space or a pipe (… -3 1600。, 0。 in a cell)."""
    end = 0
    for m in re.finditer("。", line):
        if line[m.end():m.end() + 1].isdigit():
            continue
        start = m.start()
        while start > 0 and (line[start - 1].isdigit() or line[start - 1] in ".,-"):
            start -= 1
        if start == m.start() or (start > 0 and not line[start - 1].isspace() and line[start - 1] not in "|"):
            end = m.end()
    return end


# What begins a row's label: its number (一、 (二) 3.).
# A row label's number (1 .属于: a plain line's, parted so by the scan).
ROW_START = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、.]|\([一二三四五六七八九十\d]{1,3}\)|\d{1,2} ?[.、])")


def _wrapped_above(pending: str, row: ValueRow, rows: list[ValueRow]) -> bool:
    """Whether the label lines before a labelled row are the start of its label, wrapped over lines
    (一、本年新收政府信息公开申请 / 数量 3 0 0 0 0 0 3): they begin with a row's number and its own
    label does not, and they are no label printed after the numbers above them (PDF text)."""
    return (bool(pending) and bool(ROW_START.match(pending)) and not ROW_START.match(row.label.lstrip())
            and not (rows and not rows[-1].label and rows[-1].after))


_ALIGNMENT_ROW = re.compile(r"\|?(?:\s*:?-{3,}:?\s*\|)+\s*(?::?-{3,}:?\s*)?")


# A line beginning with a count's unit and the clause's end: the rest of a count wrapped onto it.
_WRAPPED_COUNT = re.compile(r"^\s*(?:" + COUNT_UNIT + r")\s*(?:[,，。;；、:：)）]|$)")
def _wrapped_count(line: str, following: list[str]) -> bool:
    """Whether a line is a sentence a PDF wrapped inside its count (引发行政复议10件、行政诉讼8 / 件，具体如下表。):
    it ends in a number, a clause mark stands before it with no cell border after, and the next
    line begins with the count's unit."""
    if not line.rstrip()[-1:].isdigit() or not _WRAPPED_COUNT.match(next((n for n in following if n.strip()), "")):
        return False
    mark = max(line.rfind(c) for c in ",，、;；。")
    return mark >= 0 and "\t" not in line[mark:] and "|" not in line[mark:]


_HALF_VALUES = 3  # values on each side of a line, at least, for a table printed in two halves side by side
_HALVED_LINES = 3  # lines so printed, at least
_HALF_SEPARATORS = 2 * (_HALF_VALUES + 1) - 1  # a line of fewer cells is no two rows (not split: looked at no more)


def _half_start(cells: list[str]) -> int | None:
    """Where the right half of a delimited line begins when it prints a row, then another as wide (a label and
    values, then a label, an empty group cell before it or not, and values); None for a line of one row (a label
    and values, a remark after them; table 4's three groups, a label before each group's values)."""
    width = len(cells)
    if width < 2 * (_HALF_VALUES + 1):
        return None
    for start in sorted({width // 2, (width + 1) // 2}):
        if _is_words(cells[start]):
            label = start
        elif start + 1 < width and not cells[start].strip() and _is_words(cells[start + 1]):
            label = start + 1
        else:
            continue
        left = [k for k in range(start) if cells[k] and is_value_cell(cells[k])]
        if len(left) < _HALF_VALUES or any(_is_words(cells[k]) for k in range(left[0], start)):
            continue
        if sum(1 for cell in cells[label + 1:] if cell and is_value_cell(cell)) >= _HALF_VALUES:
            return start
    return None


def halves_in_turn(lines: list[str]) -> list[tuple[int, str]]:
    """A table printed in two halves side by side (table 3's rows 一 to (三)8 on the left, (四) to 四 on the
    right, a row of each on a line): every line's left half in turn, then every line's right half, as the halves'
    rows run, each with its line's number; any other table's lines as they are."""
    seps = [delimiter(line) for line in lines]
    cells = [line_cells(line) if sep and line.count(sep) >= _HALF_SEPARATORS else None for line, sep in zip(lines, seps)]
    starts = [start for c in cells if c is not None and (start := _half_start(c)) is not None]
    if len(starts) < _HALVED_LINES:
        return list(enumerate(lines))
    split = min(starts)
    left = [(i, sep.join(c[:split]) if c is not None and sep else line)
            for i, (line, sep, c) in enumerate(zip(lines, seps, cells)) if c is None or any(c[:split])]
    right = [(i, "\t".join(c[split:])) for i, c in enumerate(cells) if c is not None and any(c[split:])]
    return left + right


# A spreadsheet's sheet named by default (Sheet4, 工作表2), printed alone as its pages' header.
_SHEET_NAME_LINE = re.compile(r"\s*(?:Sheet|sheet|工作表)\s*\d{1,3}\s*")


def scan_lines(lines: list[str], offset: int = 0) -> list[ValueRow]:
    """Rows of a table region. Prose sentences (ending in 。) are skipped; a
    label printed on a line of its own is kept for a following unlabelled row."""
    rows: list[ValueRow] = []
    pending = ""
    last_label = ""
    for i, line in halves_in_turn(lines):
        checkpoint()
        if not line.strip() or (line[-1:].isdigit() and _SHEET_NAME_LINE.fullmatch(line)):
            continue  # (a printed sheet's header, Sheet4: its number no row's)
        if line[-1:].isdigit() and _wrapped_count(line, lines[i + 1:i + 3]):
            continue  # prose
        end = _sentence_end(line)
        if end and (said := _cell_saying_none(line)) is not None:
            line, end = said, 0  # (a grid's one cell over the table, 本年度未发生…案件。: a cell, no sentence of prose)
        if end:
            line = line[end:]
            if not line.strip():
                continue
        sep = delimiter(line)
        if sep == "|" and _ALIGNMENT_ROW.fullmatch(line.strip()):
            continue  # a Markdown table's | --- | :---: | line: no row of the table
        found = [scan_delimited(line, sep, offset + i)] if sep else scan_plain(line, offset + i)
        if not sep and line.strip() == DASH_OR_ONE and (_lone_value(lines, i - 1) or _lone_value(lines, i + 1)):
            found = [ValueRow("", [DASH_OR_ONE], False, offset + i)]  # 一 among cells a line (〇 ␤ 一 ␤ 〇): a cell
        elif not sep and len(line) < 80 and (core := line.strip()) and len(core) == 1 and _set_down_numeral(lines, i):
            found = [ValueRow(line.strip(), [], False, offset + i)]
        elif not sep and found and found[0].label in _SET_DOWN and found[0].has_values:
            found[0].label = ""  # (本 5 0 0 0 0 0 5: a character of 三、本年度办理结果 beside a row's numbers, its label
            # wrapped around them: the numbers are the row's whose label lines are above and below)
        for row in found:
            if not row.has_values:
                pending = (pending + " " + row.label).strip()[-80:]
                if rows and not rows[-1].label and not rows[-1].after and row.label \
                        and offset + i - rows[-1].line <= _AFTER_REACH:
                    rows[-1].after = row.label
                last_label = row.label or last_label
                if row.delimited and row.cells:
                    rows.append(row)  # a printed row whose cells are all empty
                continue
            if not row.core:
                row.extra_label = pending
                row.before = last_label if pending else ""
            elif _wrapped_above(pending, row, rows):
                row.label = f"{pending} {row.label}"
            pending = ""
            last_label = ""
            rows.append(row)
    return rows


def _cell_saying_none(line: str) -> str | None:
    """A grid's row of one cell saying in a sentence that nothing happened, its others empty (a merged cell over table
    4: 本年度未发生行政复议、行政诉讼案件。), without its full stop; None for any other line."""
    first, tab, rest = line.partition("\t")
    statement = first.strip().rstrip("。")
    if not tab or rest.strip() or not first.strip().endswith("。") or len(statement) > 40:
        return None
    return statement + tab + rest if NONE_STATEMENT.fullmatch(statement) else None


# Lines from a value to a label printed after it that may be its own (the next line, or the one after a blank):
# a label further down, past a page's break, is the next row's.
_AFTER_REACH = 2


# Characters of table 3's group heading 三、本年度办理结果, which a PDF's text sets down the column a character a line.
_SET_DOWN = frozenset("、本年度办理结果")


def _set_down_numeral(lines: list[str], k: int) -> bool:
    """Whether line ``k`` is a heading's numeral alone, set down its column a character a line beside the rows (三、本年度
    办理结果: 三 ␤ 、 ␤ (二)部分公开…, 三 ␤ 、 2.其他法律… 0 0 …, 三 ␤ 1.属于国家秘密 0 0 … ␤ 、; （三）不予公开: ( ⇥ 1.属 ␤ 、 ␤
    … ␤ 三 ␤ …): a label's piece, not a count printed in Chinese, where a 、 or a bracket stands alone beside it, on
    one of the two lines before or after, or its brackets alone above and below it. (No sentence, no list of cells,
    puts a 、 or a bracket alone so.)"""
    return (len(lines[k].strip()) == 1 and lines[k].strip() in _NUMERAL
            and (any(_SET_DOWN_COMMA.match(line) for line in lines[k + 1:k + 3])
                 or any(_SET_DOWN_MARK.search(line) for line in (*lines[max(0, k - 2):k], *lines[k + 1:k + 3]))
                 or (any(_SET_DOWN_OPEN.search(line) for line in lines[max(0, k - _SET_DOWN_REACH):k])
                     and any(_SET_DOWN_CLOSE.search(line) for line in lines[k + 1:k + 1 + _SET_DOWN_REACH]))))


_SET_DOWN_COMMA = re.compile(r"\s*、(?:\s|$)")
_SET_DOWN_MARK = re.compile(r"(?:^|\s)[(（)）、](?:\s|$)")
# (（三） spread over the rows of its group: ( and ) a few lines from its numeral, each alone as a cell)
_SET_DOWN_OPEN = re.compile(r"(?:^|\s)[(（](?:\s|$)")
_SET_DOWN_CLOSE = re.compile(r"(?:^|\s)[)）](?:\s|$)")
_SET_DOWN_REACH = 12  # lines a set-down heading's bracket may stand from its numeral (its rows' labels wrapped between)


def _lone_value(lines: list[str], k: int) -> bool:
    """Whether line ``k`` is one value cell alone (a table crawled a cell a line)."""
    return 0 <= k < len(lines) and bool(cell := lines[k].strip()) and " " not in cell and is_value_cell(cell) \
        and cell != DASH_OR_ONE


_SECTION_OF_NUMBER = {"二": "t2", "三": "t3", "四": "t4", "五": "t5", "六": "t6"}
_BARE_NUMBER = re.compile(r"\s*(?:0?(?P<digit>[1-9])|(?P<numeral>[一二三四五六七八九]))\s*")


_NUMBER_OF_SECTION = {table: numeral for numeral, table in _SECTION_OF_NUMBER.items()}
_UNNUMBERED_HEADING_MAX = 30  # characters of a section's name printed alone on its line, at most


def numbered_headings(lines: list[str]) -> list[str]:
    """A section's number on a line of its own before its name (an editor's badge: 三 / 收到和处理政府信息
    公开申请情况, 03 / …) joined into the heading the form prints (三、收到和处理…); a section's whole name alone on its
    line, printed with no number (收到和处理政府信息公开申请情况), numbered as the form numbers it."""
    out: list[str] = []
    number = None  # the line before, when it is a bare number
    for line in lines:
        numeral = (number["numeral"] or "〇一二三四五六七八九"[int(number["digit"])]) if number else None
        table = _SECTION_OF_NUMBER.get(numeral) if numeral else None
        if table is not None and SECTION_HEADINGS[table].match(f"{numeral}、{line.strip()}"):
            out[-1], number = f"{numeral}、{line.strip()}", None
            continue
        if len(name := line.strip().rstrip("：:")) <= _UNNUMBERED_HEADING_MAX and name[:1] in _UNNUMBERED_FIRST and (
                table := next((t for t, n in _NUMBER_OF_SECTION.items() if SECTION_HEADINGS[t].fullmatch(f"{n}、{name}")),
                              None)):
            line = f"{_NUMBER_OF_SECTION[table]}、{name}"
        out.append(line)
        number = _BARE_NUMBER.fullmatch(line) if len(line) <= 4 else None
    return out


_UNNUMBERED_FIRST = frozenset("主收政存其")  # the first characters of the form's sections' names (a cheap first look)


# Spaces an OCR engine put between some Chinese characters of a line (Tesseract's words: 四、 政 府信息 公开行政复议).
_SPACE_IN_WORDS = re.compile(r"(?<=[\u4e00-\u9fff、])[ \u3000]+(?=[\u4e00-\u9fff、])")
_SPACED_HEADING_MAX = 60  # characters of a heading's line, spaces and all
_HEADING_NUMERALS = frozenset("二三四五六23456")  # what a section heading begins with


def _undecorated(line: str) -> str:
    """A section heading without the symbols around it (★, ▶, ◆, emoji: characters of Unicode's other symbols); any other
    line as it is."""
    if not line or not (_is_symbol(line.lstrip()[:1]) or _is_symbol(line.rstrip()[-1:])):
        return line
    core = line.strip()
    while core and (_is_symbol(core[0]) or core[0].isspace()):
        core = core[1:]
    while core and (_is_symbol(core[-1]) or core[-1].isspace()):
        core = core[:-1]
    return core if _ANY_HEADING.match(core) else line


def _is_symbol(char: str) -> bool:
    return bool(char) and unicodedata.category(char) == "So"


def _whole_heading(line: str) -> str:
    """A section heading an OCR engine spaced here and there inside its words, joined again; any other line as it is."""
    if (" " not in line or len(line) > _SPACED_HEADING_MAX or line.lstrip()[:1] not in _HEADING_NUMERALS
            or _ANY_HEADING.search(line)):
        return line
    joined = _SPACE_IN_WORDS.sub("", line)
    return joined if _ANY_HEADING.search(joined) else line


def split_headings(lines: list[str]) -> list[str]:
    """Put each section heading on a line of its own (crawls often run them in), joined where an OCR engine spaced it,
    without the symbols a chat's copy decorates it with (★ 三、收到和处理… ★, 📌四、…)."""
    out: list[str] = []
    for line in map(_whole_heading, map(_undecorated, lines)):
        starts = sorted({m.start() for m in _ANY_HEADING.finditer(line) if m.start() > 0}) \
            if any(word in line for word in HEADING_WORDS.values()) else ()
        if not starts:
            out.append(line)
            continue
        prev = 0
        for s in starts:
            out.append(line[prev:s])
            prev = s
        out.append(line[prev:])
    return out


def _first(pattern: re.Pattern[str], lines: list[str], start: int = 0, end: int | None = None) -> int | None:
    words = required_words(pattern)  # (only the lines that hold them are searched)
    for i in range(start, len(lines) if end is None else end):
        if holds_words(lines[i], words) and pattern.search(lines[i]):
            return i
    return None


def locate(lines: list[str]) -> Layout:
    """Find the regions of tables 2, 3 and 4 by headings, falling back to the
    form's own labels when a heading is missing or garbled. When the sections hold no table (二、主动公开…
    （见附表）, 数据见表二导出), the tables are looked for again after the report's last section."""
    lines = _continued_t3_in_place(without_row_numbers(split_headings(without_errata(lines))))
    layout = _corrected_tables(_latest_year_parts(Layout(lines, _regions(lines))))
    printed = [table for table in layout.regions if any(row.has_values for row in layout.rows(table))]
    missing = [start for table, (start, _) in layout.regions.items() if table not in printed]
    if not missing and layout.regions and any(table not in layout.regions for table in _TABLES):
        missing = [min(start for start, _ in layout.regions.values())]  # (表二、表三 见附件 after the report, 表四 in it)
    if missing and (first := min(missing)) > 0:
        # Tables in an appendix (附件's text), one printed in the body above it (a picture's text): that one there; and
        # tables printed above their sections, as 附件1–3 before the report's text.
        body = Layout(lines, _regions(lines[:first]))
        earlier = {table: body.regions[table] for table in _TABLES if table not in printed and table in body.regions
                   and any(row.has_values for row in body.rows(table))}
        if earlier:
            layout = Layout(lines, {**layout.regions, **earlier}, corrected=layout.corrected)
            printed += list(earlier)
    if missing := [table for table in layout.regions if table not in printed]:
        # A blank form (样表, the template the report was filled from) printed before the filled tables: each blank
        # table's filled one after it.
        after = max(layout.regions[table][1] for table in missing)
        later = Layout(lines, _regions(lines, after))
        filled = {table: later.regions[table] for table in missing if table in later.regions
                  and any(row.has_values for row in later.rows(table))}
        if filled:
            layout = Layout(lines, {**layout.regions, **filled}, corrected=layout.corrected)
            printed += list(filled)
    if len(printed) == len(_TABLES) or (last := _last_section(lines, layout)) is None:
        return layout
    appended = Layout(lines, _regions(lines, last))
    if not any(layout.rows(table) for table in layout.regions):
        return appended if any(appended.rows(table) for table in appended.regions) else layout
    # One table moved to an appendix after the last section (二、 says 见附表, 表二 after the signature), the others
    # in place: that one's region there.
    moved = {table: appended.regions[table] for table in _TABLES if table not in printed and table in appended.regions
             and any(row.has_values for row in appended.rows(table))}
    return Layout(lines, {**layout.regions, **moved}, corrected=layout.corrected) if moved else layout


_TABLES = ("t2", "t3", "t4")
# A caption saying the rows below go on with a table above (续表, 表3（续）, 续表三, （接上表）, （上接第4页）续表：).
_CONTINUED_CAPTION = re.compile(r"[\s（(]*(?:上接第?\s*\d+\s*页[)）]?\s*)?"
                                r"(?:接上表|续上表|续表\s*[三3]?|表\s*[三3]\s*[（(]\s*续\s*[)）])[\s)）:：]*")
_CONTINUED_REACH = 3  # lines after the caption table 3's rows go on from, at most (its header printed again)


def _continued_t3_in_place(lines: list[str]) -> list[str]:
    """The lines with table 3's second part moved back to the end of its first, where table 4's section (or more)
    stands between the two and a caption says the rows go on (（接上表）, 表3（续）): read where they stood, its last rows
    were in table 4's region and table 3 lost them."""
    t4 = _first(SECTION_HEADINGS["t4"], lines)
    if t4 is None or _first(SECTION_HEADINGS["t3"], lines, 0, t4) is None:
        return lines
    end = _first(SECTION_HEADINGS["t5"], lines, t4) or len(lines)
    for k in range(t4 + 1, end):
        if not _CONTINUED_CAPTION.fullmatch(lines[k]) or not any(
                _T3_ROW.search(line) for line in lines[k + 1:k + 1 + _CONTINUED_REACH]):
            continue
        stop = next((j for j in range(k + 1, end) if _ANY_HEADING.search(lines[j]) or _T4_ANCHOR.search(lines[j])),
                    end)
        return lines[:t4] + lines[k:stop] + lines[t4:k] + lines[stop:]
    return lines

# What captions a table printed again after the report as its corrected version (更正后的表三, 表四（修订后）).
_CORRECTED_TABLE = re.compile(r"(?:更正|修订|修正|勘误)后的?(?:表|[^。；;\t|《]{0,20}情况)"
                              r"|表[二三四2-4][^。；;\t|]{0,20}[（(](?:更正|修订)后?[）)]")
_CORRECTED_LEAD = 2  # lines above a table's region its corrected caption may stand on (or below, above its rows)


def _corrected_tables(layout: Layout) -> Layout:
    """The layout with a table's region moved to its corrected version, when an erratum after the report's last
    section prints that table again, captioned as corrected (现将表三更正如下：更正后的表三…): the report's figures are
    the corrected ones, the original's in place superseded."""
    lines = layout.lines
    last = _last_section(lines, layout)
    if last is None or not _CORRECTED_TABLE.search("\n".join(lines[last:])):
        return layout
    appended = Layout(lines, _regions(lines, last))
    corrected = {}
    for table, (start, end) in appended.regions.items():
        first = next((row.line for row in appended.rows(table) if row.has_values), None)
        if table in layout.regions and start > layout.regions[table][0] and first is not None \
                and any(_CORRECTED_TABLE.search(lines[k]) for k in range(max(last, start - _CORRECTED_LEAD), first)):
            corrected[table] = (start, end)
    return Layout(lines, {**layout.regions, **corrected}, corrected=tuple(corrected)) if corrected else layout


# A part of a section printing one year's table (（一）2020年度, （二）2021年度: a report of two years combined).
_PART_LEAD = 2  # lines above a table's region its first part's name may stand on (the section's heading between)
_YEAR_PART = re.compile(r"^\s*[（(][一二三四五六]\s*[)）]\s*(?P<year>(?:19|20)\d{2})\s*年度?\s*(?:情况|数据)?\s*$")


def _latest_year_parts(layout: Layout) -> Layout:
    """The layout with each table's region narrowed to its latest year's part, when the section prints a table a year
    under parts numbered and named by their years (a report of 2020 and 2021 combined, each year on its own form):
    the report's year is the latest, and its tables that year's."""
    regions = dict(layout.regions)
    for table, (start, stop) in layout.regions.items():
        parts = [(k, int(m["year"])) for k in range(max(0, start - _PART_LEAD), stop)
                 if (m := _YEAR_PART.match(layout.lines[k]))]  # (the first part's name may stand above the region)
        if len({year for _, year in parts}) < 2:
            continue
        latest = max(year for _, year in parts)
        begin = next(k for k, year in parts if year == latest)
        end = next((k for k, _ in parts if k > begin), stop)
        regions[table] = (begin, end)
    return layout if regions == layout.regions else Layout(layout.lines, regions)


# A statistics form's column of row numbers (行次 1…25, 01…25, 序号 1.1…5.1) beside the labels, and its row of column
# numbers under the header (栏次: 甲 乙 丙 1 2 3 …): no values of the form's.
_ROW_NUMBER_HEADS = frozenset({"行次", "行号", "序号", "编号", "代码", "栏号", "栏次"})
_ROW_NUMBER = re.compile(r"\d{1,3}(?:\.\d{1,3}){0,3}")
_COLUMN_LETTERS = frozenset("甲乙丙丁戊")


def without_row_numbers(lines: list[str]) -> list[str]:
    """The lines with a statistics form's 行次 cells emptied, and its 栏次 lines: below a grid's header line naming
    a column 行次 (序号, 代码), each line of no more cells has its number in that column left out (1, 01, 2.3). In a
    row whose figures are all blank, the row's number was read as its first figure (行次 5 as 自然人's 5); in table 2
    beside a unit (件 | 3 | 26418), as its value; and the column numbers (甲 乙 1 2 3) as table 2's figures."""
    text = "".join(lines)
    if not any(head in text for head in _ROW_NUMBER_HEADS) and not ("甲" in text and "乙" in text):
        return _without_unnamed_numbers(lines)
    out = list(lines)
    # the header's delimiter, its number of cells, the 行次 cell's place, and whether the place is taken out of the rows
    column: tuple[str, int, int, bool] | None = None
    for k, line in enumerate(lines):
        delimiter = "\t" if "\t" in line else "|" if line.count("|") >= 2 else None
        if delimiter is None:
            if column and _ANY_HEADING.search(line):
                column = None  # (the next section's table numbers no rows unless its header says so: 1 | 0 | 0 | 0 | 1
                # under 行政复议 is its five values)
            continue
        cells = line.split(delimiter)
        heads = ["".join(cell.split()) for cell in cells]
        if (found := next((i for i, head in enumerate(heads) if head in _ROW_NUMBER_HEADS), None)) is not None:
            # (a header of one line, a row of numbers next: the place is taken out, header and rows, so that a row
            # whose empty cells at its end were left off keeps its values under their names; a header of several
            # lines keeps its places)
            below = next((other.split(delimiter) for other in lines[k + 1:] if other.strip()), [])
            alone = (k == 0 or delimiter not in lines[k - 1]) and len(below) > found \
                and bool(_ROW_NUMBER.fullmatch("".join(below[found].split())))
            column = (delimiter, len(cells), found, alone)
            cells[found:found + 1] = [] if alone else [""]  # (the header's word is no column of the form's)
            out[k] = delimiter.join(cells)
        elif _column_numbers([head for head in heads if head]):
            out[k] = ""
        elif column and delimiter == column[0] and column[2] < len(cells) <= column[1] \
                and _ROW_NUMBER.fullmatch(heads[column[2]]):
            cells[column[2]:column[2] + 1] = [] if column[3] else [""]  # (a row whose empty cells at its end were left
            out[k] = delimiter.join(cells if len(cells) > 1 else [*cells, ""])  # off is as much the grid's)
    return _without_unnamed_numbers(out)


_NUMBERED_ROWS_MIN = 6  # rows whose cells at one place count 1, 2, 3 … at least: a column numbering them


def _without_unnamed_numbers(lines: list[str]) -> list[str]:
    """The lines of a statistics export's grid without its numbering that no header names: a line of the columns'
    numbers alone (1 2 3 … 7 under the header), and a place whose cells count the rows 1, 2, 3 … down the table, each
    its row's first number (a 行次 column whose header cell is empty). They were read as values, every row a column
    off."""
    if "\t" not in "".join(lines):
        return lines
    out = list(lines)
    for k, line in enumerate(lines):
        cells = [c.strip() for c in line.split("\t")] if "\t" in line else []
        numbers = [c for c in cells if c]
        if len(numbers) >= _NUMBERED_ROWS_MIN - 1 and all(c.isdecimal() for c in numbers) \
                and [int(c) for c in numbers] == list(range(1, len(numbers) + 1)):
            out[k] = ""  # (a row of values counting 1 … 7 breaks its own sums: no table's row)
    runs: list[tuple[int, list[int]]] = []  # each run's place and the lines counting there 1, 2, 3 …
    counting = False  # whether the last row of numbers went on with the last run
    for k, line in enumerate(out):
        cells = [c.strip() for c in line.split("\t")] if "\t" in line else []
        first = next((p for p, c in enumerate(cells) if c.isdecimal()), None)
        if first is None:
            continue  # (a label's line, a heading: the count goes on after it)
        if counting and runs[-1][0] == first and int(cells[first]) == len(runs[-1][1]) + 1:
            runs[-1][1].append(k)
        elif counting := cells[first] == "1":  # (a row of numbers not going on with the count ends it)
            runs.append((first, [k]))
    for place, numbered in runs:
        if len(numbered) < _NUMBERED_ROWS_MIN:
            continue
        # (under a header of one line, empty at the place: the place taken out of both, so that a row whose empty
        # cells at its end were left off keeps its values under their names; else only the number)
        taken_out: dict[int | None, bool] = {}
        for k in numbered:
            header = next((h for h in range(k - 1, -1, -1) if "\t" in out[h] and h not in numbered), None)
            if header not in taken_out:
                heads = out[header].split("\t") if header is not None else []
                taken_out[header] = header is not None and len(heads) > place and not heads[place].strip() \
                    and not any(c.isdecimal() for c in heads) and (header == 0 or "\t" not in out[header - 1])
                if taken_out[header]:
                    out[header] = "\t".join(heads[:place] + heads[place + 1:])
            cells = out[k].split("\t")
            cells[place:place + 1] = [] if taken_out[header] else [""]
            out[k] = "\t".join(cells if len(cells) > 1 else [*cells, ""])  # (its cells all empty: a row still)
    return out


def _column_numbers(cells: list[str]) -> bool:
    """Whether a line's cells are a form's column numbers: 甲 乙 丙 (or 栏次), then consecutive numbers."""
    letters = len(cells) - len([c for c in cells if c.isdecimal()])
    numbers = [int(c) for c in cells[letters:] if c.isdecimal()]
    named = cells[:letters] == ["栏次"] or (letters > 0 and set(cells[:letters]) <= _COLUMN_LETTERS)
    return named and bool(numbers) and len(numbers) == len(cells) - letters \
        and numbers == list(range(numbers[0], numbers[0] + len(numbers)))


def _last_section(lines: list[str], layout: Layout) -> int | None:
    """The line of the report's last section heading after the tables' (六、其他需要报告的事项, or 五、)."""
    after = max((start for start, _ in layout.regions.values()), default=0)
    found = _first(SECTION_HEADINGS["t6"], lines, after)
    return found if found is not None else _first(SECTION_HEADINGS["t5"], lines, after)


# A caption or sentence setting another year's table beside the report's, for comparison (为便于对比，现将上一年度
# （2022年）…情况一并列示如下; 附表：2022年度…（对比参考，非本年度数据）): the rows after it are that year's.
_COMPARED_TABLE = re.compile(r"(?:上一?年度?|去年|往年|(?:19|20)\d{2}\s*年)[^。；;|\t]{0,60}?(?:对比|比较|参考|非本年度)"
                             r"|(?:对比|比较|参考)[^。；;|\t]{0,40}?(?:上一?年度?|去年|往年|(?:19|20)\d{2}\s*年)"
                             r"[^。；;|\t]{0,40}?(?:列示|列出|附后|如下)")
_FIGURES_ROW = re.compile(r"(?:\d+(?:\s*[\t|]\s*|\s+)){3,}\d")


def _before_compared_table(lines: list[str], start: int, end: int) -> int:
    """Where a region ends when another year's table follows the report's own in it: at that table's caption, once
    the region has printed rows of figures (a comparison in the prose above the table is no caption)."""
    if not _COMPARED_TABLE.search("\n".join(lines[start + 1:end])):
        return end  # (nearly every region: one look at its text)
    figures = False
    for k in range(start + 1, end):
        if figures and _COMPARED_TABLE.search(lines[k]):
            return k
        figures = figures or bool(_FIGURES_ROW.search(lines[k]))
    return end


def _regions(lines: list[str], start: int = 0) -> dict[str, tuple[int, int]]:
    """The tables' regions, looked for from line ``start``."""
    regions = {}
    n = len(lines)
    t2 = _first(_T2_ANCHOR, lines, start)
    if t2 is not None:  # a table whose 第二十条 is in its later rows' labels only (行政许可（第二十条第五项）): its header
        heading = _first(SECTION_HEADINGS["t2"], lines, start, t2)
        above = (_first(pattern, lines, heading or start, t2) for pattern in (_T2_HEADER, _T2_ROW))
        t2 = min((t2, *(k for k in above if k is not None)))
    if t2 is None:
        t2 = _first(SECTION_HEADINGS["t2"], lines, start)
    if t2 is None:
        t2 = _first(_T2_HEADER, lines, start)
    if t2 is None:  # its headings and headers left out (tables pasted bare after the prose): its first row
        t2 = _first(_T2_ROW, lines, start)
    t3 = _first(SECTION_HEADINGS["t3"], lines, t2 or start)
    if t3 is None and (t3 := _first(_T3_ANCHOR, lines, t2 or start)) is not None:
        header = _first(_T3_HEADER_WORDS, lines, t2 or start, t3)  # its header above its first row, and its caption
        t3 = _start_of_heading(lines, t2 or start, header) if header is not None else t3
    if t3 is None and t2:  # tables as attachments in another order (附件1 is table 3, 附件2 table 2)
        before = _first(_T3_FORM_LABEL, lines, start, t2)
        t3 = _start_of_heading(lines, start, before) if before is not None else None
    if t3 is None:  # captioned short (表三 依申请公开) above rows labelled short (新收, 结转)
        t3 = _first(_SHORT_CAPTIONS["t3"], lines, t2 or start)
    if t3 is None:  # its heading and first rows lost (a crawl's missing page): from its first row left
        t3 = _first(_T3_ROW, lines, t2 or start, _first(SECTION_HEADINGS["t4"], lines, t2 or start))
    t4 = _first(SECTION_HEADINGS["t4"], lines, max(t3 or start, t2 or start))
    if t4 is None and t3 is not None:
        t4 = _first(_SHORT_CAPTIONS["t4"], lines, t3 + 1)
    if t4 is None and t3 is not None:
        forward = _first(re.compile(r"结转下年度"), lines, t3)
        if forward is not None:
            t4 = _first(_T4_ANCHOR, lines, forward + 1)
            t4 = _t4_header_above(lines, forward + 1, t4) if t4 is not None else None
        if forward is not None and t4 is None:  # no heading or header: its one row of 15 figures right after
            t4 = _first(_T4_BARE_ROW, lines, forward + 1, min(len(lines), forward + 4))
    if t4 is None and t3 is not None:  # printed before table 3 (a crawl's pages out of order: 1, 3, 2; 附件1 table 4,
        # 附件2 table 3, captioned with no number)
        t4 = _first(SECTION_HEADINGS["t4"], lines, t2 or start, t3)
        t4 = _first(_T4_CAPTION, lines, t2 or start, t3) if t4 is None else t4
    if t4 is None and t2 is not None and t2 > start:  # before table 2 too: appended 表三, 表一, 表二, captioned so
        t4 = _first(_T4_CAPTION, lines, start, t2)
    if t4 is None and (first := min((k for k in (t2, t3) if k is not None), default=start)) > start:
        t4 = _bare_t4_header(lines, start, first)  # first of all with no heading or caption: its header
    # Table 2 alone after tables 3 and 4 (二、 says 见附表; 表二 after 六、 or after the signature), no table 3 after it
    # (a compilation's next report would print its own): the report's, to the end; the others end at 五、 as usual.
    moved_t2 = (t2 is not None and t3 is not None and t4 is not None and t2 > max(t3, t4)
                and _first(_T3_ANCHOR, lines, t2) is None)
    after = max((start for start in ((t3, t4) if moved_t2 else (t2, t3, t4)) if start is not None), default=None)
    t5 = _first(SECTION_HEADINGS["t5"], lines, after) if after is not None else None
    if t5 is None and after is not None:
        t5 = _first(SECTION_HEADINGS["t6"], lines, after)
    end = t5 if t5 is not None else n
    if t5 is None and t4 is not None and t4 == after and (following := _first(_T2_ANCHOR, lines, t4 + 1)) is not None:
        end = _start_of_heading(lines, t4, following)  # tables alone: another report's table 2 after this one's 4
    elif t4 is not None and t4 == after and (again := _first(SECTION_HEADINGS["t2"], lines, t4 + 1, end)) is not None:
        # the report's sections again after table 4, before its 五、 (a blank form, 样表, printed above the report's
        # text): table 4 ends where the text begins
        overview = _first(_OVERVIEW_HEADING, lines, t4 + 1, again)
        end = overview if overview is not None else again
    if t2 is not None:
        later = [start for start in (t3, t4) if start is not None and start > t2]
        regions["t2"] = (t2, min(later) if later else n if moved_t2 else end)
    if t3 is not None:
        later = [start for start in (t2, t4) if start is not None and start > t3]
        regions["t3"] = (t3, min(later) if later else end)
    if t4 is not None and t3 is not None and t4 < t3:  # (out of order: to its own 五、 or the next table)
        following = min(begin for begin in (t2, t3) if begin is not None and begin > t4)
        own_end = _first(SECTION_HEADINGS["t5"], lines, t4, following)
        regions["t4"] = (t4, own_end if own_end is not None else following)
    elif t4 is not None:
        regions["t4"] = (t4, _past_next_heading(lines, t4, end))
    return {table: (first, _before_compared_table(lines, first, last)) for table, (first, last) in regions.items()}


_PLACED_AFTER_REACH = 3  # lines after the next section's heading table 4's header may begin on, when it stands there


def _past_next_heading(lines: list[str], t4: int, end: int) -> int:
    """Where table 4's region ends: at 五、 as a rule; past it, at 六、, where nothing but the heading stands between 四、
    and 五、 and table 4's header begins right under 五、 (an editor who put the table below the next heading)."""
    if end >= len(lines) or any(line.strip() for line in lines[t4 + 1:end]):
        return end
    below = [k for k in range(end + 1, len(lines)) if lines[k].strip()][:_PLACED_AFTER_REACH]
    if not any(_T4_ANCHOR.search(lines[k]) or _T4_RESULTS_HEADER.search(lines[k]) for k in below):
        return end
    following = _first(SECTION_HEADINGS["t6"], lines, end + 1)
    return following if following is not None else len(lines)


# A heading line above a table: no cells, no figure but a year (…2023年…年度报告统计表, 表二 主动公开…).
_HEADING_LINE = re.compile(r"[^\t|\d]*(?:(?:19|20)\d{2}\s*年度?[^\t|\d]*)?")


def _start_of_heading(lines: list[str], after: int, at: int) -> int:
    """Where the headings above line ``at`` begin (its report's title and the table's caption), not
    before line ``after``."""
    while at - 1 > after and _HEADING_LINE.fullmatch(lines[at - 1]):
        at -= 1
    return at


# A count in a spreadsheet's 数值 format: one or two decimals, all 0 (1,274.00, 45.0). One such cell among
# whole numbers may be OCR's point inside 400; a table printing most of its numbers so is formatted, and so is
# a row printing every one of its numbers so (a spreadsheet formats rows, or a range of them).
_ZERO_DECIMALS = re.compile(r"(?P<n>-?\d{1,3}(?:,\d{3})+|-?\d+)\.00?")
_FORMATTED_MIN = 10
_SPACED_ZERO_DECIMALS = re.compile(r"(?<!\S)(?P<n>-?\d{1,3}(?:,\d{3})+|-?\d+)\.00?(?!\S)")
_FORMATTED_ROW_MIN = 3  # numbers a row prints at least, each with zero decimals, to be a formatted row


def without_zero_decimals(lines: list[str]) -> tuple[list[str], int]:
    """The lines with the zero decimals of a formatted table's cells dropped (1,274.00 → 1,274), and how many
    were: in each table (a run of rows of cells: tabs, pipes) where most numbers print them (table 4 pasted
    from a spreadsheet, the others typed), and in each row whose numbers all do; else the lines as they are."""
    if sum(line.count(".0") for line in lines) < _FORMATTED_MIN:  # one look, for nearly every report
        return lines, 0
    out, dropped = list(lines), 0
    # (counted without a statistics form's numbering, 行次 1, 2, 3 … and 栏次: whole numbers, no counts of the table's)
    counted = without_row_numbers(lines)
    rows = [(k, sep) for k, line in enumerate(lines) if (sep := delimiter(line)) is not None]
    tables = [[row for _, row in table]  # runs of consecutive lines
              for _, table in itertools.groupby(enumerate(rows), key=lambda item: item[1][0] - item[0])]
    if _formatted(counted, rows) is not None:  # every table so (an export, its headers parting short tables)
        tables = [rows]
    formatted_rows = set()
    for table_rows in tables:
        whole = _formatted(counted, table_rows) is not None
        formatted_rows.update(row for row in table_rows if whole or _formatted_row(lines[row[0]].split(row[1])))
    for k, sep in sorted(formatted_rows):
        cells = lines[k].split(sep)
        dropped += _zero_decimal_cells(cells)
        out[k] = sep.join(m.group("n") if (m := _ZERO_DECIMALS.fullmatch(cell.strip())) else cell for cell in cells)
    # A fixed-width text (a spreadsheet printed to text, its cells parted by spaces): where most numbers standing
    # alone print them, every such number; elsewhere each row whose numbers all do.
    delimited = {k for k, _ in rows}
    spaced = {k: found for k, line in enumerate(lines) if k not in delimited and ".0" in line
              and (found := len(_SPACED_ZERO_DECIMALS.findall(line)))}
    formatted = sum(spaced.values())
    everywhere = formatted >= _FORMATTED_MIN and formatted * 2 >= sum(
        1 for k in spaced for token in lines[k].split() if _NUMBER.fullmatch(token))
    for k, found in spaced.items():
        if everywhere or (found >= _FORMATTED_ROW_MIN and _formatted_row(lines[k].split())):
            dropped += len(_SPACED_ZERO_DECIMALS.findall(lines[k]))
            out[k] = _SPACED_ZERO_DECIMALS.sub(r"\g<n>", lines[k])
    return (out, dropped) if dropped else (lines, 0)


def _zero_decimal_cells(cells: list[str]) -> int:
    return sum(1 for cell in cells if _ZERO_DECIMALS.fullmatch(cell.strip()))


def _formatted_row(cells: list[str]) -> bool:
    numbers = [cell.strip() for cell in cells if _NUMBER.fullmatch(cell.strip())]
    return len(numbers) >= _FORMATTED_ROW_MIN and all(_ZERO_DECIMALS.fullmatch(number) for number in numbers)


def _formatted(lines: list[str], rows: list[tuple[int, str]]) -> int | None:
    """How many numbers of the rows (line numbers, delimiters) print zero decimals, when most do."""
    cells = [cell.strip() for k, sep in rows for cell in lines[k].split(sep)]
    numbers = sum(1 for cell in cells if _NUMBER.fullmatch(cell))
    formatted = sum(1 for cell in cells if _NUMBER.fullmatch(cell) and _ZERO_DECIMALS.fullmatch(cell))
    return None if formatted < _FORMATTED_MIN or formatted * 2 < numbers else formatted
