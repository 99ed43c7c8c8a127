"""Presentations (PowerPoint .pptx, OpenDocument .odp): a report attached as slides, or told in them. The slides in
the order the presentation lists them (PowerPoint's sldIdLst, whatever the slide files' numbers), the hidden ones and
the speaker's notes left out; on a slide, its boxes top to bottom: a text box's paragraphs, a table's rows as
tab-separated lines (merged cells expanded, ``table_grid``), and boxes of one short line each (a grid of text boxes
drawn to look like a table) laid out by their places as a page's words are (``positioned``), a line for the boxes at
one height."""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass

from .. import errors
from .markup import table_grid, unstacked
from .positioned import Placed, placed_lines

_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_ODF_DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
_ODF_SVG = "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}"
_ODF_PRESENTATION = "{urn:oasis:names:tc:opendocument:xmlns:presentation:1.0}"
_ODF_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_CELL_CHARS = 40  # characters a box of one line holds at most to be laid out with its neighbours as a table's cell
_SLIDES_MAX = 2_000  # slides read at most
_CELL_BOXES_MAX = 20_000  # one-line boxes of a slide laid out by their places, at most
_TITLE_TYPES = frozenset({"title", "ctrTitle"})  # placeholders drawn at the slide's top when no place is given
_ODF_LENGTH = re.compile(r"([-+]?\d+(?:\.\d+)?)\s*(cm|mm|in|pt|pc|px)?")
_ODF_UNITS = {"cm": 10.0, "mm": 1.0, "in": 25.4, "pt": 25.4 / 72, "pc": 25.4 / 6, "px": 25.4 / 96, None: 1.0}


@dataclass(frozen=True)
class _Box:
    """A box on a slide: its place (any one unit a slide), and its lines."""

    left: float
    top: float
    width: float
    height: float
    lines: tuple[str, ...]
    table: bool = False


def _slide_lines(boxes: list[_Box]) -> list[str]:
    """A slide's lines, its boxes top to bottom (left to right at one height); boxes of one short line by their
    places, a line for those at one height."""
    cells = [box for box in boxes if not box.table and len(box.lines) == 1 and len(box.lines[0]) <= _CELL_CHARS
             and "\t" not in box.lines[0]]
    if len(cells) > _CELL_BOXES_MAX:  # (a drawing's, or a hostile file's, myriad boxes: no table's cells)
        left_out = {id(box) for box in cells}
        boxes, cells = [box for box in boxes if id(box) not in left_out], []
    placed: list[tuple[float, float, int, list[str]]] = [
        (top, 0.0, 0, [text]) for top, text in placed_lines(
            [Placed(box.lines[0], box.left, box.top, box.left + max(box.width, 1), box.top + max(box.height, 1),
                    cell=True) for box in cells])] if cells else []
    taken = {id(box) for box in cells}
    placed += [(box.top, box.left, 1, list(box.lines)) for box in boxes if id(box) not in taken]
    return [line for *_, lines in sorted(placed, key=lambda item: item[:3]) for line in lines]


def _pptx_paragraphs(body) -> list[str]:
    """A text body's paragraphs: runs, fields and line breaks."""
    lines = []
    for paragraph in body.iter(f"{_A}p"):
        pieces = []
        for item in paragraph.iter(f"{_A}t", f"{_A}br"):
            pieces.append("\n" if item.tag == f"{_A}br" else item.text or "")
        lines += [line.strip() for line in "".join(pieces).split("\n")]
    return [line for line in lines if line]


def _pptx_table(table) -> tuple[str, ...]:
    rows = []
    for tr in table.iter(f"{_A}tr"):
        cells = []
        for tc in tr.iter(f"{_A}tc"):
            if tc.get("hMerge") in ("1", "true") or tc.get("vMerge") in ("1", "true"):
                continue  # (a position a merged cell covers: the grid leaves it to its cell)
            spans = [max(1, min(int(tc.get(name, "1")) if tc.get(name, "1").isdecimal() else 1, 200))
                     for name in ("rowSpan", "gridSpan")]
            cells.append(("\n".join(_pptx_paragraphs(tc)), spans[0], spans[1]))
        rows.append(cells)
    return tuple("\t".join(cells) for row in table_grid(rows) for cells in unstacked(row))


Transform = tuple[float, float, float, float]  # x scale, y scale, x shift, y shift


def _placed(xfrm, outer: Transform) -> tuple[float, float, float, float] | None:
    if xfrm is None or (offset := xfrm.find(f"{_A}off")) is None:
        return None
    extent = xfrm.find(f"{_A}ext")
    sx, sy, dx, dy = outer
    x, y = float(offset.get("x", 0)), float(offset.get("y", 0))
    w, h = (float(extent.get("cx", 0)), float(extent.get("cy", 0))) if extent is not None else (0.0, 0.0)
    return x * sx + dx, y * sy + dy, w * sx, h * sy


def _pptx_boxes(tree, outer: Transform = (1.0, 1.0, 0.0, 0.0)) -> list[_Box]:
    """A shape tree's boxes (a group's children by its transform of their space); a box placed by its layout keeps
    the place of the box before it (a title's, the slide's top)."""
    boxes: list[_Box] = []
    last = (0.0, 0.0, 0.0, 0.0)
    for shape in tree:
        name = shape.tag.rsplit("}", 1)[-1] if isinstance(shape.tag, str) else ""
        if name == "grpSp":
            xfrm = shape.find(f"{_P}grpSpPr/{_A}xfrm")
            place, child = _placed(xfrm, outer), xfrm.find(f"{_A}chOff") if xfrm is not None else None
            extent, child_extent = (xfrm.find(f"{_A}ext"), xfrm.find(f"{_A}chExt")) if xfrm is not None else (None, None)
            inner = outer
            if place is not None and child is not None and extent is not None and child_extent is not None:
                sx = float(extent.get("cx", 1)) / (float(child_extent.get("cx", 1)) or 1) * outer[0]
                sy = float(extent.get("cy", 1)) / (float(child_extent.get("cy", 1)) or 1) * outer[1]
                inner = (sx, sy, place[0] - float(child.get("x", 0)) * sx, place[1] - float(child.get("y", 0)) * sy)
            boxes += _pptx_boxes(shape, inner)
            continue
        if name == "sp":
            body = shape.find(f"{_P}txBody")
            lines, table = tuple(_pptx_paragraphs(body)) if body is not None else (), False
            place = _placed(shape.find(f"{_P}spPr/{_A}xfrm"), outer)
            kind = shape.find(f"{_P}nvSpPr/{_P}nvPr/{_P}ph")
            if place is None and kind is not None and kind.get("type") in _TITLE_TYPES:
                place = (0.0, -1.0, 0.0, 0.0)
        elif name == "graphicFrame":
            found = shape.find(f".//{_A}tbl")
            lines, table = (_pptx_table(found), True) if found is not None else ((), False)
            place = _placed(shape.find(f"{_P}xfrm"), outer)
        else:
            continue
        last = place or last
        if lines:
            boxes.append(_Box(*last, lines=lines, table=table))
    return boxes


def _xml(archive: zipfile.ZipFile, name: str, path: str):
    from lxml import etree

    try:
        return etree.fromstring(archive.read(name), etree.XMLParser(resolve_entities=False, no_network=True,
                                                                    huge_tree=True))
    except (KeyError, etree.XMLSyntaxError, ValueError) as e:
        raise errors.NotText(path, f"a presentation whose part {name!r} is missing or unreadable") from e


def _pptx_slides(archive: zipfile.ZipFile, path: str) -> list[str]:
    """The slide parts in the presentation's order."""
    names = set(archive.namelist())
    targets = {}
    if "ppt/_rels/presentation.xml.rels" in names:
        for relation in _xml(archive, "ppt/_rels/presentation.xml.rels", path).iter():
            if relation.get("Id") and relation.get("Target"):
                target = relation.get("Target")
                targets[relation.get("Id")] = posixpath.normpath(
                    target.lstrip("/") if target.startswith("/") else posixpath.join("ppt", target))
    listed = [targets.get(item.get(f"{_R}id")) for item in _xml(archive, "ppt/presentation.xml", path).iter(f"{_P}sldId")]
    ordered = [name for name in listed if name in names]
    if not ordered:  # (no list: the slide files in their numbers' order)
        ordered = sorted((n for n in names if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)),
                         key=lambda n: int(re.sub(r"\D", "", n)))
    return ordered[:_SLIDES_MAX]


def presentation_text(data: bytes, path: str) -> str:
    """A presentation's slides as text, in the presentation's order; the hidden ones and the notes left out."""
    from .markup import check_unpacked

    check_unpacked(data, path, "presentation")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if "ppt/presentation.xml" in archive.namelist():
            return _pptx_text(archive, path)
        return _odp_text(_xml(archive, "content.xml", path))


def _pptx_text(archive: zipfile.ZipFile, path: str) -> str:
    lines: list[str] = []
    for name in _pptx_slides(archive, path):
        slide = _xml(archive, name, path)
        tree = slide.find(f"{_P}cSld/{_P}spTree")
        if slide.get("show") not in ("0", "false") and tree is not None:
            lines += _slide_lines(_pptx_boxes(tree))
    return "\n".join(lines)


def _odf_length(value: str | None) -> float | None:
    m = _ODF_LENGTH.match(value or "")
    return float(m[1]) * _ODF_UNITS[m[2]] if m else None


def _odp_boxes(page) -> list[_Box]:
    from .markup import odf_blocks

    boxes: list[_Box] = []
    last = (0.0, 0.0, 0.0, 0.0)
    for frame in page.iter(f"{_ODF_DRAW}frame", f"{_ODF_DRAW}custom-shape", f"{_ODF_DRAW}rect"):
        if any(a.tag == f"{_ODF_PRESENTATION}notes" for a in frame.iterancestors()):
            continue
        place = [_odf_length(frame.get(f"{_ODF_SVG}{name}")) for name in ("x", "y", "width", "height")]
        if place[0] is not None and place[1] is not None:
            last = (place[0], place[1], place[2] or 0.0, place[3] or 0.0)
        lines: list[str] = []
        odf_blocks(frame, lines)
        lines = [line.strip() for line in lines if line.strip()]
        if lines:
            boxes.append(_Box(*last, lines=tuple(lines), table=frame.find(f".//{_ODF_TABLE}table") is not None))
    return boxes


def _odp_text(root) -> str:
    lines: list[str] = []
    for page in list(root.iter(f"{_ODF_DRAW}page"))[:_SLIDES_MAX]:
        if page.get(f"{_ODF_PRESENTATION}visibility") == "hidden":
            continue
        lines += _slide_lines(_odp_boxes(page))
    return "\n".join(lines)
