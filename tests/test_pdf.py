"""PDFs as governments publish them: three real reports, ruled and unruled
reports made here, and files that cannot become a report (scans, passwords,
damage), each refused with one clear line."""

from __future__ import annotations

import io
import json
import logging
import random
import re
import unicodedata
from dataclasses import replace
from pathlib import Path

import pdfplumber
import pytest
from click.testing import CliRunner

from builder import errors, forms, synthetic
from builder.checks import check_corpus, outcomes
from builder.cli import cli
from builder.extraction.extract import extract_bytes, extract_file
from builder.forms import GOV_2021
from builder.reading.document import body_lines, decode, detect_format
from builder.reading.pdf import pdf_to_text

from .conftest import assert_expected_checks, expected_for, shared
from .official_form import (
    AGENCY,
    YEAR,
    Block,
    Cell,
    Table,
    assert_every_cell,
    blocks,
    docx_bytes,
    fmt,
    html_body,
    html_page,
    placed,
    rebalance,
    table2,
    table3,
    values,
)

REAL = ["淮安市人民政府_2024.pdf", "淮安市洪泽区人民政府_2023.pdf", "淮安市洪泽区人民政府_2024.pdf"]
PAGE_BREAK = "\f"


# --- the three real reports ------------------------------------------------------------


@pytest.fixture(scope="module")
def real():
    reports = {name: extract_file(shared("corpus-pdf", name)) for name in REAL}
    check_corpus(list(reports.values()))  # cross-year checks need the 2023 and 2024 reports together
    return reports


@pytest.mark.parametrize("name", REAL)
def test_real_pdf_metadata(real, name):
    report, expected = real[name], expected_for(name, folder="corpus-pdf")
    assert report.document.source.format == "pdf"
    assert (report.agency.name, report.year, report.template) == (
        expected["agency"], expected["year"], expected["template"])
    region = expected["region"]
    assert (report.agency.province, report.agency.city, report.agency.county, report.agency.adcode) == (
        region["province"], region["city"], region["county"], region["adcode"])
    assert report.report_id == f"{report.agency.agency_id}/{expected['year']}"


@pytest.mark.parametrize("name", REAL)
def test_real_pdf_every_cell(real, name):
    report, expected = real[name], expected_for(name, folder="corpus-pdf")
    alternatives = expected.get("cells_alternatives", {})
    assert set(expected["cells"]) <= set(report.cells)
    for cell, want in expected["cells"].items():
        got = report.cells[cell]
        allowed = alternatives.get(cell, [want])
        assert got.value in allowed, f"{cell}: {got} (expected one of {allowed})"


@pytest.mark.parametrize("name", REAL)
def test_real_pdf_narrative(real, name):
    report, expected = real[name], expected_for(name, folder="corpus-pdf")
    for key, want in expected["narrative"].items():
        assert want in [f.value for f in report.narrative if f.key == key], key


@pytest.mark.parametrize("name", REAL)
def test_real_pdf_checks_and_badge(real, name):
    report, expected = real[name], expected_for(name, folder="corpus-pdf")
    assert_expected_checks(outcomes(report), expected)
    assert report.badge == expected["badge"]


def test_real_ruled_tables_are_read_row_by_row(real):
    """The text layer of these reports prints labels before or after their
    numbers; the ruling lines put each row back together, typo and all, across
    the page break, so no cell needs repairing."""
    report = real["淮安市洪泽区人民政府_2023.pdf"]
    lines = report.document.lines
    assert "\t\t2.其他法律行政止公开\t0\t0\t0\t0\t0\t0\t0" in lines
    assert "\t(三)不予公开\t1.属于国家秘密\t1\t0\t0\t0\t0\t0\t1" in lines
    assert "- 3 -" in report.document.text and "- 3 -" not in lines
    before_break = lines.index("\t\t2.没有现成信息需要另行制作\t3\t0\t0\t0\t0\t0\t3")
    assert lines[before_break + 1] == "\t\t3.补正后申请内容仍不明确\t0\t0\t0\t0\t0\t0\t0"
    for one in real.values():
        assert {c.status for c in one.cells.values()} <= {"reported", "inferred"}
    huaian = real["淮安市人民政府_2024.pdf"].document.lines
    assert "\t法提供\t2.没有现成信息需要另行制作\t11\t0\t0\t0\t0\t0\t11" in huaian


def test_real_single_other_row_is_reported_as_printed(real):
    for name in REAL[1:]:
        warning = next(w for w in real[name].warnings if w["code"] == "t3.single_other_row")
        assert warning["values"] == [0] * 7


# --- reports made here ------------------------------------------------------------------


def _styles():
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))  # a standard CJK font: no font file needed
    body = ParagraphStyle("body", fontName="STSong-Light", fontSize=10.5, leading=16, wordWrap="CJK")
    cell = ParagraphStyle("cell", fontName="STSong-Light", fontSize=8, leading=10, wordWrap="CJK")
    return body, cell


_WIDTHS = {4: [140, 112, 112, 112], 10: [22, 48, 140] + [38] * 7, 15: [31.7] * 15}


def _pdf_table(table: Table, ruled: bool, style, widths: dict[int, list[float]] = _WIDTHS):
    from reportlab.platypus import Paragraph
    from reportlab.platypus import Table as PdfTable

    cells = placed(table)
    width = max(c + cell.colspan for _, c, cell in cells)
    data = [[""] * width for _ in table]
    commands = [("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
    if ruled:
        commands.append(("GRID", (0, 0), (-1, -1), 0.5, "black"))
    for r, c, cell in cells:
        data[r][c] = Paragraph(cell.text, style)
        if cell.rowspan > 1 or cell.colspan > 1:
            commands.append(("SPAN", (c, r), (c + cell.colspan - 1, r + cell.rowspan - 1)))
    return PdfTable(data, colWidths=widths[width], style=commands)


def pdf_bytes(report: list[Block], ruled: bool = True, footer: str = "- {} -") -> bytes:
    """An A4 report with page numbers like '- 2 -' (``footer``); PAGE_BREAK starts a new page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

    body, cell = _styles()
    story = []
    for block in report:
        if block == PAGE_BREAK:
            story.append(PageBreak())
        elif isinstance(block, str):
            story.append(Paragraph(block, body))
        else:
            story += [_pdf_table(block, ruled, cell), Spacer(1, 8)]

    def page_number(canvas, doc) -> None:
        canvas.setFont("STSong-Light", 9)
        canvas.drawCentredString(A4[0] / 2, 30, footer.format(doc.page))

    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4).build(story, onFirstPage=page_number, onLaterPages=page_number)
    return out.getvalue()


_COLUMN_WIDTHS = {4: [100, 50, 50, 50], 10: [14, 30, 72] + [19.5] * 7, 15: [16.6] * 15}  # tables a gazette's column holds


def gazette_pdf(report: list[Block], before: int = 0) -> bytes:
    """The report as a gazette prints it: two columns a page, after another document's end, small type in the
    tables, a running head; ``before``: lines of the other document's prose above the report."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Spacer

    body, _ = _styles()
    body = ParagraphStyle("gazette", parent=body, fontSize=9, leading=13)
    cell = ParagraphStyle("small", parent=body, fontSize=5, leading=6)
    width, height = A4
    frames = [Frame(40 + k * (width - 80) / 2, 50, (width - 80) / 2 - 8, height - 110, id=f"c{k}") for k in (0, 1)]

    def running_head(canvas, doc) -> None:
        canvas.setFont("STSong-Light", 8)
        canvas.drawString(40, height - 40, "彭阳县人民政府公报")
        canvas.drawRightString(width - 40, height - 40, f"2025年第2期  —{doc.page}—")

    story = [Paragraph("经研究，现将有关事项通知如下，请认真贯彻执行。" * 3, body) for _ in range(before)]
    for block in report:
        story += [Paragraph(block, body)] if isinstance(block, str) else [_pdf_table(block, True, cell, _COLUMN_WIDTHS),
                                                                         Spacer(1, 4)]
    out = io.BytesIO()
    document = BaseDocTemplate(out, pagesize=A4)
    document.addPageTemplates([PageTemplate(frames=frames, onPage=running_head)])
    document.build(story)
    return out.getvalue()


def split(table: Table, at: int) -> tuple[Table, Table]:
    """The table cut before row ``at`` as a page break cuts it: a span that
    crosses the cut goes on, empty, on the next page."""
    head: Table = [[] for _ in table[:at]]
    tail: list[list[tuple[int, Cell]]] = [[] for _ in table[at:]]
    for r, c, cell in placed(table):
        if r < at:
            head[r].append(replace(cell, rowspan=min(cell.rowspan, at - r)))
            if r + cell.rowspan > at:
                tail[0].append((c, Cell("", rowspan=r + cell.rowspan - at, colspan=cell.colspan)))
        else:
            tail[r - at].append((c, cell))
    return head, [[cell for _, cell in sorted(row, key=lambda item: item[0])] for row in tail]


def form_pdf(v: dict, ruled: bool = True, typo: bool = False, break_before: str = "unable.needs_creation") -> bytes:
    """The official form with table 3 broken across two pages inside 三、本年度办理结果, before the row
    ``break_before``."""
    t3 = table3(v)
    if typo:
        t3 = [[replace(c, text="2.其他法律行政止公开") if c.text == "2.其他法律行政法规禁止公开" else c for c in row]
              for row in t3]
    at = 3 + [r.id for r in forms.T3_ROWS_2021].index(break_before)
    head, tail = split(t3, at)
    report = blocks(v)
    where = report.index(next(b for b in report if isinstance(b, list) and b[0][0].text.startswith("（本列")))
    return pdf_bytes([*report[:where], head, PAGE_BREAK, tail, *report[where + 1:]], ruled)




def test_ruled_form_across_pages_reads_every_cell():
    v = values()
    data = form_pdf(v, typo=True)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        plain = "\n".join(page.extract_text() for page in pdf.pages).split("\n")
    # The text layer prints the wrapped label of this row on lines around its numbers.
    unpaid = " ".join(fmt(v[forms.t3_cell("other.unpaid_fee", c.id)]) for c in forms.T3_COLUMNS)
    assert any(line.endswith(unpaid) and "缴纳" not in line for line in plain)
    report = extract_bytes(data, "form.pdf")
    assert (report.agency.name, report.year) == (AGENCY, YEAR)
    assert_every_cell(report, v)
    assert "\t\t2.其他法律行政止公开\t" + "\t".join(
        fmt(v[forms.t3_cell("denied.law_prohibited", c.id)]) for c in forms.T3_COLUMNS) in report.document.lines
    assert "- 2 -" not in report.document.lines


@pytest.mark.parametrize("ruled", [True, False])
def test_a_page_whose_text_is_drawn_twice_is_read_once(ruled):
    """A word processor's text under a searchable scan's OCR layer, a few points off: every character
    came twice (225544 for 254), and the report was refused as none."""
    from pypdf import PdfReader, PdfWriter, Transformation

    v = values(seed=4)
    writer = PdfWriter(clone_from=io.BytesIO(form_pdf(v, ruled)))
    over = PdfReader(io.BytesIO(form_pdf(v, ruled)))
    for page, layer in zip(writer.pages, over.pages, strict=True):
        page.merge_transformed_page(layer, Transformation().translate(1.2, -2.5))
    out = io.BytesIO()
    writer.write(out)
    report = extract_bytes(out.getvalue(), "report.pdf")
    assert (report.agency.name, report.year) == (AGENCY, YEAR)
    assert_every_cell(report, v)


@pytest.mark.parametrize("head", ["Annual Report on Government Information Disclosure of Pengyang County (2023)",
                                  "彭阳县人民政府2023年政府信息公开工作年度报告"])
def test_a_header_every_page_prints_is_no_line_of_a_table_it_breaks(head):
    """A running header (the title, in English on a foreign-facing site) at the top of every page lands
    inside table 3 where a page break cuts it: it stood between a wrapped label and its numbers."""
    from pypdf import PdfReader, PdfWriter
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    _styles()
    v = values(seed=5)
    writer = PdfWriter(clone_from=io.BytesIO(form_pdf(v, ruled=False, break_before="not_processed.complaint")))
    for page in writer.pages:
        stamp = io.BytesIO()
        sheet = canvas.Canvas(stamp, pagesize=A4)
        sheet.setFont("STSong-Light", 9)
        sheet.drawCentredString(A4[0] / 2, A4[1] - 30, head)
        sheet.save()
        page.merge_page(PdfReader(stamp).pages[0])
    out = io.BytesIO()
    writer.write(out)
    report = extract_bytes(out.getvalue(), "report.pdf")
    assert (report.agency.name, report.year) == (AGENCY, YEAR)
    assert_every_cell(report, v)
    lines = report.document.lines
    later = lines[lines.index(next(line for line in lines if "三、收到和处理政府信息公开申请情况" in line)):]
    assert [line for line in later if head in line] == []  # page 1's is the title's place


@pytest.mark.parametrize("turn", ["rotate 90", "rotate 270", "drawn sideways", "drawn sideways, cos 90° in floats",
                                  "drawn upside down"])
def test_a_table_page_turned_sideways_is_read_upright(turn):
    """A wide table 3 on a page given /Rotate (a landscape section 'rotated to portrait'), or drawn sideways
    on a portrait page (WPS): its text came one glyph a line, numbers reversed, and table 3 was lost. A
    sheet scanned upside down, its OCR layer written at a half turn, read bottom line first and each
    line backwards (息信府政, 64 for 46). Blind round 99: drawn sideways by Chromium's rotate(90deg), whose matrix
    holds cos 90° as 6e-17, not 0: pdfminer counted every glyph upright, and the page was not turned."""
    from pypdf import PdfWriter, Transformation
    from pypdf.generic import RectangleObject

    v = values(seed=6)
    writer = PdfWriter(clone_from=io.BytesIO(form_pdf(v, ruled=False)))
    page = writer.pages[1]  # table 3's second part and table 4
    if turn.startswith("rotate"):
        page.rotate(int(turn.split()[1]))
    elif turn == "drawn upside down":
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        page.add_transformation(Transformation((-1, 0, 0, -1, width, height)))
    else:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        cosine = 6.123233995736766e-17 if "floats" in turn else 0  # (math.cos(math.pi / 2))
        page.add_transformation(Transformation((cosine, 1, -1, cosine, height, 0)))  # a quarter turn
        page.mediabox = RectangleObject([0, 0, height, width])
    out = io.BytesIO()
    writer.write(out)
    report = extract_bytes(out.getvalue(), "report.pdf")
    assert (report.agency.name, report.year) == (AGENCY, YEAR)
    assert_every_cell(report, v)


@pytest.mark.parametrize("ruled, angle", [(True, 1.5), (True, -1.5), (False, 1.5)])
def test_a_page_drawn_a_little_askew_is_read_deskewed(ruled, angle):
    """A scan set a little askew with its OCR text layer: every line's text and the table's rules drawn at a small
    angle, so a wide row's cells drifted a line's height across the page and took the next row's figures (blind
    round 1280: 行政处罚 read 行政强制's 43), and the tilted rules made no grid. Read as the scan deskewed."""
    from pypdf import PdfWriter, Transformation

    v = values(seed=9)
    writer = PdfWriter(clone_from=io.BytesIO(form_pdf(v, ruled)))
    for page in writer.pages:
        middle = float(page.mediabox.width) / 2, float(page.mediabox.height) / 2
        page.add_transformation(Transformation().translate(-middle[0], -middle[1]).rotate(angle).translate(*middle))
    out = io.BytesIO()
    writer.write(out)
    report = extract_bytes(out.getvalue(), "report.pdf")
    assert (report.agency.name, report.year) == (AGENCY, YEAR)
    assert_every_cell(report, v)
    assert ruled == any("\t" in line for line in report.document.lines)  # (a ruled table's rows read by its grid)


def test_ruled_empty_cells_stay_blank():
    """The text layer drops an empty cell; the grid keeps its place."""
    v = values(seed=3)
    block = [forms.t3_cell(r, c) for r in ("denied.enforcement_file", "denied.admin_query")
             for c in ("research_institution", "social_welfare_org")]
    printed = rebalance({**v, **dict.fromkeys(block, 1)})
    rules = [forms.t2_cell("rules", m) for m in ("issued", "repealed", "in_force")]
    report = extract_bytes(form_pdf({**printed, **dict.fromkeys(block + rules)}), "blank.pdf")
    assert_every_cell(report, printed, frozenset(block + rules))


def test_unruled_tables_fall_back_to_the_text_layer():
    v = values(seed=8)
    report = extract_bytes(form_pdf(v, ruled=False), "plain.pdf")
    assert "\t" not in report.document.text
    for cell in forms.cells(GOV_2021):
        assert report.cells[cell.id].value == v[cell.id], cell.id


def test_an_unruled_table_s_blank_cells_stand_in_their_columns():
    """Unruled, a blank cell leaves nothing in the text layer: a row of table 3 printing 4 of its 7 cells read
    as 4 numbers in unknown columns, and every such row was unsure. Where the values stand places them: two
    columns no row prints (科研机构, 社会公益组织) by the columns' pitch, the table's last rows on the next page
    by the columns of its rows before."""
    v = values(seed=8)
    empty = [forms.t3_cell(r.id, c) for r in forms.T3_ROWS_2021 for c in ("research_institution", "social_welfare_org")]
    some = [forms.t3_cell(r, c) for r in ("granted", "unable.not_held") for c in ("commercial_enterprise", "other_org")]
    v = rebalance({**v, **dict.fromkeys(empty, 0), **dict.fromkeys(some, 2), forms.t3_cell("granted", "legal_service_org"): 1})
    blank = [forms.t3_cell(r.id, c.id) for r in forms.T3_ROWS_2021 for c in forms.T3_COLUMNS[:-1]
             if v[forms.t3_cell(r.id, c.id)] == 0]
    assert any(v[forms.t3_cell(r.id, "total")] for r in forms.T3_ROWS_2021 if forms.t3_cell(r.id, "other_org") in blank)
    report = extract_bytes(form_pdf({**v, **dict.fromkeys(blank)}, ruled=False, break_before="carried_forward"),
                           "blanks.pdf")
    for cell in forms.cells(GOV_2021):
        got = report.cells[cell.id]
        want = {("blank", None), ("inferred", 0)} if cell.id in blank else {("reported", v[cell.id])}
        assert (got.status, got.value) in want, cell.id


def yearbook_pdf(report: list[Block]) -> bytes:
    """The report as a yearbook prints it on one page: its prose and table 2 in two columns, table 3 across the page
    under them, then table 4 alone in the left column with the last sections' few lines in the right."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import BaseDocTemplate, Frame, FrameBreak, PageTemplate, Paragraph

    body, _ = _styles()
    body = ParagraphStyle("yearbook", parent=body, fontSize=8, leading=11)
    cell = ParagraphStyle("small", parent=body, fontSize=5, leading=6)
    width, height = A4[0], 1120  # (a yearbook's tall page)
    half = (width - 80) / 2 - 8
    frames = [Frame(40, 830, half, 280, id="top-left"), Frame(40 + half + 16, 830, half, 280, id="top-right"),
              Frame(40, 330, width - 80, 500, id="across"),
              Frame(40, 200, half, 130, id="bottom-left"), Frame(40 + half + 16, 200, half, 130, id="bottom-right")]
    widths = _COLUMN_WIDTHS | {10: [20, 60, 240] + [27] * 7}

    def flowables(blocks: list[Block]) -> list:
        return [Paragraph(b, body) if isinstance(b, str) else _pdf_table(b, True, cell, widths) for b in blocks]

    tables = [k for k, b in enumerate(report) if isinstance(b, list)]
    t2, t3, t4 = tables
    story = [*flowables(report[:t2 - 1]), FrameBreak(), *flowables(report[t2 - 1:t3 - 1]), FrameBreak(),
             *flowables(report[t3 - 1:t3 + 1]), FrameBreak(), *flowables(report[t4 - 1:t4 + 1]), FrameBreak(),
             *flowables(report[t4 + 1:])]
    out = io.BytesIO()
    document = BaseDocTemplate(out, pagesize=(width, height))
    document.addPageTemplates([PageTemplate(frames=frames)])
    document.build(story)
    return out.getvalue()


def test_a_yearbook_s_short_columns_under_a_table_across_are_read_a_column_at_a_time():
    """Under table 3 printed across the page, table 4 stands alone in the left column and the last sections' few
    lines in the right: too few lines of text for two columns, the table's rows were not counted, and 五、 came
    between table 4's header rows (its cells were lost)."""
    v = values(seed=8)
    report = blocks(v)
    at = report.index("五、存在的主要问题及改进情况") + 2
    report[at:at] = ["下一步，将进一步健全信息发布审核机制，丰富政策解读形式，加强业务培训，推动政务公开工作提质增效。"]
    assert_every_cell(extract_bytes(yearbook_pdf(report), "yearbook.pdf"), v)


@pytest.mark.parametrize("before", [4, 9])
def test_a_gazette_s_two_columns_are_read_one_after_the_other_tables_and_all(before):
    """A gazette prints the report in two columns, its tables in a column each: table 3's head at the foot of the
    left column and its rows at the top of the right (before=9), or table 2 beside table 3 (before=4). Read across,
    the head came after the report's last section, the columns' rows ran together, and the rows above the
    right column's first prose (beside 一、总体情况) stood before the report's prose."""
    v = values(seed=8)
    report = extract_bytes(gazette_pdf(blocks(v), before), "gazette.pdf")
    assert (report.agency.name, report.year) == (AGENCY, YEAR)
    assert_every_cell(report, v)


@pytest.mark.parametrize("ruled, mark", [(True, "1"), (False, "1"), (True, "12")])
def test_a_footnote_mark_set_small_and_raised_is_no_digit(ruled, mark):
    """27 with a raised footnote mark 1 read 271 in the text layer: a wrong number that broke the sums."""
    v = values(seed=8)
    cell = forms.t3_cell("granted", "natural_person")
    report = blocks(v)
    t3 = next(b for b in report if isinstance(b, list) and b[0][0].text.startswith("（本列"))
    granted = next(row for row in t3 if any(c.text == "（一）予以公开" for c in row))
    at = len(granted) - 7
    granted[at] = replace(granted[at], text=f"{fmt(v[cell])}<super>{mark}</super>")
    got = extract_bytes(pdf_bytes(report, ruled), "notes.pdf")
    raised = mark.translate(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"))
    assert (got.cells[cell].value, got.cells[cell].raw) == (v[cell], f"{fmt(v[cell])}{raised}")
    for other in forms.cells(GOV_2021):
        assert got.cells[other.id].value == v[other.id], other.id


def test_a_grid_that_splits_a_number_loses_to_the_text_layer():
    """A ruling line drawn through a number would split it into two cells; the
    text layer reads the row right, so it is used instead."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas as pdf_canvas

    _styles()
    v = values()
    text = synthetic.render(AGENCY, YEAR, GOV_2021, v, "space").split("\n")
    first = next(i for i, line in enumerate(text) if line.startswith("一、本年新收"))
    last = next(i for i, line in enumerate(text) if line.startswith("四、结转下年度"))
    out = io.BytesIO()
    page = pdf_canvas.Canvas(out, pagesize=A4)
    page.setFont("STSong-Light", 8)
    y = A4[1] - 40
    columns = [300 + 34 * i for i in range(8)]
    for i, line in enumerate(text):
        if first <= i <= last:
            label, *numbers = line.rsplit(" ", 7)
            page.drawString(40, y, label[:28])
            for x, number in zip(columns, numbers):
                page.drawString(x + 4, y, number)
            page.grid([36, *columns], [y - 4, y + 10])
            if i == first:  # the stray line, through the middle of 总计
                assert len(numbers[6]) > 1
                middle = columns[6] + 4 + page.stringWidth(numbers[6][0], "STSong-Light", 8) + 0.5
                page.line(middle, y - 4, middle, y + 10)
        else:
            page.drawString(40, y, line)
        y -= 14
        if y < 50:
            page.showPage()
            page.setFont("STSong-Light", 8)
            y = A4[1] - 40
    page.save()
    report = extract_bytes(out.getvalue(), "stray.pdf")
    assert "\t" not in report.document.text
    for cell in forms.cells(GOV_2021):
        if cell.table == "t3":
            assert report.cells[cell.id].value == v[cell.id], cell.id


# --- files that are no report -----------------------------------------------------------------


def _scan(text: str = "") -> bytes:
    """A page that is one image, as a scanner makes it; ``text`` is stamped on as real text."""
    from PIL import Image
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas as pdf_canvas

    image = Image.new("RGB", (300, 420), "white")
    if not text:
        out = io.BytesIO()
        image.save(out, "PDF")
        return out.getvalue()
    out = io.BytesIO()
    page = pdf_canvas.Canvas(out, pagesize=A4)
    page.drawImage(ImageReader(image), 0, 0, *A4)
    page.drawCentredString(A4[0] / 2, 30, text)
    page.save()
    return out.getvalue()


def _encrypted(data: bytes, user_password: str) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=io.BytesIO(data))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def form():
    return form_pdf(values())


def _refused(data: bytes, name: str = "report.pdf") -> errors.ReportError:
    with pytest.raises(errors.ReportError) as info:
        extract_bytes(data, name)
    assert "\n" not in str(info.value)
    return info.value


def test_scanned_pdf_needs_ocr():
    error = _refused(_scan())
    assert isinstance(error, errors.NeedsOCR)
    assert str(error) == "report.pdf: needs OCR: the PDF has no text layer (scanned images)"


def test_scan_with_a_printed_page_number_still_needs_ocr():
    error = _refused(_scan("- 1 -"))
    assert isinstance(error, errors.NeedsOCR)
    assert str(error) == ("report.pdf: needs OCR: the PDF has no text layer (scanned images): "
                          "3 characters of text on 1 page")


def test_password_protected_pdf_is_refused(form):
    error = _refused(_encrypted(form, "secret"))
    assert isinstance(error, errors.EncryptedPDF)
    assert str(error) == "report.pdf: encrypted PDF: cannot be opened without a password"


def test_a_report_followed_by_many_blank_pages_is_read(form):
    """A report's pages, then 300 blank or footer-only pages (an export padded to a page count): the
    characters per page on average made it look like a scan, refused as needing OCR."""
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=io.BytesIO(form))
    width, height = writer.pages[0].mediabox.width, writer.pages[0].mediabox.height
    for _ in range(300 - len(writer.pages)):
        writer.add_blank_page(width, height)
    out = io.BytesIO()
    writer.write(out)
    assert_every_cell(extract_bytes(out.getvalue(), "report.pdf"), values())


def _with_attachments(cover: bytes, files: dict[str, bytes], annotated: bool = False) -> bytes:
    """The PDF carrying ``files``: in its /EmbeddedFiles, or (``annotated``) each in a file-attachment annotation on
    its first page, the paper clip a viewer draws there."""
    from pypdf import PdfWriter
    from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, FloatObject, NameObject, TextStringObject

    writer = PdfWriter(clone_from=io.BytesIO(cover))
    for name, data in files.items():
        if not annotated:
            writer.add_attachment(name, data)
            continue
        stream = DecodedStreamObject()
        stream.set_data(data)
        stream[NameObject("/Type")] = NameObject("/EmbeddedFile")
        spec = DictionaryObject({NameObject("/Type"): NameObject("/Filespec"), NameObject("/F"): TextStringObject(name),
                                 NameObject("/UF"): TextStringObject(name),
                                 NameObject("/EF"): DictionaryObject({NameObject("/F"): writer._add_object(stream)})})
        annotation = DictionaryObject({
            NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/FileAttachment"),
            NameObject("/Rect"): ArrayObject([FloatObject(x) for x in (50, 700, 70, 720)]),
            NameObject("/FS"): writer._add_object(spec), NameObject("/Contents"): TextStringObject(name)})
        page = writer.pages[0]
        annotations = page.get("/Annots") or ArrayObject()
        annotations.append(writer._add_object(annotation))
        page[NameObject("/Annots")] = annotations
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


_ATTACHED = f"{AGENCY}{YEAR}年政府信息公开工作年度报告.docx"


def _cover_note() -> bytes:
    """The article page a CMS prints to PDF: the title, one sentence and the attachment's name."""
    return pdf_bytes([f"{AGENCY}{YEAR}年政府信息公开工作年度报告",
                      f"现将{AGENCY}{YEAR}年政府信息公开工作年度报告予以公布，详见附件。", f"附件：{_ATTACHED}"])


@pytest.mark.parametrize("annotated", [False, True], ids=["embedded-files", "attachment-annotation"])
@pytest.mark.parametrize("cover", [_cover_note, _scan], ids=["cover-note", "scanned-cover"])
def test_a_report_attached_to_a_cover_pdf_is_read_from_the_attachment(cover, annotated):
    """The report is a file attached to the PDF (/EmbeddedFiles, the viewer's paper clip) and the pages
    are only a note or a scan: the cover was refused as no report (or as needing OCR), losing the report.
    Blind round 194 (h692): the file in a file-attachment annotation on the cover, not in /EmbeddedFiles, was lost."""
    v = values()
    report = extract_bytes(_with_attachments(cover(), {_ATTACHED: docx_bytes(blocks(v))}, annotated), "report.pdf")
    assert_every_cell(report, v)
    assert report.agency.name == AGENCY and report.year == YEAR
    assert [(w["code"], w["files"]) for w in report.warnings if w["code"] == "attached_report"] == [
        ("attached_report", [_ATTACHED])]


def _as_portfolio(data: bytes, shown: str) -> bytes:
    """The PDF as a portfolio (/Collection in its catalog) whose file a viewer opens first is ``shown`` (/D)."""
    from pypdf import PdfWriter
    from pypdf.generic import DictionaryObject, NameObject, TextStringObject

    writer = PdfWriter(clone_from=io.BytesIO(data))
    writer._root_object[NameObject("/Collection")] = DictionaryObject({
        NameObject("/Type"): NameObject("/Collection"), NameObject("/View"): NameObject("/D"),
        NameObject("/D"): TextStringObject(shown)})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize("names, portfolio", [
    (("初稿_年度报告.docx", "年度报告.docx"), False),  # (the draft named so, attached first)
    (("征求意见稿.docx", "正式稿.docx"), False),
    (("a.docx", "b.docx"), True),  # (a portfolio presenting the second file: its /D)
])
def test_a_cover_s_draft_attached_before_the_report_is_read_after_it(names, portfolio):
    """Blind round 271 (h1297, PDF portfolios): the cover carried the report and its draft (初稿_…), the draft first:
    the draft's figures were read as the report's, 234 cells wrong without a warning in four files. A file named as a
    draft is read after the others, and a portfolio's file the viewer opens first (/Collection /D) before them."""
    draft, final = values(seed=9), values()
    data = _with_attachments(_cover_note(), {names[0]: docx_bytes(blocks(draft)), names[1]: docx_bytes(blocks(final))})
    report = extract_bytes(_as_portfolio(data, names[1]) if portfolio else data, "report.pdf")
    assert_every_cell(report, final)


def test_a_report_pdf_with_an_attachment_is_read_from_its_pages(form):
    """A full report that also attaches a file (its tables as a spreadsheet, another document): its
    pages are the report, and the attachment is not read into it."""
    other = values(seed=3)
    report = extract_bytes(_with_attachments(form, {"附表.docx": docx_bytes(blocks(other))}), "report.pdf")
    assert_every_cell(report, values())
    assert not [w for w in report.warnings if w["code"] == "attached_report"]


def test_a_cover_whose_attachment_is_no_document_is_still_refused():
    data = _with_attachments(_scan(), {"seal.png": b"\x89PNG\r\n\x1a\n" + bytes(64)})
    assert isinstance(_refused(data), errors.NeedsOCR)


def test_pdf_encrypted_without_an_open_password_is_read(form):
    """Permissions-only encryption (an owner password) does not stop reading."""
    assert_every_cell(extract_bytes(_encrypted(form, ""), "report.pdf"), values())


@pytest.mark.parametrize("cut", [lambda d: d[: len(d) // 2], lambda d: d[:200], lambda d: b"%PDF-1.7\n" + bytes(300)])
def test_damaged_pdf_is_refused(form, cut):
    error = _refused(cut(form))
    assert isinstance(error, errors.DamagedPDF) and isinstance(error, errors.NotText)
    assert str(error).startswith("report.pdf: damaged PDF: the file is cut short (no %%EOF at its end): ")


def test_pdf_without_pages_is_refused():
    from pypdf import PdfWriter

    out = io.BytesIO()
    PdfWriter().write(out)
    assert str(_refused(out.getvalue())) == "report.pdf: damaged PDF: no pages"


def test_cli_prints_one_line_per_refused_pdf(tmp_path: Path, form):
    files = {"scan.pdf": _scan(), "locked.pdf": _encrypted(form, "secret"), "broken.pdf": form[: len(form) // 2]}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    for name, reason in (("scan.pdf", "needs OCR: the PDF has no text layer (scanned images)"),
                         ("locked.pdf", "encrypted PDF: cannot be opened without a password")):
        result = CliRunner().invoke(cli, ["extract", str(tmp_path / name)])
        assert (result.exit_code, result.stdout, result.stderr) == (1, "", f"error: {tmp_path / name}: {reason}\n")
    result = CliRunner().invoke(cli, ["extract", str(tmp_path / "broken.pdf")])
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith(f"error: {tmp_path / 'broken.pdf'}: damaged PDF: ")
    assert result.stderr.count("\n") == 1


def test_what_pdfminer_works_around_is_not_printed(tmp_path: Path, form, caplog):
    """A font descriptor without its FontBBox (as browsers print pages to PDF) made pdfminer
    warn on stderr for every font, dozens of lines a file between the build's own. (pytest
    catches log records before they reach stderr: the test looks at the records.)"""
    without_box = re.sub(rb"/FontBBox\s*\[[^\]]*\]", lambda m: b" " * len(m.group()), form)
    assert without_box != form and len(without_box) == len(form)  # same offsets: the xref still holds
    (tmp_path / "report.pdf").write_bytes(without_box)
    with caplog.at_level(logging.WARNING):
        result = CliRunner().invoke(cli, ["extract", str(tmp_path / "report.pdf")])
    assert (result.exit_code, result.stderr, caplog.records) == (0, "", [])
    assert json.loads(result.stdout)["cells"]["t3.total.total"]["value"] == values()["t3.total.total"]


# --- format from the bytes -----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["report.docx", "report.html", "report.txt", "report"])
def test_pdf_is_pdf_whatever_the_name(form, name):
    assert detect_format(form, name) == "pdf"
    report = extract_bytes(form, name)
    assert report.document.source.format == "pdf"
    assert report.value("t3.total.total") == values()["t3.total.total"]


def _printed_by_chromium(html: str, **options) -> bytes:
    """The page as Chromium prints it to PDF (as a browser or a Word export makes them)."""
    import os
    import shutil

    from playwright.sync_api import sync_playwright

    executable = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page()
            page.set_content(html)
            return page.pdf(format="A4", **options)
        finally:
            browser.close()


def test_a_figure_over_last_year_s_set_smaller_in_a_pdf_cell_is_the_year_s():
    """Blind round 264 (h1260): a PDF's cells print this year's figure over last year's in a smaller type: the two
    lines were joined as a number wrapped in a narrow cell (4 over 2 read 42: 53 cells wrong in one file). A line set
    smaller under a figure is an aside; a wrapped number keeps its size."""
    v = values(seed=5)
    body = re.sub(r"<td>(\d+)</td>", lambda m: f'<td>{m[1]}<br><span style="font-size:7pt">{int(m[1]) + 3}</span></td>',
                  html_body(blocks(v)))
    assert_every_cell(extract_bytes(_printed_by_chromium(html_page(body)), "report.pdf"), v)


@pytest.mark.parametrize("angle", [-30, 0])
def test_a_browser_printed_pdf_with_a_watermark_reads_every_cell_and_its_agency(angle):
    """Chromium writes the 民 of 人民政府 as the radical ⺠: the agency was 政府办公室. A watermark
    (电话 0954-7012345 in 60pt, slanted or not) laid over the tables joined its digits to the cells
    it crossed (1775 read as 41775); it is not read."""
    v = values(seed=5)
    watermark = ("<style>body::after{content:'电话 0954-7012345';position:fixed;top:40%;left:10%;font-size:60pt;"
                 f"color:rgba(0,0,0,.15);transform:rotate({angle}deg)}}</style>")
    page = html_page(html_body(blocks(v))).replace("</head>", watermark + "</head>")
    assert "彭阳县人民政府" in page
    report = extract_bytes(_printed_by_chromium(page), "report.pdf")
    assert report.agency.name == "彭阳县人民政府"
    assert {c.id: report.cells[c.id].value for c in forms.cells(report.template)
            if report.cells[c.id].status in ("reported", "repaired", "inferred")} == {
        c.id: v[c.id] for c in forms.cells(report.template)}


@pytest.mark.parametrize("size", [16, 18])
def test_a_pdf_in_the_usual_body_size_keeps_its_digits_on_their_lines(size):
    """At 16pt (三号, the usual body size of government documents) Chromium sets the digits of
    2023 3.4pt lower than the Chinese beside them: read as a line of their own, they left the
    title and 统计期限, and the report was refused for having no year."""
    v = values(seed=5)
    page = html_page(html_body(blocks(v))).replace("</head>", f"<style>body,td,p{{font-size:{size}pt}}</style></head>")
    report = extract_bytes(_printed_by_chromium(page), "report.pdf")
    assert (report.agency.name, report.year) == ("彭阳县人民政府", 2023)
    assert {c.id: (report.cells[c.id].status, report.cells[c.id].value) for c in forms.cells(report.template)} == {
        c.id: ("reported", v[c.id]) for c in forms.cells(report.template)}


@pytest.mark.parametrize("title_size", [22, 26])
def test_a_printed_page_keeps_the_year_in_its_large_title_and_the_numbers_in_its_sentences(title_size):
    """A title in 二号 or larger, a 16pt body and 10.5pt tables (the usual size, by count, is
    the tables'): the digits' boxes, in another font, hang lower than the Chinese beside them by
    more than any tolerance a page could share, and the agency was 彭阳县人民政府年 with the
    year on a line of its own, or no year at all. Lines are now read by the characters' baselines."""
    v = values(seed=5)
    style = (f"<style>p{{font-size:16pt}} p:first-child{{font-size:{title_size}pt;font-weight:bold}}"
             "td{font-size:10.5pt}</style></head>")
    report = extract_bytes(_printed_by_chromium(html_page(html_body(blocks(v))).replace("</head>", style)), "r.pdf")
    assert (report.agency.name, report.year, report.year_source) == ("彭阳县人民政府", 2023, "title")
    new = v[forms.t3_cell("new_received", "total")]
    assert [(f.value, f.headline) for f in report.narrative if f.key == "applications_received"] == [(new, True)]
    assert {c.id: report.cells[c.id].value for c in forms.cells(report.template)} == {
        c.id: v[c.id] for c in forms.cells(report.template)}


@pytest.mark.parametrize("sample", ["baiyang_town_2022", "fuzhou_city_2019"])
def test_a_page_saved_as_pdf_with_the_browser_s_margins_reads_as_the_page(sample):
    """A browser saving a page as PDF prints the date, time and title at each page's top and the
    address and page number (2/3) at its foot; where table 4 crossed a page their numbers fell
    into it, and every cell of it was unsure."""
    page = decode((Path(__file__).parent / "unseen" / f"{sample}.html").read_bytes(), sample)[0]
    margins = dict(display_header_footer=True, margin={"top": "60px", "bottom": "60px"},
                   header_template="<div style='font-size:9px'><span class='date'></span> <span class='title'></span></div>",
                   footer_template="<div style='font-size:9px'>https://www.gov.cn/xxgk/nb/t2024.html "
                                   "<span class='pageNumber'></span>/<span class='totalPages'></span></div>")
    report = extract_bytes(_printed_by_chromium(page, **margins), "report.pdf")
    assert report.document.text.count("https://www.gov.cn/xxgk") >= 2  # it spans pages
    web = extract_bytes(page.encode("utf-8"), "report.html")
    assert (report.agency.name, report.year) == (web.agency.name, web.year)
    t4 = [c for c in report.cells if c.startswith("t4.")]
    assert {c: report.cells[c].value for c in t4} == {c: web.cells[c].value for c in t4}


def test_a_browser_s_print_margins_are_no_lines_of_the_report():
    lines = body_lines("\n".join(["12/2/26, 6:17 AM 白阳镇2022年政府信息公开工作年度报告", "本报告由白阳镇编制。",
                                   "2024/1/20 下午3:05 彭阳县人民政府", "0\t0\t1",
                                   "file:///C:/Users/a/report.html 2/3", "https://www.gov.cn/a.html 3/3",
                                   "2023.1.5 10:00，召开政务公开工作会议。", "行政许可",
                                   "http://www.zd.gov.cn/col/1604556895412/2024/01/26/1706234817925.html", "6215"]))
    assert lines == ["本报告由白阳镇编制。", "0\t0\t1", "2023.1.5 10:00,召开政务公开工作会议。", "行政许可", "6215"]


def test_a_browser_s_dated_head_without_the_time_is_no_line_of_the_report():
    """Blind round 57: Chromium printed 2024/1/30 广州市规划和自然资源局 - … (no time) at the top of each page, and the
    head's date was read as a row of table 3 (2024, 1, 30) across the page break. A dated line printed once is text."""
    head = "2024/1/30 广州市规划和自然资源局 - 政府信息公开年度报告"
    lines = body_lines("\n".join([head, "一、总体情况", "2024/1/30 召开政务公开工作会议。", "行政许可\t6215", head,
                                   "行政处罚\t12"]))
    assert lines == ["一、总体情况", "2024/1/30 召开政务公开工作会议。", "行政许可\t6215", "行政处罚\t12"]


def _page(draw, crop_top: float = 0, crop_sides: float = 0) -> bytes:
    """A one-page PDF drawn by ``draw(canvas)`` in Helvetica (ASCII: the point is where text is, not
    which), its crop box ``crop_top`` points short of the page's top and ``crop_sides`` short of each side."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas as pdf_canvas

    out = io.BytesIO()
    page = pdf_canvas.Canvas(out, pagesize=A4)
    if crop_top or crop_sides:
        page.setCropBox((crop_sides, 0, A4[0] - crop_sides, A4[1] - crop_top))
    for k in range(6):  # enough text on the page to be a text layer
        page.drawString(72, 500 - 14 * k, f"Annual report on government information disclosure, line {k}.")
    draw(page)
    page.save()
    return out.getvalue()


def _annex(pages: int) -> list[Block]:
    """A catalogue of the year's documents, a few entries a page (the words of the report's form in none of them)."""
    annex: list[Block] = ["附件：2024年度政府信息主动公开目录"]
    for page in range(pages):
        annex += [PAGE_BREAK] + [f"{page * 3 + k} 关于印发第{page * 3 + k}号工作要点的通知 2024-03-05 办公室 主动公开"
                                 for k in range(1, 4)]
    return annex


@pytest.mark.parametrize("annex_first", [False, True])
def test_a_long_pdf_is_read_to_where_its_report_ends(annex_first):
    """Blind round 209 (large files): a report followed by a catalogue of the year's documents, 211 pages, ran past the
    60 s limit per file and was lost. A long file is read to a page past the last printing the form's words; one whose
    report comes after its annex is read whole."""
    from builder.reading.pdf import _LONG_PDF

    v = values(seed=5)
    report = [*blocks(v), "北京市东城区人民政府", "2025年1月20日"]
    pages = _annex(_LONG_PDF + 1)
    data = pdf_bytes([*pages, PAGE_BREAK, *report] if annex_first else [*report, PAGE_BREAK, *pages])
    text = pdf_to_text(data, "report.pdf")
    assert ("工作要点的通知" in text) is annex_first
    assert "2025年1月20日" in text
    assert_every_cell(extract_bytes(data, "report.pdf"), v)


def test_a_page_of_a_hundred_thousand_glyphs_is_read_or_refused_within_the_time_limit():
    """Blind round 59 (resource exhaustion): a page drawing 200,000 glyphs ran for many minutes past the 60 s limit:
    pdfplumber's dedupe_chars restores the characters' order by list.index (quadratic), inside one C call no alarm can
    stop. The page is read (or refused) within the limit, its duplicates dropped as pdfplumber drops them."""
    import pdfplumber
    from reportlab.pdfgen import canvas as pdf_canvas

    from builder.extraction.corpus import read_data
    from builder.limits import Limits
    from builder.reading.pdf import _deduped

    out = io.BytesIO()
    page = pdf_canvas.Canvas(out, pagesize=(2000, 2000))
    for row in range(250):
        text = page.beginText(5, 1990 - row * 7.9)
        text.setFont("Helvetica", 6)
        text.textLine("".join(str((row + k) % 10) for k in range(400)))
        page.drawText(text)
    page.setFont("Helvetica-Bold", 12)
    for x in (72, 72.2):  # fake bold: each character twice, a fifth of a point apart
        page.drawString(x, 20, "Annual report 2023")
    page.save()
    outcome = read_data(out.getvalue(), "P020240131627418390512.pdf", Limits(time_limit=30))
    assert "time limit" not in getattr(outcome, "reason", "")
    with pdfplumber.open(io.BytesIO(_page(lambda p: [p.drawString(x, 100, "12") for x in (72, 72.3)]))) as pdf:
        assert _deduped(pdf.pages[0]).chars == pdf.pages[0].dedupe_chars().chars


def test_white_text_is_not_read_unless_on_a_coloured_fill():
    """An old draft's numbers left under a table in white joined the visible ones (167147 for 167);
    white text on a dark header cell is seen, and read."""
    from builder.reading.pdf import pdf_to_text

    def draw(page) -> None:
        page.drawString(100, 700, "received 167")
        page.setFillColorRGB(1, 1, 1)
        page.drawString(100, 700, "            147")
        page.setFillColorRGB(0.1, 0.2, 0.5)
        page.rect(90, 640, 200, 20, fill=1, stroke=0)
        page.setFillColorRGB(1, 1, 1)
        page.drawString(100, 646, "header on blue")

    text = pdf_to_text(_page(draw), "report.pdf")
    assert "received 167" in text and "147" not in text and "header on blue" in text


def test_text_a_reader_cannot_see_is_not_read():
    """Blind round 111 (text a reader does not see): last year's figures drawn invisibly (text rendering mode 3) beside
    this year's, in 1pt type in a cell's corner (236 for 23), or printed and then covered by a white box with the new figure drawn
    on it (a correction patch): read, they ran into the figures (358412 for 358, 3637 for 37; once the old figure's
    digits were taken for the new one's drawn twice, 5 for 115). A page whose
    text is all invisible (a searchable scan's) is still read."""
    from builder.reading.pdf import pdf_to_text

    def draw(page) -> None:
        page.drawString(100, 700, "licensing 358")
        text = page.beginText(100 + page.stringWidth("licensing 358", "Helvetica", 12), 700)
        text.setTextRenderMode(3)
        text.textOut("412")
        text.setTextRenderMode(0)
        page.drawText(text)
        page.drawString(100, 680, "received 23")
        page.setFont("Helvetica", 1)
        page.drawString(100 + page.stringWidth("received 23", "Helvetica", 12), 676, "lastyear 6")
        page.setFont("Helvetica", 12)
        page.drawString(100, 660, "granted 36")
        page.setFillColorRGB(1, 1, 1)
        page.rect(140, 656, 40, 16, fill=1, stroke=0)  # (over 36: "granted " is 44 points wide)
        page.setFillColorRGB(0, 0, 0)
        page.drawString(150, 660, "37")
        page.drawString(100, 640, "new 118")  # blind round 208: the new figure shares the old one's first digits
        page.setFillColorRGB(1, 1, 1)
        page.rect(125, 636, 30, 16, fill=1, stroke=0)
        page.setFillColorRGB(0, 0, 0)
        page.drawString(100 + page.stringWidth("new ", "Helvetica", 12), 640, "115")

    text = pdf_to_text(_page(draw), "report.pdf")
    assert "licensing 358" in text and "412" not in text
    assert "received 23" in text and "lastyear" not in text
    assert "granted 37" in text and "36" not in text
    assert "new 115" in text and "118" not in text

    def scan(page) -> None:
        text = page.beginText(100, 700)
        text.setTextRenderMode(3)
        for k in range(12):
            text.textLine(f"Annual report on government information disclosure, scanned line {k}.")
        page.drawText(text)

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas as pdf_canvas

    out = io.BytesIO()
    page = pdf_canvas.Canvas(out, pagesize=A4)
    scan(page)
    page.save()
    assert "scanned line 11." in pdf_to_text(out.getvalue(), "scan.pdf")


def test_text_outside_the_clipping_path_is_not_read():
    """Blind round 291 (h1291): an old figure drawn past its cell's clip rectangle (x y w h re W n inside q…Q), where it
    lay in the next cell (30 for 0: the old 3 joined the neighbour's 0), or in place under a clip set off the cell, the
    new figure drawn after Q; a long cell string whose tail the cell's clip cuts off. A viewer shows none of it. A
    form's /BBox clips too, within its caller's clip; a clip that is no rectangle (an ellipse) hides only what lies
    outside its bounds; after Q, text outside the clip Q dropped is read."""

    def cell(page, x: float, y: float, shown: str, cut: str, past: float) -> None:
        page.saveState()
        path = page.beginPath()
        path.rect(x, y - 4, 40, 16)
        page.clipPath(path, stroke=0, fill=0)
        page.drawString(x + past, y, cut)
        page.drawString(x + 4, y, shown)
        page.restoreState()

    def draw(page) -> None:
        page.drawString(100, 700, "received")
        cell(page, 160, 700, "0", "3", 44)
        page.drawString(204, 700, "0")
        page.drawString(100, 680, "granted")
        cell(page, 160, 680, "12", "      (2024: 9)", 4 + page.stringWidth("12", "Helvetica", 12))
        page.drawString(100, 660, "denied")
        page.saveState()
        path = page.beginPath()
        path.rect(400, 100, 1, 1)
        page.clipPath(path, stroke=0, fill=0)
        page.drawString(164, 660, "42")
        page.restoreState()
        page.drawString(164, 660, "2")
        page.beginForm("stamp", 0, 0, 60, 20)
        page.drawString(2, 4, "kept 7")
        page.drawString(80, 4, "beyond 8")
        page.endForm()
        page.saveState()
        page.translate(100, 630)
        page.doForm("stamp")
        page.restoreState()
        page.saveState()
        path = page.beginPath()
        path.ellipse(100, 590, 150, 30)
        page.clipPath(path, stroke=0, fill=0)
        page.drawString(101, 591, "corner 5")
        page.restoreState()
        page.drawString(300, 600, "after 6")

    text = pdf_to_text(_page(draw), "report.pdf")
    assert re.search(r"received\s+0\s+0\b", text) and "3" not in text.split("granted")[0], text
    assert re.search(r"granted\s+12\b", text) and "2024" not in text
    assert re.search(r"denied\s+2\b", text) and "42" not in text
    assert "kept 7" in text and "beyond" not in text
    assert "corner 5" in text and "after 6" in text


def test_text_outside_the_crop_box_is_not_read():
    """A leftover title above the visible page gave the report last year's year."""
    from builder.reading.pdf import pdf_to_text

    text = pdf_to_text(_page(lambda page: page.drawString(72, 830, "LEFTOVER 2022"), crop_top=30), "report.pdf")
    assert "LEFTOVER" not in text and "line 5." in text


def test_a_line_the_crop_box_s_edge_cuts_is_read_whole():
    """Blind round 252 (h1181): a table set a little past the crop box's edge, the first character of each label half
    outside it (规章 drawn from 23 pt, the box from 30): those characters were dropped as unseen (章 0 0 0, and table
    2's rows of 规章 lost). A reader sees them in part; text wholly outside the box is not read."""
    from builder.reading.pdf import pdf_to_text

    def draw(page) -> None:
        page.setFont("Helvetica", 12)
        page.drawString(570, 400, "NOTE 2022")  # (wholly past the box's right edge, at 565)
        page.drawString(25, 380, "Edge 7")  # (its first letter cut by the box's left edge, at 30)

    text = pdf_to_text(_page(draw, crop_sides=30), "report.pdf")
    assert "Edge 7" in text and "NOTE" not in text


def _layered_pdf() -> bytes:
    """A page with two optional-content layers at the same place: the draft's OFF, the final ON."""
    lines = "".join(f"BT /F1 11 Tf 72 {500 - 14 * k} Td (Annual report on disclosure, line {k}.) Tj ET\n" for k in range(6))
    content = ("/OC /OC2 BDC BT /F1 12 Tf 100 700 Td (received 349) Tj ET EMC\n"
               "/OC /OC1 BDC BT /F1 12 Tf 100 700 Td (received 105) Tj ET EMC\n" + lines).encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /OCProperties << /OCGs [5 0 R 6 0 R] /D << /ON [5 0 R] /OFF [6 0 R] >> >> >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 7 0 R >> "
        b"/Properties << /OC1 5 0 R /OC2 6 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /OCG /Name (final) >>",
        b"<< /Type /OCG /Name (draft) >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.5\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_a_layer_a_viewer_hides_is_not_read():
    """A draft kept on a switched-off layer under the final text: the two layers' digits interleaved."""
    from builder.reading.pdf import pdf_to_text

    text = pdf_to_text(_layered_pdf(), "report.pdf")
    assert "received 105" in text and "349" not in text


def test_two_values_typed_into_one_merged_cell_of_a_ruled_pdf_table_are_read_apart():
    """商业企业 and 科研机构 merged in every row of table 3, both values typed into the one cell (4 1)."""
    v = values()
    t3 = [[*row[:-6], Cell(f"{row[-6].text} {row[-5].text}", colspan=2), *row[-4:]] if k >= 3 else row
          for k, row in enumerate(table3(v))]
    data = pdf_bytes(blocks(v, t3))
    assert_every_cell(extract_bytes(data, "report.pdf"), v)
    # The grid's row holds the two numbers in their two columns (the text layer's row did already).
    from builder.reading.pdf import _grid_rows

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        rows = [line for page in pdf.pages for _, line in _grid_rows(page, 3)[0]]
    new = [v[f"t3.new_received.{c.id}"] for c in forms.T3_COLUMNS]
    assert any(line.endswith("\t".join(map(str, new))) for line in rows)


@pytest.mark.parametrize("footer", ["{}", "成都市武侯区卫生健康局 {}"])
@pytest.mark.parametrize("ruled", [True, False])
def test_a_page_number_below_a_table_s_heading_is_no_row_of_it(ruled, footer):
    """A footer printing the page's number alone (3) or after the agency's name, the page ending with
    table 4's heading: read with the text, the 3 was a row of table 4 and its cells unsure. Numbers
    that go up with the pages, after the same words, are the pages' numbers."""
    v = values()
    report = blocks(v)
    t4 = [k for k, b in enumerate(report) if isinstance(b, list)][-1]
    data = pdf_bytes([*report[:t4], PAGE_BREAK, *report[t4:]], ruled, footer=footer)
    read = extract_bytes(data, "report.pdf")
    for cell in (c for c in forms.cells(GOV_2021) if c.table == "t4"):
        assert (read.cells[cell.id].value, read.cells[cell.id].status) == (v[cell.id], "reported"), cell.id


def test_spread_digits_in_a_cell_over_table_2_s_three_columns_are_not_three_values():
    """行政强制 | 2 1 6 over the three columns of table 2 (one value a row): a number whose digits the PDF
    spreads, not a value for each column; read apart, 2 went in place of 216."""
    v = {**values(), "t2.coercion.decisions": 216}
    report = [[[replace(c, text="2 1 6") if c.text == "216" and c.colspan == 3 else c for c in row] for row in b]
              if isinstance(b, list) else b for b in blocks(v)]
    got = extract_bytes(pdf_bytes(report), "report.pdf").cells["t2.coercion.decisions"]
    assert got.value == 216 or (got.value is None and got.status == "ambiguous"), got


def test_of_this_year_s_and_last_year_s_reports_attached_the_cover_s_year_is_read():
    """A cover note for the 2022 report attaching last year's too, named first: the file's report is the
    year the cover names, not the first attachment."""
    v, last = values(), values(seed=3)
    earlier = docx_bytes([b.replace(str(YEAR), str(YEAR - 1)) if isinstance(b, str) else b for b in blocks(last)])
    data = _with_attachments(_cover_note(), {f"{AGENCY}{YEAR - 1}年政府信息公开工作年度报告.docx": earlier,
                                             _ATTACHED: docx_bytes(blocks(v))})
    report = extract_bytes(data, "report.pdf")
    assert report.year == YEAR
    assert_every_cell(report, v)


def test_a_figure_struck_through_in_a_pdf_is_not_read():
    """A corrected PDF keeps the old figure struck through beside the new one (45 47; the strike a rule across
    the digits' middle): the text layer gave 4547, a wrong cell. Underlined figures are read."""
    v = values()
    new = v[forms.t3_cell("granted", "natural_person")]
    t3 = table3(v)
    granted = next(row for row in t3 if any(c.text == "（一）予以公开" for c in row))
    first = next(k for k, c in enumerate(granted) if c.text == str(new))
    granted[first] = replace(granted[first], text=f"<strike>{new + 9}</strike> {new}")
    carried = next(row for row in t3 if row[0].text.startswith("二、上年结转"))
    carried[1:] = [replace(c, text=f"<u>{c.text}</u>") for c in carried[1:]]
    report = extract_bytes(pdf_bytes(blocks(v, t3)), "struck.pdf")
    assert_every_cell(report, v)


def test_a_table_s_rules_drawn_across_text_are_no_strike():
    """A stale copy of a table drawn behind the page's own, a few points lower: its cell edges, rule after rule,
    cross the shown figures' middles. Taken for strikes, every figure of table 3 was dropped. A strike covers
    the characters it crosses and stands alone at its height."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    from builder.reading.pdf import pdf_to_text

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    page.setFont("STSong-Light", 10)
    page.drawString(60, 700, "一、本年新收政府信息公开申请数量   428   57   506")
    for x in range(50, 400, 40):  # a row's edges: cell after cell, through the text's middle
        page.rect(x, 703, 40, 0.6, stroke=0, fill=1)
    page.drawString(60, 650, "规章   45 47   3")
    width = pdfmetrics.stringWidth("45", "STSong-Light", 10)
    start = 60 + pdfmetrics.stringWidth("规章   ", "STSong-Light", 10)
    page.rect(start, 653, width, 0.6, stroke=0, fill=1)  # a strike over 45 alone
    page.save()
    text = pdf_to_text(out.getvalue(), "stale.pdf")
    assert "428" in text and "506" in text
    assert "45" not in text.replace("450", "") and "47" in text


def _cmap_stream_pdf(lines_per_page: list[list[str]]) -> bytes:
    """A PDF whose one font is a CID font with its /Encoding an embedded CMap stream (as fpdf2 writes): pdfminer maps
    no glyph of it, PDFium maps each through its ToUnicode. Each character a CID of its own, 12 pt lines."""
    chars = sorted({ch for page in lines_per_page for line in page for ch in line})
    cid = {ch: k + 1 for k, ch in enumerate(chars)}
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    def stream(data: bytes, extra: bytes = b"") -> bytes:
        return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"

    encoding = add(stream(b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Custom def "
                          b"1 begincodespacerange <0000> <FFFF> endcodespacerange 1 begincidrange <0000> <FFFF> 0 "
                          b"endcidrange endcmap CMapName currentdict /CMap defineresource pop end end",
                          b"/Type /CMap /CMapName /Custom /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) "
                          b"/Supplement 0 >> "))
    pairs = b"".join(b"<%04X> <%s>\n" % (n, ch.encode("utf-16-be").hex().upper().encode()) for ch, n in cid.items())
    to_unicode = add(stream(b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /U def "
                            b"1 begincodespacerange <0000> <FFFF> endcodespacerange %d beginbfchar\n" % len(cid)
                            + pairs + b"endbfchar endcmap CMapName currentdict /CMap defineresource pop end end"))
    descriptor = add(b"<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -140 1000 880] /ItalicAngle 0 "
                     b"/Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>")
    cid_font = add(b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) "
                   b"/Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R /DW 1000 >>" % descriptor)
    font = add(b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding %d 0 R /DescendantFonts [%d 0 R] "
               b"/ToUnicode %d 0 R >>" % (encoding, cid_font, to_unicode))
    pages_id = len(objects) + 2 * len(lines_per_page) + 1
    kids = []
    for page in lines_per_page:
        # the font set in a text object of its own, as fpdf2 does, then each line in its own
        ops = [b"BT /F1 10 Tf ET"] + [b"BT %d %d Td <%s> Tj ET" % (
            40, 800 - 14 * k, "".join(f"{cid[ch]:04X}" for ch in line).encode()) for k, line in enumerate(page)]
        content = add(stream(b"\n".join(ops)))
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                        b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (pages_id, content, font)))
    assert add(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids),
                                                              len(kids))) == pages_id
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    out, offsets = io.BytesIO(), []
    out.write(b"%PDF-1.7\n")
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % offset for offset in offsets))
    out.write(b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, xref))
    return out.getvalue()


def test_a_font_pdfminer_maps_no_glyph_of_is_read_by_pdfium():
    """fpdf2's CJK font: a CID font whose /Encoding is an embedded CMap stream. pdfminer read not one character and
    the report was refused as a scan ('needs OCR'); PDFium maps the glyphs through the font's ToUnicode, and the
    report is read from that text (every cell of its tables)."""
    v = synthetic.consistent_values(random.Random(8), GOV_2021)
    printed = {c.id: synthetic._fmt(v[c.id]) for c in forms.cells(GOV_2021)}
    lines = synthetic._text_lines(synthetic._blocks("浏阳市人民政府", 2024, GOV_2021, printed, v), "space",
                                  random.Random(0))
    lines = [line for line in lines if line.strip()]
    data = _cmap_stream_pdf([lines[k:k + 50] for k in range(0, len(lines), 50)])
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert not any(page.chars for page in pdf.pages)  # the failure this is about
    rep = extract_bytes(data, "P020250101000000000000.pdf")
    assert (rep.agency.name, rep.year) == ("浏阳市人民政府", 2024)
    assert {c.id: rep.cells[c.id].value for c in forms.cells(GOV_2021)} == {c.id: v[c.id] for c in forms.cells(GOV_2021)}


def test_a_pdf_of_images_only_still_needs_ocr_after_pdfium_is_asked():
    with pytest.raises(errors.NeedsOCR):
        extract_bytes(_cmap_stream_pdf([[""]]), "scan.pdf")


def _gazette_pdf(v: dict) -> bytes:
    """A gazette's page: the report's title across the page, its prose in two columns (as 政府公报 print it), each
    column's sentences long enough to wrap over many lines; then its tables across the next pages."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import BaseDocTemplate, Frame, NextPageTemplate, PageBreak, PageTemplate, Paragraph

    body, cell = _styles()
    width, height = A4
    margin, gutter = 50, 20
    column = (width - 2 * margin - gutter) / 2
    top = height - margin - 60  # (the title's frame at the top, the columns under it)
    two = PageTemplate("two", [Frame(margin, top, width - 2 * margin, 60, id="title"),
                               Frame(margin, margin, column, top - margin - 10, id="left"),
                               Frame(margin + column + gutter, margin, column, top - margin - 10, id="right")])
    one = PageTemplate("one", [Frame(margin, margin, width - 2 * margin, height - 2 * margin, id="page")])
    new = v[forms.t3_cell("new_received", "total")]
    carried = v[forms.t3_cell("carried_over", "total")]
    prose = [f"{AGENCY}{YEAR}年政府信息公开工作年度报告",
             f"本报告由{AGENCY}办公室编制，所列数据统计期限自{YEAR}年1月1日至{YEAR}年12月31日止。" * 2,
             "一、总体情况",
             f"本机关认真贯彻落实《条例》，{YEAR}年，本机关共收到政府信息公开申请{new}件，上年结转{carried}件，"
             "均在法定期限内予以答复，申请内容主要涉及征地拆迁、规划建设、市场监管等领域，答复质量进一步提升。",
             "本机关认真贯彻落实《中华人民共和国政府信息公开条例》，持续深化政务公开，推进决策、执行、管理、"
             "服务、结果公开，不断提升政务公开质量和实效，政务公开工作取得新的进展。" * 7,
             "严格落实政府信息公开保密审查制度，坚持先审查、后公开和一事一审原则，全年未发生泄密事件，"
             "对现行有效规范性文件开展清理，清理结果及时向社会公布，政府信息管理更加规范。" * 3]
    story = [Paragraph(text, body) for text in prose] + [NextPageTemplate("one"), PageBreak()]
    for block in blocks(v)[4:]:
        story.append(Paragraph(block, body) if isinstance(block, str) else _pdf_table(block, True, cell))
    out = io.BytesIO()
    BaseDocTemplate(out, pagesize=A4, pageTemplates=[two, one]).build(story)
    return out.getvalue()


def test_prose_printed_in_two_columns_is_read_a_column_at_a_time():
    """A gazette prints the report's prose in two columns: read across, each line ran the left column's words into
    the right's (…申请内容主要涉及征 / 行有效规范性文件…), the sentences broken line by line. Each band
    of two columns is read left column first; the tables across the following pages are read as before."""
    from .official_form import assert_every_cell

    v = values(seed=5)
    rep = extract_bytes(_gazette_pdf(v), "gazette.pdf")
    assert_every_cell(rep, v)
    new = v[forms.t3_cell("new_received", "total")]
    text = rep.document.text.replace("\n", "")
    assert f"共收到政府信息公开申请{new}件" in text and "申请内容主要涉及征地拆迁、规划建设、市场监管等领域" in text
    assert {f.key: f.value for f in rep.narrative if f.headline}["applications_received"] == new


def _short_columns_page(v: dict) -> str:
    """A browser's page of a report whose 总体情况 is printed in two short columns (a heading a paragraph, the last
    lines short), table 2 under a left-aligned heading with centred captions; table 4 as two stacked tables (复议,
    then 诉讼 with its two groups of five side by side, each cell drawing its own border), and 五、 and 六、 side by
    side under it."""
    new, carried = v[forms.t3_cell("new_received", "total")], v[forms.t3_cell("carried_over", "total")]
    answered = v[forms.t3_cell("total", "total")]
    overview = ["一、总体情况", "（一）主动公开", f"{YEAR}年，本机关主动公开政府信息1,286条，重点公开财政预决算、重大建设项目、"
                "行政许可和行政处罚等信息。", "（二）依申请公开", f"全年收到政府信息公开申请{new}件，上年结转{carried}件。"
                f"全年办结{answered}件，申请事项主要涉及房屋征收补偿和建设工程规划审批等。", "（三）政府信息管理",
                "修订本机关政府信息公开工作制度，明确信息公开审核流程。", "（四）平台建设", "优化门户网站政府信息公开栏目。",
                "（五）监督保障", "将政务公开纳入年度考核。"]
    columns = "<div style='column-count:2;column-gap:2em'>" + "".join(f"<p>{p}</p>" for p in overview) + "</div>"
    tables = html_body(blocks(v)[4:8]).replace("<p>第二十条", "<p style='text-align:center'>第二十条")
    t4 = {(g.id, c.id): v[f"t4.{g.id}.{c.id}"] for g in forms.T4_GROUPS for c in forms.T4_COLUMNS}
    heads = "".join(f"<td>{h}</td>" for h in ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计"))

    def figures(*groups: str) -> str:
        return "".join(f"<td>{t4[g, c.id]}</td>" for g in groups for c in forms.T4_COLUMNS)

    table4 = ("<p style='break-before:page'>四、政府信息公开行政复议、行政诉讼情况</p>"
              "<table style='border-collapse:collapse;width:100%'>"
              f"<tr><td colspan=5>行政复议</td></tr><tr>{heads}</tr><tr>{figures('admin_review')}</tr></table>"
              "<table style='border-collapse:collapse;width:100%;table-layout:fixed'><tr><td colspan=10>行政诉讼</td></tr>"
              "<tr><td colspan=5>未经复议直接起诉</td><td colspan=5>复议后起诉</td></tr>"
              f"<tr>{heads * 2}</tr><tr>{figures('litigation_direct', 'litigation_after_review')}</tr></table>")
    closing = ("<div style='column-count:2;column-gap:2em'><p>五、存在的主要问题及改进情况</p>"
               "<p>一是信息公开内容与群众需求的契合度还不够高；二是工作人员业务能力有待提升。下一步将加强政策解读，"
               "围绕群众关注的社保待遇、就业补贴等热点做好解读回应，定期组织业务培训，提升依法公开能力。</p>"
               "<p>六、其他需要报告的事项</p>"
               "<p>本年度本机关未收取政府信息公开信息处理费，无其他需要报告的事项。</p></div>")
    body = (f"<h2>{AGENCY}{YEAR}年政府信息公开工作年度报告</h2><p>本报告由{AGENCY}办公室编制，所列数据统计期限自{YEAR}年1月1日"
            f"至{YEAR}年12月31日止。本报告电子版可在门户网站查阅或下载。</p>" + columns + tables + table4 + closing)
    return html_page(body).replace("td { border: 1px solid #000 }", "td { border: 1px solid #000; text-align: center }")


def test_short_two_column_prose_and_a_split_table_above_columns_are_read_in_order():
    """A page prints its 总体情况 in two short columns (more headings and short last lines than lines of prose), with
    table 2's captions centred below: the captions crossed the page's middle, so the gutter was looked for left of it,
    the columns were read across, and 上年结转3 / 件 was cut from its unit by the other column's line. Read column
    by column, the heading under the columns (二、主动公开…) comes after both. Table 4's 诉讼 half, two groups of five
    cells side by side, draws each cell's border: its rules, in pieces meeting at the page's middle, now end the
    two columns of 五、 and 六、 under it, which had taken the 复议后起诉 group into their right column."""
    v = values(seed=5)
    report = extract_bytes(_printed_by_chromium(_short_columns_page(v)), "report.pdf")
    carried = v[forms.t3_cell("carried_over", "total")]
    text = unicodedata.normalize("NFKC", report.document.text.replace("\n", ""))  # (⼆ as Chromium's font maps it)
    assert f"上年结转{carried}件。全年办结" in text
    assert text.index("将政务公开纳入年度考核") < text.index("二、主动公开政府信息情况")
    assert {f.key: f.value for f in report.narrative if f.headline}["applications_carried_over"] == carried
    assert {c.id: report.cells[c.id].value for c in forms.cells(report.template)} == {
        c.id: v[c.id] for c in forms.cells(report.template)}


def _short_columns_canvas() -> bytes:
    """A page drawn line by line: the title and a dated byline centred, the opening across the page, then 总体情况 in
    two short columns (headings, prose, short last lines; the right column three lines of prose), 二、 at the left
    margin under them, and table 2's captions and the page number centred below."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    _styles()  # (registers the CJK font)
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    width, height = A4
    page.setFont("STSong-Light", 10.5)
    y = height - 60

    def centred(text: str) -> None:
        nonlocal y
        page.drawCentredString(width / 2, y, text)
        y -= 20

    centred(f"{AGENCY}{YEAR}年政府信息公开工作年度报告")
    centred(f"{AGENCY}  {YEAR + 1}年1月30日")
    for line in (f"本报告根据《中华人民共和国政府信息公开条例》编制，所列数据统计期限自{YEAR}年1月1日起至{YEAR}年12月31日止。",
                 "本报告电子版可在门户网站查阅或下载，如对本报告有疑问，请与本机关办公室联系，联系电话见门户网站。"):
        page.drawString(40, y, line)
        y -= 17
    left = ["一、总体情况", "（一）主动公开", f"{YEAR}年，本机关主动公开政府信息1286条，涉及保", "障性住房等内容。",
            "（二）依申请公开", "全年收到政府信息公开申请58件，上年结转3", "件。全年办结58件，结转下年3件。申请事项主要",
            "涉及房屋征收补偿、建设工程规"]
    right = ["划审批等。", "（三）政府信息管理", "修订政府信息公开工作制度，明确信息公开审", "核流程。", "（四）平台建设",
             "优化局网站政府信息公开栏目，新增城市更新", "专栏。", "（五）监督保障", "将政务公开纳入年度绩效考核。"]
    top = y - 6
    for k, line in enumerate(left):
        page.drawString(40, top - 17 * k, line)
    for k, line in enumerate(right):
        page.drawString(310, top - 17 * k - 8, line)
    y = top - 17 * len(right) - 40
    page.drawString(40, y, "二、主动公开政府信息情况")
    y -= 30
    for caption in ("第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项"):
        centred(caption)
    page.drawCentredString(width / 2, 40, "第 1 页 共 4 页")
    page.showPage()
    page.save()
    return out.getvalue()


def test_two_short_columns_between_centred_lines_are_read_a_column_at_a_time():
    """Centred lines (a byline, table 2's captions, the page number) cross the page's middle: counted as witnesses,
    the gutter was looked for left of it, where the short columns' headings leave space, and the columns were read
    across (…上年结转3 / 件。全年办结…, cut by the other column's line). Lines shorter than a third of the page say
    nothing of the gutter; a column's headings and short last lines do not count against its prose; and 二、 at the
    left margin under both columns is read after them."""
    text = unicodedata.normalize("NFKC", pdf_to_text(_short_columns_canvas(), "report.pdf"))
    lines = text.splitlines()
    assert lines[lines.index("全年收到政府信息公开申请58件,上年结转3") + 1] == "件。全年办结58件,结转下年3件。申请事项主要"
    assert text.index("将政务公开纳入年度绩效考核") < text.index("二、主动公开政府信息情况")


def two_up(data: bytes) -> bytes:
    """The PDF's A4 pages printed two to a landscape A4 sheet (2-up), each scaled to A5, left then right."""
    from pypdf import PageObject, PdfReader, PdfWriter, Transformation

    pages, writer = PdfReader(io.BytesIO(data)).pages, PdfWriter()
    width, height = float(pages[0].mediabox.width), float(pages[0].mediabox.height)
    scale = (width / 2) / width * 0.98
    for k in range(0, len(pages), 2):
        sheet = PageObject.create_blank_page(width=height, height=width)
        for side, page in enumerate(pages[k:k + 2]):
            sheet.merge_transformed_page(page, Transformation().scale(scale).translate(
                side * height / 2 + (height / 2 - width * scale) / 2, (width - height * scale) / 2))
        writer.add_page(sheet)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_two_pages_printed_side_by_side_on_a_landscape_sheet_are_read_one_after_the_other():
    """Blind round 74 (page geometry): two A5 pages on each landscape A4 sheet, read across, ran the two pages' lines
    together, and a table on one side took the other side's prose between its rows (193 cells of one report lost)."""
    v = values(seed=6)
    data = two_up(form_pdf(v))
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert [page.width > page.height for page in pdf.pages] == [True]  # (the two pages on one sheet)
    report = extract_bytes(data, "form.pdf")
    assert (report.agency.name, report.year) == (AGENCY, YEAR)
    assert_every_cell(report, v)


def _spaced_chars(text: str, top: float, size: float, gap: float, left: float = 50.0) -> list[dict]:
    """A line's characters as pdfplumber gives them, each ``gap`` points after the one before."""
    out, x = [], left
    for char in text:
        width = size if "\u4e00" <= char <= "\u9fff" else size / 2
        out.append({"text": char, "x0": x, "x1": x + width, "top": top, "bottom": top + size, "size": size,
                    "upright": True, "doctop": top, "fontname": "F", "object_type": "char"})
        x += width + gap
    return out


@pytest.mark.parametrize("gap, spaced", [(0.0, False), (0.4, False), (5.6, True), (8.0, True)])
def test_a_letter_spaced_page_s_numbers_are_read_whole(gap, spaced):
    """Blind round 77 (letter-spaced PDFs): a page printed with CSS letter-spacing (0.35 to 1 em between every two
    characters) read each number's digits as cells of their own (2 3 6 for 236): the page's own spacing is the gap a
    word's characters stand apart, and a table's cells and columns, far wider apart, stay apart."""
    from types import SimpleNamespace

    from builder.reading.pdf import _LETTER_GAP, _cell_text, _letter_gap

    sentence = "二〇二四年本机关共收到政府信息公开申请二十三件"
    prose = [c for k in range(8) for c in _spaced_chars(sentence, 100 + 20 * k, 10.5, gap)]
    page = SimpleNamespace(chars=prose)
    tolerance = _letter_gap(page)
    assert (tolerance > 3.0) == spaced
    token = _LETTER_GAP.set(tolerance)
    try:
        assert _cell_text(_spaced_chars("236", 400, 10.5, gap), 3.0) == "236"
        assert _cell_text(_spaced_chars("2", 400, 10.5, gap) + _spaced_chars("7", 400, 10.5, gap, left=90.0), 3.0) \
            == "2 7"  # two figures a column apart
    finally:
        _LETTER_GAP.reset(token)


def _page_with_link_column(v: dict, side: str, entries: list[str]) -> str:
    """A site's report page printed by a browser: the article beside a column of links (a heading, entries after a
    bullet, wrapped), as the site lays it out at print width."""
    links = "".join(f"<h4>{heading}</h4>" + "".join(f"<p>· {entry}</p>" for entry in entries)
                    for heading in ("政府信息公开年报", "友情链接"))
    sidebar = f"<div style='width:140px;flex:none;font-size:12px'>{links}</div>"
    article = (f"<div style='flex:1;margin:0 20px'><h2>{AGENCY}{YEAR}年政府信息公开工作年度报告</h2>"
               f"<p>发布日期：{YEAR + 1}-01-20 【打印本页】 【关闭窗口】</p>{html_body(blocks(v))}</div>")
    row = sidebar + article if side == "left" else article + sidebar
    return html_page(f"<div style='display:flex'>{row}</div>")


@pytest.mark.parametrize("side", ["left", "right"])
def test_a_site_s_column_of_links_beside_the_article_is_no_part_of_it(side):
    """Blind round 79 (web pages printed to PDF): the site's sidebar listing other reports (· 西湖区教育局2023年政府
    信息公…) was read across with the article, line by line: its heading ran into the title (年报列表 成都市双流区
    教育局…), and an entry cut at the column's edge (…2022年政 / …作年度报告) was taken for the report's title, which
    refused the report as another subject's. The column of bulleted entries beside the article is left out."""
    v = values(seed=5)
    entries = [f"{AGENCY}{YEAR - k}年政府信息公开工作年度报告" for k in (1, 2, 3)] + ["某某县教育局政府信息公开指南"]
    report = extract_bytes(_printed_by_chromium(_page_with_link_column(v, side, entries)), "page.pdf")
    assert (report.agency.name, report.year) == (AGENCY, YEAR)
    assert_every_cell(report, v)
    text = unicodedata.normalize("NFKC", report.document.text)
    assert "友情链接" not in text and "· " not in text and "某某县教育局" not in text


def test_a_table_whose_labels_are_bulleted_keeps_them():
    """Bulleted labels with numbers beside them are a table's rows, not a column of links."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas as pdf_canvas

    _styles()
    out = io.BytesIO()
    page = pdf_canvas.Canvas(out, pagesize=A4)
    page.setFont("STSong-Light", 11)
    rows = [("● 行政许可", "125"), ("● 行政处罚", "37"), ("● 行政强制", "4"), ("● 行政事业性收费", "0")]
    for k, (label, number) in enumerate(rows):
        page.drawString(60, 700 - 20 * k, label)
        page.drawString(300, 700 - 20 * k, number)
    page.save()
    assert [line.split() for line in pdf_to_text(out.getvalue(), "t.pdf").splitlines() if line.strip()] == [
        [*label.split(), number] for label, number in rows]


def test_a_spreadsheet_s_page_header_naming_its_sheet_is_no_row_of_the_table():
    """Blind round 84 (spreadsheet prints split across pages): a spreadsheet's page header Sheet1 第 2 页 (its 页 the
    radical ⻚ the font maps it to) on each page of table 3, the first page's below the section's heading: read with
    the text, each was a row of table 3 (Sheet | 1), and the pages' order was lost. A row of numbers at a page's top
    is no page number, whatever its last figure."""
    from builder.reading.pdf import without_page_furniture

    pages = ["三、收到和处理政府信息公开申请情况\nSheet1 第 1 ⻚\n一、本年新收政府信息公开申请数量\t87\t12\t2",
             "Sheet1 第 2 ⻚\n申请人情况\n0 0 1 18\n0 0 0 1", "Sheet1 第 3 ⻚\n三、本年度办理结果\t25\t2\t0",
             "0 0 1 4\n0 0 0 1\nSheet1 第 4 ⻚"]
    kept = [line for page in without_page_furniture(pages) for line in page.split("\n")]
    assert not [line for line in kept if "Sheet1" in line]
    assert kept.count("0 0 1 18") == 1 and kept.count("0 0 1 4") == 1


@pytest.mark.parametrize("footer", ["{title} - {n} -", "{title} — {n} —", "{title} 第 {n} 页"])
def test_a_footer_of_the_report_s_title_and_its_page_number_between_dashes_is_no_row(footer):
    """Blind round 183 (h604: table 3 broken across pages): each page's footer the report's title, its year too, then
    - 3 -; at a break inside a row, between its label and its numbers, the footer was read as the row's figures, and
    table 3 was unsure. A footer's page number may stand between dashes, after words holding the report's year."""
    from builder.reading.pdf import without_page_furniture

    title = "杭州市余杭区农业农村局2024年政府信息公开工作年度报告"
    pages = ["三、收到和处理政府信息公开申请情况\n（四）无法提供 1.本机关不掌握相关政府信息",
             "12 3 0 0 0 0 15\n2.没有现成信息需要另行制作 1 0 0 0 0 0 1",
             "四、政府信息公开行政复议、行政诉讼情况\n0 0 0 0 0"]
    pages = [f"{page}\n{footer.format(title=title, n=k + 2)}" for k, page in enumerate(pages)]
    kept = [line for page in without_page_furniture(pages) for line in page.split("\n")]
    assert not [line for line in kept if title in line]


def test_two_tables_side_by_side_are_read_one_after_the_other():
    """Blind round 88 (tables side by side): table 2 under 二、 on the left of the page and table 4 (a row per group)
    under 四、 on the right, table 3 full width below them: read across, the two tables' headings and rows ran
    together line by line (二、… 四、… on one line, table 4's rows between table 2's), and table 4 was lost. The
    page is read in parts: above them, the left one, the right one, then the rest."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import Paragraph, SimpleDocTemplate
    from reportlab.platypus import Table as PdfTable

    v = values()
    body, cell = _styles()
    grid = [("GRID", (0, 0), (-1, -1), 0.5, "black")]

    def ruled(rows: list[list[str]], widths: list[float]) -> PdfTable:
        return PdfTable([[Paragraph(text, cell) for text in row] for row in rows], colWidths=widths, style=grid)

    t2 = [["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]]
    for item in forms.FORMS[GOV_2021].t2:
        t2.append([item.label_zh, *(fmt(v[forms.t2_cell(item.id, m.id)]) for m in item.measures)]
                  + [""] * (3 - len(item.measures)))
    names = {"admin_review": "行政复议", "litigation_direct": "未经复议直接起诉", "litigation_after_review": "复议后起诉"}
    t4 = [["类别", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]]
    t4 += [[name, *(fmt(v[forms.t4_cell(g, c.id)]) for c in forms.T4_COLUMNS)] for g, name in names.items()]
    side = PdfTable([[[Paragraph("二、主动公开政府信息情况", body), ruled(t2, [84, 40, 40, 40])],
                      [Paragraph("四、政府信息公开行政复议、行政诉讼情况", body), ruled(t4, [54, 30, 30, 30, 30, 30])]]],
                    colWidths=[220, 220])
    t3 = next(b for b in blocks(v) if isinstance(b, list) and any("自然人" in c.text for row in b for c in row))
    story = [Paragraph(f"{AGENCY}{YEAR}年政府信息公开工作年度报告", body), Paragraph("一、总体情况", body),
             Paragraph(f"{YEAR}年，本机关认真落实政务公开要求，全年主动公开政府信息120条。", body), side,
             Paragraph("三、收到和处理政府信息公开申请情况", body), _pdf_table(t3, True, cell),
             Paragraph("五、存在的主要问题及改进情况", body), Paragraph("工作仍有不足。", body)]
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4).build(story)
    report = extract_bytes(out.getvalue(), "report.pdf")
    assert {c.id: report.cells[c.id].value for c in forms.cells(GOV_2021) if c.table in ("t2", "t4")} == \
        {c.id: v[c.id] for c in forms.cells(GOV_2021) if c.table in ("t2", "t4")}


def _numbered_pages(v: dict) -> bytes:
    """The form on six A4 pages (a page break before each section), each page's number printed at its foot."""
    report = blocks(v)
    spaced = [part for block in report for part in ((PAGE_BREAK, block) if isinstance(block, str) and block[1:2] == "、"
                                                    and block[0] in "二三四五" else (block,))]
    return pdf_bytes(spaced, True)


def imposed(data: bytes, layout: str) -> bytes:
    """The PDF's A4 pages printed several to a sheet: "booklet" (two to a landscape sheet in the order a printer folds,
    the last page beside the first, crop marks in the white between them) or "4-up" (four to a portrait sheet, two by
    two, left to right and top to bottom)."""
    from pypdf import PageObject, PdfReader, PdfWriter, Transformation
    from reportlab.pdfgen import canvas

    pages, writer = list(PdfReader(io.BytesIO(data)).pages), PdfWriter()
    width, height = float(pages[0].mediabox.width), float(pages[0].mediabox.height)
    if layout == "booklet":
        pages += [None] * (-len(pages) % 4)
        n = len(pages)
        order = [k for sheet in range(n // 2) for k in ((n - 1 - sheet, sheet) if sheet % 2 == 0 else (sheet, n - 1 - sheet))]
        spots, scale, size = [(0, 0), (height / 2, 0)], 0.7, (height, width)
    else:
        order = list(range(len(pages)))
        spots, scale, size = [(0, height / 2), (width / 2, height / 2), (0, 0), (width / 2, 0)], 0.49, (width, height)
    per_sheet = len(spots)
    for start in range(0, len(order), per_sheet):
        sheet = writer.add_page(PageObject.create_blank_page(width=size[0], height=size[1]))
        for (x, y), k in zip(spots, order[start:start + per_sheet]):
            if k < len(pages) and pages[k] is not None:
                sheet.merge_transformed_page(pages[k], Transformation().scale(scale).translate(x + 6, y + 6))
        if layout == "booklet":  # crop marks at the fold, top and bottom
            stamp = io.BytesIO()
            marks = canvas.Canvas(stamp, pagesize=size)
            marks.line(size[0] / 2, 0, size[0] / 2, 12)
            marks.line(size[0] / 2, size[1] - 12, size[0] / 2, size[1])
            marks.save()
            sheet.merge_page(PdfReader(io.BytesIO(stamp.getvalue())).pages[0])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize("layout", ["booklet", "4-up"])
def test_pages_imposed_several_to_a_sheet_are_read_in_their_numbers_order(layout):
    """Blind round 145 (imposed PDFs): a booklet (sheet 1 holds the last page and the first, sheet 2 the second and the
    one before last, …) was read sheet by sheet, a crop mark at the fold taken for a table drawn across the sheet;
    four pages to a portrait sheet were read across. The pages are read in their printed numbers' order."""
    v = values(seed=6)
    data = imposed(_numbered_pages(v), layout)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert len(pdf.pages) in (2, 3, 4) and (pdf.pages[0].width > pdf.pages[0].height) == (layout == "booklet")
    report = extract_bytes(data, "form.pdf")
    assert (report.agency.name, report.year) == (AGENCY, YEAR)
    assert_every_cell(report, v)
    numbers = [int(n) for n in re.findall(r"- (\d+) -", report.document.text)]
    assert numbers == sorted(numbers) and len(numbers) >= 5


@pytest.mark.parametrize("footer", ["- {} -", "第 {} 页", "{}/9"])
def test_pages_out_of_order_are_read_in_their_numbers_order(footer):
    """Blind round 250 (h1175: a scanner's or a merge tool's page order): the pages of a report each printing its
    number, in another order (here the last first: a stack scanned face up), table 3 broken across two of them: read in
    the file's order, its rows on the later page came first and were lost (32 to 154 cells a file)."""
    from pypdf import PdfReader, PdfWriter

    v = values(seed=6)
    t3 = table3(v)
    head, tail = split(t3, 3 + [r.id for r in forms.T3_ROWS_2021].index("unable.needs_creation"))
    report = blocks(v)
    where = report.index(next(b for b in report if isinstance(b, list) and b[0][0].text.startswith("（本列")))
    pages = list(PdfReader(io.BytesIO(pdf_bytes([*report[:where], head, PAGE_BREAK, tail, *report[where + 1:]],
                                                True, footer))).pages)
    assert len(pages) >= 2
    writer = PdfWriter()
    for page in reversed(pages):  # (the last first: a scanner fed the stack face up)
        writer.add_page(page)
    out = io.BytesIO()
    writer.write(out)
    report = extract_bytes(out.getvalue(), "form.pdf")
    assert (report.agency.name, report.year) == (AGENCY, YEAR)
    assert_every_cell(report, v)


def test_a_table_s_last_row_alone_on_the_next_page_with_its_number_wrapped_is_read():
    """A page break left table 2's fee row a ruled table of one row on the next page, its amount wrapped in the narrow
    cell (204 ⏎ 5.7 ⏎ 0): a table of one row was taken for a box around prose, and the text read 5.7."""
    v = {**values(), "t2.fees.amount_10k_cny": 2045.7}
    t2 = table2(v)
    head, tail = split(t2, len(t2) - 1)
    tail = [[replace(c, text="204<br/>5.7<br/>0") if c.text == "2045.7" else c for c in row] for row in tail]
    report = blocks(v)
    where = next(k for k, b in enumerate(report) if isinstance(b, list) and b[0][0].text == t2[0][0].text)
    data = pdf_bytes([*report[:where], head, PAGE_BREAK, tail, *report[where + 1:]])
    got = extract_bytes(data, "fee.pdf")
    assert (got.cells["t2.fees.amount_10k_cny"].value, got.cells["t2.fees.amount_10k_cny"].status) == (2045.7, "reported")
    assert_every_cell(got, v)


def test_a_margin_of_line_numbers_is_no_part_of_the_text():
    """Blind round 198 (legal-paper PDFs): a margin numbering the lines (1, 2, 3 … down the left edge, as Word's
    line numbering prints) was read across with the text: a number alone between two lines broke the sentence
    (结转下 / 9 / 年度继续办理12件: the headline was lost) and joined table 4's rows (16 17 before the values).
    Numbers counting up by one, clear of the text's edge, are left out; a table's 序号 column, inside it, stays."""
    v = values(seed=5)
    margin = "".join(f"<div style='height:24px;line-height:24px'>{k}</div>" for k in range(1, 400))
    table = ("<table border='1'><tr><td>序号</td><td>事项</td></tr>"
             + "".join(f"<tr><td>{k}</td><td>答复第{k}件申请</td></tr>" for k in range(1, 7)) + "</table>")
    page = html_page(html_body(blocks(v)) + table).replace(
        "<body>", "<body><div style='position:relative;padding-left:48px'><div style='position:absolute;left:0;top:0;"
        f"bottom:0;overflow:hidden;font-size:11px'>{margin}</div>").replace("</body>", "</div></body>")
    report = extract_bytes(_printed_by_chromium(page), "numbered.pdf")
    assert (report.agency.name, report.year) == (AGENCY, YEAR)
    assert_every_cell(report, v)
    lines = [line.strip() for line in report.document.text.splitlines()]
    assert not [line for line in lines if re.fullmatch(r"\d{1,3}", line)]
    assert [line.split()[0] for line in lines if "答复第" in line] == [str(k) for k in range(1, 7)]


def test_a_margin_of_marks_that_are_digits_but_no_decimals_is_left_alone():
    """² ³ (and ① …) are digits to Python's isdigit but no number int() reads: a margin of them beside the text must
    neither be taken for line numbers nor stop the page's reading."""
    from types import SimpleNamespace

    from builder.reading.pdf import _without_line_numbers

    marks = [{"text": mark, "x0": 5.0, "x1": 8.0, "top": 100.0 + 20 * k, "bottom": 110.0 + 20 * k, "doctop": 0.0}
             for k, mark in enumerate("²³²³²³")]
    text = [{"text": "文", "x0": 60.0, "x1": 70.0, "top": 100.0, "bottom": 110.0, "doctop": 0.0}]
    page = SimpleNamespace(chars=marks + text)
    assert _without_line_numbers(page, 10.0) is page
