"""Figures stated in the prose, each with the sentence it came from.

For pre-2019 reports they are the only data; for templated reports the checks
compare them with the tables. Patterns are data: a key, a regular expression
whose ``n`` group is the number, and whether the wording is a negation (0).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .limits import MAX_NUMBER_DIGITS, checkpoint

_N = r"(?P<n>\d+(?:,\d{3})*(?:\.\d+)?)\s*(?P<approx>多|余)?\s*"
_APPROX_BEFORE = re.compile(r"(?:约|近|超过|逾|大约)\s*$")
_GAP = r"[^。；;，,]{0,30}?"


@dataclass(frozen=True)
class Pattern:
    key: str
    regex: re.Pattern[str]
    value: int | None = None  # fixed value for negations ("未收到…申请" is 0)
    scale: int = 1
    needs: tuple[str, ...] = ()  # words a sentence must contain: most sentences skip the regex

    def may_match(self, sentence: str, has_digit: bool) -> bool:
        return (has_digit or self.value is not None) and any(word in sentence for word in self.needs)


_NEEDS = {"applications": ("申请", "答复", "结转", "顺延"), "admin_review_cases": ("复议",),
          "litigation_cases": ("诉讼",), "fees_charged_cny": ("收取", "收费", "免费"), "proactive_items": ("主动公开",)}


def _p(key: str, pattern: str, value: int | None = None, scale: int = 1) -> Pattern:
    needs = _NEEDS.get(key) or _NEEDS[key.split("_")[0]]
    return Pattern(key, re.compile(pattern), value, scale, needs)


PATTERNS: tuple[Pattern, ...] = (
    _p("applications_received",
       r"(?:收到|受理|新收|接收|接到)(?:了)?" + _GAP + r"(?:依申请公开|申请)(?:数量)?(?:共计|共|合计|总计|为)?\s*" + _N + "件"),
    _p("applications_received",
       r"(?:未|没有)(?:收到|受理|接到)" + r"[^。；;，,复议诉讼举报]{0,20}?申请(?!.{0,6}(?:复议|诉讼))", 0),
    _p("applications_handled", r"(?:办理|处理|办结)(?:了)?" + _GAP + r"申请(?:共计|共|合计)?\s*" + _N + "件"),
    _p("applications_answered", r"答复" + r"[^。；;，,（(]{0,15}?" + _N + "件"),
    _p("applications_carried_over", r"上一?年度?结转" + r"[^。；;，,]{0,10}?" + _N + "件"),
    _p("applications_carried_forward", _N + r"件[^。；;，,]{0,6}?(?:顺延|结转)(?:到|至)?下一?年"),
    _p("applications_online", r"网络申请\s*[（(]?\s*" + _N + "件"),
    _p("applications_other_channel", r"其他(?:方式|途径|形式)申请\s*[（(]?\s*" + _N + "件"),
    _p("admin_review_cases", r"行政复议(?:案件|申请)?(?:共|共计)?\s*" + _N + r"(?:件|起|宗)"),
    _p("admin_review_cases", _N + r"(?:件|起|宗)\s*(?:政府信息公开)?行政复议"),
    _p("admin_review_cases", r"未(?:收到|发生|产生|出现)" + r"[^。；;]{0,25}?行政复议", 0),
    _p("litigation_cases", r"行政诉讼(?:案件|申请)?(?:共|共计)?\s*" + _N + r"(?:件|起|宗)"),
    _p("litigation_cases", _N + r"(?:件|起|宗)\s*(?:政府信息公开)?行政诉讼"),
    _p("litigation_cases", r"未(?:收到|发生|产生|出现)" + r"[^。；;]{0,30}?行政诉讼", 0),
    _p("fees_charged_cny", r"收取" + r"[^。；;，,]{0,15}?费\s*" + _N + "元"),
    _p("fees_charged_cny", r"收取" + r"[^。；;，,]{0,15}?费\s*" + _N + "万元", scale=10_000),
    _p("fees_charged_cny", r"(?:未|没有|均未|不)收取[^。；;，,]{0,15}?(?:费用|费)|均未收费|未收费|免费予以提供", 0),
    _p("proactive_items", r"主动公开" + r"[^。；;，,]{0,30}?(?:信息|政府信息)(?:共计|共|达)?\s*" + _N + "条"),
)

_SPACE_AROUND_DIGITS = re.compile(r"(?<=\d) +(?=[件条元])|(?<=[\u4e00-\u9fff]) +(?=\d)|(?<=\d) +(?=[\u4e00-\u9fff])")
_ITEM_START = re.compile(r"(?:\d{1,2}[.、．]|[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、是])")
# What each key counts, for pages and documentation.
KEY_LABELS = {
    "applications_received": "收到（受理）申请",
    "applications_handled": "办理申请",
    "applications_answered": "答复申请",
    "applications_carried_over": "上年结转申请",
    "applications_carried_forward": "结转下年度申请",
    "applications_online": "网络申请",
    "applications_other_channel": "其他方式申请",
    "admin_review_cases": "行政复议案件",
    "litigation_cases": "行政诉讼案件",
    "fees_charged_cny": "收取费用（元）",
    "proactive_items": "主动公开信息（条）",
}

_SENTENCE = re.compile(r"[^。；;!！?？\n]+[。；;!！?？]?")


@dataclass
class Figure:
    key: str
    value: int | float
    approx: bool
    text: str

    def as_json(self) -> dict:
        return {"key": self.key, "value": self.value, "approx": self.approx, "text": self.text}


def prose(lines: list[str]) -> str:
    """The text's sentences, with lines a PDF wrapped mid-sentence joined again."""
    out: list[str] = []
    for line in lines:
        stripped = line.strip()
        if not stripped or "\t" in line or stripped.count("|") >= 2:
            out.append("\n")
            continue
        if _ITEM_START.match(stripped):
            out.append("\n")
        out.append(stripped)
        if stripped[-1] in "。；;!！?？:：":
            out.append("\n")
    return _SPACE_AROUND_DIGITS.sub("", "".join(out))


_SPACE_BETWEEN_CJK = re.compile(r"(?<=[\u4e00-\u9fff]) +(?=[\u4e00-\u9fff])")


def sentences(lines: list[str]) -> list[str]:
    """Sentences of the prose, spaces a PDF put between characters removed."""
    text = _SPACE_BETWEEN_CJK.sub("", prose(lines))
    return [s.strip() for s in _SENTENCE.findall(text) if s.strip()]


def find_figures(sentence_list: list[str]) -> list[Figure]:
    """Every stated figure, in the order the text states them."""
    found: list[tuple[int, Figure]] = []
    offset = 0
    for sentence in sentence_list:
        checkpoint()
        offset += 1_000
        if len(sentence) > 400:
            continue
        has_digit = any(ch.isdigit() for ch in sentence)
        for pattern in PATTERNS:
            if not pattern.may_match(sentence, has_digit):
                continue
            for m in pattern.regex.finditer(sentence):
                if pattern.value is not None:
                    value: int | float = pattern.value
                    approx = False
                else:
                    number = m.group("n").replace(",", "")
                    if len(number.split(".")[0]) > MAX_NUMBER_DIGITS:
                        continue  # no count has that many digits: not a figure to check
                    value = float(number) if "." in number else int(number)
                    value = value * pattern.scale
                    approx = bool(m.group("approx")) or bool(_APPROX_BEFORE.search(sentence[: m.start("n")]))
                found.append((offset + m.start(), Figure(pattern.key, value, approx, sentence)))
    found.sort(key=lambda pair: pair[0])
    unique: list[Figure] = []
    seen: set[tuple] = set()
    for _, figure in found:
        key = (figure.key, figure.value, figure.text)
        if key not in seen:
            seen.add(key)
            unique.append(figure)
    return unique
