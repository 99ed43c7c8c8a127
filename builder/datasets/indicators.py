"""Derived indicators (shares of outcomes, correction rates, year-over-year change), described once as data.

An indicator is a sum of cells, or a ratio of two sums, over the cells of the
prescribed form. Cells are named by patterns over the public cell ids
(``t3.denied.*.total``), so one definition serves both forms. An indicator is
evaluated only from usable cells: a missing, blank or ambiguous input makes it
null (never 0), and a ratio whose denominator is under the indicator's minimum
is kept but flagged as too small to rank.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from fnmatch import fnmatchcase
from functools import cache

from .. import forms
from ..checks import USABLE
from ..extraction.layout import approximate
from ..forms import GOV_2019, GOV_2021

COUNT, RATIO = "件", "比例"
# Flags, in the order they are written.
UNUSABLE = "input_unusable"  # an input cell is missing, blank or ambiguous: the value is null
ZERO = "zero_denominator"  # the denominator is 0: the ratio is null
NEGATIVE = "negative_denominator"  # the inputs contradict each other (e.g. more pending than total): null
SMALL = "small_denominator"  # under the minimum denominator: shown, never ranked
INFERRED = "inferred_input"  # an input was inferred from the form's identities, not printed
NO_PREVIOUS = "no_previous_year"  # year-over-year: the agency has no report for the year before
APPROXIMATE = "approximate_input"  # an input was printed as approximate or a bound (500余, 约30): read as its number
# Appended last: a flag's bit in the site's compare data is its place here.
FLAGS = (UNUSABLE, ZERO, NEGATIVE, SMALL, INFERRED, NO_PREVIOUS, APPROXIMATE)
FLAG_ZH = {UNUSABLE: "输入单元格缺失、空白或有歧义", ZERO: "分母为 0", NEGATIVE: "分母为负数，表中数字相互矛盾",
           SMALL: "分母过小，不参与排名", INFERRED: "含推出的单元格", NO_PREVIOUS: "没有上一年度的报告",
           APPROXIMATE: "含约数或下限（如“500余”），按所印数字计"}
YOY_SUFFIX = ".yoy"


@dataclass(frozen=True)
class Terms:
    """A sum of cells: ``plus`` minus ``minus``, each a tuple of cell-id patterns."""

    plus: tuple[str, ...]
    minus: tuple[str, ...] = ()

    def resolve(self, template: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        return _expand(self.plus, template), _expand(self.minus, template)

    def as_text(self) -> str:
        return " + ".join(self.plus) + "".join(f" − {m}" for m in self.minus)


@cache
def _ids(template: str) -> tuple[str, ...]:
    return tuple(c.id for c in forms.cells(template))


@cache  # every report of a template resolves the same patterns
def _expand(patterns: tuple[str, ...], template: str) -> tuple[str, ...]:
    ids = _ids(template)
    return tuple(cell for pattern in patterns for cell in ids if fnmatchcase(cell, pattern))


@dataclass(frozen=True)
class Indicator:
    id: str
    name_zh: str
    name_en: str
    formula_zh: str
    formula_en: str
    numerator: Terms
    denominator: Terms | None  # None: the indicator is a count, the numerator itself
    min_denominator: int = 0
    templates: tuple[str, ...] = (GOV_2021, GOV_2019)

    @property
    def unit(self) -> str:
        return RATIO if self.denominator else COUNT

    @property
    def formula(self) -> str:
        """The formula as data: cell-id patterns, one line a reader can recompute."""
        top = self.numerator.as_text()
        return f"({top}) / ({self.denominator.as_text()})" if self.denominator else top


_HANDLED = Terms(("t3.new_received.total", "t3.carried_over.total"))
_TOTAL = Terms(("t3.total.total",))


def _share(id_: str, zh: str, en: str, rows: tuple[str, ...], row_zh: str) -> Indicator:
    return Indicator(
        id_, f"{zh}占比", f"share {en}", f"表三总计列：{row_zh} ÷（七）总计", f"table 3, total column: {en} / total",
        Terms(tuple(f"t3.{r}.total" for r in rows)), _TOTAL, 10)


def _correction(group: str, zh: str, en: str) -> Indicator:
    return Indicator(
        f"{group}_correction_rate", f"{zh}纠错率", f"{en} correction rate",
        f"表四{zh}：结果纠正 ÷ 审结（审结 = 总计 − 尚未审结）",
        f"table 4, {en}: corrected / decided (decided = total − pending)",
        Terms((f"t4.{group}.corrected",)), Terms((f"t4.{group}.total",), (f"t4.{group}.pending",)), 5)


INDICATORS: tuple[Indicator, ...] = (
    Indicator("applications_received", "本年新收申请", "applications received", "表三：本年新收（总计列）",
              "table 3: new requests received (total column)", Terms(("t3.new_received.total",)), None),
    Indicator("applications_handled", "办理申请", "applications handled", "表三：本年新收 + 上年结转（总计列）",
              "table 3: new requests received + carried over (total column)", _HANDLED, None),
    _share("granted_share", "予以公开", "granted", ("granted",), "予以公开"),
    _share("partially_granted_share", "部分公开", "partially granted", ("partially_granted",), "部分公开"),
    _share("denied_share", "不予公开", "denied", ("denied.*",), "不予公开各项之和"),
    _share("unable_share", "无法提供", "unable to provide", ("unable.*",), "无法提供各项之和"),
    _share("not_processed_share", "不予处理", "not processed", ("not_processed.*",), "不予处理各项之和"),
    _share("other_share", "其他处理", "other handling", ("other", "other.*"), "其他处理（各项）"),
    Indicator("carried_forward_share", "结转下年度占比", "share carried forward",
              "表三总计列：结转下年度继续办理 ÷（本年新收 + 上年结转）",
              "table 3, total column: carried forward / (new received + carried over)",
              Terms(("t3.carried_forward.total",)), _HANDLED, 10),
    _correction("admin_review", "行政复议", "administrative review"),
    _correction("litigation_direct", "行政诉讼（未经复议直接起诉）", "litigation without prior review"),
    _correction("litigation_after_review", "行政诉讼（复议后起诉）", "litigation after review"),
)
INDICATOR_INDEX = {i.id: i for i in INDICATORS}


@dataclass
class Value:
    """One indicator of one report."""

    report_id: str
    indicator_id: str
    value: float | int | None
    numerator: float | int | None = None
    denominator: float | int | None = None
    flags: tuple[str, ...] = ()
    cells: tuple[str, ...] = ()
    compared_with: str | None = None  # year-over-year: the previous year's report

    def as_row(self) -> tuple:
        """A row of the ``indicators`` table (its cells follow from the definition and the report's form)."""
        return (self.report_id, self.indicator_id, self.value, self.numerator, self.denominator,
                " ".join(self.flags) or None, self.compared_with)


def _usable(report, cell: str) -> bool:
    c = report.cells.get(cell)
    return c is not None and c.status in USABLE and c.value is not None


def _sum(report, plus: tuple[str, ...], minus: tuple[str, ...]) -> float | int:
    return sum(report.cells[c].value for c in plus) - sum(report.cells[c].value for c in minus)


def _ordered(flags: Iterable[str]) -> tuple[str, ...]:
    seen = set(flags)
    return tuple(f for f in FLAGS if f in seen)


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def evaluate(indicator: Indicator, report) -> Value:
    """An indicator of one report, from its usable cells only."""
    top, top_minus = indicator.numerator.resolve(report.template)
    bottom, bottom_minus = indicator.denominator.resolve(report.template) if indicator.denominator else ((), ())
    cells = top + top_minus + bottom + bottom_minus
    result = Value(report.report_id, indicator.id, None, cells=cells)
    if not top or (indicator.denominator and not bottom) or not all(_usable(report, c) for c in cells):
        result.flags = (UNUSABLE,)
        return result
    flags = [INFERRED] if any(report.cells[c].status == "inferred" for c in cells) else []
    if any(approximate(report.cells[c].raw) for c in cells):
        flags.append(APPROXIMATE)
    numerator = _number(_sum(report, top, top_minus))
    if indicator.denominator is None:
        result.value, result.numerator, result.flags = numerator, numerator, _ordered(flags)
        return result
    denominator = _number(_sum(report, bottom, bottom_minus))
    result.numerator, result.denominator = numerator, denominator
    if denominator < indicator.min_denominator:
        flags.append(SMALL)
    if denominator <= 0:
        flags.append(ZERO if denominator == 0 else NEGATIVE)
    else:
        result.value = round(numerator / denominator, 6)
    result.flags = _ordered(flags)
    return result


def year_over_year(indicator: Indicator, now: Value, before: Value | None) -> Value:
    """This year's value minus last year's (percentage points as a fraction for ratios)."""
    result = Value(now.report_id, indicator.id + YOY_SUFFIX, None, cells=now.cells)
    if before is None:
        result.flags = (NO_PREVIOUS,)
        return result
    result.compared_with = before.report_id
    flags = {f for f in (*now.flags, *before.flags) if f != NO_PREVIOUS}
    if now.value is None or before.value is None:
        if not flags & {UNUSABLE, ZERO, NEGATIVE}:
            flags.add(UNUSABLE)
    else:
        result.value = _number(round(now.value - before.value, 6))
        result.numerator, result.denominator = now.value, before.value
    result.flags = _ordered(flags)
    return result


def evaluate_corpus(reports: list) -> list[Value]:
    """Every indicator of every templated report, with its year-over-year change
    against the same agency's report of the year before, in report-id order."""
    own: dict[tuple[str, int], dict[str, Value]] = {}
    for report in reports:
        own[(report.agency.agency_id, report.year)] = {
            i.id: evaluate(i, report) for i in INDICATORS if report.template in i.templates}
    out: list[Value] = []
    for report in sorted(reports, key=lambda r: r.report_id):
        values = own[(report.agency.agency_id, report.year)]
        before = own.get((report.agency.agency_id, report.year - 1), {})
        for indicator in INDICATORS:
            if indicator.id in values:
                out.append(values[indicator.id])
                out.append(year_over_year(indicator, values[indicator.id], before.get(indicator.id)))
    return out


def definition_rows() -> list[tuple]:
    """The catalogue as rows of ``indicator_definitions``, year-over-year companions included."""
    out = []
    for i in INDICATORS:
        templates = " ".join(i.templates)
        out.append((i.id, i.name_zh, i.name_en, i.formula_zh, i.formula_en, i.formula, i.unit,
                    i.min_denominator or None, templates, None))
        out.append((i.id + YOY_SUFFIX, f"{i.name_zh}同比变化", f"{i.name_en}, change on the previous year",
                    f"本年度“{i.name_zh}”减去同一机关上一年度的值" + ("（百分点以小数表示）" if i.denominator else ""),
                    f"this year's {i.name_en} minus the same agency's value the year before",
                    f"{i.id}(y) − {i.id}(y−1)", i.unit, i.min_denominator or None, templates, i.id))
    return out
