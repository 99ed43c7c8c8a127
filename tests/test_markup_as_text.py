"""Markup shown as text: a report's page escaped once or twice more than it should be (a CMS's field), entities
laying out a table, literal tags, and a Word document's XML part saved as a file of its own."""

from __future__ import annotations

import html
import re

import pytest

from builder.extraction.extract import extract_bytes

from .official_form import assert_every_cell, blocks, html_body, values


def _escaped(markup: str, times: int) -> str:
    for _ in range(times):
        markup = html.escape(markup)
    return markup


@pytest.mark.parametrize("times", [1, 2])
@pytest.mark.parametrize("name", ["report.txt", "report.html"])
def test_a_report_whose_markup_is_escaped_is_read_as_its_page(times, name):
    """Blind round 140: &lt;td&gt;12&lt;/td&gt; shown as text (escaped once in a text file, twice in a page whose CMS
    escaped its field): every table was lost (982 cells in five reports)."""
    v = values()
    body = html_body(blocks(v))
    if name.endswith(".html"):
        data = f"<html><body><div class=article>{_escaped(body, times)}</div></body></html>"
    else:
        data = _escaped(body, times)
    assert_every_cell(extract_bytes(data.encode(), name), v)


def test_a_table_laid_out_with_entities_and_literal_breaks_is_read():
    """&emsp; between a row's cells and <br> at each line's end, as text (a CMS's text field showing its codes): read
    as the text they stand for."""
    v = values()
    page = re.sub(r"</t[dh]>", "&emsp;", html_body(blocks(v)))
    page = re.sub(r"</(?:tr|p|h\d|div)>", "<br>\n", page)
    text = re.sub(r"<(?!br>)[^>]+>", "", page)
    assert "&emsp;" in text and "<br>" in text
    assert_every_cell(extract_bytes(text.encode(), "entities.txt"), v)


def test_a_word_document_s_xml_part_alone_is_read_as_the_document():
    """word/document.xml saved or pasted as a file of its own (<w:document xmlns:w="…/2006/main">): no title was read
    and the report was lost."""
    import io
    import zipfile

    from .official_form import docx_bytes

    v = values()
    part = zipfile.ZipFile(io.BytesIO(docx_bytes(blocks(v)))).read("word/document.xml")
    assert_every_cell(extract_bytes(part, "document.txt"), v)
