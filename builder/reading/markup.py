"""Structured formats to text: HTML, Markdown and DOCX tables become grids.

Every table row becomes one tab-separated line. Cells covered by a rowspan or
colspan are empty strings at their grid positions, so values keep their
columns; the cell's own text sits at its top-left position.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import itertools
import re
import zlib
from collections.abc import Callable, Iterator
from functools import cache, lru_cache
from html import escape as escape_markup
from html import unescape as unescape_entities

from .. import errors, forms
from .fields import Fields
from .frameworks import FRAMEWORK_CLASS, hidden_at
from .wikitext import WIKI_SOURCE
from .written import scripts_written

_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd", "div", "dl", "dt",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav",
    "ol", "p", "pre", "section", "table", "tbody", "td", "th", "thead", "tfoot", "title", "tr", "ul",
})
# What parts a cell's text: its lines, and a footnote mark or exponent (3045<sup>1</sup> is no 30451).
_CELL_BREAKS = _BLOCK_TAGS | {"sup", "sub"}
# (a superscript or subscript styled back onto the line, <sup style="vertical-align:baseline">3</sup>4, is the digits'
# own text as a browser shows it: 34)
_ON_THE_LINE = re.compile(r"vertical-align\s*:\s*(?:baseline|0(?:px|em|%)?)\s*(?:;|$|!)", re.IGNORECASE)
_PREFORMATTED = frozenset({"pre", "textarea", "listing", "plaintext", "xmp"})
# A block styled to keep its spaces and line breaks as <pre> does (<div style='font-family:monospace;white-space:pre'>):
# a table typed as aligned text.
_PRE_STYLE = re.compile(r"white-space\s*:\s*(?:pre|pre-wrap|break-spaces)\s*(?:;|$|!)", re.IGNORECASE)
# (<noscript> and other hidden blocks: ``_drop_hidden_copies``)
# (a <meter>'s and a <progress>'s text is what a browser that cannot draw them shows: 0/1, 57% beside a cell's figure)
_DROP_TAGS = ("script", "style", "head", "iframe", "svg", "object", "button", "select", "rt", "rp", "meter", "progress")
_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0\u3000]+")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # characters XML cannot hold
_XML_DECLARATION = re.compile(r"^\s*<\?xml\b[^>]*>", re.IGNORECASE)
_PAGE_END = re.compile(r"</\s*(?:body|html)\s*>", re.IGNORECASE)


_RARE_CHARACTER = re.compile(r"[\u3400-\u9fff\U00020000-\U0003134f]")  # one character, the alt text of its picture
_ALT_FIGURES = 6  # numbers, at least, in the alt text of a picture of a table (its text equivalent),
_ALT_TABLE_WORDS = re.compile(r"主动公开政府信息情况|收到和处理政府信息公开申请情况|行政复议|本年制发件数|自然人")  # or its words
_ALT_MIN = 40  # characters of such alt text, at least (a logo's or a photo's says a few words)
_ALT_CLAUSE_END = re.compile(r"(?<=[。；;])")


_DIGIT_ALT = re.compile(r"[\d.,]")  # a picture of one digit (or its point), as pages guarding their figures draw them


# A figure (6, 3.5), not an item's number (1.属于国家秘密, 2、)
_FIGURE_TEXT = re.compile(r"(?<![\d.])[0-9０-９]+(?:\.[0-9]+)?(?![0-9]|[.、．](?![0-9]))")


def _pictures_as_text(root) -> None:
    """Pictures as their alt text where it says what the report's words or figures are: a table cell's (a CMS
    that sets a table's labels as pictures of their words, <img alt="本年制发件数">), and a picture of a table whose
    alt text writes the table out (二、主动公开政府信息情况。第二十条第（一）项 规章 本年制发件数0 …；…), a line each
    of its lines and clauses as a screen reader's user hears the rows (or its title's, where alt only numbers the
    page). A page's other pictures say nothing of the report, nor does an icon beside a cell's printed figure (its alt,
    较上年增加5件, was read into the cell, and the figure with it)."""
    for picture in list(root.iter("img")):
        # (its text in alt, or in title where alt only numbers the page, 第3页: the longer; its own lines kept)
        said = max(picture.get("alt") or "", picture.get("title") or "", key=len)
        lines = [line for line in (_SPACES.sub(" ", line).strip() for line in said.splitlines()) if line]
        alt = " ".join(lines)
        if not alt or picture.getparent() is None:
            continue
        cell = next((a for a in picture.iterancestors() if a.tag in ("td", "th")), None)
        if cell is not None and not _DIGIT_ALT.fullmatch(alt) and _FIGURE_TEXT.search(cell.text_content()):
            picture.drop_tree()  # (an icon beside a cell's figure, alt="较上年增加5件": the page shows no words of it)
            continue
        if cell is not None or _RARE_CHARACTER.fullmatch(alt):
            # (a rare character set as a picture of it inside a name, 勐 of 勐海县: its alt text in its place)
            tail = picture.tail or ""
            after = picture.getnext()
            if _DIGIT_ALT.fullmatch(alt) and not tail.strip() and after is not None and after.tag == "img" \
                    and _DIGIT_ALT.fullmatch((after.get("alt") or "").strip()):
                tail = ""  # (a count drawn a digit a picture, 8 and 4 for 84, the markup's line breaks between them)
            picture.tail = alt + tail
            picture.drop_tree()
        elif len(alt) >= _ALT_MIN and (len(re.findall(r"\d+", alt)) >= _ALT_FIGURES or _ALT_TABLE_WORDS.search(alt)):
            block = picture.makeelement("div", {})
            for k, clause in enumerate(c for line in lines for c in _ALT_CLAUSE_END.split(line) if c.strip()):
                if k:
                    block.append(line_break := block.makeelement("br", {}))
                    line_break.tail = clause.strip()
                else:
                    block.text = clause.strip()
            block.tail = picture.tail
            picture.addnext(block)
            picture.getparent().remove(picture)


def _a_cells_figure(button) -> bool:
    """Whether a button is a table cell's figure (a count that opens the list of its cases), not a page's control."""
    return (button.getparent() is not None and button.getparent().tag in ("td", "th")
            and bool(re.fullmatch(r"\s*[\d０-９][\d０-９,.]*\s*|\s*[无—/-]\s*", button.text_content() or "")))


def _cell_text(element, lines: bool = False) -> str:
    """A cell's text on one line, its own lines (a <br>, paragraphs or other blocks in it) and a
    superscript or subscript parted by a space, as a Word cell's paragraphs are: a browser shows
    1<br>2 on two lines, and read as 12 it would be one number the page does not print; "1 2" is
    a cell the reading marks as unsure. A superscript footnote mark is kept as one (87¹).
    ``lines``: its own lines kept apart by newlines, for ``unstacked``."""
    if not len(element):  # most cells: their text alone
        return _SPACES.sub(" ", element.text or "").strip()
    from lxml import etree

    pieces: list[str] = [element.text or ""]
    mark = None  # a footnote mark read at its element's start, its tail at the end
    for event, node in etree.iterwalk(element, events=("start", "end")):
        if node is element:
            continue
        block = isinstance(node.tag, str) and node.tag.lower() in _CELL_BREAKS and not _ON_THE_LINE.search(
            node.get("style") or "")
        gap = _LINE_GAP if lines and block and node.tag.lower() not in ("sup", "sub") else " " if block else ""
        if gap == _LINE_GAP and node.tag.lower() == "br":
            gap = _LINE_BREAK if event == "start" else ""  # one line each: <br><br> leaves an empty line
        if event == "start":
            mark = raised_mark(node.text or "") if block and node.tag.lower() == "sup" and not len(node) else None
            pieces.append(mark if mark is not None else gap)
            pieces.append("" if mark is not None else node.text or "")
        elif mark is not None:
            pieces.append(node.tail or "")
            mark = None
        else:
            pieces.append(gap)
            pieces.append(node.tail or "")
    text = "".join(pieces)
    if not lines:
        return _SPACES.sub(" ", text.replace(_LINE_BREAK, " ")).strip()
    # a block's edges end a line once however many meet; each <br> ends one, an empty one after another
    text = _BLOCK_EDGES.sub(_LINE_BREAK, _BLOCK_GAPS.sub(_LINE_GAP, text)).replace(_LINE_GAP, _LINE_BREAK)
    raw = text.split(_LINE_BREAK)
    parts = [_SPACES.sub(" ", line).strip() for line in raw]
    # (a line of a no-break space, &nbsp;<br>, is a line typed empty on purpose: it keeps a stacked cell's lines level)
    start, end = 0, len(parts)
    while start < end and not parts[start] and "\xa0" not in raw[start]:
        start += 1
    while end > start and not parts[end - 1] and "\xa0" not in raw[end - 1]:
        end -= 1
    return "\n".join(parts[start:end])


_LINE_GAP = "\x00"  # where a block in a cell begins or ends, until its text is put together
_LINE_BREAK = "\x01"  # where a <br> ends a cell's line
_BLOCK_GAPS = re.compile("(?:\x00\\s*)+")
_BLOCK_EDGES = re.compile("\x00?[^\\S\xa0]*\x01[^\\S\xa0]*\x00?")  # (a no-break space is a line's text: &nbsp;<br>)
# A value a cell may stack one to a line: a number (with its unit) or a mark of none.
_STACKED_VALUE = re.compile(r"[-+]?[\d０-９][\d０-９,，]*(?:[.．][\d０-９]+)?\s*[件条个项万元]*|无|—+|–|－|-|/|／")


# A number wrapped in a narrow cell after a thousands comma (12,↵475): one number, its digits grouped across the break.
_GROUPED_WRAP = re.compile(r"(?<=\d[,，])\n(?=\d{3}(?!\d))")


def unstacked(cells: list[str]) -> list[list[str]]:
    """A table row whose cells hold their own lines, as rows. Where several of the form's rows were
    typed into one (规章↵行政规范性文件 | 0↵2 | 0↵1 | 0↵13: a label cell and value cells of as many
    lines, a value a line), each line is a row: line i of every such cell, and a cell of one line
    (the group's name) on the first. Any other row is one, its cells' lines joined by spaces."""
    split = [(_GROUPED_WRAP.sub("", cell) if "," in cell or "，" in cell else cell).split("\n") for cell in cells]
    flat = [[" ".join(lines) for lines in split]]
    counts = {len(lines) for lines in split if len(lines) > 1}
    if len(counts) != 1:
        return flat
    size = counts.pop()
    stacked = [lines for lines in split if len(lines) == size]
    single_values = [lines for lines in split if len(lines) == 1 and _STACKED_VALUE.fullmatch(lines[0])]
    if single_values or any(_one_label_wrapped(lines) for lines in stacked):
        return flat
    if not (_stacked_rows(stacked) or (  # (or the header row typed in too: 信息内容↵规章↵… | 本年制发件数↵0↵…)
            all(not _STACKED_VALUE.fullmatch(lines[0]) for lines in stacked) and _stacked_rows([s[1:] for s in stacked]))):
        return flat
    return [[lines[i] if len(lines) == size else lines[0] if i == 0 else "" for lines in split] for i in range(size)]


def _one_label_wrapped(lines: list[str]) -> bool:
    """Whether a cell's lines are one of the form's labels a narrow cell wrapped (行政强 / 制): together they name it,
    none alone does; its row's value cells' lines are then pieces of their numbers (10 / 93), no rows of their own."""
    joined = "".join(line.strip() for line in lines)
    return any(word in joined for word in _form_label_words()) and not any(
        word in line for line in lines for word in _form_label_words())


@cache
def _form_label_words() -> frozenset[str]:
    """The names of the forms' rows: table 2's items, table 3's results."""
    t3 = {_ROW_NUMBERING.sub("", row.label_zh).split("（")[0] for form in forms.FORMS.values() for row in form.t3_rows}
    return frozenset({word for form in forms.FORMS.values() for item in form.t2 for word in (item.label_zh, *item.keywords)
                      if len(word) >= 3} | {word for word in t3 if len(word) >= 4})


_ROW_NUMBERING = re.compile(r"^\s*(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|\d+[.．、])")


def _stacked_rows(stacked: list[list[str]]) -> bool:
    """Whether cells of as many lines are rows typed one into another: label cells and value cells, a value a line."""
    # a value cell may leave a line empty where a label line is a group's heading (三、本年度办理结果)
    values = [lines for lines in stacked if any(lines) and all(not line or _STACKED_VALUE.fullmatch(line) for line in lines)]
    labels = [lines for lines in stacked if not any(_STACKED_VALUE.fullmatch(line) for line in lines)]
    return bool(values) and bool(labels) and len(values) + len(labels) == len(stacked)


_MARK = re.compile(r"[0-9*＊]{1,3}")
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


_RAISED_STYLE = re.compile(r"vertical-align\s*:\s*(super|sub)\b", re.IGNORECASE)


def _raised_by_style(root) -> None:
    """Runs a style raises or lowers (<span style="vertical-align:super">2</span>, inline or by the style sheet's class)
    as the <sup> and <sub> they show as: a footnote mark after a figure (449²), not its last digit (4492)."""
    raised = [(e, m[1].lower()) for e in root.xpath("//*[@style]") if (m := _RAISED_STYLE.search(e.get("style") or ""))]
    raised += [(e, m[1].lower()) for e, _, body in _selected(root, lambda body: _RAISED_STYLE.search(body) is not None)
               if (m := _RAISED_STYLE.search(body))]
    for element, kind in raised:
        if not len(element) and element.tag not in ("sup", "sub") and len((element.text or "").strip()) <= 3:
            element.tag = "sup" if kind == "super" else "sub"


def raised_mark(text: str) -> str | None:
    """A raised run that is a footnote mark (1, 12, *) as it reads beside its number: in
    superscript digits (87¹), which the cell's reading knows for a mark; None for other raised text."""
    text = text.strip()
    return text.translate(_SUPERSCRIPT) if _MARK.fullmatch(text) else None


# A span as HTML parses it: its leading digits (" 3 ", "3px", "1.9" are 3, 3 and 1); none, a sign or 0 is 1.
_SPAN_DIGITS = re.compile(r"[\t\n\f\r ]*\+?(\d+)")


def _span(element, name: str) -> int:
    m = _SPAN_DIGITS.match(element.get(name) or "")
    return max(1, min(int(m[1][:6]), 200)) if m else 1


def _spans_in_row_groups(root) -> None:
    """Each cell's rowspan as a browser lays it out: ending with its row group (a <tbody>, <thead> or <tfoot>, or the
    table's rows outside them), and 0 reaching that group's end (a 不予公开 label over its eight rows). Read past their
    group, the next group's rows were pushed a column right."""
    for table in root.iter("table"):
        groups = [[tr for tr in part if tr.tag == "tr"] for part in table if part.tag in ("thead", "tbody", "tfoot")]
        groups.append([tr for tr in table if tr.tag == "tr"])
        for rows in groups:
            for k, tr in enumerate(rows):
                for cell in tr:
                    if cell.tag in ("td", "th") and cell.get("rowspan") is not None:
                        m = _SPAN_DIGITS.match(cell.get("rowspan"))
                        rowspan = int(m[1][:6]) if m else 1
                        cell.set("rowspan", str(min(rowspan or len(rows) - k, len(rows) - k)))


# A merged cell printing 0 or a mark of none over several rows, or over a row's columns (four or
# more): every cell it covers is 0 (a block of zeros printed once, 0 across all of table 4). A cell
# two or three columns wide is one value in a wide cell (table 2's one measure over three columns,
# 行政复议's five cells under a header twice as wide). A number other than 0 says nothing of its parts.
_ZERO_MARK = re.compile(r"[0０]+\s*[件条个项]?|无|—+|–|－|-|/|／")
_BLOCK_WIDTH = 4


def _covered(text: str, rowspan: int, colspan: int) -> str:
    """What a position a merged cell covers reads as: its mark of zero or none when the cell is a
    block (``_ZERO_MARK``), else empty."""
    block = rowspan > 1 or colspan >= _BLOCK_WIDTH
    return text if block and _ZERO_MARK.fullmatch(text) else ""


def numbers_across(text: str, colspan: int) -> list[str] | None:
    """The numbers of a merged cell that prints one for each column it covers (a clerk typing both
    values into two merged value cells: 3 2); None for any other text, and for digits grouped as
    thousands (1 862, GB/T 15835), which may be one number."""
    parts = text.split()
    if len(parts) != colspan or not all(part.isdecimal() and part.isascii() for part in parts):
        return None
    return None if all(len(part) == 3 for part in parts[1:]) and len(parts[0]) <= 3 else parts


GRID_CELLS = 2_000_000  # positions one table may expand to: a catalogue attached to a report prints 300,000


def table_grid(rows: list[list[tuple[str, int, int]]]) -> list[list[str]]:
    """Expand (text, rowspan, colspan) cells into a grid; covered positions are '', or the
    merged cell's 0 or mark of none (``_covered``). A column no cell begins in is none of the
    table's (a page that sets every value cell two columns wide): it is left out. A span ends
    with the table, as a browser ends it; a grid past ``GRID_CELLS`` is refused (TableTooLarge)."""
    grid: list[list[str | None]] = []
    origins: list[list[tuple[int, int, int, int] | None]] = []  # per position: (row, column, rowspan, colspan)
    starts: set[int] = set()
    budget = GRID_CELLS
    for r, row in enumerate(rows):
        while len(grid) <= r:
            grid.append([])
            origins.append([])
        c = 0
        for text, rowspan, colspan in row:
            rowspan = min(rowspan, len(rows) - r)
            budget -= rowspan * colspan
            if budget < 0:
                raise errors.TableTooLarge(GRID_CELLS)
            line = grid[r]
            while c < len(line) and line[c] is not None:
                c += 1
            starts.add(c)
            for dr in range(rowspan):
                while len(grid) <= r + dr:
                    grid.append([])
                    origins.append([])
                target, origin = grid[r + dr], origins[r + dr]
                while len(target) < c + colspan:
                    target.append(None)
                    origin.append(None)
                for dc in range(colspan):
                    target[c + dc] = text if (dr == 0 and dc == 0) else _covered(text, rowspan, colspan)
                    origin[c + dc] = (r, c, rowspan, colspan)
            if colspan > 1 and (across := numbers_across(text, colspan)) is not None:
                grid[r][c:c + colspan] = across  # a value typed for each column the merged cell covers
                starts.update(range(c, c + colspan))
            c += colspan
    for r in sorted(_label_continuations(grid, origins), reverse=True):
        for c, origin in enumerate(origins[r]):
            if origin is not None and origin[:2] == (r, c):
                grid[r - 1][c] += grid[r][c]  # (bottom up: a label over three rows gathers into its first)
        del grid[r]
    out = [[cell or "" for c, cell in enumerate(row) if c in starts] for row in grid]
    for r in range(len(out)):
        out[r] = same_as_filled(out[r], out[r - 1] if r else [])
    return out


# What begins a row's own label: an item's number (1. （一） ① (1)), never the rest of a label.
_ITEM_MARK = re.compile(r"\s*(?:[（(]?[一二三四五六七八九十\d]{1,3}[)）.、．]|[①-⑳])")


def _label_continuations(grid: list[list[str | None]], origins: list[list[tuple[int, int, int, int] | None]]) -> set[int]:
    """The rows that only continue the label of a row above whose value cells span them (a long
    label typed over two rows beside the row's values merged down: 5.要求行政机关确 / 认或重新出具…):
    each such row begins cells only where the row above has one-row cells of the same width, none of
    them an item's number; right of them every position is covered by a cell the row above begins (at
    least two, all ending with the last continuation); left of them, a group's label spanning on. A row
    of a table's header (自然人 spanning the row of 商业企业 beside it) has a spanning cell left of its
    new ones, and a block of zeros over two rows of their own labels begins them with their items'
    numbers: neither is one."""
    continuations: set[int] = set()
    for r in range(1, len(origins)):
        first = r - 1
        while first in continuations:
            first -= 1
        row, above = origins[r], origins[first]
        new = [origin for c, origin in enumerate(row) if origin is not None and origin[:2] == (r, c)]
        if not new:
            continue
        edge = max(origin[1] + origin[3] for origin in new)
        values = set(row[edge:])
        if len(values) < 2 or any(origin is None or origin[0] != first for origin in values) \
                or len({origin[0] + origin[2] for origin in values}) != 1:
            continue
        labels_above = all(origin[1] < len(above) and above[origin[1]] == (first, origin[1], 1, origin[3]) for origin in new)
        spanning_left = all(origin is not None and (origin[0] == r or origin[0] + origin[2] > r) for origin in row[:edge])
        if labels_above and spanning_left and not any(_ITEM_MARK.match(grid[r][origin[1]] or "") for origin in new):
            continuations.add(r)
    return continuations


# A cell a clerk filled with 同上 (as above) or 同左 (as on the left), the value it repeats a number
# or a word for none.
_SAME_AS = {"同上": "above", "同左": "left"}
_REPEATED_VALUE = re.compile(r"[-+]?\d[\d,]*(?:\.\d+)?|无|—+|-|/|0")


def same_as_filled(cells: list[str], above: list[str]) -> list[str]:
    """A row's cells with each 同上 or 同左 written as the value it repeats, the word kept after it in
    brackets (0（同上）) for the reading's note; a cell whose neighbour holds no value as it is."""
    if not any(cell.strip() in _SAME_AS for cell in cells):
        return cells
    out = list(cells)
    for k, cell in enumerate(cells):
        word = cell.strip()
        if word not in _SAME_AS:
            continue
        source = (above[k] if k < len(above) else "") if _SAME_AS[word] == "above" else (out[k - 1] if k else "")
        value = re.sub(r"[（(](?:同上|同左)[）)]$", "", source.strip())
        if _REPEATED_VALUE.fullmatch(value):
            out[k] = f"{value}（{word}）"
    return out


# What a description list's value is in a card layout: a count, an amount, or a mark of none.
_CARD_VALUE = re.compile(r"[-+]?\d[\d,]*(?:\.\d+)?\s*(?:件|条|个|万元|元)?|无|—+|-|/|0")
_CARD_LABEL_MAX = 80  # characters: a row's label above its card, never a paragraph
_CARD_HEADS = 2  # blocks before a card's body: its row's label, and a line naming the row's group
_PATH = re.compile(r"\S\s*[/／]\s*\S")
_CARD_ROW_PAIRS = 15  # values a card of one row lists at most: table 4's row (a list of more names each cell)
_CARD_PAGE_ROWS = 20  # table rows a page has fewer of when it prints the form's tables as cards
_NO_CARD = frozenset({"table", "thead", "tbody", "tfoot", "tr", "ul", "ol"})  # a table's rows of two cells are its own


def _element_text(element) -> str:
    return _SPACES.sub(" ", element.text_content()).strip()


def _dl_title(element) -> list:
    """A description list's first terms that describe nothing, each followed by another term: the card's title
    inside its list (<dl><dt class="card-title">一、本年新收…</dt><dt>自然人</dt><dd>4</dd>…)."""
    children = [child for child in element if isinstance(child.tag, str)]
    k = 0
    while k + 1 < len(children) and children[k].tag == "dt" and children[k + 1].tag == "dt":
        k += 1
    return children[:k]


def _card_pairs(element) -> list[tuple[str, str]] | None:
    """The (name, value) pairs a card's body lists: a description list's terms and descriptions, or
    children of two parts each (<div class="kv"><span>自然人</span><span>16</span></div>); None when
    the element is no such body or a value is no number or mark of none."""
    children = [child for child in element if isinstance(child.tag, str)]
    if element.tag == "dl":
        children = children[len(_dl_title(element)):]
    if not children:
        return None
    if element.tag == "dl":
        terms = [_element_text(c) for c in children if c.tag == "dt"]
        values = [_element_text(c) for c in children if c.tag == "dd"]
        if len(terms) != len(values) or len(terms) + len(values) != len(children):
            return None
        pairs = list(zip(terms, values, strict=True))
    else:
        parts = [[part for part in child if isinstance(part.tag, str)] for child in children]
        if any(len(two) != 2 or (child.text or "").strip() for child, two in zip(children, parts, strict=True)):
            return None
        pairs = [(_element_text(two[0]), _element_text(two[1])) for two in parts]
        if len(pairs) < 2:
            return None  # one name and number (浏览次数 1286) is a page's label, no card
    if all(name and not _CARD_VALUE.fullmatch(name) and _CARD_VALUE.fullmatch(value) for name, value in pairs):
        return pairs
    return None


# An element laying its children side by side in a row (a grid lays them out in two dimensions, a column
# flex box one under another, a wrapping one in lines of as many as fit: a card's name-value pairs; no row).
_ROW_STYLE = re.compile(r"^(?!.*flex-(?:direction|flow)\s*:\s*column)(?!.*flex-(?:wrap|flow)\s*:[^;]*\bwrap)"
                        r".*display\s*:\s*(?:flex|inline-flex|table-row)\b", re.IGNORECASE | re.DOTALL)
# A cell of a row drawn with styled blocks (秀米, 135编辑器: sections side by side, display:inline-block or flex: 1).
_CELL_STYLE = re.compile(r"display\s*:\s*(?:inline-block|table-cell)|(?:^|;)\s*flex\s*:\s*\d|float\s*:\s*(?:left|right)",
                         re.IGNORECASE)
_STYLED_CELLS_MIN = 3
_STYLED_CELL_TEXT_MAX = 40


def _styled_rows(root, laid: list) -> None:
    """Rows drawn with styled blocks side by side (a WeChat editor's table: a section per cell, no <table>):
    each such row becomes a table row, its consecutive siblings one table, so that an empty cell (<br>) keeps
    its place. Read as blocks, a cell a line, an empty cell was no line and the row's values moved up."""
    from lxml import etree

    in_rows = {id(e) for e in laid}  # (``laid`` holds them: their ids stay theirs)
    rows = [e for e in root.xpath("//*[count(*) >= 3]") if _cell_row(e, id(e) in in_rows)]
    inside = {id(a) for row in rows for a in row.iterancestors()}
    for row in [row for row in rows if id(row) not in inside and row.getparent() is not None]:
        table = row.getprevious() if row.getprevious() is not None and row.getprevious().get("data-styled-rows") else None
        if table is None or (table.tail or "").strip():
            table = root.makeelement("table", {"data-styled-rows": "1"})  # an HtmlElement, as the page's
            row.addprevious(table)
        tr = etree.SubElement(table, "tr")
        for cell in row:
            if isinstance(cell.tag, str) and not _clearing(cell):
                etree.SubElement(tr, "td").text = _element_text(cell)
        table.tail = row.tail
        row.getparent().remove(row)


def _cell_row(element, laid_in_a_row: bool = False) -> bool:
    """Whether every child of ``element`` is a styled cell of short text (see ``_styled_rows``): styled so
    itself, or laid side by side by the element's own style (display:flex or table-row, inline or by the
    page's style sheet: ``laid_in_a_row``)."""
    children = [c for c in element if isinstance(c.tag, str)]
    in_a_row = laid_in_a_row or bool(_ROW_STYLE.search(element.get("style") or ""))

    def cell(child) -> bool:  # a cell by its own style, or a plain one in a row (not a card's name and value)
        return bool(_CELL_STYLE.search(child.get("style") or "")) or (
            in_a_row and sum(1 for g in child if isinstance(g.tag, str)) <= 1)

    children = [c for c in children if not _clearing(c)]
    return len(children) >= _STYLED_CELLS_MIN and not _word_in_pieces(element, children) and all(
        cell(c) and len(_element_text(c)) <= _STYLED_CELL_TEXT_MAX and not c.xpath(".//table") for c in children)


def _word_in_pieces(element, children: list) -> bool:
    """Whether a flex box's items are a character or two each, with no boxes inside, in a table's cell or among a
    sentence's words (已办结<span style="display:inline-flex"><span style="order:2">3</span>…</span>件): a number's
    digits written out of order and put back by their order, one word, not a row of cells."""
    if any(len(child) or len(_element_text(child)) > 2 for child in children):
        return False
    parent = element.getparent()
    in_a_sentence = parent is not None and bool(
        (parent.text or "").strip() or (element.tail or "").strip()
        or any((sibling.tail or "").strip() for sibling in element.itersiblings(preceding=True)))
    return in_a_sentence or any(a.tag in ("td", "th") for a in element.iterancestors())


def _clearing(element) -> bool:
    """An empty block after floated cells that ends their row (<div style="clear:both"></div>): no cell of it."""
    return not len(element) and not (element.text or "").strip() and "clear" in (element.get("style") or "")


def _description_rows(root) -> None:
    """A mobile page's cards (<h5>行政处罚</h5><dl><dt>本年处理决定数量</dt><dd>412</dd></dl>, or a
    mini-program's views of name and value): each card body listing only values becomes a table
    row, the card's heading lines before it its label, its names a header row above it when they
    differ from the card before's. Read as lines of text, every name and value was a row of its
    own, and values went to the next label."""
    from lxml import etree

    names_before: list[str] = []
    # description lists, and elements whose every child has two parts (found by libxml2: pages are large)
    for body in root.xpath("//dl | //*[count(*) >= 2][not(*[count(*) != 2])]"):
        if body.tag in _NO_CARD or body.getparent() is None or (pairs := _card_pairs(body)) is None:
            continue
        # the card's heading lines: what comes before the body in a card of at most three blocks
        heads = [e for e in body.itersiblings(preceding=True) if isinstance(e.tag, str)][::-1]
        label = " ".join(_element_text(e) for e in heads)
        if body.tag == "dl" and (title := _dl_title(body)):
            heads, label = [], " ".join(_element_text(e) for e in title)  # (its title inside the list)
        elif (not heads or len(heads) > _CARD_HEADS or body.getnext() is not None or len(label) > _CARD_LABEL_MAX
                or any(_CARD_VALUE.fullmatch(_element_text(e)) or e.tag == "table" for e in heads)):
            # (nor the card before, made a table row already: a heading is no table)
            heads, label = [], ""
        names = [name for name, _ in pairs]
        table = root.makeelement("table", {})
        rows = ([["", *names]] if names != names_before else []) + [[label, *(v for _, v in pairs)]]
        if len(pairs) > _CARD_ROW_PAIRS or all(_PATH.search(name) for name in names):
            # more values than any of the form's rows, or each named by its path (第二十条第（一）项/规章/本年制发件数):
            # a table's cells, a row each
            rows = [[" ".join(filter(None, (label, name))), value] for name, value in pairs]
        for cells in rows:
            tr = etree.SubElement(table, "tr")
            for text in cells:
                etree.SubElement(tr, "td").text = text
        names_before = names
        table.tail = body.tail
        body.getparent().replace(body, table)
        for head in heads:
            head.drop_tree()


def _footers_last(root) -> None:
    """A table's <tfoot> written before its <tbody> (HTML 4's order) moved after it, where a browser shows it: read in the
    source's order, its totals row ((七)总计, table 4's 总计) came first, and a turned table's rows were read one off."""
    for table in root.iter("table"):
        for footer in [child for child in table if child.tag == "tfoot"]:
            if any(sibling.tag in ("tbody", "tr") for sibling in footer.itersiblings()):
                footer.tail = None
                table.append(footer)


# A form field a page shows its value in (an online form's read-only inputs); not hidden ones, nor buttons.
_FIELD_SHOWN = frozenset({"", "text", "number", "tel", "search"})
_CSS_ATTR_CONTENT = re.compile(r"content\s*:\s*attr\(\s*(data-[\w-]+|title)\s*\)")


def _shown_values(root) -> None:
    """Values a browser shows that are no text of the page: a read-only input's value (<input value="12"
    readonly>, an online form's), a drop-down list's chosen option (an option's own value attribute is a code), and an
    attribute a style sheet prints before or after an empty element
    (span::before { content: attr(data-value) }), and a figure it writes there (#v2::before { content: "187" }).
    Written in as the elements' text; an element that has
    text keeps it (its attribute is no more than a stored value), unless a style sheet hides that text
    (a placeholder set in no size, the value drawn after it): the value follows the element then."""
    for field in list(root.iter("input")):
        value = (field.get("value") or "").strip()
        if value and (field.get("type") or "").lower() in _FIELD_SHOWN:
            field.tag, field.text = "span", value
    for field in list(root.iter("select")):  # its chosen option's text, or its first's when none is chosen
        options = field.findall(".//option")
        if options and field.get("multiple") is None:
            shown = next((o for o in options if o.get("selected") is not None), options[0])
            for child in list(field):
                field.remove(child)
            placeholder = shown.get("value") == ""  # (请选择: no value chosen, the cell blank)
            field.tag, field.text = "span", "" if placeholder else shown.text_content().strip()
    sheet = "\n".join(style.text or "" for style in root.iter("style"))
    attributes = sorted(set(_CSS_ATTR_CONTENT.findall(sheet))) if "attr(" in sheet else ()
    hidden = _styled(root, _HIDDEN_STYLE) if attributes else []  # kept alive: their ids name them below
    unseen = {id(e) for e in hidden}
    for attribute in attributes:
        for element in root.xpath(f"//*[@{attribute}]"):
            if not element.text_content().strip():
                element.text = element.get(attribute)
            elif id(element) in unseen:  # its own text set in no size, the value shown after it: the value
                element.tail = element.get(attribute) + (element.tail or "")
    if "content" in sheet and ("before" in sheet or "after" in sheet):
        _generated_figures(root, sheet)


# A figure a style sheet writes before or after an element (#v002::before { content: "18734" }, .c3::after
# { content: "4" }, or in pieces: content: "1" "2" "8" "9"): shown, and in no text of the page.
_GENERATED = re.compile(r"""content\s*:\s*(?P<pieces>(?:(["'])[^"'\\]{0,16}\2\s*){1,16})(?:;|!|$)""")
_GENERATED_PIECE = re.compile(r"""(["'])([^"'\\]*)\1""")
_GENERATED_FIGURE = re.compile(r"[\d.,]{1,16}|无|—+|/|-")
# Set on an element whose text a figure written over it replaces (its own text set in no size, the figure in a size of
# its own: a decoy for scrapers): shown, though the rule that shrinks its text would hide it.
_SHOWN_FIGURE = "data-shown-figure"


def _generated_figures(root, sheet: str) -> None:
    """Write in the figures a style sheet's ::before and ::after rules show: the last rule for each element's. An
    element whose own text the sheet sets in no size (td.h{font-size:0}: a decoy, 5 or *) while the figure has a size of
    its own (#c7::before{content:"215";font-size:14px}) shows the figure alone."""
    import cssselect

    translator = cssselect.HTMLTranslator()
    shown: dict[tuple[int, str], tuple[object, str, bool]] = {}
    for selectors, body in _CSS_RULE.findall(_desktop_rules(_CSS_COMMENT.sub("", sheet))):
        if (content := _GENERATED.search(body)) is None:
            continue
        text = "".join(piece for _, piece in _GENERATED_PIECE.findall(content["pieces"]))
        if not _GENERATED_FIGURE.fullmatch(text):
            continue
        for selector_text in selectors.split(","):
            try:
                [selector] = cssselect.parse(selector_text)
                if selector.pseudo_element not in ("before", "after"):
                    continue
                path = translator.selector_to_xpath(cssselect.parser.Selector(selector.parsed_tree))
            except (cssselect.SelectorError, cssselect.ExpressionError, ValueError):
                continue
            for element in root.xpath(path):
                shown[(id(element), selector.pseudo_element)] = (element, text, bool(_SOME_FONT.search(body)))
    shrunk = {id(element) for element, _, body in _selected(root, lambda body: bool(_ZERO_FONT.search(body)))
              if not _HIDDEN_STYLE.search(_ZERO_FONT.sub("", body))} if any(s for _, _, s in shown.values()) else set()
    for (_, pseudo), (element, text, sized) in shown.items():
        if sized and id(element) in shrunk:
            for child in list(element):
                element.remove(child)
            element.text = text
            element.set(_SHOWN_FIGURE, "1")
        elif pseudo == "before":
            element.text = text + (element.text or "")
        elif len(element):
            element[-1].tail = (element[-1].tail or "") + text
        else:
            element.text = (element.text or "") + text


# --- tables drawn as SVG ------------------------------------------------------------

# An SVG transform's steps, each with its numbers: translate, scale and matrix are read (what a layout tool writes to
# place and shrink a table); a turn or a slant is not (its texts' lines would not be the drawing's).
_TRANSFORM_STEP = re.compile(r"(?P<kind>[a-zA-Z]+)\s*\((?P<numbers>[^)]*)\)")
_NUMBER = re.compile(r"-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?")
_LENGTH = re.compile(r"\s*(-?[\d.]+)\s*(em|px)?")
_CONVERTED_PAGE = re.compile(r"""class=["']pf\b""")  # pdf2htmlEX's page (``_converted_pages``)
_DRAWN_TEXTS = 12  # <text>s an SVG holds at least to be read as a drawn table, not a logo or a chart's axis


def _length(value: str | None, font_size: float) -> float | None:
    m = _LENGTH.match(value or "")
    if m is None:
        return None
    return float(m.group(1)) * (font_size if m.group(2) == "em" else 1)


Placement = tuple[float, float, float, float]  # x and y scales, then offsets: (sx, sy, dx, dy) maps x to sx·x + dx


def _placed_by(transform: str, outer: Placement) -> Placement | None:
    """Where a transform puts its element's coordinates on the drawing, within its group's ``outer``
    placement; None for a turn or a slant."""
    sx, sy, dx, dy = outer
    for m in _TRANSFORM_STEP.finditer(transform):
        numbers = [float(n) for n in _NUMBER.findall(m["numbers"])]
        kind = m["kind"].lower()
        if kind == "translate" and numbers:
            dx, dy = dx + sx * numbers[0], dy + sy * (numbers[1] if len(numbers) > 1 else 0)
        elif kind == "scale" and numbers:
            sx, sy = sx * numbers[0], sy * (numbers[1] if len(numbers) > 1 else numbers[0])
        elif kind == "matrix" and len(numbers) == 6 and numbers[1] == numbers[2] == 0:
            a, _, _, d, e, f = numbers
            dx, dy, sx, sy = dx + sx * e, dy + sy * f, sx * a, sy * d
        else:
            return None
    return sx, sy, dx, dy


_STYLE_FONT_SIZE = re.compile(r"font-size\s*:\s*([\d.]+)px")


def _svg_texts(svg) -> list[tuple[float, float, str, float, float]] | None:
    """An SVG's texts as (x, y, text, font size, width: its longest line's), each placed by its own and its groups'
    transforms (moved and scaled); a text of several lines (<tspan dy>) is one, at the middle of its lines, and a span at an x
    of its own on the text's line is another. None when a turn or slant places one (its place is not read)."""
    from .positioned import _WIDE

    out: list[tuple[float, float, str, float, float]] = []

    def walk(element, outer: Placement) -> bool:
        placement = _placed_by(element.get("transform") or "", outer)
        if placement is None:
            return False
        tag = element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""
        if tag != "text":
            return all(walk(child, placement) for child in element if isinstance(child.tag, str))
        sx, sy, dx, dy = placement
        styled = _STYLE_FONT_SIZE.search(element.get("style") or "")  # (Inkscape's style="font-size:16px")
        size = _length(element.get("font-size"), 16) or (float(styled[1]) if styled else 0) or 16
        x, y = _length(element.get("x"), size) or 0, _length(element.get("y"), size) or 0
        # each text: its x and its lines; a span placed at an x of its own on the same line is a text of its own
        # (a row's figures as one <text>, a <tspan x> per cell), one on a line below goes on the text above
        texts: list[tuple[float, list[tuple[float, str]]]] = [(x, [(y, (element.text or "").strip())])]
        line_y = y
        for span in element:
            if not isinstance(span.tag, str):
                continue
            own_x, own_y, own_dy = (_length(span.get(a), size) for a in ("x", "y", "dy"))
            same_line = own_y in (None, line_y) and not own_dy
            line_y = own_y if own_y is not None else line_y + (own_dy or 0)
            if own_x is not None and (same_line or not any(text for _, text in texts[-1][1])):
                texts.append((own_x, []))  # (a span at an x of its own, or the first words of a text placed by its spans)
            texts[-1][1].append((line_y, _SPACES.sub(" ", span.text_content()).strip()))
        for at, lines in texts:
            lines = [(ly, text) for ly, text in lines if text]
            if lines:
                middle = (lines[0][0] + lines[-1][0]) / 2
                width = max(sum(1 if _WIDE.match(c) else 0.5 for c in text) for _, text in lines) * abs(sx) * size
                out.append((sx * at + dx, sy * middle + dy, "".join(text for _, text in lines), abs(sy) * size, width))
        return True

    return out if walk(svg, (1.0, 1.0, 0.0, 0.0)) else None


# What a style sheet places a box's children by, other than their order in the page: a flex item's order, a reversed flex
# row, a grid item's row and column (by number, or by an area the grid's template names).
# Cells floated right (the first rightmost) and a table set right to left show in the reverse of the page's order too.
_PLACING_WORDS = re.compile(r"(?:^|[;\s{\"'])order\s*:\s*-?\d|(?:row|column)-reverse|float\s*:\s*right"
                            r"|(?<![-\w])direction\s*:\s*rtl|grid-(?:row|column|area)\s*:")
_ORDER = re.compile(r"(?:^|[;\s{])order\s*:\s*(-?\d+)")
_REVERSED = re.compile(r"flex-direction\s*:\s*(?:row|column)-reverse")
_FLOAT = re.compile(r"float\s*:\s*(left|right)")
_RIGHT_TO_LEFT = re.compile(r"(?<![-\w])direction\s*:\s*rtl")
_GRID_LINE = re.compile(r"grid-(?P<axis>row|column)\s*:\s*(?P<start>\d+)\s*(?:/\s*(?:span\s+(?P<span>\d+)|(?P<end>\d+)))?")
_GRID_AREA_LINES = re.compile(r"grid-area\s*:\s*(\d+)\s*/\s*(\d+)\s*(?:/\s*(\d+)\s*/\s*(\d+))?")
_GRID_AREA_NAME = re.compile(r"grid-area\s*:\s*([A-Za-z_][\w-]*)\s*(?:;|$|!)")
_TEMPLATE_AREAS = re.compile(r"grid-template-areas\s*:\s*((?:[\"'][^\"']*[\"']\s*)+)")
_GRID_PLACES_MAX = 20_000  # places a placed grid's cells cover, at most (a hostile span is read as none)


def _placed_by_style(root) -> None:
    """Boxes a style sheet shows in another order than the page's: a flex row's items sorted by their order (a row's
    label written last and shown first, order:-1; its total written first and shown last, order:99), a reversed flex
    row (or column) read from its start; cells floated right read from the left (the first floated is rightmost); a
    table set right to left (direction:rtl, its own or a block's around it) read a row from its left; a grid whose every
    item is placed by its row and column (grid-row, grid-column, a numbered or a named grid-area) written as the table
    it shows. Read in the page's order, labels stood after their figures and a grid written column by column was read a
    column a row: figures wrong, silently."""
    def placing(body: str) -> bool:
        return bool(_PLACING_WORDS.search(body) or "grid-template-areas" in body or _FLOAT.search(body))

    styles: dict[int, str] = {}
    found: dict[int, object] = {}
    for element, _, body in sorted(_selected(root, placing), key=lambda item: item[1]):
        styles[id(element)] = styles.get(id(element), "") + ";" + body
        found[id(element)] = element
    for element in root.xpath("//*[@style]"):
        if placing(style := element.get("style") or ""):
            styles[id(element)] = styles.get(id(element), "") + ";" + style
            found[id(element)] = element
    parents = {id(e.getparent()): e.getparent() for e in found.values() if e.getparent() is not None}
    parents |= {id(e): e for e in found.values() if _REVERSED.search(styles[id(e)])}
    for parent in parents.values():
        children = [child for child in parent if isinstance(child.tag, str)]
        if parent.getparent() is not None and (table := _placed_grid(parent, children, styles)) is not None:
            table.tail = parent.tail
            parent.getparent().replace(parent, table)
            continue
        orders = [int(m[1]) if (m := _ORDER.search(styles.get(id(c), ""))) else 0 for c in children]
        shown = [c for _, c in sorted(zip(orders, children, strict=True), key=lambda pair: pair[0])]
        if _REVERSED.search(styles.get(id(parent), "")):
            shown.reverse()
        shown = _floated(shown, styles)
        if shown != children:
            for child in children:
                parent.remove(child)
            parent.extend(shown)
    _right_to_left_tables([e for e in found.values() if _RIGHT_TO_LEFT.search(styles[id(e)])])


def _floated(children: list, styles: dict[int, str]) -> list:
    """Children floated side by side in the order a browser shows them: those floated left from the left in the page's
    order, then those floated right (the first floated rightmost), then the rest (a clearing block); as they are when
    one with text is not floated (a float beside a paragraph is no row)."""
    floats = [m[-1] if (m := _FLOAT.findall(styles.get(id(child), ""))) else None for child in children]
    if "right" not in floats or any(side is None and _element_text(child) for side, child in zip(floats, children)):
        return children
    return ([child for side, child in zip(floats, children) if side == "left"]
            + [child for side, child in zip(floats, children) if side == "right"][::-1]
            + [child for side, child in zip(floats, children) if side is None])


def _right_to_left_tables(elements: list) -> None:
    """Each table set right to left (direction:rtl, on it or a block around it, inherited) with each row's cells in the
    order shown from the left: a mirrored table's cells, spans and all, read as its rows reversed."""
    done: set[int] = set()
    for element in elements:
        for table in element.iter("table"):
            if id(table) in done:
                continue
            done.add(id(table))
            for row in table.iter("tr"):
                cells = [cell for cell in row if isinstance(cell.tag, str) and cell.tag in ("td", "th")]
                for cell in cells:
                    row.remove(cell)
                row.extend(cells[::-1])


_ABSOLUTE = re.compile(r"position\s*:\s*absolute")
_BOX_EDGE = re.compile(r"(?:^|[;\s])(?P<edge>left|top|width|height)\s*:\s*(?P<px>-?\d+(?:\.\d+)?)px")


def _absolutely_placed_cells(root) -> None:
    """A table whose every cell its style places absolutely (position:absolute; left; top: a row of the page's source
    holding a column of the screen, in any order): its cells laid out by their places as a page's words are, a line for
    the cells at one height, left to right, in place of the table."""
    from .positioned import Placed, page_lines

    for table in list(root.iter("table")):
        cells = [cell for cell in table.iter("td", "th")]
        if not cells or table.getparent() is None or table.xpath(".//table"):
            continue
        placed = []
        for cell in cells:
            style = cell.get("style") or ""
            edges = {m["edge"]: float(m["px"]) for m in _BOX_EDGE.finditer(style)}
            if not _ABSOLUTE.search(style) or "left" not in edges or "top" not in edges:
                break
            left, top = edges["left"], edges["top"]
            placed.append(Placed(_element_text(cell), left, top, left + edges.get("width", 1), top + edges.get("height", 1),
                                 cell=True))
        else:
            pre = root.makeelement("pre", {})
            pre.text = "\n".join(page_lines(placed))
            pre.tail = table.tail
            table.getparent().replace(table, pre)


def _placed_grid(grid, children: list, styles: dict[int, str]):
    """The table a grid shows when every item names its place (rows and columns from 1, spans by an end or span), or
    None."""
    from lxml import etree

    areas = _template_areas(styles.get(id(grid), ""))
    placed = []
    for child in children:
        place = _grid_place(styles.get(id(child), ""), areas)
        if place is None:
            return None
        placed.append((place, child))
    if not placed or sum(rows * columns for (_, _, rows, columns), _ in placed) > _GRID_PLACES_MAX:
        return None
    taken = {(r, c) for (row, column, rows, columns), _ in placed
             for r in range(row, row + rows) for c in range(column, column + columns)}
    width = max(c for _, c in taken)
    table = grid.makeelement("table", {})
    by_start = {(row, column): (rows, columns, child) for (row, column, rows, columns), child in placed}
    for row in range(min(r for r, _ in taken), max(r for r, _ in taken) + 1):
        tr = etree.SubElement(table, "tr")
        for column in range(1, width + 1):
            if (row, column) in by_start:
                rows, columns, child = by_start[(row, column)]
                td = etree.SubElement(tr, "td")
                td.text = _element_text(child)
                if columns > 1:
                    td.set("colspan", str(columns))
                if rows > 1:
                    td.set("rowspan", str(rows))
            elif (row, column) not in taken:
                etree.SubElement(tr, "td")  # (a place no item fills: an empty cell, the others in their columns)
    return table


def _template_areas(style: str) -> dict[str, tuple[int, int, int, int]]:
    """A grid's named areas (grid-template-areas: "a b" "a c"): each name's row, column and spans."""
    m = _TEMPLATE_AREAS.search(style)
    if m is None:
        return {}
    cells: dict[str, list[tuple[int, int]]] = {}
    for r, line in enumerate(re.findall(r"[\"']([^\"']*)[\"']", m.group(1)), 1):
        for c, name in enumerate(line.split(), 1):
            if name != ".":
                cells.setdefault(name, []).append((r, c))
    return {name: (min(r for r, _ in at), min(c for _, c in at), max(r for r, _ in at) - min(r for r, _ in at) + 1,
                   max(c for _, c in at) - min(c for _, c in at) + 1) for name, at in cells.items()}


def _grid_place(style: str, areas: dict[str, tuple[int, int, int, int]]) -> tuple[int, int, int, int] | None:
    """Where a grid item stands (row, column, rows, columns) as its style places it; None when it does not."""
    if m := _GRID_AREA_LINES.search(style):
        row, column = int(m[1]), int(m[2])
        rows = int(m[3]) - row if m[3] else 1
        columns = int(m[4]) - column if m[4] else 1
        return (row, column, rows, columns) if row > 0 and column > 0 and rows > 0 and columns > 0 else None
    if (m := _GRID_AREA_NAME.search(style)) and m[1] in areas:
        return areas[m[1]]
    lines = {m["axis"]: (int(m["start"]), int(m["span"]) if m["span"] else int(m["end"]) - int(m["start"]) if m["end"]
                         else 1) for m in _GRID_LINE.finditer(style)}
    if set(lines) != {"row", "column"} or any(start < 1 or span < 1 for start, span in lines.values()):
        return None
    return lines["row"][0], lines["column"][0], lines["row"][1], lines["column"][1]


def _named_rows(root) -> None:
    """A table in an XML export of its own schema (<table><row><label>规章</label><cell>3</cell>…</row>): each child
    of the table that no HTML element names is a row, and each element in it a cell (one of text alone, <group>第二十条
    第（一）项</group>, a row of one cell). Read as HTML, such elements are inline: a row's cells ran together
    (规章3258) and its numbers could not be told apart."""
    from lxml.html import defs

    for table in root.iter("table"):
        for child in table:
            if not isinstance(child.tag, str) or child.tag in defs.tags:
                continue
            cells = [c for c in child if isinstance(c.tag, str)]
            if cells and not (child.text or "").strip() and not any(c.tag in defs.tags - {"label"} for c in cells):
                child.tag = "tr"
                for cell in cells:
                    cell.tag = "td"
            elif not cells and (child.text or "").strip():
                child.tag = "tr"
                td = child.makeelement("td", {})
                td.text, child.text = child.text, None
                child.append(td)


def _grid_tables(root) -> None:
    """An ARIA grid of elements that are no table's (div role=row, role=cell, as a data grid or a CMS draws a table
    with CSS): a table of its rows, each row's cells (its children, a role or not) in the page's order with their
    aria-colspan and aria-rowspan, an empty cell kept empty. A row split between containers (a data grid's pinned
    label column and its scrolling body: ag-Grid), its parts named by their aria-rowindex, is one row. Read as
    blocks, a cell a line, an empty cell was lost (its row one short) and a split row's labels came far from its
    values."""
    from lxml import etree

    for grid in root.xpath("//*[@role='grid' or @role='treegrid' or @role='table']"):
        rows: dict[int, list] = {}
        for order, row in enumerate(grid.xpath(".//*[@role='row']")):
            index = row.get("aria-rowindex", "")
            rows.setdefault(int(index) if index.isdecimal() else -1 - order, []).append(row)
        if grid.getparent() is None or grid.tag == "table" or not rows or (
                all(row.tag == "tr" for parts in rows.values() for row in parts)
                and not any(len(parts) > 1 for parts in rows.values())):
            continue  # (a table marked up as one reads as it is)
        table = root.makeelement("table", {})
        for index in sorted(rows, key=lambda i: (i < 0, -i if i < 0 else i)):
            tr = etree.SubElement(table, "tr")
            for cell in (cell for part in rows[index] for cell in part.iterchildren() if isinstance(cell.tag, str)):
                td = etree.SubElement(tr, "td")
                td.text = _element_text(cell)
                for aria, attribute in (("aria-colspan", "colspan"), ("aria-rowspan", "rowspan")):
                    if (span := cell.get(aria, "")).isdecimal() and int(span) > 1:
                        td.set(attribute, span)
        table.tail = grid.tail
        grid.getparent().replace(grid, table)


def _drawn_tables(root) -> None:
    """A table drawn as an inline SVG (a layout tool's export: rectangles for the rules, a <text> for
    every label and figure, in no reading order), or a page drawn so (a PDF's page exported by Inkscape): its texts
    laid out as a page's words are, a line for the texts at one height, left to right, parted by tabs, in place of
    the drawing; a text that begins where the one before it ends, as wide as its characters at its size, goes on
    it (a sentence's words and its figure in texts of their own, 全年共收到申请 | 62 | 件, had been parted as cells
    and the figure lost)."""
    for svg in list(root.iter("svg", f"{{{_SVG_NS}}}svg")):
        if sum(1 for _ in svg.iter("text", f"{{{_SVG_NS}}}text")) < _DRAWN_TEXTS:
            continue
        texts = _svg_texts(svg)
        if not texts:
            continue
        rows: list[list[tuple[float, float, str, float, float]]] = []
        for item in sorted(texts, key=lambda t: (t[1], t[0])):
            if rows and abs(item[1] - rows[-1][0][1]) <= _SAME_LINE:
                rows[-1].append(item)
            else:
                rows.append([item])
        lines = []
        for row in rows:
            line, end = "", None
            for x, _, text, size, width in sorted(row):
                line += text if end is None else ("" if abs(x - end) <= _RUN_ON * size else "\t") + text
                end = x + width
            lines.append(line)
        pre = root.makeelement("pre", {})
        pre.text = "\n".join(lines)
        pre.tail = svg.tail
        svg.getparent().replace(svg, pre)


_RUN_ON = 0.3  # of a text's size: a gap (or an overlap) between two texts this small makes them one line's words


def _converted_pages(root) -> None:
    """A PDF converted to a page by pdf2htmlEX (an agency's 在线预览): each line placed only by its classes, in no
    reading order a table keeps (a row's figures in one line, its label in another, the columns drawn one after
    another): laid out as a PDF's page is, a line for the pieces at one height, left to right, parted by tabs, in
    place of the page; its number and running head left out as a PDF's are."""
    from .pdf import without_page_furniture
    from .positioned import converted_page_words, pages_lines

    styles = "\n".join(style.text or "" for style in root.iter("style"))
    pages = [(page, words) for page, words in converted_page_words(root, styles) if words]
    texts = without_page_furniture(["\n".join(lines) for lines in pages_lines(words for _, words in pages)])
    for (page, _), text in zip(pages, texts, strict=True):
        pre = root.makeelement("pre", {})
        pre.text = text
        pre.tail = page.tail
        page.getparent().replace(page, pre)


def _text_layers(root) -> None:
    """A PDF viewer's text layers (pdf.js: a page saved from the browser), each page's runs placed one by one in
    no reading order a table keeps: laid out as a page's words are, a line for the runs at one height, left
    to right, parted by tabs, in place of the layer; page numbers and running heads left out as a PDF's are
    (between a row's label and its figures, they had parted them)."""
    from .pdf import without_page_furniture
    from .positioned import pages_lines, text_layer_words

    layers = [(layer, words) for layer in root.xpath("//*[contains(concat(' ', normalize-space(@class), ' '), ' textLayer ')]")
              if layer.getparent() is not None and (words := text_layer_words(layer))]
    pages = without_page_furniture(["\n".join(lines) for lines in pages_lines(words for _, words in layers)])
    for (layer, _), text in zip(layers, pages):
        pre = root.makeelement("pre", {})
        pre.text = text
        pre.tail = layer.tail
        layer.getparent().replace(layer, pre)


_SAME_LINE = 4.0  # SVG units between two texts' heights on one line
_SVG_NS = "http://www.w3.org/2000/svg"


_FRAGMENT_ROWS = 3  # a table inside a cell with this many rows or fewer may be a piece of its row


def _inline_fragment_tables(root) -> None:
    """Cells that hold a small table and nothing else (a data table whose 法人或其他组织 columns are a
    table inside one cell of each row: its header over the five types, or the row's five values): the
    inner table's last row takes the cell's place, a cell each, so that the outer table is a data
    table with the form's columns, not a layout of blocks. A cell alone in its row is a layout's box (a
    page of small tables stacked in a one-column table, 第二十条第（五）项's with its one row): its table stays."""
    for cell in list(root.iter("td", "th")):
        inner = [child for child in cell if isinstance(child.tag, str) and child.tag == "table"]
        if len(inner) != 1 or (cell.text or "").strip() or any((c.tail or "").strip() for c in cell) \
                or len([c for c in cell if isinstance(c.tag, str)]) != 1 or inner[0].xpath(".//table") \
                or sum(1 for c in cell.getparent() if isinstance(c.tag, str) and c.tag in ("td", "th")) < 2:
            continue
        rows = _html_rows(inner[0])
        if not rows or len(rows) > _FRAGMENT_ROWS or len(rows[-1]) < 2:
            continue
        parent, at = cell.getparent(), cell.getparent().index(cell)
        for k, piece in enumerate(rows[-1]):
            piece.tail = None
            if cell.get("rowspan"):
                piece.set("rowspan", cell.get("rowspan"))
            parent.insert(at + k, piece)
        parent.remove(cell)


def _cell_tables_unwrapped(root) -> None:
    """A table of one cell inside a table's cell (an e-mail newsletter's cell, a table for its padding) as that cell's
    content: read as a table of its own, an empty one was no cell and the row's values moved left."""
    for table in list(root.iter("table")):
        holder = table.getparent()
        if holder is None or holder.tag not in ("td", "th"):
            continue
        rows = table.xpath("./tr|./tbody/tr|./thead/tr")
        cells = rows[0].xpath("./td|./th") if len(rows) == 1 else []
        if len(cells) != 1 or cells[0].find(".//table") is not None:
            continue
        inner = cells[0]
        inner.tag = "span"
        inner.attrib.clear()
        inner.tail = table.tail
        holder.replace(table, inner)


def _html_rows(table) -> list[list]:
    """The table's own rows (not those of tables nested in it), as lists of cells."""
    return [[td for td in tr if isinstance(td.tag, str) and td.tag in ("td", "th")]
            for tr in table.iter("tr") if _owning_table(tr) is table]


_COLLAPSED = re.compile(r"visibility\s*:\s*collapse", re.IGNORECASE)


def _collapsed_columns(root) -> None:
    """The columns a table's <col> collapses (visibility:collapse, by its own style or the sheet's: a sort number or last
    year's figures kept beside the table) left out, as a browser shows the table: their cells removed, a merged cell
    over one the narrower. Read, they were a column too many, and every row was unsure."""
    cols = [*_styled(root, _COLLAPSED), *(col for col in root.iter("col") if _COLLAPSED.search(col.get("style") or ""))]
    collapsed = {id(col) for col in cols if col.tag == "col"}  # (``cols`` holds them: their ids stay theirs)
    for table in {id(t): t for col in cols if col.tag == "col" and (t := _owning_table(col)) is not None}.values():
        hidden, at = set(), 0
        for col in (c for c in table.iter("col") if _owning_table(c) is table):
            span = _span(col, "span")
            if id(col) in collapsed:
                hidden.update(range(at, at + span))
            at += span
        taken: dict[int, set[int]] = {}
        for r, cells in enumerate(_html_rows(table)):
            c = 0
            for cell in cells:
                while c in taken.get(r, ()):
                    c += 1
                rowspan, colspan = _span(cell, "rowspan"), _span(cell, "colspan")
                for dr in range(rowspan):
                    taken.setdefault(r + dr, set()).update(range(c, c + colspan))
                if covered := len(hidden & set(range(c, c + colspan))):
                    if covered == colspan:
                        cell.drop_tree()
                    else:
                        cell.set("colspan", str(colspan - covered))
                c += colspan


def _is_layout(table) -> bool:
    """A table holding other tables, or one cell wide, frames a page: it is no data table."""
    return bool(table.xpath(".//table")) or all(len(row) <= 1 for row in _html_rows(table))


def _html_table_lines(table) -> list[str]:
    caption = table.find("caption")
    lines = [_cell_text(caption)] if caption is not None and _cell_text(caption) else []
    rows = [[(_excel_number(td) or _cell_text(td, lines=True), _span(td, "rowspan"), _span(td, "colspan")) for td in tr]
            for tr in _html_rows(table)]
    return lines + ["\t".join(cells) for row in table_grid(rows) for cells in unstacked(row)]


_ZERO_DECIMALS_SHOWN = re.compile(r"\d[\d,]*\.0+")


def _excel_number(td) -> str | None:
    """A cell Excel exported (x:num, the value it stores) showing a whole number with zero decimals in
    its number format (36.00): the number, as the spreadsheet holds it; None for any other cell."""
    stored = td.get("x:num")
    shown = _cell_text(td).strip() if stored is not None else ""
    if not _ZERO_DECIMALS_SHOWN.fullmatch(shown):
        return None
    try:
        value = float(stored)
    except ValueError:
        return None
    return str(int(value)) if value.is_integer() and float(shown.replace(",", "")) == value else None


def _owning_table(element):
    parent = element.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent


def _check_depth(root, path: str, kind: str = "HTML") -> None:
    """Deep nesting is read up to the configured depth; deeper is a clear refusal."""
    from ..limits import current

    limit = current().max_html_depth
    stack = [(root, 1)]
    while stack:
        element, depth = stack.pop()
        if depth > limit:
            raise errors.OverLimit(path, f"{kind} elements nested more than {limit} deep")
        stack.extend((child, depth + 1) for child in element)


_ESCAPED_TAG = re.compile(r"&lt;/?(?:p|td|tr|table|div|span|br)\b", re.IGNORECASE)
_ESCAPES = (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&#39;", "'"), ("&amp;", "&"))


# An iframe's page written in its srcdoc attribute: markup escaped as an attribute must be (``_embedded_pages``).
_SRCDOC = re.compile(r"""\ssrcdoc\s*=\s*(?:"[^"]*"|'[^']*')""", re.IGNORECASE)


# An element whose article a script writes in from a data attribute (<div data-content="&lt;p&gt;…">, element.innerHTML =
# dataset.content): the attribute's value, markup escaped as an attribute's must be (and maybe once more).
_DATA_ARTICLE = re.compile(r"""(?P<open><[a-zA-Z][\w-]*\b[^<>]*?)\sdata-[\w-]+\s*=\s*"(?P<value>[^"]{200,})"(?P<rest>[^<>]*>)""")


def _data_article_shown(m: re.Match) -> str:
    """The element with its data attribute's markup written in, as the page's script shows it, where the value is an
    article's markup (escaped once or twice); else as it is."""
    value = unescape_entities(m["value"])
    if "<" not in value and _ESCAPED_TAG.search(value):
        value = unescape_entities(value)
    if len(_OPENING_TAG.findall(value)) < 5:
        return m.group()
    return m["open"] + m["rest"] + value


_OPENING_TAG = re.compile(r"<(?:p|td|tr|table|div|span|br|h[1-6])\b", re.IGNORECASE)


def _unescaped_markup(html: str) -> str:
    """A page whose CMS escaped the article's markup once more (&lt;p&gt;…&lt;td&gt;): a browser
    shows the tags as text, and its table as one run of digits. Read with its markup restored
    (not an iframe's srcdoc, whose markup is escaped as it should be); an article a script writes in from a data
    attribute, written in."""
    if "data-" in html:
        html = _DATA_ARTICLE.sub(_data_article_shown, html)
    pieces = _SRCDOC.split(html[:2_000_000]) if "srcdoc" in html[:2_000_000].lower() else [html[:2_000_000]]
    if sum(len(_ESCAPED_TAG.findall(piece)) for piece in pieces) < 5:
        return html
    kept = _SRCDOC.findall(html)
    parts = _SRCDOC.split(html)
    for escaped, character in _ESCAPES:
        parts = [part.replace(escaped, character) for part in parts]
    return "".join(part + (kept[i] if i < len(kept) else "") for i, part in enumerate(parts))


# Tags that only contain: a template that leaves them open nests the rest of the page in them.
_CONTAINER_TAG = re.compile(r"<(/?)(div|section|article|main|aside|header|footer|nav|form|center|blockquote|span|font)"
                            r"\b[^<>]{0,2000}>", re.IGNORECASE)


def _container_break(m: re.Match) -> str:
    """A container's tag as what it shows: a block's a line break, an inline one's nothing."""
    return "" if m.group(2).lower() in ("span", "font") else "<br>"


def _parsed(html: str):
    import lxml.html
    from lxml import etree

    try:
        # huge_tree: libxml2 otherwise stops at 256 levels and the rest of the page is lost.
        return lxml.html.document_fromstring(html, parser=lxml.html.HTMLParser(huge_tree=True))
    except (etree.ParserError, ValueError):
        return None


def _nested_deeper(root) -> bool:
    """Whether a page nests deeper than the depth limit: read again with its containers as the
    line breaks they show (a report left inside thousands of unclosed <div>s)."""
    try:
        _check_depth(root, "")
    except errors.OverLimit:
        return True
    return False


def html_to_text(html: str, path: str = "") -> str:
    """Visible text of a web page: one line per block, tables as tab grids.

    Scripts, styles and comments are never text. A table that holds other
    tables, or has one cell per row, is layout, not data: its cells are read
    as blocks."""

    from ..limits import checkpoint

    if not html.strip():
        return ""
    # What inline scripts write (document.write('<tr><td>行政许可<\\/td>…'), a cell's figure from a variable) in their
    # places, as a browser shows it; the scripts themselves are dropped below.
    html = scripts_written(html)
    # Characters XML cannot hold are never visible text; kept in the tree, they make lxml refuse
    # the text it joins when an element is dropped. A space each: digits they part stay apart.
    html = _NOT_XML.sub(" ", html)
    # An XHTML page's XML declaration names the encoding of bytes already decoded: lxml refuses a
    # string that carries one, and the page would read as empty.
    html = _XML_DECLARATION.sub("", html, count=1)
    # libxml2 drops whatever follows </body> or </html>, where a browser shows it: templates that
    # close the page early would lose the report. The parser closes both at the end by itself.
    html = _PAGE_END.sub("", _unescaped_markup(html))
    root = _parsed(html)
    if root is not None and _nested_deeper(root):  # containers a broken template left open, thousands deep
        root = _parsed(_CONTAINER_TAG.sub(_container_break, html))
        if root is not None:
            _check_depth(root, path)
    if root is None:
        return ""
    for bad in root.xpath("//comment() | //processing-instruction()"):
        if bad.getparent() is not None:  # a comment before <html> has none and is never read
            bad.drop_tree()
    if _LOGO_PLACE.search(html):
        _logo_words(root)
    _embedded_pages(root)
    if "shadowroot" in html and "<slot" in html:
        _slots_filled(root)
    if "rowspan" in html or "ROWSPAN" in html:
        _spans_in_row_groups(root)
    if "<tfoot" in html or "<TFOOT" in html:
        _footers_last(root)
    if "<object" in html or "image/svg" in html:
        _shown_drawings(root)
    head_title = _document_title(root)
    if "textLayer" in html:
        _text_layers(root)
    if _CONVERTED_PAGE.search(html):
        _converted_pages(root)
    if "mjx-assistive-mml" in html or "MJX_Assistive_MathML" in html:
        _typeset_math_once(root)
    _shown_values(root)
    if "vertical-align" in html:
        _raised_by_style(root)
    if any(name in html for name in _FIXED_COLUMN_COPIES):
        _drop_fixed_column_copies(root)
    if _CELL_LABEL in html:
        _drop_cell_labels(root)
    if "bidi-override" in html or "<bdo" in html.lower():  # (a style or element every other page lacks)
        _shown_reversed(root)
    _font_drawn_figures(root)
    if "<td" in html or "<TD" in html:
        _muted_asides(root)
    if "icon" in html or "fa-" in html:
        _icons_in_cells(root)
    _tab_labels_in_their_panes(root)
    if "background" in html:
        _drop_background_coloured(root)
    if "opacity" in html:
        _drop_watermarks(root)
    if _PAGER.search(html):
        _shown_pages(root)
    if "collapse" in html:
        _collapsed_columns(root)
    _drop_hidden_copies(root, screen_reader_only=any(name in html for name in _SCREEN_READER_ONLY),
                        white_text=_WHITE_IN_PAGE.search(html) is not None)
    _drop_void_copies(root)
    if _STRUCK_IN_PAGE.search(html):
        _drop_struck(root)
    if _PLACING_WORDS.search(html):
        _placed_by_style(root)
    if "absolute" in html:
        _absolutely_placed_cells(root)
    _drawn_tables(root)
    if "<table" in html or "<TABLE" in html:
        _named_rows(root)
    if 'role="row"' in html or "role='row'" in html or "role=row" in html:
        _grid_tables(root)
    # rows of cells laid side by side by the style sheet (.ul-table li{display:flex}), read before it goes
    laid = _styled(root, _ROW_STYLE) if ("flex" in html or "table-row" in html) and root.find(".//style") is not None else []
    if "<img" in html or "<IMG" in html:
        _pictures_as_text(root)
    _drop_menus(root)
    for element in list(root.iter(*_DROP_TAGS)):
        if element.tag == "button" and _a_cells_figure(element):
            element.drop_tag()  # (a table cell's figure as a button opening its cases' list: the figure shows)
        elif element.tag in ("meter", "progress") and (figure := _gauge_figure(element)) is not None:
            for child in list(element):  # (a cell's figure drawn as a gauge and nothing else: its figure)
                element.remove(child)
            element.text = figure
            element.drop_tag()
        else:
            element.drop_tree()
    _inline_fragment_tables(root)
    if html.count("<table") > html.count("<tr") // 2:  # (as many tables as rows, about: cells that are tables)
        _cell_tables_unwrapped(root)
    if "inline-block" in html or "flex" in html or "table-cell" in html or "table-row" in html or "float" in html:
        _styled_rows(root, laid)
    if sum(1 for _ in itertools.islice(root.iter("tr"), _CARD_PAGE_ROWS)) < _CARD_PAGE_ROWS:
        _description_rows(root)  # a page whose tables cannot hold the form's may print it as cards
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = _SPACES.sub(" ", "".join(current)).strip()
        if text:
            lines.append(text)
        current.clear()

    def walk(element) -> None:
        checkpoint()
        if not isinstance(element.tag, str):
            if element.tail:
                current.append(element.tail)
            return
        tag = element.tag.lower()
        if tag == "table" and not _is_layout(element):
            flush()
            lines.extend(_html_table_lines(element))
        elif tag in _PREFORMATTED or _styled_preformatted(element):  # laid out by its own line breaks, spaces and
            flush()  # tabs: kept line by line (a <br> in it a line break too)
            for br in element.iter("br"):
                br.tail = "\n" + (br.tail or "")
            lines.extend(line.rstrip() for line in element.text_content().split("\n") if line.strip())
        else:
            block = tag in _BLOCK_TAGS
            if block:
                flush()
            if element.text:
                current.append(element.text)
            for child in element:
                walk(child)
            if block:
                flush()
        if element.tail:
            current.append(element.tail)

    walk(root)
    flush()
    if head_title and (not any(_repeats_title(line, *head_title) for line in lines[:40])
                       or _other_reports_above(lines[:40], head_title[0])):
        lines.insert(0, head_title[0])  # a page whose title is in <title> only (the heading is an image)
    return "\n".join(lines)


def _styled_preformatted(element) -> bool:
    """Whether an element is styled to lay its text out as <pre> does, holding no block but line breaks: an article's
    container styled so (pre-wrap around its paragraphs and tables) is read by its blocks."""
    return bool(_PRE_STYLE.search(element.get("style") or "")) and not any(
        isinstance(child.tag, str) and child.tag.lower() in _BLOCK_TAGS and child.tag.lower() != "br"
        for child in element.iterdescendants())


def _other_reports_above(top: list[str], title: str) -> bool:
    """Whether the page prints other reports' titles above its heading that repeats its <title> whole (a sidebar
    of 相关链接 before the article: 四平市人民政府2022年…报告 over 公主岭市人民政府2022年…报告): the page's own
    title, put first, says which of them is the article's."""
    own = next((k for k, line in enumerate(top) if title in _SPACES.sub("", line)), None)
    return own is not None and any("报告" in line and _TITLE_YEAR.search(line) and len(line) <= 80
                                   for line in top[:own])


# Markup kept as text in a page, shown by the browser as a page of its own (<iframe srcdoc>, <noframes>) or
# by a script from a hidden <textarea> or <xmp> (the CMS's article source, kept as raw text).
_MARKUP_TEXT = re.compile(r"<(?:p|div|table|tr|td|span|br|h[1-6]|iframe)\b", re.IGNORECASE)


# Words only the form's tables print (a page's own, or the markup a textarea holds).
_FORM_TABLE_WORDS = re.compile(r"本年新收|信息内容|申请人情况|结转下年度")

_NESTED_PAGES = 4  # pages within pages put in their place, at most (an iframe's srcdoc holding another's)


def _embedded_pages(root, depth: int = 0) -> None:
    """Put the pages a page carries as text where they show: an iframe's srcdoc, a textarea's or xmp's article
    markup, a page an iframe, frame, object or embed shows from a data: address (a saved page's inlined frames), a
    frameset page's <noframes> body (whose markup the parser keeps as text); and those the pages put carry. A
    textarea's or xmp's tables beside the page's own are a draft's source, which no script shows."""
    placed = False
    shown = None  # (whether the page shows a form's table of its own, found once)
    for element in root.xpath("//iframe[@srcdoc] | //textarea | //xmp | //noframes | //iframe[@src] | //frame[@src] "
                              "| //object[@data] | //embed[@src]"):
        if element.tag in ("textarea", "xmp", "noframes"):
            markup = element.text or ""
            if element.tag != "noframes" and _FORM_TABLE_WORDS.search(markup):
                if shown is None:
                    shown = any(_FORM_TABLE_WORDS.search(t.text_content()) for t in root.iter("table"))
                if shown:
                    continue  # (a draft's tables kept as source beside the page's own: no script shows them)
            if element.tag == "textarea" and WIKI_SOURCE.search(markup) and element.getparent() is not None:
                source = root.makeelement("pre", {})  # (a wiki's edit box: its source's lines are its tables' rows)
                source.text, source.tail = markup, element.tail
                element.getparent().replace(element, source)
                continue
        elif element.tag == "iframe" and element.get("srcdoc") is not None:
            markup = element.get("srcdoc")
        else:
            markup = _data_page(element.get("data") or element.get("src") or "")
        if not _MARKUP_TEXT.search(markup) or element.getparent() is None:
            continue
        inner = _parsed(_NOT_XML.sub(" ", markup))
        body = inner.find("body") if inner is not None else None
        if body is None:
            continue
        holder = root.makeelement("div", {})
        holder.text = body.text
        holder.extend(list(body))
        holder.tail = element.tail
        element.getparent().replace(element, holder)
        placed = True
    if placed and depth + 1 < _NESTED_PAGES:
        _embedded_pages(root, depth + 1)


def _shown_drawings(root) -> None:
    """Drawings a page shows from a data: address (<img src="data:image/svg+xml;base64,…">, an <object> or
    <embed> of one: a 数据卡片 editor's tables, each cell a <text>) put in place as inline SVG, read as such
    (``_drawn_tables``); and an <object>'s fallback content (a table's text version for a browser
    that cannot show the drawing, file beside the page) read where the object shows nothing of its own here."""
    for element in root.xpath("//img[@src] | //object | //embed[@src]"):
        if element.getparent() is None:
            continue
        markup = _data_page(element.get("src") or element.get("data") or "", _DATA_DRAWING)
        drawing = _parsed_drawing(markup) if "<svg" in markup else None
        if drawing is not None:
            drawing.tail = element.tail
            element.getparent().replace(element, drawing)
        elif element.tag == "object" and any(isinstance(c.tag, str) and c.tag not in ("param", "embed") for c in
                                              _fallback_of(element)):
            holder = root.makeelement("div", {})
            holder.text = element.text
            holder.extend(c for c in _fallback_of(element) if c.tag not in ("param", "embed"))
            holder.tail = element.tail
            element.getparent().replace(element, holder)


def _fallback_of(element) -> list:
    """An <object>'s children, with what the parser put inside an <embed> among them: a browser's <embed> holds
    nothing (a void element), libxml2 makes what follows it its children (the fallback's text version)."""
    out = []
    for child in list(element):
        out.append(child)
        if child.tag == "embed":
            out.extend(list(child))
    return out


def _parsed_drawing(markup: str):
    """An SVG drawing's root element, parsed as a page's inline SVG is, or None."""
    import lxml.html
    from lxml import etree

    markup = _XML_DECLARATION.sub("", _NOT_XML.sub(" ", markup), count=1)
    try:
        element = lxml.html.fragment_fromstring(markup[markup.find("<svg"):])
    except (etree.ParserError, ValueError):
        return None
    return element if element.tag == "svg" else None


_DATA_PAGE = re.compile(r"data:text/html(?P<params>(?:;[^,;]*)*),(?P<body>.*)", re.IGNORECASE | re.DOTALL)
_DATA_DRAWING = re.compile(r"data:image/svg\+xml(?P<params>(?:;[^,;]*)*),(?P<body>.*)", re.IGNORECASE | re.DOTALL)


def _data_page(address: str, kind: re.Pattern[str] = _DATA_PAGE) -> str:
    """The page (or, by ``kind``, the drawing) a data: address holds (data:text/html;base64,… or
    percent-encoded), or ''."""
    import base64
    import binascii
    from urllib.parse import unquote_to_bytes

    m = kind.match(address.strip())
    if m is None:
        return ""
    try:
        raw = (base64.b64decode(m["body"], validate=False) if "base64" in m["params"].lower()
               else unquote_to_bytes(m["body"]))
    except (binascii.Error, ValueError):
        return ""
    charset = re.search(r"charset=([\w-]+)", m["params"], re.IGNORECASE)
    try:
        return raw.decode(charset[1] if charset else "utf-8", errors="replace")
    except LookupError:
        return raw.decode("utf-8", errors="replace")


# A document a page carries inside itself, as a data: address an <embed>, <object>, <iframe> or a download link
# holds (data:application/vnd.openxmlformats-officedocument.wordprocessingml.document;base64,…).
_DATA_DOCUMENT = re.compile(r"""(?P<tag><(?:embed|object|iframe|a)\b[^>]*?)\b(?:src|data|href)\s*=\s*["']\s*data:"""
                            r"""(?P<mime>application/[\w.+-]+)(?:;[^,"']*)?;base64,(?P<body>[A-Za-z0-9+/=\s]+)["']""",
                            re.IGNORECASE)
_DOWNLOAD_NAME = re.compile(r"""\bdownload\s*=\s*["'](?P<name>[^"']+)["']""", re.IGNORECASE)
_DOCUMENT_SUFFIXES = {"wordprocessingml": ".docx", "msword": ".doc", "pdf": ".pdf", "spreadsheetml": ".xlsx",
                      "ms-excel": ".xls", "rtf": ".rtf", "opendocument.text": ".odt", "ofd": ".ofd"}


def data_documents(html: str) -> list[tuple[str, bytes]]:
    """The documents (name, bytes) a page carries as data: addresses (a report's .docx as a download link's
    address, or shown by an <embed>): a page that prints only the report's metadata holds the report so."""
    import base64
    import binascii

    found = []
    for m in _DATA_DOCUMENT.finditer(html):
        try:
            blob = base64.b64decode(re.sub(r"\s+", "", m["body"]), validate=True)
        except (binascii.Error, ValueError):
            continue
        named = _DOWNLOAD_NAME.search(m["tag"]) or _DOWNLOAD_NAME.search(html[m.end():m.end() + 200].split(">")[0])
        suffix = next((ext for kind, ext in _DOCUMENT_SUFFIXES.items() if kind in m["mime"].lower()), "")
        found.append((named["name"] if named else f"attachment{len(found) + 1}{suffix}", blob))
    return found


# Hidden, or hidden from the eye and kept for screen readers (无障碍 pages: a figure's copy clipped to nothing or moved
# off the page, beside the figure shown).
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|clip\s*:\s*rect\(\s*(?:0|1px)[\s,]+(?:0|1px)"
                           r"|clip-path\s*:\s*inset\(\s*50%|(?:^|[;\s])(?:left|top|text-indent)\s*:\s*-\d{4,}(?:px|em)"
                           r"|font-size\s*:\s*0(?:\.0+)?(?:px|pt|em|rem|%)?\s*(?:;|$|!)|(?:^|[;\s])opacity\s*:\s*0(?:\.0+)?\s*(?:;|$|!)"
                           r"|transform\s*:\s*scale\(\s*0\s*\)"
                           r"|^(?=.*(?:^|[;\s])width\s*:\s*0(?:px)?\s*(?:;|$))(?=.*(?:^|[;\s])height\s*:\s*0(?:px)?\s*(?:;|$))"
                           r"(?=.*overflow\s*:\s*hidden)", re.IGNORECASE | re.DOTALL)
# Class names the usual style sheets hide from the eye, for screen readers (Bootstrap, Drupal, WordPress, H5BP, Foundation).
_SCREEN_READER_ONLY = ("sr-only", "visually-hidden", "visuallyhidden", "element-invisible", "screen-reader-text",
                       "show-for-sr", "sr_only", "a11y-hidden")
# What makes an element a folded section's head, which shows or hides the block after it (an accordion's).
_TOGGLES = frozenset({"onclick", "data-toggle", "data-bs-toggle", "aria-expanded", "aria-controls"})
# What shows a block holds part of a report: its sections' and tables' words.
_REPORT_PARTS = ("总体情况", "主动公开", "第二十条", "本年新收", "结转下年度", "行政复议", "行政诉讼", "存在的主要问题")


# Words drawn as a picture (CSS image replacement): the text moved off the page or set in no size, a background picture
# of the same words or figure in its place. Not what display:none or visibility:hidden leave undrawn.
_BACKGROUND_PICTURE = re.compile(r"background(?:-image)?\s*:[^;]*url\(", re.IGNORECASE)
_NOT_DRAWN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_PICTURED_MAX = 40  # characters of a picture's words, at most (a figure, a heading)


def _pictured_words(root) -> list:
    """The elements whose text a background picture draws in its place (``_BACKGROUND_PICTURE``): a table's figures and
    headings so replaced were dropped as hidden copies, and the tables were blank."""
    styled = root.xpath("//*[@style]")
    pictured = [e for e in styled if _BACKGROUND_PICTURE.search(e.get("style"))]
    if any("url(" in (sheet.text or "") for sheet in root.iter("style")):
        pictured += _styled(root, _BACKGROUND_PICTURE)
    if not pictured:
        return []
    undrawn_by_sheet = _styled(root, _NOT_DRAWN)
    undrawn = {id(e) for e in styled if _NOT_DRAWN.search(e.get("style"))} | {id(e) for e in undrawn_by_sheet}
    return [e for e in pictured if id(e) not in undrawn and not len(e) and 0 < len(e.text_content().strip()) <= _PICTURED_MAX]


_ZERO_FONT = re.compile(r"font-size\s*:\s*0(?:\.0+)?(?:px|pt|em|rem|%)?\s*(?:;|$|!)")
_SOME_FONT = re.compile(r"font-size\s*:\s*(?:0?\.\d*[1-9]|[1-9])")


def _font_restored(element) -> bool:
    """Whether an element hidden only by a zero font size sets it again inside (a WeChat editor's row of inline-block
    cells, font-size:0 to close the gaps between them, each cell's text at 12px): shown, not hidden."""
    style = element.get("style") or ""
    return (bool(_ZERO_FONT.search(style)) and not _HIDDEN_STYLE.search(_ZERO_FONT.sub("", style))
            and any(_SOME_FONT.search(inner.get("style") or "") for inner in element.iterdescendants()))


# A table's pager (DataTables' dataTables_paginate, bootstrap-table's fixed-table-pagination, layui's laypage, a
# site's own pager), by its class.
_PAGER = re.compile(r"""class\s*=\s*["'][^"']*(?:paginat|paging|pager|laypage)""", re.IGNORECASE)
_PAGER_CLASS = re.compile(r"paginat|paging|pager|laypage", re.IGNORECASE)
_PAGER_REACH = 4  # levels up from a pager to the block that holds its table, at most


def _shown_pages(root) -> None:
    """A paged table's rows hidden on its other pages (tr style="display:none" beside the pager's 上一页 1 2 下一页,
    all the rows in the page, or each page's block of them): shown, for they are the table's rows, not copies of any.
    Dropped as hidden, the rows after the first page were lost."""
    for pager in root.xpath("//*[@class]"):
        if not _PAGER_CLASS.search(pager.get("class", "")):
            continue
        holder = pager.getparent()
        for _ in range(_PAGER_REACH):
            if holder is None or holder.xpath(".//table"):
                break
            holder = holder.getparent()
        # (its rows hidden one by one, or the pages' blocks of rows: <div class="page" style="display:none" data-page="2">)
        for row in holder.xpath(".//tr[@style] | .//*[@style][@data-page or contains(@class, 'page')]") \
                if holder is not None else ():
            style = row.get("style", "")
            if _HIDDEN_STYLE.search(style) and row.xpath(".//td"):
                row.set("style", _HIDDEN_STYLE.sub("", style))


_MENU_LINKS = 30  # links a page's navigation holds, at least, to be its menu (a breadcrumb's few stay)


_LINK_SHARE = 0.6  # of a list's text, at least, its links' (a sidebar's titles and dates; not an article's list)


def _drop_menus(root) -> None:
    """A page's navigation menus (<nav>, role="navigation") and lists of links (a sidebar's <ul> of other reports, each
    a title and its date) of many links: other pages' titles, thousands of them in a site's mega menu, other agencies'
    and years' reports among them (their titles were taken for the report's). A breadcrumb's few links stay, which
    name the column the report is filed in, and so does a list whose text is mostly not its links'."""
    for element in list(root.xpath("//nav | //*[@role='navigation'] | //ul | //ol")):
        if element.getparent() is None or sum(1 for _ in itertools.islice(element.iter("a"), _MENU_LINKS)) < _MENU_LINKS \
                or element.xpath(".//table"):
            continue
        if element.tag in ("ul", "ol"):
            linked = sum(len((a.text_content() or "").strip()) for a in element.iter("a"))
            if linked < _LINK_SHARE * len(element.text_content().strip()):
                continue
        element.drop_tree()


def _drop_hidden_copies(root, screen_reader_only: bool = True, white_text: bool = True) -> None:
    """Hidden blocks (an inline display:none or visibility:hidden, the hidden attribute, <noscript>, a
    <template> a script copies in, text kept only for screen readers, a closed <details> or <dialog>, a popover) that only
    repeat what the page shows: a figure's spoken copy, a draft of a table kept hidden beside it, the print version, a
    message for browsers without scripts. A hidden block holding a part of the report the page shows nowhere else (a page whose
    article a script reveals: a tab's pane; a folded section, whose head names no more than its
    part) is read, but not a hidden block inside it repeating the
    rest of it (a pane's table and its mobile cards). ``screen_reader_only``, ``white_text``: whether the
    page names a class kept for screen readers, or a white colour, at all (looked for only then)."""
    hidden = [e for e in root.xpath("//*[@hidden or @style or self::noscript or self::template]")
              if e.tag == "noscript" or e.get("hidden") is not None
              or (_HIDDEN_STYLE.search(e.get("style") or "") and not _font_restored(e))
              or (e.tag == "template" and not _shadow_root(e))]
    hidden += root.xpath("//details[not(@open)]")  # (it shows its summary only, which repeats nothing: one block)
    hidden += root.xpath("//dialog[not(@open)] | //*[@popover]")  # (shown only when opened: a draft, last year's)
    hidden += _hidden_by_stylesheet(root)
    hidden += [e for e in root.xpath("//*[@class]")  # (by a framework's classes, its style sheet linked, not saved)
               if FRAMEWORK_CLASS.search(e.get("class")) and hidden_at(e.get("class"), _DESKTOP_WIDTH)]
    hidden += _with_class(root, _SCREEN_READER_ONLY) if screen_reader_only else []
    hidden += _white_figures(root) if white_text else []
    if hidden and (pictured := _pictured_words(root)):
        drawn = {id(e) for e in pictured}  # (``pictured`` holds them: their ids stay theirs)
        hidden = [e for e in hidden if id(e) not in drawn]
    if not hidden:
        return
    hidden = list({id(e): e for e in hidden}.values())  # hidden both inline and by the stylesheet: once
    every = {id(e) for e in hidden}
    outermost = [e for e in hidden if not any(id(a) in every for a in e.iterancestors())]
    if _lists_reports(root, every):  # (a column page: a hidden block is a link's preview, no article of the page's)
        for element in outermost:
            element.drop_tree()
        return
    folded = _folded_sections(root, outermost) | _described_pictures(root, outermost) | _folded_items(outermost, every)
    shells = _empty_shells(root, every)
    seen, seen_in_tables = _shown_parts(root, {id(e) for e in outermost} | {id(t) for t in shells})
    below: dict[int, list] = {}  # each hidden block's nearest hidden ancestor's id: the blocks inside it
    for element in hidden:
        if (holder := next((a for a in element.iterancestors() if id(a) in every), None)) is not None:
            below.setdefault(id(holder), []).append(element)
    for element in outermost:
        if id(element) not in folded and _repeats(element, seen, seen_in_tables):
            element.drop_tree()
            continue
        if inner := below.get(id(element), []):
            own, own_in_tables = _shown_parts(element, {id(e) for e in inner})
            for copy in [e for e in inner if _repeats(e, seen | own, seen_in_tables | own_in_tables)]:
                copy.drop_tree()
        if element.getparent() is not None:  # (kept: the shells it fills in are no table of the page's)
            filled = _parts("".join(t.text_content() for t in element.iter("table")))
            for shell in [t for t in shells if t.getparent() is not None and _parts(t.text_content()) <= filled]:
                shell.drop_tree()


def _empty_shells(root, hidden: set[int]) -> list:
    """The shown tables that name the report's parts and print no value in any cell (no figure, nor 无 or a dash): a
    placeholder (a loading skeleton's grey boxes) a script fills in, or replaces with the table it keeps hidden."""
    return [table for table in root.iter("table") if id(table) not in hidden
            and not any(id(a) in hidden for a in table.iterancestors()) and _parts(table.text_content())
            and not any(_CARD_VALUE.fullmatch(_element_text(cell)) for cell in table.iter("td", "th"))]


_STRUCK_IN_PAGE = re.compile(r"line-through|<(?:del|s|strike)[\s>]", re.IGNORECASE)
_STRUCK_STYLE = re.compile(r"text-decoration(?:-line)?\s*:[^;]*line-through", re.IGNORECASE)


def _drop_struck(root) -> None:
    """Text struck through (<del>, <s>, <strike>, a line-through style inline or by class): what a corrected
    page keeps beside its correction (<s>45</s> 47), not what it says. A struck block holding a table stays."""
    struck = [*root.iter("del", "s", "strike"), *_styled(root, _STRUCK_STYLE),
              *(e for e in root.xpath("//*[@style]") if _STRUCK_STYLE.search(e.get("style") or ""))]
    for element in struck:
        if element.getparent() is not None and not element.xpath(".//table"):
            element.drop_tree()


def _slots_filled(root) -> None:
    """A web component's shadow root (``_shadow_root``) as a browser shows it: each <slot> holding the host's children
    assigned to it (<span slot="c12">5</span> for <slot name="c12">), or its own content when none is (a default, often
    an old draft's figure); the host's children no slot takes are not shown. Read as saved, the slots' defaults were
    the cells' figures and the assigned ones a list of numbers after the article."""
    for template in reversed([t for t in root.iter("template") if _shadow_root(t)]):  # (the innermost first)
        host = template.getparent()
        if host is None:
            continue
        light = [child for child in host if child is not template and isinstance(child.tag, str)]
        slots = list(template.iter("slot"))
        taken: set[int] = set()
        for slot in slots:
            name = slot.get("name")
            assigned = [c for c in light if (c.get("slot") == name if name else c.get("slot") is None)]
            if not assigned:
                slot.drop_tag()  # (its own content, the default)
                continue
            for child in assigned:
                taken.add(id(child))
                child.tail = None
            tail = slot.tail
            slot.clear()  # (its default content, and its tail: kept)
            slot.tail = tail
            slot.extend(assigned)
            slot.drop_tag()
        for child in light:
            if id(child) not in taken and slots:
                child.drop_tree()
        host.text = None


def _shadow_root(template) -> bool:
    """A declarative shadow root (<template shadowrootmode="open">, as SingleFile saves a web component): the
    browser shows it in its host; any other template is markup a script may copy in (a lazy table)."""
    return template.get("shadowrootmode") is not None or template.get("shadowroot") is not None


def _described_pictures(root, hidden: list) -> set[int]:
    """The hidden blocks that describe a picture for screen readers (an <img>'s aria-describedby or longdesc names
    them): the table the picture shows, in words the page shows nowhere else, not a copy of its text."""
    named = {ref.lstrip("#") for picture in root.xpath("//*[@aria-describedby or @longdesc or @aria-details]")
             for value in (picture.get("aria-describedby"), picture.get("longdesc"), picture.get("aria-details"))
             if value for ref in value.split()}
    return {id(e) for e in hidden if e.get("id") in named} if named else set()


def _folded_sections(root, hidden: list) -> set[int]:
    """The hidden blocks a reader unfolds (an accordion's section, a collapsed panel): each right after
    its head that shows or hides it (onclick, aria-expanded …), or named by a collapse button's target.
    They hold the report's text, not copies of it, whatever a contents sentence shown names."""
    targets = {value.lstrip("#") for button in root.xpath("//*[@data-toggle='collapse' or @data-bs-toggle='collapse']")
               for value in (button.get("data-target"), button.get("data-bs-target"), button.get("href"),
                             button.get("aria-controls")) if value}
    return {id(e) for e in hidden if e.get("id") in targets
            or ((head := e.getprevious()) is not None and _TOGGLES & set(head.attrib))
            or (e.tag == "details" and (summary := e.find("summary")) is not None
                and _SECTION_SUMMARY.match(_SPACES.sub("", summary.text_content())))}


# A control that unfolds the rest of a list (展开全部 ∨, 查看更多, 加载更多): its text, short.
_UNFOLD = re.compile(r"\s*(?:点击)?(?:展开|查看|显示|加载)(?:全部|更多|剩余|其余)\S{0,6}\s*")


def _folded_items(hidden: list, every: set[int]) -> set[int]:
    """The hidden items of a list a reader unfolds (a phone page's cards after the eighth, class="m-card is-folded"
    beside a 展开全部 button): each a sibling of shown items of its kind (its tag, a class in common), under a parent
    holding such a control, and no copy of a shown one. They are the list's rows: dropped as hidden copies, table 3's
    rows after the fold were lost."""
    out = set()
    for element in hidden:
        parent, classes = element.getparent(), set((element.get("class") or "").split())
        if parent is None or not classes:
            continue
        shown = [s for s in parent if s.tag == element.tag and id(s) not in every
                 and classes & set((s.get("class") or "").split())]
        if shown and any(isinstance(c.tag, str) and id(c) not in every and len(c.text_content()) <= 16
                         and _UNFOLD.fullmatch(c.text_content().replace("∨", "").replace("▼", "")) for c in parent) \
                and element.text_content().strip() not in {s.text_content().strip() for s in shown}:
            out.add(id(element))
    return out


# A closed <details> whose summary is one of the report's numbered sections (四、政府信息公开行政复议、行政诉讼情况;
# before 2019 三、依申请公开政府信息情况): an accordion of the report's parts, the section itself, not a copy.
_SECTION_SUMMARY = re.compile(r"[一二三四五六七八][、.．][\u4e00-\u9fff、，,（）()]{2,40}")


_REPORT_LINK = re.compile(r"年度?报告|年报")
_REPORT_TITLE_SHOWN = re.compile(r"(?:19|20)\d{2}\s*年度?[^。；;]{0,30}年度报告")
_REPORT_LINKS_MIN = 3  # links to reports a column page lists at least


def _lists_reports(root, hidden: set[int]) -> bool:
    """Whether the page shows a column's list of reports (links to three or more, by their titles) and no report's
    title of its own outside its links: a list page, whose hidden blocks are previews of the linked reports."""
    def shown(element) -> bool:
        return not any(id(a) in hidden for a in (element, *element.iterancestors()))

    links = [a for a in root.iter("a") if _REPORT_LINK.search(a.text_content()) and shown(a)]
    if len(links) < _REPORT_LINKS_MIN:
        return False
    body = root.find("body") if root.find("body") is not None else root
    for element in body.iter():
        if not isinstance(element.tag, str) or element.tag == "a" or not shown(element):
            continue
        own = (element.text or "") + "".join(child.tail or "" for child in element)  # (its words, not its links')
        if _REPORT_TITLE_SHOWN.search(own):
            return False
    return True


def _shown_parts(root, skip: set[int]) -> tuple[set[str], set[str]]:
    """The report's parts (``_parts``) the text under ``root`` names outside the blocks in ``skip``, and
    those its tables name."""
    from lxml import etree

    shown: list[str] = []
    in_tables: list[str] = []  # the shown text inside tables: a hidden table repeats a shown table's words
    depth = 0
    walk = etree.iterwalk(root, events=("start", "end"))
    for event, element in walk:
        table = element.tag == "table"
        if event == "start" and id(element) in skip:
            walk.skip_subtree()  # its tail is the page's: taken at its end
            continue
        if event == "start":
            depth += table
            if isinstance(element.tag, str):
                (in_tables if depth else shown).append(element.text or "")
        elif element is not root:
            depth -= table and id(element) not in skip
            (in_tables if depth else shown).append(element.tail or "")
    seen_in_tables = _parts("".join(in_tables))
    return seen_in_tables | _parts("".join(shown)), seen_in_tables


def _repeats(element, seen: set[str], seen_in_tables: set[str]) -> bool:
    """Whether a hidden block only repeats parts already seen: its tables (or itself, a table) the tables' (not a
    heading's: a screen reader's copy of table 4 names 行政复议 as the section's heading above its picture does)."""
    tables = [element] if element.tag == "table" else element.xpath(".//table")
    if tables:
        return _parts("".join(t.text_content() for t in tables)) <= seen_in_tables
    return _parts(element.text_content()) <= seen


# What a page calls a table it keeps only for comparison (更正前原表格（已作废，仅供对照）).
_VOID = re.compile(r"作废|更正前|仅供对照|原表格?[（(]?已")


# The copies a UI framework's table draws of its fixed columns over the scrolling table (Element UI, Ant Design 3,
# layui, iView, vxe-table, bootstrap-table's fixed-columns, DataTables' FixedColumns: its wrappers and the cloned
# table itself), which holds every column itself.
_FIXED_COLUMN_COPIES = ("el-table__fixed", "el-table__fixed-right", "ant-table-fixed-left", "ant-table-fixed-right",
                        "layui-table-fixed", "ivu-table-fixed", "ivu-table-fixed-right", "vxe-table--fixed-left-wrapper",
                        "vxe-table--fixed-right-wrapper", "fixed-columns", "fixed-columns-right", "DTFC_LeftWrapper",
                        "DTFC_RightWrapper", "DTFC_Cloned")


def _with_class(root, names: tuple[str, ...]) -> list:
    """The elements that have one of the class ``names``, in one pass over the classed elements."""
    wanted = frozenset(names)
    return [e for e in root.xpath("//*[@class]") if not wanted.isdisjoint(e.get("class", "").split())]


# A responsive table's stacked cells, each printed with its column's name before its value (Tablesaw's stack mode:
# <b class="tablesaw-cell-label">申请人情况</b><span class="tablesaw-cell-content">79</span>), saved after its script ran.
_CELL_LABEL = "cell-label"


def _drop_cell_labels(root) -> None:
    """The column names a responsive table's script wrote into each of its cells: read, each value followed a
    header's words in its cell and read as no number."""
    for label in root.xpath("//td//*[@class] | //th//*[@class]"):
        if any(_CELL_LABEL in name for name in label.get("class", "").split()) and label.getparent() is not None:
            label.drop_tree()


# The classes a UI framework gives the cells of the scrolling table that its fixed-column copy shows over them, hiding
# their text (Element UI's is-hidden, vxe-table's fixed--hidden).
_UNDER_FIXED_COPY = frozenset({"is-hidden", "fixed--hidden"})
_INVISIBLE = re.compile(r"visibility\s*:\s*hidden\s*;?", re.IGNORECASE)


def _drop_fixed_column_copies(root) -> None:
    """A rendered page's fixed-column copies of a table (its labels again on the left, its 总计 column again
    on the right): read, they stood as rows of their own (23 totals read as a row of table 3). The scrolling table's
    cells the copy showed over them, their text hidden by the framework, are shown: with the copy dropped, they are
    the cells' only text (规章, 行政许可: table 2's labels were lost)."""
    for copy in _with_class(root, _FIXED_COLUMN_COPIES):
        holder = copy.getparent()
        if holder is None or not copy.xpath(".//table | .//*[@role='row']"):
            continue
        copy.drop_tree()
        for cell in holder.xpath(".//td | .//th"):
            classes = cell.get("class", "").split()
            if not _UNDER_FIXED_COPY.isdisjoint(classes):
                cell.set("class", " ".join(name for name in classes if name not in _UNDER_FIXED_COPY))
            if "visibility" in (style := cell.get("style") or ""):
                cell.set("style", _INVISIBLE.sub("", style))


# A watermark laid over the page (the reader's IP address and the time, the site's name, repeated across it): faint,
# and placed above the text or letting the pointer through it to the text below.
_FAINT = re.compile(r"(?:^|[;\s])opacity\s*:\s*(0?\.\d+|0)\s*(?:;|$|!)", re.IGNORECASE)
_OVERLAID = re.compile(r"position\s*:\s*(?:absolute|fixed)|pointer-events\s*:\s*none", re.IGNORECASE)
_WATERMARK_OPACITY = 0.3  # at most: a watermark is faint (a faded table, if any were, is left alone)


def _drop_watermarks(root) -> None:
    """A watermark layer's texts (position:absolute; opacity:0.1; pointer-events:none, its lines between a table's
    heading and the table): read, they stood as the table's first rows."""
    for element in root.xpath("//*[contains(@style, 'opacity')]"):
        style = element.get("style") or ""
        if ((m := _FAINT.search(style)) and float(m.group(1)) <= _WATERMARK_OPACITY and _OVERLAID.search(style)
                and element.getparent() is not None and not element.xpath(".//table")):
            element.drop_tree()


_WHITE = re.compile(r"^\s*(?:#fff(?:fff)?|white|rgb\(\s*255\s*,\s*255\s*,\s*255\s*\))\s*$", re.IGNORECASE)
_WHITE_IN_PAGE = re.compile(r"#fff\b|#ffffff|\bwhite\b|255\s*,\s*255\s*,\s*255", re.IGNORECASE)
_STYLE_COLOR = re.compile(r"(?:^|[;\s])color\s*:\s*([^;!]+)", re.IGNORECASE)
_JUNK_FIGURE = re.compile(r"[\dA-Za-z.,-]{1,3}")  # (a letter or two too: 行政诉讼q情况)


def _white_figures(root) -> list:
    """A digit or a letter or two set in white on the page's white (an anti-copy trick: 43 read as 435, 行政诉讼q情况 no
    heading), inline or by the style sheet's class (.sqy5e{color:#fff}, unless a rule that outranks it colours it
    again), no background declared around it: unseen. Longer white text (a header on a coloured cell) is kept."""
    ranked: dict[int, tuple[tuple, object, str]] = {}
    for element, rank, body in _selected(root, lambda body: _STYLE_COLOR.search(body) is not None):
        if id(element) not in ranked or rank >= ranked[id(element)][0]:
            ranked[id(element)] = (rank, element, _STYLE_COLOR.search(body).group(1))
    colours = {key: (element, colour) for key, (_, element, colour) in ranked.items()}
    for element in root.xpath("//font[@color] | //*[contains(@style, 'olor')]"):  # (inline: over the sheet's)
        colour = element.get("color") if element.tag == "font" else (m.group(1) if (m := _STYLE_COLOR.search(
            element.get("style") or "")) else None)
        if colour:
            colours[id(element)] = (element, colour)
    painted = {id(element) for element, _, body in _selected(root, lambda body: _BACKGROUND.search(body) is not None)
               if any(c.strip() and not _WHITE.match(c.split()[0]) for c in _BACKGROUND.findall(body))}
    return [element for element, colour in colours.values()
            if _WHITE.match(colour) and _JUNK_FIGURE.fullmatch(element.text_content().strip())
            and not any(_coloured_background(a) or id(a) in painted for a in [element, *element.iterancestors()][:6])]


_BACKGROUND = re.compile(r"background(?:-color)?\s*:\s*([^;!]+)", re.IGNORECASE)
_PAGE_BACKGROUND = re.compile(r"(?:^|[}\s,])(?:html|body)\s*\{[^}]*?background(?:-color)?\s*:\s*(#[0-9a-f]{3,6})\b",
                              re.IGNORECASE)


def _drop_background_coloured(root) -> None:
    """Text set in the page's own background colour (a cream page's cream text: a decoy no reader sees, with other
    figures), where no background of another colour is painted behind it; white is left to ``_white_figures`` (a
    page's white is also the text colour of headers on coloured cells)."""
    sheet = "\n".join(style.text or "" for style in root.iter("style"))
    body = root.find(".//body")
    page = (m.group(1) if (m := _PAGE_BACKGROUND.search(sheet)) else
            body.get("bgcolor") if body is not None and body.get("bgcolor") else None)
    if not page or _WHITE.match(page):
        return
    for element in root.xpath("//font[@color] | //*[contains(@style, 'olor')]"):
        color = element.get("color") if element.tag == "font" else (m.group(1) if (m := _STYLE_COLOR.search(
            element.get("style") or "")) else None)
        if (color and _same_colour(color, page) and element.getparent() is not None
                and not any(_coloured_background(a) for a in [element, *element.iterancestors()][:6])):
            element.drop_tree()


def _same_colour(a: str, b: str) -> bool:
    """Whether two #rgb or #rrggbb colours are one."""
    def full(colour: str) -> str:
        colour = colour.strip().lower().lstrip("#")
        return "".join(c * 2 for c in colour) if len(colour) == 3 else colour
    return full(a) == full(b)


def _coloured_background(element) -> bool:
    """Whether an element paints a background other than white behind its text."""
    colours = [element.get("bgcolor") or "", *_BACKGROUND.findall(element.get("style") or "")]
    return any(c.strip() and not _WHITE.match(c.split()[0]) for c in colours)


_EMBEDDED_FONT = re.compile(r"@font-face\s*\{[^}]*?font-family\s*:\s*['\"]?([^;'\"}]+)['\"]?"
                            r"[^}]*?src\s*:[^}]*?url\(\s*['\"]?data:", re.IGNORECASE)
_FIGURES_ONLY = re.compile(r"[\d.,\s%+-]{1,24}")


# An icon set's empty element (Font Awesome's <i class="fa fa-arrow-up"></i>, iconfont, Bootstrap's, Element's, Layui's,
# Ant Design's): a glyph the site's style sheet draws.
_ICON_CLASS = re.compile(r"(?:^|\s)(?:fa[srlbd]?|fa-[\w-]+|iconfont|icon-[\w-]+|glyphicon[\w-]*|bi-[\w-]+|el-icon[\w-]*"
                         r"|layui-icon[\w-]*|anticon[\w-]*)(?=\s|$)")
_ICON_MARK = "\ue000"  # a Private Use Area character: what an icon font draws, read as an icon beside a figure


def _icons_in_cells(root) -> None:
    """A table cell's icon drawn by an icon font from an empty element between two numbers (165 <i class="fa
    fa-arrow-up"></i>8: the figure, an arrow, the change from last year) as the icon's character: read as nothing,
    165 8 was one number in two. Elsewhere (7 <i class="iconfont icon-link"></i>) it stays nothing."""
    for cell in root.xpath("//td[.//*[@class]] | //th[.//*[@class]]"):
        for element in cell.xpath(".//*[@class]"):
            if len(element) or (element.text or "").strip() or not _ICON_CLASS.search(element.get("class") or ""):
                continue
            before, after = _text_around(cell, element)
            if re.search(r"\d\s*$", before) and re.match(r"\s*\d", after):
                element.text = _ICON_MARK


def _text_around(cell, element) -> tuple[str, str]:
    """A cell's text before an element inside it and after it."""
    from lxml import etree

    before: list[str] = []
    after: list[str] = []
    side: list[str] | None = before  # (None inside the element)
    for event, node in etree.iterwalk(cell, events=("start", "end")):
        if node is element:
            side = None if event == "start" else after
            if event == "end":
                after.append(node.tail or "")
        elif side is not None and event == "start":
            side.append(node.text or "")
        elif side is not None and node is not cell:
            side.append(node.tail or "")
    return "".join(before), "".join(after)


def _font_drawn_figures(root) -> None:
    """Figures set in a font the page carries inside itself (@font-face from a data: address), applied to
    the figures alone: an anti-scraping font draws each digit as another (998 shows 220), and what it
    draws cannot be read from the page's text. Their digits are read as unreadable (U+FFFD), never as
    the digits stored."""
    sheet = "\n".join(s.text or "" for s in root.iter("style"))
    families = {f.strip().lower() for f in _EMBEDDED_FONT.findall(sheet)} if "@font-face" in sheet else set()
    if not families:
        return
    uses = re.compile(r"font-family\s*:\s*['\"]?(?:" + "|".join(re.escape(f) for f in families) + r")\b", re.IGNORECASE)
    drawn = _styled(root, uses) + [e for e in root.xpath("//*[@style]") if uses.search(e.get("style") or "")]
    for element in {id(e): e for e in drawn}.values():
        for node in element.iter():
            if not isinstance(node.tag, str):
                continue
            for attribute in ("text", "tail") if node is not element else ("text",):
                value = getattr(node, attribute)
                if value and _FIGURES_ONLY.fullmatch(value.strip()):
                    setattr(node, attribute, re.sub(r"\d", "\ufffd", value))


# A run of text stored backwards and shown forwards (an anti-scraping trick: 2358 in the page, 8532 on screen).
_BIDI_OVERRIDE = re.compile(r"^(?=.*unicode-bidi\s*:\s*bidi-override)(?=.*direction\s*:\s*rtl)", re.IGNORECASE | re.DOTALL)


def _shown_reversed(root) -> None:
    """Text a page stores backwards and has the browser draw right to left (<bdo dir="rtl">, or
    unicode-bidi: bidi-override with direction: rtl, inline or by a style sheet's class): as shown."""
    found = root.xpath("//bdo[translate(@dir, 'RTL', 'rtl')='rtl'] | //*[@style]")
    found = [e for e in found if e.tag == "bdo" or _BIDI_OVERRIDE.search(e.get("style") or "")]
    found += _styled(root, _BIDI_OVERRIDE)
    for element in {id(e): e for e in found}.values():
        text = element.text_content()
        if text and not any(len(child) for child in element):  # a run of text, its own or in one inline child
            for child in list(element):
                child.drop_tree()
            element.text = text[::-1]


# A site's masthead: an element whose class or id says it holds the logo or the banner; and the name of an institution
# its logo's picture shows (in its alt text or title, an SVG's <title>, or a heading only screen readers read).
_LOGO_PLACE = re.compile(r"logo|brand|banner|masthead|header", re.IGNORECASE)
_INSTITUTION_NAME = re.compile(r"[\u4e00-\u9fff（）()]{2,30}"
                               r"(?:人民政府|政府|办公室|办公厅|局|委员会|委|厅|署|院|中心|办事处|管理委员会)")
_LOGO_ANCESTORS = 4  # levels above a picture its masthead may be


def _logo_words(root) -> None:
    """The words of a masthead's logo as text, where a reader sees them drawn: the institution its picture's alt text or
    title names (or its link's title), an SVG logo's <title> or label, a visually hidden heading over a logo drawn by the
    style sheet. A site whose report calls itself 本机关 under a generic title names its agency there only."""
    for element in root.xpath("//img | //svg | //a[@title] | //*[contains(@class, 'sr-only') or contains(@class, "
                              "'visually-hidden') or contains(@class, 'screen-reader')]"):
        if element.getparent() is None or not _in_masthead(element):
            continue
        if element.tag == "img":
            words = next((w for w in (element.get("alt"), element.get("title"))
                          if w and _INSTITUTION_NAME.fullmatch(w.strip())), None)
        elif element.tag == "svg":
            label = element.find("title")
            words = next((w for w in (label.text if label is not None else None, element.get("aria-label"))
                          if w and _INSTITUTION_NAME.fullmatch(w.strip())), None)
        elif element.tag == "a":
            words = element.get("title") if not element.text_content().strip() and not any(
                _INSTITUTION_NAME.fullmatch((img.get("alt") or "").strip()) for img in element.iter("img")) else None
            words = words if words and _INSTITUTION_NAME.fullmatch(words.strip()) else None
            if words:
                element.text = words.strip()
                for img in element.iter("img"):
                    img.attrib.pop("title", None)
            continue
        else:
            words = element.text_content()
        if not words or not _INSTITUTION_NAME.fullmatch(words.strip()):
            continue
        shown = element.makeelement("span", {})
        shown.text, shown.tail = words.strip(), element.tail
        element.getparent().replace(element, shown)


def _in_masthead(element) -> bool:
    """Whether the element, or one of the few elements around it, is a masthead's (its class or id says logo, banner…)."""
    for k, node in enumerate((element, *element.iterancestors())):
        if k > _LOGO_ANCESTORS:
            return False
        if node.tag == "header" or _LOGO_PLACE.search(f"{node.get('class') or ''} {node.get('id') or ''}"):
            return True
    return False


_LEADING_FIGURE = re.compile(r"\s*([-+]?\d[\d,]*(?:\.\d+)?)")


def _gauge_figure(gauge) -> str | None:
    """The figure a <meter> or <progress> that is all its cell holds stands for: its text's first figure (a browser
    that cannot draw it shows that, 10/76 or 17 where the bar stops at its max of 10), or its value where it prints none.
    None for a gauge beside a cell's other text (57% after the figure), which is no figure of its own."""
    parent = gauge.getparent()
    if parent is None or parent.tag not in ("td", "th") or (parent.text or "").strip() or any(
            child is not gauge and (child.text_content().strip() or (child.tail or "").strip()) for child in parent) \
            or (gauge.tail or "").strip():
        return None
    if m := _LEADING_FIGURE.match(gauge.text_content()):
        return m[1]
    value = (gauge.get("value") or "").strip()
    return value if _LEADING_FIGURE.fullmatch(value) else None


# A cell's second figure set smaller or in grey under its own (281 over a small grey 284, a header's 本年（上年）: last
# year's): by the <small> tag, or a font size under 14px or relative, or a grey colour (equal red, green and blue).
_MUTED_STYLE = re.compile(r"font-size\s*:\s*(?:(?:[0-9]|1[0-3])(?:\.\d+)?px|[0-9](?:\.\d+)?pt|smaller|x-small|small|0?\.\d+em"
                          r"|[1-8]\d%)|(?<![\w-])color\s*:\s*(?:gr[ae]y|silver|darkgr[ae]y|#([6-9a-cA-C])\1\1\b"
                          r"|#([6-9a-cA-C][0-9a-fA-F])\2\2\b)", re.IGNORECASE)


def _muted_asides(root) -> None:
    """A figure a cell sets smaller or in grey after its own (``_MUTED_STYLE``), bracketed as the aside it is (281（284）):
    read run together with the cell's figure (281284), or as a second value, the cell was wrong or unsure. Not a
    superscript's (a note's mark, read as such)."""
    styled = _styled(root, _MUTED_STYLE) if root.find(".//style") is not None else []
    muted = {id(e) for e in styled}  # (``styled`` holds them: their ids stay theirs)
    for element in root.iter("small", "span", "p", "font", "div", "em", "i"):
        if len(element) or not (element.tag == "small" or id(element) in muted
                                or _MUTED_STYLE.search(element.get("style") or "")):
            continue
        text = element.text or ""
        cell = next((a for a in element.iterancestors() if a.tag in ("td", "th")), None)
        if cell is None or not _LEADING_FIGURE.fullmatch(text.rstrip()):
            continue
        before = "".join(_text_before(cell, element))
        if _LEADING_FIGURE.fullmatch(before.rstrip()):
            element.text = f"（{text.strip()}）"


def _text_before(cell, element):
    """The text of a cell before one of its elements, in document order."""
    holding = {id(a) for a in element.iterancestors()}  # (their tails come after it)
    yield cell.text or ""
    for node in cell.iterdescendants():
        if node is element:
            return
        yield node.text or ""
        if id(node) not in holding:
            yield node.tail or ""


def _typeset_math_once(root) -> None:
    """Math MathJax typeset (a blog's or a note tool's export setting figures as math), read once: its copy for
    screen readers, whose MathML holds the figure as text, and not its drawing besides, whose glyphs (v3's
    <mjx-c class="mjx-c32">) a style sheet draws and whose text (v2's spans) repeats it (2357 read 22335577)."""
    for container in root.xpath("//mjx-container[.//mjx-assistive-mml]"):
        for drawn in container.xpath("./mjx-math"):
            drawn.drop_tree()
    for assistive in root.xpath("//span[contains(concat(' ', normalize-space(@class), ' '), ' MJX_Assistive_MathML ')]"):
        if (parent := assistive.getparent()) is not None and any(
                "".join(e.itertext()).strip() for e in parent if e is not assistive):
            assistive.drop_tree()  # (v2 draws the figure in text: that is read, its copy not)


def _tab_labels_in_their_panes(root) -> None:
    """A tab widget's labels (三、收到和处理政府信息公开申请情况 on a tab) moved to the top of the panes they
    show (role=tab naming its pane by aria-controls, or a tab link to #pane): the labels stood in a row
    above every pane, and the tables in the panes after them under no heading of their own."""
    panes = {e.get("id"): e for e in root.xpath("//*[@id and (@role='tabpanel' or contains(@class, 'tab-pane'))]")}
    if not panes:
        return
    for tab in root.xpath("//*[@role='tab' and @aria-controls] | //a[starts-with(@href, '#') and "
                          "(@data-toggle='tab' or @data-bs-toggle='tab' or @data-toggle='pill' or @data-bs-toggle='pill')]"):
        pane = panes.get(tab.get("aria-controls") or (tab.get("href") or "")[1:])
        label = " ".join(tab.text_content().split())
        if pane is None or not label or tab.getparent() is None or any(a is pane for a in tab.iterancestors()):
            continue
        if not " ".join(pane.text_content().split()).startswith(label):
            heading = root.makeelement("p", {})
            heading.text, heading.tail, pane.text = label, pane.text, None
            pane.insert(0, heading)
        tab.drop_tree()


def _drop_void_copies(root) -> None:
    """A folded block (<details>) or a table whose own summary or caption says it is void (the table
    before a correction, kept for comparison): the page's reader does not take it for the report's."""
    for element in root.xpath("//details[summary] | //table[caption]"):
        label = element.find("summary" if element.tag == "details" else "caption")
        if label is not None and _VOID.search(label.text_content()) and element.getparent() is not None:
            element.drop_tree()


# A style sheet's rule (outside @media: a phone's or a printer's rules hide what the screen shows).
_MEDIA_BLOCK = re.compile(r"@media(?P<query>[^{]*)\{(?P<rules>(?:[^{}]*\{[^{}]*\})*[^{}]*)\}", re.IGNORECASE)
# The screen a page is read as shown on: a desktop's, this wide (px), wider than tall.
_DESKTOP_WIDTH = 1280
_MEDIA_WIDTH = re.compile(r"\(\s*(?P<bound>min|max)-width\s*:\s*(?P<n>\d+(?:\.\d+)?)\s*(?P<unit>px|em|rem)?\s*\)")


def _on_desktop(query: str) -> bool:
    """Whether a media query holds on a desktop's screen (``_DESKTOP_WIDTH``): one of its queries asks for a screen (or
    any medium), of no width it lacks and of nothing else (print, portrait, a pointer: unknown, so not)."""
    for part in query.lower().split(","):
        widths = list(_MEDIA_WIDTH.finditer(part))
        rest = _MEDIA_WIDTH.sub("", part).replace("(orientation:landscape)", "").replace("(orientation: landscape)", "")
        if re.sub(r"\b(?:only|screen|all|and)\b|\s", "", rest):
            continue  # (print, not screen, (orientation: portrait), (hover: none)…)
        px = [(m["bound"], float(m["n"]) * (16 if m["unit"] in ("em", "rem") else 1)) for m in widths]
        if all(n <= _DESKTOP_WIDTH if bound == "min" else n >= _DESKTOP_WIDTH for bound, n in px):
            return True
    return False


def _desktop_rules(sheet: str) -> str:
    """A style sheet's rules as a desktop's browser applies them: those of a media block that holds on its screen
    (@media screen and (min-width: 992px)) in their place, those of any other left out (a phone's, a printer's)."""
    return _MEDIA_BLOCK.sub(lambda m: m["rules"] if _on_desktop(m["query"]) else "", sheet)
_CSS_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")


def _hidden_by_stylesheet(root) -> list:
    """The elements a <style> sheet hides (.mobile{display:none}, #print-copy, div.old, .content .decoy,
    .tr[data-v-2b8d04a7]): a page's copy for phones or for printing, a decoy a scraper would read, hidden by its
    class; unless a rule that outranks it (more specific, or later and as specific) shows them again. Rules
    within @media are followed where they hold on a desktop's screen (``_desktop_rules``); a state's (:hover) not."""
    ranked: dict[int, tuple[tuple, bool, object]] = {}
    for element, rank, body in _selected(root, lambda body: bool(_HIDDEN_STYLE.search(body) or _SHOWN_STYLE.search(body))):
        hides, shows = bool(_HIDDEN_STYLE.search(body)), bool(_SHOWN_STYLE.search(body))
        if (hides or shows) and (id(element) not in ranked or rank >= ranked[id(element)][0]):
            ranked[id(element)] = (rank, hides, element)
    return [element for _, hides, element in ranked.values() if hides and element.get(_SHOWN_FIGURE) is None]


_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_SHOWN_STYLE = re.compile(r"display\s*:\s*(?!none)[a-z-]+|visibility\s*:\s*visible", re.IGNORECASE)


def _styled(root, style: re.Pattern[str]) -> list:
    """The elements a <style> sheet's rules whose bodies match ``style`` select (see ``_hidden_by_stylesheet``)."""
    return [element for element, _, _ in _selected(root, lambda body: bool(style.search(body)))]


def _selected(root, wanted: Callable[[str], bool]) -> list[tuple[object, tuple, str]]:
    """Each element a <style> sheet's rule whose body is ``wanted`` selects (a bare tag's rule, for body or table,
    left out), with the rule's rank (important, ids, classes, tags, order) and body."""
    rules = _sheet_rules("\n".join(s.text or "" for s in root.iter("style")))
    return [(element, rank, body) for path, rank, body in rules if wanted(body) for element in root.xpath(path)]


@lru_cache(maxsize=8)
def _sheet_rules(sheet: str) -> tuple[tuple[str, tuple, str], ...]:
    """A page's style sheet as its rules, each selector as (XPath, rank, body), by cssselect: parsed once,
    however many of a page's lookups read it. Selectors of a pseudo-element (::before) select no element's own
    text, and those cssselect cannot read are not followed."""
    import cssselect

    translator = cssselect.HTMLTranslator()
    sheet = _desktop_rules(_CSS_COMMENT.sub("", sheet)) if sheet else ""
    rules = []
    for order, (selectors, body) in enumerate(_CSS_RULE.findall(sheet) if sheet else ()):
        important = "!important" in body.replace(" ", "").lower()
        for text in selectors.split(","):
            try:
                [selector] = cssselect.parse(text)
                path = translator.selector_to_xpath(selector)
            except (cssselect.SelectorError, cssselect.ExpressionError, ValueError):
                continue  # (a selector the parser does not know: not followed)
            ids, classes, tags = selector.specificity()
            if selector.pseudo_element is None and (ids or classes):  # (not a bare tag's: body, table)
                rules.append((path, (important, ids, classes, tags, order), body))
    return tuple(rules)


def _parts(text: str) -> set[str]:
    text = _SPACES.sub("", text)
    return {part for part in _REPORT_PARTS if part in text}


def _repeats_title(line: str, title: str, words: str) -> bool:
    """Whether a body line is the page's title again: the whole title, or a heading (a line
    not much longer) with its words from the year on, the year written either way (二〇〇九年);
    a sentence of the preamble that names the report (现公布本机关2022年…年度报告) is not."""
    line = _SPACES.sub("", line)
    if title in line:
        return True
    after_year = words[_TITLE_YEAR.match(words).end():]
    return len(line) <= len(title) + 12 and re.search(_TITLE_YEAR.pattern + re.escape(after_year), line) is not None


# A page <title> is "document title_site name" (or "site - title"); a document's title names its year.
_TITLE_SEPARATORS = re.compile(r"\s*(?:_|\||｜|——|\s-\s|-{1,2}(?=\D))\s*")


_TITLE_YEAR = re.compile(r"(?:(?:19|20)\d{2}|[一二][〇○零][〇○零一二三四五六七八九]{2})\s*年")


# A page's meta tags naming its article's title (a CMS's ArticleTitle, Open Graph's, Dublin Core's): read where
# <title> names no year (only the site and the column).
_TITLE_METAS = frozenset({"articletitle", "og:title", "dc.title", "twitter:title", "title"})


def _document_title(root) -> tuple[str, str] | None:
    """The document's title from <head><title> (or the title attribute of an extractor's <doc> root:
    trafilatura's XML), else from a meta tag naming the article's title, when a segment of it names a year, and its
    words from the year on (which a heading in the body repeats)."""
    element = root.find(".//title")
    text = _SPACES.sub(" ", element.text_content()).strip() if element is not None else ""
    if not text and (doc := root.find(".//doc")) is not None:
        text = _SPACES.sub(" ", doc.get("title") or "").strip()
    metas = [_SPACES.sub(" ", meta.get("content") or "").strip() for meta in root.iter("meta")
             if (meta.get("name") or meta.get("property") or "").strip().lower() in _TITLE_METAS]
    for candidate in (text, *metas):
        for segment in _TITLE_SEPARATORS.split(candidate):
            segment = _SPACES.sub("", segment)
            year = _TITLE_YEAR.search(segment)
            if 8 <= len(segment) <= 80 and year:
                return segment, segment[year.start():]
    return None


def _inline_text(token) -> str:
    """A Markdown cell's text as shown: emphasis marks left out (**176**, a bold total), code and a
    picture's alt text as their text, a break as a space; inline HTML a converter kept in the cell as it shows
    (<span style=…>0</span> its text, 5<sup>1</sup> a raised mark after the figure)."""
    if not token.children:
        text = token.content.strip()
    else:
        text = "".join(child.content if child.type in ("text", "code_inline", "image")
                       else " " if "break" in child.type or child.type == "html_inline" else ""
                       for child in token.children).strip()
    return _shown_inline_html(text) if "<" in text else text


# Inline HTML in a Markdown cell (kept as text: the parser reads no HTML): a raised figure, and tags that show their text.
_RAISED_TAG = re.compile(r"<sup>\s*(\d{1,3})\s*</sup>", re.I)
_INLINE_TAG = re.compile(r"</?(?:span|font|b|strong|em|i|u|code|small|big|mark|ins|a)\b[^<>]{0,200}>", re.I)


def _shown_inline_html(text: str) -> str:
    text = _RAISED_TAG.sub(lambda m: m[1].translate(_SUPERSCRIPT), text)
    return _INLINE_TAG.sub("", text).strip()


_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")
_STRUCK_MARKDOWN = re.compile(r"~~(?=\S)[^~\n]{1,80}?(?<=\S)~~")
_BR_TAG = re.compile(r"\s*<br\s*/?>\s*", re.I)  # a line break a converter wrote as HTML in a Markdown cell
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")  # **176**: bold, as a cell kept as printed shows it
# A figure set as code or in emphasis (`12`, *12*, _0_), as a cell kept as printed shows it: the figure.
_MARKED_FIGURE = re.compile(r"(`|(?<![*\w])\*(?!\*)|(?<![_\w])_(?!_))([-+]?\d[\d,.]*)\1(?![*\w])")
_DELIMITER_ROW = re.compile(r"[\s|:]*-[\s|:-]*")
_HTML_BLOCK_START = re.compile(r"\s{0,3}</?(?:html|body|table|thead|tbody|tr|td|th|div|p|ul|ol|li|dl|section|br|hr)\b", re.I)


# Inline math a PDF converter (MinerU) writes numbers in: $2 0 2 3$, $1 2 . 6 \%$, $\textcircled{1}$.
# (inside a font command too, as Mathpix writes a figure: $\mathrm{4 8 2 1}$, its digits spaced)
_INLINE_MATH = re.compile(r"\$\s*(?:\\(?:mathrm|text|textrm|mathbf|mathit)\s*\{\s*)?((?:[\d.,%]|\\%|\s)+?|\\textcircled\{\d\})"
                          r"\s*\}?\s*\$")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨"


def _math_as_text(m: re.Match) -> str:
    inner = m.group(1)
    if inner.startswith("\\textcircled"):
        digit = int(inner[-2])
        return _CIRCLED[digit - 1] if digit else inner
    return re.sub(r"\s+", "", inner.replace("\\%", "%"))


# DocTags (Docling): an element a line (<title>, <text>, <section_header_level_1> …), tables in OTSL: a token a cell
# (fcel filled, ecel empty, ched and rhed headers, srow a section; lcel, ucel and xcel the cells a span covers), nl a row.
_DOCTAG_ELEMENT = re.compile(r"<(?P<tag>[a-z_0-9]+)>(?P<body>.*?)</(?P=tag)>", re.S)
_OTSL_TOKEN = re.compile(r"<(fcel|ecel|ched|rhed|srow|lcel|ucel|xcel|nl)>")
_DOCTAG_FURNITURE = frozenset({"page_header", "page_footer", "picture", "formula", "code"})
_DOCTAG_LOCATION = re.compile(r"<loc_\d+>")
_DOCTAG_INNER = re.compile(r"<[^<>]*>")  # (the inline tags an element's text may hold: <bold>, <italic>)


def doctags_to_text(doctags: str) -> str:
    """Docling's DocTags as text lines: each element's text a line (the pages' running heads and folios, pictures and
    formulas left out), an OTSL table a tab-separated line a row, a span's text in its first cell."""
    lines: list[str] = []
    for m in _DOCTAG_ELEMENT.finditer(_DOCTAG_LOCATION.sub("", doctags)):
        tag, body = m["tag"], m["body"]
        if tag == "doctag":
            lines.append(doctags_to_text(body))
        elif tag == "otsl":
            lines.append(_otsl_rows(body))
        elif tag not in _DOCTAG_FURNITURE:
            lines.append(_DOCTAG_INNER.sub("", body).strip())
    return "\n".join(lines)


def _otsl_rows(otsl: str) -> str:
    rows: list[list[str]] = [[]]
    parts = _OTSL_TOKEN.split(otsl)
    for token, text in zip(parts[1::2], parts[2::2]):
        if token == "nl":
            rows.append([])
        else:
            rows[-1].append(_DOCTAG_INNER.sub("", text).strip() if token in ("fcel", "ched", "rhed", "srow") else "")
    return "\n".join("\t".join(row) for row in rows if row)


def markdown_to_text(markdown: str) -> str:
    """Markdown to text lines; pipe tables read by markdown-it-py into tab grids. Inline math holding a number
    only is the number as printed."""
    from markdown_it import MarkdownIt

    if "$" in markdown:
        markdown = _INLINE_MATH.sub(_math_as_text, markdown)
    if "picture" in markdown:
        markdown = _PICTURE_MARKS.sub("", markdown)
    if "~~" in markdown:  # struck through (~~186~~ 168: the figure a correction replaced), as <del> is: not read
        markdown = _STRUCK_MARKDOWN.sub("", markdown)

    if "```" in markdown or "~~~" in markdown:
        markdown = _FENCED_JSON.sub(_json_block_cells, markdown)
    md = MarkdownIt("commonmark", {"html": False}).enable("table")
    tokens = md.parse(markdown)
    src = markdown.split("\n")
    lines: list[str] = []
    row: list[str] | None = None
    consumed: list[tuple[int, int]] = []
    for token in tokens:
        if token.type == "table_open" and token.map:
            consumed.append(tuple(token.map))
        elif token.type == "tr_open":
            row = []
        elif token.type == "inline" and row is not None:
            row.append(_inline_text(token))
        elif token.type == "tr_close" and row is not None:
            # a converter's <br> in a cell is a line of it: rows it typed into one come apart (``unstacked``)
            lines.append("\n".join("\t".join(cells) for cells in unstacked([_BR_TAG.sub("\n", c) for c in row])))
            row = None
    if not consumed:
        return _with_html_blocks(_broken_lines(src))
    out: list[str] = []
    table_lines = iter(lines)
    index = 0
    for start, end in consumed:
        out.extend(_broken_lines(src[index:start]))
        # every line but the delimiter row (|---|---|); an empty header row (|  |  |) is a row. A delimiter row
        # further down (a converter's tables run together, no blank line between: markdown-it reads one table) is a
        # row to markdown-it, and read as none of the report's.
        block = [line for line in src[start:end] if line.strip()]
        rows_read = [line for k, line in enumerate(block) if not (k == 1 and _DELIMITER_ROW.fullmatch(line))]
        kept = [(line, next(table_lines)) for line in rows_read]
        # (a line with no pipe a Markdown parser takes into the table above it, no blank line between: a paragraph's
        # line, as printed, not a row of one cell and empty ones)
        kept = [(line, text if "|" in line else line) for line, text in kept if not _DELIMITER_ROW.fullmatch(line)]
        rows = [line for line, _ in kept]
        rendered = [text for _, text in kept]
        # A crawler's table whose merged cells were lost: rows wider than its first, which markdown-it cuts
        # to the first's width. Those rows are kept as printed, pipe rows read as any pipe table is.
        # (an escaped pipe, 三、本年度办理结果 \| (一) 予以公开, parts no cells: a label's levels joined)
        widths = [len(_UNESCAPED_PIPE.split(row.strip().removeprefix("|").removesuffix("|"))) for row in rows]
        out.extend([line for row in rows
                    for line in _printed_rows(unescape_entities(_shown_inline_html(
                        _MARKED_FIGURE.sub(r"\2", _STRONG.sub(r"\2", row)))))]
                   if max(widths) > widths[0] else rendered)
        index = end
    out.extend(_broken_lines(src[index:]))
    return _with_html_blocks(out)


# pymupdf4llm's marks around a picture it left out or read the text of (**==> picture [449 x 238] intentionally omitted
# <==**, **----- Start of picture text -----**): its size's numbers were read as a row of table 3.
_PICTURE_MARKS = re.compile(r"^[ \t]*\**[ \t]*(?:==>\s*picture\s*\[[^\]\n]*\][^\n]*?<==|-+\s*(?:Start|End) of picture text\s*-+)"
                            r"[ \t]*\**[ \t]*(?:<br\s*/?>)?[ \t]*$", re.MULTILINE | re.IGNORECASE)


# A fenced block of JSON (```json … ```), as a chat assistant gives a table: [{"项目": "…", "自然人": 41, …}, …].
_FENCED_JSON = re.compile(r"^(?P<fence>```|~~~)[ \t]*(?:json|javascript|js)?[ \t]*\n(?P<body>.*?)\n(?P=fence)[ \t]*$",
                          re.MULTILINE | re.DOTALL | re.IGNORECASE)
_JSON_CELLS_MIN = 5  # numbers a block's data names, at least, to be a table's


def _json_block_cells(m: re.Match) -> str:
    """A fenced block of JSON holding a table, as a cell a line named by its keys (一、本年新收… · 自然人：41): its
    records on a line each, read as text, lost their names to the commas between their fields. Any other block
    as it is."""
    import json

    from .appdata import json_leaves, named_leaves, named_lines

    try:
        leaves = json_leaves(json.loads(m["body"]))
    except (ValueError, RecursionError):
        return m.group(0)
    if sum(isinstance(value, int | float) for _, value in named_leaves(leaves)) < _JSON_CELLS_MIN:
        return m.group(0)
    return "\n".join(named_lines(leaves))


def _broken_lines(lines: list[str]) -> list[str]:
    """Lines outside the tables with a converter's <br> as the line break it is (pymupdf4llm writes the text it read
    off a picture of table rows as one paragraph: 3.其他 0 0 0 0 0 0 0<br>（七）总计 295 23 …), and without the marks
    of bold (申请**61**件, as an assistant emphasises a figure: the figure, not a mark beside it)."""
    if any("**" in line or "__" in line for line in lines):
        lines = [_STRONG.sub(r"\2", line) for line in lines]
    return [part for line in lines for part in _BR_TAG.split(line)] if any("<br" in line for line in lines) else lines


def _printed_rows(row: str) -> list[str]:
    """A pipe row kept as printed, as the rows its cells' <br> lines make (``unstacked``)."""
    if not _BR_TAG.search(row):
        return [row]
    cells = [_BR_TAG.sub("\n", cell.strip()) for cell in row.strip().removeprefix("|").removesuffix("|").split("|")]
    return ["| " + " | ".join(cells) + " |" for cells in unstacked(cells)]


def _with_html_blocks(lines: list[str]) -> str:
    """The lines with each block of raw HTML a converter kept (a table it could not write as Markdown, a page's
    metadata table: from a line opening with a tag to the next blank line, as CommonMark reads it) read as a web
    page is."""
    out: list[str] = []
    k = 0
    while k < len(lines):
        if not _HTML_BLOCK_START.match(lines[k]):
            out.append(lines[k])
            k += 1
            continue
        end = k
        while end < len(lines) and _HTML_BLOCK_START.match(lines[end]):  # blocks one after another read at once
            end = next((j for j in range(end, len(lines)) if not lines[j].strip()), len(lines))
            end = next((j for j in range(end, len(lines)) if lines[j].strip()), len(lines))
        out.append(html_to_text("\n".join(lines[k:end])))
        k = end
    return "\n".join(out)


def _w_int(element, path: str) -> int:
    """An integer ``w:val`` at ``path`` (tags of the main namespace) under ``element`` (gridSpan,
    gridBefore), else 0."""
    found = element.find("/".join(f"{_W}{step}" for step in path.split("/")))
    try:
        return max(0, min(int(found.get(f"{_W}val")), 200)) if found is not None else 0
    except (TypeError, ValueError):
        return 0


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
# Where a run is not text of the paragraph as it reads: tracked deletions and moves away, a text
# box's own paragraphs (read as paragraphs of their own, ``_text_boxes``), and the copy of a drawing kept for old
# readers (mc:Fallback repeats mc:Choice).
_NOT_READ_IN = frozenset({f"{_W}del", f"{_W}moveFrom", f"{_W}txbxContent", _MC_FALLBACK})
# Wrappers of blocks, rows and cells: content controls and custom XML; Word 2003's sections (wx:sect, wx:sub-section).
_WX = "{http://schemas.microsoft.com/office/word/2003/auxHint}"
_WRAPPERS = frozenset({f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_WX}sect", f"{_WX}sub-section"})
_RAISED = frozenset({"superscript", "subscript"})


def _hidden(run) -> bool:
    vanish = run.find(f"{_W}rPr/{_W}vanish")
    return vanish is not None and vanish.get(f"{_W}val", "true") not in ("0", "false", "off")


def _struck(run) -> bool:
    """A run struck through by hand (w:strike, w:dstrike): an old figure left beside its correction, 5 6."""
    return any((mark := run.find(f"{_W}rPr/{_W}{name}")) is not None
               and mark.get(f"{_W}val", "true") not in ("0", "false", "off") for name in ("strike", "dstrike"))


def _hidden_styles(styles) -> set[str]:
    """The ids of a Word file's styles that hide their text (w:vanish), also through the styles they
    are based on."""
    if styles is None:
        return set()
    defined = {style.get(f"{_W}styleId"): style for style in styles.iter(f"{_W}style")}

    def vanishes(style_id: str | None, seen: frozenset = frozenset()) -> bool:
        style = defined.get(style_id)
        if style is None or style_id in seen:
            return False
        vanish = style.find(f"{_W}rPr/{_W}vanish")
        if vanish is not None:
            return vanish.get(f"{_W}val", "true") not in ("0", "false", "off")
        based = style.find(f"{_W}basedOn")
        return based is not None and vanishes(based.get(f"{_W}val"), seen | {style_id})

    return {style_id for style_id in defined if vanishes(style_id)}


def _hide_unseen(body, hidden_styles: set[str]) -> None:
    """Mark as hidden (w:vanish on the run) the text Word does not show though its runs do not say so:
    runs of a hidden character or paragraph style (a draft note kept in a 隐藏 style), and the prompt a
    content control shows until it is filled in (单击或点击此处输入文字。: an empty cell, not words)."""
    from lxml import etree

    def hide(run) -> None:
        props = run.find(f"{_W}rPr")
        if props is None:
            props = etree.Element(f"{_W}rPr")
            run.insert(0, props)
        if props.find(f"{_W}vanish") is None:
            etree.SubElement(props, f"{_W}vanish")

    for control in body.iter(f"{_W}sdt"):
        if control.find(f"{_W}sdtPr/{_W}showingPlcHdr") is not None:
            for run in control.iter(f"{_W}r"):
                hide(run)
    if not hidden_styles:
        return
    for paragraph in body.iter(f"{_W}p"):
        style = paragraph.find(f"{_W}pPr/{_W}pStyle")
        hidden_paragraph = style is not None and style.get(f"{_W}val") in hidden_styles
        for run in paragraph.iter(f"{_W}r"):
            own = run.find(f"{_W}rPr/{_W}rStyle")
            shown = run.find(f"{_W}rPr/{_W}vanish") is not None and not _hidden(run)
            if not shown and (hidden_paragraph or (own is not None and own.get(f"{_W}val") in hidden_styles)):
                hide(run)


def _accept_tracked_structure(body) -> None:
    """Accept the tracked changes that are not runs of text (deleted runs are never read, ``_NOT_READ_IN``): a
    table row or cell marked deleted (w:trPr/w:del, w:tcPr/w:cellDel) goes, its stale figures with it though its
    own text is not marked, and a paragraph whose mark was deleted runs on into the next one, as Word reads
    them once the changes are accepted."""
    for row in [row for row in body.iter(f"{_W}tr") if row.find(f"{_W}trPr/{_W}del") is not None]:
        row.getparent().remove(row)
    for cell in [cell for cell in body.iter(f"{_W}tc") if cell.find(f"{_W}tcPr/{_W}cellDel") is not None]:
        cell.getparent().remove(cell)
    # (the last first: a paragraph runs on into the next with all that ran on into that)
    for paragraph in reversed([p for p in body.iter(f"{_W}p") if p.find(f"{_W}pPr/{_W}rPr/{_W}del") is not None]):
        following = paragraph.getnext()
        if following is None or following.tag != f"{_W}p":
            continue
        paragraph.extend(child for child in list(following) if child.tag != f"{_W}pPr")
        following.getparent().remove(following)


# A content control's binding (w:dataBinding) evaluated only when its XPath is a path as Word writes one: named steps
# down from the root, each with position or attribute-equality predicates (ns0:row[@id='granted']), ending at an
# element or an attribute; any other expression (functions, //, unions) keeps the control's cached text.
_XML_NAME = r"[^\W\d][\w.-]*(?::[^\W\d][\w.-]*)?"
_BOUND_STEP = rf"/{_XML_NAME}(?:\[(?:\d{{1,6}}|@{_XML_NAME}=(?:'[^']*'|\"[^\"]*\"))\])*"
_BOUND_PATH = re.compile(rf"(?:{_BOUND_STEP}){{1,32}}(?:/@{_XML_NAME})?")
_BOUND_PATH_MAX = 2000  # characters of a binding's XPath
_PREFIX_MAPPING = re.compile(r"xmlns:([^\W\d][\w.-]*)\s*=\s*(?:'([^']*)'|\"([^\"]*)\")")
_BOUND_CONTROLS_MAX = 5000  # bound content controls shown with their values: a report has a few hundred
_DATA_STORE_MAX = 1_000_000  # bytes of one custom XML part a control is bound to, read at most
_DATA_STORES_MAX = 16  # custom XML parts of a package looked at, at most
_DS = "{http://schemas.openxmlformats.org/officeDocument/2006/customXml}"
_STORE_PART_RELS = re.compile(r"^customXml/_rels/(?P<item>[^/]+)\.rels$")


def _show_bound_values(body, data: bytes) -> None:
    """Put in each content control bound to a custom XML part (w:dataBinding) the value its XPath selects there,
    as Word shows it on opening: a template's figures are kept in that part, and the text cached in the document
    may be stale (a cell reading 39 where the part says 41). A control whose part, node or XPath cannot be read
    keeps its cached text; so do dates, pictures and rich text, which Word shows otherwise than as the value."""
    bound = list(itertools.islice(((control, binding) for control in body.iter(f"{_W}sdt")
                                   if (binding := control.find(f"{_W}sdtPr/{_W}dataBinding")) is not None),
                                  _BOUND_CONTROLS_MAX))
    if not bound:
        return
    stores = _data_stores(data, {binding.get(f"{_W}storeItemID", "").upper() for _, binding in bound})
    if not stores:
        return
    for control, binding in bound:
        value = _bound_value(binding, stores)
        shown = _shown_value(control, value) if value is not None else None
        content = control.find(f"{_W}sdtContent")
        if shown is None or content is None or not _replace_text(content, shown):
            continue
        placeholder = control.find(f"{_W}sdtPr/{_W}showingPlcHdr")
        if placeholder is not None and shown:  # the value, no longer the prompt, is shown
            placeholder.getparent().remove(placeholder)


def _data_stores(data: bytes, item_ids: set[str]) -> dict:
    """The roots of a Word package's custom XML parts whose item ids (ds:itemID in their properties part, which
    the part's relationships name) are among ``item_ids``, by upper-case id. A part too large, damaged or
    declaring entities is left out: its controls keep their cached text."""
    import zipfile

    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)

    def part(archive, name: str):
        try:
            info = archive.getinfo(name)
            if info.file_size > _DATA_STORE_MAX:
                return None
            return etree.fromstring(archive.read(info), parser)  # (reads no more than the size it declares)
        except (KeyError, zipfile.BadZipFile, OSError, EOFError, zlib.error, etree.XMLSyntaxError):
            return None

    stores = {}
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            items = [match["item"] for name in archive.namelist() if (match := _STORE_PART_RELS.match(name))]
            for item in items[:_DATA_STORES_MAX]:
                rels = part(archive, f"customXml/_rels/{item}.rels")
                targets = [rel.get("Target", "") for rel in (rels if rels is not None else ())
                           if str(rel.get("Type", "")).endswith("/customXmlProps")]
                props = part(archive, f"customXml/{targets[0]}") if targets and "/" not in targets[0] else None
                item_id = (props.get(f"{_DS}itemID", "") if props is not None else "").upper()
                if item_id in item_ids and item_id not in stores and (root := part(archive, f"customXml/{item}")) is not None:
                    stores[item_id] = root
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, zlib.error):
        return {}
    return stores


def _bound_value(binding, stores: dict) -> str | None:
    """The text of the node a binding's XPath selects in its custom XML part (an element holding only text, or
    an attribute); None when there is no such node or the XPath is not a plain path (``_BOUND_PATH``)."""
    from lxml import etree

    store = stores.get(binding.get(f"{_W}storeItemID", "").upper())
    path = binding.get(f"{_W}xpath", "")
    if store is None or len(path) > _BOUND_PATH_MAX or not _BOUND_PATH.fullmatch(path):
        return None
    namespaces = {match[1]: match[2] if match[2] is not None else match[3]
                  for match in _PREFIX_MAPPING.finditer(binding.get(f"{_W}prefixMappings", ""))}
    try:
        found = etree.XPath(path, namespaces=namespaces, regexp=False, smart_strings=False)(store)
    except (etree.XPathError, ValueError):  # a prefix it does not map, a namespace no XML allows
        return None
    if not found:
        return None
    node = found[0]
    if isinstance(node, str):
        return node
    if next(node.iterchildren(tag=etree.Element), None) is not None:  # Word binds to text, not to a subtree
        return None
    return str(node.xpath("string()"))


def _shown_value(control, value: str) -> str | None:
    """What a bound control shows of its node's value: the value in a plain-text control, the display text of
    the list item with that value in a drop-down list or combo box (a combo box's typed-in value as it is);
    None for other kinds of control (a date is shown in its own format)."""
    props = control.find(f"{_W}sdtPr")
    if props.find(f"{_W}text") is not None:
        return value
    choices = props.find(f"{_W}dropDownList")
    if choices is None:
        choices = props.find(f"{_W}comboBox")
    if choices is None:
        return None
    for item in choices.iter(f"{_W}listItem"):
        if item.get(f"{_W}value") == value:
            return item.get(f"{_W}displayText", value)
    return value if choices.tag == f"{_W}comboBox" else None


def _replace_text(content, value: str) -> bool:
    """Show ``value`` as a control's text: in its first text element (keeping that run's formatting, and the
    paragraphs and cells the control holds), the others emptied and their tabs and breaks gone; or in a new run of
    its first paragraph when it has no text. False when it holds no paragraph or run to put it in."""
    from lxml import etree

    texts = list(content.iter(f"{_W}t"))
    for mark in list(content.iter(*_RUN_MARKS, f"{_W}br", f"{_W}sym")):
        mark.getparent().remove(mark)
    if texts:
        texts[0].text = value
        for text in texts[1:]:
            text.text = ""
        return True
    if not value:
        return True
    holder = next(content.iter(f"{_W}r"), None)
    if holder is None:
        paragraph = next(content.iter(f"{_W}p"), None)
        if paragraph is None and next(content.iter(f"{_W}tc", f"{_W}tr", f"{_W}tbl"), None) is not None:
            return False
        holder = etree.SubElement(content if paragraph is None else paragraph, f"{_W}r")
    etree.SubElement(holder, f"{_W}t").text = value
    return True


def _symbol(sym) -> str:
    """A digit or sign typed as a symbol (w:sym, a character of a symbol font); other symbols
    are no text of a report."""
    try:
        code = int(sym.get(f"{_W}char", ""), 16)
        char = chr(code - 0xF000 if code >= 0xF000 else code)
    except (ValueError, OverflowError):  # no hex number, or none a character has
        return ""
    return char if char in "0123456789.,-" else ""


_RUN_MARKS = {f"{_W}tab": "\t", f"{_W}ptab": "\t", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}


def _run_text(run) -> str:
    """A run's text in order: its text, tabs, line breaks (not page or column breaks), hyphens
    and symbols."""
    out = []
    for child in run.iterchildren():
        if child.tag == f"{_W}t":
            out.append(child.text or "")
        elif child.tag == f"{_W}sym":
            out.append(_symbol(child))
        elif child.tag == f"{_W}br":
            out.append("\n" if child.get(f"{_W}type", "textWrapping") == "textWrapping" else "")
        else:
            out.append(_RUN_MARKS.get(child.tag, ""))
    return "".join(out)


def _docx_text(paragraph, part_raised: bool = False) -> str:
    """A paragraph as Word shows it: its runs wherever they sit (tracked insertions, smart tags,
    content controls, fields, hyperlinks), not deleted, hidden or struck-through ones; python-docx's
    ``Paragraph.text`` reads only the runs right under the paragraph, and 1<ins>7</ins> was 1.
    With ``part_raised``, a superscript or subscript run is parted by spaces (a footnote mark). A field shows its
    result, not its code: the runs between a field's begin and separate marks (a nested field's result in them too:
    {IF {=SUM(LEFT)} = 0 "无" …} shows 无, not 0无) are not read."""
    pieces = []
    fields = Fields()
    for run in paragraph.iter(f"{_W}r"):
        ancestor = run.getparent()
        while ancestor is not None and ancestor is not paragraph and ancestor.tag not in _NOT_READ_IN:
            ancestor = ancestor.getparent()
        if ancestor is not paragraph:
            continue
        if (mark := run.find(f"{_W}fldChar")) is not None:
            if mark.get(f"{_W}fldCharType") == "begin" and not fields.in_code and (shown := _form_field_shown(mark)):
                pieces.append(shown)  # (a drop-down or a check box shows no result runs: the entry chosen, the box)
            {"begin": fields.begin, "separate": fields.separate, "end": fields.end}.get(
                mark.get(f"{_W}fldCharType"), lambda: None)()
            continue
        if fields.in_code or _hidden(run) or _struck(run):
            continue
        text = _run_text(run)
        if (drawing := run.find(f"{_W}drawing")) is not None:
            text += _described_picture(drawing)
        raised = run.find(f"{_W}rPr/{_W}vertAlign")
        if part_raised and raised is not None and raised.get(f"{_W}val") in _RAISED:
            mark = raised_mark(text) if raised.get(f"{_W}val") == "superscript" else None
            text = mark if mark is not None else f" {text} "
        pieces.append(text)
    return "".join(pieces)


def _described_picture(drawing) -> str:
    """A picture of a table whose alternative text (its description, or its title) writes the table out (表三：一、本年
    新收…：自然人12，…；…), as accessibility guides ask: its clauses a line each, as a web page's alt text is read;
    '' for a picture whose alt text says nothing of the report (a photo, a logo)."""
    properties = drawing.find(f".//{_WP}docPr")
    if properties is None:
        return ""
    said = max(properties.get("descr") or "", properties.get("title") or "", key=len)
    lines = [line for line in (_SPACES.sub(" ", line).strip() for line in said.splitlines()) if line]
    alt = " ".join(lines)
    if len(alt) < _ALT_MIN or (len(re.findall(r"\d+", alt)) < _ALT_FIGURES and not _ALT_TABLE_WORDS.search(alt)):
        return ""
    return "\n" + "\n".join(c.strip() for line in lines for c in _ALT_CLAUSE_END.split(line) if c.strip()) + "\n"


def _form_field_shown(mark) -> str:
    """What a legacy drop-down form field (FORMDROPDOWN) shows, the entry its result (else its default) picks, or a
    check box (FORMCHECKBOX) ☑ or ☐: neither writes its shown value as result runs; '' for other fields."""
    data = mark.find(f"{_W}ffData")
    if data is None:
        return ""
    if (choices := data.find(f"{_W}ddList")) is not None:
        entries = [entry.get(f"{_W}val", "") for entry in choices.findall(f"{_W}listEntry")]
        picked = next((element.get(f"{_W}val") for element in (choices.find(f"{_W}result"), choices.find(f"{_W}default"))
                       if element is not None and (element.get(f"{_W}val") or "").isdecimal()), "0")
        return entries[int(picked)] if int(picked) < len(entries) else ""
    if (box := data.find(f"{_W}checkBox")) is not None:
        ticked = box.find(f"{_W}checked")
        ticked = ticked if ticked is not None else box.find(f"{_W}default")
        return "☑" if ticked is not None and ticked.get(f"{_W}val", "1") not in ("0", "false") else "☐"
    return ""


def _docx_paragraphs(element):
    """The paragraphs in an element, a drawing's copy for old readers (mc:Fallback) left out."""
    for paragraph in element.iter(f"{_W}p"):
        if not any(a.tag == _MC_FALLBACK for a in paragraph.iterancestors()):
            yield paragraph


def _docx_cell_text(tc) -> str:
    """A cell's paragraphs, content controls included, a line each (``unstacked`` puts them on one:
    a tab would split the row); a superscript or subscript run parted by spaces, as in a web page's
    cell (``_cell_text``)."""
    lines = (_SPACES.sub(" ", line).strip() for p in _docx_paragraphs(tc)
             for line in _docx_text(p, part_raised=True).split("\n"))  # a line break (w:br) ends a line too
    return "\n".join(line for line in lines if line)


def _w_children(element, tag: str):
    """An element's children of a kind, also those wrapped in content controls or custom XML
    (a row whose cell is a content control still has that cell)."""
    for child in element.iterchildren():
        if child.tag == f"{_W}{tag}":
            yield child
        elif child.tag in _WRAPPERS:
            yield from _w_children(child, tag)


_ROW_TABLES_MIN = 6  # tables of one row each, one after another, at least: a converter's table, not a layout's boxes
_ROW_TABLES_GAP = 3  # paragraphs between two of them at most (a page's running head and folio)


def _row_tables(parent) -> dict[int, object]:
    """The tables of one row each that a PDF-to-Word converter (Acrobat, WPS, Smallpdf) makes of a table, a table
    a row, every row its own grid of narrow columns with empty ones between the values, no two rows alike: their
    empty cells are spacers of the layout, not blank cells, and the columns of one row are not another's. By their
    ids, each held: lxml makes a new proxy (a new id, or a freed one's) for an element no one holds, so ids alone
    found some tables or none, by what the process had done before (a file read one way first, another way after)."""
    found: dict[int, object] = {}
    run: list = []
    gap = 0

    def close() -> None:
        if len(run) >= _ROW_TABLES_MIN:
            found.update((id(table), table) for table in run)
        run.clear()

    for child in parent.iterchildren():
        if child.tag == f"{_W}tbl":
            if sum(1 for _ in _w_children(child, "tr")) == 1 and child.find(f".//{_W}tbl") is None:
                run.append(child)
                gap = 0
                continue
            close()
        elif child.tag == f"{_W}p" and run and gap < _ROW_TABLES_GAP:
            gap += 1
            continue
        else:
            close()
    close()
    if found and len({_grid_signature(table) for table in found.values()}) * 2 < len(found):
        return {}  # (rows drawn on one grid: a table cut a row a table by hand, its blanks are blank cells)
    return found


def _grid_signature(table) -> tuple[str, ...]:
    grid = table.find(f"{_W}tblGrid")
    return tuple(col.get(f"{_W}w", "") for col in grid) if grid is not None else ()


def _docx_grid_lines(tbl) -> list[str]:
    """One tab-separated line per row. The positions a horizontally merged cell (gridSpan) or a
    vertical merge (vMerge continue) covers are empty, or the merged cell's 0 or mark of none
    (``_covered``). A table past ``GRID_CELLS`` is refused (TableTooLarge)."""
    lines = []
    above: list[str] = []
    budget = GRID_CELLS
    for tr in _w_children(tbl, "tr"):
        cells = [""] * _w_int(tr, "trPr/gridBefore")
        for tc in _w_children(tr, "tc"):
            merge = tc.find(f"{_W}tcPr/{_W}vMerge")
            continued = merge is not None and merge.get(f"{_W}val", "continue") == "continue"
            span, rows = _w_int(tc, "tcPr/gridSpan"), 1 if merge is None else 2  # a vertical merge: rows of it
            joined = tc.find(f"{_W}tcPr/{_W}hMerge")
            if not continued and cells and joined is not None and joined.get(f"{_W}val", "continue") == "continue":
                cells.extend([_covered(cells[-1], 1, 2)] * span)  # (a legacy horizontal merge's later cell: Word shows
                continue  # the first cell's text across it, not the stale words its XML still holds)
            text = _covered(above[len(cells)] if len(cells) < len(above) else "", rows, span) if continued \
                else _docx_cell_text(tc)
            if span > 1 and not continued and (across := numbers_across(text, span)) is not None:
                cells.extend(across)  # a value typed for each column the merged cell covers
                continue
            cells.append(text)
            cells.extend([_covered(text, rows, span)] * (span - 1))
        budget -= len(cells)
        if budget < 0:
            raise errors.TableTooLarge(GRID_CELLS)
        cells = same_as_filled(cells, above)
        rows = unstacked(cells)
        lines.extend("\t".join(row) for row in rows)
        above = rows[0] if len(rows) == 1 else [" ".join(cell.split("\n")) for cell in cells]
    return lines


def _text_boxes(paragraph):
    """The text boxes anchored in a paragraph (a title or a caption set in one), the drawing's copy
    for old readers left out: their paragraphs and tables are read before the paragraph's text."""
    for box in paragraph.iter(f"{_W}txbxContent"):
        outer = box.getparent()
        while outer is not paragraph and outer.tag not in (_MC_FALLBACK, f"{_W}txbxContent"):
            outer = outer.getparent()
        if outer is paragraph:
            yield box


_PLACED_BOXES = 3  # text boxes set at their places, at least, in a paragraph whose boxes are a drawn table's cells
# Where a box's place on the page is measured from: the page or its margins (from its paragraph, it moves with the
# text, and the text's order is the boxes' order).
_ON_THE_PAGE = frozenset({"page", "margin", "topMargin", "bottomMargin", "top-margin-area", "bottom-margin-area"})
_EMU_PER_TWIP = 635
_VML_PLACE = re.compile(r"(?<![\w-])(margin-left|margin-top|left|top|width|height)\s*:\s*(-?[\d.]+)\s*(pt|in|cm|mm|px)?",
                        re.IGNORECASE)
_TWIPS_PER = {"pt": 20, "in": 1440, "cm": 1440 / 2.54, "mm": 144 / 2.54, "px": 15}


def _placed_boxes(paragraph) -> list[tuple[tuple[str, ...], list[str]]]:
    """The text boxes a paragraph anchors, each at a place of its own on the page (a drawing's offsets, or a VML
    shape's absolute margins), as text frames (``_framed_lines``): a WPS table drawn as a text box a cell, written in
    the order it was drawn. Read one after another, its cells came column by column or shuffled. Empty when a box
    has no place (a title or a caption set in one: read where it is anchored)."""
    placed = []
    for box in _text_boxes(paragraph):
        where = _box_place(box)
        if where is None:
            return []
        placed.append((where, ["".join(_docx_text(p).strip() for p in box.iter(f"{_W}p"))]))
    return placed


def _box_place(box) -> tuple[str, ...] | None:
    """A text box's left, top, width and height in twips (and two empty anchors), from its drawing's anchor or its
    VML shape's style; None when it is placed in the text's flow or measured from its paragraph."""
    outer = box.getparent()
    while outer is not None and outer.tag not in (f"{_WP}anchor", f"{_WP}inline") \
            and "position" not in (outer.get("style") or ""):  # (a v:textbox's own style is no place: its shape's)
        outer = outer.getparent()
    if outer is None or outer.tag == f"{_WP}inline":
        return None
    if outer.tag == f"{_WP}anchor":
        offsets = [outer.find(f"{_WP}{axis}/{_WP}posOffset") for axis in ("positionH", "positionV")]
        extent = outer.find(f"{_WP}extent")
        if any(o is None for o in offsets) or extent is None \
                or outer.find(f"{_WP}positionV").get("relativeFrom") not in _ON_THE_PAGE:
            return None
        try:  # (a hostile file's offset or extent that is no number: the box is read where it is anchored)
            x, y = (int(o.text or "") / _EMU_PER_TWIP for o in offsets)
            w, h = (int(extent.get(k, "0")) / _EMU_PER_TWIP for k in ("cx", "cy"))
        except ValueError:
            return None
    else:
        style = dict((name.lower(), float(value) * _TWIPS_PER[(unit or "pt").lower()])
                     for name, value, unit in _VML_PLACE.findall(outer.get("style", "")))
        plain = outer.get("style", "").replace(" ", "").lower()
        if "position:absolute" not in plain or not ({"margin-left", "left"} & set(style)) or not any(
                f"mso-position-vertical-relative:{where}" in plain for where in _ON_THE_PAGE):
            return None
        x = style.get("margin-left", 0.0) + style.get("left", 0.0)
        y = style.get("margin-top", 0.0) + style.get("top", 0.0)
        w, h = style.get("width", 0.0), style.get("height", 0.0)
    return (f"{x:.0f}", f"{y:.0f}", f"{w:.0f}", f"{h:.0f}", "", "")


def _frame(paragraph) -> tuple[str, ...] | None:
    """A paragraph's text frame when it sets one at a place of its own on the page (w:framePr with w:x and w:y):
    its attributes, the frame's identity (Word puts next paragraphs of equal attributes in one frame)."""
    properties = paragraph.find(f"{_W}pPr/{_W}framePr")
    if properties is None or properties.get(f"{_W}x") is None or properties.get(f"{_W}y") is None \
            or paragraph.find(f".//{_W}txbxContent") is not None:
        return None  # (a text box anchored in it is read as a block, ``_text_boxes``)
    return tuple(properties.get(f"{_W}{name}") or "" for name in ("x", "y", "w", "h", "hAnchor", "vAnchor"))


_FRAME_HEIGHT = 300  # twips: a frame's height when it gives none (a line of a small table's type)


def _framed_lines(frames: list[tuple[tuple[str, ...], list[str]]]) -> list[str]:
    """Text frames set each at its place (a PDF converter's page: every cell and line a frame, written in any order)
    laid out by those places as a page's words are: a line for the frames at one height, left to right, each a cell;
    a frame placed again where one of them already stands begins the next page."""
    from .positioned import Placed, page_lines

    if len(frames) < 2:  # (one frame: a paragraph set apart, a title or a caption, as it is)
        return [" ".join(frames[0][1])] if frames else []
    pages: list[list[Placed]] = [[]]
    seen: set[tuple[str, str]] = set()
    for frame, texts in frames:
        x, y, w, h = (_twips(value) for value in frame[:4])
        if (frame[0], frame[1]) in seen:
            pages.append([])
            seen.clear()
        seen.add((frame[0], frame[1]))
        pages[-1].append(Placed(" ".join(texts), x, y, x + (w or _FRAME_HEIGHT), y + (h or _FRAME_HEIGHT), cell=True))
    return [line for page in pages for line in [*page_lines(page), ""]]


def _twips(value: str) -> float:
    try:
        return abs(float(value))
    except ValueError:
        return 0.0


def _docx_blocks(parent, lines: list[str], chunk: Callable[[str], str] = lambda _: "") -> None:
    """Paragraphs and tables in document order. Content controls and custom XML are opened;
    a table that holds other tables is layout: its cells are read as blocks; an imported part
    (w:altChunk, a web page Word shows in its place) is read by ``chunk`` from its relationship id;
    paragraphs in text frames placed on the page, one after another, are laid out by their places."""
    frames: list[tuple[tuple[str, ...], list[str]]] = []
    row_tables = _row_tables(parent)
    for child in parent.iterchildren():
        frame = _frame(child) if child.tag == f"{_W}p" else None
        if frame is not None:
            text = _docx_text(child).strip()
            if frames and frames[-1][0] == frame:
                frames[-1][1].append(text)
            else:
                frames.append((frame, [text]))
            continue
        if child.tag == f"{_W}p" and len(placed := _placed_boxes(child)) >= _PLACED_BOXES:
            frames.extend(placed)  # (a table drawn as text boxes, one a cell, set at their places on the page)
            if text := _docx_text(child).strip():
                lines.extend([*_framed_lines(frames), text])
                frames = []
            continue
        lines.extend(_framed_lines(frames))
        frames = []
        if child.tag == f"{_W}p":
            for box in _text_boxes(child):
                _docx_blocks(box, lines, chunk)
            for embedded in child.iter(_OLE_OBJECT):  # a worksheet pasted as an object: its cells where it is shown
                if _SHEET_PROGID.match(embedded.get("ProgID", "")) and embedded.get("Type", "Embed") == "Embed":
                    lines.extend([*chunk(embedded.get(f"{_R}id", "")).split("\n"), ""])
            text = _docx_text(child).strip()
            if text:
                lines.append(text)
        elif child.tag in _WRAPPERS:
            _docx_blocks(child, lines, chunk)
        elif child.tag == f"{_W}tbl":
            if child.find(f".//{_W}tbl") is not None:
                for tr in _w_children(child, "tr"):
                    for tc in _w_children(tr, "tc"):
                        _docx_blocks(tc, lines, chunk)
            elif id(child) in row_tables:  # (its empty cells spacers: the row's values in their order)
                lines.extend("\t".join(cell for cell in line.split("\t") if cell.strip())
                             for line in _docx_grid_lines(child))
                lines.append("")
            else:
                lines.extend(_docx_grid_lines(child))
                lines.append("")
        elif child.tag == f"{_W}altChunk":
            lines.extend(chunk(child.get(f"{_R}id", "")).split("\n"))
    lines.extend(_framed_lines(frames))


_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_OLE_OBJECT = "{urn:schemas-microsoft-com:office:office}OLEObject"
_SHEET_PROGID = re.compile(r"(?:Excel|ET|Ket|KET|WPS)\.Sheet", re.IGNORECASE)  # (Excel.Sheet.12, Excel.Sheet.8, Ket.Sheet.12)


def _imported_part(document, path: str, depth: int = 0) -> Callable[[str], str]:
    """The text of a Word file's imported parts (altChunk) by relationship id: a web page, a web
    archive (MHT) as web editors export, or another Word file; other kinds (RTF) are not read, nor a part the
    relationship only links to outside the file (TargetMode="External": file:///etc/passwd)."""

    def text(rid: str) -> str:
        rel = document.part.rels.get(rid)
        part = rel.target_part if rel is not None and not rel.is_external else None  # (a linked file: never read)
        kind = getattr(part, "content_type", "")
        if kind in ("text/html", "application/xhtml+xml", "message/rfc822") or kind.startswith(_WORD_DOCUMENT_TYPE):
            return _chunk_text(part.blob, path, depth)
        if part is not None and (kind in _SHEET_TYPES or str(part.partname).endswith((".xlsx", ".xls", ".bin"))):
            return _embedded_sheet(part.blob, path)
        return ""

    return text


_WORD_DOCUMENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_SHEET_TYPES = frozenset({"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/vnd.ms-excel",
                          "application/vnd.openxmlformats-officedocument.oleObject"})


def _embedded_sheet(blob: bytes, path: str) -> str:
    """The sheet an embedded workbook shows (its active one), or nothing when it cannot be read: the object's
    picture is what the reader sees, and a workbook that cannot be opened costs its own cells only."""
    from ..limits import current
    from .spreadsheet import spreadsheet_to_text

    if len(blob) > current().max_bytes:
        return ""
    try:
        return spreadsheet_to_text(blob, path, active_only=True)
    except (errors.NotText, errors.EncryptedDocument, errors.OverLimit, errors.TableTooLarge):
        return ""


def docx_to_text(data: bytes, path: str) -> str:
    """Paragraphs and tables of a Word document in body order; merged cells expanded."""
    return docx_parts(data, path)[0]


def _running_heads(document) -> tuple[str, ...]:
    """The lines a Word file prints at the head and foot of its pages (页眉, 页脚), each once."""
    seen: dict[str, None] = {}
    for section in document.sections:
        for part in (section.header, section.first_page_header, section.even_page_header,
                     section.footer, section.first_page_footer, section.even_page_footer):
            if part.is_linked_to_previous:  # no definition of its own: the previous section's, read there
                continue
            for paragraph in _docx_paragraphs(part.part.element):  # a letterhead's text box's too
                if text := _SPACES.sub(" ", _docx_text(paragraph)).strip():
                    seen[text] = None
    return tuple(seen)


_NOTE_PARTS = ("/word/footnotes.xml", "/word/endnotes.xml")
_NOTE_SEPARATORS = frozenset({"separator", "continuationSeparator", "continuationNotice"})
# (each sentence in brackets of its own, its full stop after them: a sentence is read alone)
_NOTE_SENTENCE = re.compile(r"(?P<words>[^。！？!?]+)(?P<end>[。！？!?]*)")


def _notes(document) -> list[str]:
    """A Word document's footnotes and endnotes, a paragraph a line after its body, each in brackets as the aside it
    is (（注：2021年收到申请9件。）): printed text (at the foot of their page, at the end), which a figure may be given
    in only (其中网上申请31件…), and no statement of the year the body reports on. Their separators are no text."""
    from lxml import etree

    lines = []
    for part in document.part.package.iter_parts():
        if str(part.partname) not in _NOTE_PARTS:
            continue
        root = etree.fromstring(part.blob, parser=etree.XMLParser(resolve_entities=False, no_network=True,
                                                                  huge_tree=False))
        for note in root:
            if note.get(f"{_W}type") in _NOTE_SEPARATORS:
                continue
            lines += ["".join(f"（注：{m['words']}）{m['end']}" for m in _NOTE_SENTENCE.finditer(text))
                      for paragraph in _docx_paragraphs(note)
                      if (text := _SPACES.sub(" ", _docx_text(paragraph)).strip())]
    return lines


def docx_parts(data: bytes, path: str, depth: int = 0) -> tuple[str, tuple[str, ...]]:
    """A Word document's text (``docx_to_text``) and its running heads, kept apart: a 页眉 names the
    agency of a report whose body never does, but is no part of the report's text. ``depth``: how deep
    in Word files imported into Word files this one is."""
    import docx
    from lxml import etree

    from ..limits import current
    from .repair import shallow_office_xml

    try:
        check_unpacked(data, path, "Word document")
    except errors.OverLimit:
        if not _text_parts_within_limit(data):
            raise
        return _main_part_text(data, path, None, depth), ()  # python-docx would unpack every part
    _allow_deep_word_xml()
    if _large_running_heads(data):
        return _main_part_text(data, path, None, depth), ()
    try:
        document = docx.Document(io.BytesIO(data))
    except errors.ReportError:
        raise
    except Exception as e:  # python-docx raises several unrelated types
        limit = current().max_html_depth
        if isinstance(e, etree.XMLSyntaxError) and (shallow := shallow_office_xml(data, limit - 10)):
            text, heads = docx_parts(shallow, path, depth)  # (nested past what libxml2 parses: the rest read, as a page's is)
            if not text.strip():
                raise errors.OverLimit(path, f"Word XML elements nested more than {limit} deep") from None
            return text, heads
        return _main_part_text(data, path, e, depth), ()
    body = getattr(document.element, "body", None)
    if body is None:  # a part python-docx opened but could not read as a document (mixed Strict namespaces)
        raise errors.NotText(path, "not a readable Word document (no document body)")
    _check_depth(body, path, "Word XML")
    _accept_tracked_structure(body)
    _show_bound_values(body, data)
    _hide_unseen(body, _hidden_styles(document.styles.element))
    lines: list[str] = []
    _docx_blocks(body, lines, _imported_part(document, path, depth))
    lines += _notes(document)
    try:
        heads = _running_heads(document)
    except Exception:  # a header part python-docx cannot read costs the heads only, never the text
        heads = ()
    return "\n".join(lines), heads


# Parts of a Word package that hold no text of the document: its data store (a template's bibliography), its
# properties, its pictures and embedded objects (read on their own, each within the limit, when the body is a cover).
_NO_TEXT_PART = re.compile(r"^(?:customXml|docProps)/|^word/(?:media|embeddings)/")


def _text_parts_within_limit(data: bytes) -> bool:
    """Whether a Word package over the byte limit is so only by parts that hold no text (a 1.8 MB file whose
    customXml part unpacks to 453 MB, one element repeated): its main part is then read alone, the parts
    that hold its text counted as they unpack."""
    import zipfile

    from ..limits import current

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = [info for info in archive.infolist() if not _NO_TEXT_PART.match(info.filename)]
        return _unpacked_size(archive, current().max_bytes, infos) <= current().max_bytes


_HEADS_MAX = 1_000_000  # bytes of one header or footer part: a page's running head is a line or two
_RUNNING_HEAD_PART = re.compile(r"^word/(?:header|footer)\d*\.xml$")


def _large_running_heads(data: bytes) -> bool:
    """Whether a header or footer part unpacks larger than any running head (200,000 empty
    paragraphs): python-docx parses every part when it opens a file, and took 10 s on it."""
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return any(_RUNNING_HEAD_PART.match(info.filename) and info.file_size > _HEADS_MAX
                   for info in archive.infolist())


def _main_part_text(data: bytes, path: str, failure: Exception | None, depth: int = 0) -> str:
    """A Word file's text from its main part alone, for a file python-docx cannot open (a damaged
    header or other part: Word recovers such a file; an imported Word file with a main part's content
    type) or should not (``_large_running_heads``). Its imported parts are found in the package itself;
    its running heads are not read. NotText when the main part is damaged too."""
    import zipfile

    from docx.oxml.parser import parse_xml

    reason = f"not a readable Word document ({type(failure).__name__})" if failure else "not a readable Word document"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            main = _main_part_name(archive)
            root = parse_xml(archive.read(main))
            styles = _styles_part(archive)
            chunks = _imported_blobs(archive, main, {chunk.get(f"{_R}id", "") for chunk in root.iter(f"{_W}altChunk")})
    except Exception as e:  # a missing or damaged main part: the file is unreadable
        raise errors.NotText(path, reason) from (failure or e)
    body = root.find(f"{_W}body")
    if body is None:
        raise errors.NotText(path, f"{reason}; no document body")
    _check_depth(body, path, "Word XML")
    _accept_tracked_structure(body)
    _show_bound_values(body, data)
    _hide_unseen(body, _hidden_styles(styles))
    lines: list[str] = []
    _docx_blocks(body, lines, lambda rid: _chunk_text(chunks[rid], path, depth) if rid in chunks else "")
    return "\n".join(lines)


_CHUNK_DEPTH = 2  # Word files imported into Word files (altChunk), read this deep


def _imported_blobs(archive, main: str, rids: set[str]) -> dict[str, bytes]:
    """The bytes of the main part's imported parts (w:altChunk) by relationship id, found through its
    relationships in the package itself: python-docx cannot open a file whose imported Word file (an OA
    system merging documents) has a main part's content type. Those it cannot find are left out."""
    import zipfile

    from lxml import etree

    if not rids:
        return {}
    folder, name = main.rsplit("/", 1) if "/" in main else ("", main)
    try:
        rels = etree.fromstring(archive.read(f"{folder}/_rels/{name}.rels".lstrip("/")),
                                etree.XMLParser(resolve_entities=False, no_network=True))
    except (KeyError, etree.XMLSyntaxError):
        return {}
    blobs = {}
    for rel in rels:
        target = rel.get("Target", "")
        if rel.get("Id") in rids:
            with contextlib.suppress(KeyError, zipfile.BadZipFile, OSError, EOFError, zlib.error):
                blobs[rel.get("Id")] = archive.read(target.lstrip("/") if target.startswith("/")
                                                    else f"{folder}/{target}".lstrip("/"))
    return blobs


def _chunk_text(blob: bytes, path: str, depth: int) -> str:
    """An imported part's text by what its bytes are: another Word file, a web archive or a web page
    (any other kind, nothing)."""
    from .document import decode, detect_format, mhtml_text

    try:
        kind = detect_format(blob, path)
    except errors.ReportError:
        return ""
    if kind == "docx":
        return docx_parts(blob, path, depth + 1)[0] if depth < _CHUNK_DEPTH else ""
    if kind == "mhtml":
        return mhtml_text(blob, path)[0]
    return html_to_text(decode(blob, path)[0], path) if kind in ("html", "text") else ""


_EMBEDDED_MAX = 16  # objects a Word file embeds, read at most


def docx_embedded_files(data: bytes) -> list[tuple[str, bytes]]:
    """The documents a Word file embeds as objects (word/embeddings/: a Word file, a workbook or a PDF
    inserted as an icon, or an OLE package holding any file), by name, in order; none when it has
    none or they cannot be read."""
    import zipfile

    from ..limits import current

    limit = current().max_bytes
    files = []
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for info in [i for i in archive.infolist() if i.filename.startswith("word/embeddings/")][:_EMBEDDED_MAX]:
                if info.file_size > limit:
                    continue
                blob = archive.read(info)
                name = info.filename.rsplit("/", 1)[-1]
                files.append(_ole_package(blob) or (name, blob))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, zlib.error):
        return []
    return files


def _ole_package(blob: bytes) -> tuple[str, bytes] | None:
    """The file an OLE package object holds (its \\x01Ole10Native stream: size, flags, the file's name,
    its source path, two words, a temporary path, the data's size, the data), or None."""
    import olefile

    if not blob.startswith(b"\xd0\xcf\x11\xe0"):
        return None
    try:
        with olefile.OleFileIO(io.BytesIO(blob)) as ole:
            if not ole.exists("\x01Ole10Native"):
                return None
            native = ole.openstream("\x01Ole10Native").read()
        at = 6
        name_end = native.index(b"\0", at)
        name = native[at:name_end].decode("gb18030", errors="replace")
        at = native.index(b"\0", name_end + 1) + 1 + 8  # the source path, then two words
        at = native.index(b"\0", at) + 1  # the temporary path
        size = int.from_bytes(native[at:at + 4], "little")
        return name, native[at + 4:at + 4 + size]
    except (OSError, ValueError, IndexError):
        return None


def _styles_part(archive):
    """The package's styles part, parsed; None when it has none or it is damaged (its text is still read)."""
    from docx.oxml.parser import parse_xml

    try:
        return parse_xml(archive.read("word/styles.xml"))
    except Exception:  # missing (KeyError) or not XML: no style hides anything
        return None


def _main_part_name(archive) -> str:
    """The main document part, as the package's relationships name it (word/document.xml in Word's files)."""
    from lxml import etree

    try:
        rels = etree.fromstring(archive.read("_rels/.rels"), etree.XMLParser(resolve_entities=False, no_network=True))
    except (KeyError, etree.XMLSyntaxError):
        return "word/document.xml"
    for rel in rels:
        if str(rel.get("Type", "")).endswith("/officeDocument"):
            return rel.get("Target", "word/document.xml").lstrip("/")
    return "word/document.xml"


def check_unpacked(data: bytes, path: str, kind: str) -> None:
    """A ZIP package (Word, OpenDocument) that unpacks within the byte limit, or a clear refusal."""
    import zipfile

    from ..limits import current

    limit = current().max_bytes
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
            if unpacked > limit:  # what the headers declare may lie: what the parts unpack to decides
                unpacked = _unpacked_size(archive, limit)
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, zlib.error) as e:
        raise errors.NotText(path, f"not a readable {kind} ({type(e).__name__})") from e
    if unpacked > limit:  # a zip bomb, or a document far larger than any report
        raise errors.OverLimit(path, f"unpacks to more than the {limit:,}-byte limit")


def _unpacked_size(archive, limit: int, infos: list | None = None) -> int:
    """The bytes an archive's parts (or those of ``infos``) unpack to, counted as they unpack, up to just past
    ``limit``."""
    total = 0
    for info in archive.infolist() if infos is None else infos:
        with archive.open(info) as member:
            while chunk := member.read(1 << 20):
                total += len(chunk)
                if total > limit:
                    return total
    return total


@cache
def _allow_deep_word_xml() -> None:
    """python-docx parses with libxml2's depth limit of 256: a document whose tables are nested a
    hundred deep (a layout table around each) failed as an XML syntax error. Its parser, with the
    same element classes and entities still unresolved, without that limit; the document is then
    held to the depth limit every web page is (``_check_depth``)."""
    from docx.oxml import parser
    from lxml import etree

    deep = etree.XMLParser(remove_blank_text=True, resolve_entities=False, huge_tree=True)
    deep.set_element_class_lookup(parser.element_class_lookup)
    parser.oxml_parser = deep


_W2003 = "{http://schemas.microsoft.com/office/word/2003/wordml}"
# Word 2003's names that Word 2007 spells otherwise; the rest are the same in the other namespace.
_W2003_RENAMED = {"vmerge": "vMerge"}


_DTD_REACH = 1 << 20  # bytes at the head of an XML file its doctype's declarations are looked for in
_DTD_SUBSET = re.compile(rb"<!DOCTYPE[^\[>]{0,200}\[.*?\]\s*>", re.DOTALL)


def parsed_xml(data: bytes, path: str, unreadable: str, deep: bool = False):
    """An XML file's root, parsed leniently (what a damaged file still holds), never resolving entities
    or fetching anything; NotText saying ``unreadable`` when nothing can be read. ``deep``: nesting past
    libxml2's 256 levels read too (a depth check must follow)."""
    from lxml import etree

    if b"<!ENTITY" in data[:_DTD_REACH] and (subset := _DTD_SUBSET.search(data[:_DTD_REACH])) is not None:
        # entities declared to blow up (billion laughs): libxml2 stops at them and the rest is lost; the file's own
        # words need none of them, their references are left out
        data = data[:subset.start()] + data[subset.end():]
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=deep, recover=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as e:
        raise errors.NotText(path, f"{unreadable} ({e})") from e
    if root is None:
        raise errors.NotText(path, unreadable)
    return root


def word_xml_to_text(data: bytes, path: str) -> str:
    """A Word document saved as one XML file: Word 2003's XML (WordprocessingML, which Java sites
    fill from a template and send as .doc) or Word 2007's flat XML (a pkg:package). Its body
    read as a .docx's, Word 2003's names taken to Word 2007's namespace first."""
    root = parsed_xml(data, path, "not a readable Word XML document", deep=True)
    _check_depth(root, path)
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.startswith(_W2003):
            local = element.tag[len(_W2003):]
            element.tag = _W + _W2003_RENAMED.get(local, local)
            for name in [n for n in element.attrib if n.startswith(_W2003)]:
                element.attrib[_W + name[len(_W2003):]] = element.attrib.pop(name)
    body = root.find(f".//{_W}body")
    if body is None:
        raise errors.NotText(path, "a Word XML document with no body")
    lines: list[str] = []
    _docx_blocks(body, lines)
    return "\n".join(lines)


# --- pages an XML processor shows ------------------------------------------------

# A DOCTYPE's internal subset and the text entities it declares (<!ENTITY site "某某县人民政府">); parameter and external
# entities (%, SYSTEM) are no text and are not read.
_INTERNAL_SUBSET = re.compile(r"<!DOCTYPE\b[^\[>]{0,500}\[(?P<subset>.{0,20000}?)\]\s*>", re.S | re.I)
_ENTITY_DECLARATION = re.compile(r"<!ENTITY\s+(?P<name>[A-Za-z_][\w.-]{0,40})\s+(?P<q>[\"'])(?P<value>[^\"'<%]{0,200})(?P=q)\s*>")
_ENTITIES_MAX = 200  # entities a page declares, at most read
_ENTITY_TEXT_MAX = 2_000_000  # characters the references may write in, at most: past it they stay as written
_SHOWN_CDATA = re.compile(r"(?<!//)(?<!/\*)(?<!// )(?<!/\* )<!\[CDATA\[(.*?)\]\]>", re.S)  # (not a script's: //<![CDATA[)
# An XHTML namespace bound to a prefix (xmlns:h="http://www.w3.org/1999/xhtml", its elements <h:table>).
_XHTML_PREFIX = re.compile(r"""xmlns:(?P<prefix>[A-Za-z_][\w.-]{0,20})\s*=\s*["']http://www\.w3\.org/1999/xhtml["']""")


def xml_served(page: str, xml_file: bool = False) -> str:
    """A page as an XML processor shows it, for the HTML reader: the text entities its DOCTYPE declares written in
    (&site; where the page names its agency so), once each (a value's own references stay as written: no entity expands
    into another, so none multiplies), and XHTML elements written with a prefix (<h:table>) as the elements they are.
    Read as HTML, &site; stayed as written, the agency unnamed, and <h:table> was no table. ``xml_file``: a file a
    browser opens as XML (.xhtml), whose CDATA sections are text it shows (<td><![CDATA[21]]></td>), not the comments
    HTML makes of them; a script's (//<![CDATA[) stays as it is."""
    if xml_file and "<![CDATA[" in page:
        page = _SHOWN_CDATA.sub(lambda m: escape_markup(m[1], quote=False), page)
    if (subset := _INTERNAL_SUBSET.search(page, 0, 50_000)) is not None:
        entities = dict(itertools.islice(((m["name"], m["value"]) for m in _ENTITY_DECLARATION.finditer(subset["subset"])),
                                         _ENTITIES_MAX))
        page = page[:subset.start()] + "<!DOCTYPE html>" + page[subset.end():]
        if entities:
            reference = re.compile(r"&(" + "|".join(map(re.escape, entities)) + r");")
            if sum(len(entities[m[1]]) for m in reference.finditer(page)) <= _ENTITY_TEXT_MAX:
                page = reference.sub(lambda m: entities[m[1]], page)
    if (bound := _XHTML_PREFIX.search(page, 0, 50_000)) is not None:
        page = re.sub(rf"<(/?){re.escape(bound['prefix'])}:", r"<\1", page)
    return page


# --- articles carried in scripts and JSON ---------------------------------------

# A string of a script or of JSON long enough to hold an article; escapes are one character each.
_STRING_LITERAL = re.compile(r'"((?:[^"\\\n]|\\.){200,})"|\'((?:[^\'\\\n]|\\.){200,})\'')
_STRING_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)", re.S)
_ESCAPED = {"n": "\n", "t": "\t", "r": "", "b": "", "f": "\n", "v": "\n", "0": ""}
# The form's section names: an article prints several, a page's menu or title one at most.
REPORT_SECTIONS = re.compile(r"总体情况|主动公开政府信息(?:的)?情况|收到和处理政府信息公开申请(?:的)?情况"
                             r"|行政复议[、和及]?行政诉讼(?:的)?情况")
_TITLE_KEY = re.compile(r"title|标题|name|名称", re.IGNORECASE)


def unescape_string(body: str) -> str:
    def one(m: re.Match) -> str:
        code = m.group(1)
        if len(code) > 1:  # \uXXXX, \xXX
            return chr(int(code[1:], 16))
        return _ESCAPED.get(code, code)

    return _whole_characters(_STRING_ESCAPE.sub(one, body))


def _whole_characters(text: str) -> str:
    """Text escaped as UTF-16 units (\\ud83d\\ude00): a pair joined into its character, a unit
    left alone made U+FFFD; kept apart, no file could be written with it."""
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def _is_article(text: str) -> bool:
    return len(set(REPORT_SECTIONS.findall(text))) >= 2


_MARKUP = re.compile(r"<\s*(?:p|div|table|br|span|h\d)\b", re.I)
_ESCAPED_MARKUP = re.compile(r"&lt;\s*(?:p|div|table|br|span|h\d)\b", re.I)


def _article_text(article: str, path: str) -> str:
    """An article's text: its markup read as a page's, also markup escaped once more as entities
    (&lt;p style=&quot;…&quot;&gt;, as a CMS stores it in an API's field), and text an attribute keeps escaped
    (&#10; its line breaks, in a meta tag's content)."""
    if not _MARKUP.search(article) and (_ESCAPED_MARKUP.search(article) or "&#" in article):
        article = unescape_entities(article)
    return html_to_text(article, path) if _MARKUP.search(article) else article


# A block of markup a script's data holds as it is (大汉 pages: <script type="text/xml"><datastore>…
# <record><![CDATA[ the article ]]></record>).
_CDATA = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.S)


# A script element: its attributes and its body. A body of a type no browser runs (text/template,
# text/html, text/x-template) is markup a script copies into the page as it is.
SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_RUN_TYPE = re.compile(r"""\btype\s*=\s*["']?[^"'\s>]*(?:javascript|ecmascript|module|json)""", re.I)
_HAS_TYPE = re.compile(r"\btype\s*=", re.I)
_DATA_TYPE = re.compile(r"""\btype\s*=\s*["']?application/json\b""", re.I)
# Any string literal, however short (a page built by str += '<p>…</p>'; line by line).
_ANY_STRING = re.compile(r'"((?:[^"\\\n]|\\.)*)"|\'((?:[^\'\\\n]|\\.)*)\'')


def _script_bodies(page: str) -> Iterator[str]:
    """What each script holds as text: a template's markup as it is; a program's string literals
    joined in order (the pieces it builds the article from)."""
    for m in SCRIPT.finditer(page):
        attributes, body = m.group(1), m.group(2)
        if _HAS_TYPE.search(attributes) and (not _RUN_TYPE.search(attributes) or _DATA_TYPE.search(attributes)):
            yield body  # (a template's markup; a data block's JSON, whose document ``_document_of`` reads)
        elif "+" in body or _UNESCAPES.search(body):
            joined = "".join(unescape_string(s.group(1) if s.group(1) is not None else s.group(2))
                             for s in _ANY_STRING.finditer(body))
            yield _percent_unescaped(joined) if _UNESCAPES.search(body) else joined


# A script writing its article percent-escaped: document.write(unescape(_c)) of %u4E00… pieces.
_UNESCAPES = re.compile(r"\b(?:unescape|decodeURIComponent|decodeURI)\s*\(")
_PERCENT = re.compile(r"%u([0-9a-fA-F]{4})|((?:%[0-9a-fA-F]{2})+)")


def _percent_unescaped(text: str) -> str:
    """JavaScript's unescape and decodeURIComponent at once: %uXXXX a UTF-16 unit, a run of %XX bytes
    as UTF-8 where it is valid (decodeURIComponent's), else each byte a Latin-1 character (unescape's)."""
    def one(m: re.Match) -> str:
        if m.group(1):
            return chr(int(m.group(1), 16))
        data = bytes(int(m.group(2)[k + 1:k + 3], 16) for k in range(0, len(m.group(2)), 3))
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return data.decode("latin-1")

    return _whole_characters(_PERCENT.sub(one, text))


def script_article(html: str, path: str = "") -> str | None:
    """The article of a page that carries it only in a script (an app-like page saved before its
    scripts ran: var articleContent = '…', window.__INITIAL_STATE__ = {…} or JSON.parse("…"), a CDATA record, a
    text/template's markup, str += '…' line by line): the longest string that prints the report's
    sections, its escapes undone and its markup read; None if none does."""
    strings = itertools.chain(_literal_strings(html), (m.group(1) for m in _CDATA.finditer(html)), _script_bodies(html),
                              _streamed_rows(html), (unescape_entities(m["body"]) for m in _META_ARTICLE.finditer(html)))
    for article in sorted((s for s in strings if _is_article(s)), key=len, reverse=True):
        if (document := _document_of(article)) is not None:
            return document
        if not _is_json(article):  # (a data block's JSON that is no document: its strings are candidates of their
            return _article_text(article, path)  # own, the article among them; a template's {{…}} is no JSON)
    return None


_STATE_JSON_MAX = 2_000_000  # characters of JSON held in one string literal, at most read for its own strings


def _literal_strings(html: str) -> Iterator[str]:
    """Each long string literal of a page as the page shows it, and, where one holds JSON printing the report (an app's
    state encoded twice: window.__INITIAL_STATE__ = JSON.parse("{\\"content\\": \\"<p>…\\"}")), each string of that
    JSON too: the article is one of them, escaped within the literal, so no literal of the page's own, and the JSON
    whole is no article (as a state blob written as JSON is not: its strings are literals of the page's)."""
    import json

    for m in _STRING_LITERAL.finditer(html):
        text = _json_in_string(unescape_string(m.group(1) if m.group(1) is not None else m.group(2)))
        yield text
        if len(text) <= _STATE_JSON_MAX and text.lstrip().startswith(("{", "[")) and _is_article(text):
            try:
                data = json.loads(text)
            except (ValueError, RecursionError):
                continue
            yield from (string for _, string in _json_strings(data))


def _is_json(text: str) -> bool:
    if not text.lstrip().startswith(("{", "[")):
        return False
    import json

    try:
        json.loads(text)
    except (ValueError, RecursionError):
        return False
    return True


_MARKUP_IN_TEXT = re.compile(r"<(?:p|div|table|tr|td|br|h[1-6]|span)\b[^<>]*>", re.IGNORECASE)


def _document_of(text: str) -> str | None:
    """The text of a document kept as JSON in a script (a block editor's blocks, the sections and their tables), as
    the page shows it; None for a string that is no such document."""
    if not text.lstrip().startswith(("{", "[")):
        return None
    import json

    from .structured import document_tree_text

    try:
        document = document_tree_text(json.loads(text))
    except (ValueError, RecursionError):
        return None
    # (its sections' content as HTML strings, {"heading": "一、总体情况", "html": "<p>…</p><table>…"}: the page's text)
    return html_to_text(document) if document is not None and _MARKUP_IN_TEXT.search(document) else document


# An article kept whole in a page's microdata (<meta itemprop="articleBody" content="…">), the page showing an excerpt.
_META_ARTICLE = re.compile(r"<meta\b(?=[^>]*\bitemprop\s*=\s*[\"']?articleBody\b)[^>]*?\bcontent\s*=\s*\"(?P<body>[^\"]*)\"",
                           re.IGNORECASE)
# JSON's escapes left in a string once its own are undone: JSON written in a script's string (JSON.parse('{"t":
# "\\u62a5…"}')), its backslashes doubled.
_JSON_ESCAPE = re.compile(r'\\(?:u[0-9a-fA-F]{4}|["\\/])')


def _json_in_string(text: str) -> str:
    """A string as the page shows it: JSON held in a script's string literal unescaped once more."""
    return unescape_string(text) if not _is_article(text) and _JSON_ESCAPE.search(text) else text


# A streamed page's payload (React server components: self.__next_f.push([1,"…"])), pushed piece by piece in scripts
# of their own, an article cut across pieces anywhere (mid-tag, mid-character's escape never: each piece is a string).
_PUSHED_PIECE = re.compile(r'(?P<target>[A-Za-z_$][\w$.]*)\.push\(\[\s*1\s*,\s*"(?P<piece>(?:[^"\\]|\\.)*)"\s*\]\)')
# A text row of that payload: its id, T, its length in UTF-8 bytes (hexadecimal), a comma, the text.
_TEXT_ROW = re.compile(r"(?:^|\n)[0-9a-fA-F]+:T(?P<length>[0-9a-fA-F]{1,8}),")


def _streamed_rows(html: str) -> Iterator[str]:
    """The text rows of the payloads a page streams in pieces, each payload's pieces joined in order."""
    streams: dict[str, list[str]] = {}
    for m in _PUSHED_PIECE.finditer(html):
        streams.setdefault(m["target"], []).append(unescape_string(m["piece"]))
    for pieces in streams.values():
        text = "".join(pieces)
        stream = text.encode("utf-8", "surrogatepass")
        at = start = 0  # (a character's offset and its byte's, counted on from the last row's)
        for row in _TEXT_ROW.finditer(text):
            start += len(text[at:row.end()].encode("utf-8", "surrogatepass"))
            at = row.end()
            yield stream[start:start + int(row["length"], 16)].decode("utf-8", "replace")


# A JSONP response's wrapper: callback( … ) and an optional semicolon.
_JSONP_WRAPPER = re.compile(r"\s*[A-Za-z_$][\w$.]*\s*\((?P<json>.*)\)\s*;?\s*", re.S)


_JSON_DEPTH = 256  # levels of a JSON document kept, at most: no report's data is nested deeper
_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def shallow_json(text: str) -> str:
    """A JSON document with each value nested deeper than ``_JSON_DEPTH`` put as null (a hostile file's 100,000
    levels of brackets beside the article), read in one pass over its strings and brackets."""
    out: list[str] = []
    depth, cut, at = 0, -1, 0
    for m in _JSON_TOKEN.finditer(text):
        token = m.group()
        if token[0] == '"':
            continue
        if token in "[{":
            depth += 1
            if depth == _JSON_DEPTH + 1:
                out.append(text[at:m.start()] + "null")
                cut = depth
        else:
            if depth == cut:
                at, cut = m.end(), -1
            depth -= 1
    out.append(text[at:] if cut < 0 else "")
    return "".join(out)


class TooDeep(ValueError):
    """JSON nested deeper than Python's decoder goes (a hostile file's 100,000 levels)."""


def json_records(text: str) -> list | None:
    """The records of a JSON document (an object, a list, one wrapped as JSONP: callback({...});) or
    of JSON lines; None when it is neither. TooDeep for one nested past the decoder's depth."""
    import json

    if (wrapped := _JSONP_WRAPPER.fullmatch(text)) is not None:
        text = wrapped.group("json")
    try:
        data = json.loads(text)
        return data if isinstance(data, list) else [data]
    except RecursionError:
        try:  # (a value nested past the decoder's depth beside the article: that value left out, the rest read)
            data = json.loads(shallow_json(text))
        except (RecursionError, ValueError):
            raise TooDeep("nested deeper than a JSON decoder reads") from None
        return data if isinstance(data, list) else [data]
    except ValueError:
        pass
    try:
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    except (ValueError, RecursionError):
        return None


def _json_strings(record) -> Iterator[tuple[tuple[str, ...], str]]:
    """Every string of a JSON record with the keys it is under (a list's items under the list's), depth first."""
    stack: list[tuple[tuple[str, ...], object]] = [((), record)]
    while stack:
        keys, value = stack.pop()
        if isinstance(value, str):
            yield keys, value
        elif isinstance(value, dict):
            stack.extend(reversed([((*keys, str(k)), v) for k, v in value.items()]))
        elif isinstance(value, list):
            stack.extend(reversed([(keys, v) for v in value]))


def _one_article(texts: list[str]) -> bool:
    """Whether texts are the pages of one article: no section's heading printed in two of them (a list of articles,
    each a report, heads 一、总体情况 in each)."""
    printed = [set(_SECTION_HEADING.findall(text)) for text in texts]
    return sum(map(len, printed)) == len(set().union(*printed))


# A section's heading at a line's start (or a tag's): 三、收到和处理政府信息公开申请情况 (not the preamble's list of them).
_SECTION_HEADING = re.compile(r"(?:^|>)\s*([一二三四五六])\s*[、.．]\s*(?:总体情况|主动公开|收到和处理"
                              r"|政府信息公开(?:的)?行政复议|存在的主要问题|其他需要报告)", re.M)


def _record_fields(record) -> list[tuple[str, str]]:
    """A record's strings as (key, text), and, where strings under one path are an article's pages (a crawler's
    record of a paginated article: pages[].text, the report's sections in one, its tables going on in the next; not a
    list of articles), the pages joined in order, as one more field."""
    strings = [(keys, _whole_characters(_from_base64(s))) for keys, s in _json_strings(record)]
    paths: dict[tuple[str, ...], list[str]] = {}
    for keys, text in strings:
        paths.setdefault(keys, []).append(text)
    pages = [(keys[-1], "\n".join(texts)) for keys, texts in paths.items()
             if keys and len(texts) > 1 and any(_is_article(t) for t in texts) and _one_article(texts)]
    return [(keys[-1] if keys else "", text) for keys, text in strings] + pages


def _title_rank(key: str) -> int:
    key = key.lower()
    return 0 if key in ("title", "标题") else 1 if "title" in key or "标题" in key else 2


def json_article(text: str, path: str) -> str:
    """An article API's or a crawler's JSON: its title field, then its article (the longest string
    that prints the report's sections, or a string that is its base64), the article's markup read as a web page's."""
    try:
        records = json_records(text) or []
    except TooDeep:
        raise errors.OverLimit(path, "JSON nested deeper than a JSON decoder reads") from None
    return records_article(records, path)


def records_article(records: list, path: str) -> str:
    """The title field, then the article, of a JSON document's records (``json_article``)."""
    return _fields_article([field for record in records for field in _record_fields(record)], path, "JSON data")


_RICH_TEXT_DEPTH = 64  # levels of a rich-text node tree rendered, at most (a table's cell is at the sixth or so)


def _rich_text_nodes(value) -> bool:
    """Whether a JSON value is a rich-text node tree as mini-programs and app back ends keep an article (uni-app's and
    WeChat's rich-text nodes: [{"name": "p", "attrs": {…}, "children": [{"type": "text", "text": "…"}]}])."""
    return isinstance(value, list) and bool(value) and all(
        isinstance(node, dict) and (isinstance(node.get("name"), str) or node.get("type") == "text")
        and set(node) <= _NODE_KEYS for node in value) and any(isinstance(node.get("children"), list) for node in value)


# The keys of a rich-text node, and only those: a list of other records that have names (an SDMX message's dimension
# values, {"id": "T2", "name": "表二…"}) is no node tree.
_NODE_KEYS = frozenset({"name", "attrs", "children", "type", "text"})


def _nodes_markup(nodes: list, depth: int = 0) -> str:
    """A rich-text node tree as the markup it stands for, its texts and attributes escaped."""
    from html import escape

    out = []
    for node in nodes:
        if node.get("type") == "text" or not isinstance(node.get("name"), str):
            out.append(escape(str(node.get("text", ""))))
            continue
        tag = re.sub(r"[^A-Za-z0-9-]", "", node["name"]) or "span"
        attrs = node.get("attrs") if isinstance(node.get("attrs"), dict) else {}
        shown = "".join(f' {re.sub(r"[^A-Za-z0-9_-]", "", str(k))}="{escape(str(v))}"' for k, v in attrs.items())
        children = node.get("children")
        inner = _nodes_markup(children, depth + 1) if isinstance(children, list) and depth < _RICH_TEXT_DEPTH else ""
        out.append(f"<{tag}{shown}>{inner}</{tag}>")
    return "".join(out)


def with_rich_text_as_markup(value):
    """A JSON record with each rich-text node tree in it (``_rich_text_nodes``; or a string holding one as JSON) put as
    the markup it stands for: read as an article's HTML. Its nodes' words were each a field of their own (p, td,
    colspan…), and no table was read."""
    if _rich_text_nodes(value):
        return _nodes_markup(value)
    if isinstance(value, dict):
        return {k: with_rich_text_as_markup(v) for k, v in value.items()}
    if isinstance(value, list):
        return [with_rich_text_as_markup(v) for v in value]
    if isinstance(value, str) and value.lstrip().startswith("[{") and '"children"' in value:
        import json

        try:
            nodes = json.loads(value)
        except (ValueError, RecursionError):
            return value
        return _nodes_markup(nodes) if _rich_text_nodes(nodes) else value
    return value


_BASE64 = re.compile(r"[A-Za-z0-9+/\s]{200,}={0,2}")  # a long string of base64 alone (contentEncoding: base64)


def _from_base64(text: str) -> str:
    """A string an API sends base64-encoded (its article's HTML), as text; any other string as it is."""
    if not _BASE64.fullmatch(text):
        return text
    import base64
    import binascii

    try:
        data = base64.b64decode(text)
    except (binascii.Error, ValueError):
        return text
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return text


def xml_article(data: bytes, path: str) -> str:
    """A CMS's XML export of an article (its fields as elements, the article's HTML escaped in one of them:
    <content>&lt;p&gt;…): read as an article API's JSON is, field by field."""
    from lxml import etree

    try:
        root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, recover=True))
    except etree.XMLSyntaxError as e:
        raise errors.NotText(path, "not a readable XML document") from e
    if root is None:
        raise errors.NotText(path, "not a readable XML document")
    return _fields_article([(etree.QName(element).localname, element.text) for element in root.iter()
                            if isinstance(element.tag, str) and element.text and element.text.strip()], path, "XML data")


def _fields_article(strings: list[tuple[str, str]], path: str, kind: str) -> str:
    """The title field, then the article (the longest field that prints the report's sections) read as a web
    page's markup, of a record's (name, text) fields."""
    article = max((s for _, s in strings if _is_article(s)), key=len, default=None)
    if article is None:
        raise errors.NotAReport(path, f"{kind} without an article that prints a report's sections")
    # The title field names the report: not a column's name (channelName: 政府信息公开年度报告), nor a subtitle.
    titles = sorted((_title_rank(k), i, s.strip()) for i, (k, s) in enumerate(strings)
                    if _TITLE_KEY.search(k) and 4 <= len(s.strip()) <= 100 and "<" not in s and re.search("报告|年报", s))
    title = titles[0][2] if titles else None
    return "\n".join(filter(None, [title, _article_text(article, path)]))


# The code page an RTF file declares for its bytes (\ansicpg936: GBK, as Word and WPS write Chinese).
_RTF_CODE_PAGE = re.compile(rb"\\ansicpg(\d{3,5})")
_RTF_TEXT_PIPE = re.compile(rb"(?<!\\)\|")  # (not \|, RTF's formula character)
# A nested table's row properties, a group readers skip, end its row (\nestrow) inside: the row ends after the group.
_RTF_NESTED_ROW = re.compile(rb"\{\\\*\\nesttableprops(?:[^{}]|\{[^{}]*\})*\}")


def rtf_to_text(data: bytes, path: str) -> str:
    """An RTF document's text (striprtf): paragraphs a line each, a table's cells parted by pipes,
    which the tables are read from as a pipe table is. Its bytes in the code page it declares."""
    from striprtf.striprtf import rtf_to_text as strip_rtf

    declared = _RTF_CODE_PAGE.search(data[:4096])
    encoding = "gb18030" if declared is None or declared.group(1) == b"936" else f"cp{declared.group(1).decode()}"
    try:
        codecs.lookup(encoding)
    except LookupError:
        encoding = "gb18030"
    if b"|" in data:  # a | of the text (a table's rule OCR read: |9 for 19) would part cells: 丨, read as the 1 it may be
        data = _RTF_TEXT_PIPE.sub(rb"\\u20008?", data)
    if b"\\nesttableprops" in data:  # (a table in a table's cell, as Word nests them)
        data = _RTF_NESTED_ROW.sub(lambda m: m[0] + b"\\row ", data)
    try:
        return strip_rtf(data.decode(encoding, errors="replace"), encoding=encoding, errors="replace")
    except Exception as e:  # striprtf raises what its parsing meets; the reason names the file only
        raise errors.NotText(path, f"not a readable RTF document ({type(e).__name__})") from e


# --- OpenDocument (.odt, as WPS and LibreOffice save) -------------------------------

_ODF_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_ODF_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_ODF_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_ODF_DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
_XLINK = "{http://www.w3.org/1999/xlink}"
_ODF_ROW_GROUPS = {f"{_ODF_TABLE}{name}" for name in ("table-header-rows", "table-rows", "table-row-group")}
_ODF_REPEAT_MAX = 64  # a cell repeated more often is the empty rest of a row (LibreOffice writes 1,000s)


def odt_to_text(data: bytes, path: str) -> str:
    """An OpenDocument text's paragraphs and tables in body order, as a Word document's are read:
    merged cells expanded (``table_grid``), a cell's lines kept for ``unstacked``."""
    import zipfile

    from lxml import etree

    objects: dict[str, bytes] = {}
    if not data.startswith(b"PK"):  # a flat OpenDocument text (.fodt): the whole document one XML file
        try:
            root = _odf_root(data)
        except etree.XMLSyntaxError as e:
            raise errors.NotText(path, "not a readable flat OpenDocument file (its XML is damaged or nests its "
                                       "elements too deep)") from e
        return _odt_body_text(root, objects, path)
    check_unpacked(data, path, "OpenDocument file")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "META-INF/manifest.xml" in names and b"encryption-data" in archive.read("META-INF/manifest.xml"):
                raise errors.EncryptedDocument(path, "an OpenDocument text")
            if "content.xml" not in names:
                raise errors.NotText(path, "not a readable OpenDocument file (it has no content.xml)")
            content = archive.read("content.xml")
            # Objects embedded in the text (a spreadsheet pasted as an object: Object 1/content.xml).
            objects = {name.removesuffix("/content.xml"): archive.read(name) for name in sorted(names)
                       if name.endswith("/content.xml") and name.count("/") == 1}
        root = _odf_root(content)
    except errors.ReportError:
        raise
    except etree.XMLSyntaxError as e:
        raise errors.NotText(path, "not a readable OpenDocument file (its content.xml is damaged or nests its "
                                   "elements too deep)") from e
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, zlib.error) as e:
        raise errors.NotText(path, f"not a readable OpenDocument file ({type(e).__name__})") from e
    return _odt_body_text(root, objects, path)


# What libxml2 says of entities declared to blow up (billion laughs) or to refer to themselves.
_ENTITY_BOMB = re.compile(r"amplification|entity reference loop|detected an entity", re.IGNORECASE)


def _odf_root(data: bytes):
    """An OpenDocument part's root, never expanding entities: a part whose DTD (which ODF never uses) declares
    entities to blow up is read with its references left out, the rest of it as written; a damaged part raises."""
    from lxml import etree

    try:
        return etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as e:
        if not _ENTITY_BOMB.search(str(e)):
            raise
    return etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, recover=True))


def _odt_body_text(root, objects: dict[str, bytes], path: str) -> str:
    body = root.find(f"{_ODF_OFFICE}body/{_ODF_OFFICE}text")
    if body is None:
        raise errors.NotText(path, "not a readable OpenDocument file (no text body)")
    _check_depth(body, path, "OpenDocument XML")
    lines: list[str] = []
    odf_blocks(body, lines, lambda href: _odf_object_lines(objects.get(href.removeprefix("./")), path))
    return "\n".join(lines)


def _odf_object_lines(content: bytes | None, path: str) -> list[str]:
    """The lines of an object embedded in an OpenDocument text, as Writer shows it: a spreadsheet's (or
    a text's) tables and paragraphs; none for an object of another kind or one that cannot be read."""
    from lxml import etree

    if content is None:
        return []
    try:
        root = etree.fromstring(content, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return []
    body = root.find(f"{_ODF_OFFICE}body")
    found = next((part for part in body.iterchildren() if part.tag in (f"{_ODF_OFFICE}spreadsheet",
                                                                        f"{_ODF_OFFICE}text")), None) \
        if body is not None else None
    if found is None:
        return []
    _check_depth(found, path, "OpenDocument XML")
    lines: list[str] = []
    odf_blocks(found, lines)  # an object's own objects are not read
    return lines


def odf_blocks(parent, lines: list[str], embedded: Callable[[str], list[str]] | None = None) -> None:
    """Paragraphs and tables in order; an embedded object's lines (``embedded`` of its href) after
    the paragraph it is anchored in."""
    for child in parent.iterchildren():
        if child.tag in (f"{_ODF_TEXT}p", f"{_ODF_TEXT}h"):
            lines.extend(_odf_text(child).split("\n"))
            if embedded is not None:
                for item in child.iter(f"{_ODF_DRAW}object"):
                    lines.extend(embedded(item.get(f"{_XLINK}href", "")))
        elif child.tag == f"{_ODF_TABLE}table":
            rows = [[(_odf_cell_text(cell), _odf_span(cell, "rows"), _odf_span(cell, "columns"))
                     for cell in _odf_cells(row)] for row in _odf_rows(child)]
            lines.extend("\t".join(cells) for row in table_grid(rows) for cells in unstacked(row))
        elif isinstance(child.tag, str) and not child.tag.startswith(_ODF_OFFICE):  # lists, sections, frames
            odf_blocks(child, lines, embedded)


def _odf_rows(table):
    for child in table.iterchildren():
        if child.tag == f"{_ODF_TABLE}table-row":
            yield child
        elif child.tag in _ODF_ROW_GROUPS:
            yield from _odf_rows(child)


def _odf_cells(row):
    """A row's own cells, each as often as it repeats; the positions a merged cell covers
    (table:covered-table-cell) are left to ``table_grid``."""
    for cell in row.iterchildren(f"{_ODF_TABLE}table-cell"):
        repeat = cell.get(f"{_ODF_TABLE}number-columns-repeated", "1")
        yield from [cell] * min(int(repeat) if repeat.isdecimal() else 1, _ODF_REPEAT_MAX)


def _odf_span(cell, what: str) -> int:
    value = cell.get(f"{_ODF_TABLE}number-{what}-spanned", "1")
    return max(1, min(int(value), 200)) if value.isdecimal() else 1


def _odf_cell_text(cell) -> str:
    lines = [line for p in cell.iter(f"{_ODF_TEXT}p", f"{_ODF_TEXT}h") for line in _odf_text(p).split("\n")]
    return "\n".join(_SPACES.sub(" ", line).strip() for line in lines if line.strip())


def _odf_text(paragraph) -> str:
    """A paragraph's text: spans, runs of spaces (text:s), tabs and line breaks; notes left out."""
    pieces = [paragraph.text or ""]
    for child in paragraph.iterchildren():
        if child.tag == f"{_ODF_TEXT}s":
            count = child.get(f"{_ODF_TEXT}c", "1")
            pieces.append(" " * min(int(count) if count.isdecimal() else 1, 100))
        elif child.tag == f"{_ODF_TEXT}tab":
            pieces.append("\t")
        elif child.tag == f"{_ODF_TEXT}line-break":
            pieces.append("\n")
        elif child.tag not in (f"{_ODF_TEXT}note", f"{_ODF_TEXT}tracked-changes") and isinstance(child.tag, str):
            pieces.append(_odf_text(child))
        pieces.append(child.tail or "")
    return "".join(pieces)
