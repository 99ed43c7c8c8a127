"""Downloads cut short: a Word file or workbook without its ZIP directory, a PDF without its
cross-reference table. What arrived whole is read, the report says the file was repaired, and what
did not arrive is never guessed."""

from __future__ import annotations

import io
import random
import zipfile

import pytest

from builder import errors
from builder.extraction.extract import extract_bytes
from builder.reading.repair import closed_pdf, rebuilt_zip

from .official_form import AGENCY, YEAR, assert_every_cell, blocks, docx_bytes, values, xlsx_bytes
from .test_pdf import form_pdf

REPAIRED = "file_repaired"


@pytest.mark.parametrize("make, name", [(docx_bytes, "report.docx"), (xlsx_bytes, "report.xlsx")])
@pytest.mark.parametrize("cut", ["in the directory", "before the directory"])
def test_a_package_whose_directory_never_arrived_is_rebuilt_from_its_entries(make, name, cut):
    v = values(seed=9)
    data = make(blocks(v))
    directory = data.rfind(b"PK\x01\x02") if cut == "in the directory" else data.find(b"PK\x01\x02")
    report = extract_bytes(data[:directory + 30], name)
    assert (report.agency.name_normalized, report.year) == (AGENCY, YEAR)
    assert_every_cell(report, v)
    assert REPAIRED in [w["code"] for w in report.warnings]


def test_a_whole_package_is_not_rebuilt():
    v = values(seed=9)
    report = extract_bytes(docx_bytes(blocks(v)), "report.docx")
    assert REPAIRED not in [w["code"] for w in report.warnings]
    assert rebuilt_zip(docx_bytes(blocks(v)), 10**8) is None


def test_an_entry_cut_short_is_left_out_and_its_checksum_decides():
    """The entries before the cut are whole; the one the cut went through is not read, and an entry
    whose bytes were spoiled (its checksum disagrees) is not either."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a.txt", "第一部分" * 500)
        archive.writestr("b.txt", "第二部分" * 500)
        archive.writestr("c.txt", random.Random(1).randbytes(20_000))
    data = out.getvalue()
    cut = data[:data.find(b"c.txt") + 200]
    with zipfile.ZipFile(io.BytesIO(rebuilt_zip(cut, 10**8))) as rebuilt:
        assert rebuilt.namelist() == ["a.txt", "b.txt"]
        assert rebuilt.read("b.txt").decode() == "第二部分" * 500
    spoiled = bytearray(cut)
    spoiled[cut.find(b"b.txt") + 40] ^= 0xFF
    with zipfile.ZipFile(io.BytesIO(rebuilt_zip(bytes(spoiled), 10**8))) as rebuilt:
        assert rebuilt.namelist() == ["a.txt"]


def test_a_rebuilt_package_unpacks_within_the_limit():
    """A cut ZIP bomb: entries are unpacked only up to the byte limit."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("small.txt", "x" * 1000)
        archive.writestr("bomb.txt", b"\0" * 5_000_000)
    data = out.getvalue()
    with zipfile.ZipFile(io.BytesIO(rebuilt_zip(data[:data.find(b"PK\x01\x02")], 100_000))) as rebuilt:
        assert rebuilt.namelist() == ["small.txt"]


@pytest.mark.parametrize("cut", ["before the cross-reference table", "inside the trailer"])
def test_a_pdf_cut_short_is_read_to_its_last_whole_object(cut):
    v = values(seed=10)
    data = form_pdf(v)
    at = data.rfind(b"xref") if cut.startswith("before") else data.rfind(b"trailer") + 12
    report = extract_bytes(data[:at], "report.pdf")
    assert (report.agency.name_normalized, report.year) == (AGENCY, YEAR)
    assert_every_cell(report, v)
    assert REPAIRED in [w["code"] for w in report.warnings]


def test_a_pdf_cut_inside_an_object_its_pages_need_is_refused():
    """A font or a page cut off draws its characters as others (a Type 3 font half lost read 0 as 2 and
    8 as ':'): no figure of such a file can be trusted, and it is refused, never published."""
    data = form_pdf(values(seed=10))
    cut = data[:data.rfind(b"endobj", 0, data.rfind(b"endobj")) - 5]  # inside the last but one object
    assert closed_pdf(cut) is None
    with pytest.raises(errors.DamagedPDF, match="the file is cut short"):
        extract_bytes(cut, "report.pdf")


def test_a_damaged_pdf_that_was_not_cut_short_is_still_refused():
    """A file that ends as a PDF ends (%%EOF) but whose objects are spoiled is no download cut short."""
    data = form_pdf(values(seed=10))
    spoiled = b"%PDF-1.4\n" + b"\x00garbage" * 2000 + data[-1500:]
    assert closed_pdf(spoiled) is None
    with pytest.raises(errors.ReportError) as refused:
        extract_bytes(spoiled, "report.pdf")
    assert "cut short" not in str(refused.value)


def test_a_word_document_with_an_undefined_entity_is_read_as_word_recovers_it():
    """An export script left &nbsp; (an HTML entity XML does not define) in document.xml: python-docx
    refused the file; Word recovers it, keeping every paragraph and table."""
    v = values(seed=9)
    data = docx_bytes(blocks(v))
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as package, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in package.infolist():
            content = package.read(info)
            if info.filename == "word/document.xml":
                content = content.replace("政府信息公开工作年度报告".encode(), "政府信息公开工作年度报告&nbsp;".encode(), 1)
            copy.writestr(info, content)
    report = extract_bytes(out.getvalue(), "report.docx")
    assert (report.agency.name_normalized, report.year) == (AGENCY, YEAR)
    assert_every_cell(report, v)
    assert REPAIRED in [w["code"] for w in report.warnings]
