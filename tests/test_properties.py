"""A report's title kept only in its file's properties (Word's core title, a PDF's Info title, a page's meta tags),
the text beginning at 一、总体情况 and never naming the agency or the year: read as the text's first line."""

from __future__ import annotations

import io
import random

import pytest

from builder import forms, synthetic
from builder.extraction.extract import extract_bytes
from builder.reading.properties import with_property_title

from .test_fuzz import as_docx

AGENCY = "绍兴市柯桥区人民政府"
YEAR = 2022
TITLE = f"{AGENCY}{YEAR}年政府信息公开工作年度报告"


def _untitled() -> tuple[str, dict]:
    """A report's text with no title and no year: 一、总体情况 first, the year called 本年度."""
    v = synthetic.consistent_values(random.Random(71), forms.GOV_2021)
    lines = synthetic.render(AGENCY, YEAR, forms.GOV_2021, v, "tab").split("\n")
    start = next(k for k, line in enumerate(lines) if line.startswith("一、总体情况"))
    return "\n".join(lines[start:]).replace(f"{YEAR}年", "本年度").replace(AGENCY, "我区"), v


def _docx(text: str, title: str, author: str) -> bytes:
    import docx

    document = docx.Document(io.BytesIO(as_docx(text)))
    document.core_properties.title, document.core_properties.author = title, author
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _pdf(text: str, title: str, author: str) -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.setTitle(title)
    page.setAuthor(author)
    y = 800
    for line in text.split("\n"):
        if y < 40:
            page.showPage()
            y = 800
        page.setFont("STSong-Light", 8)
        for k, cell in enumerate(line.split("\t")):
            page.drawString(30 + (0 if k == 0 else 260 + 36 * k), y, cell[:60])
        y -= 12
    page.save()
    return out.getvalue()


def _html(text: str, title: str, _: str) -> bytes:
    body = "".join(f"<p>{line}</p>" if "\t" not in line else
                   "<table><tr>" + "".join(f"<td>{c}</td>" for c in line.split("\t")) + "</tr></table>"
                   for line in text.split("\n"))
    return (f'<html><head><title>柯桥区人民政府门户网站_政府信息公开</title><meta property="og:title" content="{title}">'
            f"</head><body>{body}</body></html>").encode()


@pytest.mark.parametrize(("make", "title", "author", "name"), [
    (_docx, TITLE, "Administrator", "P020230130398215471263.docx"),
    (_docx, f"{YEAR}年政府信息公开工作年度报告", AGENCY, "a8f1c2e0.docx"),
    (_pdf, f"Microsoft Word - {TITLE}（定稿）.docx", "user01", "P020240126571802364519.pdf"),
    (_html, TITLE, "", "art_1539_7714208.html"),
])
def test_a_title_only_in_the_file_s_properties_names_the_report(make, title, author, name):
    """Blind round 153 (h384): 7 of 11 reports lost for want of a year, their titles only in their properties."""
    text, _ = _untitled()
    report = extract_bytes(make(text, title, author), name)
    assert (report.agency.name, report.year) == (AGENCY, YEAR)


def test_a_text_printing_its_own_title_keeps_it_and_a_property_naming_no_report_is_not_read():
    text, _ = _untitled()
    own = f"{TITLE}\n{text}"
    assert with_property_title(own, "另一机关2021年政府信息公开工作年度报告") == own
    assert with_property_title(text, "工作总结", AGENCY) == text
    assert with_property_title(text, "2022年政府信息公开工作年度报告", "Administrator").startswith("2022年政府信息")
