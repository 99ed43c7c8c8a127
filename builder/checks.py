"""Consistency checks (勾稽关系 and more): a catalogue of rules, each a small unit.

Every rule has an id, a severity, titles and a formula in words, and an
evaluator registered beside it. A rule is evaluated per instance (column, row,
group, stated figure), so a failure names its cells, both sides and the
difference. Missing, blank or ambiguous cells make an instance
``not_applicable``; they are never read as 0.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache

from . import forms
from .codebook import FORM_NAME_ZH, labels
from .extraction.layout import approximate
from .extraction.metadata import (
    FUTURE,
    INSTITUTION,
    arabic_years,
    locate_region,
    names_one_body,
    read_title,
    signature_name,
    titles_above_body,
    without_teasers,
)
from .extraction.narrative import KEY_LABELS, in_aside
from .extraction.narrative import sentences as narrative_sentences  # (of lines other than the document's)
from .forms import GOV_2019, GOV_2021, PRE_2019, Identity

PASS, FAIL, NA = "pass", "fail", "not_applicable"
OUTCOMES = (PASS, FAIL, NA)
SEVERITIES = ("error", "warning", "info")
BADGES = ("一致", "不一致", "存疑", "无表格")
USABLE = frozenset({"reported", "none", "repaired", "inferred"})


@dataclass
class Result:
    """One evaluated instance of a rule."""

    id: str
    severity: str
    outcome: str
    instance: str = ""
    cells: list[str] = field(default_factory=list)
    left: float | int | None = None
    right: float | int | None = None
    detail_zh: str = ""  # for readers: the form's labels, values, years; why not applicable
    detail_en: str = ""  # the same with cell ids, for developers
    summary_zh: str = ""  # the sentence a badge quotes, for a failing instance

    def as_json(self) -> dict:
        return {
            "id": self.id, "instance": self.instance, "severity": self.severity, "outcome": self.outcome,
            "cells": self.cells, "left": self.left, "right": self.right, "detail_zh": self.detail_zh,
            "detail_en": self.detail_en,
        }


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    title_zh: str
    title_en: str
    formula_zh: str
    formula_en: str
    templates: tuple[str, ...]
    scope: str  # "report" or "corpus" (needs the same agency's other years)
    evaluate: Callable[..., list[Result]]
    # What an instance says, by message key: (Chinese, English) str.format templates.
    messages: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    neighbours: Neighbours | None = None  # the other agencies whose reports it reads

    def message(self, key: str) -> tuple[str, str]:
        return self.messages[key] if key in self.messages else COMMON_MESSAGES[key]

    def as_json(self) -> dict:
        return {
            "id": self.id, "severity": self.severity, "title_zh": self.title_zh, "title_en": self.title_en,
            "formula_zh": self.formula_zh, "formula_en": self.formula_en, "templates": list(self.templates),
            "scope": self.scope, "messages": {k: {"zh": zh, "en": en} for k, (zh, en) in self.messages.items()},
        }


# Messages every rule can say; a rule's own table may override them.
COMMON_MESSAGES: dict[str, tuple[str, str]] = {
    "needs_corpus": ("需要同一机关其他年度的报告才能核对（核对整个语料时进行）",
                     "{rule}: needs the same agency's other years (run `check` on the corpus)"),
    "folded": ("{passed} 项通过，{failed} 项未通过，{na} 项不适用{first_na}",
               "{rule}: {passed} pass, {failed} fail, {na} not applicable{first_na}"),
    "unusable": ("{place}无法核对：{why}", "{rule}.{instance}: {why}"),
}


def say(rule_id: str, outcome: str, instance: str = "", cells: list[str] | None = None,
        left=None, right=None, *, message: str, **params) -> Result:
    """One result of a rule, its detail in both languages from the rule's message templates,
    and for a failing instance the one-line summary a badge quotes (the rule's "summary" template).
    A parameter given as a (Chinese, English) pair fills each language with its half."""
    rule = RULE_INDEX[rule_id]
    zh, en = rule.message(message)
    zh_params: dict = {"rule": rule_id, "instance": instance}
    en_params = zh_params.copy()
    for key, value in params.items():
        if isinstance(value, tuple):
            zh_params[key], en_params[key] = value[0], value[1]
        else:
            zh_params[key] = en_params[key] = value
    summary = rule.messages["summary"][0].format(**zh_params) if message == "fail" and "summary" in rule.messages else ""
    return Result(rule_id, rule.severity, outcome, instance, cells or [], left, right, zh.format(**zh_params),
                  en.format(**en_params), summary)


# --- helpers -------------------------------------------------------------------


def _num(value: float | int | None) -> str:
    if type(value) is int:  # most values: counts
        return str(value)
    if value is None:
        return "—"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _usable(report, cell: str) -> bool:
    c = report.cells.get(cell)
    return c is not None and c.status in USABLE and c.value is not None


# Why an unusable cell cannot be checked, as a reader is told it.
_UNUSABLE_ZH = {"blank": "为空白", "missing": "在报告中没有", "ambiguous": "有多种读法、未能确定"}


def _why_not(report, cells: Iterable[str]) -> tuple[str, str]:
    """The unusable cells among ``cells``, in Chinese (form labels) and English (ids)."""
    bad = [(c, report.cells[c].status if c in report.cells else "missing") for c in cells if not _usable(report, c)]
    zh = "、".join(f"{_label(c)}{_UNUSABLE_ZH.get(s, '未能读出')}" for c, s in bad[:3])
    en = ", ".join(f"{c} is {s}" for c, s in bad[:3])
    if len(bad) > 3:
        zh, en = zh + f"（另有 {len(bad) - 3} 格）", en + f" and {len(bad) - 3} more"
    return zh, en


def _why_across(report, now: list[str], prev, before: list[str]) -> tuple[str, str]:
    """Unusable cells in this year's report and last year's, each year named."""
    now_zh, now_en = _why_not(report, now)
    prev_zh, prev_en = _why_not(prev, before)
    zh = "；".join(filter(None, [now_zh and f"{report.year} 年报告中{now_zh}",
                                prev_zh and f"{prev.year} 年报告中{prev_zh}"]))
    en = "; ".join(filter(None, [now_en, prev_en and f"in {prev.report_id}: {prev_en}"]))
    return zh, en


def _label(cell: str) -> str:
    """A cell's place in the form, in Chinese: 表三 不予公开·属于国家秘密·自然人."""
    c = labels().get(cell)
    return c.label_zh if c else cell


_ROW_ZH = {r.id: r.label_zh for r in forms.T3_ROWS_2021 + forms.T3_ROWS_2019}
_COL_ZH = {c.id: c.label_zh for c in forms.T3_COLUMNS}
_GROUP_ZH = {g.id: g.label_zh for g in forms.T4_GROUPS}
_TERM_ZH = {"new_received": "本年新收", "carried_over": "上年结转", "total": "办理结果总计",
            "carried_forward": "结转下年度继续办理"}


def _identity_label(identity: Identity) -> str:
    """The row, column or group as printed, for the badge summary."""
    if identity.check == "t4.group_sums":
        return _GROUP_ZH[identity.instance]
    if identity.check == "t3.total_cols":
        return _ROW_ZH[identity.instance]
    return _COL_ZH[identity.instance]


def _identity_place(identity: Identity) -> str:
    """The row, column or group an identity is about, as the form names it."""
    first = labels()[identity.whole[0]]
    if identity.check == "t3.total_cols":
        return f"{first.row_place_zh}一行"
    if identity.check == "t4.group_sums":
        return first.row_zh
    return f"{first.column_zh}一列"


def _term_zh(identity: Identity, cell: str) -> str:
    """A summand's name within its identity: the column in a row sum, the row in a column sum."""
    label = labels()[cell]
    if identity.check in ("t3.total_cols", "t4.group_sums"):
        return label.column_zh
    if identity.check == "t3.balance":
        return _TERM_ZH[label.row]
    return label.row_place_zh


def _term_zh_whole(identity: Identity) -> str:
    """The total a single-cell sum is compared with."""
    return "（七）总计" if identity.check == "t3.total_rows" else "总计"


@dataclass(frozen=True, eq=False)  # one per identity (``_sum_of``): equal and hashed as itself, cheaply
class _Sum:
    """What evaluating one identity needs that is fixed per identity: its cells, and what its
    sentences call its place, its row/column/group and its terms (worked out once, not per report)."""

    identity: Identity
    cells: tuple[str, ...]
    place: str
    label: str
    parts: tuple[str, ...]
    whole: tuple[str, ...]
    whole_zh: str  # a single-cell total, as its sentence names it


@cache
def _sum_of(identity: Identity) -> _Sum:
    return _Sum(identity, identity.cells, _identity_place(identity), _identity_label(identity),
                tuple(_term_zh(identity, c) for c in identity.parts),
                tuple(_term_zh(identity, c) for c in identity.whole), _term_zh_whole(identity))


@cache
def _template_sums(template: str, check: str) -> tuple[_Sum, ...]:
    """The sums of one rule on one form, in check order."""
    return tuple(_sum_of(i) for i in forms.identities(template) if i.check == check)


def _sum_zh(names: tuple[str, ...], values: list, skip_zeros: bool) -> str:
    """``自然人 4 + 商业企业 0 …``; a long sum (21 rows of results) lists only what is not 0."""
    if not skip_zeros:
        return " + ".join(f"{name} {_num(v)}" for name, v in zip(names, values))
    shown = [f"{name} {_num(v)}" for name, v in zip(names, values) if v]
    zeros = len(values) - len(shown)
    if not shown:
        return f"各项（{zeros} 项）均为 0"
    return " + ".join(shown) + (f"（其余 {zeros} 项均为 0）" if zeros else "")


# A sum's result depends on nothing but its identity and its cells' statuses and values (their
# types and signs too: 0 and 0.0 print alike but are kept apart), and the same sums recur from
# report to report (columns of 0s): a few results are remembered, each caller given its own copy.
_SUMS_SEEN: dict[tuple, Result] = {}
_SUMS_SEEN_SIZE = 8192


def evaluate_identity(report, identity: Identity) -> Result:
    """Both sides of one sum, or not_applicable naming the unusable cells."""
    return _evaluate_sum(report, _sum_of(identity))


def _evaluate_sum(report, total: _Sum) -> Result:
    cells = report.cells
    found = [cells.get(c) for c in total.cells]
    key = (total, tuple([None if v is None else (v.status, v.value if type(v.value) is int else repr(v.value), v.note)
                         for v in found]))
    result = _SUMS_SEEN.get(key)
    if result is None:
        result = _evaluated(report, total, found)
        if len(_SUMS_SEEN) >= _SUMS_SEEN_SIZE:
            del _SUMS_SEEN[next(iter(_SUMS_SEEN))]  # the oldest
        _SUMS_SEEN[key] = result
    return Result(result.id, result.severity, result.outcome, result.instance, list(result.cells), result.left,
                  result.right, result.detail_zh, result.detail_en, result.summary_zh)


def _evaluated(report, total: _Sum, found: list) -> Result:
    identity = total.identity
    cells = list(total.cells)
    check, instance = identity.check, identity.instance
    if not all(v is not None and v.status in USABLE and v.value is not None for v in found):
        return say(check, NA, instance, cells, message="unusable", place=total.place, why=_why_not(report, cells))
    parts = [v.value for v in found[:len(identity.parts)]]
    whole = [v.value for v in found[len(identity.parts):]]
    left, right = sum(parts), sum(whole)
    ok = abs(left - right) < 1e-9
    if not ok and (rough := [(c, v.raw) for c, v in zip(cells, found) if approximate(v.raw)]):
        why = "、".join(f"{_label(c)}印作“{raw.strip()}”" for c, raw in rough[:3])
        return say(check, NA, instance, cells, left, right, message="unusable", place=total.place,
                   why=(f"{why}，是约数或下限，两边相差 {_num(abs(left - right))} 不能说明不一致",
                        ", ".join(f"{c} is printed {raw.strip()!r}, approximate" for c, raw in rough[:3])))
    inferred = [c for c, v in zip(cells, found) if v.status == "inferred"]
    word = "总计" if len(whole) == 1 else "总计+结转下年度"
    return say(
        check, PASS if ok else FAIL, instance, cells, left, right, message="pass" if ok else "fail",
        place=total.place, label=total.label, lhs=_num(left), rhs=_num(right),
        parts=(_sum_zh(total.parts, parts, check == "t3.total_rows"), "+".join(map(_num, parts))),
        whole=(_sum_zh(total.whole, whole, False) if len(whole) > 1 else total.whole_zh,
               "+".join(map(_num, whole))),
        word=word, diff=(_num(abs(left - right)), _num(left - right)),
        inferred=(f"（其中{'、'.join(map(_label, inferred))}是由勾稽关系推出的值，并非报告所印）" if inferred else "",
                  f"; inferred: {', '.join(inferred)}" if inferred else ""))


def _identity_rule(check: str):
    def evaluate(report, context=None) -> list[Result]:
        return [_evaluate_sum(report, total) for total in _template_sums(report.template, check)]

    return evaluate


# --- table 2 ---------------------------------------------------------------------


def _t2_nonnegative(report, context=None) -> list[Result]:
    form = forms.FORMS[report.template]
    out = []
    for item in form.t2:
        cells = [forms.t2_cell(item.id, m.id) for m in item.measures if m.id != "change"]
        usable = [c for c in cells if _usable(report, c)]
        if not usable:
            out.append(say("t2.nonnegative", NA, item.id, cells, message="unusable", place=item.label_zh,
                           why=_why_not(report, cells)))
            continue
        negative = [c for c in usable if report.cells[c].value < 0]
        if negative:
            first = negative[0]
            listed_en = ", ".join(f"{c} = {_num(report.cells[c].value)}" for c in negative)
            listed_zh = "、".join(f"{labels()[c].column_zh} {_num(report.cells[c].value)}" for c in negative)
            out.append(say("t2.nonnegative", FAIL, item.id, negative, report.cells[first].value, 0,
                           message="fail", place=item.label_zh, listed=(listed_zh, listed_en),
                           first=f"{labels()[first].row_zh}·{labels()[first].column_zh}",
                           value=_num(report.cells[first].value)))
        else:
            out.append(say("t2.nonnegative", PASS, item.id, usable, message="pass", place=item.label_zh,
                           count=len(usable)))
    return out


# --- across years ------------------------------------------------------------------


def _previous(report, context):
    if not context:
        return None
    return context.get((report.agency.agency_id, report.year - 1))


def _cy_carry(report, context=None) -> list[Result]:
    cells = [forms.t3_cell("carried_over", c.id) for c in forms.T3_COLUMNS]
    prev = _previous(report, context)
    years = {"year": report.year, "prev_year": report.year - 1}
    if prev is None or prev.template == PRE_2019:
        return [say("cy.carry", NA, "", cells, message="no_previous", agency=report.agency.agency_id, **years)]
    out = []
    for col in forms.T3_COLUMNS:
        now, before = forms.t3_cell("carried_over", col.id), forms.t3_cell("carried_forward", col.id)
        cells = [now, f"{prev.report_id}:{before}"]
        if not _usable(report, now) or not _usable(prev, before):
            out.append(say("cy.carry", NA, col.id, cells, message="unusable", place=f"{col.label_zh}一列",
                           why=_why_across(report, [now], prev, [before])))
            continue
        a, b = report.cells[now].value, prev.cells[before].value
        ok = a == b
        out.append(say(
            "cy.carry", PASS if ok else FAIL, col.id, cells, a, b, message="pass" if ok else "fail",
            column=col.label_zh, now=_num(a), before=_num(b),
            previous=prev.report_id, diff=(_num(abs(a - b)), _num(a - b)), **years))
    return out


def _in_force_flow(report, context=None) -> list[Result]:
    prev = _previous(report, context)
    items = ("rules", "normative_docs")
    years = {"year": report.year, "prev_year": report.year - 1}
    if prev is None or prev.template != GOV_2021:
        return [say("t2.in_force_flow", NA, "", [], message="no_previous", agency=report.agency.agency_id, **years)]
    out = []
    for item in items:
        now = [forms.t2_cell(item, m) for m in ("in_force", "issued", "repealed")]
        before = forms.t2_cell(item, "in_force")
        label = "规章" if item == "rules" else "规范性文件"
        cells = [*now, f"{prev.report_id}:{before}"]
        if not all(_usable(report, c) for c in now) or not _usable(prev, before):
            out.append(say("t2.in_force_flow", NA, item, cells, message="unusable", place=label,
                           why=_why_across(report, now, prev, [before])))
            continue
        in_force, issued, repealed = (report.cells[c].value for c in now)
        last = prev.cells[before].value
        expected = last + issued - repealed
        ok = in_force == expected
        out.append(say(
            "t2.in_force_flow", PASS if ok else FAIL, item, cells, in_force, expected,
            message="pass" if ok else "fail", item=label, in_force=_num(in_force), last=_num(last),
            issued=_num(issued), repealed=_num(repealed), expected=_num(expected),
            diff=(_num(abs(in_force - expected)), _num(in_force - expected)), **years))
    return out


# --- prose -----------------------------------------------------------------------------

_APPLICATION_KEYS = ("applications_received", "applications_handled", "applications_answered")
_T3_TOTAL_WORDS = ("本年新收", "上年结转", "办理总计", "结转下年度")  # forms.T3_TERMS in the form's words


def _total(report, row: str) -> float | None:
    cell = forms.t3_cell(row, "total")
    return report.cells[cell].value if _usable(report, cell) else None


def _agrees(stated, options: list[float], approx: bool, nearly: bool = False) -> bool:
    """Whether a table's count agrees with the prose's: the same, or for a round count at least it and not far above
    (5000余条), or at most it and not far below (近二十件)."""
    if nearly:
        return any(stated * 0.8 - 1 <= o <= stated for o in options)
    if approx:
        return any(o >= stated and o <= stated * 1.5 + 5 for o in options)
    return any(abs(o - stated) < 1e-9 for o in options)


def _stated(figure) -> str:
    """A prose figure as the report words it: 29 件, 29 余件, 近 20 件."""
    if figure.nearly:
        return f"近 {_num(figure.value)} 件"
    return f"{_num(figure.value)} {'余件' if figure.approx else '件'}"


def _narr_applications(report, context=None) -> list[Result]:
    new, carried, total, forward = (_total(report, r) for r in forms.T3_TERMS)
    options: dict[str, list[tuple[str, float]]] = {}
    # Whatever totals can be read: an unreadable 本年新收 leaves 办理总计 to compare with.
    # (总计+结转下年度 is 新收+上年结转 where table 3 balances; where it does not, the prose's count is the intake's, and
    # agreeing with the other side of a table that does not balance is no agreement)
    applications = [("本年新收", new), ("办理总计", total),
                    ("新收+上年结转", None if new is None or carried is None else new + carried),
                    ("总计+结转下年度", None if total is None or forward is None or (new is not None and carried is not None)
                     else total + forward)]
    applications = [(w, v) for w, v in applications if v is not None]
    if applications:
        for key in _APPLICATION_KEYS:
            options[key] = applications
    if new is not None:  # (a count received is the intake's: the 办理总计 it may equal by chance is no match for it)
        options["applications_received"] = [(w, v) for w, v in applications if w in ("本年新收", "新收+上年结转")]
    if carried is not None:
        options["applications_carried_over"] = [("上年结转", carried)]
    if forward is not None:
        options["applications_carried_forward"] = [("结转下年度", forward)]
    figures = [f for f in report.narrative if f.headline and (
        f.key in options or f.key in _APPLICATION_KEYS
        or f.key in ("applications_carried_over", "applications_carried_forward"))]
    if not figures:
        return [say("narr.applications", NA, message="no_figures")]
    out = []
    for index, figure in enumerate(figures, 1):
        choices = options.get(figure.key)
        instance = f"{figure.key}#{index}"
        what = KEY_LABELS.get(figure.key, figure.key)
        if not choices:
            out.append(say("narr.applications", NA, instance, message="no_totals", key=figure.key, what=what,
                           stated=_stated(figure)))
            continue
        ok = _agrees(figure.value, [v for _, v in choices], figure.approx, figure.nearly)
        own = {"applications_received": new, "applications_answered": total,
               "applications_handled": None if new is None or carried is None else new + carried}
        if not ok and figure.key in own and own[figure.key] is None:
            # the table's own count for the key (本年新收 for received, 办理总计 for answered) cannot be read:
            # the other totals disagreeing with the prose says nothing
            out.append(say("narr.applications", NA, instance, message="no_own", what=what, stated=_stated(figure),
                           key=figure.key))
            continue
        cells = [forms.t3_cell(r, "total") for r in forms.T3_TERMS]
        compared = {"applications_carried_over": ("carried_over",),
                    "applications_carried_forward": ("carried_forward",)}.get(figure.key, forms.T3_TERMS)
        if not ok and (rough := [(word, report.cells[c].raw.strip())
                                 for term, word, c in zip(forms.T3_TERMS, _T3_TOTAL_WORDS, cells)
                                 if term in compared and c in report.cells and approximate(report.cells[c].raw)]):
            # a total printed 500余 is a bound: the prose's exact count cannot disagree with it
            out.append(say("narr.applications", NA, instance, cells, message="rough", what=what,
                           stated=_stated(figure), printed="、".join(f"{w}印作“{raw}”" for w, raw in rough),
                           key=figure.key))
            continue
        matched = [(w, v) for w, v in choices if _agrees(figure.value, [v], figure.approx, figure.nearly)]
        out.append(say(
            "narr.applications", PASS if ok else FAIL, instance, cells, figure.value,
            next((v for _, v in choices), None), message="pass" if ok else "fail",
            totals="、".join(f"{w} {_num(v)} 件" for w, v in zip(("本年新收", "上年结转", "办理总计"),
                                                               (new, carried, total)) if v is not None),
            what=what, stated=_stated(figure), text=figure.text,
            value=f"nearly {_num(figure.value)}" if figure.nearly else f"{_num(figure.value)}{'+' if figure.approx else ''}",
            value_zh=_num(figure.value),
            table=("、".join(f"{w} {_num(v)}" for w, v in choices), "; ".join(f"{w} {_num(v)}" for w, v in choices)),
            matched="、".join(f"{w} {_num(v)}" for w, v in matched)))
    return out


def _narr_review_litigation(report, context=None) -> list[Result]:
    def t4(group: str) -> float | None:
        cell = forms.t4_cell(group, "total")
        return report.cells[cell].value if _usable(report, cell) else None

    review = t4("admin_review")
    direct, after = t4("litigation_direct"), t4("litigation_after_review")
    table = {
        "admin_review_cases": (review, [forms.t4_cell("admin_review", "total")], "行政复议"),
        "litigation_cases": (None if direct is None or after is None else direct + after,
                             [forms.t4_cell("litigation_direct", "total"),
                              forms.t4_cell("litigation_after_review", "total")], "行政诉讼"),
    }
    figures = [f for f in report.narrative if f.headline and f.key in table]
    if not figures:
        return [say("narr.review_litigation", NA, message="no_figures")]
    out = []
    for index, figure in enumerate(figures, 1):
        value, cells, word = table[figure.key]
        instance = f"{figure.key}#{index}"
        if value is None:
            out.append(say("narr.review_litigation", NA, instance, cells, message="no_totals", key=figure.key,
                           word=word, stated=_stated(figure)))
            continue
        ok = _agrees(figure.value, [value], figure.approx, figure.nearly)
        out.append(say(
            "narr.review_litigation", PASS if ok else FAIL, instance, cells, figure.value, value,
            message="pass" if ok else "fail", word=word, stated=_stated(figure), value=_num(figure.value),
            table=_num(value), text=figure.text))
    return out


# --- metadata ----------------------------------------------------------------------------

# A year the body reports on opens what it says (2019年，全区共收到…); a date (于2021年1月初公开) or a carry-over
# (加上2018年结转的3件, 结转至2020年继续办理) names another year without reporting on it, nor does
# the start of a running total (自2008年《条例》实施以来，累计收到…), nor a year that qualifies
# the cases of another (因2021年办理的一件申请，申请人于2022年提起行政复议1件); a count after a clause opening
# with another year is that year's (2021年撤县设市后，…，2025年完成归档153条: 2025's).
# not past a clause that opens with another year, nor a year right after a year (a sidebar's links to the years'
# reports run into a PDF's lines: 2021年度2020年度2022年，县政府…: a list of years, the last the sentence's)
_NO_YEAR = r"(?:(?![,，]\s*(?:19|20)\d{2}\s*年)(?!(?<=[年度])(?:19|20)\d{2}\s*年)[^。；;])"
_REPORTING = re.compile(
    r"(?<![至到于自])(?<!结转)(?<!转入)(?<!顺延)((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)(?!\s*第\s*\d{1,3}\s*期)(?!\s*度?\s*(?:结转|底|初|末|以前|之前|前|以来|起))"
    # nor a year's same period, compared with (2023年同期收到申请25件)
    r"(?!\s*度?\s*同期)"
    r"(?!\s*度?\s*(?:所|已)?(?:收到|受理|办理|提出|提交|接收|答复)的)"
    # nor a year's report cited without its title's brackets (2024年度报告中指出的…问题已基本整改)
    r"(?!\s*度?\s*(?:政府信息公开(?:工作)?)?(?:年度)?(?:报告|年报))"
    # nor the years documents were published in (清理2020年、2021年发布的过期信息96条; 对2019—2022年发布的…)
    r"(?!(?:\s*[、—–~至到和及与]\s*(?:19|20)\d{2}\s*年)*\s*度?\s*(?:以来|以前|之前)?(?:发布|印发|制发|出台|制定|公开|形成)的)"
    # nor the years of a list paired by 分别 but its last (2020年、2021年、2022年分别收到…612件、587件、634件),
    # which stands for the list's latest (``_latest_of_list``)
    r"(?!(?:\s*度?\s*[、和及与]\s*(?:19|20)\d{2}\s*年)+[^。；;]*?分别)"
    r"(?:全年|度)?\s*[,，]?" + _NO_YEAR + "{0,60}?"
    r"(?:(?:收到|受理|主动公开|公开|发布|办理|答复)" + _NO_YEAR + r"{0,40}?\d+\s*(?:余|多)?\s*(?:件|条)"
    # or that nothing came (2025年，我局未收到政府信息公开申请。): the year reported on as much as one with a count
    r"|(?:未|没有)(?:收到|受理|发生))")
# (a period from December to November, 2022年12月1日至2023年11月30日, is the year it ends in: its months are that year's)
_PERIOD_YEAR = re.compile(r"(?:统计期限|统计数据|统计时限)[^。]{0,8}?(?:从|自|为)?\s*"
                          r"(?:(?:19|20)\d{2}\s*年\s*12\s*月\s*\d{1,2}\s*日\s*起?\s*(?:至|到|—|-|～|~)\s*)?"
                          r"((?:19|20)\d{2})\s*年"
                          # the body saying which year it reports (现将…2023年度政府信息公开工作情况报告如下)
                          r"|现将[^。；;]{0,40}?((?:19|20)\d{2})\s*年度?[^。；;]{0,30}?报告如下")


# Where the report's year was read (``Report.year_source``), as a failing meta.year names it: a year
# read from the opening sentence is no title's, and the message must not say the publisher titled it so.
YEAR_BASIS = {
    "title": ("标题", "the report is titled"),
    "《…年度报告》": ("正文提到的《…年度报告》", "the report named in the body is"),
    "publication sentence": ("“现公布…年度报告”一句", "the publishing sentence says"),
    "统计期限": ("统计期限", "the statistical period is"),
    "opening sentence": ("开头一句", "the opening sentence says"),
    "title, among others": ("最靠近正文的标题", "the title nearest the body says"),
    "title, against the period": ("标题（与统计期限或“现公布…”一句所说的年度不同）",
                                  "the title (against the report's statistical period or publishing sentence) says"),
    "period, against the title": ("统计期限和正文各句开头的年份（与标题所说的年度不同）",
                                  "the statistical period and the body's sentences (against the title) say"),
    "years in the body": ("正文各句开头的年份", "the years the body's sentences open with say"),
    "period, against another title": ("统计期限（与页面上另一个标题所说的年度不同）",
                                      "the statistical period (against another title of the page) says"),
    "another title": ("页面上的另一个标题", "another title of the page says"),
    "signature date": ("落款日期的上一年（报告其他地方都没有写年份）",
                       "the year before the signature's date (the report gives its year nowhere else) is"),
    "year label": ("统计表表头的“年度”一栏", "the statistics form's year field says"),
}
_OTHER_BASIS = ("报告年度", "the report year is")


_THIS_YEAR = re.compile(r"本年度?|今年")
# The years listed before a year (2024年、2023年 of 2024年、2023年我局分别主动公开…).
_LISTED_BEFORE = re.compile(r"(?:((?:19|20)\d{2})\s*年\s*度?\s*[、和及与]\s*)+$")


def _latest_of_list(before: str, year: int) -> int:
    """The latest year of a list that ends with ``year``: a list the body pairs with its counts by 分别 reports on
    the years it compares, the latest the report's, however it is ordered (2024年、2023年…分别…1,215条和1,094条)."""
    listed = _LISTED_BEFORE.search(before)
    return max([year, *map(int, re.findall(r"(?:19|20)\d{2}", listed.group()))]) if listed else year


# A title's year misprinted as no year at all (霍山县人民政府2109年…年度报告, 2202年度): the year was read elsewhere.
_MISPRINTED_TITLE_YEAR = re.compile(r"(?<!\d)(?!19|20)([12]\d{3})\s*年度?[^。；;，,]{0,30}?(?:工作)?年度?报告")


def _misprinted_title_year(lines: list[str]) -> int | None:
    return next((int(m.group(1)) for line in lines[:12] if (m := _MISPRINTED_TITLE_YEAR.search(line))), None)


def _meta_year(report, context=None) -> list[Result]:
    lines = without_teasers(report.document.lines)  # (related reports' openings above the article: theirs)
    sentences = report.document.sentences if lines is report.document.lines else narrative_sentences(lines)
    reported: list[tuple[str, list[int], list[int]]] = []  # each sentence, its period's years and those it reports on
    for sentence in sentences:
        if "年" not in sentence:  # (no year named: most sentences)
            reported.append((sentence, [], []))
            continue
        sentence = arabic_years(sentence)  # 自二〇二三年一月一日起: the period in Chinese numerals
        reported.append((sentence, [int(m.group(1) or m.group(2)) for m in _PERIOD_YEAR.finditer(sentence)], []))
        if FUTURE.search(sentence):
            continue
        for m in _REPORTING.finditer(sentence):
            # A comparison with another year ("较2021年") is not what the body reports on, nor is an
            # aside in brackets (申请24件（2019年为19件）), nor another year's cases a sentence frames in
            # this one's (另有2021年受理的2件行政诉讼于本年度审结), nor a document's title it cites
            # (我局《2022年政府信息公开工作年度报告》指出…).
            before = sentence[: m.start(1)]
            if not re.search(r"(?:较|比|同比|相比|与)\s*$", before) and before.count("《") <= before.count("》") \
                    and not in_aside(sentence, m.start(1)) and not _THIS_YEAR.search(sentence):
                reported[-1][2].append(_latest_of_list(before, int(m.group(1))))
    evidence: list[tuple[int, str]] = []
    periods: set[int] = set()
    for k, (sentence, period, years) in enumerate(reported):
        if sentence.rstrip().endswith((";", "；")) and k + 1 < len(reported) and report.year in reported[k + 1][2]:
            years = [year for year in years if year == report.year]  # 2021年收到…63件；2022年收到…50件: set beside it
        evidence += [(year, sentence.strip()) for year in (*period, *years)]
        periods.update(period)
    if not evidence:
        return [say("meta.year", NA, message="no_evidence")]
    title_year = read_title(report.document.lines).year if report.year_source == "period, against the title" else None
    basis = YEAR_BASIS["title"]
    if report.year_source == "period, against another title":  # the page's title and the article's disagree
        title_year = next((y for y in titles_above_body(report.document.lines) if y != report.year), None)
        basis = YEAR_BASIS["another title"]
    if title_year is None and report.year_source not in ("title", "title, among others"):
        title_year = _misprinted_title_year(report.document.lines)
    if title_year is not None and title_year != report.year:  # the year read from the period; the title says another
        sentence = next((s for y, s in evidence if y == report.year), evidence[0][1])
        return [say("meta.year", FAIL, "", [], title_year, report.year, message="fail", year=title_year,
                    body_year=report.year, sentence=sentence, basis=basis)]
    # Another year the period names, a later one the body reports on (no report counts a year still to come: text
    # copied from another report), or an earlier one it reports on as often as the report's: a figure of the year
    # before in a sentence of its own (2019年主动公开政府信息4473条。) among the year's is a comparison. The period
    # counts twice: the report's own word on what it covers outweighs one sentence of last year's count.
    counts = Counter(y for y, _ in evidence)
    weights = counts + Counter(periods)
    wrong = [(y, s) for y, s in evidence if y != report.year and (y in periods or y > report.year
                                                                    or weights[y] >= weights[report.year])]
    if wrong:
        year, sentence = wrong[0]
        return [say("meta.year", FAIL, "", [], report.year, year, message="fail", year=report.year, body_year=year,
                    sentence=sentence, basis=YEAR_BASIS.get(report.year_source, _OTHER_BASIS))]
    if others := len(evidence) - counts[report.year]:
        return [say("meta.year", PASS, "", [], report.year, report.year, message="pass_compared",
                    count=counts[report.year], year=report.year, others=others)]
    return [say("meta.year", PASS, "", [], report.year, report.year, message="pass", count=len(evidence),
                year=report.year)]


def _expected_template(year: int) -> str:
    return GOV_2021 if year >= 2021 else GOV_2019 if year >= 2019 else PRE_2019


def _meta_template_year(report, context=None) -> list[Result]:
    if report.template_source == "year":
        return [say("meta.template_year", NA, message="form_from_year", year=report.year)]
    expected = _expected_template(report.year)
    ok = report.template == expected
    forms_named = {"form": (FORM_NAME_ZH[report.template], report.template),
                   "expected": (FORM_NAME_ZH[expected], expected)}
    return [say("meta.template_year", PASS if ok else FAIL, "", [], report.template, expected,
                message="pass" if ok else "fail", year=report.year, **forms_named)]


_SELF = re.compile(
    r"(?:^|[。；;])\s*(?:[(（]?[一二三四五六七八九十\d]{1,2}[)）、.]\s*)?[^。；;]{0,12}?(?:19|20)\d{2}\s*年"
    r"(?:以来|度|全年)?\s*[,，]\s*(?P<x>[\u4e00-\u9fff]{2,20}?(?:[(（][\u4e00-\u9fff]{2,20}[)）])?)"
    r"(?=暂未|暂无|未收到|共|累计|全年|不断|严格|认真|深入|高度|坚持|始终|紧紧|积极|进一步|全面|扎实|持续"
    r"|在(?:县|市|区|省|州|盟|旗|上级|党)|按照|围绕|聚焦|紧扣|以(?:习近平|新时代|党的)|通过|依托)")
# The same at the start of an undated sentence, the body named in full before what it does (会昌县市场监督管理局严格落实…).
_SELF_UNDATED = re.compile(
    r"(?:^|[。；;])\s*(?:[(（]?[一二三四五六七八九十\d]{1,2}[)）、.]\s*)?(?P<x>[\u4e00-\u9fff]{2,16}?"
    r"(?:局|委员会|人民政府|办公室|管理委员会))"
    r"(?=严格|认真|坚持|始终|积极|进一步|全面|扎实|持续|高度|深入|不断|紧紧)")
_GENERIC = re.compile(r"^(?:我|本|全|各|该|市|县|区|乡|镇|省|政府|办公室|单位|机关|部门)")
_TOWNSHIP = re.compile(r"(?:乡|镇|街道|街道办事处)(?:人民政府)?$")
_ITSELF = re.compile(r"(?:机关)?(?:本级|本部)$|机关$")  # (合作区管委会本级: the body itself, not its subordinates)


def _abbreviates(short: str, name: str) -> bool:
    """Whether ``short`` is ``name``'s characters with some left out, in order (深汕合作区 of 深汕特别合作区)."""
    rest = iter(name)
    return all(char in rest for char in short)


def _foreign_name(mention: str, report) -> bool:
    """Whether a self-referring mention names another agency than the report's:
    a township, or a place outside the agency's own province, city and county."""
    agency = report.agency
    own = [n for n in (agency.name, agency.name_normalized) if n]
    mention = _ITSELF.sub("", mention) or mention
    if _GENERIC.match(mention) or any(names_one_body(mention, n) for n in own):  # (恩施州人民政府: its short form)
        return False
    core = INSTITUTION.sub("", mention)
    if core and any(core in n or (len(core) >= 3 and _abbreviates(core, n)) for n in own):
        return False
    if _TOWNSHIP.search(mention):
        return True
    _, city, county, _ = locate_region(core or mention)
    named = county or city
    return named is not None and named not in {agency.province, agency.city, agency.county}


def _meta_agency(report, context=None) -> list[Result]:
    if not report.agency.name:
        return [say("meta.agency", NA, message="no_agency")]
    mentions: list[tuple[str, str]] = []
    for sentence in report.document.sentences:
        for m in _SELF.finditer(sentence):
            mentions.append((m.group("x"), sentence.strip()))
        for m in _SELF_UNDATED.finditer(sentence):
            mentions.append((m.group("x"), sentence.strip()))
    # A copied report's signature left as it was (英德市大站镇人民政府), a body the report names nowhere else: one that
    # compiles it for the body (由球溪镇人民政府代为编制发布, a merged township's successor) is named in its text too.
    signed = signature_name(report.document.lines)
    if signed and signed != report.agency.name and report.document.text.count(signed) == 1 \
            and _foreign_name(signed, report):
        return [say("meta.agency", FAIL, "", [], None, None, message="fail_signed", agency=report.agency.name,
                    name=signed)]
    if not mentions:
        return [say("meta.agency", NA, message="no_mentions")]
    foreign = [(x, s) for x, s in mentions if _foreign_name(x, report)]
    if foreign:
        name, sentence = foreign[0]
        return [say("meta.agency", FAIL, "", [], None, None, message="fail", agency=report.agency.name, name=name,
                    sentence=sentence)]
    return [say("meta.agency", PASS, message="pass", count=len(mentions), agency=report.agency.name)]


def _completeness(report, context=None) -> list[Result]:
    ids = [c.id for c in forms.cells(report.template)]
    if not ids:
        return [say("completeness", NA, message="no_form")]
    found = [c for c in ids if report.cells[c].status != "missing"]
    return [say("completeness", PASS if len(found) == len(ids) else FAIL, "", [], len(found), len(ids),
                message="found", found=len(found), total=len(ids), share=f"{len(found) / len(ids):.0%}")]


# --- reports that aggregate others -------------------------------------------------------

# A report that says it was compiled from its subordinate bodies' figures, or states figures for its whole area.
_AGGREGATES = re.compile(
    r"汇总(?:编制|而成|形成)|本(?:年度)?报告[^。；;]{0,40}?汇总|"
    r"全(?:县|区|市|省|州|盟|旗)(?:各级行政机关|各部门|各单位)?(?:共|累计)?(?:收到|受理|新收)[^。；;]{0,12}?政府信息公开申请")
_AGGREGATE_CELLS = (forms.t3_cell("new_received", "total"), forms.t3_cell("total", "total"),
                    forms.t4_cell("admin_review", "total"), forms.t4_cell("litigation_direct", "total"),
                    forms.t4_cell("litigation_after_review", "total"))
# What corpus rules read of other agencies' reports (besides agency, year, template and
# report_id): a streamed build keeps only these cells of reports not in memory.
OTHER_AGENCY_CELLS = _AGGREGATE_CELLS
UNKNOWN_ADCODE = "000000"


def _region_of_reader(agency) -> tuple[str, ...]:
    return (agency.adcode,) if agency.adcode and agency.adcode != UNKNOWN_ADCODE else ()


def _regions_read(agency) -> tuple[str, ...]:
    """Where another agency's reports are read by the aggregate rule: under its 行政区划代码,
    and under the code its agency_id starts with (the rule counts the agencies it knows there)."""
    return tuple({agency.adcode or "", (agency.agency_id or "").partition("-")[0]} - {""})


@dataclass(frozen=True)
class Neighbours:
    """Which other agencies' reports a corpus rule reads, declared beside the rule so that
    what keeps its results (``builder.datasets.fragments``) knows what they depend on: the reports
    of the agencies that share a key with the agency being checked, for the reports that read
    any (``reads``: the aggregate rule reads them only for a report that says it aggregates; in a
    county of fifty bodies, the others read nothing and depend on no other agency). A rule
    without one reads only the same agency's reports."""

    of_reader: Callable[..., tuple[str, ...]]  # an agency's keys, when its report is checked
    of_other: Callable[..., tuple[str, ...]]  # the keys under which another agency's reports are read
    reads: Callable[..., bool]  # whether the rule reads other agencies' reports when checking this report


class CheckContext(Mapping):
    """What corpus checks look up by (agency_id, year), a report or its index entry, with the
    keys indexed by region (``same_region``) the first time a rule asks, once per context."""

    def __init__(self, reports: Mapping) -> None:
        self.reports = reports
        self._by_region: dict[tuple, list] | None = None

    def __getitem__(self, key: tuple[str, int]):
        return self.reports[key]

    def __iter__(self):
        return iter(self.reports)

    def __len__(self) -> int:
        return len(self.reports)

    def same_region(self, adcode: str | None, year: int) -> list:
        """The reports (or index entries) of a year under one 行政区划代码."""
        if self._by_region is None:
            self._by_region = {}
            for key, other in self.items():
                self._by_region.setdefault((other.agency.adcode, other.year), []).append(key)
        return [self[key] for key in self._by_region.get((adcode, year), [])]


def _subordinates(report, context: Mapping) -> list:
    """The corpus's other reports of the same year under the same 行政区划代码 (its departments,
    offices and townships). A context may hand out a report in full or, when not in memory,
    its index entry."""
    if not isinstance(context, CheckContext):
        context = CheckContext(context)
    others = context.same_region(report.agency.adcode, report.year)
    return [r for r in others if r is not report and r.template in (GOV_2021, GOV_2019)]


def _aggregate_statement(report) -> str | None:
    """The report's sentence saying that its figures are its subordinates' summed, or its area's."""
    return next((s.strip() for s in report.document.sentences if _AGGREGATES.search(s)), None)


def _aggregate_sum(report, context=None) -> list[Result]:
    rule = "agg.subordinate_sum"
    statement = _aggregate_statement(report)
    if statement is None:
        return [say(rule, NA, message="no_statement")]
    if not _region_of_reader(report.agency):
        return [say(rule, NA, message="no_region")]
    others = _subordinates(report, context or {})
    known = {a for (a, _year) in (context or {}) if a.startswith(report.agency.adcode + "-")} - {
        report.agency.agency_id}
    if not others:
        return [say(rule, NA, message="no_subordinates", year=report.year, adcode=report.agency.adcode,
                    statement=statement)]
    out = []
    for cell in _AGGREGATE_CELLS:
        usable = [r for r in others if _usable(r, cell)]
        coverage = {"summed": len(usable), "reports": len(others), "known": len(known), "year": report.year,
                    "adcode": report.agency.adcode}
        if not _usable(report, cell) or not usable:
            why = _why_not(report, [cell]) if not _usable(report, cell) else ("下属机关报告中此格均不可用",
                                                                               "no usable subordinate figure")
            out.append(say(rule, NA, cell, [cell], message="unusable_here", place=_label(cell), why=why, **coverage))
            continue
        stated, summed = report.cells[cell].value, sum(r.cells[cell].value for r in usable)
        ok = abs(stated - summed) < 1e-9
        ids = ", ".join(r.report_id for r in usable[:10]) + (" …" if len(usable) > 10 else "")
        out.append(say(rule, PASS if ok else FAIL, cell, [cell], stated, summed, message="pass" if ok else "fail",
                       place=_label(cell), stated=_num(stated), sum=_num(summed), ids=ids, **coverage))
    return out


# --- the catalogue ------------------------------------------------------------------------

TEMPLATED = (GOV_2021, GOV_2019)
ALL = (GOV_2021, GOV_2019, PRE_2019)

_IDENTITY_EN = {
    "pass": "{rule}.{instance}: {parts} = {lhs} = {rhs} ({word}: {whole}){inferred}",
    "fail": "{rule}.{instance}: {parts} = {lhs} ≠ {rhs} ({word}: {whole}); difference {diff}{inferred}",
}
# A row, column or group sum against the total the report printed.
_IDENTITY_MESSAGES = {
    "pass": ("{place}：{parts} = {lhs}，与报告所填{whole} {rhs} 相符{inferred}", _IDENTITY_EN["pass"]),
    "fail": ("{place}：{parts} = {lhs}，但报告所填{whole}为 {rhs}（相差 {diff}）{inferred}", _IDENTITY_EN["fail"]),
}

RULES: tuple[Rule, ...] = (
    Rule("t3.balance", "error", "申请数量收支平衡", "Requests balance",
         "每一列：本年新收 + 上年结转 = 办理结果总计 + 结转下年度继续办理（表上印明的勾稽关系）",
         "for each column: new_received + carried_over = total + carried_forward (the identity printed on the form)",
         TEMPLATED, "report", _identity_rule("t3.balance"),
         messages={"summary": ("表三“{label}”一列新收加上年结转为 {lhs}，办理总计加结转下年度为 {rhs}",
                               "table 3, {instance}: new plus carried over is {lhs}, total plus carried forward is {rhs}"),
                   "pass": ("{place}：{parts} = {lhs}，与{whole} = {rhs} 相符{inferred}", _IDENTITY_EN["pass"]),
                   "fail": ("{place}：{parts} = {lhs}，但{whole} = {rhs}（相差 {diff}）{inferred}", _IDENTITY_EN["fail"])}),
    Rule("t3.total_rows", "error", "办理结果合计", "Results add up to the total",
         "每一列：（七）总计 = 予以公开 + 部分公开 + 不予公开各项 + 无法提供各项 + 不予处理各项 + 其他处理（各项）",
         "for each column: total = granted + partially_granted + Σdenied + Σunable + Σnot_processed + other",
         TEMPLATED, "report", _identity_rule("t3.total_rows"),
         messages={**_IDENTITY_MESSAGES,
                   "summary": ("表三“{label}”一列（七）总计为 {rhs}，各项办理结果之和为 {lhs}",
                               "table 3, {instance}: the total is {rhs}, the results add up to {lhs}")}),
    Rule("t3.total_cols", "error", "申请人类别合计", "Applicant types add up to the total",
         "每一行：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他",
         "for each row: total = sum of the six applicant columns", TEMPLATED, "report",
         _identity_rule("t3.total_cols"),
         messages={**_IDENTITY_MESSAGES,
                   "summary": ("表三“{label}”一行总计为 {rhs}，各类申请人之和为 {lhs}",
                               "table 3, {instance}: the total is {rhs}, the applicant types add up to {lhs}")}),
    Rule("t4.group_sums", "error", "复议诉讼分项合计", "Review and litigation outcomes add up",
         "每一组（行政复议、未经复议直接起诉、复议后起诉）：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
         "for each group: total = upheld + corrected + other + pending", TEMPLATED, "report",
         _identity_rule("t4.group_sums"),
         messages={**_IDENTITY_MESSAGES,
                   "summary": ("表四“{label}”总计为 {rhs}，分项之和为 {lhs}",
                               "table 4, {instance}: the total is {rhs}, the outcomes add up to {lhs}")}),
    Rule("t2.nonnegative", "error", "主动公开数量非负", "Counts are not negative",
         "表二各项数量不小于 0（2019 年表格的“本年增/减”可以为负）",
         "counts are ≥ 0 (a change cell in 2019 forms may be negative)", TEMPLATED, "report", _t2_nonnegative,
         messages={"summary": ("表二“{first}”为负数 {value}", "table 2: {first} is negative ({value})"),
                   "pass": ("{place}：{count} 项数量均不小于 0", "{rule}.{instance}: {count} counts ≥ 0"),
                   "fail": ("{place}：{listed}，数量不能为负", "{rule}.{instance}: {listed} < 0")}),
    Rule("t2.in_force_flow", "warning", "现行有效件数衔接", "Documents in force carry over",
         "同一机关相邻年度：本年现行有效 = 上年现行有效 + 本年制发 − 本年废止",
         "same agency, consecutive years: in_force(y) = in_force(y−1) + issued(y) − repealed(y)",
         (GOV_2021,), "corpus", _in_force_flow,
         messages={
             "summary": ("表二“{item}”现行有效 {in_force} 件，按上年 {last} 件加制发减废止应为 {expected} 件",
                         "table 2, {instance}: {in_force} in force, {expected} expected from last year"),
             "no_previous": ("没有该机关 {prev_year} 年度使用 2021 年版表格的报告，无法与上年衔接",
                             "{rule}: no {prev_year} report of {agency} on the 2021 form"),
             "unusable": ("{place}无法核对：{why}", "{rule}.{instance}: {why}"),
             "pass": ("{item}：{year} 年报告现行有效 {in_force} 件，等于 {prev_year} 年报告现行有效 {last} 件 + "
                      "{year} 年制发 {issued} 件 − 废止 {repealed} 件",
                      "{rule}.{instance}: 现行有效 {in_force} = {last} + {issued} − {repealed} = {expected}"),
             "fail": ("{item}：{year} 年报告现行有效 {in_force} 件，但按 {prev_year} 年报告现行有效 {last} 件 + "
                      "{year} 年制发 {issued} 件 − 废止 {repealed} 件，应为 {expected} 件（相差 {diff}）",
                      "{rule}.{instance}: 现行有效 {in_force} ≠ {last} + {issued} − {repealed} = {expected}; "
                      "difference {diff}")}),
    Rule("cy.carry", "warning", "上年结转衔接", "Carry-over matches last year",
         "同一机关相邻年度：本年“上年结转” = 上年报告“结转下年度继续办理”",
         "same agency, consecutive years: carried_over(y) = carried_forward(y−1)", TEMPLATED, "corpus", _cy_carry,
         messages={
             "summary": ("表三“{column}”上年结转为 {now}，{prev_year} 年报告结转下年度为 {before}",
                         "table 3, {instance}: {now} carried over, {before} carried forward in {prev_year}"),
             "no_previous": ("没有该机关 {prev_year} 年度含表三的报告，无法与上年衔接",
                             "{rule}: no {prev_year} report of {agency} with table 3"),
             "pass": ("{column}：{year} 年报告的“上年结转” {now}，与 {prev_year} 年报告的“结转下年度继续办理” "
                      "{before} 相符", "{rule}.{instance}: 上年结转 {now} = {before} (结转下年度 in {previous})"),
             "fail": ("{column}：{year} 年报告的“上年结转”为 {now}，但 {prev_year} 年报告的“结转下年度继续办理”为 "
                      "{before}（相差 {diff}）",
                      "{rule}.{instance}: 上年结转 {now} ≠ {before} (结转下年度 in {previous}); difference {diff}")}),
    Rule("narr.applications", "warning", "正文申请数与表三一致", "Prose request count matches table 3",
         "正文所述申请件数等于表三本年新收（或新收 + 上年结转、办理总计；新收读不出时，总计 + 结转下年度）",
         "a count of applications in the prose equals new_received, new_received + carried_over or total of table 3 "
         "(total + carried_forward where new_received cannot be read)", TEMPLATED, "report", _narr_applications,
         messages={
             "summary": ("正文称{what} {stated}，表三{totals}",
                         "the prose states {value} applications; table 3 says otherwise"),
             "no_figures": ("正文没有说明申请件数，无可核对", "{rule}: no count of applications stated in the prose"),
             "no_totals": ("正文称{what} {stated}，但表三的合计无法读出，无法核对",
                           "{rule}: table 3 totals not usable for {key}"),
             "no_own": ("正文称{what} {stated}，与表三读得出的合计都不符，但表三中与之对应的合计无法读出，无法核对",
                        "{rule}: the table-3 total matching {key} is not usable, and the prose matches no other"),
             "rough": ("正文称{what} {stated}，表三{printed}，是约数或下限，无从核对是否相符",
                       "{rule}: table 3 prints an approximate total ({key}), the prose's count cannot be checked"),
             "pass": ("正文称{what} {stated}（“{text}”），与表三{matched} 相符",
                      "{rule}: prose {value} matches table 3 ({table}) — “{text}”"),
             "fail": ("正文称{what} {stated}（“{text}”），与表三各合计都不符：{table}",
                      "{rule}: prose {value} matches none of table 3 ({table}) — “{text}”")}),
    Rule("narr.review_litigation", "warning", "正文复议诉讼数与表四一致", "Prose review/litigation counts match table 4",
         "正文所述行政复议、行政诉讼件数等于表四相应总计",
         "counts of 行政复议/行政诉讼 in the prose equal the table-4 totals", TEMPLATED, "report",
         _narr_review_litigation,
         messages={
             "summary": ("正文称{word} {stated}，表四总计为 {table} 件",
                         "the prose states {value} {word} cases, table 4 {table}"),
             "no_figures": ("正文没有说明行政复议、行政诉讼件数，无可核对",
                            "{rule}: no 行政复议/行政诉讼 count stated in the prose"),
             "no_totals": ("正文称{word} {stated}，但表四的总计无法读出，无法核对",
                           "{rule}: table 4 totals not usable for {key}"),
             "pass": ("正文称{word} {stated}（“{text}”），与表四总计 {table} 相符",
                      "{rule}: prose {word} {value} = table 4 {table} — “{text}”"),
             "fail": ("正文称{word} {stated}（“{text}”），但表四总计为 {table}",
                      "{rule}: prose {word} {value} ≠ table 4 {table} — “{text}”")}),
    Rule("meta.year", "warning", "报告年份一致", "Report year is consistent",
         "标题年份与统计期限及正文所报告的年份一致",
         "the year in the title agrees with the statistical period and the years the body reports on",
         ALL, "report", _meta_year,
         messages={
             "summary": ("{basis}为 {year} 年，正文却报告 {body_year} 年的情况",
                         "{basis} {year}, the body reports on {body_year}"),
             "no_evidence": ("正文没有注明年份的统计数字，无法核对", "{rule}: the body states no dated figures"),
             "pass": ("正文 {count} 处注明年份的表述都是 {year} 年",
                      "{rule}: {count} dated statements in the body, all {year}"),
             "pass_compared": ("正文 {count} 处注明年份的表述是 {year} 年，另有 {others} 处说的其他年份少于此数，视为对比",
                               "{rule}: {count} dated statements in the body are {year}; {others} of another year, "
                               "fewer, read as a comparison"),
             "fail": ("{basis}为 {year} 年度，但正文报告的是 {body_year} 年的情况：“{sentence}”",
                      "{rule}: {basis} {year} but the body reports on {body_year}: “{sentence}”")}),
    Rule("meta.template_year", "warning", "表格版本与年份相符", "Form fits the year",
         "2021 年起使用 2021 年版表格，2019–2020 年使用 2019 年版，此前无统一表格",
         "gov-2021 from 2021, gov-2019 for 2019–2020, pre-2019 before", ALL, "report", _meta_template_year,
         messages={
             "summary": ("{year} 年度报告使用了{form}（应为{expected}）",
                         "a {year} report on the {form} form (expected {expected})"),
             "form_from_year": ("表格自身的栏目不足以区分版本，版本是按报告年度认定的，无法核对",
                                "{rule}: the form's own labels do not tell the form apart; it was taken from the year"),
             "pass": ("{year} 年度报告使用{form}，与年度相符", "{rule}: a {year} report on the {form} form"),
             "fail": ("{year} 年度报告使用了{form}，按年度应为{expected}",
                      "{rule}: a {year} report on the {form} form (expected {expected})")}),
    Rule("meta.agency", "warning", "机关名称一致", "The report speaks of its own agency",
         "正文不以其他机关的名称自称（照抄其他机关报告的迹象）",
         "the body does not speak of itself under another agency's name (text copied from another report)",
         ALL, "report", _meta_agency,
         messages={
             "summary": ("正文以“{name}”自称，与报告机关“{agency}”不符，疑为照抄其他机关的报告",
                         "the report of {agency} speaks of itself as “{name}”"),
             "no_agency": ("未能确定报告机关，无法核对", "{rule}: agency unknown"),
             "no_mentions": ("正文没有在注明年份的句首自称机关名称，无法核对",
                             "{rule}: the body never names itself at the start of a dated sentence"),
             "pass": ("正文 {count} 处自称都是“{agency}”", "{rule}: {count} self-references, all to {agency}"),
             "fail": ("正文以“{name}”自称，与报告机关“{agency}”不符，疑为照抄其他机关的报告：“{sentence}”",
                      "{rule}: the report of {agency} speaks of itself as “{name}”: “{sentence}”"),
             "fail_signed": ("报告落款为“{name}”，与报告机关“{agency}”不符，疑为照抄其他机关的报告",
                             "{rule}: the report of {agency} is signed “{name}”")}),
    Rule("completeness", "info", "单元格完整度", "Completeness",
         "找到的表格单元格占该版本表格全部单元格的比例", "share of the template's cells that were found",
         TEMPLATED, "report", _completeness,
         messages={
             "no_form": ("报告没有统一表格", "{rule}: the report has no form"),
             "found": ("找到该版本表格 {total} 个单元格中的 {found} 个（{share}）",
                       "{rule}: {found} of {total} template cells found ({share})")}),
    Rule("agg.subordinate_sum", "info", "汇总报告与下属机关报告之和", "Aggregated figures match the subordinates' sum",
         "报告称由下属机关汇总编制（或报告全地区数字）时：其表三新收、办理总计和表四各组总计，与本站已有的同一年度、"
         "同一行政区划代码下其他机关报告之和比较，并注明加总了几份报告",
         "for a report compiled from its subordinate bodies (or stating figures for its whole area): table 3 "
         "new_received and total and the table-4 group totals against the sum of the same year's other reports "
         "under the same 行政区划代码 in the corpus, with the coverage in the evidence", TEMPLATED, "corpus",
         _aggregate_sum,
         messages={
             "no_statement": ("报告没有说明由下属机关汇总编制，也没有报告全地区的数字",
                              "{rule}: the report does not say it aggregates other bodies' figures"),
             "no_region": ("报告机关的行政区划未能确定，无法找到其下属机关",
                           "{rule}: the agency's region is unknown"),
             "no_subordinates": ("本站没有同一行政区划代码（{adcode}）下其他机关的 {year} 年度报告可供加总；"
                                 "报告原话：“{statement}”",
                                 "{rule}: no {year} report of another body under {adcode} in the corpus — “{statement}”"),
             "unusable_here": ("{place}无法核对：{why}；本站有 {reports} 份同地区下属机关的 {year} 年度报告",
                               "{rule}.{instance}: {why}; {reports} {year} reports of bodies under {adcode}"),
             "pass": ("报告所填全地区{place} {stated}，等于本站已有的 {summed} 份下属机关报告之和（该地区已知机关 {known} 个）",
                      "{rule}.{instance}: stated {stated} = {sum}, the sum of {summed} of {reports} {year} reports of "
                      "bodies under {adcode} ({known} such agencies known to the corpus): {ids}"),
             "fail": ("报告所填全地区{place}为 {stated}，而本站已有的 {summed} 份下属机关报告之和为 {sum}"
                      "（该地区已知机关 {known} 个；本站未收全时两者本就可能不同）",
                      "{rule}.{instance}: stated {stated} ≠ {sum}, the sum of {summed} of {reports} {year} reports of "
                      "bodies under {adcode} ({known} such agencies known to the corpus): {ids}")},
         neighbours=Neighbours(_region_of_reader, _regions_read, lambda r: _aggregate_statement(r) is not None)),
)
RULE_INDEX = {r.id: r for r in RULES}


def outcome_of(results: list[Result]) -> str:
    """A rule's outcome for a report: fail if any instance fails, pass if any
    passes, otherwise not applicable."""
    outcomes = {r.outcome for r in results}
    return FAIL if FAIL in outcomes else PASS if PASS in outcomes else NA


FOLD_ABOVE = 3  # instances of one rule beyond which passing and not-applicable ones are folded


def published(results: list[Result]) -> list[Result]:
    """The evidence published per report: every failing instance in full, and
    a rule's other instances folded into one summary row when there are more
    than three (a table check has up to 27 identical-looking passes); the summary
    row's outcome is theirs (pass, or not applicable), never a failure again."""
    by_rule: dict[str, list[Result]] = {}
    for r in results:
        by_rule.setdefault(r.id, []).append(r)
    out: list[Result] = []
    for rule_id, items in by_rule.items():
        if len(items) <= FOLD_ABOVE:
            out.extend(items)
            continue
        failing = [r for r in items if r.outcome == FAIL]
        counted = {o: sum(1 for r in items if r.outcome == o) for o in OUTCOMES}
        first_na = next((r for r in items if r.outcome == NA), None)
        out.extend(failing)
        # The summary row is the outcome of what it folds: the failing instances are rows of their own,
        # and a rule that fails would otherwise be counted twice by whoever counts failing rows.
        folded = PASS if counted[PASS] else NA
        out.append(say(rule_id, folded, "*", message="folded", passed=counted[PASS],
                       failed=counted[FAIL], na=counted[NA],
                       first_na=(f"；不适用的例如：{first_na.detail_zh}", f"; {first_na.detail_en}") if first_na else ""))
    return out


def outcomes(report) -> dict[str, str]:
    by_rule: dict[str, list[Result]] = {}
    for r in report.checks:
        by_rule.setdefault(r.id, []).append(r)
    return {rule.id: outcome_of(by_rule.get(rule.id, [])) for rule in RULES}


def _more(failures: list[Result]) -> str:
    return f"（另有 {len(failures) - 1} 处）" if len(failures) > 1 else ""


_TABLE_ZH = {"t2": "表二", "t3": "表三", "t4": "表四"}
_UNREAD = frozenset({"missing", "ambiguous"})


# A report that leaves a table out because it had nothing to put in it says so: in the table's
# section (以上各项均为0, 均无), or of the table's subject anywhere (本年度未收到政府信息公开申请, 收到…申请0件).
_NOTHING_IN_SECTION = re.compile(r"均为\s*[0０零]|均无|均未|未(?:发生|收到|受理|产生)")
_NOTHING_OF = {
    "t3": re.compile(r"未(?:收到|受理|接到|接收)[^。；;]{0,12}申请"
                     r"|(?:收到|受理|接到|接收|新收)[^。；;，,\d]{0,12}申请(?:数量)?(?:为|共计|共)?\s*[0０零]\s*件"),
    # (本机关无行政复议和行政诉讼: none of either, the body the subject)
    "t4": re.compile(r"未(?:发生|产生|出现|收到)[^。；;]{0,16}(?:行政复议|行政诉讼)"
                     r"|(?<![\u4e00-\u9fff])(?:本机关|本单位|我局|我委|我办|本局|本委|本办|我镇|本镇|我街道|本街道|我乡|本乡)?"
                     r"(?:无|没有)(?:政府信息公开)?(?:的)?行政复议(?:案件)?[和及与、](?:政府信息公开)?行政诉讼"
                     r"|(?:行政复议|行政诉讼)[^。；;，,]{0,10}(?:均为\s*[0０零]|为零|均无)"),
}
_QUOTED = 40  # characters of the report's sentence a badge's summary quotes


@cache
def _table_cells(template: str, table: str) -> tuple[str, ...]:
    return tuple(c.id for c in forms.cells(template) if c.table == table) if template in (GOV_2019, GOV_2021) else ()


def _stated_empty(report, table: str) -> str | None:
    """The report's own words that ``table`` had nothing to report, when it printed none of it."""
    ids = _table_cells(report.template, table)
    if not ids or any((value := report.cells.get(cell)) is None or value.status != "missing" for cell in ids):
        return None  # (most reports: the table's first cell was read)
    layout = getattr(report, "layout", None)
    section = layout.region_text(table) if layout is not None else ""
    pattern = _NOTHING_OF.get(table)
    document = getattr(report, "document", None)
    texts = [(_NOTHING_IN_SECTION, line) for line in section.split("\n")]
    if pattern is not None and document is not None:
        texts += [(pattern, sentence) for sentence in document.sentences]
    return next((_clause(text, found)[:_QUOTED] for words, text in texts if (found := words.search(text))), None)


def _clause(text: str, found: re.Match) -> str:
    """The clause of ``text`` that holds ``found`` (between commas or semicolons), as quoted."""
    start = max(text.rfind(mark, 0, found.start()) for mark in "，,；;") + 1
    ends = [k for mark in "，,；;" if (k := text.find(mark, found.end())) >= 0]
    return text[start:min(ends, default=len(text))].strip().rstrip("。.")


def _unread_table(report) -> tuple[str, int] | None:
    """A table of the form none of whose error checks could be made because cells of it were
    not read (missing or ambiguous; blank cells were read as blank), and how many: its sums
    passing elsewhere would make the badge say 一致 of a table nobody checked. A table the report
    left out, saying it had nothing to report, is no such table (``_stated_empty``)."""
    checked = {r.id.split(".")[0] for r in report.checks if r.severity == "error" and r.outcome in (PASS, FAIL)}
    ruled = {r.id.split(".")[0] for r in report.checks if r.severity == "error"}
    for table in ("t2", "t3", "t4"):
        if table in ruled and table not in checked and not _stated_empty(report, table):
            count = sum(1 for cell, value in report.cells.items()
                        if cell.startswith(table + ".") and value.status in _UNREAD)
            if count:
                return table, count
    return None


def _left_out(report) -> str:
    """The consistent badge's note on tables the report left out, in its own words."""
    notes = [f"{_TABLE_ZH[t]}未印出，报告称“{said}”" for t in ("t2", "t3", "t4")
             if (said := _stated_empty(report, t))]
    return f"（{'；'.join(notes)}）" if notes else ""


def badge(report) -> tuple[str, str]:
    """The badge and a one-sentence summary naming the most important failure."""
    if report.template == PRE_2019:
        return "无表格", "无表格：2019 年以前的报告没有统一表格，只有正文中的数字"
    if all(value.status == "missing" for value in report.cells.values()):
        return "无表格", "无表格：报告的统计表格没有一格能读出文字（例如以图片发布），没有可核对的数字"
    if all(value.status in ("missing", "blank") for value in report.cells.values()):
        return "无表格", "无表格：报告印出了统计表格，但没有填入任何数字，没有可核对的数字"
    failed = [r for r in report.checks if r.outcome == FAIL]
    errors_ = [r for r in failed if r.severity == "error"]
    warnings_ = [r for r in failed if r.severity == "warning"]
    if errors_:
        return "不一致", f"不一致：{errors_[0].summary_zh}{_more(errors_)}"
    passed_errors = [r for r in report.checks if r.severity == "error" and r.outcome == PASS]
    unread = _unread_table(report)
    if unread and passed_errors:
        table, count = unread
        return "存疑", f"存疑：{_TABLE_ZH[table]}有 {count} 格缺失或有歧义，它的勾稽关系都无从核对"
    if warnings_:
        return "存疑", f"存疑：{warnings_[0].summary_zh}{_more(warnings_)}"
    if not passed_errors:
        return "存疑", "存疑：表格数据无法读出，勾稽关系无从核对"
    return "一致", f"一致：{_unchecked(report) or '表格各项勾稽关系均成立'}{_left_out(report)}"


def _unchecked(report) -> str | None:
    """What the consistent badge says when some error checks could not be made, cells of their table unread:
    the sums it could check hold, not every sum of the tables."""
    errors_ = [r for r in report.checks if r.severity == "error"]
    unrun = [r for r in errors_ if r.outcome == NA and r.id.split(".")[0] in _TABLE_ZH]
    unread = {table: count for table in dict.fromkeys(r.id.split(".")[0] for r in unrun)
              if (count := sum(1 for cell, value in report.cells.items()
                               if cell.startswith(table + ".") and value.status in _UNREAD))
              and not _stated_empty(report, table)}  # (a table the report says had nothing to report is no doubt)
    if not unread:
        return None
    passed = sum(1 for r in errors_ if r.outcome == PASS)
    return (f"核对得到的 {passed} 项勾稽关系均成立，但" + "、".join(f"{_TABLE_ZH[t]}有 {n} 格缺失或有歧义"
                                                     for t, n in unread.items())
            + f"，另有 {sum(1 for r in unrun if r.id.split('.')[0] in unread)} 项无从核对")


def run_rules(report, context: dict | None, scopes: tuple[str, ...]) -> list[Result]:
    out: list[Result] = []
    for rule in RULES:
        if report.template not in rule.templates:
            continue
        if rule.scope == "corpus" and "corpus" not in scopes:
            out.append(say(rule.id, NA, message="needs_corpus"))
            continue
        if rule.scope in scopes:
            out.extend(rule.evaluate(report, context))
    return out


def check_report(report) -> None:
    """Single-report checks: sets ``report.checks``, ``badge`` and ``summary``."""
    report.checks = run_rules(report, None, ("report",))
    report.badge, report.summary = badge(report)


def corpus_context(reports: list) -> CheckContext:
    """What cross-year checks look up: every report by agency and year."""
    return CheckContext({(r.agency.agency_id, r.year): r for r in reports})


def rules_reading_others(report) -> tuple[str, ...]:
    """The corpus rules that read other agencies' reports when checking this report
    (``Neighbours.reads``): what its index entry keeps for ``neighbour_keys``."""
    return tuple(rule.id for rule in RULES if rule.neighbours and rule.neighbours.reads(report))


def neighbour_keys(entry) -> set[tuple[str, str]]:
    """(rule id, key) of every other agency's reports the corpus rules read when checking
    a report, from its index entry (its agency and ``rules_reading_others``; see ``Neighbours``)."""
    return {(rule.id, key) for rule in RULES if rule.neighbours and rule.id in entry.reads
            for key in rule.neighbours.of_reader(entry.agency)}


def read_as_neighbour(agency) -> set[tuple[str, str]]:
    """(rule id, key) under which the corpus rules read this agency's reports for other agencies."""
    return {(rule.id, key) for rule in RULES if rule.neighbours for key in rule.neighbours.of_other(agency)}


def check_in_corpus(report, context: Mapping) -> None:
    """All checks of one report, cross-year ones included: the single-report results
    ``check_report`` left (run here when it has not been), each rule that needs the
    corpus evaluated in its place, so the order is the catalogue's."""
    if not report.checks:
        check_report(report)
    merged: list[Result] = []
    evaluated: set[str] = set()
    for result in report.checks:
        rule = RULE_INDEX[result.id]
        if rule.scope == "report":
            merged.append(result)
        elif rule.id not in evaluated:  # its placeholder, or its results of an earlier run
            evaluated.add(rule.id)
            merged.extend(rule.evaluate(report, context))
    report.checks = merged
    report.badge, report.summary = badge(report)


def check_corpus(reports: list) -> None:
    """All checks, cross-year ones included, for every report of a corpus."""
    context = corpus_context(reports)
    for report in reports:
        check_in_corpus(report, context)
