"""OFD (版式文档, GB/T 33190) reports, as government sites publish them beside PDFs or instead: every
character placed by its text object, read into lines and a table's cells by their places."""

from __future__ import annotations

import io
import random
import zipfile
from html import escape

import pytest

from builder import errors, forms, synthetic
from builder.extraction.extract import extract_bytes
from builder.reading.document import read_bytes

NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'
AGENCY = "固原市彭阳县人民政府"


def _objects(line: str, y: float, per_character: bool, first_id: int) -> list[str]:
    """A line's cells as text objects at their columns: the label at the left, figures 18 mm apart (a
    row of many figures, as table 4's, 12 mm apart in a smaller size)."""
    cells, out = line.split("\t"), []
    wide = len(cells) > 9
    for c, cell in enumerate(cells):
        if not cell:
            continue
        x = 20 + 12 * c if wide else (20 if c == 0 else 100 + 18 * (c - 1))
        size = (2.5 if wide else 3.5) if c or len(cell) <= 22 else 76 / len(cell)
        runs = [(k, ch) for k, ch in enumerate(cell)] if per_character else [(0, cell)]
        for k, text in runs:
            steps = f' DeltaX="g {len(text) - 1} {size:.3f}"' if len(text) > 1 else ""
            out.append(f'<ofd:TextObject ID="{first_id + len(out)}" Boundary="{x + k * size:.3f} {y} {len(text) * size + 1:.3f} '
                       f'{size + 1}" Font="2" Size="{size:.3f}"><ofd:TextCode X="0" Y="{size:.3f}"{steps}>{escape(text)}'
                       f'</ofd:TextCode></ofd:TextObject>')
    return out


def ofd(lines: list[str], per_character: bool = False, template: str = "", extra: str = "", per_page: int = 40,
        numbered: bool = False) -> bytes:
    """An OFD package of the lines, ``per_page`` a page; ``template``: a footer drawn on every page from a template
    page; ``extra``: objects added to the first page as they are; ``numbered``: each page's number at its foot."""
    pages = [lines[k:k + per_page] for k in range(0, len(lines), per_page)]
    contents = []
    for k, page in enumerate(pages):
        objects = [o for j, line in enumerate(page) for o in _objects(line, 20 + 6 * j, per_character, 1000 * (j + 1))]
        if numbered:
            objects.append(f'<ofd:TextObject ID="{k + 1}" Boundary="102 285 6 4" Size="3.5"><ofd:TextCode X="0" Y="3.5">'
                           f'{k + 1}</ofd:TextCode></ofd:TextObject>')
        contents.append("".join(objects) + (extra if k == 0 else ""))
    return _package(contents, "".join(_objects(template, 285, False, 900)) if template else "")


def _package(contents: list[str], template: str = "") -> bytes:
    """An OFD package of pages holding these objects, each drawing the template page's (when given)."""
    parts = {
        "OFD.xml": f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD {NS} DocType="OFD" Version="1.0"><ofd:DocBody>'
                   '<ofd:DocInfo><ofd:DocID>a1</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>'
                   '</ofd:DocBody></ofd:OFD>',
        "Doc_0/Document.xml": f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document {NS}><ofd:CommonData>'
                              '<ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>'
                              '<ofd:TemplatePage ID="1" BaseLoc="Tpls/Tpl_0/Content.xml"/></ofd:CommonData><ofd:Pages>'
                              + "".join(f'<ofd:Page ID="{k + 10}" BaseLoc="Pages/Page_{k}/Content.xml"/>'
                                        for k in range(len(contents)))
                              + '</ofd:Pages></ofd:Document>',
        "Doc_0/Tpls/Tpl_0/Content.xml": f'<ofd:Page {NS}><ofd:Content><ofd:Layer ID="2">{template}'
                                        '</ofd:Layer></ofd:Content></ofd:Page>',
    }
    for k, objects in enumerate(contents):
        used = '<ofd:Template TemplateID="1" ZOrder="Background"/>' if template else ""
        parts[f"Doc_0/Pages/Page_{k}/Content.xml"] = (f'<ofd:Page {NS}>{used}<ofd:Content><ofd:Layer ID="1">{objects}'
                                                      '</ofd:Layer></ofd:Content></ofd:Page>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def ofd_of_pdf(data: bytes, rules: bool = True) -> bytes:
    """A PDF's pages as an OFD package, as a converter writes one: each character a text object at its place (in
    millimetres), each ruling line of its tables a path object (``rules``), drawn as a cell's outline or a line."""
    import pdfplumber

    mm = 25.4 / 72
    contents = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            objects = [f'<ofd:TextObject ID="{n + 1}" Boundary="{c["x0"] * mm:.3f} {c["top"] * mm:.3f} '
                       f'{(c["x1"] - c["x0"]) * mm + 0.1:.3f} {c["size"] * mm:.3f}" Size="{c["size"] * mm:.3f}">'
                       f'<ofd:TextCode X="0" Y="{c["size"] * mm * 0.88:.3f}">{escape(c["text"])}</ofd:TextCode>'
                       '</ofd:TextObject>' for n, c in enumerate(page.chars)]
            for n, e in enumerate(page.edges if rules else []):
                x0, y0, x1, y1 = (e[k] * mm for k in ("x0", "top", "x1", "bottom"))
                shape = f"M 0 0 L {x1 - x0:.3f} {y1 - y0:.3f}" if n % 2 else \
                    f"M 0 0 L {x1 - x0:.3f} 0 L {x1 - x0:.3f} {y1 - y0:.3f} L 0 {y1 - y0:.3f} C"  # (a line; a thin box)
                objects.append(f'<ofd:PathObject ID="{90000 + n}" Boundary="{x0:.3f} {y0:.3f} {x1 - x0 + 0.1:.3f} '
                               f'{y1 - y0 + 0.1:.3f}" LineWidth="0.25"><ofd:AbbreviatedData>{shape}'
                               '</ofd:AbbreviatedData></ofd:PathObject>')
            contents.append("".join(objects))
    return _package(contents)


def report_lines(seed: int, template: str = forms.GOV_2021) -> tuple[list[str], dict]:
    v = synthetic.consistent_values(random.Random(seed), template)
    return synthetic.render(AGENCY, 2022 if template == forms.GOV_2021 else 2020, template, v, "tab").split("\n"), v


@pytest.mark.parametrize("per_character", [False, True])
@pytest.mark.parametrize("template", [forms.GOV_2021, forms.GOV_2019])
def test_an_ofd_report_is_read_cell_for_cell(per_character, template):
    """An OFD file was refused (convert it to PDF): a run of text a cell (数科's), or a character an object."""
    lines, v = report_lines(5, template)
    rep = extract_bytes(ofd(lines, per_character), "report.ofd")
    assert (rep.agency.name, rep.year, rep.template) == (AGENCY, 2022 if template == forms.GOV_2021 else 2020, template)
    assert {k: c.value for k, c in rep.cells.items()} == {c.id: v[c.id] for c in forms.cells(template)}
    assert rep.document.source.format == "ofd"


@pytest.mark.parametrize("per_page", [30, 35])
def test_an_ofd_page_s_number_is_no_line_of_its_text(per_page):
    """Blind round 75 (OFD): each page's number at its foot was a line of the text, between table 3's last row on one
    page and its next on the other: a row's label wrapped around it lost its figures (21 cells of one report)."""
    lines, v = report_lines(7)
    data = ofd(lines, per_page=per_page, numbered=True)
    pages = -(-len(lines) // per_page)
    assert not {str(k) for k in range(1, pages + 1)} & {line.strip() for line in read_bytes(data, "report.ofd").lines}
    rep = extract_bytes(data, "report.ofd")
    assert {k: c.value for k, c in rep.cells.items()} == {c.id: v[c.id] for c in forms.cells(forms.GOV_2021)}


def test_a_watermark_turned_aslant_across_the_page_is_no_text():
    """Blind round 75 (OFD): a pale watermark (霍山县人民政府信息公开) turned 30° on every page: its characters, placed
    one by one along the slant, fell among the lines of the prose and of table 3 (34 cells lost)."""
    lines, v = report_lines(9)
    marks = "".join(f'<ofd:TextObject ID="{700 + k}" Boundary="40 {30 + 50 * k} 90 40" CTM="0.866 -0.5 0.5 0.866 0 30" '
                    f'Size="6"><ofd:TextCode X="0" Y="6" DeltaX="g 9 6">彭阳县人民政府信息公开</ofd:TextCode></ofd:TextObject>'
                    for k in range(5))
    data = ofd(lines, extra=marks)
    assert "彭" not in "".join(line for line in read_bytes(data, "r.ofd").lines if "人民政府" not in line)
    rep = extract_bytes(data, "r.ofd")
    assert {k: c.value for k, c in rep.cells.items()} == {c.id: v[c.id] for c in forms.cells(forms.GOV_2021)}


def test_a_template_page_s_footer_is_read_and_hidden_objects_are_not():
    """The footer a template page draws on every page is on the page (read once: on the later pages it is a running
    footer, left out as a PDF's is); an object drawn invisible or fully transparent (an earlier draft's figures) is not."""
    lines, v = report_lines(6)
    hidden = ('<ofd:TextObject ID="5" Boundary="20 200 40 5" Size="3.5" Visible="false"><ofd:TextCode X="0" Y="3.5">'
              '2019年政府信息公开工作年度报告</ofd:TextCode></ofd:TextObject><ofd:TextObject ID="6" Boundary="20 206 40 5" '
              'Size="3.5"><ofd:FillColor Value="0 0 0" Alpha="0"/><ofd:TextCode X="0" Y="3.5">共收到申请999件</ofd:TextCode>'
              '</ofd:TextObject>')
    text = read_bytes(ofd(lines, template="彭阳县人民政府办公室印发", extra=hidden), "r.ofd").text
    assert -(-len(lines) // 40) > 1 and text.count("彭阳县人民政府办公室印发") == 1
    assert "2019年" not in text and "999" not in text
    rep = extract_bytes(ofd(lines, extra=hidden), "r.ofd")
    assert rep.year == 2022 and {k: c.value for k, c in rep.cells.items()} == {c.id: v[c.id] for c in forms.cells(forms.GOV_2021)}


@pytest.mark.parametrize("drawn", ['Alpha="0"', 'DeltaX="g 5499999 0.0001"'])
def test_a_run_of_millions_of_characters_no_reader_sees_loses_nothing_else(drawn):
    """Blind round 142 (hostile files): a run of 5.5 million characters drawn before the report, transparent or piled
    on one another 0.0001 mm apart. Past libxml2's 10 MB a text node ended the part there, and the page's every
    later object (table 2 and half of table 3) with it; drawn, its characters took the file past its time limit."""
    lines, v = report_lines(8)
    hidden = (f'<ofd:TextObject ID="1" Boundary="0 0 210 297" Size="0.1" {drawn if "Alpha" in drawn else ""}>'
              f'<ofd:TextCode X="0" Y="0.1" {drawn if "DeltaX" in drawn else ""}>{"政务公开" * 1_375_000}'
              '</ofd:TextCode></ofd:TextObject>')
    contents = ["".join(o for j, line in enumerate(lines) for o in _objects(line, 20 + 6 * j, False, 1000 * (j + 1)))]
    rep = extract_bytes(_package([hidden + contents[0]]), "r.ofd")
    assert "政务公开政务公开" not in rep.document.text
    assert {k: c.value for k, c in rep.cells.items()} == {c.id: v[c.id] for c in forms.cells(forms.GOV_2021)}


def test_a_run_is_clipped_by_its_boundary():
    """An object's boundary clips what it draws: a run of digits going on past it (a producer's stale text) is not
    read on to the page's edge."""
    clipped = ('<ofd:TextObject ID="1" Boundary="20 200 12 5" Size="3.5"><ofd:TextCode X="0" Y="3.5">办结率</ofd:TextCode>'
               '<ofd:TextCode X="11" Y="3.5" DeltaX="g 40 3.5">' + "9" * 41 + '</ofd:TextCode></ofd:TextObject>')
    text = read_bytes(_package([clipped]), "r.ofd").text
    assert "办结率9" in text and "999" not in text  # (a character set off within its size of the edge is kept)


@pytest.mark.parametrize("mangle, says", [
    (lambda parts: parts.pop("Doc_0/Document.xml"), "an OFD document whose part 'Doc_0/Document.xml' is missing"),
    (lambda parts: parts.update({"Doc_0/Document.xml": f"<ofd:Document {NS}><ofd:Pages/></ofd:Document>"}),
     "an OFD document with no pages"),
])
def test_a_broken_ofd_is_refused_in_one_line(mangle, says):
    with zipfile.ZipFile(io.BytesIO(ofd(report_lines(7)[0]))) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    mangle(parts)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    with pytest.raises(errors.NotText) as info:
        read_bytes(buffer.getvalue(), "bad.ofd")
    assert str(info.value).startswith("bad.ofd: ") and says in str(info.value)


def test_an_ofd_s_ruled_table_is_read_by_its_grid(monkeypatch):
    """Blind round 126 (OFD files converted from Word): table 3 drawn as ruled cells, its labels wrapped around their
    numbers and 三、本年度办理结果 set down its merged cell a character a line, over a page break. Read by the characters'
    lines alone, the labels' pieces and the heading's characters fell among the rows (up to 35 cells of a report
    missed); the path objects' rules give each row its cells, as a PDF's ruling lines do."""
    from . import test_pdf
    from .test_pdf import form_pdf, values

    monkeypatch.setitem(test_pdf._WIDTHS, 10, [17, 19, 148] + [40] * 7)  # (the group labels a character a line)
    v = values()
    ruled = ofd_of_pdf(form_pdf(v))
    rep = extract_bytes(ruled, "report.ofd")
    assert {k: c.value for k, c in rep.cells.items() if k.startswith("t3.")} == {
        c.id: v[c.id] for c in forms.cells(forms.GOV_2021) if c.table == "t3"}
    # each row a line of its cells, 三、本年度办理结果 whole in the first
    assert "\t".join(["三、本年度办理结果", "(一)予以公开", "", *(str(v[forms.t3_cell("granted", c.id)])
                                                             for c in forms.T3_COLUMNS)]) in rep.document.lines
