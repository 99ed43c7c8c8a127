"""The column order of tables 3 and 4, read from the header a report prints.

The form fixes the columns' order, and rows are read in it. Some publishers print the columns
in another order (总计 first, the organisation columns shuffled, 行政诉讼 before 行政复议) or
leave one out (no 法律服务机构 column), and say so in the header. A header is read here only
when every line of it is made of the form's column words and they settle one order; anything
else (prose, words not known, a heading whose place among the columns the text does not show)
leaves the form's order, as before.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from .. import forms
from .layout import SECTION_HEADINGS, delimiter, label_core, line_cells

_CAPTION = re.compile(r"[(（]([^)）]*)[)）]")  # （本列数据的勾稽关系为……）: no column
# The form's corner note printed without its brackets, whole or a piece of it a narrow cell wrapped (本列数据的勾稽关系为：
# 第一项加第二 / 项之和，等于第三项加第四项之和): no column. Its characters are none of a column's name.
_CORNER_NOTE = re.compile(r"[本列数据的勾稽关系为是第一二三四项加之和等于：:，,\s]{4,}")
_CORNER_NOTE_WORDS = ("勾稽", "项之和", "加第")
_CAPTION_OPENED = re.compile(r"[(（][^()（）]*$")  # a caption a narrow cell wraps: its first line …
_CAPTION_CLOSED = re.compile(r"^[^()（）]*[)）]")  # … and its last
# 行政诉讼（复议后起诉）: a litigation group named with its heading, the group's name in brackets (no caption)
_NAMED_GROUP = re.compile(r"行政诉讼\s*[(（]\s*((?:未经复议)?直接起诉|复议后起诉)\s*[)）]")
# A header cell naming 法人或其他组织 and its column at once (法人或其他组织-企业, 法人或其他组织—小计: an export's flattened
# header): the column only, or the group heading said once a cell appeared as many times as the columns under it.
_GROUP_JOINED = re.compile(r"法人(?:或|及|和)其[他它]组织\s*[-—–·]\s*(?=[\u4e00-\u9fff])")
_T3_WORDS = tuple(sorted(forms.T3_HEADER_WORDS, key=lambda w: -len(w[0])))
# 合计 in a header that also prints 总计: the organisations' subtotal under 法人或其他组织, not a second total; and in
# one that prints 小计 too, a sum of its own (自然人's and the organisations': 总计 again), no column of the form.
_T3_WORDS_BESIDE_TOTAL = tuple((w, forms.T3_GROUP_SUBTOTAL if w == "合计" else name) for w, name in _T3_WORDS)
_T3_WORDS_BESIDE_SUBTOTALS = tuple((w, f"{forms.T3_UNLISTED}0" if w == "合计" else name) for w, name in _T3_WORDS)
_T4_WORDS = tuple(sorted(forms.T4_HEADER_WORDS, key=lambda w: -len(w[0])))
T3_ORDER = tuple(c.id for c in forms.T3_COLUMNS)
_ORGANISATIONS = frozenset({*T3_ORDER[1:-1], forms.T3_GROUP_SUBTOTAL})  # the columns under 法人或其他组织
_T4_COLUMN_IDS = frozenset(c.id for c in forms.T4_COLUMNS)
_REVIEW, _DIRECT, _AFTER = (g.id for g in forms.T4_GROUPS)


@lru_cache(maxsize=4096)
def _line_names(line: str, words: tuple[tuple[str, str], ...]) -> tuple[str, ...] | None:
    """The columns a line names, in order: () when it names none; None when it names columns
    among other text (prose, a word the header vocabulary does not know). Only the line's Chinese
    characters are read: a word split by a space or a cell border (总 计, 未经复 | 议直接起诉) is one."""
    for heading in SECTION_HEADINGS.values():
        line = heading.sub(" ", line)
    if "-" in line or "—" in line or "·" in line:
        line = _GROUP_JOINED.sub(" ", line)
    if any(word in line for word in _CORNER_NOTE_WORDS):
        line = _CORNER_NOTE.sub(" ", line)
    core, pos = label_core(_without_captions(_NAMED_GROUP.sub(r" \1 ", line), words)), 0
    names: list[str] = []
    other = False
    while pos < len(core):
        word = next(((w, name) for w, name in words if core.startswith(w, pos)), None)
        if word is None:
            other, pos = True, pos + 1
            continue
        if word[1]:
            names.append(word[1])
        pos += len(word[0])
    return None if other and names else tuple(names)


def _without_captions(text: str, words: tuple[tuple[str, str], ...]) -> str:
    """``text`` without its bracketed captions; a column's name in brackets (申请人情况（总计）: a table printing only its
    total column) is kept, as a name."""
    if "(" not in text and "（" not in text:
        return text
    return _CAPTION.sub(lambda m: f" {m[1]} " if _is_word(m[1], words) else " ", text)


def _is_word(text: str, words: tuple[tuple[str, str], ...]) -> bool:
    return label_core(text) in _word_set(words)


@lru_cache(maxsize=8)
def _word_set(words: tuple[tuple[str, str], ...]) -> frozenset[str]:
    return frozenset(w for w, _ in words)


def _unwrapped_words(lines: list[str], words: tuple[tuple[str, str], ...]) -> list[str]:
    """The header's lines with the words a narrow cell wrapped a line at a time joined (自然 / 人, 商业 / 企业,
    a page's text one cell a line): a line that makes a word with the next (商业 and 科研, words of their own as short
    names, wrap so too)."""
    out: list[str] = []
    k = 0
    while k < len(lines):
        if k + 1 < len(lines) and label_core(lines[k]) and _is_word(lines[k] + lines[k + 1], words):
            out.append(lines[k].strip() + lines[k + 1].strip())
            k += 2
            continue
        out.append(lines[k])
        k += 1
    return out


def _without_wrapped_captions(lines: list[str]) -> list[str]:
    """The header's lines with a caption that wraps over several of them taken out of its first and last
    (a PDF's text of the corner cell: "（本列数据的勾稽关系为：第一项加第二" … "项之和……） 自然", the 自然人 of the
    cell beside it on the caption's last line, other cells' lines between). A caption naming a group
    (行政诉讼（复议后 / 起诉）) stays."""
    out = list(lines)
    for k, line in enumerate(lines):
        if not (opened := _CAPTION_OPENED.search(line)):
            continue
        end = next((j for j in range(k + 1, len(lines)) if _CAPTION_CLOSED.search(lines[j])
                    or "(" in lines[j] or "（" in lines[j]), None)
        if end is None or not (closed := _CAPTION_CLOSED.search(lines[end])) \
                or _NAMED_GROUP.search("行政诉讼" + opened.group() + closed.group()):
            continue
        out[k], out[end] = line[:opened.start()], lines[end][closed.end():]
    return out


_SENTENCE_END = re.compile(r"[。！？]\s*$")  # a line of prose, no header's


def _header(lines: list[str], words: tuple[tuple[str, str], ...]) -> list[tuple[str, ...]] | None:
    """The header lines' names, one tuple per line that names columns; None when a line names
    columns among other text: the header cannot be read with confidence."""
    out = []
    for line in _unwrapped_words(_without_wrapped_captions(lines), words):
        if _SENTENCE_END.search(line) and (not out or not any(c.isdigit() for c in line)):
            continue  # (prose above the header, 本年度引起行政复议1件、行政诉讼1件。, and a note saying how it orders its
            # columns: 本表各列按“总计、其他……”顺序排列。; not prose stating a column's figure inside the header, 其中自然人
            # 申请 12 件。, which leaves it unsure)
        names = _line_names(line, words)
        if names is None:
            return None
        if names:
            out.append(names)
    return out


# A header's cell in text whose words the form's columns are not (个体工商户, 法律服务机构及其他): Chinese, short.
_UNLISTED_CELL = re.compile(r"[\u4e00-\u9fff]{2,12}")
_CELL_BORDER = re.compile(r"\s*(?:\||\t|\s{2,})\s*")


def _header_with_unlisted(lines: list[str], words: tuple[tuple[str, str], ...]) -> list[tuple[str, ...]] | None:
    """``_header`` of a text table (cells parted by |, tabs or wide spaces) whose cells also name columns the form does
    not have, each such cell a column of its own (``forms.T3_UNLISTED`` numbered): one of its own (个体工商户) or two of
    the form's at once (法律服务机构及其他); words before its first column head the rows' labels (申请情况, 具体情形). None
    when a line is no row of such cells, or names no unknown column."""
    out: list[tuple[str, ...]] = []
    unlisted = 0
    for line in _unwrapped_words(_without_wrapped_captions(lines), words):
        names = _line_names(line, words)
        if names is None:
            cells = [c for c in _CELL_BORDER.split(_without_captions(line, words).strip()) if c]
            read = [_line_names(cell, words) for cell in cells]
            if sum(1 for r in read if r and len(r) == 1) < 2 or not all(
                    (r is not None and len(r) == 1) or _UNLISTED_CELL.fullmatch(c) for c, r in zip(cells, read)):
                return None
            names = []
            # (unknown words before 自然人, the first column, on its line head the rows' labels: 申请情况 | 具体情形)
            labels = next((k for k, r in enumerate(read) if r and len(r) == 1 and r[0] == T3_ORDER[0]), 0)
            for r in read[labels:]:
                if r is not None and len(r) == 1:
                    names.append(r[0])
                else:
                    unlisted += 1
                    names.append(f"{forms.T3_UNLISTED}{unlisted}")
            names = tuple(names)
        if names:
            out.append(names)
    return out if unlisted else None


def _together(lines: list[tuple[str, ...]], names: set[str]) -> tuple[str, ...] | None:
    """The one line that prints all of ``names`` (their order is then the printed order); a
    header printed one cell per line (a crawled table flattened) has them in reading order."""
    if all(len(line) == 1 for line in lines):
        return tuple(n for line in lines for n in line if n in names)
    return next((tuple(n for n in line if n in names) for line in lines if names <= set(line)), None)


def _grid_order(lines: list[str], words: tuple[tuple[str, str], ...], headings: frozenset[str]) -> list[str] | None:
    """The columns named in a grid (a web page's or Word table's rows as tab-separated cells, spans
    expanded: every row as wide), ordered by their cells' places; a heading over several columns
    (``headings``) places none. None when the header lines are no grid, a cell names two, or two
    lines name columns in the same place (a grid that lost its spans: Markdown of a web table)."""
    placed: dict[str, int] = {}
    widths = set()
    for line in _unwrapped_words(_without_wrapped_captions(lines), words):
        if not (named := _line_names(line, words)) or ("\t" not in line and set(named) <= headings):
            continue  # (法人或其他组织 over its columns, centred on a line of its own: it places none)
        if "\t" not in line:
            return None
        cells = line.split("\t")
        widths.add(len(cells))
        for at, cell in enumerate(cells):
            names = _line_names(cell, words)
            if names and len(names) > 1 and (own := tuple(n for n in names if n not in headings)):
                names = own  # (法人或其他组织-商业企业: a header's levels joined in one cell, as an export prints them)
            if names is None or len(names) > 1 or (names and names[0] in placed):
                return None
            if names and names[0] not in headings:
                if at in placed.values():
                    return None
                placed[names[0]] = at
    return sorted(placed, key=placed.__getitem__) if placed and len(widths) == 1 else None


_FIGURE = re.compile(r"[\d,，.]+|无|—|-|/")
# Columns a table adds that hold no applicant's count: remarks, units, the rows' numbers.
_SERVICE_COLUMN = re.compile(r"备注|说明|计量单位|单位|序号|栏次|行次|编号|填报说明")
_REMARKS_LAST = re.compile(r"(?<=\S)[ \t|｜]+(?:备注|说明)[ \t|｜]*$")  # a remark's column last on a header's line
# A header cell naming the year a column is for, when a table prints each column for two years to compare.
_YEAR_CELL = re.compile(r"(?P<y>(?:19|20)\d{2})\s*年?度?|(?P<word>上年|去年|上一年|本年|今年|当年)度?")


def column_year(cell: str) -> int | None:
    """The year a header cell names, to be compared: 上年 and 本年 rank after any year written out."""
    m = _YEAR_CELL.fullmatch(cell.strip())
    if m is None:
        return None
    return int(m.group("y")) if m.group("y") else (1 if m.group("word") in ("本年", "今年", "当年") else 0) + 9000


def _years_apart(grid: list[list[str]], first: int) -> dict[int, str]:
    """The places of a grid's header whose lowest cell names a year, the later of the two (本年 | 上年, 2024年 |
    2023年) as ``this`` and the other as ``before``: each of the form's columns printed for both years."""
    lowest = {at: next((cells[at] for cells in reversed(grid) if cells[at].strip()), "")
              for at in range(first, len(grid[0]))}
    years = {at: year for at, cell in lowest.items() if (year := column_year(cell)) is not None}
    if len(set(years.values())) != 2:
        return {}
    return {at: "this" if year == max(years.values()) else "before" for at, year in years.items()}


def _grid_with_unlisted(lines: list[str], words: tuple[tuple[str, str], ...]) -> tuple[str, ...] | None:
    """The columns of a grid header (tab-parted lines of one width, spans expanded) whose cells also name columns the
    form does not have: each place below the first that names a column read by its lowest named cell, as the form's
    column that cell names alone, or as a column of its own (``forms.T3_UNLISTED`` numbered) where it is words the
    form's columns are not (个体工商户, 其中：网上申请), two of them at once (科研机构和社会公益组织), or a part of the
    column over it (本市户籍 | 非本市户籍 under 自然人: 自然人 then not printed whole); a column printed for two years (本年 |
    上年 under 自然人) is its later year's place, the other the year before's (``forms.T3_EARLIER``). None when the header
    is no such grid, names no unknown column, prints a remark's or a unit's column, or is the form's seven where they
    stand, a name garbled among them."""
    rows = [line.split("\t") for line in _without_wrapped_captions(lines) if "\t" in line and label_core(line)]
    # (no rows of figures: another table's above its own, a scope's 全县汇总 before its 本级)
    grid = [cells for cells in rows if not any(_FIGURE.fullmatch(cell.strip()) for cell in cells)]
    headings = {w for w, name in words if name in ("", forms.T3_APPLICANT_GROUP)}
    # (nor a line of the corner's caption and 申请人情况 alone: a text's line, cut short after them)
    grid = [cells for cells in grid if any(label_core(_without_captions(cell, words)) not in ("", *headings)
                                           for cell in cells)]
    if len(grid) < 2:
        return None
    width = max(len(cells) for cells in grid)
    if any(len(cells) < width and all(cell.strip() for cell in cells) for cells in grid):
        return None  # (lines of cells and no empty place: a text table's, no grid's)
    grid = [cells + [""] * (width - len(cells)) for cells in grid]  # (a spreadsheet's rows, their empty ends cut)
    first = min((at for cells in grid for at, cell in enumerate(cells) if (n := _line_names(cell, words))
                 and any(name and name != forms.T3_APPLICANT_GROUP for name in n)), default=None)
    if first is None:
        return None
    out: list[str] = []
    unlisted = 0
    parts: dict[int, str] = {}  # places of parts of a form's column (本地 | 外地 under 自然人 spanning both): the column
    run: tuple[int, str] | None = None  # the header row and column of the span the last place is a part of
    years = _years_apart(grid, first)
    remarks = False  # (a remark's column last: 备注)
    for at in range(first, width):
        # the place's cells, top to bottom, but headings (申请人情况, 法人或其他组织, above or below its columns), the
        # caption (（本列数据的勾稽关系为……）) and cells of no words (栏次's 1 2 3)
        stack = [cell for cells in grid
                 if (core := label_core(_without_captions(cell := cells[at].strip(), words))) and core not in headings]
        if stack and at == width - 1 and _SERVICE_COLUMN.fullmatch(label_core(stack[-1])):
            remarks = True
            break  # (备注 last: read past by the rows' own rules)
        if not stack or _SERVICE_COLUMN.fullmatch(label_core(stack[-1])):
            return None  # (备注, 计量单位: read past by the rows' own rules; 法人或其他组织 a column: its own rule)
        lowest = stack[-1]
        names = [n for n in (_line_names(lowest, words) or ()) if n and n != forms.T3_APPLICANT_GROUP]
        over = [name for cell in stack[:-1] for name in (_line_names(cell, words) or ())
                if name in T3_ORDER and name not in names]  # (a span expanded by repeating its text: the same)
        if len(names) == 1 and (names[0] in T3_ORDER or names[0] in forms.T3_ADDED_COLUMNS) and not over \
                and names[0] not in out:
            out.append(names[0])  # (小计, 2021年总计, 增减: the columns the form's readers know by name)
            run = None
        elif names == [forms.T3_GROUP_SUBTOTAL] and len(set(over)) == 1 and over[0] not in out:
            out.append(over[0])  # (小计 under 自然人 over its parts: the column's whole)
            run = None
        else:  # (a part of the column over it, 本市户籍 under 自然人, is no whole of it: that column is not printed)
            heading = next(((r, n) for r, cells in enumerate(grid) for n in (_line_names(cells[at], words) or ())
                            if n in T3_ORDER and n not in names), None)
            if at in years:  # (本年 | 上年 under 自然人, the span's text printed over its first place only)
                over_both = heading or (run if run and not grid[run[0]][at].strip() else None)
                if years[at] == "before" or (over_both and over_both[1] not in out):
                    out.append(over_both[1] if years[at] == "this" else forms.T3_EARLIER)
                    run = over_both
                    continue
            unlisted += 1
            run = heading if not names and heading else run if not names and run and not grid[run[0]][at].strip() \
                else None  # (the span's later places: nothing printed over them in its row)
            if run:
                parts[len(out)] = run[1]
            out.append(f"{forms.T3_UNLISTED}{unlisted}")
    if _garbled_at_form_places(tuple(out)):
        return None
    split = Counter(parts.values())
    for k, column in parts.items():
        if split[column] > 1 and column not in out:  # (a column printed in parts, and not also whole)
            out[k] += forms.T3_PART_OF + column
    return tuple(out) if unlisted or years or remarks else None


def t3_column_names(lines: list[str]) -> set[str] | None:
    """The table-3 columns header lines name, in whatever order; None when a line names them among
    other text."""
    header = _header(lines, _T3_WORDS)
    return None if header is None else {n for line in header for n in line}


def t3_column_sequence(lines: list[str]) -> tuple[str, ...] | None:
    """The table-3 columns header lines name, in the order printed, line after line, without the headings over
    them (申请人情况, 法人或其他组织); None when a line names them among other text."""
    header = _header(lines, _T3_WORDS)
    return None if header is None else tuple(n for line in header for n in line if n != forms.T3_APPLICANT_GROUP)


def _unwrapped_cells(lines: list[str], words: tuple[tuple[str, str], ...]) -> list[str]:
    """A grid's header lines with the words its narrow cells wrapped onto the next line joined, cell by cell (商业 ⇥ 科研
    over 企业 ⇥ 机构: a PDF's text of a table whose header cells wrap): two lines of one width, every cell printed on
    both a word with the one below it."""
    out: list[str] = []
    for line in lines:
        if out and "\t" in line and "\t" in out[-1] and len(upper := out[-1].split("\t")) == len(lower := line.split("\t")):
            both = [(a, b) for a, b in zip(upper, lower) if a.strip() and b.strip()]
            if both and all(_is_word(a.strip() + b.strip(), words) for a, b in both):  # (商业 and 科研: words too)
                out[-1] = "\t".join((a.strip() + b.strip()) if a.strip() and b.strip() else (a or b)
                                    for a, b in zip(upper, lower))
                continue
        out.append(line)
    return out


# The organisations' subtotal named with their heading in one cell (法人或其他组织小计, …合计): a 小计 column.
_GROUP_SUBTOTAL = re.compile(r"法人(?:或|及|和)其[他它]组织(?:小计|合计)")
_TAIL_MAX = 2  # characters of a header word a narrow cell wraps, at most, that a PDF's text sets in a cell beside


def _rejoined_tails(lines: list[str], words: tuple[tuple[str, str], ...]) -> list[str]:
    """A grid's header lines with the last character or two of a word its narrow cell wrapped given back to it, where
    the PDF's text set them in a cell beside (社会公益组 ⇥ 织其他, 法律服务机 ⇥ … over 自然人构): a cell printing a word
    short of its tail, and a cell elsewhere in the header beginning or ending with that tail, a word without it."""
    cells = [line.split("\t") for line in lines]
    if sum(len(row) for row in cells) < 2:
        return lines
    known = _word_set(words)
    changed = False
    for row in cells:
        for k, cell in enumerate(row):
            core = label_core(cell)
            if not core or core in known:
                continue
            tails = [w[len(core):] for w in known if w.startswith(core) and 0 < len(w) - len(core) <= _TAIL_MAX]
            spot = next(((other, j, tail, other[j].strip()) for tail in tails for other in cells
                         for j, text in enumerate(other) if (other is not row or j != k) and text.strip()
                         and text.strip() != tail and (
                             (text.strip().startswith(tail) and text.strip()[len(tail):] in known)
                             or (text.strip().endswith(tail) and text.strip()[:-len(tail)] in known))), None)
            if spot is None:
                continue
            other, j, tail, text = spot
            row[k] = cell.strip() + tail
            other[j] = text[len(tail):] if text.startswith(tail) else text[:-len(tail)]
            changed = True
    return ["\t".join(row) for row in cells] if changed else lines


def t3_columns(lines: list[str]) -> tuple[str, ...] | None:
    """The table-3 columns in printed order, from the lines before its first row; None when the
    header does not settle them. In a grid, the columns are in their cells' order; in text, a
    header prints the columns on one line, or in two: 自然人,
    法人或其他组织, 总计 on one line (in their order), the organisation columns under the
    heading on a later one (or after them on the same line, the rows run together); the heading's
    place among 自然人 and 总计 is known only where they share its line."""
    words = _T3_WORDS
    if any("总计" in line for line in lines):
        words = _T3_WORDS_BESIDE_SUBTOTALS if any("小计" in line for line in lines) else _T3_WORDS_BESIDE_TOTAL
    if any("组织" in line for line in lines):
        lines = [_GROUP_SUBTOTAL.sub("小计", line) for line in lines]
    lines = _rejoined_tails(_unwrapped_cells(lines, words), words) if any("\t" in line for line in lines) \
        else _unwrapped_cells(lines, words)
    if (unlisted := _grid_with_unlisted(lines, words)) is not None:
        return unlisted
    lines = [_REMARKS_LAST.sub("", line) for line in lines]  # (a text's header, 总计 备注: read past by the rows' rules)
    if header := _header(lines, words):
        return _named_order(lines, words, header)
    if not (in_text := _header_with_unlisted(lines, words)):
        return None
    order = _named_order(lines, words, in_text, in_text=True)
    return None if order is None or _garbled_at_form_places(order) else order


def _garbled_at_form_places(columns: tuple[str, ...]) -> bool:
    """The form's seven columns, a name or two garbled where it stands (商业企业权, 社会公来益组织): no columns the form
    does not have."""
    return len(columns) == len(T3_ORDER) and all(c == T3_ORDER[k] for k, c in enumerate(columns)
                                                 if not c.startswith(forms.T3_UNLISTED))


def _named_order(lines: list[str], words: tuple[tuple[str, str], ...], header: list[tuple[str, ...]],
                 in_text: bool = False) -> tuple[str, ...] | None:
    """``t3_columns`` of a header whose lines name the columns (``in_text``: a text table's, its cells not a grid's)."""
    group = forms.T3_APPLICANT_GROUP
    stream = [n for line in header for n in line]
    if group in stream and not _ORGANISATIONS & set(stream):
        return _one_group_column(lines, header)
    grid = None if in_text else _grid_order(lines, words, frozenset({group}))
    if grid is not None:
        return tuple(grid)
    # (a line naming every column once, no heading among them, the lines above it naming some of them again: the
    # header's rows flattened, 总计 法人或其他组织 自然人 over 总计 其他 … 自然人, the lowest whole)
    whole = [line for line in header if set(T3_ORDER) <= set(line) and len(set(line)) == len(line) and group not in line]
    if len(header) > 1 and len(whole) == 1 and all(set(line) - {group} <= set(whole[0]) for line in header):
        return tuple(n for n in whole[0] if n != group)
    if any(stream.count(n) > 1 and n not in forms.T3_ADDED_COLUMNS for n in stream):
        return None  # (a column named twice: a garbled header; but 占比 after each applicant's column is a share each)
    columns = {n for n in stream if n != group}
    flat = _together(header, columns)
    # (not a line naming the heading among them: the form's header rows run onto one line, 自然人 法人或其他组织 总计
    # 商业企业 … 其他, its organisations under the heading, read below)
    flattened = next((line for line in header if group in line and columns <= set(line)), None)
    if flat is not None and (group not in stream or not all(len(line) == 1 for line in header)) and (
            flattened is None or _under_heading(flattened)):
        return flat
    if group not in stream:
        return _edge_columns(header, columns)
    # (a column the form does not have among the organisations, on their line, is one of them: 法律服务机构及其他)
    organisations = [n for line in header for n in line if n in _ORGANISATIONS or (
        n.startswith(forms.T3_UNLISTED) and _ORGANISATIONS & set(line))]
    if not organisations:
        return None
    top = _together(header, {n for n in stream if n not in organisations})
    under = _together(header, set(organisations))
    if top is None or under is None or stream.index(under[0]) < max(stream.index(n) for n in top):
        return _edge_columns(header, columns)
    return tuple(n for name in top for n in (under if name == group else (name,)))


def _under_heading(line: tuple[str, ...]) -> bool:
    """Whether a line naming 法人或其他组织 and the columns names the organisations right after the heading, as the
    columns stand (自然人 法人或其他组织 商业企业 … 其他 总计), not after the others (… 总计 商业企业 …)."""
    at = line.index(forms.T3_APPLICANT_GROUP) + 1
    organisations = [n for n in line if n in _ORGANISATIONS]
    return list(line[at:at + len(organisations)]) == organisations


def _edge_columns(header: list[tuple[str, ...]], columns: set[str]) -> tuple[str, ...] | None:
    """The form's first or last columns, when a header whose lines do not show their order names just those (a
    run of the form's columns from 自然人 or up to 总计, the organisations among them on one line in the form's
    order): a page printed with the table cut at its right edge keeps its left columns, one scrolled to its end
    its right ones (a phone's view printed to PDF). Else None."""
    size = len(columns)
    organisations = _together(header, columns & _ORGANISATIONS)
    for run in (T3_ORDER[:size], T3_ORDER[len(T3_ORDER) - size:]):
        if size < len(T3_ORDER) and set(run) == columns and organisations == tuple(
                n for n in run if n in _ORGANISATIONS):
            return run
    return None


def _one_group_column(lines: list[str], header: list[tuple[str, ...]]) -> tuple[str, ...] | None:
    """A header naming 法人或其他组织 with no organisation column under it: the organisations are
    printed as one column, their sum (the form's 小计 of them), in its place among 自然人 and 总计."""
    grid = _grid_order(lines, _T3_WORDS, frozenset())
    order = grid if grid is not None else _together(header, {"natural_person", forms.T3_APPLICANT_GROUP, "total"})
    if order is None or set(order) != {"natural_person", forms.T3_APPLICANT_GROUP, "total"}:
        return None
    return tuple(forms.T3_GROUP_SUBTOTAL if n == forms.T3_APPLICANT_GROUP else n for n in order)


def t4_columns(lines: list[str]) -> tuple[tuple[str, str], ...] | None:
    """The table-4 cells (group, column) in printed order, from the lines before its numbers;
    None when the header does not settle them. The five column words are printed once or once
    per group, in one order; the groups by 行政复议 and 行政诉讼 on one line, and 未经复议直接起诉
    and 复议后起诉 on one line; a header that names no group keeps the form's group order. A header
    whose words a PDF's text breaks over lines (结果维 / 持) is read by where it prints the groups."""
    if named_cells := _cells_named_whole(lines):
        return named_cells
    header = _header(lines, _T4_WORDS)
    if not header:
        groups = _groups_by_place(lines) if header is None else None
        return tuple((g, c.id) for g in groups for c in forms.T4_COLUMNS) if groups else None
    stream = [n for line in header for n in line]
    printed = [n for n in stream if n in _T4_COLUMN_IDS]
    size = len(forms.T4_COLUMNS)
    if printed and len(printed) == len(forms.T4_GROUPS) * len(distinct := tuple(dict.fromkeys(printed))) < size * 3:
        size = len(distinct)  # the same few columns under each group (总计 | 总计 | 总计: only the groups' totals)
    runs = {tuple(printed[i:i + size]) for i in range(0, len(printed), size)}
    added = [n for n in stream if n == forms.T4_LITIGATION_SUBTOTAL]  # (read by name, not the form's)
    if cut := _cut_t4(printed, [n for n in stream if n in _GROUP_IDS]):
        return cut
    if len(printed) % size or len(printed) > size * (len(forms.T4_GROUPS) + len(added)) or len(runs) != 1:
        return None
    columns = runs.pop()
    if len(set(columns)) != size:
        return None
    named = [n for n in stream if n not in _T4_COLUMN_IDS]
    if part := _part_printed(header, named):
        groups: tuple[str, ...] = part
    elif len(printed) == size * 2:
        return None
    elif not named:
        groups = tuple(g.id for g in forms.T4_GROUPS)
    elif sorted(named) == sorted(g.id for g in forms.T4_GROUPS) and (flat := _together(header, set(named))):
        groups = flat  # the three groups on one line, no 行政诉讼 over two of them: 行政复议 | 复议后起诉 | 直接起诉
    else:
        top = _together(header, {_REVIEW, forms.T4_LITIGATION})
        litigation = _together(header, {_DIRECT, _AFTER, *added})  # (行政诉讼小计 beside its two groups)
        if len(named) != len(set(named)) or len(named) != 4 + len(added) or top is None or litigation is None:
            return None
        groups = tuple(g for name in top for g in (litigation if name == forms.T4_LITIGATION else (name,)))
    return tuple((g, c) for g in groups for c in columns)


def _cells_named_whole(lines: list[str]) -> tuple[tuple[str, str], ...] | None:
    """Table 4's cells when a header line's every cell names one whole (行政诉讼-复议后起诉-结果维持, 结果维持-行政复议: a
    header's levels joined in each cell, as exports print them, in any order of levels or of cells; parted by spaces in
    a text: its order was lost, and the cells read in the form's, wrong); else None."""
    for line in lines:
        # (cells parted by a delimiter, or by spaces: a text's header of whole names, 行政复议总计 行政复议结果维持 …)
        cells = [cell for cell in line_cells(line) if cell.strip()] if delimiter(line) else line.split()
        if len(cells) < len(forms.T4_COLUMNS):
            continue
        named = [(group, results[0]) if (group := t4_group_named(cell)) and len(results := t4_results_in(cell)) == 1
                 else None for cell in cells]
        if all(named) and len(set(named)) == len(named):
            return tuple(named)
    return None


_T4_FORM_CELLS = tuple((g.id, c.id) for g in forms.T4_GROUPS for c in forms.T4_COLUMNS)
_GROUP_IDS = frozenset(g.id for g in forms.T4_GROUPS)


def _cut_t4(printed: list[str], named: list[str]) -> tuple[tuple[str, str], ...] | None:
    """The form's first cells of table 4, when its header names just those, a group's results cut part of the
    way (a page printed with the table cut at its right edge: 行政复议's five and 结果维持, 结果纠正 of the next,
    whose name the cut left unreadable); the groups named are the form's first, in its order. Else None."""
    cells = _T4_FORM_CELLS[:len(printed)]
    whole = len(printed) // len(forms.T4_COLUMNS)
    if not len(printed) % len(forms.T4_COLUMNS) or [c for _, c in cells] != printed \
            or not 0 < len(named) <= whole + 1 or named != [g.id for g in forms.T4_GROUPS[:len(named)]]:
        return None
    return cells


def _part_printed(header: list[tuple[str, ...]], named: list[str]) -> tuple[str, ...] | None:
    """The groups of a table 4 printed in part, as its header names them: 行政复议 alone, or 行政诉讼's two
    groups alone (a report that leaves out the half it has nothing for), or 行政复议 and 未经复议直接起诉 in
    the form's order, the cut-off 行政诉讼 over the second named no more (a page printed with the table cut at
    its right edge); else None."""
    if named in ([_REVIEW], [_REVIEW, _DIRECT]):
        return tuple(named)
    if sorted(n for n in named if n != forms.T4_LITIGATION) == sorted((_DIRECT, _AFTER)) and len(named) <= 3:
        return _together(header, {_DIRECT, _AFTER})
    return None


_GROUP_WORDS = re.compile(r"(?P<admin_review>行政复议)|(?P<litigation_direct>(?:未经复议)?直接起诉)"
                          r"|(?P<litigation_after_review>复议后起诉)")


def _groups_by_place(lines: list[str]) -> tuple[str, ...] | None:
    """The three groups in the order their names stand on a line (a text that keeps the page's layout:
    复议后起诉 before 未经复议直接起诉); 行政复议 named on another line, above them, comes first as on the
    form; 行政复议 and 未经复议直接起诉 alone, in that order, are the form's first two (复议后起诉 cut off at the
    page's right edge). None unless the two litigation groups share a line and each group is named once."""
    places: dict[str, tuple[int, int]] = {}
    for k, line in enumerate(lines):
        for m in _GROUP_WORDS.finditer(SECTION_HEADINGS["t4"].sub(lambda h: " " * len(h.group()), line)):
            if m.lastgroup in places:
                return None
            places[m.lastgroup] = (k, m.start())
    if set(places) == {_REVIEW, _DIRECT} and places[_REVIEW] < places[_DIRECT]:
        return _REVIEW, _DIRECT
    if len(places) != len(forms.T4_GROUPS) or places[_DIRECT][0] != places[_AFTER][0]:
        return None
    if places[_REVIEW][0] != places[_DIRECT][0]:
        places[_REVIEW] = (places[_DIRECT][0], -1)
    return tuple(sorted(places, key=places.__getitem__))


_T4_RESULT_WORDS = tuple((w, name) for w, name in _T4_WORDS if name in _T4_COLUMN_IDS)
_T4_GROUP_WORD = re.compile("|".join(g.label_zh.rsplit("·", 1)[-1] for g in forms.T4_GROUPS))
# over both, not "行政诉讼（复议后起诉）" or "行政诉讼（直接起诉）"
_T4_LITIGATION_HEADING = re.compile(r"行政诉讼(?![\s(（·:：]*(?:未经复议|直接起诉|复议后))")
_T4_GROUP_IDS = {g.label_zh.rsplit("·", 1)[-1]: g.id for g in forms.T4_GROUPS}


def t4_group_named(label: str) -> str | None:
    """The one table-4 group a row's label names (行政复议, 未经复议直接起诉, 复议后起诉, or as statistics systems
    shorten them: 复议, 诉讼(直接), 诉讼(复议后)), or None. The section's heading taken into a first row's label
    (四、政府信息公开行政复议、行政诉讼情况 行政诉讼（复议后起诉）) names no group; with the header too (… 类别 总计 结果维持
    … 复议), the row's own name is its last word."""
    if "情况" in label:
        label = SECTION_HEADINGS["t4"].sub(" ", label)
    found = {_T4_GROUP_IDS[m] for m in _T4_GROUP_WORD.findall(label)}
    if not found:
        found = {group for pattern, group in _T4_SHORT_GROUPS if pattern.search(label_core(label))
                 or (label.split() and pattern.search(label_core(label.split()[-1])))}
    return found.pop() if len(found) == 1 else None


# Table 4's groups as short row labels name them (the litigation groups first: 复议后 holds 复议), 诉讼 before or after
# (行政诉讼（复议后诉讼）, 未经复议起诉, 直接起诉).
_T4_SHORT_GROUPS = ((re.compile(r"^(?:行政)?(?:诉讼)?(?:复议后|经复议后?)(?:起诉|诉讼)?$"), _AFTER),
                    (re.compile(r"^(?:行政)?(?:诉讼)?(?:直接|未经复议(?:直接)?)(?:起诉|诉讼)?$"), _DIRECT),
                    (re.compile(r"^(?:行政)?复议$"), _REVIEW))


_T4_RESULT_WORD = re.compile("|".join(sorted((re.escape(w) for w, _ in _T4_RESULT_WORDS), key=len, reverse=True)))


def t4_results_in(line: str) -> list[str]:
    """The table-4 results a header line names, in its order (总计 结果维持 结果纠正 …)."""
    names = dict(_T4_RESULT_WORDS)
    return [names[m.group()] for m in _T4_RESULT_WORD.finditer(label_core(line))]


def t4_result(label: str) -> str | None:
    """The table-4 result column a row's label ends with (结果维持, 其他结果, 总计…), or None: a
    table 4 printed turned has a row per result."""
    core = label_core(label)
    return next((name for w, name in _T4_RESULT_WORDS if core.endswith(w)), None)


def t4_cell_named(label: str, group_above: str | None = None) -> tuple[str, str] | None:
    """The table-4 cell a row's label names whole, group and result (行政复议-结果维持, 行政诉讼（复议后起诉）
    -总计), as a table 4 printed as a list names its cells; None when it names no one group (行政诉讼 alone
    is either) or no result. A label naming a result and no group at all (or 行政诉讼 alone, under a kind of
    litigation) is of ``group_above``, the group of the row above, when given: a merged cell prints a group's
    name once, beside its first row. The section's heading run into the first row's label (四、政府信息公开行政复议、行政
    诉讼情况 行政诉讼 未经复议直接起诉-结果维持) names no group of it."""
    groups = {_T4_GROUP_IDS[m.group()] for m in _T4_GROUP_WORD.finditer(label_core(SECTION_HEADINGS["t4"].sub(" ", label)))}
    if not groups and group_above is not None and ("行政诉讼" not in label or group_above != "admin_review"):
        groups = {group_above}
    result = t4_result(label)
    return (groups.pop(), result) if len(groups) == 1 and result is not None else None


def names_t4_part(label: str) -> bool:
    """Whether a row's label names a table-4 group or result at all, as each row of a table 4 printed as a
    list does; a line between such rows (a transcript's 说话人1 08:55, a page's number) names neither."""
    return t4_result(label) is not None or _T4_GROUP_WORD.search(label_core(label)) is not None


def t4_groups_named(lines: list[str]) -> tuple[str, ...]:
    """The table-4 groups header lines name, in order, each once (行政复议; 未经复议直接起诉 or 直接起诉 | 复议后起诉)."""
    text = " ".join(SECTION_HEADINGS["t4"].sub(" ", line) for line in lines)
    return tuple(dict.fromkeys(m.lastgroup for m in _GROUP_WORDS.finditer(text)))


def t4_turned_groups(lines: list[str]) -> tuple[str, ...] | None:
    """The groups of a table 4 printed turned (a column per group), in the order its header names
    them; the form's order when it names none. None when it names only some, or puts 行政诉讼 first
    (whose two columns are under it is then not shown by their reading order)."""
    text = " ".join(SECTION_HEADINGS["t4"].sub(" ", line) for line in lines)
    named = list(t4_groups_named(lines))
    if not named:
        return tuple(g.id for g in forms.T4_GROUPS)
    litigation, review = _T4_LITIGATION_HEADING.search(text), text.find("行政复议")
    if len(named) != len(forms.T4_GROUPS) or (litigation and review != -1 and litigation.start() < review):
        return None
    return tuple(named)

