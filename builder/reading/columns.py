"""Plain text laid out in two columns side by side (pdftotext -layout of a page printing two tables abreast, a typist's
layout: table 2 on the left, table 4 on the right; a table's rows with a notes box beside them). Read line by line, each
line held a row of the left table and a row of the right one, and the right one's label and figures were read as more
values of the left one's row (行政处罚 285 … 其他结果 1: 1 taken for 行政处罚's). A run of lines that one blank column
parts, words on both sides of it in most of them, is read as its left column, then its right one, as the PDF reader
reads a two-column page (``pdf``'s gutter)."""

from __future__ import annotations

import re
import unicodedata

_COLUMN_LINES = 5  # lines of a run with words on both sides of its gutter, at least
_WORDED_SHARE = 0.8  # of those lines, at least, with words on both sides (not a table's columns of figures)
_GUTTER_WIDTH = 3  # blank display columns between the two sides, at least, on every line of the run
_WORDS = re.compile(r"[\u4e00-\u9fff]{2}")
# A line with words after a wide gap, or a box's side before them (│说明：…│, a notes box drawn beside a table): the
# cheap look first.
_LOOK = re.compile(r"\S {3,}[│┃|]?[\u4e00-\u9fff]")
_FIGURE_FIRST = re.compile(r"[│┃|]?\s*[-+]?[\d０-９]")  # a right side that begins with a figure: a table's next column
_FIGURE_LAST = re.compile(r"[\d０-９]\s*$")
_BOX_EDGE = re.compile(r"[─━┌┐└┘├┤┬┴┼│┃═╔╗╚╝║\s]+")  # a box's top or bottom beside a line: neither words nor figures


# A box drawn beside a line, wherever the line's length pushed it (说明 in a frame right of table 3's rows): its side,
# its text, its other side; or its top or bottom edge.
_BOX_BESIDE = re.compile(r"(?P<line>.*?\S)\s{3,}(?P<box>[│┃┌└][^│┃]+[│┃┐┘])\s*$")
_BOX_LINES = 3  # lines of a box beside, at least (its top, a line of text, its bottom)


def side_by_side(text: str) -> str:
    """The text with each run of lines laid out in two columns read as its left column, then its right one, and a
    box drawn beside lines read after them; the text as it is when there is neither (nearly every file)."""
    if "\t" in text:
        return text
    if "│" in text or "┃" in text:
        text = _boxes_after(text)
    if len(_LOOK.findall(text)) < _COLUMN_LINES:
        return text
    lines = text.split("\n")
    out: list[str] = []
    k = 0
    while k < len(lines):
        run = _run_from(lines, k)
        if run is None:
            out.append(lines[k])
            k += 1
            continue
        end, gutter = run
        cells = [_split(line, gutter) for line in lines[k:end]]
        out += [left for left, _ in cells]
        out += [right for _, right in cells if right]
        k = end
    return "\n".join(out)


def _boxes_after(text: str) -> str:
    """The text with each box drawn beside a run of lines (``_BOX_BESIDE``) cut from them and put after them."""
    lines = text.split("\n")
    out: list[str] = []
    k = 0
    while k < len(lines):
        end = k
        while end < len(lines) and _BOX_BESIDE.match(lines[end]):
            end += 1
        if end - k >= _BOX_LINES and any(_WORDS.search(_BOX_BESIDE.match(line)["box"]) for line in lines[k:end]):
            matches = [_BOX_BESIDE.match(line) for line in lines[k:end]]
            out += [m["line"] for m in matches] + [m["box"] for m in matches]
            k = end
        else:
            out.append(lines[k])
            k += 1
    return "\n".join(out)


def _wide(c: str) -> bool:
    return unicodedata.east_asian_width(c) in "WF"


def _blank_columns(line: str) -> tuple[set[int], int]:
    """The display columns a line leaves blank between its first and last character, and its display width: a Chinese
    character takes two columns."""
    blank, at = set(), 0
    for c in line:
        width = 2 if _wide(c) else 1
        if c == " ":
            blank.add(at)
        at += width
    return blank, at


def _run_from(lines: list[str], start: int) -> tuple[int, int] | None:
    """The end of the run of lines from ``start`` that one blank column parts, and that column's display position; None
    when the line at ``start`` begins no such run. The run goes on while a gap that some line's right side begins
    words after stays blank (a table's longer rows beside the box, reaching into it, end it)."""
    if not _LOOK.search(lines[start]):
        return None
    blank, width = _blank_columns(lines[start].rstrip())
    first = len(lines[start]) - len(lines[start].lstrip())  # (its indent: no gutter)
    common = {x for x in blank if x > first and all(x + d in blank for d in range(_GUTTER_WIDTH))}
    good = _worded_gaps(lines[start], common)
    end = start + 1
    for k in range(start + 1, len(lines)):
        if not lines[k].strip():
            continue
        blank, width = _blank_columns(lines[k].rstrip())
        shared = {x for x in common if all(x + d in blank or x + d >= width for d in range(_GUTTER_WIDTH))}
        worded = _worded_gaps(lines[k], shared)
        if not (good & shared) or (not lines[k - 1].strip() and not worded):
            break  # (after a blank line, a line with words on one side only: the columns ended at the blank)
        if not worded and all(_figures_right(lines[k], x) for x in good & shared if x - 1 not in good & shared):
            break  # (a row of the left table reaching past the gap with its figures: the columns ended above it)
        common, good, end = shared, (good & shared) | worded, k + 1
    for gutter in sorted(x for x in good if x - 1 not in good):
        sides = [_split(line, gutter + _GUTTER_WIDTH // 2) for line in lines[start:end] if line.strip()]
        both = [(left, right) for left, right in sides if left.strip() and right.strip() and not _BOX_EDGE.fullmatch(right)]
        worded = sum(1 for left, right in both if _worded(left, right))
        # (a row's figures on the right only, none ending a labelled left side: one table, a column of words right of
        # the gap, 2 规章 | 本年废止件数 0, no two side by side)
        across = not any(_WORDS.search(left) and _FIGURE_LAST.search(left) for left, _ in both) and sum(
            1 for _, right in both if _FIGURE_LAST.search(right)) * 2 >= len(both)
        if len(both) >= _COLUMN_LINES and worded >= _WORDED_SHARE * len(both) and not across:
            return end, gutter + _GUTTER_WIDTH // 2
    return None


def _figures_right(line: str, x: int) -> bool:
    """Whether the line's text right of the gap at ``x`` begins with a figure (a row's cells, no column's words)."""
    right = _split(line, x + _GUTTER_WIDTH // 2)[1]
    return bool(right) and _FIGURE_FIRST.match(right) is not None


def _worded_gaps(line: str, blank: set[int]) -> set[int]:
    """The columns of each gap of ``blank`` the line has words on both sides of (``_worded``)."""
    out: set[int] = set()
    for x in (x for x in blank if x - 1 not in blank):
        if _worded_both(line, x):
            while x in blank:
                out.add(x)
                x += 1
    return out


def _worded_both(line: str, x: int) -> bool:
    return _worded(*_split(line, x + _GUTTER_WIDTH // 2))


def _worded(left: str, right: str) -> bool:
    """Whether both sides hold words, the right one not beginning with a figure (a table's next column's)."""
    return bool(_WORDS.search(left) and _WORDS.search(right) and not _FIGURE_FIRST.match(right))


def _split(line: str, gutter: int) -> tuple[str, str]:
    """A line's text left of the display column ``gutter`` and right of it."""
    at = 0
    for k, c in enumerate(line):
        if at >= gutter:
            return line[:k].rstrip(), line[k:].strip()
        at += 2 if _wide(c) else 1
    return line.rstrip(), ""
