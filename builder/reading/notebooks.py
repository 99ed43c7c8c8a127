"""Notebooks in which researchers digitise reports: Jupyter (.ipynb), Zeppelin (.zpln) and Observable's JSON exports.
Read as a reader sees the notebook: its text cells (Markdown) and what its code cells printed as results (a table
rendered as HTML, else as text), in order; the code itself, what it wrote to its streams (sums it checked) and its
errors are no part of the report."""

from __future__ import annotations

import re

_OBSERVABLE_MARKDOWN = re.compile(r"^\s*md\s*`(?P<text>.*)`\s*;?\s*$", re.DOTALL)
_OBSERVABLE_HTML = re.compile(r"^\s*html\s*`(?P<text>.*)`\s*;?\s*$", re.DOTALL)
_ZEPPELIN_MARKDOWN = re.compile(r"^\s*%(?:md|markdown)\b")
_CELLS_MAX = 20_000  # cells of one notebook read at most (empty ones aside)


def _joined(source) -> str:
    """A notebook field's text: a string, or a list of lines (nbformat keeps both)."""
    if isinstance(source, list):
        return "".join(str(piece) for piece in source)
    return source if isinstance(source, str) else ""


def _jupyter_parts(notebook: dict) -> list[tuple[str, str]]:
    parts: list[tuple[str, str]] = []
    for cell in notebook.get("cells", []):
        if len(parts) >= _CELLS_MAX:
            break
        if not isinstance(cell, dict) or not (cell.get("source") or cell.get("outputs")):
            continue  # (an empty cell, however many: none counts towards what is read)
        kind = cell.get("cell_type")
        if kind == "markdown":
            parts.append(("markdown", _joined(cell.get("source"))))
        elif kind == "raw":
            parts.append(("text", _joined(cell.get("source"))))
        elif kind == "code":
            for output in cell.get("outputs", []) or []:
                data = output.get("data") if isinstance(output, dict) else None
                if not isinstance(data, dict):
                    continue  # (a stream's or an error's text: the code's own, not a result it shows)
                if "text/html" in data:
                    parts.append(("html", _joined(data["text/html"])))
                elif "text/markdown" in data:
                    parts.append(("markdown", _joined(data["text/markdown"])))
                elif "text/plain" in data:
                    parts.append(("text", _joined(data["text/plain"])))
    return parts


def _zeppelin_parts(note: dict) -> list[tuple[str, str]]:
    parts: list[tuple[str, str]] = []
    for paragraph in note.get("paragraphs", [])[:_CELLS_MAX]:
        if not isinstance(paragraph, dict):
            continue
        results = paragraph.get("results") if isinstance(paragraph.get("results"), dict) else {}
        messages = [m for m in results.get("msg", []) or [] if isinstance(m, dict)]
        if not messages and _ZEPPELIN_MARKDOWN.match(text := str(paragraph.get("text") or "")):
            parts.append(("markdown", _ZEPPELIN_MARKDOWN.sub("", text, count=1)))
        for message in messages:
            kind, data = str(message.get("type", "")).upper(), str(message.get("data") or "")
            parts.append(("html" if kind == "HTML" else "text", data))  # (TABLE: its rows tab-separated already)
    return parts


def _observable_parts(notebook: dict) -> list[tuple[str, str]]:
    parts: list[tuple[str, str]] = []
    for node in notebook.get("nodes", [])[:_CELLS_MAX]:
        value = str(node.get("value") or "") if isinstance(node, dict) else ""
        if m := _OBSERVABLE_MARKDOWN.match(value):
            parts.append(("markdown", m["text"]))
        elif m := _OBSERVABLE_HTML.match(value):
            parts.append(("html", m["text"]))
    return parts


def notebook_text(record: object, path: str) -> str | None:
    """A notebook's text, or None for JSON that is no notebook."""
    from .markup import html_to_text, markdown_to_text

    if not isinstance(record, dict):
        return None
    if isinstance(record.get("cells"), list) and "nbformat" in record:
        parts = _jupyter_parts(record)
    elif isinstance(record.get("paragraphs"), list) and all(isinstance(p, dict) and "text" in p
                                                            for p in record["paragraphs"][:20]):
        parts = _zeppelin_parts(record)
    elif isinstance(record.get("nodes"), list) and all(isinstance(n, dict) and "value" in n for n in record["nodes"][:20]):
        parts = _observable_parts(record)
    else:
        return None
    readers = {"markdown": markdown_to_text, "html": lambda html: html_to_text(html, path), "text": lambda text: text}
    return "\n".join(readers[kind](text) for kind, text in parts if text.strip())
