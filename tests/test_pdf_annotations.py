"""PDFs whose figures are no part of the page's text: a form's fields (with or without their drawn
appearance), figures typed onto a printed blank form as text boxes, and corrections made as annotations
(the old figure struck out, the new one typed beside it). A viewer shows them on the page; so are they read.
And figures whose glyphs are not their text: an /ActualText gives it, as a viewer copies it."""

from __future__ import annotations

import io
import random

import pytest

from builder import forms, synthetic
from builder.extraction.extract import extract_bytes

AGENCY = "固原市彭阳县人民政府"
TOP, STEP = 800, 13  # points: the first line's baseline, and each next line's


def _layout(lines: list[str]):
    """Each cell of the report's lines with its place: (text, x, baseline, is a figure of a table row)."""
    for k, line in enumerate(lines):
        y = TOP - STEP * (k % 58)
        page = k // 58
        cells = line.split("\t")
        wide = len(cells) > 9
        for c, cell in enumerate(cells):
            if cell:
                x = 30 + 34 * c if wide else (30 if c == 0 else 300 + 36 * (c - 1))
                yield page, cell, x, y, c > 0 and cell.replace(".", "").isdigit()


def report_pdf(v: dict, figures_as: str) -> bytes:
    """The report, every table figure drawn as ``figures_as``: "text" (the page's own), "field" (a form's text
    field showing its value) or "box" (a FreeText annotation, as a typewriter tool types them)."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.annotations import FreeText
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    lines = synthetic.render(AGENCY, 2022, forms.GOV_2021, v, "tab").split("\n")
    placed = list(_layout(lines))
    out = io.BytesIO()
    pdf = canvas.Canvas(out)
    boxes = []
    for page in range(placed[-1][0] + 1):
        for _, text, x, y, figure in (p for p in placed if p[0] == page):
            size = min(8.0, 260 / len(text)) if x == 30 else 8
            if figure and figures_as == "field":
                pdf.acroForm.textfield(name=f"f{len(boxes)}", value=text, x=x, y=y - 2, width=30, height=10,
                                       fontSize=8, borderWidth=0, fillColor=None, relative=False)
                boxes.append(None)
            elif figure and figures_as == "box":
                boxes.append((page, text, (x, y - 2, x + 30, y + 8)))
            else:
                pdf.setFont("STSong-Light", size)
                pdf.drawString(x, y, text)
        pdf.showPage()
    pdf.save()
    if figures_as != "box":
        return out.getvalue()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(out.getvalue())))
    for page, text, rect in boxes:
        writer.add_annotation(page, FreeText(text=text, rect=rect, font_size="8pt", border_color=None))
    data = io.BytesIO()
    writer.write(data)
    return data.getvalue()


def values() -> dict:
    return synthetic.consistent_values(random.Random(4), forms.GOV_2021)


@pytest.mark.parametrize("figures_as", ["field", "box"])
def test_figures_in_form_fields_and_typed_boxes_are_read(figures_as):
    v = values()
    report = extract_bytes(report_pdf(v, figures_as), "form.pdf")
    assert {k: c.value for k, c in report.cells.items()} == {c.id: v[c.id] for c in forms.cells(forms.GOV_2021)}


def test_a_field_whose_value_has_no_drawn_appearance_is_read():
    """A form saved with NeedAppearances: the viewer draws each value from the field's /V."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject

    v = values()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(report_pdf(v, "field"))))
    for page in writer.pages:
        for annotation in page.get("/Annots") or []:
            annotation.get_object().pop(NameObject("/AP"), None)
    data = io.BytesIO()
    writer.write(data)
    report = extract_bytes(data.getvalue(), "form.pdf")
    assert {k: c.value for k, c in report.cells.items()} == {c.id: v[c.id] for c in forms.cells(forms.GOV_2021)}


def test_a_figure_struck_out_by_an_annotation_gives_way_to_the_one_typed_beside_it():
    """A correction as comments: the printed 自然人 of 予以公开 struck out, the right figure typed beside it in a
    text box. The struck figure was read, and the typed one was not."""
    import pdfplumber
    from pypdf import PdfReader, PdfWriter
    from pypdf.annotations import FreeText
    from pypdf.generic import ArrayObject, DictionaryObject, FloatObject, NameObject

    v = values()
    cell = forms.t3_cell("granted", "natural_person")
    right = v[cell]
    printed = dict(v, **{cell: right + 10})
    data = report_pdf(printed, "text")
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[0]
        row = next(w for w in page.extract_words() if w["text"] == "（一）予以公开")
        old = next(w for w in page.extract_words() if w["text"] == str(right + 10) and abs(w["top"] - row["top"]) < 3)
        height = page.height
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    x0, x1, y0, y1 = old["x0"], old["x1"], height - old["bottom"], height - old["top"]
    writer.add_annotation(0, DictionaryObject({
        NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/StrikeOut"),
        NameObject("/Rect"): ArrayObject([FloatObject(x0), FloatObject(y0), FloatObject(x1), FloatObject(y1)]),
        NameObject("/QuadPoints"): ArrayObject([FloatObject(n) for n in (x0, y1, x1, y1, x0, y0, x1, y0)])}))
    writer.add_annotation(0, FreeText(text=str(right), rect=(x1 + 1, y0, x1 + 14, y1), font_size="8pt"))
    out = io.BytesIO()
    writer.write(out)
    report = extract_bytes(out.getvalue(), "corrected.pdf")
    assert report.value(cell) == right


def _annotated(data: bytes, annotations: list[tuple[str, str, int, str | None]]) -> bytes:
    """The PDF with annotations on printed figures: each (kind, row label, column, note) marks the figure the row
    prints in that column (1: 自然人; 7: 总计) as a FreeText typed over it, a Square box or Ink cross with the note as
    its contents, or a Text note (a sticky note's icon) put at its top right corner; an "ink+note" is a cross with
    a sticky note beside it."""
    import pdfplumber
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, DictionaryObject, FloatObject, NameObject, TextStringObject

    def annotation(subtype: str, rect: tuple, contents: str | None, **more) -> DictionaryObject:
        found = DictionaryObject({NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject(subtype),
                                  NameObject("/Rect"): ArrayObject([FloatObject(n) for n in rect]), **more})
        if contents is not None:
            found[NameObject("/Contents")] = TextStringObject(contents)
        return found

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for kind, label, column, note in annotations:
            for number, page in enumerate(pdf.pages):  # noqa: B007 (the page the row is on, after the loop)
                words = page.extract_words()
                row = next((w for w in words if w["text"] == label), None)
                if row is not None:
                    break
            figure = next(w for w in words if abs(w["top"] - row["top"]) < 3 and abs(w["x0"] - 300 - 36 * (column - 1)) < 1)
            x0, x1 = figure["x0"] - 3, figure["x0"] + 33  # (the figure's cell: a column is 36 points wide)
            y0, y1 = page.height - figure["bottom"] - 3, page.height - figure["top"] + 3
            if kind == "freetext":
                writer.add_annotation(number, annotation("/FreeText", (x0, y0, x1, y1), note, **{
                    NameObject("/DA"): TextStringObject("/Helv 8 Tf 1 0 0 rg")}))
            elif kind == "square":
                writer.add_annotation(number, annotation("/Square", (x0, y0, x1, y1), note))
            else:
                if kind == "ink+note":
                    strokes = ArrayObject([ArrayObject([FloatObject(n) for n in stroke])
                                           for stroke in [(x0, y0, x1, y1), (x0, y1, x1, y0)]])
                    writer.add_annotation(number, annotation("/Ink", (x0, y0, x1, y1), None,
                                                             **{NameObject("/InkList"): strokes}))
                writer.add_annotation(number, annotation("/Text", (x1, y1 - 18, x1 + 18, y1), note))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_figure_the_publisher_corrected_with_a_note_on_it_is_read_as_corrected():
    """Blind round 1270 (figures corrected as comments): a box over a figure noting 此数应为44 and a cross beside a
    sticky note 更正为 66 left the misprint read; a typed box 更正：26 over a figure was read as nothing, and a typed
    figure over a printed one as both joined (563 over 573: 563573). Two crosses side by side, each with its note at
    its end, take a note each. A sticky note giving no figure (已核对，无误) changes nothing."""
    v = values()
    corrected = {"t3.new_received.natural_person": ("square", "一、本年新收政府信息公开申请数量", 1, "此数应为{}"),
                 "t3.new_received.total": ("ink+note", "一、本年新收政府信息公开申请数量", 7, "更正为 {}"),
                 "t3.carried_over.natural_person": ("ink+note", "二、上年结转政府信息公开申请数量", 1, "更正为 {}"),
                 "t3.carried_over.commercial_enterprise": ("ink+note", "二、上年结转政府信息公开申请数量", 2, "应为{}件"),
                 "t2.coercion.decisions": ("freetext", "行政强制", 1, "更正：{}"),
                 "t2.fees.amount_10k_cny": ("freetext", "行政事业性收费", 1, "{}")}
    printed = dict(v, **{cell: v[cell] + 10 for cell in corrected})
    annotations = [(kind, label, column, note.format(synthetic._fmt(v[cell])))
                   for cell, (kind, label, column, note) in corrected.items()]
    annotations += [("note", "一、本年新收政府信息公开申请数量", 2, "已核对，无误"),
                    ("note", "（一）予以公开", 1, "含上年结转3件")]
    report = extract_bytes(_annotated(report_pdf(printed, "text"), annotations), "corrected.pdf")
    assert {k: c.value for k, c in report.cells.items()} == {c.id: v[c.id] for c in forms.cells(forms.GOV_2021)}
    assert {report.cells[cell].status for cell in corrected} == {"reported"}


def actual_text_pdf(v: dict) -> bytes:
    """The report with each table figure's glyphs mapping to the wrong digits (each to the next: a subset font's
    wrong ToUnicode), its text given by a marked-content span's /ActualText, written the ways exporters write it:
    UTF-16BE in hex, PDFDocEncoding, a property list the page's /Properties names, a span inside another (the
    outer's text is the figure's), and with a fake-bold copy inside an empty ActualText (standing for nothing)."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import DictionaryObject, NameObject, TextStringObject
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    wrong = str.maketrans("0123456789", "1234567890")
    placed = list(_layout(synthetic.render(AGENCY, 2022, forms.GOV_2021, v, "tab").split("\n")))
    out = io.BytesIO()
    pdf = canvas.Canvas(out)
    named: dict[int, dict[str, str]] = {}  # each page's property lists, by name: their ActualText
    for page in range(placed[-1][0] + 1):
        for k, (_, text, x, y, figure) in enumerate(p for p in placed if p[0] == page):
            size = min(8.0, 260 / len(text)) if x == 30 else 8
            pdf.setFont("STSong-Light", size)
            if not figure:
                pdf.drawString(x, y, text)
                continue
            way = k % 4
            if way == 0:
                utf16 = "".join(f"{ord(c):04X}" for c in text)
                pdf._code.append(f"/Span <</ActualText <FEFF{utf16}>>> BDC")
            elif way == 1:
                pdf._code.append(f"/Span <</ActualText ({text})>> BDC")
            elif way == 2:
                named.setdefault(page, {})[f"/MC{k}"] = text
                pdf._code.append(f"/Span /MC{k} BDC")
            else:
                pdf._code.append(f"/Span <</ActualText ({text})>> BDC /Span <</ActualText (9)>> BDC")
            pdf.drawString(x, y, text.translate(wrong))
            pdf._code.append("EMC EMC" if way == 3 else "EMC")
            if way == 3:
                pdf._code.append("/Span <</ActualText ()>> BDC")
                pdf.drawString(x + 0.3, y, text)
                pdf._code.append("EMC")
        pdf.showPage()
    pdf.save()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(out.getvalue())))
    for page, lists in named.items():
        writer.pages[page]["/Resources"][NameObject("/Properties")] = DictionaryObject({
            NameObject(name): DictionaryObject({NameObject("/ActualText"): TextStringObject(text)})
            for name, text in lists.items()})
    data = io.BytesIO()
    writer.write(data)
    return data.getvalue()


def test_figures_whose_glyphs_are_not_their_text_are_read_from_their_actual_text():
    """Tagged-PDF exporters draw a figure in a font whose glyphs map to the wrong characters, or to none, and give
    its text as the /ActualText of a span around it: read as drawn, every figure was one too many (1 for 0), the
    fake-bold copy doubled it, and nothing told it was wrong."""
    v = values()
    report = extract_bytes(actual_text_pdf(v), "actual.pdf")
    assert {k: c.value for k, c in report.cells.items()} == {c.id: v[c.id] for c in forms.cells(forms.GOV_2021)}
