"""XPS and OpenXPS (.xps, .oxps): the fixed-layout format of Windows' XPS printer, which offices archive reports in,
and which OFD was modelled on. A ZIP of XML parts: a FixedDocumentSequence lists the documents (DocumentReference),
a FixedDocument its pages in reading order (PageContent), whatever their file names; a FixedPage draws text as Glyphs
(a run's UnicodeString from its baseline origin, OriginX and OriginY, each glyph advancing by its Indices' width in
hundredths of the em) and rules as Paths, inside Canvases whose RenderTransforms compose. Lengths in 1/96 inch,
turned into millimetres for the grid reader shared with OFD (``ruled``)."""

from __future__ import annotations

import io
import itertools
import posixpath
import re
import unicodedata
import zipfile

from .. import errors
from ..limits import current
from .positioned import Placed
from .ruled import package_part, part_location, rule_edge, ruled_pages_text

_MM = 25.4 / 96  # millimetres in one XPS unit
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_PATH_TOKEN = re.compile(r"[MmLlHhVvZzCcQqSsAaF]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_OPERANDS = {"M": 2, "L": 2, "H": 1, "V": 1, "C": 6, "Q": 4, "S": 4, "A": 7, "F": 1}
_TURNED = 0.05  # a transform turning text aslant (neither part of its turn below sin 3°) sets it off the page's lines
_SEGMENTS_MAX = 10_000  # segments of one path read at most (a hostile path's millions)
_GLYPHS_MAX = 200_000  # characters of one page read at most
_ELEMENTS_MAX = 500_000  # elements of one page looked at, at most (a hostile page's millions of glyph runs)
_SEQUENCE_TYPE = "fixedrepresentation"  # (the package relationship naming the FixedDocumentSequence)

Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _parse(archive: zipfile.ZipFile, name: str, path: str):
    return package_part(archive, name, path, "an XPS document")


def _then(inner: Matrix, outer: Matrix) -> Matrix:
    """``inner`` applied first, then ``outer`` (XPS's m11, m12, m21, m22, dx, dy)."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def _own_transform(element) -> Matrix:
    """An element's RenderTransform, written as its attribute or as a MatrixTransform child."""
    text = element.get("RenderTransform")
    if text is None:
        held = next((kid for kid in element if _local(kid.tag).endswith(".RenderTransform")), None)
        matrix = next((m for m in held.iter() if _local(m.tag) == "MatrixTransform"), None) if held is not None else None
        text = matrix.get("Matrix") if matrix is not None else None
    values = [float(n) for n in _NUMBER.findall(text or "")]
    return tuple(values) if len(values) == 6 else _IDENTITY  # type: ignore[return-value]


def _advances(indices: str | None, count: int, size: float) -> list[float | None]:
    """Each character's advance: the Indices' widths (hundredths of the em) where given, else a full em for a wide
    character and half for others."""
    given: list[float | None] = []
    for entry in (indices or "").split(";")[:count]:
        parts = re.sub(r"^\(\d+(?::\d+)?\)", "", entry).split(",")
        given.append(float(parts[1]) * size / 100 if len(parts) > 1 and _NUMBER.fullmatch(parts[1].strip()) else None)
    return given + [None] * (count - len(given))


def _glyph_words(glyphs, matrix: Matrix, page: int) -> list[Placed]:
    text = glyphs.get("UnicodeString") or ""
    if text.startswith("{}"):
        text = text[2:]
    fill = (glyphs.get("Fill") or "#FF000000").strip()
    if glyphs.get("Opacity", "1").strip() in ("0", "0.0") or re.fullmatch(r"#00[0-9A-Fa-f]{6}", fill):
        return []  # (drawn fully transparent: a layer no reader sees)
    a, b, c, d = matrix[:4]
    if min(abs(a), abs(b)) > _TURNED * max(abs(a), abs(b)) or min(abs(c), abs(d)) > _TURNED * max(abs(c), abs(d)):
        return []  # (turned aslant: a watermark across the page)
    try:
        size = float(glyphs.get("FontRenderingEmSize") or 12)
        x, y = float(glyphs.get("OriginX") or 0), float(glyphs.get("OriginY") or 0)
    except ValueError:
        return []
    widths = _advances(glyphs.get("Indices"), len(text), size)
    words = []
    for char, width in zip(text, widths, strict=True):
        step = width if width is not None else (size if unicodedata.east_asian_width(char) in "WF" else size / 2)
        if char.strip():
            (x0, y0), (x1, y1) = _apply(matrix, x, y - size), _apply(matrix, x + max(step, size / 2), y)
            words.append(Placed(char, min(x0, x1) * _MM, min(y0, y1) * _MM, max(x0, x1) * _MM, max(y0, y1) * _MM, page))
        x += step
    return words


def _path_points(data: str) -> list[list[tuple[float, float]]]:
    """The straight runs of an abbreviated path (M/L/H/V/Z, absolute or relative; curves and arcs move the pen):
    each figure's points, a closed one ending where it began."""
    figures: list[list[tuple[float, float]]] = []
    tokens = _PATH_TOKEN.findall(data)
    pen = start = (0.0, 0.0)
    op, k, segments = "M", 0, 0
    while k < len(tokens) and segments < _SEGMENTS_MAX:
        if tokens[k].isalpha():
            op, k = tokens[k], k + 1
            if op in "Zz":
                if figures:
                    figures[-1].append(start)
                pen = start
                continue
        takes = _OPERANDS.get(op.upper())
        if takes is None or k + takes > len(tokens) or any(t.isalpha() for t in tokens[k:k + takes]):
            k += 1
            continue
        values = [float(t) for t in tokens[k:k + takes]]
        k += takes
        segments += 1
        relative = op.islower()
        if op.upper() == "F":
            continue
        if op.upper() == "H":
            point = (values[0] + (pen[0] if relative else 0), pen[1])
        elif op.upper() == "V":
            point = (pen[0], values[0] + (pen[1] if relative else 0))
        else:
            point = (values[-2] + (pen[0] if relative else 0), values[-1] + (pen[1] if relative else 0))
        if op.upper() == "M":
            figures.append([point])
            start = point
            op = "l" if relative else "L"  # (a move's further pairs are lines)
        elif op.upper() in "LHV":
            if not figures:
                figures.append([pen])
            figures[-1].append(point)
        else:
            figures.append([point])  # (a curve: no rule, the pen moves on)
        pen = point
    return figures


def _geometry_points(path) -> list[list[tuple[float, float]]]:
    """A path's figures written as elements (PathGeometry: PathFigure StartPoint, PolyLineSegment Points,
    LineSegment Point)."""
    figures = []
    for figure in (e for e in path.iter() if _local(e.tag) == "PathFigure"):
        points = [tuple(float(n) for n in _NUMBER.findall(figure.get("StartPoint") or "0,0")[:2])]
        for segment in figure:
            name = _local(segment.tag)
            if name in ("PolyLineSegment", "LineSegment"):
                numbers = [float(n) for n in _NUMBER.findall(segment.get("Points") or segment.get("Point") or "")]
                points += list(zip(numbers[::2], numbers[1::2], strict=False))
        if (figure.get("IsClosed") or "").lower() == "true":
            points.append(points[0])
        figures.append(points)
    return figures


def _path_edges(path, matrix: Matrix) -> list[dict]:
    data = path.get("Data")
    figures = _path_points(data) if data else _geometry_points(path)
    edges = []
    for points in figures:
        placed = [_apply(matrix, x, y) for x, y in points[:_SEGMENTS_MAX]]
        for (x0, y0), (x1, y1) in itertools.pairwise(placed):
            if (edge := rule_edge(x0 * _MM, y0 * _MM, x1 * _MM, y1 * _MM)) is not None:
                edges.append(edge)
    return edges


def _page(content, page: int) -> tuple[list[Placed], list[dict]]:
    """A FixedPage's characters and rules, each element under its canvases' composed transforms."""
    words: list[Placed] = []
    edges: list[dict] = []
    stack = [(content, _IDENTITY)]
    seen = 0
    while stack and len(words) < _GLYPHS_MAX and seen < _ELEMENTS_MAX:
        element, outer = stack.pop()
        for kid in reversed([k for k in itertools.islice(element, _ELEMENTS_MAX) if isinstance(k.tag, str)]):
            seen += 1
            name = _local(kid.tag)
            matrix = _then(_own_transform(kid), outer)
            if name == "Canvas":
                if kid.get("Opacity", "1").strip() not in ("0", "0.0"):
                    stack.append((kid, matrix))
            elif name == "Glyphs":
                words += _glyph_words(kid, matrix, page)
            elif name == "Path":
                edges += _path_edges(kid, matrix)
    return words, edges


def _sequence(archive: zipfile.ZipFile, names: list[str]) -> str | None:
    """The FixedDocumentSequence's part: the one the package's relationships name, else any."""
    if "_rels/.rels" in names:
        relations = _parse(archive, "_rels/.rels", "")
        for relation in relations.iter():
            if (relation.get("Type") or "").endswith(_SEQUENCE_TYPE) and relation.get("Target"):
                return part_location("", relation.get("Target"))
    return next((name for name in names if name.lower().endswith(".fdseq")), None)


def xps_text(data: bytes, path: str) -> str:
    """The text of an XPS package's pages in their documents' order; a package with none refused."""
    from .markup import check_unpacked

    check_unpacked(data, path, "XPS document")
    pages: list[tuple[list[Placed], list[dict]]] = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        sequence = _sequence(archive, names)
        if sequence is None or sequence not in names:
            raise errors.NotText(path, "an XPS document with no FixedDocumentSequence")
        for reference in _parse(archive, sequence, path).iter():
            if _local(reference.tag) != "DocumentReference" or not reference.get("Source"):
                continue
            document_name = part_location(posixpath.dirname(sequence), reference.get("Source"))
            base = posixpath.dirname(document_name)
            listed: set[str] = set()
            for content in _parse(archive, document_name, path).iter():
                if _local(content.tag) == "PageContent" and content.get("Source"):
                    if (source := part_location(base, content.get("Source"))) in listed:
                        continue  # (a page part listed again is the same page, not another)
                    listed.add(source)
                    if len(pages) >= (most := current().max_pdf_pages):
                        raise errors.OverLimit(path, f"an XPS document of more than {most} pages")
                    page = _parse(archive, source, path)
                    pages.append(_page(page, len(pages)))
    if not pages:
        raise errors.NotText(path, "an XPS document with no pages")
    return ruled_pages_text(pages)
