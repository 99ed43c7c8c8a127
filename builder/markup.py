"""Structured formats to text: HTML, Markdown and DOCX tables become grids.

Every table row becomes one tab-separated line. Cells covered by a rowspan or
colspan are empty strings at their grid positions, so values keep their
columns; the cell's own text sits at its top-left position.
"""

from __future__ import annotations

import io
import re

from . import errors

_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "br", "center", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
    "pre", "section", "table", "tbody", "td", "th", "thead", "tfoot", "title", "tr", "ul",
})
_DROP_TAGS = ("script", "style", "noscript", "template", "head", "iframe", "svg", "object", "button", "select")
_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0\u3000]+")


def _cell_text(element) -> str:
    return _SPACES.sub(" ", element.text_content()).strip()


def _span(element, name: str) -> int:
    try:
        return max(1, min(int(element.get(name, "1")), 200))
    except ValueError:
        return 1


def table_grid(rows: list[list[tuple[str, int, int]]]) -> list[list[str]]:
    """Expand (text, rowspan, colspan) cells into a grid; covered positions are ''."""
    grid: list[list[str | None]] = []
    for r, row in enumerate(rows):
        while len(grid) <= r:
            grid.append([])
        c = 0
        for text, rowspan, colspan in row:
            line = grid[r]
            while c < len(line) and line[c] is not None:
                c += 1
            for dr in range(rowspan):
                while len(grid) <= r + dr:
                    grid.append([])
                target = grid[r + dr]
                while len(target) < c + colspan:
                    target.append(None)
                for dc in range(colspan):
                    target[c + dc] = text if (dr == 0 and dc == 0) else ""
            c += colspan
    return [[cell or "" for cell in row] for row in grid]


def _html_table_lines(table) -> list[str]:
    rows = []
    for tr in table.iter("tr"):
        if tr.getparent() is not None and _owning_table(tr) is not table:
            continue
        rows.append([(_cell_text(td), _span(td, "rowspan"), _span(td, "colspan"))
                     for td in tr if isinstance(td.tag, str) and td.tag in ("td", "th")])
    return ["\t".join(row) for row in table_grid(rows)]


def _owning_table(element):
    parent = element.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent


def html_to_text(html: str) -> str:
    """Visible text of a web page: one line per block, tables as tab grids.

    Scripts, styles and comments are never text. A table that holds other
    tables is layout, not data: its cells are read as blocks."""
    import lxml.html
    from lxml import etree

    if not html.strip():
        return ""
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    for bad in root.xpath("//comment() | //processing-instruction()"):
        bad.drop_tree() if hasattr(bad, "drop_tree") else bad.getparent().remove(bad)
    for tag in _DROP_TAGS:
        for element in root.iter(tag):
            element.drop_tree()
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = _SPACES.sub(" ", "".join(current)).strip()
        if text:
            lines.append(text)
        current.clear()

    def walk(element) -> None:
        if not isinstance(element.tag, str):
            if element.tail:
                current.append(element.tail)
            return
        tag = element.tag.lower()
        if tag == "table" and not element.xpath(".//table"):
            flush()
            lines.extend(_html_table_lines(element))
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
    return "\n".join(lines)


def markdown_to_text(markdown: str) -> str:
    """Markdown to text lines; pipe tables read by markdown-it-py into tab grids."""
    from markdown_it import MarkdownIt

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
            row.append(token.content.strip())
        elif token.type == "tr_close" and row is not None:
            lines.append("\t".join(row))
            row = None
    if not consumed:
        return markdown
    out: list[str] = []
    table_lines = iter(lines)
    index = 0
    for start, end in consumed:
        out.extend(src[index:start])
        table_count = sum(1 for line in src[start:end] if line.strip() and not re.fullmatch(r"[\s|:-]+", line))
        out.extend(next(table_lines) for _ in range(table_count))
        index = end
    out.extend(src[index:])
    return "\n".join(out)


def docx_to_text(data: bytes, path: str) -> str:
    """Paragraphs and tables of a Word document in body order; merged cells expanded."""
    try:
        import docx
        from docx.oxml.ns import qn
    except ImportError as e:  # pragma: no cover - dependency is declared
        raise errors.NotText(path, "python-docx is not installed") from e
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as e:  # python-docx raises several unrelated types
        raise errors.NotText(path, f"not a readable Word document ({type(e).__name__})") from e
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    lines: list[str] = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            text = Paragraph(child, document).text.strip()
            if text:
                lines.append(text)
        elif child.tag == qn("w:tbl"):
            table = Table(child, document)
            seen: set[int] = set()  # a merged cell is repeated across rows and columns
            for row in table.rows:
                cells = []
                for cell in row.cells:
                    key = id(cell._tc)
                    text = _SPACES.sub(" ", cell.text).strip()
                    cells.append("" if key in seen else text)
                    seen.add(key)
                lines.append("\t".join(cells))
            lines.append("")
    return "\n".join(lines)
