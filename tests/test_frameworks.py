"""CSS frameworks' responsive classes read as a desktop browser with the framework's style sheet shows them."""

from __future__ import annotations

import re

import pytest

from builder.reading.frameworks import hidden_at

from .official_form import assert_every_cell, blocks, html_body, html_page, values
from .test_html_docx import extract_html


@pytest.mark.parametrize(("classes", "hidden"), [
    ("visible-xs", True), ("visible-xs-inline visible-sm", True), ("visible-lg-block", False), ("hidden-xs", False),
    ("hidden-lg", True), ("hidden", True), ("visible-print-block", True),
    ("d-none", True), ("d-none d-md-table-row", False), ("d-inline d-md-none", True), ("d-xxl-none", False),
    ("hidden md:block", False), ("lg:hidden", True), ("2xl:hidden", False),
    ("layui-hide-xs", False), ("layui-show-xs-block layui-hide-sm layui-hide-md layui-hide-lg", True), ("layui-hide", True),
    ("hidden-sm-and-down", False), ("hidden-md-and-up", True), ("hidden-lg-only", True), ("hidden-xl-only", False),
    ("table table-bordered", False), ("row col-md-6", False),
])
def test_a_framework_s_classes_hide_what_its_style_sheet_hides_on_a_desktop(classes, hidden):
    assert hidden_at(classes, 1280) is hidden


@pytest.mark.parametrize(("desktop", "phone"), [
    ("d-none d-md-table-row", "d-md-none"), ("hidden-xs", "visible-xs"), ("layui-hide-xs", "layui-show-xs-block layui-hide-sm "
                                                                          "layui-hide-md layui-hide-lg"),
    ("hidden-sm-and-down", "hidden-md-and-up")])
def test_rows_for_phones_interleaved_by_a_framework_s_classes_are_not_read(desktop, phone):
    """Blind round 263 (h1256): a saved page whose framework style sheet is linked, not saved: each table row followed by
    its phone copy (older figures), hidden only by the classes' meaning: read as rows of the table,
    185 cells were wrong in six pages."""
    v = values(seed=12)

    def with_phone_copy(m: re.Match) -> str:
        if not re.search(r"<td[^>]*>\d+</td>", m[2]):
            return m[0]
        phone_row = re.sub(r"<td([^>]*)>(\d+)</td>", lambda c: f"<td{c[1]}>{int(c[2]) + 3}</td>", m[2])
        return f'<tr class="{desktop}">{m[2]}</tr><tr class="{phone}">{phone_row}</tr>'

    body = re.sub(r"<tr( [^>]*)?>(.*?)</tr>", with_phone_copy, html_body(blocks(v)), flags=re.S)
    assert_every_cell(extract_html(html_page(body)), v)
