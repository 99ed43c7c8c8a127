"""OFD (版式文档, GB/T 33190): the layout format Chinese government sites publish beside PDF, or instead
of it. A ZIP of XML parts: OFD.xml names each document's Document.xml, which lists its pages (and the
template pages their headers and footers are drawn on); a page's Content.xml places text objects
(TextObject: a Boundary, a Size, maybe a CTM; TextCode runs with X, Y and DeltaX steps), every character
at its place, in millimetres from the page's top left. Where the page's path objects (PathObject) rule a table,
its rows are read by its grid and the other characters as positioned words are (``ruled``)."""

from __future__ import annotations

import io
import math
import posixpath
import re
import zipfile
from statistics import median

from .. import errors
from .positioned import Placed
from .ruled import package_part, part_location, rule_edge, ruled_pages_text

_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_PILED = 0.1  # of a run's size: a usual step across below this piles its characters on one another
_TURNED = 0.05  # a CTM turning text aslant (neither part of its turn below sin 3°) sets it off the page's lines


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(element, name: str) -> list:
    """Descendants of ``element`` named ``name`` in whatever namespace (producers differ: ofd:, none)."""
    return [e for e in element.iter() if _local(e.tag) == name]


def _numbers(text: str | None) -> list[float]:
    return [float(n) for n in _NUMBER.findall(text or "")]


def _steps(text: str | None) -> list[float]:
    """DeltaX or DeltaY: the steps between a run's characters, ``g N d`` standing for N steps of d."""
    tokens, out, k = (text or "").split(), [], 0
    while k < len(tokens):
        if tokens[k] == "g" and k + 2 < len(tokens):
            count, step = _numbers(tokens[k + 1]), _numbers(tokens[k + 2])
            out += step * min(int(count[0]), 10_000) if count and step else []
            k += 3
            continue
        out += _numbers(tokens[k])
        k += 1
    return out


def _parse(archive: zipfile.ZipFile, name: str, path: str):
    return package_part(archive, name, path, "an OFD document")


def _text_words(content, page: int) -> list[Placed]:
    """Every visible character of a page's (or template's) text objects, boxed where it is drawn."""
    words = []
    for obj in _children(content, "TextObject"):
        if obj.get("Visible", "true").lower() == "false":
            continue
        fill = next(iter(_children(obj, "FillColor")), None)
        if any((alpha := _numbers(holder.get("Alpha"))) and alpha[0] == 0 for holder in (obj, fill) if holder is not None):
            continue  # drawn fully transparent: a layer no reader sees
        box = _numbers(obj.get("Boundary"))
        size = (_numbers(obj.get("Size")) or [3.5])[0]
        a, b, c, d, e, f = ctm if len(ctm := _numbers(obj.get("CTM"))) == 6 else (1, 0, 0, 1, 0, 0)
        if len(box) < 2 or size <= 0 or min(abs(a), abs(b)) > _TURNED:
            continue  # (turned aslant: a watermark across the page, its characters on no line of the text)
        width_scale, height_scale = math.hypot(a, b) or 1.0, math.hypot(c, d) or 1.0
        x = y = 0.0
        for code in _children(obj, "TextCode"):
            text = code.text or ""
            x = (_numbers(code.get("X")) or [x])[0]
            y = (_numbers(code.get("Y")) or [y])[0]
            across, down = _steps(code.get("DeltaX")), _steps(code.get("DeltaY"))
            if across and not down and median(across) < _PILED * size:
                continue  # (characters drawn on one another: no text a reader sees, however long)
            for k, char in enumerate(text):
                step = across[k] if k < len(across) else (across[-1] if across else size)
                px, py = a * x + c * y + e + box[0], b * x + d * y + f + box[1]
                if len(box) >= 4 and (px - box[0] > box[2] + size * width_scale
                                      or py - box[1] > box[3] + 2 * size * height_scale):
                    break  # (past the object's boundary, which clips it: nothing more of the run is drawn)
                if char.strip():
                    words.append(Placed(char, px, py - size * height_scale, px + max(step, size * 0.5) * width_scale,
                                        py, page))
                x += step if not down else 0.0
                y += down[k] if k < len(down) else 0.0
    return words


_OPERANDS = {"M": 2, "S": 2, "L": 2, "Q": 4, "B": 6, "A": 7}  # what each path operator takes (C, close, nothing)


def _path_segments(commands: str) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    """The straight segments a path's AbbreviatedData draws (M/S move, L line, C close; curves and arcs only move
    the pen), in the object's own space."""
    tokens = commands.split()
    start = pen = None
    segments = []
    k = 0
    while k < len(tokens) and len(segments) < 10_000:
        op, k = tokens[k], k + 1
        if op == "C":
            if pen is not None and start is not None:
                segments.append((pen, start))
            pen = start
            continue
        takes = _OPERANDS.get(op)
        if takes is None or k + takes > len(tokens):
            continue
        values = _numbers(" ".join(tokens[k:k + takes]))
        k += takes
        if len(values) != takes:
            continue
        point = (values[-2], values[-1])
        if op == "L" and pen is not None:
            segments.append((pen, point))
        if op in ("M", "S"):
            start = point
        pen = point
    return segments


def _rule_edges(content) -> list[dict]:
    """The straight level and upright segments of a page's path objects, as pdfplumber's edges: the rules of its
    tables, drawn as lines or as each cell's closed outline."""
    edges = []
    for obj in _children(content, "PathObject"):
        box = _numbers(obj.get("Boundary"))
        data = next(iter(_children(obj, "AbbreviatedData")), None)
        if obj.get("Visible", "true").lower() == "false" or len(box) < 2 or data is None:
            continue
        a, b, c, d, e, f = ctm if len(ctm := _numbers(obj.get("CTM"))) == 6 else (1, 0, 0, 1, 0, 0)
        for (u0, v0), (u1, v1) in _path_segments(data.text or ""):
            x0, y0 = a * u0 + c * v0 + e + box[0], b * u0 + d * v0 + f + box[1]
            x1, y1 = a * u1 + c * v1 + e + box[0], b * u1 + d * v1 + f + box[1]
            if (edge := rule_edge(x0, y0, x1, y1)) is not None:
                edges.append(edge)
    return edges


def ofd_text(data: bytes, path: str) -> str:
    """The text of an OFD package's documents, page by page; a package with none refused. A ruled table is read by
    its grid, unless its text reads tables 3 and 4 better (a grid that splits or merges the form's columns)."""
    from .markup import check_unpacked

    check_unpacked(data, path, "OFD document")
    pages: list[tuple[list[Placed], list[dict]]] = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = _parse(archive, "OFD.xml", path)
        for doc_root in _children(root, "DocRoot"):
            doc_name = part_location("", doc_root.text or "")
            document, base = _parse(archive, doc_name, path), posixpath.dirname(doc_name)
            templates = {t.get("ID"): part_location(base, t.get("BaseLoc", "")) for t in _children(document, "TemplatePage")}
            for page in _children(document, "Page"):
                if not page.get("BaseLoc"):
                    continue
                content = _parse(archive, part_location(base, page.get("BaseLoc", "")), path)
                words: list[Placed] = []
                edges: list[dict] = []
                for used in _children(content, "Template"):  # the header and footer drawn on this page
                    if (name := templates.get(used.get("TemplateID"))) is not None:
                        words += _text_words(_parse(archive, name, path), len(pages))
                words += _text_words(content, len(pages))
                edges += _rule_edges(content)
                pages.append((words, edges))
    if not pages:
        raise errors.NotText(path, "an OFD document with no pages")
    return ruled_pages_text(pages)
