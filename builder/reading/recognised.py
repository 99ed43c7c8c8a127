"""Table-recognition services' results, as a scan's report is often kept: Baidu's 表格文字识别 (tables_result: cells
with row_start/row_end/col_start/col_end and their words, the page's paragraphs beside), Tencent's 表格识别
(TableDetections: Cells with RowTl/RowBr/ColTl/ColBr and Text, the prose as one-column tables), Alibaba's 读光
(prism_tablesInfo: cellInfos with ysc/yec/xsc/xec, inclusive, and prism_paragraphInfo) and PaddleOCR's PP-Structure
(a page's layout, its tables as HTML). Each table is put in the shared table format (a row a line, cells parted by
tabs, a spanned cell's places empty) and the paragraphs kept as lines, each table after its section's heading
where the result keeps them apart. Read as an article API's JSON, no report's sections were found in one string, and
the report was lost."""

from __future__ import annotations

import re

# A cell's first and last rows and columns, under the names each service gives them (end exclusive, or inclusive
# where a cell of one row ends where it starts), and its text.
_SPAN_KEYS = (("row_start", "row_end", "col_start", "col_end"), ("RowTl", "RowBr", "ColTl", "ColBr"),
              ("ysc", "yec", "xsc", "xec"), ("start_row", "end_row", "start_col", "end_col"))
_TEXT_KEYS = ("words", "Text", "word", "text", "content")
_PROSE_KEYS = frozenset({"paragraphs", "word", "words", "text", "Text"})
_PLACE_KEYS = frozenset({"location", "Polygon", "polygon", "pos", "boundingBox", "bounding_box", "ItemPolygon"})
_CELLS_MIN = 4  # cells of a table, at least
_MAX_PLACES = 10_000  # rows times columns of one table, at most (a hostile span is none)
_SECTIONS = (("t2", re.compile(r"^\s*二\s*、\s*主动公开")), ("t3", re.compile(r"^\s*三\s*、\s*收到和处理")),
             ("t4", re.compile(r"^\s*四\s*、\s*政府信息公开(?:的)?行政复")))
_TABLE_WORDS = (("t4", ("结果维持", "尚未审结", "复议后起诉", "直接起诉")), ("t3", ("申请人情况", "自然人", "本年新收")),
                ("t2", ("信息内容", "第二十条", "处理决定", "本年制发", "规范性文件")))


def recognised_text(records: list) -> str | None:
    """The text of a table-recognition result (see the module's docstring), or None for any other JSON."""
    blocks: list[tuple[str, str]] = []  # ("text" | "table" | "html" | "placed", its lines)
    _walk(records, "", blocks)
    if not any(kind in ("table", "html") for kind, _ in blocks) or (
            not any(kind == "html" for kind, _ in blocks) and any(kind == "placed" for kind, _ in blocks)):
        return None  # (no table; or words placed on the page beside the cells: the OCR reader lays them out)
    blocks = [("table" if kind == "html" else kind, text) for kind, text in blocks if kind != "placed"]
    texts = [text for kind, text in blocks if kind == "text"]
    tables = [text for kind, text in blocks if kind == "table"]
    kinds = "".join("a" if kind == "table" else "x" for kind, _ in blocks)
    if not texts or not (re.fullmatch(r"a+x+", kinds) or re.fullmatch(r"x+a+", kinds)):
        return "\n".join(text for _, text in blocks)  # (tables among the paragraphs, in the page's order)
    return after_headings(texts, tables)


def after_headings(texts: list[str], tables: list[str]) -> str:
    """The paragraphs' lines with each table after its section's heading (told by its words: a table of no known
    section after the last placed, else at the end), a part of one after the part before it."""
    out = list(texts)
    at = len(out)
    for table in tables:
        kind = next((kind for kind, words in _TABLE_WORDS if any(word in table for word in words)), None)
        heading = next((k for k, line in enumerate(out) for section, pattern in _SECTIONS
                        if section == kind and pattern.match(line)), None)
        at = heading + 1 if heading is not None else at if kind is None and at < len(out) else len(out)
        while heading is not None and at < len(out) and out[at] in tables:
            at += 1  # (after the section's tables placed before it)
        out.insert(at, table)
        at += 1
    return "\n".join(out)


def _walk(node, key: str, blocks: list[tuple[str, str]], placed: bool = False) -> None:
    """The result's tables and texts in its order; a text in an object that gives its place on the page (location,
    Polygon) is a placed word, a paragraph's text (PP-Structure's) beside its tables no such word."""
    if isinstance(node, dict):
        markup = node.get("html")
        if isinstance(markup, str) and "<table" in markup:
            blocks.append(("html", _html_table(markup)))
            return
        placed = placed or any(node.get(name) for name in _PLACE_KEYS)
        for name, value in node.items():
            if isinstance(value, list) and len(value) >= _CELLS_MIN and all(isinstance(c, dict) for c in value) \
                    and (spans := _span_keys(value[0])) is not None:
                blocks.append(("table", _grid(value, spans)))
                if any(cell.get(spans[0], 0) < 0 and any(cell.get(k) for k in _PLACE_KEYS) for cell in value):
                    blocks.append(("placed", ""))  # (the page's lines among the cells, placed: Tencent's Type 0)
            elif name not in ("content",):  # (Alibaba's whole text again, its tables run into lines)
                _walk(value, name, blocks, placed)
    elif isinstance(node, list):
        for value in node:
            _walk(value, key, blocks, placed)
    elif isinstance(node, str) and key in _PROSE_KEYS and node.strip():
        blocks.append(("placed" if placed else "text", node.strip()))


def _span_keys(cell: dict) -> tuple[str, str, str, str] | None:
    return next((keys for keys in _SPAN_KEYS if all(isinstance(cell.get(k), int) for k in keys)), None)


def _cell_text(cell: dict) -> str:
    return " ".join(str(next((cell[k] for k in _TEXT_KEYS if isinstance(cell.get(k), str)), "")).split())


def _grid(cells: list[dict], keys: tuple[str, str, str, str]) -> str:
    """A table of positioned cells as rows of tab-parted cells, a spanned cell's text at its first place."""
    r0, r1, c0, c1 = keys
    placed = [cell for cell in cells if _span_keys(cell) == keys]
    inclusive = any(cell[r1] == cell[r0] or cell[c1] == cell[c0] for cell in placed)
    rows = max(cell[r1] for cell in placed) + inclusive
    columns = max(cell[c1] for cell in placed) + inclusive
    if rows <= 0 or columns <= 0 or rows * columns > _MAX_PLACES:
        return ""
    grid = [[""] * columns for _ in range(rows)]
    for cell in placed:
        if 0 <= cell[r0] < rows and 0 <= cell[c0] < columns:
            grid[cell[r0]][cell[c0]] = _cell_text(cell)
    return "\n".join("\t".join(row) for row in grid)


def _html_table(markup: str) -> str:
    from .markup import html_to_text

    return html_to_text(markup if "<html" in markup else f"<html><body>{markup}</body></html>")

