"""Reports attached or told as presentations (PowerPoint .pptx, OpenDocument .odp): the slides in the presentation's
order, their text boxes' paragraphs, their tables' rows, and grids of one-line text boxes read by their places."""

from __future__ import annotations

import io
import random
import zipfile
from html import escape

import pytest

from builder import forms, synthetic
from builder.extraction.extract import extract_bytes

AGENCY = "杭州市西湖区人民政府"
YEAR = 2022
P = ('xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
     'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"')
EMU = 12700  # a point


def _report(seed: int, template: str = forms.GOV_2021) -> tuple[list[str], dict]:
    v = synthetic.consistent_values(random.Random(seed), template)
    return synthetic.render(AGENCY, YEAR if template == forms.GOV_2021 else 2020, template, v, "tab").split("\n"), v


def _blocks(lines: list[str]) -> list[tuple[str, list[str]]]:
    """The report's lines as slides' contents: runs of prose lines, and runs of a table's rows (tab-separated)."""
    blocks: list[tuple[str, list[str]]] = []
    for line in (line for line in lines if line.strip()):
        kind = "table" if "\t" in line else "text"
        if blocks and blocks[-1][0] == kind and len(blocks[-1][1]) < 30:
            blocks[-1][1].append(line)
        else:
            blocks.append((kind, [line]))
    return blocks


def _text_box(paragraphs: list[str], x: int, y: int, w: int, h: int, shape: int) -> str:
    runs = "".join(f"<a:p><a:r><a:t>{escape(p)}</a:t></a:r></a:p>" for p in paragraphs)
    return (f'<p:sp><p:nvSpPr><p:cNvPr id="{shape}" name="框{shape}"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>'
            f'<p:spPr><a:xfrm><a:off x="{x * EMU}" y="{y * EMU}"/><a:ext cx="{w * EMU}" cy="{h * EMU}"/></a:xfrm>'
            f'</p:spPr><p:txBody><a:bodyPr/>{runs}</p:txBody></p:sp>')


def _table(rows: list[str], y: int) -> str:
    width = max(len(row.split("\t")) for row in rows)
    trs = ""
    for row in rows:
        cells = row.split("\t")
        tcs = "".join(f"<a:tc><a:txBody><a:bodyPr/><a:p><a:r><a:t>{escape(c)}</a:t></a:r></a:p></a:txBody></a:tc>"
                      for c in cells[:-1])
        span = width - len(cells) + 1  # (a short row's last cell spans the rest, the others covered)
        spanned = f' gridSpan="{span}"' if span > 1 else ""
        tcs += (f'<a:tc{spanned}><a:txBody><a:bodyPr/><a:p><a:r><a:t>{escape(cells[-1])}</a:t></a:r></a:p></a:txBody>'
                '</a:tc>' + '<a:tc hMerge="1"><a:txBody><a:bodyPr/><a:p/></a:txBody></a:tc>' * (span - 1))
        trs += f'<a:tr h="{20 * EMU}">{tcs}</a:tr>'
    grid = "".join(f'<a:gridCol w="{60 * EMU}"/>' for _ in range(width))
    return (f'<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="9" name="表格"/><p:cNvGraphicFramePr/><p:nvPr/>'
            f'</p:nvGraphicFramePr><p:xfrm><a:off x="{20 * EMU}" y="{y * EMU}"/><a:ext cx="{600 * EMU}" '
            f'cy="{400 * EMU}"/></p:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/'
            f'2006/table"><a:tbl><a:tblGrid>{grid}</a:tblGrid>{trs}</a:tbl></a:graphicData></a:graphic>'
            '</p:graphicFrame>')


def _grid_of_boxes(rows: list[str], y: int) -> str:
    """A table drawn as one-line text boxes at its cells' places, written column by column."""
    boxes = [(c, r, cell) for r, row in enumerate(rows) for c, cell in enumerate(row.split("\t")) if cell]
    return "".join(_text_box([cell], 20 + 70 * c if c else 20, y + 24 * r, 300 if not c else 60, 20, 100 + n)
                   for n, (c, r, cell) in enumerate(sorted(boxes)))


def pptx(lines: list[str], grids: bool = False, hidden: str = "") -> bytes:
    """A presentation of the report, a slide a block, listed in reading order while the slide files are numbered
    backwards; ``grids``: tables as grids of text boxes; ``hidden``: a hidden slide holding this text first; every
    slide's notes print other figures."""
    slides = [f'<p:sld {P}><p:cSld><p:spTree>'
              + (_text_box(block, 30, 40, 650, 400, 2) if kind == "text" else
                 _text_box(["表格"], 30, 10, 200, 20, 2) + (_grid_of_boxes(block, 40) if grids else _table(block, 40)))
              + '</p:spTree></p:cSld></p:sld>' for kind, block in _blocks(lines)]
    if hidden:
        slides.insert(0, f'<p:sld {P} show="0"><p:cSld><p:spTree>{_text_box([hidden], 30, 40, 650, 400, 2)}'
                         '</p:spTree></p:cSld></p:sld>')
    count = len(slides)
    parts = {"[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
             "ppt/presentation.xml": f'<p:presentation {P}><p:sldIdLst>'
                                     + "".join(f'<p:sldId id="{256 + k}" r:id="rId{k + 1}"/>' for k in range(count))
                                     + "</p:sldIdLst></p:presentation>",
             "ppt/_rels/presentation.xml.rels":
                 '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 + "".join(f'<Relationship Id="rId{k + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                           f'relationships/slide" Target="slides/slide{count - k}.xml"/>' for k in range(count))
                 + "</Relationships>"}
    for k, slide in enumerate(slides):
        parts[f"ppt/slides/slide{count - k}.xml"] = slide
        parts[f"ppt/notesSlides/notesSlide{count - k}.xml"] = (f'<p:notes {P}><p:cSld><p:spTree>'
                                                               f'{_text_box(["讲稿：全年收到申请99999件"], 0, 0, 9, 9, 2)}'
                                                               '</p:spTree></p:cSld></p:notes>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return buffer.getvalue()


@pytest.mark.parametrize("grids", [False, True])
@pytest.mark.parametrize("template", [forms.GOV_2021, forms.GOV_2019])
def test_a_report_in_slides_is_read_cell_for_cell(template, grids):
    """A PowerPoint file was refused: slides numbered against their order, tables as slide tables (a short row's
    last cell merged across the rest) or as grids of text boxes, a hidden draft slide and the speaker's notes with
    other figures."""
    lines, v = _report(21, template)
    rep = extract_bytes(pptx(lines, grids, hidden="初稿：全年收到申请88888件"), "report.pptx")
    assert (rep.agency.name, rep.template) == (AGENCY, template)
    assert {k: c.value for k, c in rep.cells.items()} == {c.id: v[c.id] for c in forms.cells(template)}
    text = "\n".join(rep.document.lines)
    assert "88888" not in text and "99999" not in text
    assert rep.document.source.format == "presentation"


def odp(lines: list[str]) -> bytes:
    """An OpenDocument presentation of the report: a page a block, prose in text boxes, tables as tables."""
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
          'xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0"')
    pages = []
    for kind, block in _blocks(lines):
        if kind == "text":
            inner = "".join(f"<text:p>{escape(line)}</text:p>" for line in block)
            frame = f'<draw:frame svg:x="1cm" svg:y="2cm" svg:width="25cm" svg:height="15cm"><draw:text-box>{inner}' \
                    '</draw:text-box></draw:frame>'
        else:
            rows = "".join("<table:table-row>" + "".join(f"<table:table-cell><text:p>{escape(c)}</text:p>"
                                                         "</table:table-cell>" for c in row.split("\t"))
                           + "</table:table-row>" for row in block)
            frame = f'<draw:frame svg:x="1cm" svg:y="2cm" svg:width="25cm" svg:height="15cm"><table:table>{rows}' \
                    '</table:table></draw:frame>'
        notes = '<presentation:notes><draw:frame><draw:text-box><text:p>讲稿：收到申请99999件</text:p></draw:text-box>' \
                '</draw:frame></presentation:notes>'
        pages.append(f'<draw:page draw:name="p{len(pages)}">{frame}{notes}</draw:page>')
    content = f'<office:document-content {ns}><office:body><office:presentation>{"".join(pages)}' \
              '</office:presentation></office:body></office:document-content>'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.presentation")
        archive.writestr("content.xml", content)
    return buffer.getvalue()


def test_a_report_in_an_opendocument_presentation_is_read_cell_for_cell():
    lines, v = _report(22)
    rep = extract_bytes(odp(lines), "report.odp")
    assert {k: c.value for k, c in rep.cells.items()} == {c.id: v[c.id] for c in forms.cells(forms.GOV_2021)}
    assert "99999" not in "\n".join(rep.document.lines)
