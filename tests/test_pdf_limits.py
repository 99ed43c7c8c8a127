"""The PDF page limit holds before pdfplumber lists the pages, even when the
page count the file declares is a lie."""

from __future__ import annotations

import pdfplumber
import pytest

from builder.extraction.corpus import Rejected, read_data
from builder.limits import Limits


def pdf_with_pages(pages: int, declared: int) -> bytes:
    """A valid PDF of ``pages`` empty pages whose page tree declares ``declared``."""
    kids = " ".join(f"{3 + i} 0 R" for i in range(pages))
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", f"<< /Type /Pages /Kids [{kids}] /Count {declared} >>"]
    objects += ["<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"] * pages
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


@pytest.mark.parametrize("declared", [1, 0, 400])
def test_a_pdf_over_the_page_limit_is_refused_before_its_pages_are_listed(monkeypatch, declared):
    listed = []
    pages = pdfplumber.PDF.pages
    monkeypatch.setattr(pdfplumber.PDF, "pages", property(lambda self: listed.append(1) or pages.fget(self)))
    outcome = read_data(pdf_with_pages(40, declared), "lying.pdf", Limits(max_pdf_pages=5))
    assert isinstance(outcome, Rejected)
    assert outcome.reason.startswith("over a size limit: ") and "5-page limit" in outcome.reason
    assert listed == []


@pytest.mark.parametrize(("pages", "declared"), [(3, 3), (5, 1), (3, 100_000)])
def test_a_pdf_within_the_limit_is_read_whatever_it_declares(pages, declared):
    """Read to the end: its pages are blank, so it is a scan without a text layer. (One declaring 100,000
    pages of its 3 was refused as over the limit.)"""
    outcome = read_data(pdf_with_pages(pages, declared), "blank.pdf", Limits(max_pdf_pages=5))
    assert outcome == Rejected("blank.pdf", "needs OCR: the PDF has no text layer (scanned images)")


def _pdf(objects: list[str | bytes]) -> bytes:
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + (body if isinstance(body, bytes) else body.encode()) + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _stream(content: bytes, extra: str = "") -> bytes:
    return f"<< {extra} /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream"


def pdf_with_nested_forms(depth: int) -> bytes:
    """A page of text that also draws a seal at the bottom of a chain of ``depth`` form XObjects."""
    text = b"BT /F1 12 Tf 20 150 Td (Annual report on government information disclosure 2023) Tj ET q /X1 Do Q"
    forms = [_stream(b"q /X%d Do Q" % (k + 2) if k + 1 < depth else b"0 0 m 10 10 l S",
                     f"/Type /XObject /Subtype /Form /BBox [0 0 20 20] /Resources << /XObject << /X{k + 2} {k + 7} 0 R >> >>")
             for k in range(depth)]
    return _pdf(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                 "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 200] /Contents 4 0 R /Resources << /Font << /F1 "
                 "5 0 R >> /XObject << /X1 6 0 R >> >> >>", _stream(text),
                 "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", *forms])


def test_a_page_drawing_thousands_of_nested_forms_is_read():
    """A seal at the bottom of 3,000 nested form XObjects overflowed the recursion: the file was
    refused as damaged. Forms are read 32 deep, as viewers read them."""
    from builder.reading.pdf import pdf_to_text

    assert "Annual report on government information disclosure 2023" in pdf_to_text(pdf_with_nested_forms(3000), "x.pdf")
    assert "Annual report" in pdf_to_text(pdf_with_nested_forms(5), "x.pdf")
