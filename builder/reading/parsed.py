"""Reports as the JSON of document-parsing pipelines: Unstructured's elements, Docling's DoclingDocument, LlamaParse's
and Mistral OCR's pages of Markdown, Marker's blocks of HTML, MinerU's content list and middle file, Google Document
AI's layout parser, Adobe PDF Extract's elements, pandoc's JSON. Each gives the document's text in reading order and its
tables as HTML, Markdown or cells by row and column; read as a page's or a Markdown file's text. Read as other JSON,
only the longest string was the report's: one page of it, or its title without the body."""

from __future__ import annotations

import re
from html import escape

_MARKDOWN_KEYS = ("markdown", "md")  # a page's Markdown (Mistral OCR's, LlamaParse's)
# Unstructured's element types that are a page's furniture, no part of the report's text.
_FURNITURE_ELEMENTS = frozenset({"Header", "Footer", "PageNumber", "PageBreak"})
_HEADING_ELEMENTS = frozenset({"Title", "SectionHeader"})
_MARKER_FURNITURE = frozenset({"PageHeader", "PageFooter"})
_DOCLING_HEADINGS = frozenset({"title", "section_header"})
_DOCLING_FURNITURE = frozenset({"page_header", "page_footer"})
_BLOCKS_MAX = 200_000  # blocks walked at most (a tool's output is a page's few hundred)


def parsed_text(records: list, path: str) -> str | None:
    """The report a document parser's JSON gives, as text; None for any other JSON."""
    from .markup import html_to_text, markdown_to_text

    if len(records) == 1 and isinstance(document := records[0], dict):
        if (pages := _markdown_pages(document)) is not None:
            return markdown_to_text(pages)
        if isinstance(document.get("body"), dict) and isinstance(document.get("texts"), list):
            return html_to_text(_docling_html(document), path)
        if "block_type" in document and isinstance(document.get("children"), list):
            return html_to_text("\n".join(_marker_blocks(document)), path)
        if isinstance(document.get("blocks"), list) and "pandoc-api-version" in document:
            return html_to_text("\n".join(_pandoc_blocks(document["blocks"], 0)), path)
        if isinstance(elements := document.get("elements"), list) and any(
                isinstance(e, dict) and isinstance(e.get("Path"), str) for e in elements[:50]):
            return html_to_text("\n".join(_extract_elements(elements)), path)
        if isinstance(pages := document.get("pdf_info"), list):
            return html_to_text("\n".join(_mineru_pages(pages)), path)
        layout = (document.get("document") if isinstance(document.get("document"), dict) else document).get(
            "documentLayout")
        if isinstance(layout, dict) and isinstance(layout.get("blocks"), list):
            return html_to_text("\n".join(_layout_blocks(layout["blocks"], 0)), path)
    if records and all(isinstance(r, dict) and isinstance(r.get("type"), str) and "element_id" in r
                       for r in records[:_BLOCKS_MAX]):
        return html_to_text("\n".join(_element_html(r) for r in records[:_BLOCKS_MAX]), path)
    if records and all(isinstance(r, dict) and isinstance(r.get("type"), str) and "page_idx" in r
                       for r in records[:_BLOCKS_MAX]):
        return html_to_text("\n".join(_content_html(r) for r in records[:_BLOCKS_MAX]), path)
    return None


def _markdown_pages(document: dict) -> str | None:
    """Mistral OCR's or LlamaParse's pages, each one Markdown string, joined."""
    pages = document.get("pages")
    if not isinstance(pages, list) or not pages or not all(isinstance(page, dict) for page in pages):
        return None
    texts = [next((page[key] for key in _MARKDOWN_KEYS if isinstance(page.get(key), str)), None) for page in pages]
    return None if None in texts else "\n\n".join(texts)


def _element_html(element: dict) -> str:
    """An Unstructured element as markup: a table its HTML (or its text), a heading a heading, text a paragraph."""
    kind, text = element["type"], element.get("text") if isinstance(element.get("text"), str) else ""
    metadata = element.get("metadata") if isinstance(element.get("metadata"), dict) else {}
    if kind in _FURNITURE_ELEMENTS:
        return ""
    if kind == "Table" and isinstance(table := metadata.get("text_as_html"), str):
        return table
    return f"<h2>{escape(text)}</h2>" if kind in _HEADING_ELEMENTS else f"<p>{escape(text)}</p>"


def _content_html(item: dict) -> str:
    """A MinerU content list's item as markup: a table its HTML, text a heading (by its level) or a paragraph."""
    if item["type"] == "table":
        captions = item.get("table_caption") if isinstance(item.get("table_caption"), list) else []
        body = item.get("table_body") if isinstance(item.get("table_body"), str) else ""
        return "".join(f"<p>{escape(c)}</p>" for c in captions if isinstance(c, str)) + body
    text = item.get("text") if isinstance(item.get("text"), str) else ""
    if item["type"] not in ("text", "equation", "list"):
        return ""  # (an image: its picture's path, no text)
    return f"<h2>{escape(text)}</h2>" if item.get("text_level") not in (None, "", 0, "0") else f"<p>{escape(text)}</p>"


def _mineru_pages(pages: list) -> list[str]:
    """MinerU's middle file: each page's paragraph blocks in order (its discarded blocks, headers and page numbers,
    left out), a block's lines' spans joined, a table its span's HTML."""
    out: list[str] = []
    for page in pages[:_BLOCKS_MAX]:
        blocks = page.get("para_blocks") if isinstance(page, dict) else None
        for block in blocks if isinstance(blocks, list) else []:
            if isinstance(block, dict):
                out += _mineru_block(block, 0)
    return out


def _mineru_block(block: dict, depth: int) -> list[str]:
    spans = [span for line in block.get("lines") or [] if isinstance(line, dict)
             for span in line.get("spans") or [] if isinstance(span, dict)]
    tables = [span["html"] for span in spans if isinstance(span.get("html"), str)]
    text = "".join(span["content"] for span in spans if isinstance(span.get("content"), str))
    heading = block.get("type") == "title"
    out = tables or ([f"<h2>{escape(text)}</h2>" if heading else f"<p>{escape(text)}</p>"] if text else [])
    for inner in block.get("blocks") or [] if depth < 50 else []:  # (a table's body and caption blocks)
        if isinstance(inner, dict):
            out += _mineru_block(inner, depth + 1)
    return out


def _layout_blocks(blocks: list, depth: int) -> list[str]:
    """Document AI layout parser's blocks in order: a text block a heading (heading-1 …) or a paragraph, then its own
    blocks; a table block's header and body rows as a table; a list's entries."""
    out: list[str] = []
    for block in blocks[:_BLOCKS_MAX] if depth < 50 else []:
        if not isinstance(block, dict):
            continue
        if isinstance(text_block := block.get("textBlock"), dict):
            text = text_block.get("text") if isinstance(text_block.get("text"), str) else ""
            heading = str(text_block.get("type", "")).startswith("heading")
            out.append(f"<h2>{escape(text)}</h2>" if heading else f"<p>{escape(text)}</p>")
            out += _layout_blocks(text_block.get("blocks") or [], depth + 1)
        elif isinstance(table := block.get("tableBlock"), dict):
            rows = [row for key in ("headerRows", "bodyRows") for row in table.get(key) or [] if isinstance(row, dict)]
            out.append("<table>" + "".join("<tr>" + "".join(_layout_cell(cell, depth) for cell in row.get("cells") or []
                                                            if isinstance(cell, dict)) + "</tr>" for row in rows) + "</table>")
        elif isinstance(listed := block.get("listBlock"), dict):
            for entry in listed.get("listEntries") or []:
                if isinstance(entry, dict):
                    out += _layout_blocks(entry.get("blocks") or [], depth + 1)
    return out


def _layout_cell(cell: dict, depth: int) -> str:
    text = " ".join(re.sub(r"<[^>]*>", "", html) for html in _layout_blocks(cell.get("blocks") or [], depth + 1))
    spans = [cell.get(key) if isinstance(cell.get(key), int) and not isinstance(cell.get(key), bool) else 1
             for key in ("rowSpan", "colSpan")]
    return f'<td rowspan="{min(max(spans[0], 1), 1000)}" colspan="{min(max(spans[1], 1), 1000)}">{text}</td>'


# An Adobe Extract element's place: its table (//Document/Table[2]), row (TR[3]) and cell (TD[2] or TH), or a heading.
_EXTRACT_CELL = re.compile(r"^//Document/(?P<table>(?:[A-Za-z]+(?:\[\d+\])?/)*?Table(?:\[\d+\])?)/TR(?:\[(?P<row>\d+)\])?/"
                           r"(?:TD|TH)(?:\[(?P<column>\d+)\])?(?:/|$)")
_EXTRACT_HEADING = re.compile(r"/(?:H\d|Title)(?:\[\d+\])?$")


def _extract_elements(elements: list) -> list[str]:
    """Adobe PDF Extract's elements in order: text a paragraph (a heading by its path), a table's cells (each an element
    of its own, by their TR and TD numbers) gathered into the table where its first element stands; a cell no element
    names is blank."""
    out: list[object] = []
    tables: dict[str, dict[int, dict[int, list[str]]]] = {}
    for element in elements[:_BLOCKS_MAX]:
        if not isinstance(element, dict) or not isinstance(path := element.get("Path"), str):
            continue
        text = element.get("Text") if isinstance(element.get("Text"), str) else ""
        if (cell := _EXTRACT_CELL.match(path)) is not None:
            if cell["table"] not in tables:
                tables[cell["table"]] = {}
                out.append(tables[cell["table"]])
            row = tables[cell["table"]].setdefault(int(cell["row"] or 1), {})
            row.setdefault(int(cell["column"] or 1), []).append(text.strip())
        elif path.rsplit("/", 1)[-1].startswith("Table"):
            if path[len("//Document/"):] not in tables:
                tables[path[len("//Document/"):]] = {}
                out.append(tables[path[len("//Document/"):]])
        elif text.strip():
            out.append(f"<h2>{escape(text)}</h2>" if _EXTRACT_HEADING.search(path) else f"<p>{escape(text)}</p>")
    return [item if isinstance(item, str) else _rows_table(item) for item in out]


def _rows_table(rows: dict[int, dict[int, list[str]]]) -> str:
    width = max((max(row) for row in rows.values() if row), default=0)
    return "<table>" + "".join("<tr>" + "".join(f"<td>{escape(' '.join(rows[r].get(c, [])))}</td>"
                                                 for c in range(1, width + 1)) + "</tr>" for r in sorted(rows)) + "</table>"


def _pandoc_inlines(inlines: object, depth: int) -> str:
    """pandoc's inline elements as text: strings, spaces, and the text inside emphasis, spans, links and quotes."""
    if not isinstance(inlines, list) or depth > 50:
        return ""
    out = []
    for inline in inlines:
        kind, content = (inline.get("t"), inline.get("c")) if isinstance(inline, dict) else (None, None)
        if kind == "Str" and isinstance(content, str):
            out.append(content)
        elif kind in ("Space", "SoftBreak", "LineBreak"):
            out.append(" ")
        elif kind in ("Code", "Math") and isinstance(content, list) and content and isinstance(content[-1], str):
            out.append(content[-1])
        elif isinstance(content, list):  # (Strong, Emph, Span [attr, inlines], Link [attr, inlines, target], Quoted …)
            out.append(_pandoc_inlines(next((c for c in content if isinstance(c, list) and (
                not c or isinstance(c[0], dict))), content), depth + 1))
    return "".join(out)


def _pandoc_blocks(blocks: object, depth: int) -> list[str]:
    """pandoc's JSON blocks as markup: headers, paragraphs, lists' and divisions' blocks, tables (pandoc 2.10's
    layout: head, bodies and foot of rows of cells, each cell its row and column spans and blocks)."""
    if not isinstance(blocks, list) or depth > 50:
        return []
    out: list[str] = []
    for block in blocks[:_BLOCKS_MAX]:
        kind, content = (block.get("t"), block.get("c")) if isinstance(block, dict) else (None, None)
        if kind == "Header" and isinstance(content, list) and len(content) == 3:
            out.append(f"<h2>{escape(_pandoc_inlines(content[2], depth))}</h2>")
        elif kind in ("Para", "Plain"):
            out.append(f"<p>{escape(_pandoc_inlines(content, depth))}</p>")
        elif kind in ("BulletList", "OrderedList") and isinstance(content, list):
            for item in content[-1] if isinstance(content[-1], list) else []:
                out += _pandoc_blocks(item, depth + 1)
        elif kind in ("Div", "BlockQuote") and isinstance(content, list):
            out += _pandoc_blocks(content[-1] if kind == "Div" else content, depth + 1)
        elif kind == "Table" and isinstance(content, list) and len(content) == 6:
            out.append(_pandoc_table(content, depth))
    return out


def _pandoc_table(content: list, depth: int) -> str:
    _, _, _, head, bodies, foot = content
    rows = [*(head[1] if isinstance(head, list) and len(head) == 2 else []),
            *(row for body in bodies if isinstance(body, list) and len(body) == 4 for part in body[2:4] for row in part),
            *(foot[1] if isinstance(foot, list) and len(foot) == 2 else [])]
    html = []
    for row in rows:
        cells = row[1] if isinstance(row, list) and len(row) == 2 and isinstance(row[1], list) else []
        tds = []
        for cell in cells:
            if not (isinstance(cell, list) and len(cell) == 5):
                continue
            spans = [min(max(s, 1), 1000) if isinstance(s, int) and not isinstance(s, bool) else 1 for s in cell[2:4]]
            text = " ".join(re.sub(r"<[^>]*>", "", html) for html in _pandoc_blocks(cell[4], depth + 1))
            tds.append(f'<td rowspan="{spans[0]}" colspan="{spans[1]}">{text}</td>')
        html.append(f"<tr>{''.join(tds)}</tr>")
    return f"<table>{''.join(html)}</table>"


def _marker_blocks(block: dict, depth: int = 0) -> list[str]:
    """Marker's leaf blocks' HTML in order (a page's own HTML only refers to its blocks: <content-ref>)."""
    children = block.get("children")
    if block.get("block_type") in _MARKER_FURNITURE or depth > 50:
        return []
    if isinstance(children, list) and children:
        return [html for child in children[:_BLOCKS_MAX] if isinstance(child, dict)
                for html in _marker_blocks(child, depth + 1)]
    return [block["html"]] if isinstance(block.get("html"), str) else []


def _docling_html(document: dict) -> str:
    """A DoclingDocument's body in its reading order (body.children's references, groups' children in turn) as
    markup: texts as headings and paragraphs, tables from their cells."""
    out: list[str] = []
    seen: set[str] = set()

    def node(ref: str) -> dict | None:
        parts = ref.lstrip("#/").split("/")
        if len(parts) != 2 or not parts[1].isdecimal():
            return None
        items = document.get(parts[0])
        index = int(parts[1])
        return items[index] if isinstance(items, list) and index < len(items) and isinstance(items[index], dict) else None

    def walk(children: object, depth: int) -> None:
        if not isinstance(children, list) or depth > 50:
            return
        for child in children:
            ref = child.get("$ref") if isinstance(child, dict) else None
            if not isinstance(ref, str) or ref in seen or len(seen) >= _BLOCKS_MAX or (item := node(ref)) is None:
                continue
            seen.add(ref)  # (a reference cycle is walked once)
            if ref.startswith("#/texts/"):
                label, text = item.get("label"), item.get("text") if isinstance(item.get("text"), str) else ""
                if label not in _DOCLING_FURNITURE:
                    out.append(f"<h2>{escape(text)}</h2>" if label in _DOCLING_HEADINGS else f"<p>{escape(text)}</p>")
            elif ref.startswith("#/tables/"):
                out.append(_docling_table(item.get("data")))
            walk(item.get("children"), depth + 1)

    walk(document["body"].get("children"), 0)
    return "\n".join(out)


def _docling_table(data: object) -> str:
    """A Docling table's cells (their row and column offsets, spans by their ends) as an HTML table."""
    cells = data.get("table_cells") if isinstance(data, dict) else None
    if not isinstance(cells, list):
        return ""
    placed: dict[tuple[int, int], dict] = {}
    for cell in cells[:_BLOCKS_MAX]:
        try:
            placed.setdefault((int(cell["start_row_offset_idx"]), int(cell["start_col_offset_idx"])), cell)
        except (KeyError, TypeError, ValueError):
            continue
    rows = []
    for row in sorted({r for r, _ in placed}):
        tds = []
        for column in sorted(c for r, c in placed if r == row):
            cell = placed[(row, column)]
            span = (_span(cell.get("end_row_offset_idx"), row), _span(cell.get("end_col_offset_idx"), column))
            text = cell.get("text") if isinstance(cell.get("text"), str) else ""
            tds.append(f'<td rowspan="{span[0]}" colspan="{span[1]}">{escape(text)}</td>')
        rows.append(f"<tr>{''.join(tds)}</tr>")
    return f"<table>{''.join(rows)}</table>"


def _span(end: object, start: int) -> int:
    """Rows or columns a cell spans, from its end offset (one where it gives none, or none that makes sense)."""
    return min(max(end - start, 1), _BLOCKS_MAX) if isinstance(end, int) and not isinstance(end, bool) else 1
