"""The parser's shortcuts change no result: a word looked for before a regex is one every match
holds (``literals.required_words``), and a memoised function answers as it did before it was memoised."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from builder import synthetic
from builder.extraction import layout, narrative
from builder.extraction.literals import holds_words, required_words
from builder.limits import memoised_when_short
from builder.reading.document import read_file

CORPUS = Path(__file__).resolve().parent.parent / "datasets" / "corpus"


def _lines() -> list[str]:
    """Lines of every kind the parser meets: the bundled reports' and generated ones' in every layout, headings
    written every way the forms' patterns allow."""
    lines = [line for path in sorted(CORPUS.glob("*.txt")) for line in read_file(str(path)).lines]
    rng = random.Random(3)
    for rendering in synthetic.LAYOUTS:
        lines += synthetic.report(rng, layout=rendering).text.splitlines()
    for numeral in "二三四五六23456":
        for mark in "、.．":
            lines += [f"{numeral}{mark}主动公开政府信息情况", f"{numeral}{mark} 收到和处理政府信息公开申请的情况",
                      f"{numeral}{mark}政府信息公开行政复议、行政诉讼情况",
                      f"{numeral}{mark}政府信息公开的行政复义和行政诉讼情况",
                      f"{numeral}{mark}政府信息公开工作存在的主要问题及改进情况", f"{numeral}{mark}其他需要报告的事项",
                      f"正文略。{numeral}{mark}其他需要报告的事项"]
    return lines


LINES = _lines()


@pytest.mark.parametrize("table", sorted(layout.SECTION_HEADINGS))
def test_every_heading_prints_its_word(table):
    pattern, word = layout.SECTION_HEADINGS[table], layout.HEADING_WORDS[table]
    matched = [line for line in LINES if pattern.search(line)]
    assert matched, f"no line to try {table}'s heading on"
    assert all(word in line for line in matched)


@pytest.mark.parametrize("module", [layout, narrative])
def test_every_match_holds_its_pattern_s_words(module):
    """What ``required_words`` reads of each of a reader's regexes holds on every line any of them matches."""
    patterns = [value for value in vars(module).values() if isinstance(value, re.Pattern)]
    patterns += [p.regex for p in getattr(module, "PATTERNS", ())]
    tried = 0
    for pattern in patterns:
        words = required_words(pattern)
        for line in LINES:
            for m in pattern.finditer(line):
                tried += 1
                assert holds_words(m.group(), words), (pattern.pattern, line)
    assert tried > 1000


@pytest.mark.parametrize(("regex", "text", "words"), [
    (r"收到(?:了)?申请\s*\d+件", "收到申请5件", ({"收到"}, {"申请"}, {"件"})),
    (r"(?:收到|受理)申请", "受理申请", ({"收到", "受理"}, {"申请"})),
    (r"(?:依申请公开|申请)数量", "依申请公开数量", ({"申请"}, {"数量"})),  # (依申请公开 holds 申请)
    (r"(?:行政)?复议", "复议", ({"复议"},)),
    (r"a+b", "aab", ({"a"}, {"b"})),
    (r"\d+件|无", "无", ({"件", "无"},)),
    (r"\d+|无", "无", ()),  # (an alternative with no word: nothing required)
    (r"(?i)abc", "ABC", ()),  # (case folded: not read)
    (r"(?=申请)\w+", "申请书", ()),  # (a lookahead's words: none read)
])
def test_required_words_of_small_patterns(regex, text, words):
    pattern = re.compile(regex)
    assert {frozenset(w) for w in words} == set(required_words(pattern))
    assert pattern.search(text) and holds_words(text, required_words(pattern))


def test_split_headings_as_without_the_shortcut(monkeypatch):
    shortcut = layout.split_headings(LINES)
    monkeypatch.setattr(layout, "HEADING_WORDS", {table: "" for table in layout.HEADING_WORDS})  # every line searched
    assert layout.split_headings(LINES) == shortcut


def test_a_review_body_is_always_named_with_its_review():
    """``_as_review_body`` answers no at once for a text without 复议: every way it knows a review body names it."""
    texts = ["区政府统一行使行政复议职责，全年共收到行政复议申请312件", "作为复议机关办理案件21件", "作出复议决定5件",
             "市人民政府行政复议机构全年收到行政复议申请187件", "全年收到申请21件"]
    for text in texts:
        assert narrative._as_review_body(text) == bool(narrative._AS_REVIEW_BODY.search(text))
    assert all("复议" in m.group() for text in texts for m in narrative._AS_REVIEW_BODY.finditer(text))


def test_needs_groups_match_as_words_in_text():
    """Each pattern group's words, one regex: found exactly where one of its words is."""
    for needs, words in narrative._NEEDS_GROUPS.items():
        for line in LINES:
            assert bool(words.search(line)) == any(word in line for word in needs)


def test_memoised_when_short_remembers_short_strings_only():
    calls: list[str] = []

    @memoised_when_short(5, maxsize=4)
    def length(text: str) -> int:
        calls.append(text)
        return len(text)

    assert [length("abc"), length("abc"), length("abcdefgh"), length("abcdefgh")] == [3, 3, 8, 8]
    assert calls == ["abc", "abcdefgh", "abcdefgh"]  # the long one computed each time, never kept


def test_memoised_cells_read_as_before():
    for cell in ["0", "无", "—件", "12¹", "1,234", "行政许可", "", "  ", "x" * 500, "3 0", "二十三"]:
        assert layout.is_value_cell(cell) == layout.is_value_cell.__wrapped__(cell)
        assert layout._is_words(cell) == layout._is_words.__wrapped__(cell)
