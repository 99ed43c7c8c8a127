"""Reports as the JSON of document-parsing pipelines: Unstructured's elements, Docling's DoclingDocument, LlamaParse's
and Mistral OCR's pages of Markdown, Marker's blocks of HTML, MinerU's content list and middle file, Google Document
AI's layout parser. Each gives the document's text in reading order and its
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
