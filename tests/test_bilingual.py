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


def test_a_pdf_printing_uyghur_level_with_the_chinese_is_read_from_the_chinese():
    """A bilingual PDF in two columns, Chinese on the left, Uyghur on the right (presentation forms, as PDF text
    gives them): each line of text joins a line of each, and Uyghur lines of their own fall between the lines of a
    Chinese sentence. The title and the opening were broken at every line, and the report refused as naming no
    agency."""
    uyghur = "ﯔﯩﻨﯩﻤﯩﻜﮬﻪﻣ ﻲﯨﯘﻣﻪﻣ ﻚﯩﻠﺗﻪﻳﯨ"
    lines = [f"喀什地区行政公署2022年政府信息 {uyghur}", f"公开工作年度报告 {uyghur} ﻖﯩﻠﻠﯩﻳ-2022", "ﻰﺗﻛ ﻖﯩﻠﻠﯩﻳ ﻰﺘﯩﻣﺰﯩﺧ",
             f"本报告根据《中华人民共和国政府信息公开条例》 {uyghur}", f"要求，由喀什地区行政公署办 {uyghur}",
             "公室编制，维汉双语发布。", f"一、总体情况 {uyghur}", f"2022年，全年通过门户网站主动公开政府信 ﻪﭼﺎﭘ 2374 {uyghur}",
             ".ﺪﻟﻪﻜﺗﯚﻳ", "息2374条。全年新收政府信息公开申请42件。", "五、存在的主要问题及改进情况", "无。"]
    report = extract_bytes("\n".join(lines).encode(), "P020230215389712456203.txt")
    assert (report.agency.name, report.year, report.agency.adcode) == ("喀什地区行政公署", 2022, "653100")
    assert {f.key: f.value for f in report.narrative if f.headline}["proactive_items"] == 2374


def test_text_in_another_script_is_left_out_of_a_laid_out_row_but_its_cells_are_kept():
    from builder.reading.document import _without_parallel_text

    assert _without_parallel_text("申请人情况 ཞུ་འབུལ་བ།    12   ༡༢    3   ༣") == "申请人情况    12    3"
    assert _without_parallel_text("자연인\t12\t3") == "자연인\t12\t3"  # the other script alone: kept


@pytest.mark.parametrize("script", LABELS)
def test_header_cells_naming_a_result_in_both_scripts_parted_by_a_slash_are_the_chinese_names(script):
    """Blind round 180 (bilingual tables): every header cell of table 4 printing both names, 结果维持 / 결과유지: the
    other script's words were left out but not the slash, and 结果维持 / was read as a name and a cell printing /
    (none). That header line then stood as table 4's row, every value 0 (14 cells of two reports wrong)."""
    v = values(seed=11)
    report = blocks(v)
    at = next(i for i, b in enumerate(report) if isinstance(b, list) and b[0][0].text == "行政复议")
    other = dict(zip(("行政复议", "行政诉讼", "结果维持", "总计"), LABELS[script]))
    report[at] = [[Cell(f"{c.text} / {other.get(c.text, other['结果维持'])}" if c.text else c.text, c.rowspan, c.colspan)
                   for c in row] if k < 3 else row for k, row in enumerate(table4(v))]
    text = "\n".join(b if isinstance(b, str) else "\n".join("\t".join(c.text for c in row) for row in b) for b in report)
    assert " / " in text
    assert_every_cell(extract_bytes(text.encode(), "report.txt"), v)
