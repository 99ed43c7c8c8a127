"""Reports of autonomous areas printed in two scripts: a table's copy in Uyghur, Tibetan, Mongolian or
Korean before its Chinese copy, with the same figures. The other script's labels are words, never
cells: read as values, the copy's header rows stood in table 4's place and its cells came out blank."""

from __future__ import annotations

import pytest

from builder.extraction.extract import extract_bytes

from .official_form import AGENCY, YEAR, Cell, assert_every_cell, blocks, html_body, html_page, table4, values

LABELS = {
    "Uyghur": ("مەمۇرىي قايتا قاراپ چىقىش", "مەمۇرىي دەۋا", "نەتىجىسى ساقلاپ قېلىندى", "جەمئىي"),
    "Tibetan": ("འཛིན་སྐྱོང་བསྐྱར་ཞིབ།", "འཛིན་སྐྱོང་གཏུག་བཤེར།", "གྲུབ་འབྲས་རྒྱུན་འཁྱོངས།", "བསྡོམས།"),
    "Mongolian": ("ᠵᠠᠰᠠᠭ ᠵᠠᠬᠢᠷᠭᠠᠨ ᠤ ᠳᠠᠬᠢᠨ ᠬᠢᠨᠠᠯᠲᠠ", "ᠵᠠᠰᠠᠭ ᠵᠠᠬᠢᠷᠭᠠᠨ ᠤ ᠨᠡᠬᠡᠮᠵᠢᠯᠡᠯ", "ᠦᠷ᠎ᠡ ᠳ᠋ᠦᠩ", "ᠨᠡᠶᠢᠲᠡ"),
    "Korean": ("행정재심의", "행정소송", "결과유지", "총계"),
}


def _copied(table: list[list[Cell]], labels: tuple[str, ...]) -> list[list[Cell]]:
    """Table 4 with its header printed in another script: the same spans, the same figures."""
    review, litigation, result, total = labels
    header = [[Cell(review if "复议" in c.text and c.colspan == 5 else litigation if c.colspan == 10 else
                    total if c.text == "总计" else result, c.rowspan, c.colspan) for c in row] for row in table[:3]]
    return [*header, table[3]]


@pytest.mark.parametrize("script", LABELS)
def test_a_tables_copy_in_another_script_before_the_chinese_one_is_read_as_the_same_table(script):
    v = values(seed=11)
    report = blocks(v)
    at = next(i for i, b in enumerate(report) if isinstance(b, list) and b[0][0].text == "行政复议")
    report[at:at + 1] = [_copied(table4(v), LABELS[script]), table4(v)]
    got = extract_bytes(html_page(html_body(report)).encode(), "report.html")
    assert (got.agency.name_normalized, got.year) == (AGENCY, YEAR)
    assert_every_cell(got, v)
