"""OCR engines' result files: the words of a scanned report, each with the box it was found in and
in no reading order a table keeps (ALTO XML, hOCR, Tesseract's TSV, ABBYY FineReader's XML, PaddleOCR's and
EasyOCR's result lists, PP-Structure's regions, cloud OCR APIs' JSON, 腾讯's table OCR by cell). They are laid out as a
page's words are: a line for the words at one height (the scan's slant taken out), left to right, a tab
where a column's gap parts them."""

from __future__ import annotations

import ast
import itertools
import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from statistics import median
from typing import Any, NamedTuple


@dataclass(frozen=True)
class Placed:
    """A word or line of text and its box on its page; ``line`` groups the words an engine found on
    one line (their slant is the scan's), ``page`` counts from 0."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    page: int = 0
    line: tuple = ()
    slope: float | None = None  # of the box's top edge, when the engine gives its corners
    cell: bool = False  # a table's cell, as a table recogniser gives it: parted from its neighbours however close

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def middle(self) -> float:
        return (self.y0 + self.y1) / 2


_SAME_LINE = 0.25  # of the usual height: how far apart two next words' heights on one line may be
_COLUMN_GAP = 1.0  # of the usual height: a gap this wide parts two cells of a table's row
_WORD_GAP = 0.25  # of the usual height: a narrower gap is none (Chinese characters, a number and its 件)
_NEIGHBOURS = 400  # words at one height a slant is measured among at most
_SLANT_LINES = 3  # lines of several words the slant is measured on at least
_LETTER_GAP = 0.1  # of the usual height: two words of letters or digits this far apart keep a space between them
_LATIN = re.compile(r"[A-Za-z0-9]")  # (closer, they are one word's characters: an engine giving each its box)
# Chinese characters and their punctuation: no space between two of them, however wide the gap short of a column's
# (Tesseract's chi_sim parts a line into "words" at a character's usual pitch on a page scanned at high resolution:
# 安吉 县人民政 府 2022 年 政府信息 公开 工作 年 度 报告, and neither the title nor the tables' labels were found).
_CHINESE = re.compile(r"[\u2e80-\u2fdf\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uff0f\uff1a-\uff20]")


def _slant(words: list[Placed], usual: float) -> float:
    """The scan's slant (height gained per unit across), from the lines an engine grouped and the boxes
    it gave the corners of that run across several heights of text; 0 when too few do."""
    lines: dict[tuple, list[Placed]] = {}
    for word in words:
        if word.line:
            lines.setdefault(word.line, []).append(word)
    slopes = [w.slope for w in words if w.slope is not None and w.x1 - w.x0 > 3 * usual]
    for line in lines.values():
        first, last = min(line, key=lambda w: w.x0), max(line, key=lambda w: w.x1)
        across = (last.x0 + last.x1 - first.x0 - first.x1) / 2
        if across > 3 * usual:
            slopes.append((last.middle - first.middle) / across)
    if len(slopes) < _SLANT_LINES:  # characters boxed one by one: their neighbours across a gap
        slopes = _neighbour_slopes(words, usual)
    return median(slopes) if len(slopes) >= _SLANT_LINES else 0.0


def _neighbour_slopes(words: list[Placed], usual: float) -> list[float]:
    """Each word's slant to the nearest word at its height at least two heights to its right (the next
    cell of a table's row, a character a few places on): far enough apart to measure, near enough to be
    on its line."""
    order = sorted(words, key=lambda w: w.middle)
    middles = [w.middle for w in order]
    reach = _SAME_LINE * usual
    slopes = []
    for word in order:
        low, high = bisect_left(middles, word.middle - reach), bisect_right(middles, word.middle + reach)
        if high - low > _NEIGHBOURS:
            continue  # a pile of words at one height (a hostile file's): no line to measure
        right = [w for w in order[low:high] if w.x0 >= word.x1 + 2 * usual]
        if right:
            other = min(right, key=lambda w: w.x0)
            slopes.append((other.middle - word.middle) / ((other.x0 + other.x1 - word.x0 - word.x1) / 2))
    return slopes


def _cells(row: list[Placed], usual: float) -> list[list]:
    """A line's cells left to right (left, right, text): parted where a column's gap parts two words; a
    space where a word's gap does (not between Chinese characters), nothing between the characters of one
    word; a rule the engine read as a word (|) parts two cells and is no text."""
    cells: list[list] = []
    before: Placed | None = None
    for word in row:
        if word.text.strip() in _RULES:  # a table's rule the engine read as a word: the cells' border
            before = None
            continue
        gap = word.x0 - before.x1 if before is not None else 0
        if before is None or (gap >= _COLUMN_GAP * usual and not (
                gap < _CLAUSE_GAP * max(before.height, word.height) and _CLAUSE_GOES_ON.search(before.text)
                and _CHINESE.match(word.text))) \
                or (before.cell and word.cell):
            cells.append([word.x0, word.x1, word.text])
        else:
            if (gap >= _WORD_GAP * usual and not (_CHINESE.match(before.text[-1]) and _CHINESE.match(word.text[0]))) \
                    or (gap >= _LETTER_GAP * usual and _LATIN.match(before.text[-1]) and _LATIN.match(word.text[0])):
                cells[-1][2] += " "
            cells[-1][1:] = [word.x1, cells[-1][2] + word.text]
        before = word
    return cells


# A run ending a clause or a sentence (2023年， 决策、 公开力度。): the text goes on in the next run of words, short of a
# page's gutter, however far a viewer's width estimate set it (pdf.js runs, their digits drawn wider than the estimate's
# half a size); not in a figure (a table label wrapped after 不补正、 beside its row's first figure).
_CLAUSE_GOES_ON = re.compile(r"[，、；：。,;:]$")
_CLAUSE_GAP = 3.0  # of the words' own height: a gap this wide after a clause is a gutter between two columns of text
_RULES = frozenset("|｜丨")  # (0 | 81: a ruled table's border between the last two figures)


_FIGURE = re.compile(r"[-+]?[\dOolISZB][\d.,OolISZB]{0,9}")  # a table's figure, OCR's look-alikes of digits too
_MISSING_PITCH = 1.6  # times a row's usual step between figures: a figure the engine did not find stood there


def _with_missing_cells(cells: list[list]) -> list[str]:
    """The cells' texts, with an empty cell where a row of figures evenly spaced (a table's row, four steps
    at least) skips a step: a figure the engine did not find (a faint 0) keeps its column empty, and
    the figures after it stay in theirs."""
    centres = [(x0 + x1) / 2 if _FIGURE.fullmatch(text) and any(c.isdigit() for c in text) else None for x0, x1, text in cells]
    steps = [b - a for a, b in itertools.pairwise(centres) if a is not None and b is not None]
    texts = [text for _, _, text in cells]
    if len(steps) < 4:
        return texts
    step = median(steps)
    out = [texts[0]]
    for k in range(1, len(cells)):
        a, b = centres[k - 1], centres[k]
        if a is not None and b is not None and step > 0 and b - a >= _MISSING_PITCH * step:
            out += [""] * (round((b - a) / step) - 1)
        out.append(texts[k])
    return out


def page_lines(words: list[Placed], carried: list | None = None) -> list[str]:
    """A page's words as lines, top to bottom (``placed_lines``)."""
    return [text for _, text in placed_lines(words, carried)]


def pages_lines(pages: Iterable[list[Placed]]) -> list[list[str]]:
    """Each page's lines (``page_lines``), a table's columns carried to the next page: its last rows, there too few to
    tell their own, are placed in them."""
    carried: list = [None]
    return [page_lines(words, carried) for words in pages]


def placed_lines(words: list[Placed], carried: list | None = None) -> list[tuple[float, str]]:
    """A page's words as lines, top to bottom, each with its height. Each word stands at its line's height (the middle of the
    words an engine found on one line, else its own; the slant taken out): a comma or 一 is no line
    of its own. A line runs on while each next height is within a quarter of the usual height of the
    one before, so a row's figures stand apart from its label's two wrapped lines above and below them
    (half a line away), and a figure a little high stays in its row."""
    words = [w for w in words if w.text.strip() and w.x1 >= w.x0 and w.y1 > w.y0]
    if not words:
        return []
    usual = median(w.height for w in words)
    slant = _slant(words, usual)
    level = {id(w): w.middle - slant * (w.x0 + w.x1) / 2 for w in words}
    lines: dict[tuple, list[float]] = {}
    for word in words:
        if word.line:
            lines.setdefault(word.line, []).append(level[id(word)])
    heights = {line: median(found) for line, found in lines.items()}
    placed = sorted(((heights[w.line] if w.line else level[id(w)], w) for w in words), key=lambda item: (item[0], item[1].x0))
    rows: list[tuple[float, list[Placed]]] = []
    last = None
    for height, word in placed:
        if last is not None and height - last <= _SAME_LINE * usual:
            rows[-1][1].append(word)
        else:
            rows.append((height, [word]))
        last = height
    cells = [_cells(sorted(row, key=lambda w: w.x0), usual) for _, row in rows]
    texts = ["\t".join(_with_missing_cells(line)) for line in cells]
    placed, columns = blank_cells_placed([(text, [(t, x0, x1) for x0, x1, t in line]) for text, line in zip(texts, cells)],
                                         "\t", carried[0] if carried else None)
    if carried is not None:
        carried[0] = columns  # (``carried``: the last table's columns, from the page before and for the next)
    return [(height, text) for (height, _), text in zip(rows, placed or texts, strict=True)]


def laid_out(words: list[Placed]) -> str:
    """Every page's lines, pages in order, without their page numbers and running heads (as a PDF's: inside a table
    broken across pages, the number stood between a row's label and its figures)."""
    from .pdf import without_page_furniture

    pages: dict[int, list[Placed]] = {}
    for word in words:
        pages.setdefault(word.page, []).append(word)
    return "\n".join(without_page_furniture(["\n".join(lines) for lines in pages_lines(pages[k] for k in sorted(pages))]))


# --- a borderless table's blank cells ----------------------------------------------

# A value cell's word in a borderless table's row: a number, or a mark printed for none.
_VALUE_WORD = re.compile(r"-?\d+(?:[,.]\d+)*|[—–/／无-]")
_LABEL_WORD = re.compile(r"[\u4e00-\u9fff\u2e80-\u2fdf]|[A-Za-z]{2}")  # a label's last word has words in it
_PLACED_ROWS = 2  # rows of values a borderless table has at least to place its cells by its own columns
_PLACED_COLUMNS = 3  # and columns
_PITCH_SLACK = 0.1  # pitches a gap between columns may be off a whole number of them, every gap, for columns of one width

Columns = tuple[list[float], float]  # a borderless table's columns' middles, and their pitch
Word = tuple[str, float, float]  # a word's text, left and right


def blank_cells_placed(lines: list[tuple[str, list[Word]]], glue: str,
                       before: Columns | None = None) -> tuple[list[str] | None, Columns | None]:
    """The lines' texts (each line its text and its words) with a borderless table's short rows placed in its
    columns, or None if no row is short; and the columns of the last table placed (``before``: the ones of
    the page before, for the page's first table when it is a table's last rows, too few to tell their own).

    Without ruling lines a cell left blank leaves no trace in the text: a row of table 3 printing
    its 自然人, 商业企业, 其他 and 总计 read 29 3 1 33, its blanks unplaceable, and its cells unsure.
    A table here is a run of lines ending in two values or more (or a label's wrapped lines beside
    them), up to a line printing words over its values (a header, prose, a page's footer). Its
    columns are where its values stand; a column no row prints is found by the columns' pitch (two
    pitches between neighbours: one column between them). A row printing fewer values than the
    columns is written a cell a tab, its label's words joined by ``glue``, its blanks empty, each value
    in the column it stands under."""
    rows = []
    for k, (text, words) in enumerate(lines):
        cut = len(words)
        while cut and _VALUE_WORD.fullmatch(words[cut - 1][0]):
            cut -= 1
        values = words[cut:]
        if cut and not _LABEL_WORD.search(words[cut - 1][0]):
            values = []  # (after a value misread, O for 0: the row's values are not all in sight)
        digits = sum(1 for word, _, _ in values if word[-1].isdigit())
        # (a number alone on a line: a row's value beside its label's middle line, not a page's number)
        alone = len(words) == 1 and digits == 1 and 0 < k < len(lines) - 1
        rows.append((text, words[:cut], values if digits >= 2 or (digits and cut) or alone else []))
    placed, changed, start, columns = [text for text, _, _ in rows], False, 0, before
    while start < len(rows):
        if len(rows[start][2]) < 2:  # (a table starts at a row of two values or more)
            start += 1
            continue
        end, left = start, min(x0 for _, x0, _ in rows[start][2])
        half = max(0.0, min(b[1] - a[2] for a, b in itertools.pairwise(rows[start][2])) / 2)
        while end + 1 < len(rows):
            _, label, values = rows[end + 1]
            if values and min(x0 for _, x0, _ in values) < left - half:
                break  # (values under the label: another table's row)
            if values:
                left = min(left, *(x0 for _, x0, _ in values))
            elif any(x1 > left for _, _, x1 in label):
                break  # (words over the values: the table has ended)
            end += 1
        table = [(i, rows[i][1], rows[i][2]) for i in range(start, end + 1) if rows[i][2]]
        if len(table) >= _PLACED_ROWS and (own := _columns([[(x0 + x1) / 2 for _, x0, x1 in values]
                                                           for _, _, values in table])) is not None:
            columns = before = own  # (else those of the page before, for a table's last rows, if any)
        if (headed := _header_columns(rows, start, left - half, table)) is not None and (
                columns is None or len(headed[0]) > len(columns[0])
                or _gaps_unnamed(columns, headed, table, _header_words(rows, start, left - half, table))):
            columns = before = headed  # (columns no row prints a value in: their header's; or no column the header has)
        for i, text in _placed_rows(table, columns, glue):
            placed[i], changed = text, True
        columns, start = None, end + 1  # (a short table after another on the page: no continuation of it)
    return (placed if changed else None), before


_HEADER_LINES = 5  # lines above a borderless table its header may take (its words wrapped in narrow columns)
_MISREAD_VALUE = re.compile(r"(?=\D*\d)[\dOolIZSB丨.,]+")  # a value, digits and OCR's lookalikes among them
_HEADER_COLUMNS_MAX = 16  # columns a table's header names at most (table 4's fifteen)


def _header_words(rows: list[tuple[str, list[Word], list[Word]]], start: int, left: float,
                  table: list[tuple[int, list[Word], list[Word]]]) -> list[Word]:
    """The words of a borderless table's header lines above its first row, right of the rows' labels."""
    words: list[Word] = []
    left = max([left, *(x1 for _, label, _ in table for _, _, x1 in label)])  # (right of the rows' labels: 信息内容 is none)
    for i in range(start - 1, max(-1, start - 1 - _HEADER_LINES), -1):
        _, label, values = rows[i]
        over = [w for w in label if w[1] >= left]
        if values or not over or any(_MISREAD_VALUE.fullmatch(w[0]) for w in over):
            break  # (a row of values, or a line of words beside the values' place only: the header has ended; a
            # row whose values OCR misread, 规章 0 0 O, is a row too: its 0s are no header's columns)
        words += over
    return words


def _gaps_unnamed(columns: Columns, headed: Columns, table: list[tuple[int, list[Word], list[Word]]],
                  words: list[Word]) -> bool:
    """Whether the columns the values' pitch adds (ones no row prints) are no header's: each under no header word, and
    the header naming as many columns as the values stand in. Columns of uneven widths, their values set at the left
    (本年制发件数 twice as wide as the others), leave a gap of two pitches where no column is."""
    every = columns[0]
    printed = {min(range(len(every)), key=lambda k: abs(every[k] - (x0 + x1) / 2)) for _, _, values in table
               for _, x0, x1 in values}
    gaps = [x for k, x in enumerate(every) if k not in printed]
    return bool(gaps) and len(printed) == len(headed[0]) and not any(x0 <= x <= x1 for x in gaps for _, x0, x1 in words)


def _header_columns(rows: list[tuple[str, list[Word], list[Word]]], start: int, left: float,
                    table: list[tuple[int, list[Word], list[Word]]]) -> Columns | None:
    """A borderless table's columns as the header lines above its first row name them: the middles of the header's
    words over the values that span no other (商业企业 under 法人或其他组织, 自然人 beside it; a word wrapped in its
    narrow column, 商业企 over 业, is its last piece's column). Only when each of the table's values stands under a
    column of its own (a small body's table 3 printing only 自然人 and 总计, every other cell blank, told no blank
    from another by its values alone); else None."""
    words = _header_words(rows, start, left, table)
    leaves = sorted((w for w in words if not any(o is not w and w[1] < (o[1] + o[2]) / 2 < w[2]
                                                 and o[2] - o[1] < w[2] - w[1] for o in words)),
                    key=lambda w: w[1] + w[2])
    near = min((x1 - x0 for _, x0, x1 in words), default=0.0) / 2
    groups: list[list[Word]] = []
    for leaf in leaves:  # (one column's wrapped pieces, 结果 / 维持, stand at one middle)
        if groups and (leaf[1] + leaf[2]) / 2 - (groups[-1][-1][1] + groups[-1][-1][2]) / 2 < near:
            groups[-1].append(leaf)
        else:
            groups.append([leaf])
    if any(max(w[2] for w in a) > min(w[1] for w in b) for a, b in itertools.pairwise(groups)):
        return None  # (words over two columns' gap, a caption's 第二十条第（一）项: no header's columns)
    middles = [sum(w[1] + w[2] for w in group) / (2 * len(group)) for group in groups]
    if not _PLACED_COLUMNS <= len(middles) <= _HEADER_COLUMNS_MAX:
        return None
    step = min(b - a for a, b in itertools.pairwise(middles))
    for _, _, values in table:
        slots = [min(range(len(middles)), key=lambda k: abs(middles[k] - (x0 + x1) / 2)) for _, x0, x1 in values]
        if len(set(slots)) < len(slots) or any(abs(middles[k] - (x0 + x1) / 2) >= step / 2
                                                 for k, (_, x0, x1) in zip(slots, values)):
            return None
    return middles, step


def _placed_rows(table: list[tuple[int, list[Word], list[Word]]], columns: Columns | None,
                 glue: str) -> list[tuple[int, str]]:
    """A borderless table's short rows (its index, the row as tab-separated cells) in its columns; none where
    they cannot be told (a row's values over one column or between two, uneven widths, fewer columns than a
    table's)."""
    if columns is None:
        return []
    every, step = columns
    out = []
    for i, label, values in table:
        if len(values) >= len(every):
            continue
        row = [(x0 + x1) / 2 for _, x0, x1 in values]
        slots = [min(range(len(every)), key=lambda k: abs(every[k] - x)) for x in row]
        if len(set(slots)) < len(slots) or any(abs(every[k] - x) >= step / 2 for k, x in zip(slots, row)):
            if len(values) == 1 and not label:
                continue  # (a number alone between the columns: no cell of the table's)
            return []  # (two values under one column, or one between columns: no grid to place them in)
        cells = [""] * len(every)
        for k, (text, _, _) in zip(slots, values, strict=True):
            cells[k] = text
        out.append((i, "\t".join([glue.join(text for text, _, _ in label), *cells] if label else cells)))
    return out


def _columns(centres: list[list[float]]) -> Columns | None:
    """A borderless table's columns (each one's middle) and their pitch, from its rows' values' middles: where
    values stand, and between two of them as many columns more as pitches fit (a column no row prints)."""
    pitch = min((b - a for row in centres for a, b in itertools.pairwise(row)), default=0.0)
    if pitch <= 0:
        return None
    clusters: list[list[float]] = []
    for x in sorted(x for row in centres for x in row):
        if clusters and x - sum(clusters[-1]) / len(clusters[-1]) < pitch / 2:
            clusters[-1].append(x)
        else:
            clusters.append([x])
    if len(clusters) > max(len(row) for row in centres):
        return None  # (values no row prints all of: not a grid's columns, two values typed into one cell)
    at = [sum(cluster) / len(cluster) for cluster in clusters]
    step = min((b - a for a, b in itertools.pairwise(at)), default=pitch)
    spans = [(b - a) / step for a, b in itertools.pairwise(at)]
    if not all(abs(span - round(span)) <= _PITCH_SLACK for span in spans):
        spans = [1.0] * len(spans)  # (columns of uneven widths: none is told by the others' pitch)
    every = [at[0]]
    for (a, b), span in zip(itertools.pairwise(at), spans, strict=True):
        every += [a + (b - a) * k / round(span) for k in range(1, round(span))]
        every.append(b)
    return (every, step) if len(every) >= _PLACED_COLUMNS else None


# --- ALTO XML ----------------------------------------------------------------------

ALTO_ROOT = re.compile(rb"<(?:\w+:)?alto[\s>]")


def alto_words(data: bytes, path: str) -> list[Placed]:
    """An ALTO file's Strings (CONTENT, HPOS, VPOS, WIDTH, HEIGHT), by page and TextLine."""
    def box(string) -> tuple[float, ...] | None:
        found = _numbers(string, ("HPOS", "VPOS", "WIDTH", "HEIGHT"))
        return (found[0], found[1], found[0] + found[2], found[1] + found[3]) if found is not None else None

    return _xml_words(data, path, "an ALTO OCR file", ("Page", "TextLine", "String"), box,
                      lambda string: string.get("CONTENT") or "")


# DjVu's hidden text as djvutoxml writes it: a page an OBJECT, its LINEs' WORDs with coords="x0,y1,x1,y0" (the bottom
# given before the top, in pixels from the page's top).
DJVU_ROOT = re.compile(rb"<DjVuXML[\s>]")


def djvu_words(data: bytes, path: str) -> list[Placed]:
    """A DjVu document's hidden text, word by word, by page and line."""
    def box(word) -> tuple[float, ...] | None:
        try:
            x0, y0, x1, y1 = (float(n) for n in (word.get("coords") or "").split(",")[:4])
        except ValueError:
            return None
        return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)

    return _xml_words(data, path, "a DjVu XML file", ("OBJECT", "LINE", "WORD"), box, lambda word: word.text or "")


# PAGE XML (PcGts: Transkribus', OCR-D's, eScriptorium's exports): pages of regions of TextLines, perhaps of Words,
# each with its outline (Coords points="x,y x,y …", or Point children in the 2010 schema) and its text (TextEquiv);
# a table recogniser's TableRegion holds TableCells of lines.
PAGE_XML_ROOT = re.compile(rb"<(?:\w+:)?PcGts[\s>]")


def page_xml_words(data: bytes, path: str) -> list[Placed]:
    """A PAGE XML file's words (its lines' text where it gives no words), by page and TextLine; a line in a table's
    cell is a cell, parted from its neighbours however close."""
    from .markup import parsed_xml

    root = parsed_xml(data, path, "a PAGE XML file that is not well-formed XML")
    words: list[Placed] = []
    for k, page in enumerate(root.iter("{*}Page")):
        for n, line in enumerate(page.iter("{*}TextLine")):
            in_cell = any(str(a.tag).endswith("}TableCell") for a in line.iterancestors())
            for part in line.findall("{*}Word") or [line]:
                corners = _outline_box(part.find("{*}Coords"))
                equiv = part.find("{*}TextEquiv/{*}Unicode")
                if corners is not None and equiv is not None and (text := (equiv.text or "").strip()):
                    words.append(Placed(text, *corners, k, (k, n), cell=in_cell))
    return words


def _outline_box(coords) -> tuple[float, float, float, float] | None:
    """The box around an outline: its points attribute's x,y pairs, or its Point children's x and y."""
    if coords is None:
        return None
    try:
        if points := coords.get("points"):
            pairs = [tuple(float(v) for v in point.split(",")) for point in points.split()]
        else:
            pairs = [(float(p.get("x")), float(p.get("y"))) for p in coords.iter("{*}Point")]
    except (TypeError, ValueError):
        return None
    if not pairs or any(len(pair) != 2 or not all(map(math.isfinite, pair)) for pair in pairs):
        return None
    xs, ys = [x for x, _ in pairs], [y for _, y in pairs]
    return min(xs), min(ys), max(xs), max(ys)


# ABBYY FineReader's XML (FineReader10-schema): pages of blocks of lines, each character in a charParams with its box.
FINEREADER_ROOT = re.compile(rb"<document[^>]+abbyy\.com/FineReader_xml")


def finereader_words(data: bytes, path: str) -> list[Placed]:
    """A FineReader XML file's characters (charParams l, t, r, b), by page and line: the layout joins the
    characters of a word, as it does an engine's words."""
    return _xml_words(data, path, "an ABBYY FineReader XML file", ("page", "line", "charParams"),
                      lambda char: _numbers(char, ("l", "t", "r", "b")), lambda char: char.text or "")


# poppler's pdftohtml -xml: pages of text runs, each with its box (top, left, width, height) and its font.
PDFTOHTML_ROOT = re.compile(rb"<pdf2xml[\s>]")


def pdftohtml_words(data: bytes, path: str) -> list[Placed]:
    """A pdftohtml XML file's text runs (a PDF's text as poppler converted it), by page: laid out by their boxes as
    an OCR engine's words are (the file gives no lines: each run stands at its own height)."""
    def box(run) -> tuple[float, ...] | None:
        found = _numbers(run, ("left", "top", "width", "height"))
        return (found[0], found[1], found[0] + found[2], found[1] + found[3]) if found is not None else None

    return _xml_words(data, path, "a pdftohtml XML file", ("page", "page", "text"), box,
                      lambda run: "".join(run.itertext()), lines=False)


# poppler's pdftotext -bbox and -bbox-layout: pages of words, each with its box (xMin, yMin, xMax, yMax), the
# layout's words in lines of blocks of flows.
PDFTOTEXT_BBOX = re.compile(rb"<word\s+xMin=")


def bbox_words(html: str) -> list[Placed]:
    """pdftotext -bbox's words by page (in -bbox-layout's lines, when it gives them)."""
    from lxml import html as lxml_html

    root = lxml_html.fromstring(_XML_DECLARATION.sub("", html, count=1))
    words: list[Placed] = []
    for k, page in enumerate(root.iter("page")):
        lines = list(page.iter("line"))
        for n, line in enumerate(lines or [page]):
            for word in line.iter("word"):
                found = _numbers(word, ("xmin", "ymin", "xmax", "ymax"))
                if found is not None and (text := word.text_content().strip()):
                    words.append(Placed(text, *found, k, (k, n) if lines else ()))
    return words


# MuPDF's structured text (mutool draw -F stext, or PyMuPDF's page.get_text("xml")): pages of blocks of lines, each
# character with its box (bbox, or the four corners of its quad) and itself (c).
STEXT_ROOT = re.compile(rb"<document[\s>][\s\S]{0,512}?<page[\s>][\s\S]{0,2048}?<(?:block|line)[\s>]")


def stext_words(data: bytes, path: str) -> list[Placed]:
    """A structured-text file's characters by page and line: the layout joins a word's characters."""
    def box(char) -> tuple[float, ...] | None:
        for name, size in (("bbox", 4), ("quad", 8)):
            try:
                found = [float(v) for v in (char.get(name) or "").split()]
            except ValueError:
                return None
            if len(found) == size:
                xs, ys = found[0::2], found[1::2]
                return min(xs), min(ys), max(xs), max(ys)
        return None

    return _xml_words(data, path, "a structured-text file", ("page", "line", "char"), box,
                      lambda char: char.get("c") or "")


# Words written out with their boxes as a table (pdfplumber's extract_words, PyMuPDF's words as CSV): a header naming
# x0, top, x1, bottom (or x0, y0, x1, y1) and text, a word a line.
WORDS_TABLE_HEADER = re.compile(rb"^(?:\xef\xbb\xbf)?[^\n]*?\bx0\b[^\n]*\n", re.IGNORECASE)


def table_words(text: str) -> list[Placed]:
    """The words of such a table, by page when it has a page column."""
    import csv

    lines = text.lstrip("\ufeff").splitlines()
    delimiter = "\t" if "\t" in lines[0] else ","
    rows = csv.DictReader(lines, delimiter=delimiter)
    names = {name.strip().lower(): name for name in rows.fieldnames or ()}
    sides = next((keys for keys in (("x0", "top", "x1", "bottom"), ("x0", "y0", "x1", "y1")) if all(k in names for k in keys)),
                 None)
    if sides is None or "text" not in names:
        return []
    page = next((names[k] for k in ("page", "page_number", "page_num", "pageno") if k in names), None)
    words: list[Placed] = []
    for row in rows:
        try:
            box = tuple(float(row[names[k]]) for k in sides)
            number = int(float(row[page])) if page and row.get(page) else 0
        except (TypeError, ValueError):
            continue
        if text := (row.get(names["text"]) or "").strip():
            words.append(Placed(text, *box, number))
    return words


# pdftohtml -c: each page a div (page1-div), each text run a <p> placed by its top and left, its size its class's.
PDFTOHTML_PAGE = re.compile(rb'<div id="page1-div"[^>]*position:\s*relative')
_PLACED_RUN = re.compile(r"top:\s*(?P<top>-?[\d.]+)px;\s*left:\s*(?P<left>-?[\d.]+)px")
_FONT_CLASS = re.compile(r"\.(?P<name>ft\d+)\s*\{[^}]*?font-size:\s*(?P<size>[\d.]+)px")
_WIDE = re.compile(r"[\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]")


def pdftohtml_page_words(html: str) -> list[Placed]:
    """pdftohtml -c's runs, by page: each at its top and left, as wide as its characters at its class's size (the
    page gives no width: a Chinese character a size wide, others half), laid out as an OCR engine's words."""
    import lxml.html

    sizes = {m["name"]: float(m["size"]) for m in _FONT_CLASS.finditer(html)}
    root = lxml.html.document_fromstring(html)
    words: list[Placed] = []
    pages = root.xpath("//div[starts-with(@id, 'page') and contains(@id, '-div')]")
    for k, page in enumerate(pages):
        for run in page.iter("p"):
            place = _PLACED_RUN.search(run.get("style") or "")
            text = run.text_content().strip()
            if place is None or not text:
                continue
            size = next((sizes[name] for name in (run.get("class") or "").split() if name in sizes), 16.0)
            x0, y0 = float(place["left"]), float(place["top"])
            width = sum(size if _WIDE.match(c) else size / 2 for c in text)
            words.append(Placed(text, x0, y0, x0 + width, y0 + size, k))
    return words


# An online PDF viewer's text layer (pdf.js, as a page saved from the browser holds it): each run of a page a <span>
# placed by its left and top (px, or % of the page in newer versions), its size in px or as calc(var(--scale-factor)*Npx),
# stretched by scaleX to the width the PDF gives it.
_LAYER_PLACE = re.compile(r"(?<![-\w])(?P<side>left|top):\s*(?P<at>-?[\d.]+)(?P<unit>px|%)")
_LAYER_SIZE = re.compile(r"font-size:\s*(?:calc\(\s*var\(--[\w-]*scale-factor\)\s*\*\s*)?(?P<size>[\d.]+)px")
_LAYER_SCALE = re.compile(r"--scale-factor:\s*(?P<factor>[\d.]+)")
# (a page's size in the viewer's scale too: width: round(down, var(--scale-factor) * 595px, 1px), its runs' sizes then
# in the same unscaled px)
_LAYER_EXTENT = re.compile(r"(?<![-\w])(?P<side>width|height):\s*(?:round\(\s*(?:[a-z-]+\s*,\s*)?)?(?:calc\(\s*)?"
                           r"(?P<scaled>var\(--[\w-]*scale-factor\)\s*\*\s*)?(?P<length>[\d.]+)px")
_LAYER_STRETCH = re.compile(r"scaleX\(\s*(?P<k>[\d.]+)\s*\)")
_TURNED = re.compile(r"rotate\(\s*-?[1-9]")
# A page's number printed in its margin (- 2 -, 第2页, 第2页共5页): no cell of a table, though it stands at the height of one.
_FOLIO = re.compile(r"[-—–]\s*\d{1,3}\s*[-—–]|第\s*\d{1,3}\s*页(?:\s*[/，,]?\s*共\s*\d{1,3}\s*页)?")
_A4_PAGE = (1000.0, 1414.0)  # a page whose size no style gives: its runs' percentages of an A4 page


def text_layer_words(layer) -> list[Placed]:
    """A text layer's runs, each boxed where the viewer draws it: as wide as its characters at its size (a
    Chinese character a size wide, others half) times its stretch. A turned run (a watermark across the
    page) is left out: it stands on no line; so is a page's number in the dashed or 第…页 form, wherever it stands
    (at the foot of a table's vertical label, it ended a row)."""
    styles = [layer.get("style") or ""] + [a.get("style") or "" for a in layer.iterancestors()]
    scale = next((float(m["factor"]) for s in styles if (m := _LAYER_SCALE.search(s))), 1.0)
    sides = {m["side"]: m for s in reversed(styles) for m in _LAYER_EXTENT.finditer(s)}  # (the nearest's)
    extent = {side: float(sides[side]["length"]) if side in sides else default
              for side, default in zip(("width", "height"), _A4_PAGE)}
    if any(m["scaled"] for m in sides.values()):
        scale = 1.0  # (the page's size and its runs' in the viewer's unscaled px)
    words = []
    for run in layer.iter("span", "div"):  # (a <div> each in the oldest viewers)
        style = run.get("style") or ""
        place = {m["side"]: (float(m["at"]), m["unit"]) for m in _LAYER_PLACE.finditer(style)}
        text = "".join(run.itertext()).strip()
        if run is layer or len(place) < 2 or not text or _TURNED.search(style) or _FOLIO.fullmatch(text) \
                or run.find(".//span[@style]") is not None or run.find(".//div[@style]") is not None:
            continue
        (left, left_unit), (top, top_unit) = place["left"], place["top"]
        x0 = left * extent["width"] / 100 if left_unit == "%" else left
        y0 = top * extent["height"] / 100 if top_unit == "%" else top
        size = float(m["size"]) * (scale if "calc" in m[0] else 1) if (m := _LAYER_SIZE.search(style)) else 16.0
        stretch = float(m["k"]) if (m := _LAYER_STRETCH.search(style)) else 1.0
        width = sum(size if _WIDE.match(c) else size / 2 for c in text) * stretch
        words.append(Placed(text, x0, y0, x0 + width, y0 + size))
    return words


# pdf2htmlEX's pages (a PDF converted for a site's 在线预览): each page a div.pf, each line a div.t whose place is
# only in its classes (.x12{left:…px} .y3a{bottom:…px}), its size its .fsN's times its .mN's scale, gaps inside it
# spans of class _ as wide as their ._N says.
_CLASS_RULE = re.compile(r"\.(?P<name>[A-Za-z_][\w-]*)\s*\{(?P<body>[^{}]*)\}")
_RULE_LENGTH = re.compile(r"(?<![-\w])(?P<property>left|bottom|top|height|width|font-size|margin-left):\s*(?P<px>-?[\d.]+)px")
_RULE_SCALE = re.compile(r"(?<![-\w])transform:\s*matrix\(\s*(?P<a>-?[\d.]+)")


def converted_page_words(root, styles: str) -> list[tuple[object, list[Placed]]]:
    """pdf2htmlEX's pages, each with its lines' pieces placed as the style sheet places them (top down, in the
    page's px): a piece a run of a line's text between its gap spans, as wide as its characters at its size."""
    rules: dict[str, dict[str, tuple[int, float]]] = {}  # a class's lengths, each with its rule's place in the sheet
    for order, m in enumerate(_CLASS_RULE.finditer(styles)):
        found = {p["property"]: (order, float(p["px"])) for p in _RULE_LENGTH.finditer(m["body"])}
        if scale := _RULE_SCALE.search(m["body"]):
            found["scale"] = (order, float(scale["a"]))
        if found:
            rules.setdefault(m["name"], {}).update(found)

    def look(element, what: str) -> float | None:
        """A length an element's classes give it: the later rule's where two do (.t's font-size:1px, then .fs1's)."""
        found = [rules[name][what] for name in (element.get("class") or "").split() if what in rules.get(name, {})]
        return max(found)[1] if found else None

    pages = []
    for page in root.xpath("//div[contains(concat(' ', normalize-space(@class), ' '), ' pf ')]"):
        height = look(page, "height") or 0.0
        words: list[Placed] = []
        for line in page.xpath(".//div[contains(concat(' ', normalize-space(@class), ' '), ' t ')]"):
            left, bottom, top = look(line, "left"), look(line, "bottom"), look(line, "top")
            scale = look(line, "scale") or 1.0  # (a gap's width, like the font's size, is before the line's scale)
            size = (look(line, "font-size") or 16.0) * scale
            if left is None or (bottom is None and top is None):
                continue
            y0 = top if top is not None else height - bottom - (look(line, "height") or size)
            pieces: list[tuple[float, str]] = [(left, "")]
            for kind, value in _runs(line, look):
                at, text = pieces[-1]
                if kind == "gap":  # (the next piece starts past this one's characters and the gap)
                    pieces.append((at + _width(text, size) + value * scale, ""))
                else:
                    pieces[-1] = (at, text + value)
            words += [Placed(text.strip(), at, y0, at + _width(text.strip(), size), y0 + size)
                      for at, text in pieces if text.strip()]
        pages.append((page, words))
    return pages


def _runs(element, look: Callable[[Any, str], float | None]) -> Iterator[tuple[str, Any]]:
    """A converted line's text and gaps in order: ("text", its text) and ("gap", a gap span's width), a gap span
    inside a font's span too."""
    yield "text", element.text or ""
    for child in element:
        if isinstance(child.tag, str) and "_" in (child.get("class") or "").split():
            yield "gap", look(child, "width") or look(child, "margin-left") or 0.0
        elif isinstance(child.tag, str):
            yield from _runs(child, look)
        yield "text", child.tail or ""


def _width(text: str, size: float) -> float:
    return sum(size if _WIDE.match(c) else size / 2 for c in text)


def _xml_words(data: bytes, path: str, kind: str, tags: tuple[str, str, str],
               box: Callable[[Any], tuple[float, ...] | None], text_of: Callable[[Any], str],
               lines: bool = True) -> list[Placed]:
    """The words (``tags``: page, line, word elements) of an OCR engine's XML, each with its box (x0, y0, x1, y1);
    ``lines``: whether the line elements are lines the words share (not for a file with none)."""
    from .markup import parsed_xml

    root = parsed_xml(data, path, f"{kind} that is not well-formed XML")
    page_tag, line_tag, word_tag = (f"{{*}}{tag}" for tag in tags)
    words: list[Placed] = []
    for k, page in enumerate(root.iter(page_tag)):
        for n, line in enumerate(page.iter(line_tag)):
            for element in line.iter(word_tag):
                corners = box(element)
                if corners is not None and (text := text_of(element).strip()):
                    words.append(Placed(text, *corners, k, (k, n) if lines else ()))
    return words


def _numbers(element, names: tuple[str, ...]) -> tuple[float, ...] | None:
    try:
        return tuple(float(element.get(name)) for name in names)
    except (TypeError, ValueError):
        return None


# --- hOCR --------------------------------------------------------------------------

HOCR_PAGE = re.compile(rb"""ocr-system|class=["']ocr_page""")
_BBOX = re.compile(r"\bbbox\s+(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)")
_HOCR_WORDS = ("ocrx_word", "ocr_line", "ocrx_line", "ocr_textfloat", "ocr_header", "ocr_caption")


def hocr_words(html: str) -> list[Placed]:
    """An hOCR file's words (Tesseract's, OCRopus', Kraken's: elements of class ocrx_word with a bbox in
    their title), by page and line; a page without word boxes gives its lines."""
    from lxml import html as lxml_html

    root = lxml_html.fromstring(_XML_DECLARATION.sub("", html, count=1))
    tree = root.getroottree()
    words: list[Placed] = []
    for k, page in enumerate(root.xpath(_HAS_CLASS.format("ocr_page")) or [root]):
        for kind in _HOCR_WORDS:
            found = [(element, box) for element in page.xpath("." + _HAS_CLASS.format(kind))
                     if (box := _BBOX.search(element.get("title") or "")) is not None]
            for element, box in found:
                line = element.xpath("ancestor::*[contains(@class, '_line')][1]") if kind == "ocrx_word" else []
                if text := " ".join(element.text_content().split()):
                    x0, y0, x1, y1 = (float(v) for v in box.groups())
                    words.append(Placed(text, x0, y0, x1, y1, k, (tree.getpath(line[0]),) if line else ()))
            if found:
                break
    return words


_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*>")  # lxml takes none in a str
_HAS_CLASS = "//*[contains(concat(' ', normalize-space(@class), ' '), ' {} ')]"


# --- Tesseract's TSV -----------------------------------------------------------------

TSV_HEADER = re.compile(rb"(?:\xef\xbb\xbf)?level\tpage_num\tblock_num\tpar_num\tline_num\tword_num"
                        rb"\tleft\ttop\twidth\theight\tconf\ttext")


def tsv_words(text: str) -> list[Placed]:
    """Tesseract's TSV (``tesseract scan.png out tsv``): its words (level 5), by page and line."""
    words: list[Placed] = []
    for row in text.splitlines()[1:]:
        fields = row.split("\t")
        if len(fields) < 12 or fields[0].strip() != "5" or not fields[11].strip():
            continue
        try:
            page, block, par, line = (int(f) for f in fields[1:5])
            x, y, w, h = (float(f) for f in fields[6:10])
        except ValueError:
            continue
        words.append(Placed(fields[11].strip(), x, y, x + w, y + h, page, (page, block, par, line)))
    return words


# --- result lists and cloud APIs' JSON ---------------------------------------------------

# Keys a cloud OCR API names a found text by, and keys it names its box by.
_TEXT_KEYS = ("words", "text", "content", "description", "DetectedText", "transcription", "word", "itemstring",
              "Text", "c")  # (腾讯's table OCR: TableDetections' Cells; PyMuPDF's rawdict: a character in c)
_BOX_KEYS = ("location", "boundingBox", "boundingPoly", "bbox", "box", "points", "polygon", "poly", "Polygon",
             "ItemPolygon", "pos", "position", "text_region", "vertexes_location", "cell_location", "Geometry")


def _box(value: Any) -> tuple[float, float, float, float] | None:
    """(x0, y0, x1, y1) of the shapes APIs give a box as: {left, top, width, height}, {X, Y, Width,
    Height}, [x0, y0, x1, y1], [x, y]×n, {x, y}×n, flat [x1, y1, …, x4, y4], {vertices: […]}."""
    if isinstance(value, dict):
        lower = {str(k).lower(): v for k, v in value.items()}
        if all(k in lower for k in ("left", "top", "width", "height")):
            x, y, w, h = (lower[k] for k in ("left", "top", "width", "height"))
        elif all(k in lower for k in ("x", "y", "width", "height")):
            x, y, w, h = (lower[k] for k in ("x", "y", "width", "height"))
        elif "vertices" in lower or "normalizedvertices" in lower:
            return _box(lower.get("vertices") or lower.get("normalizedvertices"))
        elif "boundingbox" in lower:  # (AWS Textract's Geometry: a BoundingBox as fractions of the page, a Polygon)
            return _box(lower["boundingbox"])
        else:
            return None
        if not all(isinstance(v, (int, float)) for v in (x, y, w, h)):
            return None
        return float(x), float(y), float(x + w), float(y + h)
    if not isinstance(value, (list, tuple)) or not value:
        return None
    if all(isinstance(v, (int, float)) for v in value) and len(value) in (4, 8):
        xs, ys = (value[0::2], value[1::2]) if len(value) == 8 else ((value[0], value[2]), (value[1], value[3]))
    elif all(isinstance(p, (list, tuple)) and len(p) == 2 and all(isinstance(v, (int, float)) for v in p) for p in value):
        xs, ys = [p[0] for p in value], [p[1] for p in value]
    elif all(isinstance(p, dict) for p in value):
        points = [{str(k).lower(): v for k, v in p.items()} for p in value]
        xs, ys = [p.get("x", 0) for p in points], [p.get("y", 0) for p in points]
        if not all(isinstance(v, (int, float)) for v in (*xs, *ys)):
            return None
    else:
        return None
    return float(min(xs)), float(min(ys)), float(max(xs)), float(max(ys))


def _slope(value: Any) -> float | None:
    """The top edge's slope of a box given by its corners (top left first, clockwise, as PaddleOCR,
    EasyOCR and the cloud APIs list them); None for a box given by its sides."""
    if isinstance(value, dict):
        lower = {str(k).lower(): v for k, v in value.items()}
        value = lower.get("vertices") or lower.get("normalizedvertices")
    if not isinstance(value, (list, tuple)) or len(value) < 4:
        return None
    if len(value) == 8 and all(isinstance(v, (int, float)) for v in value):
        points = [(value[0], value[1]), (value[2], value[3])]
    elif all(isinstance(p, (list, tuple)) and len(p) == 2 for p in value):
        points = [tuple(p) for p in value[:2]]
    elif all(isinstance(p, dict) for p in value):
        points = [(p.get("x", p.get("X", 0)), p.get("y", p.get("Y", 0))) for p in value[:2]]
    else:
        return None
    (x0, y0), (x1, y1) = points
    if not all(isinstance(v, (int, float)) for v in (x0, y0, x1, y1)) or x1 - x0 <= 0:
        return None
    return (y1 - y0) / (x1 - x0)


def _listed(value: Any) -> tuple[str, tuple] | None:
    """A result list's entry: PaddleOCR's [box, (text, score)], EasyOCR's (box, text, score), PyMuPDF's words
    (x0, y0, x1, y1, word, block, line, number)."""
    if isinstance(value, (list, tuple)) and 5 <= len(value) <= 8 and isinstance(value[4], str) \
            and all(isinstance(v, (int, float)) for v in value[:4]):
        return value[4], tuple(value[:4])
    if not isinstance(value, (list, tuple)) or len(value) not in (2, 3) or _box(value[0]) is None:
        return None
    rest = value[1] if len(value) == 2 else value[1:]
    if isinstance(rest, (list, tuple)) and len(rest) == 2 and isinstance(rest[0], str) and isinstance(rest[1], (int, float)):
        return rest[0], value[0]
    return None


class _Entry(NamedTuple):
    order: int  # where it comes in the result
    text: str
    box: Any  # as the result gives it (``_box``, ``_slope``)
    line: tuple
    page: int | None  # the page the result names, if it does
    cell: bool = False


_SIDES = ("x0", "top", "x1", "bottom")
_CELL_KEYS = ("cell_location", "row_start", "col_start", "rowIndex", "columnIndex", "row_index", "col_index", "RowTl")
_PAGE_KEYS = ("page", "pageNumber", "page_num", "page_no", "pageIndex", "img_idx", "PdfPageNumber", "Page")


class _Walk:
    """Every text with its box in a decoded result, by the shape of its place (the keys above it,
    indices left out)."""

    def __init__(self) -> None:
        self.shapes: dict[str, list[_Entry]] = {}
        self.count = 0

    def add(self, shape: str, text: str, box: Any, line: tuple, page: int | None, cell: bool = False) -> None:
        self.shapes.setdefault(shape, []).append(_Entry(self.count, text, box, line, page, cell))
        self.count += 1

    def visit(self, value: Any, shape: str = "", line: tuple = (), page: int | None = None) -> None:
        """Innermost texts only: a line's words, not the line again (a table row's line holds its cells'
        words, which their places part), each word knowing its line and its page."""
        if isinstance(value, str):
            if value[:1] == "{" and (inner := _json_object(value)) is not None:  # a response inside a string field
                self.visit(inner, shape + "$", line, page)
            return
        if (entry := _listed(value)) is not None:
            self.add(shape + "[]", *entry, line, page)
            return
        if isinstance(value, (list, tuple)):
            for v in value:
                self.visit(v, shape + "[]", line, page)
            return
        if not isinstance(value, dict):
            return
        page = next((int(value[k]) for k in _PAGE_KEYS if isinstance(value.get(k), int)), page)
        named = next((k for k in _TEXT_KEYS if isinstance(value.get(k), str)), None)
        if value.get("BlockType", "WORD") != "WORD":
            named = None  # (AWS Textract: a LINE block repeats its WORD blocks' text, linked by ids, not nested)
        text = value[named] if named else None
        boxes = [value[k] for k in _BOX_KEYS if k in value and _box(value[k]) is not None]
        if text is not None and all(isinstance(value.get(k), (int, float)) for k in _SIDES):
            boxes.append([value[k] for k in _SIDES])  # (pdfplumber's words: x0, top, x1, bottom)
        if text is not None and boxes and "\n" in text.strip() and any(k in value for k in _CELL_KEYS):
            self._lines_of_cell(text, _box(boxes[0]), shape, line, page)  # a cell over two rows: 2\n0
            return
        if text is not None and boxes and "\n" not in text.strip():
            before = self.count
            for k, v in value.items():
                if isinstance(v, (dict, list, str)) and k not in _BOX_KEYS and k != named:
                    self.visit(v, f"{shape}.{k}", (shape, before), page)
            if self.count == before:
                cell = any(k in value for k in _CELL_KEYS)
                self.add(shape, text, next((b for b in boxes if _slope(b) is not None), boxes[0]), line, page, cell)
            return
        result = value.get("res")
        if boxes and isinstance(result, dict) and isinstance(result.get("html"), str):
            self._table(result["html"], _box(boxes[0]), shape + ".html", page)  # PP-Structure's table: its cells as HTML
            return
        if isinstance(value.get("rec_texts"), list) and isinstance(boxes := value.get("rec_boxes", value.get("rec_polys")), list):
            for text, box in zip(value["rec_texts"], boxes, strict=False):  # PaddleOCR 3's result object
                if isinstance(text, str) and _box(box) is not None:
                    self.add(shape + ".rec", text, box, line, page)
            return
        for k, v in value.items():
            self.visit(v, f"{shape}.{k}", line, page)

    def _lines_of_cell(self, text: str, box: tuple[float, float, float, float] | None, shape: str, line: tuple,
                       page: int | None) -> None:
        """A table cell holding several lines (a recogniser merging two rows' cells: 2\n0): each line a cell
        of its own, down the box's height, each in its row."""
        parts = [part.strip() for part in text.strip().split("\n") if part.strip()]
        if box is None or not parts:
            return
        x0, y0, x1, y1 = box
        step = (y1 - y0) / len(parts)
        for k, part in enumerate(parts):
            self.add(shape, part, [x0, y0 + k * step, x1, y0 + (k + 1) * step], line, page, True)

    def _table(self, html: str, box: tuple[float, float, float, float] | None, shape: str, page: int | None) -> None:
        """A table given as HTML inside its box: its rows, tab-separated, spread down the box."""
        from .markup import html_to_text

        rows = [row for row in html_to_text(html).split("\n") if row.strip()]
        if not rows or box is None:
            return
        x0, y0, x1, y1 = box
        step = (y1 - y0) / len(rows)
        for k, row in enumerate(rows):
            self.add(shape, row, [x0, y0 + k * step, x1, y0 + (k + 0.5) * step], (), page)


def _json_object(text: str) -> Any:
    import json

    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return None


_DUPLICATE = 0.6  # share of a kind's texts lying inside, and within the text of, one chosen before: the same text again


def _distinct_shapes(shapes: dict[str, list[_Entry]]) -> list[_Entry]:
    """The entries of every kind of placed text that is not another's text again (a response listing a
    whole text's words, and its characters again elsewhere), most text first; in the result's order."""
    chosen: list[_Entry] = []
    covering: dict[tuple, list[tuple[_Entry, tuple[float, ...]]]] = {}  # by page and band of height
    band = 0.0
    for found in sorted(shapes.values(), key=lambda f: (-sum(len(e.text) for e in f), len(f))):
        boxes = [_box(e.box) or (0.0, 0.0, 0.0, 0.0) for e in found]
        if not chosen:
            band = median(y1 - y0 for _, y0, _, y1 in boxes) or 1.0
        elif sum(_repeated(e, b, covering, band) for e, b in zip(found, boxes, strict=True)) >= _DUPLICATE * len(found):
            continue
        chosen += found
        for entry, box in zip(found, boxes, strict=True):
            for k in range(int(box[1] // band), int(box[3] // band) + 1):
                covering.setdefault((entry.page, k), []).append((entry, box))
    return sorted(chosen, key=lambda e: e.order)


def _repeated(entry: _Entry, box: tuple[float, ...], covering: dict, band: float) -> bool:
    """Whether a text lies inside an entry chosen before that holds it (a character in its word), or
    holds that entry (a line over its words)."""
    x, y = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return any(b[0] <= x <= b[2] and b[1] <= y <= b[3] and (entry.text in other.text or other.text in entry.text)
               for other, b in covering.get((entry.page, int(y // band)), ()))


def result_words(records: list) -> list[Placed]:
    """The words of decoded OCR results (``_Walk``, ``_distinct_shapes``), on the pages the results
    name, else a page starting where an entry lies far above the one before it (results of several
    pages one after another)."""
    walk = _Walk()
    for record in records:
        walk.visit(record)
    entries = _distinct_shapes(walk.shapes)
    if sum(len(e.text) for e in entries) < _OCR_RESULT_CHARS:
        return []
    words: list[Placed] = []
    page, lowest = 0, 0.0
    for entry in entries:
        x0, y0, x1, y1 = _box(entry.box) or (0.0, 0.0, 0.0, 0.0)
        if entry.page is not None:
            page = entry.page
        elif words and y1 < lowest / 2 and lowest - y0 > 10 * (y1 - y0):
            page, lowest = page + 1, 0.0
        lowest = max(lowest, y1)
        words.append(Placed(entry.text.strip(), x0, y0, x1, y1, page, entry.line, _slope(entry.box), entry.cell))
    return words


_OCR_RESULT_CHARS = 200  # of placed text at least: an OCR result, not an article API's record with a picture's box

# A printed result entry, after the prefix of the log line it may be on ([2024/03/12 09:41:27] ppocr INFO: ):
# [[[x, y], …], ('text', score)], or a page's entries printed as one list.
PRINTED_ENTRY = re.compile(r"(?m)^(?:\[[\d/: .,-]+\]\s*[\w.]+\s+[A-Z]+:\s*)?"
                           r"(?=(?:[\[(]\s*){2,4}-?\d[\d.,\s\[\]()-]*[\])]\s*,\s*[\[(]?\s*['\"])")


# PaddleOCR 2's predict_system.py's system_results.txt: a page a line, its image's path, a tab, its entries as JSON
# ([{"transcription": …, "points": [[x, y], …]}, …]).
PREDICTED_PAGE = re.compile(r'(?m)^[^\t\n]+\.(?:jpe?g|png|tiff?|bmp|webp)\t(?=\[\s*\{\s*"transcription")', re.IGNORECASE)


def printed_results(text: str) -> list | None:
    """Results printed by Python (tuples and single quotes, as ``print(result)`` and PaddleOCR's command
    line write them), an entry or a page a line, log lines between them left out, or a page a line as JSON after its
    image's path (PaddleOCR 2's system_results.txt); None when the text holds no such print."""
    pages = []
    for m in PREDICTED_PAGE.finditer(text):
        end = text.find("\n", m.end())
        if isinstance(page := _json_object(text[m.end():end if end >= 0 else None]), list):
            pages.append(page)
    if pages:
        return pages
    entries = []
    for m in PRINTED_ENTRY.finditer(text):
        end = text.find("\n", m.end())
        try:
            entries.append(ast.literal_eval(text[m.end():end if end >= 0 else None].strip()))
        except (ValueError, SyntaxError, MemoryError, RecursionError):
            continue
    return entries or None
